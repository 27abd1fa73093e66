//! Sentence splitting against Universal Dependencies PUD (`../shared/data/ud-pud`):
//! each document's gold sentences are joined by one space and split again;
//! boundary F1 pooled over the documents must reach the floor of each
//! language. `cargo test --release --test ud_pud -- --nocapture` prints the
//! scores and the first errors.

mod common;
#[path = "common/pud.rs"]
mod pud;

use std::path::PathBuf;

use selaras::Lang;

/// Errors printed per language.
const SHOW_ERRORS: usize = 15;

fn pud_file(name: &str) -> Option<PathBuf> {
    common::shared("data/ud-pud").map(|dir| dir.join(name))
}

fn check(lang: Lang, file: &str, floor: f64) {
    let Some(path) = pud_file(file) else {
        return;
    };
    let docs = pud::documents(&path);
    let n_sent: usize = docs.iter().map(Vec::len).sum();
    let (p, r, f, errors) = pud::boundary_scores(&lang, &docs);
    eprintln!(
        "{file}: {} documents, {n_sent} sentences; boundary P {p:.4} R {r:.4} F1 {f:.4} \
         (floor {floor}); {} stretches differ",
        docs.len(),
        errors.len()
    );
    for (label, lines) in errors.iter().take(SHOW_ERRORS) {
        eprintln!("  {label}");
        for line in lines {
            eprintln!("    {line}");
        }
    }
    if errors.len() > SHOW_ERRORS {
        eprintln!("  … {} more", errors.len() - SHOW_ERRORS);
    }
    assert!(f >= floor, "{file}: boundary F1 {f:.4} < {floor}");
}

#[test]
#[ignore = "needs ../shared/data/ud-pud; run with --include-ignored (CI does)"]
fn indonesian_boundaries() {
    check(Lang::Id, "id_pud-ud-test.conllu", 0.993);
}

#[test]
#[ignore = "needs ../shared/data/ud-pud; run with --include-ignored (CI does)"]
fn english_boundaries() {
    check(Lang::En, "en_pud-ud-test.conllu", 0.999);
}

/// Both sides give the same documents, with the same number of sentences each
/// (the grouping by `sent_id` prefix agrees with the English `# newdoc id`,
/// which the parser checks).
#[test]
#[ignore = "needs ../shared/data/ud-pud; run with --include-ignored (CI does)"]
fn documents_agree_across_languages() {
    let (Some(id), Some(en)) = (
        pud_file("id_pud-ud-test.conllu"),
        pud_file("en_pud-ud-test.conllu"),
    ) else {
        return;
    };
    let id = pud::documents(&id);
    let en = pud::documents(&en);
    let sizes = |docs: &[Vec<String>]| docs.iter().map(Vec::len).collect::<Vec<_>>();
    assert_eq!(sizes(&id), sizes(&en));
    assert_eq!(id.len(), 397);
    assert_eq!(sizes(&id).iter().sum::<usize>(), 1000);
}

#[test]
fn parser_groups_and_joins() {
    let conllu = "# newdoc id = w01001\n# sent_id = w01001001\n# text = One.\n1\tOne\n\n\
                  # sent_id = w01001002\n# text_en = ignored\n# text = Two.\n1\tTwo\n\n\
                  # newdoc id = w01002\n# sent_id = w01002001\n# text = Three.\n1\tThree\n";
    let docs = pud::parse(conllu).unwrap();
    assert_eq!(docs, [vec!["One.", "Two."], vec!["Three."]]);
    let (text, spans) = pud::join(&docs[0]);
    assert_eq!(text, "One. Two.");
    assert_eq!(spans, [0..4, 5..9]);
    // A `# newdoc id` that disagrees with the sent_id prefix is an error.
    assert!(pud::parse("# newdoc id = x\n# sent_id = w01001001\n# text = A.\n").is_err());
}
