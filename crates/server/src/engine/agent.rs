//! The SMS agent's turn. The router schedules an `sms_agent_reply` timer at the end of the
//! campaign's batching window after a lead's first unanswered message; when it fires, this
//! reads every message since the agent last answered, asks the gate (an answer is still a
//! contact), and has the agent answer the whole burst once:
//!
//! - **Built-in** (`nlu::agent`, pure): intent, slots, one qualification question at a time,
//!   booking, handoff triggers.
//! - **Webhook**: the campaign's URL gets the context (lead, summary, facts, new messages) and
//!   answers `{reply, facts, intent, handoff}`; on timeout or error the built-in agent answers
//!   instead and the timeline says why.
//!
//! The answer (facts, intent, disclosure, handoff, status, the reply in the outbox and
//! `agent_replied`) is appended with the timer's release in one transaction. The first AI
//! message identifies the sender and, where the campaign says so, that it is automated,
//! whichever agent wrote it: the infrastructure enforces it, not the agent.
//!
//! Out of hours (the gate reschedules because of the contact window only), the lead gets the
//! campaign's `after_hours` auto-reply at once and the agent's real answer when the window
//! opens.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};
use domain::vocab::{ActionKind, ConversationStatus, DisclosureKind, MessageSource, Role, Verdict};
use domain::{Campaign, Channel, Event, EventRecord, MessageId, NewEvent, Reason, Seq, Slot};
use nlu::agent::{AgentConfig, Close, Disclosure, Memory, Turn};
use policy::{Contact, Gate};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use store::{AppendRequest, Completion, NewOutbox, Queue, ScheduledAction, StoreError};

use super::outbox::{MessageMeta, message_row};
use super::{Engine, EngineError, OUTBOX_TOPIC};

/// The after-hours auto-reply goes only to a message this fresh: a reply hours later is not a
/// reply.
const AUTO_REPLY_WITHIN_MINUTES: i64 = 10;
/// Longest reply accepted from a webhook agent (ten segments).
const MAX_REPLY_CHARS: usize = 1_600;

/// The agent's memory and the burst it must answer now.
#[derive(Debug, Default)]
pub struct Reading {
    /// The agent's memory.
    pub memory: Memory,
    /// Unanswered messages (not keywords), oldest first.
    pub burst: Vec<(Seq, String)>,
}

/// The agent's memory, from the folded state (facts and its own past turns).
pub fn memory(state: &domain::ConversationState) -> Memory {
    let a = &state.agent;
    Memory {
        facts: state
            .facts
            .iter()
            .map(|(slot, f)| {
                (slot.as_str().to_owned(), f.value.as_str().map_or_else(|| f.value.to_string(), str::to_owned))
            })
            .collect(),
        ai_messages: a.replies,
        asked: a.asked.clone(),
        offered: a.offered.iter().filter_map(|t| local(t)).collect(),
        booked: a.booked.as_deref().and_then(local),
        unclear_streak: a.unclear_streak,
        pricing_asks: a.pricing_asks,
    }
}

/// The unanswered messages among `tail` (the events after the agent's last answer).
pub fn burst(tail: &[EventRecord]) -> Vec<(Seq, String)> {
    tail.iter()
        .filter_map(|r| match &r.event {
            Event::SmsReceived { body, keyword: None, .. } => Some((r.seq, body.clone())),
            _ => None,
        })
        .collect()
}

fn local(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
}

fn local_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The built-in agent's configuration for a campaign: persona and disclosure from the
/// campaign, questions, availability and team from `agent` (defaults where absent). A value
/// that does not parse is refused when the campaign is created.
pub fn config(campaign: &Campaign) -> Result<AgentConfig, domain::ValidationError> {
    let extra = &campaign.agent.extra;
    fn field<T: serde::de::DeserializeOwned>(
        extra: &serde_json::Map<String, Value>,
        name: &str,
    ) -> Result<Option<T>, domain::ValidationError> {
        extra
            .get(name)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|e| {
                    domain::ValidationError::new(
                        format!("agent.{name}"),
                        "invalid_field",
                        domain::validation::redact_serde_message(&e.to_string()),
                    )
                })
            })
            .transpose()
    }
    let mut config = identity(campaign);
    if let Some(questions) = field(extra, "questions")? {
        config.questions = questions;
    }
    if let Some(availability) = field(extra, "availability")? {
        config.availability = availability;
    }
    if let Some(team) = field(extra, "team")? {
        config.team = team;
    }
    Ok(config)
}

