//! The `tralign` command: flags and files in, exit codes out. All the work
//! is in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is a bug, never the user's fault; say so in one line rather
    // than with a backtrace hint. The exit code stays Rust's 101.
    std::panic::set_hook(Box::new(|info| {
        let what = info.payload_as_str().unwrap_or("unknown cause");
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        cli::say(format!("internal error, please report it: {what}{at}"));
    }));
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) => {
            cli::say(err);
            cli::Exit::Error.into()
        }
    }
}
