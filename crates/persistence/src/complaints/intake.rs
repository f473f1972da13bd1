//! Filing a complaint.

use diesel::{
    prelude::*,
    sql_types::{Bool, Double, Nullable, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, complaint::Status};
use serde_json::json;
use uuid::Uuid;

use super::add_event;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A new complaint, checked and routed by the caller.
#[derive(Debug, Clone)]
pub struct NewComplaint {
    pub compound_id: Uuid,
    pub area_path: String,
    pub category_code: String,
    pub title: String,
    pub description: String,
    pub location: Option<(f64, f64)>,
    pub channel: &'static str,
    pub anonymous: bool,
    pub complainant_user_id: Option<Uuid>,
    pub complainant_name: Option<String>,
    pub complainant_phone: Option<String>,
    pub filed_by: Option<Uuid>,
    pub source_key_id: Option<Uuid>,
    pub external_id: Option<String>,
    pub handler_org_id: Option<Uuid>,
    pub routing_rule: String,
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = Text)]
    number: String,
}

/// Files a complaint: the row, the first timeline entry, the audit entry and the
/// `complaint.created` event, in one transaction.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewComplaint,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let result = conn
        .transaction::<_, StoreError, _>(async |tx| {
            // The sequence is padded to six digits but never cut: `lpad` truncates longer
            // strings, so from the millionth complaint on numbers would repeat within a day.
            let number: Number = crate::sql::query(
                "SELECT 'LL' || to_char(linli_now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || (SELECT lpad(n, greatest(6, length(n)), '0') FROM (SELECT nextval('complaint_numbers')::text AS n) s) AS number",
            )
            .get_result(tx)
            .await?;
            crate::sql::query(
                "INSERT INTO complaints (id, number, compound_id, area_path, category_code, title, description, lat, lon, \
                 channel, anonymous, complainant_user_id, complainant_name, complainant_phone, filed_by, source_key_id, \
                 external_id, status, handler_org_id, routing_rule) \
                 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'submitted',$18,$19)",
            )
            .bind::<SqlUuid, _>(id)
            .bind::<Text, _>(&number.number)
            .bind::<SqlUuid, _>(new.compound_id)
            .bind::<Text, _>(&new.area_path)
            .bind::<Text, _>(&new.category_code)
            .bind::<Text, _>(new.title.trim())
            .bind::<Text, _>(new.description.trim())
            .bind::<Nullable<Double>, _>(new.location.map(|l| l.0))
            .bind::<Nullable<Double>, _>(new.location.map(|l| l.1))
            .bind::<Text, _>(new.channel)
            .bind::<Bool, _>(new.anonymous)
            .bind::<Nullable<SqlUuid>, _>(new.complainant_user_id)
            .bind::<Nullable<Text>, _>(&new.complainant_name)
            .bind::<Nullable<Text>, _>(&new.complainant_phone)
            .bind::<Nullable<SqlUuid>, _>(new.filed_by)
            .bind::<Nullable<SqlUuid>, _>(new.source_key_id)
            .bind::<Nullable<Text>, _>(&new.external_id)
            .bind::<Nullable<SqlUuid>, _>(new.handler_org_id)
            .bind::<Text, _>(&new.routing_rule)
            .execute(tx)
            .await?;
            add_event(tx, ctx, id, "submit", None, Status::Submitted, Some(&new.routing_rule)).await?;
            journal::record(tx, ctx, Entry {
                action: "complaint.created",
                object_type: "complaint",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(json!({
                    "number": number.number, "compound_id": new.compound_id, "category": new.category_code,
                    "channel": new.channel, "anonymous": new.anonymous, "handler_org_id": new.handler_org_id,
                    "routing_rule": new.routing_rule,
                })),
                event_data: json!({
                    "complaint_id": id, "number": number.number, "compound_id": new.compound_id,
                    "category": new.category_code, "channel": new.channel, "status": "submitted",
                    "external_id": new.external_id,
                }),
            })
            .await?;
            Ok(id)
        })
        .await;
    match result {
        Err(StoreError::Domain(DomainError::Conflict(c))) if c.contains("external_once") => {
            Err(DomainError::field(
                "external_id",
                "该外部编号已导入 / a complaint with this external id was already imported",
            )
            .into())
        }
        other => other,
    }
}
