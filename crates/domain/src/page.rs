//! Pagination limits shared by every list.

/// Items per page when the client does not ask.
pub const DEFAULT_LIMIT: i64 = 20;
/// The most items one page may hold.
pub const MAX_LIMIT: i64 = 100;

/// Clamps a requested page size into `1..=MAX_LIMIT`, defaulting when absent.
pub fn clamp_limit(requested: Option<i64>) -> i64 {
    requested.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped() {
        assert_eq!(clamp_limit(None), DEFAULT_LIMIT);
        assert_eq!(clamp_limit(Some(0)), 1);
        assert_eq!(clamp_limit(Some(1000)), MAX_LIMIT);
        assert_eq!(clamp_limit(Some(7)), 7);
    }
}
