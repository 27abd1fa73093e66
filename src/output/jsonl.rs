//! JSON Lines: one object a pair, for scripts and corpus pipelines.

use std::io::{self, Write};

use serde::Serialize;

use super::Aligned;

#[derive(Serialize)]
struct Line<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<&'a str>,
    pair: usize,
    #[serde(rename = "type")]
    kind: String,
    src_idx: Vec<usize>,
    tgt_idx: Vec<usize>,
    source: &'a str,
    target: &'a str,
    score: f64,
    flags: Vec<&'static str>,
    notes: Vec<&'a str>,
    /// Only where a reviewer decided: `confirmed`, `rejected`.
    #[serde(skip_serializing_if = "str::is_empty")]
    status: &'static str,
}

/// One line a pair; `doc` names the document in a batch stream.
pub fn write(aligned: &Aligned, doc: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    for r in aligned.records() {
        let line = Line {
            doc,
            pair: r.pair,
            kind: r.kind(),
            src_idx: r.reviewed.src.clone().collect(),
            tgt_idx: r.reviewed.tgt.clone().collect(),
            source: &r.source,
            target: &r.target,
            // Three decimals, as in the other formats.
            score: (r.reviewed.score() * 1000.0).round() / 1000.0,
            flags: r.reviewed.flags.iter().map(|f| f.code()).collect(),
            notes: r.reviewed.flags.iter().map(|f| f.note.as_str()).collect(),
            status: r.status(),
        };
        // `From` gives back the io::Error inside (a closed pipe stays one).
        serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
