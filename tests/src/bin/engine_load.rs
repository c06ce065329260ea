//! `engine-load`: speed-to-lead through the whole engine on Postgres + Redis.
//!
//! It starts the real server in-process (workers on, sandbox carrier) on a fresh Postgres schema
//! and Redis prefix, creates a campaign whose cadence is one intro text, then creates `--leads`
//! leads through `POST /api/v1/leads` at `--rate` per second. Each lead is routed, its step
//! scheduled, fired through the compliance gate, enqueued and handed to the carrier, and the
//! text recorded. Speed-to-lead is the recorded `sms_sent` time minus the `lead_created` time,
//! both on the server's clock. Prints throughput and percentiles, then drops the schema.
//!
//! Usage: `DATABASE_URL=postgres://… REDIS_URL=redis://… engine-load [--leads 5000] [--rate 200]`

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use domain::{ConversationId, Event};
use serde_json::{Value, json};
use sqlx::Connection;

#[derive(Parser, Debug)]
#[command(about = "Speed-to-lead through the engine on Postgres + Redis")]
struct Args {
    /// Postgres URL.
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// Redis URL.
    #[arg(long, env = "REDIS_URL")]
    redis_url: String,
    /// Leads to create.
    #[arg(long, default_value_t = 5_000)]
    leads: usize,
    /// Leads created per second.
    #[arg(long, default_value_t = 200)]
    rate: u64,
}

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(run(&args))
}

#[allow(clippy::print_stdout)]
async fn run(args: &Args) -> anyhow::Result<()> {
    let schema = format!("engine_bench_{}", std::process::id());
    let mut settings = server::Settings::default();
    settings.server.port = 0;
    settings.database.url = Some(args.database_url.clone().into());
    settings.database.schema = Some(schema.clone());
    settings.database.max_connections = 32;
    settings.redis.url = Some(args.redis_url.clone().into());
    settings.redis.prefix = format!("{schema}:");
    settings.log.level = "warn".into();
    let result = drive(args, settings).await;
    let mut conn = sqlx::PgConnection::connect(&args.database_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("drop schema if exists \"{schema}\" cascade"))).execute(&mut conn).await?;
    result
}

#[allow(clippy::print_stdout)]
async fn drive(args: &Args, settings: server::Settings) -> anyhow::Result<()> {
    let app = server::Application::build(settings).await?;
    let store = app.state().store.clone();
    let base = format!("http://127.0.0.1:{}/api/v1", app.port());
    let key = server::auth::create(store.as_ref(), "engine-load").await?.secret;
    let shutdown = app.shutdown_handle();
    let serving = tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let campaign: Value = client
        .post(format!("{base}/campaigns"))
        .bearer_auth(&key)
        .json(&json!({
            "name": "engine-load", "persona": {"name": "Ava", "company": "Load Test Co"},
            "cadence": {"steps": [{"id": "intro", "action": "sms", "template": "intro"}]},
            "windows": {"start": "00:00", "end": "23:59"},
            "sms": {"provider": "sandbox", "from_number": "+14155550100"}
        }))
        .send()
        .await?
        .json()
        .await?;
    let campaign = campaign["id"].as_str().context("campaign id")?.to_owned();

    // Leads at a steady rate, a few requests in flight.
    let started = Instant::now();
    let interval = Duration::from_secs_f64(1.0 / args.rate.max(1) as f64);
    let mut conversations: Vec<ConversationId> = Vec::with_capacity(args.leads);
    let mut inflight = tokio::task::JoinSet::new();
    let key = Arc::new(key);
    for i in 0..args.leads {
        let due = started + interval * i as u32;
        tokio::time::sleep_until(due.into()).await;
        let (client, base, key, campaign) = (client.clone(), base.clone(), key.clone(), campaign.clone());
        inflight.spawn(async move {
            let body = json!({
                "campaign_id": campaign, "phone": "+12125550100", "first_name": "Load", "source": "form",
                "timezone": "America/New_York",
                "consent": [{"channel": "sms", "kind": "express_written", "text": "I agree to automated texts.",
                             "captured_at": "2026-11-01T15:00:00Z"}]
            });
            let response = client.post(format!("{base}/leads")).bearer_auth(key.as_str()).json(&body).send().await?;
            if response.status() != 201 {
                bail!("lead {i}: {}", response.status());
            }
            let created: Value = response.json().await?;
            Ok(created["conversation_id"].as_str().context("conversation id")?.parse::<ConversationId>()?)
        });
        while inflight.len() > 16 {
            if let Some(done) = inflight.join_next().await {
                conversations.push(done??);
            }
        }
    }
    while let Some(done) = inflight.join_next().await {
        conversations.push(done??);
    }
    let created_in = started.elapsed().as_secs_f64();

    // Wait for every intro text to be recorded.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut lags_ms = Vec::with_capacity(conversations.len());
    for conv in &conversations {
        loop {
            let timeline = store.load(*conv).await?.context("conversation")?.timeline;
            let created = timeline.first().map(|r| r.at);
            let sent = timeline.iter().find(|r| matches!(r.event, Event::SmsSent { .. })).map(|r| r.at);
            if let (Some(c), Some(s)) = (created, sent) {
                lags_ms.push((s - c).num_microseconds().unwrap_or(0) as f64 / 1e3);
                break;
            }
            if Instant::now() > deadline {
                bail!("conversation {conv} never got its text");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let all_done = started.elapsed().as_secs_f64();
    shutdown.trigger();
    let _ = serving.await;
    lags_ms.sort_by(f64::total_cmp);
    let p = |q: f64| lags_ms[((lags_ms.len() as f64 * q).ceil() as usize).clamp(1, lags_ms.len()) - 1];
    println!(
        "{} leads created in {created_in:.1} s ({:.0}/s); all texted {all_done:.1} s after the first",
        conversations.len(),
        conversations.len() as f64 / created_in
    );
    println!(
        "speed-to-lead ms (lead_created → sms_sent recorded): p50 {:.0}  p90 {:.0}  p99 {:.0}  max {:.0}",
        p(0.5),
        p(0.9),
        p(0.99),
        lags_ms.last().copied().unwrap_or(f64::NAN)
    );
    Ok(())
}
