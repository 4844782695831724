//! Reading the XML exports back: quick-xml events with the line and column
//! of each, and the text of an element with its entities resolved. Malformed
//! XML is an error for the whole file (nothing in it can be trusted); what an
//! element means is left to the format's reader.

use super::Problem;
use crate::diagnostic::LineIndex;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// An XML document being read, event by event.
pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    index: LineIndex,
    /// Byte offset where the last event read starts.
    start: usize,
    /// The version the declaration states (1.0 without one): line ends in
    /// text are normalized by its rules.
    version: XmlVersion,
}

/// The text of an element, and the names of the elements inside it.
#[derive(Debug, Default)]
pub(super) struct Content {
    pub text: String,
    pub inline: Vec<String>,
}

impl Content {
    pub(super) fn append(&mut self, other: Content) {
        self.text.push_str(&other.text);
        self.inline.extend(other.inline);
    }
}

/// The local name of an element (`xliff` for `<x:xliff>`), as text.
pub(super) fn name(e: &BytesStart) -> String {
    e.local_name().as_ref().to_owned()
}

impl<'a> Xml<'a> {
    pub(super) fn new(text: &'a str) -> Xml<'a> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Xml {
            reader,
            text,
            index: LineIndex::new(text),
            start: 0,
            version: XmlVersion::Implicit1_0,
        }
    }

    /// Line and column where the last event read starts.
    pub(super) fn at(&self) -> (usize, usize) {
        self.index.position(self.text, self.start)
    }

    /// A problem at the last event read.
    pub(super) fn problem(&self, message: impl Into<String>) -> Problem {
        Problem::new(self.at(), message)
    }

    /// The next event; malformed XML is an error.
    pub(super) fn next(&mut self) -> Result<Event<'a>, Problem> {
        self.start = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        let event = self.reader.read_event().map_err(|e| {
            let offset = usize::try_from(self.reader.error_position()).unwrap_or(self.start);
            Problem::new(
                self.index.position(self.text, offset),
                format!("not well-formed XML: {e}; was the file saved by a tool that damaged it?"),
            )
        })?;
        if let Event::Decl(decl) = &event {
            self.version = decl
                .xml_version()
                .map_err(|e| self.problem(format!("bad XML declaration: {e}")))?;
        }
        Ok(event)
    }

    /// The root element, after the declaration, comments and whitespace.
    pub(super) fn root(&mut self) -> Result<BytesStart<'a>, Problem> {
        loop {
            match self.next()? {
                Event::Start(e) | Event::Empty(e) => return Ok(e),
                Event::Eof => return Err(self.problem("the file holds no XML element")),
                _ => {}
            }
        }
    }

    /// The value of attribute `key` of `e`, unescaped.
    pub(super) fn attr(&self, e: &BytesStart, key: &str) -> Result<Option<String>, Problem> {
        let bad = |err: &dyn std::fmt::Display| self.problem(format!("bad attribute {key}: {err}"));
        match e.try_get_attribute(key) {
            Ok(Some(a)) => a
                .normalized_value(self.version)
                .map(|v| Some(v.into_owned()))
                .map_err(|err| bad(&err)),
            Ok(None) => Ok(None),
            Err(err) => Err(bad(&err)),
        }
    }

    /// Skips the rest of the element `e` (its start was the last event).
    pub(super) fn skip(&mut self, e: &BytesStart) -> Result<(), Problem> {
        let end = e.name().as_ref().to_owned();
        self.reader
            .read_to_end(quick_xml::name::QName(&end))
            .map(|_| ())
            .map_err(|err| self.problem(format!("not well-formed XML: {err}")))
    }

    /// The text of the element whose start was the last event, up to its
    /// end. Elements inside it are inline codes: their names are recorded,
    /// their text kept, except XLIFF's `<cp hex="…"/>`, which is a character.
    pub(super) fn content(&mut self) -> Result<Content, Problem> {
        let mut content = Content::default();
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Event::Text(t) => content.text.push_str(&t.xml_content(self.version)),
                Event::CData(t) => content.text.push_str(&t.xml_content(self.version)),
                Event::GeneralRef(r) => content.text.push(self.reference(&r)?),
                Event::Empty(e) if name(&e) == "cp" => content.text.push(self.code_point(&e)?),
                Event::Empty(e) => content.inline.push(name(&e)),
                Event::Start(e) => {
                    content.inline.push(name(&e));
                    depth += 1;
                }
                Event::End(_) if depth == 0 => return Ok(content),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.problem("the file ends inside an element")),
                _ => {}
            }
        }
    }

    /// `&amp;`, `&#13;`…: the character an entity reference stands for.
    fn reference(&self, r: &BytesRef) -> Result<char, Problem> {
        if let Some(c) = r
            .resolve_char_ref()
            .map_err(|e| self.problem(e.to_string()))?
        {
            return Ok(c);
        }
        match &**r {
            "amp" => Ok('&'),
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "quot" => Ok('"'),
            "apos" => Ok('\''),
            other => Err(self.problem(format!("unknown entity &{other};"))),
        }
    }

    fn code_point(&self, e: &BytesStart) -> Result<char, Problem> {
        let hex = self.attr(e, "hex")?.unwrap_or_default();
        u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| self.problem(format!("<cp hex=\"{hex}\"/> is not a character")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_content(xml: &str) -> Content {
        let mut xml = Xml::new(xml);
        xml.root().unwrap();
        xml.content().unwrap()
    }

    #[test]
    fn text_with_references_and_line_ends() {
        let c =
            first_content("<a>x &amp; &lt;b&gt; &#13;\r\ny <![CDATA[<z>]]><cp hex=\"41\"/></a>");
        assert_eq!(c.text, "x & <b> \r\ny <z>A");
        assert!(c.inline.is_empty());
    }

    /// Line ends in text follow the declared version's rules: XML 1.1 also
    /// ends lines at U+2028, XML 1.0 (or no declaration) keeps it as text.
    #[test]
    fn line_ends_follow_the_declared_version() {
        let doc = |version: &str| format!("<?xml version=\"{version}\"?><a>x\u{2028}y\r\nz</a>");
        assert_eq!(first_content(&doc("1.0")).text, "x\u{2028}y\nz");
        assert_eq!(first_content(&doc("1.1")).text, "x\ny\nz");
        assert_eq!(first_content("<a>x\u{2028}y</a>").text, "x\u{2028}y");
    }

    /// Attribute values are normalized as XML says: a raw tab or line end
    /// is a space, a character reference to one is kept.
    #[test]
    fn attribute_values_are_normalized() {
        let mut xml = Xml::new("<a k=\"x\ty&#9;z\">t</a>");
        let root = xml.root().unwrap();
        assert_eq!(xml.attr(&root, "k").unwrap().as_deref(), Some("x y\tz"));
    }

    #[test]
    fn inline_elements_are_named() {
        let c = first_content("<seg>a <bpt i=\"1\">&lt;b&gt;</bpt>b<ph/></seg>");
        assert_eq!(c.inline, ["bpt", "ph"]);
        assert_eq!(c.text, "a <b>b");
    }

    #[test]
    fn malformed_xml_is_an_error_with_a_position() {
        let mut xml = Xml::new("<a>\n<b></c></a>");
        xml.root().unwrap();
        let err = xml.content().unwrap_err();
        assert_eq!(err.at.0, 2, "{err:?}");
        assert!(err.message.contains("not well-formed"), "{err:?}");
    }
}
