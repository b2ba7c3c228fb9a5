//! The names check: names of people, places and organisations that appear
//! on one side of a bead only.
//!
//! A capital letter marks a name only in languages that do not capitalise
//! every noun. So a word counts as a name when it is an acronym, a word of
//! the exonym lexicon, or, in a language such as English, a capitalised word
//! that does not start a clause (or that the document uses that way
//! elsewhere). In a language that capitalises nouns, such as German, a
//! capitalised word counts only if the other document uses it as a name: the
//! other language side decides. Titles and other capitalised words that a
//! translation renders by meaning are listed in `data/qa/lang/*/not-names.txt`.
//!
//! A name has a counterpart when the other side has the same word, an
//! inflected or compounded form of it (`Blinkens`, `US-Botschafter`), a
//! close spelling (`Präsident`), or its lexicon equivalent (`Köln` for
//! `Cologne`, `USA` for `U.S.`).

use std::collections::{HashMap, HashSet};

use super::{data_lines, word_list, Check, Content, Context, Finding, Severity, Side, View};
use crate::anchors::{fold, tokenize, Token};
use crate::{Document, Lang, Lexicon};

/// Languages that capitalise every noun, so that a capital says little.
const CAPITALISE_NOUNS: &str = include_str!("../../data/qa/capitalise-nouns.txt");

/// Characters before which a new clause starts with a capital anyway.
const CLAUSE_MARKS: &[char] = &[
    '!', '?', ':', ';', '(', ')', '[', ']', '"', '“', '”', '„', '«', '»', '—', '–',
];

/// The exonym lexicon as phrases of folded words, left and right.
pub(crate) struct Phrases {
    pairs: Vec<(Vec<String>, Vec<String>)>,
}

impl Phrases {
    /// Folds the entries of `lexicon`, which maps words of `left` to words of `right`.
    pub fn new(lexicon: &Lexicon) -> Phrases {
        let words = |phrase: &str| -> Vec<String> {
            fold(phrase)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut pairs = Vec::new();
        for (l, targets) in &lexicon.entries {
            for r in targets {
                pairs.push((words(l), words(r)));
            }
        }
        pairs.sort();
        Phrases { pairs }
    }

    /// The folded left (or right) words that appear in a lexicon phrase.
    fn words(&self, left: bool) -> impl Iterator<Item = &String> {
        self.pairs
            .iter()
            .flat_map(move |(l, r)| if left { l.iter() } else { r.iter() })
    }

    /// The words of `mine` that a lexicon pair covers: the phrase is in
    /// `mine` and its equivalent in `theirs`. `left` tells which side `mine` is.
    fn covered(&self, mine: &[String], theirs: &[String], left: bool) -> Vec<String> {
        let mut covered = Vec::new();
        for (l, r) in &self.pairs {
            let (a, b) = if left { (l, r) } else { (r, l) };
            if contains_phrase(mine, a) && contains_phrase(theirs, b) {
                covered.extend(a.iter().cloned());
            }
        }
        covered
    }
}

/// The folded name words of a document, for judging the other side's words,
/// filed by their first letters so that long documents stay fast.
pub(crate) struct NameSet {
    by_start: HashMap<String, Vec<String>>,
}

/// How many first letters file a name in a [`NameSet`]; [`similar`] words
/// of four letters or more share at least these.
const FILE_BY: usize = 4;

fn start(folded: &str) -> String {
    folded.chars().take(FILE_BY).collect()
}

impl NameSet {
    /// The words the document uses as names: capitalised words that do not
    /// start a clause, in a language that capitalises only names. Empty for
    /// a language that capitalises nouns.
    pub fn of_document(doc: &Document) -> NameSet {
        let mut by_start: HashMap<String, Vec<String>> = HashMap::new();
        if !capitalises_nouns(&doc.lang) {
            for s in doc.sentences.iter().filter(|s| !is_shouted(&s.text)) {
                for (text, initial) in clause_words(&s.text, &doc.lang) {
                    if (!initial && is_capitalised(&text)) || is_acronym(&text) {
                        let f = fold(&text);
                        let filed = by_start.entry(start(&f)).or_default();
                        if !is_not_name(&text, &doc.lang)
                            && !is_calendar(&text, &doc.lang)
                            && !filed.contains(&f)
                        {
                            filed.push(f);
                        }
                    }
                }
            }
        }
        NameSet { by_start }
    }

