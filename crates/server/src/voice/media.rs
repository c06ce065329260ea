//! `GET /media/{twilio,telnyx,vonage}`: the carriers' media websockets, handed to the gateway.

use std::sync::Arc;

use axum::Router;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use media_core::frames::Dialect;
use media_gateway::Gateway;
use media_gateway::listener::Refusal;
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
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let (dialect, token) = decide(&media.app, &uri, &headers).map_err(|refusal| {
        let code = if refusal.status == StatusCode::NOT_FOUND { "not_found" } else { "bad_signature" };
        ApiError::new(refusal.status, code, refusal.reason)
    })?;
    Ok(media.gateway.accept(upgrade, dialect, token).into_response())
}

/// Decides a media upgrade request, on the HTTP listener or the dedicated one: the dialect its
/// path names (`…/media/{twilio,telnyx,vonage}`), the stream token in its query (Telnyx), and,
/// where Twilio signed the request, that its signature holds. The stream token inside the
/// start frame is checked either way, by the gateway.
pub fn decide(app: &AppState, uri: &Uri, headers: &HeaderMap) -> Result<(Dialect, Option<String>), Refusal> {
    // Every refusal is logged here, once, whichever listener asked.
    let refuse = |status: StatusCode, reason: &'static str| {
        tracing::warn!(path = uri.path(), status = status.as_u16(), reason, "media upgrade refused");
        Refusal { status, reason }
    };
    let dialect = match uri.path().rsplit_once("/media/").map(|(_, name)| name) {
        Some("twilio") => Dialect::Twilio,
        Some("telnyx") => Dialect::Telnyx,
        Some("vonage") => Dialect::Vonage,
        _ => return Err(refuse(StatusCode::NOT_FOUND, "no such media endpoint")),
    };
    let token = uri
        .query()
        .and_then(|query| serde_urlencoded::from_str::<TokenQuery>(query).ok())
        .and_then(|query| query.token);
    if dialect == Dialect::Twilio
        && let Some(signature) = headers.get("x-twilio-signature").and_then(|v| v.to_str().ok())
    {
        let Some(auth_token) = app.sms.twilio_token.as_ref() else {
            return Err(refuse(StatusCode::FORBIDDEN, "no Twilio auth token configured"));
        };
        // As Twilio signed it: under the media public URL (see `AppState::media_base`).
        let http = crate::sms::webhooks::public_url_at(app.media_base(), headers, uri);
        let url = http.replacen("https://", "wss://", 1).replacen("http://", "ws://", 1);
        if !providers::twilio::verify(&url, &[], auth_token.expose_secret(), signature) {
            return Err(refuse(StatusCode::FORBIDDEN, "the Twilio signature does not verify"));
        }
    }
    Ok((dialect, token))
}
