//! The conversation endpoints: the timeline with its folded state, the transfer summary, and
//! what bots and agents report back (turns, facts, status).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use domain::facts::{parse_confidence, parse_fact_value};
use domain::validation::required_text;
use domain::{
    CallId, Channel, ConversationId, ConversationState, ConversationStatus, Event, EventRecord, NewEvent, Role, Seq,
    Slot, TransferSummary, ValidationError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use store::{AppendOutcome, AppendRequest};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{ApiJson, PathId};
use crate::state::AppState;

/// Longest transcript line accepted (a long SMS is 1,600 characters; spoken turns are shorter).
const MAX_TURN_CHARS: usize = 4_000;
/// Clock skew tolerated on a reported `at`.
const MAX_FUTURE_SKEW_SECS: i64 = 300;
/// Longest `Idempotency-Key` header accepted.
const MAX_IDEMPOTENCY_KEY: usize = 200;

/// The folded state as the API shows it.
#[derive(Serialize)]
struct StateView<'a> {
    stage: domain::Stage,
    opted_out: bool,
    #[serde(flatten)]
    state: &'a ConversationState,
    next_action: Option<Value>,
}

/// `GET /api/v1/conversations/{id}`: state and the whole cross-channel timeline.
pub async fn get(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<ConversationId>,
) -> Result<Json<Value>, ApiError> {
    let loaded = app.loaded(id).await?;
    let state = &loaded.state;
    let next_action = state.next_action().map(
        |(action_id, a)| json!({"action_id": action_id, "kind": a.kind, "channel": a.channel, "due_at": a.due_at}),
    );
    let view = StateView { stage: state.stage(), opted_out: state.opted_out(), state, next_action };
    Ok(Json(json!({
        "id": loaded.conversation.id,
        "lead_id": loaded.conversation.lead_id,
        "campaign_id": loaded.conversation.campaign_id,
        "created_at": loaded.conversation.created_at,
        "state": view,
        "timeline": loaded.timeline,
    })))
}

/// `GET /api/v1/conversations/{id}/summary`: the warm-transfer summary.
pub async fn summary(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<ConversationId>,
) -> Result<Json<TransferSummary>, ApiError> {
    let loaded = app.loaded(id).await?;
    Ok(Json(TransferSummary::build(&loaded.state)))
}

/// A status change request.
#[derive(Debug, Deserialize)]
pub struct StatusInput {
    status: Option<String>,
    note: Option<String>,
}

/// `PUT /api/v1/conversations/{id}/status`.
#[tracing::instrument(skip_all, fields(conversation_id = %id))]
pub async fn set_status(
    State(app): State<AppState>,
    caller: Caller,
    PathId(id): PathId<ConversationId>,
    ApiJson(input): ApiJson<StatusInput>,
) -> Result<Json<Value>, ApiError> {
    let status = required_text("status", input.status.as_deref(), 32)?;
    let status = ConversationStatus::parse(&status).ok_or_else(|| {
        ValidationError::new(
            "status",
            "invalid_status",
            "must be in_progress, completed, incomplete, follow_up, qualified, disqualified or dnc",
        )
    })?;
    let note = domain::validation::optional_text("note", input.note.as_deref(), 1_000)?;
    let event = Event::StatusChanged { status, by: caller.actor(), note };
    let outcome = app.append_one(id, NewEvent::new(app.clock.now(), event)).await?;
    Ok(Json(json!({"status": status, "seq": outcome.last_seq()})))
}

/// A transcript line reported by a bot, the SMS agent or an agent.
#[derive(Debug, Deserialize)]
pub struct TurnInput {
    channel: Option<String>,
    role: Option<String>,
    text: Option<String>,
    call_id: Option<String>,
    heard: Option<bool>,
    mark: Option<String>,
    at: Option<String>,
}

impl TurnInput {
    fn parse(self, now: DateTime<Utc>) -> Result<NewEvent, ValidationError> {
        let channel = required_text("channel", self.channel.as_deref(), 16)?;
        let channel = Channel::parse(&channel)
            .ok_or_else(|| ValidationError::new("channel", "invalid_channel", "must be voice or sms"))?;
        let role = required_text("role", self.role.as_deref(), 16)?;
        let role = Role::parse(&role)
            .ok_or_else(|| ValidationError::new("role", "invalid_role", "must be lead, ai or agent"))?;
        let text = required_text("text", self.text.as_deref(), MAX_TURN_CHARS)?;
        let call_id = domain::validation::optional_text("call_id", self.call_id.as_deref(), 64)?
            .map(|c| {
                c.parse::<CallId>()
                    .map_err(|_| ValidationError::new("call_id", "invalid_id", "must be a call id (UUID)"))
            })
            .transpose()?;
        let at = parse_at(self.at.as_deref(), now)?;
        let heard = self.heard.unwrap_or(true);
        let mark = domain::validation::optional_text("mark", self.mark.as_deref(), 256)?;
        Ok(NewEvent::new(at, Event::TranscriptTurn { channel, role, text, call_id, heard, mark }))
    }
}

/// An optional RFC 3339 `at`, not in the future beyond clock skew; defaults to `now`.
fn parse_at(at: Option<&str>, now: DateTime<Utc>) -> Result<DateTime<Utc>, ValidationError> {
    let Some(text) = domain::validation::optional_text("at", at, 64)? else { return Ok(now) };
    let at = DateTime::parse_from_rfc3339(&text)
        .map_err(|_| ValidationError::new("at", "invalid_timestamp", "must be an RFC 3339 timestamp"))?
        .with_timezone(&Utc);
    if at > now + chrono::Duration::seconds(MAX_FUTURE_SKEW_SECS) {
        return Err(ValidationError::new("at", "timestamp_in_future", "must not be in the future"));
    }
    Ok(at)
}

