//! Text written one paragraph a line, with no blank lines between them (news
//! copied from a web page: headline, photo credit, dateline lead, `Baca
//! juga:` links). A line break there ends a paragraph; in wrapped text it is
//! only a space. A block whose lines mostly reach near its widest line, with
//! a break that cuts a sentence, is wrapped text: a break ends a paragraph
//! only where one may end and the next line's first word would have fitted
//! on the line (the writer broke it, not the wrapping). Otherwise it is a
//! page: its lines are paragraphs, joined only across a break that cuts a
//! sentence.

use std::ops::Range;

use crate::noise;

/// The paragraphs of `block` (a run of non-blank lines), relative to it.
pub fn line_paragraphs(block: &str) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        if !content.trim().is_empty() {
            lines.push(offset + lead..offset + content.len());
        }
        offset += line.len();
    }
    let mut breaks: Vec<Break> = lines
        .windows(2)
        .map(|w| Break::between(&block[w[0].clone()], &block[w[1].clone()]))
        .collect();
    // A thread (`3/14 Majelis hakim …`, `… (JC) 10/14`): one post a line,
    // closed by a mark or not.
    const THREAD_POSTS: usize = 3;
    let numbered = |line: &Range<usize>| {
        let mut words = block[line.clone()].split_whitespace();
        let first = words.next().unwrap_or("");
        crate::markers::is_post_number(first)
            || words.last().is_some_and(crate::markers::is_post_number)
    };
    if lines.iter().filter(|l| numbered(l)).count() >= THREAD_POSTS {
        breaks.fill(Break::Marked);
    }
    // A page whose first line is unclosed: its title, though written in
    // sentence case and longer than a subheading (`OJK takes over crypto
    // oversight, orders traders to boost capital`).
    let page_below_first = breaks.len() >= 2 && !breaks[1..].contains(&Break::Cut);
    if page_below_first
        && breaks[0] == Break::Cut
        && is_heading(
            &block[lines[0].clone()],
            &block[lines[1].clone()],
            TITLE_WORDS,
        )
    {
        breaks[0] = Break::May;
    }
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| block[l.clone()].chars().count())
        .collect();
    // The wrapping width: the widest line that a wrap ends (a long line set
    // apart, a title or a box of book data, may run wider).
    let wrapped = (breaks.iter().zip(&widths)).filter(|(b, _)| **b == Break::Cut);
    let width = (wrapped.map(|(_, &w)| w).max())
        .or(widths.iter().copied().max())
        .unwrap_or(0);
    // Wrapping fills most lines to near that width; a page's paragraphs vary.
    let full = widths.iter().filter(|&&w| w * 5 >= width * 4).count();
    let page = !breaks.contains(&Break::Cut) || full * 2 <= lines.len();
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let ends = i == 0
            || match breaks[i - 1] {
                Break::Cut => false,
                Break::Marked => true,
                // A line a fifth wider than the wrapping is no wrapped line
                // (a title above wrapped text): only the writer broke it.
                Break::May => {
                    page || widths[i - 1] * 5 > width * 6
                        || next_word_fits(&block[lines[i - 1].clone()], &block[line.clone()], width)
                }
            };
        match paragraphs.last_mut() {
            Some(last) if !ends => last.end = line.end,
            _ => paragraphs.push(line.clone()),
        }
    }
    paragraphs
}

/// What a line break between two lines may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    /// It cuts a sentence: only a wrap.
    Cut,
    /// A paragraph may end there (a sentence or headline ends).
    May,
    /// A paragraph ends there even in wrapped text: a credit or link line, a
    /// dateline, a separator, a line in capitals.
    Marked,
}

impl Break {
    fn between(before: &str, after: &str) -> Break {
        let separator = |line: &str| !line.chars().any(char::is_alphanumeric);
        // A running head or kicker (`RESENSI | MINGGU, 18 MEI 2025`).
        let in_capitals = |line: &str| {
            line.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !line.chars().any(char::is_lowercase)
        };
        if noise::is_noise_line(before)
            || in_capitals(before)
            || in_capitals(after)
            || noise::is_noise_line(after)
            || !noise::dateline(after).is_empty()
            || separator(before)
            || separator(after)
        {
            Break::Marked
        } else if paragraph_may_end(before, after) {
            Break::May
        } else {
            Break::Cut
        }
    }
}

