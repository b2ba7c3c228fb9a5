//! Evaluation: how close an alignment is to a gold one.
//!
//! In: pairs of (gold, hypothesis) bead lists. Out: strict and lax
//! precision, recall and F1, pooled over all pairs, as the Text+Berg and
//! vecalign evaluations define them. Strict: a bead counts only if the other
//! list has exactly the same bead. Lax: it also counts if it overlaps a bead
//! of the other list on both sides. Beads with an empty side count in
//! precision only.

use std::collections::HashSet;

use crate::write::ladder::Link;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Share of hypothesis beads that are right.
    pub precision: f64,
    /// Share of gold beads that were found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Strict and lax scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Exact matches only.
    pub strict: Prf,
    /// Overlaps count too.
    pub lax: Prf,
}

/// Counts of right and wrong beads: (strict right, strict wrong, lax right, lax wrong).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts([usize; 4]);

fn count(reference: &[Link], candidates: &[&Link]) -> Counts {
    let exact: HashSet<&Link> = reference.iter().collect();
    let mut c = [0; 4];
    for bead in candidates {
        if bead.left.is_empty() && bead.right.is_empty() {
            continue;
        }
        if exact.contains(bead) {
            c[0] += 1;
            c[2] += 1;
            continue;
        }
        c[1] += 1;
        let overlaps = |r: &[usize], s: &[usize]| r.iter().any(|x| s.contains(x));
        if reference
            .iter()
            .any(|g| overlaps(&g.left, &bead.left) && overlaps(&g.right, &bead.right))
        {
            c[2] += 1;
        } else {
            c[3] += 1;
        }
    }
    Counts(c)
}

/// Scores hypotheses against gold alignments, pooled over all pairs.
pub fn score(pairs: &[(Vec<Link>, Vec<Link>)]) -> Scores {
    let mut p = [0usize; 4];
    let mut r = [0usize; 4];
    for (gold, hyp) in pairs {
        let hyp_all: Vec<&Link> = hyp.iter().collect();
        let gold_full: Vec<&Link> = gold
            .iter()
            .filter(|b| !b.left.is_empty() && !b.right.is_empty())
            .collect();
        let pc = count(gold, &hyp_all).0;
        let rc = count(hyp, &gold_full).0;
        for k in 0..4 {
            p[k] += pc[k];
            r[k] += rc[k];
        }
    }
    let prf = |tp_p: usize, fp_p: usize, tp_r: usize, fn_r: usize| {
        let ratio = |a: usize, b: usize| {
            if a + b == 0 {
                0.0
            } else {
                a as f64 / (a + b) as f64
            }
        };
        let precision = ratio(tp_p, fp_p);
        let recall = ratio(tp_r, fn_r);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    };
    Scores {
        strict: prf(p[0], p[1], r[0], r[1]),
        lax: prf(p[2], p[3], r[2], r[3]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::ladder::parse_ladder;

    #[test]
    fn gold_against_itself_is_perfect() {
        let gold = parse_ladder("g", "[0]:[0]\n[1]:[1, 2]\n[]:[3]\n").unwrap();
        let s = score(&[(gold.clone(), gold)]);
        assert_eq!(s.strict.f1, 1.0);
        assert_eq!(s.lax.f1, 1.0);
    }

    #[test]
    fn hand_made_wrong_alignment_gives_hand_worked_figures() {
        // Gold: 0-0, 1-(1,2), []-3, 2-4.
        let gold = parse_ladder("g", "[0]:[0]\n[1]:[1, 2]\n[]:[3]\n[2]:[4]\n").unwrap();
        // Hypothesis: 0-0 right; 1-1 and []-2 split the 1-2 bead; 2-(3,4) swallows the addition.
        let hyp = parse_ladder("h", "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3, 4]\n").unwrap();
        let s = score(&[(gold, hyp)]);
        // Precision over 4 hypothesis beads: strict 1 right; lax: 1-1 overlaps
        // the gold 1-2, 2-(3,4) overlaps gold 2-4, []-2 overlaps nothing: 3 right.
        // Recall over the 3 gold beads with both sides: strict 1; lax 3.
        assert_eq!(s.strict.precision, 0.25);
        assert!((s.strict.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.strict.f1 - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-12);
        assert_eq!(s.lax.precision, 0.75);
        assert_eq!(s.lax.recall, 1.0);
    }
}
