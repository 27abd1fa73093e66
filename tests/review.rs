//! QA flags on the project's corpora: every deliberate difference a corpus
//! README names is flagged, every equivalence it names passes unflagged, and
//! flags stay rare on the pairs the aligner got right.

mod common;

use common::{read, root, shared};
use selaras::{Bead, Config, Document, Lang, Reviewed, align_documents};

/// The corpora the flag rules were written against.
const CORPORA: [&str; 3] = ["banjir-semarang", "ekspor-nikel", "festival-film"];
/// Corpora written after the rules, as held-out stand-ins: their deliberate
/// differences are checked, and their equivalences as a share (some
/// translated acronyms and names are still flagged).
const HELD_OUT: [&str; 168] = [
    "abstrak-jurnal",
    "apbd-kaltim",
    "apbn-tabel-tab",
    "bahasa-daerah-sunda",
    "banjir-bandang",
    "banjir-jakarta-longgar",
    "banjir-posko-pengungsi",
    "banjir-rob-live",
    "beasiswa-faq",
    "berita-daerah-ntt",
    "biografi-tokoh",
    "bpjs-longgar",
    "budaya-reog",
    "bulu-tangkis-final",
    "bursa-saham",
    "cek-fakta-whatsapp",
    "cerpen-koran",
    "cms-ekonomi-digital",
    "cuaca-ekstrem",
    "cuaca-maritim",
    "dagang-as",
    "dasbor-provinsi",
    "ekspor-kopi",
    "erupsi-lewotobi",
    "esai-foto",
    "esports-mpl",
    "festival-budaya-longgar",
    "fitur-paragraf-pindah",
    "gempa-bmkg-peringatan",
    "gempa-cianjur-update",
    "gempa-sulbar",
    "gempa-susulan",
    "gunung-api-longgar",
    "haji-kuota",
    "harga-beras",
    "harga-cabai-iklan",
    "hasil-pertandingan",
    "hitung-cepat-pemilu",
    "hoaks-penarikan-uang-100-ribu",
    "hujan-es-email",
    "iklim-satuan",
    "imbauan-kedutaan",
    "indonesia-masters",
    "inflasi-daerah",
    "insiden-penerbangan",
    "investigasi-tambang-panjang",
    "jadwal-festival",
    "jadwal-kereta",
    "kabar-singkat",
    "kapal-kargo",
    "kapal-tenggelam",
    "kasus-korupsi-longgar",
    "kebakaran-hutan",
    "kebakaran-pasar",
    "kecelakaan-tol",
    "keluhan-konsumen",
    "keracunan-mbg",
    "kereta-cepat",
    "kesehatan-dbd-posyandu",
    "kesehatan-diabetes",
    "kesehatan-jantung",
    "kesehatan-obat-bpom",
    "keterbukaan-informasi",
    "kisah-warga-ellipsis",
    "klasemen-liga",
    "konferensi-pers-transkrip",
    "konser-longgar",
    "konser-setlist",
    "kuliner-ramadan",
    "kurs-jisdor",
    "kutipan-inggris",
    "laba-kuartalan",
    "lahar-longgar",
    "laporan-bernomor",
    "laporan-investigasi",
    "laporan-keuangan",
    "laporan-keuangan-tabel",
    "lebaran-mudik-h7",
    "liga-voli",
    "linimasa-banjir",
    "maulid-nabi-kebijakan",
    "motogp-mandalika",
    "narkoba-polisi",
    "naskah-berita-tv",
    "obituari-seniman",
    "opini-kolom",
    "opini-panjang",
    "opini-subsidi",
    "pameran-museum",
    "panduan-aplikasi",
    "panduan-utbk",
    "panen-padi",
    "pariwisata-bali-longgar",
    "pasar-modal-ipo",
    "pdf-laporan-bank-dunia",
    "pelabuhan-longgar",
    "pembaruan-langsung",
    "pemilu-rekapitulasi",
    "pencurian-motor",
    "pendidikan-guru-longgar",
    "pendidikan-zonasi",
    "pengumuman-cpns",
    "pengumuman-lomba",
    "penipuan-online",
    "penjelasan-tapera",
    "pertemuan-asean",
    "petisi-lingkungan",
    "pilkada-debat",
    "pilkada-longgar",
    "pilkada-sengketa",
    "polemik-tarif-ojol",
    "ponsel-rilis",
    "portal-properti-kpr",
    "profil-calon",
    "promosi-wisata-danau",
    "putusan-mk-uji-materi",
    "rapat-dpr-kutipan",
    "regulasi-kripto",
    "reportase-bahasa-jawa",
    "resensi-buku-pesisir-demak",
    "resensi-film",
    "resep-kuliner",
    "rilis-kepolisian",
    "ringkasan-khutbah",
    "ringkasan-padat",
    "ringkasan-putusan",
    "riset-brin-terumbu",
    "rumah-sakit-dokter",
    "rupiah-melemah-wire",
    "saham-pekanan",
    "sains-gerhana",
    "sawit-longgar",
    "sepak-bola-liga",
    "sepak-bola-menit",
    "sepak-bola-wire",
    "siaran-pers",
    "siaran-pers-kementerian",
    "sidang-korupsi",
    "sidang-mk",
    "spesies-cicak-baru",
    "startup-campur-kode",
    "startup-ekspansi-longgar",
    "startup-pendanaan",
    "startup-phk",
    "stunting-longgar",
    "suku-bunga-bi",
    "surat-pembaca",
    "tambang-ilegal",
    "tanya-dokter",
    "tarif-impor-longgar",
    "teknologi-ai",
    "teknologi-chip",
    "tender-proyek",
    "tilang-elektronik",
    "timnas-longgar",
    "tips-mudik",
    "transfer-sepak-bola",
    "transkrip-podcast",
    "utas-sidang",
    "uu-perlindungan-data",
    "vaksin-dengue",
    "viral-media-sosial",
    "vonis-hakim",
    "wawancara-atlet",
    "wawancara-menteri",
    "wawancara-tj",
    "wisata-labuan-bajo",
    "wisata-listikel",
];

