//! The overlap signal: which tokens of a source sentence have a counterpart in
//! a target sentence — the same number, the same or a similarly spelled name,
//! a cognate (`presiden`/`president`, `September`/`septembre`), a translation
//! from the lexicon, or the same telling punctuation (`?`, `(`, quotes).
//!
//! Tokens are interned per side; `links` says which source tokens may stand
//! for which target tokens. A sentence pair is then summarised by two bit
//! masks (which of its tokens are covered), so the search can score beads of
//! several sentences by OR-ing masks, counting each token at most once.

use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::anchors::{self, AnchorKind, similar_names};
use crate::lexicon::Lexicon;
use crate::markers::{interview_turn, number_word_values};
use crate::segment::Sentence;

/// Tokens per sentence that take part (the rest are ignored).
const MAX_TOKENS: usize = 64;

/// Most words of the other side a name or cognate may be spelt like: more
/// and it links to none of them by spelling (the same word still links).
const MAX_SIMILAR: usize = 32;

/// Most words of the other side with the same first letters that a name or
/// cognate is compared with: the comparison is quadratic in a document made
/// of thousands of such words.
const MAX_SCANNED: usize = 4096;

/// Shortest word (in characters) that takes part as a cognate.
const COGNATE_MIN: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Name,
    /// A word of the lexicon.
    Word,
    /// Any other word of `COGNATE_MIN`+ letters, folded (lower case, no accents).
    Cognate,
    Punct,
}

/// How much a covered token of each kind counts, per side, in nats (before
/// the document-frequency discount).
#[derive(Debug, Clone, Copy)]
pub struct OverlapWeights {
    /// A number (`3.000` ≡ `3,000`). Default 2.
    pub number: f64,
    /// A name or acronym. Default 1.5.
    pub name: f64,
    /// A word of the lexicon or a learned word pair. Default 0.8.
    pub word: f64,
    /// A cognate (same first four letters). Default 0.7.
    pub cognate: f64,
    /// Telling punctuation (`?`, `(`, quotes). Default 0.3.
    pub punct: f64,
    /// Share of a lexicon word's weight charged when its translation is missing.
    pub word_expectation: f64,
}

impl OverlapWeights {
    fn of(&self, kind: Kind) -> f64 {
        match kind {
            Kind::Number => self.number,
            Kind::Name => self.name,
            Kind::Word => self.word,
            Kind::Cognate => self.cognate,
            Kind::Punct => self.punct,
        }
    }
}

#[derive(Default)]
struct Vocab {
    ids: FxHashMap<(Kind, Vec<String>, bool), u32>,
    kinds: Vec<Kind>,
    keys: Vec<Vec<String>>,
    /// Whether the token is named only in a quotation's attribution.
    said: Vec<bool>,
}

impl Vocab {
    fn intern(&mut self, kind: Kind, keys: Vec<String>, said: bool) -> u32 {
        let next = self.kinds.len() as u32;
        match self.ids.entry((kind, keys, said)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                self.kinds.push(kind);
                self.keys.push(e.key().1.clone());
                self.said.push(said);
                e.insert(next);
                next
            }
        }
    }
}

/// What a token is worth: its kind's weight, scaled by how specific it is.
#[derive(Debug, Clone, Copy)]
struct Weight {
    base: f64,
    /// How surely the token should have a counterpart in a translation:
    /// 1 for names and numbers, less for lexicon words (a lexicon is never
    /// complete), 0 for cognates and punctuation (most words have none).
    expectation: f64,
    /// ln((N+1)/df) / ln(N+1) for a token in df of the N sentences on the
    /// other side's scale: 1 for a token found once, near 0 for one found
    /// everywhere.
    specificity: f64,
    /// 1 / ln(N+1), to discount a match for the size of the group it is found in.
    per_nat: f64,
}

/// The interned tokens of both documents and the links between them.
pub struct Overlap {
    src: Vec<Vec<u32>>,
    tgt: Vec<Vec<u32>>,
    src_weight: Vec<Weight>,
    tgt_weight: Vec<Weight>,
    /// Per sentence, the weight of its tokens that expect a counterpart.
    src_expected: Vec<f64>,
    tgt_expected: Vec<f64>,
    links: Vec<Vec<u32>>,
    /// Per source sentence, the target tokens its tokens link to.
    reach: Reach,
    /// Whether each token travels with what a sentence is about rather than
    /// what it says (a name, or a word of a quotation's attribution), by
    /// token id.
    src_travels: Vec<bool>,
    tgt_travels: Vec<bool>,
    /// Per sentence, the positions of those tokens.
    src_travelling: Vec<u64>,
    tgt_travelling: Vec<u64>,
}

