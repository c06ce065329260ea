//! Streaming sample-rate conversion between the rates carriers and bots speak
//! (8, 16, 24 and 48 kHz mono), one instance per call leg and direction.
//!
//! A rational polyphase FIR: conceptually upsample by `L`, low-pass, keep every `M`-th sample,
//! computed without the zero-stuffed intermediate. The prototype is a Kaiser-windowed sinc
//! with its −6 dB point at the lower rate's Nyquist frequency and a transition band of ±10 %
//! around it (passband to 0.9 × Nyquist, stopband from 1.1 × Nyquist), so aliases of content
//! above 1.1 × Nyquist fold only into the top 10 % of the band, which G.711 speech does not
//! use. Taps are Q14/Q15 fixed point (each phase sums to exactly 1.0, so DC passes
//! unchanged) and the dot product accumulates in `i32`, which cannot overflow (checked per
//! rate pair in the tests) and lets the compiler use 16-bit multiply-add vector instructions.
//!
//! Quality and cost are measured in this module's tests and `benches/media.rs`: see
//! [`STOPBAND_DB`] for the numbers.

use thiserror::Error;

/// Rates the gateway needs: G.711 (8 kHz), L16 wideband (16 kHz), bot TTS/STT (24 kHz) and
/// Opus (48 kHz).
pub const SUPPORTED_RATES: [u32; 4] = [8_000, 16_000, 24_000, 48_000];

/// Kaiser design attenuation in dB (stopband and passband ripple of the prototype before
/// the tap count is rounded up to a multiple of 8).
///
/// Why 75: measured in this module's tests with −6 dBFS tones against the ideal sine, every
/// rate pair keeps ≥ 71 dB SNR from 7.5 % to 90 % of the lower Nyquist frequency (8→16 kHz:
/// 80–88 dB from 300 Hz to 3.6 kHz; 8→16→8 kHz round trip ≥ 76 dB), and every downsampling
/// pair pushes tones from 1.1 × Nyquist up at least 70 dB down (6 kHz at 16→8 kHz: −84 dB).
/// The price is 48 taps per output sample when interpolating (72–288 when decimating, at
/// a lower output rate) and up to 2.9 ms of delay; 8↔16 kHz costs ≈ 2–3 µs per 20 ms frame
/// in release on the 2-core dev box (`benches/media.rs`).
pub const STOPBAND_DB: f64 = 75.0;

/// Room for 100 ms of input per call before the history buffer has to grow; callers send
/// 20 ms frames, so steady state never allocates.
const PRESIZE_MS: usize = 100;

/// Taps are Q15 when every tap is below 1.0 and 32768 · Σ|tap| fits `i32` (16→8, 24→8,
/// 48→16 and 48→24 kHz) and Q14 otherwise (interpolation puts the centre tap near 1.0; the
/// 48→8 kHz filter's Σ|tap| passes 2.0). Q15 buys ≈ 6 dB where coefficient rounding, not
/// the design, limits the filter.
const MAX_COEFF_BITS: u32 = 15;

/// A rate the resampler was asked for but does not support; typed so the gateway can refuse
/// a carrier's or bot's media format at negotiation instead of failing mid-call.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum ResampleError {
    /// Only [`SUPPORTED_RATES`] are built in.
    #[error("unsupported sample rate {0} Hz (supported: 8000, 16000, 24000, 48000)")]
    UnsupportedRate(u32),
}

/// A streaming mono `i16` resampler whose state carries across calls, so 20 ms frames
/// concatenate exactly as if the whole stream had been converted at once.
#[derive(Debug, Clone)]
pub struct Resampler {
    from_hz: u32,
    to_hz: u32,
    /// Interpolation factor `L` (to / gcd).
    up: usize,
    /// Decimation factor `M` (from / gcd).
    down: usize,
    /// Taps per polyphase branch (a multiple of 8 so the dot product has no scalar tail).
    taps: usize,
    /// Fixed-point position of the taps (14 or 15 fraction bits).
    bits: u32,
    /// `up` branches of `taps` fixed-point coefficients, each reversed so a branch is a
    /// forward dot product with the newest input last.
    coeffs: Vec<i16>,
    /// The last `taps - 1` inputs followed by unconsumed new input.
    history: Vec<i16>,
    /// Input index (into `history`) of the newest sample the next output needs.
    base: usize,
    /// Polyphase branch of the next output.
    phase: usize,
    /// `base`/`phase` of the first output after construction or reset.
    start: (usize, usize),
    /// Group delay in output samples.
    delay: usize,
}

