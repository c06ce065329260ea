//! What the carriers' call webhooks share: finding the call a webhook is about on its
//! conversation's timeline, recording its progress once, the media websocket's URL, and
//! hanging a call up through its carrier.
//!
//! Progress is recorded under dedupe keys per call, not per webhook, so that whoever reports a
//! fact first wins and every later report of it is a no-op: [`answered_key`] for the answer,
//! [`ended_key`] for the end (the media gateway writes `call_ended` under the same key when a
//! stream ends, and a carrier's status callback for the same call then changes nothing).

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::vocab::AnsweredBy;
use domain::{CallId, ConversationId, Event, EventRecord, NewEvent, Provider};
use providers::CarrierError;
use serde::Deserialize;
use store::{AppendOutcome, AppendRequest, Loaded, StoreError};

use crate::error::ApiError;
use crate::state::AppState;

/// The call a webhook is about, from the query Throughline put on the webhook URL when it
/// placed the call.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct CallQuery {
    /// The conversation.
    pub conversation_id: ConversationId,
    /// Throughline's id for the call.
    pub call_id: CallId,
}

/// The dedupe key of a call's `call_answered`.
pub fn answered_key(call: CallId) -> String {
    format!("call_answered:{call}")
}

/// The dedupe key of a call's `call_ended`: shared by the carriers' webhooks and the media
/// gateway, so a call ends once on the timeline whoever notices first.
pub fn ended_key(call: CallId) -> String {
    format!("call_ended:{call}")
}

/// What the timeline says about one call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallRecord {
    /// The carrier it was placed through.
    pub provider: Option<Provider>,
    /// The carrier's id for it.
    pub provider_call_id: Option<String>,
    /// Who answered, as last recorded.
    pub answered_by: Option<AnsweredBy>,
    /// When it was first recorded as answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// Whether it has ended.
    pub ended: bool,
    /// Whether the lead made it (`call_received`), not Throughline.
    pub inbound: bool,
}

impl CallRecord {
    /// The call `call` on `timeline`, if it was placed.
    pub fn find(timeline: &[EventRecord], call: CallId) -> Option<Self> {
        let mut found: Option<Self> = None;
        for record in timeline {
            match &record.event {
                Event::CallPlaced { call_id, provider, provider_call_id }
                | Event::CallReceived { call_id, provider, provider_call_id }
                    if *call_id == call =>
                {
                    found = Some(Self {
                        provider: *provider,
                        provider_call_id: provider_call_id.clone(),
                        inbound: matches!(record.event, Event::CallReceived { .. }),
                        ..Self::default()
                    });
                }
                Event::CallAnswered { call_id, answered_by } if *call_id == call => {
                    if let Some(c) = found.as_mut() {
                        c.answered_by = Some(*answered_by);
                        c.answered_at.get_or_insert(record.at);
                    }
                }
                Event::CallEnded { call_id, .. } if *call_id == call => {
                    if let Some(c) = found.as_mut() {
                        c.ended = true;
                    }
                }
                _ => {}
            }
        }
        found
    }

    /// True when answering-machine detection said a machine answered.
    pub fn machine(&self) -> bool {
        self.answered_by == Some(AnsweredBy::Machine)
    }
}

/// The conversation and the call a webhook names: 404 if either is unknown (a call is known
/// once its `call_placed` is on the timeline), 400 if the carrier's id for the call is not the
/// one it was placed as.
pub(crate) async fn load_call(
    app: &AppState,
    query: CallQuery,
    provider_call_id: Option<&str>,
) -> Result<(Loaded, CallRecord), ApiError> {
    let loaded = app.loaded(query.conversation_id).await?;
    let call = CallRecord::find(&loaded.timeline, query.call_id).ok_or_else(|| {
        tracing::info!(conversation_id = %query.conversation_id, call_id = %query.call_id, "webhook for no known call");
        ApiError::not_found("call")
    })?;
    if let (Some(known), Some(claimed)) = (&call.provider_call_id, provider_call_id)
        && known != claimed
    {
        tracing::info!(conversation_id = %query.conversation_id, call_id = %query.call_id, "carrier call id mismatch");
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_webhook",
            "the carrier's call id does not match the call the URL names",
        ));
    }
    Ok((loaded, call))
}

