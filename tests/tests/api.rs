//! The HTTP API end to end, on the embedded default and on Postgres + Redis.

use std::collections::BTreeSet;
use std::time::Duration;

use futures_util::StreamExt;
use serde_json::{Value, json};
use throughline_e2e::{Kind, TestApp, campaign_body, error_of, lead_body, on_both_backends};

on_both_backends!(
    readiness_reports_the_backend_in_use,
    every_api_route_needs_a_valid_key,
    campaigns_round_trip_and_bad_ones_name_the_field,
    a_lead_opens_a_conversation_with_its_consent_ledger,
    bad_leads_are_refused_and_write_nothing,
    concurrent_turns_get_a_gap_free_sequence,
    three_turns_make_a_summary_that_survives_a_restart,
    a_retried_turn_with_the_same_idempotency_key_lands_once,
    facts_are_validated_and_feed_the_summary,
    a_handoff_request_is_validated_and_recorded_once,
    status_changes_are_recorded_with_the_actor,
    unknown_conversations_and_bad_ids_are_not_found,
    appends_are_announced_on_the_hot_state_bus,
    metrics_count_requests_by_route,
    revoked_keys_stop_working,
);

async fn readiness_reports_the_backend_in_use(app: TestApp) {
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ready"], true);
    assert_eq!(body["database"]["migrations_applied"], true);
    let (db, hot) = match app.kind() {
        Kind::Embedded => ("sqlite", "memory"),
        Kind::Production => ("postgres", "redis"),
    };
    assert_eq!(body["database"]["backend"], db);
    assert_eq!(body["hot_state"]["backend"], hot);
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
}

