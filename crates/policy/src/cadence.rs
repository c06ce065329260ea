//! Cadences as data: the steps a campaign takes to reach a lead, read from the campaign's
//! `cadence` object. Either a named strategy or explicit steps:
//!
//! ```json
//! {"strategy": "text_first"}
//! {"steps": [
//!    {"id": "intro", "action": "sms", "template": "intro", "delay_secs": 0},
//!    {"id": "call_1", "action": "call", "delay_secs": 300},
//!    {"id": "missed_call", "action": "sms", "template": "missed_call", "delay_secs": 60,
//!     "after_call": ["voicemail", "no_answer", "busy"]}
//!  ]}
//! ```
//!
//! A step runs `delay_secs` after the previous step ran (after the lead arrived for the first
//! step; after the call ended when the previous step was a call). A step with `after_call` runs
//! only if the previous call ended that way, and is skipped otherwise. The cadence stops when
//! the lead replies, a call is answered by a person, the lead opts out or the conversation is
//! closed or handed to a person; from then on the conversation, not the cadence, leads.

use domain::vocab::CallOutcome;
use domain::{Channel, ValidationError};
use serde::{Deserialize, Serialize};

/// What a step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    /// Send an SMS from `template`.
    Sms,
    /// Place a call (bridged to the campaign's bot).
    Call,
}

impl StepAction {
    /// The channel it uses.
    pub fn channel(self) -> Channel {
        match self {
            StepAction::Sms => Channel::Sms,
            StepAction::Call => Channel::Voice,
        }
    }
}

/// One step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the cadence; recorded on the timeline.
    pub id: String,
    /// SMS or call.
    pub action: StepAction,
    /// Message template name (SMS steps).
    #[serde(default)]
    pub template: Option<String>,
    /// Seconds after the previous step (or the trigger).
    #[serde(default)]
    pub delay_secs: i64,
    /// Run only if the previous call ended one of these ways.
    #[serde(default)]
    pub after_call: Option<Vec<CallOutcome>>,
}

