-- Moves with every change to what progress documents read besides figures and clubs (administrative
-- units, approved plans, targets): a replica keeps those reads until it moves (progress.ProgressReferences).
alter table progress_revision add column reference_revision bigint not null default 0;
