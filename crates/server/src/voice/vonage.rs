//! Vonage Voice API event webhooks: `POST /webhooks/vonage/voice/event`, the `event_url` of
//! every call the outbox places through Vonage.
//!
//! The call's NCCO was sent inline when it was placed (see [`stream_url`] and
//! `providers::vonage_api`), so Vonage fetches no instructions; the event URL only reports
//! progress:
//!
//! | `status` | recorded |
//! |---|---|
//! | `answered` | `call_answered` (`unknown`: detection has not finished yet) |
//! | `human` | `call_answered` human |
//! | `machine` | `call_answered` machine, `call_ended` voicemail, and the call hung up through the REST API |
//! | `completed` | `call_ended`, human (voicemail after a machine), its `duration` |
//! | `busy`, `rejected` | `call_ended` busy |
//! | `timeout`, `unanswered`, `cancelled` | `call_ended` no answer |
//! | `failed` | `call_ended` failed |
//! | anything else (`started`, `ringing`, `input`, …) | nothing |
//!
//! The webhook must carry Vonage's signature (`Authorization: Bearer`, HS256 over the body's
//! hash, see `providers::vonage`): 403 otherwise, or when no signature secret is configured.
//! The call is named by the event URL's query; the payload's `uuid` must be the one the call
//! was placed as. 400/404 and "durable before the 2xx" are as for the other carriers.

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::vocab::{AnsweredBy, CallOutcome};
use domain::{CallId, ConversationId, Event};
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::calls::{CallQuery, answered_key, ended_key, load_call, media_url, record};
use super::telnyx::{detected_key, machine, short, talk_time, time};
use crate::error::ApiError;
use crate::sms::webhooks::{bad_request, forbidden};
use crate::state::AppState;

/// The media websocket for a Vonage call, with a stream token minted now with the dial
/// lifetime (it must outlast the ringing); the Vonage carrier moves the token into the NCCO's
/// `headers`. `None` without a public URL (the media one, else the server's).
pub fn stream_url(app: &AppState, conversation: ConversationId, call: CallId, now: DateTime<Utc>) -> Option<String> {
    let base = app.media_base()?;
    Some(format!("{}?token={}", media_url(base, "vonage"), app.voice.dial_token(conversation, call, now)))
}

/// The parts of a Vonage call event Throughline reads; everything else is ignored.
#[derive(Deserialize)]
struct VonageEvent {
    status: String,
    #[serde(default)]
    uuid: Option<String>,
    #[serde(default)]
    timestamp: Option<String>,
    #[serde(default)]
    start_time: Option<String>,
    #[serde(default)]
    end_time: Option<String>,
    /// Seconds, written as a string ("42").
    #[serde(default)]
    duration: Option<serde_json::Value>,
    #[serde(default)]
    detail: Option<String>,
}

/// How a call that ended with `status` went; `None` for a status that is not an ending.
/// `machine`: detection found a machine earlier.
pub fn ending(status: &str, machine: bool) -> Option<CallOutcome> {
    Some(match status {
        "completed" if machine => CallOutcome::Voicemail,
        "completed" => CallOutcome::Human,
        "busy" | "rejected" => CallOutcome::Busy,
        "timeout" | "unanswered" | "cancelled" => CallOutcome::NoAnswer,
        "failed" => CallOutcome::Failed,
        _ => return None,
    })
}

/// `duration` as Vonage writes it: a string of seconds, or a number.
fn seconds(raw: Option<&serde_json::Value>) -> Option<u32> {
    match raw? {
        serde_json::Value::String(s) => s.trim().parse().ok(),
        serde_json::Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        _ => None,
    }
}

