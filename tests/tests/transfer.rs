//! Warm transfer end to end: a cadence's Twilio call is answered into the media gateway, the
//! bot (or its failure) asks for a person, and the real server and workers move the call to
//! the campaign's people's line through a Twilio double speaking the Calls API. Signed webhooks
//! play Twilio's side: the stream's end, the whisper on the person's leg, the `<Dial>` outcome
//! and the call's completion. Both backends; Postgres + Redis is required on CI.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::vocab::{CallOutcome, Stage};
use domain::{CallId, ConversationId, Event, EventRecord};
use media_core::frames::{Command, Dialect, Format};
use serde_json::{Value, json};
use server::ManualClock;
use throughline_e2e::doubles::{TwilioCall, TwilioDouble, post_twilio};
use throughline_e2e::media::{BotServer, CarrierClient, Received};
use throughline_e2e::timeline::{count, kinds, placed};
use throughline_e2e::{Kind, TestApp, campaign_body, spawn_engine_with};

/// Where Twilio believes the server is.
const PUBLIC: &str = "https://throughline.example";
const OURS: &str = "+14155550100";
const LEAD: &str = "+13125550199";
/// The campaign's people.
const AGENTS: &str = "+13125550111";
const WAIT: Duration = Duration::from_secs(10);
/// The test prompt: 200 ms of a tone at 8 kHz.
const PROMPT_MS: u64 = 200;

/// Tuesday 2026-11-24 11:00 in Chicago, inside the campaign's calling window.
fn tuesday_11am_chicago() -> DateTime<Utc> {
    "2026-11-24T17:00:00Z".parse().unwrap()
}

struct Rig {
    app: TestApp,
    twilio: TwilioDouble,
    bot: BotServer,
    _dir: tempfile::TempDir,
}

async fn rig(kind: Kind) -> Option<Rig> {
    let twilio = TwilioDouble::start().await;
    let clock = Arc::new(ManualClock::new(tuesday_11am_chicago()));
    let dir = tempfile::tempdir().unwrap();
    let prompt = dir.path().join("prompt.wav");
    let samples: Vec<i16> = (0..PROMPT_MS * 8).map(|i| if i % 20 < 10 { 3000 } else { -3000 }).collect();
    std::fs::write(&prompt, media_core::wav::write_pcm16(8000, &samples)).unwrap();
    let (sid, token, base) = (twilio.account_sid.clone(), twilio.auth_token.clone(), twilio.base.clone());
    let app = spawn_engine_with(kind, clock.clone(), move |s| {
        s.server.public_url = Some(PUBLIC.into());
        s.carriers.twilio =
            Some(server::config::TwilioSettings { account_sid: sid, auth_token: token.into(), api_base: base });
        s.media.prompts.insert(
            "short".into(),
            server::config::PromptSettings { file: prompt, text: "You are talking to an AI.".into() },
        );
        s.media.bot_connect_timeout_ms = 1000;
        s.media.disclosure_grace_ms = 2000;
    })
    .await?;
    Some(Rig { app, twilio, bot: BotServer::start().await, _dir: dir })
}

impl Rig {
    /// A campaign that calls first through Twilio, bridges to `bot_url` and transfers to the
    /// people's line; a lead in it; the call the cadence placed, answered by a person. Returns
    /// the conversation, the call, its `CallSid` and the answer's TwiML.
    async fn answered_call(&self, voice: Value) -> (ConversationId, CallId, String, String) {
        let mut body = campaign_body();
        body["cadence"] = json!({"steps": [{"id": "call_1", "action": "call"}]});
        body["sms"] = json!({"provider": "twilio", "from_number": OURS});
        let mut settings = json!({"provider": "twilio", "from_number": OURS, "bot_url": self.bot.url,
                                  "disclosure_prompt": "short", "transfer_to": AGENTS});
        for (k, v) in voice.as_object().unwrap() {
            settings[k] = v.clone();
        }
        body["voice"] = settings;
        let response = self.app.post("/api/v1/campaigns", &body).await;
        assert_eq!(response.status(), 201);
        let campaign = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
        let lead = json!({
            "campaign_id": campaign, "phone": LEAD, "first_name": "Maria", "last_name": "Lopez",
            "timezone": "America/Chicago", "state": "IL", "source": "form",
            "consent": [{"channel": "voice", "kind": "express_written", "text": "I agree to AI calls from Acme Solar.",
                         "captured_at": "2026-11-01T15:00:00Z"}]
        });
        let response = self.app.post("/api/v1/leads", &lead).await;
        assert_eq!(response.status(), 201);
        let conv: ConversationId =
            response.json::<Value>().await.unwrap()["conversation_id"].as_str().unwrap().parse().unwrap();
        self.twilio.wait_for_calls(1).await;
        let tl = self.until(conv, "the call to be placed", |tl| placed(tl).is_some()).await;
        let (call, sid) = placed(&tl).unwrap();
        let answer = self
            .hook(
                &self.url("voice", conv, call),
                &[("CallSid", &sid), ("CallStatus", "in-progress"), ("AnsweredBy", "human")],
            )
            .await;
        assert_eq!(answer.status(), 200);
        (conv, call, sid, answer.text().await.unwrap())
    }

