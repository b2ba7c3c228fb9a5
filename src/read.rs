//! Reading: bytes from a file or standard input into text.
//!
//! In: a path (or `-` for stdin), or bytes with the name they came from.
//! Out: a `String` of valid UTF-8 without a byte-order mark. Bytes that are not
//! UTF-8 are an [`Error::Input`] naming the file.

use std::io::Read;

use crate::Error;

/// Reads a whole file, or standard input when `path` is `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Error> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("-", e))?;
        return Ok(bytes);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::input(path, "is a directory, not a text file"));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Decodes UTF-8 bytes, dropping a leading byte-order mark.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Error> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to() + (bytes.len() - body.len());
            Err(Error::input(
                name,
                format!("not valid UTF-8 (first bad byte at offset {at})"),
            ))
        }
    }
}

/// Reads and decodes a text file, or standard input when `path` is `-`.
pub fn read_text(path: &str) -> Result<String, Error> {
    decode(path, &read_bytes(path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFHallo").unwrap(), "Hallo");
    }

    #[test]
    fn invalid_utf8_names_the_file_and_offset() {
        let err = decode("de.txt", b"Gr\xFC\xDFe").unwrap_err().to_string();
        assert_eq!(err, "de.txt: not valid UTF-8 (first bad byte at offset 2)");
    }
}
