-- Goal links are audited as records of their own: contribution and weight beside the keys.
alter table opdracht_doel_aud add column bijdrage varchar(4000);
alter table opdracht_doel_aud add column gewicht integer;
