//! The site-wide outputs, each rendered from the pages' summaries: home,
//! 404, review dashboard and decisions index (written as each is rendered),
//! sitemap, navigation trees and `review/findings/` (returned as files for
//! the driver to write).

use super::page::Shared;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::render::charts::{self, Bar};
use crate::render::nav::NavTree;
use crate::render::views::{
    self, ActorGroup, DecisionItem, ModalityGroup, PageSummary, RenderedTree, View,
};
use crate::render::Templates;
use crate::write::Sink;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// A file to write: path from the output root, and its bytes.
pub(crate) type Output = (String, Vec<u8>);

impl Shared<'_> {
    /// The lists of pages: home, 404, review dashboard and decisions
    /// index, rendered in parallel and written into `sink`. Each context
    /// holds only what its template shows, and no list grows with the
    /// docset past a page of [`DASHBOARD_ROWS`] or [`DECISIONS_PER_PAGE`].
    /// The pages' contexts are made as they are rendered, and each page is
    /// written at once: at 50,000 pages, all of them made first and written
    /// last took half a gigabyte.
    pub(crate) fn lists(
        &self,
        summaries: &[&PageSummary],
        home_list: &str,
        sink: &dyn Sink,
    ) -> Result<()> {
        let stats = SiteStats::of(summaries);
        let with_stats = |rel: &str| {
            let mut ctx = self.base_context(rel);
            ctx.insert("page_count", &summaries.len());
            ctx.insert("segments_total", &stats.segments);
            ctx.insert("verdicts", &stats.verdicts);
            ctx.insert("checks", &stats.checks);
            ctx.insert("decision_count", &stats.decisions);
            ctx
        };
        let mut home = with_stats(home_list);
        home.insert("trees", self.trees);
        let mut not_found = with_stats(home_list);
        // Hosts serve this one file for a missing path at any depth, so its
        // links cannot be relative: they start at the site's path.
        not_found.insert("root", &site_path(self.base_url));
        // Without base_url the page finds the site's folder in the browser.
        not_found.insert("find_root", &self.base_url.is_empty());
        let groups = views::group_decisions(summaries);
        let actor_pages = actor_pages(&groups);
        let index: Vec<ActorEntry<'_>> = groups
            .iter()
            .zip(&actor_pages)
            .map(|(group, pages)| ActorEntry::of(group, pages))
            .collect();
        let mut decisions = with_stats("decisions/index.html");
        decisions.insert("actors", &index);
        let render = |template: &str, path: &str, ctx: &tera::Context| -> Result<()> {
            let html = self.templates.render(template, ctx)?;
            sink.write(path, html.as_bytes())
        };
        let outputs = [
            ("home.html", home_list, home),
            ("404.html", "404.html", not_found),
            ("decisions.html", "decisions/index.html", decisions),
        ];
        outputs
            .par_iter()
            .try_for_each(|(template, path, ctx)| render(template, path, ctx))?;
        let charts = dashboard_charts(summaries, &stats, &groups);
        dashboard_pages(summaries).par_iter().try_for_each(|page| {
            let mut ctx = with_stats(&page.path);
            ctx.insert("charts", &charts);
            ctx.insert("dashboard_page", page);
            render("review.html", &page.path, &ctx)
        })?;
        let actor_pages: Vec<&ActorPage<'_>> = actor_pages.iter().flatten().collect();
        actor_pages.par_iter().try_for_each(|page| {
            let mut ctx = with_stats(&page.path);
            ctx.insert("actor_page", page);
            render("decisions-actor.html", &page.path, &ctx)
        })
    }

    /// `sitemap.xml`, with each page's alternates; past [`SITEMAP_PAGES`]
    /// pages, `sitemap-N.xml` files and `sitemap.xml` as their index.
    pub(crate) fn sitemap(&self, summaries: &[&PageSummary], base: &str) -> Result<Vec<Output>> {
        let base = format!("{}/", base.trim_end_matches('/'));
        let chunks: Vec<&[&PageSummary]> = summaries.chunks(SITEMAP_PAGES).collect();
        let name = |n: usize| match chunks.len() {
            0 | 1 => "sitemap.xml".to_owned(),
            _ => format!("sitemap-{n}.xml"),
        };
        let mut files = chunks
            .iter()
            .enumerate()
            .map(|(at, chunk)| Ok((name(at + 1), self.urlset(chunk, &base)?)))
            .collect::<Result<Vec<Output>>>()?;
        match files.len() {
            0 => files.push(("sitemap.xml".to_owned(), self.urlset(&[], &base)?)),
            1 => {}
            n => files.push(("sitemap.xml".to_owned(), sitemap_index(&base, n))),
        }
        Ok(files)
    }

    /// One `<urlset>` of the sitemap.
    fn urlset(&self, summaries: &[&PageSummary], base: &str) -> Result<Vec<u8>> {
        let mut sitemap = tera::Context::new();
        sitemap.insert("base_url", base);
        sitemap.insert("pages", summaries);
        let alternates: Vec<[String; 3]> = summaries
            .iter()
            .map(|s| View::ALL.map(|v| self.locales.href(&s.rel, v)))
            .collect();
        sitemap.insert("alternates", &alternates);
        sitemap.insert("locales", self.locales);
        Ok(self.templates.render("sitemap.xml", &sitemap)?.into_bytes())
    }
}

