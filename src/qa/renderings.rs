//! Numbers that a translation writes differently without changing them,
//! for the numbers check: clock times (`14:00 Uhr` = `2 p.m.`), section
//! and version labels (`4.1`, `2.3.1`, which German number rules would read
//! as 41 and 231), and quantities given in two units (`92 °C (198 °F)`).
//!
//! In: the text of one side and its language. Out: [`Rewrite`]s, which
//! replace the numbers the tokenizer reads in a stretch of text by one key
//! (a time as `14:00`, a label as written), and [`Quantity`]s, which let
//! the check excuse a number that converts another one.

use crate::anchors::{tokenize, Token};
use crate::Lang;

/// A stretch of text whose numbers stand for one thing.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rewrite<'t> {
    /// The text, whose numbers the tokenizer would read one by one.
    pub raw: &'t str,
    /// What they stand for: a time (`14:00`) or a label (`4.1`).
    pub key: String,
}

/// A number with a unit of measure.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity<'t> {
    /// The number as written.
    pub raw: &'t str,
    /// Its value in the dimension's base unit (metres, kilograms, litres,
    /// kilometres an hour, degrees Celsius).
    pub base: f64,
    /// The unit's dimension and the unit itself.
    pub dimension: &'static str,
    pub unit: &'static str,
}

impl Quantity<'_> {
    /// Whether `other` gives the same amount in another unit, as rounded
    /// conversions do (within 4 %, or 1.5 degrees).
    pub fn converts(&self, other: &Quantity) -> bool {
        if self.dimension != other.dimension || self.unit == other.unit {
            return false;
        }
        let gap = (self.base - other.base).abs();
        if self.dimension == "temperature" {
            gap <= 1.5
        } else {
            gap <= 0.04 * self.base.abs().max(other.base.abs())
        }
    }
}

/// Units: the words and symbols that name them, their dimension, and how
/// many base units one of them is (temperatures are converted apart).
const UNITS: &[(&[&str], &str, &str, f64)] = &[
    (&["°F", "° F"], "temperature", "F", 1.0),
    (&["°C", "° C", "°"], "temperature", "C", 1.0),
    (
        &["km", "Kilometer", "kilometres", "kilometers", "kilomètres"],
        "length",
        "km",
        1000.0,
    ),
    (
        &["m", "Meter", "metres", "meters", "mètres"],
        "length",
        "m",
        1.0,
    ),
    (
        &[
            "cm",
            "Zentimeter",
            "centimetres",
            "centimeters",
            "centimètres",
        ],
        "length",
        "cm",
        0.01,
    ),
    (&["mm"], "length", "mm", 0.001),
    (
        &["mi", "mile", "miles", "Meilen", "Meile", "milles"],
        "length",
        "mi",
        1609.344,
    ),
    (
        &["ft", "feet", "foot", "Fuss", "Fuß", "pieds", "pied"],
        "length",
        "ft",
        0.3048,
    ),
    (
        &["in", "inch", "inches", "Zoll", "pouces", "pouce", "\""],
        "length",
        "in",
        0.0254,
    ),
    (&["yd", "yard", "yards"], "length", "yd", 0.9144),
    (
        &["kg", "Kilogramm", "kilograms", "kilogrammes", "kilos"],
        "mass",
        "kg",
        1.0,
    ),
    (&["g", "Gramm", "grams", "grammes"], "mass", "g", 0.001),
    (
        &["lb", "lbs", "pound", "pounds", "Pfund", "livres"],
        "mass",
        "lb",
        0.453_592,
    ),
    (
        &["oz", "ounce", "ounces", "Unzen", "onces"],
        "mass",
        "oz",
        0.028_349_5,
    ),
    (
        &["l", "Liter", "litres", "liters", "litre"],
        "volume",
        "l",
        1.0,
    ),
    (&["gal", "gallon", "gallons"], "volume", "gal", 3.785_41),
    (&["km/h"], "speed", "km/h", 1.0),
    (&["mph"], "speed", "mph", 1.609_344),
];

/// A number in a text: where it is and how it is written.
#[derive(Debug, Clone, Copy)]
struct Number {
    start: usize,
    end: usize,
}

/// The numbers of a text: runs of digits joined by `.`, `,` and `:`
/// between digits, each not glued to a letter before it.
fn numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',' | b':')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let glued = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        if !glued {
            found.push(Number { start, end: i });
        }
    }
    found
}

/// The text after byte `at`, without the spaces it starts with.
fn after(text: &str, at: usize) -> &str {
    text[at..].trim_start_matches([' ', '\u{a0}', '\u{202f}'])
}

