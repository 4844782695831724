//! `sxs build`: the whole pipeline, page by page in parallel, into a staging
//! folder that replaces the output only when the build is complete.
//!
//! Two passes keep memory to small per-page summaries: the first reads every
//! page for what other pages need (titles, verdicts, anchors), the second
//! reads each page again and renders it; no document outlives its page.

use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::load::{self, ContentFile, FileKind};
use crate::model::{Document, Side};
use crate::render::charts::{self, Bar};
use crate::render::markdown::{Context, IncludeSource};
use crate::render::nav::{self, NavTree};
use crate::render::views::{
    self, Locales, PageLinks, PageNav, PageSummary, RenderedTree, SiteIndex, View,
};
use crate::render::{self, Templates};
use crate::review;
use crate::site::Site;
use crate::write::{Sink, Staging};
use rayon::prelude::*;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a build did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub pages: usize,
    /// Pages whose views were written (all of them, or a rebuild's few).
    pub rendered: usize,
    /// The site-wide outputs written: `home/review/decisions` (with 404),
    /// `sitemap`, `search index`.
    pub site_outputs: Vec<&'static str>,
    /// Every problem: unreadable pages, findings at error level, broken links.
    pub problems: Vec<Diagnostic>,
}

/// A page read and reviewed.
struct Reviewed {
    doc: Document,
    findings: Vec<Diagnostic>,
    locale: String,
}

/// Reads a page (markdown, or a YAML page turned into markdown) and reviews it.
fn read_page(site: &Site, file: &ContentFile) -> std::result::Result<Reviewed, Diagnostic> {
    let text = load::read_text(&file.path, &file.rel)?;
    let doc = match file.kind {
        FileKind::YamlPage => {
            let md = crate::yamlpage::to_markdown(&text)
                .map_err(|e| e.to_diagnostic(&file.rel, "yaml-page", "this YAML page"))?;
            crate::read_document(&file.rel, &md)
        }
        _ => crate::read_document(&file.rel, &text),
    };
    let locale = site.target_locale(&doc).to_owned();
    let findings = review::configure(review::page_findings(&doc, &locale), &site.config.review);
    Ok(Reviewed {
        doc,
        findings,
        locale,
    })
}

fn is_page(file: &ContentFile) -> bool {
    match file.kind {
        FileKind::Markdown => true,
        // Only DocFX YAML pages; docfx.json-like YAML is data.
        FileKind::YamlPage => {
            std::fs::read(&file.path).is_ok_and(|bytes| crate::yamlpage::is_page(&bytes))
        }
        _ => false,
    }
}

/// The files that pages include (`[!INCLUDE]`): fragments of other pages,
/// so neither pages of their own nor in the search index.
fn include_targets(index: &SiteIndex<'_>) -> HashSet<String> {
    index
        .pages
        .values()
        .flat_map(|page| {
            page.includes
                .iter()
                .filter_map(|href| index.resolve(&page.rel, href.split('#').next()?))
        })
        .collect()
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

/// What pass 2 learnt of a page, kept so that a rebuild of a few pages can
/// redo the site-wide pages without rendering every page again.
#[derive(Debug, Default)]
struct Rendered {
    problems: Vec<Diagnostic>,
    /// The page's search records: JSON objects joined by commas.
    search: String,
    /// Pages this page links to with an anchor.
    anchored: HashSet<String>,
    /// Files this page includes (at any depth).
    included: HashSet<String>,
}

/// What [`Builder::rebuild_pages`] did.
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

/// A build that can be redone in part: it keeps the templates, the pass-1
/// summaries and the navigation trees, so `sxs serve` re-renders one changed
/// page and the pages that depend on it instead of the whole site.
pub struct Builder<'a> {
    site: &'a Site,
    base_url: Option<String>,
    templates: Templates,
    /// Every page, in site order (the order of the site-wide lists).
    pages: Vec<&'a ContentFile>,
    locales: Locales,
    /// Pass 1, by content path: the pages that could be read.
    summaries: HashMap<String, PageSummary>,
    /// Pages that could not be read (their last good output stays).
    unreadable: BTreeMap<String, Diagnostic>,
    files: HashSet<String>,
    trees: Vec<RenderedTree>,
    nav_problems: Vec<Diagnostic>,
    rendered: HashMap<String, Rendered>,
    /// Where root-relative and `~/` paths lead (`docfx.json`).
    docsets: crate::docset::Docsets,
    /// Files pages include: not pages themselves.
    fragments: HashSet<String>,
}

