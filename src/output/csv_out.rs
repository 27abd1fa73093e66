//! CSV and TSV for spreadsheets and scripts: RFC 4180, UTF-8, a header row;
//! for Excel, a byte-order mark and CRLF so it reads Indonesian text right.

use std::io::{self, Write};

use super::Aligned;

pub const HEADER: [&str; 8] = [
    "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags",
];

pub fn write(aligned: &Aligned, delimiter: u8, excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let terminator = if excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(out);
    w.write_record(HEADER)?;
    for r in aligned.records() {
        w.write_record([
            r.pair.to_string(),
            r.kind(),
            r.src_idx(),
            r.tgt_idx(),
            r.source.clone(),
            r.target.clone(),
            r.score(),
            r.flag_codes(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
