//! Bands for long texts: the search runs on a strip of cells around a coarse
//! path, so that its time and memory grow linearly with the text.
//!
//! In: the [`Features`] of a pair, the paragraph number of every sentence, a
//! [`Model`] and a cell budget. Out: the [`Path`] of the search.
//!
//! A pair whose grid has at most `full_cells` cells is searched whole, so
//! short texts get exactly the full dynamic program. A larger pair is first
//! halved (neighbouring sentences become one: lengths add, anchor keys unite,
//! the paragraph is that of the first) and the halved pair is aligned the
//! same way, recursively. Its path, scaled back onto the finer grid and
//! widened by [`RADIUS`] cells on every side, is the band of the finer
//! search. Where the finer path comes within [`MARGIN`] cells of an edge of
//! the band that is not an edge of the grid, the band is widened there and
//! the search redone, so that the band, not the cost model, rarely decides
//! the path.

use std::ops::Range;

use crate::anchors::{Features, KeyLists};

use super::cost::{Model, Scorer};
use super::dp::{self, Band, Path};
use super::window;

/// How many cells the band reaches beyond the scaled coarse path, each side.
pub const RADIUS: usize = 3;

/// How far the band of a quartered pair's path reaches: each row takes in
/// what the rows this close to it hold, and as many cells more each side
/// (see [`around_quarter`]).
pub const QUARTER_RADIUS: usize = 3;

/// A path point this close to an inner edge of the band asks for a wider band.
pub const MARGIN: usize = 2;

/// How many cells the band of a second search reaches beyond the path of
/// the first, each side: the model changes little between them.
pub const NEAR_RADIUS: usize = 2;

/// The largest grid a halved pair is searched on whole. Halved pairs only
/// guide the finer search, so they are cut down to a size that is quick.
const COARSE_CELLS: usize = 60_000;

/// The most anchor keys a sentence of a halved pair keeps: the heaviest.
/// Without a cap, keys pile up level after level and the cost of a coarse
/// bead grows with the length of the text; the rarest keys place it best.
const COARSE_KEYS: usize = 16;

/// The most sentences, both sides together, that a bead of [`cheapest`]
/// takes.
const GUIDE_SHAPE: usize = 4;

/// How often a band is widened before its path is taken as it is.
const WIDENINGS: u32 = 3;

/// Beads as the dynamic program returns them.
pub type Beads = Vec<(Range<usize>, Range<usize>)>;

/// A pair as the search sees it: the anchor features and the paragraph
/// number of every sentence of each side.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// The anchor features.
    pub features: &'a Features,
    /// Left paragraph numbers, per sentence.
    pub left_paragraphs: &'a [usize],
    /// Right paragraph numbers, per sentence.
    pub right_paragraphs: &'a [usize],
}

impl Pair<'_> {
    /// Sentences on the left and on the right.
    fn size(&self) -> (usize, usize) {
        (self.left_paragraphs.len(), self.right_paragraphs.len())
    }

    /// The scorer of the pair under `model`.
    fn scorer<'m>(&'m self, model: &'m Model) -> Scorer<'m> {
        Scorer::new(
            self.features,
            self.left_paragraphs,
            self.right_paragraphs,
            model,
        )
    }
}

/// A coarser pair made from a finer one (see [`halve`]), which owns what
/// its [`Pair`] borrows.
struct Coarse {
    features: Features,
    left_paragraphs: Vec<usize>,
    right_paragraphs: Vec<usize>,
}

impl Coarse {
    fn pair(&self) -> Pair<'_> {
        Pair {
            features: &self.features,
            left_paragraphs: &self.left_paragraphs,
            right_paragraphs: &self.right_paragraphs,
        }
    }
}

/// Searches the pair with the full grid when it has at most `full_cells`
/// cells, else coarse to fine. Returns `None` only when the shapes of the
/// model cannot reach `(n, m)` (they always can: 1-0 and 0-1 beads exist).
pub fn search(pair: Pair, model: &Model, temperature: f64, full_cells: usize) -> Option<Path> {
    search_in(pair, model, temperature, band_for(pair, model, full_cells))
}

