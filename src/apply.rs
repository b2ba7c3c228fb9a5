//! Applying a review: a review CSV that a reviewer edited in a spreadsheet,
//! back into aligned pairs.
//!
//! In: the bytes of the CSV as the spreadsheet saved it: UTF-8 with or
//! without a byte-order mark, `,`, `;` or tab as delimiter (found from the
//! header line), columns in any order, rows sorted or filtered at will, cells
//! edited. Out: a [`Review`] with the rows sorted back by `id`, each with
//! its [`Status`] and its texts as edited, with the apostrophe that tralign
//! put before formula-like cells taken off again.
//!
//! A workbook written by `align --format xlsx` and saved by a spreadsheet is
//! read the same way ([`read_reviewed`]), cell for cell.
//!
//! The status column says `ok` (the pair is right), `reject` (it is not) or
//! nothing (not reviewed yet), in any case. Only accepted rows are exported,
//! unless unreviewed ones are asked for too. A cell that cannot be read is an
//! [`Error::Cell`] naming its spreadsheet row and column.

mod xlsx;

use std::collections::HashMap;
use std::ops::Range;

use crate::write::csv::{line_numbers, neutralise, write_table};
use crate::write::tmx::Unit;
use crate::Error;

/// A reviewer's verdict on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `ok`: the pair is right.
    Accepted,
    /// `reject`: the pair is wrong.
    Rejected,
    /// An empty status: not reviewed yet.
    Unreviewed,
}

/// One row of a reviewed file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewedRow {
    /// The row number tralign gave it.
    pub id: usize,
    /// Where the row is in the reviewed file, as a spreadsheet counts (the
    /// header is row 1).
    pub row: u64,
    /// 0-based left sentence indices.
    pub left_lines: Range<usize>,
    /// 0-based right sentence indices.
    pub right_lines: Range<usize>,
    /// The left text, as edited.
    pub left: String,
    /// The right text, as edited.
    pub right: String,
    /// The bead type, such as `2-1`, if the file has the column.
    pub kind: String,
    /// The aligner's confidence, if the file has it.
    pub confidence: Option<f64>,
    /// The anchors, as the CSV writes them.
    pub anchors: String,
    /// The flag labels.
    pub flags: Vec<String>,
    /// The verdict.
    pub status: Status,
    /// The reviewer's comment.
    pub comment: String,
}

/// A reviewed file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The left language code, from the first `*_lines` column.
    pub left_lang: String,
    /// The right language code, from the second `*_lines` column.
    pub right_lang: String,
    /// The rows, sorted by id.
    pub rows: Vec<ReviewedRow>,
    /// What the user should be told about how the file was read, such as
    /// an encoding other than UTF-8.
    pub note: Option<String>,
}

/// Takes off the apostrophe that [`neutralise`] puts before a formula-like
/// cell. A cell that really began with an apostrophe and a formula character
/// loses the apostrophe too: the two cannot be told apart.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The delimiter of a CSV: the most frequent of `,`, `;` and tab outside
/// quotes on the header line.
pub(crate) fn sniff_delimiter(text: &str) -> Option<u8> {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let (d, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    (n > 0).then_some(d)
}

/// Where each column is.
struct Columns {
    id: usize,
    left_lines: usize,
    right_lines: usize,
    left: usize,
    right: usize,
    status: usize,
    kind: Option<usize>,
    confidence: Option<usize>,
    anchors: Option<usize>,
    flags: Option<usize>,
    comment: Option<usize>,
    names: Vec<String>,
}

impl Columns {
    fn find(name: &str, names: Vec<String>) -> Result<(Columns, String, String), Error> {
        let mut at = HashMap::new();
        for (k, n) in names.iter().enumerate() {
            if at.insert(n.clone(), k).is_some() {
                return Err(cell(name, 1, n, "this column name appears twice"));
            }
        }
        let langs: Vec<&str> = names
            .iter()
            .filter_map(|n| n.strip_suffix("_lines"))
            .collect();
        let [left, right] = langs[..] else {
            return Err(Error::input(
                name,
                format!(
                    "expected two columns named like de_lines and en_lines, found {}",
                    langs.len()
                ),
            ));
        };
        // The codes become column names and TMX language attributes.
        for code in [left, right] {
            if !is_language_tag(code) {
                return Err(cell(
                    name,
                    1,
                    &format!("{code}_lines"),
                    format!("'{code}' is not a language code such as de, en or en-us"),
                ));
            }
        }
        let need = |col: &str| {
            at.get(col).copied().ok_or_else(|| {
                Error::input(name, format!("the header has no column named '{col}'"))
            })
        };
        let columns = Columns {
            id: need("id")?,
            left_lines: need(&format!("{left}_lines"))?,
            right_lines: need(&format!("{right}_lines"))?,
            left: need(left)?,
            right: need(right)?,
            status: need("status")?,
            kind: at.get("type").copied(),
            confidence: at.get("confidence").copied(),
            anchors: at.get("anchors").copied(),
            flags: at.get("flags").copied(),
            comment: at.get("comment").copied(),
            names: names.clone(),
        };
        Ok((columns, left.to_string(), right.to_string()))
    }
}

fn cell(path: &str, row: u64, column: &str, message: impl Into<String>) -> Error {
    Error::Cell {
        path: path.to_string(),
        row,
        column: column.to_string(),
        message: message.into(),
    }
}

/// Whether `code` has the shape of a BCP 47 language tag: a language of two
/// or three letters, then subtags of letters and digits after hyphens
/// (`de`, `en-us`, `zh-hant-tw`).
fn is_language_tag(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Reads `1`, `3-4` or an empty cell as a 0-based range.
fn parse_lines(cell: &str) -> Option<Range<usize>> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(0..0);
    }
    let (a, b) = cell.split_once('-').unwrap_or((cell, cell));
    let (a, b): (usize, usize) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    // `then`, not `then_some`: `a - 1` must not be computed for `a == 0`.
    (a >= 1 && b >= a).then(|| a - 1..b)
}

