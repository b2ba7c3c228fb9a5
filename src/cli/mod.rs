//! Command-line parsing and the verbs. Flags become one [`Config`] per verb
//! here; nothing below the binary sees a flag or a file name it did not get
//! as a value.

mod align;
mod apply;
mod batch;
mod diff;
mod eval;
mod input;
mod output;
mod pair;
mod qa;
mod segment;
mod shell;

use clap::{ColorChoice, Parser, Subcommand};
use tralign::error::printable;
use tralign::write::sink::Sink;

/// Exit codes, documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything went well.
    Ok = 0,
    /// A check found something (QA findings), or two alignments differ.
    Findings = 1,
    /// A usage or input error.
    Error = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}

/// Sentence aligner for translators, reviewers and corpus builders.
#[derive(Parser, Debug)]
#[command(name = "tralign", version, about)]
struct Opts {
    #[command(subcommand)]
    command: Command,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is
    /// set or TERM=dumb), always, or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Split a text into sentences, one a line.
    Segment(segment::Args),
    /// Align two texts sentence by sentence and write a review file.
    Align(align::Args),
    /// Export the pairs a reviewer accepted in a review CSV, as TMX or CSV.
    Apply(apply::Args),
    /// Score alignments against gold ones: strict and lax precision, recall, F1.
    Eval(eval::Args),
    /// Align two texts and point at likely translation errors; exit 1 if any are found.
    Qa(qa::Args),
    /// Compare two alignments (or two versions of a pair); exit 1 if they differ.
    Diff(diff::Args),
    /// Align many document pairs in parallel: a manifest, two folders, or JSON lines.
    Batch(batch::Args),
    /// Find which document of one folder renders which of the other, by content.
    Pair(pair::Args),
    /// Print the completion script for a shell (bash, zsh, fish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print the man page of tralign, or of one of its commands, in roff.
    Man(shell::ManArgs),
}

/// Prints `tralign: MESSAGE` on standard error, with what could drive the
/// terminal escaped (see [`printable`]): messages quote file names and
/// content.
pub fn say(message: impl std::fmt::Display) {
    eprintln!("tralign: {}", printable(&message.to_string()));
}

/// Parses the command line and runs the verb.
pub fn run() -> anyhow::Result<Exit> {
    let opts = Opts::parse();
    anstream::ColorChoice::write_global(match opts.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    });
    match opts.command {
        Command::Segment(args) => segment::run(args),
        Command::Align(args) => align::run(args),
        Command::Apply(args) => apply::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Qa(args) => qa::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Pair(args) => pair::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}

/// Whether to colour what goes to `sink`: `--color always` colours even a
/// file; `auto` colours standard output on a terminal that takes colours,
/// unless `NO_COLOR` is set or `TERM` is `dumb`, as ripgrep and fd do.
pub fn colour(sink: &Sink) -> bool {
    use anstream::ColorChoice as Choice;
    match Choice::global() {
        Choice::Always | Choice::AlwaysAnsi => true,
        Choice::Never => false,
        // anstream lets a CI variable override TERM=dumb; we do not.
        Choice::Auto => {
            *sink == Sink::Stdout
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                && anstream::AutoStream::choice(&std::io::stdout()) == Choice::Always
        }
    }
}
