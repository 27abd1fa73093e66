//! One side of a pair as the checks read it — its figures, dates, names and
//! words — and what the other side lacks of them.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::anchors;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

use super::equivalents::{Equivalents, phrase_text};
use super::names::{Likeness, SideNames, Spelled, is_capitalised, likeness, name_key, spelling};
use super::numbers::{Figure, figures, split_ranges};
use super::sentence_names::{Name, checkable_names};

/// What one side of the document brings to the checks of each of its pairs.
pub struct SideContext<'a> {
    /// Word pairs from this side's language to the other's.
    pub lexicon: &'a Lexicon,
    /// This side's language (`id`, `en`, `de`…), for its number words.
    pub lang: &'a str,
    /// The document's evidence about this side's capitalised words.
    pub names: &'a SideNames,
    pub equivalents: &'a Equivalents,
    /// The year this side writes most (twice at least): the article's own,
    /// which a translation often leaves implied (`akhir Juli 2026` against
    /// `the end of July`).
    pub year: Option<String>,
}

/// `1998`, `2026`: a year as news writes it.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// The year written most often in `sentences`, if twice or more.
pub fn document_year(sentences: &[crate::segment::Sentence]) -> Option<String> {
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in sentences {
        for (_, w) in crate::anchors::words(&s.text) {
            if is_year(w) {
                *count.entry(w).or_default() += 1;
            }
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y.to_string())
}

/// One side of a bead, read for the checks.
pub struct Side<'a> {
    figures: Vec<Figure>,
    /// Dates written `15/7/2025`: (day, month, year).
    dates: Vec<Date>,
    /// The names worth checking (see `checkable_names`).
    names: Vec<Name>,
    /// Lower-case words, also with inner periods dropped (`U.S.` → `us`),
    /// possessives cut (`Indonesia's` → `indonesia`) and hyphenated words
    /// taken apart (`Kupang-born` → `kupang`, `born`).
    words: HashSet<String>,
    /// Keys of the capitalised words, to tell a typo in a name.
    capitalised: HashSet<String>,
    /// Keys of the months written capitalised (`Mei`, `Sept. 7`; not the
    /// rank `Kol. Mar.`: an abbreviation counts only beside a number).
    months: HashSet<String>,
    /// `words` and `capitalised` with their spellings, for [`likeness`]:
    /// worked out when a name first needs them.
    spelled_words: OnceCell<Vec<Spelled>>,
    spelled_capitalised: OnceCell<Vec<Spelled>>,
    /// `words` in their loose spelling cut to seven letters, for cognates
    /// (`klimatologi`/`climatology`).
    loose: HashSet<String>,
    /// The text as ` lower case words `, for forms of several words.
    phrase: String,
    /// Values of the number words written out (`thirteen` → 13).
    number_words: Vec<String>,
    /// The cardinals written out (`drei`, `empat`), with their values.
    cardinals: Vec<(String, String)>,
    /// First letters of the capitalised words in runs of two or more.
    initials: HashSet<char>,
    /// Keys of the capitalised words of names made of words written here
    /// (`Badan Antariksa Jepang`).
    word_names: Vec<String>,
    cx: &'a SideContext<'a>,
}

/// What one side lacks of the other's names.
#[derive(Default)]
pub struct NamesLost {
    /// Names with no counterpart.
    pub missing: Vec<String>,
    /// Those of `missing` written beside an ordinary word (`Makan Bergizi
    /// Gratis`, `Spanish Inquisition`): maybe a translated name.
    pub soft: Vec<String>,
    /// A name and the other side's word one letter from it (`Volladolid`,
    /// `Valladolid`): most likely a typo.
    pub misspelt: Vec<(String, String)>,
}

