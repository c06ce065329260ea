//! Configuration: built-in defaults, then an optional TOML file, then `THROUGHLINE__…`
//! environment variables (`THROUGHLINE__SERVER__PORT=9000`), then `DATABASE_URL` and
//! `REDIS_URL`. Connection strings are secrets: they never appear in `Debug` output or logs.

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Everything `serve` needs.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// HTTP listener.
    pub server: ServerSettings,
    /// Durable store.
    pub database: DatabaseSettings,
    /// Hot state.
    pub redis: RedisSettings,
    /// Logging.
    pub log: LogSettings,
    /// API authentication.
    pub auth: AuthSettings,
    /// The background workers (routing, timers, outbox).
    pub workers: WorkerSettings,
    /// The compliance rules table.
    pub compliance: ComplianceSettings,
    /// The sandbox carrier.
    pub sandbox: SandboxSettings,
    /// Real carriers' credentials (each optional: a carrier without them is not used).
    pub carriers: CarrierSettings,
    /// The media gateway: stream tokens, disclosure prompts, bot timeouts.
    pub media: MediaSettings,
}

/// The media gateway's settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MediaSettings {
    /// Signs stream tokens. Every instance of a deployment needs the same one; when unset a
    /// random secret is made at start (fine for one instance).
    pub token_secret: Option<SecretString>,
    /// How long a stream token minted for TwiML or an NCCO stays valid (the carrier opens the
    /// websocket within a second or two of fetching them).
    pub token_ttl_secs: u64,
    /// How long a token minted when a Telnyx call is placed stays valid (it must outlast the
    /// ringing).
    pub dial_token_ttl_secs: u64,
    /// How long the gateway waits for the bot's websocket to open.
    pub bot_connect_timeout_ms: u64,
    /// How long a write to the bot may block before the bot counts as stalled, and how long
    /// a pinged bot may take to answer.
    pub bot_stall_timeout_ms: u64,
    /// A bot that has sent nothing for this long is pinged (a bot listening in silence still
    /// answers pings; a hung one does not).
    pub bot_ping_interval_ms: u64,
    /// How long the gateway waits for a carrier's `start` after the upgrade.
    pub start_timeout_ms: u64,
    /// How long after a disclosure prompt's own length the carrier may take to confirm it
    /// played (its mark) before the call is ended unbridged.
    pub disclosure_grace_ms: u64,
    /// Disclosure prompts by name (campaigns name one in `voice.disclosure_prompt`).
    pub prompts: std::collections::BTreeMap<String, PromptSettings>,
    /// A dedicated media listener (`host:port`), served thread per core: each thread accepts
    /// streams and keeps each one, carrier and bot socket alike, on itself, which is what a
    /// busy gateway needs. Unset: the media websockets are served on the HTTP listener only
    /// (they are there in either case).
    pub listen: Option<String>,
    /// Threads for the dedicated listener; 0 means one per core.
    pub threads: usize,
    /// Microseconds a thread of the dedicated listener waits, each time it runs out of work,
    /// before looking for more, so that the frames arriving meanwhile are handled in one
    /// wake-up (see docs/benchmarks.md). It adds up to that much delay to a frame. 0 wakes for
    /// every frame.
    pub batch_us: u64,
    /// The base URL carriers reach the media websockets at (`https://media.example.com`;
    /// `/media/{carrier}` is appended, `http` becoming `ws`). Unset: the server's public URL.
    /// Set it when the dedicated listener is on another host name or port.
    pub public_url: Option<String>,
}

impl Default for MediaSettings {
    fn default() -> Self {
        Self {
            token_secret: None,
            token_ttl_secs: 120,
            dial_token_ttl_secs: 900,
            bot_connect_timeout_ms: 3000,
            bot_stall_timeout_ms: 2000,
            bot_ping_interval_ms: 5000,
            start_timeout_ms: 5000,
            disclosure_grace_ms: 5000,
            prompts: std::collections::BTreeMap::new(),
            listen: None,
            threads: 0,
            batch_us: 0,
            public_url: None,
        }
    }
}

