//! The site-wide outputs, each rendered from the pages' summaries and
//! returned as files for the driver to write: home, 404, review dashboard,
//! decisions index, sitemap, navigation trees and `review/findings.json`.

use super::page::Shared;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::render::charts::{self, Bar};
use crate::render::nav::{self, NavTree};
use crate::render::views::{
    self, ActorGroup, DecisionItem, ModalityGroup, PageSummary, RenderedTree, View,
};
use crate::render::Templates;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// A file to write: path from the output root, and its bytes.
pub(crate) type Output = (String, Vec<u8>);

impl Shared<'_> {
    /// The lists of pages: home, 404, review dashboard and decisions
    /// index, their four templates rendered in parallel.
    pub(crate) fn lists(&self, summaries: &[&PageSummary], home_list: &str) -> Result<Vec<Output>> {
        let mut home = self.base_context(home_list);
        home.insert("trees", self.trees);
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
        let mut not_found = home.clone();
        // Hosts serve this one file for a missing path at any depth, so its
        // links cannot be relative: they start at the site's path.
        not_found.insert("root", &site_path(self.base_url));
        let mut nested = home.clone();
        let groups = views::group_decisions(summaries);
        let decision_count: usize = summaries.iter().map(|s| s.decisions.len()).sum();
        nested.insert("root", "../");
        nested.insert("groups", &groups);
        nested.insert("decision_count", &decision_count);
        nested.insert("charts", &dashboard_charts(summaries, &verdicts, &checks));
        let actor_pages = actor_pages(&groups);
        let index: Vec<ActorEntry<'_>> = groups
            .iter()
            .zip(&actor_pages)
            .map(|(group, pages)| ActorEntry::of(group, pages))
            .collect();
        nested.insert("actors", &index);
        let mut outputs = vec![
            ("home.html", home_list.to_owned(), home),
            ("404.html", "404.html".to_owned(), not_found),
            (
                "review.html",
                "review/index.html".to_owned(),
                nested.clone(),
            ),
            (
                "decisions.html",
                "decisions/index.html".to_owned(),
                nested.clone(),
            ),
        ];
        for page in actor_pages.iter().flatten() {
            let mut ctx = nested.clone();
            ctx.insert("actor_page", page);
            outputs.push(("decisions-actor.html", page.path.clone(), ctx));
        }
        outputs
            .par_iter()
            .map(|(template, path, ctx)| {
                let html = self.templates.render(template, ctx)?;
                Ok((path.clone(), html.into_bytes()))
            })
            .collect()
    }

    /// `sitemap.xml`, with each page's alternates.
    pub(crate) fn sitemap(&self, summaries: &[&PageSummary], base: &str) -> Result<Output> {
        let mut sitemap = tera::Context::new();
        sitemap.insert("base_url", &format!("{}/", base.trim_end_matches('/')));
        sitemap.insert("pages", summaries);
        let alternates: Vec<[String; 3]> = summaries
            .iter()
            .map(|s| View::ALL.map(|v| self.locales.href(&s.rel, v)))
            .collect();
        sitemap.insert("alternates", &alternates);
        sitemap.insert("locales", self.locales);
        let xml = self.templates.render("sitemap.xml", &sitemap)?;
        Ok(("sitemap.xml".to_owned(), xml.into_bytes()))
    }
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

/// `review/findings.json`: every finding of the site, in the schema of
/// `sxs check --format json`, so tools can read a built site's review.
pub(crate) fn findings_json(findings: &[Diagnostic]) -> Result<Output> {
    let mut json = Vec::new();
    crate::report::write_json(&mut json, findings)
        .map_err(|e| Error::new(format!("cannot write review/findings.json: {e}")))?;
    Ok(("review/findings.json".to_owned(), json))
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
            let mut order = Vec::new();
            nav::flatten(&tree.items, &mut order);
            Ok(RenderedTree {
                id,
                title: tree.title.clone(),
                pages: order.len(),
                html,
                tree,
                order,
            })
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
