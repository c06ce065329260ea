//! `scheduler-load`: how promptly the durable scheduler fires timers on Postgres when many are
//! pending.
//!
//! It creates a fresh schema, fills `scheduled_actions` with `--timers` pending timers through
//! bulk inserts (`--rate` × `--seconds` of them come due during the run, evenly spaced from a
//! few seconds after set-up; the rest are due days later and only weigh on the indexes), then
//! runs `--workers` claim loops exactly as an instance's timer worker does: `Store::claim` with
//! a lease and `--batch`, each claimed row completed with `Store::complete`, and a sleep of
//! `--poll-ms` when a claim comes back short. Firing lag is the claim time minus the due time.
//! It prints the achieved fire rate, lag percentiles and claim latency, then drops the schema.
//!
//! Usage: `DATABASE_URL=postgres://… scheduler-load [--timers 1000000] [--rate 2000]
//!         [--seconds 60] [--workers 4] [--batch 64] [--poll-ms 250]`

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use clap::Parser;
use domain::ActionId;
use sqlx::Connection;
use store::{Completion, Queue, Store, StoreSettings};

#[derive(Parser, Debug)]
#[command(about = "Firing lag of the durable scheduler on Postgres")]
struct Args {
    /// Postgres URL.
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// Pending timers in total.
    #[arg(long, default_value_t = 1_000_000)]
    timers: u64,
    /// Timers coming due per second during the run.
    #[arg(long, default_value_t = 2_000)]
    rate: u64,
    /// Length of the run.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Claim loops (two instances run four: timers and outbox each).
    #[arg(long, default_value_t = 4)]
    workers: usize,
    /// Rows per claim.
    #[arg(long, default_value_t = 64)]
    batch: u32,
    /// Sleep after a short claim, as `workers.poll_ms`.
    #[arg(long, default_value_t = 250)]
    poll_ms: u64,
    /// Conversations the timers belong to.
    #[arg(long, default_value_t = 10_000)]
    conversations: u64,
}

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(run(&args))
}

#[allow(clippy::print_stdout)]
async fn run(args: &Args) -> anyhow::Result<()> {
    let due_now = args.rate * args.seconds;
    if due_now > args.timers {
        bail!("--rate × --seconds ({due_now}) exceeds --timers ({})", args.timers);
    }
    let schema = format!("sched_bench_{}", std::process::id());
    let settings = StoreSettings {
        database_url: Some(args.database_url.clone()),
        sqlite_path: "unused.db".into(),
        max_connections: (args.workers as u32 * 2 + 4).max(8),
        schema: Some(schema.clone()),
        redis_url: None,
        redis_prefix: String::new(),
    };
    let result = async {
        let store = store::open_store(&settings, true).await.context("open the bench schema")?;
        let start = fill(args, &schema).await?;
        let due = due_times(args, &schema, start).await?;
        println!("filled {} timers ({} due during the run); firing for {} s", args.timers, due.len(), args.seconds);
        fire(args, store, due, start).await
    }
    .await;
    let mut conn = sqlx::PgConnection::connect(&args.database_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("drop schema if exists \"{schema}\" cascade"))).execute(&mut conn).await?;
    result
}

/// Bulk-inserts the campaign, conversations and timers; returns when the first timer is due.
#[allow(clippy::print_stdout)]
async fn fill(args: &Args, schema: &str) -> anyhow::Result<DateTime<Utc>> {
    let mut conn = sqlx::PgConnection::connect(&args.database_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("set search_path to \"{schema}\""))).execute(&mut conn).await?;
    let started = Instant::now();
    sqlx::query(
        "insert into campaigns (id, name, body, created_at) values ('00000000-0000-0000-0000-000000000001', 'bench', '{}', now())",
    )
    .execute(&mut conn)
    .await?;
    sqlx::query(
        "insert into leads (id, campaign_id, conversation_id, phone, first_name, source, created_at) \
         select md5('lead' || i)::uuid, '00000000-0000-0000-0000-000000000001', md5('conv' || i)::uuid, \
         '+12125550100', 'Bench', 'import', now() from generate_series(1, $1) i",
    )
    .bind(args.conversations as i64)
    .execute(&mut conn)
    .await?;
    sqlx::query(
        "insert into conversations (id, lead_id, campaign_id, created_at, updated_at) \
         select md5('conv' || i)::uuid, md5('lead' || i)::uuid, '00000000-0000-0000-0000-000000000001', now(), now() \
         from generate_series(1, $1) i",
    )
    .bind(args.conversations as i64)
    .execute(&mut conn)
    .await?;
    // Set-up takes a while for a million rows: the run starts after it, whatever it took.
    let setup_allowance = Duration::from_secs(5 + args.timers / 20_000);
    let start = Utc::now() + chrono::Duration::from_std(setup_allowance)?;
    let due_now = (args.rate * args.seconds) as i64;
    let chunk = 100_000_i64;
    let mut done = 0_i64;
    while done < args.timers as i64 {
        let upto = (done + chunk).min(args.timers as i64);
        // Timer i < due_now is due at start + i / rate; the rest, days later.
        sqlx::query(
            "insert into scheduled_actions (id, conversation_id, kind, channel, due_at, idempotency_key, payload, \
             status, attempts, created_at, updated_at) \
             select md5('timer' || i)::uuid, md5('conv' || (i % $3 + 1))::uuid, 'send_sms', 'sms', \
             case when i < $4 then $5::timestamptz + make_interval(secs => i::double precision / $6) \
                  else $5::timestamptz + interval '3 days' + make_interval(secs => i::double precision / 100) end, \
             'bench:' || i, '{}', 'pending', 0, now(), now() from generate_series($1, $2 - 1) i",
        )
        .bind(done)
        .bind(upto)
        .bind(args.conversations as i64)
        .bind(due_now)
        .bind(start)
        .bind(args.rate as f64)
        .execute(&mut conn)
        .await?;
        done = upto;
    }
    sqlx::query("analyze scheduled_actions").execute(&mut conn).await?;
    println!("set-up: {:.1} s", started.elapsed().as_secs_f64());
    if Utc::now() > start {
        bail!("set-up overran its allowance; the first timers would start late");
    }
    Ok(start)
}

