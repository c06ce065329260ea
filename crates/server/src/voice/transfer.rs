//! Warm transfer: a live call whose conversation is handed to a person moves to the campaign's
//! people's line (`voice.transfer_to`) through its carrier, and the person hears who is on the
//! line and why before being connected.
//!
//! 1. Whoever records the `handoff_requested` (the handoff API a bot or an agent tool calls,
//!    the media gateway when a bot fails under `on_bot_failure: handoff`) appends, in the same
//!    transaction, `transfer_started` for the live call and an outbox row that transfers it
//!    ([`plan`]). Both are durable before anyone is told.
//! 2. The outbox worker asks the carrier to move the call (Twilio: the call's TwiML becomes a
//!    `<Dial>` to the line, with a whisper on the person's leg and an action URL for the
//!    outcome). The carrier ends the call's media stream; the gateway records no end for a
//!    call in transfer, and does not hang it up when its bot closes: the carrier's status
//!    callback records the end once the person or the lead hangs up.
//! 3. The person answers: the whisper webhook records `handoff_accepted` (the conversation is
//!    `with_agent`) and answers with the spoken summary. The line is busy or nobody answers:
//!    the outcome webhook records `handoff_declined` with the carrier's status, and the lead
//!    hears an apology before the call ends. The conversation stays `handoff_pending`.
//!
//! A carrier that cannot transfer, a campaign without `transfer_to`, or no live call: the
//! handoff is recorded and nothing else happens (as before transfers existed).

use chrono::{DateTime, Utc};
use domain::vocab::AnsweredBy;
use domain::{ActionId, CallId, Campaign, E164, Event, EventRecord, NewEvent, Provider};
use serde::{Deserialize, Serialize};
use store::{AppendRequest, Loaded, NewOutbox, StoreError};

use super::calls::CallRecord;
use crate::state::AppState;

/// The outbox kind of a transfer.
pub const KIND: &str = "handoff";

/// An outbox row's payload: which call goes where.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Transfer {
    /// Throughline's id for the call.
    pub call_id: CallId,
    /// Its carrier.
    pub provider: Provider,
    /// The carrier's id for it.
    pub provider_call_id: String,
    /// The people's line.
    pub to: E164,
    /// The caller id they see: the campaign's voice number.
    pub from: E164,
    /// How long their line rings.
    pub timeout_secs: u32,
    /// The campaign's own API base for the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_base: Option<String>,
}

/// Where a call's latest transfer stands, read off the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferStatus {
    /// Started; the people's line has not answered or refused yet.
    Ringing {
        /// The line.
        to: String,
    },
    /// A person answered.
    Accepted {
        /// The line.
        to: String,
    },
    /// Nobody answered, the line was busy, or the carrier refused the transfer.
    Failed {
        /// The line.
        to: String,
    },
}

impl TransferStatus {
    /// The line the call is (or was being) transferred to.
    pub fn to(&self) -> &str {
        match self {
            TransferStatus::Ringing { to } | TransferStatus::Accepted { to } | TransferStatus::Failed { to } => to,
        }
    }

    /// The call has left (or is leaving) its media stream for the people's line.
    pub fn in_progress(&self) -> bool {
        !matches!(self, TransferStatus::Failed { .. })
    }
}

/// The latest transfer of `call` on `timeline`, and how many were started.
pub fn status(timeline: &[EventRecord], call: CallId) -> (Option<TransferStatus>, usize) {
    let mut current = None;
    let mut started = 0;
    for record in timeline {
        match &record.event {
            Event::TransferStarted { call_id, to } if *call_id == call => {
                current = Some(TransferStatus::Ringing { to: to.clone() });
                started += 1;
            }
            Event::HandoffAccepted { agent } => {
                if let Some(TransferStatus::Ringing { to }) = &current
                    && to == agent
                {
                    current = Some(TransferStatus::Accepted { to: to.clone() });
                }
            }
            Event::HandoffDeclined { agent, .. } => {
                if let Some(TransferStatus::Ringing { to }) = &current
                    && to == agent
                {
                    current = Some(TransferStatus::Failed { to: to.clone() });
                }
            }
            _ => {}
        }
    }
    (current, started)
}

