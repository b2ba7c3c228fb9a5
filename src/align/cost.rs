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

use std::ops::Range;

use crate::anchors::{Features, KeyKind, KeyLists};

use super::dp::{BeadCosts, Shape};

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

/// Everything the cost function needs, borrowed or computed once.
pub struct Scorer<'a> {
    /// The anchor features.
    pub features: &'a Features,
    /// Left paragraph numbers, per sentence.
    pub left_paragraphs: &'a [usize],
    /// Right paragraph numbers, per sentence.
    pub right_paragraphs: &'a [usize],
    /// The parameters.
    pub model: &'a Model,
    shapes: Vec<Shape>,
    // Prior cost by shape, `priors[a][b]`; shapes outside SHAPES cost 20.
    priors: [[f64; PRIOR_SIDE]; PRIOR_SIDE],
    paragraphs: bool,
    // Characters before each sentence, so that a run's length is one subtraction.
    left_before: Vec<usize>,
    right_before: Vec<usize>,
    // Per key id: whether it may vouch that a sentence adds something.
    vouches: Vec<bool>,
    // Anchor weight of the sentences before each one, for bounds.
    left_weight_before: Vec<f64>,
    right_weight_before: Vec<f64>,
    // Per sentence, the fine for merging it in idle (see `idle_fine`).
    left_telling: Vec<f64>,
    right_telling: Vec<f64>,
    length: LengthTable,
    // variance / 2 and variance / (2 ratio), for the length cost.
    half_variance: f64,
    half_variance_per_ratio: f64,
}

/// `Scratch::seen_by` of a key that no single right member holds alone.
const NOBODY: u8 = u8::MAX;

/// Shapes take at most this many sentences a side, less one.
const PRIOR_SIDE: usize = 5;

