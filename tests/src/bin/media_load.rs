//! `media-load`: N simulated carrier streams (Twilio dialect) through a running server's media
//! gateway to N echo bots, measuring what the gateway costs.
//!
//! It creates a campaign whose bot is this tool's echo server and `--conversations` leads,
//! mints stream tokens with the server's `media.token_secret`, and opens `--streams` carrier
//! streams. Each plays through the disclosure (returning the gateway's mark as Twilio does),
//! then sends a 20 ms µ-law frame every 20 ms carrying its send time; the echo bot notes the
//! time each frame took through the gateway (carrier → bot, the gateway's added latency plus
//! loopback) and sends it back, so the gateway also paces a full bot-to-caller stream.
//! Bridged streams are driven in shards of 25 from one timer each, spread over the 20 ms
//! period, so the tool's own wake-ups stay well below the gateway's.
//! During `--seconds` of steady state it samples the server's CPU time and RSS from /proc.
//!
//! Usage: `media-load --url http://127.0.0.1:8080 --api-key tl_… --token-secret S
//!         --server-pid PID [--streams 1000] [--seconds 20] [--conversations 50]`

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use futures_util::{FutureExt, SinkExt, StreamExt};
use media_core::frames::{Command, Dialect, Format, FrameRef, Inbound, InboundWriter, parse_command, parse_inbound};
use serde_json::{Value, json};
use throughline_e2e::media::CarrierClient;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

#[derive(Parser, Debug)]
#[command(about = "Load test for the media gateway: carrier streams to echo bots")]
struct Args {
    /// Server base URL (loopback only).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Where the carrier streams connect, when the server has a dedicated media listener
    /// (`media.listen`); default: the server URL.
    #[arg(long)]
    media_url: Option<String>,
    /// API key (to create the campaign and leads).
    #[arg(long, env = "THROUGHLINE_API_KEY")]
    api_key: String,
    /// The server's `media.token_secret`.
    #[arg(long)]
    token_secret: String,
    /// The server's process id, for CPU and RSS.
    #[arg(long)]
    server_pid: u32,
    /// Concurrent streams.
    #[arg(long, default_value_t = 1000)]
    streams: usize,
    /// Measured seconds of steady state.
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Conversations the streams are spread over.
    #[arg(long, default_value_t = 50)]
    conversations: usize,
    /// Streams opened per second while ramping up.
    #[arg(long, default_value_t = 400)]
    ramp_per_sec: u64,
    /// The tool's own threads. One leaves the server a core of its own; past a few hundred
    /// streams the tool needs two to keep every stream at full rate.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

/// Shared counters and samples.
#[derive(Default)]
struct Shared {
    bridged: AtomicU64,
    sent: AtomicU64,
    echoed: AtomicU64,
    failed: AtomicU64,
    measuring: std::sync::atomic::AtomicBool,
    latencies: std::sync::Mutex<Vec<u32>>,
}

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let host = args.url.split("://").nth(1).unwrap_or_default();
    if !(host.starts_with("127.") || host.starts_with("localhost")) {
        bail!("media-load only targets loopback addresses");
    }
    let runtime = if args.threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()?
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(args.threads).enable_all().build()?
    };
    let report = runtime.block_on(run(&args))?;
    println!("{report}");
    Ok(())
}

/// (user + system CPU seconds, RSS bytes) of `pid`.
fn proc_sample(pid: u32) -> anyhow::Result<(f64, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may contain spaces) start at ") ".
    let rest = stat.rsplit_once(") ").context("stat format")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>()? + fields[12].parse::<f64>()?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let rss_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("VmRSS")?;
    Ok((ticks / 100.0, rss_kib * 1024))
}

