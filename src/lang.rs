//! Language knowledge: what a language's text looks like to the segmenter and
//! the anchor finder.
//!
//! In: a language code such as `de`. Out: a [`Lang`] profile with its
//! abbreviations, usual sentence starts, speech verbs, month and weekday
//! names and number format, and, for a pair of languages, a [`Lexicon`] of
//! names whose forms differ (Peking/Beijing). Languages are named by BCP-47
//! [`Tag`]s, and a text whose name does not say its language can be
//! [`guess`]ed from its words; [`choose_pair`] settles both sides of a pair.
//! The knowledge lives in files under `data/lang/` and `data/lexicon/`,
//! compiled into the binary with `include_str!`. A language without a profile
//! still works: it gets an empty profile with an English-style number format,
//! so numbers, names and cognates still anchor it.

mod choose;
mod guess;
mod tag;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use choose::{choose, choose_pair, Choice, Origin};
pub use guess::{guess, Guess};
pub use tag::Tag;

use crate::Error;

/// The data files of one built-in language, each a list with one entry a line.
struct Profile {
    code: &'static str,
    abbreviations: &'static str,
    final_abbreviations: &'static str,
    sentence_starts: &'static str,
    speech_verbs: &'static str,
    closings: &'static str,
    months: &'static str,
    weekdays: &'static str,
    numbers: &'static str,
}

/// Compiles in the files under `data/lang/<code>/`; every language has them all.
macro_rules! profile {
    ($code:literal) => {
        Profile {
            code: $code,
            abbreviations: profile!($code, "abbreviations"),
            final_abbreviations: profile!($code, "final-abbreviations"),
            sentence_starts: profile!($code, "sentence-starts"),
            speech_verbs: profile!($code, "speech-verbs"),
            closings: profile!($code, "closings"),
            months: profile!($code, "months"),
            weekdays: profile!($code, "weekdays"),
            numbers: profile!($code, "numbers"),
        }
    };
    ($code:literal, $file:literal) => {
        include_str!(concat!("../data/lang/", $code, "/", $file, ".txt"))
    };
}

/// The built-in language profiles.
const PROFILES: &[Profile] = &[profile!("de"), profile!("en"), profile!("fr")];

/// The built-in lexicons of names, keyed by language pair.
const LEXICONS: &[(&str, &str, &str)] = &[
    ("de", "en", include_str!("../data/lexicon/de-en.tsv")),
    ("de", "fr", include_str!("../data/lexicon/de-fr.tsv")),
];

/// What the tool knows about one language.
#[derive(Debug, Clone)]
pub struct Lang {
    /// The primary language subtag, such as `de`: it picks the built-in rules.
    pub code: String,
    /// The whole language tag as given, such as `de-DE`: the files that name
    /// a language name it so.
    pub tag: String,
    /// Words that are followed by a period without ending a sentence, stored
    /// without their final period (`z. B`, `U.S`, `Dr`).
    pub abbreviations: HashSet<String>,
    /// Abbreviations that may also end a sentence (`usw`, `Inc`, `Jan`): after
    /// them a sentence ends only if a usual sentence start follows.
    pub final_abbreviations: HashSet<String>,
    /// Lower-cased words that often begin a sentence (articles, pronouns,
    /// conjunctions), which tell a sentence end from a name or noun after a
    /// period (`posted on X. It` against `J. R. R. Tolkien`).
    pub sentence_starts: HashSet<String>,
    /// Lower-cased words that, right after a closing quote, continue the
    /// sentence (`"Why?" Blinken asked.`): said, sagte, dit.
    pub speech_verbs: HashSet<String>,
    /// Lower-cased closing formulas of letters (`kind regards`, `mit
    /// freundlichen Grüßen`), without a final comma: such a line is a unit.
    pub closings: HashSet<String>,
    /// Whether a number followed by a period is an ordinal (`am 1. Mai`).
    pub ordinal_period: bool,
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
    /// The profile for a BCP-47 tag such as `de` or `de-DE`, by its primary
    /// language. Languages without a built-in profile get an empty one, so
    /// that any language pair runs.
    pub fn new(tag: &str) -> Result<Lang, Error> {
        Ok(Lang::of(&Tag::parse(tag)?))
    }

    /// The profile for a checked tag.
    pub fn of(tag: &Tag) -> Lang {
        let code = tag.language().to_string();
        let mut lang = Lang {
            tag: tag.to_string(),
            code: code.clone(),
            abbreviations: HashSet::default(),
            final_abbreviations: HashSet::default(),
            sentence_starts: HashSet::default(),
            speech_verbs: HashSet::default(),
            closings: HashSet::default(),
            ordinal_period: false,
            months: HashMap::default(),
            weekdays: HashMap::default(),
            decimal_mark: '.',
            group_marks: vec![','],
        };
        if let Some(profile) = PROFILES.iter().find(|p| p.code == code) {
            lang.abbreviations = data_lines(profile.abbreviations)
                .map(str::to_string)
                .collect();
            lang.final_abbreviations = data_lines(profile.final_abbreviations)
                .map(str::to_string)
                .collect();
            lang.sentence_starts = lower_words(profile.sentence_starts);
            lang.speech_verbs = lower_words(profile.speech_verbs);
            lang.closings = lower_words(profile.closings);
            lang.months = numbered(profile.months);
            lang.weekdays = numbered(profile.weekdays);
            lang.group_marks.clear();
            for line in data_lines(profile.numbers) {
                match line.split_once('=') {
                    Some(("decimal", v)) => lang.decimal_mark = v.chars().next().unwrap_or('.'),
                    Some(("group", v)) => lang.group_marks.extend(v.chars().next()),
                    Some(("ordinal", v)) => lang.ordinal_period = v == ".",
                    _ => {}
                }
            }
            if lang.group_marks.contains(&' ') {
                // A space that groups digits is often a no-break or narrow no-break space.
                lang.group_marks.extend(['\u{a0}', '\u{202f}']);
            }
        }
        lang
    }

    /// Whether this profile has built-in knowledge, or is the empty fallback.
    pub fn is_known(&self) -> bool {
        PROFILES.iter().any(|p| p.code == self.code)
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

/// The lines of a data file as a set of lower-cased words.
fn lower_words(text: &str) -> HashSet<String> {
    data_lines(text).map(|l| l.trim().to_lowercase()).collect()
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
        .find(|code| PROFILES.iter().any(|p| p.code == code))
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
        assert!(de.final_abbreviations.contains("usw"));
        assert!(de.sentence_starts.contains("die") && de.speech_verbs.contains("sagte"));
        assert!(de.closings.contains("mit freundlichen grüßen"));
        assert!(de.ordinal_period && !Lang::new("en").unwrap().ordinal_period);
    }

    #[test]
    fn unknown_language_still_gets_a_profile() {
        let xx = Lang::new("nl").unwrap();
        assert!(!xx.is_known());
        assert_eq!(xx.decimal_mark, '.');
        assert!(xx.abbreviations.is_empty() && xx.sentence_starts.is_empty());
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
