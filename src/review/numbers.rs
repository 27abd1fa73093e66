//! The figures of a sentence as the number check reads them: every value a
//! figure can stand for, with its scale word (`2 juta` is also 2000000), its
//! currency mark cut (`Rp1.800`), a time's parts (`4.45 Uhr` against
//! `4 h 45`), and whether it is a conversion in brackets that a translator
//! may add or leave out (`35 km (22 miles)`).

use std::collections::HashSet;

use crate::anchors::{number_readings, words};

use super::equivalents::Equivalents;

/// A figure of one side.
pub struct Figure {
    /// As written.
    pub text: String,
    /// Every value it can stand for (see [`number_readings`]).
    pub keys: Vec<String>,
    /// Its values times the scale word after it (`2 juta` → 2000000);
    /// empty without one.
    pub scaled: Vec<String>,
    /// A time's hour and minutes (`4.45 Uhr` → 4, 45), for a side that
    /// writes them apart (`4 h 45`).
    pub parts: Vec<String>,
    /// The capitalised word before it with it (`ligue 1`), for names that
    /// hold a figure.
    pub label: Option<String>,
    /// Inside brackets right after another figure: a conversion
    /// (`650 km (400 miles)`, `03.30 waktu setempat (2200 GMT)`). A
    /// translator adds or drops these freely, so they are not checked. A
    /// currency conversion (`($295 million)`: the bracket opens on a
    /// currency sign) is: a reviewer may want it out of a memory.
    pub conversion: bool,
}

/// Words beside a time of day (`pukul 10.30`, `4.45 Uhr`, `20 h 30`).
const TIME_WORDS: [&str; 11] = [
    "pukul", "jam", "wib", "wita", "wit", "uhr", "h", "heures", "heure", "am", "pm",
];

/// The figures of `text` (dates already taken out), in language `lang`.
pub fn figures(text: &str, lang: &str, eq: &Equivalents) -> Vec<Figure> {
    let all = words(text);
    let mut out = Vec::new();
    for (k, &(at, word)) in all.iter().enumerate() {
        let Some(number) = figure_part(word) else {
            continue;
        };
        // `yakni 1) menjaga NIM …, 2) …`: a list's marker inside a sentence.
        // (Read only after white space: a figure inside a long run of them
        // must not read the run again.)
        if text[..at].ends_with(char::is_whitespace)
            && crate::segment::is_bracket_marker(text[at..].split_whitespace().next().unwrap_or(""))
        {
            continue;
        }
        if is_item_number(text, at) || lang == "id" && is_degree_level(word) {
            continue;
        }
        // `… gambut tropis.[1]`: a footnote's reference, which a translation drops.
        let footnote = text[..at].strip_suffix('[').is_some_and(|before| {
            before.ends_with(|c: char| !c.is_whitespace())
                && crate::segment::skip_footnote_marks(text, before.len()) > before.len()
        });
        if footnote {
            continue;
        }
        let mut keys = number_readings(number);
        if keys.is_empty() {
            continue;
        }
        let digits_end = number
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':')))
            .unwrap_or(number.len());
        let suffix = &number[digits_end..];
        // `1960s`, `60-an`: a decade, also read without (or with) its century.
        let lead = number[..digits_end].trim_end_matches(['.', ',', ':']);
        if matches!(suffix, "s" | "-an" | "an" | "'s") && lead.ends_with('0') {
            match lead.len() {
                4 => keys.push(lead[2..].to_string()),
                2 => keys.extend([format!("19{lead}"), format!("20{lead}")]),
                _ => {}
            }
        }
        // A scale word after the figure or glued to it: `2 juta`, `1.4bn`.
        let next = all.get(k + 1).map(|(_, w)| *w).unwrap_or_default();
        let scale = eq
            .scale(lang, suffix)
            .or_else(|| suffix.is_empty().then(|| eq.scale(lang, next)).flatten());
        let scaled: Vec<String> = scale
            .map(|factor| {
                keys.iter()
                    .filter_map(|key| key.parse::<f64>().ok())
                    .map(|v| format_value(v * factor))
                    .collect()
            })
            .unwrap_or_default();
        let mut parts = Vec::new();
        let near = |d: isize| {
            usize::try_from(k as isize + d)
                .ok()
                .and_then(|i| all.get(i))
                .is_some_and(|(_, w)| TIME_WORDS.contains(&w.to_lowercase().as_str()))
        };
        if let Some(time) = keys.iter().find(|key| key.contains(':')).cloned() {
            let (h, m) = time.split_once(':').unwrap_or_default();
            let hour: u32 = h.parse().unwrap_or(0);
            // `15.00` is also `3 p.m.`.
            if hour > 12 {
                keys.extend([(hour - 12).to_string(), format!("{}:{m}", hour - 12)]);
            }
            if number.contains(':') || near(-1) || near(1) || near(2) {
                parts.extend([h.to_string(), m.trim_start_matches('0').to_string()]);
            }
        }
        keys.retain(|k| !k.is_empty());
        keys.sort();
        keys.dedup();
        let label = k
            .checked_sub(1)
            .map(|i| all[i].1)
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| format!("{} {number}", w.to_lowercase()));
        out.push(Figure {
            text: word.to_string(),
            keys,
            scaled,
            parts,
            label,
            conversion: is_conversion(&text[..at]),
        });
    }
    out
}

