//! The cadence simulator: each lead lives its whole period on its own virtual clock (leads
//! are independent, so they can be simulated in parallel and in any order with the same
//! result). The real router and gate decide; simulated people react; an audit written
//! independently of the gate checks every executed contact.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::{DateTime, Duration, Utc};
use domain::vocab::{AnsweredBy, CallOutcome, ConsentKind, Verdict};
use domain::{
    ActionId, CallId, CampaignId, Channel, ConsentId, ConversationId, ConversationState, Event, EventRecord, LeadId,
    LeadSnapshot, MessageId, Seq,
};
use policy::router::ESCALATION_STEP;
use policy::{Cadence, CampaignPolicy, Executed, Gate, LeadContext, Planned, Router, Rules, StepAction};
use serde::Serialize;

use crate::people::{Person, Reply};
use crate::rng::Rng;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Leads.
    pub leads: usize,
    /// Days on the virtual clock.
    pub days: i64,
    /// Seed: the same seed gives the same run.
    pub seed: u64,
    /// Start of the period; leads arrive during its first day.
    pub start: DateTime<Utc>,
    /// The cadence.
    pub cadence: Cadence,
    /// Campaign rules.
    pub campaign: CampaignPolicy,
    /// Legal rules.
    pub rules: Rules,
}

/// One contact attempt, as `--out` writes it (one JSON line each).
#[derive(Debug, Clone, Serialize)]
pub struct AttemptLine {
    /// Lead.
    pub lead_id: LeadId,
    /// Number.
    pub phone: String,
    /// `sms` or `voice`.
    pub channel: Channel,
    /// When it was judged (RFC 3339).
    pub at_utc: String,
    /// Every zone consulted, comma-separated.
    pub tz_used: String,
    /// Local time in each of those zones, comma-separated, same order.
    pub local_time: String,
    /// States whose rules applied, comma-separated.
    pub state: String,
    /// The window applied.
    pub rule_window: String,
    /// `executed`, `blocked` or `rescheduled`.
    pub decision: &'static str,
    /// Rules that failed, `rule: detail`.
    pub reasons: Vec<String>,
}

/// What happened to one lead.
#[derive(Debug, Clone, Default)]
pub struct LeadStats {
    /// Arrival to first executed contact.
    pub first_touch: Option<Duration>,
    /// Arrival to first two-way contact (reply or live answer).
    pub first_two_way: Option<Duration>,
    /// Executed contacts.
    pub attempts: u32,
    /// Opted out.
    pub opted_out: bool,
    /// Booked.
    pub booked: bool,
    /// Decisions that blocked, by failing rule.
    pub blocked: BTreeMap<String, u32>,
    /// Decisions that rescheduled, by failing rule.
    pub rescheduled: BTreeMap<String, u32>,
    /// Executed contacts the audit says a rule forbade.
    pub violations: Vec<String>,
}

#[derive(Debug, Clone)]
enum Item {
    Due(ActionId, Planned),
    Reply(Reply),
    CallEnds(CallId, CallOutcome),
}

/// One lead's simulation.
struct LeadSim<'a> {
    router: Router<'a>,
    rules: &'a Rules,
    campaign: &'a CampaignPolicy,
    ctx: LeadContext,
    person: Person,
    lead_id: LeadId,
    state: ConversationState,
    heap: BinaryHeap<Reverse<(DateTime<Utc>, u64)>>,
    items: Vec<Option<Item>>,
    rng: Rng,
    arrival: DateTime<Utc>,
    stats: LeadStats,
    lines: Option<Vec<AttemptLine>>,
    replied: bool,
}

