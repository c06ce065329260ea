//! Vonage's websocket dialect: audio is raw binary L16 (little-endian, 20 ms per frame), and
//! the few text frames are `websocket:*` events one way and `action`s the other.

use serde_json::{Map, Value};

use super::{
    Command, Encoding, Format, Frame, FrameError, Inbound, Media, Start, check_size, digit, json_string, malformed,
};

/// `content-type` values Vonage uses for L16.
fn format_named(content_type: &str) -> Result<Format, FrameError> {
    let bad = FrameError::BadField { field: "content-type", why: "not audio/l16;rate=8000|16000|24000" };
    let lower = content_type.to_ascii_lowercase().replace(' ', "");
    let rate = lower.strip_prefix("audio/l16;rate=").ok_or(bad.clone())?;
    match rate.parse::<u32>() {
        Ok(rate @ (8000 | 16000 | 24000)) => Ok(Format { encoding: Encoding::L16, rate }),
        _ => Err(bad),
    }
}

pub(super) fn audio(bytes: &[u8]) -> Result<Inbound, FrameError> {
    if bytes.len() > super::MAX_AUDIO_PAYLOAD {
        return Err(FrameError::TooLarge(bytes.len()));
    }
    if !bytes.len().is_multiple_of(2) {
        return Err(FrameError::BadField { field: "audio", why: "odd length for 16-bit samples" });
    }
    Ok(Inbound::Media(Media { sequence: None, chunk: None, timestamp_ms: None, payload: bytes.to_vec() }))
}

fn object(text: &str) -> Result<Map<String, Value>, FrameError> {
    check_size(text)?;
    match serde_json::from_str(text).map_err(malformed)? {
        Value::Object(map) => Ok(map),
        _ => Err(FrameError::Malformed("not a JSON object".into())),
    }
}

fn mark_of(map: &Map<String, Value>) -> Result<String, FrameError> {
    map.get("payload")
        .and_then(|p| p.get("mark"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or(FrameError::BadField { field: "payload.mark", why: "missing" })
}

pub(super) fn parse_inbound(text: &str) -> Result<Inbound, FrameError> {
    let map = object(text)?;
    let event = map.get("event").and_then(Value::as_str).unwrap_or_default();
    Ok(match event {
        "websocket:connected" => {
            let content_type = map
                .get("content-type")
                .and_then(Value::as_str)
                .ok_or(FrameError::BadField { field: "content-type", why: "missing" })?;
            let format = format_named(content_type)?;
            // Custom headers from the NCCO arrive as top-level fields.
            let parameters = map
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "event" | "content-type"))
                .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
                .collect();
            Inbound::Start(Start { stream_id: String::new(), call_id: None, parameters, format })
        }
        "websocket:dtmf" => {
            let value = map
                .get("digit")
                .and_then(Value::as_str)
                .ok_or(FrameError::BadField { field: "digit", why: "missing" })?;
            Inbound::Dtmf { digit: digit(value)? }
        }
        "websocket:notify" => Inbound::Mark { name: mark_of(&map)? },
        "websocket:cleared" => Inbound::Cleared,
        _ => Inbound::Other,
    })
}

pub(super) fn parse_command(text: &str) -> Result<Command, FrameError> {
    let map = object(text)?;
    Ok(match map.get("action").and_then(Value::as_str).unwrap_or_default() {
        "clear" => Command::Clear,
        "notify" => Command::Mark(mark_of(&map)?),
        _ => Command::Other,
    })
}

pub(super) fn write_start(start: &Start) -> Frame {
    let mut map = Map::new();
    map.insert("event".into(), "websocket:connected".into());
    map.insert("content-type".into(), format!("audio/l16;rate={}", start.format.rate).into());
    for (k, v) in &start.parameters {
        map.insert(k.clone(), v.clone().into());
    }
    Frame::Text(Value::Object(map).to_string())
}

