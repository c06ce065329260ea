//! The storage contract: one set of assertions that every adapter pair must satisfy.
//!
//! Each contract is a plain async function over [`Stores`] (or over a [`TestBackend`] when it
//! has to reopen the stores). The `contracts!` macro at the bottom runs every one of them twice:
//! in `embedded` (SQLite file + in-process hot state) and in `production` (Postgres schema +
//! Redis prefix; skipped off CI without `DATABASE_URL` and `REDIS_URL`, required with `CI=true`).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use domain::vocab::ActionKind;
use domain::{
    ActionId, ApiKeyId, Campaign, CampaignId, CampaignInput, Channel, ConversationId, ConversationStatus, Event,
    EventRecord, LeadInput, LeadSnapshot, NewEvent, NewLead, Seq,
};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use serde_json::json;
use store::testing::{Kind, TestBackend};
use store::ts::Ts;
use store::{
    ApiKeyRecord, AppendOutcome, AppendRequest, Backend, CARRIER_EVENT, Completion, Finish, HotState, LockToken,
    NewAction, NewOutbox, Presence, Queue, Store, StoreError, Stores, decide_and_append,
};
use throughline_store as store;

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// Now, at the precision both databases keep (microseconds), so values compare equal after a
/// round trip.
fn now() -> DateTime<Utc> {
    Ts::truncated(Utc::now())
}

/// Now at millisecond precision (what the Redis timer index keeps).
fn now_ms() -> DateTime<Utc> {
    Utc.timestamp_millis_opt(Utc::now().timestamp_millis()).single().expect("valid time")
}

fn secs(n: i64) -> chrono::Duration {
    chrono::Duration::seconds(n)
}

fn campaign() -> Campaign {
    serde_json::from_value::<CampaignInput>(json!({
        "name": "Contract suite",
        "persona": {"name": "Ava", "company": "Acme Solar"},
        "cadence": {"strategy": "text_first", "steps": [{"channel": "sms"}, {"wait": "PT10M"}]},
        "caps": {"sms_per_day": 3},
        "sms": {"provider": "sandbox", "from_number": "+14155550100"},
    }))
    .expect("campaign json")
    .parse(now())
    .expect("valid campaign")
}

fn new_lead(campaign_id: CampaignId) -> NewLead {
    serde_json::from_value::<LeadInput>(json!({
        "campaign_id": campaign_id.to_string(),
        "phone": "+1 (305) 555-0142",
        "first_name": "Maria",
        "last_name": "Lopez",
        "timezone": "America/New_York",
        "state": "FL",
        "source": "form",
        // Listed newest first: the ledger must come back oldest first.
        "consent": [
            {"channel": "voice", "kind": "express", "text": "You may call me.", "captured_at": "2026-01-02T10:00:00Z"},
            {"channel": "sms", "kind": "express_written", "text": "I agree to texts.",
             "captured_at": "2026-01-01T10:00:00Z", "url": "https://acme.example/q", "ip": "203.0.113.9"},
        ],
        "attributes": {"product": "solar", "score": 7},
    }))
    .expect("lead json")
    .parse(now())
    .expect("valid lead")
}

/// `LeadCreated` followed by one `ConsentGranted` per ledger row.
fn opening(new: &NewLead) -> Vec<NewEvent> {
    let at = new.lead.created_at;
    let mut events = vec![NewEvent::new(at, Event::LeadCreated { lead: LeadSnapshot::from(&new.lead) })];
    events.extend(new.consent.iter().map(|c| {
        NewEvent::new(
            at,
            Event::ConsentGranted { consent_id: c.id, channel: c.channel, kind: c.kind, source: c.source.clone() },
        )
    }));
    events
}

/// A campaign and one lead with its conversation, opened with three events.
struct Fixture {
    lead: NewLead,
    conv: ConversationId,
    opening: Vec<EventRecord>,
}

impl Fixture {
    fn head(&self) -> Seq {
        self.opening.last().expect("opening events").seq
    }
}

async fn fixture(store: &dyn Store) -> Fixture {
    let campaign = campaign();
    store.create_campaign(&campaign).await.expect("create campaign");
    let lead = new_lead(campaign.id);
    let opening = store.create_lead(&lead, &opening(&lead)).await.expect("create lead");
    Fixture { conv: lead.lead.conversation_id, lead, opening }
}

/// An event carrying a label, to tell appends apart. Its time has nanoseconds on purpose: the
/// records an append returns must equal what is read back, whatever precision the database keeps.
fn note(label: impl Into<String>) -> NewEvent {
    NewEvent::new(
        Utc::now(),
        Event::IntentDetected { intent: label.into(), confidence: Some(0.5), channel: Some(Channel::Sms) },
    )
}

/// The labels of the `note` events in a timeline, in order.
fn labels(timeline: &[EventRecord]) -> Vec<String> {
    timeline
        .iter()
        .filter_map(|r| match &r.event {
            Event::IntentDetected { intent, .. } => Some(intent.clone()),
            _ => None,
        })
        .collect()
}

async fn timeline(store: &dyn Store, conv: ConversationId) -> Vec<EventRecord> {
    store.load(conv).await.expect("load").expect("conversation exists").timeline
}

fn assert_gap_free(timeline: &[EventRecord], conv: ConversationId) {
    let seqs: Vec<u64> = timeline.iter().map(|r| r.seq.0).collect();
    let expected: Vec<u64> = (1..=timeline.len() as u64).collect();
    assert_eq!(seqs, expected, "timeline must be numbered 1..=N without gaps or duplicates");
    assert!(timeline.iter().all(|r| r.conversation_id == conv), "every record belongs to the conversation");
}

fn appended(outcome: AppendOutcome) -> (Vec<EventRecord>, Vec<ActionId>) {
    match outcome {
        AppendOutcome::Appended { records, cancelled } => (records, cancelled),
        other => panic!("expected Appended, got {other:?}"),
    }
}

fn timer(key: &str, due_at: DateTime<Utc>) -> NewAction {
    NewAction {
        id: ActionId::new(),
        kind: "send_sms".into(),
        channel: Some("sms".into()),
        due_at,
        idempotency_key: key.into(),
        payload: json!({"step": key}),
    }
}

fn scheduled(a: &NewAction) -> NewEvent {
    NewEvent::new(
        now(),
        Event::ActionScheduled {
            action_id: a.id,
            kind: ActionKind::SendSms,
            channel: Some(Channel::Sms),
            due_at: a.due_at,
            idempotency_key: a.idempotency_key.clone(),
            step: None,
        },
    )
}

fn outbox(key: &str, available_at: DateTime<Utc>) -> NewOutbox {
    NewOutbox {
        id: ActionId::new(),
        kind: "send_sms".into(),
        idempotency_key: key.into(),
        payload: json!({"to": "+13055550142", "body": key}),
        available_at,
    }
}

/// Appends timers with their `ActionScheduled` events, as the router does.
async fn schedule(store: &dyn Store, conv: ConversationId, timers: &[NewAction]) -> Vec<EventRecord> {
    let request = AppendRequest {
        events: timers.iter().map(scheduled).collect(),
        schedule: timers.to_vec(),
        ..AppendRequest::default()
    };
    appended(store.append(conv, request).await.expect("schedule timers")).0
}

async fn enqueue(store: &dyn Store, conv: ConversationId, rows: &[NewOutbox]) {
    let request = AppendRequest { events: vec![note("enqueue")], outbox: rows.to_vec(), ..AppendRequest::default() };
    appended(store.append(conv, request).await.expect("enqueue outbox"));
}

fn set(ids: impl IntoIterator<Item = ActionId>) -> BTreeSet<ActionId> {
    ids.into_iter().collect()
}

const LEASE: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// 1. Campaigns, leads, consent
// ---------------------------------------------------------------------------------------------

async fn campaign_round_trip(stores: &Stores) {
    let store = &*stores.store;
    let c = campaign();
    assert_eq!(store.campaign(c.id).await.unwrap(), None);
    store.create_campaign(&c).await.unwrap();
    assert_eq!(store.campaign(c.id).await.unwrap(), Some(c.clone()));
    assert_eq!(store.campaign(CampaignId::new()).await.unwrap(), None);
    // Ids are keys: a second campaign with the same id is refused.
    assert!(store.create_campaign(&c).await.is_err(), "duplicate campaign id must fail");
}

async fn lead_is_created_with_consent_and_opening_events(stores: &Stores) {
    let store = &*stores.store;
    let campaign = campaign();
    store.create_campaign(&campaign).await.unwrap();
    let new = new_lead(campaign.id);
    let lead = &new.lead;
    let events = opening(&new);
    let records = store.create_lead(&new, &events).await.expect("create lead");

    assert_eq!(records.len(), 3);
    for (i, (record, event)) in records.iter().zip(&events).enumerate() {
        assert_eq!(record.seq, Seq(i as u64 + 1));
        assert_eq!(record.conversation_id, lead.conversation_id);
        assert_eq!(record.event, event.event);
        assert_eq!(record.at, event.at);
    }
    // What create_lead returned is what the timeline holds.
    assert_eq!(store.events(lead.conversation_id, Seq(0), 100).await.unwrap(), records);

    let got = store.lead(lead.id).await.unwrap().expect("lead stored");
    assert_eq!(&got.lead, lead);
    assert_eq!(got.status, ConversationStatus::InProgress);
    assert_eq!(got.last_seq, Seq(3));
    // The ledger comes back oldest first.
    let mut ledger = new.consent.clone();
    ledger.sort_by_key(|c| c.captured_at);
    assert_eq!(got.consent, ledger);
    assert_eq!(got.consent[0].channel, Channel::Sms);

    let conv = store.conversation(lead.conversation_id).await.unwrap().expect("conversation stored");
    assert_eq!((conv.id, conv.lead_id, conv.campaign_id), (lead.conversation_id, lead.id, campaign.id));
    assert_eq!(conv.created_at, lead.created_at);

    let loaded = store.load(lead.conversation_id).await.unwrap().expect("loaded");
    assert_eq!(loaded.timeline, records);
    assert_eq!(loaded.state.last_seq, Seq(3));
    assert_eq!(loaded.state.lead.as_ref().map(|l| l.lead_id), Some(lead.id));
    assert!(loaded.state.consent[&Channel::Sms].granted());
    assert!(loaded.state.consent[&Channel::Voice].granted());

    assert_eq!(store.lead(domain::LeadId::new()).await.unwrap(), None);
    assert!(store.conversation(ConversationId::new()).await.unwrap().is_none());
}

