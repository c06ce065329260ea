//! End-to-end test support: `spawn_app` runs the real server (random port, fresh database or
//! schema, fresh Redis prefix) on either backend, with an API key and an HTTP client.

use std::collections::BTreeMap;
use std::sync::Arc;

use reqwest::{Client, Response};
use serde_json::{Value, json};
use server::engine::EngineStats;
use server::{Application, Options, Settings, Shutdown};
use sqlx::Connection;
pub use store::testing::{Kind, TestBackend};
use tokio::task::JoinHandle;

pub mod doubles;

/// Reading a timeline in assertions.
pub mod timeline {
    use domain::{CallId, Event, EventRecord};

    /// The first placed call whose carrier id is recorded, and that id.
    pub fn placed(tl: &[EventRecord]) -> Option<(CallId, String)> {
        tl.iter().find_map(|r| match &r.event {
            Event::CallPlaced { call_id, provider_call_id: Some(id), .. } => Some((*call_id, id.clone())),
            _ => None,
        })
    }

    /// Every event's kind, in order.
    pub fn kinds(tl: &[EventRecord]) -> Vec<&'static str> {
        tl.iter().map(|r| r.event.kind()).collect()
    }

    /// How many events of `kind`.
    pub fn count(tl: &[EventRecord], kind: &str) -> usize {
        tl.iter().filter(|r| r.event.kind() == kind).count()
    }
}
pub mod load;
pub mod media;

/// A running server and what a test needs to talk to it.
#[derive(Debug)]
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// `http://127.0.0.1:<port>` of the dedicated media listener, when `media.listen` is set.
    pub media_address: Option<String>,
    /// Client with no default headers.
    pub client: Client,
    /// A valid API key.
    pub api_key: String,
    /// The settings it was started with (reused on restart).
    pub settings: Settings,
    /// The store, for looking behind the API.
    pub store: Arc<dyn store::Store>,
    /// The hot state.
    pub hot: Arc<dyn store::HotState>,
    /// The sandbox carrier (shared with other instances started from this one).
    pub sandbox: Arc<providers::SandboxCarrier>,
    /// This instance's work counters.
    pub stats: Arc<EngineStats>,
    /// This instance's crash-test hooks.
    pub faults: Arc<server::engine::Faults>,
    /// The instance's shared state (stores, carriers, stream tokens), for calling server
    /// functions directly.
    pub state: server::state::AppState,
    backend: Arc<TestBackend>,
    options: Options,
    shutdown: Shutdown,
    task: JoinHandle<anyhow::Result<()>>,
}

/// Starts a server on `kind`, or `None` when that backend is not available off CI. Its
/// background workers are off: API tests see only what their requests write.
pub async fn spawn_app(kind: Kind) -> Option<TestApp> {
    spawn_app_with(kind, None, false).await
}

/// Starts a server with its workers running on `clock` (polling every 20 ms), or `None` when
/// the backend is not available off CI.
pub async fn spawn_engine(kind: Kind, clock: Arc<server::ManualClock>) -> Option<TestApp> {
    spawn_app_with(kind, Some(clock), true).await
}

/// An API-only instance (workers off) on `clock`, or `None` when the backend is not available.
pub async fn spawn_api(kind: Kind, clock: Arc<server::ManualClock>) -> Option<TestApp> {
    spawn_app_with(kind, Some(clock), false).await
}

/// As [`spawn_engine`], with the settings adjusted first (carrier accounts, public URL).
pub async fn spawn_engine_with(
    kind: Kind,
    clock: Arc<server::ManualClock>,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    spawn_configured(kind, Some(clock), true, configure).await
}

/// As [`spawn_api`], with the settings adjusted first.
pub async fn spawn_api_with(
    kind: Kind,
    clock: Arc<server::ManualClock>,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    spawn_configured(kind, Some(clock), false, configure).await
}

async fn spawn_app_with(kind: Kind, clock: Option<Arc<server::ManualClock>>, workers: bool) -> Option<TestApp> {
    spawn_configured(kind, clock, workers, |_| {}).await
}

async fn spawn_configured(
    kind: Kind,
    clock: Option<Arc<server::ManualClock>>,
    workers: bool,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    // `TEST_LOG=debug cargo test …` shows the servers' logs.
    if let Ok(level) = std::env::var("TEST_LOG") {
        static INIT: std::sync::Once = std::sync::Once::new();
        INIT.call_once(|| {
            server::telemetry::init(&server::config::LogSettings { format: Default::default(), level });
        });
    }
    let backend = Arc::new(TestBackend::of(kind)?);
    let mut settings = settings_for(&backend);
    settings.workers.enabled = workers;
    settings.workers.poll_ms = 20;
    configure(&mut settings);
    let options = Options { clock: clock.map(|c| c as Arc<dyn server::Clock>), sandbox: None };
    let app = start(settings, backend, options).await;
    let key = server::auth::create(app.store.as_ref(), "e2e").await.expect("create api key");
    Some(TestApp { api_key: key.secret, ..app })
}

