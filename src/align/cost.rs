//! The cost of a bead: every signal, combined in one place.
//!
//! cost(bead) = type prior + length misfit − covered overlap weight
//!              + miss rate × uncovered overlap weight
//!              + orphan cost × what each sentence leaves unexplained
//!              + paragraph misfit + noise misfit
//!
//! All terms are in nats (negative log-probabilities, or log-odds for the
//! overlap), so they add up and a lower cost is a likelier bead. A bead claims
//! its sides translate each other, so a name or number left without a
//! counterpart counts against it, and so do a paragraph break inside it or a
//! credit line paired with prose; a sentence that shares nothing with the
//! other side and leaves names or numbers unmatched is likelier an omission
//! than part of the bead (half of a merge, above all). Deletions and insertions
//! claim nothing and pay a fixed price instead.

use super::Config;
use super::length::LengthModel;
use super::overlap::Overlap;
use super::search::Corridor;

/// Most sentences a side of a bead has (`max_side` is clamped to it).
const K: usize = 8;

/// Each sentence's evidence against groups of 0..=K sentences of the other
/// side (covered weight, expected weight missed).
type Evidence = [[(f64, f64); K + 1]; K];

/// A member of a merge shows evidence of its own when what it covers is at
/// least this many times what it leaves expected and uncovered.
const EXPLAINED: f64 = 2.0;

/// The weight a sentence covers in a group whose sentences cover `masks` of
/// its tokens, the group's size discounting only what the best single
/// member (by `one`) does not cover alone (`beyond(all, sure)`).
fn merged_cover(masks: &[u64], one: impl Fn(u64) -> f64, beyond: impl Fn(u64, u64) -> f64) -> f64 {
    let best = masks
        .iter()
        .map(|&m| (one(m), m))
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map_or(0, |(_, m)| m);
    beyond(masks.iter().fold(0, |all, m| all | m), best)
}

/// The weight covered by the members of a merge into one sentence that
/// cover there nothing the other members do not (`masks`: what each covers
/// of the one sentence) while leaving at least `unexplained` of their own
/// expected weight uncovered (`evidence`: each member's covered and missed
/// weight against the one sentence).
fn echoed_cover(masks: &[u64], evidence: &[(f64, f64)], unexplained: f64) -> f64 {
    let others = |x: usize| {
        let all = masks.iter().enumerate().filter(|&(o, _)| o != x);
        all.fold(0, |all, (_, m)| all | m)
    };
    evidence
        .iter()
        .enumerate()
        .filter(|&(x, &(_, missed))| masks[x] & !others(x) == 0 && missed >= unexplained)
        .map(|(_, &(covered, _))| covered)
        .sum()
}

/// A short list item's line: `1. …`, `2) …`, `b. …`, `- …`, `• …` (a list
/// of whole sentences is translated sentence by sentence; a requirement of
/// 130 characters, `c. Tidak pernah dipidana …;`, is still an item).
fn is_list_item(text: &str) -> bool {
    const MOST_CHARS: usize = 150;
    let marked = crate::segment::is_numbered(text)
        || crate::segment::opens_lettered(text)
        || crate::segment::is_bullet(text);
    marked && text.chars().count() <= MOST_CHARS
}

/// Which sentences are list items: marked ones, and the unmarked rows of a
/// table that a line ending in a colon introduces (`Berikut hasil hitung
/// cepat LSI:` / `Paslon 01 (…): 24,1%` / `Paslon 02 (…): 52,3%`): at least
/// two short lines holding data (a figure, or a label and its value), none
/// closed like a sentence, each on a line of its own.
fn list_items(sentences: &[crate::segment::Sentence], noise: &[bool]) -> Vec<bool> {
    use crate::segment::ends_sentence;
    const MOST_CHARS: usize = 100;
    let mut item: Vec<bool> = sentences.iter().map(|s| is_list_item(&s.text)).collect();
    let row = |k: usize| {
        let text = &sentences[k].text;
        let data = text.contains(|c: char| c.is_ascii_digit() || c == ':');
        // Prose goes on after a fragment in its paragraph; a row ends its line.
        let own_line = sentences.get(k + 1).is_none_or(|next| {
            next.paragraph != sentences[k].paragraph || !ends_sentence(&next.text)
        });
        !noise[k] && data && text.chars().count() <= MOST_CHARS && own_line && !ends_sentence(text)
    };
    let mut k = 1;
    while k < sentences.len() {
        let intro = &sentences[k - 1];
        if intro.text.trim_end().ends_with(':') && !noise[k - 1] && !item[k] {
            let rows = (k..sentences.len()).take_while(|&r| row(r)).count();
            if rows >= 2 {
                item[k..k + rows].fill(true);
            }
            k += rows.max(1);
        } else {
            k += 1;
        }
    }
    item
}

