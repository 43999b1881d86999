-- The history recorder of the service kit files every change under a scope: here the club.
alter table change_log rename column club_id to scope_id;
alter index change_log_club rename to change_log_scope;
