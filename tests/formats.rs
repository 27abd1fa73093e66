//! Every output format read back by an independent reader: CSV and TSV by a
//! fresh `csv` reader, JSONL by serde_json, XLSX by calamine, TMX by
//! translate-toolkit (the library behind Weblate and Pootle), and the HTML
//! review page by headless Chromium.
//!
//! The last two need tools from outside Rust; `.ci/run` installs them. They
//! are `#[ignore]`d, so a plain `cargo test` lists them as ignored; with
//! `--include-ignored` (the README's and CI's command) they run, and where a
//! tool is absent they print why and return — except in CI (`CI` set), where
//! a missing tool is a failure.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use common::root;
use tempfile::TempDir;

fn corpus(file: &str) -> String {
    root()
        .join("corpora/festival-film")
        .join(file)
        .display()
        .to_string()
}

/// Align the festival corpus (it has every bead shape and flags) into `out`.
fn align_to(out: &Path, extra: &[&str]) {
    Command::cargo_bin("selaras")
        .unwrap()
        .args(["align", &corpus("id.txt"), &corpus("en.txt"), "-o"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

/// The reference: pairs as JSONL says them.
fn reference() -> Vec<serde_json::Value> {
    let out = Command::cargo_bin("selaras")
        .unwrap()
        .args([
            "align",
            &corpus("id.txt"),
            &corpus("en.txt"),
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each JSONL line parses"))
        .collect()
}

/// A tool from outside Rust, or None (see `common::absent`: skip with the
/// reason printed; in CI a missing tool fails the test).
fn external(name: &str, probe: &mut Process) -> Option<()> {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if ok {
        return Some(());
    }
    common::absent(&format!("{name} is not installed (.ci/run installs it)"));
    None
}

#[test]
fn jsonl_has_every_field() {
    let rows = reference();
    assert_eq!(rows.len(), 20);
    for (k, r) in rows.iter().enumerate() {
        assert_eq!(r["pair"].as_u64(), Some(k as u64 + 1));
        for field in ["type", "source", "target"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
        for field in ["src_idx", "tgt_idx", "flags", "notes"] {
            assert!(r[field].is_array(), "{field} in {r}");
        }
        assert!((0.0..=1.0).contains(&r["score"].as_f64().unwrap()));
        assert_eq!(
            r["flags"].as_array().unwrap().len(),
            r["notes"].as_array().unwrap().len()
        );
    }
    assert!(
        rows.iter()
            .any(|r| r["flags"].as_array().unwrap().iter().any(|f| f == "merged"))
    );
}

#[test]
fn csv_tsv_and_excel_csv_read_back() {
    let rows = reference();
    let dir = TempDir::new().unwrap();
    for (file, delimiter, excel) in [
        ("p.csv", b',', false),
        ("p.tsv", b'\t', false),
        ("x.csv", b',', true),
    ] {
        let path = dir.path().join(file);
        align_to(&path, if excel { &["--excel"] } else { &[] });
        let bytes = fs::read(&path).unwrap();
        let body = if excel {
            assert!(
                bytes.starts_with("\u{feff}".as_bytes()),
                "--excel writes a BOM"
            );
            assert!(
                bytes.windows(2).any(|w| w == b"\r\n"),
                "--excel writes CRLF"
            );
            &bytes[3..]
        } else {
            assert!(!bytes.contains(&b'\r'), "plain output has LF line ends");
            &bytes[..]
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(body);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header.last().map(String::as_str), Some("status"));
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len(), "{file}");
        for (rec, want) in records.iter().zip(&rows) {
            assert_eq!(&rec[4], want["source"].as_str().unwrap(), "{file}");
            assert_eq!(&rec[5], want["target"].as_str().unwrap(), "{file}");
            let flags: Vec<&str> = want["flags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            assert_eq!(&rec[7], flags.join(";"), "{file}");
        }
    }
}

#[test]
fn filters_cut_the_output() {
    let rows = reference();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("flagged.jsonl");
    align_to(&path, &["--only-flagged"]);
    let kept: Vec<serde_json::Value> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let want: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| !r["flags"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(kept.len(), want.len());
    assert!(
        kept.iter().zip(want).all(|(a, b)| a["pair"] == b["pair"]),
        "pair numbers are kept"
    );
    // The reference's best score as the cut, so that some pairs fall below
    // it whatever the aligner's calibration of the day.
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    let top = scores.iter().copied().fold(0.0, f64::max);
    assert!(scores.iter().any(|&s| s < top), "every pair scores {top}");
    align_to(&path, &["--min-score", &top.to_string()]);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.lines().all(|l| {
        serde_json::from_str::<serde_json::Value>(l).unwrap()["score"]
            .as_f64()
            .unwrap()
            >= top
    }));
    assert!(text.lines().count() < rows.len());
}

#[test]
fn xlsx_reads_back_in_calamine() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let rows = reference();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("pairs.xlsx");
    align_to(&path, &[]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("calamine opens the workbook");
    assert_eq!(book.sheet_names(), ["summary", "pairs"]);
    let summary = book.worksheet_range("summary").unwrap();
    let cells: Vec<String> = summary.cells().map(|(_, _, c)| c.to_string()).collect();
    for want in [corpus("id.txt"), corpus("en.txt"), "Indonesian (id)".into()] {
        assert!(cells.contains(&want), "the summary names {want}: {cells:?}");
    }
    assert!(
        cells.iter().any(|c| c.starts_with("20 (")),
        "the pair count"
    );
    let sheet = book.worksheet_range("pairs").expect("a 'pairs' sheet");
    let all: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(all[0][4], Data::String("Indonesian (id)".into()));
    assert_eq!(all[0][5], Data::String("English (en)".into()));
    assert_eq!(all[0][8], Data::String("notes".into()));
    assert_eq!(all[0][9], Data::String("status".into()));
    assert_eq!(all.len(), rows.len() + 1);
    for (row, want) in all[1..].iter().zip(&rows) {
        // One sentence: a number; several: `3-4`; none: empty.
        for (cell, idx) in [(&row[2], &want["src_idx"]), (&row[3], &want["tgt_idx"])] {
            match idx.as_array().unwrap().as_slice() {
                [one] => assert_eq!(*cell, Data::Float(one.as_f64().unwrap())),
                [] => assert_eq!(*cell, Data::Empty),
                [a, .., b] => assert_eq!(cell.to_string(), format!("{a}-{b}")),
            }
        }
        // An empty cell reads back as Empty: compare the text.
        assert_eq!(row[4].to_string(), want["source"].as_str().unwrap());
        assert_eq!(row[5].to_string(), want["target"].as_str().unwrap());
        match &row[6] {
            Data::Float(score) => assert!((score - want["score"].as_f64().unwrap()).abs() < 1e-9),
            other => panic!("score should be a number, found {other:?}"),
        }
    }
}

#[test]
#[ignore = "needs translate-toolkit (python3 -m pip install translate-toolkit); run with --include-ignored (CI does)"]
fn tmx_loads_in_translate_toolkit() {
    let rows = reference();
    let probe = &mut Process::new("python3");
    probe.args(["-c", "import translate.storage.tmx"]);
    if external(
        "translate-toolkit (python3 -m pip install translate-toolkit)",
        probe,
    )
    .is_none()
    {
        return;
    }
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("memory.tmx");
    align_to(&path, &["--src-lang", "id-ID", "--tgt-lang", "en-US"]);
    let text = fs::read_to_string(&path).unwrap();
    for needed in [
        "creationtool=\"selaras\"",
        "segtype=\"sentence\"",
        "srclang=\"id-ID\"",
        "datatype=\"plaintext\"",
        "xml:lang=\"en-US\"",
        "type=\"x-selaras-score\"",
    ] {
        assert!(text.contains(needed), "TMX lacks {needed}");
    }
    let script = r#"
import json, sys
from translate.storage import tmx
with open(sys.argv[1], "rb") as f:
    store = tmx.tmxfile(f, sourcelanguage="id-ID", targetlanguage="en-US")
units = [u for u in store.units if not u.isheader()]
print(json.dumps([[u.source, u.target, u.getid()] for u in units]))
"#;
    // (source, target, id) of each unit, as translate-toolkit reads them.
    let load = |memory: &Path| -> Vec<(String, String, String)> {
        let out = Process::new("python3")
            .args(["-c", script])
            .arg(memory)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "translate-toolkit failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let units = load(&path);
    assert!(text.contains("creationid=\"selaras\""));
    assert!(text.contains(&format!(
        "<prop type=\"x-selaras-document\">{}</prop>",
        corpus("id.txt")
    )));
    let aligned: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["source"] != "" && r["target"] != "")
        .collect();
    assert_eq!(
        units.len(),
        aligned.len(),
        "one unit per aligned pair; unaligned sentences left out"
    );
    for ((source, target, _), want) in units.iter().zip(aligned) {
        assert_eq!(source, want["source"].as_str().unwrap());
        assert_eq!(target, want["target"].as_str().unwrap());
    }

    // A batch's one memory loads too, with a unit for each aligned pair of each document.
    let list = dir.path().join("list.tsv");
    let film = root().join("corpora/festival-film");
    fs::write(
        &list,
        format!(
            "{0}/id.txt\t{0}/en.txt\n{0}/id.txt\t{0}/en.txt\n",
            film.display()
        ),
    )
    .unwrap();
    let all = dir.path().join("all.tmx");
    Command::cargo_bin("selaras")
        .unwrap()
        .args(["batch", "--src-lang", "id-ID", "--tgt-lang", "en-US", "-o"])
        .arg(&all)
        .arg(&list)
        .assert()
        .success();
    let both = load(&all);
    assert_eq!(both.len(), 2 * units.len());
    assert_ne!(
        both[0].2,
        both[units.len()].2,
        "unit ids stay unique across documents"
    );
}

#[test]
fn tmx_escapes_markup() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Harga <naik> & \"turun\" 'lagi' 3.000\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "Prices <rose> & \"fell\" 'again' 3,000\n",
    )
    .unwrap();
    let out = Command::cargo_bin("selaras")
        .unwrap()
        .current_dir(dir.path())
        .args(["align", "a.txt", "b.txt", "--sentences", "--format", "tmx"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Prices &lt;rose&gt; &amp; &quot;fell&quot; &apos;again&apos; 3,000"),
        "{text}"
    );
}

fn chromium() -> Option<PathBuf> {
    let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    let mut probe = Process::new(path.clone().unwrap_or_else(|| "chromium".into()));
    probe.arg("--version");
    external("chromium (apt-get install chromium)", &mut probe)?;
    path.or_else(|| Some("chromium".into()))
}

fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
#[ignore = "needs headless Chromium (apt-get install chromium); run with --include-ignored (CI does)"]
fn html_review_page_works_in_chromium() {
    let rows = reference();
    let Some(browser) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("review.html");
    align_to(&page, &[]);
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page needs no network"
    );
    let url = format!("file://{}", page.display());

    // Opened with #flagged, the filter hides every unflagged pair.
    let out = run_chromium(
        &browser,
        &dir.path().join("profile1"),
        &["--dump-dom".into(), format!("{url}#flagged")],
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<tbody id=\"rows\">"),
        "chromium rendered the page: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flagged = rows
        .iter()
        .filter(|r| !r["flags"].as_array().unwrap().is_empty())
        .count();
    // The rows the script drew (its own source names the tag too).
    let body = dom.split("<tbody id=\"rows\">").nth(1).unwrap();
    let body = body.split("</tbody>").next().unwrap();
    let row_tags: Vec<&str> = body
        .split("<tr id=\"p")
        .skip(1)
        .map(|r| r.split('>').next().unwrap())
        .collect();
    assert_eq!(row_tags.len(), rows.len());
    for tag in &row_tags {
        let unflagged = tag.contains("data-flags=\"\"");
        assert_eq!(tag.contains("hidden"), unflagged, "row {tag}");
    }
    assert!(
        dom.contains(&format!("<b id=\"shown\">{flagged}</b>")),
        "the count shows {flagged} pairs"
    );

    // Unfiltered, nothing is hidden; a screenshot is taken.
    let shot = dir.path().join("review.png");
    let out = run_chromium(
        &browser,
        &dir.path().join("profile2"),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,900".into(),
            url,
        ],
    );
    let png = fs::read(&shot)
        .unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&out.stderr)));
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "a real screenshot ({} bytes)",
        png.len()
    );
}