async fn every_api_route_needs_a_valid_key(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let routes = [
        ("POST", "/api/v1/campaigns".to_owned()),
        ("GET", format!("/api/v1/campaigns/{conversation}")),
        ("POST", "/api/v1/leads".to_owned()),
        ("GET", format!("/api/v1/leads/{conversation}")),
        ("GET", format!("/api/v1/conversations/{conversation}")),
        ("GET", format!("/api/v1/conversations/{conversation}/summary")),
        ("PUT", format!("/api/v1/conversations/{conversation}/status")),
        ("POST", format!("/api/v1/conversations/{conversation}/turns")),
        ("POST", format!("/api/v1/conversations/{conversation}/facts")),
        ("POST", format!("/api/v1/conversations/{conversation}/handoff")),
    ];
    let before = app.row_counts().await;
    let wrong_key = format!("tl_{}", "0".repeat(64));
    for (method, path) in &routes {
        for auth in
            [None, Some("Bearer nonsense".to_owned()), Some(format!("Bearer {wrong_key}")), Some(app.api_key.clone())]
        {
            let mut request = app.client.request(method.parse().unwrap(), app.url(path)).json(&json!({"text": "hi"}));
            if let Some(value) = &auth {
                request = request.header("authorization", value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.headers().get("www-authenticate").map(|v| v.to_str().unwrap()),
                Some("Bearer"),
                "{method} {path}"
            );
            assert_eq!(error_of(response).await.0, 401, "{method} {path} with {auth:?}");
        }
    }
    assert_eq!(app.row_counts().await, before, "unauthenticated requests wrote nothing");
}

async fn campaigns_round_trip_and_bad_ones_name_the_field(app: TestApp) {
    let id = app.create_campaign().await;
    let got: Value = app.get(&format!("/api/v1/campaigns/{id}")).await.json().await.unwrap();
    assert_eq!(got["name"], campaign_body()["name"]);
    assert_eq!(got["persona"], campaign_body()["persona"]);
    assert_eq!(got["voice"]["bot_url"], "wss://bot.example/ws");
    assert_eq!(got["agent"]["mode"], "builtin");

    let mut no_company = campaign_body();
    no_company["persona"] = json!({"name": "Ava"});
    let (status, code, field) = error_of(app.post("/api/v1/campaigns", &no_company).await).await;
    assert_eq!((status, code.as_str(), field.as_deref()), (422, "missing_field", Some("persona.company")));
    for (key, value, code, field) in [
        ("cadence", json!({"strategy": "spam_everyone"}), "unknown_strategy", "cadence.strategy"),
        ("cadence", json!({"steps": [{"id": "a", "action": "sms"}]}), "missing_field", "cadence.steps[0].template"),
        ("windows", json!({"start": "21:00", "end": "09:00"}), "empty_window", "windows"),
        ("caps", json!({"calls_per_day": 3}), "invalid_field", "caps"),
    ] {
        let mut body = campaign_body();
        body[key] = value;
        let got = error_of(app.post("/api/v1/campaigns", &body).await).await;
        assert_eq!(got, (422, code.to_owned(), Some(field.to_owned())), "{key}");
    }
    let missing = app.get(&format!("/api/v1/campaigns/{}", uuid::Uuid::now_v7())).await;
    assert_eq!(error_of(missing).await.0, 404);
}

async fn a_lead_opens_a_conversation_with_its_consent_ledger(app: TestApp) {
    let (lead, conversation) = app.create_lead().await;
    let got: Value = app.get(&format!("/api/v1/leads/{lead}")).await.json().await.unwrap();
    assert_eq!(got["phone"], "+13055550142", "phone normalised to E.164");
    assert_eq!(got["status"], "in_progress");
    assert_eq!(got["conversation_id"], conversation.as_str());
    assert_eq!(got["state"], "FL");
    let consent = got["consent"].as_array().unwrap();
    assert_eq!(consent.len(), 2);
    assert_eq!(consent[0]["disclosure_text"], "I agree to receive automated texts from Acme Solar.");
    assert_eq!(consent[0]["ip"], "203.0.113.7");
    assert!(consent.iter().all(|c| c["revoked_at"].is_null()));

    let conv: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let kinds: Vec<&str> = conv["timeline"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["lead_created", "consent_granted", "consent_granted"]);
    assert_eq!(conv["state"]["status"], "in_progress");
    assert_eq!(conv["state"]["stage"], "new");
    assert_eq!(conv["state"]["consent"]["sms"]["kind"], "express_written");
}

async fn bad_leads_are_refused_and_write_nothing(app: TestApp) {
    let campaign = app.create_campaign().await;
    let before = app.row_counts().await;
    let mut invalid_phone = lead_body(&campaign);
    invalid_phone["phone"] = json!("555-CALL-NOW");
    let mut unknown_campaign = lead_body(&campaign);
    unknown_campaign["campaign_id"] = json!(uuid::Uuid::now_v7().to_string());
    let mut missing_consent_time = lead_body(&campaign);
    missing_consent_time["consent"][1].as_object_mut().unwrap().remove("captured_at");
    let mut missing_consent_text = lead_body(&campaign);
    missing_consent_text["consent"][0]["text"] = json!("  ");
    let mut wrong_type = lead_body(&campaign);
    wrong_type["first_name"] = json!(42);
    let cases = [
        (invalid_phone, 422, "invalid_phone", Some("phone")),
        (unknown_campaign, 422, "unknown_campaign", Some("campaign_id")),
        (missing_consent_time, 422, "missing_field", Some("consent[1].captured_at")),
        (missing_consent_text, 422, "missing_field", Some("consent[0].text")),
        (wrong_type, 422, "invalid_field", Some("first_name")),
    ];
    for (body, status, code, field) in cases {
        let got = error_of(app.post("/api/v1/leads", &body).await).await;
        assert_eq!(got, (status, code.to_owned(), field.map(str::to_owned)));
    }
    let raw = |body: Vec<u8>, content_type: &'static str| {
        app.client
            .post(app.url("/api/v1/leads"))
            .bearer_auth(&app.api_key)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // The server answers an oversize body without reading it and then closes the connection;
    // `connection: close` keeps the client from reusing it for the next request (a race that
    // otherwise fails that request with an incomplete message).
    let oversize = serde_json::to_vec(&json!({"campaign_id": campaign, "first_name": "x".repeat(200_000)})).unwrap();
    let refused = app
        .client
        .post(app.url("/api/v1/leads"))
        .bearer_auth(&app.api_key)
        .header("content-type", "application/json")
        .header("connection", "close")
        .body(oversize)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(refused).await.1, "payload_too_large");
    assert_eq!(
        error_of(raw(b"{\"campaign_id\": ".to_vec(), "application/json").await.unwrap()).await,
        (400, "invalid_json".into(), None)
    );
    assert_eq!(error_of(raw(b"phone=1".to_vec(), "application/x-www-form-urlencoded").await.unwrap()).await.0, 415);
    assert_eq!(app.row_counts().await, before, "refused leads wrote nothing");
}

