//! Resampler tests: exact counts, seamless framing, and quality measured against the
//! analytic sine (not against this code's own earlier output).

use super::*;
use std::f64::consts::PI;

const AMPLITUDE: f64 = 16_384.0; // −6 dBFS: headroom for passband ripple.

fn pairs() -> impl Iterator<Item = (u32, u32)> {
    SUPPORTED_RATES.into_iter().flat_map(|a| SUPPORTED_RATES.into_iter().map(move |b| (a, b)))
}

fn tone(rate: u32, freq: f64, seconds: f64) -> Vec<i16> {
    let n = (f64::from(rate) * seconds) as usize;
    (0..n).map(|i| (AMPLITUDE * (2.0 * PI * freq * i as f64 / f64::from(rate)).sin()).round() as i16).collect()
}

/// Runs `input` through in 20 ms frames, as the gateway does.
fn run_framed(r: &mut Resampler, input: &[i16]) -> Vec<i16> {
    let frame = r.from_hz() as usize / 50;
    let mut out = Vec::new();
    for chunk in input.chunks(frame) {
        r.process(chunk, &mut out);
    }
    out
}

/// SNR of `out` against the ideal sine at the output rate, delayed by `delay` output samples;
/// the start-up ramp (twice the delay) is skipped.
fn snr_db(out: &[i16], rate: u32, freq: f64, delay: f64) -> f64 {
    let skip = (2.0 * delay) as usize + 8;
    let (mut signal, mut noise) = (0.0, 0.0);
    for (n, &y) in out.iter().enumerate().skip(skip) {
        let ideal = AMPLITUDE * (2.0 * PI * freq * (n as f64 - delay) / f64::from(rate)).sin();
        signal += ideal * ideal;
        noise += (f64::from(y) - ideal).powi(2);
    }
    10.0 * (signal / noise).log10()
}

fn level_db(out: &[i16], skip: usize) -> f64 {
    let tail = &out[skip..];
    let power = tail.iter().map(|&y| f64::from(y).powi(2)).sum::<f64>() / tail.len() as f64;
    10.0 * (power / (AMPLITUDE * AMPLITUDE / 2.0)).log10()
}

#[test]
fn unsupported_rates_are_a_typed_error() {
    assert_eq!(Resampler::new(44_100, 8_000).unwrap_err(), ResampleError::UnsupportedRate(44_100));
    assert_eq!(Resampler::new(8_000, 0).unwrap_err(), ResampleError::UnsupportedRate(0));
}

#[test]
fn identity_passes_samples_through() {
    let mut r = Resampler::new(16_000, 16_000).unwrap();
    let input: Vec<i16> = (0..320).map(|i| i as i16 * 7 - 1000).collect();
    let mut out = vec![1];
    r.process(&input, &mut out);
    assert_eq!(out[0], 1);
    assert_eq!(&out[1..], &input[..]);
    assert_eq!(r.delay(), 0);
}

#[test]
fn output_counts_are_exact_over_time() {
    for (from, to) in pairs() {
        let mut r = Resampler::new(from, to).unwrap();
        let frame = from as usize / 50;
        let expected = frame as f64 * f64::from(to) / f64::from(from);
        let (mut total_in, mut total_out) = (0usize, 0usize);
        for call in 0..60 {
            let mut out = Vec::new();
            r.process(&vec![0; frame], &mut out);
            total_in += frame;
            total_out += out.len();
            assert!(
                out.len() == expected.floor() as usize || out.len() == expected.ceil() as usize,
                "{from}->{to} call {call}: {} outputs",
                out.len()
            );
            let ideal = total_in as f64 * f64::from(to) / f64::from(from);
            assert!((total_out as f64 - ideal).abs() <= 1.0, "{from}->{to} drifted: {total_out} vs {ideal}");
        }
    }
    let mut up = Resampler::new(8_000, 16_000).unwrap();
    for _ in 0..10 {
        let mut out = Vec::new();
        up.process(&[0; 160], &mut out);
        assert_eq!(out.len(), 320);
    }
}

#[test]
fn framing_does_not_change_the_output() {
    // Seamless frame boundaries: 20 ms frames, odd-sized chunks and one block give the same
    // samples, so there is nothing at a boundary to click.
    for (from, to) in pairs() {
        let input: Vec<i16> = (0..from as usize / 5).map(|i| ((i * 7919) % 20_011) as i16 - 10_000).collect();
        let mut whole = Vec::new();
        Resampler::new(from, to).unwrap().process(&input, &mut whole);
        let framed = run_framed(&mut Resampler::new(from, to).unwrap(), &input);
        let mut ragged = Vec::new();
        let mut r = Resampler::new(from, to).unwrap();
        let mut rest = &input[..];
        for size in [1, 2, 3, 5, 7, 11, 13, 0, 17].into_iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (head, tail) = rest.split_at(size.min(rest.len()));
            r.process(head, &mut ragged);
            rest = tail;
        }
        assert_eq!(framed, whole, "{from}->{to} framed");
        assert_eq!(ragged, whole, "{from}->{to} ragged");
    }
}

#[test]
fn branches_cannot_overflow_the_accumulator_and_pass_dc_exactly() {
    for (from, to) in pairs() {
        let r = Resampler::new(from, to).unwrap();
        for branch in r.coeffs.chunks(r.taps) {
            let sum: i64 = branch.iter().map(|&c| i64::from(c)).sum();
            let abs: i64 = branch.iter().map(|&c| i64::from(c).abs()).sum();
            assert_eq!(sum, 1 << r.bits, "{from}->{to}");
            // The worst-case input (every sample ±32768 with the tap's sign) plus rounding.
            assert!(abs * 32_768 + (1 << 14) < i64::from(i32::MAX), "{from}->{to}: Σ|h| = {abs}");
        }
    }
    // A full-scale square wave saturates rather than wrapping.
    let square: Vec<i16> = (0..800).map(|i| if (i / 3) % 2 == 0 { i16::MAX } else { i16::MIN }).collect();
    let mut out = Vec::new();
    Resampler::new(8_000, 48_000).unwrap().process(&square, &mut out);
    assert!(out.iter().any(|&s| s == i16::MAX || s == i16::MIN));
}

