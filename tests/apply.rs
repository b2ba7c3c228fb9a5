//! `tralign apply`: a review CSV edited as a spreadsheet user would edit it,
//! back into the accepted pairs.

mod common;

use std::path::Path;

use common::{assert_valid_tmx, tmx_pairs, tralign, tralign_ok};

const WINTER_DE: &str = "tests/fixtures/winter/de.txt";
const WINTER_EN: &str = "tests/fixtures/winter/en.txt";

/// The review CSV of the winter fixture, as records (header first).
fn review_records() -> Vec<Vec<String>> {
    let csv = tralign_ok(&[
        "align",
        "--presplit",
        "--langs",
        "de,en",
        WINTER_DE,
        WINTER_EN,
    ]);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&csv[..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Saves records as German Excel does: `;` between cells, a BOM, CRLF.
fn save_as_german_excel(path: &Path, records: &[Vec<String>]) {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    for r in records {
        writer.write_record(r).unwrap();
    }
    drop(writer);
    std::fs::write(path, out).unwrap();
}

fn column(records: &[Vec<String>], name: &str) -> usize {
    records[0].iter().position(|h| h == name).unwrap()
}

#[test]
fn the_tmx_holds_exactly_the_accepted_pairs_as_edited() {
    let mut records = review_records();
    let (de, en, status, comment) = (
        column(&records, "de"),
        column(&records, "en"),
        column(&records, "status"),
        column(&records, "comment"),
    );
    // Rows 1, 3 (formula-like), 4 (markup) and 8 ok; 2 rejected; 5 ok with
    // an edited German cell; the others not reviewed.
    let verdicts = ["OK", "reject", "", "ok", "Ok", "ok", "", "ok"];
    assert_eq!(
        records.len() - 1,
        verdicts.len(),
        "the fixture's beads changed"
    );
    for (row, verdict) in records[1..].iter_mut().zip(verdicts) {
        row[status] = verdict.to_string();
    }
    records[6][de] = "Die Straßen waren glatt; 120 Unfälle wurden 2023 gemeldet.".into();
    records[6][comment] = "Satz umgestellt".into();
    let mut expected: Vec<Vec<String>> = Vec::new();
    for (k, row) in records[1..].iter().enumerate() {
        if verdicts[k].eq_ignore_ascii_case("ok") && !row[de].is_empty() && !row[en].is_empty() {
            // The source (English) comes first; the apostrophe that kept
            // a formula from running is gone.
            let undo = |s: &str| s.strip_prefix('\'').unwrap_or(s).to_string();
            expected.push(vec![undo(&row[en]), undo(&row[de])]);
        }
    }
    // A spreadsheet user sorted by confidence.
    let conf = column(&records, "confidence");
    records[1..].sort_by(|a, b| a[conf].cmp(&b[conf]));

    let dir = tempfile::tempdir().unwrap();
    let reviewed = dir.path().join("reviewed.csv");
    save_as_german_excel(&reviewed, &records);
    let out = dir.path().join("accepted.tmx");
    let run = tralign(&[
        "apply",
        reviewed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("5 ok, 1 rejected, 2 not reviewed"),
        "{stderr}"
    );
    let tmx = std::fs::read_to_string(&out).unwrap();
    assert_eq!(tmx_pairs(&tmx), expected);
    assert!(tmx.contains("=1+1 is not a formula"));
    assert!(tmx.contains("<note>Satz umgestellt</note>"));
    assert!(tmx.contains("<prop type=\"x-status\">ok</prop>"));
    assert_valid_tmx(&out);

    // With the unreviewed rows: rows 3 and 7 join, row 3 has no English.
    let all = tralign_ok(&["apply", reviewed.to_str().unwrap(), "--include-unreviewed"]);
    let all = String::from_utf8(all).unwrap();
    assert_eq!(tmx_pairs(&all).len(), expected.len() + 1);
    assert!(all.contains("<prop type=\"x-status\">unreviewed</prop>"));
}

#[test]
fn the_csv_output_is_sorted_by_id_and_applies_again_to_the_same_tmx() {
    let mut records = review_records();
    let status = column(&records, "status");
    for row in records[1..].iter_mut().step_by(2) {
        row[status] = "ok".into();
    }
    records[1..].reverse();
    let dir = tempfile::tempdir().unwrap();
    let reviewed = dir.path().join("reviewed.csv");
    save_as_german_excel(&reviewed, &records);
    let csv_out = dir.path().join("accepted.csv");
    tralign_ok(&[
        "apply",
        reviewed.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv_out.to_str().unwrap(),
    ]);
    let ids: Vec<String> = csv::Reader::from_path(&csv_out)
        .unwrap()
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids, ["1", "3", "5", "7"]);
    let direct = tralign_ok(&["apply", reviewed.to_str().unwrap()]);
    let again = tralign_ok(&["apply", csv_out.to_str().unwrap()]);
    assert_eq!(direct, again);
}

#[test]
fn a_malformed_cell_is_named_and_nothing_is_written() {
    let mut records = review_records();
    let status = column(&records, "status");
    records[1][status] = "ok".into();
    records[4][status] = "vielleicht".into();
    let dir = tempfile::tempdir().unwrap();
    let reviewed = dir.path().join("reviewed.csv");
    save_as_german_excel(&reviewed, &records);
    let out = dir.path().join("accepted.tmx");
    std::fs::write(&out, "an earlier export").unwrap();
    let run = tralign(&[
        "apply",
        reviewed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr).trim(),
        format!(
            "tralign: {}: row 5, column status: expected ok, reject or nothing, found \"vielleicht\"",
            reviewed.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "an earlier export");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary file left"
    );
}

#[test]
fn a_windows_1252_file_as_german_excel_saves_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let reviewed = dir.path().join("reviewed.csv");
    std::fs::write(
        &reviewed,
        b"id;de_lines;en_lines;de;en;status\n1;1;1;Gr\xFC\xDFe aus K\xF6ln;Greetings from Cologne;ok\n",
    )
    .unwrap();
    let run = tralign(&["apply", "--format", "csv", reviewed.to_str().unwrap()]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = String::from_utf8(run.stdout).unwrap();
    assert!(out.contains("Grüße aus Köln"), "{out}");
}