impl Resampler {
    /// Builds a resampler for one direction of one leg; fails on rates outside
    /// [`SUPPORTED_RATES`].
    pub fn new(from_hz: u32, to_hz: u32) -> Result<Self, ResampleError> {
        for rate in [from_hz, to_hz] {
            if !SUPPORTED_RATES.contains(&rate) {
                return Err(ResampleError::UnsupportedRate(rate));
            }
        }
        let gcd = gcd(from_hz, to_hz);
        let up = (to_hz / gcd) as usize;
        let down = (from_hz / gcd) as usize;
        if up == 1 && down == 1 {
            return Ok(Self {
                from_hz,
                to_hz,
                up,
                down,
                taps: 1,
                bits: MAX_COEFF_BITS,
                coeffs: Vec::new(),
                history: Vec::new(),
                base: 0,
                phase: 0,
                start: (0, 0),
                delay: 0,
            });
        }

        let design = Design::new(from_hz, to_hz, up);
        let (coeffs, bits) = design.quantised_branches(up);
        let taps = design.taps;
        // The prototype has odd length 2g+1 (centre g, in upsampled samples). Starting the
        // first output `s = g mod M` upsampled samples in makes the delay a whole number of
        // output samples: output n shows the input at time (n − (g − s)/M) / to_hz.
        let centre = (design.length - 1) / 2;
        let skip = centre % down;
        let start_pos = (taps - 1) * up + skip;
        let start = (start_pos / up, start_pos % up);
        let mut history = Vec::with_capacity(taps - 1 + from_hz as usize * PRESIZE_MS / 1000);
        history.resize(taps - 1, 0);
        Ok(Self {
            from_hz,
            to_hz,
            up,
            down,
            taps,
            bits,
            coeffs,
            history,
            base: start.0,
            phase: start.1,
            start,
            delay: (centre - skip) / down,
        })
    }

    /// Input rate, so a leg can check which conversion it holds.
    #[must_use]
    pub fn from_hz(&self) -> u32 {
        self.from_hz
    }

    /// Output rate.
    #[must_use]
    pub fn to_hz(&self) -> u32 {
        self.to_hz
    }

    /// Group delay in output samples (constant for every frequency: the filter is linear
    /// phase). Callers aligning two streams, or trimming the start-up ramp, subtract this.
    #[must_use]
    pub fn delay(&self) -> usize {
        self.delay
    }

    /// Converts `input` and appends the output to `out`.
    ///
    /// Over a stream, the number of outputs after `n` inputs is `ceil((n·L − s)/M)` for the
    /// reduced ratio `L/M` and a fixed start offset `s < M`: 160 samples at 8→16 kHz give 320
    /// every call; 320 at 24→16 kHz give 214, 213, 213, …, never drifting. Allocates only if
    /// a call brings more than 100 ms of input (the history grows once) or `out` is full.
    pub fn process(&mut self, input: &[i16], out: &mut Vec<i16>) {
        if self.up == 1 && self.down == 1 {
            out.extend_from_slice(input);
            return;
        }
        self.history.extend_from_slice(input);
        let taps = self.taps;
        let len = self.history.len();
        let (step_base, step_phase) = (self.down / self.up, self.down % self.up);
        let (mut base, mut phase) = (self.base, self.phase);
        if base < len {
            out.reserve((len - base) * self.up / self.down + 1);
        }
        while base < len {
            let window = &self.history[base + 1 - taps..=base];
            let branch = &self.coeffs[phase * taps..(phase + 1) * taps];
            out.push(round_fixed(dot(branch, window), self.bits));
            base += step_base;
            phase += step_phase;
            if phase >= self.up {
                phase -= self.up;
                base += 1;
            }
        }
        // Keep the `taps - 1` samples before the next output's newest sample.
        let consumed = (base + 1 - taps).min(len);
        self.history.drain(..consumed);
        self.base = base - consumed;
        self.phase = phase;
    }

    /// Forgets all history (as if newly built), for reuse across calls or after a gap where
    /// old audio must not ring into new audio.
    pub fn reset(&mut self) {
        if self.up == 1 && self.down == 1 {
            return;
        }
        self.history.clear();
        self.history.resize(self.taps - 1, 0);
        (self.base, self.phase) = self.start;
    }
}

/// The windowed-sinc prototype for one rate pair, in `f64` before quantisation.
struct Design {
    /// Odd prototype length; the last of the `taps * up` slots is zero.
    length: usize,
    taps: usize,
    h: Vec<f64>,
}

