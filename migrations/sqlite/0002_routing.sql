-- The routing cursor (see the Postgres migration of the same number).
alter table conversations add column routed_seq integer not null default 0;
create index conversations_unrouted on conversations (updated_at) where last_seq > routed_seq;
