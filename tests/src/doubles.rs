//! Test doubles at the carriers' HTTP boundary, speaking their real formats: Twilio's
//! Messages and Calls REST API (form posts, basic auth, `I-Twilio-Idempotency-Token`,
//! `201 {"sid"}`, hang-up by `Status=completed` and 404/20404 for a call that is gone), Telnyx's
//! Call Control API (`POST /v2/calls`, `…/actions/hangup`, 422/90018 for a call that ended,
//! `…/actions/answer` and `…/actions/reject` for inbound calls),
//! Vonage's Voice API (`POST /v1/calls` under an RS256 application token, `PUT /v1/calls/{uuid}`
//! to hang up, 404 for a call that ended), a signed Twilio and Telnyx webhook sender, and a
//! customer's webhook agent.

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

/// One call the Twilio double accepted.
#[derive(Debug, Clone)]
pub struct TwilioCall {
    /// Its `sid` (`CA…`).
    pub sid: String,
    /// The whole form, in order (`StatusCallbackEvent` repeats).
    pub form: Vec<(String, String)>,
}

impl TwilioCall {
    /// The first value of a form field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Every value of a form field.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.form.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
}

#[derive(Debug, Default)]
struct TwilioLog {
    messages: Vec<TwilioMessage>,
    calls: Vec<TwilioCall>,
    /// Every hang-up request: the sid in the path and the `Status` asked for.
    hangups: Vec<(String, String)>,
    /// Calls given new TwiML (transfers): the sid, and the form with its idempotency token
    /// as `I-Twilio-Idempotency-Token`.
    redirects: Vec<TwilioCall>,
    ended: Vec<String>,
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
            .route("/2010-04-01/Accounts/{account}/Calls.json", post(create_call))
            .route("/2010-04-01/Accounts/{account}/Calls/{call}", post(update_call))
            .with_state(double.clone());
        let base = serve(app, port).await;
        Self { base, ..double }
    }

    /// Messages sent, in order (one per idempotency token).
    pub fn messages(&self) -> Vec<TwilioMessage> {
        snapshot(&self.log, |l| &l.messages)
    }

    /// Calls placed, in order (one per idempotency token).
    pub fn calls(&self) -> Vec<TwilioCall> {
        snapshot(&self.log, |l| &l.calls)
    }

    /// Hang-up requests received, in order: `(CallSid, Status)`, whether or not the call was
    /// still there.
    pub fn hangups(&self) -> Vec<(String, String)> {
        snapshot(&self.log, |l| &l.hangups)
    }

    /// Waits until `n` calls were placed, or panics after 20 s.
    pub async fn wait_for_calls(&self, n: usize) -> Vec<TwilioCall> {
        wait_for(n, "calls", || self.calls()).await
    }

    /// Live calls given new `Twiml` (one per idempotency token), in order.
    pub fn redirects(&self) -> Vec<TwilioCall> {
        snapshot(&self.log, |l| &l.redirects)
    }

    /// Waits until `n` calls were given new TwiML, or panics after 20 s.
    pub async fn wait_for_redirects(&self, n: usize) -> Vec<TwilioCall> {
        wait_for(n, "redirects", || self.redirects()).await
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

/// Twilio's answer to a request without the account's basic auth, if it lacks it.
fn twilio_unauthorized(double: &TwilioDouble, account: &str, headers: &HeaderMap) -> Option<(StatusCode, Json<Value>)> {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", double.account_sid, double.auth_token))
    );
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok());
    (account != double.account_sid || auth != Some(expected.as_str()))
        .then(|| (StatusCode::UNAUTHORIZED, Json(json!({"code": 20003, "message": "Authenticate", "status": 401}))))
}

async fn create_call(
    State(double): State<TwilioDouble>,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    if let Some(refused) = twilio_unauthorized(&double, &account, &headers) {
        return refused;
    }
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let has = |n: &str| form.iter().any(|(k, _)| k == n);
    if !has("To") || !has("From") || !(has("Url") || has("Twiml")) {
        return (StatusCode::BAD_REQUEST, Json(json!({"code": 21205, "message": "Url parameter is required."})));
    }
    let token = headers.get("i-twilio-idempotency-token").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut log = double.log.lock().expect("log");
    if let Some((_, sid)) = log.tokens.iter().find(|(t, _)| !token.is_empty() && *t == token) {
        let sid = sid.clone();
        log.repeats += 1;
        return (StatusCode::CREATED, Json(json!({"sid": sid, "status": "queued"})));
    }
    let sid = format!("CA{:032x}", uuid::Uuid::new_v4().as_u128());
    log.tokens.push((token, sid.clone()));
    log.calls.push(TwilioCall { sid: sid.clone(), form });
    (StatusCode::CREATED, Json(json!({"sid": sid, "status": "queued", "account_sid": account})))
}

