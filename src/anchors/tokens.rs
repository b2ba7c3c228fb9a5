//! Tokens: a sentence as words and numbers, numbers in canonical form.
//!
//! In: a sentence and the [`Lang`] whose number format it is written in.
//! Out: [`Token`]s: words (dotted initials such as `U.S.` as one word),
//! numbers with group marks dropped and `.` as the decimal mark, and dates
//! written with digits only as day, month and year.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::Lang;

/// A token of a sentence, as the anchor finder sees it. Words are owned
/// (`String`) when collected by [`tokenize`], and borrowed from the sentence
/// where they can be (`Cow`) when handed out by [`each_token`].
#[derive(Debug, Clone, PartialEq)]
pub enum Token<S = String> {
    /// A word; `initial` tells whether it starts its sentence.
    Word {
        /// The word as written (dotted initials such as `U.S.` without dots).
        text: S,
        /// Whether it is the first word of the sentence.
        initial: bool,
    },
    /// A number in canonical form: no group marks, `.` as decimal mark, no
    /// trailing fractional zeros.
    Number(String),
    /// A date written with digits only (`24.04.2024`): day, month, year.
    Date(u32, u32, u32),
}

/// Splits a sentence into words and numbers by the number format of `lang`.
pub fn tokenize(text: &str, lang: &Lang) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 2);
    each_token(text, lang, |token| {
        tokens.push(match token {
            Token::Word { text, initial } => Token::Word {
                text: text.into_owned(),
                initial,
            },
            Token::Number(n) => Token::Number(n),
            Token::Date(d, m, y) => Token::Date(d, m, y),
        })
    });
    tokens
}

/// Hands the tokens of a sentence to `visit`, in order, as [`tokenize`]
/// finds them, without allocating a string per word: only dotted initials
/// (`U.S.` as `US`) are spelled anew.
pub fn each_token<'a>(text: &'a str, lang: &Lang, mut visit: impl FnMut(Token<Cow<'a, str>>)) {
    let bytes = text.as_bytes();
    let mut first_word = true;
    // The character after byte offset `at`, if any.
    let after = |at: usize| text[at..].chars().next();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let c = match bytes[at] {
            b if b.is_ascii() => char::from(b),
            _ => after(at).expect("a character starts here"),
        };
        at += c.len_utf8();
        if c.is_ascii_digit() {
            while let Some(d) = after(at) {
                let joins = d.is_ascii_digit()
                    || (after(at + d.len_utf8()).is_some_and(|n| n.is_ascii_digit())
                        && (d == lang.decimal_mark
                            || lang.group_marks.contains(&d)
                            || matches!(d, '.' | ',' | '/')));
                if !joins {
                    break;
                }
                at += d.len_utf8();
            }
            visit(number_token(&text[start..at], lang));
            first_word = false;
        } else if c.is_alphabetic() {
            while at < bytes.len() {
                let b = bytes[at];
                if b.is_ascii() {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    at += 1;
                } else {
                    let d = after(at).expect("a character starts here");
                    if !(d.is_alphanumeric() || is_mark(d)) {
                        break;
                    }
                    at += d.len_utf8();
                }
            }
            let mut word = Cow::Borrowed(&text[start..at]);
            // Dotted initials such as U.S. or U.N. become one word.
            if at == start + c.len_utf8() && c.is_uppercase() {
                let mut k = at;
                while text[k..].starts_with('.') {
                    let Some(letter) = after(k + 1).filter(|l| l.is_uppercase()) else {
                        break;
                    };
                    let next = k + 1 + letter.len_utf8();
                    if after(next).is_some_and(char::is_alphanumeric) {
                        break;
                    }
                    word.to_mut().push(letter);
                    k = next;
                }
                at = k;
            }
            visit(Token::Word {
                text: word,
                initial: first_word,
            });
            first_word = false;
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Reads a digit string by the number format of `lang`.
fn number_token<S>(raw: &str, lang: &Lang) -> Token<S> {
    let parts: Vec<&str> = raw.split(['.', '/']).collect();
    if parts.len() == 3 && !raw.contains(',') {
        if let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
            if (1..=31).contains(&d) && (1..=12).contains(&m) && matches!(parts[2].len(), 2 | 4) {
                return Token::Date(d, m, y);
            }
        }
    }
    Token::Number(canonical_number(raw, lang))
}

/// The canonical spelling of a number written in the format of `lang`.
pub fn canonical_number(raw: &str, lang: &Lang) -> String {
    let decimal = lang.decimal_mark;
    let mut int_part = String::new();
    let mut frac_part = String::new();
    let (head, tail) = match raw.rfind(decimal) {
        // A decimal mark followed by exactly three digits in a language whose
        // group mark it could also be is read as grouping (1,234 in English).
        Some(p) if !is_grouping(raw, p, lang) => (&raw[..p], Some(&raw[p + decimal.len_utf8()..])),
        _ => (raw, None),
    };
    int_part.extend(head.chars().filter(char::is_ascii_digit));
    if let Some(t) = tail {
        frac_part.extend(t.chars().filter(char::is_ascii_digit));
    }
    let int_part = int_part.trim_start_matches('0');
    let int_part = if int_part.is_empty() { "0" } else { int_part };
    let frac_part = frac_part.trim_end_matches('0');
    if frac_part.is_empty() {
        int_part.to_string()
    } else {
        format!("{int_part}.{frac_part}")
    }
}

fn is_grouping(raw: &str, pos: usize, lang: &Lang) -> bool {
    let after = &raw[pos + 1..];
    lang.group_marks.contains(&lang.decimal_mark)
        || (raw[..pos].contains(lang.decimal_mark)
            && after.len() == 3
            && after.chars().all(|c| c.is_ascii_digit()))
}

/// [`fold`] into `out` (cleared first), which it returns: no allocation
/// once `out` is large enough, for the common word in a Latin script.
pub fn fold_into<'a>(word: &str, out: &'a mut String) -> &'a str {
    out.clear();
    let latin = latin_folds();
    for c in word.chars() {
        if c.is_ascii() {
            if c != '.' {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(folded) = (c as usize)
            .checked_sub(LATIN.start as usize)
            .and_then(|k| latin.get(k))
        {
            out.push_str(folded);
        } else {
            // A letter beyond the table, or a combining mark: the whole
            // word the slow way, as marks may need reordering.
            out.clear();
            out.push_str(&fold(word));
            break;
        }
    }
    out
}

/// The letters whose folds [`fold_into`] looks up: Latin-1 and the Latin
/// Extended blocks, which hold the accented letters of most European
/// languages.
const LATIN: std::ops::Range<char> = '\u{c0}'..'\u{250}';

/// The fold of each letter of [`LATIN`], computed once by [`fold`].
fn latin_folds() -> &'static [String] {
    static FOLDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| LATIN.map(|c| fold(&c.to_string())).collect())
}