type Ladder = (Vec<usize>, Vec<usize>);

/// The beads that open the list items (`` - `[a, b]:[c]` — … ``) of the
/// README section `heading`; beads named after the dash are the item's
/// neighbours, not the item.
fn listed(readme: &str, heading: &str) -> Vec<Ladder> {
    let section = readme
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("no '{heading}' section"));
    let section = section.split("\n#").next().unwrap_or("");
    let mut out = Vec::new();
    for item in section.lines().filter_map(|l| l.strip_prefix("- ")) {
        let head = item.split(" — ").next().unwrap_or("");
        for piece in head.split('`').skip(1).step_by(2) {
            if let Ok(mut beads) = selaras::eval::read_ladder(piece)
                && piece.starts_with('[')
                && piece.contains("]:[")
            {
                out.append(&mut beads);
            }
        }
    }
    out
}

fn as_ladder(b: &Bead) -> Ladder {
    (b.src.clone().collect(), b.tgt.clone().collect())
}

fn aligned(name: &str) -> Vec<Reviewed> {
    let dir = root().join("corpora").join(name);
    let id = Document::new(read(&dir.join("id.txt")), Lang::Id, false);
    let en = Document::new(read(&dir.join("en.txt")), Lang::En, false);
    align_documents(&id, &en, &Config::default())
}

#[test]
fn deliberate_differences_are_flagged() {
    let (mut all_missed, mut all_listed) = (0, 0);
    for name in CORPORA.into_iter().chain(HELD_OUT) {
        let readme = read(&root().join("corpora").join(name).join("README.md"));
        let beads = aligned(name);
        let deliberate = listed(&readme, "### Deliberate differences");
        assert!(
            !deliberate.is_empty(),
            "{name}: no deliberate differences listed"
        );
        let mut missed = 0;
        for (src, tgt) in &deliberate {
            // A difference the aligner does not find as such (a merge split
            // into right-looking 1-1 pairs, an omission paired with an
            // English-only sentence) is an alignment miss, which
            // `tests/corpora.rs` holds at a floor.
            let found = beads
                .iter()
                .any(|b| as_ladder(b) == (src.clone(), tgt.clone()));
            if !found {
                eprintln!("{name}: {src:?}:{tgt:?} not aligned so (an alignment miss)");
                missed += 1;
                continue;
            }
            let flagged = |pick: fn(&Bead) -> std::ops::Range<usize>, i: &usize| {
                beads
                    .iter()
                    .any(|b| pick(b).contains(i) && !b.flags.is_empty())
            };
            for i in src {
                assert!(
                    flagged(|b| b.src.clone(), i),
                    "{name}: source sentence {i} of {src:?}:{tgt:?} is in no flagged pair"
                );
            }
            for j in tgt {
                assert!(
                    flagged(|b| b.tgt.clone(), j),
                    "{name}: target sentence {j} of {src:?}:{tgt:?} is in no flagged pair"
                );
            }
        }
        eprintln!(
            "{name}: {} deliberate differences, all flagged but {missed} not aligned so",
            deliberate.len()
        );
        all_missed += missed;
        all_listed += deliberate.len();
    }
    // Pooled: one hard corpus may miss more than a quarter on its own.
    eprintln!("all corpora: {all_missed} of {all_listed} deliberate differences not aligned so");
    assert!(
        all_missed * 4 <= all_listed,
        "{all_missed} of {all_listed} listed differences not aligned so"
    );
}

