//! Stage 3, **align**: split the page's event stream at the span markup.
//!
//! The pairs found by [`crate::markup`] cut the pulldown-cmark stream: events
//! inside a pair are replaced by one [`Piece::Segment`] (rendered later from
//! the segment's own markdown, in the language asked for), events outside any
//! pair are shared by both languages. The stream is cut into rows, one per
//! top-level block and one per item of a top-level list. So each row is, for
//! each language, a complete markdown fragment, and every segment is in exactly
//! one row exactly once.

use crate::diagnostic::{Code, Diagnostic, LineIndex, Severity};
use crate::markup::{self, RawPair};
use crate::model::{Block, BlockKind, Document, Piece, Segment};
use crate::parse::{self, Parsed};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// Parses and aligns one file: the whole front half of the pipeline for a page.
pub fn read_document(rel: &str, text: &str) -> Document {
    let parsed = parse::parse(rel, text);
    align(rel, text, parsed)
}

/// Aligns a parsed page (see the module docs).
pub fn align(rel: &str, text: &str, parsed: Parsed<'_>) -> Document {
    align_with_pairs(rel, text, parsed).0
}

/// As [`read_document`], also giving the pair each segment was read from
/// (`pairs[i]` is `segments[i]`'s, with byte ranges into `text`): what
/// `sxs import` needs to rewrite one span's text and nothing else.
pub fn read_with_pairs(rel: &str, text: &str) -> (Document, Vec<RawPair>) {
    align_with_pairs(rel, text, parse::parse(rel, text))
}

fn align_with_pairs(rel: &str, text: &str, parsed: Parsed<'_>) -> (Document, Vec<RawPair>) {
    let index = LineIndex::new(text);
    let mut diagnostics = parsed.diagnostics;
    let body = &text[parsed.body_start..];
    let (mut pairs, problems) = if markup::has_markup(body) {
        markup::scan(body)
    } else {
        (Vec::new(), Vec::new())
    };
    for pair in &mut pairs {
        shift_pair(pair, parsed.body_start);
    }
    for problem in problems {
        let offset = problem.offset + parsed.body_start;
        let mut d = Diagnostic::new(
            rel,
            index.position(text, offset),
            problem.code,
            problem.severity,
            problem.message,
        );
        // Name the segment the problem belongs to, so it is flagged in the views.
        if let Some(pair) = pair_at(&pairs, offset) {
            d = d.with_id(&pair.id);
        }
        diagnostics.push(d);
    }

    let commented = comment_ranges(&parsed.events, &pairs);
    let (pairs, skipped): (Vec<_>, Vec<_>) = pairs
        .into_iter()
        .partition(|p| !commented.iter().any(|c| contains(c, &p.outer)));
    for pair in skipped {
        diagnostics.push(
            Diagnostic::new(
                rel,
                index.position(text, pair.outer.start),
                Code::CommentedOut,
                Severity::Info,
                "this pair is inside an HTML comment, so it is not published and not exported",
            )
            .with_id(&pair.id),
        );
    }

    let mut splitter = Splitter::new(text, &index, &pairs);
    for (event, range) in parsed.events {
        splitter.event(event, range);
    }
    let Splitter {
        rows, placement, ..
    } = splitter;
    let (mut rows, placement) = merge_open_html(rows, placement);

    // A pair no event touched (in a link reference definition, or a table
    // cell past the header's columns, which GFM drops) is still shown, in a
    // row of its own at the end, and reported. The page's structure puts it
    // there in both languages, since one pair holds both, so it is a note on
    // the page, not a translation or markup defect: info, not `malformed`.
    let unplaced: Vec<usize> = (0..pairs.len())
        .filter(|i| !placement.contains_key(i))
        .collect();
    let mut placement = placement;
    if !unplaced.is_empty() {
        let row = rows.len();
        let line = index.position(text, pairs[unplaced[0]].outer.start).0;
        let mut pieces = vec![Piece::Event(Event::Start(Tag::Paragraph))];
        for &i in &unplaced {
            pieces.push(Piece::Segment(i));
            pieces.push(Piece::Event(Event::Text(" ".into())));
            placement.insert(i, (row, BlockKind::Other));
            diagnostics.push(
                Diagnostic::new(
                    rel,
                    index.position(text, pairs[i].outer.start),
                    Code::Unplaced,
                    Severity::Info,
                    "this pair is outside any markdown block (in a link definition, or in a table cell past the header's columns); it is shown at the end of the page",
                )
                .with_id(&pairs[i].id),
            );
        }
        pieces.push(Piece::Event(Event::End(TagEnd::Paragraph)));
        rows.push(Block {
            kind: BlockKind::Other,
            line,
            pieces,
            anchors: Vec::new(),
        });
    }

    let segments: Vec<Segment> = pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let (block, kind) = placement.get(&i).copied().unwrap_or((0, BlockKind::Other));
            segment(text, &index, pair, block, kind)
        })
        .collect();
    let mut seen = Unique::default();
    for row in &mut rows {
        row.anchors = anchors(row, &segments)
            .into_iter()
            .map(|anchor| seen.take(anchor))
            .collect();
    }
    check_segments(rel, &segments, &mut diagnostics);
    report_in_code(rel, &segments, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line, d.column));

    let doc = Document {
        rel: rel.to_owned(),
        meta: parsed.meta,
        blocks: rows,
        segments,
        refs: parsed.refs,
        diagnostics,
    };
    (doc, pairs)
}

