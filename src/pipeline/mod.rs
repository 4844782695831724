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

mod ordered;
pub mod site;

pub(crate) use ordered::map_in_order;

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

/// load, parse, align and decide for one file, without the review: a page
/// whose findings the caller already has (an export reads its pages again
/// only for their segments and decisions). Its findings and the review's
/// facts are empty.
pub fn read_decided(site: &Site, file: &ContentFile) -> Result<Page, Diagnostic> {
    let doc = read_document(site, file)?;
    Ok(decide(site, doc))
}

/// decide for an aligned document: a page not reviewed yet.
fn decide(site: &Site, doc: Document) -> Page {
    Trace::count(&site.trace.decided);
    let decisions = decide::page_decisions(&doc, site.lexicon(&doc));
    let locale = site.target_locale(&doc).to_owned();
    Page {
        doc,
        locale,
        decisions,
        findings: Vec::new(),
        held: Vec::new(),
        classes: Default::default(),
        vocabulary: Default::default(),
    }
}

/// decide → review for an aligned document.
pub fn decide_and_review(site: &Site, doc: Document) -> Page {
    let mut page = decide(site, doc);
    Trace::count(&site.trace.reviewed);
    let mut review = review::page_findings(&page.doc, &page.decisions, &page.locale);
    if site.config.sanitize_html {
        review
            .findings
            .extend(crate::render::sanitize::findings(&page.doc));
    }
    page.findings = review::configure(review.findings, &site.config.review);
    page.held = review.held;
    page.classes = review.classes;
    page.vocabulary = review.vocabulary;
    page
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

/// Pages read ahead of the oldest one whose results are not taken yet:
/// enough to keep every core busy past a slow page, few enough that only
/// their facts and findings stay when the pages themselves are not kept
/// (and, in an export's second pass, that only so many pages are in
/// memory).
pub(crate) const PAGES_AHEAD: usize = 64;

/// Reads every page through the per-page stages (in parallel, in rounds),
/// then runs the site pass. With `keep_pages`, the pages are returned with
/// their findings; without, only findings are kept, so memory stays with
/// the facts.
pub fn review_site(site: &Site, keep_pages: bool) -> SiteReview {
    if !keep_pages {
        return review_site_with(site, |_| ()).0;
    }
    let mut review = SiteReview {
        findings: site.problems.clone(),
        ..SiteReview::default()
    };
    let (facts, mut pages) = read_all(site, &mut review.findings, |page| page);
    let pass = site_pass(site, &facts, &mut review);
    for page in &mut pages {
        page.findings.extend(pass.of(&page.doc.rel).iter().cloned());
        sort_findings(&mut page.findings);
        review.findings.extend(page.findings.iter().cloned());
    }
    review.pages = pages;
    sort_findings(&mut review.findings);
    review
}

/// [`review_site`] without keeping the pages: `summarize` is shown each
/// page (with its own findings, before the site pass) and what it returns
/// is kept instead, in the order the pages were read (the site's file
/// order, pages that could not be read left out). `sxs export` keeps
/// little of each page this way and reads the pages again to write them.
pub fn review_site_with<T: Send>(
    site: &Site,
    summarize: impl Fn(&Page) -> T + Sync,
) -> (SiteReview, Vec<T>) {
    let mut review = SiteReview {
        findings: site.problems.clone(),
        ..SiteReview::default()
    };
    let (facts, kept) = read_all(site, &mut review.findings, |mut page| {
        let summary = summarize(&page);
        (std::mem::take(&mut page.findings), summary)
    });
    let pass = site_pass(site, &facts, &mut review);
    let mut summaries = Vec::with_capacity(kept.len());
    for (own, summary) in kept {
        review.findings.extend(own);
        summaries.push(summary);
    }
    review
        .findings
        .extend(pass.findings.into_values().flatten());
    sort_findings(&mut review.findings);
    (review, summaries)
}

/// The per-page stages over every page of the site ([`in_order`]):
/// each page's facts and what `keep` makes of it, in file order. Pages
/// that cannot be read go to `problems`.
fn read_all<T: Send>(
    site: &Site,
    problems: &mut Vec<Diagnostic>,
    keep: impl Fn(Page) -> T + Sync,
) -> (Vec<site::PageFacts>, Vec<T>) {
    let files: Vec<&ContentFile> = site.files.iter().filter(|f| is_page(f)).collect();
    let (mut facts, mut kept) = (Vec::new(), Vec::new());
    let with_facts = |page: Page| {
        let page_facts = site::PageFacts::of(&page);
        (keep(page), page_facts)
    };
    in_order(site, &files, with_facts, |result| match result {
        Ok((page, page_facts)) => {
            facts.push(page_facts);
            kept.push(page);
        }
        Err(problem) => problems.push(problem),
    });
    (facts, kept)
}

/// The per-page stages over `files`, in parallel, at most [`PAGES_AHEAD`]
/// pages ahead of the oldest not taken. `keep` makes what stays of each
/// page in the page's own thread; `take` gets the results in file order,
/// each as soon as it and those before it are done.
pub(crate) fn in_order<T: Send>(
    site: &Site,
    files: &[&ContentFile],
    keep: impl Fn(Page) -> T + Sync,
    take: impl FnMut(Result<T, Diagnostic>),
) {
    map_in_order(
        files,
        PAGES_AHEAD,
        |file| read_page(site, file).map(&keep),
        take,
    );
}

/// The site pass over the pages' facts; counts the pages and adds the
/// navigation's problems to `review`.
fn site_pass(site: &Site, facts: &[site::PageFacts], review: &mut SiteReview) -> site::SitePass {
    let pass = site::run(site, &facts.iter().collect::<Vec<_>>());
    review.page_count = facts
        .iter()
        .filter(|f| !pass.fragments.contains(&f.rel))
        .count();
    review
        .findings
        .extend(navigation_problems(site, &pass.index));
    pass
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
