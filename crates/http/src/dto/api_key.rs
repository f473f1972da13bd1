//! API key bodies.

use chrono::{DateTime, Utc};
use linli_app::api_keys::CreateApiKey;
use linli_domain::policy::ApiScope;
use linli_persistence::api_keys::ApiKey;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A key as listed: never its secret.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyView {
    pub id: Uuid,
    pub name: String,
    /// The visible start of the key (`lk_xxxxxxxx`).
    pub prefix: String,
    #[schema(value_type = Vec<linli_domain::policy::ApiScope>)]
    pub scopes: Vec<ApiScope>,
    pub area_id: Uuid,
    pub area_name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKey> for ApiKeyView {
    fn from(k: ApiKey) -> Self {
        ApiKeyView {
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            scopes: k.scopes,
            area_id: k.area_id,
            area_name: k.area_name,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

/// One page of keys.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyPage {
    pub items: Vec<ApiKeyView>,
    pub next_cursor: Option<String>,
}

/// A key to issue.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateApiKeyRequest {
    /// Which system uses it, e.g. 12345 热线.
    #[schema(min_length = 1, max_length = 100, example = "12345 市民热线")]
    pub name: String,
    #[schema(value_type = Vec<linli_domain::policy::ApiScope>, min_items = 1)]
    pub scopes: Vec<ApiScope>,
    /// The area the key may act in (and below).
    pub area_id: Uuid,
}

impl CreateApiKeyRequest {
    /// The use case's command.
    pub fn into_command(self) -> CreateApiKey {
        CreateApiKey {
            name: self.name,
            scopes: self.scopes,
            area_id: self.area_id,
        }
    }
}

/// A new key: the secret is in `key` and is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    /// Send as `X-Api-Key`. Not retrievable later.
    pub key: String,
    pub api_key: ApiKeyView,
}
