//! selaras: sentence alignment of Indonesian–English article pairs for
//! translators.
//!
//! Give it an article and its translation; it splits both into sentences,
//! pairs them (1-1, 2-1, 1-0 for a sentence left out…), scores each pair and
//! flags what a reviewer should look at: a number or a name missing on one
//! side, a length that does not fit, text left untranslated.
//!
//! ```
//! use selaras::{Config, Document, FlagKind, Lang};
//!
//! let id = Document::new("Harga naik 3.000 rupiah. Warga protes.", Lang::Id, false);
//! let en = Document::new("Prices rose by 5,000 rupiah. Residents protested.", Lang::En, false);
//! let beads = selaras::align_documents(&id, &en, &Config::default());
//!
//! // The first pair: one sentence a side, and the number differs.
//! let first = &beads[0];
//! assert_eq!(id.text_of(&first.src), "Harga naik 3.000 rupiah.");
//! assert_eq!(en.text_of(&first.tgt), "Prices rose by 5,000 rupiah.");
//! assert!(first.flags.iter().any(|f| f.kind == FlagKind::NumberMismatch));
//! // The second pair needs no look.
//! assert_eq!(en.text_of(&beads[1].tgt), "Residents protested.");
//! assert!(beads[1].flags.is_empty());
//! ```
//!
//! The pipeline, one stage a module: [`text`] decodes bytes, [`segment`]
//! splits sentences, the aligner pairs them into [`Bead`]s
//! ([`align_unreviewed`]), the review makes each a [`Reviewed`] pair with
//! its [`Flag`]s and a reviewer's [`Status`] ([`align_documents`] does both),
//! [`output`] writes CSV, TSV, JSONL, TMX, HTML, a
//! ladder (and XLSX with the `xlsx` feature), and [`eval`] scores a ladder
//! against gold.
//!
//! # Features
//!
//! - `cli` (default): the `selaras` command and everything only it needs
//!   (clap, completions, the man page, signal handling, atomic writes); it
//!   turns on `xlsx`.
//! - `xlsx`: the XLSX output format ([`output::Format`]`::Xlsx`).
//!
//! With `default-features = false` the crate is the aligner alone.
#![warn(missing_docs)]

mod align;
mod anchors;
mod data;
mod error;
pub mod eval;
mod lang;
mod lexicon;
mod markers;
mod noise;
pub mod output;
pub mod readback;
mod review;
pub mod segment;
pub mod text;

pub use align::{Bead, Config, LearnConfig, OverlapWeights};
pub use error::{Error, Result};
pub use lang::{Lang, bcp47};
pub use lexicon::Lexicon;
pub use output::Format;
pub use review::{Flag, FlagKind, Reviewed, Status};
pub use segment::{Sentence, split_lines, split_text};

use std::ops::Range;

/// The word lists compiled in, as (path in the repository, contents):
/// `data/lexicon.id-en.tsv`, the abbreviation, sentence-opener and noise
/// lists. `selaras --version` prints a line for each.
///
/// ```
/// let (path, text) = selaras::data_files()[0];
/// assert_eq!(path, "data/lexicon.id-en.tsv");
/// assert!(text.lines().any(|l| l == "januari\tjanuary"));
/// ```
pub fn data_files() -> &'static [(&'static str, &'static str)] {
    &data::FILES
}

/// A text and its sentences.
#[derive(Debug, Clone)]
pub struct Document {
    /// The language whose rules split it.
    pub lang: Lang,
    /// The text as given (decoded; see [`text::decode`] for bytes).
    pub text: String,
    /// Its sentences in order, each with its byte span and paragraph.
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

    /// The sentences of one side of a bead (`bead.src` or `bead.tgt`),
    /// joined by a space as the outputs write them; empty for no sentence.
    pub fn text_of(&self, range: &Range<usize>) -> String {
        segment::join(&self.sentences, range)
    }
}

