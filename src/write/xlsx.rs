//! The review file as an Excel workbook, for reviewers who work in a
//! spreadsheet.
//!
//! In: review [`Row`]s, the two language codes and a creation time. Out: the
//! bytes of an `.xlsx` file with the CSV's columns, a frozen header row, an
//! autofilter, wrapped text, fixed column widths, rows coloured by
//! [`Tone`], and a drop-down of `ok`/`reject` in the status column. Each row
//! is as high as its longest wrapped text, since LibreOffice Calc shows one
//! line of a row whose height the file does not give; the sheet prints
//! landscape, one page wide, with the header on every page. Every
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

/// Column widths in characters, in the order of [`header`]. The id and
/// line columns are widened to their header by [`width`].
const WIDTHS: [f64; 11] = [6.0, 8.0, 8.0, 60.0, 60.0, 6.0, 11.0, 28.0, 24.0, 9.0, 30.0];

/// Room the autofilter's drop-down button takes in a header cell, in characters.
const FILTER_BUTTON: f64 = 3.0;

/// The height of one line of text in the default font (Calibri 11), in points.
const LINE_POINTS: f64 = 15.0;

/// The width of column `col` headed `name`: wide enough that the header
/// shows beside the filter button.
fn width(col: usize, name: &str) -> f64 {
    WIDTHS[col].max(name.chars().count() as f64 + FILTER_BUTTON)
}

/// Characters of running text that fit in a column per unit of its width
/// (the width of a digit). In LibreOffice with DejaVu Sans, one of the wider
/// fonts, a column of 60 holds about 75; taking 69 leaves slack for wider
/// fonts, so that no row is cut.
const CHARS_PER_UNIT: f64 = 1.15;

/// How many lines `text` takes wrapped at word boundaries in a column
/// `width` characters wide.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = ((width - 1.0) * CHARS_PER_UNIT).max(1.0) as usize;
    text.split('\n')
        .map(|paragraph| {
            let (mut lines, mut used) = (1, 0);
            for word in paragraph.split(' ') {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > room {
                    lines += 1;
                    used = 0;
                }
                used += if used > 0 { 1 + len } else { len };
                // A word longer than the column breaks anywhere.
                while used > room {
                    lines += 1;
                    used -= room;
                }
            }
            lines
        })
        .sum()
}

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
    let names = header(left, right);
    let widths: Vec<f64> = names.iter().enumerate().map(|(c, n)| width(c, n)).collect();
    for (col, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &head)?;
        sheet.set_column_width(col as u16, widths[col])?;
    }
    for (k, row) in rows.iter().enumerate() {
        write_row(sheet, k as u32 + 1, row, &widths)?;
    }
    let last = rows.len() as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.autofilter(0, 0, last, WIDTHS.len() as u16 - 1)?;
    if last > 0 {
        let status = DataValidation::new()
            .allow_list_strings(&["ok", "reject"])?
            .set_input_message("ok: the pair is right; reject: it is not; empty: not reviewed")?;
        sheet.add_data_validation(1, 9, last, 9, &status)?;
    }
    workbook.save_to_buffer()
}

fn write_row(sheet: &mut Worksheet, r: u32, row: &Row, widths: &[f64]) -> Result<(), XlsxError> {
    let text = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Tone::of(row).background());
    // Centred, so that it does not run into the anchors beside it.
    let number = text
        .clone()
        .set_num_format("0.00")
        .set_align(FormatAlign::Center);
    // Left, as the line numbers beside it are: a right-aligned id ran into them.
    let id = text.clone().set_align(FormatAlign::Left);
    let flags: Vec<String> = row.flags.iter().map(ToString::to_string).collect();
    let cells = [
        line_numbers(&row.bead.left),
        line_numbers(&row.bead.right),
        row.left_text.clone(),
        row.right_text.clone(),
        row.bead.kind(),
    ];
    let (anchors, flags) = (row.anchors.join("; "), flags.join("; "));
    sheet.write_number_with_format(r, 0, row.id as f64, &id)?;
    for (k, cell) in cells.iter().enumerate() {
        sheet.write_string_with_format(r, k as u16 + 1, cell, &text)?;
    }
    // Rounded as the CSV shows it, so both files say the same.
    let confidence = (row.confidence * 100.0).round() / 100.0;
    sheet.write_number_with_format(r, 6, confidence, &number)?;
    sheet.write_string_with_format(r, 7, &anchors, &text)?;
    sheet.write_string_with_format(r, 8, &flags, &text)?;
    let lines = [
        (&row.left_text, 3),
        (&row.right_text, 4),
        (&anchors, 7),
        (&flags, 8),
    ]
    .iter()
    .map(|&(cell, col)| wrapped_lines(cell, widths[col]))
    .max()
    .unwrap_or(1);
    sheet.set_row_height(r, lines as f64 * LINE_POINTS)?;
    sheet.write_blank(r, 9, &text)?;
    sheet.write_blank(r, 10, &text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_words_wrap() {
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("kurz", 10.0), 1);
        // "eins zwei" fills 9 characters of 10; "drei" goes on.
        assert_eq!(wrapped_lines("eins zwei drei", 10.0), 2);
        assert_eq!(wrapped_lines("eins\nzwei", 60.0), 2);
        // A compound longer than the column breaks inside.
        assert_eq!(wrapped_lines("Donaudampfschifffahrtsgesellschaft", 10.0), 4);
        assert_eq!(wrapped_lines(&"wort ".repeat(40), 61.0), 3);
    }

    #[test]
    fn id_and_line_columns_are_as_wide_as_their_header() {
        assert_eq!(width(0, "id"), 6.0);
        assert_eq!(width(1, "de-DE_lines"), 14.0);
        assert_eq!(width(3, "de"), 60.0);
    }
}
