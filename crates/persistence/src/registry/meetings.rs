//! Joint meetings (联席会议), their action items and amendments.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{BigInt, Bool, Date, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    registry::{ActionItemDraft, ActionStatus, MeetingDraft, MeetingStatus, Minutes},
};
use serde_json::json;
use uuid::Uuid;

use super::Patterns;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{action_items, joint_meetings, meeting_amendments},
};

/// A meeting record.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Meeting {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Date)]
    pub held_on: NaiveDate,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub location: String,
    #[diesel(sql_type = SqlUuid)]
    pub convener_org_id: Uuid,
    #[diesel(sql_type = Text)]
    pub convener_name: String,
    #[diesel(sql_type = Jsonb)]
    pub minutes: serde_json::Value,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub finalised_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<MeetingStatus>,
}

impl Meeting {
    /// The state as the domain sees it.
    pub fn status(&self) -> MeetingStatus {
        self.checked_status.0
    }

    /// The minutes as typed data.
    pub fn minutes(&self) -> Minutes {
        serde_json::from_value(self.minutes.clone()).unwrap_or_default()
    }
}

/// An action item with where it came from.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct ActionItem {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub meeting_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Nullable<diesel::sql_types::Integer>)]
    pub resolution_no: Option<i32>,
    #[diesel(sql_type = Text)]
    pub description: String,
    #[diesel(sql_type = SqlUuid)]
    pub owner_org_id: Uuid,
    #[diesel(sql_type = Text)]
    pub owner_org_name: String,
    #[diesel(sql_type = Date)]
    pub due_on: NaiveDate,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Nullable<Date>)]
    pub done_on: Option<NaiveDate>,
    #[diesel(sql_type = Bool)]
    pub overdue: bool,
    /// Whether the meeting record is finalised (follow-up starts then).
    #[diesel(sql_type = Bool)]
    pub meeting_finalised: bool,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    action_status: crate::error::Code<linli_domain::registry::ActionStatus>,
}

impl ActionItem {
    /// The `status` as the domain sees it.
    pub fn action_status(&self) -> linli_domain::registry::ActionStatus {
        self.action_status.0
    }
}

/// A correction of a finalised record.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Amendment {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub reason: String,
    #[diesel(sql_type = Text)]
    pub correction: String,
    #[diesel(sql_type = Text)]
    pub created_by_name: String,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

macro_rules! select {
    () => {
        "SELECT m.id, m.compound_id, ca.name AS compound_name, ca.path AS area_path, m.held_on, m.title, \
    m.location, m.convener_org_id, o.name AS convener_name, m.minutes, m.status, m.finalised_at, m.version, m.created_at \
    FROM joint_meetings m JOIN areas ca ON ca.id = m.compound_id JOIN organisations o ON o.id = m.convener_org_id"
    };
}

macro_rules! select_item {
    () => {
        "SELECT i.id, i.meeting_id, m.compound_id, ca.name AS compound_name, ca.path AS area_path, \
    i.resolution_no, i.description, i.owner_org_id, o.name AS owner_org_name, i.due_on, i.status, i.done_on, \
    (i.status = 'open' AND i.due_on < linli_today()) AS overdue, (m.status = 'finalised') AS meeting_finalised, i.version \
    FROM action_items i JOIN joint_meetings m ON m.id = i.meeting_id JOIN areas ca ON ca.id = m.compound_id \
    JOIN organisations o ON o.id = i.owner_org_id"
    };
}

