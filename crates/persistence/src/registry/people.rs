//! People, their posts, and cross-appointments.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    ids::CompoundId,
    pii::{mask_id_number, mask_phone},
    registry::{OrgKind, PersonDraft, PostDraft},
};
use serde_json::json;
use uuid::Uuid;

use super::Patterns;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{people, posts},
};

/// A person as stored (personal data unmasked: callers mask before sending).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Person {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub phone: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub id_number: Option<String>,
    #[diesel(sql_type = Bool)]
    pub is_party_member: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub employer: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub home_compound_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub home_compound_name: Option<String>,
    /// Where audit entries about the person are filed (their home compound).
    #[diesel(sql_type = Nullable<Text>)]
    pub area_path: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub updated_at: DateTime<Utc>,
}

macro_rules! select_person {
    () => {
        "SELECT p.id, p.name, p.phone, p.id_number, p.is_party_member, p.employer, \
    p.home_compound_id, ha.name AS home_compound_name, ha.path AS area_path, p.version, p.created_at, p.updated_at \
    FROM people p LEFT JOIN areas ha ON ha.id = p.home_compound_id"
    };
}

/// A person is visible where they live and where they hold a post.
macro_rules! person_visible {
    () => {
        "(ha.path LIKE ANY($1) OR EXISTS (SELECT 1 FROM posts ps \
    JOIN organisations o ON o.id = ps.organisation_id JOIN areas oa ON oa.id = o.area_id \
    WHERE ps.person_id = p.id AND oa.path LIKE ANY($1)))"
    };
}

/// Filters of the people list.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    pub name_contains: Option<String>,
    pub home_compound_id: Option<Uuid>,
    pub is_party_member: Option<bool>,
}

/// One keyset page (by name, id) of people visible in the scope.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    filter: &PeopleFilter,
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Person>> {
    Ok(
        crate::sql::query(concat!(select_person!(), " WHERE ", person_visible!()))
            .bind::<Patterns, _>(patterns)
            .filter::<Text, _>(
                " AND p.name ILIKE ",
                filter
                    .name_contains
                    .as_ref()
                    .map(|n| format!("%{}%", crate::compounds::like_literal(n))),
            )
            .filter::<SqlUuid, _>(" AND p.home_compound_id = ", filter.home_compound_id)
            .filter::<Bool, _>(" AND p.is_party_member = ", filter.is_party_member)
            .after_name(" AND (p.name, p.id) > ", after)
            .sql(" ORDER BY p.name, p.id LIMIT ")
            .param::<BigInt, _>(limit)
            .load(conn)
            .await?,
    )
}

/// One person if visible in the scope.
pub async fn find_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Person> {
    crate::sql::one_in_sight::<Person>(
        conn,
        concat!(select_person!(), " WHERE p.id = $2 AND ", person_visible!()),
        (patterns, id),
        "person",
    )
    .await
}

/// The audit form of a person: personal data masked.
fn audit_json(p: &PersonDraft) -> serde_json::Value {
    json!({
        "name": p.name, "phone": p.phone.as_deref().map(mask_phone),
        "id_number": p.id_number.as_deref().map(mask_id_number),
        "is_party_member": p.is_party_member, "employer": p.employer, "home_compound_id": p.home_compound_id,
    })
}

fn draft_of(p: &Person) -> PersonDraft {
    PersonDraft {
        name: p.name.clone(),
        phone: p.phone.clone(),
        id_number: p.id_number.clone(),
        is_party_member: p.is_party_member,
        employer: p.employer.clone(),
        home_compound_id: p.home_compound_id.map(Into::into),
    }
}

async fn record_person(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    id: Uuid,
    area_path: Option<String>,
    before: Option<&PersonDraft>,
    after: &PersonDraft,
) -> StoreResult<()> {
    let (b, a) = (before.map(audit_json), audit_json(after));
    let changed = journal::changed_fields(b.as_ref(), &a);
    journal::record(
        tx,
        ctx,
        Entry {
            action,
            object_type: "person",
            object_id: id.to_string(),
            area_path,
            before: b,
            after: Some(a),
            event_data: json!({"person_id": id, "changed": changed}),
        },
    )
    .await
}

/// Creates a person (home compound already checked); audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &PersonDraft,
    area_path: Option<String>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(people::table)
            .values((
                people::id.eq(id),
                people::name.eq(draft.name.trim()),
                people::phone.eq(&draft.phone),
                people::id_number.eq(&draft.id_number),
                people::is_party_member.eq(draft.is_party_member),
                people::employer.eq(&draft.employer),
                people::home_compound_id.eq(draft.home_compound_id.map(CompoundId::uuid)),
            ))
            .execute(tx)
            .await?;
        record_person(tx, ctx, "person.created", id, area_path, None, draft).await?;
        Ok(id)
    })
    .await
}

