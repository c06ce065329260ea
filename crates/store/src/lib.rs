//! Throughline's storage: the ports the rest of the system talks to and their adapters.
//!
//! - [`Store`]: durable data (timeline, leads, consent, campaigns, API keys, timers, outbox).
//!   [`PgStore`] in production, [`SqliteStore`] embedded; both share one SQL implementation.
//! - [`HotState`]: shared, rebuildable state (locks, live calls, presence, timer index,
//!   pub/sub). [`RedisHotState`] in production, [`MemoryHotState`] embedded.
//!
//! [`open`] picks adapters from settings: a `postgres://` URL selects Postgres, a `redis://`
//! URL selects Redis, and with neither everything runs in-process on an SQLite file.

mod batch;
mod error;
mod hot;
mod hot_memory;
mod hot_redis;
mod model;
mod port;
mod postgres;
mod rows;
mod sql;
mod sqlite;
#[cfg(feature = "testing")]
pub mod testing;
pub mod ts;

use std::path::PathBuf;
use std::sync::Arc;

pub use error::{HotError, StoreError};
pub use hot::{HotState, LockToken, Presence};
pub use hot_memory::MemoryHotState;
pub use hot_redis::RedisHotState;
pub use model::{
    ApiKeyRecord, AppendOutcome, AppendRequest, Backend, CARRIER_EVENT, Completion, Finish, LeadRecord, NewAction,
    NewOutbox, OutboxMessage, Queue, ScheduledAction, StoreHealth,
};
pub use port::{Loaded, Store, decide_and_append};
pub use postgres::{PgSettings, PgStore};
pub use sqlite::SqliteStore;

/// Where the data lives.
#[derive(Debug, Clone)]
pub struct StoreSettings {
    /// `postgres://…` for production; `None` for the embedded SQLite file.
    pub database_url: Option<String>,
    /// The SQLite file when `database_url` is `None`.
    pub sqlite_path: PathBuf,
    /// Postgres pool size.
    pub max_connections: u32,
    /// Postgres schema (tests use one per test).
    pub schema: Option<String>,
    /// `redis://…`; `None` for in-process hot state.
    pub redis_url: Option<String>,
    /// Prefix for every Redis key and channel.
    pub redis_prefix: String,
}

/// The opened adapters.
#[derive(Debug, Clone)]
pub struct Stores {
    /// Durable store.
    pub store: Arc<dyn Store>,
    /// Hot state.
    pub hot: Arc<dyn HotState>,
}

/// Why opening failed.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The database URL names no supported database.
    #[error("DATABASE_URL must start with postgres:// or postgresql://")]
    UnsupportedDatabase,
    /// Database failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Redis failure.
    #[error(transparent)]
    Hot(#[from] HotError),
}

/// Opens the adapters the settings name and, if `migrate`, applies pending migrations.
pub async fn open(settings: &StoreSettings, migrate: bool) -> Result<Stores, OpenError> {
    let store = open_store(settings, migrate).await?;
    let hot: Arc<dyn HotState> = match &settings.redis_url {
        Some(url) => Arc::new(RedisHotState::connect(url, &settings.redis_prefix).await?),
        None => Arc::new(MemoryHotState::new()),
    };
    Ok(Stores { store, hot })
}

/// Opens only the durable store (tools that need no hot state: `migrate`, `apikey`).
pub async fn open_store(settings: &StoreSettings, migrate: bool) -> Result<Arc<dyn Store>, OpenError> {
    Ok(match &settings.database_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            let pg = PgStore::connect(&PgSettings {
                url: url.clone(),
                max_connections: settings.max_connections,
                schema: settings.schema.clone(),
            })
            .await?;
            if migrate {
                pg.migrate().await?;
            }
            Arc::new(pg)
        }
        Some(_) => return Err(OpenError::UnsupportedDatabase),
        None => {
            let lite = SqliteStore::open(&settings.sqlite_path).await?;
            if migrate {
                lite.migrate().await?;
            }
            Arc::new(lite)
        }
    })
}
