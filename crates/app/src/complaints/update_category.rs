//! Configuring a category of the catalogue.

use linli_domain::{DomainError, complaint::check_category_settings, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Category, CategorySettings},
};

use crate::{Caller, Result};

/// A category's new deadlines (working hours), handler rule and active flag.
#[derive(Debug, Clone)]
pub struct UpdateCategory {
    pub code: String,
    pub sign_hours: i32,
    pub resolve_hours: i32,
    pub handler_rule: String,
    pub active: bool,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Changes a category (the catalogue is the district's: no area owns it); new deadlines
/// apply to orders assigned from now on. Audited.
pub async fn update_category(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: UpdateCategory,
) -> Result<Category> {
    // Authorise.
    caller.scope(Action::ConfigureComplaints)?;
    // Validate.
    let rule = check_category_settings(cmd.sign_hours, cmd.resolve_hours, &cmd.handler_rule)?;
    // Load.
    let current = complaints::category(tx, &cmd.code)
        .await?
        .ok_or(DomainError::NotFound("category"))?;
    // Store and audit.
    complaints::update_category(
        tx,
        &caller.audit,
        &current,
        CategorySettings {
            sign_hours: cmd.sign_hours,
            resolve_hours: cmd.resolve_hours,
            rule,
            active: cmd.active,
        },
        cmd.expected_version,
    )
    .await
}
