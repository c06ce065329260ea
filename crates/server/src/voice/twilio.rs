//! Twilio voice webhooks, for calls the outbox placed through `Calls.json` (with
//! `MachineDetection=Enable`, so Twilio fetches the instructions once it knows who answered):
//!
//! - `POST /webhooks/twilio/voice?conversation_id=…&call_id=…`: the call was answered. A
//!   person (or an undecided detector) gets `<Connect><Stream>` to the media gateway with a
//!   fresh stream token; an answering machine or fax gets `<Hangup/>`, and the call ends on the
//!   timeline there and then (voicemail, or failed for a fax), which moves the cadence on.
//! - `POST /webhooks/twilio/voice/status?conversation_id=…&call_id=…`: call progress. Only the
//!   terminal statuses are recorded (as `call_ended`); ringing and answering add nothing the
//!   voice webhook does not record better.
//!
//! Both are authenticated like the SMS webhooks (403 and nothing written), answer 404 for a
//! conversation or call that does not exist and 400 for a malformed form, and answer only once
//! what they record is durable. Retries record nothing new (per-call dedupe keys, see
//! [`super::calls`]).
//!
//! **Calls the lead makes.** The same two URLs, set as a campaign number's voice URL and status
//! callback in Twilio's console, take inbound calls: a URL without `call_id` is a call to us.
//! The caller and the number called (`From`, `To`) find the lead's conversation, as an inbound
//! text does; the call lands on its timeline as `call_received` (keyed by the `CallSid`, so a
//! retry answers the same call) and is bridged to the campaign's bot through the media gateway,
//! disclosure first, like a call we placed. A caller with no conversation on that number, or a
//! withheld number, is rejected (`<Reject/>`, nothing written). A lead who has opted out is not
//! put through to the AI: the call is recorded, ended and hung up.

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Uri, header};
use axum::response::{IntoResponse, Response};
use domain::Event;
use domain::vocab::{AnsweredBy, CallOutcome};

use super::calls::{
    Admitted, CallQuery, CallRecord, admit, answered_key, caller_conversation, ended_key, find_received, load_call,
    media_url, on_span, record,
};
use super::transfer::TransferStatus;
use crate::error::ApiError;
use crate::sms::webhooks::{bad_request, param, public_url_at, twilio_form};
use crate::state::AppState;

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

pub use providers::twilio::xml_escape;

/// TwiML connecting the call to a bidirectional media stream at `url`, with custom parameters
/// (Twilio hands them to the websocket in `start.customParameters`), then, once the stream
/// ends without the call being moved, fetching what comes next from `then`.
pub fn stream_twiml(url: &str, parameters: &[(&str, &str)], then: &str) -> String {
    let mut twiml = format!("{XML_HEAD}<Response><Connect><Stream url=\"{}\">", xml_escape(url));
    for (name, value) in parameters {
        twiml.push_str(&format!("<Parameter name=\"{}\" value=\"{}\"/>", xml_escape(name), xml_escape(value)));
    }
    twiml.push_str(&format!("</Stream></Connect><Redirect method=\"POST\">{}</Redirect></Response>", xml_escape(then)));
    twiml
}

/// TwiML that hangs up.
pub fn hangup_twiml() -> String {
    format!("{XML_HEAD}<Response><Hangup/></Response>")
}

/// Twilio's "nothing to say".
fn empty_twiml() -> String {
    format!("{XML_HEAD}<Response></Response>")
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml")], body).into_response()
}

/// Twilio's `AnsweredBy` values (`MachineDetection=Enable`, or `DetectMessageEnd`).
const MACHINE: [&str; 5] = ["machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax"];

/// Who answered, from Twilio's `AnsweredBy` (absent when detection was off or undecided).
pub fn answered_by(raw: Option<&str>) -> AnsweredBy {
    match raw {
        Some("human") => AnsweredBy::Human,
        Some(m) if MACHINE.contains(&m) => AnsweredBy::Machine,
        _ => AnsweredBy::Unknown,
    }
}

/// How a call answered by a machine ends: a fax is a failed call, anything else voicemail.
fn machine_outcome(raw: Option<&str>) -> CallOutcome {
    if raw == Some("fax") { CallOutcome::Failed } else { CallOutcome::Voicemail }
}

