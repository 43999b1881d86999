-- The transactional outbox of the service kit. Reporting will publish plan and report status
-- changes through it; until then it stays empty and its relay has nothing to send.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    record_key   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    parked_at    timestamptz,
    park_reason  varchar(500)
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null and parked_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
