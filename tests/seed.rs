//! The seed page (the first page of the sample site in `content/`).

use sxs::{read_document, BlockKind};

const SEED: &str =
    include_str!("../content/partner-center/customer-communication-from-microsoft.md");

#[test]
fn seed_has_eight_segments_with_their_kinds() {
    let doc = read_document(
        "partner-center/customer-communication-from-microsoft.md",
        SEED,
    );
    assert!(doc.diagnostics.is_empty(), "{:#?}", doc.diagnostics);
    let got: Vec<(&str, BlockKind)> = doc
        .segments
        .iter()
        .map(|s| (s.id.as_str(), s.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("cea8a-104", BlockKind::Heading),
            ("cea8a-105", BlockKind::Paragraph),
            ("cea8a-106", BlockKind::ListItem),
            ("cea8a-107", BlockKind::ListItem),
            ("cea8a-108", BlockKind::Paragraph),
            ("cea8a-109", BlockKind::Paragraph),
            ("cea8a-110", BlockKind::Paragraph),
            ("cea8a-111", BlockKind::Paragraph),
        ]
    );
    // 108 and 109 share a paragraph row; the other paragraphs have one each.
    assert_eq!(doc.segments[4].block, doc.segments[5].block);
    assert_ne!(doc.segments[5].block, doc.segments[6].block);
    let heading = &doc.segments[0];
    assert_eq!(heading.target, "Comunicação com o cliente da Microsoft");
    assert_eq!(heading.source, "Customer communication from Microsoft");
    assert_eq!(
        (heading.line, heading.column),
        (
            20,
            3 + "<a name=\"customer-communication-from-microsoft\"></a>".len()
        )
    );
    assert_eq!(doc.segments[1].target, "**Aplica-se a**");
    assert_eq!(doc.segments[1].source_text, "Applies to");
    assert_eq!(
        doc.segments[6].source,
        "Microsoft may communicate directly with customers about service incidents or other operational information."
    );
    assert_eq!(doc.meta.content_locale.as_deref(), Some("pt-BR"));
    assert_eq!(doc.meta.translation_type.as_deref(), Some("MT"));
}

#[test]
fn seed_rows_follow_the_blocks() {
    let doc = read_document("seed.md", SEED);
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            // The page ends with a paragraph holding a no-break space: a row
            // of its own, with no segment, as in the original.
            BlockKind::Paragraph,
            BlockKind::Paragraph,
        ]
    );
    let per_row: Vec<usize> = doc
        .blocks
        .iter()
        .map(|b| b.segment_indices().count())
        .collect();
    assert_eq!(per_row, [1, 1, 1, 1, 2, 1, 1, 0, 0]);
}

#[test]
fn seed_decides_exactly_the_four_statements_of_the_spec() {
    let doc = read_document("seed.md", SEED);
    let lexicon = sxs::decide::Lexicon::for_publisher(Some(sxs::decide::publisher::MS_PUBLISHER));
    let got: Vec<(String, String, &str)> = sxs::decide::page_decisions(&doc, &lexicon)
        .into_iter()
        .map(|d| (d.id, d.decision.actor, d.decision.modality.as_str()))
        .collect();
    let want = [
        ("cea8a-108", "the CSP partner", "should"),
        ("cea8a-109", "Microsoft", "will-not"),
        ("cea8a-110", "Microsoft", "may"),
        ("cea8a-111", "Microsoft", "will"),
    ];
    let want: Vec<(String, String, &str)> = want
        .iter()
        .map(|(i, a, m)| ((*i).to_owned(), (*a).to_owned(), *m))
        .collect();
    assert_eq!(got, want);
    // The pt-BR translations keep force and polarity: no modality finding.
    let decisions = sxs::decide::page_decisions(&doc, &lexicon);
    assert!(sxs::review::modality::modality_findings("seed.md", &decisions, "pt-BR").is_empty());
    // The seed carries `ms.*` keys: a site with no `decisions:` reads it with the same lexicon.
    let site = sxs::decide::Lexicons::default();
    assert_eq!(
        sxs::decide::page_decisions(&doc, site.for_page(&doc.meta)),
        decisions
    );
}
