//! Pairing documents: which document of one collection renders which of the
//! other, found by content, before any sentence is aligned.
//!
//! In: the [`Document`]s of both sides and a [`Lexicon`]. Out: [`Pairing`]s,
//! each left and right document in at most one, with a score from 0 to 1.
//!
//! Every document gets the anchor keys of its sentences (numbers, dates,
//! names, cognates, lexicon words, as [`Features`] finds them over the whole
//! collection, so keys that many sentences share weigh little). Two
//! documents score the cosine of their weighted key sets, times the square
//! root of the ratio of their lengths (after scaling by the collection's
//! overall length ratio). The pairing that maximises the summed score is
//! solved exactly as an assignment problem (the Hungarian algorithm, cubic
//! in the number of documents); pairs scoring below a threshold are dropped,
//! so a document without a counterpart stays unpaired rather than taking
//! the least bad one.

use crate::align::runs::merged_weight;
use crate::anchors::{Features, KeyLists};
use crate::{Document, Lexicon, Sentence};

/// A left document, the right document it is paired with, and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    /// Index of the left document.
    pub left: usize,
    /// Index of the right document.
    pub right: usize,
    /// How well the two match, 0 to 1.
    pub score: f64,
}

/// The score of every left document against every right one, row by row.
pub fn scores(left: &[Document], right: &[Document], lexicon: &Lexicon) -> Vec<Vec<f64>> {
    let (Some(first_left), Some(first_right)) = (left.first(), right.first()) else {
        return vec![Vec::new(); left.len()];
    };
    let flatten = |docs: &[Document]| -> (Vec<Sentence>, Vec<usize>) {
        let owners = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| std::iter::repeat_n(d, doc.sentences.len()))
            .collect();
        (
            docs.iter().flat_map(|d| d.sentences.clone()).collect(),
            owners,
        )
    };
    let (left_sentences, left_owner) = flatten(left);
    let (right_sentences, right_owner) = flatten(right);
    let f = Features::extract(
        &left_sentences,
        &first_left.lang,
        &right_sentences,
        &first_right.lang,
        lexicon,
        &Lexicon::default(),
    );
    let gather = |keys: &KeyLists, chars: &[usize], owner: &[usize], docs: usize| {
        let mut per_doc = vec![(Vec::new(), 0usize); docs];
        for ((k, &c), &d) in keys.iter().zip(chars).zip(owner) {
            per_doc[d].0.extend_from_slice(k);
            per_doc[d].1 += c;
        }
        for (k, _) in &mut per_doc {
            k.sort_unstable();
            k.dedup();
        }
        per_doc
    };
    let lefts = gather(&f.left_keys, &f.left_chars, &left_owner, left.len());
    let rights = gather(&f.right_keys, &f.right_chars, &right_owner, right.len());
    let total = |docs: &[(Vec<u32>, usize)]| docs.iter().map(|d| d.1).sum::<usize>().max(1) as f64;
    let ratio = total(&rights) / total(&lefts);
    let mass = |keys: &[u32]| keys.iter().map(|&k| f.weights[k as usize]).sum::<f64>();
    lefts
        .iter()
        .map(|(lk, lc)| {
            rights
                .iter()
                .map(|(rk, rc)| {
                    let norm = (mass(lk) * mass(rk)).sqrt();
                    if norm == 0.0 {
                        return 0.0;
                    }
                    let shared = merged_weight(lk, rk, &f.weights) / norm;
                    let (a, b) = (*lc as f64 * ratio, *rc as f64);
                    let lengths = if a.max(b) == 0.0 {
                        1.0
                    } else {
                        a.min(b) / a.max(b)
                    };
                    shared * lengths.sqrt()
                })
                .collect()
        })
        .collect()
}

/// Pairs the documents: the assignment with the highest summed score,
/// without the pairs that score below `min_score`. Sorted by left index.
pub fn pair_documents(
    left: &[Document],
    right: &[Document],
    lexicon: &Lexicon,
    min_score: f64,
) -> Vec<Pairing> {
    pair_scored(&scores(left, right, lexicon), min_score)
}

/// [`pair_documents`] on the [`scores`] of every left document against
/// every right one.
pub fn pair_scored(scores: &[Vec<f64>], min_score: f64) -> Vec<Pairing> {
    let cost: Vec<Vec<f64>> = scores
        .iter()
        .map(|row| row.iter().map(|s| 1.0 - s).collect())
        .collect();
    let mut pairs: Vec<Pairing> = assign(&cost)
        .into_iter()
        .map(|(l, r)| Pairing {
            left: l,
            right: r,
            score: scores[l][r],
        })
        .filter(|p| p.score >= min_score)
        .collect();
    pairs.sort_by_key(|p| p.left);
    pairs
}

/// Why a document was left without a counterpart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unpaired {
    /// No document of the other side scores `min_score` with it; the best
    /// one, if the other side has any, with its score.
    NoneClose(Option<(usize, f64)>),
    /// Its closest counterpart, scoring at least `min_score`, is paired
    /// with another document, which the pairing as a whole preferred.
    Taken {
        /// The closest counterpart (other side).
        counterpart: usize,
        /// Its score with the unpaired document.
        score: f64,
        /// The document (same side) it is paired with.
        rival: usize,
        /// The score of that pair.
        rival_score: f64,
    },
    /// Its closest counterpart scores at least `min_score` with it, but the
    /// pairing as a whole gave that one another document, a pair then
    /// dropped for scoring below `min_score`: both are unpaired.
    Crossed {
        /// The closest counterpart (other side).
        counterpart: usize,
        /// Its score with the unpaired document.
        score: f64,
    },
}

