//! Navigation: DocFX `TOC.yml` / `TOC.md` trees (a TOC may include another by
//! pointing at it), and the folder tree for pages no TOC lists.

use crate::diagnostic::{Code, Diagnostic};
use crate::links::{is_external, resolve_path as resolve};
use crate::load::{ContentFile, FileKind};
use crate::yaml;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One entry of a navigation tree. `page` is the content path of the page
/// it opens (`a/b.md`); `url` is where the link goes: the built page (from
/// the site root, see [`set_urls`]) or an external address.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NavItem {
    /// The entry's text: the TOC's `name`, or in a folder tree the page's
    /// title.
    pub name: String,
    /// The content path of the page the entry opens; `None` when it opens
    /// no page of the site (a heading, an external link, an href that does
    /// not resolve).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Where the entry's link goes; `None` when it has none (a heading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `url` leads out of the docsets (another site, or a site path no
    /// docset holds): templates link it as is, not from the site root.
    pub external: bool,
    /// DocFX `expanded: true`: the section shows open.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub expanded: bool,
    /// The entries under this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<NavItem>,
}

/// A navigation tree with its title (its first entry's name, else its
/// folder's landing page's title; see [`build`]).
#[derive(Debug, Clone, Serialize)]
pub struct NavTree {
    /// Shown over the tree in the sidebar; may be empty.
    pub title: String,
    /// The folder of the TOC (or of the pages, for a folder tree): where the
    /// builder looks for a landing page when the tree has no title.
    #[serde(skip)]
    pub folder: String,
    /// The tree's top-level entries.
    pub items: Vec<NavItem>,
    /// Made from the folder tree (no TOC lists these pages): items are
    /// named after files until [`set_names`] gives them page titles.
    pub from_folders: bool,
}

/// A TOC entry before hrefs are resolved: what DocFX reads of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawItem {
    pub name: String,
    /// A page, a folder, another TOC, or an external address.
    pub href: Option<String>,
    /// The entry's page when `href` names a TOC.
    pub topic_href: Option<String>,
    /// The TOC whose items become this entry's (with `href` as its page).
    pub toc_href: Option<String>,
    /// `uid` / `topicUid`: the page by its frontmatter uid.
    pub uid: Option<String>,
    pub expanded: bool,
    pub items: Vec<RawItem>,
}

