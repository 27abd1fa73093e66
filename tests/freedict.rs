//! `scripts/freedict-to-dict.py` on a hand-made dictd pair
//! (`tests/data/freedict/test-eng-ind.{index,dict}`, written for this test,
//! not taken from FreeDict): its output parses as a `--dict` word list and
//! holds exactly the pairs it should.

mod common;

use std::process::Command;

use selaras::Lexicon;

fn convert(args: &[&str]) -> Option<std::process::Output> {
    let root = common::root();
    let run = Command::new("python3")
        .arg(root.join("scripts/freedict-to-dict.py"))
        .args(args)
        .current_dir(&root)
        .output();
    match run {
        Ok(out) => Some(out),
        Err(e) => {
            common::absent(&format!("python3 does not run ({e})"));
            None
        }
    }
}

#[test]
#[ignore = "needs python3; run with --include-ignored (CI does)"]
fn converter_output_parses_as_a_dict() {
    let Some(out) = convert(&["tests/data/freedict/test-eng-ind.index", "--reverse"]) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The licence travels in a comment header.
    assert!(text.starts_with("# ind<TAB>eng word pairs"), "{text}");
    assert!(text.contains("\n# Licence of the dictionary"), "{text}");
    let lex = Lexicon::parse(&text).unwrap();
    // Sense 1 loses its note in brackets, sense 2's two-word gloss is dropped.
    assert_eq!(lex.translations("besar"), ["big"]);
    assert_eq!(lex.translations("raya"), ["big"]);
    assert_eq!(lex.translations("agung"), ["big"]);
    assert_eq!(lex.translations("rumah"), ["house"]);
    assert_eq!(lex.translations("wisma"), ["house"]);
    // Gone: a word the same on both sides, a suffix entry, a function word.
    assert!(lex.translations("house").is_empty());
    assert!(lex.translations("bangsa").is_empty());
    assert!(lex.translations("sang").is_empty());
    assert_eq!(lex.len(), 5);
}

#[test]
#[ignore = "needs python3; run with --include-ignored (CI does)"]
fn converter_keeps_the_dictionary_direction_without_reverse() {
    let Some(out) = convert(&["tests/data/freedict/test-eng-ind"]) else {
        return;
    };
    assert!(out.status.success());
    let lex = Lexicon::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let mut big = lex.translations("big").to_vec();
    big.sort();
    assert_eq!(big, ["agung", "besar", "raya"]);
    assert!(lex.translations("besar").is_empty());
}

#[test]
#[ignore = "needs python3; run with --include-ignored (CI does)"]
fn converter_names_the_package_when_files_are_missing() {
    let Some(out) = convert(&["eng-ind", "--dictd-dir", "tests/data/freedict/absent"]) else {
        return;
    };
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("apt install dict-freedict-eng-ind"), "{err}");
    assert!(out.stdout.is_empty());
}
