//! The channel router: after every event on a lead's timeline, what happens next and when.
//!
//! [`Router::decide`] reads the folded state (with the new event applied) and plans: the next
//! cadence step, an escalation call when the lead shows readiness, or cancelling pending
//! steps when the cadence must stop. [`Router::on_due`] runs when a planned action comes due
//! and asks the gate again (consent may have changed since it was planned): execute now,
//! reschedule to the earliest allowed instant, or drop. Both are pure; the worker applies
//! their output to the store, so every decision lands on the timeline.

use chrono::{DateTime, Utc};
use domain::vocab::{ActionKind, CallOutcome, ConversationStatus, MessageSource, Role, Verdict};
use domain::{ActionId, CallId, Channel, ConversationState, Event, EventRecord, MessageId, Reason};
use serde_json::{Map, Value};

use crate::cadence::{Cadence, Step, StepAction};
use crate::gate::{Contact, Gate, GateDecision, LeadContext};

/// Step id of a call the lead asked for.
pub const ESCALATION_STEP: &str = "escalation_call";
/// Intents that end the cadence.
pub const STOP_INTENTS: [&str; 3] = ["booked", "not_interested", "wrong_number"];

/// An action to run later (or now). Serialised into the timer's payload, so the worker that
/// fires it (perhaps on another instance, after a restart) knows what was planned.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Planned {
    /// Cadence step id (or [`ESCALATION_STEP`]).
    pub step: String,
    /// SMS or call.
    pub action: StepAction,
    /// SMS template.
    pub template: Option<String>,
    /// When it should run.
    pub due_at: DateTime<Utc>,
    /// The lead asked for it (waives the channel gap).
    #[serde(default)]
    pub lead_requested: bool,
}

impl Planned {
    /// The timeline's action kind.
    pub fn kind(&self) -> ActionKind {
        match self.action {
            StepAction::Sms => ActionKind::SendSms,
            StepAction::Call => ActionKind::PlaceCall,
        }
    }

    /// The `action_scheduled` event that puts this plan on the timeline under `id`; scheduling
    /// an id that is already pending moves it (a reschedule).
    pub fn scheduled_event(&self, id: ActionId) -> Event {
        Event::ActionScheduled {
            action_id: id,
            kind: self.kind(),
            channel: Some(self.action.channel()),
            due_at: self.due_at,
            idempotency_key: format!("{}:{}", self.step, self.due_at.timestamp()),
            step: Some(self.step.clone()),
        }
    }

    /// The events recording that this plan ran as `id`: the contact, then `action_executed`.
    pub fn executed_events(&self, id: ActionId, contact: Executed) -> [Event; 2] {
        let (first, kind, outcome) = match contact {
            Executed::Sms { message_id, body } => (
                Event::SmsSent {
                    message_id,
                    body,
                    source: MessageSource::System,
                    provider: None,
                    provider_message_id: None,
                    transactional: false,
                },
                ActionKind::SendSms,
                "sent",
            ),
            Executed::Call { call_id } => {
                (Event::CallPlaced { call_id, provider: None, provider_call_id: None }, ActionKind::PlaceCall, "placed")
            }
        };
        [first, Event::ActionExecuted { action_id: id, kind, outcome: outcome.into(), step: Some(self.step.clone()) }]
    }

    /// The contact this plan makes, as the gate and the audit judge it.
    pub fn contact(&self) -> Contact {
        Contact {
            channel: self.action.channel(),
            automated: true,
            conversational: false,
            lead_requested: self.lead_requested,
        }
    }
}

/// The contact a plan made when it ran.
#[derive(Debug, Clone, PartialEq)]
pub enum Executed {
    /// An SMS went out.
    Sms {
        /// Its id.
        message_id: MessageId,
        /// What it said.
        body: String,
    },
    /// A call was placed.
    Call {
        /// Its id.
        call_id: CallId,
    },
}

/// What to do after an event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decision {
    /// Timers to create.
    pub schedule: Vec<Planned>,
    /// Have the SMS agent answer at this instant (the end of the batching window).
    pub agent_reply: Option<DateTime<Utc>>,
    /// Cancel every pending timer of the conversation, for this reason.
    pub cancel_pending: Option<String>,
    /// Why (for the decision record).
    pub reasons: Vec<Reason>,
}

