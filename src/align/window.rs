//! Searching a stretch of a grid again: the cheapest path between two
//! cells, inside a band, as if the first cell were the origin.
//!
//! In: a band, two cells of it and a cost model. Out: the beads of the
//! cheapest path between the cells, in the grid's own coordinates. A band
//! widened where a path came near its edge needs only the stretch of the
//! path around those places searched again, not the whole grid.

use std::ops::Range;

use super::dp::{self, Band, BeadCosts, Shape};

/// The beads of the cheapest path from cell `from` to cell `to` that keeps
/// to the cells of `band` between them, with the shapes `shapes`. `None`
/// when the band holds no such path.
pub fn cheapest_between<C: BeadCosts>(
    from: (usize, usize),
    to: (usize, usize),
    shapes: &[Shape],
    band: &Band,
    costs: &C,
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let ((i0, j0), (i1, j1)) = (from, to);
    if i1 < i0 || j1 < j0 {
        return None;
    }
    // The rows of the stretch, cut to its columns and moved to the origin.
    let rows = (i0..=i1)
        .map(|i| {
            let row = band.row(i);
            let start = row.start.clamp(j0, j1 + 1);
            let end = row.end.clamp(start, j1 + 1);
            start - j0..end - j0
        })
        .collect();
    let window = Band::from_rows(rows);
    let shifted = Shifted { costs, by: from };
    let beads = dp::cheapest_beads(i1 - i0, j1 - j0, shapes, &window, &shifted)?;
    Some(
        beads
            .into_iter()
            .map(|(l, r)| (l.start + i0..l.end + i0, r.start + j0..r.end + j0))
            .collect(),
    )
}

/// The costs of a grid whose origin is cell `by` of the grid of `costs`.
struct Shifted<'a, C> {
    costs: &'a C,
    by: (usize, usize),
}

impl<C: BeadCosts> BeadCosts for Shifted<'_, C> {
    type Scratch = C::Scratch;

    fn scratch(&self) -> C::Scratch {
        self.costs.scratch()
    }

    fn prepare(&self, i: usize, a: usize, scratch: &mut C::Scratch) {
        self.costs.prepare(i + self.by.0, a, scratch);
    }

    fn cost(&self, scratch: &mut C::Scratch, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let (di, dj) = self.by;
        self.costs.cost(scratch, i + di, a, j + dj, b)
    }

    fn fixed(&self, a: usize, b: usize) -> Option<f64> {
        self.costs.fixed(a, b)
    }

    fn costs_below(
        &self,
        scratch: &mut C::Scratch,
        (i, a): (usize, usize),
        (js, b): (Range<usize>, usize),
        limits: &[f64],
        out: &mut [f64],
    ) {
        let (di, dj) = self.by;
        let js = js.start + dj..js.end + dj;
        self.costs
            .costs_below(scratch, (i + di, a), (js, b), limits, out);
    }

    fn costs_along(
        &self,
        scratch: &mut C::Scratch,
        (i, a): (usize, usize),
        j: usize,
        widths: &[usize],
        out: &mut [f64],
    ) {
        let (di, dj) = self.by;
        self.costs
            .costs_along(scratch, (i + di, a), j + dj, widths, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::dp::FnCosts;

    /// Beads cost the squared difference of their sizes, plus one, and 3
    /// for a bead with an empty side; cells where `i + j` is a multiple of
    /// seven cost 5 more to leave, so that the cheapest path bends; and a
    /// little by place and shape, so that no two paths tie.
    fn costs() -> FnCosts<impl Fn(usize, usize, usize, usize) -> f64 + Sync> {
        FnCosts(|i: usize, a: usize, j: usize, b: usize| {
            let size = if a == 0 || b == 0 {
                3.0
            } else {
                1.0 + (a as f64 - b as f64).powi(2)
            };
            let place = ((i * 31 + j * 17 + a * 7 + b * 3) % 101) as f64 * 1e-4;
            size + place + if (i + j).is_multiple_of(7) { 5.0 } else { 0.0 }
        })
    }

    const SHAPES: &[Shape] = &[(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

    #[test]
    fn a_stretch_is_searched_as_the_whole_grid_would_be() {
        let (n, m) = (40, 44);
        let band = Band::full(n, m);
        let whole = dp::cheapest_beads(n, m, SHAPES, &band, &costs()).unwrap();
        // Any two cells of the whole grid's path: the stretch between them
        // is that of the whole path, since a cheapest path is cheapest
        // between any two of its cells (ties aside, and these costs have
        // none that matter here).
        let cells: Vec<(usize, usize)> = std::iter::once((0, 0))
            .chain(whole.iter().map(|(l, r)| (l.end, r.end)))
            .collect();
        for (x, y) in [
            (0, cells.len() - 1),
            (3, 17),
            (10, 11),
            (20, cells.len() - 1),
        ] {
            let stretch = cheapest_between(cells[x], cells[y], SHAPES, &band, &costs()).unwrap();
            assert_eq!(stretch, whole[x..y].to_vec(), "cells {x}..{y}");
        }
    }

    #[test]
    fn a_stretch_keeps_to_the_band() {
        let (n, m): (usize, usize) = (30, 30);
        // A band of three cells around the diagonal.
        let band = Band::from_rows(
            (0..=n)
                .map(|i| i.saturating_sub(1)..(i + 2).min(m + 1))
                .collect(),
        );
        let beads = cheapest_between((5, 5), (25, 25), SHAPES, &band, &costs()).unwrap();
        assert_eq!(beads.first().map(|b| (b.0.start, b.1.start)), Some((5, 5)));
        assert_eq!(beads.last().map(|b| (b.0.end, b.1.end)), Some((25, 25)));
        for (l, r) in &beads {
            assert!(
                band.row(l.end).contains(&r.end),
                "{l:?} {r:?} leaves the band"
            );
        }
        assert_eq!(
            cheapest_between((5, 5), (4, 9), SHAPES, &band, &costs()),
            None
        );
    }
}
