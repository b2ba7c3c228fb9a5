//! JSON lines: one document pair in, one alignment out, a line each, for
//! Hadoop Streaming mappers and Spark `RDD.pipe` stages.
//!
//! In: a line such as
//! `{"id": "a1", "left": "Text.", "right": "Text.", "langs": ["de", "en"], "presplit": false}`
//! (`id` is any JSON value and is echoed back; `langs` may be left out when a
//! default is given; `presplit`, false by default, reads the texts as one
//! sentence a line). Out: a line
//! `{"id": "a1", "beads": [[[0], [0]], [[1, 2], [3]]], "confidence": [0.99, 0.87]}`
//! with 0-based sentence indices, or, for a line that cannot be used,
//! `{"id": "a1", "line": 7, "error": "..."}` (`id` is null when the line has
//! none; `line` counts the lines this process read, so under Spark it is the
//! line within the partition).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{align_documents, AlignOptions, Document, Error, Lang};

/// A document pair as a JSON line holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairRecord {
    /// Echoed back in the result.
    #[serde(default)]
    pub id: Value,
    /// The left text.
    pub left: String,
    /// The right text.
    pub right: String,
    /// Left and right language codes.
    #[serde(default)]
    pub langs: Option<Vec<String>>,
    /// The texts have one sentence a line.
    #[serde(default)]
    pub presplit: bool,
}

/// The alignment of one pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentRecord {
    /// The pair's id.
    pub id: Value,
    /// Per bead, its left and its right sentence indices.
    pub beads: Vec<(Vec<usize>, Vec<usize>)>,
    /// Per bead, the probability that it is right.
    pub confidence: Vec<f64>,
}

/// What a line that cannot be aligned gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The line's id, if it has one.
    pub id: Value,
    /// The 1-based line number on the input.
    pub line: usize,
    /// What is wrong.
    pub error: String,
}

/// Aligns the pair on one input line (number `line`, 1-based) and returns
/// the output line, without its line end. Never fails: a bad line gets an
/// [`ErrorRecord`].
pub fn align_line(text: &str, line: usize, default_langs: Option<&(String, String)>) -> String {
    let result = match serde_json::from_str::<PairRecord>(text) {
        Ok(pair) => {
            align_record(&pair, default_langs).map_err(|e| (pair.id.clone(), e.to_string()))
        }
        Err(e) => {
            // Echo the id of a line that is JSON but not a usable pair.
            let id = serde_json::from_str::<Value>(text)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            Err((id, format!("not a document pair: {e}")))
        }
    };
    match result {
        Ok(record) => serde_json::to_string(&record)
            .unwrap_or_else(|e| error_line(line, &format!("cannot write the result: {e}"))),
        Err((id, error)) => error_record(id, line, error),
    }
}

/// The error record of input line `line` (1-based) that has no usable id.
pub fn error_line(line: usize, error: &str) -> String {
    error_record(Value::Null, line, error.to_string())
}

fn error_record(id: Value, line: usize, error: String) -> String {
    let record = ErrorRecord { id, line, error };
    // Serialising a Value, a number and a string cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

/// Aligns one pair record.
pub fn align_record(
    pair: &PairRecord,
    default_langs: Option<&(String, String)>,
) -> Result<AlignmentRecord, Error> {
    let (left_code, right_code) = match (&pair.langs, default_langs) {
        (Some(v), _) if v.len() == 2 => (v[0].clone(), v[1].clone()),
        (Some(_), _) => {
            return Err(Error::Usage(
                "\"langs\" takes two codes, left first, such as [\"de\", \"en\"]".into(),
            ))
        }
        (None, Some(d)) => d.clone(),
        (None, None) => {
            return Err(Error::Usage(
                "no \"langs\" in the line and no --langs given".into(),
            ))
        }
    };
    let left = Document::from_text("left", &pair.left, Lang::new(&left_code)?, pair.presplit);
    let right = Document::from_text("right", &pair.right, Lang::new(&right_code)?, pair.presplit);
    let alignment = align_documents(&left, &right, &AlignOptions::default());
    Ok(AlignmentRecord {
        id: pair.id.clone(),
        beads: alignment
            .beads
            .iter()
            .map(|b| (b.left.clone().collect(), b.right.clone().collect()))
            .collect(),
        confidence: alignment.posteriors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_line_gets_beads_and_confidences() {
        let out = align_line(
            r#"{"id": 7, "left": "Er kam 2022.\nEs regnete.", "right": "He came in 2022.\nIt rained.", "langs": ["de", "en"], "presplit": true}"#,
            1,
            None,
        );
        let record: AlignmentRecord = serde_json::from_str(&out).unwrap();
        assert_eq!(record.id, Value::from(7));
        assert_eq!(record.beads, vec![(vec![0], vec![0]), (vec![1], vec![1])]);
        assert_eq!(record.confidence.len(), 2);
    }

    #[test]
    fn bad_lines_get_error_records_with_their_id() {
        let out = align_line(r#"{"id": "x", "left": "a"}"#, 3, None);
        let record: ErrorRecord = serde_json::from_str(&out).unwrap();
        assert_eq!((record.id, record.line), (Value::from("x"), 3));
        assert!(record.error.contains("right"), "{}", record.error);
        let out = align_line("not json", 4, None);
        let record: ErrorRecord = serde_json::from_str(&out).unwrap();
        assert_eq!(record.id, Value::Null);
        let out = align_line(r#"{"left": "a", "right": "b"}"#, 5, None);
        assert!(out.contains("no \\\"langs\\\""), "{out}");
    }
}
