//! The dynamic program: the cheapest monotone path of beads through a grid.
//!
//! It sees only the grid size, the allowed bead shapes, a band of allowed
//! cells and a cost function, so it can be tested with made-up numbers. Next
//! to the best path it computes, by forward-backward over the same costs,
//! the posterior probability of each bead on that path.

use std::ops::Range;

use rayon::prelude::*;

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

/// The costs of beads, as the search asks for them: all beads that take the
/// same left sentences come together, after one [`BeadCosts::prepare`], so
/// that a cost model can do the work of the left side once.
pub trait BeadCosts: Sync {
    /// What [`BeadCosts::prepare`] leaves for [`BeadCosts::cost`]; one per thread.
    type Scratch;
    /// A fresh scratch.
    fn scratch(&self) -> Self::Scratch;
    /// Readies `scratch` for beads whose left side is `i..i+a`.
    fn prepare(&self, i: usize, a: usize, scratch: &mut Self::Scratch);
    /// The cost of the bead left `i..i+a` (as prepared), right `j..j+b`.
    fn cost(&self, scratch: &mut Self::Scratch, i: usize, a: usize, j: usize, b: usize) -> f64;
    /// The cost of every bead of shape `(a, b)`, if it is the same wherever
    /// the bead lies (a model may cost omissions so).
    fn fixed(&self, a: usize, b: usize) -> Option<f64> {
        let _ = (a, b);
        None
    }
    /// The costs of the beads left `i..i+a` (as prepared), right `j..j+b`
    /// for each `j` of `js`, into `out` (as long as `js`). Where the cost is
    /// above the `limits` entry of its `j`, any value above it will do: a
    /// cheapest-path search need not know how much above. One call for a
    /// run of beads, so that a cost model does the work of their left side
    /// once.
    fn costs_below(
        &self,
        scratch: &mut Self::Scratch,
        (i, a): (usize, usize),
        (js, b): (Range<usize>, usize),
        limits: &[f64],
        out: &mut [f64],
    ) {
        let _ = limits;
        for (j, out) in js.zip(out) {
            *out = self.cost(scratch, i, a, j, b);
        }
    }
    /// The costs of the beads left `i..i+a` (as prepared), right `j..j+b`
    /// for each `b` of `widths` (rising, none 0), into `out`: beads that
    /// start in the same cell, for a model that can cost them together.
    fn costs_along(
        &self,
        scratch: &mut Self::Scratch,
        (i, a): (usize, usize),
        j: usize,
        widths: &[usize],
        out: &mut [f64],
    ) {
        for (&b, out) in widths.iter().zip(out) {
            *out = self.cost(scratch, i, a, j, b);
        }
    }
}

/// A cost function as [`BeadCosts`] with nothing to prepare.
pub struct FnCosts<F>(pub F);

