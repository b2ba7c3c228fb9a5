//! The same German article in other encodings, line ends and Unicode forms
//! aligns exactly like the clean UTF-8 file, and the binary says how it read
//! any input that was not UTF-8.

use std::process::Command;

use unicode_normalization::UnicodeNormalization;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/news-blinken");

/// Runs `tralign align` on a German file and the English one of the same
/// kind; returns the ladder and standard error.
fn align_ladder(de: &str, presplit: bool, extra: &[&str]) -> (String, String) {
    let en = if presplit {
        "en.sentences.txt"
    } else {
        "en.txt"
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_tralign"));
    command.args(["align", "--langs", "de,en", "--format", "ladder"]);
    if presplit {
        command.arg("--presplit");
    }
    let run = command
        .args(extra)
        .args([de, &format!("{DIR}/{en}")])
        .output()
        .unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(0), "{err}");
    (String::from_utf8(run.stdout).unwrap(), err)
}

/// Variants of a UTF-8 text as bytes, with a name for messages.
fn variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
    assert!(!unmappable, "the article fits Windows-1252");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut mixed = String::new();
    for (k, pair) in lines.windows(2).enumerate() {
        // CR before an empty line would read as one CRLF: a blank line lost.
        let end = match k % 3 {
            0 => "\n",
            1 => "\r\n",
            _ if pair[1].is_empty() => "\n",
            _ => "\r",
        };
        mixed.push_str(pair[0]);
        mixed.push_str(end);
    }
    mixed.push_str(lines.last().unwrap_or(&""));
    let b = mixed.as_bytes();
    let lone_cr = b.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n');
    let lone_lf = b.windows(2).any(|w| w[0] != b'\r' && w[1] == b'\n');
    assert!(mixed.contains("\r\n") && lone_cr && lone_lf);
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    vec![
        ("windows-1252 with CRLF", cp1252.into_owned()),
        ("NFD", text.nfd().collect::<String>().into_bytes()),
        (
            "UTF-8 with BOM",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
        ("UTF-16BE", utf16be),
        ("mixed line ends", mixed.into_bytes()),
    ]
}

#[test]
fn every_variant_aligns_like_the_clean_utf8_file() {
    let dir = tempfile::tempdir().unwrap();
    for (file, presplit) in [("de.sentences.txt", true), ("de.txt", false)] {
        let clean = format!("{DIR}/{file}");
        let (expected, _) = align_ladder(&clean, presplit, &[]);
        assert!(expected.lines().count() > 10);
        let text = std::fs::read_to_string(&clean).unwrap();
        for (what, bytes) in variants(&text) {
            let path = dir.path().join(file);
            std::fs::write(&path, bytes).unwrap();
            let (ladder, _) = align_ladder(path.to_str().unwrap(), presplit, &[]);
            assert_eq!(ladder, expected, "{file} as {what}");
        }
    }
}

#[test]
fn an_encoding_other_than_utf8_is_reported_and_can_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("de.txt");
    let text = std::fs::read_to_string(format!("{DIR}/de.sentences.txt")).unwrap();
    std::fs::write(&path, encoding_rs::WINDOWS_1252.encode(&text).0).unwrap();
    let de = path.to_str().unwrap();
    let (guessed, err) = align_ladder(de, true, &[]);
    assert!(
        err.starts_with(&format!("tralign: {de}: read as windows-1252 (guessed")),
        "{err}"
    );
    // Named, it is read the same and needs no note.
    let (named, err) = align_ladder(de, true, &["--encoding", "latin1"]);
    assert_eq!((named, err.as_str()), (guessed, ""));
}
