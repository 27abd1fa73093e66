//! The ladder format: one bead a line, `[src...]:[tgt...]`, 0-based sentence
//! numbers, `[]:[5]` for a sentence aligned to nothing (as in Bleualign and
//! Vecalign).

use std::io::{self, Write};
use std::ops::Range;

use super::Aligned;

fn list(r: &Range<usize>) -> String {
    r.clone()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One ladder line: `[0, 1]:[0]`, `[]:[5]` for an unaligned sentence.
pub fn format_bead(src: &Range<usize>, tgt: &Range<usize>) -> String {
    format!("[{}]:[{}]", list(src), list(tgt))
}

pub fn write(aligned: &Aligned, out: &mut dyn Write) -> io::Result<()> {
    for r in aligned.records() {
        writeln!(out, "{}", format_bead(&r.reviewed.src, &r.reviewed.tgt))?;
    }
    out.flush()
}

/// A ladder bead as two index lists (gold ladders need not be contiguous).
pub type LadderBead = (Vec<usize>, Vec<usize>);

/// Parse a ladder; the error is (line number, what is wrong).
pub fn parse(text: &str) -> Result<Vec<LadderBead>, (usize, String)> {
    Ok(parse_lines(text)?.into_iter().map(|(_, b)| b).collect())
}

/// Parse a ladder, keeping each bead's 1-based line number.
pub fn parse_lines(text: &str) -> Result<Vec<(usize, LadderBead)>, (usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = || {
            (
                n + 1,
                format!("expected a bead like [0, 1]:[2], found '{line}'"),
            )
        };
        let (s, t) = line.split_once("]:[").ok_or_else(bad)?;
        let s = s.strip_prefix('[').ok_or_else(bad)?;
        let t = t.strip_suffix(']').ok_or_else(bad)?;
        let nums = |x: &str| -> Result<Vec<usize>, (usize, String)> {
            x.split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| v.parse().map_err(|_| bad()))
                .collect()
        };
        out.push((n + 1, (nums(s)?, nums(t)?)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        assert_eq!(format_bead(&(3..5), &(7..8)), "[3, 4]:[7]");
        assert_eq!(format_bead(&(0..0), &(2..3)), "[]:[2]");
        let parsed = parse("[3, 4]:[7]\n[]:[2]\n\n[5]:[]\n").unwrap();
        assert_eq!(
            parsed,
            vec![(vec![3, 4], vec![7]), (vec![], vec![2]), (vec![5], vec![])]
        );
        assert_eq!(parse("[1]:[2]\n[x]:[3]\n").unwrap_err().0, 2);
    }
}
