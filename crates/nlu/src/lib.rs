//! The built-in understanding of SMS replies: what a lead means (intent), whether they asked
//! to stop (opt-out, checked first and most carefully), and what they told us (slots: a
//! callback time, a budget, a timeline). Pure and deterministic: no I/O, no clock (`now` is an
//! argument where time matters), no model files.
//!
//! It is rules over normalised text, not a trained model: every decision can be explained by
//! the phrase that triggered it, opt-out recall can be held at 1.0 on the shipped corpus, and a
//! customer's webhook agent can replace it where more is needed (issue 4). `eval` measures it
//! against labelled JSONL (`corpus/`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub mod eval;
pub mod normalise;
pub mod when;

pub use eval::{Evaluation, Labelled, evaluate};
pub use when::{When, parse_when};

/// What a reply means, for the router and the agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Wants to go ahead or hear more.
    Interest,
    /// Asks about the offer (not the price).
    Question,
    /// A concern or pushback that is not a refusal.
    Objection,
    /// Price, cost, financing, negotiation.
    Pricing,
    /// Asks for or proposes a call or appointment time.
    Schedule,
    /// Annoyed, without asking to stop.
    Frustration,
    /// Wants a person.
    HumanRequest,
    /// Not the person, or never asked.
    WrongNumber,
    /// Declines, without asking to stop.
    NotInterested,
    /// Asks to stop being contacted.
    OptOut,
    /// Asks whether this is a bot.
    BotQuestion,
    /// Wants texts, not calls.
    TextOnly,
    /// Nothing recognised.
    Unknown,
}

impl Intent {
    /// Every intent, in declaration order.
    pub const ALL: [Intent; 13] = [
        Intent::Interest,
        Intent::Question,
        Intent::Objection,
        Intent::Pricing,
        Intent::Schedule,
        Intent::Frustration,
        Intent::HumanRequest,
        Intent::WrongNumber,
        Intent::NotInterested,
        Intent::OptOut,
        Intent::BotQuestion,
        Intent::TextOnly,
        Intent::Unknown,
    ];

    /// The snake_case label (as in the corpus and on the timeline).
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Interest => "interest",
            Intent::Question => "question",
            Intent::Objection => "objection",
            Intent::Pricing => "pricing",
            Intent::Schedule => "schedule",
            Intent::Frustration => "frustration",
            Intent::HumanRequest => "human_request",
            Intent::WrongNumber => "wrong_number",
            Intent::NotInterested => "not_interested",
            Intent::OptOut => "opt_out",
            Intent::BotQuestion => "bot_question",
            Intent::TextOnly => "text_only",
            Intent::Unknown => "unknown",
        }
    }

    /// Parses a label.
    pub fn parse(label: &str) -> Option<Intent> {
        Intent::ALL.into_iter().find(|i| i.as_str() == label)
    }
}

/// The understanding of one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    /// The most actionable intent.
    pub intent: Intent,
    /// 0..1: how strongly the rules matched.
    pub confidence: f32,
    /// Values found: `callback_time`, `budget`, `timeline`.
    pub slots: BTreeMap<String, String>,
    /// The lead asked to stop (revocation): the one answer that must never be missed.
    pub opt_out: bool,
    /// The phrase that decided the intent, for the audit.
    pub matched: Option<String>,
}

/// A rule: phrases (on normalised text, word-bounded) that signal an intent.
struct Rule {
    intent: Intent,
    phrases: &'static [&'static str],
}

