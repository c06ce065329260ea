//! The phrase and word tables, compiled once for the hot path.
//!
//! Every inbound SMS runs the opt-out detector and every agent turn runs `classify`, which used
//! to walk each `|`-separated table with `split('|')` and a substring test per phrase: about
//! 2,500 phrases per message, ~85 µs median per `classify` and ~12 µs per opt-out check on the
//! corpus texts (a server profile showed `memchr`, `has_phrase` and `memcmp` on top). Here the
//! tables become, on first use:
//! - [`WordList`]: a hash set for "is this word one of the list";
//! - [`PhraseIndex`]: every phrase of a group of tables, keyed by its first word, so a message
//!   is read once ([`PhraseIndex::scan`], one hash look-up per word) into a bit per phrase
//!   ([`Hits`]), and a table's first phrase in list order is the lowest bit of its range
//!   ([`PhraseIndex::first`]).
//!
//! The answers are those of [`has_phrase`] phrase by phrase; see [`PhraseIndex::scan`] for why.
//! With this (and fewer allocations around it), the corpus medians are ~4 µs per `classify`
//! and ~1.2 µs per `normalise` + `opt_out_phrase`, with outputs byte-identical on the corpus
//! and ~16,000 variants of it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use crate::normalise::{has_phrase, key};

/// A small, fixed (hence deterministic) multiplicative hasher for short words, in the manner
/// of rustc's FxHash: the tables are our own constants, so there is nothing to defend against
/// and SipHash's cost is not worth paying per word.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(eight));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(eight) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

pub(crate) type Fast = BuildHasherDefault<FastHasher>;

/// A `|`-separated word list (as the tables are written), made a hash set the first time it
/// is asked: one hash per question instead of a scan of the list.
#[derive(Debug)]
pub(crate) struct WordList {
    text: &'static str,
    set: OnceLock<HashSet<&'static str, Fast>>,
}

impl WordList {
    /// The list `text` (`|`-separated), compiled on first use.
    pub(crate) const fn new(text: &'static str) -> Self {
        WordList { text, set: OnceLock::new() }
    }

    /// `word` is one of the list (as `list.split('|').any(|w| w == word)` would say).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.text.split('|').collect()).contains(word)
    }
}

/// One bit per phrase of a [`PhraseIndex`]: the phrase's first test passed on this message.
#[derive(Debug, Clone)]
pub(crate) struct Hits([u64; HIT_WORDS]);

/// Room for 4,096 phrases per index (the intent rules have about 2,500); checked when built.
const HIT_WORDS: usize = 64;

impl Default for Hits {
    fn default() -> Self {
        Hits([0; HIT_WORDS])
    }
}

impl Hits {
    fn set(&mut self, id: usize) {
        self.0[id / 64] |= 1 << (id % 64);
    }
}

