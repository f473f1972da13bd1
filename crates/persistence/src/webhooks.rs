//! Webhook subscriptions and deliveries.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, area::AreaPath};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::{self, AuditContext, Change},
    error::StoreResult,
    events::Event,
    schema::{areas, events, webhook_attempts, webhook_deliveries, webhook_subscriptions},
};

/// A subscription as listed (secrets never leave through this type).
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub event_types: Vec<String>,
    pub area_id: Uuid,
    pub area_name: String,
    pub area_path: AreaPath,
    pub active: bool,
    pub disabled_reason: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

type SubscriptionRow = (
    (
        Uuid,
        String,
        String,
        Vec<Option<String>>,
        Uuid,
        bool,
        Option<String>,
        i64,
    ),
    (DateTime<Utc>, DateTime<Utc>),
    (String, String),
);

macro_rules! subscription_columns {
    () => {
        (
            (
                webhook_subscriptions::id,
                webhook_subscriptions::url,
                webhook_subscriptions::description,
                webhook_subscriptions::event_types,
                webhook_subscriptions::area_id,
                webhook_subscriptions::active,
                webhook_subscriptions::disabled_reason,
                webhook_subscriptions::version,
            ),
            (
                webhook_subscriptions::created_at,
                webhook_subscriptions::updated_at,
            ),
            (areas::name, areas::path),
        )
    };
}

fn from_row(
    (
        (id, url, description, types, area_id, active, disabled_reason, version),
        (created_at, updated_at),
        (area_name, path),
    ): SubscriptionRow,
) -> Subscription {
    Subscription {
        id,
        url,
        description,
        event_types: types.into_iter().flatten().collect(),
        area_id,
        area_name,
        area_path: AreaPath::from_stored(path),
        active,
        disabled_reason,
        version,
        created_at,
        updated_at,
    }
}

/// What a caller sets on a subscription.
#[derive(Debug, Clone)]
pub struct SubscriptionFields {
    pub url: String,
    pub description: String,
    pub event_types: Vec<String>,
    pub area_id: Uuid,
    pub active: bool,
}

fn audit_json(s: &SubscriptionFields) -> serde_json::Value {
    json!({"url": s.url, "description": s.description, "event_types": s.event_types, "area_id": s.area_id, "active": s.active})
}

/// One subscription.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<Subscription>> {
    let row: Option<SubscriptionRow> = webhook_subscriptions::table
        .inner_join(areas::table)
        .filter(webhook_subscriptions::id.eq(id))
        .select(subscription_columns!())
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(from_row))
}

/// Subscriptions whose area lies in `patterns`, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    before: Option<Uuid>,
    limit: i64,
) -> StoreResult<Vec<Subscription>> {
    let mut query = webhook_subscriptions::table
        .inner_join(areas::table)
        .select(subscription_columns!())
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("areas.path LIKE ANY(")
                .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(patterns.to_vec())
                .sql(")"),
        )
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(webhook_subscriptions::id.lt(before));
    }
    let rows: Vec<SubscriptionRow> = query
        .order(webhook_subscriptions::id.desc())
        .limit(limit)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Creates a subscription with its signing secret (audited).
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    fields: &SubscriptionFields,
    area_path: &AreaPath,
    secret: &str,
) -> StoreResult<Subscription> {
    let id = Uuid::now_v7();
    let owner = ctx.actor_id.ok_or(DomainError::Forbidden)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(webhook_subscriptions::table)
            .values((
                webhook_subscriptions::id.eq(id),
                webhook_subscriptions::url.eq(&fields.url),
                webhook_subscriptions::description.eq(&fields.description),
                webhook_subscriptions::event_types.eq(fields
                    .event_types
                    .iter()
                    .cloned()
                    .map(Some)
                    .collect::<Vec<_>>()),
                webhook_subscriptions::area_id.eq(fields.area_id),
                webhook_subscriptions::active.eq(fields.active),
                webhook_subscriptions::secret.eq(secret),
                webhook_subscriptions::owner_kind.eq(ctx.actor_kind),
                webhook_subscriptions::owner_id.eq(owner),
            ))
            .execute(tx)
            .await?;
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "webhook_subscription.created",
                object_type: "webhook_subscription",
                object_id: id.to_string(),
                area_path: Some(area_path.as_str().to_owned()),
                before: None,
                after: Some(audit_json(fields)),
            },
        )
        .await?;
        Ok(())
    })
    .await?;
    find(conn, id)
        .await?
        .ok_or(StoreError::Domain(DomainError::NotFound("subscription")))
}

