use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{
    dto::allowance::{ProgrammeInput, ProgrammeView},
    extract::{ValidJson, etag},
};

/// Set up an allowance programme: the eligible post (organisation kind and title, e.g.
/// `compound_party_branch` / 书记), the monthly amount, the assessment result required, the
/// area and the annual budget. Part months are paid pro rata (days held ÷ days in the month,
/// rounded down to the fen) unless `pro_rata` is false.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = ProgrammeInput, responses(
    (status = 201, description = "Created: the programme; `Location` is its address; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String), ("Location" = String))),
))]
#[post("/allowance-programmes")]
pub async fn create_programme(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<ProgrammeInput>,
) -> ApiResult<HttpResponse> {
    let terms = body.into_command();
    let p = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::create_programme(tx, &caller, terms).await),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(p.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/allowance-programmes/{}", p.id),
        ))
        .json(ProgrammeView::from(p)))
}
