//! The compliance gate: named scenarios, then properties checked against a brute-force oracle.

use chrono::{DateTime, Duration, Timelike, Utc};
use domain::vocab::{CallOutcome, ConsentKind, MessageSource, Verdict};
use domain::{
    CallId, CampaignId, Channel, ConsentId, ConversationId, ConversationState, E164, Event, EventRecord, LeadId,
    LeadSnapshot, MessageId, Seq, TimeZone, UsState,
};
use policy::{CampaignPolicy, Contact, DncCheck, Gate, LeadContext, Rules, place};
use proptest::prelude::*;

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn lead(phone: &str) -> LeadContext {
    LeadContext {
        phone: E164::parse(phone).unwrap(),
        timezone: None,
        state: None,
        internal_dnc: false,
        national_dnc: None,
    }
}

/// A conversation with consent on both channels plus `events` at the given times.
fn history(kind: ConsentKind, events: Vec<(DateTime<Utc>, Event)>) -> ConversationState {
    let id = ConversationId::new();
    let start = utc("2026-01-01T00:00:00Z");
    let mut all = vec![
        (start, Event::LeadCreated { lead: snapshot() }),
        (
            start,
            Event::ConsentGranted { consent_id: ConsentId::new(), channel: Channel::Sms, kind, source: "form".into() },
        ),
        (
            start,
            Event::ConsentGranted {
                consent_id: ConsentId::new(),
                channel: Channel::Voice,
                kind,
                source: "form".into(),
            },
        ),
    ];
    all.extend(events);
    let records: Vec<EventRecord> = all
        .into_iter()
        .enumerate()
        .map(|(i, (at, event))| EventRecord { conversation_id: id, seq: Seq(i as u64 + 1), at, recorded_at: at, event })
        .collect();
    ConversationState::fold(&records).unwrap()
}

fn snapshot() -> LeadSnapshot {
    LeadSnapshot {
        lead_id: LeadId::new(),
        campaign_id: CampaignId::new(),
        first_name: "Maria".into(),
        last_name: None,
        phone: E164::parse("+13055550142").unwrap(),
        timezone: None,
        state: None,
        source: domain::LeadSource::Form,
    }
}

fn sms_sent(at: DateTime<Utc>) -> (DateTime<Utc>, Event) {
    (
        at,
        Event::SmsSent {
            message_id: MessageId::new(),
            body: "hi".into(),
            source: MessageSource::System,
            provider: None,
            provider_message_id: None,
            transactional: false,
        },
    )
}

fn call(at: DateTime<Utc>) -> Vec<(DateTime<Utc>, Event)> {
    let call_id = CallId::new();
    vec![
        (at, Event::CallPlaced { call_id, provider: None, provider_call_id: None }),
        (
            at + Duration::seconds(30),
            Event::CallEnded { call_id, outcome: CallOutcome::NoAnswer, duration_secs: 0, reason: None },
        ),
    ]
}

const SMS: Contact = Contact { channel: Channel::Sms, automated: true, conversational: false, lead_requested: false };
const CALL: Contact =
    Contact { channel: Channel::Voice, automated: true, conversational: false, lead_requested: false };

fn check(l: &LeadContext, s: &ConversationState, c: Contact, now: DateTime<Utc>) -> policy::GateDecision {
    Gate { rules: &Rules::default(), campaign: &CampaignPolicy::default() }.check(l, s, &c, now)
}

fn failed(d: &policy::GateDecision) -> Vec<&str> {
    d.reasons.iter().filter(|r| !r.passed).map(|r| r.rule.as_str()).collect()
}