/// The call on `timeline` a person could be put through to: the latest call that a person
/// answered (or the lead made) and that has not ended.
pub fn live_call(timeline: &[EventRecord]) -> Option<(CallId, CallRecord)> {
    let mut calls: Vec<CallId> = Vec::new();
    for record in timeline {
        if let Event::CallPlaced { call_id, .. } | Event::CallReceived { call_id, .. } = &record.event
            && !calls.contains(call_id)
        {
            calls.push(*call_id);
        }
    }
    calls.into_iter().rev().find_map(|id| {
        let call = CallRecord::find(timeline, id)?;
        let answered = call.inbound || matches!(call.answered_by, Some(AnsweredBy::Human | AnsweredBy::Unknown));
        (answered && !call.ended && call.provider_call_id.is_some()).then_some((id, call))
    })
}

/// The `transfer_started` event and the outbox row that transfer the conversation's live call
/// to `campaign`'s people, to append with a `handoff_requested`; `None` when there is nothing
/// to transfer: no `voice.transfer_to`, no live call, a carrier that cannot transfer, no
/// public URL for the carrier's callbacks, a lead who opted out, or a transfer of that call
/// already under way.
pub fn plan(app: &AppState, loaded: &Loaded, campaign: &Campaign, now: DateTime<Utc>) -> Option<(NewEvent, NewOutbox)> {
    let voice = campaign.voice.as_ref()?;
    let to = voice.transfer_to.clone()?;
    let (call_id, call) = live_call(&loaded.timeline)?;
    let conversation = loaded.conversation.id;
    if loaded.state.opted_out() {
        tracing::info!(conversation_id = %conversation, "handoff of an opted-out lead: the call is not transferred");
        return None;
    }
    let provider = call.provider?;
    if !app.carriers.get(provider).is_some_and(|c| c.transfers_calls()) {
        tracing::info!(conversation_id = %conversation, ?provider, "this carrier's calls are not transferred");
        return None;
    }
    if app.sms.public_url.is_none() {
        tracing::warn!(conversation_id = %conversation, "no server.public_url: the call cannot be transferred");
        return None;
    }
    let (current, started) = status(&loaded.timeline, call_id);
    if current.as_ref().is_some_and(TransferStatus::in_progress) {
        tracing::info!(conversation_id = %conversation, call_id = %call_id, "the call is already being transferred");
        return None;
    }
    let key = format!("transfer:{call_id}:{started}");
    let transfer = Transfer {
        call_id,
        provider,
        provider_call_id: call.provider_call_id?,
        to: to.clone(),
        from: voice.from_number.clone(),
        timeout_secs: voice.transfer_timeout_secs.unwrap_or(domain::campaign::DEFAULT_TRANSFER_TIMEOUT_SECS),
        api_base: crate::engine::outbox::api_base(&voice.extra),
    };
    let event = NewEvent::new(now, Event::TransferStarted { call_id, to: to.as_str().to_owned() }).dedupe(key.clone());
    let row = NewOutbox {
        id: ActionId::new(),
        kind: KIND.into(),
        idempotency_key: format!("{conversation}:{key}"),
        payload: serde_json::to_value(transfer).unwrap_or_default(),
        available_at: now,
    };
    Some((event, row))
}

/// Adds to `request` (which records a `handoff_requested`) the transfer [`plan`] makes for the
/// conversation's campaign, if any; returns the call and the line when one is started.
pub async fn attach(
    app: &AppState,
    loaded: &Loaded,
    now: DateTime<Utc>,
    request: &mut AppendRequest,
) -> Result<Option<(CallId, String)>, StoreError> {
    let campaign = app.sms.campaign(app.store.as_ref(), loaded.conversation.campaign_id).await?;
    let Some((started, row)) = plan(app, loaded, &campaign, now) else { return Ok(None) };
    let transfer = match &started.event {
        Event::TransferStarted { call_id, to } => Some((*call_id, to.clone())),
        _ => None,
    };
    request.events.push(started);
    request.outbox.push(row);
    Ok(transfer)
}