/// Reads a TOC file's text into items. YAML TOCs may be a list of entries
/// or a map whose `items` is that list; `items` may be empty or null.
pub(crate) fn parse_toc(rel: &str, text: &str) -> Result<Vec<RawItem>, Diagnostic> {
    if rel.to_ascii_lowercase().ends_with(".md") {
        return Ok(parse_toc_md(text));
    }
    let root: Value = yaml::parse(text).map_err(|e| e.to_diagnostic(rel, Code::Toc, "the TOC"))?;
    let entries = match &root {
        Value::Object(map) => map.get("items").cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    match entries {
        Value::Array(list) => Ok(list.iter().filter_map(raw_item).collect()),
        Value::Null => Ok(Vec::new()),
        _ => Err(Diagnostic::new(
            rel,
            (1, 1),
            Code::Toc,
            crate::diagnostic::Severity::Error,
            "a TOC is a list of entries (`- name: …`) or a map with `items:`; this is neither",
        )),
    }
}

fn raw_item(value: &Value) -> Option<RawItem> {
    let map = value.as_object()?;
    let text = |key: &str| {
        map.get(key)
            .and_then(yaml::scalar_text)
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    let items = match map.get("items") {
        Some(Value::Array(list)) => list.iter().filter_map(raw_item).collect(),
        _ => Vec::new(),
    };
    Some(RawItem {
        name: text("name")
            .or_else(|| text("displayName"))
            .unwrap_or_default(),
        href: text("href"),
        topic_href: text("topicHref"),
        toc_href: text("tocHref"),
        uid: text("uid").or_else(|| text("topicUid")),
        expanded: map
            .get("expanded")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        items,
    })
}

/// A markdown TOC: `# [Name](href)` headings (the number of `#` is the
/// level) and list items (`- [Name](href)`, nested by indentation, below
/// the last heading).
fn parse_toc_md(text: &str) -> Vec<RawItem> {
    let mut roots: Vec<RawItem> = Vec::new();
    let mut heading_level = 0;
    // Indentation of the open list levels, outermost first.
    let mut indents: Vec<usize> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let (level, entry) = if hashes > 0 {
            heading_level = hashes;
            indents.clear();
            (hashes, &trimmed[hashes..])
        } else if let Some(entry) = list_entry(trimmed) {
            while indents.last().is_some_and(|&i| i > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            (heading_level + indents.len(), entry)
        } else {
            continue;
        };
        let (name, href) = md_link(entry.trim());
        let item = RawItem {
            name,
            href,
            ..RawItem::default()
        };
        let mut siblings = &mut roots;
        for _ in 1..level {
            if siblings.is_empty() {
                break;
            }
            let last = siblings.len() - 1;
            siblings = &mut siblings[last].items;
        }
        siblings.push(item);
    }
    roots
}

/// The text after a list marker (`- `, `* `, `+ `, `1. `), if `line` is one.
fn list_entry(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = if digits > 0 {
        line[digits..].strip_prefix('.')?
    } else {
        line.strip_prefix(['-', '*', '+'])?
    };
    rest.starts_with(' ').then_some(rest)
}

/// `[Name](href)` as (name, href); other text as a name without a link.
fn md_link(entry: &str) -> (String, Option<String>) {
    match (entry.find("]("), entry.strip_prefix('[')) {
        (Some(mid), Some(_)) if entry.ends_with(')') => {
            let target = entry[mid + 2..entry.len() - 1].trim();
            // `(href "title")`: the title is not part of the address.
            let href = target.split_once(" \"").map_or(target, |(h, _)| h);
            let href = href.trim_start_matches('<').trim_end_matches('>');
            (entry[1..mid].to_owned(), Some(href.to_owned()))
        }
        _ => (entry.to_owned(), None),
    }
}

fn is_toc_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == "toc.yml" || name == "toc.md" || name == "toc.yaml"
}

/// What navigation needs of the site besides the TOC files: how an href
/// written in a file leads to a page (DocFX paths: `~/`, root-relative,
/// any case) and which page has a uid.
pub trait PageFinder {
    /// The content path of the page or file `href` (no fragment) names,
    /// written in the file `from`.
    fn find(&self, from: &str, href: &str) -> Option<String>;
    /// The page whose frontmatter `uid` is `uid`.
    fn page_of_uid(&self, uid: &str) -> Option<String>;
    /// Whether `rel` is a page of the site.
    fn is_page(&self, rel: &str) -> bool;
}

/// Navigation finds the pages its TOCs name as links do.
impl PageFinder for crate::links::SiteIndex {
    fn find(&self, from: &str, href: &str) -> Option<String> {
        crate::links::SiteIndex::find(self, from, href)
    }

    fn page_of_uid(&self, uid: &str) -> Option<String> {
        crate::links::SiteIndex::page_of_uid(self, uid).map(str::to_owned)
    }

    fn is_page(&self, rel: &str) -> bool {
        crate::links::SiteIndex::is_page(self, rel)
    }
}

/// The TOC files of a site by path, and how to find one in any case.
struct Tocs {
    parsed: BTreeMap<String, Vec<RawItem>>,
    folded: HashMap<String, String>,
}

impl Tocs {
    /// The TOC a path names: a TOC file, or a folder's TOC (`folder/`).
    fn named(&self, target: &str) -> Option<&String> {
        let lookup = |p: &str| self.folded.get(&p.to_lowercase());
        if is_toc_path(target) {
            return lookup(target);
        }
        let base = target.trim_end_matches('/');
        ["toc.yml", "toc.md", "toc.yaml"]
            .iter()
            .find_map(|name| lookup(&crate::docset::join(base, name)))
    }
}

/// All navigation trees of a site: one per root TOC (a TOC no other TOC
/// includes), then one per top folder for the pages no TOC lists.
pub fn build(
    files: &[ContentFile],
    read: impl Fn(&ContentFile) -> Option<String>,
    finder: &dyn PageFinder,
) -> (Vec<NavTree>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut parsed: BTreeMap<String, Vec<RawItem>> = BTreeMap::new();
    for file in files.iter().filter(|f| f.kind == FileKind::Toc) {
        // DocFX breadcrumb files describe the docs site's own path, not
        // this site's navigation.
        if file
            .rel
            .split('/')
            .any(|p| p.eq_ignore_ascii_case("breadcrumb"))
        {
            continue;
        }
        let Some(text) = read(file) else { continue };
        match parse_toc(&file.rel, &text) {
            Ok(items) => {
                parsed.insert(file.rel.clone(), items);
            }
            Err(d) => problems.push(d),
        }
    }
    let folded = parsed
        .keys()
        .map(|k| (k.to_lowercase(), k.clone()))
        .collect();
    let tocs = Tocs { parsed, folded };
    // Shallowest TOCs first: a TOC already expanded inside an earlier one is
    // not a root of its own (this also settles TOCs that include each other).
    let mut order: Vec<&String> = tocs.parsed.keys().collect();
    order.sort_by_key(|rel| (rel.matches('/').count(), rel.as_str()));
    let mut walk = Walk {
        tocs: &tocs,
        finder,
        stack: Vec::new(),
        consumed: HashSet::new(),
    };
    let mut trees = Vec::new();
    let mut listed = HashSet::new();
    for rel in order {
        if walk.consumed.contains(rel) {
            continue;
        }
        walk.consumed.insert(rel.clone());
        walk.stack = vec![rel.clone()];
        let items = walk.items(rel, &tocs.parsed[rel]);
        collect_pages(&items, &mut listed);
        trees.push(NavTree {
            title: items.first().map(|i| i.name.clone()).unwrap_or_default(),
            folder: rel.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned(),
            items,
            from_folders: false,
        });
    }
    let unlisted: Vec<&str> = {
        let mut v: Vec<&str> = files
            .iter()
            .filter(|f| f.kind == FileKind::Markdown && finder.is_page(&f.rel))
            .map(|f| f.rel.as_str())
            .filter(|p| !listed.contains(*p))
            .collect();
        v.sort_unstable();
        v
    };
    trees.extend(folder_trees(&unlisted));
    (trees, problems)
}

/// The walk over TOCs that expands included ones, with its cycle guard.
struct Walk<'w> {
    tocs: &'w Tocs,
    finder: &'w dyn PageFinder,
    /// TOCs being expanded, outermost first.
    stack: Vec<String>,
    /// TOCs expanded somewhere: not roots of their own.
    consumed: HashSet<String>,
}

