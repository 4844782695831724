//! The registry of finding codes: every code sxs reports, with its default
//! severity and a one-line meaning.
//!
//! Codes are stable: `site.yml` (`review.checks`, `review.accept`), inline
//! `<!-- sxs:accept ID CODE -->` comments and tools reading `sxs check
//! --format json` refer to them. Keeping them in one enum means a typo in
//! the code is a compile error, and a typo in a site's configuration is
//! reported against this list instead of being silently ignored.

use crate::diagnostic::Severity;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares [`Code`] with, for each variant, its spelling, its default
/// severity and its meaning, in one table.
macro_rules! codes {
    ($($variant:ident $name:literal $severity:ident $meaning:literal,)*) => {
        /// A finding's stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $meaning] $variant,)*
        }

        impl Code {
            /// Every code, in the registry's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The spelling used in reports and configuration.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity a finding gets unless `site.yml` changes it.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What the code means, in one line.
            pub fn meaning(self) -> &'static str {
                match self { $(Code::$variant => $meaning,)* }
            }
        }
    };
}

codes! {
    // Reading the files.
    Io "io" Error "a file or folder cannot be read",
    Encoding "encoding" Error "a file is not valid UTF-8",
    Frontmatter "frontmatter" Error "the YAML frontmatter cannot be read",
    YamlPage "yaml-page" Error "a DocFX YAML page (landing, FAQ) cannot be read",
    Toc "toc" Error "a navigation file (TOC.yml, TOC.md) cannot be read",
    Config "config" Error "a review setting names an unknown check, severity or code",
    Locale "locale" Error "a locale that is not a BCP 47 language tag",
    Symlink "symlink" Warning "a symbolic link out of its folder, not followed",
    Collision "collision" Error "two inputs that would be written to the same output file",
    UnsafeHtml "unsafe-html" Warning "raw HTML the sanitizer removed (scripts, frames, handlers, unsafe links)",
    Budget "budget" Error "a page past a work limit (pairs, include expansions): not built",
    // Reading the markup.
    MissingSource "missing-source" Error "a target span with no sxs-lookup counterpart, or the reverse",
    IdMismatch "id-mismatch" Error "the two spans of a pair carry different ids",
    DuplicateId "duplicate-id" Error "the same segment id twice in one page",
    Empty "empty" Error "a pair whose target or source has no text",
    Malformed "malformed" Error "damaged, unclosed or stray sxs span markup",
    InCode "in-code" Info "a pair inside a code block: shown as code, not as a sentence",
    CommentedOut "commented-out" Info "a pair inside an HTML comment: neither published nor exported",
    Unplaced "unplaced" Info "a pair outside any markdown block (a link definition, a table cell past the header's columns): shown at the end of the page",
    // Across the site.
    Include "include" Error "an include that cannot be found, or that includes itself",
    BrokenLink "broken-link" Warning "a link to a page or file the content folder does not have",
    BrokenAnchor "broken-anchor" Warning "a link to an anchor the linked page does not have",
    MissingImage "missing-image" Warning "an image that is not in the content folder",
    RootLink "root-link" Warning "a site path (`/product/page`) that no docset of the content holds, kept as written",
    UnresolvedXref "unresolved-xref" Warning "an `xref:` link to a uid that no page's frontmatter has",
    Consistency "consistency" Warning "the same source translated otherwise elsewhere in the docset",
    // The translation checks.
    Untranslated "untranslated" Warning "the target repeats the source, for text that should be translated",
    Numbers "numbers" Warning "the numbers of target and source differ",
    Markup "markup" Warning "bold, italic or inline code differ between target and source",
    Links "links" Warning "link or image targets differ between target and source",
    Placeholders "placeholders" Warning "placeholders such as {0}, %s or `<var>` differ",
    Length "length" Warning "the target is far shorter or longer than its source",
    Omission "omission" Warning "the translation leaves out a clause, a sentence or a name of the source",
    EmphasisMoved "emphasis-moved" Warning "bold or italic marks other words than the source's, which the translation keeps unmarked",
    Punctuation "punctuation" Warning "final punctuation or edge spaces differ",
    RepeatedWord "repeated-word" Warning "a word written twice in a row in the target",
    Brackets "brackets" Warning "brackets or quotes the source balances are unbalanced in the target",
    Modality "modality" Info "the translation changes a decision's force or polarity",
    MachineTranslated "machine-translated" Info "the page is machine translated and not yet reviewed",
    // Bringing reviewed translations back (`sxs import`).
    ImportStale "import-stale" Error "an imported unit's source is not the page's current source",
    ImportUnknown "import-unknown" Error "an imported unit names a page or id that does not exist",
    ImportDuplicate "import-duplicate" Error "the import file has several units with the same id",
    ImportUnsafe "import-unsafe" Error "an imported target would break the page's markup",
    ImportLanguage "import-language" Error "the import file's languages are not the site's",
    ImportNotSxs "import-not-sxs" Error "the import file is not an sxs export",
}

impl Code {
    /// Checks that run only when `site.yml` gives them a level
    /// (`review.checks: { modality: info }`): their judged precision is too
    /// low to show by default. `modality` was 5% on the judged samples
    /// (tests/fixtures/review-judged): the target's modal is read from
    /// another clause, and epistemic "may" is taken for a permission.
    pub const OFF_BY_DEFAULT: &'static [Code] = &[Code::Modality];

    /// Does this check report unless `site.yml` turns it on?
    pub fn on_by_default(self) -> bool {
        !Code::OFF_BY_DEFAULT.contains(&self)
    }

    /// The code spelled `name`, if there is one.
    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The registry's spellings, for messages that list them.
    pub fn known() -> String {
        Code::ALL
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Read from `site.yml`: an unknown code is an error that lists the known
/// ones (the YAML reader adds the line and column).
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let name = String::deserialize(deserializer)?;
        Code::parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown check or finding code `{name}`; the codes are: {}",
                Code::known()
            ))
        })
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_unique_and_parse_back() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        assert_eq!(Code::parse("numbrs"), None);
    }

    #[test]
    fn serializes_as_its_spelling() {
        let json = serde_json::to_string(&Code::RepeatedWord).unwrap_or_default();
        assert_eq!(json, "\"repeated-word\"");
    }
}