/// Reads a reviewed file, an XLSX workbook or a CSV, told apart by their
/// content; `name` is used in errors.
pub fn read_reviewed(name: &str, bytes: &[u8]) -> Result<Review, Error> {
    if xlsx::is_workbook(bytes) {
        read_review(name, &xlsx::as_csv(name, bytes)?)
    } else {
        read_review(name, bytes)
    }
}

/// Reads a reviewed CSV; `name` is used in errors.
pub fn read_review(name: &str, bytes: &[u8]) -> Result<Review, Error> {
    let (text, note) = decode_review(name, bytes).map_err(|e| match e {
        Error::Input { path, message } => Error::Input {
            path,
            message: format!("{message}; save the sheet as \"CSV UTF-8\""),
        },
        e => e,
    })?;
    let delimiter = sniff_delimiter(&text)
        .ok_or_else(|| Error::input(name, "no header line with , or ; between the columns"))?;
    check_quotes(name, &text, delimiter)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let bad_csv = |e: csv::Error| Error::input(name, format!("not a readable CSV: {e}"));
    let head = match records.next() {
        Some(r) => r.map_err(bad_csv)?,
        None => return Err(Error::input(name, "the file is empty")),
    };
    let names: Vec<String> = head.iter().map(|h| h.trim().to_lowercase()).collect();
    let width = names.len();
    let (cols, left_lang, right_lang) = Columns::find(name, names)?;
    let mut rows = Vec::new();
    let mut seen: HashMap<usize, u64> = HashMap::new();
    for (k, record) in records.enumerate() {
        let row = k as u64 + 2;
        let record = record.map_err(bad_csv)?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // A row short of cells, or with text past the last column, has its
        // cells under the wrong names: an unquoted delimiter or line break.
        let extra = record.iter().skip(width).any(|c| !c.trim().is_empty());
        if record.len() < width || extra {
            return Err(Error::input(
                name,
                format!(
                    "row {row}: {} cells where the header has {width}; \
                     a cell may hold an unquoted delimiter or line break",
                    record.len()
                ),
            ));
        }
        let get = |c: usize| record.get(c).unwrap_or("");
        let opt = |c: Option<usize>| c.map_or("", get);
        // The value found is echoed, escaped, so the reviewer sees the slip.
        let fail = |c: usize, msg: &str| {
            let found = get(c).trim();
            cell(name, row, &cols.names[c], format!("{msg}, found {found:?}"))
        };
        let id: usize = get(cols.id)
            .trim()
            .parse()
            .ok()
            .filter(|&id| id > 0)
            .ok_or_else(|| fail(cols.id, "expected the row number tralign wrote, such as 12"))?;
        if let Some(first) = seen.insert(id, row) {
            return Err(cell(
                name,
                row,
                &cols.names[cols.id],
                format!("id {id} is also in row {first}"),
            ));
        }
        let lines = |c: usize| {
            parse_lines(get(c)).ok_or_else(|| fail(c, "expected a line number such as 3 or 3-4"))
        };
        let status = match get(cols.status).trim().to_lowercase().as_str() {
            "ok" => Status::Accepted,
            "reject" => Status::Rejected,
            "" => Status::Unreviewed,
            _ => return Err(fail(cols.status, "expected ok, reject or nothing")),
        };
        let confidence = match opt(cols.confidence).trim() {
            "" => None,
            c => Some(
                c.replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or_else(|| {
                        fail(
                            cols.confidence.unwrap_or(0),
                            "expected a number from 0 to 1",
                        )
                    })?,
            ),
        };
        let flags = unneutralise(opt(cols.flags));
        rows.push(ReviewedRow {
            id,
            row,
            left_lines: lines(cols.left_lines)?,
            right_lines: lines(cols.right_lines)?,
            left: unneutralise(get(cols.left)).trim().to_string(),
            right: unneutralise(get(cols.right)).trim().to_string(),
            kind: opt(cols.kind).trim().to_string(),
            confidence,
            anchors: unneutralise(opt(cols.anchors)).trim().to_string(),
            flags: flags
                .split(';')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect(),
            status,
            comment: opt(cols.comment).trim().to_string(),
        });
    }
    rows.sort_by_key(|r| r.id);
    Ok(Review {
        left_lang,
        right_lang,
        rows,
        note,
    })
}

