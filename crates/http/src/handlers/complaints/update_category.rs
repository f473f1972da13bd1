use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, FieldErrors, complaint::HandlerRule, policy::Action};
use linli_persistence::complaints;

use crate::{
    auth::AuthUser,
    dto::complaint::{CategoryUpdate, CategoryView},
    error::{ApiError, ApiResult},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change a category's deadlines (working hours), handler rule or active flag.
/// Requires `If-Match`; new deadlines apply to orders assigned from now on.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = CategoryUpdate,
    params(("code" = String, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The category; `ETag` carries its version", body = CategoryView, headers(("ETag" = String))),
))]
#[put("/complaint-categories/{code}")]
pub async fn update_category(
    state: web::Data<AppState>,
    user: AuthUser,
    code: web::Path<String>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CategoryUpdate>,
) -> ApiResult<HttpResponse> {
    user.scope(Action::ConfigureComplaints)?;
    let mut errors = FieldErrors::new();
    if !(1..=720).contains(&body.sign_hours) {
        errors.insert(
            "sign_hours".into(),
            vec!["签收时限须在 1 到 720 工作小时之间 / 1 to 720 working hours".into()],
        );
    }
    if !(1..=4320).contains(&body.resolve_hours) {
        errors.insert(
            "resolve_hours".into(),
            vec!["办结时限须在 1 到 4320 工作小时之间 / 1 to 4320 working hours".into()],
        );
    }
    let rule = HandlerRule::parse(&body.handler_rule);
    if rule.is_none() {
        errors.insert(
            "handler_rule".into(),
            vec!["未知的派单规则 / unknown handler rule".into()],
        );
    }
    let Some(rule) = rule.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let mut conn = state.db.conn().await?;
    let current = complaints::category(&mut conn, &code)
        .await?
        .ok_or(DomainError::NotFound("category"))?;
    let updated = complaints::update_category(
        &mut conn,
        &user.audit,
        &current,
        complaints::CategorySettings {
            sign_hours: body.sign_hours,
            resolve_hours: body.resolve_hours,
            rule,
            active: body.active,
        },
        if_match.0,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .json(CategoryView::from(updated)))
}
