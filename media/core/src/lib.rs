//! Pure media for the gateway: codecs, resampling, reordering, pacing, DTMF, prompts and the
//! carriers' websocket dialects. No sockets, no clocks: callers pass `now` and bytes.

pub mod dtmf;
pub mod frames;
pub mod g711;
pub mod jitter;
#[cfg(feature = "opus")]
pub mod opus;
pub mod pacing;
pub mod resample;
pub mod wav;
