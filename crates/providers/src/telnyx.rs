//! Telnyx's webhook signature: Ed25519 over `"{telnyx-timestamp}|{raw body}"`, sent base64 in
//! `telnyx-signature-ed25519` with the Unix timestamp in `telnyx-timestamp`, checked with the
//! account's public key (base64, from the Telnyx portal). A timestamp more than five minutes
//! from now is refused, so a captured webhook cannot be replayed later.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, VerifyingKey};

/// Oldest (or furthest in the future) a signed timestamp may be.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a Telnyx webhook was refused (no secrets or bodies in the message).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The configured public key is not a base64 Ed25519 key.
    #[error("the configured Telnyx public key is not a base64 Ed25519 key")]
    BadKey,
    /// Header missing or not base64 / not 64 bytes.
    #[error("missing or malformed telnyx-signature-ed25519")]
    Malformed,
    /// Timestamp missing, not a number, or outside the tolerance.
    #[error("telnyx-timestamp missing or more than {TOLERANCE_SECS} s from now")]
    Stale,
    /// The signature does not match the body.
    #[error("signature does not match")]
    Mismatch,
}

/// The account's public key, parsed once at start-up.
#[derive(Debug, Clone)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Parses the base64 key from the Telnyx portal.
    pub fn from_base64(key: &str) -> Result<Self, SignatureError> {
        let bytes: [u8; 32] =
            STANDARD.decode(key.trim()).ok().and_then(|b| b.try_into().ok()).ok_or(SignatureError::BadKey)?;
        VerifyingKey::from_bytes(&bytes).map(PublicKey).map_err(|_| SignatureError::BadKey)
    }

    /// Checks a webhook: its `telnyx-timestamp` and `telnyx-signature-ed25519` headers and the
    /// raw body, at `now`.
    pub fn verify(
        &self,
        timestamp: Option<&str>,
        signature: Option<&str>,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<(), SignatureError> {
        let timestamp = timestamp.map(str::trim).ok_or(SignatureError::Stale)?;
        let at: i64 = timestamp.parse().map_err(|_| SignatureError::Stale)?;
        if (now.timestamp() - at).abs() > TOLERANCE_SECS {
            return Err(SignatureError::Stale);
        }
        let bytes: [u8; 64] = signature
            .and_then(|s| STANDARD.decode(s.trim()).ok())
            .and_then(|b| b.try_into().ok())
            .ok_or(SignatureError::Malformed)?;
        let signature = Signature::from_bytes(&bytes);
        let mut message = Vec::with_capacity(timestamp.len() + 1 + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.push(b'|');
        message.extend_from_slice(body);
        self.0.verify_strict(&message, &signature).map_err(|_| SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn keys() -> (SigningKey, PublicKey) {
        let signing = SigningKey::from_bytes(&[7u8; 32]);
        let public = PublicKey::from_base64(&STANDARD.encode(signing.verifying_key().to_bytes())).unwrap();
        (signing, public)
    }

    fn sign(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
        let mut message = format!("{timestamp}|").into_bytes();
        message.extend_from_slice(body);
        STANDARD.encode(key.sign(&message).to_bytes())
    }

    #[test]
    fn a_signed_fresh_webhook_passes_and_anything_else_fails() {
        let (signing, public) = keys();
        let body = br#"{"data":{"event_type":"message.received","id":"e1"}}"#;
        let now: DateTime<Utc> = "2026-11-24T15:00:00Z".parse().unwrap();
        let ts = now.timestamp().to_string();
        let sig = sign(&signing, &ts, body);
        assert_eq!(public.verify(Some(&ts), Some(&sig), body, now), Ok(()));
        // Within the window either side.
        assert_eq!(public.verify(Some(&ts), Some(&sig), body, now + chrono::Duration::seconds(299)), Ok(()));
        // Replayed six minutes later.
        assert_eq!(
            public.verify(Some(&ts), Some(&sig), body, now + chrono::Duration::seconds(360)),
            Err(SignatureError::Stale)
        );
        // Body or timestamp changed.
        assert_eq!(public.verify(Some(&ts), Some(&sig), br#"{"data":{}}"#, now), Err(SignatureError::Mismatch));
        let other = (now.timestamp() + 1).to_string();
        assert_eq!(public.verify(Some(&other), Some(&sig), body, now), Err(SignatureError::Mismatch));
        // Missing or malformed headers.
        assert_eq!(public.verify(None, Some(&sig), body, now), Err(SignatureError::Stale));
        assert_eq!(public.verify(Some(&ts), None, body, now), Err(SignatureError::Malformed));
        assert_eq!(public.verify(Some(&ts), Some("bm90IGEgc2lnbmF0dXJl"), body, now), Err(SignatureError::Malformed));
        // Another account's key.
        let stranger = SigningKey::from_bytes(&[9u8; 32]);
        assert_eq!(
            public.verify(Some(&ts), Some(&sign(&stranger, &ts, body)), body, now),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn a_bad_configured_key_is_refused() {
        assert_eq!(PublicKey::from_base64("not base64").unwrap_err(), SignatureError::BadKey);
        assert_eq!(PublicKey::from_base64(&STANDARD.encode([1u8; 16])).unwrap_err(), SignatureError::BadKey);
    }
}