impl LeadSim<'_> {
    fn at(&mut self, at: DateTime<Utc>, item: Item) {
        self.items.push(Some(item));
        self.heap.push(Reverse((at, self.items.len() as u64 - 1)));
    }

    /// Appends an event, then applies the router's decision, as the worker does.
    fn push(&mut self, at: DateTime<Utc>, event: Event) {
        let record = EventRecord {
            conversation_id: ConversationId::from_uuid(uuid::Uuid::nil()),
            seq: self.state.last_seq.next(),
            at,
            recorded_at: at,
            event,
        };
        if self.state.apply(&record).is_err() {
            return;
        }
        let decision = self.router.decide(&self.state, &record, at);
        for cancelled in decision.cancellations(&self.state) {
            self.push(at, cancelled);
        }
        for planned in decision.schedule {
            let id = ActionId::from_uuid(uuid::Uuid::from_u128(u128::from(self.rng.next_u64())));
            self.schedule(at, id, planned);
        }
    }

    fn schedule(&mut self, at: DateTime<Utc>, id: ActionId, planned: Planned) {
        let event = planned.scheduled_event(id);
        self.push(at, event);
        let due = planned.due_at;
        self.at(due, Item::Due(id, planned));
    }

    fn run(&mut self, end: DateTime<Utc>) {
        while let Some(Reverse((at, index))) = self.heap.pop() {
            if at > end {
                break;
            }
            let Some(item) = self.items[index as usize].take() else { continue };
            match item {
                Item::Due(id, planned) => {
                    // Stale if cancelled or moved since.
                    if self.state.pending.get(&id).is_some_and(|p| p.due_at == at) {
                        self.due(at, id, planned);
                    }
                }
                Item::Reply(reply) => self.reply(at, reply),
                Item::CallEnds(call_id, outcome) => {
                    self.push(at, Event::CallEnded { call_id, outcome, duration_secs: 30, reason: None });
                }
            }
        }
    }

    fn due(&mut self, now: DateTime<Utc>, id: ActionId, planned: Planned) {
        let due = self.router.on_due(&self.ctx, &self.state, &planned, now);
        let failed: Vec<&domain::Reason> = match &due.record {
            Event::DecisionRecorded { reasons, .. } => reasons.iter().filter(|r| !r.passed).collect(),
            _ => vec![],
        };
        let tally = match due.verdict {
            Verdict::Blocked => Some(&mut self.stats.blocked),
            Verdict::Rescheduled => Some(&mut self.stats.rescheduled),
            Verdict::Allowed => None,
        };
        if let Some(tally) = tally {
            for r in &failed {
                *tally.entry(r.rule.clone()).or_default() += 1;
            }
        }
        if let (Some(lines), Some(gate)) = (&mut self.lines, &due.gate) {
            let zones = &gate.placement.zones;
            let window = gate.reasons.iter().find(|r| r.rule == "contact_window");
            lines.push(AttemptLine {
                lead_id: self.lead_id,
                phone: self.person.phone.to_string(),
                channel: planned.action.channel(),
                at_utc: now.to_rfc3339(),
                tz_used: zones.iter().map(|z| z.name()).collect::<Vec<_>>().join(","),
                local_time: zones
                    .iter()
                    .map(|z| now.with_timezone(z).format("%Y-%m-%dT%H:%M:%S%:z").to_string())
                    .collect::<Vec<_>>()
                    .join(","),
                state: gate.placement.states.iter().map(|s| s.code()).collect::<Vec<_>>().join(","),
                rule_window: window
                    .and_then(|w| w.inputs.get("window"))
                    .and_then(|w| w.as_str())
                    .unwrap_or_default()
                    .to_owned(),
                decision: match due.verdict {
                    Verdict::Allowed => "executed",
                    Verdict::Blocked => "blocked",
                    Verdict::Rescheduled => "rescheduled",
                },
                reasons: failed.iter().map(|r| format!("{}: {}", r.rule, r.detail)).collect(),
            });
        }
        self.push(now, due.record.clone());
        match due.verdict {
            Verdict::Allowed => self.execute(now, id, &planned),
            Verdict::Rescheduled => {
                let at = due.at.unwrap_or(now);
                self.schedule(now, id, Planned { due_at: at, ..planned });
            }
            Verdict::Blocked => {
                self.push(now, Event::ActionCancelled { action_id: id, reason: "blocked by the gate".into() })
            }
        }
    }

    fn execute(&mut self, now: DateTime<Utc>, id: ActionId, planned: &Planned) {
        let contact = planned.contact();
        self.stats.violations.extend(policy::audit(self.rules, self.campaign, &self.ctx, &self.state, &contact, now));
        self.stats.attempts += 1;
        self.stats.first_touch.get_or_insert(now - self.arrival);
        match planned.action {
            StepAction::Sms => {
                let body = planned.template.clone().unwrap_or_default();
                for event in planned.executed_events(id, Executed::Sms { message_id: MessageId::new(), body }) {
                    self.push(now, event);
                }
                if !self.replied && self.rng.chance(self.person.reply_rate) {
                    self.replied = true;
                    let delay = self.rng.range(self.person.reply_delay.0, self.person.reply_delay.1);
                    let reply = self.person.reply;
                    self.at(now + Duration::seconds(delay), Item::Reply(reply));
                }
            }
            StepAction::Call => {
                let call_id = CallId::from_uuid(uuid::Uuid::from_u128(u128::from(self.rng.next_u64())));
                for event in planned.executed_events(id, Executed::Call { call_id }) {
                    self.push(now, event);
                }
                let answers =
                    self.rng.chance(if planned.step == ESCALATION_STEP { 0.8 } else { self.person.answer_rate });
                if answers {
                    let answered = now + Duration::seconds(12);
                    self.push(answered, Event::CallAnswered { call_id, answered_by: AnsweredBy::Human });
                    self.stats.first_two_way.get_or_insert(answered - self.arrival);
                    if self.rng.chance(self.person.books_on_call) {
                        self.stats.booked = true;
                        self.push(
                            answered,
                            Event::IntentDetected {
                                intent: "booked".into(),
                                confidence: Some(1.0),
                                channel: Some(Channel::Voice),
                            },
                        );
                    }
                    self.at(now + Duration::seconds(180), Item::CallEnds(call_id, CallOutcome::Human));
                } else {
                    let outcome = if self.rng.chance(self.person.voicemail_rate) {
                        CallOutcome::Voicemail
                    } else {
                        CallOutcome::NoAnswer
                    };
                    self.at(now + Duration::seconds(35), Item::CallEnds(call_id, outcome));
                }
            }
        }
    }

    fn reply(&mut self, at: DateTime<Utc>, reply: Reply) {
        self.stats.first_two_way.get_or_insert(at - self.arrival);
        self.stats.opted_out |= reply == Reply::OptOut;
        self.stats.booked |= reply == Reply::Book;
        for event in reply.events(MessageId::new(), None) {
            self.push(at, event);
        }
    }
}

