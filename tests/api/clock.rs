//! One clock: what the server's clock says, PostgreSQL says too.

use chrono::TimeDelta;
use linli_domain::{clock::Clock, policy::Role};
use linli_tests::{TestApp, pool_settings};
use serde_json::json;

#[actix_web::test]
async fn the_database_stamps_and_compares_by_the_servers_clock() {
    let ahead = Clock::offset_by(linli_tests::test_clock().offset() + TimeDelta::days(400));
    let mut pool = pool_settings(4);
    pool.clock = ahead;
    let app = TestApp::with(pool, |_| {}).await;
    assert_eq!(app.clock(), ahead);
    let db_now = app
        .count(
            "SELECT extract(epoch FROM linli_now())::bigint AS n WHERE $1 = $1",
            "",
        )
        .await;
    assert!((db_now - ahead.now().timestamp()).abs() <= 5, "{db_now}");
    let db_today = app
        .count(
            "SELECT to_char(linli_today(), 'YYYYMMDD')::bigint AS n WHERE $1 = $1",
            "",
        )
        .await;
    assert_eq!(
        db_today.to_string(),
        ahead.today().format("%Y%m%d").to_string()
    );
    // A row stamped by its column default carries the shifted time.
    app.post("/api/v1/auth/login")
        .json(&json!({"username": "admin", "password": "not the password"}))
        .send()
        .await
        .assert_problem(401, "invalid_credentials");
    let stamped_ahead = app
        .count(
            "SELECT count(*) AS n FROM login_attempts WHERE username = $1 AND at > now() + interval '399 days'",
            "admin",
        )
        .await;
    assert_eq!(stamped_ahead, 1);
    // And the server decides by it: the current month of the system clock has ended.
    let this_month = linli_tests::test_clock()
        .today()
        .format("%Y-%m")
        .to_string();
    let compound = app.compound().self_managed().create().await.id;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let closed = app
        .post_as(
            &committee,
            &format!("/api/v1/compounds/{compound}/ledger/periods"),
            &json!({ "month": this_month }),
        )
        .await;
    assert!(
        !closed.text().contains("period_not_ended"),
        "{} {}",
        closed.status,
        closed.text()
    );
    assert_eq!(closed.status.as_u16(), 204, "{}", closed.text());
}
