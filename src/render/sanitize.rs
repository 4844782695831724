//! Raw HTML in content, sanitized by default. Pages arrive from vendors,
//! machine translation and pull requests; a `<script>`, an `onerror=` or a
//! `javascript:` link in one segment would otherwise run in every view. Rows
//! that hold raw HTML (or a link with a scheme outside the allow-list) go
//! through `ammonia` with an allow-list that keeps what real docsets use
//! (tables, `<br>`, `<a name>`, `<strong>`, `<sup>`, `<kbd>`, images with
//! safe URLs) and what sxs itself writes; everything else is dropped, and
//! [`findings`] reports each removal at its line. `sanitize_html: false` in
//! `site.yml` turns this off for trusted content.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::markup::anchor_name;
use crate::model::{Block, Document, Piece, Side};
use crate::parse;
use crate::render::markdown::Context;
use pulldown_cmark::{Event, Tag};
use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

/// Attributes any element may keep: sxs's own (`class`, `id`, `tabindex`,
/// `role`, `data-*`) and the harmless text ones.
const GENERIC: [&str; 8] = [
    "class",
    "id",
    "lang",
    "title",
    "role",
    "tabindex",
    "aria-label",
    "aria-current",
];

/// Attributes beyond ammonia's defaults, by element, that docsets and
/// sxs's own markup use.
const EXTRA: [(&str, &[&str]); 9] = [
    ("a", &["name"]),
    ("img", &["loading", "width", "height"]),
    ("td", &["valign", "width", "style"]),
    ("th", &["valign", "width", "style"]),
    ("col", &["width"]),
    ("colgroup", &["width"]),
    ("table", &["width"]),
    ("tr", &["valign"]),
    ("input", &["type", "checked", "disabled"]),
];

/// The sanitizer and its allow-lists, built once.
struct Policy {
    builder: ammonia::Builder<'static>,
    tags: HashSet<&'static str>,
    per_tag: std::collections::HashMap<&'static str, HashSet<&'static str>>,
    generic: HashSet<&'static str>,
    schemes: HashSet<&'static str>,
}

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tags(["input"])
            .add_generic_attributes(GENERIC)
            .add_generic_attribute_prefixes(["data-"])
            // DocFX cross-references (`<xref:Type.Member>`).
            .add_url_schemes(["xref"])
            .filter_style_properties(HashSet::from(["text-align", "width"]))
            .link_rel(None);
        for (tag, attributes) in EXTRA {
            b.add_tag_attributes(tag, attributes.iter());
        }
        Policy {
            tags: b.clone_tags(),
            per_tag: b.clone_tag_attributes(),
            generic: b.clone_generic_attributes(),
            schemes: b.clone_url_schemes(),
            builder: b,
        }
    })
}

/// `html` with everything outside the allow-list removed. The serializer
/// writes a no-break space as `&nbsp;`; it is put back as the character,
/// as pulldown-cmark writes it in every other row, so text reads the same
/// whether its row was sanitized or not.
pub fn clean(html: &str) -> String {
    policy()
        .builder
        .clean(html)
        .to_string()
        .replace("&nbsp;", "\u{a0}")
}

/// Whether a row must be sanitized: it holds raw HTML (in its own markup or
/// a segment's) other than what the renderer writes anew itself, or a link
/// or image whose URL has a scheme that is not allowed. Rows of plain
/// markdown, and rows whose only raw HTML is anchors and line breaks (most
/// rows with any: DocFX pages mark their sections `<a name="x"></a>`), are
/// left as the renderer wrote them. The segments' events come from the
/// page's render (`ctx`), which parsed them once for every view.
pub fn needs_cleaning(doc: &Document, block: &Block, ctx: &Context<'_>) -> bool {
    [Side::Target, Side::Source]
        .into_iter()
        .any(|side| !written_anew(doc, block, side, ctx))
}

/// Whether the raw HTML of a row in one language is only what the renderer
/// replaces with its own markup, so that the sanitizer would find nothing
/// to remove: an anchor tag alone (`<a name="x">` or `<a id="x">`, written
/// again as `<a id="x">` with its other attributes dropped), closed by a
/// `</a>`, and line breaks; and no link or image with a scheme outside the
/// allow-list.
fn written_anew(doc: &Document, block: &Block, side: Side, ctx: &Context<'_>) -> bool {
    let mut open_anchors = 0usize;
    let mut fits = |event: &Event<'_>| match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            let tag = html.trim();
            if anchor_name(tag).is_some() && tag.find('>') == Some(tag.len() - 1) {
                open_anchors += 1;
                true
            } else if tag == "</a>" && open_anchors > 0 {
                open_anchors -= 1;
                true
            } else {
                matches!(tag, "<br>" | "<br/>" | "<br />" | "</br>")
            }
        }
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            url_allowed(dest_url)
        }
        _ => true,
    };
    for piece in &block.pieces {
        let fit = match piece {
            Piece::Event(event) => fits(event),
            Piece::Segment(i) => doc.segments.get(*i).is_none_or(|segment| {
                // Neither a tag nor a scheme: nothing to parse for.
                !segment.markdown(side).contains(['<', ':'])
                    || ctx.segment_events(doc, *i, side).iter().all(&mut fits)
            }),
        };
        if !fit {
            return false;
        }
    }
    open_anchors == 0
}

