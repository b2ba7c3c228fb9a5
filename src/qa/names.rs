//! The names check: names of people, places and organisations, and
//! currencies, that appear on one side of a bead only.
//!
//! A capital letter is weak evidence of a name, so a word must pass two
//! tests. Its shape: an acronym, or a capitalised word that does not start
//! a clause, a heading (a line in title case) or a list item (in a language
//! such as German, which capitalises every noun, a capital says nothing,
//! and the word counts only if the other document uses it as a name). And
//! evidence that it is a name: the other document spells it alike
//! somewhere, or it is in the exonym lexicon, or it is a rare word, one
//! that is not among the language's common words
//! (`data/qa/lang/*/common-words.txt`) and that its document never writes
//! in lower case. Titles and other capitalised words that a translation
//! renders by meaning are listed in `data/qa/lang/*/not-names.txt`.
//!
//! A name has a counterpart when the other side, or a bead just before or
//! after it, has the same word, an inflected or compounded form of it
//! (`Blinkens`, `US-Botschafter`), a close spelling (`Präsident`), or its
//! lexicon equivalent (`Köln` for `Cologne`, `USA` for `U.S.`). A name that
//! the other document spells at least twice elsewhere is carried there, in
//! this bead, most likely by a pronoun; one that it never spells although
//! its own document uses it three times or more is rendered there by
//! another word throughout. Both are reported as info only.
//! Currencies are one thing in any form (`Euro` = `EUR` = `€`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::{data_lines, word_list, Check, Content, Context, Finding, Severity, Side, View};
use crate::anchors::{each_token, fold, fold_into, Token};
use crate::{Document, Lang, Lexicon};

/// Languages that capitalise every noun, so that a capital says little.
const CAPITALISE_NOUNS: &str = include_str!("../../data/qa/capitalise-nouns.txt");

/// The currencies and their forms.
const CURRENCIES: &str = include_str!("../../data/qa/currencies.tsv");

/// Names of the QA's own exonym lists, which add to the aligner's lexicon.
const EXONYMS: &[(&str, &str, &str)] = &[
    ("de", "en", include_str!("../../data/qa/exonyms/de-en.tsv")),
    ("fr", "en", include_str!("../../data/qa/exonyms/fr-en.tsv")),
];

/// Characters before which a new clause starts with a capital anyway.
const CLAUSE_MARKS: &[char] = &[
    '!', '?', ':', ';', '(', ')', '[', ']', '"', '“', '”', '„', '«', '»', '—', '–',
];

/// A name spelled this many times elsewhere in the document that lacks it
/// in one bead is carried there by other means (a pronoun, a title).
const OFTEN: u32 = 2;

/// The exonym lexicon of a pair, both languages' words folded into phrases:
/// the aligner's lexicon and the QA's own lists.
pub(crate) struct Phrases {
    pairs: Vec<(Vec<String>, Vec<String>)>,
    left_words: HashSet<String>,
    right_words: HashSet<String>,
}

impl Phrases {
    /// The lexicon of a pair of languages, `left` first.
    pub fn of_pair(left: &Lang, right: &Lang) -> Phrases {
        let mut lexicon = Lexicon::builtin(left, right);
        for &(a, b, text) in EXONYMS {
            let flip = (b, a) == (left.code.as_str(), right.code.as_str());
            if !flip && (a, b) != (left.code.as_str(), right.code.as_str()) {
                continue;
            }
            for (x, y) in data_lines(text).filter_map(|l| l.split_once('\t')) {
                let (l, r) = if flip { (y, x) } else { (x, y) };
                lexicon.insert(l, r);
            }
        }
        Phrases::new(&lexicon)
    }

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
        let left_words = pairs.iter().flat_map(|p| p.0.iter().cloned()).collect();
        let right_words = pairs.iter().flat_map(|p| p.1.iter().cloned()).collect();
        Phrases {
            pairs,
            left_words,
            right_words,
        }
    }

    /// The words of the lexicon phrases in `mine`, and of those the ones
    /// whose equivalent is in `theirs`. `left` tells which side `mine` is.
    fn found<'w, I: Iterator<Item = &'w String>>(
        &self,
        mine: &[String],
        theirs: impl Fn() -> I,
        left: bool,
    ) -> (Vec<String>, Vec<String>) {
        let (mut present, mut covered) = (Vec::new(), Vec::new());
        let words = if left {
            &self.left_words
        } else {
            &self.right_words
        };
        if !mine.iter().any(|w| words.contains(w)) {
            return (present, covered);
        }
        // Rare: the side holds a word of the lexicon.
        let theirs: Vec<String> = theirs().cloned().collect();
        for (l, r) in &self.pairs {
            let (a, b) = if left { (l, r) } else { (r, l) };
            if contains_phrase(mine, a) {
                present.extend(a.iter().cloned());
                if contains_phrase(&theirs, b) || within_word(&theirs, b) {
                    covered.extend(a.iter().cloned());
                }
            }
        }
        (present, covered)
    }
}