/// The beads of the cheapest path alone, found like [`search`] finds its
/// path but without the posteriors and with the shapes of at most
/// [`GUIDE_SHAPE`] sentences: a fraction of the work, for a first pass.
pub fn cheapest(pair: Pair, model: &Model, full_cells: usize) -> Option<Beads> {
    let coarse = crate::timing::phase("  coarse");
    let band = band_for(pair, model, full_cells);
    drop(coarse);
    let _fine = crate::timing::phase("  fine");
    // This path only guides: a band of a few cells around it holds the
    // rarer shapes' paths too, so the shapes of up to four sentences do.
    cheapest_in(pair, model, band, GUIDE_SHAPE)
}

/// The cheapest path in `band` with the shapes of at most `largest`
/// sentences. Where the path comes near an inner edge of the band, the band
/// is widened there and only the stretches of the path around those places
/// are searched again (see [`repair`]), at most [`WIDENINGS`] times: a few
/// points near the edge of a long band cost a few short searches, not the
/// whole search again.
fn cheapest_in(pair: Pair, model: &Model, band: Band, largest: usize) -> Option<Beads> {
    let (n, m) = pair.size();
    let scorer = pair.scorer(model);
    let shapes: Vec<_> = scorer
        .shapes()
        .into_iter()
        .filter(|&(a, b)| a + b <= largest)
        .collect();
    let search = |band: &Band| dp::cheapest_beads(n, m, &shapes, band, &scorer);
    let Some(mut beads) = search(&band) else {
        // A band without a path: widened everywhere, and searched whole.
        return refine(n, m, band, |b: &Beads| b, search);
    };
    let mut band = band;
    for round in 0..WIDENINGS {
        let near = near_edge(&band, &beads, m);
        if near.is_empty() {
            break;
        }
        let reach = RADIUS << (round + 1);
        band = widen(&band, &near, reach, n, m);
        beads = repair(&beads, &near, STRETCH * reach, |from, to| {
            window::cheapest_between(from, to, &shapes, &band, &scorer)
        });
    }
    Some(beads)
}

/// How many times the reach of a widening a stretch that is searched again
/// extends before and after each point that asked for it.
const STRETCH: usize = 8;

/// `beads` with the stretch around each of `points` (in path order)
/// searched again by `search`, from a cell of the path at least `stretch`
/// rows before the point to one at least `stretch` rows after it;
/// overlapping stretches are searched as one. A stretch that `search`
/// finds no path for keeps its beads.
fn repair(
    beads: &Beads,
    points: &[(usize, usize)],
    stretch: usize,
    search: impl Fn((usize, usize), (usize, usize)) -> Option<Beads>,
) -> Beads {
    let cells: Vec<(usize, usize)> = path_cells(beads).collect();
    // Stretches as ranges of those cells, and so of the beads between them.
    let mut stretches: Vec<Range<usize>> = Vec::new();
    for &(i, _) in points {
        let before = i.saturating_sub(stretch);
        let from = cells.partition_point(|c| c.0 <= before).saturating_sub(1);
        let to = cells
            .partition_point(|c| c.0 < i + stretch)
            .min(cells.len() - 1);
        match stretches.last_mut() {
            Some(last) if from <= last.end => last.end = last.end.max(to),
            _ => stretches.push(from..to),
        }
    }
    let mut repaired = Vec::with_capacity(beads.len());
    let mut next = 0;
    for s in stretches {
        repaired.extend_from_slice(&beads[next..s.start]);
        match search(cells[s.start], cells[s.end]) {
            Some(found) => repaired.extend(found),
            None => repaired.extend_from_slice(&beads[s.clone()]),
        }
        next = s.end;
    }
    repaired.extend_from_slice(&beads[next..]);
    repaired
}

/// The best path in `band`, widened where the path nears its edge.
fn search_in(pair: Pair, model: &Model, temperature: f64, band: Band) -> Option<Path> {
    let (n, m) = pair.size();
    let scorer = pair.scorer(model);
    let shapes = scorer.shapes();
    refine(
        n,
        m,
        band,
        |p: &Path| &p.beads,
        |band| dp::best_path(n, m, &shapes, band, temperature, &scorer),
    )
}

