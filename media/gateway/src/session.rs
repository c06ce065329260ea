//! One call's stream, from the carrier's `start` to the last frame: token check, disclosure,
//! bot, bridge, end. One task per stream; everything about the call is in [`Call`].

use std::collections::BTreeMap;
use std::time::Duration;

use domain::vocab::{CallOutcome, DisclosureKind};
use domain::{Channel, Event};
use futures_util::StreamExt;
use media_core::frames::{
    Command, CommandWriter, Dialect, Inbound, InboundWriter, Start, parse_command, parse_inbound,
};
use media_core::jitter::{Push, ReorderBuffer};
use media_core::pacing::{FrameFormat, FrameQueue, Pacer};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::hooks::{AdmitError, CallPlan, CallRecord, EndReason, OnBotFailure};
use crate::link::{Link, LinkError, Outgoing, dial, send};
use crate::transcode::{Transcoder, silence};
use crate::{Gateway, stats::Stat};

/// Close codes (RFC 6455 §7.4.1).
const NORMAL: u16 = 1000;
const POLICY: u16 = 1008;
const PROTOCOL: u16 = 1002;
const UNSUPPORTED: u16 = 1003;
const INTERNAL: u16 = 1011;

/// How the stream ended, for the close frame and the logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    /// The close code sent to the carrier.
    pub code: u16,
    /// Machine-readable reason (also on the timeline where the call is known).
    pub reason: &'static str,
}

impl Closed {
    fn new(code: u16, reason: &'static str) -> Self {
        Self { code, reason }
    }
}

/// The gateway's own mark around the disclosure (bots' marks are passed through as named).
const DISCLOSURE_MARK: &str = "throughline:disclosure";

/// Bot audio queued towards the carrier at most: a long bot turn fits, a runaway bot does not.
const MAX_QUEUED: Duration = Duration::from_secs(60);

/// How far ahead of real time bot audio may reach the carrier: one frame, so a bot that
/// streams as it speaks is forwarded on arrival instead of waiting on a timer for jitter.
const PACING_LEAD: Duration = Duration::from_millis(20);

/// Frames held while waiting for a late one (Telnyx does not promise order): 3 × 20 ms is the
/// most reordering seen on a healthy path, and the most delay worth adding for it.
const REORDER_DEPTH: usize = 3;

/// Events waiting to be written per call; a burst of DTMF fits, and a stalled store does not
/// stall the audio (the excess is logged and dropped).
const RECORD_QUEUE: usize = 64;

/// Runs one stream to its end. `query_token` is the token from the websocket URL (Telnyx);
/// Twilio and Vonage carry it in the start's parameters.
pub async fn run<L: Link>(gateway: &Gateway, dialect: Dialect, carrier: &mut L, query_token: Option<String>) -> Closed {
    let closed = match admit(gateway, dialect, carrier, query_token).await {
        Ok((start, plan)) => {
            gateway.stats.bump(Stat::Admitted);
            let _live = gateway.stats.live();
            Call::new(gateway, dialect, start, plan).run(carrier).await
        }
        Err(closed) => {
            gateway.stats.bump(Stat::Refused);
            closed
        }
    };
    tracing::info!(dialect = dialect.as_str(), code = closed.code, reason = closed.reason, "media stream closed");
    let _ = send(carrier, Outgoing::Close(closed.code, closed.reason), gateway.settings.send_timeout).await;
    closed
}

