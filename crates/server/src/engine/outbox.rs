//! The outbox worker: hands enqueued contacts to their carrier, once.

use chrono::Duration;
use domain::{ActionId, CallId, E164, Event, MessageId, NewEvent, Provider};
use policy::{Executed, Planned, StepAction};
use providers::{CallRequest, CarrierError, Receipt, SmsRequest};
use store::{AppendRequest, CARRIER_EVENT, Completion, NewAction, OutboxMessage, Queue};

use super::timers::CarrierPayload;
use super::{Engine, EngineError, EngineStats, TIMERS_TOPIC};

/// Claims of one row before a carrier that keeps failing is given up on.
const MAX_ATTEMPTS: i32 = 6;

/// An outbox row's payload, as the timer worker wrote it.
#[derive(serde::Deserialize)]
struct Contact {
    planned: Planned,
    provider: Provider,
    to: E164,
    from: E164,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    call_id: Option<CallId>,
}

impl Engine {
    /// Sends one claimed row and records the contact with the claim's release.
    pub async fn send(&self, id: ActionId) -> Result<(), EngineError> {
        let Some(row) = self.app.store.outbox_message(id).await? else { return Ok(()) };
        if row.status != "claimed" {
            return Ok(());
        }
        let contact: Contact =
            serde_json::from_value(row.payload.clone()).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        let conversation = row.conversation_id;
        // Last look before the carrier: an opt-out or cancellation since enqueueing wins.
        let current = self.states.current(self.app.store.as_ref(), conversation).await?;
        let state = &current.state;
        if state.opted_out() || !state.pending.contains_key(&id) {
            let request = AppendRequest {
                finish: Some(self.finish(
                    Queue::Outbox,
                    id,
                    Completion::Failed { error: "cancelled before sending".into() },
                )),
                ..Default::default()
            };
            self.app.append(conversation, request).await?;
            return Ok(());
        }
        let Some(carrier) = self.carriers.get(contact.provider) else {
            return self
                .give_up(&row, &contact, format!("no {:?} carrier configured on this instance", contact.provider))
                .await;
        };
        let now = self.app.clock.now();
        let result = match contact.planned.action {
            StepAction::Sms => {
                let request = SmsRequest {
                    conversation_id: conversation,
                    to: contact.to.clone(),
                    from: contact.from.clone(),
                    body: contact.body.clone().unwrap_or_default(),
                    idempotency_key: row.idempotency_key.clone(),
                    now,
                };
                carrier.send_sms(&request).await
            }
            StepAction::Call => {
                let request = CallRequest {
                    conversation_id: conversation,
                    call_id: contact.call_id.unwrap_or_else(|| CallId::from_uuid(id.as_uuid())),
                    to: contact.to.clone(),
                    from: contact.from.clone(),
                    idempotency_key: row.idempotency_key.clone(),
                    now,
                };
                carrier.place_call(&request).await
            }
        };
        match result {
            Ok(_) if super::Faults::take(&self.faults.die_after_send) => {
                tracing::warn!(action_id = %id, "fault injected: dying between the carrier and the record");
                Ok(())
            }
            Ok(receipt) => self.record(&row, &contact, receipt).await,
            Err(CarrierError::Unavailable(why)) if row.attempts < MAX_ATTEMPTS => {
                let at = now + Duration::seconds(2_i64.pow(row.attempts.clamp(0, 10) as u32));
                tracing::warn!(action_id = %id, attempt = row.attempts, error = %why, "carrier unavailable; retrying");
                self.app
                    .store
                    .complete(Queue::Outbox, id, &self.worker, now, Completion::Retry { at, error: why })
                    .await?;
                Ok(())
            }
            Err(e) => self.give_up(&row, &contact, e.to_string()).await,
        }
    }

    /// The carrier accepted: the contact, `action_executed` and any reports the carrier will
    /// make later, appended once (the dedupe key is the outbox row).
    async fn record(&self, row: &OutboxMessage, contact: &Contact, receipt: Receipt) -> Result<(), EngineError> {
        let id = row.id;
        let now = self.app.clock.now();
        let executed = match contact.planned.action {
            StepAction::Sms => Executed::Sms {
                message_id: MessageId::from_uuid(id.as_uuid()),
                body: contact.body.clone().unwrap_or_default(),
            },
            StepAction::Call => {
                Executed::Call { call_id: contact.call_id.unwrap_or_else(|| CallId::from_uuid(id.as_uuid())) }
            }
        };
        let [mut first, second] = contact.planned.executed_events(id, executed);
        match &mut first {
            Event::SmsSent { provider, provider_message_id, .. } => {
                *provider = Some(receipt.provider);
                *provider_message_id = Some(receipt.provider_id.clone());
            }
            Event::CallPlaced { provider, provider_call_id, .. } => {
                *provider = Some(receipt.provider);
                *provider_call_id = Some(receipt.provider_id.clone());
            }
            _ => {}
        }
        let schedule: Vec<NewAction> = receipt
            .deliveries
            .into_iter()
            .map(|d| NewAction {
                id: ActionId::new(),
                kind: CARRIER_EVENT.into(),
                channel: None,
                due_at: d.at,
                idempotency_key: format!("{}:{}", row.conversation_id, d.dedupe_key),
                payload: serde_json::to_value(CarrierPayload { events: d.events, dedupe_key: d.dedupe_key })
                    .unwrap_or_default(),
            })
            .collect();
        let timers: Vec<_> = schedule.iter().map(|a| (a.id, a.due_at)).collect();
        let request = AppendRequest {
            events: vec![NewEvent::new(now, first).dedupe(format!("outbox:{id}")), NewEvent::new(now, second)],
            schedule,
            finish: Some(self.finish(Queue::Outbox, id, Completion::Done)),
            ..Default::default()
        };
        self.app.append(row.conversation_id, request).await?;
        EngineStats::bump(&self.stats.sent);
        for (timer, due) in timers {
            let _ = self.app.hot.index_timer(timer, due).await;
        }
        self.wake(TIMERS_TOPIC).await;
        Ok(())
    }

    /// The carrier refused, or kept failing: the step is dropped on the timeline (the router
    /// moves the cadence on) and the row marked failed.
    async fn give_up(&self, row: &OutboxMessage, contact: &Contact, why: String) -> Result<(), EngineError> {
        tracing::error!(action_id = %row.id, error = %why, "contact not sent");
        let now = self.app.clock.now();
        let request = AppendRequest {
            events: vec![NewEvent::new(
                now,
                Event::ActionCancelled {
                    action_id: row.id,
                    reason: format!("carrier failed ({}): {why}", contact.planned.step),
                },
            )],
            finish: Some(self.finish(Queue::Outbox, row.id, Completion::Failed { error: why })),
            ..Default::default()
        };
        self.app.append(row.conversation_id, request).await?;
        Ok(())
    }
}
