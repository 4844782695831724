//! DocFX YAML pages (`### YamlMime:Landing`, `### YamlMime:FAQ`) as
//! markdown, so they go through the same parse, align and render as any page.

use serde_json::Value;

/// The markdown of a YAML page, frontmatter included (from its `metadata`).
/// `None` if the YAML is not a page sxs knows.
pub fn to_markdown(yaml_text: &str) -> Result<String, crate::yaml::YamlError> {
    let value: Value = crate::yaml::parse(yaml_text)?;
    let mime = yaml_text
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

/// The `links` of a landing-page list or card as a markdown list.
fn link_list(holder: &Value, md: &mut String) {
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
    fn landing_becomes_link_lists() {
        let yaml = "### YamlMime:Landing\ntitle: Docs\nlandingContent:\n- title: Start\n  linkLists:\n  - linkListType: get-started\n    links:\n    - text: Overview\n      url: overview.md\n";
        let md = to_markdown(yaml).unwrap();
        assert!(
            md.contains("## Start\n\n- [Overview](overview.md)\n"),
            "{md}"
        );
    }
}