    /// Whether the document uses this folded word, or a form of it, as a name.
    fn matches(&self, folded: &str) -> bool {
        self.by_start
            .get(&start(folded))
            .is_some_and(|names| names.iter().any(|n| similar(n, folded)))
    }
}

/// Reports names on one side of a bead that the other side lacks, in this
/// bead and in the beads just before and after it (a translation may name
/// in one sentence what the source names in the next, or say "he").
pub(super) fn check(view: &View, context: &Context, out: &mut Vec<Finding>) {
    for (mine, theirs, left) in [
        (&view.left, &view.right, true),
        (&view.right, &view.left, false),
    ] {
        let missing = content(mine, theirs, context, left).missing;
        if !missing.is_empty() {
            let message = format!("{} in {} only", missing.join(", "), mine.code());
            out.push(view.finding(Check::Names, Severity::Warning, message));
        }
    }
}

/// The names of `mine`, each once as written, and those that `theirs`
/// (with its neighbouring beads) has no form or equivalent of. `left` tells
/// whether `mine` is the left side.
pub(super) fn content(mine: &Side, theirs: &Side, context: &Context, left: bool) -> Content {
    let mut content = Content::default();
    if is_shouted(&mine.text) {
        return content;
    }
    let (own_names, other_names) = if left {
        (&context.left_names, &context.right_names)
    } else {
        (&context.right_names, &context.left_names)
    };
    let mine_words = mine.words();
    let mut their_words = theirs.words();
    their_words.extend(theirs.near.iter().cloned());
    let covered = context.lexicon.covered(&mine_words, &their_words, left);
    let lexicon_words: HashSet<&String> = context.lexicon.words(left).collect();
    for (text, initial) in clause_words(&mine.text, mine.lang()) {
        let f = fold(&text);
        let candidate = is_name(&text, initial, mine.lang(), own_names, other_names)
            || (is_capitalised(&text) && lexicon_words.contains(&f));
        if !candidate || content.all.contains(&text) {
            continue;
        }
        if !covered.iter().any(|c| inflected(&f, c)) && !their_words.iter().any(|w| similar(&f, w))
        {
            content.missing.push(text.clone());
        }
        content.all.push(text);
    }
    content
}

/// Whether a word of a side is a name by its shape and the documents.
fn is_name(text: &str, initial: bool, lang: &Lang, own: &NameSet, other: &NameSet) -> bool {
    if is_not_name(text, lang) || is_calendar(text, lang) {
        return false;
    }
    if text.chars().count() < 2 {
        // A lone capital is an initial, or a letter that starts a clause.
        return false;
    }
    if is_acronym(text) {
        return true;
    }
    if !is_capitalised(text) {
        return false;
    }
    let f = fold(text);
    if capitalises_nouns(lang) {
        other.matches(&f)
    } else {
        !initial || own.matches(&f)
    }
}

/// The words of a text, each with whether it starts a clause.
fn clause_words(text: &str, lang: &Lang) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    for piece in clauses(text, lang) {
        for token in tokenize(piece, lang) {
            if let Token::Word { text, initial } = token {
                words.push((text, initial));
            }
        }
    }
    words
}

/// Splits a text where a new clause starts: after a sentence end that is not
/// an abbreviation or an initial, and at quotes, brackets, colons and dashes.
fn clauses<'a>(text: &'a str, lang: &Lang) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut from = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        let ends = CLAUSE_MARKS.contains(&c)
            || (c == '.' && next_is_space && !is_abbreviation(&text[from..i], lang));
        if ends {
            pieces.push(&text[from..i]);
            from = i + c.len_utf8();
        }
    }
    pieces.push(&text[from..]);
    pieces
}

/// Whether the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str, lang: &Lang) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital || lang.abbreviations.contains(word)
}

/// Whether two folded words are spellings of the same name: the same,
/// inflected, compounded, or close.
fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    if shorter < 4 {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common * 5 >= shorter * 4
        || (la < lb && b.contains(a))
        || (lb < la && a.contains(b))
        || (shorter >= 5 && strsim::jaro_winkler(a, b) >= 0.88)
}

/// Whether folded `word` is `base` or `base` with a short inflectional ending
/// (`Russlands`, `Chinas`).
fn inflected(word: &str, base: &str) -> bool {
    word == base || (base.len() >= 4 && word.starts_with(base) && word.len() - base.len() <= 3)
}