/// Checked in this order: the first rule with a match wins, so the most actionable intent of
/// a mixed message is the one reported ("how much? call me at 5" → schedule), and strong
/// signals ("spammed", "move forward") are checked before the weak words that often come
/// with them. A phrase starting with `=` must be the whole message.
const RULES: &[Rule] = &[
    Rule {
        intent: Intent::WrongNumber,
        phrases: &[
            "wrong number",
            "wrong person",
            "wrong #",
            "wrong num",
            "who is this",
            "who's this",
            "whos this",
            "who dis",
            "never signed up",
            "never filled",
            "didn't sign up",
            "didnt sign up",
            "did not sign up",
            "never asked",
            "didn't request",
            "didnt request",
            "not me",
            "you have the wrong",
            "u have the wrong",
            "numero equivocado",
            "equivocado",
            "no soy",
            "this isn't",
            "this isnt",
            "this is not",
            "no one by that name",
            "nobody here",
            "don't know any",
            "dont know any",
            "new number",
            "not my name",
            "didn't fill out",
            "didnt fill out",
            "never requested",
            "wrong guy",
            "wrong girl",
            "isn't here",
            "isnt here",
            "no one here",
            "theres no",
            "there's no",
            "business line",
            "whoever you're looking for",
            "whoever you are looking for",
            "don't own a home",
            "dont own a home",
        ],
    },
    Rule {
        intent: Intent::Frustration,
        phrases: &[
            "spammed",
            "spamming",
            "relentless",
            "how many times",
            "already answered",
            "already told",
            "i said i'd",
            "i said id",
            "who does that",
            "unprofessional",
            "chill with",
            "cool cool cool",
            "nobody showed up",
            "you people",
            "y'all called",
            "harass",
            "literally just told",
            "stop harassing",
        ],
    },
    Rule {
        intent: Intent::BotQuestion,
        phrases: &[
            "is this a bot",
            "are you a bot",
            "r u a bot",
            "a bot?",
            "bot?",
            "bot or",
            "robot",
            "🤖",
            "beep boop",
            "automated",
            "auto text",
            "auto-text",
            "are you ai",
            "is this ai",
            "an ai",
            "are you real",
            "r u real",
            "you real",
            "is this a real",
            "real person or",
            "you a real",
            "am i talking to",
            "am i texting",
            "talking to a machine",
            "a machine",
            "una maquina",
            "persona real o",
            "eres un robot",
            "eres real",
            "es un robot",
            "chatgpt",
            "computer",
            "actually reading",
            "sent by a person",
            "a real person?",
            "real human?",
            "someone real?",
        ],
    },
    Rule {
        intent: Intent::HumanRequest,
        phrases: &[
            "real person",
            "real human",
            "a human",
            "an agent",
            "live agent",
            "talk to someone",
            "speak to someone",
            "speak with someone",
            "talk to a person",
            "speak to a person",
            "speak to a manager",
            "talk to a manager",
            "your manager",
            "supervisor",
            "representative",
            "a rep",
            "actual person",
            "someone real",
            "persona real",
            "hablar con alguien",
            "hablar con una persona",
            "transfer me",
            "put me through",
            "connect me",
            "=agent",
            "=operator",
            "=human",
            "=representative",
            "reach out to me directly",
            "actual rep",
            "asesor",
            "licensed agent",
            "the owner",
            "talk to them",
            "speak w/",
            "speak with a",
            "talk with a",
            "manager",
            "someone from your team",
        ],
    },
    Rule {
        intent: Intent::TextOnly,
        phrases: &[
            "text only",
            "texts only",
            "only text",
            "text me instead",
            "just text",
            "don't call",
            "dont call",
            "do not call",
            "no calls",
            "no phone calls",
            "can't talk",
            "cant talk",
            "can't take calls",
            "cant take calls",
            "prefer text",
            "rather text",
            "keep it to text",
            "solo mensajes",
            "no me llames",
            "no llamen",
            "por texto",
            "at work can't",
            "instead of calling",
            "over text",
            "text is better",
            "texting is better",
            "txt me",
            "prefer texting",
            "over calls",
            "keep it to texts",
            "by text",
            "via text",
            "text instead",
            "send it over text",
        ],
    },
    Rule {
        intent: Intent::Schedule,
        phrases: &[
            "call me",
            "give me a call",
            "gimme a call",
            "call back",
            "callback",
            "call later",
            "call tomorrow",
            "call today",
            "call anytime",
            "call now",
            "can you call",
            "could you call",
            "please call",
            "pls call",
            "ring me",
            "now works",
            "now is good",
            "now is fine",
            "good time",
            "free at",
            "free after",
            "free now",
            "available at",
            "available after",
            "available tomorrow",
            "available today",
            "appointment",
            "schedule",
            "book",
            "set up a time",
            "set up a call",
            "meet",
            "talk tomorrow",
            "talk later",
            "talk now",
            "can we talk",
            "let's talk",
            "lets talk",
            "after 5",
            "tomorrow morning",
            "tomorrow afternoon",
            "tomorrow evening",
            "this afternoon",
            "this evening",
            "llamame",
            "llámame",
            "llamenme",
            "marcame",
            "cita",
            "manana en la",
            "hablamos",
            "give me a ring",
            "ring in",
            "llamarme",
            "come out",
            "come by",
            "swing by",
            "stop by",
            "home all day",
            "this weekend",
            "site visit",
            "a las",
            "can you do",
            "works for",
            "when can you",
            "when are you available",
        ],
    },
    Rule {
        intent: Intent::NotInterested,
        phrases: &[
            "not interested",
            "no interest",
            "not intrested",
            "no thanks",
            "no thank you",
            "no thx",
            "nah",
            "nope",
            "we're good",
            "were good",
            "i'm good",
            "im good",
            "all set",
            "already bought",
            "already got",
            "already went with",
            "went with another",
            "changed my mind",
            "not anymore",
            "no longer",
            "pass",
            "not right now",
            "not now",
            "maybe later",
            "not looking",
            "no estoy interesado",
            "no estoy interesada",
            "no me interesa",
            "no gracias",
            "=no",
            "=no.",
            "=nah",
            "not at this time",
            "found a",
            "already found",
            "decided to stay",
            "stay with my current",
            "not for me",
            "we're all set",
            "no need",
        ],
    },
    Rule {
        intent: Intent::Objection,
        phrases: &[
            "already have",
            "i have a provider",
            "current provider",
            "not sure",
            "i don't know",
            "idk",
            "scam",
            "legit",
            "trust",
            "reviews",
            "too old",
            "renting",
            "i rent",
            "landlord",
            "my husband",
            "my wife",
            "my spouse",
            "need to ask",
            "need to talk to",
            "think about it",
            "thinking about it",
            "worried",
            "concern",
            "concerned",
            "doubt",
            "bad credit",
            "credit",
            "roof is",
            "shade",
            "hoa",
            "too busy",
            "sounds too good",
            "catch",
            "no se",
            "lo voy a pensar",
            "happy with",
            "already covered",
            "covered through",
            "pushy",
            "salesperson",
            "sales person",
            "too good to be true",
            "ya tengo",
            "timing isn't great",
            "timing isnt great",
            "sketchy",
            "cautious",
            "burned",
            "didn't save",
            "didnt save",
            "long contract",
            "long contracts",
            "no confio",
            "not trying to",
            "that's a long time",
            "thats a long time",
            "commit",
        ],
    },
    Rule {
        intent: Intent::Interest,
        phrases: &[
            "i'm in",
            "im in",
            "move forward",
            "still interested",
            "send me more info",
            "send the info",
            "send me info",
            "send me the info",
            "what's next",
            "whats next",
            "next steps",
            "sign me up",
            "let's do it",
            "lets do it",
            "sounds good",
            "sounds great",
            "tell me more",
            "that'd be awesome",
            "thatd be awesome",
            "interested!",
            "yes please",
            "yes!",
            "=y",
            "=yes",
            "=yeah",
            "=yep",
            "=sure",
            "=ok",
            "=okay",
        ],
    },
    Rule { intent: Intent::Question, phrases: &["cuanto tiempo", "how long", "how many"] },
    Rule {
        intent: Intent::Pricing,
        phrases: &[
            "how much",
            "price",
            "pricing",
            "cost",
            "costs",
            "quote",
            "estimate",
            "monthly payment",
            "payment",
            "payments",
            "per month",
            "a month",
            "financing",
            "finance",
            "financed",
            "afford",
            "expensive",
            "cheaper",
            "discount",
            "deal",
            "for less",
            "lower",
            "budget",
            "rate",
            "rates",
            "fee",
            "fees",
            "down payment",
            "$",
            "cuanto",
            "cuánto",
            "precio",
            "cuesta",
            "pagos",
            "premium",
            "charge",
            "discounts",
            "cheapest",
            "knock",
            "run me",
            "planes de pago",
            "what's it gonna run",
            "free or",
        ],
    },
    Rule {
        intent: Intent::Frustration,
        phrases: &[
            "why do you keep",
            "why are you",
            "keep texting",
            "keep messaging",
            "keep calling",
            "so many texts",
            "so many messages",
            "another text",
            "third time",
            "annoying",
            "annoyed",
            "spam",
            "spamming",
            "harass",
            "wtf",
            "ugh",
            "omg stop",
            "ridiculous",
            "sick of",
            "tired of",
            "fed up",
            "every day",
            "every single day",
            "😡",
            "🙄",
            "🤬",
            "que fastidio",
            "molestando",
            "ya basta",
        ],
    },
    Rule {
        intent: Intent::Question,
        phrases: &[
            "?",
            "how long",
            "how does",
            "how do",
            "what is",
            "what's",
            "whats",
            "what are",
            "what areas",
            "do you",
            "does it",
            "is there",
            "are there",
            "can i",
            "can you",
            "which",
            "when",
            "where",
            "warranty",
            "info",
            "information",
            "details",
            "more info",
            "como",
            "cómo",
            "que es",
            "qué es",
            "what brand",
            "does the policy",
            "cover",
            "which company",
            "do i need",
            "include",
            "what",
            "does",
            "is it",
            "are you",
            "can u",
        ],
    },
    Rule {
        intent: Intent::Interest,
        phrases: &[
            "yes",
            "yeah",
            "yea",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "k",
            "interested",
            "sounds good",
            "sounds great",
            "tell me more",
            "let's do it",
            "lets do it",
            "sign me up",
            "i want",
            "i'd like",
            "id like",
            "i would like",
            "go ahead",
            "ready",
            "love to",
            "please do",
            "absolutely",
            "definitely",
            "for sure",
            "👍",
            "si",
            "sí",
            "claro",
            "me interesa",
            "perfecto",
        ],
    },
];

