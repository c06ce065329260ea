//! The media gateway end to end: the real server on both backends, carrier clients speaking
//! Twilio's, Telnyx's and Vonage's dialects, and a scripted bot on the other side.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::{CallId, ConversationId, Event, EventRecord};
use media_core::frames::{Command, Dialect, Encoding, Format, Frame, Inbound};
use serde_json::{Value, json};
use server::{Clock, ManualClock};
use throughline_e2e::media::{BotConnection, BotServer, CarrierClient, Received, stream_failures};
use throughline_e2e::{Kind, TestApp, campaign_body, lead_body, spawn_api_with};

const WAIT: Duration = Duration::from_secs(10);
const PROMPT_TEXT: &str = "You are talking to an automated assistant for Acme Solar.";
/// The test prompt: 300 ms of a 400 Hz tone at 8 kHz (15 frames of 20 ms).
const PROMPT_MS: u64 = 300;

fn now() -> DateTime<Utc> {
    "2026-11-24T17:00:00Z".parse().unwrap()
}

struct Rig {
    app: TestApp,
    bot: BotServer,
    clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

fn tone(rate: u32, hz: f64, samples: usize, amplitude: f64) -> Vec<i16> {
    (0..samples)
        .map(|i| (amplitude * (2.0 * std::f64::consts::PI * hz * i as f64 / f64::from(rate)).sin()) as i16)
        .collect()
}

async fn rig(kind: Kind) -> Option<Rig> {
    rig_with(kind, |_| {}).await
}

async fn rig_with(kind: Kind, tune: impl FnOnce(&mut server::config::MediaSettings) + Send + 'static) -> Option<Rig> {
    let dir = tempfile::tempdir().unwrap();
    let prompt = dir.path().join("prompt.wav");
    let samples = tone(8000, 400.0, (PROMPT_MS * 8) as usize, 6000.0);
    std::fs::write(&prompt, media_core::wav::write_pcm16(8000, &samples)).unwrap();
    let clock = Arc::new(ManualClock::new(now()));
    let app = spawn_api_with(kind, clock.clone(), move |s| {
        s.media
            .prompts
            .insert("short".into(), server::config::PromptSettings { file: prompt, text: PROMPT_TEXT.into() });
        s.media.start_timeout_ms = 1500;
        s.media.bot_connect_timeout_ms = 1000;
        s.media.disclosure_grace_ms = 2000;
        tune(&mut s.media);
    })
    .await?;
    Some(Rig { app, bot: BotServer::start().await, clock, _dir: dir })
}

impl Rig {
    /// A campaign whose bot is the scripted one, and a lead in it.
    async fn conversation(&self, voice: Value) -> ConversationId {
        let mut body = campaign_body();
        let mut settings = json!({"provider": "twilio", "from_number": "+14155550100", "bot_url": self.bot.url,
                                  "disclosure_prompt": "short"});
        for (k, v) in voice.as_object().unwrap() {
            settings[k] = v.clone();
        }
        body["voice"] = settings;
        let response = self.app.post("/api/v1/campaigns", &body).await;
        assert_eq!(response.status(), 201);
        let campaign = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
        let response = self.app.post("/api/v1/leads", &lead_body(&campaign)).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["conversation_id"].as_str().unwrap().parse().unwrap()
    }

    fn token(&self, conversation: ConversationId, call: CallId) -> String {
        self.app.state.voice.token(conversation, call, self.clock.now())
    }

    async fn timeline(&self, id: ConversationId) -> Vec<EventRecord> {
        self.app.timeline(id).await
    }

    async fn until(&self, id: ConversationId, what: &str, check: impl Fn(&[EventRecord]) -> bool) -> Vec<EventRecord> {
        self.app.until(id, what, check).await
    }

