//! Bilingual dictionaries: extra word pairs for the anchor finder.
//!
//! In: the path of a dictionary file and the two languages of the pair.
//! Out: a [`Lexicon`] of single left words (lower-cased) to the right words
//! that may render them, ready for [`AlignOptions`](crate::AlignOptions).
//!
//! Two formats are read:
//! - a TSV lexicon: `left<TAB>right` a line, more right renderings after
//!   further tabs or `;`, `#` comments and blank lines skipped;
//! - the dictd format of FreeDict dictionaries (`.index` beside `.dict.dz` or
//!   `.dict`), see [`dictd`].
//!
//! The anchor finder looks words up one at a time, so an entry whose left
//! side has more than one word is skipped. A right side of several words
//! (`press reporter`) keeps its content words: those of four letters or more
//! that are not function words of the right language.
//!
//! A TSV lexicon is taken as hand-made: every rendering it lists is kept,
//! and a one-word rendering whatever its length. A dictd dictionary is taken
//! as general: each left word keeps only its first rendering of four letters
//! or more (shorter words never match a word anchor), and when it is read
//! backwards only one-word renderings count. More renderings of a general
//! dictionary made alignments worse, as measured by
//! `scripts/bench-accuracy.sh`.
//!
//! Which way a dictionary goes is read from its file name (`deu-eng`,
//! `de-fr`, ISO 639-1 or 639-2 codes); a dictionary that goes right to left
//! is inverted. A TSV file whose name names no pair is read as written.

pub mod dictd;
mod tsv;

use std::path::Path;

use crate::{Error, Lang, Lexicon};

/// Three-letter ISO 639-2 codes (both the bibliographic and the terminology
/// forms) of common languages, with their two-letter ISO 639-1 codes.
const ISO_639_2: &[(&str, &str)] = &[
    ("deu", "de"),
    ("ger", "de"),
    ("eng", "en"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("dan", "da"),
    ("swe", "sv"),
    ("nor", "no"),
    ("fin", "fi"),
    ("hun", "hu"),
    ("rus", "ru"),
    ("ell", "el"),
    ("gre", "el"),
    ("tur", "tr"),
    ("lat", "la"),
    ("jpn", "ja"),
    ("zho", "zh"),
    ("chi", "zh"),
];

/// Reads a dictionary for the pair `left`-`right`. The format is dictd when
/// `path` ends in `.index`, `.dict` or `.dict.dz`, or when `path.index`
/// exists; otherwise it is TSV.
pub fn load_dictionary(path: &str, left: &Lang, right: &Lang) -> Result<Lexicon, Error> {
    let dictd = dictd::stem(path).is_some() || Path::new(&format!("{path}.index")).is_file();
    let flip = match pair_in_name(path) {
        Some((a, b)) if (a.as_str(), b.as_str()) == (&left.code, &right.code) => false,
        Some((a, b)) if (b.as_str(), a.as_str()) == (&left.code, &right.code) => true,
        Some((a, b)) => {
            return Err(Error::input(
                path,
                format!(
                    "the name says a {a}-{b} dictionary, but the texts are {}-{}",
                    left.code, right.code
                ),
            ))
        }
        None if dictd => {
            return Err(Error::input(
                path,
                "cannot tell which way the dictionary goes: its name has no pair of \
                 language codes such as deu-eng",
            ))
        }
        None => false,
    };
    // Entries are read in the file's own direction, so the function words
    // that thin out several-word renderings are those of the file's right side.
    let mut entries = Entries::new(if flip { left } else { right }, flip, dictd);
    if dictd {
        dictd::read(path, &mut entries)?;
    } else {
        tsv::read(path, &mut entries)?;
    }
    Ok(entries.lexicon)
}

/// The language pair a file name names, as ISO 639-1 codes: the first two
/// neighbouring parts of the name that are language codes (`freedict-deu-eng`,
/// `de-en.tsv`). Both parts must be codes, so `my-words.tsv` names no pair.
pub fn pair_in_name(path: &str) -> Option<(String, String)> {
    let base = Path::new(path).file_name()?.to_str()?.to_lowercase();
    let parts: Vec<&str> = base.split(['-', '_', '.']).collect();
    parts.windows(2).find_map(|w| {
        let code = |p: &str| match p.len() {
            2 if p.chars().all(|c| c.is_ascii_lowercase()) => Some(p.to_string()),
            3 => ISO_639_2
                .iter()
                .find(|(three, _)| *three == p)
                .map(|(_, two)| two.to_string()),
            _ => None,
        };
        let (a, b) = (code(w[0])?, code(w[1])?);
        (a != b).then_some((a, b))
    })
}

/// How many renderings of a word a large dictionary may give: only its
/// first. Measured on textberg-dev and the de-en pairs in data/ (see
/// scripts/bench-accuracy.sh), every further rendering of a general
/// dictionary matched more wrong sentences than right ones.
const GENERAL_RENDERINGS: usize = 1;

/// The lexicon being built from a dictionary file's entries, which come in
/// the file's own direction.
pub(crate) struct Entries<'a> {
    /// The language of the file's renderings, for its function words.
    to: &'a Lang,
    /// Whether the file goes right to left, so each pair is turned round.
    flip: bool,
    /// Whether the file is a large general dictionary rather than a
    /// hand-made lexicon: it then gives one rendering a word, of four
    /// letters or more.
    general: bool,
    lexicon: Lexicon,
}

