//! Alignment benchmark: accuracy on the UD PUD development set (see
//! `tests/common/pud_dev.rs`, seed 1) and on Text+Berg (`test0..6` pooled,
//! and `dev`), all fed presplit with `Config::default()`; on the project's
//! news pairs in `corpora/` as raw text (the original three, and the
//! held-out stand-ins, each pooled); a confidence
//! calibration table; a confusion table of bead shapes (gold × test);
//! where the PUD errors fall; and speed on one long document pair.
//!
//! `cargo bench --bench align`
//!
//! Arguments after `--`: `--quick` (accuracy, calibration and confusion
//! only); `--set NAME=VALUE` (a tunable, see [`config`]); `--dict-id-en FILE`
//! and `--dict-de-fr FILE` (repeatable): word lists in `selaras align --dict`
//! format (`source<TAB>target`), added to the built-in lexicon for UD PUD
//! (Indonesian → English) or Text+Berg (German → French), as `--dict` adds
//! them in `selaras align`. E.g. with FreeDict (see the README,
//! "Dictionaries from FreeDict"):
//! `cargo bench --bench align -- --quick --dict-id-en id-en.tsv`.

#[path = "../tests/common/pud_dev.rs"]
mod pud_dev;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use pud_dev::{DevDoc, Kind, LadderBead};
use selaras::eval::{self, Report};
use selaras::{Bead, Config, Document, Lang, Lexicon, Reviewed, align_with_lexicon};

const PUD_SEED: u64 = 1;
/// Sentences a side of the speed test.
const SPEED_SENTENCES: usize = 50_000;
/// Upper edges of the confidence bins (the last bin includes 1.0).
const BINS: [(f64, f64); 5] = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.0)];

/// One benchmark's documents, aligned.
struct Run {
    name: String,
    gold: Vec<Vec<LadderBead>>,
    beads: Vec<Vec<Reviewed>>,
    secs: f64,
}

impl Run {
    fn report(&self) -> Report {
        let pairs: Vec<(Vec<LadderBead>, Vec<LadderBead>)> = self
            .gold
            .iter()
            .zip(&self.beads)
            .map(|(g, b)| (g.clone(), ladder(b)))
            .collect();
        eval::score(&pairs)
    }
}

fn ladder(beads: &[Reviewed]) -> Vec<LadderBead> {
    beads
        .iter()
        .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
        .collect()
}

fn shape(b: &LadderBead) -> String {
    format!("{}-{}", b.0.len(), b.1.len())
}

/// A file as `selaras` reads it (a corpus may be in Windows-1252).
fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    selaras::text::decode(&bytes, path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .text
}

/// The aligner's settings: defaults, changed by `--set NAME=VALUE` arguments
/// (`cargo bench --bench align -- --set skip_cost=1`), to try a tunable.
fn config() -> &'static Config {
    static CONFIG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| {
        let mut cfg = Config::default();
        let args: Vec<String> = std::env::args().collect();
        for pair in args.windows(2).filter(|w| w[0] == "--set") {
            let (name, value) = pair[1].split_once('=').expect("--set NAME=VALUE");
            cfg.set(name, value).unwrap_or_else(|e| panic!("{e}"));
        }
        cfg
    })
}

/// The lexicon for `src` → `tgt`: the built-in one plus every file given as
/// `flag FILE` (`--dict-id-en`, `--dict-de-fr`). Without the flag it is
/// exactly what `align_documents` uses.
fn lexicon(flag: &str, src: &Lang, tgt: &Lang) -> Lexicon {
    let mut lexicon = Lexicon::builtin_for(src, tgt);
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2).filter(|w| w[0] == flag) {
        let path = Path::new(&pair[1]);
        let user = Lexicon::parse(&read(path))
            .unwrap_or_else(|(l, e)| panic!("{} line {l}: {e}", path.display()));
        println!(
            "{flag} {}: {} word pairs added to {} built-in",
            path.display(),
            user.len(),
            lexicon.len()
        );
        lexicon.extend(&user);
    }
    lexicon
}

