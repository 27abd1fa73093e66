//! The command line as a user meets it: outputs, formats and error messages.

mod common;

use std::fs;

use assert_cmd::Command;
use common::root;
use predicates::prelude::*;
use tempfile::TempDir;

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn corpus(name: &str, file: &str) -> String {
    root()
        .join("corpora")
        .join(name)
        .join(file)
        .display()
        .to_string()
}

#[test]
fn align_writes_csv_with_header_and_every_sentence() {
    let out = selaras()
        .args([
            "align",
            &corpus("ekspor-nikel", "id.txt"),
            &corpus("ekspor-nikel", "en.txt"),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("pairs ("))
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags", "status"
        ]
    );
    let (mut src_seen, mut tgt_seen) = (0, 0);
    for (k, row) in reader.records().enumerate() {
        let row = row.unwrap();
        assert_eq!(row[0], (k + 1).to_string());
        let (a, b) = row[1].split_once('-').unwrap();
        let count = |idx: &str| -> usize {
            match idx.split_once('-') {
                None if idx.is_empty() => 0,
                None => 1,
                Some((x, y)) => y.parse::<usize>().unwrap() - x.parse::<usize>().unwrap() + 1,
            }
        };
        assert_eq!(count(&row[2]), a.parse::<usize>().unwrap());
        assert_eq!(count(&row[3]), b.parse::<usize>().unwrap());
        assert_eq!(row[4].is_empty(), row[2].is_empty());
        let score: f64 = row[6].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
        let codes: Vec<&str> = row[7].split(';').filter(|c| !c.is_empty()).collect();
        assert!(
            codes
                .iter()
                .all(|c| selaras::FlagKind::ALL.iter().any(|k| k.code() == *c)),
            "{codes:?}"
        );
        assert_eq!(
            row[4].is_empty() || row[5].is_empty(),
            codes.contains(&"unaligned")
        );
        src_seen += count(&row[2]);
        tgt_seen += count(&row[3]);
    }
    let lines = |f: &str| {
        fs::read_to_string(corpus("ekspor-nikel", f))
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .count()
    };
    assert_eq!(
        src_seen,
        lines("id.split"),
        "every source sentence appears once"
    );
    assert_eq!(
        tgt_seen,
        lines("en.split"),
        "every target sentence appears once"
    );
}

#[test]
fn align_writes_ladder_to_file() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("pairs.ladder");
    selaras()
        .args([
            "align",
            &corpus("banjir-semarang", "id.txt"),
            &corpus("banjir-semarang", "en.txt"),
        ])
        .args(["--format", "ladder", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("[0]:[0]\n"));
    assert!(selaras::eval::read_ladder(&text).is_ok());
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left beside the output");
}

#[test]
fn sentences_mode_takes_lines_as_given() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "Satu. Dua.\nTiga 3.000.\n").unwrap();
    fs::write(dir.path().join("b.txt"), "One. Two.\nThree 3,000.\n").unwrap();
    selaras()
        .current_dir(dir.path())
        .args([
            "align",
            "a.txt",
            "b.txt",
            "--sentences",
            "--format",
            "ladder",
        ])
        .assert()
        .success()
        .stdout("[0]:[0]\n[1]:[1]\n");
}

/// Each bad input ends with a non-zero exit, one line naming the file, and
/// no output file (an existing one is left untouched).
#[test]
fn bad_inputs_fail_clearly_and_leave_no_output() {
    let dir = TempDir::new().unwrap();
    let good = corpus("ekspor-nikel", "en.txt");
    fs::write(dir.path().join("empty.txt"), "  \n\n").unwrap();
    fs::write(dir.path().join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    let cases = [
        ("missing.txt", "missing.txt: cannot read"),
        ("empty.txt", "empty.txt: the file is empty"),
        ("binary.txt", "binary.txt: looks like a binary file"),
    ];
    for (input, message) in cases {
        let out = dir.path().join("out.csv");
        let kept = dir.path().join("kept.csv");
        fs::write(&kept, "good data\n").unwrap();
        for target in [&out, &kept] {
            let assert = selaras()
                .current_dir(dir.path())
                .args(["align", input, &good, "-o"])
                .arg(target)
                .assert()
                .failure()
                .stdout("");
            let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
            assert_eq!(stderr.lines().count(), 1, "one line for {input}: {stderr}");
            assert!(stderr.contains(message), "{input}: {stderr}");
            assert!(!stderr.contains("panicked"));
        }
        assert!(!out.exists(), "{input}: no output file is left behind");
        assert_eq!(
            fs::read_to_string(&kept).unwrap(),
            "good data\n",
            "{input}: existing output untouched"
        );
        let stray: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".selaras-"))
            .collect();
        assert!(stray.is_empty(), "{input}: temporary files left: {stray:?}");
    }
}

