//! The carriers' websocket dialects, parsed into one model and written back out.
//!
//! A media-streams websocket has two sides. The carrier (Twilio, Telnyx, Vonage) opens it and
//! sends [`Inbound`] messages: the stream's start, the caller's audio, DTMF, returned marks,
//! the stop. The other side answers with [`Command`]s: audio to play, marks, clear. The gateway
//! is the answering side towards the carrier and the carrier side towards the bot (which
//! speaks Twilio's dialect whatever the carrier was), so each dialect here can parse and write
//! both directions; the test doubles and the load tool use the other halves.
//!
//! Media frames are the hot path (50 a second each way per call): they are parsed borrowing
//! the text and written by hand into reused buffers; everything else goes through serde.

mod json;
mod vonage;

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

/// The largest text frame accepted from a carrier or bot. Media frames are about 300 bytes for
/// 20 ms of µ-law; Telnyx may send up to a second of audio and a start frame carries the
/// custom parameters (a few KiB of context). Anything bigger is an error, not an allocation.
pub const MAX_TEXT_FRAME: usize = 64 * 1024;

/// The largest decoded audio payload in one frame (a second of L16 at 16 kHz is 32,000 bytes).
pub const MAX_AUDIO_PAYLOAD: usize = 32 * 1024;

/// Which carrier's websocket dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Twilio Media Streams (also what bots speak).
    Twilio,
    /// Telnyx media streaming.
    Telnyx,
    /// Vonage websockets (binary L16 audio).
    Vonage,
}

impl Dialect {
    /// The dialect's name in URLs and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Twilio => "twilio",
            Dialect::Telnyx => "telnyx",
            Dialect::Vonage => "vonage",
        }
    }
}

/// How the audio in media frames is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// G.711 µ-law.
    Pcmu,
    /// G.711 A-law.
    Pcma,
    /// Signed 16-bit linear PCM, little-endian (Vonage's and the bot bridge's wideband).
    L16,
    /// G.722 (Telnyx wideband; not transcoded by this build).
    G722,
    /// Opus (Telnyx; decoded with the `opus` feature).
    Opus,
    /// AMR-WB (Telnyx; not transcoded by this build).
    AmrWb,
}

impl Encoding {
    /// Bytes per sample for the sample-based encodings, `None` for the frame-based ones.
    pub fn bytes_per_sample(self) -> Option<usize> {
        match self {
            Encoding::Pcmu | Encoding::Pcma => Some(1),
            Encoding::L16 => Some(2),
            Encoding::G722 | Encoding::Opus | Encoding::AmrWb => None,
        }
    }
}

/// The audio format a stream carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// Encoding.
    pub encoding: Encoding,
    /// Samples per second.
    pub rate: u32,
}

impl Format {
    /// µ-law at 8 kHz: Twilio's only format and the bot bridge's default.
    pub const PCMU_8K: Format = Format { encoding: Encoding::Pcmu, rate: 8000 };
    /// L16 at 16 kHz: the bot bridge's wideband.
    pub const L16_16K: Format = Format { encoding: Encoding::L16, rate: 16000 };

    /// Bytes in 20 ms of this format, for the sample-based encodings.
    pub fn frame_bytes(self) -> Option<usize> {
        Some(self.encoding.bytes_per_sample()? * self.rate as usize / 50)
    }

    /// Milliseconds of audio in `bytes` of this format (0 for frame-based encodings).
    pub fn duration_ms(self, bytes: usize) -> u64 {
        match self.encoding.bytes_per_sample() {
            Some(width) if self.rate > 0 => (bytes / width) as u64 * 1000 / u64::from(self.rate),
            _ => 0,
        }
    }
}

/// The stream's start: who, which call, which format, and the parameters Throughline put in
/// the TwiML or call request (where the stream token travels).
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// The carrier's id for this stream (Twilio `streamSid`, Telnyx `stream_id`; Vonage has
    /// none and gets an empty string).
    pub stream_id: String,
    /// The carrier's id for the call (Twilio `callSid`, Telnyx `call_control_id`).
    pub call_id: Option<String>,
    /// Custom parameters (Twilio `customParameters`, Telnyx `custom_parameters`, Vonage's
    /// custom headers on `websocket:connected`).
    pub parameters: BTreeMap<String, String>,
    /// The audio format of the media frames.
    pub format: Format,
}

