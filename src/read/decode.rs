//! Decoding: bytes in some encoding into UTF-8 text.
//!
//! In: bytes, the name they came from, and an encoding if the user named
//! one. Out: a [`Decoded`] text, or an [`Error`] naming the file.
//!
//! Without a named encoding, a byte-order mark decides (UTF-8, UTF-16LE,
//! UTF-16BE); else bytes that are valid UTF-8 are UTF-8; else chardetng
//! guesses a legacy encoding (for German, English or French text that is
//! Windows-1252, which also covers Latin-1). NUL bytes without a UTF-16
//! byte-order mark, or many control characters, mean the file is not text.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8};

use crate::Error;

/// How the encoding of a text was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark at the start of the bytes.
    Bom,
    /// The bytes were valid UTF-8.
    Valid,
    /// The bytes were not UTF-8, and chardetng chose the likeliest legacy encoding.
    Guessed,
    /// The user named the encoding.
    Forced,
}

/// Decoded text and where its encoding came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: &'static Encoding,
    /// How that encoding was settled.
    pub source: Source,
}

impl Decoded {
    /// What a user should be told about how `name` was read: `None` for
    /// UTF-8 and for an encoding the user named.
    pub fn note(&self, name: &str) -> Option<String> {
        let how = match self.source {
            _ if self.encoding == UTF_8 => return None,
            Source::Forced => return None,
            Source::Bom => "by its byte-order mark".to_string(),
            Source::Valid | Source::Guessed => {
                "guessed, as it is not UTF-8; name another with --encoding if the text looks wrong"
                    .to_string()
            }
        };
        Some(format!("{name}: read as {} ({how})", self.encoding.name()))
    }
}

/// The encoding for a name such as `utf-8`, `utf-16le`, `windows-1252`,
/// `cp1252`, `latin1` or `latin-1` (the WHATWG labels, case-insensitive).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    // Beside the WHATWG labels, the spellings people type: utf16le, latin-1.
    let label = label.trim().to_ascii_lowercase().replace('_', "-");
    let utf_hyphen = match label.strip_prefix("utf") {
        Some(rest) if !rest.starts_with('-') => format!("utf-{rest}"),
        _ => label.clone(),
    };
    [label.clone(), label.replace('-', ""), utf_hyphen]
        .iter()
        .find_map(|l| Encoding::for_label(l.as_bytes()))
        .filter(|&e| e != REPLACEMENT)
}

/// Decodes `bytes` in `forced`, or else in the encoding detected; `name` is
/// used in errors.
pub fn decode(
    name: &str,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded, Error> {
    let decoded = match forced {
        Some(encoding) => decode_as(name, bytes, encoding, Source::Forced)?,
        None => detect(name, bytes)?,
    };
    check_text(name, &decoded.text)?;
    Ok(decoded)
}

fn detect(name: &str, bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        // decode_as drops the mark, once: a second U+FEFF is text.
        return decode_as(name, bytes, encoding, Source::Bom);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(nul_error(name, bytes, at));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8,
            source: Source::Valid,
        });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    decode_as(name, bytes, encoding, Source::Guessed)
}

/// Decodes in one encoding, dropping its byte-order mark; malformed bytes
/// are an error rather than replacement characters, so nothing is lost
/// silently.
fn decode_as(
    name: &str,
    bytes: &[u8],
    encoding: &'static Encoding,
    source: Source,
) -> Result<Decoded, Error> {
    let (text, malformed) = encoding.decode_with_bom_removal(bytes);
    if malformed {
        let message = match std::str::from_utf8(bytes) {
            Err(e) if encoding == UTF_8 => format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            ),
            _ => format!("not valid {}", encoding.name()),
        };
        return Err(Error::input(name, message));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        source,
    })
}

fn nul_error(name: &str, bytes: &[u8], at: usize) -> Error {
    // UTF-16 without a byte-order mark has a NUL in every other byte of
    // Latin text: say so, as --encoding reads it.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let hint = if half > 0 && zeros(1) * 10 >= half * 9 {
        "; if it is UTF-16 without a byte-order mark, use --encoding utf-16le"
    } else if half > 0 && zeros(0) * 10 >= half * 9 {
        "; if it is UTF-16 without a byte-order mark, use --encoding utf-16be"
    } else {
        ""
    };
    Error::input(
        name,
        format!("a binary file, not text (NUL byte at offset {at}){hint}"),
    )
}

