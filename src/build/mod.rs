//! `sxs build`: the driver that runs the pipeline over a site and writes the
//! result into a staging folder that replaces the output only when the
//! build is complete.
//!
//! 1. Every page goes through the per-page stages once
//!    ([`pipeline::read_page`]: load, parse, align, decide, review), in
//!    parallel; the builder keeps each page's facts, findings and summary,
//!    and the page itself while the documents fit in a budget
//!    ([`DOC_BUDGET`], less a share per page).
//! 2. The site pass ([`pipeline::site::run`]) adds the findings only the
//!    whole docset gives; each page's summary gets its final counts.
//! 3. Every page is rendered (`page.rs`) and written; then the site-wide
//!    outputs (`lists.rs`), static files and media.
//!
//! [`Builder::rebuild`] redoes that for the pages a change touches, which
//! is what `sxs serve` does on save.

mod lists;
mod page;
pub mod search;
mod spill;

use crate::claims;
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::load::{self, ContentFile, FileKind};
use crate::model::Document;
use crate::pipeline::site::{PageFacts, SitePass};
use crate::pipeline::{self, Page};
use crate::render::nav;
use crate::render::views::{Locales, PageSummary, RenderedTree, View};
use crate::render::{self, Templates};
use crate::site::Site;
use crate::write::{Sink, Staging};
use lists::Output;
use page::Shared;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Documents are kept between the per-page stages and rendering while
/// their estimated size stays under this, less `DOC_BUDGET_PER_PAGE` for
/// each page of the site; past it, a page is read and aligned again to
/// render it (decide and review are never redone). Real docsets of a few
/// thousand pages fit; a 50,000-page docset does not, and keeps memory
/// bounded instead.
pub const DOC_BUDGET: usize = 384 * 1024 * 1024;

/// What the builder keeps of every page (facts, findings, summary: some
/// 10 KB at 50,000 pages) grows with the site while the cache does not
/// need to: the cache gives up this much of its budget per page, so that
/// the whole stays under a gigabyte at 50,000 pages (a 91 MiB cache; at
/// 5 KB a page, 140 MiB, the syn50k build peaked at 1,037 MiB), while a
/// few thousand pages still all fit.
const DOC_BUDGET_PER_PAGE: usize = 6 * 1024;

/// The cache never gets less than this.
const MIN_DOC_BUDGET: usize = 64 * 1024 * 1024;

/// The cache's budget for a site of `pages` pages.
fn doc_budget(pages: usize) -> usize {
    DOC_BUDGET
        .saturating_sub(pages.saturating_mul(DOC_BUDGET_PER_PAGE))
        .max(MIN_DOC_BUDGET)
}

/// An aligned document takes about this many times its markdown's bytes
/// (events, segment texts in both languages, their plain text).
const DOC_BYTES_PER_SOURCE_BYTE: usize = 12;

/// What a build did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// How many pages the site has, written this time or not (see `rendered`).
    pub pages: usize,
    /// Pages whose views were written (all of them, or a rebuild's few).
    pub rendered: usize,
    /// The site-wide outputs written: `home/review/decisions` (with 404),
    /// `sitemap`, `search index`, `findings`.
    pub site_outputs: Vec<&'static str>,
    /// Every finding of the site, sorted, as `sxs check` reports them
    /// (and as the files of `review/findings/` hold them).
    pub findings: Vec<Diagnostic>,
    /// The site's templates older than the built-in ones they replace:
    /// warnings for the terminal (templates are not content, so they are no
    /// findings of the review).
    pub stale_templates: Vec<render::StaleTemplate>,
}

