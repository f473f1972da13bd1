//! Reading the posts of the register.

use chrono::NaiveDate;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::people::{self, Post, PostFilter},
};
use uuid::Uuid;

use crate::{Caller, Result};

/// Filters of a list of posts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindPosts {
    pub person_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    /// Only posts held on this date.
    pub active_on: Option<NaiveDate>,
}

/// The post `id`, when the caller sees its organisation.
pub async fn find_post(tx: &mut AsyncPgConnection, caller: &Caller, id: Uuid) -> Result<Post> {
    let scope = caller.scope(Action::ReadRegistry)?;
    people::find_post(tx, &scope_patterns(&scope), id).await
}

/// Up to `limit` posts in organisations the caller sees, by id after `after`.
pub async fn list_posts(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindPosts,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Post>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let filter = PostFilter {
        person_id: find.person_id,
        organisation_id: find.organisation_id,
        active_on: find.active_on,
    };
    people::posts(tx, &scope_patterns(&scope), &filter, limit, after).await
}
