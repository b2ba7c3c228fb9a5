//! The conventions of command-line tools, through the binary: colour that
//! follows NO_COLOR, TERM=dumb and --color; shell completions; man pages.

mod common;

use std::process::Command;

use common::tralign;

const QA: [&str; 4] = [
    "qa",
    "--presplit",
    "data/qa/corpus/trade.de.sentences.txt",
    "data/qa/corpus/trade.en.sentences.txt",
];

fn coloured(out: &[u8]) -> bool {
    out.contains(&0x1b)
}

#[test]
fn colour_only_on_request_when_not_on_a_terminal() {
    let plain = tralign(&QA);
    assert_eq!(plain.status.code(), Some(1), "the corpus pair has findings");
    assert!(!coloured(&plain.stdout));
    let mut always = QA.to_vec();
    always.extend(["--color", "always"]);
    assert!(coloured(&tralign(&always).stdout));
    let mut never = QA.to_vec();
    never.extend(["--color", "never"]);
    assert!(!coloured(&tralign(&never).stdout));
    let out = tralign(&["--color", "sometimes", "qa", "a", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'sometimes'"));
}

/// Runs qa on a pseudo-terminal with `script`, in the environment `env`.
fn on_a_terminal(env: &[(&str, &str)], extra: &str) -> Option<Vec<u8>> {
    let bin = env!("CARGO_BIN_EXE_tralign");
    let line = format!("{bin} {} {extra}", QA.join(" "));
    let mut command = Command::new("script");
    command
        .args(["-qec", &line, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm-256color");
    for (k, v) in env {
        command.env(k, v);
    }
    match command.output() {
        Ok(out) => Some(out.stdout),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("script (util-linux) not found: colour on a terminal not checked");
            None
        }
        Err(e) => panic!("script is needed on CI: {e}"),
    }
}

#[test]
fn on_a_terminal_colour_follows_no_color_and_term() {
    let Some(out) = on_a_terminal(&[], "") else {
        return;
    };
    assert!(coloured(&out), "{}", String::from_utf8_lossy(&out));
    assert!(!coloured(&on_a_terminal(&[("NO_COLOR", "1")], "").unwrap()));
    assert!(!coloured(&on_a_terminal(&[("TERM", "dumb")], "").unwrap()));
    assert!(!coloured(&on_a_terminal(&[], "--color never").unwrap()));
    assert!(coloured(
        &on_a_terminal(&[("NO_COLOR", "1")], "--color always").unwrap()
    ));
}

#[test]
fn completions_for_each_shell() {
    for (shell, mark) in [
        ("bash", "_tralign()"),
        ("zsh", "#compdef tralign"),
        ("fish", "complete -c tralign"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = tralign(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(mark), "{shell}: no {mark}");
        assert!(
            script.contains("align") && script.contains("langs"),
            "{shell}"
        );
    }
    let out = tralign(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_for_tralign_and_each_command() {
    let page = String::from_utf8(tralign(&["man"]).stdout).unwrap();
    assert!(page.contains(".TH tralign 1"), "{page}");
    assert!(
        page.contains(".SH SUBCOMMANDS") && page.contains("tralign\\-align"),
        "{page}"
    );
    let page = String::from_utf8(tralign(&["man", "align"]).stdout).unwrap();
    assert!(page.contains(".TH tralign-align 1"), "{page}");
    assert!(page.contains("\\-\\-langs"), "{page}");
    let out = tralign(&["man", "allign"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no command \"allign\""));
}
