//! The ids of the aggregates, one type each, so an id of one kind cannot be passed where
//! another is wanted: a person's id is no compound's.
//!
//! ```compile_fail
//! use linli_domain::ids::{CompoundId, PersonId};
//!
//! fn compound_name(_compound: CompoundId) {}
//!
//! let person = PersonId::new(uuid::Uuid::nil());
//! compound_name(person); // expected `CompoundId`, found `PersonId`
//! ```
//!
//! Each is a `Uuid` inside: JSON and URL path segments carry the plain uuid string
//! (`#[serde(transparent)]`), and the storage layer, which keeps `Uuid` in its rows, converts
//! at its boundary with [`uuid`](CompoundId::uuid) and `From<Uuid>`.

/// Declares an id type: a `Uuid` that only stands for one kind of thing.
///
/// ```
/// linli_domain::id_type! {
///     /// A widget's id.
///     pub struct WidgetId;
/// }
/// let raw = uuid::Uuid::from_u128(7);
/// let id = WidgetId::new(raw);
/// assert_eq!(id.uuid(), raw);
/// assert_eq!(WidgetId::from(raw), id);
/// assert_eq!(uuid::Uuid::from(id), raw);
/// assert_eq!(id.to_string(), raw.to_string());
/// assert_eq!(raw.to_string().parse::<WidgetId>().ok(), Some(id));
/// ```
///
/// Generates the struct (Copy, Eq, Ord, Hash, Debug, serde transparent), `new`, `uuid`,
/// `From<Uuid>` both ways, `Display` and `FromStr` (the uuid's own text).
#[macro_export]
macro_rules! id_type {
    ( $( $(#[$meta:meta])* $vis:vis struct $name:ident; )+ ) => {
        $(
            $(#[$meta])*
            #[derive(
                Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug,
                ::serde::Serialize, ::serde::Deserialize,
            )]
            #[serde(transparent)]
            $vis struct $name(::uuid::Uuid);

            impl $name {
                /// The id of this kind that `uuid` is.
                pub const fn new(uuid: ::uuid::Uuid) -> Self {
                    Self(uuid)
                }

                /// The bare uuid, for storage and transport.
                pub const fn uuid(self) -> ::uuid::Uuid {
                    self.0
                }
            }

            impl ::core::convert::From<::uuid::Uuid> for $name {
                fn from(uuid: ::uuid::Uuid) -> Self {
                    Self(uuid)
                }
            }

            impl ::core::convert::From<$name> for ::uuid::Uuid {
                fn from(id: $name) -> Self {
                    id.0
                }
            }

            impl ::core::fmt::Display for $name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(&self.0, f)
                }
            }

            impl ::core::str::FromStr for $name {
                type Err = ::uuid::Error;

                fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::uuid::Uuid::parse_str(text).map(Self)
                }
            }
        )+
    };
}

id_type! {
    /// An area (街道, 社区, …) of the district's tree (`areas`).
    pub struct AreaId;
    /// A compound (小区) (`compounds`).
    pub struct CompoundId;
    /// An organisation: a committee, a company, a volunteer team (`organisations`).
    pub struct OrganisationId;
    /// A person of the register (`people`).
    pub struct PersonId;
    /// A staff or resident account (`users`).
    pub struct UserId;
    /// A service contract (`service_contracts`).
    pub struct ContractId;
    /// A complaint (诉求) (`complaints`).
    pub struct ComplaintId;
    /// A photo or file of a complaint (`complaint_attachments`).
    pub struct AttachmentId;
    /// A request to extend a complaint's deadline (`complaint_extensions`).
    pub struct ExtensionId;
    /// A joint meeting (`joint_meetings`).
    pub struct MeetingId;
    /// An action item of a meeting (`action_items`).
    pub struct ActionItemId;
    /// A neighbourhood centre (`neighbourhood_centres`).
    pub struct CentreId;
    /// A post (岗位) (`posts`).
    pub struct PostId;
    /// A volunteering activity (`activities`).
    pub struct ActivityId;
    /// A check-in at an activity (`check_ins`).
    pub struct CheckInId;
    /// A volunteer's report (`reports`).
    pub struct ReportId;
    /// An allowance programme (`allowance_programmes`).
    pub struct ProgrammeId;
    /// An assessment of a post holder (`assessments`).
    pub struct AssessmentId;
    /// A payment cycle (`payment_cycles`).
    pub struct PaymentCycleId;
    /// A payment of a cycle (`payments`).
    pub struct PaymentId;
    /// An account of a compound's ledger (`ledger_accounts`).
    pub struct LedgerAccountId;
    /// An entry of a compound's ledger (`ledger_entries`).
    pub struct LedgerEntryId;
    /// A voucher (凭证) attached to a ledger entry (`ledger_vouchers`).
    pub struct VoucherId;
    /// A disclosure of a compound's public revenue (`disclosures`).
    pub struct DisclosureId;
    /// A special audit campaign (`audit_campaigns`).
    pub struct AuditCampaignId;
    /// An engagement of a firm in a campaign (`audit_engagements`).
    pub struct EngagementId;
    /// A finding of an engagement (`audit_findings`).
    pub struct FindingId;
    /// A rectification of a finding (`rectifications`).
    pub struct RectificationId;
    /// An API key (`api_keys`).
    pub struct ApiKeyId;
    /// A webhook subscription (`webhook_subscriptions`).
    pub struct WebhookSubscriptionId;
}

impl CompoundId {
    /// The compound's node in the area tree: a compound is an area, under the same id.
    pub const fn area(self) -> AreaId {
        AreaId(self.0)
    }
}

impl AreaId {
    /// The compound this area node is, for an area known to be one (the reader of the
    /// compound checks that it is).
    pub const fn as_compound(self) -> CompoundId {
        CompoundId(self.0)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::{IntoDeserializer, value::Error};

    use super::*;

    #[test]
    fn reads_the_plain_uuid_string() {
        let raw = uuid::Uuid::from_u128(42);
        let text = raw.to_string();
        let id = ComplaintId::deserialize(text.as_str().into_deserializer())
            .map_err(|e: Error| e.to_string());
        assert_eq!(id, Ok(ComplaintId::new(raw)));
        assert!("not a uuid".parse::<ComplaintId>().is_err());
    }
}
