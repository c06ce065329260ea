//! The built-in SMS agent, conversation by conversation, as the server drives it: each turn's
//! output is folded into the memory the next burst sees.

use chrono::{NaiveDateTime, NaiveTime, Weekday};
use nlu::Intent;
use nlu::agent::{AgentConfig, Close, Disclosure, Input, Memory, Turn, respond};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// A conversation with one lead: what the server keeps between bursts.
struct Convo {
    config: AgentConfig,
    memory: Memory,
    now: NaiveDateTime,
}

impl Convo {
    /// A new conversation; Tuesday 2026-11-24, 08:00 lead-local.
    fn new() -> Self {
        Convo { config: AgentConfig::default(), memory: Memory::default(), now: at("2026-11-24 08:00") }
    }

    /// A conversation the agent has already greeted in.
    fn greeted() -> Self {
        let mut convo = Convo::new();
        convo.memory.ai_messages = 1;
        convo
    }

    /// Greeted, with every default question answered.
    fn qualified() -> Self {
        let mut convo = Convo::greeted();
        for (slot, value) in [("need", "solar"), ("timeline", "asap"), ("budget", "$20k"), ("authority", "owner")] {
            convo.memory.facts.insert(slot.to_owned(), value.to_owned());
        }
        convo
    }

    fn at(mut self, now: &str) -> Self {
        self.now = at(now);
        self
    }

    /// One burst: the agent's turn, folded into memory as the server would.
    fn say(&mut self, messages: &[&str]) -> Turn {
        let messages: Vec<String> = messages.iter().map(|m| (*m).to_owned()).collect();
        let turn = respond(
            &self.config,
            &Input { first_name: "Sam", now: self.now, messages: &messages, memory: &self.memory, screened: false },
        );
        if let Some(reply) = &turn.reply {
            assert!(reply.chars().count() <= 320, "too long: {reply}");
            self.memory.ai_messages += 1;
        }
        self.memory.facts.extend(turn.facts.clone());
        if let Some(slot) = &turn.asked {
            self.memory.asked.push(slot.clone());
        }
        if turn.booked.is_some() {
            self.memory.booked = turn.booked;
            self.memory.offered.clear();
        } else if !turn.offered.is_empty() {
            self.memory.offered = turn.offered.clone();
        }
        self.memory.unclear_streak = if turn.intent == Intent::Unknown { self.memory.unclear_streak + 1 } else { 0 };
        if turn.intent == Intent::Pricing {
            self.memory.pricing_asks += 1;
        }
        turn
    }
}

fn reply(turn: &Turn) -> &str {
    turn.reply.as_deref().expect("a reply")
}

#[test]
fn a_scripted_conversation_qualifies_offers_two_slots_and_books_the_first() {
    let mut c = Convo::new();

    let t = c.say(&["Hi, yes I'm interested"]);
    assert!(reply(&t).starts_with("Hi Sam, this is Ava with Acme Solar, an automated assistant. "), "{t:?}");
    assert!(reply(&t).ends_with(" Reply STOP to opt out."));
    assert_eq!(t.disclosure, Some(Disclosure::Identification));
    assert_eq!(t.intent, Intent::Interest);
    assert_eq!(t.timeline_intent.as_deref(), Some("interest"));
    assert_eq!(t.asked.as_deref(), Some("need"));
    assert!(reply(&t).contains("What project can we help you with?"));

    let t = c.say(&["We need a new roof"]);
    assert_eq!(t.facts.get("need").map(String::as_str), Some("a new roof"));
    assert_eq!(t.asked.as_deref(), Some("timeline"));
    assert_eq!(t.disclosure, None);
    assert!(!reply(&t).contains("this is Ava") && !reply(&t).contains("STOP"), "{t:?}");

    let t = c.say(&["probably in the spring"]);
    assert_eq!(
        t.facts.get("timeline").map(String::as_str),
        Some("probably in the spring"),
        "the open question's answer"
    );
    assert_eq!(t.asked.as_deref(), Some("budget"));

    let t = c.say(&["around $15k"]);
    assert_eq!(t.facts.get("budget").map(String::as_str), Some("$15k"));
    assert_ne!(t.intent, Intent::Pricing, "a budget answer is not a pricing ask");
    assert_eq!(t.asked.as_deref(), Some("authority"));

    let t = c.say(&["it's my house, I decide"]);
    assert_eq!(t.facts.get("authority").map(String::as_str), Some("owner"));
    assert_eq!(t.asked, None);
    assert_eq!(t.offered, vec![at("2026-11-24 10:00"), at("2026-11-25 14:00")]);
    assert!(
        reply(&t)
            .contains("Would Tue Nov 24 10:00 AM or Wed Nov 25 2:00 PM work for a quick call with our specialist?"),
        "{t:?}"
    );

    let t = c.say(&["the first one"]);
    assert_eq!(t.booked, Some(at("2026-11-24 10:00")));
    assert_eq!(t.timeline_intent.as_deref(), Some("booked"));
    assert_eq!(t.facts.get("appointment").map(String::as_str), Some("2026-11-24T10:00"));
    assert!(reply(&t).starts_with("You're booked for Tue Nov 24 at 10:00 AM."), "{t:?}");

    let t = c.say(&["thanks!"]);
    assert_ne!(t.intent, Intent::Unknown);
    assert!(reply(&t).contains("Tue Nov 24 at 10:00 AM"), "{t:?}");
    assert_eq!((t.asked, t.offered, t.booked), (None, vec![], None));
}