/// The documents of one side that no pairing holds: index and reason.
pub type Alone = Vec<(usize, Unpaired)>;

/// The documents of each side that no pairing holds, with the reason: the
/// left ones, then the right ones.
pub fn unpaired(scores: &[Vec<f64>], pairs: &[Pairing], min_score: f64) -> (Alone, Alone) {
    let rights = scores.first().map_or(0, Vec::len);
    let left = (0..scores.len())
        .filter(|&l| !pairs.iter().any(|p| p.left == l))
        .map(|l| {
            let candidates = scores[l].iter().copied().enumerate();
            let holder = |r: usize| {
                pairs
                    .iter()
                    .find(|p| p.right == r)
                    .map(|p| (p.left, p.score))
            };
            (l, why_alone(candidates, holder, min_score))
        })
        .collect();
    let right = (0..rights)
        .filter(|&r| !pairs.iter().any(|p| p.right == r))
        .map(|r| {
            let candidates = scores.iter().map(|row| row[r]).enumerate();
            let holder = |l: usize| {
                pairs
                    .iter()
                    .find(|p| p.left == l)
                    .map(|p| (p.right, p.score))
            };
            (r, why_alone(candidates, holder, min_score))
        })
        .collect();
    (left, right)
}

/// Why a document with these `candidates` (index and score on the other
/// side) is alone; `holder` gives the document a candidate is paired with,
/// and that pair's score.
fn why_alone(
    candidates: impl Iterator<Item = (usize, f64)>,
    holder: impl Fn(usize) -> Option<(usize, f64)>,
    min_score: f64,
) -> Unpaired {
    let best = candidates.max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((counterpart, score)) if score >= min_score => match holder(counterpart) {
            Some((rival, rival_score)) => Unpaired::Taken {
                counterpart,
                score,
                rival,
                rival_score,
            },
            None => Unpaired::Crossed { counterpart, score },
        },
        _ => Unpaired::NoneClose(best),
    }
}

/// The assignment of rows to columns with the least summed cost, each row
/// and column used at most once (as many pairs as the smaller side has).
pub fn assign(cost: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let rows = cost.len();
    let cols = cost.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    if rows > cols {
        let transposed: Vec<Vec<f64>> = (0..cols)
            .map(|c| (0..rows).map(|r| cost[r][c]).collect())
            .collect();
        return assign(&transposed)
            .into_iter()
            .map(|(c, r)| (r, c))
            .collect();
    }
    // The Hungarian algorithm with potentials; index 0 is a virtual column.
    let mut u = vec![0.0; rows + 1];
    let mut v = vec![0.0; cols + 1];
    let mut owner = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for row in 1..=rows {
        owner[0] = row;
        let mut col = 0;
        let mut min_slack = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[col] = true;
            let r = owner[col];
            let (mut delta, mut next) = (f64::INFINITY, 0);
            for c in 1..=cols {
                if used[c] {
                    continue;
                }
                let slack = cost[r - 1][c - 1] - u[r] - v[c];
                if slack < min_slack[c] {
                    min_slack[c] = slack;
                    way[c] = col;
                }
                if min_slack[c] < delta {
                    delta = min_slack[c];
                    next = c;
                }
            }
            for c in 0..=cols {
                if used[c] {
                    u[owner[c]] += delta;
                    v[c] -= delta;
                } else {
                    min_slack[c] -= delta;
                }
            }
            col = next;
            if owner[col] == 0 {
                break;
            }
        }
        while col != 0 {
            let previous = way[col];
            owner[col] = owner[previous];
            col = previous;
        }
    }
    (1..=cols)
        .filter(|&c| owner[c] != 0)
        .map(|c| (owner[c] - 1, c - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_beats_greedy() {
        // Greedy would take (0, 0) at cost 1 and then pay 10 for (1, 1).
        let cost = vec![vec![1.0, 2.0], vec![2.0, 10.0]];
        let mut pairs = assign(&cost);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn uneven_sides_pair_as_many_as_the_smaller_has() {
        let cost = vec![vec![5.0, 0.0, 5.0], vec![0.0, 5.0, 5.0]];
        let mut pairs = assign(&cost);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
        let mut tall = assign(&[vec![3.0], vec![1.0], vec![2.0]]);
        tall.sort();
        assert_eq!(tall, vec![(1, 0)]);
    }
}

#[cfg(test)]
mod unpaired_tests {
    use super::*;

    #[test]
    fn an_unpaired_document_says_where_its_counterpart_went() {
        // Left 0 and 1 both match right 0 best; right 0 goes to left 1.
        let scores = vec![vec![0.6, 0.05], vec![0.9, 0.02]];
        let pairs = pair_scored(&scores, 0.1);
        assert_eq!(pairs.len(), 1);
        let (left, right) = unpaired(&scores, &pairs, 0.1);
        assert_eq!(
            left,
            [(
                0,
                Unpaired::Taken {
                    counterpart: 0,
                    score: 0.6,
                    rival: 1,
                    rival_score: 0.9
                }
            )]
        );
        assert_eq!(right, [(1, Unpaired::NoneClose(Some((0, 0.05))))]);
    }
}
