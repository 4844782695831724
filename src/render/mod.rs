//! Stage 6, **render**: Tera templates over plain view structs.
//!
//! The built-in templates, CSS and JS are compiled into the binary; a file of
//! the same name in the site's `templates/` (or `static/`) replaces one. The
//! Tera environment is built once per build and shared by all pages.

pub(crate) mod charts;
pub mod context;
pub mod docfx;
pub mod extensions;
pub mod markdown;
pub mod nav;
pub mod sanitize;
pub mod strings;
pub mod views;

use crate::diagnostic::{Error, Result};
use crate::load::{self, Symlinks};
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use tera::{ErrorKind, Tera};

/// A template compiled into the binary. Its source starts with its stamp,
/// `{# sxs-template: page.html v1 -#}` (the `-` trims the line break after
/// it, so the stamp leaves no trace in the output), which copies keep: a
/// site's copy stamped older than `version` is reported as stale.
#[derive(Debug)]
pub struct Builtin {
    /// The file name, which a site's `templates/` uses to replace it.
    pub name: &'static str,
    /// Bumped, in this table and in the source's stamp, whenever the source
    /// changes (the `stamps_follow_the_sources` test enforces both).
    pub version: u32,
    /// The template's text, stamp included.
    pub source: &'static str,
}

/// The built-in templates.
pub const TEMPLATES: &[Builtin] = &[
    builtin("base.html", 4, include_str!("../../templates/base.html")),
    builtin(
        "macros.html",
        2,
        include_str!("../../templates/macros.html"),
    ),
    builtin("nav.html", 1, include_str!("../../templates/nav.html")),
    builtin("toc.html", 1, include_str!("../../templates/toc.html")),
    builtin("page.html", 5, include_str!("../../templates/page.html")),
    builtin("home.html", 1, include_str!("../../templates/home.html")),
    builtin(
        "review.html",
        1,
        include_str!("../../templates/review.html"),
    ),
    builtin(
        "decisions.html",
        1,
        include_str!("../../templates/decisions.html"),
    ),
    builtin(
        "decisions-actor.html",
        1,
        include_str!("../../templates/decisions-actor.html"),
    ),
    builtin("404.html", 1, include_str!("../../templates/404.html")),
    builtin(
        "sitemap.xml",
        1,
        include_str!("../../templates/sitemap.xml"),
    ),
];

const fn builtin(name: &'static str, version: u32, source: &'static str) -> Builtin {
    Builtin {
        name,
        version,
        source,
    }
}

/// The built-in static files: (path in the output, content).
pub const STATIC: &[(&str, &str)] = &[
    ("static/sxs.css", include_str!("../../static/sxs.css")),
    ("static/sxs.js", include_str!("../../static/sxs.js")),
    (
        "static/favicon.svg",
        include_str!("../../static/favicon.svg"),
    ),
];

/// The version on the first line of `source`, if that line is the stamp of
/// the template `name` (a stamp naming another template is no stamp).
fn stamped_version(source: &str, name: &str) -> Option<u32> {
    let line = source.lines().next()?.trim();
    let inside = line.strip_prefix("{#")?.strip_suffix("#}")?;
    let inside = inside.trim_start_matches('-').trim_end_matches('-');
    let mut words = inside
        .trim()
        .strip_prefix("sxs-template:")?
        .split_whitespace();
    if words.next()? != name {
        return None;
    }
    let version = words.next()?.strip_prefix('v')?.parse().ok()?;
    words.next().is_none().then_some(version)
}

/// A site's template that replaces a built-in one but is stamped with an
/// older version than the built-in's, or not stamped: it may lack what the
/// built-in template gained since it was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleTemplate {
    /// The site's copy (`templates/page.html`).
    pub path: PathBuf,
    /// The built-in template it replaces.
    pub name: &'static str,
    /// The copy's version; `None` when it carries no stamp.
    pub stamped: Option<u32>,
    /// The built-in template's version.
    pub builtin: u32,
}

impl fmt::Display for StaleTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the built-in {} is v{}, ",
            self.path.display(),
            self.name,
            self.builtin
        )?;
        match self.stamped {
            Some(version) => write!(f, "this copy is stamped v{version}")?,
            None => f.write_str("this copy has no `sxs-template` stamp")?,
        }
        write!(
            f,
            "; compare it with a fresh copy (`sxs init --templates DIR`), update it, \
             then make its first line `{{# sxs-template: {} v{} -#}}`",
            self.name, self.builtin
        )
    }
}

