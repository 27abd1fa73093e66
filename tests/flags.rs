//! The QA flags against the reference set in `tests/data/flags/` (see its
//! README): sentence pairs written for selaras, each labelled `same` (a
//! translator would pass it) or `differs` (with the flags a reviewer needs).
//! Each document is reviewed as one, pair k against pair k, so that what a
//! document teaches (a name given in full once) counts.
//!
//! Precision: of all the flags raised, the share that name a labelled
//! difference. Recall: of all labelled differences (a pair and a kind), the
//! share flagged with that kind.

mod common;

use selaras::{Bead, Document, Lang, Lexicon};

const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.95;

/// A labelled pair: its document, the kinds it should draw, both sentences.
struct Labelled {
    doc: String,
    kinds: Vec<String>,
    src: String,
    tgt: String,
}

fn read_set(file: &str) -> Vec<Labelled> {
    let text = common::read(&common::root().join("tests/data/flags").join(file));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "{file}: {line}");
            assert!(matches!(f[1], "same" | "differs"), "{file}: {line}");
            Labelled {
                doc: f[0].to_string(),
                kinds: f[2]
                    .split(',')
                    .filter(|k| !k.is_empty())
                    .map(String::from)
                    .collect(),
                src: f[3].to_string(),
                tgt: f[4].to_string(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    flags: usize,
    right_flags: usize,
    differences: usize,
    found: usize,
    /// What went wrong, for `--nocapture`.
    misses: Vec<String>,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.right_flags as f64 / self.flags.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.differences.max(1) as f64
    }
}

/// Review each document of `set` pair by pair and count.
fn measure(set: &[Labelled], langs: (Lang, Lang), lexicon: &Lexicon, tally: &mut Tally) {
    for doc in set.chunk_by(|a, b| a.doc == b.doc) {
        let join =
            |side: fn(&Labelled) -> &str| doc.iter().map(side).collect::<Vec<_>>().join("\n");
        let src = Document::new(join(|l| &l.src), langs.0.clone(), true);
        let tgt = Document::new(join(|l| &l.tgt), langs.1.clone(), true);
        assert_eq!(
            src.sentences.len(),
            doc.len(),
            "{}: one sentence a line",
            doc[0].doc
        );
        assert_eq!(
            tgt.sentences.len(),
            doc.len(),
            "{}: one sentence a line",
            doc[0].doc
        );
        let beads: Vec<Bead> = (0..doc.len())
            .map(|k| Bead::one_to_one(k, k, 0.99))
            .collect();
        let beads = selaras::review_beads(&src, &tgt, beads, lexicon);
        for (pair, bead) in doc.iter().zip(&beads) {
            let codes: Vec<&str> = bead.flags.iter().map(|f| f.code()).collect();
            tally.flags += codes.len();
            tally.right_flags += codes
                .iter()
                .filter(|c| pair.kinds.iter().any(|k| k == *c))
                .count();
            tally.differences += pair.kinds.len();
            tally.found += pair
                .kinds
                .iter()
                .filter(|k| codes.contains(&k.as_str()))
                .count();
            let wrong = codes.iter().any(|c| !pair.kinds.iter().any(|k| k == c))
                || pair.kinds.iter().any(|k| !codes.contains(&k.as_str()));
            if wrong {
                let notes: Vec<String> = bead
                    .flags
                    .iter()
                    .map(|f| format!("{}: {}", f.code(), f.note))
                    .collect();
                tally.misses.push(format!(
                    "{} want {:?} got {notes:?}\n    {}\n    {}",
                    pair.doc, pair.kinds, pair.src, pair.tgt
                ));
            }
        }
    }
}

#[test]
fn flags_on_the_reference_set() {
    let mut tally = Tally::default();
    measure(
        &read_set("id-en.tsv"),
        (Lang::Id, Lang::En),
        Lexicon::builtin_id_en(),
        &mut tally,
    );
    let id_en = (tally.precision(), tally.recall());
    measure(
        &read_set("de-fr.tsv"),
        ("de".parse().unwrap(), "fr".parse().unwrap()),
        &Lexicon::default(),
        &mut tally,
    );
    for miss in &tally.misses {
        eprintln!("  {miss}");
    }
    eprintln!(
        "reference set: precision {:.3} ({} of {} flags), recall {:.3} ({} of {} differences); id-en alone P {:.3} R {:.3}",
        tally.precision(),
        tally.right_flags,
        tally.flags,
        tally.recall(),
        tally.found,
        tally.differences,
        id_en.0,
        id_en.1
    );
    assert!(
        tally.precision() >= MIN_PRECISION,
        "precision {:.3}",
        tally.precision()
    );
    assert!(tally.recall() >= MIN_RECALL, "recall {:.3}", tally.recall());
}