    /// A carrier stream through the disclosure: the prompt's audio arrives first, then the
    /// gateway's mark, which the carrier returns as a carrier does once it has played. The bot
    /// must not have been dialled before that.
    async fn through_disclosure(&mut self, carrier: &mut CarrierClient, expected_bytes: usize) -> BotConnection {
        let mut audio = Vec::new();
        let mark = match carrier.until_not_media(WAIT, &mut audio).await {
            Some(Received::Message(Ok(Command::Mark(name)))) => name,
            other => panic!("expected the disclosure's mark after its audio, got {other:?}"),
        };
        assert_eq!(audio.len(), expected_bytes, "the whole prompt is played before its mark");
        assert!(
            self.bot.accept(Duration::from_millis(200)).await.is_none(),
            "the bot is not dialled before the disclosure played"
        );
        carrier.mark(&mark).await;
        self.bot.accept(WAIT).await.expect("the bot is dialled once the disclosure played")
    }
}

fn kinds(tl: &[EventRecord]) -> Vec<&'static str> {
    tl.iter().map(|r| r.event.kind()).collect()
}

fn disclosure(tl: &[EventRecord]) -> Option<(u64, u64, bool, String)> {
    tl.iter().find_map(|r| match &r.event {
        Event::DisclosureRecorded { started_ms, ended_ms, complete, text, call_id: Some(_), .. } => {
            Some((started_ms.unwrap_or_default(), ended_ms.unwrap_or_default(), *complete, text.clone()))
        }
        _ => None,
    })
}

/// Reads bot-side messages until `want` matches, collecting media payloads on the way.
async fn bot_until(bot: &mut BotConnection, audio: &mut Vec<u8>, want: impl Fn(&Inbound) -> bool) -> Inbound {
    loop {
        match bot.next(WAIT).await {
            Some(Received::Message(Ok(Inbound::Media(media)))) => audio.extend_from_slice(&media.payload),
            Some(Received::Message(Ok(other))) if want(&other) => return other,
            Some(Received::Message(Ok(_))) => {}
            other => panic!("bot expected more, got {other:?}"),
        }
    }
}

async fn twilio_bridges_audio_marks_clear_and_dtmf(kind: Kind) {
    let Some(mut rig) = rig(kind).await else { return };
    let address = rig.app.address.clone();
    bridge_a_twilio_call(&mut rig, &address).await;
}

/// The dedicated listener (`media.listen`, a runtime per thread, the server's hooks reached
/// from those threads) carries a call exactly as the HTTP listener does, and refuses the same
/// upgrades.
async fn the_dedicated_media_listener_carries_calls_the_same(kind: Kind) {
    let Some(mut rig) = rig_with(kind, |m| {
        m.listen = Some("127.0.0.1:0".into());
        m.threads = 2;
    })
    .await
    else {
        return;
    };
    let media = rig.app.media_address.clone().expect("the dedicated listener is up");
    assert_ne!(media, rig.app.address);
    // Upgrades are decided before any websocket exists: an unknown path, and a Twilio
    // signature that cannot hold (no auth token configured), are HTTP refusals.
    let host = media.trim_start_matches("http://");
    let refused = |url: String, signature: Option<&'static str>| async move {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        let mut request = url.into_client_request().unwrap();
        if let Some(signature) = signature {
            request.headers_mut().insert("x-twilio-signature", signature.parse().unwrap());
        }
        match tokio_tungstenite::connect_async(request).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => response.status().as_u16(),
            other => panic!("expected an HTTP refusal, got {:?}", other.map(|(_, r)| r.status())),
        }
    };
    assert_eq!(refused(format!("ws://{host}/media/skype"), None).await, 404);
    assert_eq!(refused(format!("ws://{host}/media/twilio"), Some("bm90IGEgc2lnbmF0dXJl")).await, 403);
    // A bad stream token is refused as on the HTTP listener.
    let mut carrier = CarrierClient::connect(&media, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some("not-a-token"), Format::PCMU_8K);
    carrier.begin(&start).await;
    assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1008, "bad_token".into())));
    bridge_a_twilio_call(&mut rig, &media).await;
    let metrics = rig.app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains("\nthroughline_media_streams_admitted_total 1\n"), "{metrics}");
    assert!(metrics.contains("\nthroughline_media_streams_refused_total 1\n"), "{metrics}");

    // Shutdown drains: the listener stops taking streams, a call in progress carries on until
    // its caller hangs up, and its end is still recorded.
    let conversation = rig.conversation(json!({})).await;
    let call = CallId::new();
    let token = rig.token(conversation, call);
    let mut carrier = CarrierClient::connect(&media, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&token), Format::PCMU_8K);
    carrier.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut carrier, (PROMPT_MS * 8) as usize).await;
    bot.start(WAIT).await.expect("bot start");
    rig.app.begin_shutdown();
    let deadline = tokio::time::Instant::now() + WAIT;
    while tokio::net::TcpStream::connect(host).await.is_ok() {
        assert!(tokio::time::Instant::now() < deadline, "the media listener still accepts after shutdown began");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    carrier.media(0, &[0x11; 160]).await;
    carrier.dtmf('7').await;
    let mut heard = Vec::new();
    bot_until(&mut bot, &mut heard, |m| matches!(m, Inbound::Dtmf { .. })).await;
    assert_eq!(heard, vec![0x11; 160], "the open call still carries audio while the server drains");
    if let Some(stop) = carrier.writer.stop(start.call_id.as_deref()) {
        carrier.send(stop).await;
    }
    bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Stop)).await;
    tokio::time::timeout(WAIT, rig.app.stopped()).await.expect("the server stops once its calls end").unwrap();
    let tl = rig.timeline(conversation).await;
    let ended = tl.iter().find_map(|r| match &r.event {
        Event::CallEnded { call_id, reason, .. } if *call_id == call => reason.clone(),
        _ => None,
    });
    assert_eq!(ended.as_deref(), Some("caller_hung_up"), "{:?}", kinds(&tl));
}

