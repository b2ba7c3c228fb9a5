//! JSON and JSON Lines, for pipelines.
//!
//! In: review [`Row`]s and the two [`Document`]s they came from. Out: one
//! JSON document (`json`: the files, then every bead) or one bead object a
//! line (`jsonl`). Each side of a bead carries its language, its 0-based
//! sentence indices, its text and the byte spans of its sentences in the
//! decoded input (UTF-8 after removal of a byte-order mark, before line-end
//! and NFC normalisation: for a UTF-8 file without a BOM these are offsets
//! into the file itself). The schema is docs/json-schema.json.

use serde::Serialize;

use crate::review::{Flag, Row};
use crate::{Document, Error};

/// Names the format, so that a reader can tell what it holds.
const FORMAT: &str = "tralign-alignment";
/// Bumped when a field changes meaning or goes away.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct FileInfo<'a> {
    file: &'a str,
    lang: &'a str,
    sentences: usize,
}

#[derive(Serialize)]
struct BeadOut<'a> {
    id: usize,
    #[serde(rename = "type")]
    kind: String,
    left: Side<'a>,
    right: Side<'a>,
    confidence: f64,
    anchors: &'a [String],
    flags: Vec<FlagOut<'a>>,
}

#[derive(Serialize)]
struct Side<'a> {
    lang: &'a str,
    indices: Vec<usize>,
    text: &'a str,
    spans: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct FlagOut<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
}

impl<'a> From<&'a Flag> for FlagOut<'a> {
    fn from(flag: &'a Flag) -> FlagOut<'a> {
        FlagOut {
            kind: flag.kind(),
            severity: flag.severity().map(|s| s.name()),
            detail: match flag {
                Flag::Qa { detail, .. } => Some(detail),
                _ => None,
            },
        }
    }
}

fn side<'a>(doc: &'a Document, range: &std::ops::Range<usize>, text: &'a str) -> Side<'a> {
    Side {
        lang: &doc.lang.tag,
        indices: range.clone().collect(),
        text,
        spans: doc.sentences[range.clone()]
            .iter()
            .map(|s| {
                [
                    doc.normalized.original_offset(s.span.start),
                    doc.normalized.original_offset(s.span.end),
                ]
            })
            .collect(),
    }
}

fn beads<'a>(rows: &'a [Row], left: &'a Document, right: &'a Document) -> Vec<BeadOut<'a>> {
    rows.iter()
        .map(|row| BeadOut {
            id: row.id,
            kind: row.bead.kind(),
            left: side(left, &row.bead.left, &row.left_text),
            right: side(right, &row.bead.right, &row.right_text),
            // Four places are more than the model can vouch for, and keep
            // the output free of float noise.
            confidence: (row.confidence * 10_000.0).round() / 10_000.0,
            anchors: &row.anchors,
            flags: row.flags.iter().map(FlagOut::from).collect(),
        })
        .collect()
}

fn info(d: &Document) -> FileInfo<'_> {
    FileInfo {
        file: &d.name,
        lang: &d.lang.tag,
        sentences: d.sentences.len(),
    }
}

fn fail(e: serde_json::Error) -> Error {
    Error::Usage(format!("writing JSON: {e}"))
}

/// Writes the files and all beads as one JSON document, a bead a line so
/// that the file reads and diffs well.
pub fn to_json(rows: &[Row], left: &Document, right: &Document) -> Result<String, Error> {
    let mut out = format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"left\": {},\n  \"right\": {},\n  \"beads\": [",
        serde_json::to_string(&info(left)).map_err(fail)?,
        serde_json::to_string(&info(right)).map_err(fail)?,
    );
    for (k, bead) in beads(rows, left, right).iter().enumerate() {
        out.push_str(if k == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(bead).map_err(fail)?);
    }
    out.push_str("\n  ]\n}\n");
    Ok(out)
}

/// Writes one bead object a line.
pub fn to_jsonl(rows: &[Row], left: &Document, right: &Document) -> Result<String, Error> {
    let mut out = String::new();
    for bead in beads(rows, left, right) {
        out.push_str(&serde_json::to_string(&bead).map_err(fail)?);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::review;
    use crate::{align_documents, AlignOptions, Lang};

    #[test]
    fn spans_point_into_the_input_before_normalisation() {
        // CRLF line ends and a decomposed ü shift the normalised offsets.
        let de_text = "Er kam nach Berlin.\r\nDie Bru\u{308}cke ist alt.\r\n";
        let de = Document::from_text("de.txt", de_text, Lang::new("de").unwrap(), true);
        let en_text = "He came to Berlin.\nThe bridge is old.\n";
        let en = Document::from_text("en.txt", en_text, Lang::new("en").unwrap(), true);
        let alignment = align_documents(&de, &en, &AlignOptions::default());
        let rows = review(&de, &en, &alignment, &Default::default());
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&rows, &de, &en).unwrap()).unwrap();
        let bead = &json["beads"][1];
        let [start, end] = [0, 1].map(|k| bead["left"]["spans"][0][k].as_u64().unwrap() as usize);
        assert_eq!(&de_text[start..end], "Die Bru\u{308}cke ist alt.");
        assert_eq!(bead["left"]["text"], "Die Brücke ist alt.");
        assert_eq!(bead["right"]["indices"][0], 1);
    }
}