/// Folded words with how often each occurs, also filed by their first
/// letters, so that a form of a word is found fast in a long document.
#[derive(Default)]
struct Index {
    counts: HashMap<String, u32>,
    by_start: HashMap<String, Vec<String>>,
}

/// How many first letters file a word in an [`Index`]; [`similar`] words
/// of four letters or more share at least these.
const FILE_BY: usize = 4;

fn start(folded: &str) -> String {
    folded.chars().take(FILE_BY).collect()
}

impl Index {
    fn add(&mut self, folded: &str) {
        if let Some(n) = self.counts.get_mut(folded) {
            *n += 1;
            return;
        }
        self.by_start
            .entry(start(folded))
            .or_default()
            .push(folded.to_string());
        self.counts.insert(folded.to_string(), 1);
    }

    /// How often the words `matches` accepts occur.
    fn count(&self, folded: &str, matches: impl Fn(&str, &str) -> bool) -> u32 {
        self.by_start.get(&start(folded)).map_or(0, |filed| {
            filed
                .iter()
                .filter(|w| matches(w, folded))
                .map(|w| self.counts[w])
                .sum()
        })
    }
}

/// What the names check knows of one document.
pub(crate) struct DocNames {
    /// The words the document writes as names are written: capitalised
    /// words that do not start a clause and stand outside headings, and
    /// acronyms (in a language that capitalises nouns, these are its nouns
    /// too).
    names: Index,
    /// Every word of the document.
    words: Index,
    /// The folded words that the document writes in lower case.
    lower: HashSet<String>,
}

impl DocNames {
    /// Reads the names and words of a document.
    pub fn of_document(doc: &Document) -> DocNames {
        let mut names = Index::default();
        let mut words = Index::default();
        let mut lower: HashSet<String> = HashSet::default();
        let mut folded = String::new();
        for s in &doc.sentences {
            let (capitals, title) = name_words(&s.text, &doc.lang, |word| {
                let f = fold_into(word, &mut folded);
                if !lower.contains(f) {
                    lower.insert(f.to_string());
                }
                words.add(f);
            });
            // A heading in capitals or in title case tells nothing of names.
            let heading = title || is_shouted(&s.text);
            for word in capitals {
                let f = fold_into(&word.text, &mut folded);
                words.add(f);
                if (!word.initial || is_acronym(&word.text))
                    && !heading
                    && !is_not_name(&word.text, &doc.lang)
                    && !is_calendar(&word.text, &doc.lang)
                {
                    names.add(f);
                }
            }
        }
        DocNames {
            names,
            words,
            lower,
        }
    }

    /// Whether the document uses this folded word, or a form of it, as a name.
    fn names_as_name(&self, folded: &str) -> bool {
        self.names.count(folded, similar) > 0
    }

    /// Whether the document uses this folded word itself, or it with an
    /// ending, as a name: a stricter test, for words whose capital says
    /// nothing.
    fn names_closely(&self, folded: &str) -> bool {
        self.writes_as_name(folded) > 0
    }

    /// How often the document spells this folded word, or it with an
    /// ending, in any case.
    fn spells(&self, folded: &str) -> u32 {
        self.words.count(folded, close)
    }

    /// How often the document writes this folded word, or it with an
    /// ending, as names are written (capitalised inside a clause).
    fn writes_as_name(&self, folded: &str) -> u32 {
        self.names.count(folded, close)
    }
}

