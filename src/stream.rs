//! `selaras stream`: article pairs as JSON Lines on standard input, beads as
//! JSON Lines on standard output — the filter that Spark's `RDD.pipe`, Hadoop
//! streaming and shell pipelines run. Records are aligned in small chunks in
//! parallel and written in input order, each flushed when written, so memory
//! follows the largest record, never the length of the stream. A bad record
//! gives one error line and the stream goes on.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::cli::StreamArgs;
use crate::files::{refuse_overwrite, stdin_once};
use crate::options;
use crate::pair::{Aligner, Pair};
use crate::report;
use crate::write::write_output;
use selaras::output::Format;
use selaras::{Document, Error, Lang, Lexicon, Result, text};

/// Records aligned at once per thread, as in `batch`: enough to keep every
/// core busy, few enough to keep memory flat.
const CHUNK_PER_THREAD: usize = 4;

/// One line of input as read: its bytes, or only its length when it is over
/// the limit (the bytes are skipped, never held).
#[derive(Debug, PartialEq)]
enum Raw {
    Line(Vec<u8>),
    TooLong(u64),
}

/// The next line of `input` without its `\n`, holding at most `limit` bytes
/// of it; `None` at the end.
fn read_line(input: &mut impl BufRead, limit: usize) -> io::Result<Option<Raw>> {
    let mut line = Vec::new();
    let mut len: u64 = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if len == 0 {
                return Ok(None);
            }
            break;
        }
        let (take, end) = match buf.iter().position(|&b| b == b'\n') {
            Some(k) => (k, true),
            None => (buf.len(), false),
        };
        len += take as u64;
        if len <= limit as u64 {
            line.extend_from_slice(&buf[..take]);
        } else if !line.is_empty() {
            line = Vec::new();
        }
        input.consume(take + usize::from(end));
        if end {
            // A lone `\n` still counts as a line (an empty one).
            len = len.max(1);
            break;
        }
    }
    Ok(Some(if len > limit as u64 {
        Raw::TooLong(len)
    } else {
        Raw::Line(line)
    }))
}

/// A record, checked.
#[derive(Debug)]
struct Record {
    doc: String,
    src: String,
    tgt: String,
    src_lang: Option<Lang>,
    tgt_lang: Option<Lang>,
    sentences: Option<bool>,
}

/// Why a record was not aligned, with its `doc` when that could be read.
#[derive(Debug)]
struct Failure {
    doc: Option<String>,
    error: String,
}

fn fail(doc: &Option<String>, error: impl Into<String>) -> Failure {
    Failure {
        doc: doc.clone(),
        error: error.into(),
    }
}

/// `doc` as a string: a number is taken as its JSON text (`17` → `"17"`).
fn doc_of(value: Option<&Value>) -> std::result::Result<String, &'static str> {
    match value {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        None | Some(Value::Null) => Err("no \"doc\": give each record a doc name"),
        Some(_) => Err("\"doc\" must be a string or a number"),
    }
}

/// Read a record from one line of JSON. Fields other than those known are
/// ignored; a `null` optional field counts as absent.
fn parse(bytes: &[u8]) -> std::result::Result<Record, Failure> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| fail(&None, format!("not a JSON record: {e}")))?;
    let Value::Object(map) = value else {
        return Err(fail(
            &None,
            "not a JSON object; give {\"doc\": …, \"src\": …, \"tgt\": …}",
        ));
    };
    let name = doc_of(map.get("doc")).map_err(|e| fail(&None, e))?;
    let doc = Some(name.clone());
    let field = |key: &str| map.get(key).filter(|v| !v.is_null());
    let text = |key: &str| match field(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(fail(&doc, format!("\"{key}\" must be a string"))),
        None => Err(fail(&doc, format!("no \"{key}\": give the text to align"))),
    };
    let lang = |key: &str| match field(key) {
        Some(Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|e: String| fail(&doc, format!("\"{key}\": {e}"))),
        Some(_) => Err(fail(&doc, format!("\"{key}\" must be a language tag"))),
        None => Ok(None),
    };
    let sentences = match field("sentences") {
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(fail(&doc, "\"sentences\" must be true or false")),
        None => None,
    };
    Ok(Record {
        src: text("src")?,
        tgt: text("tgt")?,
        src_lang: lang("src_lang")?,
        tgt_lang: lang("tgt_lang")?,
        sentences,
        doc: name,
    })
}

