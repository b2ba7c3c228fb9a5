//! The calendar check: weekdays and months that differ between the sides.
//!
//! Months come from month names (`Mai`, `May`) and from dates written in
//! digits (`24.05.2024`); weekdays from weekday names, including German
//! compounds with a part of the day (`Mittwochabend`). A month name counts
//! only next to a number or after a word that puts it in time (`in May`,
//! `im Mai`, `en mai`), since `May I ask` and the `March Hare` name no
//! month.

use std::collections::BTreeMap;

use super::numbers::day_months;
use super::{one_sided, word_list, Check, Content, Finding, Severity, Side, View, WordList};
use crate::anchors::Token;

/// A month or a weekday, by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Day {
    Month(u8),
    Weekday(u8),
}

/// Reports months and weekdays that one side names and the other does not
/// (a side may repeat a month that the other names once).
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let lo = content(&view.left, &view.right).missing;
    let ro = content(&view.right, &view.left).missing;
    if let Some(message) = one_sided(view, &lo, &ro) {
        out.push(view.finding(Check::Calendar, Severity::Error, message));
    }
}

/// The months and weekdays of `mine`, each by the first word that names
/// it, and those that `theirs` does not name.
pub(super) fn content(mine: &Side, theirs: &Side) -> Content {
    let (m, t) = (days(mine), days(theirs));
    let missing = m
        .iter()
        .filter(|(d, _)| !t.contains_key(d))
        .map(|(_, words)| words[0].clone())
        .collect();
    Content {
        all: m.values().map(|words| words[0].clone()).collect(),
        missing,
    }
}

/// The months and weekdays of a side, each with the words that named it.
fn days(side: &Side) -> BTreeMap<Day, Vec<String>> {
    let lang = side.lang();
    let parts = word_list(side.code(), "day-parts");
    let mut found: BTreeMap<Day, Vec<String>> = BTreeMap::new();
    let tokens = &side.tokens;
    // A month name says a month next to a number, or after a word that
    // introduces a time (in May, im Mai, en mai); a capital alone proves
    // nothing (May I ask, the March Hare).
    let after_preposition = |i: usize| {
        i > 0
            && matches!(&tokens[i - 1], Token::Word { text, .. }
                if MONTH_WORDS.contains(&text.to_lowercase().as_str()))
    };
    let near_number = |i: usize| {
        let is_number = |t: Option<&Token>| matches!(t, Some(Token::Number(_)));
        is_number(tokens.get(i + 1)) || (i > 0 && is_number(tokens.get(i - 1)))
    };
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Date(d, m, y) => found
                .entry(Day::Month(*m as u8))
                .or_default()
                .push(format!("{d:02}.{m:02}.{y}")),
            Token::Word { text, .. } => {
                let lower = text.to_lowercase();
                if let Some(&m) = lang.months.get(&lower) {
                    if near_number(i) || after_preposition(i) {
                        found.entry(Day::Month(m)).or_default().push(text.clone());
                    }
                } else if let Some(d) = weekday(&lower, &lang.weekdays, parts) {
                    found.entry(Day::Weekday(d)).or_default().push(text.clone());
                }
            }
            Token::Number(_) => {}
        }
    }
    // Days and months in digits (14.07.), where the text has digits at all.
    let digit_dates = if side.text.bytes().any(|b| b.is_ascii_digit()) {
        day_months(&side.text, lang)
    } else {
        Vec::new()
    };
    for (raw, _, m) in digit_dates {
        found
            .entry(Day::Month(m as u8))
            .or_default()
            .push(format!("{raw}."));
    }
    found
}

/// Words that put a month name in time: prepositions and words such as
/// early and Anfang, in English, German and French.
const MONTH_WORDS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "im",
    "seit",
    "bis",
    "ab",
    "vom",
    "zum",
    "anfang",
    "ende",
    "mitte",
    "letzten",
    "nächsten",
    "en",
    "depuis",
    "dès",
    "mi",
    "fin",
    "début",
    "courant",
    "jusqu'en",
];

/// The weekday a word names, alone or with a part of the day after it.
fn weekday(
    lower: &str,
    weekdays: &rustc_hash::FxHashMap<String, u8>,
    parts: &WordList,
) -> Option<u8> {
    if let Some(&d) = weekdays.get(lower) {
        return Some(d);
    }
    parts.words().find_map(|part| {
        let name = lower.strip_suffix(part)?;
        weekdays.get(name).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn same_days_in_either_language_agree() {
        let f = findings(
            Check::Calendar,
            "Am Mittwochabend, dem 24.04.2024, im Mai und am 14.07.",
            "On Wednesday evening, April 24, 2024, in May and on July 14.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_different_weekday_is_reported() {
        let m = messages(
            Check::Calendar,
            "Er kam am Dienstag.",
            "He came on Wednesday.",
        );
        assert_eq!(m, ["de has Dienstag, en has Wednesday"]);
    }

    #[test]
    fn a_different_month_in_a_digit_date_is_reported() {
        let m = messages(
            Check::Calendar,
            "Er kam am 24.05.2024.",
            "He came on April 24, 2024.",
        );
        assert_eq!(m, ["de has 24.05.2024, en has April"]);
    }

    #[test]
    fn the_verb_may_is_not_a_month() {
        let f = findings(Check::Calendar, "Er darf kommen.", "He may come.");
        assert!(f.is_empty(), "{f:?}");
        let f = findings(Check::Calendar, "Darf ich fragen?", "May I ask?");
        assert!(f.is_empty(), "{f:?}");
        let f = findings(Check::Calendar, "sagte der Hase.", "said the March Hare.");
        assert!(f.is_empty(), "{f:?}");
        let m = messages(Check::Calendar, "Er kam im Juni.", "He came in May.");
        assert_eq!(m, ["de has Juni, en has May"]);
    }
}