/// At most this many pages in one sitemap file (each with its two
/// alternates, about 450 bytes): well under the protocol's 50,000 URLs and
/// 50 MB, and under 3 MB a file.
const SITEMAP_PAGES: usize = 5000;

/// The sitemap index of `count` files `sitemap-N.xml`.
fn sitemap_index(base: &str, count: usize) -> Vec<u8> {
    let base = crate::render::markdown::escape_attr(base);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=count {
        xml.push_str(&format!(
            "<sitemap><loc>{base}sitemap-{n}.xml</loc></sitemap>\n"
        ));
    }
    xml.push_str("</sitemapindex>\n");
    xml.into_bytes()
}

/// The path of the site on its host, from `base_url`
/// (`https://x.github.io/docs` → `/docs/`); `/` without one.
fn site_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or("", |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    format!(
        "{}/",
        path.split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/')
    )
}

/// The site's totals, shown on every list page.
struct SiteStats<'a> {
    segments: usize,
    decisions: usize,
    verdicts: BTreeMap<&'a str, usize>,
    checks: BTreeMap<&'a str, usize>,
}

impl<'a> SiteStats<'a> {
    fn of(summaries: &[&'a PageSummary]) -> SiteStats<'a> {
        let mut stats = SiteStats {
            segments: 0,
            decisions: 0,
            verdicts: BTreeMap::new(),
            checks: BTreeMap::new(),
        };
        for s in summaries {
            stats.segments += s.segments;
            stats.decisions += s.decisions.len();
            *stats.verdicts.entry(s.verdict.as_str()).or_default() += 1;
            for (code, n) in &s.by_check {
                *stats.checks.entry(code.as_str()).or_default() += n;
            }
        }
        stats
    }
}

/// At most this many pages in one table of the review dashboard (about
/// 350 bytes a row): a docset of 50,000 pages gets 50 dashboard pages of
/// 350 KB rather than one of 17 MB.
const DASHBOARD_ROWS: usize = 1000;

/// One page of the review dashboard's table (`review/index.html`, then
/// `review/pages-2.html` …), in the site's page order.
#[derive(Debug, Serialize)]
struct DashboardPage<'a> {
    /// 1-based, of `pages`.
    page: usize,
    pages: usize,
    /// The 1-based positions of its first and last rows in the site.
    first: usize,
    last: usize,
    path: String,
    prev: Option<String>,
    next: Option<String>,
    rows: Vec<DashboardRow<'a>>,
}

/// A page as a row of the dashboard: its counts, not its decisions.
#[derive(Debug, Serialize)]
struct DashboardRow<'a> {
    url: &'a str,
    title: &'a str,
    rel: &'a str,
    verdict: &'a str,
    segments: usize,
    flagged: usize,
    errors: usize,
    warnings: usize,
    decisions: usize,
    translation_type: &'a str,
}

