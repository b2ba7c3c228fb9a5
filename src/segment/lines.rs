//! Lines and paragraphs: where a line break ends a unit although no final
//! mark does (a heading, a list item, a field such as `Gewicht: 1,3 kg`, a
//! parenthesised byline, a line of a title block, list or closing block).
//!
//! In: the normalised text. Out: its paragraphs as lists of [`Line`]s, what a
//! paragraph looks like as a whole ([`Block`]), and for a line break the
//! decision whether the unit before it ends there. Ordinary prose wrapped over
//! several lines never ends at a line break: a next line that starts with a
//! small letter continues, and so does a long line.

use super::chars;
use crate::Lang;

/// Most words a heading has.
const MAX_HEADING_WORDS: usize = 12;
/// Most characters in the label of a field (`Temperature range: 25 °C`).
const MAX_LABEL_CHARS: usize = 32;
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

/// What a paragraph looks like as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The longest line, in characters.
    pub longest: usize,
    /// Whether each line is a unit of its own: a title block, a list without
    /// markers, an address or a closing block (see [`Block::of`]).
    pub line_units: bool,
}

impl Block {
    /// Looks at the lines of one paragraph of `text`.
    ///
    /// Its lines are units if fewer than half of them end with a final mark
    /// and the paragraph does not look wrapped. Prose wrapped to a width
    /// breaks a line only where the next word would not fit, so a break after
    /// which the next word would have fitted within the longest line shows a
    /// line ended on purpose. The lines are units if such breaks outnumber the
    /// others; a paragraph of two lines without any final mark (a headline
    /// and a subheading) is taken so too, since prose ends with a mark.
    pub fn of(text: &str, lines: &[Line]) -> Block {
        let longest = lines.iter().map(|l| l.chars).max().unwrap_or(0);
        let body = |l: &Line| &text[l.start..l.end];
        let marked = lines.iter().filter(|l| ends_with_final(body(l))).count();
        let (mut fitting, mut wrapped) = (0, 0);
        for pair in lines.windows(2) {
            let (this, next) = (&pair[0], &pair[1]);
            if ends_with_final(body(this)) {
                continue;
            }
            let word = body(next).split_whitespace().next().unwrap_or_default();
            if this.chars + 1 + word.chars().count() <= longest {
                fitting += 1;
            } else {
                wrapped += 1;
            }
        }
        let headlines = lines.len() == 2 && marked == 0;
        let line_units = 2 * marked < lines.len() && (fitting > wrapped || headlines);
        Block {
            longest,
            line_units,
        }
    }
}

/// What comes before a line break, as the break decision sees it.
#[derive(Debug, Clone, Copy)]
pub struct Before {
    /// The line before the break.
    pub line: Line,
    /// Whether the current unit began at the start of that line.
    pub unit_is_line: bool,
    /// Whether the current unit has a bracket open at the line's end.
    pub in_brackets: bool,
    /// Whether the line ends with a final mark that did not end the sentence
    /// (`Dr.`): then only a list item or a byline next can end it.
    pub ends_with_mark: bool,
    /// The paragraph the line belongs to.
    pub block: Block,
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
    // A field ends at the line's end even after an abbreviation (`St.`).
    if is_field(this) && is_field(that) && !ends_open(this, lang) {
        return true;
    }
    if before.ends_with_mark {
        return false;
    }
    if is_closing(this, lang) {
        return true;
    }
    if before.block.line_units && !before.in_brackets && !ends_open(this, lang) {
        return true;
    }
    if !before.unit_is_line {
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
    let longest = before.block.longest;
    let short = line.chars * 5 <= longest * 3 || longest <= SHORT_PARAGRAPH;
    short && line.words <= MAX_HEADING_WORDS && !ends_open(this, lang)
}

/// Whether a line ends in a way that asks for more: a colon, a dash, a slash,
/// a comma, or a word such as `mit`, `the`, `und` that usually starts a
/// phrase rather than ends one.
fn ends_open(line: &str, lang: &Lang) -> bool {
    line.ends_with([',', ';', ':', '-', '–', '—', '/', '&', '(', '+'])
        || line
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|last| lang.sentence_starts.contains(&last.to_lowercase()))
}

/// Whether a line is the closing formula of a letter (`Kind regards,`).
fn is_closing(line: &str, lang: &Lang) -> bool {
    let words = line.trim_end_matches(',').split_whitespace();
    lang.closings
        .contains(&words.collect::<Vec<_>>().join(" ").to_lowercase())
}

/// Whether a line ends with a final mark, perhaps followed by closing quotes
/// or brackets.
fn ends_with_final(line: &str) -> bool {
    line.trim_end_matches(chars::is_closer)
        .ends_with(chars::is_terminal)
}

/// Whether a line is a field: a short label that starts with a capital or a
/// digit, a colon and a space, and a value (`Leistung: 1.200 W`,
/// `Half-year report: July 30, 2024`).
fn is_field(line: &str) -> bool {
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    !value.trim().is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !label.contains(|c: char| chars::is_terminal(c) || c == ',' || c == ':')
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

    fn block(text: &str) -> Block {
        Block::of(text, &paragraphs(text)[0])
    }

    #[test]
    fn a_block_is_line_units_when_its_breaks_are_not_wrapping() {
        assert!(block("Kind regards,\nDr. Miriam Keller\nHead of Secondary School").line_units);
        assert!(block("Titel ohne Punkt und\nUntertitel ohne Punkt").line_units);
        assert!(!block("Ein Satz, der umbricht\nund endet.").line_units);
        let wrapped = "Der Beamte kritisierte jedoch Washingtons hartnäckige\n\
                       Strategie der Eindämmung Chinas und seine falschen Worte\n\
                       Taten und Chinas Interessen untergräbt";
        assert!(!block(wrapped).line_units);
    }

    #[test]
    fn fields_have_a_short_capitalised_label() {
        assert!(is_field("Leistung: 1.200 W"));
        assert!(is_field("Dimensions (H × W × D): 370 × 70 × 110 mm"));
        assert!(!is_field("Leistung:"));
        assert!(!is_field("und dann: weiter"));
        assert!(!is_field(
            "Es gab drei Gründe, sagte er, nämlich diese: Geld"
        ));
    }
}
