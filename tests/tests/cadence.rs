//! The cadence end to end: leads created through the API run their cadence through the real
//! workers, the compliance gate and the sandbox carrier, on a clock the test moves. Both
//! backends; the crash and two-instance tests need Postgres + Redis (they are skipped off CI
//! without them, and required on CI).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::vocab::{CallOutcome, Verdict};
use domain::{ConversationId, Event, EventRecord};
use serde_json::{Value, json};
use server::{Clock, ManualClock};
use throughline_e2e::{Kind, TestApp, campaign_body, spawn_api, spawn_engine};

/// Tuesday 2026-11-24 10:00 in New York.
fn tuesday_10am_new_york() -> DateTime<Utc> {
    "2026-11-24T15:00:00Z".parse().unwrap()
}

/// A short cadence: intro text, a call five minutes later, a missed-call text, a next-day text.
fn short_cadence() -> Value {
    json!({"steps": [
        {"id": "intro", "action": "sms", "template": "intro"},
        {"id": "call_1", "action": "call", "delay_secs": 300},
        {"id": "missed_call_1", "action": "sms", "template": "missed_call", "delay_secs": 150,
         "after_call": ["no_answer", "voicemail"]},
        {"id": "follow_up_1", "action": "sms", "template": "follow_up", "delay_secs": 86400}
    ]})
}

async fn campaign(app: &TestApp, cadence: Value) -> String {
    let mut body = campaign_body();
    body["cadence"] = cadence;
    let response = app.post("/api/v1/campaigns", &body).await;
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

async fn lead(app: &TestApp, campaign: &str, phone: &str) -> ConversationId {
    let body = json!({
        "campaign_id": campaign,
        "phone": phone,
        "first_name": "Maria",
        "timezone": "America/New_York",
        "state": "NY",
        "source": "form",
        "consent": [
            {"channel": "sms", "kind": "express_written", "text": "I agree to automated texts from Acme Solar.",
             "captured_at": "2026-11-01T15:00:00Z"},
            {"channel": "voice", "kind": "express_written", "text": "I agree to AI calls from Acme Solar.",
             "captured_at": "2026-11-01T15:00:00Z"}
        ]
    });
    let response = app.post("/api/v1/leads", &body).await;
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["conversation_id"].as_str().unwrap().parse().unwrap()
}

async fn timeline(app: &TestApp, id: ConversationId) -> Vec<EventRecord> {
    app.store.load(id).await.unwrap().unwrap().timeline
}

/// Waits (in real time, polling) until the workers have brought the timeline to `what`.
async fn until<F>(app: &TestApp, id: ConversationId, what: &str, check: F) -> Vec<EventRecord>
where
    F: Fn(&[EventRecord]) -> bool,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let tl = timeline(app, id).await;
        if check(&tl) {
            return tl;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}; timeline: {:#?}",
            tl.iter()
                .map(|r| {
                    let mut e = serde_json::to_string(&r.event).unwrap();
                    e.truncate(300);
                    e
                })
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn kinds(tl: &[EventRecord]) -> Vec<&'static str> {
    tl.iter().map(|r| r.event.kind()).collect()
}

fn count(tl: &[EventRecord], kind: &str) -> usize {
    tl.iter().filter(|r| r.event.kind() == kind).count()
}

/// Steps that ran, in order (from `action_executed`).
fn steps_run(tl: &[EventRecord]) -> Vec<String> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::ActionExecuted { step: Some(step), .. } => Some(step.clone()),
            _ => None,
        })
        .collect()
}

fn sms_bodies(tl: &[EventRecord]) -> Vec<String> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::SmsSent { body, .. } => Some(body.clone()),
            _ => None,
        })
        .collect()
}

fn has_step(tl: &[EventRecord], step: &str) -> bool {
    steps_run(tl).iter().any(|s| s == step)
}