impl<'a> Side<'a> {
    pub fn new(sentences: &[Sentence], cx: &'a SideContext<'a>) -> Side<'a> {
        let mut figs = Vec::new();
        let mut dates = Vec::new();
        let mut names = Vec::new();
        let mut words = HashSet::new();
        let mut capitalised = HashSet::new();
        let mut months = HashSet::new();
        let mut all_words: Vec<&str> = Vec::new();
        let mut word_names = Vec::new();
        for sentence in sentences {
            let (found, rest) = take_dates(&sentence.text);
            dates.extend(found);
            figs.extend(figures(&split_ranges(&rest), cx.lang, cx.equivalents));
            let (found, in_word_names) = checkable_names(&sentence.text, cx);
            names.extend(found);
            word_names.extend(in_word_names);
            let text = sentence.text.as_str();
            let all = anchors::words(text);
            all_words.extend(all.iter().map(|(_, w)| *w));
            for (k, &(at, w)) in all.iter().enumerate() {
                if is_capitalised(w) {
                    capitalised.insert(name_key(w));
                    let abbreviated = text[at + w.len()..].starts_with('.');
                    let numeric = |n: Option<&(usize, &str)>| {
                        n.is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()))
                    };
                    let dated = numeric(all.get(k + 1)) || k > 0 && numeric(all.get(k - 1));
                    if cx.equivalents.month(&name_key(w)).is_some() && (dated || !abbreviated) {
                        months.insert(name_key(w));
                    }
                }
            }
            for source in [text.to_string(), text.replace('.', "")] {
                for (_, w) in anchors::words(&source) {
                    let lower = name_key(w);
                    words.extend(lower.split(['-', '/']).map(str::to_string));
                    words.insert(lower);
                }
            }
        }
        let loose = words.iter().map(|w| loose(w)).collect();

        let phrase = phrase_text(&all_words);
        let (cardinals, number_words) = cx.equivalents.numbers_in(cx.lang, &phrase);
        let initials = sentences
            .iter()
            .flat_map(|s| capitalised_run_initials(&s.text))
            .collect();
        Side {
            figures: figs,
            dates,
            names,
            words,
            capitalised,
            months,
            spelled_words: OnceCell::new(),
            spelled_capitalised: OnceCell::new(),
            loose,
            phrase,
            number_words,
            cardinals,
            initials,
            word_names,
            cx,
        }
    }

    /// Whether a name made of words here (`Royal Navy`, `Kementerian
    /// Perhubungan`) holds a word that `other` does not explain: a name
    /// translated, not copied.
    pub fn has_translated_name(&self, other: &Side) -> bool {
        self.word_names.iter().any(|k| !self.written_on(k, other))
    }

    /// Whether a run of capitalised words here could spell out `acronym` in
    /// another order or language (`ESDM` → `Energy and Mineral Resources`):
    /// at least half its letters, and two or more, start such words.
    fn spells_out(&self, acronym: &str) -> bool {
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        let hits = letters
            .iter()
            .filter(|&&c| self.initials.contains(&c))
            .count();
        hits >= 2 && hits * 2 >= letters.len()
    }

    /// Figures (and dates) of this side with no counterpart on `other`.
    pub fn numbers_missing_in(&self, other: &Side) -> Vec<String> {
        let mut lost = Vec::new();
        let eq = self.cx.equivalents;
        let months = |side: &Side| -> HashSet<usize> {
            side.words.iter().filter_map(|w| eq.month(w)).collect()
        };
        let other_months = months(other);
        // The article's own year after a month or a quarter (`akhir Juli
        // 2026`, `kuartal II 2026`) where the other side names a month or
        // a quarter, or anywhere against `this year`: left implied.
        let other_year = other.figures.iter().any(|b| is_year(&b.text));
        let implied = |a: &Figure| {
            let before = a.label.as_deref().and_then(|l| l.split_whitespace().next());
            let dated = before.is_some_and(|w| {
                eq.month(w).is_some() || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            });
            let timed = !other_months.is_empty() || other.words.contains("quarter");
            self.cx.year.as_deref() == Some(a.text.as_str())
                && !other_year
                && (dated && timed || other.phrase.contains("this year"))
        };
        let found = super::numbers::FigureIndex::new(&other.figures);
        for a in self.figures.iter().filter(|a| !a.conversion && !implied(a)) {
            // `Ligue 1` against `Liga Prancis`: the figure is part of a name.
            let named = a
                .label
                .as_ref()
                .is_some_and(|label| self.cx.equivalents.entity_found(label, &other.phrase));
            let matched = named
                || found.finds(a)
                || other.dates.iter().any(|d| {
                    a.keys.contains(&d.day) || !d.year.is_empty() && a.keys.contains(&d.year)
                })
                || a.keys.iter().any(|k| other.number_words.contains(k));
            if !matched {
                lost.push(a.text.clone());
            }
        }
        // `drei Uhr` against `quatre heures`: a number written out on both.
        for (word, value) in &self.cardinals {
            let matched = other.number_words.contains(value)
                || other
                    .figures
                    .iter()
                    .any(|b| b.keys.contains(value) || b.scaled.contains(value));
            if !matched {
                lost.push(word.clone());
            }
        }
        for d in &self.dates {
            let month_named = other_months.contains(&d.month);
            let day_given = other.figures.iter().any(|b| b.keys.contains(&d.day));
            let weekday = other.words.iter().any(|w| eq.is_weekday(w));
            if !(month_named || day_given || weekday || other.dates.contains(d)) {
                let year = if d.year.is_empty() {
                    String::new()
                } else {
                    format!("/{}", d.year)
                };
                lost.push(format!("the date {}/{}{year}", d.day, d.month));
            }
        }
        // A month named on one side only: `akhir Mei` against `end of March`
        // (the table knows Indonesian and English months).
        let months_known = [self.cx.lang, other.cx.lang]
            .iter()
            .all(|l| matches!(*l, "id" | "en"));
        // Capitalised: `May` the month, not `may` the verb.
        let mut written: Vec<&String> = self.months.iter().collect();
        written.sort();
        for w in written.into_iter().filter(|_| months_known) {
            let month = eq.month(w).unwrap_or(0);
            let there =
                other_months.contains(&month) || other.dates.iter().any(|d| d.month == month);
            if !there {
                lost.push(original_case(w));
            }
        }
        lost.dedup();
        lost
    }

    /// Names and acronyms of this side with no counterpart on `other`.
    pub fn names_missing_in(&self, other: &Side) -> NamesLost {
        let mut lost = NamesLost::default();
        for Name {
            text: name,
            soft,
            expansion,
            beside,
        } in &self.names
        {
            // The name the acronym stands for carries it, when it is there.
            if expansion
                .iter()
                .any(|k| self.find(k, other) == Likeness::Same)
            {
                continue;
            }
            // `APBD-P` may be known whole (`revised budget`).
            if name.contains('-') && self.written_on(&name_key(name), other) {
                continue;
            }
            // `Kupang-born`: the capitalised parts are the name.
            let parts: Vec<String> = name
                .split('-')
                .filter(|part| is_capitalised(part))
                .map(name_key)
                .collect();
            let acronym = anchors::is_acronym(name);
            if acronym
                && (other.spells_out(name)
                    || other.capitalised.iter().any(|w| same_letters(name, w)))
            {
                continue;
            }
            let mut misspelt = None;
            let shortened = || {
                beside
                    .iter()
                    .any(|b| self.find(&name_key(b), other) == Likeness::Same)
            };
            let found = parts.iter().all(|part| match self.find(part, other) {
                Likeness::Same => true,
                Likeness::Other if shortened() => true,
                Likeness::Misspelt => {
                    misspelt = other.nearest(&Spelled::new(part));
                    misspelt.is_none()
                }
                Likeness::Other => false,
            });
            match misspelt {
                Some(there) if !found => {
                    let pair = (name.clone(), there);
                    if !lost.misspelt.contains(&pair) {
                        lost.misspelt.push(pair);
                    }
                }
                _ if !found && !lost.missing.contains(name) => {
                    lost.missing.push(name.clone());
                    if *soft {
                        lost.soft.push(name.clone());
                    }
                }
                _ => {}
            }
        }
        lost
    }

    /// Whether `other` writes the word `key` of this side: as it is, as a
    /// lexicon translation, or as another form of the same place, people or
    /// organisation.
    fn written_on(&self, key: &str, other: &Side) -> bool {
        other.words.contains(key)
            || self
                .cx
                .lexicon
                .translations(key)
                .iter()
                .any(|t| other.words.contains(t))
            || self.cx.equivalents.entity_found(key, &other.phrase)
    }

    /// How `key`, a name of this side, stands on `other`.
    fn find(&self, key: &str, other: &Side) -> Likeness {
        let known = |k: &str| self.written_on(k, other);
        if known(key) {
            return Likeness::Same;
        }
        // Comparing each name with each word is quadratic: a "sentence" of
        // thousands of words (a file with no full stops) is matched exactly.
        let fuzzy = other.words.len() <= FUZZY_WORDS;
        // A typo before anything looser: `Donarruma` for `Donnarumma`.
        let spelled = Spelled::new(key);
        if fuzzy && other.nearest(&spelled).is_some() {
            return Likeness::Misspelt;
        }
        if self.cx.names.run_mates(key).any(|mate| known(mate)) {
            return Likeness::Same;
        }
        if other.loose.contains(&loose(key)) {
            return Likeness::Same;
        }
        if fuzzy
            && (shares_stem(key, &other.words)
                || spelled_all(&other.spelled_words, &other.words)
                    .iter()
                    .any(|w| likeness(&spelled, w) == Likeness::Same))
        {
            Likeness::Same
        } else {
            Likeness::Other
        }
    }

    /// A capitalised word here one letter from `key` (see [`likeness`]).
    fn nearest(&self, key: &Spelled) -> Option<String> {
        spelled_all(&self.spelled_capitalised, &self.capitalised)
            .iter()
            .find(|w| likeness(key, w) == Likeness::Misspelt)
            .map(|w| original_case(w.key()))
    }
}

