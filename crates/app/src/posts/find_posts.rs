//! Reading the posts of the register.

use chrono::NaiveDate;
use linli_domain::ids::{OrganisationId, PersonId, PostId};
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::people::{self, Post, PostFilter},
};

use crate::{Caller, Result};

/// Filters of a list of posts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindPosts {
    pub person_id: Option<PersonId>,
    pub organisation_id: Option<OrganisationId>,
    /// Only posts held on this date.
    pub active_on: Option<NaiveDate>,
}

/// The post `id`, when the caller sees its organisation.
pub async fn find_post(tx: &mut AsyncPgConnection, caller: &Caller, id: PostId) -> Result<Post> {
    let scope = caller.scope(Action::ReadRegistry)?;
    people::find_post(tx, &scope_patterns(&scope), id.uuid()).await
}

/// Up to `limit` posts in organisations the caller sees, by id after `after`.
pub async fn list_posts(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindPosts,
    after: Option<PostId>,
    limit: i64,
) -> Result<Vec<Post>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let filter = PostFilter {
        person_id: find.person_id.map(PersonId::uuid),
        organisation_id: find.organisation_id.map(OrganisationId::uuid),
        active_on: find.active_on,
    };
    people::posts(
        tx,
        &scope_patterns(&scope),
        &filter,
        limit,
        after.map(PostId::uuid),
    )
    .await
}