impl<'a> DashboardRow<'a> {
    fn of(s: &'a PageSummary) -> DashboardRow<'a> {
        DashboardRow {
            url: &s.url,
            title: &s.title,
            rel: &s.rel,
            verdict: s.verdict.as_str(),
            segments: s.segments,
            flagged: s.flagged,
            errors: s.errors,
            warnings: s.warnings,
            decisions: s.decisions.len(),
            translation_type: &s.translation_type,
        }
    }
}

/// The dashboard's table split in pages of [`DASHBOARD_ROWS`]; one page
/// (with no rows) for a site without pages.
fn dashboard_pages<'a>(summaries: &[&'a PageSummary]) -> Vec<DashboardPage<'a>> {
    let path = |page: usize| match page {
        1 => "review/index.html".to_owned(),
        n => format!("review/pages-{n}.html"),
    };
    let chunks: Vec<&[&PageSummary]> = if summaries.is_empty() {
        vec![&[]]
    } else {
        summaries.chunks(DASHBOARD_ROWS).collect()
    };
    let pages = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(at, chunk)| {
            let page = at + 1;
            DashboardPage {
                page,
                pages,
                first: at * DASHBOARD_ROWS + 1,
                last: at * DASHBOARD_ROWS + chunk.len(),
                path: path(page),
                prev: (page > 1).then(|| path(page - 1)),
                next: (page < pages).then(|| path(page + 1)),
                rows: chunk.iter().map(|s| DashboardRow::of(s)).collect(),
            }
        })
        .collect()
}

/// At most this many decisions on one page of the decisions index: an
/// actor with more gets several pages, so that no page of the index grows
/// with the docset (a 250-decision page is about 150 KB).
const DECISIONS_PER_PAGE: usize = 250;

/// One page of one actor's decisions (`decisions/actor-N.html`, then
/// `actor-N-2.html` …).
#[derive(Debug, Serialize)]
struct ActorPage<'a> {
    actor: &'a str,
    count: usize,
    /// 1-based, of `pages`.
    page: usize,
    pages: usize,
    path: String,
    prev: Option<String>,
    next: Option<String>,
    modalities: Vec<ModalityGroup<'a>>,
}

/// An actor in the decisions index: how many decisions of each modality,
/// and where they are listed.
#[derive(Debug, Serialize)]
struct ActorEntry<'a> {
    actor: &'a str,
    count: usize,
    /// The first page of the actor's decisions, from the site root.
    path: &'a str,
    /// (modality, label, count).
    modalities: Vec<(&'static str, &'static str, usize)>,
}

impl<'a> ActorEntry<'a> {
    fn of(group: &'a ActorGroup<'a>, pages: &'a [ActorPage<'a>]) -> ActorEntry<'a> {
        ActorEntry {
            actor: &group.actor,
            count: group.count,
            path: pages.first().map_or("", |p| p.path.as_str()),
            modalities: group
                .modalities
                .iter()
                .map(|m| (m.modality, m.label, m.items.len()))
                .collect(),
        }
    }
}

/// The pages of each actor's decisions, [`DECISIONS_PER_PAGE`] at most
/// each, modalities kept in order (a modality may continue on the next
/// page).
fn actor_pages<'a>(groups: &'a [ActorGroup<'a>]) -> Vec<Vec<ActorPage<'a>>> {
    groups
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let flat: Vec<(&ModalityGroup<'a>, &DecisionItem<'a>)> = group
                .modalities
                .iter()
                .flat_map(|m| m.items.iter().map(move |item| (m, item)))
                .collect();
            let chunks: Vec<_> = flat.chunks(DECISIONS_PER_PAGE).collect();
            let path = |page: usize| match page {
                1 => format!("decisions/actor-{}.html", i + 1),
                n => format!("decisions/actor-{}-{n}.html", i + 1),
            };
            let pages = chunks.len();
            chunks
                .iter()
                .enumerate()
                .map(|(at, chunk)| {
                    let page = at + 1;
                    ActorPage {
                        actor: &group.actor,
                        count: group.count,
                        page,
                        pages,
                        path: path(page),
                        prev: (page > 1).then(|| path(page - 1)),
                        next: (page < pages).then(|| path(page + 1)),
                        modalities: regroup(chunk),
                    }
                })
                .collect()
        })
        .collect()
}

