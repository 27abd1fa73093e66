//! Lines for the user on standard error. A closed or full standard error
//! must never stop a run (or panic, as `eprintln!` does), so a failed write
//! here is ignored: the exit code still tells what happened.

use std::io::{self, Write};

/// `selaras: {message}`, one line.
pub fn say(message: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "selaras: {message}");
}

pub fn warn(message: impl std::fmt::Display) {
    say(format_args!("warning: {message}"));
}

pub fn error(message: impl std::fmt::Display) {
    say(format_args!("error: {message}"));
}
