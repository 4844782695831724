//! The consistency check, across the whole docset: the same source sentence
//! translated differently in another place.
//!
//! Pages are reviewed one at a time (in parallel), so each page gives its
//! [`Entries`] — 64-bit hashes of both sides, the segment's place and a
//! short quote, never the page — and the site pass feeds them, in path
//! order, to a [`Consistency`] accumulator and asks it for its findings at
//! the end. The translation used most often for a source is quoted (the
//! first seen on a tie); every segment translated otherwise is reported,
//! pointing at it and saying how many places use each — the majority, not
//! the right one (the judged samples found the majority wrong in 15 of 55
//! real findings) — when the two differ in a way a translator must look at:
//! a term, a name, a slip (see `consistency/wording.rs`), not a synonym or
//! an inflection.

mod optional;
mod wording;

use super::accept;
use super::narrow;
use super::profile::Profile;
use super::untranslated;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Document;
use std::hash::{Hash, Hasher};
use wording::{Loanwords, SourceFacts, Variant as Wording};

const CODE: Code = Code::Consistency;

/// A reference translation longer than this is cut in messages.
const QUOTE_CHARS: usize = 120;

/// A translation used in at least this many places, and in at least a
/// quarter as many as the majority's, is established ([`established`]).
const ESTABLISHED_USES: usize = 3;

/// One segment as the check keeps it: hashes of both sides, what the
/// comparison of two translations needs of the source and of the target's
/// words, where it is, and where its id and text end in its page's
/// [`Entries::texts`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    source: u64,
    /// The translation as the reader sees it: markup (a link over one more
    /// word, bold moved) is the markup check's business, not another
    /// translation.
    target: u64,
    /// Which of the target's words are kept from the source
    /// ([`wording::kept_and_used`]).
    copied: u64,
    facts: SourceFacts,
    line: u32,
    column: u32,
    id_end: u32,
    text_end: u32,
}

/// The entries of one page, read once after align (see [`entries`]). The
/// ids and texts are one string, not two per entry: at 50,000 pages the
/// entries are millions, and a string of their own each doubled their
/// size. The whole target is kept (in NFC), not a quote: two translations
/// are compared word by word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    entries: Vec<Entry>,
    /// Each entry's segment id then its target text, one after the other.
    texts: String,
    /// The words the page's language may add, drop or trade without a term
    /// changing ([`optional::words`]): one list per page, not per entry.
    optional: &'static [&'static str],
    /// How the page's pairs use their source words, each (word, use) once
    /// ([`wording::page_words`], 4 bytes each), summed over the docset into
    /// its [`Loanwords`].
    words: Vec<u32>,
}

impl Entries {
    fn push(&mut self, source: u64, seg: &crate::model::Segment, words: &mut Vec<u32>) {
        let target = super::text::normalize(&seg.target_text);
        let source_text = super::text::normalize(&seg.source_text);
        let (copied, used, facts) = wording::pair_words(&target, &source_text, &seg.source_text);
        words.extend(used);
        self.texts.push_str(&seg.id);
        let id_end = narrow(self.texts.len());
        self.texts.push_str(&target);
        self.entries.push(Entry {
            source,
            target: hash(&target),
            copied,
            facts,
            line: narrow(seg.line),
            column: narrow(seg.column),
            id_end,
            text_end: narrow(self.texts.len()),
        });
    }

    /// The id and the target text of entry `i`.
    fn texts(&self, i: usize) -> (&str, &str) {
        let start = match i.checked_sub(1).and_then(|j| self.entries.get(j)) {
            Some(before) => before.text_end as usize,
            None => 0,
        };
        let Some(entry) = self.entries.get(i) else {
            return ("", "");
        };
        let (id_end, text_end) = (entry.id_end as usize, entry.text_end as usize);
        (
            self.texts.get(start..id_end).unwrap_or_default(),
            self.texts.get(id_end..text_end).unwrap_or_default(),
        )
    }
}

/// Where a segment is: its page (index into [`Consistency::files`]) and its
/// index in the page's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    file: u32,
    entry: u32,
}

/// One translation of a source, and everywhere it is used.
#[derive(Debug)]
struct Variant {
    target: u64,
    places: Vec<Place>,
}