/// The template environment of one build.
pub struct Templates {
    tera: Tera,
    strings: strings::Catalog,
    /// Each locale's strings as templates read them, made once: every view
    /// of every page inserts them (a map of a hundred strings built and
    /// serialized anew per view was 2% of a build).
    strings_values: std::sync::Mutex<std::collections::HashMap<String, tera::Value>>,
    /// The site's templates that replace built-in ones, by name.
    overridden: BTreeMap<&'static str, PathBuf>,
    stale: Vec<StaleTemplate>,
}

impl Templates {
    /// Built-in templates, each replaced by `<site>/templates/<name>` if
    /// present. A template that is a symbolic link out of `templates/` is
    /// refused unless `symlinks` follows all (it would publish whatever it
    /// points to).
    pub fn load(
        site_templates: &Path,
        symlinks: Symlinks,
        overrides: &BTreeMap<String, strings::Strings>,
    ) -> Result<Templates> {
        let site_yml = site_templates.with_file_name("site.yml");
        let strings =
            strings::Catalog::new(overrides).map_err(|e| Error::at(&site_yml, e.to_string()))?;
        let mut sources: Vec<(&str, String)> = Vec::new();
        let mut overridden = BTreeMap::new();
        let mut stale = Vec::new();
        let root = site_templates.canonicalize().ok();
        for template in TEMPLATES {
            let custom = site_templates.join(template.name);
            let leaves = root
                .as_deref()
                .is_some_and(|root| load::link_leaves(root, &custom));
            if leaves && symlinks == Symlinks::StayInside {
                return Err(Error::at(
                    &custom,
                    "is a symbolic link that leads outside templates/; copy the template in, \
                     or set `follow_outside_symlinks: true` in site.yml if you trust this site",
                ));
            }
            let source = if custom.is_file() {
                let source = std::fs::read_to_string(&custom).map_err(|e| Error::io(&custom, e))?;
                let stamped = stamped_version(&source, template.name);
                if stamped.is_none_or(|version| version < template.version) {
                    stale.push(StaleTemplate {
                        path: custom.clone(),
                        name: template.name,
                        stamped,
                        builtin: template.version,
                    });
                }
                overridden.insert(template.name, custom);
                source
            } else {
                template.source.to_owned()
            };
            sources.push((template.name, source));
        }
        let mut tera = Tera::new();
        // Escape HTML in every template, whatever its extension.
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let mut templates = Templates {
            tera,
            strings,
            strings_values: Default::default(),
            overridden,
            stale,
        };
        if let Err(err) = templates.tera.add_raw_templates(sources) {
            return Err(templates.error(&err));
        }
        Ok(templates)
    }

    /// The interface strings of a page whose chrome is in `locale`.
    pub fn strings(&self, locale: &str) -> strings::Strings {
        self.strings.for_locale(locale)
    }

    /// [`Templates::strings`] as a template value, made once per locale (a
    /// Tera value shares its contents: each view gets it without a copy).
    pub fn strings_value(&self, locale: &str) -> tera::Value {
        let made = || tera::Value::from_serializable(&self.strings(locale));
        // A poisoned lock (a panic elsewhere) only loses the cache.
        match self.strings_values.lock() {
            Ok(mut values) => values.entry(locale.to_owned()).or_insert_with(made).clone(),
            Err(_) => made(),
        }
    }

    /// The site's templates older than the built-in ones they replace.
    pub fn stale(&self) -> &[StaleTemplate] {
        &self.stale
    }

    /// Renders the template `name` (its file name) over `context`; a Tera
    /// error names the template's file and place (the site's copy when it
    /// has one).
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera.render(name, context).map_err(|e| self.error(&e))
    }

    /// A Tera error as `file:line:column: message` with Tera's excerpt
    /// of the line (and of the templates that called it), the file being
    /// the site's template when it replaces the built-in one. Tera checks
    /// the names every template uses (filters, tests, components, blocks)
    /// all at once: the problems after the first are listed under it.
    fn error(&self, err: &tera::Error) -> Error {
        let text = err.to_string();
        let located = match err.kind() {
            ErrorKind::SyntaxError(_) | ErrorKind::RenderingError(_) | ErrorKind::Msg(_) => {
                reports(&text)
            }
            _ => None,
        };
        let Some((first, others)) = located.as_deref().and_then(<[Report]>::split_first) else {
            return Error::new(format!("template error: {}", with_causes(err)));
        };
        let mut message = first.describe();
        for other in others {
            let (line, column) = other.position;
            message.push_str(&format!(
                "\n{}:{line}:{column}: {}",
                self.place(other.name),
                other.describe()
            ));
        }
        for stale in &self.stale {
            if located.iter().flatten().any(|r| r.name == stale.name) {
                message.push_str(&format!("\nnote: {stale}"));
            }
        }
        match self.overridden.get(first.name) {
            Some(path) => Error::at_position(path, first.position, message),
            None => {
                let (line, column) = first.position;
                Error::new(format!(
                    "{}:{line}:{column}: {message}",
                    self.place(first.name)
                ))
            }
        }
    }

    /// The file of the template `name`, as an error names it.
    fn place(&self, name: &str) -> String {
        match self.overridden.get(name) {
            Some(path) => path.display().to_string(),
            None => format!("built-in template {name}"),
        }
    }
}

