//! `tralign eval GOLD HYP [GOLD HYP ...]`: pooled strict and lax scores.

use tralign::eval::score;
use tralign::read::read_text;
use tralign::write::ladder::parse_ladder;
use tralign::write::sink::Sink;

use super::Exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold and hypothesis ladder files, in pairs.
    #[arg(required = true, num_args = 2..)]
    files: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    if !args.files.len().is_multiple_of(2) {
        return Err(tralign::Error::Usage(
            "eval takes files in pairs: GOLD HYP [GOLD HYP ...]".into(),
        )
        .into());
    }
    let mut pairs = Vec::new();
    let load = |path: &str| -> Result<_, tralign::Error> {
        let links = parse_ladder(path, &read_text(path)?)?;
        if links.is_empty() {
            return Err(tralign::Error::input(
                path,
                "no beads (the file is empty or only white space)",
            ));
        }
        Ok(links)
    };
    for pair in args.files.chunks(2) {
        pairs.push((load(&pair[0])?, load(&pair[1])?));
    }
    let s = score(&pairs);
    let mut table = format!("{:<8}{:>10}{:>10}{:>10}\n", "", "precision", "recall", "F1");
    for (name, prf) in [("strict", s.strict), ("lax", s.lax)] {
        table.push_str(&format!(
            "{name:<8}{:>10.4}{:>10.4}{:>10.4}\n",
            prf.precision, prf.recall, prf.f1
        ));
    }
    // Not println!, which panics on a full or closed standard output.
    Sink::Stdout.write(table.as_bytes())?;
    Ok(Exit::Ok)
}
