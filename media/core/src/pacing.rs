//! Sending outbound audio to a carrier at real-time pace, with playback markers in line.
//!
//! Bots and TTS produce audio in bursts (seconds at once); carriers want 20 ms frames about
//! every 20 ms, and Twilio-style `mark` messages must follow exactly the audio before them.
//! [`FrameQueue`] cuts arbitrary byte chunks into frames and keeps marks in place;
//! [`Pacer`] says when the next frame is due. Both are sans-IO: the caller passes `now` as a
//! [`Duration`] since the stream started and sleeps until [`Pacer::next_deadline`].

use std::collections::VecDeque;

use bytes::Bytes;
use std::time::Duration;
use thiserror::Error;

/// How far behind schedule the sender may fall and still catch up by sending the missed
/// frames back to back. Three frames (60 ms) is what a carrier's receive buffer absorbs
/// without clipping; beyond that a burst would arrive faster than it plays, so the schedule
/// restarts from `now` instead.
pub const DEFAULT_MAX_LAG_FRAMES: u32 = 3;

/// Default cap on queued outbound audio: a whole bot turn fits, a runaway producer does not.
pub const DEFAULT_MAX_QUEUED: Duration = Duration::from_secs(60);

/// Why a frame format or a push was refused; typed so the gateway can end the leg cleanly.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PacingError {
    /// Frames need at least one byte and at least 1 ms.
    #[error("invalid frame format: {bytes} bytes per {duration:?}")]
    InvalidFormat {
        /// Bytes per frame asked for.
        bytes: usize,
        /// Frame duration asked for.
        duration: Duration,
    },
    /// The push would take the queue past its cap; nothing from it was queued.
    #[error("outbound queue full: {queued_ms} ms queued, limit {limit_ms} ms")]
    QueueFull {
        /// Audio already queued.
        queued_ms: u64,
        /// The configured cap.
        limit_ms: u64,
    },
}

/// Whether a send kept the schedule; exists so the gateway can count resyncs (a sign the
/// sending task is starved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// The next deadline is one frame after this frame's deadline.
    OnSchedule,
    /// The sender was more than the allowed lag behind; the schedule restarted from `now`.
    Resynced {
        /// How late this frame was against its deadline.
        behind: Duration,
    },
}

/// A 20 ms (or any period) send schedule, driven by the caller's clock.
#[derive(Debug, Clone)]
pub struct Pacer {
    frame: Duration,
    next: Duration,
    max_lag: Duration,
    lead: Duration,
}

impl Pacer {
    /// A schedule whose first frame is due at `start`; `frame` below 1 µs is taken as 1 µs.
    #[must_use]
    pub fn new(frame: Duration, start: Duration) -> Self {
        let frame = frame.max(Duration::from_micros(1));
        Self { frame, next: start, max_lag: frame * DEFAULT_MAX_LAG_FRAMES, lead: Duration::ZERO }
    }

    /// Lets a frame go up to `lead` before its deadline. A producer that already runs at real
    /// time (a bot streaming as it speaks) then never waits on a timer for arrival jitter, and
    /// the receiver's buffer holds at most `lead` more audio than it would otherwise; the
    /// schedule itself is unchanged, so a burst still leaves at one frame per period.
    #[must_use]
    pub fn with_lead(mut self, lead: Duration) -> Self {
        self.lead = lead;
        self
    }

    /// Overrides [`DEFAULT_MAX_LAG_FRAMES`].
    #[must_use]
    pub fn with_max_lag_frames(mut self, frames: u32) -> Self {
        self.max_lag = self.frame * frames;
        self
    }

    /// Whether a frame may be sent at `now`.
    #[must_use]
    pub fn due(&self, now: Duration) -> bool {
        now + self.lead >= self.next
    }

    /// When the next frame may go (its deadline less the lead); the caller sleeps until then.
    #[must_use]
    pub fn next_deadline(&self) -> Duration {
        self.next.saturating_sub(self.lead)
    }

    /// Records that a frame went out at `now` and advances the schedule by one frame, or
    /// restarts it from `now` if the sender had fallen more than the allowed lag behind.
    pub fn sent(&mut self, now: Duration) -> Sent {
        let behind = now.saturating_sub(self.next);
        if behind > self.max_lag {
            self.next = now + self.frame;
            Sent::Resynced { behind }
        } else {
            self.next += self.frame;
            Sent::OnSchedule
        }
    }

    /// Restarts the schedule with a frame due at `now`: after the queue ran dry, new audio
    /// starts promptly instead of bursting to "catch up" on the silence.
    pub fn reset(&mut self, now: Duration) {
        self.next = now;
    }
}

