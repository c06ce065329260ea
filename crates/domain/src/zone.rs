//! Where a lead is: IANA time zone and US state, both parsed at the boundary.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The text was not an IANA time-zone name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an IANA time zone (for example America/Chicago)")]
pub struct TimeZoneError;

/// An IANA time zone such as `America/New_York`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    /// Parses an IANA zone name; case and surrounding spaces are forgiven.
    pub fn parse(input: &str) -> Result<Self, TimeZoneError> {
        let trimmed = input.trim();
        chrono_tz::Tz::from_str(trimmed)
            .or_else(|_| chrono_tz::Tz::from_str_insensitive(trimmed))
            .map(Self)
            .map_err(|_| TimeZoneError)
    }

    /// The zone for local-time arithmetic.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }

    /// The canonical IANA name.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

impl From<chrono_tz::Tz> for TimeZone {
    fn from(tz: chrono_tz::Tz) -> Self {
        Self(tz)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZone({})", self.name())
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        TimeZone::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The text was not a US state or territory code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a two-letter US state or territory code (for example FL)")]
pub struct StateError;

/// Two-letter USPS codes of the states, DC and the inhabited territories.
const US_STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
];

/// A US state (or DC, or a territory) by its USPS code; state law adds contact rules.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UsState(&'static str);

impl UsState {
    /// Parses a two-letter code, any case.
    pub fn parse(input: &str) -> Result<Self, StateError> {
        let upper = input.trim().to_ascii_uppercase();
        US_STATES.iter().find(|code| **code == upper).map(|code| Self(code)).ok_or(StateError)
    }

    /// The USPS code, upper case.
    pub fn code(&self) -> &'static str {
        self.0
    }
}

impl fmt::Display for UsState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for UsState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UsState({})", self.0)
    }
}

impl Serialize for UsState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for UsState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        UsState::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_by_iana_name() {
        assert_eq!(TimeZone::parse("America/Chicago").unwrap().name(), "America/Chicago");
        assert_eq!(TimeZone::parse(" america/new_york ").unwrap().name(), "America/New_York");
        assert_eq!(TimeZone::parse("Mars/Olympus"), Err(TimeZoneError));
        assert_eq!(TimeZone::parse("EST5EDT").unwrap().name(), "EST5EDT");
    }

    #[test]
    fn states_parse_by_code() {
        assert_eq!(UsState::parse("fl").unwrap().code(), "FL");
        assert_eq!(UsState::parse("DC").unwrap().code(), "DC");
        assert_eq!(UsState::parse("XX"), Err(StateError));
        assert_eq!(UsState::parse("Florida"), Err(StateError));
    }
}