impl Walk<'_> {
    fn items(&mut self, rel: &str, items: &[RawItem]) -> Vec<NavItem> {
        items.iter().map(|item| self.item(rel, item)).collect()
    }

    fn item(&mut self, rel: &str, item: &RawItem) -> NavItem {
        let mut nav = NavItem {
            name: item.name.clone(),
            page: None,
            url: None,
            external: false,
            expanded: item.expanded,
            items: self.items(rel, &item.items),
        };
        let href = item.href.as_deref();
        let toc = item.toc_href.as_deref().or(href.filter(|h| {
            let path = strip_fragment(h);
            is_toc_path(path) || (path.ends_with('/') && !is_external(path))
        }));
        if let Some(toc) = toc {
            self.include(rel, toc, &mut nav);
        }
        // A folder href (`lib/`) opens the folder's landing page, if any.
        let topic = item
            .topic_href
            .as_deref()
            .or(href.filter(|h| Some(*h) != toc || h.ends_with('/')));
        if let Some(page) = item.uid.as_deref().and_then(|u| self.finder.page_of_uid(u)) {
            nav.page = Some(page);
        } else if let Some(topic) = topic {
            self.topic(rel, topic, &mut nav);
        }
        nav
    }

    /// The items of the TOC `href` (from the TOC `rel`) appended to `nav`'s.
    fn include(&mut self, rel: &str, href: &str, nav: &mut NavItem) {
        let path = strip_fragment(href);
        let target = match path.strip_prefix('/').or_else(|| path.strip_prefix("~/")) {
            Some(_) => self.finder.find(rel, path),
            None => resolve(rel, path),
        };
        let Some(target) = target.and_then(|t| self.tocs.named(&t)).cloned() else {
            return;
        };
        // The cycle guard keeps A→B→A finite.
        if self.stack.contains(&target) {
            return;
        }
        let Some(sub) = self.tocs.parsed.get(&target) else {
            return;
        };
        self.stack.push(target.clone());
        self.consumed.insert(target.clone());
        let mut children = self.items(&target, sub);
        self.stack.pop();
        nav.items.append(&mut children);
    }

    /// The page (or external address) `href` opens.
    fn topic(&self, rel: &str, href: &str, nav: &mut NavItem) {
        if is_external(href) {
            nav.url = Some(href.to_owned());
            nav.external = true;
            return;
        }
        let path = strip_fragment(href);
        let found = self
            .finder
            .find(rel, path)
            .filter(|p| self.finder.is_page(p))
            .or_else(|| resolve(rel, path).and_then(|t| self.folder_index(&t)));
        match found {
            Some(page) => nav.page = Some(page),
            // A site path outside the docsets: kept as written.
            None if href.starts_with('/') => {
                nav.url = Some(href.to_owned());
                nav.external = true;
            }
            None => {}
        }
    }

    fn folder_index(&self, target: &str) -> Option<String> {
        let base = target.trim_end_matches('/');
        ["index.md", "index.yml"]
            .iter()
            .map(|name| crate::docset::join(base, name))
            .find(|p| self.finder.is_page(p))
    }
}