/// One chunk of audio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    /// Ordering number where the dialect has one (`sequenceNumber`).
    pub sequence: Option<u64>,
    /// Chunk number where the dialect has one.
    pub chunk: Option<u64>,
    /// Milliseconds since the stream started, where the dialect says.
    pub timestamp_ms: Option<u64>,
    /// The decoded audio bytes, in the stream's format.
    pub payload: Vec<u8>,
}

/// A message from the side that streams a call (a carrier, or the gateway towards a bot).
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    /// The socket is up (Twilio/Telnyx `connected`).
    Connected,
    /// The stream starts (Twilio/Telnyx `start`, Vonage `websocket:connected`).
    Start(Start),
    /// Caller audio.
    Media(Media),
    /// A key pressed.
    Dtmf {
        /// `0`–`9`, `*`, `#`, `A`–`D`.
        digit: char,
    },
    /// The audio queued before this mark has played, or was cleared.
    Mark {
        /// The name given when the mark was sent.
        name: String,
    },
    /// The queue was cleared (Vonage's `websocket:cleared`).
    Cleared,
    /// The stream ended.
    Stop,
    /// The carrier reports an error on the stream (Telnyx).
    Error {
        /// Carrier's code.
        code: Option<String>,
        /// What went wrong.
        title: String,
    },
    /// A message this build does not act on (unknown events are ignored, not errors).
    Other,
}

/// A message to the side that streams a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Audio to play, in the stream's format.
    Media(Vec<u8>),
    /// Tell me when everything queued before this has played.
    Mark(String),
    /// Drop everything queued (barge-in).
    Clear,
    /// A message this build does not act on.
    Other,
}

/// Why a frame was refused. The message never contains the frame's content (it may hold a
/// caller's voice or number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    /// Bigger than [`MAX_TEXT_FRAME`] or [`MAX_AUDIO_PAYLOAD`].
    #[error("frame of {0} bytes is over the limit")]
    TooLarge(usize),
    /// Not JSON, or JSON of the wrong shape.
    #[error("malformed frame: {0}")]
    Malformed(String),
    /// The media payload is not valid base64.
    #[error("media payload is not base64")]
    BadBase64,
    /// A binary frame where the dialect only has text, or a text frame where only audio goes.
    #[error("unexpected {0} frame")]
    UnexpectedKind(&'static str),
    /// A field with a value the dialect does not allow.
    #[error("bad {field}: {why}")]
    BadField {
        /// Which field.
        field: &'static str,
        /// What is wrong with it (never the value itself).
        why: &'static str,
    },
}

fn malformed(e: serde_json::Error) -> FrameError {
    // serde_json's message names the position and the expectation, never the content.
    FrameError::Malformed(e.to_string())
}

fn check_size(text: &str) -> Result<(), FrameError> {
    if text.len() > MAX_TEXT_FRAME { Err(FrameError::TooLarge(text.len())) } else { Ok(()) }
}

/// Decodes a base64 media payload, bounded by [`MAX_AUDIO_PAYLOAD`].
pub fn decode_payload(b64: &str) -> Result<Vec<u8>, FrameError> {
    if b64.len() / 4 * 3 > MAX_AUDIO_PAYLOAD {
        return Err(FrameError::TooLarge(b64.len() / 4 * 3));
    }
    B64.decode(b64).map_err(|_| FrameError::BadBase64)
}

/// Carriers send numbers as strings ("12"); accept both, and absent.
fn number(field: &'static str, value: Option<&serde_json::Value>) -> Result<Option<u64>, FrameError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => {
            n.as_u64().map(Some).ok_or(FrameError::BadField { field, why: "not a whole number" })
        }
        Some(serde_json::Value::String(s)) => {
            s.parse().map(Some).map_err(|_| FrameError::BadField { field, why: "not a whole number" })
        }
        Some(_) => Err(FrameError::BadField { field, why: "not a number" }),
    }
}

fn digit(value: &str) -> Result<char, FrameError> {
    let mut chars = value.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ ('0'..='9' | '*' | '#' | 'A'..='D')), None) => Ok(c),
        (Some(c @ 'a'..='d'), None) => Ok(c.to_ascii_uppercase()),
        _ => Err(FrameError::BadField { field: "digit", why: "not a DTMF digit" }),
    }
}

