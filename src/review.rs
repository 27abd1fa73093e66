//! Review: QA flags on each bead, for the translator who checks the result.
//! It looks at the beads the aligner chose and never changes them.

use crate::align::Bead;
use crate::segment::Sentence;

/// A QA flag: something a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// One side of the bead is empty.
    Unaligned,
    /// The aligner is not sure of this bead.
    LowConfidence,
}

impl Flag {
    /// The short code used in CSV and JSON.
    pub fn code(&self) -> &'static str {
        match self {
            Flag::Unaligned => "unaligned",
            Flag::LowConfidence => "low_confidence",
        }
    }
}

/// Confidence below which a bead is flagged.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Add the flags of every bead.
pub fn review(beads: &mut [Bead], _src: &[Sentence], _tgt: &[Sentence]) {
    for bead in beads {
        bead.flags.clear();
        if bead.src.is_empty() || bead.tgt.is_empty() {
            bead.flags.push(Flag::Unaligned);
        } else if bead.confidence < LOW_CONFIDENCE {
            bead.flags.push(Flag::LowConfidence);
        }
    }
}
