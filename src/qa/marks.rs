//! The punctuation and brackets checks: a question or exclamation on one
//! side and a statement on the other, and quotes or brackets that one side
//! leaves open (or closes) and the other does not.
//!
//! Quotes are compared by the parity of their double quotation marks, since
//! `“` opens a quote in English and closes one in German; a quote that runs
//! over several beads leaves both sides odd alike and is not reported, nor
//! is an odd side against one without quotation marks (speech marked by
//! dashes, as French novels do).
//! Single quotes are left alone: `’` is also the apostrophe.

use super::{Check, Finding, Severity, Side, View};
use crate::{Bead, Document};

/// What a side says: a question if it holds a question mark anywhere (a
/// speech tag or a translation's word order may put it before the end, as
/// in `Pourquoi ? dit-il.`), else an exclamation if it holds an
/// exclamation mark, else a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Question,
    Exclamation,
    Other,
}

impl End {
    fn of(text: &str) -> End {
        if text.contains(['?', '¿']) {
            End::Question
        } else if text.contains(['!', '¡']) {
            End::Exclamation
        } else {
            End::Other
        }
    }

    fn describe(self) -> &'static str {
        match self {
            End::Question => "asks a question",
            End::Exclamation => "exclaims",
            End::Other => "states",
        }
    }
}

/// Double quotation marks of any language.
const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»'];

/// Bracket pairs.
const BRACKETS: &[(char, char)] = &[('(', ')'), ('[', ']'), ('{', '}')];

/// How freely a pair treats questions and quotation marks. A translation
/// that asks where its source states (or quotes where it does not) in more
/// than a quarter of the rows that have any is free in this respect, as
/// translations of novels often are; a difference in one row says little
/// there, and is reported as info.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Style {
    /// Questions differ in many rows that have one.
    pub free_questions: bool,
    /// Odd quotation marks differ in many rows that have one.
    pub free_quotes: bool,
}

/// Rows with a question (or an odd quotation mark) needed to judge a style.
const STYLE_ROWS: usize = 8;

impl Style {
    /// The style of a pair, from the texts of its beads.
    pub fn of_pair(left: &Document, right: &Document, beads: &[Bead]) -> Style {
        let (mut questions, mut questions_differ) = (0, 0);
        let (mut quotes, mut quotes_differ) = (0, 0);
        let has = |doc: &Document, range: &std::ops::Range<usize>, f: &dyn Fn(&str) -> bool| {
            doc.sentences[range.clone()].iter().any(|s| f(&s.text))
        };
        let asks = |t: &str| t.contains(['?', '¿']);
        let odd = |doc: &Document, range: &std::ops::Range<usize>| {
            let n: usize = doc.sentences[range.clone()]
                .iter()
                .map(|s| s.text.chars().filter(|c| QUOTES.contains(c)).count())
                .sum();
            n % 2 == 1
        };
        for b in beads
            .iter()
            .filter(|b| !b.left.is_empty() && !b.right.is_empty())
        {
            let (l, r) = (has(left, &b.left, &asks), has(right, &b.right, &asks));
            questions += usize::from(l || r);
            questions_differ += usize::from(l != r);
            let (l, r) = (odd(left, &b.left), odd(right, &b.right));
            quotes += usize::from(l || r);
            quotes_differ += usize::from(l != r);
        }
        let free = |all: usize, differ: usize| all >= STYLE_ROWS && differ * 4 > all;
        Style {
            free_questions: free(questions, questions_differ),
            free_quotes: free(quotes, quotes_differ),
        }
    }
}

/// Reports a question or exclamation that the other side ends differently.
pub(super) fn punctuation(view: &View, style: &Style, out: &mut Vec<Finding>) {
    let (l, r) = (End::of(&view.left.text), End::of(&view.right.text));
    if l == r {
        return;
    }
    // A question made a statement may have lost what it asks; made an
    // exclamation, it keeps its force, as rhetorical questions do.
    let statement = l == End::Other || r == End::Other;
    let question = l == End::Question || r == End::Question;
    let severity = if question && statement && !style.free_questions {
        Severity::Warning
    } else {
        Severity::Info
    };
    let message = format!(
        "{} {}, {} {}",
        view.left.code(),
        l.describe(),
        view.right.code(),
        r.describe()
    );
    out.push(view.finding(Check::Punctuation, severity, message));
}

/// The balance of a side: how many double quotation marks it has, and per
/// bracket pair the openings minus the closings.
fn balance(side: &Side) -> (usize, [i64; 3]) {
    let text = &side.text;
    let quotes = text.chars().filter(|c| QUOTES.contains(c)).count();
    let mut depth = [0; 3];
    for (i, c) in text.char_indices() {
        for (k, &(open, close)) in BRACKETS.iter().enumerate() {
            if c == open {
                depth[k] += 1;
            } else if c == close && !(depth[k] == 0 && is_list_marker(&text[..i])) {
                depth[k] -= 1;
            }
        }
    }
    (quotes, depth)
}