fn strip_fragment(href: &str) -> &str {
    href.split(['#', '?']).next().unwrap_or(href)
}

fn collect_pages(items: &[NavItem], out: &mut HashSet<String>) {
    for item in items {
        if let Some(page) = &item.page {
            out.insert(page.clone());
        }
        collect_pages(&item.items, out);
    }
}

/// Pages no TOC lists, grouped by top folder, named by file (the builder
/// names them and the tree by their pages' titles).
fn folder_trees(pages: &[&str]) -> Vec<NavTree> {
    let mut groups: BTreeMap<&str, Vec<NavItem>> = BTreeMap::new();
    for page in pages {
        let folder = page.split_once('/').map_or("", |(f, _)| f);
        let name = page
            .rsplit('/')
            .next()
            .unwrap_or(page)
            .trim_end_matches(".md");
        groups.entry(folder).or_default().push(NavItem {
            name: name.replace(['-', '_'], " "),
            page: Some((*page).to_owned()),
            url: None,
            external: false,
            expanded: false,
            items: Vec::new(),
        });
    }
    groups
        .into_iter()
        .map(|(folder, items)| NavTree {
            title: String::new(),
            folder: folder.to_owned(),
            items,
            from_folders: true,
        })
        .collect()
}

/// Sets each page item's `url` to its built path (`url_of(page)`).
pub fn set_urls(items: &mut [NavItem], url_of: &dyn Fn(&str) -> String) {
    for item in items {
        if let Some(page) = &item.page {
            item.url = Some(url_of(page));
        }
        set_urls(&mut item.items, url_of);
    }
}

/// Makes the site paths a tree keeps as written (`/other/page`, outside
/// every docset) absolute to `origin`, so they work from disk too.
pub fn rebase_site_paths(items: &mut [NavItem], origin: &str) {
    for item in items {
        if let Some(url) = item
            .url
            .as_mut()
            .filter(|u| u.starts_with('/') && !u.starts_with("//"))
        {
            *url = format!("{origin}{url}");
        }
        rebase_site_paths(&mut item.items, origin);
    }
}

/// Names the items of folder trees after their pages' titles.
pub fn set_names(items: &mut [NavItem], title_of: &dyn Fn(&str) -> Option<String>) {
    for item in items {
        if let Some(title) = item.page.as_deref().and_then(title_of) {
            item.name = title;
        }
        set_names(&mut item.items, title_of);
    }
}

