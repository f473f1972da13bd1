//! People's bank accounts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A person's bank account (full number: callers mask it).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct BankAccount {
    pub person_id: Uuid,
    pub bank_name: String,
    pub account_no: String,
    pub account_name: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// A person's bank account, if on file.
pub async fn bank_account(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
) -> StoreResult<Option<BankAccount>> {
    use crate::schema::bank_accounts as b;
    Ok(b::table
        .find(person_id)
        .select((
            b::person_id,
            b::bank_name,
            b::account_no,
            b::account_name,
            b::version,
            b::updated_at,
        ))
        .first(conn)
        .await
        .optional()?)
}

/// Sets a person's bank account; the audit log keeps only the masked number.
pub async fn set_bank_account(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    person_id: Uuid,
    bank_name: &str,
    account_no: &str,
    account_name: &str,
) -> StoreResult<()> {
    use crate::schema::bank_accounts as b;
    let before = bank_account(conn, person_id).await?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(b::table)
            .values((
                b::person_id.eq(person_id),
                b::bank_name.eq(bank_name),
                b::account_no.eq(account_no),
                b::account_name.eq(account_name),
            ))
            .on_conflict(b::person_id)
            .do_update()
            .set((
                b::bank_name.eq(bank_name),
                b::account_no.eq(account_no),
                b::account_name.eq(account_name),
                b::version.eq(b::version + 1),
                b::updated_at.eq(crate::clock::linli_now()),
            ))
            .execute(tx)
            .await?;
        let mask = linli_domain::allowance::mask_account;
        journal::record(tx, ctx, Entry {
            action: "bank_account.updated",
            object_type: "person",
            object_id: person_id.to_string(),
            area_path: Some(area_path.to_owned()),
            before: before.map(|b| json!({"bank_name": b.bank_name, "account_no": mask(&b.account_no), "account_name": b.account_name})),
            after: Some(json!({"bank_name": bank_name, "account_no": mask(account_no), "account_name": account_name})),
            event_data: json!({"person_id": person_id}),
        })
        .await
    })
    .await
}
