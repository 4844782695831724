//! All YAML reading lives here: page frontmatter, `site.yml`, DocFX `TOC.yml`
//! and YAML pages. One module so the YAML library can be swapped in one place
//! and so every YAML error is reported the same way (file, line, column).
//!
//! `serde_yaml` is the maintained continuation `yaml_serde` (see Cargo.toml);
//! its deserializer bounds recursion and alias expansion, which is what makes
//! a "billion laughs" alias bomb an error instead of an out-of-memory.

use crate::diagnostic::{Code, Diagnostic, LineIndex, Severity};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::ops::Range;

/// The frontmatter keys SPEC §1 names, typed, plus every key as written.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FrontMatter {
    /// `title`: the page's title when set (see [`crate::render::views::page_title`]).
    pub title: Option<String>,
    /// `description`: the page's summary, for its `<meta name="description">`.
    pub description: Option<String>,
    /// `ms.contentlocale`: the target locale.
    pub content_locale: Option<String>,
    /// `ms.translationtype`: `MT` (machine) or `HT` (human).
    pub translation_type: Option<String>,
    /// `ms.lasthandoff`.
    pub last_handoff: Option<String>,
    /// `ms.sourcegitcommit`.
    pub source_git_commit: Option<String>,
    /// `ms.locfileid`.
    pub loc_file_id: Option<String>,
    /// `ms.date`.
    pub date: Option<String>,
    /// `author`: who wrote the source page (Microsoft docs give a GitHub
    /// account).
    pub author: Option<String>,
    /// Every key, for templates (`page.meta["ms.topic"]`).
    pub all: Map<String, Value>,
}

impl FrontMatter {
    /// Builds the typed view from a YAML mapping converted to JSON.
    pub fn from_map(all: Map<String, Value>) -> FrontMatter {
        let get = |key: &str| all.get(key).and_then(scalar_text);
        FrontMatter {
            title: get("title"),
            description: get("description"),
            content_locale: get("ms.contentlocale"),
            translation_type: get("ms.translationtype"),
            last_handoff: get("ms.lasthandoff"),
            source_git_commit: get("ms.sourcegitcommit"),
            loc_file_id: get("ms.locfileid"),
            date: get("ms.date"),
            author: get("author"),
            all,
        }
    }
}

/// A scalar as text (numbers and booleans too); `None` for maps, lists, null.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Where the frontmatter's YAML is, and where the body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML between the fences (fences left out).
    pub yaml: Range<usize>,
    /// Byte offset of the line after the closing fence.
    pub body_start: usize,
}

/// Finds a `---` … `---` (or `...`) block at the very start of the text.
/// `Ok(None)`: no frontmatter (include files have none). `Err(offset)`: an
/// opening fence that is never closed.
pub fn split_frontmatter(text: &str) -> Result<Option<Split>, usize> {
    let Some(first_end) = text.find('\n') else {
        return Ok(None);
    };
    if text[..first_end].trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first_end + 1;
    let mut line_start = yaml_start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Some(Split {
                yaml: yaml_start..line_start,
                body_start: (line_end + 1).min(text.len()),
            }));
        }
        line_start = line_end + 1;
    }
    Err(0)
}

/// Parses a page's frontmatter. Problems become diagnostics and an empty
/// frontmatter, so the page still builds.
pub fn parse_frontmatter(text: &str, rel: &str) -> (FrontMatter, usize, Vec<Diagnostic>) {
    let split = match split_frontmatter(text) {
        Ok(Some(split)) => split,
        Ok(None) => return (FrontMatter::default(), 0, Vec::new()),
        Err(offset) => {
            let index = LineIndex::new(text);
            let d = Diagnostic::new(
                rel,
                index.position(text, offset),
                Code::Frontmatter,
                Severity::Error,
                "the frontmatter opened with `---` is never closed; add a `---` line after the last key",
            );
            return (FrontMatter::default(), 0, vec![d]);
        }
    };
    match parse_mapping(&text[split.yaml.clone()]) {
        Ok(map) => {
            let mut fm = FrontMatter::from_map(map);
            let problems = check_content_locale(&mut fm, text, rel);
            (fm, split.body_start, problems)
        }
        Err(err) => {
            let index = LineIndex::new(text);
            let (line0, _) = index.position(text, split.yaml.start);
            let d = Diagnostic::new(
                rel,
                (line0 + err.line.saturating_sub(1), err.column),
                Code::Frontmatter,
                Severity::Error,
                format!(
                    "invalid YAML frontmatter: {}; fix the YAML (the page was built without its metadata)",
                    err.message
                ),
            );
            (FrontMatter::default(), split.body_start, vec![d])
        }
    }
}

