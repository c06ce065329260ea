//! Rows as read from either database, and their conversion into domain types. A row that no
//! longer parses (hand-edited, or written by a newer build) is a `Corrupt` error, not a panic.

use domain::campaign::Campaign;
use domain::consent::ConsentRecord;
use domain::vocab::{Channel, ConsentKind, ConversationStatus, LeadSource};
use domain::{
    ActionId, ApiKeyId, CampaignId, ConsentId, Conversation, ConversationId, E164, Event, EventRecord, Lead, LeadId,
    Seq, TimeZone, UsState,
};
use serde_json::{Map, Value};
use sqlx::types::Json;
use uuid::Uuid;

use crate::error::StoreError;
use crate::model::{ApiKeyRecord, LeadRecord, OutboxMessage, ScheduledAction};
use crate::ts::Ts;

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

/// `events` row.
#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    conversation_id: Uuid,
    seq: i64,
    at: Ts,
    recorded_at: Ts,
    payload: Json<Event>,
}

impl From<EventRow> for EventRecord {
    fn from(row: EventRow) -> Self {
        EventRecord {
            conversation_id: ConversationId::from_uuid(row.conversation_id),
            seq: Seq(row.seq as u64),
            at: row.at.0,
            recorded_at: row.recorded_at.0,
            event: row.payload.0,
        }
    }
}

/// `campaigns.body`.
#[derive(sqlx::FromRow)]
pub(crate) struct CampaignRow {
    body: Json<Campaign>,
}

impl From<CampaignRow> for Campaign {
    fn from(row: CampaignRow) -> Self {
        row.body.0
    }
}

/// `conversations` row.
#[derive(sqlx::FromRow)]
pub(crate) struct ConversationRow {
    id: Uuid,
    lead_id: Uuid,
    campaign_id: Uuid,
    created_at: Ts,
}

impl From<ConversationRow> for Conversation {
    fn from(row: ConversationRow) -> Self {
        Conversation {
            id: ConversationId::from_uuid(row.id),
            lead_id: LeadId::from_uuid(row.lead_id),
            campaign_id: CampaignId::from_uuid(row.campaign_id),
            created_at: row.created_at.0,
        }
    }
}

/// `leads` joined with its conversation's status and head.
#[derive(sqlx::FromRow)]
pub(crate) struct LeadRow {
    id: Uuid,
    campaign_id: Uuid,
    conversation_id: Uuid,
    phone: String,
    first_name: String,
    last_name: Option<String>,
    timezone: Option<String>,
    state: Option<String>,
    source: String,
    attributes: Json<Map<String, Value>>,
    created_at: Ts,
    status: String,
    last_seq: i64,
}

impl LeadRow {
    pub(crate) fn into_record(self, consent: Vec<ConsentRecord>) -> Result<LeadRecord, StoreError> {
        let lead = Lead {
            id: LeadId::from_uuid(self.id),
            campaign_id: CampaignId::from_uuid(self.campaign_id),
            conversation_id: ConversationId::from_uuid(self.conversation_id),
            phone: E164::parse(&self.phone).map_err(|_| corrupt("leads.phone"))?,
            first_name: self.first_name,
            last_name: self.last_name,
            timezone: self.timezone.map(|t| TimeZone::parse(&t)).transpose().map_err(|_| corrupt("leads.timezone"))?,
            state: self.state.map(|s| UsState::parse(&s)).transpose().map_err(|_| corrupt("leads.state"))?,
            source: LeadSource::parse(&self.source).ok_or_else(|| corrupt("leads.source"))?,
            attributes: self.attributes.0,
            created_at: self.created_at.0,
        };
        let status = ConversationStatus::parse(&self.status).ok_or_else(|| corrupt("conversations.status"))?;
        Ok(LeadRecord { lead, consent, status, last_seq: Seq(self.last_seq as u64) })
    }
}

/// `consent_ledger` row.
#[derive(sqlx::FromRow)]
pub(crate) struct ConsentRow {
    id: Uuid,
    lead_id: Uuid,
    channel: String,
    kind: String,
    scope: String,
    source: String,
    disclosure_text: String,
    url: Option<String>,
    ip: Option<String>,
    captured_at: Ts,
    revoked_at: Option<Ts>,
    revocation_text: Option<String>,
}

impl TryFrom<ConsentRow> for ConsentRecord {
    type Error = StoreError;
    fn try_from(row: ConsentRow) -> Result<Self, StoreError> {
        Ok(ConsentRecord {
            id: ConsentId::from_uuid(row.id),
            lead_id: LeadId::from_uuid(row.lead_id),
            channel: Channel::parse(&row.channel).ok_or_else(|| corrupt("consent_ledger.channel"))?,
            kind: ConsentKind::parse(&row.kind).ok_or_else(|| corrupt("consent_ledger.kind"))?,
            scope: row.scope,
            source: row.source,
            disclosure_text: row.disclosure_text,
            url: row.url,
            ip: row.ip,
            captured_at: row.captured_at.0,
            revoked_at: row.revoked_at.map(|t| t.0),
            revocation_text: row.revocation_text,
        })
    }
}

/// `api_keys` row.
#[derive(sqlx::FromRow)]
pub(crate) struct ApiKeyRow {
    id: Uuid,
    name: String,
    prefix: String,
    key_hash: String,
    created_at: Ts,
    revoked_at: Option<Ts>,
}

impl From<ApiKeyRow> for ApiKeyRecord {
    fn from(row: ApiKeyRow) -> Self {
        ApiKeyRecord {
            id: ApiKeyId::from_uuid(row.id),
            name: row.name,
            prefix: row.prefix,
            key_hash: row.key_hash,
            created_at: row.created_at.0,
            revoked_at: row.revoked_at.map(|t| t.0),
        }
    }
}

/// `scheduled_actions` row.
#[derive(sqlx::FromRow)]
pub(crate) struct ActionRow {
    id: Uuid,
    conversation_id: Uuid,
    kind: String,
    channel: Option<String>,
    due_at: Ts,
    idempotency_key: String,
    payload: Json<Value>,
    status: String,
    attempts: i32,
    claimed_by: Option<String>,
}

impl From<ActionRow> for ScheduledAction {
    fn from(row: ActionRow) -> Self {
        ScheduledAction {
            id: ActionId::from_uuid(row.id),
            conversation_id: ConversationId::from_uuid(row.conversation_id),
            kind: row.kind,
            channel: row.channel,
            due_at: row.due_at.0,
            idempotency_key: row.idempotency_key,
            payload: row.payload.0,
            status: row.status,
            attempts: row.attempts,
            claimed_by: row.claimed_by,
        }
    }
}

/// `outbox` row.
#[derive(sqlx::FromRow)]
pub(crate) struct OutboxRow {
    id: Uuid,
    conversation_id: Uuid,
    kind: String,
    idempotency_key: String,
    payload: Json<Value>,
    status: String,
    attempts: i32,
}

impl From<OutboxRow> for OutboxMessage {
    fn from(row: OutboxRow) -> Self {
        OutboxMessage {
            id: ActionId::from_uuid(row.id),
            conversation_id: ConversationId::from_uuid(row.conversation_id),
            kind: row.kind,
            idempotency_key: row.idempotency_key,
            payload: row.payload.0,
            status: row.status,
            attempts: row.attempts,
        }
    }
}
