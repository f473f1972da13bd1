use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances::{self, UpdateProgramme};

use crate::{
    dto::allowance::{ProgrammeInput, ProgrammeView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a programme (not its area). Cycles already generated keep their amounts; regenerate
/// a draft to apply new terms. Requires `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = ProgrammeInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The programme; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String))),
))]
#[put("/allowance-programmes/{id}")]
pub async fn update_programme(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<ProgrammeInput>,
) -> ApiResult<HttpResponse> {
    let command = UpdateProgramme {
        programme_id: id.into_inner().into(),
        terms: body.into_command(),
        expected_version: if_match.0,
    };
    let p = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::update_programme(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(p.version)))
        .json(ProgrammeView::from(p)))
}
