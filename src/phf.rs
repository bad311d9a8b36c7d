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
//! length) tell every key of a set apart, and fails the build if they do not. A slot of a
//! spelling table carries the spelling's place and length in the string pool, so that the
//! comparison needs no further lookup.

/// The index of an empty slot.
pub(crate) const EMPTY: u8 = u8::MAX;

/// The largest number of keys one [`Phf`] can index (slots hold a `u8` index; [`EMPTY`] is reserved).
#[allow(dead_code)] // used by build.rs
pub(crate) const MAX_KEYS: usize = EMPTY as usize;

/// One perfect hash function over a fixed key set.
#[derive(Clone, Copy, Debug)]
pub struct Phf<'a, S> {
    /// The seed `build.rs` found for this key set.
    pub seed: u64,
    /// One displacement per bucket (zero buckets for an empty set).
    pub disp: &'a [u8],
    /// The slots; a key's slot holds its index (or [`EMPTY`]). Any length (zero for an empty set).
    pub slots: &'a [S],
}

/// A slot of a spelling table: where the spelling is in the string pool, its length, and the
/// key's index ([`EMPTY`] for an empty slot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(pub u16, pub u8, pub u8);

impl<S: Copy> Phf<'_, S> {
    /// The only slot that `key` can be in (it may be empty, or hold another key: the caller
    /// compares), or `None` for an empty key set.
    #[inline]
    pub fn slot(&self, key: &[u8]) -> Option<S> {
        let h = hash(key, self.seed);
        let d = *self.disp.get(bucket(h, self.disp.len()))?;
        self.slots.get(slot(h, d, self.slots.len())).copied()
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

/// The 64-bit hash of `key` under `seed`: one 128-bit multiply of the two words of
/// [`sample`], its halves folded together (the mixing step of wyhash and foldhash).
#[inline]
pub fn hash(key: &[u8], seed: u64) -> u64 {
    let (x, y) = sample(key);
    let product = u128::from(x ^ seed ^ 0x243F_6A88_85A3_08D3).wrapping_mul(u128::from(y ^ 0x1319_8A2E_0370_7344));
    (product as u64) ^ ((product >> 64) as u64)
}

/// The two words [`hash`] mixes: the key's first eight bytes, and its last and middle eight
/// bytes and its length folded into one (shorter keys are read whole). Two keys with the same
/// sample hash alike under every seed, which is why `build.rs` checks that samples differ.
#[inline]
pub fn sample(key: &[u8]) -> (u64, u64) {
    let n = key.len();
    let (first, last, middle) = match (key.first_chunk::<8>(), key.last_chunk::<8>()) {
        (Some(first), Some(last)) => {
            (u64::from_le_bytes(*first), u64::from_le_bytes(*last), word(key, (n / 2).saturating_sub(4)))
        }
        _ => match (key.first_chunk::<4>(), key.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                (u64::from(u32::from_le_bytes(*first)), u64::from(u32::from_le_bytes(*last)), 0)
            }
            _ => (key.iter().rev().fold(0u64, |v, byte| v.wrapping_shl(8) | u64::from(*byte)), 0, 0),
        },
    };
    (first, last ^ middle.rotate_left(29) ^ (n as u64).rotate_left(53))
}

/// Eight bytes of `key` from `at`, little-endian; 0 if they are not all there (callers
/// only ask for words inside the key).
#[inline]
fn word(key: &[u8], at: usize) -> u64 {
    key.get(at..).and_then(|rest| rest.first_chunk::<8>()).map_or(0, |bytes| u64::from_le_bytes(*bytes))
}