/// The pair whose tags enclose `offset` (pairs are in file order and do not
/// overlap): a binary search, so 100,000 problems on one page stay linear.
fn pair_at(pairs: &[RawPair], offset: usize) -> Option<&RawPair> {
    let after = pairs.partition_point(|p| p.outer.start <= offset);
    let pair = pairs.get(after.checked_sub(1)?)?;
    pair.outer.contains(&offset).then_some(pair)
}

/// A pair inside a code block is shown as code (its markup as written, its
/// anchor on the row), which is right where a real fence holds it, but
/// never silently: a fence opened by mistake turns the rest of the page
/// into code.
fn report_in_code(rel: &str, segments: &[Segment], diagnostics: &mut Vec<Diagnostic>) {
    for segment in segments.iter().filter(|s| s.kind == BlockKind::Code) {
        diagnostics.push(
            Diagnostic::new(
                rel,
                (segment.line, segment.column),
                Code::InCode,
                Severity::Info,
                "this pair is inside a code block, so it is shown as code text; if the code \
                 block was not meant, close or remove its fence",
            )
            .with_id(&segment.id),
        );
    }
}

fn shift_pair(pair: &mut RawPair, by: usize) {
    fn shift(r: &Range<usize>, by: usize) -> Range<usize> {
        r.start + by..r.end + by
    }
    pair.outer = shift(&pair.outer, by);
    pair.target = pair.target.as_ref().map(|r| shift(r, by));
    pair.source = pair.source.as_ref().map(|r| shift(r, by));
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// HTML comments written as such in the page (an HTML block or inline HTML
/// starting with `<!--` outside any pair). A `<!--` that is a segment's text
/// starts inside a pair and is not a comment of the page.
fn comment_ranges(events: &[(Event<'_>, Range<usize>)], pairs: &[RawPair]) -> Vec<Range<usize>> {
    let is_comment = |html: &str, at: usize| {
        html.trim_start().starts_with("<!--") && !pairs.iter().any(|p| p.outer.contains(&at))
    };
    let mut ranges = Vec::new();
    let mut html_block: Option<Range<usize>> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some(range.clone()),
            Event::Html(html) => {
                // Only the block's first line decides whether it is a comment.
                if let Some(block) = html_block.take() {
                    if is_comment(html, range.start) {
                        ranges.push(block);
                    }
                }
            }
            Event::InlineHtml(html) if is_comment(html, range.start) => ranges.push(range.clone()),
            _ => {}
        }
    }
    ranges
}

/// Walks the events, cutting rows and replacing pair events by segments.
struct Splitter<'t> {
    text: &'t str,
    /// Turns the offset where a row starts into its line, once, so that a
    /// row's `line` is never a byte offset.
    index: &'t LineIndex,
    pairs: &'t [RawPair],
    rows: Vec<Block>,
    /// The row under construction.
    current: Option<Block>,
    /// Open tags: (was it kept, the block kind it opens if any).
    stack: Vec<(bool, Option<BlockKind>)>,
    /// Depth of open tags, to find top-level blocks.
    depth: usize,
    /// Inside a top-level list: its start number and item count so far.
    list: Option<(Option<u64>, u64)>,
    /// Pair index -> (row, innermost block kind).
    placement: HashMap<usize, (usize, BlockKind)>,
    /// Ranges of the open links and images: pairs in their titles are in
    /// no event, and are placed when the link closes.
    titled: Vec<Range<usize>>,
}

