//! Telnyx Call Control webhooks: `POST /webhooks/telnyx/voice`, the `webhook_url` of every call
//! the outbox places through Telnyx.
//!
//! Telnyx streams a call's audio to the `stream_url` given when it was placed (see
//! [`stream_url`]), so there are no instructions to answer here; the webhooks only report
//! progress:
//!
//! | event | recorded |
//! |---|---|
//! | `call.initiated`, `direction` `incoming` (a lead calling one of the campaign's numbers) | `call_received` once per `call_control_id`; the call answered through `…/actions/answer` with the gateway's `stream_url` and a `client_state` naming it. A stranger or withheld number is rejected (`…/actions/reject`) with nothing written; an opted-out lead's call is recorded, ended as failed, and rejected |
//! | `call.answered` | `call_answered` (`unknown`: detection has not finished yet; `human` for the lead's own call) |
//! | `call.machine.detection.ended` (and the premium variant) | `human` → `call_answered` human; `machine` (or a fax) → `call_answered` machine, `call_ended` voicemail (failed for a fax) and the call hung up through the REST API |
//! | `call.hangup` | `call_ended`, its outcome from `hangup_cause`, its duration from the answer (or `start_time`) to `end_time` |
//! | `streaming.failed` | `call_stream_failed` with Telnyx's `failure_reason` |
//! | anything else (an outgoing `call.initiated`, `streaming.started`, …) | nothing |
//!
//! The call is named by the `client_state` Throughline set when placing or answering it (it is
//! inside the signed body), or failing that by the URL's query, or for a lead's call by its
//! `from`, `to` and `call_control_id`; the payload's `call_control_id` must be the one the call
//! was placed or received as. Events of a caller with no conversation (a call we turned away)
//! are acknowledged and change nothing. Signature, 403/400/404 and "durable before the 2xx" are as
//! for the SMS webhooks.

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::vocab::{AnsweredBy, CallOutcome};
use domain::{CallId, ConversationId, Event, Provider};
use providers::{AnswerRequest, ClientState};
use serde::Deserialize;

use super::calls::{
    Admitted, CallQuery, CallRecord, admit, answered_key, caller_conversation, ended_key, find_received, hang_up,
    load_call, media_url, on_span, record, voice_api_base,
};
use crate::error::ApiError;
use crate::sms::webhooks::{bad_request, verify_telnyx};
use crate::state::AppState;

/// Longest carrier-supplied text (a hang-up cause, a stream failure) kept on the timeline.
const REASON_MAX: usize = 200;

/// The `stream_url` for a Telnyx call: the gateway's Telnyx websocket with a stream token in
/// the query, minted now with the dial lifetime (it must outlast the ringing). `None` without
/// a public URL (the media one, else the server's).
pub fn stream_url(app: &AppState, conversation: ConversationId, call: CallId, now: DateTime<Utc>) -> Option<String> {
    let base = app.media_base()?;
    Some(format!("{}?token={}", media_url(base, "telnyx"), app.voice.dial_token(conversation, call, now)))
}

/// The dedupe key of a call's answering-machine verdict.
pub(super) fn detected_key(call: CallId) -> String {
    format!("call_detected:{call}")
}

/// The parts of a Telnyx call webhook Throughline reads; everything else is ignored.
#[derive(Deserialize)]
struct Webhook {
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    event_type: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    occurred_at: Option<String>,
    #[serde(default)]
    payload: Payload,
}

#[derive(Deserialize, Default)]
struct Payload {
    #[serde(default)]
    call_control_id: Option<String>,
    #[serde(default)]
    client_state: Option<String>,
    #[serde(default)]
    hangup_cause: Option<String>,
    #[serde(default)]
    start_time: Option<String>,
    #[serde(default)]
    end_time: Option<String>,
    /// Answering-machine detection's verdict.
    #[serde(default)]
    result: Option<String>,
    #[serde(default)]
    failure_reason: Option<String>,
    /// `incoming` for a call the lead made to one of our numbers.
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

impl Payload {
    /// A call the lead made, not one Throughline placed.
    fn incoming(&self) -> bool {
        self.direction.as_deref() == Some("incoming")
    }

    /// The carrier's id for the call, required.
    fn control_id(&self) -> Result<&str, ApiError> {
        self.call_control_id
            .as_deref()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| bad_request("call_control_id is missing").field("call_control_id"))
    }

    /// The conversation of the caller and the number called, if there is one.
    async fn caller(&self, app: &AppState) -> Result<Option<ConversationId>, ApiError> {
        let from = self.from.as_deref().ok_or_else(|| bad_request("from is missing").field("from"))?;
        let to = self.to.as_deref().ok_or_else(|| bad_request("to is missing").field("to"))?;
        caller_conversation(app, from, to).await
    }
}

