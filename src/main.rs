//! The `selaras` command: parse arguments, read files, run the pipeline,
//! write the result, report errors as one line and a non-zero exit.

mod batch;
mod cli;
mod files;
mod pair;

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use cli::{AlignArgs, Cli, Command, EvalArgs, SplitArgs, SplitFormat};
use files::{read_document, read_text, write_output};
use pair::Aligner;
use selaras::output::{self, Format};
use selaras::{Error, Result, eval};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Align(args) => run_align(args),
        Command::Batch(args) => batch::run(args),
        Command::Split(args) => run_split(args),
        Command::Eval(args) => run_eval(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Write { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("selaras: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_align(args: AlignArgs) -> Result<()> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_path(path).unwrap_or(Format::Csv),
        (None, None) => Format::Csv,
    };
    if format == Format::Xlsx && args.output.is_none() {
        return Err(Error::Usage(
            "xlsx is a binary format: give a file with -o pairs.xlsx".into(),
        ));
    }
    let aligner = Aligner::new(&args.aligner)?;
    let pair = aligner.align(&args.src, &args.tgt)?;
    let aligned = pair.aligned(&args.writer);
    let options = pair.options(&args.aligner, &args.writer);
    write_output(args.output.as_deref(), |w| {
        output::write(format, &aligned, &options, w)
    })?;
    eprintln!("selaras: {}", summary(&pair.beads));
    Ok(())
}

/// `23 pairs (1-1: 19, 2-1: 1, 1-0: 3), 2 flagged, mean score 0.912`
pub fn summary(beads: &[selaras::Bead]) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for b in beads {
        *kinds.entry(b.kind()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let flagged = beads.iter().filter(|b| !b.flags.is_empty()).count();
    let mean = if beads.is_empty() {
        0.0
    } else {
        beads.iter().map(|b| b.confidence).sum::<f64>() / beads.len() as f64
    };
    format!(
        "{} pairs ({}), {flagged} flagged, mean score {mean:.3}",
        beads.len(),
        by_kind.join(", ")
    )
}

fn run_split(args: SplitArgs) -> Result<()> {
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

fn run_eval(args: EvalArgs) -> Result<()> {
    if !args.files.len().is_multiple_of(2) {
        return Err(Error::Usage(
            "eval takes GOLD TEST pairs; an odd number of files was given".into(),
        ));
    }
    let mut pairs = Vec::new();
    for pair in args.files.chunks(2) {
        let read = |p: &PathBuf| -> Result<_> {
            // Decoded like any input: a BOM or CRLF from Windows tools is fine.
            let text = read_text(p)?;
            eval::read_ladder(&text).map_err(|(line, message)| Error::Parse {
                path: p.clone(),
                line,
                message,
            })
        };
        pairs.push((read(&pair[0])?, read(&pair[1])?));
    }
    let report = eval::score(&pairs);
    write_output(None, |w| {
        if args.json {
            writeln!(
                w,
                "{}",
                serde_json::to_string_pretty(&report).map_err(io::Error::other)?
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
