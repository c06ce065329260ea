//! The intent rules behind [`crate::classify`]: ordered tiers of phrase families and a few
//! small detectors, over normalised text. The first tier that matches decides.
//!
//! The order follows what is most actionable in a mixed message (wrong number, a person, a
//! bot, texts only, a time, annoyance, a refusal, price, a concern, a question, a yes), with
//! each intent split into a strong tier (explicit phrases, checked early) and a weak one
//! (single words and bare "?", checked late), so that "nobody showed up for the appointment"
//! is a complaint, not a booking, and "yes! do you do ground mounts?" is a question.
//!
//! Phrase syntax (phrases are written already normalised: lower case, no accents):
//! - `call me`: the words anywhere, whole-word (symbols and emoji match anywhere);
//! - `^what`: the words open a sentence, after at most a few fillers ("ok so what…");
//! - `talk to * manager`: the parts in order, at most three words apart;
//! - `=human`: the whole message, once punctuation, emoji and courtesy ("pls", "lol") are
//!   dropped.

use std::sync::LazyLock;

use crate::Intent;
use crate::index::{Extra, Hits, PhraseIndex, WordList};
use crate::normalise::find_phrase as find;
#[cfg(test)]
use crate::normalise::has_phrase;

mod detect;
mod phrases;
mod spelling;

use detect::{
    absent_person, asks_for_person, bot_question, counted_contacts, named_person, not_this_person, odd_hour_contact,
};
use phrases::*;
pub(crate) use spelling::canonical;

/// One message, read once for all the rules.
pub(crate) struct Msg<'a> {
    /// Normalised text.
    pub norm: &'a str,
    /// The text as sent (for capitalised names).
    pub raw: &'a str,
    /// Letters, digits and apostrophes of `norm`, as words.
    pub words: &'a [&'a str],
    /// `words` without courtesy at either end, joined by spaces.
    #[cfg_attr(not(test), expect(dead_code, reason = "read through `hits`; `has` reads it in tests"))]
    pub core: &'a str,
    /// The callback time stated, if it is more than "now" or "today".
    pub callback: Option<&'a str>,
    /// [`crate::normalise::bloom`] of `words`.
    #[cfg_attr(not(test), expect(dead_code, reason = "read through `hits`; `has` reads it in tests"))]
    pub bloom: u64,
    /// The phrases of every table whose test passed ([`scan`]).
    pub hits: Hits,
}