/// Whether the whole grid of an `n × m` pair is small enough to search.
pub fn fits(n: usize, m: usize, full_cells: usize) -> bool {
    n < 2 || m < 2 || (n + 1).saturating_mul(m + 1) <= full_cells
}

/// Like [`search`], but for a pair already aligned once with a slightly
/// different model: a large pair is searched in a band around `previous`
/// (widened where the path nears its edge) instead of coarse to fine again.
pub fn search_near(
    pair: Pair,
    model: &Model,
    temperature: f64,
    full_cells: usize,
    previous: &Beads,
) -> Option<Path> {
    let (n, m) = pair.size();
    let band = if fits(n, m, full_cells) {
        Band::full(n, m)
    } else {
        around_scaled(previous, 1, n, m, NEAR_RADIUS)
    };
    search_in(pair, model, temperature, band)
}

/// The band for a pair: the whole grid if it fits; else the band around
/// the path of a coarser pair, scaled back: the pair halved, when that is
/// small enough to search whole, else the pair quartered, whose band comes
/// from halving it again and again (see [`halving_band`]). Quartering skips
/// the largest coarse level: a third of the coarse work, for a finest band
/// a little wider. (Quartering at every level lost the path on long texts.)
fn band_for(pair: Pair, model: &Model, full_cells: usize) -> Band {
    let (n, m) = pair.size();
    if fits(n, m, full_cells) {
        return Band::full(n, m);
    }
    let model = &coarse_model(model);
    let cells = full_cells.min(COARSE_CELLS);
    let half = halve(pair);
    let (h, k) = half.pair().size();
    if fits(h, k, cells) {
        let beads = coarse_path(half.pair(), model, Band::full(h, k));
        return around(&beads, n, m, RADIUS);
    }
    let quarter = halve(half.pair());
    let band = halving_band(quarter.pair(), model, cells);
    let beads = coarse_path(quarter.pair(), model, band);
    around_quarter(&beads, n, m)
}

/// The band of a coarse pair: the whole grid if it has at most `cells`
/// cells, else the band around the path of the pair halved, scaled back.
fn halving_band(pair: Pair, model: &Model, cells: usize) -> Band {
    let (n, m) = pair.size();
    if fits(n, m, cells) {
        return Band::full(n, m);
    }
    let half = halve(pair);
    let band = halving_band(half.pair(), model, cells);
    let beads = coarse_path(half.pair(), model, band);
    around(&beads, n, m, RADIUS)
}

/// The model of the coarse searches: a coarse sentence holds the names of
/// several, so the idle fine, meant for one sentence merged in for nothing,
/// would only slow them.
fn coarse_model(model: &Model) -> Model {
    Model {
        idle_weight: 0.0,
        ..model.clone()
    }
}

/// The cheapest path of a coarse pair in `band`, with all shapes (fewer
/// lost the path), widened where the path nears its edge.
fn coarse_path(pair: Pair, model: &Model, band: Band) -> Beads {
    let (n, m) = pair.size();
    cheapest_in(pair, model, band, usize::MAX).unwrap_or_else(|| vec![(0..n, 0..m)])
}

/// Runs `search` in `band`, widening the band where the path comes near its
/// inner edges and searching again, at most [`WIDENINGS`] times.
fn refine<T>(
    n: usize,
    m: usize,
    mut band: Band,
    beads: impl Fn(&T) -> &Beads,
    search: impl Fn(&Band) -> Option<T>,
) -> Option<T> {
    for round in 0..=WIDENINGS {
        let reach = RADIUS << (round + 1);
        match search(&band) {
            Some(found) => {
                let near = near_edge(&band, beads(&found), m);
                if near.is_empty() || round == WIDENINGS {
                    return Some(found);
                }
                band = widen(&band, &near, reach, n, m);
            }
            None => {
                let everywhere: Vec<(usize, usize)> = (0..=n)
                    .flat_map(|i| {
                        let r = band.row(i);
                        [(i, r.start), (i, r.end.saturating_sub(1))]
                    })
                    .collect();
                band = widen(&band, &everywhere, reach, n, m);
            }
        }
    }
    None
}

