//! Alignment around fixed pairs: pairs a reviewer confirmed are kept as they
//! are, and the aligner runs on each stretch between two of them, so one
//! correction repairs its neighbourhood and the search keeps its guarantees
//! (every sentence once, in order) within each stretch.

use std::ops::Range;

use super::{Bead, Config, align};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// Align `src` and `tgt` keeping each of `fixed` (in order, not
/// overlapping, within both lists) as a bead of confidence 1. A fixed pair
/// that overlaps the one before it or runs past the end is ignored.
pub fn align_around(
    src: &[Sentence],
    tgt: &[Sentence],
    lexicon: &Lexicon,
    cfg: &Config,
    fixed: &[(Range<usize>, Range<usize>)],
) -> Vec<Bead> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let end = (src.len()..src.len(), tgt.len()..tgt.len());
    for (s, t) in fixed.iter().chain(std::iter::once(&end)) {
        let fits = s.start >= i && t.start >= j && s.end <= src.len() && t.end <= tgt.len();
        if !fits {
            continue;
        }
        if s.start > i || t.start > j {
            let stretch = align(&src[i..s.start], &tgt[j..t.start], lexicon, cfg);
            out.extend(stretch.into_iter().map(|b| Bead {
                src: b.src.start + i..b.src.end + i,
                tgt: b.tgt.start + j..b.tgt.end + j,
                ..b
            }));
        }
        if !s.is_empty() || !t.is_empty() {
            out.push(Bead {
                src: s.clone(),
                tgt: t.clone(),
                cost: 0.0,
                confidence: 1.0,
            });
        }
        (i, j) = (s.end, t.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    #[test]
    fn fixed_pairs_stay_and_the_rest_is_aligned_between() {
        let src = split_lines("Satu.\nDua ekor kucing.\nTiga rumah besar.\nEmpat.\nLima.\n");
        let tgt = split_lines("One.\nTwo cats.\nThree big houses.\nFour.\nFive.\n");
        let lex = Lexicon::builtin_id_en();
        let cfg = Config::default();
        // A wrong fixed pair is kept: the reviewer's word is final.
        let fixed = [(1..3, 1..2), (4..5, 4..5)];
        let beads = align_around(&src, &tgt, lex, &cfg, &fixed);
        let ladder: Vec<(Range<usize>, Range<usize>)> = beads
            .iter()
            .map(|b| (b.src.clone(), b.tgt.clone()))
            .collect();
        assert!(ladder.contains(&(1..3, 1..2)) && ladder.contains(&(4..5, 4..5)));
        let (mut i, mut j) = (0, 0);
        for b in &beads {
            assert_eq!((b.src.start, b.tgt.start), (i, j));
            (i, j) = (b.src.end, b.tgt.end);
        }
        assert_eq!((i, j), (5, 5));
        // Between fixed pairs with one side empty, and around nothing.
        let beads = align_around(&src, &tgt, lex, &cfg, &[(0..4, 0..5)]);
        assert_eq!(
            beads.last().map(|b| (b.src.clone(), b.tgt.clone())),
            Some((4..5, 5..5))
        );
        assert_eq!(align_around(&src, &tgt, lex, &cfg, &[]).len(), 5);
    }
}