#[test]
fn known_facts_are_never_asked_again() {
    // Facts from the form (or earlier) are skipped.
    let mut c = Convo::new();
    c.memory.facts.insert("need".into(), "solar panels".into());
    c.memory.facts.insert("budget".into(), "$30k".into());
    let t = c.say(&["yes"]);
    assert_eq!(t.asked.as_deref(), Some("timeline"));

    // Facts volunteered in the same burst as an answer are skipped too.
    let t = c.say(&["next month. it's my house and I'm the only one deciding"]);
    assert_eq!(t.facts.get("timeline").map(String::as_str), Some("next month"));
    assert_eq!(t.facts.get("authority").map(String::as_str), Some("owner"));
    assert_eq!(t.asked, None);
    assert_eq!(t.offered.len(), 2, "{t:?}");

    // Across a whole conversation: no slot is asked twice, and none that is known.
    let mut c = Convo::new();
    let mut asked = Vec::new();
    for burst in ["hello", "I'd like to get solar for my house", "asap", "not sure yet", "me and my wife"] {
        let t = c.say(&[burst]);
        if let Some(slot) = t.asked {
            assert!(!c.memory.facts.contains_key(&slot), "asked known {slot}");
            assert!(!asked.contains(&slot), "asked {slot} twice");
            asked.push(slot);
        }
    }
    assert_eq!(asked, ["need", "timeline", "budget", "authority"]);
    assert_eq!(c.memory.facts["need"], "solar for my house");
    assert_eq!(c.memory.facts["timeline"], "asap");
    assert_eq!(c.memory.facts["budget"], "not sure yet", "an uncertain answer still answers");
    assert_eq!(c.memory.facts["authority"], "shared with spouse");
    assert_eq!(c.memory.offered.len(), 2);
}

#[test]
fn an_answer_to_the_open_question_fills_its_slot() {
    let mut c = Convo::greeted();
    c.memory.asked = vec!["need".into()];
    let t = c.say(&["Solar for my house"]);
    assert_eq!(t.facts["need"], "Solar for my house");
    assert_eq!(t.asked.as_deref(), Some("timeline"));

    let mut c = Convo::greeted();
    c.memory.asked = vec!["need".into()];
    let t = c.say(&["we have to replace the furnace before winter"]);
    assert_eq!(t.facts["need"], "replace the furnace");

    let mut c = Convo::greeted();
    c.memory.facts.insert("need".into(), "roof".into());
    c.memory.facts.insert("timeline".into(), "asap".into());
    c.memory.facts.insert("budget".into(), "$10k".into());
    c.memory.asked = vec!["need".into(), "timeline".into(), "budget".into(), "authority".into()];
    let t = c.say(&["I need to ask my husband"]);
    assert_eq!(t.facts["authority"], "needs approval");
    assert!(reply(&t).starts_with("Of course, it makes sense to decide together."), "{t:?}");
    let t =
        Convo { memory: Memory { facts: Default::default(), ..c.memory.clone() }, ..Convo::greeted() }.say(&["nope"]);
    assert_eq!(t.close, None, "a bare no answers the open question");

    // A question in reply is not an answer: answered, then the open question again.
    let mut c = Convo::greeted();
    c.memory.asked = vec!["need".into()];
    let t = c.say(&["what areas do you serve?"]);
    assert!(t.facts.is_empty(), "{t:?}");
    assert_eq!(t.asked.as_deref(), Some("need"));
    assert_eq!(t.intent, Intent::Question);
}

