//! Reading input files (`-` is standard input), and making sure no output
//! is one of them: the only place, with `write` and the batch driver, that
//! touches the file system.

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use selaras::{Document, Error, Lang, Result, text};

use crate::report;

/// `-` on the command line: standard input or output.
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The raw bytes of an input file, or of standard input for `-`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let fail = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if is_stdio(path) {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes).map_err(fail)?;
        Ok(bytes)
    } else {
        fs::read(path).map_err(fail)
    }
}

/// Read and decode a text file; a legacy-encoding fallback is reported.
pub fn read_text(path: &Path) -> Result<String> {
    let decoded = text::decode(&read_bytes(path)?, path)?;
    Ok(noted(path, decoded))
}

/// The decoded text, after warning of what the user should know about it.
fn noted(path: &Path, decoded: text::Decoded) -> String {
    if let Some(note) = decoded.note {
        report::warn(format_args!("{}: {note}", path.display()));
    }
    decoded.text
}

pub fn read_document(path: &Path, lang: Lang, presplit: bool) -> Result<Document> {
    Ok(Document::new(read_text(path)?, lang, presplit))
}

/// Two documents read, decoded and split at once, one on each core; errors
/// and warnings come in the order of the arguments, as if read one by one.
pub fn read_pair(
    (src, src_lang): (&Path, Lang),
    (tgt, tgt_lang): (&Path, Lang),
    presplit: bool,
) -> Result<(Document, Document)> {
    let decode = |path: &Path| text::decode(&read_bytes(path)?, path);
    let (s, t) = rayon::join(|| decode(src), || decode(tgt));
    let s = noted(src, s?);
    let t = noted(tgt, t?);
    Ok(rayon::join(
        || Document::new(s, src_lang, presplit),
        || Document::new(t, tgt_lang, presplit),
    ))
}

/// Standard input can be read once: refuse `-` given for two inputs.
pub fn stdin_once<'a>(inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    if inputs.into_iter().filter(|p| is_stdio(p)).count() > 1 {
        return Err(Error::Usage(
            "standard input (-) can be only one of the inputs; give the others as files".into(),
        ));
    }
    Ok(())
}

/// Device and inode: the file itself, whatever path (symlink, `..`, hard
/// link) names it. `None` for a file that does not exist (yet).
fn identity(path: &Path) -> Option<(u64, u64)> {
    if is_stdio(path) {
        return None;
    }
    let meta = fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// Refuse to write any of `outputs` if it is one of `inputs`: the run would
/// destroy what it reads. Standard output counts when it is redirected to a
/// file (`>> input.txt`).
pub fn refuse_overwrite<'a>(
    outputs: impl IntoIterator<Item = Option<&'a Path>>,
    inputs: &[&Path],
) -> Result<()> {
    let known: Vec<((u64, u64), &Path)> = inputs
        .iter()
        .filter_map(|p| identity(p).map(|id| (id, *p)))
        .collect();
    for out in outputs {
        let (id, name) = match out {
            Some(p) if !is_stdio(p) => match identity(p) {
                Some(id) => (id, p.display().to_string()),
                None => continue,
            },
            _ => match crate::write::stdout_identity() {
                Some(id) => (id, "standard output".to_string()),
                None => continue,
            },
        };
        if let Some((_, input)) = known.iter().find(|(k, _)| *k == id) {
            return Err(Error::Usage(format!(
                "{name}: is also an input ({}); writing it would destroy it: give another output",
                input.display()
            )));
        }
    }
    Ok(())
}
