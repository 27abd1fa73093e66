//! The names of one sentence worth checking against the other side: which
//! capitalised words are names (see `names.rs` for the document's evidence),
//! which stand in names made of words (`Kementerian Perhubungan`), which
//! acronym is carried by its spelled-out name, which names stand together.

use crate::anchors;

use super::names::{after_break, is_capitalised, is_joiner, name_key};
use super::side::SideContext;

/// A name worth checking.
#[derive(Debug)]
pub struct Name {
    /// As written.
    pub text: String,
    /// Written in a name made of words (`Kementerian Perhubungan`).
    pub soft: bool,
    /// An acronym in brackets after the name it stands for (`Badan
    /// Antariksa Amerika Serikat (NASA)`): that name's words.
    pub expansion: Vec<String>,
    /// The names written next to it (`Narendra` beside `Modi`): a
    /// translation may keep one part of a person's name.
    pub beside: Vec<String>,
}

/// Capitalised words that are not names: English function words in titles,
/// the pronoun `I`, honorifics written without a period.
const NOT_NAMES: [&str; 26] = [
    "The", "A", "An", "In", "On", "Of", "And", "But", "For", "To", "At", "By", "With", "From", "I",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Prof", "Tn", "Ny", "Nn", "Rp", "Rs",
];

/// Words of five letters or more that a headline in title case still
/// writes in lower case (`… Divaksin Dengue hingga Akhir 2026`).
const TITLE_LOWER_CASE: [&str; 30] = [
    "hingga", "dalam", "untuk", "dengan", "tentang", "kepada", "terhadap", "setelah", "sebelum",
    "antara", "sejak", "melalui", "karena", "seusai", "jelang", "menuju", "selama", "akibat",
    "sebagai", "sampai", "about", "after", "before", "between", "through", "against", "among",
    "under", "until", "during",
];

/// The length of a label in capitals opening a script's line (`VO: `,
/// `SOT: `, `LOWER THIRD: `): a broadcast script's production note, which
/// the web version drops. Zero for none.
fn production_label(text: &str) -> usize {
    const LONGEST: usize = 14;
    let Some(colon) = text.get(..LONGEST + 1).unwrap_or(text).find(':') else {
        return 0;
    };
    let head = &text[..colon];
    let capitals = head.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
        && head.chars().filter(char::is_ascii_uppercase).count() >= 2;
    if capitals && text[colon + 1..].starts_with(' ') {
        colon + 1
    } else {
        0
    }
}

