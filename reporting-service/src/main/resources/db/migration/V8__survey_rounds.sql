-- Survey rounds (khảo sát): before the plan, the province visits the districts and records what it hears.
create table survey_round (
    id         uuid primary key,
    programme_code varchar(40) not null references programme (code),
    title      varchar(300) not null,
    purpose    text,
    starts_on  date         not null,
    ends_on    date         not null,
    version    bigint       not null,
    created_at timestamptz  not null,
    created_by varchar(200) not null,
    check (ends_on >= starts_on)
);

create table survey_round_district (
    round_id      uuid       not null references survey_round (id) on delete cascade,
    district_code varchar(5) not null,
    primary key (round_id, district_code)
);

-- One visit per district (and optionally per commune) and round; the answers in the district's words.
create table survey_visit (
    id               uuid primary key,
    round_id         uuid         not null references survey_round (id),
    district_code    varchar(5)   not null,
    commune_code     varchar(5),
    visited_on       date         not null,
    place            varchar(300) not null,
    participants     jsonb        not null,
    clubs_seen       integer      not null check (clubs_seen >= 0),
    clubs_operating  integer      not null check (clubs_operating >= 0),
    proposed_clubs   jsonb        not null,
    target_groups    text,
    advantages       text,
    difficulties     text,
    proposals        text,
    version          bigint       not null,
    recorded_at      timestamptz  not null,
    recorded_by      varchar(200) not null
);
create unique index survey_visit_once on survey_visit (round_id, district_code, coalesce(commune_code, ''));