async fn concurrent_turns_get_a_gap_free_sequence(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let path = format!("/api/v1/conversations/{conversation}/turns");
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (client, url, key) = (app.client.clone(), app.url(&path), app.api_key.clone());
        tasks.push(tokio::spawn(async move {
            let body = json!({"channel": "voice", "role": if i % 2 == 0 { "lead" } else { "ai" }, "text": format!("line {i}")});
            let response = client.post(url).bearer_auth(key).json(&body).send().await.unwrap();
            assert_eq!(response.status(), 201);
            response.json::<Value>().await.unwrap()["seq"].as_u64().unwrap()
        }));
    }
    let mut seqs = BTreeSet::new();
    for t in tasks {
        assert!(seqs.insert(t.await.unwrap()), "no two appends share a seq");
    }
    // Three opening events (lead + two consents) then exactly 4..=53.
    assert_eq!(seqs, (4..=53).collect::<BTreeSet<u64>>());
    let conv: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let timeline: Vec<u64> = conv["timeline"].as_array().unwrap().iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert_eq!(timeline, (1..=53).collect::<Vec<u64>>());
    let texts: BTreeSet<&str> =
        conv["timeline"].as_array().unwrap().iter().filter_map(|e| e["text"].as_str()).collect();
    assert_eq!(texts.len(), 50, "every turn stored once");
}

async fn three_turns_make_a_summary_that_survives_a_restart(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let turns = [
        json!({"channel": "sms", "role": "ai", "text": "Hi Maria, it's Ava, Acme Solar's AI assistant. Still looking at panels?"}),
        json!({"channel": "sms", "role": "lead", "text": "yes, for a 2,000 sq ft house. how long does install take?"}),
        json!({"channel": "voice", "role": "lead", "text": "We want it done before summer", "heard": true}),
    ];
    for turn in &turns {
        assert_eq!(app.post(&format!("/api/v1/conversations/{conversation}/turns"), turn).await.status(), 201);
    }
    for (slot, value) in [("need", "rooftop solar"), ("timeline", "before summer")] {
        let response = app
            .post(
                &format!("/api/v1/conversations/{conversation}/facts"),
                &json!({"slot": slot, "value": value, "confidence": 0.9}),
            )
            .await;
        assert_eq!(response.status(), 201);
    }
    let summary: Value = app.get(&format!("/api/v1/conversations/{conversation}/summary")).await.json().await.unwrap();
    assert_eq!(summary["facts"], json!({"need": "rooftop solar", "timeline": "before summer"}));
    assert_eq!(summary["lead"]["name"], "Maria Lopez");
    assert_eq!(summary["first_channel"], "sms");
    assert_eq!(summary["channels_used"], json!(["sms", "voice"]));
    assert_eq!(summary["open_questions"], json!(["yes, for a 2,000 sq ft house. how long does install take?"]));
    let text = summary["text"].as_str().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!((1..=3).contains(&lines.len()), "{text}");
    assert!(lines[0].contains("Maria Lopez") && lines[0].contains("need: rooftop solar"), "{text}");
    assert!(text.contains("timeline=before summer"), "{text}");
    assert!(text.contains("We want it done before summer"), "{text}");

    let before: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let app = app.restart().await;
    let after: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    assert_eq!(before["timeline"], after["timeline"]);
    assert_eq!(after["timeline"].as_array().unwrap().len(), 3 + 3 + 2);
    let again: Value = app.get(&format!("/api/v1/conversations/{conversation}/summary")).await.json().await.unwrap();
    assert_eq!(summary, again);
}

async fn a_retried_turn_with_the_same_idempotency_key_lands_once(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let url = app.url(&format!("/api/v1/conversations/{conversation}/turns"));
    let send = || {
        app.client
            .post(&url)
            .bearer_auth(&app.api_key)
            .header("idempotency-key", "bot-turn-17")
            .json(&json!({"channel": "voice", "role": "ai", "text": "Let me check that for you.", "heard": false}))
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let second = send().await.unwrap();
    assert_eq!(second.status(), 200);
    let second: Value = second.json().await.unwrap();
    assert_eq!(second["seq"], first["seq"]);
    assert_eq!(second["duplicate"], true);
    let conv: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let turns: Vec<&Value> =
        conv["timeline"].as_array().unwrap().iter().filter(|e| e["type"] == "transcript_turn").collect();
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0]["heard"], false, "an unheard line is recorded as unheard");
}

