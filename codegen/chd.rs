//! Builds a minimal perfect hash (hash and displace) over one key set; see `src/phf.rs`.

use std::collections::HashMap;

use crate::phf::{self, EMPTY, MAX_KEYS};

pub struct Built {
    pub seed: u64,
    pub disp: Vec<u8>,
    pub slots: Vec<u8>,
}

/// A perfect hash over `keys`: key `i` lands in a slot holding `i`. `what` names the set in errors.
pub fn build(keys: &[Vec<u8>], what: &str) -> Built {
    if keys.is_empty() {
        return Built { seed: 0, disp: Vec::new(), slots: Vec::new() };
    }
    assert!(keys.len() <= MAX_KEYS, "{what}: {} keys, a table indexes at most {MAX_KEYS}", keys.len());
    // The hash reads only a sample of each key: two keys with the same sample can never be
    // told apart, whatever the seed.
    let mut samples = HashMap::new();
    for key in keys {
        if let Some(other) = samples.insert(phf::sample(key), key) {
            panic!(
                "{what}: {:?} and {:?} hash alike under every seed (same phf::sample); make phf::sample read more",
                String::from_utf8_lossy(other),
                String::from_utf8_lossy(key)
            );
        }
    }
    let n = keys.len();
    let buckets_len = (n / 4).max(1);
    // About 1.1 slots per key; each 1,000 seeds that fail widen the table by one slot.
    for attempt in 0..20_000u64 {
        let slots_len = n + n / 10 + 1 + (attempt / 1000) as usize;
        let seed = attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let hashes: Vec<u64> = keys.iter().map(|k| phf::hash(k, seed)).collect();
        let mut buckets = vec![Vec::new(); buckets_len];
        for (i, h) in hashes.iter().enumerate() {
            buckets[phf::bucket(*h, buckets_len)].push(i);
        }
        let mut order: Vec<usize> = (0..buckets_len).collect();
        order.sort_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));
        let mut slots = vec![EMPTY; slots_len];
        let mut disp = vec![0u8; buckets_len];
        let placed = order.iter().all(|&b| {
            let members = &buckets[b];
            (0..=u8::MAX).any(|d| {
                let wanted: Vec<usize> = members.iter().map(|&i| phf::slot(hashes[i], d, slots_len)).collect();
                let free = wanted.iter().enumerate().all(|(j, &s)| slots[s] == EMPTY && !wanted[..j].contains(&s));
                if free {
                    for (&i, &s) in members.iter().zip(&wanted) {
                        slots[s] = u8::try_from(i).expect("checked against MAX_KEYS");
                    }
                    disp[b] = d;
                }
                free
            })
        });
        if placed {
            return Built { seed, disp, slots };
        }
    }
    panic!("{what}: no perfect hash found in 20000 seeds");
}
