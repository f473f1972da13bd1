//! Users: the people who sign in.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::policy::Grant;

/// A user as the rest of the system sees them (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub is_active: bool,
    /// Bumped whenever a password, role or grant changes; tokens carry it, so older
    /// access tokens stop working at once.
    pub token_version: i32,
}

/// A user together with what they may do where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWithGrants {
    pub user: User,
    pub grants: Vec<Grant>,
}

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted (argon2 would take anything; this bounds the work).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Checks a new password: length bounds, and not the username.
pub fn check_password(username: &str, password: &str) -> Result<(), crate::DomainError> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return Err(crate::DomainError::field(
            "password",
            format!(
                "密码须为 {MIN_PASSWORD_CHARS} 到 {MAX_PASSWORD_CHARS} 个字符 / the password must be {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"
            ),
        ));
    }
    if password.eq_ignore_ascii_case(username) {
        return Err(crate::DomainError::field(
            "password",
            "密码不能与用户名相同 / the password must differ from the username",
        ));
    }
    Ok(())
}

/// Fields of a user an administrator sets.
#[derive(Debug, Clone, validator::Validate)]
pub struct UserProfile {
    #[validate(length(
        min = 1,
        max = 100,
        message = "姓名须为 1 到 100 个字符 / display name must be 1 to 100 characters"
    ))]
    pub display_name: String,
    #[validate(custom(function = "valid_phone"))]
    pub phone: Option<String>,
    pub is_active: bool,
}

/// Checks a username: 2 to 64 lower-case letters, digits, `.`, `_` or `-`, starting with a
/// letter or digit.
pub fn check_username(username: &str) -> Result<(), crate::DomainError> {
    let ok = (2..=64).contains(&username.len())
        && username
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(crate::DomainError::field(
            "username",
            "用户名须为 2 到 64 个小写字母、数字或 . _ - / username must be 2 to 64 lower-case letters, digits, '.', '_' or '-'",
        ))
    }
}

fn valid_phone(phone: &str) -> Result<(), validator::ValidationError> {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    if (5..=20).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("phone").with_message(
            "电话号码须为 5 到 20 位数字，可带 + 号 / phone must be 5 to 20 digits, optionally with a leading +".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_passwords() {
        assert!(check_username("weiji.resident").is_ok());
        assert!(check_username("Admin").is_err());
        assert!(check_username("-x").is_err());
        assert!(check_password("admin", "short").is_err());
        assert!(check_password("administrator", "Administrator").is_err());
        assert!(check_password("admin", "a long enough pass").is_ok());
    }

    #[test]
    fn phones_are_digits() {
        let mut p = UserProfile {
            display_name: "张三".into(),
            phone: Some("13812345678".into()),
            is_active: true,
        };
        assert!(crate::error::validate(&p).is_ok());
        p.phone = Some("138-1234".into());
        assert!(crate::error::validate(&p).is_err());
    }
}
