//! `selaras stream` as a pipeline meets it: the same bead lines as `batch`,
//! in input order, record by record; one error line for each bad record and
//! the stream going on; exit codes; a closed pipe. Last, the Spark example
//! run in local mode against `batch` (needs pyspark and Java 17; ignored in a
//! plain `cargo test`, run by CI with `--include-ignored`).

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as Process, Output, Stdio};

use assert_cmd::Command;
use common::root;
use serde_json::{Value, json};
use tempfile::TempDir;

const NAMES: [&str; 3] = ["ekspor-nikel", "festival-film", "banjir-semarang"];

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn corpus(name: &str, file: &str) -> String {
    common::read(&root().join("corpora").join(name).join(file))
}

/// A record of a corpus pair under `doc`.
fn record(doc: &str, name: &str) -> String {
    json!({"doc": doc, "src": corpus(name, "id.txt"), "tgt": corpus(name, "en.txt")}).to_string()
}

fn stream(input: &str, args: &[&str]) -> Output {
    selaras()
        .arg("stream")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn values(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `batch` over the corpora, run in their folder so each `doc` is
/// `NAME/id.txt`; its JSON Lines output.
fn batch(args: &[&str]) -> String {
    let list: String = NAMES
        .iter()
        .map(|n| format!("{n}/id.txt\t{n}/en.txt\n"))
        .collect();
    let out = selaras()
        .current_dir(root().join("corpora"))
        .args(["batch", "-"])
        .args(args)
        .write_stdin(list)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn corpora_records() -> String {
    NAMES
        .iter()
        .map(|n| record(&format!("{n}/id.txt"), n) + "\n")
        .collect()
}

#[test]
fn stream_writes_what_batch_writes_byte_for_byte() {
    for args in [
        &[][..],
        &["--only-flagged"],
        &["--min-score", "0.9", "--threads", "1"],
    ] {
        // A byte-order mark from a Windows tool is no part of the first record.
        let out = stream(&format!("\u{feff}{}", corpora_records()), args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let expected = batch(args);
        assert!(!expected.is_empty());
        assert_eq!(text(&out.stdout), expected, "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("3 records aligned (") && stderr.contains("), 0 failed"));
    }
}

#[test]
fn every_bad_record_gets_one_error_line_in_its_place() {
    let good =
        |doc: &str| json!({"doc": doc, "src": "Halo dunia.", "tgt": "Hello world."}).to_string();
    let long = json!({"doc": "long", "src": "a".repeat(3000), "tgt": "b"}).to_string();
    let input = [
        good("first"),
        "{\"doc\": \"cut\", \"src\": \"Hal".into(),
        json!({"doc": "no-tgt", "src": "Halo."}).to_string(),
        json!({"src": "Halo.", "tgt": "Hello."}).to_string(),
        json!({"doc": "blank", "src": " \n ", "tgt": "Hello."}).to_string(),
        json!({"doc": "nul", "src": "Ha\u{0}lo.", "tgt": "Hello."}).to_string(),
        long,
        "[1, 2]".into(),
        String::new(),
        good("last"),
    ]
    .join("\n");
    let out = stream(&input, &["--max-record", "2K"]);
    assert_eq!(out.status.code(), Some(1), "a bad record fails the run");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("7 of 9 records failed"), "{stderr}");
    let lines = values(&text(&out.stdout));
    let docs: Vec<Option<&str>> = lines.iter().map(|l| l["doc"].as_str()).collect();
    assert_eq!(
        docs,
        [
            Some("first"),
            None,
            Some("no-tgt"),
            None,
            Some("blank"),
            Some("nul"),
            None,
            None,
            Some("last"),
        ]
    );
    let errors: Vec<(&str, u64)> = lines
        .iter()
        .filter_map(|l| Some((l["error"].as_str()?, l["line"].as_u64()?)))
        .collect();
    let expect = [
        ("not a JSON record", 2),
        ("no \"tgt\"", 3),
        ("no \"doc\"", 4),
        ("\"src\" is empty", 5),
        ("NUL character", 6),
        ("over the limit of 2048", 7),
        ("not a JSON object", 8),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
    for ((error, line), (what, at)) in errors.iter().zip(expect) {
        assert!(
            error.contains(what),
            "line {line}: {error} should say {what}"
        );
        assert_eq!(*line, at, "{error}");
    }
    // The good records around them are aligned as usual.
    assert_eq!(lines[0]["source"], "Halo dunia.");
    assert_eq!(lines[8]["target"], "Hello world.");
}

#[test]
fn per_record_languages_and_presplit_text_apply() {
    // An English-to-Indonesian record aligns as `align --src-lang en --tgt-lang id`.
    let name = "festival-film";
    let swapped = json!({"doc": "x", "src": corpus(name, "en.txt"), "tgt": corpus(name, "id.txt"),
        "src_lang": "en", "tgt_lang": "id"});
    // Presplit: one sentence a line, as `align --sentences` reads it.
    let split = json!({"doc": "y", "src": corpus(name, "id.split"), "tgt": corpus(name, "en.split"),
        "sentences": true});
    let out = stream(&format!("{swapped}\n{split}\n"), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = values(&text(&out.stdout));
    let dir = root().join("corpora").join(name);
    let align = |args: &[&str]| {
        let out = selaras()
            .current_dir(&dir)
            .arg("align")
            .args(args)
            .args(["--format", "jsonl"])
            .output()
            .unwrap();
        assert!(out.status.success());
        values(&text(&out.stdout))
    };
    let expected: Vec<(&str, Vec<Value>)> = vec![
        (
            "x",
            align(&["en.txt", "id.txt", "--src-lang", "en", "--tgt-lang", "id"]),
        ),
        ("y", align(&["id.split", "en.split", "--sentences"])),
    ];
    let mut k = 0;
    for (doc, rows) in expected {
        for mut row in rows {
            row.as_object_mut()
                .unwrap()
                .insert("doc".into(), doc.into());
            assert_eq!(lines[k], row);
            k += 1;
        }
    }
    assert_eq!(k, lines.len());
}

#[test]
fn bad_command_lines_exit_2() {
    for args in [
        &["--excel"][..],
        &["--tmx-unaligned"],
        &["--threads", "0"],
        &["--max-record", "5X"],
        &["--dict", "-"],
        &["--set", "no_such=1"],
    ] {
        let out = stream("", args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let first = text(&out.stderr).lines().next().unwrap_or("").to_string();
        assert!(first.contains("error: "), "{args:?}: {first}");
    }
    // An empty input is an empty stream, not an error.
    let out = stream("", &[]);
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
}

/// Each record's lines come out before the next record is read: a reader
/// gets its answer while the writer still holds the pipe open. (Broken,
/// this test would wait forever rather than fail.)
#[test]
fn each_record_is_written_before_the_next_is_read() {
    let mut child = Process::new(env!("CARGO_BIN_EXE_selaras"))
        .arg("stream")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for doc in ["a", "b"] {
        let rec = json!({"doc": doc, "src": "Halo dunia.", "tgt": "Hello world."});
        writeln!(stdin, "{rec}").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&line).unwrap()["doc"], doc);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_closed_pipe_ends_stream_quietly() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("pairs.jsonl");
    fs::write(&input, corpora_records().repeat(20)).unwrap();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Process::new(env!("CARGO_BIN_EXE_selaras"))
        .arg("stream")
        .stdin(fs::File::open(&input).unwrap())
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

// ---------------------------------------------------------------------------
// The Spark example

/// Run a program, failing the test with its output if it fails.
fn run(cmd: &mut Process) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        out.status,
        text(&out.stderr)
    );
    out
}

/// `spark-submit` of the pyspark package that `python3` imports, if it and
/// Java are there (see `common::absent`).
fn spark_submit() -> Option<std::path::PathBuf> {
    let java = Process::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        common::absent("java is not installed (Java 17: apt-get install openjdk-17-jre-headless)");
        return None;
    }
    let probe = Process::new("python3")
        .args([
            "-c",
            "import pyspark, os; print(os.path.dirname(pyspark.__file__))",
        ])
        .output();
    match probe {
        Ok(o) if o.status.success() => {
            Some(Path::new(text(&o.stdout).trim()).join("bin/spark-submit"))
        }
        _ => {
            common::absent(
                "pyspark is not installed (python3 -m pip install pyspark; .ci/run does)",
            );
            None
        }
    }
}

/// Bead lines sorted by document and pair, to compare sets of documents
/// written in any order.
fn sorted(mut lines: Vec<Value>) -> Vec<Value> {
    lines.sort_by_key(|l| {
        (
            l["doc"].as_str().unwrap_or("").to_string(),
            l["pair"].as_u64(),
        )
    });
    lines
}

#[test]
#[ignore = "needs pyspark and Java 17 (python3 -m pip install pyspark); run with --include-ignored (CI does)"]
fn spark_job_in_local_mode_writes_what_batch_writes() {
    let Some(submit) = spark_submit() else { return };
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let example = root().join("examples/spark");
    run(Process::new("python3")
        .arg(example.join("make_pairs.py"))
        .args(["--pairs", "500", "--bad", "--out"])
        .arg(d.join("pairs.jsonl"))
        .arg("--batch-dir")
        .arg(d.join("batch")));
    let batch = run(Process::new(env!("CARGO_BIN_EXE_selaras"))
        .current_dir(d.join("batch"))
        .args(["batch", "list.tsv", "--threads", "2"]));
    let expected = sorted(values(&text(&batch.stdout)));
    assert!(expected.len() > 5000, "{} beads", expected.len());

    let job = run(Process::new(&submit)
        .args([
            "--master",
            "local[2]",
            "--files",
            env!("CARGO_BIN_EXE_selaras"),
        ])
        .arg(example.join("align_corpus.py"))
        .arg(d.join("pairs.jsonl"))
        .arg(d.join("out"))
        .args(["--", "--max-record", "64K"]));
    eprintln!("{}", text(&job.stdout));
    // Read the Parquet back with Spark, as JSON Lines.
    run(Process::new(&submit)
        .args(["--master", "local[1]"])
        .arg(root().join("tests/data/spark_dump.py"))
        .arg(d.join("out"))
        .arg(d.join("dump")));
    let beads = sorted(values(&common::read(&d.join("dump/beads.jsonl"))));
    assert_eq!(beads.len(), expected.len(), "bead count");
    for (got, want) in beads.iter().zip(&expected) {
        assert_eq!(got, want);
    }
    let mut failed: Vec<String> = values(&common::read(&d.join("dump/failed.jsonl")))
        .iter()
        .map(|l| format!("{}: {}", l["doc"], l["error"].as_str().unwrap()))
        .collect();
    failed.sort();
    let docs: Vec<&str> = failed
        .iter()
        .map(|f| f.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            "\"bad-empty\"",
            "\"bad-no-src\"",
            "\"bad-src-number\"",
            "null",
            "null",
            "null"
        ],
        "{failed:#?}"
    );
}
