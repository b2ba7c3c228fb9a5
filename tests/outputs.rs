//! Outputs never replace what is not theirs: no file the run reads, however
//! it is reached; devices, FIFOs and links are written through or followed,
//! not replaced; replaced files keep their mode and owner, new ones follow
//! the umask; an interrupted write leaves no temporary file. Cases that need
//! root (device nodes, giving files away) skip with a message otherwise.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const DE: &str = "data/news-blinken/de.txt";
const EN: &str = "data/news-blinken/en.txt";

fn tralign() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tralign"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn run(args: &[&str]) -> Output {
    tralign().args(args).output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder with copies of the German and English texts.
fn texts() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = (dir.path().join("de.txt"), dir.path().join("en.txt"));
    fs::copy(DE, &de).unwrap();
    fs::copy(EN, &en).unwrap();
    (dir, de, en)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn is_root() -> bool {
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if !root {
        eprintln!("skipped: needs root");
    }
    root
}

/// Asserts a refusal to overwrite `input`, which keeps its content.
fn assert_refused(out: &Output, input: &Path, before: &[u8]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("the output would overwrite the input"),
        "{err}"
    );
    assert_eq!(fs::read(input).unwrap(), before);
}

/// The `.tralign-*.tmp` files in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tralign-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_dictionary_is_never_the_output() {
    let (dir, de, en) = texts();
    let dict = dir.path().join("de-en.tsv");
    let lexicon = b"Minister\tminister\n";
    fs::write(&dict, lexicon).unwrap();
    for verb in ["align", "qa"] {
        let out = run(&[verb, s(&de), s(&en), "--dict", s(&dict), "-o", s(&dict)]);
        assert_refused(&out, &dict, lexicon);
    }
    // A dictd dictionary named by its stem reads the .index beside it.
    let index = dir.path().join("deu-eng.index");
    fs::write(&index, "minister\t0\t8\n").unwrap();
    let stem = dir.path().join("deu-eng");
    let out = run(&["align", s(&de), s(&en), "--dict", s(&stem), "-o", s(&index)]);
    assert_refused(&out, &index, b"minister\t0\t8\n");
}

#[test]
fn standard_input_redirected_from_the_output_is_refused() {
    let (_dir, de, en) = texts();
    let before = fs::read(&de).unwrap();
    let out = tralign()
        .args(["align", "-", s(&en), "--langs", "de,en", "-o", s(&de)])
        .stdin(fs::File::open(&de).unwrap())
        .output()
        .unwrap();
    assert_refused(&out, &de, &before);
    assert!(stderr(&out).contains("on standard input"));
}

#[test]
fn other_names_of_an_input_are_refused() {
    let (dir, de, en) = texts();
    let before = fs::read(&de).unwrap();
    let hard = dir.path().join("hard.txt");
    fs::hard_link(&de, &hard).unwrap();
    let soft = dir.path().join("soft.txt");
    std::os::unix::fs::symlink("de.txt", &soft).unwrap();
    let dotted = dir.path().join(".").join("de.txt");
    for other in [&hard, &soft, &dotted] {
        let out = run(&["align", s(&de), s(&en), "-o", s(other)]);
        assert_refused(&out, &de, &before);
    }
}

