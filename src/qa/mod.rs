//! QA: checks that point a reviewer at the beads most likely to hold a
//! translation error.
//!
//! In: two [`Document`]s and their [`Alignment`]. Out: [`Finding`]s, each
//! with the [`Check`] that made it, a [`Severity`], the 1-based row (bead)
//! number it is about and a message. Because the checks see aligned beads,
//! they can compare the two sides: a number, date, month or name on one side
//! only, a sentence with no counterpart, a question answered by a statement.
//! [`crate::review::annotate`] turns findings into review flags, so they
//! reach every output format; [`report`] renders them for people and
//! machines.
//!
//! The left side is taken to be the translation and the right side its
//! source (as in `tralign align DE EN`), but every check looks both ways.

mod calendar;
mod language;
mod marks;
mod merged;
mod names;
mod numbers;
mod renderings;
pub mod report;
mod shape;
mod whitespace;

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;
use std::str::FromStr;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::anchors::{fold, tokenize, Token};
use crate::{Alignment, Bead, Document, Error, Lang};

/// The checks, in the order reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// Numbers and dates present on one side only, compared across locales.
    Numbers,
    /// Weekdays and months that differ.
    Calendar,
    /// Names of people, places and organisations on one side only.
    Names,
    /// A side identical to the other, or written in the wrong language.
    Untranslated,
    /// A sentence with no counterpart (a 1-0 or 0-1 bead).
    Omission,
    /// A length ratio far from the document's own.
    Length,
    /// A question or exclamation on one side, a statement on the other.
    Punctuation,
    /// Quotes or brackets left open or closed too often.
    Brackets,
    /// Doubled spaces, leading or trailing white space.
    Whitespace,
}

impl Check {
    /// Every check, in report order.
    pub const ALL: [Check; 9] = [
        Check::Numbers,
        Check::Calendar,
        Check::Names,
        Check::Untranslated,
        Check::Omission,
        Check::Length,
        Check::Punctuation,
        Check::Brackets,
        Check::Whitespace,
    ];

    /// The name used in reports, flags and `--ignore`.
    pub fn name(self) -> &'static str {
        match self {
            Check::Numbers => "numbers",
            Check::Calendar => "calendar",
            Check::Names => "names",
            Check::Untranslated => "untranslated",
            Check::Omission => "omission",
            Check::Length => "length",
            Check::Punctuation => "punctuation",
            Check::Brackets => "brackets",
            Check::Whitespace => "whitespace",
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Check {
    type Err = Error;

    fn from_str(s: &str) -> Result<Check, Error> {
        Check::ALL
            .into_iter()
            .find(|c| c.name() == s.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = Check::ALL.iter().map(|c| c.name()).collect();
                Error::Usage(format!(
                    "'{s}' is not a check; the checks are {}",
                    names.join(", ")
                ))
            })
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Almost surely a translation error.
    Error,
    /// Worth a look.
    Warning,
    /// Cosmetic.
    Info,
}

impl Severity {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl FromStr for Severity {
    type Err = Error;

    fn from_str(s: &str) -> Result<Severity, Error> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|v| v.name() == s.trim())
            .ok_or_else(|| {
                Error::Usage(format!(
                    "'{s}' is not a severity; the severities are error, warning, info"
                ))
            })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing a check found in one bead.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The check that found it.
    pub check: Check,
    /// How much it matters.
    pub severity: Severity,
    /// The 1-based row number, as in the review file.
    pub row: usize,
    /// The bead the row shows.
    pub bead: Bead,
    /// What was found, naming the side by its language code.
    pub message: String,
}

/// Which checks to run, and which findings to keep.
#[derive(Debug, Clone)]
pub struct Options {
    /// Checks to leave out.
    pub ignore: Vec<Check>,
    /// The least severity a finding must have to be kept: `Info` keeps all,
    /// `Error` only errors.
    pub min_severity: Severity,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            ignore: Vec::new(),
            min_severity: Severity::Info,
        }
    }
}

