//! Regression tests on the project's own article pairs in `corpora/`: the
//! splitter reproduces the gold split, and alignment stays above an F1 floor.

mod common;

use common::{read, root, score, shared};
use selaras::{Config, Document, Lang, align_documents, document_warnings};

/// Corpus name and the strict F1 floor its alignment must keep.
/// All but `banjir-semarang`, `ekspor-nikel` and `festival-film` were written
/// after the aligner, as held-out stand-ins; the hardest (abridged and
/// restructured translations) keep known misses (their READMEs).
const CORPORA: [(&str, f64); 171] = [
    ("abstrak-jurnal", 0.95),
    ("apbd-kaltim", 0.95),
    ("apbn-tabel-tab", 0.65),
    ("bahasa-daerah-sunda", 0.95),
    ("banjir-bandang", 0.95),
    ("banjir-jakarta-longgar", 0.80),
    ("banjir-posko-pengungsi", 0.95),
    ("banjir-rob-live", 0.95),
    ("banjir-semarang", 0.95),
    ("beasiswa-faq", 0.90),
    ("berita-daerah-ntt", 0.95),
    ("biografi-tokoh", 0.95),
    ("bpjs-longgar", 0.90),
    ("budaya-reog", 0.90),
    ("bulu-tangkis-final", 0.95),
    ("bursa-saham", 0.95),
    ("cek-fakta-whatsapp", 0.90),
    ("cerpen-koran", 0.95),
    ("cms-ekonomi-digital", 0.95),
    ("cuaca-ekstrem", 0.95),
    ("cuaca-maritim", 0.95),
    ("dagang-as", 0.95),
    ("dasbor-provinsi", 0.95),
    ("ekspor-kopi", 0.95),
    ("ekspor-nikel", 0.95),
    ("erupsi-lewotobi", 0.90),
    ("esai-foto", 0.95),
    ("esports-mpl", 0.95),
    ("festival-budaya-longgar", 0.85),
    ("festival-film", 0.95),
    ("fitur-paragraf-pindah", 0.95),
    ("gempa-bmkg-peringatan", 0.90),
    ("gempa-cianjur-update", 0.90),
    ("gempa-sulbar", 0.90),
    ("gempa-susulan", 0.85),
    ("gunung-api-longgar", 0.90),
    ("haji-kuota", 0.95),
    ("harga-beras", 0.95),
    ("harga-cabai-iklan", 0.95),
    ("hasil-pertandingan", 0.95),
    ("hitung-cepat-pemilu", 0.95),
    ("hoaks-penarikan-uang-100-ribu", 0.90),
    ("hujan-es-email", 0.90),
    ("iklim-satuan", 0.95),
    ("imbauan-kedutaan", 0.95),
    ("indonesia-masters", 0.95),
    ("inflasi-daerah", 0.95),
    ("insiden-penerbangan", 0.95),
    ("investigasi-tambang-panjang", 0.75),
    ("jadwal-festival", 0.95),
    ("jadwal-kereta", 0.95),
    ("kabar-singkat", 0.95),
    ("kapal-kargo", 0.95),
    ("kapal-tenggelam", 0.85),
    ("kasus-korupsi-longgar", 0.90),
    ("kebakaran-hutan", 0.85),
    ("kebakaran-pasar", 0.95),
    ("kecelakaan-tol", 0.95),
    ("keluhan-konsumen", 0.95),
    ("keracunan-mbg", 0.85),
    ("kereta-cepat", 0.95),
    ("kesehatan-dbd-posyandu", 0.95),
    ("kesehatan-diabetes", 0.95),
    ("kesehatan-jantung", 0.95),
    ("kesehatan-obat-bpom", 0.90),
    ("keterbukaan-informasi", 0.95),
    ("kisah-warga-ellipsis", 0.95),
    ("klasemen-liga", 0.95),
    ("konferensi-pers-transkrip", 0.95),
    ("konser-longgar", 0.85),
    ("konser-setlist", 0.95),
    ("kuliner-ramadan", 0.90),
    ("kurs-jisdor", 0.95),
    ("kutipan-inggris", 0.95),
    ("laba-kuartalan", 0.95),
    ("lahar-longgar", 0.85),
    ("laporan-bernomor", 0.95),
    ("laporan-investigasi", 0.90),
    ("laporan-keuangan", 0.95),
    ("laporan-keuangan-tabel", 0.90),
    ("lebaran-mudik-h7", 0.95),
    ("liga-voli", 0.80),
    ("linimasa-banjir", 0.95),
    ("maulid-nabi-kebijakan", 0.95),
    ("motogp-mandalika", 0.95),
    ("narkoba-polisi", 0.90),
    ("naskah-berita-tv", 0.90),
    ("obituari-seniman", 0.95),
    ("opini-kolom", 0.95),
    ("opini-panjang", 0.90),
    ("opini-subsidi", 0.95),
    ("pameran-museum", 0.95),
    ("panduan-aplikasi", 0.95),
    ("panduan-utbk", 0.95),
    ("panen-padi", 0.95),
    ("pariwisata-bali-longgar", 0.85),
    ("pasar-modal-ipo", 0.95),
    ("pdf-laporan-bank-dunia", 0.95),
    ("pelabuhan-longgar", 0.85),
    ("pembaruan-langsung", 0.95),
    ("pemilu-rekapitulasi", 0.80),
    ("pencurian-motor", 0.90),
    ("pendidikan-guru-longgar", 0.75),
    ("pendidikan-zonasi", 0.95),
    ("pengumuman-cpns", 0.85),
    ("pengumuman-lomba", 0.90),
    ("penipuan-online", 0.95),
    ("penjelasan-tapera", 0.90),
    ("pertemuan-asean", 0.95),
    ("petisi-lingkungan", 0.95),
    ("pilkada-debat", 0.90),
    ("pilkada-longgar", 0.80),
    ("pilkada-sengketa", 0.95),
    ("polemik-tarif-ojol", 0.95),
    ("ponsel-rilis", 0.95),
    ("portal-properti-kpr", 0.95),
    ("profil-calon", 0.95),
    ("promosi-wisata-danau", 0.95),
    ("putusan-mk-uji-materi", 0.95),
    ("rapat-dpr-kutipan", 0.95),
    ("regulasi-kripto", 0.95),
    ("reportase-bahasa-jawa", 0.95),
    ("resensi-buku-pesisir-demak", 0.90),
    ("resensi-film", 0.95),
    ("resep-kuliner", 0.90),
    ("rilis-kepolisian", 0.90),
    ("ringkasan-khutbah", 0.95),
    ("ringkasan-padat", 0.85),
    ("ringkasan-putusan", 0.95),
    ("riset-brin-terumbu", 0.95),
    ("rumah-sakit-dokter", 0.95),
    ("rupiah-melemah-wire", 0.95),
    ("saham-pekanan", 0.95),
    ("sains-gerhana", 0.90),
    ("sawit-longgar", 0.80),
    ("sepak-bola-liga", 0.90),
    ("sepak-bola-menit", 0.90),
    ("sepak-bola-wire", 0.95),
    ("siaran-pers", 0.95),
    ("siaran-pers-kementerian", 0.95),
    ("sidang-korupsi", 0.95),
    ("sidang-mk", 0.95),
    ("spesies-cicak-baru", 0.95),
    ("startup-campur-kode", 0.95),
    ("startup-ekspansi-longgar", 0.95),
    ("startup-pendanaan", 0.95),
    ("startup-phk", 0.90),
    ("stunting-longgar", 0.90),
    ("suku-bunga-bi", 0.95),
    ("surat-pembaca", 0.85),
    ("tambang-ilegal", 0.90),
    ("tanya-dokter", 0.95),
    ("tarif-impor-longgar", 0.90),
    ("teknologi-ai", 0.95),
    ("teknologi-chip", 0.95),
    ("tender-proyek", 0.90),
    ("tilang-elektronik", 0.85),
    ("timnas-longgar", 0.75),
    ("tips-mudik", 0.95),
    ("transfer-sepak-bola", 0.95),
    ("transkrip-podcast", 0.90),
    ("utas-sidang", 0.95),
    ("uu-perlindungan-data", 0.95),
    ("vaksin-dengue", 0.95),
    ("viral-media-sosial", 0.90),
    ("vonis-hakim", 0.95),
    ("wawancara-atlet", 0.95),
    ("wawancara-menteri", 0.95),
    ("wawancara-tj", 0.95),
    ("wisata-labuan-bajo", 0.95),
    ("wisata-listikel", 0.95),
];

