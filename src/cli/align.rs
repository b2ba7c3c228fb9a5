//! `tralign align LEFT RIGHT`: the main job.

use clap::ValueEnum;
use tralign::review::review;
use tralign::write::csv::{to_csv, CsvOptions};
use tralign::write::ladder::to_ladder;
use tralign::write::sink::Sink;
use tralign::{align_documents, AlignOptions, Document, Error, Lang};

use super::input::InputArgs;
use super::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The bilingual review CSV.
    Csv,
    /// One bead a line as [i, j]:[k], 0-based, like gold files.
    Ladder,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The left text (the translation, e.g. German), or - for standard input.
    left: String,
    /// The right text (e.g. the English source).
    right: String,
    /// The two languages, left first, e.g. de,en; guessed from the file names if left out.
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<String>>,
    /// The inputs already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Do not neutralise cells that a spreadsheet would run as formulas.
    #[arg(long)]
    raw: bool,
    /// A UTF-8 byte-order mark and CRLF line ends, for Excel.
    #[arg(long)]
    excel: bool,
    #[command(flatten)]
    input: InputArgs,
}

/// Everything `align` needs, settled from the flags.
struct Config {
    left: String,
    right: String,
    langs: (String, String),
    presplit: bool,
    format: Format,
    sink: Sink,
    csv: CsvOptions,
    input: InputArgs,
}

impl Config {
    fn new(args: Args) -> Result<Config, Error> {
        let langs = match args.langs {
            Some(v) if v.len() == 2 => (v[0].clone(), v[1].clone()),
            Some(_) => {
                return Err(Error::Usage(
                    "--langs takes two codes, left first, such as de,en".into(),
                ))
            }
            None => {
                let guess = |f: &str| {
                    tralign::lang::code_from_file_name(f).ok_or_else(|| {
                        Error::Usage(format!(
                            "{f}: cannot tell its language from the name; use --langs de,en"
                        ))
                    })
                };
                (guess(&args.left)?, guess(&args.right)?)
            }
        };
        if args.left == "-" && args.right == "-" {
            return Err(Error::Usage("only one input can be standard input".into()));
        }
        Ok(Config {
            sink: Sink::new(args.output.as_deref()),
            left: args.left,
            right: args.right,
            langs,
            presplit: args.presplit,
            format: args.format,
            csv: CsvOptions {
                raw: args.raw,
                excel: args.excel,
            },
            input: args.input,
        })
    }
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let config = Config::new(args)?;
    config
        .sink
        .check_not_input(&[&config.left, &config.right])?;
    let load = |path: &str, code: &str| -> Result<Document, Error> {
        let doc = config.input.load(path, Lang::new(code)?, config.presplit)?;
        if doc.sentences.is_empty() {
            // Aligning against nothing would only list the other side: almost
            // surely the wrong file was given.
            return Err(Error::input(
                path,
                "no text to align (the file is empty or only white space)",
            ));
        }
        Ok(doc)
    };
    let left = load(&config.left, &config.langs.0)?;
    let right = load(&config.right, &config.langs.1)?;
    let alignment = align_documents(&left, &right, &AlignOptions::default());
    let bytes = match config.format {
        Format::Ladder => to_ladder(&alignment.beads).into_bytes(),
        Format::Csv => {
            let rows = review(&left, &right, &alignment);
            to_csv(&rows, &config.langs.0, &config.langs.1, &config.csv)?
        }
    };
    config.sink.write(&bytes)?;
    Ok(Exit::Ok)
}