impl<'a> Builder<'a> {
    /// Loads the templates and runs pass 1: what every page needs to know
    /// about the others.
    pub fn new(site: &'a Site, base_url: Option<&str>) -> Result<Builder<'a>> {
        let templates = Templates::load(&site.paths.root.join("templates"))?;
        let pages: Vec<&ContentFile> = site.files.iter().filter(|f| is_page(f)).collect();
        let first: Vec<std::result::Result<PageSummary, Diagnostic>> = pages
            .par_iter()
            .map(|file| read_page(site, file).map(|page| summarize(&page, &Locales::new("", ""))))
            .collect();
        let mut summaries = HashMap::new();
        let mut unreadable = BTreeMap::new();
        for result in first {
            match result {
                Ok(summary) => {
                    summaries.insert(summary.rel.clone(), summary);
                }
                Err(problem) => {
                    unreadable.insert(problem.file.clone(), problem);
                }
            }
        }
        let locales = Locales::new(
            &majority_locale(
                summaries.values().map(|s| s.locale.as_str()),
                &site.config.target_locale,
            ),
            &site.config.source_locale,
        );
        for summary in summaries.values_mut() {
            summary.url = locales.built_path(&summary.rel, View::Sxs);
        }
        let docsets = crate::docset::discover(&site.paths.content, &site.files);
        let files: HashSet<String> = site.files.iter().map(|f| f.rel.clone()).collect();
        let fragments = include_targets(
            &SiteIndex::new(&locales, &summaries, &files).with_docsets(docsets.clone(), ""),
        );
        summaries.retain(|rel, _| !fragments.contains(rel));
        let pages = pages
            .into_iter()
            .filter(|f| !fragments.contains(&f.rel))
            .collect();
        let mut builder = Builder {
            site,
            base_url: base_url.map(str::to_owned),
            templates,
            pages,
            locales,
            summaries,
            unreadable,
            files,
            trees: Vec::new(),
            nav_problems: Vec::new(),
            rendered: HashMap::new(),
            docsets,
            fragments,
        };
        builder.make_trees()?;
        Ok(builder)
    }

    /// Pass 2 and the rest: every page, the site-wide pages, static files
    /// and media, into `sink`.
    pub fn build_all(&mut self, sink: &dyn Sink) -> Result<Outcome> {
        let jobs: Vec<Job<'_>> = self
            .pages
            .iter()
            .filter(|file| self.summaries.contains_key(&file.rel))
            .map(|file| Job::Read(file))
            .collect();
        let (rendered, _) = self.render(jobs, sink)?;
        self.write_site_pages(sink, SiteOutputs::ALL)?;
        self.write_fixed_files(sink)?;
        copy_media(self.site, sink)?;
        copy_static(self.site, sink)?;
        Ok(self.outcome(rendered, SiteOutputs::ALL))
    }

    /// Builds again after the content files `rels` changed on disk (the
    /// same files as when this builder was made): changed pages, the pages
    /// that include them or link to their anchors, and the site-wide pages
    /// are rendered again; changed media are copied; a TOC change renders
    /// every page. A page that cannot be read keeps its last good output and
    /// reports why.
    pub fn rebuild(&mut self, rels: &[String], sink: &dyn Sink) -> Result<Rebuild> {
        let mut changed = Vec::new();
        let mut dependents = self.includers(rels);
        let mut toc_changed = false;
        for rel in rels {
            let Some(file) = self.site.files.iter().find(|f| &f.rel == rel) else {
                return Ok(Rebuild::Full(format!("{rel} is new")));
            };
            let was_page = self.pages.iter().any(|p| p.rel == file.rel);
            if was_page != (is_page(file) && !self.fragments.contains(rel)) {
                return Ok(Rebuild::Full(format!("{rel} is a page now, or no longer")));
            }
            match file.kind {
                _ if was_page => changed.push((file, read_page(self.site, file))),
                FileKind::Toc => toc_changed = true,
                FileKind::Asset => sink.copy(&file.rel, &file.path)?,
                _ => {}
            }
        }
        if let Some(reason) = self.needs_full(&changed) {
            return Ok(Rebuild::Full(reason));
        }
        let (ready, mut outputs, titles_changed) = self.update_summaries(changed, &mut dependents);
        if toc_changed || titles_changed {
            self.make_trees()?;
            outputs.lists = true;
        }
        if toc_changed {
            dependents.extend(self.summaries.keys().cloned());
        }
        for page in &ready {
            dependents.remove(&page.doc.rel);
        }
        let mut jobs: Vec<Job<'_>> = ready.into_iter().map(|p| Job::Ready(Box::new(p))).collect();
        jobs.extend(
            self.pages
                .iter()
                .filter(|f| dependents.contains(&f.rel))
                .map(|file| Job::Read(file)),
        );
        let (rendered, search_changed) = self.render(jobs, sink)?;
        outputs.search = search_changed;
        self.write_site_pages(sink, outputs)?;
        Ok(Rebuild::Done(self.outcome(rendered, outputs)))
    }

    /// Writes the built-in static files and the site's `static/` folder
    /// again (after a change there).
    pub fn copy_static(&self, sink: &dyn Sink) -> Result<()> {
        self.write_fixed_files(sink)?;
        copy_static(self.site, sink)
    }

    /// Takes in the changed pages' new summaries (or why they cannot be
    /// read) and adds to `dependents` the other pages to render again.
    /// Returns the pages read, the site-wide outputs their summaries touch,
    /// and whether a title changed.
    fn update_summaries(
        &mut self,
        changed: Vec<(&ContentFile, std::result::Result<Reviewed, Diagnostic>)>,
        dependents: &mut HashSet<String>,
    ) -> (Vec<Reviewed>, SiteOutputs, bool) {
        let mut ready = Vec::new();
        let mut outputs = SiteOutputs::default();
        let mut titles_changed = false;
        for (file, result) in changed {
            match result {
                Ok(page) => {
                    let mut summary = summarize(&page, &self.locales);
                    summary.url = self.locales.built_path(&summary.rel, View::Sxs);
                    outputs.sitemap |= self.summaries.get(&file.rel).is_none_or(|old| {
                        (old.bilingual, &old.locale) != (summary.bilingual, &summary.locale)
                    });
                    if let Some(old) = self.summaries.insert(file.rel.clone(), summary) {
                        outputs.lists |= self.summaries.get(&file.rel) != Some(&old);
                        titles_changed |= self.depends_on(&old, dependents);
                    }
                    self.unreadable.remove(&file.rel);
                    ready.push(page);
                }
                Err(problem) => {
                    self.unreadable.insert(file.rel.clone(), problem);
                }
            }
        }
        (ready, outputs, titles_changed)
    }

    /// The pages that include any of `rels`.
    fn includers(&self, rels: &[String]) -> HashSet<String> {
        self.rendered
            .iter()
            .filter(|(_, r)| rels.iter().any(|rel| r.included.contains(rel)))
            .map(|(page, _)| page.clone())
            .collect()
    }

    /// Why the changed pages cannot be rebuilt on their own, if they cannot:
    /// a page unreadable at the start now reads (it was never in the index),
    /// or the site's majority language changes (every URL would).
    fn needs_full(
        &self,
        changed: &[(&ContentFile, std::result::Result<Reviewed, Diagnostic>)],
    ) -> Option<String> {
        let mut locales: HashMap<&str, &str> = HashMap::new();
        for (file, result) in changed {
            if let Ok(page) = result {
                if !self.summaries.contains_key(&file.rel) {
                    return Some(format!("{} can be read again", file.rel));
                }
                locales.insert(&file.rel, &page.locale);
            }
        }
        let after = self
            .summaries
            .values()
            .map(|s| locales.get(s.rel.as_str()).copied().unwrap_or(&s.locale));

        let target = majority_locale(after, &self.site.config.target_locale);
        (target != self.locales.target).then(|| format!("the site's language is now {target}"))
    }

    /// Adds to `out` the pages whose output depends on what changed between
    /// `old` and the page's new summary; true when its title changed (the
    /// navigation trees name pages by title).
    fn depends_on(&self, old: &PageSummary, out: &mut HashSet<String>) -> bool {
        let Some(new) = self.summaries.get(&old.rel) else {
            return false;
        };
        if new.anchors != old.anchors {
            out.extend(
                self.rendered
                    .iter()
                    .filter(|(_, r)| r.anchored.contains(&old.rel))
                    .map(|(rel, _)| rel.clone()),
            );
        }
        if new.title == old.title {
            return false;
        }
        for tree in &self.trees {
            let Some(at) = tree.order.iter().position(|p| *p == old.rel) else {
                continue;
            };
            if tree.tree.from_folders {
                // Every page of a folder tree shows the title in its sidebar.
                out.extend(tree.order.iter().cloned());
            } else {
                // Neighbours show it in their previous/next links.
                let neighbours = [at.checked_sub(1), Some(at + 1)];
                out.extend(
                    neighbours
                        .iter()
                        .flatten()
                        .filter_map(|i| tree.order.get(*i).cloned()),
                );
            }
        }
        true
    }

    /// The navigation trees, rendered once for every page to reuse.
    fn make_trees(&mut self) -> Result<()> {
        let index = self.index();
        let (mut trees, problems) = nav::build(
            &self.site.files,
            |f| load::read_text(&f.path, &f.rel).ok(),
            &index,
        );
        for tree in &mut trees {
            nav::set_urls(&mut tree.items, &|rel| {
                self.locales.built_path(rel, View::Sxs)
            });
            if let Some(origin) = &index.origin {
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
        self.trees = render_trees(&self.templates, trees)?;
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

    /// What link rewriting needs to know of the site.
    fn index(&self) -> SiteIndex<'_> {
        SiteIndex::new(&self.locales, &self.summaries, &self.files)
            .with_docsets(self.docsets.clone(), self.base_url())
    }

    /// What rendering a page or a site page needs, borrowed from the builder.
    fn shared<'s>(&'s self, index: &'s SiteIndex<'s>, sink: &'s dyn Sink) -> Shared<'s> {
        Shared {
            site: self.site,
            templates: &self.templates,
            locales: &self.locales,
            index,
            trees: &self.trees,
            sink,
        }
    }

    /// Pass 2 for `jobs`, in parallel: each page's three views into `sink`.
    /// Returns how many pages were rendered, and whether the search index
    /// changed with them.
    fn render(&mut self, jobs: Vec<Job<'_>>, sink: &dyn Sink) -> Result<(usize, bool)> {
        let index = self.index();
        let shared = self.shared(&index, sink);
        let site = self.site;
        let results: Vec<Result<std::result::Result<(String, Rendered), Diagnostic>>> = jobs
            .into_par_iter()
            .map(|job| {
                let page = match job {
                    Job::Ready(page) => *page,
                    Job::Read(file) => match read_page(site, file) {
                        Ok(page) => page,
                        Err(problem) => return Ok(Err(problem)),
                    },
                };
                let rendered = shared.render_page(&page)?;
                Ok(Ok((page.doc.rel, rendered)))
            })
            .collect();
        let mut count = 0;
        let mut search_changed = false;
        for result in results {
            match result? {
                Ok((rel, rendered)) => {
                    count += 1;
                    let search = rendered.search.clone();
                    let old = self.rendered.insert(rel, rendered);
                    search_changed |= old.is_none_or(|old| old.search != search);
                }
                Err(problem) => {
                    self.unreadable.insert(problem.file.clone(), problem);
                }
            }
        }
        Ok((count, search_changed))
    }

    /// The outputs built from every page: home, 404, review dashboard and
    /// decisions index (`lists`), the sitemap and the search index; those in
    /// `outputs`, in parallel.
    fn write_site_pages(&self, sink: &dyn Sink, outputs: SiteOutputs) -> Result<()> {
        let index = self.index();
        let shared = self.shared(&index, sink);
        let summaries: Vec<&PageSummary> = self
            .pages
            .iter()
            .filter_map(|f| self.summaries.get(&f.rel))
            .collect();
        let when = |wanted: bool, write: &(dyn Fn() -> Result<()> + Sync)| {
            if wanted {
                write()
            } else {
                Ok(())
            }
        };
        let (lists, (sitemap, search)) = rayon::join(
            || when(outputs.lists, &|| shared.lists(&summaries)),
            || {
                rayon::join(
                    || {
                        when(outputs.sitemap, &|| {
                            shared.sitemap(&summaries, self.base_url())
                        })
                    },
                    || when(outputs.search, &|| self.write_search(sink)),
                )
            },
        );
        lists.and(sitemap).and(search)
    }

    /// The search index: every page's records, in site order. A script, not
    /// JSON, so search works from file:// too.
    fn write_search(&self, sink: &dyn Sink) -> Result<()> {
        let parts: Vec<&str> = self
            .pages
            .iter()
            .filter_map(|f| self.rendered.get(&f.rel))
            .map(|r| r.search.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        let size = parts.iter().map(|p| p.len() + 1).sum::<usize>();
        let mut script = String::with_capacity(size + 32);
        script.push_str("window.SXS_SEARCH=[");
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                script.push(',');
            }
            script.push_str(part);
        }
        script.push_str("];\n");
        sink.write("static/search-index.js", script.as_bytes())
    }

    /// Files that depend on neither pages nor content: robots.txt and the
    /// built-in CSS and JS.
    fn write_fixed_files(&self, sink: &dyn Sink) -> Result<()> {
        let base = self.base_url();
        sink.write(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                base.trim_end_matches('/')
            )
            .as_bytes(),
        )?;
        for (path, content) in render::STATIC {
            sink.write(path, content.as_bytes())?;
        }
        Ok(())
    }

    fn base_url(&self) -> &str {
        self.base_url
            .as_deref()
            .unwrap_or(&self.site.config.base_url)
    }

    /// Every problem of the site as it stands, in file order.
    fn outcome(&self, rendered: usize, outputs: SiteOutputs) -> Outcome {
        let mut problems = self.site.problems.clone();
        problems.extend(self.nav_problems.iter().cloned());
        problems.extend(self.unreadable.values().cloned());
        for (rel, page) in &self.rendered {
            if !self.unreadable.contains_key(rel) {
                problems.extend(page.problems.iter().cloned());
            }
        }
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        Outcome {
            pages: self.summaries.len(),
            rendered,
            site_outputs: outputs.names(),
            problems,
        }
    }
}

/// The site-wide outputs, by what they are built from: `lists` from the
/// pages' summaries and the navigation, `sitemap` from each page's language,
/// `search` from each page's segments. A rebuild writes only those whose
/// input changed.
#[derive(Debug, Default, Clone, Copy)]
struct SiteOutputs {
    lists: bool,
    sitemap: bool,
    search: bool,
}

impl SiteOutputs {
    const ALL: SiteOutputs = SiteOutputs {
        lists: true,
        sitemap: true,
        search: true,
    };