/// Waits for the carrier's start and admits the stream it names.
async fn admit<L: Link>(
    gateway: &Gateway,
    dialect: Dialect,
    carrier: &mut L,
    query_token: Option<String>,
) -> Result<(Start, CallPlan), Closed> {
    let deadline = Instant::now() + gateway.settings.start_timeout;
    let start = loop {
        let frame = match tokio::time::timeout_at(deadline, carrier.next()).await {
            Err(_) => return Err(Closed::new(POLICY, "no_start")),
            Ok(None | Some(Err(_))) => return Err(Closed::new(NORMAL, "closed_before_start")),
            Ok(Some(Ok(frame))) => frame,
        };
        match parse_inbound(dialect, frame.as_ref()) {
            Ok(Inbound::Start(start)) => break start,
            Ok(Inbound::Connected | Inbound::Other) => continue,
            Ok(_) => return Err(Closed::new(PROTOCOL, "media_before_start")),
            Err(e) => {
                tracing::warn!(dialect = dialect.as_str(), error = %e, "unreadable frame before start");
                return Err(Closed::new(PROTOCOL, "malformed_frame"));
            }
        }
    };
    let token = start.parameters.get("token").cloned().or(query_token).unwrap_or_default();
    let claims = gateway.tokens.verify(&token, (gateway.now)()).map_err(|e| {
        tracing::warn!(dialect = dialect.as_str(), error = %e, "stream token refused");
        Closed::new(POLICY, "bad_token")
    })?;
    let plan = gateway.hooks.admit(&claims, dialect).await.map_err(|e| {
        tracing::warn!(dialect = dialect.as_str(), conversation_id = %claims.conversation, error = %e, "stream not admitted");
        match e {
            AdmitError::Replayed => Closed::new(POLICY, "token_replayed"),
            AdmitError::Unknown => Closed::new(POLICY, "unknown_call"),
            AdmitError::NotConfigured(_) => Closed::new(POLICY, "not_configured"),
            AdmitError::NotCallable(reason) => Closed::new(POLICY, reason),
            AdmitError::Unavailable(_) => Closed::new(INTERNAL, "unavailable"),
        }
    })?;
    Ok((start, plan))
}

/// A running call.
struct Call<'g> {
    gateway: &'g Gateway,
    dialect: Dialect,
    plan: CallPlan,
    start: Start,
    /// When the stream was admitted (just after the carrier's start): offsets on the timeline
    /// count from here.
    began: Instant,
    to_carrier: CommandWriter,
    queue: FrameQueue,
    pacer: Pacer,
    /// Our marks and the bot's that the carrier has but has not returned, oldest first.
    in_flight: Vec<String>,
    recorder: mpsc::Sender<CallRecord>,
    recorder_task: Option<tokio::task::JoinHandle<()>>,
    reorder: Option<ReorderBuffer<Vec<u8>>>,
    scratch: Vec<u8>,
}

impl<'g> Call<'g> {
    fn new(gateway: &'g Gateway, dialect: Dialect, start: Start, plan: CallPlan) -> Self {
        let format = start.format;
        let frame =
            FrameFormat::new(format.frame_bytes().unwrap_or(160), Duration::from_millis(20), silence(format.encoding))
                .unwrap_or(FrameFormat::ULAW_8K);
        let (recorder, rx) = mpsc::channel(RECORD_QUEUE);
        let hooks = gateway.hooks.clone();
        let conversation = plan.conversation;
        let recorder_task = tokio::spawn(async move {
            let mut rx = rx;
            while let Some(record) = rx.recv().await {
                if let Err(e) = hooks.record(conversation, vec![record]).await {
                    tracing::error!(conversation_id = %conversation, error = %e, "call event not recorded");
                }
            }
        });
        // Telnyx may deliver out of order; the others are ordered TCP streams from one sender.
        let reorder = (dialect == Dialect::Telnyx).then(|| ReorderBuffer::new(REORDER_DEPTH));
        Self {
            gateway,
            dialect,
            to_carrier: CommandWriter::new(dialect, &start.stream_id),
            plan,
            start,
            began: Instant::now(),
            queue: FrameQueue::new(frame, MAX_QUEUED),
            pacer: Pacer::new(Duration::from_millis(20), Duration::ZERO).with_lead(PACING_LEAD),
            in_flight: Vec::new(),
            recorder,
            recorder_task: Some(recorder_task),
            reorder,
            scratch: Vec::with_capacity(640),
        }
    }

    fn offset(&self) -> Duration {
        self.began.elapsed()
    }

    fn offset_ms(&self) -> u64 {
        u64::try_from(self.offset().as_millis()).unwrap_or(u64::MAX)
    }

    /// Queues an event for the timeline without holding up the audio.
    fn note(&self, record: CallRecord) {
        if self.recorder.try_send(record).is_err() {
            tracing::error!(conversation_id = %self.plan.conversation, "call event queue full; event dropped");
        }
    }

    /// Records now and waits until it is durable (the disclosure, before the bot is heard).
    async fn record_now(&self, event: Event) -> Result<(), String> {
        self.gateway.hooks.record(self.plan.conversation, vec![CallRecord::new(event)]).await
    }

