//! Reading the WAV files operators upload as prompts (the AI disclosure played first on every
//! call), and writing 16-bit WAV for tests and tools.
//!
//! Accepts what common editors and TTS tools export: 16-bit PCM, 8-bit µ-law and A-law, and
//! `WAVE_FORMAT_EXTENSIBLE` wrapping any of those; mono or stereo (downmixed); any rate (the
//! caller resamples). Unknown chunks (`LIST`, `fact`, `bext`, …) are skipped, honouring the
//! pad byte after odd-sized chunks. Anything else is a typed [`WavError`], so an upload is
//! refused with a reason instead of playing noise to a caller.

use crate::g711;
use thiserror::Error;

/// Longest prompt accepted: five minutes. A disclosure is seconds long; the cap stops a wrong
/// upload from pinning tens of megabytes per cached prompt.
pub const MAX_SECONDS: u64 = 300;

/// `WAVE_FORMAT_EXTENSIBLE`: the real format is in the sub-format GUID.
const FORMAT_EXTENSIBLE: u16 = 0xFFFE;

/// The last 14 bytes of every `KSDATAFORMAT_SUBTYPE_*` GUID for classic format tags
/// (`0000xxxx-0000-0010-8000-00aa00389b71`, little-endian on disk).
const SUBFORMAT_SUFFIX: [u8; 14] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

/// Why a WAV file was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WavError {
    /// The file does not start with `RIFF....WAVE`.
    #[error("not a RIFF/WAVE file")]
    NotRiff,
    /// A chunk declares more bytes than the file holds.
    #[error("truncated {chunk:?} chunk: declares {declared} bytes, {available} present")]
    Truncated {
        /// The chunk id (e.g. `"data"`).
        chunk: String,
        /// Size from the chunk header.
        declared: u64,
        /// Bytes actually present.
        available: u64,
    },
    /// The `fmt ` chunk is missing or too short to describe the audio.
    #[error("missing or malformed fmt chunk")]
    BadFormatChunk,
    /// A format this reader does not decode (see the module docs for what it does).
    #[error("unsupported WAV format: tag {tag:#06x}, {bits} bits, {channels} channels, {rate} Hz")]
    Unsupported {
        /// Format tag (after unwrapping `WAVE_FORMAT_EXTENSIBLE`).
        tag: u16,
        /// Bits per sample.
        bits: u16,
        /// Channel count.
        channels: u16,
        /// Sample rate.
        rate: u32,
    },
    /// There is no `data` chunk, or it holds no whole sample frame.
    #[error("no audio data")]
    NoData,
    /// Longer than [`MAX_SECONDS`].
    #[error("audio too long: {seconds} s (limit {limit} s)")]
    TooLong {
        /// Duration of the file, rounded down.
        seconds: u64,
        /// The limit.
        limit: u64,
    },
}

/// Decoded mono audio at its original rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pcm {
    /// Sample rate in Hz.
    pub rate: u32,
    /// Mono 16-bit samples.
    pub samples: Vec<i16>,
}