/// The status column offers its two words in a drop-down (Excel's data
/// validation, which calamine does not read: the sheet's XML is checked).
#[test]
#[ignore = "needs python3 (its zipfile module reads the workbook's XML); run with --include-ignored (CI does)"]
fn xlsx_status_has_a_drop_down() {
    if external("python3", Process::new("python3").arg("--version")).is_none() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("pairs.xlsx");
    align_to(&path, &[]);
    let out = Process::new("python3")
        .args([
            "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet2.xml').decode())",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(
        xml.contains("type=\"list\"")
            && xml.contains("sqref=\"J2:J21\"")
            && xml.contains("\"confirmed,rejected\""),
        "{xml}"
    );
}

/// TMX for CAT tools: dates and creator as asked, BCP 47 tags, flagged pairs
/// left out on request, and one memory from a batch with each unit's document.
#[test]
fn tmx_dates_tags_and_a_combined_memory() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("m.tmx");
    align_to(
        &path,
        &[
            "--tmx-date",
            "2025-07-15",
            "--tmx-creator",
            "budi",
            "--src-lang",
            "in",
            "--tgt-lang",
            "en-us",
            "--tmx-skip-flagged",
        ],
    );
    let tmx = fs::read_to_string(&path).unwrap();
    assert!(tmx.contains("creationdate=\"20250715T000000Z\" creationid=\"budi\""));
    assert!(tmx.contains("srclang=\"id\"") && tmx.contains("xml:lang=\"en-US\""));
    assert!(
        !tmx.contains("x-selaras-flags"),
        "flagged pairs are left out"
    );
    let rows = reference();
    let clean = rows
        .iter()
        .filter(|r| r["flags"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(tmx.matches("<tu ").count(), clean);

    let bad = Command::cargo_bin("selaras")
        .unwrap()
        .args([
            "align",
            &corpus("id.txt"),
            &corpus("en.txt"),
            "--src-lang",
            "id_ID",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("write id-ID"));

    let list = dir.path().join("list.tsv");
    let corpora = root().join("corpora");
    fs::write(
        &list,
        format!(
            "{0}/festival-film/id.txt\t{0}/festival-film/en.txt\n{0}/ekspor-nikel/id.txt\t{0}/ekspor-nikel/en.txt\n",
            corpora.display()
        ),
    )
    .unwrap();
    let all = dir.path().join("all.tmx");
    Command::cargo_bin("selaras")
        .unwrap()
        .arg("batch")
        .arg(&list)
        .arg("-o")
        .arg(&all)
        .assert()
        .success();
    let tmx = fs::read_to_string(&all).unwrap();
    assert_eq!(tmx.matches("<header ").count(), 1, "one memory");
    for doc in ["festival-film", "ekspor-nikel"] {
        let named = format!(
            "<prop type=\"x-selaras-document\">{}/{doc}/id.txt</prop>",
            corpora.display()
        );
        assert!(tmx.contains(&named), "units of {doc} name it");
    }
    assert!(tmx.trim_end().ends_with("</tmx>"));
}
