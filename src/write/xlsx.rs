//! The review file as an Excel workbook, for reviewers who work in a
//! spreadsheet.
//!
//! In: review [`Row`]s, the two language codes and a creation time. Out: the
//! bytes of an `.xlsx` file with the CSV's columns, a frozen header row, an
//! autofilter, wrapped text, fixed column widths, rows coloured by
//! [`Tone`], and a drop-down of `ok`/`reject` in the status column. Every
//! text is stored as a string cell, so nothing a sentence says is ever run as
//! a formula, and no apostrophe is needed; the row number and the
//! confidence are numbers, so they sort and filter as numbers.

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use crate::review::Row;
use crate::write::csv::{header, line_numbers};
use crate::write::tone::Tone;
use crate::Error;

/// Column widths in characters, in the order of [`header`].
const WIDTHS: [f64; 11] = [5.0, 8.0, 8.0, 60.0, 60.0, 6.0, 11.0, 28.0, 24.0, 9.0, 30.0];

/// Writes the rows as an XLSX workbook; `created` (seconds since 1970, UTC)
/// becomes the document's creation time, so the same input gives the same
/// bytes.
pub fn to_xlsx(rows: &[Row], left: &str, right: &str, created: i64) -> Result<Vec<u8>, Error> {
    build(rows, left, right, created).map_err(|e| Error::Usage(format!("writing XLSX: {e}")))
}

fn build(rows: &[Row], left: &str, right: &str, created: i64) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("tralign {left}-{right}"))
            .set_creation_datetime(&ExcelDateTime::from_timestamp(created)?),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("alignment")?;
    let head = Format::new()
        .set_bold()
        .set_background_color(0xDDDDDD)
        .set_border_bottom(FormatBorder::Thin);
    for (col, name) in header(left, right).iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &head)?;
        sheet.set_column_width(col as u16, WIDTHS[col])?;
    }
    for (k, row) in rows.iter().enumerate() {
        write_row(sheet, k as u32 + 1, row)?;
    }
    let last = rows.len() as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last, WIDTHS.len() as u16 - 1)?;
    if last > 0 {
        let status = DataValidation::new()
            .allow_list_strings(&["ok", "reject"])?
            .set_input_message("ok: the pair is right; reject: it is not; empty: not reviewed")?;
        sheet.add_data_validation(1, 9, last, 9, &status)?;
    }
    workbook.save_to_buffer()
}

fn write_row(sheet: &mut Worksheet, r: u32, row: &Row) -> Result<(), XlsxError> {
    let text = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Tone::of(row).background());
    let number = text.clone().set_num_format("0.00");
    let flags: Vec<String> = row.flags.iter().map(ToString::to_string).collect();
    let cells = [
        line_numbers(&row.bead.left),
        line_numbers(&row.bead.right),
        row.left_text.clone(),
        row.right_text.clone(),
        row.bead.kind(),
    ];
    sheet.write_number_with_format(r, 0, row.id as f64, &text)?;
    for (k, cell) in cells.iter().enumerate() {
        sheet.write_string_with_format(r, k as u16 + 1, cell, &text)?;
    }
    // Rounded as the CSV shows it, so both files say the same.
    let confidence = (row.confidence * 100.0).round() / 100.0;
    sheet.write_number_with_format(r, 6, confidence, &number)?;
    sheet.write_string_with_format(r, 7, row.anchors.join("; "), &text)?;
    sheet.write_string_with_format(r, 8, flags.join("; "), &text)?;
    sheet.write_blank(r, 9, &text)?;
    sheet.write_blank(r, 10, &text)?;
    Ok(())
}