impl Outcome {
    /// The findings at error level: the build's exit code reflects them.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

/// Builds the site into `site.output`: everything into a staging folder that
/// replaces the output only when the build is complete.
pub fn build(site: &Site, base_url: Option<&str>) -> Result<Outcome> {
    build_counting(site, base_url, &std::sync::atomic::AtomicUsize::new(0))
}

/// [`build`], counting the files written in `written` as it goes (the
/// command line shows it as progress).
pub fn build_counting(
    site: &Site,
    base_url: Option<&str>,
    written: &std::sync::atomic::AtomicUsize,
) -> Result<Outcome> {
    let mut builder = Builder::new(site, base_url)?;
    let staging = Staging::begin(&site.output, &[&site.paths.content, &site.paths.root])?;
    let sink = crate::write::Counting {
        inner: &staging,
        written,
    };
    match builder.build_all(&sink) {
        Ok(outcome) => {
            staging.commit()?;
            Ok(outcome)
        }
        Err(err) => {
            staging.abandon();
            Err(err)
        }
    }
}

/// What [`Builder::rebuild`] did.
#[derive(Debug)]
pub enum Rebuild {
    /// The pages, the pages that depend on them and the site-wide pages
    /// were rendered again.
    Done(Outcome),
    /// The change reaches past what a partial rebuild can redo (which pages
    /// exist, the site's language); the reason, for the terminal. Build anew
    /// with a new [`Builder`]; this one is unchanged.
    Full(String),
}

/// The site's files by content path: a page's include and its document
/// found again are looked up, not searched for (at 50,000 pages a search
/// of the file list per page was a tenth of the build).
pub(crate) type FilesByPath<'a> = HashMap<&'a str, &'a ContentFile>;

/// What the builder keeps of a page that could be read.
#[derive(Debug)]
struct Known {
    facts: PageFacts,
    locale: String,
    /// The page's own findings (the per-page stages').
    own: Vec<Diagnostic>,
    /// `own` with the site pass's findings, sorted.
    findings: Vec<Diagnostic>,
    /// Where the page's search records are in [`Builder::spill`], once
    /// rendered.
    search: Option<spill::Stored>,
}

/// A page just read, with what the builder keeps of it made in the
/// page's own thread (the facts and the summary take work).
struct Arrival {
    page: Page,
    facts: PageFacts,
    summary: PageSummary,
}

impl Arrival {
    fn of(page: Page, locales: &Locales) -> Arrival {
        let facts = PageFacts::of(&page);
        let summary = PageSummary::new(
            &page.doc,
            &page.decisions,
            &page.locale,
            &page.findings,
            locales,
        );
        Arrival {
            page,
            facts,
            summary,
        }
    }
}

/// A build that can be redone in part: it keeps the templates, every page's
/// facts, findings and summary and the navigation trees, so `sxs serve`
/// re-renders one changed page and the pages that depend on it instead of
/// the whole site.
pub struct Builder<'a> {
    site: &'a Site,
    base_url: Option<String>,
    templates: Templates,
    /// Every file read as a page, in site order (the order of the
    /// site-wide lists); those in `fragments` are not published.
    pages: Vec<&'a ContentFile>,
    files: FilesByPath<'a>,
    /// Files other pages include: read and reviewed, not published as
    /// pages (see [`crate::pipeline::site::SitePass::fragments`]).
    fragments: HashSet<String>,
    locales: Locales,
    known: HashMap<String, Known>,
    summaries: HashMap<String, PageSummary>,
    /// Pages that could not be read (their last good output stays).
    unreadable: BTreeMap<String, Diagnostic>,
    pass: SitePass,
    trees: Vec<RenderedTree>,
    nav_problems: Vec<Diagnostic>,
    docs: DocCache,
    /// The pages' search records, from rendering to the search index.
    spill: spill::Spill,
    /// The search index no longer matches the pages (see
    /// [`Builder::rebuild_pages`]).
    search_stale: bool,
    /// Where the list of pages goes (see [`claims`]).
    home_list: String,
}

