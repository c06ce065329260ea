//! Voice call control end to end: the real server and workers place a cadence's call through a
//! Twilio, Telnyx or Vonage double speaking the carrier's REST API, signed call webhooks carry the
//! carrier's side (answer, answering machine, hang-up), and the call's progress lands on the
//! timeline once. Both backends; Postgres + Redis is required on CI.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use chrono::{DateTime, Utc};
use domain::vocab::{AnsweredBy, CallOutcome};
use domain::{CallId, ConversationId, E164, Event, EventRecord};
use ed25519_dalek::SigningKey;
use providers::{Carrier, CarrierError, TelnyxAccount, TelnyxCarrier, TwilioAccount, TwilioCarrier};
use serde_json::{Value, json};
use server::voice::calls::HangUpError;
use server::{Clock, ManualClock};
use throughline_e2e::doubles::{TelnyxDouble, TwilioDouble, VonageDouble, post_telnyx, post_twilio};
use throughline_e2e::media::{CarrierClient, Received, stream_failures};
use throughline_e2e::timeline::{count, kinds, placed};
use throughline_e2e::{Kind, TestApp, campaign_body, spawn_engine_with};

/// Where the carriers believe the server is (Twilio signs this URL; streams go to `wss://`).
const PUBLIC: &str = "https://throughline.example";
/// The campaign's number.
const OURS: &str = "+14155550100";
/// The lead's number.
const LEAD: &str = "+13125550199";
/// The Telnyx Call Control connection the deployment places calls with.
const CONNECTION: &str = "conn-voice-1";
/// The Vonage account's signature secret (signs its webhooks).
const VONAGE_SECRET: &str = "vonage-signature-secret";

/// Tuesday 2026-11-24 11:00 in Chicago, inside the campaign's 10:00–20:00 window.
fn tuesday_11am_chicago() -> DateTime<Utc> {
    "2026-11-24T17:00:00Z".parse().unwrap()
}

fn telnyx_keys() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

struct Rig {
    app: TestApp,
    twilio: TwilioDouble,
    telnyx: TelnyxDouble,
    vonage: VonageDouble,
    clock: Arc<ManualClock>,
}

async fn rig(kind: Kind, public_url: Option<&str>) -> Option<Rig> {
    let twilio = TwilioDouble::start().await;
    let telnyx = TelnyxDouble::start().await;
    let vonage = VonageDouble::start().await;
    let clock = Arc::new(ManualClock::new(tuesday_11am_chicago()));
    let (sid, token, base) = (twilio.account_sid.clone(), twilio.auth_token.clone(), twilio.base.clone());
    let (telnyx_key, telnyx_base) = (telnyx.api_key.clone(), telnyx.base.clone());
    let public_key = base64::engine::general_purpose::STANDARD.encode(telnyx_keys().verifying_key().to_bytes());
    let public_url = public_url.map(str::to_owned);
    let vonage_settings = server::config::VonageSettings {
        application_id: vonage.application_id.clone(),
        private_key: vonage.private_key_pem.clone().into(),
        signature_secret: VONAGE_SECRET.to_owned().into(),
        api_base: vonage.base.clone(),
    };
    let app = spawn_engine_with(kind, clock.clone(), move |s| {
        s.server.public_url = public_url;
        s.carriers.twilio =
            Some(server::config::TwilioSettings { account_sid: sid, auth_token: token.into(), api_base: base });
        s.carriers.telnyx = Some(server::config::TelnyxSettings {
            api_key: telnyx_key.into(),
            public_key,
            api_base: telnyx_base,
            messaging_profile_id: None,
            connection_id: Some(CONNECTION.into()),
        });
        s.carriers.vonage = Some(vonage_settings);
    })
    .await?;
    Some(Rig { app, twilio, telnyx, vonage, clock })
}

/// Call first; if the call is missed, a text a minute later.
fn call_cadence() -> Value {
    json!({"steps": [
        {"id": "call_1", "action": "call"},
        {"id": "missed_call_1", "action": "sms", "template": "missed_call", "delay_secs": 60,
         "after_call": ["voicemail", "no_answer", "busy", "failed"]}
    ]})
}

impl Rig {
    /// A campaign calling through `provider` and texting through Twilio.
    async fn campaign(&self, provider: &str) -> String {
        let mut body = campaign_body();
        body["cadence"] = call_cadence();
        body["sms"] = json!({"provider": "twilio", "from_number": OURS});
        body["voice"] = json!({"provider": provider, "from_number": OURS, "bot_url": "wss://bot.example/ws"});
        let response = self.app.post("/api/v1/campaigns", &body).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
    }

    async fn lead(&self, campaign: &str) -> ConversationId {
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
        response.json::<Value>().await.unwrap()["conversation_id"].as_str().unwrap().parse().unwrap()
    }

    async fn timeline(&self, id: ConversationId) -> Vec<EventRecord> {
        self.app.timeline(id).await
    }

    async fn until(&self, id: ConversationId, what: &str, check: impl Fn(&[EventRecord]) -> bool) -> Vec<EventRecord> {
        self.app.until(id, what, check).await
    }

    /// The call the cadence placed, once the carrier's id for it is recorded.
    async fn placed(&self, conv: ConversationId) -> (CallId, String) {
        let tl = self.until(conv, "the call to be placed", |tl| placed(tl).is_some()).await;
        placed(&tl).unwrap()
    }

    /// Waits for the cadence's call to be dropped before the carrier, for a reason naming
    /// `why`, and checks that nothing was placed.
    async fn dropped_call(&self, conv: ConversationId, why: &str) {
        let tl = self
            .until(conv, "the call to be dropped", |tl| {
                tl.iter().any(|r| matches!(&r.event, Event::ActionCancelled { .. }))
            })
            .await;
        let reason = tl.iter().find_map(|r| match &r.event {
            Event::ActionCancelled { reason, .. } => Some(reason.clone()),
            _ => None,
        });
        assert!(reason.as_deref().is_some_and(|r| r.contains("call_1") && r.contains(why)), "{reason:?}");
        assert_eq!(count(&tl, "call_placed"), 0);
    }

    /// Row counts once the workers have nothing left to write.
    async fn settled_counts(&self) -> std::collections::BTreeMap<&'static str, i64> {
        let mut last = self.app.row_counts().await;
        loop {
            tokio::time::sleep(Duration::from_millis(150)).await;
            let now = self.app.row_counts().await;
            if now == last {
                return now;
            }
            last = now;
        }
    }

    /// A signed Twilio voice webhook to `url` (as given to Twilio, under `PUBLIC`).
    async fn twilio_hook(&self, url: &str, params: &[(&str, &str)]) -> reqwest::Response {
        let path = url.strip_prefix(PUBLIC).expect("a URL under the public URL");
        post_twilio(&self.app.client, &self.app.url(path), url, &self.twilio.auth_token, params).await
    }

    /// A signed Telnyx call webhook to `url` (as given to Telnyx), signed at the server's now.
    async fn telnyx_hook(&self, url: &str, body: &Value) -> reqwest::Response {
        let path = url.strip_prefix(PUBLIC).expect("a URL under the public URL");
        let now = self.clock.now().timestamp();
        post_telnyx(&self.app.client, &self.app.url(path), &telnyx_keys(), now, &body.to_string()).await
    }

    /// A Vonage call event to `url` (as given to Vonage), signed at the server's now.
    async fn vonage_hook(&self, url: &str, body: &Value) -> reqwest::Response {
        let path = url.strip_prefix(PUBLIC).expect("a URL under the public URL");
        let body = body.to_string();
        let auth = providers::vonage::sign(VONAGE_SECRET, body.as_bytes(), self.clock.now().timestamp());
        self.app
            .client
            .post(self.app.url(path))
            .header("authorization", auth)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("webhook")
    }
}

fn answers(tl: &[EventRecord]) -> Vec<AnsweredBy> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::CallAnswered { answered_by, .. } => Some(*answered_by),
            _ => None,
        })
        .collect()
}

fn endings(tl: &[EventRecord]) -> Vec<(CallOutcome, u32, Option<String>)> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::CallEnded { outcome, duration_secs, reason, .. } => Some((*outcome, *duration_secs, reason.clone())),
            _ => None,
        })
        .collect()
}

