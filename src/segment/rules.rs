//! The splitting rules of each language, read from the word lists in `data/`.
//! The lists are data so that a linguist can extend them without touching code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lang::Lang;

/// How an abbreviation behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// `Dr.`, `Jl.`, `No.`: what follows is part of the same sentence.
    Title,
    /// `dll.`, `U.S.`, `Inc.`: may close a sentence; a new one starts only
    /// if the next word is a usual sentence opener.
    End,
}

#[derive(Debug, Default)]
pub struct Rules {
    abbrevs: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
}

impl Rules {
    fn parse(abbrevs: &str, starters: &str) -> Rules {
        let mut rules = Rules::default();
        for line in data_lines(abbrevs) {
            let mut parts = line.split_whitespace();
            let (Some(word), kind) = (parts.next(), parts.next()) else {
                continue;
            };
            let kind = match kind {
                Some("end") => AbbrevKind::End,
                _ => AbbrevKind::Title,
            };
            rules.abbrevs.insert(word.to_string(), kind);
            // A lower-case entry also stands at a sentence start, capitalised.
            if let Some(cap) = capitalised(word) {
                rules.abbrevs.entry(cap).or_insert(kind);
            }
        }
        rules.starters = data_lines(starters).map(str::to_string).collect();
        rules
    }

    /// The rules for `lang`, built once per process.
    pub fn for_lang(lang: &Lang) -> &'static Rules {
        static ID: OnceLock<Rules> = OnceLock::new();
        static EN: OnceLock<Rules> = OnceLock::new();
        static OTHER: OnceLock<Rules> = OnceLock::new();
        match lang {
            Lang::Id => ID.get_or_init(|| {
                Rules::parse(
                    include_str!("../../data/abbrev.id.txt"),
                    include_str!("../../data/starters.id.txt"),
                )
            }),
            Lang::En => EN.get_or_init(|| {
                Rules::parse(
                    include_str!("../../data/abbrev.en.txt"),
                    include_str!("../../data/starters.en.txt"),
                )
            }),
            Lang::Other(_) => OTHER.get_or_init(Rules::default),
        }
    }

    /// `word` includes its final period, e.g. `Dr.`.
    pub fn abbrev(&self, word: &str) -> Option<AbbrevKind> {
        self.abbrevs.get(word).copied()
    }

    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// Non-empty lines of a data file, comments (`#`) dropped.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn capitalised(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    first
        .is_lowercase()
        .then(|| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let id = Rules::for_lang(&Lang::Id);
        assert_eq!(id.abbrev("Tn."), Some(AbbrevKind::Title));
        assert_eq!(id.abbrev("dll."), Some(AbbrevKind::End));
        assert_eq!(id.abbrev("Dll."), Some(AbbrevKind::End));
        assert!(id.is_starter("Namun"));
        let en = Rules::for_lang(&Lang::En);
        assert_eq!(en.abbrev("Mr."), Some(AbbrevKind::Title));
        assert_eq!(en.abbrev("U.S."), Some(AbbrevKind::End));
        assert!(
            Rules::for_lang(&Lang::Other("de".into()))
                .abbrev("Dr.")
                .is_none()
        );
    }
}
