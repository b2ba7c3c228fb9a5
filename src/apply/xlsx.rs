//! A reviewed workbook: the XLSX that `align --format xlsx` wrote, as a
//! spreadsheet saved it after review.
//!
//! In: the bytes of an `.xlsx` file. Out: the same table as CSV bytes, so
//! that one reader ([`super::read_review`]) judges every cell of either
//! kind of file alike and names the same rows and columns. The sheet named
//! `alignment` is read, or else the first. Texts are neutralised on the way
//! as the CSV writer does, so that a text starting with `=` comes back as
//! it was.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::write::csv::neutralise;
use crate::Error;

/// Whether `bytes` look like a workbook: a ZIP archive, as XLSX files are.
pub(super) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The reviewed sheet of the workbook `bytes` as CSV; `name` is used in errors.
pub(super) fn as_csv(name: &str, bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let unreadable =
        |e: calamine::XlsxError| Error::input(name, format!("not a readable XLSX workbook: {e}"));
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let sheet = names
        .iter()
        .find(|n| n.as_str() == "alignment")
        .or(names.first())
        .ok_or_else(|| Error::input(name, "the workbook has no sheet"))?
        .clone();
    let range = book.worksheet_range(&sheet).map_err(unreadable)?;
    if range.start().is_some_and(|(row, _)| row > 0) {
        return Err(Error::input(
            name,
            format!("sheet {sheet}: the header must be in row 1, as tralign wrote it"),
        ));
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        let cells = row.iter().map(|cell| match cell {
            Data::String(s) => neutralise(s),
            // A number the reviewer typed, or the id and confidence tralign
            // wrote: 12 and 0.85, as a CSV has them.
            other => other.to_string(),
        });
        out.write_record(cells)
            .map_err(|e| Error::input(name, e.to_string()))?;
    }
    out.into_inner()
        .map_err(|e| Error::input(name, e.to_string()))
}
