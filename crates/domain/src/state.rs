//! `ConversationState`: everything a channel needs to know before it acts, as a pure fold over
//! the timeline. Bounded: recent lines and open questions are capped so state stays small no
//! matter how long the conversation runs.

use std::collections::{BTreeMap, HashMap, VecDeque};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::event::{Event, EventRecord, LeadSnapshot};
use crate::facts::Slot;
use crate::ids::{ActionId, CallId, ConsentId, MessageId, Seq};
use crate::vocab::{
    ActionKind, AnsweredBy, CallOutcome, Channel, ConsentKind, ConversationStatus, DeliveryStatus, DisclosureKind,
    MessageSource, Role, Stage,
};

/// Outbound attempts kept for caps. The largest cap in use is a few per month; 128 covers any
/// sane cap with room to spare while keeping the state small.
pub const OUTBOUND_HISTORY: usize = 128;
/// Intents meaning "text me, don't call".
pub const TEXT_ONLY_INTENTS: [&str; 1] = ["text_only"];
/// Intents meaning "call me" (they also lift a text-only preference). `schedule` is not one:
/// a lead proposing a time is answered by the SMS agent's booking, not by an immediate call.
pub const CALL_INTENTS: [&str; 1] = ["callback_request"];
/// Lines kept for summaries and agents; older ones stay in the timeline.
pub const RECENT_LINES: usize = 20;
/// Cleared bot marks remembered, so a transcript line posted after its audio was cleared is
/// still folded as not heard (a bot posts a line within seconds of speaking it).
pub const CLEARED_MARKS: usize = 64;
/// Unanswered questions kept.
pub const OPEN_QUESTIONS: usize = 5;

/// The timeline was not in order: an event's seq was not the one after the last.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event seq {got} does not follow {last}")]
pub struct FoldError {
    /// The last applied seq.
    pub last: Seq,
    /// The seq offered.
    pub got: Seq,
}

/// A fact and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactEntry {
    /// Value.
    pub value: Value,
    /// 0..1.
    pub confidence: Option<f32>,
    /// Event that set it.
    pub seq: Seq,
    /// When.
    pub at: DateTime<Utc>,
}

/// One line of the conversation, from any channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Event.
    pub seq: Seq,
    /// When.
    pub at: DateTime<Utc>,
    /// Where.
    pub channel: Channel,
    /// Who.
    pub role: Role,
    /// What.
    pub text: String,
    /// Whether the lead heard it (voice lines cut off by barge-in are not).
    pub heard: bool,
    /// The bot's mark after the line's audio, on voice lines that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// The call the line was said on (marks are named per call: bots reuse "m1").
    #[serde(skip)]
    pub call: Option<CallId>,
}

/// Consent standing on one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ChannelConsent {
    /// Ledger rows currently in force.
    pub active: Vec<ConsentId>,
    /// Strongest kind among them.
    pub kind: Option<ConsentKind>,
    /// Last revocation on this channel.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl ChannelConsent {
    /// Some consent row is in force.
    pub fn granted(&self) -> bool {
        !self.active.is_empty()
    }

    /// Consent existed and was revoked, with nothing granted since.
    pub fn revoked(&self) -> bool {
        !self.granted() && self.revoked_at.is_some()
    }
}

/// How the AI identified itself so far.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct DisclosureState {
    /// Channels where a disclosure was recorded in full.
    pub channels: Vec<Channel>,
    /// Kinds recorded.
    pub kinds: Vec<DisclosureKind>,
    /// Latest disclosure.
    pub last_at: Option<DateTime<Utc>>,
    /// A voice disclosure that did not play in full.
    pub incomplete: u32,
}

/// Call counters.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CallStats {
    /// Attempts.
    pub placed: u32,
    /// Calls the lead made to us.
    pub received: u32,
    /// Answered by a person.
    pub human: u32,
    /// Went to voicemail.
    pub voicemail: u32,
    /// Rang out, busy or failed.
    pub unanswered: u32,
    /// The call in progress, if any.
    pub active: Option<CallId>,
    /// Outcome of the latest finished call.
    pub last_outcome: Option<CallOutcome>,
}

/// SMS counters.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct SmsStats {
    /// Sent by us.
    pub sent: u32,
    /// Of those, not replies written by people (counts toward marketing caps).
    pub automated: u32,
    /// Received.
    pub received: u32,
    /// Failed or undelivered.
    pub failed: u32,
}

