//! The search: a dynamic programme over a band around the diagonal that picks
//! the cheapest monotone sequence of beads, and the forward–backward pass that
//! turns bead costs into posterior probabilities. It knows nothing of what a
//! cost means; `cost(i, j, a, b)` prices the bead of source sentences
//! `i..i+a` and target sentences `j..j+b`.

/// For each source position `i` (0..=n), the target positions `lo[i]..=hi[i]`
/// the search may visit. Memory and time grow with n × band width.
#[derive(Debug, Clone)]
pub struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
    m: usize,
}

impl Band {
    /// Positions within `half_width` of the straight line from (0,0) to (n,m).
    pub fn diagonal(n: usize, m: usize, half_width: usize) -> Band {
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let centre = (i * m + n / 2).checked_div(n).unwrap_or(0);
            lo.push(centre.saturating_sub(half_width));
            hi.push((centre + half_width).min(m));
        }
        if n == 0 {
            hi[0] = m;
        }
        hi[n] = m;
        let mut offset = Vec::with_capacity(n + 2);
        let mut total = 0;
        for i in 0..=n {
            offset.push(total);
            total += hi[i] - lo[i] + 1;
        }
        offset.push(total);
        Band { lo, hi, offset, m }
    }

    /// Lowest and highest target position allowed on rows `from..=to`.
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        let to = to.min(self.lo.len() - 1);
        (self.lo[from.min(to)], self.hi[to])
    }

    fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (i < self.lo.len() && j >= self.lo[i] && j <= self.hi[i])
            .then(|| self.offset[i] + j - self.lo[i])
    }

    /// Whether (i, j) lies on an edge of the band that is not an edge of the
    /// whole matrix: a path there may have been cut off by the band.
    fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && self.lo[i] > 0) || (j == self.hi[i] && self.hi[i] < self.m)
    }

    pub fn half_width_covers_all(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
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

/// Every bead cost the search needs, computed once and shared by the three
/// passes (best path, forward, backward): the cost of bead type `t` ending at
/// cell (i, j), infinite where the bead would start outside the band.
pub struct Costs {
    types: Vec<(usize, usize)>,
    table: Vec<f32>,
}

impl Costs {
    /// Rows are priced in parallel: each is independent of the others.
    pub fn new(
        band: &Band,
        n: usize,
        types: &[(usize, usize)],
        cost: &(dyn Fn(usize, usize, usize, usize) -> f64 + Sync),
    ) -> Costs {
        use rayon::prelude::*;
        let rows: Vec<Vec<f32>> = (0..=n)
            .into_par_iter()
            .map(|i| {
                let mut row = Vec::with_capacity((band.hi[i] - band.lo[i] + 1) * types.len());
                for j in band.lo[i]..=band.hi[i] {
                    for &(a, b) in types {
                        let inside = a <= i && b <= j && band.index(i - a, j - b).is_some();
                        row.push(if inside {
                            cost(i - a, j - b, a, b) as f32
                        } else {
                            f32::INFINITY
                        });
                    }
                }
                row
            })
            .collect();
        Costs {
            types: types.to_vec(),
            table: rows.concat(),
        }
    }

    /// Cost of bead type `t` ending at band cell `cell`.
    fn at(&self, cell: usize, t: usize) -> f64 {
        f64::from(self.table[cell * self.types.len() + t])
    }
}

/// The cheapest path through the band, and whether it touched an inner edge
/// of the band (then a wider band may find a cheaper one).
pub fn best_path(band: &Band, n: usize, costs: &Costs) -> (Vec<Step>, bool) {
    let types = &costs.types;
    let mut best = vec![f64::INFINITY; band.cells()];
    let mut back = vec![u8::MAX; band.cells()];
    best[0] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let here = band.index(i, j).expect("in band");
            if i == 0 && j == 0 {
                continue;
            }
            for (t, &(a, b)) in types.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = band.index(i - a, j - b) else {
                    continue;
                };
                if best[prev].is_infinite() {
                    continue;
                }
                let c = best[prev] + costs.at(here, t);
                if c < best[here] {
                    best[here] = c;
                    back[here] = t as u8;
                }
            }
        }
    }
    let mut steps = Vec::new();
    let mut edge = false;
    let (mut i, mut j) = (n, band.m);
    while i > 0 || j > 0 {
        let here = band.index(i, j).expect("path stays in band");
        let (a, b) = types[back[here] as usize];
        let prev = band.index(i - a, j - b).expect("in band");
        steps.push(Step {
            i: i - a,
            j: j - b,
            a,
            b,
            cost: best[here] - best[prev],
        });
        edge |= band.on_inner_edge(i, j);
        i -= a;
        j -= b;
    }
    steps.reverse();
    (steps, edge)
}

