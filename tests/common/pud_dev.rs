//! An Indonesian–English alignment development set made from Universal
//! Dependencies PUD (`../shared/data/ud-pud/id_pud-ud-test.conllu`), whose
//! 1000 sentences each carry `# text =` (Indonesian) and `# text_en =` (the
//! English original): 1000 one-to-one pairs in file order.
//!
//! Shared by `benches/align.rs` and any test that wants it (include it with
//! `#[path]`).
//!
//! The recipe, deterministic from the seed (a hand-written xorshift64*
//! generator seeded through splitmix64; no crates):
//!
//! 1. **Documents**: consecutive pairs, 20–40 pairs a document (uniform; the
//!    last document takes the rest so none is shorter than 20). PUD's own
//!    document boundaries are ignored.
//! 2. **Perturbations**, drawn once per pair position, at most one per bead:
//!    - merge two Indonesian sentences into one line (p 0.08, gold
//!      `[i]:[j, j+1]`), three (p 0.02, `[i]:[j, j+1, j+2]`); the same for
//!      English (p 0.08 / 0.02, `[i, i+1]:[j]`, `[i, i+1, i+2]:[j]`). Merged
//!      sentences are joined by one space. A merge needing more pairs than
//!      the document has left stays 1-1.
//!    - split an Indonesian sentence into two (p 0.05, `[i, i+1]:[j]`) at the
//!      `, ` nearest its middle (30–70 % of its length, at least 3 words a
//!      half, not inside brackets or quotation marks): the comma becomes a
//!      full stop and the second half starts with a capital. The same for
//!      English (p 0.05, `[i]:[j, j+1]`). A sentence without such a comma
//!      stays 1-1.
//!    - drop a sentence from one side (p 0.04, the side by a coin): the
//!      Indonesian one (`[]:[j]`) or the English one (`[i]:[]`).
//! 3. **Noise lines**, inserted between beads at uniformly random positions:
//!    on the Indonesian side 1–3 per document (uniform, mean 2), each
//!    `Baca juga: <headline>` (p 0.4), `Foto: ANTARA/<Name>` (0.3),
//!    `Penulis: <Name>` (0.15) or `Editor: <Name>` (0.15), gold `[i]:[]`; on
//!    the English side, with p 0.3 per document, one `Photo: Reuters/<Name>`,
//!    gold `[]:[j]`. A headline is 4–8 consecutive words of an Indonesian
//!    PUD sentence from outside the document, punctuation stripped, no
//!    conjunction first or function word last, content words capitalised.
//!    The names come from the short made-up lists below.
//!
//! Each document's sentences are one a line (align them presplit); the gold
//! ladder indexes those lines, 0-based, every line in exactly one bead, in
//! order.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// A ladder bead: source (Indonesian) and target (English) line numbers.
pub type LadderBead = (Vec<usize>, Vec<usize>);

/// Shortest and longest document, in PUD pairs.
pub const DOC_MIN: usize = 20;
pub const DOC_MAX: usize = 40;
/// Per pair position: merge two / three Indonesian sentences into one.
pub const P_MERGE2_ID: f64 = 0.08;
pub const P_MERGE3_ID: f64 = 0.02;
/// Per pair position: merge two / three English sentences into one.
pub const P_MERGE2_EN: f64 = 0.08;
pub const P_MERGE3_EN: f64 = 0.02;
/// Per pair position: split the Indonesian / the English sentence at a comma.
pub const P_SPLIT_ID: f64 = 0.05;
pub const P_SPLIT_EN: f64 = 0.05;
/// Per pair position: drop one side's sentence (the side by a coin).
pub const P_DROP: f64 = 0.04;
/// Indonesian noise lines per document: uniform in this range.
pub const NOISE_ID: Range<usize> = 1..4;
/// Probability that a document gets one English photo credit.
pub const P_NOISE_EN: f64 = 0.3;

/// Made-up Indonesian names for credits and bylines.
const NAMES_ID: &[&str] = &[
    "Rizky Pratama",
    "Andi Saputra",
    "Siti Rahmawati",
    "Budi Hartono",
    "Nur Aini",
    "Agus Setiawan",
    "Fajar Nugroho",
    "Intan Permatasari",
    "Yusuf Hidayat",
    "Dian Maharani",
    "Eko Wibowo",
    "Rina Kusuma",
];

/// Made-up names for English photo credits.
const NAMES_EN: &[&str] = &[
    "Tom Harding",
    "Anna Keller",
    "Carlos Ibarra",
    "Sarah Mills",
    "David Chen",
    "Lucy Novak",
];

