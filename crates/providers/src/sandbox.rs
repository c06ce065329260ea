//! The sandbox carrier: fake numbers with simulated people behind them, for demos, tests and
//! rehearsing a cadence. It is a real carrier implementation, not a mock: requests go through
//! the outbox with idempotency keys like any carrier's, and what the people do (reply, answer,
//! ignore, voicemail) comes back as timed reports on the timeline.
//!
//! Behaviour comes from [`sandbox::Person::for_number`]: scripted for `NPA-555-01YZ` numbers,
//! drawn from the seed otherwise. Each reaction is drawn from the seed and the request's
//! idempotency key, so a retried request gets the same answer, and the hot state remembers
//! which keys were seen, so across instances and restarts a request has one effect.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::vocab::{AnsweredBy, CallOutcome};
use domain::{Channel, Event, MessageId, MessageSource, Provider};
use sandbox::{Person, Rng};
use store::HotState;

use crate::{CallRequest, Carrier, CarrierError, Delivery, Receipt, SmsRequest};

/// How long the carrier remembers an idempotency key.
const REMEMBER: Duration = Duration::from_secs(7 * 24 * 3600);
/// Most effects kept in the in-process log.
const LOG_LIMIT: usize = 10_000;

/// One effect the sandbox carrier performed (first request for a key only).
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    /// `sms` or `voice`.
    pub channel: Channel,
    /// The idempotency key it was requested with.
    pub idempotency_key: String,
    /// The carrier's id.
    pub provider_id: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The sandbox carrier.
#[derive(Debug)]
pub struct SandboxCarrier {
    seed: u64,
    hot: Arc<dyn HotState>,
    log: Arc<Mutex<Log>>,
}

/// What the carrier did, as it would keep it on its own side.
#[derive(Debug, Default)]
struct Log {
    effects: Vec<Effect>,
    repeats: u64,
}

impl SandboxCarrier {
    /// A carrier whose unscripted people are drawn from `seed`, remembering keys in `hot`.
    pub fn new(seed: u64, hot: Arc<dyn HotState>) -> Self {
        Self { seed, hot, log: Arc::default() }
    }

    /// Effects performed by this process, oldest first (bounded).
    pub fn effects(&self) -> Vec<Effect> {
        self.log.lock().map(|l| l.effects.clone()).unwrap_or_default()
    }

    /// Requests that repeated an idempotency key already seen (and so did nothing new).
    pub fn repeats(&self) -> u64 {
        self.log.lock().map(|l| l.repeats).unwrap_or_default()
    }

    /// Records the effect unless the key was seen before; true if it is new. Runs as its own
    /// task, as the carrier is another system: a caller that dies mid-request (a crashed
    /// instance) cannot leave the key taken but the effect unlogged.
    async fn first_time(
        &self,
        channel: Channel,
        key: &str,
        provider_id: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, CarrierError> {
        let (hot, log) = (Arc::clone(&self.hot), Arc::clone(&self.log));
        let effect = Effect { channel, idempotency_key: key.into(), provider_id: provider_id.into(), at };
        let recorded = tokio::spawn(async move {
            let lock = hot
                .try_lock(&format!("sandbox:request:{}", effect.idempotency_key), REMEMBER)
                .await
                .map_err(|e| CarrierError::Unavailable(format!("sandbox state: {e}")))?;
            let Ok(mut log) = log.lock() else { return Ok(lock.is_some()) };
            if lock.is_none() {
                log.repeats += 1;
            } else if log.effects.len() < LOG_LIMIT {
                log.effects.push(effect);
            }
            Ok(lock.is_some())
        });
        recorded.await.map_err(|e| CarrierError::Unavailable(format!("sandbox carrier: {e}")))?
    }

    /// The reaction's randomness: the seed and the key, so a retry draws the same.
    fn rng(&self, key: &str) -> Rng {
        let stream =
            key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        Rng::new(self.seed, stream)
    }

    fn provider_id(prefix: &str, rng: &mut Rng) -> String {
        format!("{prefix}{:016x}{:016x}", rng.next_u64(), rng.next_u64())
    }
}

fn message_id(rng: &mut Rng) -> MessageId {
    MessageId::from_uuid(uuid::Uuid::from_u128((u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64())))
}

#[async_trait]
impl Carrier for SandboxCarrier {
    fn provider(&self) -> Provider {
        Provider::Sandbox
    }

    async fn send_sms(&self, request: &SmsRequest) -> Result<Receipt, CarrierError> {
        let mut rng = self.rng(&request.idempotency_key);
        let provider_id = Self::provider_id("SB", &mut rng);
        self.first_time(Channel::Sms, &request.idempotency_key, &provider_id, request.now).await?;
        let person = Person::for_number(self.seed, &request.to);
        let mut deliveries = Vec::new();
        // People answer the cadence's texts (a scripted conversation also answers the agent);
        // nobody answers a keyword confirmation.
        let from_cadence = request.source == MessageSource::System && !request.transactional;
        let scripted = person.script.map(|s| s.answer(&request.body, from_cadence));
        let replies = match scripted {
            Some(answer) => answer.is_some(),
            None => from_cadence && rng.chance(person.reply_rate),
        };
        if replies {
            let delay = rng.range(person.reply_delay.0, person.reply_delay.1.max(person.reply_delay.0 + 1));
            let reply_id = Self::provider_id("SB", &mut rng);
            let mut message = person.reply.message(message_id(&mut rng), Some(reply_id.clone()));
            if let (Some(Some(text)), Event::SmsReceived { body, .. }) = (scripted, &mut message) {
                *body = text.to_owned();
            }
            deliveries.push(Delivery {
                at: request.now + chrono::Duration::seconds(delay),
                events: vec![message],
                dedupe_key: format!("sandbox:{reply_id}"),
            });
        }
        Ok(Receipt { provider: Provider::Sandbox, provider_id, deliveries })
    }