/// Where the hand-off to a human stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HandoffState {
    /// Why it was asked.
    pub reason: String,
    /// When.
    pub requested_at: DateTime<Utc>,
    /// The agent who accepted.
    pub accepted_by: Option<String>,
    /// Agents who declined.
    pub declined_by: Vec<String>,
}

/// One outbound contact attempt, for caps and the channel gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attempt {
    /// Channel.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
    /// Counts toward marketing caps (cadence and API sends; not replies written by the SMS agent or a person).
    pub marketing: bool,
}

/// The latest recognised intent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntentSeen {
    /// snake_case label.
    pub intent: String,
    /// 0..1.
    pub confidence: Option<f32>,
    /// When it was recognised.
    pub at: DateTime<Utc>,
}

/// A timer that has not fired or been cancelled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PendingAction {
    /// What.
    pub kind: ActionKind,
    /// The cadence step, if it is one.
    pub step: Option<String>,
    /// Where.
    pub channel: Option<Channel>,
    /// When.
    pub due_at: DateTime<Utc>,
}

/// Everything known about a conversation, derived only from its events.
/// What the SMS agent has done, from its `agent_replied` events: enough for its next turn
/// without re-reading the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct AgentState {
    /// The latest message from the lead the agent should answer (not a keyword).
    pub last_message: Seq,
    /// The last message the agent has answered.
    pub answered_through: Seq,
    /// Replies it sent.
    pub replies: u32,
    /// Slots it asked about, oldest first (bounded).
    pub asked: Vec<String>,
    /// Slots of its open booking offer, lead-local.
    pub offered: Vec<String>,
    /// The slot booked, lead-local.
    pub booked: Option<String>,
    /// Turns in a row it did not understand.
    pub unclear_streak: u32,
    /// Turns about pricing.
    pub pricing_asks: u32,
}

impl AgentState {
    /// The lead has said something the agent has not answered yet.
    pub fn owes_answer(&self) -> bool {
        self.last_message > self.answered_through
    }
}

/// Slots remembered as asked.
const ASKED_KEPT: usize = 32;

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ConversationState {
    /// Last applied event.
    pub last_seq: Seq,
    /// Who (from `lead_created`).
    pub lead: Option<LeadSnapshot>,
    /// Operator status.
    pub status: Option<ConversationStatus>,
    /// Qualification facts, latest value per slot.
    pub facts: BTreeMap<Slot, FactEntry>,
    /// The channel the conversation started on (our first touch or the lead's first message).
    pub first_channel: Option<Channel>,
    /// Channels used, in order of first use.
    pub channels_used: Vec<Channel>,
    /// Latest intent and its confidence.
    pub intent: Option<IntentSeen>,
    /// The last lines said or written, oldest first.
    pub recent: VecDeque<Line>,
    /// Questions the lead asked that nobody has answered yet.
    pub open_questions: VecDeque<String>,
    /// The bot's most recent cleared marks with their calls (see [`CLEARED_MARKS`]).
    #[serde(skip)]
    pub cleared_marks: VecDeque<(CallId, String)>,
    /// Consent per channel.
    pub consent: BTreeMap<Channel, ChannelConsent>,
    /// AI disclosure.
    pub disclosure: DisclosureState,
    /// Calls.
    pub calls: CallStats,
    /// Messages.
    pub sms: SmsStats,
    /// Delivery status per message (only moves forward).
    #[serde(skip)]
    pub message_status: HashMap<MessageId, DeliveryStatus>,
    /// Hand-off, if asked.
    pub handoff: Option<HandoffState>,
    /// Timers in force.
    pub pending: BTreeMap<ActionId, PendingAction>,
    /// The cadence step most recently scheduled: the router continues after it.
    pub cadence_cursor: Option<String>,
    /// Cadence steps run, in order, with when.
    pub steps_run: Vec<(String, DateTime<Utc>)>,
    /// The lead asked not to be called ("text me, don't call").
    pub text_only: bool,
    /// Recent outbound attempts, oldest first (at most `OUTBOUND_HISTORY`).
    pub outbound: VecDeque<Attempt>,
    /// Last outbound touch per channel (for the channel gap rule).
    pub last_outbound: BTreeMap<Channel, DateTime<Utc>>,
    /// Last time the lead reached us, per channel.
    pub last_inbound: BTreeMap<Channel, DateTime<Utc>>,
    /// Time of the latest event.
    pub updated_at: Option<DateTime<Utc>>,
    /// The SMS agent's memory.
    pub agent: AgentState,
}

