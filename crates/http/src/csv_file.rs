//! CSV downloads: UTF-8 with a byte-order mark so spreadsheet programs on Chinese Windows
//! open them correctly.

use actix_web::{HttpResponse, http::header};

use crate::error::{ApiError, ApiResult};

/// A CSV attachment named `file_name` (ASCII) with a header row and the rows.
pub fn attachment(
    file_name: &str,
    header_row: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> ApiResult<HttpResponse> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    writer
        .write_record(header_row)
        .map_err(|e| ApiError::internal(&e))?;
    for row in rows {
        writer
            .write_record(&row)
            .map_err(|e| ApiError::internal(&e))?;
    }
    let body = writer.into_inner().map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
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