impl<'a> Builder<'a> {
    /// Loads the templates, runs the per-page stages over every page and
    /// the site pass.
    pub fn new(site: &'a Site, base_url: Option<&str>) -> Result<Builder<'a>> {
        let templates = Templates::load(
            &site.paths.root.join("templates"),
            site.config.symlinks(),
            &site.config.strings,
        )?;
        let pages: Vec<&ContentFile> = site.files.iter().filter(|f| pipeline::is_page(f)).collect();
        let budget = doc_budget(pages.len());
        let mut builder = Builder {
            site,
            base_url: base_url.map(str::to_owned),
            templates,
            pages,
            files: site.files.iter().map(|f| (f.rel.as_str(), f)).collect(),
            fragments: HashSet::new(),
            locales: Locales::new("", ""),
            known: HashMap::new(),
            summaries: HashMap::new(),
            unreadable: BTreeMap::new(),
            pass: SitePass::default(),
            trees: Vec::new(),
            nav_problems: Vec::new(),
            docs: DocCache::new(budget),
            spill: spill::Spill::new()?,
            search_stale: false,
            home_list: String::new(),
        };
        let files = builder.pages.clone();
        // The URLs are set below, once the site's language is known.
        let blank = Locales::new("", "");
        pipeline::timed("read, align, decide and review pages", || {
            pipeline::in_order(
                site,
                &files,
                |page| Arrival::of(page, &blank),
                |result| match result {
                    Ok(arrival) => builder.take_in(arrival),
                    Err(problem) => {
                        builder.unreadable.insert(problem.file.clone(), problem);
                    }
                },
            );
        });
        builder.set_fragments();
        builder.locales = Locales::new(
            &majority_locale(
                builder.known.values().map(|k| k.locale.as_str()),
                &site.config.target_locale,
            ),
            &site.config.source_locale,
        );
        for summary in builder.summaries.values_mut() {
            summary.url = builder.locales.href(&summary.rel, View::Sxs);
        }
        let settled = settle_outputs(site, &builder.summaries, &builder.locales);
        for (rel, problem) in settled.lost {
            builder.summaries.remove(&rel);
            builder.known.remove(&rel);
            builder.unreadable.insert(rel, problem);
        }
        builder.home_list = settled.home_list;
        pipeline::timed("site pass", || builder.run_site_pass());
        pipeline::timed("navigation trees", || builder.make_trees())?;
        Ok(builder)
    }

    /// Sets apart the files pages include, as the site pass will: they have
    /// no summary, so no output, no place in the lists nor in navigation.
    fn set_fragments(&mut self) {
        let facts: Vec<&PageFacts> = self.known.values().map(|k| &k.facts).collect();
        let files = crate::links::SiteIndex::new(
            self.site.files.iter().map(|f| f.rel.clone()),
            crate::docset::discover(&self.site.paths.content, &self.site.files),
        );
        self.fragments = pipeline::site::fragments(&files, &facts);
        self.summaries
            .retain(|rel, _| !self.fragments.contains(rel));
    }

    /// The pages that are published: read, and not fragments.
    fn published(&self) -> impl Iterator<Item = &'a ContentFile> + '_ {
        self.pages
            .iter()
            .copied()
            .filter(|f| self.known.contains_key(&f.rel) && !self.fragments.contains(&f.rel))
    }

    /// Keeps what the builder needs of a page just read.
    fn take_in(&mut self, arrival: Arrival) {
        let Arrival {
            mut page,
            facts,
            mut summary,
        } = arrival;
        let rel = page.doc.rel.clone();
        summary.url = self.locales.href(&rel, View::Sxs);
        let own = std::mem::take(&mut page.findings);
        let search = self.known.remove(&rel).and_then(|k| k.search);
        self.known.insert(
            rel.clone(),
            Known {
                facts,
                locale: page.locale,
                findings: own.clone(),
                own,
                search,
            },
        );
        if !self.fragments.contains(&rel) {
            self.summaries.insert(rel.clone(), summary);
        }
        self.unreadable.remove(&rel);
        self.docs.insert(page.doc);
    }

    /// The site pass over every known page; each page's findings and
    /// summary counts become final. Returns the pages whose findings changed.
    fn run_site_pass(&mut self) -> HashSet<String> {
        let facts: Vec<&PageFacts> = self
            .pages
            .iter()
            .filter_map(|f| self.known.get(&f.rel))
            .map(|k| &k.facts)
            .collect();
        self.pass = pipeline::site::run(self.site, &facts);
        self.fragments = self.pass.fragments.clone();
        let mut changed = HashSet::new();
        for (rel, known) in &mut self.known {
            let mut findings = known.own.clone();
            findings.extend(self.pass.of(rel).iter().cloned());
            pipeline::sort_findings(&mut findings);
            if findings != known.findings {
                changed.insert(rel.clone());
            }
            if let Some(summary) = self.summaries.get_mut(rel) {
                summary.count(&findings);
            }
            known.findings = findings;
        }
        changed
    }

    /// Renders every page, the site-wide pages, static files and media
    /// into `sink`.
    pub fn build_all(&mut self, sink: &dyn Sink) -> Result<Outcome> {
        let all: Vec<String> = self.published().map(|f| f.rel.clone()).collect();
        let (rendered, _) = pipeline::timed("render pages", || self.render(&all, sink))?;
        pipeline::timed("site-wide pages", || {
            self.write_site_pages(sink, SiteOutputs::ALL)
        })?;
        pipeline::timed("fixed files, media and static/", || {
            self.write_fixed_files(sink)?;
            copy_media(self.site, &self.unreadable, sink)?;
            copy_static(self.site, sink)
        })?;
        Ok(self.outcome(rendered, SiteOutputs::ALL))
    }

    /// Builds again after the content files `rels` changed on disk (the
    /// same files as when this builder was made): changed pages, the pages
    /// whose findings the change alters, that include them or whose
    /// navigation shows their title, and the site-wide pages are rendered
    /// again; changed media are copied; a TOC change renders every page. A
    /// page that cannot be read keeps its last good output and reports why.
    pub fn rebuild(&mut self, rels: &[String], sink: &dyn Sink) -> Result<Rebuild> {
        let rebuilt = self.rebuild_pages(rels, sink)?;
        self.refresh_search(sink)?;
        Ok(rebuilt)
    }

    /// [`Builder::rebuild`] but for the search index, which
    /// [`Builder::refresh_search`] then writes: `serve` reloads the browser
    /// in between, as the index takes longer to make than the pages and is
    /// not on screen.
    pub fn rebuild_pages(&mut self, rels: &[String], sink: &dyn Sink) -> Result<Rebuild> {
        let mut changed = Vec::new();
        let mut toc_changed = false;
        for rel in rels {
            let Some(file) = self.files.get(rel.as_str()).copied() else {
                return Ok(Rebuild::Full(format!("{rel} is new")));
            };
            let was_page = self.pages.iter().any(|p| p.rel == file.rel);
            if was_page != pipeline::is_page(file) {
                return Ok(Rebuild::Full(format!("{rel} is a page now, or no longer")));
            }
            match file.kind {
                _ if was_page => changed.push(pipeline::read_page(self.site, file)),
                FileKind::Toc => toc_changed = true,
                FileKind::Asset if !self.unreadable.contains_key(rel) => {
                    sink.copy(&file.rel, &file.path)?;
                }
                _ => {}
            }
        }
        if let Some(reason) = self.needs_full(&changed) {
            return Ok(Rebuild::Full(reason));
        }
        let mut dependents = self.includers(rels);
        // The summaries as the lists show them, to tell after the site pass
        // whether the lists change.
        let before: HashMap<String, PageSummary> = self.summaries.clone();
        let mut outputs = SiteOutputs::default();
        let mut titles_changed = false;
        let mut rendering: HashSet<String> = HashSet::new();
        for result in changed {
            match result {
                Ok(page) => {
                    let rel = page.doc.rel.clone();
                    let old = self.summaries.get(&rel).cloned();
                    self.take_in(Arrival::of(page, &self.locales));
                    if let (Some(old), Some(new)) = (old, self.summaries.get(&rel)) {
                        outputs.sitemap |=
                            (old.bilingual, &old.locale) != (new.bilingual, &new.locale);
                        titles_changed |= old.title != new.title;
                        if old.title != new.title {
                            self.title_dependents(&rel, &mut dependents);
                        }
                    }
                    rendering.insert(rel);
                }
                Err(problem) => {
                    self.unreadable.insert(problem.file.clone(), problem);
                }
            }
        }
        let findings_changed = pipeline::timed("site pass", || self.run_site_pass());
        outputs.findings = !findings_changed.is_empty() || !rendering.is_empty();
        dependents.extend(findings_changed);
        outputs.lists = before != self.summaries;
        if toc_changed || titles_changed {
            self.make_trees()?;
            outputs.lists = true;
        }
        if toc_changed {
            dependents.extend(self.known.keys().cloned());
        }
        dependents.extend(rendering);
        let jobs: Vec<String> = self
            .published()
            .filter(|f| dependents.contains(&f.rel))
            .map(|f| f.rel.clone())
            .collect();
        let (rendered, search_changed) =
            pipeline::timed("render pages", || self.render(&jobs, sink))?;
        self.search_stale |= search_changed;
        let visible = SiteOutputs {
            search: false,
            ..outputs
        };
        pipeline::timed("site-wide pages", || self.write_site_pages(sink, visible))?;
        outputs.search = self.search_stale;
        Ok(Rebuild::Done(self.outcome(rendered, outputs)))
    }

    /// Writes the search index again if the pages rebuilt since it was
    /// last written changed their records; says whether it did.
    pub fn refresh_search(&mut self, sink: &dyn Sink) -> Result<bool> {
        if !self.search_stale {
            return Ok(false);
        }
        pipeline::timed("search", || self.write_search(sink))?;
        self.search_stale = false;
        Ok(true)
    }

    /// Writes the built-in static files and the site's `static/` folder
    /// again (after a change there).
    pub fn copy_static(&self, sink: &dyn Sink) -> Result<()> {
        self.write_fixed_files(sink)?;
        copy_static(self.site, sink)
    }

    /// The pages that include any of `rels`.
    fn includers(&self, rels: &[String]) -> HashSet<String> {
        self.known
            .iter()
            .filter(|(rel, known)| {
                known.facts.links.iter().any(|l| {
                    l.kind == crate::links::LinkKind::Include
                        && match self.pass.index.resolve(rel, &l.url) {
                            crate::links::Target::Page { rel, .. }
                            | crate::links::Target::File(rel) => rels.contains(&rel),
                            _ => false,
                        }
                })
            })
            .map(|(rel, _)| rel.clone())
            .collect()
    }

    /// Why the changed pages cannot be rebuilt on their own, if they cannot:
    /// a page unreadable at the start now reads (it was never in the index),
    /// its includes change (a file may become a page, or stop being one), or
    /// the site's majority language changes (every URL would).
    fn needs_full(&self, changed: &[std::result::Result<Page, Diagnostic>]) -> Option<String> {
        let mut locales: HashMap<&str, &str> = HashMap::new();
        for page in changed.iter().flatten() {
            let Some(known) = self.known.get(&page.doc.rel) else {
                return Some(format!("{} can be read again", page.doc.rel));
            };
            if includes(&known.facts) != includes(&PageFacts::of(page)) {
                return Some(format!(
                    "{} includes other files now (which files are pages may change)",
                    page.doc.rel
                ));
            }
            locales.insert(&page.doc.rel, &page.locale);
        }
        let after = self
            .known
            .iter()
            .map(|(rel, k)| locales.get(rel.as_str()).copied().unwrap_or(&k.locale));
        let target = majority_locale(after, &self.site.config.target_locale);
        (target != self.locales.target).then(|| format!("the site's language is now {target}"))
    }

    /// Adds to `out` the pages whose previous/next links show the title of
    /// `rel` (the sidebar is in the tree's shared script, written with the
    /// site-wide outputs).
    fn title_dependents(&self, rel: &str, out: &mut HashSet<String>) {
        for tree in &self.trees {
            let Some(at) = tree.position(rel) else {
                continue;
            };
            let neighbours = [at.checked_sub(1), Some(at + 1)];
            out.extend(
                neighbours
                    .iter()
                    .flatten()
                    .filter_map(|i| tree.order.get(*i).cloned()),
            );
        }
    }

    /// The navigation trees, rendered once for every page to reuse.
    fn make_trees(&mut self) -> Result<()> {
        let (mut trees, problems) = nav::build(
            &self.site.files,
            |f| load::read_text(&f.path, &f.rel).ok(),
            &self.pass.index,
        );
        let origin = render::views::origin(self.base_url());
        for tree in &mut trees {
            nav::set_urls(&mut tree.items, &|rel| self.locales.href(rel, View::Sxs));
            if let Some(origin) = &origin {
                nav::rebase_site_paths(&mut tree.items, origin);
            }
            if tree.from_folders {
                nav::set_names(&mut tree.items, &|rel| {
                    self.summaries.get(rel).map(|s| s.title.clone())
                });
            }
            if tree.title.trim().is_empty() {
                tree.title = self.folder_title(&tree.folder);
            }
        }
        self.trees = lists::render_trees(&self.templates, trees)?;
        self.nav_problems = problems;
        Ok(())
    }

    /// A folder's name for a tree without one: its landing page's title,
    /// else the folder's own name in words (never a path).
    fn folder_title(&self, folder: &str) -> String {
        ["index.yml", "index.md"]
            .iter()
            .find_map(|name| {
                let rel = crate::docset::join(folder, name);
                self.summaries.get(&rel).map(|s| s.title.clone())
            })
            .unwrap_or_else(|| match folder.rsplit('/').next() {
                Some(name) if !name.is_empty() => name.replace(['-', '_'], " "),
                // The content root's pages: the site's own title.
                _ => self.site.config.title.clone(),
            })
    }

    /// What rendering needs, borrowed from the builder.
    fn shared(&self) -> Shared<'_> {
        Shared {
            site: self.site,
            templates: &self.templates,
            locales: &self.locales,
            index: &self.pass.index,
            summaries: &self.summaries,
            trees: &self.trees,
            docs: &self.docs,
            files: &self.files,
            base_url: self.base_url(),
        }
    }

