//! `sxs check` as a CI gate: baselines, GitHub annotations, SARIF validated
//! against the official SARIF 2.1.0 schema, paths relative to the working
//! folder, no colour when piped, and a closed pipe that ends quietly.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn pair(id: &str, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>\n\n")
}

/// A site (`site/content/a.md`) in a fresh folder, with `pairs` pairs whose
/// numbers differ (one warning each).
fn site(pairs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("site/content");
    std::fs::create_dir_all(&content).unwrap();
    let mut page = String::from("# Título\n\n");
    for i in 0..pairs {
        page.push_str(&pair(
            &format!("a-{i}"),
            "Você tem 30 dias.",
            "You have 14 days.",
        ));
    }
    std::fs::write(content.join("a.md"), page).unwrap();
    dir
}

fn sxs(cwd: &Path, args: &[&str]) -> Output {
    Command::new(common::sxs_bin())
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn only_findings_missing_from_the_baseline_fail() {
    let dir = site(2);
    let root = dir.path();
    let wrote = sxs(root, &["check", "site", "--write-baseline", "base.json"]);
    assert_eq!(wrote.status.code(), Some(0), "{wrote:?}");
    let gated = [
        "check",
        "site",
        "--baseline",
        "base.json",
        "--deny",
        "warnings",
    ];
    let clean = sxs(root, &gated);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("2 finding(s) in the baseline not shown"));
    // A new pair with a wrong number, above the old ones: they move down a
    // line, and only the new one is reported.
    let page = root.join("site/content/a.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let new = pair("b-1", "Custa 5 dólares.", "It costs 6 dollars.");
    std::fs::write(
        &page,
        text.replacen("# Título\n\n", &format!("# Título\n\n{new}"), 1),
    )
    .unwrap();
    let failed = sxs(root, &gated);
    assert_eq!(failed.status.code(), Some(1), "{}", stdout(&failed));
    let out = stdout(&failed);
    assert!(out.contains("b-1") && !out.contains("a-0"), "{out}");
}

#[test]
fn a_broken_baseline_is_an_error_naming_it() {
    let dir = site(1);
    std::fs::write(dir.path().join("base.json"), "{ not json").unwrap();
    let output = sxs(dir.path(), &["check", "site", "--baseline", "base.json"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("base.json: 1:"), "{err}");
}

#[test]
fn reports_name_paths_from_the_working_folder_without_colour_when_piped() {
    let dir = site(1);
    let human = stdout(&sxs(dir.path(), &["check", "site"]));
    assert!(human.contains("--> site/content/a.md:3:1"), "{human}");
    assert!(
        human.contains("<span data-ttu-id=\"a-0\">Você tem 30 dias.</span>"),
        "{human}"
    );
    assert!(!human.contains('\x1b'), "{human}");
    let github = stdout(&sxs(dir.path(), &["check", "site", "--format", "github"]));
    assert!(
        github
            .starts_with("::warning file=site/content/a.md,line=3,col=1,title=sxs numbers::a-0: "),
        "{github}"
    );
}

/// The SARIF 2.1.0 schema as shipped in the npm package
/// `@microsoft/jest-sarif` (installed by .ci/run into .ci/node_modules).
fn sarif_schema() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(".ci/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the SARIF schema is missing at {}",
        path.display()
    );
    eprintln!(
        "SKIPPED: no SARIF schema at {} (run .ci/run)",
        path.display()
    );
    None
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let Some(schema) = sarif_schema() else { return };
    let dir = site(3);
    let output = sxs(dir.path(), &["check", "site", "--format", "sarif"]);
    let log = dir.path().join("log.sarif");
    std::fs::write(&log, &output.stdout).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        parsed["runs"][0]["results"].as_array().map(Vec::len),
        Some(3)
    );
    let uri = &parsed["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"]["uri"];
    assert_eq!(uri, "site/content/a.md");
    let valid = validate(&schema, &log);
    assert!(
        valid.status.success(),
        "{}",
        String::from_utf8_lossy(&valid.stderr)
    );
    // The validator does reject what is not SARIF 2.1.0.
    std::fs::write(&log, r#"{"version": "2.0.0", "runs": [{"results": []}]}"#).unwrap();
    assert!(!validate(&schema, &log).status.success());
}

/// Validates a log with the `jsonschema` PyPI package, by the draft the
/// schema declares (draft-04 for SARIF 2.1.0).
fn validate(schema: &Path, log: &Path) -> Output {
    let script = "import json, sys, jsonschema\n\
        schema = json.load(open(sys.argv[1]))\n\
        jsonschema.validators.validator_for(schema)(schema).validate(json.load(open(sys.argv[2])))\n";
    Command::new("python3")
        .args(["-c", script])
        .arg(schema)
        .arg(log)
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    // Far more than a pipe holds, so sxs is still writing when it closes.
    let dir = site(3000);
    let mut child = Command::new(common::sxs_bin())
        .args(["check", "site"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
