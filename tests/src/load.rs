//! What the load tools share: turning measured latencies into the figures they report.

use std::time::Duration;

use serde_json::{Value, json};

/// Throughput and latency percentiles (ms) of `latencies` (µs) measured over `elapsed`.
pub fn report(latencies: &mut [u32], elapsed: Duration) -> (f64, Value) {
    latencies.sort_unstable();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        f64::from(latencies[i]) / 1000.0
    };
    let per_sec = (latencies.len() as f64 / elapsed.as_secs_f64()).round();
    let latency = json!({"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "p999": pct(0.999), "max": pct(1.0)});
    (per_sec, latency)
}