/// The outcome of a call whose `CallStatus` is `status`, or `None` while it is still going
/// (`queued`, `initiated`, `ringing`, `in-progress`) or for a status Twilio does not document.
/// `machine` says detection already found a machine.
pub fn ended_outcome(status: &str, answered: Option<&str>, machine: bool) -> Option<CallOutcome> {
    Some(match status {
        "completed" if machine || answered_by(answered) == AnsweredBy::Machine => machine_outcome(answered),
        "completed" => CallOutcome::Human,
        "busy" => CallOutcome::Busy,
        // Cancelled while queued or ringing: the lead never picked up.
        "no-answer" | "canceled" => CallOutcome::NoAnswer,
        "failed" => CallOutcome::Failed,
        _ => return None,
    })
}

fn call_query(uri: &Uri) -> Result<CallQuery, ApiError> {
    serde_urlencoded::from_str(uri.query().unwrap_or_default())
        .map_err(|_| bad_request("the webhook URL must carry conversation_id and call_id"))
}

fn call_sid(params: &[(String, String)]) -> Result<&str, ApiError> {
    param(params, "CallSid")
        .filter(|s| !s.is_empty() && s.len() <= 64)
        .ok_or_else(|| bad_request("CallSid is missing").field("CallSid"))
}

/// A webhook's form parameters, in order.
type Form = Vec<(String, String)>;

/// What both voice webhooks start with: the verified form, the call Throughline put on the
/// URL (recorded on the span) and the carrier's `CallSid`.
fn signed_call(
    app: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(Form, CallQuery, String), ApiError> {
    let params = twilio_form(app, headers, uri, body)?;
    let query = call_query(uri)?;
    on_span(query);
    let sid = call_sid(&params)?.to_owned();
    Ok((params, query, sid))
}

/// Whether a voice webhook's URL names a call Throughline placed; without one it is about a call
/// the lead made to one of the campaign's numbers.
fn names_a_call(uri: &Uri) -> bool {
    uri.query().is_some_and(|q| q.split('&').any(|pair| pair.starts_with("call_id=")))
}

/// TwiML that turns a call away without answering it.
fn reject_twiml() -> String {
    format!("{XML_HEAD}<Response><Reject/></Response>")
}

/// The conversation of an inbound call's caller and number called, if there is one (a withheld
/// or unparseable caller has none).
async fn caller_of(app: &AppState, params: &[(String, String)]) -> Result<Option<domain::ConversationId>, ApiError> {
    let from = param(params, "From").ok_or_else(|| bad_request("From is missing").field("From"))?;
    let to = param(params, "To").ok_or_else(|| bad_request("To is missing").field("To"))?;
    caller_conversation(app, from, to).await
}

/// A call the lead made to us (see the module docs).
async fn inbound(app: &AppState, headers: &HeaderMap, params: &[(String, String)]) -> Result<Response, ApiError> {
    let sid = call_sid(params)?.to_owned();
    let Some(conversation) = caller_of(app, params).await? else {
        tracing::info!("inbound call from a caller with no conversation on that number: rejected");
        return Ok(xml(reject_twiml()));
    };
    let now = app.clock.now();
    let stream_for = |call| Some(stream(app, headers, conversation, call, now));
    let Admitted { stream, .. } = admit(app, conversation, domain::Provider::Twilio, &sid, now, stream_for).await?;
    let Some(twiml) = stream else { return Ok(xml(hangup_twiml())) };
    tracing::info!("inbound call: streaming to the gateway");
    Ok(xml(twiml))
}

/// TwiML streaming `call` to the media gateway with a fresh token; when the stream ends Twilio
/// asks [`next`] what follows.
fn stream(
    app: &AppState,
    headers: &HeaderMap,
    conversation: domain::ConversationId,
    call: domain::CallId,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let base = public_url_at(app.media_base(), headers, &Uri::from_static("/"));
    let token = app.voice.token(conversation, call, now);
    let then = hook_url(app, headers, "voice/next", conversation, call);
    stream_twiml(&media_url(&base, "twilio"), &[("token", &token)], &then)
}

/// The public URL of Twilio voice webhook `what` for `call`.
fn hook_url(
    app: &AppState,
    headers: &HeaderMap,
    what: &str,
    conversation: domain::ConversationId,
    call: domain::CallId,
) -> String {
    let base = public_url_at(app.sms.public_url.as_deref(), headers, &Uri::from_static("/"));
    crate::sms::call_hook_url(base.trim_end_matches('/'), "twilio", what, conversation, call)
}

/// What the status webhook starts with for a call the lead made: the verified form, the call
/// (found by the caller's conversation and the `CallSid`; 404 if either is unknown), the sid
/// and what the timeline says of the call.
async fn inbound_call(
    app: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(Form, CallQuery, String, CallRecord), ApiError> {
    let params = twilio_form(app, headers, uri, body)?;
    let sid = call_sid(&params)?.to_owned();
    let conversation = caller_of(app, &params).await?.ok_or_else(|| ApiError::not_found("conversation"))?;
    let (query, call) = find_received(app, conversation, &sid).await?;
    Ok((params, query, sid, call))
}

/// `POST /webhooks/twilio/voice`: a call we placed was answered, or the lead is calling us;
/// answers TwiML.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn voice(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !names_a_call(&uri) {
        let params = twilio_form(&app, &headers, &uri, &body)?;
        return inbound(&app, &headers, &params).await;
    }
    let (params, query, sid) = signed_call(&app, &uri, &headers, &body)?;
    let (loaded, call) = load_call(&app, query, Some(&sid)).await?;
    if call.ended {
        tracing::info!("answer webhook for a call that already ended: hanging up");
        return Ok(xml(hangup_twiml()));
    }
    let (conversation, call_id, now) = (query.conversation_id, query.call_id, app.clock.now());
    let raw = param(&params, "AnsweredBy");
    let by = answered_by(raw);
    record(&app, conversation, now, Event::CallAnswered { call_id, answered_by: by }, answered_key(call_id)).await?;
    if by == AnsweredBy::Machine {
        let outcome = machine_outcome(raw);
        let reason = format!("answered by {}", raw.unwrap_or("a machine"));
        let ended = Event::CallEnded { call_id, outcome, duration_secs: 0, reason: Some(reason) };
        record(&app, conversation, now, ended, ended_key(call_id)).await?;
        tracing::info!(?outcome, "answering machine: hanging up");
        return Ok(xml(hangup_twiml()));
    }
    if loaded.state.opted_out() {
        // The lead revoked consent while the phone rang: no AI on this call.
        tracing::info!("consent revoked before the answer: hanging up");
        return Ok(xml(hangup_twiml()));
    }
    Ok(xml(stream(&app, &headers, conversation, call_id, now)))
}

