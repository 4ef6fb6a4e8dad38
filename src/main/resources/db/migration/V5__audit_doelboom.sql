-- The audit trail (V4) follows the goal tree (V2): roots' period and law, the computed colour.
alter table doel_aud add column van date;
alter table doel_aud add column tot date;
alter table doel_aud add column wet varchar(200);
alter table opdracht_aud add column berekende_status_kleur varchar(10);
alter table opdracht_aud add column kleur_toelichting varchar(4000);