/// The value of `<Parameter name="token" value="…"/>` in TwiML.
fn token_of(twiml: &str) -> String {
    let start = twiml.find("<Parameter name=\"token\" value=\"").expect("a token parameter") + 31;
    let end = start + twiml[start..].find('"').expect("closing quote");
    twiml[start..end].to_owned()
}

async fn a_twilio_call_is_answered_into_the_gateway_and_ends_once(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.twilio.wait_for_calls(1).await.remove(0);
    let (call_id, sid) = rig.placed(conv).await;
    assert_eq!(sid, call.sid);
    assert_eq!((call.get("To"), call.get("From")), (Some(LEAD), Some(OURS)));
    let voice_url = format!("{PUBLIC}/webhooks/twilio/voice?conversation_id={conv}&call_id={call_id}");
    let status_url = format!("{PUBLIC}/webhooks/twilio/voice/status?conversation_id={conv}&call_id={call_id}");
    assert_eq!(call.get("Url"), Some(voice_url.as_str()));
    assert_eq!(call.get("StatusCallback"), Some(status_url.as_str()));
    assert_eq!(call.get("MachineDetection"), Some("Enable"));
    assert!(call.all("StatusCallbackEvent").contains(&"completed"));

    // Ringing adds nothing to the timeline.
    let ringing = rig.twilio_hook(&status_url, &[("CallSid", &sid), ("CallStatus", "ringing")]).await;
    assert_eq!(ringing.status(), 200);
    assert_eq!(count(&rig.timeline(conv).await, "call_answered"), 0);

    // A person answers: TwiML connects the call to the gateway with a token for this call.
    let params = [("CallSid", sid.as_str()), ("CallStatus", "in-progress"), ("AnsweredBy", "human")];
    let answer = rig.twilio_hook(&voice_url, &params).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "text/xml");
    let twiml = answer.text().await.unwrap();
    assert!(twiml.contains("<Response><Connect><Stream url=\"wss://throughline.example/media/twilio\">"), "{twiml}");
    let claims = rig.app.state.voice.tokens.verify(&token_of(&twiml), rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    // Twilio fetching the TwiML again records nothing new.
    assert_eq!(rig.twilio_hook(&voice_url, &params).await.status(), 200);
    assert_eq!(answers(&rig.timeline(conv).await), [AnsweredBy::Human]);

    // The call completes; the callback is delivered twice.
    let completed = [("CallSid", sid.as_str()), ("CallStatus", "completed"), ("CallDuration", "42")];
    assert_eq!(rig.twilio_hook(&status_url, &completed).await.status(), 200);
    assert_eq!(rig.twilio_hook(&status_url, &completed).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 42, Some("completed".into()))], "{:?}", kinds(&tl));
    // The lead answered: nothing more from the cadence.
    assert!(rig.app.store.pending_actions(conv).await.unwrap().is_empty());
    // Instructions asked for after the end hang up.
    let late = rig.twilio_hook(&voice_url, &params).await.text().await.unwrap();
    assert!(late.contains("<Hangup/>"), "{late}");
    rig.app.stop().await;
}

/// The inbound call `sid` on the timeline.
fn received(tl: &[EventRecord], sid: &str) -> Vec<CallId> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::CallReceived { call_id, provider_call_id: Some(id), .. } if id == sid => Some(*call_id),
            _ => None,
        })
        .collect()
}

/// The lead calls the campaign's number back before the cadence's text goes out: the call lands
/// on the lead's conversation, is streamed to the gateway with a token for it, stops the
/// cadence, and ends once. Strangers and withheld numbers are turned away with nothing written;
/// an opted-out lead is never put through to the AI.
/// A lead on a campaign whose number is `provider`'s (texting through Twilio when `provider`
/// sends no texts), with a text pending an hour out.
async fn lead_with_a_pending_text(rig: &Rig, provider: &str) -> ConversationId {
    let mut body = campaign_body();
    body["cadence"] =
        json!({"steps": [{"id": "sms_1", "action": "sms", "template": "missed_call", "delay_secs": 3600}]});
    let texts = if provider == "vonage" { "twilio" } else { provider };
    body["sms"] = json!({"provider": texts, "from_number": OURS});
    body["voice"] = json!({"provider": provider, "from_number": OURS, "bot_url": "wss://bot.example/ws"});
    let response = rig.app.post("/api/v1/campaigns", &body).await;
    assert_eq!(response.status(), 201);
    let campaign = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let conv = rig.lead(&campaign).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while rig.app.store.pending_actions(conv).await.unwrap().is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "the cadence's text was never scheduled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    conv
}

/// Waits until the lead's reaching out has cancelled the cadence's pending text.
async fn until_the_cadence_stops(rig: &Rig, conv: ConversationId) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !rig.app.store.pending_actions(conv).await.unwrap().is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the cadence kept its text: {:?}",
            kinds(&rig.timeline(conv).await)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The outcomes of `call`'s endings on `tl`.
fn endings_of(tl: &[EventRecord], call: CallId) -> Vec<CallOutcome> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::CallEnded { call_id, outcome, .. } if *call_id == call => Some(*outcome),
            _ => None,
        })
        .collect()
}

async fn a_lead_calling_in_reaches_the_bot_on_the_same_conversation(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let conv = lead_with_a_pending_text(&rig, "twilio").await;

    // Twilio asks for instructions at the number's voice URL, which names no call.
    let voice_url = format!("{PUBLIC}/webhooks/twilio/voice");
    let status_url = format!("{PUBLIC}/webhooks/twilio/voice/status");
    let ringing =
        [("CallSid", "CAin1"), ("From", LEAD), ("To", OURS), ("Direction", "inbound"), ("CallStatus", "ringing")];
    let answer = rig.twilio_hook(&voice_url, &ringing).await;
    assert_eq!(answer.status(), 200);
    let twiml = answer.text().await.unwrap();
    assert!(twiml.contains("<Response><Connect><Stream url=\"wss://throughline.example/media/twilio\">"), "{twiml}");
    let tl = rig.timeline(conv).await;
    let [call_id] = received(&tl, "CAin1")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    let claims = rig.app.state.voice.tokens.verify(&token_of(&twiml), rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    // A retry answers the same call and records nothing new.
    let again = rig.twilio_hook(&voice_url, &ringing).await.text().await.unwrap();
    let claims = rig.app.state.voice.tokens.verify(&token_of(&again), rig.clock.now()).unwrap();
    assert_eq!(claims.call, call_id);
    assert_eq!(received(&rig.timeline(conv).await, "CAin1"), [call_id]);
    assert_eq!(count(&rig.timeline(conv).await, "call_placed"), 0, "no attempt of ours");

    // The lead reached out: the cadence's pending text is cancelled.
    until_the_cadence_stops(&rig, conv).await;

    // The number's status callback ends the call, once.
    let completed =
        [("CallSid", "CAin1"), ("From", LEAD), ("To", OURS), ("CallStatus", "completed"), ("CallDuration", "31")];
    assert_eq!(rig.twilio_hook(&status_url, &completed).await.status(), 200);
    assert_eq!(rig.twilio_hook(&status_url, &completed).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 31, Some("completed".into()))], "{:?}", kinds(&tl));
    let late = rig.twilio_hook(&voice_url, &ringing).await.text().await.unwrap();
    assert!(late.contains("<Hangup/>"), "{late}");

    // Strangers, withheld numbers and forgeries: turned away, nothing written.
    let before = rig.settled_counts().await;
    let stranger = [("CallSid", "CAin2"), ("From", "+13125550111"), ("To", OURS), ("CallStatus", "ringing")];
    let rejected = rig.twilio_hook(&voice_url, &stranger).await.text().await.unwrap();
    assert!(rejected.contains("<Reject/>"), "{rejected}");
    let withheld = [("CallSid", "CAin3"), ("From", "anonymous"), ("To", OURS), ("CallStatus", "ringing")];
    assert!(rig.twilio_hook(&voice_url, &withheld).await.text().await.unwrap().contains("<Reject/>"));
    let forged =
        post_twilio(&rig.app.client, &rig.app.url("/webhooks/twilio/voice"), &voice_url, "nope", &ringing).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(rig.twilio_hook(&voice_url, &[("From", LEAD), ("To", OURS)]).await.status(), 400, "no CallSid");
    let unknown = [("CallSid", "CAnever"), ("From", LEAD), ("To", OURS), ("CallStatus", "completed")];
    assert_eq!(rig.twilio_hook(&status_url, &unknown).await.status(), 404);
    assert_eq!(rig.app.row_counts().await, before, "nothing written");

    // Once the lead has opted out, a call is recorded and hung up, never bridged.
    let dnc = rig.app.put(&format!("/api/v1/conversations/{conv}/status"), &json!({"status": "dnc"})).await;
    assert_eq!(dnc.status(), 200);
    let later = [("CallSid", "CAin4"), ("From", LEAD), ("To", OURS), ("CallStatus", "ringing")];
    let hung_up = rig.twilio_hook(&voice_url, &later).await.text().await.unwrap();
    assert!(hung_up.contains("<Hangup/>") && !hung_up.contains("<Stream"), "{hung_up}");
    let tl = rig.timeline(conv).await;
    let [second] = received(&tl, "CAin4")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    assert_eq!(endings_of(&tl, second), [CallOutcome::Failed]);
    rig.app.stop().await;
}