async fn run(args: &Args) -> anyhow::Result<String> {
    let epoch = Instant::now();
    let shared = Arc::new(Shared::default());
    let bot_url = echo_bots(epoch, shared.clone()).await?;
    let client = reqwest::Client::new();
    let conversations = setup(&client, args, &bot_url).await?;
    let signer = media_gateway::TokenSigner::new(args.token_secret.as_bytes());
    let (_, rss_idle) = proc_sample(args.server_pid)?;

    let ramp_gap = Duration::from_micros(1_000_000 / args.ramp_per_sec.max(1));
    let shards = args.streams.div_ceil(SHARD_STREAMS).max(1);
    let mut tasks = Vec::with_capacity(args.streams + shards);
    let mut shard_inputs = Vec::with_capacity(shards);
    for k in 0..shards {
        let (tx, rx) = mpsc::unbounded_channel();
        let phase = Duration::from_micros(20_000 * k as u64 / shards as u64);
        tasks.push(tokio::spawn(shard(rx, phase, epoch, shared.clone())));
        shard_inputs.push(tx);
    }
    for i in 0..args.streams {
        let conversation = conversations[i % conversations.len()];
        let token = signer.mint(conversation, domain::CallId::new(), chrono::Utc::now(), chrono::Duration::minutes(10));
        let input = shard_inputs[i % shards].clone();
        let media = args.media_url.clone().unwrap_or_else(|| args.url.clone());
        tasks.push(tokio::spawn(carrier(media, token, input, shared.clone())));
        tokio::time::sleep(ramp_gap).await;
    }
    // Every stream through its disclosure and bridged.
    let deadline = Instant::now() + Duration::from_secs(60);
    while shared.bridged.load(Ordering::Relaxed) < args.streams as u64 {
        if Instant::now() > deadline {
            bail!("only {} of {} streams bridged", shared.bridged.load(Ordering::Relaxed), args.streams);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (cpu_before, _) = proc_sample(args.server_pid)?;
    let (sent_before, echoed_before) = (shared.sent.load(Ordering::Relaxed), shared.echoed.load(Ordering::Relaxed));
    shared.measuring.store(true, Ordering::Relaxed);
    let started = Instant::now();
    let mut rss_peak = 0;
    while started.elapsed() < Duration::from_secs(args.seconds) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        rss_peak = rss_peak.max(proc_sample(args.server_pid)?.1);
    }
    shared.measuring.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed().as_secs_f64();
    let (cpu_after, _) = proc_sample(args.server_pid)?;
    let (sent, echoed) =
        (shared.sent.load(Ordering::Relaxed) - sent_before, shared.echoed.load(Ordering::Relaxed) - echoed_before);
    for task in &tasks {
        task.abort();
    }
    let cpu_core_share = (cpu_after - cpu_before) / elapsed;
    let mut latencies = std::mem::take(&mut *shared.latencies.lock().expect("latencies"));
    let (_, latency) = throughline_e2e::load::report(&mut latencies, started.elapsed());
    let streams = args.streams as f64;
    let report = json!({
        "streams": args.streams,
        "seconds": (elapsed * 100.0).round() / 100.0,
        "frames_to_bots_per_sec": (sent as f64 / elapsed).round(),
        "frames_back_to_carriers_per_sec": (echoed as f64 / elapsed).round(),
        "failed_streams": shared.failed.load(Ordering::Relaxed),
        "server_cpu_percent_of_one_core": (cpu_core_share * 10000.0).round() / 100.0,
        "server_cpu_percent_per_stream": (cpu_core_share * 100.0 / streams * 10000.0).round() / 10000.0,
        "carrier_to_bot_latency_ms": latency,
        "server_rss_mib_idle": rss_idle / (1024 * 1024),
        "server_rss_mib_at_load": rss_peak / (1024 * 1024),
        "server_rss_kib_per_stream": ((rss_peak.saturating_sub(rss_idle)) as f64 / streams / 1024.0).round(),
    });
    Ok(serde_json::to_string_pretty(&report)?)
}

/// A campaign whose bot is `bot_url`, and its leads' conversations.
async fn setup(client: &reqwest::Client, args: &Args, bot_url: &str) -> anyhow::Result<Vec<domain::ConversationId>> {
    let campaign: Value = client
        .post(format!("{}/api/v1/campaigns", args.url))
        .bearer_auth(&args.api_key)
        .json(&json!({
            "name": "media-load", "persona": {"name": "Ava", "company": "Load Test Co"},
            "cadence": {"steps": [{"id": "later", "action": "sms", "template": "follow_up", "delay_secs": 604800}]},
            "voice": {"provider": "twilio", "from_number": "+14155550100", "bot_url": bot_url}
        }))
        .send()
        .await?
        .error_for_status()
        .context("create campaign (is the API key right?)")?
        .json()
        .await?;
    let campaign = campaign["id"].as_str().context("campaign id")?.to_owned();
    let mut conversations = Vec::with_capacity(args.conversations);
    for i in 0..args.conversations {
        let lead: Value = client
            .post(format!("{}/api/v1/leads", args.url))
            .bearer_auth(&args.api_key)
            .json(&json!({
                "campaign_id": campaign, "phone": format!("+1312555{:04}", 1000 + i % 9_000), "first_name": "Load",
                "timezone": "America/Chicago", "source": "import",
                "consent": [{"channel": "voice", "kind": "express_written", "text": "ok", "captured_at": "2026-11-01T00:00:00Z"}]
            }))
            .send()
            .await?
            .error_for_status()
            .context("create lead")?
            .json()
            .await?;
        conversations.push(lead["conversation_id"].as_str().context("conversation id")?.parse()?);
    }
    Ok(conversations)
}

fn micros_since(epoch: Instant) -> u64 {
    u64::try_from(epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// A carrier stream past its disclosure: its socket and its message writer.
type Bridged = (WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>, InboundWriter);

/// Streams driven together by one shard.
const SHARD_STREAMS: usize = 25;

/// One carrier stream's set-up: through the disclosure (returning the gateway's mark as Twilio
/// does), then handed to its shard.
async fn carrier(url: String, token: String, shard: mpsc::UnboundedSender<Bridged>, shared: Arc<Shared>) {
    let mut client = CarrierClient::connect(&url, Dialect::Twilio, None).await;
    let start = client.start_for(Some(&token), Format::PCMU_8K);
    client.begin(&start).await;
    let mut skipped = Vec::new();
    match client.until_not_media(Duration::from_secs(30), &mut skipped).await {
        Some(throughline_e2e::media::Received::Message(Ok(Command::Mark(mark)))) => client.mark(&mark).await,
        _ => {
            shared.failed.fetch_add(1, Ordering::Relaxed);
            return;
        }
    }
    let _ = shard.send(client.into_parts());
}

/// Drives up to [`SHARD_STREAMS`] bridged streams from one timer: every 20 ms (at this shard's
/// `phase` within the period, so shards are spread over it) each stream sends a frame carrying
/// its send time, then reads whatever the gateway has sent it since. One wake-up per shard per
/// frame instead of two per stream keeps the tool's own cost well below the gateway's.
async fn shard(mut arrivals: mpsc::UnboundedReceiver<Bridged>, phase: Duration, epoch: Instant, shared: Arc<Shared>) {
    let mut streams: Vec<(Bridged, u64)> = Vec::with_capacity(SHARD_STREAMS);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + phase, Duration::from_millis(20));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut payload = vec![0xFFu8; 160];
    loop {
        tick.tick().await;
        while let Ok(bridged) = arrivals.try_recv() {
            streams.push((bridged, 0));
        }
        let mut i = 0;
        while i < streams.len() {
            let ((socket, writer), n) = &mut streams[i];
            *n += 1;
            payload[..8].copy_from_slice(&micros_since(epoch).to_le_bytes());
            let mut alive = socket.send(to_message(writer.media(*n * 20, &payload))).await.is_ok();
            while alive {
                match socket.next().now_or_never() {
                    None => break,
                    Some(Some(Ok(Message::Text(text)))) => {
                        match parse_command(Dialect::Twilio, FrameRef::Text(text.as_str())) {
                            Ok(Command::Media(_)) => {
                                shared.echoed.fetch_add(1, Ordering::Relaxed);
                            }
                            Ok(Command::Mark(name)) => {
                                alive = socket.send(to_message(writer.mark(&name))).await.is_ok()
                            }
                            _ => {}
                        }
                    }
                    Some(Some(Ok(_))) => {}
                    Some(None | Some(Err(_))) => alive = false,
                }
            }
            if alive {
                i += 1;
            } else {
                shared.failed.fetch_add(1, Ordering::Relaxed);
                streams.swap_remove(i);
            }
        }
    }
}

fn to_message(frame: media_core::frames::Frame) -> Message {
    match frame {
        media_core::frames::Frame::Text(text) => Message::Text(text.into()),
        media_core::frames::Frame::Binary(bytes) => Message::Binary(bytes.into()),
    }
}

/// Echo bots: every media frame's travel time is noted and the frame sent straight back.
async fn echo_bots(epoch: Instant, shared: Arc<Shared>) -> anyhow::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("ws://{}/bot", listener.local_addr()?);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let shared = shared.clone();
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else { return };
                let mut commands = media_core::frames::CommandWriter::new(Dialect::Twilio, "");
                let mut samples = Vec::new();
                while let Some(Ok(message)) = socket.next().await {
                    let Message::Text(text) = message else { continue };
                    match parse_inbound(Dialect::Twilio, FrameRef::Text(text.as_str())) {
                        Ok(Inbound::Start(start)) => {
                            commands = media_core::frames::CommandWriter::new(Dialect::Twilio, &start.stream_id);
                            shared.bridged.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(Inbound::Media(media)) if media.payload.len() >= 8 => {
                            let sent = u64::from_le_bytes(media.payload[..8].try_into().unwrap_or_default());
                            shared.sent.fetch_add(1, Ordering::Relaxed);
                            if shared.measuring.load(Ordering::Relaxed) {
                                samples
                                    .push(u32::try_from(micros_since(epoch).saturating_sub(sent)).unwrap_or(u32::MAX));
                                if samples.len() >= 64 {
                                    shared.latencies.lock().expect("latencies").append(&mut samples);
                                }
                            }
                            if socket.send(to_message(commands.media(&media.payload))).await.is_err() {
                                return;
                            }
                        }
                        Ok(Inbound::Stop) => return,
                        _ => {}
                    }
                }
            });
        }
    });
    Ok(url)
}
