//! Named cadence scenarios: the router and the gate together, on a scripted clock.

use chrono::{DateTime, Duration, Utc};
use domain::vocab::{AnsweredBy, CallOutcome, ConsentKind, Verdict};
use domain::{
    ActionId, CallId, CampaignId, Channel, ConsentId, ConversationId, ConversationState, E164, Event, EventRecord,
    LeadId, LeadSnapshot, MessageId, Seq,
};
use policy::{Cadence, CampaignPolicy, Executed, Gate, LeadContext, Planned, Router, Rules, StepAction};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// One lead's timeline, driven by hand: events go in, the router's plans come out.
struct Lead {
    records: Vec<EventRecord>,
    state: ConversationState,
    ctx: LeadContext,
    pending: Vec<(ActionId, Planned)>,
    rules: Rules,
    campaign: CampaignPolicy,
    cadence: Cadence,
    log: Vec<String>,
}

impl Lead {
    fn new(phone: &str, strategy: &str) -> Self {
        Self {
            records: vec![],
            state: ConversationState::default(),
            ctx: LeadContext {
                phone: E164::parse(phone).unwrap(),
                timezone: None,
                state: None,
                internal_dnc: false,
                national_dnc: None,
            },
            pending: vec![],
            rules: Rules::default(),
            campaign: CampaignPolicy::default(),
            cadence: Cadence::strategy(strategy).unwrap(),
            log: vec![],
        }
    }

    fn router(&self) -> Router<'_> {
        Router { gate: Gate { rules: &self.rules, campaign: &self.campaign }, cadence: &self.cadence }
    }

    /// Appends an event and applies the router's decision, as the worker does.
    fn push(&mut self, at: DateTime<Utc>, event: Event) {
        let record = EventRecord {
            conversation_id: ConversationId::from_uuid(uuid::Uuid::nil()),
            seq: Seq(self.records.len() as u64 + 1),
            at,
            recorded_at: at,
            event,
        };
        self.state.apply(&record).unwrap();
        self.records.push(record.clone());
        let decision = self.router().decide(&self.state, &record, at);
        for cancelled in decision.cancellations(&self.state) {
            if let Event::ActionCancelled { action_id, reason } = &cancelled {
                let step = self
                    .pending
                    .iter()
                    .find(|(id, _)| id == action_id)
                    .map(|(_, p)| p.step.clone())
                    .unwrap_or_default();
                self.log.push(format!("{at} cancel {step} ({reason})"));
                self.pending.retain(|(id, _)| id != action_id);
            }
            self.push(at, cancelled);
        }
        for p in decision.schedule {
            let id = ActionId::new();
            self.log.push(format!("{at} plan {} for {}", p.step, p.due_at));
            self.push(at, p.scheduled_event(id));
            self.pending.push((id, p));
        }
    }

    /// Runs every action due by `until`, in order; calls end with `outcome`.
    fn run_until(&mut self, until: DateTime<Utc>, outcome: CallOutcome) {
        loop {
            self.pending.sort_by_key(|(_, p)| p.due_at);
            let Some(index) = self.pending.iter().position(|(_, p)| p.due_at <= until) else { return };
            let (id, planned) = self.pending.remove(index);
            let now = planned.due_at;
            let due = self.router().on_due(&self.ctx, &self.state, &planned, now);
            self.push(now, due.record.clone());
            match due.verdict {
                Verdict::Allowed => self.execute(id, &planned, now, outcome),
                Verdict::Rescheduled => {
                    let at = due.at.unwrap();
                    self.log.push(format!("{now} reschedule {} to {at}", planned.step));
                    // Moving a timer is scheduling the same action again with a new due time.
                    let again = Planned { due_at: at, ..planned };
                    self.push(now, again.scheduled_event(id));
                    self.pending.push((id, again));
                }
                Verdict::Blocked => {
                    self.log.push(format!("{now} blocked {}", planned.step));
                    self.push(now, Event::ActionCancelled { action_id: id, reason: "blocked".into() });
                }
            }
        }
    }

    fn execute(&mut self, id: ActionId, planned: &Planned, now: DateTime<Utc>, outcome: CallOutcome) {
        match planned.action {
            StepAction::Sms => {
                self.log.push(format!("{now} sms {} ({})", planned.step, planned.template.clone().unwrap_or_default()));
                let body = planned.template.clone().unwrap_or_default();
                for event in planned.executed_events(id, Executed::Sms { message_id: MessageId::new(), body }) {
                    self.push(now, event);
                }
            }
            StepAction::Call => {
                self.log.push(format!("{now} call {}", planned.step));
                let call_id = CallId::new();
                for event in planned.executed_events(id, Executed::Call { call_id }) {
                    self.push(now, event);
                }
                if outcome == CallOutcome::Human {
                    self.push(
                        now + Duration::seconds(5),
                        Event::CallAnswered { call_id, answered_by: AnsweredBy::Human },
                    );
                }
                self.push(
                    now + Duration::seconds(40),
                    Event::CallEnded { call_id, outcome, duration_secs: 40, reason: None },
                );
            }
        }
    }

    fn created(&mut self, at: DateTime<Utc>) {
        self.push(
            at,
            Event::LeadCreated {
                lead: LeadSnapshot {
                    lead_id: LeadId::new(),
                    campaign_id: CampaignId::new(),
                    first_name: "Maria".into(),
                    last_name: None,
                    phone: self.ctx.phone.clone(),
                    timezone: None,
                    state: None,
                    source: domain::LeadSource::Form,
                },
            },
        );
        for channel in [Channel::Sms, Channel::Voice] {
            self.push(
                at,
                Event::ConsentGranted {
                    consent_id: ConsentId::new(),
                    channel,
                    kind: ConsentKind::ExpressWritten,
                    source: "form".into(),
                },
            );
        }
    }

    fn reply(&mut self, at: DateTime<Utc>, text: &str, intent: Option<&str>) {
        self.push(
            at,
            Event::SmsReceived {
                message_id: MessageId::new(),
                body: text.into(),
                provider: None,
                provider_message_id: None,
                media_count: 0,
                keyword: None,
            },
        );
        if let Some(intent) = intent {
            self.push(
                at,
                Event::IntentDetected { intent: intent.into(), confidence: Some(0.9), channel: Some(Channel::Sms) },
            );
        }
    }

    fn contacts(&self) -> Vec<(DateTime<Utc>, &'static str)> {
        self.records
            .iter()
            .filter_map(|r| match r.event {
                Event::SmsSent { .. } => Some((r.at, "sms")),
                Event::CallPlaced { .. } => Some((r.at, "call")),
                _ => None,
            })
            .collect()
    }
}