/// A Telnyx Call Control event about a lead's call (`direction` `incoming`), as Telnyx posts it
/// to the connection's webhook URL.
fn telnyx_incoming(id: &str, kind: &str, control_id: &str, from: &str, extra: Value) -> Value {
    let mut payload = json!({"call_control_id": control_id, "connection_id": CONNECTION,
        "call_leg_id": format!("leg-{control_id}"), "call_session_id": format!("session-{control_id}"),
        "direction": "incoming", "from": from, "to": OURS, "state": "parked",
        "start_time": tuesday_11am_chicago().to_rfc3339()});
    if let (Some(payload), Some(extra)) = (payload.as_object_mut(), extra.as_object()) {
        payload.extend(extra.clone());
    }
    json!({"data": {"record_type": "event", "id": id, "event_type": kind,
                    "occurred_at": tuesday_11am_chicago().to_rfc3339(), "payload": payload},
           "meta": {"attempt": 1, "delivered_to": format!("{PUBLIC}/webhooks/telnyx/voice")}})
}

/// Telnyx: the lead's call is recorded once and answered through Call Control with the
/// gateway's stream; strangers and opted-out leads are rejected.
async fn a_lead_calling_a_telnyx_number_is_answered_into_the_gateway(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let conv = lead_with_a_pending_text(&rig, "telnyx").await;
    let url = format!("{PUBLIC}/webhooks/telnyx/voice");
    let ringing = telnyx_incoming("ev-in-1", "call.initiated", "v3:in1", LEAD, json!({}));
    assert_eq!(rig.telnyx_hook(&url, &ringing).await.status(), 200);
    let answer = rig.telnyx.wait_for_answers(1).await.remove(0);
    assert_eq!(answer.call_control_id, "v3:in1");
    let tl = rig.timeline(conv).await;
    let [call_id] = received(&tl, "v3:in1")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    assert_eq!(answer.body["command_id"], format!("answer:{call_id}"), "a retried answer is one command");
    assert_eq!(answer.body["stream_bidirectional_codec"], "PCMU");
    let stream = answer.body["stream_url"].as_str().unwrap();
    let token = stream.strip_prefix("wss://throughline.example/media/telnyx?token=").expect(stream);
    let claims = rig.app.state.voice.tokens.verify(token, rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    let client_state = answer.body["client_state"].as_str().unwrap().to_owned();
    let state = providers::ClientState::decode(&client_state).expect("our client_state");
    assert_eq!((state.conversation_id, state.call_id), (conv, call_id));
    // A retry records nothing new.
    assert_eq!(rig.telnyx_hook(&url, &ringing).await.status(), 200);
    assert_eq!(received(&rig.timeline(conv).await, "v3:in1"), [call_id]);
    assert_eq!(count(&rig.timeline(conv).await, "call_placed"), 0, "no attempt of ours");
    until_the_cadence_stops(&rig, conv).await;

    // From the answer on, Telnyx echoes the client_state: the lead's call was answered by us.
    let with_state = |id: &str, kind: &str, extra: Value| {
        let mut event = telnyx_incoming(id, kind, "v3:in1", LEAD, extra);
        event["data"]["payload"]["client_state"] = json!(client_state);
        event
    };
    let answered = with_state("ev-in-2", "call.answered", json!({"state": "answered"}));
    assert_eq!(rig.telnyx_hook(&url, &answered).await.status(), 200);
    assert_eq!(answers(&rig.timeline(conv).await), [AnsweredBy::Human]);
    rig.clock.advance(chrono::Duration::seconds(30));
    let hangup = with_state(
        "ev-in-3",
        "call.hangup",
        json!({"hangup_cause": "normal_clearing", "end_time": rig.clock.now().to_rfc3339(), "state": "hangup"}),
    );
    assert_eq!(rig.telnyx_hook(&url, &hangup).await.status(), 200);
    assert_eq!(rig.telnyx_hook(&url, &hangup).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 30, Some("normal_clearing".into()))], "{:?}", kinds(&tl));

    // Strangers and withheld numbers: rejected, nothing written; their hang-ups change nothing.
    let before = rig.settled_counts().await;
    let stranger = telnyx_incoming("ev-in-4", "call.initiated", "v3:in2", "+13125550111", json!({}));
    assert_eq!(rig.telnyx_hook(&url, &stranger).await.status(), 200);
    let withheld = telnyx_incoming("ev-in-5", "call.initiated", "v3:in3", "anonymous", json!({}));
    assert_eq!(rig.telnyx_hook(&url, &withheld).await.status(), 200);
    let mut rejected = rig.telnyx.wait_for_rejects(2).await;
    rejected.sort();
    assert_eq!(rejected, ["v3:in2", "v3:in3"]);
    let gone =
        telnyx_incoming("ev-in-6", "call.hangup", "v3:in2", "+13125550111", json!({"hangup_cause": "call_rejected"}));
    assert_eq!(rig.telnyx_hook(&url, &gone).await.status(), 200);
    // The lead's number with a call id we never recorded: 404; no call id at all: 400.
    let unknown = telnyx_incoming("ev-in-7", "call.hangup", "v3:never", LEAD, json!({"hangup_cause": "timeout"}));
    assert_eq!(rig.telnyx_hook(&url, &unknown).await.status(), 404);
    let mut nameless = telnyx_incoming("ev-in-8", "call.initiated", "", LEAD, json!({}));
    nameless["data"]["payload"].as_object_mut().unwrap().remove("call_control_id");
    assert_eq!(rig.telnyx_hook(&url, &nameless).await.status(), 400);
    let forger = SigningKey::from_bytes(&[9u8; 32]);
    let (endpoint, now) = (rig.app.url("/webhooks/telnyx/voice"), rig.clock.now().timestamp());
    let forged = post_telnyx(&rig.app.client, &endpoint, &forger, now, &ringing.to_string()).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(rig.app.row_counts().await, before, "nothing written");
    assert_eq!(rig.telnyx.answers().len(), 1, "nobody else was answered");

    // Once the lead has opted out, the call is recorded, ended as failed and rejected.
    let dnc = rig.app.put(&format!("/api/v1/conversations/{conv}/status"), &json!({"status": "dnc"})).await;
    assert_eq!(dnc.status(), 200);
    let later = telnyx_incoming("ev-in-9", "call.initiated", "v3:in4", LEAD, json!({}));
    assert_eq!(rig.telnyx_hook(&url, &later).await.status(), 200);
    assert!(rig.telnyx.wait_for_rejects(3).await.contains(&"v3:in4".to_owned()));
    let tl = rig.timeline(conv).await;
    let [second] = received(&tl, "v3:in4")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    assert_eq!(endings_of(&tl, second), [CallOutcome::Failed]);
    assert_eq!(rig.telnyx.answers().len(), 1, "never answered");
    // Its hang-up carries no client_state (we never answered): found by caller and call id,
    // and it ended already.
    let rejected = telnyx_incoming("ev-in-10", "call.hangup", "v3:in4", LEAD, json!({"hangup_cause": "call_rejected"}));
    assert_eq!(rig.telnyx_hook(&url, &rejected).await.status(), 200);
    assert_eq!(endings_of(&rig.timeline(conv).await, second), [CallOutcome::Failed]);
    rig.app.stop().await;
}

