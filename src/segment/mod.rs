//! Segmentation: normalised text into sentences.
//!
//! In: normalised text and a [`Lang`]. Out: [`Sentence`]s in order, each with
//! its byte span in the text and its paragraph number. Spans lie on char
//! boundaries, never overlap, and leave out only white space between sentences.

mod chars;
mod ends;
mod lines;
mod words;

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
    // Most lines have nothing to fold: single spaces between words.
    if !needs_folding(text.as_bytes()) {
        return text.to_string();
    }
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Whether UTF-8 `text` has white space other than single spaces between
/// words: white space at an end, two in a row, or any but U+0020 (U+0009 to
/// U+000D, U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000).
fn needs_folding(text: &[u8]) -> bool {
    if text.first() == Some(&b' ') || text.last() == Some(&b' ') {
        return true;
    }
    let at = |k: usize| text.get(k).copied().unwrap_or(0);
    let mut k = 0;
    while k < text.len() {
        let white = match text[k] {
            b' ' => at(k + 1) == b' ',
            b'\t'..=b'\r' => true,
            0xC2 => matches!(at(k + 1), 0x85 | 0xA0),
            0xE1 => at(k + 1) == 0x9A && at(k + 2) == 0x80,
            0xE2 => match at(k + 1) {
                0x80 => matches!(at(k + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => at(k + 2) == 0x9F,
                _ => false,
            },
            0xE3 => at(k + 1) == 0x80 && at(k + 2) == 0x80,
            _ => false,
        };
        if white {
            return true;
        }
        k += 1;
    }
    false
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
///
/// A blank line always ends a sentence. Inside a paragraph a final mark ends
/// one unless the words around it say otherwise (see [`ends`]), and a line
/// break ends one after a heading, a list item or a byline (see [`lines`]).
pub fn segment(text: &str, lang: &Lang) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, lines) in lines::paragraphs(text).iter().enumerate() {
        let mut splitter = Splitter {
            text: &text[..lines.last().map_or(0, |l| l.end)],
            lang,
            paragraph,
            unit: None,
            has_letter: false,
            open_brackets: 0,
            sentences: &mut sentences,
        };
        splitter.paragraph(lines);
    }
    sentences
}

/// The state of one paragraph's walk from left to right.
struct Splitter<'a> {
    /// The text up to the end of the paragraph, so that look-aheads stop there.
    text: &'a str,
    lang: &'a Lang,
    paragraph: usize,
    /// Where the current unit starts, once it has a non-white-space character.
    unit: Option<usize>,
    /// Whether the current unit has a letter so far.
    has_letter: bool,
    /// How many brackets the current unit has opened and not closed, kept up
    /// as the walk goes so that no line break rescans the unit.
    open_brackets: usize,
    sentences: &'a mut Vec<Sentence>,
}

impl Splitter<'_> {
    fn paragraph(&mut self, lines: &[lines::Line]) {
        let block = lines::Block::of(self.text, lines);
        for (i, line) in lines.iter().enumerate() {
            let ends_with_mark = self.line(line);
            let (Some(unit), Some(next)) = (self.unit, lines.get(i + 1)) else {
                continue;
            };
            let before = lines::Before {
                line: *line,
                unit_is_line: unit == line.start,
                in_brackets: self.open_brackets > 0,
                ends_with_mark,
                block,
            };
            if lines::breaks(self.text, &before, next, self.lang) {
                self.push(line.end);
            }
        }
        if self.unit.is_some() {
            self.push(self.text.len());
        }
    }

    /// Walks one line, ending sentences at final marks. Returns whether the
    /// line ends with a mark that did not end the sentence.
    fn line(&mut self, line: &lines::Line) -> bool {
        let mut pos = line.start;
        let mut ends_with_mark = false;
        while let Some(c) = self.text[pos..line.end].chars().next() {
            if self.unit.is_none() {
                self.unit = Some(pos);
                self.has_letter = false;
                self.open_brackets = 0;
            }
            if !chars::is_terminal(c) {
                self.has_letter |= c.is_alphabetic();
                self.count_bracket(c);
                pos += c.len_utf8();
                continue;
            }
            let mark_end = self.text[pos..line.end]
                .char_indices()
                .find(|&(_, c)| !(chars::is_terminal(c) || chars::is_closer(c)))
                .map_or(line.end, |(i, _)| pos + i);
            for c in self.text[pos..mark_end].chars() {
                self.count_bracket(c);
            }
            let spaced = self.text[mark_end..].starts_with(char::is_whitespace);
            let unit = self.unit.unwrap_or(pos);
            let end = (spaced || mark_end == line.end || chars::is_fullwidth_terminal(c))
                .then(|| {
                    ends::sentence_end(self.text, unit, pos..mark_end, self.has_letter, self.lang)
                })
                .flatten();
            ends_with_mark = mark_end == line.end && end.is_none();
            pos = match end {
                Some(end) => {
                    self.push(end);
                    end
                }
                None => mark_end,
            };
            pos += self.text[pos..line.end].len() - self.text[pos..line.end].trim_start().len();
        }
        ends_with_mark
    }

    /// Counts `c` if it opens or closes a bracket of the current unit.
    fn count_bracket(&mut self, c: char) {
        if chars::is_open_bracket(c) {
            self.open_brackets += 1;
        } else if chars::is_close_bracket(c) {
            self.open_brackets = self.open_brackets.saturating_sub(1);
        }
    }

    /// Ends the current unit at `end`.
    fn push(&mut self, end: usize) {
        if let Some(start) = self.unit.take() {
            let span = start..start + self.text[start..end].trim_end().len();
            self.sentences
                .push(Sentence::new(self.text, span, self.paragraph));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_white_space_character_is_folded_and_no_other() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let want = if c.is_whitespace() {
                "a b".to_string()
            } else {
                text.clone()
            };
            assert_eq!(fold_space(&text), want, "U+{:04X}", c as u32);
        }
        assert_eq!(fold_space(" a  b "), "a b");
    }
}
