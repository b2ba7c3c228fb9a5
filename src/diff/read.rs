//! Reading alignments for the diff: the review CSV, the JSON and JSON Lines,
//! and the ladder format that `align` writes, told apart by their content,
//! or review rows made in memory.
//!
//! In: the text of a file and its name (for errors). Out: a [`Table`] of
//! pairs with their 1-based line numbers and texts (for a ladder file, which
//! has no texts, the indices stand in for them).

use serde::Deserialize;

use super::{Entry, Table};
use crate::apply::{sniff_delimiter, unneutralise};
use crate::review::Row;
use crate::write::csv::line_numbers;
use crate::write::ladder::parse_ladder;
use crate::Error;

/// What the JSON of `align --format json` names itself (`format`).
const JSON_FORMAT: &str = "tralign-alignment";

/// Reads an alignment file: the review CSV, the JSON or JSON Lines output of
/// `align`, or a ladder file. `name` is used in errors.
pub fn read_table(name: &str, text: &str) -> Result<Table, Error> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    match first {
        None => Err(Error::input(name, "is empty, not an alignment")),
        Some(line) if line.starts_with('[') && line.contains("]:[") => ladder_table(name, text),
        Some(line) if line.starts_with('{') || line.starts_with('[') => json_table(name, text),
        Some(_) => csv_table(name, text),
    }
}

/// The 1-based line numbers of consecutive 0-based sentence indices.
fn lines_of(indices: &[usize]) -> String {
    let range = indices
        .first()
        .map_or(0..0, |&s| s..indices[indices.len() - 1] + 1);
    line_numbers(&range)
}

fn ladder_table(name: &str, text: &str) -> Result<Table, Error> {
    let side = |v: &[usize]| -> (String, String) {
        let list: Vec<String> = v.iter().map(usize::to_string).collect();
        (lines_of(v), format!("[{}]", list.join(", ")))
    };
    let entries = parse_ladder(name, text)?
        .iter()
        .enumerate()
        .map(|(k, link)| {
            let (left_lines, left) = side(&link.left);
            let (right_lines, right) = side(&link.right);
            Entry {
                row: k + 1,
                left_lines,
                right_lines,
                left,
                right,
            }
        })
        .collect();
    Ok(Table {
        left_code: "left".into(),
        right_code: "right".into(),
        entries,
    })
}

fn csv_table(name: &str, text: &str) -> Result<Table, Error> {
    // `;` or tab, as a spreadsheet may save it; apply reads the same.
    let delimiter = sniff_delimiter(text).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let bad = |e: csv::Error| Error::input(name, format!("not a readable CSV: {e}"));
    let header: Vec<String> = reader
        .headers()
        .map_err(bad)?
        .iter()
        .map(str::to_string)
        .collect();
    let codes: Vec<&str> = header
        .iter()
        .filter_map(|h| h.strip_suffix("_lines"))
        .collect();
    let [left_code, right_code] = codes[..] else {
        return Err(Error::input(
            name,
            "not an alignment CSV: expected two columns such as de_lines and en_lines",
        ));
    };
    let column = |wanted: &str| {
        header.iter().position(|h| h == wanted).ok_or_else(|| {
            Error::input(name, format!("not an alignment CSV: no column '{wanted}'"))
        })
    };
    let at = [
        column(&format!("{left_code}_lines"))?,
        column(&format!("{right_code}_lines"))?,
        column(left_code)?,
        column(right_code)?,
    ];
    let mut entries = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(bad)?;
        // The texts as align had them, so that a CSV compares with a JSON.
        let cell = |i: usize| unneutralise(record.get(i).unwrap_or("")).to_string();
        entries.push(Entry {
            row: k + 1,
            left_lines: cell(at[0]),
            right_lines: cell(at[1]),
            left: cell(at[2]),
            right: cell(at[3]),
        });
    }
    Ok(Table {
        left_code: left_code.to_string(),
        right_code: right_code.to_string(),
        entries,
    })
}

/// The JSON document of `align --format json`; fields not needed are
/// skipped (see docs/json-schema.json).
#[derive(Deserialize)]
struct JsonAlignment {
    format: String,
    left: JsonFile,
    right: JsonFile,
    beads: Vec<JsonBead>,
}

#[derive(Deserialize)]
struct JsonFile {
    lang: String,
}

/// A bead, in the document or as a line of `--format jsonl`.
#[derive(Deserialize)]
struct JsonBead {
    id: usize,
    left: JsonSide,
    right: JsonSide,
}

#[derive(Deserialize)]
struct JsonSide {
    lang: String,
    indices: Vec<usize>,
    text: String,
}

impl JsonBead {
    fn entry(self) -> Entry {
        Entry {
            row: self.id,
            left_lines: lines_of(&self.left.indices),
            right_lines: lines_of(&self.right.indices),
            left: self.left.text,
            right: self.right.text,
        }
    }
}

