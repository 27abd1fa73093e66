//! An Excel workbook for reviewers: a first sheet naming the two files with
//! the summary, then the pairs — frozen header, text columns named after
//! their languages, wrapped text, readable column widths, one-sentence
//! indices and the score as numbers, flagged rows shaded, the flag notes in
//! a column of their own, and a `status` drop-down (confirmed, rejected)
//! that `selaras apply` reads back.
//!
//! Excel holds at most 32,767 characters (UTF-16 units) in a cell; a longer
//! text is cut to fit and ends with a marker saying how much is left out
//! (the CSV, TSV and JSONL keep it whole), and the CLI warns about it.

use std::io::{self, Write};

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, XlsxError,
};

use super::{Aligned, Options};
use crate::review::Status;

/// The pairs sheet's header; `source` and `target` are named after the
/// languages when written.
const HEADER: [&str; 10] = [
    "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags", "notes", "status",
];
/// The `status` column: a drop-down of these, read back by `selaras apply`.
const STATUS_COL: u16 = 9;
/// Excel's limit on the characters of one cell, in UTF-16 units.
const CELL_MAX: usize = 32_767;

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// `text` cut to fit one cell, with a marker saying how many characters
/// were left out.
fn fit(text: String) -> String {
    let total = utf16_len(&text);
    if total <= CELL_MAX {
        return text;
    }
    // The marker's own length depends on the number; 64 units is room enough.
    let mut kept = String::new();
    let mut units = 0;
    for c in text.chars() {
        if units + c.len_utf16() > CELL_MAX - 64 {
            break;
        }
        units += c.len_utf16();
        kept.push(c);
    }
    let left = text.chars().count() - kept.chars().count();
    format!("{kept} […{left} more characters: see the CSV]")
}

/// One line per cell that [`fit`] will cut.
pub fn warnings(aligned: &Aligned) -> Vec<String> {
    let mut out = Vec::new();
    for r in aligned.records() {
        for (side, text) in [("source", &r.source), ("target", &r.target)] {
            let n = utf16_len(text);
            if n > CELL_MAX {
                out.push(format!(
                    "pair {}: the {side} text has {n} characters, more than an Excel cell holds \
                     ({CELL_MAX}); it is cut in the XLSX (CSV, TSV and JSONL keep it whole)",
                    r.pair
                ));
            }
        }
    }
    out
}

const WIDTHS: [f64; 10] = [6.0, 6.0, 8.0, 8.0, 60.0, 60.0, 7.0, 18.0, 40.0, 11.0];

/// The first sheet: which files, in which languages, and how the pairs look.
fn summary(book: &mut Workbook, aligned: &Aligned, options: &Options) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name("summary")?;
    let bold = Format::new().set_bold();
    let records: Vec<_> = aligned.records().collect();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for r in &records {
        *kinds.entry(r.kind()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let count = |f: &dyn Fn(&super::Record) -> bool| records.iter().filter(|r| f(r)).count();
    let mean =
        records.iter().map(|r| r.reviewed.score()).sum::<f64>() / records.len().max(1) as f64;
    let (src_file, tgt_file) = options.files.clone().unwrap_or_default();
    let lines: Vec<(String, String)> =
        vec![
        (format!("{} ({})", options.languages.0, options.src_tag), src_file),
        (format!("{} ({})", options.languages.1, options.tgt_tag), tgt_file),
        ("pairs".into(), format!("{} ({})", records.len(), kinds.join(", "))),
        ("flagged".into(), count(&|r| !r.reviewed.flags.is_empty()).to_string()),
        ("confirmed".into(), count(&|r| r.reviewed.status == Status::Confirmed).to_string()),
        ("rejected".into(), count(&|r| r.reviewed.status == Status::Rejected).to_string()),
        ("mean score".into(), format!("{mean:.3}")),
        (
            "to review".into(),
            "On the pairs sheet, set status to confirmed or rejected; merge two rows by writing \
             4-5 in src_idx or tgt_idx and clearing the other row's indices; then run \
             selaras apply SOURCE TARGET THIS.xlsx -o memory.tmx"
                .into(),
        ),
    ];
    sheet.write_string_with_format(0, 0, &options.title, &bold)?;
    for (k, (name, value)) in lines.iter().enumerate() {
        sheet.write_string_with_format(k as u32 + 2, 0, name, &bold)?;
        sheet.write_string(k as u32 + 2, 1, value)?;
    }
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 100)?;
    Ok(())
}

fn build(aligned: &Aligned, options: &Options) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date, not the clock: the same input gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    summary(&mut book, aligned, options)?;
    let sheet = book.add_worksheet();
    sheet.set_name("pairs")?;
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E2F3))
        .set_border_bottom(FormatBorder::Thin);
    let plain = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let shaded = plain.clone().set_background_color(Color::RGB(0xFCE4D6));
    let number = |base: &Format| base.clone().set_num_format("0.000");
    let named = |lang: &str, tag: &str| format!("{lang} ({tag})");
    for (c, (title, width)) in HEADER.iter().zip(WIDTHS).enumerate() {
        let title = match *title {
            "source" => named(&options.languages.0, &options.src_tag),
            "target" => named(&options.languages.1, &options.tgt_tag),
            other => other.to_string(),
        };
        sheet.write_string_with_format(0, c as u16, title, &head)?;
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 0u32;
    for r in aligned.records() {
        row += 1;
        let style = if r.reviewed.flags.is_empty() {
            &plain
        } else {
            &shaded
        };
        sheet.write_number_with_format(row, 0, r.pair as f64, style)?;
        for (c, range) in [(2, &r.reviewed.src), (3, &r.reviewed.tgt)] {
            // One sentence: a number Excel sorts and filters as one.
            if range.len() == 1 {
                sheet.write_number_with_format(row, c, range.start as f64, style)?;
            } else {
                sheet.write_string_with_format(row, c, super::index_range(range), style)?;
            }
        }
        for (c, text) in [
            (1, r.kind()),
            (4, fit(r.source.clone())),
            (5, fit(r.target.clone())),
        ] {
            sheet.write_string_with_format(row, c, text, style)?;
        }
        sheet.write_number_with_format(
            row,
            6,
            (r.reviewed.score() * 1000.0).round() / 1000.0,
            &number(style),
        )?;
        sheet.write_string_with_format(row, 7, r.flag_codes(), style)?;
        sheet.write_string_with_format(row, 8, fit(r.notes()), style)?;
        sheet.write_string_with_format(row, STATUS_COL, r.status(), style)?;
    }
    let choices = DataValidation::new()
        .allow_list_strings(&["confirmed", "rejected"])?
        .set_input_message("confirmed: the pair is right; rejected: keep it out of the memory")?;
    if row > 0 {
        sheet.add_data_validation(1, STATUS_COL, row, STATUS_COL, &choices)?;
    }
    sheet.autofilter(0, 0, row, (HEADER.len() - 1) as u16)?;
    book.save_to_buffer()
}

pub fn write(aligned: &Aligned, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let bytes = build(aligned, options).map_err(io::Error::other)?;
    out.write_all(&bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_to_fit() {
        let long = "é".repeat(40_000) + "😀";
        let cut = fit(long);
        assert!(utf16_len(&cut) <= CELL_MAX);
        assert!(cut.ends_with("more characters: see the CSV]"));
        assert_eq!(fit("pendek".into()), "pendek");
    }
}