/// The names of a sentence that a translation should keep: acronyms, and
/// capitalised words away from a sentence start that the evidence calls
/// names (see `names.rs`) — not ordinary words of the lexicon, not titles or
/// the common-noun parts of names (`Lembah`, `Valley`), not number words. A
/// headline in title case is skipped whole, and so are titles written with
/// a period (`Ir.`) and currency marks (`US$`).
///
/// Also returns the keys of the capitalised words of names made of words,
/// titles and name parts aside (see `Side::has_translated_name`).
pub fn checkable_names(text: &str, cx: &SideContext) -> (Vec<Name>, Vec<String>) {
    let all = anchors::words(text);
    // A headline in title case: most words capitalised, and no lower-case
    // word of five letters or more (`dalam rombongan tersebut` is prose,
    // whatever names come before it).
    let prose = all.iter().any(|(_, w)| {
        w.chars().count() >= 5 && w.starts_with(char::is_lowercase) && !TITLE_LOWER_CASE.contains(w)
    });
    let capitals = all.iter().filter(|(_, w)| is_capitalised(w)).count();
    if all.len() >= 4 && capitals * 10 >= all.len() * 6 && !prose {
        return (Vec::new(), Vec::new());
    }
    // Countries and peoples are in the lexicon too, but they are names.
    let ordinary = |key: &str| {
        (!cx.lexicon.translations(key).is_empty() && !cx.equivalents.is_entity(key))
            || cx.equivalents.is_not_name(key)
            || cx.equivalents.is_number_word(cx.lang, key)
    };
    let soft = word_name_runs(&all, text, cx);
    let mut out: Vec<Name> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Where each name of `out` stands among `all`.
    let mut spots: Vec<usize> = Vec::new();
    // A dateline (`JAKARTA, KOMPAS.com – `) is the outlet's, not the story's.
    let dateline = crate::noise::dateline(text).len();
    let label = production_label(text);
    for (i, &(at, w)) in all.iter().enumerate() {
        if !is_capitalised(w) || is_joiner(w) || at < dateline || at < label {
            continue;
        }
        let key = name_key(w);
        let acronym = anchors::is_acronym(w);
        let after = &text[at + w.len()..];
        let title = after.starts_with('.') && w.chars().count() <= 4 && !acronym;
        let plain = ordinary(&key)
            || cx
                .names
                .is_ordinary(&key, beside_capital(&all, i, text, cx))
            || looks_derived(&key, cx.lang, soft[i]);
        let skip = NOT_NAMES.contains(&w)
            || w.chars().count() < 2
            || w.contains(|c: char| c.is_ascii_digit())
            || is_roman_numeral(w)
            || w.starts_with("I'")
            || w.starts_with("I’")
            || title
            || after.starts_with('$')
            || in_conversion(&text[..at])
            || currency_of_dollar(&all, i)
            || cx.equivalents.is_not_name(&key)
            || (!acronym && (after_break(&text[..at]) || plain));
        if !skip && seen.insert(w) {
            spots.push(i);
            out.push(Name {
                text: w.to_string(),
                soft: soft[i] && !acronym,
                expansion: if acronym {
                    expansion(&all, i, text, cx)
                } else {
                    Vec::new()
                },
                beside: Vec::new(),
            });
        }
    }
    // Names written side by side, nothing between them but a space (each
    // name where it first stands; `spots` are in order, so neighbours in
    // the sentence are neighbours here).
    let person = |n: &Name| !cx.equivalents.is_entity(&name_key(&n.text));
    for a in 1..out.len() {
        let (i, j) = (spots[a - 1], spots[a]);
        let joined = j == i + 1 && text[all[i].0 + all[i].1.len()..all[j].0].trim().is_empty();
        if joined && person(&out[a - 1]) && person(&out[a]) {
            let (left, right) = (out[a - 1].text.clone(), out[a].text.clone());
            out[a - 1].beside.push(right);
            out[a].beside.push(left);
        }
    }
    let in_word_names = all
        .iter()
        .zip(&soft)
        .filter(|((_, w), soft)| **soft && is_capitalised(w) && !anchors::is_acronym(w))
        .map(|((_, w), _)| name_key(w))
        .filter(|k| !cx.equivalents.is_not_name(k))
        .collect();
    (out, in_word_names)
}

/// Whether word `i` has a capitalised neighbour with nothing but a space
/// between, the first word of the sentence aside, that is never written in
/// lower case (`Das`, `Wir` after a heading run into the text are).
fn beside_capital(all: &[(usize, &str)], i: usize, text: &str, cx: &SideContext) -> bool {
    let joined = |a: usize, b: usize| {
        text.get(all[a].0 + all[a].1.len()..all[b].0)
            .is_some_and(|gap| gap.trim().is_empty())
    };
    let name_like = |k: usize| {
        let key = name_key(all[k].1);
        is_capitalised(all[k].1) && !cx.names.seen_lower(&key) && !looks_like_noun(&key, cx.lang)
    };
    let before = i >= 2 && name_like(i - 1) && joined(i - 1, i);
    let after = i >= 1 && i + 1 < all.len() && name_like(i + 1) && joined(i, i + 1);
    name_like(i) && (before || after)
}

/// A German word with a noun's ending (`-ung`, `-heit`, `-en`, `-e`…):
/// two of them side by side (`eine Schale Getreideflocken`) are nouns, not
/// a name.
fn looks_like_noun(key: &str, lang: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "ung", "heit", "keit", "schaft", "ität", "nis", "tum", "chen", "lein", "ling", "en", "e",
    ];
    lang == "de" && ENDINGS.iter().any(|e| key.ends_with(e))
}

/// For each word, whether it stands in a name made of words: a run of
/// capitalised words holding a name-part word or a word of the lexicon
/// (`Kementerian Perhubungan`, `Royal Navy`; not `Presiden Joko Widodo`).
fn word_name_runs(all: &[(usize, &str)], text: &str, cx: &SideContext) -> Vec<bool> {
    let text_between = |_: &[(usize, &str)], a: usize, b: usize| -> &str {
        let end = all[a].0 + all[a].1.len();
        text.get(end..all[b].0).unwrap_or("")
    };
    let mut soft = vec![false; all.len()];
    let mut k = 0;
    while k < all.len() {
        let mut end = k;
        // A run stops at punctuation: `Kanada, Bolivia` is two names.
        let joined = |i: usize| i == k || text_between(all, i - 1, i).trim().is_empty();
        while end < all.len()
            && joined(end)
            && (is_capitalised(all[end].1) || (end > k && is_joiner(all[end].1)))
        {
            end += 1;
        }
        let wordy = |w: &str| {
            let key = name_key(w);
            cx.equivalents.is_part(&key)
                || (!anchors::is_acronym(w)
                    && !cx.equivalents.is_entity(&key)
                    && !cx.lexicon.translations(&key).is_empty())
        };
        if end - k >= 2
            && all[k..end]
                .iter()
                .any(|(_, w)| is_capitalised(w) && wordy(w))
        {
            soft[k..end].fill(true);
        }
        k = end.max(k + 1);
    }
    soft
}

