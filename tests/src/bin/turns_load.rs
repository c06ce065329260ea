//! `turns-load`: load for `POST /api/v1/conversations/{id}/turns` against a running server.
//!
//! It creates a campaign and `--conversations` leads, then keeps `--concurrency` requests in
//! flight, spread round-robin over those conversations, until `--requests` have been sent or
//! `--seconds` have passed (both bounds always apply: the run stops by itself). It prints
//! throughput and latency percentiles, and exits non-zero if any request failed.
//!
//! Usage: `turns-load --url http://127.0.0.1:8080 --api-key tl_… [--conversations 200]
//!         [--concurrency 32] [--requests 60000] [--seconds 30] [--warmup 2000]`

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use serde_json::{Value, json};

#[derive(Parser, Debug)]
#[command(about = "Load test for POST /api/v1/conversations/{id}/turns")]
struct Args {
    /// Server base URL (loopback only: this tool is for this machine).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// API key.
    #[arg(long, env = "THROUGHLINE_API_KEY")]
    api_key: String,
    /// Conversations to spread appends over.
    #[arg(long, default_value_t = 200)]
    conversations: usize,
    /// Requests in flight.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured requests (upper bound).
    #[arg(long, default_value_t = 60_000)]
    requests: u64,
    /// Measured seconds (upper bound).
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Unmeasured requests first (connection set-up, caches).
    #[arg(long, default_value_t = 2_000)]
    warmup: u64,
}

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let host = args.url.split("://").nth(1).unwrap_or_default();
    if !(host.starts_with("127.") || host.starts_with("localhost") || host.starts_with("[::1]")) {
        bail!("turns-load only targets loopback addresses");
    }
    // One thread: the client must not take the server's second core.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let report = runtime.block_on(run(&args))?;
    println!("{report}");
    Ok(())
}

async fn run(args: &Args) -> anyhow::Result<String> {
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build()?;
    let conversations = Arc::new(setup(&client, args).await?);
    run_phase(&client, args, &conversations, args.warmup, Duration::from_secs(args.seconds)).await?;
    let started = Instant::now();
    let (mut latencies, errors) =
        run_phase(&client, args, &conversations, args.requests, Duration::from_secs(args.seconds)).await?;
    let elapsed = started.elapsed();
    let (per_sec, latency) = throughline_e2e::load::report(&mut latencies, elapsed);
    let report = json!({
        "requests": latencies.len(),
        "errors": errors,
        "seconds": (elapsed.as_secs_f64() * 100.0).round() / 100.0,
        "appends_per_sec": per_sec,
        "latency_ms": latency,
        "conversations": args.conversations,
        "concurrency": args.concurrency,
    });
    if errors > 0 {
        bail!("{errors} requests failed: {report}");
    }
    Ok(serde_json::to_string_pretty(&report)?)
}

/// Creates a campaign and the conversations.
async fn setup(client: &reqwest::Client, args: &Args) -> anyhow::Result<Vec<String>> {
    let campaign: Value = client
        .post(format!("{}/api/v1/campaigns", args.url))
        .bearer_auth(&args.api_key)
        .json(&json!({"name": "turns-load", "persona": {"name": "Ava", "company": "Load Test Co"}}))
        .send()
        .await?
        .error_for_status()
        .context("create campaign (is the API key right?)")?
        .json()
        .await?;
    let campaign = campaign["id"].as_str().context("campaign id")?.to_owned();
    let mut ids = Vec::with_capacity(args.conversations);
    for i in 0..args.conversations {
        let lead: Value = client
            .post(format!("{}/api/v1/leads", args.url))
            .bearer_auth(&args.api_key)
            .json(&json!({
                "campaign_id": campaign, "phone": format!("+1415555{:04}", i % 10_000), "first_name": "Load",
                "source": "import", "consent": []
            }))
            .send()
            .await?
            .error_for_status()
            .context("create lead")?
            .json()
            .await?;
        ids.push(lead["conversation_id"].as_str().context("conversation id")?.to_owned());
    }
    Ok(ids)
}

/// Sends up to `count` requests for at most `limit`, returning latencies (µs) and errors.
async fn run_phase(
    client: &reqwest::Client,
    args: &Args,
    conversations: &Arc<Vec<String>>,
    count: u64,
    limit: Duration,
) -> anyhow::Result<(Vec<u32>, u64)> {
    let (client, conversations) = (client.clone(), conversations.clone());
    let (url, key) = (Arc::new(args.url.clone()), Arc::new(args.api_key.clone()));
    throughline_e2e::load::drive(args.concurrency, count, limit, move |i| {
        let conversation = &conversations[(i as usize) % conversations.len()];
        let body = json!({"channel": "voice", "role": if i % 2 == 0 { "lead" } else { "ai" },
                          "text": "I'd like to hear more about the premium plan, maybe next week."});
        let request = client
            .post(format!("{url}/api/v1/conversations/{conversation}/turns"))
            .bearer_auth(key.as_str())
            .json(&body);
        async move { request.send().await.is_ok_and(|r| r.status() == 201) }
    })
    .await
}
