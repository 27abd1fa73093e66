//! CSV for spreadsheets and scripts: RFC 4180, UTF-8, a header row.

use std::io::{self, Write};

use super::{Aligned, index_range};

pub const HEADER: [&str; 7] = [
    "pair", "type", "src_idx", "tgt_idx", "source", "target", "score",
];

pub fn write(aligned: &Aligned, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for (k, bead) in aligned.beads.iter().enumerate() {
        w.write_record([
            (k + 1).to_string(),
            bead.kind(),
            index_range(&bead.src),
            index_range(&bead.tgt),
            Aligned::join(aligned.src, &bead.src),
            Aligned::join(aligned.tgt, &bead.tgt),
            format!("{:.3}", bead.confidence),
        ])?;
    }
    w.flush()?;
    Ok(())
}
