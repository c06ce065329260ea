//! The gateway's counters: cheap atomics on the hot path, rendered in Prometheus' text format
//! for the server's `/metrics`.

use std::fmt::Write as _;
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

impl Stat {
    /// Every counter, in index order.
    pub const ALL: [Stat; 7] = [
        Stat::Admitted,
        Stat::Refused,
        Stat::Disclosed,
        Stat::DisclosureCut,
        Stat::CarrierFrames,
        Stat::BotFrames,
        Stat::Clears,
    ];

    /// The Prometheus counter's name and help.
    pub fn metric(self) -> (&'static str, &'static str) {
        match self {
            Stat::Admitted => ("throughline_media_streams_admitted_total", "Carrier media streams admitted."),
            Stat::Refused => (
                "throughline_media_streams_refused_total",
                "Carrier media streams refused (bad or replayed token, lead not callable, not configured, no start).",
            ),
            Stat::Disclosed => {
                ("throughline_media_disclosures_played_total", "AI disclosures confirmed played in full.")
            }
            Stat::DisclosureCut => {
                ("throughline_media_disclosures_cut_total", "AI disclosures cut short by the caller hanging up.")
            }
            Stat::CarrierFrames => ("throughline_media_caller_frames_total", "Caller audio frames passed to bots."),
            Stat::BotFrames => ("throughline_media_bot_frames_total", "Bot audio messages received."),
            Stat::Clears => ("throughline_media_clears_total", "Barge-in clears from bots."),
        }
    }
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

    /// Appends the counters and the live-stream gauge in Prometheus' text exposition format.
    pub fn render_prometheus(&self, out: &mut String) {
        for stat in Stat::ALL {
            let (name, help) = stat.metric();
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}", self.get(stat));
        }
        let name = "throughline_media_streams_live";
        let _ = writeln!(
            out,
            "# HELP {name} Carrier media streams running on this instance.\n# TYPE {name} gauge\n{name} {}",
            self.live_streams()
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_render_in_prometheus_text_format() {
        let stats = Stats::default();
        stats.bump(Stat::Admitted);
        stats.bump(Stat::Admitted);
        stats.bump(Stat::Clears);
        let _live = stats.live();
        let mut text = String::new();
        stats.render_prometheus(&mut text);
        assert!(text.contains(
            "# TYPE throughline_media_streams_admitted_total counter\nthroughline_media_streams_admitted_total 2\n"
        ));
        assert!(text.contains("throughline_media_clears_total 1\n"));
        assert!(text.contains("throughline_media_streams_refused_total 0\n"));
        assert!(text.contains("# TYPE throughline_media_streams_live gauge\nthroughline_media_streams_live 1\n"));
        for (i, stat) in Stat::ALL.iter().enumerate() {
            assert_eq!(*stat as usize, i, "ALL is in index order");
        }
    }
}
