//! The view structs templates receive (plain, serializable; never internal
//! types), and the URLs of built pages.

use super::markdown::{self, Context, LinkRewriter, Mode};
use super::nav::{self, NavItem, NavTree};
use crate::decide::PageDecision;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::links::{SiteIndex, Target};
use crate::model::{Document, Side};
use crate::outpath;
use crate::review::Verdict;
use serde::Serialize;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The three views of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Both languages side by side, with the findings (`page.html`).
    Sxs,
    /// The page read in the target language only (`page.pt-br.html`).
    Target,
    /// The page read in the source language only (`page.en-us.html`).
    Source,
}

impl View {
    /// Every view, in the order a page's files are built.
    pub const ALL: [View; 3] = [View::Sxs, View::Target, View::Source];
}

/// File-name suffixes of the reading views (`page.pt-br.html`), from the
/// site's locales.
#[derive(Debug, Clone, Serialize)]
pub struct Locales {
    /// The target locale most pages are in (else `site.yml`'s), as written
    /// (`pt-BR`); lowercased in file names.
    pub target: String,
    /// The source locale (`site.yml`'s `source_locale`, `en-US` by default).
    pub source: String,
    /// The target language's own name (`Português`), for view switchers.
    pub target_name: String,
    /// The source language's own name (`English`), for view switchers.
    pub source_name: String,
}

impl Locales {
    /// The suffixes and names of a site in `target` translated from `source`.
    pub fn new(target: &str, source: &str) -> Locales {
        Locales {
            target: target.to_owned(),
            source: source.to_owned(),
            target_name: language_name(target),
            source_name: language_name(source),
        }
    }

    /// Built path of a content page (`a/b.md`) in a view, from the site
    /// root; a name too long for the file system is shortened (see
    /// [`outpath::fit_name`]).
    pub fn built_path(&self, rel: &str, view: View) -> String {
        outpath::fit_path(self.unfitted_path(rel, view))
    }

    /// [`Locales::built_path`] as a URL from the site root (percent-encoded).
    pub fn href(&self, rel: &str, view: View) -> String {
        outpath::href(&self.built_path(rel, view))
    }

    fn unfitted_path(&self, rel: &str, view: View) -> String {
        let stem = rel
            .strip_suffix(".md")
            .or_else(|| rel.strip_suffix(".yml"))
            .or_else(|| rel.strip_suffix(".yaml"))
            .or_else(|| rel.strip_suffix(".markdown"))
            .unwrap_or(rel);
        match view {
            View::Sxs => format!("{stem}.html"),
            View::Target => format!("{stem}.{}.html", self.target.to_ascii_lowercase()),
            View::Source => format!("{stem}.{}.html", self.source.to_ascii_lowercase()),
        }
    }
}

/// A language's own name, for view switchers and column headings.
pub fn language_name(locale: &str) -> String {
    let lang = locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = match lang.as_str() {
        "pt" => "Português",
        "en" => "English",
        "de" => "Deutsch",
        "es" => "Español",
        "fr" => "Français",
        "it" => "Italiano",
        "ja" => "日本語",
        "zh" => "中文",
        "ko" => "한국어",
        "ru" => "Русский",
        "nl" => "Nederlands",
        _ => return locale.to_owned(),
    };
    name.to_owned()
}

/// `../` repeated once per folder of `rel`: the way back to the site root.
pub fn root_prefix(rel: &str) -> String {
    "../".repeat(rel.matches('/').count())
}

/// The shortest relative URL from the page at `rel` (a content path) to
/// `target` (a URL path from the site root, already encoded): the folders
/// both share are not climbed out of and back into. On an API reference
/// most links go to the page's own folder (`x.html`, not
/// `../../api/qsharp/x.html`), a tenth of such a site's link bytes.
pub fn relative_href(rel: &str, target: &str) -> String {
    let from = outpath::href(rel);
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len().saturating_sub(1)];
    let to: Vec<&str> = target.split('/').collect();
    let (to_dirs, file) = to.split_at(to.len().saturating_sub(1));
    let common = from_dirs
        .iter()
        .zip(to_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    for dir in &to_dirs[common..] {
        out.push_str(dir);
        out.push('/');
    }
    out.push_str(file.first().copied().unwrap_or_default());
    out
}

