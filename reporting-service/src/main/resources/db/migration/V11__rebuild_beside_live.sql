-- A rebuild now replays the topics into a shadow copy of the projections (schema "rebuild") while
-- the live ones keep answering, then swaps them in one transaction (decision 0014). One row per
-- rebuild; the replica running it keeps heartbeat_at fresh, and any replica takes over a rebuild
-- whose heartbeat has stopped (its replica died) and starts its replay again.
drop table rebuild_rewound;
drop table rebuild_generation;

create table rebuild_run (
    generation      bigint primary key,
    state           varchar(10)  not null check (state in ('REPLAYING', 'SWITCHED', 'FAILED')),
    requested_at    timestamptz  not null,
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    replica         varchar(200) not null,
    heartbeat_at    timestamptz  not null,
    events_replayed bigint       not null default 0,
    failure         varchar(500)
);
-- At most one rebuild replays at a time.
create unique index rebuild_run_one_replaying on rebuild_run ((true)) where state = 'REPLAYING';
