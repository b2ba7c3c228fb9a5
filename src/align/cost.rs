//! The cost model: how unlikely a bead is, from lengths, anchors and
//! paragraphs.
//!
//! In: the [`Features`] of a pair, its paragraph numbers and a [`Model`].
//! Out: the cost (a negative log-likelihood, up to constants) of any bead.
//! Lengths follow Gale & Church (1993): the right length is normally
//! distributed around `ratio ×` the left length with variance proportional
//! to the length. Shared anchor keys earn a bonus. A sentence merged into a
//! bead that brings names but adds no match of its own pays a fine, since it
//! is more likely an omission or addition. Beads that straddle a paragraph
//! break on one side pay a toll.

use crate::anchors::{Features, KeyKind};

use super::dp::Shape;
use super::runs::{merged_weight, KeyRuns};

/// The bead shapes with their prior probabilities. 1-1 dominates; merges and
/// splits of two are common; omissions and additions rarer; beads of four or
/// more sentences rare enough that they must earn their place with anchors.
/// One sentence against four exists because some corpora split at
/// semicolons and colons on one side only.
pub const SHAPES: &[(Shape, f64)] = &[
    ((1, 1), 0.86),
    ((1, 0), 0.01),
    ((0, 1), 0.01),
    ((2, 1), 0.045),
    ((1, 2), 0.045),
    ((2, 2), 0.0015),
    ((3, 1), 0.0018),
    ((1, 3), 0.0018),
    ((3, 2), 0.0006),
    ((2, 3), 0.0006),
    ((3, 3), 0.0003),
    ((4, 1), 0.0003),
    ((1, 4), 0.0003),
];

/// The parameters of the cost model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Mean of right length / left length.
    pub ratio: f64,
    /// Variance of the length difference per left character.
    pub variance: f64,
    /// Cost of a bead with an empty side (beyond its prior).
    pub deletion: f64,
    /// Cost saved per unit of shared anchor weight.
    pub anchor_weight: f64,
    /// Fine per unit of name weight that a merged-in sentence brings without
    /// adding a match of its own.
    pub idle_weight: f64,
    /// The most name weight one idle sentence is fined for: one telling
    /// name is evidence enough, and stray page headers full of names should
    /// not outweigh everything else.
    pub idle_cap: f64,
    /// Toll for a bead that straddles a paragraph break.
    pub paragraph_toll: f64,
}

impl Model {
    /// A model with the classic priors and the length ratio of the texts.
    pub fn initial(features: &Features) -> Model {
        let left: usize = features.left_chars.iter().sum();
        let right: usize = features.right_chars.iter().sum();
        let ratio = if left == 0 || right == 0 {
            1.0
        } else {
            right as f64 / left as f64
        };
        Model {
            ratio,
            variance: 6.8,
            deletion: 3.0,
            anchor_weight: 1.0,
            idle_weight: 4.0,
            idle_cap: 2.0,
            paragraph_toll: 2.0,
        }
    }
}

/// Everything the cost function needs, borrowed.
pub struct Scorer<'a> {
    /// The anchor features.
    pub features: &'a Features,
    /// Left paragraph numbers, per sentence.
    pub left_paragraphs: &'a [usize],
    /// Right paragraph numbers, per sentence.
    pub right_paragraphs: &'a [usize],
    /// The parameters.
    pub model: &'a Model,
    prior_costs: Vec<(Shape, f64)>,
    paragraphs: bool,
    // The keys of every run of sentences a bead can take, united once: the
    // cost runs for every cell and shape of the search.
    left_runs: KeyRuns,
    right_runs: KeyRuns,
    // Per sentence, the fine for merging it in idle (see `idle_members`).
    left_telling: Vec<f64>,
    right_telling: Vec<f64>,
}

