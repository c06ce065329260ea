//! Pacer and frame-queue tests, driven by a simulated clock.

use super::*;

const FRAME: Duration = Duration::from_millis(20);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn queue() -> FrameQueue {
    FrameQueue::new(FrameFormat::ULAW_8K, DEFAULT_MAX_QUEUED)
}

/// Polls like a sender task: at `now`, send everything due.
fn poll(q: &mut FrameQueue, pacer: &mut Pacer, now: Duration) -> Vec<Due> {
    std::iter::from_fn(|| q.pop_due(pacer, now)).collect()
}

#[test]
fn pacer_releases_one_frame_per_period() {
    let mut p = Pacer::new(FRAME, ms(100));
    assert!(!p.due(ms(99)));
    assert!(p.due(ms(100)));
    assert_eq!(p.sent(ms(100)), Sent::OnSchedule);
    assert_eq!(p.next_deadline(), ms(120));
    assert!(!p.due(ms(119)));
    assert!(p.due(ms(120)));
}

#[test]
fn pacer_catches_up_a_small_lag_but_resyncs_a_large_one() {
    let mut p = Pacer::new(FRAME, Duration::ZERO);
    // 50 ms late (2.5 frames): send back to back until on schedule again.
    let now = ms(50);
    let mut burst = 0;
    while p.due(now) {
        assert_eq!(p.sent(now), Sent::OnSchedule);
        burst += 1;
    }
    assert_eq!(burst, 3, "frames due at 0, 20 and 40 ms");
    assert_eq!(p.next_deadline(), ms(60));

    // 200 ms late: one frame now, then the schedule restarts from now.
    let now = ms(260);
    assert_eq!(p.sent(now), Sent::Resynced { behind: ms(200) });
    assert_eq!(p.next_deadline(), ms(280));
    assert!(!p.due(now));
}

#[test]
fn a_lead_lets_real_time_audio_through_early_but_keeps_a_burst_paced() {
    let mut p = Pacer::new(FRAME, ms(100)).with_lead(FRAME);
    // A real-time producer's frame arriving a little early goes at once.
    assert!(p.due(ms(81)));
    assert!(!p.due(ms(79)));
    assert_eq!(p.next_deadline(), ms(80));
    assert_eq!(p.sent(ms(81)), Sent::OnSchedule);
    assert_eq!(p.next_deadline(), ms(100), "the schedule is unchanged: next at 120 less the lead");
    // A burst at 81 ms: one more frame (within the lead), then the pacer waits.
    assert!(p.due(ms(100)));
    p.sent(ms(100));
    assert!(!p.due(ms(100)));
    // Through a queue: a 200 ms burst leaves two frames at once and the rest one per period.
    let mut q = queue();
    let mut pacer = Pacer::new(FRAME, Duration::ZERO).with_lead(FRAME);
    q.push_audio(&[0x55; 1600]).expect("push");
    assert_eq!(poll(&mut q, &mut pacer, ms(0)).len(), 2);
    assert_eq!(poll(&mut q, &mut pacer, ms(19)).len(), 0);
    assert_eq!(poll(&mut q, &mut pacer, ms(20)).len(), 1);
}

#[test]
fn pacer_lag_limit_is_configurable_and_reset_restarts_promptly() {
    let mut p = Pacer::new(FRAME, Duration::ZERO).with_max_lag_frames(0);
    assert!(matches!(p.sent(ms(1)), Sent::Resynced { .. }));
    p.reset(ms(500));
    assert!(p.due(ms(500)));
    assert_eq!(p.next_deadline(), ms(500));
}

#[test]
fn audio_of_any_length_is_cut_into_exact_frames_in_order() {
    let mut q = queue();
    let stream: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
    for chunk in [&stream[..100], &stream[100..400], &stream[400..407], &stream[407..]] {
        q.push_audio(chunk).unwrap();
    }
    assert_eq!(q.queued_ms(), 125, "1000 bytes of 8 kHz µ-law");
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    let mut sent = Vec::new();
    for tick in 0..20 {
        for due in poll(&mut q, &mut pacer, ms(tick * 20)) {
            let frame = due.audio.expect("audio only");
            assert_eq!(frame.len(), 160);
            sent.extend(frame);
        }
    }
    assert_eq!(sent, stream[..960], "six whole frames; 40 bytes wait for more");
    assert_eq!(q.queued_ms(), 5);
    assert!(!q.is_empty());
}

#[test]
fn a_mark_pads_the_partial_frame_and_follows_its_audio() {
    let mut q = queue();
    q.push_audio(&[1; 200]).unwrap();
    q.push_mark("greeting-done");
    q.push_audio(&[2; 160]).unwrap();
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);

    let first = poll(&mut q, &mut pacer, ms(0));
    assert_eq!(first.len(), 1);
    assert!(first[0].marks.is_empty());
    assert_eq!(first[0].audio.as_deref(), Some(&[1u8; 160][..]));

    let second = poll(&mut q, &mut pacer, ms(20));
    let padded = second[0].audio.clone().unwrap();
    assert_eq!(&padded[..40], &[1; 40]);
    assert!(padded[40..].iter().all(|&b| b == 0xFF), "µ-law silence");
    assert!(second[0].marks.is_empty());

    let third = poll(&mut q, &mut pacer, ms(40));
    assert_eq!(third[0].marks, ["greeting-done"]);
    assert_eq!(third[0].audio.as_deref(), Some(&[2u8; 160][..]));
}