/// Whether the first word of `after` would have fitted at the end of
/// `before` within `width` characters: wrapping did not break there.
fn next_word_fits(before: &str, after: &str, width: usize) -> bool {
    let word = after.split_whitespace().next().unwrap_or("");
    before.chars().count() + 1 + word.chars().count() <= width
}

/// Whether a paragraph may end between line `before` and line `after`: the
/// first ends a sentence or is a headline or a numbered heading, or the
/// second is a list item.
fn paragraph_may_end(before: &str, after: &str) -> bool {
    ends_sentence(before)
        || is_headline(before)
        || is_subheading(before, after)
        || ends_with_link(before) && opens_capitalised(after)
        || is_list_heading(before)
        || is_bullet(after)
        || is_bullet(before) && opens_capitalised(after)
        || continues_list(before, after)
        || opens_bracketed_item(after)
        || is_table_row(before)
        || is_table_row(after)
        || is_row(before) && is_row(after)
        || is_valediction(before)
        || is_salutation(before)
        || opens_with_timestamp(after)
        || is_term_list(before) && opens_capitalised(after)
        || is_footnote(before) && !goes_on(before.split_whitespace().last().unwrap_or(""))
        || is_footnote(after)
        || is_caption(before) && opens_capitalised(after)
}

/// A caption under its label in capitals (`FOTO: Warga memindahkan perahu`,
/// `PHOTO: …`): a line of its own, often without a full stop.
fn is_caption(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .and_then(|w| w.strip_suffix(':'))
        .is_some_and(|label| label.chars().count() >= 4 && label.chars().all(|c| c.is_uppercase()))
}

/// A footnote under a table or release (`*) Tidak diaudit`, `**) Data
/// bank saja`): a line of its own, unless a wrap cut it (`… pengajar di`).
fn is_footnote(line: &str) -> bool {
    line.starts_with('*') && line.trim_start_matches('*').starts_with(") ")
}

/// A labelled list of terms (`Kata kunci: minuman berpemanis; remaja;
/// HbA1c`, `Tags: …`): a line of its own, with no mark at its end.
fn is_term_list(line: &str) -> bool {
    const LABEL_WORDS: usize = 3;
    const TERM_WORDS: usize = 5;
    let Some((label, terms)) = line.split_once(": ") else {
        return false;
    };
    let terms: Vec<&str> = terms.split(';').collect();
    label.split_whitespace().count() <= LABEL_WORDS
        && terms.len() >= 3
        && terms
            .iter()
            .all(|t| (1..=TERM_WORDS).contains(&t.split_whitespace().count()))
        && !ends_sentence(line)
}

