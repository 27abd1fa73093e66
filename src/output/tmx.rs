//! TMX 1.4b, the translation-memory exchange format CAT tools import. Each
//! pair is a translation unit; its score and flags ride along as `<prop>`s.
//! Unaligned sentences have nothing to pair with and are left out unless
//! asked for; pairs a reviewer rejected are always left out.
//!
//! XML 1.0 forbids most C0 control characters and U+FFFE/U+FFFF even
//! escaped, and a CAT tool rejects a whole memory for one of them: a
//! vertical tab (Word's manual line break) or form feed becomes a space,
//! the others are dropped.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

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

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let (src_tag, tgt_tag) = (xml_safe(&options.src_tag), xml_safe(&options.tgt_tag));
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped(
        "tmx SYSTEM \"tmx14.dtd\"",
    )))?;
    w.create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "selaras"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", "sentence"),
                    ("o-tmf", "selaras"),
                    ("adminlang", "en"),
                    ("srclang", src_tag.as_ref()),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for r in aligned.records() {
                    let unaligned = r.source.is_empty() || r.target.is_empty();
                    // A reviewer's rejected pair must not become a memory entry.
                    let rejected = r.reviewed.status == Status::Rejected;
                    if (unaligned && !options.tmx_unaligned) || rejected {
                        continue;
                    }
                    let tuid = r.pair.to_string();
                    w.create_element("tu")
                        .with_attribute(("tuid", tuid.as_str()))
                        .write_inner_content(|w| {
                            let score = r.score();
                            let flags = r.flag_codes();
                            w.create_element("prop")
                                .with_attribute(("type", "x-selaras-score"))
                                .write_text_content(BytesText::new(&score))?;
                            for (kind, value) in [
                                ("x-selaras-flags", flags.as_str()),
                                ("x-selaras-status", r.status()),
                            ] {
                                if !value.is_empty() {
                                    w.create_element("prop")
                                        .with_attribute(("type", kind))
                                        .write_text_content(BytesText::new(value))?;
                                }
                            }
                            for (tag, text) in [(&src_tag, &r.source), (&tgt_tag, &r.target)] {
                                if text.is_empty() {
                                    continue;
                                }
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", tag.as_ref()))
                                    .write_inner_content(|w| {
                                        w.create_element("seg")
                                            .write_text_content(BytesText::new(&xml_safe(text)))?;
                                        Ok(())
                                    })?;
                            }
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    w.get_mut().flush()
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
