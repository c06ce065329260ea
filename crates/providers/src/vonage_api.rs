//! Vonage's Voice API: place a call (`POST /v1/calls`) and hang one up
//! (`PUT /v1/calls/{uuid}` with `{"action":"hangup"}`), authenticated by an RS256 JSON Web
//! Token minted per request from the application's id and private key. The base URL is
//! configurable so a test double can stand in. Vonage reports call progress to the call's
//! `event_url` (`/webhooks/vonage/voice/event`), signed with the account's signature secret
//! (see [`crate::vonage`]).
//!
//! A call is placed with its NCCO inline: one `connect` action to the media gateway's Vonage
//! websocket, 16 kHz L16, with the stream token as a header field (Vonage sends the headers
//! back in its first frame, `websocket:connected`). Answering-machine detection is on
//! (`machine_detection: continue`): Vonage reports `human` or `machine` on the event URL.
//!
//! Vonage's Voice API takes no idempotency key: a retry after a crash between Vonage's answer
//! and the outbox's record can ring the lead twice. The outbox's own dedupe covers every
//! other retry.
//!
//! Vonage sends no SMS through this carrier: campaigns text through Twilio or Telnyx.

use async_trait::async_trait;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use domain::Provider;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::rest::{self, join};
use crate::{CallRequest, Carrier, CarrierError, Receipt, SmsRequest};

/// Vonage's public API.
pub const DEFAULT_API_BASE: &str = "https://api.nexmo.com";

/// How long a minted API token is valid.
const TOKEN_TTL_SECS: i64 = 300;

/// The audio Vonage streams to the gateway: 16-bit linear PCM at 16 kHz.
pub const CONTENT_TYPE: &str = "audio/l16;rate=16000";

/// An application's credentials.
#[derive(Debug, Clone)]
pub struct VonageAccount {
    /// The Voice application's id (a UUID).
    pub application_id: String,
    /// The application's private key, PEM (`-----BEGIN PRIVATE KEY-----`, PKCS#8).
    pub private_key: SecretString,
    /// Usually [`DEFAULT_API_BASE`].
    pub api_base: String,
}

/// Why an application's private key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the Vonage private key is not a PEM PKCS#8 RSA key")]
pub struct BadKey;

/// The Vonage carrier.
pub struct VonageCarrier {
    application_id: String,
    api_base: String,
    key: RsaKeyPair,
    http: reqwest::Client,
}

impl std::fmt::Debug for VonageCarrier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VonageCarrier").field("application_id", &self.application_id).finish_non_exhaustive()
    }
}

impl VonageCarrier {
    /// A carrier for this application; the key is parsed now, so a bad one stops start-up.
    pub fn new(account: VonageAccount) -> Result<Self, BadKey> {
        let key = RsaKeyPair::from_pkcs8(&pem_body(account.private_key.expose_secret()).ok_or(BadKey)?)
            .map_err(|_| BadKey)?;
        Ok(Self { application_id: account.application_id, api_base: account.api_base, key, http: rest::client() })
    }

    /// A fresh RS256 token for one API request, issued at `now` (Unix seconds).
    pub fn token(&self, now: i64) -> Result<String, CarrierError> {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
        let claims = json!({
            "application_id": self.application_id,
            "iat": now,
            "exp": now + TOKEN_TTL_SECS,
            "jti": uuid::Uuid::new_v4().to_string(),
        });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signing_input = format!("{header}.{claims}");
        let mut signature = vec![0u8; self.key.public_modulus_len()];
        self.key
            .sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), signing_input.as_bytes(), &mut signature)
            .map_err(|_| CarrierError::Unavailable("could not sign a Vonage API token".into()))?;
        Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }

    fn request(
        &self,
        method: reqwest::Method,
        base: Option<&str>,
        path: &str,
    ) -> Result<reqwest::RequestBuilder, CarrierError> {
        let base = base.unwrap_or(&self.api_base);
        let token = self.token(chrono::Utc::now().timestamp())?;
        Ok(self.http.request(method, join(base, path)).bearer_auth(token))
    }
}

