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
        out.push_str(&plain(without_possessive(w)));
        out.push(' ');
    }
    out
}

/// `People's` → `People`: phrases and the table's forms alike.
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
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
    /// Each entity's forms in both languages, lower case and between spaces
    /// (a country with its demonyms, an organisation with its acronyms).
    entities: Vec<Vec<String>>,
    /// A form, or a word of a form, → the entities it belongs to.
    by_word: HashMap<String, Vec<usize>>,
    /// Words of titles and name parts: translated, so never names themselves.
    not_names: HashSet<String>,
    /// The name-part words alone (`lembah`, `valley`, `ministry`).
    parts: HashSet<String>,
    /// Month names and their abbreviations → the month's number (`mei` → 5).
    months: HashMap<String, usize>,
    /// The days of the week.
    weekdays: HashSet<String>,
    /// Per language (`id`, `en`, `de`, `fr`): number word, its value, and
    /// whether it is the plain cardinal (`three`, not `third` or `triple`).
    numbers: HashMap<String, HashMap<String, (String, bool)>>,
    /// Per language: the first words of number words of several words
    /// (`tiga` of `tiga belas`), where a longer form may start.
    number_starts: HashMap<String, HashSet<String>>,
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
            months: HashMap::new(),
            weekdays: HashSet::new(),
            numbers: HashMap::new(),
            number_starts: HashMap::new(),
            scales: HashMap::new(),
        };
        for line in data_lines(equivalents) {
            let mut fields = line.split('\t');
            let kind = fields.next().unwrap_or_default();
            let written: Vec<&str> = fields.flat_map(|f| f.split(',')).collect();
            let forms: Vec<String> = written.iter().flat_map(|f| split_forms(f)).collect();
            // A form written in lower case describes the entity (`health
            // office`): found as a whole, its words are no entity's words.
            let described: Vec<bool> = written
                .iter()
                .filter(|f| !f.trim().is_empty())
                .map(|f| !f.chars().any(char::is_uppercase))
                .collect();
            if let Some(month) = kind.strip_prefix("month:") {
                let month = month.parse().unwrap_or(0);
                tables
                    .months
                    .extend(forms.iter().map(|f| (f.clone(), month)));
            } else if kind == "day" {
                tables.weekdays.extend(forms.iter().cloned());
            }
            if matches!(kind, "title" | "part" | "day") || kind.starts_with("month:") {
                for form in &forms {
                    tables.not_names.extend(form.split(' ').map(str::to_string));
                    if kind == "part" {
                        tables.parts.extend(form.split(' ').map(str::to_string));
                    }
                }
                continue;
            }
            let id = tables.entities.len();
            for (form, &described) in forms.iter().zip(&described) {
                let words = form.split(' ').filter(|_| !described);
                for key in std::iter::once(form.as_str()).chain(words) {
                    let ids = tables.by_word.entry(key.to_string()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            // Padded with spaces, as `phrase_text` writes words.
            tables
                .entities
                .push(forms.iter().map(|f| format!(" {f} ")).collect());
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
                let starts = tables.number_starts.entry(lang.to_string()).or_default();
                for (k, form) in forms.into_iter().enumerate() {
                    if let Some((first, _)) = form.split_once(' ') {
                        starts.insert(first.to_string());
                    }
                    table.entry(form).or_insert((value.to_string(), k == 0));
                }
            }
        }
        tables
    }

    /// A title or name-part word (`brigjen`, `valley`, `lembah`): not a name.
    pub fn is_not_name(&self, key: &str) -> bool {
        let singular = key.strip_suffix('s').unwrap_or(key);
        self.not_names.contains(key) || self.not_names.contains(singular)
    }

    /// The number of the month `word` (lower case) names: `mei`, `may`,
    /// `aug` → 5, 5, 8.
    pub fn month(&self, word: &str) -> Option<usize> {
        self.months.get(word).copied()
    }

    /// Whether `word` (lower case) is a day of the week.
    pub fn is_weekday(&self, word: &str) -> bool {
        self.weekdays.contains(word)
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
                    .any(|form| phrase.contains(form.as_str()))
            })
        })
    }

    /// The number words written in `phrase`, in language `lang`: whole
    /// words and phrases (`tiga belas`), hyphenated ones (`twenty-eight`,
    /// `two-year-old`), and in German the number a compound starts with
    /// (`zweistündigen`). Returns the cardinals to check (see
    /// `cardinals_and_all`) and the values of all of them.
    pub fn numbers_in(&self, lang: &str, phrase: &str) -> (Vec<(String, String)>, Vec<String>) {
        let (cardinals, mut values) = self.cardinals_and_all(lang, phrase);
        if lang == "de" {
            for token in phrase.split(' ') {
                // The longest prefix that is a number word of four letters or more.
                let prefix = token
                    .char_indices()
                    .rev()
                    .map(|(at, c)| &token[..at + c.len_utf8()])
                    .filter(|p| p.chars().count() >= 4)
                    .find_map(|p| self.number_word(lang, p));
                values.extend(prefix.map(|(value, _)| value.clone()));
            }
        }
        (cardinals, values)
    }

    /// Whether `word` (lower case) is a number word of `lang` (`seventies`).
    pub fn is_number_word(&self, lang: &str, word: &str) -> bool {
        self.number_word(lang, word).is_some()
    }

    fn number_word(&self, lang: &str, form: &str) -> Option<&(String, bool)> {
        self.numbers.get(lang)?.get(form)
    }

    /// The cardinals from two to ninety-nine written out in `phrase`
    /// (`drei`, `tiga puluh`, `twenty-eight`), as (word, value): figures a
    /// translation should keep; and the values of all its number words. A word inside a longer one found (`tiga` in `tiga
    /// belas`) is not counted apart.
    fn cardinals_and_all(&self, lang: &str, phrase: &str) -> (Vec<(String, String)>, Vec<String>) {
        let tokens: Vec<&str> = phrase.split(' ').filter(|t| !t.is_empty()).collect();
        let mut found: Vec<(String, String, bool)> = Vec::new();
        // Forms of one to four words (`tiga`, `tiga belas`, `one and a half`).
        let starts = self.number_starts.get(lang);
        for (k, token) in tokens.iter().enumerate() {
            if let Some((value, cardinal)) = self.number_word(lang, token) {
                found.push((token.to_string(), value.clone(), *cardinal));
            }
            if !starts.is_some_and(|s| s.contains(*token)) {
                continue;
            }
            for n in 2..=4.min(tokens.len() - k) {
                let form = tokens[k..k + n].join(" ");
                if let Some((value, cardinal)) = self.number_word(lang, &form) {
                    found.push((form, value.clone(), *cardinal));
                }
            }
        }
        // Hyphenated: `twenty-eight` (28), `vingt-quatre` (24), `two-year-old` (2).
        for token in tokens.iter().filter(|t| t.contains('-')) {
            if self.number_word(lang, token).is_some() {
                continue;
            }
            let values: Vec<Option<f64>> = token
                .split('-')
                .map(|part| {
                    self.number_word(lang, part)
                        .and_then(|(v, _)| v.parse().ok())
                })
                .collect();
            let value = if values.iter().all(Option::is_some) && values.len() == 2 {
                values.iter().flatten().sum::<f64>()
            } else if let Some(first) = values.iter().flatten().next() {
                *first
            } else {
                continue;
            };
            found.push((token.to_string(), format_number(value), true));
        }
        // `tiga puluh sembilan`, `thirty nine`: tens then units make one number.
        let value = |v: &str| v.parse::<f64>().unwrap_or(0.0);
        let mut composed = Vec::new();
        for (tens, t, _) in found.iter().filter(|(_, v, c)| {
            *c && value(v) >= 20.0 && value(v) < 100.0 && value(v) % 10.0 == 0.0
        }) {
            for (unit, u, _) in found
                .iter()
                .filter(|(_, v, c)| *c && (1.0..10.0).contains(&value(v)))
            {
                let both = format!("{tens} {unit}");
                if phrase.contains(&format!(" {both} ")) {
                    composed.push((both, format_number(value(t) + value(u)), true));
                }
            }
        }
        found.extend(composed);
        let all = found.iter().map(|(_, v, _)| v.clone()).collect();
        let cardinals = found
            .iter()
            .filter(|(form, value, cardinal)| {
                *cardinal
                    && value
                        .parse::<f64>()
                        .is_ok_and(|v| (2.0..100.0).contains(&v))
                    && !found.iter().any(|(longer, _, _)| {
                        longer.len() > form.len()
                            && format!(" {} ", longer.replace('-', " "))
                                .contains(&format!(" {form} "))
                    })
            })
            .map(|(form, value, _)| (form.clone(), value.clone()))
            .collect();
        (cardinals, all)
    }

    /// The multiplier of a scale word (`juta`, `million`, `bn`) in `lang`.
    pub fn scale(&self, lang: &str, word: &str) -> Option<f64> {
        self.scales.get(lang)?.get(&plain(word)).copied()
    }
}

/// `28`, `2.5`: a value as the figures' keys write it.
fn format_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
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
            let words: Vec<String> = f
                .split_whitespace()
                .map(|w| plain(without_possessive(w)))
                .collect();
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
        let assembly = phrase_text(&["the", "People's", "Consultative", "Assembly"]);
        assert!(eq.entity_found("mpr", &assembly));
        assert_eq!(
            eq.numbers_in("en", &phrase_text(&["Thirteen", "people"])).1,
            ["13"]
        );
        assert_eq!(eq.scale("id", "juta"), Some(1e6));
    }

    /// A form in lower case describes its entity: found whole, its words
    /// are not the entity's.
    #[test]
    fn a_description_is_found_whole() {
        let eq = Equivalents::parse("org\tDinkes, Dinas Kesehatan\thealth office\n", "");
        let en = phrase_text(&["the", "provincial", "health", "office", "said"]);
        assert!(eq.entity_found("dinkes", &en));
        assert!(eq.is_entity("kesehatan"));
        assert!(!eq.is_entity("office") && !eq.is_entity("health"));
        assert!(!eq.entity_found("dinkes", &phrase_text(&["the", "office"])));
    }
}
