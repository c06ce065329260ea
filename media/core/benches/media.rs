//! Per-frame costs of the media hot paths (one 20 ms frame unless named otherwise).
//! Run: `cargo bench -p throughline-media-core --bench media -- --warm-up-time 1 --measurement-time 2`.

use criterion::{Criterion, criterion_group, criterion_main};
use media_core::jitter::ReorderBuffer;
use media_core::{dtmf, g711, resample::Resampler};
use std::hint::black_box;

fn speech_like(n: usize, rate: f64) -> Vec<i16> {
    (0..n)
        .map(|i| {
            let t = i as f64 / rate;
            let s = 0.4 * (2.0 * std::f64::consts::PI * 220.0 * t).sin()
                + 0.2 * (2.0 * std::f64::consts::PI * 1_170.0 * t).sin()
                + 0.1 * (2.0 * std::f64::consts::PI * 2_630.0 * t).sin();
            (s * 20_000.0) as i16
        })
        .collect()
}

fn g711_frames(c: &mut Criterion) {
    let pcm = speech_like(160, 8_000.0);
    let mut ulaw = Vec::new();
    g711::encode_ulaw(&pcm, &mut ulaw);
    let mut bytes = Vec::with_capacity(160);
    let mut samples = Vec::with_capacity(160);
    c.bench_function("g711/ulaw_encode_160", |b| {
        b.iter(|| {
            bytes.clear();
            g711::encode_ulaw(black_box(&pcm), &mut bytes);
            black_box(&bytes);
        })
    });
    c.bench_function("g711/ulaw_decode_160", |b| {
        b.iter(|| {
            samples.clear();
            g711::decode_ulaw(black_box(&ulaw), &mut samples);
            black_box(&samples);
        })
    });
    c.bench_function("g711/alaw_encode_160", |b| {
        b.iter(|| {
            bytes.clear();
            g711::encode_alaw(black_box(&pcm), &mut bytes);
            black_box(&bytes);
        })
    });
}

fn resample_frames(c: &mut Criterion) {
    for (from, to) in [(8_000, 16_000), (16_000, 8_000), (24_000, 16_000), (48_000, 8_000)] {
        let input = speech_like(from as usize / 50, f64::from(from));
        let mut r = Resampler::new(from, to).expect("supported pair");
        let mut out = Vec::with_capacity(2_000);
        c.bench_function(&format!("resample/{}k_to_{}k_20ms", from / 1000, to / 1000), |b| {
            b.iter(|| {
                out.clear();
                r.process(black_box(&input), &mut out);
                black_box(&out);
            })
        });
    }
}

fn reorder(c: &mut Criterion) {
    // One second of frames (50) with every other pair swapped, through a depth-4 buffer;
    // divide by 50 for the per-frame cost.
    let arrivals: Vec<u64> = (0..50u64)
        .map(|i| {
            if i % 4 == 1 {
                i + 1
            } else if i % 4 == 2 {
                i - 1
            } else {
                i
            }
        })
        .collect();
    c.bench_function("jitter/push_pop_50_frames_depth4", |b| {
        b.iter(|| {
            let mut buffer = ReorderBuffer::new(4);
            let mut released = 0u64;
            for &seq in &arrivals {
                buffer.push(black_box(seq), seq);
                while let Some(r) = buffer.pop() {
                    released += r.item;
                }
            }
            released += buffer.flush().map(|r| r.item).sum::<u64>();
            black_box(released)
        })
    });
}

fn dtmf_parse(c: &mut Criterion) {
    let payload = [0x05u8, 0x8A, 0x03, 0x20];
    c.bench_function("dtmf/parse", |b| b.iter(|| black_box(dtmf::parse(black_box(&payload)))));
}

/// The gateway's per-frame work on the passthrough path: parse a carrier's media frame, write
/// it to the bot, and the reverse for a bot frame.
fn frame_codecs(c: &mut Criterion) {
    use media_core::frames::{CommandWriter, Dialect, FrameRef, InboundWriter, parse_command, parse_inbound};
    let payload: Vec<u8> = (0..160).map(|i| (i * 7 % 256) as u8).collect();
    let mut carrier = InboundWriter::new(Dialect::Twilio, "MZ0123456789abcdef0123456789abcdef");
    let frame = carrier.media(1234, &payload);
    let text = frame.as_text().unwrap_or_default().to_owned();
    c.bench_function("twilio media frame: parse", |b| {
        b.iter(|| parse_inbound(Dialect::Twilio, FrameRef::Text(std::hint::black_box(&text))))
    });
    let mut to_bot = InboundWriter::new(Dialect::Twilio, "MZ0123456789abcdef0123456789abcdef");
    c.bench_function("twilio media frame: write to bot", |b| {
        b.iter(|| to_bot.media(std::hint::black_box(1234), std::hint::black_box(&payload)))
    });
    let commands = CommandWriter::new(Dialect::Twilio, "MZ0123456789abcdef0123456789abcdef");
    let bot_frame = commands.media(&payload);
    let bot_text = bot_frame.as_text().unwrap_or_default().to_owned();
    c.bench_function("bot media frame: parse + write to carrier", |b| {
        b.iter(|| {
            let command = parse_command(Dialect::Twilio, FrameRef::Text(std::hint::black_box(&bot_text)));
            match command {
                Ok(media_core::frames::Command::Media(audio)) => Some(commands.media(&audio)),
                _ => None,
            }
        })
    });
}

criterion_group!(benches, g711_frames, resample_frames, reorder, dtmf_parse, frame_codecs);
criterion_main!(benches);
