//! `tralign align LEFT RIGHT`: the main job.

use tralign::dict::load_dictionary;
use tralign::lang::Tag;
use tralign::review::review;
use tralign::write::csv::{to_csv, CsvOptions};
use tralign::write::ladder::to_ladder;
use tralign::write::sink::{Reads, Sink};
use tralign::write::tmx::{to_tmx, units_from_rows, TmxOptions};
use tralign::write::{html, json, keep_confident, xlsx};
use tralign::{align_documents, AlignOptions, Document, Error};

use super::input::{given_pair, parse_tag, InputArgs};
use super::output::{check_binary_sink, creation_time, Format};
use super::qa::CheckArgs;
use super::Exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The left text (the translation, e.g. German), or - for standard input.
    left: String,
    /// The right text (e.g. the English source).
    right: String,
    /// The two languages as BCP-47 tags, left first, e.g. de,en or de-DE,en-US;
    /// told from the file names or the words if left out.
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    langs: Option<Vec<Tag>>,
    /// The inputs already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// The output format [default: the one the extension of -o names, else csv]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Do not neutralise cells that a spreadsheet would run as formulas.
    #[arg(long)]
    raw: bool,
    /// A UTF-8 byte-order mark and CRLF line ends, for Excel.
    #[arg(long)]
    excel: bool,
    /// Write only the beads whose confidence (as shown, two places) is at least this.
    #[arg(long, value_name = "X")]
    min_confidence: Option<f64>,
    /// The language of the original text, for the TMX header; the right one if left out.
    #[arg(long, value_name = "CODE")]
    source_lang: Option<String>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    checks: CheckArgs,
    /// A bilingual dictionary whose word pairs become anchors: a TSV lexicon
    /// (left<TAB>right) or a dictd dictionary such as FreeDict's (its .index,
    /// .dict.dz or their common stem).
    #[arg(long, value_name = "FILE")]
    dict: Option<String>,
}

/// Everything `align` needs, settled from the flags.
struct Config {
    left: String,
    right: String,
    langs: Option<Vec<Tag>>,
    presplit: bool,
    format: Format,
    sink: Sink,
    csv: CsvOptions,
    min_confidence: Option<f64>,
    source_lang: Option<String>,
    created: i64,
    input: InputArgs,
    dict: Option<String>,
    qa: tralign::qa::Options,
}

impl Config {
    fn new(args: Args) -> Result<Config, Error> {
        given_pair(args.langs.as_deref())?;
        let format = Format::settle(args.format, args.output.as_deref())?;
        if let Some(min) = args.min_confidence {
            if !(0.0..=1.0).contains(&min) {
                return Err(Error::Usage(format!(
                    "--min-confidence {min}: give a number from 0 to 1"
                )));
            }
            if format == Format::Ladder {
                return Err(Error::Usage(
                    "--min-confidence does not go with --format ladder, which covers every sentence"
                        .into(),
                ));
            }
        }
        let qa = args.checks.options()?;
        let sink = Sink::new(args.output.as_deref());
        check_binary_sink(format, &sink)?;
        Ok(Config {
            sink,
            left: args.left,
            right: args.right,
            langs: args.langs,
            presplit: args.presplit,
            format,
            csv: CsvOptions {
                raw: args.raw,
                excel: args.excel,
            },
            min_confidence: args.min_confidence,
            source_lang: args.source_lang,
            created: creation_time()?,
            input: args.input,
            dict: args.dict,
            qa,
        })
    }
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let config = Config::new(args)?;
    let reads = reads(&[&config.left, &config.right], config.dict.as_deref());
    config.sink.check_not_read(&reads)?;
    let mut output = config.sink.open()?;
    let reading = tralign::timing::phase("read");
    let (left, right) = config.input.load_pair(
        (&config.left, &config.right),
        config.langs.as_deref(),
        config.presplit,
        "align",
    )?;
    let (l, r) = (&left.lang.tag, &right.lang.tag);
    let options = align_options(config.dict.as_deref(), &left, &right)?;
    drop(reading);
    let alignment = align_documents(&left, &right, &options);
    // Only the review formats need the review (confidence, anchors, QA
    // flags); the ladder is written straight from the beads.
    let reviewed = || {
        let mut rows = review(&left, &right, &alignment, &config.qa);
        if let Some(min) = config.min_confidence {
            keep_confident(&mut rows, min);
        }
        rows
    };
    let _writing = tralign::timing::phase("write");
    let bytes = match config.format {
        Format::Ladder => to_ladder(&alignment.beads).into_bytes(),
        Format::Csv => to_csv(&reviewed(), l, r, &config.csv)?,
        Format::Tmx => {
            let tmx = TmxOptions {
                source_lang: config.source_lang.clone().unwrap_or_else(|| r.clone()),
                left_lang: l.clone(),
                right_lang: r.clone(),
                created: config.created,
            };
            to_tmx(&units_from_rows(&reviewed()), &tmx)?.into_bytes()
        }
        Format::Xlsx => xlsx::to_xlsx(&reviewed(), l, r, config.created)?,
        Format::Json => json::to_json(&reviewed(), &left, &right)?.into_bytes(),
        Format::Jsonl => json::to_jsonl(&reviewed(), &left, &right)?.into_bytes(),
        Format::Html => html::to_html(&reviewed(), &left, &right).into_bytes(),
    };
    output.write_bytes(&bytes)?;
    output.commit()?;
    Ok(Exit::Ok)
}

/// The files a run reads: `inputs` and what `dict` may name, the file
/// itself and, for a dictd dictionary, the index and data files beside it.
pub(super) fn reads(inputs: &[&str], dict: Option<&str>) -> Reads {
    let mut reads = Reads::new(inputs.iter().copied());
    if let Some(path) = dict {
        reads.add(path);
        let stem = tralign::dict::dictd::stem(path).unwrap_or(path);
        for suffix in [".index", ".dict", ".dict.dz"] {
            reads.add(&format!("{stem}{suffix}"));
        }
    }
    reads
}

/// The aligner's options: the word pairs of `dict`, if one is given.
pub(super) fn align_options(
    dict: Option<&str>,
    left: &Document,
    right: &Document,
) -> Result<AlignOptions, Error> {
    let dictionary = match dict {
        Some(path) => load_dictionary(path, &left.lang, &right.lang)?,
        None => Default::default(),
    };
    Ok(AlignOptions { dictionary })
}
