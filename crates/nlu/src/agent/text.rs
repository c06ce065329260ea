//! The reply as text: the parts a reply is built from, times written for people ("Tue Nov 24
//! at 10:00 AM"), and fitting the whole reply into [`MAX_REPLY_CHARS`] by dropping optional
//! parts first and then cutting at a word.

use chrono::NaiveDateTime;

use super::MAX_REPLY_CHARS;

/// Parts of a reply: essential parts survive shortening, optional ones are dropped first.
#[derive(Debug)]
pub(super) struct Part {
    pub(super) text: String,
    pub(super) essential: bool,
}

/// "Tue Nov 24 10:00 AM", for offers.
pub(super) fn slot_time(t: NaiveDateTime) -> String {
    t.format("%a %b %-d %-I:%M %p").to_string()
}

/// "Tue Nov 24 at 10:00 AM", for confirmations.
pub(super) fn booked_time(t: NaiveDateTime) -> String {
    t.format("%a %b %-d at %-I:%M %p").to_string()
}

/// "today at 5:00 PM", "Wed at 10:00 AM", "Mon Dec 7 at 9:00 AM", relative to `now`.
pub(super) fn plain_time(t: NaiveDateTime, now: NaiveDateTime) -> String {
    let days = (t.date() - now.date()).num_days();
    if days == 0 {
        t.format("today at %-I:%M %p").to_string()
    } else if (1..=6).contains(&days) {
        t.format("%a at %-I:%M %p").to_string()
    } else {
        booked_time(t)
    }
}

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// At most `max` characters, cut at a word boundary.
pub(super) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].trim_end_matches([',', ';', ':', '-', ' ']).to_owned(),
        _ => cut,
    }
}

/// At most `max` characters, cut at a word boundary and marked with "...".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    format!("{}...", clip(text, max.saturating_sub(3)).trim_end_matches(['.', ',', ';', ':', '-', ' ']))
}

/// The reply: greeting, parts, opt-out notice, within [`MAX_REPLY_CHARS`]. Optional parts go
/// first when it is too long, then the body is cut at a word.
pub(super) fn compose(prefix: &str, parts: &[Part], suffix: &str) -> String {
    let len = |s: &str| s.chars().count();
    let budget = MAX_REPLY_CHARS.saturating_sub(len(prefix) + len(suffix));
    let mut kept: Vec<&Part> = parts.iter().collect();
    let join = |kept: &[&Part]| kept.iter().map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
    while len(&join(&kept)) > budget {
        match kept.iter().position(|p| !p.essential) {
            Some(i) if kept.len() > 1 => {
                kept.remove(i);
            }
            _ => break,
        }
    }
    let body = shorten(&join(&kept), budget);
    shorten(&format!("{prefix}{body}{suffix}"), MAX_REPLY_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agent::MAX_FACT_CHARS;

    #[test]
    fn long_replies_drop_optional_parts_then_cut_at_a_word() {
        let part = |text: &str, essential| Part { text: text.to_owned(), essential };
        let parts = [
            part(&"optional words ".repeat(10), false),
            part(&"Which of these would you like to do? ".repeat(8), true),
        ];
        let reply = compose("Hi Sam. ", &parts, " Reply STOP to opt out.");
        assert!(reply.chars().count() <= MAX_REPLY_CHARS, "{}", reply.chars().count());
        assert!(reply.starts_with("Hi Sam. Which of these"), "{reply}");
        assert!(reply.ends_with("... Reply STOP to opt out."), "{reply}");
        assert_eq!(clip("a b c", 120), "a b c");
        assert!(clip(&"word ".repeat(50), MAX_FACT_CHARS).chars().count() <= MAX_FACT_CHARS);
    }
}
