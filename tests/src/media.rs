//! Media-stream peers for tests and the load tool: a carrier client speaking Twilio's, Telnyx's
//! or Vonage's dialect to the gateway, and a scripted bot the gateway dials, speaking Twilio's.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use media_core::frames::{
    Command, CommandWriter, Dialect, Format, Frame, FrameRef, Inbound, InboundWriter, Start, parse_command,
    parse_inbound,
};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

fn to_message(frame: Frame) -> Message {
    match frame {
        Frame::Text(text) => Message::Text(text.into()),
        Frame::Binary(bytes) => Message::Binary(bytes.into()),
    }
}

/// What a peer received: a parsed message, or the close with its code and reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<T> {
    /// A message.
    Message(T),
    /// The close frame's code and reason (`1006` when the socket just dropped).
    Closed(u16, String),
}

async fn receive<S, T>(
    socket: &mut WebSocketStream<S>,
    within: Duration,
    parse: impl Fn(FrameRef<'_>) -> T,
) -> Option<Received<T>>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    loop {
        let message = match tokio::time::timeout(within, socket.next()).await {
            Err(_) => return None,
            Ok(None) => return Some(Received::Closed(1006, String::new())),
            Ok(Some(Err(_))) => return Some(Received::Closed(1006, String::new())),
            Ok(Some(Ok(message))) => message,
        };
        return Some(match message {
            Message::Text(text) => Received::Message(parse(FrameRef::Text(text.as_str()))),
            Message::Binary(bytes) => Received::Message(parse(FrameRef::Binary(&bytes))),
            Message::Close(frame) => {
                let (code, reason) = frame.map_or((1005, String::new()), |f| (u16::from(f.code), f.reason.to_string()));
                Received::Closed(code, reason)
            }
            _ => continue,
        });
    }
}

/// A carrier's side of a media stream.
#[derive(Debug)]
pub struct CarrierClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Writes the carrier's messages.
    pub writer: InboundWriter,
    /// The dialect spoken.
    pub dialect: Dialect,
}

impl CarrierClient {
    /// Opens `ws://{address}/media/{dialect}` (with `?token=` when given).
    pub async fn connect(address: &str, dialect: Dialect, query_token: Option<&str>) -> Self {
        let host = address.trim_start_matches("http://");
        let mut url = format!("ws://{host}/media/{}", dialect.as_str());
        if let Some(token) = query_token {
            url.push_str(&format!("?token={token}"));
        }
        let (socket, _) = tokio_tungstenite::connect_async(url).await.expect("gateway accepts the websocket");
        let stream_id = match dialect {
            Dialect::Vonage => String::new(),
            _ => format!("MZ{}", uuid::Uuid::new_v4().simple()),
        };
        Self { socket, writer: InboundWriter::new(dialect, &stream_id), dialect }
    }

    /// The start a carrier would send: `token` in the custom parameters where the dialect
    /// carries it there.
    pub fn start_for(&self, token: Option<&str>, format: Format) -> Start {
        let mut parameters = std::collections::BTreeMap::new();
        if let Some(token) = token {
            parameters.insert("token".to_owned(), token.to_owned());
        }
        Start {
            stream_id: match self.dialect {
                Dialect::Vonage => String::new(),
                _ => format!("MZ{}", uuid::Uuid::new_v4().simple()),
            },
            call_id: Some(format!("CA{}", uuid::Uuid::new_v4().simple())),
            parameters,
            format,
        }
    }

    /// Sends `connected` (where the dialect has it) and the start.
    pub async fn begin(&mut self, start: &Start) {
        if let Some(connected) = self.writer.connected() {
            self.send(connected).await;
        }
        let start = self.writer.start(start);
        self.send(start).await;
    }

    /// Sends one frame as is.
    pub async fn send(&mut self, frame: Frame) {
        let _ = self.socket.send(to_message(frame)).await;
    }

    /// Sends caller audio.
    pub async fn media(&mut self, timestamp_ms: u64, payload: &[u8]) {
        let frame = self.writer.media(timestamp_ms, payload);
        self.send(frame).await;
    }

    /// Presses a key.
    pub async fn dtmf(&mut self, digit: char) {
        let frame = self.writer.dtmf(digit);
        self.send(frame).await;
    }

    /// Returns a mark, as a carrier does once the audio before it has played.
    pub async fn mark(&mut self, name: &str) {
        let frame = self.writer.mark(name);
        self.send(frame).await;
    }

