//! What tralign says when something is off, as the user reads it: the file
//! the user named (never a temporary one), the value that was wrong, and
//! the true reason a document was left unpaired.

mod common;

use std::path::Path;

use common::tralign;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn an_output_in_a_missing_folder_is_named_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nodir").join("x.csv");
    let out = tralign(&[
        "align",
        "data/news-blinken/de.txt",
        "data/news-blinken/en.txt",
        "-o",
        s(&target),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert_eq!(
        message.trim(),
        format!(
            "tralign: {}: No such file or directory (os error 2)",
            s(&target)
        )
    );
    assert!(!message.contains("nodir/.tmp"), "{message}");
}

#[test]
fn a_bad_cell_is_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let reviewed = dir.path().join("reviewed.csv");
    for (cells, column, found) in [
        ("1,1,1,Eins.,One.,okay,0.9", "status", "okay"),
        ("1,1,1,Eins.,One.,ok,high", "confidence", "high"),
        ("1,eins,1,Eins.,One.,ok,0.9", "de_lines", "eins"),
        ("x,1,1,Eins.,One.,ok,0.9", "id", "x"),
    ] {
        std::fs::write(
            &reviewed,
            format!("id,de_lines,en_lines,de,en,status,confidence\n{cells}\n"),
        )
        .unwrap();
        let out = tralign(&["apply", s(&reviewed)]);
        assert_eq!(out.status.code(), Some(2));
        let message = stderr(&out);
        assert!(
            message.contains(&format!("row 2, column {column}: expected"))
                && message
                    .trim_end()
                    .ends_with(&format!(", found \"{found}\"")),
            "{message}"
        );
    }
}

#[test]
fn pair_says_where_the_closest_counterpart_went() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = (dir.path().join("de"), dir.path().join("en"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    let de = std::fs::read_to_string("data/news-blinken/de.txt").unwrap();
    // Two German versions of one English article: one of them is left over.
    std::fs::write(left.join("a.txt"), &de).unwrap();
    let shorter: String = de.lines().take(12).collect::<Vec<_>>().join("\n");
    std::fs::write(left.join("b.txt"), shorter).unwrap();
    std::fs::copy("data/news-blinken/en.txt", right.join("x.txt")).unwrap();
    let out = tralign(&["pair", s(&left), s(&right), "--langs", "de,en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(!message.contains("no counterpart scores"), "{message}");
    assert!(
        message.contains("b.txt: its closest counterpart, ")
            && message.contains("x.txt (")
            && message.contains("is paired with ")
            && message.contains("a.txt ("),
        "{message}"
    );
}
