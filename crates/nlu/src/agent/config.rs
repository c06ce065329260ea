//! The agent's configuration: the persona and company it speaks for, the qualification
//! questions it asks, the team it hands off to, and when bookings can be made. Every field has a
//! default, so a campaign overrides only what it needs.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// Who the agent is and how it qualifies and books; a campaign can override any field (the
/// server parses overrides from the campaign JSON, so every field has a default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentConfig {
    /// The name the agent signs as ("Ava"): the persona the lead already met in the intro text.
    pub persona: String,
    /// The business the agent speaks for ("Acme Solar").
    pub company: String,
    /// The first AI message says it is an automated assistant (bot-disclosure laws).
    pub disclose_ai: bool,
    /// Qualification questions, asked one at a time in this order, skipping known slots.
    pub questions: Vec<Question>,
    /// When bookings can be made, in the lead's local time.
    pub availability: Availability,
    /// First names of human team members: a lead asking for one is handed off.
    pub team: Vec<String>,
}

impl Default for AgentConfig {
    fn default() -> Self {
        AgentConfig {
            persona: "Ava".to_owned(),
            company: "Acme Solar".to_owned(),
            disclose_ai: true,
            questions: default_questions(),
            availability: Availability::default(),
            team: Vec::new(),
        }
    }
}

/// One qualification question: the fact it fills and how it is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The fact key the answer is stored under ("need", "timeline", "budget", "authority").
    pub slot: String,
    /// The words sent to the lead.
    pub text: String,
}

impl Question {
    /// A question for `slot`, asked as `text`.
    pub fn new(slot: &str, text: &str) -> Self {
        Question { slot: slot.to_owned(), text: text.to_owned() }
    }
}

/// The classic qualification order: need, timeline, budget, authority.
pub fn default_questions() -> Vec<Question> {
    vec![
        Question::new("need", "What project can we help you with?"),
        Question::new("timeline", "When are you hoping to get this done?"),
        Question::new("budget", "Roughly what budget do you have in mind?"),
        Question::new("authority", "Will anyone else be part of the decision, like a spouse or co-owner?"),
    ]
}

/// When the specialist can take booked calls, in the lead's local time, so the agent only
/// offers (and only accepts) times that someone can keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Availability {
    /// Days bookings can be made on.
    pub days: Vec<Weekday>,
    /// The first slot starts at this time.
    pub start: NaiveTime,
    /// The last slot ends by this time.
    pub end: NaiveTime,
    /// Length of a slot; slot starts are `start` plus whole slots.
    pub slot_minutes: u32,
    /// The earliest bookable slot is at least this far from `now`.
    pub min_notice_minutes: u32,
}

impl Default for Availability {
    fn default() -> Self {
        Availability {
            days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            end: NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
            slot_minutes: 30,
            min_notice_minutes: 120,
        }
    }
}
