//! Public revenue ledgers: balance, immutability, closed months, imports, reports and
//! disclosures, and who may see them.

use linli_domain::policy::Role;
use linli_tests::each;
use linli_tests::{
    TestApp,
    builders::{Books, ledger_entry as entry},
};
use linli_tests::{id_in, text};
use std::collections::HashMap;

use serde_json::{Value, json};
use uuid::Uuid;

/// A compound of its own, with no ledger yet.
async fn fresh_compound(app: &TestApp) -> Uuid {
    app.compound().create().await.id
}

/// A compound of its own whose books a holder of `role` keeps: their token, the books as
/// they read them, and the path of its entries.
struct Kept {
    compound: Uuid,
    keeper: String,
    books: Books,
    entries: String,
}

async fn kept_by(app: &TestApp, role: Role) -> Kept {
    let compound = fresh_compound(app).await;
    let keeper = app.user_with(role, compound).await;
    let books = app.books_as(&keeper, compound).await;
    Kept {
        entries: format!("/api/v1/compounds/{compound}/ledger/entries"),
        compound,
        keeper,
        books,
    }
}

/// The trial balance of `compound` as the holder of `token` reads it, and the balance of
/// each account by code.
async fn trial_balance(
    app: &TestApp,
    token: &str,
    compound: Uuid,
) -> (Value, HashMap<String, i64>) {
    let tb = app
        .get_as(
            token,
            &format!("/api/v1/compounds/{compound}/ledger/trial-balance"),
        )
        .await;
    tb.assert_status(200);
    let tb = tb.json();
    let balances = each(&tb["accounts"])
        .filter_map(|a| Some((a["code"].as_str()?.to_owned(), a["balance_fen"].as_i64()?)))
        .collect();
    (tb, balances)
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
    let Kept {
        compound,
        keeper: committee,
        books: chart,
        entries: uri,
    } = kept_by(&app, Role::CommitteeMember).await;
    let (bank, parking) = (chart.account("1001"), chart.account("4001"));
    let mut body = entry("2026-11-02", "停车费", &bank, &parking, 10_000);
    body["lines"][1]["credit_fen"] = json!(9_999);
    app.post_as(&committee, &uri, &body)
        .await
        .assert_field_error("lines");
    // A line on both sides, one line only, and another compound's account.
    for bad in [
        json!({"entry_date": "2026-11-02", "memo": "x", "lines": [
            {"account_id": bank, "debit_fen": 5, "credit_fen": 5}, {"account_id": parking, "credit_fen": 0}]}),
        json!({"entry_date": "2026-11-02", "memo": "x", "lines": [{"account_id": bank, "debit_fen": 5}]}),
    ] {
        app.post_as(&committee, &uri, &bad)
            .await
            .assert_problem(422, "validation_failed");
    }
    let other = fresh_compound(&app).await;
    let foreign = app.books(other).await.account("4001");
    app.post_as(
        &committee,
        &uri,
        &entry("2026-11-02", "x", &bank, &foreign, 100),
    )
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
    let Kept {
        compound,
        keeper: property,
        books: chart,
        entries: uri,
    } = kept_by(&app, Role::PropertyStaff).await;
    let (bank, parking, cleaning) = (
        chart.account("1001"),
        chart.account("4001"),
        chart.account("5002"),
    );
    let income_entry = entry("2026-11-03", "十一月停车费", &bank, &parking, 120_000);
    let post_income = || app.post_once(&property, &uri, "ledger-income-0001", &income_entry);
    let income = post_income().await;
    income.assert_status(201);
    let income = income.json();
    assert_eq!(income["amount_fen"], 120_000);
    assert_eq!(income["lines"].as_array().map(Vec::len), Some(2));
    // A retry with the same key posts nothing new.
    post_income().await.assert_status(201);
    app.post_as(
        &property,
        &uri,
        &entry("2026-11-04", "保洁", &cleaning, &bank, 30_000),
    )
    .await
    .assert_status(201);
    assert_eq!(entries_of(&app, compound).await, 2);

    let id = income["id"].as_str().expect("the answer carries its id");
    let reversed = app
        .post_as(
            &property,
            &format!("/api/v1/ledger-entries/{id}/reverse"),
            &json!({"reason": "金额录错"}),
        )
        .await;
    reversed.assert_status(201);
    let reversal = reversed.json();
    assert_eq!(reversal["reverses_id"], id);
    assert_eq!(reversal["source"], "reversal");
    let (tb, balances) = trial_balance(&app, &property, compound).await;
    assert_eq!(tb["balanced"], true);
    assert_eq!(tb["total_debit_fen"], tb["total_credit_fen"]);
    let balance = |code: &str| balances.get(code).copied();
    assert_eq!(balance("4001"), Some(0));
    assert_eq!(balance("5002"), Some(30_000));
    assert_eq!(balance("1001"), Some(-30_000));
    // Once only; a reversal is not reversed again.
    app.post_as(
        &property,
        &format!("/api/v1/ledger-entries/{id}/reverse"),
        &json!({"reason": "again"}),
    )
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
        .get_as(&property, &format!("/api/v1/ledger-entries/{id}/vouchers"))
        .await
        .json();
    let url = text(&listed["items"][0]["url"]);
    let file = app.get_as(&property, &url).await;
    file.assert_status(200);
    assert_eq!(file.body, pdf);
    app.post(&format!("/api/v1/ledger-entries/{id}/vouchers"))
        .bearer(&property)
        .raw("application/pdf", b"#!/bin/sh".to_vec())
        .send()
        .await
        .assert_problem(415, "unsupported_media_type");
    let original = app
        .get_as(&property, &format!("/api/v1/ledger-entries/{id}"))
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
    let Kept {
        compound,
        keeper: committee,
        books: chart,
        entries,
    } = kept_by(&app, Role::CommitteeMember).await;
    let (bank, ads) = (chart.account("1001"), chart.account("4003"));
    let periods = format!("/api/v1/compounds/{compound}/ledger/periods");
    app.post_as(
        &committee,
        &entries,
        &entry("2026-10-20", "十月电梯广告", &bank, &ads, 50_000),
    )
    .await
    .assert_status(201);
    app.post_as(&committee, &periods, &json!({"month": "2026-10"}))
        .await
        .assert_status(204);
    let refused = app
        .post_as(
            &committee,
            &entries,
            &entry("2026-10-31", "补记", &bank, &ads, 100),
        )
        .await
        .assert_problem(409, "period_closed");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("结账"))
    );
    app.post_as(&committee, &periods, &json!({"month": "2026-10"}))
        .await
        .assert_problem(409, "period_closed");
    let this_month = app.clock().today().format("%Y-%m").to_string();
    app.post_as(&committee, &periods, &json!({"month": this_month}))
        .await
        .assert_problem(409, "period_not_ended");
    app.post_as(&committee, &periods, &json!({"month": "October"}))
        .await
        .assert_problem(422, "validation_failed");
    // Residents and property staff do not close books.
    for role in [Role::Resident, Role::PropertyStaff] {
        let token = app.user_with(role, compound).await;
        app.post_as(&token, &periods, &json!({"month": "2026-09"}))
            .await
            .assert_problem(403, "forbidden");
    }
    let list = app.get_as(&committee, &periods).await.json();
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

    let (_, balances) = trial_balance(&app, &property, compound).await;
    let balance = |code: &str| balances.get(code).copied();
    assert_eq!(balance("1001"), Some(360_000 + 80_000 + 45_000));
    assert_eq!(balance("1002"), Some(-120_050));
    assert_eq!(balance("4002"), Some(45_000));
    let csv = app
        .get_as(
            &property,
            &format!("/api/v1/compounds/{compound}/ledger/trial-balance?format=csv"),
        )
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
    let Kept {
        compound,
        keeper: committee,
        books: chart,
        entries,
    } = kept_by(&app, Role::CommitteeMember).await;
    let (bank, parking, repair) = (
        chart.account("1001"),
        chart.account("4001"),
        chart.account("5001"),
    );
    for (date, memo, debit, credit, fen) in [
        ("2026-09-10", "九月停车费", &bank, &parking, 200_000),
        ("2026-10-10", "十月停车费", &bank, &parking, 210_000),
        ("2026-10-20", "门禁维修", &repair, &bank, 35_000),
    ] {
        app.post_as(&committee, &entries, &entry(date, memo, debit, credit, fen))
            .await
            .assert_status(201);
    }
    let preview = app.get_as(&committee, &format!(
            "/api/v1/compounds/{compound}/disclosures/preview?period_from=2026-10&period_to=2026-10"
        )).await;
    preview.assert_status(200);
    let preview = preview.json();
    assert_eq!(preview["summary"]["income_total_fen"], 210_000);
    assert_eq!(preview["summary"]["expense_total_fen"], 35_000);
    assert_eq!(preview["summary"]["funds_fen"], 375_000);
    assert_eq!(preview["summary"]["owed_to_owners_fen"], 375_000);
    let published = app
        .post_as(
            &committee,
            &format!("/api/v1/compounds/{compound}/disclosures"),
            &json!({"period_from": "2026-10", "period_to": "2026-10", "note": "十月公共收益公示"}),
        )
        .await;
    published.assert_status(201);
    let id = text(&published.json()["id"]);
    assert_eq!(published.json()["summary"], preview["summary"]);

    let resident = app.user_with(Role::Resident, compound).await;
    let list = app
        .get_as(
            &resident,
            &format!("/api/v1/compounds/{compound}/disclosures"),
        )
        .await;
    list.assert_status(200);
    assert_eq!(list.json()["items"][0]["id"], id.as_str());
    assert_eq!(
        list.json()["items"][0]["summary"]["income_by_category"]["parking"],
        210_000
    );
    app.get_as(&resident, &format!("/api/v1/disclosures/{id}"))
        .await
        .assert_status(200);
    // A resident elsewhere learns nothing, not even that the compound has disclosures.
    let elsewhere = app
        .user_with(Role::Resident, fresh_compound(&app).await)
        .await;
    app.get_as(
        &elsewhere,
        &format!("/api/v1/compounds/{compound}/disclosures"),
    )
    .await
    .assert_problem(404, "not_found");
    app.get_as(&elsewhere, &format!("/api/v1/disclosures/{id}"))
        .await
        .assert_problem(404, "not_found");
    // Residents read, they do not publish nor read the ledger itself.
    app.post_as(
        &resident,
        &format!("/api/v1/compounds/{compound}/disclosures"),
        &json!({"period_from": "2026-10", "period_to": "2026-10"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.get_as(
        &resident,
        &format!("/api/v1/compounds/{compound}/ledger/accounts"),
    )
    .await
    .assert_problem(403, "forbidden");
    // Only ended months are disclosed.
    let this_month = app.clock().today().format("%Y-%m").to_string();
    app.post_as(
        &committee,
        &format!("/api/v1/compounds/{compound}/disclosures"),
        &json!({"period_from": this_month, "period_to": this_month}),
    )
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
        .user_with(Role::CommitteeMember, fresh_compound(&app).await)
        .await;
    app.get_as(
        &other_committee,
        &format!("/api/v1/compounds/{compound}/ledger/accounts"),
    )
    .await
    .assert_problem(404, "not_found");
    app.post_as(
        &other_committee,
        &format!("/api/v1/compounds/{compound}/ledger/periods"),
        &json!({"month": "2026-09"}),
    )
    .await
    .assert_problem(404, "not_found");
    let chart = app.books_as(&committee, compound).await;
    app.post_as(
        &committee,
        &format!("/api/v1/compounds/{compound}/ledger/entries"),
        &entry(
            "2026-11-01",
            "充电桩分成",
            &chart.account("1001"),
            &chart.account("4006"),
            9_900,
        ),
    )
    .await
    .assert_status(201);
    // An account of the compound's own reports under a standard category.
    let added = app.post_as(&committee, &format!("/api/v1/compounds/{compound}/ledger/accounts"), &json!({"code": "4007", "name_zh": "篮球场租金", "name_en": "Court rental", "kind": "income", "category": "venue_rental"})).await;
    added.assert_status(201);
    app.post_as(&committee, &format!("/api/v1/compounds/{compound}/ledger/accounts"), &json!({"code": "4007", "name_zh": "重复", "name_en": "Dup", "kind": "income", "category": "venue_rental"})).await
        .assert_problem(422, "validation_failed");

    let admin = app.token_for("admin").await;
    let monthly = app
        .get_as(
            &admin,
            &format!("/api/v1/public-revenue/monthly?area_id={compound}&from=2026-11&to=2026-11"),
        )
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
        .get_as(
            &admin,
            "/api/v1/public-revenue/by-area?from=2026-01-01&to=2026-12-31",
        )
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
    app.get_as(&admin, "/api/v1/public-revenue/by-area?format=csv")
        .await
        .assert_status(200);
    let resident = app.user_with(Role::Resident, compound).await;
    app.get_as(&resident, "/api/v1/public-revenue/monthly")
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
    app.post_as(
        &resident,
        &format!("{ledger}/entries"),
        &json!({"entry_date": "2026-11-02", "memo": "", "lines": [
            {"account_id": Uuid::new_v4(), "debit_fen": 5}]}),
    )
    .await
    .assert_problem(403, "forbidden");
    // No reason, for an entry that does not exist.
    app.post_as(
        &resident,
        &format!("/api/v1/ledger-entries/{}/reverse", Uuid::new_v4()),
        &json!({"reason": " "}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(
        &resident,
        &format!("{ledger}/accounts"),
        &json!({"code": "x", "name_zh": "", "name_en": "", "kind": "income", "category": "nope"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(
        &resident,
        &format!("{ledger}/periods"),
        &json!({"month": "October"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post_as(
        &resident,
        &format!("/api/v1/compounds/{compound}/disclosures"),
        &json!({"period_from": "2026-10", "period_to": "2026-10", "note": "长".repeat(1001)}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.get_as(&resident, &format!("{ledger}/trial-balance?format=xml"))
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
    let elsewhere = fresh_compound(&app).await;
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
    let chart = app.books_as(&follower, compound).await;
    let (bank, parking) = (chart.account("1001"), chart.account("4001"));
    let ledger = format!("/api/v1/compounds/{compound}/ledger");
    let posted = app
        .post_as(
            &committee,
            &format!("{ledger}/entries"),
            &entry("2026-10-02", "十月停车费", &bank, &parking, 10_000),
        )
        .await;
    posted.assert_status(201);
    let id = id_in(&posted.json()["id"]);
    app.get_as(&follower, &format!("/api/v1/ledger-entries/{id}"))
        .await
        .assert_status(200);
    // Seen, not kept: every write is refused and nothing changes.
    app.post_as(
        &follower,
        &format!("{ledger}/entries"),
        &entry("2026-11-02", "停车费", &bank, &parking, 100),
    )
    .await
    .assert_problem(404, "not_found");
    app.post_as(
        &follower,
        &format!("/api/v1/ledger-entries/{id}/reverse"),
        &json!({"reason": "录错"}),
    )
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
    app.post_as(&follower, &format!("{ledger}/accounts"), &json!({"code": "4008", "name_zh": "场租", "name_en": "Rent", "kind": "income", "category": "venue_rental"})).await
        .assert_problem(404, "not_found");
    app.post_as(
        &follower,
        &format!("{ledger}/periods"),
        &json!({"month": "2026-10"}),
    )
    .await
    .assert_problem(404, "not_found");
    app.post_as(
        &follower,
        &format!("/api/v1/compounds/{compound}/disclosures"),
        &json!({"period_from": "2026-10", "period_to": "2026-10"}),
    )
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
    let theirs = app.books_as(&follower, elsewhere).await;
    app.post_as(
        &follower,
        &format!("/api/v1/compounds/{elsewhere}/ledger/entries"),
        &entry(
            "2026-11-02",
            "停车费",
            &theirs.account("1001"),
            &theirs.account("4001"),
            100,
        ),
    )
    .await
    .assert_status(201);
    assert_journal_balanced(&app).await;
}