/// One problem in Tera's report: `error: MESSAGE`, `--> NAME:LINE:COLUMN`
/// (the column from 1), then an excerpt of the template.
#[derive(Debug, PartialEq)]
struct Report<'a> {
    message: &'a str,
    name: &'a str,
    position: (usize, usize),
    excerpt: &'a str,
}

impl Report<'_> {
    fn describe(&self) -> String {
        match self.excerpt {
            "" => format!("template error: {}", self.message),
            excerpt => format!("template error: {}\n{excerpt}", self.message),
        }
    }
}

/// Tera's report split into its problems (it puts a blank line between
/// them), or `None` when the text is not in that form. Tera's checks of the
/// names templates use give their places only in this text.
fn reports(text: &str) -> Option<Vec<Report<'_>>> {
    let body = text.strip_prefix("error: ")?;
    body.split("\n\nerror: ").map(report).collect()
}

fn report(text: &str) -> Option<Report<'_>> {
    let (message, rest) = text.split_once('\n')?;
    let (place, excerpt) = rest.split_once('\n').unwrap_or((rest, ""));
    let mut parts = place.trim_start().strip_prefix("--> ")?.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    Some(Report {
        message,
        name,
        position: (line, column),
        excerpt,
    })
}

/// Escapes the characters that matter in HTML text and quoted attributes,
/// as sxs's own HTML does. Tera's escaper does the same today, but changes
/// with its `fast_escape` feature (which any crate in the build could turn
/// on): the site's bytes should not.
fn escape_html(text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(markdown::escape_attr(text).as_bytes())
}