pub(super) fn write_dtmf(digit: char) -> Frame {
    Frame::Text(format!(r#"{{"event":"websocket:dtmf","digit":"{digit}","duration":100}}"#))
}

pub(super) fn write_notify(name: &str) -> Frame {
    Frame::Text(format!(r#"{{"action":"notify","payload":{{"mark":{}}}}}"#, json_string(name)))
}

pub(super) fn write_notify_echo(name: &str) -> Frame {
    Frame::Text(format!(r#"{{"event":"websocket:notify","payload":{{"mark":{}}}}}"#, json_string(name)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::frames::{CommandWriter, Dialect, FrameRef, InboundWriter, parse_command, parse_inbound};

    use super::*;

    fn inbound(frame: FrameRef<'_>) -> Result<Inbound, FrameError> {
        parse_inbound(Dialect::Vonage, frame)
    }

    #[test]
    fn vonage_messages_as_documented_parse() {
        let connected = r#"{"event":"websocket:connected","content-type":"audio/l16;rate=16000","token":"abc","conversation":"c1"}"#;
        let Ok(Inbound::Start(start)) = inbound(FrameRef::Text(connected)) else { panic!("start") };
        assert_eq!(start.format, Format::L16_16K);
        assert_eq!(start.parameters.get("token").map(String::as_str), Some("abc"));
        assert_eq!(start.parameters.len(), 2);
        let Ok(Inbound::Media(media)) = inbound(FrameRef::Binary(&[1, 0, 2, 0])) else { panic!("audio") };
        assert_eq!(media.payload, vec![1, 0, 2, 0]);
        assert_eq!(
            inbound(FrameRef::Text(r#"{"event":"websocket:dtmf","digit":"9","duration":260}"#)),
            Ok(Inbound::Dtmf { digit: '9' })
        );
        assert_eq!(
            inbound(FrameRef::Text(r#"{"event":"websocket:notify","payload":{"mark":"m2"}}"#)),
            Ok(Inbound::Mark { name: "m2".into() })
        );
        assert_eq!(inbound(FrameRef::Text(r#"{"event":"websocket:cleared"}"#)), Ok(Inbound::Cleared));
        assert_eq!(inbound(FrameRef::Text(r#"{"event":"websocket:whatever"}"#)), Ok(Inbound::Other));
    }

    #[test]
    fn bad_vonage_frames_are_refused() {
        assert!(matches!(inbound(FrameRef::Binary(&[1, 2, 3])), Err(FrameError::BadField { .. })));
        assert!(matches!(inbound(FrameRef::Binary(&vec![0; 40_000])), Err(FrameError::TooLarge(_))));
        assert!(matches!(inbound(FrameRef::Text("[1]")), Err(FrameError::Malformed(_))));
        let pcmu = r#"{"event":"websocket:connected","content-type":"audio/pcmu"}"#;
        assert!(matches!(inbound(FrameRef::Text(pcmu)), Err(FrameError::BadField { field: "content-type", .. })));
        let odd = r#"{"event":"websocket:connected","content-type":"audio/l16;rate=11025"}"#;
        assert!(inbound(FrameRef::Text(odd)).is_err());
    }

    #[test]
    fn written_vonage_messages_parse_back() {
        let start = Start {
            stream_id: String::new(),
            call_id: None,
            parameters: BTreeMap::from([("token".to_owned(), "t".to_owned())]),
            format: Format { encoding: Encoding::L16, rate: 8000 },
        };
        let mut writer = InboundWriter::new(Dialect::Vonage, "");
        assert!(writer.connected().is_none());
        assert_eq!(parse_inbound(Dialect::Vonage, writer.start(&start).as_ref()), Ok(Inbound::Start(start)));
        assert_eq!(writer.media(0, &[5, 0]), Frame::Binary(vec![5, 0]));
        assert_eq!(parse_inbound(Dialect::Vonage, writer.dtmf('*').as_ref()), Ok(Inbound::Dtmf { digit: '*' }));
        assert_eq!(parse_inbound(Dialect::Vonage, writer.mark("x").as_ref()), Ok(Inbound::Mark { name: "x".into() }));
        assert_eq!(parse_inbound(Dialect::Vonage, writer.cleared().unwrap().as_ref()), Ok(Inbound::Cleared));
        assert!(writer.stop(None).is_none());

        let commands = CommandWriter::new(Dialect::Vonage, "");
        let parse = |frame: Frame| parse_command(Dialect::Vonage, frame.as_ref()).unwrap();
        assert_eq!(parse(commands.media(&[1, 0])), Command::Media(vec![1, 0]));
        assert_eq!(parse(commands.mark("n")), Command::Mark("n".into()));
        assert_eq!(parse(commands.clear()), Command::Clear);
    }
}