    async fn place_call(&self, request: &CallRequest) -> Result<Receipt, CarrierError> {
        let mut rng = self.rng(&request.idempotency_key);
        let provider_id = Self::provider_id("SBCA", &mut rng);
        self.first_time(Channel::Voice, &request.idempotency_key, &provider_id, request.now).await?;
        let person = Person::for_number(self.seed, &request.to);
        let call_id = request.call_id;
        let at = |secs: i64| request.now + chrono::Duration::seconds(secs);
        let mut deliveries = Vec::new();
        if rng.chance(person.answer_rate) {
            let mut answered = vec![Event::CallAnswered { call_id, answered_by: AnsweredBy::Human }];
            if rng.chance(person.books_on_call) {
                answered.push(Event::IntentDetected {
                    intent: "booked".into(),
                    confidence: Some(1.0),
                    channel: Some(Channel::Voice),
                });
            }
            deliveries.push(Delivery {
                at: at(12),
                events: answered,
                dedupe_key: format!("sandbox:{provider_id}:answered"),
            });
            deliveries.push(Delivery {
                at: at(180),
                events: vec![Event::CallEnded {
                    call_id,
                    outcome: CallOutcome::Human,
                    duration_secs: 168,
                    reason: None,
                }],
                dedupe_key: format!("sandbox:{provider_id}:ended"),
            });
        } else {
            let outcome =
                if rng.chance(person.voicemail_rate) { CallOutcome::Voicemail } else { CallOutcome::NoAnswer };
            deliveries.push(Delivery {
                at: at(35),
                events: vec![Event::CallEnded { call_id, outcome, duration_secs: 0, reason: None }],
                dedupe_key: format!("sandbox:{provider_id}:ended"),
            });
        }
        Ok(Receipt { provider: Provider::Sandbox, provider_id, deliveries })
    }

    /// Nobody is on the line: the sandbox's call outcomes are decided when the call is placed.
    async fn hang_up(&self, _api_base: Option<&str>, _provider_call_id: &str) -> Result<(), CarrierError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{CallId, ConversationId, E164};
    use store::MemoryHotState;

    fn sms(to: &str, key: &str) -> SmsRequest {
        SmsRequest {
            conversation_id: ConversationId::new(),
            to: E164::parse(to).unwrap(),
            from: E164::parse("+14155550100").unwrap(),
            body: "hi".into(),
            idempotency_key: key.into(),
            now: Utc::now(),
            api_base: None,
            status_callback: None,
            source: MessageSource::System,
            transactional: false,
        }
    }

    #[tokio::test]
    async fn a_retried_request_has_one_effect_and_the_same_answer() {
        let carrier = SandboxCarrier::new(3, Arc::new(MemoryHotState::default()));
        let first = carrier.send_sms(&sms("+13125550120", "k1")).await.unwrap();
        let again = carrier.send_sms(&sms("+13125550120", "k1")).await.unwrap();
        assert_eq!(first.provider_id, again.provider_id);
        assert_eq!(first.deliveries.len(), 1, "the 'call me' script replies");
        assert_eq!(first.deliveries[0].dedupe_key, again.deliveries[0].dedupe_key);
        assert_eq!(carrier.effects().len(), 1);
        assert_eq!(carrier.repeats(), 1);
    }

    #[tokio::test]
    async fn scripted_calls_end_as_scripted() {
        let carrier = SandboxCarrier::new(3, Arc::new(MemoryHotState::default()));
        let call = |to: &str, key: &str| CallRequest {
            conversation_id: ConversationId::new(),
            call_id: CallId::new(),
            to: E164::parse(to).unwrap(),
            from: E164::parse("+14155550100").unwrap(),
            idempotency_key: key.into(),
            now: Utc::now(),
            api_base: None,
            answer_url: None,
            status_callback: None,
            stream_url: None,
        };
        let ended = |r: &Receipt| match r.deliveries.last().unwrap().events.last().unwrap() {
            Event::CallEnded { outcome, .. } => *outcome,
            other => panic!("{other:?}"),
        };
        assert_eq!(ended(&carrier.place_call(&call("+12125550100", "a")).await.unwrap()), CallOutcome::NoAnswer);
        assert_eq!(ended(&carrier.place_call(&call("+12125550110", "b")).await.unwrap()), CallOutcome::Voicemail);
        let answered = carrier.place_call(&call("+12125550150", "c")).await.unwrap();
        assert_eq!(ended(&answered), CallOutcome::Human);
        assert!(
            answered.deliveries[0]
                .events
                .iter()
                .any(|e| matches!(e, Event::IntentDetected { intent, .. } if intent == "booked"))
        );
        assert_eq!(carrier.hang_up(None, &answered.provider_id).await, Ok(()), "hanging up is a no-op");
    }
}
