//! The word lists compiled into the crate (`data/`), each included once.

/// `data/abbrev.id.txt`: Indonesian abbreviations and their kind.
pub(crate) const ABBREV_ID: &str = include_str!("../data/abbrev.id.txt");
/// `data/abbrev.en.txt`: English abbreviations and their kind.
pub(crate) const ABBREV_EN: &str = include_str!("../data/abbrev.en.txt");
/// `data/starters.id.txt`: usual Indonesian sentence openers.
pub(crate) const STARTERS_ID: &str = include_str!("../data/starters.id.txt");
/// `data/starters.en.txt`: usual English sentence openers.
pub(crate) const STARTERS_EN: &str = include_str!("../data/starters.en.txt");
/// `data/lexicon.id-en.tsv`: the built-in Indonesian–English lexicon.
pub(crate) const LEXICON_ID_EN: &str = include_str!("../data/lexicon.id-en.tsv");
/// `data/noise.txt`: prefixes of noise lines (`Baca juga:`, credits, bylines).
pub(crate) const NOISE: &str = include_str!("../data/noise.txt");

/// `data/equivalents.id-en.tsv`: places, demonyms, acronyms, titles and
/// name parts that the QA flags treat as the same in both languages.
pub(crate) const EQUIVALENTS_ID_EN: &str = include_str!("../data/equivalents.id-en.tsv");
/// `data/number-words.tsv`: number and scale words by language.
pub(crate) const NUMBER_WORDS: &str = include_str!("../data/number-words.tsv");

/// Every file, by its path in the repository.
pub(crate) const FILES: [(&str, &str); 8] = [
    ("data/lexicon.id-en.tsv", LEXICON_ID_EN),
    ("data/abbrev.id.txt", ABBREV_ID),
    ("data/abbrev.en.txt", ABBREV_EN),
    ("data/starters.id.txt", STARTERS_ID),
    ("data/starters.en.txt", STARTERS_EN),
    ("data/noise.txt", NOISE),
    ("data/equivalents.id-en.tsv", EQUIVALENTS_ID_EN),
    ("data/number-words.tsv", NUMBER_WORDS),
];