impl<F: Fn(usize, usize, usize, usize) -> f64 + Sync> BeadCosts for FnCosts<F> {
    type Scratch = ();
    fn scratch(&self) {}
    fn prepare(&self, _: usize, _: usize, _: &mut ()) {}
    fn cost(&self, _: &mut (), i: usize, a: usize, j: usize, b: usize) -> f64 {
        (self.0)(i, a, j, b)
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
/// `costs` gives the cost of a bead that takes left sentences `i..i+a` and
/// right sentences `j..j+b`. Returns `None` only when the band holds no
/// path to `(n, m)`.
pub fn best_path<C: BeadCosts>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    temperature: f64,
    costs: &C,
) -> Option<Path> {
    best_path_tabled(n, m, shapes, band, temperature, costs, TABLE_BYTES)
}

/// [`best_path`] with a table of at most `table_bytes`.
fn best_path_tabled<C: BeadCosts>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    temperature: f64,
    costs: &C,
    table_bytes: usize,
) -> Option<Path> {
    let shapes = Shapes::new(shapes);
    // Both sweeps ask for every bead: the beads that start in the first rows
    // of the band, as many as the table holds (all, on most texts), are
    // costed once, on all cores, and the sweeps read them from the table.
    let slots = shapes
        .all
        .iter()
        .filter(|&&(a, b)| costs.fixed(a, b).is_none())
        .count();
    let per_row = |i: usize| band.row(i).len() * slots * std::mem::size_of::<f32>();
    let mut bytes = 0;
    let tabled = (0..=n)
        .take_while(|&i| {
            bytes += per_row(i);
            bytes <= table_bytes
        })
        .count();
    let costing = crate::timing::phase("  table");
    let table = Table::new(tabled, n, &shapes, band, costs);
    drop(costing);
    let _sweeping = crate::timing::phase("  sweeps");
    // The two sweeps are independent: on two cores they take the time of one.
    let (forward, backward) = rayon::join(
        || forward(0..n + 1, &shapes, band, Some(temperature), &table),
        || backward(0..n + 1, m, &shapes, band, Some(temperature), &table),
    );
    let (forward, backward) = (forward?, backward?);
    let end = band.index(n, m)?;
    if forward.best[end].is_infinite() {
        return None;
    }
    let beads = trace_back(&shapes, band, &forward, (n, m))?;
    let mut scratch = costs.scratch();
    let bead_costs: Vec<f64> = beads
        .iter()
        .map(|(l, r)| {
            costs.prepare(l.start, l.len(), &mut scratch);
            costs.cost(&mut scratch, l.start, l.len(), r.start, r.len())
        })
        .collect();
    let origin = band.index(0, 0)?;
    let total = forward.soft[end];
    let posteriors = beads
        .iter()
        .zip(&bead_costs)
        .map(|((l, r), &c)| {
            let before = forward.soft[band.index(l.start, r.start).unwrap_or(origin)];
            let after = backward.soft[band.index(l.end, r.end).unwrap_or(end)];
            (-(before + c + after - total) / temperature).exp().min(1.0)
        })
        .collect();
    Some(Path {
        beads,
        costs: bead_costs,
        posteriors,
    })
}

/// The most memory a table of bead costs may take: 576 MiB, which holds the
/// final band of a pair of a million sentences a side.
const TABLE_BYTES: usize = 9 << 26;

/// Rows costed by one task of [`Table::new`].
const TABLE_ROWS: usize = 256;

/// The cost of every bead that starts in the first `rows` rows of a band
/// and ends in it, by start cell and shape (infinite where it does not
/// fit), computed once, in parallel; the costs of the beads that start in
/// later rows come from the cost function each time they are asked for.
struct Table<'a, C> {
    band: &'a Band,
    rows: usize,
    /// The slot of a shape in a cell by `[a][b]`, or the cost all its beads
    /// have, which takes no slot.
    index: Vec<Vec<Slot>>,
    /// Slots per cell.
    shapes: usize,
    table: Vec<f32>,
    costs: &'a C,
}

