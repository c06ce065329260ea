//! In-process hot state for the embedded default (one instance, nothing to share with).

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::ActionId;
use futures_util::stream::{self, BoxStream, StreamExt};
use tokio::sync::broadcast;
use tokio::time::Instant;

use crate::error::HotError;
use crate::hot::{HotState, LockToken, Presence};

/// Messages a slow subscriber may fall behind by before it starts missing them; pub/sub is a
/// wake-up signal, never the record, so a lagging subscriber re-reads the database.
const TOPIC_BACKLOG: usize = 1_024;

#[derive(Debug, Default)]
struct Inner {
    locks: HashMap<String, (LockToken, Instant)>,
    calls: HashMap<String, (String, Instant)>,
    presence: HashMap<String, (String, DateTime<Utc>)>,
    timers: BTreeSet<(DateTime<Utc>, ActionId)>,
    timer_due: HashMap<ActionId, DateTime<Utc>>,
    topics: HashMap<String, broadcast::Sender<String>>,
}

/// Hot state in a mutex. Expiry uses tokio's clock, so tests can pause and advance time.
#[derive(Debug, Default)]
pub struct MemoryHotState {
    inner: Mutex<Inner>,
}

impl MemoryHotState {
    /// Empty state.
    pub fn new() -> Self {
        Self::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let mut guard = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

#[async_trait]
impl HotState for MemoryHotState {
    fn backend(&self) -> &'static str {
        "memory"
    }

    async fn ping(&self) -> Result<(), HotError> {
        Ok(())
    }

    async fn try_lock(&self, key: &str, ttl: Duration) -> Result<Option<LockToken>, HotError> {
        let now = Instant::now();
        Ok(self.with(|s| match s.locks.get(key) {
            Some((_, expires)) if *expires > now => None,
            _ => {
                // Locks whose holder never unlocked would otherwise stay forever.
                s.locks.retain(|_, (_, expires)| *expires > now);
                let token = LockToken::new();
                s.locks.insert(key.to_owned(), (token.clone(), now + ttl));
                Some(token)
            }
        }))
    }

    async fn unlock(&self, key: &str, token: &LockToken) -> Result<bool, HotError> {
        let now = Instant::now();
        Ok(self.with(|s| match s.locks.get(key) {
            Some((held, expires)) if held == token && *expires > now => {
                s.locks.remove(key);
                true
            }
            _ => false,
        }))
    }

    async fn register_call(&self, call: &str, owner: &str, ttl: Duration) -> Result<(), HotError> {
        let now = Instant::now();
        self.with(|s| {
            // Registration is rare next to media traffic; pruning here keeps ended calls from piling up.
            s.calls.retain(|_, (_, expires)| *expires > now);
            s.calls.insert(call.to_owned(), (owner.to_owned(), now + ttl))
        });
        Ok(())
    }

    async fn call_owner(&self, call: &str) -> Result<Option<String>, HotError> {
        let now = Instant::now();
        Ok(self.with(|s| s.calls.get(call).filter(|(_, e)| *e > now).map(|(o, _)| o.clone())))
    }

    async fn unregister_call(&self, call: &str, owner: &str) -> Result<bool, HotError> {
        let now = Instant::now();
        // As in Redis, an expired registration is held by nobody, its last owner included.
        Ok(self.with(|s| match s.calls.get(call) {
            Some((o, expires)) if o == owner && *expires > now => s.calls.remove(call).is_some(),
            _ => false,
        }))
    }

    async fn set_presence(&self, agent: &str, status: &str, until: DateTime<Utc>) -> Result<(), HotError> {
        self.with(|s| s.presence.insert(agent.to_owned(), (status.to_owned(), until)));
        Ok(())
    }

    async fn present_agents(&self, now: DateTime<Utc>) -> Result<Vec<Presence>, HotError> {
        Ok(self.with(|s| {
            s.presence.retain(|_, (_, until)| *until > now);
            let mut list: Vec<Presence> =
                s.presence.iter().map(|(a, (st, _))| Presence { agent: a.clone(), status: st.clone() }).collect();
            list.sort_by(|a, b| a.agent.cmp(&b.agent));
            list
        }))
    }

    async fn clear_presence(&self, agent: &str) -> Result<(), HotError> {
        self.with(|s| s.presence.remove(agent));
        Ok(())
    }

    async fn index_timer(&self, id: ActionId, due: DateTime<Utc>) -> Result<(), HotError> {
        self.with(|s| {
            if let Some(old) = s.timer_due.insert(id, due) {
                s.timers.remove(&(old, id));
            }
            s.timers.insert((due, id));
        });
        Ok(())
    }

    async fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<ActionId>, HotError> {
        Ok(self.with(|s| s.timers.iter().take_while(|(due, _)| *due <= now).take(limit).map(|(_, id)| *id).collect()))
    }

    async fn next_due(&self) -> Result<Option<DateTime<Utc>>, HotError> {
        Ok(self.with(|s| s.timers.first().map(|(due, _)| *due)))
    }

    async fn unindex_timer(&self, id: ActionId) -> Result<(), HotError> {
        self.with(|s| {
            if let Some(due) = s.timer_due.remove(&id) {
                s.timers.remove(&(due, id));
            }
        });
        Ok(())
    }

    async fn publish(&self, topics: &[&str], message: &str) -> Result<(), HotError> {
        self.with(|s| {
            for topic in topics {
                if let Some(tx) = s.topics.get(*topic) {
                    // No receivers is fine: nobody is listening.
                    let _ = tx.send(message.to_owned());
                }
            }
        });
        Ok(())
    }

    async fn subscribe(&self, topic: &str) -> Result<BoxStream<'static, String>, HotError> {
        let rx = self.with(|s| {
            s.topics.retain(|_, tx| tx.receiver_count() > 0);
            s.topics.entry(topic.to_owned()).or_insert_with(|| broadcast::channel(TOPIC_BACKLOG).0).subscribe()
        });
        let stream = stream::unfold(rx, |mut rx| async move {
            loop {
                match rx.recv().await {
                    Ok(message) => return Some((message, rx)),
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        });
        Ok(stream.boxed())
    }
}
