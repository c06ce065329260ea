//! Voice: the carriers' call webhooks (answering with the stream instructions, recording
//! progress and answering-machine results) and the media gateway's hooks into the timeline.

pub mod gateway;
pub mod media;

use secrecy::ExposeSecret;

pub mod calls;
pub mod telnyx;
pub mod transfer;
pub mod twilio;
pub mod vonage;

use crate::config::{MediaSettings, Settings};

/// What the voice edge needs from configuration: the stream-token signer and the gateway's
/// settings.
#[derive(Debug)]
pub struct VoiceContext {
    /// Mints and checks stream tokens.
    pub tokens: media_gateway::TokenSigner,
    /// Timeouts, token lifetimes and prompts.
    pub settings: MediaSettings,
    /// The media gateway's counters (shared with the gateway; `/metrics` renders them).
    pub media_stats: std::sync::Arc<media_gateway::stats::Stats>,
}

impl VoiceContext {
    /// From the settings. Without a configured secret a random one is made: tokens then only
    /// verify on this instance, which is right for the embedded default.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let secret = match &settings.media.token_secret {
            Some(secret) => secret.expose_secret().as_bytes().to_vec(),
            None => {
                let mut secret = vec![0u8; 32];
                getrandom::fill(&mut secret).map_err(|e| anyhow::anyhow!("no randomness for a token secret: {e}"))?;
                secret
            }
        };
        Ok(Self {
            tokens: media_gateway::TokenSigner::new(&secret),
            settings: settings.media.clone(),
            media_stats: std::sync::Arc::default(),
        })
    }

    /// A fresh stream token for `call`, valid for the TwiML/NCCO lifetime.
    pub fn token(
        &self,
        conversation: domain::ConversationId,
        call: domain::CallId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> String {
        self.tokens.mint(conversation, call, now, chrono::Duration::seconds(self.settings.token_ttl_secs as i64))
    }

    /// A stream token minted when a call is placed (it must outlast the ringing).
    pub fn dial_token(
        &self,
        conversation: domain::ConversationId,
        call: domain::CallId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> String {
        self.tokens.mint(conversation, call, now, chrono::Duration::seconds(self.settings.dial_token_ttl_secs as i64))
    }
}
