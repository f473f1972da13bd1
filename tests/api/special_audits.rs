//! Special audits: budget, engagement life cycle, findings and their rectification,
//! auditor scoping, overdue actions.

use diesel_async::RunQueryDsl;
use linli_domain::policy::Role;
use linli_tests::TestApp;
use linli_tests::{id_in, text};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(diesel::QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
}

async fn ids(app: &TestApp, sql: &str) -> Vec<Uuid> {
    let mut conn = app.conn().await;
    let rows: Vec<Id> = diesel::sql_query(sql)
        .load(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.into_iter().map(|r| r.id).collect()
}

/// Two audit firms of the demo district.
async fn firms(app: &TestApp) -> (Uuid, Uuid) {
    let f = ids(
        app,
        "SELECT id FROM organisations WHERE kind = 'audit_firm' ORDER BY name LIMIT 2",
    )
    .await;
    (f[0], f[1])
}

/// An auditor working for `firm`.
async fn auditor_of(app: &TestApp, firm: Uuid) -> (String, Uuid) {
    let district = app.area_id("雨花区").await;
    let token = app.user_with(Role::Auditor, district).await;
    let me = app.get_as(&token, "/api/v1/me").await.json();
    let user = me["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    app.sql(&format!(
        "INSERT INTO organisation_members (user_id, organisation_id) VALUES ('{user}', '{firm}')"
    ))
    .await;
    (token, user)
}

async fn campaign(app: &TestApp, admin: &str, budget_fen: i64, firm_ids: &[Uuid]) -> Value {
    let res = app.post_as(admin, "/api/v1/audit-campaigns", &json!({"name": format!("测试专项审计 {}", Uuid::new_v4()), "year": 2026,
            "area_id": app.area_id("雨花区").await, "budget_fen": budget_fen, "firm_ids": firm_ids})).await;
    res.assert_status(201);
    res.json()
}

async fn engagement(
    app: &TestApp,
    admin: &str,
    campaign: &Value,
    compound: Uuid,
    firm: Uuid,
    fee: i64,
) -> Value {
    let res = app.post_as(admin, &format!(
            "/api/v1/audit-campaigns/{}/engagements",
            campaign["id"].as_str().expect("the answer carries its id")
        ), &json!({"compound_id": compound, "firm_id": firm, "fee_fen": fee,
            "scope": "2026年公共收益收支及凭证", "period_from": "2026-01-01", "period_to": "2026-10-31"})).await;
    res.assert_status(201);
    res.json()
}

async fn step(app: &TestApp, token: &str, g: &Value, body: Value) -> linli_tests::Response {
    let id = g["id"].as_str().expect("the answer carries its id");
    let current = app
        .get_as(token, &format!("/api/v1/audit-engagements/{id}"))
        .await;
    let etag = current.header("etag").expect("the answer carries an ETag");
    app.post(&format!("/api/v1/audit-engagements/{id}/transitions"))
        .bearer(token)
        .header("If-Match", &etag)
        .json(&body)
        .send()
        .await
}

/// An engagement in fieldwork and who runs it.
struct Fieldwork {
    admin: String,
    firm: Uuid,
    auditor: String,
    campaign: Value,
    /// The engagement's id.
    engagement: String,
}

/// A campaign of the district with one firm, and an engagement of `compound` (no fee) that
/// the firm's auditor has taken into fieldwork.
async fn in_fieldwork(app: &TestApp, compound: Uuid) -> Fieldwork {
    let admin = app.token_for("admin").await;
    let (firm, _) = firms(app).await;
    let (auditor, _) = auditor_of(app, firm).await;
    let campaign = campaign(app, &admin, 1_000_000, &[firm]).await;
    let g = engagement(app, &admin, &campaign, compound, firm, 0).await;
    step(app, &auditor, &g, json!({"to": "fieldwork"}))
        .await
        .assert_status(200);
    Fieldwork {
        engagement: g["id"]
            .as_str()
            .expect("the answer carries its id")
            .to_owned(),
        admin,
        firm,
        auditor,
        campaign,
    }
}

