//! The pure cost of the timeline hot path: turning an event into its stored JSON (what an
//! append serialises), reading it back, applying it to a state, folding a whole timeline,
//! and building the transfer summary.
//!
//! `cargo bench -p throughline-domain --bench timeline`

use chrono::{DateTime, Duration, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use domain::vocab::{CallOutcome, ConsentKind, MessageSource};
use domain::{
    CallId, CampaignId, Channel, ConsentId, ConversationId, ConversationState, E164, Event, EventRecord, LeadId,
    LeadSnapshot, MessageId, Role, Seq, Slot, TransferSummary,
};
use serde_json::json;
use std::hint::black_box;

fn start() -> DateTime<Utc> {
    "2026-11-20T15:00:00Z".parse().unwrap()
}

/// A realistic mixed conversation of `n` events: texts, a call with transcript, facts.
fn timeline(n: usize) -> Vec<EventRecord> {
    let id = ConversationId::new();
    let call = CallId::new();
    let mut events = vec![
        Event::LeadCreated {
            lead: LeadSnapshot {
                lead_id: LeadId::new(),
                campaign_id: CampaignId::new(),
                first_name: "Maria".into(),
                last_name: Some("Lopez".into()),
                phone: E164::parse("+13055550142").unwrap(),
                timezone: None,
                state: None,
                source: domain::LeadSource::Form,
            },
        },
        Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel: Channel::Sms,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        },
    ];
    let mut i = 0;
    while events.len() < n {
        events.push(match i % 6 {
            0 => Event::SmsSent {
                message_id: MessageId::new(),
                body: "Hi Maria, it's Ava from Acme Solar. Still interested?".into(),
                source: MessageSource::SmsAgent,
                provider: None,
                provider_message_id: None,
                transactional: false,
            },
            1 => Event::SmsReceived {
                message_id: MessageId::new(),
                body: "yes! how much would it cost for my roof?".into(),
                provider: None,
                provider_message_id: Some(format!("SM{i}")),
                media_count: 0,
                keyword: None,
            },
            2 => Event::TranscriptTurn {
                channel: Channel::Voice,
                role: Role::Lead,
                text: "We'd want it done before summer, budget around twenty thousand".into(),
                call_id: Some(call),
                heard: true,
                mark: None,
            },
            3 => Event::TranscriptTurn {
                channel: Channel::Voice,
                role: Role::Ai,
                text: "Great, a specialist can walk you through financing options.".into(),
                call_id: Some(call),
                heard: i % 12 != 3,
                mark: None,
            },
            4 => Event::FactLearned {
                slot: Slot::parse(["need", "timeline", "budget"][i % 3]).unwrap(),
                value: json!("rooftop solar"),
                confidence: Some(0.9),
                source_turn: Some(Seq(3)),
            },
            _ => Event::CallEnded { call_id: call, outcome: CallOutcome::Human, duration_secs: 95, reason: None },
        });
        i += 1;
    }
    events
        .into_iter()
        .enumerate()
        .map(|(k, event)| EventRecord {
            conversation_id: id,
            seq: Seq(k as u64 + 1),
            at: start() + Duration::seconds(k as i64),
            recorded_at: start(),
            event,
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let records = timeline(200);
    let turn = records.iter().find(|r| r.event.kind() == "transcript_turn").unwrap().clone();
    let stored = serde_json::to_vec(&turn.event).unwrap();

    c.bench_function("append/serialise_event", |b| b.iter(|| serde_json::to_vec(black_box(&turn.event)).unwrap()));
    c.bench_function("append/deserialise_event", |b| {
        b.iter(|| serde_json::from_slice::<Event>(black_box(&stored)).unwrap())
    });

    let prefix = ConversationState::fold(&records[..199]).unwrap();
    let last = records[199].clone();
    c.bench_function("fold/apply_one_event_to_200_event_state", |b| {
        b.iter_batched(
            || prefix.clone(),
            |mut s| {
                s.apply(black_box(&last)).unwrap();
                s
            },
            BatchSize::SmallInput,
        )
    });
    for n in [20, 200, 2_000] {
        let records = timeline(n);
        c.bench_function(&format!("fold/whole_timeline_{n}"), |b| {
            b.iter(|| ConversationState::fold(black_box(&records)).unwrap())
        });
    }
    let state = ConversationState::fold(&records).unwrap();
    c.bench_function("summary/build_from_200_event_state", |b| b.iter(|| TransferSummary::build(black_box(&state))));
}

criterion_group!(timeline_benches, benches);
criterion_main!(timeline_benches);