/// A JSON string literal for `value`, quotes included: ids are escaped once and reused in
/// every hand-written frame.
pub fn json_string(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

fn push_b64(out: &mut String, bytes: &[u8]) {
    B64.encode_string(bytes, out);
}

fn string_map(value: Option<&serde_json::Value>) -> BTreeMap<String, String> {
    let Some(serde_json::Value::Object(map)) = value else { return BTreeMap::new() };
    map.iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect()
}

/// A websocket message body, borrowed: what the parsers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameRef<'a> {
    /// A text message.
    Text(&'a str),
    /// A binary message.
    Binary(&'a [u8]),
}

/// A websocket message body, owned: what the writers produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// A text message.
    Text(String),
    /// A binary message.
    Binary(Vec<u8>),
}

impl Frame {
    /// The text, if this is a text frame (tests and tools).
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Frame::Text(t) => Some(t),
            Frame::Binary(_) => None,
        }
    }

    /// Borrows the body for parsing.
    pub fn as_ref(&self) -> FrameRef<'_> {
        match self {
            Frame::Text(t) => FrameRef::Text(t),
            Frame::Binary(b) => FrameRef::Binary(b),
        }
    }
}

/// Parses a message from the streaming side (a carrier, or the gateway as seen by a bot).
pub fn parse_inbound(dialect: Dialect, frame: FrameRef<'_>) -> Result<Inbound, FrameError> {
    match (dialect, frame) {
        (Dialect::Vonage, FrameRef::Binary(audio)) => vonage::audio(audio),
        (Dialect::Vonage, FrameRef::Text(text)) => vonage::parse_inbound(text),
        (_, FrameRef::Text(text)) => json::parse_inbound(dialect, text),
        (_, FrameRef::Binary(_)) => Err(FrameError::UnexpectedKind("binary")),
    }
}

/// Parses a message from the answering side (the gateway as seen by a carrier, or a bot).
pub fn parse_command(dialect: Dialect, frame: FrameRef<'_>) -> Result<Command, FrameError> {
    match (dialect, frame) {
        (Dialect::Vonage, FrameRef::Binary(audio)) => vonage::audio(audio).map(|m| match m {
            Inbound::Media(media) => Command::Media(media.payload),
            _ => Command::Other,
        }),
        (Dialect::Vonage, FrameRef::Text(text)) => vonage::parse_command(text),
        (_, FrameRef::Text(text)) => json::parse_command(text),
        (_, FrameRef::Binary(_)) => Err(FrameError::UnexpectedKind("binary")),
    }
}

/// Writes the streaming side's messages for one stream: what a carrier sends, and what the
/// gateway sends a bot. Keeps the stream's sequence and chunk counters.
#[derive(Debug, Clone)]
pub struct InboundWriter {
    dialect: Dialect,
    /// The stream id as a JSON string literal.
    stream: String,
    sequence: u64,
    chunk: u64,
}

impl InboundWriter {
    /// A writer for the stream `stream_id`.
    pub fn new(dialect: Dialect, stream_id: &str) -> Self {
        Self { dialect, stream: json_string(stream_id), sequence: 0, chunk: 0 }
    }

    fn next(&mut self) -> u64 {
        self.sequence += 1;
        self.sequence
    }

