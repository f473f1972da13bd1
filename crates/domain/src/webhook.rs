//! Events and webhooks: the event catalogue, subscription patterns, the retry schedule
//! and which target addresses a webhook may never reach.

use std::net::IpAddr;

/// Every event type Linli emits, `<module>.<verb>`. Later modules add theirs here.
pub const EVENT_TYPES: &[&str] = &[
    "action_item.updated",
    "activity.cancelled",
    "activity.created",
    "activity.signed_up",
    "activity.signup_cancelled",
    "allowance_programme.created",
    "allowance_programme.updated",
    "area.created",
    "area.updated",
    "assessment.created",
    "assessment.imported",
    "assessment.updated",
    "audit_campaign.created",
    "audit_campaign.updated",
    "bank_account.updated",
    "centre.created",
    "centre.updated",
    "check_in.auto_closed",
    "check_in.checked_out",
    "check_in.recorded",
    "check_in.verified",
    "complaint.attachment_added",
    "complaint.created",
    "complaint.extension_requested",
    "complaint.overdue",
    "complaint.status_changed",
    "complaint_category.updated",
    "compound.created",
    "compound.updated",
    "contract.created",
    "contract.updated",
    "disclosure.published",
    "engagement.created",
    "engagement.status_changed",
    "engagement.updated",
    "finding.closed",
    "finding.opened",
    "finding.overdue",
    "ledger_account.created",
    "ledger_entry.posted",
    "ledger_entry.reversed",
    "ledger_import.posted",
    "ledger_period.closed",
    "ledger_voucher.attached",
    "meeting.amended",
    "meeting.created",
    "meeting.finalised",
    "meeting.updated",
    "organisation.created",
    "organisation.updated",
    "payment.failed",
    "payment.held",
    "payment.released",
    "payment_cycle.approved",
    "payment_cycle.bank_file_exported",
    "payment_cycle.closed",
    "payment_cycle.created",
    "payment_cycle.disbursed",
    "payment_cycle.generated",
    "payment_cycle.reconciled",
    "payment_cycle.returned",
    "payment_cycle.submitted",
    "person.created",
    "person.updated",
    "post.created",
    "post.updated",
    "rectification.completed",
    "rectification.created",
    "rectification.rejected",
    "rectification.verified",
    "report.requested",
    "report.status_changed",
    "service_certificate.issued",
    "team.member_removed",
    "team.member_set",
];

/// The modules of the catalogue (`compound`, `area`, ...).
pub fn modules() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = EVENT_TYPES
        .iter()
        .filter_map(|t| t.split_once('.').map(|(m, _)| m))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A subscription pattern: an exact type, `<module>.*` or `*`.
pub fn is_valid_pattern(pattern: &str) -> bool {
    pattern == "*"
        || EVENT_TYPES.contains(&pattern)
        || pattern
            .strip_suffix(".*")
            .is_some_and(|module| modules().contains(&module))
}

/// Whether an event type matches a pattern.
pub fn pattern_matches(pattern: &str, event_type: &str) -> bool {
    pattern == "*"
        || pattern == event_type
        || pattern
            .strip_suffix('*')
            .is_some_and(|prefix| prefix.ends_with('.') && event_type.starts_with(prefix))
}

/// Waits before each retry after a failed attempt: quick at first, then spreading out
/// over about three days (70 h 43 m in all), as Stripe and Svix do.
pub const RETRY_SCHEDULE_SECS: [i64; 11] = [
    5,      // 5 s
    30,     // 30 s
    120,    // 2 min
    600,    // 10 min
    1800,   // 30 min
    3600,   // 1 h
    10_800, // 3 h
    21_600, // 6 h
    43_200, // 12 h
    86_400, // 24 h
    86_400, // 24 h
];

/// Seconds to wait after failed attempt number `attempt` (1-based), with `jitter` in
/// `[0, 1)` spreading it ±20 % so receivers recovering from an outage are not hit by every
/// retry at once; `None` once the schedule is spent (the delivery is given up).
pub fn retry_delay_secs(attempt: i32, jitter: f64) -> Option<i64> {
    let base = *RETRY_SCHEDULE_SECS.get(usize::try_from(attempt).ok()?.checked_sub(1)?)?;
    let factor = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
    Some(((base as f64) * factor).round().max(1.0) as i64)
}

/// Addresses a webhook must never reach unless explicitly allowed: loopback, private,
/// link-local, site-local, shared, unspecified, multicast, documentation and other reserved
/// ranges, and the IPv6 prefixes that carry an IPv4 address to a translator (NAT64, 6to4)
/// (the usual server-side request forgery targets, such as cloud metadata services).
pub fn is_internal_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1])) // shared address space
                || (o[0] == 198 && (o[1] == 18 || o[1] == 19)) // benchmarking
                || o[0] >= 240 // reserved
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated, still routed by some)
                || (s[0] == 0x64 && s[1] == 0xff9b) // NAT64 (64:ff9b::/96 and 64:ff9b:1::/48)
                || s[0] == 0x2002 // 6to4: an IPv4 address inside
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal_address(IpAddr::V4(v4)))
        }
    }
}

/// The OpenAPI schema of an event type: a string, one of [`EVENT_TYPES`] (named `EventType`).
#[cfg(feature = "openapi")]
pub struct EventTypeSchema;

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for EventTypeSchema {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .description(Some("Every event type (see docs/EVENTS.md)."))
            .enum_values(Some(EVENT_TYPES.iter().copied()))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for EventTypeSchema {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("EventType")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(is_valid_pattern("compound.*"));
        assert!(is_valid_pattern("compound.updated"));
        assert!(is_valid_pattern("*"));
        assert!(!is_valid_pattern("compound.deleted"));
        assert!(!is_valid_pattern("nothing.*"));
        assert!(pattern_matches("compound.*", "compound.updated"));
        assert!(!pattern_matches("compound.*", "area.updated"));
        assert!(!pattern_matches("comp*", "compound.updated"));
        assert!(pattern_matches("*", "area.created"));
    }

    #[test]
    fn the_schedule_spans_about_three_days_then_gives_up() {
        let total: i64 = (1..=11).filter_map(|a| retry_delay_secs(a, 0.5)).sum();
        assert_eq!(total, 254_555);
        assert!((70 * 3600..=74 * 3600).contains(&total));
        assert_eq!(retry_delay_secs(12, 0.5), None);
        assert_eq!(retry_delay_secs(0, 0.5), None);
        assert_eq!(retry_delay_secs(1, 0.0), Some(4));
        assert_eq!(retry_delay_secs(1, 0.999), Some(6));
    }

    #[test]
    fn internal_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "64:ff9b:1::a00:1",
            "2002:7f00:1::1",
            "fec0::1",
            "2001:db8::1",
        ] {
            assert!(
                is_internal_address(ip.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]))),
                "{ip}"
            );
        }
        for ip in ["8.8.8.8", "220.181.38.148", "2400:3200::1"] {
            assert!(
                !is_internal_address(ip.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]))),
                "{ip}"
            );
        }
    }
}
