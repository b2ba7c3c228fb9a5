//! Where output bytes go: standard output, or a file written whole.
//!
//! A file is written to a temporary file beside it and renamed into place,
//! so an interrupted run never leaves half a file, and an output path that
//! names one of the inputs is refused before anything is written.

use std::io::Write;
use std::path::Path;

use crate::Error;

/// Where to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// Standard output.
    Stdout,
    /// A file, replaced whole.
    File(String),
}

impl Sink {
    /// Standard output for `None` or `-`, else the file.
    pub fn new(path: Option<&str>) -> Sink {
        match path {
            None | Some("-") => Sink::Stdout,
            Some(p) => Sink::File(p.to_string()),
        }
    }

    /// Refuses a file sink that is one of `inputs`.
    pub fn check_not_input(&self, inputs: &[&str]) -> Result<(), Error> {
        let Sink::File(out) = self else { return Ok(()) };
        for input in inputs.iter().filter(|i| **i != "-") {
            if same_file(out, input) {
                return Err(Error::Usage(format!(
                    "{out}: the output would overwrite the input {input}; choose another -o"
                )));
            }
        }
        Ok(())
    }

    /// Writes all of `bytes`. A closed standard output (as with `| head`) is
    /// not an error.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Error> {
        match self {
            Sink::Stdout => {
                let mut out = std::io::stdout().lock();
                match out.write_all(bytes).and_then(|_| out.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("-", e)),
                    _ => Ok(()),
                }
            }
            Sink::File(path) => write_atomic(path, bytes),
        }
    }
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => Path::new(a) == Path::new(b),
    }
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it.
pub fn write_atomic(path: &str, bytes: &[u8]) -> Result<(), Error> {
    let target = Path::new(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| Error::io(path, without_temp_name(e));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    tmp.persist(target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The error without the name of the temporary file, which tempfile adds
/// ("... at path \"/out/.tmpFoZDAX\"") and which means nothing to the
/// user: the message names the output instead.
fn without_temp_name(e: std::io::Error) -> std::io::Error {
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(at) => std::io::Error::new(e.kind(), &message[..at]),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_equal_to_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("de.txt");
        std::fs::write(&input, "Hallo").unwrap();
        let p = input.to_str().unwrap();
        assert!(Sink::new(Some(p)).check_not_input(&[p]).is_err());
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "Hallo");
    }

    #[test]
    fn atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        std::fs::write(&out, "old content that is longer").unwrap();
        write_atomic(out.to_str().unwrap(), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
    }
}
