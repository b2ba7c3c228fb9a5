//! Batches: many document pairs, each aligned and written on its own.
//!
//! In: [`Job`]s (left file, right file, output name), from a manifest
//! ([`read_manifest`]) or from two folders matched by file name
//! ([`match_folders`]), and one [`BatchConfig`]. Out: one file per job in the
//! output folder, written whole. A job fails on its own (its error names the
//! file) and never writes outside the output folder: [`output_path`] refuses
//! names that are absolute, climb with `..`, or pass through a symbolic link.
//! [`jsonl`] does the same for pairs that arrive as JSON lines.

pub mod jsonl;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::lang::{choose_pair, Tag};
use crate::review::review;
use crate::write::csv::{to_csv, CsvOptions};
use crate::write::ladder::to_ladder;
use crate::write::sink::{write_atomic, Reads, Sink};
use crate::{align_documents, read, AlignOptions, Document, Error, Lang};

/// One document pair of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The left text.
    pub left: PathBuf,
    /// The right text.
    pub right: PathBuf,
    /// Where the alignment goes, relative to the output folder.
    pub output: String,
}

/// What every job of a batch writes.
#[derive(Debug, Clone)]
pub enum Format {
    /// The bilingual review CSV.
    Csv(CsvOptions),
    /// One bead a line as `[i, j]:[k]`.
    Ladder,
}

impl Format {
    /// The file extension of the format, for outputs named after inputs.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Csv(_) => "csv",
            Format::Ladder => "ladder",
        }
    }
}

/// The settings every job of a batch shares.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    /// Left and right language tags; without them each pair's languages
    /// are told from its file names or its words.
    pub langs: Option<(Tag, Tag)>,
    /// The inputs have one sentence a line.
    pub presplit: bool,
    /// The output format.
    pub format: Format,
    /// The folder all outputs go to.
    pub out_dir: PathBuf,
    /// Files the batch reads besides a job's own two, such as the manifest
    /// and the inputs of the other jobs: no output may replace them.
    pub reads: Reads,
}

/// Reads a manifest: one job a line, tab-separated left path, right path and
/// output name. Further columns (such as the score `tralign pair` prints)
/// are ignored; blank lines and lines starting with `#` are skipped.
/// Relative paths are relative to `base`, the manifest's folder.
pub fn read_manifest(name: &str, text: &str, base: &Path) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || cols[..3].iter().any(|c| c.trim().is_empty()) {
            return Err(Error::input(
                name,
                format!(
                    "line {}: expected left path, right path and output name, separated by tabs",
                    n + 1
                ),
            ));
        }
        jobs.push(Job {
            left: base.join(cols[0].trim()),
            right: base.join(cols[1].trim()),
            output: cols[2].trim().to_string(),
        });
    }
    Ok(jobs)
}

/// The document pairs two folders hold, and what is left over.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// One job per file name found in both folders, outputs named after
    /// the file with the format's extension.
    pub jobs: Vec<Job>,
    /// The files found in one folder only.
    pub unmatched: Vec<PathBuf>,
    /// The entries of both folders left out.
    pub skipped: Vec<Skipped>,
}

/// Pairs the files of two folders that have the same name.
pub fn match_folders(left: &Path, right: &Path, format: &Format) -> Result<Matched, Error> {
    let (lefts, mut skipped) = list_files(left)?;
    let (rights, skipped_right) = list_files(right)?;
    skipped.extend(skipped_right);
    let mut jobs = Vec::new();
    let mut unmatched = Vec::new();
    for (name, path) in &lefts {
        match rights.get(name) {
            Some(other) => {
                let stem = Path::new(name)
                    .file_stem()
                    .map_or(name.clone(), |s| s.to_string_lossy().into_owned());
                jobs.push(Job {
                    left: path.clone(),
                    right: other.clone(),
                    output: format!("{stem}.{}", format.extension()),
                })
            }
            None => unmatched.push(path.clone()),
        }
    }
    unmatched.extend(
        rights
            .iter()
            .filter(|(name, _)| !lefts.contains_key(*name))
            .map(|(_, p)| p.clone()),
    );
    Ok(Matched {
        jobs,
        unmatched,
        skipped,
    })
}

/// An entry of a folder that is not read as a document, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry.
    pub path: PathBuf,
    /// Why it is left out, such as `a hidden file`.
    pub reason: &'static str,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: skipped, {}", self.path.display(), self.reason)
    }
}