/// Replaces a subscription's settings if still at `expected_version` (audited).
/// Re-activating clears the reason it was disabled.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Subscription,
    fields: &SubscriptionFields,
    area_path: &AreaPath,
    expected_version: i64,
) -> StoreResult<Subscription> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            webhook_subscriptions::table
                .filter(webhook_subscriptions::id.eq(current.id))
                .filter(webhook_subscriptions::version.eq(expected_version)),
        )
        .set((
            webhook_subscriptions::url.eq(&fields.url),
            webhook_subscriptions::description.eq(&fields.description),
            webhook_subscriptions::event_types.eq(fields
                .event_types
                .iter()
                .cloned()
                .map(Some)
                .collect::<Vec<_>>()),
            webhook_subscriptions::area_id.eq(fields.area_id),
            webhook_subscriptions::active.eq(fields.active),
            webhook_subscriptions::disabled_reason.eq(None::<String>),
            webhook_subscriptions::version.eq(webhook_subscriptions::version + 1),
            webhook_subscriptions::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let before = SubscriptionFields {
            url: current.url.clone(),
            description: current.description.clone(),
            event_types: current.event_types.clone(),
            area_id: current.area_id,
            active: current.active,
        };
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "webhook_subscription.updated",
                object_type: "webhook_subscription",
                object_id: current.id.to_string(),
                area_path: Some(area_path.as_str().to_owned()),
                before: Some(audit_json(&before)),
                after: Some(audit_json(fields)),
            },
        )
        .await?;
        Ok(())
    })
    .await?;
    find(conn, current.id)
        .await?
        .ok_or(StoreError::Domain(DomainError::NotFound("subscription")))
}

/// Replaces the secret; the old one keeps signing (as a second signature) until
/// `overlap_ends` so receivers can switch without losing deliveries (audited).
pub async fn rotate_secret(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Subscription,
    new_secret: &str,
    overlap_ends: DateTime<Utc>,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "UPDATE webhook_subscriptions SET previous_secret = secret, previous_expires_at = $2, \
             secret = $3, version = version + 1, updated_at = linli_now() WHERE id = $1",
        )
        .bind::<diesel::sql_types::Uuid, _>(current.id)
        .bind::<diesel::sql_types::Timestamptz, _>(overlap_ends)
        .bind::<diesel::sql_types::Text, _>(new_secret)
        .execute(tx)
        .await?;
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "webhook_subscription.secret_rotated",
                object_type: "webhook_subscription",
                object_id: current.id.to_string(),
                area_path: Some(current.area_path.as_str().to_owned()),
                before: None,
                after: Some(json!({"previous_secret_valid_until": overlap_ends})),
            },
        )
        .await?;
        Ok(())
    })
    .await
}

/// A delivery claimed by a relay, with what it needs to send it.
#[derive(Debug, Clone)]
pub struct ClaimedDelivery {
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub url: String,
    /// Current secret first, then the previous one while its overlap lasts.
    pub secrets: Vec<String>,
    /// Attempts including this one.
    pub attempt: i32,
    pub event: Event,
}

#[derive(QueryableByName)]
struct ClaimRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    subscription_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    event_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    url: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    secret: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    previous_secret: Option<String>,
}

