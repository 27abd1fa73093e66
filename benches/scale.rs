//! Scale benchmark: time and peak memory of `selaras align` on long inputs of
//! every shape, run as a user runs it (the release binary, `--sentences`,
//! ladder out), one child process per case.
//!
//! Inputs are built from `../shared/data` (skipped with a note when absent):
//! - `tb`: Text+Berg dev + test, German and French, each side repeated to size;
//! - `pud`: UD PUD `# text` / `# text_en` lines, repeated to size;
//! - `pud-shuffled`: PUD pairs drawn in a seeded random order, so that no
//!   stretch repeats another (in a repeated text, a shifted alignment is as
//!   good as the right one, and an insertion cannot be told from one at the
//!   other end);
//! - insertion: 10% unrelated sentences (Text+Berg French) inserted at the
//!   start of the English side; the bench counts how many come out unaligned;
//! - imbalance: 1,000 sentences against 50,000, both ways.
//!
//! `cargo bench --bench scale` (all sizes; `-- --quick` stops at 50,000;
//! `-- --set NAME=VALUE` tries a tunable).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Case {
    name: String,
    src: Vec<String>,
    tgt: Vec<String>,
    langs: (&'static str, &'static str),
    /// Target sentences `0..inserted` are unrelated to the source.
    inserted: usize,
}

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    dir.exists().then_some(dir)
}

fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

fn pud_side(dir: &Path, key: &str) -> Vec<String> {
    lines(&dir.join("ud-pud/id_pud-ud-test.conllu"))
        .into_iter()
        .filter_map(|l| l.strip_prefix(key).map(str::to_string))
        .collect()
}

fn repeat(base: &[String], n: usize) -> Vec<String> {
    base.iter().cycle().take(n).cloned().collect()
}

/// A small seeded generator: the same inputs on every run.
fn draws(n: usize, below: usize, mut x: u64) -> Vec<usize> {
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % below
        })
        .collect()
}

fn cases(dir: &Path, quick: bool) -> Vec<Case> {
    let tb_dir = dir.join("textberg");
    let read_tb = |ext: &str| -> Vec<String> {
        [
            "dev", "test0", "test1", "test2", "test3", "test4", "test5", "test6",
        ]
        .iter()
        .flat_map(|s| lines(&tb_dir.join(format!("{s}.{ext}"))))
        .collect()
    };
    let (de, fr) = (read_tb("de"), read_tb("fr"));
    let (id, en) = (pud_side(dir, "# text = "), pud_side(dir, "# text_en = "));
    let sizes: &[usize] = if quick {
        &[5_000, 50_000]
    } else {
        &[5_000, 50_000, 200_000]
    };
    const DE_FR: (&str, &str) = ("de", "fr");
    const ID_EN: (&str, &str) = ("id", "en");
    let case = |name: String, src, tgt, langs, inserted| Case {
        name,
        src,
        tgt,
        langs,
        inserted,
    };
    let mut out = Vec::new();
    for &n in sizes {
        out.push(case(
            format!("tb {n}"),
            repeat(&de, n),
            repeat(&fr, n),
            DE_FR,
            0,
        ));
        out.push(case(
            format!("pud {n}"),
            repeat(&id, n),
            repeat(&en, n),
            ID_EN,
            0,
        ));
    }
    let n = 50_000;
    let order = draws(n, id.len(), 1);
    let shuffled =
        |side: &[String]| -> Vec<String> { order.iter().map(|&k| side[k].clone()).collect() };
    let unrelated: Vec<String> = draws(n / 10, fr.len(), 2)
        .into_iter()
        .map(|k| fr[k].clone())
        .collect();
    let with_insertion =
        |tgt: Vec<String>| -> Vec<String> { unrelated.iter().cloned().chain(tgt).collect() };
    let (sid, sen) = (shuffled(&id), shuffled(&en));
    let ins = n / 10;
    out.extend([
        case(
            format!("pud-shuffled {n}"),
            sid.clone(),
            sen.clone(),
            ID_EN,
            0,
        ),
        case(
            format!("pud-shuffled {n} +10% inserted"),
            sid.clone(),
            with_insertion(sen.clone()),
            ID_EN,
            ins,
        ),
        case(
            format!("pud {n} +10% inserted"),
            repeat(&id, n),
            with_insertion(repeat(&en, n)),
            ID_EN,
            ins,
        ),
        case(
            format!("tb {n} +10% inserted"),
            repeat(&de, n),
            with_insertion(repeat(&fr, n)),
            DE_FR,
            ins,
        ),
        case(
            "pud-shuffled 1,000 : 50,000".into(),
            sid[..1000].to_vec(),
            sen.clone(),
            ID_EN,
            0,
        ),
        case(
            "pud-shuffled 50,000 : 1,000".into(),
            sid,
            sen[..1000].to_vec(),
            ID_EN,
            0,
        ),
    ]);
    out
}

