//! `tralign segment FILE --lang de`: one sentence a line.

use tralign::lang::Tag;
use tralign::write::sink::Sink;

use super::input::{parse_tag, InputArgs};
use super::Exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text file, or - for standard input.
    file: String,
    /// The language of the text as a BCP-47 tag (de, en, fr, de-CH, ...);
    /// told from the file name or the words if left out.
    #[arg(long, value_parser = parse_tag)]
    lang: Option<Tag>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let sink = Sink::new(args.output.as_deref());
    sink.check_not_input(&[&args.file])?;
    let mut output = sink.open()?;
    let doc = args.input.load(
        &args.file,
        args.lang.as_ref(),
        "--lang, such as --lang de",
        false,
    )?;
    if doc.sentences.is_empty() {
        super::say(format!(
            "{}: no sentences (the file is empty or only white space)",
            args.file
        ));
    }
    let mut out = String::new();
    for s in &doc.sentences {
        out.push_str(&s.text);
        out.push('\n');
    }
    output.write_bytes(out.as_bytes())?;
    output.commit()?;
    Ok(Exit::Ok)
}
