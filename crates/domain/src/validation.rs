//! The one error every boundary parser returns: which field, a stable code, a human sentence.

/// Input refused at the boundary. `field` is a path such as `consent[0].captured_at`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// Dotted path of the offending field.
    pub field: String,
    /// Stable snake_case code for programs (`invalid_phone`, `missing_field`, …).
    pub code: &'static str,
    /// A sentence for people; never echoes the rejected value (it may be personal data).
    pub message: String,
}

impl ValidationError {
    /// Builds an error for one field.
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), code, message: message.into() }
    }

    /// A required field was absent or empty.
    pub fn missing(field: impl Into<String>) -> Self {
        Self::new(field, "missing_field", "this field is required")
    }

    /// Prefixes the field path, for errors from a nested structure (`consent[2]` + `.text`).
    pub fn within(mut self, prefix: &str) -> Self {
        self.field = if self.field.is_empty() {
            prefix.to_owned()
        } else if self.field.starts_with('[') {
            format!("{prefix}{}", self.field)
        } else {
            format!("{prefix}.{}", self.field)
        };
        self
    }
}

/// Rewrites a serde error message so it names what was expected but never repeats the value
/// that was sent (it may be personal data): "invalid type: string \"+1415…\", expected u16"
/// becomes "invalid type: expected u16"; "unknown variant `x`, expected one of …" keeps only
/// the expected list. Position suffixes ("at line 1 column 9") are dropped.
pub fn redact_serde_message(raw: &str) -> String {
    let text = raw.split(" at line ").next().unwrap_or(raw);
    let expected = text.rsplit_once(", expected ").map(|(_, e)| e);
    for kind in ["invalid type", "invalid value", "invalid length", "unknown variant"] {
        if text.starts_with(kind) {
            return match expected {
                Some(e) => format!("{kind}: expected {e}"),
                None => kind.to_owned(),
            };
        }
    }
    if text.starts_with("missing field") || text.starts_with("unknown field") || text.starts_with("duplicate field") {
        // These name a field of our schema, not a value.
        return text.to_owned();
    }
    "invalid value".to_owned()
}

/// Returns the trimmed text if present and non-empty and at most `max` characters.
pub fn required_text(field: &str, value: Option<&str>, max: usize) -> Result<String, ValidationError> {
    let text = value.map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| ValidationError::missing(field))?;
    bounded_text(field, text, max)
}

/// Returns the trimmed text if present, or `None`; too long is an error.
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>, ValidationError> {
    match value.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => bounded_text(field, text, max).map(Some),
    }
}

fn bounded_text(field: &str, text: &str, max: usize) -> Result<String, ValidationError> {
    if text.chars().count() > max {
        return Err(ValidationError::new(field, "too_long", format!("at most {max} characters")));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(ValidationError::new(field, "invalid_characters", "control characters are not allowed"));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_compose() {
        let e = ValidationError::missing("captured_at").within("[0]").within("consent");
        assert_eq!(e.field, "consent[0].captured_at");
    }

    #[test]
    fn serde_messages_never_repeat_values() {
        let cases = [
            ("invalid type: string \"+14155550100\", expected u16 at line 1 column 9", "invalid type: expected u16"),
            (
                "unknown variant `bilbo@example.com`, expected `twilio` or `telnyx`",
                "unknown variant: expected `twilio` or `telnyx`",
            ),
            ("missing field `from_number`", "missing field `from_number`"),
            ("not a valid phone number: +1415", "invalid value"),
        ];
        for (raw, want) in cases {
            assert_eq!(redact_serde_message(raw), want);
        }
    }

    #[test]
    fn text_rules() {
        assert_eq!(required_text("name", Some("  Ann "), 10).unwrap(), "Ann");
        assert_eq!(required_text("name", Some("   "), 10).unwrap_err().code, "missing_field");
        assert_eq!(required_text("name", Some("abcdefghijk"), 10).unwrap_err().code, "too_long");
        assert_eq!(optional_text("name", None, 10).unwrap(), None);
        assert_eq!(optional_text("name", Some("a\u{0}b"), 10).unwrap_err().code, "invalid_characters");
    }
}
