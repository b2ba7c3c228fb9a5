//! What the integration tests share: running the binary with a fixed
//! creation time, and validating TMX with xmllint.

#![allow(dead_code)] // each test binary uses its own part of this

use std::path::Path;
use std::process::{Command, Output};

/// The creation time the tests stamp into TMX and XLSX files.
pub const EPOCH: &str = "1714000000";

/// Runs `tralign` with `args` from the package root.
pub fn tralign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("the tralign binary runs")
}

/// Runs `tralign` and returns its standard output, failing on an error.
pub fn tralign_ok(args: &[&str]) -> Vec<u8> {
    let out = tralign(args);
    assert!(
        out.status.success(),
        "tralign {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Validates a TMX file against tests/tmx14.dtd with xmllint. Without
/// xmllint the check is skipped with a message, except on CI (`CI` set),
/// where .ci/run installs it and a missing xmllint is a failure.
pub fn assert_valid_tmx(path: &Path) {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tmx14.dtd");
    let run = Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(&dtd)
        .arg(path)
        .output();
    match run {
        Ok(out) => assert!(
            out.status.success(),
            "{} is not valid TMX 1.4: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("xmllint not found (apt-get install libxml2-utils): TMX not validated")
        }
        Err(e) => panic!("xmllint is needed on CI: {e}"),
    }
}

/// The texts of the `seg` elements of each `tu`, unescaped.
pub fn tmx_pairs(tmx: &str) -> Vec<Vec<String>> {
    tmx.split("<tu ")
        .skip(1)
        .map(|tu| {
            tu.split("<seg>")
                .skip(1)
                .map(|s| {
                    let seg = &s[..s.find("</seg>").expect("seg is closed")];
                    seg.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&")
                })
                .collect()
        })
        .collect()
}
