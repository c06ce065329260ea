//! The legal contact rules as data: the federal window and each state's additions. The
//! defaults encode COMPLIANCE.md; an operator can load a replacement table (JSON) when the law
//! or counsel's reading changes, and every decision cites the rule it applied.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use domain::Channel;
use serde::{Deserialize, Serialize};

/// A daily window `[start, end)` in the called party's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// First allowed local time.
    #[serde(with = "hhmm")]
    pub start: NaiveTime,
    /// First disallowed local time.
    #[serde(with = "hhmm")]
    pub end: NaiveTime,
}

impl Window {
    /// A window from hours and minutes.
    pub fn hm(start: (u32, u32), end: (u32, u32)) -> Self {
        Self {
            start: NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(end.0, end.1, 0).unwrap_or(NaiveTime::MIN),
        }
    }

    /// The overlap of two windows (may be empty: `start >= end`).
    pub fn intersect(self, other: Window) -> Window {
        Window { start: self.start.max(other.start), end: self.end.min(other.end) }
    }

    /// Whether `t` is inside.
    pub fn contains(&self, t: NaiveTime) -> bool {
        self.start <= t && t < self.end
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}–{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
    }
}

/// `"HH:MM"` (de)serialisation.
pub(crate) mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        let t = NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| serde::de::Error::custom("expected HH:MM"))?;
        Ok(t)
    }
}

/// A state's per-24-hours limit on attempts "on the same subject" (one campaign).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateCap {
    /// Attempts allowed in any rolling 24 hours.
    pub max: u32,
    /// Which channels count toward it (Florida: calls; Maryland: calls and texts).
    pub channels: Vec<Channel>,
}

/// What one state adds to the federal rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StateRule {
    /// Narrower window, if any.
    pub window: Option<Window>,
    /// No contact on Sundays.
    #[serde(default)]
    pub no_sunday: bool,
    /// No contact on holidays (federal holidays plus `Rules::extra_holidays`).
    #[serde(default)]
    pub no_holidays: bool,
    /// Attempts per rolling 24 hours.
    pub cap_24h: Option<StateCap>,
    /// The statute, for the audit.
    pub citation: String,
}

/// The whole legal table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// TCPA window, everywhere.
    pub federal: Window,
    /// Its citation.
    pub federal_citation: String,
    /// State additions by USPS code.
    pub states: BTreeMap<String, StateRule>,
    /// Holidays beyond the federal ones, for states with `no_holidays`.
    #[serde(default)]
    pub extra_holidays: Vec<NaiveDate>,
    /// A national DNC scrub older than this many days no longer counts (16 CFR 310.4(b)(3)(iv)).
    pub dnc_max_age_days: i64,
}

impl Default for Rules {
    /// COMPLIANCE.md as of 2026-11. Rows marked "check" there are included (the conservative
    /// reading) and say so in their citation.
    fn default() -> Self {
        let eight_to_eight = Some(Window::hm((8, 0), (20, 0)));
        let state = |window, no_sunday, no_holidays, cap: Option<(u32, &[Channel])>, citation: &str| StateRule {
            window,
            no_sunday,
            no_holidays,
            cap_24h: cap.map(|(max, channels)| StateCap { max, channels: channels.to_vec() }),
            citation: citation.to_owned(),
        };
        let calls: &[Channel] = &[Channel::Voice];
        let both: &[Channel] = &[Channel::Voice, Channel::Sms];
        let states = BTreeMap::from([
            ("FL".to_owned(), state(eight_to_eight, false, false, Some((3, calls)), "Fla. Stat. 501.616")),
            ("OK".to_owned(), state(eight_to_eight, false, false, Some((3, calls)), "15 O.S. §775C")),
            ("MD".to_owned(), state(eight_to_eight, false, false, Some((3, both)), "Md. Stop the Spam Calls Act 2023")),
            ("WA".to_owned(), state(eight_to_eight, false, false, None, "RCW 19.158.040")),
            ("AL".to_owned(), state(eight_to_eight, true, true, None, "Alabama telephone solicitation rules (check)")),
            (
                "LA".to_owned(),
                state(eight_to_eight, true, true, None, "Louisiana telephone solicitation rules (check)"),
            ),
            ("MS".to_owned(), state(None, true, false, None, "Mississippi telephone solicitation rules (check)")),
        ]);
        Self {
            federal: Window::hm((8, 0), (21, 0)),
            federal_citation: "TCPA, 47 CFR 64.1200(c)(1)".to_owned(),
            states,
            extra_holidays: vec![],
            dnc_max_age_days: 31,
        }
    }
}

/// An operator's rules table could not be read.
#[derive(Debug, thiserror::Error)]
#[error("rules table: {0}")]
pub struct RulesError(String);

impl Rules {
    /// Reads an operator-edited table (the same JSON shape `Rules` serialises to). Every state
    /// key must be a USPS code and every window non-empty.
    pub fn from_json(text: &str) -> Result<Self, RulesError> {
        let rules: Rules = serde_json::from_str(text).map_err(|e| RulesError(e.to_string()))?;
        if rules.federal.start >= rules.federal.end {
            return Err(RulesError("federal window is empty".into()));
        }
        for (code, rule) in &rules.states {
            domain::UsState::parse(code).map_err(|_| RulesError(format!("{code} is not a state code")))?;
            if rule.window.is_some_and(|w| w.start >= w.end) {
                return Err(RulesError(format!("{code}: window is empty")));
            }
        }
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_encode_the_compliance_table() {
        let r = Rules::default();
        assert_eq!(r.federal.to_string(), "08:00–21:00");
        assert_eq!(r.states["FL"].window.unwrap().to_string(), "08:00–20:00");
        assert_eq!(r.states["MD"].cap_24h.as_ref().unwrap().channels, vec![Channel::Voice, Channel::Sms]);
        assert!(r.states["AL"].no_sunday && r.states["AL"].no_holidays);
        assert!(r.states["MS"].no_sunday && r.states["MS"].window.is_none());
    }

    #[test]
    fn tables_round_trip_and_bad_ones_are_refused() {
        let text = serde_json::to_string(&Rules::default()).unwrap();
        assert_eq!(Rules::from_json(&text).unwrap(), Rules::default());
        let bad_state = text.replace("\"FL\"", "\"XX\"");
        assert!(Rules::from_json(&bad_state).is_err());
        let empty = text.replacen("\"21:00\"", "\"07:00\"", 1);
        assert!(Rules::from_json(&empty).is_err());
    }
}
