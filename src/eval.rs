//! Scoring a test alignment against a gold one: strict and lax precision,
//! recall and F1, pooled over any number of document pairs.
//!
//! Convention (as in the Bleualign/Vecalign evaluations): precision is over
//! the test beads, insertions and deletions included; recall is over the
//! gold beads with both sides non-empty. A bead is a strict hit if the other
//! ladder has exactly it; a lax hit if, through some bead of the other ladder,
//! one of its source sentences is paired with one of its target sentences.

use std::collections::{HashMap, HashSet};

use crate::output::{parse_ladder, parse_ladder_lines};

type LadderBead = (Vec<usize>, Vec<usize>);

/// Hit counts of one side (precision or recall).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Hits {
    /// Beads counted.
    pub total: usize,
    /// Beads that match exactly.
    pub strict: usize,
    /// Beads that share at least one sentence on each side.
    pub lax: usize,
}

impl Hits {
    fn add(&mut self, other: Hits) {
        self.total += other.total;
        self.strict += other.strict;
        self.lax += other.lax;
    }
}

/// Precision, recall and F1 of one kind (strict or lax).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Prf {
    /// Share of test beads that are right.
    pub precision: f64,
    /// Share of gold beads (both sides non-empty) found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// The pooled result.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Report {
    /// Exact matches.
    pub strict: Prf,
    /// Overlapping matches.
    pub lax: Prf,
    /// Test beads and how many hit.
    pub precision_hits: Hits,
    /// Gold beads and how many were found.
    pub recall_hits: Hits,
    /// Document pairs pooled.
    pub documents: usize,
}

/// How many `test` beads are hits against `reference`.
fn hits(reference: &[LadderBead], test: &[LadderBead]) -> Hits {
    let norm = |b: &LadderBead| {
        let (mut s, mut t) = b.clone();
        s.sort_unstable();
        t.sort_unstable();
        (s, t)
    };
    let keep = |b: &&LadderBead| !(b.0.is_empty() && b.1.is_empty());
    let reference: HashSet<LadderBead> = reference.iter().filter(keep).map(norm).collect();
    let test: HashSet<LadderBead> = test.iter().filter(keep).map(norm).collect();
    let mut partners: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in &reference {
        for &i in s {
            partners.entry(i).or_default().extend(t.iter().copied());
        }
    }
    let mut h = Hits {
        total: test.len(),
        ..Hits::default()
    };
    for bead in &test {
        if reference.contains(bead) {
            h.strict += 1;
            h.lax += 1;
        } else if bead
            .0
            .iter()
            .filter_map(|i| partners.get(i))
            .any(|ts| bead.1.iter().any(|j| ts.contains(j)))
        {
            h.lax += 1;
        }
    }
    h
}

