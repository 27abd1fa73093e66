//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use selaras::Bead;
use selaras::eval::{self, Report};
use selaras::output::ladder_line;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the project, or None with the reason printed: tests
/// that need it then skip.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = root().join("..").join("shared").join(sub);
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (it ships beside the project in CI)",
            dir.display()
        );
        None
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn ladder_text(beads: &[Bead]) -> String {
    beads
        .iter()
        .map(|b| ladder_line(&b.src, &b.tgt) + "\n")
        .collect()
}

/// Score beads against a gold ladder text.
pub fn score(gold: &str, beads: &[Bead]) -> Report {
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
