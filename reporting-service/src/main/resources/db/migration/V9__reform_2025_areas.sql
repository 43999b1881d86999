-- The 2025 reform (decision 0013): areas are a code plus a period, a period that ended by a merge
-- or a split names its successors, and a club sits where registry's placements say on each day.

-- Successors of an ended period, from registry.admin-units.v1: the period of `code` that ended on
-- `valid_to` went (wholly or in part) to the period of `successor_code` starting that day.
create table admin_unit_succession (
    code           varchar(5) not null references admin_unit_version (code),
    valid_to       date       not null,
    successor_code varchar(5) not null,
    whole          boolean    not null,
    primary key (code, valid_to, successor_code)
);
create index admin_unit_succession_successor on admin_unit_succession (successor_code, valid_to);

-- Clubs registered after the reform sit in a commune directly under the province: no district.
alter table club alter column district_code drop not null;

-- Where a club sits on each day, from registry's placements: from (inclusive) until (exclusive,
-- null = still). No commune: the club awaits a successor decision and counts at province level.
create table club_placement (
    club_id       uuid       not null references club (id) on delete cascade,
    valid_from    date       not null,
    valid_to      date,
    commune_code  varchar(5),
    district_code varchar(5),
    province_code varchar(5),
    primary key (club_id, valid_from)
);
create index club_placement_commune on club_placement (commune_code, valid_from);

-- Clubs projected before placements existed sit all their life where they were registered.
insert into club_placement (club_id, valid_from, valid_to, commune_code, district_code, province_code)
select id, established_on, null, commune_code, district_code, province_code from club;

-- Contributions and pledges dated on or after the reform are recorded to a commune (or the province).
alter table contribution add column commune_code varchar(5);
alter table pledge add column commune_code varchar(5);
-- A unit's new periods move the figures of the money recorded to it: found by its code.
create index contribution_commune on contribution (commune_code) where commune_code is not null;
create index pledge_district on pledge (district_code) where district_code is not null;
create index pledge_commune on pledge (commune_code) where commune_code is not null;

-- A contribution or pledge recorded to a district now counts at province level from the day the
-- district ends: the stored figures are computed again from the projections at the next start.
update progress_revision set built = false;