/// Decodes a review CSV: UTF-8 (with or without a byte-order mark), UTF-16
/// with a byte-order mark, or, when no byte of it reads as UTF-8 beyond
/// ASCII, Windows-1252, as Excel saves "CSV" on Western Windows (with a
/// note). A file that is UTF-8 in one place and not in another was damaged
/// or pasted together: guessing would turn its good rows into mojibake, so
/// it is refused with the row and byte offset of the first bad byte.
fn decode_review(name: &str, bytes: &[u8]) -> Result<(String, Option<String>), Error> {
    let has_bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    let bad = match std::str::from_utf8(bytes) {
        // NUL bytes mean a binary file, which detection names as such.
        Err(e) if !has_bom && !bytes.contains(&0) => e.valid_up_to(),
        _ => {
            let decoded = crate::read::decode(name, bytes, None)?;
            let note = decoded.note(name);
            return Ok((decoded.text, note));
        }
    };
    let utf8_elsewhere = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if utf8_elsewhere {
        return Err(Error::input(
            name,
            format!(
                "row {}: byte offset {bad} is not UTF-8, though other rows are; \
                 the file was damaged or pasted together from two encodings",
                row_at(bytes, bad)
            ),
        ));
    }
    let text = crate::read::decode(name, bytes, Some(encoding_rs::WINDOWS_1252))?.text;
    let note = format!(
        "{name}: read as windows-1252, as it is not UTF-8 (Excel saves \"CSV\" so); \
         save as \"CSV UTF-8\" to be sure of every character"
    );
    Ok((text, Some(note)))
}

/// The spreadsheet row (the header is row 1) that byte `offset` is in:
/// line ends inside quoted cells do not start a row.
fn row_at(bytes: &[u8], offset: usize) -> usize {
    let mut quoted = false;
    let mut row = 1;
    for &b in &bytes[..offset.min(bytes.len())] {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => row += 1,
            _ => {}
        }
    }
    row
}

