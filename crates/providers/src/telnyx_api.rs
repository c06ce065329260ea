//! Telnyx's REST API v2: send a message (`POST /v2/messages`), place a call
//! (`POST /v2/calls`), answer or reject a lead's call (`…/actions/answer`, `…/actions/reject`)
//! and hang one up (`POST /v2/calls/{id}/actions/hangup`), with the API key
//! as a bearer token. The base URL is configurable so a test double can stand in. Telnyx
//! reports delivery and replies by webhook (`/webhooks/telnyx/sms`), and call progress on the
//! call's own `webhook_url` (`/webhooks/telnyx/voice`).
//!
//! A call is placed with its media stream already requested (`stream_url`, bidirectional RTP
//! in PCMU, the caller's track only), answering-machine detection on, and `client_state`
//! naming the conversation and call (base64 JSON), which Telnyx echoes on every call webhook.

use async_trait::async_trait;
use base64::Engine as _;
use domain::{CallId, ConversationId, Provider};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::rest::{self, join};
use crate::{AnswerRequest, CallRequest, Carrier, CarrierError, Receipt, SmsRequest};

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
        self.post_unkeyed(base, path, body).header("Idempotency-Key", key)
    }

    fn post_unkeyed(&self, base: Option<&str>, path: &str, body: &serde_json::Value) -> reqwest::RequestBuilder {
        let base = base.unwrap_or(&self.account.api_base);
        self.http.post(join(base, path)).bearer_auth(self.account.api_key.expose_secret()).json(body)
    }

    /// `POST /v2/calls/{id}/actions/{action}`. With `ended_is_done`, a call that has already
    /// ended counts as done (hanging up or rejecting it again is no error).
    async fn act(
        &self,
        api_base: Option<&str>,
        provider_call_id: &str,
        action: &str,
        body: &serde_json::Value,
        ended_is_done: bool,
    ) -> Result<(), CarrierError> {
        let path = format!("v2/calls/{}/actions/{action}", rest::path_segment(provider_call_id));
        let (status, answer) = rest::exchange(self.post_unkeyed(api_base, &path, body), "Telnyx").await?;
        if status.is_success() || ended_is_done && already_ended(status, &answer) {
            return Ok(());
        }
        Err(rest::refusal(status, &answer, "Telnyx"))
    }
}

/// What Throughline puts in a call's `client_state`, which Telnyx echoes (base64) on every
/// webhook of that call: which conversation and call the webhook is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClientState {
    /// The conversation.
    pub conversation_id: ConversationId,
    /// Throughline's id for the call.
    pub call_id: CallId,
}

