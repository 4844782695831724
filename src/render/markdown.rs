//! Rows to HTML: one renderer for every view. A row's shared event stream is
//! resolved to one language (each segment becomes its own markdown, rendered
//! inline, wrapped in an anchored span), DocFX conventions are applied, and
//! pulldown-cmark writes the HTML.

pub use super::context::{escape_attr, Context, IncludeSource, IncludeState, LinkRewriter};
use super::docfx::Fragment;
use crate::model::{Block, Document, Piece, Side};
use crate::parse;
use pulldown_cmark::{html, Event, Tag, TagEnd};

/// The prefix of every id in the source column: the target column has the
/// same ids, and an id is once per page.
const SOURCE_COLUMN: &str = "src-";

/// How segments are wrapped, by view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A column of the side-by-side view: anchors on both sides.
    Column(Side),
    /// A reading view; the target view carries the source for hover/focus.
    Reading(Side),
}

impl Mode {
    /// The language the row is rendered in.
    pub fn side(self) -> Side {
        match self {
            Mode::Column(side) | Mode::Reading(side) => side,
        }
    }
}

/// The visible note for an include or a `:::code` that cannot be shown
/// (the site pass reports it, once, with its line).
pub fn failure_note(message: &str) -> String {
    format!("<p class=\"include-error\">{}</p>\n", escape_attr(message))
}

/// Includes nested deeper than this are refused (a cycle guard that also
/// catches long chains through different names).
const MAX_INCLUDE_DEPTH: usize = 8;

/// Includes expanded for one page, all its views together, past which the
/// rest are refused: ten includes of the next file eight levels deep would
/// otherwise be 10⁸ expansions. Real pages use a few dozen.
pub const MAX_INCLUDE_EXPANSIONS: usize = 2_000;

/// HTML that a page's includes may add, all its views together.
pub const MAX_INCLUDE_BYTES: usize = 32 * 1024 * 1024;

/// Renders one row for one view.
pub fn render_row(doc: &Document, block: &Block, mode: Mode, ctx: &Context<'_>) -> String {
    let side = mode.side();
    if let Some(href) = crate::links::include_href(block) {
        return render_include(doc, &href, mode, ctx);
    }
    let mut events: Vec<Event<'_>> = Vec::with_capacity(block.pieces.len());
    let mut place = Placement::default();
    // Segments shown as plain text (in code, in attributes) keep their
    // anchors here, at the start of the row.
    let mut anchors = String::new();
    for piece in &block.pieces {
        match piece {
            Piece::Event(event) => {
                place.enter(event);
                events.push(resolve_title(event.clone(), side, &mut place.in_titles));
            }
            Piece::Segment(i) => {
                let Some(segment) = doc.segments.get(*i) else {
                    continue;
                };
                match place.of(segment) {
                    Where::Inline => {
                        let html = segment_html(doc, *i, mode, ctx);
                        events.push(Event::InlineHtml(html.into()));
                    }
                    Where::Code => {
                        anchors.push_str(&anchor_html(segment, mode));
                        events.push(Event::Text(segment.markdown(side).to_owned().into()));
                    }
                    Where::Alt => {
                        anchors.push_str(&anchor_html(segment, mode));
                        events.push(Event::Text(segment.text(side).to_owned().into()));
                    }
                    Where::Title => anchors.push_str(&anchor_html(segment, mode)),
                }
            }
        }
    }
    let frag = Fragment {
        side,
        id_prefix: if mode == Mode::Column(Side::Source) {
            SOURCE_COLUMN
        } else {
            ""
        },
        anchors: &block.anchors,
    };
    let events = super::docfx::transform(events, frag, ctx);
    let mut out = anchors;
    html::push_html(&mut out, events.into_iter());
    if ctx.sanitize && super::sanitize::needs_cleaning(doc, block, ctx) {
        out = super::sanitize::clean(&out);
    }
    out
}

/// Where in a row's markup a segment is shown.
enum Where {
    /// As its own HTML.
    Inline,
    /// Inside a code block: its markdown as written, as code.
    Code,
    /// Inside an image's alt text: its readable text.
    Alt,
    /// Inside a link's or an image's title: already resolved there.
    Title,
}

/// What a row's events have opened so far, to place its segments: markup
/// cannot go inside code or attributes, so segments there are text, and
/// their anchors go to the start of the row.
#[derive(Default)]
struct Placement {
    images: usize,
    code: bool,
    /// Ids of the pairs found in link and image titles of the row.
    in_titles: Vec<String>,
}

impl Placement {
    /// Takes note of what `event` opens or closes.
    fn enter(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => self.code = true,
            Event::End(TagEnd::CodeBlock) => self.code = false,
            _ => {}
        }
    }

    fn of(&self, segment: &crate::model::Segment) -> Where {
        if self.in_titles.contains(&segment.id) {
            Where::Title
        } else if self.code {
            Where::Code
        } else if self.images > 0 {
            Where::Alt
        } else {
            Where::Inline
        }
    }
}