/// Words a headline leaves in lower case (unless first).
const HEADLINE_LOWER: &[&str] = &[
    "yang", "di", "ke", "dari", "dan", "untuk", "dengan", "pada", "dalam", "atau", "oleh", "itu",
    "ini", "akan", "juga",
];

/// Words a headline does not end on (besides `HEADLINE_LOWER`) or, for the
/// conjunctions, start with.
const HEADLINE_NO_END: &[&str] = &[
    "adalah", "telah", "bahwa", "saat", "serta", "tetapi", "tapi", "karena", "seperti", "sebagai",
    "bagi", "para", "sang", "si", "namun", "sebuah", "seorang", "the", "a", "of", "and",
];
const HEADLINE_NO_START: &[&str] = &["dan", "tapi", "tetapi", "namun", "serta", "atau", "yang"];

/// Where a gold bead comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An untouched 1-1 pair.
    Plain,
    /// Two / three Indonesian sentences merged into one line (1-2, 1-3).
    MergeId2,
    MergeId3,
    /// Two / three English sentences merged into one line (2-1, 3-1).
    MergeEn2,
    MergeEn3,
    /// The Indonesian sentence split at a comma (2-1).
    SplitId,
    /// The English sentence split at a comma (1-2).
    SplitEn,
    /// The Indonesian sentence dropped: English alone (0-1).
    DropId,
    /// The English sentence dropped: Indonesian alone (1-0).
    DropEn,
    /// Indonesian noise lines (1-0).
    BacaJuga,
    Foto,
    Penulis,
    Editor,
    /// English photo credit (0-1).
    PhotoEn,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::Plain,
        Kind::MergeId2,
        Kind::MergeId3,
        Kind::MergeEn2,
        Kind::MergeEn3,
        Kind::SplitId,
        Kind::SplitEn,
        Kind::DropId,
        Kind::DropEn,
        Kind::BacaJuga,
        Kind::Foto,
        Kind::Penulis,
        Kind::Editor,
        Kind::PhotoEn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Plain => "plain 1-1",
            Kind::MergeId2 => "merge id x2 (1-2)",
            Kind::MergeId3 => "merge id x3 (1-3)",
            Kind::MergeEn2 => "merge en x2 (2-1)",
            Kind::MergeEn3 => "merge en x3 (3-1)",
            Kind::SplitId => "split id (2-1)",
            Kind::SplitEn => "split en (1-2)",
            Kind::DropId => "drop id (0-1)",
            Kind::DropEn => "drop en (1-0)",
            Kind::BacaJuga => "noise Baca juga (1-0)",
            Kind::Foto => "noise Foto (1-0)",
            Kind::Penulis => "noise Penulis (1-0)",
            Kind::Editor => "noise Editor (1-0)",
            Kind::PhotoEn => "noise Photo en (0-1)",
        }
    }
}

/// One development document: Indonesian and English lines and the gold
/// ladder over them; `kinds[k]` says where `gold[k]` comes from.
#[derive(Debug, Clone)]
pub struct DevDoc {
    pub id: Vec<String>,
    pub en: Vec<String>,
    pub gold: Vec<LadderBead>,
    pub kinds: Vec<Kind>,
}

impl DevDoc {
    /// Every line in exactly one bead, beads in order, lines non-blank and
    /// single-line.
    pub fn check(&self) -> Result<(), String> {
        if self.gold.len() != self.kinds.len() {
            return Err("gold and kinds differ in length".into());
        }
        let (mut next_i, mut next_j) = (0, 0);
        for (k, (s, t)) in self.gold.iter().enumerate() {
            if s.is_empty() && t.is_empty() {
                return Err(format!("bead {k} is empty"));
            }
            for &i in s {
                if i != next_i {
                    return Err(format!("bead {k}: source {i}, expected {next_i}"));
                }
                next_i += 1;
            }
            for &j in t {
                if j != next_j {
                    return Err(format!("bead {k}: target {j}, expected {next_j}"));
                }
                next_j += 1;
            }
        }
        if next_i != self.id.len() || next_j != self.en.len() {
            return Err(format!(
                "ladder covers {next_i}/{} source and {next_j}/{} target lines",
                self.id.len(),
                self.en.len()
            ));
        }
        for line in self.id.iter().chain(&self.en) {
            if line.trim().is_empty() || line.contains('\n') {
                return Err(format!("bad line {line:?}"));
            }
        }
        Ok(())
    }
}

