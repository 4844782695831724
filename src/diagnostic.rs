//! Findings and errors as values: every problem sxs reports carries the file, the
//! position, a stable code and a message that says what to do about it.

pub use crate::code::Code;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is. Ordered so that `max()` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, nothing to fix: counted and shown, never fails `sxs check`.
    Info,
    /// Probably wrong: a reviewer should look (`sxs check --deny warnings`
    /// fails on it).
    Warning,
    /// Certainly wrong (lost text, broken markup): `sxs check` fails on it.
    Error,
}

impl Severity {
    /// The lowercase name, as in reports, JSON and `site.yml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses the spelling used in `site.yml` and on the command line.
    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reported problem. `code` is stable (tools and `site.yml` refer to it);
/// `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path relative to the content folder, `/`-separated.
    pub file: String,
    /// 1-based line of the problem in `file`.
    pub line: usize,
    /// 1-based column, in characters (as editors count).
    pub column: usize,
    /// Segment id, when the problem belongs to one segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Which check or reading problem it is.
    pub code: Code,
    /// How bad it is: mostly the code's default, which `site.yml`'s
    /// `review.checks` may change.
    pub severity: Severity,
    /// What is wrong and what to do about it, for people.
    pub message: String,
    /// The offending words, numbers or marks, as written in either language:
    /// the side-by-side view highlights them in both columns. Left out of
    /// the JSON when there are none, so findings without tokens read as
    /// before.
    #[serde(skip_serializing_if = "Tokens::is_empty")]
    pub tokens: Tokens,
}

/// The tokens of a finding: a list of strings, boxed and absent when empty
/// so that a [`Diagnostic`] stays under clippy's `result_large_err` limit
/// (it is the error type of several `Result`s) and most findings, which
/// have no tokens, allocate nothing. Reads as a slice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
// The box is the point: a thin pointer (8 bytes) where a `Vec` takes 24 and a
// boxed slice 16, either of which would push `Diagnostic` to 128 bytes.
#[allow(clippy::box_collection)]
pub struct Tokens(Option<Box<Vec<String>>>);

