//! `sxs build` end to end: every real corpus in three views with nothing lost
//! and no link to a page it holds missing,
//! the sample site, includes, exit codes, and atomic output.

mod common;

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

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
    // Block tags separate words; other tags (inline ones, and unknown ones
    // such as `<Result>` in API pages, which browsers do not show) join.
    let block = Regex::new(
        r"(?is)<!--.*?-->|</?(?:p|div|li|ul|ol|h[1-6]|table|thead|tbody|tr|td|th|br|pre|blockquote|section|nav|header|footer|main|aside|details|summary|dl|dt|dd|hr|figure|figcaption|iframe|title|head|body|html|form|button|label|input|select|option|script|style|meta|link)\b[^>]*>",
    )
    .unwrap();
    let tags = Regex::new(r"<[^>]*>").unwrap();
    // An image's text is its alt text.
    let img = Regex::new(r#"<img\b[^>]*\balt="([^"]*)"[^>]*>"#).unwrap();
    let text = img.replace_all(html, " $1 ");
    let text = block.replace_all(&text, " ");
    let text = tags.replace_all(&text, "");
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

/// One corpus built once for this test binary: the output folder and what
/// the build printed.
struct Built {
    name: &'static str,
    locale: &'static str,
    corpus: PathBuf,
    public: PathBuf,
    stderr: String,
    success: bool,
    _dir: tempfile::TempDir,
}

static BUILT: [OnceLock<Option<Built>>; 5] = [const { OnceLock::new() }; 5];

/// Corpus `which` of [`common::CORPORA`], built on first use.
fn built(which: usize) -> Option<&'static Built> {
    BUILT[which]
        .get_or_init(|| {
            let (name, locale) = common::CORPORA[which];
            let corpus = common::corpus_named(name)?;
            let dir = tempfile::tempdir().unwrap();
            let public = dir.path().join("public");
            let output = build(&corpus, &public);
            Some(Built {
                name,
                locale,
                corpus,
                public,
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
                success: output.status.success(),
                _dir: dir,
            })
        })
        .as_ref()
}

/// The build's diagnostics of `severity` (`error`, `warning`): (code, line).
fn reported<'b>(built: &'b Built, severity: &str) -> Vec<(&'b str, &'b str)> {
    let pattern = Regex::new(&format!(r": {severity}\[([a-z-]+)\]: ")).unwrap();
    built
        .stderr
        .lines()
        .filter_map(|line| {
            pattern
                .captures(line)
                .map(|c| (c.get(1).unwrap().as_str(), line))
        })
        .collect()
}

/// Errors the corpora hold in their own text (read by eye): damaged pair
/// tags. Anything else (a TOC, YAML page or include error) is the builder's.
const CONTENT_DEFECT_CODES: [&str; 1] = ["malformed"];

#[test]
fn partner_center_pt_br_builds_whole() {
    builds_whole(0);
}

#[test]
fn partner_center_de_de_builds_whole() {
    builds_whole(1);
}

#[test]
fn partner_center_zh_cn_builds_whole() {
    builds_whole(2);
}

#[test]
fn quantum_pt_br_builds_whole() {
    builds_whole(3);
}

#[test]
fn hololens_pt_br_builds_whole() {
    builds_whole(4);
}

fn builds_whole(which: usize) {
    let Some(built) = built(which) else { return };
    let errors = reported(built, "error");
    let looked_for = Regex::new(r"not found \(looked for ([^)]+)\)").unwrap();
    let held = |rel: &str| {
        walkdir::WalkDir::new(&built.corpus)
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| {
                e.path()
                    .strip_prefix(&built.corpus)
                    .is_ok_and(|p| p.to_string_lossy().eq_ignore_ascii_case(rel))
            })
    };
    // An include or code sample the docset does not hold is its defect.
    let missing_file = |line: &str| looked_for.captures(line).is_some_and(|c| !held(&c[1]));
    let foreign: Vec<_> = errors
        .iter()
        .filter(|(code, line)| {
            !(CONTENT_DEFECT_CODES.contains(code) || (*code == "include" && missing_file(line)))
        })
        .collect();
    assert!(foreign.is_empty(), "{}: {foreign:#?}", built.name);
    assert_eq!(built.success, errors.is_empty(), "{}", built.stderr);
    let checked = every_segment_in_every_view(built);
    eprintln!("{}: {checked} segments checked in three views", built.name);
    assert!(checked > 9_000, "{}: {checked}", built.name);
    let links = no_link_to_a_held_page_is_missing(built);
    eprintln!("{}: {links} local links checked", built.name);
    for page in [
        "index.html",
        "404.html",
        "static/favicon.svg",
        "review/index.html",
        "decisions/index.html",
        "static/search/t.js",
        "static/search/s.js",
    ] {
        assert!(built.public.join(page).is_file(), "{page}");
    }
}

