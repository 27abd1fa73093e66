//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use selaras::eval::{self, Report};
use selaras::output::ladder_line;
use selaras::{Bead, Reviewed};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Something a test needs from outside the project is absent: in CI (`CI`
/// set) that fails the test; elsewhere the test says so and returns.
#[track_caller]
pub fn absent(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{why}; CI must provide it"
    );
    eprintln!("skipped: {why}");
}

/// `../shared` beside the project, or None (see [`absent`]). Only tests
/// marked `#[ignore = "needs ../shared/…"]` call it, so a plain `cargo test`
/// reports them as ignored instead of passing them silently; the README's
/// and CI's `cargo test --release -- --include-ignored` runs them.
#[track_caller]
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = root().join("..").join("shared").join(sub);
    if dir.exists() {
        Some(dir)
    } else {
        absent(&format!(
            "{} is absent (it ships beside the project in CI)",
            dir.display()
        ));
        None
    }
}

/// A file as `selaras` reads it: decoded (UTF-8, a byte-order mark, or
/// Windows-1252 as `corpora/linimasa-banjir/en.txt` is written), `\n` line ends.
pub fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    selaras::text::decode(&bytes, path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .text
}

pub fn ladder_text(beads: &[impl AsRef<Bead>]) -> String {
    beads
        .iter()
        .map(|b| ladder_line(&b.as_ref().src, &b.as_ref().tgt) + "\n")
        .collect()
}

/// Score beads against a gold ladder text.
pub fn score(gold: &str, beads: &[impl AsRef<Bead>]) -> Report {
    let gold = eval::read_ladder(gold).expect("gold ladder parses");
    let test = eval::read_ladder(&ladder_text(beads)).expect("own ladder parses");
    eval::score(&[(gold, test)])
}

/// The `doc` of each line of a batch JSON Lines stream.
pub fn docs(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Right 1-1 pairs and the flags they carry, for the false-alarm rate.
#[derive(Default)]
pub struct FlagAudit {
    pub right: usize,
    pub flagged: usize,
    pub by_code: std::collections::BTreeMap<&'static str, usize>,
    /// `code: note | source | target` of each flagged right pair.
    pub examples: Vec<String>,
}

impl FlagAudit {
    /// Count the right 1-1 beads of one document (`gold` holds its ladder).
    pub fn add(
        &mut self,
        beads: &[Reviewed],
        gold: &[(Vec<usize>, Vec<usize>)],
        src: &selaras::Document,
        tgt: &selaras::Document,
    ) {
        for bead in beads {
            let ladder = (
                bead.src.clone().collect::<Vec<_>>(),
                bead.tgt.clone().collect::<Vec<_>>(),
            );
            if bead.src.len() != 1 || bead.tgt.len() != 1 || !gold.contains(&ladder) {
                continue;
            }
            self.right += 1;
            if bead.flags.is_empty() {
                continue;
            }
            self.flagged += 1;
            for f in &bead.flags {
                *self.by_code.entry(f.code()).or_default() += 1;
                self.examples.push(format!(
                    "{}: {} | {} | {}",
                    f.code(),
                    f.note,
                    src.text_of(&bead.src),
                    tgt.text_of(&bead.tgt)
                ));
            }
        }
    }

    pub fn share(&self) -> f64 {
        self.flagged as f64 / self.right.max(1) as f64
    }

    /// Fail unless at most `max` of the right 1-1 pairs carry a flag.
    #[track_caller]
    pub fn assert_at_most(&self, max: f64) {
        assert!(
            self.share() <= max,
            "{:.1}% of right 1-1 pairs are flagged",
            self.share() * 100.0
        );
    }

    /// The summary line, and every flagged right pair with `--nocapture`.
    pub fn print(&self, name: &str) {
        for e in &self.examples {
            eprintln!("  {e}");
        }
        eprintln!(
            "{name}: {} of {} right 1-1 pairs flagged ({:.1}%): {:?}",
            self.flagged,
            self.right,
            self.share() * 100.0,
            self.by_code
        );
    }
}