/// Reads the JSON document of `align`, or its JSON Lines (one bead a line),
/// told apart by whether the first line is a whole bead.
fn json_table(name: &str, text: &str) -> Result<Table, Error> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if let Ok(bead) = serde_json::from_str::<JsonBead>(first) {
        return jsonl_table(name, text, bead.left.lang, bead.right.lang);
    }
    if text.trim_start().starts_with('[') {
        return Err(Error::input(
            name,
            format!("is a JSON array, not the JSON that align writes ({JSON_FORMAT})"),
        ));
    }
    let not = |e: serde_json::Error| {
        Error::input(
            name,
            format!("not the JSON that align writes ({JSON_FORMAT}): {e}"),
        )
    };
    let doc: JsonAlignment = serde_json::from_str(text).map_err(not)?;
    if doc.format != JSON_FORMAT {
        return Err(Error::input(
            name,
            format!("format is '{}', expected '{JSON_FORMAT}'", doc.format),
        ));
    }
    Ok(Table {
        left_code: doc.left.lang,
        right_code: doc.right.lang,
        entries: doc.beads.into_iter().map(JsonBead::entry).collect(),
    })
}

fn jsonl_table(
    name: &str,
    text: &str,
    left_code: String,
    right_code: String,
) -> Result<Table, Error> {
    let mut entries = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bead: JsonBead = serde_json::from_str(line).map_err(|e| {
            Error::input(
                name,
                format!("line {}: not a bead of align's JSON Lines: {e}", k + 1),
            )
        })?;
        entries.push(bead.entry());
    }
    Ok(Table {
        left_code,
        right_code,
        entries,
    })
}

/// A table of review rows, as `align` would write them.
pub fn from_rows(rows: &[Row], left_code: &str, right_code: &str) -> Table {
    Table {
        left_code: left_code.to_string(),
        right_code: right_code.to_string(),
        entries: rows
            .iter()
            .map(|r| Entry {
                row: r.id,
                left_lines: line_numbers(&r.bead.left),
                right_lines: line_numbers(&r.bead.right),
                left: r.left_text.clone(),
                right: r.right_text.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{"format": "tralign-alignment", "version": 1,
        "left": {"file": "de.txt", "lang": "de", "sentences": 3},
        "right": {"file": "en.txt", "lang": "en", "sentences": 2},
        "beads": [
          {"id": 1, "type": "2-1", "left": {"lang": "de", "indices": [0, 1], "text": "Hallo. Du.", "spans": [[0, 6], [7, 10]]},
           "right": {"lang": "en", "indices": [0], "text": "Hello you.", "spans": [[0, 10]]},
           "confidence": 0.9, "anchors": [], "flags": []},
          {"id": 2, "type": "1-0", "left": {"lang": "de", "indices": [2], "text": "=1+1", "spans": [[11, 15]]},
           "right": {"lang": "en", "indices": [], "text": "", "spans": []},
           "confidence": 0.8, "anchors": [], "flags": [{"kind": "unaligned"}]}
        ]}"#;

    #[test]
    fn files_are_told_apart_by_content() {
        let csv = "id,de_lines,en_lines,de,en,type\n1,1,1,Hallo.,Hello.,1-1\n";
        let t = read_table("a.csv", csv).unwrap();
        assert_eq!((t.left_code.as_str(), t.right_code.as_str()), ("de", "en"));
        assert_eq!(t.entries[0].right, "Hello.");
        let t_csv = t.clone();
        let t = read_table("a.txt", "[0]:[0, 1]\n[]:[2]\n").unwrap();
        assert_eq!(t.entries[0].right_lines, "1-2");
        assert_eq!(t.entries[1].left, "[]");
        let t = read_table("a.json", JSON).unwrap();
        assert_eq!((t.left_code.as_str(), t.right_code.as_str()), ("de", "en"));
        let semicolons = read_table("a.csv", &csv.replace(',', ";")).unwrap();
        assert_eq!(semicolons, t_csv);
        let err = read_table("b.csv", "a,b\n1,2\n").unwrap_err().to_string();
        assert!(err.starts_with("b.csv: not an alignment CSV"), "{err}");
    }

    #[test]
    fn json_and_json_lines_give_the_rows_of_the_csv() {
        let csv = "id,de_lines,en_lines,de,en,type\n\
                   1,1-2,1,Hallo. Du.,Hello you.,2-1\n\
                   2,3,,'=1+1,,1-0\n";
        let from_csv = read_table("a.csv", csv).unwrap();
        assert_eq!(read_table("a.json", JSON).unwrap(), from_csv);
        let doc: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let lines: Vec<String> = doc["beads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.to_string())
            .collect();
        let jsonl = lines.join("\n") + "\n";
        assert_eq!(read_table("a.jsonl", &jsonl).unwrap(), from_csv);
    }

    #[test]
    fn other_json_is_an_error_naming_the_file() {
        for (text, want) in [
            (
                "[{\"check\": \"numbers\"}]",
                "a.json: is a JSON array, not the JSON that align writes",
            ),
            ("{\"beads\": [", "a.json: not the JSON that align writes"),
            (
                &JSON.replace("\"tralign-alignment\"", "\"other\""),
                "a.json: format is 'other', expected 'tralign-alignment'",
            ),
        ] {
            let err = read_table("a.json", text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
            assert!(!err.contains('\n'), "{err}");
        }
        let line = serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(JSON).unwrap()["beads"][0],
        )
        .unwrap();
        let err = read_table("a.jsonl", &format!("{line}\n{{\"id\": 2}}\n"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.jsonl: line 2: not a bead"), "{err}");
    }
}
