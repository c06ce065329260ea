//! G.711 against an independent reference: CPython 3.11's `audioop` (Sun's g711.c lineage),
//! plus a transcription of the ITU-T G.191 encoder, via fixtures written by
//! `tests/fixtures/gen_g711.py`. Every 16-bit input and every 8-bit code is compared.

use media_core::g711;

const LIN2ULAW: &[u8] = include_bytes!("fixtures/lin2ulaw.bin");
const LIN2ALAW: &[u8] = include_bytes!("fixtures/lin2alaw.bin");
const ULAW2LIN: &[u8] = include_bytes!("fixtures/ulaw2lin.bin");
const ALAW2LIN: &[u8] = include_bytes!("fixtures/alaw2lin.bin");

fn le_i16(bytes: &[u8]) -> Vec<i16> {
    bytes.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect()
}

fn inputs() -> impl Iterator<Item = (usize, i16)> {
    (i16::MIN..=i16::MAX).enumerate()
}

#[test]
fn fixtures_have_the_documented_sizes() {
    assert_eq!(LIN2ULAW.len(), 65536);
    assert_eq!(LIN2ALAW.len(), 65536);
    assert_eq!(ULAW2LIN.len(), 512);
    assert_eq!(ALAW2LIN.len(), 512);
}

#[test]
fn ulaw_decode_is_bit_exact_with_audioop() {
    let reference = le_i16(ULAW2LIN);
    for code in 0..=255u8 {
        assert_eq!(g711::ulaw_decode(code), reference[usize::from(code)], "code {code:#04x}");
    }
}

#[test]
fn alaw_decode_is_bit_exact_with_audioop() {
    let reference = le_i16(ALAW2LIN);
    for code in 0..=255u8 {
        assert_eq!(g711::alaw_decode(code), reference[usize::from(code)], "code {code:#04x}");
    }
}

#[test]
fn alaw_encode_is_bit_exact_with_audioop_for_every_input() {
    for (i, x) in inputs() {
        assert_eq!(g711::alaw_encode(x), LIN2ALAW[i], "input {x}");
    }
}

/// `audioop` computes the µ-law magnitude of a negative sample as `-(x >> 2)`; ITU-T G.191
/// (and so this crate) uses `!x >> 2`. Outside the inputs where that changes the code the two
/// agree exactly; where they differ ours must be the G.191 code and never decode further
/// from the input than `audioop`'s.
#[test]
fn ulaw_encode_matches_audioop_except_its_negative_rounding() {
    let mut differing = 0usize;
    for (i, x) in inputs() {
        let ours = g711::ulaw_encode(x);
        let theirs = LIN2ULAW[i];
        if ours == theirs {
            continue;
        }
        differing += 1;
        assert!(x < 0, "differs on non-negative input {x}");
        assert_eq!(ours, g191_ulaw(x), "input {x}");
        let err = |code: u8| (i32::from(g711::ulaw_decode(code)) - i32::from(x)).abs();
        assert!(err(ours) <= err(theirs), "input {x}: ours {ours:#04x} theirs {theirs:#04x}");
    }
    // gen_g711.py prints the same count when it compares audioop with its own G.191 copy.
    assert_eq!(differing, 508);
}

#[test]
fn ulaw_encode_is_bit_exact_with_g191_for_every_input() {
    for (_, x) in inputs() {
        assert_eq!(g711::ulaw_encode(x), g191_ulaw(x), "input {x}");
    }
}

#[test]
fn slice_helpers_agree_with_the_reference_tables() {
    let all: Vec<i16> = (i16::MIN..=i16::MAX).collect();
    let mut alaw = Vec::new();
    g711::encode_alaw(&all, &mut alaw);
    assert_eq!(alaw, LIN2ALAW);

    let codes: Vec<u8> = (0..=255).collect();
    let mut pcm = Vec::new();
    g711::decode_ulaw(&codes, &mut pcm);
    g711::decode_alaw(&codes, &mut pcm);
    let mut expected = le_i16(ULAW2LIN);
    expected.extend(le_i16(ALAW2LIN));
    assert_eq!(pcm, expected);
}

/// ITU-T G.191 STL `ulaw_compress`, transcribed loop-for-loop from the C (independent of the
/// bit arithmetic in `g711.rs`; `gen_g711.py` holds the same transcription in Python).
fn g191_ulaw(x: i16) -> u8 {
    let x = i32::from(x);
    let absno = if x < 0 { ((!x) >> 2) + 33 } else { (x >> 2) + 33 }.min(0x1FFF);
    let mut i = absno >> 6;
    let mut segno = 1;
    while i != 0 {
        segno += 1;
        i >>= 1;
    }
    let high = 0x0008 - segno;
    let low = 0x000F - ((absno >> segno) & 0x000F);
    let mut out = (high << 4) | low;
    if x >= 0 {
        out |= 0x0080;
    }
    u8::try_from(out).expect("G.191 codes fit a byte")
}