/// The documents seen from one side: its own and the other.
struct Pair<'c> {
    own: &'c DocNames,
    other: &'c DocNames,
}

/// Reports names and currencies on one side of a bead that the other side
/// lacks: a warning, or info for a name the other document spells often
/// elsewhere.
pub(super) fn check(view: &View, context: &Context, out: &mut Vec<Finding>) {
    let mut left_missing = content(&view.left, &view.right, context, true).missing;
    let mut right_missing = content(&view.right, &view.left, context, false).missing;
    pair_exonyms(&mut left_missing, &mut right_missing);
    for (mine, theirs, left, mut missing) in [
        (&view.left, &view.right, true, left_missing),
        (&view.right, &view.left, false, right_missing),
    ] {
        let pair = pair(context, left);
        let (often, rare): (Vec<String>, Vec<String>) = missing
            .drain(..)
            .partition(|name| rendered_elsewhere(&fold(name), &pair));
        let code = mine.code();
        if !rare.is_empty() {
            let message = format!("{} in {code} only", rare.join(", "));
            out.push(view.finding(Check::Names, Severity::Warning, message));
        }
        if !often.is_empty() {
            let message = format!(
                "{} in {code} only, which {} renders elsewhere",
                often.join(", "),
                theirs.code(),
            );
            out.push(view.finding(Check::Names, Severity::Info, message));
        }
    }
}

/// Takes out the names that each side lacks but that the other side has in
/// a spelling of its own language (Troie and Troy, Padoue and Padua,
/// Colomb and Columbus, Haye and Hague): the same first two letters and a
/// close spelling.
fn pair_exonyms(left: &mut Vec<String>, right: &mut Vec<String>) {
    let looks_alike = |a: &str, b: &str| {
        let (a, b) = (fold(a), fold(b));
        let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        prefix >= 2 && strsim::jaro_winkler(&a, &b) >= 0.75
    };
    let mut k = 0;
    while k < left.len() {
        match right.iter().position(|r| looks_alike(&left[k], r)) {
            Some(j) => {
                left.remove(k);
                right.remove(j);
            }
            None => k += 1,
        }
    }
}

/// Whether the other document renders a name in its own way: it spells
/// it often elsewhere (here it is carried by a pronoun), or never although
/// this document uses it often (the translation renders it by another
/// word throughout, as literary translations do with speaking names).
fn rendered_elsewhere(folded: &str, pair: &Pair) -> bool {
    let theirs = pair.other.writes_as_name(folded);
    theirs >= OFTEN || (theirs == 0 && pair.own.spells(folded) > OFTEN)
}

fn pair(context: &Context, left: bool) -> Pair<'_> {
    if left {
        Pair {
            own: &context.left_names,
            other: &context.right_names,
        }
    } else {
        Pair {
            own: &context.right_names,
            other: &context.left_names,
        }
    }
}

/// The names and currencies of `mine`, each once as written, and those
/// that `theirs` (with its neighbouring beads) has no form or equivalent
/// of. `left` tells whether `mine` is the left side.
pub(super) fn content(mine: &Side, theirs: &Side, context: &Context, left: bool) -> Content {
    let mut content = currency_content(mine, theirs);
    if is_shouted(&mine.text) {
        return content;
    }
    let pair = pair(context, left);
    let lang = mine.lang();
    let mine_words = mine.words();
    let their_words = || theirs.words().iter().chain(theirs.near_words());
    let (lexicon, covered) = context.lexicon.found(mine_words, their_words, left);
    for k in mine.range.clone() {
        // Names, acronyms and lexicon words all start with a capital.
        let (words, _) = name_words(&mine.doc.sentences[k].text, lang, |_| ());
        for word in words {
            let NameWord {
                text,
                initial,
                before_currency,
            } = word;
            if before_currency || content.all.contains(&text) || is_not_name(&text, lang) {
                continue;
            }
            let f = fold(&text);
            let in_lexicon = lexicon.iter().any(|w| inflected(&f, w));
            let shaped = in_lexicon || is_name_shaped(&text, initial, lang, &pair);
            if !shaped || !(in_lexicon || has_evidence(&text, &f, lang, &pair)) {
                continue;
            }
            if !covered.iter().any(|c| inflected(&f, c)) && !their_words().any(|w| similar(&f, w)) {
                content.missing.push(text.clone());
            }
            content.all.push(text);
        }
    }
    content
}