/// A transcript's turn (`[00:03:11] Rina: …`): a paragraph of its own.
fn opens_with_timestamp(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|l| l.split_once(']'))
        .is_some_and(|(stamp, _)| {
            let parts: Vec<&str> = stamp.split(':').collect();
            (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A line of a list or table that closes like no sentence: two in a row are
/// rows, not a sentence wrapped.
fn is_row(line: &str) -> bool {
    is_dated_entry(line) || is_label_row(line) || is_quantity_row(line)
}

/// An ingredient or inventory line opening with its quantity (`3 siung
/// bawang putih, haluskan`, `½ tsp salt`), with no mark in it or at its end
/// and not stopping where a sentence goes on (a wrapped line of prose
/// opening with a figure: `16.900 per dolar AS … ke kisaran Rp`).
fn is_quantity_row(line: &str) -> bool {
    const MOST_CHARS: usize = 100;
    let last = line.split_whitespace().last().unwrap_or("");
    line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '¼' | '½' | '¾'))
        && line.chars().count() <= MOST_CHARS
        && !ends_sentence(line)
        && !line.contains(". ")
        && !line.ends_with(',')
        && !goes_on(last)
}

/// A letter's greeting (`Dengan hormat,`, `Dear Sir or Madam,`): its body
/// follows on a line of its own.
fn is_salutation(line: &str) -> bool {
    const MOST_WORDS: usize = 5;
    let Some(greeting) = line.strip_suffix(',') else {
        return false;
    };
    let greeting = greeting.trim().to_lowercase();
    greeting.split_whitespace().count() <= MOST_WORDS
        && [
            "dengan hormat",
            "yang terhormat",
            "dear ",
            "assalamualaikum",
        ]
        .iter()
        .any(|g| greeting.starts_with(g))
}

/// A letter's closing (`Hormat saya,`, `Sincerely,`): the signature follows
/// on lines of its own.
fn is_valediction(line: &str) -> bool {
    const CLOSINGS: [&str; 14] = [
        "hormat saya",
        "hormat kami",
        "salam",
        "salam hangat",
        "wassalam",
        "terima kasih",
        "sincerely",
        "regards",
        "best regards",
        "kind regards",
        "yours sincerely",
        "yours faithfully",
        "best wishes",
        "thank you",
    ];
    line.strip_suffix(',')
        .is_some_and(|l| CLOSINGS.contains(&l.trim().to_lowercase().as_str()))
}

/// `2023-24: 18 appearances, 4 goals, 3 assists`, `Paslon 01: 24,1%`,
/// `Peserta: siswa kelas X–XII`: a short label, a colon, and a value, with
/// no mark at the end.
fn is_label_row(line: &str) -> bool {
    const MOST_CHARS: usize = 160;
    const LABEL_WORDS: usize = 4;
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    line.chars().count() <= MOST_CHARS
        && label.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && label.split_whitespace().count() <= LABEL_WORDS
        && !value.trim().is_empty()
        && !ends_sentence(line)
}

/// A line closed by its year in brackets (`Southeast Asian Wetlands Award
/// (2003)`, `Rektor IPB (1998–2002)`): two in a row are entries of a list.
fn is_dated_entry(line: &str) -> bool {
    let Some(inside) = line.strip_suffix(')').and_then(|l| l.rsplit_once('(')) else {
        return false;
    };
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    inside.1.split(['–', '-']).all(year)
}

/// A row of a table written with pipes (`| Pendapatan | Rp12,3 triliun |`).
fn is_table_row(line: &str) -> bool {
    let line = line.trim();
    line.len() > 1 && line.starts_with('|') && line.ends_with('|')
}

/// Whether `line` ends a sentence, or a bracketed credit after one (`… on
/// Wednesday. (ANTARA/Budi)`).
pub(crate) fn ends_sentence(line: &str) -> bool {
    let marked = |text: &str| {
        text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', '_'])
            .ends_with(['.', '!', '?', '…', ':'])
    };
    let credit = line
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|open| &l[..open]));
    marked(line) || credit.is_some_and(|before| marked(before.trim_end())) || ends_with_emoji(line)
}

/// `Jangan keluar rumah jam 11.00-15.00 🥵`: in a chat message an emoji
/// closes a line as a full stop would.
fn ends_with_emoji(line: &str) -> bool {
    line.trim_end_matches(['\u{fe0f}', '\u{200d}'])
        .chars()
        .next_back()
        .is_some_and(super::is_emoji)
}

/// Most words of a subheading, and of a page's title.
const SUBHEADING_WORDS: usize = 8;
const TITLE_WORDS: usize = 16;

/// A short line in sentence case before a capitalised one (`Fajar di puncak
/// Padar`, `Tips sebelum berangkat`): a feature's subheading, unless it stops
/// on a word a sentence goes on after (`… dibuka oleh` / `Presiden …`).
fn is_subheading(before: &str, after: &str) -> bool {
    is_heading(before, after, SUBHEADING_WORDS)
}

/// A line of at most `most_words` words, in sentence case, before a
/// capitalised one, not stopping on a word a sentence goes on after.
fn is_heading(before: &str, after: &str, most_words: usize) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    words.len() <= most_words
        && last.ends_with(char::is_alphanumeric)
        && !goes_on(last)
        && opens_capitalised(after)
}

/// A word a sentence goes on after (`dibuka oleh` / `Presiden …`), or a
/// currency sign before its figure (`kisaran Rp` / `16.300`).
fn goes_on(word: &str) -> bool {
    const GOES_ON: &[&str] = &[
        "di", "ke", "dari", "oleh", "dan", "atau", "yang", "untuk", "dengan", "pada", "dalam",
        "bagi", "serta", "karena", "sebagai", "the", "a", "an", "of", "by", "and", "or", "to",
        "in", "at", "for", "with", "from", "on", "that", "as", "rp", "us$", "$",
    ];
    GOES_ON.contains(&word.to_lowercase().as_str())
}

