//! `POST /api/v1/sms/send`: an integrator's message to a lead. To, From, campaign and carrier
//! come from the lead; the compliance gate decides, exactly as for a cadence step; an allowed
//! message is enqueued in the outbox with the decision, in one transaction, and the answer is
//! 202 with its message id. A blocked one is 409 naming the rule, and nothing is written.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Duration;
use domain::vocab::{ActionKind, MessageSource, Verdict};
use domain::{Channel, Event, LeadId, MessageId, NewEvent};
use policy::gate::{Contact, Gate};
use serde::Deserialize;
use serde_json::{Value, json};
use store::{AppendRequest, StoreError};

use crate::auth::Caller;
use crate::engine::outbox::{MessageMeta, message_row};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// Reads-and-appends tried while the conversation keeps moving; the last conflict is answered
/// 409 `conflict` (retry).
const ATTEMPTS: u32 = 5;
/// Longest message accepted: ten concatenated segments.
const MAX_MESSAGE_CHARS: usize = 1_600;
/// A lead who texted within this long is in a conversation: a message now is a reply, which
/// marketing caps do not count.
const CONVERSATIONAL_WITHIN: i64 = 24;

/// The request body (`leadId` as common SMS platforms spell it; `lead_id` also accepted).
#[derive(Debug, Deserialize)]
pub struct SendInput {
    #[serde(rename = "leadId", alias = "lead_id")]
    lead_id: Option<String>,
    message: Option<String>,
}

/// Sends an SMS to a lead through the gate and the outbox. With an `Idempotency-Key` header a
/// retried request sends nothing new and answers 200 with the same message id.
#[tracing::instrument(skip_all)]
pub async fn send(
    State(app): State<AppState>,
    _caller: Caller,
    headers: axum::http::HeaderMap,
    ApiJson(input): ApiJson<SendInput>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let idempotency = crate::routes::conversations::idempotency_key(&headers)?;
    let lead_id = input.lead_id.as_deref().ok_or_else(|| missing("leadId"))?;
    let lead_id: LeadId = lead_id.parse().map_err(|_| invalid("leadId", "must be a lead id"))?;
    let message = input.message.as_deref().map(str::trim).unwrap_or_default();
    if message.is_empty() {
        return Err(missing("message"));
    }
    if message.chars().count() > MAX_MESSAGE_CHARS {
        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "too_long", "message is at most 1600 characters")
            .field("message"));
    }
    if message.chars().any(|c| c.is_control() && c != '\n') {
        return Err(invalid("message", "must not contain control characters"));
    }
    let record = app.store.lead(lead_id).await?.ok_or_else(|| ApiError::not_found("lead"))?;
    let lead = &record.lead;
    let campaign = app.sms.campaign(app.store.as_ref(), lead.campaign_id).await?;
    if campaign.sms.is_none() {
        return Err(ApiError::new(StatusCode::CONFLICT, "no_sms_carrier", "the lead's campaign has no SMS carrier"));
    }
    let policy = policy::CampaignPolicy::from_campaign(&campaign).map_err(|e| ApiError::internal(&e))?;
    let conversation = lead.conversation_id;
    let ctx = crate::engine::lead_context(&record);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let loaded = app.loaded(conversation).await?;
        let now = app.clock.now();
        let replying = loaded
            .state
            .last_inbound
            .get(&Channel::Sms)
            .is_some_and(|t| now - *t < Duration::hours(CONVERSATIONAL_WITHIN));
        let contact =
            Contact { channel: Channel::Sms, automated: true, conversational: replying, lead_requested: false };
        let gate = Gate { rules: &app.rules, campaign: &policy }.check(&ctx, &loaded.state, &contact, now);
        if gate.verdict != Verdict::Allowed {
            let failed: Vec<&str> = gate.reasons.iter().filter(|r| !r.passed).map(|r| r.rule.as_str()).collect();
            let detail = gate.reasons.iter().find(|r| !r.passed).map_or("", |r| r.detail.as_str());
            tracing::info!(lead_id = %lead_id, rules = ?failed, "api sms blocked by the gate");
            let next = gate.at.filter(|_| gate.verdict == Verdict::Rescheduled);
            let text = match next {
                Some(at) => format!("blocked by {}: {detail}; allowed from {}", failed.join(", "), at.to_rfc3339()),
                None => format!("blocked by {}: {detail}", failed.join(", ")),
            };
            return Err(ApiError::new(StatusCode::CONFLICT, "blocked_by_compliance", text)
                .field(failed.first().copied().unwrap_or("gate")));
        }
        let meta = MessageMeta { source: MessageSource::Api, purpose: "api".into(), transactional: false };
        let request_key = idempotency.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let key = format!("{conversation}:api:{request_key}");
        let Some(mut row) = message_row(&campaign, &lead.phone, message.to_owned(), meta, key.clone(), now) else {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "no_sms_carrier",
                "the lead's campaign has no SMS carrier",
            ));
        };
        // The same key names the same message: its id is derived from the key.
        row.id = domain::ActionId::from_uuid(uuid_of(&key));
        let message_id = MessageId::from_uuid(row.id.as_uuid());
        let decision = Event::DecisionRecorded {
            action: ActionKind::SendSms,
            channel: Some(Channel::Sms),
            verdict: Verdict::Allowed,
            reasons: gate.reasons,
            next_allowed_at: None,
        };
        let mut decided = NewEvent::new(now, decision);
        if idempotency.is_some() {
            decided = decided.dedupe(format!("api:{request_key}"));
        }
        let request = AppendRequest { events: vec![decided], outbox: vec![row], ..AppendRequest::default() };
        match app.append(conversation, request.expecting(loaded.state.last_seq)).await {
            Ok(store::AppendOutcome::Duplicate { .. }) => {
                return Ok((
                    StatusCode::OK,
                    Json(json!({"message_id": message_id, "conversation_id": conversation, "status": "queued",
                                "duplicate": true})),
                ));
            }
            Ok(_) => {
                crate::engine::wake_outbox(&app).await;
                tracing::info!(lead_id = %lead_id, conversation_id = %conversation, "api sms queued");
                return Ok((
                    StatusCode::ACCEPTED,
                    Json(json!({"message_id": message_id, "conversation_id": conversation, "status": "queued"})),
                ));
            }
            Err(StoreError::Conflict { .. }) if attempt < ATTEMPTS => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// A stable UUID for a request key (the first 16 bytes of its SHA-256).
fn uuid_of(key: &str) -> uuid::Uuid {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::from_bytes(bytes)
}

fn missing(field: &str) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "missing_field", format!("{field} is required")).field(field)
}

fn invalid(field: &str, why: &str) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", format!("{field} {why}")).field(field)
}