impl ConversationState {
    /// Folds a whole timeline.
    pub fn fold<'a>(records: impl IntoIterator<Item = &'a EventRecord>) -> Result<Self, FoldError> {
        let mut state = Self::default();
        for record in records {
            state.apply(record)?;
        }
        Ok(state)
    }

    /// Applies the next event. Refuses an event out of sequence, so a state is always the fold
    /// of a gap-free prefix of the timeline.
    pub fn apply(&mut self, record: &EventRecord) -> Result<(), FoldError> {
        if record.seq != self.last_seq.next() {
            return Err(FoldError { last: self.last_seq, got: record.seq });
        }
        self.last_seq = record.seq;
        self.updated_at = Some(record.at);
        let at = record.at;
        match &record.event {
            Event::LeadCreated { lead } => {
                self.lead = Some(lead.clone());
                self.status.get_or_insert(ConversationStatus::InProgress);
            }
            Event::SmsSent { message_id, body, source, transactional, .. } => {
                let marketing = !transactional && !matches!(source, MessageSource::Manual | MessageSource::SmsAgent);
                self.touch_outbound(Channel::Sms, at, marketing);
                self.sms.sent += 1;
                if marketing {
                    self.sms.automated += 1;
                }
                // A carrier's callback can beat the outbox's record of the send.
                self.message_status.entry(*message_id).or_insert(DeliveryStatus::Queued);
                let role = if *source == MessageSource::Manual { Role::Agent } else { Role::Ai };
                self.push_line(record.seq, at, Channel::Sms, role, body, true);
            }
            Event::SmsReceived { body, keyword, .. } => {
                if keyword.is_none() {
                    self.agent.last_message = record.seq;
                }
                self.sms.received += 1;
                self.use_channel(Channel::Sms);
                self.last_inbound.insert(Channel::Sms, at);
                self.push_line(record.seq, at, Channel::Sms, Role::Lead, body, true);
            }
            Event::SmsStatus { message_id, status, .. } => {
                let current = self.message_status.get(message_id).copied();
                if current.is_none_or(|c| status.rank() > c.rank()) {
                    self.message_status.insert(*message_id, *status);
                    if matches!(status, DeliveryStatus::Failed | DeliveryStatus::Undelivered) {
                        self.sms.failed += 1;
                    }
                }
            }
            Event::CallPlaced { call_id, .. } => {
                self.touch_outbound(Channel::Voice, at, true);
                self.calls.placed += 1;
                self.calls.active = Some(*call_id);
            }
            Event::CallReceived { call_id, .. } => {
                // The lead reaching out: voice is in use and the lead has answered, but it is no
                // contact attempt of ours (no cap, no window counts it).
                self.use_channel(Channel::Voice);
                self.last_inbound.insert(Channel::Voice, at);
                self.calls.received += 1;
                self.calls.active = Some(*call_id);
            }
            Event::CallAnswered { answered_by, .. } => {
                if *answered_by == AnsweredBy::Human {
                    self.last_inbound.insert(Channel::Voice, at);
                }
            }
            Event::CallEnded { call_id, outcome, .. } => {
                match outcome {
                    CallOutcome::Human => self.calls.human += 1,
                    CallOutcome::Voicemail => self.calls.voicemail += 1,
                    CallOutcome::NoAnswer | CallOutcome::Busy | CallOutcome::Failed => self.calls.unanswered += 1,
                }
                self.calls.last_outcome = Some(*outcome);
                if self.calls.active == Some(*call_id) {
                    self.calls.active = None;
                }
            }
            Event::TranscriptTurn { channel, role, text, heard, mark, call_id } => {
                self.use_channel(*channel);
                if *role == Role::Lead {
                    self.last_inbound.insert(*channel, at);
                }
                // A line whose audio was already cleared was never heard, whatever the bot says.
                // A mark names audio on one call; a line that names no call matches any.
                let cleared = mark.as_ref().is_some_and(|m| {
                    self.cleared_marks.iter().any(|(call, c)| c == m && call_id.is_none_or(|id| id == *call))
                });
                self.push_line(record.seq, at, *channel, *role, text, *heard && !cleared);
                if let Some(line) = self.recent.back_mut() {
                    line.mark.clone_from(mark);
                    line.call = *call_id;
                }
            }
            // Recorded for the audit and the timeline; nothing in the state depends on them.
            Event::DtmfReceived { .. } | Event::CallStreamFailed { .. } | Event::TransferStarted { .. } => {}
            Event::BotAudioCleared { call_id, marks, .. } => {
                for line in self.recent.iter_mut() {
                    if line.mark.as_ref().is_some_and(|m| marks.contains(m)) && line.call.is_none_or(|c| c == *call_id)
                    {
                        line.heard = false;
                    }
                }
                for mark in marks {
                    if self.cleared_marks.len() == CLEARED_MARKS {
                        self.cleared_marks.pop_front();
                    }
                    self.cleared_marks.push_back((*call_id, mark.clone()));
                }
            }
            Event::FactLearned { slot, value, confidence, .. } => {
                let entry = FactEntry { value: value.clone(), confidence: *confidence, seq: record.seq, at };
                self.facts.insert(slot.clone(), entry);
            }
            Event::IntentDetected { intent, confidence, .. } => {
                if TEXT_ONLY_INTENTS.contains(&intent.as_str()) {
                    self.text_only = true;
                } else if CALL_INTENTS.contains(&intent.as_str()) {
                    self.text_only = false;
                }
                self.intent = Some(IntentSeen { intent: intent.clone(), confidence: *confidence, at });
            }
            Event::ConsentGranted { consent_id, channel, kind, .. } => {
                let entry = self.consent.entry(*channel).or_default();
                entry.active.push(*consent_id);
                if entry.kind != Some(ConsentKind::ExpressWritten) {
                    entry.kind = Some(*kind);
                }
            }
            Event::ConsentRevoked { channel, consent_ids, .. } => {
                let channels: Vec<Channel> = match channel {
                    Some(c) => vec![*c],
                    None => Channel::ALL.to_vec(),
                };
                for c in channels {
                    let entry = self.consent.entry(c).or_default();
                    if consent_ids.is_empty() || channel.is_none() {
                        entry.active.clear();
                    } else {
                        entry.active.retain(|id| !consent_ids.contains(id));
                    }
                    if entry.active.is_empty() {
                        entry.kind = None;
                    }
                    entry.revoked_at = Some(at);
                }
            }
            Event::DisclosureRecorded { channel, kind, complete, .. } => {
                if *complete {
                    if !self.disclosure.channels.contains(channel) {
                        self.disclosure.channels.push(*channel);
                    }
                    if !self.disclosure.kinds.contains(kind) {
                        self.disclosure.kinds.push(*kind);
                    }
                    self.disclosure.last_at = Some(at);
                } else {
                    self.disclosure.incomplete += 1;
                }
            }
            Event::HandoffRequested { reason, .. } => {
                self.handoff = Some(HandoffState {
                    reason: reason.clone(),
                    requested_at: at,
                    accepted_by: None,
                    declined_by: vec![],
                });
            }
            Event::HandoffAccepted { agent } => {
                if let Some(h) = &mut self.handoff {
                    h.accepted_by = Some(agent.clone());
                }
            }
            Event::HandoffDeclined { agent, .. } => {
                if let Some(h) = &mut self.handoff {
                    h.declined_by.push(agent.clone());
                }
            }
            Event::StatusChanged { status, .. } => self.status = Some(*status),
            Event::ActionScheduled { action_id, kind, channel, due_at, step, .. } => {
                if step.is_some() {
                    self.cadence_cursor.clone_from(step);
                }
                let pending = PendingAction { kind: *kind, step: step.clone(), channel: *channel, due_at: *due_at };
                self.pending.insert(*action_id, pending);
            }
            Event::ActionCancelled { action_id, .. } => {
                self.pending.remove(action_id);
            }
            Event::ActionExecuted { action_id, step, .. } => {
                self.pending.remove(action_id);
                if let Some(step) = step {
                    self.steps_run.push((step.clone(), at));
                }
            }
            Event::AgentReplied { answered_through, intent, asked, offered, booked, message_id, .. } => {
                let a = &mut self.agent;
                a.answered_through = a.answered_through.max(*answered_through);
                a.replies += u32::from(message_id.is_some());
                if a.asked.len() < ASKED_KEPT {
                    a.asked.extend(asked.iter().cloned());
                }
                a.offered.clone_from(offered);
                if booked.is_some() {
                    a.booked.clone_from(booked);
                    a.offered.clear();
                }
                match intent.as_deref() {
                    Some("unknown") | None => a.unclear_streak += 1,
                    Some(other) => {
                        a.unclear_streak = 0;
                        a.pricing_asks += u32::from(other == "pricing");
                    }
                }
            }
            Event::DecisionRecorded { .. } => {}
        }
        Ok(())
    }

    /// Derived progress, for operators and the router.
    pub fn stage(&self) -> Stage {
        if matches!(
            self.status,
            Some(ConversationStatus::Completed | ConversationStatus::Disqualified | ConversationStatus::Dnc)
        ) {
            return Stage::Closed;
        }
        if let Some(h) = &self.handoff {
            return if h.accepted_by.is_some() { Stage::WithAgent } else { Stage::HandoffPending };
        }
        if !self.last_inbound.is_empty() {
            Stage::Engaged
        } else if self.first_channel.is_some() {
            Stage::Contacted
        } else {
            Stage::New
        }
    }

    /// No channel may be used: every consent revoked after having existed, or status `dnc`.
    pub fn opted_out(&self) -> bool {
        self.status == Some(ConversationStatus::Dnc)
            || (!self.consent.is_empty() && self.consent.values().all(ChannelConsent::revoked))
    }

    /// The next timer to fire.
    pub fn next_action(&self) -> Option<(&ActionId, &PendingAction)> {
        self.pending.iter().min_by_key(|(_, a)| a.due_at)
    }

    fn use_channel(&mut self, channel: Channel) {
        if self.first_channel.is_none() {
            self.first_channel = Some(channel);
        }
        if !self.channels_used.contains(&channel) {
            self.channels_used.push(channel);
        }
    }

    fn touch_outbound(&mut self, channel: Channel, at: DateTime<Utc>, marketing: bool) {
        self.use_channel(channel);
        self.last_outbound.insert(channel, at);
        if self.outbound.len() == OUTBOUND_HISTORY {
            self.outbound.pop_front();
        }
        self.outbound.push_back(Attempt { channel, at, marketing });
    }

    fn push_line(&mut self, seq: Seq, at: DateTime<Utc>, channel: Channel, role: Role, text: &str, heard: bool) {
        if role == Role::Lead {
            if looks_like_question(text) {
                if self.open_questions.len() == OPEN_QUESTIONS {
                    self.open_questions.pop_front();
                }
                self.open_questions.push_back(text.trim().to_owned());
            }
        } else if heard {
            // A heard reply from our side addresses what the lead asked before it.
            self.open_questions.clear();
        }
        if self.recent.len() == RECENT_LINES {
            self.recent.pop_front();
        }
        self.recent.push_back(Line { seq, at, channel, role, text: text.to_owned(), heard, mark: None, call: None });
    }
}

