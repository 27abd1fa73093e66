//! Decoding input bytes into clean text, and cutting text into paragraphs.
//!
//! Everything downstream works on the decoded text: NFC-normalised, `\n` line
//! ends, no BOM. Byte spans reported elsewhere are offsets into that text.

use std::ops::Range;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// Decoded text, and a note when it was not plain UTF-8 (the caller reports it).
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Bytes → NFC text with `\n` line ends. UTF-8 (with or without BOM) and UTF-16
/// with a BOM are read as such; other bytes that are not UTF-8 are read as
/// Windows-1252 and a note says so. A NUL byte outside UTF-16 means binary.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Decoded> {
    let (raw, note): (String, Option<String>) = if let Some((enc, bom_len)) =
        encoding_rs::Encoding::for_bom(bytes)
    {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let note = (enc != encoding_rs::UTF_8).then(|| format!("read as {}", enc.name()));
        (text.into_owned(), note)
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), None),
            Err(e) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                let note = format!(
                    "not valid UTF-8 (byte {}); read as Windows-1252 — re-save as UTF-8 if accents look wrong",
                    e.valid_up_to()
                );
                (text.into_owned(), Some(note))
            }
        }
    };
    let text = normalise(&raw);
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Decoded { text, note })
}

/// NFC and `\n` line ends: the same sentence typed two ways compares equal.
pub fn normalise(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    unified.nfc().collect()
}

/// Byte ranges of the paragraphs of `text`: runs of non-blank lines, split at
/// blank (whitespace-only) lines, each trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Decoded> {
        decode(bytes, Path::new("x.txt"))
    }

    #[test]
    fn bom_and_crlf_are_removed() {
        let d = dec(b"\xEF\xBB\xBFSatu.\r\nDua.\r\n").unwrap();
        assert_eq!(d.text, "Satu.\nDua.\n");
        assert!(d.note.is_none());
    }

    #[test]
    fn nfc_composes_accents() {
        let d = dec("Cafe\u{301}".as_bytes()).unwrap();
        assert_eq!(d.text, "Caf\u{e9}");
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert!(matches!(
            dec(b"ab\0cd"),
            Err(Error::Binary { offset: 2, .. })
        ));
        assert!(matches!(dec(b" \n\t\n"), Err(Error::Empty { .. })));
    }

    #[test]
    fn legacy_bytes_are_read_and_reported() {
        let d = dec(b"Caf\xe9 enak.").unwrap();
        assert_eq!(d.text, "Caf\u{e9} enak.");
        assert!(d.note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let d = dec(b"\xFF\xFEH\0i\0").unwrap();
        assert_eq!(d.text, "Hi");
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let t = "  Judul\n\nSatu. Dua.\nTiga.\n \n\nEmpat.\n";
        let ps: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(ps, ["Judul", "Satu. Dua.\nTiga.", "Empat."]);
    }
}
