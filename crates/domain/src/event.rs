//! The timeline's vocabulary: everything that can happen in a conversation, on any channel.
//!
//! Events are facts about the past, appended and never changed. The JSON form (tag `type`,
//! snake_case) is what the API returns and what the store keeps, so variants and fields may be
//! added but never renamed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::campaign::Provider;
use crate::facts::Slot;
use crate::ids::{ActionId, CallId, CampaignId, ConsentId, ConversationId, LeadId, MessageId, Seq};
use crate::lead::Lead;
use crate::phone::E164;
use crate::vocab::{
    ActionKind, AnsweredBy, CallOutcome, Channel, ConsentKind, ConversationStatus, DeliveryStatus, DisclosureKind,
    LeadSource, MessageSource, Role, Verdict,
};
use crate::zone::{TimeZone, UsState};

/// The lead as it was when the conversation started: enough for a summary without a join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadSnapshot {
    /// Lead id.
    pub lead_id: LeadId,
    /// Campaign id.
    pub campaign_id: CampaignId,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: Option<String>,
    /// Number.
    pub phone: E164,
    /// Known zone.
    pub timezone: Option<TimeZone>,
    /// Known state.
    pub state: Option<UsState>,
    /// Source.
    pub source: LeadSource,
}

impl From<&Lead> for LeadSnapshot {
    fn from(lead: &Lead) -> Self {
        Self {
            lead_id: lead.id,
            campaign_id: lead.campaign_id,
            first_name: lead.first_name.clone(),
            last_name: lead.last_name.clone(),
            phone: lead.phone.clone(),
            timezone: lead.timezone,
            state: lead.state,
            source: lead.source,
        }
    }
}

impl LeadSnapshot {
    /// "First Last" or "First".
    pub fn display_name(&self) -> String {
        crate::lead::display_name(&self.first_name, self.last_name.as_deref())
    }
}

/// One rule consulted by a decision, with the inputs it saw: what the audit stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Rule name, e.g. `federal_window`, `consent_sms`, `cap_24h`.
    pub rule: String,
    /// Whether this rule allowed the action.
    pub passed: bool,
    /// One sentence a compliance officer can read.
    pub detail: String,
    /// The inputs: local time, zones, consent row id, counts.
    #[serde(default)]
    pub inputs: Map<String, Value>,
}

