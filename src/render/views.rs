//! The view structs templates receive (plain, serializable; never internal
//! types), and the URLs of built pages.

use super::markdown::{self, Context, LinkRewriter, Mode};
use super::nav::{self, NavItem, NavTree};
use crate::decide::PageDecision;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Document, Side};
use crate::review::Verdict;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The three views of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Sxs,
    Target,
    Source,
}

impl View {
    pub const ALL: [View; 3] = [View::Sxs, View::Target, View::Source];
}

/// File-name suffixes of the reading views (`page.pt-br.html`), from the
/// site's locales.
#[derive(Debug, Clone, Serialize)]
pub struct Locales {
    pub target: String,
    pub source: String,
    pub target_name: String,
    pub source_name: String,
}

impl Locales {
    pub fn new(target: &str, source: &str) -> Locales {
        Locales {
            target: target.to_owned(),
            source: source.to_owned(),
            target_name: language_name(target),
            source_name: language_name(source),
        }
    }

    /// Built path of a content page (`a/b.md`) in a view, from the site root.
    pub fn built_path(&self, rel: &str, view: View) -> String {
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

/// What other pages need to know of a page: built by the first pass.
/// Compared on rebuilds: the site-wide pages are rendered again only when
/// some page's summary changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageSummary {
    pub rel: String,
    pub title: String,
    pub url: String,
    pub bilingual: bool,
    pub verdict: Verdict,
    pub segments: usize,
    pub aligned: usize,
    pub flagged: usize,
    pub errors: usize,
    pub warnings: usize,
    pub by_check: BTreeMap<String, usize>,
    pub translation_type: String,
    pub locale: String,
    pub last_handoff: String,
    /// What the page decides (SPEC §3 b).
    pub decisions: Vec<PageDecision>,
    /// The page's DocFX `uid` (frontmatter), which `xref:` links name.
    #[serde(skip)]
    pub uid: Option<String>,
    /// The paths of the page's `[!INCLUDE]` paragraphs, as written.
    #[serde(skip)]
    pub includes: Vec<String>,
    #[serde(skip)]
    pub anchors: HashSet<String>,
}

impl PageSummary {
    pub fn new(
        doc: &Document,
        findings: &[Diagnostic],
        locales: &Locales,
        locale: &str,
    ) -> PageSummary {
        let flagged: HashSet<&str> = findings
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .filter_map(|d| d.id.as_deref())
            .collect();
        let mut by_check = BTreeMap::new();
        for d in findings {
            *by_check.entry(d.code.to_owned()).or_insert(0) += 1;
        }
        let mut anchors: HashSet<String> = doc.segments.iter().map(|s| s.id.clone()).collect();
        anchors.extend(doc.segments.iter().map(|s| format!("src-{}", s.id)));
        anchors.extend(doc.blocks.iter().flat_map(|b| b.anchors.iter().cloned()));
        PageSummary {
            rel: doc.rel.clone(),
            title: page_title(doc),
            url: locales.built_path(&doc.rel, View::Sxs),
            bilingual: doc.is_bilingual(),
            verdict: Verdict::of(findings),
            segments: doc.segments.len(),
            aligned: doc
                .segments
                .iter()
                .filter(|s| s.has_target && s.has_source)
                .count(),
            flagged: flagged.len(),
            errors: findings
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
            by_check,
            translation_type: doc.meta.translation_type.clone().unwrap_or_default(),
            locale: locale.to_owned(),
            last_handoff: doc.meta.last_handoff.clone().unwrap_or_default(),
            decisions: crate::decide::page_decisions(doc),
            uid: doc
                .meta
                .all
                .get("uid")
                .and_then(crate::yaml::scalar_text)
                .map(|u| u.trim().to_owned()),
            includes: doc
                .blocks
                .iter()
                .filter_map(markdown::include_href)
                .collect(),
            anchors,
        }
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

/// A link found broken while rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub code: &'static str,
    pub url: String,
    pub line: usize,
}

impl BrokenLink {
    /// What is wrong, and what to do, for the build's report.
    pub fn message(&self) -> String {
        let what = match self.code {
            "broken-anchor" => "links to an anchor that the page does not have; fix the anchor",
            "missing-image" => "shows an image that is not in the content folder; fix the path",
            "root-link" => "is a site path that no docset of this content holds (see docfx.json `dest`); it is kept as written, so it works only where the site's root is the docs site",
            "unresolved-xref" => "names a uid that no page's frontmatter has; it is shown as text without a link",
            _ => "links to a page or file that is not in the content folder; fix the path",
        };
        format!("`{}` {what}", self.url)
    }
}

/// Everything link rewriting needs to know about the site.
pub struct SiteIndex<'a> {
    pub locales: &'a Locales,
    pub pages: &'a HashMap<String, PageSummary>,
    pub files: &'a HashSet<String>,
    /// Lowercase path -> path, for links whose case differs from the file's
    /// (DocFX sites resolve them; static hosts would not).
    pub folded: HashMap<String, String>,
    /// Page `uid` -> content path; lowercase too, as a fallback.
    uids: HashMap<String, String>,
    /// Where root-relative and `~/` paths lead (from `docfx.json`).
    pub docsets: crate::docset::Docsets,
    /// `scheme://host` of the site's `base_url`: root-relative links outside
    /// the docsets are made absolute to it, so they work from disk too.
    pub origin: Option<String>,
}

impl<'a> SiteIndex<'a> {
    pub fn new(
        locales: &'a Locales,
        pages: &'a HashMap<String, PageSummary>,
        files: &'a HashSet<String>,
    ) -> SiteIndex<'a> {
        let folded = files
            .iter()
            .map(|f| (f.to_lowercase(), f.clone()))
            .collect();
        let mut uids = HashMap::new();
        for page in pages.values() {
            if let Some(uid) = page.uid.as_deref().filter(|u| !u.is_empty()) {
                uids.entry(uid.to_lowercase())
                    .or_insert_with(|| page.rel.clone());
                uids.insert(uid.to_owned(), page.rel.clone());
            }
        }
        SiteIndex {
            locales,
            pages,
            files,
            folded,
            uids,
            docsets: Default::default(),
            origin: None,
        }
    }

