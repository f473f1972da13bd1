//! Webhook subscriptions and their deliveries.

pub mod create_subscription;
pub mod get_subscription;
pub mod list_deliveries;
pub mod list_subscriptions;
pub mod redeliver;
pub mod rotate_secret;
pub mod update_subscription;

use base64::{Engine, engine::general_purpose::STANDARD};
use linli_domain::{
    DomainError, FieldErrors,
    policy::{Action, visible_event_prefixes},
    webhook::is_valid_pattern,
};
use linli_persistence::{
    AsyncPgConnection, areas,
    areas::Area,
    webhooks::{self, Subscription, SubscriptionFields},
};
use rand::RngCore;
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::webhook::SubscriptionInput,
    error::{ApiError, ApiResult},
    state::AppState,
    webhook_target,
};

/// A fresh signing secret in the Standard Webhooks form.
fn new_secret() -> String {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    format!("whsec_{}", STANDARD.encode(key))
}

/// Loads a subscription inside the caller's scope; 404 otherwise.
async fn visible(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> ApiResult<Subscription> {
    let scope = caller.scope(Action::ManageWebhooks)?;
    webhooks::find(conn, id)
        .await?
        .filter(|s| scope.covers(&s.area_path))
        .ok_or_else(|| ApiError::not_found("webhook subscription"))
}

/// Validates settings: patterns from the catalogue (and, for keys, of modules their scopes
/// read), a reachable public URL, an area in scope.
async fn checked_fields(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    input: SubscriptionInput,
) -> ApiResult<(SubscriptionFields, Area)> {
    let scope = caller.scope(Action::ManageWebhooks)?;
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
    } else if let Err(reason) =
        webhook_target::check(&input.url, &state.settings.webhook_allow_hosts).await
    {
        errors.insert("url".into(), vec![reason]);
    }
    // Only an area that is not there (or not the caller's) is a field error; a failing
    // database is not.
    let area = match areas::find_in_scope(conn, input.area_id, &scope).await {
        Ok(area) => Some(area),
        Err(linli_persistence::StoreError::Domain(DomainError::NotFound(_))) => {
            errors.insert("area_id".into(), vec!["区域不存在 / no such area".into()]);
            None
        }
        Err(e) => return Err(e.into()),
    };
    let Some(area) = area.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    Ok((
        SubscriptionFields {
            url: input.url,
            description: input.description,
            event_types: types,
            area_id: area.id,
            active: input.active,
        },
        area,
    ))
}
