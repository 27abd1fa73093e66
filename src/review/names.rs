//! Which capitalised words of a document are names, on the evidence of the
//! whole document pair: a word is a name when it is capitalised away from a
//! sentence start, is not an ordinary word (of the lexicon, the equivalence
//! tables or the document itself, where it also appears in lower case), and,
//! on a side that capitalises its nouns (German), when the other side also
//! writes it. Names written together (`Sonia Gandhi`) stay linked, so that
//! either part found on the other side counts for the other part anywhere in
//! the document.

use std::collections::{HashMap, HashSet};

use strsim::levenshtein;
use unicode_normalization::UnicodeNormalization;

use crate::anchors::{self, similar_names};
use crate::segment::Sentence;

use super::equivalents::plain;

/// Evidence about one side's capitalised words, from the whole document.
#[derive(Default)]
pub struct SideNames {
    /// Words seen in lower case away from a sentence start.
    lower: HashSet<String>,
    /// Name key → the keys written next to it in a run of capitalised words.
    runs: HashMap<String, HashSet<String>>,
    /// This side capitalises far more words than the other: its nouns, not
    /// only its names (German).
    capitalises_nouns: bool,
    /// One side capitalises its nouns, so a capital says little on either:
    /// a word is a name only where the other side of the document also
    /// writes it (`Rheinwaldhorn` is; `Suisse` against `Schweiz` is not).
    needs_copy: bool,
    /// The other side's capitalised words, in [`spelling`].
    other_capitalised: HashSet<String>,
    /// Each capitalised word's key → the first sentence that writes it.
    first_seen: HashMap<String, usize>,
}

impl SideNames {
    /// A capitalised word (as its [`name_key`]) that the document shows is
    /// an ordinary word: seen in lower case, or — on a side that capitalises
    /// nouns — never written on the other side.
    ///
    /// `beside_name`: this occurrence stands right beside another
    /// capitalised word (`Jon Tscharner`, `Fuorcla Prievlusa`), which German
    /// nouns rarely do: a name, copied or not.
    pub fn is_ordinary(&self, key: &str, beside_name: bool) -> bool {
        self.lower.contains(key)
            || (self.needs_copy && !beside_name && !self.other_capitalised.contains(&spelling(key)))
    }

    /// Whether `key` is written in lower case somewhere on this side.
    pub fn seen_lower(&self, key: &str) -> bool {
        self.lower.contains(key)
    }

    /// Whether a sentence before `sentence` writes the name `key`.
    pub fn written_before(&self, key: &str, sentence: usize) -> bool {
        self.first_seen
            .get(key)
            .is_some_and(|&first| first < sentence)
    }

    /// The keys written next to `key` in the document's names (`gandhi` for
    /// `sonia` once `Sonia Gandhi` was written).
    pub fn run_mates(&self, key: &str) -> impl Iterator<Item = &String> {
        self.runs.get(key).into_iter().flatten()
    }
}

/// Both sides' evidence.
pub struct DocumentNames {
    pub src: SideNames,
    pub tgt: SideNames,
}

impl DocumentNames {
    /// `src_plain` and `tgt_plain` tell the ordinary words of each side's
    /// language (lexicon words, titles, name parts), which never join names.
    pub fn build(
        src: &[Sentence],
        tgt: &[Sentence],
        src_plain: &dyn Fn(&str) -> bool,
        tgt_plain: &dyn Fn(&str) -> bool,
    ) -> DocumentNames {
        let (mut a, a_count, a_caps) = side(src, src_plain);
        let (mut b, b_count, b_caps) = side(tgt, tgt_plain);
        a.capitalises_nouns = anchors::capitalises_nouns(a_count, b_count);
        b.capitalises_nouns = anchors::capitalises_nouns(b_count, a_count);
        let needs_copy = a.capitalises_nouns || b.capitalises_nouns;
        (a.needs_copy, b.needs_copy) = (needs_copy, needs_copy);
        // A name learned from the document is one the other side writes
        // too, every word of it (`Sonia Gandhi` on both sides); a run the
        // other side never writes whole may join two names (`Karnataka
        // Siddaramaiah`).
        a.runs.retain(|k, _| b_caps.contains(&spelling(k)));
        b.runs.retain(|k, _| a_caps.contains(&spelling(k)));
        for (names, caps) in [(&mut a, &b_caps), (&mut b, &a_caps)] {
            for mates in names.runs.values_mut() {
                mates.retain(|m| caps.contains(&spelling(m)));
            }
        }
        a.other_capitalised = b_caps;
        b.other_capitalised = a_caps;
        DocumentNames { src: a, tgt: b }
    }
}

