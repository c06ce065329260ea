//! A campaign's own rules, stricter than the law: its window and days, its caps, the gap
//! between channels. Read from the campaign's `windows` and `caps` objects.

use chrono::Weekday;
use domain::{Campaign, ValidationError};
use serde::Deserialize;

use crate::rules::Window;

/// Default minimum gap between an SMS and a call (COMPLIANCE.md).
pub const DEFAULT_CHANNEL_GAP_SECS: i64 = 120;
/// Default marketing SMS per rolling 30 days (COMPLIANCE.md: 2–4).
pub const DEFAULT_MARKETING_SMS_PER_MONTH: u32 = 4;

/// The campaign's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignPolicy {
    /// Daily window in the lead's local time, if stricter than the law.
    pub window: Option<Window>,
    /// Allowed weekdays (all if `None`).
    pub days: Option<Vec<Weekday>>,
    /// SMS per rolling 24 hours.
    pub sms_per_24h: Option<u32>,
    /// Calls per rolling 24 hours.
    pub calls_per_24h: Option<u32>,
    /// Marketing SMS per rolling 30 days; replies to the lead's own messages do not count.
    pub marketing_sms_per_month: u32,
    /// Seconds between an SMS and a call (either order) unless the lead asked.
    pub channel_gap_secs: i64,
    /// Automated contact needs express written consent (true unless counsel says otherwise).
    pub require_express_written: bool,
    /// How long the SMS agent collects a burst of inbound messages before answering once.
    pub agent_window: chrono::Duration,
}

impl Default for CampaignPolicy {
    fn default() -> Self {
        Self {
            window: None,
            days: None,
            sms_per_24h: None,
            calls_per_24h: None,
            marketing_sms_per_month: DEFAULT_MARKETING_SMS_PER_MONTH,
            channel_gap_secs: DEFAULT_CHANNEL_GAP_SECS,
            require_express_written: true,
            agent_window: chrono::Duration::seconds(i64::from(domain::campaign::DEFAULT_BATCH_WINDOW_SECS)),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WindowsInput {
    #[serde(default, with = "opt_hhmm")]
    start: Option<chrono::NaiveTime>,
    #[serde(default, with = "opt_hhmm")]
    end: Option<chrono::NaiveTime>,
    days: Option<Vec<String>>,
    weekends: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CapsInput {
    sms_per_24h: Option<u32>,
    calls_per_24h: Option<u32>,
    marketing_sms_per_month: Option<u32>,
    channel_gap_secs: Option<i64>,
    require_express_written: Option<bool>,
}

mod opt_hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| NaiveTime::parse_from_str(&t, "%H:%M").map_err(|_| serde::de::Error::custom("expected HH:MM")))
            .transpose()
    }
}

fn weekday(text: &str) -> Option<Weekday> {
    match text.to_ascii_lowercase().get(..3)? {
        "mon" => Some(Weekday::Mon),
        "tue" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

impl CampaignPolicy {
    /// Reads `windows` (`{"start":"10:00","end":"20:00","days":["mon",…]}` or
    /// `"weekends": false`) and `caps` (`sms_per_24h`, `calls_per_24h`,
    /// `marketing_sms_per_month`, `channel_gap_secs`, `require_express_written`).
    pub fn from_campaign(campaign: &Campaign) -> Result<Self, ValidationError> {
        let policy = Self::from_json(&campaign.windows, &campaign.caps)?;
        Ok(Self { agent_window: campaign.agent.batch_window(), ..policy })
    }

    /// As `from_campaign`, from the two JSON objects.
    pub fn from_json(windows: &serde_json::Value, caps: &serde_json::Value) -> Result<Self, ValidationError> {
        let bad = |field: &str, e: serde_json::Error| {
            ValidationError::new(field, "invalid_field", domain::validation::redact_serde_message(&e.to_string()))
        };
        let w: WindowsInput = serde_json::from_value(windows.clone()).map_err(|e| bad("windows", e))?;
        let c: CapsInput = serde_json::from_value(caps.clone()).map_err(|e| bad("caps", e))?;
        let window = match (w.start, w.end) {
            (None, None) => None,
            (Some(start), Some(end)) if start < end => Some(Window { start, end }),
            (Some(_), Some(_)) => {
                return Err(ValidationError::new("windows", "empty_window", "start must be before end"));
            }
            _ => return Err(ValidationError::new("windows", "missing_field", "give both start and end")),
        };
        let mut days = match w.days {
            None => None,
            Some(list) => Some(
                list.iter()
                    .map(|d| {
                        weekday(d)
                            .ok_or_else(|| ValidationError::new("windows.days", "invalid_day", "use mon, tue, … sun"))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        if w.weekends == Some(false) {
            let all = days.unwrap_or_else(|| {
                vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
            });
            days = Some(all.into_iter().filter(|d| !matches!(d, Weekday::Sat | Weekday::Sun)).collect());
        }
        if days.as_ref().is_some_and(Vec::is_empty) {
            return Err(ValidationError::new("windows.days", "empty_window", "no day is allowed"));
        }
        let gap = c.channel_gap_secs.unwrap_or(DEFAULT_CHANNEL_GAP_SECS);
        if !(0..=86_400).contains(&gap) {
            return Err(ValidationError::new("caps.channel_gap_secs", "out_of_range", "between 0 and 86400"));
        }
        Ok(Self {
            window,
            days,
            sms_per_24h: c.sms_per_24h,
            calls_per_24h: c.calls_per_24h,
            marketing_sms_per_month: c.marketing_sms_per_month.unwrap_or(DEFAULT_MARKETING_SMS_PER_MONTH),
            channel_gap_secs: gap,
            require_express_written: c.require_express_written.unwrap_or(true),
            ..Self::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn windows_and_caps_parse() {
        let p = CampaignPolicy::from_json(
            &json!({"start": "10:00", "end": "20:00", "weekends": false}),
            &json!({"calls_per_24h": 2, "marketing_sms_per_month": 3}),
        )
        .unwrap();
        assert_eq!(p.window.unwrap().to_string(), "10:00–20:00");
        assert_eq!(p.days.unwrap().len(), 5);
        assert_eq!((p.calls_per_24h, p.marketing_sms_per_month, p.channel_gap_secs), (Some(2), 3, 120));
        assert_eq!(CampaignPolicy::from_json(&json!({}), &json!({})).unwrap(), CampaignPolicy::default());
    }

    #[test]
    fn bad_rules_name_the_field() {
        let cases = [
            (json!({"start": "20:00", "end": "10:00"}), json!({}), "windows"),
            (json!({"start": "10:00"}), json!({}), "windows"),
            (json!({"days": ["funday"]}), json!({}), "windows.days"),
            (json!({"strat": "10:00"}), json!({}), "windows"),
            (json!({}), json!({"channel_gap_secs": -5}), "caps.channel_gap_secs"),
        ];
        for (w, c, field) in cases {
            assert_eq!(CampaignPolicy::from_json(&w, &c).unwrap_err().field, field, "{w} {c}");
        }
    }
}