async fn a_lead_runs_its_cadence_on_the_sandbox_carrier(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    let campaign = campaign(&app, short_cadence()).await;
    // 212-555-0100: the sandbox's "never replies, never answers" person.
    let conv = lead(&app, &campaign, "+12125550100").await;

    let tl = until(&app, conv, "the intro text", |tl| has_step(tl, "intro")).await;
    let body = &sms_bodies(&tl)[0];
    assert!(
        body.contains("Maria") && body.contains("Ava") && body.contains("Acme Solar") && body.contains("STOP"),
        "{body}"
    );
    let decision = tl
        .iter()
        .find_map(|r| match &r.event {
            Event::DecisionRecorded { verdict: Verdict::Allowed, reasons, .. }
                if reasons.iter().any(|x| x.rule == "contact_window") =>
            {
                Some(reasons.clone())
            }
            _ => None,
        })
        .expect("the gate's decision is on the timeline");
    assert!(decision.iter().any(|r| r.rule == "consent_sms" && r.passed), "{decision:?}");
    assert_eq!(count(&tl, "call_placed"), 0, "the call waits for its delay");

    clock.advance(chrono::Duration::seconds(300));
    until(&app, conv, "the first call", |tl| has_step(tl, "call_1")).await;
    // The sandbox rings out after 35 s; the missed-call text follows 150 s after that.
    clock.advance(chrono::Duration::seconds(35));
    let tl = until(&app, conv, "the call to end", |tl| {
        tl.iter().any(|r| matches!(r.event, Event::CallEnded { outcome: CallOutcome::NoAnswer, .. }))
            && tl
                .iter()
                .any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "missed_call_1"))
    })
    .await;
    assert!(!has_step(&tl, "missed_call_1"));
    clock.advance(chrono::Duration::seconds(150));
    let tl = until(&app, conv, "the missed-call text", |tl| has_step(tl, "missed_call_1")).await;
    assert!(sms_bodies(&tl)[1].starts_with("Sorry I missed you just now, Maria."), "{:?}", sms_bodies(&tl));
    assert_eq!(steps_run(&tl), ["intro", "call_1", "missed_call_1"]);

    // Each contact reached the carrier once.
    let effects = app.sandbox.effects();
    assert_eq!(effects.len(), 3, "{effects:?}");
    assert_eq!(app.sandbox.repeats(), 0);
    until(&app, conv, "the follow-up to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "follow_up_1"))
    })
    .await;
    let pending = app.store.pending_actions(conv).await.unwrap();
    assert_eq!(pending.len(), 1, "only the next-day follow-up waits");
    assert_eq!(pending[0].due_at, clock.now() + chrono::Duration::seconds(86400));
    app.stop().await;
}