#[test]
fn people_and_hard_cases_are_handed_off() {
    let cases: &[(&[&str], &str, Intent)] = &[
        (&["this is ridiculous, why do you keep texting me"], "frustration", Intent::Frustration),
        (&["I want to talk to a real person"], "asked for a person", Intent::HumanRequest),
        (&["can Mike call me?"], "asked for Mike", Intent::HumanRequest),
        (&["I'd rather speak with Dana"], "asked for Dana", Intent::HumanRequest),
        (&["is priya around?"], "asked for Priya", Intent::HumanRequest),
        (&["that's too expensive"], "pricing negotiation", Intent::Pricing),
        (&["can I get a discount?"], "pricing negotiation", Intent::Pricing),
        (&["will you price match Sunrun?"], "pricing negotiation", Intent::Pricing),
        (
            &[
                "We have an old house with a leaky roof and the attic has no insulation at all, so we wonder whether \
                 you can do the roof and the insulation at the same time?",
                "Also would panels even work on a north facing roof with a big oak tree shading half of it most of \
                 the afternoon?",
            ],
            "complex need",
            Intent::Question,
        ),
    ];
    for (burst, reason, intent) in cases {
        let mut c = Convo::greeted();
        c.config.team = vec!["Priya".into(), "Will".into()];
        c.memory.asked = vec!["timeline".into()];
        let t = c.say(burst);
        assert_eq!(t.handoff.as_deref(), Some(*reason), "{burst:?}: {t:?}");
        assert_eq!(t.intent, *intent, "{burst:?}");
        assert!(reply(&t).contains("follow up"), "{t:?}");
        assert_eq!((t.asked.clone(), t.offered.clone(), t.close), (None, vec![], None), "no more questions: {t:?}");
    }

    // A second pricing ask goes to a person; the first is answered.
    let mut c = Convo::greeted();
    let t = c.say(&["how much does it cost?"]);
    assert_eq!(t.handoff, None);
    let t = c.say(&["ok but roughly what's the price?"]);
    assert_eq!(t.handoff.as_deref(), Some("pricing negotiation"));

    // Repeated confusion: the first unclear burst is clarified, the second handed off.
    let mut c = Convo::qualified();
    let t = c.say(&["asdf qwerty"]);
    assert_eq!((t.intent, t.timeline_intent.clone(), t.handoff.clone()), (Intent::Unknown, None, None));
    assert!(reply(&t).starts_with("Sorry, I didn't quite catch that."), "{t:?}");
    let t = c.say(&["zxcv"]);
    assert_eq!(t.handoff.as_deref(), Some("repeated confusion"));
    assert_eq!(t.intent, Intent::Unknown);

    // A team name that is an everyday word needs a request around it.
    let mut c = Convo::greeted();
    c.config.team = vec!["Will".into()];
    assert_eq!(c.say(&["I will think about it"]).handoff, None);
    assert_eq!(c.say(&["can Will call me tomorrow?"]).handoff.as_deref(), Some("asked for Will"));

    // Capitalised words that are not people.
    for burst in ["Is Monday available?", "Is Solar available in my area?", "Hi Ava, can you call me?"] {
        assert_eq!(Convo::greeted().say(&[burst]).handoff, None, "{burst}");
    }
}

#[test]
fn a_bot_question_is_answered_truthfully_and_qualifying_continues() {
    let mut c = Convo::greeted();
    let t = c.say(&["wait, am I talking to a robot?"]);
    assert_eq!(t.intent, Intent::BotQuestion);
    assert_eq!(t.timeline_intent.as_deref(), Some("bot_question"));
    assert_eq!(t.disclosure, Some(Disclosure::BotQuestion));
    let text = reply(&t);
    assert!(text.starts_with("I'm Ava, an automated assistant for Acme Solar."), "{text}");
    assert!(text.contains("A person from our team can take over"), "{text}");
    assert_eq!(t.asked.as_deref(), Some("need"), "then the next question");

    // As the first message, with disclosure otherwise off, it still says it is automated.
    let mut c = Convo::new();
    c.config.disclose_ai = false;
    let t = c.say(&["is this a bot?"]);
    assert_eq!(t.disclosure, Some(Disclosure::BotQuestion));
    assert!(reply(&t).starts_with("Hi Sam, this is Ava with Acme Solar, an automated assistant. "), "{t:?}");
    assert_eq!(reply(&t).matches("Ava").count(), 1, "identified once");
}

