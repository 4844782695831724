//! sxs: a static site generator for bilingual (side-by-side) localized docs.
//!
//! The pipeline, one module per stage, each a plain function over plain data:
//!
//! **load** ([`load`]) → **parse** ([`parse`], [`yaml`]) → **align**
//! ([`markup`], [`align`]) → review → decide → render → write.

pub mod align;
pub mod decide;
pub mod diagnostic;
pub mod docset;
pub mod load;
pub mod markup;
pub mod model;
pub mod parse;
pub mod yaml;

pub use align::read_document;
pub use diagnostic::{Diagnostic, Error, Severity};
pub use model::{Block, BlockKind, Document, Piece, Segment, Side};
pub mod build;
pub mod config;
pub mod export;
pub mod init;
pub mod render;
pub mod report;
pub mod review;
pub mod serve;
pub mod site;
pub mod write;
pub mod yamlpage;
