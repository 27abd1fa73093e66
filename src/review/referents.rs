//! A name the document has already introduced on both sides, written in this
//! pair as a pronoun (`Menurut Hendarto, …` against `…, he said.`; `Menurut
//! dia` against `Zulkifli said`): the usual way a translation refers back,
//! not a name lost. The side without the name must have more such words
//! than the side with it; a name simply dropped leaves no pronoun behind.

use crate::align::Bead;
use crate::anchors;

use super::names::{DocumentNames, name_key};

/// Which names lost in a pair the other side refers back to.
pub struct Referred<'a> {
    names: &'a DocumentNames,
    /// The pair's first sentence on each side.
    at: (usize, usize),
    /// Per direction (source names lost in the target, target names lost in
    /// the source): whether the side without them has more pronouns.
    refers: [bool; 2],
}

impl<'a> Referred<'a> {
    /// `texts` and `langs`: the pair's two sides and their languages.
    pub fn new(
        names: &'a DocumentNames,
        bead: &Bead,
        texts: (&str, &str),
        langs: (&str, &str),
    ) -> Referred<'a> {
        let (src, tgt) = (
            referring_words(texts.0, langs.0),
            referring_words(texts.1, langs.1),
        );
        Referred {
            names,
            at: (bead.src.start, bead.tgt.start),
            refers: [tgt > src, src > tgt],
        }
    }

    /// Whether `name`, lost in `direction` (0: a source name the target
    /// lacks, 1: the other way), was written on both sides before this pair
    /// and the side without it refers back to it.
    pub fn excuses(&self, direction: usize, name: &str) -> bool {
        let key = name_key(name);
        let (from, to, from_at, to_at) = match direction {
            0 => (&self.names.src, &self.names.tgt, self.at.0, self.at.1),
            _ => (&self.names.tgt, &self.names.src, self.at.1, self.at.0),
        };
        self.refers[direction.min(1)]
            && from.written_before(&key, from_at)
            && to.written_before(&key, to_at)
    }
}

/// Personal pronouns that refer back, per language.
fn pronouns(lang: &str) -> &'static [&'static str] {
    match lang {
        // `its` (`Its head, Fitri Handayani, said`) but not `it`, which is
        // as often no one (`It is not the first fire`).
        "en" => &[
            "he", "she", "they", "him", "her", "his", "hers", "them", "their", "its",
        ],
        "id" => &["dia", "ia", "beliau", "mereka"],
        _ => &[],
    }
}

/// Indonesian words that end in `-nya` without being possessive.
const NOT_POSSESSIVE: [&str; 7] = [
    "hanya", "punya", "tanya", "bertanya", "ditanya", "kenya", "sonya",
];

/// How many words of `text` (in `lang`) refer back to someone or something
/// named before: pronouns, and in Indonesian words with the possessive
/// `-nya` (`katanya`, `menurutnya`).
pub fn referring_words(text: &str, lang: &str) -> usize {
    let list = pronouns(lang);
    anchors::words(text)
        .iter()
        .filter(|(_, w)| {
            let lower = w.to_lowercase();
            list.contains(&lower.as_str())
                || lang == "id"
                    && lower.chars().count() >= 5
                    && lower.ends_with("nya")
                    && !NOT_POSSESSIVE.contains(&lower.as_str())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_possessives_refer_back() {
        assert_eq!(referring_words("The fare could fall, he said.", "en"), 1);
        assert_eq!(referring_words("Menurut dia, pasar itu ramai.", "id"), 1);
        assert_eq!(referring_words("Hal itu disampaikan, katanya.", "id"), 1);
        assert_eq!(referring_words("She said they would come.", "en"), 2);
        // `it` is as often no one (`It is not the first fire`): not counted.
        assert_eq!(referring_words("It is not the first fire.", "en"), 0);
        assert_eq!(referring_words("Its head said so.", "en"), 1);
        assert_eq!(referring_words("The cheapest fare could fall.", "en"), 0);
        assert_eq!(referring_words("Harga tiket turun.", "id"), 0);
        assert_eq!(referring_words("Hanya dua yang punya tiket.", "id"), 0);
        // No list for other languages: nothing is excused there.
        assert_eq!(referring_words("Il a dit qu'il viendrait.", "fr"), 0);
    }
}
