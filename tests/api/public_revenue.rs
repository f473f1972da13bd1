//! Public revenue ledgers: balance, immutability, closed months, imports, reports and
//! disclosures, and who may see them.

use linli_domain::policy::Role;
use linli_tests::TestApp;
use serde_json::{Value, json};
use uuid::Uuid;

/// A compound with no ledger yet (the demo seeds ledgers for a handful only).
async fn fresh_compound(app: &TestApp) -> Uuid {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
    }
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    let row: Id = diesel::sql_query(
        "SELECT a.id FROM areas a WHERE a.kind = 'compound' \
         AND NOT EXISTS (SELECT 1 FROM ledger_accounts l WHERE l.compound_id = a.id) ORDER BY a.path LIMIT 1",
    )
    .get_result(&mut *conn)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    row.id
}

/// Account id by code.
async fn accounts(app: &TestApp, token: &str, compound: Uuid) -> Value {
    let res = app
        .get(&format!("/api/v1/compounds/{compound}/ledger/accounts"))
        .bearer(token)
        .send()
        .await;
    res.assert_status(200);
    res.json()
}

fn account(chart: &Value, code: &str) -> String {
    chart["items"]
        .as_array()
        .and_then(|items| items.iter().find(|a| a["code"] == code))
        .and_then(|a| a["id"].as_str())
        .unwrap_or_default()
        .to_owned()
}

fn entry(date: &str, memo: &str, debit: &str, credit: &str, fen: i64) -> Value {
    json!({"entry_date": date, "memo": memo, "lines": [
        {"account_id": debit, "debit_fen": fen},
        {"account_id": credit, "credit_fen": fen},
    ]})
}

/// The invariant every test ends on: no entry in the database is unbalanced.
async fn assert_journal_balanced(app: &TestApp) {
    let mut conn = app.conn().await;
    let unbalanced = linli_persistence::public_revenue::unbalanced_entries(&mut conn)
        .await
        .unwrap_or(-1);
    assert_eq!(unbalanced, 0, "unbalanced journal entries found");
}

async fn entries_of(app: &TestApp, compound: Uuid) -> i64 {
    app.count(
        "SELECT count(*) AS n FROM ledger_entries WHERE compound_id::text = $1",
        &compound.to_string(),
    )
    .await
}

#[actix_web::test]
async fn an_unbalanced_entry_is_refused_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let chart = accounts(&app, &committee, compound).await;
    let (bank, parking) = (account(&chart, "1001"), account(&chart, "4001"));
    let uri = format!("/api/v1/compounds/{compound}/ledger/entries");
    let mut body = entry("2026-11-02", "停车费", &bank, &parking, 10_000);
    body["lines"][1]["credit_fen"] = json!(9_999);
    let problem = app
        .post(&uri)
        .bearer(&committee)
        .json(&body)
        .send()
        .await
        .assert_problem(422, "validation_failed");
    assert!(problem["errors"]["lines"].is_array(), "{problem}");
    // A line on both sides, one line only, and another compound's account.
    for bad in [
        json!({"entry_date": "2026-11-02", "memo": "x", "lines": [
            {"account_id": bank, "debit_fen": 5, "credit_fen": 5}, {"account_id": parking, "credit_fen": 0}]}),
        json!({"entry_date": "2026-11-02", "memo": "x", "lines": [{"account_id": bank, "debit_fen": 5}]}),
    ] {
        app.post(&uri)
            .bearer(&committee)
            .json(&bad)
            .send()
            .await
            .assert_problem(422, "validation_failed");
    }
    let other = app.area_id("卫技新村").await;
    let admin = app.token_for("admin").await;
    let foreign = account(&accounts(&app, &admin, other).await, "4001");
    app.post(&uri)
        .bearer(&committee)
        .json(&entry("2026-11-02", "x", &bank, &foreign, 100))
        .send()
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(entries_of(&app, compound).await, 0);

    // The database refuses an unbalanced entry on its own, at commit.
    use diesel_async::SimpleAsyncConnection;
    let mut conn = app.conn().await;
    let raw = format!(
        "BEGIN; INSERT INTO ledger_entries (id, compound_id, entry_date, memo, source) VALUES ('{id}', '{compound}', '2026-11-03', 'raw', 'manual'); \
         INSERT INTO ledger_lines (entry_id, compound_id, account_id, debit_fen, credit_fen) VALUES ('{id}', '{compound}', '{bank}', 500, 0), \
         ('{id}', '{compound}', '{parking}', 0, 400); COMMIT;",
        id = Uuid::new_v4()
    );
    let refused = conn.batch_execute(&raw).await;
    let refused = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(refused.contains("ledger_unbalanced"), "{refused}");
    let _ = conn.batch_execute("ROLLBACK").await;
    drop(conn);
    assert_eq!(entries_of(&app, compound).await, 0);
    assert_journal_balanced(&app).await;
}

