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
use crate::write::Staging;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a build did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub pages: usize,
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
        FileKind::YamlPage => std::fs::read(&file.path).is_ok_and(|bytes| {
            bytes.starts_with(b"### YamlMime:Landing") || bytes.starts_with(b"### YamlMime:FAQ")
        }),
        _ => false,
    }
}

/// Builds the site into `site.output`.
pub fn build(site: &Site, base_url: Option<&str>) -> Result<Outcome> {
    let templates = Templates::load(&site.paths.root.join("templates"))?;
    let pages: Vec<&ContentFile> = site.files.iter().filter(|f| is_page(f)).collect();

    // Pass 1: what every page needs to know about the others.
    let first: Vec<std::result::Result<(PageSummary, String), Diagnostic>> = pages
        .par_iter()
        .map(|file| {
            let page = read_page(site, file)?;
            let locales = Locales::new("", "");
            let summary = PageSummary::new(&page.doc, &page.findings, &locales, &page.locale);
            Ok((summary, page.locale))
        })
        .collect();
    let mut problems = site.problems.clone();
    let mut locale_votes: BTreeMap<String, usize> = BTreeMap::new();
    let mut summaries: Vec<PageSummary> = Vec::new();
    for result in first {
        match result {
            Ok((summary, locale)) => {
                *locale_votes.entry(locale).or_default() += 1;
                summaries.push(summary);
            }
            Err(problem) => problems.push(problem),
        }
    }
    let target_locale = locale_votes
        .iter()
        .max_by_key(|(_, n)| **n)
        .map_or(site.config.target_locale.clone(), |(l, _)| l.clone());
    let locales = Locales::new(&target_locale, &site.config.source_locale);
    for summary in &mut summaries {
        summary.url = locales.built_path(&summary.rel, View::Sxs);
    }
    let by_rel: HashMap<String, PageSummary> = summaries
        .iter()
        .map(|s| (s.rel.clone(), s.clone()))
        .collect();
    let files: HashSet<String> = site.files.iter().map(|f| f.rel.clone()).collect();
    let index = SiteIndex::new(&locales, &by_rel, &files);
    let (mut trees, nav_problems) =
        nav::build(&site.files, |f| load::read_text(&f.path, &f.rel).ok());
    problems.extend(nav_problems);
    for tree in &mut trees {
        nav::set_urls(&mut tree.items, &|rel| locales.built_path(rel, View::Sxs));
        if tree.from_folders {
            nav::set_names(&mut tree.items, &|rel| {
                by_rel.get(rel).map(|s| s.title.clone())
            });
        }
    }
    let trees = render_trees(&templates, trees)?;

    let staging = Staging::begin(&site.output, &[&site.paths.content, &site.paths.root])?;
    let shared = Shared {
        site,
        templates: &templates,
        locales: &locales,
        index: &index,
        trees: &trees,
        staging: &staging,
    };
    // Pass 2: render and write every page.
    let rendered: Vec<Result<(Vec<Diagnostic>, Vec<SearchEntry>)>> = pages
        .par_iter()
        .filter(|file| by_rel.contains_key(&file.rel))
        .map(|file| shared.render_page(file))
        .collect();
    let mut search = Vec::new();
    for result in rendered {
        match result {
            Ok((page_problems, entries)) => {
                problems.extend(page_problems);
                search.extend(entries);
            }
            Err(err) => {
                staging.abandon();
                return Err(err);
            }
        }
    }
    let written = shared
        .site_pages(&summaries, &search, base_url)
        .and_then(|()| copy_files(site, &staging));
    if let Err(err) = written {
        staging.abandon();
        return Err(err);
    }
    staging.commit()?;
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok(Outcome {
        pages: summaries.len(),
        problems,
    })
}