    fn url(&self, what: &str, conv: ConversationId, call: CallId) -> String {
        format!("{PUBLIC}/webhooks/twilio/{what}?conversation_id={conv}&call_id={call}")
    }

    /// A signed Twilio webhook to `url` (as Twilio was given it).
    async fn hook(&self, url: &str, params: &[(&str, &str)]) -> reqwest::Response {
        let path = url.strip_prefix(PUBLIC).expect("a URL under the public URL");
        post_twilio(&self.app.client, &self.app.url(path), url, &self.twilio.auth_token, params).await
    }

    async fn timeline(&self, id: ConversationId) -> Vec<EventRecord> {
        self.app.timeline(id).await
    }

    async fn until(&self, id: ConversationId, what: &str, check: impl Fn(&[EventRecord]) -> bool) -> Vec<EventRecord> {
        self.app.until(id, what, check).await
    }

    /// Twilio's side of the answer's TwiML: a stream with the token, through the disclosure.
    async fn stream(&self, twiml: &str) -> CarrierClient {
        let mut carrier = CarrierClient::connect(&self.app.address, Dialect::Twilio, None).await;
        let start = carrier.start_for(Some(&attribute(twiml, "<Parameter name=\"token\" value=\"")), Format::PCMU_8K);
        carrier.begin(&start).await;
        let mut audio = Vec::new();
        match carrier.until_not_media(WAIT, &mut audio).await {
            Some(Received::Message(Ok(Command::Mark(mark)))) => carrier.mark(&mark).await,
            other => panic!("expected the disclosure's mark, got {other:?}"),
        }
        carrier
    }
}

/// The value after `prefix` in `xml`, up to the closing quote, unescaped.
fn attribute(xml: &str, prefix: &str) -> String {
    let start = xml.find(prefix).unwrap_or_else(|| panic!("{prefix} in {xml}")) + prefix.len();
    let end = start + xml[start..].find('"').expect("closing quote");
    xml[start..end].replace("&amp;", "&")
}

/// The text of the first `<tag>` element in `xml`, unescaped.
fn element(xml: &str, tag: &str) -> String {
    let open = format!("<{tag}");
    let start = xml.find(&open).unwrap_or_else(|| panic!("{open} in {xml}"));
    let start = start + xml[start..].find('>').unwrap() + 1;
    let end = start + xml[start..].find(&format!("</{tag}>")).unwrap();
    xml[start..end].replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", "\"")
}

fn endings(tl: &[EventRecord]) -> Vec<(CallOutcome, u32)> {
    tl.iter()
        .filter_map(|r| match &r.event {
            Event::CallEnded { outcome, duration_secs, .. } => Some((*outcome, *duration_secs)),
            _ => None,
        })
        .collect()
}

/// The call's new TwiML rings the people's line with the whisper on their leg and the outcome
/// coming back to us, under the outbox row's idempotency token.
fn check_dial(redirect: &TwilioCall, rig: &Rig, conv: ConversationId, call: CallId, sid: &str, ring: &str) -> String {
    assert_eq!(redirect.sid, sid);
    assert!(redirect.get("I-Twilio-Idempotency-Token").is_some_and(|t| !t.is_empty()));
    let twiml = redirect.get("Twiml").expect("new TwiML");
    assert_eq!(attribute(twiml, "<Dial timeout=\""), ring);
    assert_eq!(attribute(twiml, "callerId=\""), OURS);
    assert_eq!(attribute(twiml, "action=\""), rig.url("voice/transfer", conv, call));
    assert_eq!(attribute(twiml, "<Number url=\""), rig.url("voice/whisper", conv, call));
    assert_eq!(element(twiml, "Number"), AGENTS);
    twiml.to_owned()
}

