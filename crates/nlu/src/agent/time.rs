//! Time in a burst: the days named ("tomorrow", "Tuesday", "the 15th"), the part of day
//! ("morning", "pm") and an exact time ("at 3", "in an hour"), relative to the lead's `now`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use super::flow::Agent;
use crate::parse_when;

/// A day named in a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum DayRef {
    Date(NaiveDate),
    Weekday(Weekday),
}

impl DayRef {
    pub(super) fn matches(self, at: NaiveDateTime) -> bool {
        match self {
            DayRef::Date(d) => at.date() == d,
            DayRef::Weekday(w) => at.weekday() == w,
        }
    }

    /// The first date on or after `today` this day refers to.
    pub(super) fn date(self, today: NaiveDate) -> NaiveDate {
        match self {
            DayRef::Date(d) => d,
            DayRef::Weekday(w) => {
                let ahead = (i64::from(w.num_days_from_monday()) - i64::from(today.weekday().num_days_from_monday()))
                    .rem_euclid(7);
                today + Duration::days(ahead)
            }
        }
    }
}

/// Morning, afternoon or evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayPart {
    Morning,
    Afternoon,
    Evening,
}

impl DayPart {
    pub(super) fn of(t: NaiveTime) -> DayPart {
        match t.hour() {
            0..=11 => DayPart::Morning,
            12..=16 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }
}

impl Agent<'_> {
    /// Days named (in order), the part of day, and an exact time (with an hour) if any.
    pub(super) fn time_features(&self, norm: &str) -> (Vec<DayRef>, Option<DayPart>, Option<NaiveDateTime>) {
        use crate::when::DAYS;
        let today = self.now().date();
        let tokens: Vec<&str> = norm
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '?' | '!' | '.' | ';'))
            .filter(|t| !t.is_empty())
            .collect();
        let mut days = Vec::new();
        let mut part = None;
        for (i, t) in tokens.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| tokens[j]);
            match *t {
                "today" | "hoy" => days.push(DayRef::Date(today)),
                "tomorrow" | "tmrw" | "tmr" | "tomorow" | "tommorow" => {
                    days.push(DayRef::Date(today + Duration::days(1)));
                }
                "manana" if prev != Some("la") => days.push(DayRef::Date(today + Duration::days(1))),
                "manana" | "morning" | "am" => part = Some(DayPart::Morning),
                "afternoon" | "tarde" | "pm" => part = part.or(Some(DayPart::Afternoon)),
                "evening" | "tonight" | "tonite" | "noche" => part = Some(DayPart::Evening),
                "weekend" | "finde" => days.push(DayRef::Weekday(Weekday::Sat)),
                _ => {
                    if let Some((_, w)) = DAYS.iter().find(|(n, _)| n == t) {
                        days.push(DayRef::Weekday(*w));
                    }
                }
            }
        }
        // An exact time has an hour ("at 3", "10:30", "noon") or is relative ("in an hour");
        // "the 15th" is a day.
        let when = parse_when(norm, self.now());
        let words: Vec<&str> = when.as_ref().map(|w| w.expression.split_whitespace().collect()).unwrap_or_default();
        let ordinal = |w: &str| w.ends_with(['h', 't', 'd']) && w.starts_with(|c: char| c.is_ascii_digit());
        if let Some(w) = &when
            && words.iter().any(|x| ordinal(x))
        {
            days.push(DayRef::Date(w.at.date()));
        }
        let timed = words.iter().any(|x| x.starts_with(|c: char| c.is_ascii_digit()) && !ordinal(x))
            || words.iter().any(|x| matches!(*x, "noon" | "mediodia"))
            || matches!(words.first(), Some(&("in" | "en")));
        let exact = when.filter(|_| timed).map(|w| w.at);
        if exact.is_some() {
            part = None;
        }
        (days, part, exact)
    }
}
