//! Issuing an API key.

use linli_domain::{
    DomainError, FieldErrors,
    policy::{Action, ApiScope},
};
use linli_persistence::{
    AsyncPgConnection,
    api_keys::{self, ApiKey, NewKey},
    areas,
};
use uuid::Uuid;

use super::generate;
use crate::{Caller, Result, not_found_as_field};

/// A key as the admin describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateApiKey {
    /// Which system uses it.
    pub name: String,
    pub scopes: Vec<ApiScope>,
    /// The area the key may act in (and below).
    pub area_id: Uuid,
}

/// A key just issued: the secret, shown this once, and the stored record.
#[derive(Debug, Clone)]
pub struct IssuedKey {
    pub key: String,
    pub record: ApiKey,
}

/// Issues a key for an area of the caller's scope. Only its digest is stored.
pub async fn create_api_key(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CreateApiKey,
) -> Result<IssuedKey> {
    // Authorise.
    let scope = caller.scope(Action::ManageApiKeys)?;
    // Validate.
    let mut errors = FieldErrors::new();
    let name = cmd.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        errors.insert(
            "name".into(),
            vec!["名称须为 1 到 100 个字符 / name must be 1 to 100 characters".into()],
        );
    }
    if cmd.scopes.is_empty() {
        errors.insert(
            "scopes".into(),
            vec!["至少选择一个权限范围 / choose at least one scope".into()],
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors).into());
    }
    let mut scopes = cmd.scopes;
    scopes.sort_by_key(|s| s.as_str());
    scopes.dedup();
    // Load.
    let area = areas::find_in_scope(tx, cmd.area_id, &scope)
        .await
        .map_err(|e| not_found_as_field(e, "area_id", "区域不存在 / no such area"))?;
    // Store and audit.
    let (key, prefix, digest) = generate();
    let new = NewKey {
        name,
        prefix,
        digest,
        scopes,
        area_id: area.id,
        area_path: area.path,
    };
    let record = api_keys::create(tx, &caller.audit, &new).await?;
    Ok(IssuedKey { key, record })
}