/// A timestamp as Telnyx (and Vonage) write it, RFC 3339; an unreadable one counts as absent.
pub(super) fn time(raw: Option<&str>) -> Option<DateTime<Utc>> {
    raw.and_then(|t| t.parse().ok())
}

pub(super) fn short(text: &str) -> String {
    text.chars().take(REASON_MAX).collect()
}

/// How a call that hung up with `cause` went. `machine`: detection found a machine earlier.
pub fn hangup_outcome(cause: &str, machine: bool) -> CallOutcome {
    match cause {
        "normal_clearing" | "time_limit" if machine => CallOutcome::Voicemail,
        "normal_clearing" | "time_limit" => CallOutcome::Human,
        // A declined call (SIP 603) reads like a busy line, as Twilio reports it.
        "user_busy" | "call_rejected" => CallOutcome::Busy,
        // Cancelled by us while ringing: the lead never picked up.
        "no_answer" | "timeout" | "originator_cancel" => CallOutcome::NoAnswer,
        _ => CallOutcome::Failed,
    }
}

/// What answering-machine detection's `result` means: a person, a machine, or not known.
fn detection(result: &str) -> Option<AnsweredBy> {
    match result {
        "human" | "human_residence" | "human_business" => Some(AnsweredBy::Human),
        "machine" | "fax_detected" => Some(AnsweredBy::Machine),
        _ => None,
    }
}

/// Talk time: from the answer (or, not knowing it, the call's start) to its end; zero for a
/// call nobody answered or when the times are missing.
pub(super) fn talk_time(outcome: CallOutcome, from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>) -> u32 {
    if !matches!(outcome, CallOutcome::Human | CallOutcome::Voicemail) {
        return 0;
    }
    match (from, to) {
        (Some(from), Some(to)) => u32::try_from((to - from).num_seconds()).unwrap_or(0),
        _ => 0,
    }
}

/// The call a webhook is about: its `client_state` if Throughline wrote it, else the URL's
/// query.
fn call_of(payload: &Payload, uri: &Uri) -> Result<CallQuery, ApiError> {
    if let Some(state) = payload.client_state.as_deref().and_then(ClientState::decode) {
        return Ok(CallQuery { conversation_id: state.conversation_id, call_id: state.call_id });
    }
    serde_urlencoded::from_str(uri.query().unwrap_or_default())
        .map_err(|_| bad_request("neither client_state nor the webhook URL names the call"))
}

/// `POST /webhooks/telnyx/voice`: call progress.
#[tracing::instrument(skip_all, fields(conversation_id, call_id, event_type))]
pub async fn voice(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    verify_telnyx(&app, &headers, &body)?;
    let hook: Webhook = serde_json::from_slice(&body).map_err(|_| bad_request("not a Telnyx call event"))?;
    let ok = || (StatusCode::OK, axum::Json(serde_json::json!({}))).into_response();
    let Data { event_type, id, occurred_at, payload } = hook.data;
    let span = tracing::Span::current();
    span.record("event_type", event_type.as_str());
    if event_type == "call.initiated" && payload.incoming() && payload.client_state.is_none() {
        return incoming(&app, &payload).await.map(|()| ok());
    }
    let handled = [
        "call.answered",
        "call.machine.detection.ended",
        "call.machine.premium.detection.ended",
        "call.hangup",
        "streaming.failed",
    ];
    if !handled.contains(&event_type.as_str()) {
        tracing::debug!("telnyx call event ignored");
        return Ok(ok());
    }
    let (query, call) = match call_of(&payload, &uri) {
        Ok(query) => {
            on_span(query);
            let control_id = payload.call_control_id.as_deref().filter(|c| !c.is_empty());
            (query, load_call(&app, query, control_id).await?.1)
        }
        // A lead's call Telnyx reports before our answer gave it a client_state (it hung up
        // while we answered, or the answer failed): found by its caller and call id, as when
        // it rang.
        Err(_) if payload.incoming() => {
            let Some(conversation) = payload.caller(&app).await? else {
                tracing::info!("event of a caller with no conversation (turned away): nothing to record");
                return Ok(ok());
            };
            find_received(&app, conversation, payload.control_id()?).await?
        }
        Err(e) => return Err(e),
    };
    let (conversation, call_id) = (query.conversation_id, query.call_id);
    let now = app.clock.now();
    let at = time(occurred_at.as_deref()).unwrap_or(now);
    match event_type.as_str() {
        "call.answered" if !call.ended => {
            // The lead's own call was answered by us: a person is on the line.
            let by = if call.inbound { AnsweredBy::Human } else { AnsweredBy::Unknown };
            let answered = Event::CallAnswered { call_id, answered_by: by };
            record(&app, conversation, at, answered, answered_key(call_id)).await?;
        }
        "call.machine.detection.ended" | "call.machine.premium.detection.ended" if !call.ended => {
            let result = payload.result.as_deref().unwrap_or_default();
            match detection(result) {
                Some(AnsweredBy::Machine) => machine(&app, &call, query, at, result).await?,
                Some(by) => {
                    let answered = Event::CallAnswered { call_id, answered_by: by };
                    record(&app, conversation, at, answered, detected_key(call_id)).await?;
                }
                None => tracing::debug!("answering-machine detection undecided"),
            }
        }
        "call.hangup" => {
            let cause = payload.hangup_cause.as_deref().unwrap_or("unspecified");
            let outcome = hangup_outcome(cause, call.machine());
            let from = call.answered_at.or_else(|| time(payload.start_time.as_deref()));
            let to = time(payload.end_time.as_deref()).unwrap_or(at);
            let duration_secs = talk_time(outcome, from, Some(to));
            let ended = Event::CallEnded { call_id, outcome, duration_secs, reason: Some(short(cause)) };
            record(&app, conversation, at, ended, ended_key(call_id)).await?;
        }
        "streaming.failed" => {
            let why = payload.failure_reason.as_deref().unwrap_or("no reason given");
            let failed = Event::CallStreamFailed { call_id, reason: short(&format!("carrier: {why}")) };
            let key = match &id {
                Some(id) => format!("telnyx:{id}"),
                None => format!("stream_failed:{call_id}"),
            };
            record(&app, conversation, at, failed, key).await?;
        }
        _ => tracing::debug!("call event after the call ended: nothing to record"),
    }
    Ok(ok())
}

