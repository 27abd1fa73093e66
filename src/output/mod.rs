//! Writing reviewed beads in the formats people and tools read. Each writer
//! streams to any `Write` and knows nothing of how the beads were found.

mod csv_out;
mod html;
mod jsonl;
mod ladder;
mod tmx;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use crate::lang::Lang;
use crate::review::Reviewed;
use crate::segment::{Sentence, join};

pub use tmx::{begin as tmx_begin, end as tmx_end, units as tmx_units};

pub use ladder::{
    format_bead as ladder_line, parse as parse_ladder, parse_lines as parse_ladder_lines,
};

/// Output formats. `Xlsx` exists with the `xlsx` feature (on by default),
/// hence `non_exhaustive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Format {
    /// Spreadsheet rows: pair,type,src_idx,tgt_idx,source,target,score,flags,status
    Csv,
    /// The same columns, tab-separated
    Tsv,
    /// One JSON object a pair, with flag notes
    Jsonl,
    /// TMX 1.4b translation memory for CAT tools (unaligned and rejected pairs left out)
    Tmx,
    /// Excel workbook: a summary sheet, then the pairs with flagged rows shaded and a status drop-down
    #[cfg(feature = "xlsx")]
    Xlsx,
    /// A self-contained review page that edits the alignment; Save, then `selaras apply`
    Html,
    /// One bead a line, `[0, 1]:[0]`, 0-based sentence numbers
    Ladder,
}

impl Format {
    /// The file extension this format is written with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Tmx => "tmx",
            #[cfg(feature = "xlsx")]
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Ladder => "ladder",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "jsonl" | "ndjson" => Format::Jsonl,
            "tmx" => Format::Tmx,
            #[cfg(feature = "xlsx")]
            "xlsx" => Format::Xlsx,
            "html" | "htm" => Format::Html,
            "ladder" => Format::Ladder,
            _ => return None,
        })
    }
}

/// How to write, beyond the format.
#[derive(Debug, Clone)]
pub struct Options {
    /// CSV/TSV for Excel: a UTF-8 byte-order mark and CRLF line ends.
    pub excel: bool,
    /// Source language tag for TMX `xml:lang` (e.g. `id-ID`); default the document's language.
    pub src_tag: String,
    /// Target language tag for TMX `xml:lang` (e.g. `en-US`).
    pub tgt_tag: String,
    /// Keep unaligned sentences in TMX (as units with one variant).
    pub tmx_unaligned: bool,
    /// Keep pairs that carry a QA flag out of TMX.
    pub tmx_skip_flagged: bool,
    /// TMX `creationdate` (`20250715T093000Z`); none by default.
    pub tmx_date: Option<String>,
    /// TMX `creationid`, who made the memory; `selaras` by default.
    pub tmx_creator: String,
    /// Title of the HTML page.
    pub title: String,
    /// Name of the document, added to each JSON line as `doc` (batch output).
    pub document: Option<String>,
    /// Warnings about the pair as a whole, shown at the top of the HTML page.
    pub warnings: Vec<String>,
    /// The languages' names, for headers (`Indonesian`, `English`, else the tag).
    pub languages: (String, String),
    /// The two articles' file names, as given: the page's re-align command,
    /// the workbook's first sheet and TMX's source-file property name them.
    pub files: Option<(String, String)>,
}

impl Options {
    /// The defaults for documents in `src` and `tgt`.
    pub fn new(src: &Lang, tgt: &Lang) -> Options {
        Options {
            excel: false,
            src_tag: src.code().to_string(),
            tgt_tag: tgt.code().to_string(),
            tmx_unaligned: false,
            tmx_skip_flagged: false,
            tmx_date: None,
            tmx_creator: "selaras".to_string(),
            title: "selaras review".to_string(),
            document: None,
            warnings: Vec::new(),
            languages: (
                crate::review::language_name(src).to_string(),
                crate::review::language_name(tgt).to_string(),
            ),
            files: None,
        }
    }
}

/// An alignment ready to be written: the beads, the sentences they index,
/// and which beads to write.
pub struct Aligned<'a> {
    /// Source sentences.
    pub src: &'a [Sentence],
    /// Target sentences.
    pub tgt: &'a [Sentence],
    /// The reviewed pairs, indexing both.
    pub beads: &'a [Reviewed],
    keep: Vec<bool>,
}

/// One pair as the writers see it.
pub struct Record<'a> {
    /// 1-based number of the bead in the whole alignment (kept when rows are
    /// filtered out, so reviewers can refer to it).
    pub pair: usize,
    /// The pair: its bead, flags and status.
    pub reviewed: &'a Reviewed,
    /// Its source sentences, joined by a space.
    pub source: String,
    /// Its target sentences, joined by a space.
    pub target: String,
}

