//! Reading JSON back: the array of `sxs export --format json`, or the lines
//! of `--format jsonl`. Units carry the segment id as it is in the page, so
//! the key of a repeated id is made the way the other formats' are: `_2`,
//! `_3`… in the order of the file.

use super::{Export, Problem, Unit};
use crate::diagnostic::LineIndex;
use crate::export::UniqueIds;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// The fields import needs; the others (`kind`, `findings`…) are ignored.
#[derive(Deserialize)]
struct JsonUnit {
    file: String,
    id: String,
    source: String,
    target: String,
}

pub(super) fn read(text: &str) -> Result<Export, Problem> {
    let values = values_of(text)?;
    let mut export = Export::default();
    let mut ids: HashMap<String, UniqueIds> = HashMap::new();
    for (n, (value, at)) in values.into_iter().enumerate() {
        match JsonUnit::deserialize(value) {
            Ok(u) => {
                let key = ids.entry(u.file.clone()).or_default().claim(u.id);
                export.units.push(Unit {
                    file: u.file,
                    key,
                    source: u.source,
                    target: Some(u.target),
                    target_lang: None,
                    inline_codes: Vec::new(),
                    at,
                    ordinal: n + 1,
                });
            }
            Err(e) => export.problems.push(Problem::new(
                at,
                format!(
                    "unit {} cannot be imported: {e}; each unit needs file, id, source and \
                     target as sxs exported them",
                    n + 1
                ),
            )),
        }
    }
    Ok(export)
}

/// A JSON value and the line and column where it starts.
type Placed = (Value, (usize, usize));

/// The units of an array, or the values of JSON lines, each with where it
/// starts (for an array, where the array starts: serde_json does not say
/// where its elements are).
fn values_of(text: &str) -> Result<Vec<Placed>, Problem> {
    let index = LineIndex::new(text);
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut values = Vec::new();
    loop {
        let skipped = text[stream.byte_offset()..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(0);
        let at = index.position(text, stream.byte_offset() + skipped);
        match stream.next() {
            None => break,
            Some(Ok(value)) => values.push((value, at)),
            Some(Err(e)) => {
                return Err(Problem::new(
                    (e.line(), e.column()),
                    format!("not JSON as `sxs export --format json` writes it: {e}"),
                ))
            }
        }
    }
    if let [(Value::Array(units), at)] = values.as_mut_slice() {
        let at = *at;
        return Ok(std::mem::take(units).into_iter().map(|u| (u, at)).collect());
    }
    if !values.is_empty() && values.iter().all(|(v, _)| v.is_object()) {
        return Ok(values);
    }
    Err(Problem::new(
        (1, 1),
        "not JSON as `sxs export --format json` writes it: an array of units, or one unit per \
         line, is expected",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_array_and_keys_repeats() {
        let text = r#"[
  {"file": "a/p.md", "line": 3, "id": "x-1", "source": "One", "target": "Um", "findings": []},
  {"file": "a/p.md", "id": "x-1", "source": "Again", "target": "De novo"},
  {"file": "b.md", "id": "x-1", "source": "B", "target": "B"},
  {"file": "b.md", "id": "x-2", "source": "no target"}
]"#;
        let export = read(text).unwrap();
        let keys: Vec<_> = export
            .units
            .iter()
            .map(|u| (u.file.as_str(), u.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            [("a/p.md", "x-1"), ("a/p.md", "x-1_2"), ("b.md", "x-1")]
        );
        assert_eq!(export.problems.len(), 1);
        assert!(export.problems[0].message.contains("unit 4"));
        assert!(export.problems[0].message.contains("target"));
    }

    #[test]
    fn reads_json_lines_with_positions() {
        let text = "{\"file\":\"a.md\",\"id\":\"x\",\"source\":\"S\",\"target\":\"T\"}\n\n  \
                    {\"file\":\"a.md\",\"id\":\"y\",\"source\":\"S\",\"target\":\"U\"}\n";
        let export = read(text).unwrap();
        assert_eq!(export.units.len(), 2);
        assert_eq!(export.units[1].at, (3, 3));
        assert_eq!(export.units[1].target.as_deref(), Some("U"));
    }

    #[test]
    fn other_json_is_not_an_sxs_export() {
        assert!(read("{\"a\": 1} [1]").is_err());
        assert!(read("").is_err());
        let err = read("[{\"file\": 1,").unwrap_err();
        assert_eq!(err.at.0, 1);
    }
}
