//! DTMF: RFC 4733 telephone-event payloads (SIP/RTP legs) and the digit strings carriers
//! report on their websockets, both reduced to one `char` per key press.
//!
//! A key press arrives as a run of RTP packets sharing one timestamp, the last three (or so)
//! repeating the end bit (RFC 4733 §2.5.1.4). [`DtmfDetector`] reports each press once.

use thiserror::Error;

/// The event code for a hook flash (RFC 4733 §3.2); [`digit`] maps it to `'!'`, the
/// character SIP INFO `dtmf-relay` bodies use for it.
pub const FLASH: u8 = 16;

/// Why a DTMF payload or digit string was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DtmfError {
    /// A telephone-event payload is four bytes; fewer arrived.
    #[error("telephone-event payload too short: {0} bytes, need 4")]
    TooShort(usize),
    /// Only events 0–16 (the keypad and flash) are negotiated; others are tones we do not use.
    #[error("unknown telephone event {0}")]
    UnknownEvent(u8),
    /// A carrier-reported digit outside 0–9, *, #, A–D.
    #[error("not a DTMF digit: {0:?}")]
    NotADigit(String),
}

/// One RFC 4733 telephone-event payload; `event` is always 0–16 when built by [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DtmfEvent {
    /// Event code: 0–9 digits, 10 `*`, 11 `#`, 12–15 `A`–`D`, 16 flash.
    pub event: u8,
    /// The end bit: this packet closes the event.
    pub end: bool,
    /// Power level in −dBm0 (0–63; larger is quieter).
    pub volume: u8,
    /// Duration so far, in RTP timestamp units (1/8000 s for `telephone-event/8000`).
    pub duration: u16,
}

/// Parses the first four bytes of an RTP payload (any redundancy after them is ignored); the
/// reserved bit is ignored as RFC 4733 §2.3 requires.
pub fn parse(payload: &[u8]) -> Result<DtmfEvent, DtmfError> {
    let &[event, flags, hi, lo, ..] = payload else {
        return Err(DtmfError::TooShort(payload.len()));
    };
    if event > FLASH {
        return Err(DtmfError::UnknownEvent(event));
    }
    Ok(DtmfEvent { event, end: flags & 0x80 != 0, volume: flags & 0x3F, duration: u16::from_be_bytes([hi, lo]) })
}

impl DtmfEvent {
    /// The four payload bytes, for sending DTMF on an RTP leg; `volume` is masked to six
    /// bits and the reserved bit is zero.
    #[must_use]
    pub fn serialize(&self) -> [u8; 4] {
        let [hi, lo] = self.duration.to_be_bytes();
        [self.event, (u8::from(self.end) << 7) | (self.volume & 0x3F), hi, lo]
    }
}

/// The keypad character for an event code, or `None` beyond flash.
#[must_use]
pub fn digit(event: u8) -> Option<char> {
    Some(match event {
        0..=9 => char::from(b'0' + event),
        10 => '*',
        11 => '#',
        12..=15 => char::from(b'A' + event - 12),
        FLASH => '!',
        _ => return None,
    })
}

/// The event code for a keypad character (the inverse of [`digit`]); lower-case `a`–`d` are
/// accepted because some carriers send them.
#[must_use]
pub fn event_for(c: char) -> Option<u8> {
    Some(match c {
        '0'..='9' => c as u8 - b'0',
        '*' => 10,
        '#' => 11,
        'A'..='D' => c as u8 - b'A' + 12,
        'a'..='d' => c as u8 - b'a' + 12,
        '!' => FLASH,
        _ => return None,
    })
}

/// Validates a digit a carrier reported as a string (Twilio `dtmf.digit`, Telnyx and Vonage
/// equivalents): exactly one of 0–9, `*`, `#`, `A`–`D`. Parse once at the boundary.
pub fn parse_digit(s: &str) -> Result<char, DtmfError> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ ('0'..='9' | '*' | '#' | 'A'..='D')), None) => Ok(c),
        _ => Err(DtmfError::NotADigit(s.to_owned())),
    }
}