    async fn run<L: Link>(mut self, carrier: &mut L) -> Closed {
        let (closed, failure) = match self.bridge(carrier).await {
            Ok(closed) => (closed, None),
            Err((closed, reason)) => (closed, Some(reason)),
        };
        if let Some(reason) = failure {
            self.note(CallRecord::new(Event::CallStreamFailed {
                call_id: self.plan.call,
                reason: closed.reason.to_owned(),
            }));
            if self.plan.on_bot_failure == OnBotFailure::Handoff
                && matches!(reason, EndReason::BotUnreachable | EndReason::BotFailed)
            {
                self.note(CallRecord::new(Event::HandoffRequested {
                    reason: format!("voice bot failed: {}", closed.reason),
                    by: domain::Role::Ai,
                }));
            }
        }
        let ended = Event::CallEnded {
            call_id: self.plan.call,
            outcome: CallOutcome::Human,
            duration_secs: u32::try_from(self.offset().as_secs()).unwrap_or(u32::MAX),
            reason: Some(closed.reason.to_owned()),
        };
        self.note(CallRecord::keyed(ended, format!("call_ended:{}", self.plan.call)));
        // Let the recorder drain before the call is forgotten, so the timeline is complete
        // when the hang-up's own webhooks arrive.
        let Call { recorder, recorder_task, gateway, plan, .. } = self;
        drop(recorder);
        if let Some(task) = recorder_task {
            let _ = task.await;
        }
        if let Some(reason) = failure.or((closed.reason == "bot_closed").then_some(EndReason::BotClosed)) {
            gateway.hooks.end_call(&plan, reason).await;
        }
        gateway.hooks.finished(&plan).await;
        closed
    }