async fn lead_for_unknown_campaign_writes_nothing(stores: &Stores) {
    let store = &*stores.store;
    // Another campaign exists, so the check is by id, not "any campaign".
    store.create_campaign(&campaign()).await.unwrap();
    let new = new_lead(CampaignId::new());
    match store.create_lead(&new, &opening(&new)).await {
        Err(StoreError::UnknownCampaign) => {}
        other => panic!("expected UnknownCampaign, got {other:?}"),
    }
    assert_eq!(store.lead(new.lead.id).await.unwrap(), None);
    assert!(store.conversation(new.lead.conversation_id).await.unwrap().is_none());
    assert!(store.events(new.lead.conversation_id, Seq(0), 10).await.unwrap().is_empty());
    // Nothing half-written blocks a later, valid attempt with the same ids.
    let campaign = campaign();
    store.create_campaign(&campaign).await.unwrap();
    let mut retry = new.clone();
    retry.lead.campaign_id = campaign.id;
    store.create_lead(&retry, &opening(&retry)).await.expect("same lead, existing campaign");
    assert_eq!(store.lead(retry.lead.id).await.unwrap().map(|l| l.consent.len()), Some(2));
}

// ---------------------------------------------------------------------------------------------
// 2-5. Appends
// ---------------------------------------------------------------------------------------------

async fn concurrent_appends_are_gap_free(stores: &Stores) {
    const TASKS: usize = 50;
    let f = fixture(&*stores.store).await;
    let tasks: Vec<_> = (0..TASKS)
        .map(|i| {
            let store = Arc::clone(&stores.store);
            let conv = f.conv;
            tokio::spawn(async move { store.append(conv, AppendRequest::events(vec![note(format!("t{i}"))])).await })
        })
        .collect();
    let mut returned = Vec::new();
    for task in tasks {
        let (records, cancelled) = appended(task.await.expect("task").expect("append"));
        assert!(cancelled.is_empty());
        assert_eq!(records.len(), 1);
        returned.push(records[0].clone());
    }

    let loaded = stores.store.load(f.conv).await.unwrap().expect("loaded");
    let n = 3 + TASKS;
    assert_eq!(loaded.timeline.len(), n);
    assert_gap_free(&loaded.timeline, f.conv);
    assert_eq!(loaded.state.last_seq, Seq(n as u64));
    let mut got = labels(&loaded.timeline);
    got.sort();
    let mut want: Vec<String> = (0..TASKS).map(|i| format!("t{i}")).collect();
    want.sort();
    assert_eq!(got, want, "every task's event exactly once");
    // Each append reported the position it was actually stored at.
    for record in returned {
        assert_eq!(loaded.timeline[record.seq.0 as usize - 1], record);
    }
    assert_eq!(stores.store.lead(f.lead.lead.id).await.unwrap().unwrap().last_seq, Seq(n as u64));
}

/// Many conversations appended to at once, as concurrent webhooks do (Postgres writes them in
/// shared batches): each conversation stays gap-free, every event lands once and at the position
/// it was reported at, carrier retries point at the first copy, a stale head conflicts and an
/// unknown conversation is not found, whatever else shares the batch.
async fn concurrent_appends_across_conversations_land_once_each(stores: &Stores) {
    const CONVERSATIONS: usize = 8;
    const PER_CONVERSATION: usize = 12;
    let mut fixtures = Vec::new();
    for _ in 0..CONVERSATIONS {
        fixtures.push(fixture(&*stores.store).await);
    }
    let mut tasks = Vec::new();
    for (c, f) in fixtures.iter().enumerate() {
        for i in 0..PER_CONVERSATION {
            let store = Arc::clone(&stores.store);
            let conv = f.conv;
            // Every message is sent twice, as a carrier retry with the same message id.
            let key = format!("SM{c}-{}", i / 2);
            let label = format!("c{c}-m{i}");
            tasks.push(tokio::spawn(async move {
                (key.clone(), store.append(conv, AppendRequest::events(vec![note(label).dedupe(key)])).await)
            }));
        }
        let store = Arc::clone(&stores.store);
        let (conv, stale) = (f.conv, f.opening[0].seq);
        tasks.push(tokio::spawn(async move {
            ("stale".to_owned(), store.append(conv, AppendRequest::events(vec![note("stale")]).expecting(stale)).await)
        }));
    }
    let store = Arc::clone(&stores.store);
    tasks.push(tokio::spawn(async move {
        let unknown = ConversationId::new();
        ("unknown".to_owned(), store.append(unknown, AppendRequest::events(vec![note("unknown")])).await)
    }));

    let mut landed = std::collections::HashMap::new();
    let mut duplicates = Vec::new();
    for task in tasks {
        match task.await.expect("task") {
            (key, Ok(AppendOutcome::Appended { records, .. })) => {
                assert!(landed.insert(key.clone(), records[0].clone()).is_none(), "{key} appended twice");
            }
            (key, Ok(AppendOutcome::Duplicate { seq })) => duplicates.push((key, seq)),
            (key, Err(StoreError::Conflict { .. })) => assert_eq!(key, "stale"),
            (key, Err(StoreError::NotFound(_))) => assert_eq!(key, "unknown"),
            (key, other) => panic!("{key}: {other:?}"),
        }
    }
    for (key, seq) in &duplicates {
        assert_eq!(landed.get(key).map(|r| r.seq), Some(*seq), "a retry of {key} points at the copy that landed");
    }
    for f in &fixtures {
        let tl = timeline(&*stores.store, f.conv).await;
        assert_gap_free(&tl, f.conv);
        let notes = labels(&tl);
        assert!(!notes.contains(&"stale".to_owned()), "a stale head writes nothing");
        let distinct: HashSet<&String> = notes.iter().collect();
        assert_eq!(distinct.len(), notes.len(), "no event twice");
        for record in landed.values().filter(|r| r.conversation_id == f.conv) {
            assert_eq!(&tl[record.seq.0 as usize - 1], record, "reported where it was stored");
        }
        assert_eq!(tl.len(), f.opening.len() + landed.values().filter(|r| r.conversation_id == f.conv).count());
    }
    assert_eq!(landed.len() + duplicates.len(), CONVERSATIONS * PER_CONVERSATION);
    assert_eq!(duplicates.len(), CONVERSATIONS * PER_CONVERSATION / 2, "each retry is answered as a duplicate");
}

async fn events_page_in_order(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let (records, _) = appended(
        store.append(f.conv, AppendRequest::events((0..5).map(|i| note(format!("p{i}"))).collect())).await.unwrap(),
    );
    assert_eq!(records.iter().map(|r| r.seq.0).collect::<Vec<_>>(), vec![4, 5, 6, 7, 8]);
    let page = store.events(f.conv, Seq(4), 2).await.unwrap();
    assert_eq!(page, records[1..3].to_vec());
    assert!(store.events(f.conv, Seq(8), 10).await.unwrap().is_empty());
    // Another conversation's events never leak in.
    let other = fixture(store).await;
    assert_eq!(store.events(other.conv, Seq(0), 100).await.unwrap(), other.opening);
    assert_eq!(store.events(f.conv, Seq(0), 100).await.unwrap().len(), 8);
}

async fn long_timelines_load_across_pages(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let events: Vec<NewEvent> = (0..1_200).map(|i| note(format!("n{i}"))).collect();
    appended(store.append(f.conv, AppendRequest::events(events)).await.unwrap());
    let loaded = store.load(f.conv).await.unwrap().unwrap();
    assert_eq!(loaded.timeline.len(), 1_203);
    assert_gap_free(&loaded.timeline, f.conv);
    assert_eq!(loaded.state.last_seq, Seq(1_203));
}