/// Whether a word looks like a name where it stands.
fn is_name_shaped(text: &str, initial: bool, lang: &Lang, pair: &Pair) -> bool {
    if text.chars().count() < 2
        || is_not_name(text, lang)
        || is_calendar(text, lang)
        || is_currency(&fold(text))
        || super::numbers::roman(text).is_some()
    {
        return false;
    }
    let f = fold(text);
    if capitalises_nouns(lang) {
        // Neither a capital nor capitals say anything: the other side
        // decides, and a name keeps its frequency across a translation.
        return is_capitalised(text)
            && pair.other.names_closely(&f)
            && pair.own.spells(&f) <= 2 * pair.other.spells(&f) + 2;
    }
    if is_acronym(text) {
        return true;
    }
    is_capitalised(text) && (!initial || pair.own.names_as_name(&f))
}

/// Whether there is evidence beyond its shape that a word is a name: the
/// other document spells it too, or it is rare (not a common word of its
/// language, never written in lower case in its document, and, for
/// capitals, short, as acronyms are).
fn has_evidence(text: &str, folded: &str, lang: &Lang, pair: &Pair) -> bool {
    // Written as a name there: a word spelled alike but in lower case may
    // be another word of the other language (English As, French as).
    if pair.other.writes_as_name(folded) > 0 {
        return true;
    }
    if capitalises_nouns(lang) || pair.own.lower.contains(folded) || is_common(folded, lang) {
        return false;
    }
    // Acronyms are short; two capitals are as often initials.
    let letters = text.chars().count();
    !is_acronym(text) || (3..=4).contains(&letters) || text.chars().any(|c| c.is_ascii_digit())
}

/// Whether a folded word, or its stem without a common ending, is one of
/// the language's common words.
fn is_common(folded: &str, lang: &Lang) -> bool {
    let list = word_list(&lang.code, "common-words");
    let stems = [
        Some(folded),
        folded.strip_suffix('s'),
        folded.strip_suffix("es"),
        folded.strip_suffix("ed"),
        folded.strip_suffix("ing"),
        folded.strip_suffix("ly"),
        folded.strip_suffix('x'),
    ];
    stems.into_iter().flatten().any(|s| list.contains(s))
        || folded
            .strip_suffix("ies")
            .is_some_and(|s| list.contains(&format!("{s}y")))
}

/// A capitalised word of a sentence, as the names check sees it.
#[derive(Debug, Clone, PartialEq)]
struct NameWord {
    /// The word as written.
    text: String,
    /// Whether it starts a clause or a list item, where a capital says nothing.
    initial: bool,
    /// Whether it is a short acronym that names a currency with the next
    /// word, as US in US-Dollar.
    before_currency: bool,
}

/// The capitalised words of one sentence, and whether the sentence is a
/// heading in title case, where capitals say little: two or more words,
/// and of those that are not function words, at most one in four in lower
/// case. The words in lower case go to `each_lower`, unallocated.
fn name_words(text: &str, lang: &Lang, mut each_lower: impl FnMut(&str)) -> (Vec<NameWord>, bool) {
    let stopwords = word_list(&lang.code, "stopwords");
    let mut capitals: Vec<NameWord> = Vec::new();
    let (mut content, mut capitalised) = (0, 0);
    let mut after_acronym = false;
    for piece in clauses(text, lang) {
        let mut first = true;
        each_token(piece, lang, |token| {
            let Token::Word { text, .. } = token else {
                return;
            };
            let initial = std::mem::replace(&mut first, false);
            if std::mem::replace(&mut after_acronym, false) && is_currency(&fold(&text)) {
                if let Some(last) = capitals.last_mut() {
                    last.before_currency = true;
                }
            }
            if !is_capitalised(&text) {
                content += usize::from(!stopwords.contains(&text));
                each_lower(&text);
                return;
            }
            if !stopwords.contains(&text.to_lowercase()) {
                content += 1;
                capitalised += 1;
            }
            after_acronym = is_acronym(&text) && text.len() <= 3;
            capitals.push(NameWord {
                text: text.into_owned(),
                initial,
                before_currency: false,
            });
        });
    }
    let title = content >= 2 && capitalised * 4 >= content * 3;
    (capitals, title)
}