    async fn bridge<L: Link>(&mut self, carrier: &mut L) -> Result<Closed, (Closed, EndReason)> {
        let format = self.start.format;
        let mut to_bot = Transcoder::new(format, self.plan.bot_format).map_err(|e| {
            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "carrier codec not carried");
            (Closed::new(UNSUPPORTED, "codec_unsupported"), EndReason::StreamFailed)
        })?;
        let mut from_bot = Transcoder::new(self.plan.bot_format, format)
            .map_err(|_| (Closed::new(UNSUPPORTED, "codec_unsupported"), EndReason::StreamFailed))?;
        if !self.disclose(carrier).await? {
            return Ok(Closed::new(NORMAL, "caller_hung_up_during_disclosure"));
        }
        let mut bot = dial(&self.plan.bot_url, self.gateway.settings.bot_connect_timeout).await.map_err(|e| {
            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "bot unreachable");
            (Closed::new(INTERNAL, "bot_unreachable"), EndReason::BotUnreachable)
        })?;
        let stream_id = if self.start.stream_id.is_empty() {
            format!("MZ{}", uuid::Uuid::new_v4().simple())
        } else {
            self.start.stream_id.clone()
        };
        let mut to_bot_writer = InboundWriter::new(Dialect::Twilio, &stream_id);
        let bot_start = Start {
            stream_id: stream_id.clone(),
            call_id: Some(self.plan.call.to_string()),
            parameters: self.bot_parameters(),
            format: self.plan.bot_format,
        };
        let stall = self.gateway.settings.send_timeout;
        let bot_failed = |e: LinkError| {
            let reason = if e == LinkError::Stalled { "bot_stalled" } else { "bot_failed" };
            (Closed::new(INTERNAL, reason), EndReason::BotFailed)
        };
        for frame in [to_bot_writer.connected(), Some(to_bot_writer.start(&bot_start))].into_iter().flatten() {
            send(&mut bot, Outgoing::Frame(frame), stall).await.map_err(bot_failed)?;
        }
        let bot_frame_bytes = self.plan.bot_format.frame_bytes().unwrap_or(160);
        let mut pending_to_bot: Vec<u8> = Vec::with_capacity(bot_frame_bytes * 2);
        let sleep = tokio::time::sleep(Duration::ZERO);
        tokio::pin!(sleep);
        // Liveness: a bot that has sent nothing for a ping interval is pinged, and one still
        // silent a stall timeout later (no pong either) has stalled. Writes alone cannot tell:
        // the socket buffers take minutes of audio before a send blocks.
        let ping_every = self.gateway.settings.bot_ping_interval;
        let mut pinged: Option<Instant> = None;
        let liveness = tokio::time::sleep(ping_every);
        tokio::pin!(liveness);
        loop {
            // The timer is armed only while audio waits for its slot: a bot streaming in real
            // time is forwarded as it arrives (the pacer's lead covers arrival jitter).
            let waiting = self.queue.has_sendable();
            if waiting {
                let deadline = self.began + self.pacer.next_deadline();
                if sleep.deadline() != deadline {
                    sleep.as_mut().reset(deadline);
                }
            }
            tokio::select! {
                frame = carrier.next() => {
                    let frame = match frame {
                        Some(Ok(frame)) => frame,
                        None | Some(Err(LinkError::Closed)) => return Ok(self.hang_up_bot(&mut bot, &mut to_bot_writer, "caller_hung_up").await),
                        Some(Err(e)) => {
                            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "carrier socket failed");
                            self.hang_up_bot(&mut bot, &mut to_bot_writer, "carrier_socket_error").await;
                            return Err((Closed::new(PROTOCOL, "carrier_socket_error"), EndReason::StreamFailed));
                        }
                    };
                    let inbound = match parse_inbound(self.dialect, frame.as_ref()) {
                        Ok(inbound) => inbound,
                        Err(e) => {
                            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "unreadable carrier frame");
                            self.hang_up_bot(&mut bot, &mut to_bot_writer, "malformed_frame").await;
                            return Err((Closed::new(PROTOCOL, "malformed_frame"), EndReason::StreamFailed));
                        }
                    };
                    match inbound {
                        Inbound::Media(media) => {
                            for payload in self.in_order(media.sequence, media.payload) {
                                self.scratch.clear();
                                to_bot.convert(&payload, &mut self.scratch);
                                pending_to_bot.extend_from_slice(&self.scratch);
                                self.gateway.stats.bump(Stat::CarrierFrames);
                            }
                            // The bot gets whole 20 ms frames whatever the carrier's chunking.
                            while pending_to_bot.len() >= bot_frame_bytes {
                                let frame = to_bot_writer.media(self.offset_ms(), &pending_to_bot[..bot_frame_bytes]);
                                pending_to_bot.drain(..bot_frame_bytes);
                                send(&mut bot, Outgoing::Frame(frame), stall).await.map_err(bot_failed)?;
                            }
                        }
                        Inbound::Dtmf { digit } => {
                            self.note(CallRecord::new(Event::DtmfReceived {
                                call_id: self.plan.call,
                                digit: digit.to_string(),
                                at_ms: self.offset_ms(),
                            }));
                            send(&mut bot, Outgoing::Frame(to_bot_writer.dtmf(digit)), stall).await.map_err(bot_failed)?;
                        }
                        Inbound::Mark { name } => {
                            if let Some(at) = self.in_flight.iter().position(|m| *m == name) {
                                self.in_flight.remove(at);
                                send(&mut bot, Outgoing::Frame(to_bot_writer.mark(&name)), stall).await.map_err(bot_failed)?;
                            }
                        }
                        Inbound::Cleared => {
                            // Vonage drops queued notifies with the audio: answer them here.
                            for name in std::mem::take(&mut self.in_flight) {
                                send(&mut bot, Outgoing::Frame(to_bot_writer.mark(&name)), stall).await.map_err(bot_failed)?;
                            }
                        }
                        Inbound::Stop => return Ok(self.hang_up_bot(&mut bot, &mut to_bot_writer, "caller_hung_up").await),
                        Inbound::Error { code, title } => {
                            tracing::warn!(conversation_id = %self.plan.conversation, code = ?code, title = %title, "carrier reported a stream error");
                        }
                        Inbound::Start(_) | Inbound::Connected | Inbound::Other => {}
                    }
                }
                frame = bot.next() => {
                    let frame = match frame {
                        Some(Ok(frame)) => frame,
                        None | Some(Err(LinkError::Closed)) => return Ok(Closed::new(NORMAL, "bot_closed")),
                        Some(Err(e)) => return Err(bot_failed(e)),
                    };
                    match parse_command(Dialect::Twilio, frame.as_ref()) {
                        Ok(Command::Media(audio)) => {
                            self.scratch.clear();
                            from_bot.convert(&audio, &mut self.scratch);
                            if let Err(e) = self.queue.push_audio(&self.scratch) {
                                tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "bot audio dropped");
                            }
                            self.gateway.stats.bump(Stat::BotFrames);
                            self.pace(carrier).await?;
                        }
                        Ok(Command::Mark(name)) => {
                            self.queue.push_mark(name);
                            self.pace(carrier).await?;
                        }
                        Ok(Command::Clear) => self.clear(carrier, &mut bot, &mut to_bot_writer).await?,
                        Ok(Command::Other) => {}
                        Err(e) => {
                            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "unreadable bot frame");
                            return Err((Closed::new(INTERNAL, "bot_protocol_error"), EndReason::BotFailed));
                        }
                    }
                }
                () = &mut sleep, if waiting => {
                    self.pace(carrier).await?;
                }
                // Re-armed only when it fires, not per frame: a talking bot costs nothing here.
                () = &mut liveness => {
                    let (now, heard) = (Instant::now(), bot.last_heard());
                    if pinged.is_some_and(|at| heard < at) {
                        tracing::warn!(conversation_id = %self.plan.conversation, "bot answers nothing, not even a ping");
                        self.hang_up_bot(&mut bot, &mut to_bot_writer, "bot_stalled").await;
                        return Err(bot_failed(LinkError::Stalled));
                    }
                    pinged = None;
                    if heard + ping_every > now {
                        liveness.as_mut().reset(heard + ping_every);
                    } else {
                        send(&mut bot, Outgoing::Ping, stall).await.map_err(bot_failed)?;
                        pinged = Some(now);
                        liveness.as_mut().reset(now + stall);
                    }
                }
            }
        }
    }

    /// The bot's `start.customParameters`.
    fn bot_parameters(&self) -> BTreeMap<String, String> {
        let mut parameters = self.plan.parameters.clone();
        parameters.insert("conversation_id".into(), self.plan.conversation.to_string());
        parameters.insert("call_id".into(), self.plan.call.to_string());
        parameters.insert("disclosure_done".into(), "true".into());
        parameters.insert("carrier".into(), self.dialect.as_str().into());
        parameters
    }

    /// Sends everything the pacer says is due, each frame after the marks queued before it.
    async fn pace<L: Link>(&mut self, carrier: &mut L) -> Result<(), (Closed, EndReason)> {
        let stall = self.gateway.settings.send_timeout;
        let failed = |_| (Closed::new(PROTOCOL, "carrier_stalled"), EndReason::StreamFailed);
        loop {
            let now = self.offset();
            let Some(due) = self.queue.pop_due(&mut self.pacer, now) else { break };
            for mark in due.marks {
                send(carrier, Outgoing::Frame(self.to_carrier.mark(&mark)), stall).await.map_err(failed)?;
                self.in_flight.push(mark);
            }
            if let Some(audio) = due.audio {
                send(carrier, Outgoing::Frame(self.to_carrier.media(&audio)), stall).await.map_err(failed)?;
            }
        }
        Ok(())
    }

    /// Barge-in: drop the queue here and at the carrier, and record what the caller never heard.
    async fn clear<L: Link>(
        &mut self,
        carrier: &mut L,
        bot: &mut crate::link::BotLink,
        to_bot: &mut InboundWriter,
    ) -> Result<(), (Closed, EndReason)> {
        let stall = self.gateway.settings.send_timeout;
        let cleared = self.queue.clear();
        send(carrier, Outgoing::Frame(self.to_carrier.clear()), stall)
            .await
            .map_err(|_| (Closed::new(PROTOCOL, "carrier_stalled"), EndReason::StreamFailed))?;
        // Marks still queued here never reached the carrier: answer them now. Marks the carrier
        // holds come back from it once it has cleared.
        for name in &cleared.marks {
            send(bot, Outgoing::Frame(to_bot.mark(name)), stall)
                .await
                .map_err(|_| (Closed::new(INTERNAL, "bot_stalled"), EndReason::BotFailed))?;
        }
        let mut unheard: Vec<String> = self.in_flight.clone();
        unheard.extend(cleared.marks);
        if !unheard.is_empty() || cleared.dropped_ms > 0 {
            self.note(CallRecord::new(Event::BotAudioCleared {
                call_id: self.plan.call,
                marks: unheard,
                unheard_ms: cleared.dropped_ms,
            }));
        }
        self.gateway.stats.bump(Stat::Clears);
        Ok(())
    }

    /// Puts media in sequence order where the carrier may reorder; others pass straight through.
    fn in_order(&mut self, sequence: Option<u64>, payload: Vec<u8>) -> Vec<Vec<u8>> {
        let (Some(buffer), Some(seq)) = (self.reorder.as_mut(), sequence) else { return vec![payload] };
        if buffer.push(seq, payload) != Push::Accepted {
            return vec![];
        }
        let mut out = Vec::new();
        while let Some(released) = buffer.pop() {
            out.push(released.item);
        }
        out
    }

    /// The caller is gone: tell the bot, and close its socket.
    async fn hang_up_bot(
        &self,
        bot: &mut crate::link::BotLink,
        to_bot: &mut InboundWriter,
        reason: &'static str,
    ) -> Closed {
        let stall = self.gateway.settings.send_timeout;
        if let Some(stop) = to_bot.stop(Some(&self.plan.call.to_string())) {
            let _ = send(bot, Outgoing::Frame(stop), stall).await;
        }
        let _ = send(bot, Outgoing::Close(NORMAL, "call ended"), stall).await;
        Closed::new(NORMAL, reason)
    }

    /// Plays the disclosure and waits for the carrier to confirm it played in full, then
    /// records it durably. `Ok(false)`: the caller hung up first (recorded as incomplete).
    async fn disclose<L: Link>(&mut self, carrier: &mut L) -> Result<bool, (Closed, EndReason)> {
        let prompt = self.plan.disclosure.clone();
        let failed = |reason| (Closed::new(INTERNAL, reason), EndReason::DisclosureFailed);
        let audio = prompt.encoded(self.start.format).map_err(|_| failed("disclosure_unplayable"))?;
        self.queue.push_shared(&audio).map_err(|_| failed("disclosure_unplayable"))?;
        self.queue.push_mark(DISCLOSURE_MARK);
        let started_ms = self.offset_ms();
        // The mark comes back when the prompt has played; allow for the carrier's buffering.
        let deadline = self.began
            + self.offset()
            + Duration::from_millis(prompt.duration_ms())
            + self.gateway.settings.disclosure_grace;
        let sleep = tokio::time::sleep(Duration::ZERO);
        tokio::pin!(sleep);
        let confirmed = loop {
            let next = self.began + self.pacer.next_deadline();
            if sleep.deadline() != next {
                sleep.as_mut().reset(next);
            }
            tokio::select! {
                frame = carrier.next() => {
                    let frame = match frame {
                        Some(Ok(frame)) => frame,
                        None | Some(Err(_)) => break false,
                    };
                    match parse_inbound(self.dialect, frame.as_ref()) {
                        Ok(Inbound::Mark { name }) if name == DISCLOSURE_MARK => {
                            self.in_flight.retain(|m| m != DISCLOSURE_MARK);
                            break true;
                        }
                        Ok(Inbound::Stop) => break false,
                        Ok(Inbound::Dtmf { digit }) => self.note(CallRecord::new(Event::DtmfReceived {
                            call_id: self.plan.call,
                            digit: digit.to_string(),
                            at_ms: self.offset_ms(),
                        })),
                        // The caller's audio before the bot is connected goes nowhere.
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!(conversation_id = %self.plan.conversation, error = %e, "unreadable carrier frame");
                            let _ = self.record_now(self.disclosure_event(started_ms, false)).await;
                            return Err((Closed::new(PROTOCOL, "malformed_frame"), EndReason::StreamFailed));
                        }
                    }
                }
                () = &mut sleep, if self.queue.has_sendable() => {
                    if let Err(failed) = self.pace(carrier).await {
                        let _ = self.record_now(self.disclosure_event(started_ms, false)).await;
                        return Err(failed);
                    }
                }
                () = tokio::time::sleep_until(deadline) => {
                    let event = self.disclosure_event(started_ms, false);
                    let _ = self.record_now(event).await;
                    return Err(failed("disclosure_unconfirmed"));
                }
            }
        };
        let event = self.disclosure_event(started_ms, confirmed);
        if let Err(e) = self.record_now(event).await {
            tracing::error!(conversation_id = %self.plan.conversation, error = %e, "disclosure not recorded; not bridging");
            return Err(failed("disclosure_not_recorded"));
        }
        self.gateway.stats.bump(if confirmed { Stat::Disclosed } else { Stat::DisclosureCut });
        Ok(confirmed)
    }

    fn disclosure_event(&self, started_ms: u64, complete: bool) -> Event {
        Event::DisclosureRecorded {
            channel: Channel::Voice,
            kind: DisclosureKind::VoicePrompt,
            text: self.plan.disclosure.text.clone(),
            call_id: Some(self.plan.call),
            started_ms: Some(started_ms),
            ended_ms: Some(self.offset_ms()),
            complete,
        }
    }
}
