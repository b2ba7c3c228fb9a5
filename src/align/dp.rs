//! The dynamic program: the cheapest monotone path of beads through a grid.
//!
//! It sees only the grid size, the allowed bead shapes, a band of allowed
//! cells and a cost function, so it can be tested with made-up numbers. Next
//! to the best path it computes, by forward-backward over the same costs,
//! the posterior probability of each bead on that path.

use std::ops::Range;

/// A bead shape: how many left and right sentences one bead takes.
pub type Shape = (usize, usize);

/// The cells `(i, j)` the search may visit: for every `i` in `0..=n`, the
/// `j` in `rows[i]`. Bands are monotone: both ends never decrease with `i`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    rows: Vec<Range<usize>>,
    starts: Vec<usize>,
}

impl Band {
    /// Every cell of an `(n+1) × (m+1)` grid.
    pub fn full(n: usize, m: usize) -> Band {
        Band::from_rows(vec![0..m + 1; n + 1])
    }

    /// A band from its rows (`j` ranges per `i`, end exclusive).
    pub fn from_rows(rows: Vec<Range<usize>>) -> Band {
        let mut starts = Vec::with_capacity(rows.len() + 1);
        let mut total = 0;
        for r in &rows {
            starts.push(total);
            total += r.len();
        }
        starts.push(total);
        Band { rows, starts }
    }

    /// Number of cells in the band.
    pub fn cells(&self) -> usize {
        *self.starts.last().unwrap_or(&0)
    }

    /// The `j` range of row `i`.
    pub fn row(&self, i: usize) -> Range<usize> {
        self.rows[i].clone()
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let r = self.rows.get(i)?;
        r.contains(&j).then(|| self.starts[i] + j - r.start)
    }
}

/// The result of the search: the path as beads, the cost of each bead and
/// the posterior probability of each bead.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// `(left range, right range)` per bead, in order.
    pub beads: Vec<(Range<usize>, Range<usize>)>,
    /// The cost of each bead.
    pub costs: Vec<f64>,
    /// The probability of each bead under the path distribution `exp(-cost / temperature)`.
    pub posteriors: Vec<f64>,
}

/// Finds the cheapest path from `(0, 0)` to `(n, m)`.
///
/// `cost(i, a, j, b)` is the cost of a bead that takes left sentences
/// `i..i+a` and right sentences `j..j+b`. Returns `None` only when the band
/// holds no path to `(n, m)`.
pub fn best_path<F>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    temperature: f64,
    cost: F,
) -> Option<Path>
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
{
    // The two sweeps are independent: on two cores they take the time of one.
    let (sweep, backward) = rayon::join(
        || sweep(n, shapes, band, Some(temperature), &cost),
        || backward_pass(n, m, shapes, band, temperature, &cost),
    );
    let (sweep, backward) = (sweep?, backward?);
    let beads = trace(n, m, shapes, band, &sweep)?;
    let costs: Vec<f64> = beads
        .iter()
        .map(|(l, r)| cost(l.start, l.len(), r.start, r.len()))
        .collect();
    let forward = &sweep.forward;
    let (origin, end) = (band.index(0, 0)?, band.index(n, m)?);
    let total = forward[end];
    let posteriors = beads
        .iter()
        .zip(&costs)
        .map(|((l, r), &c)| {
            let before = forward[band.index(l.start, r.start).unwrap_or(origin)];
            let after = backward[band.index(l.end, r.end).unwrap_or(end)];
            (-(before + c + after - total) / temperature).exp().min(1.0)
        })
        .collect();
    Some(Path {
        beads,
        costs,
        posteriors,
    })
}

/// The beads of the cheapest path alone, without costs or posteriors: half
/// the work of [`best_path`], for searches that only guide a finer one.
pub fn cheapest_beads<F>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    cost: F,
) -> Option<Vec<(Range<usize>, Range<usize>)>>
where
    F: Fn(usize, usize, usize, usize) -> f64,
{
    let sweep = sweep(n, shapes, band, None, &cost)?;
    trace(n, m, shapes, band, &sweep)
}

/// What the forward sweep leaves per cell of the band.
struct Sweep {
    /// The cost of the cheapest path from the origin.
    best: Vec<f64>,
    /// The shape of the last bead of that path.
    back: Vec<u8>,
    /// -ln of the summed weight of all paths from the origin, times the
    /// temperature; empty when the sweep had no temperature.
    forward: Vec<f64>,
}

