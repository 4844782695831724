//! `site.yml`: optional, every key defaulted, unknown keys refused (a typo
//! should not be silently ignored).

use crate::diagnostic::{Code, Error, Result, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The site configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Shown in the header and the `<title>` of every page.
    pub title: String,
    /// Absolute URL of the published site (for `sitemap.xml`); pages
    /// themselves only use relative links.
    pub base_url: String,
    /// Output folder, relative to the site root.
    pub output: String,
    /// Language of the `sxs-lookup` spans.
    pub source_locale: String,
    /// Language of the translated spans when a page's `ms.contentlocale` is missing.
    pub target_locale: String,
    /// HTML shown in every page's footer: the content license's attribution.
    pub attribution: Option<String>,
    /// Follow symbolic links that lead out of `content/`, `static/` and
    /// `templates/` (off: they are skipped with a warning, so a link to
    /// `/etc` in a pull request publishes nothing). Only for trusted content.
    pub follow_outside_symlinks: bool,
    /// Remove raw HTML outside the allow-list (scripts, frames, event
    /// handlers, `javascript:` links) from pages, each removal a finding.
    /// On by default; `false` only for content you trust.
    pub sanitize_html: bool,
    /// Review settings: check severities and accepted findings.
    pub review: ReviewConfig,
    /// Whose decisions the pages state: the publisher and its vocabulary.
    pub decisions: DecisionsConfig,
    /// Free-form values for templates (`config.extra.x`).
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Interface strings replaced per locale (`pt-BR: { show_original: … }`),
    /// over the built-in tables of [`crate::render::strings`].
    pub strings: BTreeMap<String, crate::render::strings::Strings>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: "Documentation".to_owned(),
            base_url: String::new(),
            output: "public".to_owned(),
            source_locale: "en-US".to_owned(),
            target_locale: "pt-BR".to_owned(),
            attribution: None,
            follow_outside_symlinks: false,
            sanitize_html: true,
            review: ReviewConfig::default(),
            decisions: DecisionsConfig::default(),
            extra: BTreeMap::new(),
            strings: BTreeMap::new(),
        }
    }
}

/// `review:` in `site.yml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewConfig {
    /// Check code -> `error` | `warning` | `info` | `off`.
    pub checks: BTreeMap<Code, Level>,
    /// Known false positives: `{ id: "cea8a-108", code: "numbers" }`.
    pub accept: Vec<Acceptance>,
}

/// `decisions:` in `site.yml`: the publisher whose docs these are, and the words of its
/// programs, so that no publisher's vocabulary is written into the detector.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionsConfig {
    /// Who "we" is, and who acts in announcements that name nobody ("the old offers will be
    /// retired"). Unset: `Microsoft` for pages whose frontmatter carries `ms.*` keys, else
    /// "the publisher". A publisher sxs knows (`src/decide/publishers.yml`) brings its
    /// vocabulary; the keys below add to it.
    pub publisher: Option<String>,
    /// Nouns (singular) that name parties able to act, besides the generic English ones:
    /// the publisher's programs and roles ("CSP", "Gold partner").
    pub parties: Vec<String>,
    /// Proper names kept with their capitals in actors ("Azure" in "the Azure admin").
    pub names: Vec<String>,
    /// Long forms written short in actors: `Cloud Solution Provider: CSP`.
    pub abbreviations: BTreeMap<String, String>,
}

/// One accepted finding.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The segment whose finding is accepted (`cea8a-108`).
    pub id: String,
    /// The check whose finding is accepted; the segment's other findings stay.
    pub code: Code,
}

/// What `review.checks` sets a check to: a severity, or `off`.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The check's findings are dropped.
    Off,
    /// Reported as information. Any level but `off` also turns on a check
    /// that is off by default.
    Info,
    /// Reported as warnings (`warn` is accepted too).
    #[serde(alias = "warn")]
    Warning,
    /// Reported as errors: `sxs check` fails on them.
    Error,
}