/// What other pages need to know of a page, and its summary box: built
/// from the page after the per-page stages, completed with its final
/// findings after the site pass. Compared on rebuilds: the site-wide pages
/// are rendered again only when some page's summary changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageSummary {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// The page's title (see [`page_title`]).
    pub title: String,
    /// The side-by-side view's URL from the site root (percent-encoded).
    pub url: String,
    /// Whether the page has pairs (see [`Document::is_bilingual`]).
    pub bilingual: bool,
    /// Whether the translation can be trusted, from its findings.
    pub verdict: Verdict,
    /// How many pairs the page has.
    pub segments: usize,
    /// How many of them have both spans.
    pub aligned: usize,
    /// How many segments have a finding of warning or error severity.
    pub flagged: usize,
    /// Findings of error severity.
    pub errors: usize,
    /// Findings of warning severity.
    pub warnings: usize,
    /// Findings of every severity, counted by code (`numbers` → 2).
    pub by_check: BTreeMap<String, usize>,
    /// Frontmatter `ms.translationtype` (`MT` machine, `HT` human), empty
    /// when the page does not say.
    pub translation_type: String,
    /// The page's target locale (see [`crate::pipeline::Page::locale`]).
    pub locale: String,
    /// Frontmatter `ms.lasthandoff`: when the page last went to translation;
    /// empty when the page does not say.
    pub last_handoff: String,
    /// What the page decides (SPEC §3 b).
    pub decisions: Vec<PageDecision>,
}

impl PageSummary {
    /// The summary of a page in `locale` stating `decisions`, its findings
    /// counted from `findings` (its own and the site pass's).
    pub fn new(
        doc: &Document,
        decisions: &[PageDecision],
        locale: &str,
        findings: &[Diagnostic],
        locales: &Locales,
    ) -> PageSummary {
        let mut summary = PageSummary {
            rel: doc.rel.clone(),
            title: page_title(doc),
            url: locales.href(&doc.rel, View::Sxs),
            bilingual: doc.is_bilingual(),
            verdict: Verdict::Ready,
            segments: doc.segments.len(),
            aligned: doc
                .segments
                .iter()
                .filter(|s| s.has_target && s.has_source)
                .count(),
            flagged: 0,
            errors: 0,
            warnings: 0,
            by_check: BTreeMap::new(),
            translation_type: doc.meta.translation_type.clone().unwrap_or_default(),
            locale: locale.to_owned(),
            last_handoff: doc.meta.last_handoff.clone().unwrap_or_default(),
            decisions: decisions.to_vec(),
        };
        summary.count(findings);
        summary
    }

    /// Sets the verdict and the counts from the page's findings.
    pub fn count(&mut self, findings: &[Diagnostic]) {
        let flagged: HashSet<&str> = findings
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .filter_map(|d| d.id.as_deref())
            .collect();
        self.flagged = flagged.len();
        self.by_check.clear();
        for d in findings {
            *self.by_check.entry(d.code.as_str().to_owned()).or_insert(0) += 1;
        }
        let severity = |s| findings.iter().filter(|d| d.severity == s).count();
        self.errors = severity(Severity::Error);
        self.warnings = severity(Severity::Warning);
        self.verdict = Verdict::of(findings);
    }
}

/// The page title: frontmatter `title`, else the first heading's text, else
/// the file name.
pub fn page_title(doc: &Document) -> String {
    if let Some(title) = doc.meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return title.to_owned();
    }
    doc.segments
        .iter()
        .find(|s| s.kind == crate::model::BlockKind::Heading)
        .map(|s| s.target_text.clone())
        .unwrap_or_else(|| {
            doc.rel
                .rsplit('/')
                .next()
                .unwrap_or(&doc.rel)
                .trim_end_matches(".md")
                .replace('-', " ")
        })
}