/// Refuses a quoted cell that is never closed, which would swallow every
/// row after it into one cell. A quote opens a cell only at its start, as
/// the CSV reader reads it; `""` inside a quoted cell is a quote.
fn check_quotes(name: &str, text: &str, delimiter: u8) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let (mut row, mut opened) = (1, 0);
    let (mut quoted, mut at_start) = (false, true);
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if quoted {
            if b == b'"' {
                if bytes.get(k + 1) == Some(&b'"') {
                    k += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_start {
            quoted = true;
            opened = row;
        } else if b == b'\n' {
            row += 1;
        }
        at_start = !quoted && (b == delimiter || b == b'\n' || b == b'\r');
        k += 1;
    }
    if quoted {
        return Err(Error::input(
            name,
            format!("row {opened}: a quoted cell is never closed (a \" is missing)"),
        ));
    }
    Ok(())
}

impl Review {
    /// The rows to export: the accepted ones, and with `unreviewed` also
    /// those without a status.
    pub fn selected(&self, unreviewed: bool) -> impl Iterator<Item = &ReviewedRow> {
        self.rows.iter().filter(move |r| match r.status {
            Status::Accepted => true,
            Status::Unreviewed => unreviewed,
            Status::Rejected => false,
        })
    }

    /// Translation units of the selected rows, with the verdict as prop
    /// `x-status` and the comment as note.
    pub fn units(&self, unreviewed: bool) -> Vec<Unit<'_>> {
        self.selected(unreviewed)
            .map(|r| {
                let mut props = Vec::new();
                if let Some(c) = r.confidence {
                    props.push(("x-confidence", format!("{c:.2}")));
                }
                props.extend(r.flags.iter().map(|f| ("x-flag", f.clone())));
                let status = if r.status == Status::Accepted {
                    "ok"
                } else {
                    "unreviewed"
                };
                props.push(("x-status", status.to_string()));
                Unit {
                    id: r.id,
                    left: &r.left,
                    right: &r.right,
                    props,
                    note: &r.comment,
                }
            })
            .collect()
    }

    /// The selected rows as a review CSV with tralign's columns, sorted by
    /// id, formula-like cells neutralised again.
    pub fn to_csv(&self, unreviewed: bool) -> Result<Vec<u8>, Error> {
        let records = self.selected(unreviewed).map(|r| {
            let status = if r.status == Status::Accepted {
                "ok"
            } else {
                ""
            };
            [
                r.id.to_string(),
                line_numbers(&r.left_lines),
                line_numbers(&r.right_lines),
                neutralise(&r.left),
                neutralise(&r.right),
                neutralise(&r.kind),
                r.confidence.map_or(String::new(), |c| format!("{c:.2}")),
                neutralise(&r.anchors),
                neutralise(&r.flags.join("; ")),
                status.to_string(),
                neutralise(&r.comment),
            ]
        });
        write_table(&self.left_lang, &self.right_lang, false, records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `review_csv` fuzz target: a line cell of `0` panicked
    /// with an overflow instead of being refused.
    #[test]
    fn a_line_number_of_zero_is_refused_not_a_panic() {
        assert_eq!(parse_lines("0"), None);
        assert_eq!(parse_lines("0-2"), None);
        assert_eq!(parse_lines("2-3"), Some(1..3));
        let csv = b"id,de_lines,en_lines,de,en,status\n1,1,0,Hallo,Hello,ok\n";
        let err = read_review("r.csv", csv).unwrap_err().to_string();
        assert!(err.starts_with("r.csv: row 2, column en_lines"), "{err}");
    }

    const HEAD: &str = "id,de_lines,en_lines,de,en,type,confidence,anchors,flags,status,comment\n";

    #[test]
    fn neutralised_cells_come_back_as_they_were() {
        for text in ["=1+1", "-5 Grad", "@home", "Hallo", "'Tis"] {
            assert_eq!(unneutralise(&neutralise(text)), text);
        }
    }

    #[test]
    fn delimiter_comes_from_the_header_line() {
        assert_eq!(sniff_delimiter("id;de_lines;en_lines\n1,2;3"), Some(b';'));
        assert_eq!(sniff_delimiter("id,de_lines,en_lines\n1;2"), Some(b','));
        assert_eq!(sniff_delimiter("\"a;b\",c\n"), Some(b','));
        assert_eq!(sniff_delimiter("nothing\n"), None);
    }

    #[test]
    fn rows_sort_back_by_id_with_their_verdicts() {
        let text = format!(
            "{HEAD}2,2,2,Zwei.,Two.,1-1,0.9,,,REJECT,\n\
             1,1,1,'=1+1,One.,1-1,\"0,8\",,,Ok,gut\n\
             3,,3,,Three.,0-1,0.4,,unaligned; low-confidence,,\n"
        );
        let review = read_review("r.csv", text.as_bytes()).unwrap();
        assert_eq!(
            (review.left_lang.as_str(), review.right_lang.as_str()),
            ("de", "en")
        );
        let ids: Vec<usize> = review.rows.iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        assert_eq!(review.rows[0].left, "=1+1");
        assert_eq!(review.rows[0].confidence, Some(0.8));
        assert_eq!(review.rows[0].status, Status::Accepted);
        assert_eq!(review.rows[1].status, Status::Rejected);
        assert_eq!(review.rows[2].status, Status::Unreviewed);
        assert_eq!(review.rows[2].flags, ["unaligned", "low-confidence"]);
        assert_eq!(review.selected(false).count(), 1);
        assert_eq!(review.selected(true).count(), 2);
    }

    #[test]
    fn bad_cells_name_row_and_column() {
        let text =
            format!("{HEAD}1,1,1,Eins.,One.,1-1,0.9,,,ok,\n2,2,2,Zwei.,Two.,1-1,0.9,,,fine,\n");
        let err = read_review("r.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv: row 3, column status: expected ok, reject or nothing, found \"fine\""
        );
        let text = format!("{HEAD}1,x,1,Eins.,One.,1-1,0.9,,,ok,\n");
        let err = read_review("r.csv", text.as_bytes()).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("r.csv: row 2, column de_lines:"));
        let text =
            format!("{HEAD}1,1,1,Eins.,One.,1-1,0.9,,,ok,\n1,2,2,Zwei.,Two.,1-1,0.9,,,ok,\n");
        let err = read_review("r.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv: row 3, column id: id 1 is also in row 2"
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = read_review("r.csv", b"id,de_lines,en_lines,de,en\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv: the header has no column named 'status'"
        );
    }
}