/// Replaces a person's fields if still at `expected_version`; audited.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Person,
    draft: &PersonDraft,
    area_path: Option<String>,
    expected_version: i64,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            people::table
                .filter(people::id.eq(current.id))
                .filter(people::version.eq(expected_version)),
        )
        .set((
            people::name.eq(draft.name.trim()),
            people::phone.eq(&draft.phone),
            people::id_number.eq(&draft.id_number),
            people::is_party_member.eq(draft.is_party_member),
            people::employer.eq(&draft.employer),
            people::home_compound_id.eq(draft.home_compound_id.map(CompoundId::uuid)),
            people::version.eq(people::version + 1),
            people::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        record_person(
            tx,
            ctx,
            "person.updated",
            current.id,
            area_path,
            Some(&draft_of(current)),
            draft,
        )
        .await
    })
    .await
}

/// Records that someone saw a person's personal data unmasked, and why.
pub async fn record_unmask(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    person: &Person,
    reason: &str,
) -> StoreResult<()> {
    crate::audit_log::record(
        conn,
        ctx,
        crate::audit_log::Change {
            action: "personal_data.unmasked",
            object_type: "person",
            object_id: person.id.to_string(),
            area_path: person.area_path.clone(),
            before: None,
            after: Some(json!({"fields": ["phone", "id_number"], "reason": reason})),
        },
    )
    .await?;
    Ok(())
}

/// A post with the names around it.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Post {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = SqlUuid)]
    pub organisation_id: Uuid,
    #[diesel(sql_type = Text)]
    pub organisation_name: String,
    #[diesel(sql_type = Text)]
    pub organisation_kind: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Bool)]
    pub single_holder: bool,
    #[diesel(sql_type = Date)]
    pub start_date: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    pub end_date: Option<NaiveDate>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `organisation_kind`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = organisation_kind)]
    org_kind: crate::error::Code<linli_domain::registry::OrgKind>,
}

impl Post {
    /// The `organisation_kind` as the domain sees it.
    pub fn org_kind(&self) -> linli_domain::registry::OrgKind {
        self.org_kind.0
    }
}

macro_rules! select_post {
    () => {
        "SELECT ps.id, ps.person_id, p.name AS person_name, ps.organisation_id, \
    o.name AS organisation_name, o.kind AS organisation_kind, oa.path AS area_path, ps.title, ps.single_holder, \
    ps.start_date, ps.end_date, ps.version \
    FROM posts ps JOIN people p ON p.id = ps.person_id JOIN organisations o ON o.id = ps.organisation_id \
    JOIN areas oa ON oa.id = o.area_id"
    };
}

/// Filters of the posts list.
#[derive(Debug, Clone, Default)]
pub struct PostFilter {
    pub person_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    /// Only posts held on this date.
    pub active_on: Option<NaiveDate>,
}

