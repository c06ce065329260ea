//! Opus for legs that negotiate it (WebRTC-style carriers and bots), as thin mono wrappers
//! over `audiopus` (the system libopus; build with the `opus` feature and `libopus-dev`).
//!
//! The wrappers fix the choices the gateway makes everywhere: mono, VoIP tuning, 16-bit
//! samples, and frame sizes checked before they reach C. Errors are typed, so a hostile or
//! corrupt packet is a per-packet error rather than a panic or a dropped call.

use audiopus::coder::{Decoder, Encoder};
use audiopus::{Application, Channels, SampleRate};
use thiserror::Error;

/// The longest audio one Opus packet can carry (RFC 6716 §3.2.5), which sizes the decode
/// buffer once per decoder.
const MAX_PACKET_MS: usize = 120;

/// Largest packet libopus recommends reserving for one encoded frame.
const MAX_ENCODED_BYTES: usize = 4000;

/// Why an Opus operation failed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OpusError {
    /// Opus runs at 8, 12, 16, 24 or 48 kHz only.
    #[error("unsupported Opus sample rate {0} Hz (8000, 12000, 16000, 24000 or 48000)")]
    UnsupportedRate(u32),
    /// Opus frames are 2.5, 5, 10, 20, 40 or 60 ms (concealment: any multiple of 2.5 ms up to
    /// 120 ms).
    #[error("{samples} samples is not a valid Opus frame at {rate} Hz")]
    BadFrameSize {
        /// Samples offered.
        samples: usize,
        /// The coder's rate.
        rate: u32,
    },
    /// An empty payload; a lost packet is [`OpusDecoder::conceal`], not an empty decode.
    #[error("empty Opus packet")]
    EmptyPacket,
    /// libopus refused the packet or the request (corrupt data, internal error).
    #[error("libopus: {0}")]
    Codec(#[source] audiopus::Error),
}

impl From<audiopus::Error> for OpusError {
    fn from(error: audiopus::Error) -> Self {
        match error {
            audiopus::Error::EmptyPacket => Self::EmptyPacket,
            other => Self::Codec(other),
        }
    }
}

fn sample_rate(rate: u32) -> Result<SampleRate, OpusError> {
    Ok(match rate {
        8_000 => SampleRate::Hz8000,
        12_000 => SampleRate::Hz12000,
        16_000 => SampleRate::Hz16000,
        24_000 => SampleRate::Hz24000,
        48_000 => SampleRate::Hz48000,
        _ => return Err(OpusError::UnsupportedRate(rate)),
    })
}

/// Samples in 2.5 ms, the Opus frame-size quantum.
fn quantum(rate: u32) -> usize {
    rate as usize / 400
}

/// A mono Opus decoder for one inbound stream.
#[derive(Debug)]
pub struct OpusDecoder {
    inner: Decoder,
    rate: u32,
    /// Room for the longest packet, allocated once.
    scratch: Vec<i16>,
}

impl OpusDecoder {
    /// A decoder producing mono samples at `rate`.
    pub fn new(rate: u32) -> Result<Self, OpusError> {
        let inner = Decoder::new(sample_rate(rate)?, Channels::Mono)?;
        Ok(Self { inner, rate, scratch: vec![0; rate as usize * MAX_PACKET_MS / 1000] })
    }

    /// The output rate.
    #[must_use]
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// Decodes one packet and appends its samples to `out`; returns how many were appended.
    pub fn decode(&mut self, packet: &[u8], out: &mut Vec<i16>) -> Result<usize, OpusError> {
        if packet.is_empty() {
            return Err(OpusError::EmptyPacket);
        }
        let n = self.inner.decode(Some(packet), &mut self.scratch[..], false)?;
        out.extend_from_slice(&self.scratch[..n]);
        Ok(n)
    }

    /// Appends `frame_samples` of packet-loss concealment (extrapolated from recent audio)
    /// for a packet that never arrived; `frame_samples` is a multiple of 2.5 ms, usually the
    /// stream's 20 ms.
    pub fn conceal(&mut self, frame_samples: usize, out: &mut Vec<i16>) -> Result<usize, OpusError> {
        if frame_samples == 0 || frame_samples > self.scratch.len() || !frame_samples.is_multiple_of(quantum(self.rate))
        {
            return Err(OpusError::BadFrameSize { samples: frame_samples, rate: self.rate });
        }
        let n = self.inner.decode(None::<&[u8]>, &mut self.scratch[..frame_samples], false)?;
        out.extend_from_slice(&self.scratch[..n]);
        Ok(n)
    }
}