    fn names(self) -> Vec<&'static str> {
        [
            (self.lists, "home/review/decisions"),
            (self.sitemap, "sitemap"),
            (self.search, "search index"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect()
    }
}

/// A page to render: already read (a rebuild reads changed pages once), or
/// to be read.
enum Job<'f> {
    Ready(Box<Reviewed>),
    Read(&'f ContentFile),
}

/// Pass 1 of one page. The URL is set once the site's language is known.
fn summarize(page: &Reviewed, locales: &Locales) -> PageSummary {
    PageSummary::new(&page.doc, &page.findings, locales, &page.locale)
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

/// The dashboard's three charts as inline SVG.
fn dashboard_charts(
    summaries: &[&PageSummary],
    verdicts: &BTreeMap<&str, usize>,
    checks: &BTreeMap<&str, usize>,
) -> BTreeMap<&'static str, String> {
    let verdict_bars: Vec<Bar<'_>> = ["ready", "review", "blocked"]
        .iter()
        .map(|v| Bar {
            label: v,
            value: verdicts.get(v).copied().unwrap_or(0),
            class: v,
        })
        .collect();
    let mut check_list: Vec<(&str, usize)> = checks.iter().map(|(c, n)| (*c, *n)).collect();
    check_list.sort_by_key(|c| std::cmp::Reverse(c.1));
    let check_bars: Vec<Bar<'_>> = check_list
        .iter()
        .map(|(code, n)| Bar {
            label: code,
            value: *n,
            class: "check",
        })
        .collect();
    let shares = share_buckets(summaries);
    let share_bars: Vec<Bar<'_>> = SHARE_BUCKETS
        .iter()
        .zip(shares)
        .map(|((label, _), n)| Bar {
            label,
            value: n,
            class: "share",
        })
        .collect();
    let groups = views::group_decisions(summaries);
    let actor_bars: Vec<Bar<'_>> = groups
        .iter()
        .take(10)
        .map(|g| Bar {
            label: &g.actor,
            value: g.count,
            class: "actor",
        })
        .collect();
    BTreeMap::from([
        (
            "actors",
            charts::bars("Decisions by actor (top 10)", &actor_bars),
        ),
        (
            "verdicts",
            charts::bars("Verdicts across the site", &verdict_bars),
        ),
        ("checks", charts::bars("Findings by check", &check_bars)),
        (
            "shares",
            charts::bars("Pages by share of flagged segments", &share_bars),
        ),
    ])
}

/// Buckets of the share of flagged segments in a page: (label, upper bound).
const SHARE_BUCKETS: [(&str, f64); 5] = [
    ("none", 0.0),
    ("up to 5%", 0.05),
    ("5–20%", 0.20),
    ("20–50%", 0.50),
    ("over 50%", f64::INFINITY),
];

/// How many bilingual pages fall in each of [`SHARE_BUCKETS`].
fn share_buckets(summaries: &[&PageSummary]) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for s in summaries.iter().filter(|s| s.segments > 0) {
        let share = s.flagged as f64 / s.segments as f64;
        let bucket = if s.flagged == 0 {
            0
        } else {
            SHARE_BUCKETS
                .iter()
                .position(|(_, max)| share <= *max)
                .unwrap_or(4)
                .max(1)
        };
        counts[bucket] += 1;
    }
    counts
}

/// Renders each navigation tree once, for every page to reuse.
fn render_trees(templates: &Templates, trees: Vec<NavTree>) -> Result<Vec<RenderedTree>> {
    trees
        .into_iter()
        .map(|tree| {
            let mut ctx = tera::Context::new();
            ctx.insert("tree", &tree);
            ctx.insert("root", views::ROOT_PLACEHOLDER);
            let html = templates.render("nav.html", &ctx)?;
            let mut order = Vec::new();
            nav::flatten(&tree.items, &mut order);
            Ok(RenderedTree {
                title: tree.title.clone(),
                html,
                tree,
                order,
            })
        })
        .collect()
}

/// The include resolver of one page: records what the page includes, so a
/// rebuild renders the page again when one of those files changes.
struct PageIncludes<'a> {
    shared: &'a Shared<'a>,
    loaded: RefCell<HashSet<String>>,
}

