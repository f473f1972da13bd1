//! Audit campaigns with their budgets and firms.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use super::AuditVisibility;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// A campaign with its budget use.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Campaign {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub year: i32,
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = BigInt)]
    pub budget_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub committed_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub engagement_count: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub description: Option<String>,
    #[diesel(sql_type = Array<SqlUuid>)]
    pub firm_ids: Vec<Uuid>,
    #[diesel(sql_type = Array<Text>)]
    pub firm_names: Vec<String>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

macro_rules! campaign_select {
    () => {
        "SELECT c.id, c.name, c.year, c.area_id, c.area_path, c.budget_fen, \
    (SELECT COALESCE(sum(fee_fen), 0)::bigint FROM audit_engagements x WHERE x.campaign_id = c.id) AS committed_fen, \
    (SELECT count(*) FROM audit_engagements x WHERE x.campaign_id = c.id) AS engagement_count, c.description, \
    ARRAY(SELECT f.firm_id FROM audit_campaign_firms f JOIN organisations o ON o.id = f.firm_id WHERE f.campaign_id = c.id ORDER BY o.name) AS firm_ids, \
    ARRAY(SELECT o.name FROM audit_campaign_firms f JOIN organisations o ON o.id = f.firm_id WHERE f.campaign_id = c.id ORDER BY o.name) AS firm_names, \
    c.version, c.created_at FROM audit_campaigns c"
    };
}

/// A campaign is visible to staff whose area overlaps it (either way: the district sees
/// a subdistrict's campaign, a subdistrict the district's) and to its firms' auditors.
macro_rules! campaign_visible {
    () => {
        "(c.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE p LIKE c.area_path || '%') \
    OR EXISTS (SELECT 1 FROM audit_campaign_firms f WHERE f.campaign_id = c.id AND f.firm_id = ANY($2)))"
    };
}

/// Campaigns visible to the caller, newest year first.
pub async fn campaigns(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
) -> StoreResult<Vec<Campaign>> {
    Ok(crate::sql::query(concat!(
        campaign_select!(),
        " WHERE ",
        campaign_visible!(),
        " ORDER BY c.year DESC, c.created_at DESC LIMIT 200"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .load(conn)
    .await?)
}

/// One visible campaign.
pub async fn campaign(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Campaign> {
    let rows = crate::sql::query(concat!(
        campaign_select!(),
        " WHERE c.id = $3 AND ",
        campaign_visible!()
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "audit campaign")
}

/// A campaign to open.
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub name: String,
    pub year: i32,
    pub area_id: Uuid,
    pub area_path: String,
    pub budget_fen: i64,
    pub description: Option<String>,
    pub firm_ids: Vec<Uuid>,
}

/// Opens a campaign with its firms.
pub async fn create_campaign(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewCampaign,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO audit_campaigns (id, name, year, area_id, area_path, budget_fen, description, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&new.name)
        .bind::<diesel::sql_types::Integer, _>(new.year)
        .bind::<SqlUuid, _>(new.area_id)
        .bind::<Text, _>(&new.area_path)
        .bind::<BigInt, _>(new.budget_fen)
        .bind::<Nullable<Text>, _>(new.description.as_deref())
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        set_firms(tx, id, &new.firm_ids).await?;
        let after = json!({"name": new.name, "year": new.year, "area_id": new.area_id,
            "budget_fen": new.budget_fen, "firm_ids": new.firm_ids});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "audit_campaign.created",
                object_type: "audit_campaign",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(after.clone()),
                event_data: after,
            },
        )
        .await
    })
    .await?;
    Ok(id)
}

async fn set_firms(tx: &mut AsyncPgConnection, campaign: Uuid, firms: &[Uuid]) -> StoreResult<()> {
    crate::sql::query(
        "INSERT INTO audit_campaign_firms (campaign_id, firm_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(campaign)
    .bind::<Array<SqlUuid>, _>(firms)
    .execute(tx)
    .await?;
    Ok(())
}

/// Changes a campaign's name, budget, description and adds firms (firms with engagements
/// are never removed). A budget below the fees already assigned is refused.
pub async fn update_campaign(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    before: &Campaign,
    expected_version: i64,
    after: &NewCampaign,
) -> StoreResult<()> {
    let (name, budget_fen, description, firm_ids) = (
        after.name.as_str(),
        after.budget_fen,
        after.description.as_deref(),
        after.firm_ids.as_slice(),
    );
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE audit_campaigns SET name = $2, budget_fen = $3, description = $4, version = version + 1 \
             WHERE id = $1 AND version = $5",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Text, _>(name)
        .bind::<BigInt, _>(budget_fen)
        .bind::<Nullable<Text>, _>(description)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        #[derive(QueryableByName)]
        struct Sum {
            #[diesel(sql_type = BigInt)]
            fees: i64,
        }
        let sum: Sum = crate::sql::query(
            "SELECT COALESCE(sum(fee_fen), 0)::bigint AS fees FROM audit_engagements WHERE campaign_id = $1",
        )
        .bind::<SqlUuid, _>(before.id)
        .get_result(tx)
        .await?;
        if sum.fees > budget_fen {
            return Err(DomainError::field(
                "budget_fen",
                "预算不能低于已分配的审计费用 / the budget cannot be below the fees already assigned",
            )
            .into());
        }
        crate::sql::query(
            "DELETE FROM audit_campaign_firms f WHERE f.campaign_id = $1 AND NOT (f.firm_id = ANY($2)) \
             AND NOT EXISTS (SELECT 1 FROM audit_engagements g WHERE g.campaign_id = $1 AND g.firm_id = f.firm_id)",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Array<SqlUuid>, _>(firm_ids)
        .execute(tx)
        .await?;
        set_firms(tx, before.id, firm_ids).await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "audit_campaign.updated",
                object_type: "audit_campaign",
                object_id: before.id.to_string(),
                area_path: Some(before.area_path.clone()),
                before: Some(json!({"name": before.name, "budget_fen": before.budget_fen,
                    "description": before.description, "firm_ids": before.firm_ids})),
                after: Some(json!({"name": name, "budget_fen": budget_fen,
                    "description": description, "firm_ids": firm_ids})),
                event_data: json!({"budget_fen": budget_fen}),
            },
        )
        .await
    })
    .await
}
