//! `tralign qa` on the planted-error corpus of data/qa and on data/news-blinken.
//!
//! The checks are judged twice: on the gold alignment of each pair (so that
//! only the checks are tested), and through the `qa` command, which aligns
//! the pair itself. `cargo test --test qa -- --nocapture` prints precision
//! and recall per check.

use std::collections::BTreeSet;
use std::process::{Command, Output};

use tralign::qa::{check_beads, Check, Finding, Options};
use tralign::read::read_text;
use tralign::write::csv::line_numbers;
use tralign::write::ladder::parse_ladder;
use tralign::{Bead, Document, Lang};

/// A finding as the corpus lists it: pair, de_lines, en_lines, check.
type Key = (String, String, String, String);

/// The corpus pairs and whether they have one sentence a line.
const PAIRS: [(&str, bool); 4] = [
    ("trade", true),
    ("visit", true),
    ("museum", true),
    ("festival", false),
];

fn texts(pair: &str, presplit: bool) -> [String; 2] {
    let infix = if presplit { ".sentences" } else { "" };
    ["de", "en"].map(|code| format!("data/qa/corpus/{pair}.{code}{infix}.txt"))
}

fn load(path: &str, code: &str, presplit: bool) -> Document {
    let text = read_text(path).unwrap();
    Document::from_text(path, &text, Lang::new(code).unwrap(), presplit)
}

fn gold(path: &str) -> Vec<Bead> {
    parse_ladder(path, &read_text(path).unwrap())
        .unwrap()
        .iter()
        .map(|link| {
            let range = |v: &[usize]| v.first().map_or(0..0, |&s| s..s + v.len());
            Bead {
                left: range(&link.left),
                right: range(&link.right),
            }
        })
        .collect()
}

fn key(pair: &str, f: &Finding) -> Key {
    (
        pair.to_string(),
        line_numbers(&f.bead.left),
        line_numbers(&f.bead.right),
        f.check.name().to_string(),
    )
}

fn expected() -> BTreeSet<Key> {
    read_text("data/qa/expected.tsv")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("pair\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].into(), c[1].into(), c[2].into(), c[3].into())
        })
        .collect()
}

/// Precision and recall per check, as a table.
fn table(found: &BTreeSet<Key>, expected: &BTreeSet<Key>) -> String {
    let mut out = format!(
        "{:<13}{:>9}{:>7}{:>7}{:>11}{:>8}\n",
        "check", "planted", "found", "right", "precision", "recall"
    );
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.2}", a as f64 / b as f64)
        }
    };
    for check in Check::ALL {
        let of = |set: &BTreeSet<Key>| -> BTreeSet<Key> {
            set.iter()
                .filter(|k| k.3 == check.name())
                .cloned()
                .collect()
        };
        let (f, e) = (of(found), of(expected));
        let right = f.intersection(&e).count();
        out.push_str(&format!(
            "{:<13}{:>9}{:>7}{:>7}{:>11}{:>8}\n",
            check.name(),
            e.len(),
            f.len(),
            right,
            ratio(right, f.len()),
            ratio(right, e.len())
        ));
    }
    out
}

fn assert_same(found: &BTreeSet<Key>, expected: &BTreeSet<Key>) {
    let missed: Vec<&Key> = expected.difference(found).collect();
    let wrong: Vec<&Key> = found.difference(expected).collect();
    assert!(
        missed.is_empty() && wrong.is_empty(),
        "planted errors missed: {missed:?}\nfindings on correct renderings: {wrong:?}"
    );
}

#[test]
fn on_the_gold_alignment_every_planted_error_is_found_and_nothing_else() {
    let mut found = BTreeSet::new();
    for (pair, presplit) in PAIRS {
        let [de, en] = texts(pair, presplit);
        let (l, r) = (load(&de, "de", presplit), load(&en, "en", presplit));
        let beads = gold(&format!("data/qa/corpus/{pair}.gold.txt"));
        for f in check_beads(&l, &r, &beads, &Options::default()) {
            found.insert(key(pair, &f));
        }
    }
    let expected = expected();
    println!(
        "qa on the gold alignment of data/qa/corpus:\n{}",
        table(&found, &expected)
    );
    assert_same(&found, &expected);
}

fn tralign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(args)
        .output()
        .unwrap()
}

/// The findings of `tralign qa --format csv` on a corpus pair, and its exit code.
fn qa_command(pair: &str, presplit: bool) -> (BTreeSet<Key>, Option<i32>) {
    let [de, en] = texts(pair, presplit);
    let mut args = vec![
        "qa",
        de.as_str(),
        en.as_str(),
        "--langs",
        "de,en",
        "--format",
        "csv",
    ];
    if presplit {
        args.push("--presplit");
    }
    let out = tralign(&args);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let keys = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                pair.to_string(),
                r[3].to_string(),
                r[4].to_string(),
                r[0].to_string(),
            )
        })
        .collect();
    (keys, out.status.code())
}