/// The raw HTML and URLs of a row, each with the segment it is in;
/// `events` gives the inline events of one side of a segment.
fn raw_parts<'d, E>(
    doc: &'d Document,
    block: &'d Block,
    events: impl Fn(usize, Side) -> E + 'd,
) -> impl Iterator<Item = Raw> + 'd
where
    E: std::ops::Deref<Target = [Event<'static>]>,
{
    block.pieces.iter().flat_map(move |piece| match piece {
        Piece::Event(event) => raw_of(event).into_iter().collect::<Vec<_>>(),
        Piece::Segment(i) => doc
            .segments
            .get(*i)
            .map(|segment| {
                [Side::Target, Side::Source]
                    .into_iter()
                    // Neither a tag nor a scheme: nothing to parse for.
                    .filter(|side| segment.markdown(*side).contains(['<', ':']))
                    .flat_map(|side| {
                        let events = events(*i, side);
                        events.iter().filter_map(raw_of).collect::<Vec<_>>()
                    })
                    .map(|raw| raw.in_segment(&segment.id))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// A piece of a row that the sanitizer looks at.
#[derive(Debug, Clone)]
enum Raw {
    Html(String, Option<String>),
    Url(String, Option<String>),
}

impl Raw {
    fn in_segment(self, id: &str) -> Raw {
        match self {
            Raw::Html(h, _) => Raw::Html(h, Some(id.to_owned())),
            Raw::Url(u, _) => Raw::Url(u, Some(id.to_owned())),
        }
    }
}

fn raw_of(event: &Event<'_>) -> Option<Raw> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Raw::Html(html.to_string(), None)),
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
            if !url_allowed(dest_url) =>
        {
            Some(Raw::Url(dest_url.to_string(), None))
        }
        _ => None,
    }
}

/// A relative URL, or one whose scheme is in the allow-list.
fn url_allowed(url: &str) -> bool {
    let url = url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let Some(colon) = url.find(':') else {
        return true;
    };
    let scheme = &url[..colon];
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    policy()
        .schemes
        .contains(scheme.to_ascii_lowercase().as_str())
}

/// One finding per thing the sanitizer removes from the page, at the row's
/// line (and the segment, when it is in one).
pub fn findings(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        let mut html = String::new();
        let mut removed: BTreeSet<(Option<String>, Removal)> = BTreeSet::new();
        let parse = |i: usize, side: Side| {
            let markdown = doc.segments.get(i).map_or("", |s| s.markdown(side));
            parse::inline_events(markdown, &doc.refs)
        };
        for raw in raw_parts(doc, block, parse) {
            match raw {
                Raw::Url(url, id) => {
                    removed.insert((id, Removal::url(&url)));
                }
                Raw::Html(fragment, Some(id)) => {
                    for what in removals(&fragment) {
                        removed.insert((Some(id.clone()), what));
                    }
                }
                // A block's own HTML comes a line at a time: read it whole.
                Raw::Html(fragment, None) => html.push_str(&fragment),
            }
        }
        removed.extend(removals(&html).into_iter().map(|what| (None, what)));
        for (id, what) in removed {
            let severity = if what.active {
                Severity::Warning
            } else {
                Severity::Info
            };
            let what = what.text;
            let mut d = Diagnostic::new(
                &doc.rel,
                (block.line, 1),
                Code::UnsafeHtml,
                severity,
                format!(
                    "raw HTML removed from the published page: {what}; remove it from the \
                     content, or set `sanitize_html: false` in site.yml if the content is trusted"
                ),
            );
            if let Some(id) = id {
                d = d.with_id(&id);
            }
            out.push(d);
        }
    }
    out
}

/// Elements that run or load something, or take over the page: their
/// removal is a warning. Other elements outside the allow-list (`<font>`,
/// a type name like `<Result>` read as a tag) show nothing a reader would
/// miss, so theirs is a note.
const ACTIVE: [&str; 16] = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
    "link", "meta", "svg", "math", "template", "noscript",
];

/// One thing the sanitizer removes, for the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Removal {
    text: String,
    /// Script, frames, handlers, `javascript:` links: a warning.
    active: bool,
}

impl Removal {
    fn url(url: &str) -> Removal {
        Removal {
            text: format!("the link to `{}`", shorten(url)),
            active: true,
        }
    }
}

/// What the allow-list removes from a fragment of raw HTML: elements
/// (`<script>`), attributes (`onerror` of `<img>`) and URLs
/// (`javascript:…`). A reading of the tags for the report; the cleaning
/// itself is ammonia's.
fn removals(html: &str) -> Vec<Removal> {
    let Policy {
        tags,
        per_tag,
        generic,
        ..
    } = policy();
    let mut out = Vec::new();
    for (tag, attributes) in start_tags(html) {
        if !tags.contains(tag.as_str()) {
            out.push(Removal {
                text: format!("the `<{tag}>` element"),
                active: ACTIVE.contains(&tag.as_str()),
            });
            continue;
        }
        for (name, value) in attributes {
            let allowed = generic.contains(name.as_str())
                || name.starts_with("data-")
                || per_tag
                    .get(tag.as_str())
                    .is_some_and(|a| a.contains(name.as_str()));
            if !allowed {
                out.push(Removal {
                    text: format!("the `{name}` attribute of `<{tag}>`"),
                    active: name.starts_with("on") || name == "style" || name.contains("action"),
                });
            } else if matches!(name.as_str(), "href" | "src" | "cite") && !url_allowed(&value) {
                out.push(Removal::url(&value));
            }
        }
    }
    out
}

/// The start tags of a fragment: lowercase name and (name, value) of each
/// attribute. Comments are skipped.
fn start_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let (attributes, after) = attributes(rest);
        rest = after;
        tags.push((name, attributes));
    }
    tags
}

