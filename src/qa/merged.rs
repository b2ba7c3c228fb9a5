//! Omissions hidden in merged beads.
//!
//! The aligner pays less for merging a sentence into its neighbour's bead
//! (1-2, 2-1, 1-3, ...) than for leaving it without a counterpart whenever
//! the lengths allow it, and teaching its cost model about content found on
//! one side only cost more alignment accuracy (1.5 points of strict F1 on
//! Text+Berg) than it gained. So the QA looks again: a sentence at either
//! end of a side of two or more sentences is split off its bead when
//!
//! - it holds at least [`MIN_ITEMS`] numbers (a date counts as its day and
//!   year), months, weekdays and names, as the numbers, calendar and names
//!   checks read them;
//! - none of them is on the other side of the bead, nor in the sentence just
//!   before or after it there (content found there belongs to a bead the
//!   aligner got wrong, not to an omission; names are also looked for in the
//!   neighbouring beads, as the names check does);
//! - the rest of its side accounts for the other side: it shares some of
//!   its numbers and names, or has none to compare (when both parts hold
//!   content the other side lacks, nothing says which one was left out);
//! - the rest of the bead is not further from the document's length ratio
//!   than the whole bead by more than the document's typical spread (the
//!   median distance of its beads from that ratio).
//!
//! In: the view of a row. Out: the same view, or if its bead is such a
//! bead, the rest of it and a view of the sentence alone with an empty
//! other side and [`Hidden`] set; the omission check reports that one, as a
//! warning, and the other checks see only the rest. A correct merge fails
//! the test: its sentences share their numbers and names with the other
//! side, or the other side needs them all to fit its length.

use std::ops::Range;

use super::{calendar, names, numbers, shape, Content, Context, Side, View};
use crate::anchors::{fold, tokenize, Token};
use crate::{Bead, Document};

/// A sentence needs this many numbers, months, weekdays and names before
/// their absence says that it has no counterpart: one alone is too often
/// left out or paraphrased by a correct translation.
const MIN_ITEMS: usize = 2;

/// Why a sentence was split off its bead.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hidden {
    /// The other side's sentences in the row.
    pub partner: Range<usize>,
    /// What the sentence holds and the partner lacks.
    pub items: Vec<String>,
}

/// Splits the sentences without counterpart off a merged view: the view
/// itself, or its parts in order.
pub(super) fn split<'a>(view: View<'a>, context: &Context) -> Vec<View<'a>> {
    let mut out = Vec::with_capacity(1);
    split_view(view, context, &mut out);
    out
}

/// Pushes `view`, or its rest and the sentence split off it, in order; the
/// rest is tried again, since a 1-3 bead may hide two sentences.
fn split_view<'a>(view: View<'a>, context: &Context, out: &mut Vec<View<'a>>) {
    let Some(cut) = best_cut(&view, context) else {
        out.push(view);
        return;
    };
    let (left_doc, right_doc) = (view.left.doc, view.right.doc);
    let mut alone = View::new(view.row, cut.alone, left_doc, right_doc);
    alone.hidden = Some(cut.hidden);
    let rest = View::new(view.row, cut.rest, left_doc, right_doc);
    if cut.first {
        out.push(alone);
        split_view(rest, context, out);
    } else {
        split_view(rest, context, out);
        out.push(alone);
    }
}

/// A way to split a bead.
struct Cut {
    /// The sentence with no counterpart, the other side empty.
    alone: Bead,
    /// The rest of the bead.
    rest: Bead,
    /// Whether the sentence comes first.
    first: bool,
    hidden: Hidden,
    /// How much closer to the document's ratio the rest is than the whole
    /// (negative: further).
    gain: f64,
}

