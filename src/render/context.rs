//! What rendering needs besides the document: how links are rewritten,
//! where includes come from, the languages, and the include guard. Its own
//! module so that the markdown renderer and the DocFX conventions both use
//! it without depending on each other.

use crate::model::{Document, Side};
use pulldown_cmark::Event;
use std::cell::RefCell;
use std::rc::Rc;

/// Rewrites link targets found in the markdown (internal `.md` links to built
/// pages, media relative to the page). Given the URL as written, returns the
/// URL to emit.
pub trait LinkRewriter {
    /// The URL to emit for a link; `None` when the link leads nowhere a
    /// reader can follow (an `xref:` to a uid no page has): its text is then
    /// shown without a link, as DocFX shows unresolved cross references.
    fn link(&self, url: &str) -> Option<String>;
    /// The URL to emit for an image (`![](…)`, `:::image`): always one,
    /// since an image has no text to fall back on.
    fn media(&self, url: &str) -> String;
    /// The content path of the page being rendered: the paths a
    /// `:::code` directive names start there.
    fn page(&self) -> &str {
        ""
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
    /// How the page's links and media are rewritten for the view.
    pub links: &'a dyn LinkRewriter,
    /// The target locale (`pt-BR`): the language of the alert titles sxs
    /// writes into target text.
    pub target_lang: &'a str,
    /// The source locale (`en-US`): likewise for source text, and the
    /// `lang` of the source shown on hover in the target reading view.
    pub source_lang: &'a str,
    /// Where `[!INCLUDE]` files come from; `None` leaves each include as a
    /// visible note.
    pub includes: Option<&'a dyn IncludeSource>,
    /// Includes being rendered and the work they did: the cycle guard and
    /// the page's include budget.
    pub include_stack: RefCell<IncludeState>,
    /// Rows with raw HTML go through the sanitizer (`site.yml`'s
    /// `sanitize_html`, on by default).
    pub sanitize: bool,
    /// The segments' inline events, parsed once for all views.
    pub parsed: RefCell<Parsed>,
    /// The page's code blocks, highlighted once for all views.
    pub highlighted: RefCell<super::docfx::Highlighted>,
}

impl Context<'_> {
    /// The inline events of one side of segment `index` of `doc`.
    pub fn segment_events(&self, doc: &Document, index: usize, side: Side) -> Events {
        self.parsed.borrow_mut().events(doc, index, side)
    }

    /// The inline HTML of one side of segment `index` of `doc`, with the
    /// source column's id prefix or without: made by `make` the first time
    /// the page asks for it.
    pub fn segment_html(
        &self,
        doc: &Document,
        index: usize,
        side: Side,
        prefixed: bool,
        make: impl FnOnce() -> String,
    ) -> Rc<str> {
        if let Some(html) = self.parsed.borrow_mut().html(doc, index, side, prefixed) {
            return html;
        }
        // Not borrowed while it is made: making it reads the events.
        let html: Rc<str> = make().into();
        self.parsed
            .borrow_mut()
            .keep_html(doc, index, side, prefixed, Rc::clone(&html));
        html
    }

    /// Fenced code as highlighted HTML ([`super::docfx::highlight`]), made
    /// once per page.
    pub fn highlight(&self, code: &str, lang: &str) -> String {
        self.highlighted.borrow_mut().get(code, lang)
    }
}

/// Each segment's inline events, parsed once per page, and its inline HTML,
/// made once per page. A page shows a segment in up to three views (the
/// target view's original on hover too) and checks each row for raw HTML
/// once per view; parsing the segment's markdown again each time was most
/// of what showing it cost, and the target column and reading view show
/// the same target HTML, the source column and the original on hover the
/// same source HTML (where it has no link, which leads to the view it is
/// in: [`Context::segment_html`]'s callers keep such HTML out). Kept per
/// document path: an include brings its own segments.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Per document (the page, then each include it shows), looked up by
    /// path, the one asked for last first: views ask for one document's
    /// segments in a row.
    docs: Vec<(String, Vec<[Shown; 2]>)>,
    last: usize,
}

