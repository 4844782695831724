//! A whole page to the HTML of every view, sanitized: no panic, and no
//! `<script` in what is published.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use sxs::render::markdown::{Context, LinkRewriter};
use sxs::render::views;
use sxs::Side;

struct AsIs;

impl LinkRewriter for AsIs {
    fn link(&self, url: &str) -> Option<String> {
        Some(url.to_owned())
    }
    fn media(&self, url: &str) -> String {
        url.to_owned()
    }
}

fuzz_target!(|text: &str| {
    if sxs::load::within_budget(text, "fuzz.md").is_err() {
        return;
    }
    let doc = sxs::read_document("fuzz.md", text);
    let ctx = Context {
        links: &AsIs,
        target_lang: "pt-BR",
        source_lang: "en-US",
        includes: None,
        include_stack: RefCell::default(),
        sanitize: true,
    };
    let mut html = String::new();
    for row in views::rows(&doc, &doc.diagnostics, &ctx) {
        html.push_str(&row.target);
        html.push_str(&row.source);
    }
    html.push_str(&views::reading_body(&doc, Side::Target, &ctx));
    html.push_str(&views::reading_body(&doc, Side::Source, &ctx));
    assert!(!html.to_ascii_lowercase().contains("<script"));
});