/// The best way to split a sentence off `view`, if there is one.
fn best_cut(view: &View, context: &Context) -> Option<Cut> {
    if !view.is_paired() {
        return None;
    }
    let whole = shape::off(shape::chars(&view.left), shape::chars(&view.right), context);
    let mut best: Option<Cut> = None;
    for left in [true, false] {
        let (mine, theirs) = if left {
            (&view.left, &view.right)
        } else {
            (&view.right, &view.left)
        };
        let range = &mine.range;
        if range.len() < 2 {
            continue;
        }
        // The other side with a sentence more on either end: content found
        // there belongs to a neighbouring bead that the aligner got wrong,
        // and is no omission.
        let around = theirs.range.start.saturating_sub(1)
            ..(theirs.range.end + 1).min(theirs.doc.sentences.len());
        let mut wide: Option<Side> = None;
        for first in [true, false] {
            let (one, rest) = if first {
                (range.start..range.start + 1, range.start + 1..range.end)
            } else {
                (range.end - 1..range.end, range.start..range.end - 1)
            };
            if !may_hold_items(mine.doc, one.start) {
                continue;
            }
            let alone = super::side(mine.doc, &one);
            let wide = wide.get_or_insert_with(|| {
                let mut wide = super::side(theirs.doc, &around);
                wide.near = theirs.near.clone();
                wide
            });
            let Some(items) = unmatched(&alone, wide, context, left) else {
                continue;
            };
            let rest_side = super::side(mine.doc, &rest);
            if !accounts_for(&rest_side, wide, context, left) {
                continue;
            }
            let split = if left {
                shape::off(shape::chars(&rest_side), shape::chars(theirs), context)
            } else {
                shape::off(shape::chars(theirs), shape::chars(&rest_side), context)
            };
            let gain = whole - split;
            if gain < -context.log_spread || best.as_ref().is_some_and(|b| b.gain >= gain) {
                continue;
            }
            let empty = if first {
                theirs.range.start..theirs.range.start
            } else {
                theirs.range.end..theirs.range.end
            };
            let (alone, rest) = if left {
                (bead(one, empty), bead(rest, theirs.range.clone()))
            } else {
                (bead(empty, one), bead(theirs.range.clone(), rest))
            };
            best = Some(Cut {
                alone,
                rest,
                first,
                hidden: Hidden {
                    partner: theirs.range.clone(),
                    items,
                },
                gain,
            });
        }
    }
    best
}

/// Whether the rest of a side shares something with the other side, or
/// holds nothing to compare: if it has numbers or names and the other side
/// has none of them either, nothing says which sentence has no counterpart.
fn accounts_for(rest: &Side, theirs: &Side, context: &Context, left: bool) -> bool {
    let contents = contents(rest, theirs, context, left);
    let all: usize = contents.iter().map(|c| c.all.len()).sum();
    let missing: usize = contents.iter().map(|c| c.missing.len()).sum();
    all == 0 || missing < all
}

/// The numbers, months and weekdays, and names of `mine`, compared with `theirs`.
fn contents(mine: &Side, theirs: &Side, context: &Context, left: bool) -> [Content; 3] {
    [
        numbers::content(mine, theirs),
        calendar::content(mine, theirs),
        names::content(mine, theirs, context, left),
    ]
}

/// Whether sentence `k` may hold [`MIN_ITEMS`] numbers, months, weekdays
/// and names: a quick count of its numbers (a date counts twice, for its
/// day and year), capitalised words and calendar words, which the items
/// are among, so that most sentences need no closer look.
fn may_hold_items(doc: &Document, k: usize) -> bool {
    let lang = &doc.lang;
    let text = &doc.sentences[k].text;
    let mut count = text
        .chars()
        .filter(|c| names::is_currency_symbol(*c))
        .count();
    for token in tokenize(text, lang) {
        count += match token {
            Token::Number(_) => 1,
            Token::Date(..) => 2,
            Token::Word { text, .. } => {
                let lower = text.to_lowercase();
                usize::from(
                    text.chars().next().is_some_and(char::is_uppercase)
                        || lang.months.contains_key(&lower)
                        || lang.weekdays.contains_key(&lower)
                        || names::is_currency(&fold(&text))
                        || text.chars().any(|c| c.is_ascii_digit()),
                )
            }
        };
        if count >= MIN_ITEMS {
            return true;
        }
    }
    false
}

fn bead(left: Range<usize>, right: Range<usize>) -> Bead {
    Bead { left, right }
}

