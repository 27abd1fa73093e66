//! Reading input files and writing outputs: the only place, with the batch
//! driver, that touches the file system.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use selaras::{Document, Error, Lang, Result, text};

/// Read and decode a text file; a legacy-encoding fallback is reported.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let decoded = text::decode(&bytes, path)?;
    if let Some(note) = decoded.note {
        eprintln!("selaras: warning: {}: {note}", path.display());
    }
    Ok(decoded.text)
}

pub fn read_document(path: &Path, lang: Lang, presplit: bool) -> Result<Document> {
    Ok(Document::new(read_text(path)?, lang, presplit))
}

/// Write to `path` through a temporary file renamed into place, so a failed
/// run never leaves a partial file nor spoils an existing one; or to stdout.
pub fn write_output(
    path: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        return body(&mut out)
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                path: PathBuf::from("<stdout>"),
                source,
            });
    };
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".selaras-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        body(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
