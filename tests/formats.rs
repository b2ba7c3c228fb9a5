//! Every output format of `align` on data/news-blinken against a golden file,
//! byte for byte, and what users of each format rely on.
//!
//! The inputs are the reference sentence files with `--presplit`, so the
//! goldens do not move when the segmenter changes. After an intended change
//! of output, refresh them with
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test formats
//! ```
//!
//! and review the diff. The XLSX golden is compared byte for byte too: with
//! the creation time fixed (SOURCE_DATE_EPOCH), rust_xlsxwriter writes the
//! same bytes every time; scripts/test-libreoffice.sh checks its cells.

mod common;

use std::path::Path;

use common::{assert_valid_tmx, tmx_pairs, tralign, tralign_ok};

const DE: &str = "data/news-blinken/de.sentences.txt";
const EN: &str = "data/news-blinken/en.sentences.txt";
const WINTER_DE: &str = "tests/fixtures/winter/de.txt";
const WINTER_EN: &str = "tests/fixtures/winter/en.txt";

fn align(left: &str, right: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["align", "--presplit", "--langs", "de,en", left, right];
    all.extend_from_slice(args);
    tralign_ok(&all)
}

/// Compares `actual` with tests/golden/`name`, or writes it there when
/// UPDATE_GOLDEN is set. Returns a message on a mismatch.
fn golden(name: &str, actual: &[u8]) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    match std::fs::read(&path) {
        Ok(expected) if expected == actual => None,
        Ok(_) => Some(format!(
            "{name} differs from its golden file (UPDATE_GOLDEN=1 cargo test --test formats \
             refreshes it after an intended change)"
        )),
        Err(e) => Some(format!("{name}: {e}")),
    }
}

