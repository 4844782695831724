//! Reading XLIFF 2 back: `file original` is the page, `unit id` the key,
//! the unit's segments' `source` and `target` (and `ignorable`s, whose text
//! is part of the unit's by the XLIFF 2 rules) concatenated in order.
//! Notes, metadata and modules' elements (translation candidates hold their
//! own `source` and `target`) are skipped.

use super::xml::{name, Content, Xml};
use super::{Export, Problem, Unit};
use quick_xml::events::{BytesStart, Event};

const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

pub(super) fn read(text: &str) -> Result<Export, Problem> {
    let mut xml = Xml::new(text);
    let root = xml.root()?;
    let target_lang = check_root(&xml, &root)?;
    let mut export = Export {
        source_lang: xml.attr(&root, "srcLang")?,
        ..Export::default()
    };
    let mut file: Option<String> = None;
    loop {
        match xml.next()? {
            Event::Start(e) if name(&e) == "file" => file = xml.attr(&e, "original")?,
            Event::End(e) if e.local_name().as_ref() == "file" => file = None,
            Event::Start(e) if name(&e) == "unit" => {
                let ordinal = export.units.len() + export.problems.len() + 1;
                let unit = read_unit(&mut xml, &e, file.as_deref(), &target_lang, ordinal)?;
                match unit {
                    Ok(unit) => export.units.push(unit),
                    Err(problem) => export.problems.push(problem),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if export.units.is_empty() && export.problems.is_empty() {
        return Err(xml.problem("the XLIFF file has no units; was it exported by sxs?"));
    }
    Ok(export)
}

/// The root must be sxs's: `xliff` in the XLIFF 2 core namespace, version
/// 2.x, with both languages. Returns `trgLang`.
fn check_root(xml: &Xml, root: &BytesStart) -> Result<String, Problem> {
    let not_ours = |why: String| {
        xml.problem(format!(
            "not an XLIFF 2 file as `sxs export --format xliff` writes it: {why}"
        ))
    };
    if name(root) != "xliff" || xml.attr(root, "xmlns")?.as_deref() != Some(NAMESPACE) {
        return Err(not_ours(format!(
            "the root must be <xliff xmlns=\"{NAMESPACE}\">"
        )));
    }
    let version = xml.attr(root, "version")?.unwrap_or_default();
    if !version.starts_with("2.") {
        return Err(not_ours(format!("version \"{version}\", not 2.x")));
    }
    if xml.attr(root, "srcLang")?.is_none() {
        return Err(not_ours("no srcLang".to_owned()));
    }
    xml.attr(root, "trgLang")?
        .ok_or_else(|| not_ours("no trgLang".to_owned()))
}

/// A `segment` or an `ignorable` of a unit.
#[derive(Default)]
struct Part {
    ignorable: bool,
    source: Content,
    target: Option<Content>,
}

/// One unit: `Err` for malformed XML (the whole file), `Ok(Err)` for a unit
/// that cannot be imported (only that unit).
fn read_unit(
    xml: &mut Xml,
    start: &BytesStart,
    file: Option<&str>,
    target_lang: &str,
    ordinal: usize,
) -> Result<Result<Unit, Problem>, Problem> {
    let at = xml.at();
    let key = xml.attr(start, "id")?;
    let parts = read_parts(xml)?;
    let problem = |why: &str| Ok(Err(Problem::new(at, why).with_id(key.as_deref())));
    let (Some(key), Some(file)) = (key.as_deref(), file) else {
        return problem(
            "a <unit> without its id or outside a <file original=\"…\">; keep the ids and \
             files sxs exported",
        );
    };
    let segments = parts.iter().filter(|p| !p.ignorable).count();
    let translated = parts
        .iter()
        .filter(|p| !p.ignorable && p.target.is_some())
        .count();
    if translated > 0 && translated < segments {
        return problem(&format!(
            "only {translated} of the unit's {segments} segments have a target; translate \
             them all (or join them) and import again"
        ));
    }
    let mut source = Content::default();
    let mut target = (translated > 0).then(Content::default);
    for part in parts {
        // An ignorable without a target is the same text in both languages.
        let part_target = match part.target {
            Some(t) => t,
            None if part.ignorable => Content {
                text: part.source.text.clone(),
                inline: part.source.inline.clone(),
            },
            None => Content::default(),
        };
        source.append(part.source);
        if let Some(target) = target.as_mut() {
            target.append(part_target);
        }
    }
    let (target, inline_codes) = match target {
        Some(t) => (Some(t.text), t.inline),
        None => (None, Vec::new()),
    };
    Ok(Ok(Unit {
        file: file.to_owned(),
        key: key.to_owned(),
        source: source.text,
        target,
        target_lang: Some(target_lang.to_owned()),
        inline_codes,
        at,
        ordinal,
    }))
}

/// The segments and ignorables of the unit whose start was the last event,
/// up to its end.
fn read_parts(xml: &mut Xml) -> Result<Vec<Part>, Problem> {
    let mut parts: Vec<Part> = Vec::new();
    loop {
        match xml.next()? {
            Event::Start(e) => match name(&e).as_str() {
                kind @ ("segment" | "ignorable") => parts.push(Part {
                    ignorable: kind == "ignorable",
                    ..Part::default()
                }),
                side @ ("source" | "target") => {
                    let content = xml.content()?;
                    let Some(part) = parts.last_mut() else {
                        return Err(xml.problem(format!("a <{side}> outside a <segment>")));
                    };
                    match side {
                        "source" => part.source.append(content),
                        _ => part
                            .target
                            .get_or_insert_with(Content::default)
                            .append(content),
                    }
                }
                _ => xml.skip(&e)?,
            },
            Event::Empty(e) if name(&e) == "target" => {
                if let Some(part) = parts.last_mut() {
                    part.target.get_or_insert_with(Content::default);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "unit" => return Ok(parts),
            Event::Eof => return Err(xml.problem("the file ends inside a <unit>")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en-US" trgLang="pt-BR" xml:space="preserve">
  <file id="a_p.md" original="a/p.md">
    <unit id="x-1" name="x-1" type="sxs:paragraph">
      <notes><note category="empty">error[empty]: <source>no</source></note></notes>
      <segment state="initial">
        <source>Pay &lt;b&gt; &amp; go&#13;
now</source>
      </segment>
    </unit>
    <unit id="x-1_2" name="x-1">
      <segment><source>One. </source><target>Um. </target></segment>
      <ignorable><source>\n</source></ignorable>
      <segment><source>Two.</source><target>Dois <pc id="1">já</pc>.</target></segment>
    </unit>
    <unit name="no-id"><segment><source>x</source></segment></unit>
    <unit id="half"><segment><source>A.</source><target>A.</target></segment><segment><source>B.</source></segment></unit>
  </file>
  <file id="b" original="b.md"><unit id="y"><segment><source>Y</source><target/></segment></unit></file>
</xliff>
"#;

    #[test]
    fn reads_units_with_their_page_and_key() {
        let export = read(SAMPLE).unwrap();
        assert_eq!(export.source_lang.as_deref(), Some("en-US"));
        let got: Vec<_> = export
            .units
            .iter()
            .map(|u| {
                (
                    u.file.as_str(),
                    u.key.as_str(),
                    u.source.as_str(),
                    u.target.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a/p.md", "x-1", "Pay <b> & go\r\nnow", None),
                ("a/p.md", "x-1_2", "One. \\nTwo.", Some("Um. \\nDois já.")),
                ("b.md", "y", "Y", Some("")),
            ]
        );
        assert_eq!(export.units[1].inline_codes, ["pc"]);
        assert_eq!(export.units[1].target_lang.as_deref(), Some("pt-BR"));
        assert_eq!(export.units[0].at, (4, 5));
        assert_eq!(export.units[2].ordinal, 5);
        assert_eq!(export.problems.len(), 2);
        assert!(export.problems[0].message.contains("without its id"));
        assert_eq!(export.problems[1].id.as_deref(), Some("half"));
        assert!(export.problems[1]
            .message
            .contains("only 1 of the unit's 2 segments"));
    }

    #[test]
    fn other_xml_is_not_an_sxs_export() {
        let v1 =
            r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>"#;
        assert!(read(v1).unwrap_err().message.contains("the root must be"));
        let tmx = "<tmx version=\"1.4\"><body/></tmx>";
        assert!(read(tmx).is_err());
        let empty = SAMPLE.split("<file ").next().unwrap().to_owned() + "</xliff>";
        assert!(read(&empty).unwrap_err().message.contains("no units"));
        let broken = SAMPLE.replace("</target></segment>\n    </unit>", "</segment>");
        assert!(read(&broken)
            .unwrap_err()
            .message
            .contains("not well-formed"));
    }
}