/// Appends `event` at `at` under `key`; a key already on the timeline is a no-op (a carrier
/// retry, or the other reporter got there first). Returns whether it was written.
pub(crate) async fn record(
    app: &AppState,
    conversation: ConversationId,
    at: DateTime<Utc>,
    event: Event,
    key: String,
) -> Result<bool, ApiError> {
    let kind = event.kind();
    let request = AppendRequest::events(vec![NewEvent::new(at, event).dedupe(key)]);
    match app.append(conversation, request).await {
        Ok(AppendOutcome::Appended { .. }) => Ok(true),
        Ok(AppendOutcome::Duplicate { .. }) => {
            tracing::debug!(conversation_id = %conversation, kind, "call progress already recorded");
            Ok(false)
        }
        Err(StoreError::NotFound(_)) => Err(ApiError::not_found("conversation")),
        Err(e) => Err(e.into()),
    }
}

/// The media gateway's websocket for `carrier` (`twilio`, `telnyx`, `vonage`) under the public
/// base URL: `https://host/prefix` → `wss://host/prefix/media/{carrier}` (`http` → `ws`).
pub fn media_url(base: &str, carrier: &str) -> String {
    let base = base.trim_end_matches('/');
    let socket = if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        base.to_owned()
    };
    format!("{socket}/media/{carrier}")
}

/// The dedupe key of an inbound call's `call_received`: the carrier and its id for the call,
/// so a retried webhook finds the call it already recorded.
pub(crate) fn received_key(provider: Provider, carrier_call_id: &str) -> String {
    let carrier = match provider {
        Provider::Twilio => "twilio",
        Provider::Telnyx => "telnyx",
        Provider::Vonage => "vonage",
        Provider::Sip => "sip",
        Provider::Sandbox => "sandbox",
    };
    format!("call_received:{carrier}:{carrier_call_id}")
}

/// The inbound call the carrier knows as `carrier_call_id`, if `timeline` has it.
pub(crate) fn received_call(timeline: &[EventRecord], carrier_call_id: &str) -> Option<CallId> {
    timeline.iter().find_map(|r| match &r.event {
        Event::CallReceived { call_id, provider_call_id: Some(id), .. } if id == carrier_call_id => Some(*call_id),
        _ => None,
    })
}

/// The inbound call the carrier knows as `carrier_call_id` on `conversation`, and what the
/// timeline says of it, named on the webhook's span: 404 if the conversation or the call is
/// unknown.
pub(crate) async fn find_received(
    app: &AppState,
    conversation: ConversationId,
    carrier_call_id: &str,
) -> Result<(CallQuery, CallRecord), ApiError> {
    let loaded = app.loaded(conversation).await?;
    let call_id = received_call(&loaded.timeline, carrier_call_id).ok_or_else(|| ApiError::not_found("call"))?;
    let call = CallRecord::find(&loaded.timeline, call_id).ok_or_else(|| ApiError::not_found("call"))?;
    let query = CallQuery { conversation_id: conversation, call_id };
    on_span(query);
    Ok((query, call))
}

/// Names the call on the webhook's span (its logs carry the ids, never the numbers).
pub(crate) fn on_span(query: CallQuery) {
    let span = tracing::Span::current();
    span.record("conversation_id", tracing::field::display(query.conversation_id));
    span.record("call_id", tracing::field::display(query.call_id));
}

/// The conversation of a call from `from` to `to` (the lead calling one of the campaign's
/// numbers), if there is one: a withheld or unparseable caller has none.
pub(crate) async fn caller_conversation(
    app: &AppState,
    from: &str,
    to: &str,
) -> Result<Option<ConversationId>, ApiError> {
    let (Ok(from), Ok(to)) = (app.sms.number(from), app.sms.number(to)) else {
        return Ok(None);
    };
    Ok(app.sms.lookup(app.store.as_ref(), &from, &to).await?.map(|(conversation, _)| conversation))
}