#[test]
fn an_eleven_pm_web_form_gets_its_sms_at_eight_the_next_morning() {
    // 23:00 in New York (EST, UTC-5).
    let now = utc("2026-11-18T04:00:00Z");
    let d = check(&lead("+12125550100"), &history(ConsentKind::ExpressWritten, vec![]), SMS, now);
    assert_eq!(d.verdict, Verdict::Rescheduled);
    assert_eq!(d.at, Some(utc("2026-11-18T13:00:00Z")), "08:00 EST");
    assert_eq!(failed(&d), ["contact_window"]);
    let window = d.reasons.iter().find(|r| r.rule == "contact_window").unwrap();
    assert_eq!(window.inputs["local_times"]["America/New_York"], "2026-11-17 23:00 EST Tue");
    // And no call before then either.
    let c = check(&lead("+12125550100"), &history(ConsentKind::ExpressWritten, vec![]), CALL, now);
    assert!(c.at.unwrap() >= utc("2026-11-18T13:00:00Z"));
}

#[test]
fn a_lead_who_texts_at_nine_pm_is_not_called_at_seven_am() {
    let seven_am_chicago = utc("2026-11-18T13:00:00Z");
    let d = check(
        &lead("+13125550100"),
        &history(ConsentKind::ExpressWritten, vec![]),
        Contact { lead_requested: true, ..CALL },
        seven_am_chicago,
    );
    assert_eq!(d.verdict, Verdict::Rescheduled);
    assert_eq!(d.at, Some(utc("2026-11-18T14:00:00Z")), "08:00 CST");
}

#[test]
fn a_new_york_number_living_in_california_is_called_only_when_legal_in_both() {
    let mut l = lead("+12125550100");
    l.timezone = Some(TimeZone::parse("America/Los_Angeles").unwrap());
    // 08:30 in New York is 05:30 in Los Angeles.
    let d = check(&l, &history(ConsentKind::ExpressWritten, vec![]), CALL, utc("2026-11-18T13:30:00Z"));
    assert_eq!(d.verdict, Verdict::Rescheduled);
    assert_eq!(d.at, Some(utc("2026-11-18T16:00:00Z")), "08:00 PST");
    assert_eq!(d.placement.zones, vec![chrono_tz::America::Los_Angeles, chrono_tz::America::New_York]);
    // 20:30 in Los Angeles is 23:30 in New York: closed in New York until the next day.
    let late = check(&l, &history(ConsentKind::ExpressWritten, vec![]), CALL, utc("2026-11-19T04:30:00Z"));
    assert_eq!(late.at, Some(utc("2026-11-19T16:00:00Z")));
}

#[test]
fn split_area_codes_and_unplaceable_numbers_use_every_candidate_zone() {
    let panhandle = place(&lead("+18505550100"));
    assert_eq!(panhandle.zones, vec![chrono_tz::America::Chicago, chrono_tz::America::New_York]);
    assert_eq!(panhandle.states, vec![UsState::parse("FL").unwrap()]);
    let foreign = place(&lead("+442079460958"));
    assert!(foreign.zones.len() >= 6 && foreign.zones.contains(&chrono_tz::Pacific::Honolulu), "{:?}", foreign.zones);
    // Florida's 20:00 limit applies: 19:30 Eastern is allowed, 20:00 is not.
    let s = history(ConsentKind::ExpressWritten, vec![]);
    assert_eq!(check(&lead("+13055550142"), &s, CALL, utc("2026-11-18T00:30:00Z")).verdict, Verdict::Allowed);
    assert_eq!(check(&lead("+13055550142"), &s, CALL, utc("2026-11-18T01:00:00Z")).verdict, Verdict::Rescheduled);
}

