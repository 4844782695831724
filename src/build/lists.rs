//! The site-wide outputs, each rendered from the pages' summaries and
//! returned as files for the driver to write: home, 404, review dashboard,
//! decisions index, sitemap, search index and `review/findings.json`.

use super::page::Shared;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::render::charts::{self, Bar};
use crate::render::nav::{self, NavTree};
use crate::render::views::{self, PageSummary, RenderedTree, View};
use crate::render::Templates;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Where the search index is written.
pub(crate) const SEARCH_INDEX: &str = "static/search-index.js";

/// A file to write: path from the output root, and its bytes.
pub(crate) type Output = (String, Vec<u8>);

impl Shared<'_> {
    /// The lists of pages: home, 404, review dashboard and decisions
    /// index, their four templates rendered in parallel.
    pub(crate) fn lists(&self, summaries: &[&PageSummary], home_list: &str) -> Result<Vec<Output>> {
        let mut home = self.base_context(home_list);
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
        let pages = [
            ("home.html", home_list, &home),
            ("404.html", "404.html", &not_found),
            ("review.html", "review/index.html", &nested),
            ("decisions.html", "decisions/index.html", &nested),
        ];
        pages
            .par_iter()
            .map(|(template, path, ctx)| {
                let html = self.templates.render(template, ctx)?;
                Ok(((*path).to_owned(), html.into_bytes()))
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

/// The search index: every page's records, in site order. A script, not
/// JSON, so search works from file:// too.
pub(crate) fn search_script<'s>(parts: impl Iterator<Item = &'s str>) -> Output {
    let mut script = String::from("window.SXS_SEARCH=[");
    let mut first = true;
    for part in parts.filter(|p| !p.is_empty()) {
        if !first {
            script.push(',');
        }
        script.push_str(part);
        first = false;
    }
    script.push_str("];\n");
    (SEARCH_INDEX.to_owned(), script.into_bytes())
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_404_page_links_from_the_site_path() {
        assert_eq!(super::site_path(""), "/");
        assert_eq!(super::site_path("https://docs.example.com"), "/");
        assert_eq!(super::site_path("https://x.github.io/docs/"), "/docs/");
        assert_eq!(super::site_path("https://x.github.io/a/b?q#f"), "/a/b/");
    }
}
