//! Start-up and shutdown: `Application::build` opens the stores, applies migrations, binds
//! (port 0 picks a free port, as tests do) and returns; `run_until_stopped` serves until
//! Ctrl-C, SIGTERM or a `Shutdown` handle fires, then drains in-flight requests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use store::{Backend, Stores};
use tokio::net::TcpListener;
use tokio::sync::watch;

use providers::{
    Carriers, SandboxCarrier, TelnyxAccount, TelnyxCarrier, TwilioAccount, TwilioCarrier, VonageAccount, VonageCarrier,
};

use crate::auth::KeyCache;
use crate::config::Settings;
use crate::engine::Engine;
use crate::metrics::Metrics;
use crate::state::{AppState, Clock, SystemClock};

/// What a caller may inject instead of the defaults (tests, the demo).
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// The clock (default: the system clock).
    pub clock: Option<Arc<dyn Clock>>,
    /// The sandbox carrier (default: a new one on this instance's hot state). Tests share one
    /// between instances, as real instances share one real carrier.
    pub sandbox: Option<Arc<SandboxCarrier>>,
}

/// A bound, ready-to-run server.
#[derive(Debug)]
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    state: AppState,
    settings: Settings,
    engine: Engine,
    sandbox: Arc<SandboxCarrier>,
    shutdown: watch::Sender<bool>,
    gateway: Arc<media_gateway::Gateway>,
    /// The dedicated media listener, when `media.listen` is set.
    media_listener: Option<std::net::TcpListener>,
}

/// Asks a running application to stop.
#[derive(Debug, Clone)]
pub struct Shutdown(watch::Sender<bool>);

impl Shutdown {
    /// Begins a graceful shutdown.
    pub fn trigger(&self) {
        let _ = self.0.send(true);
    }
}

