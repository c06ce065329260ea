//! Operator API keys: `tl_` + 64 hex characters (256 random bits), shown once at creation and
//! stored only as a SHA-256 hash. With that much entropy a fast hash is safe (there is no
//! dictionary to attack) and keeps authentication cheap on hot paths; verified keys are cached
//! briefly so most requests never touch the database for auth.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{FromRef, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use domain::ApiKeyId;
use sha2::{Digest, Sha256};
use store::{ApiKeyRecord, Store, StoreError};

use crate::error::ApiError;
use crate::state::AppState;

/// Printed prefix of every key, so leaked keys are recognisable by secret scanners.
pub const KEY_PREFIX: &str = "tl_";
/// Cached entries beyond this are dropped wholesale (a flood of distinct valid keys is not a
/// realistic load; the bound only protects memory).
const CACHE_LIMIT: usize = 10_000;

/// A new key: the secret (give it to the operator once) and the record to store.
#[derive(Debug)]
pub struct NewKey {
    /// The full secret.
    pub secret: String,
    /// What is stored.
    pub record: ApiKeyRecord,
}

/// Generates a key named `name`.
pub fn generate(name: &str, now: DateTime<Utc>) -> Result<NewKey, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    let secret = format!("{KEY_PREFIX}{}", hex::encode(bytes));
    let record = ApiKeyRecord {
        id: ApiKeyId::new(),
        name: name.to_owned(),
        prefix: secret[..KEY_PREFIX.len() + 8].to_owned(),
        key_hash: hash(&secret),
        created_at: now,
        revoked_at: None,
    };
    Ok(NewKey { secret, record })
}

/// Creates and stores a key.
pub async fn create(store: &dyn Store, name: &str) -> Result<NewKey, anyhow::Error> {
    let key = generate(name, Utc::now()).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    store.create_api_key(&key.record).await?;
    Ok(key)
}

/// SHA-256 of a secret, hex.
pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Verified keys, by hash, with when they were verified.
#[derive(Debug, Clone)]
pub struct KeyCache {
    ttl: Duration,
    entries: Arc<Mutex<HashMap<String, (Caller, Instant)>>>,
}

impl KeyCache {
    /// A cache trusting entries for `ttl`.
    pub fn new(ttl: Duration) -> Self {
        Self { ttl, entries: Arc::default() }
    }

    async fn verify(&self, store: &dyn Store, secret: &str) -> Result<Option<Caller>, StoreError> {
        let digest = hash(secret);
        {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((caller, at)) = entries.get(&digest)
                && at.elapsed() < self.ttl
            {
                return Ok(Some(caller.clone()));
            }
        }
        let Some(record) = store.api_key_by_hash(&digest).await? else {
            return Ok(None);
        };
        let caller = Caller { key_id: record.id, key_name: record.name };
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= CACHE_LIMIT {
            entries.clear();
        }
        entries.insert(digest, (caller.clone(), Instant::now()));
        Ok(Some(caller))
    }
}

/// The authenticated operator making a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Key id.
    pub key_id: ApiKeyId,
    /// Key name, recorded as the actor of changes (`api:<name>`).
    pub key_name: String,
}

impl Caller {
    /// How this caller appears in `by` fields of the timeline.
    pub fn actor(&self) -> String {
        format!("api:{}", self.key_name)
    }
}

impl<S> FromRequestParts<S> for Caller
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app = AppState::from_ref(state);
        let secret = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|s| s.starts_with(KEY_PREFIX) && s.len() == KEY_PREFIX.len() + 64)
            .ok_or_else(ApiError::unauthorized)?;
        match app.keys.verify(app.store.as_ref(), secret).await {
            Ok(Some(caller)) => Ok(caller),
            Ok(None) => Err(ApiError::unauthorized()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_prefixed_and_stored_hashed() {
        let a = generate("ops", Utc::now()).unwrap();
        let b = generate("ops", Utc::now()).unwrap();
        assert_ne!(a.secret, b.secret);
        assert!(a.secret.starts_with("tl_") && a.secret.len() == 67);
        assert_eq!(a.record.key_hash, hash(&a.secret));
        assert!(!a.record.key_hash.contains(&a.secret[3..]));
        assert!(a.secret.starts_with(&a.record.prefix));
    }
}
