//! Group commit for the common append on Postgres.
//!
//! Every inbound webhook appends one event, and its 2xx waits for that append's commit. One
//! statement and one commit per webhook made Postgres the bottleneck of the webhook load run:
//! its profile was flat per-statement overhead (executor start-up, commit, WAL flush), and the
//! backends mostly waited on `WALWrite` (docs/benchmarks.md). Here concurrent appends to
//! different conversations are gathered and written by one statement in one transaction, so a
//! burst of N webhooks costs one round trip, one commit and one WAL flush, and each caller is
//! answered only after that commit: a 2xx still means the event is durable.
//!
//! The shape is leader/follower: a caller queues its append and, if fewer than
//! [`MAX_IN_FLIGHT`] batches are running, starts a leader task that takes everything queued
//! (at most one append per conversation, so a batch never updates one head row twice, and never
//! a conversation another running batch holds) and writes it. Appends queued while a batch runs
//! go into the next one. An append the batch statement does not take (a stale `expected`, a
//! dedupe key already on the timeline, an unknown conversation) or a batch that fails whole (a
//! racing duplicate key from another instance, a deadlock between instances) is answered
//! "not taken", and the caller runs the single-append path, which gives the precise answer.
//! That path is the same statement with one row ([`insert`]).

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use domain::{ConversationId, EventRecord, NewEvent, Seq};
use sqlx::PgPool;
use tokio::sync::{Semaphore, oneshot};

use crate::AppendOutcome;
use crate::ts::Ts;

/// Appends written by one statement at most.
const MAX_BATCH: usize = 64;

/// Batches running at once: one being written while the next one fills. Most of a batch's
/// cost in Postgres is per statement (planning the CTE, the commit, the round trip), so fewer,
/// larger batches cost less: with four at once the webhook load run averaged 3.4 appends a
/// batch, with two about 6, and Postgres CPU per webhook fell by a sixth (docs/benchmarks.md).
const MAX_IN_FLIGHT: usize = 2;

/// One batch (or a single append): each input row bumps its conversation's head under the row
/// lock (unless the expected head is stale or the dedupe key is already on the timeline) and
/// the insert takes the new seq, so each append is atomic and gap-free like the general
/// transaction. A row that matches no head writes nothing and returns nothing.
const BATCH_SQL: &str = "with input as (select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], \
     $4::text[], $5::text[], $6::bigint[], $7::text[]) as t(id, kind, at, payload, status, expected, dedupe_key)), \
     head as (update conversations c set last_seq = c.last_seq + 1, updated_at = $8, \
     status = coalesce(i.status, c.status) from input i where c.id = i.id \
     and (i.expected is null or c.last_seq = i.expected) and (i.dedupe_key is null or not exists \
     (select 1 from events e where e.conversation_id = i.id and e.dedupe_key = i.dedupe_key)) \
     returning c.id, c.last_seq) \
     insert into events (conversation_id, seq, kind, at, recorded_at, payload, dedupe_key) \
     select i.id, head.last_seq, i.kind, i.at, $8, i.payload::jsonb, i.dedupe_key \
     from input i join head on head.id = i.id returning conversation_id, seq";

/// What a queued append is told: appended, or not taken (run the single-append path).
type Answer = Option<AppendOutcome>;

struct Pending {
    id: ConversationId,
    expected: Option<Seq>,
    event: NewEvent,
    reply: oneshot::Sender<Answer>,
}

#[derive(Default)]
struct Queue {
    waiting: VecDeque<Pending>,
    /// Conversations in a running batch.
    busy: HashSet<ConversationId>,
}

impl Queue {
    /// Something waits that the next `take` would pick.
    fn takeable(&self) -> bool {
        self.waiting.iter().any(|p| !self.busy.contains(&p.id))
    }
}

/// The group-commit queue of one store (its clones share it).
pub(crate) struct Batcher {
    queue: Mutex<Queue>,
    leaders: Arc<Semaphore>,
}

impl std::fmt::Debug for Batcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher").field("leaders_free", &self.leaders.available_permits()).finish_non_exhaustive()
    }
}

impl Default for Batcher {
    fn default() -> Self {
        Batcher { queue: Mutex::default(), leaders: Arc::new(Semaphore::new(MAX_IN_FLIGHT)) }
    }
}

