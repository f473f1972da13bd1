//! The complaint catalogue.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Category},
};

use crate::{Caller, Result};

/// The active categories, or with `all` every one of them (for those who configure the
/// catalogue, to switch them back on).
pub async fn list_categories(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    all: bool,
) -> Result<Vec<Category>> {
    if all {
        caller.scope(Action::ConfigureComplaints)?;
    }
    complaints::categories(tx, !all).await
}

/// The active categories as the public catalogue (Open311's services): anyone may read it.
pub async fn public_catalogue(tx: &mut AsyncPgConnection) -> Result<Vec<Category>> {
    complaints::categories(tx, true).await
}

/// The active category `code` of the public catalogue; `None` for an unknown or
/// switched-off one.
pub async fn public_category(tx: &mut AsyncPgConnection, code: &str) -> Result<Option<Category>> {
    Ok(complaints::category(tx, code).await?.filter(|c| c.active))
}

/// The working-day calendar of `year` (public holidays and the weekends worked instead),
/// which complaint deadlines count on; anyone signed in may read it.
pub async fn calendar_days(
    tx: &mut AsyncPgConnection,
    year: i32,
) -> Result<Vec<linli_persistence::complaints::CalendarDay>> {
    let year = linli_domain::calendar::checked_year(year)?;
    complaints::calendar_days(tx, year).await
}