/// What the scorer keeps between beads that share their left sentences:
/// the keys of those sentences, marked in a table by key id, so that a bead
/// costs one walk over its right keys.
pub struct Scratch {
    /// Per key id: the generation that last marked it.
    mark: Vec<u32>,
    /// Per key id: the owner mask of the marked key: bit `m` when left
    /// member `m` alone holds it and it vouches, else 0.
    owner: Vec<u8>,
    generation: u32,
    /// Per key id: the bead generation whose right side last met it.
    seen: Vec<u32>,
    /// Per key id: the right member that alone holds it so far, if it vouches.
    seen_by: Vec<u8>,
    bead_generation: u32,
    /// The left run that is marked.
    run: (usize, usize),
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
        let mut priors = [[20.0; PRIOR_SIDE]; PRIOR_SIDE];
        for &((a, b), p) in SHAPES {
            priors[a][b] = -p.ln();
        }
        // Dictionary words are too common to vouch that a sentence adds something.
        let vouches: Vec<bool> = features
            .kinds
            .iter()
            .map(|&k| k != KeyKind::Translation)
            .collect();
        let before = |chars: &[usize]| -> Vec<usize> {
            std::iter::once(0)
                .chain(chars.iter().scan(0, |sum, &c| {
                    *sum += c;
                    Some(*sum)
                }))
                .collect()
        };
        Scorer {
            features,
            left_paragraphs,
            right_paragraphs,
            model,
            shapes: SHAPES.iter().map(|&(s, _)| s).collect(),
            priors,
            paragraphs,
            left_before: before(&features.left_chars),
            right_before: before(&features.right_chars),
            left_telling: telling(features, &features.left_keys, model.idle_cap),
            right_telling: telling(features, &features.right_keys, model.idle_cap),
            vouches,
            left_weight_before: weight_before(features, &features.left_keys),
            right_weight_before: weight_before(features, &features.right_keys),
            length: LengthTable::new(),
            half_variance: model.variance / 2.0,
            half_variance_per_ratio: model.variance / (2.0 * model.ratio),
        }
    }

    /// The shapes the search may use.
    pub fn shapes(&self) -> Vec<Shape> {
        self.shapes.clone()
    }

    /// One walk over the keys of right sentences `j..j+b` against the marked
    /// left keys: the summed weight of the keys both sides hold, and which
    /// left and which right members hold a shared key that no other member
    /// of their side holds (bit masks by member).
    #[inline]
    fn walk(&self, scratch: &mut Scratch, j: usize, b: usize) -> (f64, u8, u8) {
        let f = self.features;
        let g = scratch.generation;
        if b == 1 {
            // One sentence: no key can be counted twice, and no member of
            // the right side needs telling apart.
            let (mut shared, mut left_adds) = (0.0, 0u8);
            for &k in &f.right_keys[j] {
                let k = k as usize;
                if scratch.mark[k] == g {
                    shared += f.weights[k];
                    left_adds |= scratch.owner[k];
                }
            }
            return (shared, left_adds, 0);
        }
        let mut walk = Walk::start(scratch);
        for keys in f.right_keys.lists(j..j + b) {
            self.step(scratch, &mut walk, keys);
        }
        (walk.shared, walk.left_adds, walk.right_adds())
    }

    /// Adds the next right member, with `keys`, to `walk`.
    #[inline(always)]
    fn step(&self, scratch: &mut Scratch, walk: &mut Walk, keys: &[u32]) {
        let (g, bg, r) = (scratch.generation, walk.generation, walk.members);
        let f = self.features;
        for &k in keys {
            let k = k as usize;
            if scratch.mark[k] != g {
                continue;
            }
            if scratch.seen[k] != bg {
                scratch.seen[k] = bg;
                walk.shared += f.weights[k];
                walk.left_adds |= scratch.owner[k];
                scratch.seen_by[k] = if self.vouches[k] && r < 8 {
                    walk.alone[r] += 1;
                    r as u8
                } else {
                    NOBODY
                };
            } else if scratch.seen_by[k] != NOBODY {
                // A second member holds it: it vouches for neither.
                walk.alone[usize::from(scratch.seen_by[k])] -= 1;
                scratch.seen_by[k] = NOBODY;
            }
        }
        walk.members += 1;
    }

    /// The cost of a bead whose cost so far (prior, tolls, length) is
    /// `cost`, once its anchors are weighed.
    #[inline]
    fn weigh(
        &self,
        mut cost: f64,
        (i, a): (usize, usize),
        (j, b): (usize, usize),
        (shared, left_adds, right_adds): (f64, u8, u8),
    ) -> f64 {
        let m = self.model;
        cost -= m.anchor_weight * shared;
        if (a > 1 || b > 1) && m.idle_weight > 0.0 {
            let fine = idle_fine(&self.left_telling[i..i + a], left_adds)
                + idle_fine(&self.right_telling[j..j + b], right_adds);
            cost += m.idle_weight * fine;
        }
        cost
    }

    /// The cost of the left run `i..i+a` before its right side: prior of
    /// shape `(a, b)` and paragraph toll.
    #[inline]
    fn left_cost(&self, i: usize, a: usize, b: usize) -> f64 {
        let mut cost = self.prior(a, b);
        if self.paragraphs && self.left_paragraphs[i] != self.left_paragraphs[i + a - 1] {
            cost += self.model.paragraph_toll;
        }
        cost
    }

    /// The paragraph toll of the right run `j..j+b`.
    #[inline]
    fn right_toll(&self, j: usize, b: usize) -> Option<f64> {
        (self.paragraphs && self.right_paragraphs[j] != self.right_paragraphs[j + b - 1])
            .then_some(self.model.paragraph_toll)
    }

    /// The prior cost of a bead shape.
    #[inline]
    fn prior(&self, a: usize, b: usize) -> f64 {
        if a < PRIOR_SIDE && b < PRIOR_SIDE {
            self.priors[a][b]
        } else {
            20.0
        }
    }

    /// `-ln P(|δ| ≥ observed)` under the Gale & Church normal model.
    #[inline]
    fn length_cost(&self, l1: f64, l2: f64) -> f64 {
        let m = self.model;
        // variance × mean length, mean = (l1 + l2 / ratio) / 2, without a division.
        let spread = self.half_variance * l1 + self.half_variance_per_ratio * l2;
        if spread == 0.0 {
            return 0.0;
        }
        let delta = ((l2 - m.ratio * l1) / spread.sqrt()).abs();
        self.length.cost(delta)
    }
}