/// One side of a bead, as the checks see it.
pub(crate) struct Side<'a> {
    /// The document the side belongs to.
    pub doc: &'a Document,
    /// Its sentence indices.
    pub range: Range<usize>,
    /// The sentences joined by spaces.
    pub text: String,
    /// The words and numbers of the text.
    pub tokens: Vec<Token>,
    /// The words of the text, folded (lower case, no diacritics), shared
    /// with the neighbouring views.
    pub words: Rc<[String]>,
    /// The folded words of this side in the beads just before and after,
    /// the context a translation may carry a reference through.
    pub near: [Rc<[String]>; 2],
}

impl Side<'_> {
    /// The side's language.
    pub fn lang(&self) -> &Lang {
        &self.doc.lang
    }

    /// The language code, which messages use to name the side.
    pub fn code(&self) -> &str {
        &self.doc.lang.code
    }

    /// The words of the text, folded (lower case, no diacritics).
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The folded words of this side in the beads just before and after.
    pub fn near_words(&self) -> impl Iterator<Item = &String> {
        self.near.iter().flat_map(|w| w.iter())
    }
}

/// One bead with both sides prepared. A row's bead is usually one view; a
/// merged bead that hides an omission becomes two or more (see [`merged`]).
pub(crate) struct View<'a> {
    /// 1-based row number.
    pub row: usize,
    /// The bead, or the part of the row's bead that this view checks.
    pub bead: Bead,
    /// The left side (the translation).
    pub left: Side<'a>,
    /// The right side (the source).
    pub right: Side<'a>,
    /// For a sentence split off a merged bead, why.
    pub hidden: Option<merged::Hidden>,
}

impl<'a> View<'a> {
    /// A view of `bead` in row `row`, with no neighbours yet.
    pub fn new(row: usize, bead: Bead, left: &'a Document, right: &'a Document) -> View<'a> {
        View {
            row,
            left: side(left, &bead.left),
            right: side(right, &bead.right),
            bead,
            hidden: None,
        }
    }

    /// Whether both sides hold text; the comparing checks skip the others.
    pub fn is_paired(&self) -> bool {
        !self.bead.left.is_empty() && !self.bead.right.is_empty()
    }

    /// A finding about this bead.
    pub fn finding(&self, check: Check, severity: Severity, message: String) -> Finding {
        Finding {
            check,
            severity,
            row: self.row,
            bead: self.bead.clone(),
            message,
        }
    }
}

/// What the checks know about the whole document pair.
pub(crate) struct Context {
    /// The exonym lexicon of the pair, both directions.
    pub lexicon: names::Phrases,
    /// Names and words of the whole right document, for judging words of either side.
    pub right_names: names::DocNames,
    /// Names and words of the whole left document.
    pub left_names: names::DocNames,
    /// The typical length ratio of the pair, as a natural logarithm.
    pub log_ratio: f64,
    /// How far from it a bead's log ratio typically is (the median distance).
    pub log_spread: f64,
    /// How the pair treats questions and quotation marks: freely, as free
    /// translations of novels do, or row for row.
    pub style: marks::Style,
}

/// Runs the checks on every bead of an alignment, in row order.
pub fn check(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    options: &Options,
) -> Vec<Finding> {
    check_beads(left, right, &alignment.beads, options)
}

/// Runs the checks on beads that cover both documents in order, such as
/// those of review rows.
pub fn check_beads(
    left: &Document,
    right: &Document,
    beads: &[Bead],
    options: &Options,
) -> Vec<Finding> {
    check_in_stretches(left, right, beads, options, STRETCH)
}

/// [`check_beads`] with stretches of `stretch` beads.
fn check_in_stretches(
    left: &Document,
    right: &Document,
    beads: &[Bead],
    options: &Options,
    stretch: usize,
) -> Vec<Finding> {
    let (log_ratio, log_spread) = shape::typical_log_ratio(left, right, beads);
    let (right_names, left_names) = rayon::join(
        || names::DocNames::of_document(right),
        || names::DocNames::of_document(left),
    );
    let context = Context {
        lexicon: names::Phrases::of_pair(&left.lang, &right.lang),
        right_names,
        left_names,
        log_ratio,
        log_spread,
        style: marks::Style::of_pair(left, right, beads),
    };
    // The beads are checked in stretches, in parallel. Within a stretch,
    // views are made, split and checked as the beads go by, each with the
    // words of its neighbours, so that only a few are held at a time.
    let starts: Vec<usize> = (0..beads.len()).step_by(stretch).collect();
    let mut findings: Vec<Finding> = starts
        .into_par_iter()
        .flat_map_iter(|start| {
            let end = (start + stretch).min(beads.len());
            check_stretch(left, right, beads, start..end, &context, options)
        })
        .filter(|f| f.severity <= options.min_severity)
        .collect();
    // Row order, and within a row report order; the sort is stable, so the
    // views a row was split into keep their order.
    findings.sort_by_key(|f| (f.row, f.check));
    findings
}