/// With a batch window (`media.batch_us`: each listener thread waits that long before it looks
/// for more work), a call is carried exactly as without one: the window only delays frames.
async fn a_batch_window_changes_nothing_but_the_timing(kind: Kind) {
    let Some(mut rig) = rig_with(kind, |m| {
        m.listen = Some("127.0.0.1:0".into());
        m.threads = 1;
        m.batch_us = 2_000;
    })
    .await
    else {
        return;
    };
    let media = rig.app.media_address.clone().expect("the dedicated listener is up");
    bridge_a_twilio_call(&mut rig, &media).await;
}

/// A Twilio call through the gateway at `address`: disclosure first, caller audio bit-exact to
/// the bot, bot audio paced back, marks round-trip, barge-in, DTMF, the bot's turn and
/// handoff, and the hang-up, all on the timeline.
async fn bridge_a_twilio_call(rig: &mut Rig, address: &str) {
    let conversation = rig.conversation(json!({})).await;
    let call = CallId::new();
    let token = rig.token(conversation, call);
    let mut carrier = CarrierClient::connect(address, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&token), Format::PCMU_8K);
    carrier.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut carrier, (PROMPT_MS * 8) as usize).await;

    // The disclosure is on the timeline, complete, before the bot heard anything.
    let tl = rig.timeline(conversation).await;
    let (started, ended, complete, text) = disclosure(&tl).expect("disclosure recorded before bridging");
    assert!(complete);
    assert_eq!(text, PROMPT_TEXT);
    assert!(ended >= started + PROMPT_MS - 40, "the prompt took its length to play: {started}..{ended}");

    // The bot's start carries the conversation and its context.
    let bot_start = bot.start(WAIT).await.expect("bot start");
    assert_eq!(bot_start.format, Format::PCMU_8K);
    let p = &bot_start.parameters;
    assert_eq!(p.get("conversation_id"), Some(&conversation.to_string()));
    assert_eq!(p.get("call_id"), Some(&call.to_string()));
    assert_eq!(p.get("disclosure_done").map(String::as_str), Some("true"));
    assert_eq!(p.get("lead_name").map(String::as_str), Some("Maria Lopez"));
    assert!(p.get("persona").is_some_and(|v| v.contains("Ava")));
    let context: Value = serde_json::from_str(p.get("context").expect("context")).expect("context is JSON");
    assert_eq!(context["lead"]["name"], "Maria Lopez");

    // Caller audio reaches the bot bit-exact (µ-law passthrough).
    let sent: Vec<u8> = (0..50 * 160).map(|i| ((i * 37 + i / 7) % 256) as u8).collect();
    for (n, chunk) in sent.chunks(160).enumerate() {
        carrier.media(n as u64 * 20, chunk).await;
    }
    carrier.dtmf('5').await;
    let mut heard = Vec::new();
    let dtmf = bot_until(&mut bot, &mut heard, |m| matches!(m, Inbound::Dtmf { .. })).await;
    assert_eq!(dtmf, Inbound::Dtmf { digit: '5' });
    assert_eq!(heard, sent, "the bot hears the caller's bytes unchanged");

    // Bot audio is paced to the carrier and its mark comes back when the carrier returns it.
    let spoken: Vec<u8> = (0..10 * 160).map(|i| (i % 200) as u8).collect();
    bot.media(&spoken).await;
    bot.mark("m1").await;
    let began = tokio::time::Instant::now();
    let mut played = Vec::new();
    match carrier.until_not_media(WAIT, &mut played).await {
        Some(Received::Message(Ok(Command::Mark(name)))) => assert_eq!(name, "m1"),
        other => panic!("expected mark m1, got {other:?}"),
    }
    assert_eq!(played, spoken, "the carrier plays the bot's bytes unchanged");
    assert!(
        began.elapsed() >= Duration::from_millis(120),
        "200 ms of audio is paced, not burst: {:?}",
        began.elapsed()
    );
    carrier.mark("m1").await;
    let mark = bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Mark { .. })).await;
    assert_eq!(mark, Inbound::Mark { name: "m1".into() });

    // Barge-in: two seconds queued, then clear. The carrier is told at once, and the mark
    // behind the dropped audio comes back to the bot.
    bot.media(&vec![0x55; 100 * 160]).await;
    bot.mark("m2").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    bot.clear().await;
    let mut before_clear = Vec::new();
    match carrier.until_not_media(WAIT, &mut before_clear).await {
        Some(Received::Message(Ok(Command::Clear))) => {}
        other => panic!("expected clear, got {other:?}"),
    }
    assert!(before_clear.len() < 100 * 160, "clear arrived before the queued audio played out");
    let mark = bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Mark { .. })).await;
    assert_eq!(mark, Inbound::Mark { name: "m2".into() });

    // The bot reports the line it was saying; it is folded as not heard.
    let turn = json!({"channel": "voice", "role": "ai", "text": "Let me tell you about financing", "call_id": call.to_string(), "mark": "m2"});
    assert_eq!(rig.app.post(&format!("/api/v1/conversations/{conversation}/turns"), &turn).await.status(), 201);

    // The bot asks to transfer the caller: a handoff request on the timeline.
    let handoff = json!({"reason": "caller asked for a person"});
    assert_eq!(rig.app.post(&format!("/api/v1/conversations/{conversation}/handoff"), &handoff).await.status(), 201);

    // The caller hangs up: the bot is told, the call ends on the timeline.
    if let Some(stop) = carrier.writer.stop(start.call_id.as_deref()) {
        carrier.send(stop).await;
    }
    bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Stop)).await;
    let tl = rig.until(conversation, "call_ended", |tl| tl.iter().any(|r| r.event.kind() == "call_ended")).await;
    let cleared = tl.iter().find_map(|r| match &r.event {
        Event::BotAudioCleared { marks, unheard_ms, .. } => Some((marks.clone(), *unheard_ms)),
        _ => None,
    });
    let (marks, unheard_ms) = cleared.expect("bot_audio_cleared recorded");
    assert_eq!(marks, vec!["m2".to_owned()]);
    assert!(unheard_ms > 1000, "most of the two seconds was never heard: {unheard_ms} ms");
    assert!(
        tl.iter().any(
            |r| matches!(&r.event, Event::DtmfReceived { digit, call_id, .. } if digit == "5" && *call_id == call)
        )
    );
    let ended = tl.iter().find_map(|r| match &r.event {
        Event::CallEnded { call_id, reason, .. } if *call_id == call => reason.clone(),
        _ => None,
    });
    assert_eq!(ended.as_deref(), Some("caller_hung_up"));
    assert!(
        tl.iter().any(
            |r| matches!(&r.event, Event::HandoffRequested { reason, .. } if reason == "caller asked for a person")
        )
    );
    let state = rig.app.store.load(conversation).await.unwrap().unwrap().state;
    let line = state.recent.iter().find(|l| l.text.contains("financing")).expect("turn folded");
    assert!(!line.heard, "a line whose audio was cleared is not heard");
}

