//! Calls and appointments: a call-back request (now, at a time, or "later"), a booking request,
//! the lead's reply to an open offer (a slot by position, day or time, or neither), a change to
//! a booked appointment, and the offer or confirmation each leads to.

use chrono::{Duration, NaiveDateTime, NaiveTime};

use super::flow::Agent;
use super::message::Msg;
use super::text::{booked_time, plain_time, slot_time};
use super::time::{DayPart, DayRef};
use crate::{Intent, parse_when};

/// Asks for a call (in a Schedule message).
pub(super) const CALL_WORDS: &[&str] = &[
    "call",
    "call me",
    "ring me",
    "give me a ring",
    "phone me",
    "talk now",
    "can we talk",
    "let's talk",
    "lets talk",
    "talk tomorrow",
    "talk later",
    "llamame",
    "llamenme",
    "llamarme",
    "marcame",
    "hablamos",
];

/// Asks for an appointment rather than a call-back.
pub(super) const BOOKING_WORDS: &[&str] = &[
    "appointment",
    "appt",
    "book",
    "booking",
    "schedule",
    "set up a time",
    "set up a call",
    "meet",
    "meeting",
    "site visit",
    "come out",
    "come by",
    "swing by",
    "stop by",
    "cita",
    "consultation",
    "consult",
    "available",
    "availability",
    "openings",
    "opening",
    "slot",
    "slots",
    "when can you",
    "when are you",
    "what times",
    "what time works",
    "reschedule",
];

/// "Call me now".
const NOW_WORDS: &[&str] = &[
    "now works",
    "now is good",
    "now is fine",
    "free now",
    "call now",
    "call me now",
    "talk now",
    "right now",
    "anytime",
];

/// "Call me later", without a time.
const LATER_WORDS: &[&str] =
    &["later", "next week", "another day", "some other time", "another time", "sometime", "this weekend", "next month"];

/// What a reply to an open booking offer chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Choice {
    /// One of the offered slots, by index.
    Pick(usize),
    /// A specific other time.
    At(NaiveDateTime),
    /// A day and/or part of day, without a time.
    Day(Option<DayRef>, Option<DayPart>),
    /// None of them.
    Neither,
}

