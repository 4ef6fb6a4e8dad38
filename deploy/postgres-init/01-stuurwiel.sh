#!/bin/bash
# Run once by the postgres image when its data volume is new (/docker-entrypoint-initdb.d).
# Stuurwiel gets a role of its own that owns its database and nothing else: not PostgreSQL's
# superuser, which could read every database and run programs on the database server.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v rol="${STUURWIEL_DB_USER:-stuurwiel}" -v wachtwoord="$STUURWIEL_DB_PASSWORD" \
    -v databank="${STUURWIEL_DB_NAME:-stuurwiel}" <<'SQL'
CREATE ROLE :"rol" LOGIN PASSWORD :'wachtwoord' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE :"databank" OWNER :"rol";
REVOKE ALL ON DATABASE :"databank" FROM PUBLIC;
SQL