impl<'a, C: BeadCosts> Table<'a, C> {
    fn new(rows: usize, n: usize, shapes: &Shapes, band: &'a Band, costs: &'a C) -> Table<'a, C> {
        let widest = shapes.all.iter().map(|s| s.1).max().unwrap_or(0);
        let mut index = vec![vec![Slot::Fixed(f32::INFINITY); widest + 1]; shapes.by_left.len()];
        let mut ns = 0;
        for &(a, b) in &shapes.all {
            index[a][b] = match costs.fixed(a, b) {
                Some(cost) => Slot::Fixed(cost as f32),
                None => {
                    ns += 1;
                    Slot::At(ns - 1)
                }
            };
        }
        let index = &index;
        // Per left count `a`: the widths `b` of the shapes that need a slot,
        // rising, with their slots.
        let slotted: Vec<Vec<(usize, usize)>> = shapes
            .by_left
            .iter()
            .enumerate()
            .map(|(a, group)| {
                let mut widths: Vec<(usize, usize)> = group
                    .iter()
                    .filter_map(|&(_, b)| match index[a][b] {
                        Slot::At(s) if a + b > 0 => Some((b, s)),
                        _ => None,
                    })
                    .collect();
                widths.sort_unstable();
                widths
            })
            .collect();
        let slotted = &slotted;
        let mut table = vec![f32::INFINITY; band.starts[rows] * ns];
        // Split the table into blocks of rows, one task each.
        let mut blocks = Vec::new();
        let mut rest = &mut table[..];
        for i0 in (0..rows).step_by(TABLE_ROWS) {
            let i1 = (i0 + TABLE_ROWS).min(rows);
            let (block, tail) = rest.split_at_mut((band.starts[i1] - band.starts[i0]) * ns);
            blocks.push((i0..i1, block));
            rest = tail;
        }
        // One scratch per worker, not per block: a scratch holds a table
        // by key id, and clearing one per block would cost more than the block.
        blocks.into_par_iter().for_each_init(
            || (costs.scratch(), (Vec::new(), Vec::new()), Vec::new()),
            |(scratch, fit, out), (rows, block)| {
                let base = band.starts[rows.start];
                for i in rows {
                    let row = band.row(i);
                    let cell = |j: usize| (band.starts[i] - base + j - row.start) * ns;
                    for (a, widths) in slotted.iter().enumerate() {
                        if i + a > n {
                            break;
                        }
                        let to = band.row(i + a);
                        let mut prepared = false;
                        for j in row.clone() {
                            // Those whose beads from cell (i, j) end in the band.
                            let (fitting, slots) = fit;
                            fitting.clear();
                            slots.clear();
                            for &(b, s) in widths.iter().filter(|&&(b, _)| to.contains(&(j + b))) {
                                fitting.push(b);
                                slots.push(s);
                            }
                            if fitting.is_empty() {
                                continue;
                            }
                            if !prepared {
                                costs.prepare(i, a, scratch);
                                prepared = true;
                            }
                            out.resize(fitting.len(), 0.0);
                            costs.costs_along(scratch, (i, a), j, fitting, out);
                            for (&s, &c) in slots.iter().zip(out.iter()) {
                                block[cell(j) + s] = c as f32;
                            }
                        }
                    }
                }
            },
        );
        Table {
            band,
            rows,
            index: index.clone(),
            shapes: ns,
            table,
            costs,
        }
    }
}

/// Where a [`Table`] keeps the costs of a shape.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// In this slot of each cell.
    At(usize),
    /// Nowhere: every bead of the shape costs this.
    Fixed(f32),
}

impl<C: BeadCosts> BeadCosts for Table<'_, C> {
    type Scratch = C::Scratch;
    fn scratch(&self) -> C::Scratch {
        self.costs.scratch()
    }
    fn prepare(&self, i: usize, a: usize, scratch: &mut C::Scratch) {
        if i >= self.rows {
            self.costs.prepare(i, a, scratch);
        }
    }
    fn cost(&self, scratch: &mut C::Scratch, i: usize, a: usize, j: usize, b: usize) -> f64 {
        if i >= self.rows {
            return self.costs.cost(scratch, i, a, j, b);
        }
        match self.index[a][b] {
            Slot::Fixed(cost) => f64::from(cost),
            Slot::At(s) => {
                let c = self.band.starts[i] + j - self.band.rows[i].start;
                f64::from(self.table[c * self.shapes + s])
            }
        }
    }
    fn costs_below(
        &self,
        scratch: &mut C::Scratch,
        (i, a): (usize, usize),
        (js, b): (Range<usize>, usize),
        limits: &[f64],
        out: &mut [f64],
    ) {
        if i >= self.rows {
            return self
                .costs
                .costs_below(scratch, (i, a), (js, b), limits, out);
        }
        for (j, out) in js.zip(out) {
            *out = self.cost(scratch, i, a, j, b);
        }
    }
}

/// The beads of the cheapest path alone, without costs or posteriors, for
/// searches that only guide a finer one. A long grid is searched from both
/// ends at once, each sweep covering half the rows, and the halves meet in
/// the middle: on two cores, a quarter of the work of [`best_path`].
pub fn cheapest_beads<C: BeadCosts>(
    n: usize,
    m: usize,
    shapes: &[Shape],
    band: &Band,
    costs: &C,
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let shapes = Shapes::new(shapes);
    let reach = shapes.by_left.len().max(2) - 1;
    if n < 8 * reach {
        let forward = forward(0..n + 1, &shapes, band, None, costs)?;
        if forward.best[band.index(n, m)?].is_infinite() {
            return None;
        }
        return trace_back(&shapes, band, &forward, (n, m));
    }
    // Every path has a point in rows middle..middle + reach, since no bead
    // takes more than `reach` left sentences.
    let middle = n / 2;
    let (forward, backward) = rayon::join(
        || forward(0..middle + reach, &shapes, band, None, costs),
        || backward(middle..n + 1, m, &shapes, band, None, costs),
    );
    let (forward, backward) = (forward?, backward?);
    let (meet, _) = (middle..middle + reach)
        .flat_map(|i| band.row(i).map(move |j| (i, j)))
        .filter_map(|(i, j)| {
            let c = band.index(i, j)?;
            Some(((i, j), forward.best[c] + backward.best[c]))
        })
        .filter(|&(_, total)| total.is_finite())
        .min_by(|x, y| x.1.total_cmp(&y.1))?;
    let mut beads = trace_back(&shapes, band, &forward, meet)?;
    let (mut i, mut j) = meet;
    while (i, j) != (n, m) {
        let (a, b) = *shapes
            .all
            .get(usize::from(backward.back[band.index(i, j)?]))?;
        beads.push((i..i + a, j..j + b));
        i += a;
        j += b;
    }
    Some(beads)
}

