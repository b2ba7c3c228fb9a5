//! `tralign diff OLD NEW`: what changed between two alignments, read from
//! the CSV, JSON, JSON Lines or ladder output of `align`, or made from two versions of a
//! document pair with `--pairs`. Exit code 0 when they agree, 1 when they
//! differ, 2 on an error.

use clap::ValueEnum;
use tralign::diff::{diff, from_rows, read_table, Source, Table};
use tralign::lang::Tag;
use tralign::read::read_text;
use tralign::review::review;
use tralign::write::sink::Sink;
use tralign::{align_documents, AlignOptions, Error};

use super::input::{parse_tag, InputArgs};
use super::output::settle;
use super::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table and the counts.
    Text,
    /// One change a row.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Side {
    /// The left texts are the source.
    Left,
    /// The right texts are the source.
    Right,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// OLD NEW: two alignment files (the CSV, JSON, JSON Lines or ladder output of align); with
    /// --pairs, OLD_LEFT OLD_RIGHT NEW_LEFT NEW_RIGHT: two versions of a pair of texts.
    #[arg(required = true, num_args = 2..=4, value_name = "FILE")]
    files: Vec<String>,
    /// The files are two versions of a document pair, which are aligned and compared.
    #[arg(long)]
    pairs: bool,
    /// With --pairs: the two languages as BCP-47 tags, left first; told from
    /// the file names or the words if left out.
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    langs: Option<Vec<Tag>>,
    /// With --pairs: the texts already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// The side that holds the source text, which pairs are matched by.
    #[arg(long, value_enum, default_value_t = Side::Right)]
    source: Side,
    /// The output format [default: the one the extension of -o names, else text]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

/// How wide each text column of the terminal table is.
const WIDTH: usize = 38;

fn aligned_table(left: &str, right: &str, args: &Args) -> Result<Table, Error> {
    let (l, r) = args.input.load_pair(
        (left, right),
        args.langs.as_deref(),
        args.presplit,
        "compare",
    )?;
    let alignment = align_documents(&l, &r, &AlignOptions::default());
    Ok(from_rows(
        &review(&l, &r, &alignment, &Default::default()),
        &l.lang.tag,
        &r.lang.tag,
    ))
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let format = settle(args.format, args.output.as_deref(), Format::Text)?;
    let sink = Sink::new(args.output.as_deref());
    let inputs: Vec<&str> = args.files.iter().map(String::as_str).collect();
    sink.check_not_input(&inputs)?;
    let mut output = sink.open()?;
    let (old, new) = match (args.pairs, &args.files[..]) {
        (true, [ol, or, nl, nr]) => (aligned_table(ol, or, &args)?, aligned_table(nl, nr, &args)?),
        (false, [a, b]) => (
            read_table(a, &read_text(a)?)?,
            read_table(b, &read_text(b)?)?,
        ),
        (true, _) => {
            return Err(Error::Usage(
                "diff --pairs takes four files: OLD_LEFT OLD_RIGHT NEW_LEFT NEW_RIGHT".into(),
            )
            .into())
        }
        (false, _) => {
            return Err(Error::Usage(
                "diff takes two alignment files, or four texts with --pairs".into(),
            )
            .into())
        }
    };
    let source = match args.source {
        Side::Left => Source::Left,
        Side::Right => Source::Right,
    };
    let d = diff(&old, &new, source);
    let bytes = match format {
        Format::Text => d.to_table(WIDTH).into_bytes(),
        Format::Csv => d.to_csv()?,
    };
    output.write_bytes(&bytes)?;
    output.commit()?;
    Ok(if d.changes.is_empty() {
        Exit::Ok
    } else {
        Exit::Findings
    })
}