impl<'t> Splitter<'t> {
    fn new(text: &'t str, index: &'t LineIndex, pairs: &'t [RawPair]) -> Splitter<'t> {
        Splitter {
            text,
            index,
            pairs,
            rows: Vec::new(),
            current: None,
            stack: Vec::new(),
            depth: 0,
            list: None,
            placement: HashMap::new(),
            titled: Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            leaf => self.leaf(leaf, range),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if self.depth == 0 {
            if let Tag::List(first) = tag {
                self.list = Some((first, 0));
                self.depth += 1;
                self.stack.push((false, None));
                return;
            }
            self.open_row(row_kind(&tag), range.start);
        } else if self.depth == 1 && self.list.is_some() {
            if let Tag::Item = tag {
                let (first, count) = self.list.unwrap_or((None, 0));
                self.list = Some((first, count + 1));
                self.open_row(BlockKind::ListItem, range.start);
                let number = first.map(|n| n + count);
                self.push(Event::Start(Tag::List(number)));
            }
        }
        self.depth += 1;
        // A container spanning exactly one pair (a table cell `|<span…>…</span>|`)
        // wraps the pair: it is kept, and its kind is the segment's.
        let wraps_pair = self
            .pair_containing(&range)
            .is_some_and(|i| self.pairs[i].outer == range);
        let kept = wraps_pair || self.pair_containing(&range).is_none();
        self.stack.push((kept, segment_kind(&tag)));
        if matches!(tag, Tag::Link { .. } | Tag::Image { .. }) {
            self.titled.push(range.clone());
        }
        if kept {
            self.push(Event::Start(tag.into_static()));
        } else {
            self.touch(&range);
        }
    }

    fn end(&mut self, end: TagEnd) {
        let (kept, _) = self.stack.pop().unwrap_or((false, None));
        self.depth = self.depth.saturating_sub(1);
        if kept {
            self.push(Event::End(end));
        }
        if matches!(end, TagEnd::Link | TagEnd::Image) {
            self.place_titles();
        }
        if self.depth == 0 {
            if matches!(end, TagEnd::List(_)) && self.list.is_some() {
                self.list = None;
            } else {
                self.close_row();
            }
        } else if self.depth == 1 && self.list.is_some() && end == TagEnd::Item {
            let ordered = matches!(self.list, Some((Some(_), _)));
            self.push(Event::End(TagEnd::List(ordered)));
            self.close_row();
        }
    }

    fn leaf(&mut self, event: Event<'_>, range: Range<usize>) {
        let standalone = self.current.is_none();
        if standalone {
            self.open_row(leaf_row_kind(&event), range.start);
        }
        if self.pair_containing(&range).is_some() {
            self.touch(&range);
        } else {
            let crossing: Vec<usize> = self.pairs_overlapping(&range).collect();
            if crossing.is_empty() {
                self.push(event.into_static());
            } else {
                self.split(&event, range, &crossing);
            }
        }
        if standalone {
            self.close_row();
        }
    }

    /// A text or HTML event that straddles pair boundaries (an HTML block line
    /// of a `<table>`, a "comment" opened by segment text): keep the raw text
    /// outside the pairs, put segments where the pairs are.
    fn split(&mut self, event: &Event<'_>, range: Range<usize>, crossing: &[usize]) {
        let mut at = range.start;
        for &i in crossing {
            let outer = self.pairs[i].outer.clone();
            if outer.start > at {
                self.push_raw(event, at..outer.start);
            }
            self.place(i);
            at = at.max(outer.end);
        }
        if at < range.end {
            self.push_raw(event, at..range.end);
        }
    }

    fn push_raw(&mut self, like: &Event<'_>, range: Range<usize>) {
        let raw = CowStr::from(self.text[range].to_owned());
        let event = match like {
            Event::Html(_) => Event::Html(raw),
            Event::InlineHtml(_) => Event::InlineHtml(raw),
            Event::Code(_) => Event::Code(raw),
            _ => Event::Text(raw),
        };
        self.push(event);
    }

    /// An event inside pair(s): make sure each pair it touches is placed.
    fn touch(&mut self, range: &Range<usize>) {
        let touched: Vec<usize> = self.pairs_overlapping(range).collect();
        for i in touched {
            self.place(i);
        }
    }

    /// Places the pairs of the link or image that just closed that no event
    /// touched: those in its title, which the row shows (the renderer puts
    /// them in the title, in one language, and their anchors on the row).
    fn place_titles(&mut self) {
        let Some(range) = self.titled.pop() else {
            return;
        };
        let untouched: Vec<usize> = self
            .pairs_overlapping(&range)
            .filter(|i| !self.placement.contains_key(i))
            .collect();
        for i in untouched {
            self.place(i);
        }
    }

    fn place(&mut self, pair: usize) {
        if self.placement.contains_key(&pair) {
            return;
        }
        if self.current.is_none() {
            self.open_row(BlockKind::Other, self.pairs[pair].outer.start);
        }
        let kind = self.innermost_kind();
        self.placement.insert(pair, (self.rows.len(), kind));
        if let Some(row) = &mut self.current {
            row.pieces.push(Piece::Segment(pair));
        }
    }

    fn innermost_kind(&self) -> BlockKind {
        let kinds: Vec<BlockKind> = self.stack.iter().filter_map(|(_, k)| *k).collect();
        for wanted in [
            BlockKind::Heading,
            BlockKind::TableCell,
            BlockKind::ListItem,
            BlockKind::Alert,
            BlockKind::Blockquote,
            BlockKind::Html,
            BlockKind::Code,
        ] {
            if kinds.contains(&wanted) {
                return wanted;
            }
        }
        kinds.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    fn pair_containing(&self, range: &Range<usize>) -> Option<usize> {
        let i = self.pairs.partition_point(|p| p.outer.start <= range.start);
        let candidate = i.checked_sub(1)?;
        let outer = &self.pairs[candidate].outer;
        (range.start < outer.end && range.end <= outer.end && range.start < range.end)
            .then_some(candidate)
    }

    fn pairs_overlapping<'a>(
        &'a self,
        range: &'a Range<usize>,
    ) -> impl Iterator<Item = usize> + 'a {
        let first = self.pairs.partition_point(|p| p.outer.end <= range.start);
        (first..self.pairs.len()).take_while(move |&i| self.pairs[i].outer.start < range.end)
    }

    fn push(&mut self, event: Event<'_>) {
        if let Some(row) = &mut self.current {
            row.pieces.push(Piece::Event(event.into_static()));
        }
    }

    fn open_row(&mut self, kind: BlockKind, offset: usize) {
        self.close_row();
        self.current = Some(Block {
            kind,
            line: self.index.position(self.text, offset).0,
            pieces: Vec::new(),
            anchors: Vec::new(),
        });
    }

    fn close_row(&mut self) {
        if let Some(row) = self.current.take() {
            self.rows.push(row);
        }
    }
}

/// Raw HTML elements that hold other blocks; a row that opens one without
/// closing it continues in the next rows.
const CONTAINERS: [&str; 9] = [
    "table",
    "div",
    "ul",
    "ol",
    "dl",
    "details",
    "section",
    "blockquote",
    "figure",
];

/// Net count of container elements a piece of raw HTML opens.
fn html_depth(html: &str) -> isize {
    let lower = html.to_ascii_lowercase();
    let mut depth = 0;
    for (at, _) in lower.match_indices('<') {
        let rest = &lower[at + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if CONTAINERS.contains(&name.as_str()) {
            depth += if closing { -1 } else { 1 };
        }
    }
    depth
}

/// CommonMark ends an HTML block at a blank line, so a raw `<table>` with
/// blank lines inside comes out as several blocks; one row each would split
/// the table between rows (and leave each half unbalanced). Rows are merged
/// until the raw HTML they hold is balanced again.
fn merge_open_html(
    rows: Vec<Block>,
    placement: HashMap<usize, (usize, BlockKind)>,
) -> (Vec<Block>, HashMap<usize, (usize, BlockKind)>) {
    let mut merged: Vec<Block> = Vec::with_capacity(rows.len());
    let mut new_index = Vec::with_capacity(rows.len());
    let mut open = 0isize;
    for row in rows {
        let depth: isize = row
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Event(Event::Html(h) | Event::InlineHtml(h)) => html_depth(h),
                _ => 0,
            })
            .sum();
        match merged.last_mut() {
            Some(last) if open > 0 => {
                last.kind = BlockKind::Html;
                last.pieces.extend(row.pieces);
            }
            _ => merged.push(row),
        }
        open = (open + depth).max(0);
        new_index.push(merged.len() - 1);
    }
    let placement = placement
        .into_iter()
        .map(|(pair, (row, kind))| (pair, (new_index.get(row).copied().unwrap_or(row), kind)))
        .collect();
    (merged, placement)
}