/// A disclosure prompt: the audio the caller hears and the words it says (for the record).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptSettings {
    /// A WAV file (PCM 16-bit, µ-law or A-law; 8, 16, 24 or 48 kHz; mono or stereo).
    pub file: PathBuf,
    /// What the recording says, word for word.
    pub text: String,
}

/// Carrier accounts.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CarrierSettings {
    /// Twilio.
    pub twilio: Option<TwilioSettings>,
    /// Telnyx.
    pub telnyx: Option<TelnyxSettings>,
    /// Vonage (calls only).
    pub vonage: Option<VonageSettings>,
}

/// A Twilio account. The auth token both authenticates REST calls and keys the
/// `X-Twilio-Signature` on webhooks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwilioSettings {
    /// `AC…`.
    pub account_sid: String,
    /// Auth token.
    pub auth_token: SecretString,
    /// REST base (a regional edge or a test double); campaigns may override it.
    #[serde(default = "default_twilio_base")]
    pub api_base: String,
}

/// A Telnyx account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelnyxSettings {
    /// API key (REST).
    pub api_key: SecretString,
    /// The account's Ed25519 public key (base64), which signs webhooks.
    pub public_key: String,
    /// REST base; campaigns may override it.
    #[serde(default = "default_telnyx_base")]
    pub api_base: String,
    /// Messaging profile to send from.
    #[serde(default)]
    pub messaging_profile_id: Option<String>,
    /// Call Control connection that places calls.
    #[serde(default)]
    pub connection_id: Option<String>,
}

/// A Vonage Voice application.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VonageSettings {
    /// The Voice application's id.
    pub application_id: String,
    /// The application's private key, PEM (PKCS#8), which signs API tokens.
    pub private_key: SecretString,
    /// The account's signature secret, which signs webhooks (HS256).
    pub signature_secret: SecretString,
    /// REST base; campaigns may override it.
    #[serde(default = "default_vonage_base")]
    pub api_base: String,
}

fn default_vonage_base() -> String {
    providers::vonage_api::DEFAULT_API_BASE.into()
}

fn default_twilio_base() -> String {
    providers::twilio_api::DEFAULT_API_BASE.into()
}

fn default_telnyx_base() -> String {
    providers::telnyx_api::DEFAULT_API_BASE.into()
}

/// Background worker settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkerSettings {
    /// Run the workers in this instance (an API-only instance sets false).
    pub enabled: bool,
    /// Longest a worker sleeps between looks at the database, in milliseconds. Hot-state
    /// wake-ups usually end the sleep sooner.
    pub poll_ms: u64,
    /// Rows claimed per round.
    pub batch: u32,
    /// Rows worked on at once.
    pub concurrency: usize,
    /// Seconds a claim is held before another instance may take the row over.
    pub lease_secs: u64,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self { enabled: true, poll_ms: 250, batch: 32, concurrency: 8, lease_secs: 60 }
    }
}

/// Compliance settings.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ComplianceSettings {
    /// A JSON rules table replacing the built-in one (COMPLIANCE.md); see docs/cadences.md.
    pub rules_file: Option<PathBuf>,
}

impl ComplianceSettings {
    /// The rules in force.
    pub fn rules(&self) -> anyhow::Result<policy::Rules> {
        match &self.rules_file {
            None => Ok(policy::Rules::default()),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("reading rules file {}: {e}", path.display()))?;
                policy::Rules::from_json(&text).map_err(|e| anyhow::anyhow!("rules file {}: {e}", path.display()))
            }
        }
    }
}

/// Sandbox carrier settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SandboxSettings {
    /// Seed for the simulated people behind unscripted numbers.
    pub seed: u64,
}

impl Default for SandboxSettings {
    fn default() -> Self {
        Self { seed: 1 }
    }
}

