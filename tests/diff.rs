//! `tralign diff` on a revised version of a pair (data/qa/revised), on CSV,
//! JSON, JSON Lines and ladder files, and its errors.

use std::process::{Command, Output};

const OLD: [&str; 2] = [
    "data/qa/corpus/museum.de.sentences.txt",
    "data/qa/corpus/museum.en.sentences.txt",
];
const NEW: [&str; 2] = [
    "data/qa/revised/museum.de.sentences.txt",
    "data/qa/revised/museum.en.sentences.txt",
];

fn tralign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(args)
        .output()
        .unwrap()
}

/// The (change, old row, new row) cells of a diff CSV.
fn changes(csv: &[u8]) -> Vec<(String, String, String)> {
    csv::Reader::from_reader(csv)
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string(), r[2].to_string())
        })
        .collect()
}

fn expected() -> Vec<(String, String, String)> {
    [
        ("changed", "2", "2"),
        ("changed", "7", "7"),
        ("changed", "8", "8"),
        ("removed", "9", ""),
        ("added", "", "9"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect()
}

#[test]
fn a_revised_pair_shows_its_changed_removed_and_added_rows() {
    let out = tralign(&[
        "diff",
        "--pairs",
        "--presplit",
        OLD[0],
        OLD[1],
        NEW[0],
        NEW[1],
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1), "differences exit with 1");
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with("change,old_row,new_row,en,old_de,new_de\n"),
        "{text}"
    );
    assert!(text.contains(
        "changed,7,7,\"The museum expects more than 120,000 visitors.\",\
         Das Museum erwartet mehr als 150.000 Besucher.,Das Museum erwartet mehr als 120.000 Besucher.\n"
    ));
    assert_eq!(changes(&out.stdout), expected());
}

/// Aligns the old and the new pair into `dir` in `format`; the two paths.
fn align_both(dir: &std::path::Path, format: &str) -> [String; 2] {
    [("old", OLD), ("new", NEW)].map(|(name, pair)| {
        let file = dir.join(format!("{name}.{format}"));
        let file = file.to_str().unwrap();
        let out = tralign(&[
            "align",
            "--presplit",
            pair[0],
            pair[1],
            "--format",
            format,
            "-o",
            file,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        file.to_string()
    })
}

#[test]
fn two_json_outputs_give_the_same_diff_as_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    let [old_json, new_json] = align_both(dir.path(), "json");
    let [old_jsonl, new_jsonl] = align_both(dir.path(), "jsonl");
    let [old_csv, new_csv] = align_both(dir.path(), "csv");
    for (old, new) in [
        (&old_json, &new_json),
        (&old_jsonl, &new_jsonl),
        (&old_csv, &new_json),
        (&old_json, &new_csv),
    ] {
        let out = tralign(&["diff", old, new, "--format", "csv"]);
        assert_eq!(out.status.code(), Some(1), "{old} {new}");
        assert_eq!(changes(&out.stdout), expected(), "{old} {new}");
    }
    let table = String::from_utf8(tralign(&["diff", &old_json, &new_json]).stdout).unwrap();
    assert!(table.starts_with("change    old  new  en "), "{table}");
    for (a, b) in [(&new_json, &new_csv), (&old_jsonl, &old_json)] {
        let same = tralign(&["diff", a, b]);
        assert_eq!(same.status.code(), Some(0), "{a} {b}: the same alignment");
    }
}

#[test]
fn two_review_csvs_give_the_same_diff_as_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    let [old, new] = align_both(dir.path(), "csv");
    let (old, new) = (old.as_str(), new.as_str());
    let out = tralign(&["diff", old, new, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(changes(&out.stdout), expected());
    let table = String::from_utf8(tralign(&["diff", old, new]).stdout).unwrap();
    assert!(table.starts_with("change    old  new  en "), "{table}");
    assert!(
        table.ends_with("3 changed, 1 added, 1 removed, 5 unchanged\n"),
        "{table}"
    );
    let same = tralign(&["diff", old, old]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "the same alignment exits with 0"
    );
    assert_eq!(
        String::from_utf8_lossy(&same.stdout),
        "0 changed, 0 added, 0 removed, 9 unchanged\n"
    );
}

#[test]
fn ladder_files_are_compared_by_their_source_indices() {
    let dir = tempfile::tempdir().unwrap();
    let hyp = dir.path().join("hyp.txt");
    // The aligner's mistake on news-blinken: English 13 merged into a 1-2.
    let gold = std::fs::read_to_string("data/news-blinken/gold.de-en.txt").unwrap();
    std::fs::write(
        &hyp,
        gold.replace("[]:[12]\n[12]:[13]\n", "[12]:[12, 13]\n"),
    )
    .unwrap();
    let out = tralign(&[
        "diff",
        "data/news-blinken/gold.de-en.txt",
        hyp.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "change,old_row,new_row,right,old_left,new_left\n\
         removed,12,,[12],[],\n\
         removed,13,,[13],[12],\n\
         added,,12,\"[12, 13]\",,[12]\n"
    );
}

#[test]
fn unreadable_inputs_and_clobbering_outputs_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("a.json");
    // The JSON of `tralign qa`, not of `align`.
    std::fs::write(&json, "[{\"check\": \"numbers\", \"row\": 1}]\n").unwrap();
    let json = json.to_str().unwrap();
    let out = tralign(&["diff", json, json]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "tralign: {json}: is a JSON array, not the JSON that align writes (tralign-alignment)"
        )),
        "{err}"
    );
    let out = tralign(&[
        "diff", "--pairs", OLD[0], OLD[1], NEW[0], NEW[1], "-o", OLD[0],
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(OLD[0])
        .unwrap()
        .starts_with("Das Wallraf-Museum"));
    let out = tralign(&["diff", "--pairs", OLD[0], OLD[1]]);
    assert_eq!(out.status.code(), Some(2));
}
