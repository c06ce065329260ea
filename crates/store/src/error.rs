//! Store errors: what callers branch on, plus the backend failure they cannot fix.

use domain::Seq;

/// Why a store call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The conversation, lead or campaign does not exist.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A lead referenced a campaign that does not exist.
    #[error("unknown campaign")]
    UnknownCampaign,
    /// Optimistic concurrency: the timeline moved since the caller read it.
    #[error("conversation is at seq {actual}, caller expected {expected}")]
    Conflict {
        /// What the caller read.
        expected: Seq,
        /// Where the timeline is now.
        actual: Seq,
    },
    /// The append was to finish a claim the worker no longer holds (its lease expired and
    /// another worker took the row, or the row was cancelled); nothing was written.
    #[error("claim on {0} no longer held")]
    ClaimLost(domain::ActionId),
    /// The request contradicts itself (e.g. two events with one dedupe key); a caller bug.
    #[error("invalid append: {0}")]
    InvalidAppend(&'static str),
    /// A setting is unusable.
    #[error("configuration: {0}")]
    Config(String),
    /// A row read back could not be understood (a bug or a hand-edited database).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed (unreachable, timed out, constraint we did not expect).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// True for a unique-constraint violation: a concurrent writer won, retry.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(e)) if e.is_unique_violation())
    }

    /// True when the database is unreachable or saturated: retrying later may succeed.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed) => true,
            // SQLite's SQLITE_BUSY / SQLITE_LOCKED: another writer held the file past busy_timeout.
            StoreError::Database(sqlx::Error::Database(e)) => matches!(e.code().as_deref(), Some("5" | "6")),
            _ => false,
        }
    }
}

/// Why a hot-state call failed.
#[derive(Debug, thiserror::Error)]
pub enum HotError {
    /// Redis failed.
    #[error("redis error: {0}")]
    Redis(#[from] redis::RedisError),
}