async fn telnyx_reorders_and_vonage_l16_reaches_a_wideband_bot(kind: Kind) {
    let Some(mut rig) = rig(kind).await else { return };

    // Telnyx: token in the URL, frames out of order within the window.
    let conversation = rig.conversation(json!({"provider": "telnyx"})).await;
    let call = CallId::new();
    let token = rig.token(conversation, call);
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Telnyx, Some(&token)).await;
    let start = carrier.start_for(None, Format::PCMU_8K);
    carrier.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut carrier, (PROMPT_MS * 8) as usize).await;
    bot.start(WAIT).await.expect("bot start");
    let frames: Vec<Vec<u8>> = (0..30u8).map(|n| vec![n; 160]).collect();
    // Written in order (sequence numbers), sent swapped in pairs.
    let written: Vec<Frame> = frames.iter().enumerate().map(|(n, f)| carrier.writer.media(n as u64 * 20, f)).collect();
    let mut order: Vec<usize> = (0..written.len()).collect();
    for pair in order.chunks_mut(2) {
        pair.reverse();
    }
    for i in order {
        carrier.send(written[i].clone()).await;
    }
    carrier.dtmf('#').await;
    let mut heard = Vec::new();
    bot_until(&mut bot, &mut heard, |m| matches!(m, Inbound::Dtmf { .. })).await;
    let expected: Vec<u8> = frames.concat();
    assert!(heard.len() >= expected.len() - 3 * 160, "all but the reorder window arrived before the DTMF");
    assert_eq!(heard[..], expected[..heard.len()], "frames reach the bot in sequence order");
    bot.close().await;
    match carrier.next(WAIT).await {
        Some(Received::Closed(1000, reason)) => assert_eq!(reason, "bot_closed"),
        other => panic!("the bot hanging up closes the carrier stream: {other:?}"),
    }

    // Vonage: L16 at 8 kHz to a bot that asked for L16 16 kHz, through the resampler.
    let conversation = rig.conversation(json!({"provider": "vonage", "codec": "l16"})).await;
    let token = rig.token(conversation, CallId::new());
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Vonage, None).await;
    let l16_8k = Format { encoding: Encoding::L16, rate: 8000 };
    let start = carrier.start_for(Some(&token), l16_8k);
    carrier.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut carrier, (PROMPT_MS * 16) as usize).await;
    let bot_start = bot.start(WAIT).await.expect("bot start");
    assert_eq!(bot_start.format, Format::L16_16K);
    let sine = tone(8000, 1000.0, 8000, 8000.0);
    for (n, chunk) in sine.chunks(160).enumerate() {
        let bytes: Vec<u8> = chunk.iter().flat_map(|s| s.to_le_bytes()).collect();
        carrier.media(n as u64 * 20, &bytes).await;
    }
    carrier.dtmf('1').await;
    let mut heard = Vec::new();
    bot_until(&mut bot, &mut heard, |m| matches!(m, Inbound::Dtmf { .. })).await;
    let got: Vec<i16> = heard.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
    assert_eq!(got.len(), 16000, "one second at 16 kHz");
    // Against the ideal 1 kHz sine at 16 kHz, aligned on the resampler's delay: the error is
    // within the resampler's measured quality (≥ 60 dB here, 85 dB on the bench).
    let delay = media_core::resample::Resampler::new(8000, 16000).unwrap().delay();
    let ideal = tone(16000, 1000.0, 16000, 8000.0);
    let (mut signal, mut noise) = (0f64, 0f64);
    for i in 400..15000 {
        let want = f64::from(ideal[i - delay]);
        signal += want * want;
        noise += (f64::from(got[i]) - want).powi(2);
    }
    let snr = 10.0 * (signal / noise.max(1e-9)).log10();
    assert!(snr > 60.0, "8→16 kHz SNR {snr:.1} dB");
    carrier.close().await;
    bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Stop)).await;
}

