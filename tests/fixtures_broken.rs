//! Broken pages: one per diagnostic and one per irregularity of real localized
//! docsets (SPEC §1), written by hand in `tests/fixtures/broken/`, plus inputs
//! generated here (encodings, YAML bombs, a 5 MB page). Each must give the
//! expected codes at the expected lines, keep every well-formed pair, and
//! never panic.

mod common;

use std::process::Command;
use sxs::{read_document, Severity};

fn fixture(name: &str) -> (String, String) {
    let path = format!(
        "{}/tests/fixtures/broken/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    (name.to_owned(), std::fs::read_to_string(path).unwrap())
}

/// (code, line, segment id) of every finding, in order.
fn findings(name: &str) -> (Vec<(&'static str, usize, String)>, sxs::Document) {
    let (rel, text) = fixture(name);
    let doc = read_document(&rel, &text);
    let got = doc
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.id.clone().unwrap_or_default()))
        .collect();
    (got, doc)
}

fn ids(doc: &sxs::Document) -> Vec<&str> {
    doc.segments.iter().map(|s| s.id.as_str()).collect()
}

fn f(code: &'static str, line: usize, id: &str) -> (&'static str, usize, String) {
    (code, line, id.to_owned())
}

#[test]
fn missing_source_keeps_the_neighbours() {
    let (got, doc) = findings("missing-source.md");
    assert_eq!(got, [f("missing-source", 8, "aaaaa-2")]);
    assert_eq!(ids(&doc), ["aaaaa-1", "aaaaa-2", "aaaaa-3"]);
    assert!(!doc.segments[1].has_source);
    assert_eq!(doc.segments[1].target, "Só o alvo.");
    assert_eq!(doc.segments[2].source, "After.");
}

#[test]
fn orphan_source_is_the_reverse_case() {
    let (got, doc) = findings("orphan-source.md");
    assert_eq!(got, [f("missing-source", 8, "bbbbb-2")]);
    assert_eq!(ids(&doc), ["bbbbb-1", "bbbbb-2", "bbbbb-3"]);
    assert!(!doc.segments[1].has_target);
    assert_eq!(doc.segments[1].source, "Only the source.");
}

#[test]
fn id_mismatch() {
    let (got, doc) = findings("id-mismatch.md");
    assert_eq!(got, [f("id-mismatch", 6, "ccccc-1")]);
    assert_eq!(ids(&doc), ["ccccc-1", "ccccc-2"]);
}

#[test]
fn duplicate_id() {
    let (got, doc) = findings("duplicate-id.md");
    assert_eq!(got, [f("duplicate-id", 8, "ddddd-1")]);
    assert_eq!(doc.segments.len(), 2, "both pairs are kept");
}

#[test]
fn empty_sides() {
    let (got, doc) = findings("empty.md");
    assert_eq!(got, [f("empty", 6, "eeeee-1"), f("empty", 7, "eeeee-2")]);
    assert_eq!(doc.segments[0].target, "(:)");
    assert_eq!(ids(&doc), ["eeeee-1", "eeeee-2", "eeeee-3"]);
}

#[test]
fn unclosed_source_stops_at_the_paragraph() {
    let (got, doc) = findings("unclosed-source.md");
    assert_eq!(got, [f("malformed", 6, "fffff-1")]);
    assert_eq!(doc.segments[0].source, "Source never closed.");
    assert_eq!(doc.segments[1].target, "Depois.");
}

