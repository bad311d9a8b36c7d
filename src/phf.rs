//! Minimal perfect hashing for the code tables.
//!
//! `build.rs` builds one [`Phf`] per key set (a vendor's spellings, a vendor's numbers) with
//! the hash-and-displace method, and the library reads them. This file is compiled into both,
//! so the two can never disagree about [`hash`]. It uses nothing but `core`.
//!
//! A lookup hashes the key once, reads one displacement and one slot, and so names the only
//! entry the key can be; the caller then compares the key with that entry (a miss costs the
//! same as a hit). The hash reads at most three 8-byte words of the key whatever its length,
//! as gperf's hash reads a few chosen characters: `build.rs` checks that those words (with the
//! length) tell every key of a set apart, and fails the build if they do not.

/// A slot that holds no key.
pub(crate) const EMPTY: u8 = u8::MAX;

/// The largest number of keys one [`Phf`] can index (slots hold a `u8` index; [`EMPTY`] is reserved).
#[allow(dead_code)] // used by build.rs
pub(crate) const MAX_KEYS: usize = EMPTY as usize;

/// One perfect hash function over a fixed key set.
#[derive(Clone, Copy, Debug)]
pub struct Phf<'a> {
    /// The seed `build.rs` found for this key set.
    pub seed: u64,
    /// One displacement per bucket (zero buckets for an empty set).
    pub disp: &'a [u8],
    /// Key index per slot, or [`EMPTY`]; any length (zero for an empty set).
    pub slots: &'a [u8],
}

impl Phf<'_> {
    /// The index of the only key that `key` can be, or `None` when it can be none.
    /// The caller must still compare `key` with the key at that index.
    #[inline]
    pub fn candidate(&self, key: &[u8]) -> Option<usize> {
        let h = hash(key, self.seed);
        let d = *self.disp.get(bucket(h, self.disp.len()))?;
        let index = *self.slots.get(slot(h, d, self.slots.len()))?;
        if index == EMPTY { None } else { Some(usize::from(index)) }
    }
}

/// The bucket of hash `h` among `buckets`: the top bits of the hash's upper half.
#[inline]
pub fn bucket(h: u64, buckets: usize) -> usize {
    range((h >> 32) as u32, buckets)
}

/// The slot of hash `h` under displacement `d` among `slots`. The hash's lower half is where
/// the walk starts, its upper half (rotated, so that its top bits are not the bucket's) is
/// the step, and the displacement is the number of steps.
#[inline]
pub fn slot(h: u64, d: u8, slots: usize) -> usize {
    let start = h as u32;
    let step = ((h >> 32) as u32).rotate_left(16) | 1;
    range(start.wrapping_add(u32::from(d).wrapping_mul(step)), slots)
}

/// Maps `x` onto `0..n` by multiply and shift (Lemire): tables need not round up to a power
/// of two, and no division is needed.
#[inline]
fn range(x: u32, n: usize) -> usize {
    (u64::from(x).wrapping_mul(n as u64) >> 32) as usize
}

/// The 64-bit hash of `key` under `seed`: the length and at most three little-endian words
/// (the first, the last and the middle eight bytes; shorter keys are read whole).
#[inline]
pub fn hash(key: &[u8], seed: u64) -> u64 {
    let (a, b, c) = sample(key);
    let h = fold(a ^ seed ^ 0x243F_6A88_85A3_08D3, b ^ 0x1319_8A2E_0370_7344);
    fold(h ^ c ^ 0xA409_3822_299F_31D0, (key.len() as u64) ^ 0x082E_FA98_EC4E_6C89)
}

/// The words [`hash`] reads from `key`. Two keys with the same length and the same sample
/// hash alike under every seed, which is why `build.rs` checks that samples differ.
#[inline]
pub fn sample(key: &[u8]) -> (u64, u64, u64) {
    let n = key.len();
    if n >= 8 {
        let mid = (n / 2).saturating_sub(4);
        (word(key, 0), word(key, n.saturating_sub(8)), word(key, mid))
    } else if n >= 4 {
        (half(key, 0), half(key, n.saturating_sub(4)), 0)
    } else {
        let v = key.iter().rev().fold(0u64, |v, byte| v.wrapping_shl(8) | u64::from(*byte));
        (v, 0, 0)
    }
}

/// Multiplies as 128 bits and folds the halves together (the mixing step of wyhash and foldhash).
#[inline]
fn fold(x: u64, y: u64) -> u64 {
    let product = u128::from(x).wrapping_mul(u128::from(y));
    (product as u64) ^ ((product >> 64) as u64)
}

/// Eight bytes of `key` from `at`, little-endian; 0 if they are not all there (callers
/// only ask for words inside the key).
#[inline]
pub fn word(key: &[u8], at: usize) -> u64 {
    key.get(at..).and_then(|rest| rest.first_chunk::<8>()).map_or(0, |bytes| u64::from_le_bytes(*bytes))
}

/// Four bytes of `key` from `at`, little-endian; 0 if they are not all there.
#[inline]
fn half(key: &[u8], at: usize) -> u64 {
    key.get(at..).and_then(|rest| rest.first_chunk::<4>()).map_or(0, |bytes| u64::from(u32::from_le_bytes(*bytes)))
}