/// The byte layout of outbound frames: their size, duration, and the byte that means silence
/// (for padding the last partial frame of an utterance).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameFormat {
    bytes: usize,
    duration: Duration,
    silence: u8,
}

impl FrameFormat {
    /// 20 ms of 8 kHz µ-law (Twilio, Telnyx PCMU).
    pub const ULAW_8K: Self = Self { bytes: 160, duration: Duration::from_millis(20), silence: 0xFF };
    /// 20 ms of 8 kHz A-law.
    pub const ALAW_8K: Self = Self { bytes: 160, duration: Duration::from_millis(20), silence: 0xD5 };
    /// 20 ms of 8 kHz 16-bit linear.
    pub const L16_8K: Self = Self { bytes: 320, duration: Duration::from_millis(20), silence: 0 };
    /// 20 ms of 16 kHz 16-bit linear (Vonage wideband).
    pub const L16_16K: Self = Self { bytes: 640, duration: Duration::from_millis(20), silence: 0 };

    /// Any other layout; refuses empty frames and frames under 1 ms.
    pub fn new(bytes: usize, duration: Duration, silence: u8) -> Result<Self, PacingError> {
        if bytes == 0 || duration < Duration::from_millis(1) {
            return Err(PacingError::InvalidFormat { bytes, duration });
        }
        Ok(Self { bytes, duration, silence })
    }

    /// Bytes per frame.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Duration of one frame.
    #[must_use]
    pub fn duration(&self) -> Duration {
        self.duration
    }

    fn ms_for(&self, bytes: usize) -> u64 {
        let micros = bytes as u128 * self.duration.as_micros() / self.bytes as u128;
        u64::try_from(micros / 1000).unwrap_or(u64::MAX)
    }
}

/// What [`FrameQueue::pop_due`] hands the sender: marks to send first, then the frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Due {
    /// Marks queued before this frame (or trailing marks with no audio after them).
    pub marks: Vec<String>,
    /// One full frame, or `None` when only marks were released.
    pub audio: Option<Bytes>,
}

/// What [`FrameQueue::clear`] discarded: the marks (the bot expects them echoed back when a
/// barge-in clears its audio) and how much audio was dropped, for the transcript timing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleared {
    /// Marks that had not been sent, in order.
    pub marks: Vec<String>,
    /// Audio dropped, in milliseconds.
    pub dropped_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Queued {
    Audio(Bytes),
    Mark(String),
}

/// Outbound audio cut into exact frames, with marks interleaved where they were pushed.
#[derive(Debug, Clone)]
pub struct FrameQueue {
    format: FrameFormat,
    items: VecDeque<Queued>,
    /// Bytes waiting for the rest of a frame.
    partial: Vec<u8>,
    audio_frames: usize,
    limit_bytes: usize,
    /// The last poll found no audio: the next frame restarts the pacer.
    idle: bool,
}

impl FrameQueue {
    /// An empty queue holding at most `max_queued` of audio (see [`DEFAULT_MAX_QUEUED`]).
    #[must_use]
    pub fn new(format: FrameFormat, max_queued: Duration) -> Self {
        let frames = max_queued.as_micros() / format.duration.as_micros().max(1);
        let limit_bytes = usize::try_from(frames).unwrap_or(usize::MAX).saturating_mul(format.bytes);
        Self {
            format,
            items: VecDeque::new(),
            partial: Vec::with_capacity(format.bytes),
            audio_frames: 0,
            limit_bytes,
            idle: true,
        }
    }

    /// The frame layout, for building the outbound message.
    #[must_use]
    pub fn format(&self) -> FrameFormat {
        self.format
    }

    /// Appends audio of any length; whole frames are queued and the remainder waits for the
    /// next push (or a mark, or [`pad_partial`](Self::pad_partial)). A push that would pass
    /// the cap is refused whole.
    pub fn push_audio(&mut self, mut bytes: &[u8]) -> Result<(), PacingError> {
        self.check_room(bytes.len())?;
        let size = self.format.bytes;
        if !self.partial.is_empty() {
            let take = (size - self.partial.len()).min(bytes.len());
            self.partial.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.partial.len() == size {
                let frame = std::mem::replace(&mut self.partial, Vec::with_capacity(size));
                self.push_frame(frame.into());
            }
        }
        let mut chunks = bytes.chunks_exact(size);
        for chunk in &mut chunks {
            self.push_frame(Bytes::copy_from_slice(chunk));
        }
        self.partial.extend_from_slice(chunks.remainder());
        Ok(())
    }

