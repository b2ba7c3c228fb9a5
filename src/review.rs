//! Review: what a reviewer should know about each bead.
//!
//! In: two [`Document`]s and their [`Alignment`]. Out: one [`Row`] per bead
//! with the texts, a confidence (the bead's posterior probability), the
//! anchors that matched and [`Flag`]s that point at what to check first.

use std::collections::BTreeSet;
use std::fmt;

use crate::anchors::KeyLists;
use crate::qa::{Check, Finding, Severity};
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
        /// The check that found it.
        check: Check,
        /// How much it matters.
        severity: Severity,
        /// What it found, in one line without `; ` (which joins flags).
        detail: String,
    },
}

impl Flag {
    /// The flag's kind: `unaligned`, `low-confidence` or the check's name.
    pub fn kind(&self) -> &'static str {
        match self {
            Flag::Unaligned => "unaligned",
            Flag::LowConfidence => "low-confidence",
            Flag::Qa { check, .. } => check.name(),
        }
    }

    /// The severity of a QA finding; `None` for the aligner's own flags.
    pub fn severity(&self) -> Option<Severity> {
        match self {
            Flag::Qa { severity, .. } => Some(*severity),
            _ => None,
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Qa {
                check,
                severity,
                detail,
            } => write!(f, "{check} ({severity}): {detail}"),
            _ => f.write_str(self.kind()),
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
/// checks that `options` asks for among their flags.
pub fn review(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    options: &crate::qa::Options,
) -> Vec<Row> {
    let mut rows = {
        let _rows = crate::timing::phase("  rows");
        rows(left, right, alignment)
    };
    let findings = {
        let _qa = crate::timing::phase("  qa");
        crate::qa::check(left, right, alignment, options)
    };
    annotate(&mut rows, &findings);
    rows
}

/// Adds findings to the rows they are about as [`Flag::Qa`] flags. The
/// omission of a whole row is left out, as the row already carries
/// [`Flag::Unaligned`]; that of a sentence inside a merged row is kept.
/// `rows` are in the order of their ids, as [`review`] makes them (some
/// may be missing); a finding about a missing row is dropped.
pub fn annotate(rows: &mut [Row], findings: &[Finding]) {
    for f in findings {
        let Ok(k) = rows.binary_search_by_key(&f.row, |r| r.id) else {
            continue;
        };
        let row = &mut rows[k];
        if f.check == Check::Omission && row.flags.contains(&Flag::Unaligned) {
            continue;
        }
        row.flags.push(Flag::Qa {
            check: f.check,
            severity: f.severity,
            detail: f.message.clone(),
        });
    }
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
