//! Segments for other tools: JSON for scripts, and the CAT-tool formats.
//!
//! Every format writes the same units: one per aligned segment, with its file,
//! position and its findings. TMX, XLIFF and CSV are what translators load into
//! their CAT tools (OmegaT, Trados, Translate Toolkit, Weblate), so each is
//! validated against its schema and read back by Translate Toolkit in the
//! tests (`tests/exports.rs`).

mod csv;
mod site;
mod tmx;
mod xliff;
mod xml;

pub use site::SiteExport;

pub(crate) use xliff::nmtoken;

use crate::decide::Decision;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Segment};
use crate::pipeline::Page;
use crate::review::Verdict;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// An export format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON array of segment objects.
    Json,
    /// One segment object per line.
    Jsonl,
    /// TMX 1.4b translation memory: one `tu` per segment.
    Tmx,
    /// XLIFF 2.1 (2.0 core namespace): one `file` per page, one `unit` per segment.
    Xliff,
    /// CSV in Translate Toolkit's layout, with a header row.
    Csv,
}

impl Format {
    /// Every format with its `--format` spelling.
    pub const ALL: [(&'static str, Format); 5] = [
        ("json", Format::Json),
        ("jsonl", Format::Jsonl),
        ("tmx", Format::Tmx),
        ("xliff", Format::Xliff),
        ("csv", Format::Csv),
    ];

    /// The format spelled `name`, or a message listing the formats.
    pub fn parse(name: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .find(|(spelling, _)| spelling.eq_ignore_ascii_case(name))
            .map(|(_, format)| *format)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|(s, _)| *s).collect();
                format!("unknown format `{name}`; use one of: {}", names.join(", "))
            })
    }
}

/// What to export and the languages to label it with.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions<'a> {
    /// Language of the source spans (`site.yml` `source_locale`).
    pub source_locale: &'a str,
    /// Target language of pages without `ms.contentlocale` (`site.yml` `target_locale`).
    pub target_locale: &'a str,
    /// Only segments that have at least one finding.
    pub only_flagged: bool,
    /// Only pages under this content-relative folder.
    pub folder: Option<&'a str>,
}

impl<'a> ExportOptions<'a> {
    /// Every segment, labelled with these locales.
    pub fn new(source_locale: &'a str, target_locale: &'a str) -> ExportOptions<'a> {
        ExportOptions {
            source_locale,
            target_locale,
            only_flagged: false,
            folder: None,
        }
    }

    /// The target language of one page: its `ms.contentlocale`, else the default.
    fn target_of(&self, doc: &'a Document) -> &'a str {
        doc.meta
            .content_locale
            .as_deref()
            .unwrap_or(self.target_locale)
    }
}

/// The exported view of one segment (the schema in the README).
///
/// The fields skipped by serde are what the CAT formats need beyond the JSON
/// schema: the page's language, the full findings (for notes) and the verdict
/// (for XLIFF's `state`).
#[derive(Debug, Serialize)]
pub struct Unit<'a> {
    /// The page, relative to the content folder, `/`-separated.
    pub file: &'a str,
    /// 1-based line of the pair's first tag.
    pub line: usize,
    /// 1-based column of the pair's first tag, in characters.
    pub column: usize,
    /// The segment's id as written in its spans.
    pub id: &'a str,
    /// The block the segment sits in ([`crate::model::BlockKind::as_str`]).
    pub kind: &'static str,
    /// Target inner markdown exactly as written (what `sxs import` writes back).
    pub target: &'a str,
    /// Source inner markdown exactly as written.
    pub source: &'a str,
    /// The codes of the segment's findings, each once.
    pub findings: Vec<Code>,
    /// The normative statement of the source sentence, if any
    /// (`{actor, modality, trigger}`), else `null`.
    pub decision: Option<Decision>,
    /// The page's target language (`xml:lang` of the target side).
    #[serde(skip)]
    pub target_locale: &'a str,
    /// The segment's findings, one per code: the formats' notes.
    #[serde(skip)]
    pub notes: Vec<&'a Diagnostic>,
    /// The segment's own verdict, `review` at best on a machine-translated
    /// page (XLIFF's `state`).
    #[serde(skip)]
    pub verdict: Verdict,
}

