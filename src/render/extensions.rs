//! DocFX markdown extensions that pulldown-cmark reads as plain text:
//! blockquote markers (`> [!NOTE] text`, `> [!div class="…"]`,
//! `> [!VIDEO url]`), triple-colon directives (`:::image`, `:::code`,
//! `:::zone`, `:::row`/`:::column`) and tab headings (`# [Title](#tab/id)`).
//!
//! Each is a pass over one fragment's events, run before the other DocFX
//! conventions. Containers that span blocks (zones, rows, columns) cannot
//! wrap their content here: every block is its own row of the side-by-side
//! view, so their markers become a label (a zone's pivot) or nothing, and
//! the content keeps its order.

use super::context::{escape_attr, Context};
use super::docfx::alert_label;
use crate::links::attribute;
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

/// Applies the extension passes to one fragment's events.
pub fn apply<'a>(events: Vec<Event<'a>>, lang: &str, ctx: &Context<'_>) -> Vec<Event<'a>> {
    let events = blockquote_markers(events, lang);
    let events = directives(events, ctx);
    tab_headings(events)
}

/// The first line of text from `at` (Text events up to a line break or any
/// other event), and the index after it.
fn line_at(events: &[Event<'_>], at: usize) -> (String, usize) {
    let mut line = String::new();
    let mut end = at;
    while let Some(Event::Text(t)) = events.get(end) {
        line.push_str(t);
        end += 1;
    }
    (line, end)
}

/// `[!NAME rest]` at the start of `line`: (name, rest inside the brackets,
/// the text after the marker).
fn marker(line: &str) -> Option<(&str, &str, &str)> {
    let inner = line.trim_start().strip_prefix("[!")?;
    let close = inner.find(']')?;
    let (head, after) = (&inner[..close], &inner[close + 1..]);
    let (name, rest) = head.split_once(' ').unwrap_or((head, ""));
    Some((name, rest.trim(), after))
}

fn alert_kind(name: &str) -> Option<BlockQuoteKind> {
    Some(match name.to_ascii_uppercase().as_str() {
        "NOTE" => BlockQuoteKind::Note,
        "TIP" => BlockQuoteKind::Tip,
        "IMPORTANT" => BlockQuoteKind::Important,
        "WARNING" => BlockQuoteKind::Warning,
        "CAUTION" => BlockQuoteKind::Caution,
        _ => return None,
    })
}

/// Plain blockquotes that open with a DocFX marker pulldown-cmark does not
/// know: an alert with text on its marker's line, `[!div class="x"]`
/// (a styled container) and `[!VIDEO url]` (an embedded player).
fn blockquote_markers<'a>(events: Vec<Event<'a>>, lang: &str) -> Vec<Event<'a>> {
    // Each pass runs on every fragment of every view: one with nothing for
    // it is given back as it is, not copied.
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::BlockQuote(None))))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    // Per open blockquote: the HTML that closes it, when it was rewritten.
    let mut closers: Vec<Option<&'static str>> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::BlockQuote(None))
                if matches!(events.get(i + 1), Some(Event::Start(Tag::Paragraph))) =>
            {
                let (line, end) = line_at(&events, i + 2);
                match marker(&line).and_then(|m| rewrite_marker(m, lang)) {
                    Some((open, close, after)) => {
                        out.push(Event::Html(open.into()));
                        closers.push(Some(close));
                        out.push(Event::Start(Tag::Paragraph));
                        if !after.trim().is_empty() {
                            out.push(Event::Text(after.trim_start().to_owned().into()));
                        }
                        i = end;
                        // The marker's own line break starts the content.
                        if matches!(events.get(i), Some(Event::SoftBreak)) {
                            i += 1;
                        }
                        continue;
                    }
                    None => closers.push(None),
                }
            }
            Event::Start(Tag::BlockQuote(None)) => closers.push(None),
            Event::End(TagEnd::BlockQuote(None)) => {
                if let Some(Some(close)) = closers.pop() {
                    out.push(Event::Html(close.into()));
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
}

/// The HTML that opens and closes a marked blockquote, and the text left
/// on the marker's line.
fn rewrite_marker(
    (name, rest, after): (&str, &str, &str),
    lang: &str,
) -> Option<(String, &'static str, String)> {
    if let Some(kind) = alert_kind(name) {
        let (class, title) = alert_label(kind, lang);
        let open = format!(
            "<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n"
        );
        return Some((open, "</div>\n", after.to_owned()));
    }
    match name.to_ascii_lowercase().as_str() {
        "div" => {
            let class = attribute(rest, "class").unwrap_or_default();
            let open = format!("<div class=\"docfx-div {}\">\n", escape_attr(&class));
            Some((open, "</div>\n", after.to_owned()))
        }
        "video" if !rest.is_empty() => {
            let open = format!(
                "<div class=\"docfx-video\"><iframe src=\"{}\" title=\"Video\" loading=\"lazy\" allowfullscreen></iframe>\n",
                escape_attr(rest)
            );
            Some((open, "</div>\n", after.to_owned()))
        }
        _ => None,
    }
}

/// Whether the event before `at` starts a line of a paragraph.
fn at_line_start(events: &[Event<'_>], at: usize) -> bool {
    at == 0
        || matches!(
            events[at - 1],
            Event::Start(_) | Event::SoftBreak | Event::HardBreak
        )
}

/// `:::name attributes:::` lines, and their ends.
fn directives<'a>(events: Vec<Event<'a>>, ctx: &Context<'_>) -> Vec<Event<'a>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.trim_start().starts_with(":::")))
    {
        return unwrap_lone_blocks(events);
    }
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let starts = matches!(&events[i], Event::Text(t) if t.trim_start().starts_with(":::"));
        if !(starts && at_line_start(&events, i)) {
            out.push(events[i].clone());
            i += 1;
            continue;
        }
        let (mut line, mut end) = line_at(&events, i);
        // An `:::image` whose attributes run over several lines.
        while !line.trim_end().ends_with(":::") && matches!(events.get(end), Some(Event::SoftBreak))
        {
            let (more, next) = line_at(&events, end + 1);
            line.push(' ');
            line.push_str(&more);
            end = next;
        }
        match directive(&line, ctx) {
            Some(html) => {
                if !matches!(&html, Event::InlineHtml(h) if h.is_empty()) {
                    out.push(html);
                }
                if matches!(events.get(end), Some(Event::SoftBreak)) {
                    end += 1;
                }
                i = end;
            }
            None => {
                out.extend(events[i..end].iter().cloned());
                i = end;
            }
        }
    }
    unwrap_lone_blocks(out)
}

