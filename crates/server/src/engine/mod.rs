//! The engine: three background workers that turn the timeline into action.
//!
//! - **Routing** ([`routing`]): every event appended to a conversation, by any instance, is
//!   decided on by the channel router, off the request path. The conversation's routing cursor
//!   (`routed_seq`) records how far it got, in the same transaction as the decision's events, so
//!   a crash re-routes exactly what was not decided. Hot-state notifications make it prompt; a
//!   scan of the cursors makes it certain.
//! - **Timers** ([`timers`]): due scheduled actions are claimed (`FOR UPDATE SKIP LOCKED` with a
//!   lease), the compliance gate is asked again, and the verdict (enqueue the contact,
//!   reschedule, or drop) is appended together with the claim's release.
//! - **Outbox** ([`outbox`]): enqueued contacts are claimed and handed to the carrier with an
//!   idempotency key; the contact and `action_executed` are appended with the claim's release.
//!
//! Any number of instances run these against one database: a claim or a cursor move is held by
//! one of them, and a stale holder's write is refused, so no action runs twice.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use domain::{Campaign, CampaignId};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use policy::{Cadence, CampaignPolicy, Rules};

use crate::state::AppState as State;
use providers::Carriers;
use store::StoreError;
use tokio::sync::{Mutex, watch};
use tokio::task::JoinHandle;

use crate::config::WorkerSettings;
use crate::state::AppState;

pub mod agent;
mod cache;
pub mod outbox;
pub mod routing;
pub mod timers;

/// Topic that wakes timer workers when a timer is scheduled.
pub const TIMERS_TOPIC: &str = "work:timers";
/// Topic that wakes outbox workers when a contact is enqueued.
pub const OUTBOX_TOPIC: &str = "work:outbox";

/// Why one unit of work failed; logged, and the work is retried by a later pass.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The database failed or refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A row or payload this build cannot read.
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// The conversation kept moving under the worker; try again shortly.
    #[error("conversation busy")]
    Busy,
}

/// How soon a row whose work failed is tried again (on any instance).
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// A campaign with its cadence and policy parsed, as the workers need it.
#[derive(Debug)]
pub struct CampaignRuntime {
    /// The stored campaign.
    pub campaign: Campaign,
    /// Its cadence.
    pub cadence: Cadence,
    /// Its windows and caps.
    pub policy: CampaignPolicy,
    /// The built-in SMS agent's configuration.
    pub agent: nlu::agent::AgentConfig,
}

impl CampaignRuntime {
    /// The router for this campaign under `rules`.
    pub fn router<'a>(&'a self, rules: &'a Rules) -> policy::Router<'a> {
        policy::Router { gate: policy::Gate { rules, campaign: &self.policy }, cadence: &self.cadence }
    }
}

/// Work counters, per engine (tests read them to see both instances worked).
#[derive(Debug, Default)]
pub struct EngineStats {
    /// Conversations whose decisions were appended.
    pub routed: AtomicU64,
    /// Timers fired.
    pub fired: AtomicU64,
    /// Contacts handed to a carrier.
    pub sent: AtomicU64,
}

impl EngineStats {
    fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// Fault injection for crash tests: each unit makes the outbox worker behave as if its process
/// died right after the carrier accepted a request (nothing recorded, claim not released).
#[derive(Debug, Default)]
pub struct Faults {
    /// Sends to "lose" this way.
    pub die_after_send: AtomicU64,
}

impl Faults {
    fn take(counter: &AtomicU64) -> bool {
        counter.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok()
    }
}

/// What the workers share. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Stores, clock, metrics.
    pub app: AppState,
    /// Carriers by provider.
    pub carriers: Carriers,
    /// The legal rules table.
    pub rules: Arc<Rules>,
    /// This instance's worker name (claims carry it).
    pub worker: String,
    /// Tuning.
    pub settings: WorkerSettings,
    /// Counters.
    pub stats: Arc<EngineStats>,
    /// Crash-test hooks (all zero in normal operation).
    pub faults: Arc<Faults>,
    /// HTTP client for webhook agents.
    http: reqwest::Client,
    states: Arc<cache::StateCache>,
    decided: Arc<std::sync::Mutex<HashMap<domain::ConversationId, domain::Seq>>>,
    campaigns: Arc<Mutex<HashMap<CampaignId, Arc<CampaignRuntime>>>>,
}

