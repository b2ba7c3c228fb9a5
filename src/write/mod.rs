//! Writing: review rows into bytes, one module a format.
//!
//! In: [`Row`]s, the language codes and, for some formats, the
//! [`Document`](crate::Document)s. Out: a CSV for spreadsheets ([`csv`]), an
//! Excel workbook ([`xlsx`]), a TMX translation memory ([`tmx`]), JSON for
//! pipelines ([`json`]), a side-by-side HTML report ([`html`]) or the ladder
//! format of gold files ([`ladder`]). [`sink`] puts the bytes in place.

pub mod csv;
pub mod escape;
pub mod html;
pub mod json;
pub mod ladder;
pub mod sink;
pub mod tmx;
pub mod tone;
pub mod xlsx;

use crate::review::Row;

/// Keeps the rows whose confidence, rounded to two places as the files show
/// it, is at least `min`, so that a row shown as 0.50 passes a minimum of 0.5.
pub fn keep_confident(rows: &mut Vec<Row>, min: f64) {
    rows.retain(|r| (r.confidence * 100.0).round() / 100.0 >= min);
}
