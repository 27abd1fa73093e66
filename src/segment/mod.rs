//! Cutting text into sentences, by paragraph, with the rules of each language.
//!
//! The splitter never drops or reorders text: each sentence is a span of the
//! decoded input, and the sentences of a paragraph, joined, give it back
//! (whitespace between them aside).

mod rules;

use std::ops::Range;

pub use rules::{AbbrevKind, Rules};

use crate::lang::Lang;
use crate::text;

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// The sentence with inner line breaks and runs of spaces folded to one space.
    pub text: String,
    /// Byte range in the decoded input.
    pub span: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// Split a whole text: paragraphs at blank lines, sentences inside them.
pub fn split_text(text: &str, lang: &Lang) -> Vec<Sentence> {
    let rules = Rules::for_lang(lang);
    let mut out = Vec::new();
    for (p, para) in text::paragraphs(text).into_iter().enumerate() {
        for span in split_paragraph(&text[para.clone()], rules) {
            let span = para.start + span.start..para.start + span.end;
            out.push(sentence(text, span, p));
        }
    }
    out
}

/// Pre-split input: each non-blank line is one sentence, blank lines separate
/// paragraphs. (So the output of `selaras split` reads back unchanged.)
pub fn split_lines(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    let mut in_paragraph = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if in_paragraph {
                paragraph += 1;
                in_paragraph = false;
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            let span = offset + lead..offset + content.trim_end().len();
            out.push(sentence(text, span, paragraph));
            in_paragraph = true;
        }
        offset += line.len();
    }
    out
}

fn sentence(text: &str, span: Range<usize>, paragraph: usize) -> Sentence {
    Sentence {
        text: fold_whitespace(&text[span.clone()]),
        span,
        paragraph,
    }
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Opening quotes and brackets that may stand before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '「' | '『'
    )
}

/// Sentence spans (relative to `para`) of one paragraph, trimmed.
pub fn split_paragraph(para: &str, rules: &Rules) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(para.len(), |&(b, _)| b);
    let mut k = 0;
    while k < chars.len() {
        if !is_terminal(chars[k].1) {
            k += 1;
            continue;
        }
        let mark = k;
        let mut end = k;
        while end < chars.len() && is_terminal(chars[end].1) {
            end += 1;
        }
        let single_period = chars[mark].1 == '.' && end - mark == 1;
        while end < chars.len() && is_closer(chars[end].1) {
            end += 1;
        }
        // A break needs white space after the mark: `3.000`, `U.S.`, `a.b.com` stay whole.
        if end >= chars.len() || !chars[end].1.is_whitespace() {
            k = end.max(k + 1);
            continue;
        }
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let mut word = next;
        while word < chars.len() && is_opener(chars[word].1) {
            word += 1;
        }
        let next_word = word_at(para, byte_at(word));
        let breaks = if next_word.chars().next().is_some_and(char::is_lowercase) {
            // `pertemuan bersama. konferensi pers`: a lower-case word continues the sentence.
            false
        } else if single_period {
            period_breaks(&para[byte_at(start)..byte_at(mark)], next_word, rules)
        } else {
            true
        };
        if breaks {
            spans.push(byte_at(start)..byte_at(end));
            start = next;
        }
        k = end;
    }
    if start < chars.len() {
        spans.push(byte_at(start)..para.len());
    }
    spans
        .into_iter()
        .map(|r| trim_span(para, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// The word starting at byte `at` (letters, digits and inner marks).
fn word_at(s: &str, at: usize) -> &str {
    let rest = &s[at.min(s.len())..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?'))
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches(|c: char| c == '.' || is_closer(c))
}

/// Whether a single period ends the sentence `before` (the text before the
/// period, from the sentence start), given the next word.
fn period_breaks(before: &str, next_word: &str, rules: &Rules) -> bool {
    let token_start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let token = before[token_start..].trim_start_matches(is_opener);
    let with_period = format!("{token}.");
    match rules.abbrev(&with_period) {
        Some(AbbrevKind::Title) => return false,
        Some(AbbrevKind::End) => return rules.is_starter(next_word),
        None => {}
    }
    if is_initials(token) {
        return false;
    }
    // `1.` or `a.` opening a paragraph is a list marker, not a sentence.
    let list_marker = token_start == 0
        && (token.chars().all(|c| c.is_ascii_digit()) && token.len() <= 3
            || token.chars().count() == 1 && token.chars().all(char::is_alphabetic));
    !list_marker
}

/// `L`, `L.P`, `J.R.R`: one-letter capitals joined by periods (the last period
/// is not part of `token`).
fn is_initials(token: &str) -> bool {
    !token.is_empty()
        && token.split('.').all(|part| {
            let mut cs = part.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        })
}

fn trim_span(s: &str, r: Range<usize>) -> Range<usize> {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    r.start + lead..r.start + lead + trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<String> {
        split_text(text, &lang)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            split("Ini satu. Ini dua! Tiga? Empat.", Lang::Id),
            ["Ini satu.", "Ini dua!", "Tiga?", "Empat."]
        );
    }

    #[test]
    fn numbers_and_abbreviations_do_not_split() {
        let s = "Dr. Siti tinggal di Jl. Merdeka No. 5 bersama Tn. Budi. Harga naik 3.000 atau 2,5 persen pukul 10.30 WIB.";
        assert_eq!(
            split(s, Lang::Id),
            [
                "Dr. Siti tinggal di Jl. Merdeka No. 5 bersama Tn. Budi.",
                "Harga naik 3.000 atau 2,5 persen pukul 10.30 WIB."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        let s = "kata Yoon pada pertemuan bersama. konferensi pers setelah pembicaraan.";
        assert_eq!(split(s, Lang::Id).len(), 1);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let s = "Dia berkata, “Kami siap.” Lalu dia pergi.";
        assert_eq!(
            split(s, Lang::Id),
            ["Dia berkata, “Kami siap.”", "Lalu dia pergi."]
        );
    }

    #[test]
    fn initials_and_end_abbreviations() {
        assert_eq!(
            split("Retno L.P. Marsudi tiba. Ia disambut.", Lang::Id).len(),
            2
        );
        assert_eq!(
            split("He met U.S. President Biden. The talks ended.", Lang::En).len(),
            2
        );
        assert_eq!(
            split(
                "They sold fruit, vegetables, etc. The market closed.",
                Lang::En
            )
            .len(),
            2
        );
    }

    #[test]
    fn headlines_and_paragraphs_are_units() {
        let s = "Judul Berita Tanpa Titik\n\nParagraf satu. Kalimat dua.\n\nSumber";
        let sents = split_text(s, &Lang::Id);
        let got: Vec<_> = sents
            .iter()
            .map(|x| (x.text.as_str(), x.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("Judul Berita Tanpa Titik", 0),
                ("Paragraf satu.", 1),
                ("Kalimat dua.", 1),
                ("Sumber", 2)
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let s = "  Satu dua.  Tiga\nempat.\n\nLima.";
        for sent in split_text(s, &Lang::Id) {
            assert_eq!(fold_whitespace(&s[sent.span.clone()]), sent.text);
        }
    }

    #[test]
    fn lines_mode_keeps_each_line() {
        let s = "a. b. c.\nDua\n\nTiga\n";
        let got: Vec<_> = split_lines(s)
            .into_iter()
            .map(|x| (x.text, x.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("a. b. c.".to_string(), 0),
                ("Dua".to_string(), 0),
                ("Tiga".to_string(), 1)
            ]
        );
    }
}