/// The HTML of one directive line (empty for markers that show nothing),
/// `None` for a directive this pass does not know.
fn directive<'a>(line: &str, ctx: &Context<'_>) -> Option<Event<'a>> {
    let body = line.trim().trim_start_matches(':');
    let name_end = body
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(body.len());
    let name = &body[..name_end];
    let html = match name {
        "image" => return Some(Event::InlineHtml(image(line, ctx).into())),
        "code" => return Some(Event::Html(code(line, ctx).into())),
        "zone" => {
            let pivot = attribute(line, "pivot").unwrap_or_default();
            format!(
                "<span class=\"docfx-zone\" data-pivot=\"{0}\">{0}</span>",
                escape_attr(&pivot)
            )
        }
        "image-end" | "zone-end" | "row" | "row-end" | "column" | "column-end" => String::new(),
        _ => return None,
    };
    Some(Event::InlineHtml(html.into()))
}

/// A paragraph left empty by the directives, or holding only a block
/// (`:::code`), is not a paragraph.
fn unwrap_lone_blocks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let lone = |w: &[Event<'_>]| {
        matches!(w[0], Event::Start(Tag::Paragraph))
            && (matches!(w[1], Event::End(TagEnd::Paragraph))
                || (matches!(w[1], Event::Html(_))
                    && matches!(w.get(2), Some(Event::End(TagEnd::Paragraph)))))
    };
    if !(0..events.len().saturating_sub(1)).any(|i| lone(&events[i..])) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let para = matches!(events[i], Event::Start(Tag::Paragraph));
        let end = |at: usize| matches!(events.get(at), Some(Event::End(TagEnd::Paragraph)));
        if para && end(i + 1) {
            i += 2;
            continue;
        }
        if para && matches!(events.get(i + 1), Some(Event::Html(_))) && end(i + 2) {
            out.push(events[i + 1].clone());
            i += 3;
            continue;
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
}

/// `:::image type="content|complex|icon" source="…" alt-text="…"
/// lightbox="…" border="true":::` as an image: an icon is decorative, a
/// lightbox opens the larger image, a complex image's long description
/// follows it (up to `:::image-end:::`).
fn image(directive: &str, ctx: &Context<'_>) -> String {
    let source = attribute(directive, "source").unwrap_or_default();
    let kind = attribute(directive, "type").unwrap_or_else(|| "content".to_owned());
    let alt = if kind == "icon" {
        String::new()
    } else {
        super::docfx::decode_entities(&attribute(directive, "alt-text").unwrap_or_default())
    };
    let border = attribute(directive, "border").is_some_and(|b| b == "true");
    let class = match (kind.as_str(), border) {
        ("icon", _) => "docfx-image docfx-icon",
        (_, true) => "docfx-image docfx-border",
        _ => "docfx-image",
    };
    let role = if kind == "icon" {
        " role=\"presentation\""
    } else {
        ""
    };
    let img = format!(
        "<img class=\"{class}\" src=\"{}\" alt=\"{}\"{role} loading=\"lazy\">",
        escape_attr(&ctx.links.media(&source)),
        escape_attr(&alt)
    );
    match attribute(directive, "lightbox") {
        Some(large) => format!(
            "<a class=\"docfx-lightbox\" href=\"{}\">{img}</a>",
            escape_attr(&ctx.links.media(&large))
        ),
        None => img,
    }
}

