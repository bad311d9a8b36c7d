//! The string pools: texts stored once each, NUL-terminated, so that the library can hand C a
//! pointer into them. Identical texts are stored once, and a text that ends another one is
//! stored inside it (tail merging: `"Timeout\0"` inside `"IMAGE_DOWNLOAD_Timeout\0"`).

use std::collections::{BTreeSet, HashMap};

pub struct Pool {
    pub bytes: Vec<u8>,
    offsets: HashMap<String, usize>,
}

impl Pool {
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Pool {
        let unique: BTreeSet<&str> = texts.into_iter().collect();
        // Sorted by reversed bytes, longest first among equal tails: each text follows the
        // texts it is a tail of, so comparing with the last text placed is enough.
        let mut order: Vec<&str> = unique.into_iter().collect();
        order.sort_by(|a, b| b.bytes().rev().cmp(a.bytes().rev()));
        let mut bytes = Vec::new();
        let mut offsets = HashMap::new();
        let mut last: Option<(&str, usize)> = None;
        for text in order {
            assert!(!text.contains('\0'), "pool text {text:?} contains NUL");
            let offset = match last {
                Some((placed, at)) if placed.ends_with(text) => at + placed.len() - text.len(),
                _ => {
                    let at = bytes.len();
                    bytes.extend_from_slice(text.as_bytes());
                    bytes.push(0);
                    last = Some((text, at));
                    at
                }
            };
            offsets.insert(text.to_string(), offset);
        }
        assert!(bytes.len() <= usize::from(u16::MAX), "a string pool outgrew 64 KiB: widen its offsets");
        Pool { bytes, offsets }
    }

    /// A pool whose first text, at offset 0, is `first`.
    pub fn build_first<'a>(first: &'a str, texts: impl IntoIterator<Item = &'a str>) -> Pool {
        let rest = Pool::build(texts.into_iter().filter(|t| *t != first));
        let shift = first.len() + 1;
        let mut bytes = first.as_bytes().to_vec();
        bytes.push(0);
        bytes.extend_from_slice(&rest.bytes);
        let mut offsets: HashMap<String, usize> = rest.offsets.into_iter().map(|(t, o)| (t, o + shift)).collect();
        offsets.insert(first.to_string(), 0);
        assert!(bytes.len() <= usize::from(u16::MAX), "a string pool outgrew 64 KiB: widen its offsets");
        Pool { bytes, offsets }
    }

    /// Where `text` is.
    pub fn offset(&self, text: &str) -> u16 {
        let at = *self.offsets.get(text).unwrap_or_else(|| panic!("{text:?} is not in the pool"));
        u16::try_from(at).expect("checked when built")
    }
}