/// Something that happened in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The lead arrived; the conversation begins.
    LeadCreated {
        /// Who.
        lead: LeadSnapshot,
    },
    /// An SMS went out.
    SmsSent {
        /// Our id.
        message_id: MessageId,
        /// Text.
        body: String,
        /// Who wrote it.
        source: MessageSource,
        /// Carrier.
        provider: Option<Provider>,
        /// Carrier's id, once known.
        provider_message_id: Option<String>,
        /// A keyword answer or an opt-out confirmation: required by the rules, never marketing,
        /// so it does not count toward marketing caps.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        transactional: bool,
    },
    /// An SMS came in.
    SmsReceived {
        /// Our id.
        message_id: MessageId,
        /// Text.
        body: String,
        /// Carrier.
        provider: Option<Provider>,
        /// Carrier's id (dedupe key).
        provider_message_id: Option<String>,
        /// Attached media count.
        #[serde(default)]
        media_count: u32,
        /// The carrier keyword it was handled as (`stop`, `start`, `help`, or `revocation` for
        /// free-text opt-outs): answered by the keyword rules, not by the SMS agent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keyword: Option<String>,
    },
    /// A carrier reported delivery progress.
    SmsStatus {
        /// Which message.
        message_id: MessageId,
        /// New status.
        status: DeliveryStatus,
        /// Carrier error code, if failed.
        error_code: Option<String>,
    },
    /// A call was placed.
    CallPlaced {
        /// Our id.
        call_id: CallId,
        /// Carrier.
        provider: Option<Provider>,
        /// Carrier's id, once known.
        provider_call_id: Option<String>,
    },
    /// The lead called in (on a number of the conversation's campaign) and Throughline answered.
    CallReceived {
        /// Our id.
        call_id: CallId,
        /// Carrier.
        provider: Option<Provider>,
        /// Carrier's id.
        provider_call_id: Option<String>,
    },
    /// A call was answered.
    CallAnswered {
        /// Which call.
        call_id: CallId,
        /// Human or machine.
        answered_by: AnsweredBy,
    },
    /// A call ended.
    CallEnded {
        /// Which call.
        call_id: CallId,
        /// How it went.
        outcome: CallOutcome,
        /// Talk time.
        duration_secs: u32,
        /// Carrier or gateway reason.
        reason: Option<String>,
    },
    /// A line spoken or written, reported by a bot, the SMS agent or an agent.
    TranscriptTurn {
        /// Where.
        channel: Channel,
        /// Who.
        role: Role,
        /// What.
        text: String,
        /// On which call.
        call_id: Option<CallId>,
        /// False when the lead never heard it (cleared before its mark came back).
        heard: bool,
        /// The bot's media-streams mark after this line's audio: when a later
        /// `bot_audio_cleared` names it, the line is folded as not heard.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mark: Option<String>,
    },
    /// A qualification fact.
    FactLearned {
        /// Name.
        slot: Slot,
        /// Value.
        value: Value,
        /// 0..1.
        confidence: Option<f32>,
        /// The turn it came from.
        source_turn: Option<Seq>,
    },
    /// An intent was recognised.
    IntentDetected {
        /// snake_case intent label (`callback_request`, `opt_out`, …).
        intent: String,
        /// 0..1.
        confidence: Option<f32>,
        /// Where it was said.
        channel: Option<Channel>,
    },
    /// A consent ledger row was added.
    ConsentGranted {
        /// Ledger row.
        consent_id: ConsentId,
        /// Channel.
        channel: Channel,
        /// Strength.
        kind: ConsentKind,
        /// Where captured.
        source: String,
    },
    /// Consent was revoked.
    ConsentRevoked {
        /// The channel, or every channel when absent.
        channel: Option<Channel>,
        /// Ledger rows stamped revoked.
        consent_ids: Vec<ConsentId>,
        /// Where the revocation was expressed.
        via: Option<Channel>,
        /// The lead's words.
        text: Option<String>,
    },
    /// The AI identified itself.
    DisclosureRecorded {
        /// Where.
        channel: Channel,
        /// How.
        kind: DisclosureKind,
        /// What was said or played.
        text: String,
        /// On which call.
        call_id: Option<CallId>,
        /// Offset into the call where it started.
        started_ms: Option<u64>,
        /// Offset where it ended.
        ended_ms: Option<u64>,
        /// Played or sent in full.
        complete: bool,
    },
    /// The caller pressed a key during a call.
    DtmfReceived {
        /// On which call.
        call_id: CallId,
        /// `0`–`9`, `*`, `#`, `A`–`D`.
        digit: String,
        /// Offset into the call.
        at_ms: u64,
    },
    /// The bot cleared audio the caller had not heard yet (barge-in): the lines before these
    /// marks were never heard in full.
    BotAudioCleared {
        /// On which call.
        call_id: CallId,
        /// The bot's marks whose audio was dropped before it played.
        marks: Vec<String>,
        /// How much queued bot audio was dropped.
        unheard_ms: u64,
    },
    /// The media gateway refused or cut a call's stream (a replayed token, a codec it cannot
    /// carry, a bot that never answered or stalled, frames it could not read).
    CallStreamFailed {
        /// Which call.
        call_id: CallId,
        /// Machine-readable reason (`token_replayed`, `bot_unreachable`, `bot_stalled`, …).
        reason: String,
    },
    /// A live call is being moved to the campaign's people (a warm transfer through its
    /// carrier), after a `handoff_requested`.
    TransferStarted {
        /// Which call.
        call_id: CallId,
        /// The line it is transferred to.
        to: String,
    },
    /// Someone asked for a human.
    HandoffRequested {
        /// Why.
        reason: String,
        /// Who asked.
        by: Role,
    },
    /// An agent took the lead.
    HandoffAccepted {
        /// Agent id.
        agent: String,
    },
    /// An agent declined the offer.
    HandoffDeclined {
        /// Agent id.
        agent: String,
        /// Why.
        reason: Option<String>,
    },
    /// The operator-visible status changed.
    StatusChanged {
        /// New status.
        status: ConversationStatus,
        /// Who changed it (`api`, `router`, `agent:<id>`).
        by: String,
        /// Free note.
        note: Option<String>,
    },
    /// A timer was set, or moved: scheduling an action id that is already pending changes its
    /// due time.
    ActionScheduled {
        /// Action id.
        action_id: ActionId,
        /// What.
        kind: ActionKind,
        /// On which channel.
        channel: Option<Channel>,
        /// When.
        due_at: DateTime<Utc>,
        /// Dedupe key for execution.
        idempotency_key: String,
        /// The cadence step it runs, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
    },
    /// A timer was dropped: it will not run.
    ActionCancelled {
        /// Action id.
        action_id: ActionId,
        /// Why (`opt_out`, `superseded`, …).
        reason: String,
    },
    /// A timer fired and its effect happened.
    ActionExecuted {
        /// Action id.
        action_id: ActionId,
        /// What.
        kind: ActionKind,
        /// Result in a word or two.
        outcome: String,
        /// The cadence step it ran, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
    },
    /// The SMS agent answered a burst of inbound messages (its reply, if any, goes out through
    /// the outbox and lands as `sms_sent`). What it asked and offered is kept here so the next
    /// turn never re-asks a known fact and can read "the first one" against the offer.
    AgentReplied {
        /// `builtin` or `webhook`.
        agent: String,
        /// The last inbound event this turn answered.
        answered_through: Seq,
        /// The burst's intent as the agent read it.
        intent: Option<String>,
        /// The slot the reply asks about.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        asked: Option<String>,
        /// Appointment slots offered, lead-local `YYYY-MM-DDTHH:MM`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        offered: Vec<String>,
        /// The slot booked, lead-local.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        booked: Option<String>,
        /// Why the campaign's webhook agent was not used (timeout, error), when it was not.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<String>,
        /// The reply's message id, when there was one.
        message_id: Option<MessageId>,
    },
    /// The compliance gate decided about a contact.
    DecisionRecorded {
        /// The action considered.
        action: ActionKind,
        /// Its channel.
        channel: Option<Channel>,
        /// Allowed, blocked or rescheduled.
        verdict: Verdict,
        /// Every rule consulted.
        reasons: Vec<Reason>,
        /// For a rescheduled action, the earliest allowed instant.
        next_allowed_at: Option<DateTime<Utc>>,
    },
}