/// Peak resident memory of a finished child, in bytes (Linux `wait4`).
fn run(cmd: &mut Command) -> (f64, u64) {
    let start = Instant::now();
    // Waited for below with wait4, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("selaras runs");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: pid is our child, not yet waited for; the pointers are valid.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    assert!(
        got == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "selaras failed"
    );
    (secs, usage.ru_maxrss as u64 * 1024)
}

/// Write every case's files and a manifest line each (`name\tsrc lang\ttgt
/// lang\tinserted\tsrc count\ttgt count`). Run in a child process, so that
/// the process measuring `selaras` stays small: a child's peak memory counts
/// what its parent held when it was started.
fn write_cases(dir: &Path, data: &Path, quick: bool) {
    let mut manifest = String::new();
    for (k, case) in cases(data, quick).into_iter().enumerate() {
        fs::write(dir.join(format!("{k}.src")), case.src.join("\n") + "\n").unwrap();
        fs::write(dir.join(format!("{k}.tgt")), case.tgt.join("\n") + "\n").unwrap();
        manifest += &format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            case.name,
            case.langs.0,
            case.langs.1,
            case.inserted,
            case.src.len(),
            case.tgt.len()
        );
    }
    fs::write(dir.join("manifest"), manifest).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let Some(data) = shared() else {
        println!("skipped: ../shared/data is absent (it ships beside the project in CI)");
        return;
    };
    if let Some(k) = args.iter().position(|a| a == "--write") {
        write_cases(Path::new(&args[k + 1]), &data, quick);
        return;
    }
    let sets: Vec<String> = args
        .windows(2)
        .filter(|w| w[0] == "--set")
        .flat_map(|w| ["--set".to_string(), w[1].clone()])
        .collect();
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut writer = Command::new(std::env::current_exe().unwrap());
    writer.arg("--write").arg(tmp.path());
    if quick {
        writer.arg("--quick");
    }
    assert!(
        writer.status().unwrap().success(),
        "writing the cases failed"
    );
    println!(
        "{:<34} {:>8} {:>8} {:>8} {:>8} {:>22}",
        "case", "src", "tgt", "wall s", "peak MB", "inserted"
    );
    let manifest = fs::read_to_string(tmp.path().join("manifest")).unwrap();
    for (k, line) in manifest.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, src_lang, tgt_lang) = (f[0], f[1], f[2]);
        let inserted: usize = f[3].parse().unwrap();
        let src = tmp.path().join(format!("{k}.src"));
        let tgt = tmp.path().join(format!("{k}.tgt"));
        let out = tmp.path().join("out");
        let (secs, peak) = run(Command::new(env!("CARGO_BIN_EXE_selaras"))
            .args([
                "align",
                "--sentences",
                "--format",
                "ladder",
                "--src-lang",
                src_lang,
            ])
            .args(["--tgt-lang", tgt_lang])
            .args(&sets)
            .arg(&src)
            .arg(&tgt)
            .arg("-o")
            .arg(&out)
            .stderr(std::process::Stdio::null()));
        let ladder = fs::read_to_string(&out).unwrap();
        let unaligned = if inserted == 0 {
            "-".to_string()
        } else {
            let paired = ladder
                .lines()
                .filter(|l| !l.starts_with("[]"))
                .flat_map(|l| {
                    let tgt = l.split_once(':').map_or("", |(_, t)| t);
                    let tgt = tgt.trim_matches(['[', ']']).to_string();
                    tgt.split(',')
                        .filter_map(|k| k.trim().parse::<usize>().ok())
                        .collect::<Vec<_>>()
                })
                .filter(|&j| j < inserted)
                .count();
            format!("{} of {inserted} unaligned", inserted - paired)
        };
        println!(
            "{:<34} {:>8} {:>8} {:>8.2} {:>8.0} {:>22}",
            name,
            f[4],
            f[5],
            secs,
            peak as f64 / 1e6,
            unaligned
        );
    }
    println!(
        "(one process per case: read, align twice, write the ladder — a ladder shows no QA flags, so no review; all threads)"
    );
}
