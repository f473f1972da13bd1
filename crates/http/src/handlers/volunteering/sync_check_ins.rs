use actix_web::{post, web};
use chrono::Utc;
use linli_domain::{DomainError, volunteering::device_time_plausible};
use linli_persistence::{
    StoreError,
    volunteering::{self, NewCheckIn},
};
use uuid::Uuid;

use super::{participant, place, prove_presence};
use crate::{
    auth::Caller,
    dto::volunteering::{SyncInput, SyncItem, SyncOutcome, SyncResult},
    error::{ApiError, ApiResult},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    if body.items.is_empty() || body.items.len() > 500 {
        return Err(
            DomainError::field("items", "每批 1 到 500 条 / 1 to 500 records per batch").into(),
        );
    }
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let received = state.clock().now();
    let mut order: Vec<usize> = (0..body.items.len()).collect();
    // Device-time order, check-ins before check-outs at the same instant.
    order.sort_by_key(|&i| (body.items[i].device_time, body.items[i].kind != "check_in"));
    let mut outcomes: Vec<Option<SyncOutcome>> = body.items.iter().map(|_| None).collect();
    for i in order {
        let item = &body.items[i];
        let outcome = match apply(&state, &mut conn, &caller, person, item, received).await {
            Ok((result, id)) => SyncOutcome {
                client_id: item.client_id.clone(),
                result: result.into(),
                code: None,
                detail: None,
                check_in_id: id,
            },
            Err(e) => {
                let p = e.problem();
                SyncOutcome {
                    client_id: item.client_id.clone(),
                    result: "rejected".into(),
                    code: Some(p.code),
                    detail: Some(p.detail),
                    check_in_id: None,
                }
            }
        };
        outcomes[i] = Some(outcome);
    }
    Ok(web::Json(SyncResult {
        items: outcomes.into_iter().flatten().collect(),
    }))
}

async fn apply(
    state: &AppState,
    conn: &mut linli_persistence::AsyncPgConnection,
    caller: &Caller,
    person: Uuid,
    item: &SyncItem,
    received: chrono::DateTime<Utc>,
) -> ApiResult<(&'static str, Option<Uuid>)> {
    if !(8..=64).contains(&item.client_id.chars().count()) {
        return Err(
            DomainError::field("client_id", "须为 8 到 64 个字符 / 8 to 64 characters").into(),
        );
    }
    if let Some(existing) = volunteering::by_client_id(conn, &item.client_id).await? {
        if existing.person_id != person {
            return Err(DomainError::field("client_id", "该编号已被使用 / id already used").into());
        }
        return Ok(("duplicate", Some(existing.id)));
    }
    if !device_time_plausible(item.device_time, received) {
        return Err(DomainError::WrongState {
            code: "device_time_implausible",
            detail: "记录时间不可信（超前或超过 7 天）/ the device time is in the future or more than 7 days old".into(),
            allowed: vec![],
        }
        .into());
    }
    match item.kind.as_str() {
        "check_in" => {
            let place = place(
                state,
                conn,
                item.activity_id,
                item.centre_id,
                item.qr_token.as_deref(),
            )
            .await?;
            let (method, distance_m, position) = prove_presence(
                state,
                &place,
                item.location,
                item.qr_token.as_deref(),
                item.device_time,
            )?;
            let new = NewCheckIn {
                id: Uuid::now_v7(),
                person_id: person,
                place,
                method,
                client_id: Some(item.client_id.clone()),
                at: item.device_time,
                position,
                distance_m,
            };
            volunteering::check_in(conn, &caller.audit, &new).await?;
            Ok(("accepted", Some(new.id)))
        }
        "check_out" => {
            let open = match item.check_in_client_id.as_deref() {
                Some(client) => volunteering::by_client_id(conn, client).await?,
                None => volunteering::open_check_in(conn, person).await?,
            };
            let Some(open) = open.filter(|c| c.person_id == person) else {
                return Err(DomainError::WrongState {
                    code: "check_in_unknown",
                    detail: "找不到对应的签到，请先上传签到记录 / its check-in has not been received; upload it first".into(),
                    allowed: vec![],
                }
                .into());
            };
            volunteering::check_out(
                conn,
                &caller.audit,
                &open,
                item.device_time,
                Some(&item.client_id),
                None,
            )
            .await
            .map_err(|e| match e {
                StoreError::Domain(DomainError::WrongState { .. }) => {
                    ApiError::from(DomainError::WrongState {
                        code: "already_checked_out",
                        detail: "该签到已签退 / already checked out".into(),
                        allowed: vec![],
                    })
                }
                other => other.into(),
            })?;
            Ok(("accepted", Some(open.id)))
        }
        _ => Err(DomainError::field(
            "kind",
            "须为 check_in 或 check_out / must be check_in or check_out",
        )
        .into()),
    }
}