impl<'a> Scorer<'a> {
    /// A scorer over `features` with `model`.
    pub fn new(
        features: &'a Features,
        left_paragraphs: &'a [usize],
        right_paragraphs: &'a [usize],
        model: &'a Model,
    ) -> Scorer<'a> {
        let paragraphs = left_paragraphs.last().is_some_and(|&p| p > 0)
            && right_paragraphs.last().is_some_and(|&p| p > 0);
        Scorer {
            features,
            left_paragraphs,
            right_paragraphs,
            model,
            prior_costs: SHAPES.iter().map(|&(s, p)| (s, -p.ln())).collect(),
            paragraphs,
            left_telling: telling(features, &features.left_keys, model.idle_cap),
            right_telling: telling(features, &features.right_keys, model.idle_cap),
            left_runs: KeyRuns::new(&features.left_keys, longest(|s| s.0)),
            right_runs: KeyRuns::new(&features.right_keys, longest(|s| s.1)),
        }
    }

    /// The shapes the search may use.
    pub fn shapes(&self) -> Vec<Shape> {
        self.prior_costs.iter().map(|&(s, _)| s).collect()
    }

    /// The cost of the bead left `i..i+a`, right `j..j+b`.
    pub fn cost(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let prior = self
            .prior_costs
            .iter()
            .find(|(s, _)| *s == (a, b))
            .map_or(20.0, |&(_, c)| c);
        let f = self.features;
        if a == 0 || b == 0 {
            return prior + self.model.deletion;
        }
        let l1: usize = f.left_chars[i..i + a].iter().sum();
        let l2: usize = f.right_chars[j..j + b].iter().sum();
        let mut cost = prior + self.length_cost(l1 as f64, l2 as f64);
        cost -= self.model.anchor_weight * self.shared_weight(i, a, j, b);
        if (a > 1 || b > 1) && self.model.idle_weight > 0.0 {
            cost += self.model.idle_weight * self.idle_members(i, a, j, b);
        }
        if self.paragraphs {
            if self.left_paragraphs[i] != self.left_paragraphs[i + a - 1] {
                cost += self.model.paragraph_toll;
            }
            if self.right_paragraphs[j] != self.right_paragraphs[j + b - 1] {
                cost += self.model.paragraph_toll;
            }
        }
        cost
    }

    /// `-ln P(|δ| ≥ observed)` under the Gale & Church normal model.
    fn length_cost(&self, l1: f64, l2: f64) -> f64 {
        let m = self.model;
        let mean = (l1 + l2 / m.ratio) / 2.0;
        if mean == 0.0 {
            return 0.0;
        }
        let delta = ((l2 - m.ratio * l1) / (m.variance * mean).sqrt()).abs();
        let normal = 2.0 * (1.0 - std_normal_cdf(delta));
        // A little of a Cauchy tail: a translator sometimes condenses or
        // expands a sentence a lot, and that should cost much, not everything.
        let heavy = 1.0 - std::f64::consts::FRAC_2_PI * (delta / HEAVY_SCALE).atan();
        -((1.0 - HEAVY_SHARE) * normal + HEAVY_SHARE * heavy)
            .max(1e-300)
            .ln()
    }

    /// For a merge bead: the telling weight of member sentences that bring
    /// names or numbers but add no match of their own to the bead. A sentence
    /// merged in for nothing is more likely an omission or addition.
    fn idle_members(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let f = self.features;
        let (l, r) = (&f.left_keys[i..i + a], &f.right_keys[j..j + b]);
        let (lu, ru) = (
            self.left_runs.get(&f.left_keys, i, a),
            self.right_runs.get(&f.right_keys, j, b),
        );
        let (Some(lu), Some(ru)) = (lu, ru) else {
            return 0.0;
        };
        idle_side(f, l, &self.left_telling[i..i + a], ru)
            + idle_side(f, r, &self.right_telling[j..j + b], lu)
    }

    /// Summed weight of the keys both sides of the bead hold.
    pub fn shared_weight(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let f = self.features;
        match (
            self.left_runs.get(&f.left_keys, i, a),
            self.right_runs.get(&f.right_keys, j, b),
        ) {
            (Some(left), Some(right)) => merged_weight(left, right, &f.weights),
            // A shape longer than any of SHAPES: unite its lists here.
            _ => {
                let unite = |lists: &[Vec<u32>]| {
                    let mut all: Vec<u32> = lists.iter().flatten().copied().collect();
                    all.sort_unstable();
                    all.dedup();
                    all
                };
                let (left, right) = (
                    unite(&f.left_keys[i..i + a]),
                    unite(&f.right_keys[j..j + b]),
                );
                merged_weight(&left, &right, &f.weights)
            }
        }
    }
}