#[test]
fn unwritable_output_fails_without_panic() {
    selaras()
        .args([
            "align",
            &corpus("ekspor-nikel", "id.txt"),
            &corpus("ekspor-nikel", "en.txt"),
        ])
        .args(["-o", "/nonexistent-dir/pairs.csv"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "/nonexistent-dir/pairs.csv: cannot write",
        ));
}

#[test]
fn split_prints_sentences_and_paragraph_breaks() {
    let expected = fs::read_to_string(corpus("banjir-semarang", "id.split")).unwrap();
    selaras()
        .args(["split", &corpus("banjir-semarang", "id.txt")])
        .assert()
        .success()
        .stdout(format!("{}\n", expected.trim_end()));
}

#[test]
fn split_jsonl_spans_point_into_the_input() {
    let path = corpus("festival-film", "en.txt");
    let text = fs::read_to_string(&path).unwrap();
    let out = selaras()
        .args(["split", &path, "--lang", "en", "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut count = 0;
    for line in String::from_utf8(out).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], v["text"].as_str().unwrap());
        count += 1;
    }
    assert!(count >= 15);
}

#[test]
#[ignore = "needs ../shared/seeds; run with --include-ignored (CI does)"]
fn seed_splits_into_fifteen_units() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let out = selaras()
        .arg("split")
        .arg(seeds.join("000_f63ce8f85d825361.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let units = String::from_utf8(out)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(units, 15);
}

#[test]
fn eval_scores_and_reports_json() {
    let gold = corpus("ekspor-nikel", "gold.ladder");
    let out = selaras()
        .args(["eval", &gold, &gold, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["strict"]["f1"].as_f64(), Some(1.0));
    selaras()
        .args(["eval", &gold, &gold])
        .assert()
        .success()
        .stdout(predicate::str::contains("strict").and(predicate::str::contains("1.0000")));
}

#[test]
fn eval_rejects_odd_files_and_bad_ladders() {
    let gold = corpus("ekspor-nikel", "gold.ladder");
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad.ladder");
    fs::write(&bad, "[0]:[0]\nnot a bead\n").unwrap();
    selaras()
        .args(["eval", &gold, &gold, &gold])
        .assert()
        .failure()
        .stderr(predicate::str::contains("pairs"));
    selaras()
        .args(["eval", &gold])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.ladder: line 2"));
}

#[test]
fn help_teaches_the_columns() {
    selaras()
        .args(["align", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("src_idx").and(predicate::str::contains("--sentences")));
}

/// Every command's `--help` ends with examples that name the command.
#[test]
fn every_help_has_an_example() {
    for cmd in ["align", "batch", "split", "eval", "completions", "man"] {
        let out = selaras().args([cmd, "--help"]).assert().success();
        let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let examples = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd} --help has no Examples:\n{help}"));
        assert!(
            examples.starts_with(&format!("  selaras {cmd} ")),
            "{cmd} --help: {examples}"
        );
    }
}

/// `--version` names the version and each compiled-in word list with its
/// entry count and hash.
#[test]
fn version_lists_the_data_files() {
    let out = selaras().arg("--version").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(concat!("selaras ", env!("CARGO_PKG_VERSION")))
    );
    let lexicon = lines.next().unwrap();
    assert!(lexicon.starts_with("data/lexicon.id-en.tsv "), "{lexicon}");
    let entries: usize = lexicon.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(entries > 4000, "{lexicon}");
    assert!(lexicon.contains("fnv1a64 "), "{lexicon}");
    assert_eq!(
        lines.count(),
        7,
        "abbreviations, starters, noise, equivalents, number words: {text}"
    );
}

/// Completions and the man page come from the same definitions as `--help`.
#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = selaras().args(["completions", shell]).assert().success();
        let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(script.contains("only-flagged"), "{shell}");
    }
    let page = selaras().arg("man").assert().success();
    let page = String::from_utf8(page.get_output().stdout.clone()).unwrap();
    assert!(page.contains(".TH selaras 1"), "{page}");
    assert!(
        page.contains("selaras\\-align(1)"),
        "lists the commands' pages"
    );
    let align = selaras().args(["man", "align"]).assert().success();
    let align = String::from_utf8(align.get_output().stdout.clone()).unwrap();
    assert!(align.contains(".TH selaras-align 1"), "{align}");
    assert!(align.contains("\\-\\-only\\-flagged"), "{align}");
    selaras()
        .args(["man", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such command"));
}

/// The README's test command is the one CI runs.
#[test]
fn readme_and_ci_run_the_same_tests() {
    let command = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("cargo test"))
            .map(str::to_string)
    };
    let readme = command(&common::read(&root().join("README.md")));
    let ci = command(&common::read(&root().join(".ci/run")));
    assert!(readme.is_some());
    assert_eq!(readme, ci);
}

