//! What `tralign diff` shows of a change, and that it compares long
//! alignments without a table of every pair of rows.

mod common;

use std::fmt::Write;
use std::path::Path;

use common::tralign;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A review CSV with the given (German, English) pairs.
fn review_csv(path: &Path, pairs: &[(String, String)]) {
    let mut out = String::from("id,de_lines,en_lines,de,en,status\n");
    for (k, (de, en)) in pairs.iter().enumerate() {
        let n = k + 1;
        writeln!(out, "{n},{n},{n},\"{de}\",\"{en}\",").unwrap();
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_change_at_the_end_of_a_long_sentence_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let en = "The winter service was out with 300 vehicles and a lot of grit all night.";
    let old_de =
        "Der Winterdienst war mit 300 Fahrzeugen und viel Streugut die ganze Nacht unterwegs.";
    let new_de =
        "Der Winterdienst war mit 300 Fahrzeugen und viel Streugut die ganze Woche unterwegs.";
    let (old, new) = (dir.path().join("old.csv"), dir.path().join("new.csv"));
    review_csv(&old, &[(old_de.into(), en.into())]);
    review_csv(&new, &[(new_de.into(), en.into())]);
    let out = tralign(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let table = text(&out.stdout);
    let row = table.lines().nth(1).unwrap();
    assert!(row.starts_with("changed"), "{table}");
    // The first 38 characters of both versions are the same; the cells
    // show where they differ.
    assert!(row.contains("Nacht") && row.contains("Woche"), "{table}");
}

#[test]
fn thousands_of_rows_that_all_differ_are_compared() {
    // Every source differs: the old quadratic table would have held
    // 12,000 x 12,000 cells (576 MB); the linear search needs a few.
    let dir = tempfile::tempdir().unwrap();
    let pairs = |tag: &str| -> Vec<(String, String)> {
        (0..12_000)
            .map(|k| (format!("Satz {k} {tag}."), format!("Sentence {k} {tag}.")))
            .collect()
    };
    let (old, new) = (dir.path().join("old.csv"), dir.path().join("new.csv"));
    review_csv(&old, &pairs("alt"));
    review_csv(&new, &pairs("neu"));
    let out = tralign(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with("0 changed, 12000 added, 12000 removed, 0 unchanged\n"));
}
