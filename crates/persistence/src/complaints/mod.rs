//! Complaints: work orders, their timeline, deadlines and the overdue sweep.
//!
//! One submodule per concern; everything is re-exported here, so callers name
//! `complaints::X` whichever file holds it.

/// The columns of [`Complaint`] and the joins that name them; statements append their
/// `WHERE` with `concat!(complaint_select!(), " WHERE …")`.
macro_rules! complaint_select {
    () => {
        "SELECT c.id, c.number, c.compound_id, a.name AS compound_name, c.area_path, c.category_code, \
         cat.name_zh AS category_name, c.title, c.description, c.lat, c.lon, c.channel, c.anonymous, c.complainant_user_id, \
         c.complainant_name, c.complainant_phone, c.external_id, c.status, c.handler_org_id, o.name AS handler_org_name, \
         c.routing_rule, c.reject_reason, c.return_reason, c.resolution, c.accepted_at, c.assigned_at, c.sign_by, c.signed_at, \
         c.resolve_by, c.resolved_at, c.closed_at, c.rating, c.review_comment, c.reopen_count, c.escalation_level, c.overdue, \
         c.duplicate_of, c.version, c.created_at, c.updated_at \
         FROM complaints c JOIN areas a ON a.id = c.compound_id JOIN complaint_categories cat ON cat.code = c.category_code \
         LEFT JOIN organisations o ON o.id = c.handler_org_id"
    };
}

mod attachments;
mod calendar;
mod categories;
mod duplicates;
mod extensions;
mod handlers;
mod intake;
mod listing;
mod overdue;
mod timeline;
mod transitions;

pub use attachments::*;
pub use calendar::*;
pub use categories::*;
pub use duplicates::*;
pub use extensions::*;
pub use handlers::*;
pub use intake::*;
pub use listing::*;
pub use overdue::*;
pub use timeline::*;
pub use transitions::*;

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        BigInt, Bool, Double, Integer, Nullable, SmallInt, Text, Timestamptz, Uuid as SqlUuid,
    },
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::complaint::Status;
use uuid::Uuid;

use crate::error::StoreResult;

/// A complaint with the names around it.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Complaint {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub number: String,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub category_code: String,
    #[diesel(sql_type = Text)]
    pub category_name: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub description: String,
    #[diesel(sql_type = Nullable<Double>)]
    pub lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lon: Option<f64>,
    #[diesel(sql_type = Text)]
    pub channel: String,
    #[diesel(sql_type = Bool)]
    pub anonymous: bool,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub complainant_user_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub complainant_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub complainant_phone: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub external_id: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub handler_org_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub handler_org_name: Option<String>,
    #[diesel(sql_type = Text)]
    pub routing_rule: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub reject_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub return_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub resolution: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub accepted_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub assigned_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub sign_by: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub signed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub resolve_by: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub resolved_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub closed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<SmallInt>)]
    pub rating: Option<i16>,
    #[diesel(sql_type = Nullable<Text>)]
    pub review_comment: Option<String>,
    #[diesel(sql_type = Integer)]
    pub reopen_count: i32,
    #[diesel(sql_type = Integer)]
    pub escalation_level: i32,
    #[diesel(sql_type = Bool)]
    pub overdue: bool,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub duplicate_of: Option<Uuid>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub updated_at: DateTime<Utc>,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<Status>,
}

impl Complaint {
    /// The status as the domain sees it.
    pub fn status(&self) -> Status {
        self.checked_status.0
    }
}

/// A complaint whatever the scope (callers decide visibility).
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<Complaint>> {
    let rows: Vec<Complaint> = crate::sql::query(concat!(complaint_select!(), " WHERE c.id = $1"))
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    Ok(rows.into_iter().next())
}