impl IncludeSource for PageIncludes<'_> {
    fn load(&self, from: &str, href: &str) -> std::result::Result<Document, String> {
        let doc = self.shared.load(from, href)?;
        self.loaded.borrow_mut().insert(doc.rel.clone());
        Ok(doc)
    }

    fn code(&self, from: &str, href: &str) -> std::result::Result<String, String> {
        let (rel, text) = self.shared.read_named(from, href, "code")?;
        self.loaded.borrow_mut().insert(rel);
        Ok(text)
    }
}

impl IncludeSource for Shared<'_> {
    fn load(&self, from: &str, href: &str) -> std::result::Result<Document, String> {
        let (rel, text) = self.read_named(from, href, "include")?;
        Ok(crate::read_document(&rel, &text))
    }
}

impl Shared<'_> {
    /// The content path and text of the file `href` (written in `from`)
    /// names, or what is wrong, for an include or a `:::code` (`what`).
    fn read_named(
        &self,
        from: &str,
        href: &str,
        what: &str,
    ) -> std::result::Result<(String, String), String> {
        let path = href.split('#').next().unwrap_or(href);
        let not_found = |looked_for: &str| {
            format!("{what} `{href}` not found (looked for {looked_for}); fix the path")
        };
        let Some(rel) = self.index.resolve(from, path) else {
            return Err(not_found(
                &nav::resolve(from, path).unwrap_or_else(|| path.to_owned()),
            ));
        };
        let file = self.site.files.iter().find(|f| f.rel == rel);
        let file = file.ok_or_else(|| not_found(&rel))?;
        let text = load::read_text(&file.path, &file.rel).map_err(|d| d.message)?;
        Ok((rel, text))
    }
}