/// The row kind of a top-level block.
fn row_kind(tag: &Tag<'_>) -> BlockKind {
    match tag {
        Tag::Heading { .. } => BlockKind::Heading,
        Tag::Paragraph => BlockKind::Paragraph,
        Tag::BlockQuote(Some(_)) => BlockKind::Alert,
        Tag::BlockQuote(None) => BlockKind::Blockquote,
        Tag::CodeBlock(_) => BlockKind::Code,
        Tag::HtmlBlock => BlockKind::Html,
        Tag::Table(_) => BlockKind::Table,
        Tag::Item => BlockKind::ListItem,
        _ => BlockKind::Other,
    }
}

fn leaf_row_kind(event: &Event<'_>) -> BlockKind {
    match event {
        Event::Rule => BlockKind::Rule,
        Event::Html(_) => BlockKind::Html,
        _ => BlockKind::Other,
    }
}

/// The block kind a tag gives the segments inside it, if it is a block.
fn segment_kind(tag: &Tag<'_>) -> Option<BlockKind> {
    Some(match tag {
        Tag::Heading { .. } => BlockKind::Heading,
        Tag::Paragraph => BlockKind::Paragraph,
        Tag::Item => BlockKind::ListItem,
        Tag::TableCell => BlockKind::TableCell,
        Tag::BlockQuote(Some(_)) => BlockKind::Alert,
        Tag::BlockQuote(None) => BlockKind::Blockquote,
        Tag::CodeBlock(_) => BlockKind::Code,
        Tag::HtmlBlock => BlockKind::Html,
        _ => return None,
    })
}