impl BeadCosts for Scorer<'_> {
    type Scratch = Scratch;

    /// A scratch table by key id, for the beads of one thread.
    fn scratch(&self) -> Scratch {
        let keys = self.features.weights.len();
        Scratch {
            mark: vec![0; keys],
            owner: vec![0; keys],
            generation: 0,
            seen: vec![0; keys],
            seen_by: vec![0; keys],
            bead_generation: 0,
            run: (0, 0),
        }
    }

    /// Marks the keys of left sentences `i..i+a` for the beads that take them.
    fn prepare(&self, i: usize, a: usize, scratch: &mut Scratch) {
        scratch.run = (i, a);
        if a == 0 {
            return;
        }
        scratch.generation = scratch.generation.wrapping_add(1);
        if scratch.generation == 0 {
            scratch.mark.fill(0);
            scratch.generation = 1;
        }
        let g = scratch.generation;
        let f = self.features;
        for (m, keys) in f.left_keys.lists(i..i + a).enumerate() {
            let bit = if m < 8 { 1u8 << m } else { 0 };
            for &k in keys {
                let k = k as usize;
                if scratch.mark[k] == g {
                    // A key two members hold vouches for neither.
                    scratch.owner[k] = 0;
                } else {
                    scratch.mark[k] = g;
                    scratch.owner[k] = if self.vouches[k] { bit } else { 0 };
                }
            }
        }
    }

    /// A bead with an empty side costs its prior and the deletion cost.
    fn fixed(&self, a: usize, b: usize) -> Option<f64> {
        (a == 0 || b == 0).then(|| self.prior(a, b) + self.model.deletion)
    }

    /// The cost of the bead left `i..i+a`, right `j..j+b`, with left
    /// `i..i+a` prepared in `scratch`.
    fn cost(&self, scratch: &mut Scratch, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let mut out = [0.0];
        self.costs_below(scratch, (i, a), (j..j + 1, b), &[f64::INFINITY], &mut out);
        out[0]
    }

    /// A bead that provably costs more than its limit gets infinity without
    /// the work of weighing its anchors: its cost without them, less all
    /// the anchor weight its shorter side could share, already exceeds the
    /// limit. What the beads share on the left is worked out once.
    fn costs_below(
        &self,
        scratch: &mut Scratch,
        (i, a): (usize, usize),
        (js, b): (Range<usize>, usize),
        limits: &[f64],
        out: &mut [f64],
    ) {
        if let Some(cost) = self.fixed(a, b) {
            out.fill(cost);
            return;
        }
        debug_assert!(scratch.run == (i, a), "left run not prepared");
        let m = self.model;
        let left_cost = self.left_cost(i, a, b);
        let left_weight = self.left_weight_before[i + a] - self.left_weight_before[i];
        let l1 = (self.left_before[i + a] - self.left_before[i]) as f64;
        for ((j, &limit), out) in js.zip(limits).zip(out) {
            let mut cost = left_cost;
            if let Some(toll) = self.right_toll(j, b) {
                cost += toll;
            }
            let most_shared =
                left_weight.min(self.right_weight_before[j + b] - self.right_weight_before[j]);
            let bonus = m.anchor_weight * most_shared;
            if cost - bonus > limit {
                *out = f64::INFINITY;
                continue;
            }
            let l2 = self.right_before[j + b] - self.right_before[j];
            cost += self.length_cost(l1, l2 as f64);
            if cost - bonus > limit {
                *out = f64::INFINITY;
                continue;
            }
            let walked = self.walk(scratch, j, b);
            *out = self.weigh(cost, (i, a), (j, b), walked);
        }
    }

    /// The right members are walked once for all the shapes: the walk of
    /// `b + 1` members is that of `b` and one more.
    fn costs_along(
        &self,
        scratch: &mut Scratch,
        (i, a): (usize, usize),
        j: usize,
        widths: &[usize],
        out: &mut [f64],
    ) {
        debug_assert!(scratch.run == (i, a), "left run not prepared");
        debug_assert!(widths.windows(2).all(|w| w[0] < w[1]) && widths[0] > 0);
        let l1 = (self.left_before[i + a] - self.left_before[i]) as f64;
        let mut walk = Walk::start(scratch);
        let mut next = widths.iter().zip(out).peekable();
        for (r, keys) in self
            .features
            .right_keys
            .lists(j..j + widths[widths.len() - 1])
            .enumerate()
        {
            self.step(scratch, &mut walk, keys);
            let b = r + 1;
            let Some((_, out)) = next.next_if(|&(&w, _)| w == b) else {
                continue;
            };
            let mut cost = self.left_cost(i, a, b);
            if let Some(toll) = self.right_toll(j, b) {
                cost += toll;
            }
            let l2 = self.right_before[j + b] - self.right_before[j];
            cost += self.length_cost(l1, l2 as f64);
            // One member: nobody on the right to tell apart, as in `walk`.
            let right_adds = if b == 1 { 0 } else { walk.right_adds() };
            *out = self.weigh(
                cost,
                (i, a),
                (j, b),
                (walk.shared, walk.left_adds, right_adds),
            );
        }
    }
}

