//! Qualification facts: named slots with values the AI, an agent or a bot learned.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::validation::ValidationError;

/// A fact's name: lower-case snake case, 1–64 characters (`need`, `callback_time`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot(String);

/// Slots an agent looks for first, in this order; others follow alphabetically.
pub const PRIMARY_SLOTS: [&str; 6] = ["need", "timeline", "budget", "authority", "callback_time", "product"];

impl Slot {
    /// Parses a slot name.
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        let ok = !input.is_empty()
            && input.len() <= 64
            && input.starts_with(|c: char| c.is_ascii_lowercase())
            && input.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(input.to_owned()))
        } else {
            Err(ValidationError::new(
                "slot",
                "invalid_slot",
                "must be snake_case, 1-64 characters, starting with a letter",
            ))
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Sort key putting the primary qualification slots first.
    pub fn display_rank(&self) -> (usize, &str) {
        let rank = PRIMARY_SLOTS.iter().position(|p| *p == self.0).unwrap_or(PRIMARY_SLOTS.len());
        (rank, &self.0)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Slot({})", self.0)
    }
}

impl Serialize for Slot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slot::parse(&text).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// Longest string value a fact may hold.
const MAX_FACT_TEXT: usize = 1_000;

/// Checks a fact value: a non-empty string, a number or a boolean.
pub fn parse_fact_value(value: Value) -> Result<Value, ValidationError> {
    match &value {
        Value::String(s) if s.trim().is_empty() => Err(ValidationError::missing("value")),
        Value::String(s) if s.trim().chars().count() > MAX_FACT_TEXT => {
            Err(ValidationError::new("value", "too_long", "at most 1000 characters"))
        }
        Value::String(s) => Ok(Value::String(s.trim().to_owned())),
        Value::Number(_) | Value::Bool(_) => Ok(value),
        _ => Err(ValidationError::new("value", "invalid_type", "must be a string, number or boolean")),
    }
}

/// Checks a confidence: a finite number in 0..=1.
pub fn parse_confidence(field: &str, value: Option<f64>) -> Result<Option<f32>, ValidationError> {
    match value {
        None => Ok(None),
        Some(c) if c.is_finite() && (0.0..=1.0).contains(&c) => Ok(Some(c as f32)),
        Some(_) => Err(ValidationError::new(field, "out_of_range", "must be between 0 and 1")),
    }
}

/// Renders a fact value for a human line: strings bare, others as JSON.
pub fn fact_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn slots() {
        assert!(Slot::parse("callback_time").is_ok());
        for bad in ["", "Need", "1x", "a-b", &"x".repeat(65)] {
            assert!(Slot::parse(bad).is_err(), "{bad}");
        }
        assert!(Slot::parse("need").unwrap().display_rank() < Slot::parse("aardvark").unwrap().display_rank());
    }

    #[test]
    fn values() {
        assert_eq!(parse_fact_value(json!(" roof ")).unwrap(), json!("roof"));
        assert!(parse_fact_value(json!(12000)).is_ok());
        assert!(parse_fact_value(json!(null)).is_err());
        assert!(parse_fact_value(json!({"a": 1})).is_err());
        assert!(parse_fact_value(json!("")).is_err());
        assert_eq!(parse_confidence("c", Some(1.5)).unwrap_err().code, "out_of_range");
        assert_eq!(parse_confidence("c", Some(f64::NAN)).unwrap_err().code, "out_of_range");
    }
}