fn segment(
    text: &str,
    index: &LineIndex,
    pair: &RawPair,
    block: usize,
    kind: BlockKind,
) -> Segment {
    let side = |r: &Option<Range<usize>>| r.as_ref().map(|r| text[r.clone()].to_owned());
    let target = side(&pair.target);
    let source = side(&pair.source);
    let (line, column) = index.position(text, pair.outer.start);
    Segment {
        id: pair.id.clone(),
        line,
        column,
        kind,
        block,
        target_text: target.as_deref().map(parse::plain_text).unwrap_or_default(),
        source_text: source.as_deref().map(parse::plain_text).unwrap_or_default(),
        has_target: target.is_some(),
        has_source: source.is_some(),
        target: target.unwrap_or_default(),
        source: source.unwrap_or_default(),
    }
}

/// The `<a name>` anchors of a row; for a heading without one, a slug of
/// its source text.
fn anchors(row: &Block, segments: &[Segment]) -> Vec<String> {
    let mut found: Vec<String> = row
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Event(Event::InlineHtml(html) | Event::Html(html)) => markup::anchor_name(html),
            _ => None,
        })
        .map(str::to_owned)
        .collect();
    if found.is_empty() && row.kind == BlockKind::Heading {
        let text: String = row
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Segment(i) => segments.get(*i).map_or("", |s| s.source_text.as_str()),
                Piece::Event(Event::Text(t) | Event::Code(t)) => t,
                Piece::Event(_) => "",
            })
            .collect();
        let slug = slug(&text);
        if !slug.is_empty() {
            found.push(slug);
        }
    }
    found
}

