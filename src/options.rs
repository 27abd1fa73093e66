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
    let tmx_only = [
        ("--tmx-skip-flagged", w.tmx_skip_flagged),
        ("--tmx-date", w.tmx_date.is_some()),
        ("--tmx-creator", w.tmx_creator.is_some()),
    ];
    if let Some((name, _)) = tmx_only.iter().find(|(_, given)| *given)
        && format != Format::Tmx
    {
        return Err(usage(format!(
            "{name} is for TMX output, not {}: drop it or write .tmx",
            format.extension()
        )));
    }
    Ok(())
}

/// The TMX creationdate for a memory made from `src`: `$SOURCE_DATE_EPOCH`
/// (reproducible builds' convention), else the file's modification time;
/// none for standard input. Never the clock: the same files give the same bytes.
pub fn tmx_date(src: &Path) -> Option<String> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<u64>().ok()?,
        Err(_) if is_stdio(src) => return None,
        Err(_) => std::fs::metadata(src)
            .and_then(|m| m.modified())
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs(),
    };
    Some(tmx_timestamp(secs))
}

/// Seconds since 1970 as TMX writes a date: `20250715T093000Z` (UTC).
fn tmx_timestamp(secs: u64) -> String {
    // Howard Hinnant's days-to-civil, for the proleptic Gregorian calendar.
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
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

#[cfg(test)]
mod tests {
    #[test]
    fn tmx_dates() {
        assert_eq!(super::tmx_timestamp(0), "19700101T000000Z");
        assert_eq!(super::tmx_timestamp(1_752_571_800), "20250715T093000Z");
        assert_eq!(super::tmx_timestamp(951_782_400), "20000229T000000Z");
    }
}
