//! The cost of a bead: every signal, combined in one place.
//!
//! cost(bead) = type prior + length misfit − covered overlap weight
//!              + miss rate × uncovered overlap weight
//!              + paragraph misfit + noise misfit
//!
//! All terms are in nats (negative log-probabilities, or log-odds for the
//! overlap), so they add up and a lower cost is a likelier bead. A bead claims
//! its sides translate each other, so a name or number left without a
//! counterpart counts against it, and so do a paragraph break inside it or a
//! credit line paired with prose. Deletions and insertions claim nothing and
//! pay a fixed price instead.

use super::Config;
use super::length::LengthModel;
use super::overlap::Overlap;
use super::search::Band;

/// Prior cost of a bead shape, −ln P(a-b), for shapes the search may use.
pub fn prior(a: usize, b: usize) -> f64 {
    let p = match (a, b) {
        (1, 1) => 0.85,
        (1, 0) | (0, 1) => 0.01,
        (2, 1) | (1, 2) => 0.05,
        (2, 2) => 0.01,
        (3, 1) | (1, 3) => 0.005,
        (3, 2) | (2, 3) => 0.002,
        _ => 0.001,
    };
    -f64::ln(p)
}

/// What the overlap says of one bead.
pub struct Evidence {
    /// Weight covered inside the bead, each token counted once.
    pub covered: f64,
    /// Weight of names and numbers left without a counterpart.
    pub missed: f64,
}

/// What the cost needs of the sentences of one side.
pub struct Layout {
    /// Length of each sentence in characters.
    pub chars: Vec<f64>,
    /// Paragraph number of each sentence.
    pub paragraph: Vec<usize>,
    /// Whether each sentence is a noise line (`Baca juga: …`, a photo credit).
    pub noise: Vec<bool>,
}

impl Layout {
    pub fn new(sentences: &[crate::segment::Sentence]) -> Layout {
        Layout {
            chars: sentences
                .iter()
                .map(|s| s.text.chars().count() as f64)
                .collect(),
            paragraph: sentences.iter().map(|s| s.paragraph).collect(),
            noise: sentences
                .iter()
                .map(|s| crate::noise::is_noise_line(&s.text))
                .collect(),
        }
    }

    fn has_paragraphs(&self) -> bool {
        self.paragraph.last().is_some_and(|&p| p > 0)
    }

    fn starts_paragraph(&self, i: usize) -> bool {
        i == 0 || i >= self.paragraph.len() || self.paragraph[i] != self.paragraph[i - 1]
    }

    /// Paragraph breaks between sentences `i..i+n`.
    fn breaks_inside(&self, i: usize, n: usize) -> usize {
        (i + 1..i + n).filter(|&k| self.starts_paragraph(k)).count()
    }
}

/// Pair masks for every (i, j) a bead in the band can touch, computed once.
struct PairTable {
    lo: Vec<usize>,
    width: Vec<usize>,
    offset: Vec<usize>,
    masks: Vec<(u64, u64)>,
}

impl PairTable {
    fn build(overlap: &Overlap, n: usize, m: usize, band: &Band, reach: usize) -> PairTable {
        use rayon::prelude::*;
        // Row i holds the pairs that beads starting at rows i-reach..=i may cover.
        let rows: Vec<(usize, Vec<(u64, u64)>)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let (l, h) = band.span(i.saturating_sub(reach), i);
                let (l, h) = (l.min(m), (h + reach).min(m));
                (l, (l..h).map(|j| overlap.pair_masks(i, j)).collect())
            })
            .collect();
        let (mut lo, mut width, mut offset, mut masks) = (vec![], vec![], vec![], vec![]);
        for (l, row) in rows {
            offset.push(masks.len());
            lo.push(l);
            width.push(row.len());
            masks.extend(row);
        }
        PairTable {
            lo,
            width,
            offset,
            masks,
        }
    }

    fn get(&self, i: usize, j: usize) -> (u64, u64) {
        let k = j.wrapping_sub(self.lo[i]);
        if k < self.width[i] {
            self.masks[self.offset[i] + k]
        } else {
            (0, 0)
        }
    }
}

