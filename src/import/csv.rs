//! Reading CSV back: columns found by the header row's names (tools may
//! reorder or add columns), the page and key from `id` (`file#segment-id`).

use super::{Export, Problem, Unit};

/// The columns import needs, as `sxs export --format csv` names them.
const NEEDED: [&str; 3] = ["source", "target", "id"];

pub(super) fn read(text: &str) -> Result<Export, Problem> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let fatal = |e: ::csv::Error| {
        let at = e
            .position()
            .map_or((1, 1), |p| (usize::try_from(p.line()).unwrap_or(0), 1));
        Problem::new(at, format!("not a CSV file sxs can read: {e}"))
    };
    let header = reader.headers().map_err(fatal)?.clone();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let [Some(source), Some(target), Some(id)] = NEEDED.map(column) else {
        return Err(Problem::new(
            (1, 1),
            "not a CSV file as `sxs export --format csv` writes it: the header row must name \
             the columns source, target and id",
        ));
    };
    let mut export = Export::default();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(fatal)?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let field = |i: usize| record.get(i).unwrap_or_default().to_owned();
        let key = field(id);
        let Some((file, _)) = key.rsplit_once('#').filter(|(file, _)| !file.is_empty()) else {
            let why = "the id is not `file#segment-id`; keep the ids sxs exported";
            export
                .problems
                .push(Problem::new((line, 1), why).with_id(Some(&key)));
            continue;
        };
        export.units.push(Unit {
            file: file.to_owned(),
            source: field(source),
            target: Some(field(target)),
            target_lang: None,
            inline_codes: Vec::new(),
            at: (line, 1),
            ordinal: n + 1,
            key,
        });
    }
    Ok(export)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_by_column_name() {
        let text = "\"target\",\"id\",\"source\",\"fuzzy\"\r\n\
                    \"Um\r\ndois\",\"a/p.md#x-1\",\"One\r\ntwo\",\"\"\r\n\
                    \"Três\",\"a/p.md#x-3_2\",\"Three \"\"3\"\"\",\"\"\r\n\
                    \"Quatro\",\"x-4\",\"Four\",\"\"\r\n\
                    \"Cinco\",\"b#c.md#x-5\"\r\n";
        let export = read(text).unwrap();
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
                ("a/p.md", "a/p.md#x-1", "One\r\ntwo", Some("Um\r\ndois")),
                ("a/p.md", "a/p.md#x-3_2", "Three \"3\"", Some("Três")),
                ("b#c.md", "b#c.md#x-5", "", Some("Cinco")),
            ]
        );
        assert_eq!(export.units[1].at, (4, 1));
        assert_eq!(export.problems.len(), 1);
        assert_eq!(export.problems[0].id.as_deref(), Some("x-4"));
    }

    #[test]
    fn other_csv_is_not_an_sxs_export() {
        let err = read("msgid,msgstr\r\na,b\r\n").unwrap_err();
        assert!(err.message.contains("source, target and id"), "{err:?}");
    }
}
