//! One article pair through the pipeline, as `align`, `batch`, `stream` and
//! `apply` run it: settings and word lists read once, then each pair read,
//! aligned (around a reviewer's confirmed pairs, or as a reviewer corrected
//! it) and made ready for a writer.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{AlignerArgs, WriterArgs};
use crate::files::{read_pair, read_text};
use selaras::output::{self, Aligned, Format, Options};
use selaras::readback::Row;
use selaras::{Bead, Config, Document, Error, Lang, Lexicon, Result, Reviewed, Status};

/// The aligner as the command line set it up.
pub struct Aligner<'a> {
    args: &'a AlignerArgs,
    config: Config,
    /// The `--dict` word lists, merged: added to the built-in list of any
    /// language pair.
    user: Lexicon,
    /// The built-in list for the command line's languages and `user`.
    lexicon: Lexicon,
    /// Whether pairs get QA flags: not when nothing written shows them.
    review: bool,
}

/// An aligned article pair.
pub struct Pair {
    pub src: Document,
    pub tgt: Document,
    pub beads: Vec<Reviewed>,
    pub title: String,
    /// The two files as given.
    pub files: (String, String),
    /// About the pair as a whole (unrelated texts, swapped files), when reviewed.
    pub warnings: Vec<String>,
}

impl<'a> Aligner<'a> {
    /// Read `--set` and `--dict` once.
    pub fn new(args: &'a AlignerArgs) -> Result<Aligner<'a>> {
        let mut config = Config::default();
        for setting in &args.settings {
            let (name, value) = setting
                .split_once('=')
                .ok_or_else(|| Error::Usage(format!("--set {setting}: write it as NAME=VALUE")))?;
            config
                .set(name.trim(), value.trim())
                .map_err(Error::Usage)?;
        }
        let mut user = Lexicon::default();
        for path in &args.dict {
            let list =
                Lexicon::parse(&read_text(path)?).map_err(|(line, message)| Error::Parse {
                    path: path.clone(),
                    line,
                    message,
                })?;
            user.extend(&list);
        }
        let mut aligner = Aligner {
            args,
            config,
            user,
            lexicon: Lexicon::default(),
            review: true,
        };
        aligner.lexicon = aligner.lexicon_for(&args.src_lang.lang, &args.tgt_lang.lang);
        Ok(aligner)
    }

    /// The word list for a pair in `src` and `tgt`: the built-in one for
    /// them and every `--dict`.
    pub fn lexicon_for(&self, src: &Lang, tgt: &Lang) -> Lexicon {
        let mut lexicon = Lexicon::builtin_for(src, tgt);
        lexicon.extend(&self.user);
        lexicon
    }

    /// The word list for the command line's languages.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Flag pairs for review only when `format` shows the flags or the
    /// writer selects pairs by them.
    pub fn reviewing_for(mut self, format: Format, writer: &WriterArgs) -> Self {
        self.review = format != Format::Ladder || writer.only_flagged;
        self
    }

    /// Whether the pairs get QA flags.
    pub fn reviews(&self) -> bool {
        self.review
    }

    /// Read and align one pair of files.
    pub fn align(&self, src: &Path, tgt: &Path) -> Result<Pair> {
        self.align_with(src, tgt, None, false)
    }

    /// Read and align one pair of files around the pairs confirmed in
    /// `reviewed`; with `apply`, the result is the file's pairs themselves,
    /// each scored as the aligner scored it (0 where it found another pair).
    pub fn align_with(
        &self,
        src: &Path,
        tgt: &Path,
        reviewed: Option<&Path>,
        apply: bool,
    ) -> Result<Pair> {
        let a = self.args;
        let (src_doc, tgt_doc) = read_pair(
            (src, a.src_lang.lang.clone()),
            (tgt, a.tgt_lang.lang.clone()),
            a.sentences,
        )?;
        let rows: Vec<Row> = match reviewed {
            Some(path) => crate::corrected::read(path, &src_doc, &tgt_doc)?,
            None => Vec::new(),
        };
        let name = format!("{} ↔ {}", src.display(), tgt.display());
        let mut pair = self.align_around(src_doc, tgt_doc, &self.lexicon, &name, &rows, apply)?;
        pair.files = (src.display().to_string(), tgt.display().to_string());
        Ok(pair)
    }

    /// Align two documents already read, with `lexicon`; `name` says which
    /// pair they are in messages and the HTML page's title.
    pub fn align_documents(
        &self,
        src_doc: Document,
        tgt_doc: Document,
        lexicon: &Lexicon,
        name: &str,
    ) -> Result<Pair> {
        self.align_around(src_doc, tgt_doc, lexicon, name, &[], false)
    }

    /// Align around the pairs confirmed in `rows`; with `apply`, the result
    /// is `rows` themselves (see [`Aligner::align_with`]).
    fn align_around(
        &self,
        src_doc: Document,
        tgt_doc: Document,
        lexicon: &Lexicon,
        name: &str,
        rows: &[Row],
        apply: bool,
    ) -> Result<Pair> {
        let fixed: Vec<_> = rows
            .iter()
            .filter(|r| r.status == Status::Confirmed)
            .map(|r| (r.src.clone(), r.tgt.clone()))
            .collect();
        let mut beads = selaras::align_around(&src_doc, &tgt_doc, lexicon, &self.config, &fixed);
        if apply {
            beads = as_reviewed(rows, &beads);
        }
        let mut beads = if self.review {
            selaras::review_beads(&src_doc, &tgt_doc, beads, lexicon)
        } else {
            beads.into_iter().map(Reviewed::bare).collect()
        };
        let status: HashMap<_, _> = if apply {
            rows.iter()
                .map(|r| ((r.src.clone(), r.tgt.clone()), r.status))
                .collect()
        } else {
            fixed.into_iter().map(|f| (f, Status::Confirmed)).collect()
        };
        for pair in &mut beads {
            let key = (pair.src.clone(), pair.tgt.clone());
            pair.status = status.get(&key).copied().unwrap_or_default();
        }
        // A NaN score would silently drop its row from any filter or format.
        if let Some((k, b)) = beads
            .iter()
            .enumerate()
            .find(|(_, b)| !b.confidence.is_finite())
        {
            return Err(Error::Internal(format!(
                "{name}: pair {} has the score {}",
                k + 1,
                b.confidence
            )));
        }
        let warnings = if self.review {
            selaras::document_warnings(&src_doc, &tgt_doc, &beads)
        } else {
            Vec::new()
        };
        Ok(Pair {
            src: src_doc,
            tgt: tgt_doc,
            beads,
            title: format!("selaras: {name}"),
            files: (name.to_string(), name.to_string()),
            warnings,
        })
    }
}

/// The reviewer's pairs, each with the aligner's score where the aligner
/// found the same pair, else 0: the aligner disagrees until it is confirmed.
fn as_reviewed(rows: &[Row], found: &[Bead]) -> Vec<Bead> {
    let scores: HashMap<_, _> = found
        .iter()
        .map(|b| ((b.src.clone(), b.tgt.clone()), (b.cost, b.confidence)))
        .collect();
    rows.iter()
        .map(|r| {
            let (cost, confidence) = scores
                .get(&(r.src.clone(), r.tgt.clone()))
                .copied()
                .unwrap_or((0.0, 0.0));
            Bead {
                src: r.src.clone(),
                tgt: r.tgt.clone(),
                cost,
                confidence,
            }
        })
        .collect()
}

impl Pair {
    /// The beads to write, after `--min-score` and `--only-flagged`.
    pub fn aligned(&self, w: &WriterArgs) -> Aligned<'_> {
        let min_score = w.min_score.unwrap_or(0.0);
        Aligned::new(&self.src.sentences, &self.tgt.sentences, &self.beads)
            .only(|b| b.score() >= min_score && (!w.only_flagged || !b.flags.is_empty()))
    }

