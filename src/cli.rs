//! Command-line definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use selaras::Lang;
use selaras::output::Format;

#[derive(Parser, Debug)]
#[command(
    name = "selaras",
    version,
    about = "Align an Indonesian article with its English counterpart, sentence by sentence",
    long_about = "Align an Indonesian article with its English counterpart, sentence by sentence, \
and write the pairs for review.\n\n\
Typical use:\n  selaras align artikel.id.txt article.en.txt -o pairs.csv\n  \
selaras split artikel.id.txt\n  selaras eval gold.ladder test.ladder"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Align two texts and write the sentence pairs (CSV by default)
    #[command(
        after_help = "CSV columns: pair,type,src_idx,tgt_idx,source,target,score\n  \
type     bead shape: 1-1, 2-1 (two source sentences, one target), 1-0 (unaligned)…\n  \
src_idx  0-based source sentence number(s): 4, or 4-5 for several, empty for none\n  \
score    confidence in [0,1]; check pairs below 0.5 first\n\n\
Examples:\n  selaras align corpora/ekspor-nikel/id.txt corpora/ekspor-nikel/en.txt -o pairs.csv\n  \
selaras align id.lines en.lines --sentences --format ladder"
    )]
    Align(AlignArgs),
    /// Split a text into sentences: one a line, an empty line between paragraphs
    Split(SplitArgs),
    /// Score test ladders against gold ladders (strict and lax P/R/F1, pooled)
    #[command(
        after_help = "Give GOLD TEST pairs: selaras eval g1.ladder t1.ladder g2.ladder t2.ladder"
    )]
    Eval(EvalArgs),
}

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    /// Source text (Indonesian by default), UTF-8
    pub src: PathBuf,
    /// Target text (English by default), UTF-8
    pub tgt: PathBuf,
    /// Write here instead of standard output (written whole or not at all)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Input is already split: each line is one sentence, blank lines separate paragraphs
    #[arg(long)]
    pub sentences: bool,
    /// Language of the source text (id, en, or any tag such as de)
    #[arg(long, default_value = "id", value_parser = parse_lang)]
    pub src_lang: Lang,
    /// Language of the target text
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub tgt_lang: Lang,
    /// A bilingual word list to use beside the built-in one: `source<TAB>target`
    /// lines, or hunalign's `target @ source` lines (repeatable)
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Change a tunable of the aligner, e.g. --set skip_cost=3 (see the README's table)
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub settings: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct SplitArgs {
    /// Text to split, UTF-8
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