    /// Renders the pages `rels` in parallel into `sink`; their search
    /// records go to the spill. Returns how many were rendered, and whether
    /// the search index changed with them.
    fn render(&mut self, rels: &[String], sink: &dyn Sink) -> Result<(usize, bool)> {
        let shared = self.shared();
        let (site, spill) = (self.site, &self.spill);
        /// A page rendered: where its records are, and whether they changed.
        type Rendered = std::result::Result<(String, Option<spill::Stored>, bool), Diagnostic>;
        let results: Vec<Result<Rendered>> = rels
            .par_iter()
            .filter_map(|rel| self.known.get(rel).map(|k| (rel, k)))
            .map(|(rel, known)| {
                let doc = match self.docs.get(rel) {
                    Some(doc) => std::borrow::Cow::Borrowed(doc),
                    None => match reread(site, &self.files, rel) {
                        Ok(doc) => std::borrow::Cow::Owned(doc),
                        Err(problem) => return Ok(Err(problem)),
                    },
                };
                let page = shared.render_page(&doc, &known.locale, &known.findings)?;
                for (path, html) in &page.files {
                    sink.write(path, html.as_bytes())?;
                }
                let before = match known.search {
                    Some(at) => spill.get(at)?,
                    None => search::PageRecords::default(),
                };
                // Unchanged records are not stored again (`sxs serve`
                // renders pages again and again).
                let changed = before != page.search;
                let stored = if changed {
                    Some(spill.put(&page.search)?)
                } else {
                    known.search
                };
                Ok(Ok((rel.clone(), stored, changed)))
            })
            .collect();
        let mut count = 0;
        let mut search_changed = false;
        for result in results {
            match result? {
                Ok((rel, stored, changed)) => {
                    count += 1;
                    if let Some(known) = self.known.get_mut(&rel) {
                        search_changed |= changed;
                        known.search = stored;
                    }
                }
                Err(problem) => {
                    self.unreadable.insert(problem.file.clone(), problem);
                }
            }
        }
        Ok((count, search_changed))
    }

