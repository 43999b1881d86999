-- The administrative units the clubs were last placed on (a fingerprint of every period and
-- succession): clubs are placed again at start-up only when it differs, not at every start.
create table club_placement_basis (
    id          smallint primary key check (id = 1),
    fingerprint text not null
);