/// `--quick`: accuracy, calibration and the confusion tables only, no
/// breakdowns and no speed run.
fn quick() -> bool {
    std::env::args().any(|a| a == "--quick")
}

/// Align presplit line lists and check the sentence count survived.
fn align_lines(
    src: &str,
    src_lang: Lang,
    tgt: &str,
    tgt_lang: Lang,
    lexicon: &Lexicon,
) -> Vec<Reviewed> {
    let s = Document::new(src, src_lang, true);
    let t = Document::new(tgt, tgt_lang, true);
    let beads = align_with_lexicon(&s, &t, lexicon, config());
    let covered = |f: fn(&Bead) -> usize| beads.iter().map(|b| f(b)).sum::<usize>();
    assert_eq!(covered(|b| b.src.len()), s.sentences.len());
    assert_eq!(covered(|b| b.tgt.len()), t.sentences.len());
    beads
}

/// Align the PUD dev documents, as bare lines or (`paragraphs`) with the
/// paragraph breaks of `DevDoc::with_paragraphs`.
fn run_pud(docs: &[DevDoc], paragraphs: bool, lexicon: &Lexicon) -> Run {
    let start = Instant::now();
    let beads = docs
        .iter()
        .map(|d| {
            let (id, en) = if paragraphs {
                d.with_paragraphs()
            } else {
                (d.id.join("\n"), d.en.join("\n"))
            };
            let b = align_lines(&id, Lang::Id, &en, Lang::En, lexicon);
            let n_id: usize = b.iter().map(|x| x.src.len()).sum();
            assert_eq!(n_id, d.id.len(), "a PUD dev line was lost in presplitting");
            b
        })
        .collect();
    Run {
        name: if paragraphs {
            format!("UD PUD dev, paragraphs (seed {PUD_SEED})")
        } else {
            format!("UD PUD dev (seed {PUD_SEED})")
        },
        gold: docs.iter().map(|d| d.gold.clone()).collect(),
        beads,
        secs: start.elapsed().as_secs_f64(),
    }
}

fn run_textberg(dir: &Path, name: &str, stems: &[String], lexicon: &Lexicon) -> Run {
    let inputs: Vec<(String, String, Vec<LadderBead>)> = stems
        .iter()
        .map(|s| {
            let gold = eval::read_ladder(&read(&dir.join(format!("{s}.defr"))))
                .unwrap_or_else(|(l, e)| panic!("{s}.defr line {l}: {e}"));
            (
                read(&dir.join(format!("{s}.de"))),
                read(&dir.join(format!("{s}.fr"))),
                gold,
            )
        })
        .collect();
    let start = Instant::now();
    let beads = inputs
        .iter()
        .map(|(de, fr, _)| align_lines(de, de_lang(), fr, fr_lang(), lexicon))
        .collect();
    Run {
        name: name.to_string(),
        gold: inputs.into_iter().map(|(_, _, g)| g).collect(),
        beads,
        secs: start.elapsed().as_secs_f64(),
    }
}