impl Event {
    /// The `type` tag, for storage columns and metrics labels.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::LeadCreated { .. } => "lead_created",
            Event::SmsSent { .. } => "sms_sent",
            Event::SmsReceived { .. } => "sms_received",
            Event::SmsStatus { .. } => "sms_status",
            Event::CallPlaced { .. } => "call_placed",
            Event::CallReceived { .. } => "call_received",
            Event::CallAnswered { .. } => "call_answered",
            Event::CallEnded { .. } => "call_ended",
            Event::TranscriptTurn { .. } => "transcript_turn",
            Event::FactLearned { .. } => "fact_learned",
            Event::IntentDetected { .. } => "intent_detected",
            Event::ConsentGranted { .. } => "consent_granted",
            Event::ConsentRevoked { .. } => "consent_revoked",
            Event::DisclosureRecorded { .. } => "disclosure_recorded",
            Event::DtmfReceived { .. } => "dtmf_received",
            Event::BotAudioCleared { .. } => "bot_audio_cleared",
            Event::CallStreamFailed { .. } => "call_stream_failed",
            Event::TransferStarted { .. } => "transfer_started",
            Event::HandoffRequested { .. } => "handoff_requested",
            Event::HandoffAccepted { .. } => "handoff_accepted",
            Event::HandoffDeclined { .. } => "handoff_declined",
            Event::StatusChanged { .. } => "status_changed",
            Event::ActionScheduled { .. } => "action_scheduled",
            Event::ActionCancelled { .. } => "action_cancelled",
            Event::ActionExecuted { .. } => "action_executed",
            Event::DecisionRecorded { .. } => "decision_recorded",
            Event::AgentReplied { .. } => "agent_replied",
        }
    }
}

/// An event about to be appended.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// When it happened (a carrier's timestamp, a bot's `at`, or now).
    pub at: DateTime<Utc>,
    /// What happened.
    pub event: Event,
    /// Appending the same key twice to one conversation has one effect (carrier retries).
    pub dedupe_key: Option<String>,
}

impl NewEvent {
    /// An event at `at` with no dedupe key.
    pub fn new(at: DateTime<Utc>, event: Event) -> Self {
        Self { at, event, dedupe_key: None }
    }

    /// Sets the dedupe key.
    pub fn dedupe(mut self, key: impl Into<String>) -> Self {
        self.dedupe_key = Some(key.into());
        self
    }
}

/// An event in the timeline, with its position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Whose timeline.
    pub conversation_id: ConversationId,
    /// Position, gap-free from 1.
    pub seq: Seq,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// When it was stored.
    pub recorded_at: DateTime<Utc>,
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_serialise_with_a_type_tag_and_round_trip() {
        let event = Event::TranscriptTurn {
            channel: Channel::Voice,
            role: Role::Lead,
            text: "yeah call me".into(),
            call_id: None,
            heard: true,
            mark: None,
        };
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["type"], "transcript_turn");
        assert_eq!(json["type"], event.kind());
        assert_eq!(serde_json::from_value::<Event>(json).unwrap(), event);
    }

    #[test]
    fn records_flatten_the_event() {
        let record = EventRecord {
            conversation_id: ConversationId::new(),
            seq: Seq(3),
            at: Utc::now(),
            recorded_at: Utc::now(),
            event: Event::HandoffAccepted { agent: "a1".into() },
        };
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["seq"], 3);
        assert_eq!(json["type"], "handoff_accepted");
        assert_eq!(json["agent"], "a1");
        assert_eq!(serde_json::from_value::<EventRecord>(json).unwrap(), record);
    }
}
