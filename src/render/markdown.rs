//! Rows to HTML: one renderer for every view. A row's shared event stream is
//! resolved to one language (each segment becomes its own markdown, rendered
//! inline, wrapped in an anchored span), DocFX conventions are applied, and
//! pulldown-cmark writes the HTML.

use super::docfx::Fragment;
use crate::model::{Block, Document, Piece, Side};
use crate::parse;
use pulldown_cmark::{html, Event, Tag, TagEnd};
use std::cell::RefCell;

/// How segments are wrapped, by view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A column of the side-by-side view: anchors on both sides.
    Column(Side),
    /// A reading view; the target view carries the source for hover/focus.
    Reading(Side),
}

impl Mode {
    pub fn side(self) -> Side {
        match self {
            Mode::Column(side) | Mode::Reading(side) => side,
        }
    }
}

/// Rewrites link targets found in the markdown (internal `.md` links to built
/// pages, media relative to the page). Given the URL as written, returns the
/// URL to emit.
pub trait LinkRewriter {
    /// The URL to emit for a link; `None` when the link leads nowhere a
    /// reader can follow (an `xref:` to a uid no page has): its text is then
    /// shown without a link, as DocFX shows unresolved cross references.
    fn link(&self, url: &str) -> Option<String>;
    fn media(&self, url: &str) -> String;
    /// The line of the block being rendered, for reports.
    fn at_line(&self, _line: usize) {}
    /// The content path of the page being rendered (paths in it start there).
    fn page(&self) -> &str {
        ""
    }
    /// The line last given to [`LinkRewriter::at_line`].
    fn line(&self) -> usize {
        1
    }
}

/// Reads the files that DocFX `[!INCLUDE [title](path)]` paragraphs name.
pub trait IncludeSource {
    /// The include at `href`, relative to the page `from`: its path and its
    /// aligned document, or a message saying what is wrong.
    fn load(&self, from: &str, href: &str) -> Result<Document, String>;
    /// The text of the source file a `:::code` directive of `from` shows.
    fn code(&self, from: &str, href: &str) -> Result<String, String> {
        let _ = from;
        Err(format!("code `{href}` is not resolved here"))
    }
}

/// What rendering needs besides the document.
pub struct Context<'a> {
    pub links: &'a dyn LinkRewriter,
    pub target_lang: &'a str,
    pub source_lang: &'a str,
    pub includes: Option<&'a dyn IncludeSource>,
    /// Includes being rendered, outermost first: the cycle guard.
    pub include_stack: RefCell<Vec<String>>,
    /// Includes that could not be rendered: (line, message).
    pub include_problems: RefCell<Vec<(usize, String)>>,
}

impl Context<'_> {
    /// Records an include (or `:::code`) that cannot be shown, once per
    /// line however many views render it, and returns the visible note.
    pub fn include_failed(&self, line: usize, message: String) -> String {
        let note = format!("<p class=\"include-error\">{}</p>\n", escape_attr(&message));
        let mut problems = self.include_problems.borrow_mut();
        if !problems.iter().any(|(l, m)| *l == line && *m == message) {
            problems.push((line, message));
        }
        note
    }
}

/// Includes nested deeper than this are refused (a cycle guard that also
/// catches long chains through different names).
const MAX_INCLUDE_DEPTH: usize = 8;

