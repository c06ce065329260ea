//! `throughline simulate`: cadence outcomes over many synthetic leads on a virtual clock, with
//! the real router and gate. Leads are independent, so they are spread over every core.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::Context;
use chrono::{DateTime, Utc};
use policy::{Cadence, CampaignPolicy, Rules};
use sandbox::{AttemptLine, LeadStats, Report, SimConfig, simulate_lead};

/// Leads per unit of work handed to a thread.
const CHUNK: usize = 500;

/// What to simulate.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// Synthetic leads.
    #[arg(long, default_value_t = 1_000)]
    pub leads: usize,
    /// Days on the virtual clock.
    #[arg(long, default_value_t = 7)]
    pub days: i64,
    /// Seed: the same seed gives the same run.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Named cadence: text-first, call-first or parallel.
    #[arg(long, default_value = "text-first")]
    pub strategy: String,
    /// A campaign JSON file (its `cadence`, `windows` and `caps` are used; overrides --strategy).
    #[arg(long)]
    pub campaign: Option<PathBuf>,
    /// An operator rules table (JSON), instead of the built-in one.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Start of the virtual period (default crosses the US spring-forward of 2026-03-08).
    #[arg(long, default_value = "2026-03-05T00:00:00Z")]
    pub start: DateTime<Utc>,
    /// Write one JSON line per contact attempt here.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Runs the simulation; returns the report (and fails if the audit found violations).
pub fn run(args: &SimulateArgs) -> anyhow::Result<serde_json::Value> {
    anyhow::ensure!((1..=10_000_000).contains(&args.leads), "--leads must be 1..=10000000");
    anyhow::ensure!((1..=60).contains(&args.days), "--days must be 1..=60");
    let (cadence, campaign) = match &args.campaign {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let body: serde_json::Value = serde_json::from_str(&text).context("campaign file is not JSON")?;
            let empty = serde_json::json!({});
            let cadence =
                Cadence::from_json(body.get("cadence").unwrap_or(&empty)).map_err(|e| anyhow::anyhow!("{e}"))?;
            let policy =
                CampaignPolicy::from_json(body.get("windows").unwrap_or(&empty), body.get("caps").unwrap_or(&empty))
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            (cadence, policy)
        }
        None => {
            let cadence = Cadence::strategy(&args.strategy).with_context(|| {
                format!("unknown strategy {:?}: use text-first, call-first or parallel", args.strategy)
            })?;
            (cadence, CampaignPolicy::default())
        }
    };
    let rules = match &args.rules {
        Some(path) => Rules::from_json(&std::fs::read_to_string(path)?)?,
        None => Rules::default(),
    };
    let cfg =
        SimConfig { leads: args.leads, days: args.days, seed: args.seed, start: args.start, cadence, campaign, rules };
    let area_codes = policy::nanp::us_area_codes();
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
    let mut out = match &args.out {
        Some(path) => {
            Some(BufWriter::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?))
        }
        None => None,
    };
    let bar = indicatif::ProgressBar::new(args.leads as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} simulating [{bar:40}] {pos}/{len} leads ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let started = std::time::Instant::now();
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(Vec<LeadStats>, Vec<AttemptLine>)>(threads * 2);
    let mut report = Report::default();
    let mut lines_written = 0u64;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            let (tx, cfg, next, area_codes) = (tx.clone(), &cfg, &next, &area_codes);
            let collect = out.is_some();
            scope.spawn(move || {
                loop {
                    let first = next.fetch_add(CHUNK, Ordering::Relaxed);
                    if first >= cfg.leads {
                        return;
                    }
                    let mut stats = Vec::with_capacity(CHUNK);
                    let mut lines = Vec::new();
                    for i in first..(first + CHUNK).min(cfg.leads) {
                        let (s, l) = simulate_lead(cfg, area_codes, i, collect);
                        stats.push(s);
                        lines.extend(l);
                    }
                    if tx.send((stats, lines)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        for (stats, lines) in rx {
            bar.inc(stats.len() as u64);
            stats.into_iter().for_each(|s| report.add(s));
            if let Some(w) = &mut out {
                for line in lines {
                    serde_json::to_writer(&mut *w, &line)?;
                    w.write_all(b"\n")?;
                    lines_written += 1;
                }
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if let Some(mut w) = out {
        w.flush()?;
    }
    let mut summary = report.summary();
    summary["days"] = args.days.into();
    summary["seed"] = args.seed.into();
    summary["strategy"] = cfg.cadence.strategy.clone().unwrap_or_else(|| "custom".into()).into();
    summary["start"] = args.start.to_rfc3339().into();
    summary["attempt_lines_written"] = lines_written.into();
    summary["elapsed_secs"] = ((started.elapsed().as_secs_f64() * 100.0).round() / 100.0).into();
    summary["threads"] = threads.into();
    anyhow::ensure!(report.violations == 0, "the audit found {} violations: {}", report.violations, summary);
    Ok(summary)
}
