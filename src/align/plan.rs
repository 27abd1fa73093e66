//! Where the search looks. A small grid is searched whole. A large one is
//! searched in a corridor found two ways:
//!
//! - along a chain of anchors: sentence pairs that share rare tokens, the
//!   longest monotone chain of them (`chain`); the stretches between
//!   anchors are searched whole while they stay small (`STRETCH_CELLS`);
//! - coarse to fine (Thompson & Koehn 2019, Vecalign): the documents are seen
//!   in units of `COARSE` sentences, recursively, until the grid is small;
//!   each level's path, projected onto the next finer level and widened by
//!   `band` sentences, is the corridor searched there.
//!
//! Wherever the best path runs along a corridor's edge, the corridor is
//! widened around it and searched again (`MAX_WIDENINGS` times at most).
//!
//! Time and memory are linear in the input whatever its shape: a corridor
//! holds at most about (n + m) × (4·band + 2 + `STRETCH_CELLS`) cells, plus
//! (2·band + 1) rows across each long insertion or deletion, and each
//! widening adds at most as much again; no band is laid around the straight
//! diagonal, so an imbalance or an offset costs nothing extra. The search
//! keeps 4 bytes per cell and bead shape (11 shapes by default) plus about
//! 17 bytes per cell for the passes over it: some 60 bytes a cell, 18 cells
//! a sentence with the default band.

use super::Config;
use super::chain;
use super::cost::{BeadCost, Layout};
use super::length::LengthModel;
use super::overlap::Overlap;
use super::search::{self, Corridor, Costs, Step};

/// Sentences a unit of the next coarser level holds.
const COARSE: usize = 8;
/// A grid of at most this many cells is searched whole.
const FULL_GRID: usize = 40_000;
/// The stretches between anchors are searched whole while they hold at
/// most this many cells per sentence of the two documents.
const STRETCH_CELLS: usize = 16;
/// Times a corridor is widened where the best path touched its edge.
const MAX_WIDENINGS: usize = 2;

/// One level of resolution: the documents' signals seen in units.
pub struct Level<'a> {
    pub overlap: &'a Overlap,
    pub src: &'a Layout,
    pub tgt: &'a Layout,
    pub length: LengthModel,
}

/// The best path found inside `corridor` and the costs it was found with.
pub struct Solution {
    pub corridor: Corridor,
    pub costs: Costs,
    pub path: Vec<Step>,
}

/// A path and each step's posterior probability, the tables behind them
/// let go.
pub struct Found {
    pub path: Vec<Step>,
    pub confidence: Vec<f64>,
}

impl Found {
    /// The path's cost.
    fn total(&self) -> f64 {
        self.path.iter().map(|s| s.cost).sum()
    }
}

impl Solution {
    /// The posteriors under `temperature`; the corridor's tables are freed.
    pub fn finish(self, temperature: f64) -> Found {
        let confidence = search::posteriors(&self.corridor, &self.costs, temperature, &self.path);
        Found {
            path: self.path,
            confidence,
        }
    }
}

/// The first search of a document pair, where nothing is known yet of
/// where the path runs. Between consecutive anchors of the chain (sentence
/// pairs sharing rare tokens) the path may run anywhere: where those
/// stretches are small enough, their rectangles are the corridor, searched
/// whole. Otherwise the corridor comes from coarse to fine, and if there is a
/// chain, one is also laid along its anchors and the cheaper path wins: the
/// coarse view fails where vocabulary repeats evenly, a sparse chain where its
/// few anchors mislead.
pub fn first(level: &Level, types: &[(usize, usize)], cfg: &Config) -> Found {
    let (n, m) = (level.src.len(), level.tgt.len());
    let t = cfg.temperature;
    if is_small(n, m) {
        return solve(level, Corridor::full(n, m), types, cfg).finish(t);
    }
    let chain = chain::longest(level.overlap.anchor_pairs());
    let stretches: usize = chain::rects(&chain, n, m)
        .map(|((i0, i1), (j0, j1))| (i1 - i0) * (j1 - j0))
        .sum();
    if stretches <= (n + m) * STRETCH_CELLS {
        let rects = chain::rects(&chain, n, m);
        let corridor = Corridor::around_filling(rects, n, m, cfg.band, 0);
        return solve(level, corridor, types, cfg).finish(t);
    }
    let coarse = solve(level, plan(level, types, cfg), types, cfg).finish(t);
    if chain.len() < 2 {
        return coarse;
    }
    let along = Corridor::around(chain::rects(&chain, n, m), n, m, cfg.band);
    let anchored = solve(level, along, types, cfg).finish(t);
    if anchored.total() < coarse.total() {
        anchored
    } else {
        coarse
    }
}

fn is_small(n: usize, m: usize) -> bool {
    (n + 1).saturating_mul(m + 1) <= FULL_GRID || n.max(m) <= COARSE
}

/// The coarse-to-fine corridor at `level`'s resolution.
fn plan(level: &Level, types: &[(usize, usize)], cfg: &Config) -> Corridor {
    let (n, m) = (level.src.len(), level.tgt.len());
    if is_small(n, m) {
        return Corridor::full(n, m);
    }
    let overlap = level.overlap.coarsen(COARSE);
    let (src, tgt) = (level.src.coarsen(COARSE), level.tgt.coarsen(COARSE));
    let coarse = Level {
        overlap: &overlap,
        src: &src,
        tgt: &tgt,
        length: level.length,
    };
    let corridor = plan(&coarse, types, cfg);
    let found = solve(&coarse, corridor, types, cfg);
    let fine = |k: usize, len: usize| (k * COARSE).min(len);
    let rects = found
        .path
        .iter()
        .map(|s| s.rect())
        .map(|((r0, r1), (c0, c1))| ((fine(r0, n), fine(r1, n)), (fine(c0, m), fine(c1, m))));
    Corridor::around(rects, n, m, cfg.band)
}

/// The best path inside `corridor`, widened around the path wherever it ran
/// along the corridor's edge (a better path may lie just outside).
pub fn solve(
    level: &Level,
    corridor: Corridor,
    types: &[(usize, usize)],
    cfg: &Config,
) -> Solution {
    let (n, m) = (level.src.len(), level.tgt.len());
    let mut corridor = corridor;
    let mut round = 0;
    let mut known: Option<(Corridor, Costs)> = None;
    let mut scorer: Option<BeadCost> = None;
    loop {
        let (l, (src, tgt)) = (level.length, (level.src, level.tgt));
        let priced = BeadCost::new(level.overlap, l, src, tgt, &corridor, cfg, scorer.take());
        let scorer = scorer.insert(priced);
        let price = |i, j, wanted, out: &mut [f32]| scorer.price_cell(i, j, types, wanted, out);
        let costs = match known.take() {
            Some((old, costs)) => Costs::new(&corridor, types, &price, Some((&old, costs))),
            None => Costs::new(&corridor, types, &price, None),
        };
        let (path, on_edge) = search::best_path(&corridor, &costs);
        if !on_edge || round == MAX_WIDENINGS {
            return Solution {
                corridor,
                costs,
                path,
            };
        }
        let around = Corridor::around(path.iter().map(Step::rect), n, m, cfg.band);
        let wider = corridor.union(&around);
        if wider.cells() == corridor.cells() {
            return Solution {
                corridor,
                costs,
                path,
            };
        }
        known = Some((std::mem::replace(&mut corridor, wider), costs));
        round += 1;
    }
}
