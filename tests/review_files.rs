//! The files a reviewer gets and gives back: the format follows the name
//! given to `-o`.

mod common;

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
