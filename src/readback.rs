//! A corrected alignment read back: the CSV or TSV that `align` writes (and
//! the review page saves), or its XLSX's rows, after a reviewer edited the
//! `status` column and the index columns; or a ladder whose lines may end in
//! a status word. [`check`] holds it against the two articles: every
//! sentence once, in order.
//!
//! Only `src_idx`, `tgt_idx` and `status` are read: a reviewer merges two
//! rows by writing `4-5` in one and clearing the other's indices, splits one
//! by adding a row, and the texts, scores and flags may say anything.

use std::ops::Range;

use crate::output::parse_ladder_lines;
use crate::review::Status;

/// One pair of a corrected alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it is in the file: the spreadsheet row (the header is row 1),
    /// or the ladder's line.
    pub row: usize,
    /// Source sentence numbers (0-based, end exclusive).
    pub src: Range<usize>,
    /// Target sentence numbers.
    pub tgt: Range<usize>,
    /// The reviewer's decision.
    pub status: Status,
}

/// What is wrong with a corrected alignment, and on which row (0: the file
/// as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet row or ladder line.
    pub row: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

fn fail<T>(row: usize, message: impl Into<String>) -> Result<T, RowError> {
    Err(RowError {
        row,
        message: message.into(),
    })
}

/// An index cell: empty, `4`, or `4-5` (an en dash or `4–5` too).
fn index_cell(cell: &str, column: &str, row: usize) -> Result<Range<usize>, RowError> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(0..0);
    }
    let bad = || {
        fail(
            row,
            format!("{column} '{cell}' is not a sentence number: write 4, 4-5, or leave it empty"),
        )
    };
    let number = |s: &str| s.trim().parse::<usize>();
    let (a, b) = match cell.split_once(['-', '–']) {
        Some((a, b)) => (number(a), number(b)),
        None => (number(cell), number(cell)),
    };
    match (a, b) {
        (Ok(a), Ok(b)) if a <= b => Ok(a..b + 1),
        (Ok(a), Ok(b)) => fail(
            row,
            format!("{column} '{cell}' runs backwards: write {b}-{a}"),
        ),
        _ => bad(),
    }
}

/// Rows of cells, the first the header, as any table reader gives them.
/// A row with both index cells empty is skipped: what is left of a row
/// merged into another.
pub fn from_table(rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<Row>, RowError> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return fail(
            0,
            "the file is empty; give the CSV, TSV or XLSX that align wrote",
        );
    };
    let find = |name: &str| {
        header.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    };
    let (Some(src_col), Some(tgt_col)) = (find("src_idx"), find("tgt_idx")) else {
        return fail(
            1,
            "no src_idx and tgt_idx columns in the header; give the CSV, TSV or XLSX that align wrote",
        );
    };
    let status_col = find("status");
    let mut out = Vec::new();
    for (k, cells) in rows.enumerate() {
        let row = k + 2;
        let cell = |c: usize| cells.get(c).map_or("", String::as_str);
        let src = index_cell(cell(src_col), "src_idx", row)?;
        let tgt = index_cell(cell(tgt_col), "tgt_idx", row)?;
        let status = status_col.map_or("", cell);
        let Some(status) = Status::parse(status) else {
            return fail(
                row,
                format!("status '{status}' is not confirmed, rejected or blank"),
            );
        };
        if src.is_empty() && tgt.is_empty() {
            continue;
        }
        out.push(Row {
            row,
            src,
            tgt,
            status,
        });
    }
    Ok(out)
}

/// A CSV (`b','`) or a TSV (`b'\t'`, cells unquoted as `align` writes them).
pub fn from_delimited(text: &str, delimiter: u8) -> Result<Vec<Row>, RowError> {
    let text = text.trim_start_matches('\u{feff}');
    if delimiter == b'\t' {
        return from_table(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split('\t').map(String::from).collect()),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(|e| RowError {
            row: k + 1,
            message: format!("not CSV: {e}"),
        })?;
        rows.push(record.iter().map(String::from).collect());
    }
    from_table(rows)
}

