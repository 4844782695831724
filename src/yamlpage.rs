//! DocFX YAML pages (`### YamlMime:Landing`, `### YamlMime:FAQ`) as
//! markdown, so they go through the same parse, align and render as any page.

use serde_json::Value;

/// The kinds of DocFX YAML pages sxs renders, by their first line.
const PAGE_MIMES: [&str; 3] = ["Landing", "Hub", "FAQ"];

/// Whether a YAML file (its bytes) is a page: its first line is
/// `### YamlMime:Landing`, `Hub` or `FAQ`. Other YAML (reference data,
/// configuration) is not.
pub fn is_page(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    first
        .trim()
        .strip_prefix("### YamlMime:")
        .is_some_and(|mime| PAGE_MIMES.contains(&mime.trim()))
}

/// The markdown of a YAML page, frontmatter included (from its `metadata`).
/// `None` if the YAML is not a page sxs knows.
pub fn to_markdown(yaml_text: &str) -> Result<String, crate::yaml::YamlError> {
    let value: Value = crate::yaml::parse(yaml_text)?;
    let mime = yaml_text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("### YamlMime:"))
        .unwrap_or("")
        .trim();
    let mut md = String::new();
    if let Some(Value::Object(meta)) = value.get("metadata") {
        let mut meta = meta.clone();
        if let Some(title) = value.get("title") {
            meta.entry("title").or_insert(title.clone());
        }
        md.push_str("---\n");
        md.push_str(&serde_json::to_string(&Value::Object(meta)).unwrap_or_default());
        md.push_str("\n---\n");
    }
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").trim().to_owned();
    let title = text(value.get("title"));
    if !title.is_empty() {
        md.push_str(&format!("# {title}\n\n"));
    }
    let summary = text(value.get("summary"));
    if !summary.is_empty() {
        md.push_str(&format!("{summary}\n\n"));
    }
    match mime {
        "FAQ" => faq(&value, &mut md),
        "Hub" => hub(&value, &mut md),
        _ => landing(&value, &mut md),
    }
    Ok(md)
}

fn items<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("").trim()
}

fn faq(value: &Value, md: &mut String) {
    for section in items(value, "sections") {
        let name = str_of(section, "name");
        let titled = !name.is_empty() && name != "Ignored";
        if titled {
            md.push_str(&format!("## {name}\n\n"));
        }
        // Questions one level under their section's heading, or under the
        // page title when the section has none (no skipped level).
        let level = if titled { "###" } else { "##" };
        for qa in items(section, "questions") {
            md.push_str(&format!(
                "{level} {}\n\n{}\n\n",
                str_of(qa, "question"),
                str_of(qa, "answer")
            ));
        }
    }
}

fn landing(value: &Value, md: &mut String) {
    for section in items(value, "landingContent") {
        md.push_str(&format!("## {}\n\n", str_of(section, "title")));
        for list in items(section, "linkLists") {
            link_list(list, md);
        }
    }
    for card in items(value, "conceptualContent").flat_map(|c| items(c, "items")) {
        md.push_str(&format!("## {}\n\n", str_of(card, "title")));
        link_list(card, md);
    }
}

/// The sections of a hub page, in the order the page shows them: each a
/// heading, its summary, and its cards (title, summary, links).
fn hub(value: &Value, md: &mut String) {
    for key in [
        "highlightedContent",
        "productDirectory",
        "conceptualContent",
        "tools",
        "additionalContent",
    ] {
        let Some(section) = value.get(key) else {
            continue;
        };
        heading_and_summary(section, "##", md);
        for card in items(section, "items") {
            hub_card(card, md);
        }
        for part in items(section, "sections") {
            heading_and_summary(part, "###", md);
            for card in items(part, "items") {
                hub_card(card, md);
            }
        }
        let footer = str_of(section, "footer");
        if !footer.is_empty() {
            md.push_str(&format!("{footer}\n\n"));
        }
    }
}