/// One side's evidence, its (capitalised, all) words away from a sentence
/// start, and its capitalised words in [`spelling`].
fn side(
    sentences: &[Sentence],
    ordinary: &dyn Fn(&str) -> bool,
) -> (SideNames, (usize, usize), HashSet<String>) {
    let mut names = SideNames::default();
    let (mut words, mut capitalised) = (0usize, 0usize);
    let mut caps = HashSet::new();
    for (index, s) in sentences.iter().enumerate() {
        let all = anchors::words(&s.text);
        let mut run: Vec<String> = Vec::new();
        for (k, &(at, w)) in all.iter().enumerate() {
            let is_cap = is_capitalised(w);
            if is_cap {
                names.first_seen.entry(name_key(w)).or_insert(index);
            }
            if is_cap && !anchors::is_acronym(w) {
                caps.insert(spelling(&name_key(w)));
            }
            let letters = w.chars().all(char::is_alphabetic) && w.chars().count() >= 2;
            if k > 0 && letters && !anchors::is_acronym(w) && !after_break(&s.text[..at]) {
                words += 1;
                // Titles and name parts the tables know (`Kota`, `Menteri`)
                // are capitalised by rule in Indonesian, not as nouns.
                if is_cap {
                    capitalised += usize::from(!ordinary(&name_key(w)));
                } else {
                    names.lower.insert(plain(w));
                }
            }
            // A person's or a place's name: capitalised words side by side,
            // none an ordinary word (`Sonia Gandhi`, not `Kota Ambon`), with
            // `bin` or `van` inside but not `dan`/`and`, which join two names.
            let key = name_key(w);
            // Punctuation ends a run: `Hütte , Biwak` are two words.
            let gap = k > 0
                && !s.text[all[k - 1].0 + all[k - 1].1.len()..at]
                    .trim()
                    .is_empty();
            if gap {
                add_run(&mut names.runs, &mut run);
            }
            if is_cap && k > 0 && !ordinary(&key) && !after_break(&s.text[..at]) {
                run.push(key);
            } else if !is_joiner(w) || matches!(w, "dan" | "and") {
                add_run(&mut names.runs, &mut run);
            }
        }
        add_run(&mut names.runs, &mut run);
    }
    (names, (capitalised, words), caps)
}

fn add_run(runs: &mut HashMap<String, HashSet<String>>, run: &mut Vec<String>) {
    if run.len() > 1 {
        for a in run.iter() {
            let mates = runs.entry(a.clone()).or_default();
            mates.extend(run.iter().filter(|b| *b != a).cloned());
        }
    }
    run.clear();
}

/// `dan`, `and`, `of`, `bin`: small words inside a name.
pub fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "dan" | "and" | "of" | "the" | "de" | "van" | "von" | "bin" | "binti" | "al" | "el"
    )
}

pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the text before a word ends a sentence or opens a quotation or a
/// bracket: a capital there is grammar, not a name (`… kemarin. Sebuah …`,
/// `“Kami …`, `(Foto …`, `: Dia …`).
pub fn after_break(before: &str) -> bool {
    let t = before.trim_end();
    if let Some(head) = t.strip_suffix('.') {
        // `Tn. Panvalkar`, `P.V. Sindhu`, `St. Michael`: a title or an
        // initial ends in a period, not a sentence.
        let last = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let abbreviation = (1..=3).contains(&last.chars().count()) && is_capitalised(last);
        return !abbreviation;
    }
    // `*) Unaudited`, `1) Pertama`: only a marker before.
    let marker = t.ends_with([')', '*']) && !t.contains(char::is_alphabetic);
    t.is_empty()
        || marker
        || t.ends_with([
            '!', '?', ':', ';', '“', '"', '‘', '(', '[', '«', '„', '–', '—', '-', '…',
        ])
}

/// Lower case, possessive and acronym plural cut: `Russia's` → `russia`,
/// `HFCs` → `hfc`, `Jum'at` → `jumat`.
pub fn name_key(word: &str) -> String {
    let word = match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 2 && anchors::is_acronym(stem) => stem,
        _ => word,
    };
    let lower = word.to_lowercase();
    let cut = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    plain(cut)
}