impl Unit<'_> {
    /// `file:line`, the location translators click on.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Findings by (file, segment id), each once per code.
pub fn notes_by_segment(findings: &[Diagnostic]) -> HashMap<(&str, &str), Vec<&Diagnostic>> {
    let mut map: HashMap<(&str, &str), Vec<&Diagnostic>> = HashMap::new();
    for d in findings {
        if let Some(id) = &d.id {
            let notes = map.entry((d.file.as_str(), id.as_str())).or_default();
            if !notes.iter().any(|n| n.code == d.code) {
                notes.push(d);
            }
        }
    }
    map
}

/// Finding codes by (file, segment id).
pub fn findings_by_segment(findings: &[Diagnostic]) -> HashMap<(&str, &str), Vec<Code>> {
    notes_by_segment(findings)
        .into_iter()
        .map(|(key, notes)| (key, notes.iter().map(|d| d.code).collect()))
        .collect()
}

/// Is the page `rel` inside `folder` (content-relative, `/` or `\`
/// separated; empty or `.` means everything)?
pub fn in_folder(rel: &str, folder: &str) -> bool {
    let folder = folder.replace('\\', "/");
    let folder = folder.trim_start_matches("./").trim_matches('/');
    if folder.is_empty() || folder == "." {
        return true;
    }
    rel == folder
        || rel
            .strip_prefix(folder)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Files whose page is machine translated: their segments are not final
/// until a person reviews them (see [`Verdict`]).
fn machine_translated(findings: &[Diagnostic]) -> HashSet<&str> {
    findings
        .iter()
        .filter(|d| d.id.is_none() && d.code == Code::MachineTranslated)
        .map(|d| d.file.as_str())
        .collect()
}

/// The verdict of one segment: its own findings, and the page's
/// machine-translation notice (so that unreviewed MT is never "final").
fn verdict_of(notes: &[&Diagnostic], machine_translated: bool) -> Verdict {
    let owned: Vec<Diagnostic> = notes.iter().map(|d| (*d).clone()).collect();
    match Verdict::of(&owned) {
        Verdict::Ready if machine_translated => Verdict::Review,
        verdict => verdict,
    }
}

/// The selected units of all pages, in page order.
pub fn units<'a>(pages: &'a [Page], options: &ExportOptions<'a>) -> Vec<Unit<'a>> {
    pages
        .iter()
        .flat_map(|page| selected_units(page, options))
        .collect()
}

/// The units of one page that `options` select (`--folder`, `--only-flagged`).
pub fn selected_units<'a>(page: &'a Page, options: &ExportOptions<'a>) -> Vec<Unit<'a>> {
    if !options.folder.is_none_or(|f| in_folder(&page.doc.rel, f)) {
        return Vec::new();
    }
    let mut units = page_units(page, options);
    units.retain(|unit| !options.only_flagged || !unit.notes.is_empty());
    units
}

/// The units of one page, each with its findings and its decision.
fn page_units<'a>(page: &'a Page, options: &ExportOptions<'a>) -> Vec<Unit<'a>> {
    let doc = &page.doc;
    let by_segment = notes_by_segment(&page.findings);
    let mt = !machine_translated(&page.findings).is_empty();
    let decisions: HashMap<&str, &Decision> = page
        .decisions
        .iter()
        .map(|d| (d.id.as_str(), &d.decision))
        .collect();
    doc.segments
        .iter()
        .map(|seg: &'a Segment| {
            let notes = by_segment
                .get(&(doc.rel.as_str(), seg.id.as_str()))
                .cloned()
                .unwrap_or_default();
            Unit {
                file: &doc.rel,
                line: seg.line,
                column: seg.column,
                id: &seg.id,
                kind: seg.kind.as_str(),
                target: &seg.target,
                source: &seg.source,
                findings: notes.iter().map(|d| d.code).collect(),
                decision: decisions.get(seg.id.as_str()).map(|d| (*d).clone()),
                target_locale: options.target_of(doc),
                verdict: verdict_of(&notes, mt),
                notes,
            }
        })
        .collect()
}

