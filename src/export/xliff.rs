//! XLIFF 2.1: the interchange format of current CAT tools. XLIFF 2.1 keeps
//! the 2.0 core namespace and only changes `version`, whose type the 2.0
//! core XSD leaves open, so the output validates against
//! `xliff-core-2.0.xsd` while declaring `version="2.1"`.
//!
//! One `file` per page (`original` = its path), one `unit` per segment with
//! one `segment`. `state` comes from the segment's [`Verdict`]: `final` when
//! it has no findings, `translated` when it needs review (warnings, or an
//! unreviewed machine-translated page), `initial` when it is blocked by
//! errors or has no target. Findings go into the unit's `notes`.

use super::xml::{declaration, start, text_element};
use super::{note_text, ExportOptions, Stream, Summary, UniqueIds, Unit};
use crate::diagnostic::Severity;
use crate::review::Verdict;
use quick_xml::events::{BytesEnd, Event};
use quick_xml::Writer;
use std::io::{self, Write};

const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// An XLIFF document being written: one `file` per page.
pub(crate) struct Xliff<'a> {
    w: Writer<io::BufWriter<&'a mut dyn Write>>,
    /// `file` ids, unique across the document.
    file_ids: UniqueIds,
}

impl<'a> Xliff<'a> {
    /// Writes the start of the document. Fails, writing nothing, when
    /// `summary` has no units: the schema requires at least one `file`
    /// holding at least one `unit`.
    pub(crate) fn begin(
        out: io::BufWriter<&'a mut dyn Write>,
        options: &ExportOptions,
        summary: &Summary,
    ) -> io::Result<Xliff<'a>> {
        if summary.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "nothing to export: an XLIFF file needs at least one segment (check --folder and --only-flagged)",
            ));
        }
        let mut w = Writer::new_with_indent(out, b' ', 2);
        declaration(&mut w)?;
        let root = start(
            "xliff",
            &[
                ("xmlns", NAMESPACE),
                ("version", "2.1"),
                ("srcLang", options.source_locale),
                ("trgLang", summary.target_language(options)),
                ("xml:space", "preserve"),
            ],
        );
        w.write_event(Event::Start(root))?;
        Ok(Xliff {
            w,
            file_ids: UniqueIds::default(),
        })
    }
}

impl Stream for Xliff<'_> {
    fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        let Some(first) = units.first() else {
            return Ok(());
        };
        let id = self.file_ids.claim(nmtoken(first.file));
        write_file(&mut self.w, units, &id, first.file)
    }

    fn end(mut self: Box<Self>) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new("xliff")))?;
        let out = self.w.get_mut();
        writeln!(out)?;
        out.flush()
    }
}

/// One page's `file` element; `units` (the page's) is not empty.
fn write_file<W: Write>(
    w: &mut Writer<W>,
    units: &[Unit],
    id: &str,
    original: &str,
) -> io::Result<()> {
    w.write_event(Event::Start(start(
        "file",
        &[("id", id), ("original", original)],
    )))?;
    let mut unit_ids = UniqueIds::default();
    for unit in units {
        write_unit(w, unit, &unit_ids.claim(nmtoken(unit.id)))?;
    }
    w.write_event(Event::End(BytesEnd::new("file")))
}

fn write_unit<W: Write>(w: &mut Writer<W>, unit: &Unit, id: &str) -> io::Result<()> {
    let kind = format!("sxs:{}", unit.kind);
    let attrs = [("id", id), ("name", unit.id), ("type", kind.as_str())];
    w.write_event(Event::Start(start("unit", &attrs)))?;
    write_notes(w, unit)?;
    let has_target = !unit.target.is_empty();
    w.write_event(Event::Start(start(
        "segment",
        &[("state", state(unit.verdict, has_target))],
    )))?;
    text_element(w, "source", &[], unit.source)?;
    if has_target {
        text_element(w, "target", &[], unit.target)?;
    }
    w.write_event(Event::End(BytesEnd::new("segment")))?;
    w.write_event(Event::End(BytesEnd::new("unit")))
}