/// The shapes, grouped by how many left sentences they take, so that the
/// beads of one left run are costed together.
struct Shapes {
    all: Vec<Shape>,
    /// Per left count `a`: `(shape index, b)`.
    by_left: Vec<Vec<(u8, usize)>>,
}

impl Shapes {
    fn new(shapes: &[Shape]) -> Shapes {
        assert!(shapes.len() < usize::from(u8::MAX), "too many bead shapes");
        let longest = shapes.iter().map(|s| s.0).max().unwrap_or(0);
        let mut by_left = vec![Vec::new(); longest + 1];
        for (s, &(a, b)) in shapes.iter().enumerate() {
            by_left[a].push((s as u8, b));
        }
        Shapes {
            all: shapes.to_vec(),
            by_left,
        }
    }

    /// The shapes that take no left sentence, as `(shape index, b)`.
    fn within_row(&self) -> &[(u8, usize)] {
        self.by_left.first().map_or(&[][..], Vec::as_slice)
    }
}

/// What a sweep leaves per cell of the band (cells outside its rows stay
/// unreached).
struct Sweep {
    /// The cost of the cheapest path from the origin (forward) or to the
    /// end (backward); empty when nobody follows the cheapest path from the
    /// end (a backward sweep with a temperature).
    best: Vec<f64>,
    /// The shape of the last bead of that path (forward) or of its first
    /// (backward); empty when `best` is.
    back: Vec<u8>,
    /// -ln of the summed weight of all those paths, times the temperature;
    /// empty when the sweep had no temperature.
    soft: Vec<f64>,
}

impl Sweep {
    fn new(cells: usize, best: bool, soft: bool) -> Sweep {
        let size = |keep: bool| if keep { cells } else { 0 };
        Sweep {
            best: vec![f64::INFINITY; size(best)],
            back: vec![u8::MAX; size(best)],
            soft: vec![f64::INFINITY; size(soft)],
        }
    }

    /// Whether some path reaches cell `c`.
    fn reached(&self, c: usize) -> bool {
        match self.best.get(c) {
            Some(best) => best.is_finite(),
            None => self.soft[c].is_finite(),
        }
    }

    /// Settles cell `c` from the terms gathered for it.
    fn settle(&mut self, c: usize, terms: &RowTerms, k: usize, temperature: Option<f64>) {
        if !self.best.is_empty() {
            self.best[c] = terms.best[k];
            self.back[c] = terms.back[k];
        }
        if let Some(t) = temperature {
            self.soft[c] = terms.soft_min(k, t);
        }
    }

    /// Makes `c` the start of every path: cost 0.
    fn start(&mut self, c: usize) {
        if let Some(b) = self.best.get_mut(c) {
            *b = 0.0;
        }
        if let Some(f) = self.soft.get_mut(c) {
            *f = 0.0;
        }
    }

    /// Offers cell `k` of `terms` the paths through cell `p` and a bead of
    /// shape `s` and cost `step`.
    fn extend(&self, terms: &mut RowTerms, k: usize, s: u8, p: usize, step: f64) {
        let soft = self.soft.get(p).map_or(0.0, |f| f + step);
        let best = self.best.get(p).map_or(soft, |b| b + step);
        terms.offer(k, s, best, soft);
    }
}

