//! `tralign pair LEFT_DIR RIGHT_DIR`: which document renders which, by content.

use std::path::Path;

use tralign::batch::list_files;
use tralign::lang::Tag;
use tralign::pair::{pair_scored, scores, unpaired, Unpaired};
use tralign::write::sink::Sink;
use tralign::{read, Document, Error, Lang, Lexicon};

use super::input::{parse_tag, two_tags};
use super::Exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The folder of left documents (e.g. German).
    left_dir: String,
    /// The folder of right documents (e.g. English).
    right_dir: String,
    /// The two languages as BCP-47 tags, left first, e.g. de,en.
    #[arg(long, value_delimiter = ',', required = true, value_parser = parse_tag)]
    langs: Vec<Tag>,
    /// The documents already have one sentence a line.
    #[arg(long)]
    presplit: bool,
    /// Pairs scoring below this (0 to 1) are left out as unpaired.
    #[arg(long, default_value_t = 0.1)]
    min_score: f64,
    /// Write the pairing here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let (left_tag, right_tag) = two_tags(&args.langs)?;
    let (left_lang, right_lang) = (Lang::of(&left_tag), Lang::of(&right_tag));
    let mut failed = 0;
    let mut load = |dir: &str, lang: &Lang| -> Result<Vec<Document>, Error> {
        let mut docs = Vec::new();
        let (files, skipped) = list_files(Path::new(dir))?;
        for entry in skipped {
            super::say(format!("warning: {entry}"));
        }
        for path in files.into_values() {
            let name = path.display().to_string();
            match read::read_text(&name) {
                Ok(text) => docs.push(Document::from_text(
                    &name,
                    &text,
                    lang.clone(),
                    args.presplit,
                )),
                Err(e) => {
                    super::say(e);
                    failed += 1;
                }
            }
        }
        Ok(docs)
    };
    let left = load(&args.left_dir, &left_lang)?;
    let right = load(&args.right_dir, &right_lang)?;
    let lexicon = Lexicon::builtin(&left_lang, &right_lang);
    let scores = scores(&left, &right, &lexicon);
    let pairs = pair_scored(&scores, args.min_score);
    let mut out = String::new();
    for p in &pairs {
        let stem = Path::new(&left[p.left].name)
            .file_stem()
            .map_or_else(|| "pair".into(), |s| s.to_string_lossy().into_owned());
        out.push_str(&format!(
            "{}\t{}\t{stem}.csv\t{:.3}\n",
            left[p.left].name, right[p.right].name, p.score
        ));
    }
    let (left_alone, right_alone) = unpaired(&scores, &pairs, args.min_score);
    let warn = |docs: &[Document], others: &[Document], alone: &[(usize, Unpaired)]| {
        for &(k, why) in alone {
            let reason = match why {
                Unpaired::NoneClose(Some((best, score))) => format!(
                    "no counterpart scores at least {} (the closest, {}, scores {score:.3})",
                    args.min_score, others[best].name
                ),
                Unpaired::NoneClose(None) => "the other folder has no documents".to_string(),
                Unpaired::Crossed { counterpart, score } => format!(
                    "its closest counterpart, {} ({score:.3}), went to another document \
                     in the best pairing overall, a pair below {}",
                    others[counterpart].name, args.min_score
                ),
                Unpaired::Taken {
                    counterpart,
                    score,
                    rival,
                    rival_score,
                } => format!(
                    "its closest counterpart, {} ({score:.3}), is paired with {} ({rival_score:.3})",
                    others[counterpart].name, docs[rival].name
                ),
            };
            super::say(format!(
                "warning: {}: {reason}; left unpaired",
                docs[k].name
            ));
        }
    };
    warn(&left, &right, &left_alone);
    warn(&right, &left, &right_alone);
    let sink = Sink::new(args.output.as_deref());
    let inputs: Vec<&str> = left.iter().chain(&right).map(|d| d.name.as_str()).collect();
    sink.check_not_input(&inputs)?;
    sink.write(out.as_bytes())?;
    Ok(if failed > 0 { Exit::Error } else { Exit::Ok })
}
