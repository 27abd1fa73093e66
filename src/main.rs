//! The `selaras` command: parse arguments, read files, run the pipeline,
//! write the result, report errors as one line and a non-zero exit.

mod cli;

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use cli::{AlignArgs, Cli, Command, EvalArgs, SplitArgs, SplitFormat};
use selaras::output::{self, Aligned, Format, Options};
use selaras::{Config, Document, Error, Lang, Lexicon, Result, eval, text};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Align(args) => run_align(args),
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

/// Read and decode a text file; a legacy-encoding fallback is reported.
fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let decoded = text::decode(&bytes, path)?;
    if let Some(note) = decoded.note {
        eprintln!("selaras: warning: {}: {note}", path.display());
    }
    Ok(decoded.text)
}

fn read_document(path: &Path, lang: Lang, presplit: bool) -> Result<Document> {
    Ok(Document::new(read_text(path)?, lang, presplit))
}

/// Write to `path` through a temporary file renamed into place, so a failed
/// run never leaves a partial file nor spoils an existing one; or to stdout.
fn write_output(
    path: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        return body(&mut out)
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                path: PathBuf::from("<stdout>"),
                source,
            });
    };
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".selaras-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        body(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn run_align(args: AlignArgs) -> Result<()> {
    let mut config = Config::default();
    for setting in &args.settings {
        let (name, value) = setting
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("--set {setting}: write it as NAME=VALUE")))?;
        config
            .set(name.trim(), value.trim())
            .map_err(Error::Usage)?;
    }
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
    let src = read_document(&args.src, args.src_lang.lang.clone(), args.sentences)?;
    let tgt = read_document(&args.tgt, args.tgt_lang.lang.clone(), args.sentences)?;
    let mut lexicon = Lexicon::builtin_for(&src.lang, &tgt.lang);
    for path in &args.dict {
        let user = Lexicon::parse(&read_text(path)?).map_err(|(line, message)| Error::Parse {
            path: path.clone(),
            line,
            message,
        })?;
        lexicon.extend(&user);
    }
    let beads = selaras::align_with_lexicon(&src, &tgt, &lexicon, &config);
    let min_score = args.min_score.unwrap_or(0.0);
    let aligned = Aligned::new(&src.sentences, &tgt.sentences, &beads)
        .only(|b| b.confidence >= min_score && (!args.only_flagged || !b.flags.is_empty()));
    let mut options = Options::new(&src.lang, &tgt.lang);
    options.excel = args.excel;
    options.src_tag = args.src_lang.tag.clone();
    options.tgt_tag = args.tgt_lang.tag.clone();
    options.tmx_unaligned = args.tmx_unaligned;
    options.title = format!("selaras: {} ↔ {}", args.src.display(), args.tgt.display());
    write_output(args.output.as_deref(), |w| {
        output::write(format, &aligned, &options, w)
    })?;
    eprintln!("selaras: {}", summary(&beads));
    Ok(())
}

/// `23 pairs (1-1: 19, 2-1: 1, 1-0: 3), 2 flagged, mean score 0.912`
fn summary(beads: &[selaras::Bead]) -> String {
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
            let text = fs::read_to_string(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?;
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
