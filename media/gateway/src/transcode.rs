//! Converting audio between a carrier's format and the bot's: G.711 µ-law and A-law and
//! little-endian L16 at 8, 16, 24 or 48 kHz. µ-law to µ-law (Twilio to a default bot) is a
//! copy, so the bot hears the caller bit-exact.

use media_core::frames::{Encoding, Format};
use media_core::g711;
use media_core::resample::Resampler;

/// A format the gateway cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the gateway cannot transcode {0:?}")]
pub struct Unsupported(pub Encoding);

/// One direction of a call's audio, from one format to another. Keeps the resampler's state
/// between frames, so it belongs to one stream.
#[derive(Debug)]
pub struct Transcoder {
    from: Format,
    to: Format,
    resampler: Option<Resampler>,
    pcm: Vec<i16>,
    resampled: Vec<i16>,
}

fn check(format: Format) -> Result<(), Unsupported> {
    match format.encoding {
        Encoding::Pcmu | Encoding::Pcma | Encoding::L16 => Ok(()),
        other => Err(Unsupported(other)),
    }
}

impl Transcoder {
    /// From `from` to `to`; both sample-based encodings at a supported rate.
    pub fn new(from: Format, to: Format) -> Result<Self, Unsupported> {
        check(from)?;
        check(to)?;
        let resampler = if from.rate == to.rate {
            None
        } else {
            Some(Resampler::new(from.rate, to.rate).map_err(|_| Unsupported(from.encoding))?)
        };
        Ok(Self { from, to, resampler, pcm: Vec::with_capacity(960), resampled: Vec::with_capacity(960) })
    }

    /// Whether audio passes unchanged.
    pub fn is_passthrough(&self) -> bool {
        self.from == self.to
    }

    /// The source format.
    pub fn from(&self) -> Format {
        self.from
    }

    /// The target format.
    pub fn to(&self) -> Format {
        self.to
    }

    /// Appends `input` (in the source format) converted to the target format to `out`.
    pub fn convert(&mut self, input: &[u8], out: &mut Vec<u8>) {
        if self.is_passthrough() {
            out.extend_from_slice(input);
            return;
        }
        match (self.from.encoding, self.to.encoding, &self.resampler) {
            (Encoding::Pcmu, Encoding::Pcma, None) => out.extend(input.iter().map(|&b| g711::ulaw_to_alaw(b))),
            (Encoding::Pcma, Encoding::Pcmu, None) => out.extend(input.iter().map(|&b| g711::alaw_to_ulaw(b))),
            _ => {
                self.pcm.clear();
                decode(self.from.encoding, input, &mut self.pcm);
                let samples = match &mut self.resampler {
                    Some(resampler) => {
                        self.resampled.clear();
                        resampler.process(&self.pcm, &mut self.resampled);
                        &self.resampled
                    }
                    None => &self.pcm,
                };
                encode(self.to.encoding, samples, out);
            }
        }
    }
}

/// Decodes `input` to linear samples (appending).
pub fn decode(encoding: Encoding, input: &[u8], out: &mut Vec<i16>) {
    match encoding {
        Encoding::Pcmu => g711::decode_ulaw(input, out),
        Encoding::Pcma => g711::decode_alaw(input, out),
        Encoding::L16 => out.extend(input.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]]))),
        _ => {}
    }
}

/// Encodes linear samples (appending).
pub fn encode(encoding: Encoding, samples: &[i16], out: &mut Vec<u8>) {
    match encoding {
        Encoding::Pcmu => g711::encode_ulaw(samples, out),
        Encoding::Pcma => g711::encode_alaw(samples, out),
        Encoding::L16 => {
            out.reserve(samples.len() * 2);
            for s in samples {
                out.extend_from_slice(&s.to_le_bytes());
            }
        }
        _ => {}
    }
}

/// The silence byte of a format's frames (for padding).
pub fn silence(encoding: Encoding) -> u8 {
    match encoding {
        Encoding::Pcmu => g711::ULAW_SILENCE,
        Encoding::Pcma => g711::ALAW_SILENCE,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L16_8K: Format = Format { encoding: Encoding::L16, rate: 8000 };

    fn tone(rate: u32, hz: f64, n: usize) -> Vec<i16> {
        (0..n).map(|i| (8000.0 * (2.0 * std::f64::consts::PI * hz * i as f64 / f64::from(rate)).sin()) as i16).collect()
    }

    #[test]
    fn mulaw_to_mulaw_is_a_copy() {
        let mut t = Transcoder::new(Format::PCMU_8K, Format::PCMU_8K).unwrap();
        assert!(t.is_passthrough());
        let input: Vec<u8> = (0..=255).collect();
        let mut out = vec![];
        t.convert(&input, &mut out);
        assert_eq!(out, input);
    }

    #[test]
    fn mulaw_and_alaw_convert_through_the_tables() {
        let alaw = Format { encoding: Encoding::Pcma, rate: 8000 };
        let mut there = Transcoder::new(Format::PCMU_8K, alaw).unwrap();
        let mut back = Transcoder::new(alaw, Format::PCMU_8K).unwrap();
        let mut pcm = vec![];
        let mut ulaw = vec![];
        g711::encode_ulaw(&tone(8000, 440.0, 160), &mut ulaw);
        let (mut a, mut u) = (vec![], vec![]);
        there.convert(&ulaw, &mut a);
        back.convert(&a, &mut u);
        decode(Encoding::Pcmu, &u, &mut pcm);
        let mut original = vec![];
        decode(Encoding::Pcmu, &ulaw, &mut original);
        // A-law's steps differ from µ-law's: the round trip stays within one A-law step.
        for (x, y) in original.iter().zip(&pcm) {
            assert!((i32::from(*x) - i32::from(*y)).abs() <= 256, "{x} vs {y}");
        }
    }

    #[test]
    fn l16_is_little_endian_and_resampled_to_the_right_length() {
        let mut t = Transcoder::new(Format::PCMU_8K, Format::L16_16K).unwrap();
        let mut ulaw = vec![];
        g711::encode_ulaw(&tone(8000, 440.0, 160), &mut ulaw);
        let mut total = 0;
        for _ in 0..10 {
            let mut out = vec![];
            t.convert(&ulaw, &mut out);
            total += out.len();
        }
        assert_eq!(total, 10 * 640, "20 ms at 16 kHz is 640 bytes");
        let mut t = Transcoder::new(Format::PCMU_8K, L16_8K).unwrap();
        let mut out = vec![];
        t.convert(&[g711::ulaw_encode(1000)], &mut out);
        assert_eq!(i16::from_le_bytes([out[0], out[1]]), g711::ulaw_decode(g711::ulaw_encode(1000)));
    }

    #[test]
    fn frame_codecs_are_refused() {
        let opus = Format { encoding: Encoding::Opus, rate: 48000 };
        assert_eq!(Transcoder::new(opus, Format::PCMU_8K).unwrap_err(), Unsupported(Encoding::Opus));
    }
}