/// `POST /webhooks/twilio/voice/status`: call progress; a terminal status ends the call.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn status(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    // An inbound call was found on its timeline already; a placed one is loaded once the form
    // is known to be whole.
    let (params, query, sid, found) = if names_a_call(&uri) {
        let (params, query, sid) = signed_call(&app, &uri, &headers, &body)?;
        (params, query, sid, None)
    } else {
        let (params, query, sid, call) = inbound_call(&app, &uri, &headers, &body).await?;
        (params, query, sid, Some(call))
    };
    let status =
        param(&params, "CallStatus").ok_or_else(|| bad_request("CallStatus is missing").field("CallStatus"))?;
    let call = match found {
        Some(call) => call,
        None => load_call(&app, query, Some(&sid)).await?.1,
    };
    let Some(outcome) = ended_outcome(status, param(&params, "AnsweredBy"), call.machine()) else {
        tracing::debug!(status, "call progress");
        return Ok(xml(empty_twiml()));
    };
    let duration_secs = param(&params, "CallDuration").and_then(|d| d.trim().parse().ok()).unwrap_or(0);
    let ended = Event::CallEnded { call_id: query.call_id, outcome, duration_secs, reason: Some(status.to_owned()) };
    record(&app, query.conversation_id, app.clock.now(), ended, ended_key(query.call_id)).await?;
    Ok(xml(empty_twiml()))
}

/// How many times a caller waiting for a transfer is put back on hold before the call is
/// given up on, and how long each wait is.
const HOLD_ROUNDS: u32 = 6;
const HOLD_SECS: u32 = 5;

