//! Volunteer service: reporting, geofence and QR check-ins, one open check-in, the
//! forgotten check-out sweeper, offline sync, capacity under concurrency, verified hours,
//! certificates and scoping.

use chrono::Duration;
use linli_domain::policy::Role;
use linli_http::qr::QrSigner;
use linli_tests::{
    TestApp,
    builders::{Centre, Volunteer},
};
use linli_tests::{id_in, text};
use serde_json::{Value, json};
use uuid::Uuid;

/// Where a test of volunteering happens: a community of its own, a compound in it and
/// the community's neighbourhood centre.
struct Place {
    community: Uuid,
    compound: Uuid,
    centre: Centre,
}

async fn place(app: &TestApp) -> Place {
    let community = app.community().create().await;
    let compound = app.compound().in_community(community).create().await.id;
    let centre = app.centre(community).create().await;
    Place {
        community,
        compound,
        centre,
    }
}

/// A volunteer living in the place's compound, granted over its community.
async fn volunteer(app: &TestApp, at: &Place) -> Volunteer {
    app.volunteer(at.compound).over(at.community).create().await
}

/// How many check-ins `person` has.
async fn check_ins_of(app: &TestApp, person: Uuid) -> i64 {
    app.count(
        "SELECT count(*) AS n FROM check_ins WHERE person_id::text = $1",
        &person.to_string(),
    )
    .await
}

/// A point `metres` north of the centre.
fn north(c: &Centre, metres: f64) -> (f64, f64) {
    (c.lat + metres / 111_194.93, c.lon)
}

/// A check-in body for the place's centre, `metres` north of it.
fn at_position(centre: &Centre, metres: f64) -> Value {
    json!({"centre_id": centre.id, "location": centre.position(metres)})
}

#[actix_web::test]
async fn the_geofence_decides_at_its_boundary_and_one_check_in_is_open_at_a_time() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let token = volunteer(&app, &at).await.token;
    let radius = f64::from(c.radius);
    let outside = app
        .post_as(&token, "/api/v1/check-ins", &at_position(c, radius + 3.0))
        .await
        .assert_problem(409, "outside_geofence");
    let detail = outside["detail"].as_str().unwrap_or_default();
    assert!(detail.contains(&format!("{:.0}", radius + 3.0)), "{detail}");
    let inside = app
        .post_as(&token, "/api/v1/check-ins", &at_position(c, radius - 3.0))
        .await;
    inside.assert_status(201);
    let d = inside.json()["distance_m"].as_f64().unwrap_or(-1.0);
    assert!((d - (radius - 3.0)).abs() < 1.0, "{d}");
    app.post_as(&token, "/api/v1/check-ins", &at_position(c, 1.0))
        .await
        .assert_problem(409, "already_checked_in");
    // An imprecise position is refused whatever it says.
    let mut vague = at_position(c, 1.0);
    vague["location"]["accuracy_m"] = json!(500.0);
    let other = volunteer(&app, &at).await.token;
    app.post_as(&other, "/api/v1/check-ins", &vague)
        .await
        .assert_problem(409, "position_imprecise");
    let out = app
        .post_as(&token, "/api/v1/check-ins/check-out", &json!({}))
        .await;
    out.assert_status(200);
    assert_eq!(out.json()["minutes"], 0);
    assert!(out.json()["checked_out_at"].is_string());
    app.post_as(&token, "/api/v1/check-ins/check-out", &json!({}))
        .await
        .assert_problem(409, "not_checked_in");
}

#[actix_web::test]
async fn two_check_ins_at_once_open_one() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let Volunteer { token, person, .. } = volunteer(&app, &at).await;
    let body = at_position(c, 5.0);
    let sends = (0..8).map(|_| app.post_as(&token, "/api/v1/check-ins", &body));
    let responses = futures_util::future::join_all(sends).await;
    assert_eq!(responses.iter().filter(|r| r.status == 201).count(), 1);
    for r in responses.iter().filter(|r| r.status != 201) {
        r.assert_problem(409, "already_checked_in");
    }
    assert_eq!(check_ins_of(&app, person).await, 1);
}