#[test]
fn dc_comes_through_unchanged_after_the_ramp() {
    for (from, to) in pairs() {
        let mut r = Resampler::new(from, to).unwrap();
        let out = run_framed(&mut r, &vec![12_345; from as usize / 10]);
        let skip = 2 * r.delay() + 8;
        assert!(out[skip..].iter().all(|&s| s == 12_345), "{from}->{to}");
    }
}

/// In-band tones at 7.5 %, 25 %, 75 % and 90 % of the lower Nyquist frequency (300 Hz, 1,
/// 3 and 3.6 kHz when one side is 8 kHz). 60 dB is the target for speech paths: it is 10 dB
/// better than G.711's own ≈ 38 dB SNR would ever need, so the resampler is never the
/// audible stage; the design (75 dB Kaiser) measures 70 dB or better.
#[test]
fn in_band_tones_keep_sixty_db_snr_for_every_pair() {
    for (from, to) in pairs().filter(|(a, b)| a != b) {
        let nyquist = f64::from(from.min(to)) / 2.0;
        for fraction in [0.075, 0.25, 0.75, 0.9] {
            let freq = nyquist * fraction;
            let mut r = Resampler::new(from, to).unwrap();
            let out = run_framed(&mut r, &tone(from, freq, 0.25));
            let snr = snr_db(&out, to, freq, r.delay() as f64);
            eprintln!("{from:>5} -> {to:>5} Hz  {freq:>6.0} Hz tone: SNR {snr:5.1} dB");
            assert!(snr >= 60.0, "{from}->{to} at {freq} Hz: {snr:.1} dB");
        }
    }
}

#[test]
fn round_trip_8k_16k_8k_keeps_sixty_db() {
    for freq in [300.0, 1_000.0, 3_000.0, 3_400.0] {
        let mut up = Resampler::new(8_000, 16_000).unwrap();
        let mut down = Resampler::new(16_000, 8_000).unwrap();
        let wide = run_framed(&mut up, &tone(8_000, freq, 0.5));
        let back = run_framed(&mut down, &wide);
        let delay = up.delay() as f64 / 2.0 + down.delay() as f64;
        let snr = snr_db(&back, 8_000, freq, delay);
        eprintln!("8k -> 16k -> 8k {freq:>6.0} Hz tone: SNR {snr:5.1} dB");
        assert!(snr >= 60.0, "{freq} Hz: {snr:.1} dB");
    }
}

/// Content above the lower rate's Nyquist must not alias back into the band. The spec
/// asks 50 dB for 6 kHz at 16→8 kHz; every downsampling pair is held to 60 dB from 1.1 ×
/// Nyquist up (the start of the designed stopband).
#[test]
fn stopband_tones_are_removed_when_downsampling() {
    let mut r = Resampler::new(16_000, 8_000).unwrap();
    let out = run_framed(&mut r, &tone(16_000, 6_000.0, 0.5));
    let level = level_db(&out, 2 * r.delay() + 8);
    eprintln!("16k -> 8k 6000 Hz tone: {level:.1} dB");
    assert!(level <= -50.0, "6 kHz leaked at {level:.1} dB");

    for (from, to) in pairs().filter(|(a, b)| a > b) {
        let nyquist = f64::from(to) / 2.0;
        for fraction in [1.1, 1.5, 1.9] {
            let freq = nyquist * fraction;
            if freq >= f64::from(from) / 2.0 {
                continue;
            }
            let mut r = Resampler::new(from, to).unwrap();
            let out = run_framed(&mut r, &tone(from, freq, 0.25));
            let level = level_db(&out, 2 * r.delay() + 8);
            eprintln!("{from:>5} -> {to:>5} Hz  {freq:>6.0} Hz stopband tone: {level:6.1} dB");
            assert!(level <= -60.0, "{from}->{to} at {freq} Hz: {level:.1} dB");
        }
    }
}

#[test]
fn reset_behaves_like_a_new_resampler() {
    let input = tone(8_000, 1_000.0, 0.1);
    let mut fresh = Vec::new();
    Resampler::new(8_000, 24_000).unwrap().process(&input, &mut fresh);
    let mut r = Resampler::new(8_000, 24_000).unwrap();
    r.process(&tone(8_000, 2_500.0, 0.05), &mut Vec::new());
    r.reset();
    let mut again = Vec::new();
    r.process(&input, &mut again);
    assert_eq!(again, fresh);
}

#[test]
fn steady_state_does_not_grow_the_history() {
    let mut r = Resampler::new(48_000, 8_000).unwrap();
    let capacity = r.history.capacity();
    let frame = vec![100i16; 960];
    let mut out = Vec::with_capacity(1024);
    for _ in 0..500 {
        out.clear();
        r.process(&frame, &mut out);
    }
    assert_eq!(r.history.capacity(), capacity);
    assert_eq!(out.capacity(), 1024);
}

#[test]
fn accessors_report_the_configuration() {
    let r = Resampler::new(24_000, 16_000).unwrap();
    assert_eq!((r.from_hz(), r.to_hz()), (24_000, 16_000));
    // Linear phase: the delay is half the prototype, in output samples, well under 5 ms.
    assert!(r.delay() > 0 && r.delay() < 16 * 5, "{}", r.delay());
}
