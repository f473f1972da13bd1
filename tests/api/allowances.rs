//! Allowance payments: eligibility with reasons, four eyes, budget, disbursing once,
//! bank file and reconciliation, carried failures, masking, assessment imports.

use std::collections::HashMap;

use chrono::NaiveDate;
use linli_domain::{policy::Role, registry::OrgKind};
use linli_tests::{TestApp, unique};
use linli_tests::{id_in, text};
use serde_json::{Value, json};
use uuid::Uuid;

const ACCOUNT_A: &str = "6222020200112233441";

struct Fixture {
    maker: String,
    checker: String,
    admin: String,
    programme: String,
    people: HashMap<&'static str, Uuid>,
    /// Their names, as assessment imports find them.
    names: HashMap<&'static str, String>,
    /// The story's October (the month before last by the clock) and November (last month).
    october: String,
    november: String,
    /// Days in `october`: F serves its last ten of them.
    october_days: i64,
}

/// Six secretaries of a party branch in a compound of their own, each set up for one
/// outcome in the story's October (the month before last): A eligible, B post ended the
/// month before, C no assessment, D unqualified, E no bank account, F in post for the last
/// ten days.
async fn fixture(app: &TestApp, budget_fen: i64) -> Fixture {
    let october = app.story("2026-10");
    let first =
        chrono::NaiveDate::parse_from_str(&format!("{october}-01"), "%Y-%m-%d").unwrap_or_default();
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or_default();
    let october_days = (next - first).num_days();
    let since = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let b_started = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let compound = app.compound().create().await.id;
    let district = app.area_id("雨花区").await;
    let branch = app
        .organisation(OrgKind::CompoundPartyBranch)
        .in_area(compound)
        .create()
        .await;
    let maker = app.user_with(Role::FinanceOfficer, district).await;
    let checker = app.user_with(Role::FinanceOfficer, district).await;
    let (period_start, period_end) = (app.story("2026-07-01"), app.story("2026-12-31"));
    let mut people = HashMap::new();
    let mut names = HashMap::new();
    for (i, (key, start, end, assessment, paid)) in [
        ("A", since, None, Some(("qualified", 85)), true),
        (
            "B",
            b_started,
            Some(first - chrono::Duration::days(1)),
            Some(("qualified", 80)),
            true,
        ),
        ("C", since, None, None, true),
        ("D", since, None, Some(("unqualified", 50)), true),
        ("E", since, None, Some(("excellent", 95)), false),
        (
            "F",
            next - chrono::Duration::days(10),
            None,
            Some(("qualified", 78)),
            true,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let mut holder = app
            .post_holder(branch, compound)
            .named(&unique(&format!("测试{key}")))
            .term(start, end);
        if let Some((result, score)) = assessment {
            holder = holder.assessed(result, score, &period_start, &period_end);
        }
        if paid {
            let account = if key == "A" {
                ACCOUNT_A.to_owned()
            } else {
                format!("62220202001122330{i:02}")
            };
            holder = holder.bank_account(&account, &maker);
        }
        let holder = holder.create().await;
        people.insert(key, holder.person);
        names.insert(key, holder.name);
    }
    let programme = app
        .programme(district)
        .budget(budget_fen)
        .by(&maker)
        .create()
        .await;
    Fixture {
        november: app.story("2026-11"),
        october,
        october_days,
        maker,
        checker,
        admin: app.admin().await,
        programme: programme.to_string(),
        people,
        names,
    }
}

/// Property staff of a compound of their own: no part in allowances.
async fn property_staff(app: &TestApp) -> String {
    let compound = app.compound().property_managed().create().await.id;
    app.user_with(Role::PropertyStaff, compound).await
}

async fn open_cycle(app: &TestApp, f: &Fixture, month: &str) -> Value {
    let res = app
        .post_as(
            &f.maker,
            "/api/v1/payment-cycles",
            &json!({"programme_id": f.programme, "month": month}),
        )
        .await;
    res.assert_status(201);
    res.json()
}

async fn lines(app: &TestApp, token: &str, cycle: &str) -> HashMap<Uuid, Value> {
    let res = app
        .get_as(token, &format!("/api/v1/payment-cycles/{cycle}/payments"))
        .await;
    res.assert_status(200);
    res.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l["carried_from"].is_null())
        .filter_map(|l| Some((l["person_id"].as_str()?.parse().ok()?, l)))
        .collect()
}

