//! Lines and paragraphs: where a line break ends a unit although no final
//! mark does (a heading, a list item, a parenthesised byline).
//!
//! In: the normalised text. Out: its paragraphs as lists of [`Line`]s, and for
//! a line break the decision whether the unit before it ends there. Ordinary
//! prose wrapped over several lines never ends at a line break: a next line
//! that starts with a small letter continues, and so does a long line.

use super::chars;
use crate::Lang;

/// Most words a heading has.
const MAX_HEADING_WORDS: usize = 12;
/// A line of a paragraph whose longest line has at most this many characters
/// may be a heading whatever its length (a title block, a short list).
const SHORT_PARAGRAPH: usize = 40;

/// One non-blank line, without its leading and trailing white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of its first non-white-space character.
    pub start: usize,
    /// Byte offset just after its last non-white-space character.
    pub end: usize,
    /// Its length in characters.
    pub chars: usize,
    /// Its number of words.
    pub words: usize,
}

/// The paragraphs of `text`: runs of non-blank lines between blank ones.
pub fn paragraphs(text: &str) -> Vec<Vec<Line>> {
    let mut paragraphs = Vec::new();
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if !lines.is_empty() {
                paragraphs.push(std::mem::take(&mut lines));
            }
        } else {
            let start = offset + (raw.len() - raw.trim_start().len());
            lines.push(Line {
                start,
                end: start + trimmed.len(),
                chars: trimmed.chars().count(),
                words: trimmed.split_whitespace().count(),
            });
        }
        offset += raw.len() + 1;
    }
    if !lines.is_empty() {
        paragraphs.push(lines);
    }
    paragraphs
}

/// What comes before a line break, as the break decision sees it.
#[derive(Debug, Clone, Copy)]
pub struct Before {
    /// The line before the break.
    pub line: Line,
    /// Whether the current unit began at the start of that line.
    pub unit_is_line: bool,
    /// Whether the line ends with a final mark that did not end the sentence
    /// (`Dr.`): then only a list item or a byline next can end it.
    pub ends_with_mark: bool,
    /// The longest line of the paragraph, in characters.
    pub longest: usize,
}

/// Whether the unit ends at the break between `before.line` and `next`.
pub fn breaks(text: &str, before: &Before, next: &Line, lang: &Lang) -> bool {
    let this = &text[before.line.start..before.line.end];
    let that = &text[next.start..next.end];
    if let Some(strong) = list_marker(that) {
        let own_line =
            before.unit_is_line && (list_marker(this).is_some() || is_heading(this, before, lang));
        return strong || this.ends_with([':', ';']) || before.ends_with_mark || own_line;
    }
    let first = that.chars().find(|&c| !chars::is_opener(c));
    if !that.starts_with(chars::is_open_bracket) && first.is_some_and(char::is_lowercase) {
        return false;
    }
    if is_parenthesised(that) {
        return true;
    }
    if before.ends_with_mark || !before.unit_is_line {
        return false;
    }
    list_marker(this).is_some() || is_parenthesised(this) || is_heading(this, before, lang)
}

/// Whether the line before a break looks like a heading: a few words, clearly
/// shorter than the paragraph's wrapped lines, and no ending that asks for
/// more (a comma, a dash, or a word such as `mit`, `the`, `und` that usually
/// starts a phrase rather than ends one).
fn is_heading(this: &str, before: &Before, lang: &Lang) -> bool {
    let line = before.line;
    let short = line.chars * 5 <= before.longest * 3 || before.longest <= SHORT_PARAGRAPH;
    let open_end = this.ends_with([',', ';', ':', '-', '–', '—', '/', '&', '(', '+'])
        || this
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|last| lang.sentence_starts.contains(&last.to_lowercase()));
    short && line.words <= MAX_HEADING_WORDS && !open_end
}

/// The list marker a line starts with, if any: `Some(true)` for a bullet
/// (`-`, `•`, `*`), `Some(false)` for a number or letter (`1.`, `2)`, `a)`)
/// or a dash, which mark an item only where a list is expected.
fn list_marker(line: &str) -> Option<bool> {
    let (marker, rest) = line.split_once(char::is_whitespace)?;
    if rest.trim().is_empty() {
        return None;
    }
    let mut marker_chars = marker.chars();
    let first = marker_chars.next()?;
    if marker_chars.as_str().is_empty() {
        return (chars::is_bullet(first) || chars::is_dash(first))
            .then_some(chars::is_bullet(first));
    }
    let marker = marker.strip_prefix('(').unwrap_or(marker);
    let body = marker.strip_suffix(['.', ')']).unwrap_or(marker);
    let numbered = body != marker || body.contains('.');
    let digits = body
        .split('.')
        .all(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let letter =
        marker.ends_with(')') && body.chars().count() == 1 && body.chars().all(char::is_alphabetic);
    (numbered && digits || letter).then_some(false)
}

/// Whether a line is wholly in parentheses or brackets, like a byline.
fn is_parenthesised(line: &str) -> bool {
    (line.starts_with('(') && line.ends_with(')')) || (line.starts_with('[') && line.ends_with(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let text = "  Eins\nzwei \n \t\n\nDrei";
        let got: Vec<Vec<&str>> = paragraphs(text)
            .iter()
            .map(|p| p.iter().map(|l| &text[l.start..l.end]).collect())
            .collect();
        assert_eq!(got, [vec!["Eins", "zwei"], vec!["Drei"]]);
    }

    #[test]
    fn list_markers_are_bullets_numbers_and_letters() {
        assert_eq!(list_marker("- Fentanyl"), Some(true));
        assert_eq!(list_marker("• Handel"), Some(true));
        assert_eq!(list_marker("– Handel"), Some(false));
        assert_eq!(list_marker("1. Einleitung"), Some(false));
        assert_eq!(list_marker("2.3 Methoden"), Some(false));
        assert_eq!(list_marker("(b) zweitens"), Some(false));
        assert_eq!(list_marker("2022 war ein Jahr"), None);
        assert_eq!(list_marker("am 1. Mai"), None);
        assert_eq!(list_marker("-"), None);
    }

    #[test]
    fn a_byline_line_is_parenthesised() {
        assert!(is_parenthesised("(Reporting by Simon Lewis)"));
        assert!(!is_parenthesised("(dpa) Die Wahl"));
    }
}