#[test]
fn the_first_message_identifies_the_sender_once() {
    let mut c = Convo::new();
    let first = c.say(&["how much does it cost?"]);
    assert!(reply(&first).starts_with("Hi Sam, this is Ava with Acme Solar, an automated assistant. "));
    assert!(reply(&first).ends_with(" Reply STOP to opt out."));
    assert_eq!(first.disclosure, Some(Disclosure::Identification));
    for burst in ["solar", "next year", "$25k", "just me"] {
        let t = c.say(&[burst]);
        assert!(!reply(&t).contains("this is Ava") && !reply(&t).contains("STOP"), "{t:?}");
        assert_eq!(t.disclosure, None);
    }

    let mut c = Convo::new();
    c.config.disclose_ai = false;
    let t = c.say(&["yes"]);
    assert!(reply(&t).starts_with("Hi Sam, this is Ava with Acme Solar. "), "{t:?}");
    assert!(!reply(&t).contains("automated"));
    assert_eq!(t.disclosure, Some(Disclosure::Identification));
}

#[test]
fn wrong_numbers_and_refusals_close() {
    let mut c = Convo::greeted();
    c.memory.asked = vec!["need".into()];
    let t = c.say(&["wrong number, there's no Sam here"]);
    assert_eq!(t.close, Some(Close::WrongNumber));
    assert_eq!(t.timeline_intent.as_deref(), Some("wrong_number"));
    assert_eq!((t.asked.clone(), t.offered.clone(), t.facts.clone()), (None, vec![], Default::default()));
    assert!(reply(&t).starts_with("Sorry"), "{t:?}");
    assert!(!reply(&t).contains('?'), "no more questions");

    // "Who is this?" is answered, not closed.
    let t = Convo::greeted().say(&["who is this?"]);
    assert_eq!(t.close, None);
    assert!(reply(&t).starts_with("This is Ava with Acme Solar"), "{t:?}");

    let t = Convo::greeted().say(&["not interested, thanks"]);
    assert_eq!(t.close, Some(Close::NotInterested));
    assert_eq!(t.timeline_intent.as_deref(), Some("not_interested"));
    assert_eq!(t.asked, None);

    // Opt-outs are never answered.
    let t = Convo::greeted().say(&["how much?", "actually stop texting me"]);
    assert_eq!((t.reply.clone(), t.intent), (None, Intent::OptOut));
}

#[test]
fn text_only_is_acknowledged_and_qualifying_continues_by_text() {
    let mut c = Convo::greeted();
    let t = c.say(&["I'm at work, can you just text me instead?"]);
    assert_eq!(t.timeline_intent.as_deref(), Some("text_only"));
    assert_eq!(t.intent, Intent::TextOnly);
    assert_eq!(t.facts.get("contact_preference").map(String::as_str), Some("text"));
    assert!(reply(&t).starts_with("No problem, we'll keep it to text."), "{t:?}");
    assert_eq!(t.asked.as_deref(), Some("need"));

    // Fully qualified by text: a person follows up by text instead of a call being offered.
    let mut c = Convo::qualified();
    c.memory.facts.insert("contact_preference".into(), "text".into());
    let t = c.say(&["sounds good"]);
    assert!(t.offered.is_empty());
    assert_eq!(t.handoff.as_deref(), Some("qualified, prefers text"));
}

#[test]
fn pricing_questions_objections_get_a_line_then_the_next_question() {
    let t = Convo::greeted().say(&["how much does it cost?"]);
    assert_eq!(t.intent, Intent::Pricing);
    assert_eq!(t.handoff, None);
    let text = reply(&t);
    assert!(text.contains("depends on your situation") && text.contains("exact figures"), "{text}");
    assert!(!text.contains('$') && !text.chars().any(|c| c.is_ascii_digit()), "no invented numbers: {text}");
    assert_eq!(t.asked.as_deref(), Some("need"));

    let t = Convo::greeted().say(&["how long does the install take?"]);
    assert_eq!(t.intent, Intent::Question);
    assert!(reply(&t).starts_with("Timing depends on the project"), "{t:?}");
    assert_eq!(t.asked.as_deref(), Some("need"));

    let t = Convo::greeted().say(&["is this legit? sounds like a scam"]);
    assert_eq!(t.intent, Intent::Objection);
    assert!(reply(&t).contains("no obligation"), "{t:?}");
    assert_eq!(t.asked.as_deref(), Some("need"));
}