#[test]
fn text_first_then_a_call_when_the_lead_says_yeah_call_me() {
    // Tuesday 10:00 in New York.
    let t0 = utc("2026-11-17T15:00:00Z");
    let mut lead = Lead::new("+12125550100", "text_first");
    lead.created(t0);
    lead.run_until(t0, CallOutcome::NoAnswer);
    assert_eq!(lead.contacts(), vec![(t0, "sms")], "speed to lead: the intro text goes at once\n{:#?}", lead.log);
    // The lead answers before the 5-minute call is due.
    let replied = t0 + Duration::minutes(2);
    lead.reply(replied, "yeah, call me", Some("callback_request"));
    lead.run_until(replied + Duration::hours(1), CallOutcome::Human);
    let contacts = lead.contacts();
    assert_eq!(contacts.len(), 2, "{:#?}", lead.log);
    assert_eq!(
        contacts[1],
        (replied, "call"),
        "called at once: the lead asked, so the 2-minute gap after the text is waived"
    );
    assert!(
        lead.log.iter().any(|l| l.contains("cancel call_1")),
        "the cadence's own call was superseded: {:#?}",
        lead.log
    );
}

#[test]
fn a_voicemail_is_followed_by_a_text_that_references_the_call() {
    let t0 = utc("2026-11-17T15:00:00Z");
    let mut lead = Lead::new("+12125550100", "text_first");
    lead.created(t0);
    lead.run_until(t0 + Duration::minutes(10), CallOutcome::Voicemail);
    let sms: Vec<&str> = lead
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::SmsSent { body, .. } => Some(body.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sms, ["intro", "missed_call"], "{:#?}", lead.log);
    let call_at = lead.contacts()[1].0;
    assert_eq!(call_at, t0 + Duration::minutes(5));
    // The missed-call text goes a minute after the call ended (40 s): the gap rule's 120 s
    // after the call attempt holds it until then.
    assert_eq!(lead.contacts()[2], (call_at + Duration::seconds(120), "sms"));
}

