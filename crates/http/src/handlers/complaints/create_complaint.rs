use actix_web::{HttpResponse, http::StatusCode, http::header, post, web};
use linli_domain::{
    DomainError, FieldErrors,
    complaint::route,
    policy::{Action, Principal},
    registry::is_phone,
};
use linli_persistence::complaints::{self, NewComplaint};

use super::{detail, standing};
use crate::{
    auth::Caller,
    dto::complaint::{ComplaintDetail, NewComplaintRequest},
    error::{ApiError, ApiResult, Problem},
    extract::etag,
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};

/// File a complaint: a resident about their own compound, staff on a caller's behalf
/// (walk-in or phone, with the caller's contact), or a system with an API key
/// (`complaints:write`; hotline imports carry `external_id`). The handler is chosen by the
/// category's rule and the compound's governance mode; the rule is kept on the complaint.
/// Send an `Idempotency-Key` so a retry from a phone on a flaky network files once.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), request_body = NewComplaintRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, body = ComplaintDetail, headers(("ETag" = String), ("Location" = String))),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Same Idempotency-Key in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, a compound you may not file for, or an external id already imported", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints")]
pub async fn create_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    input: Idempotent<NewComplaintRequest>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::FileComplaints)?;
    let keyed = input.keyed(&caller);
    let body = input.body;
    let (channel, user_id, key_id) = match &caller.principal {
        Principal::ApiKey { key_id, .. } => ("hotline", None, Some(*key_id)),
        Principal::User { user_id, grants } => {
            let staff = grants
                .iter()
                .any(|g| linli_domain::policy::role_allows(g.role, Action::DispatchComplaints));
            (if staff { "staff" } else { "app" }, Some(*user_id), None)
        }
    };
    let mut errors = FieldErrors::new();
    let mut check = |ok: bool, field: &str, message: &str| {
        if !ok {
            errors.insert(field.to_owned(), vec![message.to_owned()]);
        }
    };
    check(
        (1..=100).contains(&body.title.trim().chars().count()),
        "title",
        "标题须为 1 到 100 个字 / the title must be 1 to 100 characters",
    );
    check(
        (1..=4000).contains(&body.description.trim().chars().count()),
        "description",
        "内容须为 1 到 4000 个字 / the description must be 1 to 4000 characters",
    );
    check(
        body.complainant_phone.as_deref().is_none_or(is_phone),
        "complainant_phone",
        "电话号码须为 5 到 20 位数字 / phone must be 5 to 20 digits",
    );
    check(
        body.complainant_name
            .as_deref()
            .is_none_or(|n| (1..=50).contains(&n.trim().chars().count())),
        "complainant_name",
        "姓名须为 1 到 50 个字 / name must be 1 to 50 characters",
    );
    check(
        body.location
            .is_none_or(|l| (-90.0..=90.0).contains(&l.lat) && (-180.0..=180.0).contains(&l.lon)),
        "location",
        "坐标超出范围 / coordinates out of range",
    );
    if channel == "staff" && !body.anonymous {
        check(
            body.complainant_name.is_some() && body.complainant_phone.is_some(),
            "complainant_phone",
            "代为登记须填写来电人姓名和电话 / staff filing for a caller need the caller's name and phone",
        );
    }
    if channel == "hotline" {
        check(
            body.external_id
                .as_deref()
                .is_some_and(|e| (1..=100).contains(&e.len())),
            "external_id",
            "系统导入须带外部编号 / imports need the source system's id",
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let compound = linli_persistence::compounds::find_in_scope(&mut conn, body.compound_id, &scope)
        .await
        .map_err(|_| DomainError::field("compound_id", "只能就本人所在（或您负责的）小区提出诉求 / you may file only for your own (or your area's) compounds"))?;
    let category = complaints::category(&mut conn, &body.category)
        .await?
        .filter(|c| c.active)
        .ok_or_else(|| DomainError::field("category", "未知的诉求类别 / unknown category"))?;
    let candidates = complaints::candidates(&mut conn, compound.id).await?;
    let (handler, why) = route(category.rule(), compound.governance_mode, candidates);
    let new = NewComplaint {
        compound_id: compound.id,
        area_path: compound.path.as_str().to_owned(),
        category_code: category.code,
        title: body.title,
        description: body.description,
        location: body.location.map(|l| (l.lat, l.lon)),
        channel,
        anonymous: body.anonymous,
        complainant_user_id: if body.anonymous {
            None
        } else {
            user_id.filter(|_| channel == "app")
        },
        complainant_name: if body.anonymous {
            None
        } else {
            body.complainant_name.map(|n| n.trim().to_owned())
        },
        complainant_phone: if body.anonymous {
            None
        } else {
            body.complainant_phone
        },
        filed_by: user_id,
        source_key_id: key_id,
        external_id: body.external_id,
        handler_org_id: handler,
        routing_rule: why,
    };
    let audit = caller.audit.clone();
    drop(conn);
    let caller_for_view = caller.clone();
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            let id = complaints::create(tx, &audit, &new).await?;
            let created = complaints::find(tx, id)
                .await?
                .ok_or_else(|| ApiError::not_found("complaint"))?;
            let st = standing(tx, &caller_for_view, &created).await?;
            let version = created.version;
            let view = detail(tx, &caller_for_view, created, st).await?;
            Ok(reply(
                StatusCode::CREATED,
                &view,
                vec![
                    (header::ETAG, etag(version)),
                    (header::LOCATION, format!("/api/v1/complaints/{id}")),
                ],
            ))
        })
    })
    .await
}
