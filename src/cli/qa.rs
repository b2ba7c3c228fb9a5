//! `tralign qa LEFT RIGHT`: aligns a pair and reports what the QA checks find.
//! Exit code 0 when nothing is found, 1 when something is, 2 on an error.

use clap::ValueEnum;
use tralign::align_documents;
use tralign::lang::Tag;
use tralign::qa::report::Report;
use tralign::qa::{check, Check, Options, Severity};
use tralign::write::sink::Sink;

use super::input::{parse_tag, InputArgs};
use super::output::settle;
use super::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A report grouped by check, with counts.
    Text,
    /// One finding a row.
    Csv,
    /// An array with one object a finding.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The left text (the translation, e.g. German), or - for standard input.
    left: String,
    /// The right text (e.g. the English source).
    right: String,
    /// The two languages as BCP-47 tags, left first, e.g. de,en; told from
    /// the file names or the words if left out.
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    langs: Option<Vec<Tag>>,
    /// The inputs already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// The output format [default: the one the extension of -o names, else text]
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    checks: CheckArgs,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// A bilingual dictionary for the alignment, as for `tralign align --dict`.
    #[arg(long, value_name = "FILE")]
    dict: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

/// Which QA checks to run and which findings to keep: the flags `qa` and
/// `align` share.
#[derive(clap::Args, Debug, Default)]
pub(super) struct CheckArgs {
    /// Leave out a check (numbers, calendar, names, untranslated, omission,
    /// length, punctuation, brackets, whitespace); may be repeated or comma-separated.
    #[arg(long, value_name = "CHECK", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Keep only findings at least this severe: error, warning or info (all).
    #[arg(long, value_name = "LEVEL", default_value = "info")]
    min_severity: String,
}

impl CheckArgs {
    /// The checks' options, or a usage error naming a bad check or level.
    pub(super) fn options(&self) -> Result<Options, tralign::Error> {
        Ok(Options {
            ignore: self
                .ignore
                .iter()
                .map(|name| name.parse::<Check>())
                .collect::<Result<_, _>>()?,
            min_severity: self.min_severity.parse::<Severity>()?,
        })
    }
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let qa_options = args.checks.options()?;
    let format = settle(args.format, args.output.as_deref(), Format::Text)?;
    let sink = Sink::new(args.output.as_deref());
    sink.check_not_read(&super::align::reads(
        &[&args.left, &args.right],
        args.dict.as_deref(),
    ))?;
    let mut output = sink.open()?;
    let (left, right) = args.input.load_pair(
        (&args.left, &args.right),
        args.langs.as_deref(),
        args.presplit,
        "check",
    )?;
    let options = super::align::align_options(args.dict.as_deref(), &left, &right)?;
    let alignment = align_documents(&left, &right, &options);
    let findings = check(&left, &right, &alignment, &qa_options);
    let report = Report {
        findings: &findings,
        left: &left,
        right: &right,
        rows: alignment.beads.len(),
    };
    let bytes = match format {
        Format::Text => report.text(super::colour(&sink)).into_bytes(),
        Format::Csv => report.csv()?,
        Format::Json => report.json().into_bytes(),
    };
    output.write_bytes(&bytes)?;
    output.commit()?;
    Ok(if findings.is_empty() {
        Exit::Ok
    } else {
        Exit::Findings
    })
}
