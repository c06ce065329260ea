//! Twilio's and Telnyx's JSON dialects. They share a shape and differ in naming (`streamSid`
//! and camelCase against `stream_id` and snake_case), in the start frame, and in Telnyx's
//! `error` event; one envelope reads both.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Deserialize;

use super::{
    Command, Dialect, Encoding, Format, Frame, FrameError, Inbound, Media, Start, check_size, decode_payload, digit,
    json_string, malformed, number, push_b64, string_map,
};

/// The fields of every JSON frame this build reads; unknown ones are skipped by serde.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    event: Cow<'a, str>,
    #[serde(default, alias = "sequence_number", rename = "sequenceNumber")]
    sequence: Option<serde_json::Value>,
    #[serde(default, borrow)]
    media: Option<MediaBody<'a>>,
    #[serde(default)]
    start: Option<serde_json::Value>,
    #[serde(default, alias = "stream_id", rename = "streamSid")]
    stream: Option<String>,
    #[serde(default)]
    dtmf: Option<Named>,
    #[serde(default)]
    mark: Option<Named>,
    #[serde(default)]
    payload: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct MediaBody<'a> {
    #[serde(borrow)]
    payload: Cow<'a, str>,
    #[serde(default)]
    chunk: Option<serde_json::Value>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
    #[serde(default, borrow)]
    track: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    digit: Option<String>,
}

pub(super) fn parse_inbound(dialect: Dialect, text: &str) -> Result<Inbound, FrameError> {
    check_size(text)?;
    let envelope: Envelope<'_> = serde_json::from_str(text).map_err(malformed)?;
    Ok(match envelope.event.as_ref() {
        "connected" => Inbound::Connected,
        "start" => Inbound::Start(start(dialect, &envelope)?),
        "media" => {
            let body = envelope.media.ok_or(FrameError::BadField { field: "media", why: "missing" })?;
            // Both-track streams also carry what the caller hears; only the caller's side is
            // audio from the caller.
            if body.track.as_deref().is_some_and(|t| t.starts_with("outbound")) {
                return Ok(Inbound::Other);
            }
            Inbound::Media(Media {
                sequence: number("sequenceNumber", envelope.sequence.as_ref())?,
                chunk: number("chunk", body.chunk.as_ref())?,
                timestamp_ms: number("timestamp", body.timestamp.as_ref())?,
                payload: decode_payload(&body.payload)?,
            })
        }
        "dtmf" => {
            let named = envelope.dtmf.ok_or(FrameError::BadField { field: "dtmf", why: "missing" })?;
            let value = named.digit.ok_or(FrameError::BadField { field: "digit", why: "missing" })?;
            Inbound::Dtmf { digit: digit(&value)? }
        }
        "mark" => Inbound::Mark { name: mark_name(envelope.mark)? },
        "stop" => Inbound::Stop,
        "error" => {
            let payload = envelope.payload.unwrap_or_default();
            let text = |key: &str| payload.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            Inbound::Error {
                code: text("code").or_else(|| payload.get("code").map(|c| c.to_string())),
                title: text("title").or_else(|| text("detail")).unwrap_or_else(|| "unspecified".into()),
            }
        }
        _ => Inbound::Other,
    })
}

pub(super) fn parse_command(text: &str) -> Result<Command, FrameError> {
    check_size(text)?;
    let envelope: Envelope<'_> = serde_json::from_str(text).map_err(malformed)?;
    Ok(match envelope.event.as_ref() {
        "media" => {
            let body = envelope.media.ok_or(FrameError::BadField { field: "media", why: "missing" })?;
            Command::Media(decode_payload(&body.payload)?)
        }
        "mark" => Command::Mark(mark_name(envelope.mark)?),
        "clear" => Command::Clear,
        _ => Command::Other,
    })
}

