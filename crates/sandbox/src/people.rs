//! Simulated people: a lead's number, where they really are, and how they behave, all drawn
//! from a seed. The sandbox carrier uses the same behaviour to answer, ignore or reply.

use domain::vocab::ConversationStatus;
use domain::{Channel, E164, Event, MessageId, Provider, TimeZone, UsState};
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

impl Reply {
    /// What lands on the timeline when the person sends this reply: the message, then what it
    /// means (an intent, or a revocation and the `dnc` status for STOP). Until the SMS agent
    /// reads replies itself, the simulated person states its meaning along with its words.
    pub fn events(self, message_id: MessageId, provider_message_id: Option<String>) -> Vec<Event> {
        let provider = provider_message_id.as_ref().map(|_| Provider::Sandbox);
        let mut events = vec![Event::SmsReceived {
            message_id,
            body: self.text().into(),
            provider,
            provider_message_id,
            media_count: 0,
        }];
        match self {
            Reply::OptOut => {
                events.push(Event::ConsentRevoked {
                    channel: None,
                    consent_ids: vec![],
                    via: Some(Channel::Sms),
                    text: Some(self.text().into()),
                });
                events.push(Event::StatusChanged {
                    status: ConversationStatus::Dnc,
                    by: "sms_keyword".into(),
                    note: None,
                });
            }
            other => events.extend(other.intent().map(|intent| Event::IntentDetected {
                intent: intent.into(),
                confidence: Some(0.9),
                channel: Some(Channel::Sms),
            })),
        }
        events
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
        Self::behaving(rng, phone, recorded_zone, recorded_state)
    }

    /// Draws how a person with this number behaves.
    fn behaving(rng: &mut Rng, phone: E164, recorded_zone: Option<TimeZone>, recorded_state: Option<UsState>) -> Self {
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

    /// The person behind a sandbox number. Numbers `NPA-555-01YZ` (the range NANP reserves for
    /// fiction) follow a script chosen by `Y`, so demos and tests know what will happen:
    ///
    /// | Y | texts                         | calls                     |
    /// |---|-------------------------------|---------------------------|
    /// | 0 | never replies                 | ring out (no answer)      |
    /// | 1 | never replies                 | go to voicemail           |
    /// | 2 | "yeah, call me" after 2 min   | answered                  |
    /// | 3 | "text me, don't call"         | ring out                  |
    /// | 4 | "STOP"                        | ring out                  |
    /// | 5 | never replies                 | answered, books           |
    /// | 6 | "not interested, thanks"      | ring out                  |
    ///
    /// Every other number behaves as drawn from `seed` and the number, the same every time.
    pub fn for_number(seed: u64, phone: &E164) -> Self {
        let digits: u64 = phone
            .as_str()
            .bytes()
            .filter(u8::is_ascii_digit)
            .fold(0, |h, d| h.wrapping_mul(1_000_003).wrapping_add(u64::from(d - b'0')));
        let mut rng = Rng::new(seed, digits);
        let mut person = Self::behaving(&mut rng, phone.clone(), None, None);
        let national = phone.as_str().trim_start_matches("+1");
        if national.len() == 10 && &national[3..8] == "55501" {
            let scripted = |reply: Option<Reply>, answer: bool, voicemail: bool, books: bool| Person {
                reply_rate: if reply.is_some() { 1.0 } else { 0.0 },
                reply: reply.unwrap_or(Reply::Question),
                reply_delay: (120, 120),
                answer_rate: if answer { 1.0 } else { 0.0 },
                voicemail_rate: if voicemail { 1.0 } else { 0.0 },
                books_on_call: if books { 1.0 } else { 0.0 },
                ..person.clone()
            };
            person = match national.as_bytes()[8] {
                b'0' => scripted(None, false, false, false),
                b'1' => scripted(None, false, true, false),
                b'2' => scripted(Some(Reply::CallMe), true, false, false),
                b'3' => scripted(Some(Reply::TextOnly), false, false, false),
                b'4' => scripted(Some(Reply::OptOut), false, false, false),
                b'5' => scripted(None, true, false, true),
                b'6' => scripted(Some(Reply::NotInterested), false, false, false),
                _ => person,
            };
        }
        person
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_numbers_follow_their_script_and_others_are_stable() {
        let silent = Person::for_number(7, &E164::parse("+12125550100").unwrap());
        assert_eq!((silent.reply_rate, silent.answer_rate, silent.voicemail_rate), (0.0, 0.0, 0.0));
        let caller = Person::for_number(7, &E164::parse("+13125550123").unwrap());
        assert_eq!((caller.reply, caller.reply_rate, caller.answer_rate), (Reply::CallMe, 1.0, 1.0));
        let stop = Person::for_number(7, &E164::parse("+14155550142").unwrap());
        assert_eq!(stop.reply, Reply::OptOut);
        let random = E164::parse("+14155550199").unwrap();
        let (a, b) = (Person::for_number(7, &random), Person::for_number(7, &random));
        assert_eq!((a.reply, a.reply_rate, a.answer_rate), (b.reply, b.reply_rate, b.answer_rate));
        let other_seed = Person::for_number(8, &random);
        assert_ne!(a.reply_rate, other_seed.reply_rate, "the seed changes the unscripted");
    }

    #[test]
    fn a_stop_reply_revokes_and_closes() {
        let events = Reply::OptOut.events(MessageId::new(), Some("SB1".into()));
        let kinds: Vec<&str> = events.iter().map(Event::kind).collect();
        assert_eq!(kinds, ["sms_received", "consent_revoked", "status_changed"]);
        let kinds: Vec<&str> = Reply::CallMe.events(MessageId::new(), None).iter().map(Event::kind).collect();
        assert_eq!(kinds, ["sms_received", "intent_detected"]);
    }
}
