//! Rows to HTML: one renderer for every view. A row's shared event stream is
//! resolved to one language (each segment becomes its own markdown, rendered
//! inline, wrapped in an anchored span), DocFX conventions are applied, and
//! pulldown-cmark writes the HTML.

use super::docfx::Fragment;
use crate::model::{Block, Document, Piece, Side};
use crate::parse;
use pulldown_cmark::{html, Event};

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
    fn link(&self, url: &str) -> String;
    fn media(&self, url: &str) -> String;
    /// The line of the block being rendered, for reports.
    fn at_line(&self, _line: usize) {}
}

/// What rendering needs besides the document.
pub struct Context<'a> {
    pub links: &'a dyn LinkRewriter,
    pub target_lang: &'a str,
    pub source_lang: &'a str,
}

/// Renders one row for one view.
pub fn render_row(doc: &Document, block: &Block, mode: Mode, ctx: &Context<'_>) -> String {
    let side = mode.side();
    ctx.links.at_line(block.line);
    let mut events: Vec<Event<'_>> = Vec::with_capacity(block.pieces.len());
    for piece in &block.pieces {
        match piece {
            Piece::Event(event) => events.push(event.clone()),
            Piece::Segment(i) => {
                if let Some(segment) = doc.segments.get(*i) {
                    events.push(Event::InlineHtml(
                        segment_html(doc, segment, mode, ctx).into(),
                    ));
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
        heading_id: block.anchors.first().map(String::as_str),
    };
    let events = super::docfx::transform(events, frag, ctx);
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

/// A segment's own markdown as inline HTML, in the language of `side`.
pub fn inline_html(doc: &Document, markdown: &str, side: Side, ctx: &Context<'_>) -> String {
    let events = parse::inline_events(markdown, &doc.refs);
    let frag = Fragment {
        side,
        id_prefix: "",
        heading_id: None,
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
    ctx: &Context<'_>,
) -> String {
    let id = escape_attr(&segment.id);
    let side = mode.side();
    let present = match side {
        Side::Target => segment.has_target,
        Side::Source => segment.has_source,
    };
    let body = if present {
        inline_html(doc, segment.markdown(side), side, ctx)
    } else {
        "<span class=\"seg-missing\">(missing)</span>".to_owned()
    };
    match mode {
        Mode::Column(Side::Target) => {
            format!(
                "<span class=\"seg\" id=\"{id}\" data-seg=\"{id}\" tabindex=\"0\">{body}</span>"
            )
        }
        Mode::Column(Side::Source) => format!(
            "<span class=\"seg\" id=\"src-{id}\" data-seg=\"{id}\" tabindex=\"0\">{body}</span>"
        ),
        Mode::Reading(Side::Target) => {
            let original = inline_html(doc, &segment.source, Side::Source, ctx);
            format!(
                "<span class=\"seg\" id=\"{id}\" data-seg=\"{id}\" tabindex=\"0\">{body}<span class=\"lookup\" role=\"note\" lang=\"{}\">{original}</span></span>",
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
