//! How the languages of a pair are settled, as a user meets it: file names
//! without codes, BCP-47 tags, one language twice, swapped sides.

mod common;

use std::path::{Path, PathBuf};

use common::{tralign, tralign_ok};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The bundled news pair under names that say nothing of their language.
fn unnamed_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let (de, en) = (dir.join("artikel.txt"), dir.join("article.txt"));
    std::fs::copy("data/news-blinken/de.txt", &de).unwrap();
    std::fs::copy("data/news-blinken/en.txt", &en).unwrap();
    (de, en)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn artikel_and_article_align_without_langs_and_the_guess_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = unnamed_pair(dir.path());
    let out = tralign(&["align", s(&de), s(&en)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("artikel.txt: language de, guessed from its words"),
        "{stderr}"
    );
    assert!(
        stderr.contains("article.txt: language en, guessed"),
        "{stderr}"
    );
    let csv = text(&out.stdout);
    assert!(csv.starts_with("id,de_lines,en_lines,de,en,"), "{csv}");
    let named = tralign_ok(&[
        "align",
        "data/news-blinken/de.txt",
        "data/news-blinken/en.txt",
    ]);
    assert_eq!(out.stdout, named, "the guess aligns as the file names do");
}

#[test]
fn langs_overrides_the_guess_and_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = unnamed_pair(dir.path());
    let out = tralign(&["align", "--langs", "de,en", s(&de), s(&en)]);
    assert!(out.status.success());
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn language_names_are_refused_with_the_tag_to_use() {
    let out = tralign(&[
        "align",
        "--langs",
        "german,english",
        "data/news-blinken/de.txt",
        "data/news-blinken/en.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("'german'"), "{stderr}");
    assert!(stderr.contains("(for german, write de)"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_region_reaches_the_tmx_and_the_german_rules_still_apply() {
    let args = |langs: &str, format: &str| {
        tralign_ok(&[
            "align",
            "--langs",
            langs,
            "--format",
            format,
            "data/news-blinken/de.txt",
            "data/news-blinken/en.txt",
        ])
    };
    let tmx = text(&args("de-DE,en-us", "tmx"));
    assert!(tmx.contains("xml:lang=\"de-DE\""), "{tmx}");
    assert!(tmx.contains("xml:lang=\"en-US\""), "{tmx}");
    // Same beads as with the bare codes: the German rules were used.
    assert_eq!(args("de-DE,en-US", "ladder"), args("de,en", "ladder"));
    let csv = text(&args("de-DE,en-US", "csv"));
    assert!(
        csv.starts_with("id,de-DE_lines,en-US_lines,de-DE,en-US,"),
        "{csv}"
    );
}

#[test]
fn one_language_on_both_sides_is_refused() {
    let out = tralign(&[
        "align",
        "--langs",
        "en,en",
        "data/news-blinken/de.txt",
        "data/news-blinken/en.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--langs en,en names one language twice"));
    // Two variants of one language are two columns, which apply reads back.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("review.csv");
    let out = tralign(&[
        "align",
        "--langs",
        "en-GB,en-US",
        "data/news-blinken/en.txt",
        "data/news-blinken/en.txt",
        "-o",
        s(&csv),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = tralign(&["apply", s(&csv), "--include-unreviewed"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn sides_that_look_swapped_get_a_warning() {
    let out = tralign(&[
        "align",
        "--langs",
        "de,en",
        "data/news-blinken/en.txt",
        "data/news-blinken/de.txt",
    ]);
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: the sides look swapped"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn segment_guesses_too_and_takes_tags() {
    let dir = tempfile::tempdir().unwrap();
    let (de, _) = unnamed_pair(dir.path());
    let out = tralign(&["segment", s(&de)]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("artikel.txt: language de, guessed"));
    let tagged = tralign_ok(&["segment", "--lang", "de-AT", s(&de)]);
    assert_eq!(out.stdout, tagged);
    let out = tralign(&["segment", "--lang", "deutsch", s(&de)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("(for deutsch, write de)"));
    let numbers = dir.path().join("numbers.txt");
    std::fs::write(&numbers, "1 2 3\n").unwrap();
    let out = tralign(&["segment", s(&numbers)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot tell its language"));
}

#[test]
fn batch_guesses_each_pair_and_ends_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = (dir.path().join("left"), dir.path().join("right"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    std::fs::copy("data/letter/de.txt", left.join("letter.txt")).unwrap();
    std::fs::copy("data/letter/en.txt", right.join("letter.txt")).unwrap();
    std::fs::copy("data/manual/de.txt", left.join("manual.txt")).unwrap();
    std::fs::copy("data/manual/en.txt", right.join("manual.txt")).unwrap();
    let out_dir = dir.path().join("out");
    let out = tralign(&["batch", "--dirs", s(&left), s(&right), "-o", s(&out_dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("manual.txt: language de, guessed"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!(
            "tralign: all 2 pairs aligned into {}\n",
            s(&out_dir)
        )),
        "{stderr}"
    );
    let csv = std::fs::read_to_string(out_dir.join("letter.csv")).unwrap();
    assert!(csv.starts_with("id,de_lines,en_lines,"));
}
