//! A reviewed pair: the bead the aligner found, the QA flags the review
//! gave it, and what a reviewer decided about it. The aligner knows nothing
//! of this type; the output writers take it.

use std::ops::Deref;

use crate::align::Bead;

use super::Flag;

/// What a reviewer decided about a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nobody has looked at it yet (or said nothing).
    #[default]
    Unreviewed,
    /// A reviewer checked it: the pair is right.
    Confirmed,
    /// A reviewer marked it wrong without fixing it: it stays out of
    /// translation memories.
    Rejected,
}

impl Status {
    /// The word written in a `status` column: `confirmed`, `rejected`, or
    /// empty for an unreviewed pair.
    pub fn word(self) -> &'static str {
        match self {
            Status::Unreviewed => "",
            Status::Confirmed => "confirmed",
            Status::Rejected => "rejected",
        }
    }

    /// Read a `status` cell: `confirmed`, `rejected` or blank, in any case;
    /// `yes`/`ok`/`no` as spreadsheet users write them.
    pub fn parse(cell: &str) -> Option<Status> {
        match cell.trim().to_lowercase().as_str() {
            "" | "unreviewed" => Some(Status::Unreviewed),
            "confirmed" | "confirm" | "ok" | "yes" | "y" | "✓" => Some(Status::Confirmed),
            "rejected" | "reject" | "no" | "n" | "wrong" | "✗" => Some(Status::Rejected),
            _ => None,
        }
    }
}

/// A bead with its flags and its reviewer's status. It reads as its bead
/// (`pair.src`, `pair.confidence`), so code that only needs the alignment
/// does not care whether the pair was reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    /// The pair as the aligner (or the reviewer) drew it.
    pub bead: Bead,
    /// QA flags, in the order of [`super::FlagKind::ALL`]; empty when the
    /// pair was not reviewed or needs no look.
    pub flags: Vec<Flag>,
    /// What a reviewer decided.
    pub status: Status,
}

impl Reviewed {
    /// A pair with no flags and no decision: for outputs (a ladder) that
    /// show neither.
    pub fn bare(bead: Bead) -> Reviewed {
        Reviewed {
            bead,
            flags: Vec::new(),
            status: Status::Unreviewed,
        }
    }

    /// The score the outputs write: 1 for a confirmed pair, else the
    /// aligner's confidence.
    pub fn score(&self) -> f64 {
        match self.status {
            Status::Confirmed => 1.0,
            _ => self.bead.confidence,
        }
    }
}

impl AsRef<Bead> for Reviewed {
    fn as_ref(&self) -> &Bead {
        &self.bead
    }
}

impl Deref for Reviewed {
    type Target = Bead;

    fn deref(&self) -> &Bead {
        &self.bead
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_read_back() {
        for s in [Status::Unreviewed, Status::Confirmed, Status::Rejected] {
            assert_eq!(Status::parse(s.word()), Some(s));
        }
        assert_eq!(Status::parse(" Confirmed "), Some(Status::Confirmed));
        assert_eq!(Status::parse("maybe"), None);
    }
}
