//! Carrier SMS webhooks: `POST /webhooks/twilio/sms` (inbound, form), `POST
//! /webhooks/twilio/sms/status` (delivery, form) and `POST /webhooks/telnyx/sms` (both, JSON).
//!
//! Every request is authenticated by the carrier's signature before anything is parsed
//! further or written (403 otherwise). The 2xx is sent only once the event is durable; the
//! agent's answer comes later, from the engine. Retries (same message id, same status) change
//! nothing, and a delivery status only ever moves forward.

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::vocab::DeliveryStatus;
use domain::{ConversationId, E164, Event, MessageId, NewEvent, Provider};
use secrecy::ExposeSecret;
use serde::Deserialize;
use store::{AppendRequest, StoreError};

use super::inbound::{Inbound, SmsError, receive};
use crate::error::ApiError;
use crate::state::AppState;

/// Twilio's "nothing to say" answer.
const EMPTY_TWIML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

fn twiml() -> Response {
    ([(header::CONTENT_TYPE, "text/xml")], EMPTY_TWIML).into_response()
}

pub(crate) fn forbidden(carrier: &str, why: &str) -> ApiError {
    tracing::warn!(carrier, reason = why, "webhook refused: signature");
    ApiError::new(StatusCode::FORBIDDEN, "bad_signature", format!("the {carrier} signature does not verify"))
}

pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
    let message = message.into();
    tracing::info!(reason = %message, "webhook refused: malformed");
    ApiError::new(StatusCode::BAD_REQUEST, "malformed_webhook", message)
}

impl From<SmsError> for ApiError {
    fn from(e: SmsError) -> Self {
        match e {
            SmsError::UnknownConversation => {
                tracing::info!("inbound sms for no known conversation");
                ApiError::new(StatusCode::NOT_FOUND, "unknown_conversation", "no lead has this number pair")
            }
            SmsError::Store(e) => e.into(),
        }
    }
}

/// The URL Twilio called, as it would have signed it: the configured public URL (behind a
/// proxy), else rebuilt from `X-Forwarded-Proto` / `Host`.
pub(crate) fn public_url(app: &AppState, headers: &HeaderMap, uri: &axum::http::Uri) -> String {
    public_url_at(app.sms.public_url.as_deref(), headers, uri)
}

/// The URL of `uri` under `base` (a configured public URL, without a trailing slash), else
/// rebuilt from `X-Forwarded-Proto` / `Host`.
pub(crate) fn public_url_at(base: Option<&str>, headers: &HeaderMap, uri: &axum::http::Uri) -> String {
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    if let Some(base) = base {
        return format!("{base}{path}");
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let scheme = header("x-forwarded-proto").unwrap_or("http");
    let host = header("x-forwarded-host").or_else(|| header("host")).unwrap_or("localhost");
    format!("{scheme}://{host}{path}")
}

/// Verifies `X-Twilio-Signature` over the form and returns its parameters.
pub(crate) fn twilio_form(
    app: &AppState,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
    body: &[u8],
) -> Result<Vec<(String, String)>, ApiError> {
    let token = app.sms.twilio_token.as_ref().ok_or_else(|| forbidden("Twilio", "no auth token configured"))?;
    let signature = headers
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| forbidden("Twilio", "no X-Twilio-Signature"))?;
    let params: Vec<(String, String)> =
        serde_urlencoded::from_bytes(body).map_err(|_| bad_request("the body is not a form"))?;
    let url = public_url(app, headers, uri);
    if !providers::twilio::verify(&url, &params, token.expose_secret(), signature) {
        return Err(forbidden("Twilio", "mismatch"));
    }
    Ok(params)
}

pub(crate) fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn number(app: &AppState, value: Option<&str>, field: &str) -> Result<E164, ApiError> {
    let value = value.ok_or_else(|| bad_request(format!("{field} is missing")).field(field))?;
    app.sms.number(value).map_err(|_| bad_request(format!("{field} is not an E.164 number")).field(field))
}