/// The forward sweep: cheapest costs, back pointers and, given a
/// temperature, the soft-min sums over all paths.
fn sweep<F>(
    n: usize,
    shapes: &[Shape],
    band: &Band,
    temperature: Option<f64>,
    cost: &F,
) -> Option<Sweep>
where
    F: Fn(usize, usize, usize, usize) -> f64,
{
    let cells = band.cells();
    let mut best = vec![f64::INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    let mut forward = vec![f64::INFINITY; if temperature.is_some() { cells } else { 0 }];
    let origin = band.index(0, 0)?;
    best[origin] = 0.0;
    if let Some(f) = forward.get_mut(origin) {
        *f = 0.0;
    }
    for i in 0..=n {
        for j in band.row(i) {
            let c = band.index(i, j)?;
            if c == origin {
                continue;
            }
            let mut terms = [f64::INFINITY; 16];
            for (s, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(p) = band.index(i - a, j - b) else {
                    continue;
                };
                if best[p].is_infinite() {
                    continue;
                }
                let step = cost(i - a, a, j - b, b);
                if best[p] + step < best[c] {
                    best[c] = best[p] + step;
                    back[c] = s as u8;
                }
                if temperature.is_some() {
                    terms[s.min(15)] = forward[p] + step;
                }
            }
            if let Some(t) = temperature {
                forward[c] = soft_min(&terms, t);
            }
        }
    }
    Some(Sweep {
        best,
        back,
        forward,
    })
}

/// Follows the back pointers from `(n, m)` to the origin.
fn trace(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    sweep: &Sweep,
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    if sweep.best[band.index(n, m)?].is_infinite() {
        return None;
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while (i, j) != (0, 0) {
        let (a, b) = shapes[sweep.back[band.index(i, j)?] as usize];
        beads.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    beads.reverse();
    Some(beads)
}

/// backward[c]: the soft-min cost of all paths from c to the end.
fn backward_pass<F>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    temperature: f64,
    cost: &F,
) -> Option<Vec<f64>>
where
    F: Fn(usize, usize, usize, usize) -> f64,
{
    let mut backward = vec![f64::INFINITY; band.cells()];
    backward[band.index(n, m)?] = 0.0;
    for i in (0..=n).rev() {
        for j in band.row(i).rev() {
            if (i, j) == (n, m) {
                continue;
            }
            let mut terms = [f64::INFINITY; 16];
            for (s, &(a, b)) in shapes.iter().enumerate() {
                let Some(q) = band.index(i + a, j + b) else {
                    continue;
                };
                if backward[q].is_infinite() {
                    continue;
                }
                terms[s.min(15)] = backward[q] + cost(i, a, j, b);
            }
            let c = band.index(i, j)?;
            backward[c] = soft_min(&terms, temperature);
        }
    }
    Some(backward)
}

/// `-t · ln Σ exp(-x / t)`, computed stably.
fn soft_min(terms: &[f64], t: f64) -> f64 {
    let low = terms.iter().copied().fold(f64::INFINITY, f64::min);
    if low.is_infinite() {
        return low;
    }
    // An infinite term adds exp(-inf) = 0 exactly; skipping it saves the exp.
    let sum: f64 = terms
        .iter()
        .filter(|x| x.is_finite())
        .map(|&x| (-(x - low) / t).exp())
        .sum();
    low - t * sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: &[Shape] = &[(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

    #[test]
    fn diagonal_is_found_when_it_is_cheapest() {
        let path = best_path(3, 3, SHAPES, &Band::full(3, 3), 1.0, |i, a, j, b| {
            if (a, b) == (1, 1) && i == j {
                0.0
            } else {
                5.0
            }
        })
        .unwrap();
        assert_eq!(path.beads, vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
        assert!(path.posteriors.iter().all(|&p| p > 0.9 && p <= 1.0));
    }

    #[test]
    fn merge_is_chosen_when_it_is_cheaper() {
        let path = best_path(2, 1, SHAPES, &Band::full(2, 1), 1.0, |_, a, _, b| {
            if (a, b) == (2, 1) {
                1.0
            } else {
                3.0
            }
        })
        .unwrap();
        assert_eq!(path.beads, vec![(0..2, 0..1)]);
    }

    #[test]
    fn a_band_without_a_path_gives_none() {
        let band = Band::from_rows(vec![0..1, 0..1, 2..3]);
        assert!(best_path(2, 2, &[(1, 1)], &band, 1.0, |_, _, _, _| 1.0).is_none());
    }

    #[test]
    fn posteriors_drop_when_two_paths_tie() {
        // Two equally cheap ways through: each bead on the chosen one has probability 1/2.
        let path = best_path(
            1,
            2,
            &[(1, 1), (0, 1)],
            &Band::full(1, 2),
            1.0,
            |_, _, _, _| 1.0,
        )
        .unwrap();
        assert!(path.posteriors.iter().all(|&p| (p - 0.5).abs() < 1e-9));
    }
}