/// A Vonage answer or event webhook about a lead's call, as Vonage posts it: numbers as
/// digits without the `+`.
fn vonage_inbound(uuid: &str, from: &str, extra: Value) -> Value {
    let mut body = json!({"uuid": uuid, "conversation_uuid": format!("CON-{uuid}"),
                          "from": from.trim_start_matches('+'), "to": OURS.trim_start_matches('+'),
                          "region_url": "https://api-us-3.vonage.com"});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    body
}

async fn a_lead_calling_a_vonage_number_is_connected_to_the_gateway(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let conv = lead_with_a_pending_text(&rig, "vonage").await;
    let (answer_url, event_url) =
        (format!("{PUBLIC}/webhooks/vonage/voice/answer"), format!("{PUBLIC}/webhooks/vonage/voice/event"));
    let ringing = vonage_inbound("in-1", LEAD, json!({}));
    let response = rig.vonage_hook(&answer_url, &ringing).await;
    assert_eq!(response.status(), 200);
    let ncco: Value = response.json().await.unwrap();
    let tl = rig.timeline(conv).await;
    let [call_id] = received(&tl, "in-1")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    assert_eq!(ncco[0]["action"], "connect", "{ncco}");
    let endpoint = &ncco[0]["endpoint"][0];
    assert_eq!(
        (&endpoint["type"], &endpoint["uri"]),
        (&json!("websocket"), &json!("wss://throughline.example/media/vonage"))
    );
    assert_eq!(endpoint["content-type"], "audio/l16;rate=16000");
    let token = endpoint["headers"]["token"].as_str().expect("a token header");
    let claims = rig.app.state.voice.tokens.verify(token, rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    // A retry answers the same call and records nothing new.
    let again: Value = rig.vonage_hook(&answer_url, &ringing).await.json().await.unwrap();
    let token = again[0]["endpoint"][0]["headers"]["token"].as_str().unwrap();
    assert_eq!(rig.app.state.voice.tokens.verify(token, rig.clock.now()).unwrap().call, call_id);
    assert_eq!(received(&rig.timeline(conv).await, "in-1"), [call_id]);
    assert_eq!(count(&rig.timeline(conv).await, "call_placed"), 0, "no attempt of ours");
    until_the_cadence_stops(&rig, conv).await;

    // The application's event URL names no call: found by caller and uuid.
    let event = |uuid: &str, status: &str, extra: Value| {
        let mut event = vonage_inbound(
            uuid,
            LEAD,
            json!({"status": status, "direction": "inbound",
                                                         "timestamp": rig.clock.now().to_rfc3339()}),
        );
        if let (Some(event), Some(extra)) = (event.as_object_mut(), extra.as_object()) {
            event.extend(extra.clone());
        }
        event
    };
    for status in ["started", "ringing", "answered"] {
        assert_eq!(rig.vonage_hook(&event_url, &event("in-1", status, json!({}))).await.status(), 204, "{status}");
    }
    assert_eq!(answers(&rig.timeline(conv).await), [AnsweredBy::Human], "the lead's own call: a person");
    // The websocket leg's own events name the gateway, not a phone: acknowledged, nothing kept.
    let leg = json!({"uuid": "leg-ws-1", "status": "answered", "direction": "outbound",
                     "from": OURS.trim_start_matches('+'), "to": "wss://throughline.example/media/vonage"});
    assert_eq!(rig.vonage_hook(&event_url, &leg).await.status(), 204);
    rig.clock.advance(chrono::Duration::seconds(25));
    let completed = event("in-1", "completed", json!({"duration": "25", "end_time": rig.clock.now().to_rfc3339()}));
    assert_eq!(rig.vonage_hook(&event_url, &completed).await.status(), 204);
    assert_eq!(rig.vonage_hook(&event_url, &completed).await.status(), 204, "a retry");
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 25, Some("completed".into()))], "{:?}", kinds(&tl));
    let late: Value = rig.vonage_hook(&answer_url, &ringing).await.json().await.unwrap();
    assert_eq!(late, json!([]), "an ended call is not connected again");

    // Strangers and withheld numbers: an empty NCCO (the call ends), nothing written; their
    // events change nothing. Forged, unnamed and unreadable webhooks: 403 / 400 / 404.
    let before = rig.settled_counts().await;
    let stranger: Value =
        rig.vonage_hook(&answer_url, &vonage_inbound("in-2", "+13125550111", json!({}))).await.json().await.unwrap();
    assert_eq!(stranger, json!([]));
    let mut withheld = vonage_inbound("in-3", LEAD, json!({}));
    withheld.as_object_mut().unwrap().remove("from");
    assert_eq!(rig.vonage_hook(&answer_url, &withheld).await.json::<Value>().await.unwrap(), json!([]));
    let mut gone = event("in-2", "completed", json!({}));
    gone["from"] = json!("13125550111");
    assert_eq!(rig.vonage_hook(&event_url, &gone).await.status(), 204);
    assert_eq!(rig.vonage_hook(&event_url, &event("in-never", "completed", json!({}))).await.status(), 404);
    let mut nameless = vonage_inbound("", LEAD, json!({}));
    nameless.as_object_mut().unwrap().remove("uuid");
    assert_eq!(rig.vonage_hook(&answer_url, &nameless).await.status(), 400);
    let body = ringing.to_string();
    let forged = providers::vonage::sign("not the secret", body.as_bytes(), rig.clock.now().timestamp());
    let sent = rig.app.client.post(rig.app.url("/webhooks/vonage/voice/answer")).header("authorization", forged);
    assert_eq!(sent.header("content-type", "application/json").body(body).send().await.unwrap().status(), 403);
    assert_eq!(rig.app.row_counts().await, before, "nothing written");

    // Once the lead has opted out, the call is recorded, ended as failed, and never connected.
    let dnc = rig.app.put(&format!("/api/v1/conversations/{conv}/status"), &json!({"status": "dnc"})).await;
    assert_eq!(dnc.status(), 200);
    let refused: Value =
        rig.vonage_hook(&answer_url, &vonage_inbound("in-4", LEAD, json!({}))).await.json().await.unwrap();
    assert_eq!(refused, json!([]));
    let tl = rig.timeline(conv).await;
    let [second] = received(&tl, "in-4")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    assert_eq!(endings_of(&tl, second), [CallOutcome::Failed]);
    rig.app.stop().await;
}

