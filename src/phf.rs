//! Minimal perfect hashing for the spelling tables.
//!
//! `build.rs` builds one [`Phf`] per vendor's key set with the hash-and-displace method, and
//! the library reads them. This file is compiled into both, so the two can never disagree
//! about [`hash`]. It uses nothing but `core`.
//!
//! A lookup hashes the key once, reads one displacement and one slot, and so names the only
//! entry the key can be; the caller then compares the key with that entry (a miss costs the
//! same as a hit). Tables are powers of two, so the bucket and the slot are masks of the hash,
//! the slot with the bucket's displacement xored in: after the hash's one multiply, the chain
//! to the entry is two loads and three cheap operations (gperf's is a few table loads and
//! adds). The hash reads at most 24 bytes of the key whatever its length, as gperf's hash reads
//! a few chosen characters: `build.rs` checks that those bytes (with the length)
//! tell every key of a set apart, and fails the build if they do not.

/// One perfect hash function over a fixed key set, with its slots. `MIDDLE`: whether the hash
/// reads the keys' middle bytes too (`build.rs` sets it only for key sets that need it).
#[derive(Clone, Copy, Debug)]
pub struct Phf<S: 'static, const MIDDLE: bool> {
    /// The seed `build.rs` found for this key set.
    pub seed: u32,
    /// One displacement per bucket; a power of two of them, with the slots' index bits 32 at most.
    pub disp: &'static [u16],
    /// The slots: each key's entry at its place, empty entries elsewhere; a power of two of
    /// them, at most 65,536.
    pub slots: &'static [S],
}

impl<S: Copy, const MIDDLE: bool> Phf<S, MIDDLE> {
    /// The only slot that `key` can be in (it may be empty, or hold another key: the caller
    /// compares), or `None` for an empty table.
    #[inline]
    pub fn slot(&self, key: &[u8]) -> Option<&'static S> {
        let h = hash::<MIDDLE>(key, self.seed);
        let d = *self.disp.get(bucket(h, self.disp.len(), self.slots.len()))?;
        self.slots.get(slot(h, d, self.slots.len()))
    }
}

/// The bucket of hash `h` among `buckets`, in a table of `slots` (both powers of two up to
/// 65,536): the hash's bits right below those of [`slot`].
#[inline]
pub fn bucket(h: u32, buckets: usize, slots: usize) -> usize {
    top(h, bits(slots).wrapping_add(bits(buckets))) & buckets.wrapping_sub(1)
}

/// The slot of hash `h` under displacement `d` among `slots` (a power of two up to 65,536):
/// the hash's top bits with `d` xored in. From the hash to the slot there is one load (the
/// displacement) and no multiply, so the chain of a lookup is short.
#[inline]
pub fn slot(h: u32, d: u16, slots: usize) -> usize {
    (top(h, bits(slots)) ^ usize::from(d)) & slots.wrapping_sub(1)
}

/// How many bits index a table of `n` entries (a power of two).
#[inline]
fn bits(n: usize) -> u32 {
    n.trailing_zeros()
}

/// The top `n` bits of `h` (up to 32). They are the best mixed: the hash is the top half of a
/// product, whose higher bits depend on more of the sample.
#[inline]
fn top(h: u32, n: u32) -> usize {
    (u64::from(h).wrapping_shl(n) >> 32) as usize
}

/// The 32-bit hash of `key` under `seed`: the top half of [`sample`] (with the seed) times an
/// odd constant, one multiply.
#[inline]
pub fn hash<const MIDDLE: bool>(key: &[u8], seed: u32) -> u32 {
    ((sample::<MIDDLE>(key) ^ u64::from(seed)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// The one word [`hash`] multiplies: the key's first and last eight bytes (and its middle
/// eight when `MIDDLE`), rotated apart and combined, with the length in the top bits (shorter
/// keys are read whole). Two keys with the same sample hash alike under every seed, which is
/// why `build.rs` checks that samples differ.
#[inline]
pub fn sample<const MIDDLE: bool>(key: &[u8]) -> u64 {
    let n = key.len();
    let len = (n as u64) << 56;
    match (key.first_chunk::<8>(), key.last_chunk::<8>()) {
        (Some(first), Some(last)) => {
            let mut x = u64::from_le_bytes(*first) ^ u64::from_le_bytes(*last).rotate_left(29) ^ len;
            // The eight bytes from the middle on, when the key has them (15 bytes or more;
            // shorter keys are read whole by their first and last eight). Taken as the end of
            // the key's first n/2 + 8 bytes: one bounds check, the one that decides.
            if MIDDLE {
                if let Some(middle) = key.get(..(n / 2).wrapping_add(8)).and_then(|m| m.last_chunk::<8>()) {
                    x ^= u64::from_le_bytes(*middle).rotate_left(47);
                }
            }
            x
        }
        // Four to seven bytes: the first and last four, whole.
        _ => match (key.first_chunk::<4>(), key.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 24 ^ len
            }
            _ => key.iter().fold(len, |v, byte| v.rotate_left(8) ^ u64::from(*byte)),
        },
    }
}
