//! Hostile content (issues 17 and 18): sites made here, in a temporary
//! folder, with what a vendor or a pull request could put in `content/`.
//! Each test builds with the real `sxs build` and looks at what was written,
//! inside and outside the output folder.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

/// A site in a temporary folder: `site/` (with `content/`) and room beside
/// it, where nothing may appear.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(site.content()).unwrap();
        site
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn content(&self) -> PathBuf {
        self.root().join("content")
    }

    fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    fn page(&self, rel: &str, text: &str) -> &Site {
        let path = self.content().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    fn build(&self) -> Output {
        Command::new(common::sxs_bin())
            .arg("build")
            .arg(self.root())
            .output()
            .unwrap()
    }

    fn built(&self, rel: &str) -> String {
        fs::read_to_string(self.public().join(rel))
            .unwrap_or_else(|e| panic!("{rel}: {e}; built: {:?}", self.listing()))
    }

    /// Every file under the temporary folder, outside `content/`.
    fn listing(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(self.dir.path())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .map(|e| sxs::load::relative(self.dir.path(), e.path()))
            .filter(|rel| !rel.starts_with("site/content/"))
            .collect();
        files.sort();
        files
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A bilingual page with one pair.
fn pair_page(locale: &str, target: &str, source: &str) -> String {
    format!(
        "---\ntitle: T\nms.contentlocale: {locale}\n---\n\n\
         <span data-ttu-id=\"abcde-1\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-1\">{source}</span></span>\n"
    )
}

#[test]
fn a_page_locale_cannot_name_a_file_outside_the_output() {
    let site = Site::new();
    site.page("a/p.md", &pair_page("../../../../../x", "Olá.", "Hello."));
    let output = site.build();
    let err = stderr(&output);
    assert!(err.contains("a/p.md:3:1: error[locale]"), "{err}");
    let outside: Vec<String> = site
        .listing()
        .into_iter()
        .filter(|f| !f.starts_with("site/public/"))
        .collect();
    assert!(
        outside.is_empty(),
        "written outside the output: {outside:?}"
    );
    // Built in the site's language instead.
    assert!(site.built("a/p.pt-br.html").contains("Olá."));
}

#[test]
fn a_site_locale_that_is_not_a_tag_stops_the_build_before_any_write() {
    let site = Site::new();
    site.page("p.md", &pair_page("pt-BR", "Olá.", "Hello."));
    fs::write(site.root().join("site.yml"), "source_locale: ../../y\n").unwrap();
    let output = site.build();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("source_locale"),
        "{}",
        stderr(&output)
    );
    assert_eq!(site.listing(), ["site/site.yml"]);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_published() {
    use std::os::unix::fs::symlink;
    let site = Site::new();
    let secrets = site.dir.path().join("secrets");
    fs::create_dir_all(&secrets).unwrap();
    fs::write(secrets.join("token.txt"), "SECRET-TOKEN").unwrap();
    fs::write(secrets.join("passwd.md"), "SECRET-PAGE").unwrap();
    site.page("real.md", "# Real page\n\nInside text.\n");
    let content = site.content();
    symlink(&secrets, content.join("etc")).unwrap();
    symlink(secrets.join("passwd.md"), content.join("passwd.md")).unwrap();
    symlink(secrets.join("token.txt"), content.join("token.txt")).unwrap();
    symlink("/proc/self/environ", content.join("environ")).unwrap();
    symlink(content.join("real.md"), content.join("alias.md")).unwrap();
    site.page(
        "inc.md",
        "# Includes\n\n[!INCLUDE [x](passwd.md)]\n\n[!INCLUDE [y](etc/passwd.md)]\n",
    );
    let statics = site.root().join("static");
    fs::create_dir_all(&statics).unwrap();
    symlink(secrets.join("token.txt"), statics.join("token.txt")).unwrap();
    let output = site.build();
    let err = stderr(&output);
    for link in ["etc", "passwd.md", "token.txt", "environ"] {
        assert!(
            err.contains(&format!("{link}:1:1: warning[symlink]")),
            "{link}: {err}"
        );
    }
    let mut leaked = Vec::new();
    for file in site.listing() {
        let bytes = fs::read(site.dir.path().join(&file)).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        if file.starts_with("site/public/") && text.contains("SECRET") {
            leaked.push(file);
        }
    }
    assert!(leaked.is_empty(), "published: {leaked:?}");
    assert!(!site.public().join("environ").exists());
    // A link that stays inside the content folder is still followed.
    assert!(site.built("alias.html").contains("Inside text."));
    // The includes of the outside files are errors, not their text.
    assert!(err.contains("inc.md:3:1: error[include]"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_template_linked_out_of_the_site_is_refused_unless_trusted() {
    use std::os::unix::fs::symlink;
    let site = Site::new();
    site.page("p.md", "# P\n");
    let theme = site.dir.path().join("theme.html");
    fs::write(&theme, "THEME {{ config.title }}").unwrap();
    fs::create_dir_all(site.root().join("templates")).unwrap();
    symlink(&theme, site.root().join("templates/404.html")).unwrap();
    let output = site.build();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("templates/404.html"),
        "{}",
        stderr(&output)
    );
    fs::write(
        site.root().join("site.yml"),
        "follow_outside_symlinks: true\n",
    )
    .unwrap();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.built("404.html").starts_with("THEME"));
}

#[test]
fn a_name_too_long_for_the_file_system_is_shortened_and_linked() {
    let site = Site::new();
    let long = "n".repeat(250);
    site.page(
        &format!("{long}.md"),
        &pair_page("pt-BR", "Longo.", "Long."),
    );
    site.page(
        "index-of.md",
        &format!("# Links\n\n[the long page]({long}.md)\n"),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let names: Vec<String> = fs::read_dir(site.public())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("nnnn"))
        .collect();
    assert_eq!(names.len(), 3, "three views: {names:?}");
    assert!(names.iter().all(|n| n.len() <= 255), "{names:?}");
    let links = site.built("index-of.html");
    let sxs = names.iter().find(|n| n.matches('.').count() == 1).unwrap();
    assert!(links.contains(&format!("href=\"{sxs}\"")), "{links}");
}

#[test]
fn links_to_names_with_reserved_characters_are_percent_encoded() {
    let site = Site::new();
    site.page("100%.md", "# Full\n");
    site.page("a b.md", "# Spaced\n");
    site.page("q#.md", "# Hash\n");
    site.page(
        "links.md",
        "# L\n\n[a](100%25.md) [b](<a b.md>) [c](q%23.md)\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.built("links.html");
    for href in [
        "href=\"100%25.html\"",
        "href=\"a%20b.html\"",
        "href=\"q%23.html\"",
    ] {
        assert!(html.contains(href), "{href} in {html}");
    }
    assert!(site.public().join("100%.html").is_file());
}

#[test]
fn two_inputs_for_one_output_are_an_error_naming_both() {
    let site = Site::new();
    site.page("v.md", &pair_page("pt-BR", "Vê.", "See."));
    site.page("v.pt-br.md", "# Not a view\n\nPAGE-V-PT-BR\n");
    site.page("A.md", "# Upper\n\nUPPER-A\n");
    site.page("a.md", "# Lower\n\nLOWER-A\n");
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("v.pt-br.md:1:1: error[collision]") && err.contains("`v.md`"),
        "{err}"
    );
    assert!(
        err.contains("a.md:1:1: error[collision]") && err.contains("`A.md`"),
        "{err}"
    );
    // The first in path order keeps the path, whole.
    assert!(site.built("v.pt-br.html").contains("Vê."));
    assert!(site.built("A.html").contains("UPPER-A"));
    assert!(!site.public().join("a.html").exists());
}

#[test]
fn a_content_index_page_is_the_home_and_the_list_moves_aside() {
    let site = Site::new();
    site.page("index.md", &pair_page("pt-BR", "Início.", "Home."));
    site.page("other.md", "# Other\n");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let home = site.built("index.html");
    assert!(home.contains("Início.") && home.contains("Home."), "{home}");
    assert!(site.built("index.pt-br.html").contains("Início."));
    // The list of pages: its trees, each a shared script with a page of its
    // own for readers without scripts.
    let list = site.built("pages/index.html");
    assert!(list.contains("href=\"../static/nav/0.html\""), "{list}");
    assert!(site.built("static/nav/0.html").contains("other.html"));
    assert!(
        list.contains("href=\"../static/sxs.css\""),
        "relative to its folder"
    );
    // Served for a missing path at any depth: links from the site's path.
    assert!(site.built("404.html").contains("href=\"/static/sxs.css\""));
}

/// The views of a page, each with what it must never hold.
fn views_of(site: &Site, stem: &str) -> Vec<(String, String)> {
    ["html", "pt-br.html", "en-us.html"]
        .iter()
        .map(|ext| {
            let rel = format!("{stem}.{ext}");
            let html = site.built(&rel);
            (rel, html)
        })
        .collect()
}

const ACTIVE: [&str; 5] = ["<script", "<iframe", "onerror", "javascript:", "alert("];

fn hostile_site() -> Site {
    let site = Site::new();
    let target = "Olá <script>alert(1)</script><img src=\"x.png\" onerror=\"alert(2)\"> \
                  <a href=\"javascript:alert(3)\">aqui</a> <iframe src=\"https://e.com\"></iframe>.";
    site.page("p.md", &pair_page("pt-BR", target, "Hello <b>there</b>."));
    site.page(
        "index.yml",
        "### YamlMime:Landing\ntitle: Docs\nlandingContent:\n- title: Start <script>alert(4)</script>\n  linkLists:\n  - linkListType: get-started\n    links:\n    - text: Go\n      url: javascript:alert(5)\n",
    );
    site.page("x.png", "");
    site
}

#[test]
fn raw_script_reaches_no_view_by_default_and_each_removal_is_a_finding() {
    let site = hostile_site();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    for (rel, html) in views_of(&site, "p")
        .into_iter()
        .chain(views_of(&site, "index"))
    {
        let body = html.split("<main").nth(1).unwrap_or_default();
        let body = body.split("row-findings").next().unwrap_or_default();
        for bad in ACTIVE {
            assert!(!body.contains(bad), "{rel}: {bad} in {body}");
        }
    }
    // What the docsets need is kept: the image, the bold source text.
    let page = site.built("p.html");
    assert!(page.contains("<img src=\"x.png\">"), "{page}");
    assert!(page.contains("<b>there</b>"), "{page}");
    let findings = page.matches("data-check=\"unsafe-html\"").count();
    // script, onerror, the javascript: link, iframe (listed once per row).
    assert!(findings >= 4, "{findings} findings in {page}");
    // The landing page's YAML values: the heading's text stays, its script not.
    assert!(site.built("index.html").contains(">Start </h2>"));
}

/// Rows whose raw HTML is only anchors and line breaks skip the sanitizer
/// (the renderer writes them anew); an anchor with anything more in its tag
/// or after it must still lose it.
#[test]
fn anchors_that_carry_more_than_a_name_are_sanitized() {
    let site = Site::new();
    let page = "---\ntitle: T\nms.contentlocale: pt-BR\n---\n\n\
## <a name=\"h\" onclick=\"alert(7)\"></a>Título\n\n\
<a name=\"z\"></a><script>alert(8)</script>\n\n\
<a name=\"x\" onmouseover=\"alert(6)\"></a><span data-ttu-id=\"a1\">Olá<br/>mundo.</span>\
<span class=\"sxs-lookup\"><span data-stu-id=\"a1\">Hello<br/>world.</span></span>\n\n\
<a name=\"w\">\n";
    site.page("p.md", page);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    for (rel, html) in views_of(&site, "p") {
        let main = html.split("<main").nth(1).unwrap_or_default();
        let main = main.split("</main>").next().unwrap_or_default();
        // The findings lists quote what was removed; the rest is the page.
        let mut parts = main.split("<ul class=\"row-findings");
        let mut body = parts.next().unwrap_or_default().to_owned();
        for part in parts {
            body.push_str(part.split_once("</ul>").map_or("", |(_, after)| after));
        }
        for bad in ["onclick", "onmouseover", "<script", "alert("] {
            assert!(!body.contains(bad), "{rel}: {bad} in {body}");
        }
        // The anchors themselves stay, as ids; the one never closed is
        // closed.
        for id in ["\"h\"", "\"z\"", "\"x\"", "\"w\""] {
            assert!(
                body.contains(&format!("id={id}")),
                "{rel}: no id {id} in {body}"
            );
        }
        assert!(!body.contains("<a id=\"w\"></p>"), "{rel}: {body}");
    }
}

#[test]
fn sanitizing_can_be_turned_off_for_trusted_content() {
    let site = hostile_site();
    fs::write(site.root().join("site.yml"), "sanitize_html: false\n").unwrap();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.built("p.html");
    assert!(page.contains("<script>alert(1)</script>"), "{page}");
    assert!(!page.contains("data-check=\"unsafe-html\""));
}

/// Builds `site`, which must finish within `limit` seconds (a debug build
/// of sxs: release is several times faster), and returns its output.
fn build_within(site: &Site, limit: u64) -> Output {
    let started = std::time::Instant::now();
    let output = site.build();
    let took = started.elapsed();
    eprintln!("built in {took:?}");
    assert!(took.as_secs() < limit, "took {took:?}: {}", stderr(&output));
    output
}

#[test]
fn thirty_thousand_identical_headings_take_linear_work() {
    let site = Site::new();
    site.page("p.md", &"## Same\n\n".repeat(30_000));
    let output = build_within(&site, 60);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.built("p.html");
    assert!(html.contains("id=\"same\"") && html.contains("id=\"same-29999\""));
}

#[test]
fn many_mismatched_pairs_take_linear_work() {
    let site = Site::new();
    let pairs: String = (0..19_999)
        .map(|i| {
            format!(
                "<span data-ttu-id=\"aaaaa-{i}\">T{i}.</span><span class=\"sxs-lookup\"><span data-stu-id=\"bbbbb-{i}\">S{i}.</span></span>\n\n"
            )
        })
        .collect();
    site.page("p.md", &pairs);
    let output = build_within(&site, 90);
    assert!(stderr(&output).contains("error[id-mismatch]"));
    assert!(site.built("p.html").contains("id=\"aaaaa-19998\""));
}

#[test]
fn a_page_over_the_pair_budget_is_refused_and_the_rest_builds() {
    let site = Site::new();
    let pair = "<span data-ttu-id=\"aaaaa-1\">T.</span><span class=\"sxs-lookup\"><span data-stu-id=\"aaaaa-1\">S.</span></span> ";
    site.page(
        "big.md",
        &format!("{}\n", pair.repeat(sxs::load::MAX_PAIRS_PER_PAGE + 1)),
    );
    site.page("small.md", &pair_page("pt-BR", "Pequena.", "Small."));
    let output = build_within(&site, 30);
    let err = stderr(&output);
    assert!(
        err.contains("big.md:1:1: error[budget]") && err.contains("20001 pairs"),
        "{err}"
    );
    assert!(site.built("small.html").contains("Pequena."));
    assert!(!site.public().join("big.html").exists());
}

#[test]
fn include_bombs_and_self_includes_end_with_an_error_and_the_rest_builds() {
    let site = Site::new();
    for depth in 0..8 {
        let next = format!("[!INCLUDE [x](f{}.md)]\n\n", depth + 1);
        site.page(
            &format!("f{depth}.md"),
            &format!("# F{depth}\n\n{}", next.repeat(10)),
        );
    }
    site.page("f8.md", "leaf\n");
    let spellings = [
        "me.md",
        "./me.md",
        "x/../me.md",
        "././me.md",
        "x/./../me.md",
    ];
    let includes: String = spellings
        .iter()
        .map(|s| format!("[!INCLUDE [x]({s})]\n\n"))
        .collect();
    site.page("me.md", &format!("# Me\n\n{includes}"));
    site.page("x/other.md", &pair_page("pt-BR", "Outra.", "Other."));
    let output = build_within(&site, 60);
    let err = stderr(&output);
    assert!(
        err.contains("f0.md") && err.contains("expanded 2000 times"),
        "{err}"
    );
    for line in [3, 5, 7, 9, 11] {
        assert!(
            err.contains(&format!("me.md:{line}:1: error[include]"))
                && err.contains("includes itself"),
            "{line}: {err}"
        );
    }
    assert!(site.built("x/other.html").contains("Outra."));
}
