use crate::handlers::prelude::*;
use linli_app::public_revenue;
use sha2::{Digest, Sha256};

use crate::{
    dto::public_revenue::{VoucherList, VoucherQuery, VoucherView},
    upload,
};

/// Attach a voucher (凭证: a receipt, invoice or bank slip) to an entry: the raw file as the
/// body — a JPEG, PNG or WebP scan (kept as its pixels written anew, without the camera's
/// metadata) or a PDF without scripts, launch actions or embedded files, at most 5 MiB. The
/// type is read from the bytes.
/// Entries stay immutable; vouchers can be added later, for example when an auditor asks.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path), VoucherQuery),
    request_body(content(("image/jpeg"), ("image/png"), ("image/webp"), ("application/pdf")), description = "The file's bytes (the type is read from them)"),
    responses(
    (status = 201, description = "The entry's vouchers", body = VoucherList),
    (status = 415, description = "Not an image, or a PDF with scripts, launch actions or embedded files", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`image_too_large`: a scan of more than 8000 pixels a side or 40 megapixels", body = Problem, content_type = "application/problem+json"),
))]
#[post("/ledger-entries/{id}/vouchers")]
pub async fn upload_voucher(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<VoucherQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let (id, asker) = (id.into_inner(), caller.clone());
    // Asked before the bytes are read; no connection is held while they arrive.
    let slot = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::voucher_slot(tx, &asker, id.into()).await),
    )
    .await?;
    let (bytes, content_type) = upload::read_voucher(&mut payload).await?;
    let command = public_revenue::AddVoucher {
        content_type,
        size_bytes: i32::try_from(bytes.len()).unwrap_or(i32::MAX),
        sha256: Sha256::digest(&bytes).to_vec(),
        file_name: query.into_inner().name,
        slot: slot.clone(),
    };
    upload::store(state.settings.upload_dir.clone(), &slot.stored_path, bytes).await?;
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::add_voucher(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Created().json(VoucherList {
        items: items.into_iter().map(VoucherView::from).collect(),
    }))
}