/// A segment side's inline events, shared by the views that show it.
pub type Events = Rc<[Event<'static>]>;

/// What the views made of one side of a segment so far.
#[derive(Debug, Default, Clone)]
struct Shown {
    events: Option<Events>,
    /// Its HTML without and with the source column's id prefix.
    html: [Option<Rc<str>>; 2],
}

impl Parsed {
    fn events(&mut self, doc: &Document, index: usize, side: Side) -> Events {
        let parse = || -> Events {
            let markdown = doc
                .segments
                .get(index)
                .map_or("", |segment| segment.markdown(side));
            crate::parse::inline_events(markdown, &doc.refs).into()
        };
        match self.shown(doc, index, side) {
            Some(Shown {
                events: Some(events),
                ..
            }) => Rc::clone(events),
            Some(shown) => Rc::clone(shown.events.insert(parse())),
            None => parse(),
        }
    }

    /// The HTML of one side of a segment made before, with the id prefix or
    /// without.
    fn html(
        &mut self,
        doc: &Document,
        index: usize,
        side: Side,
        prefixed: bool,
    ) -> Option<Rc<str>> {
        let shown = self.shown(doc, index, side)?;
        shown.html[usize::from(prefixed)].clone()
    }

    /// Keeps the HTML of one side of a segment ([`Parsed::html`]).
    fn keep_html(
        &mut self,
        doc: &Document,
        index: usize,
        side: Side,
        prefixed: bool,
        html: Rc<str>,
    ) {
        if let Some(shown) = self.shown(doc, index, side) {
            shown.html[usize::from(prefixed)] = Some(html);
        }
    }

    fn shown(&mut self, doc: &Document, index: usize, side: Side) -> Option<&mut Shown> {
        let last = self.docs.get(self.last).filter(|(rel, _)| *rel == doc.rel);
        let found = last
            .map(|_| self.last)
            .or_else(|| self.docs.iter().position(|(rel, _)| *rel == doc.rel));
        let at = match found {
            Some(at) => at,
            None => {
                let slots = vec![Default::default(); doc.segments.len()];
                self.docs.push((doc.rel.clone(), slots));
                self.docs.len() - 1
            }
        };
        self.last = at;
        self.docs
            .get_mut(at)
            .and_then(|(_, slots)| slots.get_mut(index))
            .map(|sides| match side {
                Side::Target => &mut sides[0],
                Side::Source => &mut sides[1],
            })
    }
}

/// The includes of one page being rendered.
#[derive(Debug, Default)]
pub struct IncludeState {
    /// The files being rendered, the page first: a file met again (under
    /// any spelling of its path) is a cycle.
    pub(super) stack: Vec<String>,
    pub(super) expansions: usize,
    pub(super) bytes: usize,
}

/// Escapes text for an HTML attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Copied a run at a time up to each character to escape (every id and
    // URL of every view passes here; most have none).
    while let Some(at) = rest.find(['&', '"', '<', '>', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_parsed_once_per_side_and_per_document() {
        let pair = "<span data-ttu-id=\"a-1\">Veja **isto**.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">See **this**.</span></span>\n";
        let page = crate::read_document("p.md", pair);
        let include = crate::read_document("i.md", pair);
        let mut parsed = Parsed::default();
        let target = parsed.events(&page, 0, Side::Target);
        assert!(Rc::ptr_eq(&target, &parsed.events(&page, 0, Side::Target)));
        let source = parsed.events(&page, 0, Side::Source);
        assert!(!Rc::ptr_eq(&target, &source));
        assert!(source.contains(&Event::Text("this".into())), "{source:?}");
        assert!(target.contains(&Event::Text("isto".into())), "{target:?}");
        // Another document's segment 0 is its own.
        assert!(!Rc::ptr_eq(
            &target,
            &parsed.events(&include, 0, Side::Target)
        ));
        // A segment the document does not have is nothing, not a panic.
        assert!(parsed.events(&page, 7, Side::Target).is_empty());
    }

    #[test]
    fn attributes_escape_the_five_characters_and_keep_the_rest() {
        assert_eq!(
            escape_attr("a&b\"c<d>e'f ação"),
            "a&amp;b&quot;c&lt;d&gt;e&#39;f ação"
        );
        assert_eq!(escape_attr("&&"), "&amp;&amp;");
        assert_eq!(escape_attr(""), "");
        assert_eq!(escape_attr("8c791-108"), "8c791-108");
    }
}