/// Filters of the meeting list.
#[derive(Debug, Clone, Default)]
pub struct MeetingFilter {
    pub compound_id: Option<Uuid>,
    pub status: Option<MeetingStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Meetings in the scope, newest first (by date, then id).
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    f: &MeetingFilter,
    after: Option<&(NaiveDate, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Meeting>> {
    Ok(
        crate::sql::query(concat!(select!(), " WHERE ca.path LIKE ANY($1)"))
            .bind::<Patterns, _>(patterns)
            .filter::<SqlUuid, _>(" AND m.compound_id = ", f.compound_id)
            .filter::<Text, _>(" AND m.status = ", f.status.map(MeetingStatus::as_str))
            .filter::<Date, _>(" AND m.held_on >= ", f.from)
            .filter::<Date, _>(" AND m.held_on <= ", f.to)
            .after_date(" AND (m.held_on, m.id) < ", after)
            .sql(" ORDER BY m.held_on DESC, m.id DESC LIMIT ")
            .param::<BigInt, _>(limit)
            .load(conn)
            .await?,
    )
}

/// One meeting if visible.
pub async fn find_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Meeting> {
    crate::sql::one_in_sight::<Meeting>(
        conn,
        concat!(select!(), " WHERE m.id = $2 AND ca.path LIKE ANY($1)"),
        (patterns, id),
        "meeting",
    )
    .await
}

/// A meeting's action items, in resolution order.
pub async fn items_of(
    conn: &mut AsyncPgConnection,
    meeting_id: Uuid,
) -> StoreResult<Vec<ActionItem>> {
    Ok(crate::sql::query(concat!(
        select_item!(),
        " WHERE i.meeting_id = $1 ORDER BY i.resolution_no NULLS LAST, i.id"
    ))
    .bind::<SqlUuid, _>(meeting_id)
    .load(conn)
    .await?)
}

/// A meeting's amendments, oldest first.
pub async fn amendments_of(
    conn: &mut AsyncPgConnection,
    meeting_id: Uuid,
) -> StoreResult<Vec<Amendment>> {
    Ok(crate::sql::query(
        "SELECT a.id, a.reason, a.correction, u.display_name AS created_by_name, a.created_at \
         FROM meeting_amendments a JOIN users u ON u.id = a.created_by WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id",
    )
    .bind::<SqlUuid, _>(meeting_id)
    .load(conn)
    .await?)
}

fn meeting_json(d: &MeetingDraft, items: &[ActionItemDraft]) -> serde_json::Value {
    json!({
        "compound_id": d.compound_id, "held_on": d.held_on, "title": d.title, "location": d.location,
        "convener_org_id": d.convener_org_id, "minutes": d.minutes,
        "action_items": items.iter().map(|i| json!({"resolution_no": i.resolution_no, "description": i.description, "owner_org_id": i.owner_org_id, "due_on": i.due_on})).collect::<Vec<_>>(),
    })
}

async fn write_items(
    tx: &mut AsyncPgConnection,
    meeting_id: Uuid,
    items: &[ActionItemDraft],
) -> StoreResult<()> {
    diesel::delete(action_items::table.filter(action_items::meeting_id.eq(meeting_id)))
        .execute(tx)
        .await?;
    let rows: Vec<_> = items
        .iter()
        .map(|i| {
            (
                action_items::id.eq(Uuid::now_v7()),
                action_items::meeting_id.eq(meeting_id),
                action_items::resolution_no.eq(i.resolution_no),
                action_items::description.eq(i.description.trim().to_owned()),
                action_items::owner_org_id.eq(i.owner_org_id.uuid()),
                action_items::due_on.eq(i.due_on),
            )
        })
        .collect();
    if !rows.is_empty() {
        diesel::insert_into(action_items::table)
            .values(rows)
            .execute(tx)
            .await?;
    }
    Ok(())
}

/// The journal entry of a change to a meeting record.
fn entry(
    action: &'static str,
    meeting_id: Uuid,
    area_path: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    data: serde_json::Value,
) -> Entry<'static> {
    Entry {
        action,
        object_type: "meeting",
        object_id: meeting_id.to_string(),
        area_path: Some(area_path.to_owned()),
        before,
        after,
        event_data: data,
    }
}

/// Records a draft meeting with its action items; audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &MeetingDraft,
    items: &[ActionItemDraft],
    area_path: &str,
    patterns: &[String],
) -> StoreResult<Meeting> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(joint_meetings::table)
            .values((
                joint_meetings::id.eq(id),
                joint_meetings::compound_id.eq(draft.compound_id.uuid()),
                joint_meetings::held_on.eq(draft.held_on),
                joint_meetings::title.eq(draft.title.trim()),
                joint_meetings::location.eq(&draft.location),
                joint_meetings::convener_org_id.eq(draft.convener_org_id.uuid()),
                joint_meetings::minutes
                    .eq(serde_json::to_value(&draft.minutes).unwrap_or_default()),
            ))
            .execute(tx)
            .await?;
        write_items(tx, id, items).await?;
        journal::record(
            tx,
            ctx,
            entry(
                "meeting.created",
                id,
                area_path,
                None,
                Some(meeting_json(draft, items)),
                json!({"meeting_id": id, "compound_id": draft.compound_id}),
            ),
        )
        .await?;
        find_visible(tx, patterns, id).await
    })
    .await
}