fn split_as_text(doc: &Document) -> String {
    let mut out = String::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        if k > 0 && doc.sentences[k - 1].paragraph != s.paragraph {
            out.push('\n');
        }
        out.push_str(&s.text);
        out.push('\n');
    }
    out
}

#[test]
fn splitter_reproduces_gold_split() {
    for (name, _) in CORPORA {
        for (lang, code) in [(Lang::Id, "id"), (Lang::En, "en")] {
            let dir = root().join("corpora").join(name);
            let doc = Document::new(read(&dir.join(format!("{code}.txt"))), lang, false);
            let gold = read(&dir.join(format!("{code}.split")));
            assert_eq!(
                split_as_text(&doc).trim_end(),
                gold.trim_end(),
                "{name}/{code}.txt splits differently from {code}.split"
            );
        }
    }
}

/// A news page copied one paragraph a line, without blank lines between
/// them (headline, credit, dateline lead, `Baca juga:` links), splits and
/// aligns as the same page with blank lines does.
#[test]
fn a_page_without_blank_lines_aligns_the_same() {
    let dense = |path: &std::path::Path| -> String {
        read(path)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect()
    };
    for (name, _) in CORPORA {
        let dir = root().join("corpora").join(name);
        let load = |file: &str, lang: Lang, text: String| {
            let doc = Document::new(text, lang, false);
            assert!(!doc.sentences.is_empty(), "{name}/{file}");
            doc
        };
        let id = load("id.txt", Lang::Id, read(&dir.join("id.txt")));
        let en = load("en.txt", Lang::En, read(&dir.join("en.txt")));
        let id_dense = load("id.txt", Lang::Id, dense(&dir.join("id.txt")));
        let en_dense = load("en.txt", Lang::En, dense(&dir.join("en.txt")));
        let texts = |d: &Document| {
            d.sentences
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts(&id_dense),
            texts(&id),
            "{name}: id.txt splits otherwise"
        );
        assert_eq!(
            texts(&en_dense),
            texts(&en),
            "{name}: en.txt splits otherwise"
        );
        let ranges = |beads: Vec<selaras::Reviewed>| {
            beads
                .iter()
                .map(|b| (b.bead.src.clone(), b.bead.tgt.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ranges(align_documents(&id_dense, &en_dense, &Config::default())),
            ranges(align_documents(&id, &en, &Config::default())),
            "{name}: aligns otherwise without blank lines"
        );
    }
}

/// A translation pair draws no warning about the pair as a whole; every
/// pairing of one corpus's article with another's English does, and so do the
/// right files given the wrong way round.
#[test]
fn unrelated_and_swapped_files_are_warned_of() {
    let load = |name: &str, file: &str, lang: Lang| {
        Document::new(
            read(&root().join("corpora").join(name).join(file)),
            lang,
            false,
        )
    };
    for (a, _) in CORPORA {
        for (b, _) in CORPORA {
            let (id, en) = (load(a, "id.txt", Lang::Id), load(b, "en.txt", Lang::En));
            let beads = align_documents(&id, &en, &Config::default());
            let warnings = document_warnings(&id, &en, &beads);
            if a == b {
                assert!(warnings.is_empty(), "{a}: {warnings:?}");
            } else {
                assert!(
                    warnings.iter().any(|w| w.contains("not be translations")),
                    "{a} vs {b}: {warnings:?}"
                );
            }
        }
        let (en, id) = (load(a, "en.txt", Lang::Id), load(a, "id.txt", Lang::En));
        let beads = align_documents(&en, &id, &Config::default());
        let warnings = document_warnings(&en, &id, &beads);
        assert!(
            warnings.iter().any(|w| w.contains("swapped")),
            "{a}: {warnings:?}"
        );
    }
}

#[test]
fn alignment_keeps_its_floor() {
    for (name, floor) in CORPORA {
        let dir = root().join("corpora").join(name);
        let id = Document::new(read(&dir.join("id.txt")), Lang::Id, false);
        let en = Document::new(read(&dir.join("en.txt")), Lang::En, false);
        let beads = align_documents(&id, &en, &Config::default());
        let report = score(&read(&dir.join("gold.ladder")), &beads);
        eprintln!(
            "{name}: strict F1 {:.3}, lax F1 {:.3}",
            report.strict.f1, report.lax.f1
        );
        assert!(
            report.strict.f1 >= floor,
            "{name}: strict F1 {:.3} fell below {floor}",
            report.strict.f1
        );
    }
}

/// Beads of a corpus under `cfg`, as (source, target) ranges.
fn shapes(name: &str, cfg: &Config) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let dir = root().join("corpora").join(name);
    let id = Document::new(read(&dir.join("id.txt")), Lang::Id, false);
    let en = Document::new(read(&dir.join("en.txt")), Lang::En, false);
    let beads = align_documents(&id, &en, cfg);
    beads
        .iter()
        .map(|b| (b.src.clone(), b.tgt.clone()))
        .collect()
}

/// Two headlines pair though the translation rewrote every word: their
/// unexplained names make no orphans.
#[test]
fn headlines_pair_though_rewritten() {
    let id = Document::new(
        "Menlu Laksmi Desak Percepatan Kode Etik Laut China Selatan di Pertemuan ASEAN Kuala Lumpur\n\n\
         KUALA LUMPUR - Menteri Luar Negeri Laksmi Wardhani mendesak negara-negara ASEAN mempercepat \
         perundingan kode etik dengan China.\n\nIa berbicara dalam pertemuan para menteri luar negeri \
         ASEAN ke-59.\n"
            .to_string(),
        Lang::Id,
        false,
    );
    let en = Document::new(
        "Indonesia Pushes Southeast Asian Neighbours to Finish Maritime Rulebook With Beijing\n\n\
         KUALA LUMPUR - Foreign Minister Laksmi Wardhani urged ASEAN members to speed up talks on a code \
         of conduct with China.\n\nShe spoke at the 59th meeting of ASEAN foreign ministers.\n"
            .to_string(),
        Lang::En,
        false,
    );
    let beads = align_documents(&id, &en, &Config::default());
    assert_eq!(
        (beads[0].bead.src.clone(), beads[0].bead.tgt.clone()),
        (0..1, 0..1)
    );
}

/// A merge takes a short sentence that shows evidence of its own
/// (`apbd-kaltim`: `… walk out dua fraksi.` → `… after two factions walked
/// out …`) and leaves out one that only echoes what its neighbour finds
/// while its own names and numbers find nothing (`banjir-bandang`: the
/// search sectors, `11 kilometer`, `Desa Banjarsari`). With `merge_evidence`
/// off, both go the other way.
#[test]
fn merges_take_sentences_with_evidence_of_their_own() {
    // At `orphan_cost` 1: at the default 2 the orphan cost alone also
    // leaves the banjir-bandang sentence out.
    let mut on = Config::default();
    on.set("orphan_cost", "1").unwrap();
    let mut off = on.clone();
    off.set("merge_evidence", "1000").unwrap();
    let (with, without) = (shapes("apbd-kaltim", &on), shapes("apbd-kaltim", &off));
    assert!(with.contains(&(2..4, 2..3)));
    assert!(without.contains(&(2..3, 2..3)) && without.contains(&(3..4, 3..3)));
    // With no orphan cost at all: since `tiga sektor` reads as a number,
    // the orphan cost alone keeps the sentence out at 1.
    let (mut on, mut off) = (on, off);
    on.set("orphan_cost", "0").unwrap();
    off.set("orphan_cost", "0").unwrap();
    let (with, without) = (
        shapes("banjir-bandang", &on),
        shapes("banjir-bandang", &off),
    );
    assert!(with.contains(&(13..14, 9..10)) && with.contains(&(14..15, 10..10)));
    assert!(without.contains(&(13..15, 9..10)));
    assert!(shapes("apbd-kaltim", &Config::default()).contains(&(2..4, 2..3)));
    // `Dua jembatan gantung … Desa Banjarsari dan Desa Cikadu juga putus.`
    // alone explains `and two suspension bridges were cut`: it joins the
    // merge although the English dropped its village names.
    let mut off = Config::default();
    off.set("merge_evidence", "1000").unwrap();
    assert!(shapes("banjir-bandang", &Config::default()).contains(&(10..12, 8..9)));
    assert!(shapes("banjir-bandang", &off).contains(&(11..12, 9..9)));
}

/// A condensed merge: `… 312.460 kunjungan … sepanjang 2024` and `Dari
/// jumlah itu, sekitar 41.700 kunjungan …` told as one short English
/// sentence, each finding a number there, keep together although their
/// lengths add up to three times the English; an English sentence added to
/// explain a name its neighbour translates (`BPJS Kesehatan is the state
/// agency that …`) stays apart.
#[test]
fn condensed_merges_keep_together() {
    let mut off = Config::default();
    off.set("condensed_evidence", "1000").unwrap();
    let festival = "festival-budaya-longgar";
    assert!(shapes(festival, &Config::default()).contains(&(19..21, 13..14)));
    assert!(shapes(festival, &off).contains(&(20..21, 14..14)));
    let diabetes = shapes("kesehatan-diabetes", &Config::default());
    assert!(diabetes.contains(&(29..29, 25..26)) && diabetes.contains(&(29..30, 26..27)));
}

#[test]
#[ignore = "needs ../shared/seeds; run with --include-ignored (CI does)"]
fn seed_article_pairs_all_fifteen_units() {
    let Some(seeds) = shared("seeds") else { return };
    let id_text = read(&seeds.join("000_f63ce8f85d825361.txt"));
    let id = Document::new(id_text, Lang::Id, false);
    assert_eq!(
        id.sentences.len(),
        15,
        "seed article: headline, standfirst, 12 paragraphs, Sumber"
    );
    assert!(id.sentences[0].text.starts_with("Korea Selatan mengutuk"));
    assert_eq!(id.sentences[14].text, "Sumber");
    assert!(
        id.sentences
            .iter()
            .any(|s| s.text.contains("bersama. konferensi pers"))
    );

    let dir = root().join("corpora").join("seed");
    let en = Document::new(read(&dir.join("en.txt")), Lang::En, false);
    assert_eq!(en.sentences.len(), 15);
    let beads = align_documents(&id, &en, &Config::default());
    let pairs: Vec<_> = beads
        .iter()
        .map(|b| (b.src.clone(), b.tgt.clone()))
        .collect();
    let expected: Vec<_> = (0..15).map(|k| (k..k + 1, k..k + 1)).collect();
    assert_eq!(pairs, expected);
    assert_eq!(
        score(&read(&dir.join("gold.ladder")), &beads).strict.f1,
        1.0
    );
}
