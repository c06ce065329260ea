//! The production database adapter.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, Executor};

use crate::batch::Batcher;
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
    /// Group commit for the common append (see `batch`).
    batcher: Arc<Batcher>,
}

impl PgStore {
    /// Creates the pool. Connections open on demand, so a database that goes away later is
    /// reported by `/readyz` rather than crashing the process (start-up itself migrates, so it
    /// needs the database).
    pub async fn connect(settings: &PgSettings) -> Result<Self, StoreError> {
        let mut options = PgConnectOptions::from_str(&settings.url)?.application_name("throughline");
        if let Some(schema) = &settings.schema {
            if !is_identifier(schema) {
                return Err(StoreError::Config("database.schema must be a lower-case identifier".into()));
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
        Ok(Self { pool, batcher: Arc::default() })
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

    /// The common append (one event, with or without a dedupe key; no timers, outbox rows or
    /// cancellations), group-committed with the other conversations' concurrent ones (see
    /// `batch`); what a batch does not take is appended on its own by `append_one`, as the same
    /// statement with one row: the CTE bumps the head under its row lock and the insert
    /// takes the new seq, so it is atomic and gap-free like the general transaction but costs one
    /// round trip instead of five (measured: 2,300 → 4,100 appends/s, docs/benchmarks.md). A key
    /// already on the timeline matches no head row; two racing copies of a new key are settled
    /// by the unique index, whose violation rolls the loser's statement back whole.
    async fn append_fast(
        &self,
        id: domain::ConversationId,
        request: &crate::AppendRequest,
    ) -> Option<Result<crate::AppendOutcome, StoreError>> {
        let [event] = request.events.as_slice() else { return None };
        // Consent events also write the ledger: they take the full path.
        let consent =
            matches!(event.event, domain::Event::ConsentGranted { .. } | domain::Event::ConsentRevoked { .. });
        if !request.is_plain() || consent {
            return None;
        }
        Some(match self.batcher.append(&self.pool, id, request.expected, event).await {
            Some(appended) => Ok(appended),
            None => self.append_one(id, request.expected, event).await,
        })
    }

    async fn append_one(
        &self,
        id: domain::ConversationId,
        expected: Option<domain::Seq>,
        event: &domain::NewEvent,
    ) -> Result<crate::AppendOutcome, StoreError> {
        let now = chrono::Utc::now();
        match crate::batch::insert(&self.pool, [(id, expected, event)], now).await.map(|rows| rows.first().copied()) {
            Ok(Some((_, seq))) => Ok(crate::batch::appended(id, seq, event.clone(), now)),
            Ok(None) => {
                // No head row matched: the conversation is missing, `expected` is stale, or the
                // key is already on the timeline (checked in that order, as the general path does).
                let head: Option<i64> = sqlx::query_scalar("select last_seq from conversations where id = $1")
                    .bind(id.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                match (head, expected) {
                    (None, _) => Err(StoreError::NotFound("conversation")),
                    (Some(actual), Some(expected)) if actual as u64 != expected.0 => {
                        Err(StoreError::Conflict { expected, actual: domain::Seq(actual as u64) })
                    }
                    _ => self.duplicate_of(id, event).await,
                }
            }
            Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) && event.dedupe_key.is_some() => {
                self.duplicate_of(id, event).await
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The `Duplicate` answer for a keyed event already on the timeline.
    async fn duplicate_of(
        &self,
        id: domain::ConversationId,
        event: &domain::NewEvent,
    ) -> Result<crate::AppendOutcome, StoreError> {
        let Some(key) = &event.dedupe_key else {
            return Err(StoreError::Corrupt("head row did not match during append".into()));
        };
        let seq: Option<i64> =
            sqlx::query_scalar("select seq from events where conversation_id = $1 and dedupe_key = $2")
                .bind(id.as_uuid())
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        match seq {
            Some(seq) => Ok(crate::AppendOutcome::Duplicate { seq: domain::Seq(seq as u64) }),
            None => Err(StoreError::Corrupt("head row did not match during append".into())),
        }
    }

    /// Moves every routing cursor whose row no one holds, in one statement: `SKIP LOCKED` never
    /// waits, so it cannot deadlock with appends or another instance's moves. Returns the moves
    /// it skipped (rows locked by an append in flight), for the caller's one-row statements.
    async fn move_free_cursors(
        &self,
        marks: &[(domain::ConversationId, domain::Seq)],
    ) -> Result<Vec<(domain::ConversationId, domain::Seq)>, StoreError> {
        let ids: Vec<uuid::Uuid> = marks.iter().map(|(id, _)| id.as_uuid()).collect();
        let seqs: Vec<i64> = marks.iter().map(|(_, seq)| seq.0 as i64).collect();
        // The last select reads the statement's snapshot: a skipped row still shows its old
        // cursor, a row already at or past its mark does not appear.
        let skipped: Vec<(uuid::Uuid, i64)> = sqlx::query_as(
            "with m as (select * from unnest($1::uuid[], $2::bigint[]) as t(id, seq)), \
             free as (select c.id, m.seq from conversations c join m on m.id = c.id \
               where c.routed_seq < m.seq for update of c skip locked), \
             moved as (update conversations c set routed_seq = free.seq from free where c.id = free.id \
               returning c.id) \
             select m.id, m.seq from m join conversations c on c.id = m.id \
             where c.routed_seq < m.seq and not exists (select 1 from moved where moved.id = m.id)",
        )
        .bind(&ids)
        .bind(&seqs)
        .fetch_all(&self.pool)
        .await?;
        Ok(skipped
            .into_iter()
            .map(|(id, seq)| (domain::ConversationId::from_uuid(id), domain::Seq(seq as u64)))
            .collect())
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
