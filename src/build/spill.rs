//! The pages' search records, kept in a temporary file between rendering
//! and the search index instead of in memory: at 50,000 pages they are
//! hundreds of megabytes of text, read once, in site order, to write the
//! index (and again for each rebuild of `sxs serve`).

use super::search::PageRecords;
use crate::diagnostic::{Error, Result};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// Where one page's records are in the [`Spill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored {
    offset: u64,
    len: usize,
}

impl Stored {
    /// The size of the records as stored.
    pub(crate) fn len(self) -> usize {
        self.len
    }
}

/// An append-only temporary file of encoded [`PageRecords`], shared by the
/// rendering threads. The file is deleted when the spill is dropped (or by
/// the system, should sxs be killed).
#[derive(Debug)]
pub(crate) struct Spill {
    file: Mutex<File>,
}

impl Spill {
    pub(crate) fn new() -> Result<Spill> {
        let file = tempfile::tempfile()
            .map_err(|e| Error::new(format!("a temporary file for the search index: {e}")))?;
        Ok(Spill {
            file: Mutex::new(file),
        })
    }

    /// Appends `records`; returns where they are.
    pub(crate) fn put(&self, records: &PageRecords) -> Result<Stored> {
        let bytes = encode(records);
        let mut file = self.lock();
        let offset = file.seek(SeekFrom::End(0)).map_err(io_error)?;
        file.write_all(&bytes).map_err(io_error)?;
        Ok(Stored {
            offset,
            len: bytes.len(),
        })
    }

    /// The records stored at `at`.
    pub(crate) fn get(&self, at: Stored) -> Result<PageRecords> {
        let mut bytes = vec![0; at.len];
        {
            let mut file = self.lock();
            file.seek(SeekFrom::Start(at.offset)).map_err(io_error)?;
            file.read_exact(&mut bytes).map_err(io_error)?;
        }
        decode(&bytes).ok_or_else(|| Error::new("the search index's temporary file is damaged"))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, File> {
        // A thread that panicked holding the lock left at most a partial
        // append past every record stored, which no `Stored` points into.
        self.file.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn io_error(e: std::io::Error) -> Error {
    Error::new(format!("the search index's temporary file: {e}"))
}

/// Records as length-prefixed strings: url, title, the number of segments,
/// then each segment's anchor, target and source.
fn encode(records: &PageRecords) -> Vec<u8> {
    let text: usize = records
        .segments
        .iter()
        .map(|(a, t, s)| a.len() + t.len() + s.len() + 24)
        .sum();
    let mut out = Vec::with_capacity(text + records.url.len() + records.title.len() + 24);
    put_str(&mut out, &records.url);
    put_str(&mut out, &records.title);
    out.extend_from_slice(&(records.segments.len() as u64).to_le_bytes());
    for (anchor, target, source) in &records.segments {
        for text in [anchor, target, source] {
            put_str(&mut out, text);
        }
    }
    out
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

/// What [`encode`] wrote, or `None` if `bytes` are not that.
fn decode(bytes: &[u8]) -> Option<PageRecords> {
    let mut reader = Reader { bytes };
    let url = reader.string()?;
    let title = reader.string()?;
    let count = reader.number()?;
    let mut segments = Vec::new();
    for _ in 0..count {
        segments.push((reader.string()?, reader.string()?, reader.string()?));
    }
    reader.bytes.is_empty().then_some(PageRecords {
        url,
        title,
        segments,
    })
}

/// Reads [`encode`]'s numbers and strings off the front of its bytes.
struct Reader<'b> {
    bytes: &'b [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    fn number(&mut self) -> Option<usize> {
        let raw: [u8; 8] = self.take(8)?.try_into().ok()?;
        usize::try_from(u64::from_le_bytes(raw)).ok()
    }

    fn string(&mut self) -> Option<String> {
        let len = self.number()?;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(title: &str, n: usize) -> PageRecords {
        PageRecords {
            url: format!("{title}.html"),
            title: title.to_owned(),
            segments: (0..n)
                .map(|i| {
                    (
                        format!("a-{i}"),
                        format!("alvo {i} ação"),
                        format!("source {i}"),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn records_come_back_as_stored_in_any_order() {
        let spill = Spill::new().unwrap();
        let (a, b, empty) = (records("a", 3), records("b", 1), PageRecords::default());
        let at_a = spill.put(&a).unwrap();
        let at_empty = spill.put(&empty).unwrap();
        let at_b = spill.put(&b).unwrap();
        assert_eq!(spill.get(at_b).unwrap(), b);
        assert_eq!(spill.get(at_a).unwrap(), a);
        assert_eq!(spill.get(at_empty).unwrap(), empty);
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = encode(&records("a", 2));
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        assert_eq!(decode(&bytes), Some(records("a", 2)));
    }
}
