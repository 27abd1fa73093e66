//! The review loop from the command line: align, edit the CSV or the XLSX
//! as a reviewer would (status column, index columns), `apply`, and check
//! that every output reflects each edit; a malformed edit gives one line
//! naming its row; `align --fixed` keeps the confirmed pairs.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::root;
use tempfile::TempDir;

fn corpus(file: &str) -> PathBuf {
    root().join("corpora/festival-film").join(file)
}

fn selaras(args: &[&str], dir: &Path) -> std::process::Output {
    Command::cargo_bin("selaras")
        .unwrap()
        .current_dir(dir)
        .arg(args[0])
        .args([corpus("id.txt"), corpus("en.txt")])
        .args(&args[1..])
        .output()
        .unwrap()
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The aligned CSV's rows (header first), as cells.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

const SRC: usize = 2;
const TGT: usize = 3;
const STATUS: usize = 8;

/// The reviewer's edits, on rows that `align` writes for the festival
/// corpus (checked first): confirm pair 1, reject pair 3, split pair 4
/// (`3-4`:`2`) into `3`:`2` and `4`:-, merge pairs 5 and 6.
fn edit(rows: &mut Vec<Vec<String>>) {
    let idx = |r: &Vec<String>| (r[SRC].clone(), r[TGT].clone());
    assert_eq!(idx(&rows[4]), ("3-4".into(), "2".into()), "pair 4 is 2-1");
    assert_eq!(idx(&rows[5]), ("5".into(), "3".into()));
    assert_eq!(idx(&rows[6]), ("6".into(), "4".into()));
    rows[1][STATUS] = "confirmed".into();
    rows[3][STATUS] = "Rejected".into();
    rows[4][SRC] = "3".into();
    let mut split = rows[4].clone();
    (split[SRC], split[TGT]) = ("4".into(), String::new());
    rows.insert(5, split);
    // Pairs 5 and 6 are now rows 7 and 8.
    (rows[6][SRC], rows[6][TGT]) = ("5-6".into(), "3-4".into());
    (rows[7][SRC], rows[7][TGT]) = (String::new(), String::new());
}

/// What `apply` must write for the edits, as JSONL says it.
fn check_applied(dir: &Path, reviewed: &str) {
    let jsonl = ok(&selaras(&["apply", reviewed, "--format", "jsonl"], dir));
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 20, "one split, one merge: as many pairs");
    assert_eq!(lines[0]["status"], "confirmed");
    assert_eq!(lines[0]["score"], 1.0);
    assert_eq!(lines[2]["status"], "rejected");
    let idx = |k: usize| (lines[k]["src_idx"].clone(), lines[k]["tgt_idx"].clone());
    assert_eq!(idx(3), (serde_json::json!([3]), serde_json::json!([2])));
    assert_eq!(idx(4), (serde_json::json!([4]), serde_json::json!([])));
    assert_eq!(
        idx(5),
        (serde_json::json!([5, 6]), serde_json::json!([3, 4]))
    );
    assert!(lines[5]["flags"].to_string().contains("merged"));
    assert!(lines[4]["flags"].to_string().contains("unaligned"));
    assert!(
        lines[1].get("status").is_none(),
        "unreviewed pairs carry none"
    );

    let tmx = ok(&selaras(&["apply", reviewed, "--format", "tmx"], dir));
    let rejected = lines[2]["target"].as_str().unwrap();
    assert!(!tmx.contains(rejected), "a rejected pair stays out of TMX");
    assert!(tmx.contains("<prop type=\"x-selaras-status\">confirmed</prop>"));
    let units = tmx.matches("<tu ").count();
    let aligned = lines
        .iter()
        .filter(|l| l["source"] != "" && l["target"] != "" && l["status"] != "rejected")
        .count();
    assert_eq!(units, aligned);
}

#[test]
fn an_edited_csv_applies() {
    let dir = TempDir::new().unwrap();
    let mut rows = csv_rows(&ok(&selaras(&["align"], dir.path())));
    assert_eq!(rows[0].last().map(String::as_str), Some("status"));
    // Unedited, apply gives back what align wrote.
    let plain = dir.path().join("plain.csv");
    let mut w = csv::Writer::from_path(&plain).unwrap();
    rows.iter().for_each(|r| w.write_record(r).unwrap());
    drop(w);
    let again = ok(&selaras(&["apply", "plain.csv"], dir.path()));
    assert_eq!(again, fs::read_to_string(&plain).unwrap());

    edit(&mut rows);
    let mut w = csv::Writer::from_path(dir.path().join("edited.csv")).unwrap();
    rows.iter().for_each(|r| w.write_record(r).unwrap());
    drop(w);
    check_applied(dir.path(), "edited.csv");
    // The TSV of the same edits.
    let tsv: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    fs::write(dir.path().join("edited.tsv"), tsv).unwrap();
    check_applied(dir.path(), "edited.tsv");
}