async fn bad_streams_are_closed_with_a_reason(kind: Kind) {
    let Some(mut rig) = rig(kind).await else { return };
    let conversation = rig.conversation(json!({})).await;
    let before = rig.app.row_counts().await;

    // Forged and expired tokens: closed, nothing written anywhere.
    let forged = media_gateway::TokenSigner::new(b"not our secret").mint(
        conversation,
        CallId::new(),
        now(),
        chrono::Duration::minutes(2),
    );
    let expired = rig.app.state.voice.tokens.mint(
        conversation,
        CallId::new(),
        now() - chrono::Duration::hours(1),
        chrono::Duration::minutes(2),
    );
    for token in [forged.as_str(), expired.as_str(), "garbage", ""] {
        let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
        let start = carrier.start_for(Some(token), Format::PCMU_8K);
        carrier.begin(&start).await;
        assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1008, "bad_token".into())), "token {token:?}");
    }
    // Garbage before the start, and no start at all.
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    carrier.send(Frame::Text("{not json".into())).await;
    assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1002, "malformed_frame".into())));
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1008, "no_start".into())));
    assert_eq!(rig.app.row_counts().await, before, "refused streams write nothing");

    // A replayed token: the first stream runs, the second is refused and recorded.
    let call = CallId::new();
    let token = rig.token(conversation, call);
    let mut first = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    let start = first.start_for(Some(&token), Format::PCMU_8K);
    first.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut first, (PROMPT_MS * 8) as usize).await;
    bot.start(WAIT).await.expect("bot start");
    let mut second = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    second.begin(&start).await;
    assert_eq!(second.next(WAIT).await, Some(Received::Closed(1008, "token_replayed".into())));

    // Oversize and malformed frames mid-call: the stream closes, the bot is stopped, the
    // timeline says why.
    first.send(Frame::Text(format!(r#"{{"event":"media","media":{{"payload":"{}"}}}}"#, "A".repeat(80_000)))).await;
    match first.next(WAIT).await {
        Some(Received::Closed(code, _)) => assert!(code == 1009 || code == 1002 || code == 1006, "code {code}"),
        other => panic!("oversize frame closes the stream: {other:?}"),
    }
    bot_until(&mut bot, &mut Vec::new(), |m| matches!(m, Inbound::Stop)).await;
    let tl = rig
        .until(conversation, "the replay and the failure", |tl| {
            tl.iter().filter(|r| r.event.kind() == "call_stream_failed").count() >= 2
                && tl.iter().any(|r| r.event.kind() == "call_ended")
        })
        .await;
    let reasons = stream_failures(&tl);
    assert!(reasons.contains(&"token_replayed"), "{reasons:?}");

    // A bot that never answers: the caller hears the disclosure, then the call ends, with a
    // handoff requested as the campaign asks.
    let conversation =
        rig.conversation(json!({"bot_url": "ws://127.0.0.1:9/nobody", "on_bot_failure": "handoff"})).await;
    let call = CallId::new();
    let token = rig.token(conversation, call);
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&token), Format::PCMU_8K);
    carrier.begin(&start).await;
    let mut audio = Vec::new();
    let Some(Received::Message(Ok(Command::Mark(mark)))) = carrier.until_not_media(WAIT, &mut audio).await else {
        panic!("disclosure first")
    };
    carrier.mark(&mark).await;
    assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1011, "bot_unreachable".into())));
    let tl =
        rig.until(conversation, "bot failure recorded", |tl| tl.iter().any(|r| r.event.kind() == "call_ended")).await;
    let k = kinds(&tl);
    assert!(
        k.contains(&"disclosure_recorded") && k.contains(&"call_stream_failed") && k.contains(&"handoff_requested"),
        "{k:?}"
    );

    // The caller hangs up during the disclosure: recorded as not played in full, no bot.
    let conversation = rig.conversation(json!({})).await;
    let token = rig.token(conversation, CallId::new());
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&token), Format::PCMU_8K);
    carrier.begin(&start).await;
    carrier.next(WAIT).await.expect("disclosure audio starts");
    carrier.close().await;
    let tl = rig.until(conversation, "cut disclosure", |tl| tl.iter().any(|r| r.event.kind() == "call_ended")).await;
    let (_, _, complete, _) = disclosure(&tl).expect("disclosure recorded");
    assert!(!complete, "a disclosure the caller hung up on is recorded as incomplete");
    assert!(
        rig.bot.accept(Duration::from_millis(300)).await.is_none(),
        "no bot for a call that never heard the disclosure"
    );
}