/// `:::code source="file" language="x" range="2-5,9" id="tag":::` as the
/// highlighted lines of that file (a region `id` between `<tag>` and
/// `</tag>` comment markers), or a visible note when it cannot be read.
fn code(directive: &str, ctx: &Context<'_>) -> String {
    let source = attribute(directive, "source").unwrap_or_default();
    let language = attribute(directive, "language").unwrap_or_default();
    let text = ctx
        .includes
        .ok_or_else(|| format!("code `{source}` is not resolved here"))
        .and_then(|inc| inc.code(ctx.links.page(), &source));
    match text {
        Ok(text) => {
            let text = match attribute(directive, "id") {
                Some(id) => region(&text, &id),
                None => text,
            };
            let text = match attribute(directive, "range") {
                Some(range) => lines_in(&text, &range),
                None => text,
            };
            ctx.highlight(&text, &language)
        }
        Err(message) => super::markdown::failure_note(&message),
    }
}

/// The lines between the lines that name `<id>` and `</id>` (DocFX code
/// regions, in any comment syntax); all of `text` without them.
fn region(text: &str, id: &str) -> String {
    let open = format!("<{id}>");
    let close = format!("</{id}>");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.contains(&open));
    let end = lines.iter().position(|l| l.contains(&close));
    match (start, end) {
        (Some(s), Some(e)) if s < e => lines[s + 1..e].join("\n") + "\n",
        _ => text.to_owned(),
    }
}