/// Gold beads per kind over `docs`.
pub fn kind_counts(docs: &[DevDoc]) -> BTreeMap<Kind, usize> {
    let mut m = BTreeMap::new();
    for d in docs {
        for &k in &d.kinds {
            *m.entry(k).or_insert(0) += 1;
        }
    }
    m
}

/// One PUD sentence: its id, Indonesian text and English original.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub sent_id: String,
    pub id: String,
    pub en: String,
}

/// The sentence pairs of an Indonesian PUD CoNLL-U text, in file order.
pub fn parse_pairs(text: &str) -> Result<Vec<Pair>, String> {
    let mut out = Vec::new();
    let (mut sent_id, mut id, mut en) = (None, None, None);
    let mut finish = |line_no: usize,
                      sent_id: &mut Option<String>,
                      id: &mut Option<String>,
                      en: &mut Option<String>|
     -> Result<(), String> {
        match (sent_id.take(), id.take(), en.take()) {
            (None, None, None) => Ok(()),
            (Some(sent_id), Some(id), Some(en)) => {
                out.push(Pair { sent_id, id, en });
                Ok(())
            }
            _ => Err(format!(
                "sentence block ending at line {line_no} lacks one of \
                 `# sent_id`, `# text`, `# text_en`"
            )),
        }
    };
    let mut line_no = 0;
    for line in text.lines() {
        line_no += 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(line_no, &mut sent_id, &mut id, &mut en)?;
        } else if let Some(rest) = line.strip_prefix('#') {
            let Some((key, value)) = rest.split_once('=') else {
                continue;
            };
            let value = Some(value.trim().to_string());
            match key.trim() {
                "sent_id" => sent_id = value,
                "text" => id = value,
                "text_en" => en = value,
                _ => {}
            }
        }
    }
    finish(line_no + 1, &mut sent_id, &mut id, &mut en)?;
    Ok(out)
}

/// xorshift64* with a splitmix64-scrambled seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.unit() * n as f64) as usize).min(n - 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Build the development set from the Indonesian PUD file.
pub fn build(conllu_id: &Path, seed: u64) -> Vec<DevDoc> {
    let text = std::fs::read_to_string(conllu_id)
        .unwrap_or_else(|e| panic!("{}: {e}", conllu_id.display()));
    let pairs = parse_pairs(&text).unwrap_or_else(|e| panic!("{}: {e}", conllu_id.display()));
    build_from_pairs(&pairs, seed)
}

/// As [`build`], from pairs already read.
pub fn build_from_pairs(pairs: &[Pair], seed: u64) -> Vec<DevDoc> {
    let mut rng = Rng::new(seed);
    let groups = group(pairs.len(), &mut rng);
    groups
        .into_iter()
        .map(|r| {
            let doc = make_doc(pairs, r, &mut rng);
            if let Err(e) = doc.check() {
                panic!("pud_dev: built a bad document: {e}");
            }
            doc
        })
        .collect()
}

/// Cut `n` pairs into runs of DOC_MIN..=DOC_MAX (all of them if n < DOC_MIN).
fn group(n: usize, rng: &mut Rng) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let left = n - start;
        let mut size = DOC_MIN + rng.below(DOC_MAX - DOC_MIN + 1);
        if left <= DOC_MAX && left - size.min(left) < DOC_MIN {
            size = left; // the rest fits in one document
        } else if left - size < DOC_MIN {
            size = left - DOC_MIN; // leave a full document behind
        }
        out.push(start..start + size);
        start += size;
    }
    out
}

/// A bead under construction: its Indonesian and English lines.
struct Unit {
    id: Vec<String>,
    en: Vec<String>,
    kind: Kind,
}