fn prf(p: Hits, r: Hits, lax: bool) -> Prf {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (pa, ra) = if lax {
        (p.lax, r.lax)
    } else {
        (p.strict, r.strict)
    };
    let precision = ratio(pa, p.total);
    let recall = ratio(ra, r.total);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// Score (gold, test) ladder pairs, pooled.
///
/// ```
/// use selaras::eval::{read_ladder, score};
///
/// let gold = read_ladder("[0]:[0]\n[1, 2]:[1]\n").unwrap();
/// let test = read_ladder("[0]:[0]\n[1]:[1]\n[2]:[]\n").unwrap();
/// let report = score(&[(gold, test)]);
/// // One of three test beads is exactly right; the lax score counts [1]:[1] too.
/// assert_eq!(report.strict.precision, 1.0 / 3.0);
/// assert_eq!(report.lax.recall, 1.0);
/// ```
pub fn score(pairs: &[(Vec<LadderBead>, Vec<LadderBead>)]) -> Report {
    let mut p = Hits::default();
    let mut r = Hits::default();
    for (gold, test) in pairs {
        p.add(hits(gold, test));
        let both = |l: &[LadderBead]| -> Vec<LadderBead> {
            l.iter()
                .filter(|b| !b.0.is_empty() && !b.1.is_empty())
                .cloned()
                .collect()
        };
        r.add(hits(&both(test), &both(gold)));
    }
    Report {
        strict: prf(p, r, false),
        lax: prf(p, r, true),
        precision_hits: p,
        recall_hits: r,
        documents: pairs.len(),
    }
}

/// Parse a ladder text for scoring; the error is (line, message).
pub fn read_ladder(text: &str) -> Result<Vec<LadderBead>, (usize, String)> {
    parse_ladder(text)
}

/// No document has this many sentences: a larger number is a typo or garbage.
pub const MAX_SENTENCE: usize = 100_000_000;

/// A ladder read for scoring and checked to describe a possible alignment:
/// no sentence used twice, beads in order without overlap, numbers in range.
#[derive(Debug, Clone, Default)]
pub struct Ladder {
    /// The beads: source and target sentence numbers.
    pub beads: Vec<LadderBead>,
    /// The line of each bead, for messages.
    lines: Vec<usize>,
}

const SIDES: [&str; 2] = ["source", "target"];

impl Ladder {
    /// Parse and check; the error is (line, message).
    ///
    /// With `monotone` (a test ladder: every aligner's output is monotone),
    /// each bead with both sides must come wholly after the one before on
    /// both sides, so crossed or overlapping beads betray a broken file. A
    /// gold ladder need not be: translators reorder sentences, and Text+Berg's
    /// gold has `[111]:[123]` before `[112]:[122]`, `[51]:[50, 55]`, and
    /// unaligned sentences listed apart.
    pub fn read(text: &str, monotone: bool) -> Result<Ladder, (usize, String)> {
        let parsed = parse_ladder_lines(text)?;
        // Per side: the line each sentence was used on; the last two-sided bead.
        let mut used: [HashMap<usize, usize>; 2] = Default::default();
        let mut last: Option<(&LadderBead, usize)> = None;
        for (line, bead) in &parsed {
            for (side, indices) in [&bead.0, &bead.1].into_iter().enumerate() {
                let name = SIDES[side];
                for &i in indices {
                    if i >= MAX_SENTENCE {
                        return Err((*line, format!("{name} sentence {i} is out of range")));
                    }
                    if let Some(first) = used[side].insert(i, *line) {
                        return Err((
                            *line,
                            format!("{name} sentence {i} is used twice (also on line {first})"),
                        ));
                    }
                }
            }
            if !monotone || bead.0.is_empty() || bead.1.is_empty() {
                continue;
            }
            if let Some((prev, prev_line)) = last {
                for (side, name) in SIDES.into_iter().enumerate() {
                    let low = [&bead.0, &bead.1][side].iter().min();
                    let high = [&prev.0, &prev.1][side].iter().max();
                    if let (Some(&low), Some(&high)) = (low, high)
                        && low < high
                    {
                        return Err((
                            *line,
                            format!(
                                "beads out of order or overlapping: {name} sentence {low} \
                                 comes after sentence {high} (line {prev_line})"
                            ),
                        ));
                    }
                }
            }
            last = Some((bead, *line));
        }
        let (lines, beads) = parsed.into_iter().unzip();
        Ok(Ladder { beads, lines })
    }

    /// The highest sentence number on `side`.
    fn end(&self, side: usize) -> Option<usize> {
        self.beads
            .iter()
            .filter_map(|b| [&b.0, &b.1][side].iter().max().copied())
            .max()
    }

    /// The first sentence on `side` past `end` (none: past -1), and its line.
    fn first_past(&self, side: usize, end: Option<usize>) -> Option<(usize, usize)> {
        self.beads.iter().zip(&self.lines).find_map(|(b, &line)| {
            [&b.0, &b.1][side]
                .iter()
                .find(|&&i| end.is_none_or(|e| i > e))
                .map(|&i| (i, line))
        })
    }
}

/// Gold and test must be ladders of the same document pair: neither names a
/// sentence past the other's last one. An empty test ladder is fine (it
/// scores zero). The error is (0 for gold or 1 for test, line, message).
pub fn check_same_document(gold: &Ladder, test: &Ladder) -> Result<(), (u8, usize, String)> {
    if test.beads.is_empty() {
        return Ok(());
    }
    for (side, name) in SIDES.into_iter().enumerate() {
        let (g, t) = (gold.end(side), test.end(side));
        let (which, longer, other, end) = if t > g {
            (1, test, "gold", g)
        } else if g > t {
            (0, gold, "test", t)
        } else {
            continue;
        };
        let (past, line) = longer
            .first_past(side, end)
            .expect("a sentence past the end");
        let last = end.map_or("none".to_string(), |e| e.to_string());
        return Err((
            which,
            line,
            format!(
                "{name} sentence {past} is past the end of the document as the {other} ladder \
                 has it (its last {name} sentence is {last}): are gold and test of the same document?"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Vec<LadderBead> {
        read_ladder(s).unwrap()
    }

    #[test]
    fn perfect_and_partial() {
        let gold = l("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n");
        let r = score(&[(gold.clone(), gold.clone())]);
        assert_eq!(r.strict.f1, 1.0);

        // [1]:[1] and [2]:[] instead of [1, 2]:[1]; [3]:[2, 3] instead of []:[2], [3]:[3].
        let test = l("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2, 3]\n");
        let r = score(&[(gold, test)]);
        assert_eq!(
            r.precision_hits,
            Hits {
                total: 4,
                strict: 1,
                lax: 3
            }
        );
        assert_eq!(
            r.recall_hits,
            Hits {
                total: 3,
                strict: 1,
                lax: 3
            }
        );
        assert!((r.strict.precision - 0.25).abs() < 1e-12);
        assert!((r.strict.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.lax.recall - 1.0).abs() < 1e-12);
    }

    #[test]
    fn impossible_ladders_are_refused_with_their_line() {
        let line = |s: &str| Ladder::read(s, true).unwrap_err().0;
        assert_eq!(line("[0]:[0]\n[0]:[1]\n"), 2);
        assert_eq!(line("[0]:[0]\n\n[2]:[2]\n[1]:[1]\n"), 4);
        assert_eq!(line("[0, 2]:[0]\n[1]:[1]\n"), 2);
        assert_eq!(line("[0]:[0, 0]\n"), 1);
        assert_eq!(line("[200000000]:[0]\n"), 1);
        assert!(Ladder::read("", true).unwrap().beads.is_empty());
        // Gold may cross, as human alignments of reordered translations do.
        assert!(Ladder::read("[0]:[1]\n[1]:[0]\n[2, 4]:[2]\n[3]:[3]\n", false).is_ok());
        assert_eq!(line("[0]:[1]\n[1]:[0]\n"), 2);
    }

    #[test]
    fn gold_and_test_must_share_the_document() {
        let gold = Ladder::read("[0]:[0]\n[1]:[1]\n", false).unwrap();
        let past = Ladder::read("[0]:[0]\n[1]:[1]\n[2]:[]\n", true).unwrap();
        assert_eq!(check_same_document(&gold, &past).unwrap_err().0, 1);
        let short = Ladder::read("[0]:[0]\n", true).unwrap();
        assert_eq!(check_same_document(&gold, &short).unwrap_err().0, 0);
        assert!(check_same_document(&gold, &Ladder::default()).is_ok());
    }

    #[test]
    fn pooling_adds_counts() {
        let a = (l("[0]:[0]\n"), l("[0]:[0]\n"));
        let b = (l("[0]:[0]\n[1]:[1]\n"), l("[0, 1]:[0, 1]\n"));
        let r = score(&[a, b]);
        assert_eq!(r.precision_hits.total, 2);
        assert_eq!(r.precision_hits.strict, 1);
        assert_eq!(r.recall_hits.total, 3);
        assert_eq!(r.documents, 2);
    }
}
