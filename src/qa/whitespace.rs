//! The whitespace check: slips of spacing that a reader of the sentence
//! would see, namely doubled spaces inside a sentence and a missing space
//! after a mark that ends a clause (`kam.Dann`, `Hallo,Welt`).
//!
//! White space at the start or end of a line is never reported: a reader
//! does not see it, and most formats trim it anyway. Sentence texts have
//! their white space folded, so this check reads the normalised text at
//! each sentence's span instead, once per sentence, so that its time grows
//! with the text. A line break inside a sentence of running text is not a
//! doubled space.

use super::{Check, Finding, Severity, Side, View};

/// Reports the white-space slips of both sides of a bead.
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let mut problems = Vec::new();
    for side in [&view.left, &view.right] {
        slips(side, &mut problems);
    }
    if !problems.is_empty() {
        out.push(view.finding(Check::Whitespace, Severity::Info, problems.join(", ")));
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Marks after which a clause goes on after a space.
const MARKS: &[char] = &['.', ',', ';', ':', '!', '?'];

/// Describes the slips of one side, appending to `found`.
fn slips(side: &Side, found: &mut Vec<String>) {
    let text = &side.doc.normalized.text;
    for k in side.range.clone() {
        let raw = &text[side.doc.sentences[k].span.clone()];
        let name = || format!("{} sentence {}", side.code(), k + 1);
        let mut run = 0;
        let mut word_start = 0;
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                run = if is_blank(c) { run + 1 } else { 0 };
                if run == 2 {
                    let word = raw[..i].split_whitespace().next_back().unwrap_or("");
                    found.push(format!("{} has a doubled space after '{word}'", name()));
                }
                word_start = i + c.len_utf8();
                continue;
            }
            run = 0;
            let Some(&(j, next)) = chars.peek() else {
                continue;
            };
            if MARKS.contains(&c) && glued(&raw[word_start..i], c, next) {
                let end = raw[j..]
                    .find(|d: char| d.is_whitespace())
                    .map_or(raw.len(), |e| j + e);
                let glued = &raw[word_start..end];
                found.push(format!("{} has no space after '{c}' in '{glued}'", name()));
            }
        }
    }
}

/// Whether a mark between the word before it and the character after it
/// lacks the space a reader expects: a word of two letters or more in
/// lower case, then the mark, then a letter (a capital after a period).
/// Abbreviations (`z.B.`, `U.S.`), numbers (`1,5`, `14:00`), domains and
/// file names (`example.com`) are left alone.
fn glued(before: &str, mark: char, next: char) -> bool {
    let letters = before.chars().rev().take_while(|c| c.is_alphabetic());
    let (count, lower) = letters.fold((0, true), |(n, l), c| (n + 1, l && c.is_lowercase()));
    if count < 2 || !lower || count != before.chars().count() || !next.is_alphabetic() {
        return false;
    }
    match mark {
        '.' => next.is_uppercase(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn doubled_spaces_inside_are_reported_and_line_edges_are_not() {
        let m = messages(
            Check::Whitespace,
            "  Er kam  spät. \nSie ging.",
            "He came late.\nShe left.",
        );
        assert_eq!(m, ["de sentence 1 has a doubled space after 'kam'"]);
    }

    #[test]
    fn text_berg_lines_that_end_in_a_space_are_clean() {
        let f = findings(
            Check::Whitespace,
            "Himalaya-Chronik 1956 \nMIT NACHTRÄGEN AUS FRÜHEREN JAHREN ",
            "Chronique himalayenne 1956 \nAVEC DES COMPLÉMENTS ",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_missing_space_after_a_mark_is_reported() {
        let m = messages(
            Check::Whitespace,
            "Er kam.Dann ging er,ohne ein Wort.",
            "He came. Then he left, without a word.",
        );
        assert_eq!(
            m,
            ["de sentence 1 has no space after '.' in 'kam.Dann', \
              de sentence 1 has no space after ',' in 'er,ohne'"]
        );
    }

    #[test]
    fn abbreviations_numbers_and_addresses_are_not_slips() {
        let f = findings(
            Check::Whitespace,
            "Z.B. kostet es 1,5 Mio. um 14:00 Uhr, siehe www.example.com oder info@firma.de.",
            "E.g. it costs 1.5 million at 2:00 p.m., see www.example.com or the U.S. site.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn clean_lines_pass() {
        let f = findings(
            Check::Whitespace,
            "Er kam spät.\n\nSie ging.",
            "He came late.\nShe left.",
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
