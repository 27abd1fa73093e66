//! The review page: one self-contained HTML file (no network, no external
//! script) that is an alignment editor. The two texts sit side by side, each
//! pair tinted by its score with its flags and notes beside it; a reviewer
//! moves with the keyboard, joins, splits, moves and unlinks sentences,
//! confirms or rejects pairs, undoes and redoes, and saves the CSV that
//! `selaras apply` and `selaras align --fixed` read back. The alignment and
//! the page's code travel as data and script inside the file
//! (`review_page.js`, `review_page.css`).

use std::io::{self, Write};

use serde_json::json;

use super::{Aligned, Options};
use crate::review::FlagKind;

const STYLE: &str = include_str!("review_page.css");
const SCRIPT: &str = include_str!("review_page.js");

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

/// What each flag means, for the legend.
fn meaning(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::Unaligned => "one side is empty: an omission, an addition, a link or credit line",
        FlagKind::NumberMismatch => {
            "a number, date or month on one side is not on the other (marked in the text)"
        }
        FlagKind::NameMissing => {
            "a name or acronym on one side is not on the other, or is spelt differently (marked)"
        }
        FlagKind::LengthRatio => {
            "the two sides differ in length more than this document's pairs do"
        }
        FlagKind::QuoteMismatch => "quotes or brackets balance on one side and not on the other",
        FlagKind::Untranslated => "the target reads like the source: left untranslated?",
        FlagKind::Merged => {
            "several sentences on a side: split the pair if each has its own translation"
        }
        FlagKind::LowConfidence => "the aligner is not sure of this pair: check its neighbours too",
    }
}

/// FNV-1a, 64 bits over the texts and the pairs: the key the page keeps
/// its edits under, so two documents never share them, and a changed text
/// or a new alignment (after `align --fixed`) starts afresh.
fn document_key(aligned: &Aligned) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let pairs = aligned.beads.iter().map(|p| {
        let (s, t) = (&p.src, &p.tgt);
        format!(
            "{} {} {} {} {}\n",
            s.start,
            s.end,
            t.start,
            t.end,
            p.status.word()
        )
    });
    // Each sentence ends in a 0 byte, each side in a 1.
    let texts = [aligned.src, aligned.tgt].into_iter().flat_map(|side| {
        side.iter()
            .flat_map(|s| s.text.bytes().chain([0]))
            .chain([1])
    });
    for b in texts.chain(pairs.flat_map(String::into_bytes)) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}-{}-{}", aligned.src.len(), aligned.tgt.len())
}

