//! The search index: per language, an inverted index cut into small script
//! files that the page's script loads on demand (scripts, not JSON, so
//! search works from `file://`).
//!
//! For each language (`t` target, `s` source) under `static/search/`:
//! - `<lang>.js`, the manifest: the first term of every term shard, the
//!   first segment number of every text shard and (in the target's only:
//!   both languages number the same segments) of every page, the page
//!   table's index, both delta-encoded — small, loaded on the first key;
//! - `<lang>-t<N>.js`, term shards: sorted terms with the segments that hold
//!   them and the pages whose title holds them (delta-encoded numbers);
//! - `<lang>-d<N>.js`, text shards: consecutive segments' anchors and texts,
//!   each with the pages they belong to (url, title) once; each anchor
//!   front-coded against the one before it in the shard (`8c791-108`,
//!   `8c791-109` → `[0,"8c791-108"]`, `[8,"9"]`).
//!
//! A query loads the manifest, the term shards its terms fall in and the
//! text shards of the results it shows. Terms are what [`Terms`] makes of a
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

/// Where the search files go, one at a time, as each is complete.
pub(crate) type Emit<'e> = dyn Fn(Output) -> Result<()> + Sync + 'e;

/// Writes every search file of the site through `emit`, from its pages in
/// site order. `pages` gives the pages afresh for each language: they are
/// read once per language, and the text shards are written as they fill
/// up. `together` indexes the two languages at once, each on a core, for
/// a docset whose index fits in memory twice over with room to spare;
/// otherwise one after the other, so that only one language's terms are in
/// memory.
pub fn write_files<I>(pages: impl Fn() -> I + Sync, emit: &Emit<'_>, together: bool) -> Result<()>
where
    I: Iterator<Item = Result<PageRecords>>,
{
    if together {
        let [(first, first_target), (second, second_target)] = LANGS;
        let (target, source) = rayon::join(
            || language_files(pages(), first, first_target, emit),
            || language_files(pages(), second, second_target, emit),
        );
        return target.and(source);
    }
    for (lang, target) in LANGS {
        language_files(pages(), lang, target, emit)?;
    }
    Ok(())
}

/// The search files of one language.
fn language_files(
    pages: impl Iterator<Item = Result<PageRecords>>,
    lang: &str,
    target: bool,
    emit: &Emit<'_>,
) -> Result<()> {
    let mut index = Index::default();
    let mut terms = Terms::default();
    let mut page_starts = Vec::new();
    let mut texts = TextShards::new(lang);
    for (p, page) in pages.enumerate() {
        let (page, p) = (page?, p as u32);
        page_starts.push(texts.number);
        terms.each(&page.title, |term| index.posting(term).1.push_once(p));
        for (anchor, target_text, source_text) in &page.segments {
            let text = if target { target_text } else { source_text };
            let number = texts.number;
            terms.each(text, |term| index.posting(term).0.push_once(number));
            texts.push(p, &page, anchor, text, emit)?;
        }
    }
    texts.flush(emit)?;
    let mut sorted: Vec<(&str, &(Postings, Postings))> =
        index.0.iter().map(|(t, p)| (&**t, p)).collect();
    sorted.sort_unstable_by_key(|(term, _)| *term);
    let manifest = Manifest {
        terms: term_shards(&sorted, lang, emit)?,
        // Both languages number the same segments: the page table is the
        // target's manifest's alone (stored once, as every query loads both).
        pages: target.then(|| deltas(&page_starts)),
        segments: texts.number,
        texts: deltas(&texts.firsts),
    };
    emit(script(&format!("{lang}.js"), "m", lang, None, &manifest)?)
}

/// Each term's postings: (segments, page titles). Hashed while the pages
/// are read (a term is looked up by its text, allocated only when new), and
/// sorted once for the shards.
#[derive(Default)]
struct Index(fnv::FnvHashMap<Box<str>, (Postings, Postings)>);

impl Index {
    fn posting(&mut self, term: &str) -> &mut (Postings, Postings) {
        if !self.0.contains_key(term) {
            self.0.insert(term.into(), Default::default());
        }
        // Inserted just above when it was missing.
        self.0.get_mut(term).unwrap_or_else(|| unreachable!())
    }
}

/// The numbers of the segments (or pages) that hold a term, ascending, as
/// the shards write them: each the difference from the one before, in as
/// few bytes as it needs (seven bits a byte). A 50,000-page docset has tens
/// of millions of postings: a byte or two each, not four.
#[derive(Debug, Default)]
struct Postings {
    last: Option<u32>,
    count: usize,
    deltas: Vec<u8>,
}

impl Postings {
    /// Adds `n` (no less than the last) unless it is already the last.
    fn push_once(&mut self, n: u32) {
        if self.last == Some(n) {
            return;
        }
        let mut delta = n - self.last.unwrap_or(0);
        self.last = Some(n);
        self.count += 1;
        while delta >= 0x80 {
            self.deltas.push((delta & 0x7f) as u8 | 0x80);
            delta >>= 7;
        }
        self.deltas.push(delta as u8);
    }

    /// The differences, as [`deltas`] gives them.
    fn deltas(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count);
        let (mut value, mut shift) = (0u32, 0);
        for byte in &self.deltas {
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                out.push(value);
                (value, shift) = (0, 0);
            } else {
                shift += 7;
            }
        }
        out
    }
}