/// The pages' entries, in path order; compared when the findings are asked
/// for (a map of every source seen took more memory than the entries).
#[derive(Debug, Default)]
pub struct Consistency<'e> {
    files: Vec<(&'e str, &'e Entries)>,
}

/// A segment found at a place, as a finding quotes it.
#[derive(Debug, Clone, Copy)]
struct At<'e> {
    rel: &'e str,
    line: u32,
    column: u32,
    id: &'e str,
    text: &'e str,
    copied: u64,
    facts: SourceFacts,
    optional: &'static [&'static str],
}

impl At<'_> {
    /// The translation as [`wording`] compares it.
    fn wording(&self) -> Wording<'_> {
        Wording {
            text: self.text,
            copied: self.copied,
        }
    }
}

/// A hash of markdown in NFC with whitespace runs collapsed and the ends
/// trimmed: neither spacing nor how an accent is encoded is a different
/// translation.
fn hash(markdown: &str) -> u64 {
    // FNV, not SipHash: every pair of the docset is hashed word by word,
    // and no one chooses these texts to collide.
    let mut hasher = fnv::FnvHasher::default();
    for word in super::text::normalize(markdown).split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// The pairs of one page the check compares. Skipped: sources with nothing
/// to translate (code, numbers, URLs), untranslated segments (the
/// untranslated check reports them, and they are no translation to be
/// consistent with), and segments whose consistency finding the page
/// accepts inline. `locale` is the target language's tag (`pt-BR`).
pub fn entries(doc: &Document, locale: &str) -> Entries {
    let accepted = accept::inline_acceptances(doc).accepted;
    let kept = doc.segments.iter().filter(|seg| {
        let prose = Profile::read(&seg.source, &doc.refs).prose;
        !(seg.target.trim().is_empty()
            || accepted.iter().any(|a| a.code == CODE && a.id == seg.id)
            || untranslated::prose_words(&prose).is_empty()
            || untranslated::is_untranslated(seg, &prose))
    });
    let mut entries = Entries {
        optional: optional::words(locale),
        ..Entries::default()
    };
    let mut words = Vec::new();
    for seg in kept {
        entries.push(hash(&seg.source), seg, &mut words);
    }
    entries.words = wording::page_words(words);
    entries
}

impl<'e> Consistency<'e> {
    /// Records the entries of one page; pages are added in path order, so
    /// that the first translation seen wins a tie.
    pub fn add(&mut self, rel: &'e str, entries: &'e Entries) {
        self.files.push((rel, entries));
    }

    fn entry(&self, place: &Place) -> Option<&'e Entry> {
        let (_, entries) = self.files.get(place.file as usize)?;
        entries.entries.get(place.entry as usize)
    }

    fn lookup(&self, place: &Place) -> Option<At<'e>> {
        let (rel, entries) = self.files.get(place.file as usize)?;
        let entry = entries.entries.get(place.entry as usize)?;
        let (id, text) = entries.texts(place.entry as usize);
        Some(At {
            rel,
            line: entry.line,
            column: entry.column,
            id,
            text,
            copied: entry.copied,
            facts: entry.facts,
            optional: entries.optional,
        })
    }

    /// Every place, grouped by source (in place order within a source).
    fn by_source(&self) -> Vec<(u64, Place)> {
        let mut all: Vec<(u64, Place)> = Vec::new();
        for (file, (_, entries)) in self.files.iter().enumerate() {
            all.extend(entries.entries.iter().enumerate().map(|(i, entry)| {
                let place = Place {
                    file: narrow(file),
                    entry: narrow(i),
                };
                (entry.source, place)
            }));
        }
        // Stable: each source's places stay in path order.
        all.sort_by_key(|(source, _)| *source);
        all
    }

    /// The translations of one source's places, in the order first seen.
    fn variants(&self, places: &[(u64, Place)]) -> Vec<Variant> {
        let mut variants: Vec<Variant> = Vec::new();
        for (_, place) in places {
            let Some(entry) = self.entry(place) else {
                continue;
            };
            match variants.iter_mut().find(|v| v.target == entry.target) {
                Some(variant) => variant.places.push(*place),
                None => variants.push(Variant {
                    target: entry.target,
                    places: vec![*place],
                }),
            }
        }
        variants
    }

    /// A finding for every segment translated otherwise than its source's
    /// reference translation, where the two differ in a way that matters
    /// (`wording::difference`), in page order.
    pub fn findings(&self) -> Vec<Diagnostic> {
        let mut out: Vec<(Place, Diagnostic)> = Vec::new();
        let mut labels: Vec<Label> = Vec::new();
        let mut loanwords = Loanwords::default();
        for (_, entries) in &self.files {
            loanwords.add(&entries.words);
        }
        let all = self.by_source();
        for places in all.chunk_by(|a, b| a.0 == b.0).filter(|p| p.len() > 1) {
            let variants = self.variants(places);
            if variants.len() < 2 {
                continue;
            }
            let reference = &variants[reference(&variants)];
            let Some(at) = reference.places.first().and_then(|p| self.lookup(p)) else {
                continue;
            };
            let total: usize = variants.iter().map(|v| v.places.len()).sum();
            for variant in variants.iter().filter(|v| v.target != reference.target) {
                let Some(first) = variant.places.first().and_then(|p| self.lookup(p)) else {
                    continue;
                };
                let Some(difference) = wording::difference(
                    first.wording(),
                    at.wording(),
                    at.facts,
                    at.optional,
                    &loanwords,
                ) else {
                    continue;
                };
                let label = difference.kind == wording::Kind::Label;
                if label && established(variant.places.len(), reference.places.len()) {
                    continue;
                }
                let uses = Uses {
                    reference: reference.places.len(),
                    here: variant.places.len(),
                    total,
                };
                let found = variant.places.iter().filter_map(|place| {
                    let here = self.lookup(place)?;
                    Some((*place, finding(here, at, uses, &difference)))
                });
                if label {
                    labels.push(Label {
                        here: variant.target,
                        there: reference.target,
                        found: found.collect(),
                    });
                } else {
                    out.extend(found);
                }
            }
        }
        out.extend(self.unestablished(&all, labels));
        out.sort_by_key(|(place, _)| *place);
        out.into_iter().map(|(_, d)| d).collect()
    }

    /// The findings of the labels whose two translations are not both
    /// established ([`established`]) over every source translated both
    /// ways — the same words under other markup, typically: "描述" for
    /// "Description" in 3 places beside "说明" in 14 is rare, but the docset
    /// also writes "描述" for "**Description**" in 7 more, and "说明" in 7:
    /// the docset's two habits for the word, not a slip. A translation used
    /// for other sources that lack the other one ("Não" for "No", beside
    /// "Nenhum" for "None") does not count.
    fn unestablished(&self, all: &[(u64, Place)], labels: Vec<Label>) -> Vec<(Place, Diagnostic)> {
        let mut uses = vec![(0, 0); labels.len()];
        for places in all.chunk_by(|a, b| a.0 == b.0).filter(|p| p.len() > 1) {
            let variants = self.variants(places);
            let count = |target: u64| {
                variants
                    .iter()
                    .find(|v| v.target == target)
                    .map(|v| v.places.len())
            };
            for (label, (here, there)) in labels.iter().zip(&mut uses) {
                if let (Some(h), Some(t)) = (count(label.here), count(label.there)) {
                    *here += h;
                    *there += t;
                }
            }
        }
        labels
            .into_iter()
            .zip(uses)
            .filter(|(_, (here, there))| !established(*here, *there))
            .flat_map(|(label, _)| label.found)
            .collect()
    }
}