    /// The outputs built from every page: home, 404, review dashboard and
    /// decisions index (`lists`), the sitemap, the search index and the
    /// findings; those in `outputs`, in parallel.
    fn write_site_pages(&self, sink: &dyn Sink, outputs: SiteOutputs) -> Result<()> {
        let shared = self.shared();
        let summaries: Vec<&PageSummary> = self
            .pages
            .iter()
            .filter_map(|f| self.summaries.get(&f.rel))
            .collect();
        // Each kind of file is written, and let go, before the next is made.
        let write = |files: Vec<Output>| {
            files
                .par_iter()
                .try_for_each(|(path, bytes)| sink.write(path, bytes))
        };
        if outputs.lists {
            pipeline::timed("lists", || shared.lists(&summaries, &self.home_list, sink))?;
            pipeline::timed("navigation", || write(shared.nav_files()?))?;
            write(self.ui_scripts(&shared)?)?;
        }
        if outputs.sitemap && writes_sitemap(self.base_url()) {
            write(shared.sitemap(&summaries, self.base_url())?)?;
        }
        if outputs.findings {
            pipeline::timed("findings", || {
                write(lists::findings_files(&self.findings())?)
            })?;
        }
        // The search index is made last, when the lists have been let go:
        // at 50,000 pages, making both at once went over a gigabyte.
        if outputs.search {
            pipeline::timed("search", || self.write_search(sink))?;
        }
        Ok(())
    }

