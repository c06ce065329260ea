//! Test fixtures shared by the store's contract suite and the end-to-end tests: a fresh
//! Postgres schema and Redis key prefix per test, or a temporary SQLite file.
//!
//! Off CI, tests that need Postgres and Redis skip with a message when `DATABASE_URL` /
//! `REDIS_URL` are unset. With `CI=true` they must run: a missing variable is a failure.

use std::path::PathBuf;

use crate::{StoreSettings, Stores, open};

/// The servers the production-backend tests use, if configured.
pub fn servers() -> Option<(String, String)> {
    let db = std::env::var("DATABASE_URL").ok().filter(|v| !v.is_empty());
    let redis = std::env::var("REDIS_URL").ok().filter(|v| !v.is_empty());
    match (db, redis) {
        (Some(db), Some(redis)) => Some((db, redis)),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but DATABASE_URL and REDIS_URL are not both set: Postgres + Redis tests must run in CI")
        }
        _ => {
            eprintln!("skipping Postgres + Redis test: set DATABASE_URL and REDIS_URL to run it");
            None
        }
    }
}

/// Which backends a fixture uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SQLite file + in-process hot state.
    Embedded,
    /// Postgres schema + Redis prefix.
    Production,
}

/// An isolated place to store data, removed when dropped.
#[derive(Debug)]
pub struct TestBackend {
    /// Which.
    pub kind: Kind,
    /// Settings that open it (again, for restart tests).
    pub settings: StoreSettings,
    dir: Option<tempfile::TempDir>,
}

impl TestBackend {
    /// An embedded backend in a temporary directory.
    pub fn embedded() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let settings = StoreSettings {
            database_url: None,
            sqlite_path: dir.path().join("throughline.db"),
            max_connections: 8,
            schema: None,
            redis_url: None,
            redis_prefix: String::new(),
        };
        Self { kind: Kind::Embedded, settings, dir: Some(dir) }
    }

    /// A production backend in a fresh schema and key prefix, or `None` (skip) off CI
    /// without servers.
    pub fn production() -> Option<Self> {
        let (db, redis) = servers()?;
        let name = format!("tl_t_{}", uuid::Uuid::new_v4().simple());
        let settings = StoreSettings {
            database_url: Some(db),
            sqlite_path: PathBuf::new(),
            max_connections: 60,
            schema: Some(name.clone()),
            redis_url: Some(redis),
            redis_prefix: format!("{name}:"),
        };
        Some(Self { kind: Kind::Production, settings, dir: None })
    }

    /// Either kind.
    pub fn of(kind: Kind) -> Option<Self> {
        match kind {
            Kind::Embedded => Some(Self::embedded()),
            Kind::Production => Self::production(),
        }
    }

    /// Opens (and migrates) the stores.
    pub async fn open(&self) -> Stores {
        open(&self.settings, true).await.expect("open test stores")
    }
}

impl Drop for TestBackend {
    fn drop(&mut self) {
        let Some(schema) = self.settings.schema.clone() else {
            drop(self.dir.take());
            return;
        };
        let db = self.settings.database_url.clone().unwrap_or_default();
        let redis = self.settings.redis_url.clone().unwrap_or_default();
        let prefix = self.settings.redis_prefix.clone();
        // Drop may run inside a runtime; clean up on a thread with its own.
        let cleanup = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async move {
                use sqlx::{Connection, Executor};
                if let Ok(mut conn) = sqlx::PgConnection::connect(&db).await {
                    let _ =
                        conn.execute(sqlx::AssertSqlSafe(format!("drop schema if exists \"{schema}\" cascade"))).await;
                    let _ = conn.close().await;
                }
                if let Ok(hot) = crate::RedisHotState::connect(&redis, &prefix).await {
                    let _ = hot.clear_prefix().await;
                }
            });
        });
        let _ = cleanup.join();
    }
}
