//! The numbers check: numbers present on one side only, compared by value
//! across locales.
//!
//! Both sides are read by their own number format, so German `1.234,5` and
//! English `1,234.5` are the same value, as are `12,3 %` and `12.3%`. A date
//! counts as its day and year, whatever the spelling (`24.04.2024`,
//! `April 24, 2024`, `24. April 2024`); its month is the calendar check's
//! business. A small number written as a word on the other side (`drei`,
//! `three`) is not a mismatch.

use std::collections::HashMap;

use super::{data_lines, lang_data, one_sided, Check, Finding, Severity, Side, View};
use crate::anchors::Token;

/// Finds the numbers of one bead that the other side lacks.
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let (l, r) = (values(&view.left), values(&view.right));
    let left_only = excess(&l, &r, &view.right);
    let right_only = excess(&r, &l, &view.left);
    if let Some(message) = one_sided(view, &left_only, &right_only) {
        out.push(view.finding(Check::Numbers, Severity::Error, message));
    }
}

/// The canonical numbers of a side, with how often each occurs.
fn values(side: &Side) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in &side.tokens {
        match token {
            Token::Number(n) => *counts.entry(n.clone()).or_default() += 1,
            Token::Date(d, _, y) => {
                *counts.entry(d.to_string()).or_default() += 1;
                *counts.entry(y.to_string()).or_default() += 1;
            }
            Token::Word { .. } => {}
        }
    }
    counts
}

/// The numbers of `mine` that `theirs` holds fewer times, unless `other`
/// spells them as a word.
fn excess(
    mine: &HashMap<String, usize>,
    theirs: &HashMap<String, usize>,
    other: &Side,
) -> Vec<String> {
    let words = number_words(other);
    let mut odd: Vec<(f64, String)> = mine
        .iter()
        .filter(|(n, &k)| k > theirs.get(*n).copied().unwrap_or(0) && !words.contains(n))
        .map(|(n, _)| (n.parse().unwrap_or(f64::MAX), n.clone()))
        .collect();
    odd.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    odd.into_iter().map(|(_, n)| n).collect()
}

/// The values of the number words on a side, as canonical numbers.
fn number_words(side: &Side) -> Vec<String> {
    let table: HashMap<&str, &str> = data_lines(lang_data(side.code(), "number-words"))
        .filter_map(|l| l.split_once('='))
        .collect();
    side.tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } => table.get(text.to_lowercase().as_str()),
            _ => None,
        })
        .map(|v| v.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn locale_formats_of_the_same_value_agree() {
        let f = findings(
            Check::Numbers,
            "Der Umsatz stieg um 12,3 % auf 1.234,5 Millionen Euro.",
            "Sales rose 12.3% to 1,234.5 million euros.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn dates_in_digits_and_words_agree() {
        for de in ["Am 24.04.2024 kam er.", "Am 24. April 2024 kam er."] {
            let f = findings(Check::Numbers, de, "He came on April 24, 2024.");
            assert!(f.is_empty(), "{de}: {f:?}");
        }
    }

    #[test]
    fn swapped_digits_are_reported_with_both_values() {
        let m = messages(
            Check::Numbers,
            "Es kamen 1.243 Menschen.",
            "There were 1,234 people.",
        );
        assert_eq!(m, ["de has 1243, en has 1234"]);
    }

    #[test]
    fn a_number_on_one_side_only_is_reported() {
        let m = messages(Check::Numbers, "Er kam.", "He came in 2022.");
        assert_eq!(m, ["2022 in en only"]);
    }

    #[test]
    fn number_words_excuse_digits() {
        let f = findings(Check::Numbers, "Er blieb drei Tage.", "He stayed 3 days.");
        assert!(f.is_empty(), "{f:?}");
    }
}
