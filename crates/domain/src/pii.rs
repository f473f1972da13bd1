//! Personal data (PIPL): how phone and ID numbers look to those who need not see them.

/// Masks a phone number, keeping the first three and last four digits:
/// `13812345678` -> `138****5678`. Short numbers keep only their last two digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    if n >= 11 {
        let head: String = chars[..n - 8].iter().collect();
        let tail: String = chars[n - 4..].iter().collect();
        format!("{head}****{tail}")
    } else if n > 2 {
        let tail: String = chars[n - 2..].iter().collect();
        format!("{}{tail}", "*".repeat(n - 2))
    } else {
        "*".repeat(n)
    }
}

/// Masks a resident identity card number, keeping the first and last character:
/// `430111199001011234` -> `4****************4`.
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    match chars.len() {
        0 => String::new(),
        1 | 2 => "*".repeat(chars.len()),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

/// Characters allowed in a reason for unmasking (and its bounds).
pub const UNMASK_REASON_MIN_CHARS: usize = 4;
/// The longest reason for unmasking accepted.
pub const UNMASK_REASON_MAX_CHARS: usize = 200;

/// The reason given for unmasking, trimmed; a field error on `reason` when it is too short or
/// too long to say why.
pub fn check_unmask_reason(reason: &str) -> Result<&str, crate::DomainError> {
    let reason = reason.trim();
    if (UNMASK_REASON_MIN_CHARS..=UNMASK_REASON_MAX_CHARS).contains(&reason.chars().count()) {
        Ok(reason)
    } else {
        Err(crate::DomainError::field(
            "reason",
            format!(
                "请说明查看原因（{UNMASK_REASON_MIN_CHARS} 到 {UNMASK_REASON_MAX_CHARS} 个字）/ give a reason of {UNMASK_REASON_MIN_CHARS} to {UNMASK_REASON_MAX_CHARS} characters"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_three_and_four_digits() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("+8613812345678"), "+86138****5678");
        assert_eq!(mask_phone("12345"), "***45");
        assert!(!mask_phone("13812345678").contains("1234567"));
    }

    #[test]
    fn id_numbers_keep_only_their_ends() {
        assert_eq!(mask_id_number("430111199001011234"), "4****************4");
        assert_eq!(mask_id_number("ab"), "**");
    }
}
