//! The search index: per language, an inverted index cut into small script
//! files that the page's script loads on demand (scripts, not JSON, so
//! search works from `file://`).
//!
//! For each language (`t` target, `s` source) under `static/search/`:
//! - `<lang>.js`, the manifest: the first term of every term shard, the
//!   first segment number of every text shard, the first segment number of
//!   every page (the page table's index) — small, loaded on the first key;
//! - `<lang>-t<N>.js`, term shards: sorted terms with the segments that hold
//!   them and the pages whose title holds them (delta-encoded numbers);
//! - `<lang>-d<N>.js`, text shards: consecutive segments' anchors and texts,
//!   each with the pages they belong to (url, title) once.
//!
//! A query loads the manifest, the term shards its terms fall in and the
//! text shards of the results it shows. Terms are what [`terms`] makes of a
//! text; `static/sxs.js` makes the same of a query.

use super::lists::Output;
use crate::diagnostic::{Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// What a page gives the search: its address, title and segments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageRecords {
    /// The side-by-side view's URL from the site root: results link there.
    pub url: String,
    /// The page's title, shown with each result.
    pub title: String,
    /// (anchor, target text, source text), in page order.
    pub segments: Vec<(String, String, String)>,
}

/// About this many bytes of terms and postings go in one term shard: a
/// query loads one or two per term and language.
const TERM_SHARD_BYTES: usize = 16 * 1024;

/// About this many bytes of texts go in one text shard: the first results
/// may be in as many shards as there are results shown, so these are
/// small.
const TEXT_SHARD_BYTES: usize = 6 * 1024;

/// The two languages of the index and the side of a segment each reads.
const LANGS: [(&str, bool); 2] = [("t", true), ("s", false)];

/// Every search file of the site, from its pages in site order.
pub fn files(pages: &[&PageRecords]) -> Result<Vec<Output>> {
    let mut out = Vec::new();
    for (lang, target) in LANGS {
        out.extend(language_files(pages, lang, target)?);
    }
    Ok(out)
}

/// The search files of one language.
fn language_files(pages: &[&PageRecords], lang: &str, target: bool) -> Result<Vec<Output>> {
    let text = |seg: &(String, String, String)| -> String {
        if target {
            seg.1.clone()
        } else {
            seg.2.clone()
        }
    };
    let mut index: BTreeMap<String, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut number: u32 = 0;
    for (p, page) in pages.iter().enumerate() {
        page_starts.push(number);
        for term in terms(&page.title) {
            push_once(&mut index.entry(term).or_default().1, p as u32);
        }
        for seg in &page.segments {
            for term in terms(&text(seg)) {
                push_once(&mut index.entry(term).or_default().0, number);
            }
            number += 1;
        }
    }
    let mut files = Vec::new();
    let term_firsts = term_shards(&index, lang, &mut files)?;
    let text_firsts = text_shards(pages, lang, &text, &mut files)?;
    let manifest = Manifest {
        terms: term_firsts,
        texts: text_firsts,
        pages: deltas(&page_starts),
        segments: number,
    };
    files.push(script(&format!("{lang}.js"), "m", lang, None, &manifest)?);
    Ok(files)
}

/// Adds `n` to a sorted list unless it is already its last entry.
fn push_once(list: &mut Vec<u32>, n: u32) {
    if list.last() != Some(&n) {
        list.push(n);
    }
}

/// The manifest of one language.
#[derive(Serialize)]
struct Manifest {
    /// First term of each term shard.
    terms: Vec<String>,
    /// First segment number of each text shard.
    texts: Vec<u32>,
    /// First segment number of each page, delta-encoded.
    pages: Vec<u32>,
    /// How many segments the language has.
    segments: u32,
}

/// Writes the term shards; returns the first term of each.
fn term_shards(
    index: &BTreeMap<String, (Vec<u32>, Vec<u32>)>,
    lang: &str,
    files: &mut Vec<Output>,
) -> Result<Vec<String>> {
    let mut firsts = Vec::new();
    let mut shard: BTreeMap<&str, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    let mut size = 0;
    let flush = |shard: &mut BTreeMap<&str, (Vec<u32>, Vec<u32>)>,
                 files: &mut Vec<Output>,
                 n: usize|
     -> Result<()> {
        let name = format!("{lang}-t{n}.js");
        files.push(script(&name, "t", lang, Some(n), &*shard)?);
        shard.clear();
        Ok(())
    };
    for (term, (segs, titles)) in index {
        if shard.is_empty() {
            firsts.push(term.clone());
        }
        size += term.len() + 4 * (segs.len() + titles.len()) + 8;
        shard.insert(term, (deltas(segs), deltas(titles)));
        if size >= TERM_SHARD_BYTES {
            flush(&mut shard, files, firsts.len() - 1)?;
            size = 0;
        }
    }
    if !shard.is_empty() {
        flush(&mut shard, files, firsts.len() - 1)?;
    }
    Ok(firsts)
}

/// One text shard: the pages its segments belong to, and the segments.
#[derive(Serialize, Default)]
struct TextShard {
    /// (page number, url, title) of each page with a segment here.
    p: Vec<(u32, String, String)>,
    /// (index into `p`, anchor, text) of each segment.
    s: Vec<(u32, String, String)>,
}

