//! The readers of `tralign diff`: any text read as an alignment file gives
//! a table or an error, never a panic; and the CSV, JSON and JSON Lines
//! that align writes for the same rows read as one and the same table.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tralign::diff::{diff, from_rows, read_table, Source};
use tralign::write::csv::{to_csv, CsvOptions};
use tralign::write::json;

fuzz_target!(|input: (&str, bool, &str, &str)| {
    let (file, presplit, left, right) = input;
    if let Ok(table) = read_table("fuzz", file) {
        let d = diff(&table, &table, Source::Right);
        assert!(d.changes.is_empty());
        let _ = d.to_table(38);
    }
    let (left, right, _, rows) = common::reviewed(presplit, left, right);
    if rows
        .iter()
        .any(|r| common::formula_like(&r.left_text) || common::formula_like(&r.right_text))
    {
        // A text that itself starts with an apostrophe and a formula
        // character cannot be told from a neutralised one.
        return;
    }
    let csv = to_csv(&rows, "de", "en", &CsvOptions::default()).expect("CSV writes");
    let from_csv = read_table("a.csv", &String::from_utf8(csv).expect("CSV is UTF-8"));
    let from_json = read_table(
        "a.json",
        &json::to_json(&rows, &left, &right).expect("JSON"),
    );
    let from_jsonl = read_table(
        "a.jsonl",
        &json::to_jsonl(&rows, &left, &right).expect("JSONL"),
    );
    if rows.is_empty() {
        return;
    }
    let expected = from_rows(&rows, "de", "en");
    assert_eq!(from_json.expect("the JSON of align reads"), expected);
    assert_eq!(from_jsonl.expect("the JSON Lines of align read"), expected);
    if !rows
        .iter()
        .any(|r| r.left_text.starts_with('\'') || r.right_text.starts_with('\''))
    {
        assert_eq!(from_csv.expect("the CSV of align reads"), expected);
    }
});