async fn stale_expected_head_conflicts_and_writes_nothing(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let head = f.head();
    let t = timer(&format!("{}:stale", f.conv), now() - secs(60));
    let o = outbox(&format!("{}:stale-sms", f.conv), now() - secs(60));
    let stale = AppendRequest {
        events: vec![note("stale"), scheduled(&t)],
        schedule: vec![t.clone()],
        outbox: vec![o.clone()],
        ..AppendRequest::default()
    }
    .expecting(Seq(1));
    match store.append(f.conv, stale).await {
        Err(StoreError::Conflict { expected, actual }) => assert_eq!((expected, actual), (Seq(1), head)),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(timeline(store, f.conv).await, f.opening, "a conflicting append writes no events");
    assert_eq!(store.action(t.id).await.unwrap(), None, "nor timers");
    assert_eq!(store.outbox_message(o.id).await.unwrap(), None, "nor outbox rows");
    assert!(store.claim(Queue::Timers, "w", now(), LEASE, 10).await.unwrap().is_empty());
    assert!(store.claim(Queue::Outbox, "w", now(), LEASE, 10).await.unwrap().is_empty());

    // Ahead of the head is a conflict too.
    match store.append(f.conv, AppendRequest::events(vec![note("ahead")]).expecting(Seq(head.0 + 5))).await {
        Err(StoreError::Conflict { expected, actual }) => assert_eq!((expected, actual), (Seq(head.0 + 5), head)),
        other => panic!("expected Conflict, got {other:?}"),
    }

    // The exact head succeeds, and the next caller holding the old head conflicts.
    let (records, _) =
        appended(store.append(f.conv, AppendRequest::events(vec![note("fresh")]).expecting(head)).await.unwrap());
    assert_eq!(records[0].seq, head.next());
    match store.append(f.conv, AppendRequest::events(vec![note("late")]).expecting(head)).await {
        Err(StoreError::Conflict { expected, actual }) => assert_eq!((expected, actual), (head, head.next())),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(labels(&timeline(store, f.conv).await), vec!["fresh"]);
}

async fn decide_and_append_retries_until_every_task_lands(stores: &Stores) {
    const TASKS: u32 = 8;
    let f = fixture(&*stores.store).await;
    let tasks: Vec<_> = (0..TASKS)
        .map(|i| {
            let store = Arc::clone(&stores.store);
            let conv = f.conv;
            tokio::spawn(async move {
                let mut seen = Seq(0);
                let mut decisions = 0u32;
                // Each conflict means another task's append landed in between, so with TASKS
                // tasks appending once each, TASKS attempts always suffice.
                let outcome = decide_and_append(&*store, conv, TASKS, |loaded| {
                    seen = loaded.state.last_seq;
                    decisions += 1;
                    AppendRequest::events(vec![note(format!("d{i}"))])
                })
                .await;
                (outcome, seen, decisions)
            })
        })
        .collect();
    let mut retried = 0;
    for task in tasks {
        let (outcome, seen, decisions) = task.await.expect("task");
        let outcome = outcome.expect("decide_and_append succeeds eventually");
        // The append that landed is the one decided on the head it saw.
        assert_eq!(outcome.last_seq(), Some(seen.next()));
        assert!(decisions >= 1);
        retried += decisions - 1;
    }
    let tl = timeline(&*stores.store, f.conv).await;
    assert_eq!(tl.len(), 3 + TASKS as usize);
    assert_gap_free(&tl, f.conv);
    let mut got = labels(&tl);
    got.sort();
    let mut want: Vec<String> = (0..TASKS).map(|i| format!("d{i}")).collect();
    want.sort();
    assert_eq!(got, want);
    eprintln!("decide_and_append: {retried} retries across {TASKS} tasks");
}

async fn dedupe_key_makes_a_second_append_a_no_op(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let first =
        appended(store.append(f.conv, AppendRequest::events(vec![note("first").dedupe("SM123")])).await.unwrap());
    let seq = first.0[0].seq;
    assert_eq!(seq, f.head().next());
    // Something else lands in between, so "the head" and "the earlier copy" differ.
    appended(store.append(f.conv, AppendRequest::events(vec![note("between")])).await.unwrap());

    let t = timer(&format!("{}:dup", f.conv), now() - secs(1));
    let retry = AppendRequest {
        events: vec![note("unrelated"), note("retry").dedupe("SM123")],
        schedule: vec![t.clone()],
        cancel_pending: Some("superseded".into()),
        ..AppendRequest::default()
    };
    assert_eq!(store.append(f.conv, retry).await.unwrap(), AppendOutcome::Duplicate { seq });
    let tl = timeline(store, f.conv).await;
    assert_eq!(labels(&tl), vec!["first", "between"], "a duplicate writes no events");
    assert_eq!(store.action(t.id).await.unwrap(), None, "nor timers");

    // Carrier retries that arrive at the same time: exactly one lands.
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let store = Arc::clone(&stores.store);
            let conv = f.conv;
            tokio::spawn(async move {
                store.append(conv, AppendRequest::events(vec![note(format!("race-{i}")).dedupe("SM999")])).await
            })
        })
        .collect();
    let mut landed = Vec::new();
    let mut duplicates = Vec::new();
    for task in tasks {
        match task.await.expect("task").expect("append") {
            AppendOutcome::Appended { records, .. } => landed.push(records[0].seq),
            AppendOutcome::Duplicate { seq } => duplicates.push(seq),
        }
    }
    assert_eq!(landed.len(), 1, "one of the racing copies is appended");
    assert_eq!(duplicates, vec![landed[0]; 9], "the others point at it");
    let tl = timeline(store, f.conv).await;
    assert_eq!(labels(&tl).iter().filter(|l| l.starts_with("race-")).count(), 1);
    assert_gap_free(&tl, f.conv);

    // Two events of one request sharing a key is a caller bug, refused before anything is written.
    let before = timeline(store, f.conv).await.len();
    let twice = AppendRequest::events(vec![note("a").dedupe("SM777"), note("b").dedupe("SM777")]);
    assert!(matches!(store.append(f.conv, twice).await, Err(StoreError::InvalidAppend(_))));
    assert_eq!(timeline(store, f.conv).await.len(), before);

    // Dedupe keys are per conversation.
    let other = fixture(store).await;
    let (records, _) =
        appended(store.append(other.conv, AppendRequest::events(vec![note("other").dedupe("SM123")])).await.unwrap());
    assert_eq!(records[0].seq, other.head().next());
}

async fn append_to_unknown_conversation_is_not_found(stores: &Stores) {
    let store = &*stores.store;
    fixture(store).await;
    let ghost = ConversationId::new();
    let t = timer("ghost", now());
    let request = AppendRequest { events: vec![note("x")], schedule: vec![t.clone()], ..AppendRequest::default() };
    match store.append(ghost, request).await {
        Err(StoreError::NotFound(_)) => {}
        other => panic!("expected NotFound, got {other:?}"),
    }
    match store.append(ghost, AppendRequest::events(vec![note("x")]).expecting(Seq(0))).await {
        Err(StoreError::NotFound(_)) => {}
        other => panic!("expected NotFound with expected head, got {other:?}"),
    }
    match decide_and_append(store, ghost, 3, |_| AppendRequest::events(vec![note("x")])).await {
        Err(StoreError::NotFound(_)) => {}
        other => panic!("expected NotFound from decide_and_append, got {other:?}"),
    }
    assert!(store.load(ghost).await.unwrap().is_none());
    assert!(store.events(ghost, Seq(0), 10).await.unwrap().is_empty());
    assert_eq!(store.action(t.id).await.unwrap(), None);
}

// ---------------------------------------------------------------------------------------------
// 6-8. Timers, outbox, cancellation
// ---------------------------------------------------------------------------------------------

async fn timers_are_scheduled_with_their_event_and_deduplicated(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let t0 = now();
    let due = timer(&format!("{}:step-1", f.conv), t0 - secs(60));
    let later = timer(&format!("{}:step-2", f.conv), t0 + secs(3_600));
    let records = schedule(store, f.conv, &[later.clone(), due.clone()]).await;
    assert!(matches!(records[0].event, Event::ActionScheduled { action_id, .. } if action_id == later.id));

    let stored = store.action(due.id).await.unwrap().expect("timer stored");
    assert_eq!(
        (stored.id, stored.conversation_id, stored.kind.as_str(), stored.channel.as_deref()),
        (due.id, f.conv, "send_sms", Some("sms"))
    );
    assert_eq!(
        (stored.due_at, &stored.idempotency_key, &stored.payload),
        (due.due_at, &due.idempotency_key, &due.payload)
    );
    assert_eq!((stored.status.as_str(), stored.attempts, stored.claimed_by.as_deref()), ("pending", 0, None));

    let pending = store.pending_actions(f.conv).await.unwrap();
    assert_eq!(pending.iter().map(|a| a.id).collect::<Vec<_>>(), vec![due.id, later.id], "soonest first");
    let state = store.load(f.conv).await.unwrap().unwrap().state;
    assert_eq!(set(state.pending.keys().copied()), set([due.id, later.id]));

    // The same idempotency key again (a retried decision): one row, the original.
    let again = NewAction { id: ActionId::new(), due_at: t0 - secs(5), ..due.clone() };
    appended(
        store
            .append(
                f.conv,
                AppendRequest { events: vec![note("again")], schedule: vec![again.clone()], ..Default::default() },
            )
            .await
            .unwrap(),
    );
    assert_eq!(store.action(again.id).await.unwrap(), None);
    assert_eq!(store.action(due.id).await.unwrap().unwrap().due_at, due.due_at);
    assert_eq!(store.pending_actions(f.conv).await.unwrap().len(), 2);
}

