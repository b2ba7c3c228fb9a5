//! Review: what a reviewer should know about each bead.
//!
//! In: two [`Document`]s and their [`Alignment`]. Out: one [`Row`] per bead
//! with the texts, a confidence (the bead's posterior probability), the
//! anchors that matched and [`Flag`]s that point at what to check first.

use std::collections::BTreeSet;
use std::fmt;

use crate::anchors::KeyLists;
use crate::{Alignment, Bead, Document};

/// Below this confidence a bead is flagged `low-confidence`.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Something a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flag {
    /// One side of the bead is empty: an omission or an addition.
    Unaligned,
    /// The aligner is not sure of this bead.
    LowConfidence,
    /// A finding of a QA check ([`crate::qa`]).
    Qa {
        /// The check's name, such as `numbers`.
        check: String,
        /// What it found.
        detail: String,
    },
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Unaligned => f.write_str("unaligned"),
            Flag::LowConfidence => f.write_str("low-confidence"),
            Flag::Qa { check, detail } => write!(f, "{check}: {detail}"),
        }
    }
}

/// One reviewed bead: what a row of the review file shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row number.
    pub id: usize,
    /// The sentences of both sides.
    pub bead: Bead,
    /// The left sentences joined by spaces.
    pub left_text: String,
    /// The right sentences joined by spaces.
    pub right_text: String,
    /// The probability that the bead is right, 0 to 1.
    pub confidence: f64,
    /// Labels of the anchors both sides share.
    pub anchors: Vec<String>,
    /// What to check.
    pub flags: Vec<Flag>,
}

/// Builds the review rows of an alignment, with the findings of the QA
/// checks among their flags.
pub fn review(left: &Document, right: &Document, alignment: &Alignment) -> Vec<Row> {
    let mut rows = rows(left, right, alignment);
    let findings = crate::qa::check(left, right, alignment, &crate::qa::Options::default());
    crate::qa::annotate(&mut rows, &findings);
    rows
}

fn rows(left: &Document, right: &Document, alignment: &Alignment) -> Vec<Row> {
    let f = &alignment.features;
    alignment
        .beads
        .iter()
        .zip(&alignment.posteriors)
        .enumerate()
        .map(|(k, (bead, &p))| {
            let join = |doc: &Document, r: &std::ops::Range<usize>| {
                doc.sentences[r.clone()]
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let keys = |lists: &KeyLists, r: &std::ops::Range<usize>| -> BTreeSet<u32> {
                lists.lists(r.clone()).flatten().copied().collect()
            };
            let lk = keys(&f.left_keys, &bead.left);
            let rk = keys(&f.right_keys, &bead.right);
            let right_text = join(right, &bead.right);
            let mut anchors: Vec<String> = Vec::new();
            for &key in lk.intersection(&rk) {
                let label = &f.labels[key as usize];
                if !anchors.contains(label) {
                    anchors.push(label.clone());
                }
            }
            // In reading order of the right side; labels it does not spell
            // out (a month of a digit date) last.
            let at = |a: &str| right_text.find(a).unwrap_or(usize::MAX);
            anchors.sort_by(|a, b| at(a).cmp(&at(b)).then_with(|| a.cmp(b)));
            let mut flags = Vec::new();
            if bead.left.is_empty() || bead.right.is_empty() {
                flags.push(Flag::Unaligned);
            }
            if p < LOW_CONFIDENCE {
                flags.push(Flag::LowConfidence);
            }
            // Numbers, names, dates and the rest are the QA checks' flags
            // (see `crate::qa`), added below.
            Row {
                id: k + 1,
                bead: bead.clone(),
                left_text: join(left, &bead.left),
                right_text,
                confidence: p,
                anchors,
                flags,
            }
        })
        .collect()
}
