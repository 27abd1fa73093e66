//! Hostile cases (issue #9): what a demanding user, a shell script or a
//! fuzzer does to selaras. Each test runs the binary and checks the exit
//! code, standard error, the output's bytes, and that every input file is
//! byte for byte as it was.
//!
//! Device nodes are made with mknod in a temporary folder, never taken from
//! /dev: a bug that replaces its output must only ever replace our copy.

mod common;

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const ID: &str = "Harga beras naik 3.000 rupiah per kilogram. Warga Semarang memprotes \
kenaikan itu. Pemerintah berjanji menurunkan harga pekan depan.\n";
const EN: &str = "The price of rice rose by 3,000 rupiah per kilogram. Residents of \
Semarang protested the increase. The government promised to lower prices next week.\n";

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("selaras")
}

/// A folder with an article pair, and the bytes of every input as written,
/// to check at the end that nothing the user had was touched.
struct Fx {
    dir: TempDir,
    inputs: Vec<(PathBuf, Vec<u8>)>,
}

impl Fx {
    fn new() -> Fx {
        let mut fx = Fx {
            dir: TempDir::new().unwrap(),
            inputs: Vec::new(),
        };
        fx.input("id.txt", ID.as_bytes());
        fx.input("en.txt", EN.as_bytes());
        fx
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write an input file and remember its bytes.
    fn input(&mut self, name: impl AsRef<Path>, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        self.inputs.push((path.clone(), bytes.to_vec()));
        path
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(bin());
        c.current_dir(self.dir.path()).stdin(Stdio::null());
        c
    }

    /// Run `selaras ARGS` in the folder.
    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Run through `sh -c SCRIPT`, `"$0" "$@"` being selaras ARGS.
    fn sh(&self, script: &str, args: &[&str]) -> Output {
        Command::new("sh")
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .arg("-c")
            .arg(script)
            .arg(bin())
            .args(args)
            .output()
            .unwrap()
    }

    fn temps(&self) -> Vec<String> {
        fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".selaras-"))
            .collect()
    }
}

impl Drop for Fx {
    /// Every test ends here: inputs unchanged, no temporary file left.
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        for (path, bytes) in &self.inputs {
            let now = fs::read(path).unwrap_or_default();
            assert!(now == *bytes, "input {} was changed", path.display());
        }
        assert_eq!(self.temps(), Vec::<String>::new(), "temporary files left");
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exit `code`, and standard error one `selaras: error:` line containing `says`.
fn fails(out: &Output, code: i32, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "exit code; stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("selaras: error: "), "{err}");
    assert!(err.contains(says), "expected '{says}' in: {err}");
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"));
}

/// The pairs a CSV holds (header left out).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(bytes);
    r.records()
        .map(|row| row.unwrap().iter().map(String::from).collect())
        .collect()
}

