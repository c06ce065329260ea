//! `Ts`: a UTC timestamp that both backends store in a form that sorts correctly.
//!
//! Postgres keeps a native `timestamptz`. SQLite has no time type, and sqlx would write RFC 3339
//! text with a variable number of fractional digits, which does not compare correctly as text
//! (`due_at <= $1` would be wrong). So on SQLite a `Ts` is an integer count of microseconds since
//! the Unix epoch: compact, exact to Postgres's precision, and ordered.

use chrono::{DateTime, TimeZone, Utc};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Postgres, Sqlite, Type};

/// A timestamp as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ts(pub DateTime<Utc>);

impl From<DateTime<Utc>> for Ts {
    fn from(value: DateTime<Utc>) -> Self {
        Self(value)
    }
}

impl Ts {
    /// Microseconds since the epoch, the SQLite representation (and Postgres's precision).
    pub fn micros(&self) -> i64 {
        self.0.timestamp_micros()
    }

    /// Rounds to what the database keeps, so values compare equal after a round trip.
    pub fn truncated(value: DateTime<Utc>) -> DateTime<Utc> {
        Utc.timestamp_micros(value.timestamp_micros()).single().unwrap_or(value)
    }
}

impl Type<Postgres> for Ts {
    fn type_info() -> <Postgres as Database>::TypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }
}

impl<'q> Encode<'q, Postgres> for Ts {
    fn encode_by_ref(&self, buf: &mut <Postgres as Database>::ArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <DateTime<Utc> as Encode<'q, Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Ts {
    fn decode(value: <Postgres as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        <DateTime<Utc> as Decode<'r, Postgres>>::decode(value).map(Ts)
    }
}

impl Type<Sqlite> for Ts {
    fn type_info() -> <Sqlite as Database>::TypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
}

impl<'q> Encode<'q, Sqlite> for Ts {
    fn encode_by_ref(&self, buf: &mut <Sqlite as Database>::ArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<'q, Sqlite>>::encode(self.micros(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Ts {
    fn decode(value: <Sqlite as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let micros = <i64 as Decode<'r, Sqlite>>::decode(value)?;
        Utc.timestamp_micros(micros).single().map(Ts).ok_or_else(|| "timestamp out of range".into())
    }
}
