//! The SQL both relational adapters share. sqlx accepts `$N` placeholders on Postgres and
//! SQLite alike, and every statement here is in the common dialect (CTEs, `RETURNING`,
//! `ON CONFLICT … DO NOTHING`, `UPDATE … FROM`), so one implementation serves both; it is a
//! macro because sqlx's per-database types make a generic function's bounds unreadable.
//! What differs is passed in: the pools, the migrator, and the row-lock clause used when
//! claiming work (`FOR UPDATE SKIP LOCKED` on Postgres; SQLite has one writer, so none).

/// Implements [`crate::Store`] for a type with `reader()` and `writer()` pools and two hooks:
/// `append_fast()` (a backend may answer common appends in fewer round trips, or return `None`
/// to use the general transaction) and `move_free_cursors()` (a backend may move many routing
/// cursors in one statement, returning the moves it left for the one-row statements).
macro_rules! impl_sql_store {
    ($store:ty, $db:ty, backend = $backend:expr, migrator = $migrator:expr, claim_lock = $lock:literal) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> $crate::Backend {
                $backend
            }

            async fn health(&self) -> $crate::StoreHealth {
                let reachable = sqlx::query("select 1").execute(self.reader()).await.is_ok();
                let known: std::collections::BTreeSet<i64> =
                    $migrator.iter().filter(|m| m.migration_type.is_up_migration()).map(|m| m.version).collect();
                let done: std::collections::BTreeSet<i64> = if reachable {
                    sqlx::query_scalar::<_, i64>("select version from _sqlx_migrations where success = true")
                        .fetch_all(self.reader())
                        .await
                        .map(|v| v.into_iter().collect())
                        .unwrap_or_default()
                } else {
                    Default::default()
                };
                $crate::StoreHealth {
                    backend: $backend,
                    reachable,
                    migrations_applied: reachable && known.is_subset(&done),
                    migrations_known: known.len(),
                    migrations_done: done.len(),
                }
            }

            async fn create_campaign(&self, campaign: &domain::Campaign) -> Result<(), $crate::StoreError> {
                sqlx::query("insert into campaigns (id, name, body, created_at) values ($1, $2, $3, $4)")
                    .bind(campaign.id.as_uuid())
                    .bind(&campaign.name)
                    .bind(sqlx::types::Json(campaign))
                    .bind($crate::ts::Ts(campaign.created_at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn campaign(&self, id: domain::CampaignId) -> Result<Option<domain::Campaign>, $crate::StoreError> {
                let row: Option<$crate::rows::CampaignRow> =
                    sqlx::query_as("select body from campaigns where id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.reader())
                        .await?;
                Ok(row.map(Into::into))
            }

            async fn create_lead(
                &self,
                new: &domain::NewLead,
                opening: &[domain::NewEvent],
            ) -> Result<Vec<domain::EventRecord>, $crate::StoreError> {
                use $crate::ts::Ts;
                let lead = &new.lead;
                let now = chrono::Utc::now();
                let mut tx = self.writer().begin().await?;
                // `1` is int4 on Postgres, which sqlx refuses to decode as i64: cast it.
                let campaign: Option<i64> = sqlx::query_scalar("select cast(1 as bigint) from campaigns where id = $1")
                    .bind(lead.campaign_id.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                if campaign.is_none() {
                    return Err($crate::StoreError::UnknownCampaign);
                }
                sqlx::query(
                    "insert into leads (id, campaign_id, conversation_id, phone, first_name, last_name, timezone, \
                     state, source, attributes, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(lead.id.as_uuid())
                .bind(lead.campaign_id.as_uuid())
                .bind(lead.conversation_id.as_uuid())
                .bind(lead.phone.as_str())
                .bind(&lead.first_name)
                .bind(&lead.last_name)
                .bind(lead.timezone.map(|t| t.name()))
                .bind(lead.state.map(|s| s.code()))
                .bind(lead.source.as_str())
                .bind(sqlx::types::Json(&lead.attributes))
                .bind(Ts(lead.created_at))
                .execute(&mut *tx)
                .await?;
                for c in &new.consent {
                    sqlx::query(
                        "insert into consent_ledger (id, lead_id, channel, kind, scope, source, disclosure_text, url, \
                         ip, captured_at, revoked_at, revocation_text, created_at) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                    )
                    .bind(c.id.as_uuid())
                    .bind(c.lead_id.as_uuid())
                    .bind(c.channel.as_str())
                    .bind(c.kind.as_str())
                    .bind(&c.scope)
                    .bind(&c.source)
                    .bind(&c.disclosure_text)
                    .bind(&c.url)
                    .bind(&c.ip)
                    .bind(Ts(c.captured_at))
                    .bind(c.revoked_at.map(Ts))
                    .bind(&c.revocation_text)
                    .bind(Ts(now))
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query(
                    "insert into conversations (id, lead_id, campaign_id, last_seq, status, created_at, updated_at) \
                     values ($1, $2, $3, $4, 'in_progress', $5, $5)",
                )
                .bind(lead.conversation_id.as_uuid())
                .bind(lead.id.as_uuid())
                .bind(lead.campaign_id.as_uuid())
                .bind(opening.len() as i64)
                .bind(Ts(lead.created_at))
                .execute(&mut *tx)
                .await?;
                let records = insert_events(&mut tx, lead.conversation_id, domain::Seq(0), opening, now).await?;
                tx.commit().await?;
                Ok(records)
            }

            async fn lead(&self, id: domain::LeadId) -> Result<Option<$crate::LeadRecord>, $crate::StoreError> {
                let row: Option<$crate::rows::LeadRow> = sqlx::query_as(
                    "select l.id, l.campaign_id, l.conversation_id, l.phone, l.first_name, l.last_name, l.timezone, \
                     l.state, l.source, l.attributes, l.created_at, c.status, c.last_seq \
                     from leads l join conversations c on c.id = l.conversation_id where l.id = $1",
                )
                .bind(id.as_uuid())
                .fetch_optional(self.reader())
                .await?;
                let Some(row) = row else { return Ok(None) };
                let consent: Vec<$crate::rows::ConsentRow> = sqlx::query_as(
                    "select id, lead_id, channel, kind, scope, source, disclosure_text, url, ip, captured_at, \
                     revoked_at, revocation_text from consent_ledger where lead_id = $1 order by captured_at, id",
                )
                .bind(id.as_uuid())
                .fetch_all(self.reader())
                .await?;
                let consent = consent.into_iter().map(TryInto::try_into).collect::<Result<Vec<_>, _>>()?;
                row.into_record(consent).map(Some)
            }

            async fn conversation(
                &self,
                id: domain::ConversationId,
            ) -> Result<Option<domain::Conversation>, $crate::StoreError> {
                let row: Option<$crate::rows::ConversationRow> =
                    sqlx::query_as("select id, lead_id, campaign_id, created_at from conversations where id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.reader())
                        .await?;
                Ok(row.map(Into::into))
            }

            async fn append(
                &self,
                id: domain::ConversationId,
                request: $crate::AppendRequest,
            ) -> Result<$crate::AppendOutcome, $crate::StoreError> {
                // The head row lock serialises appenders, so a unique violation on (conversation_id,
                // seq) "cannot happen"; if a future change makes it possible, retrying is correct.
                let mut keys = std::collections::HashSet::new();
                if !request.events.iter().filter_map(|e| e.dedupe_key.as_deref()).all(|k| keys.insert(k)) {
                    return Err($crate::StoreError::InvalidAppend("two events in one append share a dedupe key"));
                }
                if let Some(outcome) = self.append_fast(id, &request).await {
                    return outcome;
                }
                let mut attempt = 0;
                loop {
                    match try_append(self.writer(), id, &request).await {
                        Err(e) if e.is_unique_violation() && attempt < 3 => attempt += 1,
                        other => return other,
                    }
                }
            }

            async fn conversation_by_numbers(
                &self,
                lead_phone: &domain::E164,
                our_number: &domain::E164,
            ) -> Result<Option<(domain::ConversationId, domain::CampaignId)>, $crate::StoreError> {
                // `->` / `->>` read the campaign document on both backends (SQLite 3.38+).
                let row: Option<(uuid::Uuid, uuid::Uuid)> = sqlx::query_as(
                    "select c.id, c.campaign_id from leads l \
                     join conversations c on c.lead_id = l.id \
                     join campaigns k on k.id = l.campaign_id \
                     where l.phone = $1 and ((k.body -> 'sms' ->> 'from_number') = $2 \
                     or (k.body -> 'voice' ->> 'from_number') = $2) \
                     order by l.created_at desc, l.id desc limit 1",
                )
                .bind(lead_phone.as_str())
                .bind(our_number.as_str())
                .fetch_optional(self.reader())
                .await?;
                Ok(row.map(|(c, k)| (domain::ConversationId::from_uuid(c), domain::CampaignId::from_uuid(k))))
            }

            async fn conversations_by_phone(
                &self,
                phone: &domain::E164,
            ) -> Result<Vec<domain::ConversationId>, $crate::StoreError> {
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar(
                    "select c.id from leads l join conversations c on c.lead_id = l.id where l.phone = $1 \
                     order by l.created_at, l.id",
                )
                .bind(phone.as_str())
                .fetch_all(self.reader())
                .await?;
                Ok(ids.into_iter().map(domain::ConversationId::from_uuid).collect())
            }

            async fn head(&self, id: domain::ConversationId) -> Result<Option<domain::Seq>, $crate::StoreError> {
                let head: Option<i64> = sqlx::query_scalar("select last_seq from conversations where id = $1")
                    .bind(id.as_uuid())
                    .fetch_optional(self.reader())
                    .await?;
                Ok(head.map(|h| domain::Seq(h as u64)))
            }

            async fn events(
                &self,
                id: domain::ConversationId,
                after: domain::Seq,
                limit: u32,
            ) -> Result<Vec<domain::EventRecord>, $crate::StoreError> {
                let rows: Vec<$crate::rows::EventRow> = sqlx::query_as(
                    "select conversation_id, seq, at, recorded_at, payload from events \
                     where conversation_id = $1 and seq > $2 order by seq limit $3",
                )
                .bind(id.as_uuid())
                .bind(after.0 as i64)
                .bind(i64::from(limit))
                .fetch_all(self.reader())
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn create_api_key(&self, key: &$crate::ApiKeyRecord) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "insert into api_keys (id, name, prefix, key_hash, created_at, revoked_at) \
                     values ($1, $2, $3, $4, $5, $6)",
                )
                .bind(key.id.as_uuid())
                .bind(&key.name)
                .bind(&key.prefix)
                .bind(&key.key_hash)
                .bind($crate::ts::Ts(key.created_at))
                .bind(key.revoked_at.map($crate::ts::Ts))
                .execute(self.writer())
                .await?;
                Ok(())
            }

            async fn api_key_by_hash(&self, hash: &str) -> Result<Option<$crate::ApiKeyRecord>, $crate::StoreError> {
                let row: Option<$crate::rows::ApiKeyRow> = sqlx::query_as(
                    "select id, name, prefix, key_hash, created_at, revoked_at from api_keys \
                     where key_hash = $1 and revoked_at is null",
                )
                .bind(hash)
                .fetch_optional(self.reader())
                .await?;
                Ok(row.map(Into::into))
            }

            async fn api_keys(&self) -> Result<Vec<$crate::ApiKeyRecord>, $crate::StoreError> {
                let rows: Vec<$crate::rows::ApiKeyRow> = sqlx::query_as(
                    "select id, name, prefix, key_hash, created_at, revoked_at from api_keys order by created_at, id",
                )
                .fetch_all(self.reader())
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn revoke_api_key(
                &self,
                id: domain::ApiKeyId,
                at: chrono::DateTime<chrono::Utc>,
            ) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query("update api_keys set revoked_at = $2 where id = $1 and revoked_at is null")
                    .bind(id.as_uuid())
                    .bind($crate::ts::Ts(at))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn claim(
                &self,
                queue: $crate::Queue,
                worker: &str,
                now: chrono::DateTime<chrono::Utc>,
                lease: std::time::Duration,
                limit: u32,
            ) -> Result<Vec<domain::ActionId>, $crate::StoreError> {
                // A CTE picks the rows (locking them on Postgres) and the update claims exactly
                // those; `id in (subquery … limit)` could be re-evaluated by the planner.
                let sql = match queue {
                    $crate::Queue::Timers => $crate::sql::claim_sql!("scheduled_actions", "due_at", $lock),
                    $crate::Queue::Outbox => $crate::sql::claim_sql!("outbox", "available_at", $lock),
                };
                let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(60));
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar(sql)
                    .bind($crate::ts::Ts(now))
                    .bind(worker)
                    .bind($crate::ts::Ts(until))
                    .bind(i64::from(limit))
                    .fetch_all(self.writer())
                    .await?;
                Ok(ids.into_iter().map(domain::ActionId::from_uuid).collect())
            }

            async fn complete(
                &self,
                queue: $crate::Queue,
                id: domain::ActionId,
                worker: &str,
                now: chrono::DateTime<chrono::Utc>,
                completion: $crate::Completion,
            ) -> Result<bool, $crate::StoreError> {
                let (status, retry_at, error) = $crate::sql::completion_columns(&completion);
                let sql = match queue {
                    $crate::Queue::Timers => $crate::sql::complete_sql!("scheduled_actions", "due_at"),
                    $crate::Queue::Outbox => $crate::sql::complete_sql!("outbox", "available_at"),
                };
                let done = sqlx::query(sql)
                    .bind(id.as_uuid())
                    .bind(worker)
                    .bind(status)
                    .bind(retry_at.map($crate::ts::Ts))
                    .bind(error)
                    .bind($crate::ts::Ts(now))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn routing_cursor(
                &self,
                id: domain::ConversationId,
            ) -> Result<Option<domain::Seq>, $crate::StoreError> {
                let seq: Option<i64> = sqlx::query_scalar("select routed_seq from conversations where id = $1")
                    .bind(id.as_uuid())
                    .fetch_optional(self.reader())
                    .await?;
                Ok(seq.map(|s| domain::Seq(s as u64)))
            }

            async fn unrouted(&self, limit: u32) -> Result<Vec<domain::ConversationId>, $crate::StoreError> {
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar(
                    "select id from conversations where last_seq > routed_seq order by updated_at limit $1",
                )
                .bind(i64::from(limit))
                .fetch_all(self.reader())
                .await?;
                Ok(ids.into_iter().map(domain::ConversationId::from_uuid).collect())
            }

            async fn mark_routed(
                &self,
                marks: &[(domain::ConversationId, domain::Seq)],
            ) -> Result<(), $crate::StoreError> {
                if marks.is_empty() {
                    return Ok(());
                }
                // What the backend's one statement left (rows an append holds right now), one
                // statement per row, each on its own: the moves are independent, and one
                // transaction waiting on many rows would deadlock with another instance moving
                // an overlapping set in a different order.
                for (id, seq) in self.move_free_cursors(marks).await? {
                    sqlx::query("update conversations set routed_seq = $2 where id = $1 and routed_seq < $2")
                        .bind(id.as_uuid())
                        .bind(seq.0 as i64)
                        .execute(self.writer())
                        .await?;
                }
                Ok(())
            }

            async fn action(&self, id: domain::ActionId) -> Result<Option<$crate::ScheduledAction>, $crate::StoreError> {
                let row: Option<$crate::rows::ActionRow> = sqlx::query_as(concat!(
                    "select id, conversation_id, kind, channel, due_at, idempotency_key, payload, status, attempts, ",
                    "claimed_by from scheduled_actions where id = $1"
                ))
                .bind(id.as_uuid())
                .fetch_optional(self.reader())
                .await?;
                Ok(row.map(Into::into))
            }

            async fn outbox_message(
                &self,
                id: domain::ActionId,
            ) -> Result<Option<$crate::OutboxMessage>, $crate::StoreError> {
                let row: Option<$crate::rows::OutboxRow> = sqlx::query_as(
                    "select id, conversation_id, kind, idempotency_key, payload, status, attempts from outbox where id = $1",
                )
                .bind(id.as_uuid())
                .fetch_optional(self.reader())
                .await?;
                Ok(row.map(Into::into))
            }

            async fn pending_actions(
                &self,
                id: domain::ConversationId,
            ) -> Result<Vec<$crate::ScheduledAction>, $crate::StoreError> {
                let rows: Vec<$crate::rows::ActionRow> = sqlx::query_as(concat!(
                    "select id, conversation_id, kind, channel, due_at, idempotency_key, payload, status, attempts, ",
                    "claimed_by from scheduled_actions where conversation_id = $1 and status in ('pending', 'claimed') ",
                    "order by due_at, id"
                ))
                .bind(id.as_uuid())
                .fetch_all(self.reader())
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }
        }

        /// One append attempt, in one transaction (see `Store::append`).
        async fn try_append(
            pool: &sqlx::Pool<$db>,
            id: domain::ConversationId,
            request: &$crate::AppendRequest,
        ) -> Result<$crate::AppendOutcome, $crate::StoreError> {
            use $crate::ts::Ts;
            let now = chrono::Utc::now();
            let mut tx = pool.begin().await?;
            // Taking the head row's write lock first serialises appenders to this conversation
            // (other conversations are unaffected) and makes the checks below race-free.
            let head: Option<i64> =
                sqlx::query_scalar("update conversations set updated_at = $2 where id = $1 returning last_seq")
                    .bind(id.as_uuid())
                    .bind(Ts(now))
                    .fetch_optional(&mut *tx)
                    .await?;
            let head = domain::Seq(head.ok_or($crate::StoreError::NotFound("conversation"))? as u64);
            if let Some(expected) = request.expected
                && expected != head
            {
                return Err($crate::StoreError::Conflict { expected, actual: head });
            }
            if let Some(finish) = &request.finish {
                finish_claim(&mut tx, finish, now).await?;
            }
            for key in request.events.iter().filter_map(|e| e.dedupe_key.as_deref()) {
                let seen: Option<i64> =
                    sqlx::query_scalar("select seq from events where conversation_id = $1 and dedupe_key = $2")
                        .bind(id.as_uuid())
                        .bind(key)
                        .fetch_optional(&mut *tx)
                        .await?;
                if let Some(seq) = seen {
                    // The claim (if any) is still released: its work was done before.
                    tx.commit().await?;
                    return Ok($crate::AppendOutcome::Duplicate { seq: domain::Seq(seq as u64) });
                }
            }
            let mut events = Vec::new();
            let mut cancelled = Vec::new();
            if let Some(reason) = &request.cancel_pending {
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar(
                    "update scheduled_actions set status = 'cancelled', claimed_by = null, claimed_until = null, \
                     updated_at = $2 where conversation_id = $1 and status in ('pending', 'claimed') \
                     and kind <> 'carrier_event' returning id",
                )
                .bind(id.as_uuid())
                .bind(Ts(now))
                .fetch_all(&mut *tx)
                .await?;
                sqlx::query(
                    "update outbox set status = 'cancelled', updated_at = $2 \
                     where conversation_id = $1 and status = 'pending'",
                )
                .bind(id.as_uuid())
                .bind(Ts(now))
                .execute(&mut *tx)
                .await?;
                let mut ids: Vec<domain::ActionId> = ids.into_iter().map(domain::ActionId::from_uuid).collect();
                ids.sort();
                for action_id in &ids {
                    let event = domain::Event::ActionCancelled { action_id: *action_id, reason: reason.clone() };
                    events.push(domain::NewEvent::new(now, event));
                }
                cancelled = ids;
            }
            for action_id in &request.cancel_actions {
                sqlx::query(
                    "update scheduled_actions set status = 'cancelled', claimed_by = null, claimed_until = null, \
                     updated_at = $3 where id = $2 and conversation_id = $1 and status in ('pending', 'claimed')",
                )
                .bind(id.as_uuid())
                .bind(action_id.as_uuid())
                .bind(Ts(now))
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "update outbox set status = 'cancelled', updated_at = $3 \
                     where id = $2 and conversation_id = $1 and status = 'pending'",
                )
                .bind(id.as_uuid())
                .bind(action_id.as_uuid())
                .bind(Ts(now))
                .execute(&mut *tx)
                .await?;
            }
            events.extend(request.events.iter().cloned());
            let records = insert_events(&mut tx, id, head, &events, now).await?;
            // The consent ledger is the legal record: a revocation on the timeline stamps the
            // ledger rows it covers in the same transaction, and a grant (START after STOP)
            // adds its own row.
            for e in &events {
                if let domain::Event::ConsentGranted { consent_id, channel, kind, source } = &e.event {
                    sqlx::query(
                        "insert into consent_ledger (id, lead_id, channel, kind, scope, source, disclosure_text, url, \
                         ip, captured_at, revoked_at, revocation_text, created_at) \
                         select $2, lead_id, $3, $4, 'marketing', $5, $6, null, null, $7, null, null, $8 \
                         from conversations where id = $1 on conflict (id) do nothing",
                    )
                    .bind(id.as_uuid())
                    .bind(consent_id.as_uuid())
                    .bind(channel.as_str())
                    .bind(kind.as_str())
                    .bind(source)
                    .bind(format!("consent recorded on the timeline ({source})"))
                    .bind(Ts(e.at))
                    .bind(Ts(now))
                    .execute(&mut *tx)
                    .await?;
                }
            }
            for e in &events {
                if let domain::Event::ConsentRevoked { channel, text, .. } = &e.event {
                    sqlx::query(
                        "update consent_ledger set revoked_at = $2, revocation_text = $3 \
                         where lead_id = (select lead_id from conversations where id = $1) and revoked_at is null \
                         and ($4 is null or channel = $4)",
                    )
                    .bind(id.as_uuid())
                    .bind(Ts(e.at))
                    .bind(text)
                    .bind(channel.map(|c| c.as_str()))
                    .execute(&mut *tx)
                    .await?;
                }
            }
            for a in &request.schedule {
                sqlx::query(
                    "insert into scheduled_actions (id, conversation_id, kind, channel, due_at, idempotency_key, \
                     payload, status, attempts, created_at, updated_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8) on conflict (idempotency_key) do nothing",
                )
                .bind(a.id.as_uuid())
                .bind(id.as_uuid())
                .bind(&a.kind)
                .bind(&a.channel)
                .bind(Ts(a.due_at))
                .bind(&a.idempotency_key)
                .bind(sqlx::types::Json(&a.payload))
                .bind(Ts(now))
                .execute(&mut *tx)
                .await?;
            }
            for o in &request.outbox {
                sqlx::query(
                    "insert into outbox (id, conversation_id, kind, idempotency_key, payload, status, attempts, \
                     available_at, created_at, updated_at) \
                     values ($1, $2, $3, $4, $5, 'pending', 0, $6, $7, $7) on conflict (idempotency_key) do nothing",
                )
                .bind(o.id.as_uuid())
                .bind(id.as_uuid())
                .bind(&o.kind)
                .bind(&o.idempotency_key)
                .bind(sqlx::types::Json(&o.payload))
                .bind(Ts(o.available_at))
                .bind(Ts(now))
                .execute(&mut *tx)
                .await?;
            }
            let status = events.iter().rev().find_map(|e| match &e.event {
                domain::Event::StatusChanged { status, .. } => Some(status.as_str()),
                _ => None,
            });
            let last = records.last().map_or(head, |r| r.seq);
            sqlx::query(
                "update conversations set last_seq = $2, status = coalesce($3, status), \
                 routed_seq = case when $4 > routed_seq then $4 else routed_seq end where id = $1",
            )
            .bind(id.as_uuid())
            .bind(last.0 as i64)
            .bind(status)
            .bind(request.routed_through.map(|s| s.0 as i64))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok($crate::AppendOutcome::Appended { records, cancelled })
        }

        /// Finishes a claim inside an append's transaction; `ClaimLost` if it is not held.
        async fn finish_claim(
            tx: &mut sqlx::Transaction<'_, $db>,
            finish: &$crate::Finish,
            now: chrono::DateTime<chrono::Utc>,
        ) -> Result<(), $crate::StoreError> {
            let (status, retry_at, error) = $crate::sql::completion_columns(&finish.completion);
            let sql = match finish.queue {
                $crate::Queue::Timers => $crate::sql::complete_sql!("scheduled_actions", "due_at"),
                $crate::Queue::Outbox => $crate::sql::complete_sql!("outbox", "available_at"),
            };
            let done = sqlx::query(sql)
                .bind(finish.id.as_uuid())
                .bind(&finish.worker)
                .bind(status)
                .bind(retry_at.map($crate::ts::Ts))
                .bind(error)
                .bind($crate::ts::Ts(now))
                .execute(&mut **tx)
                .await?;
            if done.rows_affected() == 1 { Ok(()) } else { Err($crate::StoreError::ClaimLost(finish.id)) }
        }

        /// Inserts events after `head`, returning them as stored.
        async fn insert_events(
            tx: &mut sqlx::Transaction<'_, $db>,
            id: domain::ConversationId,
            head: domain::Seq,
            events: &[domain::NewEvent],
            now: chrono::DateTime<chrono::Utc>,
        ) -> Result<Vec<domain::EventRecord>, $crate::StoreError> {
            use $crate::ts::Ts;
            let mut records = Vec::with_capacity(events.len());
            let mut seq = head;
            for e in events {
                seq = seq.next();
                sqlx::query(
                    "insert into events (conversation_id, seq, kind, at, recorded_at, payload, dedupe_key) \
                     values ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id.as_uuid())
                .bind(seq.0 as i64)
                .bind(e.event.kind())
                .bind(Ts(e.at))
                .bind(Ts(now))
                .bind(sqlx::types::Json(&e.event))
                .bind(&e.dedupe_key)
                .execute(&mut **tx)
                .await?;
                records.push(domain::EventRecord {
                    conversation_id: id,
                    seq,
                    at: Ts::truncated(e.at),
                    recorded_at: Ts::truncated(now),
                    event: e.event.clone(),
                });
            }
            Ok(records)
        }
    };
}

pub(crate) use impl_sql_store;

/// A completion as the queue tables' columns: status, new due time, last error.
pub(crate) fn completion_columns(
    completion: &crate::Completion,
) -> (&'static str, Option<chrono::DateTime<chrono::Utc>>, Option<String>) {
    match completion {
        crate::Completion::Done => ("done", None, None),
        crate::Completion::Retry { at, error } => ("pending", Some(*at), Some(error.clone())),
        crate::Completion::Failed { error } => ("failed", None, Some(error.clone())),
    }
}

/// The claim statement for one queue table (see `Store::claim`). Due rows and rows whose lease
/// lapsed are picked by two separate scans, so each uses its own partial index: one `OR` would
/// make Postgres scan every pending row once the table holds millions of future timers.
macro_rules! claim_sql {
    ($table:literal, $time:literal, $lock:literal) => {
        concat!(
            "with due as (select id as due_id from ",
            $table,
            " where status = 'pending' and ",
            $time,
            " <= $1 order by ",
            $time,
            " limit $4",
            $lock,
            "), lapsed as (select id as due_id from ",
            $table,
            " where status = 'claimed' and claimed_until <= $1 limit $4",
            $lock,
            "), picked as (select due_id from lapsed union all select due_id from due limit $4)",
            " update ",
            $table,
            " set status = 'claimed', claimed_by = $2, claimed_until = $3,",
            " attempts = attempts + 1, updated_at = $1 from picked where ",
            $table,
            ".id = picked.due_id returning id"
        )
    };
}

/// The completion statement for one queue table (see `Store::complete`): only the worker
/// holding the claim may complete it.
macro_rules! complete_sql {
    ($table:literal, $time:literal) => {
        concat!(
            "update ",
            $table,
            " set status = $3, ",
            $time,
            " = coalesce($4, ",
            $time,
            "),",
            " last_error = coalesce($5, last_error), claimed_by = null, claimed_until = null, updated_at = $6",
            " where id = $1 and status = 'claimed' and claimed_by = $2"
        )
    };
}

pub(crate) use {claim_sql, complete_sql};