/// Beads checked together; each stretch also reads two beads on either
/// side, which the checks of its first and last beads look at.
const STRETCH: usize = 4096;

/// The findings of the beads in `range`. The views of the two beads before
/// and after it are made too, for the neighbours of its first and last
/// beads and of the parts that their rows are split into; their own
/// findings belong to the stretches next door.
fn check_stretch(
    left: &Document,
    right: &Document,
    beads: &[Bead],
    range: Range<usize>,
    context: &Context,
    options: &Options,
) -> Vec<Finding> {
    let mut checker = Checker {
        context,
        options,
        parts: Neighbours::default(),
        findings: Vec::new(),
    };
    let mut rows = Neighbours::default();
    let read = range.start.saturating_sub(2)..(range.end + 2).min(beads.len());
    for k in read {
        if let Some(done) = rows.push(View::new(k + 1, beads[k].clone(), left, right)) {
            checker.row(done);
        }
    }
    if let Some(done) = rows.finish() {
        checker.row(done);
    }
    if let Some(done) = checker.parts.finish() {
        checker.part(&done);
    }
    let mut findings = checker.findings;
    findings.retain(|f| range.contains(&(f.row - 1)));
    findings
}

/// Runs the checks on views as they come.
struct Checker<'a, 'c> {
    context: &'c Context,
    options: &'c Options,
    /// The parts of rows (rows split by [`merged`]), waiting for neighbours.
    parts: Neighbours<'a>,
    findings: Vec<Finding>,
}

impl<'a> Checker<'a, '_> {
    fn run(&self, check: Check) -> bool {
        !self.options.ignore.contains(&check)
    }

    /// Checks a row: its white space, then the parts of it.
    fn row(&mut self, view: View<'a>) {
        // White space is a matter of each sentence, so of the rows as they are.
        if self.run(Check::Whitespace) {
            whitespace::check(&view, &mut self.findings);
        }
        let parts = if self.run(Check::Omission) {
            merged::split(view, self.context)
        } else {
            vec![view]
        };
        for part in parts {
            if let Some(done) = self.parts.push(part) {
                self.part(&done);
            }
        }
    }

    /// Runs the checks on one part of a row (usually the whole row).
    fn part(&mut self, view: &View) {
        let (context, out) = (self.context, &mut self.findings);
        let run = |c: Check| !self.options.ignore.contains(&c);
        if run(Check::Omission) {
            shape::omission(view, out);
        }
        if !view.is_paired() {
            return;
        }
        if run(Check::Numbers) {
            numbers::check(view, out);
        }
        if run(Check::Calendar) {
            calendar::check(view, out);
        }
        if run(Check::Names) {
            names::check(view, context, out);
        }
        if run(Check::Untranslated) {
            language::check(view, out);
        }
        if run(Check::Length) {
            shape::length(view, context, out);
        }
        if run(Check::Punctuation) {
            marks::punctuation(view, &context.style, out);
        }
        if run(Check::Brackets) {
            marks::brackets(view, &context.style, out);
        }
    }
}

/// Words of a view's two sides.
type Words = (Rc<[String]>, Rc<[String]>);

/// Fills in the words each side has in the neighbouring views, for views
/// that come one at a time: [`Neighbours::push`] hands back the view before
/// the one pushed, now that both its neighbours are known.
#[derive(Default)]
struct Neighbours<'a> {
    /// The view waiting for its successor.
    waiting: Option<View<'a>>,
    /// The words of the view before the waiting one.
    before: Words,
}