/// Posterior probability of each step of `path` under the distribution that
/// gives every path through the band weight exp(−total cost / temperature).
pub fn posteriors(
    band: &Band,
    n: usize,
    costs: &Costs,
    temperature: f64,
    path: &[Step],
) -> Vec<f64> {
    let m = band.m;
    let types = &costs.types;
    let mut fwd = vec![f64::NEG_INFINITY; band.cells()];
    fwd[0] = 0.0;
    let mut terms = Vec::with_capacity(types.len());
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let here = band.index(i, j).expect("in band");
            terms.clear();
            for (t, &(a, b)) in types.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                if let Some(prev) = band.index(i - a, j - b)
                    && fwd[prev].is_finite()
                {
                    terms.push(fwd[prev] - costs.at(here, t) / temperature);
                }
            }
            fwd[here] = log_sum_exp(&terms);
        }
    }
    let mut bwd = vec![f64::NEG_INFINITY; band.cells()];
    bwd[band.index(n, m).expect("corner in band")] = 0.0;
    for i in (0..=n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            if i == n && j == m {
                continue;
            }
            terms.clear();
            for (t, &(a, b)) in types.iter().enumerate() {
                if i + a > n || j + b > m {
                    continue;
                }
                if let Some(next) = band.index(i + a, j + b)
                    && bwd[next].is_finite()
                {
                    terms.push(bwd[next] - costs.at(next, t) / temperature);
                }
            }
            bwd[band.index(i, j).expect("in band")] = log_sum_exp(&terms);
        }
    }
    let total = fwd[band.index(n, m).expect("corner in band")];
    path.iter()
        .map(|s| {
            let from = band.index(s.i, s.j).expect("in band");
            let to = band.index(s.i + s.a, s.j + s.b).expect("in band");
            (fwd[from] - s.cost / temperature + bwd[to] - total)
                .exp()
                .clamp(0.0, 1.0)
        })
        .collect()
}

fn log_sum_exp(xs: &[f64]) -> f64 {
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max.is_infinite() {
        return max;
    }
    max + xs.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

    #[test]
    fn finds_the_cheap_diagonal_and_a_merge() {
        // Cheap beads: (0,0,1,1), (1,1,2,1), (3,2,1,1).
        let cost = |i: usize, j: usize, a: usize, b: usize| match (i, j, a, b) {
            (0, 0, 1, 1) | (1, 1, 2, 1) | (3, 2, 1, 1) => 0.1,
            _ => 5.0,
        };
        let band = Band::diagonal(4, 3, 10);
        let costs = Costs::new(&band, 4, &TYPES, &cost);
        let (path, edge) = best_path(&band, 4, &costs);
        let got: Vec<_> = path.iter().map(|s| (s.i, s.j, s.a, s.b)).collect();
        assert_eq!(got, [(0, 0, 1, 1), (1, 1, 2, 1), (3, 2, 1, 1)]);
        assert!(!edge);
        let post = posteriors(&band, 4, &costs, 1.0, &path);
        assert!(post.iter().all(|&p| p > 0.9 && p <= 1.0), "{post:?}");
    }

    #[test]
    fn narrow_band_reports_its_edge() {
        // The only cheap path runs far off the diagonal.
        let cost = |i: usize, j: usize, a: usize, b: usize| match (a, b) {
            (0, 1) if i == 0 => 0.0,
            (1, 1) if j == i + 6 => 0.0,
            (0, 1) if i == 10 => 0.0,
            _ => 3.0,
        };
        let band = Band::diagonal(10, 20, 2);
        let (_, edge) = best_path(&band, 10, &Costs::new(&band, 10, &TYPES, &cost));
        assert!(edge);
    }

    #[test]
    fn empty_sides() {
        let cost = |_: usize, _: usize, _: usize, _: usize| 1.0;
        let band = Band::diagonal(0, 2, 1);
        let (path, _) = best_path(&band, 0, &Costs::new(&band, 0, &TYPES, &cost));
        assert_eq!(path.len(), 2);
        let band = Band::diagonal(2, 0, 1);
        let (path, _) = best_path(&band, 2, &Costs::new(&band, 2, &TYPES, &cost));
        assert_eq!(path.len(), 2);
    }
}