/// The manifest of one language.
#[derive(Serialize)]
struct Manifest {
    /// First term of each term shard.
    terms: Vec<String>,
    /// First segment number of each text shard, delta-encoded (a few
    /// digits each, not six or seven: every query loads the manifest).
    texts: Vec<u32>,
    /// First segment number of each page, delta-encoded; in the target's
    /// manifest only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<Vec<u32>>,
    /// How many segments the language has.
    segments: u32,
}

/// Writes the term shards; returns the first term of each.
fn term_shards(
    index: &[(&str, &(Postings, Postings))],
    lang: &str,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let mut firsts = Vec::new();
    let mut shard: BTreeMap<&str, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    let mut size = 0;
    let flush = |shard: &mut BTreeMap<&str, (Vec<u32>, Vec<u32>)>, n: usize| -> Result<()> {
        let name = format!("{lang}-t{n}.js");
        emit(script(&name, "t", lang, Some(n), &*shard)?)?;
        shard.clear();
        Ok(())
    };
    for &(term, (segs, titles)) in index {
        if shard.is_empty() {
            firsts.push(term.to_owned());
        }
        size += term.len() + 4 * (segs.count + titles.count) + 8;
        shard.insert(term, (segs.deltas(), titles.deltas()));
        if size >= TERM_SHARD_BYTES {
            flush(&mut shard, firsts.len() - 1)?;
            size = 0;
        }
    }
    if !shard.is_empty() {
        flush(&mut shard, firsts.len() - 1)?;
    }
    Ok(firsts)
}

/// One text shard: the pages its segments belong to, and the segments.
#[derive(Serialize, Default)]
struct TextShard {
    /// (page number, url, title) of each page with a segment here.
    p: Vec<(u32, String, String)>,
    /// (index into `p`, bytes of the anchor shared with the previous one,
    /// the rest of the anchor, text) of each segment.
    s: Vec<(u32, usize, String, String)>,
    /// The previous segment's anchor.
    #[serde(skip)]
    last_anchor: String,
}

/// How many leading bytes `anchor` shares with `previous`, counting ASCII
/// only, so that the count is also the UTF-16 length the page's script
/// slices by.
fn shared_prefix(previous: &str, anchor: &str) -> usize {
    previous
        .bytes()
        .zip(anchor.bytes())
        .take_while(|(a, b)| a == b && a.is_ascii())
        .count()
}

/// The text shards of one language, written as each fills up.
struct TextShards<'l> {
    lang: &'l str,
    shard: TextShard,
    /// The bytes of texts in `shard`, about.
    size: usize,
    /// The number of the next segment.
    number: u32,
    /// The first segment number of each shard.
    firsts: Vec<u32>,
}

