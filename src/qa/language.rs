//! The untranslated check: a bead whose two sides are the same text, or a
//! side written in the other language.
//!
//! The language of a side is guessed from its function words
//! (`data/qa/lang/*/stopwords.txt`): a side of enough words whose function
//! words belong clearly to another known language is reported. A side that
//! equals the other counts only with a few words in lower case, since
//! names, numbers and short headings are often the same in both languages.

use super::{word_list, Check, Finding, Severity, Side, View};
use crate::anchors::Token;

/// Languages with a function-word list.
const KNOWN: &[&str] = &["de", "en", "fr"];

/// Fewer words than this say too little about their language.
const MIN_WORDS: usize = 4;

/// Reports a bead whose sides are identical, or a side in the wrong language.
pub(super) fn check(view: &View, out: &mut Vec<Finding>) {
    let (l, r) = (view.left.words(), view.right.words());
    if l == r && running_words(&view.left) >= MIN_WORDS - 1 {
        let message = format!(
            "{} text is the same as the {} text",
            view.left.code(),
            view.right.code()
        );
        out.push(view.finding(Check::Untranslated, Severity::Error, message));
        return;
    }
    for side in [&view.left, &view.right] {
        if let Some(other) = reads_as(side) {
            let message = format!("{} text reads as {other}", side.code());
            out.push(view.finding(Check::Untranslated, Severity::Error, message));
        }
    }
}

/// How many words of a side are written in lower case: a side of names
/// alone (a signature, a list of places) is the same in both languages.
fn running_words(side: &Side) -> usize {
    side.tokens
        .iter()
        .filter(|t| matches!(t, Token::Word { text, .. } if text.chars().next().is_some_and(char::is_lowercase)))
        .count()
}

/// The other known language a side is written in, if its function words
/// say so clearly.
fn reads_as(side: &Side) -> Option<&'static str> {
    let own = side.code();
    if !KNOWN.contains(&own) {
        return None;
    }
    let words = side.words();
    if words.len() < MIN_WORDS {
        return None;
    }
    let score = |code: &str| {
        let list = word_list(code, "stopwords");
        words.iter().filter(|w| list.contains(w)).count()
    };
    let own_score = score(own);
    let (best, best_score) = KNOWN
        .iter()
        .filter(|&&c| c != own)
        .map(|&c| (c, score(c)))
        .max_by_key(|&(_, s)| s)?;
    (best_score >= 2 && best_score > 2 * own_score).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn a_copied_source_is_reported() {
        let m = messages(
            Check::Untranslated,
            "The talks will resume in the spring.",
            "The talks will resume in the spring.",
        );
        assert_eq!(m, ["de text is the same as the en text"]);
    }

    #[test]
    fn a_side_in_the_other_language_is_reported() {
        let m = messages(
            Check::Untranslated,
            "The talks will resume after the holidays.",
            "The talks are to resume after the holidays.",
        );
        assert_eq!(m, ["de text reads as en"]);
    }

    #[test]
    fn names_alone_and_real_translations_pass() {
        for (de, en) in [
            ("Xi Jinping", "Xi Jinping"),
            ("Dr. Miriam Keller", "Dr. Miriam Keller"),
            (
                "Die Gespräche sollen nach den Feiertagen weitergehen.",
                "The talks are to resume after the holidays.",
            ),
        ] {
            let f = findings(Check::Untranslated, de, en);
            assert!(f.is_empty(), "{de}: {f:?}");
        }
    }
}
