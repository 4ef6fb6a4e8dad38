-- The progress report keeps the colour status-kleur.dmn computed next to the team's colour, and
-- the team's reason for a different one (also in the audit trail).
alter table voortgangsrapportage add column berekende_status_kleur varchar(10);
alter table voortgangsrapportage add column kleur_toelichting varchar(4000);
alter table voortgangsrapportage_aud add column berekende_status_kleur varchar(10);
alter table voortgangsrapportage_aud add column kleur_toelichting varchar(4000);
