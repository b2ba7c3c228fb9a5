//! Command-line parsing and the verbs. Flags become one [`Config`] per verb
//! here; nothing below the binary sees a flag or a file name it did not get
//! as a value.

mod align;
mod batch;
mod eval;
mod pair;
mod segment;

use clap::{Parser, Subcommand};

/// Exit codes, documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything went well.
    Ok = 0,
    /// A check found something (QA findings).
    #[allow(dead_code)]
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
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Split a text into sentences, one a line.
    Segment(segment::Args),
    /// Align two texts sentence by sentence and write a review file.
    Align(align::Args),
    /// Score alignments against gold ones: strict and lax precision, recall, F1.
    Eval(eval::Args),
    /// Align many document pairs in parallel: a manifest, two folders, or JSON lines.
    Batch(batch::Args),
    /// Find which document of one folder renders which of the other, by content.
    Pair(pair::Args),
}

/// Parses the command line and runs the verb.
pub fn run() -> anyhow::Result<Exit> {
    let opts = Opts::parse();
    match opts.command {
        Command::Segment(args) => segment::run(args),
        Command::Align(args) => align::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Pair(args) => pair::run(args),
    }
}