fn mknod(path: &Path, major_minor: (u32, u32)) {
    let status = Command::new("mknod")
        .arg(path)
        .arg("c")
        .arg(major_minor.0.to_string())
        .arg(major_minor.1.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "mknod (the tests run as root)");
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

// ---------------------------------------------------------------------------
// -o onto something that is not a regular file

#[test]
fn output_to_a_device_is_written_through() {
    let fx = Fx::new();
    let null = fx.path("null");
    mknod(&null, (1, 3));
    let before = fs::metadata(&null).unwrap();
    ok(&fx.run(&["align", "id.txt", "en.txt", "-o", "null"]));
    let after = fs::metadata(&null).unwrap();
    assert!(
        after.file_type().is_char_device(),
        "the device is still a device"
    );
    assert_eq!((after.ino(), after.rdev()), (before.ino(), before.rdev()));
}

#[test]
fn output_to_a_full_device_fails_and_keeps_it() {
    let fx = Fx::new();
    let full = fx.path("full");
    mknod(&full, (1, 7));
    let out = fx.run(&["align", "id.txt", "en.txt", "-o", "full"]);
    fails(&out, 1, "full: cannot write");
    assert!(fs::metadata(&full).unwrap().file_type().is_char_device());
}

/// A file size limit (`ulimit -f`) reached while writing: an error like a
/// full disk, the old output kept and no temporary file left (the signal
/// it raises killed the process before, leaving one).
#[test]
fn a_file_size_limit_fails_and_keeps_the_old_output() {
    let mut fx = Fx::new();
    fx.input("big.id.txt", "Kata satu. ".repeat(50_000).as_bytes());
    fx.input("big.en.txt", "Word one. ".repeat(50_000).as_bytes());
    fs::write(fx.path("big.csv"), "old\n").unwrap();
    let out = fx.sh(
        r#"ulimit -f 100 && exec "$0" "$@""#,
        &["align", "big.id.txt", "big.en.txt", "-o", "big.csv"],
    );
    fails(&out, 1, "big.csv: cannot write");
    assert_eq!(fs::read_to_string(fx.path("big.csv")).unwrap(), "old\n");
    assert!(fx.temps().is_empty(), "{:?}", fx.temps());
}

/// Read a FIFO to its end without blocking on open, until `done` says the
/// writer has finished (so a writer that never comes cannot hang the test).
fn drain_fifo(path: &Path, done: impl Fn() -> bool) -> Vec<u8> {
    const O_NONBLOCK: i32 = 0o4000; // Linux
    let mut f = fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        match f.read(&mut buf) {
            Ok(0) if done() => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => panic!("{e}"),
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    got
}

#[test]
fn output_to_a_fifo_is_written_through() {
    let fx = Fx::new();
    let fifo = fx.path("pipe");
    mkfifo(&fifo);
    let mut child = fx
        .cmd()
        .args(["align", "id.txt", "en.txt", "-o", "pipe"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let exited = std::sync::atomic::AtomicBool::new(false);
    let got = std::thread::scope(|s| {
        let reader =
            s.spawn(|| drain_fifo(&fifo, || exited.load(std::sync::atomic::Ordering::SeqCst)));
        let status = child.wait().unwrap();
        exited.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(status.success());
        reader.join().unwrap()
    });
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );
    assert_eq!(csv_rows(&got).len(), 3, "the reader got the CSV");
}

#[test]
fn output_through_a_symlink_writes_the_file_it_names() {
    let fx = Fx::new();
    fs::write(fx.path("real.csv"), "old\n").unwrap();
    std::os::unix::fs::symlink("real.csv", fx.path("link.csv")).unwrap();
    std::os::unix::fs::symlink("new.csv", fx.path("dangling.csv")).unwrap();
    ok(&fx.run(&["align", "id.txt", "en.txt", "-o", "link.csv"]));
    ok(&fx.run(&["align", "id.txt", "en.txt", "-o", "dangling.csv"]));
    for link in ["link.csv", "dangling.csv"] {
        let meta = fs::symlink_metadata(fx.path(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} is still a symlink");
    }
    assert_eq!(csv_rows(&fs::read(fx.path("real.csv")).unwrap()).len(), 3);
    assert_eq!(csv_rows(&fs::read(fx.path("new.csv")).unwrap()).len(), 3);
}

#[test]
fn output_to_a_folder_fails_clearly() {
    let fx = Fx::new();
    fs::create_dir(fx.path("out")).unwrap();
    fails(
        &fx.run(&["align", "id.txt", "en.txt", "-o", "out"]),
        1,
        "out: cannot write",
    );
    assert!(fx.path("out").is_dir());
}

// ---------------------------------------------------------------------------
// No output may be an input

#[test]
fn output_equal_to_an_input_is_refused() {
    let fx = Fx::new();
    let out = fx.run(&["align", "id.txt", "en.txt", "-o", "id.txt"]);
    fails(&out, 2, "id.txt: is also an input");
}

#[test]
fn output_equal_to_an_input_by_another_name_is_refused() {
    let fx = Fx::new();
    fs::create_dir(fx.path("sub")).unwrap();
    fs::hard_link(fx.path("en.txt"), fx.path("hard.txt")).unwrap();
    std::os::unix::fs::symlink("id.txt", fx.path("soft.txt")).unwrap();
    for other in ["./sub/../id.txt", "hard.txt", "soft.txt"] {
        let out = fx.run(&["align", "id.txt", "en.txt", "-o", other, "--format", "csv"]);
        fails(&out, 2, "is also an input");
    }
    assert!(
        fs::symlink_metadata(fx.path("soft.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn output_equal_to_the_dictionary_is_refused() {
    let mut fx = Fx::new();
    fx.input("kamus.tsv", b"beras\trice\n");
    let out = fx.run(&[
        "align",
        "id.txt",
        "en.txt",
        "--dict",
        "kamus.tsv",
        "-o",
        "kamus.tsv",
    ]);
    fails(&out, 2, "is also an input");
}

#[test]
fn output_appended_to_an_input_is_refused() {
    let fx = Fx::new();
    let out = fx.sh(r#""$0" "$@" >> id.txt"#, &["align", "id.txt", "en.txt"]);
    fails(&out, 2, "standard output: is also an input");
}

#[test]
fn split_onto_its_input_is_refused() {
    let fx = Fx::new();
    fails(
        &fx.run(&["split", "id.txt", "-o", "id.txt"]),
        2,
        "is also an input",
    );
}

#[test]
fn batch_output_onto_its_list_is_refused() {
    let mut fx = Fx::new();
    fx.input("pairs", b"id.txt\ten.txt\n");
    fails(
        &fx.run(&["batch", "pairs", "-o", "pairs"]),
        2,
        "is also an input",
    );
}

#[test]
fn batch_out_dir_over_a_source_is_refused() {
    let mut fx = Fx::new();
    // The source is named like the output its pair would get.
    fx.input("berita.csv", ID.as_bytes());
    fx.input("pairs", b"berita.csv\ten.txt\n");
    let out = fx.run(&["batch", "pairs", "--out-dir", "."]);
    fails(&out, 2, "berita.csv: is also an input");
}

// ---------------------------------------------------------------------------
// Modes, interrupts

#[test]
fn new_files_follow_the_umask() {
    let fx = Fx::new();
    for (umask, mode) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let name = format!("u{umask}.csv");
        let script = format!(r#"umask {umask} && exec "$0" "$@""#);
        ok(&fx.sh(&script, &["align", "id.txt", "en.txt", "-o", &name]));
        let got = fs::metadata(fx.path(&name)).unwrap().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}: {got:o}");
    }
}

#[test]
fn a_replaced_file_keeps_its_mode_and_group() {
    let fx = Fx::new();
    let out = fx.path("shared.html");
    fs::write(&out, "old page").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o664)).unwrap();
    std::os::unix::fs::chown(&out, None, Some(4242)).unwrap();
    ok(&fx.run(&["align", "id.txt", "en.txt", "-o", "shared.html"]));
    let meta = fs::metadata(&out).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o664);
    assert_eq!(meta.gid(), 4242);
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

/// Interrupt a run while its output's temporary file exists: a batch stream
/// whose first source is a FIFO nobody writes keeps it open indefinitely.
fn interrupt(signal: &str, code: i32) {
    let fx = Fx::new();
    mkfifo(&fx.path("stuck.txt"));
    fs::write(fx.path("pairs"), "stuck.txt\ten.txt\nid.txt\ten.txt\n").unwrap();
    let child = fx
        .cmd()
        .args(["batch", "pairs", "-o", "out.jsonl"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while fx.temps().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!fx.temps().is_empty(), "the run made its temporary file");
    std::thread::sleep(Duration::from_millis(100));
    let kill = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{:?} {}",
        out.status,
        stderr(&out)
    );
    assert!(!fx.path("out.jsonl").exists());
    fs::remove_file(fx.path("stuck.txt")).unwrap();
    // Fx's drop checks that no temporary file is left.
}

#[test]
fn ctrl_c_leaves_no_temporary_file() {
    interrupt("-INT", 130);
}

#[test]
fn sigterm_leaves_no_temporary_file() {
    interrupt("-TERM", 143);
}

// ---------------------------------------------------------------------------
// Scores

/// A tunable outside its range is a command-line error. Needs the range
/// checks of `Config::set` (src/align/mod.rs, issue #9 on main): fails in
/// the issue9 branch alone until that is merged.
#[test]
fn out_of_range_settings_are_usage_errors() {
    let fx = Fx::new();
    for setting in [
        "temperature=0",
        "length_variance=-1",
        "skip_cost=1e300",
        "skip_cost=-5",
        "miss_rate=-1e200",
    ] {
        let out = fx.run(&["align", "id.txt", "en.txt", "--set", setting, "-o", "x.csv"]);
        fails(&out, 2, setting.split('=').next().unwrap());
        assert!(!fx.path("x.csv").exists(), "{setting}");
    }
}

#[test]
fn unknown_setting_is_a_usage_error() {
    let fx = Fx::new();
    fails(
        &fx.run(&["align", "id.txt", "en.txt", "--set", "nonsense=1"]),
        2,
        "unknown setting",
    );
    fails(
        &fx.run(&["align", "id.txt", "en.txt", "--set", "skip_cost"]),
        2,
        "NAME=VALUE",
    );
}

/// A NaN score never becomes a silently missing row: whatever the settings,
/// either every pair is written or the run fails with one line.
#[test]
fn nan_scores_never_drop_rows() {
    let fx = Fx::new();
    for setting in ["temperature=0", "length_variance=-1", "skip_cost=-1e300"] {
        let out = fx.run(&["align", "id.txt", "en.txt", "--set", setting, "-o", "x.csv"]);
        if out.status.success() {
            let rows = csv_rows(&fs::read(fx.path("x.csv")).unwrap());
            assert_eq!(rows.len(), 3, "{setting}: every pair written");
            assert!(
                rows.iter()
                    .all(|r| r[6].parse::<f64>().unwrap().is_finite())
            );
            fs::remove_file(fx.path("x.csv")).unwrap();
        } else {
            assert_eq!(
                stderr(&out).lines().count(),
                1,
                "{setting}: {}",
                stderr(&out)
            );
            assert!(!fx.path("x.csv").exists(), "{setting}: no partial file");
        }
    }
}

// ---------------------------------------------------------------------------
// Formats

/// Characters XML 1.0 forbids, in raw form or as character references.
fn xml_forbidden(text: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    }) {
        return Some(format!("{:?}", c));
    }
    let lower = text.to_ascii_lowercase();
    ["&#x0", "&#1;", "&#11;", "&#xb;", "&#xfffe;", "&#xffff;"]
        .iter()
        .find(|r| lower.contains(*r))
        .map(|r| r.to_string())
}

#[test]
fn tmx_stays_well_formed_with_control_characters() {
    let mut fx = Fx::new();
    fx.input(
        "ctl.id.txt",
        "Harga naik\u{B}3.000 rupiah.\u{1} Warga \u{FFFE}protes\u{FFFF} itu.\u{C}\n".as_bytes(),
    );
    ok(&fx.run(&["align", "ctl.id.txt", "en.txt", "-o", "m.tmx"]));
    let tmx = fs::read_to_string(fx.path("m.tmx")).unwrap();
    assert_eq!(xml_forbidden(&tmx), None, "{tmx}");
    let mut reader = quick_xml::Reader::from_str(&tmx);
    let mut segs = String::new();
    let mut in_seg = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) => in_seg = e.name().as_ref() == "seg",
            quick_xml::events::Event::Text(t) if in_seg => {
                segs.push_str(&t.xml10_content());
            }
            _ => {}
        }
    }
    assert!(
        segs.contains("Harga naik 3.000"),
        "U+000B became a space: {segs}"
    );
}

