//! TMX 1.4b: the translation-memory format every CAT tool imports. One `tu`
//! per segment; the markdown of each side is kept as plain text (escaped),
//! which is what `datatype="plaintext"` promises TMX readers.

use super::xml::{declaration, start, text_element};
use super::{note_text, tuid_base, ExportOptions, Stream, UniqueIds, Unit};
use quick_xml::events::{BytesEnd, Event};
use quick_xml::Writer;
use std::io::{self, Write};

/// A TMX document being written: one `tu` per unit, in one `body`.
pub(crate) struct Tmx<'a> {
    w: Writer<io::BufWriter<&'a mut dyn Write>>,
    /// `tuid`s, unique across the document.
    ids: UniqueIds,
    source_locale: &'a str,
}

impl<'a> Tmx<'a> {
    /// Writes the start of the document, up to the opening of `body`.
    pub(crate) fn begin(
        out: io::BufWriter<&'a mut dyn Write>,
        options: ExportOptions<'a>,
    ) -> io::Result<Tmx<'a>> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        declaration(&mut w)?;
        w.write_event(Event::Start(start("tmx", &[("version", "1.4")])))?;
        write_header(&mut w, &options)?;
        w.write_event(Event::Start(start("body", &[])))?;
        Ok(Tmx {
            w,
            ids: UniqueIds::default(),
            source_locale: options.source_locale,
        })
    }
}

impl Stream for Tmx<'_> {
    fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        for unit in units {
            let tuid = self.ids.claim(tuid_base(unit.file, unit.id));
            write_tu(&mut self.w, unit, &tuid, self.source_locale)?;
        }
        Ok(())
    }

    fn end(mut self: Box<Self>) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new("body")))?;
        self.w.write_event(Event::End(BytesEnd::new("tmx")))?;
        let out = self.w.get_mut();
        writeln!(out)?;
        out.flush()
    }
}

/// The header with every attribute the 1.4 DTD requires.
fn write_header<W: Write>(w: &mut Writer<W>, options: &ExportOptions) -> io::Result<()> {
    let header = start(
        "header",
        &[
            ("creationtool", "sxs"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "sentence"),
            ("o-tmf", "sxs"),
            ("adminlang", "en-US"),
            ("srclang", options.source_locale),
            ("datatype", "plaintext"),
        ],
    );
    w.write_event(Event::Empty(header))
}

/// One `tu`: findings as `note`s, the place as `prop`s, then both sides.
/// Both `tuv`s are always written (empty when a side is missing) so that
/// readers never take the target for the source.
fn write_tu<W: Write>(w: &mut Writer<W>, unit: &Unit, tuid: &str, srclang: &str) -> io::Result<()> {
    w.write_event(Event::Start(start("tu", &[("tuid", tuid)])))?;
    for note in &unit.notes {
        text_element(w, "note", &[], &note_text(note))?;
    }
    text_element(w, "prop", &[("type", "x-file")], unit.file)?;
    text_element(w, "prop", &[("type", "x-line")], &unit.line.to_string())?;
    text_element(w, "prop", &[("type", "x-kind")], unit.kind)?;
    write_tuv(w, srclang, unit.source)?;
    write_tuv(w, unit.target_locale, unit.target)?;
    w.write_event(Event::End(BytesEnd::new("tu")))
}

fn write_tuv<W: Write>(w: &mut Writer<W>, lang: &str, text: &str) -> io::Result<()> {
    w.write_event(Event::Start(start("tuv", &[("xml:lang", lang)])))?;
    text_element(w, "seg", &[], text)?;
    w.write_event(Event::End(BytesEnd::new("tuv")))
}

#[cfg(test)]
mod tests {
    use super::super::test_units::{sample, OPTIONS};
    use super::super::xml::texts_of;
    use super::super::{write_units, Format};
    use super::*;

    fn tmx(units: &[Unit]) -> String {
        let mut out = Vec::new();
        write_units(Format::Tmx, units, &OPTIONS, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_text_round_trips_as_well_formed_xml() {
        let pages = sample();
        let units = super::super::units(&pages, &OPTIONS);
        let xml = tmx(&units);
        let segs = texts_of(&xml, "seg");
        assert_eq!(segs.len(), units.len() * 2);
        assert_eq!(segs[0], "Use <b> & \"quotes\" \u{FFFD} **now**");
        assert_eq!(segs[1], "Use <b> & \"aspas\" \u{FFFD} **já**");
        assert_eq!(segs[3], "Pague 4, depois\r\nespere");
        assert!(xml.contains("<header creationtool=\"sxs\""));
        assert!(xml.contains("xml:lang=\"pt-BR\""));
    }

    #[test]
    fn tuids_are_unique_and_notes_carry_findings() {
        let pages = sample();
        let units = super::super::units(&pages, &OPTIONS);
        let xml = tmx(&units);
        assert!(xml.contains("tuid=\"a/page.md#abc-1\""));
        assert!(xml.contains("tuid=\"a/page.md#abc-2\""));
        assert!(xml.contains("tuid=\"a/page.md#abc-2_2\""));
        assert!(xml.contains("tuid=\"b.md#abc-1\""));
        let notes = texts_of(&xml, "note");
        let warning = "warning[numbers]: 3 became 4";
        assert_eq!(
            notes,
            [warning, warning, "error[empty]: the target is empty"]
        );
    }
}
