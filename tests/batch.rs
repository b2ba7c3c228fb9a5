//! `tralign batch`, `tralign batch --jsonl` and `tralign pair`, run as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use std::io::Write;

fn tralign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Three document pairs cut from data/news-blinken along its gold beads,
/// plus three short pairs on other subjects: (left, right) texts, one sentence a line.
fn documents() -> Vec<(String, String)> {
    let de = lines("data/news-blinken/de.sentences.txt");
    let en = lines("data/news-blinken/en.sentences.txt");
    let mut docs = vec![
        (de[0..5].join("\n"), en[0..5].join("\n")),
        (de[5..10].join("\n"), en[5..10].join("\n")),
        (de[10..15].join("\n"), en[10..16].join("\n")),
    ];
    docs.push((
        "Der Hamburger Hafen schlug 2019 rund 136 Millionen Tonnen um.\nDie Elbvertiefung kostete 800 Millionen Euro.\nKritiker in Cuxhaven warnten vor Schäden am Watt.".into(),
        "The port of Hamburg handled some 136 million tonnes in 2019.\nDeepening the Elbe cost 800 million euros.\nCritics in Cuxhaven warned of damage to the mudflats.".into(),
    ));
    docs.push((
        "Edward Whymper erreichte 1865 als Erster den Gipfel des Matterhorns.\nBeim Abstieg stürzten vier Männer seiner Seilschaft in den Tod.\nZermatt wurde danach zum Ziel von Bergsteigern aus ganz Europa.".into(),
        "Edward Whymper was the first to reach the summit of the Matterhorn in 1865.\nOn the descent four men of his party fell to their deaths.\nZermatt then became a goal for climbers from all over Europe.".into(),
    ));
    docs.push((
        "Marie Curie erhielt 1903 den Nobelpreis für Physik.\nAcht Jahre später, 1911, folgte der Nobelpreis für Chemie.\nSie entdeckte mit Pierre Curie die Elemente Polonium und Radium.".into(),
        "Marie Curie received the Nobel Prize in Physics in 1903.\nEight years later, in 1911, the Nobel Prize in Chemistry followed.\nWith Pierre Curie she discovered the elements polonium and radium.".into(),
    ));
    docs
}