/// One search record: a segment (or a heading) in both languages.
#[derive(Debug, Serialize)]
struct SearchEntry {
    /// Page URL from the site root, with the segment anchor.
    u: String,
    /// Page title.
    p: String,
    /// Target text.
    t: String,
    /// Source text.
    s: String,
}

struct Shared<'a> {
    site: &'a Site,
    templates: &'a Templates,
    locales: &'a Locales,
    index: &'a SiteIndex<'a>,
    trees: &'a [RenderedTree],
    sink: &'a dyn Sink,
}

impl Shared<'_> {
    fn base_context(&self, rel: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("root", &views::root_prefix(rel));
        ctx.insert("config", &self.site.config);
        ctx.insert("locales", self.locales);
        ctx
    }

    /// Renders one page's three views into the sink.
    fn render_page(&self, page: &Reviewed) -> Result<Rendered> {
        let doc = &page.doc;
        let links = PageLinks::new(self.index, &doc.rel);
        let includes = PageIncludes {
            shared: self,
            loaded: RefCell::default(),
        };
        let context = Context {
            links: &links,
            target_lang: &page.locale,
            source_lang: &self.site.config.source_locale,
            includes: Some(&includes),
            include_stack: Default::default(),
            include_problems: Default::default(),
        };
        let summary = self.index.pages.get(&doc.rel);
        let mut ctx = self.base_context(&doc.rel);
        ctx.insert("page", &PageView::new(doc, self.locales, &page.locale));
        ctx.insert("summary", &summary);
        let decisions = summary
            .map(|s| views::group_decisions(&[s]))
            .unwrap_or_default();
        ctx.insert("decisions", &decisions);
        ctx.insert("nav", &PageNav::of(&doc.rel, self.trees, self.index.pages));
        let findings: Vec<views::FindingView> =
            page.findings.iter().map(views::FindingView::of).collect();
        ctx.insert("findings", &findings);
        for view in View::ALL {
            links.view.set(view);
            ctx.insert("view", &view);
            match view {
                View::Sxs => {
                    ctx.insert("rows", &views::rows(doc, &page.findings, &context));
                    ctx.insert("body", "");
                }
                View::Target | View::Source => {
                    let side = if view == View::Target {
                        Side::Target
                    } else {
                        Side::Source
                    };
                    ctx.insert("rows", &Vec::<()>::new());
                    ctx.insert("body", &views::reading_body(doc, side, &context));
                }
            }
            let html = self.templates.render("page.html", &ctx)?;
            self.sink
                .write(&self.locales.built_path(&doc.rel, view), html.as_bytes())?;
        }
        let mut problems: Vec<Diagnostic> = page
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        for (line, message) in context.include_problems.into_inner() {
            problems.push(Diagnostic::new(
                &doc.rel,
                (line, 1),
                "include",
                Severity::Error,
                message,
            ));
        }
        for broken in links.broken.into_inner() {
            problems.push(Diagnostic::new(
                &doc.rel,
                (broken.line, 1),
                broken.code,
                Severity::Warning,
                broken.message(),
            ));
        }
        let url = self.locales.built_path(&doc.rel, View::Sxs);
        let title = views::page_title(doc);
        let entries: Vec<SearchEntry> = doc
            .segments
            .iter()
            .map(|s| SearchEntry {
                u: format!("{url}#{}", s.id),
                p: title.clone(),
                t: s.target_text.clone(),
                s: s.source_text.clone(),
            })
            .collect();
        let search = serde_json::to_string(&entries).map_err(|e| Error::new(e.to_string()))?;
        Ok(Rendered {
            problems,
            // The records without the array's brackets, to join with others'.
            search: search[1..search.len() - 1].to_owned(),
            anchored: links.anchored.into_inner(),
            included: includes.loaded.into_inner(),
        })
    }

    /// The lists of pages: home, 404, review dashboard and decisions
    /// index, their four templates rendered in parallel.
    fn lists(&self, summaries: &[&PageSummary]) -> Result<()> {
        let mut home = self.base_context("index.html");
        let trees: Vec<RenderedTree> = self
            .trees
            .iter()
            .map(|t| RenderedTree {
                html: t.html_for("", ""),
                title: t.title.clone(),
                tree: t.tree.clone(),
                order: Vec::new(),
            })
            .collect();
        home.insert("trees", &trees);
        home.insert("pages", summaries);
        let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut checks: BTreeMap<&str, usize> = BTreeMap::new();
        for s in summaries {
            *verdicts.entry(s.verdict.as_str()).or_default() += 1;
            for (code, n) in &s.by_check {
                *checks.entry(code.as_str()).or_default() += n;
            }
        }
        home.insert("verdicts", &verdicts);
        home.insert("checks", &checks);
        home.insert(
            "segments_total",
            &summaries.iter().map(|s| s.segments).sum::<usize>(),
        );
        let mut nested = home.clone();
        let groups = views::group_decisions(summaries);
        let decision_count: usize = summaries.iter().map(|s| s.decisions.len()).sum();
        nested.insert("root", "../");
        nested.insert("groups", &groups);
        nested.insert("decision_count", &decision_count);
        nested.insert("charts", &dashboard_charts(summaries, &verdicts, &checks));
        let pages = [
            ("home.html", "index.html", &home),
            ("404.html", "404.html", &home),
            ("review.html", "review/index.html", &nested),
            ("decisions.html", "decisions/index.html", &nested),
        ];
        pages.par_iter().try_for_each(|(template, path, ctx)| {
            let html = self.templates.render(template, ctx)?;
            self.sink.write(path, html.as_bytes())
        })
    }

    /// `sitemap.xml`, with each page's alternates.
    fn sitemap(&self, summaries: &[&PageSummary], base: &str) -> Result<()> {
        let mut sitemap = tera::Context::new();
        sitemap.insert("base_url", &format!("{}/", base.trim_end_matches('/')));
        sitemap.insert("pages", summaries);
        let alternates: Vec<[String; 3]> = summaries
            .iter()
            .map(|s| View::ALL.map(|v| self.locales.built_path(&s.rel, v)))
            .collect();
        sitemap.insert("alternates", &alternates);
        sitemap.insert("locales", self.locales);
        self.sink.write(
            "sitemap.xml",
            self.templates.render("sitemap.xml", &sitemap)?.as_bytes(),
        )
    }
}

