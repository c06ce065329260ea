//! Text normalisation and the opt-out detector.
//!
//! Opt-out is decided here, before any other intent, because it is the one answer that must
//! never be missed: the carriers' STOP family, any reasonable revocation in free text, in
//! English or Spanish, with typos, and not the look-alikes ("stop by anytime", "don't stop").

/// Lower-case, accents folded (`á` → `a`, `ñ` → `n`), curly quotes straightened, letters
/// repeated three or more times collapsed ("stoooop" → "stop"), whitespace collapsed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut run = 0;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            last = None;
            continue;
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
    }
    out.trim_end().to_owned()
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ñ' => 'n',
        '’' | '‘' | '`' => '\'',
        '“' | '”' => '"',
        other => other,
    }
}

/// `phrase` occurs in `norm` as whole words (symbols and emoji match anywhere).
pub fn contains_phrase(norm: &str, phrase: &str) -> bool {
    let phrase = normalise(phrase);
    if phrase.is_empty() {
        return false;
    }
    let wordy = |c: char| c.is_alphanumeric();
    let starts_wordy = phrase.chars().next().is_some_and(wordy);
    let ends_wordy = phrase.chars().last().is_some_and(wordy);
    let mut from = 0;
    while let Some(i) = norm[from..].find(&phrase) {
        let at = from + i;
        let end = at + phrase.len();
        let before_ok = !starts_wordy || norm[..at].chars().last().is_none_or(|c| !wordy(c));
        let after_ok = !ends_wordy || norm[end..].chars().next().is_none_or(|c| !wordy(c));
        if before_ok && after_ok {
            return true;
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whole messages that are a keyword of the STOP family (after punctuation and emoji are
/// dropped).
const KEYWORDS: [&str; 30] = [
    "stop",
    "stopall",
    "stop all",
    "unsubscribe",
    "unsub",
    "cancel",
    "end",
    "quit",
    "revoke",
    "optout",
    "opt out",
    "stop please",
    "please stop",
    "pls stop",
    "plz stop",
    "stop pls",
    "stop plz",
    "stop now",
    "stop it",
    "stop stop",
    "remove",
    "remove me",
    "baja",
    "alto",
    "parar",
    "detener",
    "cancelar",
    "basta",
    "no more",
    "stop thanks",
];

/// Revocations anywhere in a message.
const PHRASES: [&str; 70] = [
    "take me off",
    "off your list",
    "off the list",
    "off your contact",
    "remove me",
    "remove my number",
    "remove my info",
    "remove my name",
    "delete my number",
    "delete my info",
    "lose my number",
    "unsubscribe",
    "opt out",
    "opt-out",
    "optout",
    "no more text",
    "no more texts",
    "no more messages",
    "no more msgs",
    "no more calls",
    "no more contact",
    "don't text me",
    "dont text me",
    "do not text",
    "don't message me",
    "dont message me",
    "do not message",
    "don't contact me",
    "dont contact me",
    "do not contact",
    "never contact",
    "never text me",
    "don't ever text",
    "dont ever text",
    "leave me alone",
    "quit texting",
    "quit messaging",
    "quit calling",
    "cease",
    "desist",
    "do not disturb",
    "para de",
    "pare de",
    "paren de",
    "deja de escribir",
    "deja de mandar",
    "dejen de",
    "no me escribas",
    "no me escriban",
    "no me mandes",
    "no me manden",
    "no me contactes",
    "no me contacten",
    "no quiero mas mensajes",
    "no mas mensajes",
    "borra mi numero",
    "borren mi numero",
    "sacame de",
    "dar de baja",
    "darme de baja",
    "de baja",
    "bajame",
    "de la lista",
    "off this list",
    "off ur list",
    "leave me be",
    "erase my info",
    "erase my number",
    "delete me",
    "blowing up my phone",
];

/// Real words one letter away from "stop".
const NOT_STOP: [&str; 8] = ["top", "step", "shop", "slop", "stow", "atop", "sop", "stops"];

/// What may follow "stop" for it to be about contacting the lead.
const STOP_OBJECTS: [&str; 36] = [
    "text",
    "texting",
    "txt",
    "txting",
    "texts",
    "msg",
    "msging",
    "msgs",
    "message",
    "messages",
    "messaging",
    "contact",
    "contacting",
    "calling",
    "call",
    "calls",
    "emailing",
    "sending",
    "bothering",
    "spamming",
    "it",
    "now",
    "please",
    "pls",
    "plz",
    "subscription",
    "consent",
    "these",
    "this",
    "all",
    "blowing",
    "mandando",
    "enviando",
    "escribiendo",
    "con",
    "mensajes",
];

/// Keywords of the STOP family that revoke when they open a short message or are followed by
/// what they stop ("cancel these texts", "End messages", "revoke consent").
const LEADING: [&str; 8] = ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"];

/// Words that negate a contact verb ("don't ever call or text me again").
const NEGATIONS: [&str; 4] = ["don't", "dont", "never", "not"];
/// Contact verbs.
const CONTACT: [&str; 8] = ["text", "call", "contact", "message", "msg", "txt", "email", "txting"];

/// The revocation in `norm` (already normalised), if there is one.
pub fn opt_out_phrase(norm: &str) -> Option<String> {
    let letters: String = norm
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '\'' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if KEYWORDS.contains(&letters.as_str()) {
        return Some(letters);
    }
    // One-word typos of the two commonest keywords.
    if !letters.contains(' ') {
        if (3..=5).contains(&letters.len()) && damerau(&letters, "stop") <= 1 && !NOT_STOP.contains(&letters.as_str()) {
            return Some(letters);
        }
        if letters.len() >= 8 && damerau(&letters, "unsubscribe") <= 2 {
            return Some(letters);
        }
    }
    if let Some(p) = PHRASES.iter().find(|p| contains_phrase(norm, p)) {
        return Some((*p).to_owned());
    }
    leading_keyword(norm, &letters).or_else(|| never_again(&letters)).or_else(|| stop_request(&letters))
}

/// A STOP-family keyword opening the message as a sentence of its own ("STOP. How did you get
/// this number?"), or followed by what it stops ("cancel these texts").
fn leading_keyword(norm: &str, letters: &str) -> Option<String> {
    let words: Vec<&str> = letters.split(' ').collect();
    let first = *words.first()?;
    if !LEADING.contains(&first) {
        return None;
    }
    let own_sentence = norm[first.len()..].trim_start().starts_with(['.', '!', ',', ';']);
    let next = words.get(1).copied().unwrap_or("");
    let object =
        STOP_OBJECTS.contains(&next) || (words.len() <= 3 && !["by", "in", "over", "at", "the"].contains(&next));
    (own_sentence || object).then(|| words[..words.len().min(2)].join(" "))
}

/// A negated contact verb with "again" or "ever": "don't ever call or text me again".
fn never_again(letters: &str) -> Option<String> {
    let words: Vec<&str> = letters.split(' ').collect();
    let neg = words.iter().position(|w| NEGATIONS.contains(w))?;
    let verb = words.iter().skip(neg + 1).take(4).position(|w| CONTACT.contains(w))? + neg + 1;
    let emphatic = words[neg + 1..verb].contains(&"ever") || words[verb..].contains(&"again");
    emphatic.then(|| words[neg..=verb].join(" "))
}

/// "stop" (or "quit") followed within two words by something about contacting, and not
/// negated ("don't stop") or a visit ("stop by").
fn stop_request(letters: &str) -> Option<String> {
    let words: Vec<&str> = letters.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let verb = *w == "stop" || *w == "quit" || *w == "cease";
        if !(verb || damerau(w, "stop") == 1 && w.len() >= 4 && !NOT_STOP.contains(w)) {
            continue;
        }
        let negated = i > 0 && ["don't", "dont", "not", "never", "no"].contains(&words[i - 1])
            || i > 1 && words[i - 2] == "do" && words[i - 1] == "not";
        if negated {
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        if ["by", "in", "over", "at", "to", "for", "and", "the"].contains(&next) {
            continue;
        }
        let near = words.iter().skip(i + 1).take(2).any(|n| STOP_OBJECTS.contains(n));
        let last = i + 1 == words.len();
        if near || last {
            return Some(format!("stop {next}").trim_end().to_owned());
        }
    }
    None
}

/// Optimal-string-alignment distance (transpositions count one).
fn damerau(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
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
    }

    #[test]
    fn typos_of_stop_and_unsubscribe_count() {
        for t in ["stpo", "sotp", "stopp", "unsubscibe", "unsuscribe"] {
            assert!(opt_out_phrase(&normalise(t)).is_some(), "{t}");
        }
        for t in ["top", "step", "shop", "stop by", "stop by tomorrow"] {
            assert!(opt_out_phrase(&normalise(t)).is_none(), "{t}");
        }
    }
}