async fn timer_claim_lease_and_completion(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let t0 = now();
    let due = timer(&format!("{}:due", f.conv), t0 - secs(60));
    let also_due = timer(&format!("{}:also-due", f.conv), t0 - secs(30));
    let later = timer(&format!("{}:later", f.conv), t0 + secs(3_600));
    schedule(store, f.conv, &[due.clone(), also_due.clone(), later.clone()]).await;

    // Only due rows, soonest first up to the limit.
    assert_eq!(store.claim(Queue::Timers, "w1", t0, LEASE, 1).await.unwrap(), vec![due.id]);
    assert_eq!(store.claim(Queue::Timers, "w1", t0, LEASE, 10).await.unwrap(), vec![also_due.id]);
    let claimed = store.action(due.id).await.unwrap().unwrap();
    assert_eq!((claimed.status.as_str(), claimed.attempts, claimed.claimed_by.as_deref()), ("claimed", 1, Some("w1")));
    assert_eq!(store.action(later.id).await.unwrap().unwrap().status, "pending");
    // Timers are not outbox rows.
    assert!(store.claim(Queue::Outbox, "w9", t0 + secs(7_200), LEASE, 10).await.unwrap().is_empty());

    // A claim is exclusive while its lease runs...
    assert!(store.claim(Queue::Timers, "w2", t0 + secs(29), LEASE, 10).await.unwrap().is_empty());
    // ...and another worker takes the row once it expires (w1 crashed).
    let t1 = t0 + secs(31);
    assert_eq!(set(store.claim(Queue::Timers, "w2", t1, LEASE, 10).await.unwrap()), set([due.id, also_due.id]));
    let reclaimed = store.action(due.id).await.unwrap().unwrap();
    assert_eq!(
        (reclaimed.status.as_str(), reclaimed.attempts, reclaimed.claimed_by.as_deref()),
        ("claimed", 2, Some("w2"))
    );

    // The old holder must not report the effect: its completion is refused and changes nothing.
    assert!(!store.complete(Queue::Timers, due.id, "w1", t1, Completion::Done).await.unwrap());
    assert_eq!(store.action(due.id).await.unwrap().unwrap(), reclaimed);

    // Failed: given up, never claimable again.
    assert!(
        store.complete(Queue::Timers, also_due.id, "w2", t1, Completion::Failed { error: "bad".into() }).await.unwrap()
    );
    assert_eq!(store.action(also_due.id).await.unwrap().unwrap().status, "failed");

    // Retry: back to pending at the new time.
    let retry_at = t0 + secs(600);
    let retry = Completion::Retry { at: retry_at, error: "carrier 503".into() };
    assert!(store.complete(Queue::Timers, due.id, "w2", t1, retry).await.unwrap());
    let retried = store.action(due.id).await.unwrap().unwrap();
    assert_eq!((retried.status.as_str(), retried.due_at, retried.claimed_by.as_deref()), ("pending", retry_at, None));
    assert_eq!(retried.attempts, 2);
    assert!(store.claim(Queue::Timers, "w3", retry_at - secs(1), LEASE, 10).await.unwrap().is_empty());
    assert_eq!(store.claim(Queue::Timers, "w3", retry_at, LEASE, 10).await.unwrap(), vec![due.id]);

    // Done: never claimable again, and completing twice is refused.
    assert!(store.complete(Queue::Timers, due.id, "w3", retry_at, Completion::Done).await.unwrap());
    assert_eq!(store.action(due.id).await.unwrap().unwrap().status, "done");
    assert!(!store.complete(Queue::Timers, due.id, "w3", retry_at, Completion::Done).await.unwrap());

    let far = t0 + secs(86_400);
    assert_eq!(store.claim(Queue::Timers, "w4", far, LEASE, 10).await.unwrap(), vec![later.id]);
    assert!(store.complete(Queue::Timers, later.id, "w4", far, Completion::Done).await.unwrap());
    assert!(store.claim(Queue::Timers, "w5", far + secs(86_400), LEASE, 10).await.unwrap().is_empty());
    assert!(store.pending_actions(f.conv).await.unwrap().is_empty());
    // An unknown id is not completed.
    assert!(!store.complete(Queue::Timers, ActionId::new(), "w4", far, Completion::Done).await.unwrap());
}

