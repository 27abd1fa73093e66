//! The search: a dynamic programme over a corridor of the (source × target)
//! grid that picks the cheapest monotone sequence of beads, and the
//! forward–backward pass that turns bead costs into posterior probabilities.
//! It knows nothing of what a cost means; `cost(i, j, a, b)` prices the bead of
//! source sentences `i..i+a` and target sentences `j..j+b`.
//!
//! Where the corridor comes from (a coarser alignment, or a first pass) is
//! `plan`'s business; this module only guarantees that any corridor built by
//! [`Corridor::full`] or [`Corridor::around`] holds at least one path.

/// For each source position `i` (0..=n), the target positions `lo[i]..=hi[i]`
/// the search may visit. Both bounds never decrease with `i`, `lo[0] = 0`,
/// `hi[n] = m`, and neighbouring rows overlap, so 1-0 and 0-1 beads alone
/// always connect (0,0) to (n,m): a path always exists.
#[derive(Debug, Clone)]
pub struct Corridor {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
    m: usize,
}

impl Corridor {
    /// The whole grid.
    pub fn full(n: usize, m: usize) -> Corridor {
        Corridor::from_bounds(vec![0; n + 1], vec![m; n + 1], m)
    }

    /// Every cell within `margin` rows and columns (a square around each
    /// cell) of the cells that `rects` cover. Each rectangle `(rows, cols)`
    /// is a bead of a path, inclusive of both ends; consecutive rectangles
    /// share a corner, as the beads of a path do. Inside a rectangle only the
    /// cells near its diagonal count, so a coarse 1-1 bead of 8 × 8 sentences
    /// gives a corridor of width 2·margin + 2 rather than 8 + 2·margin.
    pub fn around(
        rects: impl IntoIterator<Item = ((usize, usize), (usize, usize))>,
        n: usize,
        m: usize,
        margin: usize,
    ) -> Corridor {
        Corridor::around_filling(rects, n, m, margin, usize::MAX)
    }

    /// As [`Corridor::around`], taking the whole of every rectangle longer
    /// than `fill_over` on both sides: a stretch of unknown path.
    pub fn around_filling(
        rects: impl IntoIterator<Item = ((usize, usize), (usize, usize))>,
        n: usize,
        m: usize,
        margin: usize,
        fill_over: usize,
    ) -> Corridor {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for ((r0, r1), (c0, c1)) in rects {
            let (r1, c1) = (r1.min(n), c1.min(m));
            let rows = r1.saturating_sub(r0);
            let whole = rows.min(c1.saturating_sub(c0)) > fill_over;
            for r in r0..=r1 {
                // The diagonal of the rectangle crosses row r between these
                // columns (all of them when the rectangle is one row high).
                let (from, to) = if rows == 0 || whole {
                    (c0, c1)
                } else {
                    let at = |k: usize| c0 + ((k - r0) * (c1 - c0)) / rows;
                    let next = ((r + 1 - r0) * (c1 - c0)).div_ceil(rows);
                    (at(r), (c0 + next).min(c1))
                };
                lo[r] = lo[r].min(from);
                hi[r] = hi[r].max(to);
            }
        }
        // Rows no rectangle touched take their neighbours' reach.
        for r in 1..=n {
            if lo[r] == usize::MAX {
                lo[r] = hi[r - 1];
                hi[r] = hi[r - 1];
            }
        }
        if lo[0] == usize::MAX {
            (lo[0], hi[0]) = (0, 0);
        }
        // Square dilation: a row sees the path `margin` rows above and below.
        // The bounds never decrease, so the window's extremes are its ends.
        let grown_lo = (0..=n)
            .map(|r| lo[r.saturating_sub(margin)].saturating_sub(margin))
            .collect();
        let grown_hi = (0..=n)
            .map(|r| (hi[(r + margin).min(n)] + margin).min(m))
            .collect();
        Corridor::from_bounds(grown_lo, grown_hi, m)
    }

    /// Both corridors' cells.
    pub fn union(&self, other: &Corridor) -> Corridor {
        let lo = self.lo.iter().zip(&other.lo).map(|(a, b)| *a.min(b));
        let hi = self.hi.iter().zip(&other.hi).map(|(a, b)| *a.max(b));
        Corridor::from_bounds(lo.collect(), hi.collect(), self.m)
    }