/// The lines of `range` (`2-5,9`, 1-based, `7-` to the end).
fn lines_in(text: &str, range: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for part in range.split(',') {
        let (from, to) = part.split_once('-').unwrap_or((part, part));
        let from = from.trim().parse::<usize>().unwrap_or(1).max(1);
        let to = to
            .trim()
            .parse::<usize>()
            .unwrap_or(lines.len())
            .min(lines.len());
        for line in lines.iter().take(to).skip(from - 1) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `# [Linux](#tab/linux)`: a tab's title as its heading (the link leads
/// nowhere outside DocFX's tab script), marked with the tab's id.
fn tab_headings(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events.iter().any(
        |e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with("#tab/")),
    ) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut in_tab = false;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url.starts_with("#tab/")
                    && matches!(
                        i.checked_sub(1).map(|p| &events[p]),
                        Some(Event::Start(Tag::Heading { .. }))
                    ) =>
            {
                in_tab = true;
                out.push(Event::InlineHtml(
                    format!(
                        "<span class=\"docfx-tab\" data-tab=\"{}\">",
                        escape_attr(&dest_url["#tab/".len()..])
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::Link) if in_tab => {
                in_tab = false;
                out.push(Event::InlineHtml("</span>".into()));
            }
            other => out.push(other.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::markdown::{render_row, IncludeSource, LinkRewriter, Mode};
    use super::*;
    use crate::model::{Document, Side};

    /// Links and media as written; one code file.
    struct Plain;

    impl LinkRewriter for Plain {
        fn link(&self, url: &str) -> Option<String> {
            Some(url.to_owned())
        }
        fn media(&self, url: &str) -> String {
            url.to_owned()
        }
    }

    impl IncludeSource for Plain {
        fn load(&self, _from: &str, href: &str) -> Result<Document, String> {
            Err(format!("no include {href}"))
        }
        fn code(&self, _from: &str, href: &str) -> Result<String, String> {
            match href {
                "~/src/a.cs" => {
                    Ok("using X;\n// <main>\nint a = 1;\nint b = 2;\n// </main>\n".into())
                }
                _ => Err(format!("code `{href}` not found")),
            }
        }
    }

    /// A page rendered in the target reading view.
    fn render(markdown: &str) -> String {
        let doc = crate::read_document("p.md", markdown);
        let ctx = Context {
            links: &Plain,
            target_lang: "pt-BR",
            source_lang: "en-US",
            includes: Some(&Plain),
            include_stack: Default::default(),
            sanitize: true,
            parsed: Default::default(),
            highlighted: Default::default(),
        };
        doc.blocks
            .iter()
            .map(|b| render_row(&doc, b, Mode::Reading(Side::Target), &ctx))
            .collect()
    }

    #[test]
    fn alerts_in_every_spelling() {
        for text in [
            "> [!NOTE]\n> Texto.\n",
            ">[!Note]\n>Texto.\n",
            " > [!note]\n > Texto.\n",
            "> [!NOTE] Texto.\n",
        ] {
            let html = render(text);
            assert!(
                html.contains("class=\"alert alert-note\""),
                "{text}: {html}"
            );
            assert!(html.contains("<p>Texto.</p>"), "{text}: {html}");
            assert!(!html.contains("[!"), "{text}: {html}");
        }
        let html = render(">[!Important]\n>Texto.\n");
        assert!(
            html.contains("alert-important") && html.contains("Importante"),
            "{html}"
        );
    }

    #[test]
    fn div_and_video_markers() {
        let html = render("> [!div class=\"nextstepaction\"]\n> [Next](next.md)\n");
        assert!(
            html.contains("<div class=\"docfx-div nextstepaction\">"),
            "{html}"
        );
        assert!(html.contains("<a href=\"next.md\">Next</a>"), "{html}");
        assert!(!html.contains("blockquote"), "{html}");
        let html = render("> [!VIDEO https://www.youtube.com/embed/x]\n");
        assert!(
            html.contains("<iframe src=\"https://www.youtube.com/embed/x\" title=\"Video\""),
            "{html}"
        );
        // An ordinary quote stays a quote.
        assert!(render("> Just a quote.\n").contains("<blockquote>"));
    }

    #[test]
    fn image_types_lightbox_and_long_description() {
        let html = render(
            ":::image type=\"content\" source=\"media/a.png\" alt-text=\"Um a\" lightbox=\"media/a-big.png\" border=\"true\":::\n",
        );
        assert!(
            html.contains("<a class=\"docfx-lightbox\" href=\"media/a-big.png\"><img class=\"docfx-image docfx-border\" src=\"media/a.png\" alt=\"Um a\""),
            "{html}"
        );
        let html = render(":::image type=\"icon\" source=\"media/i.svg\":::\n");
        assert!(html.contains("alt=\"\" role=\"presentation\""), "{html}");
        let html = render(
            ":::image type=\"complex\" source=\"media/c.png\" alt-text=\"Curto\":::\nA longa descrição.\n:::image-end:::\n",
        );
        assert!(html.contains("alt=\"Curto\""), "{html}");
        assert!(html.contains("A longa descrição."), "{html}");
        assert!(!html.contains(":::"), "{html}");
        // Attributes over several lines.
        let html = render(":::image type=\"content\"\nsource=\"media/m.png\"\nalt-text=\"M\":::\n");
        assert!(html.contains("src=\"media/m.png\" alt=\"M\""), "{html}");
    }

    #[test]
    fn code_shows_the_file_region_or_range() {
        let html = render(":::code language=\"csharp\" source=\"~/src/a.cs\" id=\"main\":::\n");
        assert!(html.contains("<pre class=\"code\""), "{html}");
        assert!(
            html.contains(">a</span>") && !html.contains("using"),
            "{html}"
        );
        assert!(
            !html.contains("<p><pre"),
            "a code block is no paragraph: {html}"
        );
        let html = render(":::code language=\"csharp\" source=\"~/src/a.cs\" range=\"1\":::\n");
        assert!(
            html.contains("using") && !html.contains(">a</span>"),
            "{html}"
        );
        let html = render(":::code source=\"~/src/missing.cs\":::\n");
        assert!(html.contains("class=\"include-error\""), "{html}");
    }

    #[test]
    fn zones_rows_and_columns_keep_their_content_in_order() {
        let html = render(
            ":::zone pivot=\"windows\"\n\nNo Windows.\n\n:::zone-end\n\n:::row:::\n   :::column:::\n      Coluna um.\n   :::column-end:::\n:::row-end:::\n",
        );
        assert!(html.contains("data-pivot=\"windows\""), "{html}");
        assert!(
            html.contains("No Windows.") && html.contains("Coluna um."),
            "{html}"
        );
        assert!(!html.contains(":::"), "{html}");
    }

    #[test]
    fn tab_headings_name_their_tab() {
        let html = render(
            "# [Linux](#tab/linux)\n\nComando.\n\n# [Windows](#tab/windows)\n\nOutro.\n\n---\n",
        );
        assert!(
            html.contains("<span class=\"docfx-tab\" data-tab=\"linux\">Linux</span>"),
            "{html}"
        );
        assert!(!html.contains("href=\"#tab/"), "{html}");
    }
}
