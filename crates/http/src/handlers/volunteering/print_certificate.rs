use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::volunteering;

use super::viewer;
use crate::{
    auth::Caller,
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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
    let mut conn = state.db.conn().await?;
    let c = volunteering::certificate_by_code(&mut conn, code.trim())
        .await
        .map_err(|e| linli_app::not_found_as(e, "certificate"))?;
    let me = viewer(&mut conn, &caller).await?;
    if me != Some(c.person_id) && caller.scope(Action::ReadVolunteering).is_err() {
        return Err(ApiError::not_found("certificate"));
    }
    let hours = f64::from(c.total_minutes) / 60.0;
    let html = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>志愿服务证明 {code}</title>\
         <style>@page{{size:A4;margin:25mm}}body{{font-family:serif;max-width:160mm;margin:auto;line-height:2}}\
         h1{{text-align:center;letter-spacing:.5em}}.code{{font-family:monospace}}.sign{{text-align:right;margin-top:30mm}}</style></head>\
         <body><h1>志愿服务证明</h1><p>兹证明 <strong>{name}</strong> 同志于 {from} 至 {to} 期间，参加志愿服务活动 {activities} 次，\
         经核验累计服务时长 <strong>{hours:.1}</strong> 小时。</p><p>特此证明。</p>\
         <p>This certifies that {name} served {hours:.1} verified hours in {activities} activities between {from} and {to}.</p>\
         <p class=\"sign\">长沙市雨花区 邻里志愿服务平台<br>{issued}</p>\
         <p>验证码 / Verification code: <span class=\"code\">{code}</span><br>查验 / Check: /api/v1/public/service-certificates/{code}</p>\
         </body></html>",
        code = escape(&c.code),
        name = escape(&c.person_name),
        from = c.period_from,
        to = c.period_to,
        activities = c.activities,
        issued = c
            .issued_at
            .with_timezone(&linli_domain::calendar::china())
            .format("%Y年%m月%d日"),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(html))
}
