//! Sentence-splitter benchmark on Universal Dependencies PUD
//! (`../shared/data/ud-pud`): boundary precision, recall and F1 per language
//! (see `tests/common/pud.rs`), and speed on one thread, document by document
//! and on one long string (all documents joined by a space).
//!
//! `cargo bench --bench split`

#[path = "../tests/common/pud.rs"]
mod pud;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use selaras::Lang;

/// Each speed figure runs the splitter for at least this long.
const MIN_TIME: Duration = Duration::from_secs(1);

struct Row {
    lang: &'static str,
    docs: usize,
    sents: usize,
    p: f64,
    r: f64,
    f: f64,
    docs_speed: Speed,
    long_speed: Speed,
}

struct Speed {
    sents_per_sec: f64,
    mb_per_sec: f64,
}

/// Run `split` over `texts` until `MIN_TIME` has passed; `sents` and `bytes`
/// are the gold sentences and bytes of one pass.
fn measure(lang: &Lang, texts: &[String], sents: usize, bytes: usize) -> Speed {
    let pass = || {
        for t in texts {
            black_box(selaras::segment::split_text(black_box(t), lang));
        }
    };
    pass(); // warm up
    let start = Instant::now();
    let mut reps = 0usize;
    while start.elapsed() < MIN_TIME {
        pass();
        reps += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    Speed {
        sents_per_sec: (sents * reps) as f64 / secs,
        mb_per_sec: (bytes * reps) as f64 / secs / 1e6,
    }
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ud-pud");
    if !dir.exists() {
        println!(
            "split bench skipped: {} is absent (it ships beside the project in CI)",
            dir.display()
        );
        return;
    }
    let mut rows = Vec::new();
    for (name, lang, file) in [
        ("id", Lang::Id, "id_pud-ud-test.conllu"),
        ("en", Lang::En, "en_pud-ud-test.conllu"),
    ] {
        let docs = pud::documents(&dir.join(file));
        let sents: usize = docs.iter().map(Vec::len).sum();
        let (p, r, f, _) = pud::boundary_scores(&lang, &docs);
        let texts: Vec<String> = docs.iter().map(|d| pud::join(d).0).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let docs_speed = measure(&lang, &texts, sents, bytes);
        let long = vec![texts.join(" ")];
        let long_speed = measure(&lang, &long, sents, long[0].len());
        rows.push(Row {
            lang: name,
            docs: docs.len(),
            sents,
            p,
            r,
            f,
            docs_speed,
            long_speed,
        });
    }

    println!(
        "sentence splitting on UD PUD (boundaries pooled over documents; speed on one thread)"
    );
    println!(
        "{:<4} {:>5} {:>6} {:>7} {:>7} {:>7} {:>12} {:>8} {:>12} {:>8}",
        "lang", "docs", "sents", "P", "R", "F1", "docs sent/s", "MB/s", "long sent/s", "MB/s"
    );
    for row in &rows {
        println!(
            "{:<4} {:>5} {:>6} {:>7.4} {:>7.4} {:>7.4} {:>12.0} {:>8.2} {:>12.0} {:>8.2}",
            row.lang,
            row.docs,
            row.sents,
            row.p,
            row.r,
            row.f,
            row.docs_speed.sents_per_sec,
            row.docs_speed.mb_per_sec,
            row.long_speed.sents_per_sec,
            row.long_speed.mb_per_sec,
        );
    }
}
