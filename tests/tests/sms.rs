//! Conversational SMS end to end: the real server and workers, a Twilio double at Twilio's REST
//! boundary, and signed Twilio (and Telnyx) webhooks carrying the lead's side. Both backends;
//! Postgres + Redis is required on CI.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use chrono::{DateTime, Utc};
use domain::vocab::{ConversationStatus, DisclosureKind, MessageSource};
use domain::{ConversationId, Event, EventRecord};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use server::ManualClock;
use throughline_e2e::doubles::{AgentBehaviour, AgentDouble, TwilioDouble, post_twilio};
use throughline_e2e::{Kind, TestApp, campaign_body, spawn_engine_with};

/// Where Twilio believes the server is (signatures are over this URL).
const PUBLIC: &str = "https://throughline.example";
/// The campaign's number.
const OURS: &str = "+14155550100";
/// The lead's number (not a sandbox script: this lead is on Twilio).
const LEAD: &str = "+13125550199";

/// Tuesday 2026-11-24 11:00 in Chicago, inside the campaign's 10:00–20:00 window.
fn tuesday_11am_chicago() -> DateTime<Utc> {
    "2026-11-24T17:00:00Z".parse().unwrap()
}

/// A Telnyx account key pair (the test signs as Telnyx would).
fn telnyx_keys() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

struct Rig {
    app: TestApp,
    twilio: TwilioDouble,
    clock: Arc<ManualClock>,
}

async fn rig(kind: Kind, at: DateTime<Utc>) -> Option<Rig> {
    let twilio = TwilioDouble::start().await;
    let clock = Arc::new(ManualClock::new(at));
    let (sid, token, base) = (twilio.account_sid.clone(), twilio.auth_token.clone(), twilio.base.clone());
    let public = base64::engine::general_purpose::STANDARD.encode(telnyx_keys().verifying_key().to_bytes());
    let app = spawn_engine_with(kind, clock.clone(), move |s| {
        s.server.public_url = Some(PUBLIC.into());
        s.carriers.twilio =
            Some(server::config::TwilioSettings { account_sid: sid, auth_token: token.into(), api_base: base });
        s.carriers.telnyx = Some(server::config::TelnyxSettings {
            api_key: "KEYtest".to_owned().into(),
            public_key: public,
            api_base: "http://127.0.0.1:9".into(),
            messaging_profile_id: None,
            connection_id: None,
        });
    })
    .await?;
    Some(Rig { app, twilio, clock })
}

impl Rig {
    async fn campaign(&self, cadence: Value, agent: Value) -> String {
        let mut body = campaign_body();
        body["cadence"] = cadence;
        body["agent"] = agent;
        body["sms"] = json!({"provider": "twilio", "from_number": OURS, "contact": "support@acme.example"});
        let response = self.app.post("/api/v1/campaigns", &body).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
    }

    async fn lead(&self, campaign: &str) -> (String, ConversationId) {
        let body = json!({
            "campaign_id": campaign, "phone": LEAD, "first_name": "Maria", "timezone": "America/Chicago",
            "state": "IL", "source": "form",
            "consent": [
                {"channel": "sms", "kind": "express_written", "text": "I agree to automated texts from Acme Solar.",
                 "captured_at": "2026-11-01T15:00:00Z"},
                {"channel": "voice", "kind": "express_written", "text": "I agree to AI calls from Acme Solar.",
                 "captured_at": "2026-11-01T15:00:00Z"}
            ]
        });
        let response = self.app.post("/api/v1/leads", &body).await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        (body["lead_id"].as_str().unwrap().to_owned(), body["conversation_id"].as_str().unwrap().parse().unwrap())
    }

