//! Review: QA flags on each bead, for the translator who checks the result.
//! It looks at the beads the aligner chose and never changes them.
//!
//! Each flag has a short code (for CSV and filters) and a note saying what
//! to look at, in words a reviewer reads without the manual.

use std::collections::HashSet;

use strsim::normalized_levenshtein;

use crate::align::Bead;
use crate::anchors::{self, Anchor, AnchorKind, similar_names};
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// One side of the bead is empty.
    Unaligned,
    /// A number on one side is missing on the other.
    NumberMismatch,
    /// A name or acronym on one side is missing on the other.
    NameMissing,
    /// The two sides differ in length more than the document's pairs do.
    LengthRatio,
    /// Quotes or brackets do not balance, or only one side quotes.
    QuoteMismatch,
    /// The target is (nearly) the source: left untranslated.
    Untranslated,
    /// Several sentences on a side: a reviewer may want to split the pair.
    Merged,
    /// The aligner is not sure of this bead.
    LowConfidence,
}

impl FlagKind {
    pub const ALL: [FlagKind; 8] = [
        FlagKind::Unaligned,
        FlagKind::NumberMismatch,
        FlagKind::NameMissing,
        FlagKind::LengthRatio,
        FlagKind::QuoteMismatch,
        FlagKind::Untranslated,
        FlagKind::Merged,
        FlagKind::LowConfidence,
    ];

    /// The short code used in CSV, JSON and filters.
    pub fn code(self) -> &'static str {
        match self {
            FlagKind::Unaligned => "unaligned",
            FlagKind::NumberMismatch => "number_mismatch",
            FlagKind::NameMissing => "name_missing",
            FlagKind::LengthRatio => "length_ratio",
            FlagKind::QuoteMismatch => "quote_mismatch",
            FlagKind::Untranslated => "untranslated",
            FlagKind::Merged => "merged",
            FlagKind::LowConfidence => "low_confidence",
        }
    }
}

/// A QA flag: something a reviewer should look at, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub note: String,
}

impl Flag {
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// Confidence below which a bead is flagged.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// What the review needs besides the beads.
pub struct Context<'a> {
    pub src: &'a [Sentence],
    pub tgt: &'a [Sentence],
    pub src_lang: &'a Lang,
    pub tgt_lang: &'a Lang,
    /// Source → target word pairs, for names spelled differently (`Jepang`/`Japan`).
    pub lexicon: &'a Lexicon,
}

/// Add the flags of every bead (replacing any it had).
pub fn review(beads: &mut [Bead], cx: &Context) {
    let reverse = cx.lexicon.reversed();
    let lengths = LengthNorm::fit(beads, cx);
    use rayon::prelude::*;
    beads.par_iter_mut().for_each(|bead| {
        let src = join(cx.src, &bead.src);
        let tgt = join(cx.tgt, &bead.tgt);
        let mut flags = Vec::new();
        let mut flag = |kind, note: String| flags.push(Flag { kind, note });
        if bead.src.is_empty() || bead.tgt.is_empty() {
            let (has, lacks) = if src.is_empty() {
                (language_name(cx.tgt_lang), language_name(cx.src_lang))
            } else {
                (language_name(cx.src_lang), language_name(cx.tgt_lang))
            };
            flag(
                FlagKind::Unaligned,
                format!(
                    "{has} text with no {lacks} counterpart: an omission, an addition or a link/credit line"
                ),
            );
        } else {
            let src_side = Side::new(&cx.src[bead.src.clone()], cx.lexicon);
            let tgt_side = Side::new(&cx.tgt[bead.tgt.clone()], &reverse);
            let directions = [
                (&src_side, &tgt_side, cx.src_lang, cx.tgt_lang),
                (&tgt_side, &src_side, cx.tgt_lang, cx.src_lang),
            ];
            type Check = fn(&Side, &Side) -> Vec<String>;
            let checks: [(FlagKind, Check); 2] = [
                (FlagKind::NumberMismatch, |from, to| from.numbers_missing_in(to)),
                (FlagKind::NameMissing, |from, to| from.names_missing_in(to)),
            ];
            for (kind, missing_in) in checks {
                for (from, to, from_lang, to_lang) in directions {
                    let lost = missing_in(from, to);
                    if !lost.is_empty() {
                        let (from_lang, to_lang) = (language_name(from_lang), language_name(to_lang));
                        flag(kind, format!("{} in the {from_lang} not found in the {to_lang}", lost.join(", ")));
                    }
                }
            }
            if let Some(note) = lengths.misfit(&src, &tgt) {
                flag(FlagKind::LengthRatio, note);
            }
            if let Some(note) = quote_mismatch(&src, &tgt) {
                flag(FlagKind::QuoteMismatch, note);
            }
            if untranslated(&src, &tgt) {
                flag(
                    FlagKind::Untranslated,
                    "the target reads like the source: left untranslated?".into(),
                );
            }
            if bead.src.len() > 1 || bead.tgt.len() > 1 {
                flag(
                    FlagKind::Merged,
                    format!(
                        "{} {} sentence(s) ↔ {} {}: split the pair if each has its own translation",
                        bead.src.len(),
                        language_name(cx.src_lang),
                        bead.tgt.len(),
                        language_name(cx.tgt_lang)
                    ),
                );
            }
        }
        if bead.confidence < LOW_CONFIDENCE {
            flag(
                FlagKind::LowConfidence,
                format!(
                    "the aligner gives this pair {:.2}: check the neighbouring pairs too",
                    bead.confidence
                ),
            );
        }
        flags.sort_by_key(|f| f.kind);
        bead.flags = flags;
    });
}

