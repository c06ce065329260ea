//! The detectors of the intent rules: the few kinds of message a phrase list cannot describe
//! (a name in "no Kevin here", "talk to" + whoever, a count of texts).

use super::{BOT_TABLE, Msg, NOT_A_BOT_TABLE, first};
use crate::index::WordList;

/// Common words that are not names after "no … here" or "this isn't …".
pub(super) const NOT_NAMES: &str = concat!(
    "problem|problems|rush|worries|worry|need|way|thanks|interest|pressure|hurry|issue|issues|complaints",
    "|shade|money|kids|pets|trees|hoa|credit|contract|room|space|signal|service|sun|sunlight|power",
    "|electricity|water|gas|roof|basement|garage|pool|catch|fee|fees|cost|charge|deposit|payment|obligation",
    "|commitment|reason|idea|clue|time|luck|answer|response|thank|more|longer|sir|cap|lie|joke|doubt|offense",
    "|big|deal|one's|spam|calls|texts|reception|coverage|internet|wifi|hablo|sure|interested|ready|home|here",
    "|there|available|able|rich|broke|buying|selling|looking|kidding|joking|sold|convinced|legit|real|right",
    "|correct|true|fair|ok|okay|fine|good|bad|great|worth|cheap|free|clear|mad|upset|angry|allowed|eligible",
    "|qualified|approved|the|a|an|that|this|it|what|who|me|my|your|for|in|on|at|with|about|from|so|too|very",
    "|really|even|just|yet|now|anymore|either|again|helpful|necessary|happy|satisfied|responsible|gonna|going",
    "|trying|doing|made|alone|young|old|new|owner|homeowner|funny|cool|helping|working|it's|possible|spanish",
    "|english|aware|familiar|you|u|him|her|them|us|we|they|he|she|i|interesado|interesada|seguro|segura|of|to",
    "|and|or|but|if|as|by|one|human|bot|robot|person|asking|mine|his|hers|theirs|scam|solar|insurance|monday",
    "|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|quite|exactly|necessarily|today",
);

// Compiled once (see `crate::index`).
static NOT_NAME_SET: WordList = WordList::new(NOT_NAMES);
static PEOPLE_SET: WordList = WordList::new(PEOPLE);
static TALK_PEOPLE_SET: WordList = WordList::new(TALK_PEOPLE);
static WANT_SET: WordList = WordList::new(WANT);

/// Intended for someone who is not there: "no Kevin here", "there is no Steve at this number".
pub(super) fn absent_person(m: &Msg) -> Option<String> {
    let w = m.words;
    (0..w.len()).find_map(|i| {
        if !["no", "nobody", "noone"].contains(&w[i]) || i + 2 > w.len() {
            return None;
        }
        let name = *w.get(i + 1)?;
        let next = w.get(i + 2).copied().unwrap_or("");
        let after = w.get(i + 3).copied().unwrap_or("");
        let place = next == "here"
            || ["at", "on"].contains(&next) && ["this", "that"].contains(&after)
            || ["lives", "living", "by"].contains(&next);
        let plausible = name.len() >= 2 && name.chars().all(char::is_alphabetic) && !NOT_NAME_SET.contains(name);
        (place && plausible).then(|| format!("no {name} {next}"))
    })
}

/// The lead says they are not the person named: "this isn't maria", "I'm not David", "nope,
/// not Sarah".
pub(super) fn not_this_person(m: &Msg) -> Option<String> {
    const LEADS: [&[&str]; 8] = [
        &["this", "isn't"],
        &["this", "isnt"],
        &["this", "is", "not"],
        &["it's", "not"],
        &["its", "not"],
        &["i'm", "not"],
        &["im", "not"],
        &["not"],
    ];
    let w = m.words;
    for lead in LEADS {
        for at in (0..w.len()).filter(|&i| w[i..].starts_with(lead)) {
            let Some(name) = w.get(at + lead.len()) else { continue };
            let ends = at + lead.len() + 1 == w.len()
                || w.get(at + lead.len() + 1)
                    .is_some_and(|n| ["lol", "sorry", "wrong", "you", "u", "here"].contains(n))
                || ends_sentence(m.norm, name);
            let plausible = name.len() >= 2
                && name.chars().all(char::is_alphabetic)
                && !NOT_NAME_SET.contains(name)
                && !name.ends_with("ing")
                && !name.ends_with("ly");
            // Past "this isn't" a name must be written as one ("I'm not David", not "I'm not rich").
            let named = lead[0] == "this" || capitalised(m.raw, name);
            if ends && plausible && named {
                return Some(format!("{} {name}", lead.join(" ")));
            }
        }
    }
    None
}

