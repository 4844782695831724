//! The consistency check, across the whole docset: the same source sentence
//! translated differently in another place.
//!
//! Pages are reviewed one at a time (in parallel), so this check is an
//! accumulator fed page by page, in path order, and asked for its findings
//! at the end, with the same pages to quote from. It keeps 64-bit hashes of
//! the texts, never the texts, and 8 bytes per segment. The translation used
//! most often for a source is taken as the reference (the first seen on a
//! tie); every segment translated otherwise is reported, quoting the
//! reference and pointing at it.

use super::accept;
use super::profile::Profile;
use super::untranslated;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Document, Segment};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

const CODE: Code = Code::Consistency;

/// A reference translation longer than this is cut in messages.
const QUOTE_CHARS: usize = 120;

/// Where a segment is: its page (index into [`Consistency::files`]) and its
/// index in the page's segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    file: u32,
    segment: u32,
}

/// One translation of a source, and everywhere it is used.
#[derive(Debug)]
struct Variant {
    target: u64,
    places: Vec<Place>,
}

/// The translations of every source sentence seen so far.
#[derive(Debug, Default)]
pub struct Consistency {
    files: Vec<String>,
    /// Source hash → its translations, in the order first seen.
    sources: HashMap<u64, Vec<Variant>>,
}

