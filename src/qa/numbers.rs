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

use super::{one_sided, word_list, Check, Content, Finding, Severity, Side, View};
use crate::anchors::{canonical_number, Token};
use crate::Lang;

/// Finds the numbers of one bead that the other side lacks.
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let left_only = content(&view.left, &view.right).missing;
    let right_only = content(&view.right, &view.left).missing;
    if let Some(message) = one_sided(view, &left_only, &right_only) {
        out.push(view.finding(Check::Numbers, Severity::Error, message));
    }
}

/// The numbers of `mine` in canonical form (a date as its day and year),
/// and those that `theirs` holds fewer times.
pub(super) fn content(mine: &Side, theirs: &Side) -> Content {
    let (m, t) = (values(mine), values(theirs));
    let mut all: Vec<String> = m.keys().cloned().collect();
    all.sort();
    Content {
        missing: excess(&m, &t, theirs),
        all,
    }
}

/// The canonical numbers of a side, with how often each occurs.
fn values(side: &Side) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
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
    // The tokenizer reads a day and month such as 14.07. as one number.
    for (raw, day, _) in day_months(&side.text, side.lang()) {
        if let Some(k) = counts.get_mut(&canonical_number(&raw, side.lang())) {
            *k -= 1;
            *counts.entry(day.to_string()).or_default() += 1;
        }
    }
    counts.retain(|_, k| *k > 0);
    counts
}

/// Days and months written in digits without a year (`14.07.`, `4.5.`), in
/// a language whose decimal mark is not the period: the digits as written,
/// the day and the month.
pub(super) fn day_months(text: &str, lang: &Lang) -> Vec<(String, u32, u32)> {
    if lang.decimal_mark == '.' {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'));
        if !starts {
            i += 1;
            continue;
        }
        let a = digits(i);
        let b = if chars.get(i + a) == Some(&'.') {
            digits(i + a + 1)
        } else {
            0
        };
        let end = i + a + 1 + b;
        let closed =
            chars.get(end) == Some(&'.') && !chars.get(end + 1).is_some_and(char::is_ascii_digit);
        if (1..=2).contains(&a) && (1..=2).contains(&b) && closed {
            let raw: String = chars[i..end].iter().collect();
            let (d, m) = raw.split_once('.').unwrap_or_default();
            if let (Ok(d), Ok(m)) = (d.parse::<u32>(), m.parse::<u32>()) {
                if (1..=31).contains(&d) && (1..=12).contains(&m) {
                    found.push((raw, d, m));
                }
            }
        }
        i += a.max(1);
    }
    found
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
    let table = word_list(side.code(), "number-words");
    side.tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } => table.value(&text.to_lowercase()),
            _ => None,
        })
        .map(str::to_string)
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
    fn a_day_and_month_without_a_year_is_a_date() {
        let f = findings(
            Check::Numbers,
            "Er kommt am 14.07. zurück.",
            "He returns on July 14.",
        );
        assert!(f.is_empty(), "{f:?}");
        let de = Lang::new("de").unwrap();
        assert_eq!(
            day_months("am 4.5. und 1.234,5", &de),
            [("4.5".to_string(), 4, 5)]
        );
        assert!(day_months("rose 14.07.", &Lang::new("en").unwrap()).is_empty());
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