/// Whether `rest` starts with `word` as a whole word.
fn starts_word(rest: &str, word: &str) -> bool {
    rest.starts_with(word)
        && !rest[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Reads `H`, `H:MM` or `H.MM` as hours and minutes.
fn clock(raw: &str) -> Option<(u32, u32)> {
    let (h, m) = match raw.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (raw, "0"),
    };
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h.to_string().len() <= 2 && h <= 24 && m < 60).then_some((h, m))
}

/// What follows a number that makes it a time: the 24-hour `Uhr`, French
/// `h` with minutes, or the 12-hour `a.m.` and `p.m.`. Returns the length
/// of the marker and the hours to add (`Some(12)` after p.m., `Some(0)`
/// after a.m., `None` on a 24-hour clock), and minutes written after it.
fn marker(rest: &str) -> Option<(usize, Option<u32>, Option<&str>)> {
    for (word, shift) in [
        ("Uhr", None),
        ("a.m.", Some(0)),
        ("p.m.", Some(12)),
        ("am", Some(0)),
        ("pm", Some(12)),
        ("o'clock", Some(0)),
        ("o’clock", Some(0)),
    ] {
        let plain = word.trim_end_matches('.');
        if starts_word(rest, word) || (word.ends_with('.') && starts_word(rest, plain)) {
            let len = if rest.starts_with(word) {
                word.len()
            } else {
                plain.len()
            };
            return Some((len, shift, None));
        }
    }
    // French: 15 h 30, 15h30, 15 h.
    let after_h = rest.strip_prefix('h')?;
    let minutes = after_h.trim_start_matches([' ', '.']);
    let digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 2).then(|| {
        let len = rest.len() - minutes.len() + 2;
        (len, None, Some(&minutes[..2]))
    })
}

/// The clock times, section labels and nothing else of a text, as rewrites.
pub(super) fn rewrites<'t>(text: &'t str, lang: &Lang) -> Vec<Rewrite<'t>> {
    let nums = numbers(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < nums.len() {
        let n = nums[k];
        let raw = &text[n.start..n.end];
        if let Some((times, taken)) = time_at(text, &nums, k) {
            out.extend(times);
            k += taken;
            continue;
        }
        if let Some(label) = label(text, n, lang) {
            out.push(Rewrite {
                raw,
                key: label.to_string(),
            });
        }
        k += 1;
    }
    out
}

/// The time that number `k` starts, with the number of numbers it takes:
/// `14:00`, `14.00 Uhr`, `2 p.m.`, `15 h 30`, or the range `8–18 Uhr`.
fn time_at<'t>(text: &'t str, nums: &[Number], k: usize) -> Option<(Vec<Rewrite<'t>>, usize)> {
    let n = nums[k];
    let raw = &text[n.start..n.end];
    let (h, m) = clock(raw)?;
    let rest = after(text, n.end);
    let colon = raw.contains(':');
    if let Some((len, shift, minutes)) = marker(rest) {
        let end = n.end + (text.len() - n.end - rest.len()) + len;
        let m = minutes.and_then(|d| d.parse().ok()).unwrap_or(m);
        let key = key(h, m, shift)?;
        return Some((
            vec![Rewrite {
                raw: &text[n.start..end],
                key,
            }],
            1,
        ));
    }
    // A range: 8–18 Uhr, 8-18 Uhr, 8 bis 18 Uhr.
    let joined = ["–", "-", "bis ", "to "]
        .iter()
        .find_map(|j| rest.strip_prefix(j))
        .map(|r| r.trim_start());
    if let (Some(second), Some(next)) = (joined, nums.get(k + 1)) {
        let adjoins = next.start == text.len() - second.len();
        if let Some((mut times, 1)) = time_at(text, nums, k + 1).filter(|_| adjoins) {
            // The second time's marker: 18 Uhr makes 8 a time too; a
            // 12-hour marker is written on both (8 a.m.–6 p.m.).
            let first = Rewrite {
                raw,
                key: key(h, m, None)?,
            };
            times.insert(0, first);
            return Some((times, 2));
        }
    }
    if colon {
        return Some((
            vec![Rewrite {
                raw,
                key: key(h, m, None)?,
            }],
            1,
        ));
    }
    None
}

/// A time as `HH:MM` on a 24-hour clock; `shift` is 12 after p.m.
fn key(h: u32, m: u32, shift: Option<u32>) -> Option<String> {
    let h = match shift {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(12) => h % 12 + 12,
        Some(_) => h % 12,
    };
    Some(format!("{h:02}:{m:02}"))
}