/// The cells of a path: the origin, then where each bead ends.
fn path_cells(beads: &Beads) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::once((0, 0)).chain(beads.iter().map(|(l, r)| (l.end, r.end)))
}

/// The path points that lie within [`MARGIN`] cells of an edge of the band
/// that the grid does not impose.
fn near_edge(band: &Band, beads: &Beads, m: usize) -> Vec<(usize, usize)> {
    path_cells(beads)
        .filter(|&(i, j)| {
            let row = band.row(i);
            (row.start > 0 && j < row.start + MARGIN) || (row.end <= m && j + MARGIN >= row.end)
        })
        .collect()
}

/// The band of the path of a halved pair, scaled to the `n × m` grid and
/// widened by `radius` cells.
fn around(coarse: &Beads, n: usize, m: usize, radius: usize) -> Band {
    around_scaled(coarse, 2, n, m, radius)
}

/// The band of a path whose indices are `scale` times smaller than those of
/// the `n × m` grid, widened by `radius` cells.
fn around_scaled(coarse: &Beads, scale: usize, n: usize, m: usize, radius: usize) -> Band {
    let (low, high) = drawn(coarse, scale, n, m, false);
    around_drawn(&low, &high, n, m, radius)
}

/// The band of the path of a quartered pair, scaled to the `n × m` grid. A
/// 1-1 bead of the quartered pair amid other 1-1 beads, by far the most
/// common, stands for four sentences a side that the finer path crosses
/// close to the diagonal of their block, so it is drawn as that diagonal;
/// any other bead (a merge, an omission, or a 1-1 bead beside one), where
/// the finer path may bend anywhere, as its whole block. Each row then takes
/// in what the rows within [`QUARTER_RADIUS`] of it hold, widened by as many
/// cells each side. Drawn as whole blocks, as [`around_scaled`] draws them,
/// every row would be about a fifth wider; on the long benchmark pairs the
/// path is the same.
fn around_quarter(coarse: &Beads, n: usize, m: usize) -> Band {
    let (low, high) = drawn(coarse, 4, n, m, true);
    around_drawn(&low, &high, n, m, QUARTER_RADIUS)
}

/// The lowest and highest `j` per row of the `n × m` grid that the path
/// `coarse`, `scale` times smaller, passes: every bead drawn as its whole
/// block, or, with `diagonals`, a 1-1 bead amid other 1-1 beads as the
/// diagonal of its block. Both rise with the row, as the path does.
fn drawn(
    coarse: &Beads,
    scale: usize,
    n: usize,
    m: usize,
    diagonals: bool,
) -> (Vec<usize>, Vec<usize>) {
    let mut low = vec![usize::MAX; n + 1];
    let mut high = vec![0; n + 1];
    // Whether bead `k` is 1-1, or lies beyond either end of the path.
    let one_one = |k: usize| {
        coarse
            .get(k)
            .is_none_or(|(l, r)| l.len() == 1 && r.len() == 1)
    };
    for (k, (l, r)) in coarse.iter().enumerate() {
        let (i0, i1) = ((scale * l.start).min(n), (scale * l.end).min(n));
        let (j0, j1) = ((scale * r.start).min(m), (scale * r.end).min(m));
        let amid = (k == 0 || one_one(k - 1)) && one_one(k) && one_one(k + 1);
        let diagonal = diagonals && amid && i1 > i0;
        for i in i0..=i1 {
            let (lo, hi) = if diagonal {
                let along = (i - i0) * (j1 - j0);
                (j0 + along / (i1 - i0), j0 + along.div_ceil(i1 - i0))
            } else {
                (j0, j1)
            };
            low[i] = low[i].min(lo);
            high[i] = high[i].max(hi);
        }
    }
    (low, high)
}

/// The band whose row `i` holds what the rows within `radius` of it hold
/// (`low` and `high` per row, both rising), widened by `radius` cells each
/// side.
fn around_drawn(low: &[usize], high: &[usize], n: usize, m: usize, radius: usize) -> Band {
    let rows = (0..=n)
        .map(|i| {
            let lo = low[i.saturating_sub(radius)].saturating_sub(radius);
            let hi = (high[(i + radius).min(n)] + radius).min(m);
            lo..hi + 1
        })
        .collect();
    Band::from_rows(rows)
}

