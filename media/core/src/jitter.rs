//! Putting carrier media frames back in order before they are decoded.
//!
//! Telnyx's media websocket can deliver frames out of order (each carries a sequence number);
//! Twilio and Vonage do not, but the same buffer costs nothing there. The buffer is sans-IO
//! and counts frames, not time: frames arrive every 20 ms, so a depth of `N` frames bounds the
//! extra delay a gap can add to `N × 20 ms` (the buffer only waits while it holds fewer than
//! `N` frames), and in-order traffic passes straight through with no delay at all. Counting
//! frames instead of reading a clock keeps it deterministic and testable, and means a stalled
//! websocket (no frames at all) never causes a skip on its own.
//!
//! Sequence numbers are `u64`: callers holding 16-bit RTP sequence numbers extend them first.

use std::collections::VecDeque;

/// Outcome of offering a frame to the buffer; exists so the caller can count duplicates and
/// late frames (a carrier-health signal) instead of silently dropping them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Push {
    /// Held until its turn.
    Accepted,
    /// A frame with this sequence number is already held; the new copy was dropped.
    Duplicate,
    /// Its turn has passed (released, or skipped as lost); dropped.
    Late,
}

/// A frame released in order, with how many frames immediately before it never arrived, so
/// the caller can insert that many frames of silence or packet-loss concealment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released<T> {
    /// The frame's sequence number.
    pub seq: u64,
    /// The frame.
    pub item: T,
    /// Frames missing between the previous release and this one. It can be large after a
    /// carrier-side sequence jump; callers should cap the concealment they insert.
    pub lost: u64,
}

/// A reorder buffer holding at most `depth` frames while it waits for a missing one.
#[derive(Debug, Clone)]
pub struct ReorderBuffer<T> {
    depth: usize,
    /// Sequence number of the next frame to release; unknown until the first release.
    next: Option<u64>,
    /// Held frames, ascending by sequence number.
    held: VecDeque<(u64, T)>,
}

impl<T> ReorderBuffer<T> {
    /// A buffer that learns the first sequence number from the stream: it waits until it
    /// holds `depth` frames (or is flushed) before its first release, so frames reordered at
    /// the very start are not lost. `depth` is at least 1 (1 means: never wait, drop late
    /// frames).
    #[must_use]
    pub fn new(depth: usize) -> Self {
        let depth = depth.max(1);
        Self { depth, next: None, held: VecDeque::with_capacity(depth + 1) }
    }

    /// A buffer that knows the first sequence number (carriers that start at a fixed
    /// number), so the first frame is released as soon as it arrives.
    #[must_use]
    pub fn starting_at(depth: usize, first: u64) -> Self {
        let mut buffer = Self::new(depth);
        buffer.next = Some(first);
        buffer
    }

