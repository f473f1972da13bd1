use actix_web::{HttpResponse, post, web};
use linli_domain::{
    media::{MAX_PHOTO_BYTES, clean_file_name, detect_image},
    policy::Action,
};
use linli_persistence::public_revenue::{self, NewVoucher};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;
use uuid::Uuid;

use super::in_scope;
use crate::{
    auth::Caller,
    dto::public_revenue::{VoucherList, VoucherView},
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
    upload,
};

/// The voucher's name.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VoucherQuery {
    /// The file's name, for display.
    #[param(max_length = 120)]
    pub name: Option<String>,
}

/// PDF files start with these bytes.
const PDF_MAGIC: &[u8] = b"%PDF-";

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
    let id = id.into_inner();
    let mut conn = state.db.conn().await?;
    let compound_id = public_revenue::compound_of_entry(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("ledger entry"))?;
    let compound = in_scope(&mut conn, &caller, compound_id, Action::PostLedger)
        .await
        .map_err(|e| {
            if e.code() == "forbidden" {
                e
            } else {
                ApiError::not_found("ledger entry")
            }
        })?;
    let entry = public_revenue::find_entry(&mut conn, compound.id, id).await?;
    drop(conn);
    let bytes = upload::read_body(
        &mut payload,
        MAX_PHOTO_BYTES,
        "凭证文件不能超过 5 MB / vouchers are limited to 5 MB",
    )
    .await?;
    let content_type = detect_image(&bytes)
        .or_else(|| bytes.starts_with(PDF_MAGIC).then_some("application/pdf"))
        .ok_or_else(|| {
            upload::unsupported(
                "只接受 JPEG、PNG、WebP 图片或 PDF / only JPEG, PNG or WebP images or PDF files are accepted",
            )
        })?;
    let voucher_id = Uuid::now_v7();
    let relative = format!("vouchers/{}/{voucher_id}", entry.id);
    let size = bytes.len();
    let digest = Sha256::digest(&bytes).to_vec();
    upload::store(state.settings.upload_dir.clone(), &relative, bytes).await?;
    let new = NewVoucher {
        id: voucher_id,
        content_type,
        size_bytes: i32::try_from(size).unwrap_or(i32::MAX),
        sha256: digest,
        file_name: clean_file_name(query.name.as_deref().unwrap_or("voucher")),
        stored_path: relative,
    };
    let mut conn = state.db.conn().await?;
    public_revenue::add_voucher(
        &mut conn,
        &caller.audit,
        &entry,
        compound.path.as_str(),
        &new,
    )
    .await?;
    let items = public_revenue::vouchers(&mut conn, entry.id).await?;
    Ok(HttpResponse::Created().json(VoucherList {
        items: items.into_iter().map(VoucherView::from).collect(),
    }))
}