/// Hands out ids that are unique within one scope: the first use of a base
/// keeps it, later ones get `_2`, `_3`... Segment ids repeat across pages by
/// design and within a page by mistake (`duplicate-id`), but CAT tools key
/// units by id.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    used: HashSet<String>,
}

impl UniqueIds {
    pub(crate) fn claim(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// The base of a TMX `tuid` and a CSV `id`: `file#segment-id` (made unique
/// by [`UniqueIds`]). Segment ids never hold `#`, so the file is everything
/// before the last one.
pub(crate) fn tuid_base(file: &str, id: &str) -> String {
    format!("{file}#{id}")
}

/// `severity[code]: message`, one finding as a translator note.
pub(crate) fn note_text(d: &Diagnostic) -> String {
    format!("{}[{}]: {}", d.severity, d.code, d.message)
}

/// What a writer must know of the whole export before its first page:
/// whether any segment is exported at all (XLIFF refuses an empty file) and
/// the pages' target languages (XLIFF's one `trgLang`). Made from the units
/// when they are all at hand, else page by page from a first pass.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The target language of the first page with units.
    first: Option<String>,
    /// Do the pages with units differ in target language?
    mixed: bool,
}

impl Summary {
    /// The summary of `units` (of any number of pages).
    pub fn of(units: &[Unit]) -> Summary {
        let mut summary = Summary::default();
        for unit in units {
            summary.add(unit.target_locale);
        }
        summary
    }

    /// Counts one page (or unit) with at least one exported unit, in
    /// `target_locale`.
    pub fn add(&mut self, target_locale: &str) {
        match &self.first {
            None => self.first = Some(target_locale.to_owned()),
            Some(first) => self.mixed |= first != target_locale,
        }
    }

    /// Is there nothing to export?
    pub fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    /// `trgLang`: the pages' language when they agree (as in a docset),
    /// else the site's target locale.
    fn target_language<'a>(&'a self, options: &ExportOptions<'a>) -> &'a str {
        match &self.first {
            Some(first) if !self.mixed => first,
            _ => options.target_locale,
        }
    }
}

/// One format's output as it is written: the start when made, then each
/// page's units, then the end. It keeps what spans pages (unique ids, the
/// open elements), so that a site is written a round of pages at a time
/// and no more of it is held in memory.
trait Stream {
    /// Writes one page's units (none: nothing is written).
    fn page(&mut self, units: &[Unit]) -> io::Result<()>;
    /// Closes the document and flushes it.
    fn end(self: Box<Self>) -> io::Result<()>;
}

/// An export being written, page by page (see [`Writer::begin`]).
pub struct Writer<'a> {
    stream: Box<dyn Stream + 'a>,
}

impl<'a> Writer<'a> {
    /// Starts an export of `format` to `out`. `summary` describes every
    /// unit that will be written; an XLIFF export of no units is refused
    /// here, before anything is written.
    pub fn begin(
        format: Format,
        options: &ExportOptions<'a>,
        summary: &Summary,
        out: &'a mut dyn Write,
    ) -> io::Result<Writer<'a>> {
        // The XML writers emit many small pieces; the caller may pass a bare file.
        let out = io::BufWriter::new(out);
        let stream: Box<dyn Stream + 'a> = match format {
            Format::Json => Box::new(JsonArray { out, first: true }),
            Format::Jsonl => Box::new(JsonLines { out }),
            Format::Tmx => Box::new(tmx::Tmx::begin(out, *options)?),
            Format::Xliff => Box::new(xliff::Xliff::begin(out, options, summary)?),
            Format::Csv => Box::new(csv::Csv::begin(out)?),
        };
        Ok(Writer { stream })
    }

    /// Writes the units of one page (as [`selected_units`] gives them).
    pub fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        self.stream.page(units)
    }

    /// Ends the document and flushes it.
    pub fn finish(self) -> io::Result<()> {
        self.stream.end()
    }
}