/// Writes the documents as left/NAME.txt and right/NAME.txt.
fn folders(dir: &Path, docs: &[(String, String)]) -> (PathBuf, PathBuf) {
    let (left, right) = (dir.join("left"), dir.join("right"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    for (k, (l, r)) in docs.iter().enumerate() {
        std::fs::write(left.join(format!("doc{k}.txt")), l).unwrap();
        std::fs::write(right.join(format!("doc{k}.txt")), r).unwrap();
    }
    (left, right)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The ladder `tralign align` writes for one pair.
fn align_ladder(left: &Path, right: &Path) -> String {
    let out = tralign(&[
        "align",
        "--presplit",
        "--langs",
        "de,en",
        "--format",
        "ladder",
        s(left),
        s(right),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn a_broken_pair_in_the_middle_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = folders(dir.path(), &documents()[..3]);
    // A binary file where a text should be.
    std::fs::write(left.join("doc1.txt"), b"PK\x03\x04\x00\x00\x08\x00binary").unwrap();
    let out_dir = dir.path().join("out");
    let out = tralign(&[
        "batch",
        "--dirs",
        s(&left),
        s(&right),
        "--langs",
        "de,en",
        "--presplit",
        "--format",
        "ladder",
        "-o",
        s(&out_dir),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("doc1.txt: "), "{stderr}");
    assert!(stderr.contains("1 of 3 pairs failed"), "{stderr}");
    assert!(!out_dir.join("doc1.ladder").exists());
    for k in [0, 2] {
        let name = format!("doc{k}.txt");
        assert_eq!(
            std::fs::read_to_string(out_dir.join(format!("doc{k}.ladder"))).unwrap(),
            align_ladder(&left.join(&name), &right.join(&name)),
        );
    }
}

#[test]
fn a_manifest_with_a_missing_file_fails_that_pair_only() {
    let dir = tempfile::tempdir().unwrap();
    folders(dir.path(), &documents()[..3]);
    let manifest = dir.path().join("pairs.tsv");
    std::fs::write(
        &manifest,
        "left/doc0.txt\tright/doc0.txt\ta.csv\nleft/missing.txt\tright/doc1.txt\tb.csv\nleft/doc2.txt\tright/doc2.txt\tc.csv\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = tralign(&[
        "batch",
        "--manifest",
        s(&manifest),
        "--langs",
        "de,en",
        "--presplit",
        "-o",
        s(&out_dir),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(out_dir.join("a.csv").exists() && out_dir.join("c.csv").exists());
    assert!(!out_dir.join("b.csv").exists());
    let csv = std::fs::read_to_string(out_dir.join("a.csv")).unwrap();
    assert!(csv.starts_with("id,de_lines,en_lines,de,en,"), "{csv}");
}

#[test]
fn outputs_never_land_outside_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    folders(dir.path(), &documents()[..1]);
    let out_dir = dir.path().join("out");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out_dir.join("link")).unwrap();
    let absolute = dir.path().join("absolute.csv");
    let names = [
        "../escaped.csv".to_string(),
        "sub/../../escaped2.csv".to_string(),
        absolute.display().to_string(),
        "link/through.csv".to_string(),
        "fine.csv".to_string(),
    ];
    let manifest: String = names
        .iter()
        .map(|n| format!("left/doc0.txt\tright/doc0.txt\t{n}\n"))
        .collect();
    std::fs::write(dir.path().join("pairs.tsv"), manifest).unwrap();
    let out = tralign(&[
        "batch",
        "--manifest",
        s(&dir.path().join("pairs.tsv")),
        "--langs",
        "de,en",
        "-o",
        s(&out_dir),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("4 of 5 pairs failed"),
        "{}",
        text(&out.stderr)
    );
    assert!(out_dir.join("fine.csv").exists());
    assert!(!dir.path().join("escaped.csv").exists());
    assert!(!dir.path().join("escaped2.csv").exists());
    assert!(!absolute.exists());
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn pair_finds_shuffled_documents_and_leaves_strays_out() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents();
    let (left, right) = (dir.path().join("de"), dir.path().join("en"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    // Right names are a shuffle of the left ones: de/a{k} renders en/b{SHUFFLE[k]}.
    const SHUFFLE: [usize; 6] = [4, 0, 5, 2, 1, 3];
    for (k, (l, r)) in docs.iter().enumerate() {
        std::fs::write(left.join(format!("a{k}.txt")), l).unwrap();
        std::fs::write(right.join(format!("b{}.txt", SHUFFLE[k])), r).unwrap();
    }
    std::fs::write(
        right.join("stray.txt"),
        "Quarterly sales of garden furniture fell sharply.\nRain was blamed.",
    )
    .unwrap();
    let out = tralign(&[
        "pair",
        s(&left),
        s(&right),
        "--langs",
        "de,en",
        "--presplit",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let found: Vec<(String, String)> = stdout
        .lines()
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{line}");
            let name = |p: &str| {
                Path::new(p)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            };
            (name(cols[0]), name(cols[1]))
        })
        .collect();
    let want: Vec<(String, String)> = (0..6)
        .map(|k| (format!("a{k}.txt"), format!("b{}.txt", SHUFFLE[k])))
        .collect();
    assert_eq!(found, want);
    assert!(
        text(&out.stderr).contains("stray.txt"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn jsonl_round_trip_matches_align_and_survives_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents();
    let (left, right) = folders(dir.path(), &docs[..2]);
    let pair = |id: &str, (l, r): &(String, String)| {
        serde_json::json!({"id": id, "left": l, "right": r, "langs": ["de", "en"], "presplit": true}).to_string()
    };
    let mut input = Vec::new();
    writeln!(input, "{}", pair("first", &docs[0])).unwrap();
    writeln!(input, "{{\"id\": \"broken\", \"left\": 3}}").unwrap();
    input.extend_from_slice(b"{\"id\": \"bytes\", \"left\": \"Gr\xFC\"}\n");
    writeln!(input, "{}", pair("second", &docs[1])).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(["batch", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4);
    assert_eq!(records[1]["id"], "broken");
    assert_eq!(records[1]["line"], 2);
    assert!(records[1]["error"].is_string());
    assert_eq!(records[2]["line"], 3);
    for (record, k) in [(&records[0], 0), (&records[3], 1)] {
        let ladder: String = record["beads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| format!("{}:{}\n", b[0], b[1]).replace(',', ", "))
            .collect();
        let name = format!("doc{k}.txt");
        assert_eq!(ladder, align_ladder(&left.join(&name), &right.join(&name)));
        let confidence = record["confidence"].as_array().unwrap();
        assert_eq!(confidence.len(), record["beads"].as_array().unwrap().len());
        assert!(confidence
            .iter()
            .all(|c| (0.0..=1.0).contains(&c.as_f64().unwrap())));
    }
}

#[test]
fn entries_left_out_of_the_folders_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = (dir.path().join("de"), dir.path().join("en"));
    std::fs::create_dir_all(de.join("sub")).unwrap();
    std::fs::create_dir(&en).unwrap();
    std::fs::copy("data/news-blinken/de.txt", de.join("a.txt")).unwrap();
    std::fs::copy("data/news-blinken/en.txt", en.join("a.txt")).unwrap();
    std::fs::write(de.join(".DS_Store"), "x").unwrap();
    std::os::unix::fs::symlink("loop", de.join("loop")).unwrap();
    std::os::unix::fs::symlink("missing.txt", en.join("gone.txt")).unwrap();
    let fifo = en.join("fifo.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let want = [
        format!("tralign: warning: {}: skipped, a hidden file", de.join(".DS_Store").display()),
        format!(
            "tralign: warning: {}: skipped, a symbolic link that leads nowhere (its target is missing, or it loops)",
            de.join("loop").display()
        ),
        format!("tralign: warning: {}: skipped, a FIFO, not a regular file", fifo.display()),
        format!(
            "tralign: warning: {}: skipped, a symbolic link that leads nowhere (its target is missing, or it loops)",
            en.join("gone.txt").display()
        ),
    ];
    let out = dir.path().join("out");
    let (de, en, out) = (
        de.to_str().unwrap(),
        en.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    for args in [
        vec!["batch", "--dirs", de, en, "--langs", "de,en", "-o", out],
        vec!["pair", de, en, "--langs", "de,en"],
    ] {
        let run = tralign(&args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{err}");
        let skipped: Vec<&str> = err.lines().filter(|l| l.contains(": skipped, ")).collect();
        assert_eq!(skipped, want, "{args:?}");
    }
}