/// Whether the text before a closing bracket ends with a list marker, as
/// `a)`, `b )` or `12)` at the start of an item: one or two letters or
/// digits that start the text or follow a space.
fn is_list_marker(before: &str) -> bool {
    let before = before.trim_end();
    let marker = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    let head = &before[..before.len() - marker.len()];
    (1..=2).contains(&marker.chars().count())
        && marker.chars().all(char::is_alphanumeric)
        && (head.trim().is_empty() || head.trim_end().ends_with(['.', ':', ';', ',']))
}

/// Reports a side whose quotes or brackets are unbalanced where the other
/// side's are not (or not in the same way). An odd quotation mark counts
/// only when the other side quotes too: a translation may mark speech with
/// dashes instead, and a quote may run over several rows.
pub(super) fn brackets(view: &View, style: &Style, out: &mut Vec<Finding>) {
    let (l, r) = (balance(&view.left), balance(&view.right));
    let mut problems = Vec::new();
    let mut quotes = Vec::new();
    for (side, mine, theirs) in [(&view.left, l, r), (&view.right, r, l)] {
        if mine.0 % 2 == 1 && theirs.0 > 0 && theirs.0 % 2 == 0 {
            quotes.push(format!("{} has an unpaired quotation mark", side.code()));
        }
        for (k, &(open, close)) in BRACKETS.iter().enumerate() {
            let d = mine.1[k];
            if d != 0 && d != theirs.1[k] {
                let (mark, n) = if d > 0 { (open, d) } else { (close, -d) };
                problems.push(format!("{} has {n} unpaired '{mark}'", side.code()));
            }
        }
    }
    if style.free_quotes {
        if !quotes.is_empty() {
            out.push(view.finding(Check::Brackets, Severity::Info, quotes.join(", ")));
        }
    } else {
        problems.splice(0..0, quotes);
    }
    if !problems.is_empty() {
        out.push(view.finding(Check::Brackets, Severity::Warning, problems.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{aligned, findings, messages};
    use super::*;

    #[test]
    fn a_question_made_a_statement_is_reported() {
        let m = messages(
            Check::Punctuation,
            "Kommt er morgen.",
            "Is he coming tomorrow?",
        );
        assert_eq!(m, ["de states, en asks a question"]);
    }

    #[test]
    fn a_question_made_an_exclamation_is_info() {
        let f = findings(
            Check::Punctuation,
            "Dinah, ma minette, que n'es-tu ici avec moi ?",
            "Dinah my dear! I wish you were down here with me!",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn closing_quotes_and_speech_tags_after_the_mark_do_not_hide_it() {
        let f = findings(Check::Punctuation, "„Kommt er?“", "\"Is he coming?\"");
        assert!(f.is_empty(), "{f:?}");
        let f = findings(
            Check::Punctuation,
            "Qu'est-ce qu'optimisme ? disait Cacambo.",
            "\"Optimism,\" said Cacambo, \"what is that?\"",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn quote_styles_of_both_languages_balance() {
        let f = findings(
            Check::Brackets,
            "„Diplomatie ist wichtig“, sagte er (in Shanghai).",
            "“Diplomacy matters,” he said (in Shanghai).",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn an_unclosed_bracket_on_one_side_is_reported() {
        let m = messages(
            Check::Brackets,
            "Er sagte „ja (vielleicht.",
            "He said \"yes\" (maybe).",
        );
        assert_eq!(
            m,
            ["de has an unpaired quotation mark, de has 1 unpaired '('"]
        );
    }

    #[test]
    fn speech_in_dashes_against_speech_in_quotes_is_not_reported() {
        let f = findings(
            Check::Brackets,
            "-- Ma chère, comment voulez-vous que j'arrive jusque-là ?",
            "\" My dear, how am I to get so far?",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_pair_that_treats_questions_freely_gets_info_only() {
        // Eight rows that ask a question on one side, of which three state
        // on the other: more than a quarter, so the translation is free.
        let mut fr = String::new();
        let mut en = String::new();
        for k in 0..8 {
            fr.push_str(if k < 3 {
                "Il partit.\n"
            } else {
                "Partit-il ?\n"
            });
            en.push_str("Did he leave?\n");
        }
        let beads: Vec<_> = (0..8).map(|k| (k..k + 1, k..k + 1)).collect();
        let f = aligned(Check::Punctuation, &fr, &en, &beads);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:?}");
        // One row of eight: a warning.
        let f = aligned(
            Check::Punctuation,
            &fr.replacen("Il partit.\n", "Partit-il ?\n", 2),
            &en,
            &beads,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn list_markers_are_not_brackets() {
        let f = findings(
            Check::Brackets,
            "Die Originalberichte, und: Die Alpen 1956.",
            "a ) Les articles originaux ; b) Les Alpes 1956.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert!(!is_list_marker("He said (maybe"));
    }

    #[test]
    fn a_quote_running_over_beads_is_odd_on_both_sides_alike() {
        let f = findings(Check::Brackets, "„Es ist wichtig.", "\"It matters.");
        assert!(f.is_empty(), "{f:?}");
    }
}