/// What the person hears before being connected: who is calling, what the conversation knows,
/// and why a person was asked for.
pub fn whisper_text(campaign: &Campaign, state: &domain::ConversationState) -> String {
    let summary = domain::TransferSummary::build(state);
    let mut text = format!(
        "Transfer from {}, the automated assistant for {}. {}.",
        campaign.persona.name, campaign.persona.company, summary.headline
    );
    if let Some(handoff) = &state.handoff {
        text.push_str(&format!(" They asked for a person: {}.", handoff.reason));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::vocab::CallOutcome;
    use domain::{ConversationId, Seq};

    fn at(seq: u64, event: Event) -> EventRecord {
        let when = DateTime::from_timestamp(1_800_000_000 + seq as i64, 0).unwrap();
        EventRecord { conversation_id: ConversationId::new(), seq: Seq(seq), at: when, recorded_at: when, event }
    }

    fn placed(call: CallId, sid: &str) -> Event {
        Event::CallPlaced { call_id: call, provider: Some(Provider::Twilio), provider_call_id: Some(sid.into()) }
    }

    #[test]
    fn the_live_call_is_the_latest_answered_one_not_ended() {
        let (first, second) = (CallId::new(), CallId::new());
        let mut tl = vec![
            at(1, placed(first, "CA1")),
            at(2, Event::CallAnswered { call_id: first, answered_by: AnsweredBy::Human }),
        ];
        assert_eq!(live_call(&tl).map(|(id, _)| id), Some(first));
        tl.push(at(3, placed(second, "CA2")));
        // Ringing: not live; the first still is.
        assert_eq!(live_call(&tl).map(|(id, _)| id), Some(first));
        tl.push(at(4, Event::CallAnswered { call_id: second, answered_by: AnsweredBy::Machine }));
        assert_eq!(live_call(&tl).map(|(id, _)| id), Some(first), "a machine is nobody to transfer");
        let ended = Event::CallEnded { call_id: first, outcome: CallOutcome::Human, duration_secs: 9, reason: None };
        tl.push(at(5, ended));
        assert_eq!(live_call(&tl), None);
        let inbound = CallId::new();
        tl.push(at(
            6,
            Event::CallReceived {
                call_id: inbound,
                provider: Some(Provider::Twilio),
                provider_call_id: Some("CA3".into()),
            },
        ));
        assert_eq!(live_call(&tl).map(|(id, _)| id), Some(inbound), "the lead's own call is live once received");
    }

    #[test]
    fn a_transfer_rings_then_is_accepted_or_fails_on_its_own_line() {
        let call = CallId::new();
        let started = |n| at(n, Event::TransferStarted { call_id: call, to: "+13125550111".into() });
        let mut tl = vec![at(1, placed(call, "CA1"))];
        assert_eq!(status(&tl, call), (None, 0));
        tl.push(started(2));
        let ringing = TransferStatus::Ringing { to: "+13125550111".into() };
        assert_eq!(status(&tl, call), (Some(ringing.clone()), 1));
        assert!(ringing.in_progress());
        // Another agent's answer or refusal is not this line's.
        tl.push(at(3, Event::HandoffDeclined { agent: "a7".into(), reason: None }));
        assert_eq!(status(&tl, call).0, Some(ringing));
        tl.push(at(4, Event::HandoffDeclined { agent: "+13125550111".into(), reason: Some("no-answer".into()) }));
        let failed = status(&tl, call).0.unwrap();
        assert_eq!(failed, TransferStatus::Failed { to: "+13125550111".into() });
        assert!(!failed.in_progress());
        tl.push(started(5));
        tl.push(at(6, Event::HandoffAccepted { agent: "+13125550111".into() }));
        assert_eq!(status(&tl, call), (Some(TransferStatus::Accepted { to: "+13125550111".into() }), 2));
        assert_eq!(status(&tl, CallId::new()), (None, 0));
    }
}