/// Rewrites the links of one page for one view: pages to the same view of
/// the linked page, files relative to the page. What does not resolve is
/// left as written (the site pass reports it, see [`crate::links`]); an
/// `xref:` to an unknown uid is no link at all.
pub(crate) struct PageLinks<'a> {
    pub site: &'a SiteIndex,
    pub locales: &'a Locales,
    pub rel: &'a str,
    /// `scheme://host` of the site's `base_url`: site paths outside the
    /// docsets are made absolute to it, so they work from disk too.
    pub origin: Option<String>,
    /// The view being rendered: links go to the same view of other pages.
    pub view: Cell<View>,
}

impl<'a> PageLinks<'a> {
    pub(crate) fn new(
        site: &'a SiteIndex,
        locales: &'a Locales,
        rel: &'a str,
        base_url: &str,
    ) -> PageLinks<'a> {
        PageLinks {
            site,
            locales,
            rel,
            origin: origin(base_url),
            view: Cell::new(View::Sxs),
        }
    }

    /// A site path outside the docsets, as the page shows it.
    fn outside(&self, url: &str) -> String {
        match &self.origin {
            Some(origin) => format!("{origin}{url}"),
            None => url.to_owned(),
        }
    }
}

/// `scheme://host` of a URL, if it has one.
pub fn origin(base_url: &str) -> Option<String> {
    let (scheme, rest) = base_url.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

impl LinkRewriter for PageLinks<'_> {
    fn link(&self, url: &str) -> Option<String> {
        Some(match self.site.resolve(self.rel, url) {
            Target::Page { rel, fragment } => {
                let built = relative_href(self.rel, &self.locales.href(&rel, self.view.get()));
                match fragment {
                    Some(f) => format!("{built}#{f}"),
                    None => built,
                }
            }
            Target::File(rel) => relative_href(self.rel, &outpath::href(&rel)),
            Target::OutsideDocsets => self.outside(url),
            Target::UnknownUid => return None,
            Target::AsWritten | Target::Missing => url.to_owned(),
        })
    }

    fn media(&self, url: &str) -> String {
        match self.site.resolve(self.rel, url) {
            Target::Page { rel, .. } | Target::File(rel) => {
                relative_href(self.rel, &outpath::href(&rel))
            }
            Target::OutsideDocsets => self.outside(url),
            Target::AsWritten | Target::Missing | Target::UnknownUid => url.to_owned(),
        }
    }

    fn page(&self) -> &str {
        self.rel
    }
}

/// One row of the side-by-side view.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// The block's kind ([`crate::model::BlockKind::as_str`]): the row's CSS class.
    pub kind: &'static str,
    /// Line where the block starts in the file (1-based).
    pub line: usize,
    /// The row's HTML in the target language, links rewritten for the view
    /// (sanitized unless `site.yml` turns `sanitize_html` off).
    pub target: String,
    /// The row's HTML in the source language (as `target`).
    pub source: String,
    /// The ids of the segments the row shows, in order.
    pub segments: Vec<String>,
    /// Every finding of the row's segments, informational ones included (so
    /// that each check's filter finds its rows).
    pub findings: Vec<FindingView>,
    /// A finding of warning or error severity: what j/k and "only flagged" visit.
    pub flagged: bool,
}

/// A finding as shown beside its segment.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The segment's id; empty for a finding about the whole page.
    pub id: String,
    /// The finding's code: the filter and the acceptance name it.
    pub code: Code,
    /// [`Severity::as_str`]: `info`, `warning` or `error`.
    pub severity: &'static str,
    /// What is wrong and what to do about it.
    pub message: String,
    /// 1-based line in the page's file.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The offending tokens, which the page's script marks in the segment's
    /// text on both sides (see [`Diagnostic::tokens`]).
    pub tokens: Vec<String>,
}

