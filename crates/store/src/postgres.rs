//! The production database adapter.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, Executor};

use crate::error::StoreError;
use crate::model::Backend;

/// Migrations embedded at build time from `migrations/postgres`.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// Postgres store settings.
#[derive(Debug, Clone)]
pub struct PgSettings {
    /// `postgres://…`
    pub url: String,
    /// Pool size. Each append holds a connection for about a millisecond.
    pub max_connections: u32,
    /// Put every table in this schema (created if missing); tests use one schema each.
    pub schema: Option<String>,
}

/// Postgres via a sqlx pool.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects (lazily: the pool opens connections on demand, so start-up survives a database
    /// that is briefly down and `/readyz` reports it).
    pub async fn connect(settings: &PgSettings) -> Result<Self, StoreError> {
        let mut options = PgConnectOptions::from_str(&settings.url)?.application_name("throughline");
        if let Some(schema) = &settings.schema {
            if !is_identifier(schema) {
                return Err(StoreError::Corrupt(format!("schema name {schema:?} is not a plain identifier")));
            }
            let mut conn = options.connect().await?;
            conn.execute(sqlx::AssertSqlSafe(format!("create schema if not exists \"{schema}\""))).await?;
            conn.close().await?;
            options = options.options([("search_path", schema.as_str())]);
        }
        options = options.log_statements(tracing::log::LevelFilter::Trace);
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect_lazy_with(options);
        Ok(Self { pool })
    }

    /// Applies pending migrations (under Postgres's advisory lock, so concurrent instances are safe).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    /// The pool, for tests and tools.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    fn reader(&self) -> &PgPool {
        &self.pool
    }

    fn writer(&self) -> &PgPool {
        &self.pool
    }
}

/// Schema names are interpolated into SQL, so only plain identifiers are accepted.
fn is_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

crate::sql::impl_sql_store!(
    PgStore,
    sqlx::Postgres,
    backend = Backend::Postgres,
    migrator = MIGRATOR,
    claim_lock = " for update skip locked"
);