fn mark_name(mark: Option<Named>) -> Result<String, FrameError> {
    let name = mark.and_then(|m| m.name).ok_or(FrameError::BadField { field: "mark.name", why: "missing" })?;
    if name.len() > 256 {
        return Err(FrameError::BadField { field: "mark.name", why: "longer than 256 bytes" });
    }
    Ok(name)
}

fn start(dialect: Dialect, envelope: &Envelope<'_>) -> Result<Start, FrameError> {
    let body = envelope.start.as_ref().ok_or(FrameError::BadField { field: "start", why: "missing" })?;
    let field = |twilio: &str, telnyx: &str| body.get(if dialect == Dialect::Twilio { twilio } else { telnyx });
    let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_owned);
    let stream_id = envelope
        .stream
        .clone()
        .or_else(|| text(field("streamSid", "stream_id")))
        .ok_or(FrameError::BadField { field: "streamSid", why: "missing" })?;
    let format = match field("mediaFormat", "media_format") {
        Some(format) => {
            let encoding = text(format.get("encoding"))
                .ok_or(FrameError::BadField { field: "mediaFormat.encoding", why: "missing" })?;
            let rate =
                number("sampleRate", format.get("sampleRate").or_else(|| format.get("sample_rate")))?.unwrap_or(8000);
            let rate = u32::try_from(rate).map_err(|_| FrameError::BadField { field: "sampleRate", why: "too big" })?;
            Format { encoding: encoding_named(&encoding)?, rate }
        }
        // Twilio's format is fixed; a start without one is µ-law.
        None => Format::PCMU_8K,
    };
    if !matches!(format.rate, 8000 | 16000 | 24000 | 48000) {
        return Err(FrameError::BadField { field: "sampleRate", why: "not 8, 16, 24 or 48 kHz" });
    }
    Ok(Start {
        stream_id,
        call_id: text(field("callSid", "call_control_id")),
        parameters: string_map(field("customParameters", "custom_parameters")),
        format,
    })
}

fn encoding_named(name: &str) -> Result<Encoding, FrameError> {
    Ok(match name.to_ascii_lowercase().as_str() {
        "audio/x-mulaw" | "pcmu" | "audio/pcmu" => Encoding::Pcmu,
        "audio/x-alaw" | "pcma" | "audio/pcma" => Encoding::Pcma,
        "audio/x-l16" | "audio/l16" | "l16" => Encoding::L16,
        "g722" => Encoding::G722,
        "opus" => Encoding::Opus,
        "amr-wb" => Encoding::AmrWb,
        _ => return Err(FrameError::BadField { field: "mediaFormat.encoding", why: "unknown encoding" }),
    })
}

fn encoding_name(dialect: Dialect, encoding: Encoding) -> &'static str {
    match (dialect, encoding) {
        (Dialect::Twilio, Encoding::Pcmu) => "audio/x-mulaw",
        (Dialect::Twilio, Encoding::Pcma) => "audio/x-alaw",
        (Dialect::Twilio, Encoding::L16) => "audio/x-l16",
        (_, Encoding::Pcmu) => "PCMU",
        (_, Encoding::Pcma) => "PCMA",
        (_, Encoding::L16) => "L16",
        (_, Encoding::G722) => "G722",
        (_, Encoding::Opus) => "OPUS",
        (_, Encoding::AmrWb) => "AMR-WB",
    }
}

pub(super) fn write_start(dialect: Dialect, sequence: u64, start: &Start) -> Frame {
    let value = match dialect {
        Dialect::Twilio => serde_json::json!({
            "event": "start",
            "sequenceNumber": sequence.to_string(),
            "streamSid": start.stream_id,
            "start": {
                "accountSid": "",
                "streamSid": start.stream_id,
                "callSid": start.call_id,
                "tracks": ["inbound"],
                "customParameters": start.parameters,
                "mediaFormat": {
                    "encoding": encoding_name(dialect, start.format.encoding),
                    "sampleRate": start.format.rate,
                    "channels": 1,
                },
            },
        }),
        _ => serde_json::json!({
            "event": "start",
            "sequence_number": sequence.to_string(),
            "stream_id": start.stream_id,
            "start": {
                "call_control_id": start.call_id,
                "custom_parameters": start.parameters,
                "media_format": {
                    "encoding": encoding_name(dialect, start.format.encoding),
                    "sample_rate": start.format.rate,
                    "channels": 1,
                },
            },
        }),
    };
    Frame::Text(value.to_string())
}