/// A bot that listens in silence is kept (its websocket answers pings); a bot that hangs, still
/// connected but answering nothing, is found within a ping interval and a stall timeout, and the
/// call is ended with a handoff as the campaign asks.
async fn a_hung_bot_is_found_by_its_missing_pongs(kind: Kind) {
    let Some(mut rig) = rig_with(kind, |m| {
        m.bot_ping_interval_ms = 150;
        m.bot_stall_timeout_ms = 300;
    })
    .await
    else {
        return;
    };
    let conversation = rig.conversation(json!({"on_bot_failure": "handoff"})).await;
    let mut carrier = CarrierClient::connect(&rig.app.address, Dialect::Twilio, None).await;
    let start = carrier.start_for(Some(&rig.token(conversation, CallId::new())), Format::PCMU_8K);
    carrier.begin(&start).await;
    let mut bot = rig.through_disclosure(&mut carrier, (PROMPT_MS * 8) as usize).await;
    bot.start(WAIT).await.expect("bot start");

    // Listening, saying nothing, for many ping intervals: the call stays up.
    let listening = tokio::time::Instant::now() + Duration::from_millis(1200);
    while tokio::time::Instant::now() < listening {
        match bot.next(Duration::from_millis(50)).await {
            None | Some(Received::Message(Ok(_))) => {}
            other => panic!("a silent bot that answers pings is kept: {other:?}"),
        }
    }
    assert_eq!(carrier.next(Duration::from_millis(50)).await, None, "the carrier's stream is still open");

    // Now the bot hangs: connected, reading nothing, answering nothing.
    let hung = tokio::time::Instant::now();
    assert_eq!(carrier.next(WAIT).await, Some(Received::Closed(1011, "bot_stalled".into())));
    assert!(hung.elapsed() < Duration::from_secs(3), "found within a ping interval and a stall timeout");
    let tl =
        rig.until(conversation, "the stall recorded", |tl| tl.iter().any(|r| r.event.kind() == "call_ended")).await;
    assert_eq!(stream_failures(&tl), ["bot_stalled"]);
    assert!(kinds(&tl).contains(&"handoff_requested"), "{:?}", kinds(&tl));
    drop(bot);
    // Operators see it in the gateway's counters.
    let metrics = rig.app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains("\nthroughline_media_streams_admitted_total 1\n"), "{metrics}");
    assert!(metrics.contains("\nthroughline_media_disclosures_played_total 1\n"), "{metrics}");
}

throughline_e2e::for_each_backend!(
    twilio_bridges_audio_marks_clear_and_dtmf,
    the_dedicated_media_listener_carries_calls_the_same,
    a_batch_window_changes_nothing_but_the_timing,
    telnyx_reorders_and_vonage_l16_reaches_a_wideband_bot,
    bad_streams_are_closed_with_a_reason,
    a_hung_bot_is_found_by_its_missing_pongs
);