/// TwiML saying `text`, then hanging up when `hang_up`.
fn say_twiml(text: &str, hang_up: bool) -> String {
    let end = if hang_up { "<Hangup/>" } else { "" };
    format!("{XML_HEAD}<Response><Say>{}</Say>{end}</Response>", xml_escape(text))
}

/// Which round of holding music (silence) a `voice/next` request is: `hold=N` on its URL.
fn hold_round(uri: &Uri) -> u32 {
    uri.query()
        .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("hold=")))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// What the lead hears when the people's line did not take the call.
fn apology(campaign: &domain::Campaign) -> String {
    format!(
        "Sorry, nobody from {} could take your call just now. Someone will get back to you soon. Goodbye.",
        campaign.persona.company
    )
}

/// `POST /webhooks/twilio/voice/next`: the call's media stream ended and Twilio asks what
/// follows (the stream TwiML's `<Redirect>`). A call being transferred waits on hold, a few
/// seconds at a time, until the transfer's new TwiML replaces this; a transfer that failed
/// gets the apology; anything else hangs up, as the end of the TwiML would.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn next(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (_, query, sid) = signed_call(&app, &uri, &headers, &body)?;
    let (loaded, call) = load_call(&app, query, Some(&sid)).await?;
    let round = hold_round(&uri);
    match super::transfer::status(&loaded.timeline, query.call_id).0 {
        Some(TransferStatus::Ringing { .. }) if !call.ended && round < HOLD_ROUNDS => {
            let then = format!(
                "{}&hold={}",
                hook_url(&app, &headers, "voice/next", query.conversation_id, query.call_id),
                round + 1
            );
            let say =
                if round == 0 { "<Say>Please hold while I connect you with a member of the team.</Say>" } else { "" };
            tracing::info!(round, "caller on hold for the transfer");
            Ok(xml(format!(
                "{XML_HEAD}<Response>{say}<Pause length=\"{HOLD_SECS}\"/><Redirect method=\"POST\">{}</Redirect></Response>",
                xml_escape(&then)
            )))
        }
        Some(TransferStatus::Failed { .. }) if !call.ended => {
            let campaign = app.sms.campaign(app.store.as_ref(), loaded.conversation.campaign_id).await?;
            Ok(xml(say_twiml(&apology(&campaign), true)))
        }
        _ => Ok(xml(hangup_twiml())),
    }
}

/// `POST /webhooks/twilio/voice/whisper`: the people's line answered a transfer (`<Number
/// url>`, fetched on their leg, whose `ParentCallSid` is the lead's call). Records
/// `handoff_accepted` and answers the spoken summary; they are connected when it ends. A call
/// with no transfer ringing gets a hang-up on the person's leg.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn whisper(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let params = twilio_form(&app, &headers, &uri, &body)?;
    let query = call_query(&uri)?;
    on_span(query);
    let parent = param(&params, "ParentCallSid")
        .filter(|s| !s.is_empty() && s.len() <= 64)
        .ok_or_else(|| bad_request("ParentCallSid is missing").field("ParentCallSid"))?;
    let (loaded, _) = load_call(&app, query, Some(parent)).await?;
    let (status, started) = super::transfer::status(&loaded.timeline, query.call_id);
    let Some(status) = status.filter(TransferStatus::in_progress) else {
        tracing::info!("whisper for a call with no transfer ringing: the person's leg is hung up");
        return Ok(xml(hangup_twiml()));
    };
    let accepted = Event::HandoffAccepted { agent: status.to().to_owned() };
    record(&app, query.conversation_id, app.clock.now(), accepted, accepted_key(query.call_id, started)).await?;
    let campaign = app.sms.campaign(app.store.as_ref(), loaded.conversation.campaign_id).await?;
    tracing::info!("transfer answered: whispering the summary");
    Ok(xml(say_twiml(&super::transfer::whisper_text(&campaign, &loaded.state), false)))
}

/// The dedupe key of the acceptance of a call's `n`th transfer (the whisper and the outcome
/// both report it).
fn accepted_key(call: domain::CallId, n: usize) -> String {
    format!("handoff_accepted:{call}:{n}")
}

