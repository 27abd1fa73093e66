//! Interrupts: Ctrl-C, `kill` or a closed terminal while an output is being
//! written must not leave its `.selaras-*.tmp` file behind. Temporary files
//! are made through [`Temp`], which lists them here; a watcher thread removes
//! the listed files when a signal comes and ends the process as the signal
//! would have (exit 128 + its number: 130 for SIGINT, 143 for SIGTERM). A
//! file size limit is an error like a full disk.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
use signal_hook::iterator::Signals;
use tempfile::NamedTempFile;

/// Temporary files that exist now. Every change to the set of files on disk
/// (create, rename into place, remove) happens under this lock, so the
/// watcher never sees a file half-way.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Start the watcher; call once, early in `main`. If it cannot start, the
/// default behaviour stays: output is still whole or absent, only a
/// temporary file may be left by an interrupt.
pub fn install() {
    // A file size limit reached (`ulimit -f`) would kill the process with
    // SIGXFSZ and leave the temporary file; caught (the flag is never
    // read), the write fails with EFBIG instead and the error path removes it.
    let _ = signal_hook::flag::register(SIGXFSZ, Arc::new(AtomicBool::new(false)));
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until exit: nothing is created or renamed meanwhile.
                let temps = temps();
                for path in temps.iter() {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
}

/// A temporary file beside an output, removed on drop, on a signal, or
/// renamed into place by [`Temp::persist`].
pub struct Temp {
    file: Option<NamedTempFile>,
}

impl Temp {
    pub fn create(make: impl FnOnce() -> io::Result<NamedTempFile>) -> io::Result<Temp> {
        let mut list = temps();
        let file = make()?;
        list.push(file.path().to_path_buf());
        Ok(Temp { file: Some(file) })
    }

    fn named(&self) -> &NamedTempFile {
        self.file
            .as_ref()
            .expect("present until persisted or dropped")
    }

    pub fn as_file(&self) -> &File {
        self.named().as_file()
    }

    pub fn as_file_mut(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("present until persisted or dropped")
            .as_file_mut()
    }

    /// Rename into place at `target`.
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        let mut list = temps();
        let file = self.file.take().expect("persisted once");
        let path = file.path().to_path_buf();
        let result = file.persist(target).map(drop).map_err(|e| e.error);
        // On failure the returned file was dropped above, which removed it.
        list.retain(|p| *p != path);
        result
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut list = temps();
            let path = file.path().to_path_buf();
            drop(file);
            list.retain(|p| *p != path);
        }
    }
}
