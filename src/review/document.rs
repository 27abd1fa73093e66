//! Checks on the document pair as a whole, which no pair's flag covers:
//! two texts that are not translations of each other, and files given the
//! wrong way round. They warn, with the reason; they never refuse.

use crate::align::Bead;
use crate::anchors::words;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

use super::language_name;

/// Below this share of sentences in pairs with text on both sides, each
/// counted at its pair's score, the texts are unlikely to translate each
/// other: an aligner that leaves what it cannot match unaligned scores the
/// few pairs it does find between unrelated articles well, so the mean
/// score of those pairs alone says too little. A loose rewrite drops much
/// of the original, so the sentences the longer text has beyond the
/// shorter's count a quarter each (`SURPLUS_WEIGHT`). Over the 168 corpora,
/// the translations come to 0.78–1.00, and two samples of 3,000 random
/// pairings of one article with another's English to at most 0.58 (two
/// corruption trials): the threshold sits in the gap (`tests/corpora.rs`
/// checks every pairing).
const UNRELATED_BELOW: f64 = 0.68;
const SURPLUS_WEIGHT: f64 = 0.25;

/// A side reads as a language when at least this share of its words are
/// entries of the lexicon in that language, and more than in the other.
const READS_AS: f64 = 0.05;

/// What the reviewer should know about the pair as a whole.
pub fn warnings(
    beads: &[Bead],
    src: &[Sentence],
    tgt: &[Sentence],
    langs: (&Lang, &Lang),
) -> Vec<String> {
    let mut out = Vec::new();
    let aligned: Vec<&Bead> = beads
        .iter()
        .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
        .collect();
    if beads.len() >= 3 {
        let (shorter, longer) = (src.len().min(tgt.len()), src.len().max(tgt.len()));
        let sentences = (2 * shorter) as f64 + SURPLUS_WEIGHT * (longer - shorter) as f64;
        let covered: f64 = (aligned
            .iter()
            .map(|b| b.confidence * (b.src.len() + b.tgt.len()) as f64)
            .sum::<f64>()
            / sentences.max(1.0))
        .min(1.0);
        let why = if aligned.is_empty() {
            Some("no sentence found a counterpart".to_string())
        } else {
            (covered < UNRELATED_BELOW).then(|| {
                format!(
                    "{:.0}% of their sentences found a counterpart, counted at its score, the longer text's surplus at a quarter (translations: 78% or more)",
                    covered * 100.0
                )
            })
        };
        if let Some(why) = why {
            out.push(format!(
                "the two texts may not be translations of each other: {why}; check that the right \
                 files were given"
            ));
        }
    }
    let swapped = match langs {
        (Lang::Id, Lang::En) => reads_backwards(src, tgt),
        (Lang::En, Lang::Id) => reads_backwards(tgt, src),
        _ => false,
    };
    if swapped {
        out.push(format!(
            "the files seem swapped: the source reads as {} and the target as {}; give them the \
             other way round, or say --src-lang {} --tgt-lang {}",
            language_name(langs.1),
            language_name(langs.0),
            langs.1.code(),
            langs.0.code()
        ));
    }
    out
}

/// Whether the text given as Indonesian reads as English and the one given
/// as English reads as Indonesian, by the built-in lexicon's words.
fn reads_backwards(indonesian: &[Sentence], english: &[Sentence]) -> bool {
    let lexicon = Lexicon::builtin_id_en();
    // (share of Indonesian words, share of English words) of one side.
    let shares = |side: &[Sentence]| -> (f64, f64) {
        let (mut id, mut en, mut all) = (0usize, 0usize, 0usize);
        for s in side {
            for (_, w) in words(&s.text) {
                let w = w.to_lowercase();
                all += 1;
                id += usize::from(!lexicon.translations(&w).is_empty());
                en += usize::from(lexicon.is_target(&w));
            }
        }
        let all = all.max(1) as f64;
        (id as f64 / all, en as f64 / all)
    };
    let (id_in_id, en_in_id) = shares(indonesian);
    let (id_in_en, en_in_en) = shares(english);
    en_in_id >= READS_AS && en_in_id > id_in_id && id_in_en >= READS_AS && id_in_en > en_in_en
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    fn bead(k: usize, confidence: f64) -> Bead {
        Bead::one_to_one(k, k, confidence)
    }

    #[test]
    fn unrelated_texts_and_swapped_files_are_named() {
        let id = split_lines(
            "Pemerintah akan menaikkan harga bahan bakar.\nWarga kota menolak rencana itu.\nPresiden berbicara kepada wartawan.\n",
        );
        let en = split_lines(
            "The government will raise fuel prices.\nCity residents rejected the plan.\nThe president spoke to reporters.\n",
        );
        let sure: Vec<Bead> = (0..3).map(|k| bead(k, 0.97)).collect();
        let langs = (&Lang::Id, &Lang::En);
        assert!(warnings(&sure, &id, &en, langs).is_empty());
        let doubtful: Vec<Bead> = (0..3).map(|k| bead(k, 0.3)).collect();
        let w = warnings(&doubtful, &id, &en, langs);
        assert!(
            w.len() == 1 && w[0].contains("30% of their sentences") && !w[0].contains("  "),
            "{w:?}"
        );
        // Nothing paired at all: said so, not as a mean of no scores.
        let apart: Vec<Bead> = (0..3)
            .map(|k| Bead {
                tgt: 0..0,
                ..bead(k, 0.5)
            })
            .collect();
        let w = warnings(&apart, &id, &en, langs);
        assert!(w.len() == 1 && w[0].contains("no sentence found"), "{w:?}");
        // A few sure pairs among many unaligned sentences: unrelated texts
        // an aligner left mostly apart.
        let mut few: Vec<Bead> = vec![bead(0, 0.95)];
        few.extend((1..3).map(|k| Bead {
            tgt: 0..0,
            ..bead(k, 0.9)
        }));
        few.extend((1..3).map(|k| Bead {
            src: 0..0,
            ..bead(k, 0.9)
        }));
        let w = warnings(&few, &id, &en, langs);
        assert!(
            w.len() == 1 && w[0].contains("32% of their sentences"),
            "{w:?}"
        );
        let w = warnings(&sure, &en, &id, langs);
        assert!(
            w.len() == 1 && w[0].contains("--src-lang en --tgt-lang id"),
            "{w:?}"
        );
        // Given the right way round as English to Indonesian: no warning.
        assert!(warnings(&sure, &en, &id, (&Lang::En, &Lang::Id)).is_empty());
    }
}