/// Verifies a Vonage webhook's signed token (403 otherwise, and when no secret is configured).
fn verify_vonage(app: &AppState, headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError> {
    let secret = app.sms.vonage_secret.as_ref().ok_or_else(|| forbidden("Vonage", "no signature secret configured"))?;
    let authorization = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    providers::vonage::verify(secret.expose_secret(), authorization, body, app.clock.now())
        .map_err(|e| forbidden("Vonage", &e.to_string()))
}

/// `POST /webhooks/vonage/voice/event`: call progress.
#[tracing::instrument(skip_all, fields(conversation_id, call_id, status))]
pub async fn event(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    verify_vonage(&app, &headers, &body)?;
    let hook: VonageEvent = serde_json::from_slice(&body).map_err(|_| bad_request("not a Vonage call event"))?;
    let ok = || StatusCode::NO_CONTENT.into_response();
    let span = tracing::Span::current();
    span.record("status", hook.status.as_str());
    if !matches!(hook.status.as_str(), "answered" | "human" | "machine") && ending(&hook.status, false).is_none() {
        tracing::debug!("vonage call event ignored");
        return Ok(ok());
    }
    let query: CallQuery = serde_urlencoded::from_str(uri.query().unwrap_or_default())
        .map_err(|_| bad_request("the event URL does not name the call"))?;
    span.record("conversation_id", tracing::field::display(query.conversation_id));
    span.record("call_id", tracing::field::display(query.call_id));
    let uuid = hook.uuid.as_deref().filter(|u| !u.is_empty());
    let (_, call) = load_call(&app, query, uuid).await?;
    let (conversation, call_id) = (query.conversation_id, query.call_id);
    let at = time(hook.timestamp.as_deref()).unwrap_or_else(|| app.clock.now());
    match hook.status.as_str() {
        "answered" if !call.ended => {
            let answered = Event::CallAnswered { call_id, answered_by: AnsweredBy::Unknown };
            record(&app, conversation, at, answered, answered_key(call_id)).await?;
        }
        "human" if !call.ended => {
            let answered = Event::CallAnswered { call_id, answered_by: AnsweredBy::Human };
            record(&app, conversation, at, answered, detected_key(call_id)).await?;
        }
        "machine" if !call.ended => machine(&app, &call, query, at, "machine").await?,
        "answered" | "human" | "machine" => tracing::debug!("call event after the call ended: nothing to record"),
        status => {
            let outcome = ending(status, call.machine()).unwrap_or(CallOutcome::Failed);
            let duration_secs = seconds(hook.duration.as_ref())
                .filter(|_| matches!(outcome, CallOutcome::Human | CallOutcome::Voicemail))
                .unwrap_or_else(|| {
                    let from = call.answered_at.or_else(|| time(hook.start_time.as_deref()));
                    talk_time(outcome, from, time(hook.end_time.as_deref()).or(Some(at)))
                });
            let reason = hook.detail.as_deref().map_or_else(|| status.to_owned(), |d| format!("{status}: {d}"));
            let ended = Event::CallEnded { call_id, outcome, duration_secs, reason: Some(short(&reason)) };
            record(&app, conversation, at, ended, ended_key(call_id)).await?;
        }
    }
    Ok(ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_endings() {
        assert_eq!(ending("completed", false), Some(CallOutcome::Human));
        assert_eq!(ending("completed", true), Some(CallOutcome::Voicemail));
        assert_eq!(ending("busy", false), Some(CallOutcome::Busy));
        assert_eq!(ending("rejected", false), Some(CallOutcome::Busy));
        for status in ["timeout", "unanswered", "cancelled"] {
            assert_eq!(ending(status, false), Some(CallOutcome::NoAnswer), "{status}");
        }
        assert_eq!(ending("failed", false), Some(CallOutcome::Failed));
        for status in ["started", "ringing", "answered", "human", "machine", "input", "transfer", ""] {
            assert_eq!(ending(status, false), None, "{status}");
        }
    }

    #[test]
    fn durations_are_read_as_vonage_writes_them() {
        assert_eq!(seconds(Some(&serde_json::json!("42"))), Some(42));
        assert_eq!(seconds(Some(&serde_json::json!(42))), Some(42));
        assert_eq!(seconds(Some(&serde_json::json!("forty"))), None);
        assert_eq!(seconds(Some(&serde_json::json!(-1))), None);
        assert_eq!(seconds(None), None);
    }
}
