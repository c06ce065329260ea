//! Folded conversation states, kept between passes. A timeline only grows, so a state folded
//! up to seq S stays true forever: a worker reads only the events after S instead of the whole
//! timeline, however long the conversation has grown.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::{Conversation, ConversationId, ConversationState, EventRecord, Seq};
use store::{Store, StoreError};

use super::EngineError;

/// Most conversations kept; past it, half are forgotten (they are refolded on next use).
const CAPACITY: usize = 20_000;
/// Newest events kept per conversation, so the router's undecided tail is usually in memory.
const RECENT: usize = 32;

/// A conversation's row and its fold up to some seq.
#[derive(Debug, Clone)]
pub struct Current {
    /// The row (immutable).
    pub conversation: Conversation,
    /// The fold; `state.last_seq` is how far.
    pub state: ConversationState,
    /// The newest events folded, oldest first (at most `RECENT`).
    pub recent: Vec<EventRecord>,
}

impl Current {
    pub(super) fn remember(&mut self, records: &[EventRecord]) {
        self.recent.extend(records[records.len().saturating_sub(RECENT)..].iter().cloned());
        let excess = self.recent.len().saturating_sub(RECENT);
        self.recent.drain(..excess);
    }

    /// Events after `after`, from memory if it reaches back that far, else from the store.
    pub async fn since(&self, store: &dyn Store, after: Seq) -> Result<Vec<EventRecord>, EngineError> {
        if after >= self.state.last_seq {
            return Ok(Vec::new());
        }
        if self.recent.first().is_some_and(|r| r.seq <= after.next()) {
            return Ok(self.recent.iter().filter(|r| r.seq > after).cloned().collect());
        }
        Ok(store.events_since(self.conversation.id, after).await?)
    }

    /// This state with `records` (just appended) applied.
    pub fn with(mut self, state: ConversationState, records: &[EventRecord]) -> Self {
        self.state = state;
        self.remember(records);
        self
    }
}

/// The cache.
#[derive(Debug, Default)]
pub struct StateCache {
    entries: Mutex<HashMap<ConversationId, Current>>,
}

impl StateCache {
    /// The conversation folded to its head, reading only what the cache has not seen.
    pub async fn current(&self, store: &dyn Store, id: ConversationId) -> Result<Current, EngineError> {
        Ok(self.refresh(store, id).await?.0)
    }

    /// As [`StateCache::current`], also returning the events it had to read.
    pub async fn refresh(
        &self,
        store: &dyn Store,
        id: ConversationId,
    ) -> Result<(Current, Vec<EventRecord>), EngineError> {
        let cached = self.entries.lock().ok().and_then(|e| e.get(&id).cloned());
        let mut current = match cached {
            Some(c) => c,
            None => {
                let conversation = store.conversation(id).await?.ok_or(StoreError::NotFound("conversation"))?;
                Current { conversation, state: ConversationState::default(), recent: Vec::new() }
            }
        };
        let fresh = store.events_since(id, current.state.last_seq).await?;
        for record in &fresh {
            current.state.apply(record).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        }
        current.remember(&fresh);
        if !fresh.is_empty() {
            self.put(id, &current);
        }
        Ok((current, fresh))
    }

    /// The campaign of a cached conversation whose fold stands exactly at `seq`.
    pub fn campaign_at(&self, id: ConversationId, seq: Seq) -> Option<domain::CampaignId> {
        let entries = self.entries.lock().ok()?;
        entries.get(&id).filter(|c| c.state.last_seq == seq).map(|c| c.conversation.campaign_id)
    }

    /// Runs `f` on the cached fold if it stands exactly at `seq`, in place (no copy); `f`
    /// returns whether its changes are sound to keep (otherwise the entry is dropped and the
    /// next reader refolds it).
    pub fn update_at<T>(&self, id: ConversationId, seq: Seq, f: impl FnOnce(&mut Current) -> (bool, T)) -> Option<T> {
        let mut entries = self.entries.lock().ok()?;
        let mut current = entries.remove(&id).filter(|c| c.state.last_seq == seq)?;
        let (keep, out) = f(&mut current);
        if keep {
            entries.insert(id, current);
        }
        Some(out)
    }

    /// How far the cached fold of a conversation reaches, if one is kept.
    pub fn seq(&self, id: ConversationId) -> Option<Seq> {
        self.entries.lock().ok()?.get(&id).map(|c| c.state.last_seq)
    }

    /// Remembers a state (if it is newer than what is kept).
    pub fn put(&self, id: ConversationId, current: &Current) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if entries.get(&id).is_some_and(|c| c.state.last_seq >= current.state.last_seq) {
            return;
        }
        if entries.len() >= CAPACITY {
            let drop: Vec<ConversationId> = entries.keys().take(CAPACITY / 2).copied().collect();
            for key in drop {
                entries.remove(&key);
            }
        }
        entries.insert(id, current.clone());
    }
}
