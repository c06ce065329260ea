//! The gateway's counters: cheap atomics that tests and operators read (not yet exported to
//! Prometheus).

use std::sync::atomic::{AtomicU64, Ordering};

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    /// Streams admitted.
    Admitted,
    /// Streams refused (bad token, replay, not configured, no start).
    Refused,
    /// Disclosures confirmed played in full.
    Disclosed,
    /// Disclosures cut short by the caller hanging up.
    DisclosureCut,
    /// Caller media frames passed to bots.
    CarrierFrames,
    /// Bot media messages received.
    BotFrames,
    /// Barge-in clears.
    Clears,
}

/// Counters, plus the number of live streams.
#[derive(Debug, Default)]
pub struct Stats {
    counters: [AtomicU64; 7],
    live: AtomicU64,
}

impl Stats {
    /// Adds one.
    pub fn bump(&self, stat: Stat) {
        self.counters[stat as usize].fetch_add(1, Ordering::Relaxed);
    }

    /// The current value.
    pub fn get(&self, stat: Stat) -> u64 {
        self.counters[stat as usize].load(Ordering::Relaxed)
    }

    /// Streams running now.
    pub fn live_streams(&self) -> u64 {
        self.live.load(Ordering::Relaxed)
    }

    /// Counts a stream as live until the guard drops.
    pub fn live(&self) -> LiveGuard<'_> {
        self.live.fetch_add(1, Ordering::Relaxed);
        LiveGuard(&self.live)
    }
}

/// Decrements the live count on drop.
#[derive(Debug)]
pub struct LiveGuard<'a>(&'a AtomicU64);

impl Drop for LiveGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}