impl<'a> Neighbours<'a> {
    /// Takes the next view; returns the one before it, complete.
    fn push(&mut self, view: View<'a>) -> Option<View<'a>> {
        let after = (view.left.words.clone(), view.right.words.clone());
        let done = self.complete(after);
        self.waiting = Some(view);
        done
    }

    /// Returns the last view, complete.
    fn finish(&mut self) -> Option<View<'a>> {
        self.complete(Words::default())
    }

    fn complete(&mut self, after: Words) -> Option<View<'a>> {
        let mut view = self.waiting.take()?;
        let own = (view.left.words.clone(), view.right.words.clone());
        let before = std::mem::replace(&mut self.before, own);
        view.left.near = [before.0, after.0];
        view.right.near = [before.1, after.1];
        Some(view)
    }
}

fn side<'a>(doc: &'a Document, range: &Range<usize>) -> Side<'a> {
    let text = doc.sentences[range.clone()]
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let tokens = tokenize(&text, &doc.lang);
    let words = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } => Some(fold(text)),
            _ => None,
        })
        .collect::<Vec<String>>();
    Side {
        doc,
        range: range.clone(),
        tokens,
        words: words.into(),
        text,
        near: Default::default(),
    }
}

/// What one side of a bead holds of one kind of content (numbers, names,
/// months and weekdays), as written, and which of it the other side lacks.
#[derive(Debug, Default)]
pub(crate) struct Content {
    /// Every item of the side, each once.
    pub all: Vec<String>,
    /// The items the other side has no counterpart for.
    pub missing: Vec<String>,
}

/// The message of a comparing check: what each side has that the other
/// lacks, or `None` if neither lacks anything.
pub(crate) fn one_sided(
    view: &View,
    left_only: &[String],
    right_only: &[String],
) -> Option<String> {
    let (lc, rc) = (view.left.code(), view.right.code());
    match (left_only.is_empty(), right_only.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("{} in {lc} only", left_only.join(", "))),
        (true, false) => Some(format!("{} in {rc} only", right_only.join(", "))),
        (false, false) => Some(format!(
            "{lc} has {}, {rc} has {}",
            left_only.join(", "),
            right_only.join(", ")
        )),
    }
}

/// Reads a data file of one entry a line, skipping blanks and `#` comments.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word list of the checks, read once: each entry, with the value after
/// `=` for lists of the form `word=value` (number words).
#[derive(Debug, Default)]
pub(crate) struct WordList {
    entries: HashMap<&'static str, &'static str>,
}

impl WordList {
    fn parse(text: &'static str) -> WordList {
        let mut entries = HashMap::default();
        for line in data_lines(text) {
            if let Some((word, value)) = line.split_once('=') {
                entries.insert(word, value);
            } else {
                // Lists of plain words may hold several a line.
                for word in line.split_whitespace() {
                    entries.insert(word, "");
                }
            }
        }
        WordList { entries }
    }

    /// Whether `word` is listed.
    pub fn contains(&self, word: &str) -> bool {
        self.entries.contains_key(word)
    }

    /// The value listed for `word`, as in `drei=3`.
    pub fn value(&self, word: &str) -> Option<&'static str> {
        self.entries.get(word).copied()
    }

    /// The listed words.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }
}

/// The word list `name` of language `code`, empty if there is none.
pub(crate) fn word_list(code: &str, name: &str) -> &'static WordList {
    static LISTS: OnceLock<Vec<(&str, &str, WordList)>> = OnceLock::new();
    static EMPTY: OnceLock<WordList> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            LANG_DATA
                .iter()
                .map(|&(c, n, text)| (c, n, WordList::parse(text)))
                .collect()
        })
        .iter()
        .find(|e| e.0 == code && e.1 == name)
        .map_or_else(|| EMPTY.get_or_init(WordList::default), |e| &e.2)
}

