//! Segments for other tools: JSON for scripts, and the CAT-tool formats.
//!
//! Every format writes the same units: one per aligned segment, with its file,
//! position and the codes of its findings.

use crate::diagnostic::Diagnostic;
use crate::model::{Document, Segment};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

/// An export format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON array of segment objects.
    Json,
    /// One segment object per line.
    Jsonl,
}

/// The exported view of one segment (the schema in the README).
#[derive(Debug, Serialize)]
pub struct Unit<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub id: &'a str,
    pub kind: &'static str,
    pub target: &'a str,
    pub source: &'a str,
    pub findings: Vec<&'static str>,
}

/// Finding codes by (file, segment id).
pub fn findings_by_segment(findings: &[Diagnostic]) -> HashMap<(&str, &str), Vec<&'static str>> {
    let mut map: HashMap<(&str, &str), Vec<&'static str>> = HashMap::new();
    for d in findings {
        if let Some(id) = &d.id {
            let codes = map.entry((d.file.as_str(), id.as_str())).or_default();
            if !codes.contains(&d.code) {
                codes.push(d.code);
            }
        }
    }
    map
}

/// The units of all documents, in document order.
pub fn units<'a>(docs: &'a [Document], findings: &'a [Diagnostic]) -> Vec<Unit<'a>> {
    let by_segment = findings_by_segment(findings);
    docs.iter()
        .flat_map(|doc| doc.segments.iter().map(move |seg| (doc, seg)))
        .map(|(doc, seg): (&Document, &Segment)| Unit {
            file: &doc.rel,
            line: seg.line,
            column: seg.column,
            id: &seg.id,
            kind: seg.kind.as_str(),
            target: &seg.target,
            source: &seg.source,
            findings: by_segment
                .get(&(doc.rel.as_str(), seg.id.as_str()))
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// Writes the export.
pub fn write(
    format: Format,
    docs: &[Document],
    findings: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    let units = units(docs, findings);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &units)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for unit in &units {
                serde_json::to_writer(&mut *out, unit)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
