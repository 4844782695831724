//! `sxs build` end to end: the real corpus in three views with nothing lost,
//! the sample site, includes, exit codes, and atomic output.

mod common;

use regex::Regex;
use std::path::Path;
use std::process::{Command, Output};

fn build(site: &Path, out: &Path) -> Output {
    Command::new(common::sxs_bin())
        .arg("build")
        .arg(site)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap()
}

/// The visible text of an HTML page: tags dropped, entities decoded,
/// whitespace collapsed.
fn visible_text(html: &str) -> String {
    // Inline tags join their text; other tags separate words.
    let inline = Regex::new(r"</?(?:strong|em|b|i|code|a|span|sup|sub|kbd)\b[^>]*>").unwrap();
    let tags = Regex::new(r"(?s)<!--.*?-->|<[^>]*>").unwrap();
    // An image's text is its alt text.
    let img = Regex::new(r#"<img\b[^>]*\balt="([^"]*)"[^>]*>"#).unwrap();
    let text = img.replace_all(html, " $1 ");
    let text = inline.replace_all(&text, "");
    let text = tags.replace_all(&text, " ");
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn corpus_builds_with_every_segment_once_per_side_and_view() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = build(&corpus, &public);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains(" 0 error(s)"), "{stderr}");

    let site = sxs::site::Site::open(&corpus, Some(&public)).unwrap();
    let review = sxs::pipeline::review_site(&site, true);
    let unreadable: Vec<_> = review.findings.iter().filter(|d| d.code == "io").collect();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    let mut checked = 0;
    for doc in review
        .pages
        .iter()
        .map(|p| &p.doc)
        .filter(|d| d.is_bilingual())
    {
        let stem = doc.rel.trim_end_matches(".md");
        let read =
            |suffix: &str| std::fs::read_to_string(public.join(format!("{stem}{suffix}"))).unwrap();
        let (sxs_html, target_html, source_html) =
            (read(".html"), read(".pt-br.html"), read(".en-us.html"));
        let (target_text, source_text) = (visible_text(&target_html), visible_text(&source_html));
        for seg in &doc.segments {
            let id = &seg.id;
            assert_eq!(
                count(&sxs_html, &format!("id=\"{id}\"")),
                1,
                "{}: {id} left",
                doc.rel
            );
            assert_eq!(
                count(&sxs_html, &format!("id=\"src-{id}\"")),
                1,
                "{}: {id} right",
                doc.rel
            );
            assert_eq!(
                count(&target_html, &format!("id=\"{id}\"")),
                1,
                "{}: {id} target view",
                doc.rel
            );
            assert_eq!(
                count(&source_html, &format!("id=\"{id}\"")),
                1,
                "{}: {id} source view",
                doc.rel
            );
            assert!(
                target_text.contains(&seg.target_text),
                "{}: {id} target text {:?}",
                doc.rel,
                seg.target_text
            );
            assert!(
                source_text.contains(&seg.source_text),
                "{}: {id} source text {:?}",
                doc.rel,
                seg.source_text
            );
            checked += 1;
        }
    }
    eprintln!("{checked} segments checked in three views");
    assert!(checked > 30_000);
    // The corpus has no base_url: no sitemap with relative URLs.
    assert!(!public.join("sitemap.xml").exists() && !public.join("robots.txt").exists());
    for page in [
        "index.html",
        "404.html",
        "static/favicon.svg",
        "review/index.html",
        "decisions/index.html",
        "static/search/t.js",
        "static/search/s.js",
    ] {
        assert!(public.join(page).is_file(), "{page}");
    }
}

