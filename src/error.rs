//! The one error type of the library: every failure a user can cause, each
//! saying which file and what to do about it.

use std::io;
use std::path::PathBuf;

/// What went wrong, with the file it concerns. `Display` gives the one line
/// the CLI prints.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },

    /// A file holds no text.
    #[error("{}: the file is empty; give it some text to align", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },

    /// A file is binary (it has a NUL byte), not text.
    #[error(
        "{}: looks like a binary file (NUL byte at byte {offset}); give a plain-text file",
        path.display()
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },

    /// A file is in an encoding selaras refuses (UTF-7, UTF-EBCDIC, SCSU…).
    #[error(
        "{}: written in {name}, which selaras cannot read; re-save it as UTF-8",
        path.display()
    )]
    Encoding {
        /// The file.
        path: PathBuf,
        /// The encoding its byte-order mark names.
        name: String,
    },

    /// A line of a file (a ladder, a word list) could not be read.
    #[error("{}: line {line}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },

    /// A row of a corrected alignment (a reviewer's CSV, TSV, XLSX or
    /// ladder) that does not fit the articles.
    #[error("{}: {}{message}", path.display(), row_at(*row))]
    Row {
        /// The file.
        path: PathBuf,
        /// The spreadsheet row (the header is row 1) or ladder line; 0 for
        /// the file as a whole.
        row: usize,
        /// What is wrong and how to fix it.
        message: String,
    },

    /// An output could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file (`-` for standard output).
        path: PathBuf,
        /// Why.
        source: io::Error,
    },

    /// A bad command line or option: what is wrong and what to give instead.
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

/// `row 7: `, or nothing for the file as a whole (row 0).
fn row_at(row: usize) -> String {
    if row == 0 {
        String::new()
    } else {
        format!("row {row}: ")
    }
}

/// A result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
