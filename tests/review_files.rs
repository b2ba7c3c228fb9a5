//! The files a reviewer gets and gives back: the format follows the name
//! given to `-o`, and the XLSX opens whole in a spreadsheet and prints well.

mod common;

use std::io::Read;
use std::path::Path;

use common::tralign;

const DE: &str = "tests/fixtures/winter/de.txt";
const EN: &str = "tests/fixtures/winter/en.txt";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `align` of the winter fixture into `out`.
fn align_to(out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "align",
        "--presplit",
        "--langs",
        "de,en",
        DE,
        EN,
        "-o",
        s(out),
    ];
    args.extend_from_slice(extra);
    tralign(&args)
}

#[test]
fn the_format_follows_the_extension_of_the_output() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("review.xlsx", &b"PK\x03\x04"[..]),
        ("pairs.tmx", b"<?xml"),
        ("pairs.json", b"{"),
        ("pairs.jsonl", b"{\"id\":1"),
        ("review.html", b"<!DOCTYPE html>"),
        ("review.HTM", b"<!DOCTYPE html>"),
        ("hyp.ladder", b"[0]:[0]"),
        ("review.csv", b"id,de_lines"),
        ("review.txt", b"id,de_lines"),
    ] {
        let out = dir.path().join(name);
        let run = align_to(&out, &[]);
        assert!(run.status.success(), "{name}: {}", text(&run.stderr));
        let bytes = std::fs::read(&out).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            text(&bytes[..20])
        );
    }
}

#[test]
fn a_format_that_contradicts_the_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.xlsx");
    let run = align_to(&out, &["--format", "csv"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains(&format!(
            "-o {} names a .xlsx file, but --format csv was given",
            s(&out)
        )),
        "{}",
        text(&run.stderr)
    );
    assert!(!out.exists());
    // A format that agrees, and one for a name that says nothing, are fine.
    assert!(align_to(&out, &["--format", "xlsx"]).status.success());
    let other = dir.path().join("review.out");
    assert!(align_to(&other, &["--format", "tmx"]).status.success());
    // apply and qa follow the extension too.
    let review = dir.path().join("review.csv");
    assert!(align_to(&review, &[]).status.success());
    let csv = dir.path().join("accepted.csv");
    let run = tralign(&["apply", s(&review), "--include-unreviewed", "-o", s(&csv)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("id,de_lines"));
    let findings = dir.path().join("findings.json");
    let args = [
        "qa",
        "--presplit",
        "--langs",
        "de,en",
        DE,
        EN,
        "-o",
        s(&findings),
    ];
    assert!(tralign(&args).status.code().is_some_and(|c| c < 2));
    assert!(std::fs::read_to_string(&findings).unwrap().starts_with('['));
}

/// The part `name` of the workbook at `path`, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn every_row_of_the_xlsx_has_the_height_of_its_text_and_it_prints_landscape() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.xlsx");
    assert!(align_to(&out, &[]).status.success());
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    let heights: Vec<f64> = sheet
        .split("<row ")
        .skip(2) // what comes before the rows, and the header
        .map(|row| {
            let row = &row[..row.find('>').unwrap()];
            // A row of one line keeps the sheet's default height.
            row.find(" ht=\"").map_or(15.0, |at| {
                let at = at + 5;
                row[at..at + row[at..].find('"').unwrap()].parse().unwrap()
            })
        })
        .collect();
    assert!(sheet.contains("defaultRowHeight=\"15\""), "{sheet}");
    // One line is 15 points; row 3, the longest sentence with nothing
    // beside it, takes three, two others two.
    assert_eq!(heights, [30.0, 15.0, 45.0, 15.0, 15.0, 30.0, 15.0, 15.0]);
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    let book = part(&out, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "{book}");
    assert!(book.contains("alignment!$1:$1"), "{book}");
}
