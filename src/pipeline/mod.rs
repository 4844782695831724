//! The pipeline, in the order its stages run:
//!
//! **load** ([`crate::load`]) → **parse** ([`crate::parse`], [`crate::yaml`],
//! [`crate::yamlpage`]) → **align** ([`crate::markup`], [`crate::align`]) →
//! **decide** ([`crate::decide`]) → **review** ([`crate::review`]) → the
//! **site pass** ([`site`]: findings only a whole docset gives) → **render**
//! ([`crate::render`]) → **write** ([`crate::write`]).
//!
//! [`read_page`] runs the per-page stages and gives one [`Page`]: every
//! command (`build`, `check`, `export`, `serve`) starts from it and from
//! [`site::SitePass`], so they cannot disagree about what a page holds.

pub mod site;

use crate::decide::{self, PageDecision};
use crate::diagnostic::Diagnostic;
use crate::load::{self, ContentFile, FileKind};
use crate::model::Document;
use crate::review;
use crate::site::Site;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One page after the per-page stages.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page as read: its rows, segments and reading problems.
    pub doc: Document,
    /// The target language: the page's `ms.contentlocale`, else the site's.
    pub locale: String,
    /// What the page decides (SPEC §3 b), in page order.
    pub decisions: Vec<PageDecision>,
    /// The page's own findings (reading, checks, inline acceptances), with
    /// `site.yml`'s review settings applied. The site pass adds the rest.
    pub findings: Vec<Diagnostic>,
    /// Findings the site pass decides about (habits of the docset).
    pub held: Vec<review::checks::Held>,
    /// How many of the page's pairs fall in each habit class, the
    /// denominators of the docset's habit shares ([`review::habits`]).
    pub classes: std::collections::BTreeMap<String, usize>,
    /// The words of the page's translations, for untranslated.
    pub vocabulary: std::collections::BTreeSet<String>,
}

/// How many times each per-page stage ran: a build runs each once per page,
/// and a test holds it to that.
#[derive(Debug, Default)]
pub struct Trace {
    /// Files read from disk.
    pub loaded: AtomicUsize,
    /// Pages parsed and aligned into a [`Document`].
    pub aligned: AtomicUsize,
    /// Pages whose decisions were detected.
    pub decided: AtomicUsize,
    /// Pages reviewed by the per-page checks.
    pub reviewed: AtomicUsize,
}

