//! The dedicated media listener: thread per core.
//!
//! A media stream is two websockets (the carrier's and the bot's) that each carry a small
//! message every 20 ms. On a work-stealing runtime the two sockets' readiness, the stream's
//! task and the timers land on whichever worker is free, so nearly every frame pays a
//! cross-thread wake-up (futex, eventfd) on top of its four socket calls. Here each thread runs
//! its own single-threaded runtime and accepts on a shared listening socket; a stream's carrier
//! socket, its bot socket (dialled from the same thread), its timers and its task all stay on
//! the thread that accepted it, so a frame is read, bridged and written without waking anyone.
//!
//! What touches the rest of the server (admitting a stream, recording its events, hanging up)
//! is rare, and is sent to the server's own runtime by [`OnRuntime`], where the store's pools
//! live.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use domain::ConversationId;
use media_core::frames::Dialect;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::StatusCode;

use crate::hooks::{AdmitError, CallHooks, CallPlan, CallRecord, EndReason};
use crate::link::{TungsteniteLink, media_ws_config};
use crate::token::Claims;
use crate::{Gateway, session};

/// An upgrade request the listener refuses: the HTTP status and a short machine-readable reason
/// (the response body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status.
    pub status: StatusCode,
    /// Why, for the body and the logs.
    pub reason: &'static str,
}

/// Decides an upgrade request before any websocket exists: which dialect its path names and the
/// stream token in its query, or a refusal (unknown path, a Twilio signature that does not hold),
/// which it logs.
pub type Authorize = Arc<dyn Fn(&Request) -> Result<(Dialect, Option<String>), Refusal> + Send + Sync>;

/// Runs the listener on `threads` threads (at least one), each with its own runtime, until
/// `stop` turns true; then each thread stops accepting and gives its open streams up to
/// `drain` to end before they are cut. Returns when every thread has finished.
pub async fn serve(
    gateway: Arc<Gateway>,
    listener: std::net::TcpListener,
    threads: usize,
    authorize: Authorize,
    stop: watch::Receiver<bool>,
    drain: Duration,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut handles = Vec::new();
    for index in 0..threads.max(1) {
        let listener = listener.try_clone()?;
        let (gateway, authorize, stop) = (gateway.clone(), authorize.clone(), stop.clone());
        let mut builder = tokio::runtime::Builder::new_current_thread();
        builder.enable_all();
        let window = gateway.settings.batch_window;
        if !window.is_zero() {
            // Called as the thread runs out of work, before it waits on its sockets and timers:
            // what becomes ready during the window is then read in one pass.
            builder.on_thread_park(move || std::thread::sleep(window));
        }
        let runtime = builder.build()?;
        let thread = std::thread::Builder::new()
            .name(format!("media-{index}"))
            .spawn(move || runtime.block_on(accept_loop(gateway, listener, authorize, stop, drain)))?;
        handles.push(thread);
    }
    // The threads hold the socket now; once they all stop accepting it closes.
    drop(listener);
    for thread in handles {
        let _ = tokio::task::spawn_blocking(move || thread.join()).await;
    }
    Ok(())
}

/// One thread's share: accept, run each stream as a task here, drain on stop.
async fn accept_loop(
    gateway: Arc<Gateway>,
    listener: std::net::TcpListener,
    authorize: Authorize,
    mut stop: watch::Receiver<bool>,
    drain: Duration,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(listener) => listener,
        Err(e) => {
            tracing::error!(error = %e, "media listener thread could not take the socket");
            return;
        }
    };
    let mut streams = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((tcp, peer)) => {
                    streams.spawn(connection(gateway.clone(), authorize.clone(), tcp, peer));
                }
                // Out of descriptors, or a connection reset before it was accepted: keep
                // serving the streams already open.
                Err(e) => {
                    tracing::warn!(error = %e, "media accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = streams.join_next(), if !streams.is_empty() => {}
            _ = stop.wait_for(|stopped| *stopped) => break,
        }
    }
    drop(listener);
    if !streams.is_empty() {
        tracing::info!(streams = streams.len(), "media listener draining");
        let drained = tokio::time::timeout(drain, async { while streams.join_next().await.is_some() {} }).await;
        if drained.is_err() {
            tracing::warn!(streams = streams.len(), "media streams cut at shutdown");
        }
    }
}