/// Splits a text where a new clause starts: after a sentence end that is not
/// an abbreviation or an initial, and at quotes, brackets, colons and dashes.
fn clauses<'a>(text: &'a str, lang: &Lang) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let dash = c == '-' && next_is_space && text[..i].ends_with([' ', '-']);
        let ends = CLAUSE_MARKS.contains(&c)
            || dash
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

/// The currencies a side names, by code, each with the first form written.
fn currencies(side: &Side) -> Vec<(&'static str, String)> {
    let mut found: Vec<(&'static str, String)> = Vec::new();
    let mut note = |code: &'static str, written: &str| {
        if !found.iter().any(|f| f.0 == code) {
            found.push((code, written.to_string()));
        }
    };
    for token in &side.tokens {
        if let Token::Word { text, .. } = token {
            if let Some(code) = currency_of(&fold(text)) {
                note(code, text);
            }
        }
    }
    for c in side
        .text
        .chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        if let Some(code) = currency_of(c.encode_utf8(&mut [0; 4])) {
            note(code, &c.to_string());
        }
    }
    found
}

/// The currency a folded word or a symbol names.
fn currency_of(form: &str) -> Option<&'static str> {
    static FORMS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        data_lines(CURRENCIES)
            .filter_map(|line| line.split_once('\t'))
            .flat_map(|(code, forms)| forms.split_whitespace().map(move |f| (f, code)))
            .collect()
    });
    forms.get(form).copied()
}

/// Whether a folded word names a currency.
pub(super) fn is_currency(folded: &str) -> bool {
    currency_of(folded).is_some()
}

/// Whether a character is a currency's symbol.
pub(super) fn is_currency_symbol(c: char) -> bool {
    !c.is_alphanumeric() && currency_of(c.encode_utf8(&mut [0; 4])).is_some()
}

