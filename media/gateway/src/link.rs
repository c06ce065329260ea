//! The two websockets a stream joins, seen as streams of [`Frame`]s: the carrier's (accepted
//! by axum) and the bot's (dialled with tokio-tungstenite). The bridge logic is generic over
//! [`Link`], so it runs the same over either library and in tests.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::{Sink, Stream};
use media_core::frames::Frame;
use tokio_tungstenite::tungstenite;

/// Something sent on a link: a frame, or the close with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    /// A message.
    Frame(Frame),
    /// Close with a code (RFC 6455 §7.4) and a short reason.
    Close(u16, &'static str),
    /// A ping: a live peer's websocket answers it with a pong even while it has nothing to say.
    Ping,
}

/// Why a link failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The peer closed the socket.
    #[error("closed by the peer")]
    Closed,
    /// The socket failed (reset, protocol violation, oversize message).
    #[error("socket error: {0}")]
    Socket(String),
    /// A send did not complete in time: the peer stopped reading.
    #[error("peer stalled")]
    Stalled,
}

/// A websocket carrying frames.
pub trait Link: Stream<Item = Result<Frame, LinkError>> + Sink<Outgoing, Error = LinkError> + Unpin + Send {}

impl<T> Link for T where T: Stream<Item = Result<Frame, LinkError>> + Sink<Outgoing, Error = LinkError> + Unpin + Send {}

/// Sends with a deadline: a peer that stops reading fills the socket buffers and would
/// otherwise hold the stream's task forever.
pub async fn send<L: Link>(link: &mut L, out: Outgoing, within: Duration) -> Result<(), LinkError> {
    use futures_util::SinkExt;
    match tokio::time::timeout(within, link.send(out)).await {
        Ok(result) => result,
        Err(_) => Err(LinkError::Stalled),
    }
}

/// Adapts an axum websocket (the carrier's side).
#[derive(Debug)]
pub struct AxumLink(pub axum::extract::ws::WebSocket);

impl Stream for AxumLink {
    type Item = Result<Frame, LinkError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        use axum::extract::ws::Message;
        loop {
            return match Pin::new(&mut self.0).poll_next(cx) {
                Poll::Ready(Some(Ok(Message::Text(text)))) => {
                    Poll::Ready(Some(Ok(Frame::Text(text.as_str().to_owned()))))
                }
                Poll::Ready(Some(Ok(Message::Binary(bytes)))) => Poll::Ready(Some(Ok(Frame::Binary(bytes.to_vec())))),
                Poll::Ready(Some(Ok(Message::Close(_)))) => Poll::Ready(Some(Err(LinkError::Closed))),
                Poll::Ready(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(LinkError::Socket(e.to_string())))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

impl Sink<Outgoing> for AxumLink {
    type Error = LinkError;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.0).poll_ready(cx).map_err(|e| LinkError::Socket(e.to_string()))
    }

    fn start_send(mut self: Pin<&mut Self>, item: Outgoing) -> Result<(), LinkError> {
        use axum::extract::ws::{CloseFrame, Message};
        let message = match item {
            Outgoing::Frame(Frame::Text(text)) => Message::Text(text.into()),
            Outgoing::Frame(Frame::Binary(bytes)) => Message::Binary(bytes.into()),
            Outgoing::Close(code, reason) => Message::Close(Some(CloseFrame { code, reason: reason.into() })),
            Outgoing::Ping => Message::Ping(bytes::Bytes::new()),
        };
        Pin::new(&mut self.0).start_send(message).map_err(|e| LinkError::Socket(e.to_string()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.0).poll_flush(cx).map_err(|e| LinkError::Socket(e.to_string()))
    }

    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.0).poll_close(cx).map_err(|e| LinkError::Socket(e.to_string()))
    }
}

/// Adapts a tokio-tungstenite websocket (the bot's side, and test clients), and notes when
/// the peer was last heard from (any message, pongs included), so a bot that stops answering
/// is found even while it has nothing to say.
#[derive(Debug)]
pub struct TungsteniteLink<S> {
    socket: tokio_tungstenite::WebSocketStream<S>,
    heard: tokio::time::Instant,
}