/// `call.initiated` for a call the lead made to one of the campaign's numbers: recorded as
/// `call_received` (once per `call_control_id`), then answered through the REST API with the
/// gateway's stream and a `client_state` naming the call, after Telnyx has its 2xx. Strangers,
/// withheld numbers and opted-out leads are rejected instead (only the opted-out lead's call is
/// written, ended as failed); so is a call with no public URL to stream to.
async fn incoming(app: &AppState, payload: &Payload) -> Result<(), ApiError> {
    let control_id = payload.control_id()?.to_owned();
    let Some(conversation) = payload.caller(app).await? else {
        tracing::info!("inbound call from a caller with no conversation on that number: rejected");
        spawn_command(app, None, Command::Reject(control_id));
        return Ok(());
    };
    let now = app.clock.now();
    let stream_for = |call| stream_url(app, conversation, call, now);
    let Admitted { call_id, stream, campaign } =
        admit(app, conversation, Provider::Telnyx, &control_id, now, stream_for).await?;
    let Some(stream_url) = stream else {
        spawn_command(app, Some(campaign), Command::Reject(control_id));
        return Ok(());
    };
    tracing::info!("inbound call: answering with the gateway's stream");
    let answer = AnswerRequest {
        command_id: format!("answer:{call_id}"),
        provider_call_id: control_id,
        conversation_id: conversation,
        call_id,
        stream_url,
    };
    spawn_command(app, Some(campaign), Command::Answer(answer));
    Ok(())
}

/// What Throughline tells Telnyx to do with a lead's ringing call.
enum Command {
    /// Answer it, streaming to the gateway.
    Answer(AnswerRequest),
    /// Turn it away (its `call_control_id`).
    Reject(String),
}

/// Sends `command` through the REST API after Telnyx has its 2xx, through the `campaign`'s
/// `voice.api_base` when it sets one (a stranger's call has no campaign: the account's is
/// used). A failure is logged; the call's own hang-up event then ends it on the timeline.
fn spawn_command(app: &AppState, campaign: Option<domain::CampaignId>, command: Command) {
    use tracing::Instrument as _;
    let app = app.clone();
    // On the webhook's span, so the logs name the conversation and call.
    let span = tracing::Span::current();
    let task = async move {
        let what = match &command {
            Command::Answer(_) => "answered",
            Command::Reject(_) => "rejected",
        };
        let Some(carrier) = app.carriers.get(Provider::Telnyx) else {
            tracing::warn!(what, "no Telnyx carrier configured: the inbound call cannot be answered or rejected");
            return;
        };
        let api_base = match campaign {
            Some(campaign) => voice_api_base(&app, campaign).await.ok().flatten(),
            None => None,
        };
        let sent = match &command {
            Command::Answer(answer) => carrier.answer_call(api_base.as_deref(), answer).await,
            Command::Reject(control_id) => carrier.reject_call(api_base.as_deref(), control_id).await,
        };
        match sent {
            Ok(()) => tracing::info!(what, "inbound call"),
            Err(e) => tracing::warn!(what, error = %e, "could not send an inbound call's command"),
        }
    };
    tokio::spawn(task.instrument(span));
}

