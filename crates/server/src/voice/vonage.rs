//! Vonage Voice API webhooks: `POST /webhooks/vonage/voice/event`, the `event_url` of every
//! call the outbox places through Vonage and of the application's inbound calls, and
//! `POST` or `GET /webhooks/vonage/voice/answer`, the application's `answer_url` (either
//! `answer_method`), which Vonage calls when a lead calls one of the campaign's numbers.
//!
//! A placed call's NCCO is sent inline when it is placed (see [`stream_url`] and
//! `providers::vonage_api`), so Vonage fetches no instructions for it. A lead's call to us
//! asks the answer URL:
//!
//! | caller | answered with |
//! |---|---|
//! | a lead of the campaign that owns the number called | `call_received` once per `uuid`; the NCCO connecting the call to the gateway's Vonage websocket with a stream token (the same as a placed call's) |
//! | a lead who has opted out | `call_received` and `call_ended` failed; an empty NCCO (the call ends with nothing to do) |
//! | a stranger, a withheld number | nothing written; an empty NCCO |
//!
//! The event URL reports progress:
//!
//! | `status` | recorded |
//! |---|---|
//! | `answered` | `call_answered` (`unknown`: detection has not finished yet; `human` for the lead's own call) |
//! | `human` | `call_answered` human |
//! | `machine` | `call_answered` machine, `call_ended` voicemail, and the call hung up through the REST API |
//! | `completed` | `call_ended`, human (voicemail after a machine), its `duration` |
//! | `busy`, `rejected` | `call_ended` busy |
//! | `timeout`, `unanswered`, `cancelled` | `call_ended` no answer |
//! | `failed` | `call_ended` failed |
//! | anything else (`started`, `ringing`, `input`, …) | nothing |
//!
//! Both webhooks must carry Vonage's signature (`Authorization: Bearer`, HS256 over the body's
//! hash, see `providers::vonage`): 403 otherwise, or when no signature secret is configured.
//! A placed call is named by the event URL's query, and the payload's `uuid` must be the one
//! it was placed as; a lead's call (`direction` `inbound`, no query) is found by its `from`,
//! `to` and `uuid`, and the events of a caller we turned away are acknowledged and change
//! nothing. So are the events of a leg Throughline never placed to a phone (the websocket leg
//! of a `connect`). 400/404 and "durable before the 2xx" are as for the other carriers.

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::vocab::{AnsweredBy, CallOutcome};
use domain::{CallId, ConversationId, Event, Provider};
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::calls::{
    Admitted, CallQuery, admit, answered_key, caller_conversation, ended_key, find_received, load_call, media_url,
    on_span, record,
};
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
    /// `inbound` for a call the lead made to one of our numbers.
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

/// The parts of Vonage's answer webhook Throughline reads; everything else is ignored.
#[derive(Deserialize)]
struct AnswerHook {
    #[serde(default)]
    uuid: Option<String>,
    /// The caller; absent or not a number when withheld.
    #[serde(default)]
    from: Option<String>,
    /// The number called.
    #[serde(default)]
    to: Option<String>,
}

/// A number as Vonage writes it (digits without the `+`) in international form, so a number
/// outside the default region parses; anything else as it came.
fn international(raw: &str) -> String {
    let raw = raw.trim();
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) { format!("+{raw}") } else { raw.to_owned() }
}