/// The numbers, months, weekdays and names of `alone`, if there are at
/// least [`MIN_ITEMS`] and `theirs` has none of them (counting each as
/// often as it occurs).
fn unmatched(alone: &Side, theirs: &Side, context: &Context, left: bool) -> Option<Vec<String>> {
    let mut items = Vec::new();
    for content in contents(alone, theirs, context, left) {
        if content.missing.len() < content.all.len() {
            return None;
        }
        items.extend(content.all);
    }
    (items.len() >= MIN_ITEMS).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{aligned, docs};
    use super::super::{check_beads, Check, Finding, Options, Severity};
    use super::*;

    const DE: &str = "Die Ministerin besuchte am Dienstag das neue Werk.\n\
        Sie lobte die Arbeit der Belegschaft.\n\
        Am Abend reiste sie weiter nach Hamburg.";
    const EN: &str = "The minister visited the new plant on Tuesday.\n\
        She praised the work of the staff.\n\
        The plant, built by Norrland Steel for 420 million euros, opened in 2021.\n\
        In the evening she travelled on to Hamburg.";

    fn beads(list: &[(Range<usize>, Range<usize>)]) -> Vec<Bead> {
        list.iter()
            .map(|(l, r)| bead(l.clone(), r.clone()))
            .collect()
    }

    #[test]
    fn a_sentence_merged_into_its_neighbours_bead_is_an_omission() {
        let rows = [(0..1, 0..1), (1..2, 1..3), (2..3, 3..4)];
        let f = aligned(Check::Omission, DE, EN, &rows);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].row, f[0].severity), (2, Severity::Warning));
        assert_eq!(f[0].bead, bead(2..2, 2..3));
        assert_eq!(
            f[0].message,
            "en sentence 3 has no counterpart in de: the aligner put it in one row \
             with de 2, which has none of its 2021, 420, euros, Norrland"
        );
    }

    #[test]
    fn the_other_checks_see_the_rest_of_the_bead() {
        let (l, r) = docs(DE, EN);
        let rows = beads(&[(0..1, 0..1), (1..2, 1..3), (2..3, 3..4)]);
        let f = check_beads(&l, &r, &rows, &Options::default());
        let checks: Vec<Check> = f.iter().map(|f| f.check).collect();
        assert_eq!(checks, [Check::Omission], "{f:#?}");
        let without = Options {
            ignore: vec![Check::Omission],
            ..Options::default()
        };
        let f = check_beads(&l, &r, &rows, &without);
        let checks: Vec<Check> = f.iter().map(|f| f.check).collect();
        assert_eq!(
            checks,
            [Check::Numbers, Check::Names, Check::Length],
            "{f:#?}"
        );
    }

    #[test]
    fn an_added_sentence_on_the_left_is_found_too() {
        // German capitalises nouns, so its names count only where the English
        // document names them too; here the numbers tell.
        let de = "Er kam am Montag.\nDas Werk wurde 2019 für 35 Millionen Euro gebaut.\nEr blieb zwei Tage.";
        let en = "He came on Monday.\nHe stayed two days.";
        let f = aligned(Check::Omission, de, en, &[(0..2, 0..1), (2..3, 1..2)]);
        let m: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(m.len(), 1, "{f:#?}");
        assert!(
            m[0].starts_with("de sentence 2 has no counterpart in en"),
            "{m:?}"
        );
    }

    #[test]
    fn a_correct_merge_is_left_alone() {
        // One German sentence renders two English ones, numbers and all.
        let de = "Das Werk kostete 420 Millionen Euro und wurde 2021 von Norrland Steel eröffnet, heute arbeiten dort 900 Menschen.";
        let en = "The plant cost 420 million euros and was opened by Norrland Steel in 2021.\nToday 900 people work there.";
        let f = aligned(Check::Omission, de, en, &[(0..1, 0..2)]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn content_found_next_door_is_no_omission() {
        // The aligner put the sentence in the wrong row; its content is in
        // the next German sentence, so nothing is missing.
        let de = "Sie lobte die Belegschaft.\nDas Werk kostete 2021 rund 420 Millionen Euro.\nDann ging sie.";
        let en = "She praised the staff.\nIn 2021 the plant cost about 420 million euros.\nThen she left.";
        let f = aligned(Check::Omission, de, en, &[(0..1, 0..2), (1..3, 2..3)]);
        assert!(f.is_empty(), "{f:#?}");
    }

    /// Three rows of 1-1 beads before the bead under test, so that the
    /// document has a length ratio (close to 1) and a spread.
    const CONTEXT_DE: &str = "Der Ausflug begann früh am Morgen.\n\
        Alle Kinder waren pünktlich.\n\
        Das Wetter blieb den ganzen Tag gut.\n";
    const CONTEXT_EN: &str = "The outing began early in the morning.\n\
        All the children were on time.\n\
        The weather stayed fine all day.\n";

    fn after_context(de: &str, en: &str, last: Range<usize>) -> Vec<Finding> {
        let (de, en) = (format!("{CONTEXT_DE}{de}"), format!("{CONTEXT_EN}{en}"));
        let rows = [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, last)];
        aligned(Check::Omission, &de, &en, &rows)
    }

    #[test]
    fn no_split_when_the_whole_bead_fits_its_length_much_better() {
        // White House is rendered by meaning, so its names look unmatched;
        // but the German sentence is as long as both English ones together.
        let f = after_context(
            "Die Gespräche dauerten bis spät in die Nacht, und das Weiße Haus wollte sich dazu nicht äußern.",
            "The talks went on until late at night.\nThe White House declined to comment on them.",
            3..5,
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn no_split_when_neither_part_matches_the_other_side() {
        // Both English sentences name what the German does not: nothing
        // says which of them has no counterpart.
        let f = after_context(
            "Die Schulleiterin hat unterschrieben.",
            "The letter was signed by Dr. Miriam Keller.\nHead of Lindholm Academy",
            3..5,
        );
        assert!(f.is_empty(), "{f:#?}");
    }
}