impl Level {
    /// The severity findings get, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl Config {
    /// How the site's folders treat symbolic links that lead out of them.
    pub fn symlinks(&self) -> crate::load::Symlinks {
        if self.follow_outside_symlinks {
            crate::load::Symlinks::FollowAll
        } else {
            crate::load::Symlinks::StayInside
        }
    }

    /// Reads `site.yml` from the site root; defaults when it is absent.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join("site.yml");
        if !path.is_file() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config = crate::yaml::parse::<Config>(&text).map_err(|e| {
            Error::at(
                &path,
                format!(
                    "{}:{}: {}; see the README for the keys site.yml accepts",
                    e.line, e.column, e.message
                ),
            )
        })?;
        config.check_locales(&text, &path)?;
        Ok(config)
    }

    /// Refuses locales that are not language tags: they name the reading
    /// views' files. The error gives the key's line.
    fn check_locales(&self, text: &str, path: &Path) -> Result<()> {
        for (key, tag) in [
            ("source_locale", &self.source_locale),
            ("target_locale", &self.target_locale),
        ] {
            if let Some(problem) = crate::locale::problem(tag) {
                let line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(key))
                    .map_or(1, |i| i + 1);
                return Err(Error::at(path, format!("{line}:1: {key}: {problem}")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused_with_a_position() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yml"), "title: x\ntilte: y\n").unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(err.message.contains("tilte"), "{err}");
        assert!(err.message.starts_with("2:"), "{err}");
    }

    #[test]
    fn unknown_codes_and_levels_are_refused_with_a_position() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site.yml");
        std::fs::write(&site, "review:\n  checks:\n    numbrs: off\n").unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(
            err.message
                .contains("unknown check or finding code `numbrs`"),
            "{err}"
        );
        assert!(err.message.starts_with("3:"), "{err}");
        std::fs::write(&site, "review:\n  checks:\n    numbers: loud\n").unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(err.message.contains("loud"), "{err}");
        let accept = "review:\n  accept:\n    - { id: a-1, code: lenght }\n";
        std::fs::write(&site, accept).unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(err.message.contains("`lenght`"), "{err}");
        std::fs::write(&site, "review:\n  checks: { length: info, numbers: off }\n").unwrap();
        let config = Config::load(dir.path()).unwrap();
        assert_eq!(config.review.checks.get(&Code::Length), Some(&Level::Info));
    }

    #[test]
    fn every_key_has_a_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yml"), "title: Docs\n").unwrap();
        let config = Config::load(dir.path()).unwrap();
        assert_eq!(config.title, "Docs");
        assert_eq!(config.output, "public");
        assert_eq!(config.source_locale, "en-US");
        assert_eq!(config.decisions, DecisionsConfig::default());
    }

    #[test]
    fn decisions_take_a_publisher_and_refuse_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yml"),
            "decisions: { publisher: Contoso, parties: [Reseller] }\n",
        )
        .unwrap();
        let config = Config::load(dir.path()).unwrap();
        assert_eq!(config.decisions.publisher.as_deref(), Some("Contoso"));
        assert_eq!(config.decisions.parties, ["Reseller"]);
        std::fs::write(
            dir.path().join("site.yml"),
            "decisions:\n  publsher: Contoso\n",
        )
        .unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(err.message.contains("publsher"), "{err}");
        assert!(err.message.starts_with("2:"), "{err}");
    }

    #[test]
    fn a_locale_that_is_not_a_language_tag_is_refused_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let yml = "title: x\ntarget_locale: ../../../../x\n";
        std::fs::write(dir.path().join("site.yml"), yml).unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(err.message.starts_with("2:1: target_locale:"), "{err}");
        std::fs::write(dir.path().join("site.yml"), "source_locale: en/US\n").unwrap();
        assert!(Config::load(dir.path()).is_err());
    }
}
