//! Revoking an API key.

use linli_domain::{DomainError, policy::Action};
use linli_persistence::{AsyncPgConnection, api_keys};
use uuid::Uuid;

use crate::{Caller, Result};

/// Revokes the key `id` of the caller's area (again is no error); the record stays for the
/// audit trail.
pub async fn revoke_api_key(tx: &mut AsyncPgConnection, caller: &Caller, id: Uuid) -> Result<()> {
    let scope = caller.scope(Action::ManageApiKeys)?;
    let key = api_keys::find(tx, id)
        .await?
        .filter(|k| scope.covers(&k.area_path))
        .ok_or(DomainError::NotFound("api key"))?;
    api_keys::revoke(tx, &caller.audit, &key).await
}
