//! The checks that read a pair as plain text: quotes and brackets, an
//! untranslated target, a length far from the document's norm.

use std::collections::HashSet;

use strsim::normalized_levenshtein;

use crate::align::Bead;
use crate::anchors;

use super::Context;
use crate::segment::{Sentence, is_bracket_marker, join};

/// Quotes or brackets that do not balance on one side while they do on the
/// other: a quotation cut short or a bracket lost. Quoting on one side only
/// is not flagged: translators turn quotes into reported speech and back.
/// Brackets are counted together (`(`, `[`, `<` against `)`, `]`, `>`):
/// scanned text mixes them up (`( Höhle des Bären>`).
///
/// A side whose sentences are all part of a quotation running over several
/// sentences (`running`: `"Biasanya … 1 kuintal.` continued by `Itu pun …,"
/// kata Sutarmi.`) opens or closes it legitimately: only its brackets count.
pub fn quote_mismatch(src: (&str, bool), tgt: (&str, bool)) -> Option<String> {
    let unbalanced = |(s, running): (&str, bool)| -> Option<&'static str> {
        let count = |set: &[char]| s.chars().filter(|x| set.contains(x)).count();
        if bracket_depth(s) != 0 {
            Some("brackets do not balance")
        } else if !running && (count(&['“']) != count(&['”']) || count(&['"']) % 2 == 1) {
            Some("quotation marks do not balance")
        } else {
            None
        }
    };
    match (unbalanced(src), unbalanced(tgt)) {
        (Some(why), None) => Some(format!("source: {why}")),
        (None, Some(why)) => Some(format!("target: {why}")),
        _ => None,
    }
}

/// Brackets opened minus brackets closed in `s`, counted together. An item's
/// marker outside brackets (`yakni 1) menjaga … 2) menekan …`) closes none;
/// inside them (`(tahap 2)`) its bracket is the closing one.
fn bracket_depth(s: &str) -> isize {
    let mut depth = 0;
    for word in s.split_whitespace() {
        if depth == 0 && is_bracket_marker(word) {
            continue;
        }
        // `triliun*)`, `**) Tidak diaudit`: a footnote's asterisks, closed
        // by a bracket no bracket opened.
        let word = word.replace("*)", "*");
        for c in word.chars() {
            match c {
                '(' | '[' | '<' => depth += 1,
                ')' | ']' | '>' => depth -= 1,
                _ => {}
            }
        }
    }
    depth
}

/// Per sentence, whether it is part of a quotation running over several
/// sentences: it opens inside one, or leaves one open that a later sentence
/// closes. A paragraph that reopens a quotation left open (`“` opening
/// each paragraph of a long quotation) goes on with it.
pub fn running_quotes(sentences: &[Sentence]) -> Vec<bool> {
    let (mut open, mut paragraph) = (false, usize::MAX);
    let inside: Vec<(bool, bool)> = sentences
        .iter()
        .map(|s| {
            let before = open;
            let mut reopens = open && s.paragraph != paragraph;
            paragraph = s.paragraph;
            for c in s.text.chars() {
                match c {
                    '“' | '"' if reopens => {}
                    '“' => open = true,
                    '”' => open = false,
                    '"' => open = !open,
                    _ => continue,
                }
                reopens = false;
            }
            (before, open)
        })
        .collect();
    // Backwards: whether the quotation open after a sentence closes later.
    let mut closes = false;
    let mut running: Vec<bool> = inside
        .iter()
        .rev()
        .map(|&(before, after)| {
            let part = if after { closes } else { before };
            closes = closes || !after;
            part
        })
        .collect();
    running.reverse();
    running
}

/// The text of `s` outside its quotations, if it has one that closes.
fn outside_quotes(s: &str) -> Option<String> {
    let (mut out, mut inside, mut quoted) = (String::new(), false, false);
    for c in s.chars() {
        match c {
            '“' | '«' | '„' => inside = true,
            '”' | '»' if inside => (inside, quoted) = (false, true),
            '"' => {
                quoted |= inside;
                inside = !inside;
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    quoted.then_some(out)
}

/// The target is the source, or nearly, although the source is prose; or
/// most of the target's prose words are the source's (`Health posts
/// disiagakan setiap 50 kilometer…`): a translation left half done.
pub fn untranslated(src: &str, tgt: &str) -> bool {
    let prose = |s: &str| -> Vec<String> {
        anchors::words(s)
            .iter()
            .filter(|(_, w)| {
                w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase)
            })
            .map(|(_, w)| w.to_string())
            .collect()
    };
    // A quotation kept in the language it was spoken in (`“We are committed
    // …,” kata Henriksen`) is the writer's choice: the words around it tell
    // whether the sentence was translated.
    if let (Some(src_around), Some(tgt_around)) = (outside_quotes(src), outside_quotes(tgt)) {
        let around = prose(&src_around);
        if !around.is_empty() {
            let tgt_words: HashSet<String> = prose(&tgt_around).into_iter().collect();
            let kept = around.iter().filter(|w| tgt_words.contains(*w)).count();
            return kept * 2 > around.len();
        }
    }
    let (src_prose, tgt_prose) = (prose(src), prose(tgt));
    if src_prose.len() < 3 {
        return false;
    }
    let src_set: HashSet<&str> = src_prose.iter().map(String::as_str).collect();
    let kept = tgt_prose
        .iter()
        .filter(|w| src_set.contains(w.as_str()))
        .count();
    if kept >= 4 && kept * 10 >= tgt_prose.len() * 6 {
        return true;
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

    #[test]
    fn footnote_asterisks_are_no_brackets() {
        assert_eq!(
            bracket_depth("kredit Rp684,5 triliun**) dan laba Rp12,4 triliun*)."),
            0
        );
        assert_eq!(bracket_depth("*) Tidak diaudit"), 0);
        assert_eq!(bracket_depth("kata dia (tanpa menutup."), 1);
        assert_eq!(bracket_depth("laba naik 5%) tahun ini."), -1);
    }

    #[test]
    fn a_quotation_kept_in_its_language_is_no_untranslated_pair() {
        let src = "“We are committed to Indonesia for the long term,” kata Henriksen seusai bertemu menteri di Jakarta.";
        let tgt = "“We are committed to Indonesia for the long term,” Henriksen said after meeting the minister in Jakarta.";
        assert!(!untranslated(src, tgt));
        let short = "“Predictability matters more to us than incentives,” tuturnya.";
        assert!(!untranslated(
            short,
            "“Predictability matters more to us than incentives,” he said."
        ));
        let copied = "“Kami siap menghadapi musim hujan tahun ini,” kata Budi kepada wartawan.";
        assert!(untranslated(copied, copied));
    }

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