async fn act(app: &TestApp, token: &str, cycle: &str, action: &str) -> linli_tests::Response {
    let current = app
        .get_as(token, &format!("/api/v1/payment-cycles/{cycle}"))
        .await;
    let etag = current.header("etag").expect("the answer carries an ETag");
    app.post(&format!("/api/v1/payment-cycles/{cycle}/transitions"))
        .bearer(token)
        .header("If-Match", &etag)
        .json(&json!({"action": action}))
        .send()
        .await
}

/// The id of a cycle opened for `month`.
async fn opened(app: &TestApp, f: &Fixture, month: &str) -> String {
    id_in(&open_cycle(app, f, month).await["id"])
}

/// Submits the cycle `id` by its preparer and approves it by the other officer.
async fn submitted_and_approved(app: &TestApp, f: &Fixture, id: &str) {
    act(app, &f.maker, id, "submit").await.assert_status(200);
    act(app, &f.checker, id, "approve").await.assert_status(200);
}

/// Asks for the cycle `id` to be disbursed, as its preparer, with the Idempotency-Key `key`.
async fn disburse(app: &TestApp, f: &Fixture, id: &str, key: &str) -> linli_tests::Response {
    app.post_once(
        &f.maker,
        &format!("/api/v1/payment-cycles/{id}/disburse"),
        key,
        &json!({}),
    )
    .await
}

async fn approved_and_disbursed(app: &TestApp, f: &Fixture, month: &str) -> String {
    let id = opened(app, f, month).await;
    submitted_and_approved(app, f, &id).await;
    disburse(app, f, &id, &format!("disburse-{id}"))
        .await
        .assert_status(200);
    id
}

#[actix_web::test]
async fn every_candidate_is_explained() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let cycle = open_cycle(&app, &f, &f.october).await;
    assert_eq!(cycle["status"], "draft");
    assert_eq!(cycle["candidates"], 6);
    assert_eq!(cycle["included"], 2);
    let id = cycle["id"].as_str().expect("the answer carries its id");
    let l = lines(&app, &f.maker, id).await;
    let reason = |k: &str| {
        l[&f.people[k]]["reason"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(reason("A"), "eligible");
    assert_eq!(reason("B"), "no_post_in_period");
    assert_eq!(reason("C"), "assessment_missing");
    assert_eq!(reason("D"), "unqualified");
    assert_eq!(reason("E"), "bank_details_missing");
    assert_eq!(reason("F"), "eligible");
    assert_eq!(l[&f.people["A"]]["amount_fen"], 80_000);
    assert_eq!(
        l[&f.people["F"]]["amount_fen"],
        80_000 * 10 / f.october_days
    );
    assert_eq!(l[&f.people["D"]]["amount_fen"], 0);
    for (k, words) in [
        ("A", "合格".to_owned()),
        ("D", "不合格".to_owned()),
        ("E", "银行".to_owned()),
        ("F", format!("10/{}", f.october_days)),
    ] {
        let text = l[&f.people[k]]["explanation"].as_str().unwrap_or_default();
        assert!(text.contains(words.as_str()), "{k}: {text}");
    }
    assert_eq!(cycle["total_fen"], 80_000 + 80_000 * 10 / f.october_days);
    // A second cycle for the month waits until this one is disbursed…
    app.post_as(
        &f.maker,
        "/api/v1/payment-cycles",
        &json!({"programme_id": f.programme, "month": f.october}),
    )
    .await
    .assert_problem(422, "validation_failed");
    // …and then sees who was paid: a supplementary cycle pays no one twice.
    submitted_and_approved(&app, &f, id).await;
    disburse(&app, &f, id, "disburse-first-0001")
        .await
        .assert_status(200);
    let again = open_cycle(&app, &f, &f.october).await;
    let l2 = lines(
        &app,
        &f.maker,
        again["id"].as_str().expect("the answer carries its id"),
    )
    .await;
    assert_eq!(l2[&f.people["A"]]["reason"], "already_paid");
    assert_eq!(l2[&f.people["F"]]["reason"], "already_paid");
    assert_eq!(again["included"], 0);
    // Nothing to pay, nothing to submit.
    act(
        &app,
        &f.maker,
        again["id"].as_str().expect("the answer carries its id"),
        "submit",
    )
    .await
    .assert_problem(409, "cycle_empty");
}

#[actix_web::test]
async fn the_preparer_cannot_approve_and_only_finance_officers_act() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let id = opened(&app, &f, &f.october).await;
    // Approving a draft is not a thing; submitting is.
    act(&app, &f.checker, &id, "approve")
        .await
        .assert_problem(409, "transition_not_allowed");
    act(&app, &f.maker, &id, "submit").await.assert_status(200);
    let p = act(&app, &f.maker, &id, "approve")
        .await
        .assert_problem(409, "four_eyes");
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("编制人")));
    // The district admin watches but does not approve; a finance officer of one subdistrict
    // cannot approve a district-wide programme.
    act(&app, &f.admin, &id, "approve")
        .await
        .assert_problem(403, "forbidden");
    let subdistrict = app.subdistrict().create().await;
    let local = app.user_with(Role::FinanceOfficer, subdistrict).await;
    act(&app, &local, &id, "approve")
        .await
        .assert_problem(403, "forbidden");
    let home = app.compound().create().await.id;
    let resident = app.user_with(Role::Resident, home).await;
    app.get_as(&resident, &format!("/api/v1/payment-cycles/{id}"))
        .await
        .assert_problem(403, "forbidden");
    let approved = act(&app, &f.checker, &id, "approve").await;
    approved.assert_status(200);
    assert_eq!(approved.json()["status"], "approved");
    assert!(approved.json()["approved_by_name"].is_string());
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment_cycle.approved' AND object_id = $1", &id).await,
        1
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM events WHERE type = 'payment_cycle.approved' AND subject_id = $1", &id).await,
        1
    );
}