/// Whether `phrase` occurs in `words`, allowing inflected words.
fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|win| win.iter().zip(phrase).all(|(w, p)| inflected(w, p)))
}

fn is_capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(text: &str) -> bool {
    text.chars().count() >= 2
        && text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && text.chars().any(char::is_uppercase)
}

fn is_calendar(text: &str, lang: &Lang) -> bool {
    let lower = text.to_lowercase();
    lang.months.contains_key(&lower) || lang.weekdays.contains_key(&lower)
}

fn capitalises_nouns(lang: &Lang) -> bool {
    data_lines(CAPITALISE_NOUNS).any(|c| c == lang.code)
}

/// Whether a word, or its plural, is listed as capitalised but not a name,
/// or is a function word of the language (`Die`, `Le`, `Il`).
fn is_not_name(text: &str, lang: &Lang) -> bool {
    let singular = text.strip_suffix('s').unwrap_or(text);
    let lower = text.to_lowercase();
    let not_names = word_list(&lang.code, "not-names");
    not_names.contains(text)
        || not_names.contains(singular)
        || word_list(&lang.code, "stopwords").contains(&lower)
}

/// Whether most letters of a text are capitals, as in a heading set in
/// capitals, where every word looks like an acronym.
fn is_shouted(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (upper, all) = letters.fold((0, 0), |(u, a), c| {
        (u + usize::from(c.is_uppercase()), a + 1)
    });
    all >= 8 && upper * 2 > all
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{findings, messages};
    use super::*;

    #[test]
    fn exonyms_and_inflections_are_counterparts() {
        for (de, en) in [
            (
                "Er flog von Köln nach Peking.",
                "He flew from Cologne to Beijing.",
            ),
            ("Er reiste in die USA.", "He travelled to the U.S."),
            ("Blinkens Besuch in München.", "Blinken's visit to Munich."),
            (
                "Das Südchinesische Meer bleibt umstritten.",
                "The South China Sea remains disputed.",
            ),
            (
                "Der US-Botschafter traf Präsident Xi.",
                "The U.S. Ambassador met President Xi.",
            ),
        ] {
            let f = findings(Check::Names, de, en);
            assert!(f.is_empty(), "{de} / {en}: {f:?}");
        }
    }

    #[test]
    fn a_dropped_name_is_reported() {
        let m = messages(
            Check::Names,
            "Der Minister traf gestern den Botschafter.",
            "The minister met Ambassador Nicholas Burns yesterday.",
        );
        assert_eq!(m, ["Nicholas, Burns in en only"]);
    }

    #[test]
    fn german_capitalised_nouns_are_not_names() {
        let f = findings(
            Check::Names,
            "Die Regierung plant neue Gesetze für die Wirtschaft.",
            "The government is planning new laws for the economy.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_german_capital_is_a_name_when_the_english_document_names_it() {
        let (de, en) = super::super::tests_support::docs(
            "Macron sprach mit der Regierung.",
            "The government met Emmanuel Macron's team.",
        );
        let (own, other) = (NameSet::of_document(&de), NameSet::of_document(&en));
        assert!(is_name("Macron", true, &de.lang, &own, &other));
        assert!(is_name("Macrons", false, &de.lang, &own, &other));
        assert!(!is_name("Regierung", false, &de.lang, &own, &other));
    }

    #[test]
    fn headings_in_capitals_and_function_words_are_not_names() {
        let f = findings(
            Check::Names,
            "MIT NACHTRÄGEN AUS FRÜHEREN JAHREN",
            "WITH NOTES ON EARLIER YEARS",
        );
        assert!(f.is_empty(), "{f:?}");
        let fr = Lang::new("fr").unwrap();
        let empty = NameSet::of_document(&super::super::tests_support::docs("", "").0);
        assert!(!is_name("Il", false, &fr, &empty, &empty));
        assert!(is_name("Meije", false, &fr, &empty, &empty));
    }

    #[test]
    fn clauses_start_after_sentence_ends_but_not_after_abbreviations() {
        let en = Lang::new("en").unwrap();
        let words = clause_words("He met Mr. Smith. Then he left (Reporting by Lewis)", &en);
        let initial: Vec<&str> = words.iter().filter(|w| w.1).map(|w| w.0.as_str()).collect();
        assert_eq!(initial, ["He", "Then", "Reporting"]);
    }
}
