//! `selaras batch`: many article pairs from a list, aligned in parallel and
//! written in list order — one file a pair, or one JSON Lines stream, or one
//! TMX memory whose units each name their document. A pair
//! that fails is reported and skipped; the others are still written.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cli::BatchArgs;
use crate::files::{is_stdio, read_bytes, refuse_overwrite};
use crate::options;
use crate::pair::{Aligner, Pair};
use crate::report;
use crate::write::write_output;
use selaras::output::{self, Format};
use selaras::{Error, Result};

/// How many pairs are aligned at once before they are written: enough to keep
/// every core busy, few enough to keep memory flat on long lists.
const CHUNK_PER_THREAD: usize = 4;

/// The pairs of a list file: `SOURCE<TAB>TARGET` a line, relative to its
/// folder. Names are taken byte for byte as the file system has them (no
/// decoding, normalising or trimming; only a line's final CR is dropped, for
/// lists saved on Windows). Blank lines and lines starting with `#` are
/// skipped, by that rule alone: a file whose name starts with `#` is listed
/// as `./#1.txt`, as in a shell.
fn read_list(path: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let base = if is_stdio(path) {
        Path::new("")
    } else {
        path.parent().unwrap_or(Path::new(""))
    };
    let bytes = read_bytes(path)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut pairs = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let bad = |message: String| Error::Parse {
            path: path.to_path_buf(),
            line: n + 1,
            message,
        };
        if line.trim_ascii().is_empty() || line.starts_with(b"#") {
            continue;
        }
        let fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        match fields[..] {
            [src, tgt] if !src.is_empty() && !tgt.is_empty() => {
                // In a list, `-` is a file of that name, not standard input.
                let name = |f: &[u8]| match f {
                    b"-" => base.join(".").join("-"),
                    _ => base.join(OsStr::from_bytes(f)),
                };
                pairs.push((name(src), name(tgt)));
            }
            [_] => return Err(bad("expected SOURCE<TAB>TARGET; found no tab".into())),
            [_, _] => return Err(bad("a file name is empty; give SOURCE<TAB>TARGET".into())),
            _ => {
                return Err(bad(format!(
                    "expected SOURCE<TAB>TARGET; found {} tab-separated columns",
                    fields.len()
                )));
            }
        }
    }
    Ok(pairs)
}

/// The `doc` key of each pair in a JSON Lines stream: the source as listed,
/// and `#2`, `#3`… after it when the same source comes again, so every
/// document has its own key.
fn doc_keys(pairs: &[(PathBuf, PathBuf)]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    pairs
        .iter()
        .map(|(src, _)| {
            let name = src.display().to_string();
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            if *n == 1 { name } else { format!("{name}#{n}") }
        })
        .collect()
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
    pairs: crate::Summary,
}

/// The format of the files written: with `--out-dir`, `--format` or CSV;
/// else the one JSON Lines stream (or TMX memory), which `-o` and `--format`
/// choose between.
fn format(args: &BatchArgs) -> Result<Format> {
    let format = if args.out_dir.is_some() {
        args.format.unwrap_or(Format::Csv)
    } else {
        let f = options::format_for(args.format, args.output.as_deref(), Format::Jsonl)?;
        if !matches!(f, Format::Jsonl | Format::Tmx) {
            return Err(Error::Usage(format!(
                "batch without --out-dir writes one JSON Lines stream or one TMX memory, not {}: name it .jsonl or .tmx, \
                 or give --out-dir DIR --format {}",
                f.extension(),
                f.extension()
            )));
        }
        f
    };
    options::check_writer(format, &args.writer)?;
    Ok(format)
}

pub fn run(args: BatchArgs) -> Result<()> {
    options::threads(args.threads.count)?;
    let format = format(&args)?;
    let mut inputs: Vec<&Path> = vec![&args.list];
    inputs.extend(args.aligner.dict.iter().map(PathBuf::as_path));
    crate::files::stdin_once(inputs.iter().copied())?;
    let pairs = read_list(&args.list)?;
    inputs.extend(pairs.iter().flat_map(|(s, t)| [s.as_path(), t.as_path()]));
    let aligner = Aligner::new(&args.aligner)?.reviewing_for(format, &args.writer);
    let docs = doc_keys(&pairs);
    let targets = match &args.out_dir {
        Some(dir) => {
            let paths = out_paths(dir, &pairs, format)?;
            refuse_overwrite(paths.iter().map(|p| Some(p.as_path())), &inputs)?;
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            paths
        }
        None => {
            refuse_overwrite([args.output.as_deref()], &inputs)?;
            Vec::new()
        }
    };
    let mut tally = Tally::default();
    let chunk = rayon::current_num_threads().max(1) * CHUNK_PER_THREAD;
    let mut write_all = |stream: Option<&mut dyn Write>| -> std::io::Result<()> {
        let mut stream = stream;
        for (g, group) in pairs.chunks(chunk).enumerate() {
            let done: Vec<Result<Pair>> =
                group.par_iter().map(|(s, t)| aligner.align(s, t)).collect();
            for (k, result) in done.into_iter().enumerate() {
                let pair = match result {
                    Ok(pair) => pair,
                    Err(e) => {
                        report::error(&e);
                        tally.failed += 1;
                        continue;
                    }
                };
                for warning in &pair.warnings {
                    report::warn(format_args!("{}: {warning}", docs[g * chunk + k]));
                }
                match (&mut stream, &args.out_dir) {
                    (Some(w), _) => {
                        let doc = &docs[g * chunk + k];
                        match format {
                            Format::Tmx => {
                                let mut options = pair.options(&args.aligner, &args.writer);
                                options.document = Some(doc.clone());
                                let aligned = pair.aligned(&args.writer);
                                output::tmx_units(&aligned, &options, &mut **w)?
                            }
                            _ => pair.write_jsonl(doc, &args.aligner, &args.writer, *w)?,
                        }
                    }
                    (None, Some(_)) => {
                        let aligned = pair.aligned(&args.writer);
                        let options = pair.options(&args.aligner, &args.writer);
                        let out = &targets[g * chunk + k];
                        for warning in output::warnings(format, &aligned) {
                            report::warn(format_args!("{}: {warning}", out.display()));
                        }
                        if let Err(e) = write_output(Some(out), |w| {
                            output::write(format, &aligned, &options, w)
                        }) {
                            report::error(&e);
                            tally.failed += 1;
                            continue;
                        }
                    }
                    (None, None) => unreachable!("a stream or a folder"),
                }
                tally.documents += 1;
                tally.pairs.add(&pair.beads);
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
        let memory = crate::pair::options_for(&args.aligner, &args.writer, None);
        write_output(args.output.as_deref(), |w| {
            if format == Format::Tmx {
                output::tmx_begin(&memory, w)?;
            }
            write_all(Some(&mut *w))?;
            match format {
                Format::Tmx => output::tmx_end(w),
                _ => Ok(()),
            }
        })?;
    }
    report::say(format_args!(
        "{} documents aligned, {} failed; {}",
        tally.documents,
        tally.failed,
        tally.pairs.line(aligner.reviews())
    ));
    if tally.failed > 0 {
        return Err(Error::Incomplete(format!(
            "{} of {} pairs failed (see above)",
            tally.failed,
            pairs.len()
        )));
    }
    Ok(())
}