/// Per-language word lists of the checks: code, list name, text.
const LANG_DATA: &[(&str, &str, &str)] = &[
    (
        "de",
        "stopwords",
        include_str!("../../data/qa/lang/de/stopwords.txt"),
    ),
    (
        "en",
        "stopwords",
        include_str!("../../data/qa/lang/en/stopwords.txt"),
    ),
    (
        "fr",
        "stopwords",
        include_str!("../../data/qa/lang/fr/stopwords.txt"),
    ),
    (
        "de",
        "number-words",
        include_str!("../../data/qa/lang/de/number-words.txt"),
    ),
    (
        "en",
        "number-words",
        include_str!("../../data/qa/lang/en/number-words.txt"),
    ),
    (
        "fr",
        "number-words",
        include_str!("../../data/qa/lang/fr/number-words.txt"),
    ),
    (
        "de",
        "day-parts",
        include_str!("../../data/qa/lang/de/day-parts.txt"),
    ),
    (
        "en",
        "not-names",
        include_str!("../../data/qa/lang/en/not-names.txt"),
    ),
    (
        "fr",
        "not-names",
        include_str!("../../data/qa/lang/fr/not-names.txt"),
    ),
    (
        "de",
        "not-names",
        include_str!("../../data/qa/lang/de/not-names.txt"),
    ),
    (
        "en",
        "common-words",
        include_str!("../../data/qa/lang/en/common-words.txt"),
    ),
    (
        "fr",
        "common-words",
        include_str!("../../data/qa/lang/fr/common-words.txt"),
    ),
];

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// Two documents of one sentence a line.
    pub fn docs(left: &str, right: &str) -> (Document, Document) {
        let doc = |text: &str, code: &str| {
            Document::from_text(code, text, Lang::new(code).unwrap(), true)
        };
        (doc(left, "de"), doc(right, "en"))
    }

    /// The findings of one check on beads given as sentence ranges.
    pub fn aligned(
        check: Check,
        left: &str,
        right: &str,
        beads: &[(Range<usize>, Range<usize>)],
    ) -> Vec<Finding> {
        let (l, r) = docs(left, right);
        let beads: Vec<Bead> = beads
            .iter()
            .map(|(a, b)| Bead {
                left: a.clone(),
                right: b.clone(),
            })
            .collect();
        let options = Options {
            ignore: Check::ALL.into_iter().filter(|&c| c != check).collect(),
            ..Options::default()
        };
        check_beads(&l, &r, &beads, &options)
    }

    /// The findings of one check on one bead that takes all of both texts.
    pub fn findings(check: Check, left: &str, right: &str) -> Vec<Finding> {
        let (l, r) = docs(left, right);
        let bead = (0..l.sentences.len(), 0..r.sentences.len());
        aligned(check, left, right, &[bead])
    }

    /// The messages of [`findings`].
    pub fn messages(check: Check, left: &str, right: &str) -> Vec<String> {
        findings(check, left, right)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_find_what_one_pass_finds() {
        // Rows merged and split across stretch borders, names carried by
        // neighbours, an omission: stretches of one to four beads must
        // find exactly what one stretch finds.
        let de = "Die Ministerin besuchte am Dienstag das Werk.\nSie lobte die Arbeit.\n\
            Am Abend reiste sie nach Hamburg.\nDort traf sie Lindner.\nEr kam 2023.\nSie ging.";
        let en = "The minister visited the plant on Tuesday.\nShe praised the work.\n\
            The plant, built by Norrland Steel for 420 million euros, opened in 2021.\n\
            In the evening she travelled on to Hamburg.\nThere she met Herbert Lindner.\n\
            He came in 2024.\nShe left.";
        let (l, r) = tests_support::docs(de, en);
        let beads: Vec<Bead> = [
            (0..1, 0..1),
            (1..2, 1..3),
            (2..3, 3..4),
            (3..4, 4..5),
            (4..5, 5..6),
            (5..6, 6..7),
        ]
        .into_iter()
        .map(|(left, right)| Bead { left, right })
        .collect();
        let whole = check_in_stretches(&l, &r, &beads, &Options::default(), 100);
        assert!(whole.len() >= 3, "{whole:#?}");
        for stretch in 1..=4 {
            let parts = check_in_stretches(&l, &r, &beads, &Options::default(), stretch);
            assert_eq!(parts, whole, "stretches of {stretch}");
        }
    }

    #[test]
    fn check_names_round_trip() {
        for c in Check::ALL {
            assert_eq!(c.name().parse::<Check>().unwrap(), c);
        }
        let err = "spelling".parse::<Check>().unwrap_err().to_string();
        assert!(err.contains("numbers, calendar"), "{err}");
    }
}