/// `POST /webhooks/twilio/sms`: an inbound message.
pub async fn twilio_sms(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let params = twilio_form(&app, &headers, &uri, &body)?;
    let sid = param(&params, "MessageSid")
        .or_else(|| param(&params, "SmsMessageSid"))
        .or_else(|| param(&params, "SmsSid"))
        .filter(|s| !s.is_empty() && s.len() <= 64)
        .ok_or_else(|| bad_request("MessageSid is missing").field("MessageSid"))?;
    let inbound = Inbound {
        provider: Provider::Twilio,
        provider_message_id: sid.to_owned(),
        from: number(&app, param(&params, "From"), "From")?,
        to: number(&app, param(&params, "To"), "To")?,
        body: param(&params, "Body").unwrap_or_default().to_owned(),
        media_count: param(&params, "NumMedia").and_then(|n| n.parse().ok()).unwrap_or(0),
        at: app.clock.now(),
    };
    receive(&app, &inbound).await?;
    Ok(twiml())
}

/// The message a status callback is about, from the query Throughline put on the callback URL.
#[derive(Deserialize)]
struct StatusQuery {
    conversation_id: ConversationId,
    message_id: MessageId,
}

fn status_query(uri: &axum::http::Uri) -> Result<StatusQuery, ApiError> {
    serde_urlencoded::from_str(uri.query().unwrap_or_default())
        .map_err(|_| bad_request("the callback URL must carry conversation_id and message_id"))
}

/// Twilio's `MessageStatus` in Throughline's terms; `None` for inbound-side statuses.
pub fn twilio_status(status: &str) -> Option<DeliveryStatus> {
    Some(match status {
        "accepted" | "queued" | "scheduled" => DeliveryStatus::Queued,
        "sending" | "sent" => DeliveryStatus::Sent,
        "delivered" | "partially_delivered" => DeliveryStatus::Delivered,
        "undelivered" => DeliveryStatus::Undelivered,
        "failed" | "canceled" => DeliveryStatus::Failed,
        "read" => DeliveryStatus::Read,
        _ => return None,
    })
}

/// Telnyx's per-recipient status in Throughline's terms.
pub fn telnyx_status(status: &str) -> Option<DeliveryStatus> {
    Some(match status {
        "queued" | "sending" => DeliveryStatus::Queued,
        "sent" | "delivery_unconfirmed" => DeliveryStatus::Sent,
        "delivered" => DeliveryStatus::Delivered,
        "sending_failed" | "delivery_failed" => DeliveryStatus::Failed,
        _ => return None,
    })
}

/// Records a delivery status once, and only if it moves the message forward.
async fn record_status(
    app: &AppState,
    query: &StatusQuery,
    provider_id: &str,
    status: DeliveryStatus,
    error_code: Option<String>,
    dedupe: String,
) -> Result<(), ApiError> {
    let loaded = app.loaded(query.conversation_id).await?;
    // The callback URL names the message; the carrier's id must be the one it was sent as.
    let sent_as = loaded.timeline.iter().find_map(|r| match &r.event {
        Event::SmsSent { message_id, provider_message_id, .. } if *message_id == query.message_id => {
            Some(provider_message_id.clone())
        }
        _ => None,
    });
    if let Some(Some(known)) = &sent_as
        && known != provider_id
    {
        return Err(bad_request("the carrier's message id does not match the callback's message"));
    }
    let current = loaded.state.message_status.get(&query.message_id);
    if current.is_some_and(|c| status.rank() <= c.rank()) {
        tracing::debug!(conversation_id = %query.conversation_id, "stale delivery status ignored");
        return Ok(());
    }
    let event = Event::SmsStatus { message_id: query.message_id, status, error_code };
    let request = AppendRequest::events(vec![NewEvent::new(app.clock.now(), event).dedupe(dedupe)]);
    match app.append(query.conversation_id, request).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound(_)) => Err(ApiError::not_found("conversation")),
        Err(e) => Err(e.into()),
    }
}