/// Vonage's default answer method is GET, the call in the query and a token that signs no
/// query: each token answers for its one query (Vonage's retry included), and nothing else.
async fn a_vonage_answer_url_by_get_binds_each_token_to_its_query(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let conv = lead_with_a_pending_text(&rig, "vonage").await;
    let get = |query: String, auth: Option<String>| {
        let mut request = rig.app.client.get(rig.app.url(&format!("/webhooks/vonage/voice/answer?{query}")));
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.send()
    };
    let query_of = |uuid: &str, from: &str| {
        serde_urlencoded::to_string([
            ("to", OURS.trim_start_matches('+')),
            ("from", from.trim_start_matches('+')),
            ("uuid", uuid),
            ("conversation_uuid", &format!("CON-{uuid}")),
        ])
        .unwrap()
    };
    let token = |jti: &str| Some(providers::vonage::sign_bodiless(VONAGE_SECRET, jti, rig.clock.now().timestamp()));
    let ringing = query_of("get-1", LEAD);
    let response = get(ringing.clone(), token("jti-1")).await.unwrap();
    assert_eq!(response.status(), 200);
    let ncco: Value = response.json().await.unwrap();
    let tl = rig.timeline(conv).await;
    let [call_id] = received(&tl, "get-1")[..] else { panic!("one call_received: {:?}", kinds(&tl)) };
    let stream = ncco[0]["endpoint"][0]["headers"]["token"].as_str().expect("a connect NCCO");
    assert_eq!(rig.app.state.voice.tokens.verify(stream, rig.clock.now()).unwrap().call, call_id);
    // Vonage retrying the same request, token and all: answered again, recorded once.
    let again: Value = get(ringing.clone(), token("jti-1")).await.unwrap().json().await.unwrap();
    assert_eq!(again[0]["action"], "connect");
    assert_eq!(received(&rig.timeline(conv).await, "get-1"), [call_id]);

    // The same token with another query, a forged, stale or missing token, a POST's token: 403,
    // nothing written.
    let before = rig.settled_counts().await;
    let other = query_of("get-2", LEAD);
    assert_eq!(get(other.clone(), token("jti-1")).await.unwrap().status(), 403, "a token moved to another call");
    let forged = Some(providers::vonage::sign_bodiless("not the secret", "jti-2", rig.clock.now().timestamp()));
    assert_eq!(get(other.clone(), forged).await.unwrap().status(), 403);
    let stale = Some(providers::vonage::sign_bodiless(VONAGE_SECRET, "jti-3", rig.clock.now().timestamp() - 600));
    assert_eq!(get(other.clone(), stale).await.unwrap().status(), 403);
    assert_eq!(get(other.clone(), None).await.unwrap().status(), 403);
    let posted = Some(providers::vonage::sign(VONAGE_SECRET, b"{\"uuid\":\"get-2\"}", rig.clock.now().timestamp()));
    assert_eq!(get(other.clone(), posted).await.unwrap().status(), 403);
    // A stranger: an empty NCCO; no uuid: 400.
    let stranger: Value = get(query_of("get-3", "+13125550111"), token("jti-4")).await.unwrap().json().await.unwrap();
    assert_eq!(stranger, json!([]));
    let nameless = serde_urlencoded::to_string([("to", OURS.trim_start_matches('+')), ("from", LEAD)]).unwrap();
    assert_eq!(get(nameless, token("jti-5")).await.unwrap().status(), 400);
    assert_eq!(rig.app.row_counts().await, before, "nothing written");
    // A fresh token for the other call is accepted (and the call recorded).
    assert_eq!(get(other, token("jti-6")).await.unwrap().status(), 200);
    assert_eq!(received(&rig.timeline(conv).await, "get-2").len(), 1);
    rig.app.stop().await;
}

/// The lead opts out while the phone rings: when the answered call's stream opens, the gateway
/// refuses it before anyone speaks, says why on the timeline, and hangs the call up.
async fn a_lead_who_opts_out_while_the_phone_rings_is_never_bridged(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.twilio.wait_for_calls(1).await.remove(0);
    let (_, sid) = rig.placed(conv).await;
    let params = [("CallSid", sid.as_str()), ("CallStatus", "in-progress"), ("AnsweredBy", "human")];
    let twiml = rig.twilio_hook(call.get("Url").unwrap(), &params).await.text().await.unwrap();
    let token = token_of(&twiml);
    // Meanwhile the lead asked not to be contacted (an operator marks the conversation DNC).
    let dnc = rig.app.put(&format!("/api/v1/conversations/{conv}/status"), &json!({"status": "dnc"})).await;
    assert_eq!(dnc.status(), 200);
    assert!(rig.twilio.hangups().is_empty(), "nothing hangs up the call before its stream opens");

    let mut carrier = CarrierClient::connect(&rig.app.address, media_core::frames::Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&token), media_core::frames::Format::PCMU_8K);
    carrier.begin(&start).await;
    assert_eq!(
        carrier.next(Duration::from_secs(10)).await,
        Some(Received::Closed(1008, "opted_out".into())),
        "no disclosure, no bot: the stream is refused at once"
    );
    assert_eq!(rig.twilio.hangups(), [(sid, "completed".into())], "the call is hung up at the carrier");
    let tl = rig.timeline(conv).await;
    assert_eq!(stream_failures(&tl), ["opted_out"]);
    assert_eq!(count(&tl, "disclosure_recorded"), 0, "nothing was played");
    rig.app.stop().await;
}

async fn an_answering_machine_gets_a_hang_up_and_the_missed_call_text(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.twilio.wait_for_calls(1).await.remove(0);
    let (_, sid) = rig.placed(conv).await;
    let voice_url = call.get("Url").unwrap().to_owned();
    let status_url = call.get("StatusCallback").unwrap().to_owned();
    let answer = rig.twilio_hook(&voice_url, &[("CallSid", &sid), ("AnsweredBy", "machine_start")]).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.text().await.unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>"
    );
    let tl = rig.timeline(conv).await;
    assert_eq!(answers(&tl), [AnsweredBy::Machine]);
    assert_eq!(endings(&tl), [(CallOutcome::Voicemail, 0, Some("answered by machine_start".into()))]);
    // Twilio's own report of the end changes nothing.
    let completed = [
        ("CallSid", sid.as_str()),
        ("CallStatus", "completed"),
        ("AnsweredBy", "machine_start"),
        ("CallDuration", "3"),
    ];
    assert_eq!(rig.twilio_hook(&status_url, &completed).await.status(), 200);
    assert_eq!(endings(&rig.timeline(conv).await).len(), 1);

    // The router's fallback: the missed-call text, once the channel gap allows it.
    rig.until(conv, "the missed-call text to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "missed_call_1"))
    })
    .await;
    rig.clock.advance(chrono::Duration::minutes(10));
    let sent = rig.twilio.wait_for(1).await;
    assert!(sent[0].body.starts_with("Sorry I missed you just now, Maria."), "{}", sent[0].body);
    assert_eq!(sent[0].to, LEAD);
    rig.app.stop().await;
}

async fn forged_or_misaddressed_voice_webhooks_write_nothing(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.twilio.wait_for_calls(1).await.remove(0);
    let (call_id, sid) = rig.placed(conv).await;
    let voice_url = call.get("Url").unwrap().to_owned();
    let status_url = call.get("StatusCallback").unwrap().to_owned();
    let before = rig.settled_counts().await;
    let human = [("CallSid", sid.as_str()), ("AnsweredBy", "human")];
    let path = |url: &str| rig.app.url(url.strip_prefix(PUBLIC).unwrap());

    // Signed with another token, unsigned, or signed for another URL: 403.
    let forged = post_twilio(&rig.app.client, &path(&voice_url), &voice_url, "not-the-token", &human).await;
    assert_eq!(forged.status(), 403);
    let unsigned = rig.app.client.post(path(&voice_url)).form(&human).send().await.unwrap();
    assert_eq!(unsigned.status(), 403);
    let other_call = format!("{PUBLIC}/webhooks/twilio/voice?conversation_id={conv}&call_id={}", CallId::new());
    let elsewhere = post_twilio(&rig.app.client, &path(&voice_url), &other_call, &rig.twilio.auth_token, &human).await;
    assert_eq!(elsewhere.status(), 403, "the query is part of what Twilio signs");
    let completed = [("CallSid", sid.as_str()), ("CallStatus", "completed"), ("CallDuration", "9")];
    let forged = post_twilio(&rig.app.client, &path(&status_url), &status_url, "nope", &completed).await;
    assert_eq!(forged.status(), 403);

    // Signed, but for a call or conversation that does not exist: 404.
    assert_eq!(rig.twilio_hook(&other_call, &human).await.status(), 404);
    let stranger =
        format!("{PUBLIC}/webhooks/twilio/voice/status?conversation_id={}&call_id={call_id}", ConversationId::new());
    assert_eq!(rig.twilio_hook(&stranger, &completed).await.status(), 404);
    // Signed but malformed: no query, no CallSid, another call's CallSid, no CallStatus.
    assert_eq!(rig.twilio_hook(&format!("{PUBLIC}/webhooks/twilio/voice"), &human).await.status(), 400);
    assert_eq!(rig.twilio_hook(&voice_url, &[("AnsweredBy", "human")]).await.status(), 400);
    assert_eq!(
        rig.twilio_hook(&voice_url, &[("CallSid", "CAsomeoneelse"), ("AnsweredBy", "human")]).await.status(),
        400
    );
    assert_eq!(rig.twilio_hook(&status_url, &[("CallSid", &sid)]).await.status(), 400);

    // Telnyx: signed with another key, or stale.
    let body = json!({"data": {"event_type": "call.hangup", "id": "ev-forged", "payload": {
        "call_control_id": "v3:x", "hangup_cause": "normal_clearing"}}})
    .to_string();
    let url = rig.app.url(&format!("/webhooks/telnyx/voice?conversation_id={conv}&call_id={call_id}"));
    let now = rig.clock.now().timestamp();
    let stranger = SigningKey::from_bytes(&[9u8; 32]);
    assert_eq!(post_telnyx(&rig.app.client, &url, &stranger, now, &body).await.status(), 403);
    assert_eq!(post_telnyx(&rig.app.client, &url, &telnyx_keys(), now - 600, &body).await.status(), 403);

    assert_eq!(rig.app.row_counts().await, before, "nothing written");
    let tl = rig.timeline(conv).await;
    assert_eq!((count(&tl, "call_answered"), count(&tl, "call_ended")), (0, 0));
    rig.app.stop().await;
}