/// Words a side may have for its names to be compared letter by letter
/// with them (a news sentence has a few dozen).
const FUZZY_WORDS: usize = 2000;

/// `set` with its spellings, in a fixed order, worked out once into `cell`.
fn spelled_all<'c>(cell: &'c OnceCell<Vec<Spelled>>, set: &HashSet<String>) -> &'c [Spelled] {
    cell.get_or_init(|| {
        let mut all: Vec<Spelled> = set.iter().map(|w| Spelled::new(w)).collect();
        all.sort_by(|a, b| a.key().cmp(b.key()));
        all
    })
}

/// `valladolid` → `Valladolid`: a key written as a name for the note.
fn original_case(key: &str) -> String {
    let mut chars = key.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// First letters of capitalised words that stand next to another
/// capitalised word (`and`/`dan`/`of` between them allowed).
fn capitalised_run_initials(text: &str) -> Vec<char> {
    let all = anchors::words(text);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for k in 0..all.len() {
        let w = all[k].1;
        let neighbour = |d: isize| {
            let mut i = k as isize + d;
            while let Some((_, n)) = usize::try_from(i).ok().and_then(|i| all.get(i)) {
                if matches!(*n, "and" | "dan" | "of") {
                    i += d;
                    continue;
                }
                return capitalised(n);
            }
            false
        };
        if capitalised(w) && (neighbour(-1) || neighbour(1)) {
            out.extend(w.chars().next());
        }
    }
    out
}

/// `floridians`/`florida`, `mexicans`/`meksiko`: a long name shares its first
/// five letters (loosely spelled) with a word on the other side.
fn shares_stem(key: &str, words: &HashSet<String>) -> bool {
    const STEM: usize = 5;
    if key.chars().count() < STEM + 1 {
        return false;
    }
    let stem: String = loose(key).chars().take(STEM).collect();
    words
        .iter()
        .any(|w| w.chars().count() >= STEM && loose(w).starts_with(&stem))
}

/// A word's [`spelling`] cut to seven letters: loanwords and their sources
/// then agree (`klimatologi`/`climatology`, `geofisika`/`geophysics`).
fn loose(word: &str) -> String {
    spelling(word).chars().take(7).collect()
}

/// A date as `15/7/2025`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Date {
    day: String,
    month: usize,
    year: String,
}

