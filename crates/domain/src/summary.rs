//! The warm-transfer summary: what an agent reads in five seconds when a lead is handed over,
//! and what a voice bot receives so it can say "you mentioned over text…".

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::facts::{Slot, fact_text};
use crate::ids::LeadId;
use crate::state::ConversationState;
use crate::vocab::{Channel, ConsentKind, ConversationStatus, LeadSource, Role, Stage};

/// Lines handed to an agent; more would not be read in five seconds.
pub const SUMMARY_LINES: usize = 3;
/// Messages included.
pub const LAST_MESSAGES: usize = 5;
/// Characters per human line.
pub const LINE_WIDTH: usize = 160;

/// Who the lead is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryLead {
    /// Lead id.
    pub id: Option<LeadId>,
    /// Display name.
    pub name: String,
    /// E.164 number (the agent needs it to call back).
    pub phone: Option<String>,
    /// Known zone.
    pub timezone: Option<String>,
    /// Known state.
    pub state: Option<String>,
    /// Source.
    pub source: Option<LeadSource>,
}

/// One recent message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryMessage {
    /// When.
    pub at: DateTime<Utc>,
    /// Where.
    pub channel: Channel,
    /// Who.
    pub role: Role,
    /// What.
    pub text: String,
    /// Heard in full.
    pub heard: bool,
}

/// Consent standing per channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryConsent {
    /// `granted` (with kind), `revoked` or `none`, per channel.
    pub sms: String,
    /// Same, for voice.
    pub voice: String,
    /// The lead opted out everywhere.
    pub opted_out: bool,
}

/// AI disclosure standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryDisclosure {
    /// The AI identified itself at least once.
    pub ai_disclosed: bool,
    /// Where.
    pub channels: Vec<Channel>,
    /// Latest.
    pub last_at: Option<DateTime<Utc>>,
}

/// The summary shape of `GET /api/v1/conversations/{id}/summary`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransferSummary {
    /// One line: who and what they want.
    pub headline: String,
    /// Who.
    pub lead: SummaryLead,
    /// Where we first reached them.
    pub first_channel: Option<Channel>,
    /// Every channel used.
    pub channels_used: Vec<Channel>,
    /// Facts by slot.
    pub facts: BTreeMap<String, Value>,
    /// Latest intent.
    pub intent: Option<String>,
    /// Latest messages, oldest first.
    pub last_messages: Vec<SummaryMessage>,
    /// Questions still open.
    pub open_questions: Vec<String>,
    /// Consent standing.
    pub consent: SummaryConsent,
    /// Disclosure standing.
    pub disclosure: SummaryDisclosure,
    /// Operator status.
    pub status: Option<ConversationStatus>,
    /// Derived stage.
    pub stage: Stage,
    /// At most three lines for a human.
    pub text: String,
}

impl TransferSummary {
    /// Builds the summary from a folded state.
    pub fn build(state: &ConversationState) -> Self {
        let lead = match &state.lead {
            Some(l) => SummaryLead {
                id: Some(l.lead_id),
                name: l.display_name(),
                phone: Some(l.phone.to_string()),
                timezone: l.timezone.map(|t| t.name().to_owned()),
                state: l.state.map(|s| s.code().to_owned()),
                source: Some(l.source),
            },
            None => SummaryLead {
                id: None,
                name: "Unknown lead".into(),
                phone: None,
                timezone: None,
                state: None,
                source: None,
            },
        };
        let mut ordered: Vec<(&Slot, &Value)> = state.facts.iter().map(|(k, v)| (k, &v.value)).collect();
        ordered.sort_by(|a, b| a.0.display_rank().cmp(&b.0.display_rank()));
        let facts = ordered.iter().map(|(k, v)| (k.as_str().to_owned(), (*v).clone())).collect();
        let intent = state.intent.as_ref().map(|i| i.intent.clone());
        let skip = state.recent.len().saturating_sub(LAST_MESSAGES);
        let last_messages = state
            .recent
            .iter()
            .skip(skip)
            .map(|l| SummaryMessage {
                at: l.at,
                channel: l.channel,
                role: l.role,
                text: l.text.clone(),
                heard: l.heard,
            })
            .collect::<Vec<_>>();
        let consent_word = |c: Channel| match state.consent.get(&c) {
            Some(cc) if cc.granted() => match cc.kind {
                Some(ConsentKind::ExpressWritten) => "granted (express written)".to_owned(),
                _ => "granted (express)".to_owned(),
            },
            Some(cc) if cc.revoked_at.is_some() => "revoked".to_owned(),
            _ => "none".to_owned(),
        };
        let consent = SummaryConsent {
            sms: consent_word(Channel::Sms),
            voice: consent_word(Channel::Voice),
            opted_out: state.opted_out(),
        };
        let disclosure = SummaryDisclosure {
            ai_disclosed: !state.disclosure.channels.is_empty(),
            channels: state.disclosure.channels.clone(),
            last_at: state.disclosure.last_at,
        };
        let open_questions: Vec<String> = state.open_questions.iter().cloned().collect();
        let headline = headline(&lead, state, intent.as_deref(), &ordered);
        let text = human_lines(&headline, &ordered, &consent, &disclosure, &last_messages, &open_questions);
        Self {
            headline,
            lead,
            first_channel: state.first_channel,
            channels_used: state.channels_used.clone(),
            facts,
            intent,
            last_messages,
            open_questions,
            consent,
            disclosure,
            status: state.status,
            stage: state.stage(),
            text,
        }
    }
}

