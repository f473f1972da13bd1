//! Webhook subscriptions: a URL of a government system that receives the events of an area,
//! signed with a secret only the subscriber holds.

mod create_subscription;
mod deliveries;
mod feed;
mod find_subscription;
mod rotate_secret;
pub mod target;
mod update_subscription;

pub use create_subscription::{NewSubscription, create_subscription};
pub use deliveries::{list_deliveries, redeliver};
pub use feed::list_events;
pub use find_subscription::{find_subscription, list_subscriptions};
pub use rotate_secret::{OVERLAP_HOURS, RotatedSecret, rotate_secret};
pub use update_subscription::update_subscription;

use base64::{Engine, engine::general_purpose::STANDARD};
use linli_domain::{
    DomainError, FieldErrors,
    policy::{Action, Scope, visible_event_prefixes},
    webhook::is_valid_pattern,
};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area},
    webhooks::{self, Subscription, SubscriptionFields},
};
use rand::RngCore;
use uuid::Uuid;

use crate::{Caller, Result};

/// A subscription's settings as the subscriber gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionSettings {
    pub url: String,
    pub description: String,
    /// Event types or patterns (`complaint.*`) from the catalogue.
    pub event_types: Vec<String>,
    pub area_id: Uuid,
    pub active: bool,
}

/// A fresh signing secret in the Standard Webhooks form.
fn new_secret() -> String {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    format!("whsec_{}", STANDARD.encode(key))
}

/// The subscription `id` inside `scope`; `NotFound` otherwise.
async fn visible(tx: &mut AsyncPgConnection, scope: &Scope, id: Uuid) -> Result<Subscription> {
    webhooks::find(tx, id)
        .await?
        .filter(|s| scope.covers(&s.area_path))
        .ok_or(DomainError::NotFound("webhook subscription").into())
}

/// The caller's scope for webhooks and the subscription `id` in it.
async fn subscription_of(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<Subscription> {
    let scope = caller.scope(Action::ManageWebhooks)?;
    visible(tx, &scope, id).await
}

/// Checks settings: patterns from the catalogue (and, for keys, of modules their scopes
/// read), a public URL (or one on `allow_hosts`), an area in `scope`. Every problem is
/// reported at once.
async fn checked_settings(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    scope: &Scope,
    allow_hosts: &[String],
    input: SubscriptionSettings,
) -> Result<(SubscriptionFields, Area)> {
    let mut errors = FieldErrors::new();
    let mut types: Vec<String> = input
        .event_types
        .iter()
        .map(|t| t.trim().to_owned())
        .collect();
    types.sort();
    types.dedup();
    if types.is_empty() {
        errors.insert(
            "event_types".into(),
            vec!["至少选择一种事件 / choose at least one event type".into()],
        );
    }
    let allowed = visible_event_prefixes(&caller.principal);
    for (i, t) in types.iter().enumerate() {
        let permitted = match &allowed {
            None => true,
            Some(prefixes) => t != "*" && prefixes.iter().any(|p| t.starts_with(p.as_str())),
        };
        if !is_valid_pattern(t) {
            errors.insert(
                format!("event_types[{i}]"),
                vec![format!("未知的事件类型 / unknown event type `{t}`")],
            );
        } else if !permitted {
            errors.insert(
                format!("event_types[{i}]"),
                vec![
                    "该密钥的权限范围不包含此类事件 / the key's scopes do not cover these events"
                        .into(),
                ],
            );
        }
    }
    if input.description.chars().count() > 200 {
        errors.insert(
            "description".into(),
            vec!["说明最多 200 个字 / at most 200 characters".into()],
        );
    }
    if input.url.len() > 2000 {
        errors.insert("url".into(), vec!["网址过长 / the URL is too long".into()]);
    } else if let Err(reason) = target::check(&input.url, allow_hosts).await {
        errors.insert("url".into(), vec![reason]);
    }
    // Only an area that is not there (or not the caller's) is a field error; a failing
    // database is not.
    let area = match areas::find_in_scope(tx, input.area_id, scope).await {
        Ok(area) => Some(area),
        Err(linli_persistence::StoreError::Domain(DomainError::NotFound(_))) => {
            errors.insert("area_id".into(), vec!["区域不存在 / no such area".into()]);
            None
        }
        Err(e) => return Err(e),
    };
    let Some(area) = area.filter(|_| errors.is_empty()) else {
        return Err(DomainError::Validation(errors).into());
    };
    let fields = SubscriptionFields {
        url: input.url,
        description: input.description,
        event_types: types,
        area_id: area.id,
        active: input.active,
    };
    Ok((fields, area))
}
