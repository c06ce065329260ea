//! Shared application state handed to every handler.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::{ConversationId, EventRecord, NewEvent};
use store::{AppendOutcome, AppendRequest, HotState, Store, StoreError};

use crate::auth::KeyCache;
use crate::metrics::Metrics;

/// Longest one batch of notifications may take on the hot-state bus. Redis answers in well
/// under a millisecond on a LAN; this only matters when it is unreachable.
const PUBLISH_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(250);
/// Largest serialised records a notification carries.
const NOTIFY_RECORDS_MAX: usize = 16 * 1024;

/// Notifications waiting for the bus at most; past this (the bus is down or far behind) new
/// ones are dropped with a warning. They are hints: a missed one only delays a reader.
const NOTIFY_QUEUE: usize = 65_536;
/// Notifications sent in one round trip at most.
const NOTIFY_BATCH: usize = 512;

/// Sends timeline notifications to the hot-state bus from one task, many per round trip, so a
/// request does not wait on the bus: under load the notifications of concurrent requests ride
/// one Redis pipeline instead of one round trip each. Per conversation, order is kept.
#[derive(Debug, Clone)]
pub struct Notifier {
    queue: tokio::sync::mpsc::Sender<(Vec<String>, String)>,
}

impl Notifier {
    /// Starts the sending task on the current runtime; it ends when every `Notifier` is gone,
    /// after sending what is queued.
    pub fn spawn(hot: Arc<dyn HotState>) -> Self {
        let (queue, mut rx) = tokio::sync::mpsc::channel::<(Vec<String>, String)>(NOTIFY_QUEUE);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(NOTIFY_BATCH);
            while rx.recv_many(&mut batch, NOTIFY_BATCH).await > 0 {
                match tokio::time::timeout(PUBLISH_TIMEOUT, hot.publish_many(&batch)).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => {
                        tracing::warn!(count = batch.len(), error = %e, "could not publish timeline notifications")
                    }
                    Err(_) => tracing::warn!(count = batch.len(), "timeline notifications timed out"),
                }
                batch.clear();
            }
        });
        Self { queue }
    }

    fn send(&self, id: ConversationId, topics: Vec<String>, message: String) {
        if self.queue.try_send((topics, message)).is_err() {
            tracing::warn!(conversation_id = %id, "timeline notification dropped: the bus is behind");
        }
    }
}

/// A source of "now", injectable so time-dependent behaviour is testable.
pub trait Clock: Send + Sync + std::fmt::Debug + 'static {
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that moves only when told: the sandbox's virtual time, and tests' controllable
/// clock. Share one between instances to give them the same time.
#[derive(Debug)]
pub struct ManualClock(std::sync::Mutex<DateTime<Utc>>);

impl ManualClock {
    /// Starts at `at`.
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(at))
    }

    /// Moves time forward.
    pub fn advance(&self, by: chrono::Duration) {
        if let Ok(mut now) = self.0.lock() {
            *now += by;
        }
    }

    /// Sets the time.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Ok(mut now) = self.0.lock() {
            *now = at;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.lock().map(|t| *t).unwrap_or_else(|e| *e.into_inner())
    }
}

/// Everything handlers share. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Durable store.
    pub store: Arc<dyn Store>,
    /// Hot state.
    pub hot: Arc<dyn HotState>,
    /// Verified API keys.
    pub keys: KeyCache,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Prometheus registry.
    pub metrics: Metrics,
    /// The legal rules table the compliance gate applies.
    pub rules: Arc<policy::Rules>,
    /// Carrier webhook secrets, the public URL and the SMS edge's caches.
    pub sms: Arc<crate::sms::SmsContext>,
    /// Stream tokens and the media gateway's settings.
    pub voice: Arc<crate::voice::VoiceContext>,
    /// The carriers this instance can use (the engine's own, shared): request handlers hang
    /// calls up through them.
    pub carriers: providers::Carriers,
    /// Sends timeline notifications to the bus.
    pub notifier: Notifier,
}

impl AppState {
    /// Appends to a timeline, counts it, and tells other instances and live subscribers (agent
    /// consoles, media sessions) that the conversation moved. The notification is a hint: the
    /// event is durable before it is sent, and a missed one only delays a reader.
    pub async fn append(&self, id: ConversationId, request: AppendRequest) -> Result<AppendOutcome, StoreError> {
        let started = std::time::Instant::now();
        let outcome = self.store.append(id, request).await?;
        if let AppendOutcome::Appended { records, .. } = &outcome {
            self.metrics.appended(records, Some(started.elapsed()));
            self.notify(id, records);
        }
        Ok(outcome)
    }

    /// A conversation with its timeline and folded state; 404 `conversation` if there is none.
    pub(crate) async fn loaded(&self, id: ConversationId) -> Result<store::Loaded, crate::error::ApiError> {
        self.store.load(id).await?.ok_or_else(|| crate::error::ApiError::not_found("conversation"))
    }

    /// Appends one event unconditionally.
    pub async fn append_one(&self, id: ConversationId, event: NewEvent) -> Result<AppendOutcome, StoreError> {
        self.append(id, AppendRequest::events(vec![event])).await
    }

    /// The base URL carriers reach the media websockets at: `media.public_url`, else the
    /// server's public URL; `None` when neither is set.
    pub fn media_base(&self) -> Option<&str> {
        let base = self.voice.settings.public_url.as_deref().or(self.sms.public_url.as_deref())?;
        Some(base.trim_end_matches('/'))
    }

    /// Queues `{"conversation_id","seq","kinds","records"}` for `conversation:<id>` and
    /// `conversations` (the [`Notifier`] sends it). The records themselves ride along (live views show them, and the router
    /// folds them without reading them back) unless they are large, when only kinds are sent.
    pub fn notify(&self, id: ConversationId, records: &[EventRecord]) {
        let Some(last) = records.last() else { return };
        let kinds: Vec<&str> = records.iter().map(|r| r.event.kind()).collect();
        let head = serde_json::json!({"conversation_id": id, "seq": last.seq, "kinds": kinds}).to_string();
        let message = match serde_json::to_string(records) {
            // `head` is a JSON object: splice the records in before its closing brace.
            Ok(full) if full.len() <= NOTIFY_RECORDS_MAX => format!("{},\"records\":{full}}}", &head[..head.len() - 1]),
            _ => head,
        };
        // Queued, not awaited: the event is committed, and the bus (Redis down or not) never
        // holds the request up.
        self.notifier.send(id, vec![format!("conversation:{id}"), "conversations".to_owned()], message);
    }
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    use super::*;

    #[tokio::test]
    async fn notifications_reach_the_bus_in_order_without_being_awaited() {
        let hot: Arc<dyn HotState> = Arc::new(store::MemoryHotState::new());
        let mut all = hot.subscribe("conversations").await.unwrap();
        let id = ConversationId::new();
        let mut one = hot.subscribe(&format!("conversation:{id}")).await.unwrap();
        let notifier = Notifier::spawn(hot.clone());
        for n in 0..1000 {
            notifier.send(id, vec![format!("conversation:{id}"), "conversations".to_owned()], n.to_string());
        }
        for n in 0..1000 {
            assert_eq!(all.next().await, Some(n.to_string()));
            assert_eq!(one.next().await, Some(n.to_string()));
        }
    }
}
