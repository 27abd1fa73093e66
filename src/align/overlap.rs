//! The overlap signal: which tokens of a source sentence have a counterpart in
//! a target sentence — the same number, the same or a similarly spelled name,
//! a cognate (`presiden`/`president`, `September`/`septembre`), a translation
//! from the lexicon, or the same telling punctuation (`?`, `(`, quotes).
//!
//! Tokens are interned per side; `links` says which source tokens may stand
//! for which target tokens. A sentence pair is then summarised by two bit
//! masks (which of its tokens are covered), so the search can score beads of
//! several sentences by OR-ing masks, counting each token at most once.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::anchors::{self, AnchorKind, similar_names};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// Tokens per sentence that take part (the rest are ignored).
const MAX_TOKENS: usize = 64;

/// Shortest word (in characters) that takes part as a cognate.
const COGNATE_MIN: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Name,
    /// A word of the lexicon.
    Word,
    /// Any other word of `COGNATE_MIN`+ letters, folded (lower case, no accents).
    Cognate,
    Punct,
}

/// How much a covered token of each kind counts, per side, in nats (before
/// the document-frequency discount).
#[derive(Debug, Clone, Copy)]
pub struct OverlapWeights {
    pub number: f64,
    pub name: f64,
    pub word: f64,
    pub cognate: f64,
    pub punct: f64,
    /// Share of a lexicon word's weight charged when its translation is missing.
    pub word_expectation: f64,
}

impl OverlapWeights {
    fn of(&self, kind: Kind) -> f64 {
        match kind {
            Kind::Number => self.number,
            Kind::Name => self.name,
            Kind::Word => self.word,
            Kind::Cognate => self.cognate,
            Kind::Punct => self.punct,
        }
    }
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

/// What a token is worth: its kind's weight, scaled by how specific it is.
#[derive(Debug, Clone, Copy)]
struct Weight {
    base: f64,
    /// How surely the token should have a counterpart in a translation:
    /// 1 for names and numbers, less for lexicon words (a lexicon is never
    /// complete), 0 for cognates and punctuation (most words have none).
    expectation: f64,
    /// ln((N+1)/df) / ln(N+1) for a token in df of the N sentences on the
    /// other side's scale: 1 for a token found once, near 0 for one found
    /// everywhere.
    specificity: f64,
    /// 1 / ln(N+1), to discount a match for the size of the group it is found in.
    per_nat: f64,
}

/// The interned tokens of both documents and the links between them.
pub struct Overlap {
    src: Vec<Vec<u32>>,
    tgt: Vec<Vec<u32>>,
    src_weight: Vec<Weight>,
    tgt_weight: Vec<Weight>,
    /// Per sentence, the weight of its tokens that expect a counterpart.
    src_expected: Vec<f64>,
    tgt_expected: Vec<f64>,
    links: Vec<Vec<u32>>,
}

/// Lower case without accents: `Expédition` → `expedition`.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Punctuation that tends to survive translation, folded to one form.
fn punct_key(c: char) -> Option<&'static str> {
    Some(match c {
        '?' => "?",
        '!' => "!",
        '(' | '[' => "(",
        ':' => ":",
        ';' => ";",
        '%' => "%",
        '"' | '“' | '”' | '„' | '«' | '»' => "\"",
        '$' | '€' | '£' => "$",
        _ => return None,
    })
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
            for (k, (_, w)) in anchors::words(&s.text).into_iter().enumerate() {
                let first = w.chars().next().unwrap_or(' ');
                // Numbers, names and acronyms are anchors already.
                let anchor = first.is_ascii_digit()
                    || k > 0 && first.is_uppercase()
                    || anchors::is_acronym(w);
                let lower = w.to_lowercase();
                if is_word(&lower) && !first.is_ascii_digit() {
                    ids.push(vocab.intern(Kind::Word, vec![lower]));
                } else if !anchor && w.chars().count() >= COGNATE_MIN {
                    ids.push(vocab.intern(Kind::Cognate, vec![fold(w)]));
                }
            }
            for key in s.text.chars().filter_map(punct_key) {
                ids.push(vocab.intern(Kind::Punct, vec![key.to_string()]));
            }
            ids.truncate(MAX_TOKENS);
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect()
}

