//! Sentence alignment: two sentence lists in, a monotone list of beads out.
//!
//! Scoring (`cost`, built from the `length` and `overlap` signals) is kept
//! apart from the search (`search`), so a new signal touches one file.

mod chain;
mod cost;
mod fixed;
mod learn;
mod length;
mod overlap;
mod plan;
mod search;

use std::ops::Range;

pub use fixed::align_around;
pub use learn::LearnConfig;
pub use length::LengthModel;
pub use overlap::OverlapWeights;

use crate::lexicon::Lexicon;
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
    /// Cost of leaving a noise line or a line of scanning debris unaligned,
    /// instead of a sentence's prior and `skip_cost` (5.1): such lines are
    /// as often dropped by a translation as kept. Default 2.0.
    pub noise_skip_cost: f64,
    /// Cost of each noise line (`data/noise.txt`: `Baca juga: …`, photo
    /// credits, bylines) in a pair whose other side has none. Default 3.0.
    pub noise_cost: f64,
    /// Cost per unit of overlap weight (name, number, word) a bead leaves
    /// without a counterpart. Default 0.5.
    pub miss_rate: f64,
    /// Cost per unit of expected weight (names, numbers, lexicon words) that
    /// a sentence of a bead leaves without a counterpart, on top of
    /// `miss_rate`, fading as the sentence covers anything: an omission
    /// comes out unaligned rather than merged into a neighbour's bead. Only
    /// with a bilingual lexicon (`id`–`en`, `--dict`): with cognates alone,
    /// a sentence without evidence is as often a loose translation as an
    /// omission. Default 2: at 1 it lifted the PUD dev set from 0.987 to
    /// 0.991; at 2 (once Indonesian loanwords are compared respelt) to
    /// 0.993, and it keeps an omission beside an English-only sentence from
    /// being paired with it; at 2.5 some corpora's merges break.
    pub orphan_cost: f64,
    /// Cost per unit of weight that a 1-1 bead's sentence finds in the
    /// sentence before its partner (the previous bead's) beyond what it finds
    /// in its partner: `The company develops rooftop solar plants.` says
    /// again what the source sentence before said, so it belongs to that
    /// bead, and the source sentence beside it is an omission. Default 1: it
    /// lifted two corpora and a held-out pair and left PUD and Text+Berg
    /// as they were; at 2 a summary of three quoted comments breaks apart.
    pub displaced_cost: f64,
    /// How much evidence decides who belongs to a merge into one sentence
    /// (2-1, 1-2, 3-1, 1-3). A member that covers at least this much weight
    /// of the one sentence, and twice what it leaves uncovered, joins:
    /// the group's size then discounts only what the one sentence's best
    /// partner does not cover alone (`… dua fraksi.` in `… after two
    /// factions walked out`). A member that covers nothing the others do
    /// not, and leaves at least this much of its own unexplained, is an
    /// omission beside the merge: what it seems to share counts for
    /// nothing. A member that alone explains this much of the one sentence
    /// is no orphan there, whatever names of its own the translation
    /// dropped. Default 1; 1000 turns all three off.
    pub merge_evidence: f64,
    /// Evidence other than names that each member of a merge into one
    /// sentence must find there alone for the merge to be read as a
    /// condensed translation (`… 312,460 tourist visits in 2024, about
    /// 41,700 of them by foreigners` for two Indonesian sentences): its
    /// length then costs no more than its best member's against the one
    /// sentence. Names do not count: an English sentence added to explain a
    /// name (`BPJS Kesehatan is the state agency that …`) repeats it; nor do
    /// the words of a quotation's attribution, which English moves to the
    /// quotation's first sentence. Only with a lexicon. Default 2: four
    /// held-out pairs gain and one loses (an English sentence added beside
    /// its neighbour joins it), and PUD dev loses one bead (0.992 → 0.991);
    /// at 2.5 only one pair gains and PUD keeps it; at 1, added sentences
    /// join their neighbours. 1000 turns it off.
    pub condensed_evidence: f64,
    /// Margin of the search corridor, in sentences: how far the path may
    /// stray from the anchors', the coarser level's or the first pass's path. Default 4.
    pub band: usize,
    /// Temperature of the posterior that gives each bead its confidence.
    pub temperature: f64,
    /// Self-training: learn word pairs from a first pass and align again.
    /// `None` aligns once.
    pub learn: Option<LearnConfig>,
}

/// How `--set NAME=VALUE` changes one tunable.
type Setter = fn(&mut Config, f64);

