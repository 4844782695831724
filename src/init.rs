//! `sxs init DIR`: a new site with a sample bilingual page, a navigation
//! file and a `site.yml` with every key. The site uses the built-in
//! templates, so it follows them as sxs changes; `--templates` also writes
//! copies to edit, each stamped with its version so a build can tell when
//! the built-in one has moved on.

use crate::diagnostic::{Error, Result};
use std::fs;
use std::path::Path;

const SAMPLE_PAGE: &str = r#"---
title: Bem-vindo
description: Uma página de exemplo em marcação bilíngue.
ms.contentlocale: pt-BR
ms.translationtype: HT
---
# <a name="welcome"></a><span data-ttu-id="00000-101">Bem-vindo</span><span class="sxs-lookup"><span data-stu-id="00000-101">Welcome</span></span>

<span data-ttu-id="00000-102">Cada frase traz a tradução e o **original**.</span><span class="sxs-lookup"><span data-stu-id="00000-102">Each sentence carries the translation and the **original**.</span></span> <span data-ttu-id="00000-103">Você deve revisar as traduções automáticas.</span><span class="sxs-lookup"><span data-stu-id="00000-103">You must review machine translations.</span></span>

> [!NOTE]
> <span data-ttu-id="00000-104">Execute `sxs serve` para ver o site enquanto edita.</span><span class="sxs-lookup"><span data-stu-id="00000-104">Run `sxs serve` to see the site while you edit.</span></span>
"#;

/// The sample is not `index.md`: a content `index.md` is the site's home
/// page (see [`crate::claims`]), which has no side-by-side view.
const SAMPLE_PAGE_PATH: &str = "content/welcome.md";

const SAMPLE_TOC: &str = "- name: Bem-vindo\n  href: welcome.md\n";

const SITE_YML: &str = r#"# Every key is optional.
title: My documentation
base_url: ""              # e.g. https://docs.example.com (sitemap.xml, robots.txt and 404.html need it)
output: public
source_locale: en-US
target_locale: pt-BR      # for pages without ms.contentlocale
attribution: ""           # HTML for the footer, e.g. the content license
review:
  checks: {}              # e.g. { length: info, untranslated: off }
  accept: []              # e.g. [{ id: 00000-103, code: numbers }]
strings: {}               # interface strings, e.g. { pt-BR: { show_original: Ver original } }
"#;

/// Creates the site in `dir`, which must not exist or be empty; with
/// `templates`, also `templates/` with a stamped copy of each built-in
/// template.
pub fn init(dir: &Path, templates: bool) -> Result<()> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .next()
            .is_none();
        if !empty {
            return Err(Error::at(
                dir,
                "is not empty; give a new folder (sxs init never overwrites files)",
            ));
        }
    }
    let write = |rel: &str, text: &str| -> Result<()> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::write(&path, text).map_err(|e| Error::io(&path, e))
    };
    write("site.yml", SITE_YML)?;
    write(SAMPLE_PAGE_PATH, SAMPLE_PAGE)?;
    write("content/TOC.yml", SAMPLE_TOC)?;
    if templates {
        // The sources carry their stamps.
        for template in crate::render::TEMPLATES {
            write(&format!("templates/{}", template.name), template.source)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_lean_site_that_reads_and_refuses_a_non_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("docs");
        init(&site, false).unwrap();
        // Lean: the built-in templates and static files are used, not copied.
        assert!(!site.join("templates").exists());
        assert!(!site.join("static").exists());
        let text = fs::read_to_string(site.join(SAMPLE_PAGE_PATH)).unwrap();
        let doc = crate::read_document("welcome.md", &text);
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        assert_eq!(doc.segments.len(), 4);
        crate::config::Config::load(&site).unwrap();
        assert!(init(&site, false).is_err());
    }

    #[test]
    fn with_templates_writes_each_stamped_and_none_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("docs");
        init(&site, true).unwrap();
        for template in crate::render::TEMPLATES {
            let copy = fs::read_to_string(site.join("templates").join(template.name)).unwrap();
            let first = copy.lines().next().unwrap_or_default();
            assert_eq!(
                first,
                format!(
                    "{{# sxs-template: {} v{} -#}}",
                    template.name, template.version
                )
            );
            assert_eq!(copy, template.source);
        }
        let templates = crate::render::Templates::load(
            &site.join("templates"),
            crate::load::Symlinks::StayInside,
            &Default::default(),
        )
        .unwrap();
        assert_eq!(templates.stale(), &[]);
    }
}
