//! Decoder + splitter + aligner on arbitrary bytes: never a panic, and every
//! sentence of both sides lands in exactly one bead, in order.
//!
//! The input is two files: the bytes before the first 0x00 0x00 pair are the
//! source, the rest the target (so the fuzzer can grow either side alone).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use selaras::{Config, Document, Lang, text};

fn document(bytes: &[u8], lang: Lang, presplit: bool) -> Option<Document> {
    // Binary or empty input is a clean error, not a crash; nothing to align.
    let decoded = text::decode(bytes, Path::new("fuzz.txt")).ok()?;
    Some(Document::new(decoded.text, lang, presplit))
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let cut = rest.windows(2).position(|w| w == [0, 0]);
    let (a, b) = match cut {
        Some(k) => (&rest[..k], &rest[k + 2..]),
        None => rest.split_at(rest.len() / 2),
    };
    let presplit = flags & 1 == 1;
    let (Some(src), Some(tgt)) = (
        document(a, Lang::Id, presplit),
        document(b, Lang::En, presplit),
    ) else {
        return;
    };
    let mut cfg = Config::default();
    if flags & 2 == 2 {
        cfg.learn = None;
    }
    let beads = selaras::align_documents(&src, &tgt, &cfg);
    let (mut i, mut j) = (0, 0);
    for b in &beads {
        assert_eq!((b.src.start, b.tgt.start), (i, j), "beads out of order");
        assert!(!(b.src.is_empty() && b.tgt.is_empty()), "empty bead");
        assert!(b.confidence.is_finite(), "non-finite score");
        i = b.src.end;
        j = b.tgt.end;
    }
    assert_eq!(
        (i, j),
        (src.sentences.len(), tgt.sentences.len()),
        "sentences left out"
    );
});