/// One tunable: its name, the closed range of values it takes, and how to
/// set it. Ranges keep every cost finite and every probability defined.
struct Tunable {
    name: &'static str,
    min: f64,
    max: f64,
    set: Setter,
}

const fn tunable(name: &'static str, min: f64, max: f64, set: Setter) -> Tunable {
    Tunable {
        name,
        min,
        max,
        set,
    }
}

/// Every tunable `Config::set` knows, by name: the one list of them.
const SETTERS: &[Tunable] = &[
    tunable("max_side", 1.0, 8.0, |c, v| c.max_side = v as usize),
    tunable("length_variance", 0.5, 100.0, |c, v| c.length_variance = v),
    tunable("number", 0.0, 20.0, |c, v| c.weights.number = v),
    tunable("name", 0.0, 20.0, |c, v| c.weights.name = v),
    tunable("word", 0.0, 20.0, |c, v| c.weights.word = v),
    tunable("cognate", 0.0, 20.0, |c, v| c.weights.cognate = v),
    tunable("punct", 0.0, 20.0, |c, v| c.weights.punct = v),
    tunable("word_expectation", 0.0, 1.0, |c, v| {
        c.weights.word_expectation = v
    }),
    tunable("skip_cost", 0.0, 50.0, |c, v| c.skip_cost = v),
    tunable("paragraph_cost", 0.0, 50.0, |c, v| c.paragraph_cost = v),
    tunable("noise_cost", 0.0, 50.0, |c, v| c.noise_cost = v),
    tunable("noise_skip_cost", 0.0, 50.0, |c, v| c.noise_skip_cost = v),
    tunable("miss_rate", 0.0, 10.0, |c, v| c.miss_rate = v),
    tunable("orphan_cost", 0.0, 20.0, |c, v| c.orphan_cost = v),
    tunable("displaced_cost", 0.0, 20.0, |c, v| c.displaced_cost = v),
    tunable("merge_evidence", 0.0, 1000.0, |c, v| c.merge_evidence = v),
    tunable("condensed_evidence", 0.0, 1000.0, |c, v| {
        c.condensed_evidence = v
    }),
    tunable("band", 1.0, 64.0, |c, v| c.band = v as usize),
    tunable("temperature", 0.05, 100.0, |c, v| c.temperature = v),
    tunable("learn", 0.0, 1.0, |c, v| {
        c.learn = if v == 0.0 {
            None
        } else {
            c.learn.or(Config::default().learn)
        }
    }),
    tunable("learn_count", 1.0, 1000.0, |c, v| {
        c.learning().min_count = v as usize
    }),
    tunable("learn_dice", 0.0, 1.0, |c, v| c.learning().min_dice = v),
    tunable("learn_confidence", 0.0, 1.0, |c, v| {
        c.learning().min_confidence = v
    }),
];

impl Config {
    /// Names of the tunables `set` accepts.
    pub fn tunables() -> impl Iterator<Item = &'static str> {
        SETTERS.iter().map(|t| t.name)
    }

    /// Each tunable with its valid range, for help texts and the README.
    pub fn tunable_ranges() -> impl Iterator<Item = (&'static str, f64, f64)> {
        SETTERS.iter().map(|t| (t.name, t.min, t.max))
    }

    /// Set one tunable by name (`--set name=value` on the command line).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let Some(tunable) = SETTERS.iter().find(|t| t.name == name) else {
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
        if !(tunable.min..=tunable.max).contains(&num) {
            return Err(format!(
                "--set {name}={value}: out of range; {name} takes {} to {}",
                tunable.min, tunable.max
            ));
        }
        (tunable.set)(self, num);
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
            noise_skip_cost: 2.0,
            miss_rate: 0.5,
            orphan_cost: 2.0,
            displaced_cost: 1.0,
            merge_evidence: 1.0,
            condensed_evidence: 2.0,
            band: 4,
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
    /// Source sentence numbers (0-based, end exclusive); empty for none.
    pub src: Range<usize>,
    /// Target sentence numbers (0-based, end exclusive); empty for none.
    pub tgt: Range<usize>,
    /// The bead's share of the path cost (nats; lower is better).
    pub cost: f64,
    /// Probability in \[0, 1\] that this bead is right, from the aligner's model.
    pub confidence: f64,
}

/// So that code over alignments takes beads and reviewed pairs alike
/// (`&[impl AsRef<Bead>]`).
impl AsRef<Bead> for Bead {
    fn as_ref(&self) -> &Bead {
        self
    }
}