/// The best and the soft-min terms of the cells of one band row, gathered
/// before the row's cells are settled.
struct RowTerms {
    best: Vec<f64>,
    back: Vec<u8>,
    /// Per cell, one term per shape; empty without a temperature.
    terms: Vec<f64>,
    shapes: usize,
}

impl RowTerms {
    fn new(shapes: usize) -> RowTerms {
        RowTerms {
            best: Vec::new(),
            back: Vec::new(),
            terms: Vec::new(),
            shapes,
        }
    }

    fn reset(&mut self, width: usize, soft: bool) {
        self.best.clear();
        self.best.resize(width, f64::INFINITY);
        self.back.clear();
        self.back.resize(width, u8::MAX);
        self.terms.clear();
        if soft {
            self.terms.resize(width * self.shapes, f64::INFINITY);
        }
    }

    /// Offers cell `k` a path of cost `best` and soft-min term `soft` through shape `s`.
    fn offer(&mut self, k: usize, s: u8, best: f64, soft: f64) {
        // Ties go to the shape listed first, as in a plain loop over shapes.
        if best < self.best[k] || (best == self.best[k] && s < self.back[k]) {
            self.best[k] = best;
            self.back[k] = s;
        }
        if !self.terms.is_empty() {
            self.terms[k * self.shapes + usize::from(s)] = soft;
        }
    }

    fn soft_min(&self, k: usize, t: f64) -> f64 {
        soft_min(&self.terms[k * self.shapes..(k + 1) * self.shapes], t)
    }
}

/// The forward sweep over `rows` (which start at 0): cheapest costs, back
/// pointers and, given a temperature, the soft-min sums over all paths.
/// Row by row; within a row, the beads that come from earlier rows first
/// (grouped by left run), then those within the row, left to right.
fn forward<C: BeadCosts>(
    rows: Range<usize>,
    shapes: &Shapes,
    band: &Band,
    temperature: Option<f64>,
    costs: &C,
) -> Option<Sweep> {
    let mut sweep = Sweep::new(band.cells(), true, temperature.is_some());
    let origin = band.index(0, 0)?;
    let mut runs = Runs::new(costs);
    let mut terms = RowTerms::new(shapes.all.len());
    for i in rows {
        let row = band.row(i);
        terms.reset(row.len(), temperature.is_some());
        for (a, group) in shapes.by_left.iter().enumerate().skip(1).take(i) {
            let from = band.row(i - a);
            for &(s, b) in group {
                // Beads from cells `starts` of row i - a to cells `ends` of row i.
                let ends = row.start.max(from.start + b)..row.end.min(from.end + b);
                let starts = ends.start.saturating_sub(b)..ends.end.saturating_sub(b);
                let run = Run {
                    left: (i - a, a),
                    starts: starts.clone(),
                    shape: (s, b),
                    far: band.starts[i - a] + starts.start.saturating_sub(from.start),
                    near: ends.start - row.start,
                };
                runs.offer(costs, &sweep, &mut terms, run, temperature);
            }
        }
        let first = band.starts[i];
        for j in row.clone() {
            let (k, c) = (j - row.start, first + j - row.start);
            if c == origin {
                sweep.start(c);
                continue;
            }
            for &(s, b) in shapes.within_row() {
                if b > 0 && j >= row.start + b && sweep.reached(c - b) {
                    let step = costs.cost(&mut runs.scratch, i, 0, j - b, b);
                    sweep.extend(&mut terms, k, s, c - b, step);
                }
            }
            sweep.settle(c, &terms, k, temperature);
        }
    }
    Some(sweep)
}