/// A link or image whose title holds pairs, with the title in one language
/// (plain text); the pairs' ids are added to `ids`.
fn resolve_title<'e>(event: Event<'e>, side: Side, ids: &mut Vec<String>) -> Event<'e> {
    let resolve = |title: &str, ids: &mut Vec<String>| -> Option<String> {
        let (pairs, _) = crate::markup::scan(title);
        if pairs.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(title.len());
        let mut at = 0;
        for pair in pairs {
            out.push_str(title.get(at..pair.outer.start).unwrap_or_default());
            let inner = match side {
                Side::Target => pair.target.or(pair.source),
                Side::Source => pair.source.or(pair.target),
            };
            let text = inner.and_then(|r| title.get(r)).unwrap_or_default();
            out.push_str(&parse::plain_text(text));
            at = pair.outer.end;
            ids.push(pair.id);
        }
        out.push_str(title.get(at..).unwrap_or_default());
        Some(out)
    };
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let title = resolve(&title, ids).map_or(title, Into::into);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let title = resolve(&title, ids).map_or(title, Into::into);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// The anchor of a segment shown as plain text: an empty target for links
/// to it, on its row, with the id the view gives it.
fn anchor_html(segment: &crate::model::Segment, mode: Mode) -> String {
    let id = escape_attr(&segment.id);
    let prefix = if mode == Mode::Column(Side::Source) {
        SOURCE_COLUMN
    } else {
        ""
    };
    format!("<span class=\"seg-anchor\" id=\"{prefix}{id}\"></span>")
}

/// An include paragraph: the included file's rows in the same mode, or a
/// visible note when it cannot be read.
fn render_include(doc: &Document, href: &str, mode: Mode, ctx: &Context<'_>) -> String {
    // The site pass reports the include (missing, or a cycle); the page
    // says where it would have been.
    let fail = |message: String| failure_note(&message);
    let Some(source) = ctx.includes else {
        return fail(format!("include `{href}` is not resolved here"));
    };
    if let Some(why) = ctx.include_stack.borrow().over_budget() {
        return fail(format!("include `{href}` not rendered: {why}"));
    }
    let included = match source.load(&doc.rel, href) {
        Ok(included) => included,
        Err(message) => return fail(message),
    };
    {
        let mut state = ctx.include_stack.borrow_mut();
        if state.stack.is_empty() {
            state.stack.push(doc.rel.clone());
        }
        if state.stack.len() > MAX_INCLUDE_DEPTH || state.stack.contains(&included.rel) {
            return fail(format!(
                "include `{href}` includes itself (or nests too deep); break the cycle"
            ));
        }
        state.stack.push(included.rel.clone());
        state.expansions += 1;
    }
    let html = included
        .blocks
        .iter()
        .map(|b| render_row(&included, b, mode, ctx))
        .collect::<String>();
    {
        let mut state = ctx.include_stack.borrow_mut();
        state.stack.pop();
        if state.stack.len() == 1 {
            state.stack.clear();
        }
        state.bytes += html.len();
    }
    format!(
        "<div class=\"include\" data-include=\"{}\">{html}</div>\n",
        escape_attr(&included.rel)
    )
}

impl IncludeState {
    /// Why no more includes may be expanded for this page, if so.
    fn over_budget(&self) -> Option<String> {
        if self.expansions >= MAX_INCLUDE_EXPANSIONS {
            Some(format!(
                "the page's includes were expanded {MAX_INCLUDE_EXPANSIONS} times (the limit); \
                 an include chain through many files? Nest fewer includes"
            ))
        } else if self.bytes >= MAX_INCLUDE_BYTES {
            Some(format!(
                "the page's includes add more than {} MiB of HTML (the limit); include less",
                MAX_INCLUDE_BYTES / (1024 * 1024)
            ))
        } else {
            None
        }
    }
}

/// One side of segment `index` as inline HTML, in the language of `side`.
/// Anchors inside the text (`<a id>`) get the source column's id prefix
/// when `prefixed`, where the same text is shown twice on a page (the
/// source column, the original on hover). Made once per page unless it has
/// a link: a link leads to the same view of the other page, so its HTML
/// differs from view to view.
fn inline_html(
    doc: &Document,
    index: usize,
    side: Side,
    prefixed: bool,
    ctx: &Context<'_>,
) -> std::rc::Rc<str> {
    let parsed = ctx.segment_events(doc, index, side);
    let make = || {
        let events = parsed.iter().map(parse::reborrow).collect();
        let frag = Fragment {
            side,
            id_prefix: if prefixed { SOURCE_COLUMN } else { "" },
            anchors: &[],
        };
        let events = super::docfx::transform(events, frag, ctx);
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter());
        out
    };
    if parsed
        .iter()
        .any(|event| matches!(event, Event::Start(Tag::Link { .. })))
    {
        return make().into();
    }
    ctx.segment_html(doc, index, side, prefixed, make)
}

