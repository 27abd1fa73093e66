//! Review: QA flags on each bead, for the translator who checks the result,
//! and the reviewer's decision on each pair ([`Reviewed`]). It looks at the
//! beads the aligner chose and never changes them.
//!
//! Each flag has a short code (for CSV and filters) and a note saying what
//! to look at, in words a reviewer reads without the manual.

mod checks;
mod document;
mod equivalents;
mod names;
mod numbers;
mod referents;
mod reviewed;
mod sentence_names;
mod side;

pub use document::warnings;
pub use reviewed::{Reviewed, Status};

use crate::align::Bead;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::segment::{Sentence, join};

use checks::{LengthNorm, quote_mismatch, running_quotes, untranslated};
use equivalents::Equivalents;
use names::DocumentNames;
use referents::Referred;
use side::{Side, SideContext};

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
    /// Quotes or brackets balance on one side and not on the other.
    QuoteMismatch,
    /// The target is (nearly) the source: left untranslated.
    Untranslated,
    /// Several sentences on a side: a reviewer may want to split the pair.
    Merged,
    /// The aligner is not sure of this bead.
    LowConfidence,
}

impl FlagKind {
    /// Every kind, in the order the outputs list them.
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
    /// What it is about.
    pub kind: FlagKind,
    /// What to look at, in a reviewer's words (`295 in the English not found in the Indonesian`).
    pub note: String,
    /// The words and figures the note names, as the texts write them
    /// (`295`, `Volladolid`), for a page to mark in the sentences.
    #[serde(skip)]
    pub marks: Vec<String>,
}

