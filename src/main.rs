//! The `tralign` command: flags and files in, exit codes out. All the work
//! is in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("tralign: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