impl Engine {
    /// An engine for this instance, applying the state's rules table.
    pub fn new(app: AppState, carriers: Carriers, settings: WorkerSettings) -> Self {
        let worker = format!("{}-{}", hostname(), uuid::Uuid::new_v4().simple());
        Self {
            rules: Arc::clone(&app.rules),
            app,
            carriers,
            worker,
            settings,
            stats: Arc::default(),
            faults: Arc::default(),
            http: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(2))
                .build()
                .unwrap_or_else(|_| reqwest::Client::new()),
            states: Arc::default(),
            decided: Arc::default(),
            campaigns: Arc::default(),
        }
    }

    /// A campaign, parsed once (campaigns are immutable once created).
    pub async fn campaign(&self, id: CampaignId) -> Result<Arc<CampaignRuntime>, EngineError> {
        if let Some(c) = self.campaigns.lock().await.get(&id) {
            return Ok(Arc::clone(c));
        }
        let campaign = self.app.store.campaign(id).await?.ok_or(StoreError::NotFound("campaign"))?;
        let cadence = Cadence::from_json(&campaign.cadence).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        let policy = CampaignPolicy::from_campaign(&campaign).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        // Checked when the campaign was created; the agent's tuning is parsed here once.
        let agent = agent::config(&campaign).unwrap_or_else(|_| agent::identity(&campaign));
        let runtime = Arc::new(CampaignRuntime { campaign, cadence, policy, agent });
        self.campaigns.lock().await.insert(id, Arc::clone(&runtime));
        Ok(runtime)
    }

    /// Starts the three workers; they stop when `stop` turns true or the handle is dropped.
    pub fn spawn(&self, stop: watch::Receiver<bool>) -> Workers {
        let handles = vec![
            tokio::spawn(self.clone().route_loop(stop.clone())),
            tokio::spawn(self.clone().queue_loop(store::Queue::Timers, stop.clone())),
            tokio::spawn(self.clone().queue_loop(store::Queue::Outbox, stop)),
        ];
        tracing::info!(worker = %self.worker, "engine started: routing, timers, outbox");
        Workers { handles }
    }

    fn poll(&self) -> Duration {
        Duration::from_millis(self.settings.poll_ms.max(1))
    }

    /// A claim's release, for an append to carry.
    fn finish(&self, queue: store::Queue, id: domain::ActionId, completion: store::Completion) -> store::Finish {
        store::Finish { queue, id, worker: self.worker.clone(), completion }
    }

    fn lease(&self) -> Duration {
        Duration::from_secs(self.settings.lease_secs.max(1))
    }

    /// The timer or outbox worker: claim a batch, work on it, and when the queue runs dry sleep
    /// until there may be more (a wake-up, the next indexed timer, or one poll interval).
    async fn queue_loop(self, queue: store::Queue, mut stop: watch::Receiver<bool>) {
        let topic = match queue {
            store::Queue::Timers => TIMERS_TOPIC,
            store::Queue::Outbox => OUTBOX_TOPIC,
        };
        let mut wake = self.subscribe(topic).await;
        loop {
            if *stop.borrow() {
                break;
            }
            let now = self.app.clock.now();
            let claimed = match self.app.store.claim(queue, &self.worker, now, self.lease(), self.settings.batch).await
            {
                Ok(ids) => ids,
                Err(e) => {
                    tracing::warn!(error = %e, ?queue, "could not claim work");
                    Vec::new()
                }
            };
            let full = claimed.len() as u32 >= self.settings.batch;
            let this = &self;
            futures_util::stream::iter(claimed)
                .for_each_concurrent(self.settings.concurrency.max(1), |id| async move {
                    let done = match queue {
                        store::Queue::Timers => this.fire(id).await,
                        store::Queue::Outbox => this.send(id).await,
                    };
                    if let Err(e) = done {
                        this.release(queue, id, &e).await;
                    }
                    if queue == store::Queue::Timers {
                        let _ = this.app.hot.unindex_timer(id).await;
                    }
                })
                .await;
            if full {
                continue;
            }
            let sleep = match queue {
                store::Queue::Timers => self.until_next_timer(now).await,
                store::Queue::Outbox => self.poll(),
            };
            tokio::select! {
                _ = stop.changed() => {}
                _ = tokio::time::sleep(sleep) => {}
                message = next_message(&mut wake) => if message.is_none() && wake.is_none() {
                    wake = self.subscribe(topic).await;
                },
            }
        }
    }

    /// Hands a claimed row back after its work failed, to be tried again shortly, rather than
    /// holding it until the lease lapses. A claim already lost (another instance took over) is
    /// left alone; a row this build cannot read is marked failed.
    async fn release(&self, queue: store::Queue, id: domain::ActionId, error: &EngineError) {
        let now = self.app.clock.now();
        let completion = match error {
            EngineError::Store(StoreError::ClaimLost(_)) => {
                tracing::info!(action_id = %id, ?queue, "claim taken over by another worker");
                return;
            }
            EngineError::Unreadable(why) => {
                tracing::error!(action_id = %id, ?queue, error = %why, "unreadable row marked failed");
                store::Completion::Failed { error: why.clone() }
            }
            other => {
                tracing::warn!(action_id = %id, ?queue, error = %other, "work failed; retrying shortly");
                let at = now + chrono::Duration::from_std(RETRY_AFTER).unwrap_or_default();
                store::Completion::Retry { at, error: other.to_string() }
            }
        };
        if let Err(e) = self.app.store.complete(queue, id, &self.worker, now, completion).await {
            tracing::warn!(action_id = %id, error = %e, "could not release a claim; its lease will lapse instead");
        }
    }

    /// Tells every instance's `topic` workers there is work.
    async fn wake(&self, topic: &str) {
        wake(&self.app, topic).await;
    }

    /// A subscription, or `None` (with a warning) when the hot state is down: workers then rely
    /// on polling alone.
    async fn subscribe(&self, topic: &str) -> Option<BoxStream<'static, String>> {
        match self.app.hot.subscribe(topic).await {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::warn!(error = %e, topic, "no wake-ups from hot state; polling only");
                None
            }
        }
    }
}

