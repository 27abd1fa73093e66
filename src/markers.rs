//! Anchors written in words: number words read as the figure they name
//! (`keempat` ≡ `four` ≡ `4`), and the labels that open an interview's turns
//! (`Tanya:` ≡ `Q:`). Like names and numbers, a translation keeps them. Also
//! the numbers of a thread's posts (`3/14`), which it need not keep.

use rustc_hash::FxHashMap;

/// Labels that open the turns of an interview (`Tanya:` / `Q:`, `Jawab:` /
/// `A:`), by the turn they open: a translation keeps them, so they pair like
/// names.
const INTERVIEW_LABELS: [(&str, &[&str]); 2] = [
    (
        "question",
        &["tanya", "t", "pertanyaan", "q", "question", "frage", "f"],
    ),
    (
        "answer",
        &[
            "jawab", "j", "jawaban", "a", "answer", "antwort", "réponse", "r",
        ],
    ),
];

/// A thread post's number (`3/14`: the third of fourteen), past any month
/// after the slash so that no date (`12/11`) reads so.
pub fn is_post_number(token: &str) -> bool {
    const MOST_DIGITS: usize = 3;
    let number =
        |s: &str| (1..=MOST_DIGITS).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    token.split_once('/').is_some_and(|(k, n)| {
        number(k) && number(n) && {
            let (k, n): (u32, u32) = (k.parse().unwrap_or(0), n.parse().unwrap_or(0));
            k <= n && n > 12
        }
    })
}

/// The interview turn `text` opens with a label for, if any.
pub fn interview_turn(text: &str) -> Option<&'static str> {
    // A label is one short word: look no further than its colon.
    let head: String = text.chars().take(12).collect();
    let (label, _) = head.split_once(':')?;
    let label = label.trim().to_lowercase();
    INTERVIEW_LABELS
        .iter()
        .find(|(_, forms)| forms.contains(&label.as_str()))
        .map(|(turn, _)| *turn)
}

/// Indonesian and English number words (`twelve`, `dua belas`, `keempat`)
/// from `data/number-words.tsv`, lower case, by their value, and the first
/// words of its two-word forms. From 3 up: the words for one and two are
/// articles and everyday words too (`one of`, `both`, `kedua`). Only the
/// languages of the built-in lexicon: German and French articles and
/// ordinals reshuffled an OCR-scrambled stretch of Text+Berg dev.
struct NumberWords {
    values: FxHashMap<String, String>,
    starts: std::collections::HashSet<String>,
    /// Scale words of every language, lower case, by the powers of ten they
    /// stand for (`billion` is 10⁹ in English, 10¹² in French); forms of
    /// one letter (`m`, `T`) left out, since a unit reads so too.
    scales: FxHashMap<String, Vec<i32>>,
}

fn number_words() -> &'static NumberWords {
    static WORDS: std::sync::OnceLock<NumberWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = NumberWords {
            values: FxHashMap::default(),
            starts: Default::default(),
            scales: FxHashMap::default(),
        };
        for line in crate::data::NUMBER_WORDS.lines() {
            let mut fields = line.split('\t');
            let (Some(value), Some(lang), Some(forms)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let Some(factor) = value.strip_prefix("scale:") {
                let power = factor.len() as i32 - 1;
                for form in forms.split(',').map(|f| f.trim().to_lowercase()) {
                    if form.chars().count() >= 2 {
                        let powers = words.scales.entry(form).or_default();
                        if !powers.contains(&power) {
                            powers.push(power);
                        }
                    }
                }
                continue;
            }
            let wanted = matches!(lang, "id" | "en");
            if !wanted || !value.parse::<u64>().is_ok_and(|v| v >= 3) {
                continue;
            }
            for form in forms.split(',') {
                let form = form.trim().to_lowercase();
                if let Some((first, _)) = form.split_once(' ') {
                    words.starts.insert(first.to_string());
                }
                if !form.is_empty() {
                    words
                        .values
                        .entry(form)
                        .or_insert_with(|| value.to_string());
                }
            }
        }
        words
    })
}

/// The powers of ten a scale word stands for (`juta`, `million`, `bn`:
/// 6, 6, 9), in any language of `data/number-words.tsv`; none for another word.
pub fn scale_powers(word: &str) -> &'static [i32] {
    number_words()
        .scales
        .get(&word.to_lowercase())
        .map_or(&[], Vec::as_slice)
}

/// The values of the number words among `words` (in lower case, or the
/// sentence's first word; `Sept.` is a month): two-word forms first, so
/// `dua belas` is 12, not 2 and 10.
pub fn number_word_values(words: &[(usize, &str)]) -> Vec<String> {
    let table = number_words();
    // Every word of every sentence comes here: only the first is lowered
    // (a copy); the others are looked up as they are, when in lower case.
    let lower = |k: usize| -> Option<std::borrow::Cow<str>> {
        let w = words.get(k)?.1;
        if !w.chars().any(char::is_uppercase) {
            Some(std::borrow::Cow::Borrowed(w))
        } else {
            (k == 0).then(|| std::borrow::Cow::Owned(w.to_lowercase()))
        }
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let Some(word) = lower(k) else {
            k += 1;
            continue;
        };
        let pair = table
            .starts
            .contains(word.as_ref())
            .then(|| lower(k + 1))
            .flatten()
            .and_then(|next| table.values.get(&format!("{word} {next}")));
        if let Some(value) = pair {
            out.push(value.clone());
            k += 2;
            continue;
        }
        out.extend(table.values.get(word.as_ref()).cloned());
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_read_as_their_value() {
        let values = |text: &str| number_word_values(&crate::anchors::words(text));
        assert_eq!(
            values("Keempat sekolah itu ditutup dua belas hari."),
            ["4", "12"]
        );
        assert_eq!(values("twelve times the level, with ten men"), ["12", "10"]);
        // One and two are everyday words; a capitalised word inside a
        // sentence is a name or a month (`Sept. 15`).
        assert!(values("Both sides met on Sept. 15, one of them late.").is_empty());
    }

    #[test]
    fn post_numbers_are_no_dates() {
        assert!(is_post_number("3/14") && is_post_number("14/14"));
        assert!(
            !is_post_number("12/11") && !is_post_number("15/14") && !is_post_number("3/14/2025")
        );
    }

    #[test]
    fn interview_labels_name_their_turn() {
        assert_eq!(interview_turn("Tanya: Apa kabar?"), Some("question"));
        assert_eq!(interview_turn("A: I rushed."), Some("answer"));
        assert_eq!(interview_turn("Catatan: harga naik."), None);
    }
}
