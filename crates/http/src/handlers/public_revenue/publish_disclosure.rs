use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    areas::scope_patterns,
    public_revenue::{self, NewDisclosure},
    users,
};
use uuid::Uuid;

use super::{disclosure_summary, in_scope};
use crate::{
    auth::Caller,
    dto::public_revenue::{DisclosureRequest, DisclosureView},
    error::{ApiError, ApiResult},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Publish a disclosure (公示) of the compound's public revenue for ended months: income and
/// spending by category and what is owed to all owners, frozen as published. The owners'
/// committee or the community publishes; the compound's residents read it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = DisclosureRequest,
    params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 201, description = "Created: the disclosure; `Location` is its address", body = DisclosureView, headers(("Location" = String))),
))]
#[post("/compounds/{id}/disclosures")]
pub async fn publish_disclosure(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<DisclosureRequest>,
) -> ApiResult<HttpResponse> {
    let user_id = caller.user_id()?;
    let note = body
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(
            DomainError::field("note", "说明不能超过 1000 个字 / at most 1000 characters").into(),
        );
    }
    let scope = caller.scope(Action::PublishDisclosures)?;
    let mut conn = state.db.conn().await?;
    let compound = in_scope(
        &mut conn,
        &caller,
        id.into_inner(),
        Action::PublishDisclosures,
    )
    .await?;
    let (from, to, summary) = disclosure_summary(
        &mut conn,
        compound.id,
        &body.period_from,
        &body.period_to,
        state.clock().today(),
    )
    .await?;
    let publisher = users::find(&mut conn, user_id)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    let new = NewDisclosure {
        compound_id: compound.id,
        area_path: compound.path.as_str().to_owned(),
        period_from: from,
        period_to: to,
        summary: serde_json::to_value(&summary).map_err(|e| ApiError::internal(&e))?,
        note,
        publisher,
    };
    let id = public_revenue::publish(&mut conn, &caller.audit, &new).await?;
    let d = public_revenue::disclosure(&mut conn, &scope_patterns(&scope), id).await?;
    let view = DisclosureView::try_from(d).map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/disclosures/{id}")))
        .json(view))
}