fn segment_html(doc: &Document, index: usize, mode: Mode, ctx: &Context<'_>) -> String {
    let Some(segment) = doc.segments.get(index) else {
        return String::new();
    };
    let id = escape_attr(&segment.id);
    let side = mode.side();
    let present = match side {
        Side::Target => segment.has_target,
        Side::Source => segment.has_source,
    };
    let body = if present {
        inline_html(doc, index, side, mode == Mode::Column(Side::Source), ctx)
    } else {
        "<span class=\"seg-missing\">(missing)</span>".into()
    };
    // A segment is a span with an id, nothing more: no class, no tabindex,
    // no second attribute for the id. sxs.js finds the segments by that
    // shape, marks them and makes them focusable; the style sheet reads
    // the shape too (bytes on every segment of every view otherwise).
    match mode {
        Mode::Column(Side::Target) => {
            format!("<span id=\"{id}\">{body}</span>")
        }
        Mode::Column(Side::Source) => {
            format!("<span id=\"{SOURCE_COLUMN}{id}\">{body}</span>")
        }
        Mode::Reading(Side::Target) => {
            let original = inline_html(doc, index, Side::Source, true, ctx);
            format!(
                "<span id=\"{id}\">{body}<span class=\"lookup\" lang=\"{}\">{original}</span></span>",
                escape_attr(ctx.source_lang)
            )
        }
        Mode::Reading(Side::Source) => {
            format!("<span id=\"{id}\">{body}</span>")
        }
    }
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

    struct AsIs;

    impl LinkRewriter for AsIs {
        fn link(&self, url: &str) -> Option<String> {
            Some(url.to_owned())
        }
        fn media(&self, url: &str) -> String {
            url.to_owned()
        }
    }

    fn pair(n: usize, target: &str, source: &str) -> String {
        format!(
            "<span data-ttu-id=\"aaaaa-{n}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"aaaaa-{n}\">{source}</span></span>"
        )
    }

    /// Every view of every row of `text`, joined.
    fn all_views(text: &str) -> Vec<(Mode, String)> {
        let doc = crate::read_document("p.md", text);
        let ctx = Context {
            links: &AsIs,
            target_lang: "pt-BR",
            source_lang: "en-US",
            includes: None,
            include_stack: Default::default(),
            sanitize: true,
            parsed: Default::default(),
            highlighted: Default::default(),
        };
        [
            Mode::Column(Side::Target),
            Mode::Column(Side::Source),
            Mode::Reading(Side::Target),
            Mode::Reading(Side::Source),
        ]
        .into_iter()
        .map(|mode| {
            let html = doc
                .blocks
                .iter()
                .map(|b| render_row(&doc, b, mode, &ctx))
                .collect();
            (mode, html)
        })
        .collect()
    }

    #[test]
    fn pairs_in_code_and_attributes_are_text_with_their_anchor_on_the_row() {
        let p = |n| pair(n, &format!("Alvo {n}."), &format!("Source {n}."));
        let text = format!(
            "    {}\n\n```\n{}\n```\n\n![{}](x.png)\n\n- ![{}](x.png)\n\n| h |\n|---|\n| ![{}](x.png) |\n\n\
             > ![{}](x.png)\n\n> [!NOTE]\n> ![{}](x.png)\n\n[l](y.md '{}') and ![i](x.png '{}')\n",
            p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9)
        );
        let doc = crate::read_document("p.md", &text);
        let in_code: Vec<(&str, usize)> = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == "in-code")
            .map(|d| (d.id.as_deref().unwrap_or_default(), d.line))
            .collect();
        assert_eq!(in_code, [("aaaaa-1", 1), ("aaaaa-2", 4)]);
        for (mode, html) in all_views(&text) {
            assert!(
                !html.contains("&lt;span"),
                "{mode:?}: markup shown as text: {html}"
            );
            let (prefix, shown) = match mode {
                Mode::Column(Side::Source) => ("src-", "Source"),
                Mode::Column(Side::Target) | Mode::Reading(Side::Target) => ("", "Alvo"),
                Mode::Reading(Side::Source) => ("", "Source"),
            };
            for n in 1..=9 {
                let anchor = format!("id=\"{prefix}aaaaa-{n}\"");
                assert_eq!(html.matches(&anchor).count(), 1, "{mode:?} {n}: {html}");
                assert!(
                    html.contains(&format!("{shown} {n}.")),
                    "{mode:?} {n}: {html}"
                );
            }
            for n in 3..=7 {
                assert!(
                    html.contains(&format!("alt=\"{shown} {n}.\"")),
                    "{mode:?}: {html}"
                );
            }
            assert!(html.contains(&format!("title=\"{shown} 8.\"")), "{html}");
            assert!(html.contains(&format!("title=\"{shown} 9.\"")), "{html}");
        }
    }
}
