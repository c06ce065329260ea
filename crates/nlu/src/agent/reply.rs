//! The agent's one-line answers: to "are you a bot?" and "who is this?" (which precede
//! everything else), and the short acknowledgement of a pricing ask, a question, an objection,
//! a text-only request, thanks or a greeting before the next step. Never a made-up fact: details
//! are left to the specialist.

use super::flow::Agent;
use super::message::Msg;
use crate::Intent;

impl Agent<'_> {
    pub(super) fn answer_bot_question(&mut self) {
        self.bot_answered = true;
        let confidence = self.confidence_of(Intent::BotQuestion);
        self.decide(Intent::BotQuestion, confidence);
        let first = self.memory.ai_messages == 0;
        let identity = if first {
            // The greeting already says who and what is texting.
            String::new()
        } else {
            format!("I'm {}, an automated assistant for {}. ", self.config.persona.trim(), self.config.company.trim())
        };
        self.say_essential(format!("{identity}A person from our team can take over any time if you'd like."));
    }

    pub(super) fn answer_who_is_this(&mut self) {
        self.decide(Intent::Question, 0.7);
        if self.memory.ai_messages == 0 {
            self.say_essential("I'm following up on your recent request.");
        } else {
            let automated = if self.config.disclose_ai { ", an automated assistant" } else { "" };
            self.say_essential(format!(
                "This is {} with {}{automated}, following up on your recent request.",
                self.config.persona.trim(),
                self.config.company.trim()
            ));
        }
    }

    /// A short answer to whatever the burst says, before the next step.
    pub(super) fn acknowledge(&mut self) {
        if self.any(Intent::TextOnly) {
            self.decide_if_open(Intent::TextOnly, self.confidence_of(Intent::TextOnly));
            self.label = self.label.or(Some("text_only"));
            self.say("No problem, we'll keep it to text.");
            return;
        }
        if self.pricing_ask() {
            self.decide_if_open(Intent::Pricing, self.confidence_of(Intent::Pricing));
            self.say(PRICING_ANSWER);
            return;
        }
        if let Some(m) = self.msgs.iter().find(|m| m.is(Intent::Question) && !m.who_is_this) {
            let text = question_answer(m);
            self.decide_if_open(Intent::Question, self.confidence_of(Intent::Question));
            self.say(text);
            return;
        }
        if let Some(m) = self.msgs.iter().find(|m| m.is(Intent::Objection)) {
            let text = objection_answer(m);
            self.decide_if_open(Intent::Objection, self.confidence_of(Intent::Objection));
            self.say(text);
            return;
        }
        // An answer (or a budget stated unasked) is engagement: reported as interest, so the
        // server neither counts it as unclear nor as a pricing ask.
        let new_facts = self.learned.iter().any(|(k, v)| self.memory.facts.get(k) != Some(v));
        if new_facts || self.any(Intent::Pricing) {
            self.decide_if_open(Intent::Interest, self.confidence_of(Intent::Interest).max(0.7));
            self.say("Got it, thanks.");
        } else if self.has_any(GREETINGS) && self.msgs.iter().all(|m| m.is(Intent::Unknown) || m.is(Intent::Interest)) {
            self.decide_if_open(Intent::Interest, 0.5);
            if self.memory.ai_messages > 0 {
                self.say("Hi!");
            }
        } else if self.has_any(THANKS) {
            self.decide_if_open(Intent::Interest, 0.6);
            self.say("You're welcome!");
        } else if self.any(Intent::Interest) {
            self.decide_if_open(Intent::Interest, self.confidence_of(Intent::Interest));
            self.say("Great!");
        }
    }
}

fn question_answer(m: &Msg) -> &'static str {
    if m.has_any(&["how long", "cuanto tiempo", "take", "timeline", "how soon"]) {
        "Timing depends on the project, and our specialist can give you a clear timeline."
    } else if m.has_any(&["warranty", "warranties", "guarantee", "garantia"]) {
        "Warranty coverage depends on the products you choose, and our specialist can walk you through it."
    } else if m.has_any(&["area", "areas", "where", "located", "serve", "near", "location"]) {
        "Our specialist can confirm coverage for your area."
    } else if m.has_any(&["how does", "how do", "how it works", "what is", "que es", "como"]) {
        "Happy to explain. Our specialist can walk you through how it would work for you."
    } else if m.has_any(&["info", "information", "details", "send"]) {
        "Happy to help with details."
    } else {
        "Good question. Our specialist can go over the details with you."
    }
}

fn objection_answer(m: &Msg) -> &'static str {
    if m.has_any(&["my husband", "my wife", "my spouse", "my partner", "need to ask", "need to talk to", "check with"])
    {
        "Of course, it makes sense to decide together."
    } else if m.has_any(TRUST) {
        "Fair question. There's no obligation, and you can ask our specialist anything before deciding."
    } else if m.has_any(&["renting", "i rent", "we rent", "landlord"]) {
        "Thanks for letting me know."
    } else if m.has_any(&[
        "already have",
        "i have a provider",
        "current provider",
        "happy with",
        "already covered",
        "covered through",
        "ya tengo",
    ]) {
        "Understood. It never hurts to compare, and there's no obligation."
    } else if m.has_any(&["too busy", "timing isn't great", "timing isnt great"]) {
        "No problem, we can go at your pace."
    } else if m.has_any(&["credit", "bad credit"]) {
        "Understood. Our specialist can walk you through the options."
    } else if m.has_any(&[
        "long contract",
        "long contracts",
        "commit",
        "that's a long time",
        "thats a long time",
        "pushy",
        "salesperson",
        "sales person",
        "not trying to",
    ]) {
        "Understood, there's no pressure and no obligation."
    } else if m.has_any(&[
        "think about it",
        "thinking about it",
        "lo voy a pensar",
        "not sure",
        "i don't know",
        "idk",
        "no se",
    ]) {
        "No rush at all."
    } else {
        "I understand."
    }
}

/// Objections that question trust: never taken as an answer to a question.
pub(super) const TRUST: &[&str] =
    &["scam", "legit", "trust", "reviews", "sketchy", "too good", "catch", "burned", "no confio", "cautious"];

/// The answer to a first pricing ask: honest, and never a made-up number.
const PRICING_ANSWER: &str =
    "Good question. Exact pricing depends on your situation, so our specialist will give you exact figures.";

/// Gratitude, which needs no clarification.
const THANKS: &[&str] = &["thanks", "thank you", "thx", "ty", "tyvm", "appreciate it", "gracias", "cheers", "thank u"];

/// A greeting, which needs no clarification either.
const GREETINGS: &[&str] = &["hi", "hello", "hey", "hola", "howdy", "good morning", "good afternoon", "good evening"];
