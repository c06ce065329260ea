//! Simulated people: a lead's number, where they really are, and how they behave, all drawn
//! from a seed. The sandbox carrier uses the same behaviour to answer, ignore or reply.

use domain::{E164, TimeZone, UsState};
use policy::nanp;

use crate::rng::Rng;

/// What a person says when they reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// "yeah, call me" / "can we do tomorrow morning?"
    CallMe,
    /// A question; no intent the router acts on.
    Question,
    /// "text me, don't call"
    TextOnly,
    /// "not interested"
    NotInterested,
    /// "STOP"
    OptOut,
    /// "book me for Tuesday"
    Book,
}

impl Reply {
    /// The words, for the timeline.
    pub fn text(self) -> &'static str {
        match self {
            Reply::CallMe => "yeah, call me",
            Reply::Question => "how much does it cost?",
            Reply::TextOnly => "text me, don't call",
            Reply::NotInterested => "not interested, thanks",
            Reply::OptOut => "STOP",
            Reply::Book => "Tuesday at 10 works, book me",
        }
    }

    /// The intent an SMS agent would recognise.
    pub fn intent(self) -> Option<&'static str> {
        match self {
            Reply::CallMe => Some("callback_request"),
            Reply::Question => None,
            Reply::TextOnly => Some("text_only"),
            Reply::NotInterested => Some("not_interested"),
            Reply::OptOut => Some("opt_out"),
            Reply::Book => Some("booked"),
        }
    }
}

const REPLIES: [Reply; 6] =
    [Reply::CallMe, Reply::Question, Reply::TextOnly, Reply::NotInterested, Reply::OptOut, Reply::Book];
/// How often each reply is given (same order as `REPLIES`).
const REPLY_WEIGHTS: [f64; 6] = [0.25, 0.25, 0.10, 0.15, 0.10, 0.15];

/// One simulated lead.
#[derive(Debug, Clone)]
pub struct Person {
    /// Number.
    pub phone: E164,
    /// Zone on the lead record, when the form captured one (sometimes a zone they moved to).
    pub recorded_zone: Option<TimeZone>,
    /// State on the lead record.
    pub recorded_state: Option<UsState>,
    /// Chance of replying to each text.
    pub reply_rate: f64,
    /// Seconds before a reply.
    pub reply_delay: (i64, i64),
    /// Chance of picking up a call.
    pub answer_rate: f64,
    /// When not answering, chance the call reaches voicemail (else it rings out).
    pub voicemail_rate: f64,
    /// What they say when they reply.
    pub reply: Reply,
    /// Chance a live call ends with a booking.
    pub books_on_call: f64,
}

const MOVED_TO: [&str; 6] = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "Pacific/Honolulu",
];

impl Person {
    /// Draws a person.
    pub fn draw(rng: &mut Rng, area_codes: &[&str]) -> Self {
        let npa = *rng.pick(area_codes);
        let exchange = rng.range(200, 1000);
        let line = rng.range(0, 10_000);
        let phone = E164::parse(&format!("+1{npa}{exchange:03}{line:04}"))
            .or_else(|_| E164::parse(&format!("+1{npa}2{:02}{line:04}", exchange % 100)))
            .or_else(|_| E164::parse(&format!("+1{npa}5550100")))
            .unwrap_or_else(|_| E164::parse("+12125550100").expect("a valid number"));
        let area = nanp::area_code(&phone);
        // Half the forms capture a zone; one in ten of those people moved away from their number.
        let recorded_zone = if rng.chance(0.5) {
            if rng.chance(0.1) {
                let zone: &&str = rng.pick(&MOVED_TO);
                TimeZone::parse(zone).ok()
            } else {
                area.and_then(|a| a.zones.first()).map(|z| TimeZone::from(*z))
            }
        } else {
            None
        };
        let recorded_state = if rng.chance(0.6) { area.and_then(|a| a.state) } else { None };
        let reply = REPLIES[rng.weighted(&REPLY_WEIGHTS)];
        Self {
            phone,
            recorded_zone,
            recorded_state,
            reply_rate: 0.05 + rng.unit() * 0.35,
            reply_delay: (30, 30 + rng.range(60, 4 * 3600)),
            answer_rate: 0.05 + rng.unit() * 0.35,
            voicemail_rate: 0.6,
            reply,
            books_on_call: 0.3,
        }
    }
}
