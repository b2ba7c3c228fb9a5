//! The words on either side of a possible sentence end, and what the language
//! profile says about them.
//!
//! In: slices of the text and a [`Lang`]. Out: a [`Next`] view of the word
//! after a mark, and the [`Abbreviation`] class of the words before it. Every
//! look-up reads a bounded number of whitespace-separated tokens, so each
//! token is read a bounded number of times and segmentation stays linear.

use super::chars;
use crate::Lang;

/// Longest token that can be part of an abbreviation; longer ones are not
/// looked up, which keeps look-ups cheap on odd input.
const MAX_ABBREVIATION_PART: usize = 24;

/// The token after a possible sentence end.
#[derive(Debug, Clone, Copy)]
pub struct Next<'a> {
    /// Whether the token begins with an opening quote.
    pub opens_quote: bool,
    /// Whether the token begins with an opening bracket.
    pub opens_bracket: bool,
    /// The first character after any opening quotes and brackets.
    pub first: Option<char>,
    /// The letters the token begins with, after the openers.
    pub word: &'a str,
    /// The word with its inner apostrophes (`aujourd'hui`), or with its
    /// apostrophe if one follows (`l'` of `l'armée`).
    pub long_word: &'a str,
    /// The rest of the token after `word`.
    rest: &'a str,
}

impl<'a> Next<'a> {
    /// Reads a token (a run of non-white-space characters).
    pub fn parse(token: &'a str) -> Next<'a> {
        let body_at = token
            .char_indices()
            .find(|&(_, c)| !chars::is_opener(c))
            .map_or(token.len(), |(i, _)| i);
        let openers = &token[..body_at];
        let body = &token[body_at..];
        let word_len = body
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(body.len(), |(i, _)| i);
        let long_len = body
            .char_indices()
            .find(|&(i, c)| !(c.is_alphabetic() || (i > 0 && is_apostrophe(c))))
            .map_or(body.len(), |(i, _)| i);
        Next {
            opens_quote: openers.chars().any(chars::is_quote),
            opens_bracket: openers.chars().any(chars::is_open_bracket),
            first: body.chars().next(),
            word: &body[..word_len],
            long_word: &body[..long_len],
            rest: &body[word_len..],
        }
    }

    /// Whether the token opens a quotation or a parenthesis.
    pub fn opens(&self) -> bool {
        self.opens_quote || self.opens_bracket
    }

    /// Whether the word begins with a small letter (and no bracket opens it:
    /// a parenthesised byline such as `(dpa)` stands on its own).
    pub fn is_lower(&self) -> bool {
        !self.opens_bracket && self.first.is_some_and(char::is_lowercase)
    }

    /// Whether the word begins with a capital letter.
    pub fn is_upper(&self) -> bool {
        self.first.is_some_and(char::is_uppercase)
    }

    /// Whether the token begins with a digit.
    pub fn is_digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
    }

    /// Whether the token is an initial: one capital letter and a period (`R.`).
    pub fn is_initial(&self) -> bool {
        self.word.chars().count() == 1 && self.is_upper() && self.rest.starts_with('.')
    }

    /// Whether the word is one that usually begins a sentence in `lang`.
    pub fn starts_sentence(&self, lang: &Lang) -> bool {
        self.forms()
            .iter()
            .any(|form| lang.sentence_starts.contains(form))
    }

    /// Whether the word is a month name or abbreviation in `lang`.
    pub fn is_month(&self, lang: &Lang) -> bool {
        lang.months.contains_key(&self.word.to_lowercase())
    }

    /// Whether the word is a verb of saying (or `so`, `selon`) in `lang`.
    pub fn is_speech_verb(&self, lang: &Lang) -> bool {
        lang.speech_verbs.contains(&self.word.to_lowercase())
    }

