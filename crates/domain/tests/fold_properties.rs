//! Properties of the fold and the summary over random timelines.

use chrono::{DateTime, Duration, Utc};
use domain::state::{OPEN_QUESTIONS, RECENT_LINES};
use domain::summary::{LINE_WIDTH, SUMMARY_LINES};
use domain::vocab::{ActionKind, CallOutcome, ConsentKind, DeliveryStatus, MessageSource};
use domain::{
    ActionId, CallId, CampaignId, Channel, ConsentId, ConversationId, ConversationState, ConversationStatus, E164,
    Event, EventRecord, LeadId, LeadSnapshot, MessageId, Role, Seq, Slot, TransferSummary,
};
use proptest::prelude::*;
use serde_json::json;

fn start() -> DateTime<Utc> {
    "2026-03-08T06:00:00Z".parse().unwrap()
}

/// One random event; ids come from small pools so statuses, cancellations and call ends refer
/// to things that exist.
fn event() -> impl Strategy<Value = Event> {
    let text = prop_oneof![
        Just("call me".to_owned()),
        Just("how much is it?".to_owned()),
        Just("STOP".to_owned()),
        "[a-zA-Z ?¿é😀]{0,300}",
    ];
    let channel = prop_oneof![Just(Channel::Sms), Just(Channel::Voice)];
    let role = prop_oneof![Just(Role::Lead), Just(Role::Ai), Just(Role::Agent)];
    prop_oneof![
        (text.clone(), 0u8..4).prop_map(|(body, m)| Event::SmsSent {
            message_id: message(m),
            body,
            source: MessageSource::System,
            provider: None,
            provider_message_id: None,
            transactional: false
        }),
        text.clone().prop_map(|body| Event::SmsReceived {
            message_id: MessageId::new(),
            body,
            provider: None,
            provider_message_id: None,
            media_count: 0,
            keyword: None
        }),
        (0u8..4, 0usize..7).prop_map(|(m, s)| Event::SmsStatus {
            message_id: message(m),
            status: DeliveryStatus::ALL[s],
            error_code: None
        }),
        (channel.clone(), role, text, any::<bool>()).prop_map(|(channel, role, text, heard)| Event::TranscriptTurn {
            channel,
            role,
            text,
            call_id: None,
            heard,
            mark: None
        }),
        Just(Event::CallPlaced { call_id: call(), provider: None, provider_call_id: None }),
        (0usize..5).prop_map(|o| Event::CallEnded {
            call_id: call(),
            outcome: CallOutcome::ALL[o],
            duration_secs: 30,
            reason: None
        }),
        ("[a-z]{1,8}", "[a-z ]{1,40}").prop_map(|(slot, value)| Event::FactLearned {
            slot: Slot::parse(&slot).unwrap(),
            value: json!(value),
            confidence: None,
            source_turn: None
        }),
        (channel.clone()).prop_map(|channel| Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel,
            kind: ConsentKind::ExpressWritten,
            source: "form".into()
        }),
        proptest::option::of(channel).prop_map(|channel| Event::ConsentRevoked {
            channel,
            consent_ids: vec![],
            via: Some(Channel::Sms),
            text: None
        }),
        (0u8..3, 0i64..10_000).prop_map(|(a, minutes)| Event::ActionScheduled {
            action_id: action(a),
            kind: ActionKind::SendSms,
            channel: Some(Channel::Sms),
            due_at: start() + Duration::minutes(minutes),
            idempotency_key: format!("k{a}"),
            step: None
        }),
        (0u8..3).prop_map(|a| Event::ActionCancelled { action_id: action(a), reason: "test".into() }),
        (0usize..7).prop_map(|s| Event::StatusChanged {
            status: ConversationStatus::ALL[s],
            by: "api:test".into(),
            note: None
        }),
        Just(Event::HandoffRequested { reason: "pricing".into(), by: Role::Ai }),
        Just(Event::HandoffAccepted { agent: "a1".into() }),
    ]
}

