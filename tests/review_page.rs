//! The review page as an editor, in a real browser: `tests/review_page.py`
//! drives headless Chromium through chromium-driver and Selenium over a
//! scripted review of each corpus (keys, a click, joins, splits, a move, a
//! confirm, an unlink undone, a reload, Save); then `selaras apply` reads the
//! saved file, and its ladder must be what the same edits make of the
//! aligner's pairs, replayed here.
//!
//! Needs tools from outside Rust (`.ci/run` installs them): `#[ignore]`d in
//! a plain `cargo test`; with `--include-ignored` a missing tool skips with
//! its reason, or fails under CI.

mod common;

use std::fs;
use std::ops::Range;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use common::root;
use selaras::output::ladder_line;
use tempfile::TempDir;

const CORPORA: [&str; 3] = ["banjir-semarang", "ekspor-nikel", "festival-film"];

/// Source range, target range, confirmed.
type Pair = (Range<usize>, Range<usize>, bool);

fn tools_present() -> bool {
    let runs = |cmd: &str, args: &[&str]| {
        Process::new(cmd)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let ok = runs("/usr/bin/chromium", &["--version"])
        && runs("chromedriver", &["--version"])
        && runs("python3", &["-c", "import selenium"]);
    if !ok {
        common::absent(
            "chromium, chromium-driver or selenium is not installed (.ci/run installs them)",
        );
    }
    ok
}

fn selaras(dir: &Path, name: &str, args: &[&str]) -> String {
    let corpus = root().join("corpora").join(name);
    let out = Command::cargo_bin("selaras")
        .unwrap()
        .current_dir(dir)
        .arg(args[0])
        .args([corpus.join("id.txt"), corpus.join("en.txt")])
        .args(&args[1..])
        .output()
        .unwrap();
    stdout(out, name)
}

/// What a run that must succeed printed.
fn stdout(out: std::process::Output, name: &str) -> String {
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Drop pairs with no sentence; an empty side takes its place after the
/// sentences before it (what the page and the aligner do).
fn normalise(pairs: &mut Vec<Pair>) {
    pairs.retain(|p| !p.0.is_empty() || !p.1.is_empty());
    let (mut i, mut j) = (0, 0);
    for p in pairs.iter_mut() {
        for (r, next) in [(&mut p.0, &mut i), (&mut p.1, &mut j)] {
            if Range::is_empty(r) {
                *r = *next..*next;
            } else {
                *next = r.end;
            }
        }
    }
}

/// One edit of the page, on pair `k`; false where the page refuses it.
fn edit(pairs: &mut Vec<Pair>, op: &str, k: usize) -> bool {
    match op {
        "confirm" => pairs[k].2 = !pairs[k].2,
        "joinNext" if k + 1 < pairs.len() => {
            let b = pairs.remove(k + 1);
            let a = &mut pairs[k];
            *a = (a.0.start..b.0.end, a.1.start..b.1.end, false);
        }
        "split" | "splitLast" if pairs[k].0.len() > 1 || pairs[k].1.len() > 1 => {
            let (s, t, _) = pairs[k].clone();
            // After the first sentence of each side, or before the last.
            let at = |r: &Range<usize>| match op {
                "split" => r.start + r.len().min(1),
                _ => r.end - usize::from(r.len() > 1),
            };
            let (sm, tm) = (at(&s), at(&t));
            pairs[k] = (s.start..sm, t.start..tm, false);
            pairs.insert(k + 1, (sm..s.end, tm..t.end, false));
        }
        "sNext" if k + 1 < pairs.len() && !pairs[k].0.is_empty() => {
            pairs[k].0.end -= 1;
            pairs[k + 1].0.start = pairs[k].0.end;
            (pairs[k].2, pairs[k + 1].2) = (false, false);
        }
        "unlink" if !pairs[k].0.is_empty() && !pairs[k].1.is_empty() => {
            let (s, t, _) = pairs.remove(k);
            let alone = s
                .clone()
                .map(|i| (i..i + 1, t.start..t.start, false))
                .chain(t.clone().map(|j| (s.end..s.end, j..j + 1, false)));
            pairs.splice(k..k, alone.collect::<Vec<_>>());
        }
        _ => return false,
    }
    normalise(pairs);
    true
}

fn replay(mut pairs: Vec<Pair>, log: &str) -> Vec<Pair> {
    let mut history = Vec::new();
    for line in log.lines() {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let (op, k) = (entry["op"].as_str().unwrap(), entry["at"].as_u64().unwrap());
        if op == "undo" {
            pairs = history.pop().expect("something to undo");
            continue;
        }
        let before = pairs.clone();
        if edit(&mut pairs, op, k as usize) {
            history.push(before);
        }
    }
    pairs
}

fn ladder(pairs: &[Pair]) -> String {
    pairs
        .iter()
        .map(|p| ladder_line(&p.0, &p.1) + "\n")
        .collect()
}

#[test]
#[ignore = "needs chromium, chromium-driver and selenium (.ci/run installs them); run with --include-ignored (CI does)"]
fn a_scripted_review_in_chromium_applies() {
    if !tools_present() {
        return;
    }
    let script = root().join("tests/review_page.py");
    for name in CORPORA {
        let dir = TempDir::new().unwrap();
        let (downloads, shots) = (dir.path().join("downloads"), dir.path().join("shots"));
        fs::create_dir_all(&downloads).unwrap();
        fs::create_dir_all(&shots).unwrap();
        selaras(dir.path(), name, &["align", "-o", "review.html"]);
        let html = fs::read_to_string(dir.path().join("review.html")).unwrap();
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains(" src="),
            "the page loads nothing from anywhere"
        );
        let out = Process::new("python3")
            .arg(&script)
            .args([
                dir.path().join("review.html"),
                downloads.clone(),
                shots.clone(),
            ])
            .output()
            .unwrap();
        let log = stdout(out, name);
        assert_eq!(log.lines().count(), 8, "{name}: every edit was made: {log}");

        let aligned = selaras(dir.path(), name, &["align", "--format", "ladder"]);
        let start: Vec<Pair> = selaras::eval::read_ladder(&aligned)
            .unwrap()
            .into_iter()
            .map(|(s, t)| {
                let range = |v: &[usize]| v.first().map_or(0..0, |&a| a..v[v.len() - 1] + 1);
                (range(&s), range(&t), false)
            })
            .collect();
        let mut start = start;
        normalise(&mut start);
        let want = replay(start, &log);
        assert_ne!(
            ladder(&want),
            aligned,
            "{name}: the edits changed the alignment"
        );

        let saved = downloads.join("id.reviewed.csv");
        let saved = saved.to_str().unwrap();
        let got = selaras(dir.path(), name, &["apply", saved, "--format", "ladder"]);
        assert_eq!(got, ladder(&want), "{name}: the applied ladder");
        let jsonl = selaras(dir.path(), name, &["apply", saved, "--format", "jsonl"]);
        let confirmed: Vec<bool> = jsonl
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["status"] == "confirmed")
            .collect();
        let want_confirmed: Vec<bool> = want.iter().map(|p| p.2).collect();
        assert_eq!(confirmed, want_confirmed, "{name}: the confirmed pair");
        assert_eq!(want_confirmed.iter().filter(|c| **c).count(), 1);

        for width in [1400, 900, 390] {
            let png = fs::read(shots.join(format!("review-{width}.png"))).unwrap();
            assert!(
                png.starts_with(b"\x89PNG") && png.len() > 20_000,
                "{name} at {width} px"
            );
        }
        if let Some(keep) = std::env::var_os("SELARAS_SHOTS") {
            for f in fs::read_dir(&shots).unwrap() {
                let f = f.unwrap().path();
                let to = Path::new(&keep).join(format!(
                    "{name}-{}",
                    f.file_name().unwrap().to_string_lossy()
                ));
                fs::copy(&f, to).unwrap();
            }
        }
    }
}
