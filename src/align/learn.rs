//! Self-training: word correspondences learned from the confident 1-1 beads of
//! a first pass over the same document pair (in the spirit of hunalign's
//! realign and Moore's aligner). Language-independent: it needs no lexicon.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::anchors::words;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

use super::Bead;

/// Settings of the learner.
#[derive(Debug, Clone, Copy)]
pub struct LearnConfig {
    /// Beads at least this confident teach.
    pub min_confidence: f64,
    /// A pair must co-occur in at least this many beads…
    pub min_count: usize,
    /// …and its Dice coefficient over the teaching beads must reach this.
    pub min_dice: f64,
}

fn word_set(s: &Sentence) -> Vec<String> {
    let mut w: Vec<String> = words(&s.text)
        .into_iter()
        .filter(|(_, w)| !w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|(_, w)| w.to_lowercase())
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Each teaching sentence's distinct words as ids, and the words by id.
fn interned(sentences: Vec<Vec<String>>) -> (Vec<Vec<u32>>, Vec<String>) {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut names = Vec::new();
    let sets = sentences
        .into_iter()
        .map(|set| {
            set.into_iter()
                .map(|w| {
                    *ids.entry(w).or_insert_with_key(|w| {
                        names.push(w.clone());
                        names.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    (sets, names)
}

/// Word pairs (source → target) that co-occur in confident 1-1 beads far more
/// often than chance, by the Dice coefficient.
pub fn learn(src: &[Sentence], tgt: &[Sentence], beads: &[Bead], cfg: LearnConfig) -> Lexicon {
    use rayon::prelude::*;
    let teaching: Vec<&Bead> = beads
        .iter()
        .filter(|b| b.src.len() == 1 && b.tgt.len() == 1 && b.confidence >= cfg.min_confidence)
        .collect();
    let sets = |side: &[Sentence], start: fn(&Bead) -> usize| -> Vec<Vec<String>> {
        teaching
            .par_iter()
            .map(|b| word_set(&side[start(b)]))
            .collect()
    };
    let (src_sets, src_words) = interned(sets(src, |b| b.src.start));
    let (tgt_sets, tgt_words) = interned(sets(tgt, |b| b.tgt.start));
    let count = |sets: &[Vec<u32>], words: usize| {
        let mut n = vec![0usize; words];
        for &w in sets.iter().flatten() {
            n[w as usize] += 1;
        }
        n
    };
    let (src_count, tgt_count) = (
        count(&src_sets, src_words.len()),
        count(&tgt_sets, tgt_words.len()),
    );
    // Words seen fewer than min_count times cannot pair that often.
    let frequent = |mut sets: Vec<Vec<u32>>, count: &[usize]| {
        for set in &mut sets {
            set.retain(|&w| count[w as usize] >= cfg.min_count);
        }
        sets
    };
    let (src_sets, tgt_sets) = (
        frequent(src_sets, &src_count),
        frequent(tgt_sets, &tgt_count),
    );
    // Each source word's teaching beads; its target company is then counted
    // in a dense array, one source word at a time and in parallel (a hash of
    // all pairs was the one serial step left on a long document).
    let mut holding: Vec<Vec<u32>> = vec![Vec::new(); src_words.len()];
    for (k, set) in src_sets.iter().enumerate() {
        for &a in set {
            holding[a as usize].push(k as u32);
        }
    }
    let paired: Vec<(u32, u32)> = (0..src_words.len())
        .into_par_iter()
        .filter(|&a| !holding[a].is_empty())
        .map_init(
            || (vec![0u32; tgt_words.len()], Vec::new()),
            |(company, seen), a| {
                for &k in &holding[a] {
                    for &b in &tgt_sets[k as usize] {
                        if company[b as usize] == 0 {
                            seen.push(b);
                        }
                        company[b as usize] += 1;
                    }
                }
                let mut found = Vec::new();
                for b in seen.drain(..) {
                    let c = std::mem::take(&mut company[b as usize]);
                    let dice = 2.0 * f64::from(c) / (src_count[a] + tgt_count[b as usize]) as f64;
                    if c as usize >= cfg.min_count && dice >= cfg.min_dice {
                        found.push((a as u32, b));
                    }
                }
                found
            },
        )
        .flatten_iter()
        .collect();
    // A word the pair shows translated as itself (a name, `Subang`) has its
    // counterpart already; what else keeps it company is the topic
    // (`subang`/`students`), not a translation of it.
    let same: FxHashSet<&str> = paired
        .iter()
        .map(|&(a, b)| {
            (
                src_words[a as usize].as_str(),
                tgt_words[b as usize].as_str(),
            )
        })
        .filter(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    let mut learned: Vec<(&str, &str)> = paired
        .iter()
        .map(|&(a, b)| {
            (
                src_words[a as usize].as_str(),
                tgt_words[b as usize].as_str(),
            )
        })
        .filter(|(a, b)| a != b && !same.contains(a) && !same.contains(b))
        .collect();
    learned.sort_unstable();
    let text: String = learned.iter().map(|(a, b)| format!("{a}\t{b}\n")).collect();
    Lexicon::parse(&text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    /// What line k of `src` against line k of `tgt`, all confident, teaches.
    fn learn_one_to_one(src: &[Sentence], tgt: &[Sentence]) -> Lexicon {
        let beads: Vec<Bead> = (0..src.len())
            .map(|k| Bead::one_to_one(k, k, 0.99))
            .collect();
        let cfg = LearnConfig {
            min_confidence: 0.5,
            min_count: 2,
            min_dice: 0.6,
        };
        learn(src, tgt, &beads, cfg)
    }

    #[test]
    fn learns_pairs_that_keep_company() {
        let src = split_lines("der Berg ruft\nder Berg schweigt\nein Hund bellt\nder Hund\n");
        let tgt =
            split_lines("la montagne appelle\nla montagne se tait\nun chien aboie\nle chien\n");
        let lex = learn_one_to_one(&src, &tgt);
        assert!(lex.translations("berg").contains(&"montagne".to_string()));
        assert!(lex.translations("hund").contains(&"chien".to_string()));
        assert!(lex.translations("ruft").is_empty());
    }

    #[test]
    fn a_name_written_alike_learns_no_company() {
        let src = split_lines("Subang banjir\nSubang banjir lagi\nhujan deras\nhujan reda\n");
        let tgt = split_lines("Subang flood\nSubang flood again\nheavy rain\nrain stopped\n");
        let lex = learn_one_to_one(&src, &tgt);
        assert!(lex.translations("subang").is_empty());
        assert_eq!(lex.translations("banjir"), ["flood"]);
        assert_eq!(lex.translations("hujan"), ["rain"]);
    }
}