/// One accepted connection: the HTTP upgrade (bounded by the start timeout, so a client that
/// never finishes it holds nothing), then the stream.
async fn connection(gateway: Arc<Gateway>, authorize: Authorize, tcp: tokio::net::TcpStream, peer: SocketAddr) {
    // A 20 ms frame must not wait behind the previous one's ACK (see the server's listener).
    let _ = tcp.set_nodelay(true);
    let mut decided: Option<(Dialect, Option<String>)> = None;
    // The signature is tungstenite's `Callback`; its error is the HTTP response it sends.
    #[allow(clippy::result_large_err)]
    let callback = |request: &Request, response: Response| -> Result<Response, ErrorResponse> {
        match authorize(request) {
            Ok(decision) => {
                decided = Some(decision);
                Ok(response)
            }
            // The decision logs its refusals.
            Err(refusal) => {
                let mut error = ErrorResponse::new(Some(refusal.reason.to_owned()));
                *error.status_mut() = refusal.status;
                Err(error)
            }
        }
    };
    let handshake = tokio_tungstenite::accept_hdr_async_with_config(tcp, callback, Some(media_ws_config()));
    let socket = match tokio::time::timeout(gateway.settings.start_timeout, handshake).await {
        Ok(Ok(socket)) => socket,
        Ok(Err(e)) => {
            tracing::debug!(%peer, error = %e, "media upgrade failed");
            return;
        }
        Err(_) => {
            tracing::debug!(%peer, "media upgrade not completed in time");
            return;
        }
    };
    let Some((dialect, token)) = decided else { return };
    let mut link = TungsteniteLink::new(socket);
    session::run(&gateway, dialect, &mut link, token).await;
}

/// [`CallHooks`] run on another runtime: the listener's threads call the server's hooks
/// through this, so the store's connections stay on the runtime that owns them.
#[derive(Debug)]
pub struct OnRuntime {
    inner: Arc<dyn CallHooks>,
    runtime: tokio::runtime::Handle,
}

impl OnRuntime {
    /// `inner`'s calls, each run as a task on `runtime`.
    pub fn new(inner: Arc<dyn CallHooks>, runtime: tokio::runtime::Handle) -> Self {
        Self { inner, runtime }
    }

    async fn on<T, F>(&self, work: impl FnOnce(Arc<dyn CallHooks>) -> F) -> Option<T>
    where
        F: Future<Output = T> + Send + 'static,
        T: Send + 'static,
    {
        match self.runtime.spawn(work(self.inner.clone())).await {
            Ok(value) => Some(value),
            Err(e) => {
                tracing::error!(error = %e, "media hook did not run");
                None
            }
        }
    }
}

#[async_trait]
impl CallHooks for OnRuntime {
    async fn admit(&self, claims: &Claims, dialect: Dialect) -> Result<CallPlan, AdmitError> {
        let claims = claims.clone();
        self.on(move |hooks| async move { hooks.admit(&claims, dialect).await })
            .await
            .unwrap_or_else(|| Err(AdmitError::Unavailable("server runtime stopped".into())))
    }

    async fn record(&self, conversation: ConversationId, records: Vec<CallRecord>) -> Result<(), String> {
        self.on(move |hooks| async move { hooks.record(conversation, records).await })
            .await
            .unwrap_or_else(|| Err("server runtime stopped".into()))
    }

    async fn end_call(&self, plan: &CallPlan, reason: EndReason) {
        let plan = plan.clone();
        self.on(move |hooks| async move { hooks.end_call(&plan, reason).await }).await;
    }

    async fn finished(&self, plan: &CallPlan) {
        let plan = plan.clone();
        self.on(move |hooks| async move { hooks.finished(&plan).await }).await;
    }
}