#[actix_web::test]
async fn a_check_in_retried_with_its_idempotency_key_is_answered_once() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let Volunteer { token, person, .. } = volunteer(&app, &at).await;
    let body = at_position(c, 5.0);
    // A phone whose answer was lost sends the same request again, several times at once.
    let sends =
        (0..6).map(|_| app.post_once(&token, "/api/v1/check-ins", "phone-checkin-0001", &body));
    let responses = futures_util::future::join_all(sends).await;
    let created: Vec<&linli_tests::Response> =
        responses.iter().filter(|r| r.status == 201).collect();
    assert!(!created.is_empty());
    for r in responses.iter().filter(|r| r.status != 201) {
        r.assert_problem(409, "idempotency_in_flight");
    }
    let id = created[0].json()["id"].clone();
    assert!(created.iter().all(|r| r.json()["id"] == id));
    let retry = app
        .post_once(&token, "/api/v1/check-ins", "phone-checkin-0001", &body)
        .await;
    retry.assert_status(201);
    assert_eq!(retry.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(retry.json()["id"], id);
    // Another key is a new check-in, refused while the first is open.
    app.post_once(&token, "/api/v1/check-ins", "phone-checkin-0002", &body)
        .await
        .assert_problem(409, "already_checked_in");
    // The same key with another body is a mistake, not a retry.
    app.post_once(
        &token,
        "/api/v1/check-ins",
        "phone-checkin-0001",
        &at_position(c, 9.0),
    )
    .await
    .assert_problem(422, "idempotency_key_reused");
    assert_eq!(check_ins_of(&app, person).await, 1);
}