impl ClientState {
    /// Base64 of the JSON, as Telnyx wants `client_state`.
    pub fn encode(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    /// Reads a webhook's `client_state`; `None` if it is not one Throughline wrote.
    pub fn decode(raw: &str) -> Option<Self> {
        let bytes = base64::engine::general_purpose::STANDARD.decode(raw.trim()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// The Telnyx error code for a command on a call that has already ended.
const CALL_ENDED: &str = "90018";

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
        let body = call_body(connection, request);
        let call = self.post(request.api_base.as_deref(), "v2/calls", &request.idempotency_key, &body);
        let answer = rest::send(call, "Telnyx").await?;
        Ok(Receipt { provider: Provider::Telnyx, provider_id: id(&answer, "call_control_id")?, deliveries: vec![] })
    }

    async fn hang_up(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError> {
        self.act(api_base, provider_call_id, "hangup", &json!({}), true).await
    }

    async fn answer_call(&self, api_base: Option<&str>, answer: &AnswerRequest) -> Result<(), CarrierError> {
        self.act(api_base, &answer.provider_call_id, "answer", &answer_body(answer), false).await
    }

    async fn reject_call(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError> {
        self.act(api_base, provider_call_id, "reject", &json!({"cause": "CALL_REJECTED"}), true).await
    }
}

/// The stream a call asks for: the caller's audio only (the bot's comes back over the same
/// socket), and audio from the socket played to the caller as RTP in the call's own codec, so
/// µ-law passes through to a Twilio-protocol bot untouched.
fn ask_for_stream(body: &mut serde_json::Value, stream_url: &str) {
    body["stream_url"] = json!(stream_url);
    body["stream_track"] = json!("inbound_track");
    body["stream_bidirectional_mode"] = json!("rtp");
    body["stream_bidirectional_codec"] = json!("PCMU");
}

/// The `POST /v2/calls/{id}/actions/answer` body: the stream, `client_state` naming the call
/// (as a placed call's does) and the command id.
fn answer_body(answer: &AnswerRequest) -> serde_json::Value {
    let state = ClientState { conversation_id: answer.conversation_id, call_id: answer.call_id };
    let mut body = json!({"client_state": state.encode(), "command_id": answer.command_id});
    ask_for_stream(&mut body, &answer.stream_url);
    body
}

/// The `POST /v2/calls` body.
fn call_body(connection: &str, request: &CallRequest) -> serde_json::Value {
    let state = ClientState { conversation_id: request.conversation_id, call_id: request.call_id };
    let mut body = json!({
        "connection_id": connection,
        "to": request.to.as_str(),
        "from": request.from.as_str(),
        "answering_machine_detection": "detect",
        "client_state": state.encode(),
    });
    if let Some(callback) = request.status_callback.as_ref().or(request.answer_url.as_ref()) {
        body["webhook_url"] = json!(callback);
    }
    if let Some(stream) = &request.stream_url {
        ask_for_stream(&mut body, stream);
    }
    body
}

/// Telnyx's "call has already ended" (422, code 90018).
fn already_ended(status: reqwest::StatusCode, body: &serde_json::Value) -> bool {
    status == reqwest::StatusCode::UNPROCESSABLE_ENTITY && rest::error_code(body).as_deref() == Some(CALL_ENDED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(stream: Option<&str>) -> CallRequest {
        crate::test_call("https://t.example/webhooks/telnyx/voice?conversation_id=c&call_id=k", stream)
    }

    #[test]
    fn a_call_asks_for_the_stream_and_names_itself_in_client_state() {
        let request = request(Some("wss://t.example/media/telnyx?token=abc.def"));
        let body = call_body("conn-1", &request);
        assert_eq!(body["stream_url"], "wss://t.example/media/telnyx?token=abc.def");
        assert_eq!(body["stream_track"], "inbound_track");
        assert_eq!(body["stream_bidirectional_mode"], "rtp");
        assert_eq!(body["stream_bidirectional_codec"], "PCMU");
        assert_eq!(body["answering_machine_detection"], "detect");
        assert!(body["webhook_url"].as_str().unwrap().contains("/webhooks/telnyx/voice?"));
        let state = ClientState::decode(body["client_state"].as_str().unwrap()).unwrap();
        assert_eq!((state.conversation_id, state.call_id), (request.conversation_id, request.call_id));
        let plain = call_body("conn-1", &self::request(None));
        assert!(plain.get("stream_url").is_none() && plain.get("stream_bidirectional_mode").is_none());
        assert_eq!(ClientState::decode("not base64!"), None);
        assert_eq!(ClientState::decode("e30="), None, "an empty object is not ours");
    }

    #[test]
    fn an_answer_asks_for_the_same_stream_and_names_the_call() {
        let answer = AnswerRequest {
            provider_call_id: "v3:in".into(),
            conversation_id: ConversationId::new(),
            call_id: CallId::new(),
            stream_url: "wss://t.example/media/telnyx?token=abc.def".into(),
            command_id: "answer:v3:in".into(),
        };
        let body = answer_body(&answer);
        assert_eq!(body["stream_url"], "wss://t.example/media/telnyx?token=abc.def");
        assert_eq!(body["stream_bidirectional_codec"], "PCMU");
        assert_eq!(body["command_id"], "answer:v3:in");
        let state = ClientState::decode(body["client_state"].as_str().unwrap()).unwrap();
        assert_eq!((state.conversation_id, state.call_id), (answer.conversation_id, answer.call_id));
    }

    #[test]
    fn only_an_ended_call_counts_as_hung_up() {
        let ended = json!({"errors": [{"code": "90018", "title": "Call has already ended"}]});
        assert!(already_ended(reqwest::StatusCode::UNPROCESSABLE_ENTITY, &ended));
        let other = json!({"errors": [{"code": "90015", "title": "Invalid call control id"}]});
        assert!(!already_ended(reqwest::StatusCode::UNPROCESSABLE_ENTITY, &other));
        assert!(!already_ended(reqwest::StatusCode::NOT_FOUND, &ended));
    }
}