/// Leases up to `limit` due deliveries for `lease` seconds. `FOR UPDATE SKIP LOCKED`
/// lets several relays claim side by side without ever taking the same row; the lease
/// keeps a delivery from being sent twice at once, and its expiry returns the delivery
/// of a relay that died mid-send to the queue (sent again with the same id).
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    limit: i64,
    lease_secs: i64,
) -> StoreResult<Vec<ClaimedDelivery>> {
    let rows: Vec<ClaimRow> = crate::sql::query(
        "WITH due AS ( \
            SELECT d.id FROM webhook_deliveries d \
            WHERE d.status = 'pending' AND d.next_attempt_at <= linli_now() \
              AND (d.locked_until IS NULL OR d.locked_until < linli_now()) \
            ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) \
         UPDATE webhook_deliveries d SET locked_until = linli_now() + make_interval(secs => $2), attempts = d.attempts + 1 \
         FROM due, webhook_subscriptions s \
         WHERE d.id = due.id AND s.id = d.subscription_id \
         RETURNING d.id, d.subscription_id, d.event_id, d.attempts, s.url, s.secret, \
           CASE WHEN s.previous_expires_at > linli_now() THEN s.previous_secret END AS previous_secret",
    )
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .bind::<diesel::sql_types::Double, _>(lease_secs as f64)
    .load(conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.event_id).collect();
    let loaded: Vec<Event> = events::table
        .filter(events::event_id.eq_any(&ids))
        .select(Event::as_select())
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let event = loaded.iter().find(|e| e.event_id == r.event_id)?.clone();
            let mut secrets = vec![r.secret];
            secrets.extend(r.previous_secret);
            Some(ClaimedDelivery {
                id: r.id,
                subscription_id: r.subscription_id,
                url: r.url,
                secrets,
                attempt: r.attempts,
                event,
            })
        })
        .collect())
}

/// What happened when a delivery was sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// 2xx.
    Delivered { status: u16 },
    /// Failed; try again at `retry_at`, or give up when `None`.
    Failed {
        status: Option<u16>,
        error: String,
        retry_at: Option<DateTime<Utc>>,
    },
    /// 410 Gone: the receiver asked to stop; the subscription is disabled.
    Gone,
}

/// Records an attempt and its consequence.
pub async fn record_attempt(
    conn: &mut AsyncPgConnection,
    delivery: &ClaimedDelivery,
    outcome: &Outcome,
    latency_ms: i32,
) -> StoreResult<()> {
    let delivery_id = delivery.id;
    let subscription_id = delivery.subscription_id;
    let outcome = outcome.clone();
    conn.transaction::<_, StoreError, _>(async move |tx| {
        let (status_code, error) = match &outcome {
            Outcome::Delivered { status } => (Some(i32::from(*status)), None),
            Outcome::Failed { status, error, .. } => (status.map(i32::from), Some(error.clone())),
            Outcome::Gone => (
                Some(410),
                Some("410 Gone: subscription disabled".to_owned()),
            ),
        };
        diesel::insert_into(webhook_attempts::table)
            .values((
                webhook_attempts::delivery_id.eq(delivery_id),
                webhook_attempts::status_code.eq(status_code),
                webhook_attempts::latency_ms.eq(latency_ms),
                webhook_attempts::error.eq(&error),
            ))
            .execute(tx)
            .await?;
        let target = webhook_deliveries::table.find(delivery_id);
        match outcome {
            Outcome::Delivered { .. } => {
                diesel::update(target)
                    .set((
                        webhook_deliveries::status.eq("delivered"),
                        webhook_deliveries::delivered_at.eq(crate::clock::linli_now().nullable()),
                        webhook_deliveries::locked_until.eq(None::<DateTime<Utc>>),
                        webhook_deliveries::last_status.eq(status_code),
                        webhook_deliveries::last_error.eq(None::<String>),
                    ))
                    .execute(tx)
                    .await?;
            }
            Outcome::Failed { retry_at, .. } => {
                let status = if retry_at.is_some() {
                    "pending"
                } else {
                    "failed"
                };
                let common = (
                    webhook_deliveries::status.eq(status),
                    webhook_deliveries::locked_until.eq(None::<DateTime<Utc>>),
                    webhook_deliveries::last_status.eq(status_code),
                    webhook_deliveries::last_error.eq(&error),
                );
                // A delivery that gives up is stamped with the server's clock, like every
                // other default in the schema.
                match retry_at {
                    Some(at) => {
                        diesel::update(target)
                            .set((common, webhook_deliveries::next_attempt_at.eq(at)))
                            .execute(tx)
                            .await?
                    }
                    None => {
                        diesel::update(target)
                            .set((
                                common,
                                webhook_deliveries::next_attempt_at.eq(crate::clock::linli_now()),
                            ))
                            .execute(tx)
                            .await?
                    }
                };
            }
            Outcome::Gone => {
                diesel::update(target)
                    .set((
                        webhook_deliveries::status.eq("cancelled"),
                        webhook_deliveries::locked_until.eq(None::<DateTime<Utc>>),
                        webhook_deliveries::last_status.eq(status_code),
                        webhook_deliveries::last_error.eq(&error),
                    ))
                    .execute(tx)
                    .await?;
                diesel::update(webhook_subscriptions::table.find(subscription_id))
                    .set((
                        webhook_subscriptions::active.eq(false),
                        webhook_subscriptions::disabled_reason.eq("receiver answered 410 Gone"),
                        webhook_subscriptions::updated_at.eq(crate::clock::linli_now()),
                    ))
                    .execute(tx)
                    .await?;
                // Nothing more goes to a receiver that asked to stop.
                diesel::update(
                    webhook_deliveries::table
                        .filter(webhook_deliveries::subscription_id.eq(subscription_id))
                        .filter(webhook_deliveries::status.eq("pending")),
                )
                .set(webhook_deliveries::status.eq("cancelled"))
                .execute(tx)
                .await?;
            }
        }
        Ok(())
    })
    .await
}