fn opens_capitalised(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// A line ending in an address (an image or link line of a markdown export,
/// `![Foto: …](https://…/foto.jpg)`): no sentence goes on after it.
fn ends_with_link(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    let last = last.rsplit("](").next().unwrap_or(last);
    last.contains("://") || last.starts_with("www.")
}

/// A list item's line (`- Festival Candi …;`, `• Indonesia vs Thailand 3-1`).
pub(crate) fn is_bullet(line: &str) -> bool {
    ["- ", "• ", "* ", "– "].iter().any(|b| line.starts_with(b))
}

/// A line opening with a bracketed item marker (`(a) …`, `(2) …`, `(iv) …`).
fn opens_bracketed_item(line: &str) -> bool {
    let Some((marker, rest)) = line.strip_prefix('(').and_then(|l| l.split_once(") ")) else {
        return false;
    };
    let numbered = (1..=2).contains(&marker.len()) && marker.bytes().all(|b| b.is_ascii_digit());
    let lettered = marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_lowercase());
    let roman = (1..=4).contains(&marker.len()) && marker.bytes().all(|b| b"ivx".contains(&b));
    (numbered || lettered || roman) && !rest.trim().is_empty()
}

/// A list's next item on its own line (`a. Warga Negara Indonesia;` /
/// `b. Berusia …;`), after the line that introduces the list or another
/// item: the line before ends as list items do, or is a lettered item.
fn continues_list(before: &str, after: &str) -> bool {
    let item = |line: &str| is_numbered(line) || opens_lettered(line);
    let last = before.split_whitespace().last().unwrap_or("");
    let ends_item =
        before.ends_with([':', ';', ',']) || ["dan", "atau", "and", "or"].contains(&last);
    // Numbered lines with no such ending stay one paragraph, split at
    // their markers (`1. Interview …` / `2. Bank Indonesia's website …`).
    item(after) && (ends_item || opens_lettered(before))
}

/// A line opening with a letter marker (`a. …`, `b) …`).
pub(crate) fn opens_lettered(line: &str) -> bool {
    let mut chars = line.chars();
    let (letter, mark, space) = (chars.next(), chars.next(), chars.next());
    letter.is_some_and(|c| c.is_ascii_lowercase())
        && matches!(mark, Some('.' | ')'))
        && space.is_some_and(char::is_whitespace)
}

/// A line opening with a list number (`1. Periksa …`, `12) Bawa SIM`), not
/// with a figure (`16.300. Inflasi …`).
pub(crate) fn is_numbered(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut after = line[digits..].chars();
    (1..=2).contains(&digits)
        && matches!(after.next(), Some('.' | ')'))
        && after.next().is_some_and(char::is_whitespace)
}

