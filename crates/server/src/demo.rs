//! `throughline demo`: one sandbox lead's whole story, with no servers. It starts the real
//! application in-process (embedded SQLite in a temporary directory, in-process hot state,
//! the workers, the sandbox carrier) on a virtual clock, submits a form through the same code
//! as `POST /api/v1/leads`, and moves the clock from one due timer to the next, printing each
//! line of the timeline as it lands: the cadence's text, the lead's replies (read by the
//! keyword rules and the SMS agent), qualification, booking or hand-off, and the final
//! warm-transfer summary.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use domain::vocab::{MessageSource, Verdict};
use domain::{ConversationId, Event, EventRecord};
use serde_json::json;

use crate::config::Settings;
use crate::state::ManualClock;
use crate::{Application, Options};

/// Which sandbox person fills the form.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Story {
    /// Answers every question and books a call (sandbox number NPA-555-017x).
    Books,
    /// Asks whether it is a bot, then for a person: a hand-off (NPA-555-018x).
    Handoff,
    /// "yeah, call me": the router calls at once (NPA-555-012x).
    CallMe,
    /// Replies STOP (NPA-555-014x).
    Stop,
}

impl Story {
    fn phone(self) -> &'static str {
        match self {
            Story::Books => "+13125550170",
            Story::Handoff => "+13125550180",
            Story::CallMe => "+13125550120",
            Story::Stop => "+13125550140",
        }
    }
}

/// `throughline demo` options.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Which story to tell.
    #[arg(long, value_enum, default_value = "books")]
    pub story: Story,
    /// Most virtual hours to run before stopping.
    #[arg(long, default_value_t = 72)]
    pub hours: i64,
}

/// A Tuesday, 11:00 in Chicago: inside every window, so the story starts at once.
fn start() -> DateTime<Utc> {
    "2026-11-24T17:00:00Z".parse().unwrap_or_else(|_| Utc::now())
}

