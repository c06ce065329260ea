//! An audit of one contact against the rules, written apart from the gate: the gate searches
//! for allowed instants, this re-derives each rule naively at one instant. The simulator runs it
//! on every executed contact and the gate's property tests use it as their oracle, so a gate bug
//! shows up as a disagreement between the two.

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use domain::{Channel, ConversationState};

use crate::campaign::CampaignPolicy;
use crate::gate::{Contact, LeadContext, place};
use crate::holidays::is_holiday;
use crate::rules::Rules;

/// The rules `contact` at `at` would break, in words (empty: allowed).
pub fn audit(
    rules: &Rules,
    campaign: &CampaignPolicy,
    ctx: &LeadContext,
    state: &ConversationState,
    contact: &Contact,
    at: DateTime<Utc>,
) -> Vec<String> {
    let Contact { channel, conversational, lead_requested, .. } = *contact;
    let mut violations = Vec::new();
    let placement = place(ctx);
    let (mut start, mut end) = (rules.federal.start, rules.federal.end);
    let (mut no_sunday, mut no_holidays) = (false, false);
    for s in &placement.states {
        if let Some(r) = rules.states.get(s.code()) {
            if let Some(w) = r.window {
                start = start.max(w.start);
                end = end.min(w.end);
            }
            no_sunday |= r.no_sunday;
            no_holidays |= r.no_holidays;
        }
    }
    if let Some(w) = campaign.window {
        start = start.max(w.start);
        end = end.min(w.end);
    }
    for zone in &placement.zones {
        let local = at.with_timezone(zone);
        let day = local.date_naive();
        let bad_day = (no_sunday && day.weekday() == Weekday::Sun)
            || (no_holidays && is_holiday(day, &rules.extra_holidays))
            || campaign.days.as_ref().is_some_and(|d| !d.contains(&day.weekday()));
        if local.time() < start || local.time() >= end || bad_day {
            violations.push(format!("{channel} at {} in {}", local.format("%a %H:%M"), zone.name()));
        }
    }
    if !state.consent.get(&channel).is_some_and(|c| c.granted()) || state.opted_out() {
        violations.push(format!("{channel} without consent"));
    }
    if state.calls.active.is_some() {
        violations.push(format!("{channel} during a call"));
    }
    let other = if channel == Channel::Sms { Channel::Voice } else { Channel::Sms };
    if !lead_requested
        && state.last_outbound.get(&other).is_some_and(|t| at - *t < Duration::seconds(campaign.channel_gap_secs))
    {
        violations.push(format!("{channel} within the channel gap"));
    }
    let in_window = |chs: &[Channel], window: Duration, marketing: bool| {
        state
            .outbound
            .iter()
            .filter(|a| chs.contains(&a.channel) && a.at > at - window && (!marketing || a.marketing))
            .count()
    };
    if channel == Channel::Sms
        && !conversational
        && in_window(&[Channel::Sms], Duration::days(30), true) >= campaign.marketing_sms_per_month as usize
    {
        violations.push("marketing SMS over the monthly cap".into());
    }
    for s in &placement.states {
        if let Some(cap) =
            rules.states.get(s.code()).and_then(|r| r.cap_24h.as_ref()).filter(|c| c.channels.contains(&channel))
            && in_window(&cap.channels, Duration::hours(24), false) >= cap.max as usize
        {
            violations.push(format!("{} cap exceeded", s.code()));
        }
    }
    violations
}
