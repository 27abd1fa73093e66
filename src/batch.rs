//! `selaras batch`: many article pairs from a list, aligned in parallel and
//! written in list order — one file a pair, or one JSON Lines stream. A pair
//! that fails is reported and skipped; the others are still written.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cli::BatchArgs;
use crate::files::{read_text, write_output};
use crate::pair::{Aligner, Pair};
use selaras::output::{self, Format};
use selaras::{Bead, Error, Result};

/// How many pairs are aligned at once before they are written: enough to keep
/// every core busy, few enough to keep memory flat on long lists.
const CHUNK_PER_THREAD: usize = 4;

/// The pairs of a list file: `SOURCE<TAB>TARGET`, relative to its folder.
fn read_list(path: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let base = path.parent().unwrap_or(Path::new(""));
    let mut pairs = Vec::new();
    for (n, line) in read_text(path)?.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (src, tgt) = line.split_once('\t').ok_or_else(|| Error::Parse {
            path: path.to_path_buf(),
            line: n + 1,
            message: "expected SOURCE<TAB>TARGET".into(),
        })?;
        pairs.push((base.join(src.trim()), base.join(tgt.trim())));
    }
    Ok(pairs)
}

/// Output files of the pairs in `dir`: each source file's name with the
/// format's extension (`artikel.id.txt` → `artikel.id.csv`), prefixed with
/// its folder's name where two sources share a name (`ekspor-nikel-id.csv`).
fn out_paths(dir: &Path, pairs: &[(PathBuf, PathBuf)], format: Format) -> Result<Vec<PathBuf>> {
    let name = |p: &Path| {
        p.file_stem()
            .map_or_else(|| "pair".into(), |s| s.to_string_lossy().into_owned())
    };
    let folder = |p: &Path| {
        p.parent()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
    };
    let stems: Vec<String> = pairs.iter().map(|(src, _)| name(src)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(pairs.len());
    for ((src, _), stem) in pairs.iter().zip(&stems) {
        let shared = stems.iter().filter(|s| *s == stem).count() > 1;
        let file = match (shared, folder(src)) {
            (true, Some(f)) => format!("{f}-{stem}.{}", format.extension()),
            _ => format!("{stem}.{}", format.extension()),
        };
        let path = dir.join(file);
        if !seen.insert(path.clone()) {
            return Err(Error::Usage(format!(
                "two pairs would both write {}; give their source files different names",
                path.display()
            )));
        }
        out.push(path);
    }
    Ok(out)
}

/// Totals for the closing summary line.
#[derive(Default)]
struct Tally {
    documents: usize,
    failed: usize,
    beads: Vec<Bead>,
}

pub fn run(args: BatchArgs) -> Result<()> {
    let pairs = read_list(&args.list)?;
    let aligner = Aligner::new(&args.aligner)?;
    let format = args.format.unwrap_or(Format::Csv);
    let targets = match &args.out_dir {
        Some(dir) => {
            let paths = out_paths(dir, &pairs, format)?;
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            paths
        }
        None => Vec::new(),
    };
    let mut tally = Tally::default();
    let chunk = rayon::current_num_threads().max(1) * CHUNK_PER_THREAD;
    let mut write_all = |stream: Option<&mut dyn Write>| -> std::io::Result<()> {
        let mut stream = stream;
        for (g, group) in pairs.chunks(chunk).enumerate() {
            let done: Vec<Result<Pair>> =
                group.par_iter().map(|(s, t)| aligner.align(s, t)).collect();
            for (k, ((src, _), result)) in group.iter().zip(done).enumerate() {
                let pair = match result {
                    Ok(pair) => pair,
                    Err(e) => {
                        eprintln!("selaras: error: {e}");
                        tally.failed += 1;
                        continue;
                    }
                };
                let aligned = pair.aligned(&args.writer);
                let mut options = pair.options(&args.aligner, &args.writer);
                match (&mut stream, &args.out_dir) {
                    (Some(w), _) => {
                        options.document = Some(src.display().to_string());
                        output::write(Format::Jsonl, &aligned, &options, &mut **w)?;
                    }
                    (None, Some(_)) => {
                        let out = &targets[g * chunk + k];
                        if let Err(e) = write_output(Some(out), |w| {
                            output::write(format, &aligned, &options, w)
                        }) {
                            eprintln!("selaras: error: {e}");
                            tally.failed += 1;
                            continue;
                        }
                    }
                    (None, None) => unreachable!("a stream or a folder"),
                }
                tally.documents += 1;
                tally.beads.extend(pair.beads);
            }
        }
        Ok(())
    };
    if args.out_dir.is_some() {
        write_all(None).map_err(|source| Error::Write {
            path: args.list.clone(),
            source,
        })?;
    } else {
        write_output(args.output.as_deref(), |w| write_all(Some(w)))?;
    }
    eprintln!(
        "selaras: {} documents aligned, {} failed; {}",
        tally.documents,
        tally.failed,
        crate::summary(&tally.beads)
    );
    if tally.failed > 0 {
        return Err(Error::Incomplete(format!(
            "{} of {} pairs failed (see above)",
            tally.failed,
            pairs.len()
        )));
    }
    Ok(())
}
