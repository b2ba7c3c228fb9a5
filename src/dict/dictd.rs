//! The dictd format, as FreeDict dictionaries ship it (Debian's
//! `dict-freedict-*` packages put them under `/usr/share/dictd`).
//!
//! A dictionary is two files with a common stem: `STEM.index`, one entry a
//! line as `headword<TAB>offset<TAB>length` with the numbers in dictd's
//! base64 (`A`-`Z`, `a`-`z`, `0`-`9`, `+`, `/`, most significant digit
//! first), and `STEM.dict.dz` (gzip; dictzip's random-access header is not
//! needed as the whole file is inflated) or a plain `STEM.dict`, whose bytes
//! at offset..offset+length are the entry's definition.
//!
//! A definition starts with a line that repeats the headword with its
//! pronunciation and grammar (`Haus /hˈaʊs/ <neut, n, sg>`). The renderings
//! are on the next line, comma-separated (`house <n>, home <n>`), or, when
//! the entry has senses, on the lines numbered `1.`, `2.`, ...; whatever
//! follows them (indented notes, examples, synonyms, `see:` references,
//! definitions in the left language) is skipped. Within a rendering, text in
//! `/…/`, `<…>`, `(…)`, `[…]` and `{…}` is dropped. The `00-database-*`
//! entries hold the dictionary's own description and are skipped.

use std::io::Read;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use super::Entries;
use crate::{read, Error};

/// The file-name endings of a dictd dictionary.
const SUFFIXES: [&str; 3] = [".index", ".dict.dz", ".dict"];

/// The common stem of a dictd file name, if it has a dictd ending.
pub fn stem(path: &str) -> Option<&str> {
    SUFFIXES.iter().find_map(|s| path.strip_suffix(s))
}

/// Adds the entries of the dictd dictionary that `path` names: its index,
/// its data file, or the stem they share.
pub(super) fn read(path: &str, entries: &mut Entries) -> Result<(), Error> {
    let stem = stem(path).unwrap_or(path);
    let index_path = format!("{stem}.index");
    let dict_path = if path.ends_with(".dict") || path.ends_with(".dict.dz") {
        path.to_string()
    } else if Path::new(&format!("{stem}.dict")).is_file() {
        format!("{stem}.dict")
    } else {
        format!("{stem}.dict.dz")
    };
    let index = read::read_text(&index_path)?;
    let data = inflate(&dict_path, read::read_bytes(&dict_path)?)?;
    for (n, line) in index.lines().enumerate() {
        let bad = |why: &str| Error::input(&index_path, format!("line {}: {why}: {line}", n + 1));
        let mut fields = line.split('\t');
        let (Some(head), Some(offset), Some(length)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("expected headword<TAB>offset<TAB>length"));
        };
        let offset = base64_number(offset).ok_or_else(|| bad("offset is not dictd base64"))?;
        let length = base64_number(length).ok_or_else(|| bad("length is not dictd base64"))?;
        if head.starts_with("00-database") || head.starts_with("00database") {
            continue;
        }
        // Only one-word headwords can ever match a token, so the others are
        // not worth parsing.
        if head.trim().contains(char::is_whitespace) {
            continue;
        }
        let definition = offset
            .checked_add(length)
            .and_then(|end| data.get(offset..end))
            .ok_or_else(|| bad(&format!("the entry lies outside {dict_path}")))?;
        // Only the lines used are decoded, which saves a pass over the
        // examples and notes that make up most of the data file.
        let lines = rendering_lines(definition)
            .into_iter()
            .map(|l| std::str::from_utf8(l).map(clean))
            .collect::<Result<Vec<String>, _>>()
            .map_err(|_| bad(&format!("the entry in {dict_path} is not valid UTF-8")))?;
        entries.add(head, lines.iter().flat_map(|l| l.split([',', ';'])));
    }
    Ok(())
}

/// The bytes of a data file, inflated if they are gzip.
fn inflate(path: &str, bytes: Vec<u8>) -> Result<Vec<u8>, Error> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return if path.ends_with(".dz") {
            Err(Error::input(path, "not a gzip (dictzip) file"))
        } else {
            Ok(bytes)
        };
    }
    // The gzip trailer holds the inflated size (modulo 4 GiB): a good
    // first guess for the buffer.
    let hint = bytes
        .last_chunk::<4>()
        .map_or(0, |b| u32::from_le_bytes(*b) as usize);
    let mut out = Vec::with_capacity(hint.min(1 << 30));
    MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .map_err(|e| Error::input(path, format!("cannot inflate: {e}")))?;
    Ok(out)
}

