//! Sentence alignment: two sentence lists in, a monotone list of beads out.
//!
//! Scoring (`cost`, built from the `length` and `overlap` signals) is kept
//! apart from the search (`search`), so a new signal touches one file.

mod cost;
mod learn;
mod length;
mod overlap;
mod search;

use std::ops::Range;

pub use learn::LearnConfig;
pub use length::LengthModel;
pub use overlap::OverlapWeights;

use crate::lexicon::Lexicon;
use crate::review::Flag;
use crate::segment::Sentence;

/// Every tunable of the aligner, with its default.
#[derive(Debug, Clone)]
pub struct Config {
    /// Most sentences on one side of a bead (1–8). Default 3.
    pub max_side: usize,
    /// Variance of the length difference per character (Gale & Church: 6.8).
    pub length_variance: f64,
    /// Weight of a covered token on each side, in nats.
    pub weights: OverlapWeights,
    /// Extra cost of leaving one sentence unaligned. Default 0.5.
    pub skip_cost: f64,
    /// Cost of a paragraph break inside a bead, when both sides have
    /// paragraphs; half of it where one side starts a paragraph and the other
    /// does not. Default 1.0.
    pub paragraph_cost: f64,
    /// Cost of each noise line (`data/noise.txt`: `Baca juga: …`, photo
    /// credits, bylines) in a pair whose other side has none. Default 3.0.
    pub noise_cost: f64,
    /// Cost per unit of overlap weight (name, number, word) a bead leaves
    /// without a counterpart. Default 0.5.
    pub miss_rate: f64,
    /// Starting half-width of the search band; doubled while the best path
    /// runs along its edge. Default 16.
    pub band: usize,
    /// Temperature of the posterior that gives each bead its confidence.
    pub temperature: f64,
    /// Self-training: learn word pairs from a first pass and align again.
    /// `None` aligns once.
    pub learn: Option<LearnConfig>,
}

/// How `--set NAME=VALUE` changes one tunable.
type Setter = fn(&mut Config, f64);

/// Every tunable `Config::set` knows, by name: the one list of them.
const SETTERS: &[(&str, Setter)] = &[
    ("max_side", |c, v| c.max_side = (v as usize).clamp(1, 8)),
    ("length_variance", |c, v| c.length_variance = v),
    ("number", |c, v| c.weights.number = v),
    ("name", |c, v| c.weights.name = v),
    ("word", |c, v| c.weights.word = v),
    ("cognate", |c, v| c.weights.cognate = v),
    ("punct", |c, v| c.weights.punct = v),
    ("word_expectation", |c, v| c.weights.word_expectation = v),
    ("skip_cost", |c, v| c.skip_cost = v),
    ("paragraph_cost", |c, v| c.paragraph_cost = v),
    ("noise_cost", |c, v| c.noise_cost = v),
    ("miss_rate", |c, v| c.miss_rate = v),
    ("band", |c, v| c.band = v as usize),
    ("temperature", |c, v| c.temperature = v),
    ("learn", |c, v| {
        c.learn = if v == 0.0 {
            None
        } else {
            c.learn.or(Config::default().learn)
        }
    }),
    ("learn_count", |c, v| c.learning().min_count = v as usize),
    ("learn_dice", |c, v| c.learning().min_dice = v),
    ("learn_confidence", |c, v| c.learning().min_confidence = v),
];

impl Config {
    /// Names of the tunables `set` accepts.
    pub fn tunables() -> impl Iterator<Item = &'static str> {
        SETTERS.iter().map(|(name, _)| *name)
    }

    /// Set one tunable by name (`--set name=value` on the command line).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let Some((_, setter)) = SETTERS.iter().find(|(n, _)| *n == name) else {
            let known: Vec<&str> = Config::tunables().collect();
            return Err(format!(
                "--set {name}: unknown setting; known: {}",
                known.join(", ")
            ));
        };
        let num: f64 = value
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| format!("--set {name}={value}: the value must be a number"))?;
        setter(self, num);
        Ok(())
    }

    /// The self-training settings, switched on with their defaults if off.
    fn learning(&mut self) -> &mut LearnConfig {
        self.learn
            .get_or_insert(Config::default().learn.expect("default learns"))
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_side: 3,
            length_variance: 6.8,
            weights: OverlapWeights {
                number: 2.0,
                name: 1.5,
                word: 0.8,
                cognate: 0.7,
                punct: 0.3,
                word_expectation: 0.2,
            },
            skip_cost: 0.5,
            paragraph_cost: 1.0,
            noise_cost: 3.0,
            miss_rate: 0.5,
            band: 16,
            temperature: 1.5,
            learn: Some(LearnConfig {
                min_confidence: 0.5,
                min_count: 2,
                min_dice: 0.5,
            }),
        }
    }
}

