//! What the QA flags know about saying the same thing another way, read from
//! `data/equivalents.id-en.tsv` (places, demonyms, acronyms, titles, name
//! parts) and `data/number-words.tsv` (number and scale words).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::data;

/// A side's text as lower-case words between single spaces (` kota tua `),
/// apostrophes dropped, so that a form of one or more words is found with
/// `contains`.
pub fn phrase_text(words: &[&str]) -> String {
    let mut out = String::from(" ");
    for w in words {
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        out.push_str(&plain(w));
        out.push(' ');
    }
    out
}

/// Lower case without apostrophes: `Jum'at` → `jumat`.
pub fn plain(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The equivalence tables, parsed once.
pub struct Equivalents {
    /// Each entity's forms in both languages, lower case (a country with its
    /// demonyms, an organisation with its acronyms).
    entities: Vec<Vec<String>>,
    /// A form, or a word of a form, → the entities it belongs to.
    by_word: HashMap<String, Vec<usize>>,
    /// Words of titles and name parts: translated, so never names themselves.
    not_names: HashSet<String>,
    /// The name-part words alone (`lembah`, `valley`, `ministry`).
    parts: HashSet<String>,
    /// Per language (`id`, `en`, `de`, `fr`): number word → its values.
    numbers: HashMap<String, Vec<(String, String)>>,
    /// Per language: scale word → multiplier.
    scales: HashMap<String, HashMap<String, f64>>,
}

impl Equivalents {
    /// The built-in tables.
    pub fn builtin() -> &'static Equivalents {
        static TABLES: OnceLock<Equivalents> = OnceLock::new();
        TABLES.get_or_init(|| Equivalents::parse(data::EQUIVALENTS_ID_EN, data::NUMBER_WORDS))
    }

    fn parse(equivalents: &str, number_words: &str) -> Equivalents {
        let mut tables = Equivalents {
            entities: Vec::new(),
            by_word: HashMap::new(),
            not_names: HashSet::new(),
            parts: HashSet::new(),
            numbers: HashMap::new(),
            scales: HashMap::new(),
        };
        for line in data_lines(equivalents) {
            let mut fields = line.split('\t');
            let kind = fields.next().unwrap_or_default();
            let forms: Vec<String> = fields.flat_map(split_forms).collect();
            if matches!(kind, "title" | "part") {
                for form in &forms {
                    tables.not_names.extend(form.split(' ').map(str::to_string));
                    if kind == "part" {
                        tables.parts.extend(form.split(' ').map(str::to_string));
                    }
                }
                continue;
            }
            let id = tables.entities.len();
            for form in &forms {
                for key in std::iter::once(form.as_str()).chain(form.split(' ')) {
                    let ids = tables.by_word.entry(key.to_string()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            tables.entities.push(forms);
        }
        for line in data_lines(number_words) {
            let mut fields = line.split('\t');
            let (Some(value), Some(lang), Some(forms)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let forms = split_forms(forms);
            if let Some(scale) = value.strip_prefix("scale:") {
                let factor: f64 = scale.parse().unwrap_or(1.0);
                let table = tables.scales.entry(lang.to_string()).or_default();
                table.extend(forms.into_iter().map(|f| (f, factor)));
            } else {
                let table = tables.numbers.entry(lang.to_string()).or_default();
                table.extend(forms.into_iter().map(|f| (f, value.to_string())));
            }
        }
        tables
    }

    /// A title or name-part word (`brigjen`, `valley`, `lembah`): not a name.
    pub fn is_not_name(&self, key: &str) -> bool {
        let singular = key.strip_suffix('s').unwrap_or(key);
        self.not_names.contains(key) || self.not_names.contains(singular)
    }

    /// A name-part word (`lembah`, `valley`): names holding one are made of
    /// words, and may be translated whole.
    pub fn is_part(&self, key: &str) -> bool {
        let singular = key.strip_suffix('s').unwrap_or(key);
        self.parts.contains(key) || self.parts.contains(singular)
    }

    /// A word of a place, people or organisation of the tables.
    pub fn is_entity(&self, key: &str) -> bool {
        self.by_word.contains_key(key)
    }

    /// Whether `phrase` (see [`phrase_text`]) holds a form of an entity that
    /// `key` (a lower-case word) is a form of, or a word of a form of.
    pub fn entity_found(&self, key: &str, phrase: &str) -> bool {
        self.by_word.get(key).is_some_and(|ids| {
            ids.iter().any(|&id| {
                self.entities[id]
                    .iter()
                    .any(|form| phrase.contains(&format!(" {form} ")))
            })
        })
    }

    /// The values of the number words written in `phrase`, in language `lang`.
    pub fn number_values(&self, lang: &str, phrase: &str) -> Vec<String> {
        self.numbers
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|(form, _)| phrase.contains(&format!(" {form} ")))
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// The multiplier of a scale word (`juta`, `million`, `bn`) in `lang`.
    pub fn scale(&self, lang: &str, word: &str) -> Option<f64> {
        self.scales.get(lang)?.get(&plain(word)).copied()
    }
}

/// The lines of a data file that carry data.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `Amerika Serikat, AS` → `amerika serikat`, `as`.
fn split_forms(field: &str) -> Vec<String> {
    field
        .split(',')
        .map(|f| {
            let words: Vec<String> = f.split_whitespace().map(plain).collect();
            words.join(" ")
        })
        .filter(|f| !f.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_answer() {
        let eq = Equivalents::builtin();
        let en = phrase_text(&["the", "United", "States", "said"]);
        assert!(eq.entity_found("as", &en));
        assert!(eq.entity_found("serikat", &en));
        assert!(eq.entity_found("sudanese", &phrase_text(&["di", "Sudan"])));
        assert!(!eq.entity_found("sudanese", &phrase_text(&["di", "Mesir"])));
        assert!(eq.is_not_name("brigjen") && eq.is_not_name("valley"));
        assert_eq!(
            eq.number_values("en", &phrase_text(&["Thirteen", "people"])),
            ["13"]
        );
        assert_eq!(eq.scale("id", "juta"), Some(1e6));
    }
}
