-- Areas across the 2025 reform (decision 0013). Funding's replica keeps every dated period of
-- registry's units (districts and communes, with level and parent), so that the areas in force on a
-- day are the province's children that day: its districts before the reform, its communes after.
create table admin_unit_replica (
    code        varchar(5) not null,
    name        text       not null,
    full_name   text       not null,
    level       varchar(10) not null,
    parent_code varchar(5),
    valid_from  date,
    valid_to    date
);
create index admin_unit_replica_code on admin_unit_replica (code);
create index admin_unit_replica_parent on admin_unit_replica (parent_code, level);
-- Until now registry announced only Thái Nguyên's units and funding kept only their districts
-- (by full name): they are kept as districts of province 19 until registry announces them again.
insert into admin_unit_replica (code, name, full_name, level, parent_code, valid_from, valid_to)
select code, name, name, 'DISTRICT', '19', valid_from, valid_to from district_replica;
drop table district_replica;
-- Units whose commune periods were skipped before are applied again when registry re-announces them.
delete from admin_unit_version v where not exists (select 1 from admin_unit_replica r where r.code = v.code);

-- A club registered after the reform has no district; where it sits on each day is its placements
-- (registry derives them: a null commune while it awaits a successor, i.e. it counts for the province).
alter table club_replica alter column district_code drop not null;
alter table club_replica add column commune_code varchar(5);
alter table club_replica add column awaiting_successor boolean not null default false;
create table club_placement_replica (
    club_id       uuid       not null references club_replica (id) on delete cascade,
    valid_from    date       not null,
    valid_to      date,
    commune_code  varchar(5),
    district_code varchar(5),
    province_code varchar(5),
    primary key (club_id, valid_from)
);

-- Contributions and pledges dated from the reform are recorded to a commune in force that day
-- (directly under the province), or to the province; never to both a district and a commune.
alter table contribution add column commune_code varchar(5);
alter table pledge add column commune_code varchar(5);
alter table contribution add constraint contribution_one_area check (district_code is null or commune_code is null);
alter table pledge add constraint pledge_one_area check (district_code is null or commune_code is null);
create index contribution_commune on contribution (commune_code, received_on);
create index pledge_commune on pledge (commune_code);
-- A club's contribution after the reform has no district (the club's commune, or the province while
-- the club awaits a successor): the old rule "a club implies a district" no longer holds.
do $$
declare
    rule text;
begin
    for rule in select conname from pg_constraint
                where conrelid = 'contribution'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%club_id IS NULL%'
    loop
        execute 'alter table contribution drop constraint ' || quote_ident(rule);
    end loop;
end $$;
-- A receipt number or row key is unique within one book: a district's, a commune's (codes of 3 and
-- 5 digits never collide) or the province's.
drop index contribution_receipt_per_district;
create unique index contribution_receipt_per_book on contribution (coalesce(district_code, commune_code, '-'), receipt_no)
    where receipt_no is not null;
drop index contribution_row_key_per_district;
create unique index contribution_row_key_per_book on contribution (coalesce(district_code, commune_code, '-'), row_key)
    where row_key is not null;

-- A donor registered by an area officer belongs to that officer's communes (comma-separated, between
-- commas: ",05443,05482,"), as one registered by a district officer belongs to their district.
alter table donor add column commune_codes varchar(200);

-- Clubs known before placements sit in their district from their establishment, as they did.
insert into club_placement_replica (club_id, valid_from, valid_to, commune_code, district_code, province_code)
select id, established_on, null, null, district_code, null from club_replica;
