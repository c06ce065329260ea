//! Twilio's REST API: send an SMS (`Messages.json`), place a call (`Calls.json`), hang one
//! up (`Calls/{CallSid}.json` with `Status=completed`) and transfer one (the same resource with
//! new `Twiml`: a `<Dial>` to the person's line with a whisper), with the account SID and auth token as
//! basic auth. The base URL is configurable (per instance, and
//! per campaign through `sms.api_base`) so a regional edge or a test double can stand in.
//! Twilio reports what happens next by webhook (`/webhooks/twilio/sms/status`), so receipts
//! carry no deliveries.

use async_trait::async_trait;
use domain::Provider;
use secrecy::{ExposeSecret, SecretString};

use crate::rest::{self, join};
use crate::twilio::xml_escape;
use crate::{CallRequest, Carrier, CarrierError, Receipt, SmsRequest, TransferRequest};

/// Twilio's public API.
pub const DEFAULT_API_BASE: &str = "https://api.twilio.com";

/// An account's credentials and where its API lives.
#[derive(Debug, Clone)]
pub struct TwilioAccount {
    /// `AC…`.
    pub account_sid: String,
    /// The auth token (also the key of `X-Twilio-Signature`).
    pub auth_token: SecretString,
    /// Usually [`DEFAULT_API_BASE`].
    pub api_base: String,
}

/// The Twilio carrier.
#[derive(Debug)]
pub struct TwilioCarrier {
    account: TwilioAccount,
    http: reqwest::Client,
}

impl TwilioCarrier {
    /// A carrier for this account.
    pub fn new(account: TwilioAccount) -> Self {
        Self { account, http: rest::client() }
    }

    fn post(&self, base: Option<&str>, resource: &str, key: &str) -> reqwest::RequestBuilder {
        self.post_unkeyed(base, resource)
            // Twilio drops a request repeating a token it has seen within 24 h; the outbox
            // key is stable across retries, so a retry after a lost answer sends nothing new.
            .header("I-Twilio-Idempotency-Token", key)
    }

    fn post_unkeyed(&self, base: Option<&str>, resource: &str) -> reqwest::RequestBuilder {
        let base = base.unwrap_or(&self.account.api_base);
        let url = join(base, &format!("2010-04-01/Accounts/{}/{resource}", self.account.account_sid));
        self.http.post(url).basic_auth(&self.account.account_sid, Some(self.account.auth_token.expose_secret()))
    }
}

/// The `sid` of a created resource.
fn sid(body: &serde_json::Value) -> Result<String, CarrierError> {
    body.get("sid")
        .and_then(|s| s.as_str())
        .map(str::to_owned)
        .ok_or_else(|| CarrierError::Unavailable("Twilio answered without a sid".into()))
}

#[async_trait]
impl Carrier for TwilioCarrier {
    fn provider(&self) -> Provider {
        Provider::Twilio
    }

    async fn send_sms(&self, request: &SmsRequest) -> Result<Receipt, CarrierError> {
        let mut form = vec![
            ("To", request.to.as_str().to_owned()),
            ("From", request.from.as_str().to_owned()),
            ("Body", request.body.clone()),
        ];
        if let Some(callback) = &request.status_callback {
            form.push(("StatusCallback", callback.clone()));
        }
        let call = self.post(request.api_base.as_deref(), "Messages.json", &request.idempotency_key).form(&form);
        let body = rest::send(call, "Twilio").await?;
        Ok(Receipt { provider: Provider::Twilio, provider_id: sid(&body)?, deliveries: vec![] })
    }

    async fn place_call(&self, request: &CallRequest) -> Result<Receipt, CarrierError> {
        let answer = request.answer_url.as_ref().ok_or_else(|| {
            CarrierError::Rejected("no public URL configured for Twilio to fetch the call's TwiML".into())
        })?;
        let mut form = vec![
            ("To", request.to.as_str().to_owned()),
            ("From", request.from.as_str().to_owned()),
            ("Url", answer.clone()),
            ("MachineDetection", "Enable".to_owned()),
        ];
        if let Some(callback) = &request.status_callback {
            form.push(("StatusCallback", callback.clone()));
            for event in ["initiated", "ringing", "answered", "completed"] {
                form.push(("StatusCallbackEvent", event.to_owned()));
            }
        }
        let call = self.post(request.api_base.as_deref(), "Calls.json", &request.idempotency_key).form(&form);
        let body = rest::send(call, "Twilio").await?;
        Ok(Receipt { provider: Provider::Twilio, provider_id: sid(&body)?, deliveries: vec![] })
    }