#[test]
fn xlsx_holds_a_cell_longer_than_excel_allows() {
    let mut fx = Fx::new();
    let long = "kata ".repeat(8_000) + "panjang sekali.\n";
    fx.input("long.id.txt", long.as_bytes());
    let out = fx.run(&["align", "long.id.txt", "en.txt", "-o", "long.xlsx"]);
    ok(&out);
    assert!(
        stderr(&out)
            .contains("the source text has 40015 characters, more than an Excel cell holds")
    );
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(fx.path("long.xlsx")).unwrap();
    let sheet = book.worksheet_range("pairs").unwrap();
    let cell = sheet
        .rows()
        .map(|row| row[4].to_string())
        .find(|c| c.starts_with("kata"))
        .expect("the long sentence is in the sheet");
    assert!(cell.chars().count() <= 32_767);
    assert!(cell.starts_with("kata kata"));
    assert!(
        cell.ends_with("more characters: see the CSV]"),
        "{}",
        &cell[cell.len() - 80..]
    );
}

#[test]
fn one_bad_byte_in_utf8_is_replaced_with_a_warning() {
    let mut fx = Fx::new();
    let mut bytes = "Kafé itu menjual kopi. Harganya naik \u{2014} kata warga "
        .as_bytes()
        .to_vec();
    let offset = bytes.len();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"kemarin.\n");
    fx.input("bad.id.txt", &bytes);
    let out = fx.run(&["align", "bad.id.txt", "en.txt"]);
    ok(&out);
    assert!(
        stderr(&out).contains(&format!("at byte {offset}")),
        "{}",
        stderr(&out)
    );
    let csv = stdout(&out);
    assert!(
        csv.contains("Kafé itu") && csv.contains("\u{FFFD}kemarin"),
        "{csv}"
    );
    assert!(!csv.contains("Ã©"), "no mojibake");
}