impl Agent<'_> {
    /// Reads a reply to an open offer; `None` if it is about something else.
    pub(super) fn choose(&self, offered: &[NaiveDateTime]) -> Option<Choice> {
        const NEGATIVE: &[&str] = &[
            "neither",
            "none",
            "no good",
            "don't work",
            "dont work",
            "doesn't work",
            "doesnt work",
            "won't work",
            "wont work",
            "can't",
            "cant",
            "cannot",
            "can not",
            "not available",
            "busy",
            "unavailable",
            "no puedo",
            "ninguno",
            "ninguna",
            "something else",
            "another time",
            "other times",
            "different time",
        ];
        const SECOND: &[&str] = &[
            "second",
            "2nd",
            "the other",
            "other one",
            "latter",
            "last one",
            "later one",
            "segundo",
            "segunda",
            "option 2",
            "option b",
            "#2",
            "number 2",
        ];
        const FIRST: &[&str] =
            &["first", "1st", "former", "earlier one", "primero", "primera", "option 1", "option a", "#1", "number 1"];
        const YES: &[&str] = &[
            "yes",
            "yeah",
            "yea",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "k",
            "sounds good",
            "that works",
            "works",
            "perfect",
            "great",
            "good",
            "fine",
            "👍",
            "si",
            "claro",
            "either",
            "whichever",
            "both work",
            "book it",
        ];
        let schedule_call = self.msgs.iter().any(|m| m.is(Intent::Schedule) && m.has_any(CALL_WORDS));
        let negative = self.has_any(NEGATIVE) || self.msgs.iter().any(Msg::bare_no);
        let bare = self.norm.trim_matches(|c: char| !c.is_alphanumeric());
        // "1st"/"2nd" pick an offered slot here; they are not days of the month.
        let norm: String = self
            .norm
            .split(' ')
            .filter(|w| !matches!(w.trim_matches(|c: char| !c.is_alphanumeric()), "1st" | "2nd"))
            .collect::<Vec<_>>()
            .join(" ");
        let (days, part, exact) = self.time_features(&norm);
        let relative = parse_when(&norm, self.now()).is_some_and(|w| w.expression.starts_with("in "));
        if !days.is_empty() || part.is_some() || exact.is_some() {
            let day = days.last().copied();
            let matching: Vec<usize> = offered
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    day.is_none_or(|d| d.matches(**s))
                        && part.is_none_or(|p| p == DayPart::of(s.time()))
                        && exact.is_none_or(|e| e.time() == s.time())
                })
                .map(|(i, _)| i)
                .collect();
            if let Some(&i) = matching.first() {
                // "Tuesday doesn't work" names a slot to refuse it.
                if negative && days.len() < 2 && exact.is_none() {
                    return Some(Choice::Neither);
                }
                return Some(Choice::Pick(i));
            }
            if let Some(at) = exact {
                // "3pm" after two slots on one day means that day.
                let same_day = offered.iter().all(|s| s.date() == offered[0].date());
                if day.is_none() && same_day && !relative {
                    return Some(Choice::At(offered[0].date().and_time(at.time())));
                }
                return Some(Choice::At(at));
            }
            if schedule_call && day.is_none() {
                return None;
            }
            return Some(Choice::Day(day, part));
        }
        if negative {
            return Some(Choice::Neither);
        }
        let second = self.has_any(SECOND) || matches!(bare, "2" | "b");
        let first = self.has_any(FIRST) || matches!(bare, "1" | "a");
        match (first, second) {
            (true, false) => return Some(Choice::Pick(0)),
            (false, true) if offered.len() > 1 => return Some(Choice::Pick(1)),
            _ => {}
        }
        let asks = self.msgs.iter().any(Msg::asks);
        let agrees = self.msgs.iter().any(|m| m.is(Intent::Interest) || m.has_any(YES));
        (!asks && agrees && !schedule_call).then_some(Choice::Pick(0))
    }

    pub(super) fn take_choice(&mut self, choice: Choice, offered: &[NaiveDateTime]) {
        self.decide(Intent::Schedule, 0.8);
        match choice {
            Choice::Pick(i) => self.book(offered[i]),
            Choice::At(at) => self.book_or_alternatives(at),
            Choice::Day(day, part) => self.offer_day(day, part),
            Choice::Neither => {
                let after = offered.iter().max().map_or(self.earliest(), |t| {
                    (t.date() + Duration::days(1)).and_time(NaiveTime::MIN).max(self.earliest())
                });
                self.say("No problem.");
                let slots = self.pair_from(after);
                self.offer(slots);
            }
        }
    }

    /// Booked already: a new time reschedules, "cancel" goes to a person.
    pub(super) fn change_booking(&mut self) -> bool {
        if self.has_any(&["cancel", "cancelar"]) {
            self.handoff("asked to cancel the appointment", Intent::Schedule, 0.8);
            return true;
        }
        let reschedule = self.has_any(&[
            "reschedule",
            "move it",
            "move the",
            "change the time",
            "change it",
            "different time",
            "another time",
            "can't make it",
            "cant make it",
            "push it",
        ]);
        let (days, part, exact) = self.time_features(&self.norm);
        let timed = self.any(Intent::Schedule) && (exact.is_some() || !days.is_empty());
        if !reschedule && !timed {
            return false;
        }
        self.decide(Intent::Schedule, 0.8);
        if let Some(at) = exact {
            self.book_or_alternatives(at);
        } else if !days.is_empty() || part.is_some() {
            self.offer_day(days.last().copied(), part);
        } else {
            self.say("No problem.");
            let slots = self.pair_from(self.earliest());
            self.offer(slots);
        }
        true
    }

    /// A call request (callback) or a booking request.
    pub(super) fn schedule(&mut self) -> bool {
        let sched: Vec<&Msg> = (self.msgs.iter().enumerate())
            .filter(|(i, m)| m.is(Intent::Schedule) && !self.answers.contains(i))
            .map(|(_, m)| m)
            .collect();
        if sched.is_empty() {
            return false;
        }
        let confidence = self.confidence_of(Intent::Schedule);
        let call = sched.iter().any(|m| m.has_any(CALL_WORDS));
        let booking = sched.iter().any(|m| m.has_any(BOOKING_WORDS));
        let norm = sched.iter().map(|m| m.norm.as_str()).collect::<Vec<_>>().join(" ");
        let when = parse_when(&norm, self.now());
        let now_words =
            sched.iter().any(|m| m.has_any(NOW_WORDS)) || when.as_ref().is_some_and(|w| w.expression == "now");
        let (days, part, exact) = self.time_features(&norm);
        if (call || now_words) && !booking {
            self.decide(Intent::Schedule, confidence);
            let later = when.as_ref().filter(|w| w.at > self.now() && w.expression != "now");
            if let Some(w) = later {
                self.callback(Some(w.at));
            } else if !now_words && self.has_any(LATER_WORDS) {
                self.say("Sure, what day and time work best for a call?");
                self.turn.asked = Some("callback_time".to_owned());
            } else {
                self.callback(None);
            }
            return true;
        }
        self.decide(Intent::Schedule, confidence);
        if !booking && let Some(at) = exact.filter(|at| *at > self.now()) {
            // "I'm free at 3": a call at that time.
            self.callback(Some(at));
        } else if let Some(at) = exact {
            self.book_or_alternatives(at);
        } else if !days.is_empty() || part.is_some() {
            self.offer_day(days.last().copied(), part);
        } else if let Some(offer) = self.open_offer().filter(|offer| offer.iter().all(|t| *t > self.now())) {
            self.offer(offer);
        } else {
            let slots = self.pair_from(self.earliest());
            self.offer(slots);
        }
        true
    }

    fn callback(&mut self, at: Option<NaiveDateTime>) {
        self.label = Some("callback_request");
        self.turn.callback_at = at;
        match at {
            Some(at) => {
                self.learn("callback_time", &at.format("%Y-%m-%dT%H:%M").to_string());
                let when = plain_time(at, self.now());
                self.say_essential(format!("Sounds good, we'll call you {when}."));
            }
            None => self.say_essential("Great, someone from our team will be calling you shortly."),
        }
    }

    fn book(&mut self, at: NaiveDateTime) {
        if at <= self.now() {
            self.say("That time has passed.");
            let slots = self.pair_from(self.earliest());
            return self.offer(slots);
        }
        self.turn.booked = Some(at);
        self.label = Some("booked");
        self.learn("appointment", &at.format("%Y-%m-%dT%H:%M").to_string());
        self.say_essential(format!(
            "You're booked for {}. Our specialist will call you then. Reply here if anything changes.",
            booked_time(at)
        ));
    }

    fn book_or_alternatives(&mut self, at: NaiveDateTime) {
        if self.bookable(at) {
            self.book(at);
        } else {
            self.say("That time isn't open.");
            let slots = self.pair_from(at.max(self.earliest()));
            self.offer(slots);
        }
    }

    /// Two slots on the day (and part of day) the lead named, or the nearest after it.
    fn offer_day(&mut self, day: Option<DayRef>, part: Option<DayPart>) {
        let earliest = self.earliest();
        let date = day.map_or(earliest.date(), |d| d.date(self.now().date()));
        let candidates: Vec<NaiveDateTime> = if self.day_allowed(date) {
            self.slot_times()
                .into_iter()
                .map(|t| date.and_time(t))
                .filter(|t| *t >= earliest && part.is_none_or(|p| DayPart::of(t.time()) == p))
                .collect()
        } else {
            Vec::new()
        };
        let slots = match candidates.as_slice() {
            [] => {
                self.say("That day isn't open.");
                self.pair_from(date.and_time(NaiveTime::MIN).max(earliest))
            }
            [only] => {
                let mut slots = vec![*only];
                slots.extend(
                    self.pair_from((only.date() + Duration::days(1)).and_time(NaiveTime::MIN)).into_iter().take(1),
                );
                slots
            }
            [a, rest @ ..] => {
                let b = rest.iter().find(|t| **t >= *a + Duration::hours(2)).or(rest.last()).copied().unwrap_or(*a);
                vec![*a, b]
            }
        };
        self.offer(slots);
    }

    pub(super) fn offer(&mut self, slots: Vec<NaiveDateTime>) {
        let text = match slots.as_slice() {
            [] => return self.handoff("no open booking slots", Intent::Schedule, 0.5),
            [a] => format!("Would {} work for a quick call with our specialist?", slot_time(*a)),
            [a, b, ..] => {
                format!("Would {} or {} work for a quick call with our specialist?", slot_time(*a), slot_time(*b))
            }
        };
        self.say_essential(text);
        self.turn.offered = slots;
    }
}