/// A ladder, each line optionally followed by `confirmed` or `rejected`:
/// `[4, 5]:[3] confirmed`.
pub fn from_ladder(text: &str) -> Result<Vec<Row>, RowError> {
    let mut statuses = Vec::new();
    let mut bare = String::new();
    for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            bare.push('\n');
            continue;
        }
        let (bead, word) = match line.rfind(']') {
            Some(end) => line.split_at(end + 1),
            None => (line, ""),
        };
        let Some(status) = Status::parse(word) else {
            return fail(
                n + 1,
                format!("'{}' is not confirmed, rejected or nothing", word.trim()),
            );
        };
        statuses.push(status);
        bare.push_str(bead);
        bare.push('\n');
    }
    let beads = parse_ladder_lines(&bare).map_err(|(row, message)| RowError { row, message })?;
    let mut out = Vec::new();
    for (line, (src, tgt)) in beads {
        let status = statuses[out.len()];
        let range = |v: &[usize], side: &str| -> Result<Range<usize>, RowError> {
            match (v.first(), v.last()) {
                (Some(&a), Some(&b)) if v.windows(2).all(|w| w[1] == w[0] + 1) => Ok(a..b + 1),
                (None, _) => Ok(0..0),
                _ => fail(line, format!("the {side} sentences are not consecutive")),
            }
        };
        out.push(Row {
            row: line,
            src: range(&src, "source")?,
            tgt: range(&tgt, "target")?,
            status,
        });
    }
    Ok(out)
}