#[actix_web::test]
async fn a_reversal_leaves_the_balances_right_and_entries_never_change() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let property = app.user_with(Role::PropertyStaff, compound).await;
    let chart = accounts(&app, &property, compound).await;
    let (bank, parking, cleaning) = (
        account(&chart, "1001"),
        account(&chart, "4001"),
        account(&chart, "5002"),
    );
    let uri = format!("/api/v1/compounds/{compound}/ledger/entries");
    let income = app
        .post(&uri)
        .bearer(&property)
        .header("Idempotency-Key", "ledger-income-0001")
        .json(&entry(
            "2026-11-03",
            "十一月停车费",
            &bank,
            &parking,
            120_000,
        ))
        .send()
        .await;
    income.assert_status(201);
    let income = income.json();
    assert_eq!(income["amount_fen"], 120_000);
    assert_eq!(income["lines"].as_array().map(Vec::len), Some(2));
    // A retry with the same key posts nothing new.
    app.post(&uri)
        .bearer(&property)
        .header("Idempotency-Key", "ledger-income-0001")
        .json(&entry(
            "2026-11-03",
            "十一月停车费",
            &bank,
            &parking,
            120_000,
        ))
        .send()
        .await
        .assert_status(201);
    app.post(&uri)
        .bearer(&property)
        .json(&entry("2026-11-04", "保洁", &cleaning, &bank, 30_000))
        .send()
        .await
        .assert_status(201);
    assert_eq!(entries_of(&app, compound).await, 2);

    let id = income["id"].as_str().expect("the answer carries its id");
    let reversed = app
        .post(&format!("/api/v1/ledger-entries/{id}/reverse"))
        .bearer(&property)
        .json(&json!({"reason": "金额录错"}))
        .send()
        .await;
    reversed.assert_status(201);
    let reversal = reversed.json();
    assert_eq!(reversal["reverses_id"], id);
    assert_eq!(reversal["source"], "reversal");
    let tb = app
        .get(&format!(
            "/api/v1/compounds/{compound}/ledger/trial-balance"
        ))
        .bearer(&property)
        .send()
        .await;
    tb.assert_status(200);
    let tb = tb.json();
    assert_eq!(tb["balanced"], true);
    assert_eq!(tb["total_debit_fen"], tb["total_credit_fen"]);
    let balance = |code: &str| {
        tb["accounts"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["code"] == code))
            .map(|x| x["balance_fen"].as_i64().unwrap_or(i64::MIN))
    };
    assert_eq!(balance("4001"), Some(0));
    assert_eq!(balance("5002"), Some(30_000));
    assert_eq!(balance("1001"), Some(-30_000));
    // Once only; a reversal is not reversed again.
    app.post(&format!("/api/v1/ledger-entries/{id}/reverse"))
        .bearer(&property)
        .json(&json!({"reason": "again"}))
        .send()
        .await
        .assert_problem(409, "already_reversed");
    // A voucher (a PDF) is attached, listed and read back.
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".to_vec();
    let uploaded = app
        .post(&format!(
            "/api/v1/ledger-entries/{id}/vouchers?name=receipt.pdf"
        ))
        .bearer(&property)
        .raw("application/pdf", pdf.clone())
        .send()
        .await;
    uploaded.assert_status(201);
    let listed = app
        .get(&format!("/api/v1/ledger-entries/{id}/vouchers"))
        .bearer(&property)
        .send()
        .await
        .json();
    let url = listed["items"][0]["url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let file = app.get(&url).bearer(&property).send().await;
    file.assert_status(200);
    assert_eq!(file.body, pdf);
    app.post(&format!("/api/v1/ledger-entries/{id}/vouchers"))
        .bearer(&property)
        .raw("application/pdf", b"#!/bin/sh".to_vec())
        .send()
        .await
        .assert_problem(415, "unsupported_media_type");
    let original = app
        .get(&format!("/api/v1/ledger-entries/{id}"))
        .bearer(&property)
        .send()
        .await
        .json();
    assert_eq!(original["reversed_by"], reversal["id"]);

    // Nobody changes a posted entry, not even with SQL.
    use diesel_async::SimpleAsyncConnection;
    let mut conn = app.conn().await;
    for sql in [
        format!("UPDATE ledger_lines SET debit_fen = 1 WHERE entry_id = '{id}'"),
        format!("DELETE FROM ledger_entries WHERE id = '{id}'"),
        // A balanced pair appended later is refused too: lines come with their entry.
        format!(
            "INSERT INTO ledger_lines (entry_id, compound_id, account_id, debit_fen, credit_fen) \
             VALUES ('{id}', '{compound}', '{bank}', 7, 0), ('{id}', '{compound}', '{parking}', 0, 7)"
        ),
    ] {
        let refused = conn.batch_execute(&sql).await;
        assert!(
            refused.is_err_and(|e| e.to_string().contains("ledger_immutable")),
            "{sql}"
        );
    }
    drop(conn);
    assert_journal_balanced(&app).await;
}

