use crate::handlers::prelude::*;
use linli_app::public_revenue;
use linli_domain::{media::MAX_PHOTO_BYTES, public_revenue::voucher_type};
use sha2::{Digest, Sha256};

use crate::{
    dto::public_revenue::{VoucherList, VoucherQuery, VoucherView},
    upload,
};

/// Attach a voucher (凭证: a receipt, invoice or bank slip) to an entry: the raw file as the
/// body — a JPEG, PNG or WebP scan or a PDF, at most 5 MiB. The type is read from the bytes.
/// Entries stay immutable; vouchers can be added later, for example when an auditor asks.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path), VoucherQuery),
    request_body(content(("image/jpeg"), ("image/png"), ("image/webp"), ("application/pdf")), description = "The file's bytes (the type is read from them)"),
    responses(
    (status = 201, description = "The entry's vouchers", body = VoucherList),
    (status = 415, description = "Not an image or PDF", body = Problem, content_type = "application/problem+json"),
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
    let too_big = "凭证文件不能超过 5 MB / vouchers are limited to 5 MB";
    let bytes = upload::read_body(&mut payload, MAX_PHOTO_BYTES, too_big).await?;
    let content_type = voucher_type(&bytes).ok_or_else(|| {
        upload::unsupported("只接受 JPEG、PNG、WebP 图片或 PDF / only JPEG, PNG or WebP images or PDF files are accepted")
    })?;
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