/// What the compliance gate knows of a lead: its number, zone and state as recorded, and the
/// internal do-not-contact list (its conversation's `dnc` status). No national registry is
/// configured yet.
pub fn lead_context(record: &store::LeadRecord) -> policy::LeadContext {
    policy::LeadContext {
        phone: record.lead.phone.clone(),
        timezone: record.lead.timezone,
        state: record.lead.state,
        internal_dnc: record.status == domain::ConversationStatus::Dnc,
        national_dnc: None,
    }
}

/// Tells the outbox workers (on every instance) there is something to send, from a request
/// handler that enqueued it.
pub async fn wake_outbox(app: &State) {
    wake(app, OUTBOX_TOPIC).await;
}

/// Tells every instance's `topic` workers there is work (bounded: a down hot state only means
/// they find it by polling).
async fn wake(app: &State, topic: &str) {
    let topics = [topic];
    let publish = app.hot.publish(&topics, "1");
    if let Ok(Err(e)) = tokio::time::timeout(Duration::from_millis(250), publish).await {
        tracing::debug!(error = %e, topic, "could not publish a wake-up");
    }
}

/// Waits for the next message of an optional subscription (forever without one). A closed
/// subscription is dropped so the caller resubscribes.
async fn next_message(subscription: &mut Option<BoxStream<'static, String>>) -> Option<String> {
    match subscription {
        Some(s) => match s.next().await {
            Some(m) => Some(m),
            None => {
                *subscription = None;
                None
            }
        },
        None => std::future::pending().await,
    }
}

/// The running workers. Dropping this aborts them: if the server's task is killed, its workers
/// die with it, as they would with the process.
#[derive(Debug)]
pub struct Workers {
    handles: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Waits for the workers to finish after `stop` was signalled.
    pub async fn join(mut self) {
        for handle in std::mem::take(&mut self.handles) {
            let _ = handle.await;
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        for handle in &self.handles {
            handle.abort();
        }
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()).unwrap_or_else(|| "throughline".into())
}