/// The campaign's persona and disclosure with the default questions, availability and team:
/// what a campaign whose tuning does not parse (one stored before it was checked) gets.
pub fn identity(campaign: &Campaign) -> AgentConfig {
    AgentConfig {
        persona: campaign.persona.name.clone(),
        company: campaign.persona.company.clone(),
        disclose_ai: campaign.agent.discloses_ai(),
        ..AgentConfig::default()
    }
}

/// A revocation the agent read, and whose burst it was.
struct Revoked<'a> {
    campaign: &'a Campaign,
    lead: &'a domain::Lead,
    messages: &'a [String],
    answered_through: Seq,
    agent: &'a str,
}

/// What the campaign's webhook agent is sent.
#[derive(Debug, Serialize)]
struct WebhookContext<'a> {
    conversation_id: domain::ConversationId,
    lead: Value,
    campaign: Value,
    summary: domain::summary::TransferSummary,
    facts: &'a BTreeMap<String, String>,
    messages: Vec<Value>,
    first_ai_message: bool,
}

/// What a webhook agent answers. Every field is optional.
#[derive(Debug, Default, Deserialize)]
struct WebhookAnswer {
    #[serde(default)]
    reply: Option<String>,
    #[serde(default)]
    facts: BTreeMap<String, Value>,
    #[serde(default)]
    intent: Option<String>,
    #[serde(default)]
    handoff: Option<Value>,
}

impl WebhookAnswer {
    fn into_turn(self, understood: &Turn) -> Turn {
        let facts =
            self.facts.into_iter().map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned))).collect();
        let handoff = match self.handoff {
            Some(Value::Bool(true)) => Some("the agent asked for a person".to_owned()),
            Some(Value::String(reason)) if !reason.trim().is_empty() => Some(reason),
            _ => None,
        };
        let reply =
            self.reply.map(|r| r.trim().chars().take(MAX_REPLY_CHARS).collect::<String>()).filter(|r| !r.is_empty());
        Turn {
            reply,
            intent: understood.intent,
            confidence: understood.confidence,
            timeline_intent: self.intent.or_else(|| understood.timeline_intent.clone()),
            facts,
            callback_at: understood.callback_at,
            asked: None,
            offered: vec![],
            booked: None,
            handoff,
            disclosure: None,
            close: None,
        }
    }
}

impl Engine {
    /// Runs one agent turn for a claimed `sms_agent_reply` timer. The turn reads only the
    /// folded state and the events since the agent last answered, and appends without waiting
    /// for the timeline to stand still: a message that lands meanwhile is answered by the next
    /// turn, which the router schedules when it sees this one's `agent_replied`.
    pub(super) async fn agent_turn(&self, action: &ScheduledAction) -> Result<(), EngineError> {
        let conversation = action.conversation_id;
        let current = self.states.current(self.app.store.as_ref(), conversation).await?;
        let state = &current.state;
        let now = self.app.clock.now();
        let finish = |completion| Some(self.finish(Queue::Timers, action.id, completion));
        let request = if !state.pending.contains_key(&action.id) {
            AppendRequest { finish: finish(Completion::Done), ..Default::default() }
        } else if let Some(why) = policy::router::agent_silenced(state) {
            let cancelled = Event::ActionCancelled { action_id: action.id, reason: format!("agent silent: {why}") };
            AppendRequest {
                events: vec![NewEvent::new(now, cancelled)],
                finish: finish(Completion::Done),
                ..Default::default()
            }
        } else {
            let tail = self.app.store.events_since(conversation, state.agent.answered_through).await?;
            let reading = Reading { memory: memory(state), burst: burst(&tail) };
            if reading.burst.is_empty() {
                let executed = self.executed(action, now, "nothing to answer");
                AppendRequest { events: vec![executed], finish: finish(Completion::Done), ..Default::default() }
            } else {
                let loaded =
                    store::Loaded { conversation: current.conversation.clone(), timeline: tail, state: state.clone() };
                self.answer(action, &loaded, reading, now).await?
            }
        };
        let enqueued = !request.outbox.is_empty();
        let moved = match &request.finish {
            Some(store::Finish { completion: Completion::Retry { at, .. }, .. }) => Some(*at),
            _ => None,
        };
        self.app.append(conversation, request).await?;
        if enqueued {
            self.wake(OUTBOX_TOPIC).await;
        }
        if let Some(at) = moved {
            let _ = self.app.hot.index_timer(action.id, at).await;
        }
        Ok(())
    }

