//! The overlap signal: which tokens of a source sentence have a counterpart in
//! a target sentence — the same number, the same or a similarly spelled name,
//! or a translation from the lexicon.
//!
//! Tokens are interned per side; `links` says which source tokens may stand
//! for which target tokens. A sentence pair is then summarised by two bit
//! masks (which of its tokens are covered), so the search can score beads of
//! several sentences by OR-ing masks, counting each token at most once.

use std::collections::HashMap;

use crate::anchors::{self, AnchorKind, similar_names};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// Tokens per sentence that take part (the rest are ignored).
const MAX_TOKENS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Name,
    Word,
}

/// How much a covered token of each kind counts, per side, in nats.
#[derive(Debug, Clone, Copy)]
pub struct OverlapWeights {
    pub number: f64,
    pub name: f64,
    pub word: f64,
}

#[derive(Default)]
struct Vocab {
    ids: HashMap<(Kind, String), u32>,
    kinds: Vec<Kind>,
    keys: Vec<Vec<String>>,
}

impl Vocab {
    fn intern(&mut self, kind: Kind, keys: Vec<String>) -> u32 {
        let canon = keys.join("|");
        if let Some(&id) = self.ids.get(&(kind, canon.clone())) {
            return id;
        }
        let id = self.kinds.len() as u32;
        self.ids.insert((kind, canon), id);
        self.kinds.push(kind);
        self.keys.push(keys);
        id
    }
}

/// The interned tokens of both documents and the links between them.
pub struct Overlap {
    src: Vec<Vec<u32>>,
    tgt: Vec<Vec<u32>>,
    src_weight: Vec<f64>,
    tgt_weight: Vec<f64>,
    links: Vec<Vec<u32>>,
}

fn tokenise(
    sentences: &[Sentence],
    vocab: &mut Vocab,
    is_word: &dyn Fn(&str) -> bool,
) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|s| {
            let mut ids: Vec<u32> = Vec::new();
            for a in anchors::extract(&s.text) {
                let kind = match a.kind {
                    AnchorKind::Number => Kind::Number,
                    AnchorKind::Name | AnchorKind::Acronym => Kind::Name,
                };
                ids.push(vocab.intern(kind, a.keys));
            }
            for (_, w) in anchors::words(&s.text) {
                let lower = w.to_lowercase();
                if w.chars().next().is_some_and(char::is_lowercase) && is_word(&lower) {
                    ids.push(vocab.intern(Kind::Word, vec![lower]));
                }
            }
            ids.truncate(MAX_TOKENS);
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect()
}