    /// The lead texts us, through a signed Twilio webhook.
    async fn text(&self, sid: &str, body: &str) -> reqwest::Response {
        let params = [
            ("MessageSid", sid),
            ("AccountSid", "ACx"),
            ("From", LEAD),
            ("To", OURS),
            ("Body", body),
            ("NumMedia", "0"),
        ];
        post_twilio(
            &self.app.client,
            &self.app.url("/webhooks/twilio/sms"),
            &format!("{PUBLIC}/webhooks/twilio/sms"),
            &self.twilio.auth_token,
            &params,
        )
        .await
    }

    async fn timeline(&self, id: ConversationId) -> Vec<EventRecord> {
        self.app.timeline(id).await
    }

    async fn until(&self, id: ConversationId, what: &str, check: impl Fn(&[EventRecord]) -> bool) -> Vec<EventRecord> {
        self.app.until(id, what, check).await
    }

    /// The lead texts, the batching window passes, and the agent's answer reaches Twilio.
    async fn exchange(&self, sid: &str, body: &str) -> String {
        let sent = self.twilio.messages().len();
        let response = self.text(sid, body).await;
        assert_eq!(response.status(), 200, "{body}");
        self.clock.advance(chrono::Duration::seconds(8));
        self.twilio.wait_for(sent + 1).await[sent].body.clone()
    }
}

fn kinds(tl: &[EventRecord]) -> Vec<&'static str> {
    tl.iter().map(|r| r.event.kind()).collect()
}

fn count(tl: &[EventRecord], kind: &str) -> usize {
    tl.iter().filter(|r| r.event.kind() == kind).count()
}

fn fact(tl: &[EventRecord], slot: &str) -> Option<String> {
    tl.iter().rev().find_map(|r| match &r.event {
        Event::FactLearned { slot: s, value, .. } if s.as_str() == slot => value.as_str().map(str::to_owned),
        _ => None,
    })
}

/// A cadence that texts nothing for a week: the conversation is the lead's to start.
fn quiet() -> Value {
    json!({"steps": [{"id": "later", "action": "sms", "template": "follow_up", "delay_secs": 604800}]})
}

fn intro_only() -> Value {
    json!({"steps": [
        {"id": "intro", "action": "sms", "template": "intro"},
        {"id": "call_1", "action": "call", "delay_secs": 3600}
    ]})
}