/// Writes the export of `pages` (all in memory; a whole site is written by
/// [`SiteExport`] instead).
pub fn write(
    format: Format,
    pages: &[Page],
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_units(format, &units(pages, options), options, out)
}

/// Writes `units` (of any number of pages, in page order) as one export.
pub fn write_units(
    format: Format,
    units: &[Unit],
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = Writer::begin(format, options, &Summary::of(units), out)?;
    for page in units.chunk_by(|a, b| a.file == b.file) {
        writer.page(page)?;
    }
    writer.finish()
}

/// The JSON array, written as `serde_json::to_writer_pretty` writes the
/// whole `Vec` (the format scripts already parse): each unit on its own
/// lines, indented one level, `[]` when there are none.
struct JsonArray<'a> {
    out: io::BufWriter<&'a mut dyn Write>,
    /// No unit written yet.
    first: bool,
}

impl Stream for JsonArray<'_> {
    fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        for unit in units {
            self.out
                .write_all(if self.first { b"[\n  " } else { b",\n  " })?;
            self.first = false;
            serde_json::to_writer_pretty(Indented(&mut self.out), unit)?;
        }
        Ok(())
    }

    fn end(mut self: Box<Self>) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Indents pretty-printed JSON by one level (two spaces) after each line
/// break. Line breaks inside strings are escaped (`\n`), so every raw one
/// is the formatter's.
struct Indented<W: Write>(W);

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(line) = lines.next() {
            self.0.write_all(line)?;
        }
        for line in lines {
            self.0.write_all(b"\n  ")?;
            self.0.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// One JSON object per line.
struct JsonLines<'a> {
    out: io::BufWriter<&'a mut dyn Write>,
}