/// The conversation of a call from `from` to `to` as Vonage writes them: none for a withheld
/// caller; 400 without the number called.
async fn vonage_caller(
    app: &AppState,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Option<ConversationId>, ApiError> {
    let to = to.filter(|t| !t.trim().is_empty()).ok_or_else(|| bad_request("to is missing").field("to"))?;
    let Some(from) = from.filter(|f| !f.trim().is_empty()) else { return Ok(None) };
    caller_conversation(app, &international(from), &international(to)).await
}

/// The carrier's id for a call, required.
fn required_uuid(uuid: Option<&str>) -> Result<&str, ApiError> {
    uuid.filter(|u| !u.is_empty()).ok_or_else(|| bad_request("uuid is missing").field("uuid"))
}

/// An NCCO as the answer webhook's response.
fn ncco(actions: serde_json::Value) -> Response {
    (StatusCode::OK, axum::Json(actions)).into_response()
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
    let (query, call) = match serde_urlencoded::from_str::<CallQuery>(uri.query().unwrap_or_default()) {
        Ok(query) => {
            on_span(query);
            let uuid = hook.uuid.as_deref().filter(|u| !u.is_empty());
            (query, load_call(&app, query, uuid).await?.1)
        }
        // A lead's call: the application's event URL names nothing; found by its caller and
        // uuid, as when it was answered.
        Err(_) if hook.direction.as_deref() == Some("inbound") => {
            let Some(conversation) = vonage_caller(&app, hook.from.as_deref(), hook.to.as_deref()).await? else {
                tracing::info!("event of a caller with no conversation (turned away): nothing to record");
                return Ok(ok());
            };
            find_received(&app, conversation, required_uuid(hook.uuid.as_deref())?).await?
        }
        // The websocket leg of a `connect` (its `to` is the gateway, not a phone): the
        // gateway reports the stream itself.
        Err(_) if hook.to.as_deref().is_some_and(|to| to.contains("://")) => {
            tracing::debug!("event of a leg to the gateway: nothing to record");
            return Ok(ok());
        }
        Err(_) => return Err(bad_request("the event URL does not name the call")),
    };
    let (conversation, call_id) = (query.conversation_id, query.call_id);
    let at = time(hook.timestamp.as_deref()).unwrap_or_else(|| app.clock.now());
    match hook.status.as_str() {
        "answered" if !call.ended => {
            // The lead's own call was answered by us: a person is on the line.
            let by = if call.inbound { AnsweredBy::Human } else { AnsweredBy::Unknown };
            let answered = Event::CallAnswered { call_id, answered_by: by };
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

/// `POST /webhooks/vonage/voice/answer`: a lead is calling one of the campaign's numbers;
/// answers an NCCO (see the module docs).
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn answer(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    verify_vonage(&app, &headers, &body)?;
    let hook: AnswerHook = serde_json::from_slice(&body).map_err(|_| bad_request("not a Vonage answer webhook"))?;
    answer_call(&app, hook).await
}

/// `GET /webhooks/vonage/voice/answer`, Vonage's default answer method: the same call in the
/// query. Its token signs no query, so each token (`jti`) answers for one query only: Vonage's
/// retry of the same request is answered again, while the token with any other query is refused
/// (403), for as long as the token could pass the clock check.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn answer_get(
    State(app): State<AppState>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    let secret = app.sms.vonage_secret.as_ref().ok_or_else(|| forbidden("Vonage", "no signature secret configured"))?;
    let authorization = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let jti = providers::vonage::verify_bodiless(secret.expose_secret(), authorization, app.clock.now())
        .map_err(|e| forbidden("Vonage", &e.to_string()))?;
    let query = uri.query().unwrap_or_default();
    if !token_bound_to(&app, &jti, query).await? {
        return Err(forbidden("Vonage", "token already used with another query"));
    }
    let hook: AnswerHook = serde_urlencoded::from_str(query).map_err(|_| bad_request("not a Vonage answer webhook"))?;
    answer_call(&app, hook).await
}

/// Whether the signed token `jti` may carry `query`: the first query seen with it, or that same
/// query again. Held in the hot state past the token's whole validity (so across instances).
async fn token_bound_to(app: &AppState, jti: &str, query: &str) -> Result<bool, ApiError> {
    let ttl = std::time::Duration::from_secs(providers::vonage::TOLERANCE_SECS.unsigned_abs() * 2 + 60);
    let unavailable = |e: store::HotError| {
        tracing::warn!(error = %e, "hot state unavailable");
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "retry shortly")
    };
    let digest = <sha2::Sha256 as sha2::Digest>::digest(query.as_bytes());
    let pair = format!("vonage-jti:{jti}:{}", hex::encode(digest));
    if app.hot.try_lock(&pair, ttl).await.map_err(unavailable)?.is_none() {
        return Ok(true);
    }
    Ok(app.hot.try_lock(&format!("vonage-jti:{jti}"), ttl).await.map_err(unavailable)?.is_some())
}

/// Answers a lead's call to one of the campaign's numbers (either method).
async fn answer_call(app: &AppState, hook: AnswerHook) -> Result<Response, ApiError> {
    let uuid = required_uuid(hook.uuid.as_deref())?;
    let hang_up = || ncco(serde_json::json!([]));
    let Some(conversation) = vonage_caller(app, hook.from.as_deref(), hook.to.as_deref()).await? else {
        tracing::info!("inbound call from a caller with no conversation on that number: ended");
        return Ok(hang_up());
    };
    let now = app.clock.now();
    let stream_for = |call| stream_url(app, conversation, call, now);
    let Admitted { stream, .. } = admit(app, conversation, Provider::Vonage, uuid, now, stream_for).await?;
    let Some(stream) = stream else { return Ok(hang_up()) };
    tracing::info!("inbound call: connecting to the gateway");
    Ok(ncco(providers::vonage_api::connect_ncco(&stream)))
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
    fn vonage_numbers_are_read_as_international() {
        assert_eq!(international("13125550199"), "+13125550199");
        assert_eq!(international(" 447700900001 "), "+447700900001");
        assert_eq!(international("+13125550199"), "+13125550199");
        assert_eq!(international("Unknown"), "Unknown");
        assert_eq!(international(""), "");
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
