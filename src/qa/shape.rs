//! The shape checks: beads with an empty side (omission) and beads whose
//! length ratio is far from the document's own (length).
//!
//! The document's ratio is the median, over beads with two sides, of the
//! ratio of their lengths in characters that are not white space; the
//! median is not moved by the few beads that are wrong.

use std::ops::Range;

use super::{Check, Context, Finding, Severity, Side, View};
use crate::{Bead, Document};

/// A bead whose ratio is this many times larger or smaller than the
/// document's is reported ...
const FACTOR: f64 = 2.0;

/// ... if its sides also differ from the expected length by this many
/// characters, since short sentences vary widely.
const MIN_CHARS: f64 = 30.0;

/// Reports a bead with an empty side. One split off a merged bead (see
/// [`super::merged`]) is a warning, as the aligner judged otherwise, and
/// says what of it the rest of the row lacks.
pub(super) fn omission(view: &View, out: &mut Vec<Finding>) {
    let (l, r) = (&view.left, &view.right);
    let (missing, present) = match (l.range.is_empty(), r.range.is_empty()) {
        (true, false) => (l, r),
        (false, true) => (r, l),
        _ => return,
    };
    let (noun, verb) = match present.range.len() {
        1 => ("sentence", "has"),
        _ => ("sentences", "have"),
    };
    let message = format!(
        "{} {noun} {} {verb} no counterpart in {}",
        present.code(),
        line_list(&present.range),
        missing.code(),
    );
    match &view.hidden {
        None => out.push(view.finding(Check::Omission, Severity::Error, message)),
        Some(hidden) => {
            let message = format!(
                "{message}: the aligner put it in one row with {} {}, which has none of its {}",
                missing.code(),
                line_list(&hidden.partner),
                hidden.items.join(", ")
            );
            out.push(view.finding(Check::Omission, Severity::Warning, message));
        }
    }
}

fn line_list(range: &Range<usize>) -> String {
    match range.len() {
        1 => (range.start + 1).to_string(),
        _ => format!("{}-{}", range.start + 1, range.end),
    }
}

/// Characters that are not white space.
pub(super) fn chars(side: &Side) -> f64 {
    side.text.chars().filter(|c| !c.is_whitespace()).count() as f64
}

/// The typical length ratio of a document pair and its spread: the median
/// of ln(right length / left length) over the beads with two sides, and the
/// median distance of the beads' log ratios from it (how far a bead of this
/// pair is typically off); 0 and 0 if there are no such beads. Lengths are
/// counted in characters that are not white space.
pub(super) fn typical_log_ratio(left: &Document, right: &Document, beads: &[Bead]) -> (f64, f64) {
    let length = |doc: &Document, range: &Range<usize>| -> f64 {
        doc.sentences[range.clone()]
            .iter()
            .map(|s| s.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum::<usize>() as f64
    };
    let ratios: Vec<f64> = beads
        .iter()
        .filter(|b| !b.left.is_empty() && !b.right.is_empty())
        .map(|b| (length(right, &b.right) / length(left, &b.left)).ln())
        .filter(|x| x.is_finite())
        .collect();
    let ratio = median(ratios.clone());
    let spread = median(ratios.into_iter().map(|x| (x - ratio).abs()).collect());
    (ratio, spread)
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// How far the length ratio of `left` and `right` characters is from the
/// document's, as the absolute difference of natural logarithms.
pub(super) fn off(left: f64, right: f64, context: &Context) -> f64 {
    ((right / left).ln() - context.log_ratio).abs()
}

/// Reports a bead whose length ratio is far from the document's.
pub(super) fn length(view: &View, context: &Context, out: &mut Vec<Finding>) {
    let (l, r) = (chars(&view.left), chars(&view.right));
    let expected = l * context.log_ratio.exp();
    if off(l, r, context) > FACTOR.ln() && (r - expected).abs() >= MIN_CHARS {
        let (lc, rc) = (view.left.code(), view.right.code());
        let message = format!(
            "{rc} has {r} characters for {l} in {lc}, where the document's ratio predicts about {expected:.0}"
        );
        out.push(view.finding(Check::Length, Severity::Warning, message));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::aligned;
    use super::*;

    const DE: &str =
        "Er kam spät am Abend in die Stadt.\nDie Gespräche waren vorbei.\nEr ging.\nSie blieb.";
    const EN: &str = "He came to the city late in the evening.\nThe talks were over.\nHe left, long after the talks had ended and the last of the guests had gone home.\nShe stayed.";

    #[test]
    fn a_length_far_from_the_documents_ratio_is_reported() {
        let beads = [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..4)];
        let f = aligned(Check::Length, DE, EN, &beads);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].row, 3);
    }

    #[test]
    fn an_empty_side_is_an_omission() {
        let beads = [(0..1, 0..1), (1..2, 1..2), (2..2, 2..3), (2..4, 3..4)];
        let f = aligned(Check::Omission, DE, EN, &beads);
        let m: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(m, ["en sentence 3 has no counterpart in de"]);
    }

    #[test]
    fn line_lists_are_one_based() {
        assert_eq!(line_list(&(12..13)), "13");
        assert_eq!(line_list(&(2..4)), "3-4");
    }
}
