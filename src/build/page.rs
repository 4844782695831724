//! One page's three views, rendered to HTML and returned (the driver
//! writes them), with the page's search records.

use super::search::PageRecords;
use crate::diagnostic::{Diagnostic, Result};
use crate::links::SiteIndex;
use crate::model::{Document, Side};
use crate::render::markdown::{Context, IncludeSource};
use crate::render::views::{
    self, FindingView, Locales, PageLinks, PageNav, PageSummary, RenderedTree, View,
};
use crate::render::Templates;
use crate::site::Site;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The interface strings `sxs.js` needs (the controls it adds: menu,
/// search, theme), given by each language's interface script.
const UI_SCRIPT_WORDS: [&str; 5] = ["menu", "search", "no_match", "results", "toggle_theme"];

/// Where a language's interface script goes, `static/ui/<tag>.js`: one
/// shared file per language rather than the same words and the theme
/// script in every view of every page (bytes that made a tenth of a small
/// page). The tag keeps only ASCII letters, digits and hyphens, lower
/// case, so no locale read from a page names another path.
pub(crate) fn ui_script(locale: &str) -> String {
    let tag: String = locale
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let tag = if tag.is_empty() {
        "und".to_owned()
    } else {
        tag
    };
    format!("static/ui/{tag}.js")
}

/// What rendering any page needs, shared by every page of a build.
pub(crate) struct Shared<'a> {
    pub site: &'a Site,
    pub templates: &'a Templates,
    pub locales: &'a Locales,
    pub index: &'a SiteIndex,
    pub summaries: &'a HashMap<String, PageSummary>,
    pub trees: &'a [RenderedTree],
    pub docs: &'a super::DocCache,
    /// The site's files by content path.
    pub files: &'a super::FilesByPath<'a>,
    /// The site's base URL (site paths outside the docsets lead there).
    pub base_url: &'a str,
}

/// A page's built files and search records.
#[derive(Debug)]
pub(crate) struct RenderedPage {
    /// (path from the output root, HTML), one per view.
    pub files: Vec<(String, String)>,
    /// The page's search records.
    pub search: PageRecords,
}

impl Shared<'_> {
    /// The template values every page shares.
    pub(crate) fn base_context(&self, rel: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("root", &views::root_prefix(rel));
        ctx.insert("config", &self.site.config);
        ctx.insert("locales", self.locales);
        self.chrome_in(&mut ctx, &self.locales.target);
        ctx
    }

    /// Sets the language of a page's interface (`ui_lang`) and its strings
    /// (`t`): the language of the text the page shows.
    pub(crate) fn chrome_in(&self, ctx: &mut tera::Context, locale: &str) {
        ctx.insert("ui_lang", locale);
        ctx.insert("ui_script", &ui_script(locale));
        ctx.insert_value("t", self.templates.strings_value(locale));
    }

    /// The script of `locale`'s interface (see [`ui_script`]): it applies
    /// the reader's theme before the page is drawn and gives `sxs.js` the
    /// words of the controls it adds.
    pub(crate) fn ui_script_file(&self, locale: &str) -> Result<(String, Vec<u8>)> {
        let strings = self.templates.strings(locale);
        let words: BTreeMap<&str, &str> = UI_SCRIPT_WORDS
            .iter()
            .filter_map(|key| Some((*key, strings.get(*key)?.as_str())))
            .collect();
        let words = serde_json::to_string(&words).map_err(|e| {
            crate::diagnostic::Error::new(format!("cannot write {locale}'s interface script: {e}"))
        })?;
        // The file's name, not the locale as a page wrote it, names the
        // language in the script: nothing read from a page gets in.
        let path = ui_script(locale);
        let body = format!(
            "// sxs ({path}): the interface words of this language's pages, and the reader's theme.\n\
             document.documentElement.dataset.theme = localStorage.getItem(\"sxs-theme\") || \"\";\n\
             window.SXS_UI = {words};\n"
        );
        Ok((path, body.into_bytes()))
    }

    /// Renders one page's three views. `findings` are all of the page's,
    /// its own and the site pass's.
    pub(crate) fn render_page(
        &self,
        doc: &Document,
        locale: &str,
        findings: &[Diagnostic],
    ) -> Result<RenderedPage> {
        let links = PageLinks::new(self.index, self.locales, &doc.rel, self.base_url);
        let includes = Includes {
            site: self.site,
            index: self.index,
            docs: self.docs,
            files: self.files,
        };
        let context = Context {
            links: &links,
            target_lang: locale,
            source_lang: &self.site.config.source_locale,
            includes: Some(&includes),
            include_stack: Default::default(),
            sanitize: self.site.config.sanitize_html,
            parsed: Default::default(),
            highlighted: Default::default(),
        };
        let summary = self.summaries.get(&doc.rel);
        let mut ctx = self.base_context(&doc.rel);
        ctx.insert("page", &PageView::new(doc, self.locales, locale));
        ctx.insert("summary", &summary);
        let decisions = summary
            .map(|s| views::group_decisions(&[s]))
            .unwrap_or_default();
        ctx.insert("decisions", &decisions);
        ctx.insert("nav", &PageNav::of(&doc.rel, self.trees, self.summaries));
        let shown: Vec<FindingView> = findings.iter().map(FindingView::of).collect();
        ctx.insert("findings", &shown);
        let mut files = Vec::with_capacity(View::ALL.len());
        for view in View::ALL {
            links.view.set(view);
            ctx.insert("view", &view);
            let chrome = match view {
                View::Source => &self.site.config.source_locale,
                View::Sxs | View::Target => locale,
            };
            self.chrome_in(&mut ctx, chrome);
            match view {
                View::Sxs => {
                    let rows = views::rows(doc, findings, &context);
                    ctx.insert("page_findings", &views::page_findings(&rows, findings));
                    ctx.insert("rows", &rows);
                    ctx.insert("body", "");
                }
                View::Target | View::Source => {
                    let side = if view == View::Target {
                        Side::Target
                    } else {
                        Side::Source
                    };
                    ctx.insert("rows", &Vec::<()>::new());
                    ctx.insert("body", &views::reading_body(doc, side, &context));
                }
            }
            let html = self.templates.render("page.html", &ctx)?;
            files.push((self.locales.built_path(&doc.rel, view), html));
        }
        Ok(RenderedPage {
            files,
            search: self.search_records(doc),
        })
    }

    /// The page's segments as search records.
    fn search_records(&self, doc: &Document) -> PageRecords {
        PageRecords {
            url: self.locales.href(&doc.rel, View::Sxs),
            title: views::page_title(doc),
            segments: doc
                .segments
                .iter()
                .map(|s| (s.id.clone(), s.target_text.clone(), s.source_text.clone()))
                .collect(),
        }
    }
}

