//! What goes in and out of the store, beyond the domain types themselves.

use chrono::{DateTime, Utc};
use domain::{ActionId, ApiKeyId, ConsentRecord, ConversationId, ConversationStatus, EventRecord, Lead, NewEvent, Seq};
use serde::Serialize;
use serde_json::Value;

/// Which database adapter is in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// Production.
    Postgres,
    /// Embedded default.
    Sqlite,
}

/// Everything one append writes, atomically: events, timers, outbox rows, cancellations.
///
/// This is the transactional-outbox rule in one type: a decision and the effects it causes
/// commit together or not at all.
#[derive(Debug, Clone, Default)]
pub struct AppendRequest {
    /// Optimistic concurrency: fail with `Conflict` unless the timeline is exactly here.
    pub expected: Option<Seq>,
    /// Events, in order.
    pub events: Vec<NewEvent>,
    /// Timers to create (ignored if their idempotency key exists).
    pub schedule: Vec<NewAction>,
    /// Outbound effects to enqueue (ignored if their idempotency key exists).
    pub outbox: Vec<NewOutbox>,
    /// Cancel every pending timer and outbox row of the conversation first, with this reason
    /// (opt-out, disqualification). Each cancelled timer gets an `action_cancelled` event;
    /// outbox rows are the effects of decisions already on the timeline and are cancelled with
    /// them, without events of their own.
    pub cancel_pending: Option<String>,
    /// Cancel these timers (pending or claimed) and their outbox rows (pending only: a claimed
    /// outbox row is a send in flight and cannot be recalled). The caller appends the matching
    /// `action_cancelled` events itself, in the order its decision made them.
    pub cancel_actions: Vec<ActionId>,
    /// Move the conversation's routing cursor to here (never backwards): the router has decided
    /// on every event up to this seq, and this append carries those decisions.
    pub routed_through: Option<Seq>,
    /// Finish a claimed timer or outbox row in the same transaction, so the work a claim did and
    /// the claim's release commit together. If `worker` no longer holds the claim the whole
    /// append fails with `ClaimLost` and nothing is written.
    pub finish: Option<Finish>,
}

/// Finishing a claim as part of an append (see [`AppendRequest::finish`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Finish {
    /// Which table.
    pub queue: Queue,
    /// The claimed row.
    pub id: ActionId,
    /// Who claimed it.
    pub worker: String,
    /// Done, retry or failed.
    pub completion: Completion,
}

/// Timer kind for what a simulated carrier will deliver later (sandbox replies and call
/// progress). Those rows stand for the outside world, not for the conversation's plans, so
/// cancellations never touch them.
pub const CARRIER_EVENT: &str = "carrier_event";

impl AppendRequest {
    /// Appends these events, unconditionally.
    pub fn events(events: Vec<NewEvent>) -> Self {
        Self { events, ..Self::default() }
    }

    /// True if the request only appends events (no timers, outbox, cancellations or claims).
    pub fn is_plain(&self) -> bool {
        self.schedule.is_empty()
            && self.outbox.is_empty()
            && self.cancel_pending.is_none()
            && self.cancel_actions.is_empty()
            && self.routed_through.is_none()
            && self.finish.is_none()
    }

    /// Sets the expected head.
    pub fn expecting(mut self, seq: Seq) -> Self {
        self.expected = Some(seq);
        self
    }
}

/// What an append did.
#[derive(Debug, Clone, PartialEq)]
pub enum AppendOutcome {
    /// The events were appended (cancellation events first, then the request's).
    Appended {
        /// The new records.
        records: Vec<EventRecord>,
        /// Timers cancelled by `cancel_pending`.
        cancelled: Vec<ActionId>,
    },
    /// An event's dedupe key was already in the timeline; nothing was written.
    Duplicate {
        /// Where the earlier copy is.
        seq: Seq,
    },
}

impl AppendOutcome {
    /// The head after the append, for an `Appended` outcome.
    pub fn last_seq(&self) -> Option<Seq> {
        match self {
            AppendOutcome::Appended { records, .. } => records.last().map(|r| r.seq),
            AppendOutcome::Duplicate { .. } => None,
        }
    }
}

/// A timer to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    /// Id (also used in the `action_scheduled` event).
    pub id: ActionId,
    /// What it does (`send_sms`, `place_call`, …).
    pub kind: String,
    /// Channel, if any.
    pub channel: Option<String>,
    /// When it fires.
    pub due_at: DateTime<Utc>,
    /// Scheduling the same key twice is a no-op.
    pub idempotency_key: String,
    /// Parameters for the executor.
    pub payload: Value,
}

/// A stored timer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduledAction {
    /// Id.
    pub id: ActionId,
    /// Conversation.
    pub conversation_id: ConversationId,
    /// What.
    pub kind: String,
    /// Channel.
    pub channel: Option<String>,
    /// When.
    pub due_at: DateTime<Utc>,
    /// Key.
    pub idempotency_key: String,
    /// Parameters.
    pub payload: Value,
    /// `pending`, `claimed`, `done`, `cancelled` or `failed`.
    pub status: String,
    /// Claims so far.
    pub attempts: i32,
    /// Worker holding the claim.
    pub claimed_by: Option<String>,
}

/// An outbound effect to enqueue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOutbox {
    /// Id.
    pub id: ActionId,
    /// What (`send_sms`, `place_call`, `hangup`, …).
    pub kind: String,
    /// Passed to the carrier so its retries have one effect.
    pub idempotency_key: String,
    /// The request.
    pub payload: Value,
    /// Not before.
    pub available_at: DateTime<Utc>,
}

/// A stored outbox row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxMessage {
    /// Id.
    pub id: ActionId,
    /// Conversation.
    pub conversation_id: ConversationId,
    /// What.
    pub kind: String,
    /// Key.
    pub idempotency_key: String,
    /// Request.
    pub payload: Value,
    /// Status, as for timers.
    pub status: String,
    /// Claims so far.
    pub attempts: i32,
}

/// Which claimable table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queue {
    /// `scheduled_actions`.
    Timers,
    /// `outbox`.
    Outbox,
}

/// What to do with a claimed row once the worker is done.
#[derive(Debug, Clone, PartialEq)]
pub enum Completion {
    /// The effect happened.
    Done,
    /// Try again at this time.
    Retry {
        /// When.
        at: DateTime<Utc>,
        /// Why it failed (no personal data).
        error: String,
    },
    /// Give up.
    Failed {
        /// Why.
        error: String,
    },
}

/// A lead with its ledger and status, for `GET /leads/{id}`.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadRecord {
    /// The lead.
    pub lead: Lead,
    /// Its consent rows, oldest first.
    pub consent: Vec<ConsentRecord>,
    /// Its conversation's status.
    pub status: ConversationStatus,
    /// Its conversation's head.
    pub last_seq: Seq,
}

/// An API key as stored (the hash, never the secret).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiKeyRecord {
    /// Id.
    pub id: ApiKeyId,
    /// Operator's label.
    pub name: String,
    /// First characters of the key, to tell keys apart.
    pub prefix: String,
    /// SHA-256 of the key, hex.
    #[serde(skip)]
    pub key_hash: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// What `/readyz` needs to know about the database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoreHealth {
    /// Adapter.
    pub backend: Backend,
    /// A query succeeded.
    pub reachable: bool,
    /// Every migration this build knows is applied.
    pub migrations_applied: bool,
    /// Versions this build knows.
    pub migrations_known: usize,
    /// Versions applied successfully.
    pub migrations_done: usize,
}