/// Cognates: the same folded word, or a shared 4-letter start on words of
/// five letters or more (Simard, Foster & Isabelle 1992).
fn cognates(a: &str, b: &str) -> bool {
    a == b
        || a.chars().count() >= 5
            && b.chars().count() >= 5
            && a.chars().take(4).eq(b.chars().take(4))
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

        // Target tokens by key (numbers and punctuation in their own
        // namespaces), and names and cognates by their first letters.
        let mut by_key: HashMap<(Kind, &str), Vec<u32>> = HashMap::new();
        let mut by_start: HashMap<String, Vec<u32>> = HashMap::new();
        let space = |k: Kind| match k {
            Kind::Number | Kind::Punct => k,
            _ => Kind::Word,
        };
        for (id, (kind, keys)) in tv.kinds.iter().zip(&tv.keys).enumerate() {
            let id = id as u32;
            for k in keys {
                by_key.entry((space(*kind), k)).or_default().push(id);
            }
            if matches!(kind, Kind::Name | Kind::Cognate) {
                by_start
                    .entry(prefix(&fold(&keys[0])))
                    .or_default()
                    .push(id);
            }
        }
        let links = sv
            .kinds
            .iter()
            .zip(&sv.keys)
            .map(|(&kind, keys)| {
                let mut out: Vec<u32> = keys
                    .iter()
                    .flat_map(|k| by_key.get(&(space(kind), k.as_str())).into_iter().flatten())
                    .copied()
                    .collect();
                if matches!(kind, Kind::Name | Kind::Word) {
                    for t in lexicon.translations(&keys[0]) {
                        out.extend(by_key.get(&(Kind::Word, t.as_str())).into_iter().flatten());
                    }
                }
                if matches!(kind, Kind::Name | Kind::Cognate) {
                    let folded = fold(&keys[0]);
                    for &id in by_start.get(&prefix(&folded)).into_iter().flatten() {
                        let other = fold(&tv.keys[id as usize][0]);
                        let linked = match (kind, tv.kinds[id as usize]) {
                            (Kind::Name, Kind::Name) => similar_names(&folded, &other),
                            _ => cognates(&folded, &other),
                        };
                        if linked {
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
        // with which: the chance that a random group of sentences on the other
        // side has its partner grows with its document frequency.
        let weigh = |v: &Vocab, sents: &[Vec<u32>], others: usize| -> Vec<Weight> {
            let mut df = vec![0usize; v.kinds.len()];
            for &id in sents.iter().flatten() {
                df[id as usize] += 1;
            }
            let scale = ((sents.len().max(others) + 1) as f64).ln().max(1.0);
            v.kinds
                .iter()
                .zip(df)
                .map(|(&k, df)| Weight {
                    base: w.of(k),
                    expectation: match k {
                        Kind::Number | Kind::Name => 1.0,
                        Kind::Word => w.word_expectation,
                        Kind::Cognate | Kind::Punct => 0.0,
                    },
                    specificity: (((sents.len() + 1) as f64) / df.max(1) as f64).ln() / scale,
                    per_nat: 1.0 / scale,
                })
                .collect()
        };
        let src_weight = weigh(&sv, &src_tokens, tgt.len());
        let tgt_weight = weigh(&tv, &tgt_tokens, src.len());
        let expected = |sents: &[Vec<u32>], w: &[Weight]| -> Vec<f64> {
            sents
                .iter()
                .map(|ids| {
                    ids.iter()
                        .take(64)
                        .map(|&t| expected_weight(&w[t as usize]))
                        .sum()
                })
                .collect()
        };
        Overlap {
            src_expected: expected(&src_tokens, &src_weight),
            tgt_expected: expected(&tgt_tokens, &tgt_weight),
            src_weight,
            tgt_weight,
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

    /// Evidence from the tokens of source sentence `i` that `mask` says have
    /// a counterpart in a group of `group` target sentences: the weight they
    /// cover (each token's weight, less the chance of finding it in so many
    /// sentences at random), and the expected weight left without a
    /// counterpart.
    pub fn src_evidence(&self, i: usize, mask: u64, group: usize) -> (f64, f64) {
        evidence(
            &self.src[i],
            &self.src_weight,
            self.src_expected[i],
            mask,
            group,
        )
    }

    pub fn tgt_evidence(&self, j: usize, mask: u64, group: usize) -> (f64, f64) {
        evidence(
            &self.tgt[j],
            &self.tgt_weight,
            self.tgt_expected[j],
            mask,
            group,
        )
    }
}

/// ln(k) for bead sides of k = 0..=8 sentences (0 and 1 cost nothing).
const LN_GROUP: [f64; 9] = [
    0.0,
    0.0,
    std::f64::consts::LN_2,
    1.098_612_288_668_11,
    1.386_294_361_119_89,
    1.609_437_912_434_1,
    1.791_759_469_228_05,
    1.945_910_149_055_31,
    2.079_441_541_679_84,
];

fn expected_weight(w: &Weight) -> f64 {
    w.expectation * w.base * w.specificity
}

fn evidence(
    tokens: &[u32],
    weights: &[Weight],
    expected: f64,
    mut mask: u64,
    group: usize,
) -> (f64, f64) {
    if tokens.len() < 64 {
        mask &= (1u64 << tokens.len()) - 1;
    }
    let group_nats = LN_GROUP[group.min(8)];
    let (mut covered, mut expected_covered) = (0.0, 0.0);
    while mask != 0 {
        let k = mask.trailing_zeros() as usize;
        let w = &weights[tokens[k] as usize];
        covered += w.base * (w.specificity - group_nats * w.per_nat).max(0.0);
        expected_covered += expected_weight(w);
        mask &= mask - 1;
    }
    (covered, (expected - expected_covered).max(0.0))
}

fn prefix(key: &str) -> String {
    key.chars().take(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    fn weights() -> OverlapWeights {
        OverlapWeights {
            number: 2.0,
            name: 1.5,
            word: 0.5,
            cognate: 0.0,
            punct: 0.0,
            word_expectation: 0.0,
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
        // Each token is found once, so it counts fully: Korea, Moskow, 3.000
        // and tentara are covered; Utara is not (no lexicon entry).
        let (covered, missed) = o.src_evidence(0, ms, 1);
        assert!((covered - (2.0 + 1.5 + 1.5 + 0.5)).abs() < 1e-9);
        // Utara is missed in full; the lexicon word would count a fifth.
        assert!((missed - 1.5).abs() < 1e-9);
        assert!(o.tgt_evidence(0, mt, 1).0 >= 2.0 + 1.5 + 0.5 - 1e-9);
        // Found in a group of two sentences, a match is worth less.
        assert!(o.src_evidence(0, ms, 2).0 < covered);
        assert_eq!(o.pair_masks(1, 0), (0, 0));
    }
}
