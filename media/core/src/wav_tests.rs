//! WAV reader tests on files assembled byte by byte here.

use super::*;

/// A RIFF/WAVE file from chunks, with a pad byte after odd-sized bodies.
fn riff(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut body = b"WAVE".to_vec();
    for (id, data) in chunks {
        body.extend_from_slice(*id);
        body.extend_from_slice(&(data.len() as u32).to_le_bytes());
        body.extend_from_slice(data);
        if data.len() % 2 == 1 {
            body.push(0);
        }
    }
    let mut file = b"RIFF".to_vec();
    file.extend_from_slice(&(body.len() as u32).to_le_bytes());
    file.extend(body);
    file
}

fn fmt(tag: u16, channels: u16, rate: u32, bits: u16) -> Vec<u8> {
    let align = channels * bits / 8;
    let mut f = Vec::new();
    f.extend_from_slice(&tag.to_le_bytes());
    f.extend_from_slice(&channels.to_le_bytes());
    f.extend_from_slice(&rate.to_le_bytes());
    f.extend_from_slice(&(rate * u32::from(align)).to_le_bytes());
    f.extend_from_slice(&align.to_le_bytes());
    f.extend_from_slice(&bits.to_le_bytes());
    f
}

fn extensible(sub_tag: u16, channels: u16, rate: u32, bits: u16) -> Vec<u8> {
    let mut f = fmt(FORMAT_EXTENSIBLE, channels, rate, bits);
    f.extend_from_slice(&22u16.to_le_bytes()); // cbSize
    f.extend_from_slice(&bits.to_le_bytes()); // valid bits
    f.extend_from_slice(&(if channels == 2 { 3u32 } else { 4u32 }).to_le_bytes()); // channel mask
    f.extend_from_slice(&sub_tag.to_le_bytes());
    f.extend_from_slice(&SUBFORMAT_SUFFIX);
    f
}

fn le(samples: &[i16]) -> Vec<u8> {
    samples.iter().flat_map(|s| s.to_le_bytes()).collect()
}

#[test]
fn pcm16_round_trips_through_write_and_parse() {
    let samples: Vec<i16> = (0..8000).map(|i| ((i * 37) % 65_536 - 32_768) as i16).collect();
    let file = write_pcm16(16_000, &samples);
    assert_eq!(file.len(), 44 + 16_000);
    assert_eq!(&file[..4], b"RIFF");
    let pcm = parse(&file).unwrap();
    assert_eq!(pcm, Pcm { rate: 16_000, samples });
    assert_eq!(pcm.duration_ms(), 500);
}

#[test]
fn mu_law_and_a_law_files_are_decoded_with_g711() {
    let codes: Vec<u8> = (0..=255).collect();
    let ulaw = parse(&riff(&[(b"fmt ", fmt(7, 1, 8000, 8)), (b"data", codes.clone())])).unwrap();
    assert_eq!(ulaw.rate, 8000);
    assert_eq!(ulaw.samples, codes.iter().map(|&c| g711::ulaw_decode(c)).collect::<Vec<_>>());
    let alaw = parse(&riff(&[(b"fmt ", fmt(6, 1, 8000, 8)), (b"data", codes.clone())])).unwrap();
    assert_eq!(alaw.samples, codes.iter().map(|&c| g711::alaw_decode(c)).collect::<Vec<_>>());
}

#[test]
fn extensible_pcm_and_mu_law_are_unwrapped() {
    let file = riff(&[(b"fmt ", extensible(1, 1, 24_000, 16)), (b"data", le(&[1, -2, 3]))]);
    assert_eq!(parse(&file).unwrap(), Pcm { rate: 24_000, samples: vec![1, -2, 3] });
    let file = riff(&[(b"fmt ", extensible(7, 1, 8_000, 8)), (b"data", vec![0xFF, 0x80])]);
    assert_eq!(parse(&file).unwrap().samples, vec![0, 32124]);
}

#[test]
fn extensible_with_a_foreign_guid_or_float_is_unsupported() {
    let mut f = extensible(1, 1, 8000, 16);
    f[30] ^= 0xFF; // corrupt the GUID suffix
    let err = parse(&riff(&[(b"fmt ", f), (b"data", le(&[0]))])).unwrap_err();
    assert!(matches!(err, WavError::Unsupported { tag: FORMAT_EXTENSIBLE, .. }), "{err:?}");
    let float = riff(&[(b"fmt ", extensible(3, 1, 8000, 32)), (b"data", vec![0; 8])]);
    assert!(matches!(parse(&float), Err(WavError::Unsupported { tag: 3, bits: 32, .. })));
}

#[test]
fn stereo_is_downmixed_to_the_channel_mean() {
    let frames = le(&[1000, 3000, -32768, -32768, 32767, 32767, -1, 0, 100, -100]);
    let pcm = parse(&riff(&[(b"fmt ", fmt(1, 2, 48_000, 16)), (b"data", frames)])).unwrap();
    assert_eq!(pcm.samples, vec![2000, -32768, 32767, -1, 0]);
    let ulaw_stereo = riff(&[(b"fmt ", fmt(7, 2, 8000, 8)), (b"data", vec![0x80, 0xFF])]);
    assert_eq!(parse(&ulaw_stereo).unwrap().samples, vec![32124 / 2]);
}

