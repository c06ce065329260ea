//! The consent ledger: proof of permission to contact, per channel, and its revocation.
//! Rows are never edited away; a revocation stamps `revoked_at`, a re-subscribe adds a new row.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ConsentId, LeadId};
use crate::validation::{ValidationError, optional_text, required_text};
use crate::vocab::{Channel, ConsentKind};

/// One ledger row, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentRecord {
    /// Row id; decisions cite it.
    pub id: ConsentId,
    /// Whose consent.
    pub lead_id: LeadId,
    /// Which channel it covers.
    pub channel: Channel,
    /// Express written (needed for automated marketing) or express.
    pub kind: ConsentKind,
    /// What it covers, e.g. `marketing` or `informational`.
    pub scope: String,
    /// Where it was captured: `form`, `sms_keyword`, `agent`, `import`, …
    pub source: String,
    /// The disclosure text the lead agreed to, verbatim.
    pub disclosure_text: String,
    /// Page where it was captured.
    pub url: Option<String>,
    /// IP address of the lead's browser.
    pub ip: Option<String>,
    /// When the lead agreed.
    pub captured_at: DateTime<Utc>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
    /// The lead's own words (or the keyword) that revoked it.
    pub revocation_text: Option<String>,
}

impl ConsentRecord {
    /// In force at `at`: captured no later than `at` and not revoked by then.
    pub fn is_active_at(&self, at: DateTime<Utc>) -> bool {
        self.captured_at <= at && self.revoked_at.is_none_or(|revoked| revoked > at)
    }
}

/// Consent as submitted with a lead, before it has an id.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConsentInput {
    /// `sms` or `voice`.
    pub channel: Option<String>,
    /// `express_written` or `express`.
    pub kind: Option<String>,
    /// Disclosure text shown to the lead.
    pub text: Option<String>,
    /// Capture page.
    pub url: Option<String>,
    /// Lead's IP address.
    pub ip: Option<String>,
    /// RFC 3339 capture time.
    pub captured_at: Option<String>,
    /// Defaults to `marketing`.
    pub scope: Option<String>,
    /// Defaults to the lead's source.
    pub source: Option<String>,
}

/// Longest disclosure text accepted; real ones are a paragraph.
const MAX_DISCLOSURE: usize = 4_000;

impl ConsentInput {
    /// Validates one submitted row. Field names in errors are relative to the row.
    ///
    /// A consent captured in the future (beyond five minutes of clock skew) is refused: it
    /// cannot be evidence of permission given before contact.
    pub fn parse(
        &self,
        lead_id: LeadId,
        default_source: &str,
        now: DateTime<Utc>,
    ) -> Result<ConsentRecord, ValidationError> {
        let channel = required_text("channel", self.channel.as_deref(), 16)?;
        let channel = Channel::parse(&channel)
            .ok_or_else(|| ValidationError::new("channel", "invalid_channel", "must be sms or voice"))?;
        let kind = required_text("kind", self.kind.as_deref(), 32)?;
        let kind = ConsentKind::parse(&kind).ok_or_else(|| {
            ValidationError::new("kind", "invalid_consent_kind", "must be express_written or express")
        })?;
        let disclosure_text = required_text("text", self.text.as_deref(), MAX_DISCLOSURE)?;
        let captured_at = required_text("captured_at", self.captured_at.as_deref(), 64)?;
        let captured_at = DateTime::parse_from_rfc3339(&captured_at)
            .map_err(|_| ValidationError::new("captured_at", "invalid_timestamp", "must be an RFC 3339 timestamp"))?
            .with_timezone(&Utc);
        if captured_at > now + chrono::Duration::minutes(5) {
            return Err(ValidationError::new(
                "captured_at",
                "timestamp_in_future",
                "consent cannot be captured in the future",
            ));
        }
        let url = optional_text("url", self.url.as_deref(), 2_048)?;
        let ip = optional_text("ip", self.ip.as_deref(), 64)?;
        if let Some(ip) = &ip
            && ip.parse::<std::net::IpAddr>().is_err()
        {
            return Err(ValidationError::new("ip", "invalid_ip", "must be an IPv4 or IPv6 address"));
        }
        let scope = optional_text("scope", self.scope.as_deref(), 64)?.unwrap_or_else(|| "marketing".into());
        let source = optional_text("source", self.source.as_deref(), 64)?.unwrap_or_else(|| default_source.into());
        Ok(ConsentRecord {
            id: ConsentId::new(),
            lead_id,
            channel,
            kind,
            scope,
            source,
            disclosure_text,
            url,
            ip,
            captured_at,
            revoked_at: None,
            revocation_text: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ConsentInput {
        ConsentInput {
            channel: Some("sms".into()),
            kind: Some("express_written".into()),
            text: Some("I agree to receive automated texts from Acme.".into()),
            url: Some("https://acme.example/quote".into()),
            ip: Some("203.0.113.9".into()),
            captured_at: Some("2026-11-01T15:00:00Z".into()),
            scope: None,
            source: None,
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-02T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_complete_row_parses_with_defaults() {
        let row = input().parse(LeadId::new(), "form", now()).unwrap();
        assert_eq!(row.channel, Channel::Sms);
        assert_eq!(row.kind, ConsentKind::ExpressWritten);
        assert_eq!(row.scope, "marketing");
        assert_eq!(row.source, "form");
        assert!(row.is_active_at(now()));
    }

    #[test]
    fn each_missing_or_bad_field_is_named() {
        type Break = fn(&mut ConsentInput);
        let cases: [(Break, &str, &str); 6] = [
            (|c| c.channel = None, "channel", "missing_field"),
            (|c| c.channel = Some("fax".into()), "channel", "invalid_channel"),
            (|c| c.text = Some(" ".into()), "text", "missing_field"),
            (|c| c.captured_at = None, "captured_at", "missing_field"),
            (|c| c.captured_at = Some("2099-01-01T00:00:00Z".into()), "captured_at", "timestamp_in_future"),
            (|c| c.ip = Some("999.1.1.1".into()), "ip", "invalid_ip"),
        ];
        for (break_it, field, code) in cases {
            let mut c = input();
            break_it(&mut c);
            let err = c.parse(LeadId::new(), "form", now()).unwrap_err();
            assert_eq!((err.field.as_str(), err.code), (field, code));
        }
    }

    #[test]
    fn revoked_rows_are_inactive_after_revocation_only() {
        let mut row = input().parse(LeadId::new(), "form", now()).unwrap();
        let revoked: DateTime<Utc> = "2026-11-01T18:00:00Z".parse().unwrap();
        row.revoked_at = Some(revoked);
        assert!(row.is_active_at(revoked - chrono::Duration::seconds(1)));
        assert!(!row.is_active_at(revoked));
    }
}