/// A lead's call on the timeline: which call it is, where it streams, and the campaign it came
/// to (for the campaign's carrier settings).
#[derive(Debug, Clone)]
pub(crate) struct Admitted {
    /// Throughline's id for the call.
    pub call_id: CallId,
    /// Where its audio goes (the media gateway, which plays the disclosure first); `None` when
    /// it is turned away: it has ended already, the lead has opted out, or there is no public
    /// URL to stream to (the last two are recorded as ended, failed, with the reason).
    pub stream: Option<String>,
    /// The conversation's campaign.
    pub campaign: domain::CampaignId,
}

/// Records a lead's call to `conversation` as `call_received`, once per carrier call id (a
/// retried webhook finds the call it recorded), names it on the webhook's span, and decides
/// whether it goes through, to the stream `stream_for` gives the call. A call from a lead who
/// opted out is recorded and ended at once, never bridged; text-only leads and leads who
/// revoked voice consent are put through: they chose to call.
pub(crate) async fn admit(
    app: &AppState,
    conversation: ConversationId,
    provider: Provider,
    carrier_call_id: &str,
    now: DateTime<Utc>,
    stream_for: impl FnOnce(CallId) -> Option<String>,
) -> Result<Admitted, ApiError> {
    let loaded = app.loaded(conversation).await?;
    let (call_id, loaded) = match received_call(&loaded.timeline, carrier_call_id) {
        Some(call_id) => (call_id, loaded),
        None => {
            let call_id = CallId::new();
            let received = Event::CallReceived {
                call_id,
                provider: Some(provider),
                provider_call_id: Some(carrier_call_id.to_owned()),
            };
            if record(app, conversation, now, received, received_key(provider, carrier_call_id)).await? {
                // The state the call was recorded on: recording it ended nothing and opted
                // nobody out, so it need not be read again.
                (call_id, loaded)
            } else {
                // A retry raced this one: go on with the call it recorded.
                let reloaded = app.loaded(conversation).await?;
                let call_id =
                    received_call(&reloaded.timeline, carrier_call_id).ok_or_else(|| ApiError::not_found("call"))?;
                (call_id, reloaded)
            }
        }
    };
    on_span(CallQuery { conversation_id: conversation, call_id });
    let admitted = |stream| Admitted { call_id, stream, campaign: loaded.conversation.campaign_id };
    if CallRecord::find(&loaded.timeline, call_id).is_some_and(|call| call.ended) {
        tracing::info!("inbound call already ended: turned away");
        return Ok(admitted(None));
    }
    if loaded.state.opted_out() {
        end_failed(app, conversation, call_id, now, "the lead has opted out: not put through to the AI").await?;
        tracing::info!("inbound call from an opted-out lead: turned away");
        return Ok(admitted(None));
    }
    let stream = stream_for(call_id);
    if stream.is_none() {
        let reason = "no public URL for the media stream: the call was turned away";
        end_failed(app, conversation, call_id, now, reason).await?;
        tracing::warn!("inbound call with no public URL to stream to: turned away");
    }
    Ok(admitted(stream))
}

/// Records a lead's call as ended, failed, before it was answered, with `reason`.
async fn end_failed(
    app: &AppState,
    conversation: ConversationId,
    call_id: CallId,
    now: DateTime<Utc>,
    reason: &str,
) -> Result<(), ApiError> {
    let outcome = domain::vocab::CallOutcome::Failed;
    let ended = Event::CallEnded { call_id, outcome, duration_secs: 0, reason: Some(reason.to_owned()) };
    record(app, conversation, now, ended, ended_key(call_id)).await?;
    Ok(())
}

/// The `campaign`'s `voice.api_base`, when it overrides the carrier account's.
pub(crate) async fn voice_api_base(app: &AppState, campaign: domain::CampaignId) -> Result<Option<String>, StoreError> {
    let campaign = app.sms.campaign(app.store.as_ref(), campaign).await?;
    Ok(campaign.voice.as_ref().and_then(|v| crate::engine::outbox::api_base(&v.extra)))
}