/// A record's text as a document, decoded as `batch` decodes a file (BOM,
/// line ends, NFC), so the two give the same sentences.
fn document(
    name: &str,
    text: &str,
    lang: Lang,
    presplit: bool,
) -> std::result::Result<Document, String> {
    match text::decode(text.as_bytes(), Path::new(name)) {
        Ok(decoded) => Ok(Document::new(decoded.text, lang, presplit)),
        Err(Error::Empty { .. }) => Err(format!("\"{name}\" is empty; give the text to align")),
        Err(Error::Binary { offset, .. }) => Err(format!(
            "\"{name}\" has a NUL character at byte {offset}; give plain text"
        )),
        Err(e) => Err(format!("\"{name}\": {e}")),
    }
}

/// The languages the built-in word list tells apart: every tag but
/// Indonesian and English is one key.
fn builtin_key(lang: &Lang) -> Lang {
    match lang {
        Lang::Other(_) => Lang::Other(String::new()),
        known => known.clone(),
    }
}

/// The word lists of the language pairs met so far. The built-in list knows
/// Indonesian and English only, so every other tag shares one entry and the
/// cache stays small whatever the input holds.
struct Lexicons<'a> {
    aligner: &'a Aligner<'a>,
    default: (Lang, Lang),
    others: Mutex<HashMap<(Lang, Lang), Arc<Lexicon>>>,
}

impl<'a> Lexicons<'a> {
    fn new(aligner: &'a Aligner<'a>, args: &StreamArgs) -> Self {
        let (s, t) = (&args.aligner.src_lang.lang, &args.aligner.tgt_lang.lang);
        Lexicons {
            aligner,
            default: (builtin_key(s), builtin_key(t)),
            others: Mutex::default(),
        }
    }

    /// Run `f` with the word list for `src` → `tgt`.
    fn with<T>(&self, src: &Lang, tgt: &Lang, f: impl FnOnce(&Lexicon) -> T) -> T {
        let pair = (builtin_key(src), builtin_key(tgt));
        if pair == self.default {
            return f(self.aligner.lexicon());
        }
        let lexicon = self
            .others
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(pair)
            .or_insert_with(|| Arc::new(self.aligner.lexicon_for(src, tgt)))
            .clone();
        f(&lexicon)
    }
}

/// A record aligned, or why not.
type Outcome = std::result::Result<(String, Pair), Failure>;

fn align(raw: Raw, args: &StreamArgs, lexicons: &Lexicons) -> Outcome {
    let bytes = match raw {
        Raw::Line(bytes) => bytes,
        Raw::TooLong(len) => {
            return Err(fail(
                &None,
                format!(
                    "the record is {len} bytes, over the limit of {} (--max-record)",
                    args.max_record
                ),
            ));
        }
    };
    let record = parse(&bytes)?;
    drop(bytes);
    let doc = Some(record.doc.clone());
    let a = &args.aligner;
    let src_lang = record.src_lang.unwrap_or_else(|| a.src_lang.lang.clone());
    let tgt_lang = record.tgt_lang.unwrap_or_else(|| a.tgt_lang.lang.clone());
    let presplit = record.sentences.unwrap_or(a.sentences);
    let src =
        document("src", &record.src, src_lang.clone(), presplit).map_err(|e| fail(&doc, e))?;
    let tgt =
        document("tgt", &record.tgt, tgt_lang.clone(), presplit).map_err(|e| fail(&doc, e))?;
    let pair = lexicons
        .with(&src_lang, &tgt_lang, |lexicon| {
            lexicons
                .aligner
                .align_documents(src, tgt, lexicon, &record.doc)
        })
        .map_err(|e| fail(&doc, e.to_string()))?;
    Ok((record.doc, pair))
}

/// The line written for a record that failed.
#[derive(Serialize)]
struct ErrorLine<'a> {
    doc: Option<&'a str>,
    error: &'a str,
    /// 1-based line of the input, to find a record whose `doc` is unknown.
    line: u64,
}

