//! The per-segment translation checks: a table of stable codes, default
//! severities and functions over one aligned pair. Each function returns its
//! finding, if any: a message saying what differs and what to do, and the
//! offending tokens, which the side-by-side view highlights.

use super::locale::Locale;
pub use super::pair::{Basis, Flag, Habit, Pair};
use super::profile::Profile;
use super::{numbers, structure, text, untranslated};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Segment};
use std::collections::{BTreeMap, BTreeSet};

/// A check: its stable code (used by `site.yml` and inline acceptances; the
/// registry gives its default severity) and the function that runs it.
pub struct Check {
    /// The code its findings carry.
    pub code: Code,
    /// The check itself: the finding for one pair, if any.
    pub run: fn(&Pair<'_>) -> Option<Flag>,
}

/// Every per-segment check, in the order their findings are listed. The
/// length check is not here: it is calibrated on the whole docset, in the
/// site pass ([`super::length`]).
pub const CHECKS: &[Check] = &[
    Check {
        code: Code::Untranslated,
        run: untranslated::check,
    },
    Check {
        code: Code::Numbers,
        run: |p| numbers::check(&p.target.prose, &p.source.prose, &p.locale),
    },
    Check {
        code: Code::Markup,
        run: structure::markup,
    },
    Check {
        code: Code::EmphasisMoved,
        run: structure::emphasis_moved,
    },
    Check {
        code: Code::Links,
        run: structure::links,
    },
    Check {
        code: Code::Placeholders,
        run: structure::placeholders,
    },
    Check {
        code: Code::Punctuation,
        run: text::punctuation,
    },
    Check {
        code: Code::RepeatedWord,
        run: text::repeated_word,
    },
    Check {
        code: Code::Brackets,
        run: text::brackets,
    },
];

/// Is the pair complete? Missing or empty sides are align's findings
/// (missing-source, empty); comparing them would only repeat those.
pub fn comparable(segment: &Segment) -> bool {
    segment.has_target
        && segment.has_source
        && !segment.target.trim().is_empty()
        && !segment.source.trim().is_empty()
}

/// What the checks found on a page's complete pairs.
#[derive(Debug, Default, Clone)]
pub struct Segments {
    /// Findings reported as they are.
    pub findings: Vec<Diagnostic>,
    /// Findings the docset decides about, with what they are instances of.
    pub held: Vec<Held>,
    /// Per habit class, how many of the page's pairs could show it.
    pub classes: BTreeMap<String, usize>,
    /// The lowercase words of the page's translations (pairs whose target
    /// is not the source), and their adjacent pairs of capitalized words
    /// ([`untranslated::name_pairs`]).
    pub vocabulary: BTreeSet<String>,
}

/// A finding held for the site pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The finding as it would be reported.
    pub finding: Diagnostic,
    /// What it is an instance of, for the docset to weigh ([`super::habits`]).
    pub habit: Habit,
}

impl Segments {
    /// Every finding, held or not (what a page says before the docset
    /// weighs in).
    pub fn all(&self) -> Vec<Diagnostic> {
        let held = self.held.iter().map(|h| h.finding.clone());
        self.findings.iter().cloned().chain(held).collect()
    }
}

/// Every check on every complete pair of a page.
pub fn segment_findings(doc: &Document, target_locale: &str) -> Segments {
    let locale = Locale::of(target_locale);
    let touching = text::touching(doc);
    let kept = kept_beside(doc);
    let mut out = Segments::default();
    for (i, segment) in doc
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| comparable(s))
    {
        let pair = Pair {
            segment,
            target: Profile::read(&segment.target, &doc.refs),
            source: Profile::read(&segment.source, &doc.refs),
            locale,
            target_locale,
            touching: touching.get(i).copied().unwrap_or_default(),
            kept_beside: kept.get(i).copied().unwrap_or_default(),
        };
        *out.classes.entry(text::ending_class(&pair)).or_default() += 1;
        if !untranslated::same_text(segment) {
            for word in untranslated::words(&pair.target.prose) {
                // A word already in the vocabulary is not copied again.
                if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                    if !out.vocabulary.contains(word) {
                        out.vocabulary.insert(word.to_owned());
                    }
                } else {
                    out.vocabulary.insert(word.to_lowercase());
                }
            }
            out.vocabulary
                .extend(untranslated::name_pairs(&pair.target.prose));
        }
        for check in CHECKS {
            let Some(flag) = (check.run)(&pair) else {
                continue;
            };
            let finding = Diagnostic::new(
                &doc.rel,
                (segment.line, segment.column),
                check.code,
                check.code.default_severity(),
                flag.message,
            )
            .with_id(&segment.id)
            .with_tokens(flag.tokens);
            match flag.habit {
                Some(habit) => out.held.push(Held { finding, habit }),
                None => out.findings.push(finding),
            }
        }
    }
    out
}

