//! The plain data every stage passes on: a page is a list of blocks (the rows
//! of the side-by-side view) over a list of aligned segments.

use crate::diagnostic::Diagnostic;
use crate::parse::LinkRefs;
use crate::yaml::FrontMatter;
use pulldown_cmark::Event;
use serde::Serialize;

/// One of the two languages of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The translation (the `data-ttu-id` span), in the page's target locale.
    Target,
    /// The original the translation was made from (the `data-stu-id` span).
    Source,
}

/// What kind of block a row or a segment sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// An ATX or setext heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// One item of a list (each item is a row of its own).
    ListItem,
    /// A whole table, as a row; its segments are of kind [`BlockKind::TableCell`].
    Table,
    /// A table cell: the kind of the segments inside a table.
    TableCell,
    /// A plain `>` blockquote.
    Blockquote,
    /// A DocFX alert: a blockquote that starts with `[!NOTE]`, `[!TIP]`, ….
    Alert,
    /// A fenced or indented code block.
    Code,
    /// A block of raw HTML.
    Html,
    /// A thematic break (`---`).
    Rule,
    /// Anything else, including the row at the end of the page that holds
    /// pairs found outside any markdown block.
    Other,
}

impl BlockKind {
    /// The kebab-case name, as serialized and as the templates' row classes use it.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list-item",
            BlockKind::Table => "table",
            BlockKind::TableCell => "table-cell",
            BlockKind::Blockquote => "blockquote",
            BlockKind::Alert => "alert",
            BlockKind::Code => "code",
            BlockKind::Html => "html",
            BlockKind::Rule => "rule",
            BlockKind::Other => "other",
        }
    }
}

/// One aligned pair: the same sentence in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The pair's id as written in its spans (`cea8a-108`, or `cea8a-p3`
    /// for a merged paragraph); not always unique in a page (reported).
    pub id: String,
    /// Line of the pair's first tag in the file (1-based).
    pub line: usize,
    /// Column of the pair's first tag, in characters (1-based).
    pub column: usize,
    /// The innermost block the pair sits in.
    pub kind: BlockKind,
    /// Index of the row (block) that shows it.
    pub block: usize,
    /// Target inner markdown exactly as written; empty when the span is missing.
    pub target: String,
    /// Source inner markdown exactly as written; empty when the span is missing.
    pub source: String,
    /// Whether the target span is there: an empty `target` with this set
    /// is a span written empty, not a missing one.
    pub has_target: bool,
    /// Whether the source span is there (see `has_target`).
    pub has_source: bool,
    /// Readable text of the target side (markup dropped), for checks and search.
    pub target_text: String,
    /// Readable text of the source side (markup dropped), for checks and search.
    pub source_text: String,
}

impl Segment {
    /// One side's inner markdown as written ([`Segment::target`] or [`Segment::source`]).
    pub fn markdown(&self, side: Side) -> &str {
        match side {
            Side::Target => &self.target,
            Side::Source => &self.source,
        }
    }

    /// One side's readable text ([`Segment::target_text`] or [`Segment::source_text`]).
    pub fn text(&self, side: Side) -> &str {
        match side {
            Side::Target => &self.target_text,
            Side::Source => &self.source_text,
        }
    }
}

/// A piece of a row's event stream: a markdown event shared by both
/// languages, or the place where a segment goes (its language picked when the
/// stream is rendered for one side).
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Markup common to both languages (block structure, text outside any pair).
    Event(Event<'static>),
    /// Where a segment goes: its index in [`Document::segments`].
    Segment(usize),
}

/// One row of the side-by-side view: a top-level block (a list contributes one
/// row per item).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the top-level block is (a list item for a list's rows).
    pub kind: BlockKind,
    /// Line where the block starts in the file (1-based).
    pub line: usize,
    /// The block's events with its segments' places, in document order.
    pub pieces: Vec<Piece>,
    /// Link targets inside this block: its `<a name>` anchors, a heading's
    /// own first. A heading without one gets a slug of its source text, as
    /// DocFX gives headings ids.
    pub anchors: Vec<String>,
}

impl Block {
    /// The segments shown in this row, in order.
    pub fn segment_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Segment(i) => Some(*i),
            Piece::Event(_) => None,
        })
    }
}

/// A page after parse and align.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// The page's frontmatter (empty when it has none).
    pub meta: FrontMatter,
    /// The rows of the side-by-side view, in document order.
    pub blocks: Vec<Block>,
    /// Every pair of the page in document order; [`Piece::Segment`] and
    /// [`Segment::block`] index into it and into `blocks`.
    pub segments: Vec<Segment>,
    /// The page's link reference definitions, so a segment's `[text][label]`
    /// renders although its definition lies outside the segment.
    pub refs: LinkRefs,
    /// What reading the page found wrong (broken pairs, bad frontmatter);
    /// the review copies them into [`crate::pipeline::Page::findings`].
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A page with no pairs is monolingual: shown once, said so in its summary.
    pub fn is_bilingual(&self) -> bool {
        !self.segments.is_empty()
    }
}
