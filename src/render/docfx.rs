//! DocFX conventions over a pulldown-cmark event stream: `<a name>` heading
//! anchors, `> [!NOTE]` alerts, tables that scroll, link and media
//! rewriting, and server-side syntax highlighting of fenced code; the
//! extensions pulldown-cmark reads as text are in [`super::extensions`].

use super::context::{escape_attr, Context};
use crate::markup::anchor_name;
use crate::model::Side;
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, Tag, TagEnd};
use std::collections::HashMap;
use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Class prefix of highlighted code tokens (colours in `static/sxs.css`,
/// chosen for contrast in both themes).
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// What a fragment needs besides its events: its language, a prefix for the
/// ids it defines (the source column of the side-by-side view repeats the
/// target column's headings), and a heading's id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fragment<'f> {
    pub side: Side,
    pub id_prefix: &'f str,
    /// The block's anchors as align made them unique in the page: the n-th
    /// anchor tag met gets the n-th name; a heading's id is the first.
    pub anchors: &'f [String],
}

/// Applies the DocFX conventions to one fragment's events.
pub(crate) fn transform<'a>(
    events: Vec<Event<'a>>,
    frag: Fragment<'_>,
    ctx: &Context<'_>,
) -> Vec<Event<'a>> {
    let side = frag.side;
    let mut anchors = frag.anchors.iter().map(String::as_str);
    let lang = match side {
        Side::Target => ctx.target_lang,
        Side::Source => ctx.source_lang,
    };
    let events = super::extensions::apply(events, lang, ctx);
    let mut out = Vec::with_capacity(events.len() + 4);
    // Per open link: whether it stays a link (an unresolved one is a span).
    let mut links: Vec<bool> = Vec::new();
    let mut iter = events.into_iter().peekable();
    while let Some(event) = iter.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // `# <a name="x"></a>Title`: the block's first anchor is the
                // heading's id; further anchors stay as `<a id>` targets.
                let own = anchors
                    .next()
                    .map(str::to_owned)
                    .or_else(|| id.map(|i| i.to_string()));
                let mut rest = Vec::new();
                let mut skip_close = false;
                // The first anchor is the one the heading id stands for (made
                // unique in the page by align, so it may read `x-1`).
                let mut first_anchor = own.is_some();
                for inner in iter.by_ref() {
                    let done = matches!(inner, Event::End(TagEnd::Heading(_)));
                    match &inner {
                        Event::InlineHtml(html) if first_anchor && anchor_name(html).is_some() => {
                            first_anchor = false;
                            skip_close = true;
                        }
                        Event::InlineHtml(html) if skip_close && html.trim() == "</a>" => {
                            skip_close = false;
                        }
                        Event::InlineHtml(html) if anchor_name(html).is_some() => {
                            rest.push(anchor_target(html, anchors.next(), frag.id_prefix));
                        }
                        _ => rest.push(inner),
                    }
                    if done {
                        break;
                    }
                }
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: own.map(|i| format!("{}{i}", frag.id_prefix).into()),
                    classes,
                    attrs,
                }));
                out.extend(rest);
            }
            // `</br>` is common in localized tables; browsers read it as `<br>`.
            Event::InlineHtml(html) if html.contains("</br>") => {
                out.push(Event::InlineHtml(html.replace("</br>", "<br>").into()));
            }
            Event::Html(html) if html.contains("</br>") && anchor_name(&html).is_none() => {
                out.push(Event::Html(html.replace("</br>", "<br>").into()));
            }
            Event::InlineHtml(html) | Event::Html(html) if anchor_name(&html).is_some() => {
                out.push(anchor_target(&html, anchors.next(), frag.id_prefix));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, title) = alert_label(kind, lang);
                out.push(Event::Html(
                    format!(
                        "<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n"
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => out.push(Event::Html("</div>\n".into())),
            Event::Start(Tag::Table(align)) => {
                out.push(Event::Html(
                    "<div class=\"table-wrap\" tabindex=\"0\">".into(),
                ));
                out.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match ctx.links.link(&dest_url) {
                Some(url) => {
                    links.push(true);
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                }
                None => {
                    // The link text alone, as DocFX shows an xref it cannot
                    // resolve: the uid is in the finding (`unresolved-xref`)
                    // at this line, not in every view of the page (an API
                    // reference has one on most lines: a fortieth of its
                    // output as an attribute nothing read).
                    links.push(false);
                    out.push(Event::InlineHtml("<span class=\"xref\">".into()));
                }
            },
            Event::End(TagEnd::Link) => match links.pop() {
                Some(false) => out.push(Event::InlineHtml("</span>".into())),
                _ => out.push(Event::End(TagEnd::Link)),
            },
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push(Event::Start(Tag::Image {
                link_type,
                dest_url: ctx.links.media(&dest_url).into(),
                title,
                id,
            })),
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut code = String::new();
                for inner in iter.by_ref() {
                    match inner {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => code.push_str(&t),
                        _ => {}
                    }
                }
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                out.push(Event::Html(ctx.highlight(&code, lang).into()));
            }
            other => out.push(other),
        }
    }
    out
}

