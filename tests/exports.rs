//! The translator exports, checked by independent real tools: xmllint with
//! the TMX 1.4 DTD and the XLIFF 2.0 core XSD, and Translate Toolkit reading
//! every file back (`tests/validate_exports.py` does the work).
//!
//! Without the tools or the corpus these tests skip, saying so; with `CI`
//! set, a missing tool or corpus is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/validate_exports.py")
}

/// Are python3, Translate Toolkit, xmllint and the schemas installed?
fn tools_ready() -> bool {
    let missing = match Command::new("python3")
        .arg(script())
        .arg("--check-tools")
        .output()
    {
        Err(err) => format!("python3 cannot be run: {err}"),
        Ok(out) if out.status.success() => return true,
        Ok(out) => text(&out),
    };
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but the export validators are missing:\n{missing}");
    }
    eprintln!("SKIPPED: export validation needs tools that are missing:\n{missing}");
    false
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs the validation script on `site`; fails with its report.
fn validate(site: &Path) {
    let work = tempfile::tempdir().unwrap();
    let out = Command::new("python3")
        .arg(script())
        .arg(common::sxs_bin())
        .arg(site)
        .arg(work.path())
        .output()
        .unwrap();
    let report = text(&out);
    eprintln!("{report}");
    assert!(out.status.success(), "export validation failed:\n{report}");
    assert!(report.contains("0 failure(s)"), "{report}");
}

fn sxs(args: &[&str]) -> Output {
    Command::new(common::sxs_bin()).args(args).output().unwrap()
}

/// A site with one page whose text is everything that can break an export:
/// markup characters, quotes, a control character, `]]>`, an id used twice
/// and an empty target (which produce findings, hence notes).
fn hostile_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/docs");
    std::fs::create_dir_all(&content).unwrap();
    let pair = |id: &str, target: &str, source: &str| {
        format!(
            "<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\">\
             <span data-stu-id=\"{id}\">{source}</span></span>"
        )
    };
    let page = format!(
        "---\ntitle: Hostile\nms.contentlocale: pt-BR\n---\n# {}\n\n{} {}\n\n- {}\n",
        pair(
            "h-1",
            "Título com `<b>` & \"aspas\" ]]> \u{1} fim",
            "Title with `<b>` & \"quotes\" ]]> \u{1} end"
        ),
        pair(
            "h-2",
            "Pague R$ 1.000,50 &amp; <i>já</i>.",
            "Pay $1,000.50 &amp; <i>now</i>."
        ),
        pair("h-2", "Repetido.", "Repeated."),
        pair("h-3", " ", "Left untranslated"),
    );
    std::fs::write(content.join("hostile.md"), page).unwrap();
    dir
}

#[test]
fn corpus_exports_validate_and_read_back() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    if tools_ready() {
        validate(&corpus);
    }
}

#[test]
fn hostile_text_exports_validate_and_read_back() {
    if tools_ready() {
        validate(hostile_site().path());
    }
}

#[test]
fn a_folder_without_pages_is_a_usage_error() {
    let site = hostile_site();
    let site = site.path().to_str().unwrap();
    let out = sxs(&["export", site, "--format", "csv", "--folder", "nowhere"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("no pages under --folder nowhere"));
    let out = sxs(&["export", site, "--format", "csv", "--folder", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn only_flagged_keeps_segments_with_findings() {
    let site = hostile_site();
    let site = site.path().to_str().unwrap();
    let out = sxs(&["export", site, "--format", "csv", "--only-flagged"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 1 + 3, "{csv}");
    assert!(!csv.contains("#h-1\""), "{csv}");
}

#[test]
fn xliff_with_nothing_to_export_is_refused() {
    let site = hostile_site();
    let site = site.path().to_str().unwrap();
    std::fs::write(
        Path::new(site).join("content/docs/hostile.md"),
        "---\ntitle: Clean\n---\n<span data-ttu-id=\"c-1\">Olá</span><span class=\"sxs-lookup\">\
         <span data-stu-id=\"c-1\">Hello</span></span>\n",
    )
    .unwrap();
    let out = sxs(&["export", site, "--format", "xliff", "--only-flagged"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("nothing to export"), "{}", text(&out));
    let out = sxs(&["export", site, "--format", "tmx", "--only-flagged"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<body>"));
}
