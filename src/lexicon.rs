//! Word translation lists: the built-in Indonesian–English lexicon
//! (`data/lexicon.id-en.tsv`) and user dictionaries given with `--dict`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lang::Lang;

/// Word pairs, source word → target words, lower case.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    map: HashMap<String, Vec<String>>,
    /// The target-side words, gathered on first use (a `--dict` list has
    /// tens of thousands, and every document pair asks).
    targets: OnceLock<HashSet<String>>,
    /// One side of the pair spells the other's loanwords its own way
    /// (Indonesian: `ekstrem`, `klimatologi`, `teknologi`): cognates are
    /// compared respelt.
    respells_loanwords: bool,
}

impl Lexicon {
    /// Parse `src<TAB>tgt` lines, or hunalign's `tgt @ src` lines (hunalign
    /// writes the target-language word first). `#` starts a comment line.
    /// Multi-word entries are skipped: the aligner matches single words.
    pub fn parse(text: &str) -> Result<Lexicon, (usize, String)> {
        let mut lex = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (src, tgt) = if let Some((s, t)) = line.split_once('\t') {
                (s, t)
            } else if let Some((t, s)) = line.split_once(" @ ") {
                (s, t)
            } else {
                return Err((
                    n + 1,
                    "expected 'source<TAB>target' or hunalign's 'target @ source'".into(),
                ));
            };
            let (src, tgt) = (src.trim().to_lowercase(), tgt.trim().to_lowercase());
            if src.is_empty() || tgt.is_empty() {
                return Err((n + 1, "an entry has an empty side".into()));
            }
            if src.contains(' ') || tgt.contains(' ') {
                continue;
            }
            lex.insert(src, tgt);
        }
        Ok(lex)
    }

    fn insert(&mut self, src: String, tgt: String) {
        self.targets = OnceLock::new();
        let entry = self.map.entry(src).or_default();
        if !entry.contains(&tgt) {
            entry.push(tgt);
        }
    }

    /// The built-in Indonesian → English list.
    pub fn builtin_id_en() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            respells_loanwords: true,
            ..Lexicon::parse(crate::data::LEXICON_ID_EN).expect("built-in lexicon parses")
        })
    }

    /// Whether cognates of this pair are compared respelt as Indonesian
    /// spells loanwords (see `align::overlap`).
    pub fn respells_loanwords(&self) -> bool {
        self.respells_loanwords
    }

    /// The same pairs read the other way.
    pub fn reversed(&self) -> Lexicon {
        let mut out = Lexicon {
            respells_loanwords: self.respells_loanwords,
            ..Lexicon::default()
        };
        for (s, ts) in &self.map {
            for t in ts {
                out.insert(t.clone(), s.clone());
            }
        }
        out
    }

    /// Add every pair of `other`.
    pub fn extend(&mut self, other: &Lexicon) {
        self.respells_loanwords |= other.respells_loanwords;
        for (s, ts) in &other.map {
            for t in ts {
                self.insert(s.clone(), t.clone());
            }
        }
    }

    /// The built-in lexicon oriented from `src` to `tgt`; empty for language
    /// pairs it does not cover.
    pub fn builtin_for(src: &Lang, tgt: &Lang) -> Lexicon {
        match (src, tgt) {
            (Lang::Id, Lang::En) => Lexicon::builtin_id_en().clone(),
            (Lang::En, Lang::Id) => Lexicon::builtin_id_en().reversed(),
            _ => Lexicon::default(),
        }
    }

    /// The target words listed for a source word (lower case).
    pub fn translations(&self, word: &str) -> &[String] {
        self.map.get(word).map_or(&[], Vec::as_slice)
    }

    /// Every source-side word the lexicon knows.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// Every target-side word the lexicon knows.
    pub fn targets(&self) -> &HashSet<String> {
        self.targets
            .get_or_init(|| self.map.values().flatten().cloned().collect())
    }

    /// Whether `word` is the translation of some source word.
    pub fn is_target(&self, word: &str) -> bool {
        self.targets().contains(word)
    }

    /// Number of word pairs.
    pub fn len(&self) -> usize {
        self.map.values().map(Vec::len).sum()
    }

    /// Whether it has no word pairs.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_parse() {
        let lex = Lexicon::parse("# c\nrumah\thouse\nhome @ rumah\nkota besar\tcity\n").unwrap();
        assert_eq!(lex.translations("rumah"), ["house", "home"]);
        assert!(lex.translations("kota").is_empty());
        assert_eq!(lex.reversed().translations("home"), ["rumah"]);
    }

    #[test]
    fn bad_lines_say_where() {
        assert_eq!(Lexicon::parse("a\tb\nnonsense\n").unwrap_err().0, 2);
    }

    #[test]
    fn builtin_covers_news_words() {
        let lex = Lexicon::builtin_id_en();
        assert!(lex.len() > 500);
        assert!(lex.translations("jepang").contains(&"japan".to_string()));
    }
}