/// Understands one message.
pub fn classify(text: &str) -> Classification {
    let norm = normalise::normalise(text);
    let mut slots = BTreeMap::new();
    if let Some(when) = when::find_expression(&norm) {
        slots.insert("callback_time".to_owned(), when);
    }
    if let Some(budget) = find_budget(&norm) {
        slots.insert("budget".to_owned(), budget);
    }
    if let Some(timeline) = find_timeline(&norm) {
        slots.insert("timeline".to_owned(), timeline);
    }
    if let Some(phrase) = normalise::opt_out_phrase(&norm) {
        return Classification {
            intent: Intent::OptOut,
            confidence: 0.99,
            slots,
            opt_out: true,
            matched: Some(phrase),
        };
    }
    let bare: String = norm.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let schedule_slot = slots.get("callback_time").is_some_and(|w| w != "now");
    for rule in RULES {
        // A stated time makes a message about scheduling once stronger signals are ruled out.
        if rule.intent == Intent::NotInterested && schedule_slot {
            return Classification { intent: Intent::Schedule, confidence: 0.7, slots, opt_out: false, matched: None };
        }
        let hit = rule.phrases.iter().find(|p| match p.strip_prefix('=') {
            Some(whole) => bare == *whole,
            None => normalise::contains_phrase(&norm, p),
        });
        if rule.intent == Intent::BotQuestion && normalise::contains_phrase(&norm, "not a bot") {
            continue;
        }
        if let Some(phrase) = hit {
            let strong = phrase.len() > 4 || !phrase.is_ascii();
            return Classification {
                intent: rule.intent,
                confidence: if strong { 0.85 } else { 0.6 },
                slots,
                opt_out: false,
                matched: Some((*phrase).to_owned()),
            };
        }
    }
    if slots.contains_key("callback_time") {
        return Classification { intent: Intent::Schedule, confidence: 0.6, slots, opt_out: false, matched: None };
    }
    Classification { intent: Intent::Unknown, confidence: 0.0, slots, opt_out: false, matched: None }
}