impl Stream for JsonLines<'_> {
    fn page(&mut self, units: &[Unit]) -> io::Result<()> {
        for unit in units {
            serde_json::to_writer(&mut self.out, unit)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn end(mut self: Box<Self>) -> io::Result<()> {
        self.out.flush()
    }
}

/// Pages built by hand for the format tests: hostile text, an id repeated
/// within a page and across pages, a warning and an error.
#[cfg(test)]
pub(crate) mod test_units {
    use super::ExportOptions;
    use crate::diagnostic::{Code, Diagnostic, Severity};
    use crate::model::{BlockKind, Document, Segment};
    use crate::pipeline::Page;

    pub(crate) const OPTIONS: ExportOptions<'static> = ExportOptions {
        source_locale: "en-US",
        target_locale: "pt-BR",
        only_flagged: false,
        folder: None,
    };

    fn segment(id: &str, line: usize, source: &str, target: &str) -> Segment {
        Segment {
            id: id.to_owned(),
            line,
            column: 1,
            kind: BlockKind::Paragraph,
            block: 0,
            target: target.to_owned(),
            source: source.to_owned(),
            has_target: !target.is_empty(),
            has_source: !source.is_empty(),
            target_text: target.to_owned(),
            source_text: source.to_owned(),
        }
    }

    fn page(rel: &str, segments: Vec<Segment>) -> Document {
        Document {
            rel: rel.to_owned(),
            meta: Default::default(),
            blocks: Vec::new(),
            segments,
            refs: Default::default(),
            diagnostics: Vec::new(),
        }
    }

    /// The pages with their findings, as the pipeline gives them.
    pub(crate) fn sample() -> Vec<Page> {
        let (docs, findings) = sample_parts();
        docs.into_iter()
            .map(|doc| Page {
                findings: findings
                    .iter()
                    .filter(|d| d.file == doc.rel)
                    .cloned()
                    .collect(),
                doc,
                locale: "pt-BR".to_owned(),
                decisions: Vec::new(),
                held: Vec::new(),
                classes: Default::default(),
                vocabulary: Default::default(),
            })
            .collect()
    }

    fn sample_parts() -> (Vec<Document>, Vec<Diagnostic>) {
        let docs = vec![
            page(
                "a/page.md",
                vec![
                    segment(
                        "abc-1",
                        3,
                        "Use <b> & \"quotes\" \u{1} **now**",
                        "Use <b> & \"aspas\" \u{1} **já**",
                    ),
                    segment("abc-2", 5, "Pay 3, then\nwait", "Pague 4, depois\r\nespere"),
                    segment("abc-2", 7, "Again", "De novo"),
                ],
            ),
            page("b.md", vec![segment("abc-1", 1, "Hello, \"world\"", "")]),
        ];
        let findings = vec![
            Diagnostic::new(
                "a/page.md",
                (5, 1),
                Code::Numbers,
                Severity::Warning,
                "3 became 4",
            )
            .with_id("abc-2"),
            Diagnostic::new(
                "b.md",
                (1, 1),
                Code::Empty,
                Severity::Error,
                "the target is empty",
            )
            .with_id("abc-1"),
        ];
        (docs, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::test_units::{sample, OPTIONS};
    use super::*;

    #[test]
    fn formats_parse_by_name() {
        assert_eq!(Format::parse("XLIFF"), Ok(Format::Xliff));
        let err = Format::parse("po").unwrap_err();
        assert!(err.contains("json, jsonl, tmx, xliff, csv"), "{err}");
    }

    #[test]
    fn folders_match_whole_path_components() {
        assert!(in_folder("a/page.md", "a"));
        assert!(in_folder("a/page.md", "./a/"));
        assert!(in_folder("a/b/page.md", "a\\b"));
        assert!(!in_folder("ab/page.md", "a"));
        assert!(in_folder("ab/page.md", "."));
        assert!(in_folder("ab/page.md", ""));
    }

    #[test]
    fn options_select_units() {
        let pages = sample();
        assert_eq!(units(&pages, &OPTIONS).len(), 4);
        let only_a = ExportOptions {
            folder: Some("a"),
            ..OPTIONS
        };
        assert_eq!(units(&pages, &only_a).len(), 3);
        let flagged = ExportOptions {
            only_flagged: true,
            ..OPTIONS
        };
        let flagged = units(&pages, &flagged);
        assert_eq!(flagged.len(), 3);
        assert!(flagged.iter().all(|u| !u.findings.is_empty()));
    }

    #[test]
    fn verdicts_follow_the_worst_finding() {
        let pages = sample();
        let verdicts: Vec<Verdict> = units(&pages, &OPTIONS).iter().map(|u| u.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Ready,
                Verdict::Review,
                Verdict::Review,
                Verdict::Blocked
            ]
        );
    }

    #[test]
    fn json_array_streams_as_serde_pretty_prints_the_vec() {
        // Scripts parse the old output; written a page at a time, it must
        // stay the same bytes (two pages, one unit, none).
        let pages = sample();
        let all = units(&pages, &OPTIONS);
        for units in [&all[..], &all[..1], &all[..0]] {
            let mut out = Vec::new();
            write_units(Format::Json, units, &OPTIONS, &mut out).unwrap();
            let expected = serde_json::to_string_pretty(units).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    #[test]
    fn unique_ids_suffix_repeats() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("x".into()), "x");
        assert_eq!(ids.claim("x_2".into()), "x_2");
        assert_eq!(ids.claim("x".into()), "x_3");
        assert_eq!(ids.claim("x".into()), "x_4");
    }
}
