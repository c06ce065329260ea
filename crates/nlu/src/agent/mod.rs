//! The built-in SMS agent: the reply to a burst of texts from a lead.
//!
//! The server collects a burst of inbound texts, rebuilds what happened before from the
//! conversation's timeline ([`Memory`]), calls [`respond`], then sends the one reply and records
//! what the [`Turn`] reports (facts, intent, callback, booking, hand-off, disclosure, close).
//!
//! What it does, in order of precedence:
//! 1. an opt-out is never answered (the server handles STOP first; this is the safety net);
//! 2. a wrong number gets a short apology and closes (but "who is this?" is answered);
//! 3. "are you a bot?" is answered truthfully, whatever else happens below;
//! 4. a person takes over when the lead is frustrated or asks for a person or a team member;
//! 5. "not interested" closes politely;
//! 6. a person takes over price negotiation (or a second pricing ask) and complex needs;
//! 7. a reply to an open offer books a slot, or offers others;
//! 8. a call request is confirmed (with its time, or "shortly"); a booking request is offered
//!    slots or booked;
//! 9. otherwise a one-line answer (pricing, question, objection, text only, thanks) and the
//!    next step: the next unknown qualification question (one per reply, never a known one),
//!    then two bookable slots;
//! 10. what is not understood is asked about gently once, then handed to a person.
//!
//! Facts it reports: `need`, `timeline`, `budget`, `authority` (or any configured question's
//! slot), `callback_time` and `appointment` (lead-local `%Y-%m-%dT%H:%M`) and
//! `contact_preference` (`text`).
//!
//! Pure and deterministic like the rest of the crate: `now` is the lead's local time, given by
//! the caller, and the same input always gives the same turn. The agent's own words are plain
//! ASCII (the GSM-7 alphabet), and a reply is at most [`MAX_REPLY_CHARS`] long.
//!
//! The public API is [`respond`] and the types it takes and returns; the code behind it is laid
//! out by concern:
//! - `config`: [`AgentConfig`], its qualification [`Question`]s and booking [`Availability`];
//! - `message`: reading one inbound text (classification, corrected where the agent knows better);
//! - `flow`: the agent's state for one burst, the order of precedence above, and the reply's
//!   assembly (greeting, disclosure, opt-out notice);
//! - `facts`: the facts a burst states, and whether it answers the open question;
//! - `handoff`: closes (wrong number, not interested) and hand-offs to a person;
//! - `booking`: call-backs, booking offers and the replies to them;
//! - `slots`: which times the availability allows, and the slots to offer;
//! - `time`: the days, parts of day and exact times a burst names;
//! - `reply`: the agent's one-line answers (bot question, pricing, questions, objections);
//! - `text`: formatting times and fitting the reply into [`MAX_REPLY_CHARS`].

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::{Intent, normalise};

mod booking;
mod config;
mod facts;
mod flow;
mod handoff;
mod message;
mod reply;
mod slots;
mod text;
mod time;

pub use config::{AgentConfig, Availability, Question, default_questions};

use flow::Agent;
use message::{Msg, read_message};

/// The longest reply the agent sends, so one turn stays a short text, never a wall of text.
pub const MAX_REPLY_CHARS: usize = 320;

/// The longest fact value taken from a lead's own words, so the timeline stays readable.
pub const MAX_FACT_CHARS: usize = 120;

/// What happened before this burst, derived by the server from the conversation's timeline;
/// the agent itself keeps no state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    /// Known facts: slot → value.
    pub facts: BTreeMap<String, String>,
    /// AI (agent) messages already sent in this conversation; 0 means this reply is the first.
    pub ai_messages: u32,
    /// Slots already asked, in order; the last one is the open question unless it is known.
    pub asked: Vec<String>,
    /// Slots offered in the last booking offer (lead-local); empty if no offer is open.
    pub offered: Vec<NaiveDateTime>,
    /// The booked appointment (lead-local), if any.
    pub booked: Option<NaiveDateTime>,
    /// Consecutive previous bursts the agent did not understand.
    pub unclear_streak: u32,
    /// Previous bursts about pricing.
    pub pricing_asks: u32,
}

