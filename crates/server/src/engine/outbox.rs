//! The outbox worker: hands enqueued contacts to their carrier, once.

use chrono::Duration;
use domain::{ActionId, CallId, E164, Event, MessageId, MessageSource, NewEvent, Provider};
use policy::{Executed, Planned, StepAction};
use providers::{CallRequest, CarrierError, Receipt, SmsRequest, TransferRequest};
use store::{AppendRequest, CARRIER_EVENT, Completion, NewAction, OutboxMessage, Queue};

use super::timers::CarrierPayload;
use super::{Engine, EngineError, EngineStats, TIMERS_TOPIC};
use crate::voice::calls::CallRecord;
use crate::voice::transfer::Transfer;

/// Claims of one row before a carrier that keeps failing is given up on.
const MAX_ATTEMPTS: i32 = 6;
/// Claims of a transfer before it is given up on (a second apart: the lead is on hold).
const TRANSFER_ATTEMPTS: i32 = 3;

/// An outbox row's payload: a planned cadence contact (written by the timer worker), or a
/// message of its own (an SMS agent reply, a keyword answer, an API send).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    /// The cadence step or escalation this contact performs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Planned>,
    /// For a message outside the cadence: who wrote it and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageMeta>,
    /// Carrier.
    pub provider: Provider,
    /// The lead.
    pub to: E164,
    /// Our number.
    pub from: E164,
    /// SMS text.
    #[serde(default)]
    pub body: Option<String>,
    /// Our id for a call.
    #[serde(default)]
    pub call_id: Option<CallId>,
    /// The campaign's own API base for the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_base: Option<String>,
}

/// Who wrote a message outside the cadence, and why it is sent.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MessageMeta {
    /// The audit's source.
    pub source: MessageSource,
    /// `sms_agent`, `api`, `help`, `opt_out_confirmation`, `resubscribed`, `after_hours`.
    pub purpose: String,
    /// A keyword answer or confirmation: never marketing.
    #[serde(default)]
    pub transactional: bool,
}

/// Purposes that may still be sent to a lead who has opted out: the one confirmation, and
/// answers to HELP.
const AFTER_OPT_OUT: [&str; 2] = ["opt_out_confirmation", "help"];