/// A word as its sound is written across Indonesian and English (and
/// loosely other Latin-script languages): accents dropped, `ph` as `f`, a
/// hard `c` and `q` as `k`, a soft `c` as `s` and a soft `g` as `j`, `j` and
/// `y` as `i`, `v` as `w`, `h` after a consonant dropped, double letters
/// single. `Záhorie`/`Zahorie`, `Russia`/`Rusia`, `Moscow`/`Moskow`,
/// `Jerusalem`/`Yerusalem`, `klimatologi`/`climatology` each spell alike.
pub fn spelling(word: &str) -> String {
    let bare: Vec<char> = word
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(bare.len());
    let mut k = 0;
    while k < bare.len() {
        let c = bare[k];
        let next = bare.get(k + 1).copied();
        let soft = next.is_some_and(|n| matches!(n, 'e' | 'i' | 'y'));
        let mapped = match c {
            'p' if next == Some('h') => {
                k += 1;
                'f'
            }
            'c' if soft => 's',
            'c' | 'q' => 'k',
            // A soft `g` sounds as `j`, which is spelled `i` here.
            'g' if soft => 'i',
            'y' | 'j' => 'i',
            'v' => 'w',
            'x' => {
                out.push('k');
                's'
            }
            'h' if out
                .chars()
                .next_back()
                .is_some_and(|p| !"aeiou".contains(p)) =>
            {
                k += 1;
                continue;
            }
            _ => c,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
        k += 1;
    }
    out
}

/// How a name of one side stands on the other side's word.
#[derive(Debug, PartialEq)]
pub enum Likeness {
    /// The same name, or an accepted variant (`Moskow`/`Moscow`).
    Same,
    /// One letter apart inside the word (`Volladolid`/`Valladolid`): a typo.
    Misspelt,
    /// Unrelated.
    Other,
}

/// A word with its spellings worked out once, for [`likeness`].
pub struct Spelled {
    key: String,
    bare: String,
    spelling: String,
}

impl Spelled {
    pub fn new(key: &str) -> Spelled {
        Spelled {
            key: key.to_string(),
            bare: bare(key),
            spelling: spelling(key),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Compare two name keys.
pub fn likeness(a: &Spelled, b: &Spelled) -> Likeness {
    let (sa, sb) = (&a.spelling, &b.spelling);
    let (ra, rb) = (&a.bare, &b.bare);
    // Every test below allows two letters' difference in length at most.
    let far = |x: &str, y: &str| x.len().abs_diff(y.len()) > 4;
    if far(sa, sb) && far(ra, rb) {
        return Likeness::Other;
    }
    if sa == sb {
        // `Russia`/`Rusia` differ by a doubled letter; `Donnarumma`/
        // `Donarruma` by a doubled letter moved.
        let single = |s: &str| {
            let mut c: Vec<char> = s.chars().collect();
            c.dedup();
            c
        };
        let doubled = |s: &str| -> Vec<char> {
            let c: Vec<char> = s.chars().collect();
            c.windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| w[0])
                .collect()
        };
        let (da, db) = (doubled(ra), doubled(rb));
        let moved = single(ra) == single(rb) && !da.is_empty() && !db.is_empty() && da != db;
        return if moved {
            Likeness::Misspelt
        } else {
            Likeness::Same
        };
    }
    // `Moravia`/`Moravian`, `Carib`/`Caribs`, `Alpen`/`Alpes`: an ending,
    // not a typo.
    let n = ra.chars().count();
    let last_only = n == rb.chars().count()
        && ra
            .chars()
            .take(n.saturating_sub(1))
            .eq(rb.chars().take(n.saturating_sub(1)));
    let ending = ra.starts_with(rb.as_str()) || rb.starts_with(ra.as_str()) || last_only;
    if ra.chars().count() >= 4 && !ending && one_slip(ra, rb) {
        return Likeness::Misspelt;
    }
    // `Karnaval`/`Carnival`, `Jermanis`/`Germanic`: one letter apart once
    // spelled alike, a loanword rather than a typo.
    if similar_names(&a.key, &b.key)
        || similar_names(sa, sb)
        || (sa.chars().count() >= 5 && levenshtein(sa, sb) <= 1)
    {
        Likeness::Same
    } else {
        Likeness::Other
    }
}

/// Lower case without accents: `San José` → `san jose`.
fn bare(word: &str) -> String {
    word.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One letter added, dropped or changed, or two neighbours swapped:
/// `Volladolid`, `Sringar`, `Hilgres`, `Numbai`.
fn one_slip(a: &str, b: &str) -> bool {
    if levenshtein(a, b) == 1 {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn likeness(a: &str, b: &str) -> Likeness {
        super::likeness(&Spelled::new(a), &Spelled::new(b))
    }

    #[test]
    fn spellings_and_typos() {
        assert_eq!(likeness("russia", "rusia"), Likeness::Same);
        assert_eq!(likeness("zahorie", "záhorie"), Likeness::Same);
        assert_eq!(likeness("volladolid", "valladolid"), Likeness::Misspelt);
        assert_eq!(likeness("numbai", "mumbai"), Likeness::Misspelt);
        assert_eq!(likeness("moskow", "moscow"), Likeness::Same);
        assert_eq!(likeness("donnarumma", "donarruma"), Likeness::Misspelt);
        assert_eq!(likeness("hilgers", "hilgres"), Likeness::Misspelt);
        assert_eq!(likeness("moravia", "moravian"), Likeness::Same);
        assert_eq!(likeness("alpen", "alpes"), Likeness::Same);
        assert_eq!(likeness("fadli", "fadil"), Likeness::Misspelt);
        assert_eq!(likeness("demokratik", "democratic"), Likeness::Same);
        assert_eq!(likeness("yerusalem", "jerusalem"), Likeness::Same);
        assert_eq!(spelling("klimatologi"), spelling("climatologi"));
        assert_eq!(likeness("malaysia", "singapore"), Likeness::Other);
    }

    #[test]
    fn german_nouns_are_not_names() {
        let de = crate::segment::split_lines(
            &"Die Route führt über den Grat zum Gipfel des Kingspitz.\nWir erreichen die Hütte am Abend.\n"
                .repeat(6),
        );
        let fr = crate::segment::split_lines(
            &"La voie suit l'arête jusqu'au sommet du Kingspitz.\nNous atteignons la cabane le soir.\n"
                .repeat(6),
        );
        let doc = DocumentNames::build(&de, &fr, &|_| false, &|_| false);
        assert!(doc.src.capitalises_nouns && !doc.tgt.capitalises_nouns);
        assert!(doc.src.is_ordinary("route", false) && doc.src.is_ordinary("hütte", false));
        assert!(!doc.src.is_ordinary("kingspitz", false));
    }
}