    fn executed(&self, action: &ScheduledAction, now: DateTime<Utc>, outcome: &str) -> NewEvent {
        NewEvent::new(
            now,
            Event::ActionExecuted {
                action_id: action.id,
                kind: ActionKind::SmsAgentReply,
                outcome: outcome.into(),
                step: None,
            },
        )
    }

    /// The gate, then the agent: what this turn appends.
    async fn answer(
        &self,
        action: &ScheduledAction,
        loaded: &store::Loaded,
        reading: Reading,
        now: DateTime<Utc>,
    ) -> Result<AppendRequest, EngineError> {
        let state = &loaded.state;
        let lead = self.app.store.lead(loaded.conversation.lead_id).await?.ok_or(StoreError::NotFound("lead"))?;
        let runtime = self.campaign(loaded.conversation.campaign_id).await?;
        let campaign = &runtime.campaign;
        let ctx = crate::engine::lead_context(&lead);
        let reply_contact =
            Contact { channel: Channel::Sms, automated: true, conversational: true, lead_requested: false };
        let gate = Gate { rules: &self.rules, campaign: &runtime.policy }.check(&ctx, state, &reply_contact, now);
        let finish = |completion| Some(self.finish(Queue::Timers, action.id, completion));
        let decision = |verdict, mut reasons: Vec<Reason>, extra: Option<Reason>, next| {
            reasons.extend(extra);
            Event::DecisionRecorded {
                action: ActionKind::SmsAgentReply,
                channel: Some(Channel::Sms),
                verdict,
                reasons,
                next_allowed_at: next,
            }
        };
        match gate.verdict {
            Verdict::Blocked => {
                let failed: Vec<String> = gate.reasons.iter().filter(|r| !r.passed).map(|r| r.rule.clone()).collect();
                let events = vec![
                    NewEvent::new(now, decision(Verdict::Blocked, gate.reasons.clone(), None, None)),
                    NewEvent::new(
                        now,
                        Event::ActionCancelled {
                            action_id: action.id,
                            reason: format!("blocked by the gate: {}", failed.join(", ")),
                        },
                    ),
                ];
                return Ok(AppendRequest { events, finish: finish(Completion::Done), ..Default::default() });
            }
            Verdict::Rescheduled => {
                let at = gate.at.unwrap_or(now + chrono::Duration::hours(1));
                let only_hours = gate.reasons.iter().filter(|r| !r.passed).all(|r| r.rule == "contact_window");
                let last_message_at =
                    loaded.timeline.iter().rev().find(|r| matches!(r.event, Event::SmsReceived { .. })).map(|r| r.at);
                let fresh =
                    last_message_at.is_some_and(|t| now - t <= chrono::Duration::minutes(AUTO_REPLY_WITHIN_MINUTES));
                let mut outbox = Vec::new();
                let mut extra = None;
                if only_hours && fresh {
                    let first_name = state.lead.as_ref().map_or("", |l| l.first_name.as_str());
                    if let Some(body) = campaign.render("after_hours", first_name) {
                        let meta = MessageMeta {
                            source: MessageSource::System,
                            purpose: "after_hours".into(),
                            transactional: true,
                        };
                        let key = format!("{}:{}:after_hours", loaded.conversation.id, action.id);
                        outbox.extend(message_row(campaign, &lead.lead.phone, body, meta, key, now));
                        extra = Some(Reason {
                            rule: "after_hours_reply".into(),
                            passed: true,
                            detail:
                                "outside the contact window: the campaign's after-hours reply answers the lead's own \
                                     message now; the agent answers when the window opens"
                                    .into(),
                            inputs: serde_json::Map::new(),
                        });
                    }
                }
                let moved = Event::ActionScheduled {
                    action_id: action.id,
                    kind: ActionKind::SmsAgentReply,
                    channel: Some(Channel::Sms),
                    due_at: at,
                    idempotency_key: format!("{}:agent:{}", loaded.conversation.id, at.timestamp()),
                    step: None,
                };
                let events = vec![
                    NewEvent::new(now, decision(Verdict::Rescheduled, gate.reasons.clone(), extra, Some(at))),
                    NewEvent::new(now, moved),
                ];
                let completion = Completion::Retry { at, error: "outside the contact window".into() };
                return Ok(AppendRequest { events, outbox, finish: finish(completion), ..Default::default() });
            }
            Verdict::Allowed => {}
        }
        let allowed = decision(Verdict::Allowed, gate.reasons.clone(), None, None);
        let zone = policy::place(&ctx).zones.first().map_or(chrono_tz::America::New_York, |z| *z);
        let local_now = now.with_timezone(&zone).naive_local();
        let first_name = state.lead.as_ref().map_or(String::new(), |l| l.first_name.clone());
        let messages: Vec<String> = reading.burst.iter().map(|(_, t)| t.clone()).collect();
        let config = &runtime.agent;
        let input = nlu::agent::Input {
            first_name: &first_name,
            now: local_now,
            messages: &messages,
            memory: &reading.memory,
            // The burst holds only messages recorded without a keyword: `sms::inbound::command`
            // read each alone as it arrived and found no revocation.
            screened: true,
        };
        let builtin = nlu::agent::respond(config, &input);
        let (mut turn, agent, fallback) = match (campaign.agent.mode, campaign.agent.url.as_deref()) {
            (domain::campaign::AgentMode::Webhook, Some(url)) => {
                match self.ask_webhook(url, campaign, loaded, &lead.lead, &reading, &builtin).await {
                    Ok(turn) => (turn, "webhook", None),
                    Err(why) => {
                        tracing::warn!(conversation_id = %loaded.conversation.id, reason = %why, "webhook agent failed; built-in agent answers");
                        (builtin.clone(), "builtin", Some(why))
                    }
                }
            }
            _ => (builtin.clone(), "builtin", None),
        };
        if agent == "webhook" {
            enforce_disclosure(&mut turn, config, &first_name, reading.memory.ai_messages == 0, &builtin);
        }
        let answered_through = reading.burst.last().map_or(Seq(0), |(s, _)| *s);
        if turn.intent == nlu::Intent::OptOut || turn.timeline_intent.as_deref() == Some("opt_out") {
            // The burst as a whole reads as a revocation (no single message did, or a webhook
            // agent said so): honoured like a keyword, with the one confirmation.
            let revoked = Revoked { campaign, lead: &lead.lead, messages: &messages, answered_through, agent };
            return Ok(self.revoked_by_agent(action, loaded, revoked, now));
        }
        let mut events = vec![NewEvent::new(now, allowed)];
        let at = now;
        let fact = |slot: &str, value: Value, confidence| {
            Slot::parse(slot).ok().map(|slot| {
                NewEvent::new(
                    at,
                    Event::FactLearned {
                        slot,
                        value,
                        confidence: Some(confidence),
                        source_turn: Some(answered_through),
                    },
                )
            })
        };
        // A callback time is recorded once, as an instant (the router reads it as RFC 3339).
        let instant = turn.callback_at.is_some();
        for (slot, value) in turn.facts.iter().filter(|(slot, _)| !(instant && slot.as_str() == "callback_time")) {
            events.extend(fact(slot, Value::String(value.clone()), turn.confidence.max(0.5)));
        }
        if let Some(when) = turn.callback_at.and_then(|t| zone.from_local_datetime(&t).earliest()) {
            events.extend(fact("callback_time", Value::String(when.with_timezone(&Utc).to_rfc3339()), 0.8));
        }
        if let Some(reason) = &turn.handoff {
            events.push(NewEvent::new(at, Event::HandoffRequested { reason: reason.clone(), by: Role::Ai }));
        }
        if let Some(intent) = &turn.timeline_intent {
            events.push(NewEvent::new(
                at,
                Event::IntentDetected {
                    intent: intent.clone(),
                    confidence: Some(turn.confidence),
                    channel: Some(Channel::Sms),
                },
            ));
        }
        let status = match (turn.close, turn.booked) {
            (Some(Close::WrongNumber), _) => Some((ConversationStatus::Disqualified, "wrong number")),
            (Some(Close::NotInterested), _) => Some((ConversationStatus::Completed, "not interested")),
            (None, Some(_)) => Some((ConversationStatus::Qualified, "booked")),
            _ => None,
        };
        if let Some((status, note)) = status {
            events.push(NewEvent::new(
                at,
                Event::StatusChanged { status, by: "sms_agent".into(), note: Some(note.into()) },
            ));
        }
        let mut outbox: Vec<NewOutbox> = Vec::new();
        let mut message_id = None;
        if let Some(reply) = &turn.reply {
            let meta =
                MessageMeta { source: MessageSource::SmsAgent, purpose: "sms_agent".into(), transactional: false };
            let key = format!("{}:{}:agent", loaded.conversation.id, action.id);
            if let Some(row) = message_row(campaign, &lead.lead.phone, reply.clone(), meta, key, now) {
                message_id = Some(MessageId::from_uuid(row.id.as_uuid()));
                outbox.push(row);
            }
            if let (Some(kind), Some(_)) = (turn.disclosure, message_id) {
                let kind = match kind {
                    Disclosure::Identification => DisclosureKind::SmsIdentification,
                    Disclosure::BotQuestion => DisclosureKind::BotQuestion,
                };
                events.push(NewEvent::new(
                    at,
                    Event::DisclosureRecorded {
                        channel: Channel::Sms,
                        kind,
                        text: reply.clone(),
                        call_id: None,
                        started_ms: None,
                        ended_ms: None,
                        complete: true,
                    },
                ));
            }
        }
        events.push(NewEvent::new(
            at,
            Event::AgentReplied {
                agent: agent.into(),
                answered_through,
                intent: Some(turn.intent.as_str().to_owned()),
                asked: turn.asked.clone(),
                offered: turn.offered.iter().copied().map(local_text).collect(),
                booked: turn.booked.map(local_text),
                fallback,
                message_id,
            },
        ));
        events.push(self.executed(action, now, if message_id.is_some() { "answered" } else { "silent" }));
        Ok(AppendRequest { events, outbox, finish: finish(Completion::Done), ..Default::default() })
    }

