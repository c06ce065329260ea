//! `GET /media/{twilio,telnyx,vonage}`: the carriers' media websockets, handed to the gateway.

use std::sync::Arc;

use axum::Router;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use media_core::frames::Dialect;
use media_gateway::Gateway;
use secrecy::ExposeSecret;
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;

/// What the media routes share.
#[derive(Debug, Clone)]
pub struct MediaState {
    /// The server state (public URL, Twilio token).
    pub app: AppState,
    /// The gateway.
    pub gateway: Arc<Gateway>,
}

/// The media routes.
pub fn router(app: AppState, gateway: Arc<Gateway>) -> Router {
    Router::new().route("/media/{dialect}", get(stream)).with_state(MediaState { app, gateway })
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

async fn stream(
    State(media): State<MediaState>,
    Path(dialect): Path<String>,
    Query(query): Query<TokenQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let dialect = match dialect.as_str() {
        "twilio" => Dialect::Twilio,
        "telnyx" => Dialect::Telnyx,
        "vonage" => Dialect::Vonage,
        _ => return Err(ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such media endpoint")),
    };
    // Twilio signs the upgrade request too: where it did, the signature must hold (the stream
    // token inside is checked either way).
    if dialect == Dialect::Twilio
        && let Some(signature) = headers.get("x-twilio-signature").and_then(|v| v.to_str().ok())
    {
        let token = media
            .app
            .sms
            .twilio_token
            .as_ref()
            .ok_or_else(|| ApiError::new(StatusCode::FORBIDDEN, "forbidden", "no Twilio auth token configured"))?;
        let http = crate::sms::webhooks::public_url(&media.app, &headers, &uri);
        let url = http.replacen("https://", "wss://", 1).replacen("http://", "ws://", 1);
        if !providers::twilio::verify(&url, &[], token.expose_secret(), signature) {
            return Err(crate::sms::webhooks::forbidden("Twilio", "media upgrade signature mismatch"));
        }
    }
    Ok(media.gateway.accept(upgrade, dialect, query.token).into_response())
}