#[test]
fn revocation_consent_strength_and_dnc_block_outright() {
    let now = utc("2026-11-18T17:00:00Z");
    let revoked = history(
        ConsentKind::ExpressWritten,
        vec![(
            utc("2026-11-18T16:00:00Z"),
            Event::ConsentRevoked {
                channel: None,
                consent_ids: vec![],
                via: Some(Channel::Sms),
                text: Some("stop".into()),
            },
        )],
    );
    let d = check(&lead("+12125550100"), &revoked, CALL, now);
    assert_eq!((d.verdict, d.at), (Verdict::Blocked, None));
    assert!(failed(&d).contains(&"internal_dnc") && failed(&d).contains(&"consent_voice"));

    let weak = history(ConsentKind::Express, vec![]);
    assert_eq!(failed(&check(&lead("+12125550100"), &weak, CALL, now)), ["consent_voice"]);
    let manual = Contact { automated: false, ..CALL };
    assert_eq!(
        check(&lead("+12125550100"), &weak, manual, now).verdict,
        Verdict::Allowed,
        "a person may call on express consent"
    );

    let mut listed = lead("+12125550100");
    listed.national_dnc = Some(DncCheck { listed: true, checked_at: now - Duration::days(3) });
    assert_eq!(check(&listed, &weak, manual, now).verdict, Verdict::Blocked, "listed, no written consent");
    assert_eq!(check(&listed, &history(ConsentKind::ExpressWritten, vec![]), CALL, now).verdict, Verdict::Allowed);
    listed.national_dnc = Some(DncCheck { listed: false, checked_at: now - Duration::days(40) });
    assert_eq!(failed(&check(&listed, &weak, manual, now)), ["national_dnc"], "stale scrub");
}

#[test]
fn florida_allows_three_calls_a_day_then_waits_for_the_first_to_age_out() {
    let first = utc("2026-11-18T14:00:00Z");
    let mut events = call(first);
    events.extend(call(first + Duration::hours(2)));
    events.extend(call(first + Duration::hours(4)));
    let s = history(ConsentKind::ExpressWritten, events);
    let d = check(&lead("+13055550142"), &s, CALL, first + Duration::hours(5));
    assert_eq!(d.verdict, Verdict::Rescheduled);
    assert_eq!(d.at, Some(first + Duration::hours(24)));
    let cap = d.reasons.iter().find(|r| r.rule == "state_cap_FL").unwrap();
    assert_eq!((cap.passed, cap.inputs["count"].as_u64()), (false, Some(3)));
    // New York has no such cap.
    assert_eq!(check(&lead("+12125550100"), &s, CALL, first + Duration::hours(5)).verdict, Verdict::Allowed);
}

#[test]
fn a_call_right_after_a_text_waits_for_the_gap_unless_the_lead_asked() {
    let sent = utc("2026-11-18T17:00:00Z");
    let s = history(ConsentKind::ExpressWritten, vec![sms_sent(sent)]);
    let d = check(&lead("+12125550100"), &s, CALL, sent + Duration::seconds(30));
    assert_eq!((d.verdict, d.at), (Verdict::Rescheduled, Some(sent + Duration::seconds(120))));
    let asked =
        check(&lead("+12125550100"), &s, Contact { lead_requested: true, ..CALL }, sent + Duration::seconds(30));
    assert_eq!(asked.verdict, Verdict::Allowed);
}

#[test]
fn marketing_sms_caps_skip_conversational_replies() {
    let start = utc("2026-11-01T17:00:00Z");
    let s = history(ConsentKind::ExpressWritten, (0..4).map(|i| sms_sent(start + Duration::days(i))).collect());
    let now = start + Duration::days(5);
    let d = check(&lead("+12125550100"), &s, SMS, now);
    assert_eq!((d.verdict, d.at), (Verdict::Rescheduled, Some(start + Duration::days(30))));
    let reply = check(&lead("+12125550100"), &s, Contact { conversational: true, ..SMS }, now);
    assert_eq!(reply.verdict, Verdict::Allowed);
}