/// Runs the story, printing it to `out`.
pub async fn run(args: &DemoArgs, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let dir = tempfile_dir()?;
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.database.sqlite_path = dir.join("demo.db");
    settings.workers.poll_ms = 5;
    settings.log.level = "warn".into();
    let clock = Arc::new(ManualClock::new(start()));
    let options = Options { clock: Some(clock.clone()), sandbox: None };
    let app = Application::build_with(settings, options).await?;
    let state = app.state().clone();
    let shutdown = app.shutdown_handle();
    let server = tokio::spawn(app.run_until_stopped());

    let campaign = domain::CampaignInput {
        name: Some("Demo: roofing".into()),
        persona: Some(domain::campaign::PersonaInput {
            name: Some("Ava".into()),
            company: Some("Acme Roofing".into()),
        }),
        cadence: Some(json!({"strategy": "text_first"})),
        sms: Some(json!({"provider": "sandbox", "from_number": "+13125550100", "contact": "(312) 555-0100"})),
        voice: Some(json!({"provider": "sandbox", "from_number": "+13125550100"})),
        ..Default::default()
    }
    .parse(clock_now(&clock))?;
    state.store.create_campaign(&campaign).await?;
    let lead: domain::LeadInput = serde_json::from_value(json!({
        "campaign_id": campaign.id, "phone": args.story.phone(), "first_name": "Maria", "last_name": "Lopez",
        "timezone": "America/Chicago", "state": "IL", "source": "form",
        "consent": [
            {"channel": "sms", "kind": "express_written", "text": "I agree to automated texts from Acme Roofing.",
             "captured_at": "2026-11-24T16:59:00Z"},
            {"channel": "voice", "kind": "express_written", "text": "I agree to AI calls from Acme Roofing.",
             "captured_at": "2026-11-24T16:59:00Z"}
        ]
    }))?;
    let conversation =
        crate::routes::leads::open(&state, lead).await.map_err(|e| anyhow::anyhow!("{e:?}"))?.conversation_id;
    writeln!(out, "Acme Roofing's campaign; Maria Lopez fills in the form at 11:00 on a Tuesday (Chicago).\n")?;

    let deadline = start() + chrono::Duration::hours(args.hours);
    let mut printed = 0;
    loop {
        settle(&state, conversation, &mut printed, out).await?;
        let pending = state.store.pending_actions(conversation).await?;
        let done = state.store.load(conversation).await?.is_some_and(|l| over(&l.state));
        let Some(next) = pending.iter().map(|a| a.due_at).min() else { break };
        if done && pending.iter().all(|a| a.kind == store::CARRIER_EVENT) || next > deadline {
            break;
        }
        clock.set(next.max(clock_now(&clock)));
    }
    settle(&state, conversation, &mut printed, out).await?;
    let loaded = state.store.load(conversation).await?.ok_or_else(|| anyhow::anyhow!("conversation vanished"))?;
    let summary = domain::summary::TransferSummary::build(&loaded.state);
    writeln!(out, "\nWarm-transfer summary:\n{}", summary.text)?;
    writeln!(out, "\nFacts: {}", serde_json::to_string(&summary.facts)?)?;
    shutdown.trigger();
    let _ = server.await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn clock_now(clock: &ManualClock) -> DateTime<Utc> {
    crate::state::Clock::now(clock)
}

/// The conversation needs nothing more from the lead: booked, handed off, closed.
fn over(state: &domain::ConversationState) -> bool {
    use domain::vocab::ConversationStatus as S;
    state.handoff.is_some()
        || state.opted_out()
        || state.status.is_some_and(|s| matches!(s, S::Completed | S::Qualified | S::Disqualified | S::Dnc))
}

/// Waits until the workers have nothing left to do at this instant, printing what lands.
async fn settle(
    state: &crate::state::AppState,
    id: ConversationId,
    printed: &mut usize,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let mut quiet = 0;
    while quiet < 10 {
        tokio::time::sleep(Duration::from_millis(15)).await;
        let timeline = state.store.load(id).await?.map(|l| l.timeline).unwrap_or_default();
        if timeline.len() == *printed {
            quiet += 1;
            continue;
        }
        quiet = 0;
        for record in &timeline[*printed..] {
            if let Some(line) = line(record) {
                writeln!(out, "{line}")?;
            }
        }
        *printed = timeline.len();
    }
    Ok(())
}

/// One story line for an event, if it is worth telling.
fn line(record: &EventRecord) -> Option<String> {
    let at = record.at.with_timezone(&chrono_tz::America::Chicago).format("%a %H:%M");
    let text = match &record.event {
        Event::LeadCreated { .. } => "form received; the conversation starts".to_owned(),
        Event::SmsSent { body, source, .. } => {
            let who = match source {
                MessageSource::SmsAgent => "Ava (AI)",
                MessageSource::System => "Acme Roofing",
                MessageSource::Api => "Acme Roofing (API)",
                MessageSource::Manual => "agent",
                MessageSource::Inbound => "lead",
            };
            format!("{who} → Maria: {body}")
        }
        Event::SmsReceived { body, keyword, .. } => match keyword {
            Some(k) => format!("Maria: {body}   [keyword: {k}]"),
            None => format!("Maria: {body}"),
        },
        Event::CallPlaced { .. } => "☎ calling Maria".to_owned(),
        Event::CallReceived { .. } => "☎ Maria called in".to_owned(),
        Event::CallAnswered { answered_by, .. } => format!("☎ answered ({answered_by})"),
        Event::CallEnded { outcome, duration_secs, .. } => format!("☎ call ended: {outcome}, {duration_secs} s"),
        Event::FactLearned { slot, value, .. } => {
            format!("    learned {slot} = {}", value.as_str().map_or_else(|| value.to_string(), str::to_owned))
        }
        Event::IntentDetected { intent, .. } => format!("    intent: {intent}"),
        Event::DisclosureRecorded { kind, .. } => format!("    disclosure recorded ({kind})"),
        Event::ConsentRevoked { .. } => "    consent revoked; everything pending cancelled".to_owned(),
        Event::ConsentGranted { .. } if record.seq.0 > 3 => "    consent granted".to_owned(),
        Event::HandoffRequested { reason, .. } => format!("    → hand-off to a person: {reason}"),
        Event::StatusChanged { status, .. } => format!("    status: {status}"),
        Event::DecisionRecorded { verdict: verdict @ (Verdict::Blocked | Verdict::Rescheduled), reasons, .. } => {
            let failed: Vec<&str> = reasons.iter().filter(|r| !r.passed).map(|r| r.rule.as_str()).collect();
            if failed.is_empty() {
                return None;
            }
            format!("    gate: {verdict} ({})", failed.join(", "))
        }
        _ => return None,
    };
    Some(format!("[{at}] {text}"))
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("throughline-demo-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn story(story: Story) -> String {
        let mut out = Vec::new();
        run(&DemoArgs { story, hours: 72 }, &mut out).await.expect("the demo runs");
        String::from_utf8(out).expect("utf-8")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_demo_tells_a_booking_and_a_hand_off() {
        let booked = story(Story::Books).await;
        for expected in [
            "an automated assistant",
            "learned budget = $15k",
            "intent: booked",
            "You're booked",
            "Warm-transfer summary",
        ] {
            assert!(booked.contains(expected), "{expected:?} missing from:\n{booked}");
        }
        let handed = story(Story::Handoff).await;
        assert!(handed.contains("disclosure recorded (bot_question)"), "{handed}");
        assert!(handed.contains("hand-off to a person"), "{handed}");
    }
}