/// The pages of a tree in reading order, each where it is first listed,
/// with the way to that entry from the root: each entry's index among its
/// siblings on the way down.
pub fn reading_order(items: &[NavItem]) -> (Vec<String>, Vec<Box<[u32]>>) {
    fn walk<'t>(
        items: &'t [NavItem],
        way: &mut Vec<u32>,
        seen: &mut std::collections::HashSet<&'t str>,
        out: &mut (Vec<String>, Vec<Box<[u32]>>),
    ) {
        for (i, item) in (0u32..).zip(items) {
            way.push(i);
            if let Some(page) = item.page.as_deref() {
                if seen.insert(page) {
                    out.0.push(page.to_owned());
                    out.1.push(way.as_slice().into());
                }
            }
            walk(&item.items, way, seen, out);
            way.pop();
        }
    }
    let mut out = (Vec::new(), Vec::new());
    walk(items, &mut Vec::new(), &mut Default::default(), &mut out);
    out
}

/// Names from the tree's root down the way [`reading_order`] gives.
pub fn trail(items: &[NavItem], way: &[u32]) -> Vec<NavItem> {
    let mut level = items;
    let mut out = Vec::with_capacity(way.len());
    for &i in way {
        let Some(item) = level.get(i as usize) else {
            break;
        };
        out.push(leaf(item));
        level = &item.items;
    }
    out
}