impl Batcher {
    /// Appends `event` in the next batch. `None`: the batch did not take it (see the module
    /// documentation); the caller appends it on its own.
    pub(crate) async fn append(
        self: &Arc<Self>,
        pool: &PgPool,
        id: ConversationId,
        expected: Option<Seq>,
        event: &NewEvent,
    ) -> Answer {
        let (reply, answer) = oneshot::channel();
        self.lock().waiting.push_back(Pending { id, expected, event: event.clone(), reply });
        self.lead(pool);
        // A leader that dies (its runtime shutting down) drops the sender: not taken.
        answer.await.ok().flatten()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a leader if a batch slot is free; it writes batches until the queue has nothing
    /// it can take.
    fn lead(self: &Arc<Self>, pool: &PgPool) {
        let Ok(permit) = Arc::clone(&self.leaders).try_acquire_owned() else { return };
        let (batcher, pool) = (Arc::clone(self), pool.clone());
        tokio::spawn(async move {
            loop {
                let batch = batcher.take();
                if batch.is_empty() {
                    break;
                }
                batcher.write(&pool, batch).await;
            }
            drop(permit);
            // An append queued after the last `take` and before the permit was returned found
            // no free slot: look once more. Appends waiting only for a busy conversation are
            // left to the leader writing it, which takes again once it has written.
            if batcher.lock().takeable() {
                batcher.lead(&pool);
            }
        });
    }

    /// Takes the next batch: queued appends in order, one per conversation, none for a
    /// conversation another batch is writing.
    fn take(&self) -> Vec<Pending> {
        let mut queue = self.lock();
        let Queue { waiting, busy } = &mut *queue;
        let mut batch = Vec::new();
        let mut left = VecDeque::with_capacity(waiting.len());
        while let Some(pending) = waiting.pop_front() {
            if batch.len() < MAX_BATCH && busy.insert(pending.id) {
                batch.push(pending);
            } else {
                left.push_back(pending);
            }
        }
        *waiting = left;
        batch
    }

    async fn write(&self, pool: &PgPool, mut batch: Vec<Pending>) {
        // The same lock order in every batch.
        batch.sort_by_key(|p| p.id.as_uuid());
        let now = Utc::now();
        let written = insert(pool, batch.iter().map(|p| (p.id, p.expected, &p.event)), now).await;
        {
            let mut queue = self.lock();
            for pending in &batch {
                queue.busy.remove(&pending.id);
            }
        }
        if let Err(e) = &written {
            tracing::debug!(error = %e, appends = batch.len(), "batched append failed; appending one by one");
        }
        let seqs = written.unwrap_or_default();
        for pending in batch {
            let answer = seqs
                .iter()
                .find(|(id, _)| *id == pending.id)
                .map(|(_, seq)| appended(pending.id, *seq, pending.event, now));
            // The caller may have gone (its request cancelled); the event is written either way.
            let _ = pending.reply.send(answer);
        }
    }
}

/// What an append that landed at `seq` reports (recorded `now`).
pub(crate) fn appended(id: ConversationId, seq: Seq, event: NewEvent, now: DateTime<Utc>) -> AppendOutcome {
    let record = EventRecord {
        conversation_id: id,
        seq,
        at: Ts::truncated(event.at),
        recorded_at: Ts::truncated(now),
        event: event.event,
    };
    AppendOutcome::Appended { records: vec![record], cancelled: vec![] }
}

/// Runs [`BATCH_SQL`] over `appends` (conversation, expected head, event; at most one per
/// conversation): the (conversation, seq) of every append it took.
pub(crate) async fn insert<'a>(
    pool: &PgPool,
    appends: impl IntoIterator<Item = (ConversationId, Option<Seq>, &'a NewEvent)>,
    now: DateTime<Utc>,
) -> Result<Vec<(ConversationId, Seq)>, sqlx::Error> {
    let (mut ids, mut kinds, mut ats, mut payloads, mut statuses, mut expected, mut keys) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (id, head, event) in appends {
        ids.push(id.as_uuid());
        kinds.push(event.event.kind());
        ats.push(event.at);
        payloads.push(serde_json::to_string(&event.event).map_err(|e| sqlx::Error::Encode(Box::new(e)))?);
        statuses.push(match &event.event {
            domain::Event::StatusChanged { status, .. } => Some(status.as_str()),
            _ => None,
        });
        expected.push(head.map(|e| e.0 as i64));
        keys.push(event.dedupe_key.as_deref());
    }
    let rows: Vec<(uuid::Uuid, i64)> = sqlx::query_as(BATCH_SQL)
        .bind(ids)
        .bind(kinds)
        .bind(ats)
        .bind(payloads)
        .bind(statuses)
        .bind(expected)
        .bind(keys)
        .bind(now)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id, seq)| (ConversationId::from_uuid(id), Seq(seq as u64))).collect())
}
