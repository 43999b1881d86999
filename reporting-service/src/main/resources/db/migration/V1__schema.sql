-- reporting-service schema. Projections of other services' events plus reporting's own
-- programmes and targets. Changed only by new migrations, never by Hibernate.

-- Every event applied (or recognised as stale), recorded in the transaction that applied it:
-- a redelivered event id is a duplicate and changes nothing.
create table applied_event (
    event_id          uuid primary key,
    topic             varchar(200) not null,
    aggregate_id      varchar(100) not null,
    aggregate_version bigint       not null,
    occurred_at       timestamptz  not null,
    applied_at        timestamptz  not null default now(),
    outcome           varchar(10)  not null check (outcome in ('APPLIED', 'STALE'))
);

-- How far each source has been applied: the newest occurredAt seen from it.
create table source_freshness (
    source  varchar(20) primary key,
    through timestamptz not null
);

-- Administrative units, from registry.admin-units.v1 (one version per code, all its periods).
create table admin_unit_version (
    code    varchar(5) primary key,
    version bigint     not null
);
create table admin_unit_period (
    code        varchar(5)   not null references admin_unit_version (code),
    name        varchar(100) not null,
    full_name   varchar(150) not null,
    level       varchar(10)  not null,
    unit_type   varchar(20)  not null,
    parent_code varchar(5),
    valid_from  date,
    valid_to    date
);
create index admin_unit_period_code on admin_unit_period (code);
create index admin_unit_period_parent on admin_unit_period (parent_code, level);

-- Clubs and their de-identified members, from registry.club-snapshots.v1 (newest version wins).
create table club (
    id             uuid primary key,
    version        bigint       not null,
    name           varchar(200) not null,
    commune_code   varchar(5)   not null,
    district_code  varchar(5)   not null,
    province_code  varchar(5)   not null,
    established_on date         not null,
    closed_on      date,
    status         varchar(10)  not null
);
create index club_district on club (district_code);
create table club_member (
    club_id          uuid        not null references club (id) on delete cascade,
    member_id        uuid        not null,
    gender           varchar(10) not null,
    birth_date       date,
    birth_year       integer,
    household_status varchar(10) not null,
    joined_on        date        not null,
    left_on          date,
    primary key (club_id, member_id)
);

-- Contributions, from funding.contributions.v1 (consumed from the funding issue on).
create table contribution (
    id            uuid primary key,
    version       bigint      not null,
    district_code varchar(5),
    amount_vnd    bigint      not null check (amount_vnd > 0),
    received_on   date        not null,
    reversed_on   date
);

create table programme (
    code        varchar(40)  primary key,
    name        varchar(300) not null,
    starts_on   date         not null,
    ends_on     date         not null,
    legal_basis varchar(500),
    check (ends_on >= starts_on)
);
-- Targets of a programme for the province (area = province code) and for each district.
create table programme_target (
    programme_code    varchar(40) not null references programme (code),
    area_code         varchar(5)  not null,
    clubs             integer     check (clubs >= 0),
    older_members     integer     check (older_members >= 0),
    contributions_vnd bigint      check (contributions_vnd >= 0),
    primary key (programme_code, area_code)
);
