-- The programme cycle: district plans per year, periodic district reports, and who did what.

-- How a programme's report periods are cut (Decree 09/2019/NĐ-CP or calendar) and when reports are due.
alter table programme add column period_scheme varchar(10) not null default 'DECREE_09'
    check (period_scheme in ('DECREE_09', 'CALENDAR'));
alter table programme add column report_due_days integer not null default 6
    check (report_due_days between 0 and 90);

-- A district's plan for a programme. A change to an approved plan is a new revision; the old one is kept.
create table district_plan (
    id              uuid primary key,
    programme_code  varchar(40)  not null references programme (code),
    district_code   varchar(5)   not null,
    revision        integer      not null check (revision >= 1),
    status          varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
    return_comment  text,
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    submitted_at    timestamptz,
    submitted_by    varchar(200),
    decided_at      timestamptz,
    decided_by      varchar(200),
    unique (programme_code, district_code, revision)
);
-- At most one revision in work per district and programme.
create unique index district_plan_one_open on district_plan (programme_code, district_code)
    where status in ('DRAFT', 'SUBMITTED', 'RETURNED');

create table district_plan_year (
    plan_id           uuid    not null references district_plan (id) on delete cascade,
    year              integer not null,
    new_clubs         integer not null check (new_clubs >= 0),
    maintained_clubs  integer not null check (maintained_clubs >= 0),
    older_members     integer not null check (older_members >= 0),
    contributions_vnd bigint  not null check (contributions_vnd >= 0),
    primary key (plan_id, year)
);

-- A district's report for one period. Figures are frozen (as JSON) when it is submitted.
create table district_report (
    id              uuid primary key,
    programme_code  varchar(40)  not null references programme (code),
    period_code     varchar(10)  not null,
    district_code   varchar(5)   not null,
    revision        integer      not null check (revision >= 1),
    status          varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
    results         text,
    advantages      text,
    difficulties    text,
    proposals       text,
    next_actions    text,
    frozen_figures  text,
    return_comment  text,
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    submitted_at    timestamptz,
    submitted_by    varchar(200),
    decided_at      timestamptz,
    decided_by      varchar(200),
    unique (programme_code, period_code, district_code, revision)
);
create unique index district_report_one_open on district_report (programme_code, period_code, district_code)
    where status in ('DRAFT', 'SUBMITTED', 'RETURNED');

-- Who changed what and when (the service kit's history), scoped by plan or report.
create table change_log (
    id          bigserial primary key,
    scope_id    uuid         not null,
    entity      varchar(20)  not null,
    entity_id   uuid         not null,
    action      varchar(20)  not null,
    changes     text         not null,
    actor       varchar(200) not null,
    occurred_at timestamptz  not null
);
create index change_log_scope on change_log (scope_id, id);