#[actix_web::test]
async fn nothing_posts_into_a_closed_month() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let chart = accounts(&app, &committee, compound).await;
    let (bank, ads) = (account(&chart, "1001"), account(&chart, "4003"));
    let entries = format!("/api/v1/compounds/{compound}/ledger/entries");
    let periods = format!("/api/v1/compounds/{compound}/ledger/periods");
    app.post(&entries)
        .bearer(&committee)
        .json(&entry("2026-10-20", "十月电梯广告", &bank, &ads, 50_000))
        .send()
        .await
        .assert_status(201);
    app.post(&periods)
        .bearer(&committee)
        .json(&json!({"month": "2026-10"}))
        .send()
        .await
        .assert_status(204);
    let refused = app
        .post(&entries)
        .bearer(&committee)
        .json(&entry("2026-10-31", "补记", &bank, &ads, 100))
        .send()
        .await
        .assert_problem(409, "period_closed");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("结账"))
    );
    app.post(&periods)
        .bearer(&committee)
        .json(&json!({"month": "2026-10"}))
        .send()
        .await
        .assert_problem(409, "period_closed");
    let this_month = app.clock().today().format("%Y-%m").to_string();
    app.post(&periods)
        .bearer(&committee)
        .json(&json!({"month": this_month}))
        .send()
        .await
        .assert_problem(409, "period_not_ended");
    app.post(&periods)
        .bearer(&committee)
        .json(&json!({"month": "October"}))
        .send()
        .await
        .assert_problem(422, "validation_failed");
    // Residents and property staff do not close books.
    for role in [Role::Resident, Role::PropertyStaff] {
        let token = app.user_with(role, compound).await;
        app.post(&periods)
            .bearer(&token)
            .json(&json!({"month": "2026-09"}))
            .send()
            .await
            .assert_problem(403, "forbidden");
    }
    let list = app.get(&periods).bearer(&committee).send().await.json();
    assert_eq!(list["items"][0]["month"], "2026-10");
    assert_eq!(list["items"][0]["closed"], true);
    assert_eq!(list["items"][0]["entry_count"], 1);
    assert_eq!(entries_of(&app, compound).await, 1);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM audit_log WHERE action = 'ledger_period.closed' AND area_path LIKE '%' || $1 || '%'",
            &compound.to_string()
        )
        .await,
        1
    );
    assert_journal_balanced(&app).await;
}