/// `POST …/Calls/{CallSid}.json`: `Status=completed` ends a call the double placed, and `Twiml`
/// gives a live one new instructions (a repeated idempotency token does nothing new); a call it
/// never placed, or one already ended, is Twilio's 404 / 20404.
async fn update_call(
    State(double): State<TwilioDouble>,
    Path((account, call)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    if let Some(refused) = twilio_unauthorized(&double, &account, &headers) {
        return refused;
    }
    let Some(sid) = call.strip_suffix(".json").map(str::to_owned) else {
        return (StatusCode::NOT_FOUND, Json(json!({"code": 20404, "message": "not found", "status": 404})));
    };
    let mut form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let status = form.iter().find(|(k, _)| k == "Status").map(|(_, v)| v.clone()).unwrap_or_default();
    let mut log = double.log.lock().expect("log");
    let live = log.calls.iter().any(|c| c.sid == sid) && !log.ended.contains(&sid);
    if form.iter().any(|(k, _)| k == "Twiml") {
        if !live {
            let message = format!("Call {sid} is not in-progress. Cannot redirect.");
            return (StatusCode::BAD_REQUEST, Json(json!({"code": 21220, "message": message, "status": 400})));
        }
        let token = headers.get("i-twilio-idempotency-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
        if !token.is_empty() && log.redirects.iter().any(|c| c.get("I-Twilio-Idempotency-Token") == Some(token)) {
            log.repeats += 1;
        } else {
            form.push(("I-Twilio-Idempotency-Token".into(), token.to_owned()));
            log.redirects.push(TwilioCall { sid: sid.clone(), form });
        }
        return (StatusCode::OK, Json(json!({"sid": sid, "status": "in-progress"})));
    }
    log.hangups.push((sid.clone(), status.clone()));
    if !live {
        let message = format!("The requested resource /2010-04-01/Accounts/{account}/Calls/{sid}.json was not found");
        return (StatusCode::NOT_FOUND, Json(json!({"code": 20404, "message": message, "status": 404})));
    }
    if status != "completed" && status != "canceled" {
        return (StatusCode::BAD_REQUEST, Json(json!({"code": 21220, "message": "Invalid call state"})));
    }
    log.ended.push(sid.clone());
    (StatusCode::OK, Json(json!({"sid": sid, "status": status})))
}

async fn create_message(
    State(double): State<TwilioDouble>,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    if let Some(refused) = twilio_unauthorized(&double, &account, &headers) {
        return refused;
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

/// Posts a Telnyx-signed JSON webhook (Ed25519 over `"{timestamp}|{body}"`) to `url`.
pub async fn post_telnyx(
    client: &reqwest::Client,
    url: &str,
    key: &ed25519_dalek::SigningKey,
    timestamp: i64,
    body: &str,
) -> reqwest::Response {
    use ed25519_dalek::Signer;
    let signature = key.sign(format!("{timestamp}|{body}").as_bytes());
    client
        .post(url)
        .header("telnyx-timestamp", timestamp.to_string())
        .header("telnyx-signature-ed25519", base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("webhook request")
}

/// One call the Telnyx double accepted.
#[derive(Debug, Clone)]
pub struct TelnyxCall {
    /// The `call_control_id` it answered with.
    pub call_control_id: String,
    /// The request body.
    pub body: Value,
}

#[derive(Debug, Default)]
struct TelnyxLog {
    calls: Vec<TelnyxCall>,
    keys: Vec<(String, String)>,
    hangups: Vec<String>,
    ended: Vec<String>,
    answers: Vec<TelnyxCall>,
    rejects: Vec<String>,
}

/// A Telnyx Call Control double on a random local port: places calls (bearer auth,
/// `Idempotency-Key`) and hangs them up.
#[derive(Debug, Clone)]
pub struct TelnyxDouble {
    /// `http://127.0.0.1:<port>`: the `api_base` to configure.
    pub base: String,
    /// The API key it accepts.
    pub api_key: String,
    log: Arc<Mutex<TelnyxLog>>,
}

impl TelnyxDouble {
    /// Starts one on a random port.
    pub async fn start() -> Self {
        let double = Self { base: String::new(), api_key: "KEYtest".into(), log: Arc::default() };
        let app = Router::new()
            .route("/v2/calls", post(telnyx_dial))
            .route("/v2/calls/{id}/actions/hangup", post(telnyx_hangup))
            .route("/v2/calls/{id}/actions/answer", post(telnyx_answer))
            .route("/v2/calls/{id}/actions/reject", post(telnyx_reject))
            .with_state(double.clone());
        let base = serve(app, 0).await;
        Self { base, ..double }
    }

    /// Calls placed, in order (one per idempotency key).
    pub fn calls(&self) -> Vec<TelnyxCall> {
        snapshot(&self.log, |l| &l.calls)
    }

    /// Hang-up requests received, in order (call control ids), whether or not the call was
    /// still up.
    pub fn hangups(&self) -> Vec<String> {
        snapshot(&self.log, |l| &l.hangups)
    }

    /// Inbound calls answered, in order (one per `command_id`): the call control id and the
    /// answer's body.
    pub fn answers(&self) -> Vec<TelnyxCall> {
        snapshot(&self.log, |l| &l.answers)
    }

    /// Inbound calls rejected, in order (call control ids).
    pub fn rejects(&self) -> Vec<String> {
        snapshot(&self.log, |l| &l.rejects)
    }

    /// Waits until `n` inbound calls were answered, or panics after 20 s.
    pub async fn wait_for_answers(&self, n: usize) -> Vec<TelnyxCall> {
        wait_for(n, "answers", || self.answers()).await
    }

    /// Waits until `n` inbound calls were rejected, or panics after 20 s.
    pub async fn wait_for_rejects(&self, n: usize) -> Vec<String> {
        wait_for(n, "rejects", || self.rejects()).await
    }

    /// Waits until `n` calls were placed, or panics after 20 s.
    pub async fn wait_for_calls(&self, n: usize) -> Vec<TelnyxCall> {
        wait_for(n, "calls", || self.calls()).await
    }

    /// Waits until `n` hang-ups were requested, or panics after 20 s.
    pub async fn wait_for_hangups(&self, n: usize) -> Vec<String> {
        wait_for(n, "hang-ups", || self.hangups()).await
    }

    fn authorized(&self, headers: &HeaderMap) -> bool {
        headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(format!("Bearer {}", self.api_key).as_str())
    }
}

fn telnyx_unauthorized() -> (StatusCode, Json<Value>) {
    (StatusCode::UNAUTHORIZED, Json(json!({"errors": [{"code": "10009", "title": "Authentication failed"}]})))
}

async fn telnyx_dial(
    State(double): State<TelnyxDouble>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return telnyx_unauthorized();
    }
    if body["connection_id"].as_str().is_none() || body["to"].as_str().is_none() || body["from"].as_str().is_none() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(
                json!({"errors": [{"code": "10015", "title": "Invalid value", "detail": "connection_id, to and from are required"}]}),
            ),
        );
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut log = double.log.lock().expect("log");
    let id = match log.keys.iter().find(|(k, _)| !key.is_empty() && *k == key) {
        Some((_, id)) => id.clone(),
        None => {
            let id = format!("v3:{}", uuid::Uuid::new_v4().simple());
            log.keys.push((key, id.clone()));
            log.calls.push(TelnyxCall { call_control_id: id.clone(), body });
            id
        }
    };
    let leg = uuid::Uuid::new_v4().to_string();
    (
        StatusCode::OK,
        Json(json!({"data": {"call_control_id": id, "call_leg_id": leg, "call_session_id": leg,
                             "is_alive": false, "record_type": "call"}})),
    )
}

/// `POST /v2/calls/{id}/actions/hangup`: a call the double placed and has not ended hangs up;
/// anything else is Telnyx's 422 / 90018.
async fn telnyx_hangup(
    State(double): State<TelnyxDouble>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return telnyx_unauthorized();
    }
    let mut log = double.log.lock().expect("log");
    log.hangups.push(id.clone());
    let live = log.calls.iter().chain(&log.answers).any(|c| c.call_control_id == id) && !log.ended.contains(&id);
    if !live {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"errors": [{"code": "90018", "title": "Call has already ended",
                                    "detail": "This call is no longer active and can't receive commands."}]})),
        );
    }
    log.ended.push(id);
    (StatusCode::OK, Json(json!({"data": {"result": "ok"}})))
}