#[test]
fn callbacks_resolve_relative_to_the_leads_now() {
    // Tuesday 21:00: "tomorrow at 10" is Wednesday 10:00.
    let t = Convo::new().at("2026-11-24 21:00").say(&["call me tomorrow at 10"]);
    assert_eq!(t.callback_at, Some(at("2026-11-25 10:00")));
    assert_eq!(t.timeline_intent.as_deref(), Some("callback_request"));
    assert_eq!(t.intent, Intent::Schedule);
    assert!(reply(&t).contains("Wed at 10:00 AM"), "{t:?}");
    assert_eq!(t.facts.get("callback_time").map(String::as_str), Some("2026-11-25T10:00"));

    let t = Convo::greeted().at("2026-11-24 11:00").say(&["after 5 works, call me then"]);
    assert_eq!(t.callback_at, Some(at("2026-11-24 17:00")));
    assert!(reply(&t).contains("today at 5:00 PM"), "{t:?}");

    for burst in ["call me", "now is good"] {
        let t = Convo::greeted().say(&[burst]);
        assert_eq!(t.callback_at, None, "{burst}");
        assert_eq!(t.timeline_intent.as_deref(), Some("callback_request"), "{burst}");
        assert!(reply(&t).contains("calling you shortly"), "{t:?}");
    }

    // "Later", without a time: ask for one rather than call now.
    let t = Convo::greeted().say(&["call me later"]);
    assert_eq!((t.callback_at, t.timeline_intent.as_deref()), (None, Some("schedule")));
    assert_eq!(t.asked.as_deref(), Some("callback_time"));
}

#[test]
fn offers_are_read_by_position_day_or_time_and_neither_offers_later_slots() {
    let offer = |c: &mut Convo| {
        let t = c.say(&["ok"]);
        assert_eq!(t.offered, vec![at("2026-11-24 10:00"), at("2026-11-25 14:00")]);
    };
    for (burst, booked) in [
        (&["2nd"][..], "2026-11-25 14:00"),
        (&["the second one"], "2026-11-25 14:00"),
        (&["wednesday works"], "2026-11-25 14:00"),
        (&["2pm"], "2026-11-25 14:00"),
        (&["sounds good"], "2026-11-24 10:00"),
        (&["1"], "2026-11-24 10:00"),
        (&["can we do thursday at 11 instead?"], "2026-11-26 11:00"),
    ] {
        let mut c = Convo::qualified();
        offer(&mut c);
        let t = c.say(burst);
        assert_eq!(t.booked, Some(at(booked)), "{burst:?}: {t:?}");
        assert_eq!(t.timeline_intent.as_deref(), Some("booked"));
    }

    let mut c = Convo::qualified();
    offer(&mut c);
    let t = c.say(&["neither of those work for me"]);
    assert_eq!(t.booked, None);
    assert_eq!(t.offered.len(), 2, "{t:?}");
    assert!(t.offered.iter().all(|s| *s > at("2026-11-25 14:00")), "later than the refused: {t:?}");
    assert_eq!(t.offered, vec![at("2026-11-26 09:00"), at("2026-11-27 14:00")]);
    let t = c.say(&["no"]);
    assert!(t.offered.iter().all(|s| *s > at("2026-11-27 14:00")), "{t:?}");
    assert_eq!(t.close, None, "a no to an offer is not a refusal");

    // A pick said in frustration that a rule reads is still handed off.
    let mut c = Convo::qualified();
    offer(&mut c);
    let t = c.say(&["this is the 3rd text today!! the second one, whatever"]);
    assert_eq!(t.handoff.as_deref(), Some("frustration"), "{t:?}");
    assert_eq!(t.booked, None);

    // A time outside availability is not booked; the nearest slots are offered.
    let mut c = Convo::qualified();
    offer(&mut c);
    let t = c.say(&["saturday at 10?"]);
    assert_eq!(t.booked, None);
    assert_eq!(t.offered, vec![at("2026-11-30 09:00"), at("2026-12-01 14:00")]);

    // Asking to book skips the remaining questions.
    let t = Convo::greeted().say(&["can we set up an appointment?"]);
    assert_eq!(t.offered.len(), 2);
    assert_eq!(t.asked, None);
}

