//! Reports for CI: paths as the working folder sees them, GitHub workflow
//! annotations, and SARIF 2.1.0 for code-scanning tools.

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Turns a finding's path (relative to the content folder) into one
/// relative to the working folder, which terminals, editors and CI
/// annotations can open.
#[derive(Debug, Clone)]
pub struct Paths {
    content: PathBuf,
    cwd: PathBuf,
}

impl Paths {
    /// Paths for findings in the content folder `content`, from the
    /// current working folder.
    pub fn new(content: &Path) -> Paths {
        let cwd = std::env::current_dir().unwrap_or_default();
        let content = std::path::absolute(content).unwrap_or_else(|_| content.to_owned());
        Paths { content, cwd }
    }

    /// The file on disk.
    pub fn full(&self, file: &str) -> PathBuf {
        self.content.join(file)
    }

    /// `/`-separated and relative to the working folder (`../docs/a.md`
    /// when the docset lies beside it); a finding without a file keeps its
    /// empty path.
    pub fn shown(&self, file: &str) -> String {
        if file.is_empty() {
            return String::new();
        }
        let full = self.full(file);
        let relative = pathdiff::diff_paths(&full, &self.cwd).unwrap_or(full);
        relative.to_string_lossy().replace('\\', "/")
    }
}

/// Escapes a workflow command's message (`%`, CR and LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::warning file=…,line=…,col=…,title=…::message` line per finding.
pub fn write_github(out: &mut dyn Write, findings: &[Diagnostic], paths: &Paths) -> io::Result<()> {
    for d in findings {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let message = match &d.id {
            Some(id) => format!("{id}: {}", d.message),
            None => d.message.clone(),
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&paths.shown(&d.file)),
            d.line,
            d.column,
            escape_property(&format!("sxs {}", d.code)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: each byte outside the unreserved
/// set and `/` percent-encoded.
fn uri(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The SARIF 2.1.0 log of a check: one run, the registry's codes as rules,
/// one result per finding, located relative to the working folder.
pub fn sarif(findings: &[Diagnostic], paths: &Paths) -> Value {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.meaning() },
                "defaultConfiguration": {
                    "level": sarif_level(code.default_severity()),
                    "enabled": code.on_by_default(),
                },
            })
        })
        .collect();
    let results: Vec<Value> = findings.iter().map(|d| result(d, paths)).collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "sxs",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn result(d: &Diagnostic, paths: &Paths) -> Value {
    let rule_index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    let text = match &d.id {
        Some(id) => format!("{id}: {}", d.message),
        None => d.message.clone(),
    };
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": sarif_level(d.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri(&paths.shown(&d.file)) },
            "region": { "startLine": d.line.max(1), "startColumn": d.column.max(1) },
        }}],
    });
    if let (Some(id), Some(map)) = (&d.id, result.as_object_mut()) {
        // Stable across line moves, as the baseline's key.
        map.insert(
            "partialFingerprints".into(),
            json!({ "sxsSegment/v1": format!("{}:{}:{id}", d.file, d.code) }),
        );
    }
    result
}

/// Writes the SARIF log, pretty-printed.
pub fn write_sarif(out: &mut dyn Write, findings: &[Diagnostic], paths: &Paths) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &sarif(findings, paths))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding() -> Diagnostic {
        Diagnostic::new(
            "docs/a b.md",
            (3, 7),
            Code::Numbers,
            Severity::Warning,
            "the source has 14, 100%\nand more",
        )
        .with_id("a-1")
    }

    #[test]
    fn paths_are_relative_to_the_working_folder() {
        let cwd = std::env::current_dir().unwrap();
        let paths = Paths::new(&cwd.join("site/content"));
        assert_eq!(paths.shown("a/b.md"), "site/content/a/b.md");
        let beside = Paths::new(&cwd.parent().unwrap().join("other"));
        assert_eq!(beside.shown("b.md"), "../other/b.md");
        assert_eq!(paths.shown(""), "");
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let cwd = std::env::current_dir().unwrap();
        let mut out = Vec::new();
        write_github(&mut out, &[finding()], &Paths::new(&cwd)).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert_eq!(
            line,
            "::warning file=docs/a b.md,line=3,col=7,title=sxs numbers::a-1: the source has 14, 100%25%0Aand more\n"
        );
    }

    #[test]
    fn sarif_results_name_their_rule_and_place() {
        let cwd = std::env::current_dir().unwrap();
        let log = sarif(&[finding()], &Paths::new(&cwd));
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "numbers");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][index]["id"],
            "numbers"
        );
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "docs/a%20b.md");
        assert_eq!(location["region"]["startColumn"], 7);
        assert_eq!(result["level"], "warning");
    }
}