/// An outbox row sending `body` to the lead from the campaign's SMS number, or `None` if the
/// campaign has no SMS carrier.
pub fn message_row(
    campaign: &domain::Campaign,
    to: &E164,
    body: String,
    meta: MessageMeta,
    idempotency_key: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<store::NewOutbox> {
    let sms = campaign.sms.as_ref()?;
    let contact = Contact {
        planned: None,
        message: Some(meta),
        provider: sms.provider,
        to: to.clone(),
        from: sms.from_number.clone(),
        body: Some(body),
        call_id: None,
        api_base: api_base(&sms.extra),
    };
    Some(store::NewOutbox {
        id: ActionId::new(),
        kind: domain::vocab::ActionKind::SendSms.as_str().into(),
        idempotency_key,
        payload: serde_json::to_value(contact).unwrap_or_default(),
        available_at: now,
    })
}

/// A campaign's `api_base` override for its carrier.
pub fn api_base(extra: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    extra.get("api_base").and_then(|v| v.as_str()).map(str::to_owned)
}

impl Engine {
    /// Sends one claimed row and records the contact with the claim's release.
    pub async fn send(&self, id: ActionId) -> Result<(), EngineError> {
        let Some(row) = self.app.store.outbox_message(id).await? else { return Ok(()) };
        if row.status != "claimed" {
            return Ok(());
        }
        if row.kind == crate::voice::transfer::KIND {
            return self.transfer(&row).await;
        }
        let contact: Contact =
            serde_json::from_value(row.payload.clone()).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        let conversation = row.conversation_id;
        // Last look before the carrier: an opt-out or cancellation since enqueueing wins.
        let current = self.states.current(self.app.store.as_ref(), conversation).await?;
        let state = &current.state;
        let stale = match (&contact.planned, &contact.message) {
            (Some(_), _) => state.opted_out() || !state.pending.contains_key(&id),
            (None, Some(meta)) => state.opted_out() && !AFTER_OPT_OUT.contains(&meta.purpose.as_str()),
            (None, None) => true,
        };
        if stale {
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
        let call = contact.planned.as_ref().is_some_and(|p| p.action == StepAction::Call);
        let streamed = matches!(contact.provider, Provider::Twilio | Provider::Telnyx | Provider::Vonage);
        if call && streamed && self.app.sms.public_url.is_none() {
            // The carrier fetches the call's instructions, streams its audio and reports its
            // progress at the public URL: without one the lead would answer into an error.
            let why = "no server.public_url configured: the carrier would have nowhere to fetch the call's \
                       instructions, stream its audio or report its progress";
            return self.give_up(&row, &contact, why.into()).await;
        }
        if call && streamed {
            // The answered call streams to the gateway, which refuses a campaign with no bot or
            // an unknown prompt: better not to ring the lead at all.
            let runtime = self.campaign(current.conversation.campaign_id).await?;
            let settings = &self.app.voice.settings;
            if let Err(why) = crate::voice::gateway::bridge(&runtime.campaign, |name| {
                crate::voice::gateway::has_prompt(settings, name)
            }) {
                return self.give_up(&row, &contact, why.explanation().into()).await;
            }
        }
        let Some(carrier) = self.carriers.get(contact.provider) else {
            return self
                .give_up(&row, &contact, format!("no {:?} carrier configured on this instance", contact.provider))
                .await;
        };
        let now = self.app.clock.now();
        let message_id = MessageId::from_uuid(id.as_uuid());
        let result = match contact.planned.as_ref().map_or(StepAction::Sms, |p| p.action) {
            StepAction::Sms => {
                let request = SmsRequest {
                    conversation_id: conversation,
                    to: contact.to.clone(),
                    from: contact.from.clone(),
                    body: contact.body.clone().unwrap_or_default(),
                    idempotency_key: row.idempotency_key.clone(),
                    now,
                    api_base: contact.api_base.clone(),
                    status_callback: self.app.sms.status_callback(contact.provider, conversation, message_id),
                    source: contact.message.as_ref().map_or(MessageSource::System, |m| m.source),
                    transactional: contact.message.as_ref().is_some_and(|m| m.transactional),
                };
                carrier.send_sms(&request).await
            }
            StepAction::Call => {
                let call_id = contact.call_id.unwrap_or_else(|| CallId::from_uuid(id.as_uuid()));
                let voice_url = |what: &str| self.app.sms.voice_url(contact.provider, what, conversation, call_id);
                // Twilio fetches TwiML from `voice` and reports progress to `voice/status`;
                // Telnyx reports everything to its one `webhook_url`, Vonage to its
                // `event_url`, and both stream the audio to the gateway straight away, with a
                // token minted now.
                let (answer_url, status_callback, stream_url) = match contact.provider {
                    Provider::Telnyx => (
                        None,
                        voice_url("voice"),
                        crate::voice::telnyx::stream_url(&self.app, conversation, call_id, now),
                    ),
                    Provider::Vonage => (
                        None,
                        voice_url("voice/event"),
                        crate::voice::vonage::stream_url(&self.app, conversation, call_id, now),
                    ),
                    _ => (voice_url("voice"), voice_url("voice/status"), None),
                };
                let request = CallRequest {
                    conversation_id: conversation,
                    call_id,
                    to: contact.to.clone(),
                    from: contact.from.clone(),
                    idempotency_key: row.idempotency_key.clone(),
                    now,
                    api_base: contact.api_base.clone(),
                    answer_url,
                    status_callback,
                    stream_url,
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
        let message_id = MessageId::from_uuid(id.as_uuid());
        let mut events = match (&contact.planned, &contact.message) {
            (Some(planned), _) => {
                let executed = match planned.action {
                    StepAction::Sms => Executed::Sms { message_id, body: contact.body.clone().unwrap_or_default() },
                    StepAction::Call => {
                        Executed::Call { call_id: contact.call_id.unwrap_or_else(|| CallId::from_uuid(id.as_uuid())) }
                    }
                };
                let [first, second] = planned.executed_events(id, executed);
                vec![first, second]
            }
            (None, meta) => vec![Event::SmsSent {
                message_id,
                body: contact.body.clone().unwrap_or_default(),
                source: meta.as_ref().map_or(MessageSource::System, |m| m.source),
                provider: None,
                provider_message_id: None,
                transactional: meta.as_ref().is_some_and(|m| m.transactional),
            }],
        };
        match &mut events[0] {
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
        let mut events = events.into_iter().map(|e| NewEvent::new(now, e));
        let first = events.next().map(|e| e.dedupe(format!("outbox:{id}")));
        let request = AppendRequest {
            events: first.into_iter().chain(events).collect(),
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

    /// Moves a live call to the people's line through its carrier ([`crate::voice::transfer`]).
    /// The call's end, the person's answer and the line's refusal are reported by the carrier;
    /// a transfer that cannot be made is recorded as declined, with why.
    async fn transfer(&self, row: &OutboxMessage) -> Result<(), EngineError> {
        let transfer: Transfer =
            serde_json::from_value(row.payload.clone()).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        let conversation = row.conversation_id;
        let Some(loaded) = self.app.store.load(conversation).await? else { return Ok(()) };
        let ended = CallRecord::find(&loaded.timeline, transfer.call_id).is_none_or(|c| c.ended);
        if ended || loaded.state.opted_out() {
            let why = if ended { "the call ended before it was transferred" } else { "the lead opted out" };
            return self.transfer_failed(row, &transfer, why.to_owned()).await;
        }
        let url = |what: &str| self.app.sms.voice_url(transfer.provider, what, conversation, transfer.call_id);
        let (Some(whisper_url), Some(outcome_url)) = (url("voice/whisper"), url("voice/transfer")) else {
            return self.transfer_failed(row, &transfer, "no server.public_url configured".to_owned()).await;
        };
        let Some(carrier) = self.carriers.get(transfer.provider) else {
            let why = format!("no {:?} carrier configured on this instance", transfer.provider);
            return self.transfer_failed(row, &transfer, why).await;
        };
        let request = TransferRequest {
            provider_call_id: transfer.provider_call_id.clone(),
            to: transfer.to.clone(),
            from: transfer.from.clone(),
            timeout_secs: transfer.timeout_secs,
            whisper_url,
            outcome_url,
            idempotency_key: row.idempotency_key.clone(),
            api_base: transfer.api_base.clone(),
        };
        let now = self.app.clock.now();
        match carrier.transfer_call(&request).await {
            Ok(()) => {
                tracing::info!(conversation_id = %conversation, call_id = %transfer.call_id, "call transferred to the people's line");
                self.app.store.complete(Queue::Outbox, row.id, &self.worker, now, Completion::Done).await?;
                Ok(())
            }
            // The lead is waiting: retry soon, and not for long.
            Err(CarrierError::Unavailable(why)) if row.attempts < TRANSFER_ATTEMPTS => {
                tracing::warn!(action_id = %row.id, attempt = row.attempts, error = %why, "carrier unavailable; retrying the transfer");
                let at = now + Duration::seconds(1);
                self.app
                    .store
                    .complete(Queue::Outbox, row.id, &self.worker, now, Completion::Retry { at, error: why })
                    .await?;
                Ok(())
            }
            Err(e) => self.transfer_failed(row, &transfer, e.to_string()).await,
        }
    }

    /// Records a transfer that could not be made as declined by the line, with why: a caller
    /// on hold for it then hears the apology.
    async fn transfer_failed(&self, row: &OutboxMessage, transfer: &Transfer, why: String) -> Result<(), EngineError> {
        tracing::warn!(action_id = %row.id, error = %why, "call not transferred");
        let declined = Event::HandoffDeclined {
            agent: transfer.to.as_str().to_owned(),
            reason: Some(format!("transfer failed: {why}")),
        };
        let request = AppendRequest {
            events: vec![NewEvent::new(self.app.clock.now(), declined)],
            finish: Some(self.finish(Queue::Outbox, row.id, Completion::Failed { error: why })),
            ..Default::default()
        };
        self.app.append(row.conversation_id, request).await?;
        Ok(())
    }

    /// The carrier refused, or kept failing: the step is dropped on the timeline (the router
    /// moves the cadence on) and the row marked failed.
    async fn give_up(&self, row: &OutboxMessage, contact: &Contact, why: String) -> Result<(), EngineError> {
        tracing::error!(action_id = %row.id, error = %why, "contact not sent");
        let now = self.app.clock.now();
        let event = match &contact.planned {
            Some(planned) => Event::ActionCancelled {
                action_id: row.id,
                reason: format!("carrier failed ({}): {why}", planned.step),
            },
            // A message of its own has no timer: its failure is the message's status.
            None => Event::SmsStatus {
                message_id: MessageId::from_uuid(row.id.as_uuid()),
                status: domain::vocab::DeliveryStatus::Failed,
                error_code: Some(why.clone()),
            },
        };
        let request = AppendRequest {
            events: vec![NewEvent::new(now, event)],
            finish: Some(self.finish(Queue::Outbox, row.id, Completion::Failed { error: why })),
            ..Default::default()
        };
        self.app.append(row.conversation_id, request).await?;
        Ok(())
    }
}