/// `POST /v2/calls/{id}/actions/answer`: answers a ringing inbound call once per
/// `command_id` (a repeated command is acknowledged and changes nothing).
async fn telnyx_answer(
    State(double): State<TelnyxDouble>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return telnyx_unauthorized();
    }
    let mut log = double.log.lock().expect("log");
    let command = body["command_id"].as_str().unwrap_or_default().to_owned();
    let repeated = !command.is_empty() && log.answers.iter().any(|a| a.body["command_id"] == command.as_str());
    if !repeated {
        log.answers.push(TelnyxCall { call_control_id: id, body });
    }
    (StatusCode::OK, Json(json!({"data": {"result": "ok"}})))
}

/// `POST /v2/calls/{id}/actions/reject`: turns a ringing inbound call away.
async fn telnyx_reject(
    State(double): State<TelnyxDouble>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return telnyx_unauthorized();
    }
    if body["cause"].as_str().is_none() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"errors": [{"code": "10015", "title": "Invalid value", "detail": "cause is required"}]})),
        );
    }
    double.log.lock().expect("log").rejects.push(id);
    (StatusCode::OK, Json(json!({"data": {"result": "ok"}})))
}

/// A copy of one of a double's logs, taken under its lock (empty if a panicking test poisoned
/// it).
fn snapshot<L, T: Clone>(log: &Mutex<L>, pick: impl Fn(&L) -> &Vec<T>) -> Vec<T> {
    log.lock().map(|l| pick(&l).clone()).unwrap_or_default()
}

