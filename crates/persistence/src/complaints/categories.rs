//! The complaint category catalogue: deadlines and routing rules.

use diesel::{
    prelude::*,
    sql_types::{BigInt, Bool, Integer, Jsonb, Text},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, complaint::HandlerRule};
use serde_json::json;

use crate::{StoreError, audit_log::AuditContext, error::StoreResult};

/// A category of the catalogue.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Category {
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub name_zh: String,
    #[diesel(sql_type = Text)]
    pub name_en: String,
    #[diesel(sql_type = Integer)]
    pub sign_hours: i32,
    #[diesel(sql_type = Integer)]
    pub resolve_hours: i32,
    #[diesel(sql_type = Text)]
    pub handler_rule: String,
    #[diesel(sql_type = Jsonb)]
    pub attributes: serde_json::Value,
    #[diesel(sql_type = Bool)]
    pub active: bool,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `handler_rule`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = handler_rule)]
    rule: crate::error::Code<HandlerRule>,
}

impl Category {
    /// The routing rule.
    pub fn rule(&self) -> HandlerRule {
        self.rule.0
    }
}

macro_rules! category_select {
    () => {
        "SELECT code, name_zh, name_en, sign_hours, resolve_hours, handler_rule, attributes, active, version \
         FROM complaint_categories"
    };
}

/// The catalogue, in display order.
pub async fn categories(
    conn: &mut AsyncPgConnection,
    active_only: bool,
) -> StoreResult<Vec<Category>> {
    let sql = if active_only {
        concat!(category_select!(), " WHERE active ORDER BY position, code")
    } else {
        concat!(category_select!(), " ORDER BY position, code")
    };
    Ok(crate::sql::query(sql).load(conn).await?)
}

/// One category.
pub async fn category(conn: &mut AsyncPgConnection, code: &str) -> StoreResult<Option<Category>> {
    let rows: Vec<Category> = crate::sql::query(concat!(category_select!(), " WHERE code = $1"))
        .bind::<Text, _>(code)
        .load(conn)
        .await?;
    Ok(rows.into_iter().next())
}

/// A category's configurable settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategorySettings {
    pub sign_hours: i32,
    pub resolve_hours: i32,
    pub rule: HandlerRule,
    pub active: bool,
}

/// Changes a category's deadlines, rule and active flag if still at `expected_version`.
pub async fn update_category(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Category,
    settings: CategorySettings,
    expected_version: i64,
) -> StoreResult<Category> {
    let CategorySettings {
        sign_hours,
        resolve_hours,
        rule,
        active,
    } = settings;
    let code = current.code.clone();
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE complaint_categories SET sign_hours = $2, resolve_hours = $3, handler_rule = $4, active = $5, \
             version = version + 1 WHERE code = $1 AND version = $6",
        )
        .bind::<Text, _>(&code)
        .bind::<Integer, _>(sign_hours)
        .bind::<Integer, _>(resolve_hours)
        .bind::<Text, _>(rule.as_str())
        .bind::<Bool, _>(active)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        crate::audit_log::record(tx, ctx, crate::audit_log::Change {
            action: "complaint_category.updated",
            object_type: "complaint_category",
            object_id: code.clone(),
            area_path: None,
            before: Some(json!({"sign_hours": current.sign_hours, "resolve_hours": current.resolve_hours, "handler_rule": current.handler_rule, "active": current.active})),
            after: Some(json!({"sign_hours": sign_hours, "resolve_hours": resolve_hours, "handler_rule": rule.as_str(), "active": active})),
        })
        .await?;
        category(tx, &code).await?.ok_or(StoreError::Domain(DomainError::NotFound("category")))
    })
    .await
}
