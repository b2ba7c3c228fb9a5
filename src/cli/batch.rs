//! `tralign batch`: many document pairs, in parallel, from a manifest, two
//! folders, or JSON lines on standard input.

use std::collections::HashSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tralign::batch::{self, jsonl, BatchConfig, Job};
use tralign::lang::Tag;
use tralign::write::csv::CsvOptions;
use tralign::write::sink::Reads;
use tralign::Error;

use super::input::{given_pair, parse_tag};
use super::Exit;

/// JSON lines aligned at once: enough to keep every core busy, few enough
/// that results stream out while input streams in.
const JSONL_CHUNK: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A bilingual review CSV per pair.
    Csv,
    /// A ladder file ([i, j]:[k] a line) per pair.
    Ladder,
}

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["manifest", "dirs", "jsonl"])))]
pub struct Args {
    /// A manifest: one pair a line, tab-separated left path, right path and
    /// output name (paths relative to the manifest's folder).
    #[arg(long)]
    manifest: Option<String>,
    /// Two folders whose files are paired by name.
    #[arg(long, num_args = 2, value_names = ["LEFT_DIR", "RIGHT_DIR"])]
    dirs: Option<Vec<String>>,
    /// Read one JSON document pair a line from standard input and write one
    /// JSON alignment a line to standard output.
    #[arg(long)]
    jsonl: bool,
    /// The two languages as BCP-47 tags, left first, e.g. de,en; told from
    /// each pair's file names or words if left out (with --jsonl, the
    /// default for lines without "langs").
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    langs: Option<Vec<Tag>>,
    /// The inputs already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// The output format of every pair.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// The folder the outputs go to (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: Option<String>,
    /// Do not neutralise cells that a spreadsheet would run as formulas.
    #[arg(long)]
    raw: bool,
    /// A UTF-8 byte-order mark and CRLF line ends, for Excel.
    #[arg(long)]
    excel: bool,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let langs = given_pair(args.langs.as_deref())?;
    if args.jsonl {
        let langs = langs.map(|(l, r)| (l.to_string(), r.to_string()));
        return run_jsonl(langs.as_ref());
    }
    let out_dir = args.output.as_deref().ok_or_else(|| {
        Error::Usage("batch writes one file per pair: say where with -o DIR".into())
    })?;
    let mut config = BatchConfig {
        langs,
        presplit: args.presplit,
        format: match args.format {
            Format::Ladder => batch::Format::Ladder,
            Format::Csv => batch::Format::Csv(CsvOptions {
                raw: args.raw,
                excel: args.excel,
            }),
        },
        out_dir: PathBuf::from(out_dir),
        reads: Reads::default(),
    };
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    let jobs = match (&args.manifest, &args.dirs) {
        (Some(manifest), _) => {
            let text = tralign::read::read_text(manifest)?;
            let base = Path::new(manifest).parent().unwrap_or(Path::new(""));
            batch::read_manifest(manifest, &text, base)?
        }
        (None, Some(dirs)) => {
            let matched =
                batch::match_folders(Path::new(&dirs[0]), Path::new(&dirs[1]), &config.format)?;
            for entry in matched.skipped {
                super::say(format!("warning: {entry}"));
            }
            for path in matched.unmatched {
                super::say(format!(
                    "warning: {}: no file of the same name in the other folder",
                    path.display()
                ));
            }
            matched.jobs
        }
        (None, None) => {
            return Err(Error::Usage(
                "say where the pairs are: --manifest, --dirs or --jsonl".into(),
            )
            .into())
        }
    };
    // One job's output must not replace the manifest or another job's input.
    let mut reads = Reads::new(args.manifest.as_deref());
    for job in &jobs {
        reads.add(&job.left.display().to_string());
        reads.add(&job.right.display().to_string());
    }
    config.reads = reads;
    Ok(run_jobs(&jobs, &config))
}

/// Runs the jobs in parallel; reports each failure on one line and goes on,
/// and ends with a one-line summary.
fn run_jobs(jobs: &[Job], config: &BatchConfig) -> Exit {
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pairs, {eta} left") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    // Two pairs writing one output would clobber each other: all but the first fail.
    let mut seen = HashSet::new();
    let clash: Vec<bool> = jobs
        .iter()
        .map(|j| !seen.insert(j.output.clone()))
        .collect();
    let failed = jobs
        .par_iter()
        .zip(clash)
        .filter(|(job, clash)| {
            let result = if *clash {
                Err(Error::Usage(format!(
                    "{}: another pair of the batch writes this output already",
                    job.output
                )))
            } else {
                batch::run_job(job, config)
            };
            bar.inc(1);
            let lines = match &result {
                Ok(notes) => notes.clone(),
                Err(e) => vec![e.to_string()],
            };
            if !lines.is_empty() {
                bar.suspend(|| lines.iter().for_each(super::say));
            }
            result.is_err()
        })
        .count();
    bar.finish_and_clear();
    let done = jobs.len() - failed;
    let out = config.out_dir.display();
    if failed > 0 {
        super::say(format!(
            "{failed} of {} pairs failed; {done} aligned into {out}",
            jobs.len()
        ));
        Exit::Error
    } else {
        super::say(format!("all {done} pairs aligned into {out}"));
        Exit::Ok
    }
}

/// Streams JSON lines: aligns a chunk of lines in parallel, writes their
/// results in input order, and goes on until the input ends.
fn run_jsonl(langs: Option<&(String, String)>) -> anyhow::Result<Exit> {
    let mut input = std::io::stdin().lock();
    let mut output = std::io::stdout().lock();
    let mut number = 0;
    let mut done = false;
    while !done {
        let mut chunk = Vec::with_capacity(JSONL_CHUNK);
        while chunk.len() < JSONL_CHUNK {
            let mut bytes = Vec::new();
            if input
                .read_until(b'\n', &mut bytes)
                .map_err(|e| Error::io("-", e))?
                == 0
            {
                done = true;
                break;
            }
            number += 1;
            match String::from_utf8(bytes) {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => chunk.push((number, Ok(line))),
                Err(e) => chunk.push((number, Err(e.utf8_error()))),
            }
        }
        let results: Vec<String> = chunk
            .par_iter()
            .map(|(n, line)| match line {
                Ok(text) => jsonl::align_line(text, *n, langs),
                Err(e) => jsonl::error_line(*n, &format!("not valid UTF-8: {e}")),
            })
            .collect();
        for line in results {
            let written = writeln!(output, "{line}");
            if let Err(e) = written.and_then(|_| output.flush()) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(Exit::Ok);
                }
                return Err(Error::io("-", e).into());
            }
        }
    }
    Ok(Exit::Ok)
}
