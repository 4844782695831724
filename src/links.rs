//! Links between pages: what a page links to, collected once from its
//! aligned document, and how a link resolves against the site's files.
//!
//! The site pass reports the links that do not resolve, and the renderer
//! rewrites the ones that do, through the same [`SiteIndex::resolve`], so a
//! built site and `sxs check` cannot disagree about which links are broken.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::docset::{self, Docsets};
use crate::model::{Block, Document, Piece};
use crate::parse;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// What a reference in a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// `[text](url)`: a page, a file or an anchor.
    Link,
    /// `![alt](src)` and `:::image source`: a file that must exist.
    Media,
    /// `[!INCLUDE [title](path)]`: a file rendered in place.
    Include,
    /// `:::code source="path":::`: a file shown as code.
    Code,
}

/// One reference as written in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUse {
    /// What the reference is for, which decides what it must lead to.
    pub kind: LinkKind,
    /// The URL or path as written (fragment included).
    pub url: String,
    /// The line of the block that holds it.
    pub line: usize,
}

/// Every link, image and include of a page: in its blocks and in both
/// languages of each segment (whose text is markdown of its own), each once
/// per block.
pub fn collect(doc: &Document) -> Vec<LinkUse> {
    let mut out: Vec<LinkUse> = Vec::new();
    for block in &doc.blocks {
        let start = out.len();
        if let Some(href) = include_href(block) {
            out.push(LinkUse {
                kind: LinkKind::Include,
                url: href,
                line: block.line,
            });
            continue;
        }
        let shared = block.pieces.iter().filter_map(|p| match p {
            Piece::Event(e) => Some(e.clone()),
            Piece::Segment(_) => None,
        });
        scan(shared, block.line, &mut out);
        for i in block.segment_indices() {
            if let Some(segment) = doc.segments.get(i) {
                // A link or an image opens with `[` or `<`, a directive with
                // `:::`: text without them is not parsed (most segments).
                for text in [&segment.target, &segment.source] {
                    if text.contains(['[', '<']) || text.contains(":::") {
                        scan(parse::inline_events(text, &doc.refs), block.line, &mut out);
                    }
                }
            }
        }
        let mut seen = HashSet::new();
        let mut i = start;
        while i < out.len() {
            if seen.insert((out[i].kind, out[i].url.clone())) {
                i += 1;
            } else {
                out.remove(i);
            }
        }
    }
    out
}

/// The links and images of a stream of events.
fn scan<'a>(events: impl IntoIterator<Item = Event<'a>>, line: usize, out: &mut Vec<LinkUse>) {
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        let (kind, url) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (LinkKind::Link, dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => (LinkKind::Media, dest_url.to_string()),
            Event::Text(text) => {
                let Some(kind) = directive_kind(&text) else {
                    continue;
                };
                let mut directive = text.to_string();
                while directive_open(&directive) {
                    match events.peek() {
                        Some(Event::Text(more)) => directive.push_str(more),
                        Some(Event::SoftBreak) => directive.push(' '),
                        _ => break,
                    }
                    events.next();
                }
                let source = attribute(&directive, "source").unwrap_or_default();
                (kind, source)
            }
            _ => continue,
        };
        out.push(LinkUse { kind, url, line });
    }
}

/// What the DocFX directive this text starts names by its `source`:
/// `:::image` a file to show, `:::code` a file to show as code.
fn directive_kind(text: &str) -> Option<LinkKind> {
    let text = text.trim_start();
    if text.starts_with(":::image") && !text.starts_with(":::image-end") {
        Some(LinkKind::Media)
    } else if text.starts_with(":::code") {
        Some(LinkKind::Code)
    } else {
        None
    }
}

/// Is the directive gathered so far still missing its closing `:::`?
fn directive_open(directive: &str) -> bool {
    !directive.trim_end().ends_with(":::")
}

/// The value of `name="value"` in a tag or directive.
pub fn attribute(text: &str, name: &str) -> Option<String> {
    let mut search = text;
    while let Some(at) = search.find(name) {
        let before_ok = at == 0
            || search[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace());
        let after = &search[at + name.len()..];
        if before_ok {
            if let Some(value) = after.trim_start().strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &value[1..];
                    return inner.find(quote).map(|end| inner[..end].to_owned());
                }
            }
        }
        search = after;
    }
    None
}