    /// What an agent turn that reads a revocation appends.
    fn revoked_by_agent(
        &self,
        action: &ScheduledAction,
        loaded: &store::Loaded,
        revoked: Revoked<'_>,
        now: DateTime<Utc>,
    ) -> AppendRequest {
        let Revoked { campaign, lead, messages, answered_through, agent } = revoked;
        let finish = Some(self.finish(Queue::Timers, action.id, Completion::Done));
        let mut request = AppendRequest { finish, ..Default::default() };
        crate::sms::inbound::revoke(&mut request, &loaded.state, messages.join(" / "), "sms_agent", now);
        if let Some(body) = campaign.render("opt_out_confirmation", &lead.first_name) {
            let purpose = "opt_out_confirmation".to_owned();
            let meta = MessageMeta { source: MessageSource::System, purpose, transactional: true };
            let key = format!("{}:{}:opt_out", loaded.conversation.id, action.id);
            request.outbox.extend(message_row(campaign, &lead.phone, body, meta, key, now));
        }
        request.events.push(NewEvent::new(
            now,
            Event::AgentReplied {
                agent: agent.into(),
                answered_through,
                intent: Some("opt_out".into()),
                asked: None,
                offered: vec![],
                booked: None,
                fallback: None,
                message_id: None,
            },
        ));
        request
    }