/// A section or version label (`4.1`, `2.3.1`): digits joined by periods
/// that are not a date (`14.07.`) and that the language would not read as
/// one grouped number (groups of three digits after the first).
fn label<'t>(text: &'t str, n: Number, lang: &Lang) -> Option<&'t str> {
    let raw = &text[n.start..n.end];
    if raw.contains([',', ':']) || !raw.contains('.') {
        return None;
    }
    let groups: Vec<&str> = raw.split('.').collect();
    let day_month = groups.len() == 2 && groups.iter().all(|g| g.len() <= 2);
    let date = (day_month && text[n.end..].starts_with('.'))
        || tokenize(raw, lang)
            .iter()
            .any(|t| matches!(t, Token::Date(..)));
    let grouped = groups[1..].iter().all(|g| g.len() == 3);
    let dots = groups.len() - 1;
    let label = dots >= 2 && !grouped || (dots == 1 && lang.decimal_mark != '.' && !grouped);
    (label && !date).then_some(raw)
}

/// The quantities of a text: numbers followed by a unit of measure.
pub(super) fn quantities<'t>(text: &'t str, lang: &Lang) -> Vec<Quantity<'t>> {
    let mut out = Vec::new();
    for n in numbers(text) {
        let raw = &text[n.start..n.end];
        let rest = after(text, n.end);
        let Some(value) = value(raw, lang) else {
            continue;
        };
        let unit = UNITS.iter().find(|(names, ..)| {
            names
                .iter()
                .any(|u| starts_word(rest, u) || (u.starts_with('°') && rest.starts_with(u)))
        });
        if let Some(&(_, dimension, unit, factor)) = unit {
            let base = match unit {
                "F" => (value - 32.0) * 5.0 / 9.0,
                _ => value * factor,
            };
            out.push(Quantity {
                raw,
                base,
                dimension,
                unit,
            });
        }
    }
    out
}

/// The value of a number as the language writes it.
fn value(raw: &str, lang: &Lang) -> Option<f64> {
    crate::anchors::canonical_number(raw, lang).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, code: &str) -> Vec<(String, String)> {
        rewrites(text, &Lang::new(code).unwrap())
            .into_iter()
            .map(|r| (r.raw.to_string(), r.key))
            .collect()
    }

    #[test]
    fn clock_times_in_both_conventions_have_one_key() {
        let de = keys("Um 14:00 Uhr, um 14.00 Uhr und um 14 Uhr.", "de");
        assert_eq!(
            de.iter().map(|k| k.1.as_str()).collect::<Vec<_>>(),
            ["14:00", "14:00", "14:00"]
        );
        let en = keys("At 2 p.m., at 2:00 pm and at 12 a.m.", "en");
        assert_eq!(
            en.iter().map(|k| k.1.as_str()).collect::<Vec<_>>(),
            ["14:00", "14:00", "00:00"]
        );
        let fr = keys("vers 15 h 30 et à 15h30", "fr");
        assert_eq!(fr[0].1, "15:30");
        assert_eq!(fr[1].1, "15:30");
    }

    #[test]
    fn a_range_shares_its_marker() {
        let de = keys("geöffnet 8–18 Uhr", "de");
        assert_eq!(
            de,
            [
                ("8".into(), "08:00".into()),
                ("18 Uhr".into(), "18:00".into())
            ]
        );
        let en = keys("open 8 a.m.–6 p.m.", "en");
        assert_eq!(en[0].1, "08:00");
        assert_eq!(en[1].1, "18:00");
    }

    #[test]
    fn labels_are_not_grouped_numbers() {
        assert_eq!(
            keys("Abschnitt 4.1 und 2.3.1", "de"),
            [
                ("4.1".into(), "4.1".into()),
                ("2.3.1".into(), "2.3.1".into())
            ]
        );
        // Grouped thousands, dates and English decimals stay numbers.
        assert!(keys("1.234 Menschen am 14.07. und am 24.04.2024", "de").is_empty());
        assert!(keys("rose 4.1 percent", "en").is_empty());
    }

    #[test]
    fn quantities_in_two_units_convert() {
        let de = Lang::new("de").unwrap();
        let q = quantities("bei 92 °C (198 °F), 100 km oder 62 Meilen, 5 kg", &de);
        assert_eq!(q.len(), 5, "{q:?}");
        assert!(q[0].converts(&q[1]));
        assert!(q[2].converts(&q[3]));
        assert!(!q[0].converts(&q[2]));
        assert!(!q[4].converts(&q[2]));
    }
}