    /// The configured depth, for logging and metrics.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Frames currently held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.held.len()
    }

    /// Whether nothing is held.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Offers a frame. Call [`pop`](Self::pop) until it returns `None` after every push;
    /// the buffer only exceeds `depth` frames if the caller skips that.
    pub fn push(&mut self, seq: u64, item: T) -> Push {
        if self.next.is_some_and(|next| seq < next) {
            return Push::Late;
        }
        match self.held.binary_search_by_key(&seq, |(s, _)| *s) {
            Ok(_) => Push::Duplicate,
            Err(at) => {
                self.held.insert(at, (seq, item));
                Push::Accepted
            }
        }
    }

    /// Releases the next frame if it is here, or skips the gap before the oldest held frame
    /// once `depth` frames are waiting behind it; otherwise `None` (keep waiting).
    pub fn pop(&mut self) -> Option<Released<T>> {
        let &(first, _) = self.held.front()?;
        let ready = match self.next {
            Some(next) => first == next || self.held.len() >= self.depth,
            None => self.held.len() >= self.depth,
        };
        if ready { self.release_front() } else { None }
    }

    /// Releases everything held, in order, with gaps reported as lost; for the end of a
    /// stream. The buffer keeps its position, so later pushes behind it are `Late`.
    pub fn flush(&mut self) -> impl Iterator<Item = Released<T>> + '_ {
        std::iter::from_fn(move || self.release_front())
    }

    fn release_front(&mut self) -> Option<Released<T>> {
        let (seq, item) = self.held.pop_front()?;
        let lost = self.next.map_or(0, |next| seq - next);
        self.next = Some(seq + 1);
        Some(Released { seq, item, lost })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn drain<T>(buffer: &mut ReorderBuffer<T>, out: &mut Vec<Released<T>>) {
        while let Some(r) = buffer.pop() {
            out.push(r);
        }
    }

    #[test]
    fn in_order_frames_pass_straight_through() {
        let mut b = ReorderBuffer::starting_at(4, 1);
        for seq in 1..=10 {
            assert_eq!(b.push(seq, seq * 10), Push::Accepted);
            assert_eq!(b.pop(), Some(Released { seq, item: seq * 10, lost: 0 }));
            assert!(b.is_empty());
        }
    }

    #[test]
    fn a_swapped_pair_is_put_back_in_order() {
        let mut b = ReorderBuffer::starting_at(3, 1);
        assert_eq!(b.push(2, 'b'), Push::Accepted);
        assert_eq!(b.pop(), None);
        assert_eq!(b.push(1, 'a'), Push::Accepted);
        assert_eq!(b.pop().map(|r| r.item), Some('a'));
        assert_eq!(b.pop().map(|r| r.item), Some('b'));
        assert_eq!(b.pop(), None);
    }

    #[test]
    fn a_gap_is_skipped_once_depth_frames_wait_behind_it() {
        let mut b = ReorderBuffer::starting_at(3, 1);
        b.push(1, ());
        assert_eq!(b.pop().map(|r| r.lost), Some(0));
        // 2 and 3 never come.
        b.push(4, ());
        b.push(5, ());
        assert_eq!(b.pop(), None, "only two frames wait");
        b.push(6, ());
        let released = b.pop().expect("depth reached");
        assert_eq!((released.seq, released.lost), (4, 2));
        assert_eq!(b.pop().map(|r| (r.seq, r.lost)), Some((5, 0)));
        assert_eq!(b.pop().map(|r| (r.seq, r.lost)), Some((6, 0)));
        // The skipped frames are late if they turn up now.
        assert_eq!(b.push(2, ()), Push::Late);
    }

    #[test]
    fn duplicates_and_late_frames_are_refused() {
        let mut b = ReorderBuffer::starting_at(4, 10);
        assert_eq!(b.push(12, "x"), Push::Accepted);
        assert_eq!(b.push(12, "y"), Push::Duplicate);
        assert_eq!(b.push(9, "old"), Push::Late);
        b.push(10, "a");
        b.push(11, "b");
        let mut out = Vec::new();
        drain(&mut b, &mut out);
        assert_eq!(out.iter().map(|r| r.item).collect::<Vec<_>>(), ["a", "b", "x"]);
        assert_eq!(b.push(11, "again"), Push::Late);
    }

    #[test]
    fn an_unknown_start_waits_for_depth_frames_so_early_reordering_survives() {
        let mut b = ReorderBuffer::new(3);
        b.push(7, ());
        assert_eq!(b.pop(), None);
        b.push(6, ());
        assert_eq!(b.pop(), None);
        b.push(5, ());
        let mut out = Vec::new();
        drain(&mut b, &mut out);
        assert_eq!(out.iter().map(|r| (r.seq, r.lost)).collect::<Vec<_>>(), [(5, 0), (6, 0), (7, 0)]);
    }

    #[test]
    fn flush_drains_in_order_and_reports_gaps() {
        let mut b = ReorderBuffer::starting_at(8, 1);
        for seq in [5, 2, 3] {
            b.push(seq, seq);
        }
        b.push(1, 1);
        let mut out = Vec::new();
        drain(&mut b, &mut out);
        assert_eq!(out.len(), 3, "1, 2, 3 were ready; 5 waits for 4");
        let rest: Vec<_> = b.flush().map(|r| (r.seq, r.lost)).collect();
        assert_eq!(rest, [(5, 1)]);
        assert!(b.is_empty());
        assert_eq!(b.push(4, 4), Push::Late);
    }

    #[test]
    fn depth_zero_means_no_waiting() {
        let mut b = ReorderBuffer::new(0);
        assert_eq!(b.depth(), 1);
        b.push(3, ());
        assert_eq!(b.pop().map(|r| r.seq), Some(3));
        assert_eq!(b.push(2, ()), Push::Late);
    }

    /// Arrival orders in which every frame is displaced by less than `depth` positions:
    /// frame `i` gets key `i + r` with `r < depth`, and frames arrive sorted by key.
    fn bounded_shuffle() -> impl Strategy<Value = (usize, Vec<u64>, Vec<(usize, usize)>)> {
        (1usize..8, 1usize..120).prop_flat_map(|(depth, n)| {
            (Just(depth), proptest::collection::vec(0..depth, n), proptest::collection::vec((0..n, 0..n), 0..20))
                .prop_map(|(depth, offsets, dups)| {
                    let mut order: Vec<(usize, u64)> =
                        offsets.iter().enumerate().map(|(i, r)| (i + r, i as u64)).collect();
                    order.sort();
                    (depth, order.into_iter().map(|(_, seq)| seq).collect(), dups)
                })
        })
    }

    proptest! {
        #[test]
        fn bounded_reordering_is_undone_without_loss((depth, arrivals, dups) in bounded_shuffle()) {
            let mut b = ReorderBuffer::new(depth);
            let mut out = Vec::new();
            for (i, &seq) in arrivals.iter().enumerate() {
                prop_assert_eq!(b.push(seq, seq), Push::Accepted);
                drain(&mut b, &mut out);
                // Re-send some frame already pushed: never accepted twice.
                for &(at, which) in dups.iter().filter(|(at, _)| *at == i) {
                    let again = arrivals[which.min(at)];
                    prop_assert_ne!(b.push(again, again), Push::Accepted);
                    drain(&mut b, &mut out);
                }
            }
            out.extend(b.flush());
            let seqs: Vec<u64> = out.iter().map(|r| r.seq).collect();
            prop_assert_eq!(seqs, (0..arrivals.len() as u64).collect::<Vec<_>>());
            prop_assert!(out.iter().all(|r| r.lost == 0 && r.item == r.seq));
        }

        #[test]
        fn any_arrival_order_releases_each_frame_at_most_once_in_order(
            depth in 1usize..6,
            arrivals in proptest::collection::vec(0u64..60, 0..150),
        ) {
            let mut b = ReorderBuffer::new(depth);
            let mut out = Vec::new();
            for &seq in &arrivals {
                b.push(seq, ());
                drain(&mut b, &mut out);
                prop_assert!(b.len() < depth.max(1) + 1);
            }
            out.extend(b.flush());
            for pair in out.windows(2) {
                prop_assert!(pair[0].seq < pair[1].seq);
                // Every sequence number in between is accounted for as lost.
                prop_assert_eq!(pair[1].lost, pair[1].seq - pair[0].seq - 1);
            }
        }
    }
}