fn looks_like_question(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    if t.contains('?') || t.contains('¿') {
        return true;
    }
    const OPENERS: [&str; 12] = [
        "how ",
        "what ",
        "when ",
        "where ",
        "why ",
        "who ",
        "can you",
        "could you",
        "do you",
        "is it",
        "is there",
        "are you",
    ];
    OPENERS.iter().any(|o| t.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CampaignId, ConversationId, LeadId};
    use crate::phone::E164;
    use crate::vocab::LeadSource;

    pub(crate) fn at(minute: i64) -> DateTime<Utc> {
        "2026-11-20T15:00:00Z".parse::<DateTime<Utc>>().unwrap() + chrono::Duration::minutes(minute)
    }

    pub(crate) fn records(events: Vec<Event>) -> Vec<EventRecord> {
        let id = ConversationId::new();
        events
            .into_iter()
            .enumerate()
            .map(|(i, event)| EventRecord {
                conversation_id: id,
                seq: Seq(i as u64 + 1),
                at: at(i as i64),
                recorded_at: at(i as i64),
                event,
            })
            .collect()
    }

    pub(crate) fn lead() -> LeadSnapshot {
        LeadSnapshot {
            lead_id: LeadId::new(),
            campaign_id: CampaignId::new(),
            first_name: "Maria".into(),
            last_name: Some("Lopez".into()),
            phone: E164::parse("+13055550142").unwrap(),
            timezone: None,
            state: None,
            source: LeadSource::Form,
        }
    }

    fn turn(channel: Channel, role: Role, text: &str) -> Event {
        Event::TranscriptTurn { channel, role, text: text.into(), call_id: None, heard: true, mark: None }
    }

    #[test]
    fn cleared_marks_belong_to_their_call() {
        let (first, second) = (CallId::new(), CallId::new());
        let said = |call: Option<CallId>, text: &str| Event::TranscriptTurn {
            channel: Channel::Voice,
            role: Role::Ai,
            text: text.into(),
            call_id: call,
            heard: true,
            mark: Some("m1".into()),
        };
        let heard = |events: Vec<Event>| -> Vec<(String, bool)> {
            let state = ConversationState::fold(&records(events)).unwrap();
            state.recent.iter().map(|l| (l.text.clone(), l.heard)).collect()
        };
        let cleared = |call| Event::BotAudioCleared { call_id: call, marks: vec!["m1".into()], unheard_ms: 400 };
        // The bot names its first mark "m1" on every call: clearing it on the first call says
        // nothing about the second call's "m1", before or after the clear.
        assert_eq!(
            heard(vec![said(Some(second), "on the second call"), cleared(first), said(Some(second), "again")]),
            [("on the second call".into(), true), ("again".into(), true)]
        );
        // On its own call it is not heard, whether the line came before or after the clear.
        assert_eq!(
            heard(vec![said(Some(first), "before"), cleared(first), said(Some(first), "after")]),
            [("before".into(), false), ("after".into(), false)]
        );
        // A line that names no call matches the mark on any call.
        assert_eq!(heard(vec![cleared(first), said(None, "unknown call")]), [("unknown call".into(), false)]);
    }

    #[test]
    fn a_call_from_the_lead_is_an_answer_not_an_attempt() {
        let call = CallId::new();
        let ringing = ConversationState::fold(&records(vec![
            Event::LeadCreated { lead: lead() },
            Event::CallReceived { call_id: call, provider: None, provider_call_id: Some("CA1".into()) },
        ]))
        .unwrap();
        assert_eq!((ringing.calls.received, ringing.calls.placed), (1, 0), "no contact attempt of ours");
        assert_eq!(ringing.calls.active, Some(call), "a live call: nothing else goes out meanwhile");
        assert!(ringing.last_inbound.contains_key(&Channel::Voice), "the lead has answered");
        assert_eq!(ringing.channels_used, vec![Channel::Voice]);
        assert!(ringing.last_outbound.is_empty());
    }

    #[test]
    fn a_text_then_call_conversation_folds() {
        let sms = ConsentId::new();
        let call = CallId::new();
        let state = ConversationState::fold(&records(vec![
            Event::LeadCreated { lead: lead() },
            Event::ConsentGranted {
                consent_id: sms,
                channel: Channel::Sms,
                kind: ConsentKind::ExpressWritten,
                source: "form".into(),
            },
            Event::SmsSent {
                message_id: MessageId::new(),
                body: "Hi Maria, Ava from Acme".into(),
                source: MessageSource::System,
                provider: None,
                provider_message_id: None,
                transactional: false,
            },
            Event::SmsReceived {
                message_id: MessageId::new(),
                body: "yeah call me".into(),
                provider: None,
                provider_message_id: None,
                media_count: 0,
                keyword: None,
            },
            Event::CallPlaced { call_id: call, provider: None, provider_call_id: None },
            Event::CallAnswered { call_id: call, answered_by: AnsweredBy::Human },
            turn(Channel::Voice, Role::Lead, "how much does it cost?"),
            Event::CallEnded { call_id: call, outcome: CallOutcome::Human, duration_secs: 90, reason: None },
        ]))
        .unwrap();
        assert_eq!(state.last_seq, Seq(8));
        assert_eq!(state.first_channel, Some(Channel::Sms));
        assert_eq!(state.channels_used, vec![Channel::Sms, Channel::Voice]);
        assert_eq!(state.stage(), Stage::Engaged);
        assert_eq!(state.sms.sent, 1);
        assert_eq!(state.calls.human, 1);
        assert_eq!(state.calls.active, None);
        assert!(state.consent[&Channel::Sms].granted());
        assert_eq!(state.open_questions, ["how much does it cost?"]);
        assert_eq!(state.recent.len(), 3);
    }

    #[test]
    fn an_inbound_first_conversation_starts_on_the_lead_s_channel() {
        let state = ConversationState::fold(&records(vec![
            Event::LeadCreated { lead: lead() },
            Event::SmsReceived {
                message_id: MessageId::new(),
                body: "info?".into(),
                provider: None,
                provider_message_id: None,
                media_count: 0,
                keyword: None,
            },
            turn(Channel::Voice, Role::Lead, "hello"),
        ]))
        .unwrap();
        assert_eq!(state.first_channel, Some(Channel::Sms));
        assert_eq!(state.channels_used, vec![Channel::Sms, Channel::Voice]);
        assert_eq!(state.last_outbound.len(), 0, "nothing was sent by us");
    }

    #[test]
    fn out_of_order_events_are_refused() {
        let mut recs = records(vec![Event::LeadCreated { lead: lead() }, Event::HandoffAccepted { agent: "a".into() }]);
        recs[1].seq = Seq(3);
        assert_eq!(ConversationState::fold(&recs), Err(FoldError { last: Seq(1), got: Seq(3) }));
    }

    #[test]
    fn revocation_of_all_channels_is_an_opt_out_and_clears_consent() {
        let state = ConversationState::fold(&records(vec![
            Event::LeadCreated { lead: lead() },
            Event::ConsentGranted {
                consent_id: ConsentId::new(),
                channel: Channel::Sms,
                kind: ConsentKind::ExpressWritten,
                source: "form".into(),
            },
            Event::ConsentGranted {
                consent_id: ConsentId::new(),
                channel: Channel::Voice,
                kind: ConsentKind::Express,
                source: "form".into(),
            },
            Event::ConsentRevoked {
                channel: None,
                consent_ids: vec![],
                via: Some(Channel::Sms),
                text: Some("stop".into()),
            },
        ]))
        .unwrap();
        assert!(state.opted_out());
        assert!(!state.consent[&Channel::Voice].granted());
    }

    #[test]
    fn delivery_status_never_moves_backwards() {
        let id = MessageId::new();
        let state = ConversationState::fold(&records(vec![
            Event::SmsSent {
                message_id: id,
                body: "hi".into(),
                source: MessageSource::Api,
                provider: None,
                provider_message_id: None,
                transactional: false,
            },
            Event::SmsStatus { message_id: id, status: DeliveryStatus::Delivered, error_code: None },
            Event::SmsStatus { message_id: id, status: DeliveryStatus::Sent, error_code: None },
        ]))
        .unwrap();
        assert_eq!(state.message_status[&id], DeliveryStatus::Delivered);
    }

    #[test]
    fn timers_are_pending_until_executed_or_cancelled() {
        let (a, b) = (ActionId::new(), ActionId::new());
        let sched = |id, minute| Event::ActionScheduled {
            action_id: id,
            kind: ActionKind::PlaceCall,
            channel: Some(Channel::Voice),
            due_at: at(minute),
            idempotency_key: format!("k{minute}"),
            step: None,
        };
        let state = ConversationState::fold(&records(vec![
            sched(a, 10),
            sched(b, 5),
            Event::ActionCancelled { action_id: b, reason: "superseded".into() },
        ]))
        .unwrap();
        assert_eq!(state.next_action().map(|(id, _)| *id), Some(a));
        assert_eq!(state.pending.len(), 1);
    }

    #[test]
    fn recent_lines_and_questions_are_bounded_and_answers_close_questions() {
        let mut events: Vec<Event> =
            (0..30).map(|i| turn(Channel::Sms, Role::Lead, &format!("question {i}?"))).collect();
        let state = ConversationState::fold(&records(events.clone())).unwrap();
        assert_eq!(state.recent.len(), RECENT_LINES);
        assert_eq!(state.open_questions.len(), OPEN_QUESTIONS);
        assert_eq!(state.open_questions.back().unwrap(), "question 29?");
        events.push(turn(Channel::Sms, Role::Ai, "Good question: about $80/month."));
        let answered = ConversationState::fold(&records(events)).unwrap();
        assert!(answered.open_questions.is_empty());
    }

    #[test]
    fn handoff_and_status_drive_the_stage() {
        let state = ConversationState::fold(&records(vec![
            Event::LeadCreated { lead: lead() },
            Event::HandoffRequested { reason: "pricing".into(), by: Role::Ai },
        ]))
        .unwrap();
        assert_eq!(state.stage(), Stage::HandoffPending);
        let mut state = state;
        let mut next = records(vec![Event::HandoffAccepted { agent: "a7".into() }]);
        next[0].seq = Seq(3);
        state.apply(&next[0]).unwrap();
        assert_eq!(state.stage(), Stage::WithAgent);
    }
}
