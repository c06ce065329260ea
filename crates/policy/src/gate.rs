//! The compliance gate, consulted before every outbound contact. Pure: it sees the lead, the
//! folded conversation, the rules and `now`, and answers allowed, blocked or rescheduled to
//! the earliest instant every rule allows, with one [`Reason`] per rule consulted (its
//! inputs included) so the audit can answer "why was this person called at 8:05 pm?".
//!
//! Time rules are judged in the called party's local time in **every candidate zone** (the
//! lead's recorded zone plus every zone the area code may be in; every US zone when the number
//! cannot be placed): contact happens only when it is legal in all of them.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone as _, Utc, Weekday};
use chrono_tz::Tz;
use domain::vocab::{ConsentKind, Verdict};
use domain::{Channel, ConversationState, ConversationStatus, E164, Reason, TimeZone, UsState};
use serde_json::{Map, Value, json};

use crate::campaign::CampaignPolicy;
use crate::holidays::is_holiday;
use crate::nanp;
use crate::rules::{Rules, Window};

/// How far ahead a blocked-by-time contact is rescheduled; beyond it the contact is blocked.
pub const HORIZON_DAYS: i64 = 14;

/// A national Do-Not-Call scrub result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DncCheck {
    /// The number is on the registry.
    pub listed: bool,
    /// When the registry copy was checked.
    pub checked_at: DateTime<Utc>,
}

/// What the gate needs to know about the lead beyond the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadContext {
    /// Number.
    pub phone: E164,
    /// Zone on the lead record.
    pub timezone: Option<TimeZone>,
    /// State on the lead record.
    pub state: Option<UsState>,
    /// On the operator's internal do-not-contact list.
    pub internal_dnc: bool,
    /// National registry scrub, if a registry is configured.
    pub national_dnc: Option<DncCheck>,
}

/// The contact being considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    /// Channel.
    pub channel: Channel,
    /// Made by software (cadence, AI), not typed by a person.
    pub automated: bool,
    /// A reply to the lead's own message: exempt from marketing caps only.
    pub conversational: bool,
    /// The lead asked for this contact now ("call me"): waives the channel gap.
    pub lead_requested: bool,
}

/// Where the lead may be.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Candidate zones, deduplicated.
    pub zones: Vec<Tz>,
    /// Where each candidate came from.
    pub sources: Vec<String>,
    /// States whose rules apply (recorded and area-code states).
    pub states: Vec<UsState>,
}

/// Finds the candidate zones and states for a lead.
pub fn place(lead: &LeadContext) -> Placement {
    let mut zones = Vec::new();
    let mut sources = Vec::new();
    let mut states = Vec::new();
    if let Some(tz) = lead.timezone {
        zones.push(tz.tz());
        sources.push(format!("lead record: {}", tz.name()));
    }
    match nanp::area_code(&lead.phone) {
        Some(area) => {
            zones.extend(area.zones.iter().copied());
            let npa = lead.phone.nanp_area_code().unwrap_or_default();
            sources.push(format!(
                "area code {npa}: {}",
                area.zones.iter().map(|z| z.name()).collect::<Vec<_>>().join(", ")
            ));
            states.extend(area.state);
        }
        None if lead.timezone.is_none() => {
            zones.extend(nanp::ALL_US_ZONES.iter().copied());
            sources.push("number not placeable: every US zone".to_owned());
        }
        None => {}
    }
    states.extend(lead.state);
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    states.sort();
    states.dedup();
    Placement { zones, sources, states }
}

/// The gate's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct GateDecision {
    /// Allowed now, blocked, or rescheduled.
    pub verdict: Verdict,
    /// When the contact may happen: `now` if allowed, the earliest allowed instant if
    /// rescheduled, none if blocked.
    pub at: Option<DateTime<Utc>>,
    /// Every rule consulted.
    pub reasons: Vec<Reason>,
    /// The candidate zones used.
    pub placement: Placement,
}

/// The day-and-hour rules that apply to one lead, the same in each candidate zone.
#[derive(Debug, Clone)]
struct TimeRules<'a> {
    window: Window,
    no_sunday: bool,
    no_holidays: bool,
    days: Option<&'a [Weekday]>,
    extra_holidays: &'a [NaiveDate],
}