    /// The same index with the site's docsets and base URL (see `origin`).
    pub fn with_docsets(mut self, docsets: crate::docset::Docsets, base_url: &str) -> Self {
        self.docsets = docsets;
        self.origin = origin(base_url);
        self
    }

    /// The content path as it is on disk, if the site has it.
    fn canonical(&self, rel: &str) -> Option<String> {
        if self.files.contains(rel) {
            return Some(rel.to_owned());
        }
        self.folded.get(&rel.to_lowercase()).cloned()
    }

    /// The page with `uid` (exact, else in any case).
    fn page_of_uid(&self, uid: &str) -> Option<&str> {
        self.uids
            .get(uid)
            .or_else(|| self.uids.get(&uid.to_lowercase()))
            .map(String::as_str)
    }

    /// The file a path written in the page `from` names, as DocFX finds it:
    /// `\` read as `/`, any case; `~/x` from the folder of the page's
    /// `docfx.json`, else the content root, else the nearest folder above
    /// the page that has `x`; `/x` through the docsets' published paths.
    /// A link to a page's other form (`x.md` for `x.yml`) finds the page.
    pub fn resolve(&self, from: &str, path: &str) -> Option<String> {
        let path = path.replace('\\', "/");
        if let Some(rest) = path.strip_prefix("~/") {
            let ancestors = from.match_indices('/').rev().map(|(i, _)| &from[..i]);
            return self
                .docsets
                .tilde_roots(from)
                .iter()
                .map(String::as_str)
                .chain(ancestors)
                .find_map(|root| self.canonical(&crate::docset::join(root, rest)));
        }
        if let Some(site_path) = path.strip_prefix('/') {
            return self
                .docsets
                .site_candidates(site_path)
                .iter()
                .find_map(|c| self.site_page(c));
        }
        let joined = nav::resolve(from, &path)?;
        self.canonical(&joined).or_else(|| self.other_form(&joined))
    }

    /// A published site path (no extension, maybe a folder) as a page.
    fn site_page(&self, path: &str) -> Option<String> {
        let base = path.trim_end_matches('/');
        let folder = |name: &str| crate::docset::join(base, name);
        let found: Vec<String> = [
            base.to_owned(),
            format!("{base}.md"),
            format!("{base}.yml"),
            folder("index.md"),
            folder("index.yml"),
        ]
        .iter()
        .filter_map(|c| self.canonical(c))
        .collect();
        // A page before a file of the same path (a media file is a file).
        found
            .iter()
            .find(|c| self.pages.contains_key(*c))
            .or(found.first())
            .cloned()
    }

    /// `x.yml` for a link to a missing `x.md`, and the other way round.
    fn other_form(&self, rel: &str) -> Option<String> {
        let (stem, ext) = rel.rsplit_once('.')?;
        let other = match ext.to_ascii_lowercase().as_str() {
            "md" => "yml",
            "yml" => "md",
            _ => return None,
        };
        self.canonical(&format!("{stem}.{other}"))
            .filter(|c| self.pages.contains_key(c))
    }
}