/// The first line without the UTF-8 byte-order mark some Windows tools
/// write, as `batch` reads its list.
fn without_bom(raw: Raw, number: u64) -> Raw {
    match raw {
        Raw::Line(bytes) if number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") => {
            Raw::Line(bytes[3..].to_vec())
        }
        other => other,
    }
}

/// What the reader thread hands on: a line with its number, or the read
/// error that ends the input.
type Item = io::Result<(u64, Raw)>;

/// Read standard input on a thread of its own, so records are parsed and
/// aligned while the next ones arrive; at most `bound` lines wait.
fn reader(limit: usize, bound: usize) -> Receiver<Item> {
    let (tx, rx) = mpsc::sync_channel(bound);
    std::thread::spawn(move || {
        let mut input = io::stdin().lock();
        let mut number = 0;
        loop {
            let item = match read_line(&mut input, limit) {
                Ok(None) => return,
                Ok(Some(raw)) => {
                    number += 1;
                    Ok((number, without_bom(raw, number)))
                }
                Err(e) => Err(e),
            };
            let failed = item.is_err();
            if tx.send(item).is_err() || failed {
                return;
            }
        }
    });
    rx
}

/// Counts for the closing line.
#[derive(Default)]
struct Tally {
    records: usize,
    failed: usize,
    /// Pairs aligned, before `--min-score` and `--only-flagged`.
    pairs: usize,
}

/// The next chunk: wait for one line, then take what has already arrived, up
/// to `size`, so a lone record is aligned at once and a fast input fills
/// every thread. Blank lines are skipped. A read error ends the chunk.
fn next_chunk(rx: &Receiver<Item>, size: usize) -> (Vec<(u64, Raw)>, Option<io::Error>) {
    let mut chunk = Vec::with_capacity(size);
    let mut item = rx.recv().ok();
    while let Some(next) = item {
        match next {
            Ok((_, Raw::Line(bytes))) if bytes.trim_ascii().is_empty() => {}
            Ok(line) => chunk.push(line),
            Err(e) => return (chunk, Some(e)),
        }
        if chunk.len() >= size {
            break;
        }
        item = match rx.try_recv() {
            Ok(next) => Some(next),
            Err(TryRecvError::Empty) if chunk.is_empty() => rx.recv().ok(),
            Err(_) => None,
        };
    }
    (chunk, None)
}

pub fn run(args: StreamArgs) -> Result<()> {
    options::threads(args.threads.count)?;
    let stdin = Path::new("-");
    let mut inputs: Vec<&Path> = vec![stdin];
    inputs.extend(args.aligner.dict.iter().map(|p| p.as_path()));
    stdin_once(inputs.iter().copied())?;
    refuse_overwrite([None], &inputs)?;
    options::check_writer(Format::Jsonl, &args.writer)?;
    let aligner = Aligner::new(&args.aligner)?.reviewing_for(Format::Jsonl, &args.writer);
    let lexicons = Lexicons::new(&aligner, &args);
    let size = rayon::current_num_threads().max(1) * CHUNK_PER_THREAD;
    let rx = reader(args.max_record, size);
    let mut tally = Tally::default();
    let mut read_error = None;
    write_output(None, |out| {
        while read_error.is_none() {
            let (chunk, error) = next_chunk(&rx, size);
            read_error = error;
            if chunk.is_empty() {
                break;
            }
            let numbers: Vec<u64> = chunk.iter().map(|(n, _)| *n).collect();
            let done: Vec<Outcome> = chunk
                .into_par_iter()
                .map(|(_, raw)| align(raw, &args, &lexicons))
                .collect();
            for (outcome, line) in done.into_iter().zip(numbers) {
                tally.records += 1;
                write_outcome(outcome, line, &args, out, &mut tally)?;
            }
        }
        Ok(())
    })?;
    if let Some(source) = read_error {
        return Err(Error::Read {
            path: "<stdin>".into(),
            source,
        });
    }
    report::say(format_args!(
        "{} records aligned ({} pairs), {} failed",
        tally.records - tally.failed,
        tally.pairs,
        tally.failed,
    ));
    if tally.failed > 0 {
        return Err(Error::Incomplete(format!(
            "{} of {} records failed (see their error lines)",
            tally.failed, tally.records
        )));
    }
    Ok(())
}

