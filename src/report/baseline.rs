//! Baselines: the findings a docset already had when `sxs check` was
//! adopted as a CI gate, so that only new findings fail a pull request.
//!
//! A finding is known by its file, its code and its segment id — not by its
//! line, which moves whenever text above it changes, nor by its message,
//! which may quote docset-wide figures (the length check's median). A
//! finding without a segment (a broken link) is known by its message
//! instead. Findings are matched as a multiset: two identical findings in
//! the baseline absorb two, not all.

use crate::diagnostic::{Diagnostic, Error};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The file format, versioned so that a later sxs can read older files.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Always 1 for now.
    pub version: u32,
    /// The findings known when the baseline was written, in report order.
    pub findings: Vec<Known>,
}

/// One finding of the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Known {
    /// Relative to the content folder, as in `--format json`.
    pub file: String,
    /// The finding's code, as spelled in reports.
    pub code: String,
    /// The segment id, for findings of one segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Only for findings without a segment id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Known {
    /// What `d` is known by: its file, code and segment (or message), not
    /// its line, so edits that move a finding do not make it new.
    pub fn of(d: &Diagnostic) -> Known {
        Known {
            file: d.file.clone(),
            code: d.code.as_str().to_owned(),
            id: d.id.clone(),
            message: d.id.is_none().then(|| d.message.clone()),
        }
    }
}

impl Baseline {
    /// A baseline of these findings, at the current version.
    pub fn of(findings: &[Diagnostic]) -> Baseline {
        Baseline {
            version: 1,
            findings: findings.iter().map(Known::of).collect(),
        }
    }

    /// Reads a baseline written by `--write-baseline`; a file that cannot
    /// be read or parsed is an error naming the file, line and column.
    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            Error::at(
                path,
                format!(
                    "{}:{}: {}; write a new baseline with `sxs check --write-baseline FILE`",
                    e.line(),
                    e.column(),
                    e
                ),
            )
        })?;
        if baseline.version != 1 {
            return Err(Error::at(
                path,
                format!(
                    "baseline version {} is not known to this sxs (it reads version 1); write a new one with `--write-baseline`",
                    baseline.version
                ),
            ));
        }
        Ok(baseline)
    }

    /// Writes the baseline as pretty JSON, one finding per entry.
    pub fn write(&self, path: &Path) -> Result<(), Error> {
        crate::write::write_file_atomic(path, |file| {
            serde_json::to_writer_pretty(&mut *file, self)?;
            writeln!(file)
        })
    }

    /// The findings that are not in the baseline, and how many were.
    pub fn new_findings(&self, findings: Vec<Diagnostic>) -> (Vec<Diagnostic>, usize) {
        let mut left: HashMap<&Known, usize> = HashMap::new();
        for known in &self.findings {
            *left.entry(known).or_default() += 1;
        }
        let mut known = 0;
        let fresh = findings
            .into_iter()
            .filter(|d| match left.get_mut(&Known::of(d)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    known += 1;
                    false
                }
                _ => true,
            })
            .collect();
        (fresh, known)
    }
}

use std::io::Write;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Severity};

    fn finding(line: usize, id: Option<&str>, message: &str) -> Diagnostic {
        let d = Diagnostic::new("a.md", (line, 1), Code::Numbers, Severity::Warning, message);
        match id {
            Some(id) => d.with_id(id),
            None => d,
        }
    }

    #[test]
    fn only_new_findings_are_left_whatever_their_line() {
        let old = [finding(3, Some("a-1"), "x"), finding(9, None, "link")];
        let baseline = Baseline::of(&old);
        let now = vec![
            finding(5, Some("a-1"), "y"), // moved and reworded: still known
            finding(9, None, "link"),
            finding(9, None, "link"), // a second one is new
            finding(7, Some("a-2"), "x"),
        ];
        let (fresh, known) = baseline.new_findings(now);
        assert_eq!(known, 2);
        let left: Vec<(usize, Option<&str>)> =
            fresh.iter().map(|d| (d.line, d.id.as_deref())).collect();
        assert_eq!(left, [(9, None), (7, Some("a-2"))]);
    }

    #[test]
    fn a_baseline_round_trips_and_a_bad_one_is_placed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        Baseline::of(&[finding(3, Some("a-1"), "x")])
            .write(&path)
            .unwrap();
        let read = Baseline::read(&path).unwrap();
        assert_eq!(read.findings, [Known::of(&finding(1, Some("a-1"), "z"))]);
        std::fs::write(&path, "{\"version\": 1,\n \"findings\": [{\"file\": 3}]}").unwrap();
        let err = Baseline::read(&path).unwrap_err();
        assert!(err.message.starts_with("2:"), "{err}");
        assert!(err.message.contains("--write-baseline"), "{err}");
        std::fs::write(&path, "{\"version\": 7, \"findings\": []}").unwrap();
        assert!(Baseline::read(&path).is_err());
    }
}
