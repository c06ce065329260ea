//! Bookable times from the configured [`Availability`](super::Availability): the slot starts
//! of an open day, whether a time can be booked (open day, inside hours, enough notice), and
//! the pair of slots to offer.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::flow::Agent;

/// How far ahead the agent looks for bookable slots before giving up (and handing off).
const SEARCH_DAYS: i64 = 60;

impl Agent<'_> {
    /// The earliest bookable instant.
    pub(super) fn earliest(&self) -> NaiveDateTime {
        self.now() + Duration::minutes(i64::from(self.config.availability.min_notice_minutes))
    }

    fn slot_minutes(&self) -> i64 {
        i64::from(self.config.availability.slot_minutes.max(5))
    }

    /// Slot start times of an open day.
    pub(super) fn slot_times(&self) -> Vec<NaiveTime> {
        let a = &self.config.availability;
        let step = Duration::minutes(self.slot_minutes());
        let mut times = Vec::new();
        let mut t = a.start;
        loop {
            let (end, wrapped) = t.overflowing_add_signed(step);
            if wrapped != 0 || end > a.end || end <= t {
                break;
            }
            times.push(t);
            t = end;
        }
        times
    }

    pub(super) fn day_allowed(&self, date: NaiveDate) -> bool {
        self.config.availability.days.contains(&date.weekday())
    }

    /// Inside availability and far enough ahead (any minute, not only slot starts).
    pub(super) fn bookable(&self, at: NaiveDateTime) -> bool {
        let a = &self.config.availability;
        let (end, wrapped) = at.time().overflowing_add_signed(Duration::minutes(self.slot_minutes()));
        self.day_allowed(at.date()) && at.time() >= a.start && wrapped == 0 && end <= a.end && at >= self.earliest()
    }

    /// The first slot start at or after `from`.
    fn first_slot_from(&self, from: NaiveDateTime) -> Option<NaiveDateTime> {
        let times = self.slot_times();
        (0..SEARCH_DAYS)
            .map(|d| from.date() + Duration::days(d))
            .filter(|d| self.day_allowed(*d))
            .find_map(|date| times.iter().map(|t| date.and_time(*t)).find(|t| *t >= from))
    }

    /// Two slots: the first at or after `from`, and one on the next open day at a different
    /// time of day (morning vs afternoon), so one of them likely suits.
    pub(super) fn pair_from(&self, from: NaiveDateTime) -> Vec<NaiveDateTime> {
        let Some(first) = self.first_slot_from(from) else { return Vec::new() };
        let times = self.slot_times();
        let Some(date) = (1..SEARCH_DAYS).map(|d| first.date() + Duration::days(d)).find(|d| self.day_allowed(*d))
        else {
            return vec![first];
        };
        let hm = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
        let morning = first.time() < hm(12);
        let preferred = if morning {
            times.iter().find(|t| **t >= hm(14)).or_else(|| times.iter().find(|t| **t >= hm(12)))
        } else {
            times.iter().find(|t| **t >= hm(10) && **t < hm(12)).or_else(|| times.iter().find(|t| **t < hm(12)))
        };
        let second = preferred.or_else(|| times.iter().find(|t| **t != first.time())).or(times.first());
        match second {
            Some(t) => vec![first, date.and_time(*t)],
            None => vec![first],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{AgentConfig, Availability, Input, Memory, respond};
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn a_calendar_without_slots_hands_off_instead_of_looping() {
        let memory = Memory {
            facts: [("need", "x"), ("timeline", "x"), ("budget", "x"), ("authority", "x")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            ai_messages: 1,
            ..Memory::default()
        };
        let now = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(8, 0, 0).unwrap();
        let messages = vec!["yes".to_owned()];
        for availability in [
            Availability { days: Vec::new(), ..Availability::default() },
            Availability { start: NaiveTime::from_hms_opt(17, 0, 0).unwrap(), ..Availability::default() },
            Availability { slot_minutes: 0, end: NaiveTime::from_hms_opt(9, 0, 0).unwrap(), ..Availability::default() },
        ] {
            let config = AgentConfig { availability, ..AgentConfig::default() };
            let turn = respond(
                &config,
                &Input { first_name: "Sam", now, messages: &messages, memory: &memory, screened: false },
            );
            assert!(turn.offered.is_empty());
            assert_eq!(turn.handoff.as_deref(), Some("no open booking slots"));
        }
    }
}
