//! Property tests of the splitter on generated text full of the things that
//! trip splitters: abbreviations, numbers, quotes, ellipses, multi-byte
//! characters. It must never panic, and it must never lose or reorder text.

use proptest::prelude::*;
use selaras::Lang;
use selaras::segment::split_text;

/// Pieces text is built from.
const PIECES: &[&str] = &[
    "kata",
    "Presiden",
    "dia",
    "the",
    "U.S.",
    "A.S.",
    "Dr.",
    "Tn.",
    "dll.",
    "etc.",
    "a.m.",
    "No.",
    "3.000",
    "2,5",
    "10.30",
    "$1,250.50",
    "ke-45",
    "L.P.",
    "J.",
    ".",
    "!",
    "?",
    "?!",
    "...",
    "…",
    "“",
    "”",
    "\"",
    "'",
    "(",
    ")",
    ",",
    ";",
    "b.",
    "1.",
    "•",
    "é",
    "日本",
    "\u{301}",
    "\u{a0}",
    "www.bmkg.go.id",
    "Baca juga:",
    "\n",
    "\n\n",
    " ",
    " ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|parts| {
        parts
            .iter()
            .enumerate()
            .fold(String::new(), |mut s, (k, p)| {
                if k % 2 == 1 {
                    s.push(' ');
                }
                s.push_str(p);
                s
            })
    })
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn splitting_loses_and_reorders_nothing(text in text(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Id };
        let sentences = split_text(&text, &lang);
        let mut last_end = 0;
        for s in &sentences {
            prop_assert!(s.span.start >= last_end, "spans are in order");
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            prop_assert_eq!(squash(&text[s.span.clone()]), squash(&s.text));
            prop_assert!(!s.text.trim().is_empty());
            last_end = s.span.end;
        }
        let joined: String = sentences.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(squash(&joined), squash(&text));
    }
}
