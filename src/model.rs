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
    Target,
    Source,
}

/// What kind of block a row or a segment sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Table,
    TableCell,
    Blockquote,
    Alert,
    Code,
    Html,
    Rule,
    Other,
}

impl BlockKind {
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
    pub id: String,
    /// Position of the pair's first tag in the file (1-based).
    pub line: usize,
    pub column: usize,
    /// The innermost block the pair sits in.
    pub kind: BlockKind,
    /// Index of the row (block) that shows it.
    pub block: usize,
    /// Target inner markdown exactly as written; empty when the span is missing.
    pub target: String,
    /// Source inner markdown exactly as written; empty when the span is missing.
    pub source: String,
    pub has_target: bool,
    pub has_source: bool,
    /// Readable text of each side (markup dropped), for checks and search.
    pub target_text: String,
    pub source_text: String,
}

impl Segment {
    pub fn markdown(&self, side: Side) -> &str {
        match side {
            Side::Target => &self.target,
            Side::Source => &self.source,
        }
    }

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
    Event(Event<'static>),
    Segment(usize),
}

/// One row of the side-by-side view: a top-level block (a list contributes one
/// row per item).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub line: usize,
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
    pub meta: FrontMatter,
    pub blocks: Vec<Block>,
    pub segments: Vec<Segment>,
    pub refs: LinkRefs,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A page with no pairs is monolingual: shown once, said so in its summary.
    pub fn is_bilingual(&self) -> bool {
        !self.segments.is_empty()
    }
}