/// A group of source sentences paired with a group of target sentences;
/// either side may be empty (an unaligned sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    /// The bead's share of the path cost (nats; lower is better).
    pub cost: f64,
    /// Probability in [0,1] that this bead is right, from the aligner's model.
    pub confidence: f64,
    /// QA flags, filled in by the review stage.
    pub flags: Vec<Flag>,
}

impl Bead {
    /// `1-1`, `2-1`, `0-1`…
    pub fn kind(&self) -> String {
        format!("{}-{}", self.src.len(), self.tgt.len())
    }
}

/// The bead shapes the search may use: 1-0, 0-1 and every a-b up to `max`.
fn bead_types(max: usize) -> Vec<(usize, usize)> {
    let mut t = vec![(1, 1), (1, 0), (0, 1)];
    for a in 1..=max {
        for b in 1..=max {
            if (a, b) != (1, 1) {
                t.push((a, b));
            }
        }
    }
    t
}

/// Align two sentence lists; with self-training on, align once, learn word
/// pairs from the confident beads, and align again with them.
pub fn align(src: &[Sentence], tgt: &[Sentence], lexicon: &Lexicon, cfg: &Config) -> Vec<Bead> {
    let (src_layout, tgt_layout) = (cost::Layout::new(src), cost::Layout::new(tgt));
    let length = LengthModel::estimate(
        src_layout.chars.iter().sum(),
        tgt_layout.chars.iter().sum(),
        cfg.length_variance,
    );
    let first = align_once(src, tgt, &src_layout, &tgt_layout, length, lexicon, cfg);
    let Some(learn_cfg) = cfg.learn else {
        return first;
    };
    // The confident 1-1 pairs teach word pairs and a length model that
    // omissions on one side cannot skew.
    let confident: Vec<(f64, f64)> = first
        .iter()
        .filter(|b| {
            b.src.len() == 1 && b.tgt.len() == 1 && b.confidence >= learn_cfg.min_confidence
        })
        .map(|b| (src_layout.chars[b.src.start], tgt_layout.chars[b.tgt.start]))
        .collect();
    let length = LengthModel::fit(&confident).unwrap_or(length);
    let mut extended = lexicon.clone();
    extended.extend(&learn::learn(src, tgt, &first, learn_cfg));
    align_once(src, tgt, &src_layout, &tgt_layout, length, &extended, cfg)
}

fn align_once(
    src: &[Sentence],
    tgt: &[Sentence],
    src_layout: &cost::Layout,
    tgt_layout: &cost::Layout,
    length: LengthModel,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    let max_side = cfg.max_side.clamp(1, 8);
    let types = bead_types(max_side);
    let overlap = overlap::Overlap::build(src, tgt, lexicon, cfg.weights);

    let mut half_width = cfg.band.max(max_side + 1);
    loop {
        let band = search::Band::diagonal(n, m, half_width);
        let scorer = cost::BeadCost::new(&overlap, length, src_layout, tgt_layout, &band, cfg);
        let costs = search::Costs::new(&band, n, &types, &|i, j, a, b| scorer.cost(i, j, a, b));
        let (path, on_edge) = search::best_path(&band, n, &costs);
        if on_edge && !band.half_width_covers_all() {
            half_width *= 2;
            continue;
        }
        let post = search::posteriors(&band, n, &costs, cfg.temperature, &path);
        return path
            .iter()
            .zip(post)
            .map(|(s, p)| Bead {
                src: s.i..s.i + s.a,
                tgt: s.j..s.j + s.b,
                cost: s.cost,
                confidence: p,
                flags: Vec::new(),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tunable_can_be_set() {
        for name in Config::tunables() {
            let mut c = Config::default();
            c.set(name, "2").unwrap_or_else(|e| panic!("{e}"));
        }
        let mut c = Config::default();
        c.set("skip_cost", "1.25").unwrap();
        assert_eq!(c.skip_cost, 1.25);
        c.set("learn", "0").unwrap();
        assert!(c.learn.is_none());
        c.set("learn_dice", "0.7").unwrap();
        assert_eq!(c.learn.map(|l| l.min_dice), Some(0.7));
        assert!(c.set("nonsense", "1").unwrap_err().contains("skip_cost"));
        assert!(c.set("skip_cost", "abc").is_err());
    }
}