/// Prices beads for one document pair.
pub struct BeadCost<'a> {
    overlap: &'a Overlap,
    length: LengthModel,
    src: &'a Layout,
    tgt: &'a Layout,
    /// Whether both sides have paragraphs to compare.
    paragraphs: bool,
    pairs: PairTable,
    /// Cost of each noise line paired with prose.
    noise_cost: f64,
    /// Cost of a paragraph break inside a bead (half of it for paragraph
    /// starts that disagree).
    paragraph_cost: f64,
    /// Fixed cost of leaving a sentence unaligned, on top of its prior.
    skip_cost: f64,
    /// Cost per unit of overlap weight left uncovered in a bead.
    miss_rate: f64,
}

impl<'a> BeadCost<'a> {
    pub fn new(
        overlap: &'a Overlap,
        length: LengthModel,
        src: &'a Layout,
        tgt: &'a Layout,
        band: &Band,
        cfg: &Config,
    ) -> BeadCost<'a> {
        let pairs = PairTable::build(
            overlap,
            src.chars.len(),
            tgt.chars.len(),
            band,
            cfg.max_side.clamp(1, 8),
        );
        BeadCost {
            overlap,
            length,
            src,
            tgt,
            paragraphs: src.has_paragraphs() && tgt.has_paragraphs(),
            pairs,
            skip_cost: cfg.skip_cost,
            paragraph_cost: cfg.paragraph_cost,
            noise_cost: cfg.noise_cost,
            miss_rate: cfg.miss_rate,
        }
    }

    /// Cost of the bead source `i..i+a`, target `j..j+b`.
    pub fn cost(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        if a == 0 || b == 0 {
            return prior(a, b) + self.skip_cost;
        }
        let ls: f64 = self.src.chars[i..i + a].iter().sum();
        let lt: f64 = self.tgt.chars[j..j + b].iter().sum();
        let evidence = self.overlap_evidence(i, j, a, b);
        prior(a, b) + self.length.cost(ls, lt) - evidence.covered
            + self.miss_rate * evidence.missed
            + self.paragraph_misfit(i, j, a, b)
            + self.noise_misfit(i, j, a, b)
    }

    /// A noise line (`Baca juga: …`, `Foto: …`) pairs with a noise line of
    /// the other side (`Photo: …`) or with nothing, not with prose.
    fn noise_misfit(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        let src = self.src.noise[i..i + a].iter().filter(|&&n| n).count();
        let tgt = self.tgt.noise[j..j + b].iter().filter(|&&n| n).count();
        let unmatched = if src > 0 && tgt > 0 {
            src.abs_diff(tgt)
        } else {
            src + tgt
        };
        self.noise_cost * unmatched as f64
    }

    /// Paragraphs as soft evidence: a bead rarely runs across a paragraph
    /// break, and where one side starts a paragraph the other usually does.
    fn paragraph_misfit(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        if !self.paragraphs {
            return 0.0;
        }
        let breaks = self.src.breaks_inside(i, a) + self.tgt.breaks_inside(j, b);
        let mismatch = self.src.starts_paragraph(i) != self.tgt.starts_paragraph(j);
        self.paragraph_cost * (breaks as f64 + if mismatch { 0.5 } else { 0.0 })
    }

    /// What the overlap says of the bead source `i..i+a`, target `j..j+b`.
    // Indexing keeps each mask next to the sentence number it belongs to.
    #[allow(clippy::needless_range_loop)]
    pub fn overlap_evidence(&self, i: usize, j: usize, a: usize, b: usize) -> Evidence {
        let mut src_masks = [0u64; 8];
        let mut tgt_masks = [0u64; 8];
        for x in 0..a {
            for y in 0..b {
                let (ms, mt) = self.pairs.get(i + x, j + y);
                src_masks[x] |= ms;
                tgt_masks[y] |= mt;
            }
        }
        let o = self.overlap;
        let (mut covered, mut missed) = (0.0, 0.0);
        for x in 0..a {
            let (c, m) = o.src_evidence(i + x, src_masks[x], b);
            covered += c;
            missed += m;
        }
        for y in 0..b {
            let (c, m) = o.tgt_evidence(j + y, tgt_masks[y], a);
            covered += c;
            missed += m;
        }
        Evidence { covered, missed }
    }
}