fn settings_for(backend: &TestBackend) -> Settings {
    let s = &backend.settings;
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.server.shutdown_grace_secs = 2;
    settings.auth.key_cache_secs = 0;
    settings.database.url = s.database_url.clone().map(Into::into);
    settings.database.sqlite_path = s.sqlite_path.clone();
    settings.database.schema = s.schema.clone();
    settings.database.max_connections = 20;
    settings.redis.url = s.redis_url.clone().map(Into::into);
    settings.redis.prefix = s.redis_prefix.clone();
    settings
}

async fn start(settings: Settings, backend: Arc<TestBackend>, mut options: Options) -> TestApp {
    let app = Application::build_with(settings.clone(), options.clone()).await.expect("build application");
    options.sandbox = Some(app.sandbox().clone());
    let address = format!("http://127.0.0.1:{}", app.port());
    let media_address = app.media_address().map(|a| format!("http://{a}"));
    let store = app.state().store.clone();
    let hot = app.state().hot.clone();
    let sandbox = app.sandbox().clone();
    let stats = app.engine().stats.clone();
    let faults = app.engine().faults.clone();
    let state = app.state().clone();
    let shutdown = app.shutdown_handle();
    let task = tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        media_address,
        client: Client::new(),
        api_key: String::new(),
        settings,
        store,
        hot,
        sandbox,
        stats,
        faults,
        state,
        backend,
        options,
        shutdown,
        task,
    }
}

impl TestApp {
    /// Which backend.
    pub fn kind(&self) -> Kind {
        self.backend.kind
    }

    /// Begins a graceful shutdown without waiting for it ([`TestApp::stopped`] waits).
    pub fn begin_shutdown(&self) {
        self.shutdown.trigger();
    }

    /// Waits for the server to stop, and returns how its run ended. The test's database stays
    /// until the `TestApp` is dropped, so what the server left can still be read.
    pub async fn stopped(&mut self) -> anyhow::Result<()> {
        (&mut self.task).await?
    }

    /// Stops the server gracefully and starts a new one on the same data.
    pub async fn restart(self) -> TestApp {
        let TestApp { settings, backend, shutdown, task, api_key, options, .. } = self;
        shutdown.trigger();
        task.await.expect("server task").expect("server stopped cleanly");
        let app = start(settings, backend, options).await;
        TestApp { api_key, ..app }
    }

    /// Kills the server as a crash would (no graceful stop: in-flight work is abandoned, claims
    /// stay held until their lease lapses) and starts a new one on the same data and carrier.
    pub async fn kill_and_restart(self) -> TestApp {
        let TestApp { settings, backend, task, api_key, options, .. } = self;
        task.abort();
        let _ = task.await;
        let app = start(settings, backend, options).await;
        TestApp { api_key, ..app }
    }

    /// A second instance on the same database, hot state, clock and carrier.
    pub async fn another_instance(&self) -> TestApp {
        let app = start(self.settings.clone(), self.backend.clone(), self.options.clone()).await;
        TestApp { api_key: self.api_key.clone(), ..app }
    }

    /// A second instance as `another_instance`, with its workers running.
    pub async fn another_engine(&self) -> TestApp {
        let mut settings = self.settings.clone();
        settings.workers.enabled = true;
        let app = start(settings, self.backend.clone(), self.options.clone()).await;
        TestApp { api_key: self.api_key.clone(), ..app }
    }

    /// Stops this instance gracefully.
    pub async fn stop(self) {
        self.shutdown.trigger();
        let _ = self.task.await;
    }

    /// A conversation's timeline, as stored.
    pub async fn timeline(&self, id: domain::ConversationId) -> Vec<domain::EventRecord> {
        self.store.load(id).await.expect("load").expect("the conversation exists").timeline
    }

