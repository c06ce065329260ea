//! Hot state: shared, fast, rebuildable from the database. Redis in production, in-process
//! maps when embedded. Losing it may delay work; it never loses a message, a consent change or
//! an audit row, because none of those live only here.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::ActionId;
use futures_util::stream::BoxStream;

use crate::error::HotError;

/// Proof of holding a lock; unlocking needs it, so a lock that expired and was taken by
/// someone else is never released by the old holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockToken(pub String);

impl LockToken {
    /// A fresh random token.
    pub fn new() -> Self {
        Self(uuid::Uuid::new_v4().simple().to_string())
    }
}

impl Default for LockToken {
    fn default() -> Self {
        Self::new()
    }
}

/// An agent's presence as last reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    /// Agent id.
    pub agent: String,
    /// `available`, `busy`, … (the console defines the words).
    pub status: String,
}

/// The hot-state port.
#[async_trait]
pub trait HotState: Send + Sync + std::fmt::Debug + 'static {
    /// `redis` or `memory`.
    fn backend(&self) -> &'static str;

    /// Reachable.
    async fn ping(&self) -> Result<(), HotError>;

    /// Takes `key` for `ttl` unless someone holds it; `None` if held.
    async fn try_lock(&self, key: &str, ttl: Duration) -> Result<Option<LockToken>, HotError>;

    /// Releases `key` if `token` still holds it; false if it had expired or changed hands.
    async fn unlock(&self, key: &str, token: &LockToken) -> Result<bool, HotError>;

    /// Records which instance holds a live call's media stream.
    async fn register_call(&self, call: &str, owner: &str, ttl: Duration) -> Result<(), HotError>;

    /// The instance holding a live call, if it is live.
    async fn call_owner(&self, call: &str) -> Result<Option<String>, HotError>;

    /// Forgets a call, if `owner` still holds it.
    async fn unregister_call(&self, call: &str, owner: &str) -> Result<bool, HotError>;

    /// An agent is present with `status` until `until` (heartbeats extend it).
    async fn set_presence(&self, agent: &str, status: &str, until: DateTime<Utc>) -> Result<(), HotError>;

    /// Agents present at `now`, by id.
    async fn present_agents(&self, now: DateTime<Utc>) -> Result<Vec<Presence>, HotError>;

    /// Removes an agent.
    async fn clear_presence(&self, agent: &str) -> Result<(), HotError>;

    /// Indexes a timer so workers wake for it promptly (the database stays the truth).
    async fn index_timer(&self, id: ActionId, due: DateTime<Utc>) -> Result<(), HotError>;

    /// Timers due at `now`, soonest first.
    async fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<ActionId>, HotError>;

    /// The earliest indexed due time, for sleeping until then.
    async fn next_due(&self) -> Result<Option<DateTime<Utc>>, HotError>;

    /// Drops a timer from the index.
    async fn unindex_timer(&self, id: ActionId) -> Result<(), HotError>;

    /// Publishes `message` to every subscriber of each of `topics`, on every instance, in one
    /// round trip.
    async fn publish(&self, topics: &[&str], message: &str) -> Result<(), HotError>;

    /// Publishes each message to its topics, in order, in one round trip where the backend
    /// can (Redis pipelines them).
    async fn publish_many(&self, messages: &[(Vec<String>, String)]) -> Result<(), HotError> {
        for (topics, message) in messages {
            let topics: Vec<&str> = topics.iter().map(String::as_str).collect();
            self.publish(&topics, message).await?;
        }
        Ok(())
    }

    /// Messages published to `topic` from now on.
    async fn subscribe(&self, topic: &str) -> Result<BoxStream<'static, String>, HotError>;
}