#[actix_web::test]
async fn an_unapproved_cycle_is_never_disbursed() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let id = opened(&app, &f, &f.october).await;
    let uri = format!("/api/v1/payment-cycles/{id}/disburse");
    app.post_as(&f.maker, &uri, &json!({}))
        .await
        .assert_problem(400, "idempotency_key_required");
    app.post_once(&f.maker, &uri, "disburse-draft-01", &json!({}))
        .await
        .assert_problem(409, "cycle_not_approved");
    act(&app, &f.maker, &id, "submit").await.assert_status(200);
    app.post_once(&f.maker, &uri, "disburse-submitted-01", &json!({}))
        .await
        .assert_problem(409, "cycle_not_approved");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM disbursements WHERE cycle_id::text = $1",
            &id
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn fifty_concurrent_disbursements_pay_each_person_month_once() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let id = opened(&app, &f, &f.october).await;
    submitted_and_approved(&app, &f, &id).await;
    let uri = format!("/api/v1/payment-cycles/{id}/disburse");
    let keys: Vec<String> = (0..50).map(|i| format!("disburse-race-{i:04}")).collect();
    let sends = keys.iter().map(|k| disburse(&app, &f, &id, k));
    let responses = futures_util::future::join_all(sends).await;
    assert_eq!(responses.iter().filter(|r| r.status == 200).count(), 1);
    for r in responses.iter().filter(|r| r.status != 200) {
        r.assert_problem(409, "cycle_already_disbursed");
    }
    let a = f.people["A"].to_string();
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM disbursements WHERE person_id::text = $1",
            &a
        )
        .await,
        1
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM disbursements WHERE cycle_id::text = $1",
            &id
        )
        .await,
        2
    );
    // The same key again replays the answer rather than disbursing.
    let replay = app.post_once(&f.maker, &uri, &keys[0], &json!({})).await;
    assert!(replay.status == 200 || replay.status == 409);
    // The database itself refuses a second live transfer for the person-month, even from
    // another cycle.
    use diesel_async::SimpleAsyncConnection;
    let (cycle2, line2) = (Uuid::new_v4(), Uuid::new_v4());
    let mut conn = app.conn().await;
    let refused = conn
        .batch_execute(&format!(
            "BEGIN; \
             INSERT INTO payment_cycles (id, programme_id, month, area_path, prepared_by) \
               SELECT '{cycle2}', programme_id, month, area_path, prepared_by FROM payment_cycles WHERE id = '{id}'; \
             INSERT INTO payments (id, cycle_id, programme_id, person_id, period_month, decision, reason, explanation, amount_fen, line_no) \
               SELECT '{line2}', '{cycle2}', programme_id, person_id, period_month, 'included', 'eligible', 'x', 1, 1 \
               FROM payments WHERE cycle_id = '{id}' AND person_id = '{a}'; \
             INSERT INTO disbursements (id, payment_id, cycle_id, programme_id, person_id, period_month, amount_fen, bank_name, account_no, account_name) \
               SELECT gen_random_uuid(), id, cycle_id, programme_id, person_id, period_month, 1, 'x', '12345678', 'x' FROM payments WHERE id = '{line2}'; \
             COMMIT;"
        ))
        .await;
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("disbursements_once_per_person_month"),
        "{message}"
    );
    let _ = conn.batch_execute("ROLLBACK").await;
}

