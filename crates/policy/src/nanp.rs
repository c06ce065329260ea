//! Where a North American number may be: for each area code, its country, its US state and
//! every time zone any of its exchanges is in (`data/nanp.tsv`, generated from libphonenumber
//! by `scripts/gen-nanp.py`). Numbers are ported and mobile, so an area code names candidates,
//! never a certainty.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono_tz::Tz;
use domain::{E164, UsState};

/// One area code.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaCode {
    /// ISO country (US, CA, PR, …).
    pub country: String,
    /// The US state or territory, when in the US.
    pub state: Option<UsState>,
    /// Every zone its exchanges are mapped to.
    pub zones: Vec<Tz>,
}

static TABLE: LazyLock<HashMap<String, AreaCode>> = LazyLock::new(|| parse(include_str!("../data/nanp.tsv")));

/// Every zone of the 50 states and DC: the candidates for a number we cannot place.
pub static ALL_US_ZONES: LazyLock<Vec<Tz>> = LazyLock::new(|| {
    let mut zones: Vec<Tz> =
        TABLE.values().filter(|a| a.country == "US").flat_map(|a| a.zones.iter().copied()).collect();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    zones
});

fn parse(text: &str) -> HashMap<String, AreaCode> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let npa = cols.next()?.to_owned();
            let country = cols.next()?.to_owned();
            let state = cols.next().filter(|s| !s.is_empty()).and_then(|s| UsState::parse(s).ok());
            let zones = cols.next()?.split(',').filter_map(|z| z.parse::<Tz>().ok()).collect::<Vec<_>>();
            (!zones.is_empty()).then_some((npa, AreaCode { country, state, zones }))
        })
        .collect()
}

/// The area code of a NANP number, if the table knows it.
pub fn area_code(phone: &E164) -> Option<&'static AreaCode> {
    phone.nanp_area_code().and_then(|npa| TABLE.get(npa))
}

/// US area codes (50 states and DC), sorted: what the simulator draws numbers from.
pub fn us_area_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> =
        TABLE.iter().filter(|(_, a)| a.country == "US" && a.state.is_some()).map(|(npa, _)| npa.as_str()).collect();
    codes.sort_unstable();
    codes
}

/// Number of area codes known (for diagnostics and tests).
pub fn known_area_codes() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(number: &str) -> &'static AreaCode {
        area_code(&E164::parse(number).unwrap()).unwrap()
    }

    #[test]
    fn the_table_covers_the_nanp() {
        assert!(known_area_codes() > 400, "{}", known_area_codes());
        let zones: Vec<&str> = ALL_US_ZONES.iter().map(|z| z.name()).collect();
        for z in [
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu",
        ] {
            assert!(zones.contains(&z), "{z} in {zones:?}");
        }
    }

    #[test]
    fn single_and_split_area_codes() {
        let ny = lookup("+12125550100");
        assert_eq!((ny.country.as_str(), ny.state.map(|s| s.code())), ("US", Some("NY")));
        assert_eq!(ny.zones, vec![chrono_tz::America::New_York]);
        // The Florida panhandle straddles Eastern and Central time.
        let panhandle = lookup("+18505550100");
        assert_eq!(panhandle.state.map(|s| s.code()), Some("FL"));
        assert!(panhandle.zones.contains(&chrono_tz::America::Chicago));
        assert!(panhandle.zones.contains(&chrono_tz::America::New_York));
        let toronto = lookup("+14165550100");
        assert_eq!((toronto.country.as_str(), toronto.state), ("CA", None));
    }
}