/// One key press, reported once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digit {
    /// The key (`'!'` for flash).
    pub digit: char,
    /// The longest duration seen for it, in RTP timestamp units.
    pub duration: u16,
}

/// The press being tracked: its RTP timestamp (the event's identity), code and progress.
#[derive(Debug, Clone, Copy)]
struct Current {
    timestamp: u32,
    event: u8,
    duration: u16,
    reported: bool,
}

/// Turns a telephone-event RTP stream into one [`Digit`] per key press.
///
/// A press is reported when its first end packet arrives; retransmitted end packets (same
/// timestamp) are ignored. If a new timestamp starts before the previous press ended (its
/// end packets were lost), the previous press is reported then; [`finish`](Self::finish)
/// reports a press still open when the stream stops. Packets older than the current press
/// (reordered) are ignored.
#[derive(Debug, Clone, Default)]
pub struct DtmfDetector {
    current: Option<Current>,
}

impl DtmfDetector {
    /// A detector for one RTP stream.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds one packet (its RTP timestamp and payload); appends 0, 1 or 2 digits to `out`.
    /// A malformed payload is an error and changes nothing.
    pub fn push(&mut self, timestamp: u32, payload: &[u8], out: &mut Vec<Digit>) -> Result<(), DtmfError> {
        let packet = parse(payload)?;
        match &mut self.current {
            Some(current) if current.timestamp == timestamp => {
                if current.reported {
                    return Ok(());
                }
                current.duration = current.duration.max(packet.duration);
                if packet.end {
                    current.reported = true;
                    out.extend(report(current));
                }
                return Ok(());
            }
            // RTP timestamps wrap: "older" means within half the range behind.
            Some(current) if (timestamp.wrapping_sub(current.timestamp) as i32) < 0 => return Ok(()),
            Some(current) if !current.reported => out.extend(report(current)),
            _ => {}
        }
        let next = Current { timestamp, event: packet.event, duration: packet.duration, reported: packet.end };
        if packet.end {
            out.extend(report(&next));
        }
        self.current = Some(next);
        Ok(())
    }

    /// Reports a press whose end packets never came; call when the stream ends.
    pub fn finish(&mut self) -> Option<Digit> {
        let current = self.current.as_mut().filter(|c| !c.reported)?;
        current.reported = true;
        report(current)
    }
}

