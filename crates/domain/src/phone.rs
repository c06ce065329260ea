//! Phone numbers, parsed once at the boundary into E.164 form.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Not a phone number at all.
    #[error("not a phone number")]
    Unparseable,
    /// Shaped like a number but not assigned in the numbering plan.
    #[error("not a valid phone number")]
    Invalid,
}

/// A valid phone number in E.164 form (`+14155550123`).
///
/// Accepts E.164 or US national formats (`(415) 555-0123`) on input and is always printed in
/// E.164. `Debug` masks all but the last four digits so a stray `{:?}` in a log line never
/// leaks a lead's number.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct E164 {
    text: String,
    country_code: u16,
}

impl E164 {
    /// Parses and validates a number; national numbers are read as US numbers.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() || trimmed.len() > 32 {
            return Err(PhoneError::Unparseable);
        }
        let number =
            phonenumber::parse(Some(phonenumber::country::Id::US), trimmed).map_err(|_| PhoneError::Unparseable)?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        let text = number.format().mode(phonenumber::Mode::E164).to_string();
        Ok(Self { text, country_code: number.code().value() })
    }

    /// The number as `+<country><national>`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The ITU country calling code (1 for the NANP).
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The three-digit area code of a NANP number (US, Canada, Caribbean), if it is one.
    pub fn nanp_area_code(&self) -> Option<&str> {
        (self.country_code == 1 && self.text.len() == 12).then(|| &self.text[2..5])
    }

    /// The last four digits, for masked display.
    pub fn last_four(&self) -> &str {
        &self.text[self.text.len().saturating_sub(4)..]
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E164(…{})", self.last_four())
    }
}

impl Serialize for E164 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for E164 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        E164::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_and_international_forms_normalise_to_e164() {
        for input in ["+1 415 555 2671", "(415) 555-2671", "415.555.2671", "+14155552671"] {
            assert_eq!(E164::parse(input).unwrap().as_str(), "+14155552671", "{input}");
        }
        let n = E164::parse("+14155552671").unwrap();
        assert_eq!(n.nanp_area_code(), Some("415"));
        assert_eq!(n.country_code(), 1);
    }

    #[test]
    fn garbage_and_unassigned_numbers_are_refused() {
        assert_eq!(E164::parse("hello"), Err(PhoneError::Unparseable));
        assert_eq!(E164::parse(""), Err(PhoneError::Unparseable));
        // 555-01xx style numbers with area code 000 do not exist.
        assert!(E164::parse("+1 000 555 0100").is_err());
        assert!(E164::parse("12").is_err());
    }

    #[test]
    fn debug_never_shows_the_whole_number() {
        let n = E164::parse("+14155552671").unwrap();
        let shown = format!("{n:?}");
        assert!(!shown.contains("415555"), "{shown}");
        assert!(shown.contains("2671"));
    }

    #[test]
    fn non_us_numbers_keep_their_country() {
        let uk = E164::parse("+44 20 7946 0958").unwrap();
        assert_eq!(uk.country_code(), 44);
        assert_eq!(uk.nanp_area_code(), None);
    }
}
