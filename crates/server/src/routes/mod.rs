//! The HTTP surface (see docs/api.md and docs/openapi.json).

mod campaigns;
pub(crate) mod conversations;
mod health;
pub(crate) mod leads;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::routing::{get, post, put};
use tower_http::trace::TraceLayer;

use crate::error::ApiError;
use crate::state::AppState;

/// Every route, with body limit, metrics and request tracing.
pub fn router(state: AppState, gateway: std::sync::Arc<media_gateway::Gateway>, max_body_bytes: usize) -> Router {
    let api = Router::new()
        .route("/campaigns", post(campaigns::create))
        .route("/campaigns/{id}", get(campaigns::get))
        .route("/leads", post(leads::create))
        .route("/leads/{id}", get(leads::get))
        .route("/conversations/{id}", get(conversations::get))
        .route("/conversations/{id}/summary", get(conversations::summary))
        .route("/conversations/{id}/status", put(conversations::set_status))
        .route("/conversations/{id}/turns", post(conversations::add_turn))
        .route("/conversations/{id}/facts", post(conversations::add_fact))
        .route("/conversations/{id}/handoff", post(conversations::request_handoff))
        .route("/sms/send", post(crate::sms::send::send));
    let webhooks = Router::new()
        .route("/twilio/sms", post(crate::sms::webhooks::twilio_sms))
        .route("/twilio/sms/status", post(crate::sms::webhooks::twilio_sms_status))
        .route("/telnyx/sms", post(crate::sms::webhooks::telnyx_sms))
        .route("/twilio/voice", post(crate::voice::twilio::voice))
        .route("/twilio/voice/status", post(crate::voice::twilio::status))
        .route("/twilio/voice/next", post(crate::voice::twilio::next))
        .route("/twilio/voice/whisper", post(crate::voice::twilio::whisper))
        .route("/twilio/voice/transfer", post(crate::voice::twilio::transfer_outcome))
        .route("/telnyx/voice", post(crate::voice::telnyx::voice))
        .route("/vonage/voice/event", post(crate::voice::vonage::event))
        .route("/vonage/voice/answer", post(crate::voice::vonage::answer).get(crate::voice::vonage::answer_get));
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .nest("/api/v1", api)
        .nest("/webhooks", webhooks)
        .fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone())
        .merge(crate::voice::media::router(state.clone(), gateway))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::metrics::track))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        // Spans carry method and matched route only: paths hold ids, bodies hold personal data.
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            let route = req.extensions().get::<axum::extract::MatchedPath>().map_or("unmatched", |p| p.as_str());
            tracing::info_span!("http", method = %req.method(), route = %route)
        }))
}

async fn fallback(uri: Uri) -> ApiError {
    tracing::debug!(path = %uri.path(), "no such route");
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this endpoint does not accept that method")
}