/// Whether the figure at byte `at` is a numbered item's or a thread post's
/// number (`6. Jika tidak lulus …`, `3/14 Majelis hakim …`, `… (JC) 10/14`):
/// a translation that merges two steps or posts renumbers the rest. Only
/// the text's first and last words can be one.
fn is_item_number(text: &str, at: usize) -> bool {
    let trimmed = text.trim_start();
    let first_start = text.len() - trimmed.len();
    let first = trimmed.split_whitespace().next().unwrap_or("");
    let last = text.split_whitespace().next_back().unwrap_or("");
    let last_start = text.trim_end().len() - last.len();
    let post = crate::markers::is_post_number;
    if (first_start..first_start + first.len()).contains(&at) {
        crate::segment::is_numbered(trimmed) || post(first)
    } else {
        at >= last_start && post(last)
    }
}

/// Pair by pair, what [`FigureIndex`] answers at once: the reference its
/// test holds it to.
#[cfg(test)]
impl Figure {
    /// Whether two figures can be one value: the same reading, scaled alike
    /// where both carry a scale word (`4,6 miliar` is not `4.6 million`),
    /// or a time against its parts written apart.
    pub fn matches(&self, other: &Figure) -> bool {
        // `3M Plus` on both sides, whatever `M` scales by in each language.
        if self.text == other.text {
            return true;
        }
        let shared = |a: &[String], b: &[String]| a.iter().any(|k| b.contains(k));
        let values = match (self.scaled.is_empty(), other.scaled.is_empty()) {
            (false, false) => shared(&self.scaled, &other.scaled),
            (true, true) => shared(&self.keys, &other.keys),
            (false, true) => shared(&self.scaled, &other.keys) || shared(&self.keys, &other.keys),
            (true, false) => shared(&self.keys, &other.scaled) || shared(&self.keys, &other.keys),
        };
        values
            || (other.parts.is_empty() && shared(&self.parts, &other.keys))
            || (self.parts.is_empty() && shared(&other.parts, &self.keys))
    }
}

/// The figures of one side, indexed by reading: whether any of them can
/// be a given one, in a few look-ups however many figures a sentence holds
/// (a table pasted as one sentence).
pub struct FigureIndex<'a> {
    texts: HashSet<&'a str>,
    /// Readings of the figures without a scale word, and with one.
    plain_keys: HashSet<&'a str>,
    scaled_keys: HashSet<&'a str>,
    /// Scaled values of the figures with a scale word.
    scaled: HashSet<&'a str>,
    /// Readings of the figures without parts, and the parts of the others.
    partless_keys: HashSet<&'a str>,
    parts: HashSet<&'a str>,
}