impl Record<'_> {
    /// The bead's shape: `1-1`, `2-1`, `1-0`…
    pub fn kind(&self) -> String {
        self.reviewed.kind()
    }

    /// Source sentence numbers: `4`, `4-5`, empty for none.
    pub fn src_idx(&self) -> String {
        index_range(&self.reviewed.src)
    }

    /// Target sentence numbers: `4`, `4-5`, empty for none.
    pub fn tgt_idx(&self) -> String {
        index_range(&self.reviewed.tgt)
    }

    /// Flag codes separated by `;`.
    pub fn flag_codes(&self) -> String {
        self.reviewed
            .flags
            .iter()
            .map(|f| f.code())
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Flag notes, one sentence each, separated by a space.
    pub fn notes(&self) -> String {
        self.reviewed
            .flags
            .iter()
            .map(|f| format!("{}: {}.", f.code(), f.note))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The score with three decimals.
    /// (1 for a confirmed pair.)
    pub fn score(&self) -> String {
        format!("{:.3}", self.reviewed.score())
    }

    /// `confirmed`, `rejected`, or empty.
    pub fn status(&self) -> &'static str {
        self.reviewed.status.word()
    }
}

impl<'a> Aligned<'a> {
    /// Every bead, to be written.
    pub fn new(src: &'a [Sentence], tgt: &'a [Sentence], beads: &'a [Reviewed]) -> Aligned<'a> {
        Aligned {
            src,
            tgt,
            beads,
            keep: vec![true; beads.len()],
        }
    }

    /// Write only the beads `keep` accepts (`--min-score`, `--only-flagged`).
    pub fn only(mut self, keep: impl Fn(&Reviewed) -> bool) -> Aligned<'a> {
        self.keep = self.beads.iter().map(keep).collect();
        self
    }

    /// The kept pairs, in order.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.beads
            .iter()
            .enumerate()
            .filter(|(k, _)| self.keep[*k])
            .map(|(k, reviewed)| Record {
                pair: k + 1,
                reviewed,
                source: join(self.src, &reviewed.src),
                target: join(self.tgt, &reviewed.tgt),
            })
    }
}

/// `4`, `4-5`, or empty for no sentence.
pub fn index_range(r: &Range<usize>) -> String {
    match r.len() {
        0 => String::new(),
        1 => r.start.to_string(),
        _ => format!("{}-{}", r.start, r.end - 1),
    }
}

/// What a reader of `format` should know before it is written: cells that
/// will be cut (XLSX). One line each, for standard error.
pub fn warnings(format: Format, aligned: &Aligned) -> Vec<String> {
    // Only XLSX cuts cells; without it nothing is ever cut.
    #[cfg(not(feature = "xlsx"))]
    let _ = aligned;
    match format {
        #[cfg(feature = "xlsx")]
        Format::Xlsx => xlsx::warnings(aligned),
        _ => Vec::new(),
    }
}

/// Write `aligned` in `format`.
///
/// ```
/// use selaras::output::{self, Aligned, Format, Options};
/// use selaras::{Config, Document, Lang};
///
/// let id = Document::new("Harga naik 3.000 rupiah.", Lang::Id, false);
/// let en = Document::new("Prices rose by 3,000 rupiah.", Lang::En, false);
/// let beads = selaras::align_documents(&id, &en, &Config::default());
/// let aligned = Aligned::new(&id.sentences, &en.sentences, &beads);
/// let mut csv = Vec::new();
/// output::write(Format::Csv, &aligned, &Options::new(&id.lang, &en.lang), &mut csv).unwrap();
/// let csv = String::from_utf8(csv).unwrap();
/// // The pair, its score, and no flags: 3.000 and 3,000 are the same number.
/// assert_eq!(
///     csv.lines().nth(1),
///     Some(r#"1,1-1,0,0,Harga naik 3.000 rupiah.,"Prices rose by 3,000 rupiah.",1.000,,"#)
/// );
/// ```
pub fn write(
    format: Format,
    aligned: &Aligned,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Csv => csv_out::write_csv(aligned, options.excel, out),
        Format::Tsv => csv_out::write_tsv(aligned, options.excel, out),
        Format::Jsonl => jsonl::write(aligned, options.document.as_deref(), out),
        Format::Tmx => tmx::write(aligned, options, out),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => xlsx::write(aligned, options, out),
        Format::Html => html::write(aligned, options, out),
        Format::Ladder => ladder::write(aligned, out),
    }
}
