//! The consistency check, across the whole docset: the same source sentence
//! translated differently in another place.
//!
//! Pages are reviewed one at a time (in parallel), so this check is an
//! accumulator fed page by page, in path order, and asked for its findings
//! at the end. It keeps 64-bit hashes of the texts, never the texts, and
//! one small record per segment. The translation used most often for a
//! source is taken as the reference (the first seen on a tie); every segment
//! translated otherwise is reported, pointing at the reference.

use super::accept;
use super::profile::Profile;
use super::untranslated;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

const CODE: &str = "consistency";

/// Where a segment is: enough to report it.
#[derive(Debug)]
struct Place {
    /// Index into [`Consistency::files`].
    file: u32,
    line: u32,
    column: u32,
    id: Box<str>,
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
    /// Records the pairs of one page. Sources with nothing to translate
    /// (code, numbers, URLs) are skipped, and so are segments whose
    /// consistency finding the page accepts inline.
    pub fn add(&mut self, doc: &Document) {
        let accepted = accept::inline_acceptances(doc);
        let file = small(self.files.len());
        self.files.push(doc.rel.clone());
        for seg in &doc.segments {
            let skip = seg.target.trim().is_empty()
                || untranslated::prose_words(&Profile::read(&seg.source, &doc.refs).prose).is_empty()
                || accepted.iter().any(|a| a.code == CODE && a.id == seg.id);
            if skip {
                continue;
            }
            let place = Place {
                file,
                line: small(seg.line),
                column: small(seg.column),
                id: seg.id.as_str().into(),
            };
            self.record(hash(&seg.source), hash(&seg.target), place);
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
    /// reference translation.
    pub fn findings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for variants in self.sources.values().filter(|v| v.len() > 1) {
            let reference = reference(variants);
            let Some(at) = variants[reference].places.first() else {
                continue;
            };
            let uses = variants[reference].places.len();
            for (i, variant) in variants.iter().enumerate() {
                if i != reference {
                    out.extend(variant.places.iter().map(|p| self.finding(p, at, uses)));
                }
            }
        }
        out
    }

    fn finding(&self, place: &Place, reference: &Place, uses: usize) -> Diagnostic {
        let file = |p: &Place| self.files.get(p.file as usize).map_or("", String::as_str);
        let message = format!(
            "the same source is translated differently in {}:{}:{} ({}{}); use one translation throughout unless the context needs another",
            file(reference),
            reference.line,
            reference.column,
            reference.id,
            match uses {
                1 => String::new(),
                2 => " and 1 other place".to_owned(),
                n => format!(" and {} other places", n - 1),
            },
        );
        Diagnostic::new(
            file(place),
            (place.line as usize, place.column as usize),
            CODE,
            Severity::Warning,
            message,
        )
        .with_id(&place.id)
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
    fn flags_the_minority_translation_and_points_at_the_reference() {
        let mut c = Consistency::default();
        c.add(&page("a.md", &[("a-1", "Selecione **Salvar**.", "Select **Save**.")]));
        c.add(&page("b.md", &[("b-1", "Selecione  **Salvar**.", "Select **Save**."), ("b-2", "Sim", "Yes")]));
        c.add(&page("c.md", &[("c-1", "Clique em **Salvar**.", "Select **Save**."), ("c-2", "Yes", "Yes")]));
        let mut findings = c.findings();
        findings.sort_by(|a, b| a.file.cmp(&b.file));
        assert_eq!(findings.len(), 2, "{findings:#?}");
        assert_eq!(findings[0].id.as_deref(), Some("c-1"));
        assert!(findings[0].message.contains("a.md:1:1 (a-1 and 1 other place)"), "{}", findings[0].message);
        assert_eq!(findings[1].id.as_deref(), Some("c-2"));
        assert!(findings[1].message.contains("b.md:3:1 (b-2)"), "{}", findings[1].message);
    }

    #[test]
    fn skips_untranslatable_sources_and_inline_acceptances() {
        let mut c = Consistency::default();
        c.add(&page("a.md", &[("a-1", "`x`", "`x`"), ("a-2", "Selecione.", "Select.")]));
        c.add(&page("b.md", &[("b-1", "`y`", "`x`"), ("b-2", "42", "42")]));
        let accepted = format!(
            "<!-- sxs:accept c-1 consistency -->\n\n{}",
            paragraphs(&[("c-1", "Escolha.", "Select.")])
        );
        c.add(&crate::read_document("c.md", &accepted));
        assert!(c.findings().is_empty(), "{:#?}", c.findings());
    }
}