#[test]
fn trailing_marks_are_released_without_waiting_for_a_deadline() {
    let mut q = queue();
    q.push_audio(&[0; 160]).unwrap();
    q.push_mark("end");
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    let out = poll(&mut q, &mut pacer, ms(0));
    assert_eq!(out.len(), 2);
    assert!(out[0].audio.is_some());
    assert_eq!(out[1], Due { marks: vec!["end".into()], audio: None });
    assert!(q.is_empty());
}

#[test]
fn frames_go_out_at_real_time_pace_without_bursts() {
    let mut q = queue();
    q.push_audio(&vec![0; 160 * 50]).unwrap(); // one second at once
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    let mut send_times = Vec::new();
    for t in (1000..3000).step_by(1) {
        for due in poll(&mut q, &mut pacer, ms(t)) {
            if due.audio.is_some() {
                send_times.push(t);
            }
        }
    }
    assert_eq!(send_times.len(), 50);
    assert_eq!(send_times[0], 1000, "first frame starts at once, not at the stale start time");
    assert!(send_times.windows(2).all(|w| w[1] - w[0] == 20), "{send_times:?}");
}

#[test]
fn audio_after_silence_starts_promptly_instead_of_catching_up() {
    let mut q = queue();
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    q.push_audio(&[0; 160]).unwrap();
    assert_eq!(poll(&mut q, &mut pacer, ms(0)).len(), 1);
    assert!(poll(&mut q, &mut pacer, ms(20)).is_empty(), "queue ran dry");
    // Five seconds later the bot speaks again: one frame now, the next 20 ms later.
    q.push_audio(&[0; 480]).unwrap();
    assert_eq!(poll(&mut q, &mut pacer, ms(5000)).len(), 1);
    assert!(poll(&mut q, &mut pacer, ms(5019)).is_empty());
    assert_eq!(poll(&mut q, &mut pacer, ms(5020)).len(), 1);
}

#[test]
fn clear_returns_pending_marks_and_dropped_audio() {
    let mut q = queue();
    q.push_audio(&[0; 400]).unwrap();
    q.push_mark("a");
    q.push_audio(&[0; 100]).unwrap();
    let cleared = q.clear();
    // 400 bytes padded to 480 before the mark, then 100 waiting: 580 bytes = 72 ms.
    assert_eq!(cleared, Cleared { marks: vec!["a".into()], dropped_ms: 72 });
    assert!(q.is_empty());
    assert_eq!(q.queued_ms(), 0);
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    assert!(poll(&mut q, &mut pacer, ms(0)).is_empty());
}

#[test]
fn the_queue_refuses_audio_past_its_cap() {
    let mut q = FrameQueue::new(FrameFormat::L16_16K, Duration::from_millis(100));
    q.push_audio(&[0; 640 * 4]).unwrap();
    let err = q.push_audio(&[0; 641]).unwrap_err();
    assert_eq!(err, PacingError::QueueFull { queued_ms: 80, limit_ms: 100 });
    assert_eq!(q.queued_ms(), 80, "the refused push left nothing behind");
    q.push_audio(&[0; 640]).unwrap();
}

#[test]
fn frame_formats_are_validated() {
    assert!(FrameFormat::new(0, FRAME, 0).is_err());
    assert!(FrameFormat::new(160, Duration::from_micros(500), 0).is_err());
    let f = FrameFormat::new(240, Duration::from_millis(30), 0xFF).unwrap();
    assert_eq!((f.bytes(), f.duration()), (240, Duration::from_millis(30)));
    assert_eq!(FrameFormat::L16_8K.bytes(), 320);
    assert_eq!(FrameFormat::ALAW_8K.silence, crate::g711::ALAW_SILENCE);
    assert_eq!(FrameFormat::ULAW_8K.silence, crate::g711::ULAW_SILENCE);
    assert_eq!(queue().format(), FrameFormat::ULAW_8K);
}

#[test]
fn shared_audio_is_queued_as_views_of_one_buffer() {
    let prompt = Bytes::from((0..1000u32).map(|i| (i % 251) as u8).collect::<Vec<u8>>());
    let mut q = queue();
    q.push_shared(&prompt).unwrap();
    q.push_mark("prompt-done");
    let mut pacer = Pacer::new(FRAME, Duration::ZERO);
    let mut sent = Vec::new();
    let mut marks = Vec::new();
    for tick in 0..10 {
        for due in poll(&mut q, &mut pacer, ms(tick * 20)) {
            marks.extend(due.marks);
            if let Some(frame) = due.audio {
                if sent.len() < 960 {
                    let offset = frame.as_ptr() as usize - prompt.as_ptr() as usize;
                    assert_eq!(offset, sent.len(), "whole frames point into the prompt, not at copies");
                }
                sent.extend(frame);
            }
        }
    }
    assert_eq!(&sent[..1000], &prompt[..]);
    assert!(sent[1000..].iter().all(|&b| b == 0xFF), "the last 40 bytes padded with silence");
    assert_eq!(marks, ["prompt-done"]);

    // After a partial push the frame boundaries are the queue's, so the audio is copied.
    let mut q = queue();
    q.push_audio(&[7; 10]).unwrap();
    q.push_shared(&prompt).unwrap();
    assert_eq!(q.queued_ms(), 126, "1010 bytes");
    let limit = FrameQueue::new(FrameFormat::ULAW_8K, ms(100));
    let mut limit = limit;
    assert!(matches!(limit.push_shared(&prompt), Err(PacingError::QueueFull { .. })));
    assert!(limit.is_empty(), "a refused push queues nothing");
}
