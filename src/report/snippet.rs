//! `sxs check` for people at a terminal: each finding with the offending
//! source line and the segment underlined (annotate-snippets), in colour
//! when the output is a terminal and `NO_COLOR` is not set.

use super::ci::Paths;
use crate::diagnostic::{Diagnostic, Severity};
use annotate_snippets::{Level, Renderer, Snippet};
use std::io::{self, Write};

/// How to print.
#[derive(Debug, Clone)]
pub struct Style {
    /// Whether to colour the output (see [`Style::color_for`]).
    pub color: bool,
    /// How findings' paths are printed and where their files are read.
    pub paths: Paths,
}

impl Style {
    /// Colour only on a terminal, and never with `NO_COLOR` set to
    /// anything non-empty (<https://no-color.org>).
    pub fn color_for(is_terminal: bool, no_color: Option<&str>) -> bool {
        is_terminal && no_color.is_none_or(str::is_empty)
    }
}

/// The lines of the file findings are in, read once per file.
struct Source {
    file: String,
    text: Option<String>,
}

impl Source {
    fn line(&mut self, paths: &Paths, file: &str, line: usize) -> Option<&str> {
        if self.file != file {
            self.file = file.to_owned();
            self.text = std::fs::read_to_string(paths.full(file)).ok();
        }
        self.text.as_deref()?.lines().nth(line.checked_sub(1)?)
    }
}

/// Characters of a segment shown at most: long paragraphs sit on one line.
const SHOWN_CHARS: usize = 120;

/// The part of a line to show and underline for a finding at `column`
/// (1-based, in characters): the pair's target span, from its first tag to
/// its `</span>`, cut at [`SHOWN_CHARS`] characters. What the translator
/// fixes is the target; the location line says where the pair starts.
fn excerpt(line: &str, column: usize) -> Option<&str> {
    let start = line
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let rest = &line[start..];
    let end = rest
        .find("</span>")
        .map_or(rest.len(), |at| at + "</span>".len());
    let cut = rest[..end]
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(end, |(i, _)| i);
    (cut > 0).then(|| &rest[..cut])
}

/// One finding with its excerpt: annotate-snippets' report, with the
/// location (path, line and column in the file) as its second line.
fn render(
    renderer: &Renderer,
    d: &Diagnostic,
    level: Level,
    title: &str,
    text: &str,
    path: &str,
) -> String {
    let snippet = Snippet::source(text)
        .line_start(d.line)
        .annotation(level.span(0..text.len()));
    let message = level.title(title).id(d.code.as_str()).snippet(snippet);
    let rendered = renderer.render(message).to_string();
    let (head, body) = rendered.split_once('\n').unwrap_or((&rendered, ""));
    let gutter = " ".repeat(d.line.to_string().len());
    format!("{head}\n{gutter}--> {path}:{}:{}\n{body}", d.line, d.column)
}

/// Every finding with its snippet, then the counts.
pub fn write(
    out: &mut dyn Write,
    findings: &[Diagnostic],
    pages: usize,
    style: &Style,
) -> io::Result<()> {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    // The excerpt is already cut: no second trimming (which miscounts
    // wide CJK characters).
    .term_width(usize::MAX / 4);
    let mut source = Source {
        file: String::new(),
        text: None,
    };
    for d in findings {
        let path = style.paths.shown(&d.file);
        let title = match &d.id {
            Some(id) => format!("{id}: {}", d.message),
            None => d.message.clone(),
        };
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        // Page-level findings (a machine-translated page, a broken link)
        // have no segment to underline: their place is enough.
        let line = match d.id {
            Some(_) => source.line(&style.paths, &d.file, d.line),
            None => None,
        };
        match line.and_then(|text| excerpt(text, d.column)) {
            Some(text) => writeln!(
                out,
                "{}\n",
                render(&renderer, d, level, &title, text, &path)
            )?,
            None => writeln!(
                out,
                "{path}:{}:{}: {}[{}]: {title}",
                d.line, d.column, d.severity, d.code
            )?,
        }
    }
    super::write_summary(out, findings, pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(Style::color_for(true, None));
        assert!(Style::color_for(true, Some("")));
        assert!(!Style::color_for(true, Some("1")));
        assert!(!Style::color_for(false, None));
    }

    #[test]
    fn the_segment_is_underlined_in_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let line = "Intro <span data-ttu-id=\"a-1\">Você tem 30 dias.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">You have 14 days.</span></span> after";
        std::fs::write(dir.path().join("a.md"), format!("# T\n\n{line}\n")).unwrap();
        let finding =
            Diagnostic::new("a.md", (3, 7), Code::Numbers, Severity::Warning, "m").with_id("a-1");
        let style = Style {
            color: false,
            paths: Paths::new(dir.path()),
        };
        let mut out = Vec::new();
        write(&mut out, &[finding], 1, &style).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("warning[numbers]: a-1: m"), "{text}");
        assert!(text.contains("a.md:3:7"), "{text}");
        // The underline of a warning is drawn with `-`.
        let underline = text.lines().find(|l| l.contains("---")).unwrap_or_default();
        let carets = underline.matches('-').count();
        let target = "<span data-ttu-id=\"a-1\">Você tem 30 dias.</span>";
        assert_eq!(carets, target.chars().count(), "{text}");
        assert!(text.contains(target), "{text}");
        assert!(!text.contains("\x1b["), "no colour: {text}");
    }

    #[test]
    fn a_finding_without_a_line_prints_its_place() {
        let style = Style {
            color: true,
            paths: Paths::new(std::path::Path::new("/nonexistent")),
        };
        let finding = Diagnostic::new("x.md", (4, 2), Code::Empty, Severity::Error, "gone");
        let mut out = Vec::new();
        write(&mut out, &[finding], 1, &style).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("x.md:4:2: error[empty]: gone"), "{text}");
    }
}