#[test]
fn an_edited_workbook_applies() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = TempDir::new().unwrap();
    ok(&selaras(&["align", "-o", "pairs.xlsx"], dir.path()));
    let mut book: Xlsx<_> = open_workbook(dir.path().join("pairs.xlsx")).unwrap();
    let sheet = book.worksheet_range("pairs").unwrap();
    let mut rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let status = rows[0]
        .iter()
        .position(|h| h == "status")
        .expect("a status column");
    assert_eq!(status, rows[0].len() - 1, "status comes last");
    for r in rows.iter_mut() {
        // Index cells that are one number come back as numbers.
        for c in [SRC, TGT] {
            r[c] = r[c].trim_end_matches(".0").to_string();
        }
        let decided = r.get(status).cloned().unwrap_or_default();
        r.resize(STATUS + 1, String::new());
        r[STATUS] = decided;
    }
    edit(&mut rows);
    let mut edited = rust_xlsxwriter::Workbook::new();
    let out = edited.add_worksheet();
    out.set_name("pairs").unwrap();
    let header = [
        "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags", "status",
    ];
    for (c, h) in header.iter().enumerate() {
        out.write_string(0, c as u16, *h).unwrap();
    }
    for (k, r) in rows.iter().enumerate().skip(1) {
        for (c, cell) in r.iter().enumerate().take(STATUS + 1) {
            out.write_string(k as u32, c as u16, cell).unwrap();
        }
    }
    edited.save(dir.path().join("edited.xlsx")).unwrap();
    check_applied(dir.path(), "edited.xlsx");
}

#[test]
fn a_malformed_edit_names_its_row() {
    let dir = TempDir::new().unwrap();
    let mut rows = csv_rows(&ok(&selaras(&["align"], dir.path())));
    rows[6][SRC] = "4".into(); // already in row 5 (pair 4 is 3-4)
    let mut w = csv::Writer::from_path(dir.path().join("bad.csv")).unwrap();
    rows.iter().for_each(|r| w.write_record(r).unwrap());
    drop(w);
    for args in [&["apply", "bad.csv"][..], &["align", "--fixed", "bad.csv"]] {
        let out = selaras(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("bad.csv: row 7: source sentence 4 is already in an earlier row"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    fs::write(
        dir.path().join("status.csv"),
        "src_idx,tgt_idx,status\n0-19,0-17,perhaps\n",
    )
    .unwrap();
    let out = selaras(&["apply", "status.csv"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2: status 'perhaps'"), "{err}");
}

#[test]
fn fixed_pairs_are_kept_and_the_rest_realigned() {
    let dir = TempDir::new().unwrap();
    let before = ok(&selaras(&["align", "--format", "ladder"], dir.path()));
    assert!(before.contains("[3, 4]:[2]"));
    // The reviewer says 3 alone is 2's translation, and confirms it.
    fs::write(
        dir.path().join("fix.ladder"),
        before.replace("[3, 4]:[2]", "[3]:[2] confirmed\n[4]:[]"),
    )
    .unwrap();
    let after = ok(&selaras(
        &["align", "--fixed", "fix.ladder", "--format", "jsonl"],
        dir.path(),
    ));
    let lines: Vec<serde_json::Value> = after
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let fixed = lines
        .iter()
        .find(|l| l["src_idx"] == serde_json::json!([3]))
        .expect("the fixed pair");
    assert_eq!(fixed["tgt_idx"], serde_json::json!([2]));
    assert_eq!(
        (fixed["status"].as_str(), fixed["score"].as_f64()),
        (Some("confirmed"), Some(1.0))
    );
    // Sentence 4 went to a neighbour or stands alone; all are covered once.
    let mut src: Vec<u64> = lines
        .iter()
        .flat_map(|l| {
            l["src_idx"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap())
        })
        .collect();
    src.dedup();
    assert_eq!(src, (0..20).collect::<Vec<u64>>());
}

#[test]
fn a_broken_or_overwritten_reviewed_file_is_refused() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("fake.xlsx"), "not a workbook").unwrap();
    let out = selaras(&["apply", "fake.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("fake.xlsx: not a workbook selaras can read"),
        "{err}"
    );
    // The output may not be the reviewed file: it would be lost.
    let csv = ok(&selaras(&["align"], dir.path()));
    fs::write(dir.path().join("r.csv"), &csv).unwrap();
    let out = selaras(&["apply", "r.csv", "-o", "r.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(dir.path().join("r.csv")).unwrap(), csv);
}
