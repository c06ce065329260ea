//! `POST /api/v1/leads` (a trigger: the conversation starts now), `GET /api/v1/leads/{id}`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{ConsentRecord, Event, Lead, LeadId, LeadInput, LeadSnapshot, NewEvent};
use serde::Serialize;
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{ApiJson, PathId};
use crate::state::AppState;

/// Creates a lead, its consent ledger rows and its conversation, opened with `lead_created`
/// and one `consent_granted` per row, all in one transaction.
#[tracing::instrument(skip_all)]
pub async fn create(
    State(app): State<AppState>,
    _caller: Caller,
    ApiJson(input): ApiJson<LeadInput>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let lead = open(&app, input).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"lead_id": lead.id, "conversation_id": lead.conversation_id, "campaign_id": lead.campaign_id})),
    ))
}

/// Stores a submitted lead and starts its conversation (the API's and the demo's way in).
pub async fn open(app: &AppState, input: LeadInput) -> Result<Lead, ApiError> {
    let now = app.clock.now();
    let new = input.parse(now)?;
    let lead = &new.lead;
    let mut opening = vec![NewEvent::new(now, Event::LeadCreated { lead: LeadSnapshot::from(lead) })];
    opening.extend(new.consent.iter().map(|c| {
        NewEvent::new(
            now,
            Event::ConsentGranted { consent_id: c.id, channel: c.channel, kind: c.kind, source: c.source.clone() },
        )
    }));
    let records = app.store.create_lead(&new, &opening).await?;
    app.sms.forget(&lead.phone);
    app.metrics.appended(&records, None);
    app.notify(lead.conversation_id, &records);
    tracing::info!(lead_id = %lead.id, conversation_id = %lead.conversation_id, campaign_id = %lead.campaign_id, "lead created");
    Ok(new.lead)
}

/// A lead as returned by the API.
#[derive(Serialize)]
pub struct LeadView {
    #[serde(flatten)]
    lead: Lead,
    consent: Vec<ConsentRecord>,
    status: domain::ConversationStatus,
    last_seq: domain::Seq,
}

/// Reads a lead with its consent ledger and status.
pub async fn get(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<LeadId>,
) -> Result<Json<LeadView>, ApiError> {
    let record = app.store.lead(id).await?.ok_or_else(|| ApiError::not_found("lead"))?;
    Ok(Json(LeadView { lead: record.lead, consent: record.consent, status: record.status, last_seq: record.last_seq }))
}