/// The auditor raises a finding of missing vouchers on engagement `gid`; its id.
async fn missing_vouchers(app: &TestApp, auditor: &str, gid: &str) -> String {
    let f = app
        .post_as(
            auditor,
            &format!("/api/v1/audit-engagements/{gid}/findings"),
            &json!({"kind": "missing_voucher", "title": "维修支出无凭证",
            "description": "三笔维修支出无发票", "amount_fen": 560_000, "severity": "medium"}),
        )
        .await;
    f.assert_status(201);
    f.json()["id"]
        .as_str()
        .expect("the answer carries its id")
        .to_owned()
}

#[actix_web::test]
async fn twenty_concurrent_fee_assignments_never_exceed_the_budget() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let (firm, _) = firms(&app).await;
    let c = campaign(&app, &admin, 1_000_000, &[firm]).await;
    let compounds = ids(
        &app,
        "SELECT id FROM areas WHERE kind = 'compound' ORDER BY path LIMIT 20",
    )
    .await;
    let mut engagements = Vec::new();
    for compound in &compounds {
        engagements.push(engagement(&app, &admin, &c, *compound, firm, 0).await);
    }
    // 20 x 60,000 fen asked for, 1,000,000 available: at most 16 fit.
    let sends = engagements.iter().map(|g| {
        app.put(&format!(
            "/api/v1/audit-engagements/{}/fee",
            g["id"].as_str().expect("the answer carries its id")
        ))
        .bearer(&admin)
        .header("If-Match", "\"v1\"")
        .json(&json!({"fee_fen": 60_000}))
        .send()
    });
    let responses = futures_util::future::join_all(sends).await;
    let ok = responses.iter().filter(|r| r.status == 200).count();
    let refused: Vec<_> = responses.iter().filter(|r| r.status != 200).collect();
    assert_eq!(ok, 16);
    for r in refused {
        r.assert_field_error("fee_fen");
    }
    let after = app
        .get_as(
            &admin,
            &format!(
                "/api/v1/audit-campaigns/{}",
                c["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await
        .json();
    assert_eq!(after["committed_fen"], 960_000);
    assert_eq!(after["remaining_fen"], 40_000);
    // A new engagement over the remainder is refused too; nothing is stored.
    let before = app
        .count(
            "SELECT count(*) AS n FROM audit_engagements WHERE campaign_id::text = $1",
            c["id"].as_str().expect("the answer carries its id"),
        )
        .await;
    let extra = ids(
        &app,
        "SELECT id FROM areas WHERE kind = 'compound' ORDER BY path OFFSET 20 LIMIT 1",
    )
    .await;
    app.post_as(
        &admin,
        &format!(
            "/api/v1/audit-campaigns/{}/engagements",
            c["id"].as_str().expect("the answer carries its id")
        ),
        &json!({"compound_id": extra[0], "firm_id": firm, "fee_fen": 40_001,
            "scope": "x", "period_from": "2026-01-01", "period_to": "2026-10-31"}),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM audit_engagements WHERE campaign_id::text = $1",
            c["id"].as_str().expect("the answer carries its id")
        )
        .await,
        before
    );
    // Lowering the budget below the fees is refused.
    app.put(&format!(
        "/api/v1/audit-campaigns/{}",
        c["id"].as_str().expect("the answer carries its id")
    ))
    .bearer(&admin)
    .header("If-Match", "\"v1\"")
    .json(
        &json!({"name": after["name"], "year": 2026, "area_id": app.area_id("雨花区").await,
            "budget_fen": 900_000, "firm_ids": [firm]}),
    )
    .send()
    .await
    .assert_problem(422, "validation_failed");
    // Only the audit office runs campaigns.
    for role in [Role::CommunityStaff, Role::CommitteeMember, Role::Auditor] {
        let token = app.user_with(role, app.area_id("雨花区").await).await;
        app.post_as(&token, "/api/v1/audit-campaigns", &json!({"name": "x", "year": 2026, "area_id": app.area_id("雨花区").await, "budget_fen": 1, "firm_ids": [firm]})).await
            .assert_problem(403, "forbidden");
    }
}

#[actix_web::test]
async fn an_auditor_takes_an_engagement_to_closed_with_a_finding_rectified_on_the_way() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let (firm, _) = firms(&app).await;
    let (auditor, _) = auditor_of(&app, firm).await;
    let compound = app.area_id("融城花苑").await;
    let c = campaign(&app, &admin, 10_000_000, &[firm]).await;
    let g = engagement(&app, &admin, &c, compound, firm, 5_000_000).await;
    let gid = id_in(&g["id"]);
    assert_eq!(g["status"], "planned");
    assert_eq!(g["next"], json!(["fieldwork"]));
    // Findings wait for fieldwork.
    let finding = json!({"kind": "unrecorded_income", "title": "停车收入未入账", "description": "2026年3月至5月地面停车费 12,000 元未入公共收益账",
        "amount_fen": 1_200_000, "severity": "high", "evidence": "收费台账与银行流水比对"});
    app.post_as(
        &auditor,
        &format!("/api/v1/audit-engagements/{gid}/findings"),
        &finding,
    )
    .await
    .assert_problem(409, "engagement_not_in_fieldwork");
    step(&app, &auditor, &g, json!({"to": "fieldwork"}))
        .await
        .assert_status(200);
    let raised = app
        .post_as(
            &auditor,
            &format!("/api/v1/audit-engagements/{gid}/findings"),
            &finding,
        )
        .await;
    raised.assert_status(201);
    let fid = id_in(&raised.json()["id"]);
    step(&app, &auditor, &g, json!({"to": "draft_report"}))
        .await
        .assert_status(200);
    step(&app, &auditor, &g, json!({"to": "final_report"}))
        .await
        .assert_problem(422, "validation_failed");
    step(&app, &auditor, &g, json!({"to": "final_report", "opinion": "qualified", "report_summary": "除停车收入未入账外，账目基本真实"}))
        .await
        .assert_status(200);
    let p = step(&app, &auditor, &g, json!({"to": "closed"}))
        .await
        .assert_problem(409, "findings_open");
    assert_eq!(p["allowed"], json!(["rectification"]));
    step(&app, &auditor, &g, json!({"to": "rectification"}))
        .await
        .assert_status(200);
    let with_action = app
        .post_as(
            &auditor,
            &format!("/api/v1/audit-findings/{fid}/rectifications"),
            &json!({"action": "补记停车收入 12,000 元并公示", "deadline": "2026-12-31"}),
        )
        .await;
    with_action.assert_status(201);
    let rid = text(&with_action.json()["rectifications"][0]["id"]);
    let p = step(&app, &auditor, &g, json!({"to": "closed"}))
        .await
        .assert_problem(409, "findings_open");
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("1")));
    // Verification waits for evidence.
    app.post_as(
        &admin,
        &format!("/api/v1/rectifications/{rid}/verification"),
        &json!({"accepted": true}),
    )
    .await
    .assert_problem(409, "rectification_not_completed");
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    app.post_as(
        &committee,
        &format!("/api/v1/rectifications/{rid}/completion"),
        &json!({"evidence": "已补记，凭证 J2026-11-015，见十一月公示"}),
    )
    .await
    .assert_status(200);
    // A committee elsewhere cannot report it done.
    let elsewhere = app
        .user_with(Role::CommitteeMember, app.area_id("卫技新村").await)
        .await;
    app.post_as(
        &elsewhere,
        &format!("/api/v1/rectifications/{rid}/completion"),
        &json!({"evidence": "x"}),
    )
    .await
    .assert_problem(404, "not_found");
    // The finding's author cannot verify its rectification; someone else can.
    app.post_as(
        &auditor,
        &format!("/api/v1/rectifications/{rid}/verification"),
        &json!({"accepted": true}),
    )
    .await
    .assert_problem(409, "verifier_is_author");
    let verified = app
        .post_as(
            &admin,
            &format!("/api/v1/rectifications/{rid}/verification"),
            &json!({"accepted": true, "note": "已核对银行流水"}),
        )
        .await;
    verified.assert_status(200);
    assert_eq!(verified.json()["status"], "closed");
    assert_eq!(verified.json()["rectifications"][0]["status"], "verified");
    let closed = step(&app, &auditor, &g, json!({"to": "closed"})).await;
    closed.assert_status(200);
    assert_eq!(closed.json()["status"], "closed");
    assert_eq!(closed.json()["opinion"], "qualified");
    for event in [
        "finding.opened",
        "engagement.status_changed",
        "finding.closed",
        "rectification.verified",
    ] {
        assert!(
            app.count("SELECT count(*) AS n FROM events WHERE type = $1", event)
                .await
                > 0,
            "{event}"
        );
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_log WHERE object_id = $1 AND action = 'engagement.status_changed'", &gid).await,
        5
    );
}

