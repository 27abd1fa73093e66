//! A reviewer's corrected alignment file, read for `apply` and `align
//! --fixed`: the CSV the review page saves or `align` wrote, a TSV, an XLSX
//! (its `pairs` sheet), or a ladder with status words; checked against the
//! two articles.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use selaras::readback::{self, Row, RowError};
use selaras::{Document, Error, Result, text};

use crate::files::read_bytes;

/// The rows of `path`, each sentence of `src` and `tgt` in one of them, in order.
pub fn read(path: &Path, src: &Document, tgt: &Document) -> Result<Vec<Row>> {
    let at = |e: RowError| Error::Row {
        path: path.to_path_buf(),
        row: e.row,
        message: e.message,
    };
    let bytes = read_bytes(path)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let mut rows = match ext.as_deref() {
        Some("xlsx") => readback::from_table(xlsx_rows(path, bytes)?).map_err(at)?,
        _ => {
            let text = text::decode(&bytes, path)?.text;
            match ext.as_deref() {
                Some("tsv" | "tab") => readback::from_delimited(&text, b'\t'),
                Some("ladder") => readback::from_ladder(&text),
                _ => readback::from_delimited(&text, b','),
            }
            .map_err(at)?
        }
    };
    readback::check(&mut rows, src.sentences.len(), tgt.sentences.len()).map_err(at)?;
    Ok(rows)
}

/// The cells of the workbook's `pairs` sheet (else its first), as text; a
/// one-sentence index is a number there, written back without `.0`.
fn xlsx_rows(path: &Path, bytes: Vec<u8>) -> Result<Vec<Vec<String>>> {
    let bad = |why: String| Error::Row {
        path: path.to_path_buf(),
        row: 0,
        message: format!("not a workbook selaras can read ({why}); give the XLSX align wrote"),
    };
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| bad(e.to_string()))?;
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| n.as_str() == "pairs")
        .or(names.first())
        .cloned()
        .ok_or_else(|| bad("no sheet".into()))?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| bad(e.to_string()))?;
    Ok(range
        .rows()
        .map(|cells| {
            cells
                .iter()
                .map(|c| match *c {
                    Data::Float(f) if f.fract() == 0.0 && f >= 0.0 => format!("{}", f as u64),
                    Data::Int(i) => i.to_string(),
                    ref other => other.to_string(),
                })
                .collect()
        })
        .collect())
}