#[actix_web::test]
async fn reconciliation_is_idempotent_and_a_failed_line_is_carried_and_paid_once() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let october = approved_and_disbursed(&app, &f, &f.october).await;
    // The bank file carries the full number; the JSON never does.
    let file = app
        .get_as(
            &f.maker,
            &format!("/api/v1/payment-cycles/{october}/bank-file"),
        )
        .await;
    file.assert_status(200);
    let csv = file.text();
    assert!(csv.contains(ACCOUNT_A), "{csv}");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment_cycle.bank_file_exported' AND object_id = $1", &october).await,
        1
    );
    app.get_as(
        &f.admin,
        &format!("/api/v1/payment-cycles/{october}/bank-file"),
    )
    .await
    .assert_problem(403, "forbidden");
    let l = lines(&app, &f.maker, &october).await;
    let reference = |k: &str| {
        l[&f.people[k]]["transfer_reference"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let (ref_a, ref_f) = (reference("A"), reference("F"));
    assert!(csv.contains(&ref_a) && csv.contains(&ref_f));
    let uri = format!("/api/v1/payment-cycles/{october}/reconciliation");
    let returned = format!(
        "参考号,结果,银行流水号,失败原因\n{ref_a},失败,,户名与账号不符\n{ref_f},成功,B20261105001,\n"
    );
    let first = app
        .post(&uri)
        .bearer(&f.maker)
        .raw("text/csv", returned.clone())
        .send()
        .await;
    first.assert_status(200);
    assert_eq!(first.json()["paid"], 1);
    assert_eq!(first.json()["failed"], 1);
    assert_eq!(first.json()["reconciled"], true);
    let again = app
        .post(&uri)
        .bearer(&f.maker)
        .raw("text/csv", returned)
        .send()
        .await;
    again.assert_status(200);
    assert_eq!(again.json()["replayed"], true);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM events WHERE type = 'payment.failed' AND subject_id = $1",
            &ref_a
        )
        .await,
        1
    );
    // A file contradicting what the bank already said is refused whole.
    let contradiction =
        format!("reference,result,bank_reference,failure_reason\n{ref_f},failed,,退回\n");
    let p = app
        .post(&uri)
        .bearer(&f.maker)
        .raw("text/csv", contradiction)
        .send()
        .await
        .assert_problem(422, "import_invalid");
    assert_eq!(p["row_errors"][0]["row"], 2);
    let cycle = app
        .get_as(&f.maker, &format!("/api/v1/payment-cycles/{october}"))
        .await
        .json();
    assert_eq!(cycle["status"], "reconciled");
    assert_eq!(cycle["failed"], 1);

    // November carries A's October and pays it once.
    let november = open_cycle(&app, &f, &f.november).await;
    let nid = id_in(&november["id"]);
    let all = app
        .get_as(&f.maker, &format!("/api/v1/payment-cycles/{nid}/payments"))
        .await
        .json();
    let carried: Vec<&Value> = all["items"]
        .as_array()
        .map(|a| a.iter().filter(|l| l["reason"] == "carried").collect())
        .unwrap_or_default();
    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0]["period_month"], f.october.as_str());
    assert_eq!(carried[0]["person_id"], f.people["A"].to_string());
    assert!(
        carried[0]["explanation"]
            .as_str()
            .is_some_and(|e| e.contains("户名与账号不符"))
    );
    submitted_and_approved(&app, &f, &nid).await;
    disburse(&app, &f, &nid, "disburse-november-01")
        .await
        .assert_status(200);
    let mut conn = app.conn().await;
    let month = chrono::NaiveDate::parse_from_str(&format!("{}-01", f.october), "%Y-%m-%d")
        .unwrap_or_default();
    let programme: Uuid = f.programme.parse().unwrap_or_default();
    let live =
        linli_persistence::allowances::live_transfers(&mut conn, programme, f.people["A"], month)
            .await
            .unwrap_or(-1);
    assert_eq!(
        live, 1,
        "A's October: the failed transfer and one live retry"
    );
    drop(conn);
    // A third cycle does not carry it again.
    let history = app
        .get_as(
            &f.maker,
            &format!("/api/v1/people/{}/payments", f.people["A"]),
        )
        .await;
    history.assert_status(200);
    let months: Vec<String> = history.json()["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| l["period_month"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        months.iter().filter(|m| **m == f.october).count(),
        2,
        "{months:?}"
    );

    // No JSON answer to anyone ever held the full account number.
    for token in [&f.maker, &f.checker, &f.admin] {
        for body in app.bodies_seen_by(token) {
            assert!(
                !body.contains(ACCOUNT_A) || body.starts_with('\u{feff}'),
                "unmasked account in {body}"
            );
        }
    }
}