    /// [`push_audio`](Self::push_audio) for audio shared between streams (a prompt): whole
    /// frames are queued as views of `audio`, so a thousand calls playing the same recording
    /// hold one copy of it.
    pub fn push_shared(&mut self, audio: &Bytes) -> Result<(), PacingError> {
        if !self.partial.is_empty() {
            return self.push_audio(audio);
        }
        self.check_room(audio.len())?;
        let size = self.format.bytes;
        let whole = audio.len() - audio.len() % size;
        for at in (0..whole).step_by(size) {
            self.push_frame(audio.slice(at..at + size));
        }
        self.partial.extend_from_slice(&audio[whole..]);
        Ok(())
    }

    /// Queues a mark after the audio pushed so far. A partial frame before it is padded with
    /// silence so the mark falls exactly where the audio ends.
    pub fn push_mark(&mut self, name: impl Into<String>) {
        self.pad_partial();
        self.items.push_back(Queued::Mark(name.into()));
    }

    /// Completes a waiting partial frame with silence; for the end of an utterance that is
    /// not followed by a mark.
    pub fn pad_partial(&mut self) {
        if !self.partial.is_empty() {
            let mut frame = std::mem::replace(&mut self.partial, Vec::with_capacity(self.format.bytes));
            frame.resize(self.format.bytes, self.format.silence);
            self.push_frame(frame.into());
        }
    }

    /// The next thing to send at `now`, if any: the next frame when the pacer says it is due
    /// (with the marks queued before it), or at once any marks with no audio after them.
    /// Advances `pacer` when a frame is released, and restarts it when audio arrives after the
    /// queue had run dry.
    pub fn pop_due(&mut self, pacer: &mut Pacer, now: Duration) -> Option<Due> {
        if self.audio_frames == 0 {
            self.idle = true;
            if self.items.is_empty() {
                return None;
            }
            let marks = self.items.drain(..).filter_map(|item| match item {
                Queued::Mark(name) => Some(name),
                Queued::Audio(_) => None,
            });
            return Some(Due { marks: marks.collect(), audio: None });
        }
        if self.idle {
            pacer.reset(now);
            self.idle = false;
        }
        if !pacer.due(now) {
            return None;
        }
        let mut due = Due::default();
        while let Some(item) = self.items.pop_front() {
            match item {
                Queued::Mark(name) => due.marks.push(name),
                Queued::Audio(frame) => {
                    self.audio_frames -= 1;
                    pacer.sent(now);
                    due.audio = Some(frame);
                    break;
                }
            }
        }
        Some(due)
    }

    /// Drops all queued audio and marks (a barge-in or a bot's `clear`), returning the marks
    /// and how much audio went.
    pub fn clear(&mut self) -> Cleared {
        let dropped_ms = self.queued_ms();
        let marks = self.items.drain(..).filter_map(|item| match item {
            Queued::Mark(name) => Some(name),
            Queued::Audio(_) => None,
        });
        let cleared = Cleared { marks: marks.collect(), dropped_ms };
        self.partial.clear();
        self.audio_frames = 0;
        self.idle = true;
        cleared
    }

    /// Audio waiting to be sent, including a partial frame, in milliseconds.
    #[must_use]
    pub fn queued_ms(&self) -> u64 {
        self.format.ms_for(self.queued_bytes())
    }

    /// Whether nothing (audio, partial audio or marks) is waiting.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.partial.is_empty()
    }

    /// Whether a whole frame or a mark is waiting: what a sender should wake for. A partial
    /// frame alone waits for more audio or a mark (which pads it), so this is false for it.
    #[must_use]
    pub fn has_sendable(&self) -> bool {
        !self.items.is_empty()
    }

    /// Refuses a push of `len` bytes that would take the queue past its cap.
    fn check_room(&self, len: usize) -> Result<(), PacingError> {
        let queued = self.queued_bytes();
        if queued.saturating_add(len) > self.limit_bytes {
            return Err(PacingError::QueueFull {
                queued_ms: self.format.ms_for(queued),
                limit_ms: self.format.ms_for(self.limit_bytes),
            });
        }
        Ok(())
    }

    fn queued_bytes(&self) -> usize {
        self.audio_frames * self.format.bytes + self.partial.len()
    }

    fn push_frame(&mut self, frame: Bytes) {
        self.audio_frames += 1;
        self.items.push_back(Queued::Audio(frame));
    }
}

#[cfg(test)]
#[path = "pacing_tests.rs"]
mod tests;
