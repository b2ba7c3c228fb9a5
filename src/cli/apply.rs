//! `tralign apply REVIEWED`: the pairs a reviewer accepted in a review CSV
//! or XLSX, as TMX or CSV.

use clap::ValueEnum;
use tralign::apply::{read_reviewed, Status};
use tralign::read::read_bytes;
use tralign::write::sink::Sink;
use tralign::write::tmx::{to_tmx, TmxOptions};

use super::output::{creation_time, settle};
use super::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A TMX 1.4b translation memory.
    Tmx,
    /// The review CSV, with only the exported rows.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The review file as the reviewer saved it: the XLSX or the CSV (`,` or
    /// `;`, with or without BOM) that align wrote.
    file: String,
    /// The output format [default: the one the extension of -o names, else tmx]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Export rows without a status too, not only those marked ok.
    #[arg(long)]
    include_unreviewed: bool,
    /// The language of the original text, for the TMX header; the right one if left out.
    #[arg(long, value_name = "CODE")]
    source_lang: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let format = settle(args.format, args.output.as_deref(), Format::Tmx)?;
    let sink = Sink::new(args.output.as_deref());
    sink.check_not_input(&[&args.file])?;
    let mut output = sink.open()?;
    let review = read_reviewed(&args.file, &read_bytes(&args.file)?)?;
    if let Some(note) = &review.note {
        super::say(note);
    }
    let bytes = match format {
        Format::Tmx => {
            let options = TmxOptions {
                source_lang: args
                    .source_lang
                    .unwrap_or_else(|| review.right_lang.clone()),
                left_lang: review.left_lang.clone(),
                right_lang: review.right_lang.clone(),
                created: creation_time()?,
            };
            to_tmx(&review.units(args.include_unreviewed), &options)?.into_bytes()
        }
        Format::Csv => review.to_csv(args.include_unreviewed)?,
    };
    output.write_bytes(&bytes)?;
    output.commit()?;
    let count = |s: Status| review.rows.iter().filter(|r| r.status == s).count();
    super::say(format!(
        "{}: {} ok, {} rejected, {} not reviewed{}",
        args.file,
        count(Status::Accepted),
        count(Status::Rejected),
        count(Status::Unreviewed),
        if args.include_unreviewed {
            " (exported with the accepted ones)"
        } else {
            ""
        }
    ));
    Ok(Exit::Ok)
}