/// The DER inside a PEM block; `None` if there is no block or it is not base64.
fn pem_body(pem: &str) -> Option<Vec<u8>> {
    let body: String = pem
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("-----BEGIN"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .collect();
    if body.is_empty() {
        return None;
    }
    STANDARD.decode(body).ok()
}

/// A number as Vonage writes it: digits only, no `+`.
fn digits(e164: &str) -> &str {
    e164.trim_start_matches('+')
}

/// The `POST /v1/calls` body.
fn call_body(request: &CallRequest) -> serde_json::Value {
    let mut body = json!({
        "to": [{"type": "phone", "number": digits(request.to.as_str())}],
        "from": {"type": "phone", "number": digits(request.from.as_str())},
        "machine_detection": "continue",
    });
    if let Some(callback) = &request.status_callback {
        body["event_url"] = json!([callback]);
        body["event_method"] = json!("POST");
    }
    if let Some(stream) = &request.stream_url {
        body["ncco"] = connect_ncco(stream);
    }
    body
}

/// The NCCO that connects a call to the media gateway's Vonage websocket `stream`
/// (`wss://…/media/vonage?token=…`): one `connect` action, 16 kHz L16. The token travels as a
/// header field, which Vonage echoes in `websocket:connected`; the query is kept off the URI
/// Vonage logs. Placed calls carry it inline; a lead's call gets it as the answer webhook's
/// response.
pub fn connect_ncco(stream: &str) -> serde_json::Value {
    let (uri, token) = match stream.split_once("?token=") {
        Some((uri, token)) => (uri, Some(token)),
        None => (stream, None),
    };
    let mut endpoint = json!({"type": "websocket", "uri": uri, "content-type": CONTENT_TYPE});
    if let Some(token) = token {
        endpoint["headers"] = json!({"token": token});
    }
    json!([{"action": "connect", "endpoint": [endpoint]}])
}

#[async_trait]
impl Carrier for VonageCarrier {
    fn provider(&self) -> Provider {
        Provider::Vonage
    }

    async fn send_sms(&self, _request: &SmsRequest) -> Result<Receipt, CarrierError> {
        Err(CarrierError::Rejected("Vonage carries calls only in this build: text through Twilio or Telnyx".into()))
    }

    async fn place_call(&self, request: &CallRequest) -> Result<Receipt, CarrierError> {
        if request.stream_url.is_none() {
            return Err(CarrierError::Rejected("a Vonage call needs the media gateway's stream URL".into()));
        }
        let call =
            self.request(reqwest::Method::POST, request.api_base.as_deref(), "v1/calls")?.json(&call_body(request));
        let answer = rest::send(call, "Vonage").await?;
        let uuid = answer
            .get("uuid")
            .and_then(|u| u.as_str())
            .ok_or_else(|| CarrierError::Unavailable("Vonage answered without a call uuid".into()))?;
        Ok(Receipt { provider: Provider::Vonage, provider_id: uuid.to_owned(), deliveries: vec![] })
    }

    async fn hang_up(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError> {
        let path = format!("v1/calls/{}", rest::path_segment(provider_call_id));
        let request = self.request(reqwest::Method::PUT, api_base, &path)?.json(&json!({"action": "hangup"}));
        let (status, body) = rest::exchange(request, "Vonage").await?;
        // 404: the call has already ended (Vonage keeps no live call under that uuid).
        if status.is_success() || status == reqwest::StatusCode::NOT_FOUND {
            return Ok(());
        }
        Err(rest::refusal(status, &body, "Vonage"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::encoding::AsDer;
    use aws_lc_rs::signature::{KeyPair, RSA_PKCS1_2048_8192_SHA256, UnparsedPublicKey};

    /// A fresh key pair as PEM, and its public key.
    fn pem_key() -> (String, Vec<u8>) {
        let key = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&key).unwrap();
        let body = STANDARD.encode(der.as_ref());
        let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let pem = format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n"));
        (pem, key.public_key().as_ref().to_vec())
    }

    fn carrier(pem: &str) -> VonageCarrier {
        VonageCarrier::new(VonageAccount {
            application_id: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab".into(),
            private_key: pem.to_owned().into(),
            api_base: DEFAULT_API_BASE.into(),
        })
        .unwrap()
    }

    #[test]
    fn api_tokens_are_rs256_over_the_application_id_and_verify_with_the_public_key() {
        let (pem, public) = pem_key();
        let token = carrier(&pem).token(1_800_000_000).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let header: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
        assert_eq!(header, json!({"alg": "RS256", "typ": "JWT"}));
        let claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(claims["application_id"], "aaaaaaaa-bbbb-cccc-dddd-0123456789ab");
        assert_eq!((claims["iat"].as_i64(), claims["exp"].as_i64()), (Some(1_800_000_000), Some(1_800_000_300)));
        assert!(claims["jti"].as_str().is_some_and(|j| j.len() == 36));
        let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
        let key = UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, &public);
        key.verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature).expect("verifies");
        assert!(key.verify(format!("{}.{}x", parts[0], parts[1]).as_bytes(), &signature).is_err());
    }

    #[test]
    fn a_bad_key_is_refused_at_start() {
        for pem in ["", "not a key", "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----"] {
            let account = VonageAccount {
                application_id: "a".into(),
                private_key: pem.to_owned().into(),
                api_base: DEFAULT_API_BASE.into(),
            };
            assert_eq!(VonageCarrier::new(account).err(), Some(BadKey), "{pem}");
        }
    }

    #[test]
    fn a_call_connects_to_the_gateway_with_the_token_as_a_header() {
        let request = crate::test_call(
            "https://t.example/webhooks/vonage/voice/event?conversation_id=c&call_id=k",
            Some("wss://t.example/media/vonage?token=abc.def"),
        );
        let body = call_body(&request);
        assert_eq!(body["to"], json!([{"type": "phone", "number": "13125550199"}]));
        assert_eq!(body["from"], json!({"type": "phone", "number": "14155550100"}));
        assert_eq!(body["machine_detection"], "continue");
        assert_eq!(body["event_url"][0], "https://t.example/webhooks/vonage/voice/event?conversation_id=c&call_id=k");
        let endpoint = &body["ncco"][0]["endpoint"][0];
        assert_eq!(body["ncco"][0]["action"], "connect");
        assert_eq!(endpoint["type"], "websocket");
        assert_eq!(endpoint["uri"], "wss://t.example/media/vonage");
        assert_eq!(endpoint["content-type"], CONTENT_TYPE);
        assert_eq!(endpoint["headers"]["token"], "abc.def");
    }
}