    /// One interface script per language a view is shown in: the site's
    /// two and the target language each page declares.
    fn ui_scripts(&self, shared: &Shared<'_>) -> Result<Vec<Output>> {
        let mut locales: BTreeMap<String, &str> = BTreeMap::new();
        let declared = self.known.values().map(|k| k.locale.as_str());
        for locale in [
            self.locales.target.as_str(),
            &self.site.config.source_locale,
        ]
        .into_iter()
        .chain(declared)
        {
            locales.entry(page::ui_script(locale)).or_insert(locale);
        }
        locales
            .values()
            .map(|locale| shared.ui_script_file(locale))
            .collect()
    }

    /// Writes the search index from the spilled records of the published
    /// pages, in site order (a page never rendered has none).
    fn write_search(&self, sink: &dyn Sink) -> Result<()> {
        let records = || {
            self.published()
                .filter_map(|f| self.known.get(&f.rel))
                .map(|k| match k.search {
                    Some(at) => self.spill.get(at),
                    None => Ok(search::PageRecords::default()),
                })
        };
        let record_bytes: usize = self
            .published()
            .filter_map(|f| self.known.get(&f.rel)?.search)
            .map(|at| at.len())
            .sum();
        log::debug!("search records: {record_bytes} bytes");
        // The index is made on this thread and its files written on another:
        // a docset's search is a thousand small files or more, and on a
        // file system that has just freed many (a site replaced), creating
        // a file can cost more than making it.
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<Output>(SEARCH_FILES_QUEUED);
            let writer = scope.spawn(move || -> Result<()> {
                for (path, bytes) in receive {
                    sink.write(&path, &bytes)?;
                }
                Ok(())
            });
            let made = search::write_files(
                records,
                &|file| {
                    send.send(file)
                        .map_err(|_| Error::new("the search index's files could not be written"))
                },
                record_bytes <= SEARCH_TOGETHER_BELOW,
            );
            drop(send);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(Error::new("writing the search index's files failed")));
            // The writer's error is the cause of the other.
            written.and(made)
        })
    }

    /// Files that depend on neither pages nor content: robots.txt and the
    /// built-in CSS and JS.
    fn write_fixed_files(&self, sink: &dyn Sink) -> Result<()> {
        let base = self.base_url();
        // A sitemap's URLs must be absolute: without base_url neither file
        // is written.
        if writes_sitemap(base) {
            sink.write(
                "robots.txt",
                format!(
                    "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                    base.trim_end_matches('/')
                )
                .as_bytes(),
            )?;
        }
        for (path, content) in render::STATIC {
            sink.write(path, content.as_bytes())?;
        }
        Ok(())
    }

    /// The published site's URL: `--base-url`, else site.yml's.
    fn base_url(&self) -> &str {
        self.base_url
            .as_deref()
            .unwrap_or(&self.site.config.base_url)
    }

    /// Every finding of the site as it stands, sorted: the same list as
    /// [`pipeline::review_site`] gives `sxs check`.
    fn findings(&self) -> Vec<Diagnostic> {
        let mut findings = self.site.problems.clone();
        findings.extend(self.nav_problems.iter().cloned());
        findings.extend(self.unreadable.values().cloned());
        for (rel, known) in &self.known {
            if !self.unreadable.contains_key(rel) {
                findings.extend(known.findings.iter().cloned());
            }
        }
        pipeline::sort_findings(&mut findings);
        findings
    }

    fn outcome(&self, rendered: usize, outputs: SiteOutputs) -> Outcome {
        Outcome {
            pages: self.summaries.len(),
            rendered,
            site_outputs: outputs.names(),
            findings: self.findings(),
            stale_templates: self.templates.stale().to_vec(),
        }
    }
}

