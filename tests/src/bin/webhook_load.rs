//! `webhook-load`: signed Twilio inbound-SMS webhooks (`POST /webhooks/twilio/sms`) against a
//! running server, measuring the time to the carrier's 2xx (the event is durable by then).
//!
//! It creates a campaign texting through Twilio and `--conversations` leads, starts a Twilio
//! REST double on `--twilio-port` (the server's `carriers.twilio.api_base` must point at it:
//! the SMS agent answers each burst), then keeps `--concurrency` webhooks in flight, each a
//! new message (its own `MessageSid`) from one of the leads, signed with `--auth-token` for
//! `--public-url`. Prints throughput and latency percentiles; exits non-zero on any non-2xx.
//!
//! Usage: `webhook-load --url http://127.0.0.1:8080 --api-key tl_… --auth-token T
//!         --public-url https://throughline.example [--conversations 200] [--concurrency 32]
//!         [--requests 60000] [--seconds 30] [--warmup 2000] [--twilio-port 18182]`

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use serde_json::{Value, json};

#[derive(Parser, Debug)]
#[command(about = "Load test for signed Twilio inbound-SMS webhooks")]
struct Args {
    /// Server base URL (loopback only).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// API key (to create the campaign and leads).
    #[arg(long, env = "THROUGHLINE_API_KEY")]
    api_key: String,
    /// The Twilio auth token the server verifies signatures with.
    #[arg(long)]
    auth_token: String,
    /// The server's configured public URL (signatures cover it).
    #[arg(long)]
    public_url: String,
    /// Leads texting in.
    #[arg(long, default_value_t = 200)]
    conversations: usize,
    /// Webhooks in flight.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured webhooks (upper bound).
    #[arg(long, default_value_t = 60_000)]
    requests: u64,
    /// Measured seconds (upper bound).
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Unmeasured webhooks first.
    #[arg(long, default_value_t = 2_000)]
    warmup: u64,
    /// Port for the Twilio REST double.
    #[arg(long, default_value_t = 18182)]
    twilio_port: u16,
}

const OURS: &str = "+14155550100";

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let host = args.url.split("://").nth(1).unwrap_or_default();
    if !(host.starts_with("127.") || host.starts_with("localhost")) {
        bail!("webhook-load only targets loopback addresses");
    }
    // One thread: the client must not take the server's second core.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let report = runtime.block_on(run(&args))?;
    println!("{report}");
    Ok(())
}

async fn run(args: &Args) -> anyhow::Result<String> {
    let twilio = throughline_e2e::doubles::TwilioDouble::start_on(args.twilio_port).await;
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build()?;
    let leads = Arc::new(setup(&client, args).await?);
    let counter = Arc::new(AtomicU64::new(0));
    run_phase(&client, args, &leads, &counter, args.warmup).await?;
    let started = Instant::now();
    let (mut latencies, errors) = run_phase(&client, args, &leads, &counter, args.requests).await?;
    let elapsed = started.elapsed();
    let (per_sec, latency) = throughline_e2e::load::report(&mut latencies, elapsed);
    let report = json!({
        "webhooks": latencies.len(),
        "errors": errors,
        "seconds": (elapsed.as_secs_f64() * 100.0).round() / 100.0,
        "webhooks_per_sec": per_sec,
        "latency_ms": latency,
        "conversations": args.conversations,
        "concurrency": args.concurrency,
        "agent_replies_sent": twilio.messages().len(),
    });
    if errors > 0 {
        bail!("{errors} webhooks failed: {report}");
    }
    Ok(serde_json::to_string_pretty(&report)?)
}

/// Creates a Twilio campaign and the leads; returns their numbers.
async fn setup(client: &reqwest::Client, args: &Args) -> anyhow::Result<Vec<String>> {
    let campaign: Value = client
        .post(format!("{}/api/v1/campaigns", args.url))
        .bearer_auth(&args.api_key)
        .json(&json!({
            "name": "webhook-load", "persona": {"name": "Ava", "company": "Load Test Co"},
            // Nothing from the cadence for a week: only the agent answers.
            "cadence": {"steps": [{"id": "later", "action": "sms", "template": "follow_up", "delay_secs": 604800}]},
            "sms": {"provider": "twilio", "from_number": OURS}
        }))
        .send()
        .await?
        .error_for_status()
        .context("create campaign (is the API key right?)")?
        .json()
        .await?;
    let campaign = campaign["id"].as_str().context("campaign id")?.to_owned();
    let mut phones = Vec::with_capacity(args.conversations);
    for i in 0..args.conversations {
        let phone = format!("+1312555{:04}", 1000 + i % 9_000);
        client
            .post(format!("{}/api/v1/leads", args.url))
            .bearer_auth(&args.api_key)
            .json(&json!({
                "campaign_id": campaign, "phone": phone, "first_name": "Load", "timezone": "America/Chicago",
                "source": "import",
                "consent": [{"channel": "sms", "kind": "express_written", "text": "ok", "captured_at": "2026-11-01T00:00:00Z"}]
            }))
            .send()
            .await?
            .error_for_status()
            .context("create lead")?;
        phones.push(phone);
    }
    Ok(phones)
}

/// Sends up to `count` webhooks for at most `--seconds`; returns latencies (µs) and errors.
async fn run_phase(
    client: &reqwest::Client,
    args: &Args,
    phones: &Arc<Vec<String>>,
    counter: &Arc<AtomicU64>,
    count: u64,
) -> anyhow::Result<(Vec<u32>, u64)> {
    let target = format!("{}/webhooks/twilio/sms", args.url);
    let signed_url = format!("{}/webhooks/twilio/sms", args.public_url.trim_end_matches('/'));
    let (client, phones, counter, token) = (client.clone(), phones.clone(), counter.clone(), args.auth_token.clone());
    let limit = Duration::from_secs(args.seconds);
    throughline_e2e::load::drive(args.concurrency, count, limit, move |_| {
        // Message ids run on across phases, so warm-up and measured messages never collide.
        let i = counter.fetch_add(1, Ordering::Relaxed);
        let phone = &phones[(i as usize) % phones.len()];
        let params = vec![
            ("MessageSid".to_owned(), format!("SM{i:032x}")),
            ("AccountSid".to_owned(), "ACload".to_owned()),
            ("From".to_owned(), phone.clone()),
            ("To".to_owned(), OURS.to_owned()),
            ("Body".to_owned(), "how much would this cost for a 3 bedroom house?".to_owned()),
            ("NumMedia".to_owned(), "0".to_owned()),
        ];
        let signature = providers::twilio::signature(&signed_url, &params, &token);
        let body = serde_urlencoded::to_string(&params).unwrap_or_default();
        let request = client
            .post(&target)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-twilio-signature", signature)
            .body(body);
        async move { request.send().await.is_ok_and(|r| r.status().is_success()) }
    })
    .await
}