impl<'l> TextShards<'l> {
    fn new(lang: &'l str) -> TextShards<'l> {
        TextShards {
            lang,
            shard: TextShard::default(),
            size: 0,
            number: 0,
            firsts: Vec::new(),
        }
    }

    /// Adds the next segment (page number `p`, of `page`).
    fn push(
        &mut self,
        p: u32,
        page: &PageRecords,
        anchor: &str,
        body: &str,
        emit: &Emit<'_>,
    ) -> Result<()> {
        let shard = &mut self.shard;
        if shard.s.is_empty() {
            self.firsts.push(self.number);
        }
        if shard.p.last().map(|e| e.0) != Some(p) {
            shard.p.push((p, page.url.clone(), page.title.clone()));
            self.size += page.url.len() + page.title.len();
        }
        self.size += body.len() + anchor.len() + 8;
        let at = (shard.p.len() - 1) as u32;
        let shared = shared_prefix(&shard.last_anchor, anchor);
        shard
            .s
            .push((at, shared, anchor[shared..].to_owned(), body.to_owned()));
        shard.last_anchor.clear();
        shard.last_anchor.push_str(anchor);
        self.number += 1;
        if self.size >= TEXT_SHARD_BYTES {
            self.flush(emit)?;
        }
        Ok(())
    }

    /// Writes the shard being filled, if it has a segment.
    fn flush(&mut self, emit: &Emit<'_>) -> Result<()> {
        if self.shard.s.is_empty() {
            return Ok(());
        }
        let (lang, n) = (self.lang, self.firsts.len() - 1);
        emit(script(
            &format!("{lang}-d{n}.js"),
            "d",
            lang,
            Some(n),
            &self.shard,
        )?)?;
        self.shard = TextShard::default();
        self.size = 0;
        Ok(())
    }
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

/// Normalizes text for search into `out`: decomposed, combining accents
/// dropped, lowercase (so `ação` matches `acao`); the script does the
/// same. ASCII runs (most of any Latin-script text) have nothing to
/// decompose and are lowercased as they are; each run of other characters
/// is decomposed on its own, which is the decomposition of the whole text:
/// an ASCII character is a starter, and canonical ordering never moves a
/// mark across one.
fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(rest[..ascii].chars().map(|c| c.to_ascii_lowercase()));
        rest = &rest[ascii..];
        let other = rest
            .char_indices()
            .find(|(_, c)| c.is_ascii())
            .map_or(rest.len(), |(i, _)| i);
        fold_into(&rest[..other], out);
        rest = &rest[other..];
    }
}

