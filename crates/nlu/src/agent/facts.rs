//! Facts from the lead's own words: a need ("need a new roof"), who decides ("it's my house"),
//! a budget or timeline the classifier found, a preference for text, and the answer to the open
//! qualification question (which a bare "ok" answers only when the question is yes/no).

use super::booking::{BOOKING_WORDS, CALL_WORDS};
use super::flow::Agent;
use super::handoff::NEGOTIATION;
use super::message::Msg;
use super::reply::TRUST;
use crate::Intent;
use crate::normalise::{contains_phrase, contains_phrase_in, normalise};

impl Agent<'_> {
    pub(super) fn extract_facts(&mut self) {
        let mut found: Vec<(&'static str, String)> = Vec::new();
        // Messages that state a need or who decides: not a raw answer to another question.
        let mut statements = Vec::new();
        for (i, m) in self.msgs.iter().enumerate() {
            if let Some(budget) = m.class.slots.get("budget")
                && !m.asks()
            {
                found.push(("budget", budget.clone()));
            }
            if let Some(timeline) = m.class.slots.get("timeline")
                && !(m.is(Intent::Schedule) && m.has_any(CALL_WORDS))
            {
                found.push(("timeline", timeline.clone()));
            }
            if let Some(need) = find_need(&m.raw) {
                found.push(("need", need));
                statements.push((i, "need"));
            }
            if let Some(authority) = find_authority(&m.norm, m.bloom) {
                found.push(("authority", authority.to_owned()));
                statements.push((i, "authority"));
            }
            if m.is(Intent::TextOnly) {
                found.push(("contact_preference", "text".to_owned()));
            }
        }
        for (slot, value) in found {
            self.learn(slot, &value);
        }
        let Some(open) = self.open_question() else { return };
        if self.learned.contains_key(&open.slot) {
            return;
        }
        let yes_no = is_yes_no(&open.text);
        let answers: Vec<usize> = (0..self.msgs.len())
            .filter(|i| answers_question(&self.msgs[*i], &open.slot, yes_no))
            .filter(|i| !statements.iter().any(|(j, slot)| j == i && *slot != open.slot))
            .collect();
        if answers.is_empty() {
            return;
        }
        let text = answers.iter().map(|i| self.msgs[*i].raw.as_str()).collect::<Vec<_>>().join(" ");
        let norm = normalise(&text);
        // Text that only restates a budget or timeline just learned does not answer this one.
        let mut rest = norm.clone();
        for value in self.learned.values() {
            rest = rest.replace(&normalise(value), " ");
        }
        let substantive = rest
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .any(|w| !FILLER.contains(&w));
        if !substantive {
            return;
        }
        let value = match open.slot.as_str() {
            "authority" => authority_answer(&norm).map_or(text.clone(), str::to_owned),
            _ => text.clone(),
        };
        let slot = open.slot.clone();
        self.learn(&slot, &value);
        self.answers = answers;
    }
}

/// Interest phrases that ask for something rather than answer.
const REQUESTS: &[&str] = &[
    "what's next",
    "whats next",
    "next steps",
    "send me more info",
    "send the info",
    "send me info",
    "send me the info",
    "tell me more",
];

/// The message can be taken as the answer to the open question `slot`. A bare "ok" or "yes"
/// answers only a yes/no question.
fn answers_question(m: &Msg, slot: &str, yes_no: bool) -> bool {
    if m.asks() || !m.norm.chars().any(char::is_alphanumeric) {
        return false;
    }
    let words: Vec<&str> =
        m.norm.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    if !yes_no && words.iter().all(|w| ACKNOWLEDGEMENTS.contains(w)) {
        return false;
    }
    match m.class.intent {
        Intent::Unknown => true,
        Intent::Interest => !m.has_any(REQUESTS),
        Intent::Objection => !m.has_any(TRUST),
        Intent::Pricing => slot == "budget" && !m.has_any(NEGOTIATION),
        Intent::Schedule => slot == "timeline" && !m.has_any(CALL_WORDS) && !m.has_any(BOOKING_WORDS),
        Intent::NotInterested => m.bare_no(),
        _ => false,
    }
}

/// A question answered by yes or no ("Will anyone else be part of the decision?").
fn is_yes_no(question: &str) -> bool {
    let first = question.split_whitespace().next().unwrap_or("").to_lowercase();
    [
        "will", "do", "does", "did", "are", "is", "am", "was", "were", "can", "could", "have", "has", "would",
        "should", "may",
    ]
    .contains(&first.as_str())
}

/// Words of a reply that only acknowledges ("ok sounds good!", "yes, still interested").
const ACKNOWLEDGEMENTS: &[&str] = &[
    "ok",
    "okay",
    "k",
    "kk",
    "sure",
    "yes",
    "yeah",
    "yea",
    "yep",
    "yup",
    "ya",
    "si",
    "sounds",
    "good",
    "great",
    "cool",
    "perfect",
    "awesome",
    "thanks",
    "thank",
    "you",
    "thx",
    "ty",
    "alright",
    "fine",
    "nice",
    "hi",
    "hello",
    "hey",
    "hola",
    "me",
    "interesa",
    "interested",
    "i'm",
    "im",
    "i",
    "am",
    "still",
    "definitely",
    "absolutely",
    "for",
    "please",
    "of",
    "course",
    "claro",
    "perfecto",
    "that",
    "works",
    "lol",
    "haha",
    "no",
    "nope",
    "nah",
    "gracias",
];

