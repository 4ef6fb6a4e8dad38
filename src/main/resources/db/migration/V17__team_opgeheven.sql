-- A team that no longer exists keeps its history (opdrachten, reports, audit rows) but takes no new work.
alter table team add column opgeheven_op date;
alter table team_aud add column opgeheven_op date;
