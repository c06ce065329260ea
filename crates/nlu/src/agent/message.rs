//! Reading one inbound text: its normalised form and classification, corrected where the agent
//! knows better than the classifier ("who is this?" is not a wrong number, "this is not a good
//! time" is not "this is not Sam", "I'm the owner" is not a request for the owner).

use crate::normalise::{contains_phrase, contains_phrase_in, normalise, text_bloom};
use crate::{Classification, Intent, Screened, classify};

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

    /// The intent is the intent model's reading, not a rule's.
    pub(super) fn read_by_model(&self) -> bool {
        self.class.matched.as_deref().is_some_and(|m| m.starts_with(crate::MODEL_READING))
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

/// `screened`: the server already read `raw` alone for a revocation and found none.
pub(super) fn read_message(raw: &str, screened: Screened) -> Msg {
    let norm = normalise(raw);
    // A short reply the rules have no phrase for is, to the agent, an answer to what it just
    // asked or offered ("the second one", "Solar for my house"): the intent model, trained on
    // replies out of context, reads those as whatever they resemble. Only a near-certain
    // reading ("wie viel kostet das", 0.97) stands.
    let short = norm.split_whitespace().count() <= SHORT_WORDS;
    let threshold = if short { SURE } else { crate::learned::INTENT_THRESHOLD };
    let (mut class, by_model) = crate::read(raw, &norm, threshold, screened);
    let mut who_is_this = false;
    let without = |phrase: &str| classify(&norm.replacen(phrase, " ", 1));
    // The phrase that decided, or, when the intent model decided instead (it reads "who is
    // this?" as a question or a wrong number), one of the corrected phrases present.
    let phrase = |phrases: &[&'static str]| -> Option<&'static str> {
        if by_model {
            return phrases.iter().copied().find(|p| contains_phrase(&norm, p));
        }
        let matched = class.matched.as_deref()?;
        phrases.iter().copied().find(|p| *p == matched)
    };
    match class.intent {
        // "Who is this?" is usually a lead who forgot the form: tell them, don't close.
        Intent::WrongNumber | Intent::Question | Intent::Unknown if let Some(p) = phrase(WHO_IS_THIS) => {
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
        Intent::WrongNumber if let Some(p) = phrase(THIS_IS_NOT) => {
            let next = norm.split_once(p).and_then(|(_, after)| after.split_whitespace().next()).unwrap_or("");
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            if NOT_A_NAME.contains(&next) {
                class = without(p);
            }
        }
        // "It's not me who decides" is not "not me".
        Intent::WrongNumber if phrase(&["not me"]).is_some() && norm.split_whitespace().count() > 3 => {
            class = without("not me");
        }
        // "I'm the owner" answers the authority question; it is not a request for the owner.
        Intent::HumanRequest
            if phrase(&["the owner"]).is_some() && OWNER_SELF.iter().any(|p| contains_phrase(&norm, p)) =>
        {
            class = without("the owner");
        }
        _ => {}
    }
    let bloom = text_bloom(&norm);
    Msg { raw: raw.trim().to_owned(), norm, bloom, class, who_is_this }
}

/// Replies of at most this many words are read in the conversation's context (above).
const SHORT_WORDS: usize = 4;
/// The intent model's probability at which a short reply keeps its reading.
const SURE: f32 = 0.9;

const WHO_IS_THIS: &[&str] = &["who is this", "who's this", "whos this", "who dis"];
const THIS_IS_NOT: &[&str] = &["this is not", "this isn't", "this isnt"];

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
