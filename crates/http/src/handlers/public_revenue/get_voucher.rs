use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::public_revenue;

use crate::error::ApiError;

/// Download a voucher; whoever may read the ledger may read its vouchers.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path), ("voucher_id" = Uuid, Path)), responses(
    (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
))]
#[get("/ledger-entries/{id}/vouchers/{voucher_id}")]
pub async fn get_voucher(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (entry_id, voucher_id) = path.into_inner();
    let voucher = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::find_voucher(
            tx,
            &caller,
            entry_id.into(),
            voucher_id.into()
        )
        .await),
    )
    .await?;
    let path = state.settings.upload_dir.join(&voucher.stored_path);
    let bytes = web::block(move || std::fs::read(path))
        .await
        .map_err(|e| ApiError::internal(&e))?
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ApiError::not_found("voucher"),
            _ => ApiError::internal(&e),
        })?;
    Ok(HttpResponse::Ok()
        .content_type(voucher.content_type)
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}
