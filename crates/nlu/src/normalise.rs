//! Text normalisation and the opt-out detector.
//!
//! Opt-out is decided here, before any other intent, because it is the one answer that must
//! never be missed: the carriers' STOP family, any reasonable revocation in free text (English
//! and Spanish here, other languages in [`crate::languages`]), with typos, and not the
//! look-alikes ("stop by anytime", "don't stop") or a limit instead of an end ("stop calling,
//! texts are fine", see [`crate::limits`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::index::{Hits, PhraseIndex, WordList};

/// Lower-case, accents folded (`á` → `a`, `ñ` → `n`), curly quotes straightened, letters
/// repeated three or more times collapsed ("stoooop" → "stop"), whitespace collapsed.
pub fn normalise(text: &str) -> String {
    // One pass and one allocation: the only whitespace pushed is a single ' ' between words,
    // so trimming the end is dropping at most that one space (it used to copy the string).
    let mut out = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut run = 0;
    let mut push = |c: char| {
        // A combining accent (typed decomposed, or Yoruba's tones over a dotted vowel) goes
        // the way of the precomposed accents `fold` drops.
        // So do the zero-width non-joiners Persian and the Indic scripts put inside a word
        // ("మెసేజ్‌లు"), which keyboards type or leave out.
        if ('\u{0300}'..='\u{036f}').contains(&c) || c == '\u{200c}' {
            return;
        }
        let c = fold(c);
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            last = None;
            return;
        }
        if Some(c) == last && c.is_alphabetic() {
            run += 1;
        } else {
            run = 1;
        }
        last = Some(c);
        if run <= 2 {
            out.push(c);
        } else if run == 3 {
            // A third repeat means emphasis, not spelling: keep one.
            out.pop();
        }
    };
    for c in text.chars() {
        // ASCII (most SMS) lower-cases to one ASCII char: skip the case-mapping iterator.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    // "N0 M0RE TEXTS", "st0p": a zero typed for an o in a word of letters (not "10am", "$500").
    if out.contains('0') {
        let leet = |w: &str| {
            w.contains('0')
                && w.bytes().any(|b| b.is_ascii_alphabetic())
                && !w.bytes().any(|b| b.is_ascii_digit() && b != b'0')
        };
        if out.split(' ').any(leet) {
            out = out
                .split(' ')
                .map(|w| if leet(w) { w.replace('0', "o") } else { w.to_owned() })
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    // "remove my # from your list": a lone `#` is the number.
    if out.contains('#') && out.split(' ').any(|w| w == "#") {
        out = out.split(' ').map(|w| if w == "#" { "number" } else { w }).collect::<Vec<_>>().join(" ");
    }
    out
}

/// Letters with a diacritic to their base letter: Western European (Spanish, French,
/// Portuguese, German, Italian), Polish, Russian's ё, and Vietnamese vowels, whose marks are
/// often left off when typing, so a phrase is written once for both ("nhắn tin" and "nhan
/// tin"). Vietnamese đ stays: folded, "đừng" (don't) would read "dùng" (use).
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' | 'ă' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'ĩ' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'ơ' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'ũ' | 'ư' => 'u',
        'ý' | 'ÿ' => 'y',
        'ñ' => 'n',
        'ç' | 'ć' => 'c',
        'ą' => 'a',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        // Carons, cedillas, commas below, macrons, ogoneks and dots (Czech, Slovak, the
        // South Slavic languages, Turkish, Romanian, Latvian, Lithuanian, Azerbaijani, Maori):
        // leads type them or leave them out, so neither spelling is kept.
        'š' | 'ş' | 'ș' => 's',
        'č' => 'c',
        'ž' => 'z',
        'ř' => 'r',
        'ň' | 'ņ' => 'n',
        'ě' | 'ė' | 'ē' | 'ə' => 'e',
        'ů' | 'ū' | 'ų' | 'ű' => 'u',
        'ť' | 'ţ' | 'ț' => 't',
        'ď' => 'd',
        'ğ' | 'ģ' => 'g',
        'ő' | 'ō' => 'o',
        'ā' => 'a',
        'ī' | 'į' => 'i',
        'ļ' => 'l',
        'ķ' => 'k',
        // The dotted letters of Yoruba, Hausa and romanised Indic and Arabic.
        'ḅ' => 'b',
        'ḍ' => 'd',
        'ḥ' => 'h',
        'ḷ' => 'l',
        'ṃ' => 'm',
        'ṇ' => 'n',
        'ṛ' => 'r',
        'ṣ' => 's',
        'ṭ' => 't',
        'ẓ' => 'z',
        'ё' => 'е',
        // The Hawaiian ʻokina and the Tongan fakauʻa (U+02BB) and the modifier apostrophe
        // (U+02BC) are typed as often as the plain apostrophe.
        '’' | '‘' | '`' | '\u{02bb}' | '\u{02bc}' => '\'',
        '“' | '”' => '"',
        // Latin Extended Additional: Vietnamese vowels with tone marks, by block.
        '\u{1EA0}'..='\u{1EB7}' => 'a',
        '\u{1EB8}'..='\u{1EC7}' => 'e',
        '\u{1EC8}'..='\u{1ECB}' => 'i',
        '\u{1ECC}'..='\u{1EE3}' => 'o',
        '\u{1EE4}'..='\u{1EF1}' => 'u',
        '\u{1EF2}'..='\u{1EF9}' => 'y',
        other => other,
    }
}

/// `phrase` occurs in `norm` as whole words (symbols and emoji match anywhere).
pub fn contains_phrase(norm: &str, phrase: &str) -> bool {
    // The agent's phrase lists are written normalised: check that without allocating.
    let phrase: Cow<'_, str> = if is_plain(phrase) { Cow::Borrowed(phrase) } else { Cow::Owned(normalise(phrase)) };
    !phrase.is_empty() && find_phrase(norm, &phrase, 0).is_some()
}

/// `text` is already what [`normalise`] would make of it, as far as plain lower-case ASCII
/// goes: no upper case, no non-ASCII, single inner spaces, no letter three times in a row.
fn is_plain(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    b.iter().enumerate().all(|(i, &c)| {
        let tripled = i >= 2 && c.is_ascii_alphabetic() && b[i - 1] == c && b[i - 2] == c;
        let doubled_space = c == b' ' && i > 0 && b[i - 1] == b' ';
        c.is_ascii() && !c.is_ascii_uppercase() && (c == b' ' || !c.is_ascii_whitespace()) && !tripled && !doubled_space
    })
}

/// The [`bloom`] of a normalised text's words, for [`contains_phrase_in`].
pub(crate) fn text_bloom(norm: &str) -> u64 {
    words(norm).fold(0, |bits, w| bits | word_bits(w))
}

/// [`contains_phrase`] with the text's [`text_bloom`]: a written-normal phrase whose first
/// word's bit is not set is ruled out without a scan, so checking many phrases stays cheap.
pub(crate) fn contains_phrase_in(norm: &str, bloom: u64, phrase: &str) -> bool {
    // The first word as written is the first word [`normalise`] leaves when it is lower-case
    // ASCII without a letter tripled (and the phrase does not open with a space).
    let first = phrase.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    let b = first.as_bytes();
    let written_normal = b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && !b.windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    let whole_word = phrase.as_bytes().get(b.len()).is_none_or(|c| *c != b'\'');
    if !first.is_empty() && written_normal && whole_word && bloom & key(first) == 0 {
        return false;
    }
    contains_phrase(norm, phrase)
}

/// The words of a normalised text: letters, digits and inner apostrophes ("don't"; a quoted
/// "'stop'" is "stop").
pub(crate) fn words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| !word_char(c)).map(|w| w.trim_matches('\'')).filter(|w| !w.is_empty())
}

/// A letter, a digit or an apostrophe, or a mark that is part of a word though not alphabetic:
/// Thai vowel and tone marks ("ส่ง"), Lao's, the viramas of the Indic scripts ("बार्ता") and
/// Sinhala's, and the Burmese and Khmer signs that close or stack a syllable.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '\''
        || c > '\u{08ff}'
            && matches!(c,
                '\u{093c}' | '\u{09bc}' | '\u{0a3c}' | '\u{0abc}' | '\u{094d}' | '\u{09cd}' | '\u{0a4d}' | '\u{0acd}' | '\u{0b4d}' | '\u{0bcd}' | '\u{0c4d}' | '\u{0ccd}'
                | '\u{0d4d}' | '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}' | '\u{0eb1}'
                | '\u{0eb4}'..='\u{0ebc}' | '\u{0ec8}'..='\u{0ecd}' | '\u{0dca}' | '\u{1037}' | '\u{1039}' | '\u{103a}'
                | '\u{17c6}'..='\u{17d3}' | '\u{17dd}')
}

/// A one-bit-per-word summary of [`words`] for [`has_phrase`]: a phrase whose first word's
/// bit is not set cannot be there. Contractions set their stem too ("who's" → "who").
pub(crate) fn bloom(words: &[&str]) -> u64 {
    words.iter().fold(0, |bits, w| bits | word_bits(w))
}

/// The bloom bits of one word: its own, and its stem's for a contraction.
fn word_bits(w: &str) -> u64 {
    key(w) | w.split_once('\'').map_or(0, |(stem, _)| key(stem))
}

/// The bloom bit of one word.
pub(crate) fn key(word: &str) -> u64 {
    let b = word.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0) as usize, b.last().copied().unwrap_or(0) as usize);
    1 << ((first * 31 + last * 7 + b.len() * 13) % 64)
}

