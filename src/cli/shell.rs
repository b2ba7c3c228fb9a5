//! `tralign completions SHELL` and `tralign man [COMMAND]`: what a shell and
//! `man` need, made from the command line's own definition so that they
//! never fall behind it.

use clap::CommandFactory;
use clap_complete::Shell;
use tralign::write::sink::Sink;
use tralign::Error;

use super::{Exit, Opts};

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// The command to print the page of (align, apply, ...); the page of
    /// tralign itself if left out.
    command: Option<String>,
}

/// Prints the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<Exit> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Opts::command(), "tralign", &mut out);
    Sink::Stdout.write(&out)?;
    Ok(Exit::Ok)
}

/// Prints a man page in roff: tralign(1), or tralign-COMMAND(1).
pub fn man(args: ManArgs) -> anyhow::Result<Exit> {
    let mut command = Opts::command();
    command.build();
    let (page, title) = match &args.command {
        None => (command, "tralign".to_string()),
        Some(name) => {
            let page = command.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                Error::Usage(format!(
                    "man: no command {name:?}; the commands are {}",
                    names.join(", ")
                ))
            })?;
            let title = format!("tralign-{}", page.get_name());
            (page, title)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .title(title)
        .source(format!("tralign {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .map_err(|e| Error::io("-", e))?;
    Sink::Stdout.write(&out)?;
    Ok(Exit::Ok)
}