impl<S> TungsteniteLink<S> {
    /// Wraps an open socket; the peer counts as heard from now.
    pub fn new(socket: tokio_tungstenite::WebSocketStream<S>) -> Self {
        Self { socket, heard: tokio::time::Instant::now() }
    }

    /// When the peer last sent anything (a frame, a ping, a pong).
    pub fn last_heard(&self) -> tokio::time::Instant {
        self.heard
    }
}

fn socket_error(e: tungstenite::Error) -> LinkError {
    match e {
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => LinkError::Closed,
        other => LinkError::Socket(other.to_string()),
    }
}

impl<S> Stream for TungsteniteLink<S>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    type Item = Result<Frame, LinkError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        use tungstenite::Message;
        loop {
            let polled = Pin::new(&mut self.socket).poll_next(cx);
            if let Poll::Ready(Some(Ok(_))) = &polled {
                self.heard = tokio::time::Instant::now();
            }
            return match polled {
                Poll::Ready(Some(Ok(Message::Text(text)))) => {
                    Poll::Ready(Some(Ok(Frame::Text(text.as_str().to_owned()))))
                }
                Poll::Ready(Some(Ok(Message::Binary(bytes)))) => Poll::Ready(Some(Ok(Frame::Binary(bytes.to_vec())))),
                Poll::Ready(Some(Ok(Message::Close(_)))) => Poll::Ready(Some(Err(LinkError::Closed))),
                Poll::Ready(Some(Ok(_))) => continue,
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(socket_error(e)))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

impl<S> Sink<Outgoing> for TungsteniteLink<S>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    type Error = LinkError;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.socket).poll_ready(cx).map_err(socket_error)
    }

    fn start_send(mut self: Pin<&mut Self>, item: Outgoing) -> Result<(), LinkError> {
        use tungstenite::Message;
        use tungstenite::protocol::CloseFrame;
        use tungstenite::protocol::frame::coding::CloseCode;
        let message = match item {
            Outgoing::Frame(Frame::Text(text)) => Message::Text(text.into()),
            Outgoing::Frame(Frame::Binary(bytes)) => Message::Binary(bytes.into()),
            Outgoing::Close(code, reason) => {
                Message::Close(Some(CloseFrame { code: CloseCode::from(code), reason: reason.into() }))
            }
            Outgoing::Ping => Message::Ping(bytes::Bytes::new()),
        };
        Pin::new(&mut self.socket).start_send(message).map_err(socket_error)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.socket).poll_flush(cx).map_err(socket_error)
    }

    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), LinkError>> {
        Pin::new(&mut self.socket).poll_close(cx).map_err(socket_error)
    }
}

/// Bytes read from a media socket at a time. Media frames are a few hundred bytes, and
/// tungstenite zeroes this much before every read, so the libraries' 128 KiB default would
/// cost both memory and a large memset per frame; a bigger message takes several reads.
pub const READ_BUFFER: usize = 2 * 1024;

/// Websocket buffer sizes for media: 2 KiB reads and no write buffering beyond one frame keep
/// a stream's two sockets well under the 64 KiB budget.
pub fn media_ws_config() -> tungstenite::protocol::WebSocketConfig {
    tungstenite::protocol::WebSocketConfig::default()
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_write_buffer_size(256 * 1024)
        .max_message_size(Some(media_core::frames::MAX_TEXT_FRAME))
        .max_frame_size(Some(media_core::frames::MAX_TEXT_FRAME))
}

/// The bot's socket type.
pub type BotLink = TungsteniteLink<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Dials the bot.
pub async fn dial(url: &str, within: Duration) -> Result<BotLink, LinkError> {
    let connect = tokio_tungstenite::connect_async_with_config(url, Some(media_ws_config()), true);
    match tokio::time::timeout(within, connect).await {
        Ok(Ok((socket, _response))) => Ok(TungsteniteLink::new(socket)),
        Ok(Err(e)) => Err(socket_error(e)),
        Err(_) => Err(LinkError::Stalled),
    }
}
