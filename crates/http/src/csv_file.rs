//! CSV downloads: UTF-8 with a byte-order mark so spreadsheet programs on Chinese Windows
//! open them correctly, and every cell a spreadsheet would run as a formula made inert.

use actix_web::{HttpResponse, http::header};

use crate::error::{ApiError, ApiResult};

/// The name a download is saved under: an ASCII name for every client, and a Chinese one
/// (RFC 6266 `filename*`) for those that read it.
#[derive(Debug, Clone)]
pub struct FileName {
    ascii: String,
    utf8: Option<String>,
}

impl FileName {
    /// `ascii` for old clients, `utf8` for the rest.
    pub fn new(ascii: impl Into<String>, utf8: impl Into<String>) -> Self {
        FileName {
            ascii: ascii.into(),
            utf8: Some(utf8.into()),
        }
    }

    fn disposition(&self) -> String {
        match &self.utf8 {
            None => format!("attachment; filename=\"{}\"", self.ascii),
            Some(utf8) => format!(
                "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                self.ascii,
                percent_encode(utf8)
            ),
        }
    }
}

impl From<&str> for FileName {
    fn from(ascii: &str) -> Self {
        FileName {
            ascii: ascii.to_owned(),
            utf8: None,
        }
    }
}

impl From<&String> for FileName {
    fn from(ascii: &String) -> Self {
        FileName::from(ascii.as_str())
    }
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `cell` as a spreadsheet will show it but never run it: text that starts like a formula
/// (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`. Numbers, negative
/// ones included, stay numbers.
pub fn inert(cell: String) -> String {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && !is_number(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A CSV attachment saved as `name`, with a header row and the rows.
pub fn attachment(
    name: impl Into<FileName>,
    header_row: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> ApiResult<HttpResponse> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    writer
        .write_record(header_row)
        .map_err(|e| ApiError::internal(&e))?;
    for row in rows {
        writer
            .write_record(row.into_iter().map(inert))
            .map_err(|e| ApiError::internal(&e))?;
    }
    let body = writer.into_inner().map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, name.into().disposition()))
        .body(body))
}

/// Whether the caller asked for `format=csv`.
pub fn wanted(format: Option<&str>) -> ApiResult<bool> {
    match format {
        None | Some("json") => Ok(false),
        Some("csv") => Ok(true),
        Some(_) => Err(linli_domain::DomainError::field(
            "format",
            "须为 json 或 csv / must be json or csv",
        )
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert_and_numbers_stay_numbers() {
        for (cell, shown) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\r=1", "'\r=1"),
            ("-12.50", "-12.50"),
            ("+86", "+86"),
            ("卫技新村", "卫技新村"),
            ("", ""),
            ("-", "'-"),
            ("1.", "1."),
        ] {
            assert_eq!(inert(cell.to_owned()), shown, "{cell:?}");
        }
    }

    #[test]
    fn chinese_names_are_percent_encoded() {
        assert_eq!(
            FileName::new("compounds.csv", "小区.csv").disposition(),
            "attachment; filename=\"compounds.csv\"; filename*=UTF-8''%E5%B0%8F%E5%8C%BA.csv"
        );
    }
}