async fn a_bot_hands_a_twilio_call_to_a_person_who_hears_the_summary_first(kind: Kind) {
    let Some(mut rig) = rig(kind).await else { return };
    let (conv, call, sid, twiml) = rig.answered_call(json!({"transfer_timeout_secs": 30})).await;
    // When the stream ends without new instructions, Twilio asks what comes next.
    assert_eq!(element(&twiml, "Redirect"), rig.url("voice/next", conv, call));
    let mut carrier = rig.stream(&twiml).await;
    let mut bot = rig.bot.accept(WAIT).await.expect("the bot is dialled after the disclosure");
    bot.start(WAIT).await.expect("bot start");

    // The bot asks for a person: the handoff and the transfer are recorded together, and the
    // call gets TwiML that rings the people's line.
    let handoff = json!({"reason": "the caller wants to talk about financing"});
    let response = rig.app.post(&format!("/api/v1/conversations/{conv}/handoff"), &handoff).await;
    assert_eq!(response.status(), 201);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["transfer"], json!({"call_id": call.to_string(), "to": AGENTS}));
    let redirect = rig.twilio.wait_for_redirects(1).await.remove(0);
    check_dial(&redirect, &rig, conv, call, &sid, "30");
    let tl = rig.timeline(conv).await;
    let at = |kind: &str| tl.iter().position(|r| r.event.kind() == kind);
    assert!(at("handoff_requested") < at("transfer_started") && at("transfer_started").is_some(), "{:?}", kinds(&tl));

    // The bot says goodbye and closes; Twilio, moving the call, stops the stream. Neither ends
    // the call: no hang-up, no call_ended.
    bot.close().await;
    let stop = carrier.writer.stop(Some(&sid)).expect("Twilio has a stop");
    carrier.send(stop).await;
    match carrier.next(WAIT).await {
        Some(Received::Closed(..)) | None => {}
        other => panic!("expected the gateway to close the stream, got {other:?}"),
    }
    let deadline = tokio::time::Instant::now() + WAIT;
    while rig.app.state.voice.media_stats.live_streams() > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the stream never finished");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let tl = rig.timeline(conv).await;
    assert!(endings(&tl).is_empty(), "the stream's end is not the call's: {:?}", kinds(&tl));
    assert!(rig.twilio.hangups().is_empty(), "a call in transfer is not hung up: {:?}", rig.twilio.hangups());

    // The person answers: the whisper names the lead, the company's assistant and the reason;
    // the conversation is with them.
    let whisper_url = rig.url("voice/whisper", conv, call);
    let leg = [("CallSid", "CAagentleg0001"), ("ParentCallSid", sid.as_str()), ("CallStatus", "in-progress")];
    let whisper = rig.hook(&whisper_url, &leg).await;
    assert_eq!(whisper.status(), 200);
    let said = element(&whisper.text().await.unwrap(), "Say");
    assert!(said.starts_with("Transfer from Ava, the automated assistant for Acme Solar."), "{said}");
    assert!(said.contains("Maria") && said.contains("the caller wants to talk about financing"), "{said}");
    assert_eq!(rig.hook(&whisper_url, &leg).await.status(), 200, "a retried whisper");
    let loaded = rig.app.store.load(conv).await.unwrap().unwrap();
    assert_eq!(loaded.state.stage(), Stage::WithAgent);
    assert_eq!(loaded.state.handoff.as_ref().and_then(|h| h.accepted_by.as_deref()), Some(AGENTS));
    assert_eq!(count(&loaded.timeline, "handoff_accepted"), 1);

    // They talk, the person hangs up: the lead's leg hangs up and the call ends once, as the
    // carrier reports it.
    let outcome = [("CallSid", sid.as_str()), ("DialCallStatus", "completed"), ("DialCallDuration", "95")];
    let done = rig.hook(&rig.url("voice/transfer", conv, call), &outcome).await.text().await.unwrap();
    assert!(done.contains("<Hangup/>"), "{done}");
    let completed = [("CallSid", sid.as_str()), ("CallStatus", "completed"), ("CallDuration", "140")];
    assert_eq!(rig.hook(&rig.url("voice/status", conv, call), &completed).await.status(), 200);
    let tl = rig.timeline(conv).await;
    assert_eq!(endings(&tl), [(CallOutcome::Human, 140)], "{:?}", kinds(&tl));
    assert_eq!((count(&tl, "handoff_accepted"), count(&tl, "handoff_declined")), (1, 0));
    assert_eq!(rig.twilio.redirects().len(), 1, "one transfer");
    // A second handoff after the call: nothing live to transfer.
    let again = rig.app.post(&format!("/api/v1/conversations/{conv}/handoff"), &json!({"reason": "callback"})).await;
    assert_eq!(again.json::<Value>().await.unwrap()["transfer"], Value::Null);
    rig.app.stop().await;
}

