//! Telnyx's REST API v2: send a message (`POST /v2/messages`) and place a call
//! (`POST /v2/calls`), with the API key as a bearer token. The base URL is configurable so a
//! test double can stand in. Telnyx reports delivery and replies by webhook
//! (`/webhooks/telnyx/sms`).

use async_trait::async_trait;
use domain::Provider;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::rest::{self, join};
use crate::{CallRequest, Carrier, CarrierError, Receipt, SmsRequest};

/// Telnyx's public API.
pub const DEFAULT_API_BASE: &str = "https://api.telnyx.com";

/// An account's credentials and defaults.
#[derive(Debug, Clone)]
pub struct TelnyxAccount {
    /// API key (`KEY…`).
    pub api_key: SecretString,
    /// Usually [`DEFAULT_API_BASE`].
    pub api_base: String,
    /// Messaging profile to send from, when the number's own profile is not wanted.
    pub messaging_profile_id: Option<String>,
    /// Call Control application (connection) that places calls.
    pub connection_id: Option<String>,
}

/// The Telnyx carrier.
#[derive(Debug)]
pub struct TelnyxCarrier {
    account: TelnyxAccount,
    http: reqwest::Client,
}

impl TelnyxCarrier {
    /// A carrier for this account.
    pub fn new(account: TelnyxAccount) -> Self {
        Self { account, http: rest::client() }
    }

    fn post(&self, base: Option<&str>, path: &str, key: &str, body: &serde_json::Value) -> reqwest::RequestBuilder {
        let base = base.unwrap_or(&self.account.api_base);
        self.http
            .post(join(base, path))
            .bearer_auth(self.account.api_key.expose_secret())
            .header("Idempotency-Key", key)
            .json(body)
    }
}

/// `data.id` of a created resource (`data.call_control_id` for calls).
fn id(body: &serde_json::Value, field: &str) -> Result<String, CarrierError> {
    body.pointer(&format!("/data/{field}"))
        .and_then(|s| s.as_str())
        .map(str::to_owned)
        .ok_or_else(|| CarrierError::Unavailable(format!("Telnyx answered without data.{field}")))
}

#[async_trait]
impl Carrier for TelnyxCarrier {
    fn provider(&self) -> Provider {
        Provider::Telnyx
    }

    async fn send_sms(&self, request: &SmsRequest) -> Result<Receipt, CarrierError> {
        let mut body = json!({"from": request.from.as_str(), "to": request.to.as_str(), "text": request.body});
        if let Some(callback) = &request.status_callback {
            body["webhook_url"] = json!(callback);
        }
        if let Some(profile) = &self.account.messaging_profile_id {
            body["messaging_profile_id"] = json!(profile);
        }
        let call = self.post(request.api_base.as_deref(), "v2/messages", &request.idempotency_key, &body);
        let answer = rest::send(call, "Telnyx").await?;
        Ok(Receipt { provider: Provider::Telnyx, provider_id: id(&answer, "id")?, deliveries: vec![] })
    }

    async fn place_call(&self, request: &CallRequest) -> Result<Receipt, CarrierError> {
        let connection = self
            .account
            .connection_id
            .as_ref()
            .ok_or_else(|| CarrierError::Rejected("no Telnyx connection_id configured for calls".into()))?;
        let mut body = json!({
            "connection_id": connection,
            "to": request.to.as_str(),
            "from": request.from.as_str(),
            "answering_machine_detection": "detect",
        });
        if let Some(callback) = request.status_callback.as_ref().or(request.answer_url.as_ref()) {
            body["webhook_url"] = json!(callback);
        }
        let call = self.post(request.api_base.as_deref(), "v2/calls", &request.idempotency_key, &body);
        let answer = rest::send(call, "Telnyx").await?;
        Ok(Receipt { provider: Provider::Telnyx, provider_id: id(&answer, "call_control_id")?, deliveries: vec![] })
    }
}