impl Pcm {
    /// Length in milliseconds (rounded down), for prompt metadata and timeouts.
    #[must_use]
    pub fn duration_ms(&self) -> u64 {
        self.samples.len() as u64 * 1000 / u64::from(self.rate.max(1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Pcm16,
    Ulaw,
    Alaw,
}

#[derive(Debug, Clone, Copy)]
struct Format {
    encoding: Encoding,
    channels: usize,
    rate: u32,
    block_align: usize,
}

/// Parses a whole WAV file into mono PCM.
pub fn parse(bytes: &[u8]) -> Result<Pcm, WavError> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(WavError::NotRiff);
    }
    let mut format = None;
    let mut data = None;
    let mut pos = 12;
    // The RIFF size field is often wrong in the wild; walk the chunks to the end of the file.
    while bytes.len() - pos >= 8 {
        let id = &bytes[pos..pos + 4];
        let declared = u32::from_le_bytes([bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]]);
        let body_start = pos + 8;
        let available = bytes.len() - body_start;
        let size = declared as usize;
        if size > available {
            // Trailing junk after a complete file is tolerated; a cut-off fmt or data is not.
            if format.is_some() && data.is_some() && id != b"data" && id != b"fmt " {
                break;
            }
            return Err(WavError::Truncated {
                chunk: String::from_utf8_lossy(id).into_owned(),
                declared: u64::from(declared),
                available: available as u64,
            });
        }
        let body = &bytes[body_start..body_start + size];
        match id {
            b"fmt " => format = Some(parse_format(body)?),
            b"data" => data = Some(body),
            _ => {}
        }
        pos = body_start + size + (size & 1);
        if pos > bytes.len() {
            break; // a missing final pad byte is harmless
        }
    }
    let format = format.ok_or(WavError::BadFormatChunk)?;
    let data = data.ok_or(WavError::NoData)?;
    let frames = data.len() / format.block_align;
    if frames == 0 {
        return Err(WavError::NoData);
    }
    if frames as u64 > MAX_SECONDS * u64::from(format.rate) {
        let seconds = frames as u64 / u64::from(format.rate);
        return Err(WavError::TooLong { seconds, limit: MAX_SECONDS });
    }
    Ok(Pcm { rate: format.rate, samples: decode(format, &data[..frames * format.block_align]) })
}

fn parse_format(body: &[u8]) -> Result<Format, WavError> {
    let u16_at = |at: usize| body.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |at: usize| body.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let (Some(mut tag), Some(channels), Some(rate), Some(block_align), Some(bits)) =
        (u16_at(0), u16_at(2), u32_at(4), u16_at(12), u16_at(14))
    else {
        return Err(WavError::BadFormatChunk);
    };
    if tag == FORMAT_EXTENSIBLE {
        // cbSize(2) validBits(2) channelMask(4), then the 16-byte sub-format GUID at 24.
        let guid = body.get(24..40).ok_or(WavError::BadFormatChunk)?;
        tag = if guid[2..] == SUBFORMAT_SUFFIX { u16::from_le_bytes([guid[0], guid[1]]) } else { FORMAT_EXTENSIBLE };
    }
    let encoding = match (tag, bits) {
        (1, 16) => Some(Encoding::Pcm16),
        (6, 8) => Some(Encoding::Alaw),
        (7, 8) => Some(Encoding::Ulaw),
        _ => None,
    };
    let unsupported = WavError::Unsupported { tag, bits, channels, rate };
    let Some(encoding) = encoding else { return Err(unsupported) };
    if !(1..=2).contains(&channels) || !(1..=384_000).contains(&rate) {
        return Err(unsupported);
    }
    let expected_align = usize::from(channels) * usize::from(bits / 8);
    if usize::from(block_align) != expected_align {
        return Err(WavError::BadFormatChunk);
    }
    Ok(Format { encoding, channels: usize::from(channels), rate, block_align: expected_align })
}

fn decode(format: Format, data: &[u8]) -> Vec<i16> {
    let sample = |bytes: &[u8]| match format.encoding {
        Encoding::Pcm16 => i16::from_le_bytes([bytes[0], bytes[1]]),
        Encoding::Ulaw => g711::ulaw_decode(bytes[0]),
        Encoding::Alaw => g711::alaw_decode(bytes[0]),
    };
    let width = format.block_align / format.channels;
    data.chunks_exact(format.block_align)
        .map(|frame| {
            if format.channels == 1 {
                sample(frame)
            } else {
                let sum = i32::from(sample(&frame[..width])) + i32::from(sample(&frame[width..]));
                // The mean of two i16 values is an i16; `>> 1` rounds toward −∞.
                (sum >> 1) as i16
            }
        })
        .collect()
}

/// Writes mono 16-bit PCM as a canonical 44-byte-header WAV file, for tests, fixtures and
/// the prompt tooling.
#[must_use]
pub fn write_pcm16(rate: u32, samples: &[i16]) -> Vec<u8> {
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&rate.saturating_mul(2).to_le_bytes()); // byte rate
    out.extend_from_slice(&2u16.to_le_bytes()); // block align
    out.extend_from_slice(&16u16.to_le_bytes()); // bits
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
#[path = "wav_tests.rs"]
mod tests;