/// `POST /webhooks/twilio/voice/transfer`: the `<Dial>` of a transfer finished
/// (`DialCallStatus`). Answered and over: the call hangs up (the person has talked to the
/// lead; the status callback records the end). Busy, not answered, failed: `handoff_declined`
/// with the status, and the lead hears the apology.
#[tracing::instrument(skip_all, fields(conversation_id, call_id))]
pub async fn transfer_outcome(
    State(app): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (params, query, sid) = signed_call(&app, &uri, &headers, &body)?;
    let dialled = param(&params, "DialCallStatus")
        .filter(|s| !s.is_empty() && s.len() <= 32)
        .ok_or_else(|| bad_request("DialCallStatus is missing").field("DialCallStatus"))?
        .to_owned();
    let (loaded, _) = load_call(&app, query, Some(&sid)).await?;
    let (status, started) = super::transfer::status(&loaded.timeline, query.call_id);
    let Some(status) = status else {
        tracing::info!("transfer outcome for a call never transferred");
        return Ok(xml(hangup_twiml()));
    };
    let (conversation, call_id, now) = (query.conversation_id, query.call_id, app.clock.now());
    let agent = status.to().to_owned();
    if matches!(dialled.as_str(), "completed" | "answered") {
        if matches!(status, TransferStatus::Ringing { .. }) {
            record(&app, conversation, now, Event::HandoffAccepted { agent }, accepted_key(call_id, started)).await?;
        }
        tracing::info!("transfer over: the people's line has hung up");
        return Ok(xml(hangup_twiml()));
    }
    if matches!(status, TransferStatus::Ringing { .. }) {
        let declined = Event::HandoffDeclined { agent, reason: Some(format!("transfer {dialled}")) };
        record(&app, conversation, now, declined, format!("handoff_declined:{call_id}:{started}")).await?;
    }
    tracing::info!(status = %dialled, "transfer not taken: apologising to the lead");
    let campaign = app.sms.campaign(app.store.as_ref(), loaded.conversation.campaign_id).await?;
    Ok(xml(say_twiml(&apology(&campaign), true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiml_escapes_everything_it_is_given() {
        let twiml =
            stream_twiml("wss://t.example/a?b=1&c=\"2\"", &[("token", "x<y>&'z'")], "https://t.example/n?a=1&b=2");
        assert_eq!(
            twiml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect>\
             <Stream url=\"wss://t.example/a?b=1&amp;c=&quot;2&quot;\">\
             <Parameter name=\"token\" value=\"x&lt;y&gt;&amp;&apos;z&apos;\"/>\
             </Stream></Connect><Redirect method=\"POST\">https://t.example/n?a=1&amp;b=2</Redirect></Response>"
        );
        assert_eq!(hangup_twiml(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
        assert_eq!(xml_escape("plain.token_-9"), "plain.token_-9");
    }

    #[test]
    fn answered_by_reads_detection() {
        assert_eq!(answered_by(Some("human")), AnsweredBy::Human);
        for machine in MACHINE {
            assert_eq!(answered_by(Some(machine)), AnsweredBy::Machine, "{machine}");
        }
        assert_eq!(answered_by(Some("unknown")), AnsweredBy::Unknown);
        assert_eq!(answered_by(Some("machine_something_new")), AnsweredBy::Unknown);
        assert_eq!(answered_by(None), AnsweredBy::Unknown);
    }

    #[test]
    fn terminal_statuses_map_to_outcomes() {
        assert_eq!(ended_outcome("completed", None, false), Some(CallOutcome::Human));
        assert_eq!(ended_outcome("completed", Some("human"), false), Some(CallOutcome::Human));
        assert_eq!(ended_outcome("completed", Some("machine_start"), false), Some(CallOutcome::Voicemail));
        assert_eq!(ended_outcome("completed", None, true), Some(CallOutcome::Voicemail), "detected earlier");
        assert_eq!(ended_outcome("completed", Some("fax"), false), Some(CallOutcome::Failed));
        assert_eq!(ended_outcome("busy", None, false), Some(CallOutcome::Busy));
        assert_eq!(ended_outcome("no-answer", None, false), Some(CallOutcome::NoAnswer));
        assert_eq!(ended_outcome("canceled", None, false), Some(CallOutcome::NoAnswer));
        assert_eq!(ended_outcome("failed", None, false), Some(CallOutcome::Failed));
        for going in ["queued", "initiated", "ringing", "in-progress", "answered", ""] {
            assert_eq!(ended_outcome(going, None, false), None, "{going}");
        }
    }
}