/// A walk over the right members of a bead, one at a time (see
/// [`Scorer::step`]).
struct Walk {
    /// The summed weight of the shared keys met so far, each once.
    shared: f64,
    /// The left members that hold a shared key alone.
    left_adds: u8,
    /// Per right member: how many shared, vouching keys it alone holds.
    alone: [u32; 8],
    /// Right members walked.
    members: usize,
    /// The bead generation whose marks in [`Scratch::seen`] are this walk's.
    generation: u32,
}

impl Walk {
    #[inline]
    fn start(scratch: &mut Scratch) -> Walk {
        scratch.bead_generation = scratch.bead_generation.wrapping_add(1);
        if scratch.bead_generation == 0 {
            scratch.seen.fill(0);
            scratch.bead_generation = 1;
        }
        Walk {
            shared: 0.0,
            left_adds: 0,
            alone: [0; 8],
            members: 0,
            generation: scratch.bead_generation,
        }
    }

    /// The right members that hold a shared key alone, as a bit mask.
    #[inline]
    fn right_adds(&self) -> u8 {
        (0..self.members.min(8))
            .filter(|&r| self.alone[r] > 0)
            .fold(0u8, |mask, r| mask | 1 << r)
    }
}

/// Per sentence, the summed weight of the keys of the sentences before it
/// (one more entry than sentences).
fn weight_before(features: &Features, keys: &KeyLists) -> Vec<f64> {
    std::iter::once(0.0)
        .chain(keys.iter().scan(0.0, |sum, keys| {
            *sum += keys
                .iter()
                .map(|&k| features.weights[k as usize])
                .sum::<f64>();
            Some(*sum)
        }))
        .collect()
}

/// The idle fine of one side of a bead: the telling weight of its members
/// whose bit in `adds` is clear, when the side has two or more members. A
/// sentence merged in that brings names but no match of its own is more
/// likely an omission or addition.
fn idle_fine(telling: &[f64], adds: u8) -> f64 {
    if telling.len() < 2 {
        return 0.0;
    }
    telling
        .iter()
        .enumerate()
        .filter(|&(m, _)| adds & (1 << m) == 0)
        .map(|(_, &t)| t)
        .sum()
}

