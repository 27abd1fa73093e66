//! Writing an output: standard output, a file that is not a regular file
//! (a device, a FIFO: written through), or a regular file (written whole
//! to a temporary file beside it and renamed into place, so a failed or
//! interrupted run never leaves a partial file nor spoils a good one).

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, fchown};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use selaras::{Error, Result};

use crate::files::is_stdio;
use crate::signals::Temp;

/// Whether standard output was closed when the process started.
static STDOUT_CLOSED: OnceLock<bool> = OnceLock::new();

/// Call first in `main`: note whether standard output was closed
/// (`selaras … >&-`). Rust's runtime has by then put `/dev/null` on a closed
/// standard descriptor, opened read-write; a shell's `>/dev/null` opens it
/// write-only, so the access mode tells them apart (Linux's
/// `/proc/self/fdinfo`; elsewhere a closed output is not detected).
pub fn init_stdio() {
    STDOUT_CLOSED.get_or_init(|| {
        let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
            return true;
        };
        let null = File::from(fd)
            .metadata()
            .is_ok_and(|m| m.file_type().is_char_device() && m.rdev() == 0x103);
        let read_write = fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        });
        null && read_write
    });
}

/// Device and inode of standard output when it is a regular file.
pub fn stdout_identity() -> Option<(u64, u64)> {
    let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
    let meta = File::from(fd).metadata().ok()?;
    meta.is_file().then(|| (meta.dev(), meta.ino()))
}

/// Where an output goes.
enum Target {
    Stdout,
    /// A device or FIFO: opened and written as is.
    Through(PathBuf),
    /// A regular file, existing (its metadata) or new.
    Regular(PathBuf, Option<fs::Metadata>),
}

/// Follow symlinks to the path they name when it does not exist yet (a
/// dangling link); up to 40 links, as the kernel allows.
fn follow(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let Ok(link) = fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(dir) => dir.join(link),
            None => link,
        };
    }
    path
}

fn target(path: Option<&Path>) -> io::Result<Target> {
    let Some(path) = path.filter(|p| !is_stdio(p)) else {
        return Ok(Target::Stdout);
    };
    // The kernel follows links here, /proc's `/dev/stdout` → `pipe:[…]` too.
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder; give a file name",
        )),
        // Replaced where it really is, so a symlink stays a symlink.
        Ok(meta) if meta.is_file() => Ok(Target::Regular(fs::canonicalize(path)?, Some(meta))),
        Ok(_) => Ok(Target::Through(path.to_path_buf())),
        // A new file, or the missing file a dangling symlink names.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::Regular(follow(path), None)),
        Err(e) => Err(e),
    }
}

/// Write what `body` writes to `path` (`None` or `-`: standard output).
pub fn write_output(
    path: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let name = path
        .filter(|p| !is_stdio(p))
        .map_or_else(|| PathBuf::from("<stdout>"), Path::to_path_buf);
    let fail = |source| Error::Write {
        path: name.clone(),
        source,
    };
    match target(path).map_err(fail)? {
        Target::Stdout => {
            if STDOUT_CLOSED.get().copied().unwrap_or(false) {
                return Err(fail(io::Error::other(
                    "standard output is closed; give a file with -o",
                )));
            }
            let stdout = io::stdout();
            stream(&mut stdout.lock(), body).map_err(fail)
        }
        Target::Through(real) => {
            let mut file = OpenOptions::new().write(true).open(real).map_err(fail)?;
            stream(&mut file, body).map_err(fail)
        }
        Target::Regular(real, old) => replace(&real, old.as_ref(), body).map_err(fail),
    }
}

fn stream(
    out: &mut dyn Write,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    body(&mut out)?;
    out.flush()
}

/// Write to a temporary file beside `real` and rename it into place. A new
/// file gets the mode the umask gives; a replaced one keeps its mode and,
/// where we may, its owner and group.
fn replace(
    real: &Path,
    old: Option<&fs::Metadata>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = Temp::create(|| {
        tempfile::Builder::new()
            .prefix(".selaras-")
            .suffix(".tmp")
            // Asked of open(2), which applies the umask as for any new file.
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)
    })?;
    if let Some(old) = old {
        // Group first: chown may clear set-id bits that the mode then restores.
        let _ = fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
        tmp.as_file()
            .set_permissions(Permissions::from_mode(old.mode() & 0o7777))?;
    }
    stream(tmp.as_file_mut(), body)?;
    tmp.as_file().sync_all()?;
    tmp.persist(real)
}