impl<'a> FigureIndex<'a> {
    pub fn new(figures: &'a [Figure]) -> FigureIndex<'a> {
        let mut index = FigureIndex {
            texts: HashSet::new(),
            plain_keys: HashSet::new(),
            scaled_keys: HashSet::new(),
            scaled: HashSet::new(),
            partless_keys: HashSet::new(),
            parts: HashSet::new(),
        };
        for b in figures {
            index.texts.insert(&b.text);
            let keys = b.keys.iter().map(String::as_str);
            if b.scaled.is_empty() {
                index.plain_keys.extend(keys.clone());
            } else {
                index.scaled_keys.extend(keys.clone());
                index.scaled.extend(b.scaled.iter().map(String::as_str));
            }
            if b.parts.is_empty() {
                index.partless_keys.extend(keys);
            }
            index.parts.extend(b.parts.iter().map(String::as_str));
        }
        index
    }

    /// Whether some figure of the index can be the same value as `a`: the
    /// same reading, scaled alike where both carry a scale word (`4,6
    /// miliar` is not `4.6 million`), or a time against its parts written
    /// apart.
    pub fn finds(&self, a: &Figure) -> bool {
        let any = |values: &[String], set: &HashSet<&str>| {
            values.iter().any(|v| set.contains(v.as_str()))
        };
        let values = if a.scaled.is_empty() {
            any(&a.keys, &self.plain_keys)
                || any(&a.keys, &self.scaled)
                || any(&a.keys, &self.scaled_keys)
        } else {
            any(&a.scaled, &self.scaled)
                || any(&a.scaled, &self.plain_keys)
                || any(&a.keys, &self.plain_keys)
        };
        self.texts.contains(a.text.as_str())
            || values
            || any(&a.parts, &self.partless_keys)
            || a.parts.is_empty() && any(&a.keys, &self.parts)
    }
}

/// A side's text with ranges of figures taken apart: `1991-2020` and
/// `19–20` read as two figures each.
pub fn split_ranges(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if between_digits && matches!(c, '-' | '–' | '—') {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// An Indonesian degree level (`S-1 Ilmu Hukum`, `lulusan D3`), which a
/// translation names (`law degree`, `diploma`).
fn is_degree_level(word: &str) -> bool {
    let mut cs = word.chars().filter(|&c| c != '-');
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('S'), Some('1'..='3'), None) | (Some('D'), Some('1'..='4'), None)
    )
}

/// The figure in a word: `3.000`, `ke-3` → `3`, `Rp1.800` → `1.800`.
fn figure_part(word: &str) -> Option<&str> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(word);
    }
    let letters = word.find(|c: char| c.is_ascii_digit())?;
    let (mark, rest) = word.split_at(letters);
    // `Rp4`, and labels such as `R5` (a belay) or `G20`: the figure is what
    // a translation keeps.
    let label = mark.chars().count() <= 2 && mark.chars().all(char::is_alphabetic);
    if label || crate::anchors::is_currency_code(mark) {
        return Some(rest);
    }
    word.rsplit_once('-')
        .map(|(_, tail)| tail)
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the text before a figure opens a bracket right after another
/// figure and at most three words: `35 km (`, `03.30 waktu setempat (`.
fn is_conversion(before: &str) -> bool {
    let Some(open) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let tail = words(open);
    tail.iter()
        .rev()
        .take(5)
        .any(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// `2000000`, `2.5`: a value as [`number_readings`] writes its keys.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i128)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: &str) -> Vec<Vec<String>> {
        figures(text, lang, Equivalents::builtin())
            .into_iter()
            .map(|f| f.keys)
            .collect()
    }

    #[test]
    fn scales_currencies_decades_and_times() {
        let scaled =
            |t: &str, lang: &str| figures(t, lang, Equivalents::builtin()).remove(0).scaled;
        assert!(scaled("naik 2 juta orang", "id").contains(&"2000000".to_string()));
        assert!(scaled("Rp4,8 triliun", "id").contains(&"4800000000000".to_string()));
        assert!(keys("Rp1.800 per liter", "id")[0].contains(&"1800".to_string()));
        assert!(keys("the 1960s", "en")[0].contains(&"60".to_string()));
        let time = figures("um 20.30 Uhr", "de", Equivalents::builtin()).remove(0);
        assert!(time.parts.contains(&"30".to_string()));
        assert!(keys("pukul 15.00 WIB", "id")[0].contains(&"3".to_string()));
        let conv = figures("35 km (22 miles) away", "en", Equivalents::builtin());
        assert!(!conv[0].conversion && conv[1].conversion);
    }

    #[test]
    fn a_degree_level_is_no_figure() {
        assert!(keys("menamatkan S-1 Ilmu Hukum dan lulusan D3", "id").is_empty());
        assert_eq!(keys("sektor S-2 dan D5", "id").len(), 1, "D5 is no degree");
    }

    #[test]
    fn the_index_finds_what_pairwise_matching_finds() {
        let eq = Equivalents::builtin();
        let texts = [
            (
                "Harga naik 2 juta dan 4,6 miliar pada 15.00 WIB, 3M Plus.",
                "id",
            ),
            (
                "Prices rose 2 million and 4.6 billion at 3 p.m., 3M Plus.",
                "en",
            ),
            ("Um 4.45 Uhr kamen 2.000 Gäste, 10 Prozent mehr.", "de"),
            (
                "À 4 h 45, 2 000 invités, 10 % de plus et 2,5 millions.",
                "fr",
            ),
            (
                "Sebanyak 1.250 orang, 12,5 persen, pada 1991-2020 dan 19–20.",
                "id",
            ),
        ];
        let sides: Vec<Vec<Figure>> = texts
            .iter()
            .map(|(t, lang)| figures(&split_ranges(t), lang, eq))
            .collect();
        for a_side in &sides {
            for b_side in &sides {
                let index = FigureIndex::new(b_side);
                for a in a_side {
                    assert_eq!(
                        index.finds(a),
                        b_side.iter().any(|b| a.matches(b)),
                        "{}",
                        a.text
                    );
                }
            }
        }
    }

    #[test]
    fn item_and_post_numbers_are_no_figures() {
        assert!(keys("6. Jika tidak lulus, laman menampilkan pesan.", "id").is_empty());
        assert!(keys("3/14 Majelis hakim membuka sidang.", "id").is_empty());
        assert_eq!(keys("Uang Rp\u{a0}100.000 ditarik 3/14", "id").len(), 1);
        assert!(
            keys(
                "Jaksa juga meminta majelis menolak permohonan (JC) 10/14",
                "id"
            )
            .is_empty()
        );
        assert!(!keys("Sidang digelar 12/11 di Jakarta.", "id").is_empty());
        assert_eq!(keys("Ia membeli 6. Lalu pulang.", "id").len(), 1);
    }

    #[test]
    fn footnote_references_are_no_figures() {
        assert_eq!(keys("lulus pada 1965.[2] Lalu [3] hal", "id").len(), 2);
        assert_eq!(keys("tropis.[3][4]", "id").len(), 0);
        // After a character of several bytes, and a bracket that is no footnote.
        assert_eq!(keys("“kata”[1] dan ”5 orang”[2025 data]", "id").len(), 2);
    }
}
