//! What the checks compare on one side of a pair, read once from the
//! pulldown-cmark inline events of its markdown: the checks look at the
//! structure the reader sees (bold, code, link targets), not at raw text.

use crate::parse::{self, LinkRefs};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Stands for an inline atom that is not prose (inline code, inline HTML), so
/// that words on either side of it never join or look adjacent.
pub const ATOM: char = '\u{FFFC}';

/// Bold or italic: the two marks whose words the checks compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Strong,
    Emphasis,
}

/// One side of a pair, as the checks see it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Text outside inline code and HTML tags (link text and image alt text
    /// included), with ` ATOM ` where code or a tag was.
    pub prose: String,
    /// Inline code spans, as written.
    pub code: Vec<String>,
    /// The text of each bold span (`**x**` or `<strong>`/`<b>`), inline code
    /// in it included: what the reader sees marked.
    pub strong: Vec<String>,
    /// The text of each italic span (`*x*` or `<em>`/`<i>`).
    pub emphasis: Vec<String>,
    /// Bold and italic spans being read (indices into `strong` or
    /// `emphasis`), whose text the prose read now belongs to.
    open_marks: Vec<(Mark, usize)>,
    /// Link and image targets (markdown or HTML `href`/`src`).
    pub targets: Vec<String>,
    /// The text of each link (an image's alt text), by the index of its
    /// target: what the reader sees of a link whose target differs.
    pub link_texts: Vec<String>,
    /// Links being read (indices into `targets`; an image may sit inside a
    /// link), whose text the prose read now belongs to.
    open_links: Vec<usize>,
    /// `<var>`-style placeholders: the content of `<var>…</var>` and unknown
    /// tags such as `<token>`.
    pub tags: Vec<String>,
}

impl Profile {
    /// Reads a segment's inner markdown; references resolve against the page's.
    pub fn read(markdown: &str, refs: &LinkRefs) -> Profile {
        let mut profile = Profile::default();
        let mut var: Option<String> = None;
        for event in parse::inline_events(markdown, refs) {
            match event {
                Event::Text(text) => match &mut var {
                    Some(content) => content.push_str(&text),
                    None => profile.text(&text),
                },
                Event::Code(code) => {
                    profile.atom();
                    profile.marked(&code);
                    profile.code.push(code.into_string());
                }
                Event::SoftBreak | Event::HardBreak => profile.text(" "),
                Event::Start(tag) => profile.start(&tag),
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    profile.open_links.pop();
                }
                Event::End(TagEnd::Strong) => profile.close(Mark::Strong),
                Event::End(TagEnd::Emphasis) => profile.close(Mark::Emphasis),
                Event::InlineHtml(html) | Event::Html(html) => {
                    profile.atom();
                    profile.html(&html, &mut var);
                }
                _ => {}
            }
        }
        profile.open_links.clear();
        profile.open_marks.clear();
        profile
    }

    /// Prose text, also the text of the links and marks being read.
    fn text(&mut self, text: &str) {
        self.prose.push_str(text);
        for &i in &self.open_links {
            if let Some(link_text) = self.link_texts.get_mut(i) {
                link_text.push_str(text);
            }
        }
        self.marked(text);
    }

    /// Text inside the bold and italic spans being read.
    fn marked(&mut self, text: &str) {
        for &(mark, i) in &self.open_marks {
            let spans = match mark {
                Mark::Strong => &mut self.strong,
                Mark::Emphasis => &mut self.emphasis,
            };
            if let Some(span) = spans.get_mut(i) {
                span.push_str(text);
            }
        }
    }

    /// A bold or italic span opens.
    fn open(&mut self, mark: Mark) {
        let spans = match mark {
            Mark::Strong => &mut self.strong,
            Mark::Emphasis => &mut self.emphasis,
        };
        self.open_marks.push((mark, spans.len()));
        spans.push(String::new());
    }

    /// The innermost open span of `mark` closes (a stray closing tag closes
    /// nothing).
    fn close(&mut self, mark: Mark) {
        if let Some(at) = self.open_marks.iter().rposition(|(m, _)| *m == mark) {
            self.open_marks.remove(at);
        }
    }

    /// A link or image target; an image's alt text comes after it as the
    /// link text does (`alt`: an HTML image, whose text is an attribute).
    fn target(&mut self, target: String, alt: Option<String>) {
        self.targets.push(target);
        match alt {
            Some(alt) => self.link_texts.push(alt),
            None => {
                self.open_links.push(self.link_texts.len());
                self.link_texts.push(String::new());
            }
        }
    }

    fn atom(&mut self) {
        self.prose.push(' ');
        self.prose.push(ATOM);
        self.prose.push(' ');
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Strong => self.open(Mark::Strong),
            Tag::Emphasis => self.open(Mark::Emphasis),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.target(dest_url.to_string(), None);
            }
            _ => {}
        }
    }

    /// An inline HTML tag: formatting, a link, or a `<var>`-style placeholder.
    fn html(&mut self, html: &str, var: &mut Option<String>) {
        let Some(name) = tag_name(html) else { return };
        let closing = html.starts_with("</");
        match (name.as_str(), closing) {
            ("strong" | "b", false) => self.open(Mark::Strong),
            ("strong" | "b", true) => self.close(Mark::Strong),
            ("em" | "i", false) => self.open(Mark::Emphasis),
            ("em" | "i", true) => self.close(Mark::Emphasis),
            ("a", false) => match attribute(html, "href") {
                Some(href) => self.target(href, None),
                // An anchor (`<a name>`): no target, and its `</a>` closes nothing.
                None => self.open_links.push(usize::MAX),
            },
            ("a", true) => {
                self.open_links.pop();
            }
            ("img", false) => {
                if let Some(src) = attribute(html, "src") {
                    self.target(src, Some(attribute(html, "alt").unwrap_or_default()));
                }
            }
            ("var", false) => *var = Some(String::new()),
            ("var", true) => self
                .tags
                .extend(var.take().map(|v| format!("<var>{v}</var>"))),
            (known, _) if KNOWN_TAGS.contains(&known) => {}
            (_, false) => self.tags.push(html.trim().to_owned()),
            (_, true) => {}
        }
    }
}