#[test]
fn an_eleven_pm_web_form_is_texted_next_morning_and_not_called_before() {
    // 23:00 in Chicago.
    let t0 = utc("2026-11-18T05:00:00Z");
    let mut lead = Lead::new("+13125550100", "text_first");
    lead.created(t0);
    lead.run_until(t0 + Duration::hours(12), CallOutcome::NoAnswer);
    let contacts = lead.contacts();
    let eight_am = utc("2026-11-18T14:00:00Z");
    assert_eq!(contacts[0], (eight_am, "sms"), "{:#?}", lead.log);
    assert!(contacts.iter().all(|(t, _)| *t >= eight_am));
    assert_eq!(contacts[1], (eight_am + Duration::minutes(5), "call"));
}

#[test]
fn a_lead_who_texts_at_nine_pm_is_called_at_eight_not_seven() {
    let t0 = utc("2026-11-17T20:00:00Z"); // 14:00 Chicago
    let mut lead = Lead::new("+13125550100", "text_first");
    lead.created(t0);
    lead.run_until(t0, CallOutcome::NoAnswer);
    let nine_pm = utc("2026-11-18T03:00:00Z");
    lead.reply(nine_pm, "can we do tomorrow morning?", Some("callback_request"));
    lead.run_until(utc("2026-11-18T18:00:00Z"), CallOutcome::Human);
    let calls: Vec<DateTime<Utc>> = lead.contacts().into_iter().filter(|(_, k)| *k == "call").map(|(t, _)| t).collect();
    assert_eq!(calls, [utc("2026-11-18T14:00:00Z")], "08:00 CST, not 07:00: {:#?}", lead.log);
}

#[test]
fn text_me_dont_call_means_no_calls() {
    let t0 = utc("2026-11-17T15:00:00Z");
    let mut lead = Lead::new("+12125550100", "call_first");
    lead.created(t0);
    lead.push(
        t0,
        Event::IntentDetected { intent: "text_only".into(), confidence: Some(1.0), channel: Some(Channel::Sms) },
    );
    lead.run_until(t0 + Duration::days(8), CallOutcome::NoAnswer);
    assert!(lead.contacts().iter().all(|(_, k)| *k == "sms"), "{:#?}", lead.log);
    lead.push(
        t0 + Duration::days(8),
        Event::IntentDetected { intent: "callback_request".into(), confidence: Some(1.0), channel: Some(Channel::Sms) },
    );
    assert!(!lead.state.text_only, "asking for a call lifts the preference");
}

#[test]
fn an_unanswered_cadence_runs_to_its_end_within_the_rules() {
    let t0 = utc("2026-11-16T15:00:00Z"); // Monday 10:00 Eastern
    let mut lead = Lead::new("+13055550142", "text_first"); // Florida: 8–20, 3 calls a day
    lead.created(t0);
    lead.run_until(t0 + Duration::days(10), CallOutcome::NoAnswer);
    let steps: Vec<&str> = lead.state.steps_run.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        steps,
        ["intro", "call_1", "missed_call_1", "call_2", "follow_up_1", "call_3", "last_chance"],
        "{:#?}",
        lead.log
    );
    assert!(lead.pending.is_empty());
    // Every contact fell inside Florida's 08:00–20:00 in Eastern time (the area code's only zone).
    for (t, _) in lead.contacts() {
        let local = t.with_timezone(&chrono_tz::America::New_York);
        assert!((8..20).contains(&chrono::Timelike::hour(&local)), "{local}");
    }
}

#[test]
fn a_cadence_that_outruns_the_monthly_cap_is_held_not_dropped() {
    let t0 = utc("2026-11-16T15:00:00Z");
    let mut lead = Lead::new("+12125550100", "text_first");
    lead.campaign = CampaignPolicy { marketing_sms_per_month: 2, ..CampaignPolicy::default() };
    lead.created(t0);
    lead.run_until(t0 + Duration::days(10), CallOutcome::NoAnswer);
    let texts = lead.contacts().iter().filter(|(_, k)| *k == "sms").count();
    assert_eq!(texts, 2, "{:#?}", lead.log);
    let (_, held) = lead.pending.first().expect("the third text is still scheduled");
    assert_eq!(held.step, "follow_up_1");
    assert_eq!(held.due_at, t0 + Duration::days(30), "until the first text is 30 days old");
}