#[actix_web::test]
async fn a_qr_code_works_for_a_minute_and_never_after() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let staff = app.user_with(Role::CommunityStaff, at.community).await;
    let qr = app
        .get_as(&staff, &format!("/api/v1/centres/{}/qr", c.id))
        .await;
    qr.assert_status(200);
    let token = qr.json()["token"]
        .as_str()
        .expect("the answer carries its token")
        .to_owned();
    let volunteer_token = volunteer(&app, &at).await.token;
    // An old code (two minutes), a code of another centre and garbage are all refused.
    let signer = QrSigner::new(&app.state.settings.auth.jwt_secret);
    let old = signer.issue(c.id, app.clock().now() - Duration::seconds(120));
    let elsewhere = signer.issue(Uuid::new_v4(), app.clock().now());
    for bad in [old.as_str(), elsewhere.as_str(), "not-a-code"] {
        app.post_as(
            &volunteer_token,
            "/api/v1/check-ins",
            &json!({"centre_id": c.id, "qr_token": bad}),
        )
        .await
        .assert_problem(409, "qr_invalid");
    }
    // The code alone names the centre.
    let ok = app
        .post_as(
            &volunteer_token,
            "/api/v1/check-ins",
            &json!({"qr_token": token}),
        )
        .await;
    ok.assert_status(201);
    assert_eq!(ok.json()["method"], "qr");
    assert_eq!(ok.json()["centre_id"], c.id.to_string());
    // Volunteers do not mint codes.
    app.get_as(&volunteer_token, &format!("/api/v1/centres/{}/qr", c.id))
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn fifty_concurrent_sign_ups_never_overbook() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let staff = app.user_with(Role::CommunityStaff, at.community).await;
    let id = app.activity(c.id).places(10).by(&staff).create().await;
    let mut tokens = Vec::new();
    for _ in 0..50 {
        tokens.push(volunteer(&app, &at).await.token);
    }
    let uri = format!("/api/v1/activities/{id}/signups");
    let sends = tokens.iter().map(|t| app.post(&uri).bearer(t).send());
    let responses = futures_util::future::join_all(sends).await;
    assert_eq!(responses.iter().filter(|r| r.status == 201).count(), 10);
    for r in responses.iter().filter(|r| r.status != 201) {
        r.assert_problem(409, "activity_full");
    }
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM signups WHERE activity_id::text = $1 AND status = 'signed'",
            &id
        )
        .await,
        10
    );
    // Check-in opens an hour before the start, not a day before.
    let (lat, lon) = north(c, 5.0);
    app.post_as(
        &tokens[0],
        "/api/v1/check-ins",
        &json!({"activity_id": id, "location": {"lat": lat, "lon": lon, "accuracy_m": 5.0}}),
    )
    .await
    .assert_problem(409, "activity_not_open");
    // A cancellation frees a place.
    let first = responses.iter().position(|r| r.status == 201).unwrap_or(0);
    app.request(
        actix_web::http::Method::DELETE,
        &format!("/api/v1/activities/{id}/signups/me"),
    )
    .bearer(&tokens[first])
    .send()
    .await
    .assert_status(200);
    let late = responses.iter().position(|r| r.status != 201).unwrap_or(0);
    app.post(&uri)
        .bearer(&tokens[late])
        .send()
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn offline_batches_are_idempotent_and_order_free_and_the_sweeper_closes_forgotten_check_outs()
{
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let staff = app.user_with(Role::CommunityStaff, at.community).await;
    let Volunteer { token, person, .. } = volunteer(&app, &at).await;
    let (lat, lon) = north(c, 10.0);
    let start = app.clock().now() - Duration::hours(5);
    let batch = json!({"items": [
        {"client_id": "phone-out-0001", "kind": "check_out", "check_in_client_id": "phone-in-0001",
         "device_time": start + Duration::minutes(90), "centre_id": c.id},
        {"client_id": "phone-in-0001", "kind": "check_in", "centre_id": c.id, "device_time": start,
         "location": {"lat": lat, "lon": lon, "accuracy_m": 12.0}},
        {"client_id": "phone-out-9999", "kind": "check_out", "check_in_client_id": "phone-in-9999",
         "device_time": start + Duration::minutes(100)},
    ]});
    let first = app.post_as(&token, "/api/v1/check-ins/sync", &batch).await;
    first.assert_status(200);
    let items = first.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items[0]["result"], "accepted", "{items:?}");
    assert_eq!(items[1]["result"], "accepted", "{items:?}");
    assert_eq!(items[2]["result"], "rejected");
    assert_eq!(items[2]["code"], "check_in_unknown");
    let again = app
        .post_as(&token, "/api/v1/check-ins/sync", &batch)
        .await
        .json();
    assert_eq!(again["items"][0]["result"], "duplicate");
    assert_eq!(again["items"][1]["result"], "duplicate");
    let mine = app
        .get_as(&token, "/api/v1/check-ins?mine=true")
        .await
        .json();
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(mine["items"][0]["minutes"], 90);

    // A check-in at an activity that ended, never checked out: the sweeper closes it at the
    // activity's end and flags it.
    let a = app
        .activity(c.id)
        .starting(app.clock().now() - Duration::hours(3))
        .lasting(2)
        .by(&staff)
        .create()
        .await;
    let offline = json!({"items": [{"client_id": "phone-in-0002", "kind": "check_in", "activity_id": a,
        "device_time": app.clock().now() - Duration::minutes(170), "location": {"lat": lat, "lon": lon, "accuracy_m": 5.0}}]});
    let r = app
        .post_as(&token, "/api/v1/check-ins/sync", &offline)
        .await
        .json();
    assert_eq!(r["items"][0]["result"], "accepted", "{r}");
    let mut conn = app.conn().await;
    let closed = linli_persistence::volunteering::sweep_forgotten(&mut conn, app.clock().now())
        .await
        .unwrap_or(0);
    assert!(closed >= 1);
    drop(conn);
    let swept = app
        .get_as(
            &token,
            &format!("/api/v1/check-ins?mine=true&activity_id={a}"),
        )
        .await
        .json();
    let s = &swept["items"][0];
    assert_eq!(s["flagged"], true);
    assert_eq!(s["flag_reason"], "forgotten_check_out");
    // Closed at the activity's end, 110 minutes after the check-in (give or take the
    // test's own clock).
    assert!(
        s["minutes"]
            .as_i64()
            .is_some_and(|m| (109..=110).contains(&m)),
        "{s}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM check_ins WHERE person_id::text = $1 AND checked_out_at IS NULL", &person.to_string()).await,
        0
    );
}

