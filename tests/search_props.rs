//! The search never fails: for any imbalance from 1:100 to 100:1, any
//! insertion and any length, it returns beads that cover every sentence of
//! both sides exactly once, in order. Small grids are searched whole, large
//! ones in corridors; the generated sizes reach both.

mod common;

use proptest::prelude::*;
use selaras::{Bead, Config, Document, Lang, align_documents};

/// Syllables words are built from: thousands of distinct words, a few
/// common and most rare, as in running text.
const SYLLABLES: &[&str] = &[
    "ka", "ta", "ra", "ma", "sa", "pa", "la", "na", "ba", "da", "ga", "ja", "ke", "te", "re", "me",
    "se", "pe", "ri", "mi", "si", "pi", "li", "ni", "bu", "du", "gu", "ju", "ko", "to", "ro", "mo",
    "so", "po", "ran", "kan", "tan", "man", "san", "pan",
];

/// A pseudo-random generator small enough to keep the test self-contained.
fn next(x: &mut u64) -> u64 {
    *x = x
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *x >> 33
}

/// Sentence `seed`: 4 to 19 words, the smaller word numbers far likelier,
/// now and then a capitalised name or a number.
fn sentence(seed: u64) -> String {
    let mut x = seed;
    let len = 4 + next(&mut x) as usize % 16;
    let mut words = Vec::with_capacity(len);
    for _ in 0..len {
        let r = (next(&mut x) % 1000) as f64 / 1000.0;
        let id = (r * r * r * 60_000.0) as usize;
        let mut w: String = [id % 40, id / 40 % 40, id / 1600 % 40]
            .iter()
            .take(1 + id.min(2000) / 700 + 1)
            .map(|&k| SYLLABLES[k])
            .collect();
        match next(&mut x) % 20 {
            0 => w = format!("{}", next(&mut x) % 5000),
            1 => w = w[..1].to_uppercase() + &w[1..],
            _ => {}
        }
        words.push(w);
    }
    words.join(" ") + "."
}

/// `n` generated sentences, one a line; `salt` picks which.
fn lines(n: usize, salt: u64) -> String {
    (0..n as u64)
        .map(|k| sentence(k * 7919 + salt) + "\n")
        .collect()
}

/// Beads cover 0..n and 0..m exactly once each, in order.
fn assert_covers(beads: &[impl AsRef<Bead>], n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for b in beads.iter().map(AsRef::as_ref) {
        assert_eq!(
            (b.src.start, b.tgt.start),
            (i, j),
            "beads out of order or overlapping"
        );
        assert!(!(b.src.is_empty() && b.tgt.is_empty()), "empty bead");
        assert!(b.confidence.is_finite() && b.cost.is_finite());
        (i, j) = (b.src.end, b.tgt.end);
    }
    assert_eq!((i, j), (n, m), "beads stop short");
}

fn align(src: &str, tgt: &str) -> (Vec<selaras::Reviewed>, usize, usize) {
    let s = Document::new(src, Lang::Id, true);
    let t = Document::new(tgt, Lang::En, true);
    let beads = align_documents(&s, &t, &Config::default());
    (beads, s.sentences.len(), t.sentences.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any imbalance from 1:100 to 100:1, in either direction, with the
    /// shorter side sometimes a copy of part of the longer one.
    #[test]
    fn any_imbalance_is_covered(
        short in 1usize..60,
        ratio in 1usize..=100,
        swap in any::<bool>(),
        shared in any::<bool>(),
        salt in 0u64..1000,
    ) {
        let long = (short * ratio).min(3000);
        let long_text = lines(long, salt);
        let short_text = if shared {
            long_text.lines().step_by(ratio.max(1)).take(short).map(|l| format!("{l}\n")).collect()
        } else {
            lines(short, salt + 1)
        };
        let (src, tgt) = if swap { (&long_text, &short_text) } else { (&short_text, &long_text) };
        let (beads, n, m) = align(src, tgt);
        assert_covers(&beads, n, m);
    }
}

#[test]
fn a_headline_against_its_article() {
    let article = common::read(&common::root().join("corpora/ekspor-nikel/en.txt"));
    let headline = article
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap()
        .to_string();
    for (src, tgt) in [(&headline, &article), (&article, &headline)] {
        let s = Document::new(src.as_str(), Lang::En, false);
        let t = Document::new(tgt.as_str(), Lang::En, false);
        let beads = align_documents(&s, &t, &Config::default());
        assert_covers(&beads, s.sentences.len(), t.sentences.len());
    }
}

#[test]
fn one_sentence_against_many() {
    for many in [36, 100, 5000] {
        let (beads, n, m) = align("A.\n", &"B.\n".repeat(many));
        assert_covers(&beads, n, m);
        let (beads, n, m) = align(&"B.\n".repeat(many), "A.\n");
        assert_covers(&beads, n, m);
    }
}

/// A long insertion in the middle of the target: the inserted sentences come
/// out unaligned and the rest pair one to one.
#[test]
fn a_long_insertion_comes_out_unaligned() {
    let (n, inserted) = (3000, 600);
    let src = lines(n, 1);
    let src_lines: Vec<&str> = src.lines().collect();
    let insertion: Vec<String> = (0..inserted)
        .map(|k| format!("Sisipan nomor {k} tentang hal lain sama sekali."))
        .collect();
    let mut tgt = String::new();
    for (k, l) in src_lines.iter().enumerate() {
        if k == n / 2 {
            for l in &insertion {
                tgt += l;
                tgt += "\n";
            }
        }
        tgt += l;
        tgt += "\n";
    }
    let (beads, n_src, m) = align(&src, &tgt);
    assert_covers(&beads, n_src, m);
    let inserted_range = n / 2..n / 2 + inserted;
    let aligned_insertions = beads
        .iter()
        .filter(|b| !b.src.is_empty())
        .flat_map(|b| b.tgt.clone())
        .filter(|j| inserted_range.contains(j))
        .count();
    let merged: Vec<_> = beads
        .iter()
        .filter(|b| !b.src.is_empty() && b.tgt.clone().any(|j| inserted_range.contains(&j)))
        .take(5)
        .map(|b| (b.src.clone(), b.tgt.clone()))
        .collect();
    assert_eq!(
        aligned_insertions, 0,
        "inserted sentences paired with source ones: {merged:?}"
    );
}
