-- The policy domains a municipality files its opdrachten under, kept by the portfolio office instead
-- of fixed in the application. The seven that were fixed before are the start.
create table domein (
    code         varchar(30)  not null primary key,
    naam         varchar(100) not null,
    opgeheven_op date
);

insert into domein (code, naam) values
    ('sociaal', 'Sociaal'),
    ('fysiek', 'Fysiek'),
    ('economie', 'Economie'),
    ('onderwijs', 'Onderwijs'),
    ('veiligheid', 'Veiligheid'),
    ('bedrijfsvoering', 'Bedrijfsvoering'),
    ('dienstverlening', 'Dienstverlening');

-- The column held the Java constant's name (SOCIAAL); it now holds the domain's code, as the API
-- always showed it.
update opdracht set domein = lower(domein);
update opdracht_aud set domein = lower(domein) where domein is not null;
alter table opdracht add constraint fk_opdracht_domein foreign key (domein) references domein (code);
