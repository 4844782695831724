//! The built HTML is valid (Nu HTML Checker, from the npm package vnu-jar),
//! accessible (axe-core in headless Chromium, no violation) and works for
//! readers and reviewers in the browser (tests/browser/views.mjs), on the
//! sample site and a sample of corpus pages.
//!
//! The tools are installed by `.ci/run` (`.ci/package.json`, Debian's
//! chromium and a JRE). Without them these tests say SKIPPED and pass,
//! except when `CI` is set.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn node_modules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".ci/node_modules")
}

/// `true` when every listed tool is there; otherwise skip (or fail in CI).
fn tools(what: &[(&str, bool)]) -> bool {
    let missing: Vec<&str> = what.iter().filter(|(_, ok)| !ok).map(|(n, _)| *n).collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but these are missing: {missing:?} (.ci/run installs them)");
    }
    eprintln!("SKIPPED: missing {missing:?}; run .ci/run's install steps to check the HTML");
    false
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The sample site and the corpus, built once for all the tests (the
/// folder lives as long as the test process), and the pages to check.
struct Built {
    out: tempfile::TempDir,
    pages: Vec<PathBuf>,
}

fn built() -> &'static Built {
    static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let pages = build_pages(out.path());
        Built { out, pages }
    })
}

fn pages() -> &'static [PathBuf] {
    &built().pages
}

/// Node, Chromium, and the node modules, when all are there (see [`tools`]).
fn browser() -> Option<(PathBuf, &'static str)> {
    let modules = node_modules();
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).is_file());
    tools(&[
        ("node", runs("node", "--version")),
        ("chromium", chromium.is_some()),
        ("playwright-core", modules.join("playwright-core").is_dir()),
        ("axe-core", modules.join("axe-core/axe.min.js").is_file()),
    ])
    .then(|| (modules, chromium.unwrap_or_default()))
}

/// Runs `tests/browser/SCRIPT` under node with ARGS, the node modules and
/// Chromium (from [`browser`]) and one more variable for its plan; echoes
/// what it printed and returns whether it passed, and its standard output.
fn run_browser_script(
    script: &str,
    args: &[&std::ffi::OsStr],
    plan: Option<(&str, &str)>,
    (modules, chromium): (&Path, &str),
) -> (bool, String) {
    let mut command = Command::new("node");
    command
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/browser")
                .join(script),
        )
        .args(args)
        .env("SXS_NODE_MODULES", modules)
        .env("SXS_CHROMIUM", chromium);
    if let Some((name, value)) = plan {
        command.env(name, value);
    }
    let result = command.output().unwrap();
    let report = String::from_utf8_lossy(&result.stdout).into_owned();
    eprintln!("{report}{}", String::from_utf8_lossy(&result.stderr));
    (result.status.success(), report)
}

/// `sxs build --quiet --output OUT SITE`, which must succeed.
fn build_site(site: &Path, out: &Path) {
    let status = Command::new(common::sxs_bin())
        .args(["build", "--quiet", "--output"])
        .arg(out)
        .arg(site)
        .status()
        .unwrap();
    assert!(status.success(), "sxs build {}", site.display());
}

/// Builds the sample site and the corpus; returns the pages to check.
fn build_pages(out: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = out.join("sample");
    build_site(root, &sample);
    let mut pages: Vec<PathBuf> = [
        "partner-center/customer-communication-from-microsoft.html",
        "partner-center/customer-communication-from-microsoft.pt-br.html",
        "partner-center/customer-communication-from-microsoft.en-us.html",
        "index.html",
        "review/index.html",
        "decisions/index.html",
        "404.html",
    ]
    .iter()
    .map(|p| sample.join(p))
    .collect();
    let Some(corpus) = common::corpus() else {
        return pages;
    };
    let public = out.join("corpus");
    build_site(&corpus, &public);
    // Pages with the hard parts: the largest tables, raw HTML tables split by
    // blank lines, FAQ and landing pages, alerts, code, announcements.
    for page in [
        "partner-center/insights-data-definitions.html",
        "partner-center/insights-data-definitions.pt-br.html",
        "Archive/China-add-licenses-or-services-to-an-existing-subscription.html",
        "partner-center/add-licenses-or-services-to-an-existing-subscription.html",
        "partner-center/chip-faq.html",
        "partner-center/index.html",
        "partner-center/announcements/2020-august.html",
        "partner-center/insights-programmatic-first-api-call.html",
        "review/index.html",
        "decisions/index.html",
    ] {
        pages.push(public.join(page));
    }
    // And every 25th page of the corpus, in path order.
    let mut all: Vec<PathBuf> = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    all.sort();
    pages.extend(all.into_iter().step_by(25));
    pages
}