const GOOD_FILE: &str = "日期,凭证号,摘要,科目,收入,支出,收付方式\n\
    2026-11-01,J001,十一月地面停车费,4001,\"3,600.00\",,银行\n\
    2026-11-02,J002,快递柜场地费,快递柜收益,800,,银行\n\
    2026-11-05,J003,绿化保洁,5002,,1200.50,现金\n\
    2026-11-06,J004,潮汐停车,4002,450,,\n";

#[actix_web::test]
async fn a_csv_import_is_all_or_nothing_with_precise_row_errors_and_idempotent() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let property = app.user_with(Role::PropertyStaff, compound).await;
    let uri = format!("/api/v1/compounds/{compound}/ledger/imports?file_name=nov.csv");
    let bad = "日期,凭证号,摘要,科目,收入,支出,收付方式\n\
        2026-11-01,J001,停车费,4001,3600,,银行\n\
        2026-11-02,J002,广告,4003,12.345,,银行\n\
        2026-11-31,J003,保洁,9999,,100,现金\n\
        2026-11-04,J004,,5002,100,,信用卡\n";
    let problem = app
        .post(&uri)
        .bearer(&property)
        .raw("text/csv", bad)
        .send()
        .await
        .assert_problem(422, "import_invalid");
    let errors = problem["row_errors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let at = |row: i64, column: &str| {
        errors
            .iter()
            .any(|e| e["row"] == row && e["column"] == column && e["message"].is_string())
    };
    assert!(at(3, "收入"), "{problem}");
    assert!(at(4, "日期") && at(4, "科目"), "{problem}");
    assert!(
        at(5, "摘要") && at(5, "科目") && at(5, "收付方式"),
        "{problem}"
    );
    assert!(
        !errors.iter().any(|e| e["row"] == 2),
        "row 2 is fine: {problem}"
    );
    assert_eq!(entries_of(&app, compound).await, 0, "nothing stored");

    let first = app
        .post(&uri)
        .bearer(&property)
        .raw("text/csv", GOOD_FILE)
        .send()
        .await;
    first.assert_status(201);
    let first = first.json();
    assert_eq!(first["entries"], 4);
    assert_eq!(first["replayed"], false);
    assert_eq!(entries_of(&app, compound).await, 4);
    let again = app
        .post(&uri)
        .bearer(&property)
        .raw("text/csv", GOOD_FILE)
        .send()
        .await;
    again.assert_status(200);
    assert_eq!(again.json()["replayed"], true);
    assert_eq!(again.json()["import_id"], first["import_id"]);
    assert_eq!(entries_of(&app, compound).await, 4);

    let tb = app
        .get(&format!(
            "/api/v1/compounds/{compound}/ledger/trial-balance"
        ))
        .bearer(&property)
        .send()
        .await
        .json();
    let balance = |code: &str| {
        tb["accounts"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["code"] == code))
            .map(|x| x["balance_fen"].as_i64().unwrap_or(i64::MIN))
    };
    assert_eq!(balance("1001"), Some(360_000 + 80_000 + 45_000));
    assert_eq!(balance("1002"), Some(-120_050));
    assert_eq!(balance("4002"), Some(45_000));
    let csv = app
        .get(&format!(
            "/api/v1/compounds/{compound}/ledger/trial-balance?format=csv"
        ))
        .bearer(&property)
        .send()
        .await;
    csv.assert_status(200);
    assert!(csv.text().contains("4850.00"), "{}", csv.text());
    // Residents cannot import.
    let resident = app.user_with(Role::Resident, compound).await;
    app.post(&uri)
        .bearer(&resident)
        .raw("text/csv", GOOD_FILE)
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_journal_balanced(&app).await;
}