fn heading_and_summary(holder: &Value, hashes: &str, md: &mut String) {
    let title = str_of(holder, "title");
    if !title.is_empty() {
        md.push_str(&format!("{hashes} {title}\n\n"));
    }
    let summary = str_of(holder, "summary");
    if !summary.is_empty() {
        md.push_str(&format!("{summary}\n\n"));
    }
}

/// A hub card: its title (a link when the card has a `url`), its summary,
/// and its links.
fn hub_card(card: &Value, md: &mut String) {
    let title = str_of(card, "title");
    let url = str_of(card, "url");
    if !title.is_empty() {
        if url.is_empty() {
            md.push_str(&format!("- **{title}**\n"));
        } else {
            md.push_str(&format!("- [{title}]({url})\n"));
        }
    }
    let summary = str_of(card, "summary");
    if !summary.is_empty() {
        md.push_str(&format!("\n  {summary}\n"));
    }
    md.push('\n');
    link_list(card, md);
}

/// The `links` of a landing-page list or card as a markdown list.
fn link_list(holder: &Value, md: &mut String) {
    if items(holder, "links").next().is_none() {
        return;
    }
    for link in items(holder, "links") {
        md.push_str(&format!(
            "- [{}]({})\n",
            str_of(link, "text"),
            str_of(link, "url")
        ));
    }
    md.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faq_becomes_headings_and_answers() {
        let yaml = "### YamlMime:FAQ\nmetadata:\n  ms.contentlocale: pt-BR\ntitle: Perguntas\nsummary: Resumo\nsections:\n- name: Ignored\n  questions:\n  - question: Por quê?\n    answer: Porque **sim**.\n";
        let md = to_markdown(yaml).unwrap();
        assert!(md.contains("# Perguntas\n"), "{md}");
        assert!(md.contains("\n## Por quê?\n\nPorque **sim**."), "{md}");
        let doc = crate::read_document("faq.yml", &md);
        assert_eq!(doc.meta.content_locale.as_deref(), Some("pt-BR"));
        assert_eq!(doc.meta.title.as_deref(), Some("Perguntas"));
    }

    #[test]
    fn only_docfx_page_mimes_are_pages() {
        assert!(is_page(b"### YamlMime:Hub\ntitle: x\n"));
        assert!(is_page(b"\xEF\xBB\xBF### YamlMime:Landing\r\ntitle: x\n"));
        assert!(is_page(b"### YamlMime:FAQ\n"));
        assert!(!is_page(b"### YamlMime:ManagedReference\n"));
        assert!(!is_page(b"items:\n- name: x\n"));
    }

    #[test]
    fn hub_sections_become_headings_cards_and_links() {
        let yaml = "### YamlMime:Hub\ntitle: Hub\nsummary: All of it\nhighlightedContent:\n  items:\n  - title: Start here\n    itemType: get-started\n    url: start.md\nproductDirectory:\n  title: Products\n  items:\n  - title: Teams\n    summary: Chat and meet\n    url: /microsoftteams/\nadditionalContent:\n  sections:\n  - title: More\n    items:\n    - title: Guides\n      links:\n      - text: Deploy\n        url: deploy.md\n  footer: See also [x](x.md).\n";
        let md = to_markdown(yaml).unwrap();
        for part in [
            "# Hub\n",
            "All of it\n",
            "- [Start here](start.md)\n",
            "## Products\n",
            "- [Teams](/microsoftteams/)\n\n  Chat and meet\n",
            "### More\n",
            "- **Guides**\n",
            "- [Deploy](deploy.md)\n",
            "See also [x](x.md).",
        ] {
            assert!(md.contains(part), "{part:?} in {md}");
        }
    }

    #[test]
    fn landing_becomes_link_lists() {
        let yaml = "### YamlMime:Landing\ntitle: Docs\nlandingContent:\n- title: Start\n  linkLists:\n  - linkListType: get-started\n    links:\n    - text: Overview\n      url: overview.md\n";
        let md = to_markdown(yaml).unwrap();
        assert!(
            md.contains("## Start\n\n- [Overview](overview.md)\n"),
            "{md}"
        );
    }
}
