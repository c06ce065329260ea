//! SMS spellings and common misspellings, mapped to the words the phrase families are written
//! in ("wat r u" → "what are you", "intrested" → "interested", "cal me l8r" → "call me
//! later"), so a family needs writing once. Only for the intent rules: the opt-out detector
//! keeps its own variants and reads the text as sent.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::index::{FastHasher, WordList};

/// `from=to` pairs, `|`-separated.
const SPELLINGS: &str = concat!(
    "u=you|r=are|wat=what|wot=what|wut=what|wats=what's|whats=what's|wuts=what's|hw=how|cal=call",
    "|callme=call me|l8r=later|l8=late|2day=today|2morrow=tomorrow|2moro=tomorrow|2mrw=tomorrow",
    "|tmrw=tomorrow|tmr=tomorrow|tmw=tomorrow|tomm=tomorrow|tommorow=tomorrow|tomorow=tomorrow",
    "|2nite=tonight|tonite=tonight|sum1=someone|some1=someone|any1=anyone|no1=no one|ppl=people",
    "|srsly=seriously|seriosly=seriously|rly=really|lemme=let me|gimme=give me|yh=yeah|yeh=yeah",
    "|okey=okay|okie=okay|abt=about|bout=about|thru=through|b4=before|plz=please|pls=please",
    "|plse=please|thx=thanks|thnx=thanks|thanx=thanks|tks=thanks|msg=message|msgs=messages",
    "|txting=texting|texing=texting|txts=texts|intrested=interested|intersted=interested",
    "|interseted=interested|intrsted=interested|insterested=interested|interetsed=interested",
    "|warrenty=warranty|waranty=warranty|warrantee=warranty|rediculous=ridiculous",
    "|ridiculus=ridiculous|rediculus=ridiculous|manger=manager|wrng=wrong|numbr=number|nmbr=number",
    "|apointment=appointment|appointmet=appointment|schedual=schedule|shedule=schedule",
    "|scedule=schedule|finacing=financing|financeing=financing|insurence=insurance",
    "|insurnace=insurance|availble=available|avalible=available|definately=definitely",
    "|definetly=definitely|defintely=definitely|recieve=receive|alot=a lot|untill=until",
    "|anoying=annoying|proffesional=professional|profesional=professional|buisness=business",
    "|bussiness=business|qoute=quote|prise=price|pirce=price|repersentative=representative",
    "|represenative=representative|supervisior=supervisor|automatted=automated",
);

/// Words after which "2" is "to" ("need 2 talk"), not a number ("2 cars").
const TO_AFTER: &str = "need|want|wanna|going|like|talk|speak|able|how|nice|go|come|hard|easy|ready|time";
/// Words after which "y" is "why" ("y u keep texting"), not "yes".
const WHY_BEFORE: &str = "u|you|r|are|do|does|is|would|did|keep|not|so|cant|can't|wont|won't";

/// [`SPELLINGS`] as a map (the first pair of a spelling wins, as in a scan of the list), and
/// the context lists, compiled once: scanning the pairs for every token was ~1% of
/// `classify` before the phrase index and would have been ~10% after it.
static SPELLING_MAP: LazyLock<HashMap<&'static str, &'static str, BuildHasherDefault<FastHasher>>> =
    LazyLock::new(|| {
        let mut map = HashMap::default();
        for (from, to) in SPELLINGS.split('|').filter_map(|pair| pair.split_once('=')) {
            map.entry(from).or_insert(to);
        }
        map
    });
static TO_AFTER_SET: WordList = WordList::new(TO_AFTER);
static WHY_BEFORE_SET: WordList = WordList::new(WHY_BEFORE);

/// `norm` with SMS spellings replaced, or `None` if there were none.
pub(crate) fn canonical(norm: &str) -> Option<String> {
    let tokens: Vec<&str> = norm.split(' ').collect();
    let mut out: Option<String> = None;
    for (i, token) in tokens.iter().enumerate() {
        let start = token.find(char::is_alphanumeric).unwrap_or(token.len());
        let end = token
            .rfind(char::is_alphanumeric)
            .map_or(start, |e| e + token[e..].chars().next().map_or(1, char::len_utf8));
        let word = &token[start..end.max(start)];
        let prev = i.checked_sub(1).map_or("", |j| tokens[j].trim_matches(|c: char| !c.is_alphanumeric()));
        let next = tokens.get(i + 1).map_or("", |t| t.trim_matches(|c: char| !c.is_alphanumeric()));
        // A pair "from=to" with `word` then '=' at its start is the pair whose `from` is `word`
        // (each pair has one '=').
        let replacement = SPELLING_MAP
            .get(word)
            .copied()
            .filter(|_| !word.is_empty())
            .or_else(|| (word == "2" && TO_AFTER_SET.contains(prev)).then_some("to"))
            .or_else(|| (word == "y" && WHY_BEFORE_SET.contains(next)).then_some("why"));
        if replacement.is_some() && out.is_none() {
            out = Some(tokens[..i].join(" "));
        }
        if let Some(text) = out.as_mut() {
            if i > 0 {
                text.push(' ');
            }
            match replacement {
                Some(r) => {
                    text.push_str(&token[..start]);
                    text.push_str(r);
                    text.push_str(&token[end.max(start)..]);
                }
                None => text.push_str(token),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    #[test]
    fn sms_spellings_become_the_words_of_the_phrases() {
        let fix = |t: &str| canonical(&normalise(t)).unwrap_or_else(|| normalise(t));
        assert_eq!(fix("wat r u"), "what are you");
        assert_eq!(fix("cal me l8r, thx!"), "call me later, thanks!");
        assert_eq!(fix("y u keep txting me??"), "why you keep texting me??");
        assert_eq!(fix("need 2 talk to sum1 real"), "need to talk to someone real");
        assert_eq!(fix("y"), "y", "a bare y is a yes");
        assert_eq!(fix("I have 2 cars"), "i have 2 cars", "a count stays a count");
        assert_eq!(canonical("how much is it"), None, "nothing to change, nothing allocated");
        for pair in SPELLINGS.split('|') {
            let (from, to) = pair.split_once('=').unwrap();
            assert_eq!(normalise(from), from);
            assert_eq!(normalise(to), to);
        }
    }
}