/// HTTP listener settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// Interface to bind.
    pub host: String,
    /// Port; 0 picks a free one (tests).
    pub port: u16,
    /// The URL carriers and bots reach this instance at, when behind a proxy.
    pub public_url: Option<String>,
    /// Largest request body accepted, in bytes. API bodies are small JSON documents.
    pub max_body_bytes: usize,
    /// Seconds in-flight requests get to finish on shutdown.
    pub shutdown_grace_secs: u64,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            public_url: None,
            max_body_bytes: 64 * 1024,
            shutdown_grace_secs: 10,
        }
    }
}

/// Durable store settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `postgres://…`; unset means the embedded SQLite file.
    pub url: Option<SecretString>,
    /// The embedded database file.
    pub sqlite_path: PathBuf,
    /// Postgres pool size.
    pub max_connections: u32,
    /// Postgres schema to use instead of `public` (isolates tests or tenants).
    pub schema: Option<String>,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self { url: None, sqlite_path: PathBuf::from("data/throughline.db"), max_connections: 16, schema: None }
    }
}

/// Hot-state settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedisSettings {
    /// `redis://…`; unset means in-process hot state (single instance).
    pub url: Option<SecretString>,
    /// Prefix of every key and channel.
    pub prefix: String,
}

impl Default for RedisSettings {
    fn default() -> Self {
        Self { url: None, prefix: "throughline:".into() }
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// Logging settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    /// Text or JSON.
    pub format: LogFormat,
    /// `tracing` filter, e.g. `info` or `info,throughline_server=debug`. `RUST_LOG` wins.
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self { format: LogFormat::Text, level: "info".into() }
    }
}

/// Authentication settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    /// Seconds a verified API key is trusted without asking the database again; this is also
    /// the longest a revoked key keeps working on an instance that had just seen it.
    pub key_cache_secs: u64,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self { key_cache_secs: 30 }
    }
}

/// Configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(#[from] config::ConfigError);

impl Settings {
    /// Defaults, then `file` (if given), then `THROUGHLINE__…`, then `DATABASE_URL` / `REDIS_URL`.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut builder = config::Config::builder();
        if let Some(path) = file {
            builder = builder.add_source(config::File::from(path).format(config::FileFormat::Toml).required(true));
        }
        builder = builder.add_source(
            config::Environment::with_prefix("THROUGHLINE").prefix_separator("__").separator("__").try_parsing(true),
        );
        let mut settings: Settings = builder.build()?.try_deserialize()?;
        if let Some(url) = non_empty_env("DATABASE_URL") {
            settings.database.url = Some(SecretString::from(url));
        }
        if let Some(url) = non_empty_env("REDIS_URL") {
            settings.redis.url = Some(SecretString::from(url));
        }
        Ok(settings)
    }

    /// Store settings for the `store` crate.
    pub fn store_settings(&self) -> store::StoreSettings {
        store::StoreSettings {
            database_url: self.database.url.as_ref().map(|s| s.expose_secret().to_owned()),
            sqlite_path: self.database.sqlite_path.clone(),
            max_connections: self.database.max_connections,
            schema: self.database.schema.clone(),
            redis_url: self.redis.url.as_ref().map(|s| s.expose_secret().to_owned()),
            redis_prefix: self.redis.prefix.clone(),
        }
    }
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_embedded_and_local() {
        let s = Settings::default();
        assert_eq!(s.server.host, "127.0.0.1");
        assert!(s.database.url.is_none() && s.redis.url.is_none());
        assert_eq!(s.store_settings().sqlite_path, PathBuf::from("data/throughline.db"));
    }

    #[test]
    fn a_file_overrides_defaults_and_secrets_never_print() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(
            &path,
            "[server]\nport = 9123\n[database]\nurl = \"postgres://u:hunter2@db/x\"\n[log]\nformat = \"json\"\n",
        )
        .unwrap();
        let s = Settings::load(Some(&path)).unwrap();
        assert_eq!(s.server.port, 9123);
        assert_eq!(s.log.format, LogFormat::Json);
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(&path, "[server]\nprot = 1\n").unwrap();
        assert!(Settings::load(Some(&path)).is_err());
    }
}