/// The `Idempotency-Key` header: a retried request with the same key has one effect.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else { return Ok(None) };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY {
        return Err(ApiError::from(ValidationError::new(
            "Idempotency-Key",
            "invalid_idempotency_key",
            "must be 1-200 visible ASCII characters",
        )));
    }
    Ok(Some(key.to_owned()))
}

/// The answer to an append: 201 with the new seq, or 200 pointing at the earlier copy.
fn appended(outcome: AppendOutcome) -> (StatusCode, Json<Value>) {
    match outcome {
        AppendOutcome::Appended { records, .. } => {
            let seq = records.last().map(|r: &EventRecord| r.seq);
            (StatusCode::CREATED, Json(json!({"seq": seq, "duplicate": false})))
        }
        AppendOutcome::Duplicate { seq } => (StatusCode::OK, Json(json!({"seq": seq, "duplicate": true}))),
    }
}

/// `POST /api/v1/conversations/{id}/turns`.
#[tracing::instrument(skip_all, fields(conversation_id = %id))]
pub async fn add_turn(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<ConversationId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<TurnInput>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let key = idempotency_key(&headers)?;
    let mut event = input.parse(app.clock.now())?;
    if let Some(key) = key {
        event = event.dedupe(format!("turn:{key}"));
    }
    let outcome = app.append_one(id, event).await?;
    Ok(appended(outcome))
}

/// A fact reported by a bot, the SMS agent or an agent.
#[derive(Debug, Deserialize)]
pub struct FactInput {
    slot: Option<String>,
    value: Option<Value>,
    confidence: Option<f64>,
    source_turn: Option<u64>,
}

/// `POST /api/v1/conversations/{id}/facts`. A `source_turn` must name an event already in the
/// timeline.
#[tracing::instrument(skip_all, fields(conversation_id = %id))]
pub async fn add_fact(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<ConversationId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<FactInput>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let key = idempotency_key(&headers)?;
    let slot = Slot::parse(input.slot.as_deref().unwrap_or_default().trim()).map_err(|mut e| {
        if input.slot.as_deref().is_none_or(|s| s.trim().is_empty()) {
            e = ValidationError::missing("slot");
        }
        e
    })?;
    let value = parse_fact_value(input.value.ok_or_else(|| ValidationError::missing("value"))?)?;
    let confidence = parse_confidence("confidence", input.confidence)?;
    let source_turn = input.source_turn.map(Seq);
    if source_turn == Some(Seq(0)) {
        return Err(ValidationError::new(
            "source_turn",
            "invalid_seq",
            "must be the seq of an event in this conversation",
        )
        .into());
    }
    // Seqs only grow, so a source turn at or below the head stays valid after this check.
    let head = app.store.head(id).await?.ok_or_else(|| ApiError::not_found("conversation"))?;
    if source_turn.is_some_and(|s| s > head) {
        return Err(ValidationError::new(
            "source_turn",
            "invalid_seq",
            "must be the seq of an event in this conversation",
        )
        .into());
    }
    let mut event = NewEvent::new(app.clock.now(), Event::FactLearned { slot, value, confidence, source_turn });
    if let Some(key) = key {
        event = event.dedupe(format!("fact:{key}"));
    }
    let outcome = app.append_one(id, event).await?;
    Ok(appended(outcome))
}

/// A request for a human: a bot's transfer request, or an agent tool's.
#[derive(Debug, Deserialize)]
pub struct HandoffInput {
    reason: Option<String>,
    by: Option<String>,
}

/// `POST /api/v1/conversations/{id}/handoff`: records `handoff_requested` (a voice bot asking
/// to transfer the caller lands here). When the conversation has a live call and its campaign a
/// `voice.transfer_to`, the call's transfer is started in the same transaction
/// ([`crate::voice::transfer`]). An `Idempotency-Key` makes a retry harmless.
#[tracing::instrument(skip_all, fields(conversation_id = %id))]
pub async fn request_handoff(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<ConversationId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<HandoffInput>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let key = idempotency_key(&headers)?;
    let reason = required_text("reason", input.reason.as_deref(), 500)?;
    let by = match input.by.as_deref().map(str::trim) {
        None | Some("") => Role::Ai,
        Some(text) => {
            Role::parse(text).ok_or_else(|| ValidationError::new("by", "invalid_role", "must be lead, ai or agent"))?
        }
    };
    let loaded = app.loaded(id).await?;
    let now = app.clock.now();
    let mut event = NewEvent::new(now, Event::HandoffRequested { reason, by });
    if let Some(key) = key {
        event = event.dedupe(format!("handoff:{key}"));
    }
    let mut request = AppendRequest::events(vec![event]);
    let transfer = crate::voice::transfer::attach(&app, &loaded, now, &mut request).await?;
    let outcome = app.append(id, request).await?;
    match outcome {
        AppendOutcome::Appended { records, .. } => {
            if transfer.is_some() {
                crate::engine::wake_outbox(&app).await;
            }
            let transfer = transfer.map(|(call_id, to)| json!({"call_id": call_id, "to": to}));
            let seq = records.first().map(|r| r.seq);
            Ok((StatusCode::CREATED, Json(json!({"seq": seq, "duplicate": false, "transfer": transfer}))))
        }
        AppendOutcome::Duplicate { seq } => Ok((StatusCode::OK, Json(json!({"seq": seq, "duplicate": true})))),
    }
}
