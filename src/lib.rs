//! sxs: a static site generator for bilingual (side-by-side) localized docs.
//!
//! The pipeline, one module per stage, each a plain function over plain
//! data, in the order [`pipeline`] calls them:
//!
//! **load** ([`load`]) → **parse** ([`parse`], [`yaml`], [`yamlpage`]) →
//! **align** ([`markup`], [`align`]) → **decide** ([`decide`]) → **review**
//! ([`review`]) → **site pass** ([`pipeline::site`], [`links`]) → **render**
//! ([`render`], driven by [`build`]) → **write** ([`mod@write`]).
//!
//! [`pipeline::read_page`] runs the per-page stages and gives one
//! [`pipeline::Page`]; `build`, `check`, `export` and `serve` all start from
//! it and from the site pass.

pub mod align;
pub mod code;
pub mod decide;
pub mod diagnostic;
pub mod docset;
pub mod links;
pub mod load;
pub mod locale;
pub mod markup;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod yaml;

pub use align::read_document;
pub use diagnostic::{Diagnostic, Error, Severity};
pub use model::{Block, BlockKind, Document, Piece, Segment, Side};
pub mod build;
pub mod claims;
pub mod config;
pub mod export;
pub mod import;
pub mod init;
pub mod outpath;
pub mod render;
pub mod report;
pub mod review;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod write;
pub mod yamlpage;

/// A 64-bit hash of `value`, the same for equal values within one run: what
/// the site pass keeps of strings it only compares (anchors, the words of
/// translations), so that a large docset does not keep the strings.
pub(crate) fn hash64<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
