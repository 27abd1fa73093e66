//! TMX 1.4b, the translation-memory exchange format CAT tools import. Each
//! pair is a translation unit; its score and flags ride along as `<prop>`s.
//! Unaligned sentences have nothing to pair with and are left out unless
//! asked for.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Aligned, Options};

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
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
                    ("srclang", options.src_tag.as_str()),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for r in aligned.records() {
                    let unaligned = r.source.is_empty() || r.target.is_empty();
                    if unaligned && !options.tmx_unaligned {
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
                            if !flags.is_empty() {
                                w.create_element("prop")
                                    .with_attribute(("type", "x-selaras-flags"))
                                    .write_text_content(BytesText::new(&flags))?;
                            }
                            for (tag, text) in
                                [(&options.src_tag, &r.source), (&options.tgt_tag, &r.target)]
                            {
                                if text.is_empty() {
                                    continue;
                                }
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", tag.as_str()))
                                    .write_inner_content(|w| {
                                        w.create_element("seg")
                                            .write_text_content(BytesText::new(text))?;
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