/// The path of a paragraph that is only `[!INCLUDE [title](path)]` (or the
/// `[!include[title](path)]` spelling).
pub fn include_href(block: &Block) -> Option<String> {
    if block.kind != crate::model::BlockKind::Paragraph {
        return None;
    }
    let mut text = String::new();
    let mut href = None;
    let mut in_link = false;
    for piece in &block.pieces {
        match piece {
            Piece::Event(Event::Text(t)) if !in_link => text.push_str(t),
            Piece::Event(Event::Text(_)) => {}
            Piece::Event(Event::Start(Tag::Link { dest_url, .. })) if href.is_none() => {
                href = Some(dest_url.to_string());
                in_link = true;
                text.push_str("@link@");
            }
            Piece::Event(Event::End(TagEnd::Link)) => in_link = false,
            Piece::Event(Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)) => {}
            _ => return None,
        }
    }
    let compact: String = text
        .split_whitespace()
        .collect::<String>()
        .to_ascii_lowercase();
    // The `[` before the title opens the link, so it is not in the text.
    let is_include = compact == "[!include@link@]";
    href.filter(|_| is_include)
}

/// Is `url` outside the site (a scheme, or protocol-relative)?
pub fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let slash = url.find('/');
    match (scheme_end, slash) {
        (Some(c), Some(s)) => c < s,
        (Some(_), None) => true,
        _ => url.starts_with("//"),
    }
}

/// `href` relative to the page `rel`, as a content path; `None` when it
/// climbs out of the content folder.
pub fn resolve_path(rel: &str, href: &str) -> Option<String> {
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

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Left as written: external, or a fragment of this page.
    AsWritten,
    /// A page of the site, with the anchor asked for.
    Page {
        /// The page's content path, as it is on disk.
        rel: String,
        /// The anchor after `#`, if the link has one.
        fragment: Option<String>,
    },
    /// A file of the content folder that is not a page.
    File(String),
    /// Nothing in the content folder.
    Missing,
    /// A site path (`/product/page`) that no docset of this content holds:
    /// a page of the wider docs site, kept as written (or made absolute to
    /// the site's host) because it cannot be checked here.
    OutsideDocsets,
    /// `xref:uid` naming a uid that no page's frontmatter has.
    UnknownUid,
}

/// What link resolution needs to know about the site: its files, its pages
/// with their anchors and uids, and where its docsets are published.
#[derive(Debug, Default)]
pub struct SiteIndex {
    files: HashSet<String>,
    /// Lowercase path -> path, for links whose case differs from the file's
    /// (DocFX sites resolve them; static hosts would not).
    folded: HashMap<String, String>,
    /// Page -> the anchors it defines (segment ids, heading and `<a name>`
    /// anchors; the `src-` twins of segment ids are implied).
    pages: HashMap<String, Anchors>,
    /// Page `uid` -> page, as written and lowercase (DocFX uids are matched
    /// exactly first, then in any case).
    uids: HashMap<String, String>,
    /// Where root-relative and `~/` paths lead (`docfx.json`).
    docsets: Docsets,
}

impl SiteIndex {
    /// An index of these content files (content paths) published as
    /// `docsets` say, with no pages yet (see [`SiteIndex::add_page`]).
    pub fn new(files: impl IntoIterator<Item = String>, docsets: Docsets) -> SiteIndex {
        let files: HashSet<String> = files.into_iter().collect();
        let folded = files
            .iter()
            .map(|f| (f.to_lowercase(), f.clone()))
            .collect();
        SiteIndex {
            files,
            folded,
            pages: HashMap::new(),
            uids: HashMap::new(),
            docsets,
        }
    }

    /// Records a page, its anchors and its frontmatter `uid`.
    pub fn add_page(&mut self, rel: &str, anchors: Anchors, uid: Option<&str>) {
        self.pages.insert(rel.to_owned(), anchors);
        if let Some(uid) = uid.map(str::trim).filter(|u| !u.is_empty()) {
            self.uids
                .entry(uid.to_lowercase())
                .or_insert_with(|| rel.to_owned());
            self.uids.insert(uid.to_owned(), rel.to_owned());
        }
    }

    /// Whether `rel` (exact case) was recorded as a page.
    pub fn is_page(&self, rel: &str) -> bool {
        self.pages.contains_key(rel)
    }

    /// Whether the content folder has the file `rel`, in this exact case.
    pub fn has_file(&self, rel: &str) -> bool {
        self.files.contains(rel)
    }

    /// The content path as it is on disk, if the site has it.
    fn canonical(&self, rel: &str) -> Option<String> {
        if self.files.contains(rel) {
            return Some(rel.to_owned());
        }
        self.folded.get(&rel.to_lowercase()).cloned()
    }