/// `<a name="x">` (obsolete in HTML5) as `<a id="x">`, keeping any text
/// after the tag (an HTML block line may hold more).
fn anchor_target<'a>(html: &str, unique: Option<&str>, prefix: &str) -> Event<'a> {
    let name = unique.or_else(|| anchor_name(html)).unwrap_or_default();
    let rest = html
        .trim_start()
        .find('>')
        .map_or("", |end| &html.trim_start()[end + 1..]);
    Event::InlineHtml(
        format!(
            "<a id=\"{}{}\">{rest}",
            escape_attr(prefix),
            escape_attr(name)
        )
        .into(),
    )
}

/// `&quot;` and the other entities an attribute value may hold, as text.
pub(super) fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// CSS class and localized title of an alert.
pub fn alert_label(kind: BlockQuoteKind, lang: &str) -> (&'static str, &'static str) {
    let class = match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    };
    let language = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let titles: [&str; 5] = match language.as_str() {
        "pt" => ["Observação", "Dica", "Importante", "Aviso", "Cuidado"],
        "es" => [
            "Nota",
            "Sugerencia",
            "Importante",
            "Advertencia",
            "Precaución",
        ],
        "de" => ["Hinweis", "Tipp", "Wichtig", "Warnung", "Vorsicht"],
        "fr" => [
            "Remarque",
            "Conseil",
            "Important",
            "Avertissement",
            "Attention",
        ],
        "ja" => ["注意", "ヒント", "重要", "警告", "注意事項"],
        "zh" => ["备注", "提示", "重要", "警告", "注意"],
        _ => ["Note", "Tip", "Important", "Warning", "Caution"],
    };
    let title = match kind {
        BlockQuoteKind::Note => titles[0],
        BlockQuoteKind::Tip => titles[1],
        BlockQuoteKind::Important => titles[2],
        BlockQuoteKind::Warning => titles[3],
        BlockQuoteKind::Caution => titles[4],
    };
    (class, title)
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The code blocks a page has highlighted, by language and code: a page
/// shows each of its code blocks in every view and column, four times, and
/// highlighting is most of what rendering code costs. Kept for the page's
/// whole render (a cache of the last 16 blocks highlighted a page with more
/// blocks three times over: each view evicted the blocks the next needed).
#[derive(Debug, Default)]
pub struct Highlighted(HashMap<String, HashMap<String, String>>);

impl Highlighted {
    /// [`highlight`] of `code`, made once per page.
    pub fn get(&mut self, code: &str, lang: &str) -> String {
        if let Some(html) = self.0.get(lang).and_then(|by_code| by_code.get(code)) {
            return html.clone();
        }
        let html = highlight(code, lang);
        self.0
            .entry(lang.to_owned())
            .or_default()
            .insert(code.to_owned(), html.clone());
        html
    }
}

/// Fenced code as highlighted HTML (classes, so light and dark themes both
/// work); plain escaped code when the language is unknown.
pub fn highlight(code: &str, lang: &str) -> String {
    let set = syntaxes();
    let token = lang.to_ascii_lowercase();
    let token = match token.as_str() {
        "csharp" | "c#" => "cs",
        "azurecli" | "azurecli-interactive" | "console" | "shell" => "bash",
        "javascript" => "js",
        other => other,
    };
    let syntax = (!token.is_empty())
        .then(|| set.find_syntax_by_token(token))
        .flatten();
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_attr(lang))
    };
    let body = syntax.and_then(|syntax| {
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .ok()?;
        }
        Some(generator.finalize())
    });
    let body = body.unwrap_or_else(|| escape_attr(code));
    // Focusable: a long line scrolls, and keyboard users must reach it.
    format!("<pre class=\"code\" tabindex=\"0\"><code{class}>{body}</code></pre>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::attribute;

    #[test]
    fn reads_attributes() {
        let d =
            r#":::image type="content" source="media/a b.png" alt-text="Mostra &quot;x&quot;.":::"#;
        assert_eq!(attribute(d, "source").as_deref(), Some("media/a b.png"));
        assert_eq!(
            attribute(d, "alt-text").as_deref(),
            Some("Mostra &quot;x&quot;.")
        );
        assert_eq!(attribute(d, "type").as_deref(), Some("content"));
        assert_eq!(
            anchor_name("<a name=\"apply-filters\">"),
            Some("apply-filters")
        );
    }

    #[test]
    fn unknown_language_is_escaped() {
        let html = highlight("<b>&</b>", "nolang");
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn known_language_is_highlighted() {
        let html = highlight("{\"a\": 1}\n", "json");
        assert!(html.contains("hl-"), "{html}");
    }

    #[test]
    fn alert_titles_follow_the_language() {
        assert_eq!(alert_label(BlockQuoteKind::Note, "pt-BR").1, "Observação");
        assert_eq!(alert_label(BlockQuoteKind::Note, "en-US").1, "Note");
    }
}