fn headline(lead: &SummaryLead, state: &ConversationState, intent: Option<&str>, facts: &[(&Slot, &Value)]) -> String {
    let mut parts = vec![lead.name.clone()];
    if let Some(source) = lead.source {
        parts.push(format!("{} lead", source.as_str().replace('_', " ")));
    }
    if let Some(intent) = intent {
        parts.push(intent.replace('_', " "));
    } else {
        parts.push(state.stage().as_str().replace('_', " "));
    }
    if let Some((slot, value)) = facts.first() {
        parts.push(format!("{}: {}", slot.as_str().replace('_', " "), fact_text(value)));
    }
    if let Some(h) = &state.handoff {
        parts.push(format!("handoff: {}", h.reason));
    }
    clip(&parts.join(" · "))
}

fn human_lines(
    headline: &str,
    facts: &[(&Slot, &Value)],
    consent: &SummaryConsent,
    disclosure: &SummaryDisclosure,
    last: &[SummaryMessage],
    open: &[String],
) -> String {
    let mut lines = vec![headline.to_owned()];
    let known = if facts.is_empty() {
        "Knows: nothing yet".to_owned()
    } else {
        let list: Vec<String> = facts.iter().map(|(k, v)| format!("{}={}", k.as_str(), fact_text(v))).collect();
        format!("Knows: {}", list.join(", "))
    };
    let consent_text = if consent.opted_out {
        "OPTED OUT".to_owned()
    } else {
        format!("sms {}, voice {}", short(&consent.sms), short(&consent.voice))
    };
    let ai = if disclosure.ai_disclosed { "AI disclosed" } else { "AI not yet disclosed" };
    lines.push(clip(&format!("{known} | consent: {consent_text} | {ai}")));
    let mut third = Vec::new();
    let last_from_lead = last.iter().rev().find(|m| m.role == Role::Lead).map(|m| (m.channel, m.text.trim()));
    if let Some((channel, text)) = last_from_lead {
        third.push(format!("Last from lead ({channel}): \"{text}\""));
    }
    // The newest open question, unless it is the line just quoted.
    if let Some(q) = open.last().map(|q| q.trim()).filter(|q| last_from_lead.is_none_or(|(_, t)| t != *q)) {
        third.push(format!("Open: \"{q}\""));
    }
    if !third.is_empty() {
        lines.push(clip(&third.join(" | ")));
    }
    lines.truncate(SUMMARY_LINES);
    lines.join("\n")
}

fn short(consent: &str) -> &str {
    consent.split(' ').next().unwrap_or(consent)
}

