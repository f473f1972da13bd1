//! Volunteer team members and leaders.

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{BigInt, Bool, Date, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A member of a volunteer team.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct TeamMember {
    #[diesel(sql_type = SqlUuid)]
    pub team_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Text)]
    pub role: String,
    #[diesel(sql_type = Date)]
    pub joined_on: NaiveDate,
    #[diesel(sql_type = BigInt)]
    pub verified_minutes: i64,
}

/// A team's members with their verified minutes, leaders first.
pub async fn team_members(
    conn: &mut AsyncPgConnection,
    team_id: Uuid,
) -> StoreResult<Vec<TeamMember>> {
    Ok(crate::sql::query(
        "SELECT m.team_id, m.person_id, pe.name AS person_name, m.role, m.joined_on, \
           (SELECT COALESCE(sum(c.minutes), 0) FROM check_ins c JOIN activities a ON a.id = c.activity_id \
             WHERE c.person_id = m.person_id AND a.team_id = m.team_id AND c.verification = 'verified')::bigint AS verified_minutes \
         FROM team_members m JOIN people pe ON pe.id = m.person_id WHERE m.team_id = $1 ORDER BY m.role, pe.name",
    )
    .bind::<SqlUuid, _>(team_id)
    .load(conn)
    .await?)
}

/// Adds (or changes the role of) a team member.
pub async fn set_member(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    team_id: Uuid,
    area_path: &str,
    person_id: Uuid,
    role: &str,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO team_members (team_id, person_id, role) VALUES ($1, $2, $3) \
             ON CONFLICT (team_id, person_id) DO UPDATE SET role = EXCLUDED.role",
        )
        .bind::<SqlUuid, _>(team_id)
        .bind::<SqlUuid, _>(person_id)
        .bind::<Text, _>(role)
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "team.member_set",
                object_type: "organisation",
                object_id: team_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(json!({"person_id": person_id, "role": role})),
                event_data: json!({"team_id": team_id, "person_id": person_id, "role": role}),
            },
        )
        .await
    })
    .await
}

/// Removes a team member.
pub async fn remove_member(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    team_id: Uuid,
    area_path: &str,
    person_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query("DELETE FROM team_members WHERE team_id = $1 AND person_id = $2")
            .bind::<SqlUuid, _>(team_id)
            .bind::<SqlUuid, _>(person_id)
            .execute(tx)
            .await?;
        if n == 0 {
            return Err(DomainError::NotFound("team member").into());
        }
        journal::record(
            tx,
            ctx,
            Entry {
                action: "team.member_removed",
                object_type: "organisation",
                object_id: team_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: Some(json!({"person_id": person_id})),
                after: None,
                event_data: json!({"team_id": team_id, "person_id": person_id}),
            },
        )
        .await
    })
    .await
}

/// Whether a person leads a team.
pub async fn leads(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
    team_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = Bool)]
        hit: bool,
    }
    let h: Hit = crate::sql::query(
        "SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = $1 AND person_id = $2 AND role = 'leader') AS hit",
    )
    .bind::<SqlUuid, _>(team_id)
    .bind::<SqlUuid, _>(person_id)
    .get_result(conn)
    .await?;
    Ok(h.hit)
}

/// Teams a person leads.
pub async fn teams_led(conn: &mut AsyncPgConnection, person_id: Uuid) -> StoreResult<Vec<Uuid>> {
    use crate::schema::team_members as m;
    Ok(m::table
        .filter(m::person_id.eq(person_id))
        .filter(m::role.eq("leader"))
        .select(m::team_id)
        .load(conn)
        .await?)
}
