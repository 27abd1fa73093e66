//! The one error type of the library: every failure a user can cause, each
//! saying which file and what to do about it.

use std::io;
use std::path::PathBuf;

/// What went wrong, with the file it concerns. `Display` gives the one line
/// the CLI prints.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}: the file is empty; give it some text to align", path.display())]
    Empty { path: PathBuf },

    #[error(
        "{}: looks like a binary file (NUL byte at byte {offset}); give a plain-text file",
        path.display()
    )]
    Binary { path: PathBuf, offset: usize },

    #[error(
        "{}: written in {name}, which selaras cannot read; re-save it as UTF-8",
        path.display()
    )]
    Encoding { path: PathBuf, name: String },

    #[error("{}: line {line}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("{0}")]
    Usage(String),

    /// A bug: the pipeline produced something it never should (a score that
    /// is not a number). Reported rather than written as a wrong file.
    #[error("internal error: {0}; please report it with the input files")]
    Internal(String),

    /// Some of several inputs failed; each was reported as it failed.
    #[error("{0}")]
    Incomplete(String),
}

pub type Result<T> = std::result::Result<T, Error>;
