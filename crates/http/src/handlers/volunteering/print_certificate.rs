use actix_web::{HttpResponse, get, http::header, web};
use linli_app::{in_transaction, volunteering};

use crate::{
    auth::Caller, dto::volunteering::certificate_html, error::ApiResult, handlers::tags,
    state::AppState,
};

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
    let certificate = in_transaction(&state.db, |tx| {
        Box::pin(async move { volunteering::print_certificate(tx, &caller, &code).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(certificate_html(&certificate)))
}