/// Lower case without accents: `Expédition` → `expedition`.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A folded word respelt as Indonesian spells its loanwords, so that
/// cognates share their first letters: `extreme` and `ekstrem` →
/// `ekstrem…`, `climatology` → `klimatologi`, `technology` → `teknologi`,
/// `commission` → `komision`, `centre` → `sentre`.
fn spelled_alike(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 2);
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let pair = |second: char, sound: &'static str| (next == Some(second)).then_some(sound);
        let digraph = match c {
            'p' => pair('h', "f"),
            't' => pair('h', "t"),
            'c' => pair('h', "k"),
            'q' => pair('u', "ku"),
            _ => None,
        };
        let sound = if let Some(sound) = digraph {
            chars.next();
            sound
        } else {
            match c {
                'x' => "ks",
                'c' if matches!(next, Some('e' | 'i' | 'y')) => "s",
                'c' | 'q' => "k",
                'y' => "i",
                _ => {
                    // Doubled letters once: `commission` → `komision`.
                    if !out.ends_with(c) {
                        out.push(c);
                    }
                    continue;
                }
            }
        };
        for c in sound.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
    }
    out
}

/// Punctuation that tends to survive translation, folded to one form.
fn punct_key(c: char) -> Option<&'static str> {
    Some(match c {
        '?' => "?",
        '!' => "!",
        '(' | '[' => "(",
        ':' => ":",
        ';' => ";",
        '%' => "%",
        '"' | '“' | '”' | '„' | '«' | '»' => "\"",
        '$' | '€' | '£' => "$",
        _ => return None,
    })
}