/// The include paths of a page, as written.
fn includes(facts: &PageFacts) -> Vec<&str> {
    facts
        .links
        .iter()
        .filter(|l| l.kind == crate::links::LinkKind::Include)
        .map(|l| l.url.as_str())
        .collect()
}

/// The page `rel` read and aligned again, when its document did not fit in
/// the cache: rendering needs it, its findings are already known.
fn reread(
    site: &Site,
    files: &FilesByPath<'_>,
    rel: &str,
) -> std::result::Result<Document, Diagnostic> {
    match files.get(rel) {
        Some(file) => pipeline::read_document(site, file),
        None => Err(Diagnostic::new(
            rel,
            (1, 1),
            crate::code::Code::Io,
            Severity::Error,
            "the page is gone; build again",
        )),
    }
}

/// The documents kept between the per-page stages and rendering, up to a
/// budget of estimated bytes.
#[derive(Debug)]
pub(crate) struct DocCache {
    budget: usize,
    used: usize,
    docs: HashMap<String, (Document, usize)>,
}

impl DocCache {
    fn new(budget: usize) -> DocCache {
        DocCache {
            budget,
            used: 0,
            docs: HashMap::new(),
        }
    }

    /// Keeps `doc` if it fits (replacing an older version of the page).
    fn insert(&mut self, doc: Document) {
        if let Some((_, size)) = self.docs.remove(&doc.rel) {
            self.used -= size;
        }
        let size = estimated_size(&doc);
        if self.used + size <= self.budget {
            self.used += size;
            self.docs.insert(doc.rel.clone(), (doc, size));
        }
    }

    pub(crate) fn get(&self, rel: &str) -> Option<&Document> {
        self.docs.get(rel).map(|(doc, _)| doc)
    }
}

