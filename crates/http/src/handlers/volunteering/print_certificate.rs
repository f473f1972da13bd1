use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::volunteering;

use crate::dto::volunteering::certificate_html;

/// The printable certificate (HTML, A4) for its holder or staff of the area.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("code" = String, Path)), responses(
    (status = 200, description = "Printable HTML", body = String, content_type = "text/html"),
))]
#[get("/service-certificates/{code}/print")]
pub async fn print_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = code.into_inner();
    let certificate = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::print_certificate(tx, &caller, &code).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(certificate_html(&certificate)))
}
