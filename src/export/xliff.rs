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
use super::{note_text, ExportOptions, UniqueIds, Unit};
use crate::diagnostic::Severity;
use crate::review::Verdict;
use quick_xml::events::{BytesEnd, Event};
use quick_xml::Writer;
use std::io::{self, Write};

const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Writes `units` as one XLIFF document. Fails when there are none: the
/// schema requires at least one `file` holding at least one `unit`.
pub(crate) fn write(
    units: &[Unit],
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if units.is_empty() {
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
            ("trgLang", target_language(units, options)),
            ("xml:space", "preserve"),
        ],
    );
    w.write_event(Event::Start(root))?;
    let mut file_ids = UniqueIds::default();
    for page in units.chunk_by(|a, b| a.file == b.file) {
        let original = page.first().map_or("", |u| u.file);
        let id = file_ids.claim(nmtoken(original));
        write_file(&mut w, page, &id, original)?;
    }
    w.write_event(Event::End(BytesEnd::new("xliff")))?;
    writeln!(w.get_mut())
}

/// `trgLang` is one per document: the pages' language when they agree (as
/// in a docset), else the site's target locale.
fn target_language<'a>(units: &[Unit<'a>], options: &ExportOptions<'a>) -> &'a str {
    let first = units
        .first()
        .map_or(options.target_locale, |u| u.target_locale);
    if units.iter().all(|u| u.target_locale == first) {
        first
    } else {
        options.target_locale
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
    use super::*;

    fn xliff(units: &[Unit]) -> String {
        let mut out = Vec::new();
        write(units, &OPTIONS, &mut out).unwrap();
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
        assert!(write(&[], &OPTIONS, &mut Vec::new()).is_err());
    }
}
