//! Writing reviewed beads in the formats people and tools read. Each writer
//! streams to any `Write` and knows nothing of how the beads were found.

mod csv_out;
mod ladder;

use std::io::{self, Write};
use std::ops::Range;

use crate::align::Bead;
use crate::segment::Sentence;

pub use ladder::{format_bead as ladder_line, parse as parse_ladder};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per pair: pair,type,src_idx,tgt_idx,source,target,score
    Csv,
    /// One bead a line, `[0, 1]:[0]`, 0-based sentence numbers
    Ladder,
}

/// An alignment ready to be written: the beads and the sentences they index.
pub struct Aligned<'a> {
    pub src: &'a [Sentence],
    pub tgt: &'a [Sentence],
    pub beads: &'a [Bead],
}

impl Aligned<'_> {
    /// The text of a range of source (or target) sentences, joined by a space.
    fn join(sentences: &[Sentence], range: &Range<usize>) -> String {
        sentences[range.clone()]
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `4`, `4-5`, or empty for no sentence.
pub fn index_range(r: &Range<usize>) -> String {
    match r.len() {
        0 => String::new(),
        1 => r.start.to_string(),
        _ => format!("{}-{}", r.start, r.end - 1),
    }
}

/// Write `aligned` in `format`.
pub fn write(format: Format, aligned: &Aligned, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Csv => csv_out::write(aligned, out),
        Format::Ladder => ladder::write(aligned.beads, out),
    }
}