/// The band with a square of `reach` cells added around each of `points`,
/// kept monotone.
fn widen(band: &Band, points: &[(usize, usize)], reach: usize, n: usize, m: usize) -> Band {
    let mut low: Vec<usize> = (0..=n).map(|i| band.row(i).start).collect();
    let mut high: Vec<usize> = (0..=n).map(|i| band.row(i).end).collect();
    for &(i, j) in points {
        for k in i.saturating_sub(reach)..=(i + reach).min(n) {
            low[k] = low[k].min(j.saturating_sub(reach));
            high[k] = high[k].max((j + reach + 1).min(m + 1));
        }
    }
    for k in (0..n).rev() {
        low[k] = low[k].min(low[k + 1]);
    }
    for k in 1..=n {
        high[k] = high[k].max(high[k - 1]);
    }
    Band::from_rows(low.into_iter().zip(high).map(|(lo, hi)| lo..hi).collect())
}

/// The pair with every two neighbouring sentences of each side made one.
fn halve(pair: Pair) -> Coarse {
    let features = pair.features;
    let (left_chars, left_keys, left_paragraphs) = halve_side(
        &features.left_chars,
        &features.left_keys,
        pair.left_paragraphs,
        &features.weights,
    );
    let (right_chars, right_keys, right_paragraphs) = halve_side(
        &features.right_chars,
        &features.right_keys,
        pair.right_paragraphs,
        &features.weights,
    );
    Coarse {
        features: Features {
            left_chars,
            right_chars,
            left_keys,
            right_keys,
            weights: features.weights.clone(),
            kinds: features.kinds.clone(),
            ..Features::default()
        },
        left_paragraphs,
        right_paragraphs,
    }
}