/// Consecutive decisions of one modality as one group.
fn regroup<'a>(chunk: &[(&ModalityGroup<'a>, &DecisionItem<'a>)]) -> Vec<ModalityGroup<'a>> {
    let mut modalities: Vec<ModalityGroup<'a>> = Vec::new();
    for (m, item) in chunk {
        match modalities.last_mut() {
            Some(last) if last.modality == m.modality => last.items.push((*item).clone()),
            _ => modalities.push(ModalityGroup {
                modality: m.modality,
                label: m.label,
                items: vec![(*item).clone()],
            }),
        }
    }
    modalities
}

/// At most this many findings in one file of `review/findings/` (a few
/// hundred bytes each): a docset of millions of pairs gets many small files
/// rather than one that no static host or editor takes whole.
const FINDINGS_PER_FILE: usize = 5000;

/// The site's findings for tools: `review/findings/index.json` names the
/// files `review/findings/N.json`, arrays in the schema of
/// `sxs check --format json` whose concatenation, in order, is check's.
pub(crate) fn findings_files(findings: &[Diagnostic]) -> Result<Vec<Output>> {
    let chunks: Vec<&[Diagnostic]> = findings.chunks(FINDINGS_PER_FILE).collect();
    let mut files = Vec::with_capacity(chunks.len() + 1);
    for (at, chunk) in chunks.iter().enumerate() {
        let mut json = Vec::new();
        serde_json::to_writer(&mut json, chunk)
            .map_err(|e| Error::new(format!("cannot write review/findings/: {e}")))?;
        files.push((format!("review/findings/{}.json", at + 1), json));
    }
    let index = serde_json::json!({
        "count": findings.len(),
        "files": (1..=chunks.len()).map(|n| format!("{n}.json")).collect::<Vec<_>>(),
    });
    files.push((
        "review/findings/index.json".to_owned(),
        index.to_string().into_bytes(),
    ));
    Ok(files)
}

