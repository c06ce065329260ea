//! Reading one inbound text: its normalised form and classification, corrected where the agent
//! knows better than the classifier ("who is this?" is not a wrong number, "this is not a good
//! time" is not "this is not Sam", "I'm the owner" is not a request for the owner).

use crate::normalise::{contains_phrase, contains_phrase_in, normalise, text_bloom};
use crate::{Classification, Intent, classify};

/// One inbound message, read.
#[derive(Debug)]
pub(super) struct Msg {
    pub(super) raw: String,
    pub(super) norm: String,
    /// The bloom of `norm`'s words, so most absent phrases cost no scan.
    pub(super) bloom: u64,
    /// The classification, corrected where the agent knows better (see `read_message`).
    pub(super) class: Classification,
    /// Asked who is texting ("who is this?"): answered, not taken as a wrong number.
    pub(super) who_is_this: bool,
}

impl Msg {
    fn has(&self, phrase: &str) -> bool {
        contains_phrase_in(&self.norm, self.bloom, phrase)
    }

    pub(super) fn has_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has(p))
    }

    pub(super) fn is(&self, intent: Intent) -> bool {
        self.class.intent == intent
    }

    pub(super) fn asks(&self) -> bool {
        self.norm.contains('?')
    }

    /// The message with punctuation and emoji stripped from both ends.
    fn bare(&self) -> &str {
        self.norm.trim_matches(|c: char| !c.is_alphanumeric())
    }

    pub(super) fn bare_no(&self) -> bool {
        matches!(self.bare(), "no" | "nope" | "nah" | "no." | "negative")
    }
}

pub(super) fn read_message(raw: &str) -> Msg {
    let norm = normalise(raw);
    let mut class = classify(raw);
    let mut who_is_this = false;
    let without = |phrase: &str| classify(&norm.replacen(phrase, " ", 1));
    match (class.intent, class.matched.clone().as_deref()) {
        // "Who is this?" is usually a lead who forgot the form: tell them, don't close.
        (Intent::WrongNumber, Some(p @ ("who is this" | "who's this" | "whos this" | "who dis"))) => {
            let rest = without(p);
            if rest.intent != Intent::WrongNumber {
                who_is_this = true;
                class = Classification {
                    intent: if rest.intent == Intent::Unknown { Intent::Question } else { rest.intent },
                    confidence: rest.confidence.max(0.6),
                    matched: rest.matched.or(Some(p.to_owned())),
                    ..rest
                };
            }
        }
        // "This is not a good time" is not "this is not Sam".
        (Intent::WrongNumber, Some(p @ ("this is not" | "this isn't" | "this isnt"))) => {
            let next = norm.split_once(p).and_then(|(_, after)| after.split_whitespace().next()).unwrap_or("");
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            if NOT_A_NAME.contains(&next) {
                class = without(p);
            }
        }
        // "It's not me who decides" is not "not me".
        (Intent::WrongNumber, Some("not me")) if norm.split_whitespace().count() > 3 => class = without("not me"),
        // "I'm the owner" answers the authority question; it is not a request for the owner.
        (Intent::HumanRequest, Some("the owner")) if OWNER_SELF.iter().any(|p| contains_phrase(&norm, p)) => {
            class = without("the owner");
        }
        _ => {}
    }
    let bloom = text_bloom(&norm);
    Msg { raw: raw.trim().to_owned(), norm, bloom, class, who_is_this }
}

/// Words that can follow "this is not" without it being a name.
const NOT_A_NAME: &[&str] = &[
    "a",
    "an",
    "the",
    "good",
    "great",
    "right",
    "what",
    "how",
    "really",
    "worth",
    "for",
    "something",
    "my",
    "our",
    "about",
    "working",
    "going",
    "true",
    "fair",
    "ok",
    "okay",
    "helpful",
    "clear",
    "it",
    "that",
    "very",
    "too",
    "so",
    "",
];

const OWNER_SELF: &[&str] =
    &["i'm the owner", "im the owner", "i am the owner", "we're the owners", "were the owners", "we are the owners"];