/// Cuts a line to `LINE_WIDTH` characters on a character boundary, collapsing newlines.
fn clip(line: &str) -> String {
    let flat: String = line.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    if flat.chars().count() <= LINE_WIDTH {
        return flat;
    }
    let mut cut: String = flat.chars().take(LINE_WIDTH - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Event, EventRecord};
    use crate::ids::{ConsentId, ConversationId, MessageId, Seq};
    use crate::vocab::{DisclosureKind, MessageSource};

    fn fold(events: Vec<Event>) -> ConversationState {
        let id = ConversationId::new();
        let start: DateTime<Utc> = "2026-11-20T15:00:00Z".parse().unwrap();
        let recs: Vec<EventRecord> = events
            .into_iter()
            .enumerate()
            .map(|(i, event)| EventRecord {
                conversation_id: id,
                seq: Seq(i as u64 + 1),
                at: start + chrono::Duration::seconds(i as i64),
                recorded_at: start,
                event,
            })
            .collect();
        ConversationState::fold(&recs).unwrap()
    }

    fn lead_created() -> Event {
        Event::LeadCreated {
            lead: crate::event::LeadSnapshot {
                lead_id: LeadId::new(),
                campaign_id: crate::ids::CampaignId::new(),
                first_name: "Maria".into(),
                last_name: Some("Lopez".into()),
                phone: crate::phone::E164::parse("+13055550142").unwrap(),
                timezone: crate::zone::TimeZone::parse("America/New_York").ok(),
                state: crate::zone::UsState::parse("FL").ok(),
                source: LeadSource::Form,
            },
        }
    }

    fn fact(slot: &str, value: &str) -> Event {
        Event::FactLearned {
            slot: Slot::parse(slot).unwrap(),
            value: Value::String(value.into()),
            confidence: None,
            source_turn: None,
        }
    }

    fn sms_consent() -> Event {
        Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel: Channel::Sms,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        }
    }

    #[test]
    fn summary_carries_facts_channels_consent_and_three_lines() {
        let state = fold(vec![
            lead_created(),
            sms_consent(),
            Event::SmsSent {
                message_id: MessageId::new(),
                body: "Hi Maria, it's Ava (an AI assistant) from Acme Solar".into(),
                source: MessageSource::System,
                provider: None,
                provider_message_id: None,
                transactional: false,
            },
            Event::DisclosureRecorded {
                channel: Channel::Sms,
                kind: DisclosureKind::SmsIdentification,
                text: "AI assistant".into(),
                call_id: None,
                started_ms: None,
                ended_ms: None,
                complete: true,
            },
            Event::SmsReceived {
                message_id: MessageId::new(),
                body: "how much for a 6kW system?".into(),
                provider: None,
                provider_message_id: None,
                media_count: 0,
                keyword: None,
            },
            fact("timeline", "3 months"),
            fact("need", "solar install"),
            Event::IntentDetected { intent: "pricing".into(), confidence: Some(0.9), channel: Some(Channel::Sms) },
        ]);
        let s = TransferSummary::build(&state);
        assert_eq!(s.lead.name, "Maria Lopez");
        assert_eq!(s.lead.phone.as_deref(), Some("+13055550142"));
        assert_eq!(s.first_channel, Some(Channel::Sms));
        assert_eq!(s.facts.len(), 2);
        assert_eq!(s.intent.as_deref(), Some("pricing"));
        assert_eq!(s.open_questions, ["how much for a 6kW system?"]);
        assert!(s.disclosure.ai_disclosed);
        assert_eq!(s.consent.sms, "granted (express written)");
        assert_eq!(s.consent.voice, "none");
        assert!(
            s.headline.contains("Maria Lopez")
                && s.headline.contains("pricing")
                && s.headline.contains("need: solar install"),
            "{}",
            s.headline
        );
        let lines: Vec<&str> = s.text.lines().collect();
        assert_eq!(lines.len(), 3, "{}", s.text);
        assert!(lines[1].starts_with("Knows: need=solar install, timeline=3 months"), "{}", lines[1]);
        assert!(lines[2].contains("how much for a 6kW system?"));
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_WIDTH));
    }

    #[test]
    fn long_lines_are_clipped_and_an_empty_state_still_summarises() {
        let long = "x".repeat(500);
        let state = fold(vec![lead_created(), fact("need", &long)]);
        let s = TransferSummary::build(&state);
        assert!(s.text.lines().all(|l| l.chars().count() <= LINE_WIDTH));
        assert!(s.text.lines().count() <= SUMMARY_LINES);
        let empty = TransferSummary::build(&ConversationState::default());
        assert_eq!(empty.lead.name, "Unknown lead");
        assert!(empty.text.contains("Knows: nothing yet"));
    }

    #[test]
    fn an_opt_out_is_unmissable() {
        let state = fold(vec![
            lead_created(),
            sms_consent(),
            Event::ConsentRevoked {
                channel: None,
                consent_ids: vec![],
                via: Some(Channel::Sms),
                text: Some("STOP".into()),
            },
        ]);
        let s = TransferSummary::build(&state);
        assert!(s.consent.opted_out);
        assert!(s.text.contains("OPTED OUT"));
    }
}
