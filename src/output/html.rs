//! A review page in one self-contained HTML file (no network): the two texts
//! side by side, each pair tinted by its score, flags and their notes beside
//! it, a filter for flagged pairs, and counts at the top.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Aligned, Options};
use crate::review::FlagKind;

/// Text made safe for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Red (0) through amber to green (1).
fn tint(score: f64) -> String {
    format!("hsl({:.0}, 70%, 45%)", score.clamp(0.0, 1.0) * 120.0)
}

const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2430; background: #f4f6f9; }
header { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid #d8dde6; padding: 12px 24px; }
h1 { font-size: 18px; margin: 0 0 6px; }
.summary { color: #4a5568; margin-bottom: 8px; }
.summary b { color: #1d2430; }
.controls { display: flex; gap: 18px; align-items: center; flex-wrap: wrap; }
.warning { background: #fff4e5; border: 1px solid #f0b429; border-radius: 4px; padding: 4px 8px; margin: 4px 0; }
.chips { display: flex; gap: 6px; flex-wrap: wrap; }
.chip { border: 1px solid #c9d1dd; background: #f7f9fc; border-radius: 12px; padding: 1px 9px; font-size: 13px; cursor: pointer; }
.chip.on { background: #2b6cb0; color: #fff; border-color: #2b6cb0; }
main { max-width: 1500px; margin: 0 auto; padding: 12px 24px 40px; }
table { width: 100%; border-collapse: separate; border-spacing: 0 6px; table-layout: fixed; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5a6678; padding: 0 10px; }
td { background: #fff; padding: 8px 10px; vertical-align: top; border-top: 1px solid #e3e7ee; border-bottom: 1px solid #e3e7ee; }
td:first-child { border-left: 6px solid var(--tint); border-radius: 6px 0 0 6px; }
td:last-child { border-right: 1px solid #e3e7ee; border-radius: 0 6px 6px 0; }
col.n { width: 64px; } col.s { width: 70px; } col.f { width: 22%; }
.num { color: #5a6678; font-size: 12px; }
.score { font-weight: 600; color: var(--tint); }
.none { color: #9aa5b4; font-style: italic; }
.idx { display: block; color: #8a94a6; font-size: 11px; }
.flag { display: block; margin-bottom: 4px; font-size: 13px; }
.flag b { display: inline-block; background: #fde8d7; color: #8a3b0b; border-radius: 4px; padding: 0 5px; font-size: 12px; font-weight: 600; }
tr.flagged td { background: #fffaf5; }
tr[hidden] { display: none; }
"#;

const SCRIPT: &str = r#"
const only = document.getElementById('only-flagged');
const chips = [...document.querySelectorAll('.chip')];
const rows = [...document.querySelectorAll('tbody tr')];
const shown = document.getElementById('shown');
let flag = '';
function apply() {
  let n = 0;
  for (const row of rows) {
    const flags = row.dataset.flags ? row.dataset.flags.split(' ') : [];
    const hide = (only.checked && flags.length === 0) || (flag && !flags.includes(flag));
    row.hidden = hide;
    if (!hide) n++;
  }
  shown.textContent = n;
  for (const c of chips) c.classList.toggle('on', c.dataset.flag === flag);
}
only.addEventListener('change', apply);
for (const c of chips) c.addEventListener('click', () => { flag = flag === c.dataset.flag ? '' : c.dataset.flag; if (flag) only.checked = true; apply(); });
// `#flagged` opens the page filtered; `#flag=merged` on one flag.
const hash = decodeURIComponent(location.hash.slice(1));
if (hash === 'flagged') only.checked = true;
if (hash.startsWith('flag=')) { flag = hash.slice(5); only.checked = true; }
apply();
"#;

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let records: Vec<_> = aligned.records().collect();
    let mut by_flag: BTreeMap<FlagKind, usize> = BTreeMap::new();
    let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
    for r in &records {
        *by_type.entry(r.kind()).or_default() += 1;
        // Chips count pairs: a kind counts once in a pair.
        let kinds: std::collections::BTreeSet<_> =
            r.reviewed.flags.iter().map(|f| f.kind).collect();
        for kind in kinds {
            *by_flag.entry(kind).or_default() += 1;
        }
    }
    let flagged = records
        .iter()
        .filter(|r| !r.reviewed.flags.is_empty())
        .count();
    let mean =
        records.iter().map(|r| r.reviewed.score()).sum::<f64>() / records.len().max(1) as f64;
    let types: Vec<String> = by_type.iter().map(|(k, n)| format!("{k}: {n}")).collect();

    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&options.title)
    )?;
    writeln!(out, "<header>\n<h1>{}</h1>", esc(&options.title))?;
    writeln!(
        out,
        "<div class=\"summary\"><b id=\"pairs\">{}</b> pairs ({}) · <b id=\"flagged\">{flagged}</b> flagged · mean score <b>{mean:.3}</b> · showing <b id=\"shown\">{}</b></div>",
        records.len(),
        esc(&types.join(", ")),
        records.len()
    )?;
    for warning in &options.warnings {
        writeln!(out, "<div class=\"warning\">⚠ {}</div>", esc(warning))?;
    }
    writeln!(
        out,
        "<div class=\"controls\"><label><input type=\"checkbox\" id=\"only-flagged\"> only flagged pairs</label><div class=\"chips\">"
    )?;
    for (kind, n) in &by_flag {
        writeln!(
            out,
            "<span class=\"chip\" data-flag=\"{0}\" title=\"show only pairs flagged {0}\">{0} {n}</span>",
            kind.code()
        )?;
    }
    writeln!(out, "</div></div>\n</header>\n<main>\n<table>")?;
    writeln!(
        out,
        "<colgroup><col class=\"n\"><col class=\"s\"><col><col><col class=\"f\"></colgroup>\n<thead><tr><th>pair</th><th>score</th><th>{}</th><th>{}</th><th>flags</th></tr></thead>\n<tbody>",
        esc(&options.src_tag),
        esc(&options.tgt_tag)
    )?;
    for r in &records {
        let codes: Vec<&str> = r.reviewed.flags.iter().map(|f| f.code()).collect();
        let class = if codes.is_empty() {
            ""
        } else {
            " class=\"flagged\""
        };
        write!(
            out,
            "<tr id=\"p{0}\" data-flags=\"{1}\"{class} style=\"--tint: {2}\"><td><span class=\"num\">{0}</span><span class=\"idx\">{3}</span></td><td class=\"score\">{4}</td>",
            r.pair,
            codes.join(" "),
            tint(r.reviewed.score()),
            esc(&r.kind()),
            r.score()
        )?;
        for (text, idx) in [(&r.source, r.src_idx()), (&r.target, r.tgt_idx())] {
            if text.is_empty() {
                write!(out, "<td class=\"none\">no counterpart</td>")?;
            } else {
                write!(
                    out,
                    "<td>{}<span class=\"idx\">#{}</span></td>",
                    esc(text),
                    esc(&idx)
                )?;
            }
        }
        write!(out, "<td>")?;
        for f in &r.reviewed.flags {
            write!(
                out,
                "<span class=\"flag\"><b>{}</b> {}</span>",
                f.code(),
                esc(&f.note)
            )?;
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(
        out,
        "</tbody>\n</table>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>"
    )?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