/// The length cost by the normalised length difference δ, tabulated: the
/// normal tail and its heavy admixture cost an `exp`, an `atan` and a `ln`
/// each time, and the search asks for millions.
struct LengthTable {
    costs: Vec<f64>,
}

/// Table steps per standard deviation, and the largest δ tabulated.
const LENGTH_STEPS: f64 = 64.0;
const LENGTH_RANGE: f64 = 32.0;

impl LengthTable {
    fn new() -> LengthTable {
        let n = (LENGTH_RANGE * LENGTH_STEPS) as usize;
        LengthTable {
            costs: (0..=n)
                .map(|k| exact_length_cost(k as f64 / LENGTH_STEPS))
                .collect(),
        }
    }

    /// Linear interpolation between table points (error below 1e-4);
    /// beyond the table, the formula.
    fn cost(&self, delta: f64) -> f64 {
        let x = delta * LENGTH_STEPS;
        let k = x as usize;
        match (self.costs.get(k), self.costs.get(k + 1)) {
            (Some(&low), Some(&high)) => low + (x - k as f64) * (high - low),
            _ => exact_length_cost(delta),
        }
    }
}

/// `-ln P(|δ| ≥ delta)` for a standard normal δ with a little of a Cauchy
/// tail: a translator sometimes condenses or expands a sentence a lot, and
/// that should cost much, not everything.
fn exact_length_cost(delta: f64) -> f64 {
    let normal = 2.0 * (1.0 - std_normal_cdf(delta));
    let heavy = 1.0 - std::f64::consts::FRAC_2_PI * (delta / HEAVY_SCALE).atan();
    -((1.0 - HEAVY_SHARE) * normal + HEAVY_SHARE * heavy)
        .max(1e-300)
        .ln()
}

/// Per sentence: the weight of its heaviest name, capped: what it is fined
/// for when merged into a bead without adding a match.
fn telling(features: &Features, keys: &KeyLists, cap: f64) -> Vec<f64> {
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

    /// The cost of one bead on its own.
    fn cost(s: &Scorer, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let mut scratch = s.scratch();
        s.prepare(i, a, &mut scratch);
        s.cost(&mut scratch, i, a, j, b)
    }

    /// Summed weight of the keys both sides of one bead hold.
    fn shared_weight(s: &Scorer, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let mut scratch = s.scratch();
        s.prepare(i, a, &mut scratch);
        s.walk(&mut scratch, j, b).0
    }

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
            left_keys: vec![vec![1, 4], vec![0, 4, 7], vec![2]]
                .into_iter()
                .collect(),
            right_keys: vec![vec![4, 7, 9], vec![1, 2]].into_iter().collect(),
            weights: (0..10).map(|k| f64::from(k) + 0.5).collect(),
            kinds: vec![KeyKind::Word; 10],
            ..Features::default()
        };
        let model = Model::initial(&f);
        let s = Scorer::new(&f, &[0; 3], &[0; 2], &model);
        // Left 0..2 holds {0, 1, 4, 7}; right 0..2 holds {1, 2, 4, 7, 9}: shared 1, 4, 7.
        assert_eq!(shared_weight(&s, 0, 2, 0, 2), 1.5 + 4.5 + 7.5);
        assert_eq!(shared_weight(&s, 0, 3, 1, 1), 1.5 + 2.5);
        assert_eq!(shared_weight(&s, 2, 1, 0, 1), 0.0);
    }

    #[test]
    fn equal_lengths_cost_less_than_unequal_ones() {
        let f = Features {
            left_chars: vec![100, 100],
            right_chars: vec![100, 30],
            left_keys: vec![vec![], vec![]].into_iter().collect(),
            right_keys: vec![vec![], vec![]].into_iter().collect(),
            ..Features::default()
        };
        let model = Model::initial(&f);
        let s = Scorer::new(&f, &[0, 0], &[0, 0], &model);
        assert!(cost(&s, 0, 1, 0, 1) < cost(&s, 0, 1, 1, 1));
    }
}
