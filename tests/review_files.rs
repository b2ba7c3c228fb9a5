//! The files a reviewer gets and gives back: the format follows the name
//! given to `-o`, the XLSX opens whole in a spreadsheet and prints well,
//! `apply` reads the XLSX back, and the HTML fits a narrow screen.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::{tmx_pairs, tralign, tralign_ok};

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
    let csv = dir.path().join("accepted.csv");
    let run = tralign(&["apply", s(&out), "--include-unreviewed", "-o", s(&csv)]);
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
    // beside it, takes three, as does row 6 for its flag with the
    // finding's severity; another row takes two.
    assert_eq!(heights, [30.0, 15.0, 45.0, 15.0, 15.0, 45.0, 15.0, 15.0]);
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    let book = part(&out, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "{book}");
    assert!(book.contains("alignment!$1:$1"), "{book}");
}

#[test]
fn apply_reads_the_xlsx_a_reviewer_saved() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("review.xlsx");
    assert!(align_to(&written, &[]).status.success());
    // The reviewer's spreadsheet: the same sheet with verdicts, an edit and
    // a comment, saved again.
    let mut book: Xlsx<_> = calamine::open_workbook(&written).unwrap();
    let range = book.worksheet_range("alignment").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut saved = rust_xlsxwriter::Workbook::new();
    let sheet = saved.add_worksheet();
    sheet.set_name("alignment").unwrap();
    let verdicts = ["OK", "reject", "", "ok", "ok", "", "", "ok"];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c16) = (r as u32, c as u16);
            match cell {
                Data::Float(f) => sheet.write_number(r, c16, *f).map(|_| ()),
                Data::Empty => Ok(()),
                other => sheet.write_string(r, c16, other.to_string()).map(|_| ()),
            }
            .unwrap();
        }
        if r > 0 {
            sheet
                .write_string(r as u32, col("status") as u16, verdicts[r - 1])
                .unwrap();
        }
    }
    let edited = "Der Winter kam früh; es schneite schon im Oktober.";
    sheet.write_string(1, col("de") as u16, edited).unwrap();
    sheet
        .write_string(1, col("comment") as u16, "umgestellt")
        .unwrap();
    let reviewed = dir.path().join("reviewed.xlsx");
    saved.save(&reviewed).unwrap();

    let run = tralign(&[
        "apply",
        s(&reviewed),
        "-o",
        s(&dir.path().join("accepted.tmx")),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("4 ok, 1 rejected, 3 not reviewed"));
    let tmx = std::fs::read_to_string(dir.path().join("accepted.tmx")).unwrap();
    let pairs = tmx_pairs(&tmx);
    assert_eq!(pairs.len(), 4, "{tmx}");
    assert_eq!(pairs[0][1], edited);
    assert!(tmx.contains("<note>umgestellt</note>"));
    // A text that looks like a formula comes back as it was written.
    assert!(tmx.contains("=1+1 is not a formula"), "{tmx}");

    // The same verdicts in a CSV give the same TMX.
    let csv = tralign_ok(&[
        "apply",
        s(&reviewed),
        "--format",
        "csv",
        "--include-unreviewed",
    ]);
    assert!(text(&csv).starts_with("id,de_lines,en_lines,de,en,"));
}

#[test]
fn the_html_fits_a_narrow_screen() {
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = (dir.path().join("de.txt"), dir.path().join("en.txt"));
    std::fs::write(
        &de,
        "Die Donaudampfschifffahrtsgesellschaftskapitänsmütze lag da.\n",
    )
    .unwrap();
    std::fs::write(
        &en,
        "The Danube steamship company captain's cap lay there.\n",
    )
    .unwrap();
    let html = text(&tralign_ok(&["align", s(&de), s(&en), "--format", "html"]));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    // A compound wider than its column breaks inside it instead of running
    // into the next column.
    assert!(html.contains("td { vertical-align: top; padding: .4em; border-top: 1px solid #ddd; overflow-wrap: anywhere;"));
    // The picture scales down to the screen rather than being cut off.
    let svg = &html[html.find("<svg ").unwrap()..];
    let tag = &svg[..svg.find('>').unwrap()];
    let attr = |name: &str| {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].to_string()
    };
    assert_eq!(
        attr("viewBox"),
        format!("0 0 {} {}", attr("width"), attr("height"))
    );
    assert!(html.contains(".overview svg { max-width: 100%; height: auto; }"));
    assert!(html.contains("@media (max-width: 40em)"));
}
