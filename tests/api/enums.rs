//! Enums stored as text agree with the database: each column's CHECK list holds exactly the
//! enum's codes, and each enum's JSON form is its code.

use std::collections::BTreeSet;

use diesel::{QueryableByName, sql_types::Text};
use diesel_async::RunQueryDsl;
use linli_domain::{
    allowance::{AssessmentResult, CycleAction, CycleStatus, Reason},
    area::AreaKind,
    complaint::{Channel, HandlerRule, Status, Transition},
    compound::GovernanceMode,
    policy::{ApiScope, Role},
    public_revenue::AccountKind,
    registry::{ActionStatus, MeetingStatus, OrgKind},
    special_audit::{EngagementStatus, FindingKind, Opinion, RectificationStatus, Severity},
    text_enum::TextEnum,
    volunteering::ReportStatus,
};
use linli_tests::TestApp;
use serde::{Serialize, de::DeserializeOwned};

fn codes<T: TextEnum>() -> BTreeSet<&'static str> {
    T::all().iter().map(|v| v.code()).collect()
}

/// An enum stored as text in `table.column`: (its name, the table, the column, its codes).
type Column = (
    &'static str,
    &'static str,
    &'static str,
    BTreeSet<&'static str>,
);

/// The enum `T` stored in `table.column`.
fn column<T: TextEnum>(table: &'static str, column: &'static str) -> Column {
    let name = std::any::type_name::<T>()
        .rsplit("::")
        .next()
        .unwrap_or_default();
    (name, table, column, codes::<T>())
}

/// Every stored-text enum with a CHECK list.
fn checked_columns() -> Vec<Column> {
    vec![
        column::<AreaKind>("areas", "kind"),
        column::<GovernanceMode>("compounds", "governance_mode"),
        column::<Role>("user_grants", "role"),
        column::<OrgKind>("organisations", "kind"),
        column::<MeetingStatus>("joint_meetings", "status"),
        column::<ActionStatus>("action_items", "status"),
        column::<HandlerRule>("complaint_categories", "handler_rule"),
        column::<Channel>("complaints", "channel"),
        column::<Status>("complaints", "status"),
        column::<AccountKind>("ledger_accounts", "kind"),
        column::<EngagementStatus>("audit_engagements", "status"),
        column::<Opinion>("audit_engagements", "opinion"),
        column::<FindingKind>("audit_findings", "kind"),
        column::<Severity>("audit_findings", "severity"),
        column::<RectificationStatus>("rectifications", "status"),
        column::<AssessmentResult>("assessments", "result"),
        column::<CycleStatus>("payment_cycles", "status"),
        column::<ReportStatus>("reports", "status"),
    ]
}

#[derive(QueryableByName)]
struct Constraint {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    def: String,
}

/// The quoted literals of a constraint definition (`'a'::text`, …).
fn literals(def: &str) -> BTreeSet<String> {
    def.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[actix_web::test]
async fn check_lists_match_the_enums() {
    let app = TestApp::new().await;
    let mut conn = app.conn().await;
    let mut mismatches = Vec::new();
    for (name, table, column, expected) in checked_columns() {
        let constraints: Vec<Constraint> = diesel::sql_query(
            "SELECT conname::text AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint \
             WHERE conrelid = $1::text::regclass AND contype = 'c'",
        )
        .bind::<Text, _>(table)
        .load(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("{table}: {e}"));
        // PostgreSQL names a column's own CHECK `<table>_<column>_check`; other table
        // constraints may mention the column too (e.g. `opinion IS NOT NULL OR status IN …`).
        let own = format!("{table}_{column}_check");
        let constraint = constraints
            .iter()
            .find(|c| c.name == own)
            .unwrap_or_else(|| panic!("{name}: no CHECK {own} on {table}"));
        assert!(
            constraint.def.contains(column),
            "{name}: {own} does not mention {column}: {}",
            constraint.def
        );
        let found = literals(&constraint.def);
        let expected: BTreeSet<String> = expected.into_iter().map(str::to_owned).collect();
        if found != expected {
            mismatches.push(format!(
                "{name} vs {table}.{column}: only in CHECK {:?}, only in enum {:?}",
                found.difference(&expected).collect::<Vec<_>>(),
                expected.difference(&found).collect::<Vec<_>>()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

fn json_is_code<T: TextEnum + Serialize + DeserializeOwned>() {
    for v in T::all() {
        let json = serde_json::to_value(v).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        assert_eq!(
            json,
            serde_json::Value::String(v.code().to_owned()),
            "{v:?}"
        );
        let back: T = serde_json::from_value(json).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        assert_eq!(back, *v);
        assert_eq!(T::from_code(v.code()), Some(*v));
    }
}

#[test]
fn json_forms_are_the_codes() {
    json_is_code::<AssessmentResult>();
    json_is_code::<Reason>();
    json_is_code::<CycleStatus>();
    json_is_code::<CycleAction>();
    json_is_code::<AreaKind>();
    json_is_code::<Status>();
    json_is_code::<Transition>();
    json_is_code::<HandlerRule>();
    json_is_code::<GovernanceMode>();
    json_is_code::<AccountKind>();
    json_is_code::<Role>();
    json_is_code::<ApiScope>();
    json_is_code::<OrgKind>();
    json_is_code::<MeetingStatus>();
    json_is_code::<ActionStatus>();
    json_is_code::<EngagementStatus>();
    json_is_code::<Opinion>();
    json_is_code::<FindingKind>();
    json_is_code::<Severity>();
    json_is_code::<RectificationStatus>();
    json_is_code::<ReportStatus>();
    // `Channel` has no serde form; its codes are checked against the database above.
}

#[actix_web::test]
async fn an_unknown_stored_code_is_an_internal_error_not_a_default() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    app.get_as(&admin, "/api/v1/compounds")
        .await
        .assert_status(200);
    // Only a broken migration or a hand edit could store this; it must not read as a mode.
    app.sql("ALTER TABLE compounds DROP CONSTRAINT compounds_governance_mode_check")
        .await;
    app.sql("UPDATE compounds SET governance_mode = 'bogus'")
        .await;
    app.get_as(&admin, "/api/v1/compounds")
        .await
        .assert_status(500);
}