    /// Asks the campaign's webhook agent, within its timeout.
    async fn ask_webhook(
        &self,
        url: &str,
        campaign: &Campaign,
        loaded: &store::Loaded,
        lead: &domain::Lead,
        reading: &Reading,
        understood: &Turn,
    ) -> Result<Turn, String> {
        let context = WebhookContext {
            conversation_id: loaded.conversation.id,
            lead: json!({"lead_id": lead.id, "first_name": lead.first_name, "last_name": lead.last_name,
                         "phone": lead.phone.as_str(), "timezone": lead.timezone, "state": lead.state}),
            campaign: json!({"id": campaign.id, "name": campaign.name, "persona": campaign.persona}),
            summary: domain::summary::TransferSummary::build(&loaded.state),
            facts: &reading.memory.facts,
            messages: reading.burst.iter().map(|(seq, text)| json!({"seq": seq, "text": text})).collect(),
            first_ai_message: reading.memory.ai_messages == 0,
        };
        let timeout = Duration::from_millis(u64::from(
            campaign.agent.timeout_ms.unwrap_or(domain::campaign::DEFAULT_AGENT_TIMEOUT_MS),
        ));
        let response = self.http.post(url).timeout(timeout).json(&context).send().await.map_err(|e| {
            if e.is_timeout() {
                format!("timed out after {} ms", timeout.as_millis())
            } else {
                "could not reach the agent".to_owned()
            }
        })?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("answered HTTP {}", status.as_u16()));
        }
        let answer: WebhookAnswer =
            response.json().await.map_err(|_| "answered something that is not the agent JSON".to_owned())?;
        Ok(answer.into_turn(understood))
    }
}