/// A word made from another by the language's affixes, as the common-noun
/// words of institution names are (`Perhubungan`, `Bergizi`, `Liberation`);
/// names rarely are. English endings that names share (`Portugal`,
/// `Beijing`, `Hungary`) count only inside a name made of words (`soft`).
fn looks_derived(key: &str, lang: &str, soft: bool) -> bool {
    let n = key.chars().count();
    let ends = |endings: &[&str]| endings.iter().any(|e| key.ends_with(e));
    match lang {
        "id" => {
            let circumfix = (key.starts_with("pe") || key.starts_with("ke")) && key.ends_with("an");
            (circumfix && n >= 8) || (key.starts_with("ber") && n >= 7)
        }
        "en" => {
            n >= 6 && ends(&["tion", "sion", "ment", "ity", "ism"])
                || (soft
                    && n >= 5
                    && ends(&[
                        "ance", "ence", "al", "ive", "ous", "ship", "ing", "ure", "ary", "ery",
                    ]))
        }
        _ => false,
    }
}

/// Inside brackets that a figure opens (`(2200 GMT)`, `(113 Fahrenheit)`):
/// a conversion, which a translator adds or leaves out.
fn in_conversion(before: &str) -> bool {
    // A bracket a hundred bytes back at most: looking further for every
    // word of a very long sentence would be quadratic.
    let mut from = before.len().saturating_sub(100);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    !before[open..].contains(')')
        && before[open + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
}

/// `Badan Antariksa Amerika Serikat (NASA)`: the keys of the capitalised
/// words right before an acronym in brackets (its name, spelled out), less
/// name parts and titles; empty for any other acronym.
fn expansion(all: &[(usize, &str)], i: usize, text: &str, cx: &SideContext) -> Vec<String> {
    if !text[..all[i].0].trim_end().ends_with('(') {
        return Vec::new();
    }
    let mut words = Vec::new();
    let mut k = i;
    while k > 0 && (is_capitalised(all[k - 1].1) || is_joiner(all[k - 1].1)) {
        k -= 1;
        words.push(name_key(all[k].1));
    }
    if words.len() < 2 {
        return Vec::new();
    }
    words.retain(|w| !is_joiner(w) && !cx.equivalents.is_part(w));
    words
}

/// `dolar AS`, `US dollars`: the country names the currency, which the
/// other side writes as `$`.
fn currency_of_dollar(all: &[(usize, &str)], k: usize) -> bool {
    let near = |i: Option<usize>| {
        i.and_then(|i| all.get(i)).is_some_and(|(_, w)| {
            matches!(w.to_lowercase().as_str(), "dolar" | "dollar" | "dollars")
        })
    };
    near(k.checked_sub(1)) || near(Some(k + 1))
}

/// `II`, `XIV`: a numeral after a name (`Perang Dunia II`), not a name.
fn is_roman_numeral(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::review::equivalents::Equivalents;
    use crate::review::names::SideNames;

    fn names(text: &str) -> Vec<String> {
        let evidence = SideNames::default();
        let cx = SideContext {
            lexicon: Lexicon::builtin_id_en(),
            lang: "id",
            names: &evidence,
            equivalents: Equivalents::builtin(),
            year: None,
        };
        checkable_names(text, &cx)
            .0
            .into_iter()
            .map(|n| n.text)
            .collect()
    }

    #[test]
    fn which_words_are_names() {
        // Titles, name parts and sentence starts are not; the names are.
        assert_eq!(
            names("Kemarin Gubernur Ridwan Kamil meninjau Pelabuhan Merak di Banten."),
            ["Ridwan", "Kamil", "Merak", "Banten"]
        );
        // `dolar AS` names a currency; a headline in title case is skipped.
        assert!(names("Proyek itu bernilai 28 miliar dolar AS menurut pejabat.").is_empty());
        assert!(names("Harga Nikel Naik Tajam di Pasar Dunia").is_empty());
        // The spelled-out name carries its acronym.
        let cx_names = names("Menurut Otoritas Jasa Keuangan (OJK), kredit tumbuh.");
        assert!(cx_names.contains(&"OJK".to_string()), "{cx_names:?}");
    }
}
