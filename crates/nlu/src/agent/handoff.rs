//! Ending the agent's part: closing a wrong number or a polite "not interested", and handing
//! the conversation to a person (frustration, a person or team member asked for, price
//! negotiation, a complex need, and the hand-offs other steps ask for), with the reply for each.

use super::Close;
use super::booking::Choice;
use super::flow::Agent;
use super::text::capitalise;
use crate::Intent;
use crate::normalise::normalise;

impl Agent<'_> {
    pub(super) fn wrong_number(&mut self) {
        self.anonymous = true;
        self.decide(Intent::WrongNumber, self.confidence_of(Intent::WrongNumber));
        self.label = Some("wrong_number");
        self.turn.close = Some(Close::WrongNumber);
        self.say_essential("Sorry about that, we'll update our records. Have a good day!");
    }

    /// Declined, and did not change their mind later in the burst. A bare "no" answers an
    /// open question or offer instead.
    pub(super) fn not_interested(&self) -> bool {
        const STRONG: &[&str] =
            &["not interested", "no thanks", "no thank you", "no me interesa", "no estoy interesado"];
        let answering = self.open_question().is_some() || self.open_offer().is_some();
        // "neither of those work for me": the offered slots refused, not the product, however
        // the intent model reads it.
        let slots_refused = self.open_offer().is_some_and(|offer| self.choose(&offer) == Some(Choice::Neither));
        let last_no = self.msgs.iter().rposition(|m| {
            (m.is(Intent::NotInterested) && !(answering && m.bare_no()) && !slots_refused) || m.has_any(STRONG)
        });
        let Some(last_no) = last_no else { return false };
        let positive = [Intent::Interest, Intent::Schedule, Intent::Pricing, Intent::Question];
        !self.msgs[last_no + 1..].iter().any(|m| positive.contains(&m.class.intent))
    }

    pub(super) fn close_not_interested(&mut self) {
        let confidence = self.confidence_of(Intent::NotInterested).max(0.6);
        self.decide(Intent::NotInterested, confidence);
        self.label = Some("not_interested");
        self.turn.close = Some(Close::NotInterested);
        self.say_essential(
            "Understood, thanks for letting me know. If anything changes, just reply here. Have a great day!",
        );
    }

    /// Hand-offs that outrank a close: the lead wants a person.
    pub(super) fn person_handoff(&self) -> Option<(String, Intent, f32)> {
        // "the second one" picks an offered slot, however the intent model reads it out of
        // context (retrained with blind110–blind113, it read that as frustration at 0.94); a
        // rule's frustration ("3rd text today, pick the 2nd one and stop") still hands off.
        // Read only when a frustration is the model's alone.
        let slot_picked = || {
            self.open_offer().is_some_and(|offer| matches!(self.choose(&offer), Some(Choice::Pick(_) | Choice::At(_))))
        };
        if self.msgs.iter().any(|m| m.is(Intent::Frustration) && !(m.read_by_model() && slot_picked())) {
            return Some(("frustration".to_owned(), Intent::Frustration, self.confidence_of(Intent::Frustration)));
        }
        if let Some(name) = self.named_person() {
            return Some((format!("asked for {name}"), Intent::HumanRequest, 0.9));
        }
        if self.any(Intent::HumanRequest) {
            return Some((
                "asked for a person".to_owned(),
                Intent::HumanRequest,
                self.confidence_of(Intent::HumanRequest),
            ));
        }
        None
    }

    /// Hand-offs for what the agent should not handle alone.
    pub(super) fn need_handoff(&self) -> Option<(String, Intent, f32)> {
        let pricing = self.pricing_ask();
        if self.has_any(NEGOTIATION) || (pricing && self.memory.pricing_asks >= 1) {
            return Some((
                "pricing negotiation".to_owned(),
                Intent::Pricing,
                self.confidence_of(Intent::Pricing).max(0.7),
            ));
        }
        let words = self.raw.split_whitespace().count();
        let mut questions = 0;
        let mut previous = ' ';
        for c in self.raw.chars() {
            if c == '?' && previous != '?' {
                questions += 1;
            }
            previous = c;
        }
        if words > 40 && questions >= 2 {
            return Some(("complex need".to_owned(), Intent::Question, 0.7));
        }
        None
    }

    /// A person named by the lead: a team member, or "talk to Mike" / "can Mike call".
    fn named_person(&self) -> Option<String> {
        let persona = self.config.persona.trim().to_lowercase();
        let lead = self.first_name().to_lowercase();
        let tokens: Vec<(&str, String)> = self
            .raw
            .split_whitespace()
            .map(|t| {
                let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
                (t, normalise(t))
            })
            .collect();
        let prev = |i: usize, k: usize| i.checked_sub(k).map(|j| tokens[j].1.as_str());
        let next = |i: usize, k: usize| tokens.get(i + k).map(|t| t.1.as_str());
        // "talk to X", "speak with X", "ask for X", "can X call", "have X text me".
        let requested = |i: usize| {
            matches!(
                (prev(i, 2), prev(i, 1)),
                (Some("talk" | "speak" | "chat"), Some("to" | "with")) | (Some("ask"), Some("for"))
            ) || (matches!(prev(i, 1), Some("can" | "could" | "have"))
                && matches!(next(i, 1), Some("call" | "text" | "reach" | "contact")))
        };
        // Also "is X there", "X call me": enough for a configured team member's name.
        let mentioned = |i: usize| {
            requested(i)
                || (prev(i, 1) == Some("is") && matches!(next(i, 1), Some("there" | "available" | "around" | "in")))
                || (next(i, 1) == Some("call") && next(i, 2) == Some("me"))
        };
        for member in &self.config.team {
            let name = member.trim();
            let key = normalise(name);
            if key.is_empty() || key == persona || key == lead {
                continue;
            }
            let hit = (0..tokens.len())
                .any(|i| tokens[i].1 == key && (!COMMON_WORD_NAMES.contains(&key.as_str()) || mentioned(i)));
            if hit {
                return Some(name.to_owned());
            }
        }
        // Someone not in the configured team, named (capitalised) in an unmistakable request.
        tokens.iter().enumerate().find_map(|(i, (orig, key))| {
            let capitalised = orig.chars().next().is_some_and(char::is_uppercase) && i > 0;
            let name_like = key.chars().all(char::is_alphabetic) && key.len() >= 2;
            let excluded = NOT_PEOPLE.contains(&key.as_str()) || *key == persona || *key == lead;
            (capitalised && name_like && !excluded && requested(i)).then(|| capitalise(key))
        })
    }

    pub(super) fn handoff(&mut self, reason: &str, intent: Intent, confidence: f32) {
        self.decide(intent, confidence);
        self.turn.handoff = Some(reason.to_owned());
        let text = if reason == "frustration" {
            "I'm sorry about that. A member of our team will follow up with you personally.".to_owned()
        } else if let Some(name) = reason.strip_prefix("asked for ").filter(|n| *n != "a person") {
            format!("Of course. I'll let {name} know, and our team will follow up with you shortly.")
        } else {
            match reason {
                "asked for a person" => "Of course. A member of our team will follow up with you shortly.",
                "pricing negotiation" => {
                    "Good question. Our specialist handles pricing and will follow up with you shortly."
                }
                "complex need" => {
                    "Thanks for the details. A specialist from our team will follow up to answer these properly."
                }
                "repeated confusion" => {
                    "Sorry, I'm having trouble understanding. A member of our team will follow up with you shortly."
                }
                "asked to cancel the appointment" => {
                    "Understood. A member of our team will follow up to take care of your appointment."
                }
                "qualified, prefers text" => {
                    "Thanks, that's everything I need. A specialist will follow up with you by text."
                }
                "no open booking slots" => "A member of our team will follow up to find a time that works for you.",
                _ => "A member of our team will follow up with you shortly.",
            }
            .to_owned()
        };
        self.say_essential(text);
    }
}

