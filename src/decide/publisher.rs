//! Whose docs these are: the publisher's name and vocabulary, from `site.yml`'s `decisions:`
//! and the profiles of known publishers (`publishers.yml`), never from code.
//!
//! The publisher is who "we" is, and who acts when an announcement names nobody ("the old
//! offers will be retired" is the publisher's commitment). Its programs name parties of their
//! own ("CSP partners", "21Vianet") that generic English does not know.

use crate::config::DecisionsConfig;
use crate::yaml::FrontMatter;
use std::collections::BTreeMap;

/// The publisher of pages whose frontmatter carries `ms.*` keys (Microsoft Learn's metadata),
/// when `site.yml` names none.
pub const MS_PUBLISHER: &str = "Microsoft";

/// The actor named for the publisher when neither `site.yml` nor the pages say who it is.
pub const UNNAMED_PUBLISHER: &str = "the publisher";

/// Profiles of known publishers, keyed by name.
const PROFILES: &str = include_str!("publishers.yml");

/// The vocabulary of a known publisher; empty for one sxs does not know.
pub fn profile(publisher: &str) -> DecisionsConfig {
    // The file is part of the program; a test parses it, so an error here is never the user's.
    let mut profiles: BTreeMap<String, DecisionsConfig> =
        crate::yaml::parse(PROFILES).unwrap_or_default();
    profiles.remove(publisher).unwrap_or_default()
}

/// The configuration a lexicon is built from: the site's `decisions:` with `publisher` set
/// (or left unset, for [`UNNAMED_PUBLISHER`]), merged over that publisher's profile.
pub fn resolve(site: &DecisionsConfig, publisher: Option<&str>) -> DecisionsConfig {
    let mut merged = publisher.map(profile).unwrap_or_default();
    merged.publisher = publisher.map(str::to_owned);
    merged.parties.extend(site.parties.iter().cloned());
    merged.names.extend(site.names.iter().cloned());
    merged.abbreviations.extend(
        site.abbreviations
            .iter()
            .map(|(long, short)| (long.clone(), short.clone())),
    );
    merged
}

/// True when a page's frontmatter carries `ms.*` keys.
pub fn has_ms_keys(meta: &FrontMatter) -> bool {
    meta.all.keys().any(|k| k.starts_with("ms."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_profiles_parse() {
        let profiles: BTreeMap<String, DecisionsConfig> =
            crate::yaml::parse(PROFILES).expect("publishers.yml parses");
        let ms = &profiles[MS_PUBLISHER];
        assert!(ms.parties.iter().any(|p| p == "CSP"));
        assert_eq!(ms.abbreviations["Cloud Solution Provider"], "CSP");
        assert_eq!(profile("Contoso"), DecisionsConfig::default());
    }

    #[test]
    fn the_site_adds_to_the_profile() {
        let site = DecisionsConfig {
            parties: vec!["Reseller of record".into()],
            ..DecisionsConfig::default()
        };
        let merged = resolve(&site, Some(MS_PUBLISHER));
        assert_eq!(merged.publisher.as_deref(), Some(MS_PUBLISHER));
        assert!(merged.parties.iter().any(|p| p == "CSP"));
        assert!(merged.parties.iter().any(|p| p == "Reseller of record"));
        assert!(resolve(&site, None).publisher.is_none());
    }
}
