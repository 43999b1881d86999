-- registry-service schema. Changed only by new migrations, never by Hibernate.

-- Administrative units with validity periods. A code can have several periods (a commune renamed,
-- a town that became a city). valid_from is inclusive, valid_to exclusive; null valid_from means
-- "in force before the earliest list we hold", null valid_to "still in force".
create table admin_unit (
    id          bigserial primary key,
    code        varchar(5)   not null,
    name        varchar(100) not null,
    full_name   varchar(150) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    unit_type   varchar(20)  not null,
    parent_code varchar(5),
    valid_from  date,
    valid_to    date,
    check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create unique index admin_unit_code_period on admin_unit (code, coalesce(valid_from, '-infinity'::date));
create index admin_unit_parent on admin_unit (parent_code);

-- Which state of each unit has been announced on the admin-units topic, so that units loaded by a
-- later migration are published once, by the service, through the outbox.
create table admin_unit_announcement (
    code        varchar(5) primary key,
    version     bigint     not null,
    fingerprint text       not null
);

create table club (
    id             uuid primary key,
    name           varchar(200) not null,
    commune_code   varchar(5)   not null,
    district_code  varchar(5)   not null,
    province_code  varchar(5)   not null,
    hamlet         varchar(200),
    established_on date         not null,
    closed_on      date,
    closure_reason varchar(500),
    status         varchar(10)  not null check (status in ('ACTIVE', 'CLOSED')),
    version        bigint       not null,
    created_at     timestamptz  not null,
    created_by     varchar(200) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null
);
create index club_district on club (district_code);
create index club_commune on club (commune_code);
-- A commune cannot have two active clubs of the same name (compared without case).
create unique index club_active_name_per_commune on club (commune_code, lower(name)) where status = 'ACTIVE';

-- Transactional outbox: written in the same transaction as the change it announces, published by
-- the relay in id order, marked when Kafka has acknowledged it.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    record_key   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
