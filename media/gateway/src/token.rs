//! Stream tokens: how the gateway knows a websocket is a call Throughline itself set up.
//!
//! Whoever answers the carrier (the TwiML for Twilio, the call request for Telnyx, the NCCO for
//! Vonage) mints a token naming the conversation and the call, signed with the instance
//! secret and valid for a few minutes. The carrier hands it back on the websocket (a custom
//! parameter, the URL's query, or a header); the gateway checks the signature and expiry, and
//! the call hooks make sure each token opens one stream only.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Utc};
use domain::{CallId, ConversationId};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};

type HmacSha256 = Hmac<sha2::Sha256>;

/// What a token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The conversation the call belongs to.
    #[serde(rename = "c")]
    pub conversation: ConversationId,
    /// Throughline's id for the call.
    #[serde(rename = "k")]
    pub call: CallId,
    /// Expiry, in seconds since the epoch.
    #[serde(rename = "e")]
    pub expires: i64,
    /// Random, so each token is claimed once.
    #[serde(rename = "n")]
    pub nonce: String,
}

/// Why a token was refused. Never says more than that to the peer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No token where one must be.
    #[error("no stream token")]
    Missing,
    /// Not a token this build writes.
    #[error("malformed stream token")]
    Malformed,
    /// Not signed with this deployment's secret.
    #[error("stream token signature does not match")]
    BadSignature,
    /// Past its expiry.
    #[error("stream token expired")]
    Expired,
    /// Already opened a stream.
    #[error("stream token already used")]
    Replayed,
}

/// Mints and checks tokens with one secret (shared by every instance of a deployment).
#[derive(Clone)]
pub struct TokenSigner {
    key: HmacSha256,
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSigner(..)")
    }
}

impl TokenSigner {
    /// A signer over `secret` (any length; 32 random bytes or more in production).
    pub fn new(secret: &[u8]) -> Self {
        Self { key: <HmacSha256 as KeyInit>::new_from_slice(secret).expect("HMAC takes a key of any length") }
    }

    /// A token for `call` in `conversation`, valid for `ttl` from `now`.
    pub fn mint(
        &self,
        conversation: ConversationId,
        call: CallId,
        now: DateTime<Utc>,
        ttl: chrono::Duration,
    ) -> String {
        let claims = Claims {
            conversation,
            call,
            expires: (now + ttl).timestamp(),
            nonce: uuid::Uuid::new_v4().simple().to_string(),
        };
        let body = B64.encode(serde_json::to_vec(&claims).expect("claims serialize"));
        let mut mac = self.key.clone();
        mac.update(body.as_bytes());
        let signature = B64.encode(mac.finalize().into_bytes());
        format!("{body}.{signature}")
    }

    /// The claims of a token this deployment minted that has not expired at `now`.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Claims, TokenError> {
        if token.is_empty() {
            return Err(TokenError::Missing);
        }
        if token.len() > 1024 {
            return Err(TokenError::Malformed);
        }
        let (body, signature) = token.split_once('.').ok_or(TokenError::Malformed)?;
        let signature = B64.decode(signature).map_err(|_| TokenError::Malformed)?;
        let mut mac = self.key.clone();
        mac.update(body.as_bytes());
        // Constant-time comparison.
        mac.verify_slice(&signature).map_err(|_| TokenError::BadSignature)?;
        let bytes = B64.decode(body).map_err(|_| TokenError::Malformed)?;
        let claims: Claims = serde_json::from_slice(&bytes).map_err(|_| TokenError::Malformed)?;
        if claims.expires < now.timestamp() {
            return Err(TokenError::Expired);
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_minted_token_verifies_until_it_expires() {
        let signer = TokenSigner::new(b"secret");
        let (conversation, call) = (ConversationId::new(), CallId::new());
        let token = signer.mint(conversation, call, at(0), chrono::Duration::seconds(60));
        let claims = signer.verify(&token, at(59)).unwrap();
        assert_eq!((claims.conversation, claims.call), (conversation, call));
        assert_eq!(signer.verify(&token, at(61)), Err(TokenError::Expired));
        let again = signer.mint(conversation, call, at(0), chrono::Duration::seconds(60));
        assert_ne!(token, again, "each token has its own nonce");
    }

    #[test]
    fn forged_or_broken_tokens_are_refused() {
        let signer = TokenSigner::new(b"secret");
        let token = signer.mint(ConversationId::new(), CallId::new(), at(0), chrono::Duration::seconds(60));
        let other = TokenSigner::new(b"another secret");
        assert_eq!(other.verify(&token, at(1)), Err(TokenError::BadSignature));
        let (body, signature) = token.split_once('.').unwrap();
        let mut claims: serde_json::Value = serde_json::from_slice(&B64.decode(body).unwrap()).unwrap();
        claims["e"] = serde_json::json!(1_900_000_000);
        let tampered = format!("{}.{signature}", B64.encode(claims.to_string()));
        assert_eq!(signer.verify(&tampered, at(1)), Err(TokenError::BadSignature));
        assert_eq!(signer.verify("", at(1)), Err(TokenError::Missing));
        assert_eq!(signer.verify("no-dot", at(1)), Err(TokenError::Malformed));
        assert_eq!(signer.verify("a.!!", at(1)), Err(TokenError::Malformed));
        assert_eq!(signer.verify(&"x".repeat(2000), at(1)), Err(TokenError::Malformed));
    }
}