fn halve_side(
    chars: &[usize],
    keys: &KeyLists,
    paragraphs: &[usize],
    weights: &[f64],
) -> (Vec<usize>, KeyLists, Vec<usize>) {
    let chars = chars.chunks(2).map(|c| c.iter().sum()).collect();
    let mut union: Vec<u32> = Vec::new();
    let keys = (0..keys.len())
        .step_by(2)
        .map(|s| {
            // Both lists are sorted and distinct: merge them.
            let (x, y) = (&keys[s], keys.lists(s + 1..(s + 2).min(keys.len())).next());
            union.clear();
            union.extend_from_slice(x);
            if let Some(y) = y {
                union.extend_from_slice(y);
                if !x.is_empty() && !y.is_empty() && x[x.len() - 1] >= y[0] {
                    union.sort_unstable();
                    union.dedup();
                }
            }
            if union.len() > COARSE_KEYS {
                // Heaviest first; ties by id, so the choice does not depend on the sort.
                let heavier = |&x: &u32, &y: &u32| {
                    weights[y as usize]
                        .total_cmp(&weights[x as usize])
                        .then(x.cmp(&y))
                };
                union.select_nth_unstable_by(COARSE_KEYS - 1, heavier);
                union.truncate(COARSE_KEYS);
                union.sort_unstable();
            }
            union.clone()
        })
        .collect();
    let paragraphs = paragraphs.chunks(2).map(|p| p[0]).collect();
    (chars, keys, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_of_a_diagonal_follows_it() {
        let coarse: Beads = (0..5).map(|k| (k..k + 1, k..k + 1)).collect();
        let band = around(&coarse, 10, 10, 1);
        assert_eq!(band.row(0), 0..4);
        assert_eq!(band.row(5), 1..10);
        assert_eq!(band.row(10), 7..11);
    }

    #[test]
    fn a_quartered_path_is_drawn_as_diagonals_and_blocks() {
        // Three 1-1 beads, a 2-1 merge, two 1-1 beads: scale 4.
        let coarse: Beads = vec![
            (0..1, 0..1),
            (1..2, 1..2),
            (2..3, 2..3),
            (3..5, 3..4),
            (5..6, 4..5),
            (6..7, 5..6),
        ];
        let (n, m) = (28, 24);
        let band = around_quarter(&coarse, n, m);
        let r = QUARTER_RADIUS;
        // Row 2 lies on the first diagonal: the rows within r of it reach
        // from j = 0 to j = 5, widened by r on each side (and cut at 0).
        assert_eq!(band.row(2), 0..5 + r + 1);
        // The merge and the 1-1 beads beside it are drawn as whole blocks:
        // every row of the merge holds its columns 12..=16, and every row
        // of the bead before it the columns 8..=12.
        for i in 12..=20 {
            assert!(
                band.row(i).contains(&12) && band.row(i).contains(&16),
                "row {i}"
            );
        }
        for i in 8..=12 {
            assert!(
                band.row(i).contains(&8) && band.row(i).contains(&12),
                "row {i}"
            );
        }
        // The band ends in the grid's last corner.
        assert_eq!(band.row(n).end, m + 1);
        // Narrower than the block-drawn band on the diagonal.
        let blocks = around_scaled(&coarse, 4, n, m, QUARTER_RADIUS);
        assert!(band.row(2).len() < blocks.row(2).len());
        for i in 1..=n {
            assert!(band.row(i).start >= band.row(i - 1).start);
            assert!(band.row(i).end >= band.row(i - 1).end);
        }
    }

    #[test]
    fn repair_searches_only_the_stretches_around_the_points() {
        let diagonal: Beads = (0..100).map(|k| (k..k + 1, k..k + 1)).collect();
        // A search that takes each stretch as one bead, and records it.
        let asked = std::cell::RefCell::new(Vec::new());
        let one_bead = |from: (usize, usize), to: (usize, usize)| {
            asked.borrow_mut().push((from, to));
            Some(vec![(from.0..to.0, from.1..to.1)])
        };
        let repaired = repair(&diagonal, &[(50, 50)], 10, one_bead);
        assert_eq!(asked.take(), vec![((40, 40), (60, 60))]);
        assert_eq!(repaired.len(), 100 - 20 + 1);
        assert_eq!(repaired[40], (40..60, 40..60));
        assert_eq!(repaired[..40], diagonal[..40]);
        assert_eq!(repaired[41..], diagonal[60..]);
        // Points whose stretches overlap are searched once; far ones apart.
        repair(&diagonal, &[(20, 20), (30, 30), (80, 80)], 10, one_bead);
        assert_eq!(
            asked.take(),
            vec![((10, 10), (40, 40)), ((70, 70), (90, 90))]
        );
        // Stretches reach the ends of the path, and keep their beads when the
        // search finds nothing.
        repair(&diagonal, &[(3, 3), (97, 97)], 10, one_bead);
        assert_eq!(
            asked.take(),
            vec![((0, 0), (13, 13)), ((87, 87), (100, 100))]
        );
        assert_eq!(repair(&diagonal, &[(50, 50)], 10, |_, _| None), diagonal);
    }

    #[test]
    fn widening_keeps_the_band_monotone_and_adds_the_points() {
        let band = Band::from_rows(vec![0..2, 1..3, 2..4, 3..5]);
        let wide = widen(&band, &[(2, 3)], 1, 3, 6);
        assert!(wide.row(2).contains(&4) && wide.row(1).contains(&2));
        for i in 1..=3 {
            assert!(wide.row(i).start >= wide.row(i - 1).start);
            assert!(wide.row(i).end >= wide.row(i - 1).end);
        }
    }

    #[test]
    fn points_near_inner_edges_are_found() {
        let band = Band::from_rows(vec![0..5, 0..20, 10..20]);
        let beads: Beads = vec![(0..1, 0..4), (1..2, 4..11)];
        // (1, 4) is far from row 1's edges; (2, 11) is near row 2's inner start 10.
        assert_eq!(near_edge(&band, &beads, 19), vec![(2, 11)]);
    }

    #[test]
    fn halving_adds_lengths_and_unites_keys() {
        let (chars, keys, paragraphs) = halve_side(
            &[3, 4, 5],
            &[vec![1, 5], vec![2, 5], vec![7]].into_iter().collect(),
            &[0, 1, 1],
            &[1.0; 8],
        );
        assert_eq!(chars, vec![7, 5]);
        assert_eq!(keys, [vec![1, 2, 5], vec![7]].into_iter().collect());
        assert_eq!(paragraphs, vec![0, 1]);
    }
}