fn join(sentences: &[Sentence], range: &std::ops::Range<usize>) -> String {
    sentences[range.clone()]
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn language_name(lang: &Lang) -> &str {
    match lang {
        Lang::Id => "Indonesian",
        Lang::En => "English",
        Lang::Other(tag) => tag,
    }
}

/// Number words that stand for digits in news text (`two people` for `2 orang`).
const NUMBER_WORDS: [(&str, &str, &str); 13] = [
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
    ("12", "twelve", "puluh"),
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
struct Side<'a> {
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
    fn new(sentences: &[Sentence], lexicon: &'a Lexicon) -> Side<'a> {
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
    fn numbers_missing_in(&self, other: &Side) -> Vec<String> {
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
    fn names_missing_in(&self, other: &Side) -> Vec<String> {
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

/// Quotes and brackets that do not balance, or quoting on one side only.
fn quote_mismatch(src: &str, tgt: &str) -> Option<String> {
    let unbalanced = |s: &str| -> Option<&'static str> {
        let count = |c: char| s.chars().filter(|&x| x == c).count();
        if count('(') != count(')') {
            Some("brackets ( ) do not balance")
        } else if count('“') != count('”') || count('"') % 2 == 1 {
            Some("quotation marks do not balance")
        } else {
            None
        }
    };
    if let Some(why) = unbalanced(src) {
        return Some(format!("source: {why}"));
    }
    if let Some(why) = unbalanced(tgt) {
        return Some(format!("target: {why}"));
    }
    let quotes = |s: &str| s.contains(['“', '"', '«', '„']);
    match (quotes(src), quotes(tgt)) {
        (true, false) => {
            Some("the source quotes someone; the target has no quotation marks".into())
        }
        (false, true) => {
            Some("the target quotes someone; the source has no quotation marks".into())
        }
        _ => None,
    }
}

/// The target is the source, or nearly, although the source is prose.
fn untranslated(src: &str, tgt: &str) -> bool {
    let prose_words = anchors::words(src)
        .iter()
        .filter(|(_, w)| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if prose_words < 3 {
        return false;
    }
    // Cheap first: most source words must recur in the target at all.
    let (src, tgt) = (src.to_lowercase(), tgt.to_lowercase());
    let tgt_words: HashSet<&str> = tgt.split_whitespace().collect();
    let src_words: Vec<&str> = src.split_whitespace().collect();
    let shared = src_words.iter().filter(|w| tgt_words.contains(*w)).count();
    shared * 2 >= src_words.len() && normalized_levenshtein(&src, &tgt) >= 0.85
}

/// The spread of target/source length among the document's pairs, to flag
/// the pairs far outside it.
struct LengthNorm {
    median: f64,
    limit: f64,
}

impl LengthNorm {
    fn log_ratio(src: &str, tgt: &str) -> f64 {
        // +10 characters keeps very short lines from swinging the ratio.
        ((tgt.chars().count() as f64 + 10.0) / (src.chars().count() as f64 + 10.0)).ln()
    }

    fn fit(beads: &[Bead], cx: &Context) -> LengthNorm {
        let mut ratios: Vec<f64> = beads
            .iter()
            .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
            .map(|b| LengthNorm::log_ratio(&join(cx.src, &b.src), &join(cx.tgt, &b.tgt)))
            .collect();
        let centre = median(&mut ratios).unwrap_or(0.0);
        let mut deviations: Vec<f64> = ratios.iter().map(|r| (r - centre).abs()).collect();
        let mad: f64 = median(&mut deviations).unwrap_or(0.0);
        // Four robust standard deviations, and never under ±0.5 in log terms
        // (a factor of 1.65): short documents give a loose estimate.
        LengthNorm {
            median: centre,
            limit: (4.0 * 1.4826 * mad).max(0.5),
        }
    }

    fn misfit(&self, src: &str, tgt: &str) -> Option<String> {
        let off = LengthNorm::log_ratio(src, tgt) - self.median;
        (off.abs() > self.limit).then(|| {
            let factor = off.abs().exp();
            if off > 0.0 {
                format!("the target is {factor:.1}× longer than this document's pairs suggest: added text?")
            } else {
                format!("the target is {factor:.1}× shorter than this document's pairs suggest: something left out?")
            }
        })
    }
}

fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len().is_multiple_of(2) {
        (xs[mid - 1] + xs[mid]) / 2.0
    } else {
        xs[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    fn flags_of(src: &str, tgt: &str) -> Vec<Vec<&'static str>> {
        let (s, t) = (split_lines(src), split_lines(tgt));
        let lex = Lexicon::builtin_id_en();
        let mut beads: Vec<Bead> = (0..s.len().max(t.len()))
            .map(|k| Bead {
                src: k.min(s.len())..(k + 1).min(s.len()),
                tgt: k.min(t.len())..(k + 1).min(t.len()),
                cost: 0.0,
                confidence: 0.99,
                flags: vec![],
            })
            .collect();
        let cx = Context {
            src: &s,
            tgt: &t,
            src_lang: &Lang::Id,
            tgt_lang: &Lang::En,
            lexicon: lex,
        };
        review(&mut beads, &cx);
        beads
            .iter()
            .map(|b| b.flags.iter().map(Flag::code).collect())
            .collect()
    }

    #[test]
    fn equivalent_numbers_names_and_dates_pass() {
        let got = flags_of(
            "Sebanyak 3.000 tentara tiba di Moskow, Selasa (15/7/2025).\nPBB dan AS menyambut 2,5 persen kenaikan di Jepang.\n",
            "Some 3,000 troops arrived in Moscow on Tuesday.\nThe U.N. and the U.S. welcomed the 2.5 percent rise in Japan.\n",
        );
        assert_eq!(got, [Vec::<&str>::new(), vec![]]);
    }

    #[test]
    fn missing_number_and_name_are_flagged() {
        let got = flags_of(
            "Harga naik Rp 4,8 triliun kata Budi Santoso kemarin di kota itu.\n",
            "Prices rose by 4.8 trillion rupiah ($295 million), officials said yesterday in the city.\n",
        );
        assert_eq!(got, [vec!["number_mismatch", "name_missing"]]);
    }

    #[test]
    fn unaligned_untranslated_and_quotes() {
        let got = flags_of(
            "Dia berkata “kami siap bekerja sama dengan semua pihak” kemarin.\nIni kalimat yang sama sekali belum diterjemahkan.\n",
            "He said they were ready to work with all parties yesterday.\nIni kalimat yang sama sekali belum diterjemahkan.\nAn extra line.\n",
        );
        assert_eq!(got[0], ["quote_mismatch"]);
        assert_eq!(got[1], ["untranslated"]);
        assert_eq!(got[2], ["unaligned"]);
    }
}