/// A delivery as listed, with its attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryRecord {
    pub id: Uuid,
    pub event_id: Uuid,
    pub event_type: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub log: Vec<AttemptRecord>,
}

/// One attempt.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct AttemptRecord {
    pub delivery_id: Uuid,
    pub attempted_at: DateTime<Utc>,
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    pub error: Option<String>,
}

type DeliveryRow = (
    Uuid,
    Uuid,
    String,
    String,
    i32,
    DateTime<Utc>,
    Option<i32>,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

/// A subscription's deliveries, newest first, with their attempt logs.
pub async fn deliveries(
    conn: &mut AsyncPgConnection,
    subscription_id: Uuid,
    before: Option<Uuid>,
    limit: i64,
) -> StoreResult<Vec<DeliveryRecord>> {
    let mut query = webhook_deliveries::table
        .inner_join(events::table.on(events::event_id.eq(webhook_deliveries::event_id)))
        .filter(webhook_deliveries::subscription_id.eq(subscription_id))
        .select((
            webhook_deliveries::id,
            webhook_deliveries::event_id,
            events::type_,
            webhook_deliveries::status,
            webhook_deliveries::attempts,
            webhook_deliveries::next_attempt_at,
            webhook_deliveries::last_status,
            webhook_deliveries::last_error,
            webhook_deliveries::created_at,
            webhook_deliveries::delivered_at,
        ))
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(webhook_deliveries::id.lt(before));
    }
    let rows: Vec<DeliveryRow> = query
        .order(webhook_deliveries::id.desc())
        .limit(limit)
        .load(conn)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let attempts: Vec<AttemptRecord> = webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(&ids))
        .select((
            webhook_attempts::delivery_id,
            webhook_attempts::attempted_at,
            webhook_attempts::status_code,
            webhook_attempts::latency_ms,
            webhook_attempts::error,
        ))
        .order(webhook_attempts::id.asc())
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                event_id,
                event_type,
                status,
                attempts_n,
                next_attempt_at,
                last_status,
                last_error,
                created_at,
                delivered_at,
            )| DeliveryRecord {
                id,
                event_id,
                event_type,
                status,
                attempts: attempts_n,
                next_attempt_at,
                last_status,
                last_error,
                created_at,
                delivered_at,
                log: attempts
                    .iter()
                    .filter(|a| a.delivery_id == id)
                    .cloned()
                    .collect(),
            },
        )
        .collect())
}

/// Puts a delivery back in the queue for immediate sending (manual redelivery; audited).
pub async fn redeliver(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    subscription: &Subscription,
    delivery_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::id.eq(delivery_id))
                .filter(webhook_deliveries::subscription_id.eq(subscription.id)),
        )
        .set((
            webhook_deliveries::status.eq("pending"),
            webhook_deliveries::next_attempt_at.eq(crate::clock::linli_now()),
            webhook_deliveries::locked_until.eq(None::<DateTime<Utc>>),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::NotFound("delivery").into());
        }
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "webhook_delivery.redelivered",
                object_type: "webhook_delivery",
                object_id: delivery_id.to_string(),
                area_path: Some(subscription.area_path.as_str().to_owned()),
                before: None,
                after: Some(json!({"subscription_id": subscription.id})),
            },
        )
        .await?;
        Ok(())
    })
    .await
}

/// Deliveries waiting to be sent (a backlog metric).
pub async fn pending_count(conn: &mut AsyncPgConnection) -> StoreResult<i64> {
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::status.eq("pending"))
        .count()
        .get_result(conn)
        .await?)
}