async fn a_telnyx_call_streams_to_the_gateway_and_its_progress_lands(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("telnyx").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.telnyx.wait_for_calls(1).await.remove(0);
    let (call_id, control_id) = rig.placed(conv).await;
    assert_eq!(control_id, call.call_control_id);
    let body = &call.body;
    assert_eq!(
        (body["connection_id"].as_str(), body["to"].as_str(), body["from"].as_str()),
        (Some(CONNECTION), Some(LEAD), Some(OURS))
    );
    let webhook_url = format!("{PUBLIC}/webhooks/telnyx/voice?conversation_id={conv}&call_id={call_id}");
    assert_eq!(body["webhook_url"], webhook_url);
    assert_eq!(body["answering_machine_detection"], "detect");
    assert_eq!(body["stream_track"], "inbound_track");
    assert_eq!(body["stream_bidirectional_mode"], "rtp");
    assert_eq!(body["stream_bidirectional_codec"], "PCMU");
    let stream = body["stream_url"].as_str().unwrap();
    let token = stream.strip_prefix("wss://throughline.example/media/telnyx?token=").expect(stream);
    let claims = rig.app.state.voice.tokens.verify(token, rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    // It still verifies after a few minutes of ringing.
    assert!(rig.app.state.voice.tokens.verify(token, rig.clock.now() + chrono::Duration::minutes(5)).is_ok());
    let client_state = body["client_state"].as_str().unwrap().to_owned();
    let state = providers::ClientState::decode(&client_state).expect("our client_state");
    assert_eq!((state.conversation_id, state.call_id), (conv, call_id));

    let event = |id: &str, kind: &str, payload: Value| {
        let mut payload = payload;
        payload["call_control_id"] = json!(control_id);
        payload["client_state"] = json!(client_state);
        payload["connection_id"] = json!(CONNECTION);
        json!({"data": {"record_type": "event", "id": id, "event_type": kind,
                        "occurred_at": rig.clock.now().to_rfc3339(), "payload": payload},
               "meta": {"attempt": 1, "delivered_to": webhook_url}})
    };
    let initiated = event("ev-1", "call.initiated", json!({"direction": "outgoing", "state": "bridging"}));
    assert_eq!(rig.telnyx_hook(&webhook_url, &initiated).await.status(), 200);
    let answered = event("ev-2", "call.answered", json!({"state": "answered", "from": OURS, "to": LEAD}));
    assert_eq!(rig.telnyx_hook(&webhook_url, &answered).await.status(), 200);
    let human = event("ev-3", "call.machine.detection.ended", json!({"result": "human"}));
    assert_eq!(rig.telnyx_hook(&webhook_url, &human).await.status(), 200);
    assert_eq!(answers(&rig.timeline(conv).await), [AnsweredBy::Unknown, AnsweredBy::Human]);

    // The stream fails on Telnyx's side (this webhook has no client_state: the URL names the call).
    let failed = json!({"data": {"record_type": "event", "id": "ev-4", "event_type": "streaming.failed",
        "occurred_at": rig.clock.now().to_rfc3339(),
        "payload": {"call_control_id": control_id, "failure_reason": "connection_failed",
                    "stream_id": "s-1", "stream_params": {"stream_url": stream, "track": "inbound_track"}}}});
    assert_eq!(rig.telnyx_hook(&webhook_url, &failed).await.status(), 200);
    assert_eq!(rig.telnyx_hook(&webhook_url, &failed).await.status(), 200, "a retry");

    // 42 s after the answer, the lead hangs up; Telnyx delivers it twice.
    rig.clock.advance(chrono::Duration::seconds(42));
    let end = rig.clock.now().to_rfc3339();
    let hangup = event(
        "ev-5",
        "call.hangup",
        json!({"hangup_cause": "normal_clearing", "hangup_source": "callee", "sip_hangup_cause": "200",
               "start_time": tuesday_11am_chicago().to_rfc3339(), "end_time": end, "state": "hangup"}),
    );
    assert_eq!(rig.telnyx_hook(&webhook_url, &hangup).await.status(), 200);
    assert_eq!(rig.telnyx_hook(&webhook_url, &hangup).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 42, Some("normal_clearing".into()))], "{:?}", kinds(&tl));
    assert_eq!(stream_failures(&tl), ["carrier: connection_failed"]);

    // A webhook naming nothing, or a stranger's call: 400 / 404, nothing written.
    let before = rig.timeline(conv).await.len();
    let anonymous =
        json!({"data": {"event_type": "call.hangup", "id": "ev-6", "payload": {"hangup_cause": "timeout"}}});
    assert_eq!(rig.telnyx_hook(&format!("{PUBLIC}/webhooks/telnyx/voice"), &anonymous).await.status(), 400);
    let unknown = format!("{PUBLIC}/webhooks/telnyx/voice?conversation_id={conv}&call_id={}", CallId::new());
    assert_eq!(rig.telnyx_hook(&unknown, &anonymous).await.status(), 404);
    let not_json = post_telnyx(
        &rig.app.client,
        &rig.app.url("/webhooks/telnyx/voice"),
        &telnyx_keys(),
        rig.clock.now().timestamp(),
        "{",
    )
    .await;
    assert_eq!(not_json.status(), 400);
    assert_eq!(rig.timeline(conv).await.len(), before);
    rig.app.stop().await;
}

async fn a_telnyx_machine_is_hung_up_and_ends_as_voicemail(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("telnyx").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.telnyx.wait_for_calls(1).await.remove(0);
    let (_, control_id) = rig.placed(conv).await;
    let webhook_url = call.body["webhook_url"].as_str().unwrap().to_owned();
    let client_state = call.body["client_state"].clone();
    let event = |id: &str, kind: &str, mut payload: Value| {
        payload["call_control_id"] = json!(control_id);
        payload["client_state"] = client_state.clone();
        json!({"data": {"record_type": "event", "id": id, "event_type": kind,
                        "occurred_at": rig.clock.now().to_rfc3339(), "payload": payload}})
    };
    assert_eq!(rig.telnyx_hook(&webhook_url, &event("ev-1", "call.answered", json!({}))).await.status(), 200);
    rig.clock.advance(chrono::Duration::seconds(4));
    let machine = event("ev-2", "call.machine.detection.ended", json!({"result": "machine"}));
    assert_eq!(rig.telnyx_hook(&webhook_url, &machine).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(answers(&tl), [AnsweredBy::Unknown, AnsweredBy::Machine]);
    assert_eq!(endings(&tl), [(CallOutcome::Voicemail, 4, Some("answering machine detected (machine)".into()))]);
    // Throughline hangs up on the machine through the REST API.
    assert_eq!(rig.telnyx.wait_for_hangups(1).await, std::slice::from_ref(&control_id));
    // Telnyx then reports the hang-up: the call has already ended.
    let hangup = event("ev-3", "call.hangup", json!({"hangup_cause": "normal_clearing", "hangup_source": "caller"}));
    assert_eq!(rig.telnyx_hook(&webhook_url, &hangup).await.status(), 200);
    assert_eq!(endings(&rig.timeline(conv).await).len(), 1);
    // The cadence moves on to the missed-call text.
    rig.until(conv, "the missed-call text to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "missed_call_1"))
    })
    .await;
    rig.app.stop().await;
}

