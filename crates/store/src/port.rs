//! The storage port: what the rest of Throughline needs from a database, whichever it is.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::{
    ActionId, ApiKeyId, Campaign, CampaignId, Conversation, ConversationId, ConversationState, E164, EventRecord,
    LeadId, NewEvent, NewLead, Seq,
};

use crate::error::StoreError;
use crate::model::{
    ApiKeyRecord, AppendOutcome, AppendRequest, Backend, Completion, LeadRecord, OutboxMessage, Queue, ScheduledAction,
    StoreHealth,
};

/// A conversation with its timeline and folded state.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The row.
    pub conversation: Conversation,
    /// Every event, in order.
    pub timeline: Vec<EventRecord>,
    /// The fold of `timeline`.
    pub state: ConversationState,
}

/// Durable storage. Implemented by Postgres (production) and SQLite (embedded); one contract
/// test-suite holds both to the same behaviour.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug + 'static {
    /// Which adapter this is.
    fn backend(&self) -> Backend;

    /// Reachability and migration status, for `/readyz`.
    async fn health(&self) -> StoreHealth;

    /// Stores a new campaign.
    async fn create_campaign(&self, campaign: &Campaign) -> Result<(), StoreError>;

    /// Reads a campaign.
    async fn campaign(&self, id: CampaignId) -> Result<Option<Campaign>, StoreError>;

    /// Stores a lead, its consent rows, its conversation and the opening events, in one
    /// transaction. `UnknownCampaign` (and nothing written) if the campaign does not exist.
    async fn create_lead(&self, lead: &NewLead, opening: &[NewEvent]) -> Result<Vec<EventRecord>, StoreError>;

    /// Reads a lead with its consent ledger and status.
    async fn lead(&self, id: LeadId) -> Result<Option<LeadRecord>, StoreError>;

    /// Reads a conversation row.
    async fn conversation(&self, id: ConversationId) -> Result<Option<Conversation>, StoreError>;

    /// Appends to a conversation's timeline (see [`AppendRequest`]). Appends to one
    /// conversation are serialised and numbered without gaps; a dedupe key seen before makes
    /// the whole request a no-op.
    async fn append(&self, id: ConversationId, request: AppendRequest) -> Result<AppendOutcome, StoreError>;

    /// The newest conversation of the lead at `lead_phone` in a campaign that texts or calls
    /// from `our_number`, with its campaign: how an inbound message or call finds its timeline.
    async fn conversation_by_numbers(
        &self,
        lead_phone: &E164,
        our_number: &E164,
    ) -> Result<Option<(ConversationId, CampaignId)>, StoreError>;

    /// Every conversation of every lead at `phone`: a revocation is the person's, whichever
    /// conversation it was sent on.
    async fn conversations_by_phone(&self, phone: &E164) -> Result<Vec<ConversationId>, StoreError>;

    /// The conversation's head (its last seq), or `None` if it does not exist. Seqs only grow,
    /// so "seq ≤ head" stays true once observed.
    async fn head(&self, id: ConversationId) -> Result<Option<Seq>, StoreError>;

    /// Events after `after`, at most `limit`, in order.
    async fn events(&self, id: ConversationId, after: Seq, limit: u32) -> Result<Vec<EventRecord>, StoreError>;

    /// Stores an API key.
    async fn create_api_key(&self, key: &ApiKeyRecord) -> Result<(), StoreError>;

    /// Finds an unrevoked key by the hash of its secret.
    async fn api_key_by_hash(&self, hash: &str) -> Result<Option<ApiKeyRecord>, StoreError>;

    /// All keys, revoked ones included.
    async fn api_keys(&self) -> Result<Vec<ApiKeyRecord>, StoreError>;

    /// Revokes a key; false if it did not exist or was already revoked.
    async fn revoke_api_key(&self, id: ApiKeyId, at: DateTime<Utc>) -> Result<bool, StoreError>;

    /// Claims up to `limit` due timers (`due_at <= now`) or outbox rows (`available_at <= now`),
    /// plus rows whose previous claim's lease expired, for `lease`. Concurrent claimers never
    /// receive the same row (Postgres: `FOR UPDATE SKIP LOCKED`; SQLite: one writer).
    async fn claim(
        &self,
        queue: Queue,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<ActionId>, StoreError>;

    /// Finishes a claimed row. False if `worker` no longer holds the claim (its lease expired
    /// and another worker took it): the caller must not report the effect twice.
    async fn complete(
        &self,
        queue: Queue,
        id: ActionId,
        worker: &str,
        now: DateTime<Utc>,
        completion: Completion,
    ) -> Result<bool, StoreError>;

    /// Where the conversation's routing cursor is (see `AppendRequest::routed_through`).
    async fn routing_cursor(&self, id: ConversationId) -> Result<Option<Seq>, StoreError>;

    /// Up to `limit` conversations with events the router has not decided on, least recently
    /// updated first.
    async fn unrouted(&self, limit: u32) -> Result<Vec<ConversationId>, StoreError>;

    /// Moves routing cursors forward (never back) where deciding wrote nothing. Each move
    /// stands alone: a failure part-way leaves the rest to be decided (again) later.
    async fn mark_routed(&self, marks: &[(ConversationId, Seq)]) -> Result<(), StoreError>;

    /// Reads a timer.
    async fn action(&self, id: ActionId) -> Result<Option<ScheduledAction>, StoreError>;

    /// Reads an outbox row.
    async fn outbox_message(&self, id: ActionId) -> Result<Option<OutboxMessage>, StoreError>;

    /// Pending timers of a conversation, soonest first.
    async fn pending_actions(&self, id: ConversationId) -> Result<Vec<ScheduledAction>, StoreError>;

    /// Every event after `after`, in order, read page by page.
    async fn events_since(&self, id: ConversationId, after: Seq) -> Result<Vec<EventRecord>, StoreError> {
        const PAGE: u32 = 1_000;
        let mut events: Vec<EventRecord> = Vec::new();
        loop {
            let from = events.last().map_or(after, |r| r.seq);
            let page = self.events(id, from, PAGE).await?;
            let done = page.len() < PAGE as usize;
            events.extend(page);
            if done {
                return Ok(events);
            }
        }
    }

    /// The conversation, its whole timeline and the folded state.
    async fn load(&self, id: ConversationId) -> Result<Option<Loaded>, StoreError> {
        let Some(conversation) = self.conversation(id).await? else {
            return Ok(None);
        };
        let timeline = self.events_since(id, Seq(0)).await?;
        let state = ConversationState::fold(&timeline).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Some(Loaded { conversation, timeline, state }))
    }
}

/// Read, decide, append with the head the decision saw; on `Conflict` (someone appended in
/// between) read again and decide again. This is how every channel "reads before it acts"
/// without holding a lock across its decision.
pub async fn decide_and_append<F>(
    store: &dyn Store,
    id: ConversationId,
    attempts: u32,
    mut decide: F,
) -> Result<AppendOutcome, StoreError>
where
    F: FnMut(&Loaded) -> AppendRequest + Send,
{
    let mut tries = 0;
    loop {
        let loaded = store.load(id).await?.ok_or(StoreError::NotFound("conversation"))?;
        let request = decide(&loaded).expecting(loaded.state.last_seq);
        match store.append(id, request).await {
            Err(StoreError::Conflict { .. }) if tries + 1 < attempts => tries += 1,
            other => return other,
        }
    }
}
