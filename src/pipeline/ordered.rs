//! A parallel map that hands its results over in order, as they are ready.
//!
//! The per-page stages run on every core, and what stays of each page is
//! taken in file order on the calling thread (consistency's first-seen
//! translation, the lists, the search index all follow site order). Pages
//! were read in rounds of 256 with a barrier after each: at the end of every
//! round one core waited for the round's slowest page while the other took
//! the round's results. Here each worker takes the next page as soon as it
//! is free, and the caller takes each result once it and all before it are
//! done, while the workers go on.
//!
//! Memory stays bounded: no worker starts an item more than `window` items
//! after the oldest one not taken yet, so at most `window` results wait.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

/// Runs `work` on each of `items` on the thread pool's number of threads,
/// and gives the results to `take` on this thread, in the items' order.
/// No item is started more than `window` items ahead of the oldest result
/// not yet taken.
pub(crate) fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    window: usize,
    work: impl Fn(&I) -> T + Sync,
    mut take: impl FnMut(T),
) {
    let window = window.max(1);
    let threads = rayon::current_num_threads().clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    // The index of the oldest result not taken yet; workers wait on it.
    let taken = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (next, taken, advanced, work) = (&next, &taken, &advanced, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else {
                    break;
                };
                let mut oldest = taken.lock().unwrap_or_else(PoisonError::into_inner);
                while i >= *oldest + window {
                    oldest = advanced
                        .wait(oldest)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                drop(oldest);
                // The receiver is gone only when this thread's results
                // would not be taken anyway.
                if send.send((i, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut ready: BTreeMap<usize, T> = BTreeMap::new();
        let mut oldest = 0;
        for (i, result) in receive {
            ready.insert(i, result);
            while let Some(result) = ready.remove(&oldest) {
                take(result);
                oldest += 1;
                *taken.lock().unwrap_or_else(PoisonError::into_inner) = oldest;
                advanced.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_order_whatever_the_order_they_finish_in() {
        let items: Vec<u64> = (0..200).collect();
        let mut got = Vec::new();
        map_in_order(
            &items,
            8,
            |&i| {
                // Every seventh item is slow: later ones finish first.
                if i % 7 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                i * 10
            },
            |r| got.push(r),
        );
        assert_eq!(got, items.iter().map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn no_item_starts_more_than_the_window_ahead() {
        let items: Vec<usize> = (0..100).collect();
        let taken = AtomicUsize::new(0);
        let most_ahead = AtomicUsize::new(0);
        map_in_order(
            &items,
            4,
            |&i| {
                let ahead = i - taken.load(Ordering::SeqCst);
                most_ahead.fetch_max(ahead, Ordering::SeqCst);
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(20));
                }
                i
            },
            |_| {
                taken.fetch_add(1, Ordering::SeqCst);
            },
        );
        assert!(most_ahead.load(Ordering::SeqCst) < 4);
        assert_eq!(taken.load(Ordering::SeqCst), 100);
    }

    #[test]
    fn no_items_no_results() {
        let mut got: Vec<u8> = Vec::new();
        map_in_order(&[] as &[u8], 4, |&i| i, |r| got.push(r));
        assert!(got.is_empty());
    }
}
