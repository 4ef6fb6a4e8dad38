-- Named locks for work that must take turns across threads and nodes: a transaction selects
-- its row FOR UPDATE and holds it until it commits (see OpdrachtRepository.vergrendelWachtrij).
create table vergrendeling (
    naam varchar(50) primary key
);

insert into vergrendeling (naam) values ('wachtrij');