fn names(dialect: Dialect) -> (&'static str, &'static str) {
    match dialect {
        Dialect::Twilio => ("streamSid", "sequenceNumber"),
        _ => ("stream_id", "sequence_number"),
    }
}

pub(super) fn write_media(
    dialect: Dialect,
    stream: &str,
    sequence: u64,
    chunk: u64,
    timestamp_ms: u64,
    payload: &[u8],
) -> Frame {
    let (stream_key, sequence_key) = names(dialect);
    let mut out = String::with_capacity(160 + stream.len() + payload.len() * 4 / 3);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        r#"{{"event":"media","{sequence_key}":"{sequence}","{stream_key}":{stream},"media":{{"track":"inbound","chunk":"{chunk}","timestamp":"{timestamp_ms}","payload":""#
    );
    push_b64(&mut out, payload);
    out.push_str("\"}}");
    Frame::Text(out)
}

pub(super) fn write_command_media(dialect: Dialect, stream: &str, payload: &[u8]) -> Frame {
    let mut out = String::with_capacity(64 + stream.len() + payload.len() * 4 / 3);
    out.push_str(r#"{"event":"media","#);
    if dialect == Dialect::Twilio {
        out.push_str(r#""streamSid":"#);
        out.push_str(stream);
        out.push(',');
    }
    out.push_str(r#""media":{"payload":""#);
    push_b64(&mut out, payload);
    out.push_str("\"}}");
    Frame::Text(out)
}

pub(super) fn write_dtmf(dialect: Dialect, stream: &str, sequence: u64, digit: char) -> Frame {
    let (stream_key, sequence_key) = names(dialect);
    Frame::Text(format!(
        r#"{{"event":"dtmf","{stream_key}":{stream},"{sequence_key}":"{sequence}","dtmf":{{"track":"inbound_track","digit":"{digit}"}}}}"#
    ))
}

pub(super) fn write_mark(dialect: Dialect, stream: Option<&str>, sequence: Option<u64>, name: &str) -> Frame {
    let (stream_key, sequence_key) = names(dialect);
    let mut out = String::from(r#"{"event":"mark","#);
    if let Some(sequence) = sequence {
        let _ = write!(out, r#""{sequence_key}":"{sequence}","#);
    }
    if let Some(stream) = stream {
        let _ = write!(out, r#""{stream_key}":{stream},"#);
    }
    let _ = write!(out, r#""mark":{{"name":{}}}}}"#, json_string(name));
    Frame::Text(out)
}

pub(super) fn write_stop(dialect: Dialect, stream: &str, sequence: u64, call_id: Option<&str>) -> Frame {
    let (stream_key, sequence_key) = names(dialect);
    let call = json_string(call_id.unwrap_or_default());
    let body = match dialect {
        Dialect::Twilio => format!(r#"{{"accountSid":"","callSid":{call}}}"#),
        _ => format!(r#"{{"call_control_id":{call}}}"#),
    };
    Frame::Text(format!(r#"{{"event":"stop","{sequence_key}":"{sequence}","{stream_key}":{stream},"stop":{body}}}"#))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::frames::{CommandWriter, FrameRef, InboundWriter, parse_command, parse_inbound};

    use super::*;

    fn inbound(dialect: Dialect, text: &str) -> Result<Inbound, FrameError> {
        parse_inbound(dialect, FrameRef::Text(text))
    }

    #[test]
    fn twilio_messages_as_documented_parse() {
        assert_eq!(
            inbound(Dialect::Twilio, r#"{"event":"connected","protocol":"Call","version":"1.0.0"}"#),
            Ok(Inbound::Connected)
        );
        let start = r#"{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"token":"t.k","n":"2"}},"streamSid":"MZ1"}"#;
        let Ok(Inbound::Start(start)) = inbound(Dialect::Twilio, start) else { panic!("start") };
        assert_eq!(start.stream_id, "MZ1");
        assert_eq!(start.call_id.as_deref(), Some("CA1"));
        assert_eq!(start.format, Format::PCMU_8K);
        assert_eq!(start.parameters.get("token").map(String::as_str), Some("t.k"));
        let media = r#"{"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"AAEC/w=="},"streamSid":"MZ1","extra":{"future":true}}"#;
        assert_eq!(
            inbound(Dialect::Twilio, media),
            Ok(Inbound::Media(Media {
                sequence: Some(3),
                chunk: Some(1),
                timestamp_ms: Some(5),
                payload: vec![0, 1, 2, 255]
            }))
        );
        let dtmf =
            r##"{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"#"}}"##;
        assert_eq!(inbound(Dialect::Twilio, dtmf), Ok(Inbound::Dtmf { digit: '#' }));
        let mark = r#"{"event":"mark","sequenceNumber":"4","streamSid":"MZ1","mark":{"name":"m1"}}"#;
        assert_eq!(inbound(Dialect::Twilio, mark), Ok(Inbound::Mark { name: "m1".into() }));
        let stop =
            r#"{"event":"stop","sequenceNumber":"5","streamSid":"MZ1","stop":{"accountSid":"AC1","callSid":"CA1"}}"#;
        assert_eq!(inbound(Dialect::Twilio, stop), Ok(Inbound::Stop));
        assert_eq!(inbound(Dialect::Twilio, r#"{"event":"brand-new"}"#), Ok(Inbound::Other));
    }

    #[test]
    fn telnyx_messages_as_documented_parse() {
        let start = r#"{"event":"start","sequence_number":"1","start":{"user_id":"u","call_control_id":"v3:abc","client_state":"e30=","media_format":{"encoding":"PCMA","sample_rate":8000,"channels":1}},"stream_id":"32DE"}"#;
        let Ok(Inbound::Start(start)) = inbound(Dialect::Telnyx, start) else { panic!("start") };
        assert_eq!(start.stream_id, "32DE");
        assert_eq!(start.call_id.as_deref(), Some("v3:abc"));
        assert_eq!(start.format, Format { encoding: Encoding::Pcma, rate: 8000 });
        let media = r#"{"event":"media","sequence_number":"4","media":{"track":"inbound","chunk":"2","timestamp":"5","payload":"AAEC"},"stream_id":"32DE"}"#;
        let Ok(Inbound::Media(m)) = inbound(Dialect::Telnyx, media) else { panic!("media") };
        assert_eq!((m.sequence, m.chunk, m.payload), (Some(4), Some(2), vec![0, 1, 2]));
        let outbound = r#"{"event":"media","sequence_number":"4","media":{"track":"outbound","payload":"AAEC"},"stream_id":"32DE"}"#;
        assert_eq!(inbound(Dialect::Telnyx, outbound), Ok(Inbound::Other));
        let error =
            r#"{"event":"error","payload":{"code":100002,"title":"Unknown error","detail":"x"},"stream_id":"32DE"}"#;
        assert_eq!(
            inbound(Dialect::Telnyx, error),
            Ok(Inbound::Error { code: Some("100002".into()), title: "Unknown error".into() })
        );
        let wideband = r#"{"event":"start","start":{"media_format":{"encoding":"L16","sample_rate":"16000","channels":1}},"stream_id":"s"}"#;
        let Ok(Inbound::Start(start)) = inbound(Dialect::Telnyx, wideband) else { panic!("wideband") };
        assert_eq!(start.format, Format::L16_16K);
    }

    #[test]
    fn bad_frames_get_typed_errors() {
        let t = Dialect::Twilio;
        assert!(matches!(inbound(t, "{not json"), Err(FrameError::Malformed(_))));
        assert!(matches!(inbound(t, r#"{"no":"event"}"#), Err(FrameError::Malformed(_))));
        assert_eq!(inbound(t, r#"{"event":"media","media":{"payload":"!!!"}}"#), Err(FrameError::BadBase64));
        assert!(matches!(inbound(t, r#"{"event":"media"}"#), Err(FrameError::BadField { .. })));
        assert!(matches!(inbound(t, r#"{"event":"dtmf","dtmf":{"digit":"55"}}"#), Err(FrameError::BadField { .. })));
        assert!(matches!(inbound(t, r#"{"event":"start","start":{}}"#), Err(FrameError::BadField { .. })));
        let odd_rate = r#"{"event":"start","streamSid":"s","start":{"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":11025}}}"#;
        assert!(matches!(inbound(t, odd_rate), Err(FrameError::BadField { field: "sampleRate", .. })));
        let huge = format!(r#"{{"event":"media","media":{{"payload":"{}"}}}}"#, "A".repeat(70_000));
        assert!(matches!(inbound(t, &huge), Err(FrameError::TooLarge(_))));
        assert_eq!(parse_inbound(t, FrameRef::Binary(&[1, 2])), Err(FrameError::UnexpectedKind("binary")));
    }

    #[test]
    fn every_written_message_parses_back_to_what_was_written() {
        for dialect in [Dialect::Twilio, Dialect::Telnyx] {
            let mut writer = InboundWriter::new(dialect, "MZ\"quoted\"");
            let start = Start {
                stream_id: "MZ\"quoted\"".into(),
                call_id: Some("CA9".into()),
                parameters: BTreeMap::from([("context".to_owned(), r#"{"a":"b"}"#.to_owned())]),
                format: Format::L16_16K,
            };
            let parse = |frame: Frame| parse_inbound(dialect, frame.as_ref()).unwrap();
            assert_eq!(parse(writer.connected().unwrap()), Inbound::Connected);
            assert_eq!(parse(writer.start(&start)), Inbound::Start(start.clone()));
            let Inbound::Media(media) = parse(writer.media(40, &[9, 8, 7])) else { panic!("media") };
            assert_eq!((media.sequence, media.chunk, media.timestamp_ms), (Some(2), Some(1), Some(40)));
            assert_eq!(media.payload, vec![9, 8, 7]);
            assert_eq!(parse(writer.dtmf('7')), Inbound::Dtmf { digit: '7' });
            assert_eq!(parse(writer.mark("a \"b\"")), Inbound::Mark { name: "a \"b\"".into() });
            assert_eq!(parse(writer.stop(Some("CA9")).unwrap()), Inbound::Stop);

            let commands = CommandWriter::new(dialect, "MZ1");
            let parse = |frame: Frame| parse_command(dialect, frame.as_ref()).unwrap();
            assert_eq!(parse(commands.media(&[1, 2, 3])), Command::Media(vec![1, 2, 3]));
            assert_eq!(parse(commands.mark("m")), Command::Mark("m".into()));
            assert_eq!(parse(commands.clear()), Command::Clear);
        }
    }

    #[test]
    fn twilio_commands_name_the_stream() {
        let commands = CommandWriter::new(Dialect::Twilio, "MZ1");
        let media = commands.media(&[0xff]);
        let value: serde_json::Value = serde_json::from_str(media.as_text().unwrap()).unwrap();
        assert_eq!(value, serde_json::json!({"event": "media", "streamSid": "MZ1", "media": {"payload": "/w=="}}));
        let clear: serde_json::Value = serde_json::from_str(commands.clear().as_text().unwrap()).unwrap();
        assert_eq!(clear, serde_json::json!({"event": "clear", "streamSid": "MZ1"}));
    }
}