#[test]
fn alabama_has_no_sundays_or_holidays_and_a_call_in_progress_blocks_sms() {
    // Sunday 2026-11-22 at noon in Birmingham (CST).
    let s = history(ConsentKind::ExpressWritten, vec![]);
    let d = check(&lead("+12055550100"), &s, CALL, utc("2026-11-22T18:00:00Z"));
    assert_eq!(d.at, Some(utc("2026-11-23T14:00:00Z")), "Monday 08:00");
    // Thanksgiving 2026-11-26 → Friday.
    let t = check(&lead("+12055550100"), &s, CALL, utc("2026-11-26T18:00:00Z"));
    assert_eq!(t.at, Some(utc("2026-11-27T14:00:00Z")));

    let on_call = history(
        ConsentKind::ExpressWritten,
        vec![(
            utc("2026-11-18T17:00:00Z"),
            Event::CallPlaced { call_id: CallId::new(), provider: None, provider_call_id: None },
        )],
    );
    assert_eq!(
        failed(&check(&lead("+12125550100"), &on_call, SMS, utc("2026-11-18T17:05:00Z"))),
        ["one_channel_at_a_time"]
    );
}

#[test]
fn campaign_windows_narrow_the_law_and_dst_mornings_open_at_local_eight() {
    let campaign = CampaignPolicy::from_json(
        &serde_json::json!({"start": "10:00", "end": "20:00", "weekends": false}),
        &serde_json::json!({}),
    )
    .unwrap();
    let gate = Gate { rules: &Rules::default(), campaign: &campaign };
    let s = history(ConsentKind::ExpressWritten, vec![]);
    // Saturday 2026-11-21 09:00 EST → Monday 10:00 EST.
    let d = gate.check(&lead("+12125550100"), &s, &SMS, utc("2026-11-21T14:00:00Z"));
    assert_eq!(d.at, Some(utc("2026-11-23T15:00:00Z")));
    // Spring forward: Sunday 2026-03-08 02:00 → 03:00 in New York. 07:00 EDT Monday is 11:00 UTC;
    // the window opens at 08:00 EDT = 12:00 UTC (it was 13:00 UTC the week before).
    let d = check(&lead("+12125550100"), &s, SMS, utc("2026-03-09T11:00:00Z"));
    assert_eq!(d.at, Some(utc("2026-03-09T12:00:00Z")));
}

// ---------------------------------------------------------------------------------------------
// Properties, against an oracle written independently of the gate.
// ---------------------------------------------------------------------------------------------

/// Does every rule allow contact at `t`? The audit re-derives each rule naively, apart from
/// the gate's search.
fn oracle_allows(
    l: &LeadContext,
    s: &ConversationState,
    c: &Contact,
    rules: &Rules,
    campaign: &CampaignPolicy,
    t: DateTime<Utc>,
) -> bool {
    policy::audit(rules, campaign, l, s, c, t).is_empty()
}

const NUMBERS: [&str; 12] = [
    "+12125550100",
    "+13055550142",
    "+18505550100",
    "+12085550100",
    "+19075550100",
    "+18085550100",
    "+16025550100",
    "+12055550100",
    "+14105550100",
    "+16015550100",
    "+17015550100",
    "+442079460958",
];
const ZONES: [&str; 6] = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "Pacific/Honolulu",
];