/// The backward sweep over `rows` (which end at `n + 1`): the mirror of
/// [`forward`], with costs to the end `(n, m)` and the first bead of each
/// cheapest path. Row by row from the last; within a row, the beads that
/// reach later rows first, then those within the row, right to left.
fn backward<C: BeadCosts>(
    rows: Range<usize>,
    m: usize,
    shapes: &Shapes,
    band: &Band,
    temperature: Option<f64>,
    costs: &C,
) -> Option<Sweep> {
    let n = rows.end.checked_sub(1)?;
    // With a temperature, only the soft sums of a backward sweep are used.
    let mut sweep = Sweep::new(band.cells(), temperature.is_none(), temperature.is_some());
    let end = band.index(n, m)?;
    let mut runs = Runs::new(costs);
    let mut terms = RowTerms::new(shapes.all.len());
    for i in rows.rev() {
        let row = band.row(i);
        terms.reset(row.len(), temperature.is_some());
        for (a, group) in shapes.by_left.iter().enumerate().skip(1).take(n - i) {
            let to = band.row(i + a);
            for &(s, b) in group {
                // Beads from cells `starts` of row i to cells of row i + a.
                let (lo, hi) = (to.start.saturating_sub(b), to.end.saturating_sub(b));
                let starts = row.start.max(lo)..row.end.min(hi);
                let run = Run {
                    left: (i, a),
                    starts: starts.clone(),
                    shape: (s, b),
                    far: band.starts[i + a] + (starts.start + b).saturating_sub(to.start),
                    near: starts.start - row.start,
                };
                runs.offer(costs, &sweep, &mut terms, run, temperature);
            }
        }
        let first = band.starts[i];
        for j in row.clone().rev() {
            let (k, c) = (j - row.start, first + j - row.start);
            if c == end {
                sweep.start(c);
                continue;
            }
            for &(s, b) in shapes.within_row() {
                if b > 0 && j + b < row.end && sweep.reached(c + b) {
                    let step = costs.cost(&mut runs.scratch, i, 0, j, b);
                    sweep.extend(&mut terms, k, s, c + b, step);
                }
            }
            sweep.settle(c, &terms, k, temperature);
        }
    }
    Some(sweep)
}

/// Beads that one sweep offers together: those of one shape from left run
/// `left` and the right cells `starts`, whose other ends are the cells
/// `far..` of the sweep (already settled) and which offer cells `near..` of
/// the row being settled.
struct Run {
    left: (usize, usize),
    starts: Range<usize>,
    shape: (u8, usize),
    far: usize,
    near: usize,
}

/// What a sweep keeps from run to run: the cost model's scratch, with the
/// left run it was prepared for, and the limits and costs of a run.
struct Runs<S> {
    scratch: S,
    prepared: Option<(usize, usize)>,
    limits: Vec<f64>,
    out: Vec<f64>,
}