/// One call of the agent: who the lead is, their local time, the burst and the memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Input<'a> {
    /// The lead's first name, for the greeting.
    pub first_name: &'a str,
    /// The lead's local time (the caller converts zones; the agent never reads a clock).
    pub now: NaiveDateTime,
    /// The burst, oldest first.
    pub messages: &'a [String],
    /// What happened before the burst.
    pub memory: &'a Memory,
    /// Each message was read alone by [`crate::revocation`] when it arrived and none was a
    /// revocation (the server records that reading as the message's `keyword`, and only
    /// messages without one reach the agent). The agent then skips that reading of each
    /// message, the costliest part of classifying it; the burst read as a whole is still
    /// checked. `false` reads every message as if new.
    pub screened: bool,
}

/// Why the reply says the sender is automated, for the compliance record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disclosure {
    /// The first AI message identified the sender (and, if configured, that it is automated).
    Identification,
    /// The lead asked whether this is a bot, and the reply said it is an automated assistant.
    BotQuestion,
}

/// The conversation is over; the server sets its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Close {
    /// The lead declined.
    NotInterested,
    /// The number does not belong to the lead.
    WrongNumber,
}

/// The agent's decision for one burst: the reply and everything the server records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The one SMS to send (at most [`MAX_REPLY_CHARS`]); `None` means say nothing.
    pub reply: Option<String>,
    /// The burst's most actionable intent. An understood answer to a question is reported as
    /// `Interest` (not `Unknown`, which the server counts as unclear); `Unknown` means the agent
    /// did not understand the burst.
    pub intent: Intent,
    /// 0..1: how sure the agent is of `intent`.
    pub confidence: f32,
    /// The label the router acts on: "callback_request" (place a call), "booked",
    /// "text_only", "not_interested", "wrong_number", otherwise the intent's label; `None`
    /// when nothing was understood.
    pub timeline_intent: Option<String>,
    /// Facts learned or changed by this burst only.
    pub facts: BTreeMap<String, String>,
    /// Lead-local time the lead asked to be called at (`None` with a callback request: now).
    pub callback_at: Option<NaiveDateTime>,
    /// The slot this reply asks about (at most one question per reply).
    pub asked: Option<String>,
    /// Slots offered in this reply, lead-local.
    pub offered: Vec<NaiveDateTime>,
    /// The appointment booked by this burst, lead-local.
    pub booked: Option<NaiveDateTime>,
    /// Why a person should take over (the agent stops asking questions).
    pub handoff: Option<String>,
    /// The reply discloses who (or what) is texting.
    pub disclosure: Option<Disclosure>,
    /// The conversation should be closed.
    pub close: Option<Close>,
}

impl Turn {
    /// A turn that says nothing.
    fn silent(intent: Intent, confidence: f32) -> Turn {
        Turn {
            reply: None,
            intent,
            confidence,
            timeline_intent: (intent != Intent::Unknown).then(|| intent.as_str().to_owned()),
            facts: BTreeMap::new(),
            callback_at: None,
            asked: None,
            offered: Vec::new(),
            booked: None,
            handoff: None,
            disclosure: None,
            close: None,
        }
    }
}

/// Decides the reply to a burst. See the module documentation for the order of precedence.
pub fn respond(config: &AgentConfig, input: &Input<'_>) -> Turn {
    let screened = if input.screened { crate::Screened::NoRevocation } else { crate::Screened::No };
    let msgs: Vec<Msg> =
        input.messages.iter().filter(|m| !m.trim().is_empty()).map(|m| read_message(m, screened)).collect();
    if msgs.is_empty() {
        return Turn::silent(Intent::Unknown, 0.0);
    }
    let raw = msgs.iter().map(|m| m.raw.as_str()).collect::<Vec<_>>().join(" ");
    let norm = normalise::normalise(&raw);
    // A revocation split over messages ("stop" / "texting me") is read across the burst.
    let split_revocation = || msgs.len() > 1 && crate::revocation(&norm).is_some();
    if msgs.iter().any(|m| m.class.opt_out) || split_revocation() {
        // The server handles STOP before calling the agent; never answer one regardless.
        return Turn::silent(Intent::OptOut, 0.99);
    }
    let mut agent = Agent::new(config, input, msgs, raw, norm);
    agent.run();
    agent.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn an_empty_burst_says_nothing() {
        let memory = Memory::default();
        let now = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(8, 0, 0).unwrap();
        let messages = vec!["  ".to_owned()];
        let turn = respond(
            &AgentConfig::default(),
            &Input { first_name: "Sam", now, messages: &messages, memory: &memory, screened: false },
        );
        assert_eq!((turn.reply, turn.intent, turn.timeline_intent), (None, Intent::Unknown, None));
    }
}