fn report(current: &Current) -> Option<Digit> {
    digit(current.event).map(|digit| Digit { digit, duration: current.duration })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packet(event: u8, end: bool, duration: u16) -> [u8; 4] {
        DtmfEvent { event, end, volume: 10, duration }.serialize()
    }

    #[test]
    fn parses_the_rfc_4733_layout() {
        // Event 5, end bit, reserved bit set (ignored), volume 10, duration 800.
        let event = parse(&[0x05, 0x80 | 0x40 | 0x0A, 0x03, 0x20]).unwrap();
        assert_eq!(event, DtmfEvent { event: 5, end: true, volume: 10, duration: 800 });
        let event = parse(&[11, 0x3F, 0x00, 0xA0, 0xEE]).unwrap();
        assert_eq!(event, DtmfEvent { event: 11, end: false, volume: 63, duration: 160 });
    }

    #[test]
    fn rejects_short_payloads_and_unknown_events() {
        assert_eq!(parse(&[1, 2, 3]), Err(DtmfError::TooShort(3)));
        assert_eq!(parse(&[]), Err(DtmfError::TooShort(0)));
        assert_eq!(parse(&[17, 0, 0, 0]), Err(DtmfError::UnknownEvent(17)));
        assert!(parse(&[16, 0, 0, 0]).is_ok(), "flash is known");
    }

    #[test]
    fn serialize_round_trips_and_masks_volume() {
        for event in 0..=FLASH {
            for end in [false, true] {
                let e = DtmfEvent { event, end, volume: 37, duration: 65_000 };
                assert_eq!(parse(&e.serialize()), Ok(e));
            }
        }
        let loud = DtmfEvent { event: 1, end: false, volume: 0xFF, duration: 1 };
        assert_eq!(loud.serialize(), [1, 0x3F, 0, 1], "reserved bit stays clear");
    }

    #[test]
    fn keypad_mapping_covers_all_seventeen_events_both_ways() {
        let keys = "0123456789*#ABCD!";
        for (event, key) in keys.chars().enumerate() {
            assert_eq!(digit(event as u8), Some(key));
            assert_eq!(event_for(key), Some(event as u8));
        }
        assert_eq!(digit(17), None);
        assert_eq!(event_for('b'), Some(13));
        assert_eq!(event_for('E'), None);
    }

    #[test]
    fn carrier_digit_strings_are_validated() {
        for ok in ["0", "9", "*", "#", "A", "D"] {
            assert_eq!(parse_digit(ok), Ok(ok.chars().next().unwrap()));
        }
        for bad in ["", "10", "E", "a", " 1", "!", "١"] {
            assert_eq!(parse_digit(bad), Err(DtmfError::NotADigit(bad.to_owned())));
        }
    }

    #[test]
    fn one_digit_per_press_despite_three_end_packets() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        for duration in [160, 320, 480] {
            d.push(1000, &packet(7, false, duration), &mut out).unwrap();
        }
        assert!(out.is_empty(), "not ended yet");
        for _ in 0..3 {
            d.push(1000, &packet(7, true, 640), &mut out).unwrap();
        }
        assert_eq!(out, [Digit { digit: '7', duration: 640 }]);
        assert_eq!(d.finish(), None);
    }

    #[test]
    fn consecutive_presses_of_the_same_key_are_two_digits() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        for ts in [8000, 16000] {
            d.push(ts, &packet(1, false, 160), &mut out).unwrap();
            d.push(ts, &packet(1, true, 800), &mut out).unwrap();
            d.push(ts, &packet(1, true, 800), &mut out).unwrap();
        }
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_press_whose_end_was_lost_is_reported_when_the_next_begins() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        d.push(100, &packet(4, false, 160), &mut out).unwrap();
        d.push(100, &packet(4, false, 480), &mut out).unwrap();
        d.push(2000, &packet(10, false, 160), &mut out).unwrap();
        assert_eq!(out, [Digit { digit: '4', duration: 480 }]);
        d.push(2000, &packet(10, true, 320), &mut out).unwrap();
        assert_eq!(out[1], Digit { digit: '*', duration: 320 });
    }

    #[test]
    fn a_lone_end_packet_and_a_lost_end_can_yield_two_digits_at_once() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        d.push(100, &packet(2, false, 160), &mut out).unwrap();
        d.push(900, &packet(3, true, 400), &mut out).unwrap();
        assert_eq!(out.iter().map(|x| x.digit).collect::<String>(), "23");
    }

    #[test]
    fn late_packets_from_an_earlier_press_are_ignored() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        d.push(5000, &packet(5, true, 400), &mut out).unwrap();
        d.push(9000, &packet(6, false, 160), &mut out).unwrap();
        d.push(5000, &packet(5, true, 400), &mut out).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(d.finish(), Some(Digit { digit: '6', duration: 160 }));
        assert_eq!(d.finish(), None, "reported once");
    }

    #[test]
    fn timestamps_wrap() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        d.push(u32::MAX - 100, &packet(8, true, 400), &mut out).unwrap();
        d.push(500, &packet(9, true, 400), &mut out).unwrap();
        assert_eq!(out.iter().map(|x| x.digit).collect::<String>(), "89");
    }

    #[test]
    fn malformed_packets_are_errors_that_change_nothing() {
        let mut d = DtmfDetector::new();
        let mut out = Vec::new();
        d.push(100, &packet(0, false, 160), &mut out).unwrap();
        assert!(d.push(200, &[1, 2], &mut out).is_err());
        assert!(d.push(200, &[99, 0, 0, 0], &mut out).is_err());
        d.push(100, &packet(0, true, 320), &mut out).unwrap();
        assert_eq!(out, [Digit { digit: '0', duration: 320 }]);
    }
}
