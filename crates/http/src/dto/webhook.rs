//! Webhook subscription, delivery and event bodies.

use chrono::{DateTime, Utc};
use linli_persistence::{
    events::Event,
    webhooks::{AttemptRecord, DeliveryRecord, Subscription},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A webhook subscription (its secret is never shown again after creation or rotation).
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionView {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    /// Exact types, `<module>.*` or `*`.
    #[schema(example = json!(["compound.*"]))]
    pub event_types: Vec<String>,
    /// Only events about objects in this area (and below).
    pub area_id: Uuid,
    pub area_name: String,
    pub active: bool,
    /// Why it was switched off (e.g. the receiver answered 410 Gone).
    pub disabled_reason: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Subscription> for SubscriptionView {
    fn from(s: Subscription) -> Self {
        SubscriptionView {
            id: s.id,
            url: s.url,
            description: s.description,
            event_types: s.event_types,
            area_id: s.area_id,
            area_name: s.area_name,
            active: s.active,
            disabled_reason: s.disabled_reason,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// One page of subscriptions.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionPage {
    pub items: Vec<SubscriptionView>,
    pub next_cursor: Option<String>,
}

/// A subscription's settings.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SubscriptionInput {
    /// Where to POST events (http or https; internal addresses are refused).
    #[schema(
        max_length = 2000,
        example = "https://hotline.example.gov.cn/linli/events"
    )]
    pub url: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub description: String,
    #[schema(min_items = 1, example = json!(["compound.*", "area.created"]))]
    pub event_types: Vec<String>,
    pub area_id: Uuid,
    #[serde(default = "active_by_default")]
    pub active: bool,
}

fn active_by_default() -> bool {
    true
}

impl SubscriptionInput {
    /// The use cases' settings.
    pub fn into_settings(self) -> linli_app::webhooks::SubscriptionSettings {
        linli_app::webhooks::SubscriptionSettings {
            url: self.url,
            description: self.description,
            event_types: self.event_types,
            area_id: self.area_id,
            active: self.active,
        }
    }
}

/// A new subscription and its signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedSubscription {
    /// `whsec_` + base64 key for verifying `webhook-signature` (Standard Webhooks).
    pub secret: String,
    pub subscription: SubscriptionView,
}

/// A rotated secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    pub secret: String,
    /// Until then deliveries carry signatures by both the new and the previous secret.
    pub previous_secret_valid_until: DateTime<Utc>,
}

/// One attempt to deliver.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptView {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's status, if it answered.
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    pub error: Option<String>,
}

impl From<AttemptRecord> for AttemptView {
    fn from(a: AttemptRecord) -> Self {
        AttemptView {
            attempted_at: a.attempted_at,
            status_code: a.status_code,
            latency_ms: a.latency_ms,
            error: a.error,
        }
    }
}

/// A delivery of one event to one subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: Uuid,
    /// Also the `webhook-id` header, the same on every attempt.
    pub event_id: Uuid,
    pub event_type: String,
    /// `pending`, `delivered`, `failed` (retries spent) or `cancelled` (subscription gone).
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub log: Vec<AttemptView>,
}

impl From<DeliveryRecord> for DeliveryView {
    fn from(d: DeliveryRecord) -> Self {
        DeliveryView {
            id: d.id,
            event_id: d.event_id,
            event_type: d.event_type,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at,
            last_status: d.last_status,
            last_error: d.last_error,
            created_at: d.created_at,
            delivered_at: d.delivered_at,
            log: d.log.into_iter().map(AttemptView::from).collect(),
        }
    }
}

/// One page of deliveries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    pub items: Vec<DeliveryView>,
    pub next_cursor: Option<String>,
}

/// An event, as delivered by webhook and listed in the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventEnvelope {
    /// Unique; the `webhook-id` of its deliveries.
    pub id: Uuid,
    /// Position in the feed (commit order).
    pub seq: i64,
    #[serde(rename = "type")]
    #[schema(value_type = linli_domain::webhook::EventTypeSchema)]
    pub event_type: String,
    pub occurred_at: DateTime<Utc>,
    /// Materialised path of the area the subject lies in.
    pub area_path: Option<String>,
    pub subject_type: String,
    pub subject_id: String,
    /// Ids and changed fields; never personal data.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

impl From<Event> for EventEnvelope {
    fn from(e: Event) -> Self {
        EventEnvelope {
            id: e.event_id,
            seq: e.seq.unwrap_or_default(),
            event_type: e.event_type,
            occurred_at: e.occurred_at,
            area_path: e.area_path,
            subject_type: e.subject_type,
            subject_id: e.subject_id,
            data: e.payload,
        }
    }
}

/// Events after the cursor, in commit order.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    pub items: Vec<EventEnvelope>,
    /// Pass as `after` next time (also when `items` is empty: poll again with it).
    pub next_cursor: String,
}

/// Filters of the feed.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// The `next_cursor` of the previous page; absent: from the beginning.
    #[param(max_length = 64)]
    pub after: Option<String>,
    /// Comma-separated exact types, e.g. `compound.updated,area.created`.
    #[param(max_length = 500)]
    pub types: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}