#[test]
fn unknown_and_odd_sized_chunks_are_skipped() {
    let file = riff(&[
        (b"LIST", b"INFOISFT\x05\x00\x00\x00Lavf\x00".to_vec()),
        (b"junk", vec![9; 3]), // odd: followed by a pad byte
        (b"fmt ", fmt(1, 1, 8000, 16)),
        (b"fact", 2u32.to_le_bytes().to_vec()),
        (b"data", le(&[5, 6])),
        (b"id3 ", vec![1; 7]),
    ]);
    assert_eq!(parse(&file).unwrap().samples, vec![5, 6]);
}

#[test]
fn a_truncated_data_chunk_is_an_error() {
    let mut file = riff(&[(b"fmt ", fmt(1, 1, 8000, 16)), (b"data", le(&[1, 2, 3, 4]))]);
    file.truncate(file.len() - 3);
    assert_eq!(parse(&file), Err(WavError::Truncated { chunk: "data".into(), declared: 8, available: 5 }));
    // A streaming writer's placeholder size is refused the same way.
    let mut streaming = riff(&[(b"fmt ", fmt(1, 1, 8000, 16)), (b"data", le(&[1, 2]))]);
    let at = streaming.len() - 8;
    streaming[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(parse(&streaming), Err(WavError::Truncated { .. })));
}

#[test]
fn trailing_junk_after_a_complete_file_is_tolerated() {
    let mut file = riff(&[(b"fmt ", fmt(1, 1, 8000, 16)), (b"data", le(&[7]))]);
    file.extend_from_slice(b"LIST\xFF\x00\x00\x00abc"); // cut-off trailing chunk
    assert_eq!(parse(&file).unwrap().samples, vec![7]);
    file.extend_from_slice(b"xyz"); // fewer than 8 bytes: not even a header
    assert_eq!(parse(&file).unwrap().samples, vec![7]);
}

#[test]
fn garbage_and_half_files_are_typed_errors() {
    assert_eq!(parse(b""), Err(WavError::NotRiff));
    assert_eq!(parse(b"RIFF"), Err(WavError::NotRiff));
    assert_eq!(parse(b"RIFX\x00\x00\x00\x00WAVEfmt "), Err(WavError::NotRiff));
    assert_eq!(parse(b"RIFF\x04\x00\x00\x00AVI "), Err(WavError::NotRiff));
    assert_eq!(parse(&(0..=255).collect::<Vec<u8>>()), Err(WavError::NotRiff));
    assert_eq!(parse(&riff(&[(b"data", le(&[1]))])), Err(WavError::BadFormatChunk));
    assert_eq!(parse(&riff(&[(b"fmt ", fmt(1, 1, 8000, 16))])), Err(WavError::NoData));
    assert_eq!(parse(&riff(&[(b"fmt ", fmt(1, 1, 8000, 16)), (b"data", vec![1])])), Err(WavError::NoData));
    assert_eq!(parse(&riff(&[(b"fmt ", vec![1, 0, 1, 0]), (b"data", le(&[1]))])), Err(WavError::BadFormatChunk));
    let mut bad_align = fmt(1, 1, 8000, 16);
    bad_align[12] = 3;
    assert_eq!(parse(&riff(&[(b"fmt ", bad_align), (b"data", le(&[1]))])), Err(WavError::BadFormatChunk));
}

#[test]
fn unsupported_layouts_say_what_they_were() {
    let cases: [(u16, u16, u32, u16); 6] =
        [(1, 1, 8000, 8), (1, 1, 8000, 24), (1, 3, 8000, 16), (1, 1, 0, 16), (2, 1, 8000, 4), (85, 1, 8000, 16)];
    for (tag, channels, rate, bits) in cases {
        let data = vec![0; usize::from(channels * bits.div_ceil(8)) * 4];
        let err = parse(&riff(&[(b"fmt ", fmt(tag, channels, rate, bits)), (b"data", data)])).unwrap_err();
        assert_eq!(err, WavError::Unsupported { tag, bits, channels, rate });
    }
}

#[test]
fn prompts_longer_than_five_minutes_are_refused() {
    let rate = 1000u32; // a low rate keeps the test file small: 300 s = 300,000 samples
    let at_limit = vec![0i16; (rate as usize) * MAX_SECONDS as usize];
    assert_eq!(parse(&write_pcm16(rate, &at_limit)).unwrap().duration_ms(), MAX_SECONDS * 1000);
    let over = vec![0i16; at_limit.len() + 1];
    assert_eq!(parse(&write_pcm16(rate, &over)), Err(WavError::TooLong { seconds: 300, limit: MAX_SECONDS }));
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256)) {
        let mut file = b"RIFF\x00\x00\x00\x00WAVE".to_vec();
        file.extend_from_slice(&tail);
        let _ = parse(&file);
        let mut with_fmt = riff(&[(b"fmt ", fmt(1, 2, 8000, 16))]);
        with_fmt.extend_from_slice(&tail);
        let _ = parse(&with_fmt);
    }
}
