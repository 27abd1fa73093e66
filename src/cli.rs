//! Command-line definitions: the one source of `--help`, `--version`, the
//! shell completions and the man page.

use std::path::PathBuf;
use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use selaras::Lang;
use selaras::output::Format;

#[derive(Parser, Debug)]
#[command(
    name = "selaras",
    version,
    about = "Align an Indonesian article with its English counterpart, sentence by sentence",
    long_about = "Align an Indonesian article with its English counterpart, sentence by sentence, \
and write the pairs for review.",
    after_help = "Examples:\n  selaras align artikel.id.txt article.en.txt -o pairs.csv\n  \
selaras split artikel.id.txt\n  selaras eval gold.ladder test.ladder\n\n\
Each command's --help has more examples; `selaras man` prints the manual page."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Align two texts and write the sentence pairs for review (CSV by default)
    #[command(
        after_help = "CSV columns: pair,type,src_idx,tgt_idx,source,target,score,flags,status\n  \
type     bead shape: 1-1, 2-1 (two source sentences, one target), 1-0 (unaligned)…\n  \
src_idx  0-based source sentence number(s): 4, or 4-5 for several, empty for none\n  \
score    probability in [0,1] that the pair is right; pairs at 0.9+ are right ~98% of the time\n  \
flags    QA flags, ;-separated: unaligned, number_mismatch, name_missing, length_ratio,\n           \
quote_mismatch, untranslated, merged, low_confidence\n  \
status   blank; a reviewer writes confirmed or rejected, then runs `selaras apply`\n\n\
Formats (--format, else the -o extension, else csv): csv tsv jsonl tmx xlsx html ladder\n\n\
Examples:\n  selaras align corpora/ekspor-nikel/id.txt corpora/ekspor-nikel/en.txt -o pairs.csv\n  \
selaras align artikel.txt article.txt -o review.html\n  \
selaras align artikel.txt article.txt -o memory.tmx --src-lang id-ID --tgt-lang en-US\n  \
selaras align artikel.txt article.txt --only-flagged --excel -o check.csv\n  \
selaras align id.lines en.lines --sentences --format ladder"
    )]
    Align(AlignArgs),
    /// Align many article pairs listed in a file, in parallel (for building corpora)
    #[command(after_help = "Examples:\n  \
selaras batch pairs.tsv --out-dir aligned/ --format tmx\n  \
selaras batch pairs.tsv -o corpus.jsonl --only-flagged\n\n\
A pair that cannot be read is reported on standard error and skipped; the\n\
others are still written, and the exit code is 1.")]
    Batch(BatchArgs),
    /// Write a corrected alignment: the review page's saved file, or the CSV/TSV/XLSX a reviewer edited
    #[command(after_help = "Examples:\n  \
selaras apply artikel.txt article.txt reviewed.csv -o memory.tmx\n  \
selaras apply artikel.txt article.txt pairs.xlsx -o pairs.csv\n\n\
Read: src_idx, tgt_idx (4, 4-5, empty) and status (confirmed, rejected, blank); a row\n\
with both indices empty is dropped. Every sentence must be in one row, in order.\n\
Confirmed pairs score 1; rejected pairs stay out of TMX; other pairs keep the\n\
aligner's score, 0 where the aligner found another pair.")]
    Apply(ApplyArgs),
    /// Align article pairs given as JSON Lines on standard input, in order (for pipelines, Spark)
    #[command(
        after_help = "Input: one JSON object a line, {\"doc\": …, \"src\": \"…\", \"tgt\": \"…\"}, and\n\
optionally \"src_lang\", \"tgt_lang\" and \"sentences\" (true/false) for that record;\n\
other fields are ignored. Output: the lines of `batch -o x.jsonl`, each naming its doc,\n\
record by record in input order, flushed after each record. A bad record (not JSON,\n\
a field missing, an empty text, over --max-record) gives one line\n\
{\"doc\": …, \"error\": \"…\", \"line\": N} and the stream goes on; the exit code is 1\n\
if any record failed.\n\n\
Examples:\n  \
selaras stream < pairs.jsonl > beads.jsonl\n  \
jq -c '{doc: .url, src: .body_id, tgt: .body_en}' articles.jsonl | selaras stream --only-flagged\n  \
parallel -k --pipe -N 1000 selaras stream --threads 1 < pairs.jsonl > beads.jsonl\n  \
selaras stream --dict words.tsv --set skip_cost=3 --max-record 1M < pairs.jsonl"
    )]
    Stream(StreamArgs),
    /// Split a text into sentences: one a line, an empty line between paragraphs
    #[command(after_help = "Examples:\n  \