/// `UE`/`EU`, `SAC`/`CAS`: an acronym whose letters, in another order, make
/// an acronym of the other language.
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut c: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
        c.sort_unstable();
        c
    };
    a.len() == b.len() && sorted(a) == sorted(b)
}

/// Cut `d/m/yyyy` dates out of `text`, and `d/m` ones in brackets (`Senin
/// (24/2)`, the Indonesian way of dating a weekday): the dates, and the text
/// without them.
fn take_dates(text: &str) -> (Vec<Date>, String) {
    let mut dates = Vec::new();
    let mut rest = String::with_capacity(text.len());
    for piece in text.split_inclusive(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        let core = piece.trim_matches(|c: char| !c.is_ascii_digit() && c != '/');
        let parts: Vec<&str> = core.split('/').collect();
        let bracketed = rest.ends_with('(') && piece.ends_with(')');
        let is_date = (parts.len() == 3 || parts.len() == 2 && bracketed)
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && parts[1]
                .parse::<usize>()
                .is_ok_and(|m| (1..=12).contains(&m));
        if is_date {
            dates.push(Date {
                day: parts[0].trim_start_matches('0').to_string(),
                month: parts[1].parse().unwrap_or(0),
                year: parts.get(2).map_or_else(String::new, |y| y.to_string()),
            });
            rest.push_str(&piece.replace(core, " "));
        } else {
            rest.push_str(piece);
        }
    }
    (dates, rest)
}