/// Words that carry no answer by themselves.
const FILLER: &[&str] = &[
    "budget", "is", "its", "it's", "it", "around", "about", "roughly", "maybe", "probably", "my", "our", "and", "the",
    "a", "an", "by", "in", "for", "of", "like", "i", "we", "to", "be", "would", "say", "prob", "ish", "think", "want",
    "done", "get", "this", "that", "hoping", "hope", "um", "uh", "so", "well", "max", "tops", "or", "up",
];

/// What the lead wants (product or service), from phrases like "need a new roof", "replace
/// the furnace", "interested in solar for my house"; in the lead's own words and casing.
fn find_need(raw: &str) -> Option<String> {
    let norm = normalise(raw);
    let words: Vec<&str> =
        norm.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')).collect();
    let ends: Vec<bool> = norm.split_whitespace().map(|w| w.ends_with([',', '.', '!', '?', ';', ':'])).collect();
    let word = |i: usize| words.get(i).copied();
    for i in 0..words.len() {
        let (prev, prev2, next) = (i.checked_sub(1).and_then(word), i.checked_sub(2).and_then(word), word(i + 1));
        let negated = matches!(prev, Some("don't" | "dont" | "not" | "no" | "never" | "didn't" | "didnt" | "doesn't"))
            || (prev2 == Some("do") && prev == Some("not"));
        if negated || ends[i] {
            continue;
        }
        let start = match words[i] {
            "need" | "needs" | "want" | "wants" | "wanted" => i + 1,
            "looking" if next == Some("to") => i + 1,
            "looking" if matches!(next, Some("for" | "into")) => i + 2,
            "interested" if next == Some("in") => i + 2,
            "thinking" if matches!(next, Some("about" | "of")) => i + 2,
            "like" if matches!(prev, Some("would" | "i'd" | "id" | "we'd")) => i + 1,
            "help" if next == Some("with") => i + 2,
            w if NEED_ACTIONS.contains(&w)
                && (i == 0 || matches!(prev, Some("i" | "we" | "to" | "gotta" | "must" | "should"))) =>
            {
                i
            }
            _ => continue,
        };
        if let Some((from, to)) = need_span(&words, &ends, start) {
            // The lead's own words ("HVAC"), where normalising kept the words aligned.
            let raw_words: Vec<&str> = raw.split_whitespace().collect();
            let source = if raw_words.len() == words.len() { &raw_words } else { &words };
            let value = source[from..to]
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-'))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            return Some(value);
        }
    }
    None
}

/// Verbs that name a job by themselves ("replace the furnace").
const NEED_ACTIONS: &[&str] = &[
    "replace",
    "replacing",
    "install",
    "installing",
    "fix",
    "fixing",
    "repair",
    "repairing",
    "upgrade",
    "upgrading",
    "remodel",
    "remodeling",
    "redo",
    "build",
    "building",
    "convert",
    "add",
    "switch",
];

/// The words after a need trigger at `start`, up to the end of the clause (at most eight):
/// `None` if they name a person, a call or information rather than a job.
fn need_span(words: &[&str], ends: &[bool], start: usize) -> Option<(usize, usize)> {
    const STOP: &[&str] = &["but", "because", "so", "if", "asap", "soon", "before", "by", "next", "within", "since"];
    const NOT_A_JOB: &[&str] = &[
        "you",
        "u",
        "it",
        "that",
        "this",
        "them",
        "more",
        "info",
        "information",
        "details",
        "someone",
        "somebody",
        "anyone",
        "call",
        "time",
        "help",
        "nothing",
        "anything",
        "any",
        "some",
        "to",
        "a",
        "an",
        "the",
        "my",
        "your",
        "is",
        "was",
        "me",
        "us",
        "more",
        "answers",
    ];
    const PEOPLE: &[&str] = &["husband", "wife", "spouse", "partner", "person", "human", "agent", "rep", "manager"];
    let mut from = start;
    if words.get(from) == Some(&"to") {
        // "need to replace the roof", "looking to get solar"; not "need to ask my wife".
        match words.get(from + 1).copied() {
            Some("get" | "have") => from += 2,
            Some(verb) if NEED_ACTIONS.contains(&verb) => from += 1,
            _ => return None,
        }
    }
    let mut to = from;
    while to < words.len() && to - from < 8 && !STOP.contains(&words[to]) {
        to += 1;
        if ends[to - 1] {
            break;
        }
    }
    let span = &words[from..to];
    let first = *span.first()?;
    let bad_start = matches!(first, "you" | "u" | "it" | "that" | "this" | "them" | "more" | "someone" | "to" | "me");
    if span.iter().all(|w| NOT_A_JOB.contains(w))
        || bad_start
        || span.iter().any(|w| PEOPLE.contains(w))
        || span.starts_with(&["a", "call"])
    {
        return None;
    }
    Some((from, to))
}