/// A number in dictd's base64: `A` is 0, `/` is 63, most significant first.
fn base64_number(text: &str) -> Option<usize> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0usize, |acc, b| {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc.checked_mul(64)?.checked_add(digit as usize)
    })
}

/// The lines of a definition that hold renderings: the numbered ones if
/// the senses are numbered (their numbers cut off), else the first line
/// after the headword line.
fn rendering_lines(definition: &[u8]) -> Vec<&[u8]> {
    let mut body = definition
        .split(|&b| b == b'\n')
        .skip(1)
        .filter(|l| !l.trim_ascii().is_empty());
    let Some(first) = body.next() else {
        return Vec::new();
    };
    match sense(first) {
        Some(text) => std::iter::once(text)
            .chain(body.filter_map(sense))
            .collect(),
        None if first.starts_with(b"   ") || first.trim_ascii_start().starts_with(b"see:") => {
            Vec::new()
        }
        None => vec![first],
    }
}

/// The text of a numbered sense line (`2. penné, ailé`).
fn sense(line: &[u8]) -> Option<&[u8]> {
    let line = line.trim_ascii_start();
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    (digits > 0)
        .then(|| line[digits..].strip_prefix(b". "))
        .flatten()
}

/// A rendering line without pronunciations, grammar tags, notes and domains.
/// A slash inside a word (`and/or`) separates words.
fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut closers: Vec<char> = Vec::new();
    let mut previous = ' ';
    for c in line.chars() {
        match c {
            '(' | '[' | '<' | '{' => closers.push(match c {
                '(' => ')',
                '[' => ']',
                '<' => '>',
                _ => '}',
            }),
            '/' if closers.last() == Some(&'/') => {
                closers.pop();
            }
            '/' if closers.is_empty() && previous.is_whitespace() => closers.push('/'),
            _ if closers.last() == Some(&c) => {
                closers.pop();
            }
            _ if !closers.is_empty() => {}
            '/' => out.push(' '),
            _ => out.push(c),
        }
        previous = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_numbers_read_most_significant_digit_first() {
        assert_eq!(base64_number("A"), Some(0));
        assert_eq!(base64_number("/"), Some(63));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("B0"), Some(64 + 52));
        assert_eq!(base64_number(""), None);
        assert_eq!(base64_number("A=B"), None);
    }

    #[test]
    fn the_rendering_line_follows_the_headword_line() {
        let def = "Haus /hˈaʊs/ <neut, n, sg>\n [adm.] house <n>, home (private) <n>\n   Synonyms: {Heim}\n see: {Häuser}\n";
        let lines = rendering_lines(def.as_bytes());
        assert_eq!(lines, [" [adm.] house <n>, home (private) <n>".as_bytes()]);
        let line = std::str::from_utf8(lines[0]).unwrap();
        assert_eq!(
            clean(line).split(',').map(str::trim).collect::<Vec<_>>(),
            ["house", "home"]
        );
    }

    #[test]
    fn numbered_senses_are_the_rendering_lines_and_glosses_are_not() {
        let def = "gefiedert /ɡəˈfiːdɐt/ <adj>\n1. ailé\nmit Federn versehen\n2. penné, ailé\nBotanik: in zwei Reihen\n";
        assert_eq!(
            rendering_lines(def.as_bytes()),
            ["ailé".as_bytes(), "penné, ailé".as_bytes()]
        );
        let single = "Schuster /ˈʃuːstɐ/ <n, masc>\ncordonnier\nHandwerker, der Schuhe herstellt\n";
        assert_eq!(rendering_lines(single.as_bytes()), [b"cordonnier"]);
    }

    #[test]
    fn pronunciations_go_and_slashes_in_words_separate() {
        assert_eq!(
            clean("fast as can /ˈɛf ˈɑː/ now")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["fast", "as", "can", "now"]
        );
        assert_eq!(
            clean("and/or {x}").split_whitespace().collect::<Vec<_>>(),
            ["and", "or"]
        );
    }
}
