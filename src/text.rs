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
    /// The text: NFC, `\n` line ends, no byte-order mark.
    pub text: String,
    /// What a user should know (a legacy encoding guessed, bad bytes replaced).
    pub note: Option<String>,
}

/// Byte-order marks of encodings we cannot read, by name: refused rather
/// than read as something else.
const REFUSED_BOMS: [(&[u8], &str); 5] = [
    (b"\x2B\x2F\x76", "UTF-7"),
    (b"\xF7\x64\x4C", "UTF-1"),
    (b"\xDD\x73\x66\x73", "UTF-EBCDIC"),
    (b"\x0E\xFE\xFF", "SCSU"),
    (b"\xFB\xEE\x28", "BOCU-1"),
];

/// Bytes → NFC text with `\n` line ends.
///
/// A byte-order mark says the encoding: UTF-8, UTF-16 and UTF-32 (either
/// byte order) and GB18030 are read as such; the other Unicode encodings
/// with a BOM (UTF-7, UTF-1, UTF-EBCDIC, SCSU, BOCU-1) are refused by name.
/// Without one: UTF-8; mostly UTF-8 with a few bad bytes is read as UTF-8
/// with those bytes replaced by U+FFFD, and a note gives the first one's
/// offset; anything else that is not UTF-8 is read as Windows-1252 and a
/// note says so. A NUL byte outside UTF-16/32 means binary.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Decoded> {
    let refuse = |name: &str| Error::Encoding {
        path: path.to_path_buf(),
        name: name.to_string(),
    };
    let (raw, note): (String, Option<String>) = if let Some(utf32) = utf32(bytes) {
        let (text, name) = utf32;
        (
            text.ok_or_else(|| refuse(name))?,
            Some(format!("read as {name}")),
        )
    } else if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let note = (enc != encoding_rs::UTF_8).then(|| format!("read as {}", enc.name()));
        (text.into_owned(), note)
    } else if let Some(rest) = bytes.strip_prefix(b"\x84\x31\x95\x33") {
        let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(rest);
        (text.into_owned(), Some("read as GB18030".into()))
    } else if let Some((_, name)) = REFUSED_BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Err(refuse(name));
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        without_bom(bytes)
    };
    let text = normalise(&raw);
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Decoded { text, note })
}

/// UTF-32 by its byte-order mark: the text (`None` if it holds something
/// that is no character) and the encoding's name.
fn utf32(bytes: &[u8]) -> Option<(Option<String>, &'static str)> {
    let (name, be) = if bytes.starts_with(b"\xFF\xFE\0\0") {
        ("UTF-32LE", false)
    } else if bytes.starts_with(b"\0\0\xFE\xFF") {
        ("UTF-32BE", true)
    } else {
        return None;
    };
    let body = &bytes[4..];
    if !body.len().is_multiple_of(4) {
        return Some((None, name));
    }
    let text = body
        .chunks_exact(4)
        .map(|c| {
            let word = [c[0], c[1], c[2], c[3]];
            char::from_u32(if be {
                u32::from_be_bytes(word)
            } else {
                u32::from_le_bytes(word)
            })
        })
        .collect();
    Some((text, name))
}

/// Text without a byte-order mark: UTF-8, lossy when mostly UTF-8, else
/// Windows-1252.
fn without_bom(bytes: &[u8]) -> (String, Option<String>) {
    let Err(e) = std::str::from_utf8(bytes) else {
        return (String::from_utf8(bytes.to_vec()).expect("checked"), None);
    };
    // Windows-1252 text almost never holds a well-formed multi-byte UTF-8
    // sequence; UTF-8 with a stray byte holds many more of them than bad ones.
    let (mut good, mut bad) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if good > bad {
        let note = format!(
            "not valid UTF-8 at byte {} ({bad} bad sequence(s)); read as UTF-8 with each \
             replaced by U+FFFD — check the file there",
            e.valid_up_to()
        );
        return (String::from_utf8_lossy(bytes).into_owned(), Some(note));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let note = format!(
        "not valid UTF-8 (byte {}); read as Windows-1252 — re-save as UTF-8 if accents look wrong",
        e.valid_up_to()
    );
    (text.into_owned(), Some(note))
}

/// NFC and `\n` line ends: the same sentence typed two ways compares equal.
pub fn normalise(raw: &str) -> String {
    let unified = if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_string()
    };
    // Most text is NFC already; the quick check says so without rebuilding it.
    if unicode_normalization::is_nfc_quick(unified.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        return unified;
    }
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
    fn every_bom_is_read_or_refused_by_name() {
        let hi = |d: Result<Decoded>| d.unwrap().text;
        assert_eq!(hi(dec(b"\xFE\xFF\0H\0i")), "Hi");
        assert_eq!(hi(dec(b"\xFF\xFE\0\0H\0\0\0i\0\0\0")), "Hi");
        assert_eq!(hi(dec(b"\0\0\xFE\xFF\0\0\0H\0\0\0i")), "Hi");
        assert_eq!(hi(dec(b"\x84\x31\x95\x33Hi")), "Hi");
        for (bom, name) in REFUSED_BOMS {
            let err = dec(&[bom, b"Hi"].concat()).unwrap_err().to_string();
            assert!(err.contains(name), "{err}");
        }
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_mojibake() {
        let d = dec("Kafé enak. Harga naik \u{2014} "
            .as_bytes()
            .iter()
            .copied()
            .chain(*b"\xFFlagi.")
            .collect::<Vec<_>>()
            .as_slice())
        .unwrap();
        assert_eq!(d.text, "Kafé enak. Harga naik \u{2014} \u{FFFD}lagi.");
        assert!(d.note.unwrap().contains("at byte 27"));
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let t = "  Judul\n\nSatu. Dua.\nTiga.\n \n\nEmpat.\n";
        let ps: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(ps, ["Judul", "Satu. Dua.\nTiga.", "Empat."]);
    }
}