/// Writes the text shards; returns the first segment number of each.
fn text_shards(
    pages: &[&PageRecords],
    lang: &str,
    text: &dyn Fn(&(String, String, String)) -> String,
    files: &mut Vec<Output>,
) -> Result<Vec<u32>> {
    let mut firsts = Vec::new();
    let mut shard = TextShard::default();
    let mut size = 0;
    let mut number: u32 = 0;
    for (p, page) in pages.iter().enumerate() {
        for seg in &page.segments {
            if shard.s.is_empty() {
                firsts.push(number);
            }
            if shard.p.last().map(|e| e.0) != Some(p as u32) {
                shard
                    .p
                    .push((p as u32, page.url.clone(), page.title.clone()));
                size += page.url.len() + page.title.len();
            }
            let body = text(seg);
            size += body.len() + seg.0.len() + 8;
            shard
                .s
                .push(((shard.p.len() - 1) as u32, seg.0.clone(), body));
            number += 1;
            if size >= TEXT_SHARD_BYTES {
                let name = format!("{lang}-d{}.js", firsts.len() - 1);
                files.push(script(&name, "d", lang, Some(firsts.len() - 1), &shard)?);
                shard = TextShard::default();
                size = 0;
            }
        }
    }
    if !shard.s.is_empty() {
        let name = format!("{lang}-d{}.js", firsts.len() - 1);
        files.push(script(&name, "d", lang, Some(firsts.len() - 1), &shard)?);
    }
    Ok(firsts)
}

/// A search file: a call of `sxsSearch(kind, lang, number, data)`, which
/// the page's script defines before it loads one.
fn script(
    name: &str,
    kind: &str,
    lang: &str,
    number: Option<usize>,
    data: &impl Serialize,
) -> Result<Output> {
    let json = serde_json::to_string(data).map_err(|e| Error::new(e.to_string()))?;
    let n = number.map_or("0".to_owned(), |n| n.to_string());
    let body = format!("sxsSearch(\"{kind}\",\"{lang}\",{n},{json});\n");
    Ok((format!("static/search/{name}"), body.into_bytes()))
}

/// Sorted numbers as differences from the previous one (smaller files).
fn deltas(sorted: &[u32]) -> Vec<u32> {
    let mut last = 0;
    sorted
        .iter()
        .map(|&n| {
            let d = n - last;
            last = n;
            d
        })
        .collect()
}

/// Normalizes text for search: decomposed, combining accents dropped,
/// lowercase (so `ação` matches `acao`). The script does the same.
pub fn normalize(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Ideographs, kana and hangul: scripts written without spaces, indexed
/// by pairs of characters so any substring of two or more is found.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{20000}'..='\u{2ffff}')
}

/// The terms of a text: its words of two or more letters or digits, and
/// for runs of CJK characters every pair of neighbours (a lone one alone).
pub fn terms(text: &str) -> Vec<String> {
    let norm = normalize(text);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    for c in norm.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            cjk.push(c);
        } else {
            flush_cjk(&mut cjk, &mut out);
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush_word(&mut word, &mut out);
            }
        }
    }
    out
}

fn flush_word(word: &mut String, out: &mut Vec<String>) {
    if word.chars().nth(1).is_some() {
        out.push(std::mem::take(word));
    }
    word.clear();
}

fn flush_cjk(run: &mut Vec<char>, out: &mut Vec<String>) {
    match run.len() {
        0 => {}
        1 => out.push(run[0].to_string()),
        _ => out.extend(run.windows(2).map(|w| w.iter().collect::<String>())),
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lose_accents_and_case() {
        assert_eq!(terms("Ação: o Parceiro, 2 x"), ["acao", "parceiro"]);
    }

    #[test]
    fn cjk_runs_are_indexed_by_pairs() {
        assert_eq!(terms("合作伙伴 Center"), ["合作", "作伙", "伙伴", "center"]);
        assert_eq!(terms("在 a"), ["在"]);
    }

    fn page(url: &str, title: &str, texts: &[&str]) -> PageRecords {
        PageRecords {
            url: url.to_owned(),
            title: title.to_owned(),
            segments: texts
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("a-{i}"), (*t).to_owned(), format!("src {t}")))
                .collect(),
        }
    }

    #[test]
    fn postings_number_segments_across_pages_and_titles_by_page() {
        let a = page("a.html", "Billing", &["pay the bill", "other"]);
        let b = page("b.html", "Other", &["the bill again"]);
        let out = files(&[&a, &b]).unwrap();
        let shard = out
            .iter()
            .find(|(p, _)| p == "static/search/t-t0.js")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        // "bill" in segments 0 and 2 (deltas 0, 2); "billing" in page 0's title.
        assert!(shard.contains("\"bill\":[[0,2],[]]"), "{shard}");
        assert!(shard.contains("\"billing\":[[],[0]]"), "{shard}");
        assert!(shard.contains("\"other\":[[1],[1]]"), "{shard}");
        let texts = out
            .iter()
            .find(|(p, _)| p == "static/search/s-d0.js")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        assert!(texts.contains("[1,\"b.html\",\"Other\"]"), "{texts}");
        assert!(
            texts.contains("[1,\"a-0\",\"src the bill again\"]"),
            "{texts}"
        );
        let manifest = out
            .iter()
            .find(|(p, _)| p == "static/search/t.js")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        assert!(
            manifest.contains("\"pages\":[0,2],\"segments\":3"),
            "{manifest}"
        );
    }
}