    /// The page with `uid` (exact, else in any case).
    pub fn page_of_uid(&self, uid: &str) -> Option<&str> {
        self.uids
            .get(uid)
            .or_else(|| self.uids.get(&uid.to_lowercase()))
            .map(String::as_str)
    }

    /// Where `url`, written in the page `from`, leads.
    pub fn resolve(&self, from: &str, url: &str) -> Target {
        if let Some(reference) = url.strip_prefix("xref:") {
            return self.xref(reference);
        }
        if url.is_empty() || url.starts_with('#') || is_external(url) {
            return Target::AsWritten;
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        match self.find(from, path) {
            Some(rel) if self.pages.contains_key(&rel) => Target::Page {
                rel,
                fragment: fragment.map(str::to_owned),
            },
            Some(rel) => Target::File(rel),
            None if path.starts_with('/') => Target::OutsideDocsets,
            None => Target::Missing,
        }
    }

    /// `xref:uid#fragment` as the page whose frontmatter has that uid.
    fn xref(&self, reference: &str) -> Target {
        let (uid, fragment) = match reference.split_once('#') {
            Some((u, f)) => (u, Some(f)),
            None => (reference, None),
        };
        let uid = uid.split('?').next().unwrap_or(uid);
        let uid = uid.replace("%2A", "*").replace("%2a", "*");
        match self.page_of_uid(&uid) {
            Some(rel) => Target::Page {
                rel: rel.to_owned(),
                fragment: fragment.map(str::to_owned),
            },
            None => Target::UnknownUid,
        }
    }

    /// The file a path (no fragment) written in the file `from` names, as
    /// DocFX finds it: `\` read as `/`, any case; `~/x` from the folder of
    /// the page's `docfx.json`, else the content root, else the nearest
    /// folder above the page that has `x`; `/x` through the docsets'
    /// published paths. A link to a page's other form (`x.md` for `x.yml`)
    /// finds the page. A link to `100%.md` is written `100%25.md`: the file
    /// is found by the decoded name, the name as written tried too.
    pub fn find(&self, from: &str, path: &str) -> Option<String> {
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let found = [decoded.as_ref(), path]
            .into_iter()
            .find_map(|p| self.find_as_written(from, p));
        found
    }

    /// [`SiteIndex::find`] for one spelling of the path.
    fn find_as_written(&self, from: &str, path: &str) -> Option<String> {
        let path = path.replace('\\', "/");
        if let Some(rest) = path.strip_prefix("~/") {
            let ancestors = from.match_indices('/').rev().map(|(i, _)| &from[..i]);
            return self
                .docsets
                .tilde_roots(from)
                .iter()
                .map(String::as_str)
                .chain(ancestors)
                .find_map(|root| self.canonical(&docset::join(root, rest)));
        }
        if let Some(site_path) = path.strip_prefix('/') {
            return self
                .docsets
                .site_candidates(site_path)
                .iter()
                .find_map(|c| self.site_page(c));
        }
        let joined = resolve_path(from, &path)?;
        self.canonical(&joined).or_else(|| self.other_form(&joined))
    }

    /// A published site path (no extension, maybe a folder) as a page, or
    /// else as a file.
    fn site_page(&self, path: &str) -> Option<String> {
        let base = path.trim_end_matches('/');
        let folder = |name: &str| docset::join(base, name);
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

    /// The finding for a reference that does not resolve, if it does not.
    pub fn check(&self, from: &str, link: &LinkUse) -> Option<Diagnostic> {
        let target = self.resolve(from, &link.url);
        let (code, what) = match (link.kind, &target) {
            (_, Target::AsWritten) => return None,
            (LinkKind::Include | LinkKind::Code, Target::Page { .. } | Target::File(_)) => {
                return None
            }
            (LinkKind::Include | LinkKind::Code, _) => {
                return Some(self.missing_include(from, link))
            }
            (_, Target::OutsideDocsets) => (
                Code::RootLink,
                "is a site path that no docset of this content holds (see docfx.json `dest`); it is kept as written, so it works only on the docs site",
            ),
            (_, Target::UnknownUid) => (
                Code::UnresolvedXref,
                "names a uid that no page's frontmatter has; it is shown as text without a link",
            ),
            (LinkKind::Media, Target::Missing) => (
                Code::MissingImage,
                "shows an image that is not in the content folder; fix the path",
            ),
            (LinkKind::Media, _) => return None,
            (LinkKind::Link, Target::Missing) => (
                Code::BrokenLink,
                "links to a page or file that is not in the content folder; fix the path",
            ),
            (LinkKind::Link, Target::Page { rel, fragment }) => {
                let anchor = fragment.as_deref().filter(|a| !a.is_empty())?;
                if self.has_anchor(rel, anchor) {
                    return None;
                }
                (
                    Code::BrokenAnchor,
                    "links to an anchor that the page does not have; fix the anchor",
                )
            }
            (LinkKind::Link, Target::File(_)) => return None,
        };
        Some(Diagnostic::new(
            from,
            (link.line, 1),
            code,
            code.default_severity(),
            format!("`{}` {what}", link.url),
        ))
    }

    /// The error for an include or `:::code` whose file is not there.
    fn missing_include(&self, from: &str, link: &LinkUse) -> Diagnostic {
        let what = match link.kind {
            LinkKind::Code => "code",
            _ => "include",
        };
        let path = link.url.split('#').next().unwrap_or(&link.url);
        let message = match resolve_path(from, path) {
            Some(looked) => format!(
                "{what} `{}` not found (looked for {looked}); fix the path",
                link.url
            ),
            None => format!(
                "{what} `{}` points outside the content folder; fix the path",
                link.url
            ),
        };
        Diagnostic::new(
            from,
            (link.line, 1),
            Code::Include,
            Severity::Error,
            message,
        )
    }

    fn has_anchor(&self, rel: &str, anchor: &str) -> bool {
        let Some(anchors) = self.pages.get(rel) else {
            return false;
        };
        anchors.contains(anchor)
            || anchor
                .strip_prefix("src-")
                .is_some_and(|id| anchors.contains(id))
    }
}

/// The anchors a page defines: its segment ids and its blocks' anchors.
pub fn anchors(doc: &Document) -> Anchors {
    let ids = doc.segments.iter().map(|s| s.id.as_str());
    ids.chain(
        doc.blocks
            .iter()
            .flat_map(|b| b.anchors.iter().map(String::as_str)),
    )
    .collect()
}

/// The anchors of a page as links ask for them: whether one is there.
/// Kept as sorted 64-bit hashes, not strings: every segment id is an
/// anchor, and a 50,000-page docset has millions. Two anchors that collide
/// would let a link to a missing one pass: at 64 bits, never seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors(Vec<u64>);

impl Anchors {
    /// Whether the page defines `anchor`.
    pub fn contains(&self, anchor: &str) -> bool {
        self.0.binary_search(&crate::hash64(anchor)).is_ok()
    }
}

impl<'a> FromIterator<&'a str> for Anchors {
    fn from_iter<I: IntoIterator<Item = &'a str>>(anchors: I) -> Anchors {
        let mut hashes: Vec<u64> = anchors.into_iter().map(crate::hash64).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Anchors(hashes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SiteIndex {
        let mut index = SiteIndex::new(
            [
                "a/page.md",
                "a/Other.md",
                "a/media/x.png",
                "a/land/index.yml",
                "inc/note.md",
            ]
            .iter()
            .map(|s| s.to_string()),
            Docsets::default(),
        );
        index.add_page("a/page.md", Anchors::from_iter(["h"]), None);
        index.add_page(
            "a/Other.md",
            Anchors::from_iter(["abc-1"]),
            Some(" Other.Topic "),
        );
        index.add_page("a/land/index.yml", Anchors::default(), None);
        index
    }

    fn link(kind: LinkKind, url: &str) -> LinkUse {
        LinkUse {
            kind,
            url: url.into(),
            line: 4,
        }
    }

    #[test]
    fn resolves_pages_files_case_and_site_paths() {
        let index = index();
        let page = |rel: &str, f: Option<&str>| Target::Page {
            rel: rel.into(),
            fragment: f.map(str::to_owned),
        };
        assert_eq!(
            index.resolve("a/page.md", "other.md"),
            page("a/Other.md", None)
        );
        assert_eq!(
            index.resolve("a/page.md", "./Other.md#abc-1"),
            page("a/Other.md", Some("abc-1"))
        );
        assert_eq!(
            index.resolve("a/page.md", "media/x.png"),
            Target::File("a/media/x.png".into())
        );
        assert_eq!(
            index.resolve("a/page.md", "/a/page"),
            page("a/page.md", None)
        );
        assert_eq!(
            index.resolve("a/page.md", "/elsewhere/x"),
            Target::OutsideDocsets
        );
        assert_eq!(
            index.resolve("a/page.md", "https://x.org/a.md"),
            Target::AsWritten
        );
        assert_eq!(index.resolve("a/page.md", "gone.md"), Target::Missing);
        assert_eq!(
            index.resolve("a/page.md", "Othe%72.md"),
            page("a/Other.md", None)
        );
        assert_eq!(index.resolve("a/page.md", "../../out.md"), Target::Missing);
    }

    #[test]
    fn resolves_docfx_paths_uids_and_page_forms() {
        let index = index();
        let page = |rel: &str, f: Option<&str>| Target::Page {
            rel: rel.into(),
            fragment: f.map(str::to_owned),
        };
        assert_eq!(
            index.resolve("a/page.md", "xref:Other.Topic#abc-1"),
            page("a/Other.md", Some("abc-1"))
        );
        assert_eq!(
            index.resolve("a/page.md", "xref:other.topic"),
            page("a/Other.md", None)
        );
        assert_eq!(index.resolve("a/page.md", "xref:nope"), Target::UnknownUid);
        assert_eq!(
            index.resolve("a/page.md", "~/inc/note.md"),
            Target::File("inc/note.md".into())
        );
        assert_eq!(
            index.resolve("a/page.md", "land/index.md"),
            page("a/land/index.yml", None)
        );
        assert_eq!(
            index.resolve("a/page.md", "..\\a\\Other.md"),
            page("a/Other.md", None)
        );
        assert_eq!(
            index.resolve("a/page.md", "/a/land/"),
            page("a/land/index.yml", None)
        );
    }

    #[test]
    fn checks_name_the_code_and_the_line() {
        let index = index();
        let check = |kind, url| index.check("a/page.md", &link(kind, url)).map(|d| d.code);
        assert_eq!(check(LinkKind::Link, "gone.md"), Some(Code::BrokenLink));
        assert_eq!(
            check(LinkKind::Link, "Other.md#nope"),
            Some(Code::BrokenAnchor)
        );
        assert_eq!(check(LinkKind::Link, "Other.md#abc-1"), None);
        assert_eq!(check(LinkKind::Link, "Other.md#src-abc-1"), None);
        assert_eq!(
            check(LinkKind::Media, "media/y.png"),
            Some(Code::MissingImage)
        );
        assert_eq!(check(LinkKind::Include, "inc.md"), Some(Code::Include));
        assert_eq!(check(LinkKind::Code, "src/a.cs"), Some(Code::Include));
        assert_eq!(check(LinkKind::Link, "/other/x"), Some(Code::RootLink));
        assert_eq!(
            check(LinkKind::Link, "xref:gone"),
            Some(Code::UnresolvedXref)
        );
        let d = index.check("a/page.md", &link(LinkKind::Link, "gone.md"));
        assert_eq!(
            d.map(|d| (d.line, d.severity)),
            Some((4, Severity::Warning))
        );
    }

    #[test]
    fn include_paragraphs_are_recognised_in_both_spellings() {
        for text in [
            "[!INCLUDE [snippet](includes/snippet.md)]\n",
            "[!include[snippet](includes/snippet.md)]\n",
        ] {
            let doc = crate::read_document("p.md", text);
            assert_eq!(
                include_href(&doc.blocks[0]).as_deref(),
                Some("includes/snippet.md"),
                "{text}"
            );
        }
        let doc = crate::read_document("p.md", "See [x](y.md) now.\n");
        assert_eq!(include_href(&doc.blocks[0]), None);
    }

    #[test]
    fn collects_links_in_blocks_and_in_both_languages_of_segments() {
        let page = "# T\n\n[x](a.md) <span data-ttu-id=\"a-1\">Veja [b](b.md).</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">See [b](b-en.md).</span></span>\n\n:::image type=\"content\" source=\"m/i.png\" alt-text=\"x\":::\n\n[!INCLUDE [t](inc.md)]\n";
        let doc = crate::read_document("p.md", page);
        let got: Vec<(LinkKind, &str, usize)> = collect(&doc)
            .iter()
            .map(|l| (l.kind, l.url.as_str(), l.line))
            .map(|(k, u, l)| (k, &page[page.find(u).unwrap_or(0)..][..u.len()], l))
            .collect();
        assert_eq!(
            got,
            [
                (LinkKind::Link, "a.md", 3),
                (LinkKind::Link, "b.md", 3),
                (LinkKind::Link, "b-en.md", 3),
                (LinkKind::Media, "m/i.png", 5),
                (LinkKind::Include, "inc.md", 7),
            ]
        );
    }
}