impl<S> Runs<S> {
    fn new<C: BeadCosts<Scratch = S>>(costs: &C) -> Runs<S> {
        Runs {
            scratch: costs.scratch(),
            prepared: None,
            limits: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Costs the beads of `run` and offers them to `terms`. A bead whose
    /// far cell no path reaches is not offered; with a temperature every
    /// bead counts in full; without one, a bead matters only if it beats
    /// the best offer so far, and its cost may be cut short above that.
    fn offer<C: BeadCosts<Scratch = S>>(
        &mut self,
        costs: &C,
        sweep: &Sweep,
        terms: &mut RowTerms,
        run: Run,
        temperature: Option<f64>,
    ) {
        self.limits.clear();
        self.limits.extend((0..run.starts.len()).map(|x| {
            let c = run.far + x;
            if !sweep.reached(c) {
                f64::NEG_INFINITY
            } else if temperature.is_some() {
                f64::INFINITY
            } else {
                terms.best[run.near + x] - sweep.best[c]
            }
        }));
        if self.limits.iter().all(|&l| l == f64::NEG_INFINITY) {
            return;
        }
        let (i, a) = run.left;
        if self.prepared != Some(run.left) {
            costs.prepare(i, a, &mut self.scratch);
            self.prepared = Some(run.left);
        }
        let (s, b) = run.shape;
        self.out.resize(run.starts.len(), 0.0);
        costs.costs_below(
            &mut self.scratch,
            run.left,
            (run.starts, b),
            &self.limits,
            &mut self.out,
        );
        for (x, (&step, &limit)) in self.out.iter().zip(&self.limits).enumerate() {
            if limit > f64::NEG_INFINITY {
                sweep.extend(terms, run.near + x, s, run.far + x, step);
            }
        }
    }
}

/// Follows the back pointers of a forward sweep from `(i, j)` to the origin.
fn trace_back(
    shapes: &Shapes,
    band: &Band,
    sweep: &Sweep,
    (mut i, mut j): (usize, usize),
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let mut beads = Vec::new();
    while (i, j) != (0, 0) {
        let (a, b) = *shapes.all.get(usize::from(sweep.back[band.index(i, j)?]))?;
        beads.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    beads.reverse();
    Some(beads)
}

/// Terms this many temperatures above the lowest weigh below e^-45 of it.
const NEGLIGIBLE: f64 = 45.0;

/// `-t · ln Σ exp(-x / t)`, computed stably.
fn soft_min(terms: &[f64], t: f64) -> f64 {
    let low = terms.iter().copied().fold(f64::INFINITY, f64::min);
    if low.is_infinite() {
        return low;
    }
    // A term far above the lowest adds less than the last bit of a sum that
    // holds exp(0) = 1 (an infinite one adds 0 exactly): skipping it saves
    // the exp and changes nothing.
    let negligible = low + NEGLIGIBLE * t;
    let sum: f64 = terms
        .iter()
        .filter(|&&x| x <= negligible)
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
        let path = best_path(
            3,
            3,
            SHAPES,
            &Band::full(3, 3),
            1.0,
            &FnCosts(
                |i, a, j, b| {
                    if (a, b) == (1, 1) && i == j {
                        0.0
                    } else {
                        5.0
                    }
                },
            ),
        )
        .unwrap();
        assert_eq!(path.beads, vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
        assert!(path.posteriors.iter().all(|&p| p > 0.9 && p <= 1.0));
    }

    #[test]
    fn merge_is_chosen_when_it_is_cheaper() {
        let path = best_path(
            2,
            1,
            SHAPES,
            &Band::full(2, 1),
            1.0,
            &FnCosts(|_, a, _, b| if (a, b) == (2, 1) { 1.0 } else { 3.0 }),
        )
        .unwrap();
        assert_eq!(path.beads, vec![(0..2, 0..1)]);
    }

    #[test]
    fn meeting_in_the_middle_finds_the_path_a_forward_sweep_finds() {
        // Irregular costs from a hash of the bead, so no two paths tie.
        let cost = |i: usize, a: usize, j: usize, b: usize| {
            let h = (i * 7919 + a * 104_729 + j * 1_299_709 + b * 15_485_863) % 1_000_003;
            (h as f64 / 1_000_003.0) * 4.0 + if a == b { 0.0 } else { 1.5 }
        };
        for (n, m) in [(40, 45), (61, 50), (100, 100)] {
            let band = Band::full(n, m);
            let met = cheapest_beads(n, m, SHAPES, &band, &FnCosts(cost)).unwrap();
            let swept = best_path(n, m, SHAPES, &band, 1.0, &FnCosts(cost)).unwrap();
            assert_eq!(met, swept.beads, "{n}x{m}");
        }
    }

    #[test]
    fn a_band_without_a_path_gives_none() {
        let band = Band::from_rows(vec![0..1, 0..1, 2..3]);
        assert!(best_path(2, 2, &[(1, 1)], &band, 1.0, &FnCosts(|_, _, _, _| 1.0)).is_none());
    }

    #[test]
    fn rows_beyond_the_table_are_costed_as_the_table_would() {
        // Costs in eighths, which f32 holds exactly, and an omission cost
        // that depends on where it lies, so that every shape takes a slot.
        let cost = |i: usize, a: usize, j: usize, b: usize| {
            let h = (i * 7919 + a * 104_729 + j * 1_299_709 + b * 15_485_863) % 97;
            h as f64 / 8.0 + if a == b { 0.0 } else { 3.0 }
        };
        let (n, m) = (60, 70);
        let band = Band::full(n, m);
        let whole = best_path(n, m, SHAPES, &band, 1.0, &FnCosts(cost)).unwrap();
        // No row tabled, a few, and all but the last.
        for bytes in [0, 3 * 71 * SHAPES.len() * 4, 60 * 71 * SHAPES.len() * 4] {
            let part = best_path_tabled(n, m, SHAPES, &band, 1.0, &FnCosts(cost), bytes).unwrap();
            assert_eq!(part, whole, "table of {bytes} bytes");
        }
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
            &FnCosts(|_, _, _, _| 1.0),
        )
        .unwrap();
        assert!(path.posteriors.iter().all(|&p| (p - 0.5).abs() < 1e-9));
    }
}