/// A mono Opus encoder (VoIP application) for one outbound stream.
#[derive(Debug)]
pub struct OpusEncoder {
    inner: Encoder,
    rate: u32,
}

impl OpusEncoder {
    /// An encoder taking mono samples at `rate`, tuned for speech (`OPUS_APPLICATION_VOIP`).
    pub fn new(rate: u32) -> Result<Self, OpusError> {
        let inner = Encoder::new(sample_rate(rate)?, Channels::Mono, Application::Voip)?;
        Ok(Self { inner, rate })
    }

    /// The input rate.
    #[must_use]
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// How many samples decoded audio lags the input (the encoder's look-ahead, 6.5 ms with
    /// libopus's defaults); for aligning a decoded stream with another.
    pub fn lookahead(&self) -> Result<usize, OpusError> {
        Ok(self.inner.lookahead()? as usize)
    }

    /// Encodes one frame (normally 20 ms: `rate / 50` samples; 2.5–60 ms are accepted) into
    /// one packet.
    pub fn encode(&mut self, pcm: &[i16]) -> Result<Vec<u8>, OpusError> {
        let q = quantum(self.rate);
        if ![1, 2, 4, 8, 16, 24].iter().any(|&n| pcm.len() == n * q) {
            return Err(OpusError::BadFrameSize { samples: pcm.len(), rate: self.rate });
        }
        let mut packet = [0u8; MAX_ENCODED_BYTES];
        let n = self.inner.encode(pcm, &mut packet)?;
        Ok(packet[..n].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn tone(rate: u32, freq: f64, n: usize) -> Vec<i16> {
        (0..n).map(|i| (12_000.0 * (2.0 * PI * freq * i as f64 / f64::from(rate)).sin()) as i16).collect()
    }

    /// Least-squares fit of `y` (from sample `skip` on) to a sine of `freq` plus DC; returns
    /// the fitted amplitude, its delay in samples modulo one period, and the SINAD in dB (fitted
    /// tone power over everything else). Fitting the phase aligns the delay to a fraction of a
    /// sample, which a pure tone needs: at 8 kHz a one-sample error alone costs ~10 dB.
    fn fit_sine(y: &[i16], rate: u32, freq: f64, skip: usize) -> (f64, f64, f64) {
        let w = 2.0 * PI * freq / f64::from(rate);
        let rows: Vec<[f64; 4]> = y
            .iter()
            .enumerate()
            .skip(skip)
            .map(|(n, &v)| [(w * n as f64).sin(), (w * n as f64).cos(), 1.0, f64::from(v)])
            .collect();
        // Normal equations for [sin, cos, 1], solved by Gaussian elimination.
        let mut m = [[0.0f64; 4]; 3];
        for r in &rows {
            for (row, &ri) in m.iter_mut().zip(r) {
                for (cell, &rj) in row.iter_mut().zip(r) {
                    *cell += ri * rj;
                }
            }
        }
        for col in 0..3 {
            for row in 0..3 {
                if row != col {
                    let pivot = m[col];
                    let f = m[row][col] / pivot[col];
                    for (cell, p) in m[row].iter_mut().zip(pivot) {
                        *cell -= f * p;
                    }
                }
            }
        }
        let [a, b, c] = [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
        let residual = rows.iter().map(|r| (r[3] - a * r[0] - b * r[1] - c).powi(2)).sum::<f64>() / rows.len() as f64;
        let amplitude = a.hypot(b);
        let period = f64::from(rate) / freq;
        let delay = ((-b).atan2(a) / w).rem_euclid(period);
        (amplitude, delay, 10.0 * (amplitude * amplitude / 2.0 / residual).log10())
    }

    /// A steady 440 Hz tone through encode → decode at 8, 16 and 48 kHz (20 ms frames). Opus
    /// is perceptual, so waveform fidelity is not its target; the thresholds (level within
    /// 2 dB, SINAD over 20 dB, delay equal to the reported look-ahead within 0.15 ms; libopus's resamplers add a
    /// fraction of a sample) are
    /// well below what libopus measures here and far above what a broken wrapper (wrong rate,
    /// channel count or buffer alignment) would produce. The first 100 ms, where the encoder
    /// adapts, is skipped.
    #[test]
    fn a_tone_survives_encode_then_decode() {
        for rate in [8_000, 16_000, 48_000] {
            let frame = rate as usize / 50;
            let input = tone(rate, 440.0, frame * 50);
            let mut encoder = OpusEncoder::new(rate).unwrap();
            let mut decoder = OpusDecoder::new(rate).unwrap();
            let mut decoded = Vec::new();
            for chunk in input.chunks(frame) {
                let packet = encoder.encode(chunk).unwrap();
                assert!(!packet.is_empty() && packet.len() < 400, "{} bytes", packet.len());
                assert_eq!(decoder.decode(&packet, &mut decoded).unwrap(), frame);
            }
            assert_eq!(decoded.len(), input.len());
            let lookahead = encoder.lookahead().unwrap();
            assert_eq!(lookahead, rate as usize * 13 / 2000, "6.5 ms look-ahead");
            let (amplitude, delay, sinad) = fit_sine(&decoded, rate, 440.0, rate as usize / 10);
            let period = f64::from(rate) / 440.0;
            let offset = (delay - lookahead as f64).rem_euclid(period);
            let delay_error = offset.min(period - offset);
            let level_db = 20.0 * (amplitude / 12_000.0).log10();
            let measured = lookahead as f64 + if offset < period / 2.0 { offset } else { offset - period };
            eprintln!(
                "opus {rate} Hz: SINAD {sinad:.1} dB, level {level_db:+.2} dB, \
                 delay {measured:.2} samples (look-ahead {lookahead})"
            );
            assert!(sinad > 20.0, "{rate} Hz: SINAD {sinad:.1} dB");
            assert!(level_db.abs() < 2.0, "{rate} Hz: level {level_db:.2} dB");
            let tolerance = 0.15e-3 * f64::from(rate);
            assert!(delay_error < tolerance, "{rate} Hz: delay off by {delay_error:.2} samples");
        }
    }

    #[test]
    fn concealment_fills_a_lost_frame() {
        let mut encoder = OpusEncoder::new(16_000).unwrap();
        let mut decoder = OpusDecoder::new(16_000).unwrap();
        let input = tone(16_000, 440.0, 320 * 10);
        let mut out = Vec::new();
        for chunk in input.chunks(320) {
            decoder.decode(&encoder.encode(chunk).unwrap(), &mut out).unwrap();
        }
        let before = out.len();
        assert_eq!(decoder.conceal(320, &mut out).unwrap(), 320);
        assert_eq!(out.len(), before + 320);
        // The concealment continues the tone rather than going silent.
        let energy: f64 = out[before..].iter().map(|&s| f64::from(s).powi(2)).sum::<f64>() / 320.0;
        assert!(energy.sqrt() > 1000.0, "rms {:.0}", energy.sqrt());
        assert_eq!(decoder.conceal(100, &mut out), Err(OpusError::BadFrameSize { samples: 100, rate: 16_000 }));
        assert!(decoder.conceal(0, &mut out).is_err());
        assert!(decoder.conceal(16_000, &mut out).is_err(), "over 120 ms");
    }

    #[test]
    fn garbage_is_a_typed_error_not_a_panic() {
        let mut decoder = OpusDecoder::new(48_000).unwrap();
        let mut out = Vec::new();
        assert_eq!(decoder.decode(&[], &mut out), Err(OpusError::EmptyPacket));
        // TOC code 3 ("arbitrary frame count") with a count of zero is invalid (RFC 6716 §3.2.5).
        assert!(matches!(decoder.decode(&[0x03, 0x00], &mut out), Err(OpusError::Codec(_))));
        // Code 3 declaring 48 × 20 ms frames: over the 120 ms limit.
        assert!(matches!(decoder.decode(&[0x0B, 0x30, 0, 0], &mut out), Err(OpusError::Codec(_))));
        assert!(out.is_empty());
        // Anything else: decoded or refused, never a panic.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 1..400 {
            let packet: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let _ = decoder.decode(&packet, &mut out);
        }
    }

    #[test]
    fn rates_and_frame_sizes_are_checked() {
        assert_eq!(OpusDecoder::new(44_100).unwrap_err(), OpusError::UnsupportedRate(44_100));
        assert_eq!(OpusEncoder::new(11_025).unwrap_err(), OpusError::UnsupportedRate(11_025));
        assert_eq!(OpusDecoder::new(12_000).unwrap().rate(), 12_000);
        let mut encoder = OpusEncoder::new(16_000).unwrap();
        assert_eq!(encoder.rate(), 16_000);
        assert_eq!(encoder.encode(&[0; 300]), Err(OpusError::BadFrameSize { samples: 300, rate: 16_000 }));
        assert!(encoder.encode(&[]).is_err());
        for samples in [40, 80, 160, 320, 640, 960] {
            assert!(encoder.encode(&vec![0; samples]).is_ok(), "{samples}");
        }
    }
}