/// Write one record's lines (its beads, or its error line) and flush them.
fn write_outcome(
    outcome: Outcome,
    line: u64,
    args: &StreamArgs,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> io::Result<()> {
    match outcome {
        Ok((doc, pair)) => {
            for warning in &pair.warnings {
                report::warn(format_args!("{doc}: {warning}"));
            }
            tally.pairs += pair.beads.len();
            pair.write_jsonl(&doc, &args.aligner, &args.writer, out)
        }
        Err(failure) => {
            tally.failed += 1;
            let line = ErrorLine {
                doc: failure.doc.as_deref(),
                error: &failure.error,
                line,
            };
            serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
            out.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<Raw> {
        let mut reader = io::BufReader::with_capacity(4, input);
        std::iter::from_fn(|| read_line(&mut reader, limit).unwrap()).collect()
    }

    #[test]
    fn lines_over_the_limit_are_measured_not_held() {
        let got = lines(b"abc\n\nabcdefghij\nxy", 5);
        assert_eq!(
            got,
            [
                Raw::Line(b"abc".to_vec()),
                Raw::Line(Vec::new()),
                Raw::TooLong(10),
                Raw::Line(b"xy".to_vec()),
            ]
        );
        // Exactly at the limit is fine; the last line needs no `\n`.
        assert_eq!(lines(b"abcde", 5), [Raw::Line(b"abcde".to_vec())]);
        assert_eq!(lines(b"abcdef\n", 5), [Raw::TooLong(6)]);
        assert!(lines(b"", 5).is_empty());
    }

    fn error(json: &str) -> (Option<String>, String) {
        let f = parse(json.as_bytes()).expect_err(json);
        (f.doc, f.error)
    }

    #[test]
    fn each_bad_record_says_why_and_keeps_its_doc() {
        assert!(error("{oops").1.starts_with("not a JSON record"));
        assert!(error("[1, 2]").1.starts_with("not a JSON object"));
        assert_eq!(error(r#"{"src":"a","tgt":"b"}"#).0, None);
        assert!(
            error(r#"{"doc":{},"src":"a","tgt":"b"}"#)
                .1
                .contains("\"doc\" must be")
        );
        let (doc, why) = error(r#"{"doc":"d1","tgt":"b"}"#);
        assert_eq!(
            (doc.as_deref(), why.as_str()),
            (Some("d1"), "no \"src\": give the text to align")
        );
        assert!(
            error(r#"{"doc":"d","src":5,"tgt":"b"}"#)
                .1
                .contains("\"src\" must be a string")
        );
        assert!(
            error(r#"{"doc":"d","src":"a","tgt":"b","src_lang":"x y"}"#)
                .1
                .contains("not a language tag")
        );
        assert!(
            error(r#"{"doc":"d","src":"a","tgt":"b","sentences":1}"#)
                .1
                .contains("true or false")
        );
    }

    #[test]
    fn records_take_numbers_as_docs_and_nulls_as_absent() {
        let r = parse(
            br#"{"doc":17,"src":"a","tgt":"b","src_lang":null,"extra":[1],"sentences":true}"#,
        )
        .unwrap();
        assert_eq!(r.doc, "17");
        assert_eq!((r.src.as_str(), r.tgt.as_str()), ("a", "b"));
        assert_eq!((r.src_lang, r.sentences), (None, Some(true)));
        let r = parse(br#"{"doc":"d","src":"a","tgt":"b","tgt_lang":"de"}"#).unwrap();
        assert_eq!(r.tgt_lang, Some(Lang::Other("de".into())));
    }

    #[test]
    fn empty_and_binary_texts_are_refused() {
        let err = document("src", " \n\t", Lang::Id, false).unwrap_err();
        assert_eq!(err, "\"src\" is empty; give the text to align");
        let err = document("tgt", "a\0b", Lang::En, false).unwrap_err();
        assert!(err.contains("NUL character at byte 1"), "{err}");
        // Decoded as a file is: CRLF and NFC, so `stream` and `batch` agree.
        let doc = document("src", "Cafe\u{301} baru.\r\nDibuka.", Lang::Id, false).unwrap();
        assert_eq!(doc.text, "Caf\u{e9} baru.\nDibuka.");
    }
}
