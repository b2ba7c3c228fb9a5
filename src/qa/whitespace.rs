//! The whitespace check: doubled spaces inside a sentence, and white space
//! before or after a sentence that stands at the start or end of its line.
//!
//! Sentence texts have their white space folded, so this check reads the
//! normalised text at each sentence's span instead. A line break inside a
//! sentence of running text is not a doubled space.

use super::{Check, Finding, Severity, Side, View};

/// Reports the white-space slips of both sides of a bead.
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let mut problems = Vec::new();
    for side in [&view.left, &view.right] {
        problems.extend(slips(side));
    }
    if !problems.is_empty() {
        out.push(view.finding(Check::Whitespace, Severity::Info, problems.join("; ")));
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// The slips of one side, described.
fn slips(side: &Side) -> Vec<String> {
    let text = &side.doc.normalized.text;
    let mut found = Vec::new();
    for k in side.range.clone() {
        let span = side.doc.sentences[k].span.clone();
        let name = format!("{} sentence {}", side.code(), k + 1);
        let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
        let before = &text[line_start..span.start];
        if !before.is_empty() && before.chars().all(is_blank) {
            found.push(format!("{name} starts with white space"));
        }
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |p| span.end + p);
        let after = &text[span.end..line_end];
        if !after.is_empty() && after.chars().all(is_blank) {
            found.push(format!("{name} ends with white space"));
        }
        let raw = &text[span];
        let mut run = 0;
        for (i, c) in raw.char_indices() {
            run = if is_blank(c) { run + 1 } else { 0 };
            if run == 2 {
                let word = raw[..i].split_whitespace().next_back().unwrap_or("");
                found.push(format!("{name} has a doubled space after '{word}'"));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn doubled_and_edge_spaces_are_reported() {
        let m = messages(
            Check::Whitespace,
            "  Er kam  spät. \nSie ging.",
            "He came late.\nShe left.",
        );
        assert_eq!(
            m,
            [
                "de sentence 1 starts with white space; de sentence 1 ends with white space; \
              de sentence 1 has a doubled space after 'kam'"
            ]
        );
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