/// Lower-cases, drops diacritics and dots, and spells ß as ss.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word
            .bytes()
            .filter(|&b| b != b'.')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    word.nfd()
        .filter(|&c| !is_mark(c) && c != '.')
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('ß', "ss")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code).unwrap()
    }

    #[test]
    fn numbers_are_canonical_across_locales() {
        assert_eq!(canonical_number("1.234,5", &lang("de")), "1234.5");
        assert_eq!(canonical_number("1,234.5", &lang("en")), "1234.5");
        assert_eq!(canonical_number("1,234", &lang("en")), "1234");
        assert_eq!(canonical_number("12,30", &lang("de")), "12.3");
        assert_eq!(canonical_number("2022", &lang("de")), "2022");
    }

    #[test]
    fn digit_dates_become_day_month_year() {
        let t = tokenize("am 24.04.2024 um", &lang("de"));
        assert!(t.contains(&Token::Date(24, 4, 2024)));
    }

    #[test]
    fn dotted_initials_are_one_word() {
        let t = tokenize("the U.S. officials", &lang("en"));
        assert!(t
            .iter()
            .any(|t| matches!(t, Token::Word { text, .. } if text == "US")));
    }

    #[test]
    fn folding_letter_by_letter_spells_as_folding_the_word() {
        let mut out = String::new();
        for word in [
            "Expédition",
            "STRASSE",
            "Straße",
            "Łódź",
            "Ærø",
            "Ǆemal",
            "e\u{301}te\u{301}",
            "ΑΘΗΝΑ",
            "U.S.",
        ] {
            assert_eq!(fold_into(word, &mut out), fold(word), "{word}");
        }
    }

    #[test]
    fn folding_drops_diacritics() {
        assert_eq!(fold("Expédition"), "expedition");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("U.S."), "us");
    }
}
