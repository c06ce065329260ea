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
    /// The message the person sends, as a carrier reports it. Its meaning is for the SMS
    /// agent and the keyword rules to read, exactly as for a real lead's text.
    pub fn message(self, message_id: MessageId, provider_message_id: Option<String>) -> Event {
        let provider = provider_message_id.as_ref().map(|_| Provider::Sandbox);
        Event::SmsReceived {
            message_id,
            body: self.text().into(),
            provider,
            provider_message_id,
            media_count: 0,
            keyword: None,
        }
    }

    /// The message and what the SMS agent and keyword rules make of it (an intent, or a
    /// revocation and the `dnc` status for STOP), for the simulator, which runs no agent.
    pub fn events(self, message_id: MessageId, provider_message_id: Option<String>) -> Vec<Event> {
        let mut events = vec![self.message(message_id, provider_message_id)];
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
    /// A conversation the person holds with the SMS agent, if scripted for one.
    pub script: Option<Script>,
}

/// A scripted conversation with the SMS agent: the person reads each text and answers what it
/// asks, as a real lead would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Interested: answers every qualification question and takes the first slot offered.
    Qualifies,
    /// Asks whether this is a bot, then for a real person.
    WantsPerson,
}

impl Script {
    /// The answer to a text, if the person answers it. `from_cadence` is true for the cadence's
    /// own texts (not the agent's replies).
    pub fn answer(self, body: &str, from_cadence: bool) -> Option<&'static str> {
        let text = body.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
        match self {
            Script::Qualifies => {
                if from_cadence {
                    Some("hi! yes, still interested")
                } else if has(&["booked", "confirmed", "you're all set"]) {
                    None
                } else if has(&["would "]) && has(&[" or "]) && has(&["work"]) {
                    Some("the first one works")
                } else if has(&["decision", "spouse", "anyone else", "co-owner"]) {
                    Some("just me, it's my house")
                } else if has(&["budget"]) {
                    Some("around $15k")
                } else if has(&["when are you", "timeline", "hoping to", "how soon"]) {
                    Some("next month ideally")
                } else if has(&["project", "help you with", "looking for", "what can we"]) {
                    Some("need a new roof, the old one leaks")
                } else {
                    None
                }
            }
            Script::WantsPerson => {
                if from_cadence {
                    Some("wait, is this a bot?")
                } else if has(&["will follow up", "will reach out", "will call you", "will be in touch"]) {
                    None
                } else {
                    Some("I'd rather talk to a real person please")
                }
            }
        }
    }
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
            script: None,
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
    /// | 7 | qualifies with the agent, books the first slot | ring out |
    /// | 8 | "is this a bot?", then asks for a person | ring out |
    ///
    /// Scripts 0–6 answer only the cadence's texts, once; 7 and 8 hold a conversation with the
    /// SMS agent ([`Script::answer`]). Nobody answers keyword confirmations.
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
                b'7' | b'8' => Person {
                    script: Some(if national.as_bytes()[8] == b'7' { Script::Qualifies } else { Script::WantsPerson }),
                    reply_delay: (45, 45),
                    ..scripted(None, false, false, false)
                },
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