/// Every sentence of both articles in exactly one row, in order. An empty
/// side gets its place (`5..5` after sentence 4), as the aligner's beads have.
pub fn check(rows: &mut [Row], src_len: usize, tgt_len: usize) -> Result<(), RowError> {
    let (mut i, mut j) = (0, 0);
    for r in rows.iter_mut() {
        for (range, next, len, side) in [
            (&mut r.src, &mut i, src_len, "source"),
            (&mut r.tgt, &mut j, tgt_len, "target"),
        ] {
            if Range::is_empty(range) {
                *range = *next..*next;
                continue;
            }
            if range.end > len {
                return fail(
                    r.row,
                    format!(
                        "{side} sentence {} does not exist: the {side} article has {len} (0 to {})",
                        range.end - 1,
                        len.saturating_sub(1)
                    ),
                );
            }
            if range.start < *next {
                return fail(
                    r.row,
                    format!(
                        "{side} sentence {} is already in an earlier row: each sentence goes in one row, in order",
                        range.start
                    ),
                );
            }
            if range.start > *next {
                return fail(
                    r.row,
                    format!(
                        "{side} sentence {} is in no row: add it to this row or the one before",
                        *next
                    ),
                );
            }
            *next = range.end;
        }
    }
    let last = rows.last().map_or(1, |r| r.row);
    for (next, len, side) in [(i, src_len, "source"), (j, tgt_len, "target")] {
        if next < len {
            return fail(
                last,
                format!(
                    "{side} sentences {next} to {} are in no row: add them after the last row",
                    len - 1
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any alignment `align` could write reads back and passes; with
        /// one row dropped or given twice it fails, naming a row at or after
        /// it (or the last row, for a sentence missing at the end).
        #[test]
        fn every_cover_passes_and_every_gap_or_repeat_fails(
            sizes in proptest::collection::vec((0usize..4, 0usize..4), 1..30),
            pick in any::<proptest::sample::Index>(),
            drop_it in any::<bool>(),
        ) {
            let sizes: Vec<_> = sizes.into_iter().filter(|&(a, b)| a + b > 0).collect();
            prop_assume!(!sizes.is_empty());
            let (mut i, mut j, mut ladder) = (0, 0, String::new());
            for &(a, b) in &sizes {
                ladder += &crate::output::ladder_line(&(i..i + a), &(j..j + b));
                ladder.push('\n');
                (i, j) = (i + a, j + b);
            }
            let mut rows = from_ladder(&ladder).unwrap();
            check(&mut rows, i, j).unwrap();
            let k = pick.index(rows.len());
            let mut bad = rows.clone();
            if drop_it {
                bad.remove(k);
            } else {
                let again = bad[k].clone();
                bad.insert(k + 1, again);
            }
            let e = check(&mut bad, i, j).unwrap_err();
            // A last row dropped is missed after the row before it.
            let last = drop_it && k + 1 == rows.len();
            prop_assert!(e.row >= rows[k].row || last, "{e:?} before row {}", rows[k].row);
        }
    }

    fn table(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split(',').map(String::from).collect())
            .collect()
    }

    #[test]
    fn index_edits_and_statuses_read_back() {
        let mut rows = from_table(table(&[
            "pair,src_idx,tgt_idx,status",
            "1,0-1,0,confirmed",
            "2,,,",
            "3,2,,rejected",
            "4,,1 – 2,",
        ]))
        .unwrap();
        assert_eq!(
            rows,
            [
                Row {
                    row: 2,
                    src: 0..2,
                    tgt: 0..1,
                    status: Status::Confirmed
                },
                Row {
                    row: 4,
                    src: 2..3,
                    tgt: 0..0,
                    status: Status::Rejected
                },
                Row {
                    row: 5,
                    src: 0..0,
                    tgt: 1..3,
                    status: Status::Unreviewed
                },
            ]
        );
        check(&mut rows, 3, 3).unwrap();
        assert_eq!((rows[1].tgt.clone(), rows[2].src.clone()), (1..1, 3..3));
    }

    #[test]
    fn each_mistake_names_its_row() {
        let err = |lines: &[&str], n: usize| {
            let mut rows = from_table(table(lines))?;
            check(&mut rows, n, n)
        };
        let e = err(&["src_idx,tgt_idx", "0,0", "2,1"], 3).unwrap_err();
        assert_eq!(e.row, 3);
        assert!(
            e.message.contains("source sentence 1 is in no row"),
            "{e:?}"
        );
        let e = err(&["src_idx,tgt_idx", "0-1,0", "1,1"], 2).unwrap_err();
        assert!(
            e.row == 3 && e.message.contains("already in an earlier row"),
            "{e:?}"
        );
        let e = err(&["src_idx,tgt_idx", "0,0-5"], 2).unwrap_err();
        assert!(
            e.message.contains("target sentence 5 does not exist"),
            "{e:?}"
        );
        let e = err(&["src_idx,tgt_idx", "0,0"], 2).unwrap_err();
        assert!(e.message.contains("1 to 1 are in no row"), "{e:?}");
        let e = err(&["src_idx,tgt_idx,status", "x,0,"], 1).unwrap_err();
        assert!(
            e.row == 2 && e.message.contains("not a sentence number"),
            "{e:?}"
        );
        let e = err(&["src_idx,tgt_idx,status", "0,0,maybe"], 1).unwrap_err();
        assert!(e.message.contains("'maybe'"), "{e:?}");
        let e = err(&["source,target", "a,b"], 1).unwrap_err();
        assert!(e.row == 1 && e.message.contains("src_idx"), "{e:?}");
    }

    #[test]
    fn ladders_and_tsv_read_back() {
        let mut rows =
            from_ladder("# a comment\n[0, 1]:[0] confirmed\n[]:[1]\n[2]:[2] rejected\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[0].src.clone(), rows[0].status),
            (0..2, Status::Confirmed)
        );
        assert_eq!(rows[2].status, Status::Rejected);
        check(&mut rows, 3, 3).unwrap();
        assert_eq!(from_ladder("[0]:[0] perhaps\n").unwrap_err().row, 1);
        let tsv = "\u{feff}pair\tsrc_idx\ttgt_idx\tstatus\r\n1\t0\t0\tconfirmed\r\n";
        let rows = from_delimited(tsv, b'\t').unwrap();
        assert_eq!(rows[0].status, Status::Confirmed);
    }
}