/// HTML elements that are markup, not placeholders: the elements of the
/// HTML standard (and a few obsolete ones pages still use). Any other tag
/// written in prose (`<token>`, `<tenant-id>`) is a placeholder the
/// translation keeps.
const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "main",
    "mark",
    "nav",
    "nobr",
    "object",
    "ol",
    "option",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// The lowercase name of an HTML tag (`<a href…>` → `a`); `None` for
/// comments and declarations.
fn tag_name(html: &str) -> Option<String> {
    let rest = html.trim().strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// The value of a quoted attribute in a tag (`href="x"` or `href='x'`).
fn attribute(html: &str, name: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = html.get(at..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(markdown: &str) -> Profile {
        Profile::read(markdown, &LinkRefs::new())
    }

    #[test]
    fn reads_formatting_code_and_targets() {
        let p = read("Selecione **Salvar** e *depois* `Run-Job` em [Configurações](settings.md) ![Logo](logo.png)");
        assert_eq!(p.strong, ["Salvar"]);
        assert_eq!(p.emphasis, ["depois"]);
        assert_eq!(p.code, ["Run-Job"]);
        assert_eq!(p.targets, ["settings.md", "logo.png"]);
        assert_eq!(p.link_texts, ["Configurações", "Logo"]);
        assert!(p.prose.contains("Configurações") && p.prose.contains("Logo"));
        assert!(!p.prose.contains("Run-Job"));
    }

    #[test]
    fn reads_html_formatting_links_and_placeholders() {
        let p = read(
            r##"Consulte <a href="#charge_types">encargos</a> <strong>Outros</strong> <var>nome</var> <token>"##,
        );
        assert_eq!(p.targets, ["#charge_types"]);
        assert_eq!(p.link_texts, ["encargos"]);
        assert_eq!(p.strong, ["Outros"]);
        assert_eq!(p.tags, ["<var>nome</var>", "<token>"]);
        let table = read("<caption>Preços</caption> <thead> <tenant-id>");
        assert_eq!(table.tags, ["<tenant-id>"]);
        assert!(!p.prose.contains("nome"));
    }

    #[test]
    fn marked_texts_include_code_and_close_with_their_tags() {
        let p = read("**Use `Get-X` now** e <b>negrito</b> fora <i>it</i>álico");
        assert_eq!(p.strong, ["Use Get-X now", "negrito"]);
        assert_eq!(p.emphasis, ["it"]);
    }

    #[test]
    fn code_never_joins_the_words_around_it() {
        let p = read("o `x` o");
        assert!(!p.prose.contains("o o"), "{:?}", p.prose);
    }
}