#[test]
fn built_html_is_valid() {
    let jar = node_modules().join("vnu-jar/build/dist/vnu.jar");
    if !tools(&[
        ("java", runs("java", "-version")),
        ("vnu-jar", jar.is_file()),
    ]) {
        return;
    }
    let pages = pages();
    let result = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        // The content's own legacy HTML (`<col width>`, `<font>`) is kept as
        // the authors wrote it; everything sxs writes must be valid.
        .args(["--filterpattern", ".*is obsolete.*"])
        .args(pages)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success() && report.trim().is_empty(),
        "{} pages checked:\n{report}",
        pages.len()
    );
    eprintln!("{} pages valid", pages.len());
}

#[test]
fn built_html_is_accessible() {
    let Some((modules, chromium)) = browser() else {
        return;
    };
    // Each page is checked at 1366 px light and 390 px dark; the first
    // pages are the sample site's and the hard corpus pages.
    let pages = &pages()[..pages().len().min(14)];
    let args: Vec<&std::ffi::OsStr> = pages.iter().map(|p| p.as_os_str()).collect();
    let (ok, report) = run_browser_script("a11y.mjs", &args, None, (&modules, chromium));
    assert!(ok, "axe found violations:\n{report}");
    assert!(report.contains("\"violations\":0"), "{report}");
}

/// Readers and reviewers on real corpus pages (tests/browser/views.mjs):
/// table rows level across the languages, nothing wider than a 390 px
/// phone, popups on screen, the menu, a keyboard path, each view's
/// interface in its language, the dashboard's sort order. Screenshots go to
/// `$SXS_SHOTS` when it is set.
#[test]
fn readers_and_reviewers_in_a_browser() {
    let Some((modules, chromium)) = browser() else {
        return;
    };
    if common::corpus().is_none() {
        return;
    }
    let site = built().out.path().join("corpus");
    let en = "Skip to content";
    let pt = "Ir para o conteúdo";
    let plan = serde_json::json!({
        // The largest tables, a raw HTML table split by blank lines, and
        // a table after text that takes more lines in Portuguese.
        "tables": [
            "partner-center/insights-data-definitions.html",
            "partner-center/azure-reservations-buying.html",
            "partner-center/azure-roles-perms-pec.html",
            "partner-center/core-requirements.html",
            "Archive/China-add-licenses-or-services-to-an-existing-subscription.html",
        ],
        // Wide tables, inline code, the dashboard.
        "phone": [
            "partner-center/insights-data-definitions.html",
            "partner-center/insights-data-definitions.pt-br.html",
            "partner-center/insights-programmatic-first-api-call.pt-br.html",
            "review/index.html",
        ],
        "keyboard": "partner-center/core-requirements.html",
        "target_suffix": "pt-br",
        "lang": [
            ["partner-center/core-requirements.html", "pt-BR", pt],
            ["partner-center/core-requirements.pt-br.html", "pt-BR", pt],
            ["partner-center/core-requirements.en-us.html", "en-US", en],
            ["review/index.html", "pt-BR", pt],
            ["404.html", "pt-BR", pt],
        ],
        "dashboard": "review/index.html",
        // The corpus is built without base_url.
        "not_found_under": "/repo/",
        // Two warnings, and an informational check of the whole page.
        "filter": {
            "page": "partner-center/azure-reservations-buying.html",
            "checks": ["consistency", "markup", "machine-translated"],
        },
    });
    let shots = std::env::var_os("SXS_SHOTS");
    let mut args = vec![site.as_os_str()];
    args.extend(shots.as_deref());
    let plan = plan.to_string();
    let (ok, report) = run_browser_script(
        "views.mjs",
        &args,
        Some(("SXS_PAGES", &plan)),
        (&modules, chromium),
    );
    assert!(ok, "{report}");
    let summary: serde_json::Value = report
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_default();
    // The four pages hold 832 table rows a side (measured): most must be seen.
    assert!(summary["table_rows"].as_u64() >= Some(800), "{report}");
}

/// The search in Chromium (tests/browser/search.mjs) on the Portuguese
/// corpus and on the Chinese one: a phrase, and a Chinese substring that
/// starts inside a word (CJK text is indexed by pairs of characters); the
/// first query's downloads (at most 300 KB, issue 10), the keyboard, the
/// landing on the segment.
#[test]
fn search_in_a_browser() {
    let Some((modules, chromium)) = browser() else {
        return;
    };
    let (Some(_), Some(chinese)) = (
        common::corpus(),
        common::corpus_named("partner-center-zh-cn"),
    ) else {
        return;
    };
    let out = built().out.path();
    build_site(&chinese, &out.join("corpus-zh"));
    // A generous bound on the longest task while typing: a loaded CI
    // machine runs the other browser tests beside this one.
    for (site, query) in [("corpus", "reservas do azure"), ("corpus-zh", "伙伴中心")] {
        let plan = serde_json::json!([{
            "page": "partner-center/index.html",
            "query": query,
            "expect": query,
            "longest_task_ms": 200,
        }]);
        let (site, plan) = (out.join(site), plan.to_string());
        let (ok, report) = run_browser_script(
            "search.mjs",
            &[site.as_os_str()],
            Some(("SXS_SEARCH", &plan)),
            (&modules, chromium),
        );
        assert!(ok, "{report}");
    }
}
