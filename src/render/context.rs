//! What rendering needs besides the document: how links are rewritten,
//! where includes come from, the languages, and the include guard. Its own
//! module so that the markdown renderer and the DocFX conventions both use
//! it without depending on each other.

use crate::model::Document;
use std::cell::RefCell;

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