async fn signed_messages_drive_a_conversation_to_booking(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    let campaign = rig.campaign(intro_only(), json!({"mode": "builtin"})).await;
    let (_, conv) = rig.lead(&campaign).await;
    let intro = rig.twilio.wait_for(1).await;
    assert_eq!((intro[0].to.as_str(), intro[0].from.as_str()), (LEAD, OURS));
    let callback = intro[0].status_callback.clone().expect("a status callback URL");
    assert!(callback.starts_with(&format!("{PUBLIC}/webhooks/twilio/sms/status?conversation_id={conv}")));

    let first = rig.exchange("SM001", "hi! yes, still interested").await;
    assert!(first.contains("Ava") && first.contains("Acme Solar") && first.contains("automated"), "{first}");
    assert!(first.contains("STOP"), "the first AI message says how to opt out: {first}");
    // A carrier retry of the same message changes nothing.
    rig.until(conv, "the reply to be recorded", |tl| count(tl, "sms_sent") == 2).await;
    let before = rig.timeline(conv).await.len();
    assert_eq!(rig.text("SM001", "hi! yes, still interested").await.status(), 200);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let after = rig.timeline(conv).await;
    assert_eq!((after.len(), count(&after, "sms_received")), (before, 1), "{:?}", kinds(&after));

    let mut last = first;
    for (i, answer) in
        ["need a new roof, the old one leaks", "next month ideally", "around $15k", "just me, it's my house"]
            .into_iter()
            .enumerate()
    {
        last = rig.exchange(&format!("SM1{i:02}"), answer).await;
    }
    assert!(last.contains(" or "), "two slots offered: {last}");
    let booked = rig.exchange("SM200", "the first one works").await;
    assert!(booked.to_lowercase().contains("booked"), "{booked}");
    let tl = rig
        .until(conv, "the booking and its confirmation", |tl| {
            count(tl, "sms_sent") == 7
                && tl.iter().any(|r| matches!(&r.event, Event::IntentDetected { intent, .. } if intent == "booked"))
        })
        .await;
    assert_eq!(fact(&tl, "budget").as_deref(), Some("$15k"));
    assert!(fact(&tl, "need").is_some_and(|n| n.contains("roof")));
    assert!(fact(&tl, "appointment").is_some());
    assert!(tl.iter().any(|r| matches!(&r.event, Event::StatusChanged { status: ConversationStatus::Qualified, .. })));
    let disclosures: Vec<_> = tl
        .iter()
        .filter_map(|r| match &r.event {
            Event::DisclosureRecorded { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(disclosures, [DisclosureKind::SmsIdentification], "identified once, in the first AI message");
    // Every AI message is recorded as the agent's, and the cadence's call was cancelled.
    let agent_sms =
        tl.iter().filter(|r| matches!(&r.event, Event::SmsSent { source: MessageSource::SmsAgent, .. })).count();
    assert_eq!(agent_sms, 6);
    assert_eq!(count(&tl, "sms_received"), 6);
    assert!(rig.app.store.pending_actions(conv).await.unwrap().is_empty());

    // Delivery status: forward only, retries once.
    let sid = rig.twilio.messages()[1].sid.clone();
    let status_url = rig.twilio.messages()[1].status_callback.clone().unwrap();
    let path = status_url.trim_start_matches(PUBLIC);
    let post = |status: &'static str| {
        let (sid, url, public) = (sid.clone(), rig.app.url(path), status_url.clone());
        let client = rig.app.client.clone();
        let token = rig.twilio.auth_token.clone();
        async move { post_twilio(&client, &url, &public, &token, &[("MessageSid", &sid), ("MessageStatus", status)]).await }
    };
    assert_eq!(post("delivered").await.status(), 200);
    assert_eq!(post("delivered").await.status(), 200);
    assert_eq!(post("sent").await.status(), 200);
    let tl = rig.timeline(conv).await;
    let statuses: Vec<_> = tl
        .iter()
        .filter_map(|r| match &r.event {
            Event::SmsStatus { status, .. } => Some(status.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(statuses, ["delivered"]);
    rig.app.stop().await;
}

async fn a_free_text_revocation_cancels_the_pending_call(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    // The same person filled another campaign's form earlier: the revocation covers it too.
    let older_campaign = rig.campaign(quiet(), json!({})).await;
    let (_, older) = rig.lead(&older_campaign).await;
    rig.until(older, "the older lead to be routed", |tl| count(tl, "action_scheduled") == 1).await;
    let campaign = rig.campaign(intro_only(), json!({})).await;
    let (lead_id, conv) = rig.lead(&campaign).await;
    rig.until(conv, "the call to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "call_1"))
    })
    .await;
    let response = rig.text("SM900", "pls stop texting me").await;
    assert_eq!(response.status(), 200);
    // Durable before the 2xx: the revocation and the cancellation are already there.
    let tl = rig.timeline(conv).await;
    assert_eq!(count(&tl, "consent_revoked"), 1);
    assert!(
        tl.iter().any(|r| matches!(&r.event, Event::ActionCancelled { reason, .. } if reason.contains("opted out")))
    );
    assert!(tl.iter().any(|r| matches!(&r.event, Event::StatusChanged { status: ConversationStatus::Dnc, .. })));
    assert!(rig.app.store.pending_actions(conv).await.unwrap().is_empty());
    let ledger = rig.app.store.lead(lead_id.parse().unwrap()).await.unwrap().unwrap().consent;
    assert!(ledger.iter().all(|c| c.revoked_at.is_some()));
    let older_tl = rig.timeline(older).await;
    assert_eq!(count(&older_tl, "consent_revoked"), 1, "{:?}", kinds(&older_tl));
    assert!(rig.app.store.pending_actions(older).await.unwrap().is_empty(), "the older cadence is cancelled");
    // One confirmation, no marketing; nothing else ever.
    let sent = rig.twilio.wait_for(2).await;
    assert!(sent[1].body.contains("unsubscribed"), "{}", sent[1].body);
    assert_eq!(rig.text("SM901", "STOP").await.status(), 200);
    rig.clock.advance(chrono::Duration::seconds(7200));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rig.twilio.messages().len(), 2);
    assert_eq!(count(&rig.timeline(conv).await, "call_placed"), 0);

    // START re-subscribes with a new ledger row; HELP answers with contact details.
    assert_eq!(rig.text("SM902", "START").await.status(), 200);
    let ledger = rig.app.store.lead(lead_id.parse().unwrap()).await.unwrap().unwrap().consent;
    assert_eq!(ledger.iter().filter(|c| c.revoked_at.is_none()).count(), 1, "{ledger:?}");
    assert!(rig.twilio.wait_for(3).await[2].body.contains("subscribed again"));
    assert_eq!(rig.text("SM903", "HELP").await.status(), 200);
    assert!(rig.twilio.wait_for(4).await[3].body.contains("support@acme.example"));
    rig.app.stop().await;
}

async fn bad_webhooks_write_nothing(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    let campaign = rig.campaign(quiet(), json!({})).await;
    let (_, conv) = rig.lead(&campaign).await;
    rig.until(conv, "the lead to be routed", |tl| count(tl, "action_scheduled") == 1).await;
    let before = rig.app.row_counts().await;
    let url = rig.app.url("/webhooks/twilio/sms");
    let public = format!("{PUBLIC}/webhooks/twilio/sms");
    let params = [("MessageSid", "SMbad"), ("From", LEAD), ("To", OURS), ("Body", "STOP")];
    // Signed with the wrong token.
    let forged = post_twilio(&rig.app.client, &url, &public, "not-the-token", &params).await;
    assert_eq!(forged.status(), 403);
    // No signature at all.
    let unsigned = rig.app.client.post(&url).form(&params).send().await.unwrap();
    assert_eq!(unsigned.status(), 403);
    // Signed for another URL.
    let elsewhere =
        post_twilio(&rig.app.client, &url, "https://evil.example/webhooks/twilio/sms", &rig.twilio.auth_token, &params)
            .await;
    assert_eq!(elsewhere.status(), 403);
    // Signed but malformed, and signed for a number pair nobody has.
    let no_from =
        post_twilio(&rig.app.client, &url, &public, &rig.twilio.auth_token, &[("MessageSid", "SMx"), ("To", OURS)])
            .await;
    assert_eq!(no_from.status(), 400);
    let stranger = [("MessageSid", "SMy"), ("From", "+16175550123"), ("To", OURS), ("Body", "hello")];
    let unknown = post_twilio(&rig.app.client, &url, &public, &rig.twilio.auth_token, &stranger).await;
    assert_eq!(unknown.status(), 404);
    // Telnyx: a replayed (stale) webhook and a tampered body.
    let body = json!({"data": {"event_type": "message.received", "id": "e1", "occurred_at": "2026-11-24T15:00:00Z",
        "payload": {"id": "tx1", "direction": "inbound", "type": "SMS", "from": {"phone_number": LEAD},
                    "to": [{"phone_number": OURS}], "text": "STOP"}}})
    .to_string();
    let telnyx = |timestamp: i64, signed: &str, sent: &str| {
        let signature = telnyx_keys().sign(format!("{timestamp}|{signed}").as_bytes());
        rig.app
            .client
            .post(rig.app.url("/webhooks/telnyx/sms"))
            .header("telnyx-timestamp", timestamp.to_string())
            .header("telnyx-signature-ed25519", base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()))
            .header("content-type", "application/json")
            .body(sent.to_owned())
            .send()
    };
    let now = tuesday_11am_chicago().timestamp();
    assert_eq!(telnyx(now - 600, &body, &body).await.unwrap().status(), 403);
    assert_eq!(telnyx(now, &body, &body.replace("STOP", "hi")).await.unwrap().status(), 403);
    assert_eq!(rig.app.row_counts().await, before, "nothing written");
    // A good Telnyx webhook lands (and revokes: it says STOP).
    assert_eq!(telnyx(now, &body, &body).await.unwrap().status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(count(&tl, "consent_revoked"), 1);
    rig.app.stop().await;
}

async fn the_send_api_passes_the_gate(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    let campaign = rig.campaign(quiet(), json!({})).await;
    let (lead_id, conv) = rig.lead(&campaign).await;
    let response =
        rig.app.post("/api/v1/sms/send", &json!({"leadId": lead_id, "message": "Your quote is ready."})).await;
    assert_eq!(response.status(), 202);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "queued");
    let sent = rig.twilio.wait_for(1).await;
    assert_eq!(sent[0].body, "Your quote is ready.");
    // A retried request with the same Idempotency-Key sends nothing new.
    let retry = |key: &'static str| {
        rig.app
            .client
            .post(rig.app.url("/api/v1/sms/send"))
            .bearer_auth(&rig.app.api_key)
            .header("idempotency-key", key)
            .json(&json!({"leadId": lead_id, "message": "See you Tuesday."}))
            .send()
    };
    let first = retry("quote-42").await.unwrap();
    assert_eq!(first.status(), 202);
    let first: Value = first.json().await.unwrap();
    let again = retry("quote-42").await.unwrap();
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!((again["message_id"].clone(), again["duplicate"].clone()), (first["message_id"].clone(), json!(true)));
    rig.twilio.wait_for(2).await;
    let tl = rig.until(conv, "the api messages", |tl| count(tl, "sms_sent") == 2).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(rig.twilio.messages().len(), 2, "one message per key");
    assert!(tl.iter().any(|r| matches!(&r.event, Event::SmsSent { source: MessageSource::Api, .. })));
    // 11 pm in Chicago: the window blocks it, 409 names the rule, nothing is written.
    rig.clock.set("2026-11-25T05:00:00Z".parse().unwrap());
    let before = rig.app.row_counts().await;
    let late = rig.app.post("/api/v1/sms/send", &json!({"lead_id": lead_id, "message": "hello?"})).await;
    let (status, code, field) = throughline_e2e::error_of(late).await;
    assert_eq!((status, code.as_str(), field.as_deref()), (409, "blocked_by_compliance", Some("contact_window")));
    assert_eq!(rig.app.row_counts().await, before);
    let unknown = rig.app.post("/api/v1/sms/send", &json!({"leadId": uuid::Uuid::new_v4(), "message": "x"})).await;
    assert_eq!(unknown.status(), 404);
    rig.app.stop().await;
}

async fn a_failing_webhook_agent_falls_back_to_the_built_in_one(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    let broken = AgentDouble::start(AgentBehaviour::Fail).await;
    let campaign = rig.campaign(quiet(), json!({"mode": "webhook", "url": broken.url})).await;
    let (_, conv) = rig.lead(&campaign).await;
    let reply = rig.exchange("SM300", "is this a bot?").await;
    assert!(reply.to_lowercase().contains("automated"), "{reply}");
    let tl = rig.until(conv, "the agent's turn", |tl| count(tl, "agent_replied") == 1).await;
    let fallback = tl.iter().find_map(|r| match &r.event {
        Event::AgentReplied { agent, fallback, .. } => Some((agent.clone(), fallback.clone())),
        _ => None,
    });
    assert_eq!(fallback, Some(("builtin".into(), Some("answered HTTP 500".into()))));
    assert_eq!(broken.requests.lock().unwrap().len(), 1);
    assert!(tl.iter().any(|r| matches!(&r.event, Event::DisclosureRecorded { kind: DisclosureKind::BotQuestion, .. })));

    // A working webhook agent is used, and its first message is made to identify the sender.
    let good = AgentDouble::start(AgentBehaviour::Answer(
        json!({"reply": "Great, what's your address?", "facts": {"product": "solar"}, "intent": "interest"}),
    ))
    .await;
    let campaign = rig.campaign(quiet(), json!({"mode": "webhook", "url": good.url})).await;
    let (_, second) = rig.lead(&campaign).await;
    // The newest conversation for the number pair takes the lead's texts.
    let reply = rig.exchange("SM301", "hi there").await;
    assert!(reply.starts_with("Hi Maria, this is Ava with Acme Solar, an automated assistant."), "{reply}");
    assert!(reply.contains("Great, what's your address?"), "{reply}");
    let tl = rig.until(second, "the webhook agent's turn", |tl| count(tl, "agent_replied") == 1).await;
    assert_eq!(fact(&tl, "product").as_deref(), Some("solar"));
    let context = good.requests.lock().unwrap()[0].clone();
    assert_eq!(context["messages"][0]["text"], "hi there");
    assert_eq!(context["lead"]["first_name"], "Maria");
    assert_eq!(context["first_ai_message"], true);
    assert_eq!(count(&rig.timeline(conv).await, "sms_received"), 1, "the older conversation got nothing new");
    rig.app.stop().await;
}

async fn a_revocation_read_by_the_agent_is_honoured(kind: Kind) {
    let Some(rig) = rig(kind, tuesday_11am_chicago()).await else { return };
    let agent = AgentDouble::start(AgentBehaviour::Answer(json!({"intent": "opt_out"}))).await;
    let campaign = rig.campaign(intro_only(), json!({"mode": "webhook", "url": agent.url})).await;
    let (_, conv) = rig.lead(&campaign).await;
    rig.twilio.wait_for(1).await;
    let confirmation = rig.exchange("SM500", "ok whatever, I'm done with this").await;
    assert!(confirmation.contains("unsubscribed"), "{confirmation}");
    let tl = rig.until(conv, "the revocation", |tl| count(tl, "consent_revoked") == 1).await;
    assert!(tl.iter().any(|r| matches!(&r.event, Event::StatusChanged { status: ConversationStatus::Dnc, .. })));
    assert!(rig.app.store.pending_actions(conv).await.unwrap().is_empty(), "the cadence's call is cancelled");
    rig.app.stop().await;
}

async fn out_of_hours_messages_get_the_auto_reply_and_a_morning_answer(kind: Kind) {
    // 22:30 in Chicago.
    let Some(rig) = rig(kind, "2026-11-25T04:30:00Z".parse().unwrap()).await else { return };
    let campaign = rig.campaign(quiet(), json!({})).await;
    let (_, conv) = rig.lead(&campaign).await;
    let auto = rig.exchange("SM400", "hey, what does this cost?").await;
    assert!(auto.contains("away right now"), "{auto}");
    let tl = rig.timeline(conv).await;
    assert_eq!(count(&tl, "agent_replied"), 0, "the agent waits for the morning");
    // The campaign window opens at 10:00 local (16:00 UTC).
    rig.clock.set("2026-11-25T16:00:01Z".parse().unwrap());
    let morning = rig.twilio.wait_for(2).await[1].body.clone();
    assert!(morning.contains("Acme Solar"), "{morning}");
    rig.until(conv, "the morning answer", |tl| count(tl, "agent_replied") == 1).await;
    rig.app.stop().await;
}

throughline_e2e::for_each_backend!(
    signed_messages_drive_a_conversation_to_booking,
    a_free_text_revocation_cancels_the_pending_call,
    bad_webhooks_write_nothing,
    the_send_api_passes_the_gate,
    a_failing_webhook_agent_falls_back_to_the_built_in_one,
    a_revocation_read_by_the_agent_is_honoured,
    out_of_hours_messages_get_the_auto_reply_and_a_morning_answer,
);
