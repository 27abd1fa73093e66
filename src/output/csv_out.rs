//! CSV and TSV for spreadsheets and scripts, with a header row, UTF-8.
//!
//! CSV is RFC 4180 (fields quoted where needed). TSV is what `cut`, Xbench
//! and spreadsheets read: never quoted; a tab, line break or backslash in a
//! cell is written `\t`, `\n` (`\r`), `\\`. For Excel (`--excel`): a
//! byte-order mark, CRLF, and a cell that Excel would run as a formula
//! (starting with `=`, `+`, `-`, `@`, TAB or CR) gets a leading `'`, the
//! OWASP convention against formula injection.

use std::io::{self, Write};

use super::{Aligned, Record};

/// `status` last: a reviewer fills it in (confirmed, rejected, blank) and
/// `selaras apply` reads it back.
pub const HEADER: [&str; 9] = [
    "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags", "status",
];

fn cells(r: &Record) -> [String; 9] {
    [
        r.pair.to_string(),
        r.kind(),
        r.src_idx(),
        r.tgt_idx(),
        r.source.clone(),
        r.target.clone(),
        r.score(),
        r.flag_codes(),
        r.status().to_string(),
    ]
}

/// A cell Excel will not evaluate: `'=1+1`, as OWASP recommends.
pub fn defuse(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// A TSV cell: no tab or line break inside, so every line is one row.
pub fn tsv_escape(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for c in cell.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

/// The csv crate wraps I/O errors; unwrap them so a closed pipe is still
/// seen as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn rows<'a>(aligned: &'a Aligned, excel: bool) -> impl Iterator<Item = [String; 9]> + 'a {
    let header = HEADER.map(String::from);
    std::iter::once(header).chain(aligned.records().map(move |r| {
        let row = cells(&r);
        if excel { row.map(defuse) } else { row }
    }))
}

pub fn write_csv(aligned: &Aligned, excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let terminator = if excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(out);
    for row in rows(aligned, excel) {
        w.write_record(row).map_err(io_error)?;
    }
    w.flush()
}

pub fn write_tsv(aligned: &Aligned, excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let end = if excel { "\r\n" } else { "\n" };
    for row in rows(aligned, excel) {
        let line: Vec<String> = row.iter().map(|c| tsv_escape(c)).collect();
        write!(out, "{}{end}", line.join("\t"))?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_cells_stay_on_one_line() {
        assert_eq!(tsv_escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
    }

    #[test]
    fn formulas_are_defused() {
        for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse(cell.into()), format!("'{cell}"));
        }
        assert_eq!(defuse("Harga naik.".into()), "Harga naik.");
    }
}