/// Serves `app` on 127.0.0.1:`port` (0: any) in the background; its base URL.
async fn serve(app: Router, port: u16) -> String {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

/// Waits until `read` returns at least `n` items, or panics after 20 s.
async fn wait_for<T: std::fmt::Debug>(n: usize, what: &str, read: impl Fn() -> Vec<T>) -> Vec<T> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let items = read();
        if items.len() >= n {
            return items;
        }
        assert!(tokio::time::Instant::now() < deadline, "waited for {n} {what}; got {items:?}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// One call the Vonage double placed.
#[derive(Debug, Clone)]
pub struct VonageCall {
    /// Its `uuid`.
    pub uuid: String,
    /// The JSON body Throughline sent.
    pub body: Value,
}

#[derive(Debug, Default)]
struct VonageLog {
    calls: Vec<VonageCall>,
    hangups: Vec<String>,
    ended: Vec<String>,
    /// API tokens' `application_id` claims, in order.
    applications: Vec<String>,
}

/// A Vonage Voice API double on a random local port, with its own application key pair: it
/// accepts only RS256 tokens the private key signed for its application id.
#[derive(Debug, Clone)]
pub struct VonageDouble {
    /// `http://127.0.0.1:<port>`: the `api_base` to configure.
    pub base: String,
    /// The application id.
    pub application_id: String,
    /// The application's private key, PEM PKCS#8: the `private_key` to configure.
    pub private_key_pem: String,
    public_key: Arc<Vec<u8>>,
    log: Arc<Mutex<VonageLog>>,
}

impl VonageDouble {
    /// Starts one on a random port, with a fresh 2048-bit key.
    pub async fn start() -> Self {
        use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
        use aws_lc_rs::signature::KeyPair as _;
        let key = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).expect("an RSA key");
        let der = AsDer::<Pkcs8V1Der>::as_der(&key).expect("PKCS#8");
        let body = base64::engine::general_purpose::STANDARD.encode(der.as_ref());
        let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).expect("base64")).collect();
        let double = Self {
            base: String::new(),
            application_id: uuid::Uuid::new_v4().to_string(),
            private_key_pem: format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n")),
            public_key: Arc::new(key.public_key().as_ref().to_vec()),
            log: Arc::default(),
        };
        let app = Router::new()
            .route("/v1/calls", post(vonage_dial))
            .route("/v1/calls/{uuid}", axum::routing::put(vonage_modify))
            .with_state(double.clone());
        let base = serve(app, 0).await;
        Self { base, ..double }
    }

    /// Calls placed, in order.
    pub fn calls(&self) -> Vec<VonageCall> {
        snapshot(&self.log, |l| &l.calls)
    }

    /// Hang-up requests received, in order (uuids), whether or not the call was still up.
    pub fn hangups(&self) -> Vec<String> {
        snapshot(&self.log, |l| &l.hangups)
    }

    /// The `application_id` of every accepted token, in order.
    pub fn applications(&self) -> Vec<String> {
        snapshot(&self.log, |l| &l.applications)
    }

    /// Waits until `n` calls were placed, or panics after 20 s.
    pub async fn wait_for_calls(&self, n: usize) -> Vec<VonageCall> {
        wait_for(n, "calls", || self.calls()).await
    }

    /// Waits until `n` hang-ups were requested, or panics after 20 s.
    pub async fn wait_for_hangups(&self, n: usize) -> Vec<String> {
        wait_for(n, "hang-ups", || self.hangups()).await
    }

    /// The bearer token is RS256, signed by the application's key, for its id, and current.
    fn authorized(&self, headers: &HeaderMap) -> bool {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let Some(token) =
            headers.get("authorization").and_then(|v| v.to_str().ok()).and_then(|a| a.strip_prefix("Bearer "))
        else {
            return false;
        };
        let parts: Vec<&str> = token.split('.').collect();
        let [header, claims, signature] = parts[..] else { return false };
        let decode = |p: &str| URL_SAFE_NO_PAD.decode(p).ok();
        let (Some(header), Some(claims), Some(signature)) = (decode(header), decode(claims), decode(signature)) else {
            return false;
        };
        let header: Value = serde_json::from_slice(&header).unwrap_or_default();
        let claims: Value = serde_json::from_slice(&claims).unwrap_or_default();
        let key = aws_lc_rs::signature::UnparsedPublicKey::new(
            &aws_lc_rs::signature::RSA_PKCS1_2048_8192_SHA256,
            self.public_key.as_slice(),
        );
        let signed = key.verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature).is_ok();
        let now = chrono::Utc::now().timestamp();
        let current = claims["iat"].as_i64().is_some_and(|iat| iat <= now + 60)
            && claims["exp"].as_i64().is_some_and(|exp| exp > now);
        let ok =
            header["alg"] == "RS256" && signed && current && claims["application_id"] == self.application_id.as_str();
        if ok && let Ok(mut log) = self.log.lock() {
            log.applications.push(self.application_id.clone());
        }
        ok
    }
}

