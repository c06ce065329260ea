//! The timer worker: fires due scheduled actions, asking the gate again first.

use chrono::{DateTime, Utc};
use domain::vocab::Verdict;
use domain::{ActionId, CallId, Event, NewEvent};
use policy::{Planned, StepAction};
use serde_json::{Value, json};
use store::{AppendRequest, CARRIER_EVENT, Completion, NewOutbox, Queue, ScheduledAction, StoreError};

use super::{Engine, EngineError, EngineStats, OUTBOX_TOPIC};

/// Conflicting appends retried before leaving the timer to its lease.
const ATTEMPTS: u32 = 5;

/// A carrier report waiting for its time (see [`store::CARRIER_EVENT`]).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct CarrierPayload {
    /// What lands on the timeline.
    pub events: Vec<Event>,
    /// The carrier's id for the report.
    pub dedupe_key: String,
}

impl Engine {
    /// How long to sleep: until the earliest indexed timer, at most one poll interval. Index
    /// entries already due that the database did not hand out are stale (fired elsewhere or
    /// cancelled) and are dropped; the database, not the index, says what is due.
    pub(super) async fn until_next_timer(&self, now: DateTime<Utc>) -> std::time::Duration {
        let poll = self.poll();
        match self.app.hot.next_due().await {
            Ok(Some(next)) if next > now => (next - now).to_std().map_or(poll, |d| d.min(poll)),
            Ok(Some(_)) => {
                if let Ok(stale) = self.app.hot.due_timers(now, 256).await {
                    for id in stale {
                        let _ = self.app.hot.unindex_timer(id).await;
                    }
                }
                poll
            }
            _ => poll,
        }
    }

    /// Fires one claimed timer.
    pub async fn fire(&self, id: ActionId) -> Result<(), EngineError> {
        let Some(action) = self.app.store.action(id).await? else { return Ok(()) };
        if action.status != "claimed" || action.claimed_by.as_deref() != Some(self.worker.as_str()) {
            return Ok(());
        }
        EngineStats::bump(&self.stats.fired);
        let lag = (self.app.clock.now() - action.due_at).num_milliseconds().max(0) as f64 / 1000.0;
        metrics::histogram!("throughline_timer_lag_seconds").record(lag);
        match action.kind.as_str() {
            CARRIER_EVENT => self.deliver(&action).await,
            "send_sms" | "place_call" => self.fire_step(&action).await,
            "sms_agent_reply" => self.agent_turn(&action).await,
            other => {
                tracing::error!(action_id = %id, kind = other, "unknown timer kind; marking failed");
                let finish =
                    self.finish(Queue::Timers, id, Completion::Failed { error: format!("unknown kind {other}") });
                self.app
                    .append(action.conversation_id, AppendRequest { finish: Some(finish), ..Default::default() })
                    .await?;
                Ok(())
            }
        }
    }

    /// A carrier report comes due: it lands on the timeline once. A message from the lead goes
    /// through the same keyword rules as a webhook's (a revocation cancels every pending
    /// contact in the same transaction); a revocation in the report itself does too.
    async fn deliver(&self, action: &ScheduledAction) -> Result<(), EngineError> {
        let payload: CarrierPayload =
            serde_json::from_value(action.payload.clone()).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        let at = action.due_at;
        let finish = || Some(self.finish(Queue::Timers, action.id, Completion::Done));
        if let [Event::SmsReceived { body, .. }] = payload.events.as_slice()
            && let Some(command) = crate::sms::inbound::command(body)
        {
            let mut received = NewEvent::new(at, payload.events[0].clone()).dedupe(payload.dedupe_key.clone());
            if let Event::SmsReceived { keyword, .. } = &mut received.event {
                *keyword = Some(command.label().to_owned());
            }
            let conversation = self.app.store.conversation(action.conversation_id).await?;
            let conversation = conversation.ok_or(StoreError::NotFound("conversation"))?;
            let runtime = self.campaign(conversation.campaign_id).await?;
            let appended = crate::sms::inbound::append_command(
                &self.app,
                action.conversation_id,
                &runtime.campaign,
                command,
                &received,
                finish(),
            )
            .await;
            return match appended {
                Ok(_) => Ok(()),
                Err(StoreError::Conflict { .. }) => Err(EngineError::Busy),
                Err(e) => Err(e.into()),
            };
        }
        let revokes = payload.events.iter().any(|e| matches!(e, Event::ConsentRevoked { .. }));
        let mut events: Vec<NewEvent> = payload.events.into_iter().map(|e| NewEvent::new(at, e)).collect();
        if let Some(first) = events.first_mut() {
            first.dedupe_key = Some(payload.dedupe_key);
        }
        let request = AppendRequest {
            events,
            cancel_pending: revokes.then(|| "the lead opted out".to_owned()),
            finish: finish(),
            ..Default::default()
        };
        self.app.append(action.conversation_id, request).await?;
        Ok(())
    }

