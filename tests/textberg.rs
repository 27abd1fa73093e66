//! The Text+Berg German–French benchmark (`../shared/data/textberg`), fed
//! pre-split as the field does: pooled strict F1 must stay above its floor.

mod common;

use common::{read, shared};
use selaras::eval;
use selaras::output::ladder_line;
use selaras::{Config, Document, Lang, align_documents};

const STRICT_F1_FLOOR: f64 = 0.85;

#[test]
fn textberg_pooled_strict_f1() {
    let Some(dir) = shared("data/textberg") else {
        return;
    };
    let mut pairs = Vec::new();
    for k in 0..=6 {
        let de = Document::new(
            read(&dir.join(format!("test{k}.de"))),
            Lang::Other("de".into()),
            true,
        );
        let fr = Document::new(
            read(&dir.join(format!("test{k}.fr"))),
            Lang::Other("fr".into()),
            true,
        );
        let beads = align_documents(&de, &fr, &Config::default());
        let test: String = beads
            .iter()
            .map(|b| ladder_line(&b.src, &b.tgt) + "\n")
            .collect();
        let gold = eval::read_ladder(&read(&dir.join(format!("test{k}.defr")))).unwrap();
        pairs.push((gold, eval::read_ladder(&test).unwrap()));
    }
    let report = eval::score(&pairs);
    eprintln!(
        "textberg test0..6: strict P {:.3} R {:.3} F1 {:.3}; lax F1 {:.3}",
        report.strict.precision, report.strict.recall, report.strict.f1, report.lax.f1
    );
    assert!(
        report.strict.f1 >= STRICT_F1_FLOOR,
        "strict F1 {:.3}",
        report.strict.f1
    );
}
