# Shared by bench/crashtest and bench/cluster: build the jar, a fresh PostgreSQL database, and a
# trap that stops every node this run started (by the pid files the driver writes) and drops the
# database. Needs Java 17, Maven, python3 and psql; PGHOST/PGUSER/PGPASSWORD as for psql
# (default 127.0.0.1, postgres, empty).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-}"
PGPORT="${PGPORT:-5432}"
WERKMAP="$(mktemp -d "${TMPDIR:-/tmp}/stuurwiel-bench.XXXXXX")"

opruimen() {
  local rc=$?
  for pidbestand in "$WERKMAP"/*.pid; do
    [ -e "$pidbestand" ] || continue
    kill -9 "$(cat "$pidbestand")" 2>/dev/null || true
  done
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
  else
    echo "database $DB kept (KEEP_DB=1)"
  fi
  rm -f "$WERKMAP/stuurwiel.jar"
  echo "node logs: $WERKMAP"
  exit $rc
}

trap opruimen EXIT INT TERM

bouw_jar() {
  if [ -n "${STUURWIEL_JAR:-}" ]; then
    cp "$STUURWIEL_JAR" "$WERKMAP/stuurwiel.jar"
  else
    (cd "$ROOT" && mvn -B -q -DskipTests package)
    # a copy, so that a later `mvn clean` does not pull the jar from under a running node
    cp "$(ls "$ROOT"/target/stuurwiel-*.jar | grep -v original | head -1)" "$WERKMAP/stuurwiel.jar"
  fi
}

verse_database() {
  psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null
  psql -d postgres -qc "CREATE DATABASE \"$DB\"" >/dev/null
}