/// A machine answered: record it, end the call as voicemail (a fax as failed), and hang up
/// after answering Telnyx (which wants its 2xx within 2 s).
pub(super) async fn machine(
    app: &AppState,
    call: &CallRecord,
    query: CallQuery,
    at: DateTime<Utc>,
    result: &str,
) -> Result<(), ApiError> {
    let (conversation, call_id) = (query.conversation_id, query.call_id);
    let answered = Event::CallAnswered { call_id, answered_by: AnsweredBy::Machine };
    record(app, conversation, at, answered, detected_key(call_id)).await?;
    let outcome = if result == "fax_detected" { CallOutcome::Failed } else { CallOutcome::Voicemail };
    let from = call.answered_at.unwrap_or(at);
    let ended = Event::CallEnded {
        call_id,
        outcome,
        duration_secs: talk_time(outcome, Some(from), Some(at)),
        reason: Some(format!("answering machine detected ({})", short(result))),
    };
    record(app, conversation, at, ended, ended_key(call_id)).await?;
    let app = app.clone();
    tokio::spawn(async move {
        if let Err(e) = hang_up(&app, conversation, call_id, "answering machine").await {
            tracing::warn!(conversation_id = %conversation, call_id = %call_id, error = %e, "could not hang up on a machine");
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangup_causes_map_to_outcomes() {
        assert_eq!(hangup_outcome("normal_clearing", false), CallOutcome::Human);
        assert_eq!(hangup_outcome("normal_clearing", true), CallOutcome::Voicemail);
        assert_eq!(hangup_outcome("time_limit", false), CallOutcome::Human);
        assert_eq!(hangup_outcome("user_busy", false), CallOutcome::Busy);
        assert_eq!(hangup_outcome("call_rejected", false), CallOutcome::Busy);
        assert_eq!(hangup_outcome("no_answer", false), CallOutcome::NoAnswer);
        assert_eq!(hangup_outcome("timeout", false), CallOutcome::NoAnswer);
        assert_eq!(hangup_outcome("originator_cancel", false), CallOutcome::NoAnswer);
        assert_eq!(hangup_outcome("not_found", false), CallOutcome::Failed);
        assert_eq!(hangup_outcome("unspecified", false), CallOutcome::Failed);
        assert_eq!(hangup_outcome("something_new", false), CallOutcome::Failed);
    }

    #[test]
    fn detection_results_and_talk_time() {
        assert_eq!(detection("human"), Some(AnsweredBy::Human));
        assert_eq!(detection("human_business"), Some(AnsweredBy::Human));
        assert_eq!(detection("machine"), Some(AnsweredBy::Machine));
        assert_eq!(detection("fax_detected"), Some(AnsweredBy::Machine));
        assert_eq!(detection("not_sure"), None);
        assert_eq!(detection("silence"), None);
        let t = |s: &str| time(Some(s));
        let (from, to) = (t("2026-11-24T17:00:05Z"), t("2026-11-24T17:00:47.900Z"));
        assert_eq!(talk_time(CallOutcome::Human, from, to), 42);
        assert_eq!(talk_time(CallOutcome::NoAnswer, from, to), 0);
        assert_eq!(talk_time(CallOutcome::Human, to, from), 0, "never negative");
        assert_eq!(talk_time(CallOutcome::Human, None, to), 0);
        assert_eq!(time(Some("yesterday")), None);
    }

    #[test]
    fn the_call_comes_from_client_state_or_the_query() {
        let (conversation_id, call_id) = (ConversationId::new(), CallId::new());
        let state = ClientState { conversation_id, call_id }.encode();
        let payload = Payload { client_state: Some(state), ..Payload::default() };
        let query = call_of(&payload, &Uri::from_static("/webhooks/telnyx/voice")).unwrap();
        assert_eq!((query.conversation_id, query.call_id), (conversation_id, call_id));
        let uri: Uri =
            format!("/webhooks/telnyx/voice?conversation_id={conversation_id}&call_id={call_id}").parse().unwrap();
        let foreign = Payload { client_state: Some("aGVsbG8=".into()), ..Payload::default() };
        assert_eq!(call_of(&foreign, &uri).unwrap().call_id, call_id);
        assert!(call_of(&Payload::default(), &Uri::from_static("/webhooks/telnyx/voice")).is_err());
    }
}
