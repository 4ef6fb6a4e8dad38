-- Indicators join the audit trail: definition, baseline, target, owner, status and the yearly
-- intermediate targets. (Metingen keep their own history: a correction is a new version.)
create table indicator_aud (
    id              bigint   not null,
    rev             bigint   not null references revinfo (rev),
    revtype         smallint,
    doel_id         bigint,
    opdracht_id     bigint,
    naam            varchar(200),
    definitie       varchar(4000),
    eenheid         varchar(50),
    richting        varchar(20),
    basiswaarde     numeric(19, 4),
    basisdatum      date,
    streefwaarde    numeric(19, 4),
    streefdatum     date,
    meetfrequentie  varchar(20),
    bron            varchar(300),
    eigenaar        varchar(64),
    status          varchar(20),
    aangemaakt_op   timestamp,
    primary key (id, rev)
);

create table indicator_tussendoel_aud (
    rev           bigint         not null references revinfo (rev),
    revtype       smallint,
    indicator_id  bigint         not null,
    jaar          integer        not null,
    waarde        numeric(19, 4) not null,
    primary key (rev, indicator_id, jaar, waarde)
);
