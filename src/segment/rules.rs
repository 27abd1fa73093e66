//! The splitting rules of each language, read from the word lists in `data/`.
//! The lists are data so that a linguist can extend them without touching code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::data;
use crate::lang::Lang;
use crate::lexicon::Lexicon;

/// How an abbreviation behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// `Dr.`, `Jl.`, `No.`: what follows is part of the same sentence.
    Title,
    /// `dll.`, `U.S.`, `Inc.`: may close a sentence; a new one starts only
    /// if the next word is a usual sentence opener.
    End,
    /// `a.m.`, `p.m.`: closes the sentence before a capitalised word unless
    /// the time goes on (`3 p.m. Monday`, `3 p.m. WIB`, `3 p.m. Jakarta time`).
    Clock,
}

#[derive(Debug, Default)]
pub struct Rules {
    abbrevs: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
    /// Capitalised words that continue a name after an abbreviation
    /// (`U.S. President`), listed with a leading `-` in the starters file.
    continuers: HashSet<String>,
    /// Ordinary words of the language (from the lexicon), lower case: after
    /// an abbreviation that may end a sentence, one of these capitalised is
    /// taken to open the next sentence (`U.K. Prices rose`).
    common: HashSet<String>,
    /// Whether Indonesian affixes mark ordinary words (`common_by_affix`).
    indonesian_affixes: bool,
}

impl Rules {
    fn parse(abbrevs: &str, starters: &str, common: HashSet<String>) -> Rules {
        let mut rules = Rules::default();
        for line in data_lines(abbrevs) {
            let mut parts = line.split_whitespace();
            let (Some(word), kind) = (parts.next(), parts.next()) else {
                continue;
            };
            let kind = match kind {
                Some("end") => AbbrevKind::End,
                Some("clock") => AbbrevKind::Clock,
                _ => AbbrevKind::Title,
            };
            rules.abbrevs.insert(word.to_string(), kind);
            // A lower-case entry also stands at a sentence start, capitalised.
            if let Some(cap) = capitalised(word) {
                rules.abbrevs.entry(cap).or_insert(kind);
            }
        }
        for line in data_lines(starters) {
            match line.strip_prefix('-') {
                Some(word) => rules.continuers.insert(word.trim().to_string()),
                None => rules.starters.insert(line.to_string()),
            };
        }
        rules.common = common;
        rules
    }

    fn with_indonesian_affixes(mut self) -> Rules {
        self.indonesian_affixes = true;
        self
    }

    /// The rules for `lang`, built once per process.
    pub fn for_lang(lang: &Lang) -> &'static Rules {
        static ID: OnceLock<Rules> = OnceLock::new();
        static EN: OnceLock<Rules> = OnceLock::new();
        static OTHER: OnceLock<Rules> = OnceLock::new();
        match lang {
            Lang::Id => ID.get_or_init(|| {
                Rules::parse(
                    data::ABBREV_ID,
                    data::STARTERS_ID,
                    Lexicon::builtin_id_en()
                        .sources()
                        .map(str::to_string)
                        .collect(),
                )
                .with_indonesian_affixes()
            }),
            Lang::En => EN.get_or_init(|| {
                Rules::parse(
                    data::ABBREV_EN,
                    data::STARTERS_EN,
                    Lexicon::builtin_id_en().targets().clone(),
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

    /// Whether a capitalised `word` after an abbreviation that may end a
    /// sentence opens a new one: a usual opener, or an ordinary word of the
    /// language that is not a name's continuation.
    ///
    /// `then` is the word after it: a capitalised one there means a
    /// multi-word name goes on (`U.S. Environmental Protection Agency`).
    pub fn opens_sentence(&self, word: &str, then: &str) -> bool {
        if self.starters.contains(word) {
            return true;
        }
        // A degree or other dotted abbreviation after it (`gelar S.H. Gelar
        // M.Si. diperolehnya`) is no name's next word.
        let dotted = then
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .contains('.');
        if then.chars().next().is_some_and(char::is_uppercase) && !dotted {
            return false;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().skip(1).any(char::is_uppercase);
        if !capitalised || self.continuers.contains(word) {
            return false;
        }
        // `… in the U.S. Ellery declined to name them`: a name and its
        // verb in the past open the next sentence.
        let then = then.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !self.indonesian_affixes
            && (matches!(then, "said" | "says" | "told")
                || then.len() > 4 && then.ends_with("ed") && self.common.contains(then))
        {
            return true;
        }
        let lower = word.to_lowercase();
        self.common.contains(&lower) || self.common_by_affix(&lower)
    }

    /// Whether `word` (without its period) may be a capitalised name cut
    /// short (`Sci`, `Trop`): two to five letters, no word of the language.
    pub fn abbreviated_name(&self, word: &str) -> bool {
        let mut cs = word.chars();
        (2..=5).contains(&word.len())
            && cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.all(|c| c.is_ascii_lowercase())
            && !self.common.contains(&word.to_lowercase())
    }

    /// Whether a capitalised `word` after a clock time (`3 p.m.`) opens a new
    /// sentence: anything but the time's own day, month, zone or place
    /// (`Monday`, `Dec.`, `WIB`, `Jakarta time`, `Western Indonesia Time`;
    /// `then` holds the next two words).
    pub fn opens_after_clock<'w>(word: &str, mut then: impl Iterator<Item = &'w str>) -> bool {
        const CALENDAR: [&str; 19] = [
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let zone = word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase());
        word.chars().next().is_some_and(char::is_uppercase)
            && !zone
            && !CALENDAR
                .iter()
                .any(|day| word.len() >= 3 && day.starts_with(word))
            && !then.any(|w| w.to_lowercase().starts_with("time"))
    }

    /// A word the lexicon lacks but whose affixes mark an ordinary word:
    /// English plurals of known words; Indonesian `-nya`, `pe-…-an`, `ber-`.
    fn common_by_affix(&self, lower: &str) -> bool {
        let known = |stem: &str| self.common.contains(stem);
        // `barang-barang`: a plural written doubled.
        let doubled = lower
            .split_once('-')
            .is_some_and(|(a, b)| a == b && known(a));
        // `reviewing`, `making`, `running`, `praised`: a verb opening with
        // its participle (`… Jr. Reviewing the show, one critic …`).
        let participle = ["ing", "ed"].iter().any(|suffix| {
            lower.strip_suffix(suffix).is_some_and(|stem| {
                let undoubled = stem.len() > 2
                    && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
                stem.len() >= 3
                    && (["", "e", "ed", "ing", "s"]
                        .iter()
                        .any(|end| known(&format!("{stem}{end}")))
                        || undoubled && known(&stem[..stem.len() - 1]))
            })
        });
        doubled
            || lower.strip_suffix('s').is_some_and(known)
            || lower.strip_suffix("es").is_some_and(known)
            || !self.indonesian_affixes && participle
            || self.indonesian_affixes
                && (lower.ends_with("nya")
                    || lower.starts_with("pe") && lower.ends_with("an") && lower.len() > 6
                    || lower.starts_with("ber") && lower.len() > 5)
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