#[test]
fn every_format_matches_its_golden_file() {
    let cases: [(&str, &[&str]); 8] = [
        ("news-blinken.csv", &["--format", "csv"]),
        ("news-blinken.excel.csv", &["--format", "csv", "--excel"]),
        ("news-blinken.ladder", &["--format", "ladder"]),
        ("news-blinken.tmx", &["--format", "tmx"]),
        ("news-blinken.xlsx", &["--format", "xlsx"]),
        ("news-blinken.json", &["--format", "json"]),
        ("news-blinken.jsonl", &["--format", "jsonl"]),
        ("news-blinken.html", &["--format", "html"]),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, args)| golden(name, &align(DE, EN, args)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tmx_is_valid_against_the_dtd() {
    let dir = tempfile::tempdir().unwrap();
    for (name, left, right) in [("news.tmx", DE, EN), ("winter.tmx", WINTER_DE, WINTER_EN)] {
        let path = dir.path().join(name);
        std::fs::write(&path, align(left, right, &["--format", "tmx"])).unwrap();
        assert_valid_tmx(&path);
    }
}

#[test]
fn tmx_header_names_the_original_and_the_fixed_date() {
    let tmx = String::from_utf8(align(DE, EN, &["--format", "tmx"])).unwrap();
    assert!(tmx.contains("srclang=\"en\""));
    assert!(tmx.contains("creationdate=\"20240424T230640Z\""));
    assert!(tmx.contains(&format!(
        "creationtoolversion=\"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
    let first = tmx.find("<tuv xml:lang=\"en\">").unwrap();
    assert!(first < tmx.find("<tuv xml:lang=\"de\">").unwrap());

    let tmx =
        String::from_utf8(align(DE, EN, &["--format", "tmx", "--source-lang", "de"])).unwrap();
    assert!(tmx.contains("srclang=\"de\""));
    let first = tmx.find("<tuv xml:lang=\"de\">").unwrap();
    assert!(first < tmx.find("<tuv xml:lang=\"en\">").unwrap());

    let out = tralign(&[
        "align",
        "--presplit",
        "--langs",
        "de,en",
        DE,
        EN,
        "--format",
        "tmx",
        "--source-lang",
        "fr",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// The confidences of the CSV rows, as shown.
fn csv_confidences(csv: &[u8]) -> Vec<f64> {
    csv::Reader::from_reader(csv)
        .records()
        .map(|r| r.unwrap()[6].parse().unwrap())
        .collect()
}

#[test]
fn min_confidence_keeps_exactly_the_confident_beads() {
    let all = csv_confidences(&align(DE, EN, &[]));
    assert!(
        all.iter().any(|&c| c < 0.9),
        "the test needs a doubtful bead"
    );
    let tmx = String::from_utf8(align(
        DE,
        EN,
        &["--format", "tmx", "--min-confidence", "0.9"],
    ))
    .unwrap();
    let kept: Vec<f64> = tmx
        .split("<prop type=\"x-confidence\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].parse().unwrap())
        .collect();
    let expected: Vec<f64> = all.iter().copied().filter(|&c| c >= 0.9).collect();
    assert_eq!(kept, expected);
    let csv = align(DE, EN, &["--min-confidence", "0.9"]);
    assert_eq!(csv_confidences(&csv), expected);
}

#[test]
fn tmx_keeps_formula_like_text_and_markup_as_text() {
    let tmx = String::from_utf8(align(WINTER_DE, WINTER_EN, &["--format", "tmx"])).unwrap();
    let pairs = tmx_pairs(&tmx);
    let flat: Vec<&str> = pairs.iter().flatten().map(String::as_str).collect();
    assert!(flat.contains(&"=1+1 is not a formula but a sentence about snow."));
    assert!(flat.contains(&"-5 Grad wurden am Flughafen gemessen."));
    assert!(flat.contains(&"The mayor wrote: <script>alert(1)</script>"));
    assert!(!tmx.contains("<script>"));
    // The German sentence without an English partner is no translation unit.
    assert!(!tmx.contains("keine Entsprechung"));
}

#[test]
fn html_escapes_text_and_loads_nothing() {
    let html = String::from_utf8(align(WINTER_DE, WINTER_EN, &["--format", "html"])).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    for load in ["src=", "http:", "https:", "url(", "@import"] {
        assert!(
            !html.contains(load),
            "the page must not load anything: {load}"
        );
    }
    assert!(html.contains("Content-Security-Policy"));
    // Flags are visible, and the flagged rows can be shown alone.
    assert!(html.contains("<span class=\"flag\">unaligned</span>"));
    assert!(html.contains("id=\"only-flagged\""));
    // One step of the path a bead, and one table row a bead.
    let beads = align(WINTER_DE, WINTER_EN, &["--format", "ladder"]);
    let n = String::from_utf8(beads).unwrap().lines().count();
    assert_eq!(
        html.matches("<line x1=").count() - 1,
        n,
        "steps besides the diagonal"
    );
    assert_eq!(html.matches("<tr id=\"r").count(), n);
}

#[test]
fn json_spans_point_at_the_sentences_in_the_input_file() {
    for (left, right, presplit) in [
        (DE, EN, true),
        (
            "data/news-blinken/de.txt",
            "data/news-blinken/en.txt",
            false,
        ),
    ] {
        let mut args = vec!["align", "--langs", "de,en", left, right, "--format", "json"];
        if presplit {
            args.push("--presplit");
        }
        let json: serde_json::Value = serde_json::from_slice(&tralign_ok(&args)).unwrap();
        assert_eq!(json["format"], "tralign-alignment");
        for (side, file) in [("left", left), ("right", right)] {
            let text = std::fs::read_to_string(file).unwrap();
            let mut next = 0;
            for bead in json["beads"].as_array().unwrap() {
                let s = &bead[side];
                let indices: Vec<u64> = s["indices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_u64().unwrap())
                    .collect();
                let pieces: Vec<String> = s["spans"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|span| {
                        let (a, b) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
                        let piece = &text[a as usize..b as usize];
                        piece.split_whitespace().collect::<Vec<_>>().join(" ")
                    })
                    .collect();
                assert_eq!(pieces.len(), indices.len());
                assert_eq!(pieces.join(" "), s["text"].as_str().unwrap());
                for i in indices {
                    assert_eq!(i, next, "every sentence once, in order");
                    next += 1;
                }
            }
            assert_eq!(next, json[side]["sentences"].as_u64().unwrap());
        }
    }
}

#[test]
fn jsonl_holds_the_beads_of_json_one_a_line() {
    let json: serde_json::Value =
        serde_json::from_slice(&align(DE, EN, &["--format", "json"])).unwrap();
    let jsonl = String::from_utf8(align(DE, EN, &["--format", "jsonl"])).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, json["beads"].as_array().unwrap());
}

/// Every key the JSON output uses is described in docs/json-schema.json.
#[test]
fn json_schema_describes_every_field() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let output: serde_json::Value =
        serde_json::from_slice(&align(WINTER_DE, WINTER_EN, &["--format", "json"])).unwrap();
    check_against(&output, &schema, &schema, "$");
}

fn resolve<'a>(node: &'a serde_json::Value, root: &'a serde_json::Value) -> &'a serde_json::Value {
    match node["$ref"].as_str() {
        Some(r) => &root["$defs"][r.trim_start_matches("#/$defs/")],
        None => node,
    }
}

fn check_against(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    root: &serde_json::Value,
    at: &str,
) {
    let schema = resolve(schema, root);
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let sub = schema["properties"]
                    .get(key)
                    .unwrap_or_else(|| panic!("{at}.{key} is not in docs/json-schema.json"));
                assert!(
                    resolve(sub, root).get("description").is_some(),
                    "{at}.{key} has no description in docs/json-schema.json"
                );
                check_against(v, sub, root, &format!("{at}.{key}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (k, v) in items.iter().enumerate() {
                check_against(v, &schema["items"], root, &format!("{at}[{k}]"));
            }
        }
        _ => {}
    }
}