async fn calls_are_hung_up_through_their_carrier(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    // Twilio.
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    rig.twilio.wait_for_calls(1).await;
    let (call_id, sid) = rig.placed(conv).await;
    let hang_up = |conv, call| server::voice::calls::hang_up(&rig.app.state, conv, call, "the bot closed");
    hang_up(conv, call_id).await.expect("hung up");
    hang_up(conv, call_id).await.expect("hanging up an ended call is fine");
    assert_eq!(rig.twilio.hangups(), [(sid.clone(), "completed".into()), (sid, "completed".into())]);
    assert!(matches!(hang_up(conv, CallId::new()).await, Err(HangUpError::UnknownCall)));
    assert!(matches!(hang_up(ConversationId::new(), call_id).await, Err(HangUpError::UnknownCall)));
    // Telnyx.
    let campaign = rig.campaign("telnyx").await;
    let conv = rig.lead(&campaign).await;
    rig.telnyx.wait_for_calls(1).await;
    let (call_id, control_id) = rig.placed(conv).await;
    hang_up(conv, call_id).await.expect("hung up");
    hang_up(conv, call_id).await.expect("hanging up an ended call is fine");
    assert_eq!(rig.telnyx.hangups(), [control_id.clone(), control_id]);
    // Nothing was written by hanging up: the carriers' webhooks (or the gateway) record the end.
    assert_eq!(count(&rig.timeline(conv).await, "call_ended"), 0);
    rig.app.stop().await;
}

async fn without_a_public_url_calls_are_dropped_with_a_reason(kind: Kind) {
    let Some(rig) = rig(kind, None).await else { return };
    let campaign = rig.campaign("twilio").await;
    let conv = rig.lead(&campaign).await;
    rig.dropped_call(conv, "server.public_url").await;
    assert!(rig.twilio.calls().is_empty());
    rig.app.stop().await;
}

/// A campaign whose answered calls the gateway would refuse (no bot, or a disclosure prompt
/// this server does not have) never rings the lead.
async fn calls_that_could_not_reach_a_bot_are_never_placed(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    for (voice, why) in [
        (json!({"provider": "twilio", "from_number": OURS}), "voice.bot_url"),
        (
            json!({"provider": "twilio", "from_number": OURS, "bot_url": "wss://bot.example/ws",
                   "disclosure_prompt": "nowhere"}),
            "voice.disclosure_prompt",
        ),
    ] {
        let mut body = campaign_body();
        body["cadence"] = call_cadence();
        body["sms"] = json!({"provider": "twilio", "from_number": OURS});
        body["voice"] = voice;
        let response = rig.app.post("/api/v1/campaigns", &body).await;
        assert_eq!(response.status(), 201);
        let campaign = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
        let conv = rig.lead(&campaign).await;
        rig.dropped_call(conv, why).await;
    }
    assert!(rig.twilio.calls().is_empty(), "nobody was rung");
    rig.app.stop().await;
}

/// The REST hang-up against the doubles, without a server: "already ended" is success, a
/// refusal is not.
#[tokio::test]
async fn the_rest_hang_up_reads_already_ended_as_success() {
    let twilio = TwilioDouble::start().await;
    let account = |token: &str| TwilioAccount {
        account_sid: twilio.account_sid.clone(),
        auth_token: token.to_owned().into(),
        api_base: twilio.base.clone(),
    };
    let carrier = TwilioCarrier::new(account(&twilio.auth_token));
    let request = providers::CallRequest {
        conversation_id: ConversationId::new(),
        call_id: CallId::new(),
        to: E164::parse(LEAD).unwrap(),
        from: E164::parse(OURS).unwrap(),
        idempotency_key: "k1".into(),
        now: Utc::now(),
        api_base: None,
        answer_url: Some(format!("{PUBLIC}/webhooks/twilio/voice")),
        status_callback: None,
        stream_url: None,
    };
    let sid = carrier.place_call(&request).await.unwrap().provider_id;
    assert_eq!(carrier.hang_up(None, &sid).await, Ok(()));
    assert_eq!(carrier.hang_up(None, &sid).await, Ok(()), "404 / 20404: already over");
    assert_eq!(carrier.hang_up(None, "CAnever").await, Ok(()));
    let wrong = TwilioCarrier::new(account("wrong"));
    assert!(matches!(wrong.hang_up(None, &sid).await, Err(CarrierError::Rejected(_))));
    assert_eq!(twilio.hangups().len(), 3, "the refused one never reached a call");

    let telnyx = TelnyxDouble::start().await;
    let account = |key: &str| TelnyxAccount {
        api_key: key.to_owned().into(),
        api_base: telnyx.base.clone(),
        messaging_profile_id: None,
        connection_id: Some(CONNECTION.into()),
    };
    let carrier = TelnyxCarrier::new(account(&telnyx.api_key));
    let id = carrier.place_call(&request).await.unwrap().provider_id;
    assert_eq!(carrier.hang_up(None, &id).await, Ok(()));
    assert_eq!(carrier.hang_up(None, &id).await, Ok(()), "422 / 90018: already ended");
    let wrong = TelnyxCarrier::new(account("KEYwrong"));
    assert!(matches!(wrong.hang_up(None, &id).await, Err(CarrierError::Rejected(_))));
    let gone = TelnyxCarrier::new(TelnyxAccount { api_base: "http://127.0.0.1:9".into(), ..account(&telnyx.api_key) });
    assert!(matches!(gone.hang_up(None, &id).await, Err(CarrierError::Unavailable(_))));
    // Sandbox: nothing to do.
    let sandbox = providers::SandboxCarrier::new(1, Arc::new(store::MemoryHotState::default()));
    assert_eq!(sandbox.hang_up(None, "SBCA1").await, Ok(()));
}