    /// A cadence step (or escalation call) comes due: ask the router and gate again, then
    /// enqueue the contact, move the timer, or drop it, with the verdict on the timeline.
    async fn fire_step(&self, action: &ScheduledAction) -> Result<(), EngineError> {
        let conversation = action.conversation_id;
        let planned: Planned =
            serde_json::from_value(action.payload.clone()).map_err(|e| EngineError::Unreadable(e.to_string()))?;
        for _ in 0..ATTEMPTS {
            let loaded = self.states.current(self.app.store.as_ref(), conversation).await?;
            let head = loaded.state.last_seq;
            if !loaded.state.pending.contains_key(&action.id) {
                // Cancelled on the timeline since it was claimed: release it, say nothing.
                let request = AppendRequest {
                    finish: Some(self.finish(Queue::Timers, action.id, Completion::Done)),
                    ..Default::default()
                };
                self.app.append(conversation, request.expecting(head)).await?;
                return Ok(());
            }
            let lead = self.app.store.lead(loaded.conversation.lead_id).await?.ok_or(StoreError::NotFound("lead"))?;
            let runtime = self.campaign(loaded.conversation.campaign_id).await?;
            let router = runtime.router(&self.rules);
            let ctx = crate::engine::lead_context(&lead);
            let now = self.app.clock.now();
            let due = router.on_due(&ctx, &loaded.state, &planned, now);
            let mut request =
                AppendRequest { events: vec![NewEvent::new(now, due.record.clone())], ..Default::default() };
            let mut reindex = None;
            match due.verdict {
                Verdict::Allowed => {
                    match self.contact(action.id, conversation, &planned, &runtime.campaign, &lead.lead, now) {
                        Ok(outbox) => {
                            request.outbox.push(outbox);
                            request.finish = Some(self.finish(Queue::Timers, action.id, Completion::Done));
                        }
                        Err(why) => {
                            request.events.push(NewEvent::new(
                                now,
                                Event::ActionCancelled { action_id: action.id, reason: why.clone() },
                            ));
                            request.finish =
                                Some(self.finish(Queue::Timers, action.id, Completion::Failed { error: why }));
                        }
                    }
                }
                Verdict::Rescheduled => {
                    let at = due.at.unwrap_or(now);
                    let moved = Planned { due_at: at, ..planned.clone() };
                    request.events.push(NewEvent::new(now, moved.scheduled_event(action.id)));
                    request.finish = Some(self.finish(
                        Queue::Timers,
                        action.id,
                        Completion::Retry { at, error: "rescheduled by the gate".into() },
                    ));
                    reindex = Some(at);
                }
                Verdict::Blocked => {
                    let reason = blocked_reason(&due.record);
                    request.events.push(NewEvent::new(now, Event::ActionCancelled { action_id: action.id, reason }));
                    request.finish = Some(self.finish(Queue::Timers, action.id, Completion::Done));
                }
            }
            let enqueued = !request.outbox.is_empty();
            match self.app.append(conversation, request.expecting(head)).await {
                Ok(_) => {
                    if let Some(at) = reindex {
                        let _ = self.app.hot.index_timer(action.id, at).await;
                    }
                    if enqueued {
                        self.wake(OUTBOX_TOPIC).await;
                    }
                    return Ok(());
                }
                Err(StoreError::Conflict { .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(EngineError::Busy)
    }

    /// The outbox row that performs an allowed step: who, from which number, what.
    fn contact(
        &self,
        id: ActionId,
        conversation: domain::ConversationId,
        planned: &Planned,
        campaign: &domain::Campaign,
        lead: &domain::Lead,
        now: DateTime<Utc>,
    ) -> Result<NewOutbox, String> {
        let mut payload = json!({"planned": planned, "to": lead.phone.as_str()});
        match planned.action {
            StepAction::Sms => {
                let sms = campaign.sms.as_ref().ok_or("the campaign has no SMS carrier configured")?;
                let template = planned.template.as_deref().unwrap_or("intro");
                let body =
                    campaign.render(template, &lead.first_name).ok_or(format!("no template named {template:?}"))?;
                payload["provider"] = json!(sms.provider);
                payload["from"] = json!(sms.from_number.as_str());
                payload["body"] = Value::String(body);
                if let Some(base) = super::outbox::api_base(&sms.extra) {
                    payload["api_base"] = json!(base);
                }
            }
            StepAction::Call => {
                let voice = campaign.voice.as_ref().ok_or("the campaign has no voice carrier configured")?;
                payload["provider"] = json!(voice.provider);
                payload["from"] = json!(voice.from_number.as_str());
                if let Some(base) = super::outbox::api_base(&voice.extra) {
                    payload["api_base"] = json!(base);
                }
                payload["call_id"] = json!(CallId::new());
            }
        }
        Ok(NewOutbox {
            id,
            kind: planned.kind().as_str().into(),
            idempotency_key: format!("{conversation}:{id}"),
            payload,
            available_at: now,
        })
    }
}

/// The failing rules of a blocking decision, for the cancellation's reason.
fn blocked_reason(record: &Event) -> String {
    let failed: Vec<String> = match record {
        Event::DecisionRecorded { reasons, .. } => {
            reasons.iter().filter(|r| !r.passed).map(|r| r.rule.clone()).collect()
        }
        _ => vec![],
    };
    format!("blocked by the gate: {}", if failed.is_empty() { "no rule allowed it".into() } else { failed.join(", ") })
}