#[test]
fn sample_site_builds_and_links_stay_relative() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = build(root, &public);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = std::fs::read_to_string(
        public.join("partner-center/customer-communication-from-microsoft.html"),
    )
    .unwrap();
    // Every local URL is relative, so public/ works from disk and under a sub-path.
    let href = Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    for url in href.captures_iter(&page).map(|c| c[1].to_owned()) {
        assert!(
            !url.starts_with('/') || url.starts_with("//"),
            "absolute local URL {url}"
        );
    }
    assert!(page.contains("href=\"../static/sxs.css\""));
    assert!(page.contains("hreflang=\"pt-BR\""));
    assert!(
        page.contains("Creative Commons Attribution 4.0"),
        "attribution in the footer"
    );
    // The navigation tree is not in the page: the page loads the tree's
    // shared script, and links to the tree's own page for readers without
    // scripts; the home page does the same.
    assert!(page.contains("<script src=\"../static/nav/0.js\" defer>"));
    assert!(page.contains("href=\"../static/nav/0.html\""));
    assert!(!page.contains("<details><summary>"), "no tree in the page");
    let home = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(home.contains("<script src=\"static/nav/0.js\" defer>"));
    assert!(home.contains("href=\"static/nav/0.html\""));
    let tree_page = std::fs::read_to_string(public.join("static/nav/0.html")).unwrap();
    assert!(tree_page
        .contains("href=\"../../partner-center/customer-communication-from-microsoft.html\""));
    let script = std::fs::read_to_string(public.join("static/nav/0.js")).unwrap();
    assert!(script.starts_with("(window.SXS_NAV=window.SXS_NAV||{})[0]=\""));
    assert!(script.contains(
        "href=\\\"%SXS_ROOT%partner-center/customer-communication-from-microsoft.html\\\""
    ));
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.com/docs/partner-center/customer-communication-from-microsoft.html</loc>"), "{sitemap}");
    assert!(sitemap.contains("hreflang=\"en-US\" href=\"https://example.com/docs/partner-center/customer-communication-from-microsoft.en-us.html\""), "{sitemap}");
}

#[test]
fn includes_render_in_place_and_a_missing_one_is_an_error() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = build(&fixtures, &public);
    assert_eq!(
        output.status.code(),
        Some(1),
        "broken fixtures fail the build"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "with-include.md:12:1: error[include]: include `includes/missing.md` not found"
        ),
        "{stderr}"
    );
    let page = std::fs::read_to_string(public.join("with-include.html")).unwrap();
    for id in ["66666-1", "66666-3"] {
        assert_eq!(count(&page, &format!("id=\"{id}\"")), 1, "{id}");
        assert_eq!(count(&page, &format!("id=\"src-{id}\"")), 1, "{id}");
    }
    assert!(page.contains("Texto incluído.") && page.contains("Other included text."));
    // A bad page does not stop the others.
    assert!(public.join("duplicate-id.html").is_file());
}

#[test]
fn a_failed_build_leaves_the_last_good_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(site.join("content/a.md"), "# A\n").unwrap();
    let public = site.join("public");
    assert!(build(site, &public).status.success());
    let good = std::fs::read_to_string(public.join("a.html")).unwrap();
    // A template error fails the build as a whole.
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(site.join("templates/page.html"), "{% if %}").unwrap();
    std::fs::write(site.join("content/a.md"), "# Changed\n").unwrap();
    let failed = build(site, &public);
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("template"));
    assert_eq!(
        std::fs::read_to_string(public.join("a.html")).unwrap(),
        good
    );
    let leftovers: Vec<_> = std::fs::read_dir(site)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("sxs-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_create() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/a.md"), "# A\n").unwrap();
    let precious = dir.path().join("mine");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("keep.txt"), "keep").unwrap();
    let output = build(dir.path(), &precious);
    assert_eq!(output.status.code(), Some(2));
    assert!(precious.join("keep.txt").is_file());
    let output = build(dir.path(), &dir.path().join("content"));
    assert_eq!(output.status.code(), Some(2));
    assert!(dir.path().join("content/a.md").is_file());
}

/// A pair as the corpus writes it: target span, then the source lookup.
fn pair(id: &str, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>\n\n")
}

#[test]
fn side_by_side_findings_carry_their_tokens_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    std::fs::create_dir_all(site.join("content")).unwrap();
    let page = format!(
        "{}{}{}",
        pair("a-1", "Pague 1.000 em 3 dias.", "Pay 1,000 within 30 days."),
        pair("a-2", "Defina `x=\"<a>\"`.", "Set `x=\"<b>\"`."),
        pair("a-3", "Select the link.", "Select the link."),
    );
    std::fs::write(site.join("content/a.md"), page).unwrap();
    let public = site.join("public");
    let output = build(site, &public);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(public.join("a.html")).unwrap();
    // Numbers: both sides' numbers, tab-separated, on the finding of a-1.
    assert!(
        html.contains(r#"data-check="numbers" data-for="a-1" data-tokens="30&#9;3""#),
        "{html}"
    );
    // Markup: code with quotes and angle brackets stays inside the attribute.
    assert!(
        html.contains(
            r#"data-for="a-2" data-tokens="x=&quot;&lt;b&gt;&quot;&#9;x=&quot;&lt;a&gt;&quot;""#
        ),
        "{html}"
    );
    // A finding without tokens (untranslated) has no attribute at all.
    let untranslated = html
        .split("<li class=\"finding")
        .find(|li| li.contains("data-check=\"untranslated\""))
        .unwrap();
    assert!(!untranslated.contains("data-tokens"), "{untranslated}");
    // The marking is the script's: the page's text is as written.
    assert!(!html.contains("<mark"), "{html}");
}