#[test]
fn user_dictionary_decides_what_lengths_cannot() {
    let dir = TempDir::new().unwrap();
    // After twelve pairs that agree, two source sentences of one length face
    // one target sentence: which of the two is its translation? Only a
    // dictionary can tell.
    let words = [
        "zulu", "yankee", "xray", "whiskey", "victor", "uniform", "sierra", "romeo",
    ];
    let shared: String = (0..12)
        .map(|k| {
            let line: Vec<&str> = (0..6).map(|w| words[(k + w) % 8]).collect();
            format!("{} {k}\n", line.join(" "))
        })
        .collect();
    let src = format!(
        "{shared}alfa bravo charlie delta echo foxtrot\nhotel india juliett kilo lima mikes\n"
    );
    let tgt = format!("{shared}uno dos tres cuatro cinco seis sietes\n");
    fs::write(dir.path().join("src.txt"), src).unwrap();
    fs::write(dir.path().join("tgt.txt"), tgt).unwrap();
    fs::write(
        dir.path().join("first.tsv"),
        "alfa\tuno\nbravo\tdos\ncharlie\ttres\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("second.dic"),
        "uno @ hotel\ndos @ india\ntres @ juliett\n",
    )
    .unwrap();
    let agreed: String = (0..12).map(|k| format!("[{k}]:[{k}]\n")).collect();
    for (dict, last) in [
        ("first.tsv", "[12]:[12]\n[13]:[]\n"),
        ("second.dic", "[12]:[]\n[13]:[12]\n"),
    ] {
        selaras()
            .current_dir(dir.path())
            .args([
                "align",
                "src.txt",
                "tgt.txt",
                "--sentences",
                "--src-lang",
                "xx",
                "--tgt-lang",
                "yy",
            ])
            .args(["--format", "ladder", "--dict", dict])
            .assert()
            .success()
            .stdout(format!("{agreed}{last}"));
    }
    fs::write(dir.path().join("bad.tsv"), "alfa\tuno\nno separator here\n").unwrap();
    selaras()
        .current_dir(dir.path())
        .args([
            "align",
            "src.txt",
            "tgt.txt",
            "--sentences",
            "--dict",
            "bad.tsv",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.tsv: line 2"));
}

#[test]
fn batch_streams_in_order_and_survives_a_bad_pair() {
    let dir = TempDir::new().unwrap();
    let list = dir.path().join("pairs.tsv");
    let names = ["ekspor-nikel", "festival-film", "banjir-semarang"];
    let mut text = String::from("# source\ttarget\n");
    for name in names {
        text += &format!("{}\t{}\n", corpus(name, "id.txt"), corpus(name, "en.txt"));
    }
    text += &format!("missing.txt\t{}\n", corpus("ekspor-nikel", "en.txt"));
    fs::write(&list, text).unwrap();

    // One JSON Lines stream, documents in list order; the bad pair is reported.
    let out = dir.path().join("corpus.jsonl");
    selaras()
        .arg("batch")
        .arg(&list)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("missing.txt: cannot read")
                .and(predicate::str::contains("3 documents aligned, 1 failed")),
        );
    let docs = common::docs(&fs::read_to_string(&out).unwrap());
    let mut order: Vec<&String> = docs.iter().collect();
    order.dedup();
    assert_eq!(order.len(), 3);
    for (doc, name) in order.iter().zip(names) {
        assert!(doc.contains(name), "{doc} should be {name}");
    }

    // One file a pair, named apart where the source names are the same.
    let folder = dir.path().join("aligned");
    selaras()
        .arg("batch")
        .arg(&list)
        .args(["--format", "ladder", "--out-dir"])
        .arg(&folder)
        .assert()
        .failure();
    for name in names {
        let ladder = fs::read_to_string(folder.join(format!("{name}-id.ladder"))).unwrap();
        let gold = fs::read_to_string(corpus(name, "gold.ladder")).unwrap();
        assert_eq!(ladder.trim(), gold.trim(), "{name}");
    }
}

/// Same input, byte-identical output, run after run (each process hashes
/// with a different random seed, so this catches iteration-order leaks).
#[test]
fn output_is_deterministic() {
    let run = || {
        selaras()
            .args([
                "align",
                &corpus("festival-film", "id.txt"),
                &corpus("festival-film", "en.txt"),
                "--format",
                "jsonl",
            ])
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    assert!(!first.is_empty());
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}
