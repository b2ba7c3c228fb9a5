//! Settling the language of each side: given by the user, else from the
//! file name, else from the words of the text.
//!
//! In: the name and text of each side and the tags the user gave, if any.
//! Out: a [`Choice`] per side that says where its language came from, so
//! that the binary can tell the user what was guessed, and a warning when
//! the sides given look swapped. One language on both sides is refused: the
//! review file names its columns after the languages, and two columns of
//! one name cannot be read back.

use super::guess::{guess, Guess};
use super::{code_from_file_name, Tag};
use crate::Error;

/// Where a side's language came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The user gave it.
    Given,
    /// The file name holds its code (`article.de.txt`).
    FileName,
    /// Its words said it.
    Content(Guess),
}

/// The language of one side and how it was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The language.
    pub tag: Tag,
    /// Where it came from.
    pub origin: Origin,
}

impl Choice {
    /// What to tell the user about the side `path`: something only when the
    /// language was guessed from the words.
    pub fn note(&self, path: &str) -> Option<String> {
        let Origin::Content(g) = self.origin else {
            return None;
        };
        Some(format!(
            "{path}: language {}, guessed from its words ({} of {} are {} function words)",
            self.tag, g.hits, g.words, g.code
        ))
    }
}

/// The language of the text `text` read from `path`: `given`, else the code
/// in the file name, else what its words say. `flag` is how the user gives
/// it (`--langs de,en`), for the error when nothing tells.
pub fn choose(path: &str, text: &str, given: Option<&Tag>, flag: &str) -> Result<Choice, Error> {
    choose_with(path, given, flag, || guess(text))
}

fn choose_with(
    path: &str,
    given: Option<&Tag>,
    flag: &str,
    guessed: impl FnOnce() -> Option<Guess>,
) -> Result<Choice, Error> {
    if let Some(tag) = given {
        return Ok(Choice {
            tag: tag.clone(),
            origin: Origin::Given,
        });
    }
    if let Some(code) = code_from_file_name(path) {
        return Ok(Choice {
            tag: Tag::parse(&code)?,
            origin: Origin::FileName,
        });
    }
    match guessed() {
        Some(g) => Ok(Choice {
            tag: Tag::parse(g.code)?,
            origin: Origin::Content(g),
        }),
        None => Err(Error::Usage(format!(
            "{path}: cannot tell its language from its name or its words; give it with {flag}"
        ))),
    }
}

/// The languages of a pair: (left, right) as (name, text), and the tags
/// given, left first. Returns both choices and, when the languages were
/// not guessed and each side reads as the other's, a warning to show.
pub fn choose_pair(
    left: (&str, &str),
    right: (&str, &str),
    given: Option<&(Tag, Tag)>,
) -> Result<(Choice, Choice, Option<String>), Error> {
    const FLAG: &str = "--langs, left first, such as --langs de,en";
    let (lg, rg) = (guess(left.1), guess(right.1));
    let l = choose_with(left.0, given.map(|g| &g.0), FLAG, || lg)?;
    let r = choose_with(right.0, given.map(|g| &g.1), FLAG, || rg)?;
    if l.tag == r.tag {
        let message = match given {
            Some(_) => format!(
                "--langs {},{} names one language twice; give the language of each side, \
                 left first, such as de,en (two variants of one language, such as \
                 en-GB,en-US, are two tags)",
                l.tag, r.tag
            ),
            None => format!(
                "{} and {} both read as {}; give their languages with {FLAG}",
                left.0, right.0, l.tag
            ),
        };
        return Err(Error::Usage(message));
    }
    let swapped = match (lg, rg) {
        (Some(a), Some(b)) => {
            a.code != b.code && a.code == r.tag.language() && b.code == l.tag.language()
        }
        _ => false,
    };
    let warning = swapped.then(|| {
        format!(
            "warning: the sides look swapped: {} reads as {} and {} as {}; \
             --langs names the left file's language first",
            left.0,
            r.tag.language(),
            right.0,
            l.tag.language()
        )
    });
    Ok((l, r, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str = include_str!("../../data/news-blinken/de.txt");
    const EN: &str = include_str!("../../data/news-blinken/en.txt");

    fn tags(l: &str, r: &str) -> (Tag, Tag) {
        (Tag::parse(l).unwrap(), Tag::parse(r).unwrap())
    }

    #[test]
    fn names_without_codes_are_read_from_the_words() {
        let (l, r, warning) = choose_pair(("artikel.txt", DE), ("article.txt", EN), None).unwrap();
        assert_eq!((l.tag.as_str(), r.tag.as_str()), ("de", "en"));
        assert!(matches!(l.origin, Origin::Content(_)));
        assert!(l
            .note("artikel.txt")
            .unwrap()
            .starts_with("artikel.txt: language de, guessed"));
        assert_eq!(warning, None);
    }

    #[test]
    fn given_tags_and_file_names_come_first() {
        let (l, r, _) =
            choose_pair(("a.txt", DE), ("b.txt", EN), Some(&tags("de-CH", "en-GB"))).unwrap();
        assert_eq!((l.tag.as_str(), r.tag.as_str()), ("de-CH", "en-GB"));
        assert_eq!(l.note("a.txt"), None);
        let (l, _, _) = choose_pair(("x.de.txt", DE), ("y.txt", EN), None).unwrap();
        assert_eq!(l.origin, Origin::FileName);
    }

    #[test]
    fn one_language_twice_is_refused() {
        let err = choose_pair(("a.txt", DE), ("b.txt", EN), Some(&tags("en", "en"))).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("--langs en,en names one language twice"));
        let err = choose_pair(("a.txt", EN), ("b.txt", EN), None).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("a.txt and b.txt both read as en"));
        assert!(choose_pair(("a.txt", EN), ("b.txt", EN), Some(&tags("en-GB", "en-US"))).is_ok());
    }

    #[test]
    fn swapped_sides_are_warned_about() {
        let (_, _, warning) =
            choose_pair(("a.txt", EN), ("b.txt", DE), Some(&tags("de", "en"))).unwrap();
        assert!(warning
            .unwrap()
            .contains("a.txt reads as en and b.txt as de"));
    }

    #[test]
    fn a_text_that_says_nothing_is_an_error_naming_the_flag() {
        let err = choose("x.txt", "1 2 3", None, "--lang de").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: cannot tell its language from its name or its words; give it with --lang de"
        );
    }
}
