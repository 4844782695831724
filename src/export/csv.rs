//! CSV in Translate Toolkit's layout (`csv2po` and Weblate read it):
//! `location,source,target,id,context,translator_comments`. RFC 4180 with
//! every field quoted and CRLF line ends; quoting every field also lets
//! readers that sniff the dialect (Translate Toolkit does) find it.

use super::{note_text, tuid_base, Stream, UniqueIds, Unit};
use std::io::{self, Write};

const HEADER: [&str; 6] = [
    "location",
    "source",
    "target",
    "id",
    "context",
    "translator_comments",
];

/// A CSV file being written: the header row, then one row per unit. `id`
/// is unique (`file#segment-id`, as the TMX `tuid`), `context` is the block
/// kind, `translator_comments` holds the findings, one per line.
pub(crate) struct Csv<'a> {
    w: ::csv::Writer<io::BufWriter<&'a mut dyn Write>>,
    /// `id`s, unique across the file.
    ids: UniqueIds,
}

impl<'a> Csv<'a> {
    /// Writes the header row.
    pub(crate) fn begin(out: io::BufWriter<&'a mut dyn Write>) -> io::Result<Csv<'a>> {
        let mut w = ::csv::WriterBuilder::new()
            .quote_style(::csv::QuoteStyle::Always)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(HEADER)?;
        Ok(Csv {
            w,
            ids: UniqueIds::default(),
        })
    }
}

impl Stream for Csv<'_> {
    fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        for unit in units {
            let id = self.ids.claim(tuid_base(unit.file, unit.id));
            let comments: Vec<String> = unit.notes.iter().map(|d| note_text(d)).collect();
            self.w.write_record([
                unit.location().as_str(),
                unit.source,
                unit.target,
                &id,
                unit.kind,
                &comments.join("\n"),
            ])?;
        }
        Ok(())
    }

    fn end(mut self: Box<Self>) -> io::Result<()> {
        // Flushes the csv writer's own buffer, then the file's.
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_units::{sample, OPTIONS};
    use super::super::{units, write_units, Format};

    fn csv_text() -> String {
        let pages = sample();
        let mut out = Vec::new();
        write_units(Format::Csv, &units(&pages, &OPTIONS), &OPTIONS, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn header_then_quoted_fields() {
        let text = csv_text();
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("\"location\",\"source\",\"target\",\"id\",\"context\",\"translator_comments\"")
        );
        assert!(text.contains("\"b.md:1\",\"Hello, \"\"world\"\"\",\"\",\"b.md#abc-1\""));
    }

    #[test]
    fn fields_read_back_exactly() {
        let text = csv_text();
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][1], "Use <b> & \"quotes\" \u{1} **now**");
        assert_eq!(&rows[1][2], "Pague 4, depois\r\nespere");
        assert_eq!(&rows[2][3], "a/page.md#abc-2_2");
        assert_eq!(&rows[1][5], "warning[numbers]: 3 became 4");
        assert_eq!(&rows[1][4], "paragraph");
    }
}
