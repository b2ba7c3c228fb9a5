//! Reviewing the alignment of any two texts, with every QA check: no panic;
//! one row per bead, numbered from 1, with its bead, a confidence from 0 to
//! 1 and the texts of its sentences; every finding on an existing row and
//! within its bead; the QA report renders as text, CSV and JSON that parses.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tralign::qa::report::Report;
use tralign::qa::{check, Options};

fuzz_target!(|input: (bool, &str, &str)| {
    let (presplit, left, right) = input;
    let (left, right, alignment, rows) = common::reviewed(presplit, left, right);
    assert_eq!(rows.len(), alignment.beads.len());
    for (k, (row, bead)) in rows.iter().zip(&alignment.beads).enumerate() {
        assert_eq!(row.id, k + 1);
        assert_eq!(&row.bead, bead);
        assert!((0.0..=1.0).contains(&row.confidence), "{}", row.confidence);
        for (text, doc, range) in [
            (&row.left_text, &left, &bead.left),
            (&row.right_text, &right, &bead.right),
        ] {
            for s in &doc.sentences[range.clone()] {
                assert!(text.contains(s.text.trim()), "{text:?} lacks {:?}", s.text);
            }
        }
    }
    let findings = check(&left, &right, &alignment, &Options::default());
    for f in &findings {
        assert!((1..=rows.len()).contains(&f.row), "row {}", f.row);
        // A finding about a merged row may name the part of its bead that
        // holds the omission, never more.
        let bead = &alignment.beads[f.row - 1];
        let within = |part: &std::ops::Range<usize>, whole: &std::ops::Range<usize>| {
            part.is_empty() || (whole.start <= part.start && part.end <= whole.end)
        };
        assert!(within(&f.bead.left, &bead.left) && within(&f.bead.right, &bead.right));
    }
    let report = Report {
        findings: &findings,
        left: &left,
        right: &right,
        rows: rows.len(),
    };
    let _ = report.text(true);
    report.csv().expect("the QA CSV writes");
    let json: serde_json::Value = serde_json::from_str(&report.json()).expect("QA JSON parses");
    assert_eq!(json.as_array().map(Vec::len), Some(findings.len()));
});
