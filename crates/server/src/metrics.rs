//! Prometheus metrics: HTTP traffic by route and status, timeline appends by event kind.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use domain::EventRecord;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Handle to the process-wide Prometheus recorder (one per process, however many apps run
/// in it, as in tests).
#[derive(Clone)]
pub struct Metrics {
    handle: PrometheusHandle,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

impl Metrics {
    /// Installs the recorder on first use.
    pub fn install() -> Self {
        let handle = HANDLE
            .get_or_init(|| {
                let recorder = PrometheusBuilder::new()
                    .set_buckets(&[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5])
                    .expect("static buckets are valid")
                    .build_recorder();
                let handle = recorder.handle();
                // Another recorder (from an embedding program) wins; we still render ours.
                let _ = metrics::set_global_recorder(recorder);
                handle
            })
            .clone();
        Self { handle }
    }

    /// The text exposition.
    pub fn render(&self) -> String {
        self.handle.render()
    }

    /// Counts appended events and, for a timed append, records its latency.
    pub fn appended(&self, records: &[EventRecord], took: Option<Duration>) {
        for r in records {
            metrics::counter!("throughline_events_appended_total", "kind" => r.event.kind()).increment(1);
        }
        if let Some(took) = took {
            metrics::histogram!("throughline_append_seconds").record(took.as_secs_f64());
        }
    }
}

/// Middleware recording each request by matched route (never the raw path, which holds ids).
pub async fn track(State(_): State<crate::state::AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| p.as_str()).to_owned();
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("throughline_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("throughline_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}