#[test]
fn slots_respect_availability_weekends_and_notice() {
    // Friday 16:00: the weekend is skipped; Monday morning, then Tuesday afternoon.
    let t = Convo::qualified().at("2026-11-27 16:00").say(&["yes"]);
    assert_eq!(t.offered, vec![at("2026-11-30 09:00"), at("2026-12-01 14:00")]);

    // Tuesday 15:30: two hours' notice runs past 17:00, so Wednesday.
    let t = Convo::qualified().at("2026-11-24 15:30").say(&["yes"]);
    assert_eq!(t.offered, vec![at("2026-11-25 09:00"), at("2026-11-26 14:00")]);

    // Tuesday 08:10: notice to 10:10, aligned to the next 30-minute slot.
    let t = Convo::qualified().at("2026-11-24 08:10").say(&["yes"]);
    assert_eq!(t.offered[0], at("2026-11-24 10:30"));

    // A custom calendar: Mondays and Wednesdays, 13:00-16:00, hour slots, a day's notice.
    let mut c = Convo::qualified();
    c.config.availability.days = vec![Weekday::Mon, Weekday::Wed];
    c.config.availability.start = NaiveTime::from_hms_opt(13, 0, 0).unwrap();
    c.config.availability.end = NaiveTime::from_hms_opt(16, 0, 0).unwrap();
    c.config.availability.slot_minutes = 60;
    c.config.availability.min_notice_minutes = 24 * 60;
    let t = c.say(&["yes"]);
    assert_eq!(t.offered.len(), 2);
    for slot in &t.offered {
        assert!([Weekday::Mon, Weekday::Wed].contains(&chrono::Datelike::weekday(slot)), "{slot}");
        assert!(*slot >= at("2026-11-25 08:00"));
        let time = slot.time();
        assert!(
            time >= NaiveTime::from_hms_opt(13, 0, 0).unwrap() && time <= NaiveTime::from_hms_opt(15, 0, 0).unwrap()
        );
        assert_eq!(chrono::Timelike::minute(&time), 0);
    }
    assert_ne!(t.offered[0].time(), t.offered[1].time(), "two different times of day");
    assert_eq!(t.offered[0], at("2026-11-25 13:00"));

    // A booking inside the notice period is not accepted.
    let mut c = Convo::qualified();
    let t = c.say(&["can we book today at 9am?"]);
    assert_eq!(t.booked, None, "{t:?}");
    assert!(!t.offered.is_empty());
}

#[test]
fn replies_stay_short_and_the_agent_is_deterministic() {
    let mut c = Convo::new();
    c.config.company = "Acme Solar, Roofing, Windows, Doors and General Home Improvement of Greater Springfield".into();
    c.config.questions[0].text = "Could you tell us about the project you have in mind, ".repeat(10);
    let t = c.say(&["is this a bot? how much is it?"]);
    let text = reply(&t);
    assert!(text.chars().count() <= 320, "{}", text.chars().count());
    assert!(text.ends_with(" Reply STOP to opt out."), "{text}");
    assert!(text.contains("automated assistant"), "{text}");
    assert!(text.is_ascii(), "GSM-friendly: {text}");

    let c = Convo::qualified();
    let messages = vec!["sounds good".to_owned(), "tomorrow afternoon?".to_owned()];
    let input = Input { first_name: "Sam", now: c.now, messages: &messages, memory: &c.memory, screened: false };
    assert_eq!(respond(&c.config, &input), respond(&c.config, &input));
}