async fn a_late_night_form_is_texted_at_the_next_allowed_morning(kind: Kind) {
    // 23:00 in New York on Tuesday; the campaign's window opens at 10:00.
    let clock = Arc::new(ManualClock::new("2026-11-25T04:00:00Z".parse().unwrap()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    let campaign = campaign(&app, short_cadence()).await;
    let conv = lead(&app, &campaign, "+12125550100").await;
    let tl = until(&app, conv, "the rescheduling decision", |tl| {
        tl.iter().any(|r| matches!(r.event, Event::DecisionRecorded { verdict: Verdict::Rescheduled, .. }))
    })
    .await;
    let next = tl
        .iter()
        .find_map(|r| match &r.event {
            Event::DecisionRecorded { verdict: Verdict::Rescheduled, next_allowed_at, .. } => *next_allowed_at,
            _ => None,
        })
        .unwrap();
    assert_eq!(next, "2026-11-25T15:00:00Z".parse::<DateTime<Utc>>().unwrap(), "10:00 Wednesday in New York");
    assert_eq!(count(&tl, "sms_sent"), 0);
    assert_eq!(app.store.pending_actions(conv).await.unwrap()[0].due_at, next, "the timer moved, not dropped");

    clock.set(next - chrono::Duration::seconds(1));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(count(&timeline(&app, conv).await, "sms_sent"), 0, "not a second early");
    clock.set(next);
    let tl = until(&app, conv, "the morning text", |tl| has_step(tl, "intro")).await;
    let sent_at = tl.iter().find(|r| r.event.kind() == "sms_sent").unwrap().at;
    assert_eq!(sent_at, next);
    assert_eq!(count(&tl, "call_placed"), 0, "and no call before it");
    app.stop().await;
}

async fn a_reply_asking_for_a_call_escalates_and_stops_the_texts(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    let campaign = campaign(&app, json!({"strategy": "text_first"})).await;
    // 212-555-0120: replies "yeah, call me" two minutes after a text, and answers.
    let conv = lead(&app, &campaign, "+12125550120").await;
    until(&app, conv, "the intro text", |tl| has_step(tl, "intro")).await;
    clock.advance(chrono::Duration::seconds(120));
    until(&app, conv, "the reply", |tl| count(tl, "sms_received") == 1).await;
    // The SMS agent reads the reply once the batching window (7 s) closes.
    clock.advance(chrono::Duration::seconds(8));
    let tl = until(&app, conv, "the escalation call", |tl| has_step(tl, "escalation_call")).await;
    assert!(!has_step(&tl, "call_1"), "the cadence's own call was superseded");
    assert_eq!(count(&tl, "sms_received"), 1);
    assert!(
        tl.iter().any(|r| matches!(&r.event, Event::IntentDetected { intent, .. } if intent == "callback_request")),
        "the agent read the reply as a request for a call"
    );
    // Answered: the cadence is over, nothing else is pending.
    clock.advance(chrono::Duration::seconds(200));
    until(&app, conv, "the call to end", |tl| {
        tl.iter().any(|r| matches!(r.event, Event::CallEnded { outcome: CallOutcome::Human, .. }))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(app.store.pending_actions(conv).await.unwrap().is_empty());
    let tl = timeline(&app, conv).await;
    assert_eq!(steps_run(&tl), ["intro", "escalation_call"]);
    assert_eq!(count(&tl, "agent_replied"), 1, "the agent answered the reply once");
    app.stop().await;
}

async fn a_stop_reply_revokes_consent_and_cancels_the_pending_call(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    let campaign = campaign(&app, short_cadence()).await;
    // 212-555-0142: replies STOP.
    let conv = lead(&app, &campaign, "+12125550142").await;
    until(&app, conv, "the call to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "call_1"))
    })
    .await;
    clock.advance(chrono::Duration::seconds(120));
    let tl =
        until(&app, conv, "the opt-out", |tl| count(tl, "consent_revoked") == 1 && count(tl, "action_cancelled") >= 1)
            .await;
    // Carrier events are the outside world (the person will answer the confirmation), not
    // contacts of ours.
    let pending: Vec<_> =
        app.store.pending_actions(conv).await.unwrap().into_iter().filter(|a| a.kind != "carrier_event").collect();
    assert!(pending.is_empty(), "every pending contact cancelled: {pending:?}");
    assert_eq!(count(&tl, "status_changed"), 1, "status dnc");
    let lead_id = app.store.conversation(conv).await.unwrap().unwrap().lead_id;
    let ledger = app.store.lead(lead_id).await.unwrap().unwrap().consent;
    assert!(ledger.iter().all(|c| c.revoked_at.is_some()), "the ledger records it");
    // One confirmation, without marketing, and nothing after it.
    let tl = until(&app, conv, "the confirmation", |tl| count(tl, "sms_sent") == 2).await;
    assert!(sms_bodies(&tl)[1].contains("unsubscribed"), "{:?}", sms_bodies(&tl));
    assert!(tl.iter().any(|r| matches!(&r.event, Event::SmsSent { transactional: true, .. })));
    clock.advance(chrono::Duration::seconds(3600));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let tl = timeline(&app, conv).await;
    assert_eq!(count(&tl, "call_placed"), 0);
    assert_eq!(count(&tl, "sms_sent"), 2);
    assert_eq!(count(&tl, "consent_revoked"), 1);
    app.stop().await;
}

/// Creates `leads` silent leads on the short cadence; returns their conversations.
async fn silent_leads(app: &TestApp, leads: usize) -> Vec<ConversationId> {
    let campaign = campaign(app, short_cadence()).await;
    let mut convs = Vec::new();
    for i in 0..leads {
        convs.push(lead(app, &campaign, &format!("+1212555010{}", i % 10)).await);
    }
    convs
}

async fn wait_all(app: &TestApp, convs: &[ConversationId], what: &str, step: &str) {
    for conv in convs {
        until(app, *conv, what, |tl| has_step(tl, step)).await;
    }
}

/// No step ran twice, and the carrier saw each contact once.
async fn assert_each_step_once(app: &TestApp, convs: &[ConversationId], expected: &[&str]) {
    for conv in convs {
        let tl = timeline(app, *conv).await;
        assert_eq!(steps_run(&tl), expected, "{conv}: {:?}", kinds(&tl));
        let mut contacts: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &tl {
            *contacts.entry(r.event.kind()).or_default() += 1;
        }
        let sms = expected.iter().filter(|s| !s.starts_with("call")).count();
        assert_eq!(contacts.get("sms_sent").copied().unwrap_or(0), sms, "{conv}");
        assert_eq!(contacts.get("call_placed").copied().unwrap_or(0), expected.len() - sms, "{conv}");
    }
}

async fn killing_the_server_mid_cadence_loses_and_repeats_nothing(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    let convs = silent_leads(&app, 6).await;
    wait_all(&app, &convs, "intro texts", "intro").await;
    // The calls come due and the server dies while working on them.
    clock.advance(chrono::Duration::seconds(300));
    tokio::time::sleep(Duration::from_millis(30)).await;
    let app = app.kill_and_restart().await;
    // Claims the dead instance held lapse after their lease; then the new one takes them over.
    clock.advance(chrono::Duration::seconds(61));
    wait_all(&app, &convs, "calls", "call_1").await;
    clock.advance(chrono::Duration::seconds(35));
    let app = app.kill_and_restart().await;
    clock.advance(chrono::Duration::seconds(150));
    wait_all(&app, &convs, "missed-call texts", "missed_call_1").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_each_step_once(&app, &convs, &["intro", "call_1", "missed_call_1"]).await;
    let effects = app.sandbox.effects();
    assert_eq!(effects.len(), convs.len() * 3, "each contact reached the carrier once");
    app.stop().await;
}

async fn a_worker_that_dies_after_the_carrier_accepted_sends_nothing_twice(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(app) = spawn_engine(kind, clock.clone()).await else { return };
    app.faults.die_after_send.store(1, std::sync::atomic::Ordering::SeqCst);
    let campaign = campaign(&app, short_cadence()).await;
    let conv = lead(&app, &campaign, "+12125550100").await;
    // The carrier took the intro text, but the worker "died" before recording it.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while app.sandbox.effects().is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "the carrier never got the text");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(count(&timeline(&app, conv).await, "sms_sent"), 0, "nothing recorded yet");
    // Its claim lapses; a worker takes the row over and asks the carrier again with the same key.
    clock.advance(chrono::Duration::seconds(61));
    let tl = until(&app, conv, "the text to be recorded", |tl| has_step(tl, "intro")).await;
    assert_eq!(count(&tl, "sms_sent"), 1);
    assert_eq!(app.sandbox.effects().len(), 1, "the carrier sent it once");
    assert_eq!(app.sandbox.repeats(), 1, "the retry carried the same idempotency key");
    app.stop().await;
}

async fn leads_taken_while_no_worker_ran_are_routed_when_one_starts(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(api) = spawn_api(kind, clock.clone()).await else { return };
    let campaign = campaign(&api, short_cadence()).await;
    let convs = [lead(&api, &campaign, "+12125550100").await, lead(&api, &campaign, "+12125550101").await];
    tokio::time::sleep(Duration::from_millis(300)).await;
    for conv in convs {
        assert_eq!(kinds(&timeline(&api, conv).await), ["lead_created", "consent_granted", "consent_granted"]);
    }
    // A worker instance starting later never saw those appends announced; its scan of the
    // routing cursors finds them.
    let engine = api.another_engine().await;
    for conv in convs {
        until(&engine, conv, "the intro text", |tl| has_step(tl, "intro")).await;
    }
    engine.stop().await;
    api.stop().await;
}

async fn two_instances_share_the_work_without_duplicates(kind: Kind) {
    let clock = Arc::new(ManualClock::new(tuesday_10am_new_york()));
    let Some(first) = spawn_engine(kind, clock.clone()).await else { return };
    let second = first.another_instance().await;
    let convs = silent_leads(&first, 30).await;
    wait_all(&first, &convs, "intro texts", "intro").await;
    clock.advance(chrono::Duration::seconds(300));
    wait_all(&second, &convs, "calls", "call_1").await;
    clock.advance(chrono::Duration::seconds(35));
    tokio::time::sleep(Duration::from_millis(100)).await;
    clock.advance(chrono::Duration::seconds(150));
    wait_all(&first, &convs, "missed-call texts", "missed_call_1").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_each_step_once(&first, &convs, &["intro", "call_1", "missed_call_1"]).await;
    assert_eq!(first.sandbox.effects().len(), convs.len() * 3);
    let worked = |app: &TestApp| {
        app.stats.fired.load(std::sync::atomic::Ordering::Relaxed)
            + app.stats.sent.load(std::sync::atomic::Ordering::Relaxed)
    };
    eprintln!("work split: first {} second {}", worked(&first), worked(&second));
    assert!(worked(&first) > 0 && worked(&second) > 0, "both instances worked");
    second.stop().await;
    first.stop().await;
}

macro_rules! cadence_tests {
    (both: [$($both:ident),*], production: [$($prod:ident),*]) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $both() {
                    super::$both(super::Kind::Embedded).await;
                }
            )*
        }
        mod postgres_redis {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $both() {
                    super::$both(super::Kind::Production).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $prod() {
                    super::$prod(super::Kind::Production).await;
                }
            )*
        }
    };
}

cadence_tests! {
    both: [
        a_lead_runs_its_cadence_on_the_sandbox_carrier,
        a_late_night_form_is_texted_at_the_next_allowed_morning,
        a_reply_asking_for_a_call_escalates_and_stops_the_texts,
        a_stop_reply_revokes_consent_and_cancels_the_pending_call,
        killing_the_server_mid_cadence_loses_and_repeats_nothing,
        a_worker_that_dies_after_the_carrier_accepted_sends_nothing_twice,
        leads_taken_while_no_worker_ran_are_routed_when_one_starts
    ],
    production: [two_instances_share_the_work_without_duplicates]
}
