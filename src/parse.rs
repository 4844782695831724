//! Stage 2, **parse**: frontmatter plus the pulldown-cmark event stream of the
//! body, with byte offsets into the whole file.

use crate::diagnostic::Diagnostic;
use crate::yaml::{self, FrontMatter};
use pulldown_cmark::{Event, Options, Parser};
use std::collections::HashMap;
use std::ops::Range;

/// The only place parser options are chosen, so a page and each segment inside
/// it are read by the same rules.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

/// A page read but not yet aligned. Borrows the file text.
#[derive(Debug)]
pub struct Parsed<'a> {
    /// The frontmatter, empty when there is none or it cannot be read.
    pub meta: FrontMatter,
    /// Byte offset of the body (after the frontmatter) in the file text.
    pub body_start: usize,
    /// Body events with ranges in file offsets.
    pub events: Vec<(Event<'a>, Range<usize>)>,
    /// Link reference definitions (`[label]: url "title"`), by lowercase
    /// label, so segment text that uses `[text][label]` renders too.
    pub refs: LinkRefs,
    /// Frontmatter problems (unreadable YAML, a bad locale).
    pub diagnostics: Vec<Diagnostic>,
}

/// Link reference definitions: label (lowercase) -> (url, title).
pub type LinkRefs = HashMap<String, (String, String)>;

/// Parses one file's text (`rel` names it in diagnostics).
pub fn parse<'a>(rel: &str, text: &'a str) -> Parsed<'a> {
    let (meta, body_start, diagnostics) = yaml::parse_frontmatter(text, rel);
    let body = &text[body_start..];
    let parser = Parser::new_ext(body, options());
    let refs = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| {
            let title = def.title.as_deref().unwrap_or_default().to_owned();
            (label.to_lowercase(), (def.dest.to_string(), title))
        })
        .collect();
    let events = parser
        .into_offset_iter()
        .map(|(event, range)| (event, range.start + body_start..range.end + body_start))
        .collect();
    Parsed {
        meta,
        body_start,
        events,
        refs,
        diagnostics,
    }
}

/// A character that cannot start a markdown block, put before segment text so
/// that inline text such as `1. Introdução` or `# 5` is not read as a list or a
/// heading. It is removed again from the output. A no-break space, because
/// it is Unicode whitespace for emphasis rules, as the start of a line is: a
/// segment starting `**“Note”**` or `*(x)*` is still bold or italic.
pub const INLINE_GUARD: char = '\u{A0}';

/// Parses a segment's inner markdown as inline content: the events between
/// the paragraph's start and end. References resolve against the page's.
pub fn inline_events(markdown: &str, refs: &LinkRefs) -> Vec<Event<'static>> {
    if !has_markup(markdown) {
        // What the parser gives such text: one text, its final spaces
        // stripped as a paragraph's are.
        let text = markdown.trim_end_matches([' ', '\t']);
        return match text.is_empty() {
            true => Vec::new(),
            false => vec![Event::Text(text.to_owned().into())],
        };
    }
    let guarded = format!("{INLINE_GUARD}{markdown}");
    let mut callback = |link: pulldown_cmark::BrokenLink<'_>| {
        refs.get(&link.reference.to_lowercase())
            .map(|(url, title)| (url.clone().into(), title.clone().into()))
    };
    let events: Vec<Event<'static>> =
        Parser::new_with_broken_link_callback(&guarded, options(), Some(&mut callback))
            .map(Event::into_static)
            .collect();
    strip_guard(events)
}

