//! Universal Dependencies PUD (`../shared/data/ud-pud`) as a sentence-splitting
//! benchmark: the parser of its CoNLL-U files and the boundary score.
//!
//! Shared by `tests/ud_pud.rs` and `benches/split.rs` (each includes it with
//! `#[path]`).
//!
//! A document is the run of consecutive sentences whose `sent_id` has the same
//! first 6 characters (`n01001011` → `n01001`); the English file also marks
//! documents with `# newdoc id`, and the parser checks those agree. A
//! document's text is its gold sentences (`# text =`) joined by one space.
//! A boundary is the byte offset where a sentence starts, offset 0 excluded.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use selaras::Lang;

/// Length of the document prefix of a `sent_id`.
const DOC_PREFIX: usize = 6;

/// The documents of a CoNLL-U file, each as its gold sentences in file order.
pub fn documents(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parse CoNLL-U text; see [`documents`].
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    let mut current_doc: Option<String> = None;
    // `# newdoc id` seen since the last sentence, and whether the file has any.
    let mut pending_newdoc: Option<String> = None;
    let mut has_newdoc = false;
    let mut sent_id: Option<String> = None;
    let mut sent_text: Option<String> = None;

    // Called at the end of each sentence block.
    let mut finish = |line_no: usize,
                      sent_id: &mut Option<String>,
                      sent_text: &mut Option<String>,
                      pending_newdoc: &mut Option<String>,
                      has_newdoc: bool|
     -> Result<(), String> {
        let (id, txt) = match (sent_id.take(), sent_text.take()) {
            (None, None) => return Ok(()),
            (Some(id), Some(txt)) => (id, txt),
            (id, _) => {
                return Err(format!(
                    "sentence block ending at line {line_no} lacks {}",
                    if id.is_none() {
                        "`# sent_id`"
                    } else {
                        "`# text`"
                    }
                ));
            }
        };
        let prefix: String = id.chars().take(DOC_PREFIX).collect();
        let new_doc = current_doc.as_deref() != Some(prefix.as_str());
        if has_newdoc {
            match pending_newdoc.take() {
                Some(nd) if nd != prefix => {
                    return Err(format!(
                        "line {line_no}: `# newdoc id = {nd}` before sentence {id}, \
                         whose prefix is {prefix}"
                    ));
                }
                Some(_) if !new_doc => {
                    return Err(format!(
                        "line {line_no}: `# newdoc id` inside document {prefix}"
                    ));
                }
                None if new_doc => {
                    return Err(format!(
                        "line {line_no}: sentence {id} starts document {prefix} \
                         without `# newdoc id`"
                    ));
                }
                _ => {}
            }
        }
        if new_doc {
            docs.push(Vec::new());
            current_doc = Some(prefix);
        }
        docs.last_mut().expect("a document is open").push(txt);
        Ok(())
    };

    let mut line_no = 0;
    for line in text.lines() {
        line_no += 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(
                line_no,
                &mut sent_id,
                &mut sent_text,
                &mut pending_newdoc,
                has_newdoc,
            )?;
        } else if let Some(rest) = line.strip_prefix('#') {
            let Some((key, value)) = rest.split_once('=') else {
                continue;
            };
            let value = value.trim().to_string();
            match key.trim() {
                "newdoc id" => {
                    has_newdoc = true;
                    pending_newdoc = Some(value);
                }
                "sent_id" => sent_id = Some(value),
                "text" => sent_text = Some(value),
                _ => {}
            }
        }
    }
    finish(
        line_no + 1,
        &mut sent_id,
        &mut sent_text,
        &mut pending_newdoc,
        has_newdoc,
    )?;
    Ok(docs)
}

/// A document's text: its sentences joined by one space, and the byte span of
/// each sentence in it.
pub fn join(sentences: &[String]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sentences.len());
    for s in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(s);
        spans.push(start..text.len());
    }
    (text, spans)
}

/// Boundary precision, recall and F1 of `selaras::segment::split_text` over
/// `docs`, pooled over all documents, and the errors: one entry per stretch of
/// text where gold and predicted boundaries disagree (between two boundaries
/// both agree on), labelled `doc N, bytes a..b: …`, with the gold and the
/// predicted sentences of that stretch as lines `gold: …` / `pred: …`.
pub fn boundary_scores(
    lang: &Lang,
    docs: &[Vec<String>],
) -> (f64, f64, f64, Vec<(String, Vec<String>)>) {
    let (mut n_gold, mut n_pred, mut n_hit) = (0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for (d, sentences) in docs.iter().enumerate() {
        let (text, gold_spans) = join(sentences);
        let pred_spans: Vec<Range<usize>> = selaras::segment::split_text(&text, lang)
            .into_iter()
            .map(|s| s.span)
            .collect();
        let gold: BTreeSet<usize> = gold_spans.iter().skip(1).map(|r| r.start).collect();
        let pred: BTreeSet<usize> = pred_spans
            .iter()
            .map(|r| r.start)
            .filter(|&b| b != 0)
            .collect();
        n_gold += gold.len();
        n_pred += pred.len();
        n_hit += gold.intersection(&pred).count();
        if gold != pred {
            errors.extend(disagreements(
                d,
                &text,
                &gold,
                &pred,
                &gold_spans,
                &pred_spans,
            ));
        }
    }
    let p = ratio(n_hit, n_pred);
    let r = ratio(n_hit, n_gold);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f, errors)
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The stretches of one document where the boundaries differ.
fn disagreements(
    doc: usize,
    text: &str,
    gold: &BTreeSet<usize>,
    pred: &BTreeSet<usize>,
    gold_spans: &[Range<usize>],
    pred_spans: &[Range<usize>],
) -> Vec<(String, Vec<String>)> {
    // Boundaries both sides agree on, with the document's ends, cut the text
    // into stretches; report each stretch holding a disagreement.
    let mut agreed: Vec<usize> = gold.intersection(pred).copied().collect();
    agreed.insert(0, 0);
    agreed.push(text.len() + 1);
    let mut out = Vec::new();
    for w in agreed.windows(2) {
        let (lo, hi) = (w[0], w[1]);
        let missed: Vec<usize> = gold.range(lo + 1..hi).copied().collect();
        let spurious: Vec<usize> = pred.range(lo + 1..hi).copied().collect();
        if missed.is_empty() && spurious.is_empty() {
            continue;
        }
        let hi_text = hi.min(text.len());
        let mut label = format!("doc {doc}, bytes {lo}..{hi_text}:");
        if !missed.is_empty() {
            label += &format!(" {} missed", missed.len());
        }
        if !spurious.is_empty() {
            label += &format!(" {} spurious", spurious.len());
        }
        let mut lines = Vec::new();
        for r in gold_spans.iter().filter(|r| r.start >= lo && r.start < hi) {
            lines.push(format!("gold: {}", &text[r.clone()]));
        }
        for r in pred_spans.iter().filter(|r| r.start >= lo && r.start < hi) {
            lines.push(format!("pred: {}", &text[r.clone()]));
        }
        out.push((label, lines));
    }
    out
}
