//! The bilingual review CSV: one row per bead, a header row, and cells that
//! a spreadsheet will not run as formulas.

use crate::review::Row;
use crate::Error;

/// How to write the CSV.
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    /// Leave cells as they are, even those a spreadsheet would run as formulas.
    pub raw: bool,
    /// A UTF-8 byte-order mark and CRLF line ends, for Excel.
    pub excel: bool,
}

/// The column names, with the language codes in place of `left` and `right`.
pub fn header(left: &str, right: &str) -> Vec<String> {
    [
        "id".to_string(),
        format!("{left}_lines"),
        format!("{right}_lines"),
        left.to_string(),
        right.to_string(),
        "type".into(),
        "confidence".into(),
        "anchors".into(),
        "flags".into(),
        "status".into(),
        "comment".into(),
    ]
    .to_vec()
}

/// 1-based line numbers of a side: `3`, `3-4`, or empty.
pub fn line_numbers(r: &std::ops::Range<usize>) -> String {
    match r.len() {
        0 => String::new(),
        1 => (r.start + 1).to_string(),
        _ => format!("{}-{}", r.start + 1, r.end),
    }
}

/// Makes a cell safe from formula evaluation: a cell that starts with `=`,
/// `+`, `-`, `@`, tab or CR gets a leading apostrophe, which spreadsheets
/// show as text and do not run.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Writes the rows as CSV bytes.
pub fn to_csv(
    rows: &[Row],
    left: &str,
    right: &str,
    options: &CsvOptions,
) -> Result<Vec<u8>, Error> {
    let cell = |s: String| if options.raw { s } else { neutralise(&s) };
    let records = rows.iter().map(|row| {
        let flags: Vec<String> = row.flags.iter().map(ToString::to_string).collect();
        [
            row.id.to_string(),
            line_numbers(&row.bead.left),
            line_numbers(&row.bead.right),
            cell(row.left_text.clone()),
            cell(row.right_text.clone()),
            row.bead.kind(),
            format!("{:.2}", row.confidence),
            cell(row.anchors.join("; ")),
            cell(flags.join("; ")),
            String::new(),
            String::new(),
        ]
    });
    write_table(left, right, options.excel, records)
}

/// Writes a review table: the header for the two language codes, then one
/// record a row, in the column order of [`header`]. Cells are written as
/// given; neutralising them is the caller's choice.
pub fn write_table(
    left: &str,
    right: &str,
    excel: bool,
    records: impl IntoIterator<Item = [String; 11]>,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let terminator = if excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(&mut out);
    let fail = |e: csv::Error| Error::Usage(format!("writing CSV: {e}"));
    writer.write_record(header(left, right)).map_err(fail)?;
    for record in records {
        writer.write_record(&record).map_err(fail)?;
    }
    writer.flush().map_err(|e| Error::io("CSV", e))?;
    drop(writer);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("-3 Grad"), "'-3 Grad");
        assert_eq!(neutralise("Hallo"), "Hallo");
    }

    #[test]
    fn line_numbers_are_one_based() {
        assert_eq!(line_numbers(&(2..3)), "3");
        assert_eq!(line_numbers(&(2..4)), "3-4");
        assert_eq!(line_numbers(&(2..2)), "");
    }
}