async fn a_vonage_call_connects_to_the_gateway_and_its_progress_lands(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("vonage").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.vonage.wait_for_calls(1).await.remove(0);
    let (call_id, uuid) = rig.placed(conv).await;
    assert_eq!(uuid, call.uuid);
    assert_eq!(rig.vonage.applications(), std::slice::from_ref(&rig.vonage.application_id), "a signed token");
    let body = &call.body;
    assert_eq!(body["to"], json!([{"type": "phone", "number": LEAD.trim_start_matches('+')}]));
    assert_eq!(body["from"], json!({"type": "phone", "number": OURS.trim_start_matches('+')}));
    assert_eq!(body["machine_detection"], "continue");
    let event_url = format!("{PUBLIC}/webhooks/vonage/voice/event?conversation_id={conv}&call_id={call_id}");
    assert_eq!(body["event_url"], json!([event_url]));
    // The NCCO connects the call to the gateway's Vonage websocket with a token for this call.
    let endpoint = &body["ncco"][0]["endpoint"][0];
    assert_eq!(body["ncco"][0]["action"], "connect");
    assert_eq!(endpoint["type"], "websocket");
    assert_eq!(endpoint["uri"], "wss://throughline.example/media/vonage");
    assert_eq!(endpoint["content-type"], "audio/l16;rate=16000");
    let token = endpoint["headers"]["token"].as_str().expect("a token header");
    let claims = rig.app.state.voice.tokens.verify(token, rig.clock.now()).expect("a valid token");
    assert_eq!((claims.conversation, claims.call), (conv, call_id));
    assert!(rig.app.state.voice.tokens.verify(token, rig.clock.now() + chrono::Duration::minutes(5)).is_ok());

    let event = |status: &str, extra: Value| {
        let mut event = json!({"status": status, "uuid": uuid, "conversation_uuid": "CON-1", "direction": "outbound",
                               "from": OURS.trim_start_matches('+'), "to": LEAD.trim_start_matches('+'),
                               "timestamp": rig.clock.now().to_rfc3339()});
        if let (Some(event), Some(extra)) = (event.as_object_mut(), extra.as_object()) {
            event.extend(extra.clone());
        }
        event
    };
    for status in ["started", "ringing", "answered", "human"] {
        assert_eq!(rig.vonage_hook(&event_url, &event(status, json!({}))).await.status(), 204, "{status}");
    }
    assert_eq!(rig.vonage_hook(&event_url, &event("answered", json!({}))).await.status(), 204, "a retry");
    assert_eq!(answers(&rig.timeline(conv).await), [AnsweredBy::Unknown, AnsweredBy::Human]);

    // 42 s later the lead hangs up; Vonage delivers it twice.
    rig.clock.advance(chrono::Duration::seconds(42));
    let completed = event(
        "completed",
        json!({"duration": "42", "end_time": rig.clock.now().to_rfc3339(),
                                              "rate": "0.01", "price": "0.007", "disconnected_by": "user"}),
    );
    assert_eq!(rig.vonage_hook(&event_url, &completed).await.status(), 204);
    assert_eq!(rig.vonage_hook(&event_url, &completed).await.status(), 204);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 42, Some("completed".into()))], "{:?}", kinds(&tl));

    // Forged, unsigned, misaddressed or unreadable events: 403 / 400 / 404, nothing written.
    let before = rig.timeline(conv).await.len();
    let path = event_url.strip_prefix(PUBLIC).unwrap();
    let body = completed.to_string();
    let forged = providers::vonage::sign("not the secret", body.as_bytes(), rig.clock.now().timestamp());
    let send = |auth: Option<String>, body: String, path: String| {
        let mut request = rig.app.client.post(rig.app.url(&path)).header("content-type", "application/json").body(body);
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.send()
    };
    assert_eq!(send(Some(forged), body.clone(), path.to_owned()).await.unwrap().status(), 403);
    assert_eq!(send(None, body.clone(), path.to_owned()).await.unwrap().status(), 403);
    let other = event("failed", json!({})).to_string();
    let signed_for_other = providers::vonage::sign(VONAGE_SECRET, other.as_bytes(), rig.clock.now().timestamp());
    assert_eq!(send(Some(signed_for_other), body.clone(), path.to_owned()).await.unwrap().status(), 403);
    let stale = providers::vonage::sign(VONAGE_SECRET, body.as_bytes(), rig.clock.now().timestamp() - 600);
    assert_eq!(send(Some(stale), body.clone(), path.to_owned()).await.unwrap().status(), 403, "a replay");
    let anonymous = format!("{PUBLIC}/webhooks/vonage/voice/event");
    assert_eq!(rig.vonage_hook(&anonymous, &completed).await.status(), 400);
    let unknown = format!("{PUBLIC}/webhooks/vonage/voice/event?conversation_id={conv}&call_id={}", CallId::new());
    assert_eq!(rig.vonage_hook(&unknown, &completed).await.status(), 404);
    let mut stranger = completed.clone();
    stranger["uuid"] = json!(uuid::Uuid::new_v4().to_string());
    assert_eq!(rig.vonage_hook(&event_url, &stranger).await.status(), 400, "another call's uuid");
    let not_json = "{".to_owned();
    let auth = providers::vonage::sign(VONAGE_SECRET, not_json.as_bytes(), rig.clock.now().timestamp());
    assert_eq!(send(Some(auth), not_json, path.to_owned()).await.unwrap().status(), 400);
    assert_eq!(rig.timeline(conv).await.len(), before);
    rig.app.stop().await;
}

async fn a_vonage_machine_is_hung_up_and_a_busy_line_moves_the_cadence_on(kind: Kind) {
    let Some(rig) = rig(kind, Some(PUBLIC)).await else { return };
    let campaign = rig.campaign("vonage").await;
    let conv = rig.lead(&campaign).await;
    let call = rig.vonage.wait_for_calls(1).await.remove(0);
    let (call_id, uuid) = rig.placed(conv).await;
    let event_url = call.body["event_url"][0].as_str().unwrap().to_owned();
    let event = |status: &str| json!({"status": status, "uuid": uuid, "timestamp": rig.clock.now().to_rfc3339()});
    assert_eq!(rig.vonage_hook(&event_url, &event("answered")).await.status(), 204);
    rig.clock.advance(chrono::Duration::seconds(4));
    assert_eq!(rig.vonage_hook(&event_url, &event("machine")).await.status(), 204);
    let tl = rig.timeline(conv).await;
    assert_eq!(answers(&tl), [AnsweredBy::Unknown, AnsweredBy::Machine]);
    assert_eq!(endings(&tl), [(CallOutcome::Voicemail, 4, Some("answering machine detected (machine)".into()))]);
    // Throughline hangs up on the machine through the REST API.
    assert_eq!(rig.vonage.wait_for_hangups(1).await, std::slice::from_ref(&uuid));
    // Vonage then reports the call completed: it has already ended.
    assert_eq!(rig.vonage_hook(&event_url, &event("completed")).await.status(), 204);
    assert_eq!(endings(&rig.timeline(conv).await).len(), 1);
    rig.until(conv, "the missed-call text to be planned", |tl| {
        tl.iter().any(|r| matches!(&r.event, Event::ActionScheduled { step: Some(s), .. } if s == "missed_call_1"))
    })
    .await;
    // Hanging up through the carrier: an ended call (404) is fine; a stranger's is unknown.
    let hang_up = |conv, call| server::voice::calls::hang_up(&rig.app.state, conv, call, "the bot closed");
    hang_up(conv, call_id).await.expect("hanging up an ended call is fine");
    assert_eq!(rig.vonage.hangups(), [uuid.clone(), uuid.clone()]);
    assert!(matches!(hang_up(conv, CallId::new()).await, Err(HangUpError::UnknownCall)));

    // A second lead's line is busy: the call ends busy, with no talk time.
    let second = {
        let body = json!({
            "campaign_id": campaign, "phone": "+13125550142", "first_name": "Ana", "timezone": "America/Chicago",
            "state": "IL", "source": "form",
            "consent": [{"channel": "voice", "kind": "express_written", "text": "I agree to AI calls from Acme Solar.",
                         "captured_at": "2026-11-01T15:00:00Z"},
                        {"channel": "sms", "kind": "express_written", "text": "I agree to automated texts from Acme Solar.",
                         "captured_at": "2026-11-01T15:00:00Z"}]
        });
        let response = rig.app.post("/api/v1/leads", &body).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["conversation_id"].as_str().unwrap().parse().unwrap()
    };
    let call = rig.vonage.wait_for_calls(2).await.remove(1);
    let (_, uuid) = rig.placed(second).await;
    let busy = json!({"status": "busy", "uuid": uuid, "timestamp": rig.clock.now().to_rfc3339()});
    assert_eq!(rig.vonage_hook(call.body["event_url"][0].as_str().unwrap(), &busy).await.status(), 204);
    assert_eq!(endings(&rig.timeline(second).await), [(CallOutcome::Busy, 0, Some("busy".into()))]);
    rig.app.stop().await;
}

throughline_e2e::for_each_backend!(
    a_twilio_call_is_answered_into_the_gateway_and_ends_once,
    a_lead_calling_in_reaches_the_bot_on_the_same_conversation,
    a_lead_calling_a_telnyx_number_is_answered_into_the_gateway,
    a_lead_calling_a_vonage_number_is_connected_to_the_gateway,
    a_vonage_answer_url_by_get_binds_each_token_to_its_query,
    a_lead_who_opts_out_while_the_phone_rings_is_never_bridged,
    an_answering_machine_gets_a_hang_up_and_the_missed_call_text,
    forged_or_misaddressed_voice_webhooks_write_nothing,
    a_telnyx_call_streams_to_the_gateway_and_its_progress_lands,
    a_telnyx_machine_is_hung_up_and_ends_as_voicemail,
    calls_are_hung_up_through_their_carrier,
    without_a_public_url_calls_are_dropped_with_a_reason,
    calls_that_could_not_reach_a_bot_are_never_placed,
    a_vonage_call_connects_to_the_gateway_and_its_progress_lands,
    a_vonage_machine_is_hung_up_and_a_busy_line_moves_the_cadence_on,
);
