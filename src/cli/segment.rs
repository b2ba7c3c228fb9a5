//! `tralign segment FILE --lang de`: one sentence a line.

use tralign::write::sink::Sink;
use tralign::Lang;

use super::input::InputArgs;
use super::Exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text file, or - for standard input.
    file: String,
    /// The language of the text (de, en, fr, ...); guessed from the file name if left out.
    #[arg(long)]
    lang: Option<String>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let code = match args.lang {
        Some(code) => code,
        None => tralign::lang::code_from_file_name(&args.file).ok_or_else(|| {
            tralign::Error::Usage(format!("{}: say its language with --lang", args.file))
        })?,
    };
    let sink = Sink::new(args.output.as_deref());
    sink.check_not_input(&[&args.file])?;
    let doc = args.input.load(&args.file, Lang::new(&code)?, false)?;
    if doc.sentences.is_empty() {
        eprintln!(
            "tralign: {}: no sentences (the file is empty or only white space)",
            args.file
        );
    }
    let mut out = String::new();
    for s in &doc.sentences {
        out.push_str(&s.text);
        out.push('\n');
    }
    sink.write(out.as_bytes())?;
    Ok(Exit::Ok)
}