/// The anchors given out in a page, so that each is unique.
#[derive(Default)]
struct Unique {
    seen: std::collections::HashSet<String>,
    /// For each anchor as written, the suffix to try next: 30,000 headings
    /// of one name cost 30,000 steps, not 30,000²/2.
    next: HashMap<String, usize>,
}

impl Unique {
    /// `anchor`, or `anchor-1`, `anchor-2`… if already used in the page
    /// (two headings "Request example" get distinct ids, as DocFX gives
    /// them).
    fn take(&mut self, anchor: String) -> String {
        let n = self.next.entry(anchor.clone()).or_insert(0);
        let mut candidate = if *n == 0 {
            anchor.clone()
        } else {
            format!("{anchor}-{n}")
        };
        while self.seen.contains(&candidate) {
            *n += 1;
            candidate = format!("{anchor}-{n}");
        }
        *n += 1;
        self.seen.insert(candidate.clone());
        candidate
    }
}

/// DocFX-style heading id: lowercase words joined by `-`, punctuation dropped.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| c.is_whitespace() || c == '-') {
        let word: String = word
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '_')
            .flat_map(char::to_lowercase)
            .collect();
        if !word.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&word);
        }
    }
    out
}

/// The checks that belong to reading the markup: duplicate ids and empty sides.
fn check_segments(rel: &str, segments: &[Segment], diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Segment> = HashMap::new();
    for seg in segments {
        let at = (seg.line, seg.column);
        if let Some(first) = seen.get(seg.id.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    rel,
                    at,
                    Code::DuplicateId,
                    Severity::Error,
                    format!(
                        "this id is already used at line {}; each pair needs its own id",
                        first.line
                    ),
                )
                .with_id(&seg.id),
            );
        } else {
            seen.insert(&seg.id, seg);
        }
        // A side is empty when it has no markdown at all while the other
        // side has text to read: a pair whose sides are only an anchor
        // (`<a name="x"></a>`) or other markup loses nothing.
        for (present, md, other_text, side) in [
            (seg.has_target, &seg.target, &seg.source_text, "target"),
            (seg.has_source, &seg.source, &seg.target_text, "source"),
        ] {
            if present && md.trim().is_empty() && !other_text.trim().is_empty() {
                diagnostics.push(
                    Diagnostic::new(
                        rel,
                        at,
                        Code::Empty,
                        Severity::Error,
                        format!("the {side} text is empty; fill it in (keep the pair: it may carry an anchor or other markup)"),
                    )
                    .with_id(&seg.id),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reports_the_line_it_starts_on() {
        let pair = "<span data-ttu-id=\"a-1\">Texto.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Text.</span></span>";
        let text = format!(
            "# T\n\nOne.\n\nTwo.\n\n[ref]: https://x.org \"{pair}\"\n\n- item\n- item {pair}\n"
        );
        let doc = read_document("a.md", &text);
        let lines: Vec<(BlockKind, usize)> = doc.blocks.iter().map(|b| (b.kind, b.line)).collect();
        // Lines, not byte offsets: the pair in the link definition's title
        // is shown where the definition is (line 7).
        assert_eq!(
            lines,
            [
                (BlockKind::Heading, 1),
                (BlockKind::Paragraph, 3),
                (BlockKind::Paragraph, 5),
                (BlockKind::Paragraph, 7),
                (BlockKind::ListItem, 9),
                (BlockKind::ListItem, 10),
            ]
        );
    }
}