/// [`contains_phrase`] for a phrase written already normalised, given the [`words`] of `norm`
/// (slices of it) and their [`bloom`]: a phrase that opens with a word is only tried where
/// that word is, and nothing is allocated, so checking hundreds of phrases stays cheap.
pub(crate) fn has_phrase(norm: &str, words: &[&str], bloom: u64, phrase: &str) -> bool {
    let first = phrase.split(|c: char| !(c.is_alphanumeric() || c == '\'')).next().unwrap_or("");
    if first.is_empty() {
        return find_phrase(norm, phrase, 0).is_some();
    }
    if bloom & key(first) == 0 {
        return false;
    }
    let base = norm.as_ptr() as usize;
    words.iter().any(|w| {
        let at = (w.as_ptr() as usize).wrapping_sub(base);
        w.starts_with(first)
            && norm.get(at..).is_some_and(|rest| {
                rest.starts_with(phrase)
                    && (!phrase.ends_with(char::is_alphanumeric)
                        || rest[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
    })
}

/// The first whole-word occurrence of `phrase` (already normalised) in `norm` at or after
/// `from`, as (start, end). Symbols and emoji at either end of `phrase` match anywhere.
pub(crate) fn find_phrase(norm: &str, phrase: &str, mut from: usize) -> Option<(usize, usize)> {
    let wordy = |c: char| c.is_alphanumeric();
    let starts_wordy = phrase.chars().next().is_some_and(wordy);
    let ends_wordy = phrase.chars().next_back().is_some_and(wordy);
    while let Some(i) = find_str(norm.get(from..)?, phrase) {
        let at = from + i;
        let end = at + phrase.len();
        let before_ok = !starts_wordy || norm[..at].chars().next_back().is_none_or(|c| !wordy(c));
        let after_ok = !ends_wordy || norm[end..].chars().next().is_none_or(|c| !wordy(c));
        if before_ok && after_ok {
            return Some((at, end));
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// `hay.find(needle)`, by the needle's first byte and a compare: for an SMS and a short
/// phrase this beats building a two-way searcher per call (`StrSearcher::new` was ~5% of
/// `classify` once the phrase index was in). UTF-8 is self-synchronising, so a byte match of
/// a whole `&str` is a match at a char boundary, as `str::find` reports.
fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return Some(0) };
    let mut from = 0;
    while let Some(i) = hay.get(from..)?.iter().position(|&b| b == first) {
        let at = from + i;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whole messages (or whole sentences of one, see [`CLAUSE_KEYWORDS`]) that are a keyword of
/// the STOP family, after punctuation, emoji and courtesy words ([`COURTESY`]) are dropped.
const KEYWORDS: &str = concat!(
    "stop|stopall|stop all|unsubscribe|unsubscribe me|unsub|unsub me|cancel|end|quit|revoke|optout|opt out",
    "|opt me out|stop it|stop stop|stop stop stop|remove|remove me|baja|alto|para|parar|detener|cancelar",
    "|basta|no more|no mas|enough stop|stahp|stawp|stoppit|arretez|arrete|assez|chega|genug|stopp|tigil|ya basta|parenle|parale|parenle ya|parale ya",
    "|dnc",
    // Canada's French keyword (ARRÊT), as carriers there honour it.
    "|arret|arret svp",
    // Brazil's Portuguese keyword (SAIR, "leave"), as carriers there honour it; "PARE", stop
    // (Portuguese and Spanish), as "PARA" is.
    "|sair|pare|parem|paren",
    // Cyrillic STOP (Russian, Ukrainian, Bulgarian, Serbian), as carriers' keyword lists do not
    // have it but leads send it.
    "|стоп",
    // Greek, Turkish ("İPTAL", cancel), Pennsylvania Dutch and Chinese or Japanese (停止) STOP.
    "|στοπ|iptal|schtopp|schtop|停止",
    // Somali JOOJI, Burmese ရပ်ပါ, Hebrew הסר (remove) and עצור (stop), Amharic አቁሙ and አቁም (stop).
    "|jooji|ရပ်ပါ|הסר|עצור|አቁሙ|አቁም",
    // Japanese STOP in katakana (ストップ), Hindi "बंद करो" and "बंद करें" (stop it).
    "|ストップ|बंद करो|बंद करें|बंद करे",
    // Farsi "لغو" (cancel).
    "|لغو",
    // China's carrier keyword TD (退订), as a whole message.
    "|td",
    // Keywords run together: "removeme", "optmeout".
    "|removeme|unsubscribeme|unsubme|optmeout|takemeoff|stopplease|pleasestop|stoptexting|stopmessaging|donttext|nomore",
);

/// Keywords that also revoke as a sentence of their own inside a longer message ("wrong
/// number. please remove", "who is this? stop"). `cancel` is here too, unless the message is
/// about an appointment ("can't make it tomorrow. cancel").
const CLAUSE_KEYWORDS: &str = concat!(
    "stop|stopall|stop all|stop it|stop stop|unsubscribe|unsubscribe me|unsub|optout|opt out|opt me out",
    "|remove|remove me|quit|end|cancel|revoke|baja|basta|no more|no mas|stahp|stawp|dnc",
);

/// Politeness and filler around a keyword ("stop please", "por favor baja", "STOP NOW").
const COURTESY: &str = concat!(
    "please|pls|plz|plse|now|thanks|thank|you|thx|ty|ok|okay|just|asap|por|favor|gracias|ya|already|seriously|srsly",
    "|immediately|rn|said|again|and|so|omg|dude|bro|sir|maam|svp|bitte|merci|obrigado|po",
    // "STOP walaal" (Somali: brother, sister), "stop yaar", "stop habibi".
    "|walaal|walaalo|yaar|habibi|hermano",
);

/// Words that make a sentence-final `cancel` about something other than the messages.
const CANCEL_CONTEXT: &str = "appointment|appt|meeting|visit|cita|inspection|consultation|order|booking|reservation";

/// Revocations anywhere in a message.
const PHRASES: &str = concat!(
    "don't call/text|dont call/text|do not call/text|take me off|get me off|get us off|want off",
    // "This number no longer accepts messages from your company".
    "|no longer accepts messages|no longer accepts texts|no longer accepting messages|no longer accepting texts",
    "|no longer accepts text messages|does not accept messages from|doesn't accept messages from",
    // "this phone number is not to be used for any calls or texts from your office".
    "|not to be used for any calls|not to be used for any texts|not to be used for calls|not to be used for texts",
    "|not to be used for any contact|not to be used for contact",
    // Both channels refused in one breath: "no calls no texts".
    "|no calls no texts|no texts no calls|no calls or texts|no texts or calls|no calls nor texts|no calls and no texts",
    // "Oh great, another text. Please let it be the last."
    "|let it be the last|let this be the last|let that be the last",
    // Spanish, passed on: "ella no quiere que la sigan contactando" (she doesn't want you to keep
    // contacting her).
    "|no quiere que la sigan|no quiere que lo sigan|no quiero que me sigan|no quiere que la contacten",
    "|no quiere que lo contacten|no quiere que le escriban|no quiere que la llamen|no quiere que lo llamen",
    // "Please do me the honor of never doing it again."
    "|do me the honor of never|do me the honour of never|do me a favor and never|do me a favour and never",
    "|if i never heard from|if i never hear from|rather never hear from",
    // Leaving, said as done now: "fully unsubscribing, bye".
    "|fully unsubscribing|officially unsubscribing|i'm unsubscribing|im unsubscribing|i am unsubscribing",
    "|unsubscribing now|unsubscribing bye",
    // "Don't send anything else to this number", "please don't send more".
    "|don't send anything else|dont send anything else|do not send anything else|don't send anything more",
    "|dont send anything more|don't send more|dont send more|do not send more|don't send any more|dont send any more",
    "|do not send any more|don't send me anything else|dont send me anything else|don't send me any more",
    "|off of your list|off of the list|like to be removed|want to be removed|wish to be removed",
    "|asked to be removed|ask to be removed|asking to be removed|get me removed|unenroll|un-enroll",
    "|quitarme de|eliminarme|borrarme|take my number off|take my name off|take my info off|take us off",
    "|take this number off|off your list|off the list|off ur list|off this list|off your contact",
    "|off your call|off your text|off your mailing|remove me|remove us|remove my number|remove my info",
    "|prefer not to get any|prefer not to receive any|prefer not to be contacted|prefer not to hear from",
    "|gets you blocked|get you blocked|and you're blocked|don't keep following up|dont keep following up",
    "|stop following up with me|quit following up|block me from your|block me from the list",
    "|rather not hear from|appreciate not getting|appreciate not receiving|if you removed me|if you'd remove me",
    "|if you would remove me|consider me unsubscribed|consider me removed|consider me opted out|drop me from|drop us from|drop my number|remove my name|remove my contact|remove my phone|remove this number|remove this phone|delete my number",
    // For the number's owner, by someone at the phone: "my dad doesn't want these, remove his number".
    "|remove his number|remove her number|remove their number|delete his number|delete her number",
    "|take his number off|take her number off|take him off|take her off|remove her from|remove him from",
    "|delete my info|delete my contact|delete my phone|delete this number|delete me|erase my info",
    "|erase my number|erase me|lose my number|lose this number|forget my number|forget this number",
    "|unsubscribe|unsub|opt out|opt-out|optout|opt me out|opting out|opted out|revoke|revoking",
    "|withdraw my consent|withdraw consent|withdrawing my consent|withdrawing consent|i do not consent",
    "|i don't consent|i dont consent|no longer consent|no more text|no more texts|no more texting",
    "|no more messages|no more msgs|no more msg|no more sms|no more calls|no more contact|no more of these",
    "|do not call list|do-not-call|dnc list|do not disturb|leave me alone|leave us alone|leave me be",
    "|quit texting|quit messaging|quit calling|quit contacting|cease and desist|desist|quit blowing up|stop blowing up",
    "|block this number|blocking this number|block your number|blocking your number|blocking you|i'm blocking",
    "|im blocking|gonna block|going to block|i'll block|ill block|i will block|will block you|block you",
    "|block u|te bloqueo|los bloqueo|las bloqueo|voy a bloquear|los voy a bloquear|bloquear este numero",
    "|bloquearlos|cut it out|knock it off|para de|pare de|paren de|parad de|deja de|dejen de|dejad de|no me escribas",
    "|no me escriban|no me mandes|no me manden|no me envies|no me envien|no me contactes|no me contacten",
    "|no me vuelvas a|no me vuelvan a|no vuelvas a escribir|no vuelvan a escribir|no quiero mas mensajes",
    "|no quiero recibir|no quiero mensajes|no quiero sus mensajes|no quiero textos",
    "|no quiero llamadas ni mensajes|no quiero que me escriban|no quiero que me contacten|no mas mensajes",
    "|no mas textos|no mas llamadas|borra mi numero|borren mi numero|borrar mi numero|elimina mi numero",
    "|eliminen mi numero|eliminar mi numero|quita mi numero|quiten mi numero|sacame de|saquenme de|quitame de",
    "|quitenme de|dar de baja|darme de baja|de baja|bajame|de la lista|dejame en paz|dejenme en paz",
    "|no me molesten|no me molestes",
    // Indirect: asking for no more without a keyword ("I'd appreciate no further messages",
    // "kindly refrain from contacting me", "please don't reach out again").
    "|no further contact|no further messages|no further texts|no further texting|no further communication",
    "|no further communications|no further calls|no further correspondence|no further outreach",
    "|refrain from contacting|refrain from texting|refrain from messaging|refrain from calling",
    "|refrain from reaching|refrain from sending|refrain from any|don't reach out|dont reach out",
    "|do not reach out|never reach out|stop reaching out|quit reaching out|no contact please|no contact pls",
    "|texts to end|texts to stop|texts to cease|messages to end|messages to stop|messages to cease",
    "|texting to end|texting to stop|calls and texts to stop|contact to stop|want this to stop",
    // "We'd like the texts and calls to end now".
    "|texts and calls to end|texts and calls to stop|calls and texts to end|calls to end|calls to cease",
    // "Thanks but no thanks — and please, no more follow ups."
    "|no more follow ups|no more follow-ups|no more followups|no more follow up|no further follow ups",
    "|contact to end|contact to cease|communications to end|communications to stop|communication to end",
    "|want these to stop|want them to stop|need this to stop|need these to stop|need them to stop",
    "|make these texts stop|make the texts stop|make these messages stop|make the messages stop",
    "|make these stop|make them stop|make this stop|make these texts go away|make the texts go away",
    "|make these messages go away|make the messages go away|make these go away|make them go away",
    // Not "I'm so tired of these texts" or "sick of your messages": a complaint that asks for
    // nothing (frustration), unless a stop comes with it.
    "|make this go away|done with your texts|done with these texts",
    // "I want out of these texts", "this number is off limits to you", "my number retired from
    // your outreach".
    "|want out of these texts|want out of these messages|want out of these calls|want out of your texts",
    "|want out of your messages|want out of your calls|want out of your list|want out of this list",
    "|want out of the texts|want out of the list",
    "|off limits to you|number is off limits|is off limits now|off limits from now|retire my number",
    // "Mark this number DNC.", "flag me as do not call".
    "|mark this number dnc|mark this number as dnc|mark my number dnc|mark my number as dnc|mark me dnc",
    "|mark me as dnc|mark me do not call|mark me as do not call|mark this number do not call",
    "|mark this number as do not call|flag me as dnc|flag this number dnc|flag this number as dnc",
    "|number retired from|retire this number",
    "|had enough of your|had enough of these|enough with the texts|enough with these texts",
    "|enough with the messages|enough texts|enough messages|enough with the calls|nothing to do with you",
    "|nothing to do with your|forget you ever had|forget i exist|forget my info",
    "|forget my contact|lose my contact|lose my info|lose my details|take me of|take us of|get me of",
    // Complaints and threats that only make sense as "stop" ("this is harassment, I'm
    // reporting you", "if I get one more text I'm filing a complaint", "ur blocked lol").
    "|harassment|harrassment|harassing me|harrassing me|harass me|report you|reporting you",
    "|report u|reporting u|report this number|reporting this number|reported this number|report your number",
    "|reporting your number|file a complaint|filing a complaint|filed a complaint|sue you|suing you",
    "|sue u|tcpa|to the fcc|with the fcc|to the ftc|with the ftc|attorney general|this is spam|reported as spam|reporting as spam",
    "|report as spam|marked as spam|marking as spam|reporting this as spam|reported this as spam",
    "|reported it as spam|if you text me again|if you text again|if u text me again|if u text again",
    "|if you call me again|if you contact me again|if you message me again|text me again and",
    "|call me again and|one more text|one more message|another text and|another message and",
    "|this is illegal|that's illegal|thats illegal|illegal to text|illegal to call",
    "|illegal to contact|i never consented|never gave consent|never gave you consent|never gave permission",
    "|never gave you permission|didn't consent to these|didnt consent to these|did not consent to these",
    "|didn't consent to being|didnt consent to being|did not consent to being|unsolicited|you're blocked|youre blocked|you are blocked|ur blocked",
    "|u r blocked|u are blocked|blocked you|blocked u|blocked ur number|blocked your number|blocked this number",
    "|do not call registry|do-not-call registry|dnc registry|prefer not to receive|prefer not to get texts|prefer not to get messages|prefer not to be contacted|rather not receive|rather not be contacted|rather not get texts|rather not get messages|rather not hear from|blocking u|blocked lol|reported and blocked|blocked and reported|block and report",
    // Second-round phrase families (from the second blind set's misses).
    "|don't hit me up|dont hit me up|do not hit me up|never hit me up|stop hitting me up|quit hitting me up",
    // "Quit hittin my phone", "you are not to contact me at this number going forward".
    "|quit hitting my|stop hitting my|quit hittin my|stop hittin my|quit blowing up my|quit blowin up my",
    "|stop blowin up my|are not to contact|not to contact me|not to text me|not to message me",
    // Scots and Northern English: "take us aff yer list", "pack it in wi the texts".
    "|take us aff|take me aff|aff yer list|aff your list|aff the list|pack it in wi|pack in the texts",
    // A follow-up declined: "Not interested. Do not follow up."
    "|do not follow up|don't follow up|dont follow up|please don't follow up|no need to follow up",
    // "Hit my line" (call or text me) stopped.
    "|don't hit my line|dont hit my line|do not hit my line|stop hitting my line|quit hitting my line",
    "|request to be removed|requested to be removed|requesting to be removed|need to be removed",
    "|want to be taken off|like to be taken off|asked to be taken off|to be taken off|rather not get any",
    "|rather not receive any|rather not get these|don't want any more of these|dont want any more of these",
    "|any more of these|anymore of these|replied stop|texted stop|sent stop|said stop|typed stop",
    // Not "still getting these" alone, a complaint ("can't believe I'm still getting these"):
    // the earlier stop it points to revokes ("I said STOP, still getting these").
    "|told you to stop|asked you to stop|told you guys to stop|asked you guys to stop",
    "|not interested in hearing|don't want to hear from|dont want to hear from|do not want to hear from",
    "|never want to hear from|hear from you again|hearing from you again|hearing from you anymore",
    "|hear from you anymore|hearing from you guys anymore|hear from you guys again|lista de no llamar",
    "|esto es ilegal|es ilegal|cancelar suscripcion|cancelar subscripcion|cancelar mi suscripcion",
    "|anular suscripcion|darme de baja|para ya de|paren ya de|pare ya de|deja ya de|dejen ya de|parenle|parale ya",
    "|ya parenle|ya parale",
    // Wishing this message the last ("I'd appreciate it if this were the last message I receive").
    "|last message i receive|last message i get|last text i receive|last text i get|last message i ever",
    "|last text i ever|this be the last|this were the last|this was the last text|this was the last message",
    "|this is the last text|this is the last message|your last text to me|your last message to me",
    "|last time you text|last time you message|last time you contact",
);

/// Dismissals that revoke unless negated ("the leak won't go away").
const DISMISSALS: &str = "go away|get lost|fuck off|f off|piss off|buzz off|back off|bug off|rack off|sod off|shove off|bugger off|naff off|f*** off|f**k off|f*ck off";

/// Real words one letter away from "stop".
const NOT_STOP: [&str; 14] =
    ["top", "step", "shop", "slop", "stow", "atop", "sop", "stops", "spot", "soto", "tops", "stoop", "stomp", "sup"];

/// What may follow "stop" for it to be about contacting the lead.
const STOP_OBJECTS: &str = concat!(
    "text|texting|textin|texing|txt|txting|texts|msg|msging|msgs|message|messages|messaging|sms|contact",
    "|contacting|calling|call|calls|ringing|email|emails|emailing|sending|bothering|bugging|pestering",
    "|harassing|hounding|spamming|reaching|hitting|it|now|please|pls|plz|subscription|consent|these|this|all",
    "|getting|receiving|gettin|blowing|mandando|mandarme|enviando|escribiendo|escribirme|llamando|con|mensajes",
    // Typed fast: "stop ringin me", "sttop textign me"; and "stop following up".
    "|textign|ringin|callin|messagin|following",
    // "cease communicating with me".
    "|communicating|communication|communications",
);

/// Keywords of the STOP family that revoke when they open a short message or are followed by
/// what they stop ("cancel these texts", "End messages", "revoke consent").
const LEADING: [&str; 9] = ["stop", "stopall", "unsubscribe", "unsub", "cancel", "end", "quit", "revoke", "optout"];

/// After a leading keyword in a short message, words that make it about something else
/// ("stop by", "end of month", "cancel my plan").
const NOT_AFTER_LEADING: &str = "by|in|over|at|the|of|my|our|a|an|that|for|on|to|his|her|their";

/// Determiners between a leading keyword and its object ("cancel my subscription").
const DETERMINERS: &str = "my|the|your|ur|these|those|all|our|this|any";

/// Contact verbs.
const CONTACT: &str = "text|call|contact|message|msg|txt|email|txting|texting|calling|messaging|contacting|sms";
/// Contact verbs that are about the messages themselves (not only calls).
const WRITTEN: &str = "text|contact|message|msg|txt|email|txting|texting|messaging|contacting|sms";
/// May come between a negation and its contact verb ("don't you ever text me").
const NEGATION_GAP: &str = "ever|evr|even|please|pls|plz|you|u|ya|guys|anyone|y'all|yall|dare";
/// Words that turn a negated contact verb into a restriction ("don't call before noon").
const TIME_LIMITS: &str = "before|after|until|till|til|during|between|past|at|on|early|late|so|while";
/// What unwanted contact is called ("I don't want any more texts").
const CONTACT_NOUNS: &str = concat!(
    "text|texts|txt|txts|texting|message|messages|msg|msgs|sms|contact|contacted|receive|receiving",
    "|solicitations",
);

// Compiled once (see `crate::index`): the word lists as hash sets, and the revocation phrases
// as an index by first word. The phrase tables alone were ~80% of an opt-out check.
static KEYWORD_SET: WordList = WordList::new(KEYWORDS);
static CLAUSE_KEYWORD_SET: WordList = WordList::new(CLAUSE_KEYWORDS);
static COURTESY_SET: WordList = WordList::new(COURTESY);
static CANCEL_CONTEXT_SET: WordList = WordList::new(CANCEL_CONTEXT);
static STOP_OBJECT_SET: WordList = WordList::new(STOP_OBJECTS);
static NOT_AFTER_LEADING_SET: WordList = WordList::new(NOT_AFTER_LEADING);
static DETERMINER_SET: WordList = WordList::new(DETERMINERS);
static CONTACT_SET: WordList = WordList::new(CONTACT);
static WRITTEN_SET: WordList = WordList::new(WRITTEN);
static NEGATION_GAP_SET: WordList = WordList::new(NEGATION_GAP);
static TIME_LIMIT_SET: WordList = WordList::new(TIME_LIMITS);
static CONTACT_NOUN_SET: WordList = WordList::new(CONTACT_NOUNS);
static REMOVAL_SET: WordList = WordList::new(REMOVAL);
pub(crate) static LIST_SET: WordList = WordList::new(LISTS);
/// [`PHRASES`] (table 0) and [`DISMISSALS`] (table 1).
static OPT_OUT_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(&[PHRASES, DISMISSALS], false));

/// The revocation in `norm` (already normalised), if there is one.
pub fn opt_out_phrase(norm: &str) -> Option<String> {
    // Or spelled out a word at a time: "I. Don't. Want. To. Hear. From. You." (read as written
    // first: "No. Stop. Bye." holds a keyword as a sentence of its own).
    phrase_of(norm).or_else(|| undotted(norm).and_then(|joined| phrase_of(&joined)))
}

/// [`opt_out_phrase`] of `norm` as it is.
fn phrase_of(norm: &str) -> Option<String> {
    let mut letters = letters_only(norm);
    // A stop sign (or no-entry sign) with at most a few words: "🛑", "🛑🛑🛑 enough".
    if norm.contains(['🛑', '⛔', '🚫']) && letters.split(' ').filter(|w| !w.is_empty()).count() <= 3 {
        return Some("🛑".to_owned());
    }
    // Spelled out: "s t o p".
    if letters.len() >= 5 && letters.split(' ').all(|w| w.chars().count() == 1) {
        letters.retain(|c| c != ' ');
    }
    // The whole message is a keyword: a revocation, whatever else could be read into it.
    if let Some(k) = keyword(&letters, &KEYWORD_SET) {
        return Some(k);
    }
    // A keyword broken by a stray space: "sto p", "un sub".
    if (2..=3).contains(&letters.split(' ').count()) {
        let joined: String = letters.split(' ').collect();
        if let Some(k) = keyword(&joined, &KEYWORD_SET) {
            return Some(k);
        }
    }
    if let Some(p) = run_together(&letters) {
        return Some(p);
    }
    let words: Vec<&str> = letters.split(' ').collect();
    if performed(norm, &words) {
        return Some("stop".to_owned());
    }
    if no_need(&words) {
        return Some("no need to".to_owned());
    }
    if never_again(&words) {
        return Some("never again".to_owned());
    }
    let found = revocation_in(norm, &letters, &words).or_else(|| threatened(&words))?;
    // Anything longer may limit the contact instead of ending it ("stop calling, text me").
    (!crate::limits::limits_contact(norm, &words)).then_some(found)
}

/// The lead's own keyword, sent as the lead says so: "texting STOP since apparently that's what
/// it takes", "I'm replying stop now". Not a question ("does replying STOP cancel my
/// appointment?") or a keyword sent to somebody else ("texting STOP to my ex rn").
fn performed(norm: &str, words: &[&str]) -> bool {
    let words = match words {
        ["i", "am", rest @ ..] | ["i'm" | "im", rest @ ..] => rest,
        _ => words,
    };
    matches!(
        words,
        ["texting" | "txting" | "replying" | "sending" | "typing" | "responding", "stop" | "unsubscribe", ..]
    ) && !matches!(words.get(2), Some(&("to" | "by" | "for")))
        && !norm.contains('?')
}

/// The next contact met with a threat: "next text I get from you I'm suing", "one more call
/// and I'm reporting you".
fn threatened(words: &[&str]) -> Option<String> {
    let at = words
        .windows(2)
        .position(|p| {
            matches!(p[0], "next" | "another") && matches!(p[1], "text" | "txt" | "call" | "message" | "msg" | "sms")
        })
        .or_else(|| {
            words.windows(3).position(|p| {
                p[..2] == ["one", "more"] && matches!(p[2], "text" | "txt" | "call" | "message" | "msg" | "time")
            })
        })
        // "Keep texting me and see what happens. I'll report every one as spam."
        .or_else(|| {
            words.windows(2).position(|p| {
                p[0] == "keep" && matches!(p[1], "texting" | "txting" | "calling" | "messaging" | "sending")
            })
        })
        // "Text me again and see what happens."
        .or_else(|| {
            words.windows(3).position(|p| {
                matches!(p[0], "text" | "txt" | "call" | "message" | "msg") && p[1] == "me" && p[2] == "again"
            })
        })?;
    let threat = words[at..]
        .iter()
        .find(|w| {
            matches!(
                **w,
                "suing" | "sue" | "lawyer" | "attorney" | "reporting" | "report" | "police" | "fcc" | "ftc" | "lawsuit"
            )
        })
        .copied()
        // "if you text me one more time I swear", "… I swear to god": the oath is the threat;
        // not "call me one more time, I swear I missed it".
        .or_else(|| {
            let rest = &words[at..];
            rest.iter()
                .enumerate()
                .any(|(i, w)| *w == "swear" && rest.get(i + 1).is_none_or(|n| *n == "to"))
                .then_some("swear")
        })
        // "Text me one more time and see what happens": the dare is the threat; not "we'll see
        // what happens".
        .or_else(|| {
            words[at..].windows(4).any(|p| p == ["and", "see", "what", "happens"]).then_some("see what happens")
        })?;
    Some(format!("{} … {threat}", words[at..at + 2].join(" ")))
}

/// No more contact needed: "we're good, no need to text us anymore". Not "no need to text me
/// the address" (nothing said of the future).
fn no_need(words: &[&str]) -> bool {
    // "no need to text", "no reason for you to contact us".
    let needless = (0..words.len()).any(|i| {
        let rest = &words[i..];
        let Some(rest) = rest.strip_prefix(&["no", "need"]).or_else(|| rest.strip_prefix(&["no", "reason"])) else {
            return false;
        };
        let rest = rest.strip_prefix(&["for", "you"]).unwrap_or(rest);
        matches!(rest, ["to", verb, ..] if matches!(*verb, "text" | "message" | "contact" | "call" | "keep" | "reach" | "bother"))
    });
    // "… so please don't": the message ends on the refusal (not "… it's fine if you don't").
    needless
        && (words.iter().any(|w| matches!(*w, "anymore" | "again" | "further" | "ever"))
            || matches!(words, [.., "so" | "please" | "pls" | "just", "don't" | "dont"]))
}

/// One more message named, then "never again" ending the message: "Oh great, another text from
/// Ava. Just what I needed today. For the love of god, never again."
fn never_again(words: &[&str]) -> bool {
    matches!(words, [.., "never", "again"])
        && words
            .windows(2)
            .any(|p| p[0] == "another" && matches!(p[1], "text" | "txt" | "message" | "msg" | "call" | "sms"))
}

/// The English revocations of more than one word with the spaces dropped, at least eight
/// letters long ("takemeoff", "removeme", "optmeout"), and "stop" run into a contact verb.
static RUN_TOGETHER: LazyLock<Vec<String>> = LazyLock::new(|| {
    let unspaced = |p: &str| p.chars().filter(char::is_ascii_alphanumeric).collect::<String>();
    let mut all: Vec<String> = PHRASES
        .split('|')
        .chain(KEYWORDS.split('|'))
        .filter(|p| p.contains(' ') && p.is_ascii())
        .map(unspaced)
        .chain(
            ["texting", "txting", "messaging", "msging", "calling", "contacting", "sending", "spamming", "bothering"]
                .iter()
                .map(|verb| format!("stop{verb}")),
        )
        .filter(|p| p.len() >= 8)
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});

/// A message typed as one word (courtesy aside) that opens with a revocation run together:
/// "takemeoffyourlist", "stopmessagingme", "removemeplease".
fn run_together(letters: &str) -> Option<String> {
    let mut core = letters.split(' ').filter(|w| !w.is_empty() && !COURTESY_SET.contains(w));
    let (Some(word), None) = (core.next(), core.next()) else { return None };
    if word.len() < 8 || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return None;
    }
    let word: String = word.chars().filter(|c| *c != '\'').collect();
    // "pleasestopcallingme": the courtesy run in too.
    let word = ["please", "pls", "plz"].iter().find_map(|p| word.strip_prefix(p)).unwrap_or(&word);
    // Not "takemeoffhold".
    if word.contains("hold") {
        return None;
    }
    RUN_TOGETHER.iter().find(|p| word.starts_with(p.as_str())).cloned()
}

/// A revocation somewhere in a longer message: a keyword as a sentence of its own, a phrase,
/// or one of the shapes below, in English, Spanish or another language.
fn revocation_in(norm: &str, letters: &str, words: &[&str]) -> Option<String> {
    if let Some(k) = sentence_keyword(norm) {
        return Some(k);
    }
    // Slices of `norm` itself, for the phrase search.
    let spans: Vec<&str> = self::words(norm).collect();
    let bits = bloom(&spans);
    if let Some(w) = words.iter().find(|w| unsubscribe_typo(w)) {
        return Some((*w).to_owned());
    }
    let hits = OPT_OUT_INDEX.scan(norm, &spans, bits, "");
    if let Some(p) = OPT_OUT_INDEX.first(0, &hits, |_| true) {
        return Some(p.to_owned());
    }
    leading_keyword(norm, words)
        .or_else(|| list_removal(words))
        .or_else(|| negated_contact(words))
        .or_else(|| nobody_contacts(words))
        .or_else(|| off_it(words))
        .or_else(|| no_channels(words))
        .or_else(|| unwanted_contact(words))
        .or_else(|| stop_request(words))
        .or_else(|| dismissal(norm, &hits))
        .or_else(|| number_removal(norm, words))
        .or_else(|| crate::languages::revocation(letters).map(str::to_owned))
}

/// Nobody to contact the lead again: "I'd ask that nobody from your office contact me again",
/// "make sure no one calls me anymore". Not "nobody ever contacts me", too little contact.
fn nobody_contacts(words: &[&str]) -> Option<String> {
    let at = words
        .iter()
        .enumerate()
        .position(|(i, w)| matches!(*w, "nobody" | "noone") || *w == "no" && words.get(i + 1) == Some(&"one"))?;
    let from = if words[at] == "no" { at + 2 } else { at + 1 };
    let verb = (from..(from + 6).min(words.len())).find(|&v| {
        let w = words[v];
        CONTACT_SET.contains(w) || w.strip_suffix('s').is_some_and(|s| CONTACT_SET.contains(s))
    })?;
    let rest = words.get(verb + 1..).unwrap_or_default();
    (matches!(rest.first(), Some(&("me" | "us" | "this")))
        && rest[1..].iter().take(3).any(|w| matches!(*w, "again" | "anymore")))
    .then(|| words[at..=verb].join(" "))
}

/// `norm` with a run of three or more one-word sentences joined ("i. don't. want. to. hear.
/// from. you." → "i don't want to hear from you"), if it has one.
fn undotted(norm: &str) -> Option<String> {
    // Read for every message the phrases miss: a run of three needs three full stops.
    if norm.bytes().filter(|&b| b == b'.').count() < 3 {
        return None;
    }
    let tokens: Vec<&str> = norm.split(' ').collect();
    let dotted = |t: &str| t.len() > 1 && t.ends_with('.') && !t[..t.len() - 1].contains('.');
    // Each run of dotted tokens, as (start, end) — only the runs of three or more are joined.
    let mut runs = Vec::new();
    let mut start = None;
    for (i, t) in tokens.iter().enumerate() {
        match (dotted(t), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, tokens.len()));
    }
    runs.retain(|(s, e)| e - s >= 3);
    if runs.is_empty() {
        return None;
    }
    let joined = tokens.iter().enumerate().map(|(i, t)| {
        // The run's last word keeps its stop: the sentence ends there.
        let inside = runs.iter().any(|(s, e)| (*s..e - 1).contains(&i));
        if inside { &t[..t.len() - 1] } else { t }
    });
    Some(joined.collect::<Vec<_>>().join(" "))
}

/// Both channels refused, whatever the punctuation: "no calls, no messages".
fn no_channels(words: &[&str]) -> Option<String> {
    let channel = |w: &str| {
        matches!(
            w,
            "calls" | "call" | "calling" | "texts" | "text" | "texting" | "messages" | "msgs" | "sms" | "emails"
        )
    };
    // Not "Email? no. Calls? no. Text? yes": each "no" answering the channel before it.
    words
        .windows(4)
        .enumerate()
        .find(|(i, p)| {
            p[0] == "no"
                && channel(p[1])
                && p[2] == "no"
                && channel(p[3])
                && p[1] != p[3]
                && !(*i > 0 && channel(words[i - 1]))
                && !words.get(i + 4).is_some_and(|w| matches!(*w, "yes" | "ok" | "okay" | "fine"))
        })
        .map(|(_, p)| p.join(" "))
}

/// "I'm not sure how I got on your list but I'd like to get off it": off the list named before.
fn off_it(words: &[&str]) -> Option<String> {
    let at = words.windows(2).position(|p| p[0] == "off" && matches!(p[1], "it" | "that"))?;
    let before = &words[at.saturating_sub(3)..at];
    (before.iter().any(|w| matches!(*w, "get" | "take" | "taken" | "remove" | "removed" | "me" | "us"))
        && !before.iter().any(|w| matches!(*w, "don't" | "dont" | "not" | "never" | "how"))
        && words[..at].iter().any(|w| LIST_SET.contains(w)))
    .then(|| words[at.saturating_sub(2)..at + 2].join(" "))
}

/// "Who gave you my number? Remove it.": a removal of the number the message is about.
fn number_removal(norm: &str, words: &[&str]) -> Option<String> {
    let about_number = words.windows(2).any(|p| {
        matches!(p[0], "my" | "this" | "our")
            && matches!(p[1], "number" | "info" | "information" | "details" | "contact" | "phone")
    });
    if !about_number {
        return None;
    }
    let removal = norm.split(['.', '!', '?', ',', ';']).map(letters_only).any(|clause| {
        let core: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty() && !COURTESY_SET.contains(w)).collect();
        matches!(core.as_slice(), [.., "remove" | "delete" | "erase" | "lose", "it" | "that"])
            // "Take it out of your system", "delete it from your records".
            || core.windows(3).any(|w| {
                matches!(w, ["take" | "get", "it" | "that", "out" | "off"] | ["remove" | "delete" | "erase", "it" | "that", "from"])
            })
            // "please take my info out of your system".
            || core.windows(6).any(|w| {
                matches!(
                    w,
                    [
                        "take" | "get" | "pull",
                        "my" | "our",
                        "number" | "info" | "information" | "details" | "data" | "name",
                        "out",
                        "of",
                        "your" | "ur" | "the"
                    ]
                )
            })
    });
    removal.then(|| "remove it".to_owned())
}

/// A laugh typed as a word: "lol", "lmao", "haha".
pub(crate) fn laugh(word: &str) -> bool {
    matches!(word, "lol" | "lmao" | "lmfao" | "haha" | "hahaha" | "hehe" | "rofl")
}

/// Letters, digits and apostrophes, one space between words.
pub(crate) fn letters_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    letters_into(text, &mut out);
    out
}

/// [`letters_only`] into `out` (cleared first), to reuse one buffer.
fn letters_into(text: &str, out: &mut String) {
    out.clear();
    for w in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// `letters` is one of `list` once courtesy words are trimmed from both ends, or a one-word
/// typo of "stop".
fn keyword(letters: &str, list: &WordList) -> Option<String> {
    if list.contains(letters) {
        return Some(letters.to_owned());
    }
    // The first and last words that are not courtesy; the core between them is a slice of
    // `letters` (its words are one space apart), so nothing is joined.
    let first = letters.split(' ').find(|w| !COURTESY_SET.contains(w))?;
    let last = letters.rsplit(' ').find(|w| !COURTESY_SET.contains(w))?;
    let start = first.as_ptr() as usize - letters.as_ptr() as usize;
    let end = last.as_ptr() as usize - letters.as_ptr() as usize + last.len();
    let core = &letters[start..end];
    if list.contains(core) {
        return Some(core.to_owned());
    }
    // One-word typos of the commonest keyword ("stpo", "srop", "stopp").
    let stop_typo = std::ptr::eq(first.as_ptr(), last.as_ptr())
        && (3..=5).contains(&core.len())
        && within(core, "stop", 1)
        && !NOT_STOP.contains(&core);
    // A STOP-family keyword with its last letter doubled ("quitt", "endd", "cancell").
    let doubled = || {
        let one_word = std::ptr::eq(first.as_ptr(), last.as_ptr());
        let b = core.as_bytes();
        one_word
            && b.len() >= 4
            && core.is_ascii()
            && b[b.len() - 1] == b[b.len() - 2]
            && matches!(
                &core[..core.len() - 1],
                "quit" | "end" | "cancel" | "unsubscribe" | "optout" | "revoke" | "stopall"
            )
    };
    (stop_typo || doubled()).then(|| core.to_owned())
}

/// A sentence of its own that is a keyword ("wrong number. please remove", "who is this? stop").
fn sentence_keyword(norm: &str) -> Option<String> {
    let separator = |c: char| !(c.is_alphanumeric() || c == '\'' || c == ' ' || c == '-' || c == '#' || c == '$');
    if !norm.contains(separator) && !norm.contains(" - ") {
        return None;
    }
    let about_booking = || words(norm).any(|w| CANCEL_CONTEXT_SET.contains(w));
    let mut clause = String::with_capacity(norm.len());
    // A spaced dash ends a sentence too ("wrong number - stop").
    for piece in norm.split(" - ").flat_map(|part| part.split(separator)) {
        letters_into(piece, &mut clause);
        if clause.is_empty() {
            continue;
        }
        if let Some(k) = keyword(&clause, &CLAUSE_KEYWORD_SET).filter(|k| k != "cancel" || !about_booking()) {
            return Some(k);
        }
    }
    None
}

/// A typo of "unsubscribe" (or "unsubscribed") as one word of a longer message.
fn unsubscribe_typo(w: &str) -> bool {
    // Not "unsubscribers", people (a band's name).
    !w.ends_with("ers")
        && ((8..=13).contains(&w.len()) && w.starts_with("un") && within(w, "unsubscribe", 2)
            || (10..=12).contains(&w.len()) && within(w, "unsubscribe", 1))
}

/// A STOP-family keyword opening the message as a sentence of its own ("STOP. How did you get
/// this number?"), or followed by what it stops ("cancel these texts", "cancel my
/// subscription").
fn leading_keyword(norm: &str, words: &[&str]) -> Option<String> {
    // "please stop i am at work", "STOP I already bought one": the keyword (after courtesy)
    // and then a new clause about the lead.
    let start = words.iter().position(|w| !COURTESY_SET.contains(w))?;
    let clause = words.get(start + 1).is_some_and(|w| CLAUSE_OPENERS.contains(w));
    if clause && matches!(words[start], "stop" | "stopall" | "unsubscribe" | "unsub" | "quit" | "optout") {
        return Some(words[start].to_owned());
    }
    // "stop lol im serious": a laugh, then the stop said to be meant. Not "stop lol 😂 that
    // meme" (amusement, nothing meant).
    let laughed = words.get(start + 1).is_some_and(|w| laugh(w));
    // Said of the lead ("im serious"), not asked ("are you serious, $40?").
    let meant = || {
        words[start + 1..].contains(&"deadass")
            || words[start + 1..]
                .windows(2)
                .any(|p| matches!(p, ["im" | "i'm" | "am", "serious"] | ["not", "joking" | "kidding"]))
    };
    if laughed && matches!(words[start], "stop" | "unsubscribe" | "quit") && meant() {
        return Some(words[start].to_owned());
    }
    let first = *words.first()?;
    if !LEADING.contains(&first) || first == "cancel" && words.iter().any(|w| CANCEL_CONTEXT_SET.contains(w)) {
        return None;
    }
    // "STOP. How did you get this number?", "STOP - I never signed up", "stop 🛑 wrong number".
    let own_sentence = norm.starts_with(first)
        && norm
            .get(first.len()..)
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(|c| !c.is_alphanumeric() && c != '\'');
    let next = words.get(1).copied().unwrap_or("");
    let after = words.get(2).copied().unwrap_or("");
    let object = STOP_OBJECT_SET.contains(next)
        || DETERMINER_SET.contains(next) && STOP_OBJECT_SET.contains(after)
        || (words.len() <= 3 && !NOT_AFTER_LEADING_SET.contains(next));
    (own_sentence || object).then(|| words[..words.len().min(2)].join(" "))
}

/// Words that open a new clause about the lead after a bare keyword ("stop i'm at work").
const CLAUSE_OPENERS: [&str; 9] = ["i", "i'm", "im", "i've", "ive", "we", "we're", "already", "this"];

/// Removal verbs for [`list_removal`].
const REMOVAL: &str = concat!(
    "remove|removed|removing|delete|deleted|deleting|erase|erased|drop|taken|quitar|quitame|quitenme|quiten",
    "|quiteme|sacar|sacame|saquen|saquenme|saqueme|borrar|borren|borrenme|borrame|borreme|eliminar|eliminen",
    "|eliminenme|eliminame|elimineme|discontinue|purge|purged|wipe|scrub",
    // Portuguese: "agradeço que retirem o meu número da vossa lista".
    "|retirem|retirar|tirem|tirar|removam|remover|apaguem|apagar|excluam|excluir",
);
/// What a lead is on ("your list", "your database"); not "system", which is solar hardware.
const LISTS: &str = "list|lists|mailing|database|contacts|roster|crm|records|lista|listas|registros";

/// A removal verb with a list a few words on: "I'd like to be removed from your list",
/// "delete me from your database", "quítenme de sus listas".
fn list_removal(words: &[&str]) -> Option<String> {
    let verb = words.iter().position(|w| REMOVAL_SET.contains(w))?;
    // "Can I pause the texts without being removed from the list?": the removal refused.
    // "Não precisa me tirar da lista" (no need to take me off the list): not needed.
    let before = &words[verb.saturating_sub(3)..verb];
    if before.iter().any(|w| matches!(*w, "without" | "sem"))
        || before.windows(2).any(|p| matches!(p, ["nao", "precisa" | "precisam" | "precisava"]))
    {
        return None;
    }
    // "remove my husband's number and mine from your reminders list": up to ten words on.
    let list = words[verb + 1..].iter().take(10).position(|w| LIST_SET.contains(w))? + verb + 1;
    // "the list of things to do" is not a contact list.
    if words.get(list + 1) == Some(&"of") {
        return None;
    }
    Some(format!("{} … {}", words[verb], words[list]))
}

/// A negated contact verb: "don't text me", "please don't call or text", "don't ever call me
/// again", "don't call me." (the calls stopped and nothing else said, as "stop calling me"
/// revokes; blind42's writer, like a reasonable reader, took it so). "Don't call" with texts
/// invited, an hour or a place is a channel preference or a restriction, not a revocation.
fn negated_contact(words: &[&str]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        let strong = matches!(*w, "don't" | "dont" | "dnt" | "never") || *w == "not" && i > 0 && words[i - 1] == "do";
        // "if you didn't contact me anymore": a negation that revokes only with "anymore" or "again".
        let weak = matches!(*w, "not" | "didn't" | "didnt" | "wouldn't" | "wouldnt");
        if !(strong || weak) {
            continue;
        }
        let Some(gap) = words[i + 1..].iter().take(3).position(|n| !NEGATION_GAP_SET.contains(n)) else {
            continue;
        };
        let at = i + 1 + gap;
        let verb = words[at];
        // "never send me one again", "don't send me another": a message standing for itself.
        if strong
            && verb == "send"
            && matches!(words.get(at + 1..at + 3), Some(["me" | "us", "one" | "another" | "any" | "anything"]))
            && words[at + 3..].iter().take(3).any(|n| matches!(*n, "again" | "anymore" | "ever" | "more" | "else"))
        {
            return Some(words[i..at + 3].join(" "));
        }
        // "Consider this my last reply. Don't write back.": no answer wanted, ending the message.
        if strong
            && matches!(verb, "write" | "text" | "txt" | "message" | "reply" | "respond")
            && words.get(at + 1) == Some(&"back")
            && words[at + 2..].iter().all(|n| COURTESY_SET.contains(n))
        {
            return Some(words[i..at + 2].join(" "));
        }
        // "This is my last reply. Don't send another.": one more message refused, ending it.
        if strong && verb == "send" && words.get(at + 1) == Some(&"another") {
            let rest = &words[at + 2..];
            let rest = match rest {
                ["one" | "text" | "txt" | "message" | "msg", tail @ ..] => tail,
                _ => rest,
            };
            if rest.iter().all(|n| COURTESY_SET.contains(n)) {
                return Some(words[i..at + 2].join(" "));
            }
        }
        if !CONTACT_SET.contains(verb) {
            continue;
        }
        let rest = &words[at + 1..];
        let emphatic = words[i + 1..at].contains(&"ever")
            || rest.iter().any(|n| ["again", "anymore", "ever"].contains(n))
            // "I'd rather you didn't text me going forward".
            || rest.windows(2).any(|p| {
                p == ["no", "more"] || p == ["at", "all"] || p == ["going", "forward"] || p == ["from", "now"]
            })
            || rest.windows(3).any(|p| p == ["in", "the", "future"]);
        // "don't text me before 9": a restriction, not a revocation.
        let object = usize::from(rest.first().is_some_and(|n| ["me", "us", "him", "her"].contains(n)));
        // "don't text me after this one", "… after today": a cut-off for good, not some hours.
        let cut_off = rest.get(object) == Some(&"after")
            && rest.get(object + 1).is_some_and(|n| matches!(*n, "this" | "that" | "today" | "tonight" | "now"));
        let restricted = rest.get(object).is_some_and(|n| TIME_LIMIT_SET.contains(n)) && !cut_off;
        if restricted && !emphatic {
            continue;
        }
        // "I don't text much": a habit, not a request.
        let own_habit = i > 0 && ["i", "we"].contains(&words[i - 1]);
        let written = WRITTEN_SET.contains(verb) && !own_habit;
        // "call or text", "calling and texting": both channels.
        let both = verb.starts_with("call")
            && ["or", "and", "nor", "n"].contains(&rest.first().copied().unwrap_or(""))
            && rest.get(1).is_some_and(|n| WRITTEN_SET.contains(n));
        // "don't call me.", "please do not call me", "Nah. Do not call.": a bare stop of the
        // calls, nothing after it, is a revocation as "stop calling me" is; "don't call me, text"
        // invites the texts (the limits read that), "don't call me at work" restricts.
        let bare = strong
            && verb.starts_with("call")
            // "I prefer texts. Do not call.": texts named anywhere, in any form.
            && !names_texts(words)
            && rest[object..].iter().all(|n| COURTESY_SET.contains(n) || matches!(*n, "thanks" | "thank" | "you"));
        if emphatic || strong && (written || both) || bare {
            return Some(words[i..=at].join(" "));
        }
    }
    None
}

/// Whether texts are named anywhere, in any form ("texts", "texting", "messages", "SMS"): a bare
/// refusal of calls revokes only where they are not.
fn names_texts(words: &[&str]) -> bool {
    words
        .iter()
        .any(|n| WRITTEN_SET.contains(n) || ["text", "txt", "messag", "msg", "sms"].iter().any(|s| n.starts_with(s)))
}

/// Not wanting the messages: "I don't want any more texts", "no longer wish to receive these",
/// "I do not want to be contacted".
fn unwanted_contact(words: &[&str]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        if !["want", "wish", "wanna", "like", "consent"].contains(w) {
            continue;
        }
        let before = &words[i.saturating_sub(2)..i];
        // "he doesn't want any more calls": passed on for the owner of the phone, for good. Not
        // "she doesn't want texts on her phone, send everything to me instead".
        // "Dad says he doesn't want the realtor texting him anymore".
        let for_good = || words[i + 1..].iter().take(6).any(|n| matches!(*n, "more" | "anymore" | "again" | "ever"));
        let negated = before.iter().any(|b| ["don't", "dont", "not", "longer", "never"].contains(b))
            || before.iter().any(|b| matches!(*b, "doesn't" | "doesnt")) && for_good();
        if negated && words[i + 1..].iter().take(5).any(|n| CONTACT_NOUN_SET.contains(n)) {
            return Some(words[i.saturating_sub(2)..=i].join(" "));
        }
        // "I don't want any more calls from you guys": the calls refused for good, with no text
        // named anywhere (as a bare "don't call me." is).
        let calls = words[i + 1..].iter().take(5).any(|n| matches!(*n, "calls" | "calling"))
            && words[i + 1..].iter().take(6).any(|n| matches!(*n, "more" | "anymore"))
            && !names_texts(words);
        if negated && calls {
            return Some(words[i.saturating_sub(2)..=i].join(" "));
        }
    }
    None
}

/// "stop" (or "quit", or a typo of "stop") followed within two words by something about
/// contacting, or ending the message; not negated ("don't stop") or a visit ("stop by").
fn stop_request(words: &[&str]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        // "I'd appreciate it if you stopped sending me messages": a polite past tense.
        let wished = *w == "stopped" && i > 1 && words[i - 2] == "if" && matches!(words[i - 1], "you" | "u");
        let verb = wished || ["stop", "quit", "cease", "discontinue", "stahp", "stawp"].contains(w);
        if !(verb || (4..=5).contains(&w.len()) && within(w, "stop", 1) && *w != "stop" && !NOT_STOP.contains(w)) {
            continue;
        }
        // "don't stop", and the lead's own plans: "I'll stop texting back".
        let negated = i > 0
            && [
                "don't", "dont", "not", "never", "won't", "wont", "didn't", "didnt", "i'll", "ill", "i", "we", "we'll",
                "i'm", "im",
            ]
            .contains(&words[i - 1])
            || i > 1 && words[i - 2] == "do" && words[i - 1] == "not";
        // "how do I stop getting these", "can we stop the texts": a question of how to stop.
        let asking = i > 1 && ["i", "we"].contains(&words[i - 1]) && ["do", "can", "could"].contains(&words[i - 2]);
        let negated = negated && !asking;
        if negated {
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        // "stop the texts", "stop these messages": a determiner before what is stopped.
        let named = DETERMINER_SET.contains(next)
            && words
                .get(i + 2)
                .is_some_and(|n| STOP_OBJECT_SET.contains(n) && !matches!(*n, "it" | "now" | "this" | "all"));
        // Not a question about what something else stops: "does unsubscribing from the
        // emails also stop the texts?" (but "can you stop the texts?" asks us to).
        let before = &words[i.saturating_sub(6)..i];
        let about = before.iter().any(|b| matches!(*b, "does" | "doesn't" | "doesnt" | "will" | "would"))
            && !before.iter().any(|b| matches!(*b, "you" | "u" | "ya" | "y'all" | "yall"));
        if named && !about {
            return Some(format!("stop {next} {}", words[i + 2]));
        }
        // "make it stop for good": the stop's end, said to last.
        let for_good = next == "for"
            && words.get(i + 2) == Some(&"good")
            && words[i + 3..].iter().all(|n| COURTESY_SET.contains(n));
        if for_good {
            return Some("stop for good".to_owned());
        }
        if ["by", "in", "over", "at", "to", "for", "and", "the", "of", "looking", "working", "using"].contains(&next) {
            continue;
        }
        // "stop texting me", "stop with all the texts".
        // "pls stop w the texts": "w" for "with".
        let reach = if matches!(next, "with" | "w") { 4 } else { 2 };
        let near = words.iter().skip(i + 1).take(reach).any(|n| STOP_OBJECT_SET.contains(n));
        let last = words[i + 1..].iter().all(|n| COURTESY_SET.contains(n));
        // "I said no. Stop asking.": the asking itself, ending the message.
        let pestered = matches!(next, "asking" | "nagging" | "pushing")
            && words[i + 2..].iter().all(|n| COURTESY_SET.contains(n) || matches!(*n, "me" | "us"));
        if near || last || pestered {
            return Some(format!("stop {next}").trim_end().to_owned());
        }
    }
    None
}

/// "go away", "get lost": revocations when they open a sentence ("ok go away"), not as a
/// statement about something else ("does the noise go away?").
fn dismissal(norm: &str, hits: &Hits) -> Option<String> {
    let phrase = OPT_OUT_INDEX.first(1, hits, |_| true)?;
    let (at, _) = find_phrase(norm, phrase, 0)?;
    let clause = norm[..at].rsplit(['.', '!', '?', ',', ';']).next().unwrap_or("");
    let opens = letters_only(clause)
        .split(' ')
        .all(|w| w.is_empty() || COURTESY_SET.contains(w) || ["lol", "man", "just"].contains(&w));
    opens.then(|| phrase.to_owned())
}

/// `damerau(a, b) <= k`, without the alignment when the letters alone rule it out: the bag
/// distance (letters in one and not the other, counted with repeats, the larger side) is a
/// lower bound of the alignment distance, since each edit changes it by at most one and a
/// transposition not at all. Most words checked against "stop" and "unsubscribe" fail here
/// (the alignment was ~5% of `classify`).
fn within(a: &str, b: &str, k: usize) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let mut counts = [0i16; 128];
        for c in a.bytes() {
            counts[usize::from(c)] += 1;
        }
        for c in b.bytes() {
            counts[usize::from(c)] -= 1;
        }
        // Each letter's surplus once, on the side that has it.
        let (mut more, mut fewer) = (0, 0);
        for c in a.bytes().chain(b.bytes()) {
            let n = std::mem::take(&mut counts[usize::from(c)]);
            more += n.max(0).unsigned_abs();
            fewer += n.min(0).unsigned_abs();
        }
        if usize::from(more.max(fewer)) > k {
            return false;
        }
    }
    damerau(a, b) <= k
}

