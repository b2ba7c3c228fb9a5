//! Language knowledge: what a language's text looks like to the segmenter and
//! the anchor finder.
//!
//! In: a language code such as `de`. Out: a [`Lang`] profile with its
//! abbreviations, month and weekday names and number format, and, for a pair
//! of languages, a [`Lexicon`] of names whose forms differ (Peking/Beijing).
//! The knowledge lives in files under `data/lang/` and `data/lexicon/`,
//! compiled into the binary with `include_str!`. A language without a profile
//! still works: it gets an empty profile with an English-style number format,
//! so numbers, names and cognates still anchor it.

use std::collections::{HashMap, HashSet};

use crate::Error;

/// The built-in language profiles: code, abbreviations, months, weekdays, numbers.
const PROFILES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "de",
        include_str!("../data/lang/de/abbreviations.txt"),
        include_str!("../data/lang/de/months.txt"),
        include_str!("../data/lang/de/weekdays.txt"),
        include_str!("../data/lang/de/numbers.txt"),
    ),
    (
        "en",
        include_str!("../data/lang/en/abbreviations.txt"),
        include_str!("../data/lang/en/months.txt"),
        include_str!("../data/lang/en/weekdays.txt"),
        include_str!("../data/lang/en/numbers.txt"),
    ),
    (
        "fr",
        include_str!("../data/lang/fr/abbreviations.txt"),
        include_str!("../data/lang/fr/months.txt"),
        include_str!("../data/lang/fr/weekdays.txt"),
        include_str!("../data/lang/fr/numbers.txt"),
    ),
];

/// The built-in lexicons of names, keyed by language pair.
const LEXICONS: &[(&str, &str, &str)] = &[
    ("de", "en", include_str!("../data/lexicon/de-en.tsv")),
    ("de", "fr", include_str!("../data/lexicon/de-fr.tsv")),
];

/// What the tool knows about one language.
#[derive(Debug, Clone)]
pub struct Lang {
    /// The ISO 639-1 code, such as `de`.
    pub code: String,
    /// Words that are followed by a period without ending a sentence, stored
    /// without their final period (`z. B`, `U.S`, `Dr`).
    pub abbreviations: HashSet<String>,
    /// Lower-cased month names and abbreviations, with the month number 1..=12.
    pub months: HashMap<String, u8>,
    /// Lower-cased weekday names, with the day number (Monday = 1).
    pub weekdays: HashMap<String, u8>,
    /// The decimal mark: `,` in German and French, `.` in English.
    pub decimal_mark: char,
    /// Characters that group digits in thousands.
    pub group_marks: Vec<char>,
}

impl Lang {
    /// The profile for `code`. Codes without a built-in profile get an empty
    /// one, so that any language pair runs.
    pub fn new(code: &str) -> Result<Lang, Error> {
        let code = code.trim().to_lowercase();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(Error::Usage(format!(
                "'{code}' is not a language code such as de, en or fr"
            )));
        }
        let mut lang = Lang {
            code: code.clone(),
            abbreviations: HashSet::new(),
            months: HashMap::new(),
            weekdays: HashMap::new(),
            decimal_mark: '.',
            group_marks: vec![','],
        };
        if let Some(&(_, abbr, months, weekdays, numbers)) = PROFILES.iter().find(|p| p.0 == code) {
            lang.abbreviations = data_lines(abbr).map(str::to_string).collect();
            lang.months = numbered(months);
            lang.weekdays = numbered(weekdays);
            lang.group_marks.clear();
            for line in data_lines(numbers) {
                match line.split_once('=') {
                    Some(("decimal", v)) => lang.decimal_mark = v.chars().next().unwrap_or('.'),
                    Some(("group", v)) => lang.group_marks.extend(v.chars().next()),
                    _ => {}
                }
            }
            if lang.group_marks.contains(&' ') {
                // A space that groups digits is often a no-break or narrow no-break space.
                lang.group_marks.extend(['\u{a0}', '\u{202f}']);
            }
        }
        Ok(lang)
    }

    /// Whether this profile has built-in knowledge, or is the empty fallback.
    pub fn is_known(&self) -> bool {
        PROFILES.iter().any(|p| p.0 == self.code)
    }
}

/// Pairs of words that name the same thing in two languages.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Left-language word (lower-cased) to the right-language words it may render.
    pub entries: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// The built-in lexicon for a pair, in either direction; empty if there is none.
    pub fn builtin(left: &Lang, right: &Lang) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for &(a, b, text) in LEXICONS {
            let flip = if (a, b) == (left.code.as_str(), right.code.as_str()) {
                false
            } else if (b, a) == (left.code.as_str(), right.code.as_str()) {
                true
            } else {
                continue;
            };
            for line in data_lines(text) {
                if let Some((x, y)) = line.split_once('\t') {
                    let (l, r) = if flip { (y, x) } else { (x, y) };
                    lexicon.insert(l, r);
                }
            }
        }
        lexicon
    }

    /// Adds one pair; both sides are lower-cased.
    pub fn insert(&mut self, left: &str, right: &str) {
        let targets = self.entries.entry(left.trim().to_lowercase()).or_default();
        let right = right.trim().to_lowercase();
        if !targets.contains(&right) {
            targets.push(right);
        }
    }

    /// The right-language words listed for a left-language word.
    pub fn get(&self, left: &str) -> &[String] {
        self.entries.get(left).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of left-language words with at least one entry.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The lines of a data file that are neither blank nor `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses `name=number` lines.
fn numbered(text: &str) -> HashMap<String, u8> {
    data_lines(text)
        .filter_map(|l| {
            let (name, n) = l.split_once('=')?;
            Some((name.trim().to_lowercase(), n.trim().parse().ok()?))
        })
        .collect()
}

/// Guesses a language code from a file name such as `article.de.txt`,
/// `de.txt`, `dev.fr` or `report_en.txt`.
pub fn code_from_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|part| part.len() == 2)
        .map(str::to_lowercase)
        .rev()
        .find(|code| PROFILES.iter().any(|p| p.0 == code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_profile_has_months_weekdays_and_comma_decimals() {
        let de = Lang::new("de").unwrap();
        assert_eq!(de.months.get("mai"), Some(&5));
        assert_eq!(de.weekdays.get("donnerstag"), Some(&4));
        assert_eq!(de.decimal_mark, ',');
        assert!(de.abbreviations.contains("z. B"));
    }

    #[test]
    fn unknown_language_still_gets_a_profile() {
        let xx = Lang::new("nl").unwrap();
        assert!(!xx.is_known());
        assert_eq!(xx.decimal_mark, '.');
        assert!(Lang::new("d e").is_err());
    }

    #[test]
    fn lexicon_works_in_both_directions() {
        let (de, en) = (Lang::new("de").unwrap(), Lang::new("en").unwrap());
        assert!(Lexicon::builtin(&de, &en)
            .get("peking")
            .contains(&"beijing".into()));
        assert!(Lexicon::builtin(&en, &de)
            .get("beijing")
            .contains(&"peking".into()));
    }

    #[test]
    fn language_code_comes_from_the_file_name() {
        assert_eq!(
            code_from_file_name("data/news-blinken/de.txt").as_deref(),
            Some("de")
        );
        assert_eq!(
            code_from_file_name("../textberg-dev/dev.fr").as_deref(),
            Some("fr")
        );
        assert_eq!(code_from_file_name("notes.txt"), None);
    }
}