/// Every segment of every bilingual page: anchored once in each column of
/// the side-by-side view and once in each reading view, its text shown in
/// the side-by-side view and in its language's reading view.
fn every_segment_in_every_view(built: &Built) -> usize {
    let site = sxs::site::Site::open(&built.corpus, Some(&built.public)).unwrap();
    let docs: Vec<sxs::model::Document> = site
        .markdown_files()
        .map(|file| sxs::pipeline::read_document(&site, file).unwrap())
        .collect();
    let target_suffix = format!(".{}.html", built.locale.to_ascii_lowercase());
    let mut checked = 0;
    for doc in docs.iter().filter(|d| d.is_bilingual()) {
        let stem = doc.rel.trim_end_matches(".md");
        let read =
            |suffix: &str| std::fs::read_to_string(built.public.join(format!("{stem}{suffix}")));
        let Ok(sxs_html) = read(".html") else {
            assert!(
                included_elsewhere(&built.corpus, &doc.rel),
                "{}: {} was not built",
                built.name,
                doc.rel
            );
            continue;
        };
        let (target_html, source_html) =
            (read(&target_suffix).unwrap(), read(".en-us.html").unwrap());
        let sxs_text = visible_text(&sxs_html);
        let (target_text, source_text) = (visible_text(&target_html), visible_text(&source_html));
        let (sxs_ids, target_ids, source_ids) =
            (ids(&sxs_html), ids(&target_html), ids(&source_html));
        for seg in &doc.segments {
            let id = &seg.id;
            let at = |ids: &HashMap<String, usize>, id: &str| ids.get(id).copied().unwrap_or(0);
            let where_ = format!("{}: {} {id}", built.name, doc.rel);
            assert_eq!(at(&sxs_ids, id), 1, "{where_} left");
            assert_eq!(at(&sxs_ids, &format!("src-{id}")), 1, "{where_} right");
            assert_eq!(at(&target_ids, id), 1, "{where_} target view");
            assert_eq!(at(&source_ids, id), 1, "{where_} source view");
            for (text, shown, view) in [
                (&seg.target_text, &target_text, "target view"),
                (&seg.source_text, &source_text, "source view"),
                (&seg.target_text, &sxs_text, "side by side"),
                (&seg.source_text, &sxs_text, "side by side"),
            ] {
                assert!(shown.contains(text.as_str()), "{where_} {view}: {text:?}");
            }
            checked += 1;
        }
    }
    checked
}

/// How many times each `id` is defined in a page.
fn ids(html: &str) -> HashMap<String, usize> {
    let id = Regex::new(r#"\bid="([^"]*)""#).unwrap();
    let mut out = HashMap::new();
    for c in id.captures_iter(html) {
        *out.entry(c[1].to_owned()).or_default() += 1;
    }
    out
}

/// Whether some other markdown file of the corpus includes `rel` (by the
/// file name in an `[!INCLUDE [..](path)]`).
fn included_elsewhere(corpus: &Path, rel: &str) -> bool {
    let include = Regex::new(r"(?i)\[!include\s*\[[^\]]*\]\(([^)]+)\)").unwrap();
    let name = rel.rsplit('/').next().unwrap_or(rel).to_ascii_lowercase();
    common::markdown_files(corpus).iter().any(|(other, path)| {
        other != rel
            && include
                .captures_iter(&std::fs::read_to_string(path).unwrap())
                .any(|c| c[1].to_ascii_lowercase().ends_with(&name))
    })
}

/// No generated link (in any built page) is an `xref:` left as it was, and
/// none points at a missing output file for a page the docset holds (a
/// markdown or YAML file of the same path, in any case). Returns how many
/// local links were checked.
fn no_link_to_a_held_page_is_missing(built: &Built) -> usize {
    let held: HashSet<String> = walkdir::WalkDir::new(&built.corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&built.corpus).ok()?.to_string_lossy();
            let rel = rel.to_ascii_lowercase();
            let stem = rel.rsplit_once('.').map_or(rel.as_str(), |(s, _)| s);
            Some(stem.to_owned())
        })
        .collect();
    // A built page's file name (`x.html`, `x.pt-br.html`) or a page's own
    // (`x.md`, `x.yml`), down to the content path without extension.
    let stem_of = Regex::new(r"(?:(?:\.[a-z]{2}-[a-z]{2,4})?\.html|\.md|\.yml)$").unwrap();
    let href = Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    let scheme = Regex::new(r"^[a-zA-Z][a-zA-Z0-9+.-]*:").unwrap();
    let mut checked = 0;
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(&built.public)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let page = entry.path().strip_prefix(&built.public).unwrap();
        for url in href
            .captures_iter(&html)
            .map(|c| c[1].replace("&amp;", "&"))
        {
            assert!(!url.starts_with("xref:"), "{}: {page:?} {url}", built.name);
            let path = url.split(['#', '?']).next().unwrap_or("");
            if path.is_empty() || scheme.is_match(path) || path.starts_with('/') {
                continue;
            }
            checked += 1;
            let target = entry.path().parent().unwrap().join(path);
            if target.exists() {
                continue;
            }
            let rel = normalize(&page.parent().unwrap().join(path)).to_ascii_lowercase();
            if held.contains(stem_of.replace(&rel, "").as_ref()) {
                missing.push(format!("{page:?} -> {url}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}: {missing:#?}", built.name);
    checked
}

/// `a/./b/../c` as `a/c`, with `/` separators.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
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

/// A broken template (a syntax error, then an unknown variable) fails the
/// build as a whole, naming the template's file, line and column: the last
/// good site stays, and a first build writes no folder at all.
#[test]
fn a_failed_build_leaves_the_last_good_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(site.join("content/a.md"), "# A\n").unwrap();
    let public = site.join("public");
    assert!(build(site, &public).status.success());
    let good = std::fs::read_to_string(public.join("a.html")).unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(site.join("content/a.md"), "# Changed\n").unwrap();
    let template = site.join("templates/page.html");
    let broken = [
        (
            "{% extends \"base.html\" %}\n{% block main %}\n  {% if %}{% endif %}\n{% endblock main %}",
            "3:9: template error: ",
        ),
        (
            "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.no_such_field }}</p>\n{% endblock main %}",
            "3:12: template error: Field `no_such_field` is not defined",
        ),
    ];
    for (source, expected) in broken {
        std::fs::write(&template, source).unwrap();
        let failed = build(site, &public);
        assert_eq!(failed.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&failed.stderr);
        let place = format!("error: {}:{expected}", template.display());
        assert!(stderr.contains(&place), "{place}\n{stderr}");
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
        let fresh = site.join("fresh");
        assert_eq!(build(site, &fresh).status.code(), Some(2));
        assert!(!fresh.exists(), "a failed first build writes nothing");
    }
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
    assert!(!site.join("templates").exists(), "lean: no template copies");
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

/// Diff two built folders: the files under `a` that are missing from `b`
/// or differ.
fn differing(a: &Path, b: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(a).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(a).unwrap();
            if std::fs::read(entry.path()).ok() != std::fs::read(b.join(rel)).ok() {
                out.push(rel.display().to_string());
            }
        }
    }
    out
}