/// Pushing on price: a person negotiates, not the agent.
pub(super) const NEGOTIATION: &[&str] = &[
    "discount",
    "discounts",
    "cheaper",
    "cheapest",
    "better price",
    "better deal",
    "best price",
    "best deal",
    "price match",
    "match the price",
    "match their price",
    "negotiate",
    "negotiable",
    "too expensive",
    "too pricey",
    "too much money",
    "lower the price",
    "lower price",
    "knock",
    "for less",
    "come down",
    "wiggle room",
    "beat their price",
    "beat the price",
    "beat that",
    "descuento",
    "mas barato",
];

/// Team names that are also everyday words: matched only as "talk to Will", "can Will call".
const COMMON_WORD_NAMES: &[&str] = &[
    "will", "may", "mark", "bill", "pat", "art", "grant", "hope", "joy", "faith", "rob", "sue", "frank", "jack",
    "june", "april", "dawn", "rose", "chase", "chip", "gene", "lane", "max", "ray", "rich", "skip", "sunny", "summer",
    "drew", "guy", "holly", "ivy", "jay", "amber", "angel", "autumn", "brook", "carol", "cliff", "crystal", "daisy",
    "don", "herb", "lily", "miles", "nick", "norm", "page", "penny", "pearl", "robin", "rock", "ruby", "rusty",
    "sandy", "sky", "stone", "wade", "ward", "bob", "mat", "matt", "sam", "sol",
];

/// Words after "can … call" or "talk to …" that are not a person's name.
const NOT_PEOPLE: &[&str] = &[
    "you",
    "u",
    "ya",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "they",
    "he",
    "she",
    "we",
    "i",
    "ur",
    "your",
    "a",
    "an",
    "the",
    "one",
    "yall",
    "y'all",
    "people",
    "this",
    "that",
    "it",
    "my",
    "me",
    "him",
    "her",
    "them",
    "us",
    "sales",
    "support",
    "about",
    "with",
    "to",
    "for",
    "and",
    "or",
    "real",
    "live",
    "human",
    "person",
    "agent",
    "rep",
    "manager",
    "somebody's",
    "anyone's",
    "who",
    "ai",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "someone's",
    "billing",
    "customer",
];
