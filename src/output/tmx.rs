//! TMX 1.4b, the translation-memory exchange format CAT tools import. Each
//! pair is a translation unit; its score and flags ride along as `<prop>`s.
//! Unaligned sentences have nothing to pair with and are left out unless
//! asked for; pairs a reviewer rejected are always left out, flagged pairs
//! on request. A memory may hold many documents (`begin`, `units` for each,
//! `end`): each unit names its own.
//!
//! XML 1.0 forbids most C0 control characters and U+FFFE/U+FFFF even
//! escaped, and a CAT tool rejects a whole memory for one of them: a
//! vertical tab (Word's manual line break) or form feed becomes a space,
//! the others are dropped.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::escape::escape;

use super::{Aligned, Options};
use crate::review::Status;

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `s` with what XML 1.0 forbids replaced (U+000B, U+000C) or dropped.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        return Cow::Borrowed(s);
    }
    let kept = s
        .chars()
        .filter_map(|c| match c {
            '\u{B}' | '\u{C}' => Some(' '),
            c if allowed(c) => Some(c),
            _ => None,
        })
        .collect();
    Cow::Owned(kept)
}

/// Text fit for XML content or an attribute value.
fn xml(s: &str) -> String {
    escape(xml_safe(s).as_ref()).into_owned()
}

/// ` creationdate="…" creationid="…"`, on the header and each unit.
fn created(options: &Options) -> String {
    let date = options
        .tmx_date
        .as_deref()
        .map_or_else(String::new, |d| format!(" creationdate=\"{}\"", xml(d)));
    format!("{date} creationid=\"{}\"", xml(&options.tmx_creator))
}

/// The opening of a memory: declaration, header and `<body>`.
pub fn begin(options: &Options, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n  \
         <header creationtool=\"selaras\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"selaras\" \
         adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"{}/>\n  <body>",
        env!("CARGO_PKG_VERSION"),
        xml(&options.src_tag),
        created(options)
    )
}

/// The translation units of one document. A unit names its document (the
/// source file, or the batch's document key) in a `x-selaras-document` prop,
/// so a memory built from many documents says where each unit came from.
pub fn units(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let document = options
        .document
        .as_deref()
        .or(options.files.as_ref().map(|(src, _)| src.as_str()));
    let created = created(options);
    for r in aligned.records() {
        let unaligned = r.source.is_empty() || r.target.is_empty();
        // A reviewer's rejected pair must not become a memory entry.
        let rejected = r.reviewed.status == Status::Rejected;
        let flagged = options.tmx_skip_flagged && !r.reviewed.flags.is_empty();
        if (unaligned && !options.tmx_unaligned) || rejected || flagged {
            continue;
        }
        let tuid = match &options.document {
            Some(doc) => format!("{doc}#{}", r.pair),
            None => r.pair.to_string(),
        };
        writeln!(out, "    <tu tuid=\"{}\"{created}>", xml(&tuid))?;
        let flags = r.flag_codes();
        for (kind, value) in [
            ("x-selaras-score", r.score().as_str()),
            ("x-selaras-flags", flags.as_str()),
            ("x-selaras-status", r.status()),
            ("x-selaras-document", document.unwrap_or("")),
        ] {
            if !value.is_empty() {
                writeln!(out, "      <prop type=\"{kind}\">{}</prop>", xml(value))?;
            }
        }
        for (tag, text) in [(&options.src_tag, &r.source), (&options.tgt_tag, &r.target)] {
            if !text.is_empty() {
                writeln!(
                    out,
                    "      <tuv xml:lang=\"{}\">\n        <seg>{}</seg>\n      </tuv>",
                    xml(tag),
                    xml(text)
                )?;
            }
        }
        writeln!(out, "    </tu>")?;
    }
    Ok(())
}

/// The close of a memory.
pub fn end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  </body>\n</tmx>")?;
    out.flush()
}

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    begin(options, out)?;
    units(aligned, options, out)?;
    end(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_go() {
        assert_eq!(xml_safe("a\u{B}b\u{0}c\u{FFFE}\u{FFFF}d\te"), "a bcd\te");
        assert!(matches!(xml_safe("Harga naik."), Cow::Borrowed(_)));
    }
}