/// Simulates lead number `index`. `lines` collects the attempt lines when asked.
pub fn simulate_lead(cfg: &SimConfig, area_codes: &[&str], index: usize, lines: bool) -> (LeadStats, Vec<AttemptLine>) {
    let mut rng = Rng::new(cfg.seed, index as u64);
    let person = Person::draw(&mut rng, area_codes);
    let arrival = cfg.start + Duration::seconds(rng.range(0, 86_400));
    let ctx = LeadContext {
        phone: person.phone.clone(),
        timezone: person.recorded_zone,
        state: person.recorded_state,
        internal_dnc: false,
        national_dnc: None,
    };
    let lead_id =
        LeadId::from_uuid(uuid::Uuid::from_u128((u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64())));
    let voice_consent = rng.chance(0.95);
    let mut sim = LeadSim {
        router: Router { gate: Gate { rules: &cfg.rules, campaign: &cfg.campaign }, cadence: &cfg.cadence },
        rules: &cfg.rules,
        campaign: &cfg.campaign,
        ctx,
        person,
        lead_id,
        state: ConversationState::default(),
        heap: BinaryHeap::new(),
        items: Vec::new(),
        rng,
        arrival,
        stats: LeadStats::default(),
        lines: lines.then(Vec::new),
        replied: false,
    };
    let snapshot = LeadSnapshot {
        lead_id,
        campaign_id: CampaignId::from_uuid(uuid::Uuid::nil()),
        first_name: "Sim".into(),
        last_name: None,
        phone: sim.person.phone.clone(),
        timezone: sim.person.recorded_zone,
        state: sim.person.recorded_state,
        source: domain::LeadSource::Form,
    };
    // Consent first, then the trigger: the router plans on lead_created.
    let seq1 = EventRecord {
        conversation_id: ConversationId::from_uuid(uuid::Uuid::nil()),
        seq: Seq(1),
        at: arrival,
        recorded_at: arrival,
        event: Event::LeadCreated { lead: snapshot.clone() },
    };
    let _ = sim.state.apply(&seq1);
    let mut channels = vec![Channel::Sms];
    if voice_consent {
        channels.push(Channel::Voice);
    }
    for channel in channels {
        sim.push(
            arrival,
            Event::ConsentGranted {
                consent_id: ConsentId::new(),
                channel,
                kind: ConsentKind::ExpressWritten,
                source: "form".into(),
            },
        );
    }
    let decision = sim.router.decide(&sim.state, &seq1, arrival);
    for planned in decision.schedule {
        let id = ActionId::from_uuid(uuid::Uuid::from_u128(u128::from(sim.rng.next_u64())));
        sim.schedule(arrival, id, planned);
    }
    sim.run(cfg.start + Duration::days(cfg.days));
    (sim.stats, sim.lines.unwrap_or_default())
}