/// The files that include paragraphs and `:::code` directives name, found
/// as links are ([`SiteIndex::find`]: `~/`, any case). An include is the
/// build's document (a fragment read with the pages; its findings are its
/// own), or read through load, parse and align when not kept.
struct Includes<'a> {
    site: &'a Site,
    index: &'a SiteIndex,
    docs: &'a super::DocCache,
    files: &'a super::FilesByPath<'a>,
}

impl Includes<'_> {
    /// The content file `href` (written in `from`) names, or what is wrong,
    /// for an include or a `:::code` (`what`).
    fn named(
        &self,
        from: &str,
        href: &str,
        what: &str,
    ) -> std::result::Result<&crate::load::ContentFile, String> {
        let path = href.split('#').next().unwrap_or(href);
        self.index
            .find(from, path)
            .and_then(|rel| self.files.get(rel.as_str()).copied())
            .ok_or_else(|| format!("{what} `{href}` not found; fix the path"))
    }
}

impl IncludeSource for Includes<'_> {
    fn load(&self, from: &str, href: &str) -> std::result::Result<Document, String> {
        let file = self.named(from, href, "include")?;
        match self.docs.get(&file.rel) {
            Some(doc) => Ok(doc.clone()),
            None => crate::pipeline::read_document(self.site, file).map_err(|d| d.message),
        }
    }

    fn code(&self, from: &str, href: &str) -> std::result::Result<String, String> {
        let file = self.named(from, href, "code")?;
        crate::load::read_text(&file.path, &file.rel).map_err(|d| d.message)
    }
}

/// The page fields templates see.
#[derive(Debug, Serialize)]
struct PageView<'a> {
    rel: &'a str,
    title: String,
    description: Option<&'a str>,
    meta: &'a serde_json::Map<String, serde_json::Value>,
    bilingual: bool,
    target_locale: &'a str,
    /// File names of the three views (same folder).
    urls: BTreeMap<&'static str, String>,
}

impl<'a> PageView<'a> {
    fn new(doc: &'a Document, locales: &Locales, locale: &'a str) -> PageView<'a> {
        let name = |view| {
            let path = locales.href(&doc.rel, view);
            path.rsplit('/').next().unwrap_or(&path).to_owned()
        };
        let urls = BTreeMap::from([
            ("sxs", name(View::Sxs)),
            ("target", name(View::Target)),
            ("source", name(View::Source)),
        ]);
        PageView {
            rel: &doc.rel,
            title: views::page_title(doc),
            description: doc.meta.description.as_deref(),
            meta: &doc.meta.all,
            bilingual: doc.is_bilingual(),
            target_locale: locale,
            urls,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ui_script;

    #[test]
    fn an_interface_script_is_named_by_its_tag_alone() {
        assert_eq!(ui_script("pt-BR"), "static/ui/pt-br.js");
        assert_eq!(ui_script("zh_CN"), "static/ui/zh-cn.js");
        // Nothing a page writes as its locale leaves the folder.
        assert_eq!(ui_script("../../etc/x"), "static/ui/etcx.js");
        assert_eq!(ui_script("\u{2028}"), "static/ui/und.js");
    }
}
