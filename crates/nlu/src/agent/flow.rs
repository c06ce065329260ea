//! The agent for one burst: what it knows while deciding, the order of precedence (`run`, as
//! listed in the module documentation), the next step when nothing more decisive happened
//! (`continue_flow`), and the reply's assembly with greeting, disclosure and opt-out notice
//! (`finish`). The steps themselves live in the sibling modules.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::message::Msg;
use super::text::{Part, booked_time, clip, compose};
use super::{AgentConfig, Disclosure, Input, MAX_FACT_CHARS, Memory, Question, Turn};
use crate::Intent;
use crate::normalise::{contains_phrase_in, text_bloom};

/// The agent's working state for one burst; [`respond`](super::respond) builds it, runs it and
/// turns it into a [`Turn`].
#[derive(Debug)]
pub(super) struct Agent<'a> {
    pub(super) config: &'a AgentConfig,
    input: &'a Input<'a>,
    pub(super) memory: &'a Memory,
    pub(super) msgs: Vec<Msg>,
    /// The burst, joined with spaces.
    pub(super) raw: String,
    /// The burst, normalised.
    pub(super) norm: String,
    /// The bloom of `norm`'s words, so most absent phrases cost no scan.
    bloom: u64,
    /// Facts learned (or changed) by this burst.
    pub(super) learned: BTreeMap<String, String>,
    /// The reply so far (without greeting and opt-out notice).
    parts: Vec<Part>,
    /// The intent reported, once decided.
    intent: Option<(Intent, f32)>,
    /// The router label, where it is not the intent's.
    pub(super) label: Option<&'static str>,
    pub(super) bot_answered: bool,
    /// The lead is not the person we think: no name in the greeting.
    pub(super) anonymous: bool,
    /// Messages taken as the answer to the open question ("this weekend" answers "when?").
    pub(super) answers: Vec<usize>,
    pub(super) turn: Turn,
}

impl<'a> Agent<'a> {
    /// The state for a burst: its messages, their text joined (`raw`) and that normalised.
    pub(super) fn new(
        config: &'a AgentConfig,
        input: &'a Input<'a>,
        msgs: Vec<Msg>,
        raw: String,
        norm: String,
    ) -> Self {
        let bloom = text_bloom(&norm);
        Agent {
            config,
            input,
            memory: input.memory,
            msgs,
            raw,
            norm,
            bloom,
            learned: BTreeMap::new(),
            parts: Vec::new(),
            intent: None,
            label: None,
            bot_answered: false,
            anonymous: false,
            answers: Vec::new(),
            turn: Turn::silent(Intent::Unknown, 0.0),
        }
    }

    // --- small helpers ---------------------------------------------------------------------

    pub(super) fn any(&self, intent: Intent) -> bool {
        self.msgs.iter().any(|m| m.is(intent))
    }

    pub(super) fn confidence_of(&self, intent: Intent) -> f32 {
        self.msgs.iter().filter(|m| m.is(intent)).map(|m| m.class.confidence).fold(0.0, f32::max)
    }

    fn has(&self, phrase: &str) -> bool {
        contains_phrase_in(&self.norm, self.bloom, phrase)
    }