fn utf32(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in std::iter::once('\u{FEFF}').chain(text.chars()) {
        let n = c as u32;
        out.extend(if big_endian {
            n.to_be_bytes()
        } else {
            n.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf32_with_a_bom_is_read() {
    let mut fx = Fx::new();
    fx.input("le.txt", &utf32("Kafé naik 3.000 rupiah.\n", false));
    fx.input("be.txt", &utf32("Kafé naik 3.000 rupiah.\n", true));
    for file in ["le.txt", "be.txt"] {
        let out = fx.run(&["split", file]);
        ok(&out);
        assert_eq!(stdout(&out), "Kafé naik 3.000 rupiah.\n", "{file}");
        assert!(stderr(&out).contains("UTF-32"), "{}", stderr(&out));
    }
}

#[test]
fn other_boms_are_read_or_refused_by_name() {
    let mut fx = Fx::new();
    let utf16be: Vec<u8> = "\u{FEFF}Kafé.\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    fx.input("be16.txt", &utf16be);
    let out = fx.run(&["split", "be16.txt"]);
    ok(&out);
    assert_eq!(stdout(&out), "Kafé.\n");
    for (bom, name) in [
        (&b"\x2B\x2F\x76\x38"[..], "UTF-7"),
        (b"\xDD\x73\x66\x73", "UTF-EBCDIC"),
        (b"\xF7\x64\x4C", "UTF-1"),
        (b"\x0E\xFE\xFF", "SCSU"),
        (b"\xFB\xEE\x28", "BOCU-1"),
    ] {
        let file = format!("{name}.txt");
        fx.input(&file, &[bom, b"Kafe naik."].concat());
        fails(&fx.run(&["split", &file]), 1, name);
    }
}

// ---------------------------------------------------------------------------
// Pipes and standard streams

/// Run with standard output a pipe whose reader is already gone.
fn into_closed_pipe(fx: &Fx, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    fx.cmd().args(args).stdout(writer).output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_for_every_format() {
    let mut fx = Fx::new();
    // Big enough that no writer can finish in one buffered write.
    let many: String = (0..400).map(|k| format!("Warga ke-{k} protes. ")).collect();
    fx.input("many.txt", many.as_bytes());
    for format in ["csv", "tsv", "jsonl", "tmx", "html", "ladder", "xlsx"] {
        let out = into_closed_pipe(&fx, &["align", "many.txt", "many.txt", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
    let out = into_closed_pipe(&fx, &["split", "many.txt"]);
    assert_eq!((out.status.code(), stderr(&out)), (Some(0), String::new()));
}

#[test]
fn a_closed_pipe_ends_batch_quietly() {
    let mut fx = Fx::new();
    let many: String = (0..200).map(|k| format!("Warga ke-{k} protes. ")).collect();
    fx.input("many.txt", many.as_bytes());
    fx.input("pairs", "many.txt\tmany.txt\n".repeat(3).as_bytes());
    let out = into_closed_pipe(&fx, &["batch", "pairs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn dash_is_standard_input_and_output() {
    let fx = Fx::new();
    let mut child = fx
        .cmd()
        .args(["align", "-", "en.txt", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ID.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    ok(&out);
    assert_eq!(csv_rows(&out.stdout).len(), 3);
    assert!(!fx.path("-").exists(), "no file named -");
}

#[test]
fn dash_works_for_split_batch_and_dict() {
    let fx = Fx::new();
    let feed = |args: &[&str], input: &str| {
        let mut child = fx
            .cmd()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A run that refuses its arguments may exit before reading.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        child.wait_with_output().unwrap()
    };
    let out = feed(&["split", "-"], ID);
    ok(&out);
    assert_eq!(stdout(&out).lines().count(), 3);
    let out = feed(&["batch", "-"], "id.txt\ten.txt\n");
    ok(&out);
    assert_eq!(stdout(&out).lines().count(), 3);
    let out = feed(
        &["align", "id.txt", "en.txt", "--dict", "-"],
        "beras\trice\n",
    );
    ok(&out);
    fails(&feed(&["align", "-", "-"], ID), 2, "standard input");
}

#[test]
fn full_stderr_never_panics() {
    let fx = Fx::new();
    mknod(&fx.path("full"), (1, 7));
    let out = fx.sh(
        r#""$0" "$@" 2>full"#,
        &["align", "id.txt", "en.txt", "-o", "p.csv"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(csv_rows(&fs::read(fx.path("p.csv")).unwrap()).len(), 3);
    let out = fx.sh(r#""$0" "$@" 2>full"#, &["align", "missing.txt", "en.txt"]);
    assert_eq!(out.status.code(), Some(1), "still the failure's exit code");
    let out = fx.sh(r#""$0" "$@" 2>&-"#, &["align", "missing.txt", "en.txt"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn closed_stdout_is_an_error() {
    let fx = Fx::new();
    let out = fx.sh(r#""$0" "$@" >&-"#, &["align", "id.txt", "en.txt"]);
    fails(&out, 1, "standard output is closed");
    let out = fx.sh(
        r#""$0" "$@" >&-"#,
        &["align", "id.txt", "en.txt", "-o", "p.csv"],
    );
    ok(&out);
    assert!(fx.path("p.csv").exists(), "-o still works without a stdout");
}

// ---------------------------------------------------------------------------
// The command line

#[test]
fn eval_with_an_odd_file_count_is_a_usage_error() {
    let mut fx = Fx::new();
    fx.input("a.ladder", b"[0]:[0]\n");
    fx.input("b.ladder", b"[0]:[0]\n");
    fx.input("c.ladder", b"[0]:[0]\n");
    let out = fx.run(&["eval", "a.ladder", "b.ladder", "c.ladder"]);
    fails(&out, 2, "odd number of files");
}

#[test]
#[ignore = "needs `script` (util-linux) for a terminal; run with --include-ignored (CI does)"]
fn xlsx_to_a_terminal_is_a_usage_error() {
    let fx = Fx::new();
    // `script` (util-linux, essential on Debian) gives the command a
    // pseudo-terminal; its log stays in our folder.
    let cmd = format!("{} align id.txt en.txt --format xlsx", bin().display());
    let Ok(out) = Command::new("script")
        .current_dir(fx.path("."))
        .args(["-qec", &cmd, "typescript"])
        .stdin(Stdio::null())
        .output()
    else {
        return common::absent("`script` is not installed (apt-get install bsdutils)");
    };
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stdout(&out).contains("xlsx is a binary format"));
}

#[test]
fn xlsx_to_a_pipe_is_fine() {
    let fx = Fx::new();
    let out = fx.run(&["align", "id.txt", "en.txt", "--format", "xlsx"]);
    ok(&out);
    assert!(out.stdout.starts_with(b"PK"));
}

#[test]
fn conflicting_options_are_refused() {
    let mut fx = Fx::new();
    fx.input("pairs", b"id.txt\ten.txt\n");
    let cases: &[(&[&str], &str)] = &[
        (
            &["align", "id.txt", "en.txt", "--excel", "--format", "jsonl"],
            "--excel",
        ),
        (
            &["align", "id.txt", "en.txt", "--excel", "-o", "p.xlsx"],
            "--excel",
        ),
        (
            &["align", "id.txt", "en.txt", "--tmx-unaligned"],
            "--tmx-unaligned",
        ),
        (
            &[
                "align", "id.txt", "en.txt", "-o", "x.html", "--format", "csv",
            ],
            "make them agree",
        ),
        (
            &["batch", "pairs", "-o", "x.xlsx"],
            "JSON Lines stream or one TMX memory",
        ),
        (&["batch", "pairs", "--excel"], "--excel"),
        (&["batch", "pairs", "--format", "csv"], "JSON Lines"),
    ];
    for (args, says) in cases {
        fails(&fx.run(args), 2, says);
    }
    assert_eq!(
        fs::read_dir(fx.path(".")).unwrap().count(),
        3,
        "nothing written"
    );
}

#[test]
fn unknown_output_extensions_are_refused_unless_format_says() {
    let fx = Fx::new();
    for name in ["x.xls", "x.docx", "x.txt"] {
        let out = fx.run(&["align", "id.txt", "en.txt", "-o", name]);
        fails(&out, 2, "does not write");
        assert!(!fx.path(name).exists());
    }
    ok(&fx.run(&[
        "align", "id.txt", "en.txt", "-o", "x.xls", "--format", "csv",
    ]));
    assert_eq!(csv_rows(&fs::read(fx.path("x.xls")).unwrap()).len(), 3);
}

// ---------------------------------------------------------------------------
// TSV, formula injection

#[test]
fn tsv_is_tab_separated_without_quoting() {
    let mut fx = Fx::new();
    fx.input(
        "q.id.txt",
        "\"Harga\tnaik,\" kata C:\\data warga.\nDua baris.\n".as_bytes(),
    );
    let out = fx.run(&["align", "q.id.txt", "en.txt", "--format", "tsv"]);
    ok(&out);
    let tsv = stdout(&out);
    for line in tsv.lines() {
        assert_eq!(line.matches('\t').count(), 8, "nine cells a line: {line:?}");
    }
    // (The splitter makes a tab inside a sentence a space; `tsv_escape` has
    // its own unit test for tabs and line breaks that reach a cell.)
    assert!(
        tsv.contains("\"Harga naik,\" kata C:\\\\data warga."),
        "{tsv}"
    );
    assert!(!tsv.contains("\"\""), "no CSV quoting");
    // `cut` reads it: the source column has no tab in it.
    let cells: Vec<&str> = tsv.lines().nth(1).unwrap().split('\t').collect();
    let shape: Vec<&str> = cells[1].split('-').collect();
    assert!(
        shape.len() == 2 && shape.iter().all(|n| n.parse::<usize>().is_ok()),
        "the type column: {:?}",
        cells[1]
    );
}

#[test]
fn excel_csv_and_tsv_defuse_formulas() {
    let mut fx = Fx::new();
    fx.input(
        "f.id.txt",
        b"=HYPERLINK(\"http://x\",\"klik\")\n\n+62 812 3456 hubungi.\n\n@warga protes.\n\n-5 derajat dingin.\n",
    );
    fx.input(
        "f.en.txt",
        b"Click here.\n\nCall +62 812 3456.\n\nResidents protest.\n\nMinus five degrees.\n",
    );
    for format in ["csv", "tsv"] {
        let out = fx.run(&[
            "align",
            "f.id.txt",
            "f.en.txt",
            "--excel",
            "--format",
            format,
            "--sentences",
        ]);
        ok(&out);
        let text = stdout(&out);
        for cell in ["'=HYPERLINK", "'+62 812", "'@warga", "'-5 derajat"] {
            assert!(text.contains(cell), "{format}: {cell} in {text}");
        }
        // Plain output keeps the text as it is.
        let plain = stdout(&fx.run(&[
            "align",
            "f.id.txt",
            "f.en.txt",
            "--format",
            format,
            "--sentences",
        ]));
        assert!(!plain.contains("'=HYPERLINK"));
    }
}

// ---------------------------------------------------------------------------
// Batch lists

#[test]
fn batch_list_names_are_raw_paths() {
    let mut fx = Fx::new();
    let nfd = "cafe\u{301}.txt"; // decomposed é: NFC would name another file
    fx.input(nfd, ID.as_bytes());
    fx.input(" spaced .txt", ID.as_bytes());
    fx.input("#1.txt", ID.as_bytes());
    let mut list = Vec::new();
    list.extend_from_slice(format!("{nfd}\ten.txt\n").as_bytes());
    list.extend_from_slice(b" spaced .txt\ten.txt\r\n# source\ttarget\n\n./#1.txt\ten.txt\n");
    fx.input("pairs", &list);
    let out = fx.run(&["batch", "pairs"]);
    ok(&out);
    let docs = common::docs(&stdout(&out));
    assert_eq!(docs.len(), 9);
    for name in [nfd, " spaced .txt", "#1.txt"] {
        assert!(docs.iter().any(|d| d.ends_with(name)), "{name} in {docs:?}");
    }
}

#[test]
fn batch_list_non_utf8_names_are_raw_paths() {
    let mut fx = Fx::new();
    let name = OsStr::from_bytes(b"berita-\xE9.txt");
    fx.input(name, ID.as_bytes());
    let mut list = name.as_bytes().to_vec();
    list.extend_from_slice(b"\ten.txt\n");
    fx.input("pairs", &list);
    let out = fx.run(&["batch", "pairs"]);
    ok(&out);
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn batch_list_extra_columns_are_an_error() {
    let mut fx = Fx::new();
    fx.input("pairs", b"id.txt\ten.txt\n\nid.txt\ten.txt\textra\n");
    let out = fx.run(&["batch", "pairs"]);
    fails(
        &out,
        1,
        "pairs: line 3: expected SOURCE<TAB>TARGET; found 3 tab-separated columns",
    );
    assert_eq!(stdout(&out), "", "nothing written from a bad list");
}

#[test]
fn batch_duplicate_pairs_get_distinct_doc_keys() {
    let mut fx = Fx::new();
    fx.input("pairs", b"id.txt\ten.txt\nid.txt\ten.txt\n");
    let out = fx.run(&["batch", "pairs"]);
    ok(&out);
    let keys: std::collections::BTreeSet<(String, u64)> = stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["doc"].as_str().unwrap().to_string(),
                v["pair"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(keys.len(), 6, "every (doc, pair) is its own: {keys:?}");
}

// ---------------------------------------------------------------------------
// eval on impossible ladders

#[test]
fn eval_refuses_impossible_ladders_with_their_line() {
    let mut fx = Fx::new();
    fx.input("gold", b"[0]:[0]\n[1]:[1]\n[2]:[2]\n");
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "range",
            b"[0]:[0]\n[999999999]:[1]\n",
            "range: line 2: source sentence 999999999 is out of range",
        ),
        (
            "past",
            b"[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n",
            "past: line 4: source sentence 3 is past the end",
        ),
        (
            "twice",
            b"[0]:[0]\n[1]:[0]\n[2]:[1, 2]\n",
            "twice: line 2: target sentence 0 is used twice",
        ),
        (
            "overlap",
            b"[0, 1]:[0]\n[1]:[1]\n[2]:[2]\n",
            "overlap: line 2: source sentence 1 is used twice",
        ),
        (
            "order",
            b"[0]:[0]\n[2]:[2]\n[1]:[1]\n",
            "order: line 3: beads out of order",
        ),
        (
            "other",
            b"[0]:[0]\n",
            "gold: line 2: source sentence 1 is past the end",
        ),
    ];
    for (name, ladder, says) in cases {
        fx.input(name, ladder);
        fails(&fx.run(&["eval", "gold", name]), 1, says);
    }
}

#[test]
fn eval_takes_an_empty_test_ladder() {
    let mut fx = Fx::new();
    fx.input("gold", b"[0]:[0]\n[1]:[1]\n");
    fx.input("empty", b"");
    let out = fx.run(&["eval", "gold", "empty", "--json"]);
    ok(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["strict"]["f1"], 0.0);
}

// ---------------------------------------------------------------------------
// More of our own

#[test]
fn a_failed_run_keeps_the_existing_output() {
    let fx = Fx::new();
    fs::write(fx.path("good.csv"), "good\n").unwrap();
    let out = fx.run(&["align", "missing.txt", "en.txt", "-o", "good.csv"]);
    fails(&out, 1, "missing.txt: cannot read");
    assert_eq!(fs::read_to_string(fx.path("good.csv")).unwrap(), "good\n");
}

#[test]
fn bad_flags_exit_two() {
    let fx = Fx::new();
    for args in [
        &["align", "id.txt"][..],
        &["align", "id.txt", "en.txt", "--min-score", "2"],
        &["align", "id.txt", "en.txt", "--format", "doc"],
        &["nonsense"],
    ] {
        let out = fx.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_output_in_a_missing_folder_fails_clearly() {
    let fx = Fx::new();
    let out = fx.run(&["align", "id.txt", "en.txt", "-o", "no/such/dir/p.csv"]);
    fails(&out, 1, "no/such/dir/p.csv: cannot write");
}

#[test]
fn every_argument_may_be_a_strange_but_legal_name() {
    let mut fx = Fx::new();
    let name: OsString = OsString::from("-dash and space\u{301}.txt");
    fx.input(&name, ID.as_bytes());
    let out = fx
        .cmd()
        .args(["align", "--", name.to_str().unwrap(), "en.txt"])
        .output()
        .unwrap();
    ok(&out);
    assert_eq!(csv_rows(&out.stdout).len(), 3);
}

/// Human gold may cross (a reordered translation), as Text+Berg's does:
/// that is not an impossible ladder.
#[test]
fn eval_takes_a_gold_ladder_that_crosses() {
    let mut fx = Fx::new();
    fx.input("gold", b"[0]:[1]\n[1]:[0]\n[2, 4]:[2]\n[3]:[3]\n");
    fx.input("test", b"[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[]\n");
    ok(&fx.run(&["eval", "gold", "test"]));
}

/// A table pasted as one sentence of 60,000 figures on both sides, a
/// paragraph of 60,000 emoji with no capital after any, a run of 200,000
/// emoji, and a sentence of 60,000 titles: each figure, emoji and period is
/// looked at once (the review read a sentence's run of figures again at
/// each one, and took half a minute here; so did the splitter on those
/// emoji, and on those titles).
#[test]
fn long_runs_of_figures_and_emoji_complete() {
    let mut fx = Fx::new();
    let figures = "1;".repeat(60_000);
    fx.input(
        "fig.id.txt",
        format!("Angka {figures} selesai.\n").as_bytes(),
    );
    fx.input(
        "fig.en.txt",
        format!("Numbers {figures} done.\n").as_bytes(),
    );
    let out = fx.run(&["align", "fig.id.txt", "fig.en.txt", "-o", "fig.csv"]);
    ok(&out);
    assert_eq!(csv_rows(&fs::read(fx.path("fig.csv")).unwrap()).len(), 1);
    // Each splits to one sentence.
    let one_sentence = |fx: &mut Fx, name: &str, text: String| {
        fx.input(name, text.as_bytes());
        let out = fx.run(&["split", name]);
        ok(&out);
        assert_eq!(stdout(&out).lines().count(), 1, "{name}");
    };
    one_sentence(&mut fx, "emoji.txt", "kata 😀 lain ".repeat(60_000));
    one_sentence(
        &mut fx,
        "glued.txt",
        format!("kata {} lain", "😀".repeat(200_000)),
    );
    // 60,000 titles in one sentence: each period looks back a word or
    // three, not to the sentence's start (14 s before, a fraction now).
    one_sentence(
        &mut fx,
        "titles.txt",
        format!("Ia bertemu {}Budi.", "Dr. ".repeat(60_000)),
    );
}