/// Why a call could not be hung up.
#[derive(Debug, thiserror::Error)]
pub enum HangUpError {
    /// The conversation does not exist, or has no `call_placed` for this call.
    #[error("no such call")]
    UnknownCall,
    /// The call was placed through a carrier this instance has no account for.
    #[error("no {0:?} carrier configured on this instance")]
    NoCarrier(Provider),
    /// The carrier refused or could not be reached (its message, without personal data).
    #[error(transparent)]
    Carrier(#[from] CarrierError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Hangs up a call through the carrier it was placed with (the carrier and its call id come
/// from the call's `call_placed`; the campaign's `voice.api_base`, when set, is used). For the
/// media gateway when a bot closes or fails, and for answering machines. Writes nothing: the
/// carrier's hang-up webhook (or the gateway) records the end. Idempotent: a call that has
/// already ended is hung up successfully. A call placed without a carrier id yet (the carrier's
/// answer was not recorded) cannot be reached and is `UnknownCall`.
pub async fn hang_up(
    app: &AppState,
    conversation: ConversationId,
    call: CallId,
    reason: &str,
) -> Result<(), HangUpError> {
    let loaded = app.store.load(conversation).await?.ok_or(HangUpError::UnknownCall)?;
    hang_up_loaded(app, &loaded, call, reason).await
}

/// [`hang_up`], for a caller that has the conversation loaded already.
#[tracing::instrument(skip_all, fields(conversation_id = %loaded.conversation.id, call_id = %call))]
pub(crate) async fn hang_up_loaded(
    app: &AppState,
    loaded: &Loaded,
    call: CallId,
    reason: &str,
) -> Result<(), HangUpError> {
    let placed = CallRecord::find(&loaded.timeline, call).ok_or(HangUpError::UnknownCall)?;
    let (Some(provider), Some(provider_call_id)) = (placed.provider, placed.provider_call_id) else {
        return Err(HangUpError::UnknownCall);
    };
    let carrier = app.carriers.get(provider).ok_or(HangUpError::NoCarrier(provider))?;
    let api_base = voice_api_base(app, loaded.conversation.campaign_id).await?;
    carrier.hang_up(api_base.as_deref(), &provider_call_id).await?;
    tracing::info!(?provider, reason, "call hung up");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Seq;
    use domain::vocab::CallOutcome;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    fn record(seq: u64, secs: i64, event: Event) -> EventRecord {
        EventRecord {
            conversation_id: ConversationId::new(),
            seq: Seq(seq),
            at: at(secs),
            recorded_at: at(secs),
            event,
        }
    }

    #[test]
    fn media_urls_follow_the_public_scheme() {
        assert_eq!(media_url("https://t.example", "twilio"), "wss://t.example/media/twilio");
        assert_eq!(media_url("http://127.0.0.1:8080/", "telnyx"), "ws://127.0.0.1:8080/media/telnyx");
        assert_eq!(
            media_url("https://example.com/throughline", "vonage"),
            "wss://example.com/throughline/media/vonage"
        );
    }

    #[test]
    fn a_call_is_read_off_its_timeline() {
        let (call, other) = (CallId::new(), CallId::new());
        let timeline = vec![
            record(
                1,
                0,
                Event::CallPlaced { call_id: other, provider: Some(Provider::Twilio), provider_call_id: None },
            ),
            record(
                2,
                1,
                Event::CallPlaced {
                    call_id: call,
                    provider: Some(Provider::Telnyx),
                    provider_call_id: Some("v3:x".into()),
                },
            ),
            record(3, 20, Event::CallAnswered { call_id: call, answered_by: AnsweredBy::Unknown }),
            record(4, 23, Event::CallAnswered { call_id: call, answered_by: AnsweredBy::Machine }),
        ];
        let found = CallRecord::find(&timeline, call).unwrap();
        assert_eq!(found.provider_call_id.as_deref(), Some("v3:x"));
        assert_eq!((found.answered_at, found.machine(), found.ended), (Some(at(20)), true, false));
        let mut ended = timeline.clone();
        ended.push(record(
            5,
            24,
            Event::CallEnded { call_id: call, outcome: CallOutcome::Voicemail, duration_secs: 0, reason: None },
        ));
        assert!(CallRecord::find(&ended, call).unwrap().ended);
        assert!(!CallRecord::find(&ended, other).unwrap().ended);
        assert_eq!(CallRecord::find(&timeline, CallId::new()), None);
    }
}
