//! Callback times: "tomorrow morning", "10:30", "after 5", "monday at 2pm", "mañana en la
//! tarde", resolved against the lead's local time (the caller converts zones).

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Weekday};

/// A resolved time and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// Local date and time.
    pub at: NaiveDateTime,
    /// The words it came from, normalised.
    pub expression: String,
}

const DAYS: [(&str, Weekday); 21] = [
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("lunes", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("martes", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("jueves", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("viernes", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
    ("domingo", Weekday::Sun),
];

const PARTS: [(&str, u32); 9] = [
    ("morning", 9),
    ("afternoon", 14),
    ("evening", 18),
    ("tonight", 19),
    ("noon", 12),
    ("lunch", 12),
    ("tarde", 15),
    ("noche", 19),
    ("manana en la manana", 9),
];

#[derive(Default)]
struct Parts {
    words: Vec<String>,
    day_offset: Option<i64>,
    weekday: Option<Weekday>,
    hour: Option<(u32, u32)>,
    after: bool,
    part: Option<u32>,
    now: bool,
}

fn read(norm: &str) -> Parts {
    let tokens: Vec<String> = norm
        .split(|c: char| c.is_whitespace() || c == ',' || c == '?' || c == '!' || c == '.')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let mut p = Parts::default();
    for (i, t) in tokens.iter().enumerate() {
        let t = t.as_str();
        let prev = i.checked_sub(1).map(|j| tokens[j].as_str());
        match t {
            "today" | "hoy" => {
                p.day_offset = Some(0);
                p.words.push(t.into());
            }
            "tomorrow" | "tmrw" | "tmr" | "tomorow" | "tommorow" => {
                p.day_offset = Some(1);
                p.words.push(t.into());
            }
            // "mañana" is tomorrow, unless it follows "la" ("en la mañana": in the morning).
            "manana" if prev != Some("la") => {
                p.day_offset = Some(1);
                p.words.push(t.into());
            }
            "manana" => {
                p.part = Some(9);
                p.words.push(t.into());
            }
            "now" | "ahora" if prev != Some("not") => {
                p.now = true;
                p.words.push(t.into());
            }
            "after" | "despues" => p.after = true,
            _ => {
                if let Some((_, d)) = DAYS.iter().find(|(n, _)| *n == t) {
                    p.weekday = Some(*d);
                    p.words.push(t.into());
                } else if let Some((_, h)) = PARTS.iter().find(|(n, _)| *n == t) {
                    p.part = Some(*h);
                    p.words.push(t.into());
                } else if let Some(hm) = clock(t, tokens.get(i + 1).map(String::as_str)) {
                    // A bare number is a time only after "at"/"after"/"by" or with am/pm.
                    let bare = t.chars().all(|c| c.is_ascii_digit());
                    if !bare || matches!(prev, Some("at" | "after" | "by" | "around" | "a" | "las" | "despues")) {
                        p.hour = Some(hm);
                        let word = if prev == Some("after") { format!("after {t}") } else { t.to_owned() };
                        p.words.push(word);
                    }
                }
            }
        }
    }
    p
}

/// `10:30`, `10am`, `10 am`, `5pm`, `5` (with the following token for am/pm).
fn clock(t: &str, next: Option<&str>) -> Option<(u32, u32)> {
    let (num, suffix) = match t.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, next.filter(|n| ["am", "pm", "a.m", "p.m"].contains(n)).unwrap_or("")),
    };
    if num.is_empty() || !["", "am", "pm", "a.m", "p.m", "a.m.", "p.m."].contains(&suffix) {
        return None;
    }
    let (h, m) = match num.split_once(':') {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (num.parse::<u32>().ok()?, 0),
    };
    if h > 23 || m > 59 || (h == 0 && suffix.is_empty()) {
        return None;
    }
    let h = match suffix.chars().next() {
        Some('p') if h < 12 => h + 12,
        Some('a') if h == 12 => 0,
        // No am/pm: 1–7 are afternoon hours for a callback ("after 5", "at 3").
        None if (1..=7).contains(&h) => h + 12,
        _ => h,
    };
    Some((h, m))
}

/// The time expression in a normalised message, if any ("tomorrow morning", "after 5").
pub fn find_expression(norm: &str) -> Option<String> {
    let p = read(norm);
    (!p.words.is_empty()).then(|| p.words.join(" "))
}

/// Resolves the time expression in `norm` against local `now`: the earliest matching instant
/// not before `now`.
pub fn parse_when(norm: &str, now: NaiveDateTime) -> Option<When> {
    let p = read(norm);
    if p.words.is_empty() {
        return None;
    }
    let expression = p.words.join(" ");
    if p.now && p.day_offset.is_none() && p.hour.is_none() && p.weekday.is_none() {
        return Some(When { at: now, expression });
    }
    let mut date = now.date() + Duration::days(p.day_offset.unwrap_or(0));
    if let Some(day) = p.weekday {
        let ahead =
            (i64::from(day.num_days_from_monday()) - i64::from(now.weekday().num_days_from_monday())).rem_euclid(7);
        date = now.date() + Duration::days(if ahead == 0 && p.day_offset.is_none() { 7 } else { ahead });
    }
    let (h, m) = p.hour.or(p.part.map(|h| (h, 0))).unwrap_or((10, 0));
    let mut at = date.and_time(NaiveTime::from_hms_opt(h, m, 0)?);
    if at < now && p.day_offset.is_none() && p.weekday.is_none() {
        if p.after && now.time() >= NaiveTime::from_hms_opt(h, m, 0)? {
            // "after 5" said at 17:20 means now.
            at = now;
        } else {
            at += Duration::days(1);
        }
    }
    Some(When { at, expression })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn when(text: &str, now: &str) -> Option<NaiveDateTime> {
        parse_when(&normalise(text), at(now)).map(|w| w.at)
    }

    #[test]
    fn common_expressions_resolve_in_local_time() {
        // Tuesday 2026-11-24, 21:00 local.
        let now = "2026-11-24 21:00";
        assert_eq!(when("can we do tomorrow morning?", now), Some(at("2026-11-25 09:00")));
        assert_eq!(when("call me at 10:30", now), Some(at("2026-11-25 10:30")));
        assert_eq!(when("after 5 works", "2026-11-24 11:00"), Some(at("2026-11-24 17:00")));
        assert_eq!(when("after 5 works", "2026-11-24 17:20"), Some(at("2026-11-24 17:20")));
        assert_eq!(when("friday at 2pm", now), Some(at("2026-11-27 14:00")));
        assert_eq!(when("mañana en la tarde", now), Some(at("2026-11-25 15:00")));
        assert_eq!(when("now works", now), Some(at(now)));
        assert_eq!(when("I have 2 kids", now), None, "a bare number is not a time");
        assert_eq!(when("not interested", now), None);
    }
}
