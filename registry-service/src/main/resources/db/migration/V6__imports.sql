-- Imports: a job per uploaded file, and every row of it as checked in the dry run.
-- Rows keep what the service will write (data), what is wrong (errors) and what would happen
-- (actions), so a commit can run later, on any replica, and resume after a restart.
create table import_job (
    id            uuid primary key,
    kind          text        not null,
    file_name     text,
    district_code text,
    created_by    text        not null,
    created_at    timestamptz not null,
    status        text        not null,
    commit_mode   text,
    columns       jsonb,
    problem       jsonb,
    plan          jsonb,
    result        jsonb,
    lease_until   timestamptz,
    finished_at   timestamptz,
    version       integer     not null default 0
);
create index import_job_status on import_job (status);

create table import_row (
    job_id       uuid    not null references import_job (id) on delete cascade,
    row_no       integer not null,
    grp          text    not null,
    data         jsonb,
    errors       jsonb,
    actions      jsonb,
    written      boolean not null default false,
    outcome      jsonb,
    write_errors jsonb,
    primary key (job_id, row_no)
);
create index import_row_pending on import_row (job_id, grp) where errors is null and not written and write_errors is null;