impl TimeRules<'_> {
    fn day_ok(&self, date: NaiveDate) -> bool {
        let sunday = self.no_sunday && date.weekday() == Weekday::Sun;
        let holiday = self.no_holidays && is_holiday(date, self.extra_holidays);
        !sunday && !holiday && self.days.is_none_or(|d| d.contains(&date.weekday()))
    }

    fn ok_at(&self, tz: Tz, t: DateTime<Utc>) -> bool {
        let local = t.with_timezone(&tz);
        self.window.contains(local.time()) && self.day_ok(local.date_naive())
    }

    /// The first instant at or after `t` allowed in `tz`.
    fn next_open(&self, tz: Tz, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let today = t.with_timezone(&tz).date_naive();
        (0..=HORIZON_DAYS).find_map(|i| {
            let date = today + Duration::days(i);
            if !self.day_ok(date) {
                return None;
            }
            let start = local_instant(tz, date, self.window.start)?;
            let candidate = start.max(t);
            let local = candidate.with_timezone(&tz);
            (local.date_naive() == date && self.window.contains(local.time())).then_some(candidate)
        })
    }

    /// The first instant at or after `from` (and `floor`) allowed in every zone.
    fn earliest(&self, zones: &[Tz], from: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let limit = from + Duration::days(HORIZON_DAYS);
        let mut t = from;
        // Each pass moves `t` to the next opening of a zone that was closed; windows of real
        // zones overlap within a few passes, so the bound is only a guard.
        for _ in 0..64 {
            let mut moved = false;
            for &tz in zones {
                if !self.ok_at(tz, t) {
                    t = self.next_open(tz, t)?;
                    moved = true;
                }
            }
            if !moved {
                return Some(t);
            }
            if t > limit {
                return None;
            }
        }
        None
    }
}