impl FindingView {
    /// The view of one finding.
    pub fn of(d: &Diagnostic) -> FindingView {
        FindingView {
            id: d.id.clone().unwrap_or_default(),
            code: d.code,
            severity: d.severity.as_str(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
            tokens: d.tokens.to_vec(),
        }
    }
}

/// The rows of the side-by-side view with their findings.
pub fn rows(doc: &Document, findings: &[Diagnostic], ctx: &Context<'_>) -> Vec<RowView> {
    let mut by_id: HashMap<&str, Vec<FindingView>> = HashMap::new();
    for d in findings {
        if let Some(id) = &d.id {
            by_id
                .entry(id.as_str())
                .or_default()
                .push(FindingView::of(d));
        }
    }
    doc.blocks
        .iter()
        .filter(|block| !is_blank(block))
        .map(|block| {
            let segments: Vec<String> = block
                .segment_indices()
                .filter_map(|i| doc.segments.get(i).map(|s| s.id.clone()))
                .collect();
            let findings: Vec<FindingView> = segments
                .iter()
                .flat_map(|id| by_id.get(id.as_str()).cloned().unwrap_or_default())
                .collect();
            let flagged = findings
                .iter()
                .any(|f| f.severity != Severity::Info.as_str());
            RowView {
                kind: block.kind.as_str(),
                line: block.line,
                target: markdown::render_row(doc, block, Mode::Column(Side::Target), ctx),
                source: markdown::render_row(doc, block, Mode::Column(Side::Source), ctx),
                segments,
                findings,
                flagged,
            }
        })
        .collect()
}

/// The findings of a page that no row shows: those of the whole page (no
/// segment id, such as a machine-translated page) and those whose segment
/// has no row.
pub fn page_findings(rows: &[RowView], findings: &[Diagnostic]) -> Vec<FindingView> {
    let shown: HashSet<&str> = rows
        .iter()
        .flat_map(|r| r.segments.iter().map(String::as_str))
        .collect();
    findings
        .iter()
        .filter(|d| d.id.as_deref().is_none_or(|id| !shown.contains(id)))
        .map(FindingView::of)
        .collect()
}

/// A paragraph of nothing but spaces (pages often end with `&nbsp;`
/// lines): an empty row in the side-by-side view, so it is left out there.
fn is_blank(block: &crate::model::Block) -> bool {
    use crate::model::Piece;
    use pulldown_cmark::Event;
    block.kind == crate::model::BlockKind::Paragraph
        && block.pieces.iter().all(|p| match p {
            Piece::Event(Event::Text(t)) => t.trim().is_empty(),
            Piece::Event(Event::SoftBreak | Event::Start(_) | Event::End(_)) => true,
            _ => false,
        })
}

/// A whole page in one language, for the reading views.
pub fn reading_body(doc: &Document, side: Side, ctx: &Context<'_>) -> String {
    doc.blocks
        .iter()
        .map(|block| markdown::render_row(doc, block, Mode::Reading(side), ctx))
        .collect()
}

/// Navigation of one page: which tree it is in, its trail and neighbours.
/// The tree itself is not in the page: it is rendered once into a shared
/// script ([`RenderedTree::script_path`]) that every page of the tree loads,
/// so the output grows with pages plus TOC entries, not their product.
#[derive(Debug, Serialize, Default)]
pub struct PageNav {
    /// The tree's title, over the sidebar; empty when no tree lists the page.
    pub title: String,
    /// The tree's number (its files are `static/nav/<tree>.js` and `.html`).
    pub tree: Option<usize>,
    /// The entries from the tree's top down to the page's own.
    pub breadcrumbs: Vec<NavItem>,
    /// The page before this one in the tree's reading order.
    pub prev: Option<NavLink>,
    /// The page after this one in the tree's reading order.
    pub next: Option<NavLink>,
}

/// A link to another page by content path.
#[derive(Debug, Serialize)]
pub struct NavLink {
    /// The linked page's title.
    pub title: String,
    /// The linked page's side-by-side view, from the site root.
    pub url: String,
}

/// A navigation tree rendered once for the whole build (see `nav.html`).
#[derive(Debug, Serialize)]
pub struct RenderedTree {
    /// The tree's number in the site's list of trees.
    pub id: usize,
    /// The tree's title (see [`NavTree`]).
    pub title: String,
    /// Pages the tree lists.
    pub pages: usize,
    /// HTML with [`ROOT_PLACEHOLDER`] where the path to the site root goes.
    #[serde(skip)]
    pub html: String,
    /// The tree itself, for each page's trail ([`PageNav::of`]).
    #[serde(skip)]
    pub(crate) tree: NavTree,
    /// The pages the tree lists in reading order (content paths): what
    /// previous and next follow.
    #[serde(skip)]
    pub(crate) order: Vec<String>,
    /// For each page of `order`, the way from the root to its entry
    /// ([`nav::reading_order`]), for its breadcrumbs.
    #[serde(skip)]
    pub(crate) ways: Vec<Box<[u32]>>,
    /// The indices of `order`, sorted by page: each page's place is found
    /// by a binary search, not a walk of a tree that may list thousands.
    #[serde(skip)]
    pub(crate) by_page: Vec<u32>,
}

/// Stands for the page's way back to the site root in pre-rendered HTML.
pub const ROOT_PLACEHOLDER: &str = "%SXS_ROOT%";

impl RenderedTree {
    /// A tree rendered to `html`, its pages indexed.
    pub fn new(id: usize, tree: NavTree, html: String) -> RenderedTree {
        let (order, ways) = nav::reading_order(&tree.items);
        let mut by_page: Vec<u32> = (0..).take(order.len()).collect();
        by_page.sort_unstable_by(|&a, &b| order[a as usize].cmp(&order[b as usize]));
        RenderedTree {
            id,
            title: tree.title.clone(),
            pages: order.len(),
            html,
            tree,
            order,
            ways,
            by_page,
        }
    }