async fn facts_are_validated_and_feed_the_summary(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let path = format!("/api/v1/conversations/{conversation}/facts");
    let before = app.row_counts().await;
    let cases = [
        (json!({"slot": "Budget!", "value": "20k"}), "invalid_slot", "slot"),
        (json!({"value": "20k"}), "missing_field", "slot"),
        (json!({"slot": "budget"}), "missing_field", "value"),
        (json!({"slot": "budget", "value": {"nested": true}}), "invalid_type", "value"),
        (json!({"slot": "budget", "value": "20k", "confidence": 3}), "out_of_range", "confidence"),
        (json!({"slot": "budget", "value": "20k", "source_turn": 99}), "invalid_seq", "source_turn"),
    ];
    for (body, code, field) in cases {
        let got = error_of(app.post(&path, &body).await).await;
        assert_eq!(got, (422, code.to_owned(), Some(field.to_owned())), "{body}");
    }
    assert_eq!(app.row_counts().await, before);
    let ok = app.post(&path, &json!({"slot": "budget", "value": 20000, "source_turn": 1})).await;
    assert_eq!(ok.status(), 201);
    let replaced = app.post(&path, &json!({"slot": "budget", "value": 25000})).await;
    assert_eq!(replaced.status(), 201);
    let summary: Value = app.get(&format!("/api/v1/conversations/{conversation}/summary")).await.json().await.unwrap();
    assert_eq!(summary["facts"]["budget"], 25000, "the latest value wins");
}