/// Findings as notes: `category` is the check code, errors get the highest
/// priority (1) so that CAT tools list them first.
fn write_notes<W: Write>(w: &mut Writer<W>, unit: &Unit) -> io::Result<()> {
    if unit.notes.is_empty() {
        return Ok(());
    }
    w.write_event(Event::Start(start("notes", &[])))?;
    for note in &unit.notes {
        let priority = match note.severity {
            Severity::Error => "1",
            Severity::Warning => "5",
            Severity::Info => "9",
        };
        let attrs = [("category", note.code.as_str()), ("priority", priority)];
        text_element(w, "note", &attrs, &note_text(note))?;
    }
    w.write_event(Event::End(BytesEnd::new("notes")))
}

/// The XLIFF state of a segment (see the module documentation).
fn state(verdict: Verdict, has_target: bool) -> &'static str {
    match verdict {
        _ if !has_target => "initial",
        Verdict::Ready => "final",
        Verdict::Review => "translated",
        Verdict::Blocked => "initial",
    }
}

/// An `xs:NMTOKEN` made from `text`: ASCII letters, digits, `.`, `-` and `_`
/// kept, anything else `_` (never empty). Page paths and segment ids become
/// `file` and `unit` ids this way.
pub(crate) fn nmtoken(text: &str) -> String {
    let token: String = text
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' => c,
            _ => '_',
        })
        .collect();
    if token.is_empty() {
        "_".to_owned()
    } else {
        token
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_units::{sample, OPTIONS};
    use super::super::xml::texts_of;
    use super::super::{write_units, Format};
    use super::*;

    fn xliff(units: &[Unit]) -> String {
        let mut out = Vec::new();
        write_units(Format::Xliff, units, &OPTIONS, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_file_per_page_and_one_unit_per_segment() {
        let pages = sample();
        let xml = xliff(&super::super::units(&pages, &OPTIONS));
        assert_eq!(xml.matches("<file ").count(), 2);
        assert_eq!(xml.matches("<unit ").count(), 4);
        assert!(xml.contains("<file id=\"a_page.md\" original=\"a/page.md\">"));
        assert!(xml.contains("<unit id=\"abc-2_2\" name=\"abc-2\""));
        assert!(xml.contains("version=\"2.1\" srcLang=\"en-US\" trgLang=\"pt-BR\""));
    }

    #[test]
    fn text_survives_escaping() {
        let pages = sample();
        let units = super::super::units(&pages, &OPTIONS);
        let xml = xliff(&units);
        let sources = texts_of(&xml, "source");
        assert_eq!(sources.len(), 4);
        assert_eq!(sources[0], "Use <b> & \"quotes\" \u{FFFD} **now**");
        assert_eq!(texts_of(&xml, "target")[1], "Pague 4, depois\r\nespere");
    }

    #[test]
    fn state_comes_from_the_verdict() {
        let pages = sample();
        let xml = xliff(&super::super::units(&pages, &OPTIONS));
        let states: Vec<&str> = xml
            .match_indices("state=\"")
            .map(|(i, _)| &xml[i + 7..i + 12])
            .collect();
        assert_eq!(states, ["final", "trans", "trans", "initi"]);
        assert_eq!(
            texts_of(&xml, "target").len(),
            3,
            "no target element for an empty target"
        );
        assert!(xml.contains("<note category=\"empty\" priority=\"1\">error[empty]"));
    }

    #[test]
    fn ids_are_nmtokens() {
        assert_eq!(nmtoken("docs/a b.md"), "docs_a_b.md");
        assert_eq!(nmtoken("ção"), "__o");
        assert_eq!(nmtoken(""), "_");
    }

    #[test]
    fn nothing_to_export_is_an_error() {
        let mut out = Vec::new();
        assert!(write_units(Format::Xliff, &[], &OPTIONS, &mut out).is_err());
        assert!(out.is_empty(), "nothing written");
    }
}
