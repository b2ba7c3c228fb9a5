//! Writing the review of any two texts in every format, each with the
//! invariant it must keep: the CSV has a row per bead and no text cell a
//! spreadsheet would run as a formula, and reads back through `apply`; the
//! TMX is well-formed XML with each pair's texts as they were (less what XML
//! forbids); the HTML has no markup from the texts (its tags are those of
//! the same rows with every markup character of the texts replaced); the
//! JSON parses with a bead per row; the XLSX writes.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tralign::apply::read_review;
use tralign::review::{Flag, Row};
use tralign::write::csv::{to_csv, CsvOptions};
use tralign::write::escape::xml_allowed;
use tralign::write::tmx::{to_tmx, units_from_rows, TmxOptions};
use tralign::write::{html, json, xlsx};

fuzz_target!(|input: (bool, &str, &str, &str)| {
    let (presplit, left, right, name) = input;
    let (mut left, right, _, rows) = common::reviewed(presplit, left, right);
    left.name = name.to_string();
    csv(&rows);
    tmx(&rows);
    let page = html::to_html(&rows, &left, &right);
    let mut plain = left.clone();
    plain.name = mask(&left.name);
    let masked: Vec<Row> = rows.iter().map(mask_row).collect();
    let tags = |page: &str| page.matches('<').count();
    assert_eq!(tags(&page), tags(&html::to_html(&masked, &plain, &right)));
    let doc: serde_json::Value =
        serde_json::from_str(&json::to_json(&rows, &left, &right).expect("JSON writes"))
            .expect("JSON parses");
    assert_eq!(doc["beads"].as_array().map(Vec::len), Some(rows.len()));
    let lines = json::to_jsonl(&rows, &left, &right).expect("JSON Lines write");
    assert_eq!(lines.lines().count(), rows.len());
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("a JSON line parses");
    }
    xlsx::to_xlsx(&rows, "de", "en", 0).expect("XLSX writes");
});

fn csv(rows: &[Row]) {
    let bytes = to_csv(rows, "de", "en", &CsvOptions::default()).expect("CSV writes");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("CSV reads")).collect();
    assert_eq!(records.len(), rows.len());
    for record in &records {
        for column in [3, 4, 7, 8] {
            assert!(
                !common::formula_like(&record[column]),
                "{:?}",
                &record[column]
            );
        }
    }
    // apply reads back what align wrote, unless the texts are so full of
    // control characters that the file reads as binary.
    let texts = rows.iter().flat_map(|r| [&r.left_text, &r.right_text]);
    let controls = texts
        .flat_map(|t| t.chars())
        .filter(|c| c.is_control())
        .count();
    if controls == 0 {
        let review = read_review("r.csv", &bytes).expect("apply reads the CSV of align");
        assert_eq!(review.rows.len(), rows.len());
        for (read, row) in review.rows.iter().zip(rows) {
            assert_eq!(read.id, row.id);
            if !row.left_text.starts_with('\'') {
                assert_eq!(read.left, row.left_text.trim());
            }
        }
    }
}

fn tmx(rows: &[Row]) {
    let options = TmxOptions {
        left_lang: "de".into(),
        right_lang: "en".into(),
        source_lang: "en".into(),
        created: 0,
    };
    let tmx = to_tmx(&units_from_rows(rows), &options).expect("TMX writes");
    let doc = roxmltree::Document::parse(&tmx).expect("TMX is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    let body = root
        .children()
        .find(|n| n.has_tag_name("body"))
        .expect("a body");
    let units: Vec<_> = body.children().filter(|n| n.has_tag_name("tu")).collect();
    let kept: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.left_text.trim().is_empty() && !r.right_text.trim().is_empty())
        .collect();
    assert_eq!(units.len(), kept.len());
    for (unit, row) in units.iter().zip(kept) {
        let segs: Vec<String> = unit
            .descendants()
            .filter(|n| n.has_tag_name("seg"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect();
        let want = |t: &str| {
            t.trim()
                .chars()
                .filter(|&c| xml_allowed(c))
                .collect::<String>()
        };
        // The source, English, comes first.
        assert_eq!(segs, [want(&row.right_text), want(&row.left_text)]);
    }
}

/// `text` with every character that markup would need escaped replaced.
fn mask(text: &str) -> String {
    text.replace(['<', '>', '&', '"', '\''], "x")
}

fn mask_row(row: &Row) -> Row {
    let mut row = row.clone();
    row.left_text = mask(&row.left_text);
    row.right_text = mask(&row.right_text);
    row.anchors = row.anchors.iter().map(|a| mask(a)).collect();
    for flag in &mut row.flags {
        if let Flag::Qa { check, detail } = flag {
            *check = mask(check);
            *detail = mask(detail);
        }
    }
    row
}
