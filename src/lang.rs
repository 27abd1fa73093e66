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
}