/// The currencies of `mine`, and those that `theirs` (or its neighbours'
/// words) names in no form.
fn currency_content(mine: &Side, theirs: &Side) -> Content {
    let mut content = Content::default();
    let found = currencies(mine);
    if found.is_empty() {
        return content;
    }
    let mut their_codes: Vec<&str> = currencies(theirs).into_iter().map(|c| c.0).collect();
    their_codes.extend(theirs.near_words().filter_map(|w| currency_of(w)));
    for (code, written) in found {
        if !their_codes.contains(&code) {
            content.missing.push(written.clone());
        }
        content.all.push(written);
    }
    content
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

/// Whether a one-word phrase occurs inside a word of `words`, as names do
/// in derived words and compounds (`österreichischen`, `Karlsuniversität`).
fn within_word(words: &[String], phrase: &[String]) -> bool {
    match phrase {
        [word] if word.len() >= 4 => words.iter().any(|w| w.contains(word.as_str())),
        _ => false,
    }
}

/// Whether two folded words are the same but for a short ending.
fn close(a: &str, b: &str) -> bool {
    inflected(a, b) || inflected(b, a)
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
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    lang.months.contains_key(&lower)
        || lang.weekdays.contains_key(&lower)
        || lang.weekdays.contains_key(singular)
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
    use super::super::tests_support::{docs, findings, messages};
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
            (
                "Werke in Breslau und Skandinavien.",
                "Plants in Wrocław and Scandinavia.",
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
            "Die Regierung plant neue Gesetze für die Wirtschaft am Meer.\nDer Gipfel braucht Zeit.",
            "The government is planning new laws for the economy by the sea.\nThe summit needs time.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_german_capital_is_a_name_when_the_english_document_names_it() {
        let (de, en) = docs(
            "Macron sprach mit der Regierung.",
            "The government met Emmanuel Macron's team.",
        );
        let (de_names, en_names) = (DocNames::of_document(&de), DocNames::of_document(&en));
        let pair = Pair {
            own: &de_names,
            other: &en_names,
        };
        assert!(is_name_shaped("Macron", true, &de.lang, &pair));
        assert!(is_name_shaped("Macrons", false, &de.lang, &pair));
        assert!(!is_name_shaped("Regierung", false, &de.lang, &pair));
    }

    #[test]
    fn headings_in_capitals_and_function_words_are_not_names() {
        let f = findings(
            Check::Names,
            "MIT NACHTRÄGEN AUS FRÜHEREN JAHREN",
            "WITH NOTES ON EARLIER YEARS",
        );
        assert!(f.is_empty(), "{f:?}");
        let (fr, en) = docs("", "");
        let (a, b) = (DocNames::of_document(&fr), DocNames::of_document(&en));
        let pair = Pair { own: &a, other: &b };
        let fr = Lang::new("fr").unwrap();
        assert!(!is_name_shaped("Il", false, &fr, &pair));
        assert!(!is_name_shaped("Comme", true, &fr, &pair));
        assert!(is_name_shaped("Meije", false, &fr, &pair));
    }

    #[test]
    fn headings_list_items_and_imperatives_prove_nothing() {
        // Title-case headings, numbered headings, and imperatives at the
        // start of steps: their words are rendered by meaning.
        let f = findings(
            Check::Names,
            "Bedienungsanleitung\n1 Sicherheitshinweise\n6 Störungsbehebung\nSpülen Sie den Behälter aus.\nHauptversammlung: 15. Mai 2024, Köln",
            "Instruction Manual\n1 Safety instructions\n6 Troubleshooting\nRinse the container.\nAnnual General Meeting: May 15, 2024, Cologne",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn common_words_in_names_rendered_by_meaning_are_not_reported() {
        let f = findings(
            Check::Names,
            "Der Vorstand bestätigt die Prognose. Den Auftrag erteilten die Österreichischen Bundesbahnen.",
            "The Executive Board confirms its guidance. The order came from Austrian Federal Railways.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_rare_name_dropped_once_is_a_warning_and_a_frequent_one_info() {
        let f = findings(
            Check::Names,
            "Die Opposition warf der Regierung Naivität vor.",
            "Opposition leader Herbert Lindner accused the government of naivety.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].message, "Herbert, Lindner in en only");
        // Emma is named everywhere else in the English: here a pronoun.
        let (fr, en) = (
            "Emma sourit.\nEmma partit.\nEmma revint.",
            "Emma smiled.\nShe left.\nEmma came back, and Emma sat.",
        );
        let f = super::super::tests_support::aligned(
            Check::Names,
            fr,
            en,
            &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)],
        );
        assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:?}");
    }

    #[test]
    fn currencies_are_one_thing_in_any_form() {
        for (de, en) in [
            ("Er kostet 780 Mio. Euro.", "It costs €780 million."),
            ("Er kostet 780 Mio. EUR.", "It costs 780 million euros."),
            ("Er kostet 5 Mrd. US-Dollar.", "It costs $5 billion."),
        ] {
            let f = findings(Check::Names, de, en);
            assert!(f.is_empty(), "{de} / {en}: {f:?}");
        }
        let m = messages(
            Check::Names,
            "Er kostet 780 Mio. Dollar.",
            "It costs €780 million.",
        );
        assert_eq!(m, ["Dollar in de only", "€ in en only"]);
    }

    #[test]
    fn names_in_the_spelling_of_each_language_pair_off() {
        let mut a = vec![
            "Troie".to_string(),
            "Padoue".to_string(),
            "Lindner".to_string(),
        ];
        let mut b = vec!["Padua".to_string(), "Troy".to_string()];
        pair_exonyms(&mut a, &mut b);
        assert_eq!(a, ["Lindner"]);
        assert!(b.is_empty());
    }

    #[test]
    fn roman_numerals_are_not_names() {
        let f = findings(
            Check::Names,
            "Lager III liegt höher.",
            "Camp 3 lies higher up.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn clauses_start_after_sentence_ends_but_not_after_abbreviations() {
        let en = Lang::new("en").unwrap();
        let (words, title) = name_words(
            "He met Mr. Smith. Then he left (Reporting by Lewis)",
            &en,
            |_| (),
        );
        assert!(!title);
        assert!(name_words("Head of Lindholm Academy", &en, |_| ()).1);
        let initial: Vec<&str> = words
            .iter()
            .filter(|w| w.initial)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(initial, ["He", "Then", "Reporting"]);
    }
}
