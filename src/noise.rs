//! Noise lines: what news sites put around an article — related-article
//! links (`Baca juga: …`), photo credits, bylines — which a translation
//! drops, rewords or moves. The list of prefixes is data (`data/noise.txt`).

use std::sync::OnceLock;

/// (lower-case prefix, most words a noise line with it has)
fn prefixes() -> &'static [(String, usize)] {
    static LIST: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    LIST.get_or_init(|| {
        crate::data::NOISE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('\t') {
                Some((p, n)) => (
                    p.trim().to_string(),
                    n.trim().parse().unwrap_or(CREDIT_WORDS),
                ),
                None => (l.trim().to_string(), CREDIT_WORDS),
            })
            .collect()
    })
}

/// Most words of a noise line below which its prefix marks a credit or a
/// byline; a link to a related article may run longer (its headline).
const CREDIT_WORDS: usize = 12;

/// The most words allowed by the listed prefix `text` starts with (then a
/// space or the end when the prefix is a word), if it is that short. Every
/// sentence and paragraph is asked: only the opening is lowered, and words
/// are counted only as far as the limit.
fn listed_prefix(text: &str) -> Option<usize> {
    let text = text.trim_start();
    let head = text.chars().take(40).collect::<String>().to_lowercase();
    prefixes().iter().find_map(|(prefix, max_words)| {
        let rest = head.strip_prefix(prefix.as_str())?;
        let whole_word = prefix.ends_with(':') || rest.is_empty() || rest.starts_with([' ', '/']);
        let short = text.split_whitespace().take(max_words + 1).count() <= *max_words;
        (whole_word && short).then_some(*max_words)
    })
}

/// Whether `sentence` is a noise line: it starts with a listed prefix and is
/// short.
pub fn is_noise_line(sentence: &str) -> bool {
    listed_prefix(sentence).is_some() || is_initials_tag(sentence)
}

