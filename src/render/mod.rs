//! Stage 6, **render**: Tera templates over plain view structs.
//!
//! The built-in templates, CSS and JS are compiled into the binary; a file of
//! the same name in the site's `templates/` (or `static/`) replaces one. The
//! Tera environment is built once per build and shared by all pages.

pub mod charts;
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
use std::path::Path;
use tera::Tera;

/// The built-in templates: (name, source).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("nav.html", include_str!("../../templates/nav.html")),
    ("toc.html", include_str!("../../templates/toc.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("review.html", include_str!("../../templates/review.html")),
    (
        "decisions.html",
        include_str!("../../templates/decisions.html"),
    ),
    (
        "decisions-actor.html",
        include_str!("../../templates/decisions-actor.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
];

/// The built-in static files: (path in the output, content).
pub const STATIC: &[(&str, &str)] = &[
    ("static/sxs.css", include_str!("../../static/sxs.css")),
    ("static/sxs.js", include_str!("../../static/sxs.js")),
    (
        "static/favicon.svg",
        include_str!("../../static/favicon.svg"),
    ),
];

/// The template environment of one build.
pub struct Templates {
    tera: Tera,
    strings: strings::Catalog,
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
        let mut sources: Vec<(String, String)> = Vec::new();
        let root = site_templates.canonicalize().ok();
        for (name, builtin) in TEMPLATES {
            let custom = site_templates.join(name);
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
                std::fs::read_to_string(&custom).map_err(|e| Error::io(&custom, e))?
            } else {
                (*builtin).to_owned()
            };
            sources.push(((*name).to_owned(), source));
        }
        let mut tera = Tera::default();
        // Escape HTML in every template, whatever its extension.
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's default also escapes `/`, which bloats every URL; `/` is
        // harmless in text and in quoted attribute values.
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(sources)
            .map_err(|e| template_error(&e))?;
        Ok(Templates { tera, strings })
    }

    /// The interface strings of a page whose chrome is in `locale`.
    pub fn strings(&self, locale: &str) -> strings::Strings {
        self.strings.for_locale(locale)
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(&e))
    }
}

/// Escapes the characters that matter in HTML text and quoted attributes.
fn escape_html(text: &str) -> String {
    markdown::escape_attr(text)
}

/// Tera nests the cause; the innermost message is the useful one.
fn template_error(err: &tera::Error) -> Error {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::new(format!("template error: {message}"))
}
