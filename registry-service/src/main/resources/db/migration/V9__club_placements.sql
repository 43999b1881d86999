-- Clubs across reforms (decision 0013). A club registered after the 2025 reform has no district.
alter table club alter column district_code drop not null;
-- The successor a province admin or area officer chose for a club whose commune was split.
alter table club add column successor_commune_code varchar(5);
-- The candidates, while the club awaits that choice (comma-separated codes); null otherwise.
alter table club add column successor_candidates varchar(100);

-- Where the club sits on each day from its establishment: derived from its commune, the dated
-- units and their successions, and the choice above; recomputed when any of them changes.
create table club_placement (
    club_id       uuid       not null references club (id),
    valid_from    date       not null,
    valid_to      date,
    commune_code  varchar(5),
    district_code varchar(5),
    province_code varchar(5) not null,
    primary key (club_id, valid_from)
);
create index club_placement_commune on club_placement (commune_code);