#[actix_web::test]
async fn auditors_see_only_their_engagements_and_read_those_ledgers_only() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let (firm_a, firm_b) = firms(&app).await;
    let (auditor, _) = auditor_of(&app, firm_a).await;
    let c = campaign(&app, &admin, 10_000_000, &[firm_a, firm_b]).await;
    let mine = app.area_id("融城花苑").await;
    let theirs = app.area_id("卫技新村").await;
    let g_mine = engagement(&app, &admin, &c, mine, firm_a, 100).await;
    let g_theirs = engagement(&app, &admin, &c, theirs, firm_b, 100).await;
    let list = app
        .get_as(
            &auditor,
            &format!(
                "/api/v1/audit-engagements?campaign_id={}",
                c["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await
        .json();
    let seen: Vec<&str> = list["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|g| g["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        seen,
        vec![g_mine["id"].as_str().expect("the answer carries its id")]
    );
    app.get_as(
        &auditor,
        &format!(
            "/api/v1/audit-engagements/{}",
            g_theirs["id"].as_str().expect("the answer carries its id")
        ),
    )
    .await
    .assert_problem(404, "not_found");
    app.post(&format!(
        "/api/v1/audit-engagements/{}/transitions",
        g_theirs["id"].as_str().expect("the answer carries its id")
    ))
    .bearer(&auditor)
    .header("If-Match", "\"v1\"")
    .json(&json!({"to": "fieldwork"}))
    .send()
    .await
    .assert_problem(404, "not_found");
    // The audited compound's ledger is readable, not writable; others are invisible.
    app.get_as(
        &auditor,
        &format!("/api/v1/compounds/{mine}/ledger/accounts"),
    )
    .await
    .assert_status(200);
    app.get_as(
        &auditor,
        &format!("/api/v1/compounds/{mine}/ledger/entries"),
    )
    .await
    .assert_status(200);
    app.get_as(
        &auditor,
        &format!("/api/v1/compounds/{theirs}/ledger/accounts"),
    )
    .await
    .assert_problem(404, "not_found");
    app.get_as(
        &auditor,
        &format!("/api/v1/public-revenue/monthly?area_id={mine}&from=2026-01&to=2026-11"),
    )
    .await
    .assert_status(200);
    app.get_as(
        &auditor,
        &format!("/api/v1/public-revenue/monthly?area_id={theirs}"),
    )
    .await
    .assert_problem(404, "not_found");
    app.get_as(&auditor, "/api/v1/public-revenue/monthly")
        .await
        .assert_problem(403, "forbidden");
    app.post_as(
        &auditor,
        &format!("/api/v1/compounds/{mine}/ledger/periods"),
        &json!({"month": "2026-01"}),
    )
    .await
    .assert_problem(403, "forbidden");
    // An auditor of no firm sees no engagement at all; a resident has no part in audits.
    let stranger = app
        .user_with(Role::Auditor, app.area_id("雨花区").await)
        .await;
    let none = app
        .get_as(&stranger, "/api/v1/audit-engagements")
        .await
        .json();
    assert_eq!(none["items"], json!([]));
    let resident = app.user_with(Role::Resident, mine).await;
    app.get_as(&resident, "/api/v1/audit-engagements")
        .await
        .assert_problem(403, "forbidden");
    // The compound's committee follows its own engagement, not the neighbour's.
    let committee = app.user_with(Role::CommitteeMember, mine).await;
    let theirs_list = app
        .get_as(
            &committee,
            &format!("/api/v1/audit-engagements?compound_id={theirs}"),
        )
        .await
        .json();
    assert_eq!(theirs_list["items"], json!([]));
}

#[actix_web::test]
async fn overdue_rectifications_are_flagged_once_and_announced() {
    let app = TestApp::new().await;
    let compound = app.area_id("卫技新村").await;
    let Fieldwork {
        admin,
        auditor,
        campaign: c,
        engagement: gid,
        ..
    } = in_fieldwork(&app, compound).await;
    let fid = missing_vouchers(&app, &auditor, &gid).await;
    app.post_as(
        &auditor,
        &format!("/api/v1/audit-findings/{fid}/rectifications"),
        &json!({"action": "补齐发票", "deadline": "2026-01-31"}),
    )
    .await
    .assert_status(201);
    let today = app.clock().today();
    let mut conn = app.conn().await;
    let flagged = linli_persistence::special_audits::sweep_overdue(&mut conn, today)
        .await
        .unwrap_or(0);
    assert!(flagged >= 1);
    let again = linli_persistence::special_audits::sweep_overdue(&mut conn, today)
        .await
        .unwrap_or(99);
    assert_eq!(again, 0, "flagged once");
    drop(conn);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM events WHERE type = 'finding.overdue' AND subject_id = $1",
            &fid
        )
        .await,
        1
    );
    let overdue = app
        .get_as(
            &admin,
            &format!("/api/v1/audit-findings?overdue=true&engagement_id={gid}"),
        )
        .await
        .json();
    assert_eq!(overdue["items"][0]["id"], fid.as_str());
    assert_eq!(overdue["items"][0]["rectifications"][0]["overdue"], true);
    let dash = app
        .get_as(
            &admin,
            &format!(
                "/api/v1/stats/audits?campaign_id={}",
                c["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await;
    dash.assert_status(200);
    let dash = dash.json();
    assert_eq!(dash["budget_fen"], 1_000_000);
    assert_eq!(dash["rectifications_overdue"], 1);
    let fieldwork = dash["engagements_by_status"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["status"] == "fieldwork"))
        .map(|s| s["count"].clone());
    assert_eq!(fieldwork, Some(json!(1)));
    assert_eq!(dash["findings_by_subdistrict"][0]["amount_fen"], 560_000);
}

/// Found by contract fuzzing: an organisation id that names nothing reached the insert and
/// its foreign key, answering 500.
#[actix_web::test]
async fn an_unknown_organisation_on_a_finding_or_an_action_is_a_field_error() {
    let app = TestApp::new().await;
    let compound = app.area_id("卫技新村").await;
    let Fieldwork {
        auditor,
        engagement: gid,
        ..
    } = in_fieldwork(&app, compound).await;
    let nobody = Uuid::now_v7();
    let finding = json!({"kind": "missing_voucher", "title": "维修支出无凭证",
        "description": "三笔维修支出无发票", "amount_fen": 560_000, "severity": "medium"});
    let mut with_unknown = finding.clone();
    with_unknown["responsible_org_id"] = json!(nobody);
    let problem = app
        .post_as(
            &auditor,
            &format!("/api/v1/audit-engagements/{gid}/findings"),
            &with_unknown,
        )
        .await
        .assert_problem(422, "validation_failed");
    assert!(
        problem["errors"]["responsible_org_id"].is_array(),
        "{problem}"
    );
    let f = app
        .post_as(
            &auditor,
            &format!("/api/v1/audit-engagements/{gid}/findings"),
            &finding,
        )
        .await
        .json();
    let fid = id_in(&f["id"]);
    app.post_as(
        &auditor,
        &format!("/api/v1/audit-findings/{fid}/rectifications"),
        &json!({"action": "补齐发票", "deadline": "2026-12-31", "owner_org_id": nobody}),
    )
    .await
    .assert_field_error("owner_org_id");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM rectifications WHERE finding_id::text = $1",
            &fid
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn callers_who_may_not_act_are_refused_before_their_body_is_checked() {
    let app = TestApp::new().await;
    let compound = app.area_id("融城花苑").await;
    let Fieldwork {
        firm,
        auditor,
        campaign: c,
        engagement: gid,
        ..
    } = in_fieldwork(&app, compound).await;
    let fid = missing_vouchers(&app, &auditor, &gid).await;
    // The compound's committee follows the audit but does not carry it out.
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let long = "长".repeat(5000);
    app.post_as(
        &committee,
        &format!("/api/v1/audit-engagements/{gid}/findings"),
        &json!({"kind": "other", "title": "", "description": "",
            "amount_fen": -1, "severity": "low"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post(&format!("/api/v1/audit-engagements/{gid}/transitions"))
        .bearer(&committee)
        .header("If-Match", "\"v1\"")
        .json(&json!({"to": "draft_report", "report_summary": long}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.post_as(
        &committee,
        &format!("/api/v1/audit-findings/{fid}/rectifications"),
        &json!({"action": " ", "deadline": "2026-12-31"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(
        &committee,
        &format!(
            "/api/v1/audit-campaigns/{}/engagements",
            c["id"].as_str().expect("the answer carries its id")
        ),
        &json!({"compound_id": compound, "firm_id": firm, "fee_fen": -1,
            "scope": "", "period_from": "2026-10-31", "period_to": "2026-01-01"}),
    )
    .await
    .assert_problem(403, "forbidden");
    // A resident has no part in audits at all.
    let resident = app.user_with(Role::Resident, compound).await;
    let with_action = app
        .post_as(
            &auditor,
            &format!("/api/v1/audit-findings/{fid}/rectifications"),
            &json!({"action": "补齐发票", "deadline": "2026-12-31"}),
        )
        .await;
    with_action.assert_status(201);
    let rid = with_action.json()["rectifications"][0]["id"]
        .as_str()
        .expect("the answer carries the action's id")
        .to_owned();
    app.post_as(
        &resident,
        &format!("/api/v1/rectifications/{rid}/completion"),
        &json!({"evidence": ""}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(
        &committee,
        &format!("/api/v1/rectifications/{rid}/verification"),
        &json!({"accepted": true, "note": long}),
    )
    .await
    .assert_problem(403, "forbidden");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM audit_findings WHERE engagement_id::text = $1",
            &gid
        )
        .await,
        1
    );
}

#[actix_web::test]
async fn a_campaign_seen_but_not_owned_is_not_changed() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let (firm, _) = firms(&app).await;
    let compound = app.area_id("融城花苑").await;
    let subdistrict = ids(
        &app,
        "SELECT s.id FROM areas c JOIN areas s ON s.depth = 1 AND c.path LIKE s.path || '%' \
         WHERE c.name = '融城花苑'",
    )
    .await[0];
    let c = campaign(&app, &admin, 1_000_000, &[firm]).await;
    let cid = id_in(&c["id"]);
    // The subdistrict's audit office sees the district's campaign...
    let staff = app.user_with(Role::SubdistrictStaff, subdistrict).await;
    let seen = app
        .get_as(&staff, &format!("/api/v1/audit-campaigns/{cid}"))
        .await;
    seen.assert_status(200);
    // ...but spends none of its budget, even on a compound of its own.
    app.post_as(&staff, &format!("/api/v1/audit-campaigns/{cid}/engagements"), &json!({"compound_id": compound, "firm_id": firm, "fee_fen": 100,
            "scope": "2026年公共收益收支及凭证", "period_from": "2026-01-01", "period_to": "2026-10-31"})).await
        .assert_problem(403, "forbidden");
    app.put(&format!("/api/v1/audit-campaigns/{cid}"))
        .bearer(&staff)
        .header(
            "If-Match",
            &seen.header("etag").expect("the answer carries an ETag"),
        )
        .json(
            &json!({"name": "改名", "year": 2026, "area_id": app.area_id("雨花区").await,
            "budget_fen": 2_000_000, "firm_ids": [firm]}),
        )
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM audit_engagements WHERE campaign_id::text = $1",
            &cid
        )
        .await,
        0
    );
    // The district's audit office, which owns it, adds the compound.
    engagement(&app, &admin, &c, compound, firm, 100).await;
}
