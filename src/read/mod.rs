//! Reading: bytes from a file or standard input into text.
//!
//! In: a path (or `-` for stdin) and, if the user named one, an encoding.
//! Out: a [`Decoded`] text (valid UTF-8, no byte-order mark) together with
//! the encoding it was read in and how that was settled, so that the binary
//! can tell the user whenever the input was not UTF-8. Files that cannot be
//! read, are not text, or are too large are an [`Error`] naming the file.

mod decode;

use std::io::Read;

pub use decode::{decode, encoding_for_label, Decoded, Source};

use crate::Error;

/// The largest input read, in bytes. Far beyond any document worth aligning
/// sentence by sentence, and it keeps a mistaken input such as `/dev/zero`
/// from exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a whole file, or standard input when `path` is `-`, up to
/// [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        read_limited(std::io::stdin().lock(), &mut bytes)
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::input(path, "is a directory, not a text file"));
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        read_limited(file, &mut bytes)
    };
    if read.map_err(|e| Error::io(path, e))? > MAX_INPUT_BYTES {
        return Err(Error::input(
            path,
            format!(
                "larger than {} MiB; split it into smaller documents",
                MAX_INPUT_BYTES >> 20
            ),
        ));
    }
    Ok(bytes)
}

/// Reads at most one byte more than the limit, so that "too large" can be told.
fn read_limited(source: impl Read, bytes: &mut Vec<u8>) -> std::io::Result<u64> {
    source
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(bytes)
        .map(|n| n as u64)
}

/// Reads and decodes a file, or standard input when `path` is `-`: in
/// `forced` if given, else in the encoding detected.
pub fn read_decoded(
    path: &str,
    forced: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, Error> {
    decode(path, &read_bytes(path)?, forced)
}

/// Reads and decodes a text file in the encoding detected, or standard
/// input when `path` is `-`.
pub fn read_text(path: &str) -> Result<String, Error> {
    Ok(read_decoded(path, None)?.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_str().unwrap();
        let err = read_text(path).unwrap_err().to_string();
        assert_eq!(err, format!("{path}: is a directory, not a text file"));
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = read_text("no/such/de.txt").unwrap_err().to_string();
        assert!(err.starts_with("no/such/de.txt: "), "{err}");
    }
}