fn uuid(kind: u8, n: u8) -> uuid::Uuid {
    uuid::Uuid::from_bytes([kind, n, 0, 0, 0, 0, 0x70, 0, 0x80, 0, 0, 0, 0, 0, 0, 1])
}
fn message(n: u8) -> MessageId {
    MessageId::from_uuid(uuid(1, n))
}
fn action(n: u8) -> ActionId {
    ActionId::from_uuid(uuid(2, n))
}
fn call() -> CallId {
    CallId::from_uuid(uuid(3, 0))
}

fn records(events: Vec<Event>) -> Vec<EventRecord> {
    let id = ConversationId::from_uuid(uuid(4, 0));
    let lead = Event::LeadCreated {
        lead: LeadSnapshot {
            lead_id: LeadId::from_uuid(uuid(5, 0)),
            campaign_id: CampaignId::from_uuid(uuid(6, 0)),
            first_name: "Maria".into(),
            last_name: None,
            phone: E164::parse("+13055550142").unwrap(),
            timezone: None,
            state: None,
            source: domain::LeadSource::Form,
        },
    };
    std::iter::once(lead)
        .chain(events)
        .enumerate()
        .map(|(i, event)| EventRecord {
            conversation_id: id,
            seq: Seq(i as u64 + 1),
            at: start() + Duration::seconds(i as i64 * 37),
            recorded_at: start(),
            event,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn incremental_apply_equals_batch_fold(events in prop::collection::vec(event(), 0..120), split in 0usize..120) {
        let recs = records(events);
        let split = split.min(recs.len());
        let whole = ConversationState::fold(&recs).unwrap();
        let mut partial = ConversationState::fold(&recs[..split]).unwrap();
        for r in &recs[split..] {
            partial.apply(r).unwrap();
        }
        prop_assert_eq!(&partial, &whole);
        prop_assert_eq!(whole.last_seq, Seq(recs.len() as u64));
    }

    #[test]
    fn state_stays_bounded_and_consistent(events in prop::collection::vec(event(), 0..200)) {
        let state = ConversationState::fold(&records(events.clone())).unwrap();
        prop_assert!(state.recent.len() <= RECENT_LINES);
        prop_assert!(state.open_questions.len() <= OPEN_QUESTIONS);
        prop_assert!(state.channels_used.len() <= 2);
        prop_assert_eq!(state.first_channel, state.channels_used.first().copied());
        // A revocation of every channel, not followed by a new grant, always means opted out.
        let last_revoke_all = events.iter().rposition(|e| matches!(e, Event::ConsentRevoked { channel: None, .. }));
        if let Some(i) = last_revoke_all {
            let regranted = events[i..].iter().any(|e| matches!(e, Event::ConsentGranted { .. }));
            if !regranted {
                prop_assert!(state.opted_out());
                prop_assert!(state.consent.values().all(|c| !c.granted()));
            }
        }
        // Timers pending are exactly those scheduled and not cancelled since.
        for a in 0..3u8 {
            let id = action(a);
            let last = events.iter().rev().find_map(|e| match e {
                Event::ActionScheduled { action_id, .. } if *action_id == id => Some(true),
                Event::ActionCancelled { action_id, .. } if *action_id == id => Some(false),
                _ => None,
            });
            prop_assert_eq!(state.pending.contains_key(&id), last == Some(true));
        }
    }

    #[test]
    fn summaries_are_always_short(events in prop::collection::vec(event(), 0..150)) {
        let state = ConversationState::fold(&records(events)).unwrap();
        let summary = TransferSummary::build(&state);
        let lines: Vec<&str> = summary.text.lines().collect();
        prop_assert!(!lines.is_empty() && lines.len() <= SUMMARY_LINES, "{}", summary.text);
        prop_assert!(lines.iter().all(|l| l.chars().count() <= LINE_WIDTH), "{}", summary.text);
        prop_assert!(summary.headline.chars().count() <= LINE_WIDTH);
        prop_assert!(summary.last_messages.len() <= domain::summary::LAST_MESSAGES);
    }

    #[test]
    fn events_survive_their_storage_form(events in prop::collection::vec(event(), 1..40)) {
        for r in records(events) {
            let stored = serde_json::to_vec(&r.event).unwrap();
            prop_assert_eq!(serde_json::from_slice::<Event>(&stored).unwrap(), r.event);
        }
    }
}
