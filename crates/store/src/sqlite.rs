//! The embedded default: one SQLite file, no server.
//!
//! SQLite allows one writer at a time. Rather than let concurrent transactions collide and
//! retry on `SQLITE_BUSY`, all writes go through a one-connection pool (so they queue in
//! process, in order) while reads use a separate pool and see committed data through WAL.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::error::StoreError;
use crate::model::Backend;

/// Migrations embedded at build time from `migrations/sqlite`.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");

/// SQLite via two pools over one file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    write: SqlitePool,
    read: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and its directory.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a 2xx to a carrier means the event is on disk, even on power loss.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let write = SqlitePoolOptions::new().max_connections(1).connect_with(options.clone()).await?;
        let read = SqlitePoolOptions::new().max_connections(4).connect_with(options.read_only(true)).await?;
        Ok(Self { write, read, path: path.to_owned() })
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.write).await?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite has no data-modifying CTEs, and with one writer the general transaction is
    /// already uncontended: no fast path.
    async fn append_fast(
        &self,
        _id: domain::ConversationId,
        _request: &crate::AppendRequest,
    ) -> Option<Result<crate::AppendOutcome, StoreError>> {
        None
    }

    /// One writer: no row is ever held by another, so each move is its own statement.
    async fn move_free_cursors(
        &self,
        marks: &[(domain::ConversationId, domain::Seq)],
    ) -> Result<Vec<(domain::ConversationId, domain::Seq)>, StoreError> {
        Ok(marks.to_vec())
    }

    fn reader(&self) -> &SqlitePool {
        &self.read
    }

    fn writer(&self) -> &SqlitePool {
        &self.write
    }
}

crate::sql::impl_sql_store!(SqliteStore, sqlx::Sqlite, backend = Backend::Sqlite, migrator = MIGRATOR, claim_lock = "");