fn scenario() -> impl Strategy<Value = (LeadContext, ConversationState, Contact, DateTime<Utc>)> {
    (
        0..NUMBERS.len(),
        proptest::option::of(0..ZONES.len()),
        // Minutes from 2026-01-01 over two years: crosses four DST changes in every US zone.
        0i64..(2 * 365 * 24 * 60),
        prop::collection::vec((0u8..3, 0i64..(40 * 24 * 60)), 0..8),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(|(n, tz, minute, attempts, (sms, conversational, lead_requested))| {
            let now = utc("2026-01-01T00:00:00Z") + Duration::minutes(minute) + Duration::seconds(minute % 60);
            let mut l = lead(NUMBERS[n]);
            l.timezone = tz.map(|i| TimeZone::parse(ZONES[i]).unwrap());
            let mut events: Vec<(DateTime<Utc>, Event)> = Vec::new();
            let mut times: Vec<(u8, DateTime<Utc>)> =
                attempts.into_iter().map(|(k, ago)| (k, now - Duration::minutes(ago))).collect();
            times.sort_by_key(|(_, t)| *t);
            for (k, t) in times {
                match k {
                    0 => events.push(sms_sent(t)),
                    1 => events.extend(call(t).into_iter().filter(|(at, _)| *at <= now)),
                    _ => events.push((
                        t,
                        Event::SmsSent {
                            message_id: MessageId::new(),
                            body: "re".into(),
                            source: MessageSource::SmsAgent,
                            provider: None,
                            provider_message_id: None,
                            transactional: false,
                        },
                    )),
                }
            }
            events.sort_by_key(|(t, _)| *t);
            let s = history(ConsentKind::ExpressWritten, events);
            let c = Contact {
                channel: if sms { Channel::Sms } else { Channel::Voice },
                automated: true,
                conversational,
                lead_requested,
            };
            (l, s, c, now)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_gate_never_allows_what_a_rule_forbids_and_reschedules_to_the_earliest_instant((l, s, c, now) in scenario()) {
        let rules = Rules::default();
        let campaign = CampaignPolicy::default();
        let d = Gate { rules: &rules, campaign: &campaign }.check(&l, &s, &c, now);
        if s.calls.active.is_some() {
            prop_assert_eq!(d.verdict, Verdict::Blocked);
            return Ok(());
        }
        match d.verdict {
            Verdict::Allowed => {
                prop_assert_eq!(d.at, Some(now));
                prop_assert!(oracle_allows(&l, &s, &c, &rules, &campaign, now), "allowed but a rule forbids: {:?}", d.reasons);
            }
            Verdict::Rescheduled => {
                let at = d.at.unwrap();
                prop_assert!(at > now);
                prop_assert!(oracle_allows(&l, &s, &c, &rules, &campaign, at), "rescheduled into a forbidden instant {}", at);
                // Earliest: no earlier instant is allowed. Every rule boundary is a whole minute or
                // an attempt time plus a whole number of seconds, so checking each second-aligned
                // instant in the last minute before `at` and every minute before that is exact.
                prop_assert!(!oracle_allows(&l, &s, &c, &rules, &campaign, now), "rescheduled although allowed now");
                let mut t = now.with_second(0).unwrap().with_nanosecond(0).unwrap() + Duration::minutes(1);
                while t < at - Duration::minutes(1) {
                    prop_assert!(!oracle_allows(&l, &s, &c, &rules, &campaign, t), "{} allowed before {}", t, at);
                    t += Duration::minutes(1);
                }
                let mut t = (at - Duration::minutes(1)).max(now);
                while t < at {
                    prop_assert!(!oracle_allows(&l, &s, &c, &rules, &campaign, t), "{} allowed before {}", t, at);
                    t += Duration::seconds(1);
                }
            }
            Verdict::Blocked => {
                prop_assert!(d.reasons.iter().any(|r| !r.passed));
            }
        }
        // Every decision names every rule it consulted.
        for rule in ["internal_dnc", "national_dnc", "one_channel_at_a_time", "contact_window", "channel_gap"] {
            prop_assert!(d.reasons.iter().any(|r| r.rule == rule), "missing {}", rule);
        }
    }

    #[test]
    fn revoked_consent_is_never_contacted((l, s, c, now) in scenario(), revoke_all in any::<bool>()) {
        let mut state = s;
        let record = EventRecord {
            conversation_id: ConversationId::new(),
            seq: state.last_seq.next(),
            at: now,
            recorded_at: now,
            event: Event::ConsentRevoked { channel: if revoke_all { None } else { Some(c.channel) }, consent_ids: vec![], via: Some(Channel::Sms), text: None },
        };
        state.apply(&record).unwrap();
        let d = Gate { rules: &Rules::default(), campaign: &CampaignPolicy::default() }.check(&l, &state, &c, now);
        prop_assert_eq!(d.verdict, Verdict::Blocked);
        prop_assert_eq!(d.at, None);
    }
}