impl nav::PageFinder for SiteIndex<'_> {
    fn find(&self, from: &str, href: &str) -> Option<String> {
        self.resolve(from, href)
    }

    fn page_of_uid(&self, uid: &str) -> Option<String> {
        SiteIndex::page_of_uid(self, uid).map(str::to_owned)
    }

    fn is_page(&self, rel: &str) -> bool {
        self.pages.contains_key(rel)
    }
}

/// `scheme://host` of a URL, if it has one.
fn origin(base_url: &str) -> Option<String> {
    let (scheme, rest) = base_url.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// Rewrites the links of one page and records the broken ones.
pub struct PageLinks<'a> {
    pub site: &'a SiteIndex<'a>,
    pub rel: &'a str,
    pub root: String,
    /// The view being rendered: links go to the same view of other pages.
    pub view: Cell<View>,
    /// The line of the block being rendered.
    line: Cell<usize>,
    pub broken: RefCell<Vec<BrokenLink>>,
    /// Pages linked with an `#anchor`: whether those links are broken
    /// depends on the other page, so an incremental rebuild re-checks them.
    pub anchored: RefCell<HashSet<String>>,
}

impl<'a> PageLinks<'a> {
    pub fn new(site: &'a SiteIndex<'a>, rel: &'a str) -> PageLinks<'a> {
        PageLinks {
            site,
            rel,
            root: root_prefix(rel),
            view: Cell::new(View::Sxs),
            line: Cell::new(1),
            broken: RefCell::new(Vec::new()),
            anchored: RefCell::new(HashSet::new()),
        }
    }

    fn report(&self, code: &'static str, url: &str) {
        let mut broken = self.broken.borrow_mut();
        let item = BrokenLink {
            code,
            url: url.to_owned(),
            line: self.line.get(),
        };
        // Each view renders the same links again: report each once. Links
        // that lead outside the site are reported once per page, where first
        // met: the page is not wrong, the reader is only told.
        let outside = matches!(code, "root-link" | "unresolved-xref");
        if !broken
            .iter()
            .any(|b| b.url == item.url && (outside || b.line == item.line))
        {
            broken.push(item);
        }
    }

    /// The URL of the page `target` in the view being rendered, with the
    /// fragment (checked against the page's anchors).
    fn page_url(
        &self,
        target: &str,
        page: &PageSummary,
        fragment: Option<&str>,
        url: &str,
    ) -> String {
        if let Some(anchor) = fragment.filter(|a| !a.is_empty()) {
            self.anchored.borrow_mut().insert(target.to_owned());
            if !page.anchors.contains(anchor) {
                self.report("broken-anchor", url);
            }
        }
        let built = self.site.locales.built_path(target, self.view.get());
        match fragment {
            Some(f) => format!("{}{built}#{f}", self.root),
            None => format!("{}{built}", self.root),
        }
    }

    /// `xref:uid#fragment` as the page whose frontmatter has that uid.
    fn xref(&self, url: &str, reference: &str) -> Option<String> {
        let (uid, fragment) = match reference.split_once('#') {
            Some((u, f)) => (u, Some(f)),
            None => (reference, None),
        };
        let uid = uid.split('?').next().unwrap_or(uid);
        let uid = uid.replace("%2A", "*").replace("%2a", "*");
        let found = self
            .site
            .page_of_uid(&uid)
            .and_then(|rel| self.site.pages.get(rel).map(|page| (rel, page)));
        let Some((rel, page)) = found else {
            self.report("unresolved-xref", url);
            return None;
        };
        Some(self.page_url(rel, page, fragment, url))
    }
}

fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let slash = url.find('/');
    match (scheme_end, slash) {
        (Some(c), Some(s)) => c < s,
        (Some(_), None) => true,
        _ => url.starts_with("//"),
    }
}

impl LinkRewriter for PageLinks<'_> {
    fn link(&self, url: &str) -> Option<String> {
        if let Some(reference) = url.strip_prefix("xref:") {
            return self.xref(url, reference);
        }
        if url.is_empty() || url.starts_with('#') || is_external(url) {
            return Some(url.to_owned());
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        let Some(target) = self.site.resolve(self.rel, path) else {
            if url.starts_with('/') && !url.starts_with("//") {
                self.report("root-link", url);
                return Some(match &self.site.origin {
                    Some(origin) => format!("{origin}{url}"),
                    None => url.to_owned(),
                });
            }
            self.report("broken-link", url);
            return Some(url.to_owned());
        };
        if let Some(page) = self.site.pages.get(&target) {
            return Some(self.page_url(&target, page, fragment, url));
        }
        if self.site.files.contains(&target) {
            return Some(format!("{}{target}", self.root));
        }
        self.report("broken-link", url);
        Some(url.to_owned())
    }

    fn at_line(&self, line: usize) {
        self.line.set(line);
    }

    fn page(&self) -> &str {
        self.rel
    }

    fn line(&self) -> usize {
        self.line.get()
    }

    fn media(&self, url: &str) -> String {
        if url.is_empty() || is_external(url) {
            return url.to_owned();
        }
        let path = url.split(['#', '?']).next().unwrap_or(url);
        match self.site.resolve(self.rel, path) {
            Some(target) if self.site.files.contains(&target) => format!("{}{target}", self.root),
            _ => {
                self.report("missing-image", url);
                url.to_owned()
            }
        }
    }
}