#[actix_web::test]
async fn hours_count_only_once_verified_and_certificates_can_be_checked() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let c = &at.centre;
    let staff = app.user_with(Role::CommunityStaff, at.community).await;
    let leader = volunteer(&app, &at).await;
    let member = volunteer(&app, &at).await;
    let team = app
        .team(at.community)
        .leader(leader.person)
        .member(member.person)
        .create()
        .await;
    let (leader, member) = (leader.token, member.token);
    let a = app
        .activity(c.id)
        .starting(app.clock().now() - Duration::hours(2))
        .lasting(4)
        .of_team(team)
        .by(&staff)
        .create()
        .await;
    let (lat, lon) = north(c, 10.0);
    let batch = json!({"items": [
        {"client_id": "member-in-0001", "kind": "check_in", "activity_id": a, "device_time": app.clock().now() - Duration::minutes(100),
         "location": {"lat": lat, "lon": lon, "accuracy_m": 5.0}},
        {"client_id": "member-out-0001", "kind": "check_out", "check_in_client_id": "member-in-0001",
         "device_time": app.clock().now() - Duration::minutes(10)},
    ]});
    app.post_as(&member, "/api/v1/check-ins/sync", &batch)
        .await
        .assert_status(200);
    let mine = |token: String| {
        let app = &app;
        async move {
            let h = app
                .get_as(&token, "/api/v1/service-hours?mine=true&group_by=person")
                .await
                .json();
            (
                h["items"][0]["verified_minutes"].as_i64().unwrap_or(0),
                h["items"][0]["pending_minutes"].as_i64().unwrap_or(0),
            )
        }
    };
    assert_eq!(
        mine(member.clone()).await,
        (0, 90),
        "pending until verified"
    );
    // The queue of the team leader holds it; the member cannot verify their own.
    let queue = app
        .get_as(&leader, "/api/v1/check-ins?verification=pending&open=false")
        .await
        .json();
    let id = text(&queue["items"][0]["id"]);
    assert!(!id.is_empty(), "{queue}");
    app.post_as(
        &member,
        &format!("/api/v1/check-ins/{id}/verification"),
        &json!({"accepted": true}),
    )
    .await
    .assert_problem(403, "forbidden");
    let elsewhere = app.community().create().await;
    let outsider = app.user_with(Role::CommunityStaff, elsewhere).await;
    app.post_as(
        &outsider,
        &format!("/api/v1/check-ins/{id}/verification"),
        &json!({"accepted": true}),
    )
    .await
    .assert_problem(404, "not_found");
    app.post_as(
        &leader,
        &format!("/api/v1/check-ins/{id}/verification"),
        &json!({"accepted": true}),
    )
    .await
    .assert_status(200);
    assert_eq!(mine(member.clone()).await, (90, 0));
    let by_team = app
        .get_as(&staff, "/api/v1/service-hours?group_by=team")
        .await
        .json();
    assert!(by_team["items"].as_array().is_some_and(|a| {
        a.iter()
            .any(|t| t["key"] == team.to_string() && t["verified_minutes"] == 90)
    }));

    let today = app.clock().today();
    let cert = app
        .post_as(
            &member,
            "/api/v1/service-certificates",
            &json!({"from": today - Duration::days(30), "to": today}),
        )
        .await;
    cert.assert_status(201);
    let code = cert.json()["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(cert.json()["total_minutes"], 90);
    let public = app
        .get_public(&format!("/api/v1/public/service-certificates/{code}"))
        .await;
    public.assert_status(200);
    assert_eq!(public.json()["total_minutes"], 90);
    assert!(
        public.json()["person_name"]
            .as_str()
            .is_some_and(|n| n.starts_with('志') && n.contains('*'))
    );
    app.get_public("/api/v1/public/service-certificates/AAAAAAAAAAAA")
        .await
        .assert_problem(404, "not_found");
    let print = app
        .get_as(
            &member,
            &format!("/api/v1/service-certificates/{code}/print"),
        )
        .await;
    print.assert_status(200);
    assert!(print.text().contains("志愿服务证明") && print.text().contains("1.5"));
    app.get_as(
        &leader,
        &format!("/api/v1/service-certificates/{code}/print"),
    )
    .await
    .assert_problem(404, "not_found");
}

/// The report a volunteer asks for with `body` (201), as answered.
async fn request_report(app: &TestApp, token: &str, body: Value) -> Value {
    let r = app.post_as(token, "/api/v1/reports", &body).await;
    r.assert_status(201);
    r.json()
}

