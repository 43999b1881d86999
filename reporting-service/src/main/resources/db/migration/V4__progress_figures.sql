-- Progress figures kept ready as events are applied: for each area (district, or the province
-- code for province-level contributions and pledges), figure and day, the change of the figure on
-- that day. A figure on date D is the sum of its deltas on days up to D. Rows are never deleted
-- while the projections live (a delta may return to 0), so readers can follow changes by revision.
create table progress_delta (
    area_code varchar(5)  not null,
    figure    varchar(40) not null,
    day       date        not null,
    delta     bigint      not null,
    revision  bigint      not null,
    primary key (area_code, figure, day)
);
create index progress_delta_revision on progress_delta (revision);

-- One row: incremented by every transaction that changes progress_delta (so revisions follow
-- commit order) or anything else a progress document shows (administrative units, programmes,
-- targets); epoch changes when the figures are emptied; built is false until the figures have been
-- computed once from the projections that existed before this table.
create table progress_revision (
    id       smallint primary key check (id = 1),
    epoch    bigint  not null,
    revision bigint  not null,
    built    boolean not null
);
insert into progress_revision (id, epoch, revision, built) values (1, 0, 0, false);
