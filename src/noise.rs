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
                Some((p, n)) => (p.trim().to_string(), n.trim().parse().unwrap_or(12)),
                None => (l.trim().to_string(), 12),
            })
            .collect()
    })
}

/// Whether `sentence` is a noise line: it starts with a listed prefix (then
/// a space or the end when the prefix is a word) and is short.
pub fn is_noise_line(sentence: &str) -> bool {
    let lower = sentence.trim_start().to_lowercase();
    let words = lower.split_whitespace().count();
    prefixes().iter().any(|(prefix, max_words)| {
        lower.strip_prefix(prefix.as_str()).is_some_and(|rest| {
            let whole_word =
                prefix.ends_with(':') || rest.is_empty() || rest.starts_with([' ', '/']);
            whole_word && words <= *max_words
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_links_and_bylines() {
        assert!(is_noise_line(
            "Baca juga: Smelter Baru di Morowali Mulai Beroperasi"
        ));
        assert!(is_noise_line("Foto: ANTARA/Fikri Yusuf"));
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
}
