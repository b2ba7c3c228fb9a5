//! What the fuzz targets share: a German-English pair aligned and reviewed.
#![allow(dead_code)] // each target uses its own part of this

use tralign::review::{review, Row};
use tralign::{align_documents, AlignOptions, Alignment, Document, Lang};

/// Two texts as documents (de left, en right), their alignment and its
/// review rows.
pub fn reviewed(
    presplit: bool,
    left: &str,
    right: &str,
) -> (Document, Document, Alignment, Vec<Row>) {
    let de = Lang::new("de").expect("de is a language");
    let en = Lang::new("en").expect("en is a language");
    let left = Document::from_text("de.txt", left, de, presplit);
    let right = Document::from_text("en.txt", right, en, presplit);
    let alignment = align_documents(&left, &right, &AlignOptions::default());
    let rows = review(&left, &right, &alignment);
    (left, right, alignment, rows)
}

/// Whether a spreadsheet would run a cell starting this way as a formula.
pub fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}
