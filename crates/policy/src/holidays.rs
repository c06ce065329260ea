//! US federal holidays (5 U.S.C. 6103), computed for any year, for states that forbid contact
//! on holidays. Observed dates follow the federal rule: a Saturday holiday is observed on the
//! Friday before, a Sunday one on the Monday after; both the date and its observance count.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The `n`th (1-based) `weekday` of a month; `n = 0` means the last one.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> NaiveDate {
    if n == 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let mut d = next.unwrap_or(NaiveDate::MAX) - Duration::days(1);
        while d.weekday() != weekday {
            d -= Duration::days(1);
        }
        return d;
    }
    let mut d = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d + Duration::weeks(i64::from(n - 1))
}

/// The federal holidays of `year` (their actual dates).
pub fn federal_holidays(year: i32) -> [NaiveDate; 11] {
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or(NaiveDate::MIN);
    [
        fixed(1, 1),
        nth_weekday(year, 1, Weekday::Mon, 3),
        nth_weekday(year, 2, Weekday::Mon, 3),
        nth_weekday(year, 5, Weekday::Mon, 0),
        fixed(6, 19),
        fixed(7, 4),
        nth_weekday(year, 9, Weekday::Mon, 1),
        nth_weekday(year, 10, Weekday::Mon, 2),
        fixed(11, 11),
        nth_weekday(year, 11, Weekday::Thu, 4),
        fixed(12, 25),
    ]
}

/// Whether `date` is a federal holiday or its observed weekday, or one of `extra`.
pub fn is_holiday(date: NaiveDate, extra: &[NaiveDate]) -> bool {
    if extra.contains(&date) {
        return true;
    }
    // A holiday can be observed in the neighbouring year (Jan 1 on a Saturday → Dec 31).
    (date.year() - 1..=date.year() + 1).flat_map(federal_holidays).any(|h| {
        let observed = match h.weekday() {
            Weekday::Sat => h - Duration::days(1),
            Weekday::Sun => h + Duration::days(1),
            _ => h,
        };
        date == h || date == observed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn known_dates() {
        assert!(is_holiday(d(2026, 11, 26), &[]), "Thanksgiving 2026");
        assert!(is_holiday(d(2026, 5, 25), &[]), "Memorial Day 2026 (last Monday)");
        assert!(is_holiday(d(2026, 1, 19), &[]), "MLK Day 2026");
        assert!(is_holiday(d(2026, 7, 3), &[]), "July 4 2026 is a Saturday: observed Friday");
        assert!(is_holiday(d(2027, 12, 31), &[]), "Jan 1 2028 is a Saturday: observed Dec 31 2027");
        assert!(!is_holiday(d(2026, 11, 27), &[]));
        assert!(is_holiday(d(2026, 2, 17), &[d(2026, 2, 17)]), "Mardi Gras as an extra holiday");
    }
}
