//! The `selaras` command: parse arguments, read files, run the pipeline,
//! write the result, report errors as one line and a non-zero exit
//! (1 a failure while running, 2 a bad command line).

mod batch;
mod cli;
mod corrected;
mod files;
mod options;
mod pair;
mod report;
mod signals;
mod stream;
mod write;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cli::{AlignArgs, ApplyArgs, Command, EvalArgs, SplitArgs, SplitFormat};
use files::{read_bytes, read_document, refuse_overwrite, stdin_once};
use pair::Aligner;
use selaras::output::{self, Format};
use selaras::{Error, Result, eval, text};
use write::write_output;

fn main() -> ExitCode {
    write::init_stdio();
    signals::install();
    let cli = cli::parse();
    let result = match cli.command {
        Command::Align(args) => run_align(args),
        Command::Apply(args) => run_apply(args),
        Command::Batch(args) => batch::run(args),
        Command::Stream(args) => stream::run(args),
        Command::Split(args) => run_split(args),
        Command::Eval(args) => run_eval(args),
        Command::Completions { shell } => run_completions(shell),
        Command::Man { command } => run_man(command.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) is not a failure.
        Err(Error::Write { source, .. }) if broken_pipe(&source) => ExitCode::SUCCESS,
        Err(e) => {
            report::error(&e);
            match e {
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

/// Whether `e`, or an error it wraps, is a closed pipe.
fn broken_pipe(e: &io::Error) -> bool {
    let mut current: &(dyn std::error::Error + 'static) = e;
    loop {
        if let Some(io) = current.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            if let Some(inner) = io.get_ref() {
                current = inner;
                continue;
            }
        }
        match current.source() {
            Some(next) => current = next,
            None => return false,
        }
    }
}

fn run_align(args: AlignArgs) -> Result<()> {
    run_one(
        (&args.src, &args.tgt, args.fixed.as_deref(), false),
        &args.out,
        &args.aligner,
        &args.writer,
    )
}

fn run_apply(args: ApplyArgs) -> Result<()> {
    run_one(
        (&args.src, &args.tgt, Some(&args.reviewed), true),
        &args.out,
        &args.aligner,
        &args.writer,
    )
}

/// `align` (around the pairs confirmed in a reviewed file, if any) or
/// `apply` (the reviewed file's pairs): one article pair to one output.
fn run_one(
    (src, tgt, reviewed, apply): (&Path, &Path, Option<&Path>, bool),
    out: &cli::OutputArgs,
    aligner_args: &cli::AlignerArgs,
    writer: &cli::WriterArgs,
) -> Result<()> {
    let mut inputs: Vec<&Path> = vec![src, tgt];
    inputs.extend(reviewed);
    inputs.extend(aligner_args.dict.iter().map(PathBuf::as_path));
    stdin_once(inputs.iter().copied())?;
    let output = out.output.as_deref();
    refuse_overwrite([output], &inputs)?;
    let format = options::format_for(out.format, output, Format::Csv)?;
    options::check_writer(format, writer)?;
    options::check_binary(format, output)?;
    let aligner = Aligner::new(aligner_args)?.reviewing_for(format, writer);
    let pair = aligner.align_with(src, tgt, reviewed, apply)?;
    let aligned = pair.aligned(writer);
    let options = pair.options(aligner_args, writer);
    for warning in output::warnings(format, &aligned) {
        report::warn(warning);
    }
    write_output(output, |w| output::write(format, &aligned, &options, w))?;
    for warning in &pair.warnings {
        report::warn(warning);
    }
    report::say(summary(&pair.beads, aligner.reviews()));
    Ok(())
}

/// `23 pairs (1-1: 19, 2-1: 1, 1-0: 3), 2 flagged, mean score 0.912`; the
/// flagged count only where the pairs were `reviewed`.
pub fn summary(beads: &[selaras::Reviewed], reviewed: bool) -> String {
    let mut totals = Summary::default();
    totals.add(beads);
    totals.line(reviewed)
}

/// Running totals for a summary line: counts, never the pairs themselves,
/// so a batch of any length keeps to the memory of one pair.
#[derive(Default)]
pub struct Summary {
    pairs: usize,
    kinds: BTreeMap<String, usize>,
    flagged: usize,
    score_sum: f64,
}

impl Summary {
    pub fn add(&mut self, beads: &[selaras::Reviewed]) {
        for b in beads {
            self.pairs += 1;
            *self.kinds.entry(b.kind()).or_default() += 1;
            self.flagged += usize::from(!b.flags.is_empty());
            self.score_sum += b.score();
        }
    }

    pub fn line(&self, reviewed: bool) -> String {
        let by_kind: Vec<String> = self
            .kinds
            .iter()
            .map(|(k, n)| format!("{k}: {n}"))
            .collect();
        let mean = if self.pairs == 0 {
            0.0
        } else {
            self.score_sum / self.pairs as f64
        };
        let flagged = if reviewed {
            format!(", {} flagged", self.flagged)
        } else {
            String::new()
        };
        format!(
            "{} pairs ({}){flagged}, mean score {mean:.3}",
            self.pairs,
            by_kind.join(", ")
        )
    }
}

fn run_completions(shell: clap_complete::Shell) -> Result<()> {
    // clap_complete panics on a write error; a closed pipe (`| head`) must
    // end quietly, so the script is built first and written as any output.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli::command(), "selaras", &mut script);
    write_output(None, |w| w.write_all(&script))
}

/// selaras(1), or a command's own page, selaras-align(1)…
fn run_man(name: Option<&str>) -> Result<()> {
    // The page's VERSION section takes the short version; the data files'
    // lines are for `--version`.
    let mut cmd = cli::command().long_version(None::<&str>);
    cmd.build();
    let page = match name {
        None => cmd,
        Some(name) => cmd
            .get_subcommands()
            .find(|c| c.get_name() == name)
            .cloned()
            .ok_or_else(|| {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                Error::Usage(format!(
                    "man {name}: no such command; give one of {}",
                    names.join(", ")
                ))
            })?,
    };
    write_output(None, |w| clap_mangen::Man::new(page).render(w))
}

fn run_split(args: SplitArgs) -> Result<()> {
    refuse_overwrite([args.output.as_deref()], &[&args.file])?;
    let doc = read_document(&args.file, args.lang, false)?;
    write_output(args.output.as_deref(), |w| {
        let mut paragraph = None;
        for s in &doc.sentences {
            match args.format {
                SplitFormat::Text => {
                    if paragraph.is_some_and(|p| p != s.paragraph) {
                        writeln!(w)?;
                    }
                    writeln!(w, "{}", s.text)?;
                }
                SplitFormat::Jsonl => {
                    let line = serde_json::json!({
                        "text": s.text,
                        "start": s.span.start,
                        "end": s.span.end,
                        "paragraph": s.paragraph,
                    });
                    writeln!(w, "{line}")?;
                }
            }
            paragraph = Some(s.paragraph);
        }
        Ok(())
    })
}

/// A ladder file for `eval`, decoded like any input (a BOM or CRLF from
/// Windows tools is fine); an empty file is an empty ladder. A test ladder
/// must be monotone, as aligners write them; a gold one may cross.
fn read_ladder(path: &Path, monotone: bool) -> Result<eval::Ladder> {
    let text = match text::decode(&read_bytes(path)?, path) {
        Ok(decoded) => decoded.text,
        Err(Error::Empty { .. }) => String::new(),
        Err(e) => return Err(e),
    };
    eval::Ladder::read(&text, monotone).map_err(|(line, message)| Error::Parse {
        path: path.to_path_buf(),
        line,
        message,
    })
}

fn run_eval(args: EvalArgs) -> Result<()> {
    if !args.files.len().is_multiple_of(2) {
        return Err(Error::Usage(
            "eval takes GOLD TEST pairs; an odd number of files was given".into(),
        ));
    }
    stdin_once(args.files.iter().map(PathBuf::as_path))?;
    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    refuse_overwrite([None], &inputs)?;
    let mut pairs = Vec::new();
    for pair in args.files.chunks(2) {
        let (gold, test) = (read_ladder(&pair[0], false)?, read_ladder(&pair[1], true)?);
        if gold.beads.is_empty() {
            return Err(Error::Parse {
                path: pair[0].clone(),
                line: 1,
                message: "the gold ladder is empty; give the reference alignment".into(),
            });
        }
        eval::check_same_document(&gold, &test).map_err(|(which, line, message)| Error::Parse {
            path: pair[which as usize].clone(),
            line,
            message,
        })?;
        pairs.push((gold.beads, test.beads));
    }
    let report = eval::score(&pairs);
    write_output(None, |w| {
        if args.json {
            writeln!(
                w,
                "{}",
                serde_json::to_string_pretty(&report).map_err(io::Error::from)?
            )
        } else {
            writeln!(w, "documents {}", report.documents)?;
            writeln!(w, "         precision  recall      F1")?;
            for (name, s) in [("strict", report.strict), ("lax", report.lax)] {
                writeln!(
                    w,
                    "{name:<8} {:>9.4} {:>7.4} {:>7.4}",
                    s.precision, s.recall, s.f1
                )?;
            }
            Ok(())
        }
    })
}