/// A label translated otherwise than its source's majority, in a way not
/// established for that source: held back until the docset's uses of both
/// translations are counted ([`Consistency::unestablished`]).
#[derive(Debug)]
struct Label {
    here: u64,
    there: u64,
    found: Vec<(Place, Diagnostic)>,
}

/// How often a source's translations occur: the most frequent one (the
/// one quoted), the one of the segment reported, all of them.
#[derive(Debug, Clone, Copy)]
struct Uses {
    reference: usize,
    here: usize,
    total: usize,
}

/// The finding of a segment (`here`) translated otherwise than the most
/// frequent translation (`at`). The message says which variant is the
/// majority, and how large, without calling it right: the majority is
/// sometimes the wrong one (a typo copied by the translation memory), so
/// the translator is asked to check which is; and it names the words that
/// differ, which a long sentence hides.
fn finding(
    here: At<'_>,
    reference: At<'_>,
    uses: Uses,
    difference: &wording::Difference,
) -> Diagnostic {
    let majority = if uses.reference > uses.here {
        "the majority"
    } else {
        "as many as this translation"
    };
    let message = format!(
        "the same source is translated “{}” in {} of the {} places that have it ({majority}, which does not make it right; first at {}:{}:{}, {}) and as here in {}; {difference}; check which is right and use one translation throughout unless the context needs another",
        quote(reference.text), uses.reference, uses.total, reference.rel, reference.line, reference.column, reference.id, uses.here,
    );
    Diagnostic::new(
        here.rel,
        (here.line as usize, here.column as usize),
        CODE,
        Severity::Warning,
        message,
    )
    .with_id(here.id)
}

