//! What the Twilio and Telnyx REST clients share: one HTTP client with bounded timeouts, and
//! the reading of a carrier's HTTP answer as accepted, worth retrying, or refused.

use std::time::Duration;

use crate::CarrierError;

/// Longest a carrier request may take. Both carriers answer in well under a second when
/// healthy; past this the outbox worker's retry (with the same idempotency key) is the better
/// bet than waiting.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest to wait for a TCP/TLS connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// The HTTP client every carrier uses (connection pools are per client, so share it).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("throughline/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

/// Joins a configured base (`https://api.twilio.com`, a test double's `http://127.0.0.1:…`)
/// and a path.
pub fn join(base: &str, path: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
}

/// Sends a request and returns the JSON body of a 2xx answer. Timeouts, connection failures,
/// 429 and 5xx are `Unavailable` (the outbox retries with the same key); other answers are
/// `Rejected` with the carrier's own code and message.
pub async fn send(request: reqwest::RequestBuilder, carrier: &str) -> Result<serde_json::Value, CarrierError> {
    let (status, body) = exchange(request, carrier).await?;
    if status.is_success() {
        return Ok(body);
    }
    Err(refusal(status, &body, carrier))
}

/// Sends a request and returns the answer's status and JSON body (`Null` if it has none),
/// whatever the status; only a request that got no answer at all is an error (`Unavailable`).
/// For callers that read some refusals as success (hanging up a call that already ended).
pub async fn exchange(
    request: reqwest::RequestBuilder,
    carrier: &str,
) -> Result<(reqwest::StatusCode, serde_json::Value), CarrierError> {
    let response = request.send().await.map_err(|e| {
        let why = if e.is_timeout() {
            "timed out"
        } else if e.is_connect() {
            "could not connect"
        } else {
            "failed"
        };
        CarrierError::Unavailable(format!("{carrier} request {why}"))
    })?;
    let status = response.status();
    let body: serde_json::Value = response.json().await.unwrap_or(serde_json::Value::Null);
    Ok((status, body))
}

/// A non-2xx answer as an error: 429 and 5xx are worth retrying, the rest are refusals.
pub fn refusal(status: reqwest::StatusCode, body: &serde_json::Value, carrier: &str) -> CarrierError {
    let detail = error_detail(body);
    let message = format!("{carrier} answered {}{detail}", status.as_u16());
    if status.as_u16() == 429 || status.is_server_error() {
        CarrierError::Unavailable(message)
    } else {
        CarrierError::Rejected(message)
    }
}

/// The carrier's own error code, as text: Twilio's `code`, or the first of Telnyx's `errors`.
pub fn error_code(body: &serde_json::Value) -> Option<String> {
    let code = match body.get("errors").and_then(|e| e.get(0)) {
        Some(first) => first.get("code"),
        None => body.get("code"),
    }?;
    Some(code.as_str().map_or_else(|| code.to_string(), str::to_owned))
}

/// A carrier's id made safe to put in a URL path: anything but unreserved characters (and
/// `:`, which Telnyx's call control ids contain) is percent-encoded.
pub fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `: code 21211 (message)` from Twilio's `{code, message}` or Telnyx's `{errors:[{code,
/// title, detail}]}`, or nothing.
fn error_detail(body: &serde_json::Value) -> String {
    let (code, text) = match body.get("errors").and_then(|e| e.get(0)) {
        Some(first) => (first.get("code"), first.get("detail").or_else(|| first.get("title"))),
        None => (body.get("code"), body.get("message")),
    };
    let code = code.map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_owned));
    match (code, text.and_then(|t| t.as_str())) {
        (Some(code), Some(text)) => format!(": code {code} ({text})"),
        (Some(code), None) => format!(": code {code}"),
        (None, Some(text)) => format!(": {text}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrier_errors_are_summarised_without_bodies() {
        let twilio = serde_json::json!({"code": 21211, "message": "Invalid 'To' Phone Number", "status": 400});
        assert_eq!(error_detail(&twilio), ": code 21211 (Invalid 'To' Phone Number)");
        let telnyx = serde_json::json!({"errors": [{"code": "40310", "title": "Invalid 'to' address"}]});
        assert_eq!(error_detail(&telnyx), ": code 40310 (Invalid 'to' address)");
        assert_eq!(error_detail(&serde_json::Value::Null), "");
        assert_eq!(join("http://x/", "/v2/messages"), "http://x/v2/messages");
    }

    #[test]
    fn error_codes_and_path_segments() {
        assert_eq!(error_code(&serde_json::json!({"code": 20404, "message": "not found"})).as_deref(), Some("20404"));
        assert_eq!(error_code(&serde_json::json!({"errors": [{"code": "90018"}]})).as_deref(), Some("90018"));
        assert_eq!(error_code(&serde_json::Value::Null), None);
        assert_eq!(path_segment("v3:Ab-9_x~.z"), "v3:Ab-9_x~.z");
        assert_eq!(path_segment("a/b?c d"), "a%2Fb%3Fc%20d");
    }
}
