//! Leads and their conversations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::consent::{ConsentInput, ConsentRecord};
use crate::ids::{CampaignId, ConversationId, LeadId};
use crate::phone::{E164, PhoneError};
use crate::validation::{ValidationError, optional_text, required_text};
use crate::vocab::LeadSource;
use crate::zone::{TimeZone, UsState};

/// A person the contact center wants to reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    /// Id.
    pub id: LeadId,
    /// The campaign whose cadence runs for this lead.
    pub campaign_id: CampaignId,
    /// The lead's one cross-channel timeline.
    pub conversation_id: ConversationId,
    /// Where to reach them.
    pub phone: E164,
    /// How the AI and agents greet them.
    pub first_name: String,
    /// Optional.
    pub last_name: Option<String>,
    /// Known home zone; otherwise the router derives candidates from the number.
    pub timezone: Option<TimeZone>,
    /// Known state, for state contact rules.
    pub state: Option<UsState>,
    /// What brought them in.
    pub source: LeadSource,
    /// The contact center's own fields, kept verbatim.
    pub attributes: Map<String, Value>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

impl Lead {
    /// "First Last" or "First".
    pub fn display_name(&self) -> String {
        display_name(&self.first_name, self.last_name.as_deref())
    }
}

/// "First Last" or "First": how agents and summaries name a lead.
pub fn display_name(first: &str, last: Option<&str>) -> String {
    match last {
        Some(last) => format!("{first} {last}"),
        None => first.to_owned(),
    }
}

/// A conversation row: one per lead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// Id.
    pub id: ConversationId,
    /// Whose.
    pub lead_id: LeadId,
    /// Which campaign.
    pub campaign_id: CampaignId,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// A lead as submitted: all optional so each problem is reported against its field.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LeadInput {
    /// Required.
    pub campaign_id: Option<String>,
    /// Required.
    pub phone: Option<String>,
    /// Required.
    pub first_name: Option<String>,
    /// Optional.
    pub last_name: Option<String>,
    /// IANA zone.
    pub timezone: Option<String>,
    /// USPS state code.
    pub state: Option<String>,
    /// form, missed_call, ad_click or import.
    pub source: Option<String>,
    /// Consent rows; may be empty (such a lead is never contacted automatically).
    pub consent: Option<Vec<ConsentInput>>,
    /// Free-form object.
    pub attributes: Option<Value>,
}

/// A validated lead with its consent rows, ready to store in one transaction.
#[derive(Debug, Clone)]
pub struct NewLead {
    /// The lead.
    pub lead: Lead,
    /// Its consent ledger rows.
    pub consent: Vec<ConsentRecord>,
}

/// More consent rows than this on one submission is a client bug, not a lead.
const MAX_CONSENT_ROWS: usize = 16;
/// Attributes are for routing hints, not documents.
const MAX_ATTRIBUTES_BYTES: usize = 16 * 1024;

impl LeadInput {
    /// Validates everything except whether the campaign exists (the store knows that).
    pub fn parse(self, now: DateTime<Utc>) -> Result<NewLead, ValidationError> {
        let campaign_id = required_text("campaign_id", self.campaign_id.as_deref(), 64)?;
        let campaign_id: CampaignId = campaign_id
            .parse()
            .map_err(|_| ValidationError::new("campaign_id", "invalid_id", "must be a campaign id (UUID)"))?;
        let phone = required_text("phone", self.phone.as_deref(), 32)?;
        let phone = E164::parse(&phone).map_err(|e| {
            let message = match e {
                PhoneError::Unparseable => "not a phone number",
                PhoneError::Invalid => "not a valid, assigned phone number",
            };
            ValidationError::new("phone", "invalid_phone", message)
        })?;
        let first_name = required_text("first_name", self.first_name.as_deref(), 100)?;
        let last_name = optional_text("last_name", self.last_name.as_deref(), 100)?;
        let timezone = optional_text("timezone", self.timezone.as_deref(), 64)?
            .map(|tz| {
                TimeZone::parse(&tz).map_err(|e| ValidationError::new("timezone", "invalid_timezone", e.to_string()))
            })
            .transpose()?;
        let state = optional_text("state", self.state.as_deref(), 8)?
            .map(|s| UsState::parse(&s).map_err(|e| ValidationError::new("state", "invalid_state", e.to_string())))
            .transpose()?;
        let source = required_text("source", self.source.as_deref(), 32)?;
        let source = LeadSource::parse(&source).ok_or_else(|| {
            ValidationError::new("source", "invalid_source", "must be form, missed_call, ad_click or import")
        })?;
        let attributes = match self.attributes {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(map)) => map,
            Some(_) => return Err(ValidationError::new("attributes", "invalid_type", "must be an object")),
        };
        if serde_json::to_vec(&attributes).map(|b| b.len()).unwrap_or(usize::MAX) > MAX_ATTRIBUTES_BYTES {
            return Err(ValidationError::new("attributes", "too_long", "at most 16 KiB of attributes"));
        }
        let inputs = self.consent.unwrap_or_default();
        if inputs.len() > MAX_CONSENT_ROWS {
            return Err(ValidationError::new("consent", "too_many", "at most 16 consent rows"));
        }
        let lead_id = LeadId::new();
        let consent = inputs
            .iter()
            .enumerate()
            .map(|(i, row)| {
                row.parse(lead_id, source.as_str(), now).map_err(|e| e.within(&format!("[{i}]")).within("consent"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(NewLead {
            lead: Lead {
                id: lead_id,
                campaign_id,
                conversation_id: ConversationId::new(),
                phone,
                first_name,
                last_name,
                timezone,
                state,
                source,
                attributes,
                created_at: now,
            },
            consent,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Value {
        json!({
            "campaign_id": CampaignId::new().to_string(),
            "phone": "+1 (305) 555-0142",
            "first_name": "Maria",
            "last_name": "Lopez",
            "timezone": "America/New_York",
            "state": "fl",
            "source": "form",
            "consent": [{"channel": "sms", "kind": "express_written", "text": "I agree", "captured_at": "2026-11-01T10:00:00Z"}],
            "attributes": {"product": "solar"}
        })
    }

    fn parse(v: Value) -> Result<NewLead, ValidationError> {
        serde_json::from_value::<LeadInput>(v).unwrap().parse("2026-11-02T00:00:00Z".parse().unwrap())
    }

    #[test]
    fn a_full_lead_parses() {
        let new = parse(body()).unwrap();
        assert_eq!(new.lead.phone.as_str(), "+13055550142");
        assert_eq!(new.lead.state.unwrap().code(), "FL");
        assert_eq!(new.lead.display_name(), "Maria Lopez");
        assert_eq!(new.consent.len(), 1);
        assert_eq!(new.consent[0].lead_id, new.lead.id);
    }

    #[test]
    fn errors_point_at_the_field() {
        let cases: [(&str, Value, &str, &str); 6] = [
            ("phone", json!("123"), "phone", "invalid_phone"),
            ("campaign_id", json!("x"), "campaign_id", "invalid_id"),
            ("timezone", json!("Moon/Base"), "timezone", "invalid_timezone"),
            ("source", json!("billboard"), "source", "invalid_source"),
            ("first_name", json!(""), "first_name", "missing_field"),
            (
                "consent",
                json!([{"channel": "sms", "kind": "express", "text": "ok"}]),
                "consent[0].captured_at",
                "missing_field",
            ),
        ];
        for (key, value, field, code) in cases {
            let mut b = body();
            b[key] = value;
            let err = parse(b).unwrap_err();
            assert_eq!((err.field.as_str(), err.code), (field, code), "{key}");
        }
    }
}
