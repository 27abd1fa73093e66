//! The checks that read a pair as plain text: quotes and brackets, an
//! untranslated target, a length far from the document's norm.

use std::collections::HashSet;

use strsim::normalized_levenshtein;

use crate::align::Bead;
use crate::anchors;

use super::Context;
use crate::segment::join;

/// Quotes and brackets that do not balance, or quoting on one side only.
pub fn quote_mismatch(src: &str, tgt: &str) -> Option<String> {
    let unbalanced = |s: &str| -> Option<&'static str> {
        let count = |c: char| s.chars().filter(|&x| x == c).count();
        if count('(') != count(')') {
            Some("brackets ( ) do not balance")
        } else if count('“') != count('”') || count('"') % 2 == 1 {
            Some("quotation marks do not balance")
        } else {
            None
        }
    };
    if let Some(why) = unbalanced(src) {
        return Some(format!("source: {why}"));
    }
    if let Some(why) = unbalanced(tgt) {
        return Some(format!("target: {why}"));
    }
    let quotes = |s: &str| s.contains(['“', '"', '«', '„']);
    match (quotes(src), quotes(tgt)) {
        (true, false) => {
            Some("the source quotes someone; the target has no quotation marks".into())
        }
        (false, true) => {
            Some("the target quotes someone; the source has no quotation marks".into())
        }
        _ => None,
    }
}

/// The target is the source, or nearly, although the source is prose.
pub fn untranslated(src: &str, tgt: &str) -> bool {
    let prose_words = anchors::words(src)
        .iter()
        .filter(|(_, w)| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if prose_words < 3 {
        return false;
    }
    // Cheap first: most source words must recur in the target at all.
    let (src, tgt) = (src.to_lowercase(), tgt.to_lowercase());
    let tgt_words: HashSet<&str> = tgt.split_whitespace().collect();
    let src_words: Vec<&str> = src.split_whitespace().collect();
    let shared = src_words.iter().filter(|w| tgt_words.contains(*w)).count();
    // Edit distance is quadratic: a pair of very long sentences is compared
    // on its opening, which is where an untranslated copy shows anyway.
    let opening = |s: &str| -> String { s.chars().take(LEVENSHTEIN_CHARS).collect() };
    shared * 2 >= src_words.len() && normalized_levenshtein(&opening(&src), &opening(&tgt)) >= 0.85
}

/// Characters of each side the edit distance looks at, at most.
const LEVENSHTEIN_CHARS: usize = 2000;

/// The spread of target/source length among the document's pairs, to flag
/// the pairs far outside it.
pub struct LengthNorm {
    median: f64,
    limit: f64,
}

impl LengthNorm {
    fn log_ratio(src: &str, tgt: &str) -> f64 {
        // +10 characters keeps very short lines from swinging the ratio.
        ((tgt.chars().count() as f64 + 10.0) / (src.chars().count() as f64 + 10.0)).ln()
    }

    pub fn fit(beads: &[Bead], cx: &Context) -> LengthNorm {
        let mut ratios: Vec<f64> = beads
            .iter()
            .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
            .map(|b| LengthNorm::log_ratio(&join(cx.src, &b.src), &join(cx.tgt, &b.tgt)))
            .collect();
        let centre = median(&mut ratios).unwrap_or(0.0);
        let mut deviations: Vec<f64> = ratios.iter().map(|r| (r - centre).abs()).collect();
        let mad: f64 = median(&mut deviations).unwrap_or(0.0);
        // Four robust standard deviations, and never under ±0.5 in log terms
        // (a factor of 1.65): short documents give a loose estimate.
        LengthNorm {
            median: centre,
            limit: (4.0 * 1.4826 * mad).max(0.5),
        }
    }

    pub fn misfit(&self, src: &str, tgt: &str) -> Option<String> {
        let off = LengthNorm::log_ratio(src, tgt) - self.median;
        (off.abs() > self.limit).then(|| {
            let factor = off.abs().exp();
            if off > 0.0 {
                format!("the target is {factor:.1}× longer than this document's pairs suggest: added text?")
            } else {
                format!("the target is {factor:.1}× shorter than this document's pairs suggest: something left out?")
            }
        })
    }
}

fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len().is_multiple_of(2) {
        (xs[mid - 1] + xs[mid]) / 2.0
    } else {
        xs[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A very long untranslated pair is still found, and quickly: the edit
    /// distance looks at its opening only.
    #[test]
    fn a_long_untranslated_pair() {
        let long = "harga bahan bakar naik lagi minggu ini ".repeat(20_000);
        assert!(untranslated(&long, &long));
        assert!(!untranslated(
            &long,
            &"fuel prices rose again this week ".repeat(20_000)
        ));
    }
}