/// `sxs init` makes a site whose sample page has its three views beside the
/// home page, whose chrome is in the sample's language, and which (without
/// a base_url) writes no sitemap with relative URLs.
#[test]
fn the_site_sxs_init_makes_builds_all_three_views_of_its_sample() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("docs");
    let out = dir.path().join("public");
    let init = Command::new(common::sxs_bin())
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let built = build(&site, &out);
    let log = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{log}");
    let read =
        |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(
        log.contains("sitemap.xml and robots.txt were not written"),
        "{log}"
    );
    // The home page's navigation (a script every page shares) leads to the
    // sample's side-by-side view.
    let home = read("index.html");
    assert!(home.contains("static/nav/0.js"), "{home}");
    let nav = read("static/nav/0.js");
    assert!(nav.contains("%SXS_ROOT%welcome.html"), "{nav}");
    let sxs = read("welcome.html");
    assert!(sxs.contains("<html lang=\"pt-BR\">"), "{sxs}");
    assert!(sxs.contains(">Lado a lado</a>"), "{sxs}");
    assert!(
        sxs.contains("Each sentence carries the translation"),
        "{sxs}"
    );
    assert!(read("welcome.pt-br.html").contains("Mostrar original"));
    let source = read("welcome.en-us.html");
    assert!(source.contains("<html lang=\"en-US\">"), "{source}");
    assert!(source.contains(">Side by side</a>"), "{source}");
    assert!(out.join("static/favicon.svg").is_file());
    assert!(!out.join("sitemap.xml").exists() && !out.join("robots.txt").exists());
    let not_found = read("404.html");
    assert!(
        not_found.contains("href=\"/static/sxs.css\""),
        "{not_found}"
    );
}

/// Each view's interface is in the language of its text, the locale coming
/// from the page (`ms.contentlocale`), and site.yml replaces a string.
#[test]
fn each_view_speaks_the_language_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let write = |site: &Path, locale: &str, target: &str, yml: &str| {
        std::fs::create_dir_all(site.join("content")).unwrap();
        let page = format!(
            "---\ntitle: T\nms.contentlocale: {locale}\n---\n<span data-ttu-id=\"a-1\">{target}</span>\
             <span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Hello.</span></span>\n"
        );
        std::fs::write(site.join("content/p.md"), page).unwrap();
        std::fs::write(site.join("site.yml"), yml).unwrap();
    };
    let de = dir.path().join("de");
    let zh = dir.path().join("zh");
    write(
        &de,
        "de-DE",
        "Hallo.",
        "strings:\n  de-DE:\n    show_original: Englisch zeigen\n",
    );
    write(&zh, "zh-CN", "你好。", "");
    for (site, reading, cases) in [
        (
            &de,
            "p.de-de.html",
            [
                "Zum Inhalt springen",
                ">Nebeneinander</a>",
                "Englisch zeigen",
            ],
        ),
        (&zh, "p.zh-cn.html", ["跳到内容", ">对照</a>", "显示原文"]),
    ] {
        let out = site.join("out");
        let built = build(site, &out);
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
        let lang = if site == &de { "de-DE" } else { "zh-CN" };
        let (sxs, target, source) = (read("p.html"), read(reading), read("p.en-us.html"));
        for html in [&sxs, &target] {
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{html}");
            assert!(html.contains(cases[0]), "{html}");
        }
        assert!(sxs.contains(cases[1]), "{sxs}");
        assert!(target.contains(cases[2]), "{target}");
        assert!(source.contains("<html lang=\"en-US\">") && source.contains("Skip to content"));
    }
    std::fs::write(
        de.join("site.yml"),
        "strings:\n  de-DE:\n    show_orignal: x\n",
    )
    .unwrap();
    let refused = build(&de, &de.join("out"));
    let log = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && log.contains("strings.de-DE.show_orignal"),
        "{log}"
    );
}