/// A bead being priced: its shape (a, b), the cell (i, j) it ends at, the
/// masks of each of its sentence pairs (counting back from i-1 and j-1),
/// and each sentence's evidence against groups of the other side's.
#[derive(Clone, Copy)]
struct Bead<'c> {
    shape: (usize, usize),
    end: (usize, usize),
    pair: &'c [[(u64, u64); K]; K],
    src_ev: &'c Evidence,
    tgt_ev: &'c Evidence,
    /// What source sentence x finds in target sentence y alone (0 where
    /// they share nothing); filled only for beads of two or more a side.
    single: &'c [[f64; K]; K],
}

/// What a sentence of a redistribution must cover beyond its best partner,
/// as a share of what it covers there.
const CROSSING: f64 = 0.2;

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

/// What the cost needs of the sentences of one side.
pub struct Layout {
    /// Length of each sentence in characters.
    pub chars: Vec<f64>,
    /// Characters of each sentence's quotation attribution (`,” kata Budi
    /// seusai laga.`), and whether it opens a quotation and has no
    /// attribution (`“Sekarang saya takut.`): English sets the attribution
    /// after a quotation's first sentence, Indonesian often after its last.
    said: Vec<f64>,
    quoting: Vec<bool>,
    /// Paragraph number of each sentence.
    pub paragraph: Vec<usize>,
    /// Whether each sentence is a noise line (`Baca juga: …`, a photo
    /// credit) or scanning debris (`■ iv V V .`).
    pub noise: Vec<bool>,
    /// Whether each sentence is an editors' initials tag (`(rk/dn)`), which
    /// no translation carries: it pairs with nothing.
    tag: Vec<bool>,
    /// Whether each sentence is a headline: a paragraph of its own, of
    /// mostly capitalised words, with no full stop.
    pub headline: Vec<bool>,
    /// How many sentences each unit stands for: 1, or k in a coarse pass.
    pub sentences: Vec<f64>,
    /// How many sentences of a list end at each sentence, up to `K`: items
    /// (`1. Adaro Energy (ADRO) +9,8%`, `- festival budaya;`) and the line
    /// that introduces them (`Berikut lima saham …:`). A list of short items
    /// may be translated as one sentence.
    list_run: Vec<usize>,
    /// Whether each sentence introduces a list (`Berikut hasil lima besar:`):
    /// translated with it, though it may name little of what it lists.
    list_intro: Vec<bool>,
}

impl Layout {
    pub fn new(sentences: &[crate::segment::Sentence]) -> Layout {
        use rayon::prelude::*;
        let said: Vec<f64> = sentences
            .par_iter()
            .map(|s| s.text[crate::noise::attribution(&s.text)..].chars().count() as f64)
            .collect();
        let quoting = (sentences.iter().zip(&said))
            .map(|(s, &said)| said == 0.0 && s.text.starts_with(['"', '“']))
            .collect();
        let (chars, noise): (Vec<f64>, Vec<bool>) = sentences
            .par_iter()
            .map(|s| {
                (
                    // A dateline is rarely translated: it says nothing of length.
                    (s.text.chars().count() - crate::noise::dateline(&s.text).chars().count())
                        as f64,
                    crate::noise::is_noise_line(&s.text) || crate::noise::is_debris_line(&s.text),
                )
            })
            .unzip();
        let alone = |k: usize| {
            let para = sentences[k].paragraph;
            let same = |j: usize| sentences.get(j).is_some_and(|s| s.paragraph == para);
            !(same(k + 1) || k > 0 && same(k - 1))
        };
        // A wire headline is written in sentence case (`US and Indonesia open
        // trade talks …`): the document's first line still is one when a
        // credit line or a dateline follows it.
        let opens_article = |k: usize| {
            k == 0
                && sentences.get(1).is_some_and(|next| {
                    noise[1]
                        || !crate::noise::dateline(&next.text).is_empty()
                        || next.paragraph != sentences[0].paragraph
                            && sentences[0].text.split_whitespace().count() <= 14
                })
        };
        let headline = (0..sentences.len())
            .map(|k| {
                let text = sentences[k].text.trim_end();
                alone(k)
                    && !noise[k]
                    && !text.ends_with('.')
                    && (crate::segment::is_headline(text) || opens_article(k))
            })
            .collect();
        let item = list_items(sentences, &noise);
        let introduces = |k: usize| {
            sentences[k].text.trim_end().ends_with(':') && item.get(k + 1).copied().unwrap_or(false)
        };
        // A list is one paragraph, however its items were set out.
        let mut paragraph: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        let mut list_run = vec![0; sentences.len()];
        for k in 0..sentences.len() {
            let follows = k > 0 && list_run[k - 1] > 0;
            if item[k] && follows {
                paragraph[k] = paragraph[k - 1];
            }
            list_run[k] = match (item[k] || introduces(k), follows && item[k]) {
                (false, _) => 0,
                (true, true) => (list_run[k - 1] + 1).min(K),
                (true, false) => 1,
            };
        }
        Layout {
            chars,
            said,
            quoting,
            paragraph,
            noise,
            tag: sentences
                .iter()
                .map(|s| crate::noise::is_initials_tag(&s.text))
                .collect(),
            headline,
            sentences: vec![1.0; sentences.len()],
            list_run,
            list_intro: (0..sentences.len())
                .map(|k| !item[k] && introduces(k))
                .collect(),
        }
    }

