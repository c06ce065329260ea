//! Conversational SMS at the edge: carrier webhooks in ([`webhooks`]), keywords and revocation
//! ([`inbound`]), and `POST /api/v1/sms/send` ([`send`]). The SMS agent that answers lives in
//! the engine (`engine::agent`), off the request path: a webhook only makes the message
//! durable, applies the keyword rules in the same transaction, and answers the carrier.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::{CallId, Campaign, CampaignId, ConversationId, E164, MessageId, Provider};
use secrecy::SecretString;
use store::{Store, StoreError};

use crate::config::Settings;

pub mod inbound;
pub mod send;
pub mod webhooks;

/// How long a number pair's conversation is remembered. A lead who fills a second form gets a
/// new conversation; within this long their texts may still land on the previous one.
const NUMBERS_TTL: Duration = Duration::from_secs(60);
/// Number pairs remembered (about 100 bytes each); the map is cleared when full.
const NUMBERS_CAPACITY: usize = 100_000;

/// A number pair's conversation and campaign, and when it was looked up.
type NumberEntry = (ConversationId, CampaignId, Instant);

/// What the SMS edge needs: webhook secrets, the public URL, and two small caches.
#[derive(Debug, Default)]
pub struct SmsContext {
    /// Where carriers reach this deployment (`https://…`, no trailing slash), for signature
    /// checks and callback URLs.
    pub public_url: Option<String>,
    /// Twilio's auth token (keys `X-Twilio-Signature`).
    pub twilio_token: Option<SecretString>,
    /// Telnyx's public key.
    pub telnyx_key: Option<providers::telnyx::PublicKey>,
    /// Vonage's signature secret (keys its webhooks' HS256 tokens).
    pub vonage_secret: Option<SecretString>,
    numbers: Mutex<HashMap<(E164, E164), NumberEntry>>,
    parsed: Mutex<HashMap<String, E164>>,
    campaigns: Mutex<HashMap<CampaignId, Arc<Campaign>>>,
}

impl SmsContext {
    /// From the settings; a malformed Telnyx key fails start-up rather than every webhook.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let telnyx_key = match &settings.carriers.telnyx {
            Some(t) => Some(
                providers::telnyx::PublicKey::from_base64(&t.public_key)
                    .map_err(|e| anyhow::anyhow!("carriers.telnyx.public_key: {e}"))?,
            ),
            None => None,
        };
        Ok(Self {
            public_url: settings.server.public_url.as_ref().map(|u| u.trim_end_matches('/').to_owned()),
            twilio_token: settings.carriers.twilio.as_ref().map(|t| t.auth_token.clone()),
            telnyx_key,
            vonage_secret: settings.carriers.vonage.as_ref().map(|v| v.signature_secret.clone()),
            ..Self::default()
        })
    }

    /// The conversation an inbound message from `from` to `to` belongs to.
    pub async fn lookup(
        &self,
        store: &dyn Store,
        from: &E164,
        to: &E164,
    ) -> Result<Option<(ConversationId, CampaignId)>, StoreError> {
        let key = (from.clone(), to.clone());
        if let Ok(numbers) = self.numbers.lock()
            && let Some((c, k, at)) = numbers.get(&key)
            && at.elapsed() < NUMBERS_TTL
        {
            return Ok(Some((*c, *k)));
        }
        let found = store.conversation_by_numbers(from, to).await?;
        if let (Some((c, k)), Ok(mut numbers)) = (found, self.numbers.lock()) {
            if numbers.len() >= NUMBERS_CAPACITY {
                numbers.clear();
            }
            numbers.insert(key, (c, k, Instant::now()));
        }
        Ok(found)
    }

    /// Parses a carrier's number. Validating against the numbering plan is the costliest step of
    /// a webhook (libphonenumber's regexes: about 4 % of the server's CPU under webhook load),
    /// and the same few numbers arrive again and again, so good parses are remembered.
    pub fn number(&self, raw: &str) -> Result<E164, domain::phone::PhoneError> {
        if let Some(n) = self.parsed.lock().ok().and_then(|m| m.get(raw).cloned()) {
            return Ok(n);
        }
        let parsed = E164::parse(raw)?;
        if let Ok(mut m) = self.parsed.lock() {
            if m.len() >= NUMBERS_CAPACITY {
                m.clear();
            }
            m.insert(raw.to_owned(), parsed.clone());
        }
        Ok(parsed)
    }

    /// Forgets the number pairs of a lead's number: a new lead for it may own its texts now.
    pub fn forget(&self, lead_phone: &E164) {
        if let Ok(mut numbers) = self.numbers.lock() {
            numbers.retain(|(from, _), _| from != lead_phone);
        }
    }

    /// A campaign, read once (campaigns do not change once created).
    pub async fn campaign(&self, store: &dyn Store, id: CampaignId) -> Result<Arc<Campaign>, StoreError> {
        if let Some(c) = self.campaigns.lock().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(c);
        }
        let campaign = Arc::new(store.campaign(id).await?.ok_or(StoreError::NotFound("campaign"))?);
        if let Ok(mut m) = self.campaigns.lock() {
            m.insert(id, Arc::clone(&campaign));
        }
        Ok(campaign)
    }

    /// Where a carrier reports an outbound message's delivery: the query names the message,
    /// and Twilio signs the URL with it.
    pub fn status_callback(
        &self,
        provider: Provider,
        conversation: ConversationId,
        message: MessageId,
    ) -> Option<String> {
        let base = self.public_url.as_ref()?;
        let path = match provider {
            Provider::Twilio => "webhooks/twilio/sms/status",
            Provider::Telnyx => "webhooks/telnyx/sms",
            _ => return None,
        };
        Some(format!("{base}/{path}?conversation_id={conversation}&message_id={message}"))
    }

    /// A voice webhook URL (`voice` or `voice/status`) for a call.
    pub fn voice_url(
        &self,
        provider: Provider,
        what: &str,
        conversation: ConversationId,
        call: CallId,
    ) -> Option<String> {
        let base = self.public_url.as_ref()?;
        let carrier = match provider {
            Provider::Twilio => "twilio",
            Provider::Telnyx => "telnyx",
            Provider::Vonage => "vonage",
            _ => return None,
        };
        Some(call_hook_url(base, carrier, what, conversation, call))
    }
}

/// The URL of `carrier`'s voice webhook `what` for a call, under `base` (no trailing slash).
pub fn call_hook_url(base: &str, carrier: &str, what: &str, conversation: ConversationId, call: CallId) -> String {
    format!("{base}/webhooks/{carrier}/{what}?conversation_id={conversation}&call_id={call}")
}