impl Decision {
    fn reason(mut self, rule: &str, detail: impl Into<String>) -> Self {
        self.reasons.push(Reason { rule: rule.into(), passed: true, detail: detail.into(), inputs: Map::new() });
        self
    }

    /// The `action_cancelled` events `cancel_pending` means for `state`: one per pending
    /// contact. A pending SMS agent reply is left alone: the lead is owed an answer whatever
    /// the cadence does (an opt-out cancels it through the store, with everything else).
    pub fn cancellations(&self, state: &ConversationState) -> Vec<Event> {
        let Some(reason) = &self.cancel_pending else { return vec![] };
        state
            .pending
            .iter()
            .filter(|(_, p)| p.kind != ActionKind::SmsAgentReply)
            .map(|(id, _)| Event::ActionCancelled { action_id: *id, reason: reason.clone() })
            .collect()
    }

    /// Nothing to do.
    pub fn is_empty(&self) -> bool {
        self.schedule.is_empty() && self.cancel_pending.is_none() && self.agent_reply.is_none()
    }

    /// Nothing to do and nothing to say: no effects and no reasons worth recording.
    pub fn is_silent(&self) -> bool {
        self.is_empty() && self.reasons.is_empty()
    }
}

/// What to do with an action that came due.
#[derive(Debug, Clone, PartialEq)]
pub struct DueDecision {
    /// Allowed (execute now), rescheduled (to `at`) or blocked (drop).
    pub verdict: Verdict,
    /// When it may run.
    pub at: Option<DateTime<Utc>>,
    /// The gate's full answer, when it was consulted.
    pub gate: Option<GateDecision>,
    /// The `decision_recorded` event for the timeline.
    pub record: Event,
}

/// The router for one campaign.
#[derive(Debug, Clone, Copy)]
pub struct Router<'a> {
    /// The compliance gate.
    pub gate: Gate<'a>,
    /// The campaign's cadence.
    pub cadence: &'a Cadence,
}

/// Event kinds [`Router::decide`] may act on; for every other kind it decides nothing, so a
/// worker can move past them without loading the conversation.
pub const REACTS_TO: [&str; 13] = [
    "lead_created",
    "call_received",
    "intent_detected",
    "sms_received",
    "transcript_turn",
    "call_answered",
    "consent_revoked",
    "status_changed",
    "handoff_requested",
    "action_executed",
    "action_cancelled",
    "call_ended",
    "agent_replied",
];