    /// Where the tree's reading order has `page`, if it lists it.
    pub fn position(&self, page: &str) -> Option<usize> {
        let order = &self.order;
        self.by_page
            .binary_search_by(|&i| order[i as usize].as_str().cmp(page))
            .ok()
            .and_then(|found| self.by_page.get(found))
            .map(|&i| i as usize)
    }

    /// The shared script that holds the tree (from the site root).
    pub fn script_path(id: usize) -> String {
        format!("static/nav/{id}.js")
    }

    /// The tree's own page, where a reader without scripts finds it.
    pub fn page_path(id: usize) -> String {
        format!("static/nav/{id}.html")
    }

    /// The tree's HTML with links from a page at `root` (`../` per folder).
    pub fn html_at(&self, root: &str) -> String {
        self.html.replace(ROOT_PLACEHOLDER, root)
    }

    /// The shared script: registers the tree's HTML, root placeholder kept
    /// (the page's script puts its own way back to the root in), under its
    /// number in `window.SXS_NAV`, and shows it if the page's script ran
    /// first (scripts of the home page do run after it). A script, not JSON, so it loads from
    /// `file://` too.
    pub fn script(&self) -> String {
        let html = serde_json::Value::String(self.html.clone()).to_string();
        format!(
            "(window.SXS_NAV=window.SXS_NAV||{{}})[{id}]={html};\
             if(window.sxsNav)window.sxsNav({id});\n",
            id = self.id
        )
    }
}

impl PageNav {
    /// The navigation of page `rel`: from the first of `trees` that lists
    /// it, its neighbours titled from `pages`; empty when none lists it.
    pub fn of(rel: &str, trees: &[RenderedTree], pages: &HashMap<String, PageSummary>) -> PageNav {
        for rendered in trees {
            if let Some(i) = rendered.position(rel) {
                let order = &rendered.order;
                let at = Some(i);
                let trail = rendered
                    .ways
                    .get(i)
                    .map(|way| nav::trail(&rendered.tree.items, way))
                    .unwrap_or_default();
                let link = |i: usize| {
                    order.get(i).and_then(|p| pages.get(p)).map(|s| NavLink {
                        title: s.title.clone(),
                        url: s.url.clone(),
                    })
                };
                return PageNav {
                    title: rendered.title.clone(),
                    tree: Some(rendered.id),
                    breadcrumbs: trail,
                    prev: at.and_then(|i| i.checked_sub(1)).and_then(link),
                    next: at.and_then(|i| link(i + 1)),
                };
            }
        }
        PageNav::default()
    }
}

/// Decisions grouped by actor (most decisions first), then by modality.
#[derive(Debug, Serialize)]
pub struct ActorGroup<'a> {
    /// The actor as its first decision writes it; the group takes in the
    /// other spellings [`crate::decide::actor_key`] merges.
    pub actor: String,
    /// How many decisions the actor has, over all modalities.
    pub count: usize,
    /// The actor's decisions by modality, in [`crate::decide::Modality`] order.
    pub modalities: Vec<ModalityGroup<'a>>,
}