impl Overlap {
    pub fn build(
        src: &[Sentence],
        tgt: &[Sentence],
        lexicon: &Lexicon,
        w: OverlapWeights,
    ) -> Overlap {
        let targets = lexicon.targets();
        let mut sv = Vocab::default();
        let mut tv = Vocab::default();
        let src_tokens = tokenise(src, &mut sv, &|word| !lexicon.translations(word).is_empty());
        let tgt_tokens = tokenise(tgt, &mut tv, &|word| targets.contains(word));

        // Target tokens by key; numbers in their own namespace.
        let mut by_key: HashMap<(bool, &str), Vec<u32>> = HashMap::new();
        let mut names_by_prefix: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, (kind, keys)) in tv.kinds.iter().zip(&tv.keys).enumerate() {
            let id = id as u32;
            for k in keys {
                by_key
                    .entry((*kind == Kind::Number, k))
                    .or_default()
                    .push(id);
            }
            if *kind == Kind::Name {
                names_by_prefix
                    .entry(prefix(&keys[0]))
                    .or_default()
                    .push(id);
            }
        }
        let links = sv
            .kinds
            .iter()
            .zip(&sv.keys)
            .map(|(kind, keys)| {
                let number = *kind == Kind::Number;
                let mut out: Vec<u32> = keys
                    .iter()
                    .flat_map(|k| by_key.get(&(number, k.as_str())).into_iter().flatten())
                    .copied()
                    .collect();
                if !number {
                    for t in lexicon.translations(&keys[0]) {
                        out.extend(by_key.get(&(false, t.as_str())).into_iter().flatten());
                    }
                }
                if *kind == Kind::Name {
                    for &id in names_by_prefix.get(&prefix(&keys[0])).into_iter().flatten() {
                        if similar_names(&keys[0], &tv.keys[id as usize][0]) {
                            out.push(id);
                        }
                    }
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        // A token found in many sentences tells little about which one pairs
        // with which: its weight falls with its document frequency.
        let weigh = |v: &Vocab, sents: &[Vec<u32>]| -> Vec<f64> {
            let mut df = vec![0usize; v.kinds.len()];
            for &id in sents.iter().flatten() {
                df[id as usize] += 1;
            }
            v.kinds
                .iter()
                .zip(df)
                .map(|(k, df)| {
                    let base = match k {
                        Kind::Number => w.number,
                        Kind::Name => w.name,
                        Kind::Word => w.word,
                    };
                    base / (df.max(1) as f64).sqrt()
                })
                .collect()
        };
        Overlap {
            src_weight: weigh(&sv, &src_tokens),
            tgt_weight: weigh(&tv, &tgt_tokens),
            src: src_tokens,
            tgt: tgt_tokens,
            links,
        }
    }

    /// Which tokens of source sentence `i` have a counterpart in target
    /// sentence `j` (bit k = k-th token), and which of `j`'s have one in `i`.
    pub fn pair_masks(&self, i: usize, j: usize) -> (u64, u64) {
        let (si, tj) = (&self.src[i], &self.tgt[j]);
        let (mut ms, mut mt) = (0u64, 0u64);
        if si.is_empty() || tj.is_empty() {
            return (0, 0);
        }
        for (p, &t) in si.iter().enumerate() {
            for u in &self.links[t as usize] {
                if let Ok(q) = tj.binary_search(u) {
                    ms |= 1 << p;
                    mt |= 1 << q;
                }
            }
        }
        (ms, mt)
    }

    /// Weight of the tokens of source sentence `i` selected by `mask`.
    pub fn src_covered(&self, i: usize, mask: u64) -> f64 {
        masked_weight(&self.src[i], &self.src_weight, mask)
    }

    pub fn tgt_covered(&self, j: usize, mask: u64) -> f64 {
        masked_weight(&self.tgt[j], &self.tgt_weight, mask)
    }

    /// Weight of all tokens of a sentence (everything there is to cover).
    pub fn src_total(&self, i: usize) -> f64 {
        self.src_covered(i, u64::MAX)
    }

    pub fn tgt_total(&self, j: usize) -> f64 {
        self.tgt_covered(j, u64::MAX)
    }
}

fn masked_weight(tokens: &[u32], weights: &[f64], mut mask: u64) -> f64 {
    if tokens.len() < 64 {
        mask &= (1u64 << tokens.len()) - 1;
    }
    let mut sum = 0.0;
    while mask != 0 {
        let k = mask.trailing_zeros() as usize;
        sum += weights[tokens[k] as usize];
        mask &= mask - 1;
    }
    sum
}

fn prefix(key: &str) -> String {
    key.chars().take(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::segment::split_lines;

    fn weights() -> OverlapWeights {
        OverlapWeights {
            number: 2.0,
            name: 1.5,
            word: 0.5,
        }
    }

    #[test]
    fn numbers_names_and_lexicon_words_link() {
        let src =
            split_lines("Pasukan Korea Utara tiba di Moskow dengan 3.000 tentara.\nHujan turun.\n");
        let tgt =
            split_lines("North Korean troops arrived in Moscow with 3,000 soldiers.\nIt rained.\n");
        let lex = Lexicon::parse("tentara\tsoldiers\nhujan\train\n").unwrap();
        let o = Overlap::build(&src, &tgt, &lex, weights());
        let (ms, mt) = o.pair_masks(0, 0);
        // Korea, Moskow, 3.000 and tentara are covered; Utara is not (no lexicon entry).
        assert!((o.src_covered(0, ms) - (2.0 + 1.5 + 1.5 + 0.5)).abs() < 1e-9);
        assert!((o.src_total(0) - (2.0 + 1.5 + 1.5 + 1.5 + 0.5)).abs() < 1e-9);
        assert!(o.tgt_covered(0, mt) >= 2.0 + 1.5 + 0.5 - 1e-9);
        assert_eq!(o.pair_masks(1, 0), (0, 0));
        assert!(o.src_total(0) > o.src_covered(0, ms) - 1e-9);
        let _ = Lang::Id;
    }
}