#[actix_web::test]
async fn approval_past_the_annual_budget_is_refused() {
    let app = TestApp::new().await;
    // Room for one month of A and F, not a second.
    let f = fixture(&app, 120_000).await;
    let october = approved_and_disbursed(&app, &f, &f.october).await;
    let budget = app
        .get_as(
            &f.maker,
            &format!(
                "/api/v1/allowance-programmes/{}/budget?year={}",
                f.programme,
                &f.october[..4]
            ),
        )
        .await
        .json();
    assert_eq!(
        budget["committed_fen"],
        80_000 + 80_000 * 10 / f.october_days
    );
    assert!(!october.is_empty());
    // A second month of the same budget year: last month, or (when the year turned between
    // them) the month before the story's October.
    let second = if f.november[..4] == f.october[..4] {
        f.november.clone()
    } else {
        app.story("2026-09")
    };
    let november = open_cycle(&app, &f, &second).await;
    let nid = id_in(&november["id"]);
    act(&app, &f.maker, &nid, "submit").await.assert_status(200);
    let p = act(&app, &f.checker, &nid, "approve")
        .await
        .assert_problem(409, "budget_exceeded");
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("预算")));
    let still = app
        .get_as(&f.maker, &format!("/api/v1/payment-cycles/{nid}"))
        .await
        .json();
    assert_eq!(still["status"], "submitted");
}

#[actix_web::test]
async fn holds_and_assessment_changes_are_visible_on_the_cycle() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let cycle = open_cycle(&app, &f, &f.october).await;
    let id = id_in(&cycle["id"]);
    let l = lines(&app, &f.maker, &id).await;
    let line_f = text(&l[&f.people["F"]]["id"]);
    let held = app
        .post_as(
            &f.maker,
            &format!("/api/v1/payment-cycles/{id}/payments/{line_f}/hold"),
            &json!({"reason": "待核实任职起始日期"}),
        )
        .await;
    held.assert_status(200);
    assert_eq!(held.json()["held"], 1);
    assert_eq!(held.json()["total_fen"], 80_000);
    // Excluded lines cannot be held.
    let line_d = text(&l[&f.people["D"]]["id"]);
    app.post_as(
        &f.maker,
        &format!("/api/v1/payment-cycles/{id}/payments/{line_d}/hold"),
        &json!({"reason": "待核实"}),
    )
    .await
    .assert_problem(409, "line_not_holdable");
    // Correcting D's assessment flags the cycle; regenerating picks it up.
    let list = app
        .get_as(
            &f.admin,
            &format!("/api/v1/assessments?person_id={}", f.people["D"]),
        )
        .await
        .json();
    let assessment = text(&list["items"][0]["id"]);
    assert_eq!(list["items"][0]["used_by_cycles"], 1);
    app.put(&format!("/api/v1/assessments/{assessment}"))
        .bearer(&f.admin)
        .header("If-Match", "\"v1\"")
        .json(&json!({"person_id": f.people["D"], "period_start": app.story("2026-07-01"), "period_end": app.story("2026-12-31"),
            "score": 70, "result": "qualified", "assessor": "雨花区委组织部", "notes": "复核后改为合格"}))
        .send()
        .await
        .assert_status(200);
    let flagged = app
        .get_as(&f.maker, &format!("/api/v1/payment-cycles/{id}"))
        .await
        .json();
    assert_eq!(flagged["assessments_changed"], true);
    let regenerated = app
        .post(&format!("/api/v1/payment-cycles/{id}/generate"))
        .bearer(&f.maker)
        .send()
        .await;
    regenerated.assert_status(200);
    assert_eq!(regenerated.json()["assessments_changed"], false);
    assert_eq!(regenerated.json()["held"], 1, "the hold survives");
    let l = lines(&app, &f.maker, &id).await;
    assert_eq!(l[&f.people["D"]]["reason"], "eligible");
}

