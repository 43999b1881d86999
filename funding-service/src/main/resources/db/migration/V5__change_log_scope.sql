-- The history recorder of the service kit files every change under a scope: here the record itself.
alter table change_log add column scope_id uuid;
update change_log set scope_id = entity_id;
alter table change_log alter column scope_id set not null;
drop index change_log_entity;
create index change_log_scope on change_log (scope_id, id);