/// A whole cadence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cadence {
    /// Named strategy, if it came from one.
    pub strategy: Option<String>,
    /// Steps in order.
    pub steps: Vec<Step>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CadenceInput {
    strategy: Option<String>,
    steps: Option<Vec<Step>>,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const MISSED: [CallOutcome; 4] =
    [CallOutcome::Voicemail, CallOutcome::NoAnswer, CallOutcome::Busy, CallOutcome::Failed];

fn sms(id: &str, template: &str, delay_secs: i64) -> Step {
    Step { id: id.into(), action: StepAction::Sms, template: Some(template.into()), delay_secs, after_call: None }
}

fn call(id: &str, delay_secs: i64) -> Step {
    Step { id: id.into(), action: StepAction::Call, template: None, delay_secs, after_call: None }
}

fn missed_call_sms(id: &str, delay_secs: i64) -> Step {
    Step { after_call: Some(MISSED.to_vec()), ..sms(id, "missed_call", delay_secs) }
}

impl Cadence {
    /// Strategy names `simulate --strategy` and campaigns accept.
    pub const STRATEGIES: [&'static str; 3] = ["text_first", "call_first", "parallel"];

    /// A named strategy.
    pub fn strategy(name: &str) -> Option<Self> {
        let steps = match name.replace('-', "_").as_str() {
            // Speed-to-lead text, a call if no reply in 5 minutes, a text that references a
            // missed call, then calls and follow-ups spaced over a week. Four texts: the default
            // marketing cap is four a month (COMPLIANCE.md), and a default must fit it.
            "text_first" => vec![
                sms("intro", "intro", 0),
                call("call_1", 5 * MINUTE),
                missed_call_sms("missed_call_1", MINUTE),
                call("call_2", DAY),
                sms("follow_up_1", "follow_up", 2 * DAY),
                call("call_3", DAY),
                sms("last_chance", "last_chance", 3 * DAY),
            ],
            "call_first" => vec![
                call("call_1", 0),
                missed_call_sms("missed_call_1", MINUTE),
                call("call_2", 4 * HOUR),
                sms("follow_up_1", "follow_up", DAY),
                call("call_3", DAY),
                missed_call_sms("missed_call_3", MINUTE),
                sms("last_chance", "last_chance", 3 * DAY),
            ],
            // Both channels at once; the channel-gap rule spaces them by its minimum.
            "parallel" => vec![
                sms("intro", "intro", 0),
                call("call_1", 0),
                missed_call_sms("missed_call_1", MINUTE),
                sms("follow_up_1", "follow_up", DAY),
                call("call_2", 0),
                sms("last_chance", "last_chance", 3 * DAY),
            ],
            _ => return None,
        };
        Some(Self { strategy: Some(name.replace('-', "_")), steps })
    }

    /// Reads a campaign's `cadence` object; `{}` means `text_first`.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, ValidationError> {
        let input: CadenceInput = serde_json::from_value(value.clone()).map_err(|e| {
            ValidationError::new("cadence", "invalid_field", domain::validation::redact_serde_message(&e.to_string()))
        })?;
        let cadence = match (input.strategy, input.steps) {
            (Some(_), Some(_)) => {
                return Err(ValidationError::new("cadence", "ambiguous_cadence", "give a strategy or steps, not both"));
            }
            (None, Some(steps)) => Self { strategy: None, steps },
            (name, None) => {
                let name = name.unwrap_or_else(|| "text_first".into());
                Self::strategy(&name).ok_or_else(|| {
                    ValidationError::new(
                        "cadence.strategy",
                        "unknown_strategy",
                        "use text_first, call_first or parallel",
                    )
                })?
            }
        };
        cadence.validate()?;
        Ok(cadence)
    }

    fn validate(&self) -> Result<(), ValidationError> {
        if self.steps.is_empty() {
            return Err(ValidationError::new("cadence.steps", "empty_cadence", "at least one step"));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, step) in self.steps.iter().enumerate() {
            let field = format!("cadence.steps[{i}]");
            let ok_id = !step.id.is_empty()
                && step.id.len() <= 64
                && step.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !ok_id || !seen.insert(step.id.as_str()) {
                return Err(ValidationError::new(
                    format!("{field}.id"),
                    "invalid_step_id",
                    "unique, 1-64 letters, digits, _ or -",
                ));
            }
            if !(0..=30 * DAY).contains(&step.delay_secs) {
                return Err(ValidationError::new(
                    format!("{field}.delay_secs"),
                    "out_of_range",
                    "between 0 and 30 days",
                ));
            }
            if step.action == StepAction::Sms && step.template.as_deref().is_none_or(str::is_empty) {
                return Err(ValidationError::missing(format!("{field}.template")));
            }
        }
        Ok(())
    }

    /// The step after `id` (the first step if `None`).
    pub fn after(&self, id: Option<&str>) -> Option<(usize, &Step)> {
        let start = match id {
            None => 0,
            Some(id) => self.steps.iter().position(|s| s.id == id)? + 1,
        };
        self.steps.get(start).map(|s| (start, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strategies_and_explicit_steps_parse() {
        for name in Cadence::STRATEGIES {
            let c = Cadence::from_json(&json!({"strategy": name})).unwrap();
            assert!(c.steps.len() >= 5, "{name}");
        }
        assert_eq!(Cadence::from_json(&json!({})).unwrap().strategy.as_deref(), Some("text_first"));
        let c = Cadence::from_json(&json!({"steps": [
            {"id": "a", "action": "sms", "template": "intro"},
            {"id": "b", "action": "call", "delay_secs": 600},
            {"id": "c", "action": "sms", "template": "missed_call", "after_call": ["voicemail"]}
        ]}))
        .unwrap();
        assert_eq!(c.after(Some("a")).unwrap().1.id, "b");
        assert_eq!(c.after(None).unwrap().0, 0);
        assert!(c.after(Some("c")).is_none());
    }

    #[test]
    fn bad_cadences_name_the_field() {
        let cases = [
            (json!({"strategy": "spam_everyone"}), "cadence.strategy"),
            (json!({"steps": []}), "cadence.steps"),
            (json!({"steps": [{"id": "a", "action": "sms"}]}), "cadence.steps[0].template"),
            (json!({"steps": [{"id": "a", "action": "call"}, {"id": "a", "action": "call"}]}), "cadence.steps[1].id"),
            (json!({"steps": [{"id": "a", "action": "call", "delay_secs": -1}]}), "cadence.steps[0].delay_secs"),
            (json!({"steps": [{"id": "a", "action": "fax"}]}), "cadence"),
        ];
        for (body, field) in cases {
            assert_eq!(Cadence::from_json(&body).unwrap_err().field, field, "{body}");
        }
    }
}