impl Bead {
    /// Source sentence `src` paired with target sentence `tgt`, as a
    /// reviewer or a presplit parallel file gives it, `confidence` sure.
    pub fn one_to_one(src: usize, tgt: usize, confidence: f64) -> Bead {
        Bead {
            src: src..src + 1,
            tgt: tgt..tgt + 1,
            cost: 0.0,
            confidence,
        }
    }

    /// `1-1`, `2-1`, `0-1`…
    pub fn kind(&self) -> String {
        format!("{}-{}", self.src.len(), self.tgt.len())
    }
}

/// Most sentences on one side of a bead in the first of the two passes.
const FIRST_PASS_MAX_SIDE: usize = 2;

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
    let unlexed;
    let cfg = if lexicon.is_empty() && cfg.orphan_cost > 0.0 {
        unlexed = Config {
            orphan_cost: 0.0,
            ..cfg.clone()
        };
        &unlexed
    } else {
        cfg
    };
    let (src_layout, tgt_layout) =
        rayon::join(|| cost::Layout::new(src), || cost::Layout::new(tgt));
    let length = LengthModel::estimate(
        src_layout.chars.iter().sum(),
        tgt_layout.chars.iter().sum(),
        cfg.length_variance,
    );
    let mut types = bead_types(cfg.max_side.clamp(1, 8));
    // A list translated as one sentence: beads past max_side, for its length.
    let beyond = cfg.max_side.clamp(1, 8) + 1;
    types.extend((beyond..=src_layout.longest_list()).map(|k| (k, 1)));
    types.extend((beyond..=tgt_layout.longest_list()).map(|k| (1, k)));
    let (src_tokens, tgt_tokens) =
        rayon::join(|| overlap::Tokens::read(src), || overlap::Tokens::read(tgt));
    let first = {
        let overlap = overlap::Overlap::build(&src_tokens, &tgt_tokens, &[lexicon], cfg.weights);
        let level = plan::Level {
            overlap: &overlap,
            src: &src_layout,
            tgt: &tgt_layout,
            length,
        };
        // A first pass that a second one follows only finds the confident
        // pairs to learn from and where the path runs: beads of up to two
        // sentences a side do, in little over half the time.
        let first_types = match cfg.learn {
            Some(_) => bead_types(cfg.max_side.clamp(1, FIRST_PASS_MAX_SIDE)),
            None => types.clone(),
        };
        beads(plan::first(&level, &first_types, cfg))
    };
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
    let length = length.refit(&confident);
    let learned = learn::learn(src, tgt, &first, learn_cfg);
    let overlap =
        overlap::Overlap::build(&src_tokens, &tgt_tokens, &[lexicon, &learned], cfg.weights);
    drop((src_tokens, tgt_tokens, learned));
    let level = plan::Level {
        overlap: &overlap,
        src: &src_layout,
        tgt: &tgt_layout,
        length,
    };
    // The second pass looks around the first one's path.
    let rects = first
        .iter()
        .map(|b| ((b.src.start, b.src.end), (b.tgt.start, b.tgt.end)));
    let corridor = search::Corridor::around(rects, src.len(), tgt.len(), cfg.band);
    drop(first);
    beads(plan::solve(&level, corridor, &types, cfg).finish(cfg.temperature))
}