impl<'a> Entries<'a> {
    fn new(to: &'a Lang, flip: bool, general: bool) -> Entries<'a> {
        Entries {
            to,
            flip,
            general,
            lexicon: Lexicon::default(),
        }
    }

    /// Adds a headword with its renderings, each of which may be several
    /// words. A headword of more than one word is skipped: no single token
    /// matches it.
    pub(crate) fn add<'r>(
        &mut self,
        headword: &str,
        renderings: impl IntoIterator<Item = &'r str>,
    ) {
        let mut head = words(headword);
        let (Some(head), None) = (head.next(), head.next()) else {
            return;
        };
        let head = head.to_lowercase();
        let mut targets: Vec<String> = Vec::new();
        for rendering in renderings {
            let all: Vec<&str> = words(rendering).collect();
            let single = all.len() == 1;
            // Read backwards, a phrase's content word is a weak link to the
            // headword (`maison` is in a hundred German compounds' renderings).
            if !single && self.flip && self.general {
                continue;
            }
            for w in all {
                let keep = if single {
                    !self.general || w.chars().count() >= 4
                } else {
                    self.is_content_word(w)
                };
                if keep {
                    push_new(&mut targets, &w.to_lowercase());
                }
            }
        }
        let limit = if self.general {
            GENERAL_RENDERINGS
        } else {
            usize::MAX
        };
        if self.flip {
            for t in targets.into_iter().take(limit) {
                let known = self.lexicon.entries.entry(t).or_default();
                if known.len() < limit {
                    push_new(known, &head);
                }
            }
        } else if !targets.is_empty() {
            let known = self.lexicon.entries.entry(head).or_default();
            for t in targets {
                if known.len() < limit {
                    push_new(known, &t);
                }
            }
        }
    }

    fn is_content_word(&self, word: &str) -> bool {
        word.chars().count() >= 4 && !self.to.sentence_starts.contains(&word.to_lowercase())
    }
}

/// Adds `word` to a list of renderings unless it is there already.
fn push_new(list: &mut Vec<String>, word: &str) {
    if !list.iter().any(|w| w == word) {
        list.push(word.to_string());
    }
}

/// The words of a text as the anchor finder's tokenizer cuts them: runs of
/// letters and digits that hold at least one letter.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && !matches!(c, '\u{300}'..='\u{36f}'))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code).unwrap()
    }

    #[test]
    fn pair_comes_from_two_or_three_letter_codes() {
        let pair = |p: &str| pair_in_name(p).map(|(a, b)| format!("{a}-{b}"));
        assert_eq!(
            pair("/usr/share/dictd/freedict-deu-eng.index").as_deref(),
            Some("de-en")
        );
        assert_eq!(pair("lex/fra-deu.dict.dz").as_deref(), Some("fr-de"));
        assert_eq!(pair("de-en.tsv").as_deref(), Some("de-en"));
        assert_eq!(pair("my-words.tsv"), None);
        assert_eq!(pair("glossary.tsv"), None);
    }

    #[test]
    fn several_word_renderings_keep_their_content_words() {
        let en = lang("en");
        let mut e = Entries::new(&en, false, false);
        e.add("Berichterstatter", ["press reporter"]);
        e.add("Lachen", ["laugh", "the joy of it"]);
        e.add("aber dalli", ["be quick"]);
        let lex = e.lexicon;
        assert_eq!(lex.get("berichterstatter"), ["press", "reporter"]);
        assert_eq!(lex.get("lachen"), ["laugh"]);
        assert!(lex.get("aber").is_empty() && lex.get("dalli").is_empty());
    }

    #[test]
    fn inversion_swaps_the_sides() {
        let de = lang("de");
        let mut e = Entries::new(&de, true, false);
        e.add("maison", ["Haus"]);
        let lex = e.lexicon;
        assert_eq!(lex.get("haus"), ["maison"]);
    }
}