/// Who decides, from phrases like "it's my house" or "I need to ask my husband".
fn find_authority(norm: &str, bloom: u64) -> Option<&'static str> {
    const RENTER: &[&str] =
        &["i rent", "we rent", "renting", "renter", "my landlord", "the landlord", "i'm a tenant", "im a tenant"];
    const APPROVAL: &[&str] = &[
        "need to ask",
        "have to ask",
        "gotta ask",
        "need to check with",
        "have to check with",
        "check with my",
        "ask my",
        "run it by",
        "talk to my wife",
        "talk to my husband",
        "talk to my spouse",
        "talk to my partner",
        "talk with my",
        "not my decision",
        "not up to me",
        "my husband decides",
        "my wife decides",
        "my husband handles",
        "my wife handles",
        "not the owner",
        "tengo que preguntar",
        "consult my",
        "discuss with my",
        "discuss it with my",
    ];
    const SHARED: &[&str] = &[
        "me and my wife",
        "me and my husband",
        "my wife and i",
        "my husband and i",
        "me and my spouse",
        "my spouse and i",
        "me and my partner",
        "my partner and i",
        "my wife and me",
        "my husband and me",
        "we both",
        "both of us",
        "decide together",
        "mi esposa y yo",
        "mi esposo y yo",
        "co-owner",
        "co owner",
    ];
    const OWNER: &[&str] = &[
        "it's my house",
        "its my house",
        "it is my house",
        "it's my home",
        "its my home",
        "my own home",
        "my own house",
        "i own",
        "we own",
        "i'm the owner",
        "im the owner",
        "i am the owner",
        "we're the owners",
        "homeowner",
        "home owner",
        "es mi casa",
    ];
    const DECIDER: &[&str] = &[
        "i decide",
        "i make the decision",
        "i make the decisions",
        "my decision",
        "decision maker",
        "just me",
        "only me",
        "up to me",
        "i'm the one",
        "im the one",
        "i am the one",
        "solo yo",
    ];
    let has = |list: &[&str]| list.iter().any(|p| contains_phrase_in(norm, bloom, p));
    if has(RENTER) {
        Some("renter, needs landlord approval")
    } else if has(APPROVAL) {
        Some("needs approval")
    } else if has(SHARED) {
        Some("shared with spouse")
    } else if has(OWNER) {
        Some("owner")
    } else if has(DECIDER) {
        Some("decision maker")
    } else {
        None
    }
}

/// Short answers to the authority question ("Will anyone else be part of the decision?").
fn authority_answer(norm: &str) -> Option<&'static str> {
    let bare = norm.trim_matches(|c: char| !c.is_alphanumeric());
    if matches!(bare, "no" | "nope" | "nah" | "no one" | "nobody" | "none" | "me" | "myself" | "i do" | "no just me") {
        return Some("decision maker");
    }
    let spouse = ["wife", "husband", "spouse", "partner", "esposa", "esposo"];
    if spouse.iter().any(|w| contains_phrase(norm, w)) {
        return Some("shared with spouse");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::text_bloom;

    #[test]
    fn needs_are_found_in_the_leads_words() {
        for (text, need) in [
            ("We need a new roof", Some("a new roof")),
            ("replace the furnace", Some("replace the furnace")),
            ("I'd like solar for my house, asap", Some("solar for my house")),
            ("looking to get a Tesla Powerwall installed", Some("a Tesla Powerwall installed")),
            ("we have to replace our windows before winter", Some("replace our windows")),
            ("I need to ask my husband", None),
            ("I want to talk to someone", None),
            ("don't need anything", None),
            ("I need more info", None),
            ("no need", None),
        ] {
            assert_eq!(find_need(text).as_deref(), need, "{text}");
        }
    }

    #[test]
    fn who_decides_is_read_from_common_phrasings() {
        for (text, authority) in [
            ("it's my house", Some("owner")),
            ("I'm the owner", Some("owner")),
            ("me and my wife decide", Some("shared with spouse")),
            ("I need to ask my husband", Some("needs approval")),
            ("it's my house but I need to check with my wife", Some("needs approval")),
            ("we rent", Some("renter, needs landlord approval")),
            ("just me", Some("decision maker")),
            ("solar for my house", None),
        ] {
            let norm = normalise(text);
            assert_eq!(find_authority(&norm, text_bloom(&norm)), authority, "{text}");
        }
        assert_eq!(authority_answer("nobody"), Some("decision maker"));
        assert_eq!(authority_answer("yes my wife"), Some("shared with spouse"));
        assert!(is_yes_no("Will anyone else be part of the decision?"));
        assert!(!is_yes_no("What project can we help you with?"));
    }
}