/// The decisions of one actor with one modality.
#[derive(Debug, Clone, Serialize)]
pub struct ModalityGroup<'a> {
    /// [`crate::decide::Modality::as_str`] (`must-not`), for CSS classes.
    pub modality: &'static str,
    /// [`crate::decide::Modality::label`]: the modality for people.
    pub label: &'static str,
    /// The decisions, in page order.
    pub items: Vec<DecisionItem<'a>>,
}

/// One decision with the page that states it.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionItem<'a> {
    /// The title of the page that states the decision.
    pub page_title: &'a str,
    /// Page URL from the site root, with the segment anchor.
    pub url: String,
    /// The decision; its fields are the item's own in templates.
    #[serde(flatten)]
    pub decision: &'a PageDecision,
}

/// Groups the decisions of `pages` by actor (merged by [`crate::decide::actor_key`]: case,
/// number and article do not split an actor) and modality.
pub fn group_decisions<'a>(pages: &[&'a PageSummary]) -> Vec<ActorGroup<'a>> {
    let mut actors: BTreeMap<
        String,
        (
            String,
            BTreeMap<crate::decide::Modality, Vec<DecisionItem<'a>>>,
        ),
    > = BTreeMap::new();
    for page in pages {
        for decision in &page.decisions {
            let actor = &decision.decision.actor;
            let entry = actors
                .entry(crate::decide::actor_key(actor))
                .or_insert_with(|| (actor.clone(), BTreeMap::new()));
            entry
                .1
                .entry(decision.decision.modality)
                .or_default()
                .push(DecisionItem {
                    page_title: &page.title,
                    url: format!("{}#{}", page.url, decision.id),
                    decision,
                });
        }
    }
    let mut groups: Vec<ActorGroup<'a>> = actors
        .into_values()
        .map(|(actor, by_modality)| ActorGroup {
            actor,
            count: by_modality.values().map(Vec::len).sum(),
            modalities: by_modality
                .into_iter()
                .map(|(m, items)| ModalityGroup {
                    modality: m.as_str(),
                    label: m.label(),
                    items,
                })
                .collect(),
        })
        .collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.actor.cmp(&b.actor)));
    groups
}

#[cfg(test)]
mod tests {
    use super::relative_href;

    #[test]
    fn links_climb_only_out_of_the_folders_not_shared() {
        let cases = [
            ("api/qsharp/a.md", "api/qsharp/b.html", "b.html"),
            ("api/qsharp/a.md", "api/other/c.html", "../other/c.html"),
            ("api/qsharp/a.md", "index.html", "../../index.html"),
            ("a.md", "api/qsharp/b.html", "api/qsharp/b.html"),
            ("api/a.md", "api/qsharp/b.html", "qsharp/b.html"),
            ("docs/a b/x.md", "docs/a%20b/y.html", "y.html"),
            ("api/qsharp/a.md", "api/qsharpx/b.html", "../qsharpx/b.html"),
        ];
        for (rel, target, want) in cases {
            assert_eq!(relative_href(rel, target), want, "{rel} → {target}");
        }
    }
}