fn vonage_unauthorized() -> (StatusCode, Json<Value>) {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"type": "https://developer.nexmo.com/api-errors#unauthorized", "title": "Unauthorized"})),
    )
}

async fn vonage_dial(
    State(double): State<VonageDouble>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return vonage_unauthorized();
    }
    let has_destination = body["to"][0]["number"].as_str().is_some() && body["from"]["number"].as_str().is_some();
    if !has_destination || !(body["ncco"].is_array() || body["answer_url"].is_array()) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"type": "https://developer.nexmo.com/api-errors#bad-request", "title": "Bad Request",
                        "invalid_parameters": [{"name": "to", "reason": "to, from and an ncco or answer_url are required"}]})),
        );
    }
    let uuid = uuid::Uuid::new_v4().to_string();
    double.log.lock().expect("log").calls.push(VonageCall { uuid: uuid.clone(), body });
    (
        StatusCode::CREATED,
        Json(json!({"uuid": uuid, "status": "started", "direction": "outbound",
                    "conversation_uuid": format!("CON-{}", uuid::Uuid::new_v4())})),
    )
}

/// `PUT /v1/calls/{uuid}` `{"action":"hangup"}`: a call the double placed and has not ended
/// hangs up (204); anything else is 404.
async fn vonage_modify(
    State(double): State<VonageDouble>,
    Path(uuid): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> impl IntoResponse {
    if !double.authorized(&headers) {
        return vonage_unauthorized().into_response();
    }
    if body["action"] != "hangup" {
        return (StatusCode::BAD_REQUEST, Json(json!({"title": "Bad Request"}))).into_response();
    }
    let mut log = double.log.lock().expect("log");
    log.hangups.push(uuid.clone());
    let live = log.calls.iter().any(|c| c.uuid == uuid) && !log.ended.contains(&uuid);
    if !live {
        let missing = json!({"type": "https://developer.nexmo.com/api-errors#not-found", "title": "Not Found",
                             "detail": format!("Call {uuid} does not exist")});
        return (StatusCode::NOT_FOUND, Json(missing)).into_response();
    }
    log.ended.push(uuid);
    StatusCode::NO_CONTENT.into_response()
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
        let url = format!("{}/agent", serve(app, 0).await);
        Self { url, requests }
    }
}
