//! Reading TMX back: one `tu` per unit, keyed by its `tuid`, its page in the
//! `x-file` prop; the `tuv` in the header's `srclang` is the source, the
//! other the target (`xml:lang`, or TMX 1.1's `lang`).

use super::xml::{name, Content, Xml};
use super::{Export, Problem, Unit};
use quick_xml::events::{BytesStart, Event};

pub(super) fn read(text: &str) -> Result<Export, Problem> {
    let mut xml = Xml::new(text);
    let root = xml.root()?;
    let version = xml.attr(&root, "version")?.unwrap_or_default();
    if name(&root) != "tmx" || !version.starts_with("1.") {
        return Err(xml.problem(
            "not a TMX 1.x file as `sxs export --format tmx` writes it: the root must be \
             <tmx version=\"1.4\">",
        ));
    }
    let mut export = Export::default();
    loop {
        match xml.next()? {
            Event::Start(e) | Event::Empty(e) if name(&e) == "header" => {
                export.source_lang = xml.attr(&e, "srclang")?;
            }
            Event::Start(e) if name(&e) == "tu" => {
                let srclang = header_lang(&xml, &export)?.to_owned();
                let ordinal = export.units.len() + export.problems.len() + 1;
                match read_tu(&mut xml, &e, &srclang, ordinal)? {
                    Ok(unit) => export.units.push(unit),
                    Err(problem) => export.problems.push(problem),
                }
            }
            Event::Empty(e) if name(&e) == "tu" => {
                header_lang(&xml, &export)?;
                let tuid = xml.attr(&e, "tuid")?.unwrap_or_default();
                let problem = xml.problem("an empty <tu>; keep its <tuv>s as sxs exported them");
                export.problems.push(problem.with_id(Some(&tuid)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if export.units.is_empty() && export.problems.is_empty() {
        return Err(xml.problem("the TMX file has no <tu>; was it exported by sxs?"));
    }
    Ok(export)
}

/// The header's `srclang`, which must come before the first `tu`.
fn header_lang<'e>(xml: &Xml, export: &'e Export) -> Result<&'e str, Problem> {
    export
        .source_lang
        .as_deref()
        .ok_or_else(|| xml.problem("no <header srclang=\"…\"> before the first <tu>"))
}

/// What a `tu` holds, as read.
#[derive(Default)]
struct Tu {
    file: Option<String>,
    tuvs: Vec<(String, Content)>,
}

/// One `tu`: `Err` for malformed XML, `Ok(Err)` for a unit that cannot be
/// imported.
fn read_tu(
    xml: &mut Xml,
    start: &BytesStart,
    srclang: &str,
    ordinal: usize,
) -> Result<Result<Unit, Problem>, Problem> {
    let at = xml.at();
    let tuid = xml.attr(start, "tuid")?;
    let mut tu = Tu::default();
    loop {
        match xml.next()? {
            Event::Start(e) if name(&e) == "prop" => {
                let kind = xml.attr(&e, "type")?;
                let text = xml.content()?.text;
                if kind.as_deref() == Some("x-file") {
                    tu.file = Some(text);
                }
            }
            Event::Start(e) if name(&e) == "tuv" => {
                let lang = tuv_lang(xml, &e)?;
                tu.tuvs.push((lang, read_tuv(xml)?));
            }
            Event::Empty(e) if name(&e) == "tuv" => {
                tu.tuvs.push((tuv_lang(xml, &e)?, Content::default()));
            }
            Event::Start(e) => xml.skip(&e)?,
            Event::End(e) if e.local_name().as_ref() == "tu" => break,
            Event::Eof => return Err(xml.problem("the file ends inside a <tu>")),
            _ => {}
        }
    }
    Ok(unit_of(tu, tuid, srclang, at, ordinal))
}

/// `xml:lang`, or TMX 1.1's `lang`.
fn tuv_lang(xml: &Xml, tuv: &BytesStart) -> Result<String, Problem> {
    Ok(xml
        .attr(tuv, "xml:lang")?
        .or(xml.attr(tuv, "lang")?)
        .unwrap_or_default())
}

/// The `seg` of a `tuv` (its notes and props skipped).
fn read_tuv(xml: &mut Xml) -> Result<Content, Problem> {
    let mut seg = Content::default();
    loop {
        match xml.next()? {
            Event::Start(e) if name(&e) == "seg" => seg.append(xml.content()?),
            Event::Start(e) => xml.skip(&e)?,
            Event::End(e) if e.local_name().as_ref() == "tuv" => return Ok(seg),
            Event::Eof => return Err(xml.problem("the file ends inside a <tuv>")),
            _ => {}
        }
    }
}

fn unit_of(
    tu: Tu,
    tuid: Option<String>,
    srclang: &str,
    at: (usize, usize),
    ordinal: usize,
) -> Result<Unit, Problem> {
    let problem = |why: String| Problem::new(at, why).with_id(tuid.as_deref());
    let (Some(key), Some(file)) = (tuid.clone(), tu.file) else {
        return Err(problem(
            "a <tu> without its tuid or its x-file prop; keep them as sxs exported them".into(),
        ));
    };
    if !key.starts_with(&format!("{file}#")) {
        return Err(problem(format!(
            "the tuid does not name the x-file page {file}; keep the ids sxs exported"
        )));
    }
    let (mut sources, mut targets): (Vec<_>, Vec<_>) = tu
        .tuvs
        .into_iter()
        .partition(|(lang, _)| lang.eq_ignore_ascii_case(srclang));
    if sources.len() != 1 || targets.len() > 1 {
        return Err(problem(format!(
            "a <tu> needs one <tuv> in {srclang} and at most one in the target language; \
             this one has {} and {}",
            sources.len(),
            targets.len()
        )));
    }
    let source = sources.pop().map(|(_, seg)| seg.text).unwrap_or_default();
    let (target_lang, target, inline_codes) = match targets.pop() {
        Some((lang, seg)) => (Some(lang), Some(seg.text), seg.inline),
        None => (None, None, Vec::new()),
    };
    Ok(Unit {
        file,
        key,
        source,
        target,
        target_lang,
        inline_codes,
        at,
        ordinal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="sxs" creationtoolversion="0.1.0" segtype="sentence" o-tmf="sxs" adminlang="en-US" srclang="en-US" datatype="plaintext"/>
  <body>
    <tu tuid="a/p.md#x-1">
      <note>warning[numbers]: 3 became 4</note>
      <prop type="x-file">a/p.md</prop>
      <prop type="x-line">3</prop>
      <tuv xml:lang="en-US"><seg>Pay &lt;b&gt; 3&#13;
now</seg></tuv>
      <tuv xml:lang="pt-BR"><seg>Pague <bpt i="1"/>4</seg></tuv>
    </tu>
    <tu tuid="a/p.md#x-1_2">
      <prop type="x-file">a/p.md</prop>
      <tuv lang="EN-us"><seg>Again</seg></tuv>
    </tu>
    <tu tuid="b.md#y"><prop type="x-file">a/p.md</prop><tuv xml:lang="en-US"><seg>Y</seg></tuv></tu>
    <tu tuid="a/p.md#z"><prop type="x-file">a/p.md</prop><tuv xml:lang="pt-BR"><seg>Z</seg></tuv></tu>
  </body>
</tmx>
"#;

    #[test]
    fn reads_tus_with_their_page_and_key() {
        let export = read(SAMPLE).unwrap();
        assert_eq!(export.source_lang.as_deref(), Some("en-US"));
        assert_eq!(export.units.len(), 2);
        let first = &export.units[0];
        assert_eq!(
            (first.file.as_str(), first.key.as_str()),
            ("a/p.md", "a/p.md#x-1")
        );
        assert_eq!(first.source, "Pay <b> 3\r\nnow");
        assert_eq!(first.target.as_deref(), Some("Pague 4"));
        assert_eq!(first.inline_codes, ["bpt"]);
        assert_eq!(first.target_lang.as_deref(), Some("pt-BR"));
        assert_eq!(first.at, (5, 5));
        let second = &export.units[1];
        assert_eq!(
            (second.source.as_str(), second.target.as_deref()),
            ("Again", None)
        );
        let problems: Vec<_> = export.problems.iter().map(|p| p.id.as_deref()).collect();
        assert_eq!(problems, [Some("b.md#y"), Some("a/p.md#z")]);
        assert!(export.problems[0]
            .message
            .contains("does not name the x-file page"));
        assert!(export.problems[1].message.contains("has 0 and 1"));
    }

    #[test]
    fn other_xml_is_not_an_sxs_export() {
        assert!(read("<xliff version=\"2.1\"/>").is_err());
        assert!(read("<tmx version=\"1.4\"><body></body></tmx>").is_err());
        let no_header = "<tmx version=\"1.4\"><body><tu/></body></tmx>";
        assert!(read(no_header).unwrap_err().message.contains("no <header"));
    }
}