/// Align two documents with the built-in lexicon for their languages, and
/// flag the beads for review. Each pair reads as its [`Bead`] (`pair.src`).
pub fn align_documents(src: &Document, tgt: &Document, cfg: &Config) -> Vec<Reviewed> {
    let lexicon = Lexicon::builtin_for(&src.lang, &tgt.lang);
    align_with_lexicon(src, tgt, &lexicon, cfg)
}

/// As [`align_documents`], with a lexicon of your own (oriented source → target).
///
/// ```
/// use selaras::{Config, Document, Lang, Lexicon};
///
/// let de = Document::new("Der Hund schläft. Die Katze spielt im Garten.", "de".parse().unwrap(), false);
/// let fr = Document::new("Le chien dort. Le chat joue dans le jardin.", "fr".parse().unwrap(), false);
/// let words = Lexicon::parse("hund\tchien\nkatze\tchat\ngarten\tjardin\n").unwrap();
/// let beads = selaras::align_with_lexicon(&de, &fr, &words, &Config::default());
/// assert_eq!(beads.len(), 2);
/// assert_eq!(de.text_of(&beads[1].src), "Die Katze spielt im Garten.");
/// assert_eq!(fr.text_of(&beads[1].tgt), "Le chat joue dans le jardin.");
/// assert_eq!(beads[1].kind(), "1-1");
/// assert!(beads[1].flags.is_empty());
/// ```
pub fn align_with_lexicon(
    src: &Document,
    tgt: &Document,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Vec<Reviewed> {
    let beads = align_unreviewed(src, tgt, lexicon, cfg);
    review_beads(src, tgt, beads, lexicon)
}

/// Flag beads of `src` and `tgt` found any way (by the aligner, by hand,
/// from a reviewed file) as [`align_documents`] flags its own; every pair is
/// left unreviewed. `lexicon` is oriented source → target, as for
/// [`align_with_lexicon`].
pub fn review_beads(
    src: &Document,
    tgt: &Document,
    beads: Vec<Bead>,
    lexicon: &Lexicon,
) -> Vec<Reviewed> {
    let context = review::Context {
        src: &src.sentences,
        tgt: &tgt.sentences,
        src_lang: &src.lang,
        tgt_lang: &tgt.lang,
        lexicon,
    };
    review::review(beads, &context)
}

/// Warnings about the document pair as a whole, with their reasons: texts
/// that are probably not translations of each other (a low mean score), and
/// Indonesian and English files given the wrong way round. They never stop
/// a run; the command line prints them and the review page shows them.
pub fn document_warnings(
    src: &Document,
    tgt: &Document,
    pairs: &[impl AsRef<Bead>],
) -> Vec<String> {
    let beads: Vec<Bead> = pairs.iter().map(|p| p.as_ref().clone()).collect();
    review::warnings(
        &beads,
        &src.sentences,
        &tgt.sentences,
        (&src.lang, &tgt.lang),
    )
}

/// As [`align_unreviewed`], keeping each of `fixed` — pairs a reviewer
/// confirmed, in order — as a bead of confidence 1 and aligning only the
/// stretches between them. A fixed pair that overlaps the one before it or
/// lies outside the documents is ignored (check them first with
/// [`readback::check`]).
///
/// ```
/// use selaras::{Config, Document, Lang, Lexicon};
///
/// let id = Document::new("Satu.\nDua.\nTiga.\n", Lang::Id, true);
/// let en = Document::new("One.\nTwo.\nThree.\n", Lang::En, true);
/// let lexicon = Lexicon::builtin_for(&id.lang, &en.lang);
/// let beads = selaras::align_around(&id, &en, &lexicon, &Config::default(), &[(1..3, 1..2)]);
/// assert_eq!((beads[1].src.clone(), beads[1].tgt.clone()), (1..3, 1..2));
/// assert_eq!(beads[1].confidence, 1.0);
/// ```
pub fn align_around(
    src: &Document,
    tgt: &Document,
    lexicon: &Lexicon,
    cfg: &Config,
    fixed: &[(Range<usize>, Range<usize>)],
) -> Vec<Bead> {
    align::align_around(&src.sentences, &tgt.sentences, lexicon, cfg, fixed)
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
