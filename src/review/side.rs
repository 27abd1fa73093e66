//! One side of a pair as the checks read it — its numbers, dates, names and
//! words — and what the other side lacks of them.

use std::collections::HashSet;

use crate::anchors::{self, Anchor, AnchorKind, similar_names};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// Number words that stand for digits in news text (`two people` for `2 orang`).
const NUMBER_WORDS: [(&str, &str, &str); 12] = [
    ("0", "zero", "nol"),
    ("1", "one", "satu"),
    ("2", "two", "dua"),
    ("3", "three", "tiga"),
    ("4", "four", "empat"),
    ("5", "five", "lima"),
    ("6", "six", "enam"),
    ("7", "seven", "tujuh"),
    ("8", "eight", "delapan"),
    ("9", "nine", "sembilan"),
    ("10", "ten", "sepuluh"),
    ("11", "eleven", "sebelas"),
];

const MONTHS: [(&str, &str); 12] = [
    ("january", "januari"),
    ("february", "februari"),
    ("march", "maret"),
    ("april", "april"),
    ("may", "mei"),
    ("june", "juni"),
    ("july", "juli"),
    ("august", "agustus"),
    ("september", "september"),
    ("october", "oktober"),
    ("november", "november"),
    ("december", "desember"),
];

const WEEKDAYS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
];

/// One side of a bead, read for the checks.
pub struct Side<'a> {
    /// Numbers, and names worth checking (see `checkable_names`).
    anchors: Vec<Anchor>,
    /// Dates written `15/7/2025`: (day, month, year).
    dates: Vec<Date>,
    /// Lower-case words, also with inner periods dropped (`U.S.` → `us`),
    /// possessives cut (`Indonesia's` → `indonesia`) and hyphenated words
    /// taken apart (`Kupang-born` → `kupang`, `born`).
    words: HashSet<String>,
    /// `words` in their loose spelling, for cognates (`klimatologi`/`climatology`).
    loose: HashSet<String>,
    /// First letters of the capitalised words in runs of two or more.
    initials: HashSet<char>,
    /// Word pairs from this side's language to the other's.
    lexicon: &'a Lexicon,
}

impl<'a> Side<'a> {
    pub fn new(sentences: &[Sentence], lexicon: &'a Lexicon) -> Side<'a> {
        let mut anchors = Vec::new();
        let mut dates = Vec::new();
        let mut words = HashSet::new();
        for sentence in sentences {
            let (found, rest) = take_dates(&sentence.text);
            dates.extend(found);
            anchors.extend(
                anchors::extract(&rest)
                    .into_iter()
                    .filter(|a| a.kind == AnchorKind::Number),
            );
            anchors.extend(checkable_names(&sentence.text, lexicon));
            for source in [sentence.text.clone(), sentence.text.replace('.', "")] {
                for (_, w) in anchors::words(&source) {
                    let lower = name_key(w);
                    words.extend(lower.split(['-', '/']).map(str::to_string));
                    words.insert(lower);
                }
            }
        }
        let loose = words.iter().map(|w| loose_spelling(w)).collect();
        let initials = sentences
            .iter()
            .flat_map(|s| capitalised_run_initials(&s.text))
            .collect();
        Side {
            anchors,
            dates,
            words,
            loose,
            initials,
            lexicon,
        }
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

    /// Numbers (and dates) of this side with no counterpart on `other`.
    pub fn numbers_missing_in(&self, other: &Side) -> Vec<String> {
        let mut lost = Vec::new();
        for a in self.anchors.iter().filter(|a| a.kind == AnchorKind::Number) {
            let matched = other.anchors.iter().any(|b| a.matches(b))
                || other
                    .dates
                    .iter()
                    .any(|d| a.keys.contains(&d.day) || a.keys.contains(&d.year))
                || NUMBER_WORDS.iter().any(|(digits, en, id)| {
                    a.keys.iter().any(|k| k == digits)
                        && (other.words.contains(*en) || other.words.contains(*id))
                });
            if !matched {
                lost.push(a.text.clone());
            }
        }
        for d in &self.dates {
            let month_named = MONTHS
                .get(d.month.wrapping_sub(1))
                .is_some_and(|(en, id)| other.words.contains(*en) || other.words.contains(*id));
            let day_given = other.anchors.iter().any(|b| b.keys.contains(&d.day));
            let weekday = WEEKDAYS.iter().any(|w| other.words.contains(*w));
            if !(month_named || day_given || weekday || other.dates.contains(d)) {
                lost.push(format!("the date {}/{}/{}", d.day, d.month, d.year));
            }
        }
        lost.dedup();
        lost
    }

    /// Names and acronyms of this side with no counterpart on `other`.
    pub fn names_missing_in(&self, other: &Side) -> Vec<String> {
        let mut lost: Vec<String> = Vec::new();
        for a in self.anchors.iter().filter(|a| a.kind != AnchorKind::Number) {
            // `Kupang-born`: the capitalised parts are the name.
            let found = a
                .text
                .split('-')
                .filter(|part| part.chars().next().is_some_and(char::is_uppercase))
                .map(name_key)
                .all(|part| {
                    other.words.contains(&part)
                        || self
                            .lexicon
                            .translations(&part)
                            .iter()
                            .any(|t| other.words.contains(t))
                        || other.loose.contains(&loose_spelling(&part))
                        || shares_stem(&part, &other.words)
                        || other.words.iter().any(|w| similar_names(&part, w))
                })
                || (a.kind == AnchorKind::Acronym && other.spells_out(&a.text));
            if !found && !lost.contains(&a.text) {
                lost.push(a.text.clone());
            }
        }
        lost
    }
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
    let stem: String = loose_spelling(key).chars().take(STEM).collect();
    words
        .iter()
        .any(|w| w.chars().count() >= STEM && loose_spelling(w).starts_with(&stem))
}

/// A date as `15/7/2025`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Date {
    day: String,
    month: usize,
    year: String,
}

/// Lower case, possessive and acronym plural cut: `Russia's` → `russia`,
/// `HFCs` → `hfc`.
fn name_key(word: &str) -> String {
    let word = match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 2 && anchors::is_acronym(stem) => stem,
        _ => word,
    };
    let lower = word.to_lowercase();
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower)
        .to_string()
}

