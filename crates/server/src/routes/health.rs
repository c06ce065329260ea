//! Liveness, readiness and metrics.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde_json::json;

use crate::state::AppState;

/// `GET /healthz`: the process is up.
pub async fn healthz() -> impl IntoResponse {
    Json(json!({"status": "ok"}))
}

/// `GET /readyz`: ready only when the database answers, every migration is applied and hot
/// state answers. 503 otherwise, with what is wrong.
pub async fn readyz(State(app): State<AppState>) -> impl IntoResponse {
    let (db, hot) = tokio::join!(app.store.health(), app.hot.ping());
    let hot_ok = hot.is_ok();
    if let Err(e) = &hot {
        tracing::warn!(error = %e, "hot state not reachable");
    }
    let ready = db.reachable && db.migrations_applied && hot_ok;
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "ready": ready,
        "database": db,
        "hot_state": {"backend": app.hot.backend(), "reachable": hot_ok},
    });
    (status, Json(body))
}

/// `GET /metrics`: Prometheus text format.
pub async fn metrics(State(app): State<AppState>) -> impl IntoResponse {
    let mut text = app.metrics.render();
    app.voice.media_stats.render_prometheus(&mut text);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}
