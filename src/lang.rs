//! Which language a text is in, as far as the rules care.

use std::fmt;
use std::str::FromStr;

/// Indonesian and English have their own splitting rules and lexicon; any
/// other language tag is accepted and gets the language-independent rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Indonesian.
    Id,
    /// English.
    En,
    /// Any other language, by its tag (`de`, `fr-CH`).
    Other(String),
}

impl Lang {
    /// The tag as the user gave it for other languages, `id`/`en` otherwise.
    pub fn code(&self) -> &str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
            Lang::Other(tag) => tag,
        }
    }

    /// The language subtag alone, as the data files name languages: `de`
    /// for `de-CH`.
    pub fn primary(&self) -> &str {
        let code = self.code();
        code.split(['-', '_']).next().unwrap_or(code)
    }
}

/// A language tag written as BCP 47 has it, for TMX and HTML: subtags
/// joined by `-` (`id_ID` is refused, with the fix), the deprecated `in`,
/// `iw`, `ji` replaced by `id`, `he`, `yi`, and each subtag in its case
/// (`EN-us` → `en-US`, `zh-hant` → `zh-Hant`).
///
/// ```
/// assert_eq!(selaras::bcp47("in").unwrap(), "id");
/// assert_eq!(selaras::bcp47("en-us").unwrap(), "en-US");
/// assert!(selaras::bcp47("id_ID").unwrap_err().contains("write id-ID"));
/// ```
pub fn bcp47(tag: &str) -> Result<String, String> {
    let tag = tag.trim();
    if tag.contains('_') {
        return Err(format!(
            "'{tag}' is not a BCP 47 language tag: write {}",
            tag.replace('_', "-")
        ));
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    let primary = subtags[0].to_ascii_lowercase();
    let well_formed = (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && subtags[1..]
            .iter()
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if !well_formed {
        return Err(format!(
            "'{tag}' is not a BCP 47 language tag; use e.g. id, en, id-ID, en-US"
        ));
    }
    let primary = match primary.as_str() {
        "in" => "id".to_string(),
        "iw" => "he".to_string(),
        "ji" => "yi".to_string(),
        _ => primary,
    };
    let mut out = vec![primary];
    // After a singleton (`x-…`, `u-…`) subtags are private: lower case.
    let mut private = false;
    for s in &subtags[1..] {
        private |= s.len() == 1;
        let fixed = match (private, s.len()) {
            (false, 2) if s.chars().all(|c| c.is_ascii_alphabetic()) => s.to_ascii_uppercase(),
            (false, 4) if s.chars().all(|c| c.is_ascii_alphabetic()) => {
                s[..1].to_ascii_uppercase() + &s[1..].to_ascii_lowercase()
            }
            _ => s.to_ascii_lowercase(),
        };
        out.push(fixed);
    }
    Ok(out.join("-"))
}

impl FromStr for Lang {
    type Err = String;

    /// `id`, `ind`, `id-ID`, `in` → Indonesian; `en`, `eng`, `en-US` → English;
    /// any other well-formed tag (`de`, `fr-CH`) → other.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let tag = s.trim();
        let ok = !tag.is_empty()
            && tag.len() <= 16
            && tag
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(format!("'{s}' is not a language tag; use e.g. id, en, de"));
        }
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Ok(match primary.as_str() {
            "id" | "ind" | "in" => Lang::Id,
            "en" | "eng" => Lang::En,
            _ => Lang::Other(tag.to_string()),
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse() {
        assert_eq!("id-ID".parse::<Lang>().unwrap(), Lang::Id);
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("de".parse::<Lang>().unwrap(), Lang::Other("de".into()));
        assert!("x y".parse::<Lang>().is_err());
    }

    #[test]
    fn tags_are_bcp47() {
        assert_eq!(bcp47("ID-id").unwrap(), "id-ID");
        assert_eq!(bcp47("iw").unwrap(), "he");
        assert_eq!(bcp47("zh-hant-tw").unwrap(), "zh-Hant-TW");
        assert_eq!(bcp47("en-x-legal").unwrap(), "en-x-legal");
        assert_eq!(bcp47("es-419").unwrap(), "es-419");
        for bad in ["", "e", "en--US", "1d", "en-toolongsubtag"] {
            assert!(bcp47(bad).is_err(), "{bad}");
        }
        assert_eq!(
            bcp47("en_US").unwrap_err(),
            "'en_US' is not a BCP 47 language tag: write en-US"
        );
    }
}