    pub(super) fn has_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has(p))
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.parts.push(Part { text: text.into(), essential: false });
    }

    pub(super) fn say_essential(&mut self, text: impl Into<String>) {
        self.parts.push(Part { text: text.into(), essential: true });
    }

    /// Reports `intent` (later, more decisive steps overwrite earlier ones).
    pub(super) fn decide(&mut self, intent: Intent, confidence: f32) {
        self.intent = Some((intent, confidence));
    }

    /// Reports `intent` unless one is already reported.
    pub(super) fn decide_if_open(&mut self, intent: Intent, confidence: f32) {
        if self.intent.is_none() {
            self.intent = Some((intent, confidence));
        }
    }

    fn known(&self, slot: &str) -> bool {
        self.learned.contains_key(slot) || self.memory.facts.contains_key(slot)
    }

    fn fact(&self, slot: &str) -> Option<&str> {
        self.learned.get(slot).or_else(|| self.memory.facts.get(slot)).map(String::as_str)
    }

    pub(super) fn learn(&mut self, slot: &str, value: &str) {
        let value = clip(value.trim(), MAX_FACT_CHARS);
        if !value.is_empty() {
            self.learned.insert(slot.to_owned(), value);
        }
    }

    pub(super) fn now(&self) -> NaiveDateTime {
        self.input.now
    }

    /// The open question: the last slot asked, if it is a configured question still unknown.
    pub(super) fn open_question(&self) -> Option<&'a Question> {
        let last = self.memory.asked.last()?;
        if self.memory.facts.contains_key(last) {
            return None;
        }
        self.config.questions.iter().find(|q| &q.slot == last)
    }

    /// The last offer, until the lead answers it (a slot that has passed is re-offered).
    pub(super) fn open_offer(&self) -> Option<Vec<NaiveDateTime>> {
        let offered = &self.memory.offered;
        (!offered.is_empty()).then(|| offered.clone())
    }

    pub(super) fn first_name(&self) -> &str {
        self.input.first_name.trim()
    }

    // --- the decision ----------------------------------------------------------------------

    pub(super) fn run(&mut self) {
        if self.any(Intent::WrongNumber) {
            return self.wrong_number();
        }
        self.extract_facts();
        if self.any(Intent::BotQuestion) {
            self.answer_bot_question();
        } else if self.msgs.iter().any(|m| m.who_is_this) {
            self.answer_who_is_this();
        }
        if let Some((reason, intent, confidence)) = self.person_handoff() {
            return self.handoff(&reason, intent, confidence);
        }
        if self.not_interested() {
            return self.close_not_interested();
        }
        if let Some((reason, intent, confidence)) = self.need_handoff() {
            return self.handoff(&reason, intent, confidence);
        }
        if let Some(offer) = self.open_offer()
            && let Some(choice) = self.choose(&offer)
        {
            return self.take_choice(choice, &offer);
        }
        if self.memory.booked.is_some() && self.change_booking() {
            return;
        }
        if self.schedule() {
            return;
        }
        self.acknowledge();
        if self.intent.is_none() && !self.bot_answered {
            return self.unclear();
        }
        self.continue_flow();
    }

    pub(super) fn finish(mut self) -> Turn {
        let first = self.memory.ai_messages == 0;
        let (intent, confidence) = self.intent.unwrap_or((Intent::Unknown, 0.0));
        self.turn.intent = intent;
        self.turn.confidence = confidence;
        self.turn.timeline_intent = match self.label {
            Some(label) => Some(label.to_owned()),
            None => (intent != Intent::Unknown).then(|| intent.as_str().to_owned()),
        };
        self.turn.facts = self
            .learned
            .iter()
            .filter(|(k, v)| self.memory.facts.get(*k) != Some(*v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !self.parts.is_empty() {
            let (prefix, suffix) = if first {
                let name = if self.anonymous || self.first_name().is_empty() {
                    String::new()
                } else {
                    format!(" {}", self.first_name())
                };
                let automated =
                    if self.config.disclose_ai || self.bot_answered { ", an automated assistant" } else { "" };
                (
                    format!(
                        "Hi{name}, this is {} with {}{automated}. ",
                        self.config.persona.trim(),
                        self.config.company.trim()
                    ),
                    " Reply STOP to opt out.".to_owned(),
                )
            } else {
                (String::new(), String::new())
            };
            self.turn.reply = Some(compose(&prefix, &self.parts, &suffix));
            if self.bot_answered {
                self.turn.disclosure = Some(Disclosure::BotQuestion);
            } else if first {
                self.turn.disclosure = Some(Disclosure::Identification);
            }
        }
        self.turn
    }

    // --- pricing asks (read by hand-offs and acknowledgements) -----------------------------

    /// Asks about price (not a budget statement like "$20k").
    pub(super) fn pricing_ask(&self) -> bool {
        let budget_open = self.open_question().is_some_and(|q| q.slot == "budget");
        self.msgs
            .iter()
            .any(|m| m.is(Intent::Pricing) && (m.asks() || (!m.class.slots.contains_key("budget") && !budget_open)))
    }

    // --- the next step ---------------------------------------------------------------------

    /// Nothing understood: ask gently, or hand off if it keeps happening.
    fn unclear(&mut self) {
        if self.memory.unclear_streak >= 1 {
            return self.handoff("repeated confusion", Intent::Unknown, 0.0);
        }
        self.say("Sorry, I didn't quite catch that.");
        self.continue_flow();
    }

    /// The next step: the next unknown question, else the open offer, else a new offer.
    fn continue_flow(&mut self) {
        if let Some(booked) = self.turn.booked.or(self.memory.booked) {
            if self.parts.iter().all(|p| !p.essential) {
                self.say_essential(format!("You're all set for {}.", booked_time(booked)));
            }
            return;
        }
        let next = self.config.questions.iter().find(|q| !self.known(&q.slot));
        if let Some(q) = next {
            self.turn.asked = Some(q.slot.clone());
            let text = q.text.trim().to_owned();
            return self.say_essential(text);
        }
        if self.fact("contact_preference") == Some("text") {
            let confidence = self.intent.map_or(0.7, |(_, c)| c);
            let intent = self.intent.map_or(Intent::Interest, |(i, _)| i);
            return self.handoff("qualified, prefers text", intent, confidence);
        }
        let slots = self
            .open_offer()
            .filter(|offer| offer.iter().all(|t| *t > self.now()))
            .unwrap_or_else(|| self.pair_from(self.earliest()));
        self.offer(slots);
    }
}
