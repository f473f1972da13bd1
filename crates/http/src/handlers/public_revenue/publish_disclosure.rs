use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::public_revenue;

use crate::{
    dto::public_revenue::{DisclosureRequest, DisclosureView},
    error::ApiError,
    extract::ValidJson,
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
    caller.user_id()?;
    let command = body.into_command(id.into_inner());
    let today = state.clock().today();
    let d = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::publish_disclosure(tx, &caller, today, command).await),
    )
    .await?;
    let location = format!("/api/v1/disclosures/{}", d.id);
    let view = DisclosureView::try_from(d).map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(view))
}
