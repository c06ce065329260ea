-- Throughline schema, SQLite (the embedded default). It mirrors migrations/postgres table for
-- table and constraint for constraint. Types differ: ids are 16-byte blobs, JSON is text, and
-- timestamps are integer microseconds since the epoch (so they sort and compare correctly).
-- Migrations are append-only: never edit one that has shipped, add a new file instead.

-- Operator API keys. Only a SHA-256 of the secret is stored: keys are 256-bit random, so a
-- fast hash is enough (no dictionary to attack) and keeps authentication off the hot path's
-- critical cost. `prefix` lets operators tell keys apart without the secret.
create table api_keys (
    id          blob primary key,
    name        text not null,
    prefix      text not null,
    key_hash    text not null unique,
    created_at  integer not null,
    revoked_at  integer
);

-- Campaigns are configuration documents; the whole validated document is kept as JSON so new
-- settings need no migration, with the name broken out for listing.
create table campaigns (
    id          blob primary key,
    name        text not null,
    body        text not null,
    created_at  integer not null
);

-- One row per lead. `phone` is E.164 and indexed: inbound SMS and calls are matched by number.
create table leads (
    id               blob primary key,
    campaign_id      blob not null references campaigns (id),
    conversation_id  blob not null unique,
    phone            text not null,
    first_name       text not null,
    last_name        text,
    timezone         text,
    state            text,
    source           text not null,
    attributes       text not null default '{}',
    created_at       integer not null
);
create index leads_phone on leads (phone);
create index leads_campaign on leads (campaign_id, created_at);

-- The consent ledger: the legal record. Rows are never deleted; revocation stamps revoked_at,
-- re-subscribing adds a new row.
create table consent_ledger (
    id               blob primary key,
    lead_id          blob not null references leads (id),
    channel          text not null check (channel in ('sms', 'voice')),
    kind             text not null check (kind in ('express_written', 'express')),
    scope            text not null,
    source           text not null,
    disclosure_text  text not null,
    url              text,
    ip               text,
    captured_at      integer not null,
    revoked_at       integer,
    revocation_text  text,
    created_at       integer not null
);
create index consent_ledger_lead on consent_ledger (lead_id);

-- One conversation per lead. `last_seq` is the timeline's head: an append bumps it under the
-- row lock, so appends to one conversation are serialised and gap-free while appends to
-- different conversations never contend. `status` mirrors the latest status_changed event for
-- listing queries.
create table conversations (
    id           blob primary key,
    lead_id      blob not null unique references leads (id),
    campaign_id  blob not null references campaigns (id),
    last_seq     integer not null default 0,
    status       text not null default 'in_progress',
    created_at   integer not null,
    updated_at   integer not null
);

-- The timeline. (conversation_id, seq) is the primary key: the unique constraint that makes a
-- second writer at the same position fail instead of forking the history. `dedupe_key` makes
-- carrier retries (same MessageSid, same status) land once.
create table events (
    conversation_id  blob not null references conversations (id),
    seq              integer not null check (seq > 0),
    kind             text not null,
    at               integer not null,
    recorded_at      integer not null,
    payload          text not null,
    dedupe_key       text,
    primary key (conversation_id, seq)
);
create unique index events_dedupe on events (conversation_id, dedupe_key) where dedupe_key is not null;
create index events_kind_at on events (kind, at);

-- Durable timers: wait steps, reschedules, batching windows, follow-ups. A worker claims due
-- rows with FOR UPDATE SKIP LOCKED and a lease (claimed_until); a crashed worker's lease
-- expires and another instance takes the row. The idempotency key makes scheduling the same
-- step twice a no-op.
create table scheduled_actions (
    id               blob primary key,
    conversation_id  blob not null references conversations (id),
    kind             text not null,
    channel          text,
    due_at           integer not null,
    idempotency_key  text not null unique,
    payload          text not null default '{}',
    status           text not null default 'pending'
                     check (status in ('pending', 'claimed', 'done', 'cancelled', 'failed')),
    attempts         integer not null default 0,
    claimed_by       text,
    claimed_until    integer,
    last_error       text,
    created_at       integer not null,
    updated_at       integer not null
);
create index scheduled_actions_due on scheduled_actions (due_at) where status = 'pending';
create index scheduled_actions_lease on scheduled_actions (claimed_until) where status = 'claimed';
create index scheduled_actions_open on scheduled_actions (conversation_id) where status in ('pending', 'claimed');

-- The outbox: every outbound effect (send an SMS, place a call) is written here in the same
-- transaction as the decision that caused it, then executed by a worker with the row's
-- idempotency key passed to the carrier. Same claim protocol as scheduled_actions.
create table outbox (
    id               blob primary key,
    conversation_id  blob not null references conversations (id),
    kind             text not null,
    idempotency_key  text not null unique,
    payload          text not null default '{}',
    status           text not null default 'pending'
                     check (status in ('pending', 'claimed', 'done', 'cancelled', 'failed')),
    attempts         integer not null default 0,
    available_at     integer not null,
    claimed_by       text,
    claimed_until    integer,
    last_error       text,
    created_at       integer not null,
    updated_at       integer not null
);
create index outbox_available on outbox (available_at) where status = 'pending';
create index outbox_lease on outbox (claimed_until) where status = 'claimed';
create index outbox_open on outbox (conversation_id) where status in ('pending', 'claimed');