/// Whether `text` is the editors' initials closing an article (`(yos/ram)`,
/// `(rzp/dhf)`).
pub fn is_initials_tag(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
    else {
        return false;
    };
    let parts: Vec<&str> = inner.split('/').collect();
    (2..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether `paragraph` is a whole link to a related article (`Baca juga:
/// Catat! Ini Jadwal One Way …`): the linked headline's own marks do not
/// end a sentence.
pub fn is_link_paragraph(paragraph: &str) -> bool {
    listed_prefix(paragraph).is_some_and(|max_words| max_words > CREDIT_WORDS)
}

/// Whether `line` is scanning debris or a stray fragment (`■ iv V V .`,
/// `Vv`, `r \\`, a page number): no run of three letters, and characters
/// no sentence is made of, or no sentence end, or next to no letters. A
/// short real sentence (`Ya.`, `Ja, ja:`, `1. 1950:`) is kept, and so is
/// a line of punctuation only, which is most often a sentence's torn-off end.
pub fn is_debris_line(line: &str) -> bool {
    let mut run = 0;
    for c in line.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 3 {
            return false;
        }
    }
    let punctuation = |c: char| ".,;:!?'\"()«»“”‘’-–—_".contains(c);
    let odd = |c: char| !(c.is_alphanumeric() || c.is_whitespace() || punctuation(c));
    if line.chars().any(odd) {
        return true;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().any(|c| c.is_numeric());
    if letters == 0 && !digits {
        return false;
    }
    let ends = line.trim_end().ends_with(['.', '!', '?', ':', ';']);
    !ends || !digits && letters < 2
}

/// Verbs of a quotation's attribution (`kata Budi`, `Budi said`).
const SAID: &[&str] = &[
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "jelas",
    "imbuh",
    "tambah",
    "terang",
    "ungkap",
    "tegas",
    "papar",
    "katanya",
    "ujarnya",
    "ucapnya",
    "tuturnya",
    "jelasnya",
    "imbuhnya",
    "tambahnya",
    "terangnya",
    "ungkapnya",
    "tegasnya",
    "paparnya",
    "said",
    "says",
    "told",
    "added",
    "asked",
    "explained",
    "noted",
    "wrote",
    "insisted",
    "argued",
];

/// Where the attribution after a closing quotation starts (`,” kata
/// Budi …`, `," Budi told reporters …`), or the text's length if none: a
/// verb of speaking among the first four words after the quote. A
/// translation moves the attribution between the sentences of a quotation,
/// so what it names and how long it is say little of the sentence's
/// translation.
pub fn attribution(text: &str) -> usize {
    let closes = text
        .match_indices(['”', '"'])
        .filter(|&(at, _)| text[..at].ends_with([',', '.', '!', '?', '…']));
    for (at, quote) in closes {
        let from = at + quote.len();
        let said = text[from..]
            .split_whitespace()
            .take(4)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .any(|w| SAID.contains(&w.as_str()));
        if said {
            return from;
        }
    }
    text.len()
}

/// The dateline a news sentence opens with (`SAMARINDA, WARTABORNEO.com — `,
/// `Jakarta (ANTARA) - `, `KOMPAS.com – `), empty without one. A translation
/// usually drops or rewrites the dateline, so its characters say nothing
/// about the length of the sentence's translation. A dateline is a few
/// capitalised words before a spaced dash, with a word in capitals, a web
/// address or a bracketed agency among them.
pub fn dateline(sentence: &str) -> &str {
    const MOST_WORDS: usize = 6;
    // A dateline's dash stands in the first hundred bytes: a long sentence
    // is not searched, nor its words gathered, any further.
    const MOST_BYTES: usize = 100;
    let head = sentence.trim_start();
    let mut end = head.len().min(MOST_BYTES);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let Some((before, dash)) = [" — ", " – ", " -- ", " - "]
        .iter()
        .filter_map(|d| head[..end].find(d).map(|at| (at, *d)))
        .min()
        .map(|(at, d)| (&head[..at], d))
    else {
        return "";
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    // Capitalised, or a date's day (`SAN FRANCISCO, Nov. 24 (Reuters) - `).
    let capitalised = |w: &&str| {
        w.trim_start_matches('(')
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let telling = |w: &&str| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 3 && !bare.chars().any(char::is_lowercase)
            || w.starts_with('(') && w.ends_with(')')
            || [".com", ".id", ".co", ".net"]
                .iter()
                .any(|d| bare.contains(d))
    };
    let rest = &head[before.len() + dash.len()..];
    let is_dateline = (1..=MOST_WORDS).contains(&words.len())
        && words.iter().all(capitalised)
        && words.iter().any(telling)
        && rest.chars().filter(|c| c.is_alphabetic()).count() >= 10;
    if !is_dateline {
        return "";
    }
    let leading = sentence.len() - head.len();
    &sentence[..leading + before.len() + dash.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribution_starts_after_the_closing_quote() {
        let quoted = "“Kami optimistis,” kata Adrianus dalam paparan, Jumat.";
        assert_eq!(
            &quoted[attribution(quoted)..],
            " kata Adrianus dalam paparan, Jumat."
        );
        let english = "\"The kids never gave up,\" Bambang said after the match.";
        assert_eq!(
            &english[attribution(english)..],
            " Bambang said after the match."
        );
        let plain = "Adrianus mengatakan momentum itu berlanjut.";
        assert_eq!(attribution(plain), plain.len());
    }

    #[test]
    fn credits_links_and_bylines() {
        assert!(is_noise_line(
            "Baca juga: Smelter Baru di Morowali Mulai Beroperasi"
        ));
        assert!(is_noise_line("Foto: ANTARA/Fikri Yusuf"));
        assert!(is_noise_line("(Tangkapan layar: aplikasi IKD)"));
        assert!(is_noise_line("(yos/ram)"));
        assert!(!is_noise_line("(lihat tabel)"));
        assert!(is_noise_line("Photo: Reuters/Jane Doe"));
        assert!(is_noise_line("Oleh Andini Kusumawardani"));
        assert!(is_noise_line("By Andini Kusumawardani"));
        assert!(!is_noise_line(
            "Oleh karena itu, pemerintah menunda keputusan hingga tahun depan."
        ));
        assert!(!is_noise_line(
            "By the end of the year, prices had doubled."
        ));
        assert!(!is_noise_line("Bypass roads were closed."));
        assert!(!is_noise_line("Fotografer itu menang."));
    }

    #[test]
    fn scanning_debris_but_not_short_sentences() {
        for debris in [
            "■ iv V V . ",
            "Vv",
            "A",
            "r \\",
            ".-^ !",
            "141",
            "**&gt;",
            "é » .",
        ] {
            assert!(is_debris_line(debris), "{debris}");
        }
        for kept in [
            "Ya.",
            "' Ja , ja :",
            "1. 1950 :",
            "1956 , S. 340-343 ) .",
            "» .",
            "!",
            "Oui !",
            "Glück ?",
            "Bab 12",
        ] {
            assert!(!is_debris_line(kept), "{kept}");
        }
    }

    #[test]
    fn datelines_are_found_and_prose_is_not() {
        for (sentence, dateline) in [
            (
                "SAMARINDA, WARTABORNEO.com — DPRD mengesahkan APBD.",
                "SAMARINDA, WARTABORNEO.com — ",
            ),
            (
                "Jakarta (ANTARA) - Pemerintah menaikkan harga BBM.",
                "Jakarta (ANTARA) - ",
            ),
            (
                "KOMPAS.com – Banjir melanda Semarang sejak pagi.",
                "KOMPAS.com – ",
            ),
            ("JAKARTA - Harga cabai naik lagi pekan ini.", "JAKARTA - "),
            (
                "JAKARTA (Reuters) -- Indonesia's exports rose.",
                "JAKARTA (Reuters) -- ",
            ),
            (
                "SAN FRANCISCO, Nov. 24 (Reuters) - Quillbright released a model.",
                "SAN FRANCISCO, Nov. 24 (Reuters) - ",
            ),
        ] {
            assert_eq!(super::dateline(sentence), dateline, "{sentence}");
        }
        for prose in [
            "Presiden Joko Widodo - yang hadir pagi itu - membuka acara.",
            "Harga naik 10 - 20 persen.",
            "Skor akhir 21-19 - 21-17 untuk Rafael.",
            "The Jakarta Globe - an English daily - reported it.",
            "JAKARTA - ya.",
            "Menurut DPRD, anggaran itu - sekitar Rp 2 triliun - cukup.",
        ] {
            assert_eq!(super::dateline(prose), "", "{prose}");
        }
        // A dash far into a long sentence is no dateline's.
        let long = format!(
            "JAKARTA {}- Harga naik lagi pekan ini.",
            "kata ".repeat(100_000)
        );
        assert_eq!(super::dateline(&long), "");
    }
}
