//! Text written one paragraph a line, with no blank lines between them (news
//! copied from a web page: headline, photo credit, dateline lead, `Baca
//! juga:` links). A line break there ends a paragraph; in wrapped text it is
//! only a space. A block of lines is taken line by line when every break in
//! it falls where a paragraph may end, and as one paragraph otherwise.

use std::ops::Range;

use crate::noise;

/// The paragraphs of `block` (a run of non-blank lines), relative to it.
pub fn line_paragraphs(block: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        if !content.trim().is_empty() {
            lines.push(offset + lead..offset + content.len());
        }
        offset += line.len();
    }
    let breaks_clean = lines
        .windows(2)
        .all(|w| paragraph_may_end(&block[w[0].clone()], &block[w[1].clone()]));
    if lines.len() > 1 && breaks_clean {
        lines
    } else {
        let whole = 0..block.trim_end().len();
        vec![whole]
    }
}

/// Whether a paragraph may end between line `before` and line `after`: the
/// first ends a sentence, is a credit or link line or a headline, or the
/// second is one or opens with a dateline; or either is a separator with no
/// letters (`***`).
fn paragraph_may_end(before: &str, after: &str) -> bool {
    let separator = |line: &str| !line.chars().any(char::is_alphanumeric);
    let ends_sentence = before
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', ':']);
    ends_sentence
        || noise::is_noise_line(before)
        || noise::is_noise_line(after)
        || !noise::dateline(after).is_empty()
        || is_headline(before)
        || separator(before)
        || separator(after)
        || is_list_heading(before)
        || is_bullet(after)
}

/// A list item's line (`- Festival Candi …;`, `• Indonesia vs Thailand 3-1`).
fn is_bullet(line: &str) -> bool {
    ["- ", "• ", "* ", "– "].iter().any(|b| line.starts_with(b))
}

/// A short numbered heading (`1. Periksa kondisi kendaraan`, `2) Bawa SIM`):
/// its explanation follows on the next line.
fn is_list_heading(line: &str) -> bool {
    const MOST_WORDS: usize = 12;
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let marked = (1..=2).contains(&digits) && line[digits..].starts_with(['.', ')']);
    marked && line.split_whitespace().count() <= MOST_WORDS
}

/// A short line of mostly capitalised words (`Harga Beras Naik Lagi`).
pub(crate) fn is_headline(line: &str) -> bool {
    const MOST_WORDS: usize = 20;
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    !words.is_empty() && words.len() <= MOST_WORDS && capitalised * 10 >= words.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(block: &str) -> Vec<&str> {
        line_paragraphs(block)
            .into_iter()
            .map(|r| &block[r])
            .collect()
    }

    #[test]
    fn a_news_page_copied_line_by_line() {
        let page = "Harga Beras Naik Lagi\nFoto: ANTARA/Budi\nJAKARTA - Harga beras naik lagi pekan ini.\nBaca juga: Harga Cabai Turun\nPemerintah akan menggelar operasi pasar.";
        assert_eq!(
            texts(page),
            [
                "Harga Beras Naik Lagi",
                "Foto: ANTARA/Budi",
                "JAKARTA - Harga beras naik lagi pekan ini.",
                "Baca juga: Harga Cabai Turun",
                "Pemerintah akan menggelar operasi pasar."
            ]
        );
        let listed = "Berikut tipsnya:\n1. Periksa kendaraan\nPastikan rem dalam kondisi baik.";
        assert_eq!(
            texts(listed),
            [
                "Berikut tipsnya:",
                "1. Periksa kendaraan",
                "Pastikan rem dalam kondisi baik."
            ]
        );
        let bullets =
            "Program ini meliputi:\n- festival budaya;\n- pameran kuliner; dan\n- lomba foto.";
        assert_eq!(
            texts(bullets),
            [
                "Program ini meliputi:",
                "- festival budaya;",
                "- pameran kuliner; dan",
                "- lomba foto."
            ]
        );
        let separated = "Itu yang bikin saya sadar.\n***\nTanya: Seberat apa pemulihannya";
        assert_eq!(
            texts(separated),
            [
                "Itu yang bikin saya sadar.",
                "***",
                "Tanya: Seberat apa pemulihannya"
            ]
        );
    }

    #[test]
    fn wrapped_text_stays_one_paragraph() {
        let wrapped = "Pemerintah akan menggelar operasi pasar di\nsejumlah kota besar mulai pekan depan.\nHarga diharapkan turun.";
        assert_eq!(texts(wrapped).len(), 1);
        // A break before a capitalised name inside a sentence is a wrap too.
        let wrapped = "Operasi pasar itu dibuka oleh\nPresiden Joko Widodo di Jakarta.";
        assert_eq!(texts(wrapped).len(), 1);
    }
}