/// The dashboard's three charts as inline SVG.
fn dashboard_charts(
    summaries: &[&PageSummary],
    stats: &SiteStats<'_>,
    groups: &[ActorGroup<'_>],
) -> BTreeMap<&'static str, String> {
    let (verdicts, checks) = (&stats.verdicts, &stats.checks);
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
pub(super) fn render_trees(
    templates: &Templates,
    trees: Vec<NavTree>,
) -> Result<Vec<RenderedTree>> {
    trees
        .into_iter()
        .enumerate()
        .map(|(id, tree)| {
            let mut ctx = tera::Context::new();
            ctx.insert("tree", &tree);
            ctx.insert("root", views::ROOT_PLACEHOLDER);
            let html = templates.render("nav.html", &ctx)?;
            Ok(RenderedTree::new(id, tree, html))
        })
        .collect()
}

impl Shared<'_> {
    /// Each navigation tree's two files: the script pages load to show it
    /// in their sidebar, and its own page (`toc.html`), where the sidebar's
    /// link leads a reader without scripts.
    pub(super) fn nav_files(&self) -> Result<Vec<Output>> {
        let mut files = Vec::with_capacity(self.trees.len() * 2);
        for tree in self.trees {
            let page = RenderedTree::page_path(tree.id);
            let root = views::root_prefix(&page);
            let mut ctx = self.base_context(&page);
            ctx.insert("tree", tree);
            ctx.insert("html", &tree.html_at(&root));
            let html = self.templates.render("toc.html", &ctx)?;
            files.push((page, html.into_bytes()));
            files.push((
                RenderedTree::script_path(tree.id),
                tree.script().into_bytes(),
            ));
        }
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::{Decision, Modality, PageDecision};

    fn summary(n: usize) -> PageSummary {
        PageSummary {
            rel: format!("p{n}.md"),
            title: format!("Page {n}"),
            url: format!("p{n}.html"),
            bilingual: true,
            verdict: crate::review::Verdict::Ready,
            segments: n,
            aligned: n,
            flagged: 0,
            errors: 0,
            warnings: 0,
            by_check: BTreeMap::new(),
            translation_type: "MT".into(),
            locale: "pt-BR".into(),
            last_handoff: String::new(),
            decisions: Vec::new(),
        }
    }

    #[test]
    fn the_dashboard_table_is_split_in_linked_pages() {
        let all: Vec<PageSummary> = (0..2 * DASHBOARD_ROWS + 5).map(summary).collect();
        let refs: Vec<&PageSummary> = all.iter().collect();
        let pages = dashboard_pages(&refs);
        let shape: Vec<(usize, usize, usize)> = pages
            .iter()
            .map(|p| (p.first, p.last, p.rows.len()))
            .collect();
        assert_eq!(
            shape,
            [(1, 1000, 1000), (1001, 2000, 1000), (2001, 2005, 5)]
        );
        assert_eq!(pages[0].path, "review/index.html");
        assert_eq!(pages[1].prev.as_deref(), Some("review/index.html"));
        assert_eq!(pages[1].next.as_deref(), Some("review/pages-3.html"));
        assert_eq!(pages[2].rows[4].rel, "p2004.md");
        assert_eq!(
            dashboard_pages(&[]).len(),
            1,
            "an empty site keeps its dashboard"
        );
    }

    #[test]
    fn a_sitemap_index_lists_every_sitemap_file_once() {
        let xml = String::from_utf8(sitemap_index("https://x.test/docs/", 3)).unwrap();
        let locs: Vec<&str> = xml
            .split("<loc>")
            .skip(1)
            .filter_map(|l| l.split("</loc>").next())
            .collect();
        assert_eq!(
            locs,
            [
                "https://x.test/docs/sitemap-1.xml",
                "https://x.test/docs/sitemap-2.xml",
                "https://x.test/docs/sitemap-3.xml",
            ]
        );
        assert!(
            xml.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
    }

    #[test]
    fn an_actor_with_many_decisions_gets_pages_that_link_to_each_other() {
        let decision = PageDecision {
            id: "a-1".into(),
            line: 1,
            column: 1,
            decision: Decision {
                modality: Modality::Must,
                actor: "you".into(),
                trigger: "must".into(),
            },
            source: "You must.".into(),
            target: "Você deve.".into(),
        };
        let item = DecisionItem {
            page_title: "P",
            url: "p.html#a-1".into(),
            decision: &decision,
        };
        let group = ActorGroup {
            actor: "you".into(),
            count: 600,
            modalities: vec![
                ModalityGroup {
                    modality: "must",
                    label: "obligation",
                    items: vec![item.clone(); 300],
                },
                ModalityGroup {
                    modality: "may",
                    label: "permission",
                    items: vec![item; 300],
                },
            ],
        };
        let groups = [group];
        let pages = actor_pages(&groups);
        let sizes: Vec<Vec<usize>> = pages[0]
            .iter()
            .map(|p| p.modalities.iter().map(|m| m.items.len()).collect())
            .collect();
        assert_eq!(sizes, [vec![250], vec![50, 200], vec![100]]);
        let second = &pages[0][1];
        assert_eq!(second.path, "decisions/actor-1-2.html");
        assert_eq!(second.prev.as_deref(), Some("decisions/actor-1.html"));
        assert_eq!(second.next.as_deref(), Some("decisions/actor-1-3.html"));
        assert_eq!((second.page, second.pages), (2, 3));
    }

    #[test]
    fn the_404_page_links_from_the_site_path() {
        assert_eq!(site_path(""), "/");
        assert_eq!(site_path("https://docs.example.com"), "/");
        assert_eq!(site_path("https://x.github.io/docs/"), "/docs/");
        assert_eq!(site_path("https://x.github.io/a/b?q#f"), "/a/b/");
    }
}