/// An error with its causes, innermost last.
fn with_causes(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    /// Each built-in template's version and an FNV-1a hash of its source.
    /// When this test fails, the template changed: bump its version (in
    /// [`TEMPLATES`] and in its stamp) so that sites with an older copy are
    /// warned, then record the new hash here.
    const RECORDED: &[(&str, u32, u64)] = &[
        ("base.html", 4, 0xa0258a7e3dd8fae7),
        ("macros.html", 2, 0x45a291d8a10b1b99),
        ("nav.html", 1, 0x3c4a89c7b761fb91),
        ("toc.html", 1, 0x6bef67c1ef4e5146),
        ("page.html", 5, 0x20ae6e1cdd3b1e1),
        ("home.html", 1, 0xe41b942ba0a52a60),
        ("review.html", 1, 0xb9ecfc9e07519ded),
        ("decisions.html", 1, 0x8bf3572549023bd9),
        ("decisions-actor.html", 1, 0xef9a58bd6fb136e5),
        ("404.html", 1, 0xd7bd58fbb8b1945f),
        ("sitemap.xml", 1, 0x4be726ac55afdbbb),
    ];

    #[test]
    fn stamps_follow_the_sources() {
        assert_eq!(RECORDED.len(), TEMPLATES.len());
        for (template, &(name, version, hash)) in TEMPLATES.iter().zip(RECORDED) {
            assert_eq!(template.name, name);
            assert_eq!(
                stamped_version(template.source, template.name),
                Some(template.version),
                "{name}: the stamp on its first line is not its version in TEMPLATES"
            );
            let mut hasher = fnv::FnvHasher::default();
            hasher.write(template.source.as_bytes());
            assert_eq!(
                (template.version, hasher.finish()),
                (version, hash),
                "{name} changed: bump its version (TEMPLATES and its stamp), then record \
                 {:#x}",
                hasher.finish()
            );
        }
    }

    #[test]
    fn reads_stamps_and_only_stamps() {
        let read = |source: &str| stamped_version(source, "page.html");
        assert_eq!(read("{# sxs-template: page.html v3 -#}\n<p>"), Some(3));
        assert_eq!(read("{#- sxs-template:  page.html  v12 #}"), Some(12));
        assert_eq!(
            read("{# sxs-template: base.html v3 -#}\n"),
            None,
            "another's"
        );
        assert_eq!(read("{# sxs-template: page.html 3 -#}\n"), None);
        assert_eq!(read("{# sxs-template: page.html v3 extra #}\n"), None);
        assert_eq!(
            read("<p>\n{# sxs-template: page.html v3 #}"),
            None,
            "not first"
        );
        assert_eq!(read(""), None);
    }

    fn site_with(templates: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("templates");
        std::fs::create_dir(&folder).unwrap();
        for (name, source) in templates {
            std::fs::write(folder.join(name), source).unwrap();
        }
        (dir, folder)
    }

    fn load(folder: &Path) -> Result<Templates> {
        Templates::load(folder, Symlinks::StayInside, &BTreeMap::new())
    }

    #[test]
    fn a_copy_stamped_older_or_not_at_all_is_stale() {
        let (_dir, folder) = site_with(&[
            (
                "page.html",
                "{# sxs-template: page.html v0 -#}\n{% extends \"base.html\" %}",
            ),
            ("toc.html", "{% extends \"base.html\" %}"),
            (
                "home.html",
                "{# sxs-template: home.html v9 -#}\n{% extends \"base.html\" %}",
            ),
        ]);
        let templates = load(&folder).unwrap();
        let stale: Vec<(&str, Option<u32>)> = templates
            .stale()
            .iter()
            .map(|s| (s.name, s.stamped))
            .collect();
        assert_eq!(stale, [("toc.html", None), ("page.html", Some(0))]);
        let page = templates.stale()[1].to_string();
        assert!(page.starts_with(&format!("{}: ", folder.join("page.html").display())));
        assert!(
            page.contains(&format!(
                "the built-in page.html is v{}, this copy is stamped v0",
                TEMPLATES
                    .iter()
                    .find(|t| t.name == "page.html")
                    .map_or(0, |t| t.version)
            )),
            "{page}"
        );
        assert!(templates.stale()[0]
            .to_string()
            .contains("no `sxs-template` stamp"));
    }

    #[test]
    fn a_syntax_error_names_the_site_file_line_and_column() {
        let (_dir, folder) = site_with(&[(
            "page.html",
            "{# sxs-template: page.html v1 -#}\n{% extends \"base.html\" %}\n\
             {% block main %}\n  {% if %}{% endif %}{% endblock main %}",
        )]);
        let err = load(&folder).err().unwrap();
        assert_eq!(
            err.path.as_deref(),
            Some(folder.join("page.html").as_path())
        );
        assert_eq!(err.position, Some((4, 9)), "{err}");
        assert!(err.message.starts_with("template error: "), "{err}");
        assert!(err.message.contains("4 |   {% if %}"), "the excerpt: {err}");
    }

    #[test]
    fn a_rendering_error_names_the_file_it_is_in() {
        let (_dir, folder) = site_with(&[(
            "toc.html",
            "{# sxs-template: toc.html v1 -#}\n{% extends \"base.html\" %}\
             {% block title %}{{ tree.nope }}{% endblock title %}",
        )]);
        let templates = load(&folder).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("tree", &BTreeMap::from([("title", "T")]));
        // What base.html shows before its title.
        ctx.insert("ui_lang", "en");
        let err = templates.render("toc.html", &ctx).err().unwrap();
        // The error is in the site's toc.html, not in base.html that runs it.
        assert_eq!(err.path.as_deref(), Some(folder.join("toc.html").as_path()));
        assert_eq!(err.position, Some((2, 51)), "{err}");
        assert!(err.message.contains("Field `nope` is not defined"), "{err}");
        assert!(
            err.to_string().starts_with(&format!(
                "{}:2:51: template error: ",
                folder.join("toc.html").display()
            )),
            "{err}"
        );
    }

    #[test]
    fn unknown_names_in_several_templates_are_all_listed() {
        let (_dir, folder) = site_with(&[
            ("home.html", "{{ x | no_such_filter }}"),
            ("toc.html", "\n{% if x is no_such_test %}{% endif %}"),
        ]);
        let err = load(&folder).err().unwrap();
        assert_eq!(
            err.path.as_deref(),
            Some(folder.join("home.html").as_path())
        );
        assert_eq!(err.position, Some((1, 8)), "{err}");
        let toc = format!(
            "{}:2:12: template error: Unknown test",
            folder.join("toc.html").display()
        );
        assert!(err.message.contains(&toc), "{err}");
        // Both copies are unstamped: the notes say so.
        assert_eq!(err.message.matches("\nnote: ").count(), 2, "{err}");
    }

    #[test]
    fn reports_that_are_not_tera_s_form_are_not_read() {
        assert_eq!(reports("Template 'x' not found"), None);
        assert_eq!(reports("error: m\n --> a.html:x:3\n"), None);
        let read = reports("error: m\n --> a:b.html:2:3\n  |").unwrap();
        assert_eq!(
            read,
            [Report {
                message: "m",
                name: "a:b.html",
                position: (2, 3),
                excerpt: "  |"
            }]
        );
    }

    #[test]
    fn escapes_what_html_needs_and_leaves_slashes() {
        let mut out = Vec::new();
        escape_html("a/b <c> & \"d\" 'e'", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a/b &lt;c&gt; &amp; &quot;d&quot; &#39;e&#39;"
        );
    }
}
