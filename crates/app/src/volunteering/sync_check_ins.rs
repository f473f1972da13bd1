//! Uploading check-ins and check-outs a phone recorded offline.

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use linli_domain::{
    DomainError,
    volunteering::{check_client_id, check_device_time, check_sync_batch},
};
use linli_persistence::{AsyncPgConnection, volunteering};
use uuid::Uuid;

use super::{Presence, participant, record_check_in};
use crate::{Caller, Error, Result};

/// What an offline record is.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncKind {
    CheckIn(Presence),
    /// With the phone's id of its check-in when that was offline too; else the open one.
    CheckOut {
        check_in_client_id: Option<String>,
    },
}

/// One record a phone kept while offline.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncItem {
    /// The phone's id for the record: re-uploads are recognised by it.
    pub client_id: String,
    /// `None`: neither a check-in nor a check-out.
    pub kind: Option<SyncKind>,
    /// When it happened, by the phone's clock.
    pub device_time: DateTime<Utc>,
}

/// What became of a record that was not rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// Applied: the check-in it made or closed.
    Accepted(Uuid),
    /// Received before; nothing changed.
    Duplicate(Uuid),
}

impl Synced {
    /// `accepted` or `duplicate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Synced::Accepted(_) => "accepted",
            Synced::Duplicate(_) => "duplicate",
        }
    }

    /// The check-in concerned.
    pub fn check_in_id(self) -> Uuid {
        match self {
            Synced::Accepted(id) | Synced::Duplicate(id) => id,
        }
    }
}

/// Applies a batch of offline records received at `received`, in device-time order
/// (check-ins before check-outs at the same instant) whatever order they came in. Each
/// record is applied or refused on its own (a refused one changes nothing); the outcomes
/// come back in the order sent.
pub async fn sync_check_ins(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    received: DateTime<Utc>,
    items: Vec<SyncItem>,
) -> Result<Vec<Result<Synced>>> {
    // Authorise.
    let person = participant(tx, caller).await?;
    // Validate.
    check_sync_batch(items.len())?;
    // Decide the order, then load, decide and store record by record.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        (
            items[i].device_time,
            !matches!(items[i].kind, Some(SyncKind::CheckIn(_))),
        )
    });
    let mut outcomes: Vec<Option<Result<Synced>>> = items.iter().map(|_| None).collect();
    for i in order {
        let item = &items[i];
        let outcome = tx
            .transaction::<_, Error, _>(async |t| apply(t, caller, person, item, received).await)
            .await;
        outcomes[i] = Some(outcome);
    }
    Ok(outcomes.into_iter().flatten().collect())
}

async fn apply(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    person: Uuid,
    item: &SyncItem,
    received: DateTime<Utc>,
) -> Result<Synced> {
    check_client_id(&item.client_id)?;
    if let Some(existing) = volunteering::by_client_id(tx, &item.client_id).await? {
        if existing.person_id != person {
            return Err(DomainError::field("client_id", "该编号已被使用 / id already used").into());
        }
        return Ok(Synced::Duplicate(existing.id));
    }
    check_device_time(item.device_time, received)?;
    match &item.kind {
        Some(SyncKind::CheckIn(presence)) => {
            let id = record_check_in(
                tx,
                caller,
                person,
                presence,
                item.device_time,
                Some(item.client_id.clone()),
            )
            .await?;
            Ok(Synced::Accepted(id))
        }
        Some(SyncKind::CheckOut { check_in_client_id }) => {
            let open = match check_in_client_id.as_deref() {
                Some(client) => volunteering::by_client_id(tx, client).await?,
                None => volunteering::open_check_in(tx, person).await?,
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
                tx,
                &caller.audit,
                &open,
                item.device_time,
                Some(&item.client_id),
                None,
            )
            .await
            .map_err(|e| match e {
                Error::Domain(DomainError::WrongState { .. }) => DomainError::WrongState {
                    code: "already_checked_out",
                    detail: "该签到已签退 / already checked out".into(),
                    allowed: vec![],
                }
                .into(),
                other => other,
            })?;
            Ok(Synced::Accepted(open.id))
        }
        None => Err(DomainError::field(
            "kind",
            "须为 check_in 或 check_out / must be check_in or check_out",
        )
        .into()),
    }
}