#[test]
fn a_batch_never_writes_over_its_manifest_or_an_input() {
    let (dir, de, en) = texts();
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    // The manifest lies in the output folder under the name of an output,
    // and so does the left input of another pair.
    let manifest = out_dir.join("a.csv");
    let input = out_dir.join("b.csv");
    fs::copy(&de, &input).unwrap();
    let text = format!(
        "{}\t{}\ta.csv\n{}\t{}\tb.csv\n{}\t{}\tc.csv\n",
        s(&de),
        s(&en),
        s(&de),
        s(&en),
        s(&input),
        s(&en)
    );
    fs::write(&manifest, &text).unwrap();
    let out = run(&[
        "batch",
        "--manifest",
        s(&manifest),
        "--langs",
        "de,en",
        "-o",
        s(&out_dir),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("2 of 3 pairs failed"), "{err}");
    assert_eq!(fs::read_to_string(&manifest).unwrap(), text);
    assert_eq!(fs::read(&input).unwrap(), fs::read(&de).unwrap());
    assert!(fs::read_to_string(out_dir.join("c.csv"))
        .unwrap()
        .starts_with("id,de_lines"));
}

#[test]
fn a_symbolic_link_is_followed_not_replaced() {
    let (dir, de, en) = texts();
    let real = dir.path().join("real.csv");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    let out = run(&["align", s(&de), s(&en), "-o", s(&link)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real)
        .unwrap()
        .starts_with("id,de_lines"));
    // A link to a file yet to be made makes the file.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    let out = run(&["align", s(&de), s(&en), "-o", s(&dangling)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("made.csv").is_file());
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn a_fifo_and_a_link_to_standard_output_are_written_through() {
    let (dir, de, en) = texts();
    let ladder = |o: &str| run(&["align", "--format", "ladder", s(&de), s(&en), "-o", o]);
    let expected = ladder("-").stdout;
    assert!(!expected.is_empty());
    let link = dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let out = ladder(s(&link));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, expected);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let out = ladder(s(&fifo));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(reader.join().unwrap(), expected);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Makes a device node like /dev/`name` (major 1) in `dir`.
fn device(dir: &Path, name: &str, minor: &str) -> PathBuf {
    let node = dir.join(name);
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", minor])
        .status()
        .unwrap();
    assert!(made.success());
    node
}

#[test]
fn devices_are_written_through_and_a_full_disk_is_reported() {
    if !is_root() {
        return;
    }
    let (dir, de, en) = texts();
    // Copies of /dev/null and /dev/full, so that a failure here cannot
    // break the machine's own.
    let null = device(dir.path(), "null", "3");
    let out = run(&["align", s(&de), s(&en), "-o", s(&null)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::metadata(&null).unwrap().file_type().is_char_device());
    let full = device(dir.path(), "full", "7");
    for args in [
        vec!["align", s(&de), s(&en), "-o", s(&full)],
        vec!["segment", s(&de), "-o", s(&full)],
    ] {
        let out = run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(
            err,
            format!(
                "tralign: {}: No space left on device (os error 28)\n",
                s(&full)
            )
        );
        assert!(fs::metadata(&full).unwrap().file_type().is_char_device());
    }
    // eval writes to standard output only; a full one is an error, not a panic.
    let gold = "data/news-blinken/gold.de-en.txt";
    let out = tralign()
        .args(["eval", gold, gold])
        .stdout(fs::File::create(&full).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("No space left on device"));
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
    let (dir, de, en) = texts();
    let kept = dir.path().join("kept.csv");
    fs::write(&kept, "old").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(&["align", s(&de), s(&en), "-o", s(&kept)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::metadata(&kept).unwrap().mode() & 0o7777, 0o640);
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let new = dir.path().join(format!("new-{umask}.csv"));
        let script = format!(
            "umask {umask} && exec \"$0\" align {} {} -o {}",
            s(&de),
            s(&en),
            s(&new)
        );
        let status = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_tralign")])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            fs::metadata(&new).unwrap().mode() & 0o7777,
            mode,
            "umask {umask}"
        );
    }
}

#[test]
fn a_replaced_file_keeps_its_owner() {
    if !is_root() {
        return;
    }
    let (dir, de, en) = texts();
    let theirs = dir.path().join("theirs.csv");
    fs::write(&theirs, "old").unwrap();
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    let out = run(&["align", s(&de), s(&en), "-o", s(&theirs)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = fs::metadata(&theirs).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (signal, number) in [("INT", 2), ("TERM", 15)] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sentences.txt");
        fs::write(&out, "kept").unwrap();
        // Standard input stays open, so tralign waits with the temporary
        // file made (it is made before the input is read).
        let mut child = tralign()
            .args(["segment", "-", "--lang", "de", "-o", s(&out)])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut waited = 0;
        while temporaries(dir.path()).is_empty() {
            assert!(waited < 3000, "no temporary file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
            waited += 10;
        }
        // The shell's own kill, as a kill program need not be installed.
        let killed = Command::new("sh")
            .args(["-c", &format!("kill -{signal} {}", child.id())])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "{status:?}");
        assert!(
            temporaries(dir.path()).is_empty(),
            "{:?}",
            temporaries(dir.path())
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
    }
}

#[test]
fn messages_name_the_output_not_the_temporary_file() {
    let (dir, de, en) = texts();
    let missing = dir.path().join("no-such-folder").join("out.csv");
    let out = run(&["align", s(&de), s(&en), "-o", s(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "tralign: {}: No such file or directory (os error 2)\n",
            s(&missing)
        )
    );
    let out = run(&["align", s(&de), s(&en), "-o", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}
