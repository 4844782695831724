//! Navigation: DocFX `TOC.yml` / `TOC.md` trees (a TOC may include another by
//! pointing at it), and the folder tree for pages no TOC lists.

use crate::diagnostic::{Code, Diagnostic};
use crate::load::{ContentFile, FileKind};
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// One entry of a navigation tree. `page` is the content path of the page
/// it opens (`a/b.md`); `url` is where the link goes: the built page (from
/// the site root, see [`set_urls`]) or an external address.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NavItem {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub external: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<NavItem>,
}

/// A navigation tree with its title (the TOC's folder).
#[derive(Debug, Clone, Serialize)]
pub struct NavTree {
    pub title: String,
    pub items: Vec<NavItem>,
    /// Made from the folder tree (no TOC lists these pages): items are
    /// named after files until [`set_names`] gives them page titles.
    pub from_folders: bool,
}

#[derive(Debug, Deserialize)]
struct TocEntry {
    name: Option<String>,
    href: Option<String>,
    #[serde(default)]
    items: Vec<TocEntry>,
}

/// Reads a TOC file's text into items with content-relative page paths.
pub fn parse_toc(rel: &str, text: &str) -> Result<Vec<RawItem>, Diagnostic> {
    if rel.to_ascii_lowercase().ends_with(".md") {
        return Ok(parse_toc_md(text));
    }
    let entries: Vec<TocEntry> =
        yaml::parse(text).map_err(|e| e.to_diagnostic(rel, Code::Toc, "the TOC"))?;
    Ok(entries.into_iter().map(raw_item).collect())
}

/// A TOC entry before hrefs are resolved.
#[derive(Debug, Clone)]
pub struct RawItem {
    pub name: String,
    pub href: Option<String>,
    pub items: Vec<RawItem>,
}

fn raw_item(entry: TocEntry) -> RawItem {
    RawItem {
        name: entry.name.unwrap_or_default(),
        href: entry.href,
        items: entry.items.into_iter().map(raw_item).collect(),
    }
}

/// `# [Name](href)` lines; the number of `#` is the nesting level.
fn parse_toc_md(text: &str) -> Vec<RawItem> {
    let mut roots: Vec<RawItem> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let level = trimmed.chars().take_while(|&c| c == '#').count();
        if level == 0 {
            continue;
        }
        let entry = trimmed[level..].trim();
        let (name, href) = match (entry.find("]("), entry.strip_prefix('[')) {
            (Some(mid), Some(_)) if entry.ends_with(')') => (
                entry[1..mid].to_owned(),
                Some(entry[mid + 2..entry.len() - 1].trim().to_owned()),
            ),
            _ => (entry.to_owned(), None),
        };
        let item = RawItem {
            name,
            href,
            items: Vec::new(),
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

/// Joins a relative href to the folder of `rel`, resolving `.` and `..`.
pub fn resolve(rel: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

fn is_external(href: &str) -> bool {
    href.contains("://") || href.starts_with("mailto:") || href.starts_with('/')
}

fn is_toc_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == "toc.yml" || name == "toc.md"
}

/// All navigation trees of a site: one per root TOC (a TOC no other TOC
/// includes), then one per top folder for the pages no TOC lists.
pub fn build(
    files: &[ContentFile],
    read: impl Fn(&ContentFile) -> Option<String>,
) -> (Vec<NavTree>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut tocs: BTreeMap<String, Vec<RawItem>> = BTreeMap::new();
    for file in files.iter().filter(|f| f.kind == FileKind::Toc) {
        // DocFX breadcrumb files describe site paths, not navigation.
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
                tocs.insert(file.rel.clone(), items);
            }
            Err(d) => problems.push(d),
        }
    }
    let pages: HashSet<&str> = files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Markdown | FileKind::YamlPage))
        .map(|f| f.rel.as_str())
        .collect();
    // Shallowest TOCs first: a TOC already expanded inside an earlier one is
    // not a root of its own (this also settles TOCs that include each other).
    let mut order: Vec<&String> = tocs.keys().collect();
    order.sort_by_key(|rel| (rel.matches('/').count(), rel.as_str()));
    let mut consumed = HashSet::new();
    let mut trees = Vec::new();
    let mut listed = HashSet::new();
    for rel in order {
        if consumed.contains(rel) {
            continue;
        }
        consumed.insert(rel.clone());
        let mut stack = vec![rel.clone()];
        let items = resolve_items(rel, &tocs[rel], &tocs, &pages, &mut stack, &mut consumed);
        collect_pages(&items, &mut listed);
        let title = rel.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned();
        trees.push(NavTree {
            title,
            items,
            from_folders: false,
        });
    }
    let unlisted: Vec<&str> = {
        let mut v: Vec<&str> = pages
            .iter()
            .copied()
            .filter(|p| !listed.contains(*p) && p.ends_with(".md"))
            .collect();
        v.sort_unstable();
        v
    };
    trees.extend(folder_trees(&unlisted));
    (trees, problems)
}

