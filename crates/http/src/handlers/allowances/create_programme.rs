use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{FieldErrors, policy::Action};
use linli_persistence::{
    allowances::{self, ProgrammeDraft},
    areas::{self, scope_patterns},
};

use crate::{
    auth::Caller,
    dto::allowance::{ProgrammeInput, ProgrammeView},
    error::{ApiError, ApiResult},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::ManageAllowances)?;
    let mut conn = state.db.conn().await?;
    let draft = checked(&mut conn, &scope, body).await?;
    let id = allowances::create_programme(&mut conn, &caller.audit, &draft).await?;
    let p = allowances::programme(&mut conn, &scope_patterns(&scope), id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(p.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/allowance-programmes/{id}"),
        ))
        .json(ProgrammeView::from(p)))
}

/// Checks a programme's fields and that its area is in the caller's scope.
pub(super) async fn checked(
    conn: &mut linli_persistence::AsyncPgConnection,
    scope: &linli_domain::policy::Scope,
    body: ProgrammeInput,
) -> ApiResult<ProgrammeDraft> {
    let mut errors = FieldErrors::new();
    let name = body.name.trim().to_owned();
    let post_title = body.post_title.trim().to_owned();
    if !(1..=100).contains(&name.chars().count()) {
        errors.insert(
            "name".into(),
            vec!["名称须为 1 到 100 个字 / 1 to 100 characters".into()],
        );
    }
    if !(1..=40).contains(&post_title.chars().count()) {
        errors.insert(
            "post_title".into(),
            vec!["岗位名称须为 1 到 40 个字 / 1 to 40 characters".into()],
        );
    }
    if !(1..=10_000_000).contains(&body.amount_fen_per_month) {
        errors.insert(
            "amount_fen_per_month".into(),
            vec!["每月金额须在 0.01 到 100,000 元之间 / 1 to 10,000,000 fen".into()],
        );
    }
    if body.annual_budget_fen <= 0 {
        errors.insert(
            "annual_budget_fen".into(),
            vec!["年度预算须为正数 / the annual budget must be positive".into()],
        );
    }
    if body.required_result == linli_domain::allowance::AssessmentResult::Unqualified {
        errors.insert(
            "required_result".into(),
            vec!["要求的考评结果须为 合格 或 优秀 / qualified or excellent".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let area = areas::find_in_scope(conn, body.area_id, scope)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(
                e,
                "area_id",
                "只能为您负责的区域设立津贴项目 / choose an area you are responsible for",
            )
        })?;
    Ok(ProgrammeDraft {
        name,
        area_id: area.id,
        area_path: area.path.as_str().to_owned(),
        org_kind: body.org_kind.as_str().to_owned(),
        post_title,
        amount_fen_per_month: body.amount_fen_per_month,
        required_result: body.required_result,
        annual_budget_fen: body.annual_budget_fen,
        pro_rata: body.pro_rata,
        active: body.active,
    })
}
