//! Whether a final mark (`.`, `?`, `!`, `…`) ends a sentence.
//!
//! In: the text of a paragraph, where the current sentence starts, the span of
//! a mark (its final characters and the quotes or brackets right after them)
//! and the [`Lang`]. Out: the byte offset where the sentence ends, or `None`
//! if the sentence goes on (an abbreviation, an initial, an ordinal, a quote
//! followed by `said`, a small letter next).

use std::ops::Range;

use super::chars;
use super::words::{abbreviation, is_initial, is_ordinal, Abbreviation, Next};
use crate::Lang;

/// How many capitalised words (a name, a title) may stand between a closing
/// quote and the verb of saying that continues its sentence.
const MAX_NAME_WORDS: usize = 4;

/// Where the sentence ends if the mark at `mark` ends it. `text` ends where the
/// paragraph ends; `start` is where the current sentence starts, and
/// `has_letter` says whether it has a letter before the mark.
pub fn sentence_end(
    text: &str,
    start: usize,
    mark: Range<usize>,
    has_letter: bool,
    lang: &Lang,
) -> Option<usize> {
    let marks = &text[mark.clone()];
    let mut end = mark.end;
    let mut quoted = marks.chars().any(chars::is_quote);
    if let Some(after) = spaced_closer(text, end) {
        end = after;
        quoted = true;
    }
    let Some(token) = text[end..].split_whitespace().next() else {
        return Some(end);
    };
    let next = Next::parse(token);
    if next.is_lower() || !has_letter {
        return None;
    }
    if quoted && continues_speech(&text[end..], lang) {
        return None;
    }
    let final_marks: String = marks.chars().filter(|&c| chars::is_terminal(c)).collect();
    if final_marks != "." || text[..mark.start].ends_with(char::is_whitespace) {
        // A question, an exclamation, an ellipsis or a lone period.
        return Some(end);
    }
    let mut before: Vec<&str> = text[start..mark.start]
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    before.reverse();
    let after: Vec<&str> = text[end..].split_whitespace().take(2).collect();
    let word = before.last().copied().unwrap_or_default();
    let new_sentence = next.opens() || next.starts_sentence(lang);
    let ends = match abbreviation(&before, &after, lang) {
        Abbreviation::Inside | Abbreviation::Never => false,
        Abbreviation::MayEnd => new_sentence,
        Abbreviation::No if is_initial(word) => new_sentence && !next.is_initial(),
        Abbreviation::No if is_ordinal(word, lang) => {
            new_sentence && !next.is_digit() && !next.is_month(lang)
        }
        Abbreviation::No => true,
    };
    ends.then_some(end)
}

/// The end of a closing quote that stands alone after the mark at `at`, on the
/// same line (`fini. »`), if there is one.
fn spaced_closer(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let quote_at = rest.len()
        - rest
            .trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}'])
            .len();
    if quote_at == 0 {
        return None;
    }
    let mut after = rest[quote_at..].chars();
    let quote = after.next().filter(|&c| chars::is_spaced_closer(c))?;
    match after.next() {
        Some(c) if !c.is_whitespace() => None,
        _ => Some(at + quote_at + quote.len_utf8()),
    }
}

/// Whether the words after a closing quote continue its sentence: a verb of
/// saying, perhaps after a name (`"Why?" Blinken asked.`).
fn continues_speech(rest: &str, lang: &Lang) -> bool {
    for token in rest.split_whitespace().take(MAX_NAME_WORDS + 1) {
        let next = Next::parse(token);
        if next.is_speech_verb(lang) {
            return true;
        }
        let name = next.is_upper()
            && !next.opens()
            && !next.starts_sentence(lang)
            && token.ends_with(char::is_alphanumeric);
        if !name {
            return false;
        }
    }
    false
}