/// `POST /webhooks/twilio/sms/status`: delivery progress of a message we sent.
pub async fn twilio_sms_status(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let params = twilio_form(&app, &headers, &uri, &body)?;
    let query = status_query(&uri)?;
    let sid = param(&params, "MessageSid").ok_or_else(|| bad_request("MessageSid is missing"))?;
    let raw = param(&params, "MessageStatus").ok_or_else(|| bad_request("MessageStatus is missing"))?;
    let Some(status) = twilio_status(raw) else { return Ok(twiml()) };
    let error_code = param(&params, "ErrorCode").filter(|c| !c.is_empty()).map(str::to_owned);
    record_status(&app, &query, sid, status, error_code, format!("twilio:{sid}:{raw}")).await?;
    Ok(twiml())
}

/// The parts of a Telnyx messaging webhook Throughline reads; everything else is ignored.
#[derive(Deserialize)]
struct TelnyxWebhook {
    data: TelnyxData,
}

#[derive(Deserialize)]
struct TelnyxData {
    event_type: String,
    #[serde(default)]
    occurred_at: Option<DateTime<Utc>>,
    payload: TelnyxPayload,
}

#[derive(Deserialize)]
struct TelnyxPayload {
    id: String,
    #[serde(default)]
    from: Option<TelnyxNumber>,
    #[serde(default)]
    to: Vec<TelnyxNumber>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    media: Vec<serde_json::Value>,
    #[serde(default)]
    errors: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct TelnyxNumber {
    phone_number: String,
    #[serde(default)]
    status: Option<String>,
}

/// Verifies a Telnyx webhook's Ed25519 signature and timestamp (403 otherwise, and when no
/// Telnyx key is configured).
pub(crate) fn verify_telnyx(app: &AppState, headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError> {
    let key = app.sms.telnyx_key.as_ref().ok_or_else(|| forbidden("Telnyx", "no public key configured"))?;
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    key.verify(header("telnyx-timestamp"), header("telnyx-signature-ed25519"), body, app.clock.now())
        .map_err(|e| forbidden("Telnyx", &e.to_string()))
}

/// `POST /webhooks/telnyx/sms`: inbound messages and delivery status.
pub async fn telnyx_sms(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    verify_telnyx(&app, &headers, &body)?;
    let hook: TelnyxWebhook = serde_json::from_slice(&body).map_err(|_| bad_request("not a Telnyx messaging event"))?;
    let payload = hook.data.payload;
    let ok = || (StatusCode::OK, axum::Json(serde_json::json!({}))).into_response();
    match hook.data.event_type.as_str() {
        "message.received" => {
            let to = payload.to.first().map(|t| t.phone_number.as_str());
            let inbound = Inbound {
                provider: Provider::Telnyx,
                provider_message_id: payload.id.clone(),
                from: number(&app, payload.from.as_ref().map(|f| f.phone_number.as_str()), "from")?,
                to: number(&app, to, "to")?,
                body: payload.text.unwrap_or_default(),
                media_count: payload.media.len() as u32,
                at: hook.data.occurred_at.unwrap_or_else(|| app.clock.now()),
            };
            receive(&app, &inbound).await?;
            Ok(ok())
        }
        "message.sent" | "message.finalized" => {
            let query = status_query(&uri)?;
            let raw = payload.to.first().and_then(|t| t.status.clone()).unwrap_or_default();
            let Some(status) = telnyx_status(&raw) else { return Ok(ok()) };
            let error_code = payload
                .errors
                .first()
                .and_then(|e| e.get("code"))
                .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_owned));
            let dedupe = format!("telnyx:{}:{raw}", payload.id);
            record_status(&app, &query, &payload.id, status, error_code, dedupe).await?;
            Ok(ok())
        }
        other => {
            tracing::debug!(event_type = other, "telnyx event ignored");
            Ok(ok())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrier_statuses_map_onto_ranked_statuses() {
        assert_eq!(twilio_status("delivered"), Some(DeliveryStatus::Delivered));
        assert_eq!(twilio_status("sending"), Some(DeliveryStatus::Sent));
        assert_eq!(twilio_status("received"), None);
        assert_eq!(telnyx_status("delivery_failed"), Some(DeliveryStatus::Failed));
        assert_eq!(telnyx_status("unknown"), None);
    }
}