impl Router<'_> {
    /// Why the cadence is over, if it is.
    pub fn stop_reason(&self, state: &ConversationState) -> Option<&'static str> {
        if state.opted_out() {
            return Some("opted out");
        }
        let closed = [
            ConversationStatus::Completed,
            ConversationStatus::Qualified,
            ConversationStatus::Disqualified,
            ConversationStatus::Dnc,
        ];
        if state.status.is_some_and(|s| closed.contains(&s)) {
            return Some("conversation closed");
        }
        if state.handoff.is_some() {
            return Some("handed to a person");
        }
        if state.intent.as_ref().is_some_and(|i| STOP_INTENTS.contains(&i.intent.as_str())) {
            return Some("lead booked or declined");
        }
        if !state.last_inbound.is_empty() {
            return Some("the lead replied");
        }
        None
    }

    /// Plans what follows `event` (already applied to `state`).
    pub fn decide(&self, state: &ConversationState, event: &EventRecord, now: DateTime<Utc>) -> Decision {
        let stop = self.stop_reason(state);
        let has_pending_step = state.pending.values().any(|p| p.step.is_some());
        match &event.event {
            Event::LeadCreated { .. } => match stop {
                None => self.next_step(state, None, now),
                Some(why) => Decision::default().reason("cadence_stopped", why),
            },
            Event::IntentDetected { intent, .. } if crate::state_intents::is_call_request(intent) => {
                if state.text_only {
                    return Decision::default()
                        .reason("lead_prefers_text", "readiness ignored: the lead asked not to be called");
                }
                let requested = requested_time(state).filter(|t| *t > now).unwrap_or(now);
                Decision {
                    schedule: vec![Planned {
                        step: ESCALATION_STEP.into(),
                        action: StepAction::Call,
                        template: None,
                        due_at: requested,
                        lead_requested: true,
                    }],
                    cancel_pending: Some("superseded: the lead asked for a call".into()),
                    ..Decision::default()
                }
                .reason(
                    "escalation",
                    format!("the lead signalled readiness ({intent}); call at {requested} or the next allowed time"),
                )
            }
            Event::IntentDetected { intent, .. } if domain::state::TEXT_ONLY_INTENTS.contains(&intent.as_str()) => {
                let pending_calls = state.pending.values().any(|p| p.kind == ActionKind::PlaceCall);
                if pending_calls {
                    Decision { cancel_pending: Some("the lead asked not to be called".into()), ..Decision::default() }
                        .reason("lead_prefers_text", "pending calls cancelled")
                } else {
                    Decision::default()
                }
            }
            Event::SmsReceived { keyword, .. } => {
                let decision = match stop {
                    Some(why) if has_pending_step => {
                        Decision { cancel_pending: Some(format!("cadence stopped: {why}")), ..Decision::default() }
                            .reason("cadence_stopped", why)
                    }
                    _ => Decision::default(),
                };
                match (keyword, self.agent_reply(state, now)) {
                    (None, Some(at)) => Decision { agent_reply: Some(at), ..decision }.reason(
                        "sms_agent",
                        format!(
                            "the SMS agent answers the lead's messages after a {} s window",
                            self.gate.campaign.agent_window.num_seconds()
                        ),
                    ),
                    _ => decision,
                }
            }
            // Messages that arrived while the agent was answering: answer them too.
            Event::AgentReplied { .. } => match self.agent_reply(state, now) {
                Some(at) => Decision { agent_reply: Some(at), ..Decision::default() }
                    .reason("sms_agent", "the lead wrote again while the agent was answering"),
                None => Decision::default(),
            },
            Event::TranscriptTurn { role: Role::Lead, .. }
            | Event::CallReceived { .. }
            | Event::CallAnswered { .. }
            | Event::ConsentRevoked { .. }
            | Event::StatusChanged { .. }
            | Event::HandoffRequested { .. }
            | Event::IntentDetected { .. } => match stop {
                Some(why) if has_pending_step => {
                    Decision { cancel_pending: Some(format!("cadence stopped: {why}")), ..Decision::default() }
                        .reason("cadence_stopped", why)
                }
                _ => Decision::default(),
            },
            Event::ActionExecuted { step: Some(step), kind, .. } if *kind != ActionKind::PlaceCall => {
                self.continue_after(state, step, now, stop)
            }
            Event::ActionCancelled { .. } => match (&state.cadence_cursor, has_pending_step) {
                // The cursor's step was dropped (blocked by the gate): move on.
                (Some(step), false) if state.steps_run.last().is_none_or(|(s, _)| s != step) => {
                    self.continue_after(state, &step.clone(), now, stop)
                }
                _ => Decision::default(),
            },
            Event::CallEnded { outcome, .. } => match (stop, &state.cadence_cursor) {
                (None, Some(step)) if !has_pending_step && *outcome != CallOutcome::Human => {
                    self.next_step(state, Some(step), now)
                }
                _ => Decision::default(),
            },
            _ => Decision::default(),
        }
    }

    /// When the SMS agent should answer, if it owes the lead an answer, none is already
    /// waiting (a burst shares one), and nothing silences it: the end of the batching window.
    fn agent_reply(&self, state: &ConversationState, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let waiting = state.pending.values().any(|p| p.kind == ActionKind::SmsAgentReply);
        (state.agent.owes_answer() && !waiting && agent_silenced(state).is_none())
            .then(|| now + self.gate.campaign.agent_window)
    }

    fn continue_after(
        &self,
        state: &ConversationState,
        step: &str,
        now: DateTime<Utc>,
        stop: Option<&str>,
    ) -> Decision {
        match stop {
            None => self.next_step(state, Some(step), now),
            Some(why) => Decision::default().reason("cadence_stopped", why),
        }
    }

    /// The next applicable step after `after`, skipping call-outcome steps whose condition
    /// does not hold and calls to a lead who prefers text.
    fn next_step(&self, state: &ConversationState, after: Option<&str>, now: DateTime<Utc>) -> Decision {
        let mut decision = Decision::default();
        let mut cursor = after.map(str::to_owned);
        let previous_was_call = after
            .and_then(|id| self.cadence.steps.iter().find(|s| s.id == id))
            .is_some_and(|s| s.action == StepAction::Call);
        while let Some((_, step)) = self.cadence.after(cursor.as_deref()) {
            if let Some(skip) = skip_reason(step, state, previous_was_call) {
                decision = decision.reason("step_skipped", format!("{}: {skip}", step.id));
                cursor = Some(step.id.clone());
                continue;
            }
            decision.schedule.push(Planned {
                step: step.id.clone(),
                action: step.action,
                template: step.template.clone(),
                due_at: now + chrono::Duration::seconds(step.delay_secs),
                lead_requested: false,
            });
            return decision.reason("cadence_step", format!("{} in {} s", step.id, step.delay_secs));
        }
        decision.reason("cadence_finished", "no steps left")
    }

    /// Judges a due action at `now`.
    pub fn on_due(
        &self,
        lead: &LeadContext,
        state: &ConversationState,
        planned: &Planned,
        now: DateTime<Utc>,
    ) -> DueDecision {
        let is_cadence_step = planned.step != ESCALATION_STEP;
        if let Some(why) = self.stop_reason(state).filter(|_| is_cadence_step) {
            let reasons =
                vec![Reason { rule: "cadence_stopped".into(), passed: false, detail: why.into(), inputs: Map::new() }];
            return DueDecision {
                verdict: Verdict::Blocked,
                at: None,
                gate: None,
                record: record(planned, Verdict::Blocked, reasons, None),
            };
        }
        let gate = self.gate.check(lead, state, &planned.contact(), now);
        let at = if gate.verdict == Verdict::Blocked { None } else { gate.at };
        let next = (gate.verdict == Verdict::Rescheduled).then_some(gate.at).flatten();
        let record = record(planned, gate.verdict, gate.reasons.clone(), next);
        DueDecision { verdict: gate.verdict, at, gate: Some(gate), record }
    }
}