fn strip_guard(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    use pulldown_cmark::{Tag, TagEnd};
    let mut out = Vec::with_capacity(events.len());
    let mut guard_removed = false;
    let single_paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .count()
            == 1;
    let n = events.len();
    for (i, event) in events.into_iter().enumerate() {
        if single_paragraph && (i == 0 || i == n - 1) {
            continue;
        }
        match event {
            Event::Text(text) if !guard_removed && text.contains(INLINE_GUARD) => {
                guard_removed = true;
                let rest = text.replacen(INLINE_GUARD, "", 1);
                if !rest.is_empty() {
                    out.push(Event::Text(rest.into()));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Could `text` hold inline markup: a character that opens or escapes
/// some, or a second line (where a block could start)? Most segments are
/// one line of words and read as written, and a parser for each of them
/// cost a tenth of a build.
fn has_markup(text: &str) -> bool {
    // NUL (the parser writes U+FFFD for it) and the vertical tab and form
    // feed (whitespace the parser strips at the end) go to the parser too.
    text.contains([
        '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '!', '|', '\n', '\r', '\0', '\x0b',
        '\x0c',
    ])
}

/// `event` borrowing its text from `owned`: events parsed once and kept
/// (see [`crate::render::context::Parsed`]) are shown again without a copy
/// of their text. The rare events that are not text, code, HTML or a link
/// are cloned.
pub fn reborrow<'a>(owned: &'a Event<'_>) -> Event<'a> {
    use pulldown_cmark::{CowStr, Tag};
    let borrow = |s: &'a CowStr<'_>| CowStr::Borrowed(s);
    match owned {
        Event::Text(t) => Event::Text(borrow(t)),
        Event::Code(t) => Event::Code(borrow(t)),
        Event::Html(t) => Event::Html(borrow(t)),
        Event::InlineHtml(t) => Event::InlineHtml(borrow(t)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type: *link_type,
            dest_url: borrow(dest_url),
            title: borrow(title),
            id: borrow(id),
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type: *link_type,
            dest_url: borrow(dest_url),
            title: borrow(title),
            id: borrow(id),
        }),
        other => other.clone(),
    }
}

/// The readable text of inline markdown: markup, tags and link targets
/// dropped, whitespace collapsed. Used by checks, decisions and search.
pub fn plain_text(markdown: &str) -> String {
    let refs = LinkRefs::new();
    let mut text = String::with_capacity(markdown.len());
    for event in inline_events(markdown, &refs) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_markup_gives_the_parsers_events() {
        let words = [
            "Veja",
            "\0",
            "\x0b",
            "\x0c",
            "\u{FEFF}",
            "\u{2028}",
            "isto",
            "a_b",
            "*x*",
            "[l](u)",
            "<b>",
            "&amp;",
            "`c`",
            "~~s~~",
            "\\*",
            "1.",
            "#",
            "-",
            "+",
            ">",
            "|",
            "=",
            "\n",
            "\n===",
            "\n- x",
            "  ",
            "\t",
            "\u{A0}",
            "é",
            "!",
            "[^1]",
            "https://x.y",
            "<https://x.y>",
            "10:30",
            "\"q\"",
            "'s",
            "",
        ];
        let refs = LinkRefs::new();
        let parsed = |text: &str| {
            let guarded = format!("{INLINE_GUARD}{text}");
            strip_guard(
                Parser::new_ext(&guarded, options())
                    .map(Event::into_static)
                    .collect(),
            )
        };
        let mut fast = 0;
        // Every text of two of these words and an ending, in every order.
        for a in words {
            for b in words {
                for end in ["", " ", " fim", "\t", "\n", "*"] {
                    let text = format!("{a} {b}{end}");
                    if !has_markup(&text) {
                        fast += 1;
                        assert_eq!(inline_events(&text, &refs), parsed(&text), "{text:?}");
                    }
                }
            }
        }
        assert!(fast > 500, "{fast}");
        assert!(has_markup("a\n==="));
        assert_eq!(plain_text("**a**  b"), "a b");
    }

    #[test]
    fn inline_text_is_never_a_block() {
        let refs = LinkRefs::new();
        for text in ["1. Introdução", "# 5", "- item", "> quote", "    code"] {
            let events = inline_events(text, &refs);
            assert!(
                events
                    .iter()
                    .all(|e| matches!(e, Event::Text(_) | Event::Code(_))),
                "{text}: {events:?}"
            );
        }
    }

    #[test]
    fn emphasis_may_open_a_segment_before_punctuation() {
        let refs = LinkRefs::new();
        for text in [
            "**“Sem detalhes”** aqui",
            "*(Estes termos)*",
            "**[Limite]** x",
        ] {
            let events = inline_events(text, &refs);
            assert!(
                matches!(
                    events.first(),
                    Some(Event::Start(
                        pulldown_cmark::Tag::Strong | pulldown_cmark::Tag::Emphasis
                    ))
                ),
                "{text}: {events:?}"
            );
        }
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("**Aplica-se a** [o `Partner Center`](x.md) <b>já</b>"),
            "Aplica-se a o Partner Center já"
        );
    }

    #[test]
    fn reference_links_resolve_against_the_page() {
        let mut refs = LinkRefs::new();
        refs.insert("doc".into(), ("https://example.com".into(), String::new()));
        let events = inline_events("ver [aqui][doc]", &refs);
        assert!(events.iter().any(|e| matches!(
            e,
            Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://example.com"
        )));
    }

    #[test]
    fn events_carry_file_offsets() {
        let text = "---\ntitle: x\n---\nHello\n";
        let parsed = parse("p.md", text);
        let hello = parsed
            .events
            .iter()
            .find(|(e, _)| matches!(e, Event::Text(_)))
            .unwrap();
        assert_eq!(&text[hello.1.clone()], "Hello");
    }
}