fn leaf(item: &NavItem) -> NavItem {
    NavItem {
        items: Vec::new(),
        ..item.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toc_md_nests_by_heading_level() {
        let items = parse_toc_md("# [A](a.md)\n## [B](b.md)\n# C\n## [D](d.md)\n");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].items[0].name, "B");
        assert_eq!(items[1].href, None);
        assert_eq!(items[1].items[0].href.as_deref(), Some("d.md"));
    }

    #[test]
    fn resolves_relative_hrefs() {
        assert_eq!(
            resolve("pc/TOC.yml", "a/b.md").as_deref(),
            Some("pc/a/b.md")
        );
        assert_eq!(
            resolve("pc/x/TOC.yml", "../b.md").as_deref(),
            Some("pc/b.md")
        );
        assert_eq!(resolve("TOC.yml", "../b.md"), None);
    }

    /// Pages by path, with uids; `~/` and `/` paths are not needed here.
    struct Pages(Vec<(&'static str, Option<&'static str>)>);

    impl PageFinder for Pages {
        fn find(&self, from: &str, href: &str) -> Option<String> {
            let target = resolve(from, href)?;
            self.0
                .iter()
                .map(|(p, _)| (*p).to_owned())
                .find(|p| p.eq_ignore_ascii_case(&target))
        }
        fn page_of_uid(&self, uid: &str) -> Option<String> {
            self.0
                .iter()
                .find(|(_, u)| *u == Some(uid))
                .map(|(p, _)| (*p).to_owned())
        }
        fn is_page(&self, rel: &str) -> bool {
            self.0.iter().any(|(p, _)| *p == rel)
        }
    }

    /// The trees of TOC files given as (path, text) over `pages`.
    fn trees(tocs: &[(&str, &str)], pages: Pages) -> (Vec<NavTree>, Vec<Diagnostic>) {
        let mut files: Vec<ContentFile> = tocs
            .iter()
            .map(|(rel, _)| ContentFile {
                rel: (*rel).to_owned(),
                path: rel.into(),
                kind: FileKind::Toc,
            })
            .collect();
        files.extend(pages.0.iter().map(|(rel, _)| ContentFile {
            rel: (*rel).to_owned(),
            path: rel.into(),
            kind: FileKind::Markdown,
        }));
        let read = |f: &ContentFile| {
            tocs.iter()
                .find(|(rel, _)| *rel == f.rel)
                .map(|(_, text)| (*text).to_owned())
        };
        build(&files, read, &pages)
    }

    #[test]
    fn included_toc_is_expanded_once_with_a_cycle_guard() {
        let (trees, problems) = trees(
            &[
                (
                    "pc/TOC.yml",
                    "- name: A\n  href: a.md\n- name: Ann\n  href: ann/TOC.md\n",
                ),
                ("pc/ann/TOC.md", "# [X](x.md)\n# [Back](../TOC.yml)\n"),
            ],
            Pages(vec![("pc/a.md", None), ("pc/ann/x.md", None)]),
        );
        assert!(problems.is_empty());
        assert_eq!(trees.len(), 1, "{trees:#?}");
        let ann = &trees[0].items[1];
        assert_eq!(ann.items[0].page.as_deref(), Some("pc/ann/x.md"));
        let (order, ways) = reading_order(&trees[0].items);
        assert_eq!(order, ["pc/a.md", "pc/ann/x.md"]);
        let names = |way| trail(&trees[0].items, way).into_iter().map(|i| i.name);
        assert_eq!(names(&ways[1]).collect::<Vec<_>>(), ["Ann", "X"]);
        // The tree is named by its first entry, never by its path.
        assert_eq!(trees[0].title, "A");
    }

    #[test]
    fn a_root_map_with_items_and_empty_or_null_items_are_tocs() {
        for (text, len) in [
            ("items:\n- name: A\n  href: a.md\n", 1),
            ("metadata: {}\nitems:\n", 0),
            ("items: []\n", 0),
            (
                "- name: A\n  href: a.md\n  items:\n- name: B\n  items: []\n",
                2,
            ),
            ("", 0),
        ] {
            let items = parse_toc("TOC.yml", text).unwrap_or_else(|d| panic!("{text}: {d:?}"));
            assert_eq!(items.len(), len, "{text}");
        }
        assert!(parse_toc("TOC.yml", "items: 3\n").is_err());
    }

    #[test]
    fn every_docfx_entry_shape_leads_to_its_page() {
        let toc = "\
- name: Root
  href: index.md
- name: By uid
  uid: Some.Uid
- name: Nested TOC with its own page
  href: lib/toc.yml
  topicHref: lib/index.md
- name: tocHref and href
  tocHref: lib/
  href: lib/index.md
  expanded: true
- name: Folder
  href: lib/
- name: External
  href: https://example.com/x
- name: Other site path
  href: /other/docset/page
";
        let (trees, problems) = trees(
            &[
                ("TOC.yml", toc),
                ("lib/TOC.yml", "- name: L\n  href: l.md\n"),
            ],
            Pages(vec![
                ("index.md", None),
                ("api.md", Some("Some.Uid")),
                ("lib/index.md", None),
                ("lib/l.md", None),
            ]),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(trees.len(), 1, "{trees:#?}");
        let items = &trees[0].items;
        let page = |i: usize| items[i].page.as_deref();
        assert_eq!(page(0), Some("index.md"));
        assert_eq!(page(1), Some("api.md"));
        for i in [2, 3] {
            assert_eq!(page(i), Some("lib/index.md"), "{:?}", items[i]);
            assert_eq!(items[i].items[0].page.as_deref(), Some("lib/l.md"));
        }
        assert!(items[3].expanded && !items[2].expanded);
        assert_eq!(items[4].items[0].page.as_deref(), Some("lib/l.md"));
        assert_eq!(page(4), Some("lib/index.md"));
        for (i, url) in [(5, "https://example.com/x"), (6, "/other/docset/page")] {
            assert!(items[i].external, "{:?}", items[i]);
            assert_eq!(items[i].url.as_deref(), Some(url));
        }
    }

    #[test]
    fn toc_md_lists_nest_by_indentation_under_headings() {
        let text = "# [Top](index.md)\n- [A](a.md)\n  - [A1](a1.md)\n    * [A2](a2.md \"t\")\n- B\n1. [C](<c d.md>)\n";
        let items = parse_toc_md(text);
        assert_eq!(items.len(), 1, "{items:#?}");
        let top = &items[0].items;
        assert_eq!(top.len(), 3, "{top:#?}");
        assert_eq!(top[0].items[0].items[0].href.as_deref(), Some("a2.md"));
        assert_eq!(top[1].name, "B");
        assert_eq!(top[2].href.as_deref(), Some("c d.md"));
    }

    #[test]
    fn breadcrumb_tocs_are_not_navigation() {
        let (trees, problems) = trees(
            &[(
                "pc/breadcrumb/toc.yml",
                "- name: Docs\n  tocHref: /pc/\n  topicHref: /pc/index\n",
            )],
            Pages(vec![]),
        );
        assert!(trees.is_empty() && problems.is_empty(), "{trees:?}");
    }
}