/// How a rule looks at a message.
pub(crate) enum Check {
    /// Any of the phrases (`|`-separated).
    Phrases(&'static str),
    /// Any of the phrases, once a callback time was stated ("Friday afternoon would be perfect").
    WithTime(&'static str),
    /// A detector: what it found.
    Detect(fn(&Msg) -> Option<String>),
    /// A callback time on its own ("monday 10am").
    StatedTime,
}

/// A tier: an intent and how to recognise it.
pub(crate) struct Rule {
    pub intent: Intent,
    pub check: Check,
}

use Check::{Detect, Phrases, StatedTime, WithTime};

/// Checked in order; the first rule that matches decides.
pub(crate) const RULES: &[Rule] = &[
    Rule { intent: Intent::WrongNumber, check: Phrases(WRONG_NUMBER) },
    Rule { intent: Intent::WrongNumber, check: Detect(absent_person) },
    Rule { intent: Intent::WrongNumber, check: Detect(not_this_person) },
    Rule { intent: Intent::HumanRequest, check: Detect(asks_for_person) },
    Rule { intent: Intent::HumanRequest, check: Detect(named_person) },
    Rule { intent: Intent::BotQuestion, check: Detect(bot_question) },
    Rule { intent: Intent::HumanRequest, check: Phrases(HUMAN_EXPLICIT) },
    Rule { intent: Intent::HumanRequest, check: Phrases(HUMAN_WEAK) },
    Rule { intent: Intent::TextOnly, check: Phrases(TEXT_ONLY) },
    Rule { intent: Intent::NotInterested, check: Phrases(NO_VISIT) },
    Rule { intent: Intent::Question, check: Phrases(PROCESS_QUESTION) },
    Rule { intent: Intent::Frustration, check: Phrases(COMPLAINT) },
    Rule { intent: Intent::Frustration, check: Detect(counted_contacts) },
    Rule { intent: Intent::Frustration, check: Detect(odd_hour_contact) },
    Rule { intent: Intent::Schedule, check: Phrases(SCHEDULE) },
    Rule { intent: Intent::Schedule, check: WithTime(SCHEDULE_WITH_TIME) },
    Rule { intent: Intent::TextOnly, check: Phrases(TEXT_ONLY_WEAK) },
    Rule { intent: Intent::Frustration, check: Phrases(FRUSTRATION) },
    Rule { intent: Intent::NotInterested, check: Phrases(NOT_INTERESTED) },
    Rule { intent: Intent::Schedule, check: StatedTime },
    Rule { intent: Intent::Question, check: Phrases(DURATION) },
    Rule { intent: Intent::Objection, check: Phrases(SKEPTIC) },
    Rule { intent: Intent::Pricing, check: Phrases(PRICING) },
    Rule { intent: Intent::Objection, check: Phrases(OBJECTION) },
    Rule { intent: Intent::NotInterested, check: Phrases(NOT_NOW) },
    Rule { intent: Intent::Interest, check: Phrases(GO_AHEAD) },
    Rule { intent: Intent::Question, check: Phrases(QUESTION) },
    Rule { intent: Intent::Pricing, check: Phrases(PRICING_WEAK) },
    Rule { intent: Intent::Frustration, check: Phrases(FRUSTRATION_WEAK) },
    Rule { intent: Intent::Question, check: Phrases(QUESTION_WEAK) },
    Rule { intent: Intent::Interest, check: Phrases(INTEREST) },
];

/// [`FILLER`], compiled.
pub(crate) static FILLER_SET: WordList = WordList::new(FILLER);
static OPENER_SET: WordList = WordList::new(OPENERS);

/// Every phrase table of the rules, compiled once: table `n` is the phrases of `RULES[n]`
/// (empty for a detector), then [`BOT_TABLE`] and [`NOT_A_BOT_TABLE`]. Walking each table
/// with `split('|')` and a substring search per phrase was ~90% of `classify` (~85 µs median
/// per corpus message); one [`PhraseIndex::scan`] per message replaces it.
static INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let mut tables: Vec<&'static str> = RULES
        .iter()
        .map(|rule| match rule.check {
            Phrases(list) | WithTime(list) => list,
            Detect(_) | StatedTime => "",
        })
        .collect();
    tables.extend([detect::BOT, detect::NOT_A_BOT]);
    PhraseIndex::new(&tables, true)
});
pub(super) const BOT_TABLE: usize = RULES.len();
pub(super) const NOT_A_BOT_TABLE: usize = RULES.len() + 1;

/// Which phrases of the rules' tables are in a message (for [`Msg::hits`]): `words` and
/// `bloom` as in [`Msg`], of `norm`.
pub(crate) fn scan(norm: &str, words: &[&str], bloom: u64, core: &str) -> Hits {
    INDEX.scan(norm, words, bloom, core)
}

/// The first phrase of table `table` (see [`INDEX`]) in the message, as `has` reads it.
pub(super) fn first(m: &Msg, table: usize) -> Option<&'static str> {
    INDEX.first(table, &m.hits, |extra| match extra {
        Extra::None => true,
        Extra::Opens(opening) => opens_sentence(m.norm, opening),
        Extra::Gapped(phrase) => gapped(m.norm, phrase),
    })
}

/// The first rule that matches `m`: its intent, the phrase that decided (or what the detector
/// found), and a confidence.
pub(crate) fn decide(m: &Msg) -> Option<(Intent, String, f32)> {
    RULES.iter().enumerate().find_map(|(n, rule)| {
        let found = match &rule.check {
            // The list's first phrase in the message, as `list.split('|').find(|p| has(m, p))`.
            Phrases(_) => first(m, n).map(str::to_owned),
            WithTime(_) if m.callback.is_some() => first(m, n).map(str::to_owned),
            WithTime(_) => None,
            Detect(detect) => detect(m),
            // A time alone is a weaker signal than any phrase.
            StatedTime => return m.callback.map(|when| (rule.intent, when.to_owned(), 0.7)),
        };
        let phrase = found?.trim_start_matches(['=', '^']).to_owned();
        let strong = phrase.len() > 4 || !phrase.is_ascii();
        Some((rule.intent, phrase, if strong { 0.85 } else { 0.6 }))
    })
}

/// `phrase` (normalised) in the message, by the syntax of this module: the reference reading
/// that [`first`] gives table by table (checked in the tests below).
#[cfg(test)]
pub(crate) fn has(m: &Msg, phrase: &str) -> bool {
    if let Some(whole) = phrase.strip_prefix('=') {
        return m.core == whole;
    }
    if let Some(opening) = phrase.strip_prefix('^') {
        return has_phrase(m.norm, m.words, m.bloom, opening) && opens_sentence(m.norm, opening);
    }
    match phrase.as_bytes().contains(&b'*').then(|| phrase.split_once(" * ")).flatten() {
        Some((first, _)) => has_phrase(m.norm, m.words, m.bloom, first) && gapped(m.norm, phrase),
        None => has_phrase(m.norm, m.words, m.bloom, phrase),
    }
}