/// The first AI message names the sender (and that it is automated, if the campaign says so)
/// and says how to opt out; a question about being a bot is answered truthfully. A webhook
/// agent's reply that does not is amended here.
fn enforce_disclosure(turn: &mut Turn, config: &AgentConfig, first_name: &str, first: bool, understood: &Turn) {
    let Some(reply) = turn.reply.clone() else { return };
    let lower = reply.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let says = |phrase: &str| {
        let wanted: Vec<&str> = phrase.split_whitespace().collect();
        !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    };
    let automated = ["automated", "assistant", "ai", "bot", "virtual"].iter().any(|w| says(w));
    let mut text = reply;
    if first {
        let names = says(&config.company.to_lowercase()) && says(&config.persona.to_lowercase());
        if !names || (config.disclose_ai && !automated) {
            let what = if config.disclose_ai { ", an automated assistant" } else { "" };
            text = format!("Hi {first_name}, this is {} with {}{what}. {text}", config.persona, config.company);
        }
        if !says("stop") {
            text.push_str(" Reply STOP to opt out.");
        }
        turn.disclosure = Some(Disclosure::Identification);
    }
    if understood.disclosure == Some(Disclosure::BotQuestion) {
        if !automated {
            text.push_str(&format!(
                " (You're chatting with {}, an automated assistant for {}.)",
                config.persona, config.company
            ));
        }
        turn.disclosure = Some(Disclosure::BotQuestion);
    }
    turn.reply = Some(text);
}
