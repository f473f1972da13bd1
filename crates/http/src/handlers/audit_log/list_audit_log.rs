use crate::handlers::prelude::*;
use linli_app::audit_log::{FindAuditEntries, list_audit_log as list};
use linli_domain::page::clamp_limit;

use crate::{
    auth::AuthUser,
    cursor,
    dto::audit_log::{AuditEntryView, AuditPage, AuditQuery},
};

/// Audit entries, newest first, filtered by object, actor or action.
#[utoipa::path(tag = tags::AUDIT_LOG, security(("bearer" = [])), params(AuditQuery), responses(
    (status = 200, description = "One page of audits (`next_cursor` continues)", body = AuditPage),
))]
#[get("/audit-log")]
pub async fn list_audit_log(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<AuditPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<i64>(query.cursor.as_deref())?;
    let query = query.into_inner();
    let find = FindAuditEntries {
        object_type: query.object_type,
        object_id: query.object_id,
        actor_id: query.actor_id,
        action: query.action,
    };
    let mut rows = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &user, find, before, limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut rows, limit, |r| cursor::encode(&r.id));
    Ok(web::Json(AuditPage {
        items: rows.into_iter().map(AuditEntryView::from).collect(),
        next_cursor,
    }))
}