#[actix_web::test]
async fn assessment_imports_are_all_or_nothing() {
    let app = TestApp::new().await;
    let f = fixture(&app, 100_000_000).await;
    let name_c = &f.names["C"];
    let bad = app.story(&format!(
        "姓名,考评开始,考评结束,得分,结果,考评人\n{name_c},2026-07-01,2026-12-31,90,优秀,社区党总支\n查无此人,2026-07-01,2026-12-31,90,合格,社区党总支\n{name_c},2026-07-01,2026-06-01,120,良好,\n"
    ));
    let p = app
        .post("/api/v1/assessments/imports")
        .bearer(&f.admin)
        .raw("text/csv", bad)
        .send()
        .await
        .assert_problem(422, "import_invalid");
    let rows: Vec<i64> = p["row_errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["row"].as_i64()).collect())
        .unwrap_or_default();
    assert!(rows.contains(&4) && !rows.contains(&2), "{p}");
    let c = f.people["C"].to_string();
    let count_sql = "SELECT count(*) AS n FROM assessments WHERE person_id::text = $1";
    assert_eq!(app.count(count_sql, &c).await, 0);
    let good = app.story(&format!(
        "姓名,考评开始,考评结束,得分,结果,考评人\n{name_c},2026-07-01,2026-12-31,90,优秀,社区党总支\n"
    ));
    let ok = app
        .post("/api/v1/assessments/imports")
        .bearer(&f.admin)
        .raw("text/csv", good.clone())
        .send()
        .await;
    ok.assert_status(201);
    assert_eq!(ok.json()["imported"], 1);
    assert_eq!(app.count(count_sql, &c).await, 1);
    // Overlapping periods are refused, again without storing anything.
    app.post("/api/v1/assessments/imports")
        .bearer(&f.admin)
        .raw("text/csv", good)
        .send()
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(app.count(count_sql, &c).await, 1);
    // Property staff do not assess.
    let property = property_staff(&app).await;
    app.post("/api/v1/assessments/imports")
        .bearer(&property)
        .raw("text/csv", "x")
        .send()
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn callers_without_the_role_are_refused_before_their_input_is_checked() {
    let app = TestApp::new().await;
    let property = property_staff(&app).await;
    let district = app.area_id("雨花区").await;
    app.post_as(
        &property,
        "/api/v1/allowance-programmes",
        &json!({"name": "", "area_id": district, "org_kind": "compound_party_branch",
            "post_title": "", "amount_fen_per_month": 0, "required_result": "unqualified",
            "annual_budget_fen": 0}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.put_as(
        &property,
        &format!("/api/v1/people/{}/bank-account", Uuid::new_v4()),
        &json!({"bank_name": "", "account_no": "x", "account_name": ""}),
    )
    .await
    .assert_problem(403, "forbidden");
    // A district administrator reads allowances but does not prepare payments: holding a
    // line is refused whatever the reason given.
    let admin = app.admin().await;
    app.post_as(
        &admin,
        &format!(
            "/api/v1/payment-cycles/{}/payments/{}/hold",
            Uuid::new_v4(),
            Uuid::new_v4()
        ),
        &json!({"reason": ""}),
    )
    .await
    .assert_problem(403, "forbidden");
}
