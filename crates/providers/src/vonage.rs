//! Vonage's signed webhooks: `Authorization: Bearer <JWT>`, the token HS256-signed with the
//! account's signature secret, its claims carrying `iat` and `payload_hash`, the hex SHA-256 of
//! the raw body. A token issued more than five minutes from now is refused, so a captured
//! webhook cannot be replayed later; a body that does not hash to `payload_hash` is refused, so
//! a valid token cannot carry another body. A `GET` (Vonage's default answer method) has no body
//! and its token no `payload_hash`: [`verify_bodiless`] returns the token's `jti`, and the caller
//! binds it to the one query it came with.

use aws_lc_rs::{digest, hmac};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};

/// Oldest (or furthest in the future) a token's `iat` may be.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a Vonage webhook was refused (no secrets or bodies in the message).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No bearer token, or not three base64url parts with JSON inside.
    #[error("missing or malformed Authorization bearer token")]
    Malformed,
    /// A token signed with something other than HS256.
    #[error("the token is not HS256")]
    Algorithm,
    /// The signature does not match.
    #[error("signature does not match")]
    Mismatch,
    /// `iat` missing or outside the tolerance.
    #[error("token issued more than {TOLERANCE_SECS} s from now")]
    Stale,
    /// The body is not the one signed.
    #[error("payload_hash does not match the body")]
    Payload,
}

fn key(secret: &str) -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes())
}

/// Hex SHA-256 of the body, as `payload_hash` carries it.
fn payload_hash(body: &[u8]) -> String {
    hex::encode(digest::digest(&digest::SHA256, body))
}