async fn a_failed_bot_is_handed_to_people_who_do_not_answer_and_the_lead_hears_why(kind: Kind) {
    let Some(rig) = rig(kind).await else { return };
    // Nothing listens at the bot's URL; the campaign hands such calls to a person.
    let (conv, call, sid, twiml) =
        rig.answered_call(json!({"bot_url": "ws://127.0.0.1:9/bot", "on_bot_failure": "handoff"})).await;
    let mut carrier = rig.stream(&twiml).await;
    match carrier.next(WAIT).await {
        Some(Received::Closed(_, reason)) => assert_eq!(reason, "bot_unreachable"),
        other => panic!("expected the stream closed for the bot, got {other:?}"),
    }
    let redirect = rig.twilio.wait_for_redirects(1).await.remove(0);
    check_dial(&redirect, &rig, conv, call, &sid, "25");
    let tl = rig.until(conv, "the transfer", |tl| count(tl, "transfer_started") == 1).await;
    let reason = tl.iter().find_map(|r| match &r.event {
        Event::HandoffRequested { reason, .. } => Some(reason.clone()),
        _ => None,
    });
    assert_eq!(reason.as_deref(), Some("voice bot failed: bot_unreachable"));
    assert!(endings(&tl).is_empty() && rig.twilio.hangups().is_empty(), "{:?}", kinds(&tl));

    // Twilio, its stream closed, asks what follows: the lead is told to hold, and asked again.
    let next = rig.url("voice/next", conv, call);
    let params = [("CallSid", sid.as_str()), ("CallStatus", "in-progress")];
    let hold = rig.hook(&next, &params).await.text().await.unwrap();
    assert!(element(&hold, "Say").starts_with("Please hold"), "{hold}");
    assert!(hold.contains("<Pause length=\"5\"/>"), "{hold}");
    assert_eq!(element(&hold, "Redirect"), format!("{next}&hold=1"));
    let later = rig.hook(&format!("{next}&hold=1"), &params).await.text().await.unwrap();
    assert!(!later.contains("<Say>") && later.contains("hold=2"), "{later}");

    // Nobody answers the people's line: declined, with why, and the lead hears the apology.
    let outcome = [("CallSid", sid.as_str()), ("DialCallStatus", "no-answer")];
    let sorry = rig.hook(&rig.url("voice/transfer", conv, call), &outcome).await.text().await.unwrap();
    assert!(element(&sorry, "Say").starts_with("Sorry, nobody from Acme Solar could take your call"), "{sorry}");
    assert!(sorry.contains("<Hangup/>"), "{sorry}");
    assert_eq!(rig.hook(&rig.url("voice/transfer", conv, call), &outcome).await.status(), 200, "a retry");
    let loaded = rig.app.store.load(conv).await.unwrap().unwrap();
    let declined: Vec<_> = loaded
        .timeline
        .iter()
        .filter_map(|r| match &r.event {
            Event::HandoffDeclined { agent, reason } => Some((agent.clone(), reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(declined, [(AGENTS.to_owned(), Some("transfer no-answer".to_owned()))]);
    assert_eq!(loaded.state.stage(), Stage::HandoffPending, "still waiting for a person");
    // A late hold request after the refusal gets the apology, not more waiting.
    let late = rig.hook(&format!("{next}&hold=2"), &params).await.text().await.unwrap();
    assert!(late.contains("Sorry, nobody") && late.contains("<Hangup/>"), "{late}");

    let completed = [("CallSid", sid.as_str()), ("CallStatus", "completed"), ("CallDuration", "41")];
    assert_eq!(rig.hook(&rig.url("voice/status", conv, call), &completed).await.status(), 200);
    assert_eq!(endings(&rig.timeline(conv).await), [(CallOutcome::Human, 41)]);
    rig.app.stop().await;
}

throughline_e2e::for_each_backend!(
    a_bot_hands_a_twilio_call_to_a_person_who_hears_the_summary_first,
    a_failed_bot_is_handed_to_people_who_do_not_answer_and_the_lead_hears_why,
);