fn finalised_error() -> DomainError {
    DomainError::WrongState {
        code: "meeting_finalised",
        detail: "会议纪要已定稿，只能通过更正说明修改 / the record is finalised; correct it with an amendment".into(),
        allowed: vec!["amend".into()],
    }
}

/// Replaces a draft meeting's record and action items if still at `expected_version`.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Meeting,
    draft: &MeetingDraft,
    items: &[ActionItemDraft],
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<Meeting> {
    if current.status() == MeetingStatus::Finalised {
        return Err(finalised_error().into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            joint_meetings::table
                .filter(joint_meetings::id.eq(current.id))
                .filter(joint_meetings::version.eq(expected_version))
                .filter(joint_meetings::status.eq("draft")),
        )
        .set((
            joint_meetings::held_on.eq(draft.held_on),
            joint_meetings::title.eq(draft.title.trim()),
            joint_meetings::location.eq(&draft.location),
            joint_meetings::convener_org_id.eq(draft.convener_org_id.uuid()),
            joint_meetings::minutes.eq(serde_json::to_value(&draft.minutes).unwrap_or_default()),
            joint_meetings::version.eq(joint_meetings::version + 1),
            joint_meetings::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        write_items(tx, current.id, items).await?;
        journal::record(
            tx,
            ctx,
            entry(
                "meeting.updated",
                current.id,
                &current.area_path,
                Some(current.minutes.clone()),
                Some(meeting_json(draft, items)),
                json!({"meeting_id": current.id, "compound_id": current.compound_id}),
            ),
        )
        .await?;
        find_visible(tx, patterns, current.id).await
    })
    .await
}

/// Signs the record off: from now on it is read-only.
pub async fn finalise(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Meeting,
    user_id: Uuid,
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<Meeting> {
    if current.status() == MeetingStatus::Finalised {
        return Err(finalised_error().into());
    }
    let minutes = current.minutes();
    if minutes.attendance.is_empty() || minutes.agenda.is_empty() {
        return Err(DomainError::WrongState {
            code: "meeting_incomplete",
            detail:
                "定稿前须登记出席单位和议题 / record who attended and the agenda before finalising"
                    .into(),
            allowed: vec!["update".into()],
        }
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            joint_meetings::table
                .filter(joint_meetings::id.eq(current.id))
                .filter(joint_meetings::version.eq(expected_version))
                .filter(joint_meetings::status.eq("draft")),
        )
        .set((
            joint_meetings::status.eq("finalised"),
            joint_meetings::finalised_at.eq(crate::clock::linli_now().nullable()),
            joint_meetings::finalised_by.eq(user_id),
            joint_meetings::version.eq(joint_meetings::version + 1),
            joint_meetings::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        journal::record(
            tx,
            ctx,
            entry(
                "meeting.finalised",
                current.id,
                &current.area_path,
                Some(json!({"status": "draft"})),
                Some(json!({"status": "finalised"})),
                json!({"meeting_id": current.id, "compound_id": current.compound_id}),
            ),
        )
        .await?;
        find_visible(tx, patterns, current.id).await
    })
    .await
}

/// Adds a correction to a finalised record; audited.
pub async fn amend(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Meeting,
    user_id: Uuid,
    reason: &str,
    correction: &str,
) -> StoreResult<()> {
    if current.status() != MeetingStatus::Finalised {
        return Err(DomainError::WrongState {
            code: "meeting_not_finalised",
            detail: "草稿可直接修改，无需更正说明 / a draft is edited directly; amendments are for finalised records".into(),
            allowed: vec!["update".into(), "finalise".into()],
        }
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        let id = Uuid::now_v7();
        diesel::insert_into(meeting_amendments::table)
            .values((
                meeting_amendments::id.eq(id),
                meeting_amendments::meeting_id.eq(current.id),
                meeting_amendments::reason.eq(reason),
                meeting_amendments::correction.eq(correction),
                meeting_amendments::created_by.eq(user_id),
            ))
            .execute(tx)
            .await?;
        journal::record(
            tx,
            ctx,
            entry(
                "meeting.amended",
                current.id,
                &current.area_path,
                None,
                Some(json!({"amendment_id": id, "reason": reason, "correction": correction})),
                json!({"meeting_id": current.id, "amendment_id": id}),
            ),
        )
        .await
    })
    .await
}

/// Filters of the action-item list.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    pub overdue: Option<bool>,
    pub status: Option<ActionStatus>,
    pub owner_org_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
}

/// Action items in the scope, by due date.
pub async fn items(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    f: &ItemFilter,
    after: Option<&(NaiveDate, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<ActionItem>> {
    Ok(crate::sql::query(concat!(
        "SELECT * FROM (",
        select_item!(),
        " WHERE ca.path LIKE ANY($1)) x WHERE true"
    ))
    .bind::<Patterns, _>(patterns)
    .filter::<Bool, _>(" AND x.overdue = ", f.overdue)
    .filter::<Text, _>(" AND x.status = ", f.status.map(ActionStatus::as_str))
    .filter::<SqlUuid, _>(" AND x.owner_org_id = ", f.owner_org_id)
    .filter::<SqlUuid, _>(" AND x.compound_id = ", f.compound_id)
    .after_date(" AND (x.due_on, x.id) > ", after)
    .sql(" ORDER BY x.due_on, x.id LIMIT ")
    .param::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One action item if visible.
pub async fn find_item(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<ActionItem> {
    crate::sql::one_in_sight::<ActionItem>(
        conn,
        concat!(select_item!(), " WHERE i.id = $2 AND ca.path LIKE ANY($1)"),
        (patterns, id),
        "action item",
    )
    .await
}

/// Follows an action item up (done, cancelled, reopened) — allowed after the meeting is
/// finalised, since follow-up happens later; audited.
pub async fn set_item_status(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    item: &ActionItem,
    status: ActionStatus,
    done_on: Option<NaiveDate>,
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<ActionItem> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(action_items::table.filter(action_items::id.eq(item.id)).filter(action_items::version.eq(expected_version)))
            .set((
                action_items::status.eq(status.as_str()),
                action_items::done_on.eq(done_on),
                action_items::version.eq(action_items::version + 1),
                action_items::updated_at.eq(crate::clock::linli_now()),
            ))
            .execute(tx)
            .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        journal::record(tx, ctx, Entry {
            action: "action_item.updated",
            object_type: "action_item",
            object_id: item.id.to_string(),
            area_path: Some(item.area_path.clone()),
            before: Some(json!({"status": item.status, "done_on": item.done_on})),
            after: Some(json!({"status": status.as_str(), "done_on": done_on})),
            event_data: json!({"action_item_id": item.id, "meeting_id": item.meeting_id, "status": status.as_str()}),
        })
        .await?;
        find_item(tx, patterns, item.id).await
    })
    .await
}

/// Whether an organisation is one a meeting of this compound can involve (it serves the
/// compound, or sits in the compound's community or above).
pub async fn org_serves(
    conn: &mut AsyncPgConnection,
    org_id: Uuid,
    compound_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Bool)]
        ok: bool,
    }
    let found: Found = crate::sql::query(
        "SELECT EXISTS (SELECT 1 FROM organisations o JOIN areas oa ON oa.id = o.area_id, areas ca \
           WHERE o.id = $1 AND ca.id = $2 AND ( \
             ca.path LIKE oa.path || '%' OR oa.path LIKE ca.path || '%' \
             OR EXISTS (SELECT 1 FROM organisation_compounds oc WHERE oc.organisation_id = o.id AND oc.compound_id = $2) \
             OR EXISTS (SELECT 1 FROM service_contracts sc JOIN contract_compounds cc ON cc.contract_id = sc.id \
                        WHERE sc.company_id = o.id AND cc.compound_id = $2))) AS ok",
    )
    .bind::<SqlUuid, _>(org_id)
    .bind::<SqlUuid, _>(compound_id)
    .get_result(conn)
    .await?;
    Ok(found.ok)
}

/// The kind of an organisation.
pub async fn org_kind(conn: &mut AsyncPgConnection, org_id: Uuid) -> StoreResult<Option<String>> {
    use crate::schema::organisations;
    Ok(organisations::table
        .find(org_id)
        .select(organisations::kind)
        .first(conn)
        .await
        .optional()?)
}