/// Checks a webhook's `Authorization` header against its raw body, at `now`.
pub fn verify(
    secret: &str,
    authorization: Option<&str>,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<(), SignatureError> {
    let claims = signed_claims(secret, authorization, now)?;
    let hash = claims.get("payload_hash").and_then(|h| h.as_str()).ok_or(SignatureError::Payload)?;
    if !hash.eq_ignore_ascii_case(&payload_hash(body)) {
        return Err(SignatureError::Payload);
    }
    Ok(())
}

/// Checks the `Authorization` header of a webhook without a body (a `GET` answer URL, whose
/// fields come in the query) at `now`, and returns the token's `jti`. The signature covers no
/// query, so the caller must let each `jti` carry only one query (see the server's Vonage
/// answer URL); a token with a `payload_hash` of anything but the empty body is refused.
pub fn verify_bodiless(
    secret: &str,
    authorization: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, SignatureError> {
    let claims = signed_claims(secret, authorization, now)?;
    if let Some(hash) = claims.get("payload_hash")
        && !hash.as_str().is_some_and(|h| h.eq_ignore_ascii_case(&payload_hash(b"")))
    {
        return Err(SignatureError::Payload);
    }
    claims
        .get("jti")
        .and_then(|j| j.as_str())
        .filter(|j| !j.is_empty() && j.len() <= 128)
        .map(str::to_owned)
        .ok_or(SignatureError::Malformed)
}

/// The claims of a bearer token signed with `secret` (HS256) and issued within the tolerance.
fn signed_claims(
    secret: &str,
    authorization: Option<&str>,
    now: DateTime<Utc>,
) -> Result<serde_json::Value, SignatureError> {
    let token = authorization
        .map(str::trim)
        .and_then(|a| a.strip_prefix("Bearer ").or_else(|| a.strip_prefix("bearer ")))
        .ok_or(SignatureError::Malformed)?;
    let mut parts = token.trim().split('.');
    let (Some(header), Some(claims), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SignatureError::Malformed);
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).map_err(|_| SignatureError::Malformed);
    let header: serde_json::Value = serde_json::from_slice(&decode(header)?).map_err(|_| SignatureError::Malformed)?;
    if header.get("alg").and_then(|a| a.as_str()) != Some("HS256") {
        return Err(SignatureError::Algorithm);
    }
    let signing_input = &token.trim()[..token.trim().len() - signature.len() - 1];
    hmac::verify(&key(secret), signing_input.as_bytes(), &decode(signature)?).map_err(|_| SignatureError::Mismatch)?;
    let claims: serde_json::Value = serde_json::from_slice(&decode(claims)?).map_err(|_| SignatureError::Malformed)?;
    let issued = claims.get("iat").and_then(serde_json::Value::as_i64).ok_or(SignatureError::Stale)?;
    if (now.timestamp() - issued).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    Ok(claims)
}

/// A signed `Authorization` header for `body`, as Vonage makes one (for tests and doubles).
pub fn sign(secret: &str, body: &[u8], issued_at: i64) -> String {
    sign_claims(
        secret,
        &serde_json::json!({
            "iat": issued_at,
            "jti": uuid::Uuid::new_v4().to_string(),
            "iss": "Vonage",
            "payload_hash": payload_hash(body),
        }),
    )
}

/// A signed `Authorization` header for a request without a body (a `GET`), carrying `jti`.
pub fn sign_bodiless(secret: &str, jti: &str, issued_at: i64) -> String {
    sign_claims(secret, &serde_json::json!({"iat": issued_at, "jti": jti, "iss": "Vonage"}))
}

fn sign_claims(secret: &str, claims: &serde_json::Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let signing_input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(claims.to_string()));
    let signature = URL_SAFE_NO_PAD.encode(hmac::sign(&key(secret), signing_input.as_bytes()));
    format!("Bearer {signing_input}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "signature-secret-from-the-dashboard";

    #[test]
    fn a_signed_webhook_verifies_and_every_tampering_is_refused() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let body = br#"{"status":"answered","uuid":"63f61863-4a51-4f6b-86e1-46edebcf9356"}"#;
        let auth = sign(SECRET, body, now.timestamp());
        assert_eq!(verify(SECRET, Some(&auth), body, now), Ok(()));
        assert_eq!(verify(SECRET, Some(&auth), body, now + chrono::Duration::seconds(299)), Ok(()));
        assert_eq!(verify(SECRET, Some(&auth), b"{\"status\":\"completed\"}", now), Err(SignatureError::Payload));
        assert_eq!(verify("another secret", Some(&auth), body, now), Err(SignatureError::Mismatch));
        assert_eq!(
            verify(SECRET, Some(&auth), body, now + chrono::Duration::seconds(301)),
            Err(SignatureError::Stale),
            "a replay after five minutes"
        );
        assert_eq!(verify(SECRET, None, body, now), Err(SignatureError::Malformed));
        assert_eq!(verify(SECRET, Some("Bearer a.b"), body, now), Err(SignatureError::Malformed));
        assert_eq!(verify(SECRET, Some("Basic dXNlcjpwYXNz"), body, now), Err(SignatureError::Malformed));
        // The claims swapped for others under the same signature.
        let token = auth.strip_prefix("Bearer ").unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        let forged = URL_SAFE_NO_PAD.encode(br#"{"iat":1800000000,"payload_hash":"00"}"#);
        let swapped = format!("Bearer {}.{forged}.{}", parts[0], parts[2]);
        assert_eq!(verify(SECRET, Some(&swapped), body, now), Err(SignatureError::Mismatch));
        // "alg": "none" is never accepted.
        let none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        assert_eq!(
            verify(SECRET, Some(&format!("Bearer {none}.{}.", parts[1])), body, now),
            Err(SignatureError::Algorithm)
        );
    }

    #[test]
    fn a_bodiless_webhook_verifies_to_its_jti() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let auth = sign_bodiless(SECRET, "f3b1c0de", now.timestamp());
        assert_eq!(verify_bodiless(SECRET, Some(&auth), now).as_deref(), Ok("f3b1c0de"));
        assert_eq!(verify_bodiless("another secret", Some(&auth), now), Err(SignatureError::Mismatch));
        let late = now + chrono::Duration::seconds(301);
        assert_eq!(verify_bodiless(SECRET, Some(&auth), late), Err(SignatureError::Stale));
        assert_eq!(verify_bodiless(SECRET, None, now), Err(SignatureError::Malformed));
        // A POST's token (its payload_hash of a real body) does not pass for a GET's.
        let posted = sign(SECRET, b"{\"uuid\":\"x\"}", now.timestamp());
        assert_eq!(verify_bodiless(SECRET, Some(&posted), now), Err(SignatureError::Payload));
        // One over the empty body does; a token without a jti does not.
        let empty = sign(SECRET, b"", now.timestamp());
        assert!(verify_bodiless(SECRET, Some(&empty), now).is_ok());
        let no_jti = sign_claims(SECRET, &serde_json::json!({"iat": now.timestamp()}));
        assert_eq!(verify_bodiless(SECRET, Some(&no_jti), now), Err(SignatureError::Malformed));
    }
}