    /// The lower-cased forms to look up: the letters, the word with its inner
    /// apostrophes, and an elided article with its apostrophe.
    fn forms(&self) -> Vec<String> {
        let mut forms = vec![self.word.to_lowercase()];
        let long = self.long_word.replace('’', "'").to_lowercase();
        if long != forms[0] {
            forms.push(long);
        }
        if self.rest.starts_with(is_apostrophe) {
            forms.push(format!("{}'", forms[0]));
        }
        forms
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// What the words before a period are, as far as abbreviations go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Not an abbreviation.
    No,
    /// The period is inside a longer abbreviation (`z.` of `z. B.`).
    Inside,
    /// An abbreviation that never ends a sentence (`Dr.`, `z. B.`).
    Never,
    /// An abbreviation that may also end a sentence (`usw.`, `Inc.`).
    MayEnd,
}

/// Classifies the period that follows `before` (the tokens before the period,
/// nearest last, the last one without its period) given the tokens after it
/// (nearest first).
pub fn abbreviation(before: &[&str], after: &[&str], lang: &Lang) -> Abbreviation {
    let Some((&here, earlier)) = before.split_last() else {
        return Abbreviation::No;
    };
    let fits = |t: &&str| t.len() <= MAX_ABBREVIATION_PART;
    if !fits(&here) {
        return Abbreviation::No;
    }
    // The other parts of a spaced abbreviation each end in a period: `z.` `B.`.
    let part = |t: &&&str| fits(t) && t.ends_with('.');
    let earlier: Vec<&str> = earlier
        .iter()
        .rev()
        .take_while(part)
        .take(2)
        .copied()
        .collect();
    let later = after.iter().take_while(part).take(2).copied();
    let here = format!("{here}.");
    let parts: Vec<&str> = earlier
        .iter()
        .rev()
        .copied()
        .chain([here.as_str()])
        .chain(later)
        .collect();
    let at = earlier.len();
    let mut inside = false;
    for start in (0..=at).rev() {
        for end in at + 1..=parts.len().min(start + 3) {
            let joined = parts[start..end].join(" ");
            match lookup(&joined[..joined.len() - 1], lang) {
                Abbreviation::No => {}
                class if end == at + 1 => return class,
                _ => inside = true,
            }
        }
    }
    if inside {
        Abbreviation::Inside
    } else {
        Abbreviation::No
    }
}

/// Looks a candidate up as written and, for a capitalised sentence start, with
/// a small first letter (`Bzw.` is `bzw.`). Opening quotes and brackets before
/// it do not count.
fn lookup(candidate: &str, lang: &Lang) -> Abbreviation {
    let candidate = candidate.trim_start_matches(chars::is_opener);
    let mut first_lower = String::new();
    let mut letters = candidate.chars();
    if let Some(c) = letters.next().filter(|c| c.is_uppercase()) {
        first_lower.extend(c.to_lowercase());
        first_lower.push_str(letters.as_str());
    }
    for form in [candidate, first_lower.as_str()] {
        if form.is_empty() {
            continue;
        }
        if lang.abbreviations.contains(form) {
            return Abbreviation::Never;
        }
        if lang.final_abbreviations.contains(form) {
            return Abbreviation::MayEnd;
        }
    }
    Abbreviation::No
}

/// Whether `token` (the word before a period) is one capital letter, such as
/// the `R` of `J. R. R. Tolkien`.
pub fn is_initial(token: &str) -> bool {
    let mut letters = token.trim_start_matches(chars::is_opener).chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether `token` (the word before a period) is a number that the language
/// may write as an ordinal with a period: up to three digits (`20.`) or a
/// day and month (`24.04.`); longer numbers such as years end sentences.
pub fn is_ordinal(token: &str, lang: &Lang) -> bool {
    let token = token.trim_start_matches(chars::is_opener);
    lang.ordinal_period
        && !token.is_empty()
        && token.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code).unwrap()
    }

    #[test]
    fn next_word_skips_openers_and_keeps_elisions() {
        let next = Next::parse("„L’armée,");
        assert!(next.opens_quote && !next.opens_bracket);
        assert_eq!((next.word, next.long_word), ("L", "L’armée"));
        assert!(next.starts_sentence(&lang("fr")));
        assert!(Next::parse("R.").is_initial());
        assert!(!Next::parse("Re.").is_initial());
        assert!(Next::parse("(dpa)").opens_bracket && !Next::parse("(dpa)").is_lower());
    }

    #[test]
    fn spaced_abbreviations_are_found_from_each_part() {
        let de = lang("de");
        assert_eq!(
            abbreviation(&["etwa", "z"], &["B.", "die"], &de),
            Abbreviation::Inside
        );
        assert_eq!(
            abbreviation(&["etwa", "z.", "B"], &["die"], &de),
            Abbreviation::Never
        );
        assert_eq!(abbreviation(&["(Bzw"], &["Nr."], &de), Abbreviation::Never);
        assert_eq!(
            abbreviation(&["Brot", "usw"], &["Die"], &de),
            Abbreviation::MayEnd
        );
        assert_eq!(
            abbreviation(&["Brot", "Haus"], &["Die"], &de),
            Abbreviation::No
        );
        assert_eq!(
            abbreviation(&["the", "U.S"], &["was"], &lang("en")),
            Abbreviation::MayEnd
        );
    }

    #[test]
    fn ordinals_are_short_numbers_in_languages_that_write_them_so() {
        let (de, en) = (lang("de"), lang("en"));
        assert!(is_ordinal("20", &de) && is_ordinal("24.04", &de));
        assert!(!is_ordinal("2022", &de) && !is_ordinal("20", &en) && !is_ordinal("3a", &de));
        assert!(is_initial("X") && is_initial("(J") && !is_initial("x") && !is_initial("XI"));
    }
}