/// Why the SMS agent must not answer, if it must not: the lead opted out, or a person has the
/// conversation.
pub fn agent_silenced(state: &ConversationState) -> Option<&'static str> {
    if state.opted_out() || state.status == Some(ConversationStatus::Dnc) {
        return Some("opted out");
    }
    if state.handoff.is_some() {
        return Some("handed to a person");
    }
    None
}

fn record(
    planned: &Planned,
    verdict: Verdict,
    mut reasons: Vec<Reason>,
    next_allowed_at: Option<DateTime<Utc>>,
) -> Event {
    let mut inputs = Map::new();
    inputs.insert("step".into(), Value::String(planned.step.clone()));
    inputs.insert("due_at".into(), Value::String(planned.due_at.to_rfc3339()));
    reasons
        .insert(0, Reason { rule: "planned".into(), passed: true, detail: format!("step {}", planned.step), inputs });
    Event::DecisionRecorded {
        action: planned.kind(),
        channel: Some(planned.action.channel()),
        verdict,
        reasons,
        next_allowed_at,
    }
}

fn skip_reason(step: &Step, state: &ConversationState, previous_was_call: bool) -> Option<String> {
    if step.action == StepAction::Call && state.text_only {
        return Some("the lead asked not to be called".into());
    }
    if let Some(outcomes) = &step.after_call {
        let last = state.calls.last_outcome.filter(|_| previous_was_call);
        if last.is_none_or(|o| !outcomes.contains(&o)) {
            return Some(format!("runs after a call that ended {outcomes:?}; last call: {last:?}"));
        }
    }
    if step.action == StepAction::Call && state.consent.get(&Channel::Voice).is_none_or(|c| !c.granted()) {
        return Some("no voice consent".into());
    }
    None
}

/// A callback time the lead gave (`callback_time` fact, RFC 3339).
fn requested_time(state: &ConversationState) -> Option<DateTime<Utc>> {
    let slot = domain::Slot::parse("callback_time").ok()?;
    let value = state.facts.get(&slot)?.value.as_str()?;
    DateTime::parse_from_rfc3339(value).ok().map(|t| t.with_timezone(&Utc))
}