/// Per segment of the page: is it a list item whose neighbour in the row
/// before or after (another item of the list, not a second sentence of the
/// same item) is a list item kept as is ([`Pair::kept_beside`])?
fn kept_beside(doc: &Document) -> Vec<bool> {
    let segments = &doc.segments;
    let kept: Vec<bool> = segments.iter().map(untranslated::kept_item).collect();
    (0..segments.len())
        .map(|i| {
            let item = segments[i].kind == crate::model::BlockKind::ListItem;
            let beside = |j: usize| {
                segments
                    .get(j)
                    .is_some_and(|other| kept[j] && other.block.abs_diff(segments[i].block) == 1)
            };
            item && ((i > 0 && beside(i - 1)) || beside(i + 1))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::BlockKind;

    /// A segment as align makes it, for the checks' tests.
    pub(crate) fn segment(target: &str, source: &str) -> Segment {
        Segment {
            id: "cea8a-108".into(),
            line: 3,
            column: 1,
            kind: BlockKind::Paragraph,
            block: 0,
            target: target.into(),
            source: source.into(),
            has_target: true,
            has_source: true,
            target_text: crate::parse::plain_text(target),
            source_text: crate::parse::plain_text(source),
        }
    }

    /// Runs one check on a pt-BR/en-US pair.
    pub(crate) fn run(
        check: fn(&Pair<'_>) -> Option<Flag>,
        target: &str,
        source: &str,
    ) -> Option<Flag> {
        run_in("pt-BR", check, target, source)
    }

    /// Runs one check on a pair whose target is in `locale`.
    pub(crate) fn run_in(
        locale: &str,
        check: fn(&Pair<'_>) -> Option<Flag>,
        target: &str,
        source: &str,
    ) -> Option<Flag> {
        let segment = segment(target, source);
        let refs = crate::parse::LinkRefs::new();
        let pair = Pair {
            segment: &segment,
            target: Profile::read(target, &refs),
            source: Profile::read(source, &refs),
            locale: Locale::of(locale),
            target_locale: locale,
            touching: (true, true),
            kept_beside: false,
        };
        check(&pair)
    }

    #[test]
    fn findings_carry_the_segment_position_and_id() {
        let text = "# T\n\n<span data-ttu-id=\"cea8a-108\">Você tem 30 dias.</span><span class=\"sxs-lookup\"><span data-stu-id=\"cea8a-108\">You have 14 days.</span></span>\n";
        let doc = crate::read_document("a.md", text);
        let findings = segment_findings(&doc, "pt-BR").all();
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            findings[0].to_string(),
            "a.md:3:1: warning[numbers]: cea8a-108: the source has 14 where the translation has 30; copy the source's numbers (separators may follow the target language)"
        );
        assert_eq!(findings[0].tokens[..], ["14", "30"]);
    }

    #[test]
    fn flags_keep_each_token_once_and_drop_empty_ones() {
        let flag = Flag::new("m").with_tokens(["30", "", "3", "30"]);
        assert_eq!(flag.tokens, ["30", "3"]);
    }

    #[test]
    fn incomplete_pairs_are_left_to_align() {
        let text = "<span data-ttu-id=\"a-1\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">You have 14 days.</span></span>\n";
        let doc = crate::read_document("a.md", text);
        assert!(segment_findings(&doc, "pt-BR").all().is_empty());
    }
}