/// A money amount: `$20k`, `$20,000`, `20k`, `500 a month`.
fn find_budget(norm: &str) -> Option<String> {
    let words: Vec<&str> = norm.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '$' && c != ',' && c != '.');
        let digits = bare.trim_start_matches('$');
        let has_digit = digits.chars().next().is_some_and(|c| c.is_ascii_digit());
        let money = bare.starts_with('$')
            || digits.ends_with('k') && digits[..digits.len() - 1].chars().all(|c| c.is_ascii_digit() || c == '.');
        let monthly = words
            .get(i + 1..i + 3)
            .is_some_and(|n| n.join(" ").starts_with("a month") || n.join(" ").starts_with("per month"));
        if has_digit && (money || monthly) {
            return Some(bare.trim_end_matches(['.', ',']).to_owned());
        }
    }
    None
}

/// When they plan to buy: `asap`, `next month`, `in 3 months`, `this summer`.
fn find_timeline(norm: &str) -> Option<String> {
    const PHRASES: [&str; 12] = [
        "asap",
        "right away",
        "next week",
        "next month",
        "next year",
        "this month",
        "this year",
        "this summer",
        "this spring",
        "this fall",
        "this winter",
        "few months",
    ];
    if let Some(p) = PHRASES.iter().find(|p| normalise::contains_phrase(norm, p)) {
        return Some((*p).to_owned());
    }
    let words: Vec<&str> = norm.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let unit = w[2].trim_end_matches(|c: char| !c.is_ascii_alphabetic());
        (w[0] == "in"
            && w[1].chars().all(|c| c.is_ascii_digit())
            && ["days", "weeks", "months", "years"].contains(&unit))
        .then(|| format!("in {} {unit}", w[1]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_outs_win_over_everything_and_hard_negatives_do_not_opt_out() {
        for text in [
            "STOP",
            "stop.",
            "Stop texting me!!",
            "pls take me off your list",
            "para de escribirme",
            "UNSUBSCRIBE",
            "stpo",
            "how much? also stop texting me",
        ] {
            let c = classify(text);
            assert!(c.opt_out, "{text}: {c:?}");
            assert_eq!(c.intent, Intent::OptOut);
        }
        for text in [
            "stop by anytime",
            "don't stop, I'm interested",
            "can you remove the old panels too?",
            "I'll stop by the office",
        ] {
            assert!(!classify(text).opt_out, "{text}");
        }
    }

    #[test]
    fn mixed_messages_report_the_most_actionable_intent() {
        assert_eq!(classify("how much? call me at 5").intent, Intent::Schedule);
        assert_eq!(classify("is this a bot?").intent, Intent::BotQuestion);
        assert_eq!(classify("text me, don't call").intent, Intent::TextOnly);
        assert_eq!(classify("wrong number").intent, Intent::WrongNumber);
        assert_eq!(classify("how much is it").intent, Intent::Pricing);
        assert_eq!(classify("yeah sounds good").intent, Intent::Interest);
    }

    #[test]
    fn slots_are_found() {
        let c = classify("can you call tomorrow morning? budget is about $20k, want it done next month");
        assert_eq!(c.slots["callback_time"], "tomorrow morning");
        assert_eq!(c.slots["budget"], "$20k");
        assert_eq!(c.slots["timeline"], "next month");
    }
}