/// One row of the side-by-side view.
#[derive(Debug, Serialize)]
pub struct RowView {
    pub kind: &'static str,
    pub line: usize,
    pub target: String,
    pub source: String,
    pub segments: Vec<String>,
    pub findings: Vec<FindingView>,
}

/// A finding as shown beside its segment.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub id: String,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// The offending tokens, which the page's script marks in the segment's
    /// text on both sides (see [`Diagnostic::tokens`]).
    pub tokens: Vec<String>,
}

impl FindingView {
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
    for d in findings.iter().filter(|d| d.severity >= Severity::Warning) {
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
            let findings = segments
                .iter()
                .flat_map(|id| by_id.get(id.as_str()).cloned().unwrap_or_default())
                .collect();
            RowView {
                kind: block.kind.as_str(),
                line: block.line,
                target: markdown::render_row(doc, block, Mode::Column(Side::Target), ctx),
                source: markdown::render_row(doc, block, Mode::Column(Side::Source), ctx),
                segments,
                findings,
            }
        })
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

/// Navigation of one page: its tree (as HTML), trail and neighbours.
#[derive(Debug, Serialize, Default)]
pub struct PageNav {
    pub title: String,
    pub html: String,
    pub breadcrumbs: Vec<NavItem>,
    pub prev: Option<NavLink>,
    pub next: Option<NavLink>,
}

/// A link to another page by content path.
#[derive(Debug, Serialize)]
pub struct NavLink {
    pub title: String,
    pub url: String,
}

/// A navigation tree rendered once for the whole build (see `nav.html`).
#[derive(Debug, Serialize)]
pub struct RenderedTree {
    pub title: String,
    /// HTML with [`ROOT_PLACEHOLDER`] where the path to the site root goes.
    pub html: String,
    #[serde(skip)]
    pub tree: NavTree,
    #[serde(skip)]
    pub order: Vec<String>,
}

/// Stands for the page's way back to the site root in pre-rendered HTML.
pub const ROOT_PLACEHOLDER: &str = "%SXS_ROOT%";

impl RenderedTree {
    /// The tree's HTML for one page: real root, current page marked.
    pub fn html_for(&self, rel: &str, root: &str) -> String {
        // The tree was rendered with the templates' escaping; match it.
        let marker = format!("data-page=\"{}\"", markdown::escape_attr(rel));
        self.html
            .replace(ROOT_PLACEHOLDER, root)
            .replace(&marker, &format!("{marker} aria-current=\"page\""))
    }
}

impl PageNav {
    pub fn of(rel: &str, trees: &[RenderedTree], pages: &HashMap<String, PageSummary>) -> PageNav {
        for rendered in trees {
            if let Some(trail) = nav::trail(&rendered.tree.items, rel) {
                let order = &rendered.order;
                let at = order.iter().position(|p| p == rel);
                let link = |i: usize| {
                    order.get(i).and_then(|p| pages.get(p)).map(|s| NavLink {
                        title: s.title.clone(),
                        url: s.url.clone(),
                    })
                };
                return PageNav {
                    title: rendered.title.clone(),
                    html: rendered.html_for(rel, &root_prefix(rel)),
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
    pub actor: String,
    pub count: usize,
    pub modalities: Vec<ModalityGroup<'a>>,
}

/// The decisions of one actor with one modality.
#[derive(Debug, Serialize)]
pub struct ModalityGroup<'a> {
    pub modality: &'static str,
    pub label: &'static str,
    pub items: Vec<DecisionItem<'a>>,
}

/// One decision with the page that states it.
#[derive(Debug, Serialize)]
pub struct DecisionItem<'a> {
    pub page_title: &'a str,
    /// Page URL from the site root, with the segment anchor.
    pub url: String,
    #[serde(flatten)]
    pub decision: &'a PageDecision,
}

/// Groups the decisions of `pages` by actor (case-insensitive) and modality.
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
                .entry(actor.to_lowercase())
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
