-- An outbox row Kafka refuses for good (a record over the size limit, say) is parked with its
-- reason instead of blocking every later event; published rows are purged after a retention period.
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column park_reason varchar(500);
drop index outbox_event_unpublished;
create index outbox_event_unpublished on outbox_event (id) where published_at is null and parked_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
