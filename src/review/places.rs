//! Where a page's segments are: their ids, lines and columns, kept once
//! per page for the site pass.
//!
//! The calibrated checks (length, omission) keep a sample of every pair of
//! the docset until the whole docset is read, and report a few of them. A
//! 50,000-page docset has millions of pairs: each sample names its segment
//! by its number on the page, and only the page keeps the ids, in one
//! string, with the places.

use super::narrow;
use crate::model::Document;

/// The ids and places of a page's segments, by segment number (the order
/// of [`Document::segments`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// Every id, one after the other.
    ids: String,
    /// Where each id ends in `ids`.
    ends: Vec<u32>,
    /// 1-based (line, column) of each segment.
    at: Vec<(u32, u32)>,
}

/// A place in a page: what a finding needs to point at its segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// The segment's id.
    pub id: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Places {
    /// The places of `doc`'s segments.
    pub fn of(doc: &Document) -> Places {
        Places::from_segments(
            doc.segments
                .iter()
                .map(|s| (s.id.as_str(), s.line, s.column)),
        )
    }

    /// The places of segments given as (id, line, column), in order.
    pub fn from_segments<'s>(
        segments: impl IntoIterator<Item = (&'s str, usize, usize)>,
    ) -> Places {
        let mut places = Places::default();
        for (id, line, column) in segments {
            places.ids.push_str(id);
            places.ends.push(narrow(places.ids.len()));
            places.at.push((narrow(line), narrow(column)));
        }
        places.ids.shrink_to_fit();
        places.ends.shrink_to_fit();
        places.at.shrink_to_fit();
        places
    }

    /// The place of segment `n`, if the page has it.
    pub fn get(&self, n: u32) -> Option<Place<'_>> {
        let n = n as usize;
        let end = *self.ends.get(n)? as usize;
        let start = match n {
            0 => 0,
            _ => *self.ends.get(n - 1)? as usize,
        };
        let (line, column) = *self.at.get(n)?;
        Some(Place {
            id: self.ids.get(start..end)?,
            line: line as usize,
            column: column as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_segment_gets_its_id_and_place_back() {
        let places = Places::from_segments([("a-1", 3, 1), ("", 5, 7), ("b-22", 9, 2)]);
        let got: Vec<Option<Place<'_>>> = (0..4).map(|n| places.get(n)).collect();
        assert_eq!(
            got,
            [
                Some(Place {
                    id: "a-1",
                    line: 3,
                    column: 1
                }),
                Some(Place {
                    id: "",
                    line: 5,
                    column: 7
                }),
                Some(Place {
                    id: "b-22",
                    line: 9,
                    column: 2
                }),
                None,
            ]
        );
    }

    #[test]
    fn a_document_gives_its_segments_in_order() {
        let doc = crate::read_document(
            "a.md",
            "<span data-ttu-id=\"x-1\">Um.</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">One.</span></span>\n\n\
             <span data-ttu-id=\"x-2\">Dois.</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-2\">Two.</span></span>\n",
        );
        let places = Places::of(&doc);
        let ids: Vec<&str> = (0..2).filter_map(|n| places.get(n)).map(|p| p.id).collect();
        assert_eq!(ids, ["x-1", "x-2"]);
        assert_eq!(places.get(1).map(|p| p.line), Some(3));
    }
}
