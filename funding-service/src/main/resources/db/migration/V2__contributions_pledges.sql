-- Contributions, pledges, their history, idempotent POSTs, the outbox, and funding's replica of
-- registry's administrative units and clubs (built from registry's events, never from its database).

create table pledge (
    id            uuid primary key,
    donor_id      uuid         not null references donor (id),
    amount_vnd    bigint       not null check (amount_vnd between 1 and 10000000000000),
    pledged_on    date         not null,
    due_on        date,
    district_code varchar(5),
    club_id       uuid,
    note          varchar(500),
    cancelled_on  date,
    cancel_reason varchar(500),
    version       bigint       not null,
    created_at    timestamptz  not null,
    created_by    varchar(200) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null
);
create index pledge_donor on pledge (donor_id);
create index pledge_district on pledge (district_code);

create table contribution (
    id              uuid primary key,
    donor_id        uuid         not null references donor (id),
    form            varchar(10)  not null check (form in ('CASH', 'IN_KIND', 'LABOUR')),
    amount_vnd      bigint       not null check (amount_vnd between 1 and 10000000000000),
    valuation_note  varchar(1000),
    received_on     date         not null,
    district_code   varchar(5),
    club_id         uuid,
    pledge_id       uuid references pledge (id),
    purpose         varchar(500),
    receipt_no      varchar(50),
    status          varchar(10)  not null check (status in ('RECORDED', 'REVERSED')),
    reversed_on     date,
    reversal_reason varchar(500),
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(200) not null,
    check (form = 'CASH' or valuation_note is not null),
    check (club_id is null or district_code is not null)
);
create index contribution_district on contribution (district_code, received_on);
create index contribution_donor on contribution (donor_id);
create index contribution_club on contribution (club_id);
create index contribution_pledge on contribution (pledge_id);
-- A receipt number identifies one receipt in a district's books (province-level receipts share one book).
create unique index contribution_receipt_per_district on contribution (coalesce(district_code, '-'), receipt_no)
    where receipt_no is not null;

-- Who changed a contribution or pledge, what and when.
create table change_log (
    id          bigserial primary key,
    entity      varchar(15)  not null check (entity in ('CONTRIBUTION', 'PLEDGE', 'DONOR')),
    entity_id   uuid         not null,
    action      varchar(20)  not null,
    changes     text         not null,
    actor       varchar(200) not null,
    occurred_at timestamptz  not null
);
create index change_log_entity on change_log (entity_id, id);

-- A POST with an Idempotency-Key: the first answer is kept and given again to a retry.
create table idempotency_record (
    idempotency_key varchar(200) not null,
    actor           varchar(200) not null,
    operation       varchar(50)  not null,
    request_hash    varchar(64)  not null,
    resource_id     uuid         not null,
    created_at      timestamptz  not null,
    primary key (actor, operation, idempotency_key)
);

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

-- Replica of registry's data, from registry.admin-units.v1 and registry.club-snapshots.v1.
create table applied_event (
    event_id   uuid primary key,
    topic      varchar(200) not null,
    applied_at timestamptz  not null default now()
);
create table district_replica (
    code       varchar(5) not null,
    name       varchar(150) not null,
    valid_from date,
    valid_to   date
);
create index district_replica_code on district_replica (code);
create table admin_unit_version (
    code    varchar(5) primary key,
    version bigint     not null
);
create table club_replica (
    id             uuid primary key,
    version        bigint      not null,
    district_code  varchar(5)  not null,
    established_on date        not null,
    closed_on      date,
    status         varchar(10) not null
);