/// A short numbered heading (`1. Periksa kondisi kendaraan`, `2) Bawa SIM`):
/// its explanation follows on the next line.
fn is_list_heading(line: &str) -> bool {
    const MOST_WORDS: usize = 12;
    is_numbered(line) && line.split_whitespace().count() <= MOST_WORDS
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
    fn a_page_opens_with_its_title_in_sentence_case() {
        let page = "OJK takes over crypto oversight, orders traders to boost capital\nCrypto assets on display in Jakarta.\nJAKARTA — The OJK took over on Friday.\nTraders have until June 30.";
        assert_eq!(texts(page).len(), 4);
        // Wrapped text whose first line breaks before a name goes on.
        let wrapped = "Presiden meresmikan bendungan baru di Kalimantan Timur bersama\nGubernur Isran Noor pada Senin, dan bendungan itu akan mengairi\ndua kota mulai tahun depan.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn items_on_their_lines_after_an_introduction() {
        let list = "Syaratnya sebagai berikut:\na. Warga Negara Indonesia;\nb. Berusia paling rendah 18 tahun; dan\nc. Sehat jasmani.";
        assert_eq!(texts(list).len(), 4);
        // A wrapped sentence whose next line opens like an item goes on.
        let wrapped = "Harga cabai naik menjadi Rp 45.000 per kilogram\n2. Harga bawang ikut naik.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn rows_turns_and_signature_lines_are_paragraphs() {
        let awards = "Satyalancana civil service medal for 20 years' service (1996)\nSoutheast Asian Wetlands Award (2003)\nRector of IPB (1998–2002)";
        assert_eq!(texts(awards).len(), 3);
        let stats = "2023-24: 18 appearances, 4 goals\n2024-25: 29 appearances, 12 goals";
        assert_eq!(texts(stats).len(), 2);
        let info = "Tema: Bahasa Indonesia dan Masa Depan Generasi Digital\nPeserta: siswa kelas X–XII, perorangan\nBatas akhir: 30 Juni 2026";
        assert_eq!(texts(info).len(), 3);
        let ingredients = "500 gram daging sapi, potong dadu 3 cm\n½ sdt garam\n750 ml air";
        assert_eq!(texts(ingredients).len(), 3);
        let turns = "[00:03:06] Dimas: Warga sudah meninggikan lantai tiga kali --\n[00:03:11] Rina: -- dalam sepuluh tahun?";
        assert_eq!(texts(turns).len(), 2);
        let chat = "Jangan keluar rumah jam 11.00-15.00 🥵\nJangan minum air es.";
        assert_eq!(texts(chat).len(), 2);
        let signed = "Hormat saya,\nBudi Santoso\nJl. Melati No. 5, Bekasi";
        assert_eq!(texts(signed).len(), 3);
        // A wrapped sentence that breaks after a bracketed year goes on.
        let wrapped = "The study (2003)\ncontinued for years.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn wrapped_text_stays_one_paragraph() {
        let wrapped = "Pemerintah akan menggelar operasi pasar di\nsejumlah kota besar mulai pekan depan.\nHarga diharapkan turun.";
        assert_eq!(texts(wrapped).len(), 1);
        // A break before a capitalised name inside a sentence is a wrap too.
        let wrapped = "Operasi pasar itu dibuka oleh\nPresiden Joko Widodo di Jakarta.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn a_figure_opening_a_wrapped_line_is_no_list_number() {
        assert!(is_numbered("1. Periksa kendaraan") && is_numbered("12) Bawa SIM"));
        assert!(!is_numbered("16.900 per dolar AS pada April") && !is_numbered("2024 lalu"));
        let wrapped = "Rupiah sempat melemah ke level Rp\n16.900 per dolar AS pada April sebelum menguat ke\n16.300. Inflasi tahunan pada Mei tercatat 1,9 persen.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn each_row_of_a_table_is_a_paragraph() {
        let table = "Kinerja kuartal III:\n| Pendapatan | Rp12,3 triliun | +8,1% |\n| Margin EBITDA | 49,6% | -1,3 poin |\n| Laba bersih | Rp1,87 triliun | +12,6% |";
        assert_eq!(texts(table).len(), 4);
    }

    #[test]
    fn a_title_wider_than_the_wrapping_is_a_paragraph() {
        // One sentence broken over two lines makes the page look wrapped
        // at 55 columns; the title runs far past that, so no wrap ended it.
        let page = "Bank Nusa Raya Bukukan Laba Rp12,4 Triliun hingga Kuartal III 2025\n\
                    Jakarta, 30 Oktober 2025 – Bank Nusa Raya mencatatkan laba bersih yang naik 8,7% secara tahunan.\n\
                    Laba itu ditopang kenaikan pendapatan bunga bersih dan\n\
                    pendapatan berbasis komisi yang tumbuh dua digit.";
        assert_eq!(texts(page).len(), 3);
    }

    #[test]
    fn each_post_of_a_thread_is_a_paragraph() {
        let thread = "1/14 Utas sidang hari ini\n2/14 Terdakwa tiba pukul 09.58 WIB\nIa tampak tenang\n3/14 Jaksa membacakan tuntutan (10.21 WIB)\nSidang ditunda 4/14";
        assert_eq!(texts(thread).len(), 5);
    }

    #[test]
    fn a_letter_copied_line_by_line() {
        let letter = "Kepada Yth.\nDireksi PT Bursa Efek Indonesia\nJakarta 12190\nDengan hormat,\nMerujuk pada peraturan yang berlaku, bersama ini Perseroan menyampaikan informasi sebagai berikut:\n1. Dewan Komisaris menyetujui rencana penerbitan obligasi senilai Rp250 miliar.\nHormat kami,\nPT Arunika Baja Cemerlang Tbk";
        assert_eq!(texts(letter).len(), 8);
    }

    #[test]
    fn a_list_ends_where_a_capitalised_line_follows_its_last_item() {
        let page = "Segera ke dokter jika:\n- Gula darah di atas 300\n- Luka di kaki tidak sembuh\nSelain obat, pola makan tetap menjadi dasar pengobatan.";
        assert_eq!(texts(page).len(), 4);
    }

    #[test]
    fn a_footnote_line_is_a_paragraph() {
        let page = "Laba naik 8,7%*).\n*) Tidak diaudit\n**) Data bank saja, tanpa entitas anak\nUntuk informasi lebih lanjut, silakan hubungi:";
        assert_eq!(texts(page).len(), 4);
    }

    #[test]
    fn a_line_of_keywords_is_a_paragraph() {
        let page = "Kesimpulan: Konsumsi gula berhubungan dengan prediabetes.\nKata kunci: minuman berpemanis; prediabetes; remaja; HbA1c\nRatna berharap temuan ini dipakai.";
        assert_eq!(texts(page).len(), 3);
        let prose = "Ia berkata: kami datang; mereka pergi; semua diam dan\nmenunggu kabar.";
        assert_eq!(texts(prose).len(), 1);
    }

    #[test]
    fn a_caption_without_a_full_stop_is_a_paragraph() {
        let page = "PHOTO: Yusuf stands next to his boat, split open by the pounding waves of the storm\nSince Sunday morning, the men have hauled the boats onto land.";
        assert_eq!(texts(page).len(), 2);
    }

    #[test]
    fn an_image_line_is_a_paragraph() {
        let page = "![Foto: Pedagang kopi.](https://cdn.example.id/kopi.jpg)\nSeorang pembeli memindai kode QRIS, Rabu. (ANTARA/Budi)\nHarga kopi naik.";
        assert_eq!(texts(page).len(), 3);
    }

    #[test]
    fn a_subheading_in_sentence_case_is_a_paragraph() {
        let page = "Fajar di puncak Padar\nPendakian ke puncak Padar tidak terlalu berat.";
        assert_eq!(
            texts(page),
            [
                "Fajar di puncak Padar",
                "Pendakian ke puncak Padar tidak terlalu berat."
            ]
        );
    }

    #[test]
    fn each_bracketed_item_on_its_line_is_a_paragraph() {
        let page = "The ministry ordered it to:\n(a) stop processing data;\n(b) appoint an auditor; and\n(c) report within 30 days.";
        assert_eq!(texts(page).len(), 4);
    }

    #[test]
    fn a_page_with_one_sentence_broken_over_two_lines() {
        let page = "Harga Beras Naik Lagi\nFoto: ANTARA/Budi\nJAKARTA - Harga beras naik lagi\npekan ini.\nPemerintah akan menggelar operasi pasar.";
        assert_eq!(
            texts(page),
            [
                "Harga Beras Naik Lagi",
                "Foto: ANTARA/Budi",
                "JAKARTA - Harga beras naik lagi\npekan ini.",
                "Pemerintah akan menggelar operasi pasar."
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_end_where_the_next_word_would_have_fitted() {
        let wrapped = "Harga Beras Naik Lagi\n\
            Harga beras di pasar tradisional naik lagi pekan\n\
            ini setelah panen raya usai di banyak daerah.\n\
            Pedagang mengeluhkan pasokan yang seret dari\n\
            sentra produksi. Pemerintah berjanji turun\n\
            tangan.\n\
            Operasi pasar digelar di sejumlah kota mulai\n\
            Senin depan.";
        assert_eq!(
            texts(wrapped),
            [
                "Harga Beras Naik Lagi",
                "Harga beras di pasar tradisional naik lagi pekan\n\
                 ini setelah panen raya usai di banyak daerah.\n\
                 Pedagang mengeluhkan pasokan yang seret dari\n\
                 sentra produksi. Pemerintah berjanji turun\n\
                 tangan.",
                "Operasi pasar digelar di sejumlah kota mulai\n\
                 Senin depan."
            ]
        );
    }
}