impl Flag {
    /// The kind's short code (`number_mismatch`).
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

/// Each bead with its flags, unreviewed by a person yet.
pub fn review(beads: Vec<Bead>, cx: &Context) -> Vec<Reviewed> {
    let reverse = cx.lexicon.reversed();
    let lengths = LengthNorm::fit(&beads, cx);
    let equivalents = Equivalents::builtin();
    let ordinary = |lexicon: &Lexicon, key: &str| {
        !lexicon.translations(key).is_empty()
            || equivalents.is_not_name(key)
            || equivalents.is_entity(key)
    };
    let doc_names = DocumentNames::build(cx.src, cx.tgt, &|k| ordinary(cx.lexicon, k), &|k| {
        ordinary(&reverse, k)
    });
    let src_cx = SideContext {
        lexicon: cx.lexicon,
        lang: cx.src_lang.primary(),
        names: &doc_names.src,
        equivalents,
        year: side::document_year(cx.src),
    };
    let tgt_cx = SideContext {
        lexicon: &reverse,
        lang: cx.tgt_lang.primary(),
        names: &doc_names.tgt,
        equivalents,
        year: side::document_year(cx.tgt),
    };
    let (src_running, tgt_running) = (running_quotes(cx.src), running_quotes(cx.tgt));
    use rayon::prelude::*;
    beads.into_par_iter().map(|bead| {
        let src = join(cx.src, &bead.src);
        let tgt = join(cx.tgt, &bead.tgt);
        let mut flags: Vec<Flag> = Vec::new();
        let mut content = Vec::new();
        let mut flag = |kind, note: String| {
            flags.push(Flag {
                kind,
                note,
                marks: Vec::new(),
            })
        };
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
            let src_side = Side::new(&cx.src[bead.src.clone()], &src_cx);
            let tgt_side = Side::new(&cx.tgt[bead.tgt.clone()], &tgt_cx);
            let langs = (language_name(cx.src_lang), language_name(cx.tgt_lang));
            let referred = Referred::new(&doc_names, &bead, (&src, &tgt), (src_cx.lang, tgt_cx.lang));
            content = content_flags(&src_side, &tgt_side, langs, &referred);
            if let Some(note) = lengths.misfit(&src, &tgt) {
                flag(FlagKind::LengthRatio, note);
            }
            let running = |all: &[bool], range: &std::ops::Range<usize>| all[range.clone()].iter().all(|&r| r);
            let sides = (
                (src.as_str(), running(&src_running, &bead.src)),
                (tgt.as_str(), running(&tgt_running, &bead.tgt)),
            );
            if let Some(note) = quote_mismatch(sides.0, sides.1) {
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
        flags.extend(content);
        flags.sort_by_key(|f| f.kind);
        Reviewed { bead, flags, status: Status::Unreviewed }
    }).collect()
}

/// The number and name flags of a pair, one of a kind, each note naming
/// what each side lacks.
fn content_flags(
    src_side: &Side,
    tgt_side: &Side,
    (src_name, tgt_name): (&str, &str),
    referred: &Referred,
) -> Vec<Flag> {
    let directions = [
        (src_side, tgt_side, src_name, tgt_name),
        (tgt_side, src_side, tgt_name, src_name),
    ];
    let (mut numbers, mut number_marks) = (Vec::new(), Vec::new());
    let (mut names, mut name_marks) = (Vec::new(), Vec::new());
    let mut misspelt: Vec<(String, String)> = Vec::new();
    let mut lost_names = [
        src_side.names_missing_in(tgt_side),
        tgt_side.names_missing_in(src_side),
    ];
    // Words of a name on each side that find no counterpart, each beside an
    // ordinary word (`Makan Bergizi Gratis` against `Free Nutritious
    // Meals`): the name was translated, not dropped.
    if lost_names[0].soft.is_empty() != lost_names[1].soft.is_empty()
        || lost_names.iter().all(|l| !l.soft.is_empty())
    {
        // One side lost words of a name of words, the other wrote its own
        // name of words: one name, translated.
        let other_has = [
            tgt_side.has_translated_name(src_side),
            src_side.has_translated_name(tgt_side),
        ];
        for (l, other) in lost_names.iter_mut().zip(other_has) {
            if other {
                let soft = std::mem::take(&mut l.soft);
                l.missing.retain(|n| !soft.contains(n));
            }
        }
    }
    // A name both sides wrote before, referred back to here by a pronoun.
    for (direction, l) in lost_names.iter_mut().enumerate() {
        l.missing.retain(|n| !referred.excuses(direction, n));
    }
    for ((from, to, from_lang, to_lang), lost) in directions.into_iter().zip(lost_names) {
        let figures = from.numbers_missing_in(to);
        if !figures.is_empty() {
            numbers.push(format!(
                "{} in the {from_lang} not found in the {to_lang}",
                figures.join(", ")
            ));
            number_marks.extend(figures.into_iter().filter(|f| !f.starts_with("the date ")));
        }
        if !lost.missing.is_empty() {
            names.push(format!(
                "{} in the {from_lang} not found in the {to_lang}",
                lost.missing.join(", ")
            ));
            name_marks.extend(lost.missing);
        }
        for (here, there) in lost.misspelt {
            // The same typo is seen from both sides.
            if !misspelt.iter().any(|(a, b)| *a == there && *b == here) {
                names.push(format!(
                    "{here} in the {from_lang} is spelt {there} in the {to_lang}"
                ));
                name_marks.extend([here.clone(), there.clone()]);
                misspelt.push((here, there));
            }
        }
    }
    let mut out = Vec::new();
    for (kind, notes, marks) in [
        (FlagKind::NumberMismatch, numbers, number_marks),
        (FlagKind::NameMissing, names, name_marks),
    ] {
        if !notes.is_empty() {
            out.push(Flag {
                kind,
                note: notes.join("; "),
                marks,
            });
        }
    }
    out
}

pub(crate) fn language_name(lang: &Lang) -> &str {
    match lang {
        Lang::Id => "Indonesian",
        Lang::En => "English",
        Lang::Other(tag) => tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_lines;

    fn flags_of(src: &str, tgt: &str) -> Vec<Vec<&'static str>> {
        reviewed(src, tgt)
            .iter()
            .map(|b| b.flags.iter().map(Flag::code).collect())
            .collect()
    }

    /// Line k of `src` paired with line k of `tgt`, reviewed.
    fn reviewed(src: &str, tgt: &str) -> Vec<Reviewed> {
        let (s, t) = (split_lines(src), split_lines(tgt));
        let lex = Lexicon::builtin_id_en();
        let beads: Vec<Bead> = (0..s.len().max(t.len()))
            .map(|k| Bead {
                src: k.min(s.len())..(k + 1).min(s.len()),
                tgt: k.min(t.len())..(k + 1).min(t.len()),
                cost: 0.0,
                confidence: 0.99,
            })
            .collect();
        let cx = Context {
            src: &s,
            tgt: &t,
            src_lang: &Lang::Id,
            tgt_lang: &Lang::En,
            lexicon: lex,
        };
        review(beads, &cx)
    }

    /// A file with no full stops is one long "sentence": a pair of them,
    /// thousands of names each, is reviewed in linear time (the checks that
    /// compare each name with each word stand down), and still flags.
    #[test]
    fn a_long_pair_full_of_names() {
        let names = |seed: u32, word: &str| -> String {
            (0..20_000u32)
                .map(|k| {
                    let mut n = k.wrapping_mul(2_654_435_761).wrapping_add(seed) % 100_000;
                    let mut name = String::from("Nama");
                    while n > 0 {
                        name.push(char::from(b'a' + (n % 26) as u8));
                        n /= 26;
                    }
                    format!("{word} {name} ")
                })
                .collect()
        };
        let got = flags_of(&names(1, "berkata"), &names(2, "reported"));
        assert_eq!(got, [vec!["name_missing"]]);
    }

    /// A name both sides introduced before may come back as a pronoun on
    /// one side; dropped with no pronoun in its place, or on its first
    /// mention, it is still flagged.
    #[test]
    fn a_name_referred_back_to_by_a_pronoun_passes() {
        let intro_id = "Direktur Hendarto membuka rapat pagi itu.\n";
        let intro_en = "Director Hendarto opened the meeting that morning.\n";
        let got = flags_of(
            &format!("{intro_id}Menurut Hendarto, tarif akan turun.\n"),
            &format!("{intro_en}Fares will fall, he said.\n"),
        );
        assert_eq!(got, [Vec::<&str>::new(), vec![]]);
        let got = flags_of(
            &format!("{intro_id}Menurut Hendarto, tarif akan turun.\n"),
            &format!("{intro_en}Fares will fall.\n"),
        );
        assert_eq!(got, [Vec::<&str>::new(), vec!["name_missing"]]);
        let got = flags_of(
            "Menurut Hendarto, tarif akan turun.\n",
            "Fares will fall, he said.\n",
        );
        assert_eq!(got, [vec!["name_missing"]]);
    }

    /// A title-case headline keeps its prepositions in lower case, and a
    /// dateline is the outlet's: neither's capitalised words are names.
    #[test]
    fn headline_and_dateline_words_are_not_names() {
        let got = flags_of(
            "Warga Kota Targetkan Panen Raya hingga Akhir Maret\nMEDAN, KABARDELI.com - Warga Medan memanen padi di sawah.\n",
            "Residents Aim for a Big Harvest by End of March\nResidents of Medan harvested rice in the fields.\n",
        );
        assert_eq!(got, [Vec::<&str>::new(), vec![]]);
    }

    /// `Mar.` after a rank is the marines, not March; `Mar. 3` is March.
    #[test]
    fn a_month_abbreviation_counts_beside_a_number() {
        let got = flags_of(
            "Komandan Kol. Mar. Hendra tiba di lokasi.\nRapat digelar 3 Mar. lalu.\n",
            "Marine Col. Hendra arrived at the site.\nThe meeting was held recently.\n",
        );
        assert_eq!(got, [Vec::<&str>::new(), vec!["number_mismatch"]]);
    }

    /// The article's year after a month is left implied by a translation
    /// that names the month; another year there, or a year of a name, is not.
    #[test]
    fn the_articles_own_year_may_be_left_implied() {
        let intro_id = "Inflasi 2026 diperkirakan rendah.\n";
        let intro_en = "Inflation in 2026 is expected to stay low.\n";
        let got = flags_of(
            &format!("{intro_id}Cadangan naik pada akhir Juli 2026.\nAnggaran 2026 naik.\n"),
            &format!("{intro_en}Reserves rose at the end of July.\nThe budget rose.\n"),
        );
        assert_eq!(got, [Vec::<&str>::new(), vec![], vec!["number_mismatch"]]);
        let got = flags_of(
            &format!("{intro_id}Cadangan naik pada akhir Juli 2026.\n"),
            &format!("{intro_en}Reserves rose at the end of July 2025.\n"),
        );
        assert_eq!(got, [Vec::<&str>::new(), vec!["number_mismatch"]]);
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

    /// What a flag's note names is marked: the missing figures and names,
    /// and both spellings of a typo.
    #[test]
    fn flags_carry_what_to_mark() {
        let beads = reviewed(
            "Harga gandum naik 3.000 peso di Valladolid minggu ini, kata Budi.\n",
            "Wheat prices rose 300 pesos in Volladolid this week, Budi said.\n",
        );
        let marks: Vec<&str> = beads[0]
            .flags
            .iter()
            .flat_map(|f| &f.marks)
            .map(String::as_str)
            .collect();
        assert_eq!(
            marks,
            ["3.000", "300", "Valladolid", "Volladolid"],
            "{:?}",
            beads[0].flags
        );
    }

    /// A name missing on each side is one flag, whose note names both.
    #[test]
    fn one_flag_a_kind_in_a_pair() {
        let beads = reviewed(
            "Budi bertemu Siti di Surabaya kemarin.\n",
            "Budi met Anwar in Surabaya yesterday.\n",
        );
        let names: Vec<&Flag> = beads[0]
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::NameMissing)
            .collect();
        assert_eq!(names.len(), 1, "{:?}", beads[0].flags);
        assert!(
            names[0].note.contains("Siti") && names[0].note.contains("Anwar"),
            "{}",
            names[0].note
        );
    }

    #[test]
    fn a_quotation_over_two_sentences_a_bracketed_date_and_inline_markers_pass() {
        let got = flags_of(
            "“Biasanya saya dapat kiriman tiap hari.\nItu pun sebagian sudah busuk,” kata Sutarmi, Senin (24/2).\nIa menetapkan dua prioritas, yakni 1) menjaga harga dan 2) menambah stok (tahap 2) bulan depan.\n",
            "“Normally I get deliveries every day.\nEven then, some of it is already rotten,” Sutarmi said on Monday.\nShe set two priorities: keeping prices steady and adding stock next month in a second phase.\n",
        );
        assert!(
            got.iter()
                .all(|f| !f.contains(&"quote_mismatch") && !f.contains(&"number_mismatch")),
            "{got:?}"
        );
    }

    #[test]
    fn unaligned_untranslated_and_quotes() {
        let got = flags_of(
            "Dia berkata “kami siap bekerja sama dengan semua pihak kemarin.\nIni kalimat yang sama sekali belum diterjemahkan.\n",
            "He said “we are ready to work with all parties” yesterday.\nIni kalimat yang sama sekali belum diterjemahkan.\nAn extra line.\n",
        );
        assert_eq!(got[0], ["quote_mismatch"]);
        assert_eq!(got[1], ["untranslated"]);
        assert_eq!(got[2], ["unaligned"]);
    }
}