#[actix_web::test]
async fn reporting_is_confirmed_by_the_compounds_secretary_one_at_a_time() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let compound = at.compound;
    let token = volunteer(&app, &at).await.token;
    let other = app.compound().in_community(at.community).create().await.id;
    let r = request_report(
        &app,
        &token,
        json!({"compound_id": compound, "note": "居住在本小区"}),
    )
    .await;
    let id = id_in(&r["id"]);
    assert_eq!(r["employer"], "雨花区卫健局");
    app.post_as(&token, "/api/v1/reports", &json!({"compound_id": other}))
        .await
        .assert_problem(409, "report_active");
    // Another compound's secretary neither sees nor decides it.
    let elsewhere = app.user_with(Role::CompoundSecretary, other).await;
    app.post_as(
        &elsewhere,
        &format!("/api/v1/reports/{id}/decision"),
        &json!({"action": "confirm"}),
    )
    .await
    .assert_problem(404, "not_found");
    // The member cannot confirm themselves.
    app.post_as(
        &token,
        &format!("/api/v1/reports/{id}/decision"),
        &json!({"action": "confirm"}),
    )
    .await
    .assert_problem(403, "forbidden");
    let secretary = app.user_with(Role::CompoundSecretary, compound).await;
    let queue = app
        .get_as(&secretary, "/api/v1/reports?status=requested")
        .await
        .json();
    assert!(
        queue["items"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["id"] == id.as_str()))
    );
    let confirmed = app
        .post_as(
            &secretary,
            &format!("/api/v1/reports/{id}/decision"),
            &json!({"action": "confirm"}),
        )
        .await;
    confirmed.assert_status(200);
    assert_eq!(confirmed.json()["status"], "confirmed");
    let stats = app
        .get_as(&app.token_for("admin").await, "/api/v1/stats/volunteering")
        .await;
    stats.assert_status(200);
    assert_eq!(stats.json()["reporting_target"], 13_000);
    assert!(stats.json()["reported_members"].as_i64().unwrap_or(0) >= 1);
    let csv = app
        .get_as(
            &app.token_for("admin").await,
            "/api/v1/volunteering/employer-report?quarter=2026Q4",
        )
        .await;
    csv.assert_status(200);
    assert!(csv.text().contains("雨花区卫健局") && csv.text().contains("已报到"));
    // Residents have no part in any of it.
    let resident = app.user_with(Role::Resident, compound).await;
    for uri in [
        "/api/v1/reports",
        "/api/v1/check-ins",
        "/api/v1/stats/volunteering",
    ] {
        app.get_as(&resident, uri)
            .await
            .assert_problem(403, "forbidden");
    }
}

#[actix_web::test]
async fn a_caller_who_may_not_act_is_refused_before_their_input_is_checked() {
    let app = TestApp::new().await;
    let at = place(&app).await;
    let compound = at.compound;
    let token = volunteer(&app, &at).await.token;
    let r = request_report(&app, &token, json!({"compound_id": compound})).await;
    let id = id_in(&r["id"]);
    // Declining needs a reason, but the member may not decline at all: 403, not 422.
    app.post_as(
        &token,
        &format!("/api/v1/reports/{id}/decision"),
        &json!({"action": "decline"}),
    )
    .await
    .assert_problem(403, "forbidden");
    // A resident does not volunteer: a note too long is not what stops them.
    let resident = app.user_with(Role::Resident, compound).await;
    app.post_as(
        &resident,
        "/api/v1/reports",
        &json!({"compound_id": compound, "note": "字".repeat(501)}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(&resident, "/api/v1/check-ins/sync", &json!({"items": []}))
        .await
        .assert_problem(403, "forbidden");
    // Service hours are a volunteer's or the area staff's: a grouping that does not exist
    // is not what stops someone who is neither.
    let stranger = app.user_with(Role::PropertyStaff, at.community).await;
    app.get_as(&stranger, "/api/v1/service-hours?group_by=nonsense")
        .await
        .assert_problem(403, "forbidden");
    // The secretary declining without a reason is told what is missing.
    let secretary = app.user_with(Role::CompoundSecretary, compound).await;
    app.post_as(
        &secretary,
        &format!("/api/v1/reports/{id}/decision"),
        &json!({"action": "decline", "reason": " "}),
    )
    .await
    .assert_problem(422, "validation_failed");
}
