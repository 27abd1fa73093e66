//! An Excel workbook for reviewers: frozen header, wrapped text, readable
//! column widths, the score as a number, flagged rows shaded, and the flag
//! notes in a column of their own.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::Aligned;

const HEADER: [&str; 9] = [
    "pair", "type", "src_idx", "tgt_idx", "source", "target", "score", "flags", "notes",
];
const WIDTHS: [f64; 9] = [6.0, 6.0, 8.0, 8.0, 60.0, 60.0, 7.0, 18.0, 40.0];

fn build(aligned: &Aligned) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("pairs")?;
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E2F3))
        .set_border_bottom(FormatBorder::Thin);
    let plain = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let shaded = plain.clone().set_background_color(Color::RGB(0xFCE4D6));
    let number = |base: &Format| base.clone().set_num_format("0.000");
    for (c, (title, width)) in HEADER.iter().zip(WIDTHS).enumerate() {
        sheet.write_string_with_format(0, c as u16, *title, &head)?;
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 0u32;
    for r in aligned.records() {
        row += 1;
        let style = if r.bead.flags.is_empty() {
            &plain
        } else {
            &shaded
        };
        sheet.write_number_with_format(row, 0, r.pair as f64, style)?;
        for (c, text) in [
            (1, r.kind()),
            (2, r.src_idx()),
            (3, r.tgt_idx()),
            (4, r.source.clone()),
            (5, r.target.clone()),
        ] {
            sheet.write_string_with_format(row, c, text, style)?;
        }
        sheet.write_number_with_format(
            row,
            6,
            (r.bead.confidence * 1000.0).round() / 1000.0,
            &number(style),
        )?;
        sheet.write_string_with_format(row, 7, r.flag_codes(), style)?;
        sheet.write_string_with_format(row, 8, r.notes(), style)?;
    }
    sheet.autofilter(0, 0, row, (HEADER.len() - 1) as u16)?;
    book.save_to_buffer()
}

pub fn write(aligned: &Aligned, out: &mut dyn Write) -> io::Result<()> {
    let bytes = build(aligned).map_err(io::Error::other)?;
    out.write_all(&bytes)?;
    out.flush()
}