    /// Most sentences of a list: the longest bead side a list needs.
    pub fn longest_list(&self) -> usize {
        self.list_run.iter().copied().max().unwrap_or(0)
    }

    /// Most sentences of a list that a bead ending before sentence `i` may
    /// hold on this side.
    fn list_before(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |k| self.list_run[k])
    }

    /// Units of `k` consecutive sentences, for a coarse pass. Paragraphs and
    /// noise lines are left to the full-resolution pass.
    pub fn coarsen(&self, k: usize) -> Layout {
        let sum = |v: &[f64]| v.chunks(k).map(|c| c.iter().sum()).collect::<Vec<f64>>();
        let units = self.chars.len().div_ceil(k);
        Layout {
            chars: sum(&self.chars),
            said: vec![0.0; units],
            quoting: vec![false; units],
            paragraph: vec![0; units],
            noise: vec![false; units],
            tag: vec![false; units],
            headline: vec![false; units],
            sentences: sum(&self.sentences),
            list_run: vec![0; units],
            list_intro: vec![false; units],
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
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

/// Pair masks for every (i, j) a bead in the corridor can touch, computed
/// once: row r holds columns `lo[r]..lo[r] + rows[r].len()`.
struct PairTable {
    lo: Vec<usize>,
    rows: Vec<Vec<(u64, u64)>>,
}

impl PairTable {
    /// Masks for every pair a bead inside `corridor` covers, taking over
    /// what `known` holds already (a widened corridor's table grows from the
    /// narrower one's, and keeps its unchanged rows as they are).
    fn build(
        overlap: &Overlap,
        corridor: &Corridor,
        m: usize,
        reach: usize,
        known: Option<PairTable>,
    ) -> PairTable {
        use rayon::prelude::*;
        let n = corridor.rows();
        // Sentence row r is covered by beads that start at rows from r+1-reach
        // and end at rows up to r+reach, so it needs those rows' columns.
        let window = |r: usize| {
            let (l, h) = corridor.span(r.saturating_sub(reach - 1), r + reach);
            (l.min(m), h.min(m))
        };
        let (old_lo, mut old_rows) = known.map_or((Vec::new(), Vec::new()), |k| (k.lo, k.rows));
        // Per row: its first column, and its masks if kept from `known`.
        type Row = (usize, Option<Vec<(u64, u64)>>);
        let mut rows: Vec<Row> = (0..n)
            .map(|r| {
                let (l, h) = window(r);
                let same = old_lo.get(r) == Some(&l) && old_rows[r].len() == h - l;
                (l, same.then(|| std::mem::take(&mut old_rows[r])))
            })
            .collect();
        let (old_lo, old_rows) = (&old_lo, &old_rows);
        rows.par_iter_mut()
            .enumerate()
            .filter(|(_, (_, row))| row.is_none())
            .for_each(|(r, (l, row))| {
                let h = window(r).1;
                let masks = (*l..h)
                    .map(|j| {
                        let k = old_lo.get(r).map_or(usize::MAX, |&ol| j.wrapping_sub(ol));
                        match old_rows.get(r).and_then(|row| row.get(k)) {
                            Some(&masks) => masks,
                            None => overlap.pair_masks(r, j),
                        }
                    })
                    .collect();
                *row = Some(masks);
            });
        let (lo, rows) = rows
            .into_iter()
            .map(|(l, row)| (l, row.unwrap_or_default()))
            .unzip();
        PairTable { lo, rows }
    }

    fn get(&self, i: usize, j: usize) -> (u64, u64) {
        self.rows[i]
            .get(j.wrapping_sub(self.lo[i]))
            .copied()
            .unwrap_or((0, 0))
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
    /// Cost of leaving a noise line unaligned (instead of prior and skip cost).
    noise_skip_cost: f64,
    /// Cost per unit of overlap weight left uncovered in a bead.
    miss_rate: f64,
    /// Cost per unit of expected weight a sentence leaves unmatched in a
    /// bead that explains nothing of it (less as more of it is explained).
    orphan_cost: f64,
    /// Cost per nat a 1-1 bead's sentence finds in the sentence before its
    /// partner beyond what it finds in its partner.
    displaced_cost: f64,
    /// Weight each member of a merge into one sentence must cover for the
    /// merge to count that sentence's tokens undiscounted.
    merge_evidence: f64,
    condensed_evidence: f64,
    /// Most sentences on one side of a bead, but for a list.
    max_side: usize,
    /// Whether either side holds an initials tag (most documents hold none:
    /// the hot loop then skips the check).
    tags: bool,
}

impl<'a> BeadCost<'a> {
    pub fn new(
        overlap: &'a Overlap,
        length: LengthModel,
        src: &'a Layout,
        tgt: &'a Layout,
        corridor: &Corridor,
        cfg: &Config,
        known: Option<BeadCost<'a>>,
    ) -> BeadCost<'a> {
        let max_side = cfg.max_side.clamp(1, K);
        let reach = max_side.max(src.longest_list()).max(tgt.longest_list());
        let pairs = PairTable::build(
            overlap,
            corridor,
            tgt.chars.len(),
            reach,
            known.map(|k| k.pairs),
        );
        BeadCost {
            overlap,
            length,
            src,
            tgt,
            paragraphs: src.has_paragraphs() && tgt.has_paragraphs(),
            pairs,
            skip_cost: cfg.skip_cost,
            noise_skip_cost: cfg.noise_skip_cost,
            paragraph_cost: cfg.paragraph_cost,
            noise_cost: cfg.noise_cost,
            miss_rate: cfg.miss_rate,
            orphan_cost: cfg.orphan_cost,
            displaced_cost: cfg.displaced_cost,
            merge_evidence: cfg.merge_evidence,
            condensed_evidence: cfg.condensed_evidence,
            max_side,
            tags: src.tag.iter().chain(&tgt.tag).any(|&t| t),
        }
    }

    /// Cost of every bead type `types[t]` ending at cell (i, j) whose bit t
    /// is set in `wanted`, written to `out[t]`. The beads ending at one cell
    /// share their sentences, so each sentence pair's masks and each
    /// sentence's evidence against a group are looked up once for them all.
    pub fn price_cell(
        &self,
        i: usize,
        j: usize,
        types: &[(usize, usize)],
        wanted: u128,
        out: &mut [f32],
    ) {
        let reach = |max_side: usize, list: usize, n: usize| max_side.max(list).min(n);
        let reach_a = reach(self.max_side, self.src.list_before(i), i);
        let reach_b = reach(self.max_side, self.tgt.list_before(j), j);
        // x counts back from sentence i-1, y from j-1.
        let mut pair = [[(0u64, 0u64); K]; K];
        for (x, row) in pair.iter_mut().enumerate().take(reach_a) {
            for (y, cell) in row.iter_mut().enumerate().take(reach_b) {
                *cell = self.pairs.get(i - 1 - x, j - 1 - y);
            }
        }
        // Evidence of source sentence i-1-x against the last b target
        // sentences, and of target j-1-y against the last a source ones.
        let mut src_ev: Evidence = [[(0.0, 0.0); K + 1]; K];
        for (x, ev) in src_ev.iter_mut().enumerate().take(reach_a) {
            let mut mask = 0;
            for b in 1..=reach_b {
                mask |= pair[x][b - 1].0;
                ev[b] = self.overlap.src_evidence(i - 1 - x, mask, b);
            }
        }
        let mut tgt_ev: Evidence = [[(0.0, 0.0); K + 1]; K];
        for (y, ev) in tgt_ev.iter_mut().enumerate().take(reach_b) {
            let mut mask = 0;
            for a in 1..=reach_a {
                mask |= pair[a - 1][y].1;
                ev[a] = self.overlap.tgt_evidence(j - 1 - y, mask, a);
            }
        }
        // What each source sentence finds in each target sentence alone, for
        // the beads of two or more a side (see `moved`): once for them all.
        let mut single = [[0.0; K]; K];
        let grouped = self.orphan_cost > 0.0
            && (types.iter().enumerate()).any(|(t, &(a, b))| {
                wanted & (1 << t) != 0 && (2..=reach_a).contains(&a) && (2..=reach_b).contains(&b)
            });
        if grouped {
            for (x, row) in single.iter_mut().enumerate().take(reach_a) {
                row[0] = src_ev[x][1].0;
                for (y, found) in row.iter_mut().enumerate().take(reach_b).skip(1) {
                    let mask = pair[x][y].0;
                    if mask != 0 {
                        *found = self.overlap.src_evidence(i - 1 - x, mask, 1).0;
                    }
                }
            }
        }
        for (t, &(a, b)) in types.iter().enumerate() {
            if wanted & (1 << t) == 0 {
                continue;
            }
            let (si, tj) = (i - a, j - b);
            // Past `max_side`, only a list translated as one sentence; an
            // initials tag pairs with nothing.
            let tagged = self.tags
                && a > 0
                && b > 0
                && (self.src.tag[si..i].iter().chain(&self.tgt.tag[tj..j])).any(|&t| t);
            if a > reach_a || b > reach_b || tagged {
                out[t] = f32::INFINITY;
                continue;
            }
            out[t] = if a == 0 || b == 0 {
                // Each sentence left out pays, however many a coarse unit holds.
                let left: f64 = self.src.sentences[si..i].iter().sum::<f64>()
                    + self.tgt.sentences[tj..j].iter().sum::<f64>();
                let noise = self.src.noise[si..i].iter().chain(&self.tgt.noise[tj..j]);
                if noise.copied().any(|n| n) {
                    // A credit line or scanning debris is as often dropped as kept.
                    self.noise_skip_cost * left
                } else {
                    (prior(a, b) + self.skip_cost) * left
                }
            } else {
                let mut ls: f64 = self.src.chars[si..i].iter().sum();
                let mut lt: f64 = self.tgt.chars[tj..j].iter().sum();
                // `“A,” said Yanto.` against `“A.` (its `B,” kata Yanto.`
                // follows): the attribution moved, its length says nothing.
                if a == 1 && b == 1 {
                    if self.tgt.quoting[tj] {
                        ls -= self.src.said[si];
                    }
                    if self.src.quoting[si] {
                        lt -= self.tgt.said[tj];
                    }
                }
                let (mut covered, mut missed) = (0.0, 0.0);
                for ev in &src_ev[..a] {
                    covered += ev[b].0;
                    missed += ev[b].1;
                }
                for ev in &tgt_ev[..b] {
                    covered += ev[a].0;
                    missed += ev[a].1;
                }
                let bead = Bead {
                    shape: (a, b),
                    end: (i, j),
                    pair: &pair,
                    src_ev: &src_ev,
                    tgt_ev: &tgt_ev,
                    single: &single,
                };
                let (cover, explaining, condensed) = self.merge_membership(&bead);
                covered += cover;
                if (a, b) == (2, 2) {
                    covered += self.partner_cover(&bead);
                }
                // Only with a lexicon (`orphan_cost` is zeroed without one).
                let orphans: f64 = if self.orphan_cost > 0.0 {
                    let member = |m: usize| explaining & (1 << m) == 0;
                    let src = (0..a).filter(|&x| b > 1 || member(x));
                    let tgt = (0..b).filter(|&y| a > 1 || member(y));
                    src.map(|x| unexplained(src_ev[x][b]))
                        .chain(tgt.map(|y| unexplained(tgt_ev[y][a])))
                        .sum()
                } else {
                    0.0
                };
                // Only with a lexicon, as `orphans`: without one, too little
                // of a sentence is known to tell it found nothing.
                let strays = if self.orphan_cost > 0.0 {
                    self.strays(&bead)
                } else {
                    0.0
                };
                // Headlines are rewritten freely (`Menlu Desak Percepatan
                // Kode Etik …` against `Indonesia Pushes Neighbours to …`):
                // what they leave unexplained tells nothing.
                let headlines = a == 1 && b == 1 && self.src.headline[si] && self.tgt.headline[tj];
                let (missed, orphans) = if headlines {
                    (0.0, 0.0)
                } else {
                    (missed, orphans)
                };
                // Credit lines are rewritten freely (`Foto: Dok. BPBD` against
                // `Photo courtesy of the disaster agency`): no length to fit.
                let credits = self.src.noise[si..i].iter().chain(&self.tgt.noise[tj..j]);
                let length = if credits.copied().all(|n| n) {
                    0.0
                } else if condensed {
                    // Condensed: no dearer than its best member's fit.
                    let fit = |m: usize| {
                        if b == 1 {
                            self.length.cost(self.src.chars[si + m], lt)
                        } else {
                            self.length.cost(ls, self.tgt.chars[tj + m])
                        }
                    };
                    (0..a.max(b))
                        .map(fit)
                        .fold(self.length.cost(ls, lt), f64::min)
                } else {
                    self.length.cost(ls, lt)
                };
                let displaced = if (a, b) == (1, 1) {
                    self.displaced(&bead)
                } else {
                    0.0
                };
                prior(a, b) + length - covered
                    + self.displaced_cost * displaced
                    + self.miss_rate * missed
                    + self.orphan_cost * orphans
                    + strays
                    + self.paragraph_misfit(si, tj, a, b)
                    + self.noise_misfit(si, tj, a, b)
            } as f32;
        }
    }

    /// What the sentences of a bead that belong beside it pay: each pays
    /// what leaving it out costs beyond the bead's own prior, so only length
    /// and evidence decide. A sentence that finds nothing in the other
    /// side's group, though it names something (`Penonton berdiri.` beside
    /// `The match went to a deciding set …`; an omitted sentence and an
    /// added one around a kept pair, as a 2-2), and a moved sentence with
    /// its partner. List lines are exempt.
    fn strays(&self, bead: &Bead) -> f64 {
        let ((a, b), (i, j)) = (bead.shape, bead.end);
        if (a, b) == (1, 1) {
            return 0.0;
        }
        let stray = |(covered, missed): (f64, f64), side: &Layout, at: usize| {
            covered == 0.0 && missed > 0.0 && side.list_run[at] == 0
        };
        let src = (0..a).filter(|&x| stray(bead.src_ev[x][b], self.src, i - 1 - x));
        let tgt = (0..b).filter(|&y| stray(bead.tgt_ev[y][a], self.tgt, j - 1 - y));
        let moved = usize::from(self.moved(bead));
        let (sa, sb) = (src.count() + moved, tgt.count() + moved);
        if sa < a && sb < b && sa + sb > 0 {
            (sa + sb) as f64 * (prior(1, 0) + self.skip_cost) + prior(a - sa, b - sb) - prior(a, b)
        } else {
            0.0
        }
    }

    /// Whether a group of two or more sentences a side holds a moved
    /// sentence: two of its sentences each find their evidence in one
    /// sentence of the other group, and the two pairs cross (`Tim juga
    /// berencana …` told after the quotation it came before). The monotone
    /// reading is an omission where it was and an addition where it went.
    fn moved(&self, bead: &Bead) -> bool {
        let (a, b) = bead.shape;
        if a < 2 || b < 2 {
            return false;
        }
        let (i, pair) = (bead.end.0, bead.pair);
        // The partner a sentence finds its evidence in, where it finds at
        // least twice as much there as in the rest of the group.
        let partner = |x: usize| {
            let found = &bead.single[x][..b];
            let (y, &cover) = found.iter().enumerate().max_by(|p, q| p.1.total_cmp(q.1))?;
            if cover < self.merge_evidence {
                return None;
            }
            let all = (0..b).fold(0, |all, y| all | pair[x][y].0);
            let rest = all & !pair[x][y].0;
            let beyond = if rest == 0 {
                0.0
            } else {
                self.overlap.src_evidence(i - 1 - x, rest, 1).0
            };
            (beyond <= 0.5 * cover).then_some(y)
        };
        let partners: [Option<usize>; K] =
            std::array::from_fn(|x| (x < a).then(|| partner(x)).flatten());
        let found = partners
            .iter()
            .enumerate()
            .filter_map(|(x, y)| Some((x, (*y)?)));
        found
            .clone()
            .any(|(x, y)| found.clone().any(|(x2, y2)| x < x2 && y > y2))
    }

    /// For a 1-1 bead, the weight each of its sentences finds in the
    /// sentence before its partner beyond what it finds in its partner (see
    /// `Config::displaced_cost`).
    fn displaced(&self, bead: &Bead) -> f64 {
        if self.displaced_cost == 0.0 {
            return 0.0;
        }
        let (i, j) = bead.end;
        let (pair, src_ev, tgt_ev) = (bead.pair, bead.src_ev, bead.tgt_ev);
        // Masks against the sentence before each partner (empty past the
        // table's reach, or where the two share nothing).
        let (before_src, before_tgt) = (pair[1][0].1, pair[0][1].0);
        let mut beyond = 0.0;
        if i >= 2 && before_src != 0 {
            let found = self.overlap.tgt_evidence(j - 1, before_src, 1).0;
            beyond += (found - tgt_ev[0][1].0).max(0.0);
        }
        if j >= 2 && before_tgt != 0 {
            let found = self.overlap.src_evidence(i - 1, before_tgt, 1).0;
            beyond += (found - src_ev[0][1].0).max(0.0);
        }
        beyond
    }

    /// For a merge into one sentence (2-1, 1-2, 3-1, 1-3), what to add to
    /// the weight it covers, by the evidence each member shows in the one
    /// sentence (see `Config::merge_evidence`): a member that finds there
    /// only what the others find and leaves words of its own unexplained is
    /// an omission beside the merge, and what it seems to share counts for
    /// nothing; when every member shows evidence of its own (`… dua
    /// fraksi.` in `… after two factions walked out`), what the one
    /// sentence's best partner covers alone is no luck of the group's size.
    ///
    /// Also the members (bit m) that alone explain at least
    /// `merge_evidence` of the one sentence (`Dua jembatan gantung …` in
    /// `…, and two suspension bridges were cut`): part of the merge, not
    /// orphans, even where the translation dropped their village names.
    /// And whether each member finds `condensed_evidence` there alone, names
    /// and attributions aside: a condensed translation (see
    /// `Config::condensed_evidence`).
    fn merge_membership(&self, bead: &Bead) -> (f64, u32, bool) {
        let ((a, b), (i, j)) = (bead.shape, bead.end);
        let (pair, src_ev, tgt_ev) = (bead.pair, bead.src_ev, bead.tgt_ev);
        let into_target = b == 1 && a >= 2;
        if !(into_target || a == 1 && b >= 2) {
            return (0.0, 0, false);
        }
        let members = if into_target { a } else { b };
        let masks: [u64; K] = std::array::from_fn(|m| {
            if into_target {
                pair[m][0].1
            } else {
                pair[0][m].0
            }
        });
        let evidence: [(f64, f64); K] = std::array::from_fn(|m| {
            if into_target {
                src_ev[m][1]
            } else {
                tgt_ev[m][1]
            }
        });
        let (masks, evidence) = (&masks[..members], &evidence[..members]);
        let one_covers = |mask| {
            if into_target {
                self.overlap.tgt_evidence(j - 1, mask, 1).0
            } else {
                self.overlap.src_evidence(i - 1, mask, 1).0
            }
        };
        // Asked only with a lexicon, where they lift an orphan cost or a
        // condensed merge's length: the hot loop prices every merge.
        let with_lexicon = self.orphan_cost > 0.0;
        let (mut explaining, mut condensed) = (0, with_lexicon);
        if with_lexicon {
            let travelling = if into_target {
                self.overlap.tgt_travelling(j - 1)
            } else {
                self.overlap.src_travelling(i - 1)
            };
            for (m, &mask) in masks.iter().enumerate() {
                let others = masks.iter().enumerate().filter(|&(o, _)| o != m);
                let alone = mask & !others.fold(0, |all, (_, o)| all | o);
                let unexplained_here = unexplained(evidence[m]) >= 0.01;
                if alone != 0 && unexplained_here && one_covers(alone) >= self.merge_evidence {
                    explaining |= 1 << m;
                }
                condensed = condensed
                    && alone & !travelling != 0
                    && one_covers(alone & !travelling) >= self.condensed_evidence;
            }
        }
        let mut added = -echoed_cover(masks, evidence, self.merge_evidence);
        let shows = |&(covered, missed): &(f64, f64)| {
            covered >= self.merge_evidence && covered >= EXPLAINED * missed
        };
        let intro = |m: usize| {
            if into_target {
                self.src.list_intro[i - 1 - m]
            } else {
                self.tgt.list_intro[j - 1 - m]
            }
        };
        if evidence
            .iter()
            .enumerate()
            .all(|(m, e)| shows(e) || intro(m))
        {
            let cover = |mask, sure, group| {
                if into_target {
                    self.overlap.tgt_evidence_beyond(j - 1, mask, sure, group).0
                } else {
                    self.overlap.src_evidence_beyond(i - 1, mask, sure, group).0
                }
            };
            let discounted = if into_target {
                tgt_ev[0][a].0
            } else {
                src_ev[0][b].0
            };
            added += merged_cover(masks, |m| cover(m, 0, 1), |m, sure| cover(m, sure, members))
                - discounted;
        }
        (added, explaining, condensed)
    }

    /// For a redistribution (2-2), what to add to the weight it covers: the
    /// tokens each sentence finds in its best single partner of the other
    /// side are no luck of the group's size, so only what it finds beyond
    /// that partner is discounted. Without evidence crossing the pairs, a
    /// 2-2 then covers what its two 1-1 pairs do and loses by its prior;
    /// with it (`AS (48)` … `RH (41)` told of in the other order), it wins.
    fn partner_cover(&self, bead: &Bead) -> f64 {
        let ((a, b), (i, j)) = (bead.shape, bead.end);
        let (pair, src_ev, tgt_ev) = (bead.pair, bead.src_ev, bead.tgt_ev);
        let src_mask = |x: usize, y: usize| pair[x][y].0;
        let tgt_mask = |y: usize, x: usize| pair[x][y].1;
        let src_one = |x: usize, m| self.overlap.src_evidence(i - 1 - x, m, 1).0;
        let tgt_one = |y: usize, m| self.overlap.tgt_evidence(j - 1 - y, m, 1).0;
        // Only where every sentence of one side finds evidence beyond its
        // best partner: adjacent sentences share names and words by chance
        // (`Komisi XII` … `Commission member`), and then they share them
        // with the best partner too.
        if !self.crossing(a, b, src_mask, src_one) && !self.crossing(b, a, tgt_mask, tgt_one) {
            return 0.0;
        }
        let src: f64 = (src_ev[..a].iter().enumerate())
            .map(|(x, ev)| {
                let (all, sure, _) = best_partner(x, b, src_mask, src_one);
                self.overlap.src_evidence_beyond(i - 1 - x, all, sure, b).0 - ev[b].0
            })
            .sum();
        let tgt: f64 = (tgt_ev[..b].iter().enumerate())
            .map(|(y, ev)| {
                let (all, sure, _) = best_partner(y, a, tgt_mask, tgt_one);
                self.overlap.tgt_evidence_beyond(j - 1 - y, all, sure, a).0 - ev[a].0
            })
            .sum();
        src + tgt
    }

    /// Whether each of `n` sentences of a redistribution finds, beyond its
    /// best partner among `partners` (`mask(k, p)`: what partner p covers of
    /// sentence k; `one(k, mask)`: the weight of it), at least
    /// `merge_evidence` and a `CROSSING` share of what it finds there.
    fn crossing(
        &self,
        n: usize,
        partners: usize,
        mask: impl Fn(usize, usize) -> u64 + Copy,
        one: impl Fn(usize, u64) -> f64 + Copy,
    ) -> bool {
        // A partner covering all the others do leaves nothing beyond: masks
        // tell that, cheaply, for most of the 2-2 beads the search prices.
        may_cross(n, partners, mask)
            && (0..n).all(|k| {
                let (all, sure, cover) = best_partner(k, partners, mask, one);
                let beyond = one(k, all & !sure);
                beyond >= self.merge_evidence && beyond >= CROSSING * cover
            })
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
}

/// What the `partners` of sentence k cover of it together, what its best
/// partner covers, and that partner's weight (see `BeadCost::crossing`).
fn best_partner(
    k: usize,
    partners: usize,
    mask: impl Fn(usize, usize) -> u64,
    one: impl Fn(usize, u64) -> f64,
) -> (u64, u64, f64) {
    let all = (0..partners).fold(0, |all, p| all | mask(k, p));
    let (cover, sure) = (0..partners)
        .map(|p| (one(k, mask(k, p)), mask(k, p)))
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .unwrap_or((0.0, 0));
    (all, sure, cover)
}

/// Whether each of `n` sentences finds something beyond what any one of its
/// `partners` covers of it (`mask(k, p)`): a partner covering all the others
/// do leaves nothing beyond.
fn may_cross(n: usize, partners: usize, mask: impl Fn(usize, usize) -> u64) -> bool {
    (0..n).all(|k| {
        let all = (0..partners).fold(0, |all, p| all | mask(k, p));
        all != 0 && (0..partners).all(|p| mask(k, p) != all)
    })
}

/// How far one nat of covered evidence clears a sentence of being an
/// omission absorbed into a bead.
const COVER_DECAY: f64 = 0.5;

/// The expected evidence (names, numbers, lexicon words) a sentence of a
/// bead leaves without a counterpart, discounted by what it does cover: near
/// its whole missed weight for an omission absorbed into a neighbour's bead
/// (or paired with an unrelated sentence), little for a sentence that shares
/// something with the other side.
fn unexplained((covered, missed): (f64, f64)) -> f64 {
    missed * (-COVER_DECAY * covered).exp()
}