/// The word `word` is followed by sentence punctuation in `norm`.
fn ends_sentence(norm: &str, word: &str) -> bool {
    norm.split_whitespace()
        .any(|t| t.strip_prefix(word).is_some_and(|rest| rest.starts_with(['.', ',', '!', '?', ';'])))
}

/// `word` (lower case) appears capitalised in the raw text, not at the start of the message.
fn capitalised(raw: &str, word: &str) -> bool {
    raw.split(|c: char| !c.is_alphanumeric() && c != '\'').skip(1).any(|t| {
        let mut chars = t.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().any(char::is_lowercase)
            && t.to_lowercase() == word
    })
}

/// Who a lead may ask for, whatever the verb ("need a live agent", "get me your manager").
const PEOPLE: &str = concat!(
    "person|human|humans|agent|agents|rep|reps|representative|manager|supervisor|operator|boss|owner|employee",
    "|staff|advisor|adviser|specialist|consultant|asesor|agente|gerente|encargado|persona|humano",
    "|representante|supervisora",
);

/// Who a lead may ask to talk to, but not "need" ("I need someone to come out").
const TALK_PEOPLE: &str = concat!(
    "someone|somebody|anyone|anybody|installer|tech|technician|guy|lady|sales|billing|support|customer|team",
    "|office|company|alguien|ventas",
);

/// Verbs that ask to talk to someone.
const TALK: &[&[&str]] = &[
    &["talk", "to"],
    &["talk", "with"],
    &["speak", "to"],
    &["speak", "with"],
    &["speak", "w"],
    &["chat", "with"],
    &["get", "me"],
    &["put", "me", "on", "with"],
    &["hablar", "con"],
];

/// Verbs that ask for someone.
const WANT: &str = "need|want|get|like|prefer|give|quiero|necesito|busco";

/// Asking for a person: "can I talk to a manager", "i need a live agent", "let me speak to
/// someone", "can a real person call me", "¿puedo hablar con alguien de ventas?".
pub(super) fn asks_for_person(m: &Msg) -> Option<String> {
    let w = m.words;
    for (i, word) in w.iter().enumerate() {
        let negated = i > 0 && ["don't", "dont", "not", "never", "no"].contains(&w[i - 1])
            || i > 1 && ["don't", "dont", "not"].contains(&w[i - 2]);
        if negated {
            continue;
        }
        let talk = TALK.iter().find(|t| w[i..].starts_with(t));
        let object_at = match talk {
            Some(t) => i + t.len(),
            None if WANT_SET.contains(word) => i + 1,
            None => continue,
        };
        // Consulting family is a concern, not a request ("talk to my husband first").
        let object = &w[object_at..(object_at + 4).min(w.len())];
        if object.first().is_some_and(|o| ["my", "mi", "you", "u", "ya", "y'all", "yall", "your"].contains(o))
            && !object.iter().any(|o| ["manager", "supervisor", "boss", "owner", "manager's"].contains(o))
        {
            continue;
        }
        let wanted =
            object.iter().take(3).find(|o| PEOPLE_SET.contains(o) || talk.is_some() && TALK_PEOPLE_SET.contains(o));
        if let Some(who) = wanted {
            // "I want to talk to someone about financing" is a request; "need a person to come
            // out" is a visit.
            return Some(format!("{word} … {who}"));
        }
        if talk.is_some()
            && let Some(name) = object.first()
            && is_name(m, name, object.get(1).copied())
        {
            return Some(format!("{word} … {name}"));
        }
    }
    // "can a real person call me", "have a manager call me".
    w.windows(2).enumerate().find_map(|(i, pair)| {
        let asks = PEOPLE_SET.contains(pair[0])
            && ["call", "text", "contact", "reach", "get", "email", "ring"].contains(&pair[1])
            && w[..i]
                .iter()
                .rev()
                .take(3)
                .any(|b| ["can", "could", "have", "get", "would", "will", "need", "want"].contains(b));
        asks.then(|| format!("{} {}", pair[0], pair[1]))
    })
}

