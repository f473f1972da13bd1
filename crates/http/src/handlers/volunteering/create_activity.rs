use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, FieldErrors, policy::Action};
use linli_persistence::{
    areas::scope_patterns,
    compounds,
    registry::{centres, organisations},
    volunteering::{self, NewActivity},
};

use crate::{
    auth::Caller,
    dto::volunteering::{ActivityInput, ActivityView},
    error::{ApiError, ApiResult},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Create a service activity at a neighbourhood centre or in a compound, with a time
/// window (at most 24 hours) and a number of places, optionally for one team.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = ActivityInput, responses(
    (status = 201, description = "Created: the activity; `Location` is its address", body = ActivityView, headers(("Location" = String))),
))]
#[post("/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<ActivityInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    let mut errors = FieldErrors::new();
    let title = body.title.trim().to_owned();
    if !(1..=100).contains(&title.chars().count()) {
        errors.insert(
            "title".into(),
            vec!["标题须为 1 到 100 个字 / 1 to 100 characters".into()],
        );
    }
    let description = body
        .description
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    if description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 2000)
    {
        errors.insert(
            "description".into(),
            vec!["说明不能超过 2000 个字 / at most 2000 characters".into()],
        );
    }
    if body.ends_at <= body.starts_at || body.ends_at - body.starts_at > chrono::Duration::hours(24)
    {
        errors.insert(
            "ends_at".into(),
            vec![
                "结束须晚于开始，且活动不超过 24 小时 / must end after it starts, within 24 hours"
                    .into(),
            ],
        );
    }
    if !(1..=10_000).contains(&body.capacity) {
        errors.insert(
            "capacity".into(),
            vec!["名额须为 1 到 10000 / 1 to 10,000 places".into()],
        );
    }
    if body.centre_id.is_some() == body.compound_id.is_some() {
        errors.insert(
            "centre_id".into(),
            vec!["请选择服务中心或小区之一 / choose a centre or a compound".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let area_path = if let Some(centre) = body.centre_id {
        let c = centres::find_visible(&mut conn, &patterns, centre)
            .await
            .map_err(|e| {
                linli_app::not_found_as_field(
                    e,
                    "centre_id",
                    "只能选择您负责区域内的服务中心 / choose a centre in your area",
                )
            })?;
        c.area_path
    } else {
        let id = body.compound_id.unwrap_or_default();
        compounds::find_in_scope(&mut conn, id, &scope)
            .await
            .map_err(|e| {
                linli_app::not_found_as_field(
                    e,
                    "compound_id",
                    "只能选择您负责区域内的小区 / choose a compound in your area",
                )
            })?
            .path
            .as_str()
            .to_owned()
    };
    if let Some(team) = body.team_id {
        let t = organisations::find_visible(&mut conn, &["%".to_owned()], team)
            .await
            .map_err(|e| {
                linli_app::not_found_as_field(e, "team_id", "没有这个志愿团队 / no such team")
            })?;
        if t.kind != linli_domain::registry::OrgKind::VolunteerTeam {
            return Err(
                DomainError::field("team_id", "须为志愿团队 / must be a volunteer team").into(),
            );
        }
    }
    let new = NewActivity {
        title,
        description,
        team_id: body.team_id,
        centre_id: body.centre_id,
        compound_id: body.compound_id,
        area_path,
        starts_at: body.starts_at,
        ends_at: body.ends_at,
        capacity: body.capacity,
    };
    let id = volunteering::create_activity(&mut conn, &caller.audit, &new).await?;
    let a = volunteering::activity(&mut conn, &["%".to_owned()], id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/activities/{id}")))
        .json(ActivityView::new(a, false)))
}
