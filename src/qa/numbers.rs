//! The numbers check: numbers present on one side only, compared by value
//! across locales.
//!
//! Both sides are read by their own number format, so German `1.234,5` and
//! English `1,234.5` are the same value, as are `12,3 %` and `12.3%`. A date
//! counts as its day and year, whatever the spelling (`24.04.2024`,
//! `April 24, 2024`, `24. April 2024`); its month is the calendar check's
//! business. A small number written as a word (`drei`, `three`) or a Roman
//! numeral (`III`) on the other side is not a mismatch. Clock times count
//! as times on a 24-hour clock (`14:00 Uhr` = `2 p.m.`), section and
//! version labels as written (`4.1`, which German rules would read as 41),
//! and a quantity that converts another one in another unit (`92 °C
//! (198 °F)`, `100 km` for `62 miles`) is a rendering, not an addition
//! (see [`super::renderings`]).

use std::collections::HashMap;

use super::{one_sided, renderings, word_list, Check, Content, Finding, Severity, Side, View};
use crate::anchors::{canonical_number, tokenize, Token};
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
        missing: excess(&m, &t, mine, theirs),
        all,
    }
}

/// The canonical numbers of a side, with how often each occurs.
fn values(side: &Side) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    if !side.text.bytes().any(|b| b.is_ascii_digit()) {
        return counts;
    }
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
    // Times and labels are one thing each, however the tokenizer reads them.
    for rewrite in renderings::rewrites(&side.text, side.lang()) {
        for token in tokenize(rewrite.raw, side.lang()) {
            if let Token::Number(n) = token {
                if let Some(k) = counts.get_mut(&n) {
                    *k = k.saturating_sub(1);
                }
            }
        }
        *counts.entry(rewrite.key).or_default() += 1;
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

/// The numbers of `mine` that `theirs` holds fewer times, unless the other
/// side spells them as a word, or they are a quantity that converts one of
/// either side in another unit.
fn excess(
    mine: &HashMap<String, usize>,
    theirs: &HashMap<String, usize>,
    mine_side: &Side,
    other: &Side,
) -> Vec<String> {
    if mine.is_empty() {
        return Vec::new();
    }
    let words = number_words(other);
    let own_quantities = renderings::quantities(&mine_side.text, mine_side.lang());
    let their_quantities = renderings::quantities(&other.text, other.lang());
    let converted = |n: &str| {
        own_quantities
            .iter()
            .filter(|q| canonical_number(q.raw, mine_side.lang()) == n)
            .any(|q| {
                own_quantities
                    .iter()
                    .chain(&their_quantities)
                    .any(|p| q.converts(p))
            })
    };
    let mut odd: Vec<(f64, String)> = mine
        .iter()
        .filter(|(n, &k)| {
            k > theirs.get(*n).copied().unwrap_or(0) && !words.contains(n) && !converted(n)
        })
        .map(|(n, _)| (n.parse().unwrap_or(f64::MAX), n.clone()))
        .collect();
    odd.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    odd.into_iter().map(|(_, n)| n).collect()
}

/// The values of the number words and Roman numerals (of two letters or
/// more, as `I` is also a word) on a side, as canonical numbers.
fn number_words(side: &Side) -> Vec<String> {
    let table = word_list(side.code(), "number-words");
    let values: Vec<Option<u64>> = side
        .tokens
        .iter()
        .map(|t| match t {
            Token::Word { text, .. } => table
                .value(&text.to_lowercase())
                .and_then(|v| v.parse().ok())
                .or_else(|| roman(text).map(u64::from)),
            _ => None,
        })
        .collect();
    let mut found: Vec<String> = values.iter().flatten().map(u64::to_string).collect();
    // Two words that multiply: deux mille, three hundred, drei tausend.
    for pair in values.windows(2) {
        if let [Some(a), Some(b @ (100 | 1000))] = pair {
            found.push((a * b).to_string());
        }
    }
    found
}

/// The value of a Roman numeral of up to six capitals, such as `III`,
/// `XIV` or `V`; `I` alone is a pronoun in English, and is left out.
pub(super) fn roman(text: &str) -> Option<u32> {
    if !(1..=6).contains(&text.len()) || text == "I" {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(&next) if next > v => total -= v as i64,
            _ => total += v as i64,
        }
    }
    let value = u32::try_from(total).ok().filter(|&v| v > 0)?;
    // Only the canonical spelling: XIV, not IIIIV.
    (to_roman(value) == text).then_some(value)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
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
        let m = messages(Check::Numbers, "Er blieb drei Tage.", "He stayed 4 days.");
        assert_eq!(m, ["4 in en only"]);
        let f = findings(
            Check::Numbers,
            "zwischen Lager 2 und 3",
            "entre le camp II et le camp III",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("CIA"), None);
    }

    #[test]
    fn clock_times_agree_across_conventions() {
        for (de, en) in [
            (
                "Die Führung beginnt um 14:00 Uhr.",
                "The tour starts at 2:00 p.m.",
            ),
            (
                "Die Führung beginnt um 14 Uhr.",
                "The tour starts at 2 p.m.",
            ),
            (
                "Geöffnet ist von 8–18 Uhr.",
                "It is open from 8 a.m.–6 p.m.",
            ),
        ] {
            let f = findings(Check::Numbers, de, en);
            assert!(f.is_empty(), "{de} / {en}: {f:?}");
        }
        let m = messages(
            Check::Numbers,
            "Die Führung beginnt um 14:00 Uhr.",
            "The tour starts at 4 p.m.",
        );
        assert_eq!(m, ["de has 14:00, en has 16:00"]);
    }

    #[test]
    fn conversions_into_other_units_are_renderings() {
        for (de, en) in [
            ("Bei 92 °C garen.", "Cook at 92 °C (198 °F)."),
            (
                "Die Strecke ist 100 km lang.",
                "The route is 62 miles long.",
            ),
            ("Er wiegt 5 kg.", "It weighs 11 lb (5 kg)."),
        ] {
            let f = findings(Check::Numbers, de, en);
            assert!(f.is_empty(), "{de} / {en}: {f:?}");
        }
        let m = messages(
            Check::Numbers,
            "Bei 92 °C garen.",
            "Cook at 92 °C (210 °F).",
        );
        assert_eq!(m, ["210 in en only"]);
    }

    #[test]
    fn section_numbers_are_labels() {
        let f = findings(
            Check::Numbers,
            "Siehe Abschnitt 4.1 und 2.3.1.",
            "See section 4.1 and 2.3.1.",
        );
        assert!(f.is_empty(), "{f:?}");
        let m = messages(
            Check::Numbers,
            "Siehe Abschnitt 4.1 oben.",
            "See section 1.4 above.",
        );
        assert_eq!(m, ["de has 4.1, en has 1.4"]);
    }
}