/// Optimal-string-alignment distance (transpositions count one).
fn damerau(a: &str, b: &str) -> usize {
    // Every caller passes words of at most 13 bytes: on the stack, with no allocation (the
    // per-word `Vec<Vec<_>>` showed in the opt-out profile). Longer words take the heap.
    const MAX: usize = 16;
    let (mut a_buf, mut b_buf) = (['\0'; MAX], ['\0'; MAX]);
    let fill = |buf: &mut [char; MAX], s: &str| {
        let mut n = 0;
        for c in s.chars() {
            *buf.get_mut(n)? = c;
            n += 1;
        }
        (n < MAX).then_some(n)
    };
    match (fill(&mut a_buf, a), fill(&mut b_buf, b)) {
        (Some(n), Some(m)) => osa(&a_buf[..n], &b_buf[..m], &mut [0; MAX * MAX]),
        _ => {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            osa(&a, &b, &mut vec![0; (a.len() + 1) * (b.len() + 1)])
        }
    }
}

/// [`damerau`] over chars, in `d` (at least `(a.len() + 1) * (b.len() + 1)` cells).
fn osa(a: &[char], b: &[char], d: &mut [usize]) -> usize {
    let w = b.len() + 1;
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d[..w].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = best;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_case_accents_and_emphasis() {
        assert_eq!(normalise("  STOOOOP   Llámame  MAÑANA "), "stop llamame manana");
        assert_eq!(normalise("pleeease"), "please");
        assert_eq!(normalise("don’t"), "don't");
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("please call me", "call me"));
        assert!(!contains_phrase("recall meeting", "call me"));
        assert!(contains_phrase("how much?", "?"));
        assert!(contains_phrase("llamame manana", "llámame"));
        // Phrases already normal are used as written; others are normalised first.
        for phrase in ["call me", "who's this", "?", "Call Me", " call me", "call  me", "pleeease", "llámame", "don’t"]
        {
            assert_eq!(is_plain(phrase), normalise(phrase) == phrase, "{phrase:?}");
        }
        assert!(contains_phrase("please call me", "CALL ME"));
    }

    #[test]
    fn phrase_tables_are_written_normalised() {
        for list in [KEYWORDS, CLAUSE_KEYWORDS, COURTESY, CANCEL_CONTEXT, PHRASES, DISMISSALS, STOP_OBJECTS] {
            for phrase in list.split('|') {
                assert!(!phrase.is_empty());
                assert_eq!(normalise(phrase), phrase);
            }
        }
    }

    #[test]
    fn revocations_are_found_in_any_reasonable_wording() {
        for t in [
            "take me aff yer list pal",
            "please don't message me after today",
            "yall need to stop hittin my line fr",
            "you are not to contact me again",
            "i'll reach out when ready. until then do not contact me",
            "all set, no need to message me again",
            "don't follow up please",
            "texting STOP because nothing else works",
            "I'm replying stop now",
            "nah im good, dont hit my line no more",
            "I'd like to be removed from your list",
            "I'd appreciate it if you stopped texting me",
            "he passed away, remove his number please",
            "take her off your list",
            "please don't call or text me",
            "i don't want any more texts",
            "I no longer wish to receive messages",
            "opt me out",
            "S.T.O.P",
            "🛑",
            "STOP - I never signed up for this",
            "wrong number. please remove",
            "who is this? stop",
            "unsubscibe me",
            "I said 'stop'",
            "removeme",
            "takemeoffyourlist",
            "stopmessagingme",
            "stoptextingme pls",
            "Stop. She's 15 and didn't sign up for anything",
            "khalas ma baddi rasayel ba2a, shilo ra2me men 3andkon",
            "This is my number and I don't want these. Take it out of your system.",
            "please do not contact me by phone, email, text, carrier pigeon, anything",
            "elimínenme de su lista",
            "no me vuelvan a escribir",
            "ya no quiero mensajes",
            "I'm blocking this number",
            "just go away",
            "Please discontinue these messages",
            "cancel my subscription",
            "revoke my consent",
            "dont msg me again",
            "ugh stahp with the msgs",
            "Kindly refrain from contacting me",
            "I'd appreciate it if you didn't text me anymore",
            "this is harassment, I'm reporting you",
            "i am on the do not call registry",
            "how do i stop getting these",
            "I replied stop last week, still getting these",
            "Who gave you my number? Delete it.",
            "no. no. no. stop texting me",
            "🛑🛑 enough",
            "Stop texting, email me instead",
            "Não me mandem mais mensagens",
            "dnc",
            "st op",
            "Dejad de escribirme",
            "parad de mandarme mensajes ya",
            "I replied STOP yesterday and you're still texting",
            "I said stop. what part of that is unclear",
            "don't contact me anymore by phone or text",
            "I never said stop before, but I'm saying it now: stop texting me",
            "purge my details from your CRM please",
            "ok thanks, but pull my details out of your system",
            "I'm unsubscribing now, take care",
            "keep texting me and watch, I'll report every one",
            // Round 25/26: a channel's own list; out of the texts; a number put out of bounds
            // or retired; a message standing for itself.
            "thanks for reaching out but please take me off your texting list",
            "I want out of your texts, today",
            "My number is off limits to you now",
            "retire my number from your campaign please",
            "Please never send me one again, thanks",
            // Round 42: a Spanish wish that contact not go on, passed on; a stop passed on beside
            // a form filled by mistake; "how many times do I have to say stop"; "let it be the
            // last".
            "Soy el hijo del señor Díaz. Él no quiere que lo sigan llamando, gracias.",
            "My husband filled the form in by accident, he says please quit calling his phone",
            "How many times do I need to say stop??",
            "Another reminder, wonderful. Let that be the last.",
            // Round 40: a favour of never again; both channels refused, any punctuation; Chinese
            // "no more … to this number" with 别; Georgian "don't call me any more".
            "Great, four texts today. Do me a favor and never do that again.",
            "My daughter signed me up without asking. Nothing from your company please, no messages, no calls.",
            "我是她先生，她说以后别再给这个号码打电话了。",
            "აღარ დამირეკოთ, გთხოვთ.",
            // Round 38: both channels refused with a comma between; off the list named before;
            // a stop after "one" ending a sentence; a refusal spelled out a word at a time;
            // advice to ask us to stop communicating; a number not to be used for texts.
            "Told you once already. Once more: no texts, no calls, nothing.",
            "No idea how my number got on your list, but I want to get off it.",
            "If I needed a roofer I'd find one. Stop texting me.",
            "Spelling it out for you: Leave. Me. Alone.",
            "Once more, slowly: Take. Me. Off. Your. List.",
            "My lawyer told me to request that your company cease communicating with me.",
            "As of today this number is not to be used for any texts from your company.",
            // Round 37: no more follow-ups.
            "All good here. No more follow ups, please.",
            // Round 36: a stop limited to a place beside one that is not; a removal passed on
            // from "all church communications"; the calls "to end"; advice to ask it of us;
            // a second Portuguese infinitive under the stop; nobody to contact the lead again.
            "Stop calling me at lunch. Stop messaging me as well.",
            "Her assistant writing: she'd like you to remove her from all church communications.",
            "We want the texts and calls to end, thank you",
            "My lawyer advised me to request in writing that your office cease all contact with me.",
            "Meu pai pediu pra vocês pararem de ligar e mandar mensagem pra ele.",
            "Please make sure nobody there texts me again.",
            // Round 35: Chinese "don't call me again" with "me" before the verb.
            "不要再给我打电话，谢谢",
            // A plan the lead could not leave, and a stop said to us beside it.
            "I don't want another plan I can't cancel. Stop texting me.",
            // A Spanish "no" answering us, then the removal, with no interest left.
            "No, quiten mi número de su lista. No me interesa.",
            // Round 34: "never again" after one more message; a zero for an o; no reason to
            // contact, refused; Czech "don't call me".
            "Another message from you people? Never again",
            "N0 M0RE CALLS PLS",
            "You already have my answer, no reason to call me, so don't.",
            "nevolejte mi uz prosim",
            // Out of "this whole thing" with no sign of going on is out of the contact.
            "Not interested, I want off this whole thing",
            // Round 33: a relative's wish that our messages stop, passed on.
            "My dad got your texts on his cell and he wants them to stop.",
            // A phone's note or a line's notice with the lead's own stop beside it.
            "Do not disturb was on all day for a reason, stop messaging me",
            "This inbox is not monitored, remove me from whatever list this is",
            // Round 32: a number marked DNC; one more message refused, ending it; a removal
            // in Portuguese; texts and calls both stopped in Portuguese; a stop passed on by
            // somebody writing on the lead's behalf.
            "Please mark my number as DNC, thanks",
            "Final answer is no. Don't send another one.",
            "Por favor, removam o meu contacto da vossa lista",
            "Chega. Parem de me ligar e de me mandar mensagens.",
            "Writing on behalf of my husband, he asked that you stop calling him.",
            // Round 31: Farsi "cancel" as a keyword.
            "لغو!",
            // Round 30: "w" for "with".
            "ok stop w the calls and texts pls",
            // Said to us, not the lead's own stopping (which needs "I" or "we").
            "You guys have to stop.",
            "yall have to stop, seriously",
            // An outsider's keyword sent for the lead is the lead's.
            "my cousin replied STOP for me last week, why are you still texting",
            // Rounds 28 and 29: a stop for good; no answer wanted; a courtesy run in; a number
            // that no longer takes messages; Japanese and Hindi keywords.
            "ugh the bot keeps pinging me, make it stop for good",
            "That was my last message to you. Don't write back please.",
            "pleaseremovemefromyourlist",
            "This line is no longer accepting texts from your business.",
            "ストップ！",
            "बंद करो 🙏",
            // Round 27: a passed-on wish for good, quoted and endorsed; a "NOT" of its own.
            "Copied from the group chat: 'Grandpa doesn't want the agent texting him anymore.' Please honor it.",
            "Forwarding from my sister: 'Mom doesn't want the agent calling her anymore.' Please respect that.",
            "Sure, keep them coming. NOT. Remove me.",
            "STOP walaal, ma doonayo wax iib ah",
            "አቁሙ!",
        ] {
            assert!(opt_out_phrase(&normalise(t)).is_some(), "{t}");
        }
    }

    #[test]
    fn look_alikes_are_not_revocations() {
        for t in [
            "can I skip a month without being removed from the program list?",
            "stop by friday",
            "cancel my old plan?",
            "remove the old unit",
            // No reply needed, with nothing refused.
            "no need to text me back, it's fine if you don't",
            // A removal not needed, in Portuguese.
            "Não precisa me retirar da lista, pode mandar mensagem amanhã",
            "at the end of the month",
            "end of month works",
            "cancel appointment tomorrow",
            "is there a cancellation fee?",
            "I'll stop texting back if you keep calling",
            "please don't call before noon, text is fine",
            "DONT CALL. text.",
            "can you not text me at 6am",
            "does the noise go away after install?",
            "remove the tree from the list of things to do",
            "no more than $150 a month",
            "I quit my job so money is tight",
            "how much to stop the leak",
            "the leak won't stop",
            "stop worrying about it, I'm in",
            "can I get on your list?",
            "did you forget about me? still waiting on that quote",
            "What's the FCC license number of your company?",
            "my neighbor said you guys did a great job, I'll report back",
            "stop calling me, texts are fine",
            "Please don't remove me, I still want the quote",
            "how do I unsubscribe from autopay?",
            "Vui lòng dùng nhắn tin, tôi đang làm việc",
            "my son texted STOP from my phone by mistake, I still want the estimate",
            "I never typed stop, why no more updates?",
            "you sent 'reply STOP to opt out' but I'm interested, what's next",
            "nonstop rain here, can we do next week?",
            "the previous installer didn't stop calling me for months, that's why I'm picky",
            "No dejes de escribirme, me interesa",
            "Non smettere di scrivermi, sono interessato",
            "Não parem de me mandar ofertas",
            "N'arrêtez pas de m'envoyer des infos",
            "we won't quit on the project, just need a week to decide",
            "stop sending me straight to voicemail, I want a person",
            "đừng gọi điện, nhắn tin thôi nha",
            "stopover",
            "nomorequestions",
            "takemeoffhold",
        ] {
            assert!(opt_out_phrase(&normalise(t)).is_none(), "{t}");
        }
    }

    #[test]
    fn typos_of_stop_and_unsubscribe_count() {
        for t in ["stpo", "sotp", "stopp", "unsubscibe", "unsuscribe", "quitt", "endd", "Cancell!", "unsubscribee"] {
            assert!(opt_out_phrase(&normalise(t)).is_some(), "{t}");
        }
        for t in ["top", "step", "shop", "stop by", "stop by tomorrow", "noo", "yess", "okk", "endless"] {
            assert!(opt_out_phrase(&normalise(t)).is_none(), "{t}");
        }
    }
}
