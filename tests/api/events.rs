//! The outbox and the event feed.

use std::collections::HashSet;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use linli_persistence::{
    StoreError,
    events::{self, NewEvent},
};
use linli_tests::TestApp;
use serde_json::{Value, json};

async fn feed_all(
    app: &TestApp,
    token: &str,
    mut after: Option<String>,
) -> (Vec<Value>, Option<String>) {
    let mut items = Vec::new();
    loop {
        let uri = match &after {
            Some(c) => format!("/api/v1/events?limit=100&after={c}"),
            None => "/api/v1/events?limit=100".to_owned(),
        };
        let page = app.get_as(token, &uri).await;
        page.assert_status(200);
        let page = page.json();
        let batch = page["items"].as_array().cloned().unwrap_or_default();
        after = page["next_cursor"].as_str().map(str::to_owned);
        if batch.is_empty() {
            return (items, after);
        }
        items.extend(batch);
    }
}

#[actix_web::test]
async fn a_rolled_back_change_emits_nothing() {
    let app = TestApp::new().await;
    let before = app
        .count("SELECT count(*) AS n FROM events WHERE $1 = $1", "")
        .await;
    let mut conn = app.conn().await;
    let result = (&mut *conn as &mut AsyncPgConnection)
        .transaction::<(), StoreError, _>(async |tx| {
            events::emit(
                tx,
                NewEvent {
                    event_type: "compound.updated",
                    area_path: None,
                    subject_type: "compound",
                    subject_id: "x".into(),
                    payload: json!({}),
                },
            )
            .await?;
            Err(linli_domain::DomainError::Conflict("the change failed".into()).into())
        })
        .await;
    assert!(result.is_err());
    assert_eq!(
        app.count("SELECT count(*) AS n FROM events WHERE $1 = $1", "")
            .await,
        before
    );
    // Through the API: a refused update (stale If-Match) announces nothing either.
    let admin = app.token_for("admin").await;
    let uri = format!("/api/v1/compounds/{}", app.area_id("卫技新村").await);
    let body = app.get_as(&admin, &uri).await.json();
    app.put(&uri)
        .bearer(&admin)
        .header("if-match", "\"v99\"")
        .json(&body)
        .send()
        .await
        .assert_status(412);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM events WHERE $1 = $1", "")
            .await,
        before
    );
}

#[actix_web::test]
async fn the_feed_has_no_gaps_or_repeats_while_events_are_written() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    let writes = (0..60).map(|i| {
        app.post("/api/v1/compounds")
            .bearer(&admin)
            .json(&json!({"community_id": community, "name": format!("事件{i}"), "address": "事件路", "building_count": 1, "household_count": 5, "governance_mode": "entrusted"}))
            .send()
    });
    let reads = async {
        let mut seen = Vec::new();
        let mut cursor = None;
        for _ in 0..30 {
            let (items, next) = feed_all(&app, &admin, cursor.clone()).await;
            seen.extend(items);
            cursor = next;
        }
        (seen, cursor)
    };
    let (results, (mut seen, cursor)) =
        futures_util::future::join(futures_util::future::join_all(writes), reads).await;
    assert!(results.iter().all(|r| r.status.as_u16() == 201));
    let (rest, _) = feed_all(&app, &admin, cursor).await;
    seen.extend(rest);
    let seqs: Vec<i64> = seen.iter().filter_map(|e| e["seq"].as_i64()).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "feed order is strictly increasing"
    );
    let ids: HashSet<&str> = seen.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(ids.len(), seen.len(), "no repeats");
    assert_eq!(seen.len(), 60, "no gaps: every committed event was read");
    assert!(seen.iter().all(|e| e["type"] == "compound.created"));
}

#[actix_web::test]
async fn the_feed_is_scoped_by_area_and_key_scopes() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let ziyuan = app.area_id("梓园社区").await;
    let tongsheng = app.area_id("新兴社区").await;
    for (community, name) in [(ziyuan, "梓园事件"), (tongsheng, "同升事件")] {
        app.post_as(&admin, "/api/v1/compounds", &json!({"community_id": community, "name": name, "address": "路", "building_count": 1, "household_count": 5, "governance_mode": "entrusted"})).await
            .assert_status(201);
    }
    let staff = app.token_for("houjiatang").await;
    let (mine, _) = feed_all(&app, &staff, None).await;
    assert_eq!(mine.len(), 1, "only the subdistrict's event");
    assert_eq!(mine[0]["data"]["community_id"], ziyuan.to_string());
    let district = app.area_id("雨花区").await;
    let key_for = |scopes: Value| {
        let app = &app;
        async move { app.api_key("数据平台", scopes, district).await.0 }
    };
    let registry = key_for(json!(["registry:read"])).await;
    let page = app.get_with_key(&registry, "/api/v1/events").await.json();
    assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
    let complaints = key_for(json!(["complaints:read"])).await;
    let page = app.get_with_key(&complaints, "/api/v1/events").await.json();
    assert_eq!(
        page["items"].as_array().map(Vec::len),
        Some(0),
        "no registry events for a complaints key"
    );
    let resident = app.token_for("weiji.resident").await;
    app.get_as(&resident, "/api/v1/events")
        .await
        .assert_problem(403, "forbidden");
    app.get_as(&admin, "/api/v1/events?after=nonsense")
        .await
        .assert_problem(400, "invalid_cursor");
}
