//! Builds a minimal perfect hash (hash and displace) over one key set; see `src/phf.rs`.

use std::collections::HashMap;

use crate::phf;

pub struct Built {
    /// Whether the hash reads the keys' middle bytes (only when their ends do not tell them apart).
    pub middle: bool,
    pub seed: u32,
    pub disp: Vec<u16>,
    /// Each slot's key (its index in the key list), or `None` for an empty slot.
    pub slots: Vec<Option<usize>>,
}

/// Whether `sample` tells every key apart; else the first two keys it confuses.
fn distinct(keys: &[Vec<u8>], sample: fn(&[u8]) -> u64) -> Result<(), (&[u8], &[u8])> {
    let mut samples = HashMap::new();
    for key in keys {
        if let Some(other) = samples.insert(sample(key), key) {
            return Err((other, key));
        }
    }
    Ok(())
}

/// A perfect hash over `keys`: key `i` lands in a slot holding `i`. Slots and buckets are
/// powers of two (`phf::slot` and `phf::bucket` mask the hash): at least 1.1 slots per key and
/// about three keys per bucket. `what` names the set in errors.
pub fn build(keys: &[Vec<u8>], what: &str) -> Built {
    assert!(!keys.is_empty(), "{what}: no keys");
    // The hash reads only a sample of each key: two keys with the same sample can never be
    // told apart, whatever the seed. The ends suffice for most sets; the middle is read only
    // where they do not.
    let middle = distinct(keys, phf::sample::<false>).is_err();
    if let Err((a, b)) = distinct(keys, phf::sample::<true>) {
        panic!(
            "{what}: {:?} and {:?} hash alike under every seed (same phf::sample); make phf::sample read more",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
    let hash = if middle { phf::hash::<true> } else { phf::hash::<false> };
    let n = keys.len();
    let slots_len = (n + n / 10 + 1).next_power_of_two();
    let buckets_len = n.div_ceil(3).next_power_of_two();
    assert!(slots_len <= 1 << 16 && buckets_len <= 1 << 16, "{what}: too many keys for 16-bit displacements");
    for attempt in 0..20_000u32 {
        let seed = attempt.wrapping_mul(0x9E37_79B9);
        let hashes: Vec<u32> = keys.iter().map(|k| hash(k, seed)).collect();
        let mut buckets = vec![Vec::new(); buckets_len];
        for (i, h) in hashes.iter().enumerate() {
            buckets[phf::bucket(*h, buckets_len, slots_len)].push(i);
        }
        let mut order: Vec<usize> = (0..buckets_len).collect();
        order.sort_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));
        let mut slots = vec![None; slots_len];
        let mut disp = vec![0u16; buckets_len];
        // A displacement moves a bucket's keys together (xor): keys of one bucket that share
        // their slot bits can never part, and need another seed.
        let placed = order.iter().all(|&b| {
            let members = &buckets[b];
            (0..slots_len as u16).any(|d| {
                let wanted: Vec<usize> = members.iter().map(|&i| phf::slot(hashes[i], d, slots_len)).collect();
                let free = wanted.iter().enumerate().all(|(j, &s)| slots[s].is_none() && !wanted[..j].contains(&s));
                if free {
                    for (&i, &s) in members.iter().zip(&wanted) {
                        slots[s] = Some(i);
                    }
                    disp[b] = d;
                }
                free
            })
        });
        if placed {
            return Built { middle, seed, disp, slots };
        }
    }
    panic!("{what}: no perfect hash found in 20000 seeds");
}
