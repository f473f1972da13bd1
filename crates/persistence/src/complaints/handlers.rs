//! Who can handle a complaint: candidate organisations and their members.

use diesel::{
    prelude::*,
    sql_types::{Bool, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::complaint::Candidates;
use uuid::Uuid;

use crate::error::StoreResult;

#[derive(QueryableByName)]
struct CandidateRow {
    #[diesel(sql_type = Text)]
    role: String,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The organisations that could handle a complaint about `compound_id` today.
pub async fn candidates(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Candidates> {
    let rows: Vec<CandidateRow> = crate::sql::query(
        "SELECT 'contract_company' AS role, sc.company_id AS id FROM contract_compounds cc \
           JOIN service_contracts sc ON sc.id = cc.contract_id \
           WHERE cc.compound_id = $1 AND linli_today() BETWEEN cc.start_date AND cc.end_date \
         UNION ALL SELECT o.kind, o.id FROM organisation_compounds oc JOIN organisations o ON o.id = oc.organisation_id \
           WHERE oc.compound_id = $1 AND o.kind IN ('residents_committee', 'owners_committee') \
         UNION ALL SELECT o.kind, o.id FROM areas c JOIN areas cm ON cm.id = c.parent_id \
           JOIN organisations o ON (o.kind = 'community_party_committee' AND o.area_id = cm.id) \
                                OR (o.kind = 'law_enforcement' AND o.area_id = cm.parent_id) \
           WHERE c.id = $1",
    )
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?;
    let pick = |role: &str| rows.iter().find(|r| r.role == role).map(|r| r.id.into());
    Ok(Candidates {
        contract_company: pick("contract_company"),
        residents_committee: pick("residents_committee"),
        owners_committee: pick("owners_committee"),
        law_enforcement: pick("law_enforcement"),
        community_committee: pick("community_party_committee"),
    })
}

/// Whether a user acts for an organisation.
pub async fn is_member(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    org_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Bool)]
        ok: bool,
    }
    let found: Found = crate::sql::query("SELECT EXISTS (SELECT 1 FROM organisation_members WHERE user_id = $1 AND organisation_id = $2) AS ok")
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(org_id)
        .get_result(conn)
        .await?;
    Ok(found.ok)
}

/// The organisations a user acts for.
pub async fn memberships(conn: &mut AsyncPgConnection, user_id: Uuid) -> StoreResult<Vec<Uuid>> {
    use crate::schema::organisation_members as m;
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .select(m::organisation_id)
        .load(conn)
        .await?)
}

/// Adds a membership unless present.
pub async fn ensure_member(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    org_id: Uuid,
) -> StoreResult<()> {
    use crate::schema::organisation_members as m;
    diesel::insert_into(m::table)
        .values((m::user_id.eq(user_id), m::organisation_id.eq(org_id)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}