    /// The socket-level hello (Vonage has none apart from its start).
    pub fn connected(&mut self) -> Option<Frame> {
        match self.dialect {
            Dialect::Twilio => Some(Frame::Text(r#"{"event":"connected","protocol":"Call","version":"1.0.0"}"#.into())),
            Dialect::Telnyx => Some(Frame::Text(r#"{"event":"connected","version":"1.0.0"}"#.into())),
            Dialect::Vonage => None,
        }
    }

    /// The stream's start.
    pub fn start(&mut self, start: &Start) -> Frame {
        let sequence = self.next();
        match self.dialect {
            Dialect::Vonage => vonage::write_start(start),
            dialect => json::write_start(dialect, sequence, start),
        }
    }

    /// Caller audio, `timestamp_ms` after the start.
    pub fn media(&mut self, timestamp_ms: u64, payload: &[u8]) -> Frame {
        let sequence = self.next();
        self.chunk += 1;
        match self.dialect {
            Dialect::Vonage => Frame::Binary(payload.to_vec()),
            dialect => json::write_media(dialect, &self.stream, sequence, self.chunk, timestamp_ms, payload),
        }
    }

    /// A key pressed.
    pub fn dtmf(&mut self, digit: char) -> Frame {
        let sequence = self.next();
        match self.dialect {
            Dialect::Vonage => vonage::write_dtmf(digit),
            dialect => json::write_dtmf(dialect, &self.stream, sequence, digit),
        }
    }

    /// A mark coming back: the audio before it has played (or was cleared).
    pub fn mark(&mut self, name: &str) -> Frame {
        let sequence = self.next();
        match self.dialect {
            Dialect::Vonage => vonage::write_notify_echo(name),
            dialect => json::write_mark(dialect, Some(&self.stream), Some(sequence), name),
        }
    }

    /// The answer to a clear, where the dialect has one (Vonage).
    pub fn cleared(&mut self) -> Option<Frame> {
        (self.dialect == Dialect::Vonage).then(|| Frame::Text(r#"{"event":"websocket:cleared"}"#.into()))
    }

    /// The stream's end, where the dialect says it (Vonage just closes).
    pub fn stop(&mut self, call_id: Option<&str>) -> Option<Frame> {
        let sequence = self.next();
        match self.dialect {
            Dialect::Vonage => None,
            dialect => Some(json::write_stop(dialect, &self.stream, sequence, call_id)),
        }
    }
}

/// Writes the answering side's messages for one stream: what the gateway sends a carrier, and
/// what a bot sends the gateway.
#[derive(Debug, Clone)]
pub struct CommandWriter {
    dialect: Dialect,
    /// The stream id as a JSON string literal.
    stream: String,
}

impl CommandWriter {
    /// A writer for the stream `stream_id`.
    pub fn new(dialect: Dialect, stream_id: &str) -> Self {
        Self { dialect, stream: json_string(stream_id) }
    }

    /// Audio to play.
    pub fn media(&self, payload: &[u8]) -> Frame {
        match self.dialect {
            Dialect::Vonage => Frame::Binary(payload.to_vec()),
            dialect => json::write_command_media(dialect, &self.stream, payload),
        }
    }

    /// A mark after the audio sent so far.
    pub fn mark(&self, name: &str) -> Frame {
        match self.dialect {
            Dialect::Vonage => vonage::write_notify(name),
            Dialect::Twilio => json::write_mark(Dialect::Twilio, Some(&self.stream), None, name),
            Dialect::Telnyx => json::write_mark(Dialect::Telnyx, None, None, name),
        }
    }

    /// Drop the queued audio.
    pub fn clear(&self) -> Frame {
        match self.dialect {
            Dialect::Twilio => Frame::Text(format!(r#"{{"event":"clear","streamSid":{}}}"#, self.stream)),
            Dialect::Telnyx => Frame::Text(r#"{"event":"clear"}"#.into()),
            Dialect::Vonage => Frame::Text(r#"{"action":"clear"}"#.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_sizes_follow_the_format() {
        assert_eq!(Format::PCMU_8K.frame_bytes(), Some(160));
        assert_eq!(Format::L16_16K.frame_bytes(), Some(640));
        assert_eq!(Format { encoding: Encoding::L16, rate: 8000 }.frame_bytes(), Some(320));
        assert_eq!(Format { encoding: Encoding::Opus, rate: 48000 }.frame_bytes(), None);
        assert_eq!(Format::PCMU_8K.duration_ms(800), 100);
        assert_eq!(Format::L16_16K.duration_ms(640), 20);
    }

    #[test]
    fn digits_are_checked() {
        assert_eq!(digit("5"), Ok('5'));
        assert_eq!(digit("#"), Ok('#'));
        assert_eq!(digit("d"), Ok('D'));
        assert!(digit("55").is_err());
        assert!(digit("").is_err());
        assert!(digit("x").is_err());
    }

    #[test]
    fn numbers_come_as_strings_or_numbers() {
        assert_eq!(number("n", Some(&serde_json::json!("12"))), Ok(Some(12)));
        assert_eq!(number("n", Some(&serde_json::json!(12))), Ok(Some(12)));
        assert_eq!(number("n", None), Ok(None));
        assert!(number("n", Some(&serde_json::json!("-1"))).is_err());
        assert!(number("n", Some(&serde_json::json!([]))).is_err());
    }

    #[test]
    fn oversize_payloads_are_refused_before_decoding() {
        let big = "A".repeat(MAX_AUDIO_PAYLOAD / 3 * 4 + 8);
        assert!(matches!(decode_payload(&big), Err(FrameError::TooLarge(_))));
        assert_eq!(decode_payload("AAEC"), Ok(vec![0, 1, 2]));
        assert_eq!(decode_payload("@@@@"), Err(FrameError::BadBase64));
    }
}