    /// Make the bounds monotone and connected, pin the corners, and lay out
    /// the cells row after row.
    fn from_bounds(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Corridor {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for r in (0..n).rev() {
            lo[r] = lo[r].min(lo[r + 1]);
        }
        for r in 1..=n {
            hi[r] = hi[r].max(hi[r - 1]);
            // Row r must reach back to where row r-1 ends its reach, or a
            // 1-0 bead could not cross.
            lo[r] = lo[r].min(hi[r - 1]);
        }
        let mut offset = Vec::with_capacity(n + 2);
        let mut total = 0;
        for r in 0..=n {
            offset.push(total);
            total += hi[r] - lo[r] + 1;
        }
        offset.push(total);
        Corridor { lo, hi, offset, m }
    }

    /// Number of source sentences.
    pub fn rows(&self) -> usize {
        self.lo.len() - 1
    }

    /// Lowest and highest target position allowed on rows `from..=to`.
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        let to = to.min(self.lo.len() - 1);
        (self.lo[from.min(to)], self.hi[to])
    }

    /// Cells in the corridor: what time and memory of the search follow.
    pub fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (i < self.lo.len() && j >= self.lo[i] && j <= self.hi[i])
            .then(|| self.offset[i] + j - self.lo[i])
    }

    /// Whether (i, j) lies on an edge of the corridor that is not an edge of
    /// the whole grid: a path there may have been cut off by the corridor.
    fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && self.lo[i] > 0) || (j == self.hi[i] && self.hi[i] < self.m)
    }
}

/// One bead of the best path: source `i..i+a`, target `j..j+b`, its cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub i: usize,
    pub j: usize,
    pub a: usize,
    pub b: usize,
    pub cost: f64,
}

impl Step {
    /// The grid rectangle the bead spans, for [`Corridor::around`].
    pub fn rect(&self) -> ((usize, usize), (usize, usize)) {
        ((self.i, self.i + self.a), (self.j, self.j + self.b))
    }
}

/// Prices the beads ending at one cell (see [`Costs::new`]).
pub type Pricer<'a> = dyn Fn(usize, usize, u128, &mut [f32]) + Sync + 'a;

/// Every bead cost the search needs, computed once and shared by the three
/// passes (best path, forward, backward): the cost of bead type `t` ending at
/// cell (i, j), infinite where the bead would start outside the corridor.
/// Stored as f32, 4 bytes a cell and type, one row per source position so
/// that a widened corridor takes over the rows it did not change.
pub struct Costs {
    types: Vec<(usize, usize)>,
    rows: Vec<Vec<f32>>,
}

impl Costs {
    /// Prices every bead that starts and ends inside `corridor`, taking over
    /// what `known` (a narrower corridor of the same grid) priced already: a
    /// widened corridor only prices its new beads. `price(i, j, wanted,
    /// out)` writes the cost of each type t ending at (i, j) whose bit is set
    /// in `wanted` to `out[t]`. Rows are priced in parallel: each is
    /// independent of the others.
    pub fn new(
        corridor: &Corridor,
        types: &[(usize, usize)],
        price: &Pricer,
        known: Option<(&Corridor, Costs)>,
    ) -> Costs {
        assert!(types.len() <= 128, "at most 128 bead types");
        use rayon::prelude::*;
        let n = corridor.rows();
        let reach = types.iter().map(|&(a, _)| a).max().unwrap_or(0);
        let (old_corridor, mut old_rows) = match known {
            Some((c, costs)) => (Some(c), costs.rows),
            None => (None, Vec::new()),
        };
        // A row whose bounds, and those of the rows its beads start in, are
        // as before keeps its costs.
        let same = |i: usize| {
            old_corridor.is_some_and(|c| {
                (i.saturating_sub(reach)..=i)
                    .all(|r| c.lo[r] == corridor.lo[r] && c.hi[r] == corridor.hi[r])
            })
        };
        let mut rows: Vec<Option<Vec<f32>>> = (0..=n)
            .map(|i| same(i).then(|| std::mem::take(&mut old_rows[i])))
            .collect();
        let old_rows = &old_rows;
        rows.par_iter_mut()
            .enumerate()
            .filter(|(_, r)| r.is_none())
            .for_each(|(i, slot)| {
                let (lo, hi) = (corridor.lo[i], corridor.hi[i]);
                let mut row = vec![f32::INFINITY; (hi - lo + 1) * types.len()];
                for (j, cell) in (lo..=hi).zip(row.chunks_mut(types.len())) {
                    let old = old_corridor.and_then(|c| {
                        c.index(i, j)?;
                        Some((c, &old_rows[i][(j - c.lo[i]) * types.len()..]))
                    });
                    let mut wanted = 0u128;
                    for (t, (slot, &(a, b))) in cell.iter_mut().zip(types).enumerate() {
                        if a > i || b > j || corridor.index(i - a, j - b).is_none() {
                            continue;
                        }
                        match old {
                            Some((c, old)) if c.index(i - a, j - b).is_some() => *slot = old[t],
                            _ => wanted |= 1 << t,
                        }
                    }
                    if wanted != 0 {
                        price(i, j, wanted, cell);
                    }
                }
                *slot = Some(row);
            });
        Costs {
            types: types.to_vec(),
            rows: rows.into_iter().map(|r| r.unwrap_or_default()).collect(),
        }
    }

