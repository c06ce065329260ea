//! Redis hot state, shared by every instance. All keys live under a prefix, so several
//! deployments (or tests) can share one Redis.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, TimeZone, Utc};
use domain::ActionId;
use futures_util::stream::{BoxStream, StreamExt};
use redis::AsyncCommands;
use redis::aio::ConnectionManager;

use crate::error::HotError;
use crate::hot::{HotState, LockToken, Presence};

/// Deletes a key only if it still holds the caller's value: safe release of locks and calls.
const COMPARE_AND_DELETE: &str = r"
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0";

/// Redis through a reconnecting connection manager.
#[derive(Clone)]
pub struct RedisHotState {
    client: redis::Client,
    conn: ConnectionManager,
    prefix: String,
    compare_and_delete: redis::Script,
}

impl std::fmt::Debug for RedisHotState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may carry a password: never print it.
        f.debug_struct("RedisHotState").field("prefix", &self.prefix).finish_non_exhaustive()
    }
}

impl RedisHotState {
    /// Connects. `prefix` is prepended to every key and channel (e.g. `throughline:`).
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, HotError> {
        let client = redis::Client::open(url)?;
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(5)))
            .set_response_timeout(Some(Duration::from_secs(5)))
            .set_number_of_retries(2);
        let conn = ConnectionManager::new_with_config(client.clone(), config).await?;
        Ok(Self { client, conn, prefix: prefix.to_owned(), compare_and_delete: redis::Script::new(COMPARE_AND_DELETE) })
    }

    fn key(&self, parts: &[&str]) -> String {
        let mut key = self.prefix.clone();
        key.push_str(&parts.join(":"));
        key
    }

    /// Deletes every key under the prefix (tests clean up with it).
    pub async fn clear_prefix(&self) -> Result<u64, HotError> {
        let mut conn = self.conn.clone();
        let pattern = format!("{}*", self.prefix);
        let mut cursor: u64 = 0;
        let mut removed = 0;
        loop {
            let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
                .arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(500)
                .query_async(&mut conn)
                .await?;
            if !keys.is_empty() {
                removed += conn.del::<_, u64>(keys).await?;
            }
            if next == 0 {
                return Ok(removed);
            }
            cursor = next;
        }
    }
}

fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn ms(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

#[async_trait]
impl HotState for RedisHotState {
    fn backend(&self) -> &'static str {
        "redis"
    }

    async fn ping(&self) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        redis::cmd("PING").query_async::<String>(&mut conn).await?;
        Ok(())
    }

    async fn try_lock(&self, key: &str, ttl: Duration) -> Result<Option<LockToken>, HotError> {
        let mut conn = self.conn.clone();
        let token = LockToken::new();
        let set: Option<String> = redis::cmd("SET")
            .arg(self.key(&["lock", key]))
            .arg(&token.0)
            .arg("NX")
            .arg("PX")
            .arg(ms(ttl))
            .query_async(&mut conn)
            .await?;
        Ok(set.map(|_| token))
    }

    async fn unlock(&self, key: &str, token: &LockToken) -> Result<bool, HotError> {
        let mut conn = self.conn.clone();
        let removed: i64 =
            self.compare_and_delete.key(self.key(&["lock", key])).arg(&token.0).invoke_async(&mut conn).await?;
        Ok(removed == 1)
    }

    async fn register_call(&self, call: &str, owner: &str, ttl: Duration) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        redis::cmd("SET")
            .arg(self.key(&["call", call]))
            .arg(owner)
            .arg("PX")
            .arg(ms(ttl))
            .query_async::<()>(&mut conn)
            .await?;
        Ok(())
    }

    async fn call_owner(&self, call: &str) -> Result<Option<String>, HotError> {
        let mut conn = self.conn.clone();
        Ok(conn.get(self.key(&["call", call])).await?)
    }

    async fn unregister_call(&self, call: &str, owner: &str) -> Result<bool, HotError> {
        let mut conn = self.conn.clone();
        let removed: i64 =
            self.compare_and_delete.key(self.key(&["call", call])).arg(owner).invoke_async(&mut conn).await?;
        Ok(removed == 1)
    }

    async fn set_presence(&self, agent: &str, status: &str, until: DateTime<Utc>) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        redis::pipe()
            .atomic()
            .zadd(self.key(&["presence"]), agent, millis(until))
            .hset(self.key(&["presence_status"]), agent, status)
            .query_async::<()>(&mut conn)
            .await?;
        Ok(())
    }

    async fn present_agents(&self, now: DateTime<Utc>) -> Result<Vec<Presence>, HotError> {
        let mut conn = self.conn.clone();
        let zset = self.key(&["presence"]);
        // Drop expired agents from both the expiry index and the status hash.
        let expired: Vec<String> = conn.zrangebyscore(&zset, "-inf", millis(now)).await?;
        if !expired.is_empty() {
            redis::pipe()
                .atomic()
                .zrem(&zset, &expired)
                .hdel(self.key(&["presence_status"]), &expired)
                .query_async::<()>(&mut conn)
                .await?;
        }
        let mut agents: Vec<String> = conn.zrangebyscore(&zset, format!("({}", millis(now)), "+inf").await?;
        agents.sort();
        if agents.is_empty() {
            return Ok(vec![]);
        }
        let statuses: Vec<Option<String>> =
            redis::cmd("HMGET").arg(self.key(&["presence_status"])).arg(&agents).query_async(&mut conn).await?;
        Ok(agents
            .into_iter()
            .zip(statuses)
            .map(|(agent, status)| Presence { agent, status: status.unwrap_or_else(|| "available".into()) })
            .collect())
    }

    async fn clear_presence(&self, agent: &str) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        redis::pipe()
            .atomic()
            .zrem(self.key(&["presence"]), agent)
            .hdel(self.key(&["presence_status"]), agent)
            .query_async::<()>(&mut conn)
            .await?;
        Ok(())
    }

    async fn index_timer(&self, id: ActionId, due: DateTime<Utc>) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        let _: i64 = conn.zadd(self.key(&["timers"]), id.to_string(), millis(due)).await?;
        Ok(())
    }

    async fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<ActionId>, HotError> {
        let mut conn = self.conn.clone();
        let ids: Vec<String> =
            conn.zrangebyscore_limit(self.key(&["timers"]), "-inf", millis(now), 0, limit as isize).await?;
        Ok(ids.iter().filter_map(|s| s.parse().ok()).collect())
    }

    async fn next_due(&self) -> Result<Option<DateTime<Utc>>, HotError> {
        let mut conn = self.conn.clone();
        let first: Vec<(String, i64)> = conn.zrange_withscores(self.key(&["timers"]), 0, 0).await?;
        Ok(first.first().and_then(|(_, score)| Utc.timestamp_millis_opt(*score).single()))
    }

    async fn unindex_timer(&self, id: ActionId) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        let _: i64 = conn.zrem(self.key(&["timers"]), id.to_string()).await?;
        Ok(())
    }

    async fn publish(&self, topics: &[&str], message: &str) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        let mut pipe = redis::pipe();
        for topic in topics {
            pipe.publish(self.key(&["topic", topic]), message).ignore();
        }
        pipe.query_async::<()>(&mut conn).await?;
        Ok(())
    }

    async fn publish_many(&self, messages: &[(Vec<String>, String)]) -> Result<(), HotError> {
        let mut conn = self.conn.clone();
        let mut pipe = redis::pipe();
        for (topics, message) in messages {
            for topic in topics {
                pipe.publish(self.key(&["topic", topic]), message).ignore();
            }
        }
        pipe.query_async::<()>(&mut conn).await?;
        Ok(())
    }

    async fn subscribe(&self, topic: &str) -> Result<BoxStream<'static, String>, HotError> {
        let mut pubsub = self.client.get_async_pubsub().await?;
        pubsub.subscribe(self.key(&["topic", topic])).await?;
        let stream = pubsub.into_on_message().filter_map(|msg| async move { msg.get_payload::<String>().ok() });
        Ok(stream.boxed())
    }
}
