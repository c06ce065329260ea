//! Carrier keywords (CTIA and the carriers' own lists, PROTOCOLS.md): a message that is
//! exactly one of these words is a command, not conversation. Free-text revocations ("pls stop
//! texting me") are the opt-out detector's job ([`crate::normalise::opt_out_phrase`]); this is
//! only the exact-word layer every carrier applies.

use serde::Serialize;

/// A keyword command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Keyword {
    /// STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT ("STOP ALL", "OPT OUT").
    Stop,
    /// START, UNSTOP, YES: re-subscribe (YES only means that from someone who opted out).
    Start,
    /// HELP, INFO.
    Help,
}

impl Keyword {
    /// Label for the timeline (`sms_received.keyword`).
    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::Stop => "stop",
            Keyword::Start => "start",
            Keyword::Help => "help",
        }
    }
}

const STOP: [&str; 11] =
    ["STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "OPT-OUT"];
const START: [&str; 3] = ["START", "UNSTOP", "YES"];
const HELP: [&str; 2] = ["HELP", "INFO"];

/// The keyword `text` is, if it is exactly one (case, surrounding space and trailing
/// punctuation ignored, as carriers do).
pub fn keyword(text: &str) -> Option<Keyword> {
    let trimmed = text.trim().trim_end_matches(['.', '!', '?']).trim();
    if trimmed.len() > 12 {
        return None;
    }
    let word = trimmed.to_ascii_uppercase();
    let is = |list: &[&str]| list.contains(&word.as_str());
    if is(&STOP) {
        Some(Keyword::Stop)
    } else if is(&START) {
        Some(Keyword::Start)
    } else if is(&HELP) {
        Some(Keyword::Help)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_messages_are_keywords() {
        for (text, want) in [
            ("STOP", Some(Keyword::Stop)),
            (" stop. ", Some(Keyword::Stop)),
            ("Stop all", Some(Keyword::Stop)),
            ("opt out", Some(Keyword::Stop)),
            ("Unsubscribe!", Some(Keyword::Stop)),
            ("unstop", Some(Keyword::Start)),
            ("Yes", Some(Keyword::Start)),
            ("help?", Some(Keyword::Help)),
            ("INFO", Some(Keyword::Help)),
            ("stop by friday", None),
            ("yes please", None),
            ("help me choose", None),
            ("", None),
        ] {
            assert_eq!(keyword(text), want, "{text:?}");
        }
    }
}