    /// Cost of bead type `t` ending at the `k`-th cell of row `i`.
    fn at(&self, i: usize, k: usize, t: usize) -> f64 {
        f64::from(self.rows[i][k * self.types.len() + t])
    }
}

/// The cheapest path through the corridor, and whether it touched an inner
/// edge of the corridor (then a wider corridor may find a cheaper one).
pub fn best_path(corridor: &Corridor, costs: &Costs) -> (Vec<Step>, bool) {
    let n = corridor.rows();
    let types = &costs.types;
    let mut best = vec![f64::INFINITY; corridor.cells()];
    let mut back = vec![u8::MAX; corridor.cells()];
    best[0] = 0.0;
    for i in 0..=n {
        for j in corridor.lo[i]..=corridor.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let here = corridor.index(i, j).expect("in corridor");
            for (t, &(a, b)) in types.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = corridor.index(i - a, j - b) else {
                    continue;
                };
                let c = best[prev] + costs.at(i, j - corridor.lo[i], t);
                if c < best[here] {
                    best[here] = c;
                    back[here] = t as u8;
                }
            }
        }
    }
    let mut steps = Vec::new();
    let mut edge = false;
    let (mut i, mut j) = (n, corridor.m);
    while i > 0 || j > 0 {
        let here = corridor.index(i, j).expect("path stays in corridor");
        // A corridor always holds a path, and costs are finite or +inf (never
        // NaN: the tunables' ranges see to it), so every cell on the way back
        // has a predecessor.
        let (a, b) = types[back[here] as usize];
        let prev = corridor.index(i - a, j - b).expect("in corridor");
        steps.push(Step {
            i: i - a,
            j: j - b,
            a,
            b,
            cost: best[here] - best[prev],
        });
        edge |= corridor.on_inner_edge(i, j);
        i -= a;
        j -= b;
    }
    steps.reverse();
    (steps, edge)
}

/// Posterior probability of each step of `path` under the distribution that
/// gives every path through the corridor weight exp(−total cost / temperature).
pub fn posteriors(corridor: &Corridor, costs: &Costs, temperature: f64, path: &[Step]) -> Vec<f64> {
    let (n, m) = (corridor.rows(), corridor.m);
    let scale = 1.0 / temperature;
    // Forward and backward log-weights in f32: half the memory, and ample
    // precision for a probability that is shown to three decimals. The two
    // passes are independent: one on each core.
    let (fwd, bwd) = rayon::join(
        || forward(corridor, costs, scale),
        || backward(corridor, costs, scale),
    );
    let total = f64::from(fwd[corridor.index(n, m).expect("corner in corridor")]);
    path.iter()
        .map(|s| {
            let from = corridor.index(s.i, s.j).expect("in corridor");
            let to = corridor.index(s.i + s.a, s.j + s.b).expect("in corridor");
            (f64::from(fwd[from]) - s.cost * scale + f64::from(bwd[to]) - total)
                .exp()
                .clamp(0.0, 1.0)
        })
        .collect()
}

/// Log-weight of all paths from (0,0) to each cell.
fn forward(corridor: &Corridor, costs: &Costs, scale: f64) -> Vec<f32> {
    let n = corridor.rows();
    let types = &costs.types;
    let mut terms = [0f64; 128];
    let mut fwd = vec![f32::NEG_INFINITY; corridor.cells()];
    fwd[0] = 0.0;
    for i in 0..=n {
        for j in corridor.lo[i]..=corridor.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let here = corridor.index(i, j).expect("in corridor");
            let mut k = 0;
            for (t, &(a, b)) in types.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                if let Some(prev) = corridor.index(i - a, j - b)
                    && fwd[prev].is_finite()
                {
                    terms[k] = f64::from(fwd[prev]) - costs.at(i, j - corridor.lo[i], t) * scale;
                    k += 1;
                }
            }
            fwd[here] = log_sum_exp(&terms[..k]) as f32;
        }
    }
    fwd
}

/// Log-weight of all paths from each cell to (n,m).
fn backward(corridor: &Corridor, costs: &Costs, scale: f64) -> Vec<f32> {
    let (n, m) = (corridor.rows(), corridor.m);
    let types = &costs.types;
    let mut terms = [0f64; 128];
    let mut bwd = vec![f32::NEG_INFINITY; corridor.cells()];
    bwd[corridor.index(n, m).expect("corner in corridor")] = 0.0;
    for i in (0..=n).rev() {
        for j in (corridor.lo[i]..=corridor.hi[i]).rev() {
            if i == n && j == m {
                continue;
            }
            let mut k = 0;
            for (t, &(a, b)) in types.iter().enumerate() {
                if i + a > n || j + b > m {
                    continue;
                }
                if let Some(next) = corridor.index(i + a, j + b)
                    && bwd[next].is_finite()
                {
                    let at = j + b - corridor.lo[i + a];
                    terms[k] = f64::from(bwd[next]) - costs.at(i + a, at, t) * scale;
                    k += 1;
                }
            }
            bwd[corridor.index(i, j).expect("in corridor")] = log_sum_exp(&terms[..k]) as f32;
        }
    }
    bwd
}