/// A hash of markdown with whitespace runs collapsed and the ends trimmed:
/// spacing is not a different translation.
fn hash(markdown: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    for word in markdown.split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Consistency {
    /// Records the pairs of one page. Skipped: sources with nothing to
    /// translate (code, numbers, URLs), untranslated segments (the
    /// untranslated check reports them, and they are no translation to be
    /// consistent with), and segments whose consistency finding the page
    /// accepts inline.
    pub fn add(&mut self, doc: &Document) {
        let accepted = accept::inline_acceptances(doc);
        let file = small(self.files.len());
        self.files.push(doc.rel.clone());
        for (i, seg) in doc.segments.iter().enumerate() {
            let prose = Profile::read(&seg.source, &doc.refs).prose;
            let skip = seg.target.trim().is_empty()
                || accepted.accepted.iter().any(|a| a.code == CODE && a.id == seg.id)
                || untranslated::prose_words(&prose).is_empty()
                || untranslated::is_untranslated(seg, &prose);
            if !skip {
                let place = Place {
                    file,
                    segment: small(i),
                };
                self.record(hash(&seg.source), hash(&seg.target), place);
            }
        }
    }

    fn record(&mut self, source: u64, target: u64, place: Place) {
        let variants = self.sources.entry(source).or_default();
        match variants.iter_mut().find(|v| v.target == target) {
            Some(variant) => variant.places.push(place),
            None => variants.push(Variant {
                target,
                places: vec![place],
            }),
        }
    }

    /// A finding for every segment translated otherwise than its source's
    /// reference translation, in page order. `docs` are the pages given to
    /// [`Consistency::add`] (found again by path; others are ignored).
    pub fn findings(&self, docs: &[Document]) -> Vec<Diagnostic> {
        let by_rel: HashMap<&str, &Document> = docs.iter().map(|d| (d.rel.as_str(), d)).collect();
        let lookup = |p: &Place| -> Option<(&Document, &Segment)> {
            let doc = by_rel.get(self.files.get(p.file as usize)?.as_str())?;
            Some((doc, doc.segments.get(p.segment as usize)?))
        };
        let mut out: Vec<(Place, Diagnostic)> = Vec::new();
        for variants in self.sources.values().filter(|v| v.len() > 1) {
            let reference = &variants[reference(variants)];
            let Some(at) = reference.places.first().and_then(lookup) else {
                continue;
            };
            for variant in variants.iter().filter(|v| v.target != reference.target) {
                for place in &variant.places {
                    if let Some(here) = lookup(place) {
                        out.push((*place, finding(here, at, reference.places.len())));
                    }
                }
            }
        }
        out.sort_by_key(|(place, _)| *place);
        out.into_iter().map(|(_, d)| d).collect()
    }
}

/// The finding of a segment (`here`) translated otherwise than the
/// reference (`at`, used `uses` times).
fn finding(here: (&Document, &Segment), at: (&Document, &Segment), uses: usize) -> Diagnostic {
    let ((doc, seg), (ref_doc, ref_seg)) = (here, at);
    let others = match uses {
        1 => String::new(),
        2 => " and 1 other place".to_owned(),
        n => format!(" and {} other places", n - 1),
    };
    let message = format!(
        "elsewhere the same source is translated “{}” ({}:{}:{}, {}{others}); use one translation throughout unless the context needs another",
        quote(&ref_seg.target_text),
        ref_doc.rel,
        ref_seg.line,
        ref_seg.column,
        ref_seg.id,
    );
    Diagnostic::new(
        &doc.rel,
        (seg.line, seg.column),
        CODE,
        Severity::Warning,
        message,
    )
    .with_id(&seg.id)
}

/// A text cut to [`QUOTE_CHARS`] characters.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The index of the variant used most often; the first seen on a tie.
fn reference(variants: &[Variant]) -> usize {
    let mut best = 0;
    for (i, v) in variants.iter().enumerate() {
        if v.places.len() > variants[best].places.len() {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of pairs (id, target, source).
    fn paragraphs(pairs: &[(&str, &str, &str)]) -> String {
        pairs
            .iter()
            .map(|(id, t, s)| {
                format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>\n\n")
            })
            .collect()
    }

    fn page(rel: &str, pairs: &[(&str, &str, &str)]) -> Document {
        crate::read_document(rel, &paragraphs(pairs))
    }

    #[test]
    fn flags_the_minority_translation_and_quotes_the_reference() {
        let docs = [
            page(
                "a.md",
                &[("a-1", "Selecione **Salvar**.", "Select **Save**.")],
            ),
            page(
                "b.md",
                &[
                    ("b-1", "Selecione  **Salvar**.", "Select **Save**."),
                    ("b-2", "Sim", "Yes"),
                ],
            ),
            page(
                "c.md",
                &[
                    ("c-1", "Clique em **Salvar**.", "Select **Save**."),
                    ("c-2", "Confirmado", "Yes"),
                ],
            ),
            // Untranslated: the untranslated check's, not an inconsistency.
            page("d.md", &[("d-1", "Yes", "Yes")]),
        ];
        let mut c = Consistency::default();
        for doc in &docs {
            c.add(doc);
        }
        let findings = c.findings(&docs);
        assert_eq!(findings.len(), 2, "{findings:#?}");
        assert_eq!(findings[0].id.as_deref(), Some("c-1"));
        assert!(
            findings[0]
                .message
                .contains("translated “Selecione Salvar.” (a.md:1:1, a-1 and 1 other place)"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[1].id.as_deref(), Some("c-2"));
        assert!(
            findings[1].message.contains("“Sim” (b.md:3:1, b-2)"),
            "{}",
            findings[1].message
        );
    }

    #[test]
    fn long_references_are_cut() {
        let long = "palavra ".repeat(40);
        assert_eq!(quote(&long).chars().count(), QUOTE_CHARS + 1);
        assert_eq!(quote("Sim"), "Sim");
    }

    #[test]
    fn skips_untranslatable_sources_and_inline_acceptances() {
        let accepted = format!(
            "<!-- sxs:accept c-1 consistency -->\n\n{}",
            paragraphs(&[("c-1", "Escolha.", "Select.")])
        );
        let docs = [
            page(
                "a.md",
                &[("a-1", "`x`", "`x`"), ("a-2", "Selecione.", "Select.")],
            ),
            page("b.md", &[("b-1", "`y`", "`x`"), ("b-2", "42", "42")]),
            crate::read_document("c.md", &accepted),
        ];
        let mut c = Consistency::default();
        for doc in &docs {
            c.add(doc);
        }
        assert!(c.findings(&docs).is_empty(), "{:#?}", c.findings(&docs));
    }
}
