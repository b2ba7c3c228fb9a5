//! Language tags as BCP-47 writes them: `de`, `en-US`, `sr-Latn-RS`.
//!
//! In: what the user typed after `--langs`. Out: a [`Tag`] in the usual
//! case (`de-DE`, `zh-Hant-TW`) whose primary language subtag picks the
//! built-in rules, while the whole tag goes to the files that carry a
//! language (TMX `xml:lang`, as CAT tools want the region). Anything that
//! is not a tag is refused with a hint, so that a name such as `german`
//! never silently turns off what tralign knows about German.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// Language names that are often typed in place of a tag, with the tag.
const NAMES: &str = include_str!("../../data/lang/language-names.txt");

/// A checked BCP-47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tag {
    text: String,
    language_len: usize,
}

impl Tag {
    /// Checks `s` and puts it in the usual case: language lower, script
    /// title, region upper (`DE-de` becomes `de-DE`).
    pub fn parse(s: &str) -> Result<Tag, Error> {
        let s = s.trim();
        let refuse = |hint: String| {
            Error::Usage(format!(
                "{s:?} is not a language tag{hint}; use BCP-47 tags such as de, en, fr or de-DE"
            ))
        };
        let mut parts = s.split('-');
        let language = parts.next().unwrap_or("");
        let is_subtag =
            (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
        // Three-letter codes of languages that have two-letter tags (`deu`,
        // `eng`) are not tags either: BCP-47 takes the shorter code.
        if !is_subtag || (language.len() == 3 && !hint(language).is_empty()) {
            return Err(refuse(hint(s)));
        }
        let mut text = language.to_ascii_lowercase();
        for (k, part) in parts.enumerate() {
            if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric())
            {
                return Err(refuse(String::new()));
            }
            text.push('-');
            let is_alpha = part.chars().all(|c| c.is_ascii_alphabetic());
            match part.len() {
                4 if k == 0 && is_alpha => {
                    text.push_str(&part[..1].to_ascii_uppercase());
                    text.push_str(&part[1..].to_ascii_lowercase());
                }
                2 if is_alpha => text.push_str(&part.to_ascii_uppercase()),
                _ => text.push_str(&part.to_ascii_lowercase()),
            }
        }
        Ok(Tag {
            language_len: language.len(),
            text,
        })
    }

    /// The primary language subtag, lower case: `de` for `de-DE`.
    pub fn language(&self) -> &str {
        &self.text[..self.language_len]
    }

    /// The whole tag.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// What to suggest for a value that is not a tag: the tag of a language
/// name, or the dash of a locale written with an underscore.
fn hint(s: &str) -> String {
    if let Some((language, region)) = s.split_once('_') {
        if Tag::parse(&format!("{language}-{region}")).is_ok() {
            return format!(" (did you mean {language}-{region}?)");
        }
    }
    let lower = s.to_lowercase();
    NAMES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .find(|(name, _)| *name == lower)
        .map_or(String::new(), |(_, tag)| format!(" (for {s}, write {tag})"))
}

impl FromStr for Tag {
    type Err = Error;

    fn from_str(s: &str) -> Result<Tag, Error> {
        Tag::parse(s)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_their_region_in_the_usual_case() {
        let tag = Tag::parse("DE-de").unwrap();
        assert_eq!((tag.as_str(), tag.language()), ("de-DE", "de"));
        assert_eq!(Tag::parse("en-us").unwrap().as_str(), "en-US");
        assert_eq!(Tag::parse("zh-hant-tw").unwrap().as_str(), "zh-Hant-TW");
        assert_eq!(Tag::parse("es-419").unwrap().as_str(), "es-419");
        assert_eq!(Tag::parse("fr").unwrap().language(), "fr");
    }

    #[test]
    fn names_and_locales_are_refused_with_a_hint() {
        let err = Tag::parse("german").unwrap_err().to_string();
        assert!(
            err.contains("\"german\" is not a language tag (for german, write de)"),
            "{err}"
        );
        let err = Tag::parse("de_DE").unwrap_err().to_string();
        assert!(err.contains("did you mean de-DE?"), "{err}");
        assert!(Tag::parse("deu")
            .unwrap_err()
            .to_string()
            .contains("write de"));
        for bad in [
            "",
            "d",
            "d e",
            "de-",
            "de--DE",
            "=1+1",
            "de-toolongsubtag",
            "1de",
        ] {
            assert!(Tag::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