fn log_sum_exp(xs: &[f64]) -> f64 {
    // A term this far below the largest adds less than f32 can hold (the
    // sums are kept in f32): most bead shapes at a cell, and no exp() for them.
    const NEGLIGIBLE: f64 = -24.0;
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max.is_infinite() {
        return max;
    }
    let sum: f64 = (xs.iter().map(|x| x - max))
        .filter(|&d| d > NEGLIGIBLE)
        .map(f64::exp)
        .sum();
    max + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

    type BeadFn = dyn Fn(usize, usize, usize, usize) -> f64 + Sync;

    /// Costs from a function of one bead (start i, j; shape a, b).
    fn costs(corridor: &Corridor, cost: &BeadFn) -> Costs {
        let price = |i: usize, j: usize, wanted: u128, out: &mut [f32]| {
            for (t, &(a, b)) in TYPES.iter().enumerate() {
                if wanted & (1 << t) != 0 {
                    out[t] = cost(i - a, j - b, a, b) as f32;
                }
            }
        };
        Costs::new(corridor, &TYPES, &price, None)
    }

    fn path_of(corridor: &Corridor, cost: &BeadFn) -> (Vec<Step>, bool) {
        best_path(corridor, &costs(corridor, cost))
    }

    #[test]
    fn finds_the_cheap_diagonal_and_a_merge() {
        // Cheap beads: (0,0,1,1), (1,1,2,1), (3,2,1,1).
        let cost = |i: usize, j: usize, a: usize, b: usize| match (i, j, a, b) {
            (0, 0, 1, 1) | (1, 1, 2, 1) | (3, 2, 1, 1) => 0.1,
            _ => 5.0,
        };
        let corridor = Corridor::full(4, 3);
        let costs = costs(&corridor, &cost);
        let (path, edge) = best_path(&corridor, &costs);
        let got: Vec<_> = path.iter().map(|s| (s.i, s.j, s.a, s.b)).collect();
        assert_eq!(got, [(0, 0, 1, 1), (1, 1, 2, 1), (3, 2, 1, 1)]);
        assert!(!edge);
        let post = posteriors(&corridor, &costs, 1.0, &path);
        assert!(post.iter().all(|&p| p > 0.9 && p <= 1.0), "{post:?}");
    }

    #[test]
    fn narrow_corridor_reports_its_edge() {
        // The only cheap path runs far off the diagonal.
        let cost = |i: usize, j: usize, a: usize, b: usize| match (a, b) {
            (0, 1) if i == 0 => 0.0,
            (1, 1) if j == i + 6 => 0.0,
            (0, 1) if i == 10 => 0.0,
            _ => 3.0,
        };
        let diagonal = (0..10).map(|k| ((k, k + 1), (2 * k, 2 * k + 2)));
        let corridor = Corridor::around(diagonal, 10, 20, 1);
        assert!(path_of(&corridor, &cost).1);
        assert!(!path_of(&Corridor::full(10, 20), &cost).1);
    }

    #[test]
    fn empty_sides() {
        let cost = |_: usize, _: usize, _: usize, _: usize| 1.0;
        assert_eq!(path_of(&Corridor::full(0, 2), &cost).0.len(), 2);
        assert_eq!(path_of(&Corridor::full(2, 0), &cost).0.len(), 2);
        assert_eq!(path_of(&Corridor::full(0, 0), &cost).0.len(), 0);
    }

    #[test]
    fn any_corridor_around_a_path_holds_a_path() {
        // A path of one long insertion and steep runs, with margin 0: the
        // corridor is the path alone, and still connects the corners.
        let rects = [
            ((0, 1), (0, 1)),
            ((1, 1), (1, 40)),
            ((1, 4), (40, 41)),
            ((4, 5), (41, 50)),
        ];
        let corridor = Corridor::around(rects, 5, 50, 0);
        let cost = |_: usize, _: usize, _: usize, _: usize| 1.0;
        let (path, _) = path_of(&corridor, &cost);
        let (src, tgt): (usize, usize) = path.iter().fold((0, 0), |(s, t), p| (s + p.a, t + p.b));
        assert_eq!((src, tgt), (5, 50));
        // The insertion row spans the whole insertion, the others stay narrow.
        assert!(corridor.cells() < 5 * 50 / 2, "{}", corridor.cells());
    }
}