#[test]
fn the_qa_command_finds_every_planted_error_and_nothing_else() {
    let mut found = BTreeSet::new();
    for (pair, presplit) in PAIRS {
        let (keys, code) = qa_command(pair, presplit);
        assert_eq!(code, Some(1), "{pair}: findings exit with 1");
        found.extend(keys);
    }
    let expected = expected();
    println!(
        "tralign qa (which aligns first) on data/qa/corpus:\n{}",
        table(&found, &expected)
    );
    assert_same(&found, &expected);
}

#[test]
fn a_clean_pair_exits_with_0_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let de = dir.path().join("de.txt");
    let en = dir.path().join("en.txt");
    std::fs::write(
        &de,
        "Die Messe in Köln beginnt am 3. Mai.\nSie dauert drei Tage.\n",
    )
    .unwrap();
    std::fs::write(
        &en,
        "The fair in Cologne opens on May 3.\nIt lasts 3 days.\n",
    )
    .unwrap();
    let out = tralign(&[
        "qa",
        "--presplit",
        de.to_str().unwrap(),
        en.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "no findings in 2 rows\n"
    );
}

#[test]
fn ignored_checks_are_silent() {
    let [de, en] = texts("museum", true);
    let out = tralign(&[
        "qa",
        &de,
        &en,
        "--presplit",
        "--ignore",
        "numbers,calendar",
        "--ignore",
        "brackets",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = tralign(&["qa", &de, &en, "--presplit", "--ignore", "spelling"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tralign: 'spelling' is not a check"),
        "{err}"
    );
}

#[test]
fn the_text_report_groups_findings_by_check_with_counts() {
    let [de, en] = texts("museum", true);
    let out = tralign(&["qa", &de, &en, "--presplit"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        headings,
        [
            "numbers (1)",
            "calendar (1)",
            "brackets (1)",
            "3 findings in 9 rows: 2 errors, 1 warning, 0 info (numbers 1, calendar 1, brackets 1)"
        ]
    );
}

#[test]
fn qa_findings_are_flags_in_the_review_csv() {
    let [de, en] = texts("museum", true);
    let out = tralign(&["align", &de, &en, "--presplit"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let flags: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[8].to_string())
        .collect();
    assert_eq!(flags[1], "calendar (error): de has Samstag, en has Friday");
    assert_eq!(flags[7], "brackets (warning): de has 1 unpaired '('");
}

/// The flags column of `tralign align --presplit` on a corpus pair, a row a string.
fn review_flags(pair: &str, extra: &[&str]) -> Vec<String> {
    let [de, en] = texts(pair, true);
    let mut args = vec!["align", de.as_str(), en.as_str(), "--presplit"];
    args.extend(extra);
    let out = tralign(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| r.unwrap()[8].to_string())
        .collect()
}

#[test]
fn align_takes_ignore_and_min_severity_as_qa_does() {
    let all = review_flags("museum", &[]);
    assert!(
        all.iter().any(|f| f.starts_with("calendar (error)")),
        "{all:?}"
    );
    let ignored = review_flags("museum", &["--ignore", "calendar,brackets"]);
    assert!(
        ignored
            .iter()
            .all(|f| !f.contains("calendar") && !f.contains("brackets")),
        "{ignored:?}"
    );
    assert!(
        ignored.iter().any(|f| f.starts_with("numbers (error)")),
        "{ignored:?}"
    );
    let errors = review_flags("museum", &["--min-severity", "error"]);
    assert!(
        errors.iter().all(|f| !f.contains("(warning)")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|f| f.contains("(error)")), "{errors:?}");
    // qa: the same flags, and the exit code follows what is kept.
    let [de, en] = texts("museum", true);
    let qa = |extra: &[&str]| {
        let mut args = vec!["qa", de.as_str(), en.as_str(), "--presplit"];
        args.extend(extra);
        tralign(&args)
    };
    let out = qa(&["--min-severity", "error", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(",warning,"), "{text}");
    assert!(text.contains(",error,"), "{text}");
    let out = qa(&["--ignore", "numbers,calendar", "--min-severity", "error"]);
    assert_eq!(out.status.code(), Some(0), "only a warning is left");
    for bad in [&["--min-severity", "fatal"][..], &["--ignore", "spelling"]] {
        let mut args = vec!["align", de.as_str(), en.as_str()];
        args.extend(bad);
        let out = tralign(&args);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_omission_inside_a_merged_row_is_a_flag_of_that_row() {
    let [de, en] = texts("visit", true);
    let out = tralign(&["align", &de, &en, "--presplit"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let merged = rows
        .iter()
        .find(|r| &r[2] == "5-6")
        .expect("en 5-6 in one row");
    assert_eq!(&merged[1], "5");
    assert!(
        merged[8].starts_with("omission (warning): en sentence 6 has no counterpart in de: "),
        "{:?}",
        &merged[8]
    );
    assert!(!merged[8].contains("numbers:"), "{:?}", &merged[8]);
}

fn blinken_findings(beads: &[Bead]) -> Vec<Finding> {
    let de = load("data/news-blinken/de.sentences.txt", "de", true);
    let en = load("data/news-blinken/en.sentences.txt", "en", true);
    check_beads(&de, &en, beads, &Options::default())
}

/// The English sentence 13 is the one the German leaves out.
fn assert_blinken(findings: &[Finding]) {
    let omissions: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.check == Check::Omission)
        .collect();
    assert_eq!(omissions.len(), 1, "{findings:#?}");
    assert_eq!(
        omissions[0].message,
        "en sentence 13 has no counterpart in de"
    );
    assert!(
        findings.len() <= 2,
        "at most one other finding: {findings:#?}"
    );
}

#[test]
fn news_blinken_on_its_gold_alignment_reports_the_omitted_sentence() {
    assert_blinken(&blinken_findings(&gold("data/news-blinken/gold.de-en.txt")));
}

#[test]
fn news_blinken_qa_reports_the_omitted_sentence() {
    let out = tralign(&[
        "qa",
        "--presplit",
        "data/news-blinken/de.sentences.txt",
        "data/news-blinken/en.sentences.txt",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    let omitted: Vec<&serde_json::Value> =
        items.iter().filter(|f| f["check"] == "omission").collect();
    assert_eq!(omitted.len(), 1, "{v:#}");
    assert_eq!(omitted[0]["en_lines"], "13");
    assert_eq!(omitted[0]["de_lines"], "");
    assert!(items.len() <= 2, "at most one other finding: {v:#}");
}

/// The bundled de-en pairs, correct translations apart from the sentences
/// their gold alignments leave without counterpart.
const CORRECT_PAIRS: [&str; 5] = [
    "press-release",
    "manual",
    "dialogue",
    "letter",
    "news-blinken",
];

/// The omission findings inside merged rows (warnings; a 1-0 or 0-1 row's
/// omission is an error) of `tralign qa --format json`, and all findings.
fn merged_row_omissions(args: &[&str]) -> (usize, usize) {
    let mut all = vec!["qa", "--langs", "de,en", "--format", "json"];
    all.extend(args);
    let out = tralign(&all);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    let hidden = items
        .iter()
        .filter(|f| f["check"] == "omission" && f["severity"] == "warning")
        .count();
    (hidden, items.len())
}

#[test]
fn correct_merges_of_the_bundled_pairs_hide_no_omission() {
    println!("pair           gold: omissions/empty beads, findings; through qa raw, presplit: in merged rows, findings");
    for pair in CORRECT_PAIRS {
        let dir = format!("data/{pair}");
        let beads = gold(&format!("{dir}/gold.de-en.txt"));
        let de = load(&format!("{dir}/de.sentences.txt"), "de", true);
        let en = load(&format!("{dir}/en.sentences.txt"), "en", true);
        let findings = check_beads(&de, &en, &beads, &Options::default());
        let omissions = findings
            .iter()
            .filter(|f| f.check == Check::Omission)
            .count();
        let empty = beads
            .iter()
            .filter(|b| b.left.is_empty() || b.right.is_empty())
            .count();
        let [de_raw, en_raw] = ["de", "en"].map(|c| format!("{dir}/{c}.txt"));
        let [de_split, en_split] = ["de", "en"].map(|c| format!("{dir}/{c}.sentences.txt"));
        let raw = merged_row_omissions(&[&de_raw, &en_raw]);
        let presplit = merged_row_omissions(&["--presplit", &de_split, &en_split]);
        println!(
            "{pair:<15}{omissions}/{empty}, {}; {}, {}; {}, {}",
            findings.len(),
            raw.0,
            raw.1,
            presplit.0,
            presplit.1
        );
        assert_eq!(omissions, empty, "{pair}: {findings:#?}");
        assert_eq!((raw.0, presplit.0), (0, 0), "{pair}");
    }
}

#[test]
fn the_html_filter_keeps_every_row_the_legend_colours() {
    let [de, en] = texts("festival", false);
    let out = tralign(&["align", &de, &en, "--format", "html"]);
    let html = String::from_utf8(out.stdout).unwrap();
    // The doubled space of festival is an info finding: shown, but no colour.
    assert!(
        html.contains("<span class=\"flag info\">whitespace (info): "),
        "{html}"
    );
    let rows: Vec<&str> = html.lines().filter(|l| l.starts_with("<tr id=")).collect();
    let class = |row: &str| row.split('"').nth(3).unwrap_or("").to_string();
    let coloured = rows.iter().filter(|r| class(r) != "good").count();
    let info_row = rows.iter().find(|r| r.contains("flag info")).unwrap();
    assert_eq!(class(info_row), "good", "{info_row}");
    // The filter hides only the rows the legend leaves uncoloured, and
    // counts the others.
    assert!(html.contains("#only-flagged:checked ~ table tr.good { display: none; }"));
    assert!(
        html.contains(&format!("show only the {coloured} rows to check")),
        "{html}"
    );
}
