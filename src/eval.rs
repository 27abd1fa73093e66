//! Scoring a test alignment against a gold one: strict and lax precision,
//! recall and F1, pooled over any number of document pairs.
//!
//! Convention (as in the Bleualign/Vecalign evaluations): precision is over
//! the test beads, insertions and deletions included; recall is over the
//! gold beads with both sides non-empty. A bead is a strict hit if the other
//! ladder has exactly it; a lax hit if, through some bead of the other ladder,
//! one of its source sentences is paired with one of its target sentences.

use std::collections::{HashMap, HashSet};

use crate::output::parse_ladder;

type LadderBead = (Vec<usize>, Vec<usize>);

/// Hit counts of one side (precision or recall).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Hits {
    pub total: usize,
    pub strict: usize,
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
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The pooled result.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Report {
    pub strict: Prf,
    pub lax: Prf,
    pub precision_hits: Hits,
    pub recall_hits: Hits,
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
