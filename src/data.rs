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

/// Every file, by its path in the repository.
pub(crate) const FILES: [(&str, &str); 6] = [
    ("data/lexicon.id-en.tsv", LEXICON_ID_EN),
    ("data/abbrev.id.txt", ABBREV_ID),
    ("data/abbrev.en.txt", ABBREV_EN),
    ("data/starters.id.txt", STARTERS_ID),
    ("data/starters.en.txt", STARTERS_EN),
    ("data/noise.txt", NOISE),
];
