//! Printing findings for people (compiler style, or with snippets at a
//! terminal) and for tools (JSON, GitHub annotations, SARIF), and the
//! baseline that makes `sxs check` a gate for new findings only.

pub mod baseline;
pub mod ci;
pub mod snippet;

use crate::diagnostic::{Diagnostic, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Counts by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Findings of error severity.
    pub errors: usize,
    /// Findings of warning severity.
    pub warnings: usize,
    /// Findings of info severity.
    pub infos: usize,
}

impl Tally {
    /// Counts these findings.
    pub fn of(findings: &[Diagnostic]) -> Tally {
        let mut tally = Tally::default();
        for d in findings {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.infos += 1,
            }
        }
        tally
    }

    /// Whether a check run fails: errors always, warnings with `--deny warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }
}

/// Compiler-style lines, grouped by file, then a summary line and the
/// counts per check.
pub fn write_human(out: &mut dyn Write, findings: &[Diagnostic], pages: usize) -> io::Result<()> {
    let mut last_file: Option<&str> = None;
    for d in findings {
        if last_file.is_some_and(|f| f != d.file) {
            writeln!(out)?;
        }
        last_file = Some(&d.file);
        writeln!(out, "{d}")?;
    }
    write_summary(out, findings, pages)
}

/// The counts per check and per severity.
pub fn write_summary(out: &mut dyn Write, findings: &[Diagnostic], pages: usize) -> io::Result<()> {
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for d in findings {
        *by_code.entry(d.code.as_str()).or_default() += 1;
    }
    let tally = Tally::of(findings);
    if !findings.is_empty() {
        writeln!(out)?;
        let per_check: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
        writeln!(out, "by check: {}", per_check.join(", "))?;
    }
    writeln!(
        out,
        "checked {pages} page(s): {} error(s), {} warning(s), {} note(s)",
        tally.errors, tally.warnings, tally.infos
    )
}

/// A JSON array of finding objects (`file`, `line`, `column`, `id`, `code`,
/// `severity`, `message`).
pub fn write_json(out: &mut dyn Write, findings: &[Diagnostic]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, findings)?;
    writeln!(out)
}
