//! Checks of the command line that clap cannot express: which format an
//! output gets, and options that contradict it. Each failure is a usage
//! error (exit 2), never a silently ignored option.

use std::io::IsTerminal;
use std::path::Path;

use selaras::output::Format;
use selaras::{Error, Result};

use crate::cli::WriterArgs;
use crate::files::is_stdio;

fn usage(message: String) -> Error {
    Error::Usage(message)
}

/// The format for `-o path`: `--format` if given (and the extension does
/// not name another one), else the extension, else `default`. An extension
/// that names no format selaras writes (`.xls`, `.docx`) is refused unless
/// `--format` says what to write.
pub fn format_for(flag: Option<Format>, output: Option<&Path>, default: Format) -> Result<Format> {
    let Some(path) = output.filter(|p| !is_stdio(p)) else {
        return Ok(flag.unwrap_or(default));
    };
    let Some(ext) = path.extension() else {
        return Ok(flag.unwrap_or(default));
    };
    match (flag, Format::from_path(path)) {
        (Some(f), Some(named)) if f != named => Err(usage(format!(
            "-o {}: the name says {} but --format says {}; make them agree",
            path.display(),
            named.extension(),
            f.extension()
        ))),
        (Some(f), _) => Ok(f),
        (None, Some(named)) => Ok(named),
        (None, None) => Err(usage(format!(
            "-o {}: selaras does not write .{} files; use .csv, .tsv, .jsonl, .tmx, .xlsx, \
             .html or .ladder, or say which with --format",
            path.display(),
            ext.to_string_lossy()
        ))),
    }
}

/// Writer options that only some formats use, given with another one.
pub fn check_writer(format: Format, w: &WriterArgs) -> Result<()> {
    if w.excel && !matches!(format, Format::Csv | Format::Tsv) {
        return Err(usage(format!(
            "--excel shapes CSV and TSV for Excel; it does nothing for {}: drop it or write .csv",
            format.extension()
        )));
    }
    if w.tmx_unaligned && format != Format::Tmx {
        return Err(usage(format!(
            "--tmx-unaligned is for TMX output; {} always keeps unaligned sentences: drop it",
            format.extension()
        )));
    }
    Ok(())
}

/// XLSX is binary: never to a terminal.
pub fn check_binary(format: Format, output: Option<&Path>) -> Result<()> {
    let to_stdout = output.is_none_or(is_stdio);
    if format == Format::Xlsx && to_stdout && std::io::stdout().is_terminal() {
        return Err(usage(
            "xlsx is a binary format: give a file with -o pairs.xlsx, or redirect the output"
                .into(),
        ));
    }
    Ok(())
}

/// `--threads N`: how many pairs are aligned at once; without it one a core
/// (or `RAYON_NUM_THREADS`).
pub fn threads(n: Option<usize>) -> Result<()> {
    if let Some(n) = n {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Error::Internal(format!("cannot start {n} threads: {e}")))?;
    }
    Ok(())
}