/// Posts in organisations visible in the scope, by organisation then start date.
pub async fn posts(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    filter: &PostFilter,
    limit: i64,
    offset_after: Option<Uuid>,
) -> StoreResult<Vec<Post>> {
    let listing = crate::sql::query(concat!(select_post!(), " WHERE oa.path LIKE ANY($1)"))
        .bind::<Patterns, _>(patterns)
        .filter::<SqlUuid, _>(" AND ps.person_id = ", filter.person_id)
        .filter::<SqlUuid, _>(" AND ps.organisation_id = ", filter.organisation_id);
    let listing = match filter.active_on {
        Some(day) => listing
            .sql(" AND ps.start_date <= ")
            .param::<Date, _>(day)
            .sql(" AND (ps.end_date IS NULL OR ")
            .same_param()
            .sql(" < ps.end_date)"),
        None => listing,
    };
    Ok(listing
        .filter::<SqlUuid, _>(" AND ps.id > ", offset_after)
        .sql(" ORDER BY ps.id LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// One post if its organisation is visible in the scope.
pub async fn find_post(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Post> {
    crate::sql::one_in_sight::<Post>(
        conn,
        concat!(select_post!(), " WHERE ps.id = $2 AND oa.path LIKE ANY($1)"),
        (patterns, id),
        "post",
    )
    .await
}

fn post_json(p: &PostDraft) -> serde_json::Value {
    json!({
        "person_id": p.person_id, "organisation_id": p.organisation_id, "title": p.title,
        "single_holder": p.single_holder, "start_date": p.start_date, "end_date": p.end_date,
    })
}

/// Turns the database's overlap refusals into the field error a clerk can act on.
fn overlap(e: StoreError) -> StoreError {
    match &e {
        StoreError::Domain(DomainError::Conflict(c)) if c.contains("overlap") => {
            StoreError::Domain(DomainError::field(
                "start_date",
                "该职务在此期间已有人担任（或此人已担任该职务）/ the post is already held in this period",
            ))
        }
        _ => e,
    }
}

async fn record_post(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    id: Uuid,
    area_path: &str,
    before: Option<&PostDraft>,
    after: &PostDraft,
) -> StoreResult<()> {
    let (b, a) = (before.map(post_json), post_json(after));
    let changed = journal::changed_fields(b.as_ref(), &a);
    journal::record(tx, ctx, Entry {
        action,
        object_type: "post",
        object_id: id.to_string(),
        area_path: Some(area_path.to_owned()),
        before: b,
        after: Some(a),
        event_data: json!({"post_id": id, "person_id": after.person_id, "organisation_id": after.organisation_id, "changed": changed}),
    })
    .await
}

/// Creates a post; overlapping terms of a single-holder post are refused by the database
/// (also when two requests race). Audited.
pub async fn create_post(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &PostDraft,
    area_path: &str,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(posts::table)
            .values((
                posts::id.eq(id),
                posts::person_id.eq(draft.person_id.uuid()),
                posts::organisation_id.eq(draft.organisation_id.uuid()),
                posts::title.eq(draft.title.trim()),
                posts::single_holder.eq(draft.single_holder),
                posts::start_date.eq(draft.start_date),
                posts::end_date.eq(draft.end_date),
            ))
            .execute(tx)
            .await
            .map_err(|e| overlap(e.into()))?;
        record_post(tx, ctx, "post.created", id, area_path, None, draft).await?;
        Ok(id)
    })
    .await
}

/// Changes a post's title or term (e.g. ends it) if still at `expected_version`; audited.
pub async fn update_post(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Post,
    draft: &PostDraft,
    expected_version: i64,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            posts::table
                .filter(posts::id.eq(current.id))
                .filter(posts::version.eq(expected_version)),
        )
        .set((
            posts::title.eq(draft.title.trim()),
            posts::single_holder.eq(draft.single_holder),
            posts::start_date.eq(draft.start_date),
            posts::end_date.eq(draft.end_date),
            posts::version.eq(posts::version + 1),
            posts::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await
        .map_err(|e| overlap(e.into()))?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let before = PostDraft {
            person_id: current.person_id.into(),
            organisation_id: current.organisation_id.into(),
            title: current.title.clone(),
            single_holder: current.single_holder,
            start_date: current.start_date,
            end_date: current.end_date,
        };
        record_post(
            tx,
            ctx,
            "post.updated",
            current.id,
            &current.area_path,
            Some(&before),
            draft,
        )
        .await
    })
    .await
}

/// A person holding posts in two or more of a compound's four bodies on a date.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct CrossAppointment {
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Bool)]
    pub is_party_member: bool,
    #[diesel(sql_type = diesel::sql_types::Array<Text>)]
    pub posts: Vec<String>,
    #[diesel(sql_type = diesel::sql_types::Array<Text>)]
    pub bodies: Vec<String>,
}

/// Cross-appointments (双向进入、交叉任职) in one compound on `on`.
pub async fn cross_appointments(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    on: NaiveDate,
) -> StoreResult<Vec<CrossAppointment>> {
    let bodies: Vec<&str> = OrgKind::FOUR_BODIES.iter().map(|k| k.as_str()).collect();
    Ok(crate::sql::query(
        "WITH bodies AS ( \
            SELECT o.id, o.kind, o.name FROM organisations o \
            WHERE o.kind = ANY($3) AND (EXISTS (SELECT 1 FROM organisation_compounds oc WHERE oc.organisation_id = o.id AND oc.compound_id = $1) \
              OR EXISTS (SELECT 1 FROM service_contracts sc JOIN contract_compounds cc ON cc.contract_id = sc.id \
                         WHERE sc.company_id = o.id AND cc.compound_id = $1 AND $2 BETWEEN cc.start_date AND cc.end_date))) \
         SELECT p.id AS person_id, p.name AS person_name, p.is_party_member, \
                array_agg(b.name || ' ' || ps.title ORDER BY b.kind) AS posts, \
                array_agg(DISTINCT b.kind) AS bodies \
         FROM posts ps JOIN bodies b ON b.id = ps.organisation_id JOIN people p ON p.id = ps.person_id \
         WHERE ps.start_date <= $2 AND (ps.end_date IS NULL OR $2 < ps.end_date) \
         GROUP BY p.id, p.name, p.is_party_member HAVING count(DISTINCT b.kind) >= 2 ORDER BY p.name, p.id",
    )
    .bind::<SqlUuid, _>(compound_id)
    .bind::<Date, _>(on)
    .bind::<diesel::sql_types::Array<Text>, _>(bodies)
    .load(conn)
    .await?)
}
