//! Normalisation: one spelling for the same text.
//!
//! In: decoded text. Out: a [`Normalized`] text with LF line ends only
//! (CRLF and CR become LF) and Unicode NFC (so a decomposed `u` + combining
//! diaeresis is the same `ü` as the composed one), plus a map from every
//! byte offset of the normalised text back to the decoded input, so that
//! sentences can point into the original file.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text after normalisation, with the way back to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Checkpoints `(normalised offset, input offset)`, ascending; between two
    /// checkpoints offsets advance together.
    checkpoints: Vec<(usize, usize)>,
}

impl Normalized {
    /// The input byte offset that corresponds to byte `offset` of the
    /// normalised text.
    pub fn original_offset(&self, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(n, _)| n <= offset);
        match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((n, o)) => o + (offset - n),
            None => offset,
        }
    }
}

/// Normalises line ends and applies NFC.
pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut checkpoints = Vec::new();
    // Work through runs: an ASCII run needs no NFC and maps one to one.
    let mut rest = input;
    let mut consumed = 0;
    while !rest.is_empty() {
        let mut run = rest
            .find(|c: char| c == '\r' || !c.is_ascii())
            .unwrap_or(rest.len());
        // A combining mark composes with the letter before it: keep that
        // letter for the NFC stretch.
        if run < rest.len() && run > 0 && rest.as_bytes()[run - 1].is_ascii_alphabetic() {
            run -= 1;
        }
        text.push_str(&rest[..run]);
        consumed += run;
        rest = &rest[run..];
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with('\r') {
            // A stretch with non-ASCII characters, up to the next ASCII
            // character that is not a letter.
            let end = rest
                .char_indices()
                .find(|&(_, c)| c.is_ascii() && !c.is_ascii_alphabetic())
                .map_or(rest.len(), |(i, _)| i);
            // One cluster (a starter and its combining marks) at a time, so
            // that every cluster start maps back exactly.
            let stretch = &rest[..end];
            if is_nfc_quick(stretch.chars()) == IsNormalized::Yes {
                // Already composed, as most text is: it maps one to one.
                text.push_str(stretch);
            } else {
                let mut from = 0;
                for (k, c) in stretch.char_indices().skip(1) {
                    if canonical_combining_class(c) == 0 {
                        text.extend(stretch[from..k].nfc());
                        checkpoint(&mut checkpoints, text.len(), consumed + k);
                        from = k;
                    }
                }
                text.extend(stretch[from..].nfc());
            }
            consumed += end;
            rest = &rest[end..];
        } else if let Some(after) = rest.strip_prefix('\r') {
            text.push('\n');
            let skip = if after.starts_with('\n') { 2 } else { 1 };
            consumed += skip;
            rest = &rest[skip..];
        }
        checkpoint(&mut checkpoints, text.len(), consumed);
    }
    Normalized { text, checkpoints }
}

/// Adds the checkpoint `(normalised, input)` unless offsets still advance
/// together since the last one, as they do through most text.
fn checkpoint(checkpoints: &mut Vec<(usize, usize)>, normalised: usize, input: usize) {
    let (n, o) = checkpoints.last().copied().unwrap_or((0, 0));
    if normalised < n || normalised - n != input.wrapping_sub(o) {
        checkpoints.push((normalised, input));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(normalize("a\r\nb\rc\nd").text, "a\nb\nc\nd");
    }

    #[test]
    fn decomposed_umlauts_compose() {
        assert_eq!(normalize("Gru\u{308}n").text, "Grün");
    }

    #[test]
    fn offsets_map_back_to_the_input() {
        let input = "a\r\nu\u{308}ber\r\nx";
        let n = normalize(input);
        assert_eq!(n.text, "a\nüber\nx");
        let x = n.text.find('x').unwrap();
        assert_eq!(n.original_offset(x), input.find('x').unwrap());
        let b = n.text.find('b').unwrap();
        assert_eq!(n.original_offset(b), input.find('b').unwrap());
        assert_eq!(n.original_offset(0), 0);
    }
}
