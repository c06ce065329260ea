-- Every append updates its conversation's row (the head, `last_seq`, and `updated_at`). With
-- no index on a column that update changes, Postgres writes the new row version on the same
-- page without touching any index (a heap-only tuple), and prunes the old ones as it goes.
-- `conversations_unrouted` indexed `updated_at` under a predicate on `last_seq`, so every
-- append also wrote an entry into it and into the table's two unique indexes, and the hot rows'
-- dead versions piled up in all three until vacuum. The router's safety-net scan now reads the
-- table itself, at an interval that grows with what the scan costs (see the routing worker).
drop index conversations_unrouted;

-- No query reads events by kind and time; every append paid for this index regardless.
drop index events_kind_at;

-- Room on each page for the new versions of its rows, so the updates stay heap-only. Applies to
-- pages written from now on.
alter table conversations set (fillfactor = 70);

-- Every event row is written by an append that has just updated (and so locked) its
-- conversation's row in the same statement or transaction, and conversations are never deleted:
-- the foreign key could never fail, yet its check ran a query and took a row lock per event.
alter table events drop constraint events_conversation_id_fkey;
