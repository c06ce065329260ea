//! The media gateway: carrier websockets in, Twilio-protocol bots out.
//!
//! A carrier (Twilio, Telnyx, Vonage) opens a websocket for a call Throughline set up; the
//! gateway checks the stream token, plays the campaign's AI disclosure to the caller and waits
//! for the carrier to confirm it played, records it, and only then connects the campaign's
//! bot, speaking Twilio's Media Streams dialect to it whatever the carrier was. Audio flows
//! both ways (caller audio straight through, bot audio paced at 20 ms), marks and clears are
//! mapped across dialects, and every fact about the call goes to the timeline through
//! [`CallHooks`], which the server implements over its store.

pub mod hooks;
pub mod link;
pub mod listener;
pub mod session;
pub mod stats;
pub mod token;
pub mod transcode;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

pub use hooks::{AdmitError, CallHooks, CallPlan, CallRecord, EndReason, OnBotFailure, Prompt};
pub use media_core::frames::Dialect;
pub use token::{Claims, TokenError, TokenSigner};

/// Timeouts.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long to wait for the carrier's `start` after the upgrade.
    pub start_timeout: Duration,
    /// How long the bot's websocket may take to open.
    pub bot_connect_timeout: Duration,
    /// How long a send may block before the peer counts as stalled.
    pub send_timeout: Duration,
    /// How long after the prompt's own length the carrier may take to confirm it played.
    pub disclosure_grace: Duration,
    /// A bot silent this long is pinged; one that then answers nothing (not even the pong its
    /// websocket owes) within `send_timeout` has stalled and the call is ended.
    pub bot_ping_interval: Duration,
    /// How long a thread of the dedicated media listener waits, each time it runs out of work,
    /// before it looks for more: readiness that arrives meanwhile is then handled in one batch,
    /// for one wake-up instead of one per socket. Zero: wake for every event.
    pub batch_window: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            start_timeout: Duration::from_secs(5),
            bot_connect_timeout: Duration::from_secs(3),
            send_timeout: Duration::from_secs(2),
            disclosure_grace: Duration::from_secs(5),
            bot_ping_interval: Duration::from_secs(5),
            batch_window: Duration::ZERO,
        }
    }
}

/// The gateway: shared by every stream on an instance.
pub struct Gateway {
    /// The server's side.
    pub hooks: Arc<dyn CallHooks>,
    /// Checks stream tokens.
    pub tokens: TokenSigner,
    /// Timeouts.
    pub settings: Settings,
    /// The clock tokens are checked against.
    pub now: Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>,
    /// Counters.
    pub stats: Arc<stats::Stats>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway").field("settings", &self.settings).field("stats", &self.stats).finish_non_exhaustive()
    }
}

impl Gateway {
    /// Accepts a carrier's websocket upgrade and runs the stream on it. `token` is the one in
    /// the URL's query, where the carrier puts it there (Telnyx).
    pub fn accept(
        self: &Arc<Self>,
        upgrade: axum::extract::ws::WebSocketUpgrade,
        dialect: Dialect,
        token: Option<String>,
    ) -> axum::response::Response {
        let gateway = self.clone();
        upgrade
            .read_buffer_size(link::READ_BUFFER)
            .write_buffer_size(0)
            .max_write_buffer_size(256 * 1024)
            .max_message_size(media_core::frames::MAX_TEXT_FRAME)
            .max_frame_size(media_core::frames::MAX_TEXT_FRAME)
            .on_upgrade(move |socket| async move {
                let mut link = link::AxumLink(socket);
                session::run(&gateway, dialect, &mut link, token).await;
            })
    }
}