/// The regular files of a folder by name, in name order (symbolic links to
/// them included), and the entries left out: hidden files, links that lead
/// nowhere, FIFOs, sockets and devices. Subfolders are left out silently.
pub fn list_files(dir: &Path) -> Result<(BTreeMap<String, PathBuf>, Vec<Skipped>), Error> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, e))?;
    let mut files = BTreeMap::new();
    let mut skipped = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&shown, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let reason = match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => continue,
            _ if name.starts_with('.') => "a hidden file",
            Ok(meta) if meta.is_file() => {
                files.insert(name, path);
                continue;
            }
            Ok(meta) => not_a_file(&meta),
            Err(_) => "a symbolic link that leads nowhere (its target is missing, or it loops)",
        };
        skipped.push(Skipped { path, reason });
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((files, skipped))
}

/// What an entry that is neither a file nor a folder is.
#[cfg(unix)]
fn not_a_file(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a FIFO, not a regular file"
    } else if kind.is_socket() {
        "a socket, not a regular file"
    } else {
        "a device, not a regular file"
    }
}

#[cfg(not(unix))]
fn not_a_file(_meta: &std::fs::Metadata) -> &'static str {
    "not a regular file"
}

/// The path of output `name` inside `out_dir`, refusing any name that could
/// land elsewhere: empty, absolute, with `.` or `..` parts, or through a
/// symbolic link that already exists inside the folder.
pub fn output_path(out_dir: &Path, name: &str) -> Result<PathBuf, Error> {
    let refuse = |why: &str| {
        Error::Usage(format!(
            "{name}: refused as an output name: {why}; outputs stay inside {}",
            out_dir.display()
        ))
    };
    let relative = Path::new(name);
    if name.is_empty() || name.ends_with('/') {
        return Err(refuse("it names no file"));
    }
    let mut path = out_dir.to_path_buf();
    for part in relative.components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::ParentDir => return Err(refuse("it climbs out with ..")),
            Component::RootDir | Component::Prefix(_) => return Err(refuse("it is absolute")),
            Component::CurDir => return Err(refuse("it has a . part")),
        }
        if path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Err(refuse("it passes through a symbolic link"));
        }
    }
    Ok(path)
}

/// Aligns one job and writes its output; every error names the file.
/// Returns what the user should be told: languages guessed from the words,
/// sides that look swapped.
pub fn run_job(job: &Job, config: &BatchConfig) -> Result<Vec<String>, Error> {
    let target = output_path(&config.out_dir, &job.output)?;
    let (left_name, right_name) = (
        job.left.display().to_string(),
        job.right.display().to_string(),
    );
    let target_name = target.display().to_string();
    let mut reads = config.reads.clone();
    reads.add(&left_name);
    reads.add(&right_name);
    Sink::new(Some(&target_name)).check_not_read(&reads)?;
    let (left_text, right_text) = (read::read_text(&left_name)?, read::read_text(&right_name)?);
    let (lc, rc, warning) = choose_pair(
        (&left_name, &left_text),
        (&right_name, &right_text),
        config.langs.as_ref(),
    )?;
    let notes = [lc.note(&left_name), rc.note(&right_name), warning];
    let document = |name: &str, text: &str, tag: &Tag| {
        Document::from_text(name, text, Lang::of(tag), config.presplit)
    };
    let left = document(&left_name, &left_text, &lc.tag);
    let right = document(&right_name, &right_text, &rc.tag);
    let bytes = render(&left, &right, &config.format)?;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(&target_name, e))?;
    }
    write_atomic(&target_name, &bytes)?;
    Ok(notes.into_iter().flatten().collect())
}

/// Aligns two documents and renders the alignment in `format`.
pub fn render(left: &Document, right: &Document, format: &Format) -> Result<Vec<u8>, Error> {
    let alignment = align_documents(left, right, &AlignOptions::default());
    match format {
        Format::Ladder => Ok(to_ladder(&alignment.beads).into_bytes()),
        Format::Csv(options) => {
            let rows = review(left, right, &alignment, &Default::default());
            to_csv(&rows, &left.lang.tag, &right.lang.tag, options)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_that_escape_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            "../x.csv",
            "/etc/x.csv",
            "a/../../x.csv",
            "",
            "./x.csv",
            "sub/",
        ] {
            assert!(
                output_path(dir.path(), bad).is_err(),
                "{bad:?} was accepted"
            );
        }
        assert_eq!(
            output_path(dir.path(), "sub/x.csv").unwrap(),
            dir.path().join("sub").join("x.csv")
        );
    }

    #[test]
    fn manifest_lines_need_three_columns() {
        let jobs = read_manifest(
            "m.tsv",
            "# left right out\na.de\tb.en\tab.csv\t0.93\n",
            Path::new("/d"),
        )
        .unwrap();
        assert_eq!(jobs[0].left, Path::new("/d/a.de"));
        assert_eq!(jobs[0].output, "ab.csv");
        let err = read_manifest("m.tsv", "a.de\tb.en\n", Path::new(".")).unwrap_err();
        assert!(err.to_string().starts_with("m.tsv: line 1:"));
    }
}