/// [`normalize_into`] of a run of non-ASCII characters, appended. A lone
/// character (an accented letter between ASCII ones, most often) is
/// decomposed directly: its decomposition is in canonical order already.
fn fold_into(run: &str, out: &mut String) {
    let kept = |c: &char| !('\u{300}'..='\u{36f}').contains(c);
    let mut chars = run.chars();
    match (chars.next(), chars.next()) {
        (None, _) => {}
        (Some(c), None) => unicode_normalization::char::decompose_canonical(c, |d| {
            if kept(&d) {
                out.extend(d.to_lowercase());
            }
        }),
        _ => out.extend(run.nfd().filter(kept).flat_map(char::to_lowercase)),
    }
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

/// Cuts texts into terms: words of two or more letters or digits, and for
/// runs of CJK characters every pair of neighbours (a lone one alone). Its
/// buffers are kept from text to text: a docset has millions of terms, and
/// none is allocated to be looked up.
#[derive(Default)]
pub struct Terms {
    norm: String,
    term: String,
    cjk: Vec<char>,
}

impl Terms {
    /// Calls `found` with each term of `text`, in order.
    pub fn each(&mut self, text: &str, mut found: impl FnMut(&str)) {
        let Terms { norm, term, cjk } = self;
        normalize_into(text, norm);
        let mut letters = 0;
        for c in norm.chars().chain(std::iter::once(' ')) {
            if is_cjk(c) {
                flush_word(term, &mut letters, &mut found);
                cjk.push(c);
            } else {
                flush_cjk(cjk, term, &mut found);
                if c.is_alphanumeric() {
                    term.push(c);
                    letters += 1;
                } else {
                    flush_word(term, &mut letters, &mut found);
                }
            }
        }
    }
}

fn flush_word(word: &mut String, letters: &mut usize, found: &mut impl FnMut(&str)) {
    if *letters > 1 {
        found(word);
    }
    word.clear();
    *letters = 0;
}

fn flush_cjk(run: &mut Vec<char>, buf: &mut String, found: &mut impl FnMut(&str)) {
    if run.is_empty() {
        return;
    }
    if let [only] = run[..] {
        buf.clear();
        buf.push(only);
        found(buf);
    }
    for pair in run.windows(2) {
        buf.clear();
        buf.extend(pair);
        found(buf);
    }
    buf.clear();
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_run_by_run_as_the_whole_text_is() {
        let whole = |text: &str| -> String {
            text.nfd()
                .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                .flat_map(char::to_lowercase)
                .collect()
        };
        for text in [
            "Configurações de ação",
            // Decomposed input, and marks out of canonical order around
            // kept marks (Hebrew points, a dot below with an acute).
            "Ac\u{327}a\u{303}o",
            "a\u{301}\u{323}b q\u{5b8}\u{5b4}x",
            "ǅemal ΣΑΣ İstanbul",
            "服务器配置 ｻｰﾊﾞｰ 서버",
            "ﬁle Å Ω ẞ",
            "",
        ] {
            let mut out = String::new();
            normalize_into(text, &mut out);
            assert_eq!(out, whole(text), "{text:?}");
        }
    }

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Terms::default().each(text, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn words_lose_accents_and_case() {
        assert_eq!(terms("Ação: o Parceiro, 2 x"), ["acao", "parceiro"]);
    }

    #[test]
    fn postings_give_back_their_differences() {
        let numbers = [0, 1, 1, 127, 128, 300, 70_000, u32::MAX];
        let mut postings = Postings::default();
        for n in numbers {
            postings.push_once(n);
        }
        let mut once = numbers.to_vec();
        once.dedup();
        assert_eq!(postings.deltas(), deltas(&once));
        assert_eq!(postings.count, once.len());
    }

    #[test]
    fn anchors_share_ascii_prefixes_only() {
        assert_eq!(shared_prefix("8c791-108", "8c791-109"), 8);
        assert_eq!(shared_prefix("", "a-1"), 0);
        // "é" is two bytes in UTF-8 but one unit in the page's script.
        assert_eq!(shared_prefix("ab-é1", "ab-é2"), 3);
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
        let files = |together: bool| {
            let written = std::sync::Mutex::new(Vec::new());
            write_files(
                || [&a, &b].into_iter().cloned().map(Ok),
                &|file| {
                    written.lock().unwrap().push(file);
                    Ok(())
                },
                together,
            )
            .unwrap();
            let mut files = written.into_inner().unwrap();
            files.sort();
            files
        };
        let out = files(false);
        // The two languages indexed at once write the same files.
        assert_eq!(files(true), out);
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
        // Anchors front-coded: a-0, a-1 (shares "a-"), then b's a-0.
        assert!(
            texts.contains("[0,0,\"a-0\",\"src pay the bill\"]"),
            "{texts}"
        );
        assert!(texts.contains("[0,2,\"1\",\"src other\"]"), "{texts}");
        assert!(
            texts.contains("[1,2,\"0\",\"src the bill again\"]"),
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
        // The page table is stored once, in the target's manifest.
        let source = out
            .iter()
            .find(|(p, _)| p == "static/search/s.js")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        assert!(!source.contains("\"pages\""), "{source}");
        assert!(source.contains("\"segments\":3"), "{source}");
    }
}