/// Copies content media (anything that is not a page or TOC).
fn copy_media(site: &Site, sink: &dyn Sink) -> Result<()> {
    for file in site.files.iter().filter(|f| f.kind == FileKind::Asset) {
        sink.copy(&file.rel, &file.path)?;
    }
    Ok(())
}

/// Copies the site's `static/` folder, which may override the built-in CSS
/// and JS.
fn copy_static(site: &Site, sink: &dyn Sink) -> Result<()> {
    let static_dir = site.paths.root.join("static");
    if static_dir.is_dir() && static_dir != site.paths.content {
        let (files, _) = load::discover(&static_dir, &[]);
        for file in files {
            sink.copy(&format!("static/{}", file.rel), &file.path)?;
        }
    }
    Ok(())
}

/// The page fields templates see.
#[derive(Debug, Serialize)]
struct PageView<'a> {
    rel: &'a str,
    title: String,
    description: Option<&'a str>,
    meta: &'a serde_json::Map<String, serde_json::Value>,
    bilingual: bool,
    target_locale: &'a str,
    /// File names of the three views (same folder).
    urls: BTreeMap<&'static str, String>,
}

impl<'a> PageView<'a> {
    fn new(doc: &'a Document, locales: &Locales, locale: &'a str) -> PageView<'a> {
        let name = |view| {
            let path = locales.built_path(&doc.rel, view);
            path.rsplit('/').next().unwrap_or(&path).to_owned()
        };
        let urls = BTreeMap::from([
            ("sxs", name(View::Sxs)),
            ("target", name(View::Target)),
            ("source", name(View::Source)),
        ]);
        PageView {
            rel: &doc.rel,
            title: views::page_title(doc),
            description: doc.meta.description.as_deref(),
            meta: &doc.meta.all,
            bilingual: doc.is_bilingual(),
            target_locale: locale,
            urls,
        }
    }
}
