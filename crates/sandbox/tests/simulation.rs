//! The simulator: deterministic, rule-abiding under every strategy, and its audit really
//! catches a forbidden contact.

use chrono::{DateTime, Duration, Utc};
use domain::vocab::{ConsentKind, MessageSource};
use domain::{Channel, ConsentId, ConversationId, ConversationState, E164, Event, EventRecord, MessageId, Seq};
use policy::{Cadence, CampaignPolicy, LeadContext, Rules};
use sandbox::{Report, SimConfig, audit, simulate_lead};

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

#[test]
fn the_audit_flags_what_the_rules_forbid() {
    let ctx = LeadContext {
        phone: E164::parse("+18505550100").unwrap(),
        timezone: None,
        state: None,
        internal_dnc: false,
        national_dnc: None,
    };
    let at: DateTime<Utc> = "2026-11-18T14:30:00Z".parse().unwrap(); // 08:30 Central, 09:30 Eastern
    let mut state = ConversationState::default();
    let grant = |seq: u64, channel| EventRecord {
        conversation_id: ConversationId::new(),
        seq: Seq(seq),
        at: at - Duration::days(1),
        recorded_at: at,
        event: Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        },
    };
    state.apply(&grant(1, Channel::Sms)).unwrap();
    let rules = Rules::default();
    let campaign = CampaignPolicy::default();
    assert!(audit(&rules, &campaign, &ctx, &state, Channel::Sms, false, at).is_empty());
    assert_eq!(audit(&rules, &campaign, &ctx, &state, Channel::Voice, false, at), ["voice without consent"]);
    // 07:30 Central / 08:30 Eastern: legal in one of the panhandle's zones only.
    let early = audit(&rules, &campaign, &ctx, &state, Channel::Sms, false, at - Duration::hours(1));
    assert_eq!(early, ["sms at Wed 07:30 in America/Chicago"]);
    state.apply(&grant(2, Channel::Voice)).unwrap();
    let sent = EventRecord {
        conversation_id: ConversationId::new(),
        seq: Seq(3),
        at: at - Duration::seconds(30),
        recorded_at: at,
        event: Event::SmsSent {
            message_id: MessageId::new(),
            body: "hi".into(),
            source: MessageSource::System,
            provider: None,
            provider_message_id: None,
        },
    };
    state.apply(&sent).unwrap();
    assert_eq!(audit(&rules, &campaign, &ctx, &state, Channel::Voice, false, at), ["voice within the channel gap"]);
    assert!(audit(&rules, &campaign, &ctx, &state, Channel::Voice, true, at).is_empty(), "the lead asked");
}
