//! selaras: sentence alignment of Indonesian–English article pairs for
//! translators.
//!
//! The pipeline, one module a stage: [`text`] decodes and cuts paragraphs,
//! [`segment`] splits sentences, [`anchors`] finds names and numbers,
//! [`align`] pairs sentences, [`review`] flags pairs for a reviewer,
//! [`output`] writes them, and [`eval`] scores a ladder against gold.
//!
//! ```
//! use selaras::{Document, Lang};
//! let id = Document::new("Harga naik 3.000 rupiah. Warga protes.", Lang::Id, false);
//! let en = Document::new("Prices rose by 3,000 rupiah. Residents protested.", Lang::En, false);
//! let beads = selaras::align_documents(&id, &en, &selaras::Config::default());
//! assert_eq!(beads.len(), 2);
//! ```

pub mod align;
pub mod anchors;
pub mod error;
pub mod eval;
pub mod lang;
pub mod lexicon;
pub mod noise;
pub mod output;
pub mod review;
pub mod segment;
pub mod text;

pub use align::{Bead, Config};
pub use error::{Error, Result};
pub use lang::Lang;
pub use lexicon::Lexicon;
pub use segment::Sentence;

/// A text and its sentences.
#[derive(Debug, Clone)]
pub struct Document {
    pub lang: Lang,
    pub text: String,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Split `text` (already decoded) into sentences; with `presplit`, each
    /// non-blank line is taken as one sentence.
    pub fn new(text: impl Into<String>, lang: Lang, presplit: bool) -> Document {
        let text = text.into();
        let sentences = if presplit {
            segment::split_lines(&text)
        } else {
            segment::split_text(&text, &lang)
        };
        Document {
            lang,
            text,
            sentences,
        }
    }
}

/// Align two documents with the built-in lexicon for their languages, and
/// flag the beads for review.
pub fn align_documents(src: &Document, tgt: &Document, cfg: &Config) -> Vec<Bead> {
    let lexicon = Lexicon::builtin_for(&src.lang, &tgt.lang);
    align_with_lexicon(src, tgt, &lexicon, cfg)
}

/// As [`align_documents`], with a lexicon of your own (oriented source → target).
pub fn align_with_lexicon(
    src: &Document,
    tgt: &Document,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Vec<Bead> {
    let mut beads = align_unreviewed(src, tgt, lexicon, cfg);
    let context = review::Context {
        src: &src.sentences,
        tgt: &tgt.sentences,
        src_lang: &src.lang,
        tgt_lang: &tgt.lang,
        lexicon,
    };
    review::review(&mut beads, &context);
    beads
}

/// The beads alone, with no QA flags: for a ladder or a corpus, where no
/// reviewer reads the flags (reviewing costs about as much as aligning).
pub fn align_unreviewed(
    src: &Document,
    tgt: &Document,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Vec<Bead> {
    align::align(&src.sentences, &tgt.sentences, lexicon, cfg)
}