fn make_doc(pairs: &[Pair], range: Range<usize>, rng: &mut Rng) -> DevDoc {
    let mut units: Vec<Unit> = Vec::new();
    let mut k = range.start;
    while k < range.end {
        let left = range.end - k;
        let u = rng.unit();
        let mut edge = 0.0;
        let mut hit = |p: f64| {
            let lo = edge;
            edge += p;
            u >= lo && u < edge
        };
        let plain = |k: usize| Unit {
            id: vec![pairs[k].id.clone()],
            en: vec![pairs[k].en.clone()],
            kind: Kind::Plain,
        };
        let merged = |n: usize, into_id: bool, kind: Kind| {
            let ids: Vec<String> = pairs[k..k + n].iter().map(|p| p.id.clone()).collect();
            let ens: Vec<String> = pairs[k..k + n].iter().map(|p| p.en.clone()).collect();
            if into_id {
                Unit {
                    id: vec![ids.join(" ")],
                    en: ens,
                    kind,
                }
            } else {
                Unit {
                    id: ids,
                    en: vec![ens.join(" ")],
                    kind,
                }
            }
        };
        let (unit, used) = if hit(P_MERGE2_ID) && left >= 2 {
            (merged(2, true, Kind::MergeId2), 2)
        } else if hit(P_MERGE3_ID) && left >= 3 {
            (merged(3, true, Kind::MergeId3), 3)
        } else if hit(P_MERGE2_EN) && left >= 2 {
            (merged(2, false, Kind::MergeEn2), 2)
        } else if hit(P_MERGE3_EN) && left >= 3 {
            (merged(3, false, Kind::MergeEn3), 3)
        } else if hit(P_SPLIT_ID) {
            match split_at_comma(&pairs[k].id) {
                Some((a, b)) => (
                    Unit {
                        id: vec![a, b],
                        en: vec![pairs[k].en.clone()],
                        kind: Kind::SplitId,
                    },
                    1,
                ),
                None => (plain(k), 1),
            }
        } else if hit(P_SPLIT_EN) {
            match split_at_comma(&pairs[k].en) {
                Some((a, b)) => (
                    Unit {
                        id: vec![pairs[k].id.clone()],
                        en: vec![a, b],
                        kind: Kind::SplitEn,
                    },
                    1,
                ),
                None => (plain(k), 1),
            }
        } else if hit(P_DROP) {
            if rng.unit() < 0.5 {
                (
                    Unit {
                        id: vec![],
                        en: vec![pairs[k].en.clone()],
                        kind: Kind::DropId,
                    },
                    1,
                )
            } else {
                (
                    Unit {
                        id: vec![pairs[k].id.clone()],
                        en: vec![],
                        kind: Kind::DropEn,
                    },
                    1,
                )
            }
        } else {
            (plain(k), 1)
        };
        units.push(unit);
        k += used;
    }

    // Noise lines between beads.
    let n_noise = NOISE_ID.start + rng.below(NOISE_ID.end - NOISE_ID.start);
    for _ in 0..n_noise {
        let r = rng.unit();
        let (line, kind) = if r < 0.4 {
            (
                format!("Baca juga: {}", headline(pairs, &range, rng)),
                Kind::BacaJuga,
            )
        } else if r < 0.7 {
            (format!("Foto: ANTARA/{}", rng.pick(NAMES_ID)), Kind::Foto)
        } else if r < 0.85 {
            (format!("Penulis: {}", rng.pick(NAMES_ID)), Kind::Penulis)
        } else {
            (format!("Editor: {}", rng.pick(NAMES_ID)), Kind::Editor)
        };
        let at = rng.below(units.len() + 1);
        units.insert(
            at,
            Unit {
                id: vec![line],
                en: vec![],
                kind,
            },
        );
    }
    if rng.unit() < P_NOISE_EN {
        let line = format!("Photo: Reuters/{}", rng.pick(NAMES_EN));
        let at = rng.below(units.len() + 1);
        units.insert(
            at,
            Unit {
                id: vec![],
                en: vec![line],
                kind: Kind::PhotoEn,
            },
        );
    }

    let mut doc = DevDoc {
        id: Vec::new(),
        en: Vec::new(),
        gold: Vec::new(),
        kinds: Vec::new(),
    };
    for u in units {
        let s: Vec<usize> = (doc.id.len()..doc.id.len() + u.id.len()).collect();
        let t: Vec<usize> = (doc.en.len()..doc.en.len() + u.en.len()).collect();
        doc.id.extend(u.id);
        doc.en.extend(u.en);
        doc.gold.push((s, t));
        doc.kinds.push(u.kind);
    }
    doc
}

/// Split at the `, ` nearest the middle (30–70 % of the length, at least 3
/// words a side, outside brackets and quotation marks): the comma becomes a
/// full stop, the second half is capitalised.
pub fn split_at_comma(s: &str) -> Option<(String, String)> {
    let len = s.len() as f64;
    let mid = len / 2.0;
    let (pos, _) = s
        .match_indices(", ")
        .map(|(p, _)| p)
        .filter(|&p| {
            let f = p as f64 / len;
            (0.3..=0.7).contains(&f)
                && outside_brackets(&s[..p])
                && s[..p].split_whitespace().count() >= 3
                && s[p + 2..].split_whitespace().count() >= 3
        })
        .map(|p| (p, (p as f64 - mid).abs()))
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    let first = format!("{}.", s[..pos].trim_end());
    let rest = s[pos + 2..].trim_start();
    let mut chars = rest.chars();
    let head = chars.next()?;
    let second: String = head.to_uppercase().chain(chars).collect();
    Some((first, second))
}