impl Application {
    /// Opens stores, migrates, binds. Fails fast with a clear error if the database or Redis
    /// named in the settings cannot be reached.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with(settings, Options::default()).await
    }

    /// As `build`, with injected parts.
    pub async fn build_with(settings: Settings, options: Options) -> anyhow::Result<Self> {
        let clock = options.clock.unwrap_or_else(|| Arc::new(SystemClock));
        let rules = settings.compliance.rules()?;
        // The learned revocation reader trains on its corpus once; not on the first message.
        nlu::learned::warm();
        let Stores { store, hot } = store::open(&settings.store_settings(), true).await?;
        tracing::info!(database = ?store.backend(), hot_state = hot.backend(), "stores open, migrations applied");
        let sandbox =
            options.sandbox.unwrap_or_else(|| Arc::new(SandboxCarrier::new(settings.sandbox.seed, hot.clone())));
        let mut carriers = Carriers::default().with(sandbox.clone());
        if let Some(t) = &settings.carriers.twilio {
            carriers = carriers.with(Arc::new(TwilioCarrier::new(TwilioAccount {
                account_sid: t.account_sid.clone(),
                auth_token: t.auth_token.clone(),
                api_base: t.api_base.clone(),
            })));
        }
        if let Some(t) = &settings.carriers.telnyx {
            carriers = carriers.with(Arc::new(TelnyxCarrier::new(TelnyxAccount {
                api_key: t.api_key.clone(),
                api_base: t.api_base.clone(),
                messaging_profile_id: t.messaging_profile_id.clone(),
                connection_id: t.connection_id.clone(),
            })));
        }
        if let Some(v) = &settings.carriers.vonage {
            let account = VonageAccount {
                application_id: v.application_id.clone(),
                private_key: v.private_key.clone(),
                api_base: v.api_base.clone(),
            };
            let carrier =
                VonageCarrier::new(account).map_err(|e| anyhow::anyhow!("carriers.vonage.private_key: {e}"))?;
            carriers = carriers.with(Arc::new(carrier));
        }
        let notifier = crate::state::Notifier::spawn(hot.clone());
        let state = AppState {
            store,
            hot,
            keys: KeyCache::new(Duration::from_secs(settings.auth.key_cache_secs)),
            clock,
            metrics: Metrics::install(),
            rules: Arc::new(rules),
            sms: Arc::new(crate::sms::SmsContext::from_settings(&settings)?),
            voice: Arc::new(crate::voice::VoiceContext::from_settings(&settings)?),
            carriers: carriers.clone(),
            notifier,
        };
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port)).await?;
        let address = listener.local_addr()?;
        let (shutdown, _) = watch::channel(false);
        let engine = Engine::new(state.clone(), carriers, settings.workers.clone());
        let gateway = Arc::new(crate::voice::gateway::build(&state, &settings.media)?);
        let media_listener = match &settings.media.listen {
            Some(address) => Some(
                std::net::TcpListener::bind(address.as_str())
                    .map_err(|e| anyhow::anyhow!("media.listen {address}: {e}"))?,
            ),
            None => None,
        };
        Ok(Self { listener, address, state, settings, engine, sandbox, shutdown, gateway, media_listener })
    }

    /// Where it listens.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Where the dedicated media listener listens, when there is one.
    pub fn media_address(&self) -> Option<SocketAddr> {
        self.media_listener.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The shared state (tests and the CLI reach the store through it).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The workers' engine (tests read its counters).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The media gateway (tests and the load tool read its counters).
    pub fn gateway(&self) -> &Arc<media_gateway::Gateway> {
        &self.gateway
    }

    /// The sandbox carrier.
    pub fn sandbox(&self) -> &Arc<SandboxCarrier> {
        &self.sandbox
    }

    /// Which database backs it.
    pub fn backend(&self) -> Backend {
        self.state.store.backend()
    }

    /// A handle that stops the server.
    pub fn shutdown_handle(&self) -> Shutdown {
        Shutdown(self.shutdown.clone())
    }

    /// Serves until asked to stop, then gives in-flight requests `shutdown_grace_secs` to finish.
    pub async fn run_until_stopped(mut self) -> anyhow::Result<()> {
        let router =
            crate::routes::router(self.state.clone(), self.gateway.clone(), self.settings.server.max_body_bytes);
        // Dropped (aborting the workers) however this future ends, even if it is itself aborted.
        let workers = self.settings.workers.enabled.then(|| self.engine.spawn(self.shutdown.subscribe()));
        let grace = Duration::from_secs(self.settings.server.shutdown_grace_secs);
        // The media listener stops accepting when the HTTP listener does, and drains alongside.
        let (media_stop, media_stopped) = watch::channel(false);
        // Taken: once its threads stop accepting, the socket closes and new streams are refused.
        let media = match self.media_listener.take() {
            Some(listener) => Some(self.spawn_media_listener(listener, media_stopped, grace)?),
            None => None,
        };
        let mut stop = self.shutdown.subscribe();
        let (drained_tx, drained_rx) = tokio::sync::oneshot::channel::<()>();
        let signal = async move {
            tokio::select! {
                _ = stop.wait_for(|s| *s) => {},
                _ = os_signal() => {},
            }
            tracing::info!("shutting down: draining in-flight requests");
            let _ = media_stop.send(true);
            let _ = drained_tx.send(());
        };
        // No Nagle: a media stream writes a 20 ms frame at a time, and with Nagle each one
        // would wait for the previous one's ACK (up to a round trip to the carrier).
        let listener = axum::serve::ListenerExt::tap_io(self.listener, |tcp: &mut tokio::net::TcpStream| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "TCP_NODELAY not set on a connection");
            }
        });
        let serve = axum::serve(listener, router).with_graceful_shutdown(signal);
        let serving = tokio::spawn(async move { serve.await });
        // Graceful shutdown waits for open connections; bound it so a stuck client cannot hold
        // the process forever.
        let mut serving = serving;
        tokio::select! {
            result = &mut serving => result??,
            _ = async { let _ = drained_rx.await; tokio::time::sleep(grace).await } => {
                tracing::warn!("grace period over; closing remaining connections");
                serving.abort();
            }
        }
        if let Some(media) = media {
            // Each media thread gives its streams the grace period; bound the wait the same.
            if tokio::time::timeout(grace + Duration::from_secs(1), media).await.is_err() {
                tracing::warn!("media listener did not stop in time");
            }
        }
        if let Some(workers) = workers {
            let _ = self.shutdown.send(true);
            if tokio::time::timeout(grace, workers.join()).await.is_err() {
                tracing::warn!("workers did not stop in time; their claims will lapse and be retried");
            }
        }
        tracing::info!("stopped");
        Ok(())
    }
}

impl Application {
    /// Starts the dedicated media listener: its threads run the streams, and a gateway whose
    /// hooks hop back to this runtime, where the stores live, runs them.
    fn spawn_media_listener(
        &self,
        listener: std::net::TcpListener,
        stop: watch::Receiver<bool>,
        drain: Duration,
    ) -> anyhow::Result<tokio::task::JoinHandle<()>> {
        let threads = match self.settings.media.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let shared = &self.gateway;
        let gateway = Arc::new(media_gateway::Gateway {
            hooks: Arc::new(media_gateway::listener::OnRuntime::new(
                shared.hooks.clone(),
                tokio::runtime::Handle::current(),
            )),
            tokens: shared.tokens.clone(),
            settings: shared.settings.clone(),
            now: shared.now.clone(),
            stats: shared.stats.clone(),
        });
        let app = self.state.clone();
        let authorize: media_gateway::listener::Authorize =
            Arc::new(move |request| crate::voice::media::decide(&app, request.uri(), request.headers()));
        tracing::info!(address = ?listener.local_addr().ok(), threads, "media listener");
        if self.settings.media.public_url.is_none() {
            // Carriers learn the media URL from TwiML and Telnyx's call request, which use the
            // server's public URL unless told otherwise: this listener would sit idle.
            tracing::warn!(
                "media.listen is set without media.public_url: carriers are still sent to the HTTP listener's /media/"
            );
        }
        Ok(tokio::spawn(async move {
            if let Err(e) = media_gateway::listener::serve(gateway, listener, threads, authorize, stop, drain).await {
                tracing::error!(error = %e, "media listener failed");
            }
        }))
    }
}

async fn os_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