/// The beads of a path, with their posterior confidence.
fn beads(found: plan::Found) -> Vec<Bead> {
    found
        .path
        .iter()
        .zip(found.confidence)
        .map(|(s, p)| Bead {
            src: s.i..s.i + s.a,
            tgt: s.j..s.j + s.b,
            cost: s.cost,
            confidence: p,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table of tunables names each one with its range.
    #[test]
    fn the_readme_lists_every_tunable_and_its_range() {
        let readme = include_str!("../../README.md");
        let fmt = |v: f64| v.to_string();
        for (name, min, max) in Config::tunable_ranges() {
            let row = readme
                .lines()
                .find(|l| l.starts_with("  | `") && l.contains(&format!("`{name}`")))
                .unwrap_or_else(|| panic!("README has no row for {name}"));
            let range = format!("{}–{}", fmt(min), fmt(max));
            assert!(
                row.contains(&range),
                "README row for {name} lacks {range}: {row}"
            );
        }
    }

    /// A list of short items, translated as one sentence, is one bead
    /// however many items it has.
    #[test]
    fn a_list_translated_as_one_sentence_is_one_bead() {
        let id = crate::segment::split_text(
            "Indeks saham naik 1,2 persen pekan ini.\n\n\
             Berikut lima saham dengan kenaikan tertinggi:\n\
             1. Adaro Energy (ADRO) +9,8%\n2. Bank Syariah (BRIS) +8,6%\n\
             3. Merdeka Copper (MDKA) +7,1%\n4. Indofood (ICBP) +6,4%\n5. Vale (INCO) +5,9%\n\n\
             Investor asing mencatat beli bersih Rp1,2 triliun.",
            &crate::Lang::Id,
        );
        let en = crate::segment::split_text(
            "The index rose 1.2 percent this week.\n\n\
             The top gainers were Adaro Energy (ADRO), up 9.8 percent, Bank Syariah (BRIS), \
             up 8.6 percent, Merdeka Copper (MDKA), up 7.1 percent, Indofood (ICBP), up 6.4 \
             percent, and Vale (INCO), up 5.9 percent.\n\n\
             Foreign investors were net buyers of 1.2 trillion rupiah.",
            &crate::Lang::En,
        );
        assert_eq!(id.len(), 8);
        let beads = align(&id, &en, Lexicon::builtin_id_en(), &Config::default());
        let shapes: Vec<String> = beads.iter().map(Bead::kind).collect();
        assert_eq!(shapes, ["1-1", "6-1", "1-1"]);
    }

    /// English sets a quotation's attribution after its first sentence,
    /// Indonesian after its last: the quotation's sentences still pair one
    /// to one.
    #[test]
    fn a_moved_attribution_keeps_the_quotation_one_to_one() {
        let id = crate::segment::split_text(
            "Tim tuan rumah menang 3-1 di GOR Amongrogo.\n\n\
             “Kalau dapat dua gram sehari, itu sudah bagus. Kadang seminggu tidak dapat \
             apa-apa,” kata Yanto (24), salah satu penyelam, sambil memeras kausnya yang basah.\n\n\
             Harga emas naik pekan ini.",
            &crate::Lang::Id,
        );
        let en = crate::segment::split_text(
            "The home team won 3-1 at the Amongrogo arena.\n\n\
             “If we get two grams a day, that's good,” said Yanto, 24, one of the divers, as he \
             wrung out his wet T-shirt. “Sometimes we go a week without getting anything.”\n\n\
             Gold prices rose this week.",
            &crate::Lang::En,
        );
        let beads = align(&id, &en, Lexicon::builtin_id_en(), &Config::default());
        let shapes: Vec<String> = beads.iter().map(Bead::kind).collect();
        assert_eq!(shapes, ["1-1", "1-1", "1-1", "1-1"]);
    }

    /// A sentence told one place later in the English, past a quotation:
    /// an omission where it was and an addition where it went (whichever
    /// of the two pairs is kept), not one bead of both.
    #[test]
    fn a_moved_sentence_is_not_merged_with_its_neighbour() {
        let id = crate::segment::split_text(
            "Universitas itu meneliti 412 siswa di Yogyakarta.\n\n\
             Tim juga berencana memperluas penelitian ke lima kabupaten di Jawa Tengah pada \
             2025. “Pencegahan harus dimulai dari sekolah, bukan dari rumah sakit,” kata Dekan \
             Fakultas Kedokteran, Budi Hartanto.\n\n\
             Hasil penelitian dimuat dalam jurnal internasional.",
            &crate::Lang::Id,
        );
        let en = crate::segment::split_text(
            "The university studied 412 students in Yogyakarta.\n\n\
             “Prevention has to start at school, not at the hospital,” said the dean of the \
             medical faculty, Budi Hartanto. The team also plans to extend the study to five \
             regencies in Central Java in 2025.\n\n\
             The findings were published in an international journal.",
            &crate::Lang::En,
        );
        let beads = align(&id, &en, Lexicon::builtin_id_en(), &Config::default());
        let mut shapes: Vec<String> = beads.iter().map(Bead::kind).collect();
        shapes.sort();
        assert_eq!(shapes, ["0-1", "1-0", "1-1", "1-1", "1-1"]);
    }

    #[test]
    fn every_tunable_can_be_set() {
        for name in Config::tunables() {
            let mut c = Config::default();
            c.set(name, "1").unwrap_or_else(|e| panic!("{e}"));
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
        for bad in [
            "temperature=0",
            "length_variance=-1",
            "band=1000000",
            "skip_cost=1e300",
        ] {
            let (name, value) = bad.split_once('=').unwrap();
            let err = c.set(name, value).unwrap_err();
            assert!(err.contains("out of range"), "{bad}: {err}");
        }
    }
}
