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

/// Keeps `concurrency` requests in flight until `count` were sent or `limit` passed; `send(i)`
/// prepares request `i` (0-based in this phase; work before its returned future is not timed)
/// and the future says whether it succeeded. Returns the successful requests' latencies (µs)
/// and the number of failures.
pub async fn drive<F, Fut>(concurrency: usize, count: u64, limit: Duration, send: F) -> anyhow::Result<(Vec<u32>, u64)>
where
    F: Fn(u64) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let next = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let deadline = std::time::Instant::now() + limit;
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (next, errors, send) = (next.clone(), errors.clone(), send.clone());
        workers.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count || std::time::Instant::now() >= deadline {
                    return latencies;
                }
                let request = send(i);
                let started = std::time::Instant::now();
                if request.await {
                    latencies.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
                } else {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
    }
    let mut all = Vec::new();
    while let Some(result) = workers.join_next().await {
        all.extend(result?);
    }
    Ok((all, errors.load(Ordering::Relaxed)))
}
