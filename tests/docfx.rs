//! DocFX conventions end to end on small sites written here: paths (`~/`,
//! root-relative through `docfx.json`, any case), `xref:` by uid, YAML
//! landing and hub pages, includes that are not pages, TOC shapes.

mod common;

use std::path::Path;
use std::process::Command;

/// Writes `files` (path, text) under `dir/content` and builds the site;
/// returns the build's report (stderr) followed by the findings as
/// `sxs check` lists them (the build only counts warnings).
fn build_site(dir: &Path, files: &[(&str, &str)]) -> String {
    for (rel, text) in files {
        let path = dir.join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let output = Command::new(common::sxs_bin())
        .arg("build")
        .arg(dir)
        .arg("--output")
        .arg(dir.join("public"))
        .output()
        .unwrap();
    let check = Command::new(common::sxs_bin())
        .arg("check")
        .arg(dir)
        .output()
        .unwrap();
    [&output.stderr, &check.stdout, &check.stderr]
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .join("\n")
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn pair(id: &str, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>")
}

const DOCFX: &str = r#"{"build": {"dest": "product"}}"#;

#[test]
fn paths_resolve_as_docfx_resolves_them() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "---\ntitle: Page\n---\n# Page\n\n[!include[banner](~/includes/Banner.md)]\n\n\
         {}\n\n[Other](/product/sub/other) [Folder](/product/sub/) \
         [Elsewhere](/elsewhere/page#x) [Case](SUB/OTHER.MD) [Back](..\\index.md)\n",
        pair(
            "a-1",
            "Veja [a API](xref:Api.Thing#use) e <xref:Api.Thing>.",
            "See [the API](xref:Api.Thing#use) and <xref:Api.Thing>."
        ),
    );
    let stderr = build_site(
        dir.path(),
        &[
            ("product/docfx.json", DOCFX),
            (
                "product/includes/banner.md",
                &pair("b-1", "Faixa.", "Banner."),
            ),
            ("product/a/page.md", &page),
            ("product/index.md", "# Home\n"),
            ("product/sub/other.md", "# Other\n"),
            ("product/sub/index.md", "# Sub\n"),
            (
                "product/api.md",
                "---\nuid: Api.Thing\n---\n# <a name=\"use\"></a>Use\n\n[Gone](xref:No.Such.Uid)\n",
            ),
        ],
    );
    let html = read(dir.path(), "product/a/page.html");
    assert!(!stderr.contains("error[include]"), "{stderr}");
    assert!(
        html.contains("id=\"b-1\"") && html.contains("Faixa."),
        "{html}"
    );
    // Links climb only out of the folders the two pages do not share.
    for href in [
        "href=\"../api.html#use\"",
        "href=\"../api.html\"",
        "href=\"../sub/other.html\"",
        "href=\"../sub/index.html\"",
        "href=\"/elsewhere/page#x\"",
        "href=\"../index.html\"",
    ] {
        assert!(html.contains(href), "{href} in {html}");
    }
    assert!(!html.contains("href=\"xref:"), "{html}");
    assert!(
        stderr.contains("product/a/page.md:10:1: warning[root-link]: `/elsewhere/page#x`"),
        "{stderr}"
    );
    // An unresolved xref is text, and a warning with its place.
    let api = read(dir.path(), "product/api.html");
    assert!(api.contains("<span class=\"xref\">Gone</span>"), "{api}");
    assert!(
        stderr.contains("product/api.md:6:1: warning[unresolved-xref]"),
        "{stderr}"
    );
    // The include is a fragment: no page of its own, nothing in search.
    assert!(!dir
        .path()
        .join("public/product/includes/banner.html")
        .exists());
    // No search record leads to the include (the including page's own
    // pairs are its records).
    let shards = std::fs::read_dir(dir.path().join("public/static/search")).unwrap();
    let mut search = String::new();
    for shard in shards {
        search.push_str(&std::fs::read_to_string(shard.unwrap().path()).unwrap());
    }
    assert!(search.contains("a-1"), "{search}");
    assert!(!search.contains("includes/banner"), "{search}");
}

#[test]
fn landing_and_hub_pages_are_pages_and_links_to_them_work() {
    let dir = tempfile::tempdir().unwrap();
    let hub = format!(
        "### YamlMime:Hub\ntitle: Hub\nsummary: '{}'\nproductDirectory:\n  title: Products\n  items:\n  - title: Guide\n    url: guide.md\n    summary: Read it\n",
        pair("h-1", "Tudo.", "Everything.")
    );
    let stderr = build_site(
        dir.path(),
        &[
            ("docs/index.yml", &hub),
            (
                "docs/faq.yml",
                "### YamlMime:FAQ\ntitle: FAQ\nsections:\n- name: Ignored\n  questions:\n  - question: Why?\n    answer: '[Hub](index.yml)'\n",
            ),
            ("docs/guide.md", "# Guide\n\n[Home](index.yml) [FAQ](faq.md)\n"),
            (
                "docs/TOC.yml",
                "items:\n- name: Docs\n  href: index.yml\n- name: Guide\n  href: guide.md\n  items:\n",
            ),
        ],
    );
    assert!(!stderr.contains("error["), "{stderr}");
    assert!(!stderr.contains("broken-link"), "{stderr}");
    let home = read(dir.path(), "index.html");
    assert!(
        home.contains("<h2>Docs</h2>"),
        "named by its first entry: {home}"
    );
    let hub = read(dir.path(), "docs/index.html");
    for part in [
        "id=\"h-1\"",
        "Tudo.",
        "Products",
        "href=\"../docs/guide.html\"",
        "Read it",
    ] {
        assert!(hub.contains(part), "{part} in {hub}");
    }
    let guide = read(dir.path(), "docs/guide.html");
    assert!(guide.contains("href=\"index.html\""), "{guide}");
    assert!(
        guide.contains("href=\"faq.html\""),
        "a link to x.md finds x.yml: {guide}"
    );
    let faq = read(dir.path(), "docs/faq.html");
    assert!(faq.contains("href=\"index.html\""), "{faq}");
}
