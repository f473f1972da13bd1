//! Who asks: a signed-in person or a government system, with the context the audit log
//! records.

use linli_domain::{
    DomainError,
    policy::{Action, Principal, Scope, authorize},
};
use linli_persistence::audit_log::AuditContext;
use uuid::Uuid;

/// The caller of a use case, authenticated by whoever called it (a bearer token or an API
/// key over HTTP, the operator on the command line).
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    /// Who acted and from where, for the audit log.
    pub audit: AuditContext,
}

impl Caller {
    /// The caller's scope for `action`; `Forbidden` when nothing they hold allows it.
    pub fn scope(&self, action: Action) -> Result<Scope, DomainError> {
        authorize(&self.principal, action)
    }

    /// The signed-in person's id; `None` for a system.
    pub fn person(&self) -> Option<Uuid> {
        match &self.principal {
            Principal::User { user_id, .. } => Some(*user_id),
            Principal::ApiKey { .. } => None,
        }
    }

    /// The API key's id; `None` for a person.
    pub fn api_key(&self) -> Option<Uuid> {
        match &self.principal {
            Principal::ApiKey { key_id, .. } => Some(*key_id),
            Principal::User { .. } => None,
        }
    }

    /// True when one of the caller's grants allows `action` somewhere.
    pub fn may(&self, action: Action) -> bool {
        authorize(&self.principal, action).is_ok()
    }
}
