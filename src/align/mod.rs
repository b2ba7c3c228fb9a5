//! Alignment: which sentences of the left text render which of the right.
//!
//! In: two [`Document`]s and [`AlignOptions`]. Out: an [`Alignment`], a list
//! of [`Bead`]s that covers every sentence of both sides exactly once and in
//! order, each with its cost and posterior probability.
//!
//! The search runs twice: a first pass with prior parameters, then a second
//! with the length ratio and variance re-estimated from the confident 1-1
//! beads of the first.

pub mod band;
pub mod cost;
pub mod dp;
pub mod runs;
pub mod window;

use std::ops::Range;

use crate::anchors::Features;
use crate::{timing, Document, Lexicon};

use cost::Model;

/// One unit of the alignment: consecutive left sentences that render
/// consecutive right sentences. Either side may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bead {
    /// 0-based left sentence indices.
    pub left: Range<usize>,
    /// 0-based right sentence indices.
    pub right: Range<usize>,
}

impl Bead {
    /// The bead's shape as `left-right`, such as `2-1`.
    pub fn kind(&self) -> String {
        format!("{}-{}", self.left.len(), self.right.len())
    }
}

/// The result of aligning two documents.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The beads, in order.
    pub beads: Vec<Bead>,
    /// The cost of each bead.
    pub costs: Vec<f64>,
    /// The posterior probability of each bead.
    pub posteriors: Vec<f64>,
    /// The model the final pass used.
    pub model: Model,
    /// The anchors the cost model saw.
    pub features: Features,
}

/// Options of the aligner.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    /// Extra dictionary entries, left word to right words, beside the
    /// built-in lexicon of names.
    pub dictionary: Lexicon,
}

/// The temperature of the path distribution that turns costs into probabilities.
const TEMPERATURE: f64 = 1.0;

/// Aligns the sentences of two documents.
pub fn align_documents(left: &Document, right: &Document, options: &AlignOptions) -> Alignment {
    let anchors = timing::phase("anchors");
    let lexicon = Lexicon::builtin(&left.lang, &right.lang);
    let features = Features::extract(
        &left.sentences,
        &left.lang,
        &right.sentences,
        &right.lang,
        &lexicon,
        &options.dictionary,
    );
    let left_par: Vec<usize> = left.sentences.iter().map(|s| s.paragraph).collect();
    let right_par: Vec<usize> = right.sentences.iter().map(|s| s.paragraph).collect();
    let mut model = Model::initial(&features);
    let pair = band::Pair {
        features: &features,
        left_paragraphs: &left_par,
        right_paragraphs: &right_par,
    };
    drop(anchors);
    let first_pass = timing::phase("first pass");
    let first = if band::fits(left_par.len(), right_par.len(), FULL_DP_CELLS) {
        // Small enough to weigh every alignment: learn from the beads that
        // are likely right.
        let path = band::search(pair, &model, TEMPERATURE, FULL_DP_CELLS).expect(ALWAYS);
        path.beads
            .into_iter()
            .zip(path.posteriors)
            .filter(|&(_, p)| p > CONFIDENT)
            .map(|(bead, _)| bead)
            .collect()
    } else {
        // Too large for that twice: the cheapest path's beads, in plenty.
        band::cheapest(pair, &model, FULL_DP_CELLS).expect(ALWAYS)
    };
    reestimate(&mut model, &features, &first);
    drop(first_pass);
    let second_pass = timing::phase("final pass");
    let path = band::search_near(pair, &model, TEMPERATURE, FULL_DP_CELLS, &first).expect(ALWAYS);
    drop(second_pass);
    Alignment {
        beads: path
            .beads
            .into_iter()
            .map(|(left, right)| Bead { left, right })
            .collect(),
        costs: path.costs,
        posteriors: path.posteriors,
        model,
        features,
    }
}

/// Pairs with at most this many grid cells get the full dynamic program;
/// larger ones a band around a coarse path (see [`band`]).
pub const FULL_DP_CELLS: usize = 4_000_000;

/// Why a search always finds a path.
const ALWAYS: &str = "1-0 and 0-1 beads reach every cell of a band, so a path always exists";

/// The posterior above which a bead of a first pass counts as right.
const CONFIDENT: f64 = 0.8;

/// Re-estimates the length ratio and variance from confident 1-1 beads,
/// shrunk towards the current values so that short texts keep sane ones.
fn reestimate(model: &mut Model, features: &Features, beads: &band::Beads) {
    let pairs: Vec<(f64, f64)> = beads
        .iter()
        .filter(|(l, r)| l.len() == 1 && r.len() == 1)
        .map(|(l, r)| {
            (
                features.left_chars[l.start] as f64,
                features.right_chars[r.start] as f64,
            )
        })
        .filter(|&(a, b)| a > 0.0 && b > 0.0)
        .collect();
    let strength = 10.0;
    let k = pairs.len() as f64;
    if k == 0.0 {
        return;
    }
    let (sl, sr): (f64, f64) = pairs
        .iter()
        .fold((0.0, 0.0), |acc, p| (acc.0 + p.0, acc.1 + p.1));
    let ratio = (strength * model.ratio + k * (sr / sl)) / (strength + k);
    let spread: f64 = pairs
        .iter()
        .map(|&(a, b)| (b - ratio * a).powi(2) / ((a + b / ratio) / 2.0))
        .sum::<f64>()
        / k;
    model.ratio = ratio;
    model.variance = (strength * model.variance + k * spread) / (strength + k);
}