/// A named person asked for: "can you have Sarah call me?", "is Mike available?", "I'd like
/// to talk to Jake".
pub(super) fn named_person(m: &Msg) -> Option<String> {
    let w = m.words;
    w.windows(3)
        .find_map(|t| {
            let [verb, name, then] = t else { return None };
            let have = ["have", "tell", "ask", "can", "could", "let"].contains(verb)
                && ["call", "text", "reach", "contact", "email", "ring", "get", "give", "know"].contains(then);
            let there = ["is", "iz"].contains(verb)
                && ["available", "there", "around", "in", "free", "working", "still"].contains(then)
                && capitalised(m.raw, name);
            ((have || there) && is_name(m, name, Some(then))).then(|| format!("{verb} {name} {then}"))
        })
        .or_else(|| {
            // "can I get Mike's number", "the owner's cell".
            w.windows(2).find_map(|t| {
                let [whose, what] = t else { return None };
                let name = whose.strip_suffix("'s")?;
                let contact = ["number", "cell", "phone", "direct", "email", "contact", "line"].contains(what);
                (contact && (PEOPLE_SET.contains(name) || is_name(m, name, None) && capitalised(m.raw, whose)))
                    .then(|| format!("{whose} {what}"))
            })
        })
}

/// `word` reads as a first name: not a pronoun or common word, and capitalised in the raw text
/// or followed by a verb of contact.
fn is_name(m: &Msg, word: &str, next: Option<&str>) -> bool {
    const NOT: [&str; 24] = [
        "someone", "somebody", "anyone", "anybody", "everyone", "we", "they", "he", "she", "i", "it", "this", "that",
        "one", "the", "a", "an", "ur", "his", "her", "their", "our", "y'all", "yall",
    ];
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "today"];
    word.len() >= 2
        && word.chars().all(char::is_alphabetic)
        && !NOT.contains(&word)
        && !NOT_NAME_SET.contains(word)
        && !days.contains(&word)
        && (capitalised(m.raw, word)
            || next.is_none_or(|n| ["call", "text", "reach", "contact", "directly"].contains(&n)))
}

/// Asking whether this is a bot ("are u real", "is a person typing this"), and not saying it
/// is not one ("…call me, not a bot").
pub(super) fn bot_question(m: &Msg) -> Option<String> {
    if first(m, NOT_A_BOT_TABLE).is_some() {
        return None;
    }
    first(m, BOT_TABLE).map(str::to_owned)
}

/// Saying it is not a bot, for [`bot_question`].
pub(super) const NOT_A_BOT: &str = "not a bot|not a robot|no bots|not an ai|not automated|no robots";