impl Trace {
    fn count(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// (loaded, aligned, decided, reviewed).
    pub fn counts(&self) -> [usize; 4] {
        [&self.loaded, &self.aligned, &self.decided, &self.reviewed]
            .map(|c| c.load(Ordering::Relaxed))
    }
}

/// Is this file read as a page: markdown, or a DocFX YAML page
/// (docfx.json-like YAML is data)? The site pass then sets apart the files
/// other pages include ([`site::SitePass::fragments`]): read and reviewed,
/// but not published as pages.
pub fn is_page(file: &ContentFile) -> bool {
    match file.kind {
        FileKind::Markdown => true,
        FileKind::YamlPage => {
            std::fs::read(&file.path).is_ok_and(|bytes| crate::yamlpage::is_page(&bytes))
        }
        _ => false,
    }
}

/// load → parse → align for one file: its aligned document.
pub fn read_document(site: &Site, file: &ContentFile) -> Result<Document, Diagnostic> {
    Trace::count(&site.trace.loaded);
    let text = load::read_text(&file.path, &file.rel)?;
    let markdown = match file.kind {
        FileKind::YamlPage => crate::yamlpage::to_markdown(&text).map_err(|e| {
            e.to_diagnostic(&file.rel, crate::code::Code::YamlPage, "this YAML page")
        })?,
        _ => text,
    };
    Trace::count(&site.trace.aligned);
    Ok(crate::align::read_document(&file.rel, &markdown))
}

/// Every per-page stage for one file: load, parse, align, decide, review.
pub fn read_page(site: &Site, file: &ContentFile) -> Result<Page, Diagnostic> {
    let doc = read_document(site, file)?;
    Ok(decide_and_review(site, doc))
}

/// decide → review for an aligned document.
pub fn decide_and_review(site: &Site, doc: Document) -> Page {
    Trace::count(&site.trace.decided);
    let decisions = decide::page_decisions(&doc, site.lexicon(&doc));
    let locale = site.target_locale(&doc).to_owned();
    Trace::count(&site.trace.reviewed);
    let mut review = review::page_findings(&doc, &decisions, &locale);
    if site.config.sanitize_html {
        review
            .findings
            .extend(crate::render::sanitize::findings(&doc));
    }
    let findings = review::configure(review.findings, &site.config.review);
    Page {
        doc,
        locale,
        decisions,
        findings,
        held: review.held,
        classes: review.classes,
        vocabulary: review.vocabulary,
    }
}

/// The whole site reviewed: what `sxs check` and `sxs export` consume.
#[derive(Debug, Default)]
pub struct SiteReview {
    /// The pages, each with every finding (its own and the site pass's),
    /// when asked for; else empty, and only the findings are kept.
    pub pages: Vec<Page>,
    /// Every finding of the site, sorted: problems walking the folder,
    /// pages that could not be read, and each page's findings.
    pub findings: Vec<Diagnostic>,
    /// How many pages were read.
    pub page_count: usize,
}

/// Runs one phase of a build or a review and logs (at info level, what
/// `-v` shows) how long it took, so a slow phase can be found without a
/// profiler.
pub fn timed<T>(phase: &str, work: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let value = work();
    log::info!("{phase}: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    value
}

/// Pages read per round: enough to keep both cores busy, few enough that
/// only their facts and findings stay when the pages themselves are not
/// kept.
const ROUND: usize = 256;

/// Reads every page through the per-page stages (in parallel, in rounds),
/// then runs the site pass. With `keep_pages`, the pages are returned with
/// their findings (export needs their segments); without, only findings
/// are kept, so memory stays with the facts.
pub fn review_site(site: &Site, keep_pages: bool) -> SiteReview {
    use rayon::prelude::*;
    let files: Vec<&ContentFile> = site.files.iter().filter(|f| is_page(f)).collect();
    let mut review = SiteReview {
        findings: site.problems.clone(),
        ..SiteReview::default()
    };
    let mut facts = Vec::new();
    let mut own: Vec<Vec<Diagnostic>> = Vec::new();
    for round in files.chunks(ROUND) {
        let read: Vec<Result<(Page, site::PageFacts), Diagnostic>> = round
            .par_iter()
            .map(|file| {
                read_page(site, file).map(|page| {
                    let facts = site::PageFacts::of(&page);
                    (page, facts)
                })
            })
            .collect();
        for result in read {
            match result {
                Ok((mut page, page_facts)) => {
                    facts.push(page_facts);
                    if keep_pages {
                        review.pages.push(page);
                    } else {
                        own.push(std::mem::take(&mut page.findings));
                    }
                }
                Err(problem) => review.findings.push(problem),
            }
        }
    }
    let pass = site::run(site, &facts.iter().collect::<Vec<_>>());
    review.page_count = facts
        .iter()
        .filter(|f| !pass.fragments.contains(&f.rel))
        .count();
    review
        .findings
        .extend(navigation_problems(site, &pass.index));
    if keep_pages {
        for page in &mut review.pages {
            page.findings.extend(pass.of(&page.doc.rel).iter().cloned());
            sort_findings(&mut page.findings);
            review.findings.extend(page.findings.iter().cloned());
        }
    } else {
        review.findings.extend(own.into_iter().flatten());
        review
            .findings
            .extend(pass.findings.into_values().flatten());
    }
    sort_findings(&mut review.findings);
    review
}

/// The problems of the site's navigation files (TOCs that cannot be read),
/// as the build finds them when it makes the navigation trees.
pub fn navigation_problems(site: &Site, index: &crate::links::SiteIndex) -> Vec<Diagnostic> {
    crate::render::nav::build(
        &site.files,
        |f| load::read_text(&f.path, &f.rel).ok(),
        index,
    )
    .1
}

/// Sorts findings as every report lists them: by file, then position.
pub fn sort_findings(findings: &mut [Diagnostic]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
}
