//! Words a translation may have or leave out, or trade for one another,
//! without a term changing: by target language, as data.
//!
//! Portuguese and Spanish drop the subject pronoun at will ("Se precisar" /
//! "Se você precisar"), and use the near and the middle demonstrative alike
//! ("Para fazer isso" / "Para fazer isto"): the judged samples of
//! hololens-pt-br found these words differing in correct translations only.
//! Words of three letters or less are function words in any Latin-script
//! language already (see `wording.rs`), so only longer ones are listed.

/// (language subtag, words in lowercase).
const OPTIONAL: &[(&str, &[&str])] = &[("pt", PORTUGUESE), ("es", SPANISH)];

/// Subject pronouns and demonstratives of Portuguese.
const PORTUGUESE: &[&str] = &[
    "você", "vocês", "eles", "elas", "isso", "isto", "esse", "este", "essa", "esta", "esses",
    "estes", "essas", "estas", "aquilo",
];

/// Subject pronouns and demonstratives of Spanish.
const SPANISH: &[&str] = &[
    "usted", "ustedes", "ellos", "ellas", "nosotros", "esto", "este", "esta", "estos", "estas",
    "esos", "esas",
];

/// The optional words of a language tag such as `pt-BR` (none for a
/// language without a row).
pub(super) fn words(tag: &str) -> &'static [&'static str] {
    let language = tag.split(['-', '_']).next().unwrap_or_default();
    OPTIONAL
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(language))
        .map_or(&[], |(_, words)| words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_does_not_change_the_words() {
        assert!(words("pt-BR").contains(&"você"));
        assert_eq!(words("pt-BR"), words("pt"));
        assert!(words("de-DE").is_empty());
        assert!(words("").is_empty());
    }
}