pub(super) const BOT: &str = concat!(
    "bot|bots|bot?|robot|chatbot|chat bot|🤖|beep boop|automated|automatic?|automatic message|automatic reply",
    "|automatic text|or automatic|is it automatic|an automatic|auto text|auto-text|auto reply|auto-reply",
    "|autoreply|auto response|autoresponder|auto message|automatico|automatica|automatizado|a recording",
    "|pre-recorded|prerecorded|a script|scripted|a program?|or a program|are you a program|is this a program",
    "|programmed|computer?|or computer|computer or|computer generated|this a computer|you a computer",
    "|a computer?|automatically generated|sent automatically|a person or|actual person or|a human or",
    "|human or a|human or bot|human or machine|is a person reading|is a person texting|is someone reading",
    "|a machine|una maquina|ai|a.i.|artificial|chatgpt|chat gpt|gpt|are you real|r u real|are u real",
    "|r you real|you real|u real?|is this real person|is this a real|is this a person|is this a human",
    "|is this human|are you human|r u human|are u human|you human|u human|are you a person|are u a person",
    "|are you a human|are you a real|are u a real|is a human|a person typing|human typing|someone typing",
    "|a real person texting|real person or|or a person|or a human|or human|am i talking to|am i texting",
    "|am i chatting|am i speaking|actually reading|anyone reading|anybody reading|is anyone there",
    "|anyone there?|anybody there|anyone even there|sent by a person|real person?|a real person?|real human?",
    "|someone real?|eres un robot|eres real|eres humano|eres una persona|es un robot|es un bot|con un bot",
    "|con una maquina|con un robot|es automatico|mensaje automatico|persona real o|una persona o",
    "|hablo con una persona|hablando con|estoy hablando|hablo con|r u a|r you a|are u a|u a real|ur a bot",
    "|you're a bot|youre a bot|this automatic|automatic or|is someone there|someone there?|is anybody there",
);

/// A text or call at an hour nobody wants one: "7am text", "11pm calls".
pub(super) fn odd_hour_contact(m: &Msg) -> Option<String> {
    const CONTACTS: [&str; 8] = ["text", "texts", "txt", "call", "calls", "message", "msg", "voicemail"];
    let w = m.words;
    let offered = w.iter().any(|t| ["works", "fine", "good", "ok", "okay", "best"].contains(t));
    (!offered).then_some(())?;
    w.windows(2).find_map(|pair| {
        let [time, what] = pair else { return None };
        let hour = time.strip_suffix("am").or(time.strip_suffix("pm"))?;
        let odd = hour.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h));
        (odd && CONTACTS.contains(what)).then(|| format!("{time} {what}"))
    })
}

/// "10 of these", "4 calls and 2 texts", "the 3rd msg today", "like 5 times".
pub(super) fn counted_contacts(m: &Msg) -> Option<String> {
    const PLURAL: [&str; 8] = ["texts", "txts", "calls", "messages", "msgs", "emails", "voicemails", "msges"];
    const SINGULAR: [&str; 5] = ["text", "call", "message", "msg", "time"];
    const NUMBERS: [&str; 12] =
        ["three", "four", "five", "six", "ten", "twenty", "dozen", "third", "fourth", "fifth", "sixth", "tenth"];
    const ORDINAL: [&str; 4] = ["rd", "th", "nd", "st"];
    const TIMES_CUES: [&str; 12] = [
        "like", "already", "about", "bout", "over", "called", "texted", "told", "said", "asked", "emailed", "messaged",
    ];
    let w = m.words;
    (0..w.len().saturating_sub(1)).find_map(|i| {
        let (n, what) = (w[i], w[i + 1]);
        let digits = n.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &n[digits.len()..];
        let numeric = digits.parse::<u32>().is_ok_and(|d| (2..=100).contains(&d))
            && (suffix.is_empty() || ORDINAL.contains(&suffix));
        if !(numeric || NUMBERS.contains(&n)) || i > 0 && ["in", "for", "have", "of"].contains(&w[i - 1]) {
            return None;
        }
        let ordinal = ORDINAL.contains(&suffix) || n.ends_with("th") || n.ends_with("rd");
        let counted = match what {
            "of" => w.get(i + 2).is_some_and(|t| ["these", "those", "them", "your", "you"].contains(t)),
            "times" => {
                w[i.saturating_sub(3)..i].iter().any(|t| TIMES_CUES.contains(t))
                    || w.get(i + 2).is_some_and(|t| ["already", "today", "yesterday", "now", "this"].contains(t))
            }
            _ => PLURAL.contains(&what) || ordinal && SINGULAR.contains(&what),
        };
        counted.then(|| format!("{n} {what}"))
    })
}