    async fn hang_up(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError> {
        // No idempotency token: hanging up twice has one effect anyway, and a token would make
        // Twilio drop a second attempt after a first one that only half worked.
        let resource = format!("Calls/{}.json", rest::path_segment(provider_call_id));
        let request = self.post_unkeyed(api_base, &resource).form(&[("Status", "completed")]);
        let (status, body) = rest::exchange(request, "Twilio").await?;
        if status.is_success() || already_ended(status, &body) {
            return Ok(());
        }
        Err(rest::refusal(status, &body, "Twilio"))
    }

    fn transfers_calls(&self) -> bool {
        true
    }

    async fn transfer_call(&self, request: &TransferRequest) -> Result<(), CarrierError> {
        let resource = format!("Calls/{}.json", rest::path_segment(&request.provider_call_id));
        let form = [("Twiml", transfer_twiml(request))];
        let call = self.post(request.api_base.as_deref(), &resource, &request.idempotency_key).form(&form);
        let (status, body) = rest::exchange(call, "Twilio").await?;
        if status.is_success() {
            return Ok(());
        }
        if already_ended(status, &body) {
            return Err(CarrierError::Rejected("the call has ended".into()));
        }
        Err(rest::refusal(status, &body, "Twilio"))
    }
}

/// The TwiML that moves a call to a person: `<Dial>` rings `to` for `timeout_secs` showing
/// `from`, runs the whisper TwiML on the person's leg once it answers (before the two are
/// connected), and posts the outcome (`DialCallStatus`) to the action URL, whose answer is what
/// the lead hears next.
pub fn transfer_twiml(request: &TransferRequest) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial timeout=\"{}\" callerId=\"{}\" \
         action=\"{}\" method=\"POST\"><Number url=\"{}\" method=\"POST\">{}</Number></Dial></Response>",
        request.timeout_secs,
        xml_escape(request.from.as_str()),
        xml_escape(&request.outcome_url),
        xml_escape(&request.whisper_url),
        xml_escape(request.to.as_str()),
    )
}

/// Twilio's "no such call (any more)": HTTP 404 or error 20404. A call that ended is gone.
fn already_ended(status: reqwest::StatusCode, body: &serde_json::Value) -> bool {
    status == reqwest::StatusCode::NOT_FOUND || rest::error_code(body).as_deref() == Some("20404")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transfer_dials_the_line_with_a_whisper_and_an_outcome_url() {
        let request = TransferRequest {
            provider_call_id: "CA1".into(),
            to: domain::E164::parse("+13125550111").unwrap(),
            from: domain::E164::parse("+14155550100").unwrap(),
            timeout_secs: 25,
            whisper_url: "https://t.example/w?a=1&b=2".into(),
            outcome_url: "https://t.example/o?a=1&b=2".into(),
            idempotency_key: "k".into(),
            api_base: None,
        };
        assert_eq!(
            transfer_twiml(&request),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial timeout=\"25\" callerId=\"+14155550100\" \
             action=\"https://t.example/o?a=1&amp;b=2\" method=\"POST\">\
             <Number url=\"https://t.example/w?a=1&amp;b=2\" method=\"POST\">+13125550111</Number></Dial></Response>"
        );
    }

    #[test]
    fn a_call_that_is_gone_counts_as_hung_up() {
        let gone = serde_json::json!({"code": 20404, "message": "The requested resource was not found", "status": 404});
        assert!(already_ended(reqwest::StatusCode::NOT_FOUND, &gone));
        assert!(already_ended(reqwest::StatusCode::NOT_FOUND, &serde_json::Value::Null));
        assert!(already_ended(reqwest::StatusCode::BAD_REQUEST, &gone));
        let other = serde_json::json!({"code": 21220, "message": "Invalid call state"});
        assert!(!already_ended(reqwest::StatusCode::BAD_REQUEST, &other));
    }
}