selaras split artikel.txt\n  \
selaras split article.txt --lang en --format jsonl -o sentences.jsonl\n  \
selaras split artikel.txt -o id.split; selaras split article.txt --lang en -o en.split\n  \
selaras align id.split en.split --sentences -o pairs.csv\n\n\
The text output reads back with `selaras align --sentences`: correct a split by hand, then align.")]
    Split(SplitArgs),
    /// Score test ladders against gold ladders (strict and lax P/R/F1, pooled)
    #[command(after_help = "Examples:\n  \
selaras eval gold.ladder test.ladder\n  \
selaras eval g1.ladder t1.ladder g2.ladder t2.ladder --json\n\n\
Give GOLD TEST pairs; the scores are pooled over all of them. A ladder has\n\
one bead a line, 0-based sentence numbers: [0, 1]:[0], []:[5].")]
    Eval(EvalArgs),
    /// Print a shell completion script to standard output
    #[command(after_help = "Examples:\n  \
selaras completions bash > ~/.local/share/bash-completion/completions/selaras\n  \
selaras completions zsh > ~/.zfunc/_selaras    # with fpath+=~/.zfunc in ~/.zshrc\n  \
selaras completions fish > ~/.config/fish/completions/selaras.fish\n  \
selaras completions powershell >> $PROFILE")]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff) to standard output
    #[command(after_help = "Examples:\n  \
selaras man | man -l -\n  \
selaras man align | man -l -\n  \
selaras man > ~/.local/share/man/man1/selaras.1")]
    Man {
        /// A command's own page (selaras-align(1)…) instead of selaras(1)
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// `--version`: the version, then each built-in word list with its entry
/// count and a hash of its bytes, so two installs can be told apart.
fn long_version() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = env!("CARGO_PKG_VERSION").to_string();
        for (path, contents) in selaras::data_files() {
            let entries = contents
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .count();
            text += &format!(
                "\n{path:<24} {entries:>5} entries  fnv1a64 {:016x}",
                fnv1a64(contents.as_bytes())
            );
        }
        text
    })
}

/// FNV-1a, 64 bits: a stable content hash with no dependency.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The command as clap, the completions and the man page see it.
pub fn command() -> clap::Command {
    Cli::command().long_version(long_version())
}

/// Parse the command line (exit 2 with clap's message on a bad one).
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    /// Source text (Indonesian by default), UTF-8; - for standard input
    pub src: PathBuf,
    /// Target text (English by default), UTF-8; - for standard input
    pub tgt: PathBuf,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Keep the pairs confirmed in FILE (a reviewed CSV, TSV, XLSX or ladder)
    /// and align only between them
    #[arg(long, value_name = "FILE")]
    pub fixed: Option<PathBuf>,
    #[command(flatten)]
    pub aligner: AlignerArgs,
    #[command(flatten)]
    pub writer: WriterArgs,
}

/// Where one article pair's pairs go, and as what: shared by `align` and `apply`.
#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// Write here instead of standard output (written whole or not at all);
    /// - for standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format [default: from the -o extension, else csv]
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
}

#[derive(clap::Args, Debug)]
pub struct ApplyArgs {
    /// Source text, as given to align
    pub src: PathBuf,
    /// Target text, as given to align
    pub tgt: PathBuf,
    /// The corrected alignment: .csv, .tsv, .xlsx or .ladder
    pub reviewed: PathBuf,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub aligner: AlignerArgs,
    #[command(flatten)]
    pub writer: WriterArgs,
}