/// The dashboard's three charts as inline SVG.
fn dashboard_charts(
    summaries: &[PageSummary],
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
    check_list.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
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
    let groups = views::group_decisions(&summaries.iter().collect::<Vec<_>>());
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
fn share_buckets(summaries: &[PageSummary]) -> [usize; 5] {
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

impl IncludeSource for Shared<'_> {
    fn load(&self, from: &str, href: &str) -> std::result::Result<Document, String> {
        let path = href.split('#').next().unwrap_or(href);
        let rel = nav::resolve(from, path)
            .ok_or_else(|| format!("include `{href}` points outside the content folder"))?;
        let file = self
            .site
            .files
            .iter()
            .find(|f| f.rel == rel)
            .ok_or_else(|| {
                format!("include `{href}` not found (looked for {rel}); fix the path")
            })?;
        let text = load::read_text(&file.path, &file.rel).map_err(|d| d.message)?;
        Ok(crate::read_document(&file.rel, &text))
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
    staging: &'a Staging,
}

impl Shared<'_> {
    fn base_context(&self, rel: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("root", &views::root_prefix(rel));
        ctx.insert("config", &self.site.config);
        ctx.insert("locales", self.locales);
        ctx
    }

    fn render_page(&self, file: &ContentFile) -> Result<(Vec<Diagnostic>, Vec<SearchEntry>)> {
        let page = match read_page(self.site, file) {
            Ok(page) => page,
            Err(problem) => return Ok((vec![problem], Vec::new())),
        };
        let doc = &page.doc;
        let links = PageLinks::new(self.index, &doc.rel);
        let context = Context {
            links: &links,
            target_lang: &page.locale,
            source_lang: &self.site.config.source_locale,
            includes: Some(self),
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
            self.staging
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
            let what = match broken.code {
                "broken-anchor" => "links to an anchor that the page does not have",
                "missing-image" => "shows an image that is not in the content folder",
                _ => "links to a page or file that is not in the content folder",
            };
            problems.push(Diagnostic::new(
                &doc.rel,
                (broken.line, 1),
                broken.code,
                Severity::Warning,
                format!("`{}` {what}; fix the path", broken.url),
            ));
        }
        let url = self.locales.built_path(&doc.rel, View::Sxs);
        let title = views::page_title(doc);
        let entries = doc
            .segments
            .iter()
            .map(|s| SearchEntry {
                u: format!("{url}#{}", s.id),
                p: title.clone(),
                t: s.target_text.clone(),
                s: s.source_text.clone(),
            })
            .collect();
        Ok((problems, entries))
    }

    fn site_pages(
        &self,
        summaries: &[PageSummary],
        search: &[SearchEntry],
        base_url: Option<&str>,
    ) -> Result<()> {
        let mut ctx = self.base_context("index.html");
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
        ctx.insert("trees", &trees);
        ctx.insert("pages", summaries);
        let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut checks: BTreeMap<&str, usize> = BTreeMap::new();
        for s in summaries {
            *verdicts.entry(s.verdict.as_str()).or_default() += 1;
            for (code, n) in &s.by_check {
                *checks.entry(code.as_str()).or_default() += n;
            }
        }
        ctx.insert("verdicts", &verdicts);
        ctx.insert("checks", &checks);
        ctx.insert(
            "segments_total",
            &summaries.iter().map(|s| s.segments).sum::<usize>(),
        );
        self.staging.write(
            "index.html",
            self.templates.render("home.html", &ctx)?.as_bytes(),
        )?;
        self.staging.write(
            "404.html",
            self.templates.render("404.html", &ctx)?.as_bytes(),
        )?;
        let all: Vec<&PageSummary> = summaries.iter().collect();
        let groups = views::group_decisions(&all);
        let decision_count: usize = summaries.iter().map(|s| s.decisions.len()).sum();
        ctx.insert("root", "../");
        ctx.insert("groups", &groups);
        ctx.insert("decision_count", &decision_count);
        ctx.insert("charts", &dashboard_charts(summaries, &verdicts, &checks));
        self.staging.write(
            "review/index.html",
            self.templates.render("review.html", &ctx)?.as_bytes(),
        )?;
        self.staging.write(
            "decisions/index.html",
            self.templates.render("decisions.html", &ctx)?.as_bytes(),
        )?;
        let base = base_url
            .map(str::to_owned)
            .unwrap_or_else(|| self.site.config.base_url.clone());
        let mut sitemap = tera::Context::new();
        sitemap.insert("base_url", &format!("{}/", base.trim_end_matches('/')));
        sitemap.insert("pages", summaries);
        let alternates: Vec<[String; 3]> = summaries
            .iter()
            .map(|s| View::ALL.map(|v| self.locales.built_path(&s.rel, v)))
            .collect();
        sitemap.insert("alternates", &alternates);
        sitemap.insert("locales", self.locales);
        self.staging.write(
            "sitemap.xml",
            self.templates.render("sitemap.xml", &sitemap)?.as_bytes(),
        )?;
        self.staging.write(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                base.trim_end_matches('/')
            )
            .as_bytes(),
        )?;
        // A script, not JSON, so search works from file:// too.
        let index = serde_json::to_string(search).map_err(|e| Error::new(e.to_string()))?;
        self.staging.write(
            "static/search-index.js",
            format!("window.SXS_SEARCH={index};\n").as_bytes(),
        )?;
        for (path, content) in render::STATIC {
            self.staging.write(path, content.as_bytes())?;
        }
        Ok(())
    }
}

/// Copies content media (anything that is not a page or TOC) and the site's
/// `static/` folder, which may override the built-in CSS and JS.
fn copy_files(site: &Site, staging: &Staging) -> Result<()> {
    for file in site.files.iter().filter(|f| f.kind == FileKind::Asset) {
        let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
        staging.write(&file.rel, &bytes)?;
    }
    let static_dir = site.paths.root.join("static");
    if static_dir.is_dir() && static_dir != site.paths.content {
        let (files, _) = load::discover(&static_dir, &[]);
        for file in files {
            let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
            staging.write(&format!("static/{}", file.rel), &bytes)?;
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