/// Renders one row for one view.
pub fn render_row(doc: &Document, block: &Block, mode: Mode, ctx: &Context<'_>) -> String {
    let side = mode.side();
    ctx.links.at_line(block.line);
    if let Some(href) = include_href(block) {
        return render_include(doc, block, &href, mode, ctx);
    }
    let mut events: Vec<Event<'_>> = Vec::with_capacity(block.pieces.len());
    // Inside a link the link takes the focus: a segment there is no tab stop.
    let mut links_open = 0usize;
    for piece in &block.pieces {
        match piece {
            Piece::Event(event) => {
                match event {
                    Event::Start(Tag::Link { .. }) => links_open += 1,
                    Event::End(TagEnd::Link) => links_open = links_open.saturating_sub(1),
                    _ => {}
                }
                events.push(event.clone());
            }
            Piece::Segment(i) => {
                if let Some(segment) = doc.segments.get(*i) {
                    let html = segment_html(doc, segment, mode, links_open == 0, ctx);
                    events.push(Event::InlineHtml(html.into()));
                }
            }
        }
    }
    let frag = Fragment {
        side,
        id_prefix: if mode == Mode::Column(Side::Source) {
            "src-"
        } else {
            ""
        },
        anchors: &block.anchors,
    };
    let events = super::docfx::transform(events, frag, ctx);
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
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

/// An include paragraph: the included file's rows in the same mode, or a
/// visible note (and a reported problem) when it cannot be read.
fn render_include(
    doc: &Document,
    block: &Block,
    href: &str,
    mode: Mode,
    ctx: &Context<'_>,
) -> String {
    let fail = |message: String| ctx.include_failed(block.line, message);
    let Some(source) = ctx.includes else {
        return fail(format!("include `{href}` is not resolved here"));
    };
    if ctx.include_stack.borrow().len() >= MAX_INCLUDE_DEPTH
        || ctx.include_stack.borrow().iter().any(|h| h == href)
    {
        return fail(format!(
            "include `{href}` includes itself (or nests too deep); break the cycle"
        ));
    }
    let included = match source.load(&doc.rel, href) {
        Ok(included) => included,
        Err(message) => return fail(message),
    };
    ctx.include_stack.borrow_mut().push(href.to_owned());
    let html = included
        .blocks
        .iter()
        .map(|b| render_row(&included, b, mode, ctx))
        .collect::<String>();
    ctx.include_stack.borrow_mut().pop();
    ctx.links.at_line(block.line);
    format!(
        "<div class=\"include\" data-include=\"{}\">{html}</div>\n",
        escape_attr(&included.rel)
    )
}

/// A segment's own markdown as inline HTML, in the language of `side`.
/// Anchors inside the text (`<a id>`) get `id_prefix` where the same text
/// is shown twice on a page (the source column, the original on hover).
pub fn inline_html(
    doc: &Document,
    markdown: &str,
    side: Side,
    id_prefix: &str,
    ctx: &Context<'_>,
) -> String {
    let events = parse::inline_events(markdown, &doc.refs);
    let frag = Fragment {
        side,
        id_prefix,
        anchors: &[],
    };
    let events = super::docfx::transform(events, frag, ctx);
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

fn segment_html(
    doc: &Document,
    segment: &crate::model::Segment,
    mode: Mode,
    focusable: bool,
    ctx: &Context<'_>,
) -> String {
    let id = escape_attr(&segment.id);
    let side = mode.side();
    let present = match side {
        Side::Target => segment.has_target,
        Side::Source => segment.has_source,
    };
    let body = if present {
        let prefix = if mode == Mode::Column(Side::Source) {
            "src-"
        } else {
            ""
        };
        inline_html(doc, segment.markdown(side), side, prefix, ctx)
    } else {
        "<span class=\"seg-missing\">(missing)</span>".to_owned()
    };
    let tab = if focusable { " tabindex=\"0\"" } else { "" };
    match mode {
        Mode::Column(Side::Target) => {
            format!("<span class=\"seg\" id=\"{id}\" data-seg=\"{id}\"{tab}>{body}</span>")
        }
        Mode::Column(Side::Source) => {
            format!("<span class=\"seg\" id=\"src-{id}\" data-seg=\"{id}\"{tab}>{body}</span>")
        }
        Mode::Reading(Side::Target) => {
            let original = inline_html(doc, &segment.source, Side::Source, "src-", ctx);
            format!(
                "<span class=\"seg\" id=\"{id}\" data-seg=\"{id}\"{tab}>{body}<span class=\"lookup\" role=\"note\" lang=\"{}\">{original}</span></span>",
                escape_attr(ctx.source_lang)
            )
        }
        Mode::Reading(Side::Source) => {
            format!("<span class=\"seg\" id=\"{id}\" data-seg=\"{id}\">{body}</span>")
        }
    }
}

/// Escapes text for an HTML attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Plain text of a row's events (for titles and headings).
pub fn events_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(t);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
                "{text}: {:?}",
                doc.blocks[0].pieces
            );
        }
        let doc = crate::read_document("p.md", "See [x](y.md) now.\n");
        assert_eq!(include_href(&doc.blocks[0]), None);
    }
}
