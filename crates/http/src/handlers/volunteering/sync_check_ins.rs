use crate::handlers::prelude::*;
use linli_app::volunteering::sync_check_ins as sync;

use super::qr;
use crate::{
    dto::volunteering::{SyncInput, SyncOutcome, SyncResult},
    error::ApiError,
    extract::ValidJson,
};

/// Upload check-ins and check-outs a phone recorded offline, each with the phone's own id
/// and clock. Records are applied in device-time order whatever order they arrive in; a
/// record already received is reported `duplicate` and changes nothing; each is accepted or
/// rejected with a reason. A check-out whose check-in has not arrived yet is rejected with
/// `check_in_unknown`: upload it again with (or after) its check-in.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = SyncInput, responses(
    (status = 200, description = "The sync result", body = SyncResult),
))]
#[post("/check-ins/sync")]
pub async fn sync_check_ins(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<SyncInput>,
) -> ApiResult<web::Json<SyncResult>> {
    let client_ids: Vec<String> = body.items.iter().map(|i| i.client_id.clone()).collect();
    let items = body.into_command(&qr(&state));
    let received = state.clock().now();
    let outcomes = in_transaction(
        &state.db,
        with_tx!(|tx| sync(tx, &caller, received, items).await),
    )
    .await?;
    let items = client_ids
        .into_iter()
        .zip(outcomes)
        .map(|(client_id, outcome)| match outcome {
            Ok(synced) => SyncOutcome {
                client_id,
                result: synced.as_str().into(),
                code: None,
                detail: None,
                check_in_id: Some(synced.check_in_id()),
            },
            Err(e) => {
                let p = ApiError::from(e).problem();
                SyncOutcome {
                    client_id,
                    result: "rejected".into(),
                    code: Some(p.code),
                    detail: Some(p.detail),
                    check_in_id: None,
                }
            }
        });
    Ok(web::Json(SyncResult {
        items: items.collect(),
    }))
}