/// How to read and align: shared by `align`, `batch` and `stream`.
#[derive(clap::Args, Debug)]
pub struct AlignerArgs {
    /// Input is already split: each line is one sentence, blank lines separate paragraphs
    #[arg(long)]
    pub sentences: bool,
    /// Language of the source text: id, en, or any BCP 47 tag (de, id-ID); TMX and HTML use the tag
    #[arg(long, default_value = "id", value_parser = parse_tag)]
    pub src_lang: LangTag,
    /// Language of the target text
    #[arg(long, default_value = "en", value_parser = parse_tag)]
    pub tgt_lang: LangTag,
    /// A bilingual word list to use beside the built-in one: `source<TAB>target`
    /// lines, or hunalign's `target @ source` lines (repeatable)
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Change a tunable of the aligner, e.g. --set skip_cost=3 (see the README's table)
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub settings: Vec<String>,
}

/// What to write: shared by `align`, `batch` and `stream`.
#[derive(clap::Args, Debug)]
pub struct WriterArgs {
    /// CSV/TSV for Excel: a UTF-8 byte-order mark and CRLF line ends
    #[arg(long)]
    pub excel: bool,
    /// Write only pairs scoring at least this (0–1)
    #[arg(long, value_name = "X", value_parser = parse_score)]
    pub min_score: Option<f64>,
    /// Write only pairs that carry a QA flag
    #[arg(long)]
    pub only_flagged: bool,
    /// Keep unaligned sentences in TMX output (left out by default)
    #[arg(long)]
    pub tmx_unaligned: bool,
    /// Keep pairs that carry a QA flag out of TMX output
    #[arg(long)]
    pub tmx_skip_flagged: bool,
    /// TMX creationdate: 20250715T093000Z or 2025-07-15 [default: $SOURCE_DATE_EPOCH, else the source file's date]
    #[arg(long, value_name = "DATE", value_parser = parse_tmx_date)]
    pub tmx_date: Option<String>,
    /// TMX creationid: who made the memory [default: selaras]
    #[arg(long, value_name = "ID")]
    pub tmx_creator: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct BatchArgs {
    /// A list of article pairs: one `SOURCE<TAB>TARGET` a line, paths relative
    /// to the list's folder, taken byte for byte; blank lines and lines
    /// starting with `#` are skipped (list `#name` as `./#name`); - for
    /// standard input
    pub list: PathBuf,
    /// Write one file a pair here, named after the source file
    /// (`artikel.id.txt` → `artikel.id.csv`); without it, one JSON Lines
    /// stream goes to standard output or -o, each line naming its `doc`
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// The JSON Lines stream goes here instead of standard output
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Format of the files in --out-dir [default: csv]; without --out-dir
    /// only jsonl
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub threads: ThreadsArg,
    #[command(flatten)]
    pub aligner: AlignerArgs,
    #[command(flatten)]
    pub writer: WriterArgs,
}

/// How many pairs are aligned at once: shared by `batch` and `stream`.
#[derive(clap::Args, Debug)]
pub struct ThreadsArg {
    /// Align this many pairs at once [default: one a core]
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = parse_threads)]
    pub count: Option<usize>,
}

#[derive(clap::Args, Debug)]
pub struct StreamArgs {
    /// Refuse a record (one line) longer than this, with an error line:
    /// bytes, or with a K, M or G suffix
    #[arg(long, value_name = "BYTES", default_value = "4M", value_parser = parse_size)]
    pub max_record: usize,
    #[command(flatten)]
    pub threads: ThreadsArg,
    #[command(flatten)]
    pub aligner: AlignerArgs,
    #[command(flatten)]
    pub writer: WriterArgs,
}

#[derive(clap::Args, Debug)]
pub struct SplitArgs {
    /// Text to split, UTF-8; - for standard input
    pub file: PathBuf,
    /// Language rules to use (id, en; other tags get language-independent rules)
    #[arg(short, long, default_value = "id", value_parser = parse_lang)]
    pub lang: Lang,
    /// text: one sentence a line; jsonl: one object a sentence with its byte span
    #[arg(short, long, value_enum, default_value_t = SplitFormat::Text)]
    pub format: SplitFormat,
    /// Write here instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitFormat {
    Text,
    Jsonl,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// GOLD TEST ladder files, in pairs
    #[arg(required = true, num_args = 2.., value_name = "GOLD TEST")]
    pub files: Vec<PathBuf>,
    /// Print the scores as JSON
    #[arg(long)]
    pub json: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

/// A language as the rules see it, and the tag as the user wrote it.
#[derive(Debug, Clone)]
pub struct LangTag {
    pub lang: Lang,
    pub tag: String,
}

/// A BCP 47 tag (`id_ID` refused with the fix, `in` written `id`).
fn parse_tag(s: &str) -> Result<LangTag, String> {
    let tag = selaras::bcp47(s)?;
    Ok(LangTag {
        lang: tag.parse()?,
        tag,
    })
}

/// `2025-07-15` or TMX's own `20250715T093000Z`, as TMX writes it.
fn parse_tmx_date(s: &str) -> Result<String, String> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let tmx = s.len() == 16 && &s[8..9] == "T" && s.ends_with('Z');
    if tmx && digits(&s[..8]) && digits(&s[9..15]) {
        return Ok(s.to_string());
    }
    match s.split('-').collect::<Vec<_>>()[..] {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && [y, m, d].iter().all(|t| digits(t)) =>
        {
            Ok(format!("{y}{m}{d}T000000Z"))
        }
        _ => Err(format!(
            "'{s}' is not a date; give 2025-07-15 or 20250715T093000Z"
        )),
    }
}

fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("'{s}' is not a score; give a number from 0 to 1")),
    }
}

fn parse_threads(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (1..=1024).contains(&n) => Ok(n),
        _ => Err(format!("'{s}' is not a number of threads; give 1 to 1024")),
    }
}

/// `4096`, `64K`, `4M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((k, _)) => t.split_at(k),
        None => (t, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "'{s}' is not a size; give bytes, or e.g. 64K, 4M, 1G"
            ));
        }
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{s}' is not a size; give bytes, or e.g. 64K, 4M, 1G"))
}