/// The attributes at the start of `text` (just after a tag name), and the
/// text after the tag.
fn attributes(mut text: &str) -> (Vec<(String, String)>, &str) {
    let mut out = Vec::new();
    loop {
        text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if text.is_empty() || text.starts_with('>') {
            return (out, text.get(1..).unwrap_or(""));
        }
        let end = text
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(text.len());
        let name = text[..end].to_ascii_lowercase();
        text = text[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = text.strip_prefix('=') {
            let after = after.trim_start();
            let (v, rest) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    after.split_at(close)
                }
            };
            value = v.to_owned();
            text = rest;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
}

/// A URL cut to a readable length for a message.
fn shorten(url: &str) -> String {
    let mut short: String = url.chars().take(60).collect();
    if short.len() < url.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_content_is_removed_and_docset_markup_kept() {
        let dirty = r#"<p>a<script>alert(1)</script><img src="x.png" onerror="alert(2)" alt="x" width="20"><a href="javascript:alert(3)">j</a><iframe src="https://e.com"></iframe></p>"#;
        let cleaned = clean(dirty);
        for gone in ["script", "alert", "onerror", "javascript", "iframe"] {
            assert!(!cleaned.contains(gone), "{gone}: {cleaned}");
        }
        assert!(
            cleaned.contains(r#"<img src="x.png" alt="x" width="20">"#),
            "{cleaned}"
        );
        let docset = r#"<table><tr><td style="text-align: left" rowspan="2">a<br><strong>b</strong><sup>1</sup><kbd>Ctrl</kbd></td></tr></table><a name="x"></a><span class="seg" id="abc-1" data-seg="abc-1" tabindex="0">t</span><a href="xref:A.B">x</a>"#;
        let kept = clean(docset);
        for part in [
            "<br>",
            "<strong>b</strong>",
            "<sup>1</sup>",
            "<kbd>Ctrl</kbd>",
            r#"<a name="x">"#,
            r#"rowspan="2""#,
            r#"style="text-align:left""#,
            r#"<span class="seg" id="abc-1" data-seg="abc-1" tabindex="0">"#,
            r#"href="xref:A.B""#,
        ] {
            assert!(kept.contains(part), "{part}: {kept}");
        }
    }

    #[test]
    fn each_removal_is_a_finding_at_its_line_and_segment() {
        let text = "# T\n\n<div onclick=\"x()\">\nhi\n</div>\n\n\
                    <span data-ttu-id=\"abcde-1\">Olá <script>x()</script></span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-1\">Hi</span></span>\n\n\
                    [go](javascript:alert(1)) and <b>fine</b> of `T` <Result>\n";
        let doc = crate::read_document("p.md", text);
        let prefix = "raw HTML removed from the published page: ";
        let got: Vec<(usize, Option<String>, String, Severity)> = findings(&doc)
            .into_iter()
            .map(|d| {
                let what = d.message.split(';').next().unwrap_or_default();
                let what = what.trim_start_matches(prefix).to_owned();
                (d.line, d.id, what, d.severity)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    3,
                    None,
                    "the `onclick` attribute of `<div>`".to_owned(),
                    Severity::Warning
                ),
                (
                    7,
                    Some("abcde-1".to_owned()),
                    "the `<script>` element".to_owned(),
                    Severity::Warning
                ),
                (9, None, "the `<result>` element".to_owned(), Severity::Info),
                (
                    9,
                    None,
                    "the link to `javascript:alert(1)`".to_owned(),
                    Severity::Warning
                ),
            ]
        );
    }
}