    /// Polls the timeline until `check` holds, or panics after 20 s naming `what` and the
    /// kinds written so far.
    pub async fn until(
        &self,
        id: domain::ConversationId,
        what: &str,
        check: impl Fn(&[domain::EventRecord]) -> bool,
    ) -> Vec<domain::EventRecord> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let tl = self.timeline(id).await;
            if check(&tl) {
                return tl;
            }
            let kinds: Vec<&str> = tl.iter().map(|r| r.event.kind()).collect();
            assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}: {kinds:?}");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Absolute URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// GET with the API key.
    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).bearer_auth(&self.api_key).send().await.expect("request")
    }

    /// POST JSON with the API key.
    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.client.post(self.url(path)).bearer_auth(&self.api_key).json(body).send().await.expect("request")
    }

    /// PUT JSON with the API key.
    pub async fn put(&self, path: &str, body: &Value) -> Response {
        self.client.put(self.url(path)).bearer_auth(&self.api_key).json(body).send().await.expect("request")
    }

    /// Creates a campaign, returning its id.
    pub async fn create_campaign(&self) -> String {
        let response = self.post("/api/v1/campaigns", &campaign_body()).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
    }

    /// Creates a lead on a new campaign, returning `(lead_id, conversation_id)`.
    pub async fn create_lead(&self) -> (String, String) {
        let campaign = self.create_campaign().await;
        let response = self.post("/api/v1/leads", &lead_body(&campaign)).await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        (body["lead_id"].as_str().unwrap().to_owned(), body["conversation_id"].as_str().unwrap().to_owned())
    }

    /// Row counts of the tables a request could write, read directly from the database.
    pub async fn row_counts(&self) -> BTreeMap<&'static str, i64> {
        const TABLES: [&str; 7] =
            ["campaigns", "leads", "consent_ledger", "conversations", "events", "scheduled_actions", "outbox"];
        let mut counts = BTreeMap::new();
        let s = &self.backend.settings;
        match &s.database_url {
            Some(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
                for t in TABLES {
                    let sql = format!("select count(*) from \"{}\".{t}", s.schema.as_deref().unwrap_or("public"));
                    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut conn).await.unwrap();
                    counts.insert(t, n);
                }
            }
            None => {
                let url = format!("sqlite://{}?mode=ro", s.sqlite_path.display());
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                for t in TABLES {
                    let sql = format!("select count(*) from {t}");
                    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut conn).await.unwrap();
                    counts.insert(t, n);
                }
            }
        }
        counts
    }
}

/// A valid campaign body.
pub fn campaign_body() -> Value {
    json!({
        "name": "Solar Q4",
        "persona": {"name": "Ava", "company": "Acme Solar"},
        "cadence": {"strategy": "text_first"},
        "windows": {"start": "10:00", "end": "20:00", "weekends": false},
        "caps": {"calls_per_24h": 3, "marketing_sms_per_month": 4},
        "sms": {"provider": "sandbox", "from_number": "+14155550100"},
        "voice": {"provider": "sandbox", "from_number": "+14155550100", "bot_url": "wss://bot.example/ws"}
    })
}

/// A valid lead body for `campaign`.
pub fn lead_body(campaign: &str) -> Value {
    json!({
        "campaign_id": campaign,
        "phone": "+1 305 555 0142",
        "first_name": "Maria",
        "last_name": "Lopez",
        "timezone": "America/New_York",
        "state": "FL",
        "source": "form",
        "consent": [
            {"channel": "sms", "kind": "express_written", "text": "I agree to receive automated texts from Acme Solar.",
             "url": "https://acme.example/quote", "ip": "203.0.113.7", "captured_at": "2026-11-01T15:00:00Z"},
            {"channel": "voice", "kind": "express_written", "text": "I agree to receive AI calls from Acme Solar.",
             "captured_at": "2026-11-01T15:00:00Z"}
        ],
        "attributes": {"product": "solar", "roof": "south-facing"}
    })
}

/// Asserts the API error shape and returns `(code, field)`.
pub async fn error_of(response: Response) -> (u16, String, Option<String>) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("error body is JSON");
    let error = body.get("error").unwrap_or_else(|| panic!("no error object in {body}"));
    let code = error["code"].as_str().expect("error.code").to_owned();
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()), "error.message in {body}");
    (status, code, error["field"].as_str().map(str::to_owned))
}

/// Generates one `#[tokio::test]` per backend for an `async fn(TestApp)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::spawn_app($crate::Kind::Embedded).await.expect("embedded backend");
                    super::$name(app).await;
                }
            )+
        }
        mod postgres_redis {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(app) = $crate::spawn_app($crate::Kind::Production).await else { return };
                    super::$name(app).await;
                }
            )+
        }
    };
}

/// Declares each named `async fn(Kind)` as two tests, one per backend (`embedded::name` and
/// `postgres_redis::name`), on a two-worker runtime: for tests that set up their own server.
#[macro_export]
macro_rules! for_each_backend {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Kind::Embedded).await;
                }
            )*
        }
        mod postgres_redis {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Kind::Production).await;
                }
            )*
        }
    };
}