impl Design {
    fn new(from_hz: u32, to_hz: u32, up: usize) -> Self {
        let upsampled_hz = f64::from(from_hz) * up as f64;
        let nyquist = f64::from(from_hz.min(to_hz)) / 2.0;
        let cutoff = nyquist / upsampled_hz; // cycles per upsampled sample
        let transition = 0.2 * nyquist / upsampled_hz;
        // Kaiser's estimates for length and β at the design attenuation.
        let estimate = (STOPBAND_DB - 7.95) / (2.285 * 2.0 * std::f64::consts::PI * transition) + 1.0;
        let beta = 0.1102 * (STOPBAND_DB - 8.7);
        let taps = (estimate / up as f64).ceil() as usize;
        let taps = taps.div_ceil(8).max(1) * 8;
        let length = if (taps * up).is_multiple_of(2) { taps * up - 1 } else { taps * up };
        let centre = (length - 1) as f64 / 2.0;
        let i0_beta = bessel_i0(beta);
        let mut h: Vec<f64> = (0..length)
            .map(|n| {
                let t = n as f64 - centre;
                let r = t / centre;
                let window = bessel_i0(beta * (1.0 - r * r).max(0.0).sqrt()) / i0_beta;
                2.0 * cutoff * sinc(2.0 * cutoff * t) * window * up as f64
            })
            .collect();
        h.resize(taps * up, 0.0);
        Self { length, taps, h }
    }

    /// Splits into `up` branches, reverses each, and rounds to fixed point so every branch
    /// sums to exactly 1.0 (largest-remainder rounding: no tap moves by a whole step).
    /// Returns the taps and their fraction bits.
    fn quantised_branches(&self, up: usize) -> (Vec<i16>, u32) {
        let branches: Vec<Vec<f64>> = (0..up)
            .map(|phase| {
                let branch: Vec<f64> = (0..self.taps).rev().map(|k| self.h[phase + k * up]).collect();
                let sum: f64 = branch.iter().sum();
                branch.iter().map(|c| c / sum).collect()
            })
            .collect();
        // Q15 needs every tap below 1.0 and, so that 32768 · Σ|tap| stays inside `i32`,
        // every branch's absolute sum below 2.0; otherwise Q14 (Σ|tap| is about 1.2–2.1 here).
        let peak = branches.iter().flatten().fold(0.0f64, |m, c| m.max(c.abs()));
        let spread = branches.iter().map(|b| b.iter().map(|c| c.abs()).sum::<f64>()).fold(0.0f64, f64::max);
        let bits = if peak < 0.99 && spread < 1.99 { MAX_COEFF_BITS } else { MAX_COEFF_BITS - 1 };
        let one = f64::from(1u32 << bits);
        let mut out = Vec::with_capacity(self.taps * up);
        for branch in &branches {
            let scaled: Vec<f64> = branch.iter().map(|c| c * one).collect();
            let mut rounded: Vec<i64> = scaled.iter().map(|c| c.floor() as i64).collect();
            let short = (1i64 << bits) - rounded.iter().sum::<i64>();
            let mut order: Vec<usize> = (0..scaled.len()).collect();
            order.sort_by(|&a, &b| {
                let frac = |i: usize| scaled[i] - scaled[i].floor();
                frac(b).total_cmp(&frac(a))
            });
            for &i in order.iter().take(short.max(0) as usize) {
                rounded[i] += 1;
            }
            out.extend(rounded.iter().map(|&c| i16::try_from(c).expect("taps fit the chosen format")));
        }
        (out, bits)
    }
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        let px = std::f64::consts::PI * x;
        px.sin() / px
    }
}

/// Modified Bessel function of the first kind, order 0 (power series; converges fast for
/// the β ≈ 7 used here).
fn bessel_i0(x: f64) -> f64 {
    let quarter_x2 = x * x / 4.0;
    let (mut sum, mut term, mut k) = (1.0, 1.0, 1.0);
    while term > sum * 1e-17 {
        term *= quarter_x2 / (k * k);
        sum += term;
        k += 1.0;
    }
    sum
}

#[inline]
fn dot(branch: &[i16], window: &[i16]) -> i32 {
    // Lengths are equal multiples of 8, so each chunk is one 16-bit multiply-add (`pmaddwd`)
    // with no tail loop; of the shapes tried (one long iterator sum, eight lane
    // accumulators, this) this measured fastest on baseline x86-64. Overflow is impossible:
    // Σ|tap| · 32768 < 2³¹ for every branch (tested).
    branch
        .chunks_exact(8)
        .zip(window.chunks_exact(8))
        .fold(0i32, |acc, (c, x)| acc + c.iter().zip(x).map(|(&c, &x)| i32::from(c) * i32::from(x)).sum::<i32>())
}

#[inline]
fn round_fixed(acc: i32, bits: u32) -> i16 {
    let rounded = (acc + (1 << (bits - 1))) >> bits;
    rounded.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
}

#[cfg(test)]
#[path = "resample_tests.rs"]
mod tests;
