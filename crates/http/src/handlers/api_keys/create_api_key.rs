use actix_web::{HttpResponse, http::StatusCode, http::header, post, web};
use linli_domain::{FieldErrors, policy::Action};
use linli_persistence::{
    api_keys::{self, NewKey},
    areas,
};

use crate::{
    auth::{AuthUser, api_key},
    dto::api_key::{ApiKeyView, CreateApiKeyRequest, CreatedApiKey},
    error::{ApiError, ApiResult},
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};

/// Issue an API key for a government system. The key is in the response once and never
/// again; store it in the system's secret store.
#[utoipa::path(tag = tags::API_KEYS, security(("bearer" = [])), request_body = CreateApiKeyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (the replay shows the same key)")),
    responses(
    (status = 201, description = "Created: the key (its secret is shown this once); `Location` is its address", body = CreatedApiKey, headers(("Location" = String))),
))]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    user: AuthUser,
    input: Idempotent<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let scope = user.scope(Action::ManageApiKeys)?;
    let keyed = input.keyed(&user);
    let body = input.body;
    let mut errors = FieldErrors::new();
    let name = body.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        errors.insert(
            "name".into(),
            vec!["名称须为 1 到 100 个字符 / name must be 1 to 100 characters".into()],
        );
    }
    if body.scopes.is_empty() {
        errors.insert(
            "scopes".into(),
            vec!["至少选择一个权限范围 / choose at least one scope".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let audit = user.audit.clone();
    let mut scopes = body.scopes;
    scopes.sort_by_key(|s| s.as_str());
    scopes.dedup();
    let area_id = body.area_id;
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            let area = areas::find_in_scope(tx, area_id, &scope)
                .await
                .map_err(|e| {
                    linli_app::not_found_as_field(e, "area_id", "区域不存在 / no such area")
                })?;
            let (key, prefix, digest) = api_key::generate();
            let created = api_keys::create(
                tx,
                &audit,
                &NewKey {
                    name,
                    prefix,
                    digest,
                    scopes,
                    area_id: area.id,
                    area_path: area.path,
                },
            )
            .await?;
            let id = created.id;
            Ok(reply(
                StatusCode::CREATED,
                &CreatedApiKey {
                    key,
                    api_key: ApiKeyView::from(created),
                },
                vec![(header::LOCATION, format!("/api/v1/api-keys/{id}"))],
            ))
        })
    })
    .await
}