/// A spelling that Indonesian loanwords and their English sources share:
/// `klimatologi` and `climatology`, `geofisika` and `geophysics` (cut to
/// their first seven letters).
fn loose_spelling(word: &str) -> String {
    let w = word
        .replace("ph", "f")
        .replace("th", "t")
        .replace('q', "k")
        .replace('y', "i")
        .replace('x', "ks");
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let soft = chars.get(k + 1).is_some_and(|n| matches!(n, 'e' | 'i'));
        out.push(match c {
            // `circuit`/`sirkuit`, `Germanic`/`Jermanis`
            'c' if soft => 's',
            'c' => 'k',
            'g' if soft => 'j',
            _ => c,
        });
    }
    out.chars().take(7).collect()
}

/// Capitalised words that are not names: English function words in titles,
/// the pronoun `I`, honorifics written without a period.
const NOT_NAMES: [&str; 24] = [
    "The", "A", "An", "In", "On", "Of", "And", "But", "For", "To", "At", "By", "With", "From", "I",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Prof", "Tn", "Ny", "Nn",
];

/// The names of a sentence that a translation should keep: acronyms, and
/// capitalised words outside the sentence-initial position — except runs of
/// capitalised words holding an ordinary word (`Badan Pusat Statistik`,
/// `Energy and Mineral Resources Ministry`): institution names are
/// translated, not kept. A headline in title case is skipped whole, and so
/// are titles written with a period (`Ir.`) and currency marks (`US$`).
fn checkable_names(text: &str, lexicon: &Lexicon) -> Vec<Anchor> {
    let all = anchors::words(text);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n_caps = all.iter().filter(|(_, w)| capitalised(w)).count();
    if all.len() >= 4 && n_caps * 10 >= all.len() * 6 {
        return Vec::new();
    }
    let common = |w: &str| !lexicon.translations(&w.to_lowercase()).is_empty();
    let mut out = Vec::new();
    let mut k = 0;
    while k < all.len() {
        if !capitalised(all[k].1) {
            k += 1;
            continue;
        }
        // A run of capitalised words, joined by `dan`/`and`/`of`/`the`.
        let start = k;
        let mut end = k + 1;
        while end < all.len() {
            let w = all[end].1;
            let joiner = matches!(
                w,
                "dan" | "and" | "of" | "the" | "de" | "van" | "bin" | "binti"
            ) && all.get(end + 1).is_some_and(|(_, n)| capitalised(n));
            if capitalised(w) || joiner {
                end += 1;
            } else {
                break;
            }
        }
        let run = &all[start..end];
        let institution = run.len() > 1
            && run
                .iter()
                .any(|(_, w)| capitalised(w) && !anchors::is_acronym(w) && common(w));
        for (i, &(at, w)) in run.iter().enumerate() {
            let initial = start + i == 0;
            let acronym = anchors::is_acronym(w);
            let after = &text[at + w.len()..];
            let title = after.starts_with('.') && w.chars().count() <= 4 && !acronym;
            let currency = after.starts_with('$');
            let skip = !capitalised(w)
                || NOT_NAMES.contains(&w)
                || w.starts_with("I'")
                || w.starts_with("I’")
                || (initial && !acronym)
                || title
                || currency
                || (!acronym && (institution || common(w)));
            if !skip {
                out.push(Anchor {
                    kind: if acronym {
                        AnchorKind::Acronym
                    } else {
                        AnchorKind::Name
                    },
                    text: w.to_string(),
                    keys: vec![name_key(w)],
                });
            }
        }
        k = end;
    }
    out
}

/// Cut `d/m/yyyy` dates out of `text`: the dates, and the text without them.
fn take_dates(text: &str) -> (Vec<Date>, String) {
    let mut dates = Vec::new();
    let mut rest = String::with_capacity(text.len());
    for piece in text.split_inclusive(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        let core = piece.trim_matches(|c: char| !c.is_ascii_digit() && c != '/');
        let parts: Vec<&str> = core.split('/').collect();
        let is_date = parts.len() == 3
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
                year: parts[2].to_string(),
            });
            rest.push_str(&piece.replace(core, " "));
        } else {
            rest.push_str(piece);
        }
    }
    (dates, rest)
}
