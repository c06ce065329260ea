//! `POST /api/v1/campaigns`, `GET /api/v1/campaigns/{id}`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{Campaign, CampaignId, CampaignInput};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{ApiJson, PathId};
use crate::state::AppState;

/// Creates a campaign.
#[tracing::instrument(skip_all)]
pub async fn create(
    State(app): State<AppState>,
    _caller: Caller,
    ApiJson(input): ApiJson<CampaignInput>,
) -> Result<(StatusCode, Json<Campaign>), ApiError> {
    let campaign = input.parse(app.clock.now())?;
    // The built-in agent's tuning: refused here rather than silently replaced by defaults.
    crate::engine::agent::config(&campaign)?;
    // The router reads these; refuse what it could not (a typo must not disable a limit).
    let cadence = policy::Cadence::from_json(&campaign.cadence)?;
    for (i, step) in cadence.steps.iter().enumerate() {
        if let Some(name) = &step.template
            && campaign.template(name).is_none()
        {
            return Err(domain::ValidationError::new(
                format!("cadence.steps[{i}].template"),
                "unknown_template",
                format!("no template named {name:?}: add it under `templates` or use a built-in one"),
            )
            .into());
        }
    }
    policy::CampaignPolicy::from_campaign(&campaign)?;
    app.store.create_campaign(&campaign).await?;
    tracing::info!(campaign_id = %campaign.id, "campaign created");
    Ok((StatusCode::CREATED, Json(campaign)))
}

/// Reads a campaign.
pub async fn get(
    State(app): State<AppState>,
    _caller: Caller,
    PathId(id): PathId<CampaignId>,
) -> Result<Json<Campaign>, ApiError> {
    app.store.campaign(id).await?.map(Json).ok_or_else(|| ApiError::not_found("campaign"))
}
