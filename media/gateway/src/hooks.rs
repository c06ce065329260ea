//! What the gateway asks of the rest of Throughline: whether a stream may open and for which
//! campaign, to record what happened, and to end a call at the carrier. The server implements
//! [`CallHooks`] over its store and carriers; tests can implement it in memory.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use bytes::Bytes;
use domain::{CallId, ConversationId, Event};
use media_core::frames::{Dialect, Format};

use crate::token::Claims;
use crate::transcode::{Transcoder, Unsupported};

/// Encoded recordings by (encoding, rate).
type EncodedCache = BTreeMap<(u8, u32), Bytes>;

/// A disclosure prompt: the recording and the words it says. Encoded once per carrier format
/// and cached.
#[derive(Debug)]
pub struct Prompt {
    /// The prompt's name in configuration.
    pub name: String,
    /// What the recording says, word for word (it goes on the timeline).
    pub text: String,
    /// The recording, as linear samples.
    pub pcm: media_core::wav::Pcm,
    encoded: Mutex<EncodedCache>,
}

impl Prompt {
    /// A prompt from a decoded recording.
    pub fn new(name: impl Into<String>, text: impl Into<String>, pcm: media_core::wav::Pcm) -> Self {
        Self { name: name.into(), text: text.into(), pcm, encoded: Mutex::new(BTreeMap::new()) }
    }

    /// The recording's length.
    pub fn duration_ms(&self) -> u64 {
        self.pcm.duration_ms()
    }

    /// The recording in `format`, encoded on first use.
    pub fn encoded(&self, format: Format) -> Result<Bytes, Unsupported> {
        let key = (format.encoding as u8, format.rate);
        if let Ok(cache) = self.encoded.lock()
            && let Some(bytes) = cache.get(&key)
        {
            return Ok(bytes.clone());
        }
        let source = Format { encoding: media_core::frames::Encoding::L16, rate: self.pcm.rate };
        let mut transcoder = Transcoder::new(source, format)?;
        let mut le = Vec::with_capacity(self.pcm.samples.len() * 2);
        crate::transcode::encode(media_core::frames::Encoding::L16, &self.pcm.samples, &mut le);
        let mut out = Vec::new();
        transcoder.convert(&le, &mut out);
        let bytes = Bytes::from(out);
        if let Ok(mut cache) = self.encoded.lock() {
            cache.insert(key, bytes.clone());
        }
        Ok(bytes)
    }
}

/// What to do with a call whose bot cannot carry on (never connects, stalls, breaks the
/// protocol).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBotFailure {
    /// Hang up.
    HangUp,
    /// Record a handoff request for a human, then hang up.
    Handoff,
}

/// Everything the gateway needs to run one admitted stream.
#[derive(Debug, Clone)]
pub struct CallPlan {
    /// The conversation.
    pub conversation: ConversationId,
    /// Throughline's id for the call.
    pub call: CallId,
    /// The bot's websocket URL.
    pub bot_url: String,
    /// What the bot hears and speaks: µ-law 8 kHz or L16 16 kHz.
    pub bot_format: Format,
    /// Played to the caller before the bot is connected.
    pub disclosure: Arc<Prompt>,
    /// The bot's `start.customParameters` (conversation id, lead name, persona, context).
    pub parameters: BTreeMap<String, String>,
    /// Policy when the bot fails.
    pub on_bot_failure: OnBotFailure,
}

/// Why a stream was not admitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdmitError {
    /// The token already opened a stream.
    #[error("stream token already used")]
    Replayed,
    /// The conversation or call is not known.
    #[error("unknown conversation or call")]
    Unknown,
    /// The campaign cannot take calls through the gateway (no bot, no disclosure prompt).
    #[error("campaign not set up for voice: {0}")]
    NotConfigured(&'static str),
    /// The lead may no longer be called (opted out, revoked voice consent, asked for text
    /// only) since the call was placed.
    #[error("lead may not be called: {0}")]
    NotCallable(&'static str),
    /// The store or hot state could not answer.
    #[error("unavailable: {0}")]
    Unavailable(String),
}

/// Why the gateway ends a call at the carrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The bot closed its socket (the conversation is over).
    BotClosed,
    /// The bot never connected.
    BotUnreachable,
    /// The bot stopped reading or broke the protocol.
    BotFailed,
    /// The disclosure could not be played or recorded.
    DisclosureFailed,
    /// The carrier's stream cannot be carried (codec) or misbehaved.
    StreamFailed,
}

impl EndReason {
    /// Machine-readable reason for the timeline.
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::BotClosed => "bot_closed",
            EndReason::BotUnreachable => "bot_unreachable",
            EndReason::BotFailed => "bot_failed",
            EndReason::DisclosureFailed => "disclosure_failed",
            EndReason::StreamFailed => "stream_failed",
        }
    }
}

/// One event for the timeline, with the dedupe key that makes retries and the carrier's own
/// report of the same fact harmless.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRecord {
    /// The event.
    pub event: Event,
    /// Appending the same key twice has one effect.
    pub dedupe: Option<String>,
}

impl CallRecord {
    /// An event without a dedupe key.
    pub fn new(event: Event) -> Self {
        Self { event, dedupe: None }
    }

    /// An event with a dedupe key.
    pub fn keyed(event: Event, key: String) -> Self {
        Self { event, dedupe: Some(key) }
    }
}

/// The server side of the gateway.
#[async_trait]
pub trait CallHooks: Send + Sync + std::fmt::Debug + 'static {
    /// Claims the token (each opens one stream) and builds the call's plan. A replayed token
    /// should also be recorded on the conversation's timeline.
    async fn admit(&self, claims: &Claims, dialect: Dialect) -> Result<CallPlan, AdmitError>;

    /// Appends to the conversation's timeline; `Ok` once durable.
    async fn record(&self, conversation: ConversationId, records: Vec<CallRecord>) -> Result<(), String>;

    /// Ends the call at the carrier (REST hang-up), after recording a handoff request when the
    /// policy says so.
    async fn end_call(&self, plan: &CallPlan, reason: EndReason);

    /// The stream is over; forget it (live-call registry).
    async fn finished(&self, plan: &CallPlan);
}