async fn concurrent_claimers_get_disjoint_rows(stores: &Stores) {
    const ROWS: i64 = 100;
    const WORKERS: usize = 4;
    let f = fixture(&*stores.store).await;
    let t0 = now();
    let timers: Vec<NewAction> =
        (0..ROWS).map(|i| timer(&format!("{}:bulk-{i}", f.conv), t0 - chrono::Duration::milliseconds(i))).collect();
    // Half without events (plain rows), half with: the claim protocol doesn't care.
    let (a, b) = timers.split_at(timers.len() / 2);
    schedule(&*stores.store, f.conv, a).await;
    appended(
        stores
            .store
            .append(f.conv, AppendRequest { events: vec![note("bulk")], schedule: b.to_vec(), ..Default::default() })
            .await
            .unwrap(),
    );

    let tasks: Vec<_> = (0..WORKERS)
        .map(|w| {
            let store = Arc::clone(&stores.store);
            tokio::spawn(async move {
                let worker = format!("worker-{w}");
                let mut mine = Vec::new();
                loop {
                    let batch = store.claim(Queue::Timers, &worker, t0, LEASE, 7).await.expect("claim");
                    if batch.is_empty() {
                        break;
                    }
                    mine.extend(batch);
                    tokio::task::yield_now().await;
                }
                (worker, mine)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut owners = Vec::new();
    for task in tasks {
        let (worker, mine) = task.await.expect("task");
        owners.extend(mine.iter().map(|id| (*id, worker.clone())));
        all.extend(mine);
    }
    let unique: HashSet<ActionId> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "no row was claimed twice");
    assert_eq!(set(all), set(timers.iter().map(|t| t.id)), "every due row was claimed");
    for (id, worker) in owners {
        let row = stores.store.action(id).await.unwrap().unwrap();
        assert_eq!(
            (row.status.as_str(), row.claimed_by.as_deref(), row.attempts),
            ("claimed", Some(worker.as_str()), 1)
        );
    }
}

async fn outbox_claim_protocol(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let t0 = now();
    let ready = outbox(&format!("{}:sms-1", f.conv), t0 - secs(5));
    let held = outbox(&format!("{}:sms-2", f.conv), t0 + secs(120));
    enqueue(store, f.conv, &[ready.clone(), held.clone()]).await;

    let stored = store.outbox_message(ready.id).await.unwrap().expect("outbox row stored");
    assert_eq!(
        (stored.id, stored.conversation_id, stored.kind.as_str(), &stored.idempotency_key, &stored.payload),
        (ready.id, f.conv, "send_sms", &ready.idempotency_key, &ready.payload)
    );
    assert_eq!((stored.status.as_str(), stored.attempts), ("pending", 0));

    // The idempotency key dedupes a second enqueue of the same effect.
    let again = NewOutbox { id: ActionId::new(), ..ready.clone() };
    enqueue(store, f.conv, std::slice::from_ref(&again)).await;
    assert_eq!(store.outbox_message(again.id).await.unwrap(), None);

    // Only available rows; outbox rows are not timers.
    assert!(store.claim(Queue::Timers, "w1", t0 + secs(3_600), LEASE, 10).await.unwrap().is_empty());
    assert_eq!(store.claim(Queue::Outbox, "w1", t0, LEASE, 10).await.unwrap(), vec![ready.id]);
    let claimed = store.outbox_message(ready.id).await.unwrap().unwrap();
    assert_eq!((claimed.status.as_str(), claimed.attempts), ("claimed", 1));
    assert!(store.claim(Queue::Outbox, "w2", t0 + secs(10), LEASE, 10).await.unwrap().is_empty());

    // Lease expiry hands it to another worker; the first may no longer complete it.
    let t1 = t0 + secs(40);
    assert_eq!(store.claim(Queue::Outbox, "w2", t1, LEASE, 10).await.unwrap(), vec![ready.id]);
    assert!(!store.complete(Queue::Outbox, ready.id, "w1", t1, Completion::Done).await.unwrap());
    assert_eq!(store.outbox_message(ready.id).await.unwrap().unwrap().attempts, 2);

    // Retry puts it back, not before its time.
    let retry_at = t1 + secs(60);
    let retry = Completion::Retry { at: retry_at, error: "429".into() };
    assert!(store.complete(Queue::Outbox, ready.id, "w2", t1, retry).await.unwrap());
    assert_eq!(store.outbox_message(ready.id).await.unwrap().unwrap().status, "pending");
    assert!(store.claim(Queue::Outbox, "w3", retry_at - secs(1), LEASE, 10).await.unwrap().is_empty());
    assert_eq!(store.claim(Queue::Outbox, "w3", retry_at, LEASE, 1).await.unwrap(), vec![ready.id]);
    assert!(store.complete(Queue::Outbox, ready.id, "w3", retry_at, Completion::Done).await.unwrap());
    let done = store.outbox_message(ready.id).await.unwrap().unwrap();
    assert_eq!((done.status.as_str(), done.attempts), ("done", 3));

    let far = t0 + secs(86_400);
    assert_eq!(store.claim(Queue::Outbox, "w4", far, LEASE, 10).await.unwrap(), vec![held.id]);
    assert!(
        store
            .complete(Queue::Outbox, held.id, "w4", far, Completion::Failed { error: "invalid".into() })
            .await
            .unwrap()
    );
    assert_eq!(store.outbox_message(held.id).await.unwrap().unwrap().status, "failed");
    assert!(store.claim(Queue::Outbox, "w5", far + secs(86_400), LEASE, 10).await.unwrap().is_empty());
}

async fn cancel_pending_revokes_everything_in_one_append(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let other = fixture(store).await;
    let t0 = now();
    let timers: Vec<NewAction> =
        (0..4).map(|i| timer(&format!("{}:cadence-{i}", f.conv), t0 + secs(60 * (i + 1)))).collect();
    schedule(store, f.conv, &timers).await;
    let sms = outbox(&format!("{}:sms", f.conv), t0 + secs(30));
    enqueue(store, f.conv, std::slice::from_ref(&sms)).await;
    // Another conversation's work is not touched.
    let bystander = timer(&format!("{}:bystander", other.conv), t0 + secs(600));
    schedule(store, other.conv, std::slice::from_ref(&bystander)).await;

    // One timer already fired: it is done, not pending, and stays so.
    let fired = timers[0].id;
    assert_eq!(store.claim(Queue::Timers, "w", t0 + secs(60), LEASE, 1).await.unwrap(), vec![fired]);
    assert!(store.complete(Queue::Timers, fired, "w", t0 + secs(60), Completion::Done).await.unwrap());
    let executed =
        Event::ActionExecuted { action_id: fired, kind: ActionKind::SendSms, outcome: "sent".into(), step: None };
    appended(store.append(f.conv, AppendRequest::events(vec![NewEvent::new(now(), executed)])).await.unwrap());
    let pending: Vec<ActionId> = timers[1..].iter().map(|t| t.id).collect();
    // Another is being executed right now: claimed, in flight.
    let in_flight = timers[1].id;
    assert_eq!(store.claim(Queue::Timers, "w2", t0 + secs(120), LEASE, 1).await.unwrap(), vec![in_flight]);

    let revoke = || AppendRequest {
        events: vec![
            NewEvent::new(
                now(),
                Event::ConsentRevoked {
                    channel: None,
                    consent_ids: vec![],
                    via: Some(Channel::Sms),
                    text: Some("STOP".into()),
                },
            )
            .dedupe("stop-1"),
            NewEvent::new(
                now(),
                Event::StatusChanged { status: ConversationStatus::Dnc, by: "router".into(), note: None },
            ),
        ],
        cancel_pending: Some("opt_out".into()),
        ..AppendRequest::default()
    };

    // A conflicting revocation cancels nothing.
    assert!(matches!(store.append(f.conv, revoke().expecting(Seq(1))).await, Err(StoreError::Conflict { .. })));
    assert_eq!(store.pending_actions(f.conv).await.unwrap().len(), 3);
    assert_eq!(store.outbox_message(sms.id).await.unwrap().unwrap().status, "pending");
    let ledger = store.lead(f.lead.lead.id).await.unwrap().unwrap().consent;
    assert!(ledger.iter().all(|c| c.revoked_at.is_none()), "nor stamps the ledger");

    let head = store.lead(f.lead.lead.id).await.unwrap().unwrap().last_seq;
    let (records, cancelled) = appended(store.append(f.conv, revoke()).await.unwrap());
    assert_eq!(set(cancelled.iter().copied()), set(pending.iter().copied()));
    assert_eq!(cancelled.len(), 3);
    assert_eq!(records.len(), 5);
    assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), (1..=5).map(|i| Seq(head.0 + i)).collect::<Vec<_>>());
    let cancel_events: Vec<ActionId> = records[..3]
        .iter()
        .map(|r| match &r.event {
            Event::ActionCancelled { action_id, reason } => {
                assert_eq!(reason, "opt_out");
                *action_id
            }
            other => panic!("expected ActionCancelled first, got {other:?}"),
        })
        .collect();
    assert_eq!(cancel_events, cancelled, "one event per cancelled timer, in the order reported");
    assert!(matches!(records[3].event, Event::ConsentRevoked { .. }));
    assert!(matches!(records[4].event, Event::StatusChanged { .. }));

    let ledger = store.lead(f.lead.lead.id).await.unwrap().unwrap().consent;
    assert!(!ledger.is_empty() && ledger.iter().all(|c| c.revoked_at.is_some()), "the ledger is stamped with it");
    assert!(store.pending_actions(f.conv).await.unwrap().is_empty());
    for id in &pending {
        let row = store.action(*id).await.unwrap().unwrap();
        assert_eq!((row.status.as_str(), row.claimed_by.as_deref()), ("cancelled", None));
    }
    assert_eq!(store.action(fired).await.unwrap().unwrap().status, "done");
    // The in-flight worker learns its claim is gone: its completion is refused.
    assert!(!store.complete(Queue::Timers, in_flight, "w2", t0 + secs(121), Completion::Done).await.unwrap());
    assert_eq!(store.action(in_flight).await.unwrap().unwrap().status, "cancelled");
    assert_eq!(store.outbox_message(sms.id).await.unwrap().unwrap().status, "cancelled");
    let far = t0 + secs(86_400);
    assert!(store.claim(Queue::Outbox, "w", far, LEASE, 10).await.unwrap().is_empty());
    assert_eq!(store.claim(Queue::Timers, "w", far, LEASE, 10).await.unwrap(), vec![bystander.id]);
    assert_eq!(store.outbox_message(sms.id).await.unwrap().unwrap().status, "cancelled");

    let loaded = store.load(f.conv).await.unwrap().unwrap();
    assert_eq!(&loaded.timeline[loaded.timeline.len() - 5..], &records[..]);
    assert!(loaded.state.pending.is_empty(), "the fold agrees: nothing pending");
    assert!(loaded.state.opted_out());
    assert_eq!(store.lead(f.lead.lead.id).await.unwrap().unwrap().status, ConversationStatus::Dnc);

    // The revocation's dedupe key makes a retried STOP a no-op, and with nothing pending a
    // new revocation cancels nothing.
    assert_eq!(store.append(f.conv, revoke()).await.unwrap(), AppendOutcome::Duplicate { seq: records[3].seq });
    let (records, cancelled) = appended(
        store
            .append(
                f.conv,
                AppendRequest {
                    events: vec![note("again")],
                    cancel_pending: Some("opt_out".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap(),
    );
    assert!(cancelled.is_empty());
    assert_eq!(labels(&records), vec!["again"]);
}

// ---------------------------------------------------------------------------------------------
// 9-11. Status, API keys, health
// ---------------------------------------------------------------------------------------------

async fn routing_cursor_finds_undecided_events(stores: &Stores) {
    let store = &*stores.store;
    let a = fixture(store).await;
    let b = fixture(store).await;
    // New leads have events nobody has routed.
    let pending = set_of(store.unrouted(100).await.unwrap());
    assert!(pending.contains(&a.conv) && pending.contains(&b.conv));
    assert_eq!(store.routing_cursor(a.conv).await.unwrap(), Some(Seq(0)));
    assert_eq!(store.routing_cursor(ConversationId::new()).await.unwrap(), None);

    // Deciding "nothing" moves the cursor without an append; it never moves back.
    store.mark_routed(&[(a.conv, a.head())]).await.unwrap();
    store.mark_routed(&[(a.conv, Seq(1))]).await.unwrap();
    assert_eq!(store.routing_cursor(a.conv).await.unwrap(), Some(a.head()));
    assert!(!set_of(store.unrouted(100).await.unwrap()).contains(&a.conv));

    // A new event makes it undecided again; a decision appended with `routed_through` covers it
    // and its own events in the same transaction.
    let (records, _) = appended(store.append(a.conv, AppendRequest::events(vec![note("reply")])).await.unwrap());
    assert!(set_of(store.unrouted(100).await.unwrap()).contains(&a.conv));
    let decided = records[0].seq.next();
    let request = AppendRequest { routed_through: Some(decided), ..AppendRequest::events(vec![note("decision")]) };
    appended(store.append(a.conv, request.expecting(records[0].seq)).await.unwrap());
    assert_eq!(store.routing_cursor(a.conv).await.unwrap(), Some(decided));
    assert!(!set_of(store.unrouted(100).await.unwrap()).contains(&a.conv));

    // A conflicting decision moves nothing.
    let stale = AppendRequest { routed_through: Some(Seq(99)), ..AppendRequest::events(vec![note("stale")]) };
    assert!(matches!(store.append(a.conv, stale.expecting(Seq(1))).await, Err(StoreError::Conflict { .. })));
    assert_eq!(store.routing_cursor(a.conv).await.unwrap(), Some(decided));
}

/// Many cursors move at once, none moves back, an unknown conversation is ignored, and a row
/// another transaction holds (an append in flight) is waited for rather than skipped: every
/// move lands.
async fn routing_cursors_move_together_and_wait_for_held_rows(backend: &TestBackend) {
    let stores = backend.open().await;
    let store = &*stores.store;
    let (a, b, c) = (fixture(store).await, fixture(store).await, fixture(store).await);
    assert!(a.head() > Seq(1));
    store.mark_routed(&[(c.conv, c.head())]).await.unwrap();
    store
        .mark_routed(&[(a.conv, Seq(1)), (b.conv, Seq(1)), (c.conv, Seq(1)), (ConversationId::new(), Seq(7))])
        .await
        .unwrap();
    assert_eq!(store.routing_cursor(a.conv).await.unwrap(), Some(Seq(1)));
    assert_eq!(store.routing_cursor(b.conv).await.unwrap(), Some(Seq(1)));
    assert_eq!(store.routing_cursor(c.conv).await.unwrap(), Some(c.head()), "never back");

    // Postgres: hold b's row in an open transaction, as an append does while it commits.
    let Kind::Production = backend.kind else { return };
    use sqlx::{Connection, Executor};
    let url = backend.settings.database_url.clone().expect("database url");
    let schema = backend.settings.schema.clone().expect("schema");
    let mut holder = sqlx::PgConnection::connect(&url).await.unwrap();
    holder.execute(sqlx::AssertSqlSafe(format!("set search_path to \"{schema}\""))).await.unwrap();
    let mut tx = holder.begin().await.unwrap();
    sqlx::query("select 1 from conversations where id = $1 for update")
        .bind(b.conv.as_uuid())
        .execute(&mut *tx)
        .await
        .unwrap();
    let mover = {
        let store = Arc::clone(&stores.store);
        let marks = [(a.conv, a.head()), (b.conv, b.head())];
        tokio::spawn(async move { store.mark_routed(&marks).await })
    };
    // The free row moves at once; the held one waits for its holder.
    tokio::time::timeout(Duration::from_secs(10), async {
        while store.routing_cursor(a.conv).await.unwrap() != Some(a.head()) {
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("the free row moves while the other is held");
    assert!(!mover.is_finished(), "the held row is waited for, not skipped");
    assert_eq!(store.routing_cursor(b.conv).await.unwrap(), Some(Seq(1)));
    tx.commit().await.unwrap();
    tokio::time::timeout(Duration::from_secs(10), mover).await.unwrap().unwrap().unwrap();
    assert_eq!(store.routing_cursor(b.conv).await.unwrap(), Some(b.head()));
}

fn set_of(ids: Vec<ConversationId>) -> HashSet<ConversationId> {
    ids.into_iter().collect()
}

async fn appends_finish_claims_atomically(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let t0 = now();
    let step = timer(&format!("{}:step", f.conv), t0);
    let later = timer(&format!("{}:later", f.conv), t0 + secs(3_600));
    let carrier = NewAction { kind: CARRIER_EVENT.into(), ..timer(&format!("{}:reply", f.conv), t0 + secs(3_600)) };
    schedule(store, f.conv, &[step.clone(), later.clone()]).await;
    appended(
        store
            .append(f.conv, AppendRequest { schedule: vec![carrier.clone()], ..AppendRequest::events(vec![note("x")]) })
            .await
            .unwrap(),
    );
    assert_eq!(store.claim(Queue::Timers, "w1", t0, LEASE, 10).await.unwrap(), vec![step.id]);

    // Another worker cannot finish w1's claim: the whole append is refused.
    let head = store.head(f.conv).await.unwrap().unwrap();
    let finish =
        |worker: &str, completion| Finish { queue: Queue::Timers, id: step.id, worker: worker.into(), completion };
    let sms = outbox(&format!("{}:step:sms", f.conv), t0);
    let thief = AppendRequest {
        outbox: vec![sms.clone()],
        finish: Some(finish("w2", Completion::Done)),
        ..AppendRequest::events(vec![note("stolen")])
    };
    assert!(matches!(store.append(f.conv, thief).await, Err(StoreError::ClaimLost(id)) if id == step.id));
    assert_eq!(store.head(f.conv).await.unwrap(), Some(head), "nothing appended");
    assert_eq!(store.outbox_message(sms.id).await.unwrap(), None, "nothing enqueued");
    assert_eq!(store.action(step.id).await.unwrap().unwrap().status, "claimed");

    // The holder's decision, its outbox row and the release commit together.
    let decision = AppendRequest {
        outbox: vec![sms.clone()],
        finish: Some(finish("w1", Completion::Done)),
        ..AppendRequest::events(vec![note("decided")])
    };
    appended(store.append(f.conv, decision.clone()).await.unwrap());
    assert_eq!(store.action(step.id).await.unwrap().unwrap().status, "done");
    assert_eq!(store.outbox_message(sms.id).await.unwrap().unwrap().status, "pending");
    // Replaying it (a worker that lost track) is refused: the claim is gone.
    assert!(matches!(store.append(f.conv, decision).await, Err(StoreError::ClaimLost(_))));

    // A retry finish re-arms the timer at the new time, again with its events.
    assert_eq!(store.claim(Queue::Timers, "w1", t0 + secs(3_600), LEASE, 1).await.unwrap().len(), 1);
    let claimed = store.action(later.id).await.unwrap().unwrap();
    let (id, at) = if claimed.status == "claimed" { (later.id, t0 + secs(7_200)) } else { (carrier.id, t0) };
    let retry = AppendRequest {
        finish: Some(Finish {
            queue: Queue::Timers,
            id,
            worker: "w1".into(),
            completion: Completion::Retry { at, error: "outside the window".into() },
        }),
        ..AppendRequest::events(vec![note("rescheduled")])
    };
    appended(store.append(f.conv, retry).await.unwrap());
    let row = store.action(id).await.unwrap().unwrap();
    assert_eq!((row.status.as_str(), row.due_at), ("pending", at));

    // Targeted cancellation: the named timer and its pending outbox row, nothing else; carrier
    // deliveries are the outside world and survive a cancel-everything too.
    let other = outbox(&format!("{}:other", f.conv), t0);
    let named = NewOutbox { id: later.id, ..outbox(&format!("{}:later:sms", f.conv), t0) };
    enqueue(store, f.conv, &[other.clone(), named.clone()]).await;
    let cancel = AppendRequest { cancel_actions: vec![later.id], ..AppendRequest::events(vec![note("cancel")]) };
    appended(store.append(f.conv, cancel).await.unwrap());
    assert_eq!(store.action(later.id).await.unwrap().unwrap().status, "cancelled");
    assert_eq!(store.outbox_message(named.id).await.unwrap().unwrap().status, "cancelled");
    assert_eq!(store.outbox_message(other.id).await.unwrap().unwrap().status, "pending");
    let everything = AppendRequest { cancel_pending: Some("opt_out".into()), ..AppendRequest::events(vec![]) };
    let (_, cancelled) = appended(store.append(f.conv, everything).await.unwrap());
    assert!(!cancelled.contains(&carrier.id));
    assert_eq!(store.action(carrier.id).await.unwrap().unwrap().status, "pending");
    assert_eq!(store.outbox_message(other.id).await.unwrap().unwrap().status, "cancelled");
}

async fn status_changed_updates_the_lead_status(stores: &Stores) {
    let store = &*stores.store;
    let f = fixture(store).await;
    let id = f.lead.lead.id;
    let status = |s: ConversationStatus| {
        NewEvent::new(now(), Event::StatusChanged { status: s, by: "api".into(), note: Some("test".into()) })
    };
    appended(store.append(f.conv, AppendRequest::events(vec![status(ConversationStatus::FollowUp)])).await.unwrap());
    let got = store.lead(id).await.unwrap().unwrap();
    assert_eq!((got.status, got.last_seq), (ConversationStatus::FollowUp, Seq(4)));

    // The last status in a request wins.
    let events = vec![status(ConversationStatus::Qualified), note("between"), status(ConversationStatus::Completed)];
    appended(store.append(f.conv, AppendRequest::events(events)).await.unwrap());
    let got = store.lead(id).await.unwrap().unwrap();
    assert_eq!((got.status, got.last_seq), (ConversationStatus::Completed, Seq(7)));

    // Other events leave it alone.
    appended(store.append(f.conv, AppendRequest::events(vec![note("after")])).await.unwrap());
    let got = store.lead(id).await.unwrap().unwrap();
    assert_eq!((got.status, got.last_seq), (ConversationStatus::Completed, Seq(8)));
    assert_eq!(store.load(f.conv).await.unwrap().unwrap().state.status, Some(ConversationStatus::Completed));
}

fn api_key(name: &str, secret: &str, created_at: DateTime<Utc>) -> ApiKeyRecord {
    use sha2::{Digest, Sha256};
    ApiKeyRecord {
        id: ApiKeyId::new(),
        name: name.into(),
        prefix: secret[..8].into(),
        key_hash: hex::encode(Sha256::digest(secret.as_bytes())),
        created_at,
        revoked_at: None,
    }
}

async fn api_keys_create_find_list_revoke(stores: &Stores) {
    let store = &*stores.store;
    let t0 = now();
    let ops = api_key("ops", "tl_live_aaaaaaaaaaaaaaaaaaaaaaaa", t0);
    let ci = api_key("ci", "tl_live_bbbbbbbbbbbbbbbbbbbbbbbb", t0 + secs(1));
    assert!(store.api_keys().await.unwrap().is_empty());
    store.create_api_key(&ops).await.unwrap();
    store.create_api_key(&ci).await.unwrap();

    assert_eq!(store.api_key_by_hash(&ops.key_hash).await.unwrap(), Some(ops.clone()));
    assert_eq!(store.api_key_by_hash(&ci.key_hash).await.unwrap(), Some(ci.clone()));
    assert_eq!(store.api_key_by_hash(&"0".repeat(64)).await.unwrap(), None);
    assert_eq!(store.api_keys().await.unwrap(), vec![ops.clone(), ci.clone()]);

    let revoked_at = t0 + secs(10);
    assert!(store.revoke_api_key(ops.id, revoked_at).await.unwrap());
    assert!(!store.revoke_api_key(ops.id, revoked_at + secs(1)).await.unwrap(), "second revoke is a no-op");
    assert!(!store.revoke_api_key(ApiKeyId::new(), revoked_at).await.unwrap(), "unknown key");
    assert_eq!(store.api_key_by_hash(&ops.key_hash).await.unwrap(), None, "revoked keys don't authenticate");
    assert_eq!(store.api_key_by_hash(&ci.key_hash).await.unwrap(), Some(ci.clone()));
    let listed = store.api_keys().await.unwrap();
    assert_eq!(listed, vec![ApiKeyRecord { revoked_at: Some(revoked_at), ..ops.clone() }, ci.clone()]);

    // Hashes are unique: the same secret cannot be registered twice.
    assert!(store.create_api_key(&ApiKeyRecord { id: ApiKeyId::new(), ..ci }).await.is_err());
}

async fn health_reports_backend_and_migrations(backend: &TestBackend) {
    let want = match backend.kind {
        Kind::Embedded => (Backend::Sqlite, "memory"),
        Kind::Production => (Backend::Postgres, "redis"),
    };
    // Before migrating: reachable, but not ready.
    let fresh = store::open(&backend.settings, false).await.expect("open without migrating");
    let health = fresh.store.health().await;
    assert_eq!(health.backend, want.0);
    assert!(health.reachable);
    assert!(!health.migrations_applied, "an unmigrated database is not ready: {health:?}");
    assert_eq!(health.migrations_done, 0);
    drop(fresh);

    let stores = backend.open().await;
    assert_eq!(stores.store.backend(), want.0);
    let health = stores.store.health().await;
    assert_eq!(health.backend, want.0);
    assert!(health.reachable, "{health:?}");
    assert!(health.migrations_applied, "{health:?}");
    assert!(health.migrations_known >= 1);
    assert_eq!(health.migrations_done, health.migrations_known);
    assert_eq!(stores.hot.backend(), want.1);
    stores.hot.ping().await.expect("hot state reachable");
}

// ---------------------------------------------------------------------------------------------
// 12. Durability
// ---------------------------------------------------------------------------------------------

async fn data_survives_reopening(backend: &TestBackend) {
    let stores = backend.open().await;
    let f = fixture(&*stores.store).await;
    let t = timer(&format!("{}:durable", f.conv), now() + secs(60));
    schedule(&*stores.store, f.conv, std::slice::from_ref(&t)).await;
    appended(stores.store.append(f.conv, AppendRequest::events(vec![note("kept").dedupe("d-1")])).await.unwrap());
    let before = stores.store.load(f.conv).await.unwrap().unwrap();
    let lead = stores.store.lead(f.lead.lead.id).await.unwrap().unwrap();
    drop(stores);

    let stores = store::open(&backend.settings, true).await.expect("reopen");
    let after = stores.store.load(f.conv).await.unwrap().expect("conversation survives");
    assert_eq!(after.timeline, before.timeline);
    assert_eq!(after.state, before.state);
    assert_eq!(stores.store.lead(f.lead.lead.id).await.unwrap(), Some(lead));
    assert_eq!(
        stores.store.pending_actions(f.conv).await.unwrap().iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![t.id]
    );
    // The dedupe index survives too.
    let dup = stores.store.append(f.conv, AppendRequest::events(vec![note("kept").dedupe("d-1")])).await.unwrap();
    assert_eq!(dup, AppendOutcome::Duplicate { seq: before.state.last_seq });
    // And appends continue where the timeline left off.
    let (records, _) = appended(stores.store.append(f.conv, AppendRequest::events(vec![note("next")])).await.unwrap());
    assert_eq!(records[0].seq, before.state.last_seq.next());
}

// ---------------------------------------------------------------------------------------------
// 13. Hot state
// ---------------------------------------------------------------------------------------------

/// Polls `check` until it holds, failing after a bound (for TTL expiry).
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !check().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn hot_locks_are_exclusive(stores: &Stores) {
    let hot = &*stores.hot;
    let ttl = Duration::from_secs(30);
    let t1 = hot.try_lock("conv:1", ttl).await.unwrap().expect("free lock is taken");
    assert_eq!(hot.try_lock("conv:1", ttl).await.unwrap(), None, "held lock is exclusive");
    let other = hot.try_lock("conv:2", ttl).await.unwrap().expect("other keys are independent");

    assert!(!hot.unlock("conv:1", &LockToken::new()).await.unwrap(), "wrong token cannot unlock");
    assert!(!hot.unlock("conv:1", &other).await.unwrap(), "another key's token cannot unlock");
    assert_eq!(hot.try_lock("conv:1", ttl).await.unwrap(), None, "still held after failed unlocks");

    assert!(hot.unlock("conv:1", &t1).await.unwrap());
    assert!(!hot.unlock("conv:1", &t1).await.unwrap(), "second unlock is refused");
    let t2 = hot.try_lock("conv:1", ttl).await.unwrap().expect("released lock is taken again");
    assert_ne!(t2, t1);
    assert!(!hot.unlock("conv:1", &t1).await.unwrap(), "the old holder cannot release the new holder's lock");
    assert!(hot.unlock("conv:1", &t2).await.unwrap());
    assert!(hot.unlock("conv:2", &other).await.unwrap());

    // A lock expires after its TTL; its old token then releases nothing.
    let short = hot.try_lock("conv:3", Duration::from_millis(100)).await.unwrap().expect("short lock");
    assert_eq!(hot.try_lock("conv:3", ttl).await.unwrap(), None);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let next = loop {
        if let Some(token) = hot.try_lock("conv:3", ttl).await.unwrap() {
            break token;
        }
        assert!(tokio::time::Instant::now() < deadline, "expired lock never became free");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(!hot.unlock("conv:3", &short).await.unwrap());
    assert!(hot.unlock("conv:3", &next).await.unwrap());
}

async fn hot_call_registry(stores: &Stores) {
    let hot = &*stores.hot;
    let ttl = Duration::from_secs(30);
    assert_eq!(hot.call_owner("CA1").await.unwrap(), None);
    hot.register_call("CA1", "instance-a", ttl).await.unwrap();
    hot.register_call("CA2", "instance-b", ttl).await.unwrap();
    assert_eq!(hot.call_owner("CA1").await.unwrap().as_deref(), Some("instance-a"));
    assert_eq!(hot.call_owner("CA2").await.unwrap().as_deref(), Some("instance-b"));

    assert!(!hot.unregister_call("CA1", "instance-b").await.unwrap(), "only the owner unregisters");
    assert_eq!(hot.call_owner("CA1").await.unwrap().as_deref(), Some("instance-a"));
    assert!(hot.unregister_call("CA1", "instance-a").await.unwrap());
    assert_eq!(hot.call_owner("CA1").await.unwrap(), None);
    assert!(!hot.unregister_call("CA1", "instance-a").await.unwrap());
    assert_eq!(hot.call_owner("CA2").await.unwrap().as_deref(), Some("instance-b"));

    // Re-registering moves the call (another instance took the stream over).
    hot.register_call("CA2", "instance-c", ttl).await.unwrap();
    assert_eq!(hot.call_owner("CA2").await.unwrap().as_deref(), Some("instance-c"));
    assert!(!hot.unregister_call("CA2", "instance-b").await.unwrap());

    // A call whose owner stops refreshing it is no longer live.
    hot.register_call("CA3", "instance-a", Duration::from_millis(100)).await.unwrap();
    assert_eq!(hot.call_owner("CA3").await.unwrap().as_deref(), Some("instance-a"));
    eventually("call registration to expire", move || async move { hot.call_owner("CA3").await.unwrap().is_none() })
        .await;
    // An expired registration is no longer held, not even by its last owner.
    assert!(!hot.unregister_call("CA3", "instance-a").await.unwrap());
}

async fn hot_presence_lists_only_current_agents(stores: &Stores) {
    let hot = &*stores.hot;
    let t0 = now_ms();
    let p = |agent: &str, status: &str| Presence { agent: agent.into(), status: status.into() };
    assert!(hot.present_agents(t0).await.unwrap().is_empty());
    hot.set_presence("agent-b", "available", t0 + secs(60)).await.unwrap();
    hot.set_presence("agent-a", "busy", t0 + secs(60)).await.unwrap();
    hot.set_presence("agent-c", "available", t0 - secs(1)).await.unwrap();
    assert_eq!(hot.present_agents(t0).await.unwrap(), vec![p("agent-a", "busy"), p("agent-b", "available")]);

    // A heartbeat brings an agent back and updates the status.
    hot.set_presence("agent-c", "wrap_up", t0 + secs(90)).await.unwrap();
    hot.set_presence("agent-a", "available", t0 + secs(60)).await.unwrap();
    assert_eq!(
        hot.present_agents(t0).await.unwrap(),
        vec![p("agent-a", "available"), p("agent-b", "available"), p("agent-c", "wrap_up")]
    );

    hot.clear_presence("agent-b").await.unwrap();
    assert_eq!(hot.present_agents(t0).await.unwrap(), vec![p("agent-a", "available"), p("agent-c", "wrap_up")]);
    // Later, only the agent whose heartbeat reaches further is still present.
    assert_eq!(hot.present_agents(t0 + secs(75)).await.unwrap(), vec![p("agent-c", "wrap_up")]);
    assert!(hot.present_agents(t0 + secs(120)).await.unwrap().is_empty());
}

async fn hot_timer_index_orders_due_timers(stores: &Stores) {
    let hot = &*stores.hot;
    let t0 = now_ms();
    let (soon, sooner, soonest, future) = (ActionId::new(), ActionId::new(), ActionId::new(), ActionId::new());
    assert_eq!(hot.next_due().await.unwrap(), None);
    assert!(hot.due_timers(t0, 10).await.unwrap().is_empty());
    hot.index_timer(future, t0 + secs(10)).await.unwrap();
    hot.index_timer(soon, t0 - secs(1)).await.unwrap();
    hot.index_timer(soonest, t0 - secs(20)).await.unwrap();
    hot.index_timer(sooner, t0 - secs(5)).await.unwrap();

    assert_eq!(hot.due_timers(t0, 10).await.unwrap(), vec![soonest, sooner, soon], "due only, soonest first");
    assert_eq!(hot.due_timers(t0, 2).await.unwrap(), vec![soonest, sooner], "limit");
    assert_eq!(hot.next_due().await.unwrap(), Some(t0 - secs(20)));

    // Re-indexing moves a timer rather than duplicating it.
    hot.index_timer(soonest, t0 + secs(20)).await.unwrap();
    assert_eq!(hot.due_timers(t0, 10).await.unwrap(), vec![sooner, soon]);
    assert_eq!(hot.next_due().await.unwrap(), Some(t0 - secs(5)));
    assert_eq!(hot.due_timers(t0 + secs(30), 10).await.unwrap(), vec![sooner, soon, future, soonest]);

    hot.unindex_timer(sooner).await.unwrap();
    hot.unindex_timer(soon).await.unwrap();
    hot.unindex_timer(ActionId::new()).await.unwrap();
    assert!(hot.due_timers(t0, 10).await.unwrap().is_empty());
    assert_eq!(hot.next_due().await.unwrap(), Some(t0 + secs(10)));
    hot.unindex_timer(future).await.unwrap();
    hot.unindex_timer(soonest).await.unwrap();
    assert_eq!(hot.next_due().await.unwrap(), None);
}

/// Publishes `message` to `topic` until `stream` yields something (SUBSCRIBE may take effect
/// after `subscribe` returns), and returns what it yielded. `noise` is published to another
/// topic before every attempt and must never arrive.
async fn publish_until_received(
    hot: &dyn HotState,
    stream: &mut BoxStream<'static, String>,
    topic: &str,
    message: &str,
    noise: (&str, &str),
) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        hot.publish(&[noise.0], noise.1).await.unwrap();
        hot.publish(&[topic], message).await.unwrap();
        match tokio::time::timeout(Duration::from_millis(200), stream.next()).await {
            Ok(Some(got)) => return got,
            Ok(None) => panic!("subscription ended"),
            Err(_) => assert!(tokio::time::Instant::now() < deadline, "no message on {topic} within 5s"),
        }
    }
}

async fn hot_pubsub_delivers_to_subscribers(stores: &Stores) {
    let hot = &*stores.hot;
    // Nobody listening: publishing is fine, and is not replayed to later subscribers.
    hot.publish(&["conv:1"], "before").await.unwrap();
    let mut first = hot.subscribe("conv:1").await.unwrap();
    let mut second = hot.subscribe("conv:1").await.unwrap();
    let got = publish_until_received(hot, &mut first, "conv:1", "hello", ("conv:2", "noise")).await;
    assert_eq!(got, "hello", "the subscriber gets its topic's message, not earlier or other topics' ones");
    let got = publish_until_received(hot, &mut second, "conv:1", "hello", ("conv:2", "noise")).await;
    assert_eq!(got, "hello", "every subscriber gets it");

    // Once a subscription is live, one publish is delivered once, in order.
    let mut third = hot.subscribe("conv:3").await.unwrap();
    publish_until_received(hot, &mut third, "conv:3", "ready", ("conv:2", "noise")).await;
    // Drain extra "ready" copies from the retries.
    hot.publish(&["conv:3", "conv:4"], "m1").await.unwrap();
    hot.publish(&["conv:3"], "m2").await.unwrap();
    let mut rest = Vec::new();
    while rest.last().map(String::as_str) != Some("m2") {
        let next = tokio::time::timeout(Duration::from_secs(5), third.next()).await.expect("message").expect("open");
        rest.push(next);
    }
    rest.retain(|m| m != "ready");
    assert_eq!(rest, vec!["m1", "m2"]);

    // A batch: each message to its own topics, in order, in one call.
    let mut fourth = hot.subscribe("conv:4").await.unwrap();
    publish_until_received(hot, &mut fourth, "conv:4", "ready", ("conv:2", "noise")).await;
    let batch: Vec<(Vec<String>, String)> = vec![
        (vec!["conv:3".into(), "conv:4".into()], "b1".into()),
        (vec!["conv:4".into()], "b2".into()),
        (vec!["conv:3".into()], "b3".into()),
    ];
    hot.publish_many(&batch).await.unwrap();
    for (subscription, want) in [(&mut third, vec!["b1", "b3"]), (&mut fourth, vec!["b1", "b2"])] {
        let mut got = Vec::new();
        while got.last().map(String::as_str) != want.last().copied() {
            let next = tokio::time::timeout(Duration::from_secs(5), subscription.next())
                .await
                .expect("message")
                .expect("open");
            got.push(next);
        }
        got.retain(|m| m.starts_with('b'));
        assert_eq!(got, want);
    }
}

// ---------------------------------------------------------------------------------------------
// Every contract against every backend
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Inbound matching and re-subscription
// ---------------------------------------------------------------------------------------------

/// An inbound message finds its conversation by (lead number, our number); the newest lead for
/// the number wins, and other numbers find nothing.
async fn conversations_are_found_by_number_pair(stores: &Stores) {
    let store = stores.store.as_ref();
    let first = fixture(store).await;
    let lead_phone = first.lead.lead.phone.clone();
    let ours = domain::E164::parse("+14155550100").expect("number");
    let found = store.conversation_by_numbers(&lead_phone, &ours).await.expect("lookup");
    assert_eq!(found.map(|(c, _)| c), Some(first.conv));
    // The same person fills a second form a little later: that conversation takes their texts.
    let campaign = campaign();
    store.create_campaign(&campaign).await.expect("campaign");
    let mut again = new_lead(campaign.id);
    again.lead.created_at += secs(60);
    store.create_lead(&again, &opening(&again)).await.expect("second lead");
    let found = store.conversation_by_numbers(&lead_phone, &ours).await.expect("lookup");
    assert_eq!(found, Some((again.lead.conversation_id, campaign.id)));
    let stranger = domain::E164::parse("+16175550123").expect("number");
    assert_eq!(store.conversation_by_numbers(&stranger, &ours).await.expect("lookup"), None);
    let all = store.conversations_by_phone(&lead_phone).await.expect("by phone");
    assert_eq!(all, vec![first.conv, again.lead.conversation_id]);
    assert!(store.conversations_by_phone(&stranger).await.expect("by phone").is_empty());
    let other = domain::E164::parse("+14155550199").expect("number");
    assert_eq!(store.conversation_by_numbers(&lead_phone, &other).await.expect("lookup"), None);
}

/// START after STOP: a `consent_granted` append adds a ledger row in the same transaction,
/// after the revocation stamped the old ones.
async fn consent_grants_add_ledger_rows(stores: &Stores) {
    let store = stores.store.as_ref();
    let f = fixture(store).await;
    let revoke = Event::ConsentRevoked {
        channel: None,
        consent_ids: vec![],
        via: Some(Channel::Sms),
        text: Some("STOP".into()),
    };
    store.append(f.conv, AppendRequest::events(vec![NewEvent::new(now(), revoke)])).await.expect("revoke");
    let grant = Event::ConsentGranted {
        consent_id: domain::ConsentId::new(),
        channel: Channel::Sms,
        kind: domain::vocab::ConsentKind::ExpressWritten,
        source: "sms keyword START".into(),
    };
    store.append(f.conv, AppendRequest::events(vec![NewEvent::new(now(), grant)])).await.expect("grant");
    let ledger = store.lead(f.lead.lead.id).await.expect("lead").expect("exists").consent;
    assert_eq!(ledger.len(), 3);
    let active: Vec<_> = ledger.iter().filter(|c| c.revoked_at.is_none()).collect();
    assert_eq!(active.len(), 1);
    assert_eq!((active[0].channel, active[0].source.as_str()), (Channel::Sms, "sms keyword START"));
}

macro_rules! contracts {
    (stores: [$($s:ident),* $(,)?], backend: [$($b:ident),* $(,)?] $(,)?) => {
        /// SQLite file + in-process hot state.
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $s() {
                    let backend = super::TestBackend::embedded();
                    let stores = backend.open().await;
                    super::$s(&stores).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $b() {
                    let backend = super::TestBackend::embedded();
                    super::$b(&backend).await;
                }
            )*
        }

        /// Postgres schema + Redis prefix (skipped off CI without DATABASE_URL and REDIS_URL).
        mod production {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $s() {
                    let Some(backend) = super::TestBackend::production() else { return };
                    let stores = backend.open().await;
                    super::$s(&stores).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $b() {
                    let Some(backend) = super::TestBackend::production() else { return };
                    super::$b(&backend).await;
                }
            )*
        }
    };
}

contracts! {
    stores: [
        campaign_round_trip,
        lead_is_created_with_consent_and_opening_events,
        lead_for_unknown_campaign_writes_nothing,
        concurrent_appends_are_gap_free,
        concurrent_appends_across_conversations_land_once_each,
        events_page_in_order,
        long_timelines_load_across_pages,
        stale_expected_head_conflicts_and_writes_nothing,
        decide_and_append_retries_until_every_task_lands,
        dedupe_key_makes_a_second_append_a_no_op,
        append_to_unknown_conversation_is_not_found,
        timers_are_scheduled_with_their_event_and_deduplicated,
        timer_claim_lease_and_completion,
        concurrent_claimers_get_disjoint_rows,
        outbox_claim_protocol,
        cancel_pending_revokes_everything_in_one_append,
        status_changed_updates_the_lead_status,
        routing_cursor_finds_undecided_events,
        appends_finish_claims_atomically,
        api_keys_create_find_list_revoke,
        hot_locks_are_exclusive,
        hot_call_registry,
        hot_presence_lists_only_current_agents,
        hot_timer_index_orders_due_timers,
        hot_pubsub_delivers_to_subscribers,
        conversations_are_found_by_number_pair,
        consent_grants_add_ledger_rows,
    ],
    backend: [
        routing_cursors_move_together_and_wait_for_held_rows,
        health_reports_backend_and_migrations,
        data_survives_reopening,
    ],
}