/// Whether the end of `prefix` lies outside brackets and quotation marks.
fn outside_brackets(prefix: &str) -> bool {
    let count = |c: char| prefix.chars().filter(|&x| x == c).count();
    count('(') == count(')')
        && count('[') == count(']')
        && count('“') == count('”')
        && count('‘') <= count('’')
        && count('"') % 2 == 0
}

/// A short headline: 4–8 consecutive words of an Indonesian sentence from
/// outside `range`, punctuation stripped, content words capitalised.
fn headline(pairs: &[Pair], range: &Range<usize>, rng: &mut Rng) -> String {
    let outside = pairs.len() - range.len();
    let source = if outside == 0 {
        &pairs[rng.below(pairs.len())].id
    } else {
        let mut k = rng.below(outside);
        if k >= range.start {
            k += range.len();
        }
        &pairs[k].id
    };
    let words: Vec<&str> = source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let want = 4 + rng.below(5);
    let start = if words.len() > want {
        rng.below(words.len() - want + 1)
    } else {
        0
    };
    let mut picked = &words[start..(start + want).min(words.len())];
    let lower = |w: &str| w.to_lowercase();
    while picked.len() > 2 && HEADLINE_NO_START.contains(&lower(picked[0]).as_str()) {
        picked = &picked[1..];
    }
    while let Some(last) = picked.last().map(|w| lower(w))
        && picked.len() > 2
        && (HEADLINE_LOWER.contains(&last.as_str()) || HEADLINE_NO_END.contains(&last.as_str()))
    {
        picked = &picked[..picked.len() - 1];
    }
    let mut out = Vec::with_capacity(picked.len());
    for (n, w) in picked.iter().enumerate() {
        let lower = w.to_lowercase();
        if n > 0 && HEADLINE_LOWER.contains(&lower.as_str()) {
            out.push(lower);
        } else {
            let mut cs = w.chars();
            let head = cs.next().expect("non-empty word");
            out.push(head.to_uppercase().chain(cs).collect());
        }
    }
    if out.is_empty() {
        "Berita Terkini".to_string()
    } else {
        out.join(" ")
    }
}

impl DevDoc {
    /// The document as article text with paragraphs: each noise line is a
    /// paragraph of its own (as on news sites), the other beads are grouped
    /// two or three to a paragraph, with the same breaks on both sides.
    /// Sentences stay one a line, so `Document::new(text, lang, true)`
    /// numbers them as `gold` does.
    pub fn with_paragraphs(&self) -> (String, String) {
        (
            self.paragraphed(&self.id, 0, |b| &b.0),
            self.paragraphed(&self.en, 0, |b| &b.1),
        )
    }

    /// As `with_paragraphs`, but the English is paragraphed on its own
    /// rhythm, as when a translator regroups paragraphs: the breaks of the
    /// two sides mostly disagree.
    pub fn with_regrouped_paragraphs(&self) -> (String, String) {
        (
            self.paragraphed(&self.id, 0, |b| &b.0),
            self.paragraphed(&self.en, 1, |b| &b.1),
        )
    }

    /// One side's text, a blank line before each paragraph: noise beads
    /// alone, other beads in groups of two or three (`shift` moves the rhythm).
    fn paragraphed(
        &self,
        lines: &[String],
        shift: usize,
        side: fn(&LadderBead) -> &Vec<usize>,
    ) -> String {
        let mut text = String::new();
        let mut in_group = 0;
        for (k, (bead, kind)) in self.gold.iter().zip(&self.kinds).enumerate() {
            let noise = matches!(
                kind,
                Kind::BacaJuga | Kind::Foto | Kind::Penulis | Kind::Editor | Kind::PhotoEn
            );
            let group_size = 2 + (k + shift) % 2 + shift;
            if k > 0 && (noise || in_group == 0 || in_group >= group_size) {
                if !side(bead).is_empty() && !text.is_empty() {
                    text.push('\n');
                }
                in_group = 0;
            }
            for &i in side(bead) {
                text.push_str(&lines[i]);
                text.push('\n');
            }
            in_group = if noise { 0 } else { in_group + 1 };
        }
        text
    }
}