/// Drops an `ms.contentlocale` that is not a language tag (the page is then
/// in the site's language) and says so at the key's line: the locale names
/// files, so `../../x` must never reach a path.
fn check_content_locale(fm: &mut FrontMatter, text: &str, rel: &str) -> Vec<Diagnostic> {
    let Some(problem) = fm
        .content_locale
        .as_deref()
        .and_then(crate::locale::problem)
    else {
        return Vec::new();
    };
    fm.content_locale = None;
    let offset = text.find("ms.contentlocale").unwrap_or(0);
    let d = Diagnostic::new(
        rel,
        LineIndex::new(text).position(text, offset),
        Code::Locale,
        Severity::Error,
        format!("ms.contentlocale: {problem} (the page was built in the site's language)"),
    );
    vec![d]
}

/// A YAML error with its 1-based position inside the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line in the parsed text (not in the file: callers offset it).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The YAML parser's message.
    pub message: String,
}

impl YamlError {
    fn from(err: &serde_yaml::Error) -> YamlError {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = err.to_string();
        // The library appends " at line X column Y"; we report positions ourselves.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        YamlError {
            line,
            column,
            message,
        }
    }

    /// As a diagnostic for `rel`, the YAML starting at line `first_line`.
    pub fn to_diagnostic(&self, rel: &str, code: Code, what: &str) -> Diagnostic {
        Diagnostic::new(
            rel,
            (self.line, self.column),
            code,
            Severity::Error,
            format!("invalid YAML in {what}: {}", self.message),
        )
    }
}

/// Parses a YAML mapping into JSON values (what templates and serde see).
/// An empty document is an empty mapping.
pub fn parse_mapping(yaml: &str) -> Result<Map<String, Value>, YamlError> {
    if yaml.trim().is_empty() {
        return Ok(Map::new());
    }
    let value: Value = parse(yaml)?;
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(YamlError {
            line: 1,
            column: 1,
            message: "expected `key: value` lines".to_owned(),
        }),
    }
}

/// Deserializes any YAML document.
pub fn parse<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(yaml).map_err(|err| YamlError::from(&err))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_HEAD: &str = "---\ntitle: T\nms.contentlocale: pt-BR\nms.translationtype: MT\nms.locfileid: \"74253554\"\nms.date: 11/20/2019\n---\n# Body\n";

    #[test]
    fn typed_keys_and_all_keys() {
        let (fm, body, problems) = parse_frontmatter(SEED_HEAD, "p.md");
        assert!(problems.is_empty());
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.content_locale.as_deref(), Some("pt-BR"));
        assert_eq!(fm.translation_type.as_deref(), Some("MT"));
        assert_eq!(fm.loc_file_id.as_deref(), Some("74253554"));
        assert_eq!(fm.date.as_deref(), Some("11/20/2019"));
        assert_eq!(fm.all.len(), 5);
        assert_eq!(&SEED_HEAD[body..], "# Body\n");
    }

    #[test]
    fn no_frontmatter_is_fine() {
        let (fm, body, problems) = parse_frontmatter("# Include\n", "i.md");
        assert!(problems.is_empty() && fm.all.is_empty() && body == 0);
    }

    #[test]
    fn bad_yaml_points_at_the_file_line() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\nbody\n";
        let (_, body, problems) = parse_frontmatter(text, "p.md");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].line >= 3, "{:?}", problems[0]);
        assert_eq!(&text[body..], "body\n");
    }

    #[test]
    fn unclosed_frontmatter_is_reported() {
        let (_, _, problems) = parse_frontmatter("---\ntitle: x\n", "p.md");
        assert_eq!(problems[0].code, "frontmatter");
    }

    #[test]
    fn alias_bomb_is_an_error_not_a_hang() {
        let mut yaml = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for i in 1..12 {
            let prev = (b'a' + i - 1) as char;
            let name = (b'a' + i) as char;
            yaml.push_str(&format!(
                "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
        }
        assert!(parse_mapping(&yaml).is_err());
    }

    #[test]
    fn a_content_locale_that_is_not_a_language_tag_is_dropped_and_reported() {
        let text = "---\ntitle: T\nms.contentlocale: ../../../../x\n---\nBody\n";
        let (fm, _, problems) = parse_frontmatter(text, "p.md");
        assert_eq!(fm.content_locale, None);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].code, problems[0].line), (Code::Locale, 3));
        let good = "---\nms.contentlocale: pt-BR\n---\n";
        let (fm, _, problems) = parse_frontmatter(good, "p.md");
        assert_eq!(fm.content_locale.as_deref(), Some("pt-BR"));
        assert!(problems.is_empty());
    }
}