/// The project's own news pairs in `corpora/` (raw text, split by selaras,
/// as a user gives them), pooled: the original three, and the held-out
/// stand-ins written after the aligner.
fn run_corpora(name: &str, held_out: bool, lexicon: &Lexicon) -> Run {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora");
    const ORIGINAL: [&str; 3] = ["banjir-semarang", "ekspor-nikel", "festival-film"];
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|d| d.join("id.txt").exists() && d.join("gold.ladder").exists())
        .filter(|d| {
            let original = ORIGINAL.iter().any(|o| d.ends_with(o));
            original != held_out
        })
        .collect();
    dirs.sort();
    let start = Instant::now();
    let beads = dirs
        .iter()
        .map(|d| {
            let id = Document::new(read(&d.join("id.txt")), Lang::Id, false);
            let en = Document::new(read(&d.join("en.txt")), Lang::En, false);
            align_with_lexicon(&id, &en, lexicon, config())
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let gold = dirs
        .iter()
        .map(|d| {
            eval::read_ladder(&read(&d.join("gold.ladder")))
                .unwrap_or_else(|(l, e)| panic!("{} line {l}: {e}", d.display()))
        })
        .collect();
    Run {
        name: name.to_string(),
        gold,
        beads,
        secs,
    }
}

fn de_lang() -> Lang {
    Lang::Other("de".into())
}

fn fr_lang() -> Lang {
    Lang::Other("fr".into())
}

fn gold_set(gold: &[LadderBead]) -> HashSet<LadderBead> {
    gold.iter()
        .map(|(s, t)| {
            let (mut s, mut t) = (s.clone(), t.clone());
            s.sort_unstable();
            t.sort_unstable();
            (s, t)
        })
        .collect()
}

fn print_table(runs: &[Run]) {
    println!(
        "{:<33} {:>5} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "benchmark", "docs", "gold", "test", "P", "R", "F1", "lax F1", "time s"
    );
    for run in runs {
        let r = run.report();
        println!(
            "{:<33} {:>5} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>8.2}",
            run.name,
            r.documents,
            run.gold.iter().map(Vec::len).sum::<usize>(),
            run.beads.iter().map(Vec::len).sum::<usize>(),
            r.strict.precision,
            r.strict.recall,
            r.strict.f1,
            r.lax.f1,
            run.secs
        );
    }
    println!("(P, R, F1 strict; gold/test = beads; time = aligning only, one thread)");
}

fn print_calibration(runs: &[&Run]) {
    let mut bins = [(0usize, 0usize, 0.0f64); BINS.len()];
    for run in runs {
        for (gold, beads) in run.gold.iter().zip(&run.beads) {
            let gold = gold_set(gold);
            for (b, lb) in beads.iter().zip(ladder(beads)) {
                let c = b.confidence;
                let k = BINS
                    .iter()
                    .position(|&(lo, hi)| c >= lo && (c < hi || hi == 1.0))
                    .unwrap_or(if c < 0.0 { 0 } else { BINS.len() - 1 });
                bins[k].0 += 1;
                bins[k].1 += usize::from(gold.contains(&lb));
                bins[k].2 += c;
            }
        }
    }
    let names: Vec<&str> = runs.iter().map(|r| r.name.as_str()).collect();
    println!(
        "\nconfidence calibration, pooled over {}",
        names.join(" + ")
    );
    println!(
        "{:<13} {:>6} {:>9} {:>10}",
        "confidence", "beads", "correct", "mean conf"
    );
    for ((lo, hi), (n, ok, sum)) in BINS.iter().zip(bins) {
        let close = if *hi == 1.0 { ']' } else { ')' };
        let frac = if n == 0 {
            f64::NAN
        } else {
            ok as f64 / n as f64
        };
        let mean = if n == 0 { f64::NAN } else { sum / n as f64 };
        println!("[{lo:.2}, {hi:.2}{close} {n:>6} {frac:>9.3} {mean:>10.3}");
    }
    println!("(correct = fraction of test beads exactly in gold)");
}

/// Missed gold beads (not exactly in the test ladder), grouped by `key`;
/// and wrong test beads grouped by shape.
fn print_breakdown<K: Ord + Clone>(
    title: &str,
    run: &Run,
    key: impl Fn(usize, usize) -> K,
    label: impl Fn(&K) -> String,
) {
    let mut missed: BTreeMap<K, (usize, usize)> = BTreeMap::new();
    for (d, (gold, beads)) in run.gold.iter().zip(&run.beads).enumerate() {
        let test = gold_set(&ladder(beads));
        for (k, g) in gold.iter().enumerate() {
            let e = missed.entry(key(d, k)).or_insert((0, 0));
            e.0 += 1;
            e.1 += usize::from(!test.contains(g));
        }
    }
    println!("\nmissed gold beads, {title}");
    println!(
        "{:<24} {:>6} {:>7} {:>7}",
        "gold bead", "gold", "missed", "miss %"
    );
    let (mut tot, mut mis) = (0, 0);
    for (k, (n, m)) in &missed {
        tot += n;
        mis += m;
        println!(
            "{:<24} {n:>6} {m:>7} {:>7.1}",
            label(k),
            100.0 * *m as f64 / *n as f64
        );
    }
    println!(
        "{:<24} {tot:>6} {mis:>7} {:>7.1}",
        "all",
        100.0 * mis as f64 / tot.max(1) as f64
    );
}

fn print_wrong_test(run: &Run) {
    let mut wrong: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (gold, beads) in run.gold.iter().zip(&run.beads) {
        let gold = gold_set(gold);
        for lb in ladder(beads) {
            let e = wrong.entry(shape(&lb)).or_insert((0, 0));
            e.0 += 1;
            e.1 += usize::from(!gold.contains(&lb));
        }
    }
    println!("\ntest beads not in gold, {}", run.name);
    println!(
        "{:<24} {:>6} {:>7} {:>7}",
        "test bead", "test", "wrong", "wrong %"
    );
    for (k, (n, m)) in &wrong {
        println!(
            "{k:<24} {n:>6} {m:>7} {:>7.1}",
            100.0 * *m as f64 / *n as f64
        );
    }
}

/// Bead shapes of the confusion table; any other shape is `other`.
const SHAPES: [&str; 7] = ["0-1", "1-0", "1-1", "1-2", "2-1", "2-2", "other"];

fn shape_index(b: &LadderBead) -> usize {
    let s = shape(b);
    SHAPES
        .iter()
        .position(|&k| k == s)
        .unwrap_or(SHAPES.len() - 1)
}

/// Gold bead shapes (rows) against the shape of the test bead that holds
/// each gold bead's first sentence (columns), with how many gold beads of
/// the row came out exactly: where each kind of error goes.
fn print_confusion(run: &Run) {
    let mut table = [[0usize; SHAPES.len()]; SHAPES.len()];
    let mut exact = [0usize; SHAPES.len()];
    for (gold, beads) in run.gold.iter().zip(&run.beads) {
        let test = ladder(beads);
        // Which test bead holds each source and each target sentence.
        let (mut of_src, mut of_tgt) = (BTreeMap::new(), BTreeMap::new());
        for (k, (s, t)) in test.iter().enumerate() {
            of_src.extend(s.iter().map(|&i| (i, k)));
            of_tgt.extend(t.iter().map(|&j| (j, k)));
        }
        let test_set = gold_set(&test);
        for g in gold {
            let row = shape_index(g);
            let holder = match (g.0.iter().min(), g.1.iter().min()) {
                (Some(i), _) => of_src.get(i),
                (None, Some(j)) => of_tgt.get(j),
                (None, None) => None,
            };
            if let Some(&k) = holder {
                table[row][shape_index(&test[k])] += 1;
            }
            let mut sorted = g.clone();
            sorted.0.sort_unstable();
            sorted.1.sort_unstable();
            exact[row] += usize::from(test_set.contains(&sorted));
        }
    }
    println!(
        "\nbead shapes, {}: gold (rows) x test bead holding it (columns)",
        run.name
    );
    print!("{:<8}", "gold");
    for k in SHAPES {
        print!(" {k:>6}");
    }
    println!(" {:>7} {:>7}", "gold", "exact");
    for (r, name) in SHAPES.iter().enumerate() {
        let n: usize = table[r].iter().sum();
        if n == 0 {
            continue;
        }
        print!("{name:<8}");
        for c in table[r] {
            print!(" {c:>6}");
        }
        println!(" {n:>7} {:>7}", exact[r]);
    }
}

fn speed(pairs: &[pud_dev::Pair], lexicon: &Lexicon) {
    let reps = SPEED_SENTENCES.div_ceil(pairs.len());
    let lines = |f: fn(&pud_dev::Pair) -> &str| -> String {
        let mut v = Vec::with_capacity(SPEED_SENTENCES);
        for _ in 0..reps {
            v.extend(pairs.iter().map(f));
        }
        v.truncate(SPEED_SENTENCES);
        v.join("\n")
    };
    let id = lines(|p| p.id.as_str());
    let en = lines(|p| p.en.as_str());
    let start = Instant::now();
    let beads = align_lines(&id, Lang::Id, &en, Lang::En, lexicon);
    let secs = start.elapsed().as_secs_f64();
    let one_one = beads
        .iter()
        .filter(|b| b.src.len() == 1 && b.tgt.len() == 1 && b.src.start == b.tgt.start)
        .count();
    println!(
        "\nspeed: {SPEED_SENTENCES} x {SPEED_SENTENCES} sentences (PUD pairs repeated, presplit): \
         {secs:.2} s, {:.0} sentence pairs/s; {} beads, {one_one} of them the true 1-1",
        SPEED_SENTENCES as f64 / secs,
        beads.len()
    );
}

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let pud_file = shared.join("data/ud-pud/id_pud-ud-test.conllu");
    let tb_dir = shared.join("data/textberg");
    for needed in [&pud_file, &tb_dir] {
        if !needed.exists() {
            println!(
                "align bench skipped: {} is absent (it ships beside the project in CI)",
                needed.display()
            );
            return;
        }
    }

    let pairs = pud_dev::parse_pairs(&read(&pud_file))
        .unwrap_or_else(|e| panic!("{}: {e}", pud_file.display()));
    let docs = pud_dev::build(&pud_file, PUD_SEED);
    let n_id: usize = docs.iter().map(|d| d.id.len()).sum();
    let n_en: usize = docs.iter().map(|d| d.en.len()).sum();
    println!(
        "UD PUD dev set, seed {PUD_SEED}: {} pairs -> {} documents ({}..{} gold beads), \
         {n_id} Indonesian and {n_en} English lines",
        pairs.len(),
        docs.len(),
        docs.iter().map(|d| d.gold.len()).min().unwrap_or(0),
        docs.iter().map(|d| d.gold.len()).max().unwrap_or(0),
    );

    let id_en = lexicon("--dict-id-en", &Lang::Id, &Lang::En);
    let de_fr = lexicon("--dict-de-fr", &de_lang(), &fr_lang());
    let pud = run_pud(&docs, false, &id_en);
    let pud_paragraphs = run_pud(&docs, true, &id_en);
    let tests: Vec<String> = (0..=6).map(|k| format!("test{k}")).collect();
    let tb_test = run_textberg(&tb_dir, "Text+Berg test0..6", &tests, &de_fr);
    let tb_dev = run_textberg(&tb_dir, "Text+Berg dev", &["dev".to_string()], &de_fr);

    let news = run_corpora("corpora, original three", false, &id_en);
    let held_out = run_corpora("corpora, held out", true, &id_en);

    let runs = [pud, tb_test, tb_dev, pud_paragraphs, news, held_out];
    println!();
    print_table(&runs);
    let [pud, tb_test, _, _, _, held_out] = &runs;
    print_calibration(&[pud, tb_test]);
    print_confusion(tb_test);
    print_confusion(pud);
    print_confusion(held_out);
    if quick() {
        return;
    }

    let kinds: Vec<&[Kind]> = docs.iter().map(|d| d.kinds.as_slice()).collect();
    print_breakdown(
        &format!("{}, by perturbation", pud.name),
        pud,
        |d, k| kinds[d][k],
        |k| k.label().to_string(),
    );
    print_breakdown(
        &format!("{}, by shape", pud.name),
        pud,
        |d, k| shape(&pud.gold[d][k]),
        |k| k.clone(),
    );
    print_wrong_test(pud);
    print_breakdown(
        &format!("{}, by shape", tb_test.name),
        tb_test,
        |d, k| shape(&tb_test.gold[d][k]),
        |k| k.clone(),
    );
    print_wrong_test(tb_test);

    speed(&pairs, &id_en);
}