/// What must hold beyond the phrase test for a phrase to count (the rule syntax of
/// `crate::rules`); the caller decides it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Extra {
    /// Nothing more.
    None,
    /// `^phrase`: the phrase opens a sentence.
    Opens(&'static str),
    /// `a * b`: the parts in order, close together (the whole phrase as written).
    Gapped(&'static str),
}

#[derive(Debug)]
struct Phrase {
    /// As written in its table (returned as the match).
    text: &'static str,
    /// The argument of [`has_phrase`], or `None` for a whole-message `=phrase`.
    arg: Option<&'static str>,
    /// `arg` ends with a letter or digit, so the match must end at a word's end.
    ends_wordy: bool,
    extra: Extra,
}

/// The phrases of several tables, indexed by their first word (see the module docs).
#[derive(Debug)]
pub(crate) struct PhraseIndex {
    phrases: Vec<Phrase>,
    /// Each table's phrases, in list order.
    tables: Vec<Range<usize>>,
    /// First word → (its [`key`], the phrases opening with it, ascending).
    by_first: HashMap<&'static str, (u64, Vec<usize>), Fast>,
    /// `=phrase` body → its phrases.
    whole: HashMap<&'static str, Vec<usize>, Fast>,
    /// Phrases the index cannot serve (opening with a symbol or emoji, or an apostrophe at the
    /// edge of their first word): tested one by one with [`has_phrase`], as before.
    direct: Vec<usize>,
}

impl PhraseIndex {
    /// Compiles `tables` (`|`-separated; `""` is an empty table). With `syntax`, the prefixes
    /// `=` and `^` and the ` * ` gap of `crate::rules` are read as such; without it every
    /// phrase is a plain [`has_phrase`] phrase.
    pub(crate) fn new(tables: &[&'static str], syntax: bool) -> Self {
        let mut index = PhraseIndex {
            phrases: Vec::new(),
            tables: Vec::with_capacity(tables.len()),
            by_first: HashMap::default(),
            whole: HashMap::default(),
            direct: Vec::new(),
        };
        for table in tables {
            let start = index.phrases.len();
            for text in table.split('|').filter(|_| !table.is_empty()) {
                index.add(text, syntax);
            }
            index.tables.push(start..index.phrases.len());
        }
        assert!(index.phrases.len() <= HIT_WORDS * 64, "too many phrases for Hits");
        index
    }

    fn add(&mut self, text: &'static str, syntax: bool) {
        let id = self.phrases.len();
        // The same order of reading as `rules::has`.
        let (arg, extra) = if !syntax {
            (Some(text), Extra::None)
        } else if let Some(whole) = text.strip_prefix('=') {
            self.whole.entry(whole).or_default().push(id);
            (None, Extra::None)
        } else if let Some(opening) = text.strip_prefix('^') {
            (Some(opening), Extra::Opens(opening))
        } else {
            match text.as_bytes().contains(&b'*').then(|| text.split_once(" * ")).flatten() {
                Some((first, _)) => (Some(first), Extra::Gapped(text)),
                None => (Some(text), Extra::None),
            }
        };
        let ends_wordy = arg.is_some_and(|a| a.ends_with(char::is_alphanumeric));
        self.phrases.push(Phrase { text, arg, ends_wordy, extra });
        let Some(arg) = arg else { return };
        let first = arg.split(|c: char| !(c.is_alphanumeric() || c == '\'')).next().unwrap_or("");
        if first.is_empty() || first.starts_with('\'') || first.ends_with('\'') {
            self.direct.push(id);
        } else {
            self.by_first.entry(first).or_insert_with(|| (key(first), Vec::new())).1.push(id);
        }
    }

    /// Reads a message once: the bit of every phrase whose test passes, that is
    /// `has_phrase(norm, words, bloom, arg)` for a phrase, `core == body` for `=body`.
    ///
    /// `has_phrase` accepts a phrase when the bloom has its first word's key and some word
    /// `w` of `words` starts with its first word, with the phrase written at `w`. The first
    /// word of a phrase runs to its first character that is not a letter, digit or
    /// apostrophe; written at `w`, that character is also where `w` ends, so `w` *is* the
    /// first word. A phrase that is only its first word may also match a longer `w` that goes
    /// on with an apostrophe ("who" in "who's"), which is then `w` cut before an apostrophe.
    /// So looking up `w` and each of its cuts before an apostrophe finds every phrase that
    /// could be there, and the same tests as `has_phrase` then decide. Phrases this does not
    /// hold for are in `direct` and run through `has_phrase` itself.
    pub(crate) fn scan(&self, norm: &str, words: &[&str], bloom: u64, core: &str) -> Hits {
        let mut hits = Hits::default();
        let base = norm.as_ptr() as usize;
        for w in words {
            let at = (w.as_ptr() as usize).wrapping_sub(base);
            let Some(rest) = norm.get(at..) else { continue };
            self.try_first(w, rest, bloom, &mut hits);
            for (cut, _) in w.match_indices('\'') {
                self.try_first(&w[..cut], rest, bloom, &mut hits);
            }
        }
        if let Some(ids) = self.whole.get(core) {
            ids.iter().for_each(|&id| hits.set(id));
        }
        let ascii = norm.is_ascii();
        for &id in &self.direct {
            let arg = self.phrases[id].arg.unwrap_or("");
            // An emoji cannot be in a plain-ASCII message.
            if (ascii && !arg.is_ascii()) || !has_phrase(norm, words, bloom, arg) {
                continue;
            }
            hits.set(id);
        }
        hits
    }

    /// The phrases opening with `first`, tested where `rest` of the message starts.
    fn try_first(&self, first: &str, rest: &str, bloom: u64, hits: &mut Hits) {
        let Some((bits, ids)) = self.by_first.get(first) else { return };
        if bloom & bits == 0 {
            return;
        }
        for &id in ids {
            let p = &self.phrases[id];
            let arg = p.arg.unwrap_or("");
            if rest.starts_with(arg)
                && (!p.ends_wordy || rest[arg.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
            {
                hits.set(id);
            }
        }
    }

    /// The first phrase of table `table`, in list order, whose bit is set and whose [`Extra`]
    /// `extra` accepts (as written in the table).
    pub(crate) fn first(
        &self,
        table: usize,
        hits: &Hits,
        mut extra: impl FnMut(Extra) -> bool,
    ) -> Option<&'static str> {
        let range = self.tables.get(table)?.clone();
        let mut id = range.start;
        while id < range.end {
            let word = hits.0[id / 64] >> (id % 64);
            if word == 0 {
                id = (id / 64 + 1) * 64;
                continue;
            }
            id += word.trailing_zeros() as usize;
            if id >= range.end {
                break;
            }
            let p = &self.phrases[id];
            if extra(p.extra) {
                return Some(p.text);
            }
            id += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::{bloom, words};

    /// The index gives, phrase by phrase, the answers of `has_phrase` (the exhaustive check is
    /// the before/after dump of the corpus; this keeps the apostrophe cases honest).
    #[test]
    fn the_index_agrees_with_has_phrase() {
        let table = "who|who's this|don't|don't call|i'm|y'all|call me|bot?|?|🤖|$|24/7|auto-text";
        let index = PhraseIndex::new(&[table], false);
        for norm in [
            "who's this",
            "who'd call",
            "don't call me",
            "dont call",
            "i'm 'in'",
            "y'all'd",
            "bot? 24/7 🤖",
            "robot?",
            "$5 auto-text",
            "'call me'",
            "",
        ] {
            let spans: Vec<&str> = words(norm).collect();
            let bits = bloom(&spans);
            let hits = index.scan(norm, &spans, bits, "");
            for (n, phrase) in table.split('|').enumerate() {
                let set = hits.0[n / 64] >> (n % 64) & 1 == 1;
                assert_eq!(set, has_phrase(norm, &spans, bits, phrase), "{phrase:?} in {norm:?}");
            }
        }
        let words = WordList::new("a|bc|def");
        assert!(words.contains("bc") && !words.contains("b") && !words.contains(""));
    }
}