/// Due times of the timers that come due during the run.
async fn due_times(
    args: &Args,
    schema: &str,
    start: DateTime<Utc>,
) -> anyhow::Result<HashMap<ActionId, DateTime<Utc>>> {
    let mut conn = sqlx::PgConnection::connect(&args.database_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("set search_path to \"{schema}\""))).execute(&mut conn).await?;
    let rows: Vec<(uuid::Uuid, DateTime<Utc>)> =
        sqlx::query_as("select id, due_at from scheduled_actions where due_at < $1")
            .bind(start + chrono::Duration::days(1))
            .fetch_all(&mut conn)
            .await?;
    Ok(rows.into_iter().map(|(id, due)| (ActionId::from_uuid(id), due)).collect())
}

#[derive(Default)]
struct Tally {
    lags_ms: Vec<f64>,
    claim_ms: Vec<f64>,
    fired: u64,
}

#[allow(clippy::print_stdout)]
async fn fire(
    args: &Args,
    store: Arc<dyn Store>,
    due: HashMap<ActionId, DateTime<Utc>>,
    start: DateTime<Utc>,
) -> anyhow::Result<()> {
    let due = Arc::new(due);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let end = start + chrono::Duration::seconds(args.seconds as i64);
    let mut tasks = Vec::new();
    for w in 0..args.workers {
        let (store, due, tally) = (store.clone(), due.clone(), tally.clone());
        let (batch, poll) = (args.batch, Duration::from_millis(args.poll_ms));
        tasks.push(tokio::spawn(async move {
            let worker = format!("bench-{w}");
            // Drain until everything due in the run has fired (plus a grace second).
            while Utc::now() < end + chrono::Duration::seconds(2) {
                let asked = Instant::now();
                let now = Utc::now();
                let ids = store.claim(Queue::Timers, &worker, now, Duration::from_secs(60), batch).await?;
                let claim_ms = asked.elapsed().as_secs_f64() * 1e3;
                let claimed_at = Utc::now();
                for id in &ids {
                    store.complete(Queue::Timers, *id, &worker, Utc::now(), Completion::Done).await?;
                }
                {
                    let mut t = tally.lock().expect("tally");
                    t.claim_ms.push(claim_ms);
                    for id in &ids {
                        if let Some(d) = due.get(id) {
                            t.lags_ms.push((claimed_at - *d).num_microseconds().unwrap_or(0) as f64 / 1e3);
                            t.fired += 1;
                        }
                    }
                }
                if (ids.len() as u32) < batch {
                    tokio::time::sleep(poll).await;
                }
            }
            anyhow::Ok(())
        }));
    }
    let wait = (start - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait).await;
    let began = Instant::now();
    for t in tasks {
        t.await??;
    }
    let took = began.elapsed().as_secs_f64();
    let mut t = Arc::try_unwrap(tally).ok().context("tally still shared")?.into_inner().expect("tally");
    t.lags_ms.sort_by(f64::total_cmp);
    t.claim_ms.sort_by(f64::total_cmp);
    let p = |v: &[f64], q: f64| v.get(((v.len() as f64 * q).ceil() as usize).clamp(1, v.len().max(1)) - 1).copied();
    println!(
        "fired {} of {} due in {:.1} s: {:.0} fires/s sustained",
        t.fired,
        due.len(),
        took,
        t.fired as f64 / args.seconds as f64
    );
    println!(
        "firing lag ms: p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        p(&t.lags_ms, 0.5).unwrap_or(f64::NAN),
        p(&t.lags_ms, 0.9).unwrap_or(f64::NAN),
        p(&t.lags_ms, 0.99).unwrap_or(f64::NAN),
        t.lags_ms.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "claim latency ms ({} claims): p50 {:.2}  p99 {:.2}",
        t.claim_ms.len(),
        p(&t.claim_ms, 0.5).unwrap_or(f64::NAN),
        p(&t.claim_ms, 0.99).unwrap_or(f64::NAN)
    );
    if (t.fired as usize) < due.len() {
        bail!("{} timers due in the run did not fire", due.len() - t.fired as usize);
    }
    Ok(())
}