/// Refuses text with NUL characters or with many other control characters,
/// the marks of a binary file read as text.
fn check_text(name: &str, text: &str) -> Result<(), Error> {
    if let Some(at) = text.find('\0') {
        return Err(Error::input(
            name,
            format!("a binary file, not text (NUL character at offset {at} after decoding)"),
        ));
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    // Real text has next to none; one in twenty is far beyond any of it.
    // A few stray ones (an escape sequence in a short file) are let pass.
    if controls > 3 && controls * 20 > chars {
        return Err(Error::input(
            name,
            format!("a binary file, not text ({controls} control characters in {chars})"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

    const GERMAN: &str = "Grüße aus Köln: Die Straße war schön, und über 3 Äpfel lagen dort.\n";

    fn auto(bytes: &[u8]) -> Result<Decoded, Error> {
        decode("de.txt", bytes, None)
    }

    #[test]
    fn only_the_first_byte_order_mark_is_dropped() {
        let twice = auto("\u{feff}\u{feff}Grüße".as_bytes()).unwrap();
        assert_eq!(twice.text, "\u{feff}Grüße");
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = auto(GERMAN.as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (GERMAN, UTF_8));
        assert_eq!(plain.note("de.txt"), None);
        let bom = auto(&[b"\xEF\xBB\xBF", GERMAN.as_bytes()].concat()).unwrap();
        assert_eq!((bom.text.as_str(), bom.source), (GERMAN, Source::Bom));
        assert_eq!(bom.note("de.txt"), None);
    }

    #[test]
    fn utf16_by_byte_order_mark() {
        for (encoding, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let units: Vec<u8> = GERMAN
                .encode_utf16()
                .flat_map(|u| {
                    if encoding == UTF_16LE {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let d = auto(&[&bom[..], &units].concat()).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (GERMAN, encoding));
            assert_eq!(
                d.note("de.txt").unwrap(),
                format!(
                    "de.txt: read as {} (by its byte-order mark)",
                    encoding.name()
                )
            );
        }
    }

    #[test]
    fn windows_1252_is_guessed_and_reported() {
        let (bytes, _, _) = WINDOWS_1252.encode(GERMAN);
        let d = auto(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (GERMAN, WINDOWS_1252));
        assert!(d
            .note("de.txt")
            .unwrap()
            .starts_with("de.txt: read as windows-1252 (guessed"));
    }

    #[test]
    fn a_named_encoding_wins_and_is_not_reported() {
        let latin1 = encoding_for_label("latin-1").unwrap();
        let d = decode("x", b"Gr\xFC\xDFe", Some(latin1)).unwrap();
        assert_eq!(d.text, "Grüße");
        assert_eq!(d.note("x"), None);
        let err = decode("de.txt", b"Gr\xFC\xDFe", Some(UTF_8)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "de.txt: not valid UTF-8 (first bad byte at offset 2)"
        );
    }

    #[test]
    fn labels() {
        for (label, name) in [
            ("UTF-8", "UTF-8"),
            ("utf16le", "UTF-16LE"),
            ("utf_16be", "UTF-16BE"),
            ("cp1252", "windows-1252"),
            ("latin1", "windows-1252"),
        ] {
            assert_eq!(encoding_for_label(label).map(Encoding::name), Some(name));
        }
        assert_eq!(encoding_for_label("klingon"), None);
        assert_eq!(encoding_for_label("iso-2022-kr"), None);
    }

    #[test]
    fn binary_files_are_refused() {
        let err = auto(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(
            err.to_string(),
            "de.txt: a binary file, not text (NUL byte at offset 8)"
        );
        let controls = auto(b"\x01\x02\x03abc\x04\x05").unwrap_err().to_string();
        assert!(controls.starts_with("de.txt: a binary file, not text (5 control"));
    }

    #[test]
    fn utf16_without_bom_gets_a_hint() {
        let le: Vec<u8> = "Hallo Welt"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let err = auto(&le).unwrap_err().to_string();
        assert!(err.ends_with("use --encoding utf-16le"), "{err}");
        let d = decode("de.txt", &le, Some(UTF_16LE)).unwrap();
        assert_eq!(d.text, "Hallo Welt");
    }

    #[test]
    fn odd_utf16_is_an_error_not_a_replacement_character() {
        let err = auto(b"\xFF\xFEH\0a").unwrap_err();
        assert_eq!(err.to_string(), "de.txt: not valid UTF-16LE");
    }
}
