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

/// Day names (English, abbreviations, Spanish) and their weekday; the agent reads them too.
pub(crate) const DAYS: [(&str, Weekday); 21] = [
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

const PARTS: [(&str, u32); 12] = [
    ("morning", 9),
    ("afternoon", 14),
    ("evening", 18),
    ("tonight", 19),
    ("tonite", 19),
    ("2nite", 19),
    ("mediodia", 12),
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
    /// "in 2 hrs", "in 20 min": minutes from now.
    later: Option<i64>,
    /// "the 15th": a day of the month.
    month_day: Option<u32>,
}

/// Minutes in a unit of a relative time ("in 20 min", "en una hora").
fn unit_minutes(unit: &str) -> Option<i64> {
    match unit {
        "min" | "mins" | "minute" | "minutes" | "minuto" | "minutos" | "m" => Some(1),
        "hr" | "hrs" | "hour" | "hours" | "hora" | "horas" | "h" | "hs" => Some(60),
        _ => None,
    }
}

/// A count in a relative time: "20", "an", "a few", "half an", "una".
fn count(word: &str) -> Option<f64> {
    match word {
        "a" | "an" | "one" | "una" | "un" => Some(1.0),
        "few" | "couple" => Some(2.0),
        "half" => Some(0.5),
        "two" | "dos" => Some(2.0),
        "three" | "tres" => Some(3.0),
        _ => word.parse::<f64>().ok().filter(|n| *n > 0.0 && *n <= 600.0),
    }
}

/// "15th", "3rd", "1st", "22nd": a day of the month.
fn ordinal(t: &str) -> Option<u32> {
    let digits = t.strip_suffix("st").or(t.strip_suffix("nd")).or(t.strip_suffix("rd")).or(t.strip_suffix("th"))?;
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// "sat" and "sun" are words too ("gets a lot of sun"): days only with a day's context.
fn ambiguous_day(t: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    ["sat", "sun"].contains(&t)
        && !matches!(
            prev,
            None | Some("on" | "this" | "next" | "or" | "and" | "by" | "till" | "until" | "til" | "thru")
        )
        && !next.is_some_and(|n| {
            ["or", "and", "at", "morning", "afternoon", "evening", "night", "works", "is", "@"].contains(&n)
                || n.starts_with(|c: char| c.is_ascii_digit())
        })
}

fn read(norm: &str) -> Parts {
    // Slices of `norm` (they were copied into `String`s, one allocation per token).
    let tokens: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == ',' || c == '?' || c == '!' || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    let mut p = Parts::default();
    for (i, &t) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| tokens[j]);
        match t {
            "today" | "hoy" => {
                p.day_offset = Some(0);
                p.words.push(t.into());
            }
            "tomorrow" | "tmrw" | "tmr" | "tomorow" | "tommorow" | "tmw" | "tomm" | "2moro" | "2morrow" | "2mrw" => {
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
            "weekend" | "finde" => {
                p.weekday = Some(Weekday::Sat);
                p.words.push(t.into());
            }
            "in" | "en" if p.later.is_none() => {
                // "in 20 min", "in an hour", "in a few hours", "in half an hour", "en una hora".
                let next: Vec<&str> = tokens.iter().skip(i + 1).take(4).copied().collect();
                let (n, rest) = match next.as_slice() {
                    ["a", "few" | "couple", rest @ ..] | ["half", "an" | "a", rest @ ..] => {
                        (count(next[1]).map(|n| if next[0] == "half" { 0.5 } else { n }), rest)
                    }
                    [n, rest @ ..] => (count(n), rest),
                    [] => (None, &[][..]),
                };
                let rest: Vec<&str> = rest.iter().copied().filter(|w| *w != "of").collect();
                if let (Some(n), Some(unit)) = (n, rest.first().and_then(|u| unit_minutes(u))) {
                    p.later = Some((n * unit as f64).round() as i64);
                    let len = next.iter().position(|w| unit_minutes(w).is_some()).map_or(2, |u| u + 1);
                    p.words.push(tokens[i..=i + len].join(" "));
                }
            }
            _ => {
                let next = tokens.get(i + 1).copied();
                if ambiguous_day(t, prev, next) {
                    continue;
                }
                if let Some(d) = ordinal(t) {
                    // "coverage by the 1st" is a deadline, not a time to call.
                    let before = |k: usize| i.checked_sub(k).map(|j| tokens[j]);
                    let deadline = |w: Option<&str>| matches!(w, Some("by" | "before" | "until" | "till" | "from"));
                    if deadline(prev) || prev == Some("the") && deadline(before(2)) {
                        continue;
                    }
                    p.month_day = Some(d);
                    p.words.push(t.into());
                } else if let Some((_, d)) = DAYS.iter().find(|(n, _)| *n == t) {
                    p.weekday = Some(*d);
                    p.words.push(t.into());
                } else if let Some((_, h)) = PARTS.iter().find(|(n, _)| *n == t) {
                    // "good morning", "buenas tardes": greetings, not times.
                    if matches!(prev, Some("good" | "buenas" | "buenos")) {
                        continue;
                    }
                    p.part = Some(*h);
                    p.words.push(t.into());
                } else if let Some(hm) = clock(t, tokens.get(i + 1).copied()) {
                    // A bare number is a time only after "at"/"after"/"by", before "works", or with
                    // am/pm ("11 works", not "I have 2 kids").
                    let bare = t.chars().all(|c| c.is_ascii_digit());
                    let offered =
                        matches!(next, Some("works" | "work" | "ok" | "okay" | "good" | "fine" | "oclock" | "ish"));
                    if !bare
                        || offered
                        || matches!(prev, Some("at" | "after" | "by" | "around" | "a" | "las" | "despues"))
                    {
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
    if let Some(minutes) = p.later {
        return Some(When { at: now + Duration::minutes(minutes), expression });
    }
    if p.now && p.day_offset.is_none() && p.hour.is_none() && p.weekday.is_none() {
        return Some(When { at: now, expression });
    }
    let mut date = now.date() + Duration::days(p.day_offset.unwrap_or(0));
    if let Some(day) = p.weekday {
        let ahead =
            (i64::from(day.num_days_from_monday()) - i64::from(now.weekday().num_days_from_monday())).rem_euclid(7);
        date = now.date() + Duration::days(if ahead == 0 && p.day_offset.is_none() { 7 } else { ahead });
    }
    if let Some(day) = p.month_day.filter(|_| p.weekday.is_none() && p.day_offset.is_none()) {
        // This month's, or next month's once it has passed.
        let mut month = now.date().with_day(1)?;
        for _ in 0..3 {
            if let Some(d) = month.with_day(day).filter(|d| *d >= now.date()) {
                date = d;
                break;
            }
            month = (month + Duration::days(32)).with_day(1)?;
        }
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
        assert_eq!(when("try again in 2 hrs, driving", now), Some(at("2026-11-24 23:00")));
        assert_eq!(when("call back in an hour", now), Some(at("2026-11-24 22:00")));
        assert_eq!(when("give me a ring in 20 min", now), Some(at("2026-11-24 21:20")));
        assert_eq!(when("in half an hour", now), Some(at("2026-11-24 21:30")));
        assert_eq!(when("try me in a couple of hours", now), Some(at("2026-11-24 23:00")));
        assert_eq!(when("set it up for the 15th", now), Some(at("2026-12-15 10:00")));
        assert_eq!(when("the 28th at 3pm", now), Some(at("2026-11-28 15:00")));
        assert_eq!(when("this weekend works", now), Some(at("2026-11-28 10:00")));
        assert_eq!(when("sat at 11", now), Some(at("2026-11-28 11:00")));
        assert_eq!(when("my roof gets a lot of sun", now), None, "sun is not sunday here");
        assert_eq!(when("in 3 years", now), None, "a timeline, not a callback");
        assert_eq!(when("Good morning! how much is it", now), None, "a greeting");
        assert_eq!(when("11 works", now), Some(at("2026-11-25 11:00")));
        assert_eq!(when("I need coverage by the 1st", now), None, "a deadline");
    }
}