#[actix_web::test]
async fn a_disclosure_is_read_by_that_compounds_residents_only() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let chart = accounts(&app, &committee, compound).await;
    let (bank, parking, repair) = (
        account(&chart, "1001"),
        account(&chart, "4001"),
        account(&chart, "5001"),
    );
    let entries = format!("/api/v1/compounds/{compound}/ledger/entries");
    for (date, memo, debit, credit, fen) in [
        ("2026-09-10", "九月停车费", &bank, &parking, 200_000),
        ("2026-10-10", "十月停车费", &bank, &parking, 210_000),
        ("2026-10-20", "门禁维修", &repair, &bank, 35_000),
    ] {
        app.post(&entries)
            .bearer(&committee)
            .json(&entry(date, memo, debit, credit, fen))
            .send()
            .await
            .assert_status(201);
    }
    let preview = app
        .get(&format!(
            "/api/v1/compounds/{compound}/disclosures/preview?period_from=2026-10&period_to=2026-10"
        ))
        .bearer(&committee)
        .send()
        .await;
    preview.assert_status(200);
    let preview = preview.json();
    assert_eq!(preview["summary"]["income_total_fen"], 210_000);
    assert_eq!(preview["summary"]["expense_total_fen"], 35_000);
    assert_eq!(preview["summary"]["funds_fen"], 375_000);
    assert_eq!(preview["summary"]["owed_to_owners_fen"], 375_000);
    let published = app
        .post(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&committee)
        .json(
            &json!({"period_from": "2026-10", "period_to": "2026-10", "note": "十月公共收益公示"}),
        )
        .send()
        .await;
    published.assert_status(201);
    let id = published.json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(published.json()["summary"], preview["summary"]);

    let resident = app.user_with(Role::Resident, compound).await;
    let list = app
        .get(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&resident)
        .send()
        .await;
    list.assert_status(200);
    assert_eq!(list.json()["items"][0]["id"], id.as_str());
    assert_eq!(
        list.json()["items"][0]["summary"]["income_by_category"]["parking"],
        210_000
    );
    app.get(&format!("/api/v1/disclosures/{id}"))
        .bearer(&resident)
        .send()
        .await
        .assert_status(200);
    // A resident elsewhere learns nothing, not even that the compound has disclosures.
    let elsewhere = app
        .user_with(Role::Resident, app.area_id("卫技新村").await)
        .await;
    app.get(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&elsewhere)
        .send()
        .await
        .assert_problem(404, "not_found");
    app.get(&format!("/api/v1/disclosures/{id}"))
        .bearer(&elsewhere)
        .send()
        .await
        .assert_problem(404, "not_found");
    // Residents read, they do not publish nor read the ledger itself.
    app.post(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&resident)
        .json(&json!({"period_from": "2026-10", "period_to": "2026-10"}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.get(&format!("/api/v1/compounds/{compound}/ledger/accounts"))
        .bearer(&resident)
        .send()
        .await
        .assert_problem(403, "forbidden");
    // Only ended months are disclosed.
    let this_month = app.clock().today().format("%Y-%m").to_string();
    app.post(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&committee)
        .json(&json!({"period_from": this_month, "period_to": this_month}))
        .send()
        .await
        .assert_problem(422, "validation_failed");
    assert_journal_balanced(&app).await;
}

#[actix_web::test]
async fn ledgers_are_scoped_and_reports_roll_up_by_area() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let other_committee = app
        .user_with(Role::CommitteeMember, app.area_id("卫技新村").await)
        .await;
    app.get(&format!("/api/v1/compounds/{compound}/ledger/accounts"))
        .bearer(&other_committee)
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("/api/v1/compounds/{compound}/ledger/periods"))
        .bearer(&other_committee)
        .json(&json!({"month": "2026-09"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    let chart = accounts(&app, &committee, compound).await;
    app.post(&format!("/api/v1/compounds/{compound}/ledger/entries"))
        .bearer(&committee)
        .json(&entry(
            "2026-11-01",
            "充电桩分成",
            &account(&chart, "1001"),
            &account(&chart, "4006"),
            9_900,
        ))
        .send()
        .await
        .assert_status(201);
    // An account of the compound's own reports under a standard category.
    let added = app
        .post(&format!("/api/v1/compounds/{compound}/ledger/accounts"))
        .bearer(&committee)
        .json(&json!({"code": "4007", "name_zh": "篮球场租金", "name_en": "Court rental", "kind": "income", "category": "venue_rental"}))
        .send()
        .await;
    added.assert_status(201);
    app.post(&format!("/api/v1/compounds/{compound}/ledger/accounts"))
        .bearer(&committee)
        .json(&json!({"code": "4007", "name_zh": "重复", "name_en": "Dup", "kind": "income", "category": "venue_rental"}))
        .send()
        .await
        .assert_problem(422, "validation_failed");

    let admin = app.token_for("admin").await;
    let monthly = app
        .get(&format!(
            "/api/v1/public-revenue/monthly?area_id={compound}&from=2026-11&to=2026-11"
        ))
        .bearer(&admin)
        .send()
        .await;
    monthly.assert_status(200);
    let items = monthly.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(items.iter().any(|i| i["category"] == "charging"
        && i["amount_fen"] == 9_900
        && i["month"] == "2026-11"));
    let rollup = app
        .get("/api/v1/public-revenue/by-area?from=2026-01-01&to=2026-12-31")
        .bearer(&admin)
        .send()
        .await;
    rollup.assert_status(200);
    let rows = rollup.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(rows.len(), 14, "one row per subdistrict");
    let total: i64 = rows
        .iter()
        .map(|r| r["income_fen"].as_i64().unwrap_or(0))
        .sum();
    assert!(total >= 9_900);
    app.get("/api/v1/public-revenue/by-area?format=csv")
        .bearer(&admin)
        .send()
        .await
        .assert_status(200);
    let resident = app.user_with(Role::Resident, compound).await;
    app.get("/api/v1/public-revenue/monthly")
        .bearer(&resident)
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_journal_balanced(&app).await;
}

#[actix_web::test]
async fn the_demo_ledgers_balance() {
    let app = TestApp::new().await;
    assert_journal_balanced(&app).await;
    let tidal = app
        .count(
            "SELECT count(*) AS n FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id \
             JOIN areas c ON c.id = l.compound_id WHERE a.category = 'tidal_parking' AND c.name = $1",
            "卫技新村",
        )
        .await;
    assert!(tidal >= 10, "a year of tidal parking income at 卫技新村");
}

#[actix_web::test]
async fn a_caller_without_the_role_is_refused_before_their_body_is_checked() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let resident = app.user_with(Role::Resident, compound).await;
    let ledger = format!("/api/v1/compounds/{compound}/ledger");
    // Unbalanced, with no memo and an unknown account.
    app.post(&format!("{ledger}/entries"))
        .bearer(&resident)
        .json(&json!({"entry_date": "2026-11-02", "memo": "", "lines": [
            {"account_id": Uuid::new_v4(), "debit_fen": 5}]}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    // No reason, for an entry that does not exist.
    app.post(&format!(
        "/api/v1/ledger-entries/{}/reverse",
        Uuid::new_v4()
    ))
    .bearer(&resident)
    .json(&json!({"reason": " "}))
    .send()
    .await
    .assert_problem(403, "forbidden");
    app.post(&format!("{ledger}/accounts"))
        .bearer(&resident)
        .json(&json!({"code": "x", "name_zh": "", "name_en": "", "kind": "income", "category": "nope"}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.post(&format!("{ledger}/periods"))
        .bearer(&resident)
        .json(&json!({"month": "October"}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.post(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&resident)
        .json(&json!({"period_from": "2026-10", "period_to": "2026-10", "note": "长".repeat(1001)}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.get(&format!("{ledger}/trial-balance?format=xml"))
        .bearer(&resident)
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(entries_of(&app, compound).await, 0);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM ledger_accounts WHERE compound_id::text = $1",
            &compound.to_string()
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn a_ledger_seen_but_not_kept_is_not_written() {
    let app = TestApp::new().await;
    let compound = fresh_compound(&app).await;
    let elsewhere = app.area_id("卫技新村").await;
    // The party secretary here follows this ledger; they keep the books of another compound.
    let username = format!("u{}", &Uuid::new_v4().simple().to_string()[..12]);
    {
        let mut conn = app.conn().await;
        let (id, _) = linli_persistence::users::ensure(&mut conn, &username, "测试用户", "x")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for (role, area) in [
            (Role::CompoundSecretary, compound),
            (Role::CommitteeMember, elsewhere),
        ] {
            linli_persistence::users::ensure_grant(&mut conn, id, role, area)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let follower = app.token_for(&username).await;
    let committee = app.user_with(Role::CommitteeMember, compound).await;
    let chart = accounts(&app, &follower, compound).await;
    let (bank, parking) = (account(&chart, "1001"), account(&chart, "4001"));
    let ledger = format!("/api/v1/compounds/{compound}/ledger");
    let posted = app
        .post(&format!("{ledger}/entries"))
        .bearer(&committee)
        .json(&entry("2026-10-02", "十月停车费", &bank, &parking, 10_000))
        .send()
        .await;
    posted.assert_status(201);
    let id = posted.json()["id"]
        .as_str()
        .expect("the answer carries its id")
        .to_owned();
    app.get(&format!("/api/v1/ledger-entries/{id}"))
        .bearer(&follower)
        .send()
        .await
        .assert_status(200);
    // Seen, not kept: every write is refused and nothing changes.
    app.post(&format!("{ledger}/entries"))
        .bearer(&follower)
        .json(&entry("2026-11-02", "停车费", &bank, &parking, 100))
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("/api/v1/ledger-entries/{id}/reverse"))
        .bearer(&follower)
        .json(&json!({"reason": "录错"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("/api/v1/ledger-entries/{id}/vouchers"))
        .bearer(&follower)
        .raw("application/pdf", b"%PDF-1.4\n%%EOF".to_vec())
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("{ledger}/imports"))
        .bearer(&follower)
        .raw("text/csv", GOOD_FILE)
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("{ledger}/accounts"))
        .bearer(&follower)
        .json(&json!({"code": "4008", "name_zh": "场租", "name_en": "Rent", "kind": "income", "category": "venue_rental"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("{ledger}/periods"))
        .bearer(&follower)
        .json(&json!({"month": "2026-10"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    app.post(&format!("/api/v1/compounds/{compound}/disclosures"))
        .bearer(&follower)
        .json(&json!({"period_from": "2026-10", "period_to": "2026-10"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    assert_eq!(entries_of(&app, compound).await, 1);
    for table in ["ledger_periods", "ledger_imports", "disclosures"] {
        assert_eq!(
            app.count(
                &format!("SELECT count(*) AS n FROM {table} WHERE compound_id::text = $1"),
                &compound.to_string()
            )
            .await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM ledger_vouchers WHERE entry_id::text = $1",
            &id
        )
        .await,
        0
    );
    // Where they keep the books, they post.
    let theirs = accounts(&app, &follower, elsewhere).await;
    app.post(&format!("/api/v1/compounds/{elsewhere}/ledger/entries"))
        .bearer(&follower)
        .json(&entry(
            "2026-11-02",
            "停车费",
            &account(&theirs, "1001"),
            &account(&theirs, "4001"),
            100,
        ))
        .send()
        .await
        .assert_status(201);
    assert_journal_balanced(&app).await;
}