async fn a_handoff_request_is_validated_and_recorded_once(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let path = format!("/api/v1/conversations/{conversation}/handoff");
    let before = app.row_counts().await;
    for (body, code, field) in [
        (json!({}), "missing_field", "reason"),
        (json!({"reason": "   "}), "missing_field", "reason"),
        (json!({"reason": "x".repeat(501)}), "too_long", "reason"),
        (json!({"reason": "caller asked for a person", "by": "robot"}), "invalid_role", "by"),
    ] {
        let got = error_of(app.post(&path, &body).await).await;
        assert_eq!(got, (422, code.to_owned(), Some(field.to_owned())), "{body}");
    }
    let unknown = format!("/api/v1/conversations/{}/handoff", uuid::Uuid::now_v7());
    assert_eq!(error_of(app.post(&unknown, &json!({"reason": "x"})).await).await.0, 404);
    assert_eq!(app.row_counts().await, before, "refused requests wrote nothing");

    let send = || {
        app.client
            .post(app.url(&path))
            .bearer_auth(&app.api_key)
            .header("idempotency-key", "bot-transfer-1")
            .json(&json!({"reason": "caller asked for a person"}))
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let again = send().await.unwrap();
    assert_eq!(again.status(), 200, "a retry lands once");
    let again: Value = again.json().await.unwrap();
    assert_eq!((again["seq"].clone(), again["duplicate"].clone()), (first["seq"].clone(), json!(true)));
    let by_agent = app.post(&path, &json!({"reason": "taking over", "by": "agent"})).await;
    assert_eq!(by_agent.status(), 201);

    let conv: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let handoffs: Vec<(&str, &str)> = conv["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "handoff_requested")
        .map(|e| (e["reason"].as_str().unwrap(), e["by"].as_str().unwrap()))
        .collect();
    assert_eq!(handoffs, [("caller asked for a person", "ai"), ("taking over", "agent")]);
    assert_eq!(conv["state"]["stage"], "handoff_pending");
}

async fn status_changes_are_recorded_with_the_actor(app: TestApp) {
    let (lead, conversation) = app.create_lead().await;
    let path = format!("/api/v1/conversations/{conversation}/status");
    let bad = error_of(app.put(&path, &json!({"status": "won"})).await).await;
    assert_eq!(bad, (422, "invalid_status".to_owned(), Some("status".to_owned())));
    let ok = app.put(&path, &json!({"status": "qualified", "note": "budget confirmed"})).await;
    assert_eq!(ok.status(), 200);
    let lead: Value = app.get(&format!("/api/v1/leads/{lead}")).await.json().await.unwrap();
    assert_eq!(lead["status"], "qualified");
    let conv: Value = app.get(&format!("/api/v1/conversations/{conversation}")).await.json().await.unwrap();
    let last = conv["timeline"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["type"].as_str(), last["by"].as_str()), (Some("status_changed"), Some("api:e2e")));
    assert_eq!(conv["state"]["status"], "qualified");
}

async fn unknown_conversations_and_bad_ids_are_not_found(app: TestApp) {
    let before = app.row_counts().await;
    let unknown = uuid::Uuid::now_v7();
    for path in [
        format!("/api/v1/conversations/{unknown}"),
        format!("/api/v1/conversations/{unknown}/summary"),
        "/api/v1/conversations/not-a-uuid".to_owned(),
        format!("/api/v1/leads/{unknown}"),
        "/api/v1/nothing-here".to_owned(),
    ] {
        assert_eq!(error_of(app.get(&path).await).await.0, 404, "{path}");
    }
    let turn = json!({"channel": "sms", "role": "lead", "text": "hello?"});
    assert_eq!(error_of(app.post(&format!("/api/v1/conversations/{unknown}/turns"), &turn).await).await.0, 404);
    let fact = json!({"slot": "need", "value": "x"});
    assert_eq!(error_of(app.post(&format!("/api/v1/conversations/{unknown}/facts"), &fact).await).await.0, 404);
    let wrong_method = app.client.delete(app.url("/api/v1/leads")).bearer_auth(&app.api_key).send().await.unwrap();
    assert_eq!(error_of(wrong_method).await.1, "method_not_allowed");
    assert_eq!(app.row_counts().await, before);
}

async fn appends_are_announced_on_the_hot_state_bus(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    let topic = format!("conversation:{conversation}");
    let mut updates = app.hot.subscribe(&topic).await.unwrap();
    // Probe until the subscription is live (Redis may confirm SUBSCRIBE after `subscribe`
    // returns), so the append below cannot race it.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        app.hot.publish(&[&topic], "probe").await.unwrap();
        match tokio::time::timeout(Duration::from_millis(200), updates.next()).await {
            Ok(Some(m)) if m == "probe" => break,
            // The lead's own creation is announced off the request path, so it may arrive
            // now; the loop below tells it apart by its sequence number.
            Ok(Some(_)) => {}
            Ok(None) => panic!("the subscription closed"),
            Err(_) => assert!(tokio::time::Instant::now() < deadline, "subscription never became live"),
        }
    }
    let response = app
        .post(
            &format!("/api/v1/conversations/{conversation}/turns"),
            &json!({"channel": "sms", "role": "lead", "text": "call me"}),
        )
        .await;
    let seq = response.json::<Value>().await.unwrap()["seq"].as_u64().unwrap();
    let message = loop {
        let message =
            tokio::time::timeout(Duration::from_secs(5), updates.next()).await.expect("notified in time").unwrap();
        if message == "probe" {
            continue;
        }
        let message: Value = serde_json::from_str(&message).unwrap();
        if message["seq"].as_u64().unwrap() < seq {
            // An earlier append's announcement (the lead's creation), late but in order.
            assert!(!message["kinds"].as_array().unwrap().contains(&json!("transcript_turn")), "{message}");
            continue;
        }
        break message;
    };
    assert_eq!(message["seq"], seq);
    assert_eq!(message["kinds"], json!(["transcript_turn"]));
}

async fn metrics_count_requests_by_route(app: TestApp) {
    let (_, conversation) = app.create_lead().await;
    app.post(
        &format!("/api/v1/conversations/{conversation}/turns"),
        &json!({"channel": "sms", "role": "lead", "text": "hi"}),
    )
    .await;
    let text = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("throughline_http_requests_total"), "{text}");
    assert!(text.contains("route=\"/api/v1/conversations/{id}/turns\""), "routes, not raw paths");
    assert!(!text.contains(&conversation), "no ids in metric labels");
    assert!(text.contains("throughline_events_appended_total{kind=\"transcript_turn\"}"));
}

async fn revoked_keys_stop_working(app: TestApp) {
    let key = server::auth::create(app.store.as_ref(), "temp").await.unwrap();
    let ok = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{}", uuid::Uuid::now_v7())))
        .bearer_auth(&key.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 404, "the key works");
    assert!(app.store.revoke_api_key(key.record.id, chrono::Utc::now()).await.unwrap());
    let refused = app.client.get(app.url("/api/v1/campaigns/x")).bearer_auth(&key.secret).send().await.unwrap();
    assert_eq!(refused.status(), 401);
}
