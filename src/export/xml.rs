//! Escaping shared by the XML formats. Segment text is markdown written by
//! people and may hold anything: `<`, `&`, stray control characters. The
//! exports must stay well-formed XML 1.0 whatever the input, so text goes
//! through these functions and never through the writer unescaped.

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;
use std::io::{self, Write};

/// Characters XML 1.0 cannot carry at all, not even as `&#N;`.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes `text` for element content. `\r` becomes `&#13;` (a literal one
/// would be normalized away by parsers); forbidden characters become U+FFFD.
pub(crate) fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Escapes `value` for a double-quoted attribute: as [`escape_text`], plus
/// quotes and the whitespace that attribute normalization would flatten.
pub(crate) fn escape_attr(value: &str) -> Cow<'_, str> {
    escape(value, true)
}

fn escape(text: &str, attr: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r')
            || is_forbidden(c)
            || (attr && matches!(c, '"' | '\n' | '\t'))
    };
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A start tag with its attributes escaped by [`escape_attr`].
pub(crate) fn start<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for (key, value) in attrs {
        tag.push_attribute(Attribute {
            key: QName(key),
            value: Cow::Owned(escape_attr(value).into_owned()),
        });
    }
    tag
}

/// `<name attrs>text</name>`.
pub(crate) fn text_element<W: Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    w.write_event(Event::Start(start(name, attrs)))?;
    w.write_event(Event::Text(BytesText::from_escaped(escape_text(text))))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// Writes the XML declaration.
pub(crate) fn declaration<W: Write>(w: &mut Writer<W>) -> io::Result<()> {
    w.get_mut()
        .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
}

/// Reads `xml` back and fails on anything that is not well-formed: the
/// tests' check that no input can break an export.
#[cfg(test)]
pub(crate) fn texts_of(xml: &str, element: &str) -> Vec<String> {
    use quick_xml::Reader;
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut texts, mut current): (Vec<String>, Option<String>) = (Vec::new(), None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == element => current = Some(String::new()),
            Ok(Event::Text(t)) => {
                if let Some(c) = current.as_mut() {
                    // The exports declare XML 1.0.
                    c.push_str(&t.xml_content(quick_xml::XmlVersion::Explicit1_0));
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(c) = current.as_mut() {
                    let ch = r.resolve_char_ref().ok().flatten();
                    c.push(ch.unwrap_or_else(|| match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        name => panic!("unknown entity {name}"),
                    }));
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == element => texts.extend(current.take()),
            Ok(Event::Eof) => return texts,
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at {}: {e}\n{xml}",
                reader.buffer_position()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape_text("a < b && c > d"),
            "a &lt; b &amp;&amp; c &gt; d"
        );
        assert_eq!(escape_text("**bold** `x`"), "**bold** `x`");
        assert!(matches!(escape_text("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        assert_eq!(
            escape_text("a\u{1}b\u{B}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(escape_text("line\r\nnext\ttab"), "line&#13;\nnext\ttab");
    }

    #[test]
    fn attributes_keep_quotes_and_whitespace() {
        assert_eq!(
            escape_attr("say \"hi\"\n\t<&>"),
            "say &quot;hi&quot;&#10;&#9;&lt;&amp;&gt;"
        );
    }
}