    /// The gateway's next command, or its close; `None` if nothing came `within`.
    pub async fn next(&mut self, within: Duration) -> Option<Received<Result<Command, String>>> {
        let dialect = self.dialect;
        receive(&mut self.socket, within, |frame| parse_command(dialect, frame).map_err(|e| e.to_string())).await
    }

    /// Reads until a non-media command or the close, collecting the media on the way.
    pub async fn until_not_media(
        &mut self,
        within: Duration,
        audio: &mut Vec<u8>,
    ) -> Option<Received<Result<Command, String>>> {
        loop {
            match self.next(within).await? {
                Received::Message(Ok(Command::Media(bytes))) => audio.extend_from_slice(&bytes),
                other => return Some(other),
            }
        }
    }

    /// Closes the socket.
    pub async fn close(&mut self) {
        let _ = self.socket.close(None).await;
    }

    /// The raw socket and the writer, for a load loop that drives both itself.
    pub fn into_parts(self) -> (WebSocketStream<MaybeTlsStream<TcpStream>>, InboundWriter) {
        (self.socket, self.writer)
    }
}

/// A bot the gateway dials: each connection is handed to the test.
#[derive(Debug)]
pub struct BotServer {
    /// `ws://127.0.0.1:<port>/bot`.
    pub url: String,
    connections: mpsc::Receiver<BotConnection>,
}

impl BotServer {
    /// Listens on a free port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind bot");
        let url = format!("ws://{}/bot", listener.local_addr().expect("address"));
        let (tx, connections) = mpsc::channel(64);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let tx = tx.clone();
                tokio::spawn(async move {
                    if let Ok(socket) = tokio_tungstenite::accept_async(stream).await {
                        let stream_id = String::new();
                        let _ = tx
                            .send(BotConnection { socket, commands: CommandWriter::new(Dialect::Twilio, &stream_id) })
                            .await;
                    }
                });
            }
        });
        Self { url, connections }
    }

    /// The next connection from the gateway, if one comes `within`.
    pub async fn accept(&mut self, within: Duration) -> Option<BotConnection> {
        tokio::time::timeout(within, self.connections.recv()).await.ok().flatten()
    }
}

/// One call as the bot sees it.
#[derive(Debug)]
pub struct BotConnection {
    socket: WebSocketStream<TcpStream>,
    commands: CommandWriter,
}

impl BotConnection {
    /// The gateway's next message (Twilio dialect), or its close.
    pub async fn next(&mut self, within: Duration) -> Option<Received<Result<Inbound, String>>> {
        receive(&mut self.socket, within, |frame| parse_inbound(Dialect::Twilio, frame).map_err(|e| e.to_string()))
            .await
    }

    /// Reads past `connected` to the start.
    pub async fn start(&mut self, within: Duration) -> Option<Start> {
        loop {
            match self.next(within).await? {
                Received::Message(Ok(Inbound::Start(start))) => {
                    self.commands = CommandWriter::new(Dialect::Twilio, &start.stream_id);
                    return Some(start);
                }
                Received::Message(Ok(Inbound::Connected)) => continue,
                _ => return None,
            }
        }
    }

    /// Sends audio for the caller.
    pub async fn media(&mut self, payload: &[u8]) {
        let _ = self.socket.send(to_message(self.commands.media(payload))).await;
    }

    /// Sends a mark.
    pub async fn mark(&mut self, name: &str) {
        let _ = self.socket.send(to_message(self.commands.mark(name))).await;
    }

    /// Sends a clear.
    pub async fn clear(&mut self) {
        let _ = self.socket.send(to_message(self.commands.clear())).await;
    }

    /// Sends any frame (bad input tests).
    pub async fn send(&mut self, frame: Frame) {
        let _ = self.socket.send(to_message(frame)).await;
    }

    /// Closes the socket (the bot is done with the call).
    pub async fn close(&mut self) {
        let _ = self.socket.close(None).await;
    }
}

/// The reasons of every `call_stream_failed` on a timeline, oldest first.
pub fn stream_failures(timeline: &[domain::EventRecord]) -> Vec<&str> {
    timeline
        .iter()
        .filter_map(|r| match &r.event {
            domain::Event::CallStreamFailed { reason, .. } => Some(reason.as_str()),
            _ => None,
        })
        .collect()
}