fn resolve_items(
    rel: &str,
    items: &[RawItem],
    tocs: &BTreeMap<String, Vec<RawItem>>,
    pages: &HashSet<&str>,
    stack: &mut Vec<String>,
    consumed: &mut HashSet<String>,
) -> Vec<NavItem> {
    items
        .iter()
        .map(|item| {
            let mut nav = NavItem {
                name: item.name.clone(),
                page: None,
                url: None,
                external: false,
                items: resolve_items(rel, &item.items, tocs, pages, stack, consumed),
            };
            match item.href.as_deref() {
                Some(href) if is_external(href) => {
                    nav.url = Some(href.to_owned());
                    nav.external = true;
                }
                Some(href) => {
                    let path = href.split('#').next().unwrap_or(href);
                    let target = resolve(rel, path).unwrap_or_default();
                    if is_toc_path(&target) {
                        // An included TOC; the cycle guard keeps A→B→A finite.
                        if let Some(sub) = tocs.get(&target).filter(|_| !stack.contains(&target)) {
                            stack.push(target.clone());
                            consumed.insert(target.clone());
                            let mut children =
                                resolve_items(&target, sub, tocs, pages, stack, consumed);
                            stack.pop();
                            nav.items.append(&mut children);
                        }
                    } else if pages.contains(target.as_str()) {
                        nav.page = Some(target);
                    } else if let Some(index) = folder_index(&target, pages) {
                        nav.page = Some(index);
                    }
                }
                None => {}
            }
            nav
        })
        .collect()
}

fn folder_index(target: &str, pages: &HashSet<&str>) -> Option<String> {
    let base = target.trim_end_matches('/');
    ["index.md", "index.yml"]
        .iter()
        .map(|name| {
            if base.is_empty() {
                (*name).to_owned()
            } else {
                format!("{base}/{name}")
            }
        })
        .find(|p| pages.contains(p.as_str()))
}

fn collect_pages(items: &[NavItem], out: &mut HashSet<String>) {
    for item in items {
        if let Some(page) = &item.page {
            out.insert(page.clone());
        }
        collect_pages(&item.items, out);
    }
}

/// Pages no TOC lists, grouped by top folder, named by file.
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
            items: Vec::new(),
        });
    }
    groups
        .into_iter()
        .map(|(folder, items)| NavTree {
            title: folder.to_owned(),
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

/// Names the items of folder trees after their pages' titles.
pub fn set_names(items: &mut [NavItem], title_of: &dyn Fn(&str) -> Option<String>) {
    for item in items {
        if let Some(title) = item.page.as_deref().and_then(title_of) {
            item.name = title;
        }
        set_names(&mut item.items, title_of);
    }
}

/// The pages of a tree in reading order.
pub fn flatten(items: &[NavItem], out: &mut Vec<String>) {
    for item in items {
        if let Some(page) = &item.page {
            if !out.contains(page) {
                out.push(page.clone());
            }
        }
        flatten(&item.items, out);
    }
}

/// Names from the tree's root to `page`, if the tree lists it.
pub fn trail(items: &[NavItem], page: &str) -> Option<Vec<NavItem>> {
    for item in items {
        if item.page.as_deref() == Some(page) {
            return Some(vec![leaf(item)]);
        }
        if let Some(mut rest) = trail(&item.items, page) {
            rest.insert(0, leaf(item));
            return Some(rest);
        }
    }
    None
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

    #[test]
    fn included_toc_is_expanded_once_with_a_cycle_guard() {
        let files: Vec<ContentFile> = ["pc/TOC.yml", "pc/ann/TOC.md", "pc/a.md", "pc/ann/x.md"]
            .iter()
            .map(|rel| ContentFile {
                rel: (*rel).to_owned(),
                path: rel.into(),
                kind: if rel.ends_with(".md") && !rel.ends_with("TOC.md") {
                    FileKind::Markdown
                } else {
                    FileKind::Toc
                },
            })
            .collect();
        let read = |f: &ContentFile| {
            Some(match f.rel.as_str() {
                "pc/TOC.yml" => {
                    "- name: A\n  href: a.md\n- name: Ann\n  href: ann/TOC.md\n".to_owned()
                }
                _ => "# [X](x.md)\n# [Back](../TOC.yml)\n".to_owned(),
            })
        };
        let (trees, problems) = build(&files, read);
        assert!(problems.is_empty());
        assert_eq!(trees.len(), 1, "{trees:#?}");
        let ann = &trees[0].items[1];
        assert_eq!(ann.items[0].page.as_deref(), Some("pc/ann/x.md"));
        let mut order = Vec::new();
        flatten(&trees[0].items, &mut order);
        assert_eq!(order, ["pc/a.md", "pc/ann/x.md"]);
    }
}