/// The idle fine of one side of a bead: `own` are its sentences' keys,
/// `telling` their fines, `other` the distinct keys of the other side.
fn idle_side(f: &Features, own: &[Vec<u32>], telling: &[f64], other: &[u32]) -> f64 {
    if own.len() < 2 {
        return 0.0;
    }
    let mut fine = 0.0;
    for (m, keys) in own.iter().enumerate() {
        // Most sentences hold no name: nothing to search for.
        if telling[m] == 0.0 {
            continue;
        }
        // Walk the member's keys and the other side's together (both
        // sorted); a shared key counts for this member only if no other
        // member has it. Dictionary words are too common to vouch for it.
        let (mut x, mut y, mut adds) = (0, 0, false);
        while x < keys.len() && y < other.len() && !adds {
            match keys[x].cmp(&other[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    let k = keys[x];
                    adds = f.kinds[k as usize] != KeyKind::Translation
                        && own
                            .iter()
                            .enumerate()
                            .all(|(n, o)| n == m || o.binary_search(&k).is_err());
                    x += 1;
                    y += 1;
                }
            }
        }
        if !adds {
            fine += telling[m];
        }
    }
    fine
}

/// Per sentence: the weight of its heaviest name, capped: what it is fined
/// for when merged into a bead without adding a match.
fn telling(features: &Features, keys: &[Vec<u32>], cap: f64) -> Vec<f64> {
    keys.iter()
        .map(|keys| {
            keys.iter()
                .filter(|&&k| features.kinds[k as usize] == KeyKind::Name)
                .map(|&k| features.weights[k as usize])
                .fold(0.0, f64::max)
                .min(cap)
        })
        .collect()
}

/// The longest run of sentences a bead of [`SHAPES`] takes on one side.
fn longest(side: impl Fn(Shape) -> usize) -> usize {
    SHAPES.iter().map(|&(s, _)| side(s)).max().unwrap_or(1)
}

/// Scale of the heavy tail of the length model, in standard deviations.
const HEAVY_SCALE: f64 = 1.0;

/// Share of the heavy tail in the length model.
const HEAVY_SHARE: f64 = 0.0005;

/// The standard normal distribution function (Abramowitz & Stegun 26.2.17).
fn std_normal_cdf(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if z >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_values() {
        assert!((std_normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((std_normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((std_normal_cdf(-1.0) - 0.1587).abs() < 1e-4);
    }

    #[test]
    fn shared_weight_sums_the_keys_both_sides_hold_once() {
        let f = Features {
            left_chars: vec![10; 3],
            right_chars: vec![10; 2],
            left_keys: vec![vec![1, 4], vec![0, 4, 7], vec![2]],
            right_keys: vec![vec![4, 7, 9], vec![1, 2]],
            weights: (0..10).map(|k| f64::from(k) + 0.5).collect(),
            kinds: vec![KeyKind::Word; 10],
            ..Features::default()
        };
        let model = Model::initial(&f);
        let s = Scorer::new(&f, &[0; 3], &[0; 2], &model);
        // Left 0..2 holds {0, 1, 4, 7}; right 0..2 holds {1, 2, 4, 7, 9}: shared 1, 4, 7.
        assert_eq!(s.shared_weight(0, 2, 0, 2), 1.5 + 4.5 + 7.5);
        assert_eq!(s.shared_weight(0, 3, 1, 1), 1.5 + 2.5);
        assert_eq!(s.shared_weight(2, 1, 0, 1), 0.0);
    }

    #[test]
    fn equal_lengths_cost_less_than_unequal_ones() {
        let f = Features {
            left_chars: vec![100, 100],
            right_chars: vec![100, 30],
            left_keys: vec![vec![], vec![]],
            right_keys: vec![vec![], vec![]],
            ..Features::default()
        };
        let model = Model::initial(&f);
        let s = Scorer::new(&f, &[0, 0], &[0, 0], &model);
        assert!(s.cost(0, 1, 0, 1) < s.cost(0, 1, 1, 1));
    }
}
