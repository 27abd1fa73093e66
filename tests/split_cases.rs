//! The splitter against the project's own hard cases (`tests/data/split.*.txt`):
//! titles, initials, numbers, lists, quotes, URLs… in Indonesian and English.

mod common;

use common::{read, root};
use selaras::Lang;
use selaras::segment::split_text;

/// (input paragraph, expected sentences) from the case file format:
/// `> input` then one expected sentence a line, cases separated by a blank line.
fn cases(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(input) = line.strip_prefix("> ") {
            out.push((input.to_string(), Vec::new()));
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            out.last_mut()
                .expect("a case starts with '> '")
                .1
                .push(line.to_string());
        }
    }
    out
}

/// At most this share of cases may fail: the rest are known misses, printed.
const MAX_FAIL_SHARE: f64 = 0.025;

fn check(lang: Lang, file: &str, min_cases: usize) {
    let all = cases(&read(&root().join("tests/data").join(file)));
    assert!(all.len() >= min_cases, "{file}: only {} cases", all.len());
    let mut failures = Vec::new();
    for (input, expected) in &all {
        let got: Vec<String> = split_text(input, &lang)
            .into_iter()
            .map(|s| s.text)
            .collect();
        if &got != expected {
            failures.push(format!(
                "  input: {input}\n  want:  {expected:?}\n  got:   {got:?}"
            ));
        }
    }
    eprintln!(
        "{file}: {} of {} cases pass",
        all.len() - failures.len(),
        all.len()
    );
    eprintln!("{}", failures.join("\n\n"));
    let allowed = (all.len() as f64 * MAX_FAIL_SHARE).floor() as usize;
    assert!(
        failures.len() <= allowed,
        "{file}: {} failures, at most {allowed} allowed",
        failures.len()
    );
}

#[test]
fn indonesian_cases() {
    check(Lang::Id, "split.id.txt", 80);
}

#[test]
fn english_cases() {
    check(Lang::En, "split.en.txt", 80);
}

/// Joining the sentences gives back the paragraph, whitespace aside.
#[test]
fn splitting_loses_nothing() {
    for (lang, file) in [(Lang::Id, "split.id.txt"), (Lang::En, "split.en.txt")] {
        for (input, _) in cases(&read(&root().join("tests/data").join(file))) {
            let sentences = split_text(&input, &lang);
            let joined: String = sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&joined), squash(&input), "{input}");
            for s in &sentences {
                assert_eq!(&input[s.span.clone()], s.text, "span of {:?}", s.text);
            }
        }
    }
}