/// About how many bytes a document holds (see [`DOC_BYTES_PER_SOURCE_BYTE`]).
fn estimated_size(doc: &Document) -> usize {
    let text: usize = doc
        .segments
        .iter()
        .map(|s| s.target.len() + s.source.len())
        .sum();
    (text + 64 * doc.blocks.len()).max(1024) * DOC_BYTES_PER_SOURCE_BYTE / 2
}

/// The site-wide outputs, by what they are built from: `lists` from the
/// pages' summaries and the navigation, `sitemap` from each page's language,
/// `search` from each page's segments, `findings` from every finding. A
/// rebuild writes only those whose input changed.
#[derive(Debug, Default, Clone, Copy)]
struct SiteOutputs {
    lists: bool,
    sitemap: bool,
    search: bool,
    findings: bool,
}

impl SiteOutputs {
    const ALL: SiteOutputs = SiteOutputs {
        lists: true,
        sitemap: true,
        search: true,
        findings: true,
    };

    fn names(self) -> Vec<&'static str> {
        [
            (self.lists, "home/review/decisions"),
            (self.sitemap, "sitemap"),
            (self.search, "search index"),
            (self.findings, "findings"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect()
    }
}

/// The language most pages are in (ties: the last in name order), else
/// `default`: it names the target view's files.
fn majority_locale<'s>(locales: impl Iterator<Item = &'s str>, default: &str) -> String {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for locale in locales {
        *votes.entry(locale).or_default() += 1;
    }
    votes
        .iter()
        .max_by_key(|(_, n)| **n)
        .map_or(default.to_owned(), |(l, _)| (*l).to_owned())
}

/// How many search files may wait for the writer: enough to keep it busy,
/// few enough (a few kilobytes each) to hold at any docset size.
const SEARCH_FILES_QUEUED: usize = 64;

/// Below this many bytes of search records the two languages are indexed
/// at once, each on a core: the second index costs about as much memory
/// again, which is bounded so (a 50,000-page docset's records are hundreds
/// of megabytes, and it is indexed one language at a time to stay under a
/// gigabyte).
const SEARCH_TOGETHER_BELOW: usize = 64 * 1024 * 1024;

/// The outputs of every page and media file, claimed once each (see
/// [`claims`]): the inputs that lost their path, and where the home goes.
fn settle_outputs(
    site: &Site,
    summaries: &HashMap<String, PageSummary>,
    locales: &Locales,
) -> claims::Settled {
    let inputs = site.files.iter().filter_map(|file| {
        let outputs = if summaries.contains_key(&file.rel) {
            View::ALL.map(|v| locales.built_path(&file.rel, v)).to_vec()
        } else if file.kind == FileKind::Asset {
            vec![file.rel.clone()]
        } else {
            return None;
        };
        Some((file.rel.as_str(), outputs))
    });
    let mut reserved = vec![
        "404.html",
        "review/index.html",
        "review/findings/index.json",
        "decisions/index.html",
        "sitemap.xml",
        "robots.txt",
        // The search manifests; shards and navigation scripts are named by
        // sxs under static/search/ and static/nav/.
        "static/search/t.js",
        "static/search/s.js",
    ];
    reserved.extend(render::STATIC.iter().map(|(path, _)| *path));
    claims::settle(inputs, &reserved)
}

/// Copies content media (anything that is not a page or TOC), but those
/// that could not be claimed (in `lost`).
fn copy_media(site: &Site, lost: &BTreeMap<String, Diagnostic>, sink: &dyn Sink) -> Result<()> {
    for file in site
        .files
        .iter()
        .filter(|f| f.kind == FileKind::Asset && !lost.contains_key(&f.rel))
    {
        sink.copy(&file.rel, &file.path)?;
    }
    Ok(())
}

/// Copies the site's `static/` folder, which may override the built-in CSS
/// and JS.
fn copy_static(site: &Site, sink: &dyn Sink) -> Result<()> {
    let static_dir = site.paths.root.join("static");
    if static_dir.is_dir() && static_dir != site.paths.content {
        let (files, _) = load::discover(&static_dir, &[], site.config.symlinks());
        for file in files {
            sink.copy(&format!("static/{}", file.rel), &file.path)?;
        }
    }
    Ok(())
}

/// Whether `base` is a URL a sitemap can use (`http(s)://host…`): without
/// one, sitemap.xml and robots.txt are not written (their URLs must be
/// absolute), and `sxs build` says so.
pub fn writes_sitemap(base: &str) -> bool {
    let lower = base.trim().to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    })
}
