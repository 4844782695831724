//! Stage 4, **review**: checks over every aligned pair → findings → verdict.
//!
//! The markup-reading findings (missing-source, id-mismatch, duplicate-id,
//! empty, malformed) come from align; this stage adds the translation checks
//! and applies the site's configuration (severity overrides, accepted
//! findings).
//!
//! The per-segment checks are listed in [`checks::CHECKS`]; the cross-file
//! consistency check is [`consistency::Consistency`], run by the site pass
//! ([`crate::pipeline::site`]). Findings can be accepted in the page itself
//! (see [`accept`]) or in `site.yml`.

pub mod accept;
pub mod checks;
pub mod consistency;
pub mod habits;
pub mod length;
pub mod locale;
pub mod modality;
pub mod numbers;
pub mod omission;
pub mod pair;
pub mod places;
pub mod profile;
pub mod structure;
pub mod text;
pub mod untranslated;

use crate::config::ReviewConfig;
use crate::decide::PageDecision;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Document;
use serde::Serialize;
use std::collections::BTreeMap;

/// A line, column, count or offset as the site pass keeps it, in 32 bits
/// (half a `usize`: a large docset keeps millions). Past `u32::MAX`, which
/// no page reaches, it saturates.
pub(crate) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What the review of one page gives.
#[derive(Debug, Default, Clone)]
pub struct PageReview {
    /// Findings reported as they are.
    pub findings: Vec<Diagnostic>,
    /// Findings the docset decides about ([`habits`]).
    pub held: Vec<checks::Held>,
    /// The page's count of pairs per habit class.
    pub classes: BTreeMap<String, usize>,
    /// The lowercase words of the page's translations (pairs whose target
    /// is not the source), for the untranslated check's habits.
    pub vocabulary: std::collections::BTreeSet<String>,
}

/// Findings of one page: those of reading it, then those of the checks,
/// less those the page accepts inline.
pub fn page_findings(
    doc: &Document,
    decisions: &[PageDecision],
    target_locale: &str,
) -> PageReview {
    let mut review = PageReview::default();
    let mut findings = doc.diagnostics.clone();
    findings.extend(modality::modality_findings(
        &doc.rel,
        decisions,
        target_locale,
    ));
    if doc.is_bilingual() {
        if let Some(kind) = &doc.meta.translation_type {
            if kind.eq_ignore_ascii_case("MT") {
                findings.push(Diagnostic::new(
                    &doc.rel,
                    (1, 1),
                    Code::MachineTranslated,
                    Severity::Info,
                    "this page is machine translated (ms.translationtype: MT); have a person review it",
                ));
            }
        }
        let segments = checks::segment_findings(doc, target_locale);
        findings.extend(segments.findings);
        review.held = segments.held;
        review.classes = segments.classes;
        review.vocabulary = segments.vocabulary;
    }
    let inline = accept::inline_acceptances(doc);
    findings.retain(|d| !accept::is_accepted(&inline.accepted, d));
    review
        .held
        .retain(|h| !accept::is_accepted(&inline.accepted, &h.finding));
    findings.extend(inline.problems);
    review.findings = findings;
    review
}

/// Applies `site.yml`'s `review:` settings: severity overrides (`off` drops a
/// check; checks off by default, [`Code::OFF_BY_DEFAULT`], report only when
/// given a level) and accepted findings.
pub fn configure(findings: Vec<Diagnostic>, config: &ReviewConfig) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .filter_map(|mut d| {
            let accepted = config
                .accept
                .iter()
                .any(|a| a.code == d.code && d.id.as_deref() == Some(a.id.as_str()));
            if accepted {
                return None;
            }
            match config.checks.get(&d.code) {
                Some(level) => {
                    d.severity = level.severity()?;
                    Some(d)
                }
                None => d.code.on_by_default().then_some(d),
            }
        })
        .collect()
}

/// Can this translation be trusted?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// No findings.
    Ready,
    /// Warnings, or machine translation not yet reviewed.
    Review,
    /// Errors: lost or broken segments.
    Blocked,
}

impl Verdict {
    /// The verdict of a page or segment with these findings.
    pub fn of(findings: &[Diagnostic]) -> Verdict {
        match findings.iter().map(|d| d.severity).max() {
            Some(Severity::Error) => Verdict::Blocked,
            Some(Severity::Warning) => Verdict::Review,
            _ if findings.iter().any(|d| d.code == Code::MachineTranslated) => Verdict::Review,
            _ => Verdict::Ready,
        }
    }

    /// The lowercase name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Review => "review",
            Verdict::Blocked => "blocked",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: &str = "<span data-ttu-id=\"a-1\">Você tem 30 dias.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">You have 14 days.</span></span>\n";

    fn codes(page: &str) -> Vec<Code> {
        let doc = crate::read_document("a.md", page);
        let decisions =
            crate::decide::page_decisions(&doc, &crate::decide::Lexicon::for_publisher(None));
        page_findings(&doc, &decisions, "pt-BR")
            .findings
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn a_page_accepts_a_finding_of_one_segment_inline() {
        assert_eq!(codes(PAIR), ["numbers"]);
        let accepted = format!("<!-- sxs:accept a-1 numbers -->\n\n{PAIR}");
        assert!(codes(&accepted).is_empty());
        let other = format!("<!-- sxs:accept a-2 numbers -->\n\n{PAIR}");
        assert_eq!(codes(&other), ["numbers"]);
    }
}
