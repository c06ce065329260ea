//! Test doubles at the carriers' HTTP boundary, speaking their real formats: Twilio's
//! Messages REST API (form posts, basic auth, `I-Twilio-Idempotency-Token`, `201 {"sid"}`), a
//! signed Twilio and Telnyx webhook sender, and a customer's webhook agent.

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine as _;
use serde_json::{Value, json};

/// One message the Twilio double accepted.
#[derive(Debug, Clone)]
pub struct TwilioMessage {
    /// Its `sid`.
    pub sid: String,
    /// `To`.
    pub to: String,
    /// `From`.
    pub from: String,
    /// `Body`.
    pub body: String,
    /// `StatusCallback`.
    pub status_callback: Option<String>,
}

#[derive(Debug, Default)]
struct TwilioLog {
    messages: Vec<TwilioMessage>,
    tokens: Vec<(String, String)>,
    repeats: u32,
}

/// A Twilio REST double on a random local port.
#[derive(Debug, Clone)]
pub struct TwilioDouble {
    /// `http://127.0.0.1:<port>`: the `api_base` to configure.
    pub base: String,
    /// The account it accepts.
    pub account_sid: String,
    /// The token it accepts (and that signs webhooks).
    pub auth_token: String,
    log: Arc<Mutex<TwilioLog>>,
}

impl TwilioDouble {
    /// Starts one on a random port.
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// Starts one on `port` (0: any).
    pub async fn start_on(port: u16) -> Self {
        let log = Arc::new(Mutex::new(TwilioLog::default()));
        let double = Self {
            base: String::new(),
            account_sid: "ACtest0000000000000000000000000000".into(),
            auth_token: "twilio-test-token".into(),
            log,
        };
        let app = Router::new()
            .route("/2010-04-01/Accounts/{account}/Messages.json", post(create_message))
            .with_state(double.clone());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { base, ..double }
    }

    /// Messages sent, in order (one per idempotency token).
    pub fn messages(&self) -> Vec<TwilioMessage> {
        self.log.lock().map(|l| l.messages.clone()).unwrap_or_default()
    }

    /// Requests that repeated a token (and sent nothing).
    pub fn repeats(&self) -> u32 {
        self.log.lock().map(|l| l.repeats).unwrap_or_default()
    }

    /// Waits until `n` messages were sent, or panics after 20 s.
    pub async fn wait_for(&self, n: usize) -> Vec<TwilioMessage> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "waited for {n} messages; got {:#?}",
                messages.iter().map(|m| &m.body).collect::<Vec<_>>()
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}

async fn create_message(
    State(double): State<TwilioDouble>,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", double.account_sid, double.auth_token))
    );
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok());
    if account != double.account_sid || auth != Some(expected.as_str()) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"code": 20003, "message": "Authenticate", "status": 401})));
    }
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let get = |n: &str| form.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let (Some(to), Some(from)) = (get("To"), get("From")) else {
        return (StatusCode::BAD_REQUEST, Json(json!({"code": 21604, "message": "A 'To' phone number is required."})));
    };
    let token = headers.get("i-twilio-idempotency-token").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut log = double.log.lock().expect("log");
    if let Some((_, sid)) = log.tokens.iter().find(|(t, _)| !token.is_empty() && *t == token) {
        let sid = sid.clone();
        log.repeats += 1;
        return (StatusCode::CREATED, Json(json!({"sid": sid, "status": "queued"})));
    }
    let sid = format!("SM{:032x}", uuid::Uuid::new_v4().as_u128());
    log.tokens.push((token, sid.clone()));
    log.messages.push(TwilioMessage {
        sid: sid.clone(),
        to,
        from,
        body: get("Body").unwrap_or_default(),
        status_callback: get("StatusCallback"),
    });
    (StatusCode::CREATED, Json(json!({"sid": sid, "status": "queued", "account_sid": account})))
}

/// Posts a Twilio-signed form webhook to `url` as Twilio would, signed for `public_url`.
pub async fn post_twilio(
    client: &reqwest::Client,
    url: &str,
    public_url: &str,
    token: &str,
    params: &[(&str, &str)],
) -> reqwest::Response {
    let owned: Vec<(String, String)> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let signature = providers::twilio::signature(public_url, &owned, token);
    client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-twilio-signature", signature)
        .body(serde_urlencoded::to_string(&owned).expect("form"))
        .send()
        .await
        .expect("webhook request")
}

/// What the agent double does with each request.
#[derive(Debug, Clone)]
pub enum AgentBehaviour {
    /// Answers this JSON.
    Answer(Value),
    /// Answers HTTP 500.
    Fail,
}

/// A customer's webhook agent.
#[derive(Debug, Clone)]
pub struct AgentDouble {
    /// Its URL.
    pub url: String,
    /// Requests it received (the context Throughline sent).
    pub requests: Arc<Mutex<Vec<Value>>>,
}

impl AgentDouble {
    /// Starts one behaving as told.
    pub async fn start(behaviour: AgentBehaviour) -> Self {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let app = Router::new().route(
            "/agent",
            post(move |Json(body): Json<Value>| {
                let behaviour = behaviour.clone();
                let seen = seen.clone();
                async move {
                    seen.lock().expect("requests").push(body);
                    match behaviour {
                        AgentBehaviour::Answer(v) => (StatusCode::OK, Json(v)),
                        AgentBehaviour::Fail => (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({"error": "boom"}))),
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/agent", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, requests }
    }
}
