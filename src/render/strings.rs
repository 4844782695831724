//! The interface strings of the built site ("Skip to content", "Show
//! original", the summary's headings…) in the language of the page they
//! frame: a table per language compiled in from `strings.yml`, each entry
//! replaceable per locale in `site.yml` (`strings: { pt-BR: { key: text } }`).
//! A key a language lacks falls back to its language, then to English, so a
//! partial table or a locale without one still gives every string.

use crate::diagnostic::{Error, Result};
use std::collections::BTreeMap;

/// One language's strings: key → text.
pub type Strings = BTreeMap<String, String>;

const BUILTIN: &str = include_str!("strings.yml");

/// The fallback language: every key exists in it.
const BASE: &str = "en";

/// The built-in tables with the site's overrides, keyed by lower-case tag.
#[derive(Debug, Clone)]
pub struct Catalog {
    tables: BTreeMap<String, Strings>,
}

impl Catalog {
    /// The built-in tables with `overrides` (from `site.yml`) on top. An
    /// override of a key the interface does not have is refused: it would
    /// change nothing, which is most likely a typo.
    pub fn new(overrides: &BTreeMap<String, Strings>) -> Result<Catalog> {
        let mut tables: BTreeMap<String, Strings> = crate::yaml::parse(BUILTIN).map_err(|e| {
            Error::new(format!(
                "built-in strings.yml:{}:{}: {}",
                e.line, e.column, e.message
            ))
        })?;
        let known: Vec<String> = tables
            .get(BASE)
            .into_iter()
            .flat_map(|t| t.keys().cloned())
            .collect();
        for (locale, strings) in overrides {
            for (key, text) in strings {
                if !known.contains(key) {
                    return Err(Error::new(format!(
                        "strings.{locale}.{key} is not an interface string; the keys are: {}",
                        known.join(", ")
                    )));
                }
                tables
                    .entry(locale.to_ascii_lowercase())
                    .or_default()
                    .insert(key.clone(), text.clone());
            }
        }
        Ok(Catalog { tables })
    }

    /// Every string for `locale` (`pt-BR`): English, overlaid by the
    /// language's table (`pt`), overlaid by the locale's own (`pt-br`).
    pub fn for_locale(&self, locale: &str) -> Strings {
        let tag = locale.to_ascii_lowercase().replace('_', "-");
        let language = tag.split('-').next().unwrap_or("").to_owned();
        let mut strings = Strings::new();
        for key in [BASE, language.as_str(), tag.as_str()] {
            if let Some(table) = self.tables.get(key) {
                strings.extend(table.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        strings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, &str)]) -> Strings {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn every_language_has_every_key() {
        let catalog = Catalog::new(&BTreeMap::new()).unwrap();
        let english = &catalog.tables[BASE];
        for lang in ["pt", "de", "es", "fr", "ja", "zh"] {
            let own = &catalog.tables[lang];
            let missing: Vec<&String> = english.keys().filter(|k| !own.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert_ne!(own["show_original"], english["show_original"], "{lang}");
        }
    }

    #[test]
    fn a_locale_falls_back_to_its_language_then_english_and_site_yml_wins() {
        let overrides = BTreeMap::from([(
            "pt-BR".to_owned(),
            table(&[("show_original", "Ver o inglês")]),
        )]);
        let catalog = Catalog::new(&overrides).unwrap();
        let br = catalog.for_locale("pt-BR");
        assert_eq!(br["show_original"], "Ver o inglês");
        assert_eq!(br["side_by_side"], "Lado a lado");
        assert_eq!(
            catalog.for_locale("pt-PT")["show_original"],
            "Mostrar original"
        );
        assert_eq!(catalog.for_locale("ko-KR")["side_by_side"], "Side by side");
    }

    #[test]
    fn an_unknown_key_in_site_yml_is_refused() {
        let overrides = BTreeMap::from([("de-DE".to_owned(), table(&[("show_orignal", "x")]))]);
        let err = Catalog::new(&overrides).unwrap_err().to_string();
        assert!(err.contains("strings.de-DE.show_orignal"), "{err}");
    }
}