/// What a sentence is made of, before any lexicon is consulted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Item<'a> {
    Anchor(Kind, Vec<String>),
    /// A word as written, and whether it is an anchor already (a number,
    /// a capitalised word inside the sentence, an acronym).
    Word(&'a str, bool),
    Punct(&'static str),
    /// An item named only in a quotation's attribution (`…,” kata
    /// Adrianus`): a translation moves the attribution between the
    /// sentences of a quotation, so it is found when there, not expected.
    Said(Box<Item<'a>>),
}

/// One side's sentences read once, whatever the lexicon: each sentence's
/// items in order, as ids of distinct items. Aligning twice (before and
/// after self-training) reads the text once.
pub struct Tokens<'a> {
    items: Vec<Item<'a>>,
    sentences: Vec<Vec<u32>>,
}

impl<'a> Tokens<'a> {
    /// Sentences are read in parallel, a slice at a time so that the items
    /// in flight stay few; item ids follow document order.
    pub fn read(sentences: &'a [Sentence]) -> Tokens<'a> {
        use rayon::prelude::*;
        const SLICE: usize = 4096;
        let mut ids: FxHashMap<Item, u32> = FxHashMap::default();
        let mut items = Vec::new();
        let mut out = Vec::with_capacity(sentences.len());
        for slice in sentences.chunks(SLICE) {
            let raw: Vec<Vec<Item>> = slice.par_iter().map(|s| self::items(&s.text)).collect();
            for sentence in raw {
                let interned = sentence.into_iter().map(|item| match ids.entry(item) {
                    Entry::Occupied(e) => *e.get(),
                    Entry::Vacant(e) => {
                        items.push(e.key().clone());
                        *e.insert(items.len() as u32 - 1)
                    }
                });
                out.push(interned.collect());
            }
        }
        Tokens {
            items,
            sentences: out,
        }
    }
}

/// The share of its kind's weight a token named only in a quotation's
/// attribution carries: at 1, moved attributions (`"A. B," kata X` against
/// `"A," X said. "B."`) made 2-2 and 2-1 beads of 1-1 pairs; at 0, PUD dev
/// lost 0.003; 0.25 and 0.5 measured alike.
const SAID_WEIGHT: f64 = 0.5;

fn items(text: &str) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    if let Some(turn) = interview_turn(text) {
        out.push(Item::Anchor(Kind::Name, vec![format!("<{turn}>")]));
    }
    let words = anchors::words(text);
    for value in number_word_values(&words) {
        out.push(Item::Anchor(Kind::Number, vec![value]));
    }
    let shouting = in_capitals(&words);
    // Who said it, and where and when (`…,” kata Adrianus dalam paparan
    // publik, Jumat.`): a translation moves the attribution between the
    // sentences of a quotation, so what only it names is no evidence.
    let said = crate::noise::attribution(text);
    // Words the sentence has before its attribution: a set, so that a long
    // sentence is not searched again for each word after it.
    let before: FxHashSet<&str> = if said < text.len() {
        words
            .iter()
            .filter(|(at, _)| *at < said)
            .map(|&(_, w)| w)
            .collect()
    } else {
        FxHashSet::default()
    };
    let own = |written: &str| written.split_whitespace().all(|w| !before.contains(w));
    for a in anchors::extract(text) {
        let kind = match a.kind {
            AnchorKind::Number => Kind::Number,
            AnchorKind::Name | AnchorKind::Acronym if !shouting => Kind::Name,
            _ => continue,
        };
        let item = Item::Anchor(kind, a.keys);
        if said < text.len() && own(&a.text) {
            out.push(Item::Said(Box::new(item)));
        } else {
            out.push(item);
        }
    }
    for (k, &(at, w)) in words.iter().enumerate() {
        let first = w.chars().next().unwrap_or(' ');
        let anchor = first.is_ascii_digit()
            || !shouting && (k > 0 && first.is_uppercase() || anchors::is_acronym(w));
        if at >= said && own(w) {
            out.push(Item::Said(Box::new(Item::Word(w, anchor))));
        } else {
            out.push(Item::Word(w, anchor));
        }
    }
    out.extend(text.chars().filter_map(punct_key).map(Item::Punct));
    out
}

/// Whether a line is written in capitals (a title page, a kicker): at
/// least three words and most of them all capitals. Its words are then
/// words, not names or acronyms.
fn in_capitals(words: &[(usize, &str)]) -> bool {
    let lettered = words
        .iter()
        .filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let (mut all, mut capitals) = (0, 0);
    for (_, w) in lettered {
        all += 1;
        capitals += usize::from(!w.chars().any(char::is_lowercase));
    }
    capitals >= 3 && 5 * capitals >= 3 * all
}

/// The token an item stands for under a lexicon: numbers, names and
/// acronyms as anchors; a lexicon word as a word; any other word of
/// `COGNATE_MIN` letters or more, not an anchor, as a cognate; nothing else.
fn token_of(
    item: &Item,
    is_word: &dyn Fn(&str) -> bool,
    respell: bool,
) -> Option<(Kind, Vec<String>, bool)> {
    Some(match item {
        Item::Said(inner) => {
            let (kind, keys, _) = token_of(inner, is_word, respell)?;
            (kind, keys, true)
        }
        Item::Anchor(kind, keys) => (*kind, keys.clone(), false),
        Item::Punct(key) => (Kind::Punct, vec![key.to_string()], false),
        Item::Word(w, anchor) => {
            let lower = w.to_lowercase();
            if is_word(&lower) && !w.starts_with(|c: char| c.is_ascii_digit()) {
                (Kind::Word, vec![lower], false)
            } else if !anchor && w.chars().count() >= COGNATE_MIN {
                let folded = fold(w);
                let key = if respell {
                    spelled_alike(&folded)
                } else {
                    folded
                };
                (Kind::Cognate, vec![key], false)
            } else {
                return None;
            }
        }
    })
}

/// Each sentence's token ids under a lexicon, sorted and distinct: the first
/// `MAX_TOKENS` tokens of the sentence.
fn tokenise(
    tokens: &Tokens,
    vocab: &mut Vocab,
    is_word: &(dyn Fn(&str) -> bool + Sync),
    respell: bool,
) -> Vec<Vec<u32>> {
    use rayon::prelude::*;
    let mapped: Vec<Option<(Kind, Vec<String>, bool)>> = tokens
        .items
        .par_iter()
        .map(|item| token_of(item, is_word, respell))
        .collect();
    let token: Vec<Option<u32>> = mapped
        .into_iter()
        .map(|t| t.map(|(kind, keys, said)| vocab.intern(kind, keys, said)))
        .collect();
    tokens
        .sentences
        .par_iter()
        .map(|items| {
            let mut ids: Vec<u32> = items
                .iter()
                .filter_map(|&item| token[item as usize])
                .take(MAX_TOKENS)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect()
}

/// The translations of `word` in each of `lexicons`.
fn translations<'a>(lexicons: &'a [&Lexicon], word: &'a str) -> impl Iterator<Item = &'a String> {
    lexicons.iter().flat_map(move |l| l.translations(word))
}

/// Cognates: the same folded word, or a shared 4-letter start on words of
/// five letters or more (Simard, Foster & Isabelle 1992).
fn cognates(a: &str, b: &str) -> bool {
    a == b
        || a.chars().count() >= 5
            && b.chars().count() >= 5
            && a.chars().take(4).eq(b.chars().take(4))
}

impl Overlap {
    /// Link the tokens of two documents through `lexicons` (the built-in
    /// and `--dict` lists, then the pairs learned from the document: read
    /// in layers, so that no list is copied for each document).
    pub fn build(src: &Tokens, tgt: &Tokens, lexicons: &[&Lexicon], w: OverlapWeights) -> Overlap {
        let mut sv = Vocab::default();
        let mut tv = Vocab::default();
        let respell = lexicons.iter().any(|l| l.respells_loanwords());
        let src_tokens = tokenise(
            src,
            &mut sv,
            &|word| translations(lexicons, word).next().is_some(),
            respell,
        );
        let tgt_tokens = tokenise(
            tgt,
            &mut tv,
            &|word| lexicons.iter().any(|l| l.is_target(word)),
            respell,
        );

        use rayon::prelude::*;
        // Target tokens by key (numbers and punctuation in their own
        // namespaces), and names and cognates by their first letters.
        let mut by_key: FxHashMap<(Kind, &str), Vec<u32>> = FxHashMap::default();
        let mut by_start: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let space = |k: Kind| match k {
            Kind::Number | Kind::Punct => k,
            _ => Kind::Word,
        };
        for (id, (kind, keys)) in tv.kinds.iter().zip(&tv.keys).enumerate() {
            let id = id as u32;
            for k in keys {
                by_key.entry((space(*kind), k)).or_default().push(id);
            }
            if matches!(kind, Kind::Name | Kind::Cognate) {
                by_start
                    .entry(prefix(&fold(&keys[0])))
                    .or_default()
                    .push(id);
            }
        }
        let tgt_folded: Vec<String> = tv.keys.iter().map(|k| fold(&k[0])).collect();
        let links: Vec<Vec<u32>> = sv
            .kinds
            .par_iter()
            .zip(&sv.keys)
            .map(|(&kind, keys)| {
                let mut out: Vec<u32> = keys
                    .iter()
                    .flat_map(|k| by_key.get(&(space(kind), k.as_str())).into_iter().flatten())
                    .copied()
                    .collect();
                if matches!(kind, Kind::Name | Kind::Word) {
                    for t in translations(lexicons, &keys[0]) {
                        out.extend(by_key.get(&(Kind::Word, t.as_str())).into_iter().flatten());
                    }
                }
                if matches!(kind, Kind::Name | Kind::Cognate) {
                    let folded = fold(&keys[0]);
                    let bucket = by_start.get(&prefix(&folded)).into_iter().flatten();
                    let similar = bucket.take(MAX_SCANNED).copied().filter(|&id| {
                        let other = &tgt_folded[id as usize];
                        match (kind, tv.kinds[id as usize]) {
                            (Kind::Name, Kind::Name) => similar_names(&folded, other),
                            _ => cognates(&folded, other),
                        }
                    });
                    // A spelling like that of dozens of words on the other
                    // side (`Hendarto1` … `Hendarto900`) tells nothing.
                    let similar: Vec<u32> = similar.take(MAX_SIMILAR + 1).collect();
                    if similar.len() <= MAX_SIMILAR {
                        out.extend(similar);
                    }
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        let of_kind = |k: Kind| {
            let expectation = match k {
                Kind::Number | Kind::Name => 1.0,
                Kind::Word => w.word_expectation,
                Kind::Cognate | Kind::Punct => 0.0,
            };
            (w.of(k), expectation)
        };
        // What only an attribution names is found when there, not expected,
        // and counts for less: it crosses to another sentence of the
        // quotation as often as it stays.
        let of_token = |(&kind, &said): (&Kind, &bool)| {
            let (weight, expectation) = of_kind(kind);
            if said {
                (weight * SAID_WEIGHT, 0.0)
            } else {
                (weight, expectation)
            }
        };
        let mut src_kinds: Vec<(f64, f64)> = sv.kinds.iter().zip(&sv.said).map(of_token).collect();
        let mut tgt_kinds: Vec<(f64, f64)> = tv.kinds.iter().zip(&tv.said).map(of_token).collect();
        // A side that capitalises its nouns (German) writes most of its
        // "names" as common nouns: one that finds no counterpart anywhere on
        // the other side counts as an ordinary word, expected nowhere.
        let (src_caps, tgt_caps) = (
            capitalised(&src_tokens, &sv.kinds),
            capitalised(&tgt_tokens, &tv.kinds),
        );
        let src_linked: Vec<bool> = links.iter().map(|l| !l.is_empty()).collect();
        let mut tgt_linked = vec![false; tv.kinds.len()];
        for &t in links.iter().flatten() {
            tgt_linked[t as usize] = true;
        }
        for (kinds, vocab, linked, own, other) in [
            (&mut src_kinds, &sv, &src_linked, src_caps, tgt_caps),
            (&mut tgt_kinds, &tv, &tgt_linked, tgt_caps, src_caps),
        ] {
            if anchors::capitalises_nouns(own, other) {
                for (id, kind) in vocab.kinds.iter().enumerate() {
                    if *kind == Kind::Name && !linked[id] {
                        kinds[id] = (w.cognate, 0.0);
                    }
                }
            }
        }
        let src_weight = weigh(&src_kinds, &src_tokens, tgt_tokens.len());
        let tgt_weight = weigh(&tgt_kinds, &tgt_tokens, src_tokens.len());
        let travels = |v: &Vocab| -> Vec<bool> {
            (v.kinds.iter().zip(&v.said))
                .map(|(k, &said)| *k == Kind::Name || said)
                .collect()
        };
        let (src_travels, tgt_travels) = (travels(&sv), travels(&tv));
        Overlap {
            src_expected: expected(&src_tokens, &src_weight),
            tgt_expected: expected(&tgt_tokens, &tgt_weight),
            src_weight,
            tgt_weight,
            reach: Reach::new(&src_tokens, &links),
            src_travelling: masks_of(&src_tokens, &src_travels),
            tgt_travelling: masks_of(&tgt_tokens, &tgt_travels),
            src_travels,
            tgt_travels,
            src: src_tokens,
            tgt: tgt_tokens,
            links,
        }
    }

    /// The same documents seen in units of `k` consecutive sentences a side
    /// (the last unit may be shorter), for the coarse passes of the search:
    /// a unit's tokens are its sentences' tokens (the most telling
    /// `MAX_TOKENS` of them), weighed again by how many units hold them.
    pub fn coarsen(&self, k: usize) -> Overlap {
        let group = |sents: &[Vec<u32>], weights: &[Weight]| -> Vec<Vec<u32>> {
            sents
                .chunks(k)
                .map(|chunk| {
                    let mut ids: Vec<u32> = chunk.iter().flatten().copied().collect();
                    ids.sort_unstable();
                    ids.dedup();
                    if ids.len() > MAX_TOKENS {
                        let telling = |id: &u32| {
                            let w = &weights[*id as usize];
                            -(w.base * w.specificity)
                        };
                        ids.sort_by(|a, b| telling(a).total_cmp(&telling(b)).then(a.cmp(b)));
                        ids.truncate(MAX_TOKENS);
                        ids.sort_unstable();
                    }
                    ids
                })
                .collect()
        };
        let src = group(&self.src, &self.src_weight);
        let tgt = group(&self.tgt, &self.tgt_weight);
        let kinds = |w: &[Weight]| -> Vec<(f64, f64)> {
            w.iter().map(|w| (w.base, w.expectation)).collect()
        };
        let src_weight = weigh(&kinds(&self.src_weight), &src, tgt.len());
        let tgt_weight = weigh(&kinds(&self.tgt_weight), &tgt, src.len());
        Overlap {
            src_expected: expected(&src, &src_weight),
            tgt_expected: expected(&tgt, &tgt_weight),
            src_weight,
            tgt_weight,
            reach: Reach::new(&src, &self.links),
            src_travelling: masks_of(&src, &self.src_travels),
            tgt_travelling: masks_of(&tgt, &self.tgt_travels),
            src,
            tgt,
            links: self.links.clone(),
            src_travels: self.src_travels.clone(),
            tgt_travels: self.tgt_travels.clone(),
        }
    }

    /// Sentence pairs that share at least `MIN_SHARED` rare tokens (found in
    /// at most `RARE` target sentences), each source sentence with its best
    /// target sentences (ties kept): the candidates an anchor chain is made
    /// of. Linear: each source token visits at most `RARE` target sentences.
    pub fn anchor_pairs(&self) -> Vec<(usize, usize)> {
        use rayon::prelude::*;
        const RARE: usize = 64;
        const MIN_SHARED: u32 = 2;
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.tgt_weight.len()];
        for (j, ids) in self.tgt.iter().enumerate() {
            for &u in ids {
                let list = &mut postings[u as usize];
                if list.len() <= RARE {
                    list.push(j as u32);
                }
            }
        }
        (0..self.src.len())
            .into_par_iter()
            .flat_map_iter(|i| {
                let (targets, _) = self.reach.of(i);
                let mut hits: Vec<u32> = Vec::new();
                let mut last = u32::MAX;
                for &u in targets {
                    // A target token reached from several positions counts once.
                    if u == last {
                        continue;
                    }
                    last = u;
                    let list = &postings[u as usize];
                    if list.len() <= RARE {
                        hits.extend_from_slice(list);
                    }
                }
                hits.sort_unstable();
                let mut counted: Vec<(u32, u32)> = Vec::new();
                for j in hits {
                    match counted.last_mut() {
                        Some((k, c)) if *k == j => *c += 1,
                        _ => counted.push((j, 1)),
                    }
                }
                let best = counted.iter().map(|&(_, c)| c).max().unwrap_or(0);
                counted
                    .into_iter()
                    .filter(move |&(_, c)| c == best && c >= MIN_SHARED)
                    .map(move |(j, _)| (i, j as usize))
            })
            .collect()
    }

    /// Which tokens of source sentence `i` have a counterpart in target
    /// sentence `j` (bit k = k-th token), and which of `j`'s have one in `i`.
    pub fn pair_masks(&self, i: usize, j: usize) -> (u64, u64) {
        let ((targets, positions), tj) = (self.reach.of(i), &self.tgt[j]);
        let (mut ms, mut mt) = (0u64, 0u64);
        // Both lists are sorted by target token: one merge. A target token
        // may be reached from several source positions, so only the reach
        // list moves on a match.
        let (mut a, mut b) = (0, 0);
        while a < targets.len() && b < tj.len() {
            match targets[a].cmp(&tj[b]) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    ms |= 1 << positions[a];
                    mt |= 1 << b;
                    a += 1;
                }
            }
        }
        (ms, mt)
    }

    /// The positions of source sentence `i`'s tokens that travel with what
    /// it is about (names, attributions) rather than with what it says.
    pub fn src_travelling(&self, i: usize) -> u64 {
        self.src_travelling[i]
    }

    pub fn tgt_travelling(&self, j: usize) -> u64 {
        self.tgt_travelling[j]
    }

    /// Evidence from the tokens of source sentence `i` that `mask` says have
    /// a counterpart in a group of `group` target sentences: the weight they
    /// cover (each token's weight, less the chance of finding it in so many
    /// sentences at random), and the expected weight left without a
    /// counterpart.
    pub fn src_evidence(&self, i: usize, mask: u64, group: usize) -> (f64, f64) {
        self.src_evidence_beyond(i, mask, 0, group)
    }

    pub fn tgt_evidence(&self, j: usize, mask: u64, group: usize) -> (f64, f64) {
        self.tgt_evidence_beyond(j, mask, 0, group)
    }

    /// [`Overlap::src_evidence`], with the tokens of `sure` counted as if
    /// found in one sentence: a group's size discounts only what its other
    /// sentences add.
    pub fn src_evidence_beyond(&self, i: usize, mask: u64, sure: u64, group: usize) -> (f64, f64) {
        evidence(
            &self.src[i],
            &self.src_weight,
            self.src_expected[i],
            mask,
            sure,
            group,
        )
    }

    pub fn tgt_evidence_beyond(&self, j: usize, mask: u64, sure: u64, group: usize) -> (f64, f64) {
        evidence(
            &self.tgt[j],
            &self.tgt_weight,
            self.tgt_expected[j],
            mask,
            sure,
            group,
        )
    }
}

/// ln(k) for bead sides of k = 0..=8 sentences (0 and 1 cost nothing).
const LN_GROUP: [f64; 9] = [
    0.0,
    0.0,
    std::f64::consts::LN_2,
    1.098_612_288_668_11,
    1.386_294_361_119_89,
    1.609_437_912_434_1,
    1.791_759_469_228_05,
    1.945_910_149_055_31,
    2.079_441_541_679_84,
];

/// A token found in many sentences tells little about which one pairs with
/// which: the chance that a random group of sentences on the other side has
/// its partner grows with its document frequency. `kinds` gives each token's
/// base weight and expectation.
fn weigh(kinds: &[(f64, f64)], sents: &[Vec<u32>], others: usize) -> Vec<Weight> {
    let mut df = vec![0usize; kinds.len()];
    for &id in sents.iter().flatten() {
        df[id as usize] += 1;
    }
    let scale = ((sents.len().max(others) + 1) as f64).ln().max(1.0);
    kinds
        .iter()
        .zip(df)
        .map(|(&(base, expectation), df)| Weight {
            base,
            expectation,
            specificity: (((sents.len() + 1) as f64) / df.max(1) as f64).ln() / scale,
            per_nat: 1.0 / scale,
        })
        .collect()
}

/// Per source sentence, the target tokens its tokens link to, sorted, each
/// with the position of a source token that links to it; one flat list for
/// all sentences (5 bytes an entry: the largest table of the overlap).
struct Reach {
    start: Vec<usize>,
    target: Vec<u32>,
    position: Vec<u8>,
}

impl Reach {
    fn new(src: &[Vec<u32>], links: &[Vec<u32>]) -> Reach {
        use rayon::prelude::*;
        let per_sentence: Vec<Vec<(u32, u8)>> = src
            .par_iter()
            .map(|ids| {
                let mut out: Vec<(u32, u8)> = ids
                    .iter()
                    .take(64)
                    .enumerate()
                    .flat_map(|(p, &t)| links[t as usize].iter().map(move |&u| (u, p as u8)))
                    .collect();
                out.sort_unstable();
                out
            })
            .collect();
        let total = per_sentence.iter().map(Vec::len).sum();
        let mut reach = Reach {
            start: Vec::with_capacity(src.len() + 1),
            target: Vec::with_capacity(total),
            position: Vec::with_capacity(total),
        };
        for entries in per_sentence {
            reach.start.push(reach.target.len());
            for (u, p) in entries {
                reach.target.push(u);
                reach.position.push(p);
            }
        }
        reach.start.push(reach.target.len());
        reach
    }

    fn of(&self, i: usize) -> (&[u32], &[u8]) {
        let range = self.start[i]..self.start[i + 1];
        (&self.target[range.clone()], &self.position[range])
    }
}

/// Per sentence, the weight of its tokens that expect a counterpart.
fn expected(sents: &[Vec<u32>], w: &[Weight]) -> Vec<f64> {
    sents
        .iter()
        .map(|ids| ids.iter().map(|&t| expected_weight(&w[t as usize])).sum())
        .collect()
}

fn expected_weight(w: &Weight) -> f64 {
    w.expectation * w.base * w.specificity
}

/// Per sentence, the positions of its tokens that `marked` marks.
fn masks_of(sents: &[Vec<u32>], marked: &[bool]) -> Vec<u64> {
    let mask = |ids: &Vec<u32>| {
        (ids.iter().take(64).enumerate())
            .filter(|&(_, &t)| marked[t as usize])
            .fold(0, |mask, (k, _)| mask | 1 << k)
    };
    sents.iter().map(mask).collect()
}

fn evidence(
    tokens: &[u32],
    weights: &[Weight],
    expected: f64,
    mut mask: u64,
    sure: u64,
    group: usize,
) -> (f64, f64) {
    if tokens.len() < 64 {
        mask &= (1u64 << tokens.len()) - 1;
    }
    let group_nats = LN_GROUP[group.min(8)];
    let (mut covered, mut expected_covered) = (0.0, 0.0);
    while mask != 0 {
        let k = mask.trailing_zeros() as usize;
        let w = &weights[tokens[k] as usize];
        let discount = if sure >> k & 1 == 1 {
            0.0
        } else {
            group_nats * w.per_nat
        };
        covered += w.base * (w.specificity - discount).max(0.0);
        expected_covered += expected_weight(w);
        mask &= mask - 1;
    }
    (covered, (expected - expected_covered).max(0.0))
}

/// (Names, all word tokens) of a side's sentences.
fn capitalised(sents: &[Vec<u32>], kinds: &[Kind]) -> (usize, usize) {
    let (mut names, mut all) = (0, 0);
    for &id in sents.iter().flatten() {
        match kinds[id as usize] {
            Kind::Name => {
                names += 1;
                all += 1
            }
            Kind::Word | Kind::Cognate => all += 1,
            _ => {}
        }
    }
    (names, all)
}

fn prefix(key: &str) -> String {
    key.chars().take(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    fn weights() -> OverlapWeights {
        OverlapWeights {
            number: 2.0,
            name: 1.5,
            word: 0.5,
            cognate: 0.0,
            punct: 0.0,
            word_expectation: 0.0,
        }
    }

    #[test]
    fn what_only_an_attribution_names_is_not_expected() {
        let quoted =
            "“Kami optimistis momentum ini berlanjut,” kata Adrianus dalam paparan, Jumat.";
        let src = split_lines(&format!("{quoted}\n"));
        let tgt = split_lines("“We are optimistic,” Adrianus said.\n");
        let o = Overlap::build(&Tokens::read(&src), &Tokens::read(&tgt), &[], weights());
        // Adrianus is found when there, but missing it would cost nothing.
        assert_eq!(o.src_expected[0], 0.0);
        let (ms, _) = o.pair_masks(0, 0);
        assert!(o.src_evidence(0, ms, 1).0 > 0.0);
    }

    #[test]
    fn numbers_names_and_lexicon_words_link() {
        let src =
            split_lines("Pasukan Korea Utara tiba di Moskow dengan 3.000 tentara.\nHujan turun.\n");
        let tgt =
            split_lines("North Korean troops arrived in Moscow with 3,000 soldiers.\nIt rained.\n");
        let lex = Lexicon::parse("tentara\tsoldiers\nhujan\train\n").unwrap();
        let o = Overlap::build(&Tokens::read(&src), &Tokens::read(&tgt), &[&lex], weights());
        let (ms, mt) = o.pair_masks(0, 0);
        // Each token is found once, so it counts fully: Korea, Moskow, 3.000
        // and tentara are covered; Utara is not (no lexicon entry).
        let (covered, missed) = o.src_evidence(0, ms, 1);
        assert!((covered - (2.0 + 1.5 + 1.5 + 0.5)).abs() < 1e-9);
        // Utara is missed in full; the lexicon word would count a fifth.
        assert!((missed - 1.5).abs() < 1e-9);
        assert!(o.tgt_evidence(0, mt, 1).0 >= 2.0 + 1.5 + 0.5 - 1e-9);
        // Found in a group of two sentences, a match is worth less.
        assert!(o.src_evidence(0, ms, 2).0 < covered);
        assert_eq!(o.pair_masks(1, 0), (0, 0));
    }

    #[test]
    fn interview_turns_pair_by_their_labels() {
        let src = split_lines("Tanya: Apa yang terjadi?\nJawab: Saya terlalu buru-buru.\n");
        let tgt = split_lines("Q: What happened?\nA: I rushed.\n");
        let o = Overlap::build(&Tokens::read(&src), &Tokens::read(&tgt), &[], weights());
        let covered = |i, j| o.src_evidence(i, o.pair_masks(i, j).0, 1).0;
        assert!(covered(1, 1) > covered(1, 0) + 1.0);
        assert!(covered(0, 0) > covered(0, 1) + 1.0);
    }

    #[test]
    fn a_side_that_capitalises_its_nouns_expects_only_its_shared_names() {
        // Enough words a side for the share of capitals to tell.
        let de = "Der Hund sah den Berg am Morgen mit Peter.\n".to_string()
            + &"Die Katze schlief lange im Garten.\n".repeat(16);
        let fr = "Le chien a vu la montagne le matin avec Peter.\n".to_string()
            + &"Le chat dormait longtemps dans le jardin.\n".repeat(16);
        let (de, fr) = (split_lines(&de), split_lines(&fr));
        let o = Overlap::build(&Tokens::read(&de), &Tokens::read(&fr), &[], weights());
        let (ms, _) = o.pair_masks(0, 0);
        let (covered, missed) = o.src_evidence(0, ms, 1);
        // Peter is found; Hund, Berg and Morgen are nouns, not names.
        assert!(covered >= 1.5 - 1e-9);
        assert!(missed.abs() < 1e-9, "{missed}");
    }

    #[test]
    fn a_line_in_capitals_has_words_not_names() {
        let de = split_lines("MIT NACHTRÄGEN AUS FRÜHEREN JAHREN\nDie UNO tagt.\n");
        let fr = split_lines("AVEC NOTES COMPLÉMENTAIRES\nL'ONU siège.\n");
        let o = Overlap::build(&Tokens::read(&de), &Tokens::read(&fr), &[], weights());
        // Nothing of the capitals line is a name that should be found…
        assert_eq!(o.src_evidence(0, 0, 1), (0.0, 0.0));
        // …but an acronym in an ordinary sentence still is.
        assert!(o.src_evidence(1, 0, 1).1 > 0.0);
    }

    /// A name spelt like dozens on the other side links to none of them by
    /// spelling, only to itself: linking them all is quadratic in memory.
    #[test]
    fn a_name_like_dozens_links_by_spelling_to_none() {
        let lines =
            |verb: &str| -> String { (0..100).map(|k| format!("{verb} Hendarto{k}.\n")).collect() };
        let (id, en) = (split_lines(&lines("Kata")), split_lines(&lines("Said")));
        let o = Overlap::build(&Tokens::read(&id), &Tokens::read(&en), &[], weights());
        assert_ne!(o.pair_masks(7, 7), (0, 0));
        assert_eq!(o.pair_masks(7, 8), (0, 0));
        let few = split_lines("Kata Hendarto tadi.\nKata Hendarta tadi.\n");
        let o = Overlap::build(&Tokens::read(&few), &Tokens::read(&few), &[], weights());
        assert_ne!(o.pair_masks(0, 1), (0, 0));
    }

    #[test]
    fn loanwords_respelt_share_their_start() {
        for (id, en) in [
            ("ekstrem", "extreme"),
            ("klimatologi", "climatology"),
            ("teknologi", "technology"),
            ("komisi", "commission"),
            ("seremoni", "ceremony"),
            ("fisika", "physics"),
        ] {
            let (a, b) = (spelled_alike(id), spelled_alike(&fold(en)));
            assert!(cognates(&a, &b), "{id} {en}: {a} {b}");
        }
        assert!(!cognates(
            &spelled_alike("kapal"),
            &spelled_alike("capital")
        ));
    }
}
