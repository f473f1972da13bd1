//! Reading the CSV files people upload (cash journals, assessments, bank return files):
//! UTF-8 with or without a byte-order mark, Chinese or English headers, every problem
//! reported by row and column.

use crate::public_revenue::RowError;

/// A file opened for reading rows, with where each expected column is.
pub struct Table<'a> {
    pub reader: csv::Reader<&'a [u8]>,
    /// For each expected column, its index in the file (`None`: an optional column missing).
    pub position: Vec<Option<usize>>,
}

/// Opens `data` and finds the `columns` (Chinese header, English header) in its header row.
/// Every required column that is missing is an error of row 1; columns whose index is in
/// `optional` may be absent.
pub fn open<'a>(
    data: &'a [u8],
    columns: &[(&str, &str)],
    optional: &[usize],
) -> Result<Table<'a>, Vec<RowError>> {
    let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    // PostgreSQL refuses U+0000 in text, so a cell holding one could never be stored;
    // refuse the file up front, naming the row (counted by line breaks) it sits in.
    if let Some(at) = data.iter().position(|&b| b == 0) {
        let row = 1 + data[..at].iter().filter(|&&b| b == b'\n').count();
        return Err(vec![RowError {
            row,
            column: String::new(),
            message: "此行含有 NUL 字符（\\0），请检查文件 / this row contains a NUL character"
                .into(),
        }]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data);
    let headers = reader.headers().cloned().map_err(|_| {
        vec![RowError {
            row: 1,
            column: String::new(),
            message:
                "无法读取表头，请使用 UTF-8 编码的 CSV / the header cannot be read; use UTF-8 CSV"
                    .into(),
        }]
    })?;
    let position: Vec<Option<usize>> = columns
        .iter()
        .map(|(zh, en)| headers.iter().position(|h| h == *zh || h == *en))
        .collect();
    let errors: Vec<RowError> = columns
        .iter()
        .zip(&position)
        .enumerate()
        .filter(|(i, (_, p))| p.is_none() && !optional.contains(i))
        .map(|(_, ((zh, en), _))| RowError {
            row: 1,
            column: (*zh).to_owned(),
            message: format!("缺少列 {zh} / missing column {en}"),
        })
        .collect();
    if errors.is_empty() {
        Ok(Table { reader, position })
    } else {
        Err(errors)
    }
}
