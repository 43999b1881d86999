-- The projections are a read model rebuilt from the topics, written by one code path that writes a
-- club before its members and placements and a unit before its periods (and deletes them itself).
-- The foreign keys between them checked every member row again (one trigger call and one lock of
-- the club's row per member: 600,000 at national size), paid again at every replay (decision 0014).
alter table club_member drop constraint club_member_club_id_fkey;
alter table club_placement drop constraint club_placement_club_id_fkey;
alter table admin_unit_period drop constraint admin_unit_period_code_fkey;
alter table admin_unit_succession drop constraint admin_unit_succession_code_fkey;
