//! Appointing a person to a post and changing the post's title or term.

use linli_domain::ids::PostId;
use linli_domain::{DomainError, policy::Action, registry::PostDraft};
use linli_persistence::{
    AsyncPgConnection, Found,
    areas::scope_patterns,
    registry::{
        organisations,
        people::{self, Post},
    },
};

use crate::{Caller, Result, access::for_write, not_found_as_field};

/// Appoints a person the caller sees to a post in an organisation of the caller's area.
/// Two overlapping terms of a single-holder post are refused by the database.
pub async fn create_post(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: PostDraft,
) -> Result<Post> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    draft.check()?;
    let org = organisations::find_visible(tx, &patterns, draft.organisation_id.into())
        .await
        .found()?
        .filter(|o| scope.covers(&o.area_path))
        .ok_or_else(|| {
            DomainError::field("organisation_id", "组织不存在 / no such organisation")
        })?;
    people::find_visible(tx, &patterns, draft.person_id.into())
        .await
        .map_err(|e| not_found_as_field(e, "person_id", "人员不存在 / no such person"))?;
    let id = people::create_post(tx, &caller.audit, &draft, org.area_path.as_str()).await?;
    people::find_post(tx, &patterns, id).await
}

/// Changes the title or term of the post `id` (at `version`), which the caller must own;
/// its person and organisation stay.
pub async fn update_post(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (PostId, i64),
    draft: PostDraft,
) -> Result<Post> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let current = for_write(&scope, people::find_post(tx, &patterns, id.into()).await?)?;
    if draft.person_id != current.person_id.into()
        || draft.organisation_id != current.organisation_id.into()
    {
        return Err(DomainError::field(
            "person_id",
            "任职的人员和组织不能修改，请结束本任职并新建 / end this post and create a new one instead",
        )
        .into());
    }
    draft.check()?;
    people::update_post(tx, &caller.audit, &current, &draft, version).await?;
    people::find_post(tx, &patterns, current.id).await
}