    pub fn options(&self, a: &AlignerArgs, w: &WriterArgs) -> Options {
        let mut options = options_for(a, w, Some(Path::new(&self.files.0)));
        options.title = self.title.clone();
        options.warnings = self.warnings.clone();
        options.files = Some(self.files.clone());
        options
    }

    /// The pairs as lines of a JSON Lines stream, each naming its `doc`:
    /// what `batch` and `stream` write, so the two agree line for line.
    pub fn write_jsonl(
        &self,
        doc: &str,
        a: &AlignerArgs,
        w: &WriterArgs,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut options = self.options(a, w);
        options.document = Some(doc.to_string());
        output::write(Format::Jsonl, &self.aligned(w), &options, out)
    }
}

/// How to write, as the command line says; `src` (the source file) dates a
/// TMX that `--tmx-date` and `$SOURCE_DATE_EPOCH` do not.
pub fn options_for(a: &AlignerArgs, w: &WriterArgs, src: Option<&Path>) -> Options {
    let mut options = Options::new(&a.src_lang.lang, &a.tgt_lang.lang);
    options.excel = w.excel;
    options.src_tag = a.src_lang.tag.clone();
    options.tgt_tag = a.tgt_lang.tag.clone();
    options.tmx_unaligned = w.tmx_unaligned;
    options.tmx_skip_flagged = w.tmx_skip_flagged;
    options.tmx_date = w
        .tmx_date
        .clone()
        .or_else(|| crate::options::tmx_date(src.unwrap_or(Path::new("-"))));
    if let Some(id) = &w.tmx_creator {
        options.tmx_creator = id.clone();
    }
    options
}
