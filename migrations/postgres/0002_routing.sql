-- The routing cursor. Every append moves `last_seq`; the router, running off the request path,
-- moves `routed_seq` once it has decided what each event means (in the same transaction as the
-- decision's own events when it has any). A conversation with last_seq > routed_seq has events
-- the router has not seen: the partial index finds them after a restart or a missed
-- notification, so no event goes unrouted.
alter table conversations add column routed_seq bigint not null default 0;
create index conversations_unrouted on conversations (updated_at) where last_seq > routed_seq;