#[test]
fn unclosed_span_inside_a_segment_does_not_swallow_pairs() {
    let (got, doc) = findings("inner-unclosed-span.md");
    assert_eq!(
        got,
        [f("malformed", 6, "11111-1"), f("malformed", 6, "11111-1")]
    );
    assert!(doc
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
    assert_eq!(ids(&doc), ["11111-1", "11111-2", "11111-3"]);
    assert_eq!(
        doc.segments[0].source,
        "Use AcquiredCompany.<span>com as the domain."
    );
}

#[test]
fn half_escaped_tag_is_recovered() {
    let (got, doc) = findings("half-escaped.md");
    assert_eq!(got, [f("malformed", 6, "341c6-145")]);
    assert_eq!(ids(&doc), ["341c6-145", "341c6-146"]);
    assert_eq!(doc.segments[0].target, "Alvo meio escapado.");
}

#[test]
fn fully_escaped_target_leaves_an_orphan_source() {
    let (got, doc) = findings("fully-escaped.md");
    assert_eq!(
        got,
        [f("malformed", 6, ""), f("missing-source", 6, "22222-1")]
    );
    assert_eq!(ids(&doc), ["22222-1", "22222-2"]);
}

#[test]
fn comments_and_comment_openers() {
    let (got, doc) = findings("comments.md");
    // `<!--` as segment text is a normal pair; the pair inside a real comment
    // is not published and is reported.
    assert_eq!(got, [f("commented-out", 9, "33333-4")]);
    assert_eq!(ids(&doc), ["33333-1", "33333-2", "33333-3", "33333-5"]);
    assert_eq!(doc.segments[0].target, "<!--");
}

#[test]
fn unclosed_fence_in_a_nested_blockquote_ends_with_it() {
    let (got, doc) = findings("nested-fence.md");
    assert!(got.is_empty(), "{got:?}");
    assert_eq!(ids(&doc), ["44444-1", "44444-2"]);
    assert_eq!(doc.segments[1].kind, sxs::BlockKind::Paragraph);
}

#[test]
fn tables_links_images_and_br_cells() {
    let (got, doc) = findings("structures.md");
    assert!(got.is_empty(), "{got:?}");
    assert_eq!(
        ids(&doc),
        ["55555-1", "55555-2", "55555-3", "55555-4", "55555-5", "55555-6", "55555-7"]
    );
    assert_eq!(doc.segments[0].target, "Linha\n   <strong>um</strong>");
    assert_eq!(doc.segments[0].kind, sxs::BlockKind::Html);
    assert_eq!(doc.segments[4].kind, sxs::BlockKind::TableCell);
    assert_eq!(doc.segments[6].source, "Three");
}

#[test]
fn include_files_have_no_frontmatter() {
    let (got, doc) = findings("includes/snippet.md");
    assert!(got.is_empty());
    assert_eq!(ids(&doc), ["66666-1"]);
    assert!(doc.meta.all.is_empty());
}

/// Pages generated here: bytes git might normalise, and sizes not worth committing.
#[test]
fn generated_inputs_never_panic_and_report_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    let pair = "<span data-ttu-id=\"77777-1\">Alvo</span><span class=\"sxs-lookup\"><span data-stu-id=\"77777-1\">Source</span></span>";
    let write = |name: &str, bytes: &[u8]| std::fs::write(content.join(name), bytes).unwrap();
    write(
        "bom.md",
        format!("\u{feff}---\ntitle: BOM\n---\n{pair}\n").as_bytes(),
    );
    let second = pair.replace("77777-1", "77777-2");
    write(
        "crlf.md",
        format!("---\r\ntitle: CRLF\r\n---\r\n# {pair}\r\n\r\n{second}\r\n").as_bytes(),
    );
    write(
        "invalid-utf8.md",
        b"---\ntitle: x\n---\nok\nbad \xff byte\n",
    );
    write("empty.md", b"");
    write("no-frontmatter.md", pair.as_bytes());
    write(
        "bad-yaml.md",
        format!("---\ntitle: [unclosed\n---\n{pair}\n").as_bytes(),
    );
    let mut bomb = String::from("---\na: &a [x,x,x,x,x,x,x,x,x]\n");
    for i in 1..10u8 {
        let (p, n) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        bomb.push_str(&format!(
            "{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    bomb.push_str(&format!("---\n{pair}\n"));
    write("alias-bomb.md", bomb.as_bytes());
    let mut big = String::from("---\ntitle: big\n---\n");
    let mut n = 0;
    while big.len() < 5 * 1024 * 1024 {
        n += 1;
        big.push_str(&format!("<span data-ttu-id=\"88888-{n}\">Frase número {n} da página grande, longa o bastante para que cinco megabytes fiquem dentro do limite de pares por página.</span><span class=\"sxs-lookup\"><span data-stu-id=\"88888-{n}\">Sentence number {n} of the big page, long enough for five megabytes to stay within the pairs-per-page limit.</span></span>\n\n"));
    }
    write("big.md", big.as_bytes());

    let output = Command::new(common::sxs_bin())
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let has = |file: &str, code: &str, line: u64| {
        findings
            .iter()
            .any(|f| f["file"] == file && f["code"] == code && f["line"] == line)
    };
    assert!(has("invalid-utf8.md", "encoding", 5), "{findings:#?}");
    // libyaml reports where it gave up: the end of the unclosed flow list.
    assert!(has("bad-yaml.md", "frontmatter", 3), "{findings:#?}");
    assert!(has("alias-bomb.md", "frontmatter", 2), "{findings:#?}");
    let errors_in = |file: &str| {
        findings
            .iter()
            .filter(|f| f["file"] == file && f["severity"] == "error")
            .count()
    };
    for clean in [
        "bom.md",
        "crlf.md",
        "empty.md",
        "no-frontmatter.md",
        "big.md",
    ] {
        assert_eq!(errors_in(clean), 0, "{clean}: {findings:#?}");
    }

    // The same pages through the library: segments kept despite the damage.
    let site = sxs::site::Site::open(dir.path(), None).unwrap();
    let review = sxs::pipeline::review_site(&site, true);
    let unreadable: Vec<_> = review
        .findings
        .iter()
        .filter(|d| d.code == "encoding" || d.code == "io")
        .collect();
    assert_eq!(
        unreadable.len(),
        1,
        "only the invalid UTF-8 page is unreadable: {unreadable:?}"
    );
    let doc = |name: &str| &review.pages.iter().find(|p| p.doc.rel == name).unwrap().doc;
    assert_eq!(doc("bom.md").segments.len(), 1);
    assert_eq!(doc("bom.md").meta.title.as_deref(), Some("BOM"));
    assert_eq!(doc("crlf.md").segments.len(), 2);
    assert_eq!(doc("crlf.md").segments[1].line, 6);
    assert_eq!(doc("bad-yaml.md").segments.len(), 1);
    assert_eq!(doc("alias-bomb.md").segments.len(), 1);
    assert_eq!(doc("big.md").segments.len(), n);
}

#[test]
fn check_on_the_fixture_folder_exits_1_and_names_the_errors() {
    let dir = format!("{}/tests/fixtures/broken", env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(common::sxs_bin())
        .args(["check", &dir])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("error[duplicate-id]: ddddd-1:"), "{stdout}");
    // Paths from the working folder (the crate's, under cargo test).
    assert!(
        stdout.contains("--> tests/fixtures/broken/duplicate-id.md:8:1"),
        "{stdout}"
    );
}

#[test]
fn a_pair_of_markup_only_is_not_empty() {
    // The target is empty and the source is only an anchor: nothing to read
    // is lost, so there is no finding, and no advice to remove the pair.
    let page = "<span data-ttu-id=\"a-1\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\"><a name=\"top\"></a></span></span>\n\n<span data-ttu-id=\"a-2\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">Real text</span></span>\n";
    let doc = sxs::read_document("a.md", page);
    let empty: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == sxs::diagnostic::Code::Empty)
        .collect();
    assert_eq!(empty.len(), 1, "{empty:#?}");
    assert_eq!(empty[0].id.as_deref(), Some("a-2"));
    assert!(
        empty[0].message.contains("keep the pair"),
        "{}",
        empty[0].message
    );
}