/// A local wall-clock time on a date; a time skipped by a DST change maps to just after it.
fn local_instant(tz: Tz, date: NaiveDate, time: chrono::NaiveTime) -> Option<DateTime<Utc>> {
    let naive = date.and_time(time);
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| tz.from_local_datetime(&(naive + Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
}

fn reason(rule: impl Into<String>, passed: bool, detail: impl Into<String>, inputs: Value) -> Reason {
    let inputs = match inputs {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Reason { rule: rule.into(), passed, detail: detail.into(), inputs }
}

/// When a rolling-window cap frees up: `max` attempts matching `counts` within `window`
/// before `now`. Returns `now` when under the cap.
fn cap_free_at(
    state: &ConversationState,
    now: DateTime<Utc>,
    window: Duration,
    max: u32,
    counts: impl Fn(&domain::state::Attempt) -> bool,
) -> (usize, DateTime<Utc>) {
    let recent: Vec<DateTime<Utc>> =
        state.outbound.iter().filter(|a| counts(a) && a.at > now - window && a.at <= now).map(|a| a.at).collect();
    let max = max as usize;
    if recent.len() < max {
        return (recent.len(), now);
    }
    // The attempt that has to age out for one more to fit.
    (recent.len(), recent[recent.len() - max] + window)
}

fn local_times(zones: &[Tz], t: DateTime<Utc>) -> Value {
    let map: Map<String, Value> = zones
        .iter()
        .map(|z| (z.name().to_owned(), Value::String(t.with_timezone(z).format("%Y-%m-%d %H:%M %Z %a").to_string())))
        .collect();
    Value::Object(map)
}

/// The gate.
#[derive(Debug, Clone, Copy)]
pub struct Gate<'a> {
    /// Legal rules.
    pub rules: &'a Rules,
    /// Campaign rules.
    pub campaign: &'a CampaignPolicy,
}

impl Gate<'_> {
    /// Judges one contact at `now`.
    pub fn check(
        &self,
        lead: &LeadContext,
        state: &ConversationState,
        contact: &Contact,
        now: DateTime<Utc>,
    ) -> GateDecision {
        let placement = place(lead);
        let mut reasons = Vec::new();
        let mut blocked = false;
        let channel = contact.channel;

        // Do not contact: internal list, status, revocation everywhere.
        let dnc = lead.internal_dnc || state.status == Some(ConversationStatus::Dnc) || state.opted_out();
        blocked |= dnc;
        reasons.push(reason(
            "internal_dnc",
            !dnc,
            if dnc { "lead is on the internal do-not-contact list or opted out" } else { "not on the internal list" },
            json!({"internal_list": lead.internal_dnc, "status": state.status, "opted_out": state.opted_out()}),
        ));

        // Consent on this channel, strong enough for automated contact.
        let consent = state.consent.get(&channel).cloned().unwrap_or_default();
        let needs_written = contact.automated && self.campaign.require_express_written;
        let consent_ok = consent.granted() && (!needs_written || consent.kind == Some(ConsentKind::ExpressWritten));
        blocked |= !consent_ok;
        let detail = match (consent.granted(), consent.revoked_at) {
            (false, Some(at)) => format!("consent on {channel} revoked at {at}"),
            (false, None) => format!("no consent on {channel}"),
            (true, _) if !consent_ok => "automated contact needs express written consent".to_owned(),
            (true, _) => format!("{channel} consent in force"),
        };
        reasons.push(reason(
            format!("consent_{channel}"),
            consent_ok,
            detail,
            json!({"consent_ids": consent.active, "kind": consent.kind, "revoked_at": consent.revoked_at, "requires_express_written": needs_written}),
        ));

        // "Text me, don't call."
        if channel == Channel::Voice {
            blocked |= state.text_only;
            reasons.push(reason(
                "lead_prefers_text",
                !state.text_only,
                if state.text_only { "the lead asked not to be called" } else { "no preference against calls" },
                json!({"text_only": state.text_only}),
            ));
        }

        // National registry: express written consent overrides a listing; a stale scrub does not count.
        let written = consent.kind == Some(ConsentKind::ExpressWritten) && consent.granted();
        let (dnc_ok, dnc_detail) = match lead.national_dnc {
            None => (true, "no national registry configured; not checked".to_owned()),
            Some(check) if now - check.checked_at > Duration::days(self.rules.dnc_max_age_days) => {
                (written, format!("registry scrub older than {} days", self.rules.dnc_max_age_days))
            }
            Some(check) if check.listed => (written, "listed on the national registry".to_owned()),
            Some(_) => (true, "not listed on the national registry".to_owned()),
        };
        blocked |= !dnc_ok;
        reasons.push(reason(
            "national_dnc",
            dnc_ok,
            dnc_detail,
            json!({"check": lead.national_dnc.map(|c| json!({"listed": c.listed, "checked_at": c.checked_at})), "express_written": written}),
        ));

        // Never two channels at once.
        let busy = state.calls.active.is_some();
        blocked |= busy;
        reasons.push(reason(
            "one_channel_at_a_time",
            !busy,
            if busy { "a call is in progress" } else { "no call in progress" },
            json!({"active_call": state.calls.active}),
        ));

        // Time rules, in every candidate zone.
        let time = self.time_rules(&placement);
        let mut floor = now;
        let zones_json = json!(placement.zones.iter().map(|z| z.name()).collect::<Vec<_>>());
        let in_window = placement.zones.iter().all(|z| time.ok_at(*z, now));
        reasons.push(reason(
            "contact_window",
            in_window,
            format!("{} in every candidate zone{}", time.window, self.day_rule_text(&time)),
            json!({
                "window": time.window.to_string(), "zones": zones_json, "zone_sources": placement.sources,
                "local_times": local_times(&placement.zones, now), "states": placement.states.iter().map(|s| s.code()).collect::<Vec<_>>(),
                "citations": self.citations(&placement),
            }),
        ));

        // Caps: campaign per channel, state, marketing SMS per month.
        let day = Duration::hours(24);
        let mut caps: Vec<(String, u32, Duration, Vec<Channel>, bool)> = Vec::new();
        match channel {
            Channel::Sms => {
                if let Some(max) = self.campaign.sms_per_24h {
                    caps.push(("cap_sms_24h".into(), max, day, vec![Channel::Sms], false));
                }
                if !contact.conversational {
                    caps.push((
                        "cap_marketing_sms_30d".into(),
                        self.campaign.marketing_sms_per_month,
                        Duration::days(30),
                        vec![Channel::Sms],
                        true,
                    ));
                }
            }
            Channel::Voice => {
                if let Some(max) = self.campaign.calls_per_24h {
                    caps.push(("cap_calls_24h".into(), max, day, vec![Channel::Voice], false));
                }
            }
        }
        for s in &placement.states {
            if let Some(cap) = self.rules.states.get(s.code()).and_then(|r| r.cap_24h.as_ref())
                && cap.channels.contains(&channel)
            {
                caps.push((format!("state_cap_{}", s.code()), cap.max, day, cap.channels.clone(), false));
            }
        }
        for (rule, max, window, channels, marketing_only) in caps {
            let (count, free_at) = cap_free_at(state, now, window, max, |a| {
                channels.contains(&a.channel) && (!marketing_only || a.marketing)
            });
            floor = floor.max(free_at);
            reasons.push(reason(
                rule,
                free_at <= now,
                format!("{count} of {max} in the last {} h", window.num_hours()),
                json!({"count": count, "max": max, "window_hours": window.num_hours(), "frees_at": (free_at > now).then_some(free_at)}),
            ));
        }

        // Gap between channels.
        let other = match channel {
            Channel::Sms => Channel::Voice,
            Channel::Voice => Channel::Sms,
        };
        let gap = Duration::seconds(self.campaign.channel_gap_secs);
        let last_other = state.last_outbound.get(&other).copied();
        let gap_until = last_other.map(|t| t + gap).filter(|until| *until > now && !contact.lead_requested);
        if let Some(until) = gap_until {
            floor = floor.max(until);
        }
        reasons.push(reason(
            "channel_gap",
            gap_until.is_none(),
            match (gap_until, contact.lead_requested) {
                (_, true) => "the lead asked for this contact: gap waived".to_owned(),
                (Some(until), _) => format!("last {other} at {}; {} s gap until {until}", last_other.unwrap_or(now), gap.num_seconds()),
                (None, _) => format!("no {other} within {} s", gap.num_seconds()),
            },
            json!({"last_other_channel": last_other, "gap_secs": gap.num_seconds(), "lead_requested": contact.lead_requested}),
        ));

        if blocked {
            return GateDecision { verdict: Verdict::Blocked, at: None, reasons, placement };
        }
        match time.earliest(&placement.zones, floor) {
            Some(at) if at == now => GateDecision { verdict: Verdict::Allowed, at: Some(at), reasons, placement },
            Some(at) => {
                reasons.push(reason(
                    "rescheduled",
                    true,
                    format!("earliest instant every rule allows: {at}"),
                    json!({"at": at, "local_times": local_times(&placement.zones, at)}),
                ));
                GateDecision { verdict: Verdict::Rescheduled, at: Some(at), reasons, placement }
            }
            None => {
                reasons.push(reason(
                    "no_allowed_time",
                    false,
                    format!("no instant within {HORIZON_DAYS} days satisfies every rule"),
                    json!({}),
                ));
                GateDecision { verdict: Verdict::Blocked, at: None, reasons, placement }
            }
        }
    }

    fn time_rules(&self, placement: &Placement) -> TimeRules<'_> {
        let mut t = TimeRules {
            window: self.rules.federal,
            no_sunday: false,
            no_holidays: false,
            days: self.campaign.days.as_deref(),
            extra_holidays: &self.rules.extra_holidays,
        };
        for s in &placement.states {
            if let Some(rule) = self.rules.states.get(s.code()) {
                if let Some(w) = rule.window {
                    t.window = t.window.intersect(w);
                }
                t.no_sunday |= rule.no_sunday;
                t.no_holidays |= rule.no_holidays;
            }
        }
        if let Some(w) = self.campaign.window {
            t.window = t.window.intersect(w);
        }
        t
    }

    fn day_rule_text(&self, t: &TimeRules<'_>) -> String {
        let mut parts = Vec::new();
        if t.no_sunday {
            parts.push("no Sundays");
        }
        if t.no_holidays {
            parts.push("no holidays");
        }
        if t.days.is_some() {
            parts.push("campaign days only");
        }
        if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
    }

    fn citations(&self, placement: &Placement) -> Vec<String> {
        let mut c = vec![self.rules.federal_citation.clone()];
        c.extend(
            placement
                .states
                .iter()
                .filter_map(|s| self.rules.states.get(s.code()).map(|r| format!("{}: {}", s.code(), r.citation))),
        );
        if self.campaign.window.is_some() || self.campaign.days.is_some() {
            c.push("campaign window".to_owned());
        }
        c
    }
}