/// Totals over many leads.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Leads simulated.
    pub leads: usize,
    /// Executed contacts.
    pub attempts: u64,
    /// Leads reached two-way (reply or live answer).
    pub two_way: u64,
    /// Leads touched at least once.
    pub touched: u64,
    /// Opted out.
    pub opted_out: u64,
    /// Booked.
    pub booked: u64,
    /// Seconds to first touch, sorted.
    #[serde(skip)]
    pub first_touch: Vec<i64>,
    /// Seconds to first two-way contact, sorted.
    #[serde(skip)]
    pub first_two_way: Vec<i64>,
    /// Blocked decisions by rule.
    pub blocked: BTreeMap<String, u64>,
    /// Rescheduled decisions by rule.
    pub rescheduled: BTreeMap<String, u64>,
    /// Violations found by the audit.
    pub violations: u64,
    /// The first few, for diagnosis.
    pub violation_examples: Vec<String>,
}

impl Report {
    /// Adds one lead.
    pub fn add(&mut self, s: LeadStats) {
        self.leads += 1;
        self.attempts += u64::from(s.attempts);
        self.touched += u64::from(s.first_touch.is_some());
        self.two_way += u64::from(s.first_two_way.is_some());
        self.opted_out += u64::from(s.opted_out);
        self.booked += u64::from(s.booked);
        self.first_touch.extend(s.first_touch.map(|d| d.num_seconds()));
        self.first_two_way.extend(s.first_two_way.map(|d| d.num_seconds()));
        for (rule, n) in s.blocked {
            *self.blocked.entry(rule).or_default() += u64::from(n);
        }
        for (rule, n) in s.rescheduled {
            *self.rescheduled.entry(rule).or_default() += u64::from(n);
        }
        self.violations += s.violations.len() as u64;
        for v in s.violations {
            if self.violation_examples.len() < 10 {
                self.violation_examples.push(v);
            }
        }
    }

    /// A percentile of a list of seconds, in minutes.
    fn minutes(list: &mut [i64], p: f64) -> Option<f64> {
        if list.is_empty() {
            return None;
        }
        list.sort_unstable();
        let i = ((list.len() as f64 * p).ceil() as usize).clamp(1, list.len()) - 1;
        Some((list[i] as f64 / 60.0 * 10.0).round() / 10.0)
    }

    /// The summary as JSON.
    pub fn summary(&mut self) -> serde_json::Value {
        let pct = |n: u64| (n as f64 * 1000.0 / self.leads.max(1) as f64).round() / 10.0;
        serde_json::json!({
            "leads": self.leads,
            "contact_rate_pct": pct(self.two_way),
            "touched_pct": pct(self.touched),
            "time_to_first_touch_min": {"p50": Self::minutes(&mut self.first_touch, 0.5), "p90": Self::minutes(&mut self.first_touch, 0.9)},
            "time_to_first_two_way_min": {"p50": Self::minutes(&mut self.first_two_way, 0.5), "p90": Self::minutes(&mut self.first_two_way, 0.9)},
            "attempts_per_lead": (self.attempts as f64 / self.leads.max(1) as f64 * 100.0).round() / 100.0,
            "opt_out_rate_pct": pct(self.opted_out),
            "bookings": self.booked,
            "blocked_by_rule": self.blocked,
            "rescheduled_by_rule": self.rescheduled,
            "violations": self.violations,
            "violation_examples": self.violation_examples,
        })
    }
}
