//! The carriers' REST clients against doubles speaking their formats: what is sent (auth,
//! idempotency header, body) and how answers are read (id, retryable or refused).

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use domain::{CallId, ConversationId, E164, MessageSource};
use providers::{Carrier, CarrierError, SmsRequest, TelnyxAccount, TelnyxCarrier, TwilioAccount, TwilioCarrier};
use serde_json::{Value, json};
use throughline_e2e::doubles::TwilioDouble;

fn sms(key: &str, api_base: Option<String>) -> SmsRequest {
    SmsRequest {
        conversation_id: ConversationId::new(),
        to: E164::parse("+13125550199").unwrap(),
        from: E164::parse("+14155550100").unwrap(),
        body: "Hi Maria".into(),
        idempotency_key: key.into(),
        now: chrono::Utc::now(),
        api_base,
        status_callback: Some("https://t.example/webhooks/telnyx/sms?conversation_id=x&message_id=y".into()),
        source: MessageSource::System,
        transactional: false,
    }
}

/// A Telnyx double: records requests, answers with `status` and `body`.
async fn telnyx_double(status: StatusCode, body: Value) -> (String, Arc<Mutex<Vec<(HeaderMap, Value)>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let app = axum::Router::new().route(
        "/v2/messages",
        post(move |headers: HeaderMap, Json(request): Json<Value>| {
            let (log, body) = (log.clone(), body.clone());
            async move {
                log.lock().unwrap().push((headers, request));
                (status, Json(body))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, seen)
}

fn telnyx(base: &str) -> TelnyxCarrier {
    TelnyxCarrier::new(TelnyxAccount {
        api_key: "KEYsecret".to_owned().into(),
        api_base: base.into(),
        messaging_profile_id: Some("profile-1".into()),
        connection_id: None,
    })
}

#[tokio::test]
async fn telnyx_sends_json_with_bearer_auth_and_an_idempotency_key() {
    let (base, seen) =
        telnyx_double(StatusCode::OK, json!({"data": {"id": "40317f5e-msg", "record_type": "message"}})).await;
    let receipt = telnyx(&base).send_sms(&sms("conv:1", None)).await.unwrap();
    assert_eq!(receipt.provider_id, "40317f5e-msg");
    let (headers, body) = seen.lock().unwrap()[0].clone();
    assert_eq!(headers["authorization"], "Bearer KEYsecret");
    assert_eq!(headers["idempotency-key"], "conv:1");
    assert_eq!(body["to"], "+13125550199");
    assert_eq!(body["text"], "Hi Maria");
    assert_eq!(body["messaging_profile_id"], "profile-1");
    assert!(body["webhook_url"].as_str().unwrap().contains("/webhooks/telnyx/sms"));
    // Calls need a connection.
    let call = providers::CallRequest {
        conversation_id: ConversationId::new(),
        call_id: CallId::new(),
        to: E164::parse("+13125550199").unwrap(),
        from: E164::parse("+14155550100").unwrap(),
        idempotency_key: "k".into(),
        now: chrono::Utc::now(),
        api_base: None,
        answer_url: None,
        status_callback: None,
        stream_url: None,
    };
    assert!(matches!(telnyx(&base).place_call(&call).await, Err(CarrierError::Rejected(_))));
}

#[tokio::test]
async fn carrier_answers_are_read_as_retryable_or_refused() {
    let (base, _) = telnyx_double(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({"errors": [{"code": "40310", "title": "Invalid 'to' address"}]}),
    )
    .await;
    let refused = telnyx(&base).send_sms(&sms("k", None)).await.unwrap_err();
    assert_eq!(refused, CarrierError::Rejected("Telnyx answered 422: code 40310 (Invalid 'to' address)".into()));
    let (base, _) = telnyx_double(StatusCode::SERVICE_UNAVAILABLE, json!({})).await;
    assert!(matches!(telnyx(&base).send_sms(&sms("k", None)).await, Err(CarrierError::Unavailable(_))));
    let (base, _) = telnyx_double(StatusCode::TOO_MANY_REQUESTS, json!({})).await;
    assert!(matches!(telnyx(&base).send_sms(&sms("k", None)).await, Err(CarrierError::Unavailable(_))));
    // Nothing listening: retry later.
    let gone = telnyx("http://127.0.0.1:9").send_sms(&sms("k", None)).await.unwrap_err();
    assert!(matches!(gone, CarrierError::Unavailable(_)), "{gone:?}");
}

#[tokio::test]
async fn twilio_sends_a_form_with_basic_auth_and_a_campaign_api_base_wins() {
    let double = TwilioDouble::start().await;
    let account = |base: &str| TwilioAccount {
        account_sid: double.account_sid.clone(),
        auth_token: double.auth_token.clone().into(),
        api_base: base.into(),
    };
    // The instance's base is wrong; the campaign's override reaches the double.
    let carrier = TwilioCarrier::new(account("http://127.0.0.1:9"));
    let first = carrier.send_sms(&sms("conv:2", Some(double.base.clone()))).await.unwrap();
    assert!(first.provider_id.starts_with("SM"));
    let again = carrier.send_sms(&sms("conv:2", Some(double.base.clone()))).await.unwrap();
    assert_eq!(again.provider_id, first.provider_id, "the same key is the same message");
    assert_eq!((double.messages().len(), double.repeats()), (1, 1));
    // A wrong token is refused, not retried.
    let wrong = TwilioCarrier::new(TwilioAccount { auth_token: "nope".to_owned().into(), ..account(&double.base) });
    assert!(matches!(wrong.send_sms(&sms("k3", None)).await, Err(CarrierError::Rejected(_))));
}
