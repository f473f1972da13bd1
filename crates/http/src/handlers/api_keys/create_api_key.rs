use crate::handlers::prelude::*;
use crate::idempotency::reply_once;
use actix_web::http::header;
use linli_app::api_keys::create_api_key as create;

use crate::{
    auth::AuthUser,
    dto::api_key::{ApiKeyView, CreateApiKeyRequest, CreatedApiKey},
};

/// Issue an API key for a government system. The key is in the response once and never
/// again; store it in the system's secret store. A retry with the same `Idempotency-Key`
/// gets the same key record with the secret masked (only its prefix), since the secret is
/// never stored: if the first answer was lost, revoke that key and issue another.
#[utoipa::path(tag = tags::API_KEYS, security(("bearer" = [])), request_body = CreateApiKeyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (the replay shows the same key record, its secret masked)")),
    responses(
    (status = 201, description = "Created: the key (its secret is shown this once); `Location` is its address", body = CreatedApiKey, headers(("Location" = String))),
))]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    user: AuthUser,
    input: Idempotent<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&user);
    let command = input.body.into_command();
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let issued = create(tx, &user, command).await?;
            let location = format!("/api/v1/api-keys/{}", issued.record.id);
            let api_key = ApiKeyView::from(issued.record);
            let body = CreatedApiKey {
                key: issued.key,
                api_key: api_key.clone(),
            };
            let masked = CreatedApiKey {
                key: format!("{}…", api_key.prefix),
                api_key,
            };
            Ok(reply_once(
                StatusCode::CREATED,
                &body,
                &masked,
                vec![(header::LOCATION, location)],
            ))
        }),
    )
    .await
}