/// `sxs init --templates` writes a stamped copy of each built-in template;
/// the site builds exactly as the lean one does, with no warning. A copy
/// stamped older than the built-in, or not stamped, is warned about, by
/// file and both versions.
#[test]
fn init_templates_writes_stamped_copies_and_stale_ones_warn() {
    let dir = tempfile::tempdir().unwrap();
    let init = |name: &str, extra: &[&str]| {
        let site = dir.path().join(name);
        let made = Command::new(common::sxs_bin())
            .arg("init")
            .arg(&site)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        site
    };
    let lean = init("lean", &[]);
    let copies = init("copies", &["--templates"]);
    let page = copies.join("templates/page.html");
    let source = std::fs::read_to_string(&page).unwrap();
    assert!(
        source.starts_with("{# sxs-template: page.html v"),
        "{source:.80}"
    );
    let (lean_out, copies_out) = (dir.path().join("lean-out"), dir.path().join("copies-out"));
    assert!(build(&lean, &lean_out).status.success());
    let built = build(&copies, &copies_out);
    let log = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{log}");
    assert!(
        !log.contains("sxs-template"),
        "fresh copies are not stale: {log}"
    );
    assert_eq!(differing(&lean_out, &copies_out), Vec::<String>::new());
    assert_eq!(differing(&copies_out, &lean_out), Vec::<String>::new());

    // page.html stamped v0, toc.html with its stamp line removed.
    let (stamp, body) = source.split_once('\n').unwrap();
    let version = stamp
        .trim_start_matches("{# sxs-template: page.html v")
        .trim_end_matches(" -#}");
    std::fs::write(
        &page,
        format!("{{# sxs-template: page.html v0 -#}}\n{body}"),
    )
    .unwrap();
    let toc = copies.join("templates/toc.html");
    let toc_source = std::fs::read_to_string(&toc).unwrap();
    std::fs::write(&toc, toc_source.split_once('\n').unwrap().1).unwrap();
    let built = build(&copies, &copies_out);
    let log = String::from_utf8_lossy(&built.stderr);
    assert!(
        built.status.success(),
        "a stale template is a warning: {log}"
    );
    let warned =
        |path: &Path, what: &str| format!("warning: {}: the built-in {what}", path.display());
    let page_warning = warned(
        &page,
        &format!("page.html is v{version}, this copy is stamped v0"),
    );
    assert!(log.contains(&page_warning), "{page_warning}\n{log}");
    let toc_warning = warned(&toc, "toc.html is v");
    assert!(log.contains(&toc_warning), "{log}");
    assert!(
        log.contains("this copy has no `sxs-template` stamp"),
        "{log}"
    );
    assert_eq!(
        log.matches(", this copy ").count(),
        2,
        "only the two: {log}"
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
