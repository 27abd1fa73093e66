//! Self-training: word correspondences learned from the confident 1-1 beads of
//! a first pass over the same document pair (in the spirit of hunalign's
//! realign and Moore's aligner). Language-independent: it needs no lexicon.

use std::collections::HashMap;

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

/// Word pairs (source → target) that co-occur in confident 1-1 beads far more
/// often than chance, by the Dice coefficient.
pub fn learn(src: &[Sentence], tgt: &[Sentence], beads: &[Bead], cfg: LearnConfig) -> Lexicon {
    let mut pair_count: HashMap<(&str, &str), usize> = HashMap::new();
    let mut src_count: HashMap<String, usize> = HashMap::new();
    let mut tgt_count: HashMap<String, usize> = HashMap::new();
    let teaching: Vec<(Vec<String>, Vec<String>)> = beads
        .iter()
        .filter(|b| b.src.len() == 1 && b.tgt.len() == 1 && b.confidence >= cfg.min_confidence)
        .map(|b| (word_set(&src[b.src.start]), word_set(&tgt[b.tgt.start])))
        .collect();
    for (s, t) in &teaching {
        for w in s {
            *src_count.entry(w.clone()).or_default() += 1;
        }
        for w in t {
            *tgt_count.entry(w.clone()).or_default() += 1;
        }
    }
    for (s, t) in &teaching {
        // Words seen once cannot reach min_count; skip them early.
        let s: Vec<&str> = s
            .iter()
            .filter(|w| src_count[*w] >= cfg.min_count)
            .map(String::as_str)
            .collect();
        let t: Vec<&str> = t
            .iter()
            .filter(|w| tgt_count[*w] >= cfg.min_count)
            .map(String::as_str)
            .collect();
        for &a in &s {
            for &b in &t {
                *pair_count.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut learned: Vec<(&str, &str)> = pair_count
        .into_iter()
        .filter(|&((a, b), c)| {
            let dice = 2.0 * c as f64 / (src_count[a] + tgt_count[b]) as f64;
            c >= cfg.min_count && dice >= cfg.min_dice && a != b
        })
        .map(|(k, _)| k)
        .collect();
    learned.sort_unstable();
    let text: String = learned.iter().map(|(a, b)| format!("{a}\t{b}\n")).collect();
    Lexicon::parse(&text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    #[test]
    fn learns_pairs_that_keep_company() {
        let src = split_lines("der Berg ruft\nder Berg schweigt\nein Hund bellt\nder Hund\n");
        let tgt =
            split_lines("la montagne appelle\nla montagne se tait\nun chien aboie\nle chien\n");
        let beads: Vec<Bead> = (0..4)
            .map(|k| Bead {
                src: k..k + 1,
                tgt: k..k + 1,
                cost: 0.0,
                confidence: 0.99,
                flags: vec![],
            })
            .collect();
        let cfg = LearnConfig {
            min_confidence: 0.5,
            min_count: 2,
            min_dice: 0.6,
        };
        let lex = learn(&src, &tgt, &beads, cfg);
        assert!(lex.translations("berg").contains(&"montagne".to_string()));
        assert!(lex.translations("hund").contains(&"chien".to_string()));
        assert!(lex.translations("ruft").is_empty());
    }
}