impl Tokens {
    /// The tokens, empty when there are none.
    pub fn as_slice(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Whether there are no tokens (an empty list is stored as none).
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl From<Vec<String>> for Tokens {
    fn from(tokens: Vec<String>) -> Tokens {
        Tokens((!tokens.is_empty()).then(|| Box::new(tokens)))
    }
}

impl std::ops::Deref for Tokens {
    type Target = [String];

    fn deref(&self) -> &[String] {
        self.as_slice()
    }
}

impl Serialize for Tokens {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl Diagnostic {
    /// A finding in `file` at `(line, column)`, of no segment and with no
    /// tokens (see [`Diagnostic::with_id`], [`Diagnostic::with_tokens`]).
    pub fn new(
        file: &str,
        (line, column): (usize, usize),
        code: Code,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            id: None,
            code,
            severity,
            message: message.into(),
            tokens: Tokens::default(),
        }
    }

    /// Ties the finding to the segment `id`: the side-by-side view shows it
    /// beside that segment, and acceptances name it.
    pub fn with_id(mut self, id: &str) -> Diagnostic {
        self.id = Some(id.to_owned());
        self
    }

    /// Sets the offending tokens (see [`Diagnostic::tokens`]).
    pub fn with_tokens(mut self, tokens: Vec<String>) -> Diagnostic {
        self.tokens = Tokens::from(tokens);
        self
    }
}

impl fmt::Display for Diagnostic {
    /// Compiler style: `file:line:col: error[code]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: ",
            self.file, self.line, self.column, self.severity, self.code
        )?;
        if let Some(id) = &self.id {
            write!(f, "{id}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A failure that stops one command (not one page): I/O on the site folder,
/// a bad configuration, a refused output folder.
#[derive(Debug)]
pub struct Error {
    /// The file or folder the failure is about, when there is one.
    pub path: Option<PathBuf>,
    /// 1-based line and column in `path`, when the failure has a place in
    /// the file (a template's syntax or rendering error).
    pub position: Option<(usize, usize)>,
    /// What went wrong, for people (the place is printed before it).
    pub message: String,
}

impl Error {
    /// A failure with no place (a bad option, a refused command).
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            path: None,
            position: None,
            message: message.into(),
        }
    }

    /// A failure about `path` as a whole.
    pub fn at(path: &Path, message: impl Into<String>) -> Error {
        Error {
            path: Some(path.to_owned()),
            position: None,
            message: message.into(),
        }
    }

    /// A failure at `line:column` of `path` (printed `path:line:column:`,
    /// as compilers do, so terminals and editors can open the place).
    pub fn at_position(
        path: &Path,
        (line, column): (usize, usize),
        message: impl Into<String>,
    ) -> Error {
        Error {
            path: Some(path.to_owned()),
            position: Some((line, column)),
            message: message.into(),
        }
    }

    /// Where the failure is: `path`, `path:line:column`, or nothing.
    pub fn place(&self) -> Option<String> {
        let path = self.path.as_ref()?.display();
        Some(match self.position {
            Some((line, column)) => format!("{path}:{line}:{column}"),
            None => path.to_string(),
        })
    }

    /// An I/O error on `path`, with the system's message.
    pub fn io(path: &Path, err: std::io::Error) -> Error {
        Error::at(path, err.to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place() {
            Some(place) => write!(f, "{place}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The result of a command's steps: a failure is an [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps byte offsets to 1-based line and column (columns count characters,
/// as editors do). Character counts are kept every `CHUNK` bytes, so a
/// column costs at most a chunk of counting even on a 10 MB single line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters before each multiple of [`CHUNK`] bytes.
    chars_before: Vec<usize>,
}

/// Bytes between two stored character counts.
const CHUNK: usize = 4096;

impl LineIndex {
    /// Indexes `text`: one pass over it, so each position costs little after.
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before = vec![0];
        for chunk in text.as_bytes().chunks(CHUNK) {
            let last = chars_before.last().copied().unwrap_or(0);
            chars_before.push(last + char_starts(chunk));
        }
        LineIndex {
            line_starts,
            chars_before,
        }
    }

    /// The 1-based (line, column) of byte `offset` in `text`, the text
    /// that was indexed; an offset past the end is taken as the end.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.saturating_sub(1)].min(offset);
        // Most lines are short: count their characters directly rather than
        // from two chunk starts (up to 8 KiB scanned per position).
        let within_line = offset - start;
        let chars = if within_line <= CHUNK {
            char_starts(text.as_bytes().get(start..offset).unwrap_or_default())
        } else {
            self.chars_upto(text, offset) - self.chars_upto(text, start)
        };
        let column = chars + 1;
        (line.max(1), column)
    }

    /// Characters in `text[..offset]` (bytes that start one).
    fn chars_upto(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        let counted = self.chars_before.get(chunk).copied().unwrap_or(0);
        let rest = text
            .as_bytes()
            .get(chunk * CHUNK..offset)
            .unwrap_or_default();
        counted + char_starts(rest)
    }
}

/// How many characters start in `bytes` of UTF-8 (every byte but the
/// continuation bytes `10xxxxxx`).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\nção x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), (2, 5));
    }

    #[test]
    fn columns_on_a_long_line_count_characters_across_chunks() {
        let text = format!("{}\n{}x", "a".repeat(10), "ç".repeat(3 * CHUNK));
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(&text, x), (2, 3 * CHUNK + 1));
        assert_eq!(index.position(&text, text.len()), (2, 3 * CHUNK + 2));
    }

    #[test]
    fn display_is_compiler_style() {
        let d = Diagnostic::new(
            "a/b.md",
            (3, 7),
            Code::Empty,
            Severity::Error,
            "the source is empty",
        )
        .with_id("abcde-1");
        assert_eq!(
            d.to_string(),
            "a/b.md:3:7: error[empty]: abcde-1: the source is empty"
        );
    }

    #[test]
    fn tokens_appear_in_json_only_when_there_are_some() {
        let d = Diagnostic::new("a.md", (1, 1), Code::Numbers, Severity::Warning, "m");
        let plain = serde_json::to_string(&d).unwrap_or_default();
        assert!(!plain.contains("tokens"), "{plain}");
        let none = d.clone().with_tokens(Vec::new());
        assert_eq!(serde_json::to_string(&none).unwrap_or_default(), plain);
        assert!(std::mem::size_of::<Diagnostic>() < 128, "see Tokens");
        let with = serde_json::to_string(&d.with_tokens(vec!["30".into()])).unwrap_or_default();
        assert!(
            with.ends_with(r#""message":"m","tokens":["30"]}"#),
            "{with}"
        );
    }
}