/// `phrase` opens a sentence of `norm`, after at most a few [`OPENERS`].
fn opens_sentence(norm: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some((at, end)) = find(norm, phrase, from) {
        let sentence = norm[..at].rsplit(['.', '!', '?', ',', ';', ':', '¿', '¡', '(', '"']).next().unwrap_or("");
        let lead = sentence.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
        // At most three words, all openers (counted without collecting them).
        if lead.take(4).try_fold(0, |n, w| OPENER_SET.contains(w).then_some(n + 1)).is_some_and(|n| n <= 3) {
            return true;
        }
        from = end;
    }
    false
}

/// The parts of `phrase` (split on ` * `) in order, each at most three words after the last.
fn gapped(norm: &str, phrase: &str) -> bool {
    let mut parts = phrase.split(" * ");
    let Some(first) = parts.next() else { return false };
    let rest: Vec<&str> = parts.collect();
    let mut from = 0;
    'start: while let Some((_, mut end)) = find(norm, first, from) {
        from = end;
        for part in &rest {
            match find(norm, part, end) {
                Some((at, e)) if norm[end..at].split_whitespace().count() <= 3 => end = e,
                _ => continue 'start,
            }
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_syntax() {
        let msg = |norm: &'static str| {
            let words: &'static [&'static str] = Box::leak(norm.split(' ').collect::<Vec<_>>().into_boxed_slice());
            let bloom = crate::normalise::bloom(words);
            Msg { norm, raw: norm, words, core: norm, callback: None, bloom, hits: scan(norm, words, bloom, norm) }
        };
        assert!(has(&msg("ok so what's the warranty"), "^what's"));
        assert!(has(&msg("yes. what's next"), "^what's"));
        assert!(!has(&msg("exactly what i was looking for"), "^what"));
        assert!(has(&msg("talk to your manager"), "talk to * manager"));
        assert!(!has(&msg("talk to you later about a new manager"), "talk to * manager"));
        assert!(has(&msg("human"), "=human"));
        assert!(has(&msg("who's the underwriter"), "^who"), "a contraction's stem");
    }

    /// Each table's first phrase through the index is the one a scan of the table with
    /// [`has`] finds, on every corpus text and its SMS spelling.
    #[test]
    fn the_index_reads_every_table_as_has_does() {
        use crate::normalise::{bloom, normalise, words};
        let corpus = concat!(include_str!("../corpus/dev.jsonl"), include_str!("../corpus/test.jsonl"));
        let mut tables: Vec<(usize, &str)> = RULES
            .iter()
            .enumerate()
            .filter_map(|(n, rule)| match rule.check {
                Phrases(list) | WithTime(list) => Some((n, list)),
                _ => None,
            })
            .collect();
        tables.extend([(BOT_TABLE, detect::BOT), (NOT_A_BOT_TABLE, detect::NOT_A_BOT)]);
        for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
            let text: serde_json::Value = serde_json::from_str(line).unwrap();
            let plain = normalise(text["text"].as_str().unwrap());
            let spelled = canonical(&plain);
            for norm in [plain.as_str(), spelled.as_deref().unwrap_or("")] {
                let words: Vec<&str> = words(norm).collect();
                let core = words.join(" ");
                let bloom = bloom(&words);
                let hits = scan(norm, &words, bloom, &core);
                let m = Msg { norm, raw: norm, words: &words, core: &core, callback: None, bloom, hits };
                for (n, list) in &tables {
                    assert_eq!(first(&m, *n), list.split('|').find(|p| has(&m, p)), "{norm}");
                }
            }
        }
    }

    fn intent(text: &str) -> Intent {
        crate::classify_by_rules(text).intent
    }

    /// Each intent is a family of ways to say it (slang, typos, emoji, Spanish, sarcasm), not
    /// a list of sentences.
    #[test]
    fn phrase_families_generalise() {
        let families: [(Intent, &[&str]); 12] = [
            (
                Intent::Interest,
                &[
                    "yessir",
                    "count me in!",
                    "ya estoy listo, ¿cómo empezamos?",
                    "please send more information",
                    "ok I'm game, go for it",
                    "sí, mándame la cotización",
                    "please proceed",
                ],
            ),
            (
                Intent::Question,
                &[
                    "wats included in the basic package",
                    "do yall offer maintenance plans?",
                    "¿Ofrecen garantía?",
                    "who's the underwriter",
                    "What do I need to bring to the appointment?",
                    "¿Cuánto dura la garantía?",
                ],
            ),
            (
                Intent::Objection,
                &[
                    "honestly seems kinda shady",
                    "I have to talk it over with my partner",
                    "déjame pensarlo",
                    "credit's not great rn",
                    "i'm in a rental",
                    "Is this one of those deals where you don't actually own the panels?",
                    "we have solar already",
                ],
            ),
            (
                Intent::Pricing,
                &[
                    "what's the damage 💸",
                    "hw much is it",
                    "can you beat 12k",
                    "¿Tienen algún descuento?",
                    "any wiggle room?",
                    "is the estimate free?",
                ],
            ),
            (
                Intent::Schedule,
                &[
                    "tmrw at 10 works",
                    "call me back in 15",
                    "11 works",
                    "pencil me in for friday",
                    "puede venir el sábado?",
                    "Let's set up the inspection for the 12th",
                ],
            ),
            (
                Intent::Frustration,
                &[
                    "Dude. I answered this yesterday.",
                    "you called me 6 times yesterday",
                    "lol you guys never quit",
                    "qué pesados son",
                    "wow 7am text, awesome",
                    "you really don't take no for an answer huh",
                    "great, another sales text. love that for me",
                ],
            ),
            (
                Intent::HumanRequest,
                &[
                    "get your boss on the phone",
                    "can you have Sarah call me?",
                    "Quiero hablar con un asesor",
                    "is Mike available?",
                    "who can I speak to about my account",
                    "I need a person not a robot",
                ],
            ),
            (
                Intent::WrongNumber,
                &[
                    "there's no Mark here",
                    "nope, not Sarah",
                    "I think you meant to text someone else",
                    "this number isn't Rob's anymore",
                    "¿Con quién hablo?",
                    "se equivocó de número",
                ],
            ),
            (
                Intent::NotInterested,
                &[
                    "nah we good",
                    "we decided to go a different direction",
                    "hard pass",
                    "ahorita no, gracias",
                    "We've already made other arrangements",
                    "no need to come by, we're all set",
                ],
            ),
            (
                Intent::BotQuestion,
                &[
                    "r u a real person",
                    "is this automatic or is someone there",
                    "¿Eres un bot?",
                    "hello? real person?",
                    "am I texting a computer",
                ],
            ),
            (
                Intent::TextOnly,
                &[
                    "i only do text",
                    "mándame mensaje, no puedo contestar llamadas",
                    "can we keep this to text?",
                    "I'm unable to take calls, please text",
                    "phone calls don't work for me, text is ok",
                ],
            ),
            (Intent::OptOut, &["I'd like to be removed from your list", "please don't call or text", "🛑"]),
        ];
        for (expected, texts) in families {
            for text in texts {
                assert_eq!(intent(text), expected, "{text}: {:?}", crate::classify_by_rules(text));
            }
        }
    }

    /// Look-alikes that must not be read as the stronger intent.
    #[test]
    fn hard_negatives_keep_their_own_intent() {
        for (text, expected) in [
            ("does the policy cover rental cars", Intent::Question),
            ("Good morning! how much is it", Intent::Pricing),
            ("is there a program for seniors?", Intent::Question),
            ("Is financing available?", Intent::Pricing),
            ("I need someone to come out Saturday", Intent::Schedule),
            ("I need to talk to my wife first", Intent::Objection),
            ("let's keep moving forward", Intent::Interest),
            ("does it automatically switch to battery?", Intent::Question),
            ("Yes! been waiting for this", Intent::Interest),
            ("no problem here, call me tomorrow", Intent::Schedule),
            ("my wife and I want to move forward", Intent::Interest),
            ("I'm in a meeting, call me at 3", Intent::Schedule),
            ("can't talk now, call me after 5", Intent::Schedule),
            ("the rep was so pushy last time", Intent::Objection),
            ("Yes please, I need coverage by the 1st", Intent::Interest),
            ("how many times do I have to say this", Intent::Frustration),
            ("¿Cuánto tiempo tarda?", Intent::Question),
            ("Do you need to be there in person?", Intent::Question),
            ("thanks for the info, we decided to go with you guys!", Intent::Interest),
        ] {
            assert_eq!(intent(text), expected, "{text}: {:?}", crate::classify_by_rules(text));
        }
    }
}