/// `'it''s'` as a POSIX shell reads it.
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The page's data: the sentences once, and each pair as ranges into them.
fn data(aligned: &Aligned, options: &Options, save: &str) -> String {
    let pairs: Vec<serde_json::Value> = aligned
        .beads
        .iter()
        .zip(&aligned.keep)
        .map(|(p, kept)| {
            let flags: Vec<_> = p
                .flags
                .iter()
                .map(|f| json!({ "c": f.code(), "n": f.note, "m": f.marks }))
                .collect();
            let mut pair = json!({
                "s": [p.src.start, p.src.end],
                "t": [p.tgt.start, p.tgt.end],
                "score": (p.bead.confidence * 1000.0).round() / 1000.0,
                "flags": flags,
            });
            if !p.status.word().is_empty() {
                pair["st"] = p.status.word().into();
            }
            if !kept {
                pair["h"] = 1.into();
            }
            pair
        })
        .collect();
    fn text(s: &[crate::segment::Sentence]) -> Vec<&str> {
        s.iter().map(|x| x.text.as_str()).collect()
    }
    let value = json!({
        "key": document_key(aligned),
        "src_lang": options.src_tag,
        "tgt_lang": options.tgt_tag,
        "src_name": options.languages.0,
        "tgt_name": options.languages.1,
        "save": save,
        "src": text(aligned.src),
        "tgt": text(aligned.tgt),
        "pairs": pairs,
    });
    // `<` only ever appears inside JSON strings, where `\u003c` means the
    // same: no `</script>` in a text can end the block.
    value.to_string().replace('<', "\\u003c")
}

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let (src_name, tgt_name) = (&options.languages.0, &options.languages.1);
    let stem = options
        .files
        .as_ref()
        .and_then(|(src, _)| std::path::Path::new(src).file_stem())
        .map_or_else(|| "alignment".into(), |s| s.to_string_lossy().into_owned());
    let save = format!("{stem}.reviewed.csv");
    let realign = match &options.files {
        Some((src, tgt)) => format!(
            "selaras align {} {} --fixed ~/Downloads/{} -o {}.html",
            shell_quote(src),
            shell_quote(tgt),
            shell_quote(&save),
            shell_quote(&stem)
        ),
        None => format!("selaras align SOURCE TARGET --fixed {save} -o review.html"),
    };
    let apply = realign
        .replacen("selaras align", "selaras apply", 1)
        .replacen(" --fixed", "", 1)
        .replace(&format!("-o {}.html", shell_quote(&stem)), "-o memory.tmx")
        .replace("-o review.html", "-o memory.tmx");
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{0}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{0}</h1>",
        esc(&options.title)
    )?;
    writeln!(
        out,
        "<div class=\"summary\"><b id=\"pairs\"></b> pairs (<span id=\"kinds\"></span>) · \
         <b id=\"flagged\"></b> flagged · <b id=\"confirmed\"></b> confirmed · \
         <b id=\"rejected\"></b> rejected · <b id=\"edited\"></b> edited · showing <b id=\"shown\"></b></div>"
    )?;
    for warning in &options.warnings {
        writeln!(out, "<div class=\"warning\">⚠ {}</div>", esc(warning))?;
    }
    writeln!(
        out,
        "<div class=\"controls\"><label><input type=\"checkbox\" id=\"only-flagged\"> only flagged pairs</label>\
         <div class=\"chips\" id=\"chips\"></div>\
         <label>sort <select id=\"sort\"><option value=\"pair\">by pair</option><option value=\"score\">by score, lowest first</option></select></label>\
         <label>score at most <input type=\"range\" id=\"threshold\" min=\"0\" max=\"1\" step=\"0.05\" value=\"1\"> <span id=\"threshold-value\"></span></label>\
         <label>search <input type=\"search\" id=\"search\" placeholder=\"text in either language\"></label>\
         <label><input type=\"checkbox\" id=\"show-all\"> pairs the command line left out</label></div>"
    )?;
    writeln!(
        out,
        "<div class=\"tools\">\
         <button data-op=\"confirm\" title=\"the pair is right (c)\">✓ confirm <kbd>c</kbd></button>\
         <button data-op=\"reject\" title=\"the pair is wrong: keep it out of the memory (x)\">✗ reject <kbd>x</kbd></button>\
         <button data-op=\"joinPrev\" title=\"join with the previous pair (M)\">join ↑ <kbd>M</kbd></button>\
         <button data-op=\"joinNext\" title=\"join with the next pair (m)\">join ↓ <kbd>m</kbd></button>\
         <button data-op=\"split\" title=\"split after the first sentence of each side (s)\">split <kbd>s</kbd></button>\
         <button data-op=\"splitLast\" title=\"split before the last sentence of each side (S)\">split last <kbd>S</kbd></button>\
         <button data-op=\"unlink\" title=\"make every sentence its own 1-0 / 0-1 pair (u)\">unlink <kbd>u</kbd></button>\
         <button data-op=\"sPrev\" title=\"move the first {src_name} sentence to the previous pair ([)\">{src_name} ↑ <kbd>[</kbd></button>\
         <button data-op=\"sNext\" title=\"move the last {src_name} sentence to the next pair (])\">{src_name} ↓ <kbd>]</kbd></button>\
         <button data-op=\"tPrev\" title=\"move the first {tgt_name} sentence to the previous pair ({{)\">{tgt_name} ↑ <kbd>{{</kbd></button>\
         <button data-op=\"tNext\" title=\"move the last {tgt_name} sentence to the next pair (}})\">{tgt_name} ↓ <kbd>}}</kbd></button>\
         <button id=\"undo\" title=\"undo (z, Ctrl+Z)\">undo <kbd>z</kbd></button>\
         <button id=\"redo\" title=\"redo (Z, y)\">redo <kbd>y</kbd></button>\
         <button id=\"save\" class=\"save\" title=\"download the corrected alignment (Ctrl+S)\">Save</button>\
         <button id=\"discard\" title=\"forget the edits kept in this browser\">discard edits</button></div>\
         <div id=\"note\" role=\"status\"></div>",
        src_name = esc(src_name),
        tgt_name = esc(tgt_name)
    )?;
    write!(
        out,
        "<details id=\"legend\"><summary>Legend, keys and re-aligning</summary><dl>\
         <dt>1-2</dt><dd>one {s} sentence paired with two {t} sentences (a merged pair; small numbers show where each sentence starts)</dd>\
         <dt>0-1</dt><dd>a {t} sentence with no {s} counterpart (1-0: the other way round)</dd>\
         <dt>score</dt><dd>the aligner's probability that the pair is right; 1 once confirmed; – for a pair you drew</dd>",
        s = esc(src_name),
        t = esc(tgt_name)
    )?;
    for kind in FlagKind::ALL {
        write!(out, "<dt>{}</dt><dd>{}</dd>", kind.code(), meaning(kind))?;
    }
    writeln!(
        out,
        "<dt>keys</dt><dd><kbd>↓</kbd>/<kbd>j</kbd> next pair, <kbd>↑</kbd>/<kbd>k</kbd> previous, \
         <kbd>n</kbd>/<kbd>N</kbd> next/previous flagged, <kbd>/</kbd> search, <kbd>Esc</kbd> back to the pairs, \
         <kbd>Ctrl+S</kbd> save; the buttons above show the rest</dd></dl>\
         <p>Your edits stay in this browser until you save. Then re-align around the pairs you confirmed:</p>\
         <code class=\"cmd\" id=\"realign\">{}</code><p>or write the saved pairs as they are:</p><code class=\"cmd\">{}</code></details>",
        esc(&realign),
        esc(&apply)
    )?;
    writeln!(
        out,
        "</header>\n<main>\n<noscript>This page needs JavaScript to show the pairs (it runs offline, inside the page).</noscript>\n<table>\n\
         <colgroup><col class=\"n\"><col class=\"s\"><col><col><col class=\"f\"></colgroup>\n\
         <thead><tr><th>pair</th><th>score</th><th lang=\"{}\">{}</th><th lang=\"{}\">{}</th><th>flags</th></tr></thead>\n\
         <tbody id=\"rows\"></tbody>\n</table>\n</main>",
        esc(&options.src_tag),
        esc(src_name),
        esc(&options.tgt_tag),
        esc(tgt_name)
    )?;
    writeln!(
        out,
        "<script type=\"application/json\" id=\"data\">{}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        data(aligned, options, &save)
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

    /// A text cannot end the data block and run a script of its own.
    #[test]
    fn texts_stay_data() {
        use crate::align::Bead;
        use crate::review::Reviewed;
        let evil = "Harga </script><script>alert(1)</script> naik.\n";
        let (src, tgt) = (
            crate::segment::split_lines(evil),
            crate::segment::split_lines(evil),
        );
        let pairs = [Reviewed::bare(Bead::one_to_one(0, 0, 0.9))];
        let aligned = Aligned::new(&src, &tgt, &pairs);
        let mut out = Vec::new();
        write(
            &aligned,
            &Options::new(&crate::Lang::Id, &crate::Lang::En),
            &mut out,
        )
        .unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(!page.contains("<script>alert"), "{page}");
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "the data block and the page's script"
        );
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("a b's.txt"), r"'a b'\''s.txt'");
        assert_eq!(shell_quote("corpora/x/id.txt"), "corpora/x/id.txt");
    }
}