#[test]
fn equivalences_pass_unflagged() {
    for name in CORPORA {
        let readme = read(&root().join("corpora").join(name).join("README.md"));
        let beads = aligned(name);
        for want in listed(&readme, "### Equivalences") {
            let got = beads.iter().find(|b| as_ladder(b) == want);
            let got = got.unwrap_or_else(|| panic!("{name}: {want:?} is not aligned so"));
            let codes: Vec<&str> = got.flags.iter().map(|f| f.code()).collect();
            assert!(codes.is_empty(), "{name}: {want:?} is flagged {codes:?}");
        }
    }
}

/// On the held-out corpora the listed equivalences mostly pass too: at most
/// one in five carries a flag (acronyms and names translated by what they
/// are, `Istora`, `Whoosh` → "the trains", are not all known).
#[test]
fn held_out_equivalences_mostly_pass() {
    let (mut listed_all, mut flagged) = (0, 0);
    for name in HELD_OUT {
        let readme = read(&root().join("corpora").join(name).join("README.md"));
        let beads = aligned(name);
        for want in listed(&readme, "### Equivalences") {
            listed_all += 1;
            if let Some(got) = beads.iter().find(|b| as_ladder(b) == want)
                && !got.flags.is_empty()
            {
                flagged += 1;
                let codes: Vec<&str> = got.flags.iter().map(|f| f.code()).collect();
                eprintln!("{name}: equivalence {want:?} flagged {codes:?}");
            }
        }
    }
    eprintln!("held-out corpora: {flagged} of {listed_all} listed equivalences flagged");
    assert!(listed_all >= 50, "only {listed_all} equivalences listed");
    assert!(
        flagged * 5 <= listed_all,
        "{flagged} of {listed_all} equivalences flagged"
    );
}

type Run = (String, Vec<Reviewed>, Vec<Ladder>);

/// Each corpus aligned, with its gold ladder.
fn corpus_runs() -> Vec<Run> {
    CORPORA
        .iter()
        .map(|name| {
            let gold = read(&root().join("corpora").join(name).join("gold.ladder"));
            (
                name.to_string(),
                aligned(name),
                selaras::eval::read_ladder(&gold).unwrap(),
            )
        })
        .collect()
}

/// Fewer than one in ten right 1-1 pairs carry a flag.
fn assert_flags_rare(runs: &[Run]) {
    let (mut right, mut flagged) = (0, 0);
    for (name, beads, gold) in runs {
        for b in beads
            .iter()
            .filter(|b| b.src.len() == 1 && b.tgt.len() == 1 && gold.contains(&as_ladder(b)))
        {
            right += 1;
            if !b.flags.is_empty() {
                flagged += 1;
                eprintln!(
                    "{name}: right pair {:?} flagged {:?}",
                    as_ladder(b),
                    b.flags
                );
            }
        }
    }
    eprintln!("{flagged} of {right} right 1-1 pairs flagged");
    assert!(right >= 50, "only {right} right 1-1 pairs to judge by");
    assert!(
        flagged * 10 < right,
        "{flagged} of {right} right 1-1 pairs flagged"
    );
}

/// Flags stay rare on the right pairs of the corpora.
#[test]
fn flags_are_rare_on_right_pairs() {
    assert_flags_rare(&corpus_runs());
}

/// The same over the corpora and the seed article.
#[test]
#[ignore = "needs ../shared/seeds; run with --include-ignored (CI does)"]
fn flags_are_rare_on_right_pairs_with_the_seed_article() {
    let Some(seeds) = shared("seeds") else {
        return;
    };
    let mut runs = corpus_runs();
    let id = Document::new(
        read(&seeds.join("000_f63ce8f85d825361.txt")),
        Lang::Id,
        false,
    );
    let en = Document::new(read(&root().join("corpora/seed/en.txt")), Lang::En, false);
    let gold = read(&root().join("corpora/seed/gold.ladder"));
    runs.push((
        "seed".into(),
        align_documents(&id, &en, &Config::default()),
        selaras::eval::read_ladder(&gold).unwrap(),
    ));
    assert_flags_rare(&runs);
}
