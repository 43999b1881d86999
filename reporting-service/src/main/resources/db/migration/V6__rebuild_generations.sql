-- A rebuild is a generation: the replica that gets the request empties the projections and bumps
-- it; every replica then rewinds each partition it owns that has not been rewound for that
-- generation yet, and records it here. A partition is thus replayed once per rebuild, whichever
-- replica owns it then, also when partitions move between replicas in the meantime.
create table rebuild_generation (
    id           int primary key check (id = 1),
    generation   bigint not null,
    requested_at timestamptz
);
insert into rebuild_generation (id, generation) values (1, 0);

create table rebuild_rewound (
    generation   bigint       not null,
    topic        varchar(200) not null,
    partition_no int          not null,
    rewound_at   timestamptz  not null default now(),
    primary key (generation, topic, partition_no)
);