#[test]
fn config_overrides_parse_with_defaults() {
    let config: AgentConfig = serde_json::from_str(
        r#"{"persona": "Max", "team": ["Mike"], "availability": {"days": ["Mon", "tuesday"], "start": "10:00"}}"#,
    )
    .unwrap();
    assert_eq!(config.persona, "Max");
    assert_eq!(config.company, "Acme Solar");
    assert!(config.disclose_ai);
    assert_eq!(config.questions.len(), 4);
    assert_eq!(config.availability.days, [Weekday::Mon, Weekday::Tue]);
    assert_eq!(config.availability.start, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    assert_eq!(config.availability.end, NaiveTime::from_hms_opt(17, 0, 0).unwrap());
    assert_eq!((config.availability.slot_minutes, config.availability.min_notice_minutes), (30, 120));
    let back: AgentConfig = serde_json::from_str(&serde_json::to_string(&config).unwrap()).unwrap();
    assert_eq!(back, config);
}

#[test]
fn acknowledgements_and_dates_in_answers_are_read_for_what_they_are() {
    // "ok" does not answer "what project?": it is asked again rather than stored as the need.
    let mut c = Convo::greeted();
    c.memory.asked = vec!["need".into()];
    let t = c.say(&["Ok sounds good!"]);
    assert!(t.facts.is_empty(), "{t:?}");
    assert_eq!(t.asked.as_deref(), Some("need"));

    // ... but "no" answers a yes/no question ("Will anyone else be part of the decision?").
    let mut c = Convo::qualified();
    c.memory.facts.remove("authority");
    c.memory.asked = vec!["authority".into()];
    let t = c.say(&["no"]);
    assert_eq!(t.facts.get("authority").map(String::as_str), Some("decision maker"));
    assert_eq!((t.close, t.offered.len()), (None, 2));

    // A date answering "when are you hoping to get this done?" is a timeline, not a booking.
    let mut c = Convo::greeted();
    c.memory.facts.insert("need".into(), "roof".into());
    c.memory.asked = vec!["need".into(), "timeline".into()];
    let t = c.say(&["this weekend if possible"]);
    assert_eq!(t.facts.get("timeline").map(String::as_str), Some("this weekend if possible"));
    assert_eq!((t.offered.len(), t.callback_at, t.asked.as_deref()), (0, None, Some("budget")));

    // Several facts in one burst, in the lead's own words; the need is asked again only if missing.
    let t = Convo::greeted().say(&["Hi", "we need solar panels for our house", "how much would that be?"]);
    assert_eq!(t.facts.get("need").map(String::as_str), Some("solar panels for our house"));
    assert_eq!(t.intent, Intent::Pricing);
    assert_eq!(t.asked.as_deref(), Some("timeline"));
    let t = Convo::greeted().say(&["I'm interested in a new HVAC system"]);
    assert_eq!(t.facts.get("need").map(String::as_str), Some("a new HVAC system"));
}

#[test]
fn an_offer_whose_slots_have_passed_is_renewed() {
    let mut c = Convo::qualified();
    c.memory.offered = vec![at("2026-11-20 10:00"), at("2026-11-23 14:00")];
    let t = c.say(&["the first one"]);
    assert_eq!(t.booked, None);
    assert!(reply(&t).starts_with("That time has passed."), "{t:?}");
    assert_eq!(t.offered, vec![at("2026-11-24 10:00"), at("2026-11-25 14:00")]);
}

/// The server tells the agent its messages were each read for a revocation on arrival; the
/// agent then skips that reading. For any text that is no revocation on its own, the turn
/// must be the same either way, and a revocation split over a burst is still caught.
#[test]
fn a_screened_burst_is_answered_as_if_read_in_full() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let body = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(v["text"].as_str().unwrap().to_owned());
        }
    }
    texts.sort();
    let c = Convo::greeted();
    let turn = |messages: &[String], screened: bool| {
        respond(&c.config, &Input { first_name: "Sam", now: c.now, messages, memory: &c.memory, screened })
    };
    let mut compared = 0;
    // Every fifth text of the corpus, alone and in pairs: a sample of every file and label.
    for pair in texts.iter().step_by(5).collect::<Vec<_>>().windows(2) {
        if pair.iter().any(|t| nlu::revocation(&nlu::normalise::normalise(t)).is_some()) {
            continue;
        }
        let one = vec![pair[0].clone()];
        assert_eq!(turn(&one, true), turn(&one, false), "{one:?}");
        let both = vec![pair[0].clone(), pair[1].clone()];
        assert_eq!(turn(&both, true), turn(&both, false), "{both:?}");
        compared += 1;
    }
    assert!(compared > 300, "only {compared} bursts compared");

    let split = vec!["lose".to_owned(), "my number".to_owned()];
    for part in &split {
        assert_eq!(nlu::revocation(&nlu::normalise::normalise(part)), None, "{part}");
    }
    let t = turn(&split, true);
    assert_eq!((t.reply, t.intent), (None, Intent::OptOut));
}