/// A text cut to [`QUOTE_CHARS`] characters.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Is a translation used `here` times, beside the majority's `reference`,
/// established: chosen again and again ("Capacidades" in 54 places,
/// "Funcionalidades" in 140, for the heading "Capabilities")? Two such
/// words for a label are the docset's two habits, not a slip to fix in
/// one place; a label's other words are reported where they are rare.
fn established(here: usize, reference: usize) -> bool {
    here >= ESTABLISHED_USES && here * 4 >= reference
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

    fn run(docs: &[Document]) -> Vec<Diagnostic> {
        let all: Vec<Entries> = docs.iter().map(|doc| entries(doc, "pt-BR")).collect();
        let mut c = Consistency::default();
        for (doc, entries) in docs.iter().zip(&all) {
            c.add(&doc.rel, entries);
        }
        c.findings()
    }

    fn page(rel: &str, pairs: &[(&str, &str, &str)]) -> Document {
        crate::read_document(rel, &paragraphs(pairs))
    }

    #[test]
    fn flags_the_minority_translation_and_quotes_the_reference() {
        let docs = [
            page(
                "a.md",
                &[("a-1", "**Configurações** de conta", "**Account** settings")],
            ),
            page(
                "b.md",
                &[
                    ("b-1", "**Configurações**  de conta", "**Account** settings"),
                    ("b-2", "Sim", "Yes"),
                ],
            ),
            page(
                "c.md",
                &[
                    ("c-1", "**Definições** de conta", "**Account** settings"),
                    ("c-2", "Confirmado", "Yes"),
                ],
            ),
            // Untranslated: the untranslated check's, not an inconsistency.
            page("d.md", &[("d-1", "Yes", "Yes")]),
        ];
        let findings = run(&docs);
        assert_eq!(findings.len(), 2, "{findings:#?}");
        assert_eq!(findings[0].id.as_deref(), Some("c-1"));
        assert!(
            findings[0]
                .message
                .contains("translated “Configurações de conta” in 2 of the 3 places that have it (the majority, which does not make it right; first at a.md:1:1, a-1) and as here in 1"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[1].id.as_deref(), Some("c-2"));
        assert!(
            findings[1].message.contains(
                "“Sim” in 1 of the 2 places that have it (as many as this translation, which does not make it right; first at b.md:3:1, b-2)"
            ),
            "{}",
            findings[1].message
        );
    }

    #[test]
    fn accents_encoded_either_way_are_one_translation() {
        let docs = [
            page("a.md", &[("a-1", "Configuração", "Settings")]),
            page("b.md", &[("b-1", "Configurac\u{327}a\u{303}o", "Settings")]),
        ];
        assert_eq!(run(&docs), Vec::new());
    }

    #[test]
    fn markup_and_word_order_are_not_other_translations() {
        let docs = [
            page(
                "a.md",
                &[(
                    "a-1",
                    "Entre no painel [Partner Center](x.md).",
                    "Sign in to the [Partner Center](x.md) dashboard.",
                )],
            ),
            page(
                "b.md",
                &[(
                    "b-1",
                    "Entre no [painel Partner Center](x.md).",
                    "Sign in to the [Partner Center](x.md) dashboard.",
                )],
            ),
            page(
                "c.md",
                &[(
                    "c-1",
                    "Relatórios de uso e custos",
                    "Usage and cost reports",
                )],
            ),
            page(
                "d.md",
                &[(
                    "d-1",
                    "Relatórios de custos e uso",
                    "Usage and cost reports",
                )],
            ),
        ];
        assert_eq!(run(&docs), Vec::new());
        // A word that differs in a label is another term; the finding says
        // which words differ.
        let docs = [
            page(
                "a.md",
                &[("a-1", "Relatórios de utilização", "Usage reports")],
            ),
            page("b.md", &[("b-1", "Relatórios de consumo", "Usage reports")]),
        ];
        let findings = run(&docs);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0].message.contains(
                "they differ in the words of a label: “consumo” here, “utilização” there"
            ),
            "{}",
            findings[0].message
        );
        // In a sentence, two correct wordings are not reported.
        let source = "The February 15 license-based reconciliation file will contain the following billing lines:";
        let docs = [
            page("a.md", &[("a-1", "O arquivo de reconciliação baseado em licença de 15 de fevereiro conterá as seguintes linhas de cobrança:", source)]),
            page("b.md", &[("b-1", "O arquivo de reconciliação com base em licença de 15 de fevereiro conterá as seguintes linhas de cobrança:", source)]),
        ];
        assert_eq!(run(&docs), Vec::new());
    }

    #[test]
    fn a_label_translated_two_established_ways_is_not_reported() {
        let pages = |here: usize, there: usize| -> Vec<Document> {
            let mut docs = Vec::new();
            for i in 0..here + there {
                let target = if i < there {
                    "Funcionalidades"
                } else {
                    "Capacidades"
                };
                let rel = format!("p{i:02}.md");
                docs.push(page(&rel, &[("x-1", target, "Capabilities")]));
            }
            docs
        };
        // 3 of 12 places: a quarter, established.
        assert_eq!(run(&pages(3, 9)), Vec::new());
        // 2 of 10, or 3 of 15: rare beside the majority, reported.
        assert_eq!(run(&pages(2, 8)).len(), 2);
        assert_eq!(run(&pages(3, 13)).len(), 3);
    }

    #[test]
    fn a_label_established_under_other_markup_is_not_reported() {
        // "Descrição" is rare for "Description" (1 of 6), but the docset
        // writes it for "**Description**" in 3 more places: 4 beside 5.
        let mut docs = vec![page("a.md", &[("a-1", "Descrição", "Description")])];
        for i in 0..5 {
            let rel = format!("b{i}.md");
            docs.push(page(&rel, &[("b-1", "Detalhes", "Description")]));
        }
        assert_eq!(run(&docs).len(), 1, "rare, and nowhere else");
        // Used for another source, which has not the other translation:
        // it says nothing of this one.
        for i in 0..3 {
            let rel = format!("d{i}.md");
            docs.push(page(&rel, &[("d-1", "Descrição", "Describe")]));
        }
        assert_eq!(run(&docs).len(), 1, "another source's word");
        for i in 0..3 {
            let rel = format!("c{i}.md");
            docs.push(page(&rel, &[("c-1", "**Descrição**", "**Description**")]));
        }
        docs.push(page("c9.md", &[("c-1", "Detalhes", "**Description**")]));
        assert_eq!(run(&docs), Vec::new());
    }

    #[test]
    fn sources_that_differ_in_case_are_not_compared() {
        // A translation that follows its own source's case ("Group" /
        // "group") is never set against another: the sources are grouped
        // as written, case and all. The same source translated in two
        // cases is compared (and a name's case where the source capitalises
        // names is reported: `wording.rs`).
        let docs = [
            page(
                "a.md",
                &[("a-1", "Associação do Grupo", "Azure AD Group membership")],
            ),
            page(
                "b.md",
                &[("b-1", "Associação do grupo", "Azure AD group membership")],
            ),
        ];
        assert_eq!(run(&docs), Vec::new());
        let docs = [
            page(
                "a.md",
                &[(
                    "a-1",
                    "Abra o Gerenciador de Certificados.",
                    "Open the Certificate Manager.",
                )],
            ),
            page(
                "b.md",
                &[(
                    "b-1",
                    "Abra o Gerenciador de certificados.",
                    "Open the Certificate Manager.",
                )],
            ),
        ];
        let findings = run(&docs);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0].message.contains("they differ in case"),
            "{}",
            findings[0].message
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
        assert!(run(&docs).is_empty(), "{:#?}", run(&docs));
    }
}