#[test]
fn events_outside_reacts_to_never_move_the_router() {
    // A lead mid-cadence (a call pending) is the state where a reaction would matter most.
    let mut lead = Lead::new("+12125550100", "text_first");
    let t0 = utc("2026-11-24T15:00:00Z");
    lead.created(t0);
    lead.run_until(t0, CallOutcome::NoAnswer);
    assert!(!lead.pending.is_empty(), "the first call is planned");
    let (pending_id, _) = lead.pending[0].clone();
    let inert = [
        Event::SmsSent {
            message_id: MessageId::new(),
            body: "hi".into(),
            source: domain::vocab::MessageSource::Manual,
            provider: None,
            provider_message_id: None,
            transactional: false,
        },
        Event::CallPlaced { call_id: CallId::new(), provider: None, provider_call_id: None },
        Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel: Channel::Sms,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        },
        Event::ActionScheduled {
            action_id: pending_id,
            kind: domain::vocab::ActionKind::PlaceCall,
            channel: Some(Channel::Voice),
            due_at: t0 + Duration::seconds(300),
            idempotency_key: "k".into(),
            step: Some("call_1".into()),
        },
        Event::DecisionRecorded {
            action: domain::vocab::ActionKind::PlaceCall,
            channel: Some(Channel::Voice),
            verdict: Verdict::Allowed,
            reasons: vec![],
            next_allowed_at: None,
        },
    ];
    for event in inert {
        assert!(!policy::router::REACTS_TO.contains(&event.kind()), "{}", event.kind());
        let record = EventRecord {
            conversation_id: ConversationId::from_uuid(uuid::Uuid::nil()),
            seq: lead.state.last_seq.next(),
            at: t0,
            recorded_at: t0,
            event,
        };
        let mut state = lead.state.clone();
        state.apply(&record).unwrap();
        let decision = lead.router().decide(&state, &record, t0);
        assert!(decision.is_empty() && decision.reasons.is_empty(), "{}: {decision:?}", record.event.kind());
    }
}

/// The router's answer to a message from the lead, judged on the lead's current timeline.
fn on_message(lead: &Lead, at: DateTime<Utc>, keyword: Option<&str>) -> policy::Decision {
    let record = EventRecord {
        conversation_id: ConversationId::from_uuid(uuid::Uuid::nil()),
        seq: Seq(lead.records.len() as u64 + 1),
        at,
        recorded_at: at,
        event: Event::SmsReceived {
            message_id: MessageId::new(),
            body: "hello".into(),
            provider: None,
            provider_message_id: None,
            media_count: 0,
            keyword: keyword.map(str::to_owned),
        },
    };
    let mut state = lead.state.clone();
    state.apply(&record).unwrap();
    lead.router().decide(&state, &record, at)
}

#[test]
fn a_burst_of_messages_gets_one_agent_reply_after_the_window() {
    let t0 = utc("2026-11-17T15:00:00Z");
    let mut lead = Lead::new("+12125550100", "text_first");
    lead.created(t0);
    let at = t0 + Duration::minutes(1);
    let first = on_message(&lead, at, None);
    assert_eq!(first.agent_reply, Some(at + Duration::seconds(7)), "the default window is 7 s");
    // While that reply is pending, more messages join the same burst.
    let reply_id = ActionId::new();
    lead.push(
        at,
        Event::ActionScheduled {
            action_id: reply_id,
            kind: domain::vocab::ActionKind::SmsAgentReply,
            channel: Some(Channel::Sms),
            due_at: at + Duration::seconds(7),
            idempotency_key: "k".into(),
            step: None,
        },
    );
    assert_eq!(on_message(&lead, at + Duration::seconds(2), None).agent_reply, None);
    // Keywords are answered by the keyword rules, never by the agent.
    let mut fresh = Lead::new("+12125550100", "text_first");
    fresh.created(t0);
    assert_eq!(on_message(&fresh, at, Some("help")).agent_reply, None);
    // A cancellation for the cadence leaves the lead's pending answer alone.
    let stop = policy::Decision { cancel_pending: Some("superseded".into()), ..policy::Decision::default() };
    let cancelled: Vec<ActionId> = stop
        .cancellations(&lead.state)
        .iter()
        .filter_map(|e| match e {
            Event::ActionCancelled { action_id, .. } => Some(*action_id),
            _ => None,
        })
        .collect();
    assert!(!cancelled.contains(&reply_id), "{cancelled:?}");
    // After an opt-out the agent says nothing.
    lead.push(
        at,
        Event::ConsentRevoked {
            channel: None,
            consent_ids: vec![],
            via: Some(Channel::Sms),
            text: Some("STOP".into()),
        },
    );
    assert_eq!(on_message(&lead, at + Duration::seconds(30), None).agent_reply, None);
}
